#include "kube/ApiClient.h"

#include "kube/ApiCall.h"
#include "kube/ApiStream.h"
#include "kube/CredentialProvider.h"
#include "kube/Logging.h"
#include "kube/ProxyTlsTunnel.h"

#include <QFile>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>

#include <algorithm>
#include <array>

namespace kube {

ApiClient::ApiClient(const ClusterEndpoint &endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_credentials(new CredentialProvider(endpoint, this))
    , m_ssl(QSslConfiguration::defaultConfiguration())
{
    const KubeConfigCluster &cl = endpoint.cluster;
    QByteArray caPem = cl.certificateAuthorityData;
    if (caPem.isEmpty() && !cl.certificateAuthority.isEmpty()) {
        QFile f(cl.certificateAuthority);
        if (f.open(QIODevice::ReadOnly))
            caPem = f.readAll();
        else
            m_setupError = ApiError::config(
                tr("%1: clusters[%2].cluster.certificate-authority: "
                   "cannot read %3: %4")
                    .arg(cl.sourceFile, cl.name, cl.certificateAuthority, f.errorString()));
    }
    if (!caPem.isEmpty()) {
        const auto cas = QSslCertificate::fromData(caPem, QSsl::Pem);
        if (cas.isEmpty())
            m_setupError = ApiError::config(
                tr("%1: clusters[%2].cluster: the certificate authority holds no PEM certificate")
                    .arg(cl.sourceFile, cl.name));
        // A configured CA replaces the system roots, as in client-go.
        m_ssl.setCaCertificates(cas);
    }
    if (cl.insecureSkipTlsVerify)
        m_ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    else
        m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);

    // The kubeconfig's proxy-url, else the environment's, as kubectl does.
    QString proxyUrl = cl.proxyUrl;
    m_proxySource = QStringLiteral("proxy-url");
    if (proxyUrl.isEmpty())
        proxyUrl = environmentProxyFor(endpoint.server, &m_proxySource);
    if (!proxyUrl.isEmpty()) {
        const QUrl proxy(proxyUrl);
        const QString where =
            m_proxySource == QLatin1String("proxy-url")
                ? tr("%1: clusters[%2].cluster.proxy-url").arg(cl.sourceFile, cl.name)
                : tr("the environment variable %1").arg(m_proxySource);
        QNetworkProxy p;
        const QString scheme = proxy.scheme();
        if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
            p.setType(QNetworkProxy::HttpProxy);
        else if (scheme == QLatin1String("socks5"))
            p.setType(QNetworkProxy::Socks5Proxy);
        else
            m_setupError = ApiError::config(
                tr("%1: proxy scheme \"%2\" is not supported (use http, https or socks5)")
                    .arg(where, scheme));
        p.setHostName(proxy.host());
        p.setPort(quint16(proxy.port(scheme == QLatin1String("socks5")  ? 1080
                                     : scheme == QLatin1String("https") ? 443
                                                                        : 3128)));
        if (scheme == QLatin1String("https")) {
            // TLS to the proxy itself: through a loopback relay (see ProxyTlsTunnel).
            m_proxyTunnel = new ProxyTlsTunnel(p.hostName(), p.port(), m_ssl, this);
            if (!m_proxyTunnel->start())
                m_setupError =
                    ApiError::config(tr("%1: cannot open a local relay for the https proxy: %2")
                                         .arg(where, m_proxyTunnel->errorString()));
            m_proxyDisplay = p.hostName() + QLatin1Char(':') + QString::number(p.port());
            p.setHostName(QStringLiteral("127.0.0.1"));
            p.setPort(m_proxyTunnel->serverPort());
        }
        p.setUser(proxy.userName());
        p.setPassword(proxy.password());
        m_proxy = p;
    } else {
        m_proxy = QNetworkProxy(QNetworkProxy::NoProxy);
        m_proxySource.clear();
    }
    m_nam = makeNetworkManager();
}

QString ApiClient::environmentProxyFor(const QUrl &server, QString *source)
{
    // Go's http.ProxyFromEnvironment (golang.org/x/net/http/httpproxy), which kubectl uses.
    const bool https = server.scheme() == QLatin1String("https");
    QString value;
    for (const char *name : https ? std::array{"HTTPS_PROXY", "https_proxy"}
                                  : std::array{"HTTP_PROXY", "http_proxy"}) {
        value = qEnvironmentVariable(name).trimmed();
        if (!value.isEmpty()) {
            *source = QLatin1String(name);
            break;
        }
    }
    if (value.isEmpty())
        return {};
    // Never for localhost or a loopback address.
    const QString host = server.host().toLower();
    const QHostAddress address(host);
    if (host == QLatin1String("localhost") || address.isLoopback())
        return {};
    QString noProxy = qEnvironmentVariable("NO_PROXY");
    if (noProxy.isEmpty())
        noProxy = qEnvironmentVariable("no_proxy");
    const int port = server.port(https ? 443 : 80);
    for (QString entry : noProxy.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        entry = entry.trimmed().toLower();
        if (entry == QLatin1String("*"))
            return {};
        if (!address.isNull()) {
            const auto subnet = QHostAddress::parseSubnet(entry);
            if (subnet.first.isNull() ? QHostAddress(entry) == address : address.isInSubnet(subnet))
                return {};
            continue;
        }
        // "name[:port]": the name and its subdomains; ".name" or "*.name": subdomains only.
        if (const qsizetype colon = entry.lastIndexOf(QLatin1Char(':')); colon > 0) {
            if (entry.mid(colon + 1).toInt() != port)
                continue;
            entry.truncate(colon);
        }
        if (entry.startsWith(QLatin1String("*.")))
            entry.remove(0, 1);
        if (entry.startsWith(QLatin1Char('.'))) {
            if (host.endsWith(entry))
                return {};
        } else if (host == entry || host.endsWith(QLatin1Char('.') + entry)) {
            return {};
        }
    }
    // "host:port" alone means http://host:port.
    if (!value.contains(QLatin1String("://")))
        value.prepend(QLatin1String("http://"));
    return value;
}

QNetworkAccessManager *ApiClient::makeNetworkManager()
{
    auto *nam = new QNetworkAccessManager(this);
    // Keep-alive connections are reused; a watch holds one of the six per host.
    nam->setAutoDeleteReplies(false);
    nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    nam->setProxy(m_proxy);
    // For error messages: where the proxy came from (proxy-url, HTTPS_PROXY, ...).
    nam->setProperty("faultboardProxySource", m_proxySource);
    nam->setProperty("faultboardProxyDisplay", m_proxyDisplay);
    return nam;
}

void ApiClient::resetConnections()
{
    // Qt keys its connection pool on host, port and proxy, not on the TLS configuration, and
    // QNetworkAccessManager::clearConnectionCache() waits for its HTTP thread. A fresh manager
    // has an empty pool; the old one is deleted once the replies it still carries are done.
    QNetworkAccessManager *old = std::exchange(m_nam, makeNetworkManager());
    ++m_connectionResets;
    auto retireIfIdle = [old] {
        const auto replies = old->findChildren<QNetworkReply *>(Qt::FindDirectChildrenOnly);
        if (std::none_of(replies.begin(), replies.end(),
                         [](QNetworkReply *r) { return r->isRunning(); }))
            old->deleteLater();
    };
    connect(old, &QNetworkAccessManager::finished, old, retireIfIdle, Qt::QueuedConnection);
    retireIfIdle();
}

void ApiClient::noteClientCertificate(const Credentials &creds)
{
    const QByteArray digest = creds.hasClientCertificate()
                                  ? creds.clientCertificate.digest(QCryptographicHash::Sha256)
                                  : QByteArray();
    if (digest == m_clientCertificateDigest)
        return;
    const bool hadOne = !m_clientCertificateDigest.isEmpty();
    m_clientCertificateDigest = digest;
    if (hadOne) {
        qCDebug(lcKubeAuth) << "the client certificate changed: new connections";
        resetConnections();
    }
}

ApiClient::~ApiClient() = default;

ApiCall *ApiClient::send(const ApiRequest &request)
{
    return new ApiCall(this, request);
}

ApiStream *ApiClient::openStream(const ApiRequest &request)
{
    return new ApiStream(this, request);
}

QNetworkRequest ApiClient::buildRequest(const ApiRequest &request, const Credentials &creds) const
{
    QUrl url = m_endpoint.server;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + request.path);
    if (!request.query.isEmpty())
        url.setQuery(request.query);

    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setRawHeader("Accept", request.accept);
    req.setRawHeader("User-Agent", "faultboard/" FAULTBOARD_VERSION);
    // Otherwise QNetworkAccessManager asks for gzip and inflates the answer, as client-go does.
    if (m_endpoint.cluster.disableCompression)
        req.setRawHeader("Accept-Encoding", "identity");
    if (!request.body.isEmpty() || request.verb != "GET")
        req.setRawHeader("Content-Type", request.contentType);
    if (!creds.authorization.isEmpty())
        req.setRawHeader("Authorization", creds.authorization);
    for (const auto &[name, value] : creds.extraHeaders)
        req.setRawHeader(name, value);
    req.setTransferTimeout(request.timeoutMs);

    QSslConfiguration ssl = m_ssl;
    if (creds.hasClientCertificate()) {
        ssl.setLocalCertificate(creds.clientCertificate);
        ssl.setLocalCertificateChain(QList<QSslCertificate>{creds.clientCertificate} +
                                     creds.clientCertificateChain);
        ssl.setPrivateKey(creds.clientKey);
    }
    req.setSslConfiguration(ssl);
    if (!m_endpoint.cluster.tlsServerName.isEmpty())
        req.setPeerVerifyName(m_endpoint.cluster.tlsServerName);
    return req;
}

} // namespace kube

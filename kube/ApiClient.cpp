#include "kube/ApiClient.h"

#include "kube/ApiCall.h"
#include "kube/ApiStream.h"
#include "kube/CredentialProvider.h"
#include "kube/Logging.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>

#include <algorithm>

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

    if (!cl.proxyUrl.isEmpty()) {
        const QUrl proxy(cl.proxyUrl);
        QNetworkProxy p;
        if (proxy.scheme() == QLatin1String("http"))
            p.setType(QNetworkProxy::HttpProxy);
        else if (proxy.scheme() == QLatin1String("socks5"))
            p.setType(QNetworkProxy::Socks5Proxy);
        else
            m_setupError = ApiError::config(
                tr("%1: clusters[%2].cluster.proxy-url: scheme \"%3\" is not supported (use http "
                   "or socks5)")
                    .arg(cl.sourceFile, cl.name, proxy.scheme()));
        p.setHostName(proxy.host());
        p.setPort(quint16(proxy.port(proxy.scheme() == QLatin1String("socks5") ? 1080 : 3128)));
        p.setUser(proxy.userName());
        p.setPassword(proxy.password());
        m_proxy = p;
    } else {
        m_proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    }
    m_nam = makeNetworkManager();
}

QNetworkAccessManager *ApiClient::makeNetworkManager()
{
    auto *nam = new QNetworkAccessManager(this);
    // Keep-alive connections are reused; a watch holds one of the six per host.
    nam->setAutoDeleteReplies(false);
    nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    nam->setProxy(m_proxy);
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

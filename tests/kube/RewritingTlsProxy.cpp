#include "RewritingTlsProxy.h"

#include "sim/Certificates.h"

#include <QSslKey>
#include <QSslSocket>

#include <memory>

RewritingTlsProxy::RewritingTlsProxy(const QUrl &upstream, const QList<QSslCertificate> &upstreamCa,
                                     QObject *parent)
    : QTcpServer(parent)
    , m_upstream(upstream)
    , m_upstreamConfig(QSslConfiguration::defaultConfiguration())
{
    m_upstreamConfig.setCaCertificates(upstreamCa);
    m_upstreamConfig.setPeerVerifyMode(QSslSocket::VerifyPeer);
}

bool RewritingTlsProxy::start(QString *error)
{
    sim::Certificates pki;
    if (!pki.generate({}, error))
        return false;
    m_caPem = pki.ca().certificatePem;
    m_serverConfig = QSslConfiguration::defaultConfiguration();
    m_serverConfig.setLocalCertificate(QSslCertificate(pki.server().certificatePem, QSsl::Pem));
    m_serverConfig.setPrivateKey(QSslKey(pki.server().keyPem, QSsl::Ec, QSsl::Pem));
    m_serverConfig.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (m_serverConfig.privateKey().isNull()) {
        *error = QStringLiteral("the proxy's key does not load");
        return false;
    }
    if (!listen(QHostAddress::LocalHost, 0)) {
        *error = errorString();
        return false;
    }
    return true;
}

QUrl RewritingTlsProxy::url() const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(serverPort()));
}

void RewritingTlsProxy::replace(const QByteArray &from, const QByteArray &to)
{
    Q_ASSERT(from.size() == to.size() && !from.isEmpty());
    m_rules.append({from, to});
}

void RewritingTlsProxy::replaceInRequests(const QByteArray &from, const QByteArray &to)
{
    Q_ASSERT(from.size() == to.size() && !from.isEmpty());
    m_requestRules.append({from, to});
}

void RewritingTlsProxy::setDown(bool down)
{
    m_down = down;
    if (down)
        for (QSslSocket *client : findChildren<QSslSocket *>(Qt::FindDirectChildrenOnly)) {
            // Neither end says anything more: the upstream's goodbye would write to a closed client.
            for (QSslSocket *upstream : client->findChildren<QSslSocket *>())
                upstream->disconnect(client);
            client->abort();
            client->deleteLater(); // and its upstream socket, its child
        }
}

QByteArray RewritingTlsProxy::rewrite(const Rules &rules, QByteArray data, QByteArray *held,
                                      int *count)
{
    for (const auto &[from, to] : rules) {
        *count += int(data.count(from));
        data.replace(from, to);
    }
    // A read may end inside a string to replace: hold back a tail that could begin one.
    qsizetype keep = 0;
    for (const auto &[from, to] : rules)
        for (qsizetype n = std::min(from.size() - 1, data.size()); n > keep; --n)
            if (data.endsWith(from.left(n))) {
                keep = n;
                break;
            }
    *held = data.right(keep);
    data.chop(keep);
    return data;
}

void RewritingTlsProxy::incomingConnection(qintptr socketDescriptor)
{
    auto *client = new QSslSocket(this);
    if (!client->setSocketDescriptor(socketDescriptor) || m_down) {
        delete client;
        return;
    }
    client->setSslConfiguration(m_serverConfig);
    auto *upstream = new QSslSocket(client);
    upstream->setSslConfiguration(m_upstreamConfig);
    struct Buffers
    {
        QByteArray toUpstream;   // before the upstream handshake is done
        QByteArray held;         // a possible start of a string to replace, in an answer
        QByteArray requestHeld;  // the same in a request
        bool withheld = false;   // the server's answers are dropped (withholdAnswersTo)
    };
    auto buffers = std::make_shared<Buffers>();

    connect(client, &QSslSocket::readyRead, client, [this, client, upstream, buffers] {
        const QByteArray data = rewrite(m_requestRules, buffers->requestHeld + client->readAll(),
                                        &buffers->requestHeld, &m_requestReplacements);
        for (const QByteArray &needle : std::as_const(m_withheldNeedles)) {
            if (!buffers->withheld && data.contains(needle)) {
                buffers->withheld = true;
                ++m_withheldConnections;
            }
        }
        if (upstream->isEncrypted())
            upstream->write(data);
        else
            buffers->toUpstream += data;
    });
    connect(upstream, &QSslSocket::encrypted, client,
            [upstream, buffers] { upstream->write(std::exchange(buffers->toUpstream, {})); });
    connect(upstream, &QSslSocket::readyRead, client, [this, client, upstream, buffers] {
        if (buffers->withheld) {
            upstream->readAll();
            return;
        }
        client->write(
            rewrite(m_rules, buffers->held + upstream->readAll(), &buffers->held, &m_replacements));
    });
    connect(upstream, &QSslSocket::disconnected, client, [client, buffers] {
        if (!buffers->withheld)
            client->write(std::exchange(buffers->held, {}));
        client->disconnectFromHost();
    });
    connect(upstream, &QSslSocket::errorOccurred, client,
            [client](QAbstractSocket::SocketError) { client->disconnectFromHost(); });
    connect(client, &QSslSocket::disconnected, client, [client, upstream] {
        upstream->disconnectFromHost();
        client->deleteLater();
    });
    client->startServerEncryption();
    upstream->connectToHostEncrypted(m_upstream.host(), quint16(m_upstream.port()));
}

#include "kube/ProxyTlsTunnel.h"

#include "kube/ApiCall.h"
#include "kube/Logging.h"

#include <QPointer>
#include <QSslSocket>

namespace kube {

ProxyTlsTunnel::ProxyTlsTunnel(const QString &proxyHost, quint16 proxyPort,
                               const QSslConfiguration &tls, QObject *parent)
    : QTcpServer(parent)
    , m_host(proxyHost)
    , m_port(proxyPort)
    , m_tls(tls)
{}

void ProxyTlsTunnel::incomingConnection(qintptr socketDescriptor)
{
    auto *local = new QTcpSocket(this);
    if (!local->setSocketDescriptor(socketDescriptor)) {
        delete local;
        return;
    }
    auto *remote = new QSslSocket(local);
    remote->setSslConfiguration(m_tls);
    remote->setPeerVerifyName(m_host);
    connect(local, &QTcpSocket::readyRead, remote, [local, remote] {
        if (remote->isEncrypted())
            remote->write(local->readAll());
    });
    connect(remote, &QSslSocket::encrypted, local, [local, remote] {
        remote->write(local->readAll()); // what came before the TLS handshake finished
        if (remote->bytesAvailable())
            local->write(remote->readAll());
    });
    connect(remote, &QSslSocket::readyRead, local,
            [local, remote] { local->write(remote->readAll()); });
    connect(remote, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        m_lastError = describeSslErrors(errors).join(QLatin1String("; "));
        qCDebug(lcKube).noquote() << "TLS to the proxy failed:" << m_lastError;
    });
    connect(remote, &QSslSocket::disconnected, local, [local] { local->disconnectFromHost(); });
    // Without TLS to the proxy nothing may pass. The client is waiting for the answer to its
    // CONNECT: answer it with 502, which Qt reports at once as a proxy failure (a bare close
    // leaves it waiting for its transfer timeout).
    connect(
        remote, &QSslSocket::errorOccurred, local, [local, remote](QAbstractSocket::SocketError) {
            if (!remote->isEncrypted() && local->state() == QAbstractSocket::ConnectedState) {
                local->readAll();
                local->write(
                    "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            }
            local->disconnectFromHost();
        });
    connect(local, &QTcpSocket::disconnected, this, [local, remote] {
        remote->disconnectFromHost();
        local->deleteLater();
    });
    connect(local, &QTcpSocket::errorOccurred, this, [local](QAbstractSocket::SocketError) {
        if (local->state() == QAbstractSocket::UnconnectedState)
            local->deleteLater();
    });
    remote->connectToHostEncrypted(m_host, m_port);
}

} // namespace kube

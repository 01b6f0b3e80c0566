#include "ConnectProxy.h"

#include <QSslSocket>
#include <QTcpSocket>

ConnectProxy::ConnectProxy(QObject *parent)
    : QTcpServer(parent)
{}

void ConnectProxy::incomingConnection(qintptr socketDescriptor)
{
    QTcpSocket *client = nullptr;
    if (m_certificate.isNull()) {
        client = new QTcpSocket(this);
        client->setSocketDescriptor(socketDescriptor);
    } else {
        auto *tls = new QSslSocket(this);
        tls->setSocketDescriptor(socketDescriptor);
        tls->setLocalCertificate(m_certificate);
        tls->setPrivateKey(m_key);
        tls->startServerEncryption();
        client = tls;
    }
    auto *upstream = new QTcpSocket(client);
    auto *head = new QByteArray;
    connect(client, &QObject::destroyed, [head] { delete head; });

    connect(client, &QTcpSocket::readyRead, this, [this, client, upstream, head] {
        if (upstream->state() == QAbstractSocket::ConnectedState) {
            upstream->write(client->readAll());
            return;
        }
        if (upstream->state() != QAbstractSocket::UnconnectedState) {
            *head += client->readAll(); // bytes after the CONNECT header, before the tunnel is up
            return;
        }
        *head += client->readAll();
        const qsizetype end = head->indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> requestLine = head->left(head->indexOf("\r\n")).split(' ');
        QByteArray rest = head->mid(end + 4);
        head->clear();
        if (requestLine.value(0) != "CONNECT") {
            client->write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n");
            client->disconnectFromHost();
            return;
        }
        const QByteArray target = requestLine.value(1);
        m_targets << QString::fromLatin1(target);
        const qsizetype colon = target.lastIndexOf(':');
        connect(upstream, &QTcpSocket::connected, client, [client, upstream, head, rest] {
            upstream->setProperty("tunnel", true);
            client->write("HTTP/1.1 200 Connection established\r\n\r\n");
            upstream->write(rest + *head);
            head->clear();
        });
        upstream->connectToHost(QString::fromLatin1(target.left(colon)),
                                quint16(target.mid(colon + 1).toUInt()));
    });
    connect(upstream, &QTcpSocket::readyRead, client,
            [client, upstream] { client->write(upstream->readAll()); });
    connect(upstream, &QTcpSocket::disconnected, client,
            [client] { client->disconnectFromHost(); });
    connect(upstream, &QTcpSocket::errorOccurred, client,
            [client, upstream](QAbstractSocket::SocketError) {
                if (upstream->property("tunnel").toBool())
                    return; // the tunnel's end: `disconnected` closes the client side
                client->write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
                client->disconnectFromHost();
            });
    connect(client, &QTcpSocket::disconnected, client, [client, upstream] {
        upstream->disconnectFromHost();
        client->deleteLater();
    });
}

#pragma once

#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>
#include <QTcpServer>

// A tiny HTTP CONNECT proxy on loopback for the client's proxy-url tests: it records every
// CONNECT target and pipes bytes both ways. It never looks inside the tunnel (TLS end to end).
class ConnectProxy : public QTcpServer
{
    Q_OBJECT

public:
    explicit ConnectProxy(QObject *parent = nullptr);

    bool start() { return listen(QHostAddress::LocalHost, 0); }
    // Speak TLS to clients with this certificate (an https:// proxy).
    void setTls(const QSslCertificate &certificate, const QSslKey &key)
    {
        m_certificate = certificate;
        m_key = key;
    }
    QString url() const
    {
        return QStringLiteral("%1://127.0.0.1:%2")
            .arg(m_certificate.isNull() ? QStringLiteral("http") : QStringLiteral("https"))
            .arg(serverPort());
    }
    // "host:port" of every CONNECT request seen, in order.
    QStringList targets() const { return m_targets; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    QStringList m_targets;
    QSslCertificate m_certificate;
    QSslKey m_key;
};

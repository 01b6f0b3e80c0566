#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QUrl>

#include <utility>

// A TLS-terminating proxy in front of one API server, for tests that need a server kubesim is
// not: it decrypts, replaces byte strings with others of the same length in the server's answers
// (so Content-Length and chunk sizes stay right), and encrypts again with a certificate of its
// own CA. Both legs are real TLS and verified.
class RewritingTlsProxy : public QTcpServer
{
    Q_OBJECT

public:
    RewritingTlsProxy(const QUrl &upstream, const QList<QSslCertificate> &upstreamCa,
                      QObject *parent = nullptr);

    // Makes its CA and certificate and listens on loopback.
    bool start(QString *error);
    QUrl url() const;
    QByteArray caPem() const { return m_caPem; }

    // `from` and `to` must have the same length.
    void replace(const QByteArray &from, const QByteArray &to);
    int replacements() const { return m_replacements; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    QByteArray rewrite(QByteArray data, QByteArray *held);

    QUrl m_upstream;
    QSslConfiguration m_serverConfig;
    QSslConfiguration m_upstreamConfig;
    QByteArray m_caPem;
    QList<std::pair<QByteArray, QByteArray>> m_rules;
    int m_replacements = 0;
};

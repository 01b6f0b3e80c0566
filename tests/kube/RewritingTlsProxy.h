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

    // In the server's answers; `from` and `to` must have the same length.
    void replace(const QByteArray &from, const QByteArray &to);
    // In what the client sends (a request line, a header); the same length, as for answers.
    void replaceInRequests(const QByteArray &from, const QByteArray &to);
    int replacements() const { return m_replacements; }
    int requestReplacements() const { return m_requestReplacements; }

    // A connection that carries a request containing `needle` (after the request rules) gets
    // no byte of the server's answers from then on, as from a server that takes longer than the
    // client waits; the client's timeout ends it.
    void withholdAnswersTo(const QByteArray &needle) { m_withheldNeedles << needle; }
    int withheldConnections() const { return m_withheldConnections; }

    // Down: every open connection is closed and new ones are closed as soon as they come, as
    // when the network between client and server is cut; up again: connections pass.
    void setDown(bool down);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    using Rules = QList<std::pair<QByteArray, QByteArray>>;
    static QByteArray rewrite(const Rules &rules, QByteArray data, QByteArray *held, int *count);

    QUrl m_upstream;
    QSslConfiguration m_serverConfig;
    QSslConfiguration m_upstreamConfig;
    QByteArray m_caPem;
    Rules m_rules;
    Rules m_requestRules;
    int m_replacements = 0;
    int m_requestReplacements = 0;
    QList<QByteArray> m_withheldNeedles;
    int m_withheldConnections = 0;
    bool m_down = false;
};

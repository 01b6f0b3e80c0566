#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrlQuery>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace sim {

struct HttpRequest
{
    QByteArray method;
    QString path; // percent-decoded
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QSslCertificate peerCertificate; // the client certificate, when one was presented
    bool tls = false;

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    QString queryValue(const QString &key) const
    {
        return query.queryItemValue(key, QUrl::FullyDecoded);
    }
    // A boolean query parameter: "true" or "1".
    bool queryFlag(const QString &key) const
    {
        const QString v = queryValue(key);
        return v == QLatin1String("1") || v == QLatin1String("true");
    }
};

class HttpConnection;

// One request's answer. Either respond() once, or beginStream(), writeChunk()… and endStream().
// Lives until the answer is complete or the client goes away (closed()).
class HttpExchange : public QObject
{
    Q_OBJECT

public:
    HttpExchange(HttpConnection *connection, HttpRequest request);
    ~HttpExchange() override;

    const HttpRequest &request() const { return m_request; }

    void respond(int status, const QByteArray &contentType, const QByteArray &body,
                 const QList<std::pair<QByteArray, QByteArray>> &extraHeaders = {});
    void beginStream(int status, const QByteArray &contentType);
    // Returns false when the client is gone.
    bool writeChunk(const QByteArray &data);
    // Starts a chunk of `data` but sends only its first `keep` bytes (a stream cut mid-chunk);
    // follow with closeAfterFlush().
    void writeTruncatedChunk(const QByteArray &data, qsizetype keep);
    void endStream();
    // Drops the connection without finishing the answer (fault injection, server shutdown).
    void abort();
    // Closes the connection once what was written so far is sent, without finishing the answer
    // (a stream cut mid-way, as by a proxy or a network failure).
    void closeAfterFlush();

    bool isStreaming() const { return m_streaming; }
    bool isFinished() const { return m_finished; }
    qint64 bufferedBytes() const;

signals:
    void closed();

private:
    friend class HttpConnection;
    QPointer<HttpConnection> m_connection;
    HttpRequest m_request;
    bool m_streaming = false;
    bool m_finished = false;
};

// A tiny HTTP/1.1 server (keep-alive, Content-Length and chunked request bodies, chunked
// streaming responses) over TCP or TLS on loopback: enough to stand in for kube-apiserver.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(HttpExchange *exchange)>;

    explicit HttpServer(Handler handler, QObject *parent = nullptr);
    ~HttpServer() override;

    // TLS when `ssl` is set (server certificate, key, CA for client certificates).
    bool listen(quint16 port, const std::optional<QSslConfiguration> &ssl, QString *error);
    void close();
    quint16 port() const;
    bool isTls() const { return m_tls; }

    // Drops every open connection (streams end without their final chunk).
    void dropAllConnections();
    int connectionCount() const { return int(m_connections.size()); }

    // Delay before each response starts, for slow-server tests (control requests under /_sim/
    // are answered at once).
    void setResponseDelayMs(int ms) { m_responseDelayMs = ms; }
    int responseDelayMs() const { return m_responseDelayMs; }

private:
    void accept(QTcpSocket *socket);
    friend class HttpConnection;

    Handler m_handler;
    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    QList<QPointer<HttpConnection>> m_connections;
    int m_responseDelayMs = 0;
};

class HttpConnection : public QObject
{
    Q_OBJECT

public:
    HttpConnection(HttpServer *server, QTcpSocket *socket, bool tls);
    ~HttpConnection() override;

    void write(const QByteArray &data);
    void finishExchange(HttpExchange *exchange, bool keepAlive);
    void abort();
    void closeAfterFlush();
    QTcpSocket *socket() const { return m_socket; }

private:
    void onReadyRead();
    bool parseOne();
    void dispatch(HttpRequest request);

    HttpServer *m_server;
    QTcpSocket *m_socket;
    bool m_tls;
    QByteArray m_buffer;
    QPointer<HttpExchange> m_active;
    bool m_closeAfter = false;
    bool m_closing = false;
};

QByteArray httpReason(int status);

} // namespace sim

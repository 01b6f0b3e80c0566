#include "sim/HttpServer.h"

#include <QDateTime>
#include <QLocale>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

namespace sim {

QByteArray httpReason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 413:
        return "Request Entity Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

namespace {

QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(),
                  QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

QByteArray statusLine(int status)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + httpReason(status) + "\r\n";
}

constexpr qsizetype MaxHeaderBytes = 1 << 20;
constexpr qsizetype MaxBodyBytes = 64 << 20;

} // namespace

// ---------------------------------------------------------------------------------------------

HttpExchange::HttpExchange(HttpConnection *connection, HttpRequest request)
    : QObject(connection)
    , m_connection(connection)
    , m_request(std::move(request))
{}

HttpExchange::~HttpExchange() = default;

qint64 HttpExchange::bufferedBytes() const
{
    return m_connection ? m_connection->socket()->bytesToWrite() : 0;
}

void HttpExchange::respond(int status, const QByteArray &contentType, const QByteArray &body,
                           const QList<std::pair<QByteArray, QByteArray>> &extraHeaders)
{
    if (m_finished || m_streaming || !m_connection)
        return;
    QByteArray head = statusLine(status);
    head += "Content-Type: " + contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    head += "Cache-Control: no-cache, private\r\n";
    head += "Date: " + httpDate() + "\r\n";
    for (const auto &[k, v] : extraHeaders)
        head += k + ": " + v + "\r\n";
    head += "\r\n";
    m_connection->write(head);
    m_connection->write(body);
    m_finished = true;
    m_connection->finishExchange(this, true);
}

void HttpExchange::beginStream(int status, const QByteArray &contentType)
{
    if (m_finished || m_streaming || !m_connection)
        return;
    QByteArray head = statusLine(status);
    head += "Content-Type: " + contentType + "\r\n";
    head += "Transfer-Encoding: chunked\r\n";
    head += "Cache-Control: no-cache, private\r\n";
    head += "Date: " + httpDate() + "\r\n\r\n";
    m_connection->write(head);
    m_streaming = true;
}

bool HttpExchange::writeChunk(const QByteArray &data)
{
    if (!m_streaming || m_finished || !m_connection)
        return false;
    if (data.isEmpty())
        return true;
    m_connection->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    return true;
}

void HttpExchange::writeTruncatedChunk(const QByteArray &data, qsizetype keep)
{
    if (!m_streaming || m_finished || !m_connection || data.isEmpty())
        return;
    m_connection->write(QByteArray::number(data.size(), 16) + "\r\n" + data.left(keep));
}

void HttpExchange::endStream()
{
    if (!m_streaming || m_finished || !m_connection)
        return;
    m_connection->write("0\r\n\r\n");
    m_finished = true;
    m_connection->finishExchange(this, true);
}

void HttpExchange::closeAfterFlush()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_connection)
        m_connection->closeAfterFlush();
}

void HttpExchange::abort()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_connection)
        m_connection->abort();
}

// ---------------------------------------------------------------------------------------------

HttpServer::HttpServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{}

HttpServer::~HttpServer()
{
    close();
}

bool HttpServer::listen(quint16 port, const std::optional<QSslConfiguration> &ssl, QString *error)
{
    close();
    if (ssl) {
        auto *s = new QSslServer(this);
        s->setSslConfiguration(*ssl);
        s->setHandshakeTimeout(10000);
        m_server = s;
        m_tls = true;
    } else {
        m_server = new QTcpServer(this);
        m_tls = false;
    }
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *s = m_server->nextPendingConnection())
            accept(s);
    });
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        if (error)
            *error = m_server->errorString();
        return false;
    }
    return true;
}

void HttpServer::close()
{
    if (m_server) {
        m_server->close();
        m_server->deleteLater();
        m_server = nullptr;
    }
    dropAllConnections();
}

quint16 HttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

void HttpServer::accept(QTcpSocket *socket)
{
    auto *c = new HttpConnection(this, socket, m_tls);
    m_connections.removeIf([](const QPointer<HttpConnection> &p) { return p.isNull(); });
    m_connections.append(c);
}

void HttpServer::dropAllConnections()
{
    const auto conns = m_connections;
    m_connections.clear();
    for (const auto &c : conns)
        if (c)
            c->abort();
}

// ---------------------------------------------------------------------------------------------

HttpConnection::HttpConnection(HttpServer *server, QTcpSocket *socket, bool tls)
    : QObject(server)
    , m_server(server)
    , m_socket(socket)
    , m_tls(tls)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        if (m_active) {
            HttpExchange *ex = m_active;
            m_active = nullptr;
            emit ex->closed();
            ex->deleteLater();
        }
        deleteLater();
    });
    connect(socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        // TLS handshake failures and resets: drop the connection.
        if (m_socket->error() != QAbstractSocket::RemoteHostClosedError)
            m_socket->abort();
    });
    if (socket->bytesAvailable())
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::write(const QByteArray &data)
{
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(data);
}

void HttpConnection::abort()
{
    if (m_active) {
        HttpExchange *ex = m_active;
        m_active = nullptr;
        ex->m_finished = true;
        emit ex->closed();
        ex->deleteLater();
    }
    m_socket->abort();
    deleteLater();
}

void HttpConnection::closeAfterFlush()
{
    if (m_active) {
        HttpExchange *ex = m_active;
        m_active = nullptr;
        emit ex->closed();
        ex->deleteLater();
    }
    m_buffer.clear();
    m_closeAfter = true;
    m_closing = true;
    // disconnectFromHost() sends what is buffered first (for TLS too), then closes.
    m_socket->disconnectFromHost();
}

void HttpConnection::finishExchange(HttpExchange *exchange, bool keepAlive)
{
    if (m_active == exchange)
        m_active = nullptr;
    exchange->deleteLater();
    if (!keepAlive || m_closeAfter) {
        m_socket->disconnectFromHost();
        return;
    }
    // The next pipelined request, if any.
    if (!m_buffer.isEmpty())
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

void HttpConnection::onReadyRead()
{
    if (m_closing) {
        m_socket->readAll();
        return;
    }
    m_buffer += m_socket->readAll();
    while (!m_active && parseOne()) {
    }
    if (m_buffer.size() > MaxHeaderBytes + MaxBodyBytes)
        m_socket->abort();
}

bool HttpConnection::parseOne()
{
    const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (m_buffer.size() > MaxHeaderBytes)
            m_socket->abort();
        return false;
    }
    const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3) {
        m_socket->write(
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        m_socket->disconnectFromHost();
        m_buffer.clear();
        return false;
    }
    HttpRequest req;
    req.method = requestLine[0];
    req.tls = m_tls;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        req.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    qsizetype bodyStart = headerEnd + 4;
    QByteArray body;
    if (req.header("transfer-encoding").toLower().contains("chunked")) {
        qsizetype pos = bodyStart;
        while (true) {
            const qsizetype eol = m_buffer.indexOf("\r\n", pos);
            if (eol < 0)
                return false;
            bool ok = false;
            const qsizetype len =
                m_buffer.mid(pos, eol - pos).split(';').value(0).trimmed().toLongLong(&ok, 16);
            if (!ok || len > MaxBodyBytes) {
                m_socket->abort();
                return false;
            }
            if (m_buffer.size() < eol + 2 + len + 2)
                return false;
            if (len == 0) {
                const qsizetype trailerEnd = m_buffer.indexOf("\r\n", eol + 2);
                if (trailerEnd < 0)
                    return false;
                bodyStart = trailerEnd + 2;
                break;
            }
            body += m_buffer.mid(eol + 2, len);
            pos = eol + 2 + len + 2;
        }
        m_buffer.remove(0, bodyStart);
    } else {
        const qsizetype len = req.header("content-length").toLongLong();
        if (len > MaxBodyBytes) {
            m_socket->abort();
            return false;
        }
        if (m_buffer.size() < bodyStart + len)
            return false;
        body = m_buffer.mid(bodyStart, len);
        m_buffer.remove(0, bodyStart + len);
    }
    req.body = body;
    const QByteArray target = requestLine[1];
    const qsizetype q = target.indexOf('?');
    req.path = QUrl::fromPercentEncoding(q < 0 ? target : target.left(q));
    if (q >= 0)
        req.query = QUrlQuery(QString::fromLatin1(target.mid(q + 1)));
    if (req.header("connection").toLower() == "close")
        m_closeAfter = true;
    if (m_tls)
        req.peerCertificate = static_cast<QSslSocket *>(m_socket)->peerCertificate();
    dispatch(std::move(req));
    return true;
}

void HttpConnection::dispatch(HttpRequest request)
{
    auto *ex = new HttpExchange(this, std::move(request));
    m_active = ex;
    if (m_server->m_responseDelayMs > 0 &&
        !ex->request().path.startsWith(QLatin1String("/_sim/"))) {
        QPointer<HttpExchange> guard(ex);
        QTimer::singleShot(m_server->m_responseDelayMs, this, [this, guard] {
            if (guard && !guard->isFinished())
                m_server->m_handler(guard);
        });
        return;
    }
    m_server->m_handler(ex);
}

} // namespace sim

#include "kube/ApiCall.h"

#include "kube/CredentialProvider.h"
#include "kube/Logging.h"

#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSslError>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

namespace kube {

QStringList describeSslErrors(const QList<QSslError> &errors)
{
    QStringList out;
    for (const QSslError &e : errors) {
        QString text;
        switch (e.error()) {
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::CertificateUntrusted:
            text = ApiCall::tr("the server's certificate is signed by an unknown authority (not "
                               "the certificate-authority of the kubeconfig)");
            break;
        case QSslError::HostNameMismatch:
            text = ApiCall::tr("the server's certificate is not valid for this host name (%1)")
                       .arg(e.certificate().subjectAlternativeNames().values().join(
                           QLatin1String(", ")));
            break;
        case QSslError::CertificateExpired:
            text = ApiCall::tr("the server's certificate expired on %1")
                       .arg(e.certificate().expiryDate().toString(Qt::ISODate));
            break;
        case QSslError::CertificateNotYetValid:
            text = ApiCall::tr("the server's certificate is not valid before %1")
                       .arg(e.certificate().effectiveDate().toString(Qt::ISODate));
            break;
        default:
            text = e.errorString();
            break;
        }
        if (!out.contains(text))
            out << text;
    }
    return out;
}

namespace {
// "host:port" of the proxy as configured (not the loopback relay of an https proxy).
QString proxyAddress(QNetworkReply *reply, const QNetworkProxy &proxy)
{
    const QString shown = reply->manager()
                              ? reply->manager()->property("faultboardProxyDisplay").toString()
                              : QString();
    return shown.isEmpty() ? proxy.hostName() + QLatin1Char(':') + QString::number(proxy.port())
                           : shown;
}

QString proxySource(QNetworkReply *reply)
{
    const QString source = reply->manager()
                               ? reply->manager()->property("faultboardProxySource").toString()
                               : QString();
    return source.isEmpty() ? QStringLiteral("proxy-url") : source;
}
} // namespace

ApiError transportError(QNetworkReply *reply, const QStringList &sslErrors, const QString &context)
{
    ApiError e;
    e.context = context;
    const QString host = reply->url().host() + QLatin1Char(':') +
                         QString::number(reply->url().port(
                             reply->url().scheme() == QLatin1String("https") ? 443 : 80));
    switch (reply->error()) {
    case QNetworkReply::HostNotFoundError:
        e.kind = ApiError::Kind::Dns;
        e.message = reply->url().host();
        break;
    case QNetworkReply::ConnectionRefusedError:
        e.kind = ApiError::Kind::Refused;
        e.message = host;
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // setTransferTimeout aborts this way
        e.kind = ApiError::Kind::Timeout;
        e.message = host;
        break;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
    case QNetworkReply::ProxyTimeoutError: {
        // The proxy's address, never its credentials.
        const QNetworkProxy proxy = reply->manager() ? reply->manager()->proxy() : QNetworkProxy();
        e.kind = reply->error() == QNetworkReply::ProxyTimeoutError ? ApiError::Kind::Timeout
                                                                    : ApiError::Kind::Network;
        e.message = ApiCall::tr("through the proxy %1 (%2): %3")
                        .arg(proxyAddress(reply, proxy), proxySource(reply), reply->errorString());
        break;
    }
    case QNetworkReply::SslHandshakeFailedError:
        e.kind = ApiError::Kind::Tls;
        e.message =
            sslErrors.isEmpty() ? reply->errorString() : sslErrors.join(QLatin1String("; "));
        break;
    default: {
        e.kind = ApiError::Kind::Network;
        e.message = reply->errorString();
        // Qt reports a proxy that refuses as an unknown network error: name the proxy.
        const QNetworkProxy proxy = reply->manager() ? reply->manager()->proxy() : QNetworkProxy();
        if (proxy.type() == QNetworkProxy::HttpProxy || proxy.type() == QNetworkProxy::Socks5Proxy)
            e.message =
                ApiCall::tr("through the proxy %1 (%2): %3")
                    .arg(proxyAddress(reply, proxy), proxySource(reply), reply->errorString());
        break;
    }
    }
    e.reason = QString::fromLatin1(
        QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(reply->error()));
    return e;
}

bool isFailureStatus(const QByteArray &body)
{
    // Cheap checks first: most answers are objects or lists, often large.
    if (body.size() > 64 * 1024 || !body.contains("Status") || !body.contains("Failure"))
        return false;
    const auto j = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
    if (!j.is_object())
        return false;
    // Looked up, not value(): a member of another type ("kind": 5) would make value() throw in
    // the reply's slot.
    const auto is = [&j](const char *key, const char *text) {
        const auto it = j.find(key);
        return it != j.end() && it->is_string() && it->get_ref<const std::string &>() == text;
    };
    return is("kind", "Status") && is("status", "Failure");
}

ApiCall::ApiCall(ApiClient *client, const ApiRequest &request)
    : QObject(client)
    , m_client(client)
    , m_request(request)
{
    m_elapsed.start();
    // Start on the next event-loop turn: the caller connects to `finished` first.
    QMetaObject::invokeMethod(this, &ApiCall::begin, Qt::QueuedConnection);
}

ApiCall::~ApiCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiCall::begin()
{
    if (m_done)
        return;
    if (!m_client)
        return finish({0, {}, ApiError::cancelled(m_request.context)});
    if (m_client->m_setupError) {
        ApiError e = m_client->m_setupError;
        e.context = m_request.context;
        return finish({0, {}, e});
    }
    m_client->credentials()->obtain(this, [this](const Credentials &creds, const ApiError &err) {
        if (err) {
            ApiError e = err;
            e.context = m_request.context;
            return finish({0, {}, e});
        }
        start(creds);
    });
}

void ApiCall::start(const Credentials &creds)
{
    if (m_done || !m_client)
        return;
    m_client->noteClientCertificate(creds);
    const QNetworkRequest req = m_client->buildRequest(m_request, creds);
    qCDebug(lcKube).noquote() << m_request.verb << req.url().path(QUrl::FullyEncoded)
                              << req.url().query(QUrl::FullyEncoded);
    m_sslErrors.clear();
    emit m_client->requestSent(m_request);
    m_reply = m_client->networkManager()->sendCustomRequest(req, m_request.verb, m_request.body);
    connect(m_reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors = describeSslErrors(errors); });
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
    m_streamed = -1;
    m_finishPending = false;
    if (m_request.streamBody) {
        m_reply->setReadBufferSize(BodyBufferBytes);
        connect(m_reply, &QNetworkReply::readyRead, this, [this] {
            if (!m_paused)
                onReadyRead();
        });
    }
}

void ApiCall::setBodyPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    // What arrived meanwhile, then more as it comes, or the end if it came meanwhile.
    if (!paused && m_reply)
        drainLater();
}

void ApiCall::drainLater()
{
    if (std::exchange(m_drainPosted, true))
        return;
    QTimer::singleShot(0, this, [this] {
        m_drainPosted = false;
        if (m_paused || m_done || !m_reply)
            return;
        if (m_reply->bytesAvailable() > 0)
            onReadyRead();
        else if (std::exchange(m_finishPending, false))
            onReplyFinished();
    });
}

void ApiCall::onReadyRead()
{
    if (!m_reply)
        return;
    if (m_streamed < 0) {
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        // An error's body is read whole, at the end, as for any call.
        if (status < 200 || status > 299)
            return;
        m_streamed = 0;
        emit bodyStarted(m_reply->rawHeader("Content-Type"));
    }
    if (m_paused || m_done)
        return;
    const QByteArray data = m_reply->read(std::max<qint64>(1, m_request.streamPieceBytes));
    if (!data.isEmpty()) {
        m_streamed += data.size();
        emit bodyData(data);
    }
    // The receiver may pause or cancel the call (m_done) on any piece; it is deleted later. The
    // next piece, or the end, comes on the next turn of the event loop: what the window has to
    // paint or answer goes in between.
    if (!m_paused && !m_done && m_reply && (m_reply->bytesAvailable() > 0 || m_finishPending))
        drainLater();
}

void ApiCall::onReplyFinished()
{
    if (m_request.streamBody) {
        if (!m_paused)
            onReadyRead(); // the status, and a piece of what is left
        if (m_done)
            return;
        // Bytes not handed over yet: the call finishes after the last of them, piece by piece
        // (drainLater), or once resumed when paused.
        if (m_streamed >= 0 && m_reply && m_reply->bytesAvailable() > 0) {
            m_finishPending = true;
            return;
        }
    }
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    reply->deleteLater();
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    ApiResponse r;
    if (m_streamed < 0 && reply->isOpen())
        r.body = reply->readAll();
    r.contentType = reply->rawHeader("Content-Type");
    if (statusAttr.isValid() && statusAttr.toInt() > 0) {
        r.status = statusAttr.toInt();
        qCDebug(lcKube).noquote() << m_request.verb << m_request.path << "->" << r.status << "in"
                                  << m_elapsed.elapsed() << "ms";
        if (r.status == 401 && !m_retried && m_client && m_client->credentials()->invalidate()) {
            m_retried = true;
            qCDebug(lcKubeAuth) << "401: refreshing credentials and retrying" << m_request.path;
            return begin();
        }
        if (r.status >= 400) {
            r.error = ApiError::fromHttp(r.status, r.body, m_request.context);
            if (r.error.retryAfterSeconds == 0 && reply->hasRawHeader("Retry-After"))
                r.error.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();
        } else if (isFailureStatus(r.body)) {
            // kube-apiserver writes a Status returned by a create handler with the create's own
            // 201 (the eviction of a pod with two PodDisruptionBudgets: code 500 inside); client-go
            // turns a Failure Status into an error whatever the HTTP code, and so do we.
            r.error = ApiError::fromHttp(r.status, r.body, m_request.context);
        } else if (m_streamed >= 0 && reply->error() != QNetworkReply::NoError) {
            // The connection broke or timed out in the middle of a streamed body.
            r.error = transportError(reply, m_sslErrors, m_request.context);
        }
    } else {
        r.error = transportError(reply, m_sslErrors, m_request.context);
        qCDebug(lcKube).noquote() << m_request.verb << m_request.path
                                  << "failed:" << r.error.toString();
    }
    // Half an answer was handed over: the reader restarts on its own terms.
    if (r.error && m_client && m_streamed < 0) {
        const int delay = m_client->retryPolicy().delayMs(m_request, r.error, m_retries + 1);
        if (delay >= 0) {
            ++m_retries;
            qCDebug(lcKube).noquote() << m_request.verb << m_request.path << "retry" << m_retries
                                      << "in" << delay << "ms:" << RetryPolicy::describe(r.error);
            emit m_client->responseReceived(m_request, r);
            emit m_client->requestRetrying(m_request, m_retries, delay, r.error);
            emit retrying(m_retries, delay, r.error);
            QTimer::singleShot(delay, this, &ApiCall::begin);
            return;
        }
    }
    finish(r);
}

void ApiCall::finish(const ApiResponse &response)
{
    if (m_done)
        return;
    m_done = true;
    if (m_client)
        emit m_client->responseReceived(m_request, response);
    emit finished(response);
    deleteLater();
}

void ApiCall::cancel()
{
    m_done = true;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    deleteLater();
}

} // namespace kube

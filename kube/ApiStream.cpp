#include "kube/ApiStream.h"

#include "kube/ApiCall.h"
#include "kube/CredentialProvider.h"
#include "kube/Logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace kube {

ApiStream::ApiStream(ApiClient *client, const ApiRequest &request)
    : QObject(client)
    , m_client(client)
    , m_request(request)
{
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_done)
                return;
            if (!m_client)
                return finish(ApiError::cancelled(m_request.context));
            if (m_client->m_setupError) {
                ApiError e = m_client->m_setupError;
                e.context = m_request.context;
                return finish(e);
            }
            m_client->credentials()->obtain(this,
                                            [this](const Credentials &c, const ApiError &err) {
                                                if (err) {
                                                    ApiError e = err;
                                                    e.context = m_request.context;
                                                    return finish(e);
                                                }
                                                start(c);
                                            });
        },
        Qt::QueuedConnection);
}

ApiStream::~ApiStream()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiStream::start(const Credentials &creds)
{
    if (m_done || !m_client)
        return;
    m_client->noteClientCertificate(creds);
    const QNetworkRequest req = m_client->buildRequest(m_request, creds);
    qCDebug(lcKubeWatch).noquote() << "open stream" << req.url().path(QUrl::FullyEncoded)
                                   << req.url().query(QUrl::FullyEncoded);
    emit m_client->requestSent(m_request);
    m_reply = m_client->networkManager()->sendCustomRequest(req, m_request.verb, m_request.body);
    m_reply->setReadBufferSize(BufferBytes);
    connect(m_reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors = describeSslErrors(errors); });
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        const int status = httpStatus();
        if (status >= 200 && status < 300 && !m_opened) {
            m_opened = true;
            emit opened();
        }
    });
    connect(m_reply, &QNetworkReply::readyRead, this, &ApiStream::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ApiStream::onFinished);
}

int ApiStream::httpStatus() const
{
    const QVariant v =
        m_reply ? m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute) : QVariant();
    return v.isValid() ? v.toInt() : 0;
}

void ApiStream::onReadyRead()
{
    if (!m_reply || m_paused)
        return;
    const int status = httpStatus();
    if (status < 200 || status >= 300) {
        const QByteArray data = m_reply->readAll();
        if (m_errorBody.size() < 64 * 1024)
            m_errorBody += data;
        return;
    }
    if (!m_opened) {
        m_opened = true;
        emit opened();
    }
    // The receiver may pause or cancel (m_done) on any piece.
    while (!m_paused && !m_done && m_reply) {
        const QByteArray data = m_reply->read(std::max<qint64>(1, m_request.streamPieceBytes));
        if (data.isEmpty())
            return;
        emit dataReceived(data);
    }
}

void ApiStream::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    // What arrived meanwhile, then more as it comes, or the end if it came meanwhile.
    if (!paused && m_reply)
        QTimer::singleShot(0, this, [this] {
            if (m_paused || m_done || !m_reply)
                return;
            if (std::exchange(m_finishPending, false))
                onFinished();
            else
                onReadyRead();
        });
}

void ApiStream::onFinished()
{
    if (m_reply->bytesAvailable())
        onReadyRead();
    if (m_done || !m_reply)
        return; // cancelled by the receiver
    if (m_paused) {
        m_finishPending = true; // paused, before the last bytes or the end: both on resume
        return;
    }
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    if (status >= 400) {
        if (status == 401 && !m_retried && m_client && m_client->credentials()->invalidate()) {
            // Fresh credentials may help; the informer reopens the stream through its backoff.
            m_retried = true;
        }
        return finish(ApiError::fromHttp(status, m_errorBody, m_request.context));
    }
    if (status == 0 || reply->error() != QNetworkReply::NoError) {
        // A stream the server closes cleanly mid-body is still a normal end for a watch.
        if (status >= 200 && status < 300 && reply->error() == QNetworkReply::RemoteHostClosedError)
            return finish({});
        return finish(transportError(reply, m_sslErrors, m_request.context));
    }
    finish({});
}

void ApiStream::finish(const ApiError &error)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(error);
    deleteLater();
}

void ApiStream::cancel()
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

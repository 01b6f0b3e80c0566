#include "kube/ApiStream.h"

#include "kube/ApiCall.h"
#include "kube/CredentialProvider.h"
#include "kube/Logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

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
    m_reply->setReadBufferSize(0);
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
    const QByteArray data = m_reply->readAll();
    const int status = httpStatus();
    if (status >= 200 && status < 300) {
        if (!m_opened) {
            m_opened = true;
            emit opened();
        }
        if (!data.isEmpty())
            emit dataReceived(data);
    } else if (m_errorBody.size() < 64 * 1024) {
        m_errorBody += data;
    }
}

void ApiStream::onFinished()
{
    QNetworkReply *reply = m_reply;
    const int status = httpStatus();
    if (reply->bytesAvailable())
        onReadyRead();
    m_reply = nullptr;
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

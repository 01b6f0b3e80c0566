#pragma once

#include "kube/ApiClient.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSslError>

class QNetworkReply;

namespace kube {

struct Credentials;

// A single REST request in flight. Emits `finished` exactly once (unless cancelled) and then
// deletes itself. A 401 is retried once with fresh credentials when the credential source can
// give new ones (exec plugin, token file). 429, 5xx and resets are retried by the client's
// RetryPolicy; each wait is announced by `retrying` (for an action's progress).
class ApiCall : public QObject
{
    Q_OBJECT

public:
    ApiCall(ApiClient *client, const ApiRequest &request);
    ~ApiCall() override;

    const ApiRequest &request() const { return m_request; }
    // Stops the request; `finished` is not emitted.
    void cancel();

    // With ApiRequest::streamBody: no more bodyData until resumed, from the next piece on. What
    // arrives meanwhile waits in the reply and then in the socket (the server's sending waits on
    // TCP); `finished` still comes after the last bytes were handed over, once resumed.
    // Pieces are handed over one per turn of the event loop, so that a receiver on the GUI thread
    // never holds it for more than one piece, however much has arrived.
    void setBodyPaused(bool paused);
    static constexpr qint64 BodyBufferBytes = 4 << 20;

    // Retries done so far.
    int retries() const { return m_retries; }

signals:
    void finished(const kube::ApiResponse &response);
    // The answer was `error`; the request goes out again in `delayMs` (attempt counts from 1).
    void retrying(int attempt, int delayMs, const kube::ApiError &error);
    // With ApiRequest::streamBody, for a 2xx answer: its Content-Type once, before its first
    // bytes, then the bytes as they arrive; `finished` follows the last of them.
    void bodyStarted(const QByteArray &contentType);
    void bodyData(const QByteArray &data);

private:
    void begin();
    void start(const Credentials &creds);
    void onReplyFinished();
    void onReadyRead();
    void drainLater();
    void finish(const ApiResponse &response);

    QPointer<ApiClient> m_client;
    ApiRequest m_request;
    // Guarded: the reply belongs to the client's network manager, which may go first when the
    // client is destroyed with calls still running.
    QPointer<QNetworkReply> m_reply;
    QStringList m_sslErrors;
    QElapsedTimer m_elapsed;
    bool m_retried = false;
    bool m_done = false;
    int m_retries = 0;
    bool m_paused = false;
    bool m_finishPending = false; // the reply finished before its bytes were handed over
    bool m_drainPosted = false;   // a drainLater() is queued
    qint64 m_streamed = -1;       // bytes of the body handed over; -1: not streaming this answer
};

// Maps a failed transfer to an operator-worded error.
ApiError transportError(QNetworkReply *reply, const QStringList &sslErrors, const QString &context);
QStringList describeSslErrors(const QList<QSslError> &errors);
// Whether a 2xx body is a `Status` with `status: Failure` (an error in disguise).
bool isFailureStatus(const QByteArray &body);

} // namespace kube

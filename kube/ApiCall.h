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
// give new ones (exec plugin, token file).
class ApiCall : public QObject
{
    Q_OBJECT

public:
    ApiCall(ApiClient *client, const ApiRequest &request);
    ~ApiCall() override;

    const ApiRequest &request() const { return m_request; }
    // Stops the request; `finished` is not emitted.
    void cancel();

signals:
    void finished(const kube::ApiResponse &response);

private:
    void begin();
    void start(const Credentials &creds);
    void onReplyFinished();
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
};

// Maps a failed transfer to an operator-worded error.
ApiError transportError(QNetworkReply *reply, const QStringList &sslErrors, const QString &context);
QStringList describeSslErrors(const QList<QSslError> &errors);
// Whether a 2xx body is a `Status` with `status: Failure` (an error in disguise).
bool isFailureStatus(const QByteArray &body);

} // namespace kube

#pragma once

#include "kube/ApiClient.h"

#include <QObject>
#include <QPointer>

class QNetworkReply;

namespace kube {

struct Credentials;

// A streamed request (watch). Emits `opened` once the server answered 2xx, `dataReceived` for
// every read, and `finished` once: with no error when the server ended the stream, with the
// Status when it answered an error, with the transport cause when the connection broke.
// Deletes itself after `finished`.
class ApiStream : public QObject
{
    Q_OBJECT

public:
    ApiStream(ApiClient *client, const ApiRequest &request);
    ~ApiStream() override;

    // Closes the stream; `finished` is not emitted.
    void cancel();
    bool isOpen() const { return m_opened; }
    // Stops handing data over while the receiver is behind: at most BufferBytes wait in the
    // reply, the rest in the socket, so TCP holds the server back. The end of the stream is
    // reported only once what came before it was handed over.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    // What the reply holds at most while paused (the most one dataReceived hands over is the
    // request's streamPieceBytes).
    static constexpr qint64 BufferBytes = 4 << 20;

signals:
    void opened();
    void dataReceived(const QByteArray &data);
    void finished(const kube::ApiError &error);

private:
    void start(const Credentials &creds);
    void onReadyRead();
    void onFinished();
    void finish(const ApiError &error);
    int httpStatus() const;

    QPointer<ApiClient> m_client;
    ApiRequest m_request;
    // Guarded: the reply belongs to the client's network manager, which may go first.
    QPointer<QNetworkReply> m_reply;
    QStringList m_sslErrors;
    QByteArray m_errorBody;
    bool m_opened = false;
    bool m_retried = false;
    bool m_done = false;
    bool m_paused = false;
    bool m_finishPending = false; // the reply finished while paused: finish once drained
};

} // namespace kube

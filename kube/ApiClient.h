#pragma once

#include "kube/ApiError.h"
#include "kube/KubeConfig.h"
#include "kube/RetryPolicy.h"

#include <QByteArray>
#include <QNetworkProxy>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QUrlQuery>

class QNetworkAccessManager;
class QNetworkRequest;

namespace kube {

class ApiCall;
class ApiStream;
class CredentialProvider;
class ProxyTlsTunnel;
struct Credentials;

struct ApiRequest
{
    QByteArray verb = "GET";
    QString path; // "/api/v1/nodes/gpu-0001"
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType = "application/json";
    QByteArray accept = "application/json";
    QString context;       // for errors, worded for an operator: "cordon node gpu-0001"
    int timeoutMs = 30000; // no bytes for this long aborts the transfer; 0 = never
    int maxRetries = -1;   // retries after 429/5xx/resets (RetryPolicy); -1: the client's policy
    // A 2xx answer's body is handed over as it arrives (ApiCall::bodyData), not kept: the
    // response's body is then empty. Once some of it was handed over, a broken transfer is not
    // retried (the reader has half an answer): it finishes with the error.
    bool streamBody = false;
    // The most one ApiCall::bodyData or ApiStream::dataReceived hands over: a reader that copies what it is given copies
    // little, however much the reply holds (Qt may buffer tens of MB while the event loop is busy).
    qint64 streamPieceBytes = 1 << 20;
};

struct ApiResponse
{
    int status = 0;
    QByteArray body;
    ApiError error;
    QByteArray contentType; // the answer's Content-Type header, as sent
    bool ok() const { return error.ok(); }
};

// One cluster, one user: the REST client on QNetworkAccessManager. Every call returns at once;
// results arrive as signals on the returned ApiCall/ApiStream. Lives on one thread (usually the
// GUI thread); it never blocks it.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    explicit ApiClient(const ClusterEndpoint &endpoint, QObject *parent = nullptr);
    ~ApiClient() override;

    const ClusterEndpoint &endpoint() const { return m_endpoint; }

    // A request whose whole answer is wanted. The call deletes itself after `finished`.
    ApiCall *send(const ApiRequest &request);
    // A streamed answer (watch). The stream deletes itself after `finished`.
    ApiStream *openStream(const ApiRequest &request);

    // Human-readable user name for audit annotations and history: the kubeconfig user.
    QString userName() const { return m_endpoint.user.name; }

    QNetworkAccessManager *networkManager() const { return m_nam; }
    // Requests from now on go over new connections; those in flight finish on the old ones.
    // Used when a connection may be dead without a reset (a watch went silent) and when the
    // client certificate changed (pooled TLS connections keep the one they shook hands with).
    void resetConnections();
    int connectionResets() const { return m_connectionResets; }

    const RetryPolicy &retryPolicy() const { return m_retryPolicy; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    CredentialProvider *credentials() const { return m_credentials; }

    // The proxy kubectl would use for `server` from HTTPS_PROXY/HTTP_PROXY/NO_PROXY (Go's
    // rules: never for localhost or loopback; "host:port" means http), or empty; `source`
    // gets the variable's name.
    static QString environmentProxyFor(const QUrl &server, QString *source);

    // Used by ApiCall/ApiStream.
    QNetworkRequest buildRequest(const ApiRequest &request, const Credentials &creds) const;

signals:
    // Every request as it goes out (streams included; again after a 401 refresh or a retry)
    // and every whole answer as it
    // arrives, before the ApiCall's own `finished`: for a request log and for tests. Carries no
    // credential (they are added to the network request only).
    void requestSent(const kube::ApiRequest &request);
    void responseReceived(const kube::ApiRequest &request, const kube::ApiResponse &response);
    // A request is sent again after `delayMs` (RetryPolicy); `attempt` counts from 1.
    void requestRetrying(const kube::ApiRequest &request, int attempt, int delayMs,
                         const kube::ApiError &error);

private:
    QNetworkAccessManager *makeNetworkManager();
    // The client certificate a request is about to use: a change resets the connections.
    void noteClientCertificate(const Credentials &creds);

    ClusterEndpoint m_endpoint;
    QNetworkAccessManager *m_nam = nullptr;
    CredentialProvider *m_credentials = nullptr;
    QSslConfiguration m_ssl;
    QNetworkProxy m_proxy;
    QString m_proxySource;  // "proxy-url", "HTTPS_PROXY", ... or empty
    QString m_proxyDisplay; // "host:port" of an https proxy (the relay's address is ours)
    ProxyTlsTunnel *m_proxyTunnel = nullptr;
    RetryPolicy m_retryPolicy;
    QByteArray m_clientCertificateDigest;
    int m_connectionResets = 0;
    ApiError m_setupError; // a CA that could not be read: every request fails with it
    friend class ApiCall;
    friend class ApiStream;
};

} // namespace kube

Q_DECLARE_METATYPE(kube::ApiRequest)
Q_DECLARE_METATYPE(kube::ApiResponse)

#pragma once

#include "kube/ApiError.h"
#include "kube/KubeConfig.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>

#include <functional>

namespace kube {

// What goes on a request to prove who we are. Never logged, never put in an error.
struct Credentials
{
    QByteArray authorization; // the Authorization header value, or empty
    QSslCertificate clientCertificate;
    QList<QSslCertificate> clientCertificateChain;
    QSslKey clientKey;
    QList<std::pair<QByteArray, QByteArray>> extraHeaders; // Impersonate-User, Impersonate-Group

    bool hasClientCertificate() const { return !clientCertificate.isNull(); }
};

// What an exec plugin's ExecCredential status gives: a token and/or a client certificate (PEM).
struct ExecCredentialStatus
{
    QByteArray token;
    QByteArray clientCertificateData;
    QByteArray clientKeyData;
    QDateTime expiry; // invalid: does not expire
};

// Produces credentials for one kubeconfig user: a static token, a token file (re-read when it
// changes), basic auth, client certificates from files or data, the legacy OIDC auth-provider,
// or an exec credential plugin run asynchronously.
class CredentialProvider : public QObject
{
    Q_OBJECT

public:
    using Ready = std::function<void(const Credentials &, const ApiError &)>;

    explicit CredentialProvider(const ClusterEndpoint &endpoint, QObject *parent = nullptr);
    ~CredentialProvider() override;

    // Calls `ready` with credentials, at once when they are at hand, later (on this object's
    // thread) when a plugin must run first. Not called if `context` is destroyed first.
    void obtain(QObject *context, Ready ready);

    // Forgets cached credentials after the server answered 401. Returns true when asking again
    // may give different credentials (an exec plugin or a token file), so a retry makes sense.
    bool invalidate();

    // Whether the configured user carries any credential at all.
    bool isAnonymous() const;

    // Reads a plugin's standard output, an ExecCredential of `apiVersion`; on failure says why.
    static std::optional<ExecCredentialStatus>
    readExecCredential(const QByteArray &output, const QString &apiVersion, QString *why);

private:
    ApiError loadStatic(Credentials *out);
    void runExecPlugin();
    void finishExec(const Credentials &creds, const ApiError &error, const QDateTime &expiry);

    ClusterEndpoint m_endpoint;
    Credentials m_static;
    bool m_staticLoaded = false;
    ApiError m_staticError;

    // token file
    QString m_fileToken;
    QDateTime m_fileTokenReadAt;
    QDateTime m_fileTokenModified;

    // exec plugin
    struct Waiter
    {
        QPointer<QObject> context;
        Ready ready;
    };
    std::optional<Credentials> m_execCreds;
    QDateTime m_execExpiry;
    bool m_execRunning = false;
    QList<Waiter> m_waiters;
};

// An exec plugin's stderr made fit for an error, a log or the history: the first lines, cut to a
// few hundred characters, with anything token- or key-like (JWTs, bearer and basic credentials,
// `secret=...`, PEM blocks, cloud access keys, long opaque strings) replaced by "[redacted]".
// Plugins print what they were given when they fail; it must not live on for 180 days.
QString scrubPluginOutput(const QByteArray &stderrBytes);

} // namespace kube

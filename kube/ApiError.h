#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>
#include <QStringList>

class QNetworkReply;

namespace kube {

// An error as a value: either the API server's `Status` (reason, code, message) or the transport
// cause, worded for an operator. Carries no secret: messages are built from server text and our
// own wording, never from request headers or credentials.
struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)

public:
    enum class Kind {
        None,       // success
        Config,     // kubeconfig missing, malformed or inconsistent
        Credential, // token file unreadable, exec plugin failed
        Dns,        // host not found
        Refused,    // connection refused
        Tls,        // certificate or handshake problem
        Timeout,    // no answer in time
        Network,    // any other transport failure (reset, proxy, closed)
        Http,       // the server answered with an error Status
        Decode,     // the server answered something we cannot read
        Cancelled,  // the caller gave up
        Invalid,    // the caller asked for something that cannot be done (a bad taint, ...)
    };

    Kind kind = Kind::None;
    int code = 0;    // HTTP status for Kind::Http (401, 403, 404, 409, 410, 429, ...)
    QString reason;  // Status.reason (NotFound, Conflict, Expired, ...) or a transport cause
    QString message; // Status.message, or the detail of a transport failure
    QString context; // what was being done: "list nodes", "patch node gpu-0001"
    int retryAfterSeconds = 0;
    QStringList causes; // Status.details.causes[].reason (DisruptionBudget, NamespaceTerminating)

    bool ok() const { return kind == Kind::None; }
    explicit operator bool() const { return !ok(); }

    bool isHttp(int httpCode) const { return kind == Kind::Http && code == httpCode; }
    bool isGone() const { return isHttp(410); }
    bool isConflict() const { return isHttp(409); }
    bool isNotFound() const { return isHttp(404); }
    bool isUnauthorized() const { return isHttp(401); }
    bool isTooManyRequests() const { return isHttp(429); }
    bool isForbidden() const { return isHttp(403); }
    bool hasCause(const QString &reason) const { return causes.contains(reason); }
    bool isTransient() const;

    // One line for an operator: "patch node gpu-0001: forbidden (403): user viewer cannot ...".
    QString toString() const;

    static ApiError config(const QString &message, const QString &context = {});
    static ApiError credential(const QString &message, const QString &context = {});
    static ApiError decode(const QString &message, const QString &context = {});
    static ApiError cancelled(const QString &context = {});
    static ApiError invalid(const QString &message, const QString &context = {});
    // Builds an error from an HTTP status and its body, which should be a Status object; when it
    // is not (a proxy's HTML page, say) the HTTP code and a short excerpt are used.
    static ApiError fromHttp(int httpStatus, const QByteArray &body, const QString &context = {});
};

} // namespace kube

Q_DECLARE_METATYPE(kube::ApiError)

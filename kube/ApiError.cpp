#include "kube/ApiError.h"

#include "kube/ProtobufNodeDecoder.h"

#include <nlohmann/json.hpp>

namespace kube {

namespace {

QString defaultReasonForCode(int code)
{
    switch (code) {
    case 400:
        return QStringLiteral("BadRequest");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("NotFound");
    case 405:
        return QStringLiteral("MethodNotAllowed");
    case 409:
        return QStringLiteral("Conflict");
    case 410:
        return QStringLiteral("Gone");
    case 415:
        return QStringLiteral("UnsupportedMediaType");
    case 422:
        return QStringLiteral("Invalid");
    case 429:
        return QStringLiteral("TooManyRequests");
    case 500:
        return QStringLiteral("InternalError");
    case 503:
        return QStringLiteral("ServiceUnavailable");
    case 504:
        return QStringLiteral("Timeout");
    default:
        return {};
    }
}

QString str(const nlohmann::json &j, const char *key)
{
    auto it = j.find(key);
    if (it == j.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get<std::string>());
}

} // namespace

bool ApiError::isTransient() const
{
    switch (kind) {
    case Kind::Dns:
    case Kind::Refused:
    case Kind::Timeout:
    case Kind::Network:
        return true;
    case Kind::Http:
        return code == 429 || code == 500 || code == 502 || code == 503 || code == 504;
    default:
        return false;
    }
}

QString ApiError::toString() const
{
    QString what;
    switch (kind) {
    case Kind::None:
        return tr("no error");
    case Kind::Config:
        what = tr("kubeconfig problem: %1").arg(message);
        break;
    case Kind::Credential:
        what = tr("could not obtain credentials: %1").arg(message);
        break;
    case Kind::Dns:
        what = tr("cannot resolve the API server's host name (%1)").arg(message);
        break;
    case Kind::Refused:
        what = tr("the API server refused the connection (%1); is it running and is the address "
                  "right?")
                   .arg(message);
        break;
    case Kind::Tls:
        what = tr("TLS failed: %1").arg(message);
        break;
    case Kind::Timeout:
        what = tr("the API server did not answer in time (%1)").arg(message);
        break;
    case Kind::Network:
        what = tr("network error: %1").arg(message);
        break;
    case Kind::Http:
        if (code == 401)
            what = tr("not authenticated (401): the credentials were rejected; log in again or "
                      "check the kubeconfig user");
        else if (code == 403)
            what = tr("forbidden (403): %1").arg(message);
        else if (message.isEmpty())
            what = tr("the API server answered %1 %2").arg(code).arg(reason);
        else
            what = tr("%1 (%2): %3")
                       .arg(reason.isEmpty() ? tr("error") : reason)
                       .arg(code)
                       .arg(message);
        break;
    case Kind::Decode:
        what = tr("unexpected answer from the API server: %1").arg(message);
        break;
    case Kind::Cancelled:
        what = tr("cancelled");
        break;
    case Kind::Invalid:
        what = message;
        break;
    }
    return context.isEmpty() ? what : tr("%1: %2").arg(context, what);
}

ApiError ApiError::config(const QString &message, const QString &context)
{
    ApiError e;
    e.kind = Kind::Config;
    e.message = message;
    e.context = context;
    return e;
}

ApiError ApiError::credential(const QString &message, const QString &context)
{
    ApiError e;
    e.kind = Kind::Credential;
    e.message = message;
    e.context = context;
    return e;
}

ApiError ApiError::decode(const QString &message, const QString &context)
{
    ApiError e;
    e.kind = Kind::Decode;
    e.message = message;
    e.context = context;
    return e;
}

ApiError ApiError::cancelled(const QString &context)
{
    ApiError e;
    e.kind = Kind::Cancelled;
    e.context = context;
    return e;
}

ApiError ApiError::invalid(const QString &message, const QString &context)
{
    ApiError e;
    e.kind = Kind::Invalid;
    e.message = message;
    e.context = context;
    return e;
}

ApiError ApiError::fromHttp(int httpStatus, const QByteArray &body, const QString &context)
{
    ApiError e;
    e.kind = Kind::Http;
    e.code = httpStatus;
    e.context = context;
    // An answer to a request that accepted protobuf carries its Status in protobuf.
    if (ProtobufNodeDecoder::decodeStatus(body, &e)) {
        if (e.reason.isEmpty())
            e.reason = defaultReasonForCode(e.code);
        return e;
    }
    const auto j = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
    if (j.is_object() && str(j, "kind") == QLatin1String("Status")) {
        e.reason = str(j, "reason");
        e.message = str(j, "message");
        if (auto c = j.find("code"); c != j.end() && c->is_number_integer() && c->get<int>() > 0)
            e.code = c->get<int>();
        if (auto d = j.find("details"); d != j.end() && d->is_object()) {
            if (auto r = d->find("retryAfterSeconds"); r != d->end() && r->is_number_integer())
                e.retryAfterSeconds = r->get<int>();
            if (auto c = d->find("causes"); c != d->end() && c->is_array())
                for (const auto &cause : *c)
                    if (cause.is_object())
                        e.causes << str(cause, "reason");
        }
    } else if (!body.isEmpty()) {
        // Not a Status (a proxy or load balancer answered): keep a short, printable excerpt.
        QString excerpt = QString::fromUtf8(body.left(200)).simplified();
        e.message = excerpt;
    }
    if (e.reason.isEmpty())
        e.reason = defaultReasonForCode(e.code);
    return e;
}

} // namespace kube

#include "sim/FailureInjector.h"

#include "sim/HttpServer.h"
#include "sim/Reply.h"

#include <algorithm>

namespace sim {

namespace {

std::string defaultReason(int code)
{
    switch (code) {
    case 400:
        return "BadRequest";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "NotFound";
    case 405:
        return "MethodNotAllowed";
    case 406:
        return "NotAcceptable";
    case 409:
        return "Conflict";
    case 410:
        return "Expired";
    case 415:
        return "UnsupportedMediaType";
    case 422:
        return "Invalid";
    case 429:
        return "TooManyRequests";
    case 500:
        return "InternalError";
    case 503:
        return "ServiceUnavailable";
    case 504:
        return "Timeout";
    default:
        return "Unknown";
    }
}

} // namespace

std::optional<FailRule> FailRule::fromJson(const json &j, std::string *error)
{
    if (!j.is_object() || !j.value("status", json()).is_number_integer()) {
        *error = "failNext needs {\"status\": CODE} (and optionally reason, message, count, "
                 "pathPrefix, method, retryAfterSeconds), or null to clear";
        return std::nullopt;
    }
    FailRule r;
    r.status = j["status"].get<int>();
    if (r.status < 400 || r.status > 599) {
        *error = "failNext.status must be an HTTP error code (400-599)";
        return std::nullopt;
    }
    r.reason = j.value("reason", defaultReason(r.status));
    r.message = j.value("message", "kubesim: injected failure");
    r.remaining = std::max(1, j.value("count", 1));
    r.pathPrefix = j.value("pathPrefix", "/");
    r.method = j.value("method", "");
    r.retryAfterSeconds = std::max(0, j.value("retryAfterSeconds", 0));
    return r;
}

json FailRule::toJson() const
{
    return {{"status", status},
            {"reason", reason},
            {"message", message},
            {"count", remaining},
            {"pathPrefix", pathPrefix},
            {"method", method},
            {"retryAfterSeconds", retryAfterSeconds}};
}

bool FailureInjector::failIfMatched(HttpExchange *ex)
{
    const HttpRequest &req = ex->request();
    for (auto it = m_rules.begin(); it != m_rules.end(); ++it) {
        if (!req.path.startsWith(QString::fromStdString(it->pathPrefix)))
            continue;
        if (!it->method.empty() && req.method != QByteArray::fromStdString(it->method))
            continue;
        const FailRule rule = *it;
        if (--it->remaining <= 0)
            m_rules.erase(it);
        json details = json::object();
        if (rule.retryAfterSeconds > 0)
            details["retryAfterSeconds"] = rule.retryAfterSeconds;
        sendStatus(ex, rule.status, rule.reason, rule.message, details.empty() ? json() : details);
        return true;
    }
    return false;
}

} // namespace sim

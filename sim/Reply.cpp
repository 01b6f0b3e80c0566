#include "sim/Reply.h"

#include "sim/HttpServer.h"

namespace sim {

json statusObject(int code, const std::string &reason, const std::string &message,
                  const json &details)
{
    json s = {{"kind", "Status"},    {"apiVersion", "v1"}, {"metadata", json::object()},
              {"status", "Failure"}, {"message", message}, {"reason", reason},
              {"code", code}};
    if (!details.is_null())
        s["details"] = details;
    return s;
}

std::string dumpJson(const json &j)
{
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

json parseJson(const QByteArray &text)
{
    return json::parse(text.begin(), text.end(), nullptr, false);
}

HttpHeaders retryAfterHeader(int seconds)
{
    HttpHeaders headers;
    if (seconds > 0)
        headers.append({"Retry-After", QByteArray::number(seconds)});
    return headers;
}

void sendJson(HttpExchange *ex, int code, const json &body, const HttpHeaders &headers)
{
    ex->respond(code, "application/json", QByteArray::fromStdString(dumpJson(body)), headers);
}

void sendStatus(HttpExchange *ex, int code, const std::string &reason, const std::string &message,
                const json &details)
{
    const int retryAfter = details.is_object() ? details.value("retryAfterSeconds", 0) : 0;
    sendJson(ex, code, statusObject(code, reason, message, details), retryAfterHeader(retryAfter));
}

} // namespace sim

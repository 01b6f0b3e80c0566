#pragma once

#include "sim/ObjectStore.h"

#include <QByteArray>
#include <QList>

#include <string>
#include <utility>

namespace sim {

class HttpExchange;

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

// How kubesim's API answers, for every part of it: JSON bodies and kube-apiserver's `Status`.

// A Failure `Status` (metav1.Status) with its code, reason and message; `details` when not null.
json statusObject(int code, const std::string &reason, const std::string &message,
                  const json &details = nullptr);
// Compact JSON; invalid UTF-8 in a string is replaced instead of failing the whole answer.
std::string dumpJson(const json &j);
// JSON text (a request body); a discarded value when it is not JSON.
json parseJson(const QByteArray &text);
// Retry-After when `seconds` > 0, as the API server sends it with a 429 or 5xx.
HttpHeaders retryAfterHeader(int seconds);

void sendJson(HttpExchange *ex, int code, const json &body, const HttpHeaders &headers = {});
// A Failure Status; details.retryAfterSeconds also sets Retry-After.
void sendStatus(HttpExchange *ex, int code, const std::string &reason, const std::string &message,
                const json &details = nullptr);

} // namespace sim

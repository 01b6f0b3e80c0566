#pragma once

#include <QDateTime>

#include <string_view>

namespace kube {

// RFC 3339 times as the API writes them ("2024-09-27T10:45:55Z", with optional fractional
// seconds and numeric offsets). Parsing is hand-rolled: QDateTime::fromString is far too slow
// for the million timestamps of a 65,000-node list.
QDateTime parseApiTime(std::string_view text);
QString formatApiTime(const QDateTime &time);      // seconds precision, always UTC "Z"
QString formatApiMicroTime(const QDateTime &time); // microseconds, for MicroTime fields

} // namespace kube

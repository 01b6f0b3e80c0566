#pragma once

#include <QDateTime>
#include <QString>

namespace models {

// A time as an incident timeline needs it: the same in every language, with seconds and the
// time zone, never "12/1/26 7:43 AM": "2026-12-01 07:43:05 UTC+01:00" (local time and its offset
// from UTC; "UTC" alone when there is none). An invalid time gives an empty string.
QString incidentTime(const QDateTime &time);

} // namespace models

#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace models {

// How bad a fault is. Ordered: a node's worst severity is the max over its faults.
enum class Severity : int {
    Healthy = 0,
    Info = 1, // a state worth seeing, not a fault (DrainInProgress, MaintenancePlanned)
    Minor = 2,
    Major = 3,
    Critical = 4,
};

// Stable identifiers used in data files, CSV and JSON: "healthy", "info", "minor", ...
QString severityId(Severity s);
Severity severityFromId(const QString &id, Severity fallback = Severity::Major);
// Translated, for people.
QString severityName(Severity s);

} // namespace models

Q_DECLARE_METATYPE(models::Severity)

#include "models/Severity.h"

namespace models {

QString severityId(Severity s)
{
    switch (s) {
    case Severity::Healthy:
        return QStringLiteral("healthy");
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Minor:
        return QStringLiteral("minor");
    case Severity::Major:
        return QStringLiteral("major");
    case Severity::Critical:
        return QStringLiteral("critical");
    }
    return QStringLiteral("healthy");
}

Severity severityFromId(const QString &id, Severity fallback)
{
    const QString l = id.trimmed().toLower();
    if (l == QLatin1String("healthy") || l == QLatin1String("none"))
        return Severity::Healthy;
    if (l == QLatin1String("info"))
        return Severity::Info;
    if (l == QLatin1String("minor"))
        return Severity::Minor;
    if (l == QLatin1String("major"))
        return Severity::Major;
    if (l == QLatin1String("critical"))
        return Severity::Critical;
    return fallback;
}

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Healthy:
        return QCoreApplication::translate("Severity", "Healthy");
    case Severity::Info:
        return QCoreApplication::translate("Severity", "Info");
    case Severity::Minor:
        return QCoreApplication::translate("Severity", "Minor");
    case Severity::Major:
        return QCoreApplication::translate("Severity", "Major");
    case Severity::Critical:
        return QCoreApplication::translate("Severity", "Critical");
    }
    return {};
}

} // namespace models

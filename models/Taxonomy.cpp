#include "models/Taxonomy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace models {

namespace {

QString g_textLocale;

QString localized(const QMap<QString, QString> &texts)
{
    const QString loc = Taxonomy::textLocale();
    if (auto it = texts.find(loc); it != texts.end())
        return *it;
    if (auto it = texts.find(loc.section(QLatin1Char('_'), 0, 0)); it != texts.end())
        return *it;
    return texts.value(QStringLiteral("en"));
}

QMap<QString, QString> readTexts(const QJsonValue &v)
{
    QMap<QString, QString> out;
    if (v.isString())
        out.insert(QStringLiteral("en"), v.toString());
    else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), it.value().toString());
    }
    return out;
}

} // namespace

QString FaultType::explanationText() const
{
    return localized(explanation);
}

QString FaultType::actionText() const
{
    return localized(action);
}

Taxonomy::Taxonomy() = default;

Taxonomy Taxonomy::builtIn()
{
    Taxonomy t;
    QFile f(QStringLiteral(":/faultboard/taxonomy.json"));
    QString error;
    if (!f.open(QIODevice::ReadOnly) || !t.mergeJson(f.readAll(), f.fileName(), &error))
        qWarning("built-in taxonomy could not be loaded: %s", qPrintable(error));
    return t;
}

bool Taxonomy::mergeFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1: cannot read: %2").arg(path, f.errorString());
        return false;
    }
    return mergeJson(f.readAll(), path, error);
}

bool Taxonomy::mergeJson(const QByteArray &json, const QString &source, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    auto fail = [&](const QString &what) {
        if (error)
            *error = tr("%1: %2").arg(source, what);
        return false;
    };
    if (pe.error != QJsonParseError::NoError)
        return fail(tr("offset %1: %2").arg(pe.offset).arg(pe.errorString()));
    if (!doc.isObject())
        return fail(tr("the top level must be an object"));
    const QJsonObject root = doc.object();

    Taxonomy next = *this;
    const QJsonArray conditions = root.value(QStringLiteral("conditions")).toArray();
    for (int i = 0; i < conditions.size(); ++i) {
        const QJsonObject o = conditions.at(i).toObject();
        const QString where = QStringLiteral("conditions[%1]").arg(i);
        FaultType ft;
        ft.type = o.value(QStringLiteral("type")).toString();
        if (ft.type.isEmpty())
            return fail(tr("%1.type is missing").arg(where));
        ft.category = o.value(QStringLiteral("category")).toString();
        if (!categories().contains(ft.category))
            return fail(tr("%1 (%2).category \"%3\" is not one of %4")
                            .arg(where, ft.type, ft.category, categories().join(QLatin1String(", "))));
        for (const QJsonValue &s : o.value(QStringLiteral("bad")).toArray())
            ft.badStatuses << s.toString();
        if (ft.badStatuses.isEmpty())
            return fail(tr("%1 (%2).bad must list the faulty statuses").arg(where, ft.type));
        const QString sev = o.value(QStringLiteral("severity")).toString();
        ft.severity = severityFromId(sev, Severity(-1));
        if (int(ft.severity) < 0)
            return fail(tr("%1 (%2).severity \"%3\" is not critical, major, minor or info")
                            .arg(where, ft.type, sev));
        ft.explanation = readTexts(o.value(QStringLiteral("explanation")));
        ft.action = readTexts(o.value(QStringLiteral("action")));
        next.m_types.insert(ft.type, ft);
    }
    const QJsonArray prefixes = root.value(QStringLiteral("prefixes")).toArray();
    for (const QJsonValue &v : prefixes) {
        const QJsonObject o = v.toObject();
        const QString p = o.value(QStringLiteral("prefix")).toString();
        next.m_prefixes.removeIf([&](const auto &e) { return e.first == p; });
        next.m_prefixes.append({p, o.value(QStringLiteral("category")).toString()});
    }
    std::stable_sort(next.m_prefixes.begin(), next.m_prefixes.end(),
                     [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
    for (const QJsonValue &v : root.value(QStringLiteral("accelerators")).toArray()) {
        const QJsonObject o = v.toObject();
        AcceleratorResource r{o.value(QStringLiteral("resource")).toString(),
                              o.value(QStringLiteral("kind")).toString()};
        next.m_accelerators.removeIf([&](const auto &e) { return e.resource == r.resource; });
        next.m_accelerators.append(r);
    }
    if (const QJsonObject d = root.value(QStringLiteral("unknown")).toObject(); !d.isEmpty()) {
        QStringList bad;
        for (const QJsonValue &s : d.value(QStringLiteral("bad")).toArray())
            bad << s.toString();
        if (!bad.isEmpty())
            next.m_unknownBadStatuses = bad;
        next.m_unknownSeverity = severityFromId(d.value(QStringLiteral("severity")).toString(),
                                                next.m_unknownSeverity);
    }
    *this = std::move(next);
    return true;
}

QString Taxonomy::categoryFor(const QString &type) const
{
    if (auto it = m_types.constFind(type); it != m_types.constEnd())
        return it->category;
    for (const auto &[prefix, category] : m_prefixes)
        if (type.startsWith(prefix))
            return category;
    return QStringLiteral("os");
}

FaultType Taxonomy::lookup(const QString &type) const
{
    if (auto it = m_types.constFind(type); it != m_types.constEnd())
        return *it;
    FaultType ft;
    ft.type = type;
    ft.category = categoryFor(type);
    ft.badStatuses = m_unknownBadStatuses;
    ft.severity = m_unknownSeverity;
    ft.known = false;
    return ft;
}

QList<FaultType> Taxonomy::types() const
{
    QList<FaultType> out = m_types.values();
    std::sort(out.begin(), out.end(), [](const FaultType &a, const FaultType &b) { return a.type < b.type; });
    return out;
}

QStringList Taxonomy::categories()
{
    return {QStringLiteral("npu"),     QStringLiteral("gpu"),     QStringLiteral("network"),
            QStringLiteral("storage"), QStringLiteral("memory"),  QStringLiteral("os"),
            QStringLiteral("runtime"), QStringLiteral("kubelet"), QStringLiteral("lifecycle")};
}

QString Taxonomy::categoryName(const QString &category)
{
    if (category == QLatin1String("npu")) return tr("NPU");
    if (category == QLatin1String("gpu")) return tr("GPU");
    if (category == QLatin1String("network")) return tr("Network");
    if (category == QLatin1String("storage")) return tr("Storage");
    if (category == QLatin1String("memory")) return tr("Memory");
    if (category == QLatin1String("os")) return tr("Operating system");
    if (category == QLatin1String("runtime")) return tr("Container runtime");
    if (category == QLatin1String("kubelet")) return tr("Kubelet");
    if (category == QLatin1String("lifecycle")) return tr("Node lifecycle");
    return category;
}

void Taxonomy::setTextLocale(const QString &locale)
{
    g_textLocale = locale;
}

QString Taxonomy::textLocale()
{
    return g_textLocale.isEmpty() ? QLocale().name() : g_textLocale;
}

} // namespace models

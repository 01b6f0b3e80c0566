#include "models/Taxonomy.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QStandardPaths>

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

// Reads one JSON document into a new Taxonomy state; every error names the entry and the key.
class TaxonomyReader
{
    Q_DECLARE_TR_FUNCTIONS(Taxonomy)

public:
    QString error;

    bool fail(const QString &what)
    {
        error = what;
        return false;
    }

    // "True" or ["True", "Unknown"]: a non-empty list of non-empty strings.
    bool readStatuses(const QJsonValue &v, const QString &where, QStringList *out)
    {
        out->clear();
        const QJsonArray arr = v.isString() ? QJsonArray{v} : v.toArray();
        if (!v.isString() && !v.isArray())
            return fail(tr("%1.bad must be a list of statuses, e.g. [\"True\"]").arg(where));
        for (const QJsonValue &s : arr) {
            if (!s.isString() || s.toString().trimmed().isEmpty())
                return fail(tr("%1.bad must contain only non-empty strings").arg(where));
            *out << s.toString().trimmed();
        }
        if (out->isEmpty())
            return fail(tr("%1.bad must list at least one faulty status").arg(where));
        return true;
    }

    bool readSeverity(const QJsonValue &v, const QString &where, Severity *out)
    {
        const QString id = v.toString();
        const Severity s = severityFromId(id, Severity(-1));
        if (!v.isString() || int(s) <= int(Severity::Healthy))
            return fail(tr("%1.severity \"%2\" is not one of critical, major, minor, info")
                            .arg(where, v.isString() ? id : QStringLiteral("?")));
        *out = s;
        return true;
    }

    bool readCategory(const QJsonValue &v, const QString &where, QString *out)
    {
        *out = v.toString();
        if (!v.isString() || !Taxonomy::categories().contains(*out))
            return fail(tr("%1.category \"%2\" is not one of %3")
                            .arg(where, *out, Taxonomy::categories().join(QLatin1String(", "))));
        return true;
    }

    // "text" (English) or {"en": "...", "zh_CN": "..."}.
    bool readTexts(const QJsonValue &v, const QString &where, QMap<QString, QString> *out)
    {
        out->clear();
        if (v.isUndefined() || v.isNull())
            return true;
        if (v.isString()) {
            out->insert(QStringLiteral("en"), v.toString());
            return true;
        }
        if (!v.isObject())
            return fail(tr("%1 must be a string or an object of texts by locale").arg(where));
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!it.value().isString())
                return fail(tr("%1.%2 must be a string").arg(where, it.key()));
            out->insert(it.key(), it.value().toString());
        }
        return true;
    }

    bool checkKeys(const QJsonObject &o, const QString &where, const QStringList &allowed)
    {
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!allowed.contains(it.key()))
                return fail(tr("%1 has an unknown key \"%2\" (allowed: %3)")
                                .arg(where, it.key(), allowed.join(QLatin1String(", "))));
        return true;
    }
};

} // namespace

QString FaultType::explanationText() const
{
    return localized(explanation);
}

QString FaultType::actionText() const
{
    return localized(action);
}

QString FaultType::categoryName() const
{
    return Taxonomy::categoryName(category);
}

Taxonomy::Taxonomy() = default;

Taxonomy Taxonomy::builtIn()
{
    Taxonomy t;
    QFile f(QStringLiteral(":/faultboard/taxonomy.json"));
    QString error;
    if (!f.open(QIODevice::ReadOnly))
        qWarning("built-in taxonomy could not be opened: %s", qPrintable(f.errorString()));
    else if (!t.mergeJson(f.readAll(), f.fileName(), &error))
        qWarning("built-in taxonomy could not be loaded: %s", qPrintable(error));
    return t;
}

QString Taxonomy::userFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/taxonomy.json");
}

Taxonomy Taxonomy::load(const QString &path, QString *error)
{
    Taxonomy t = builtIn();
    const QString file = path.isEmpty() ? userFilePath() : path;
    if (QFileInfo::exists(file))
        t.mergeFile(file, error);
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
    TaxonomyReader r;
    auto fail = [&](const QString &what) {
        if (error)
            *error = tr("%1: %2").arg(source, what);
        return false;
    };
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return fail(tr("not valid JSON at offset %1: %2").arg(pe.offset).arg(pe.errorString()));
    if (!doc.isObject())
        return fail(tr("the top level must be an object"));
    const QJsonObject root = doc.object();
    if (!r.checkKeys(root, tr("the top level"),
                     {QStringLiteral("version"), QStringLiteral("conditions"),
                      QStringLiteral("prefixes"), QStringLiteral("accelerators"),
                      QStringLiteral("unknown"), QStringLiteral("comment")}))
        return fail(r.error);
    if (root.contains(QStringLiteral("version")) &&
        root.value(QStringLiteral("version")).toInt() != 1)
        return fail(tr("version must be 1"));
    for (const char *key : {"conditions", "prefixes", "accelerators"})
        if (root.contains(QLatin1String(key)) && !root.value(QLatin1String(key)).isArray())
            return fail(tr("\"%1\" must be a list").arg(QLatin1String(key)));

    Taxonomy next = *this;
    QSet<QString> seen;
    const QJsonArray conditions = root.value(QStringLiteral("conditions")).toArray();
    for (int i = 0; i < conditions.size(); ++i) {
        QString where = QStringLiteral("conditions[%1]").arg(i);
        if (!conditions.at(i).isObject())
            return fail(tr("%1 must be an object").arg(where));
        const QJsonObject o = conditions.at(i).toObject();
        FaultType ft;
        ft.type = o.value(QStringLiteral("type")).toString().trimmed();
        if (ft.type.isEmpty())
            return fail(tr("%1.type is missing or empty").arg(where));
        where += QStringLiteral(" (%1)").arg(ft.type);
        if (seen.contains(ft.type))
            return fail(tr("%1 is listed twice").arg(where));
        seen.insert(ft.type);
        if (!r.checkKeys(o, where,
                         {QStringLiteral("type"), QStringLiteral("category"), QStringLiteral("bad"),
                          QStringLiteral("severity"), QStringLiteral("explanation"),
                          QStringLiteral("action"), QStringLiteral("source")}) ||
            !r.readCategory(o.value(QStringLiteral("category")), where, &ft.category) ||
            !r.readStatuses(o.value(QStringLiteral("bad")), where, &ft.badStatuses) ||
            !r.readSeverity(o.value(QStringLiteral("severity")), where, &ft.severity) ||
            !r.readTexts(o.value(QStringLiteral("explanation")),
                         where + QStringLiteral(".explanation"), &ft.explanation) ||
            !r.readTexts(o.value(QStringLiteral("action")), where + QStringLiteral(".action"),
                         &ft.action))
            return fail(r.error);
        ft.source = o.value(QStringLiteral("source")).toString();
        next.m_types.insert(ft.type, ft);
    }

    const QJsonArray prefixes = root.value(QStringLiteral("prefixes")).toArray();
    for (int i = 0; i < prefixes.size(); ++i) {
        QString where = QStringLiteral("prefixes[%1]").arg(i);
        const QJsonObject o = prefixes.at(i).toObject();
        PrefixRule rule;
        rule.prefix = o.value(QStringLiteral("prefix")).toString();
        if (!prefixes.at(i).isObject() || rule.prefix.isEmpty())
            return fail(tr("%1 must be an object with a non-empty \"prefix\"").arg(where));
        where += QStringLiteral(" (%1)").arg(rule.prefix);
        if (!r.checkKeys(o, where,
                         {QStringLiteral("prefix"), QStringLiteral("category"),
                          QStringLiteral("severity")}) ||
            !r.readCategory(o.value(QStringLiteral("category")), where, &rule.category))
            return fail(r.error);
        if (o.contains(QStringLiteral("severity"))) {
            Severity s;
            if (!r.readSeverity(o.value(QStringLiteral("severity")), where, &s))
                return fail(r.error);
            rule.severity = s;
        }
        next.m_prefixes.removeIf([&](const PrefixRule &e) { return e.prefix == rule.prefix; });
        next.m_prefixes.append(rule);
    }
    std::stable_sort(
        next.m_prefixes.begin(), next.m_prefixes.end(),
        [](const PrefixRule &a, const PrefixRule &b) { return a.prefix.size() > b.prefix.size(); });

    const QJsonArray accelerators = root.value(QStringLiteral("accelerators")).toArray();
    for (int i = 0; i < accelerators.size(); ++i) {
        QString where = QStringLiteral("accelerators[%1]").arg(i);
        const QJsonObject o = accelerators.at(i).toObject();
        AcceleratorResource acc{o.value(QStringLiteral("resource")).toString(),
                                o.value(QStringLiteral("kind")).toString(), QString()};
        if (!accelerators.at(i).isObject() || acc.resource.isEmpty() || acc.kind.isEmpty())
            return fail(
                tr("%1 must be an object with a non-empty \"resource\" and \"kind\"").arg(where));
        where += QStringLiteral(" (%1)").arg(acc.resource);
        if (!r.checkKeys(
                o, where,
                {QStringLiteral("resource"), QStringLiteral("kind"), QStringLiteral("category")}))
            return fail(r.error);
        if (o.contains(QStringLiteral("category"))) {
            if (!r.readCategory(o.value(QStringLiteral("category")), where, &acc.category))
                return fail(r.error);
        } else {
            acc.category = acc.kind.compare(QLatin1String("NPU"), Qt::CaseInsensitive) == 0
                               ? QStringLiteral("npu")
                               : QStringLiteral("gpu");
        }
        next.m_accelerators.removeIf(
            [&](const AcceleratorResource &e) { return e.resource == acc.resource; });
        next.m_accelerators.append(acc);
    }

    if (root.contains(QStringLiteral("unknown"))) {
        const QString where = QStringLiteral("unknown");
        if (!root.value(where).isObject())
            return fail(tr("\"unknown\" must be an object"));
        const QJsonObject d = root.value(where).toObject();
        if (!r.checkKeys(
                d, where,
                {QStringLiteral("bad"), QStringLiteral("severity"), QStringLiteral("category")}))
            return fail(r.error);
        if (d.contains(QStringLiteral("bad")) &&
            !r.readStatuses(d.value(QStringLiteral("bad")), where, &next.m_unknownBadStatuses))
            return fail(r.error);
        if (d.contains(QStringLiteral("severity")) &&
            !r.readSeverity(d.value(QStringLiteral("severity")), where, &next.m_unknownSeverity))
            return fail(r.error);
        if (d.contains(QStringLiteral("category")) &&
            !r.readCategory(d.value(QStringLiteral("category")), where, &next.m_unknownCategory))
            return fail(r.error);
    }
    *this = std::move(next);
    return true;
}

const AcceleratorResource *Taxonomy::accelerator(const QString &resource) const
{
    for (const AcceleratorResource &a : m_accelerators)
        if (a.resource == resource)
            return &a;
    return nullptr;
}

const PrefixRule *Taxonomy::prefixRule(const QString &type) const
{
    for (const PrefixRule &rule : m_prefixes)
        if (type.startsWith(rule.prefix))
            return &rule;
    return nullptr;
}

QString Taxonomy::categoryFor(const QString &type) const
{
    if (auto it = m_types.constFind(type); it != m_types.constEnd())
        return it->category;
    if (const PrefixRule *rule = prefixRule(type))
        return rule->category;
    return m_unknownCategory;
}

const FaultType *Taxonomy::find(const QString &type) const
{
    auto it = m_types.constFind(type);
    return it == m_types.constEnd() ? nullptr : &*it;
}

FaultType Taxonomy::lookup(const QString &type) const
{
    if (auto it = m_types.constFind(type); it != m_types.constEnd())
        return *it;
    FaultType ft;
    ft.type = type;
    ft.badStatuses = m_unknownBadStatuses;
    ft.severity = m_unknownSeverity;
    ft.category = m_unknownCategory;
    if (const PrefixRule *rule = prefixRule(type)) {
        ft.category = rule->category;
        ft.severity = rule->severity.value_or(m_unknownSeverity);
    }
    ft.known = false;
    return ft;
}

QList<FaultType> Taxonomy::types() const
{
    QList<FaultType> out = m_types.values();
    std::sort(out.begin(), out.end(),
              [](const FaultType &a, const FaultType &b) { return a.type < b.type; });
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
    if (category == QLatin1String("npu"))
        return tr("NPU");
    if (category == QLatin1String("gpu"))
        return tr("GPU");
    if (category == QLatin1String("network"))
        return tr("Network");
    if (category == QLatin1String("storage"))
        return tr("Storage");
    if (category == QLatin1String("memory"))
        return tr("Memory");
    if (category == QLatin1String("os"))
        return tr("Operating system");
    if (category == QLatin1String("runtime"))
        return tr("Container runtime");
    if (category == QLatin1String("kubelet"))
        return tr("Kubelet");
    if (category == QLatin1String("lifecycle"))
        return tr("Node lifecycle");
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

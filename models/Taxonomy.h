#pragma once

#include "models/Severity.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace models {

// What Faultboard knows about one condition type.
struct FaultType
{
    QString type;            // NodeCondition.type, e.g. NT_NPU_CARD_LOSE
    QString category;        // one of Taxonomy::categories()
    QStringList badStatuses; // statuses that mean "faulty": {"True"} or {"False", "Unknown"}
    Severity severity = Severity::Major;
    QMap<QString, QString> explanation; // by locale ("en", "zh_CN"); "en" is the fallback
    QMap<QString, QString> action;
    QString source;    // where the type comes from (kubernetes, node-problem-detector, ...)
    bool known = true; // false: made up for a type the taxonomy does not list

    bool isBad(const QString &status) const { return badStatuses.contains(status); }
    QString explanationText() const;
    QString actionText() const;
    QString categoryName() const;
};

// An extended resource that counts accelerator chips.
struct AcceleratorResource
{
    QString resource; // nvidia.com/gpu
    QString kind;     // what one chip is called: GPU, NPU
    QString category; // gpu, npu
};

// How an unknown condition type is treated when its name starts with a prefix.
struct PrefixRule
{
    QString prefix;
    QString category;
    std::optional<Severity> severity; // default: the taxonomy's unknown severity
};

// The fault vocabulary: loaded from resources/taxonomy.json (compiled in) and optionally merged
// with a user file whose entries override the built-in ones by type (format: docs/reports.md).
// Types it has never seen are still classified: the category comes from the name prefix, the
// polarity and severity from the defaults (faulty when True, as node-problem-detector's are).
class Taxonomy
{
    Q_DECLARE_TR_FUNCTIONS(Taxonomy)

public:
    Taxonomy();

    // The compiled-in taxonomy (:/faultboard/taxonomy.json).
    static Taxonomy builtIn();
    // The built-in taxonomy merged with the user's file (userFilePath() unless `path` is given)
    // when that file exists. A broken user file leaves the built-in taxonomy and sets `error`.
    static Taxonomy load(const QString &path = {}, QString *error = nullptr);
    // <AppConfigLocation>/taxonomy.json, e.g. ~/.config/Faultboard/faultboard/taxonomy.json.
    static QString userFilePath();

    // Merges a JSON file over this taxonomy. Returns false and sets `error` (naming the file and
    // the entry) when the file cannot be read or is malformed; nothing is changed then.
    bool mergeFile(const QString &path, QString *error);
    bool mergeJson(const QByteArray &json, const QString &source, QString *error);

    // The type's entry, or one made up for an unknown type (known == false).
    FaultType lookup(const QString &type) const;
    // The listed entry, or null: the cheap path for the classifier.
    const FaultType *find(const QString &type) const;
    bool contains(const QString &type) const { return m_types.contains(type); }
    QList<FaultType> types() const; // sorted by type
    int size() const { return int(m_types.size()); }
    const QList<AcceleratorResource> &accelerators() const { return m_accelerators; }
    const AcceleratorResource *accelerator(const QString &resource) const;
    QString categoryFor(const QString &type) const;
    QStringList unknownBadStatuses() const { return m_unknownBadStatuses; }
    Severity unknownSeverity() const { return m_unknownSeverity; }

    static QStringList categories();
    static QString categoryName(const QString &category);

    // The locale used for explanation/action texts ("zh_CN", "en"); defaults to the UI language.
    // Set once at start-up, before other threads read texts.
    static void setTextLocale(const QString &locale);
    static QString textLocale();

private:
    const PrefixRule *prefixRule(const QString &type) const;

    QHash<QString, FaultType> m_types;
    QList<PrefixRule> m_prefixes; // longest prefix first
    QList<AcceleratorResource> m_accelerators;
    QStringList m_unknownBadStatuses{QStringLiteral("True")};
    Severity m_unknownSeverity = Severity::Major;
    QString m_unknownCategory = QStringLiteral("os");
};

} // namespace models

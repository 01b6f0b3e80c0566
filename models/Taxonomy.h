#pragma once

#include "models/Severity.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace models {

// What Faultboard knows about one condition type.
struct FaultType
{
    QString type;                // NodeCondition.type, e.g. NT_NPU_CARD_LOSE
    QString category;            // npu, gpu, network, storage, memory, os, runtime, kubelet, lifecycle
    QStringList badStatuses;     // statuses that mean "faulty": {"True"} or {"False", "Unknown"}
    Severity severity = Severity::Major;
    QMap<QString, QString> explanation; // by locale ("en", "zh_CN"); "en" is the fallback
    QMap<QString, QString> action;
    bool known = true;           // false: made up for a type the taxonomy does not list

    bool isBad(const QString &status) const { return badStatuses.contains(status); }
    QString explanationText() const;
    QString actionText() const;
};

// An extended resource that counts accelerator chips.
struct AcceleratorResource
{
    QString resource; // nvidia.com/gpu
    QString kind;     // GPU, NPU
};

// The fault vocabulary: loaded from resources/taxonomy.json (compiled in) and optionally merged
// with a user file whose entries override the built-in ones by type. Types it has never seen are
// still classified: the category comes from the name prefix, the polarity and severity from the
// defaults (faulty when True, as node-problem-detector's conditions are).
class Taxonomy
{
    Q_DECLARE_TR_FUNCTIONS(Taxonomy)

public:
    Taxonomy();

    static Taxonomy builtIn();
    // Merges a JSON file over this taxonomy. Returns false and sets `error` (naming the file and
    // the entry) when the file cannot be read or is malformed; nothing is changed then.
    bool mergeFile(const QString &path, QString *error);
    bool mergeJson(const QByteArray &json, const QString &source, QString *error);

    FaultType lookup(const QString &type) const;
    bool contains(const QString &type) const { return m_types.contains(type); }
    QList<FaultType> types() const;
    const QList<AcceleratorResource> &accelerators() const { return m_accelerators; }
    QString categoryFor(const QString &type) const;

    static QStringList categories();
    static QString categoryName(const QString &category);

    // The locale used for explanation/action texts ("zh_CN", "en"); defaults to the UI language.
    static void setTextLocale(const QString &locale);
    static QString textLocale();

private:
    QHash<QString, FaultType> m_types;
    QList<std::pair<QString, QString>> m_prefixes; // prefix → category, longest first
    QList<AcceleratorResource> m_accelerators;
    QStringList m_unknownBadStatuses{QStringLiteral("True")};
    Severity m_unknownSeverity = Severity::Major;
};

} // namespace models

#pragma once

#include "models/LabelSelector.h"
#include "models/Severity.h"

#include <QRegularExpression>
#include <QSet>
#include <QSortFilterProxyModel>

namespace models {

class NodeGridModel;
struct NodeRecord;

// Filters the node grid: by name, severity, active fault type, fault category, isolation and a
// label selector. All set criteria must hold. Works over a NodeGridModel (fast path on its
// records) or any model with NodeGridModel's roles.
class NodeFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Isolation {
        Any,
        Isolated, // Faultboard's taint is on
        NotIsolated,
        Unschedulable, // isolated, cordoned or tainted NoSchedule/NoExecute
        Schedulable,
    };
    Q_ENUM(Isolation)

    explicit NodeFilterProxyModel(QObject *parent = nullptr);

    // Several names, separated by spaces or commas; a node matches if any of them does. A name
    // with a wildcard (*, ?, [a-z]) must match the whole node name (`npu-00[1-3]*`); one
    // without is a substring (`0007`). Case-insensitive.
    void setNameFilter(const QString &text);
    QString nameFilter() const { return m_name; }
    // Only nodes whose worst severity is one of these; empty: any.
    void setSeverities(const QSet<Severity> &severities);
    QSet<Severity> severities() const { return m_severities; }
    // Shorthand: every severity from `minimum` up.
    void setMinimumSeverity(Severity minimum);
    // Only nodes with an active fault of this type (condition type or accelerator resource).
    void setFaultType(const QString &type);
    QString faultType() const { return m_faultType; }
    // Only nodes with an active fault in this category (npu, gpu, ...).
    void setCategory(const QString &category);
    QString category() const { return m_category; }
    void setIsolation(Isolation isolation);
    Isolation isolation() const { return m_isolation; }
    // Kubernetes label selector syntax (see LabelSelector). A bad selector is refused with an
    // error and the previous one stays.
    bool setLabelSelector(const QString &text, QString *error = nullptr);
    QString labelSelector() const { return m_selector.text(); }
    void clearFilters();
    // Faults first: nodes by worst severity, critical first, each severity in the source's
    // order (stable); off: the source's order. An order, not a filter: clearFilters keeps it.
    void setFaultsFirst(bool on);
    bool faultsFirst() const { return m_faultsFirst; }

    // Whether the node passes every criterion; with `faultFacets` false, the fault type and
    // severity criteria are ignored (the Faults panel, which sets them, counts with the rest).
    bool acceptsNode(const NodeRecord &rec, bool faultFacets = true) const;

    void setSourceModel(QAbstractItemModel *model) override;

signals:
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool acceptsName(const QString &name) const;
    bool acceptsRoles(const QModelIndex &index) const;
    void changed();

    NodeGridModel *m_grid = nullptr;
    QString m_name;
    QStringList m_nameWords;               // plain names: substrings
    QList<QRegularExpression> m_nameGlobs; // names with wildcards: whole-name matches
    QSet<Severity> m_severities;
    QString m_faultType;
    QString m_category;
    Isolation m_isolation = Isolation::Any;
    LabelSelector m_selector;
    bool m_faultsFirst = false;
};

} // namespace models

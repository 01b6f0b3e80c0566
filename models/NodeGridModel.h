#pragma once

#include "models/NodeStore.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QTimer>

namespace models {

// One row per node, for the fleet grid. Structural changes are forwarded at once; changes to
// existing rows are collected and emitted at most once per frame (a watch storm of thousands of
// MODIFIED events becomes one or a few dataChanged ranges).
class NodeGridModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles {
        NameRole = Qt::UserRole + 1,
        SeverityRole, // int(models::Severity)
        FaultCountRole,
        FaultTypesRole,  // QStringList of active fault types, worst first
        FaultySinceRole, // QDateTime
        IsolatedRole,
        CordonedRole,
        AcceleratorsDegradedRole,
        AcceleratorsHealthyRole,
        AcceleratorsTotalRole,
        LabelsRole,         // QVariantMap
        ConditionTypesRole, // QStringList of every condition type the node reports
        TileFlagsRole,      // int: severity | TileFlag bits, everything a tile paints at once
        GroupRole,          // the value of the grouping label (see setGroupingLabel)
        CategoriesRole,     // QStringList of the categories of the active faults, no duplicates
        OtherTaintsRole,    // QStringList of other NoSchedule/NoExecute taints, "key=value:Effect"
        IsolatedByRole,     // who isolated the node (Faultboard's annotation)
        IsolatedReasonRole, // why
        IsolatedAtRole,     // QDateTime
        UnschedulableRole,  // isolated, cordoned or tainted NoSchedule/NoExecute
        WorstFaultRole,     // the type of the worst active fault, or empty
    };
    enum TileFlag {
        SeverityMask = 0x7,
        IsolatedFlag = 0x8,
        CordonedFlag = 0x10,
        AcceleratorsDegradedFlag = 0x20,
        OtherTaintsFlag = 0x40,
    };
    Q_ENUM(Roles)

    explicit NodeGridModel(NodeStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    NodeStore *store() const { return m_store; }

    // The label nodes are grouped by in the grid (pool, rack, zone, ...); empty: no grouping.
    void setGroupingLabel(const QString &labelKey);
    QString groupingLabel() const { return m_groupingLabel; }
    // Every label key some node has, sorted: the choices of a group-by menu.
    QStringList labelKeys() const { return m_store ? m_store->labelKeys() : QStringList(); }
    const NodeRecord *record(const QModelIndex &index) const;
    QModelIndex indexOf(const QString &nodeName) const;

    // Emits the pending dataChanged now (normally the frame timer does).
    void flushPendingChanges();
    bool hasPendingChanges() const { return !m_dirty.isEmpty(); }
    static constexpr int FrameIntervalMs = 16;

signals:
    void groupingLabelChanged(const QString &labelKey);
    void labelKeysChanged();

private:
    void onRowsChanged(const QList<int> &rows);
    void onRowsAboutToBeRemoved(int first, int last);
    QString tooltip(const NodeRecord &rec) const;

    QPointer<NodeStore> m_store;
    QList<int> m_dirty;
    QString m_groupingLabel;
    QTimer m_flushTimer;
};

} // namespace models

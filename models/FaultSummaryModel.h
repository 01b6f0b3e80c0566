#pragma once

#include "models/NodeStore.h"

#include <QAbstractItemModel>
#include <QPointer>
#include <QTimer>

#include <array>

namespace models {

class NodeFilterProxyModel;

// The live fault summary, a two-level tree: one row per severity (critical, major, minor, info)
// with the number of nodes whose worst fault has it, and under each the fault types of that
// severity with the number of nodes that have them. Updated at most once per frame.
class FaultSummaryModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, CategoryColumn, NodesColumn, ColumnCount };
    enum Roles {
        SeverityRole = Qt::UserRole + 1, // int(Severity)
        FaultTypeRole,                   // the fault type; empty on severity rows
        CategoryRole,                    // category id; empty on severity rows
        NodeCountRole,                   // int
        IsSeverityRole,                  // true on the severity rows
    };
    Q_ENUM(Roles)

    explicit FaultSummaryModel(NodeStore *store, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Counts only the nodes this filter lets through (the grid's), ignoring its fault type and
    // severity: those are what this summary chooses, and the other rows must stay choosable.
    void setNodeFilter(const NodeFilterProxyModel *filter);

    // As shown (after the last frame).
    int nodeCount(Severity worst) const;
    int faultCount(Severity severity, const QString &type) const;
    QModelIndex severityIndex(Severity severity, int column = 0) const;

    void flushPendingChanges();
    bool hasPendingChanges() const { return m_flushTimer.isActive(); }
    static constexpr int FrameIntervalMs = 16;

private:
    struct TypeRow
    {
        QString type;
        QString category;
        int nodes = 0;
    };
    struct Group
    {
        Severity severity;
        int nodes = 0;
        std::vector<TypeRow> types; // sorted by type
    };
    struct Key
    {
        Severity severity;
        QString type;
        QString category;
    };
    static constexpr std::array<Severity, 4> kSeverities{Severity::Critical, Severity::Major,
                                                         Severity::Minor, Severity::Info};

    void onNodesChanged(const std::vector<NodeChange> &changes);
    void rebuild();
    void tally(const QString &node);
    void schedule();
    static QString liveKey(Severity s, const QString &type);

    QPointer<NodeStore> m_store;
    QPointer<const NodeFilterProxyModel> m_filter;
    QHash<QString, Severity> m_worst;            // live, with a filter: each counted node's worst
    std::array<int, 5> m_worstCounts{};          // live, with a filter: nodes per worst severity
    std::array<Group, 4> m_groups;               // as shown
    QHash<QString, std::vector<Key>> m_nodeKeys; // live: the faults each node has
    QHash<QString, int> m_live;                  // live: nodes per severity|type
    QHash<QString, QString> m_categories;        // severity|type → category
    QTimer m_flushTimer;
};

} // namespace models

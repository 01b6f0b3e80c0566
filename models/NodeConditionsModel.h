#pragma once

#include "kube/Node.h"
#include "models/NodeStore.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimer>

namespace models {

// The conditions of one node (chosen by name), with the taxonomy's view of each: whether its
// status is the bad one, how severe that is, what it means and what to do. Follows the node as
// the watch updates it, at most once per frame.
class NodeConditionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TypeColumn,
        StatusColumn,
        SeverityColumn,
        ReasonColumn,
        MessageColumn,
        LastTransitionColumn,
        ColumnCount
    };
    enum Roles {
        SeverityRole = Qt::UserRole + 1, // int(Severity); Healthy when the status is the good one
        FaultyRole,
        ExplanationRole, // the taxonomy's explanation, in the text locale
        ActionRole,      // the recommended operator action
        CategoryRole,    // category id (npu, gpu, ...)
        CategoryNameRole,
        KnownRole, // false: the taxonomy does not list the type (defaults applied)
        TypeRole,
        StatusRole,
        LastTransitionRole, // QDateTime
        SourceRole,         // where the type comes from (kubernetes, node-problem-detector, ...)
    };
    Q_ENUM(Roles)

    explicit NodeConditionsModel(NodeStore *store, QObject *parent = nullptr);

    void setNodeName(const QString &name);
    QString nodeName() const { return m_name; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Applies a pending update now (normally the frame timer does).
    void flushPendingChanges();
    bool hasPendingChanges() const { return m_reloadTimer.isActive(); }
    static constexpr int FrameIntervalMs = 16;

private:
    struct Row
    {
        kube::NodeCondition condition;
        FaultType type;
        bool faulty = false;
    };
    void reload();

    QPointer<NodeStore> m_store;
    QString m_name;
    std::vector<Row> m_rows;
    QTimer m_reloadTimer;
};

} // namespace models

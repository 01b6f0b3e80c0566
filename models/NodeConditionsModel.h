#pragma once

#include "kube/Node.h"
#include "models/NodeStore.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace models {

// The conditions of one node (chosen by name), with the taxonomy's view of each: whether its
// status is the bad one and how severe that is. Follows the node as the watch updates it.
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
        ExplanationRole,
        ActionRole,
        CategoryRole,
    };

    explicit NodeConditionsModel(NodeStore *store, QObject *parent = nullptr);

    void setNodeName(const QString &name);
    QString nodeName() const { return m_name; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

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
};

} // namespace models

#pragma once

#include "kube/Pod.h"

#include <QAbstractTableModel>

#include <vector>

namespace models {

// The pods on one node, with their owners: which training jobs a fault hits.
class NodePodsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NamespaceColumn, NameColumn, OwnerColumn, PhaseColumn, ReadyColumn, RestartsColumn,
                  AgeColumn, ColumnCount };
    enum Roles { PodRole = Qt::UserRole + 1, WarningRole };

    explicit NodePodsModel(QObject *parent = nullptr);

    void setPods(std::vector<kube::PodPtr> pods);
    void clear();
    const kube::Pod *pod(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "ReplicaSet/train-llama-7f9c" or "none (unmanaged)".
    static QString ownerText(const kube::Pod &pod);
    // "3h", "2d": kubectl's short ages.
    static QString shortAge(const QDateTime &since, const QDateTime &now);

private:
    std::vector<kube::PodPtr> m_pods;
};

} // namespace models

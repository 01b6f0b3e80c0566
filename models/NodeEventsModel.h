#pragma once

#include "kube/KubeEvent.h"

#include <QAbstractTableModel>

#include <vector>

namespace models {

// A node's recent Kubernetes events, newest first.
class NodeEventsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { LastSeenColumn, TypeColumn, ReasonColumn, MessageColumn, CountColumn, SourceColumn, ColumnCount };
    enum Roles { WarningRole = Qt::UserRole + 1 };

    explicit NodeEventsModel(QObject *parent = nullptr);

    void setEvents(std::vector<kube::KubeEventPtr> events);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<kube::KubeEventPtr> m_events;
};

} // namespace models

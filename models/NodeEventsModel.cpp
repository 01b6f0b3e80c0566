#include "models/NodeEventsModel.h"
#include "models/IncidentTime.h"

#include <QLocale>

namespace models {

NodeEventsModel::NodeEventsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void NodeEventsModel::setEvents(std::vector<kube::KubeEventPtr> events)
{
    beginResetModel();
    m_events = std::move(events);
    std::stable_sort(m_events.begin(), m_events.end(),
                     [](const kube::KubeEventPtr &a, const kube::KubeEventPtr &b) {
                         return a->lastSeen() > b->lastSeen();
                     });
    endResetModel();
}

void NodeEventsModel::clear()
{
    setEvents({});
}

int NodeEventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int NodeEventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NodeEventsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const kube::KubeEvent &e = *m_events[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LastSeenColumn:
            return incidentTime(e.lastSeen());
        case TypeColumn:
            return e.type;
        case ReasonColumn:
            return e.reason;
        case MessageColumn:
            return e.message;
        case CountColumn:
            return e.count;
        case SourceColumn:
            return e.sourceHost.isEmpty() ? e.sourceComponent
                                          : e.sourceComponent + QLatin1Char('@') + e.sourceHost;
        }
        break;
    case Qt::ToolTipRole:
        return e.message;
    case WarningRole:
        return e.isWarning();
    }
    return {};
}

QVariant NodeEventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LastSeenColumn:
        return tr("Last seen");
    case TypeColumn:
        return tr("Type");
    case ReasonColumn:
        return tr("Reason");
    case MessageColumn:
        return tr("Message");
    case CountColumn:
        return tr("Count");
    case SourceColumn:
        return tr("Source");
    }
    return {};
}

} // namespace models

#include "models/NodeHistoryModel.h"

#include "models/IncidentTime.h"
#include "models/Taxonomy.h"

namespace models {

NodeHistoryModel::NodeHistoryModel(FaultHistory *history, QObject *parent)
    : QAbstractTableModel(parent)
    , m_history(history)
{
    connect(history, &FaultHistory::written, this, &NodeHistoryModel::onWritten);
    connect(history, &FaultHistory::opened, this, &NodeHistoryModel::refresh);
}

void NodeHistoryModel::setNodeName(const QString &name)
{
    if (name == m_name)
        return;
    m_name = name;
    ++m_generation; // whatever is in flight is for the previous node
    m_inFlight = false;
    m_refreshAgain = false;
    if (!m_events.empty()) {
        beginResetModel();
        m_events.clear();
        endResetModel();
    }
    refresh();
}

void NodeHistoryModel::setLimit(int limit)
{
    m_limit = limit;
    refresh();
}

void NodeHistoryModel::onWritten(const HistoryWriteResult &result)
{
    if (!m_name.isEmpty() && result.nodes.contains(m_name))
        refresh();
}

void NodeHistoryModel::refresh()
{
    if (!m_history || m_name.isEmpty())
        return;
    // One query at a time; changes meanwhile ask for one more afterwards.
    if (m_inFlight) {
        m_refreshAgain = true;
        return;
    }
    m_inFlight = true;
    const quint64 generation = m_generation;
    m_history->timeline(m_name, {}, {}, m_limit)
        .then(this, [this, generation](HistoryResult<std::vector<HistoryEvent>> r) {
            apply(generation, std::move(r));
        });
}

void NodeHistoryModel::apply(quint64 generation, HistoryResult<std::vector<HistoryEvent>> result)
{
    if (generation != m_generation)
        return;
    m_inFlight = false;
    if (!result.ok()) {
        emit loadFailed(result.error);
    } else {
        std::vector<HistoryEvent> &next = result.value;
        const auto same = [](const HistoryEvent &a, const HistoryEvent &b) {
            return a.kind == b.kind && a.id == b.id;
        };
        const bool appended = next.size() >= m_events.size() &&
                              std::equal(m_events.begin(), m_events.end(), next.begin(), same);
        if (appended && next.size() > m_events.size()) {
            beginInsertRows({}, int(m_events.size()), int(next.size()) - 1);
            m_events = std::move(next);
            endInsertRows();
        } else if (!appended) {
            beginResetModel();
            m_events = std::move(next);
            endResetModel();
        }
        emit loaded();
    }
    if (m_refreshAgain) {
        m_refreshAgain = false;
        refresh();
    }
}

int NodeHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int NodeHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString NodeHistoryModel::eventText(const HistoryEvent &e) const
{
    switch (e.kind) {
    case HistoryEvent::Kind::NodeAdded:
        return tr("Node added");
    case HistoryEvent::Kind::NodeRemoved:
        return tr("Node removed");
    case HistoryEvent::Kind::Action:
        return tr("%1 by %2").arg(e.type, e.actor);
    case HistoryEvent::Kind::Transition:
        break;
    }
    if (e.opens)
        return tr("%1 fault began").arg(e.type);
    if (e.closes)
        return tr("%1 fault ended").arg(e.type);
    return e.type;
}

QString NodeHistoryModel::changeText(const HistoryEvent &e) const
{
    if (e.kind == HistoryEvent::Kind::Action)
        return e.newStatus;
    if (e.kind != HistoryEvent::Kind::Transition)
        return {};
    const QString from = e.oldStatus.isEmpty() ? tr("(unknown)") : e.oldStatus;
    const QString to = e.newStatus.isEmpty() ? tr("(gone)") : e.newStatus;
    if (e.flags & TransitionRecord::Missed)
        return tr("%1 → … → %2 (changed while not watched)").arg(from, to);
    return tr("%1 → %2").arg(from, to);
}

QVariant NodeHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const HistoryEvent &e = m_events[std::size_t(index.row())];
    const bool fault = e.kind == HistoryEvent::Kind::Transition;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            // An incident timeline: seconds and the zone, the same in every language.
            return incidentTime(e.time);
        case EventColumn:
            return eventText(e);
        case ChangeColumn:
            return changeText(e);
        case SeverityColumn:
            return fault && e.bad ? severityName(e.severity) : QString();
        case ReasonColumn:
            return e.reason;
        case MessageColumn:
            return e.message;
        }
        return {};
    case Qt::ToolTipRole:
        if (fault && e.observedTime.isValid() && e.time.isValid() &&
            e.observedTime.secsTo(e.time) < -60)
            return tr("Happened %1, recorded %2")
                .arg(incidentTime(e.time), incidentTime(e.observedTime));
        return {};
    case KindRole:
        return int(e.kind);
    case TimeRole:
        return e.time;
    case ObservedTimeRole:
        return e.observedTime;
    case TypeRole:
        return e.type;
    case OldStatusRole:
        return e.oldStatus;
    case NewStatusRole:
        return e.newStatus;
    case SeverityRole:
        return int(fault && e.bad ? e.severity : Severity::Healthy);
    case BadRole:
        return e.bad;
    case OpensRole:
        return e.opens;
    case ClosesRole:
        return e.closes;
    case ActorRole:
        return e.actor;
    case FlagsRole:
        return e.flags;
    }
    return {};
}

QVariant NodeHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case EventColumn:
        return tr("Event");
    case ChangeColumn:
        return tr("Change");
    case SeverityColumn:
        return tr("Severity");
    case ReasonColumn:
        return tr("Reason");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

QHash<int, QByteArray> NodeHistoryModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(TimeRole, "time");
    names.insert(ObservedTimeRole, "observedTime");
    names.insert(TypeRole, "type");
    names.insert(OldStatusRole, "oldStatus");
    names.insert(NewStatusRole, "newStatus");
    names.insert(SeverityRole, "severity");
    names.insert(BadRole, "bad");
    names.insert(OpensRole, "opens");
    names.insert(ClosesRole, "closes");
    names.insert(ActorRole, "actor");
    names.insert(FlagsRole, "flags");
    return names;
}

} // namespace models

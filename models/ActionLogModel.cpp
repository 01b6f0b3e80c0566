#include "models/ActionLogModel.h"

#include "models/IncidentTime.h"

namespace models {

ActionLogModel::ActionLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

quint64 ActionLogModel::add(Entry entry)
{
    entry.id = m_nextId++;
    if (!entry.time.isValid())
        entry.time = QDateTime::currentDateTimeUtc();
    beginInsertRows({}, 0, 0);
    m_entries.insert(m_entries.begin(), entry);
    endInsertRows();
    if (int(m_entries.size()) > MaxEntries) {
        beginRemoveRows({}, MaxEntries, int(m_entries.size()) - 1);
        m_entries.resize(MaxEntries);
        endRemoveRows();
    }
    return entry.id;
}

void ActionLogModel::update(quint64 id, Result result, const QString &message)
{
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].id != id)
            continue;
        m_entries[i].result = result;
        m_entries[i].message = message;
        emit dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
        return;
    }
}

const ActionLogModel::Entry *ActionLogModel::entry(quint64 id) const
{
    for (const Entry &e : m_entries)
        if (e.id == id)
            return &e;
    return nullptr;
}

QString ActionLogModel::resultName(Result r)
{
    switch (r) {
    case Result::Running:
        return tr("running");
    case Result::Succeeded:
        return tr("succeeded");
    case Result::Failed:
        return tr("failed");
    case Result::Partial:
        return tr("partly done");
    case Result::Cancelled:
        return tr("cancelled");
    case Result::DryRun:
        return tr("dry run");
    }
    return {};
}

QString ActionLogModel::resultId(Result r)
{
    switch (r) {
    case Result::Running:
        return QStringLiteral("running");
    case Result::Succeeded:
        return QStringLiteral("succeeded");
    case Result::Failed:
        return QStringLiteral("failed");
    case Result::Partial:
        return QStringLiteral("partial");
    case Result::Cancelled:
        return QStringLiteral("cancelled");
    case Result::DryRun:
        return QStringLiteral("dry-run");
    }
    return {};
}

int ActionLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActionLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActionLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Entry &e = m_entries[std::size_t(index.row())];
    if (role == ResultRole)
        return int(e.result);
    if (role == Qt::ToolTipRole)
        return e.message;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        // An incident timeline: seconds and the zone, the same in every language.
        return incidentTime(e.time);
    case ClusterColumn:
        return e.cluster;
    case ActorColumn:
        return e.actor;
    case ActionColumn:
        return e.action;
    case TargetColumn:
        return e.target;
    case ResultColumn:
        return resultName(e.result);
    case MessageColumn:
        return e.message;
    }
    return {};
}

QVariant ActionLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ClusterColumn:
        return tr("Cluster");
    case ActorColumn:
        return tr("Who");
    case ActionColumn:
        return tr("Action");
    case TargetColumn:
        return tr("Node");
    case ResultColumn:
        return tr("Result");
    case MessageColumn:
        return tr("Details");
    }
    return {};
}

} // namespace models

#include "models/NodeGridModel.h"
#include "models/IncidentTime.h"

#include <QLocale>

#include <algorithm>

namespace models {

NodeGridModel::NodeGridModel(NodeStore *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(FrameIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &NodeGridModel::flushPendingChanges);

    // Rows are only ever appended, so pending changes keep their row numbers across inserts;
    // a removal renumbers them instead of flushing, keeping dataChanged to once per frame.
    connect(store, &NodeStore::rowsAboutToBeInserted, this,
            [this](int first, int last) { beginInsertRows({}, first, last); });
    connect(store, &NodeStore::rowsInserted, this, [this] { endInsertRows(); });
    connect(store, &NodeStore::rowsAboutToBeRemoved, this, &NodeGridModel::onRowsAboutToBeRemoved);
    connect(store, &NodeStore::rowsRemoved, this, [this] { endRemoveRows(); });
    // Thousands of scattered removals: one reset, which a filter proxy handles in one pass
    // (range by range it would rebuild its mapping thousands of times).
    connect(store, &NodeStore::rowsAboutToBeRenumbered, this, [this] { beginResetModel(); });
    connect(store, &NodeStore::rowsRenumbered, this, [this] {
        m_dirty.clear();
        endResetModel();
    });
    connect(store, &NodeStore::reset, this, [this] {
        m_dirty.clear();
        beginResetModel();
        endResetModel();
    });
    connect(store, &NodeStore::rowsChanged, this, &NodeGridModel::onRowsChanged);
    connect(store, &NodeStore::labelKeysChanged, this, &NodeGridModel::labelKeysChanged);
}

void NodeGridModel::onRowsAboutToBeRemoved(int first, int last)
{
    const int count = last - first + 1;
    QList<int> kept;
    kept.reserve(m_dirty.size());
    for (int r : std::as_const(m_dirty)) {
        if (r < first)
            kept.append(r);
        else if (r > last)
            kept.append(r - count);
    }
    m_dirty = std::move(kept);
    beginRemoveRows({}, first, last);
}

int NodeGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_store ? 0 : m_store->size();
}

const NodeRecord *NodeGridModel::record(const QModelIndex &index) const
{
    if (!index.isValid() || !m_store || index.row() >= m_store->size())
        return nullptr;
    return &m_store->at(index.row());
}

QModelIndex NodeGridModel::indexOf(const QString &nodeName) const
{
    const int row = m_store ? m_store->indexOf(nodeName) : -1;
    return row < 0 ? QModelIndex() : index(row);
}

QString NodeGridModel::tooltip(const NodeRecord &rec) const
{
    const NodeHealth &h = rec.health;
    QString text = rec.node->name;
    if (h.faults.empty()) {
        text += QLatin1Char('\n') + tr("Healthy");
    } else {
        for (const Fault &f : h.faults) {
            text += QLatin1Char('\n') +
                    tr("%1 (%2) since %3")
                        .arg(f.type, severityName(f.severity),
                             f.since.isValid() ? incidentTime(f.since) : tr("unknown"));
        }
    }
    if (h.isolation.isolated)
        text += QLatin1Char('\n') + tr("Isolated by Faultboard");
    else if (h.isolation.cordoned)
        text += QLatin1Char('\n') + tr("Cordoned");
    if (h.acceleratorsDegraded())
        text += QLatin1Char('\n') + tr("Accelerators: %1 of %2 healthy")
                                        .arg(h.acceleratorsHealthy())
                                        .arg(h.acceleratorsTotal());
    return text;
}

QVariant NodeGridModel::data(const QModelIndex &index, int role) const
{
    const NodeRecord *rec = record(index);
    if (!rec)
        return {};
    const NodeHealth &h = rec->health;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return rec->node->name;
    case Qt::ToolTipRole:
        return tooltip(*rec);
    case Qt::AccessibleTextRole:
        return tr("%1, %2").arg(rec->node->name, severityName(h.worst));
    case SeverityRole:
        return int(h.worst);
    case FaultCountRole:
        return int(h.faults.size());
    case FaultTypesRole: {
        QStringList types;
        for (const Fault &f : h.faults)
            types << f.type;
        return types;
    }
    case FaultySinceRole:
        return h.faultySince;
    case IsolatedRole:
        return h.isolation.isolated;
    case CordonedRole:
        return h.isolation.cordoned;
    case AcceleratorsDegradedRole:
        return h.acceleratorsDegraded();
    case AcceleratorsHealthyRole:
        return h.acceleratorsHealthy();
    case AcceleratorsTotalRole:
        return h.acceleratorsTotal();
    case LabelsRole: {
        QVariantMap m;
        for (const auto &[k, v] : rec->node->labels)
            m.insert(k, v);
        return m;
    }
    case TileFlagsRole: {
        int flags = int(h.worst) & SeverityMask;
        if (h.isolation.isolated)
            flags |= IsolatedFlag;
        if (h.isolation.cordoned)
            flags |= CordonedFlag;
        if (h.acceleratorsDegraded())
            flags |= AcceleratorsDegradedFlag;
        if (!h.isolation.otherTaints.isEmpty())
            flags |= OtherTaintsFlag;
        return flags;
    }
    case GroupRole:
        if (m_groupingLabel.isEmpty())
            return {}; // not grouped: no value at all, so views draw no group headers
        return rec->node->labels.value(m_groupingLabel);
    case CategoriesRole: {
        QStringList categories;
        for (const Fault &f : h.faults)
            if (!categories.contains(f.category))
                categories << f.category;
        return categories;
    }
    case OtherTaintsRole:
        return h.isolation.otherTaints;
    case IsolatedByRole:
        return h.isolation.isolatedBy;
    case IsolatedReasonRole:
        return h.isolation.isolatedReason;
    case IsolatedAtRole:
        return h.isolation.isolatedAt;
    case UnschedulableRole:
        return h.isolation.unschedulable();
    case WorstFaultRole:
        return h.faults.empty() ? QString() : h.faults.front().type;
    case ConditionTypesRole: {
        QStringList types;
        for (const auto &c : rec->node->conditions)
            types << c.type();
        return types;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> NodeGridModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(SeverityRole, "severity");
    names.insert(FaultCountRole, "faultCount");
    names.insert(FaultTypesRole, "faultTypes");
    names.insert(FaultySinceRole, "faultySince");
    names.insert(IsolatedRole, "isolated");
    names.insert(CordonedRole, "cordoned");
    names.insert(AcceleratorsDegradedRole, "acceleratorsDegraded");
    names.insert(AcceleratorsHealthyRole, "acceleratorsHealthy");
    names.insert(AcceleratorsTotalRole, "acceleratorsTotal");
    names.insert(LabelsRole, "labels");
    names.insert(ConditionTypesRole, "conditionTypes");
    names.insert(TileFlagsRole, "tileFlags");
    names.insert(GroupRole, "group");
    names.insert(CategoriesRole, "categories");
    names.insert(OtherTaintsRole, "otherTaints");
    names.insert(IsolatedByRole, "isolatedBy");
    names.insert(IsolatedReasonRole, "isolatedReason");
    names.insert(IsolatedAtRole, "isolatedAt");
    names.insert(UnschedulableRole, "unschedulable");
    names.insert(WorstFaultRole, "worstFault");
    return names;
}

void NodeGridModel::setGroupingLabel(const QString &labelKey)
{
    if (labelKey == m_groupingLabel)
        return;
    m_groupingLabel = labelKey;
    // Every row's GroupRole changed; views regroup on layoutChanged.
    emit layoutAboutToBeChanged();
    emit layoutChanged();
    emit groupingLabelChanged(labelKey);
}

void NodeGridModel::onRowsChanged(const QList<int> &rows)
{
    m_dirty += rows;
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void NodeGridModel::flushPendingChanges()
{
    m_flushTimer.stop();
    if (m_dirty.isEmpty())
        return;
    std::sort(m_dirty.begin(), m_dirty.end());
    m_dirty.erase(std::unique(m_dirty.begin(), m_dirty.end()), m_dirty.end());
    const int rows = rowCount();
    // Many scattered rows: one range is cheaper for views than hundreds of small ones.
    if (m_dirty.size() > 64) {
        const int first = std::max(0, m_dirty.front());
        const int last = std::min(rows - 1, m_dirty.back());
        m_dirty.clear();
        if (first <= last)
            emit dataChanged(index(first), index(last));
        return;
    }
    int start = -1, prev = -1;
    for (int r : std::as_const(m_dirty)) {
        if (r >= rows)
            break;
        if (start < 0) {
            start = prev = r;
        } else if (r == prev + 1) {
            prev = r;
        } else {
            emit dataChanged(index(start), index(prev));
            start = prev = r;
        }
    }
    if (start >= 0)
        emit dataChanged(index(start), index(prev));
    m_dirty.clear();
}

} // namespace models

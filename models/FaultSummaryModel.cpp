#include "models/FaultSummaryModel.h"

#include "models/NodeFilterProxyModel.h"
#include "models/Taxonomy.h"

#include <algorithm>
#include <climits>

namespace models {

FaultSummaryModel::FaultSummaryModel(NodeStore *store, QObject *parent)
    : QAbstractItemModel(parent)
    , m_store(store)
{
    for (std::size_t g = 0; g < kSeverities.size(); ++g)
        m_groups[g].severity = kSeverities[g];
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(FrameIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &FaultSummaryModel::flushPendingChanges);
    connect(store, &NodeStore::nodesChanged, this, &FaultSummaryModel::onNodesChanged);
    connect(store, &NodeStore::countsChanged, this, &FaultSummaryModel::schedule);
    connect(store, &NodeStore::reset, this, &FaultSummaryModel::rebuild);
    rebuild();
    flushPendingChanges();
}

QString FaultSummaryModel::liveKey(Severity s, const QString &type)
{
    return QString::number(int(s)) + QLatin1Char('|') + type;
}

void FaultSummaryModel::setNodeFilter(const NodeFilterProxyModel *filter)
{
    if (m_filter)
        disconnect(m_filter, nullptr, this, nullptr);
    m_filter = filter;
    if (filter)
        connect(filter, &NodeFilterProxyModel::filterChanged, this, &FaultSummaryModel::rebuild);
    rebuild();
}

void FaultSummaryModel::schedule()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void FaultSummaryModel::tally(const QString &node)
{
    if (auto it = m_nodeKeys.find(node); it != m_nodeKeys.end()) {
        for (const Key &k : *it) {
            const QString key = liveKey(k.severity, k.type);
            if (--m_live[key] <= 0) {
                m_live.remove(key);
                m_categories.remove(key);
            }
        }
        m_nodeKeys.erase(it);
    }
    if (auto it = m_worst.find(node); it != m_worst.end()) {
        --m_worstCounts[std::size_t(*it)];
        m_worst.erase(it);
    }
    const NodeRecord *rec = m_store ? m_store->find(node) : nullptr;
    if (!rec || (m_filter && !m_filter->acceptsNode(*rec, false)))
        return;
    if (m_filter) {
        m_worst.insert(node, rec->health.worst);
        ++m_worstCounts[std::size_t(rec->health.worst)];
    }
    if (rec->health.faults.empty())
        return;
    std::vector<Key> keys;
    for (const Fault &f : rec->health.faults) {
        if (std::any_of(keys.begin(), keys.end(), [&](const Key &k) { return k.type == f.type; }))
            continue; // a node reporting the same condition twice counts once
        keys.push_back({f.severity, f.type, f.category});
        const QString key = liveKey(f.severity, f.type);
        ++m_live[key];
        m_categories.insert(key, f.category);
    }
    m_nodeKeys.insert(node, std::move(keys));
}

void FaultSummaryModel::onNodesChanged(const std::vector<NodeChange> &changes)
{
    for (const NodeChange &c : changes) {
        const kube::NodePtr &n = c.after ? c.after : c.before;
        if (n)
            tally(n->name);
    }
    schedule();
}

void FaultSummaryModel::rebuild()
{
    m_nodeKeys.clear();
    m_live.clear();
    m_categories.clear();
    m_worst.clear();
    m_worstCounts.fill(0);
    if (m_store)
        for (int i = 0; i < m_store->size(); ++i)
            tally(m_store->at(i).node->name);
    schedule();
}

void FaultSummaryModel::flushPendingChanges()
{
    m_flushTimer.stop();
    int firstGroupChanged = INT_MAX, lastGroupChanged = -1;
    for (int g = 0; g < int(m_groups.size()); ++g) {
        Group &group = m_groups[std::size_t(g)];
        std::vector<TypeRow> desired;
        const QString prefix = QString::number(int(group.severity)) + QLatin1Char('|');
        for (auto it = m_live.constBegin(); it != m_live.constEnd(); ++it)
            if (it.key().startsWith(prefix))
                desired.push_back(
                    {it.key().mid(prefix.size()), m_categories.value(it.key()), it.value()});
        std::sort(desired.begin(), desired.end(),
                  [](const TypeRow &a, const TypeRow &b) { return a.type < b.type; });
        const auto byType = [](const TypeRow &r, const QString &t) { return r.type < t; };
        const QModelIndex parent = index(g, 0);

        std::vector<TypeRow> &shown = group.types;
        for (int i = int(shown.size()) - 1; i >= 0; --i) {
            const auto pos = std::lower_bound(desired.begin(), desired.end(),
                                              shown[std::size_t(i)].type, byType);
            if (pos == desired.end() || pos->type != shown[std::size_t(i)].type) {
                beginRemoveRows(parent, i, i);
                shown.erase(shown.begin() + i);
                endRemoveRows();
            }
        }
        int firstChanged = INT_MAX, lastChanged = -1;
        for (const TypeRow &d : desired) {
            const auto pos = std::lower_bound(shown.begin(), shown.end(), d.type, byType);
            const int row = int(pos - shown.begin());
            if (pos == shown.end() || pos->type != d.type) {
                beginInsertRows(parent, row, row);
                shown.insert(pos, d);
                endInsertRows();
            } else if (pos->nodes != d.nodes || pos->category != d.category) {
                *pos = d;
                firstChanged = std::min(firstChanged, row);
                lastChanged = std::max(lastChanged, row);
            }
        }
        if (lastChanged >= 0)
            emit dataChanged(index(firstChanged, 0, parent),
                             index(lastChanged, ColumnCount - 1, parent));

        const int nodes = m_filter  ? m_worstCounts[std::size_t(group.severity)]
                          : m_store ? m_store->count(group.severity)
                                    : 0;
        if (nodes != group.nodes) {
            group.nodes = nodes;
            firstGroupChanged = std::min(firstGroupChanged, g);
            lastGroupChanged = std::max(lastGroupChanged, g);
        }
    }
    if (lastGroupChanged >= 0)
        emit dataChanged(index(firstGroupChanged, 0), index(lastGroupChanged, ColumnCount - 1));
}

QModelIndex FaultSummaryModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < int(m_groups.size()) ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.column() != 0 || parent.row() >= int(m_groups.size()))
        return {};
    const Group &g = m_groups[std::size_t(parent.row())];
    return row < int(g.types.size()) ? createIndex(row, column, quintptr(parent.row() + 1))
                                     : QModelIndex();
}

QModelIndex FaultSummaryModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int FaultSummaryModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_groups[std::size_t(parent.row())].types.size());
}

int FaultSummaryModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QModelIndex FaultSummaryModel::severityIndex(Severity severity, int column) const
{
    for (int g = 0; g < int(kSeverities.size()); ++g)
        if (kSeverities[std::size_t(g)] == severity)
            return index(g, column);
    return {};
}

int FaultSummaryModel::nodeCount(Severity worst) const
{
    for (const Group &g : m_groups)
        if (g.severity == worst)
            return g.nodes;
    return 0;
}

int FaultSummaryModel::faultCount(Severity severity, const QString &type) const
{
    for (const Group &g : m_groups)
        if (g.severity == severity)
            for (const TypeRow &t : g.types)
                if (t.type == type)
                    return t.nodes;
    return 0;
}

QVariant FaultSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const bool isGroup = index.internalId() == 0;
    const Group &g = m_groups[std::size_t(isGroup ? index.row() : int(index.internalId() - 1))];
    if (!isGroup && index.row() >= int(g.types.size()))
        return {};
    const TypeRow *t = isGroup ? nullptr : &g.types[std::size_t(index.row())];
    const int nodes = isGroup ? g.nodes : t->nodes;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return isGroup ? severityName(g.severity) : t->type;
        case CategoryColumn:
            return isGroup ? QString() : Taxonomy::categoryName(t->category);
        case NodesColumn:
            return nodes;
        }
        return {};
    case Qt::ToolTipRole:
        return isGroup ? tr("%n node(s) whose worst fault is %1", nullptr, nodes)
                             .arg(severityName(g.severity))
                       : tr("%n node(s) with %1", nullptr, nodes).arg(t->type);
    case Qt::TextAlignmentRole:
        return index.column() == NodesColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                             : QVariant();
    case SeverityRole:
        return int(g.severity);
    case FaultTypeRole:
        return isGroup ? QString() : t->type;
    case CategoryRole:
        return isGroup ? QString() : t->category;
    case NodeCountRole:
        return nodes;
    case IsSeverityRole:
        return isGroup;
    }
    return {};
}

QVariant FaultSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Fault");
    case CategoryColumn:
        return tr("Category");
    case NodesColumn:
        return tr("Nodes");
    }
    return {};
}

QHash<int, QByteArray> FaultSummaryModel::roleNames() const
{
    auto names = QAbstractItemModel::roleNames();
    names.insert(SeverityRole, "severity");
    names.insert(FaultTypeRole, "faultType");
    names.insert(CategoryRole, "category");
    names.insert(NodeCountRole, "nodeCount");
    names.insert(IsSeverityRole, "isSeverity");
    return names;
}

} // namespace models

#include "models/NodeFilterProxyModel.h"

#include "models/NodeGridModel.h"

#include <algorithm>

namespace models {

NodeFilterProxyModel::NodeFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortRole(NodeGridModel::SeverityRole); // faults first: a severity change re-sorts
}

void NodeFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_grid = qobject_cast<NodeGridModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void NodeFilterProxyModel::changed()
{
    invalidateFilter();
    emit filterChanged();
}

void NodeFilterProxyModel::setNameFilter(const QString &text)
{
    if (text == m_name)
        return;
    m_name = text;
    m_nameWords.clear();
    m_nameGlobs.clear();
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    for (const QString &word : text.split(separators, Qt::SkipEmptyParts)) {
        if (word.contains(QLatin1Char('*')) || word.contains(QLatin1Char('?')) ||
            word.contains(QLatin1Char('['))) {
            // Anchored: the glob names the whole node, as a shell's would.
            const QRegularExpression glob(QRegularExpression::wildcardToRegularExpression(word),
                                          QRegularExpression::CaseInsensitiveOption);
            if (glob.isValid()) {
                m_nameGlobs.append(glob);
                continue;
            }
        }
        m_nameWords.append(word); // a broken glob (`npu-[`) is searched for as it is
    }
    changed();
}

void NodeFilterProxyModel::setSeverities(const QSet<Severity> &severities)
{
    if (severities == m_severities)
        return;
    m_severities = severities;
    changed();
}

void NodeFilterProxyModel::setMinimumSeverity(Severity minimum)
{
    QSet<Severity> set;
    for (int s = int(minimum); s <= int(Severity::Critical); ++s)
        set.insert(Severity(s));
    setSeverities(set);
}

void NodeFilterProxyModel::setFaultType(const QString &type)
{
    if (type == m_faultType)
        return;
    m_faultType = type;
    changed();
}

void NodeFilterProxyModel::setCategory(const QString &category)
{
    if (category == m_category)
        return;
    m_category = category;
    changed();
}

void NodeFilterProxyModel::setIsolation(Isolation isolation)
{
    if (isolation == m_isolation)
        return;
    m_isolation = isolation;
    changed();
}

bool NodeFilterProxyModel::setLabelSelector(const QString &text, QString *error)
{
    bool ok = true;
    LabelSelector sel = LabelSelector::parse(text, error, &ok);
    if (!ok)
        return false;
    if (sel.text() != m_selector.text()) {
        m_selector = std::move(sel);
        changed();
    }
    return true;
}

void NodeFilterProxyModel::clearFilters()
{
    m_name.clear();
    m_nameWords.clear();
    m_nameGlobs.clear();
    m_severities.clear();
    m_faultType.clear();
    m_category.clear();
    m_isolation = Isolation::Any;
    m_selector = LabelSelector();
    changed();
}

void NodeFilterProxyModel::setFaultsFirst(bool on)
{
    if (on == m_faultsFirst)
        return;
    m_faultsFirst = on;
    sort(on ? 0 : -1, Qt::AscendingOrder);
    emit filterChanged();
}

bool NodeFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto severity = [this](const QModelIndex &idx) {
        if (m_grid)
            if (const NodeRecord *rec = m_grid->record(idx))
                return int(rec->health.worst);
        return idx.data(NodeGridModel::SeverityRole).toInt();
    };
    const int l = severity(left), r = severity(right);
    // Worse first; the source row breaks ties, so the order within a severity never changes.
    return l != r ? l > r : left.row() < right.row();
}

bool NodeFilterProxyModel::acceptsName(const QString &name) const
{
    if (m_nameWords.isEmpty() && m_nameGlobs.isEmpty())
        return true;
    for (const QString &w : m_nameWords)
        if (name.contains(w, Qt::CaseInsensitive))
            return true;
    for (const QRegularExpression &glob : m_nameGlobs)
        if (glob.match(name).hasMatch())
            return true;
    return false;
}

bool NodeFilterProxyModel::acceptsNode(const NodeRecord &rec, bool faultFacets) const
{
    const NodeHealth &h = rec.health;
    if (!acceptsName(rec.node->name))
        return false;
    if (faultFacets && !m_severities.isEmpty() && !m_severities.contains(h.worst))
        return false;
    if (faultFacets && !m_faultType.isEmpty() && !h.fault(m_faultType))
        return false;
    if (!m_category.isEmpty() &&
        std::none_of(h.faults.begin(), h.faults.end(),
                     [&](const Fault &f) { return f.category == m_category; }))
        return false;
    switch (m_isolation) {
    case Isolation::Any:
        break;
    case Isolation::Isolated:
        if (!h.isolation.isolated)
            return false;
        break;
    case Isolation::NotIsolated:
        if (h.isolation.isolated)
            return false;
        break;
    case Isolation::Unschedulable:
        if (!h.isolation.unschedulable())
            return false;
        break;
    case Isolation::Schedulable:
        if (h.isolation.unschedulable())
            return false;
        break;
    }
    return m_selector.isEmpty() || m_selector.matches(rec.node->labels);
}

bool NodeFilterProxyModel::acceptsRoles(const QModelIndex &index) const
{
    using R = NodeGridModel::Roles;
    if (!acceptsName(index.data(R::NameRole).toString()))
        return false;
    if (!m_severities.isEmpty() &&
        !m_severities.contains(Severity(index.data(R::SeverityRole).toInt())))
        return false;
    if (!m_faultType.isEmpty() &&
        !index.data(R::FaultTypesRole).toStringList().contains(m_faultType))
        return false;
    if (!m_category.isEmpty() && !index.data(R::CategoriesRole).toStringList().contains(m_category))
        return false;
    const bool isolated = index.data(R::IsolatedRole).toBool();
    const bool unschedulable = index.data(R::UnschedulableRole).toBool();
    switch (m_isolation) {
    case Isolation::Any:
        break;
    case Isolation::Isolated:
        if (!isolated)
            return false;
        break;
    case Isolation::NotIsolated:
        if (isolated)
            return false;
        break;
    case Isolation::Unschedulable:
        if (!unschedulable)
            return false;
        break;
    case Isolation::Schedulable:
        if (unschedulable)
            return false;
        break;
    }
    if (m_selector.isEmpty())
        return true;
    kube::StringMap labels;
    const QVariantMap map = index.data(R::LabelsRole).toMap();
    for (auto it = map.begin(); it != map.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return m_selector.matches(labels);
}

bool NodeFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!sourceModel())
        return false;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_grid) {
        if (const NodeRecord *rec = m_grid->record(index))
            return acceptsNode(*rec);
        return false;
    }
    return acceptsRoles(index);
}

} // namespace models

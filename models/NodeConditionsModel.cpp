#include "models/NodeConditionsModel.h"
#include "models/IncidentTime.h"

#include <QLocale>

namespace models {

NodeConditionsModel::NodeConditionsModel(NodeStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(FrameIntervalMs);
    connect(&m_reloadTimer, &QTimer::timeout, this, &NodeConditionsModel::reload);
    connect(store, &NodeStore::nodesChanged, this, [this](const std::vector<NodeChange> &changes) {
        for (const NodeChange &c : changes) {
            const auto &n = c.after ? c.after : c.before;
            if (n && n->name == m_name) {
                if (!m_reloadTimer.isActive())
                    m_reloadTimer.start();
                return;
            }
        }
    });
    connect(store, &NodeStore::reset, this, [this] {
        if (!m_reloadTimer.isActive())
            m_reloadTimer.start();
    });
}

void NodeConditionsModel::flushPendingChanges()
{
    if (m_reloadTimer.isActive())
        reload();
}

void NodeConditionsModel::setNodeName(const QString &name)
{
    if (name == m_name)
        return;
    m_name = name;
    reload();
}

void NodeConditionsModel::reload()
{
    m_reloadTimer.stop();
    std::vector<Row> rows;
    if (const NodeRecord *rec = m_store ? m_store->find(m_name) : nullptr) {
        const Taxonomy &tax = m_store->classifier().taxonomy();
        for (const auto &c : rec->node->conditions) {
            Row r{c, tax.lookup(c.type()), false};
            r.faulty = r.type.isBad(c.status());
            rows.push_back(std::move(r));
        }
    }
    const int oldCount = int(m_rows.size());
    const int newCount = int(rows.size());
    // Same shape: update in place so selections and scroll positions survive a watch update.
    if (oldCount == newCount) {
        m_rows = std::move(rows);
        if (newCount > 0)
            emit dataChanged(index(0, 0), index(newCount - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int NodeConditionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NodeConditionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NodeConditionsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row &r = m_rows[std::size_t(index.row())];
    const Severity sev = r.faulty ? r.type.severity : Severity::Healthy;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TypeColumn:
            return r.condition.type();
        case StatusColumn:
            return r.condition.status();
        case SeverityColumn:
            return r.faulty ? severityName(sev) : tr("OK");
        case ReasonColumn:
            return r.condition.reason();
        case MessageColumn:
            return r.condition.message();
        case LastTransitionColumn:
            return incidentTime(r.condition.lastTransitionTime);
        }
        break;
    case Qt::ToolTipRole: {
        QString tip = r.type.explanationText();
        if (r.faulty && !r.type.actionText().isEmpty())
            tip += QLatin1Char('\n') + tr("Recommended action: %1").arg(r.type.actionText());
        return tip.isEmpty() ? QVariant() : tip;
    }
    case SeverityRole:
        return int(sev);
    case FaultyRole:
        return r.faulty;
    case ExplanationRole:
        return r.type.explanationText();
    case ActionRole:
        return r.type.actionText();
    case CategoryRole:
        return r.type.category;
    case CategoryNameRole:
        return r.type.categoryName();
    case KnownRole:
        return r.type.known;
    case TypeRole:
        return r.condition.type();
    case StatusRole:
        return r.condition.status();
    case LastTransitionRole:
        return r.condition.lastTransitionTime;
    case SourceRole:
        return r.type.source;
    }
    return {};
}

QHash<int, QByteArray> NodeConditionsModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(SeverityRole, "severity");
    names.insert(FaultyRole, "faulty");
    names.insert(ExplanationRole, "explanation");
    names.insert(ActionRole, "action");
    names.insert(CategoryRole, "category");
    names.insert(CategoryNameRole, "categoryName");
    names.insert(KnownRole, "known");
    names.insert(TypeRole, "type");
    names.insert(StatusRole, "status");
    names.insert(LastTransitionRole, "lastTransition");
    names.insert(SourceRole, "source");
    return names;
}

QVariant NodeConditionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TypeColumn:
        return tr("Condition");
    case StatusColumn:
        return tr("Status");
    case SeverityColumn:
        return tr("Severity");
    case ReasonColumn:
        return tr("Reason");
    case MessageColumn:
        return tr("Message");
    case LastTransitionColumn:
        return tr("Last transition");
    }
    return {};
}

} // namespace models

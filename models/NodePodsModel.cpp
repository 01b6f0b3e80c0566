#include "models/NodePodsModel.h"

#include <QLocale>

namespace models {

NodePodsModel::NodePodsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void NodePodsModel::setPods(std::vector<kube::PodPtr> pods)
{
    beginResetModel();
    m_pods = std::move(pods);
    std::stable_sort(m_pods.begin(), m_pods.end(), [](const kube::PodPtr &a, const kube::PodPtr &b) {
        return std::tie(a->namespaceName, a->name) < std::tie(b->namespaceName, b->name);
    });
    endResetModel();
}

void NodePodsModel::clear()
{
    setPods({});
}

const kube::Pod *NodePodsModel::pod(int row) const
{
    return row >= 0 && row < int(m_pods.size()) ? m_pods[std::size_t(row)].get() : nullptr;
}

int NodePodsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pods.size());
}

int NodePodsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString NodePodsModel::ownerText(const kube::Pod &pod)
{
    if (pod.mirror)
        return tr("static pod (mirror)");
    const kube::OwnerReference *c = pod.controllerRef();
    if (!c)
        return tr("none (unmanaged)");
    return c->kind + QLatin1Char('/') + c->name;
}

QString NodePodsModel::shortAge(const QDateTime &since, const QDateTime &now)
{
    if (!since.isValid())
        return QStringLiteral("—");
    const qint64 s = std::max<qint64>(0, since.secsTo(now));
    if (s < 120)
        return tr("%1s").arg(s);
    if (s < 3 * 3600)
        return tr("%1m").arg(s / 60);
    if (s < 2 * 86400)
        return tr("%1h").arg(s / 3600);
    return tr("%1d").arg(s / 86400);
}

QVariant NodePodsModel::data(const QModelIndex &index, int role) const
{
    const kube::Pod *p = pod(index.row());
    if (!p || index.column() >= ColumnCount)
        return {};
    const bool warning = !p->isTerminal() && (!p->ready || p->isTerminating());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NamespaceColumn: return p->namespaceName;
        case NameColumn: return p->name;
        case OwnerColumn: return ownerText(*p);
        case PhaseColumn: return p->isTerminating() ? tr("Terminating") : p->phase;
        case ReadyColumn: return p->ready ? tr("yes") : tr("no");
        case RestartsColumn: return p->restartCount;
        case AgeColumn: return shortAge(p->creationTimestamp, QDateTime::currentDateTimeUtc());
        }
        break;
    case Qt::ToolTipRole: {
        QStringList lines;
        lines << p->namespaceName + QLatin1Char('/') + p->name;
        for (const QString &img : p->images())
            lines << tr("image %1").arg(img);
        if (p->hasEmptyDir())
            lines << tr("emptyDir volumes: %1 (their data is lost on eviction)").arg(p->emptyDirVolumes.join(QLatin1String(", ")));
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::AccessibleTextRole:
        return tr("%1 in %2, %3, owner %4").arg(p->name, p->namespaceName, p->phase, ownerText(*p));
    case PodRole:
        return QVariant::fromValue(m_pods[std::size_t(index.row())]);
    case WarningRole:
        return warning;
    }
    return {};
}

QVariant NodePodsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NamespaceColumn: return tr("Namespace");
    case NameColumn: return tr("Pod");
    case OwnerColumn: return tr("Owner");
    case PhaseColumn: return tr("Phase");
    case ReadyColumn: return tr("Ready");
    case RestartsColumn: return tr("Restarts");
    case AgeColumn: return tr("Age");
    }
    return {};
}

} // namespace models

#include "ui/NodeDetailPanel.h"

#include "models/NodeConditionsModel.h"
#include "models/NodeStore.h"
#include "ui/SeverityDelegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

NodeDetailPanel::NodeDetailPanel(models::NodeStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_title->setFont(f);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_conditions = new QTableView(this);
    m_model = new models::NodeConditionsModel(store, this);
    m_conditions->setModel(m_model);
    m_conditions->setAccessibleName(tr("Node conditions"));
    m_conditions->setItemDelegateForColumn(models::NodeConditionsModel::SeverityColumn,
                                           new SeverityDelegate(models::NodeConditionsModel::SeverityRole, this));
    m_conditions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_conditions->setWordWrap(false);
    m_conditions->verticalHeader()->hide();
    m_conditions->horizontalHeader()->setStretchLastSection(false);
    m_conditions->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_conditions->horizontalHeader()->setSectionResizeMode(models::NodeConditionsModel::MessageColumn,
                                                           QHeaderView::Stretch);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_conditions, 1);
    connect(store, &models::NodeStore::nodesChanged, this, [this](const std::vector<models::NodeChange> &changes) {
        for (const auto &c : changes) {
            const auto &n = c.after ? c.after : c.before;
            if (n && n->name == m_name)
                return refresh();
        }
    });
    showNode(QString());
}

void NodeDetailPanel::showNode(const QString &name)
{
    m_name = name;
    m_model->setNodeName(name);
    refresh();
}

void NodeDetailPanel::refresh()
{
    const models::NodeRecord *rec = m_store ? m_store->find(m_name) : nullptr;
    if (!rec) {
        m_title->setText(m_name.isEmpty() ? tr("No node selected") : tr("%1 (gone)").arg(m_name));
        m_summary->setText(m_name.isEmpty() ? tr("Click a tile to see the node's conditions.")
                                            : tr("The node was removed from the cluster."));
        return;
    }
    const models::NodeHealth &h = rec->health;
    const kube::Node &n = *rec->node;
    m_title->setText(tr("%1 — %2").arg(n.name, models::severityName(h.worst)));
    QStringList lines;
    lines << tr("Pool %1, rack %2, zone %3")
                 .arg(n.labels.value(QStringLiteral("pool"), tr("—")),
                      n.labels.value(QStringLiteral("rack"), tr("—")),
                      n.labels.value(QStringLiteral("topology.kubernetes.io/zone"), tr("—")));
    for (const models::AcceleratorHealth &a : h.accelerators)
        lines << tr("%1: %2 of %3 healthy").arg(a.resource).arg(a.allocatable).arg(a.capacity);
    if (h.isolation.isolated)
        lines << tr("Isolated by %1: %2").arg(h.isolation.isolatedBy.isEmpty() ? tr("unknown") : h.isolation.isolatedBy,
                                              h.isolation.isolatedReason.isEmpty() ? tr("no reason given") : h.isolation.isolatedReason);
    else if (h.isolation.cordoned)
        lines << tr("Cordoned (unschedulable)");
    if (!h.isolation.otherTaints.isEmpty())
        lines << tr("Taints: %1").arg(h.isolation.otherTaints.join(QLatin1String(", ")));
    if (h.faultySince.isValid())
        lines << tr("Faulty since %1").arg(QLocale().toString(h.faultySince.toLocalTime(), QLocale::ShortFormat));
    lines << tr("Kubelet %1 · %2 · %3").arg(n.nodeInfo.kubeletVersion, n.nodeInfo.osImage, n.internalIp());
    m_summary->setText(lines.join(QLatin1Char('\n')));
}

} // namespace ui

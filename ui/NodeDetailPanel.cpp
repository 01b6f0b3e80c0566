#include "ui/NodeDetailPanel.h"

#include "kube/ClusterQueries.h"
#include "models/IncidentTime.h"
#include "models/NodeConditionsModel.h"
#include "models/NodeEventsModel.h"
#include "models/NodeHistoryModel.h"
#include "models/NodePodsModel.h"
#include "models/NodeStore.h"
#include "ui/ElidedLabel.h"
#include "ui/FullTextDelegate.h"
#include "ui/NodeTimelineChart.h"
#include "ui/SeverityDelegate.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ui {

namespace {

QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent,
                      int stretchColumn)
{
    auto *t = new QTableView(parent);
    t->setModel(model);
    t->setAccessibleName(name);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setWordWrap(false);
    // Pod and fault names share prefixes: cut in the middle, the whole text in the tooltip.
    t->setTextElideMode(Qt::ElideMiddle);
    t->setItemDelegate(new FullTextDelegate(t));
    t->setSortingEnabled(false);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    return t;
}

QString escaped(const QString &s)
{
    return s.toHtmlEscaped();
}

} // namespace

NodeDetailPanel::NodeDetailPanel(models::NodeStore *store, kube::ClusterQueries *queries,
                                 models::FaultHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_queries(queries)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_title = new ElidedLabel(Qt::ElideMiddle, this);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_title->setFont(f);
    m_title->setAccessibleName(tr("Selected node"));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    // The height of its longest usual text (pool, accelerators, isolation, faulty since, and
    // one more for an isolation reason that wraps), so the tabs below stay where they are from
    // node to node; never wider than it is given.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_summary->setFixedHeight(5 * m_summary->fontMetrics().lineSpacing() + 4);
    m_summary->setAccessibleName(tr("Node summary"));
    m_tabs = new QTabWidget(this);
    m_tabs->setAccessibleName(tr("Node details"));

    // Conditions, with the meaning and the recommended action of the selected one.
    auto *condPage = new QWidget(m_tabs);
    auto *condLayout = new QVBoxLayout(condPage);
    condLayout->setContentsMargins(0, 0, 0, 0);
    m_conditionsModel = new models::NodeConditionsModel(store, this);
    m_conditions = makeTable(m_conditionsModel, tr("Node conditions"), condPage,
                             models::NodeConditionsModel::MessageColumn);
    m_conditions->setItemDelegateForColumn(
        models::NodeConditionsModel::SeverityColumn,
        new SeverityDelegate(models::NodeConditionsModel::SeverityRole, this));
    m_advice = new QTextBrowser(condPage);
    m_advice->setAccessibleName(tr("What the fault means and what to do"));
    m_advice->setMaximumHeight(120);
    m_advice->setOpenLinks(false);
    condLayout->addWidget(m_conditions, 1);
    condLayout->addWidget(m_advice);
    m_tabs->addTab(condPage, tr("&Conditions"));
    connect(m_conditions->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &NodeDetailPanel::showAdvice);
    connect(m_conditionsModel, &QAbstractItemModel::modelReset, this, &NodeDetailPanel::showAdvice);
    connect(m_conditionsModel, &QAbstractItemModel::dataChanged, this,
            &NodeDetailPanel::showAdvice);

    // Pods and events.
    m_podsModel = new models::NodePodsModel(this);
    m_pods =
        makeTable(m_podsModel, tr("Pods on the node"), m_tabs, models::NodePodsModel::NameColumn);
    m_podsPage = makeQueryPage(m_pods, m_podsError);
    m_podsError->setAccessibleName(tr("Why the pods are not shown"));
    m_tabs->addTab(m_podsPage, tr("&Pods"));
    m_eventsModel = new models::NodeEventsModel(this);
    m_events = makeTable(m_eventsModel, tr("Recent events of the node"), m_tabs,
                         models::NodeEventsModel::MessageColumn);
    m_eventsPage = makeQueryPage(m_events, m_eventsError);
    m_eventsError->setAccessibleName(tr("Why the events are not shown"));
    m_tabs->addTab(m_eventsPage, tr("&Events"));

    // Taints, labels, capacity.
    auto *scroll = new QScrollArea(m_tabs);
    scroll->setWidgetResizable(true);
    m_details = new QLabel(scroll);
    m_details->setTextFormat(Qt::RichText);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setWordWrap(true);
    m_details->setAccessibleName(tr("Taints, labels and resources"));
    scroll->setWidget(m_details);
    m_tabs->addTab(scroll, tr("&Taints && labels"));

    // The node's fault history, kept by Faultboard: a timeline chart above the events.
    if (history) {
        auto *historyPage = new QSplitter(Qt::Vertical, m_tabs);
        m_historyModel = new models::NodeHistoryModel(history, this);
        m_timeline = new NodeTimelineChart(m_historyModel, historyPage);
        m_history = makeTable(m_historyModel, tr("Fault history of the node"), historyPage,
                              models::NodeHistoryModel::MessageColumn);
        m_history->setItemDelegateForColumn(
            models::NodeHistoryModel::SeverityColumn,
            new SeverityDelegate(models::NodeHistoryModel::SeverityRole, this));
        // Why the faults from Prometheus are missing, when they are (the local rows stay).
        auto *historyTable = new QWidget(historyPage);
        auto *historyLayout = new QVBoxLayout(historyTable);
        historyLayout->setContentsMargins(0, 0, 0, 0);
        m_historyStatus = new QLabel(historyTable);
        m_historyStatus->setWordWrap(true);
        m_historyStatus->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        m_historyStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_historyStatus->setAccessibleName(tr("Why the history from Prometheus is not shown"));
        m_historyStatus->hide();
        m_history->setParent(historyTable);
        // While Prometheus is asked: said, with a way to stop it.
        auto *reading = new QWidget(historyTable);
        auto *readingLayout = new QHBoxLayout(reading);
        readingLayout->setContentsMargins(0, 0, 0, 0);
        auto *readingLabel =
            new QLabel(tr("Reading this node's history from Prometheus…"), reading);
        auto *readingBar = new QProgressBar(reading);
        readingBar->setRange(0, 0); // Prometheus tells no progress of one query
        readingBar->setMaximumWidth(120);
        readingBar->setAccessibleName(tr("Reading this node's history from Prometheus"));
        m_historyCancel = new QPushButton(tr("Stop"), reading);
        m_historyCancel->setAccessibleName(tr("Stop reading this node's history from Prometheus"));
        readingLayout->addWidget(readingLabel, 1);
        readingLayout->addWidget(readingBar);
        readingLayout->addWidget(m_historyCancel);
        reading->hide();
        connect(m_historyCancel, &QPushButton::clicked, m_historyModel,
                &models::NodeHistoryModel::cancelPrometheus);
        connect(m_historyModel, &models::NodeHistoryModel::readingPrometheusChanged, reading,
                &QWidget::setVisible);
        historyLayout->addWidget(reading);
        historyLayout->addWidget(m_historyStatus);
        historyLayout->addWidget(m_history, 1);
        connect(
            m_historyModel, &models::NodeHistoryModel::prometheusFailed, m_historyStatus,
            [this](const QString &error) {
                m_historyStatus->setText(
                    tr("The faults Prometheus holds for this node are not shown: %1").arg(error));
                m_historyStatus->show();
            });
        historyPage->addWidget(m_timeline);
        historyPage->addWidget(historyTable);
        historyPage->setStretchFactor(0, 2);
        historyPage->setStretchFactor(1, 3);
        m_tabs->addTab(historyPage, tr("&History"));
        // The newest events at the bottom stay in view as they arrive.
        connect(m_historyModel, &QAbstractItemModel::rowsInserted, m_history,
                [this] { m_history->scrollToBottom(); });
        connect(m_historyModel, &models::NodeHistoryModel::loaded, m_history,
                [this] { m_history->scrollToBottom(); });
    }

    m_workloadStatus = new ElidedLabel(this);
    m_workloadStatus->setAccessibleName(tr("Pods and events status"));

    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_workloadStatus);

    auto *refreshAction = new QAction(tr("Refresh pods and events"), this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshAction, &QAction::triggered, this, &NodeDetailPanel::refreshWorkload);
    addAction(refreshAction);

    m_refreshTimer.setInterval(RefreshMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (isVisible() && m_pendingAnswers == 0)
            refreshWorkload();
    });
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &NodeDetailPanel::refreshWorkload);

    connect(store, &models::NodeStore::nodesChanged, this,
            [this](const std::vector<models::NodeChange> &changes) {
                for (const auto &c : changes) {
                    const auto &n = c.after ? c.after : c.before;
                    if (n && n->name == m_name)
                        return refresh();
                }
            });
    showNode(QString());
}

void NodeDetailPanel::showHiddenNode(const QString &name)
{
    showNode(QString());
    m_hiddenName = name;
    refresh();
}

QString NodeDetailPanel::titleText() const
{
    return m_title->text();
}

void NodeDetailPanel::showNode(const QString &name)
{
    m_hiddenName.clear();
    const bool changed = name != m_name;
    m_name = name;
    m_conditionsModel->setNodeName(name);
    if (m_historyModel) {
        if (name != m_historyModel->nodeName())
            m_historyStatus->hide(); // asked again for this node
        m_historyModel->setNodeName(name);
    }
    refresh();
    if (changed) {
        // What was asked for the previous node is of no use any more.
        ++m_generation;
        m_pendingAnswers = 0;
        if (m_queries)
            m_queries->cancel(this);
        m_podsModel->clear();
        m_eventsModel->clear();
        // Neither the previous node's counts nor its errors say anything about this one.
        showQueryResult(m_podsPage, m_pods, m_podsError, tr("&Pods"), QString());
        showQueryResult(m_eventsPage, m_events, m_eventsError, tr("&Events"), QString());
        if (name.isEmpty()) {
            m_debounce.stop();
            m_workloadStatus->clear();
        } else {
            m_workloadStatus->setText(tr("Loading pods and events of %1…").arg(m_name));
            m_debounce.start();
        }
    }
    if (name.isEmpty())
        m_refreshTimer.stop();
    else
        m_refreshTimer.start();
}

void NodeDetailPanel::refreshWorkload()
{
    m_debounce.stop();
    if (m_queries)
        m_queries->cancel(this); // an older refresh still in flight
    const quint64 gen = ++m_generation;
    if (m_name.isEmpty() || !m_queries) {
        m_workloadStatus->clear();
        return;
    }
    const models::NodeRecord *rec = m_store ? m_store->find(m_name) : nullptr;
    const QString uid = rec ? rec->node->uid : QString();
    m_workloadStatus->setText(tr("Loading pods and events of %1…").arg(m_name));
    m_pendingAnswers = 2;
    auto answered = [this, gen](const QString &error) {
        if (gen != m_generation)
            return;
        if (!error.isEmpty())
            m_workloadStatus->setText(error);
        if (--m_pendingAnswers == 0) {
            if (m_workloadStatus->text().startsWith(
                    tr("Loading pods and events of %1…").arg(m_name)))
                m_workloadStatus->setText(
                    tr("Pods and events as of %1")
                        .arg(models::incidentTime(QDateTime::currentDateTime())));
            emit workloadLoaded();
        }
    };
    m_queries->podsOnNode(m_name, this, [this, gen, answered](const kube::NodePods &pods) {
        if (gen != m_generation)
            return;
        if (pods.error) {
            m_podsModel->clear();
            showQueryResult(m_podsPage, m_pods, m_podsError, tr("&Pods (error)"),
                            tr("Cannot list the pods of %1, so it is not known what runs there: "
                               "%2")
                                .arg(m_name, pods.error.toString()));
        } else {
            m_podsModel->setPods(pods.pods);
            showQueryResult(m_podsPage, m_pods, m_podsError,
                            tr("&Pods (%1)").arg(m_podsModel->rowCount()), QString());
        }
        answered(pods.error ? tr("Cannot list the pods: %1").arg(pods.error.toString())
                            : QString());
    });
    m_queries->eventsOfNode(
        m_name, uid, this, [this, gen, answered](const kube::NodeEvents &events) {
            if (gen != m_generation)
                return;
            if (events.error) {
                m_eventsModel->clear();
                showQueryResult(
                    m_eventsPage, m_events, m_eventsError, tr("&Events (error)"),
                    tr("Cannot list the events of %1: %2").arg(m_name, events.error.toString()));
            } else {
                m_eventsModel->setEvents(events.events);
                showQueryResult(m_eventsPage, m_events, m_eventsError,
                                tr("&Events (%1)").arg(m_eventsModel->rowCount()), QString());
            }
            answered(events.error ? tr("Cannot list the events: %1").arg(events.error.toString())
                                  : QString());
        });
}

QStackedWidget *NodeDetailPanel::makeQueryPage(QTableView *table, QLabel *&error)
{
    auto *page = new QStackedWidget(m_tabs);
    table->setParent(page);
    error = new QLabel(page);
    error->setWordWrap(true);
    // A long word in an error (a URL) must not widen the panel.
    error->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    error->setAlignment(Qt::AlignCenter);
    error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error->setMargin(12);
    page->addWidget(table);
    page->addWidget(error);
    return page;
}

void NodeDetailPanel::showQueryResult(QStackedWidget *page, QTableView *table, QLabel *errorLabel,
                                      const QString &tabText, const QString &error)
{
    m_tabs->setTabText(m_tabs->indexOf(page), tabText);
    errorLabel->setText(error);
    page->setCurrentWidget(error.isEmpty() ? static_cast<QWidget *>(table) : errorLabel);
}

void NodeDetailPanel::showAdvice()
{
    // The selected condition; without a selection, the worst faulty one.
    int row = m_conditions->currentIndex().row();
    if (row < 0) {
        int worst = -1;
        for (int r = 0; r < m_conditionsModel->rowCount(); ++r) {
            const int sev = m_conditionsModel->index(r, 0)
                                .data(models::NodeConditionsModel::SeverityRole)
                                .toInt();
            if (sev > worst && m_conditionsModel->index(r, 0)
                                   .data(models::NodeConditionsModel::FaultyRole)
                                   .toBool()) {
                worst = sev;
                row = r;
            }
        }
    }
    if (row < 0) {
        m_advice->setHtml(
            m_name.isEmpty()
                ? QString()
                : tr("<p>No active fault. Select a condition to read what it means.</p>"));
        return;
    }
    const QModelIndex idx = m_conditionsModel->index(row, 0);
    const QString type = idx.data().toString();
    const QString explanation = idx.data(models::NodeConditionsModel::ExplanationRole).toString();
    const QString action = idx.data(models::NodeConditionsModel::ActionRole).toString();
    const bool faulty = idx.data(models::NodeConditionsModel::FaultyRole).toBool();
    QString html =
        QStringLiteral("<p><b>%1</b> — %2</p>")
            .arg(escaped(type),
                 escaped(explanation.isEmpty() ? tr("Faultboard does not know this condition type; "
                                                    "it is shown as reported.")
                                               : explanation));
    if (faulty && !action.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(escaped(tr("Recommended action:")), escaped(action));
    m_advice->setHtml(html);
}

void NodeDetailPanel::refresh()
{
    const models::NodeRecord *rec = m_store ? m_store->find(m_name) : nullptr;
    if (!rec) {
        if (m_name.isEmpty() && !m_hiddenName.isEmpty()) {
            // The name first: a narrow pane elides the middle of the title, never the name.
            m_title->setText(tr("%1 is hidden by the filter").arg(m_hiddenName));
            m_summary->setText(
                tr("No node is selected: actions act only on the tiles you can see selected. "
                   "Change or clear the filter to see %1 again, then select it.")
                    .arg(m_hiddenName));
        } else {
            m_title->setText(m_name.isEmpty() ? tr("No node selected")
                                              : tr("%1 (gone)").arg(m_name));
            m_summary->setText(m_name.isEmpty() ? tr("Click a tile to see the node's conditions.")
                                                : tr("The node was removed from the cluster."));
        }
        m_summary->setToolTip(m_summary->text());
        m_details->clear();
        m_tabs->setEnabled(!m_name.isEmpty());
        return;
    }
    m_tabs->setEnabled(true);
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
        lines << tr("Isolated by %1: %2")
                     .arg(h.isolation.isolatedBy.isEmpty() ? tr("unknown") : h.isolation.isolatedBy,
                          h.isolation.isolatedReason.isEmpty() ? tr("no reason given")
                                                               : h.isolation.isolatedReason);
    else if (h.isolation.cordoned)
        lines << tr("Cordoned (unschedulable)");
    if (h.faultySince.isValid())
        lines << tr("Faulty since %1").arg(models::incidentTime(h.faultySince));
    m_summary->setText(lines.join(QLatin1Char('\n')));
    m_summary->setToolTip(m_summary->text());

    QString html;
    html += QStringLiteral("<h4>%1</h4>").arg(escaped(tr("Taints")));
    if (n.taints.empty())
        html += QStringLiteral("<p>%1</p>").arg(escaped(tr("none")));
    for (const kube::Taint &t : n.taints)
        html += QStringLiteral("<div>%1</div>")
                    .arg(escaped((t.value.isEmpty() ? t.key : t.key + QLatin1Char('=') + t.value) +
                                 QLatin1Char(':') + t.effect));
    html +=
        QStringLiteral("<h4>%1</h4><table>").arg(escaped(tr("Resources (allocatable / capacity)")));
    for (const auto &[res, cap] : n.capacity)
        html += QStringLiteral("<tr><td>%1</td><td>%2 / %3</td></tr>")
                    .arg(escaped(res), escaped(n.allocatable.value(res, QStringLiteral("0"))),
                         escaped(cap));
    html += QStringLiteral("</table><h4>%1</h4>").arg(escaped(tr("Labels")));
    for (const auto &[k, v] : n.labels)
        html += QStringLiteral("<div>%1=%2</div>").arg(escaped(k), escaped(v));
    html += QStringLiteral("<h4>%1</h4>").arg(escaped(tr("System")));
    html +=
        QStringLiteral("<div>%1</div>")
            .arg(escaped(tr("Kubelet %1, %2, kernel %3, %4, %5")
                             .arg(n.nodeInfo->kubeletVersion, n.nodeInfo->osImage,
                                  n.nodeInfo->kernelVersion, n.nodeInfo->containerRuntimeVersion,
                                  n.nodeInfo->architecture)));
    for (const kube::NodeAddress &a : n.addresses)
        html += QStringLiteral("<div>%1: %2</div>").arg(escaped(a.type), escaped(a.address));
    m_details->setText(html);
}

void NodeDetailPanel::setPrometheusHistory(models::PrometheusHistory *prometheus)
{
    if (!m_historyModel)
        return;
    m_historyStatus->hide();
    m_historyModel->setPrometheusHistory(prometheus);
}

} // namespace ui

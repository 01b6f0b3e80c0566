#include "ui/ClusterView.h"

#include "kube/ClusterQueries.h"
#include "kube/Informer.h"
#include "models/ClusterSession.h"
#include "models/FaultSummaryModel.h"
#include "models/NodeFilterProxyModel.h"
#include "models/PrometheusHistory.h"
#include "ui/FaultSummaryPanel.h"
#include "ui/FilterBar.h"
#include "ui/FleetChartsView.h"
#include "ui/NodeDetailPanel.h"
#include "ui/NodeGridView.h"
#include "ui/SeverityLegend.h"
#include "ui/StallWatch.h"

#include <QEvent>
#include <QLabel>
#include <QLoggingCategory>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include <utility>

namespace ui {

namespace {
Q_LOGGING_CATEGORY(lcUi, "faultboard.ui", QtInfoMsg)
// The GUI thread's longest stall from a cluster's opening to its first sync, for benchmarks
// (scripts/bench/window-sync.sh): off unless enabled, as it wakes the GUI thread every 2 ms.
Q_LOGGING_CATEGORY(lcResponsiveness, "faultboard.responsiveness", QtWarningMsg)
}

ClusterView::ClusterView(models::ClusterSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_proxy = new models::NodeFilterProxyModel(this);
    m_proxy->setSourceModel(session->gridModel());
    m_summaryModel = new models::FaultSummaryModel(session->store(), this);
    m_summaryModel->setNodeFilter(m_proxy); // the panel counts what the grid shows
    m_filterBar = new FilterBar(m_proxy, session->store()->classifier().taxonomy(), this);
    m_body = new QStackedWidget(this);
    m_splitter = new QSplitter(Qt::Horizontal, m_body);
    m_summary = new FaultSummaryPanel(m_summaryModel, m_splitter);
    m_center = new QTabWidget(m_splitter);
    m_center->setDocumentMode(true);
    m_center->setAccessibleName(tr("Fleet views"));
    auto *gridHost = new QWidget(m_center);
    auto *gridLayout = new QVBoxLayout(gridHost);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->setSpacing(0);
    m_legend = new SeverityLegend(gridHost);
    m_grid = new NodeGridView(gridHost);
    // Connected before the grid's selection model exists, so this runs first: when the filter
    // (or a node's change under it) hides the current tile, the selection model would make a
    // neighbour current, unselected, and the details and the actions would follow it. The
    // target of an action is the visible selection: a hidden one is cleared and said so.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) {
                const QModelIndex current = m_grid->selectionModel()->currentIndex();
                if (current.isValid() && current.row() >= first && current.row() <= last)
                    m_hiddenNode = current.data(Qt::DisplayRole).toString();
            });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_hiddenNode.isEmpty())
            return;
        const QString hidden = std::exchange(m_hiddenNode, QString());
        // The rest of the selection, if any, stays: it is visible.
        m_grid->selectionModel()->setCurrentIndex(QModelIndex(), QItemSelectionModel::NoUpdate);
        m_detail->showHiddenNode(hidden);
        emit currentNodeChanged(QString());
        emit selectionChanged();
    });
    m_grid->setModel(m_proxy);
    gridLayout->addWidget(m_legend);
    gridLayout->addWidget(m_grid, 1);
    m_queries = session->queries();
    m_detail = new NodeDetailPanel(session->store(), m_queries, session->history(), m_splitter);
    m_splitter->addWidget(m_summary);
    m_charts = new FleetChartsView(session->history(), m_center);
    m_center->addTab(gridHost, tr("&Nodes"));
    m_center->addTab(m_charts, tr("T&rends"));
    m_splitter->addWidget(m_center);
    m_splitter->addWidget(m_detail);
    // The side panels keep their width when the window changes size, and neither can be
    // squeezed out of sight; the grid takes the rest. The first width is arranged when the
    // splitter first has one (arrangeSplitter), unless the operator's own is restored.
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setCollapsible(0, false);
    m_splitter->setCollapsible(1, false);
    m_splitter->setCollapsible(2, false);
    m_center->setMinimumWidth(200);
    m_detail->setMinimumWidth(300);
    m_splitter->installEventFilter(this);
    QStringList types;
    for (const models::FaultType &t : session->store()->classifier().taxonomy().types())
        types << t.type;
    QStringList categories;
    for (const QString &c : models::Taxonomy::categories())
        categories << models::Taxonomy::categoryName(c);
    m_summary->setKnownTypes(types, categories);
    m_unreadable = new QLabel(m_body);
    m_unreadable->setAccessibleName(tr("Why no nodes are shown"));
    m_unreadable->setAlignment(Qt::AlignCenter);
    m_unreadable->setWordWrap(true);
    m_unreadable->setTextFormat(Qt::RichText);
    m_unreadable->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_unreadable->setMargin(24);
    m_body->addWidget(m_splitter);
    m_body->addWidget(m_unreadable);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_body, 1);

    connect(m_summary, &FaultSummaryPanel::faultTypeChosen, m_filterBar, &FilterBar::setFaultType);
    connect(m_summary, &FaultSummaryPanel::severityChosen, m_filterBar,
            &FilterBar::setMinimumSeverity);
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (!m_hiddenNode.isEmpty())
                    return; // the neighbour made current while the shown node goes: not shown
                const QString name = current.data(Qt::DisplayRole).toString();
                m_detail->showNode(name);
                emit currentNodeChanged(name);
            });
    connect(m_grid->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ClusterView::selectionChanged);
    connect(session, &models::ClusterSession::connectionStateChanged, this,
            &ClusterView::updateReadability);
    connect(session, &models::ClusterSession::synced, this, &ClusterView::updateReadability);
    connect(session->store(), &models::NodeStore::countsChanged, this, [this] {
        if (!nodesRead())
            updateReadability();
    });
    updateReadability();
    if (lcResponsiveness().isInfoEnabled()) {
        auto *stalls = new StallWatch(this);
        stalls->start();
        connect(
            session, &models::ClusterSession::synced, stalls,
            [stalls] {
                stalls->stop();
                qCInfo(lcResponsiveness, "longest GUI-thread stall from opening to sync: %.1f ms",
                       stalls->longestMs());
                stalls->deleteLater();
            },
            Qt::SingleShotConnection);
    }
    // One line per sync, so a log (and the fresh-machine check) can tell what the window shows.
    connect(session, &models::ClusterSession::synced, this, [this] {
        qCInfo(lcUi, "%d nodes synced, %d shown in the grid", m_session->store()->size(),
               m_proxy->rowCount());
    });
}

ClusterView::~ClusterView()
{
    // The session goes first, while this view is still whole: its last signals may reach
    // listeners that look at the view.
    if (m_session && m_session->parent() == this)
        delete m_session.data();
}

bool ClusterView::nodesRead() const
{
    return m_session && m_session->nodeInformer()->hasSynced();
}

bool ClusterView::listing() const
{
    return m_session && !m_session->nodeInformer()->hasSynced() &&
           !m_session->nodeInformer()->lastError() && m_session->store()->size() > 0;
}

void ClusterView::updateReadability()
{
    const bool read = nodesRead();
    m_filterBar->setNodesRead(read);
    m_filterBar->setLoading(listing());
    if (read || listing()) {
        m_body->setCurrentWidget(m_splitter);
        return;
    }
    // An empty grid with "0 nodes" would read as an all-clear: say what is really known.
    const kube::ApiError error =
        m_session ? m_session->nodeInformer()->lastError() : kube::ApiError();
    const QString server = m_session ? m_session->serverName() : QString();
    QString title;
    QString todo;
    if (!error) {
        title = tr("Reading the nodes of %1…").arg(server);
        todo = tr("No node has been read yet, so nothing is known about their health.");
    } else if (error.isForbidden()) {
        title = tr("This cluster cannot be read: your user may not list its nodes");
        todo = tr("Ask a cluster administrator for a role that allows get, list and watch on "
                  "nodes (a ClusterRole bound to your user), or open a context with more rights. "
                  "Until then Faultboard shows no nodes and no counts.");
    } else if (error.isUnauthorized()) {
        title = tr("This cluster cannot be read: the server did not accept your credentials");
        todo = tr("Log in again or renew the token or certificate of this context, then reopen "
                  "the cluster.");
    } else {
        title = tr("This cluster cannot be read: the nodes could not be listed");
        todo = tr("Check that the API server %1 is running and reachable from here (VPN, proxy, "
                  "firewall). Faultboard keeps retrying and shows the nodes as soon as it has "
                  "read them; until then the counts are unknown.")
                   .arg(server);
    }
    QString html = QStringLiteral("<h3>%1</h3>").arg(title.toHtmlEscaped());
    if (error)
        html += QStringLiteral("<p>%1</p>").arg(error.toString().toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(todo.toHtmlEscaped());
    m_unreadable->setText(html);
    m_body->setCurrentWidget(m_unreadable);
}

void ClusterView::showGrid()
{
    m_center->setCurrentIndex(0);
    m_grid->setFocus();
}

void ClusterView::showCharts()
{
    m_center->setCurrentWidget(m_charts);
}

QString ClusterView::currentNode() const
{
    return m_detail->nodeName();
}

void ClusterView::saveViewState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("detailsTab"), m_detail->tabs()->currentIndex());
    settings.beginGroup(QStringLiteral("filter"));
    m_filterBar->saveState(settings);
    settings.endGroup();
}

bool ClusterView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_splitter && event->type() == QEvent::Resize && !m_splitterArranged &&
        m_splitter->width() > 0)
        arrangeSplitter();
    return QWidget::eventFilter(watched, event);
}

void ClusterView::arrangeSplitter()
{
    m_splitterArranged = true;
    const int width = m_splitter->width();
    // The fault types whole when the window allows, 30 % of the width for the details.
    const int summary = std::clamp(m_summary->preferredWidth(), m_summary->minimumWidth(),
                                   std::max(m_summary->minimumWidth(), width * 3 / 10));
    const int detail = std::clamp(width * 3 / 10, m_detail->minimumWidth(),
                                  std::max(m_detail->minimumWidth(), 560));
    m_splitter->setSizes(
        {summary, std::max(m_center->minimumWidth(), width - summary - detail), detail});
}

void ClusterView::restoreViewState(QSettings &settings)
{
    if (m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray()))
        m_splitterArranged = true;
    const int tab = settings.value(QStringLiteral("detailsTab"), -1).toInt();
    if (tab >= 0 && tab < m_detail->tabs()->count())
        m_detail->tabs()->setCurrentIndex(tab);
    settings.beginGroup(QStringLiteral("filter"));
    m_filterBar->restoreState(settings);
    settings.endGroup();
}

QStringList ClusterView::selectedNodes() const
{
    // Only what is visibly selected: never the current node alone (it may carry no selection
    // ring), never a node the filter hides (the proxy has no index for it).
    QStringList names;
    for (const QModelIndex &idx : m_grid->selectionModel()->selectedIndexes())
        names << idx.data(Qt::DisplayRole).toString();
    names.sort();
    return names;
}

void ClusterView::selectNode(const QString &name)
{
    const QModelIndex idx = m_proxy->mapFromSource(m_session->gridModel()->indexOf(name));
    if (!idx.isValid())
        return; // gone, or hidden by the filter
    m_grid->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect);
    m_grid->scrollTo(idx);
}

void ClusterView::selectNodes(const QStringList &names)
{
    bool first = true;
    for (const QString &name : names) {
        const QModelIndex idx = m_proxy->mapFromSource(m_session->gridModel()->indexOf(name));
        if (!idx.isValid())
            continue;
        if (first)
            m_grid->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect);
        else
            m_grid->selectionModel()->select(idx, QItemSelectionModel::Select);
        first = false;
    }
}

void ClusterView::setPrometheusHistory(models::PrometheusHistory *prometheus)
{
    if (prometheus == m_prometheus)
        return;
    delete m_prometheus; // its queries in flight end cancelled; the model holds it weakly
    m_prometheus = prometheus;
    if (prometheus)
        prometheus->setParent(this);
    m_detail->setPrometheusHistory(prometheus);
    m_charts->setPrometheusHistory(prometheus);
}

} // namespace ui

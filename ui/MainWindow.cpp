#include "ui/MainWindow.h"

#include "models/ActionLogModel.h"
#include "models/ClusterSession.h"
#include "models/PrometheusHistory.h"
#include "models/PrometheusSource.h"
#include "ui/ActionController.h"
#include "ui/ClusterPickerDialog.h"
#include "ui/ClusterView.h"
#include "ui/ElidedLabel.h"
#include "ui/ExportDialog.h"
#include "ui/FaultNotifier.h"
#include "ui/NodeDetailPanel.h"
#include "ui/NodeGridView.h"
#include "ui/PrometheusSettingsDialog.h"
#include "ui/SettingsDialog.h"
#include "ui/Theme.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>

namespace ui {

MainWindow::MainWindow(const models::Classifier &classifier, QWidget *parent)
    : QMainWindow(parent)
    , m_classifier(classifier)
    , m_settings(AppSettings::load())
{
    setWindowTitle(tr("Faultboard"));
    setWindowIcon(QIcon(QStringLiteral(":/faultboard/icons/faultboard.svg")));
    resize(1360, 860);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setAccessibleName(tr("Clusters"));
    setCentralWidget(m_tabs);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeCluster);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (ClusterView *v = currentView())
            m_groupBy->setCurrentIndex(
                std::max(0, m_groupBy->findData(v->session()->gridModel()->groupingLabel())));
        updateStatus();
        if (m_actions)
            m_actions->updateActions();
    });

    // A long reason ("Stale since …: <error>") is cut, not a reason for a wider window.
    m_connection = new ElidedLabel(this);
    m_connection->setText(tr("Not connected"));
    m_connection->setAccessibleName(tr("Connection state"));
    m_counts = new QLabel(this);
    m_counts->setAccessibleName(tr("Node and fault counts"));
    statusBar()->addWidget(m_connection, 1);
    statusBar()->addPermanentWidget(m_counts);

    m_notifier = new FaultNotifier(this);
    connect(m_notifier, &FaultNotifier::alert, this, &MainWindow::showAlert);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("Faultboard"));
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
    }
    createActions();
    QSettings s;
    {
        const QSignalBlocker block(m_groupBy);
        m_groupBy->setCurrentIndex(
            std::max(0, m_groupBy->findData(s.value(QStringLiteral("view/groupBy")).toString())));
    }
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&Cluster"));
    QAction *open = fileMenu->addAction(tr("&Open cluster…"), this, &MainWindow::pickCluster);
    open->setShortcut(QKeySequence::Open);
    QAction *close = fileMenu->addAction(tr("&Close cluster"), this, [this] {
        if (m_tabs->currentIndex() >= 0)
            closeCluster(m_tabs->currentIndex());
    });
    close->setShortcut(QKeySequence::Close);
    fileMenu->addSeparator();
    m_exportAction =
        fileMenu->addAction(tr("&Export fault report…"), this, &MainWindow::exportReport);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setStatusTip(
        tr("Write the current faults or the fault history to a CSV or JSON file"));
    fileMenu->addAction(tr("&Prometheus of this cluster…"), this,
                        &MainWindow::editClusterPrometheus);
    fileMenu->addSeparator();
    QAction *settings = fileMenu->addAction(tr("&Settings…"), this, &MainWindow::editSettings);
    settings->setShortcut(QKeySequence::Preferences);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QToolBar *toolbar = addToolBar(tr("View"));
    toolbar->setObjectName(QStringLiteral("viewToolbar"));
    toolbar->addAction(open);
    toolbar->addSeparator();
    toolbar->addWidget(new QLabel(tr("Group by: "), toolbar));
    m_groupBy = new QComboBox(toolbar);
    m_groupBy->setAccessibleName(tr("Group nodes by label"));
    m_groupBy->addItem(tr("Nothing"), QString());
    m_groupBy->addItem(tr("Pool"), QStringLiteral("pool"));
    m_groupBy->addItem(tr("Rack"), QStringLiteral("rack"));
    m_groupBy->addItem(tr("Zone"), QStringLiteral("topology.kubernetes.io/zone"));
    m_groupBy->addItem(tr("Accelerator"), QStringLiteral("accelerator"));
    m_groupBy->addItem(tr("Instance type"), QStringLiteral("node.kubernetes.io/instance-type"));
    toolbar->addWidget(m_groupBy);
    connect(m_groupBy, &QComboBox::currentIndexChanged, this, [this] {
        if (ClusterView *v = currentView())
            v->session()->gridModel()->setGroupingLabel(m_groupBy->currentData().toString());
    });
    toolbar->addSeparator();
    auto onGrid = [this](void (NodeGridView::*slot)()) {
        return [this, slot] {
            if (NodeGridView *g = grid())
                (g->*slot)();
        };
    };
    QAction *zoomIn = viewMenu->addAction(tr("Zoom &in"), this, onGrid(&NodeGridView::zoomIn));
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = viewMenu->addAction(tr("Zoom &out"), this, onGrid(&NodeGridView::zoomOut));
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *fit =
        viewMenu->addAction(tr("&Fit every node"), this, onGrid(&NodeGridView::fitToView));
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    toolbar->addAction(zoomIn);
    toolbar->addAction(zoomOut);
    toolbar->addAction(fit);
    QAction *focusGrid = viewMenu->addAction(tr("Focus the &grid"), this, [this] {
        if (NodeGridView *g = grid())
            g->setFocus(Qt::ShortcutFocusReason);
    });
    focusGrid->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    QAction *showGrid = viewMenu->addAction(tr("Fleet &grid"), this, [this] {
        if (ClusterView *v = currentView())
            v->showGrid();
    });
    showGrid->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction *showCharts = viewMenu->addAction(tr("Fault &trends"), this, [this] {
        if (ClusterView *v = currentView())
            v->showCharts();
    });
    showCharts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    viewMenu->addSeparator();
    m_muteAction = viewMenu->addAction(tr("&Mute fault alerts"));
    m_muteAction->setCheckable(true);
    m_muteAction->setChecked(!m_settings.notifyCritical);
    m_notifier->setMuted(!m_settings.notifyCritical);
    connect(m_muteAction, &QAction::toggled, this, [this](bool muted) {
        m_notifier->setMuted(muted);
        m_settings.notifyCritical = !muted;
        m_settings.save();
    });

    // Acting on nodes: from the menu, the toolbar, the grid's context menu and shortcuts.
    m_actions = new ActionController(this);
    QMenu *nodeMenu = menuBar()->addMenu(tr("&Node"));
    nodeMenu->addAction(m_actions->isolateAction());
    nodeMenu->addAction(m_actions->restoreAction());
    nodeMenu->addAction(m_actions->drainAction());
    QToolBar *actBar = addToolBar(tr("Actions"));
    actBar->setObjectName(QStringLiteral("actionsToolbar"));
    actBar->addAction(m_actions->isolateAction());
    actBar->addAction(m_actions->restoreAction());
    actBar->addAction(m_actions->drainAction());

    auto *logDock = new QDockWidget(tr("Action log"), this);
    logDock->setObjectName(QStringLiteral("actionLogDock"));
    auto *logView = new QTableView(logDock);
    logView->setModel(m_actions->log());
    logView->setAccessibleName(tr("Actions taken and their results"));
    logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    logView->verticalHeader()->hide();
    logView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    logView->horizontalHeader()->setSectionResizeMode(models::ActionLogModel::MessageColumn,
                                                      QHeaderView::Stretch);
    logDock->setWidget(logView);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
    viewMenu->addAction(logDock->toggleViewAction());
    connect(m_actions, &ActionController::actionFinished, logDock, [logDock] { logDock->show(); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Faultboard"), this, [this] {
        QMessageBox::about(
            this, tr("About Faultboard"),
            tr("<h3>Faultboard %1</h3><p>A fault dashboard for large Kubernetes AI clusters: "
               "watch every node, understand each fault, isolate, restore and drain safely.</p>")
                .arg(QApplication::applicationVersion()));
    });
}

ClusterView *MainWindow::openCluster(const kube::ClusterEndpoint &endpoint)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        ClusterView *v = view(i);
        if (v->session()->contextName() == endpoint.contextName &&
            v->session()->endpoint().server == endpoint.server) {
            m_tabs->setCurrentIndex(i);
            return v;
        }
    }
    auto *session = new models::ClusterSession(endpoint, m_classifier);
    auto *view = new ClusterView(session, m_tabs);
    session->setParent(view);
    applyPrometheus(view);
    session->gridModel()->setGroupingLabel(m_groupBy->currentData().toString());
    {
        QSettings s;
        s.beginGroup(QStringLiteral("view"));
        view->restoreViewState(s);
    }
    const int tab = m_tabs->addTab(view, endpoint.contextName);
    m_tabs->setTabToolTip(tab, endpoint.server.toString(QUrl::RemoveUserInfo));
    m_tabs->setCurrentIndex(tab);
    connect(session, &models::ClusterSession::connectionStateChanged, this, [this, view] {
        updateTabTitle(view);
        if (view == currentView())
            updateStatus();
    });
    connect(session->store(), &models::NodeStore::countsChanged, this, [this, view] {
        if (view == currentView())
            updateStatus();
    });
    m_notifier->watch(session);
    connect(view, &ClusterView::selectionChanged, m_actions, &ActionController::updateActions);
    connect(view, &ClusterView::currentNodeChanged, m_actions, &ActionController::updateActions);
    view->grid()->setContextMenuPolicy(Qt::ActionsContextMenu);
    view->grid()->addAction(m_actions->isolateAction());
    view->grid()->addAction(m_actions->restoreAction());
    view->grid()->addAction(m_actions->drainAction());
    auto *separator = new QAction(view->grid());
    separator->setSeparator(true);
    view->grid()->addAction(separator);
    // The name is what an operator pastes next: into kubectl, a ticket, a chat.
    auto *copyName = new QAction(tr("&Copy name"), view->grid());
    copyName->setObjectName(QStringLiteral("copyNodeName"));
    copyName->setShortcut(QKeySequence::Copy);
    copyName->setShortcutContext(Qt::WidgetShortcut);
    connect(copyName, &QAction::triggered, view, [view] {
        const QStringList names = view->selectedNodes();
        if (!names.isEmpty())
            QGuiApplication::clipboard()->setText(names.join(QLatin1Char('\n')));
    });
    view->grid()->addAction(copyName);
    session->start();
    updateTabTitle(view);
    updateStatus();
    return view;
}

void MainWindow::saveViewState(ClusterView *view) const
{
    // Saved when a tab or the window closes, not on every change: a test (or a demo) that
    // only clicks around leaves the operator's arrangement alone.
    QSettings s;
    s.setValue(QStringLiteral("view/groupBy"), m_groupBy->currentData());
    s.beginGroup(QStringLiteral("view"));
    view->saveViewState(s);
}

void MainWindow::closeCluster(int tab)
{
    if (ClusterView *v = view(tab))
        saveViewState(v);
    QWidget *w = m_tabs->widget(tab);
    m_tabs->removeTab(tab);
    delete w;
    updateStatus();
}

ClusterView *MainWindow::currentView() const
{
    return qobject_cast<ClusterView *>(m_tabs->currentWidget());
}

ClusterView *MainWindow::view(int tab) const
{
    return qobject_cast<ClusterView *>(m_tabs->widget(tab));
}

int MainWindow::clusterCount() const
{
    return m_tabs->count();
}

models::ClusterSession *MainWindow::currentSession() const
{
    ClusterView *v = currentView();
    return v ? v->session() : nullptr;
}

NodeGridView *MainWindow::grid() const
{
    ClusterView *v = currentView();
    return v ? v->grid() : nullptr;
}

NodeDetailPanel *MainWindow::detailPanel() const
{
    ClusterView *v = currentView();
    return v ? v->detailPanel() : nullptr;
}

void MainWindow::showStartupMessage(const QString &message)
{
    if (!currentView())
        m_connection->setText(message);
}

bool MainWindow::pickCluster()
{
    ClusterPickerDialog picker(m_kubeconfig, m_settings, this);
    if (picker.exec() != QDialog::Accepted)
        return false;
    if (picker.demoRequested()) {
        emit demoRequested();
        return true;
    }
    if (!picker.endpoint())
        return false;
    m_settings.rememberContext(picker.configSource(), picker.chosenContext());
    m_settings.save();
    openCluster(*picker.endpoint());
    return true;
}

std::optional<kube::ClusterEndpoint> MainWindow::lastConnection() const
{
    if (m_settings.recentContexts.isEmpty())
        return std::nullopt;
    const QString last = m_settings.recentContexts.first();
    const qsizetype bar = last.lastIndexOf(QLatin1Char('|'));
    const QString source = last.left(bar), context = last.mid(bar + 1);
    if (bar <= 0 || context.isEmpty())
        return std::nullopt;
    kube::KubeConfig::LoadOptions options = m_kubeconfig;
    if (options.explicitPath.isEmpty()) {
        // The same files, merged the same way, whatever KUBECONFIG says today: that is where
        // the remembered context lives.
        options.kubeconfigEnv = source;
    }
    kube::ApiError error;
    const auto config = kube::KubeConfig::load(options, &error);
    if (!config || config->sourceFiles.join(QDir::listSeparator()) != source)
        return std::nullopt; // --kubeconfig names another file, or the files are gone
    if (std::none_of(config->contexts.begin(), config->contexts.end(),
                     [&](const kube::KubeConfigContext &c) { return c.name == context; }))
        return std::nullopt;
    return config->resolve(context, &error);
}

bool MainWindow::openStartupCluster()
{
    if (const auto last = lastConnection()) {
        openCluster(*last);
        return true;
    }
    kube::ApiError error;
    const auto config = kube::KubeConfig::load(m_kubeconfig, &error);
    if (config && config->contexts.size() == 1) {
        // Nothing to choose: a chooser with one line is only a click in the way.
        if (const auto endpoint = config->resolve(config->contexts.first().name, &error)) {
            m_settings.rememberContext(config->sourceFiles.join(QDir::listSeparator()),
                                       endpoint->contextName);
            m_settings.save();
            openCluster(*endpoint);
            return true;
        }
    }
    return pickCluster();
}

void MainWindow::setSettings(const AppSettings &settings)
{
    m_settings = settings;
    m_settings.save();
    Theme::apply(m_settings.theme);
    m_notifier->setMuted(!m_settings.notifyCritical);
    m_muteAction->setChecked(!m_settings.notifyCritical);
}

void MainWindow::applyPrometheus(ClusterView *view)
{
    const models::PrometheusSource source = models::PrometheusSource::choose(
        m_prometheus, m_settings.prometheus, view->session()->contextName());
    if (!source.error.isEmpty())
        statusBar()->showMessage(source.error, 15000);
    view->setPrometheusHistory(
        source.endpoint ? new models::PrometheusHistory(*source.endpoint, m_classifier.taxonomy())
                        : nullptr);
}

PrometheusSettingsDialog *MainWindow::editClusterPrometheus()
{
    ClusterView *v = currentView();
    if (!v) {
        statusBar()->showMessage(tr("Open a cluster to set its Prometheus."), 5000);
        return nullptr;
    }
    const QString context = v->session()->contextName();
    auto *dialog =
        new PrometheusSettingsDialog(context, m_settings.prometheus.value(context), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, context, view = QPointer(v)] {
        m_settings.prometheus.insert(context, dialog->value());
        m_settings.save();
        if (m_prometheus)
            statusBar()->showMessage(
                tr("Saved; this window reads the Prometheus given by --prometheus."), 10000);
        else if (view)
            applyPrometheus(view);
    });
    dialog->open();
    return dialog;
}

ExportDialog *MainWindow::exportReport()
{
    ClusterView *v = currentView();
    if (!v) {
        statusBar()->showMessage(tr("Open a cluster to export its faults."), 5000);
        return nullptr;
    }
    auto *dialog = new ExportDialog(v->session(), this);
    dialog->setPrometheusHistory(v->prometheusHistory());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::exported, this, [this](const QString &path, int faults) {
        statusBar()->showMessage(tr("Exported %n fault(s) to %1", nullptr, faults).arg(path),
                                 10000);
    });
    dialog->open();
    return dialog;
}

void MainWindow::editSettings()
{
    SettingsDialog dialog(m_settings, this);
    if (dialog.exec() == QDialog::Accepted)
        setSettings(dialog.settings());
}

void MainWindow::updateTabTitle(ClusterView *view)
{
    const int tab = m_tabs->indexOf(view);
    if (tab < 0)
        return;
    using State = kube::Informer::State;
    QString mark;
    switch (view->session()->connectionState()) {
    case State::Synced:
        mark = QStringLiteral("● ");
        break;
    case State::Stale:
        mark = QStringLiteral("◐ ");
        break;
    case State::Failed:
        mark = QStringLiteral("✕ ");
        break;
    default:
        mark = QStringLiteral("○ ");
        break;
    }
    m_tabs->setTabText(tab, mark + view->session()->contextName());
}

void MainWindow::updateStatus()
{
    models::ClusterSession *s = currentSession();
    if (!s) {
        m_connection->setText(tr("No cluster open: Cluster ▸ Open cluster… (Ctrl+O)"));
        m_counts->clear();
        setWindowTitle(tr("Faultboard"));
        return;
    }
    m_connection->setText(s->connectionText());
    m_connection->setToolTip(s->serverName());
    const models::NodeStore *store = s->store();
    using models::Severity;
    if (!s->nodeInformer()->hasSynced() && store->size() > 0 && !s->nodeInformer()->lastError()) {
        // The first list is coming in, page by page: what is counted is real, but not final.
        m_counts->setText(tr("%1 critical · %2 major · %3 minor so far — listing nodes, %n read",
                             nullptr, store->size())
                              .arg(store->count(Severity::Critical))
                              .arg(store->count(Severity::Major))
                              .arg(store->count(Severity::Minor)));
        setWindowTitle(tr("Faultboard — %1").arg(s->contextName()));
        return;
    }
    if (!s->nodeInformer()->hasSynced()) {
        // Nothing read yet (or reading fails): zero would be a claim, not a count.
        m_counts->setText(tr("Node and fault counts unknown: the nodes have not been read"));
        setWindowTitle(tr("Faultboard — %1").arg(s->contextName()));
        return;
    }
    m_counts->setText(tr("%n node(s)", nullptr, store->size()) + QStringLiteral(" · ") +
                      tr("%1 critical · %2 major · %3 minor")
                          .arg(store->count(Severity::Critical))
                          .arg(store->count(Severity::Major))
                          .arg(store->count(Severity::Minor)));
    setWindowTitle(tr("Faultboard — %1").arg(s->contextName()));
}

void MainWindow::showAlert(const QString &title, const QString &text)
{
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, text, QSystemTrayIcon::Critical, 10000);
    statusBar()->showMessage(title + QStringLiteral(": ") + text.section(QLatin1Char('\n'), 0, 0),
                             15000);
    QApplication::alert(this);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (ClusterView *v = currentView())
        saveViewState(v);
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

} // namespace ui

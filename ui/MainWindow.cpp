#include "ui/MainWindow.h"

#include "models/ClusterSession.h"
#include "ui/NodeDetailPanel.h"
#include "ui/NodeGridView.h"
#include "ui/SeverityLegend.h"
#include "ui/SeverityStyle.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QKeySequence>
#include <QLabel>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Faultboard"));
    setWindowIcon(QIcon(QStringLiteral(":/faultboard/icons/faultboard.svg")));
    resize(1280, 800);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_legend = new SeverityLegend(central);
    m_grid = new NodeGridView(central);
    layout->addWidget(m_legend);
    layout->addWidget(m_grid, 1);
    setCentralWidget(central);

    auto *toolbar = addToolBar(tr("View"));
    toolbar->setObjectName(QStringLiteral("viewToolbar"));
    toolbar->addWidget(new QLabel(tr("Group by: "), toolbar));
    m_groupBy = new QComboBox(toolbar);
    m_groupBy->setAccessibleName(tr("Group nodes by label"));
    m_groupBy->addItem(tr("Nothing"), QString());
    m_groupBy->addItem(tr("Pool"), QStringLiteral("pool"));
    m_groupBy->addItem(tr("Rack"), QStringLiteral("rack"));
    m_groupBy->addItem(tr("Zone"), QStringLiteral("topology.kubernetes.io/zone"));
    m_groupBy->addItem(tr("Accelerator"), QStringLiteral("accelerator"));
    toolbar->addWidget(m_groupBy);
    connect(m_groupBy, &QComboBox::currentIndexChanged, this, [this] {
        if (m_session)
            m_session->gridModel()->setGroupingLabel(m_groupBy->currentData().toString());
    });
    toolbar->addSeparator();
    QAction *zoomIn = toolbar->addAction(tr("Zoom in"), m_grid, &NodeGridView::zoomIn);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = toolbar->addAction(tr("Zoom out"), m_grid, &NodeGridView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *fit = toolbar->addAction(tr("Fit"), m_grid, &NodeGridView::fitToView);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    fit->setToolTip(tr("Make every node fit in the window"));

    auto *dock = new QDockWidget(tr("Node"), this);
    dock->setObjectName(QStringLiteral("nodeDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_detailHost = dock;
    addDockWidget(Qt::RightDockWidgetArea, dock);

    m_connection = new QLabel(tr("Not connected"), this);
    m_connection->setAccessibleName(tr("Connection state"));
    m_counts = new QLabel(this);
    m_counts->setAccessibleName(tr("Node and fault counts"));
    statusBar()->addWidget(m_connection, 1);
    statusBar()->addPermanentWidget(m_counts);
}

MainWindow::~MainWindow() = default;

void MainWindow::showStartupMessage(const QString &message)
{
    m_connection->setText(message);
}

void MainWindow::setSession(models::ClusterSession *session)
{
    m_session = session;
    auto *dock = static_cast<QDockWidget *>(m_detailHost);
    delete m_detail;
    m_detail = new NodeDetailPanel(session->store(), dock);
    dock->setWidget(m_detail);
    m_grid->setModel(session->gridModel());
    session->gridModel()->setGroupingLabel(m_groupBy->currentData().toString());
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onCurrentChanged);
    connect(session, &models::ClusterSession::connectionStateChanged, this, &MainWindow::updateConnection);
    connect(session->store(), &models::NodeStore::countsChanged, this, &MainWindow::updateCounts);
    setWindowTitle(tr("Faultboard — %1").arg(session->contextName()));
    updateConnection();
    updateCounts();
}

void MainWindow::onCurrentChanged()
{
    const QModelIndex current = m_grid->currentIndex();
    m_detail->showNode(current.data(Qt::DisplayRole).toString());
}

void MainWindow::updateConnection()
{
    if (!m_session)
        return;
    m_connection->setText(m_session->connectionText());
    m_connection->setToolTip(m_session->serverName());
}

void MainWindow::updateCounts()
{
    if (!m_session)
        return;
    const models::NodeStore *s = m_session->store();
    using models::Severity;
    m_counts->setText(tr("%n node(s)", nullptr, s->size()) + QStringLiteral(" · ")
                      + tr("%1 critical · %2 major · %3 minor")
                            .arg(s->count(Severity::Critical))
                            .arg(s->count(Severity::Major))
                            .arg(s->count(Severity::Minor)));
}

} // namespace ui

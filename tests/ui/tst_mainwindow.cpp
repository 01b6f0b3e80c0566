#include "kube/ApiClient.h"
#include "models/ClusterSession.h"
#include "models/FaultSummaryModel.h"
#include "models/NodeConditionsModel.h"
#include "models/NodeFilterProxyModel.h"
#include "models/Taxonomy.h"
#include "tests/common/TestCluster.h"
#include "tests/common/TestSettings.h"
#include "ui/ClusterView.h"
#include "ui/FaultSummaryPanel.h"
#include "ui/FilterBar.h"
#include "ui/MainWindow.h"
#include "ui/NodeDetailPanel.h"
#include "ui/NodeGridView.h"
#include "ui/SeverityStyle.h"
#include <QLineEdit>
#include <QTreeView>

#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace models;

namespace {
// A label by its accessible name, as a screen reader finds it (null when there is none).
QLabel *labelNamed(QWidget *root, const QString &accessibleName)
{
    for (QLabel *l : root->findChildren<QLabel *>())
        if (l->accessibleName() == accessibleName)
            return l;
    return nullptr;
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;

private slots:
    void initTestCase()
    {
        QVERIFY(useTestSettings());
        m_cluster = std::make_unique<TestCluster>(QStringList{QStringLiteral("--paused")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
    }

    void cleanupTestCase() { m_cluster.reset(); }

    // A test that failed half way leaves no injected failure behind for the next.
    void cleanup()
    {
        QVERIFY(m_cluster->control(QStringLiteral("settings"), "{\"failNext\":null}"));
    }

    void gridShowsEveryNodeAndColoursFaults()
    {
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::ClusterView *view = window.openCluster(m_cluster->endpoint());
        ClusterSession &session = *view->session();
        QSignalSpy synced(&session, &ClusterSession::synced);
        QVERIFY(synced.wait(20000));

        ui::NodeGridView *grid = window.grid();
        QCOMPARE(grid->model()->rowCount(), 64);
        int tiles = 0;
        for (int g = 0; g < grid->groupCount(); ++g)
            tiles += grid->tilesInGroup(g);
        QCOMPARE(tiles, 64);
        QTRY_VERIFY(window.connectionLabel()->text().contains(QLatin1String("Live")));
        QTRY_VERIFY(window.countsLabel()->text().startsWith(QLatin1String("64 node")));

        QVERIFY(m_cluster->setCondition(QStringLiteral("gpu-0010"), QStringLiteral("Ready"),
                                        QStringLiteral("Unknown"),
                                        QStringLiteral("NodeStatusUnknown"),
                                        QStringLiteral("Kubelet stopped posting node status.")));
        const QModelIndex faulty = view->filterModel()->mapFromSource(
            session.gridModel()->indexOf(QStringLiteral("gpu-0010")));
        QTRY_COMPARE_WITH_TIMEOUT(faulty.data(NodeGridModel::SeverityRole).toInt(),
                                  int(Severity::Critical), 5000);

        // The tile is painted in the critical colour; a healthy neighbour in the healthy one.
        const QRect r = grid->visualRect(faulty);
        QVERIFY(r.isValid());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QImage img = grid->viewport()->grab().toImage();
                return img.pixelColor(r.topLeft() + QPoint(1, 1)) ==
                       ui::SeverityStyle::color(Severity::Critical);
            }(),
            5000);
        const QModelIndex healthy = view->filterModel()->mapFromSource(
            session.gridModel()->indexOf(QStringLiteral("gpu-0011")));
        const QImage img = grid->viewport()->grab().toImage();
        QCOMPARE(img.pixelColor(grid->visualRect(healthy).topLeft() + QPoint(1, 1)),
                 ui::SeverityStyle::color(Severity::Healthy));

        // Clicking the tile shows its conditions.
        QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, r.center());
        QCOMPARE(window.detailPanel()->nodeName(), QStringLiteral("gpu-0010"));
        QAbstractItemModel *conditions = window.detailPanel()->conditionsView()->model();
        bool sawReady = false;
        for (int row = 0; row < conditions->rowCount(); ++row) {
            if (conditions->index(row, NodeConditionsModel::TypeColumn).data().toString() ==
                QLatin1String("Ready")) {
                sawReady = true;
                QCOMPARE(
                    conditions->index(row, NodeConditionsModel::StatusColumn).data().toString(),
                    QStringLiteral("Unknown"));
                QCOMPARE(
                    conditions->index(row, NodeConditionsModel::ReasonColumn).data().toString(),
                    QStringLiteral("NodeStatusUnknown"));
                QCOMPARE(conditions->index(row, 0).data(NodeConditionsModel::SeverityRole).toInt(),
                         int(Severity::Critical));
            }
        }
        QVERIFY(sawReady);
        // The worst fault's meaning and recommended action are spelled out.
        QTRY_VERIFY(
            window.detailPanel()->adviceView()->toPlainText().contains(QLatin1String("Ready")));
        QVERIFY(window.detailPanel()->adviceView()->toPlainText().contains(
            QLatin1String("Recommended action")));
        // Pods and events load for the selected node, without error.
        QSignalSpy loaded(window.detailPanel(), &ui::NodeDetailPanel::workloadLoaded);
        window.detailPanel()->refreshWorkload();
        QVERIFY(loaded.wait(10000));
        QVERIFY2(window.detailPanel()->workloadStatus()->text().startsWith(
                     QLatin1String("Pods and events as of")),
                 qPrintable(window.detailPanel()->workloadStatus()->text()));
        QVERIFY(m_cluster->setCondition(QStringLiteral("gpu-0010"), QStringLiteral("Ready"),
                                        QStringLiteral("True")));
    }

    void filterByFaultTypeFromTheSummary()
    {
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::ClusterView *view = window.openCluster(m_cluster->endpoint());
        QSignalSpy synced(view->session(), &ClusterSession::synced);
        QVERIFY(synced.wait(20000));
        for (const char *n : {"npu-0011", "npu-0012"})
            QVERIFY(m_cluster->setCondition(QLatin1String(n), QStringLiteral("NT_NPU_CARD_LOSE"),
                                            QStringLiteral("True")));
        QVERIFY(m_cluster->setCondition(QStringLiteral("gpu-0002"), QStringLiteral("Ready"),
                                        QStringLiteral("False")));

        // The summary lists the fault type under its severity with its node count.
        models::FaultSummaryModel *summary = view->summaryModel();
        QModelIndex cardLose;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QModelIndex critical = summary->severityIndex(Severity::Critical);
                for (int r = 0; r < summary->rowCount(critical); ++r) {
                    const QModelIndex i = summary->index(r, 0, critical);
                    if (i.data(models::FaultSummaryModel::FaultTypeRole).toString() ==
                            QLatin1String("NT_NPU_CARD_LOSE") &&
                        i.data(models::FaultSummaryModel::NodeCountRole).toInt() == 2) {
                        cardLose = i;
                        return true;
                    }
                }
                return false;
            }(),
            5000);

        // Clicking it filters the grid to those nodes.
        QTreeView *tree = view->summaryPanel()->view();
        tree->scrollTo(cardLose);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                          tree->visualRect(cardLose).center());
        QTRY_COMPARE(view->grid()->model()->rowCount(), 2);
        // Without a translator the plural reads "node(s)"; the figures are what matters.
        QVERIFY2(view->filterBar()->countLabel()->text().startsWith(QLatin1String("2 of 64 node")),
                 qPrintable(view->filterBar()->countLabel()->text()));
        QStringList shown;
        for (int r = 0; r < 2; ++r)
            shown << view->grid()->model()->index(r, 0).data().toString();
        QCOMPARE(shown, QStringList({QStringLiteral("npu-0011"), QStringLiteral("npu-0012")}));

        // The name filter narrows further; clearing shows everything again.
        QTest::keyClicks(view->filterBar()->nameEdit(), QStringLiteral("0012"));
        view->filterBar()->applyNow();
        QCOMPARE(view->grid()->model()->rowCount(), 1);
        view->filterBar()->clear();
        QCOMPARE(view->grid()->model()->rowCount(), 64);

        // A bad label selector is refused and shown, the rest keeps working.
        view->filterBar()->selectorEdit()->setText(QStringLiteral("pool in (npu-910b"));
        view->filterBar()->applyNow();
        QVERIFY(!view->filterBar()->selectorEdit()->toolTip().isEmpty());
        QCOMPARE(view->grid()->model()->rowCount(), 64);
        view->filterBar()->selectorEdit()->setText(
            QStringLiteral("pool=npu-910b,rack notin (npu-r01)"));
        view->filterBar()->applyNow();
        QCOMPARE(view->grid()->model()->rowCount(), 32);

        for (const char *n : {"npu-0011", "npu-0012"})
            QVERIFY(m_cluster->setCondition(QLatin1String(n), QStringLiteral("NT_NPU_CARD_LOSE"),
                                            QStringLiteral("False")));
        QVERIFY(m_cluster->setCondition(QStringLiteral("gpu-0002"), QStringLiteral("Ready"),
                                        QStringLiteral("True")));
    }

    void groupsByPool()
    {
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        ui::ClusterView *view = window.openCluster(m_cluster->endpoint());
        ClusterSession &session = *view->session();
        QSignalSpy synced(&session, &ClusterSession::synced);
        QVERIFY(synced.wait(20000));
        session.gridModel()->setGroupingLabel(QStringLiteral("pool"));
        QTRY_COMPARE(window.grid()->groupCount(), 2);
        QCOMPARE(window.grid()->tilesInGroup(0), 24);
        QCOMPARE(window.grid()->tilesInGroup(1), 40);
        QVERIFY(window.grid()->groupTitle(0).startsWith(QLatin1String("gpu-a100")));
        QVERIFY(!window.grid()->groupTitle(1).contains(QLatin1String("faulty")));
        // A new fault updates its group's header count without moving tiles.
        QVERIFY(m_cluster->setCondition(QStringLiteral("npu-0007"), QStringLiteral("NT_NPU_OTHER"),
                                        QStringLiteral("True")));
        QTRY_VERIFY_WITH_TIMEOUT(window.grid()->groupTitle(1).contains(QLatin1String("1 faulty")),
                                 5000);
        QCOMPARE(window.grid()->tilesInGroup(1), 40);
        QVERIFY(m_cluster->setCondition(QStringLiteral("npu-0007"), QStringLiteral("NT_NPU_OTHER"),
                                        QStringLiteral("False")));
        QTRY_VERIFY_WITH_TIMEOUT(!window.grid()->groupTitle(1).contains(QLatin1String("faulty")),
                                 5000);
    }

    // A user who may not list nodes, and a server that cannot answer: neither may look like an
    // empty, healthy cluster. The view says why in its centre, and no count is shown as a fact.
    void unreadableClusterShowsWhyNotZero()
    {
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(
            m_cluster->control(QStringLiteral("settings"),
                               "{\"failNext\":{\"status\":403,\"reason\":\"Forbidden\",\"count\":"
                               "1000, \"pathPrefix\":\"/api/v1/nodes\",\"message\":\"nodes is "
                               "forbidden: User \\\"kubesim-viewer\\\" cannot list resource "
                               "\\\"nodes\\\" in API group \\\"\\\" at the cluster scope\"}}"));
        ui::ClusterView *view = window.openCluster(
            m_cluster->endpoint(TestCluster::context(TestCluster::User::Viewer)));
        ClusterSession &session = *view->session();
        QLabel *why = labelNamed(view, QStringLiteral("Why no nodes are shown"));
        QVERIFY2(why, "the view has no message saying why it shows no nodes");

        auto noZeroAsFact = [&] {
            const QString counts = window.countsLabel()->text();
            const QString shown = view->filterBar()->countLabel()->text();
            QVERIFY2(!counts.contains(QLatin1String("0 node")) &&
                         !counts.contains(QLatin1String("0 critical")),
                     qPrintable(counts));
            QVERIFY2(!shown.contains(QLatin1Char('0')), qPrintable(shown));
            QVERIFY(why->isVisible());
            QVERIFY(!view->grid()->isVisible());
        };
        // While the first list is on its way nothing is known yet.
        QVERIFY(why->text().contains(QLatin1String("Reading the nodes")));
        noZeroAsFact();

        // Forbidden: the reason and what to do, in the centre of the view.
        QTRY_COMPARE_WITH_TIMEOUT(session.connectionState(), kube::Informer::State::Failed, 10000);
        QTRY_VERIFY(why->text().contains(QLatin1String("may not list")));
        QVERIFY2(why->text().contains(QLatin1String("403")), qPrintable(why->text()));
        QVERIFY(why->text().contains(QLatin1String("Ask a cluster")));
        noZeroAsFact();
        QVERIFY(m_cluster->control(QStringLiteral("settings"), "{\"failNext\":null}"));

        // The server is down (unavailable for every list): said as such, still no zero.
        ui::MainWindow down{Classifier(Taxonomy::builtIn())};
        down.resize(1200, 800);
        down.show();
        QVERIFY(QTest::qWaitForWindowExposed(&down));
        QVERIFY(
            m_cluster->control(QStringLiteral("settings"),
                               "{\"failNext\":{\"status\":503,\"reason\":\"ServiceUnavailable\","
                               "\"count\":1000, \"pathPrefix\":\"/api/v1/nodes\",\"message\":\"the "
                               "server is currently unable to handle the request\"}}"));
        kube::RetryPolicy once;
        once.maxRetries = 0;
        ui::ClusterView *downView = down.openCluster(m_cluster->endpoint());
        downView->session()->client()->setRetryPolicy(once);
        QLabel *downWhy = labelNamed(downView, QStringLiteral("Why no nodes are shown"));
        QVERIFY(downWhy);
        QTRY_COMPARE_WITH_TIMEOUT(downView->session()->connectionState(),
                                  kube::Informer::State::Failed, 10000);
        QTRY_VERIFY(downWhy->text().contains(QLatin1String("could not be listed")));
        QVERIFY(downWhy->text().contains(QLatin1String("503")));
        QVERIFY(downWhy->isVisible());
        QVERIFY(!down.countsLabel()->text().contains(QLatin1String("0 node")));
        QVERIFY(!downView->filterBar()->countLabel()->text().contains(QLatin1Char('0')));

        // Once the nodes can be read, the grid and the real counts come back.
        QVERIFY(m_cluster->control(QStringLiteral("settings"), "{\"failNext\":null}"));
        QTRY_VERIFY_WITH_TIMEOUT(downView->session()->nodeInformer()->hasSynced(), 30000);
        QTRY_VERIFY(downView->grid()->isVisible());
        QVERIFY(!downWhy->isVisible());
        QTRY_VERIFY(down.countsLabel()->text().startsWith(QLatin1String("64 node")));
    }

    // Pods and events that cannot be listed show the error in their tab, not "Pods (0)".
    void failedWorkloadQueryShowsItsError()
    {
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::ClusterView *view = window.openCluster(m_cluster->endpoint());
        QSignalSpy synced(view->session(), &ClusterSession::synced);
        QVERIFY(synced.wait(20000));
        kube::RetryPolicy once;
        once.maxRetries = 0;
        view->session()->client()->setRetryPolicy(once);
        ui::NodeDetailPanel *panel = window.detailPanel();
        QSignalSpy loaded(panel, &ui::NodeDetailPanel::workloadLoaded);
        view->selectNode(QStringLiteral("gpu-0005"));
        QTRY_COMPARE(panel->nodeName(), QStringLiteral("gpu-0005"));
        // The panel's own first load (after its debounce) is done before failures are injected:
        // they are meant for the refresh below, not for it.
        QVERIFY(loaded.wait(10000));
        QVERIFY(
            m_cluster->control(QStringLiteral("settings"),
                               "{\"failNext\":{\"status\":503,\"reason\":\"ServiceUnavailable\","
                               "\"count\":1, \"pathPrefix\":\"/api/v1/pods\",\"message\":\"the "
                               "server is currently unable to handle the request\"}}"));
        QVERIFY(
            m_cluster->control(QStringLiteral("settings"),
                               "{\"failNext\":{\"status\":503,\"reason\":\"ServiceUnavailable\","
                               "\"count\":1, \"pathPrefix\":\"/api/v1/events\",\"message\":\"the "
                               "server is currently unable to handle the request\"}}"));
        panel->refreshWorkload();
        QVERIFY(loaded.wait(10000));
        panel->tabs()->setCurrentIndex(1);
        const QString podsTab = panel->tabs()->tabText(1);
        QVERIFY2(!podsTab.contains(QLatin1String("(0)")), qPrintable(podsTab));
        QVERIFY(!panel->podsView()->isVisible());
        QLabel *podsError = labelNamed(panel, QStringLiteral("Why the pods are not shown"));
        QVERIFY(podsError && podsError->isVisible());
        QVERIFY2(podsError->text().contains(QLatin1String("503")), qPrintable(podsError->text()));
        QVERIFY(!panel->tabs()->tabText(2).contains(QLatin1String("(0)")));
        panel->tabs()->setCurrentIndex(2);
        QLabel *eventsError = labelNamed(panel, QStringLiteral("Why the events are not shown"));
        QVERIFY(eventsError && eventsError->isVisible());
        QVERIFY(!panel->eventsView()->isVisible());
        QVERIFY(eventsError->text().contains(QLatin1String("503")));

        // The next answer that comes fills the tables again.
        QVERIFY(m_cluster->control(QStringLiteral("settings"), "{\"failNext\":null}"));
        panel->refreshWorkload();
        QVERIFY(loaded.wait(10000));
        QVERIFY(panel->eventsView()->isVisible());
        panel->tabs()->setCurrentIndex(1);
        QVERIFY(panel->podsView()->isVisible());
        QVERIFY(!podsError->isVisible());
        QVERIFY(panel->tabs()->tabText(1).contains(QLatin1Char('(')));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

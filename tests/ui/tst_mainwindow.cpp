#include "models/ClusterSession.h"
#include "models/FaultSummaryModel.h"
#include "models/NodeConditionsModel.h"
#include "models/NodeFilterProxyModel.h"
#include "models/Taxonomy.h"
#include "tests/common/TestCluster.h"
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
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace models;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;

private slots:
    void initTestCase()
    {
        m_cluster = std::make_unique<TestCluster>(QStringList{QStringLiteral("--paused")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
    }

    void cleanupTestCase() { m_cluster.reset(); }

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
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

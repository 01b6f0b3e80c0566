// Issue 16 item 15: the small habits of the grid an operator relies on in an incident.
#include "models/ClusterSession.h"
#include "models/FaultSummaryModel.h"
#include "models/NodeFilterProxyModel.h"
#include "models/NodeGridModel.h"
#include "models/Taxonomy.h"
#include "tests/common/TestCluster.h"
#include "tests/common/TestSettings.h"
#include "tests/common/TestWindow.h"
#include "ui/ActionController.h"
#include "ui/ClusterView.h"
#include "ui/DrainDialog.h"
#include "ui/FaultSummaryPanel.h"
#include "ui/FilterBar.h"
#include "ui/MainWindow.h"
#include "ui/NodeGridView.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace models;

class TestGridHabits : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;

    ui::ClusterView *open(ui::MainWindow &window)
    {
        return openSyncedCluster(window, m_cluster->endpoint());
    }

    static QStringList shownNames(const QAbstractItemModel *model)
    {
        QStringList names;
        for (int r = 0; r < model->rowCount(); ++r)
            names << model->index(r, 0).data(NodeGridModel::NameRole).toString();
        names.sort();
        return names;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(useTestSettings());
        m_cluster = std::make_unique<TestCluster>(QStringList{QStringLiteral("--paused")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
    }

    void cleanupTestCase() { m_cluster.reset(); }

    // Several names and globs in the name field: any of them matches.
    void nameSearchTakesSeveralNamesAndGlobs()
    {
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        ui::ClusterView *view = open(window);
        QVERIFY(view);
        QLineEdit *name = view->filterBar()->nameEdit();
        name->setFocus();
        QTest::keyClicks(name, QStringLiteral("npu-00[1-3]* GPU-0007"));
        QStringList expected{QStringLiteral("gpu-0007")};
        for (int i = 10; i <= 39; ++i)
            expected << QStringLiteral("npu-00%1").arg(i);
        QTRY_COMPARE(shownNames(view->filterModel()), expected);
        QCOMPARE(view->grid()->model()->rowCount(), 31);

        // Commas separate too; a plain name stays a substring.
        name->clear();
        QTest::keyClicks(name, QStringLiteral("gpu-0001,npu-0040"));
        QTRY_COMPARE(shownNames(view->filterModel()),
                     (QStringList{QStringLiteral("gpu-0001"), QStringLiteral("npu-0040")}));
        // A glob names the whole node: `npu-001?` is not `npu-0010x`, and `*-0003` is two.
        name->clear();
        QTest::keyClicks(name, QStringLiteral("*-0003"));
        QTRY_COMPARE(shownNames(view->filterModel()),
                     (QStringList{QStringLiteral("gpu-0003"), QStringLiteral("npu-0003")}));
    }

    // The grid's context menu copies the selected nodes' names.
    void contextMenuCopiesNames()
    {
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        ui::ClusterView *view = open(window);
        QVERIFY(view);
        QAction *copy = nullptr;
        for (QAction *a : view->grid()->actions())
            if (a->objectName() == QLatin1String("copyNodeName"))
                copy = a;
        QVERIFY(copy);
        QVERIFY(!copy->text().isEmpty());
        QGuiApplication::clipboard()->clear();
        const auto tile = [&](const QString &n) {
            return view->grid()->visualRect(
                view->filterModel()->mapFromSource(view->session()->gridModel()->indexOf(n)));
        };
        QTest::mouseClick(view->grid()->viewport(), Qt::LeftButton, {},
                          tile(QStringLiteral("npu-0005")).center());
        QTest::mouseClick(view->grid()->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          tile(QStringLiteral("gpu-0002")).center());
        copy->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("gpu-0002\nnpu-0005"));
        // Ctrl+C on the grid does the same.
        QGuiApplication::clipboard()->clear();
        QTest::mouseClick(view->grid()->viewport(), Qt::LeftButton, {},
                          tile(QStringLiteral("npu-0006")).center());
        view->grid()->setFocus();
        QTest::keyClick(view->grid(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("npu-0006"));
    }

    // A band that ends past the last column or below the last row selects every tile it covers.
    void rubberBandSelectsEdgeTiles()
    {
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        ui::ClusterView *view = open(window);
        QVERIFY(view);
        ui::NodeGridView *grid = view->grid();
        grid->setTileSize(30);
        QAbstractItemModel *model = grid->model();
        QTRY_VERIFY(grid->visualRect(model->index(0, 0)).isValid());
        // The tiles of the first group's first row, and where that row ends.
        const QRect first = grid->visualRect(model->index(0, 0));
        int lastInRow = 0;
        while (lastInRow + 1 < model->rowCount() &&
               grid->visualRect(model->index(lastInRow + 1, 0)).top() == first.top())
            ++lastInRow;
        const QRect last = grid->visualRect(model->index(lastInRow, 0));
        QVERIFY(last.right() + 4 < grid->viewport()->width());

        // From the margin left of the first tile to past the last one in the row.
        const QPoint from(first.left() - 2, first.center().y());
        const QPoint to(grid->viewport()->width() - 2, first.center().y());
        QVERIFY(!grid->indexAt(from).isValid());
        QVERIFY(!grid->indexAt(to).isValid());
        QTest::mousePress(grid->viewport(), Qt::LeftButton, {}, from);
        QTest::mouseMove(grid->viewport(), to);
        QTest::mouseRelease(grid->viewport(), Qt::LeftButton, {}, to);
        QCOMPARE(grid->selectionModel()->selectedIndexes().size(), lastInRow + 1);
        QVERIFY(grid->selectionModel()->isSelected(model->index(lastInRow, 0)));
        QVERIFY(grid->selectionModel()->isSelected(model->index(0, 0)));
    }

    // The Faults panel counts the nodes the grid shows.
    void faultsPanelFollowsTheGridFilters()
    {
        const QString type = QStringLiteral("NT_NPU_CARD_LOSE");
        for (const char *n : {"npu-0011", "npu-0012", "npu-0021"})
            QVERIFY(m_cluster->setCondition(QLatin1String(n), type, QStringLiteral("True")));
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        ui::ClusterView *view = open(window);
        QVERIFY(view);
        auto *summary = qobject_cast<FaultSummaryModel *>(view->summaryPanel()->view()->model());
        QVERIFY(summary);
        const Severity sev =
            view->session()->store()->classifier().taxonomy().lookup(type).severity;
        QTRY_COMPARE(summary->faultCount(sev, type), 3);
        const int allWorst = summary->nodeCount(sev);

        view->filterBar()->nameEdit()->setText(QStringLiteral("npu-001*"));
        QTRY_COMPARE(view->filterModel()->rowCount(), 10);
        QTRY_COMPARE(summary->faultCount(sev, type), 2);
        QVERIFY(summary->nodeCount(sev) < allWorst);
        int shownWorst = 0;
        for (int r = 0; r < view->filterModel()->rowCount(); ++r)
            shownWorst +=
                view->filterModel()->index(r, 0).data(NodeGridModel::SeverityRole).toInt() ==
                int(sev);
        QCOMPARE(summary->nodeCount(sev), shownWorst);

        // Choosing the fault in the panel filters the grid, and the panel still lists the others.
        view->filterBar()->setFaultType(type);
        QTRY_COMPARE(view->filterModel()->rowCount(), 2);
        QCOMPARE(summary->faultCount(sev, type), 2);

        view->filterBar()->nameEdit()->clear();
        QTRY_COMPARE(summary->faultCount(sev, type), 3);
        for (const char *n : {"npu-0011", "npu-0012", "npu-0021"})
            QVERIFY(m_cluster->setCondition(QLatin1String(n), type, QStringLiteral("False")));
    }

    // The drain dialog says what eviction does, not what a training job will do after it.
    void drainDialogPromisesNoCheckpoints()
    {
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        ui::ClusterView *view = open(window);
        QVERIFY(view);
        view->selectNode(QStringLiteral("gpu-0004"));
        QTRY_VERIFY(window.actions()->drainAction()->isEnabled());
        window.actions()->drainAction()->trigger();
        auto *dialog = qobject_cast<ui::DrainDialog *>(window.actions()->openDialog());
        QVERIFY(dialog);
        bool saysEviction = false;
        for (QLabel *l : dialog->findChildren<QLabel *>()) {
            QVERIFY2(!l->text().contains(QLatin1String("resume from their checkpoints")),
                     qPrintable(l->text()));
            saysEviction = saysEviction || l->text().contains(QLatin1String("eviction API"));
        }
        QVERIFY(saysEviction);
        dialog->reject();
    }
};

QTEST_MAIN(TestGridHabits)
#include "tst_gridhabits.moc"

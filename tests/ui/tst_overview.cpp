// Issue 16 item 8: an overview that fits every node at 65,000. A synthetic model with
// NodeGridModel's roles stands in for the store (65,000 nodes through kubesim take a minute
// to list; the grid only reads the roles).
#include "models/NodeFilterProxyModel.h"
#include "models/NodeGridModel.h"
#include "models/Taxonomy.h"
#include "tests/common/TestSettings.h"
#include "ui/FilterBar.h"
#include "ui/NodeGridView.h"

#include <QStandardItemModel>
#include <QTest>
#include <QToolButton>

using models::NodeGridModel;
using models::Severity;

namespace {

// Every 100th node faulty (critical, major, minor in turn), racks of `perRack` if > 0.
std::unique_ptr<QStandardItemModel> fleet(int nodes, int perRack = 0)
{
    auto model = std::make_unique<QStandardItemModel>(nodes, 1);
    for (int i = 0; i < nodes; ++i) {
        auto *item = new QStandardItem(QStringLiteral("node-%1").arg(i, 5, 10, QLatin1Char('0')));
        int sev = 0;
        if (i % 100 == 37)
            sev = int(Severity::Minor) + (i / 100) % 3;
        item->setData(item->text(), NodeGridModel::NameRole);
        item->setData(sev, NodeGridModel::SeverityRole);
        item->setData(sev, NodeGridModel::TileFlagsRole);
        if (perRack > 0)
            item->setData(QStringLiteral("rack-%1").arg(i / perRack), NodeGridModel::GroupRole);
        model->setItem(i, 0, item);
    }
    return model;
}

bool faulty(const QModelIndex &idx)
{
    return idx.data(NodeGridModel::SeverityRole).toInt() >= int(Severity::Minor);
}

} // namespace

class TestOverview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(useTestSettings()); }

    // Ctrl+0 at 65,000 nodes: every tile inside the viewport, no scrolling, and a paint of the
    // whole heatmap well within a frame.
    void fitAllShowsEveryNodeAt65k()
    {
        auto model = fleet(65000);
        ui::NodeGridView grid;
        grid.setModel(model.get());
        grid.resize(900, 650);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        grid.setTileSize(20);
        grid.fitToView();
        QVERIFY(grid.fitsToView());
        QVERIFY(grid.tileSize() < ui::NodeGridView::HeatmapBelow);
        const QRect area = grid.viewport()->rect();
        for (int r = 0; r < model->rowCount(); ++r) {
            const QRect tile = grid.visualRect(model->index(r, 0));
            if (!area.contains(tile))
                QFAIL(qPrintable(QStringLiteral("node %1 at %2,%3 outside %4x%5")
                                     .arg(r)
                                     .arg(tile.x())
                                     .arg(tile.y())
                                     .arg(area.width())
                                     .arg(area.height())));
        }
        std::vector<double> ms;
        for (int i = 0; i < 9; ++i) {
            grid.viewport()->repaint();
            ms.push_back(grid.lastPaintNanoseconds() / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        qInfo("OVERVIEW 65000 nodes tile=%dpx paint median_ms=%.2f max_ms=%.2f", grid.tileSize(),
              ms[ms.size() / 2], ms.back());
        QVERIFY2(ms[ms.size() / 2] < 16.0, "a 65,000-node heatmap paint takes a frame or more");
    }

    // At one or two pixels a tile, a faulty node is still a visible, outlined mark, and the
    // pixel in its middle has its severity's colour.
    void faultyNodesAreVisibleMarks()
    {
        auto model = fleet(65000);
        ui::NodeGridView grid;
        grid.setModel(model.get());
        grid.resize(700, 500);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        grid.fitToView();
        QVERIFY(grid.tileSize() <= 2);
        const QImage img = grid.viewport()->grab().toImage();
        const QRgb healthy =
            grid.viewport()->grab().toImage().pixel(grid.visualRect(model->index(0, 0)).center());
        int marks = 0;
        for (int r = 0; r < model->rowCount(); ++r) {
            const QModelIndex idx = model->index(r, 0);
            const QRect mark = grid.faultMarkRect(idx);
            if (!faulty(idx)) {
                QVERIFY(mark.isEmpty());
                continue;
            }
            ++marks;
            QVERIFY(mark.width() >= ui::NodeGridView::FaultMarkSize + 2);
            QVERIFY(mark.height() >= ui::NodeGridView::FaultMarkSize + 2);
            QVERIFY(mark.contains(grid.visualRect(idx)));
            QVERIFY(img.pixel(mark.center()) != healthy);
        }
        QCOMPARE(marks, 650);
    }

    // The action target is what the pointer is on: at 1-2 px tiles the node under a tile's
    // pixel, and the faulty node wherever its mark is drawn.
    void hitTestingAtTinyTiles_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1-2 px") << QSize(700, 500);
        QTest::newRow("2-3 px") << QSize(1000, 700);
    }
    void hitTestingAtTinyTiles()
    {
        QFETCH(QSize, size);
        auto model = fleet(65000);
        ui::NodeGridView grid;
        grid.setModel(model.get());
        grid.resize(size);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        grid.fitToView();
        QVERIFY(grid.tileSize() <= 3);
        std::vector<QRect> marks;
        for (int r = 0; r < model->rowCount(); ++r)
            if (faulty(model->index(r, 0)))
                marks.push_back(grid.faultMarkRect(model->index(r, 0)));
        const auto name = [](const QModelIndex &i) { return i.data(NodeGridModel::NameRole); };
        int healthyChecked = 0;
        for (int r = 0; r < model->rowCount(); ++r) {
            const QModelIndex idx = model->index(r, 0);
            if (faulty(idx)) {
                const QRect mark = grid.faultMarkRect(idx);
                for (const QPoint &p : {mark.center(), mark.topLeft(), mark.bottomRight()})
                    QCOMPARE(name(grid.indexAt(p)), name(idx));
                continue;
            }
            if (r % 7)
                continue;
            const QRect tile = grid.visualRect(idx);
            if (std::any_of(marks.begin(), marks.end(),
                            [&](const QRect &m) { return m.intersects(tile); }))
                continue;
            for (const QPoint &p : {tile.topLeft(), tile.bottomRight()})
                QCOMPARE(name(grid.indexAt(p)), name(idx));
            ++healthyChecked;
        }
        QVERIFY(healthyChecked > 8000);
    }

    // Faults first: critical, major, minor, then healthy; the source order within each.
    void faultsFirstOrdersBySeverityStably()
    {
        auto model = fleet(5000);
        models::NodeFilterProxyModel proxy;
        proxy.setSourceModel(model.get());
        const models::Taxonomy taxonomy = models::Taxonomy::builtIn();
        ui::FilterBar bar(&proxy, taxonomy);
        QCOMPARE(proxy.index(0, 0).data(NodeGridModel::NameRole).toString(),
                 QStringLiteral("node-00000"));
        bar.faultsFirstButton()->click();
        QVERIFY(proxy.faultsFirst());
        int lastSev = 99, lastRow = -1;
        for (int r = 0; r < proxy.rowCount(); ++r) {
            const int sev = proxy.index(r, 0).data(NodeGridModel::SeverityRole).toInt();
            const int src = proxy.mapToSource(proxy.index(r, 0)).row();
            QVERIFY(sev <= lastSev);
            if (sev == lastSev)
                QVERIFY(src > lastRow);
            lastSev = sev, lastRow = src;
        }
        QCOMPARE(proxy.index(0, 0).data(NodeGridModel::SeverityRole).toInt(),
                 int(Severity::Critical));
        // A node turning critical moves up.
        model->item(4999)->setData(int(Severity::Critical), NodeGridModel::SeverityRole);
        QTRY_VERIFY(proxy.mapToSource(proxy.index(16, 0)).row() == 4999);
        bar.faultsFirstButton()->click();
        QCOMPARE(proxy.mapToSource(proxy.index(0, 0)).row(), 0);

        // Remembered with the other filters.
        QSettings s;
        bar.faultsFirstButton()->click();
        bar.saveState(s);
        models::NodeFilterProxyModel proxy2;
        proxy2.setSourceModel(model.get());
        ui::FilterBar bar2(&proxy2, taxonomy);
        bar2.restoreState(s);
        QVERIFY(bar2.faultsFirstButton()->isChecked());
        QVERIFY(proxy2.faultsFirst());
    }

    // Faulty only hides every healthy node, and unchecking shows them again.
    void faultyOnlyHidesHealthy()
    {
        auto model = fleet(5000);
        models::NodeFilterProxyModel proxy;
        proxy.setSourceModel(model.get());
        ui::FilterBar bar(&proxy, models::Taxonomy::builtIn());
        bar.faultyOnlyButton()->click();
        QCOMPARE(proxy.rowCount(), 50);
        for (int r = 0; r < proxy.rowCount(); ++r)
            QVERIFY(faulty(proxy.index(r, 0)));
        QVERIFY(bar.faultyOnlyButton()->isChecked());
        bar.faultyOnlyButton()->click();
        QCOMPARE(proxy.rowCount(), 5000);
        // The severity box and the toggle say the same.
        bar.setMinimumSeverity(int(Severity::Major));
        QVERIFY(bar.faultyOnlyButton()->isChecked());
        bar.clear();
        QVERIFY(!bar.faultyOnlyButton()->isChecked());
    }

    // Grouped by rack, the blocks flow across the width (several per line), inside it, and
    // still fit every node; a few big groups get labelled blocks.
    void groupBlocksFlowInTheWidth_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::addColumn<int>("perRack");
        QTest::addColumn<bool>("labelled");
        QTest::newRow("65000 in racks of 16") << 65000 << 16 << false;
        QTest::newRow("2000 in racks of 16") << 2000 << 16 << true;
        QTest::newRow("65000 in 2 pools") << 65000 << 32500 << true;
    }
    void groupBlocksFlowInTheWidth()
    {
        QFETCH(int, nodes);
        QFETCH(int, perRack);
        QFETCH(bool, labelled);
        auto model = fleet(nodes, perRack);
        ui::NodeGridView grid;
        grid.setModel(model.get());
        grid.resize(1000, 700);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        grid.fitToView();
        const int groups = (nodes + perRack - 1) / perRack;
        QCOMPARE(grid.groupCount(), groups);
        QCOMPARE(grid.groupsLabelled(), labelled);
        const QRect area = grid.viewport()->rect();
        QSet<int> lines;
        for (int g = 0; g < groups; ++g) {
            QVERIFY2(area.contains(grid.groupRect(g)), qPrintable(QString::number(g)));
            lines.insert(grid.groupRect(g).top());
        }
        if (groups > 2)
            QVERIFY2(lines.size() * 4 < groups, "one thin row per group");
        // Zoomed in, the blocks still keep to the width (and scroll).
        grid.setTileSize(12);
        for (int g = 0; g < groups; ++g)
            QVERIFY(grid.groupRect(g).right() <= area.right());
    }
};

QTEST_MAIN(TestOverview)
#include "tst_overview.moc"

// Truncation and layout (issue #16, item 12), on the real window against kubesim: fault types in
// the Faults panel and severities in the tables show whole; names that are cut are cut in the
// middle and tell their whole text in a tooltip; a long error line widens nothing and squeezes
// no panel away; the details' tabs stay where they are from node to node; a 1024×700 window
// still gives every panel a readable width.

#include "models/ClusterSession.h"
#include "models/FaultSummaryModel.h"
#include "models/NodeConditionsModel.h"
#include "models/NodePodsModel.h"
#include "models/Taxonomy.h"
#include "tests/common/TestCluster.h"
#include "tests/common/TestSettings.h"
#include "tests/common/TestWindow.h"
#include "ui/ClusterView.h"
#include "ui/ElidedLabel.h"
#include "ui/FaultSummaryPanel.h"
#include "ui/FilterBar.h"
#include "ui/FullTextDelegate.h"
#include "ui/MainWindow.h"
#include "ui/NodeDetailPanel.h"

#include <QApplication>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolTip>
#include <QTreeView>

using namespace models;

namespace {

QStyleOptionViewItem optionFor(const QAbstractItemView *view, const QModelIndex &index)
{
    QStyleOptionViewItem opt;
    opt.initFrom(view->viewport());
    opt.rect = view->visualRect(index);
    opt.font = view->font();
    opt.fontMetrics = view->fontMetrics();
    opt.widget = view;
    opt.textElideMode = view->textElideMode();
    return opt;
}

bool cellIsCut(const QAbstractItemView *view, const QModelIndex &index)
{
    auto *delegate = qobject_cast<ui::FullTextDelegate *>(view->itemDelegateForIndex(index));
    if (!delegate)
        qFatal("the view's cells have no FullTextDelegate");
    return delegate->isElided(optionFor(view, index), index);
}

// The longest fault type the built-in taxonomy knows.
QString longestFaultType()
{
    QString longest;
    for (const FaultType &t : Taxonomy::builtIn().types())
        if (t.type.size() > longest.size() && t.severity >= Severity::Major)
            longest = t.type;
    return longest;
}

} // namespace

class TestLayout : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;

    ui::ClusterView *open(ui::MainWindow &window, QSize size)
    {
        return openSyncedCluster(window, m_cluster->endpoint(), size);
    }

    // A 1024×700 window with `node` selected and its pods and events loaded.
    ui::ClusterView *openAtNode(ui::MainWindow &window, const QString &node)
    {
        ui::ClusterView *view = open(window, QSize(1024, 700));
        if (!view)
            return nullptr;
        view->selectNode(node);
        QSignalSpy loaded(view->detailPanel(), &ui::NodeDetailPanel::workloadLoaded);
        return loaded.wait(10000) ? view : nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(useTestSettings());
        m_cluster = std::make_unique<TestCluster>(
            QStringList{QStringLiteral("--paused"), QStringLiteral("--scenario"),
                        QStringLiteral(FAULTBOARD_TEST_DATA "/ui/drain-scenario.json")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
        QVERIFY(m_cluster->setCondition(QStringLiteral("npu-0001"),
                                        QStringLiteral("NT_NPU_CARD_LOSE"),
                                        QStringLiteral("True")));
        QVERIFY(m_cluster->setCondition(QStringLiteral("gpu-0001"), longestFaultType(),
                                        QStringLiteral("True")));
    }

    void cleanupTestCase() { m_cluster.reset(); }

    void init() { QVERIFY(useTestSettings()); }

    void faultTypesAndSeveritiesShowWhole_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1600×1000") << QSize(1600, 1000);
        QTest::newRow("1024×700") << QSize(1024, 700);
    }

    void faultTypesAndSeveritiesShowWhole()
    {
        QFETCH(QSize, size);
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        ui::ClusterView *view = open(window, size);
        QVERIFY(view);
        QTreeView *summary = view->summaryPanel()->view();
        const QString longest = longestFaultType();
        // Both faults are listed, each under its severity.
        QModelIndex longRow;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QModelIndexList hits =
                    summary->model()->match(summary->model()->index(0, 0), Qt::DisplayRole, longest,
                                            1, Qt::MatchExactly | Qt::MatchRecursive);
                longRow = hits.value(0);
                return longRow.isValid();
            }(),
            10000);
        summary->expandAll();
        QVERIFY2(!cellIsCut(summary, longRow),
                 qPrintable(QStringLiteral("%1 in %2 px")
                                .arg(longest)
                                .arg(summary->visualRect(longRow).width())));
        QVERIFY(summary->visualRect(longRow).width() >=
                summary->fontMetrics().horizontalAdvance(longest));

        // The severity of a critical condition, whole, in a column sized to its contents.
        view->selectNode(QStringLiteral("npu-0001"));
        QTableView *conditions = view->detailPanel()->conditionsView();
        QModelIndex critical;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int r = 0; r < conditions->model()->rowCount(); ++r) {
                    const QModelIndex idx =
                        conditions->model()->index(r, NodeConditionsModel::SeverityColumn);
                    if (idx.data().toString() == severityName(Severity::Critical))
                        critical = idx;
                }
                return critical.isValid();
            }(),
            10000);
        QVERIFY2(!cellIsCut(conditions, critical),
                 qPrintable(QString::number(conditions->columnWidth(critical.column()))));
    }

    void cutNamesAreCutInTheMiddleWithTheirWholeTextInATooltip()
    {
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        ui::ClusterView *view = openAtNode(window, QStringLiteral("gpu-0001"));
        QVERIFY(view);
        ui::NodeDetailPanel *detail = view->detailPanel();
        detail->tabs()->setCurrentWidget(detail->podsView()->parentWidget());
        QTableView *pods = detail->podsView();
        QCOMPARE(pods->textElideMode(), Qt::ElideMiddle);
        QVERIFY(pods->model()->rowCount() > 0);
        // Narrow the details as far as they go: the longest pod name is cut.
        QSplitter *splitter = qobject_cast<QSplitter *>(detail->parentWidget());
        QVERIFY(splitter);
        QList<int> sizes = splitter->sizes();
        sizes[1] += sizes[2] - detail->minimumWidth();
        sizes[2] = detail->minimumWidth();
        splitter->setSizes(sizes);
        QTRY_COMPARE(detail->width(), detail->minimumWidth());
        QModelIndex longest;
        for (int r = 0; r < pods->model()->rowCount(); ++r) {
            const QModelIndex idx = pods->model()->index(r, NodePodsModel::NameColumn);
            if (!longest.isValid() ||
                idx.data().toString().size() > longest.data().toString().size())
                longest = idx;
        }
        const QString name = longest.data().toString();
        if (!cellIsCut(pods, longest)) {
            // Wide enough after all: make the column narrower than the name.
            pods->horizontalHeader()->setSectionResizeMode(NodePodsModel::NameColumn,
                                                           QHeaderView::Interactive);
            pods->setColumnWidth(NodePodsModel::NameColumn,
                                 pods->fontMetrics().horizontalAdvance(name) / 2);
        }
        QVERIFY(cellIsCut(pods, longest));
        // The tooltip tells the whole name (the pods' own tooltip starts with it).
        auto tooltipAt = [](QAbstractItemView *v, const QModelIndex &idx) {
            const QPoint at = v->visualRect(idx).center();
            QHelpEvent help(QEvent::ToolTip, at, v->viewport()->mapToGlobal(at));
            QApplication::sendEvent(v->viewport(), &help);
            const QString text = QToolTip::text();
            QToolTip::hideText();
            return text;
        };
        QVERIFY2(tooltipAt(pods, longest).contains(name), qPrintable(name));

        // A cut cell whose model has a tooltip of another kind: the whole text, then that.
        view->selectNode(QStringLiteral("npu-0001"));
        QTableView *conditions = detail->conditionsView();
        QModelIndex message;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int r = 0; r < conditions->model()->rowCount(); ++r) {
                    const QModelIndex idx =
                        conditions->model()->index(r, NodeConditionsModel::MessageColumn);
                    if (conditions->model()
                            ->index(r, NodeConditionsModel::TypeColumn)
                            .data()
                            .toString() == QStringLiteral("NT_NPU_CARD_LOSE"))
                        message = idx;
                }
                return message.isValid();
            }(),
            10000);
        detail->tabs()->setCurrentIndex(0);
        conditions->horizontalHeader()->setSectionResizeMode(NodeConditionsModel::MessageColumn,
                                                             QHeaderView::Interactive);
        conditions->setColumnWidth(NodeConditionsModel::MessageColumn, 30);
        QVERIFY(cellIsCut(conditions, message));
        const QString own = message.data(Qt::ToolTipRole).toString();
        QVERIFY(!own.isEmpty());
        QCOMPARE(tooltipAt(conditions, message),
                 message.data().toString() + QStringLiteral("\n\n") + own);
        // Shown whole: the model's tooltip alone.
        conditions->setColumnWidth(NodeConditionsModel::MessageColumn, 600);
        QVERIFY(!cellIsCut(conditions, message));
        QCOMPARE(tooltipAt(conditions, message), own);
    }

    void aLongErrorWidensNothing()
    {
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        ui::ClusterView *view = openAtNode(window, QStringLiteral("gpu-0001"));
        QVERIFY(view);
        ui::NodeDetailPanel *detail = view->detailPanel();
        QSplitter *splitter = qobject_cast<QSplitter *>(detail->parentWidget());
        QVERIFY(splitter);
        QTRY_VERIFY(splitter->sizes().value(0) > 0);
        const QList<int> before = splitter->sizes();
        const int windowWidth = window.width();

        // What a server behind a proxy can answer: one line, a long URL in it.
        const QString url = QStringLiteral("https://apiserver.example.invalid:6443/api/v1/pods?"
                                           "fieldSelector=spec.nodeName%3Dgpu-0001&") +
                            QString(400, QLatin1Char('x'));
        detail->workloadStatus()->setText(QStringLiteral("Cannot list the pods: ") + url);
        detail->podsError()->setText(QStringLiteral("Cannot list the pods of gpu-0001: ") + url);
        window.connectionLabel()->setText(QStringLiteral("Stale since 10:42: ") + url);
        QTest::qWait(0);
        QApplication::processEvents();
        QCOMPARE(window.width(), windowWidth);
        QCOMPARE(splitter->sizes(), before);
        QVERIFY(splitter->sizes().value(0) >= view->summaryPanel()->minimumWidth());
        // The whole text is one hover away.
        auto *status = qobject_cast<ui::ElidedLabel *>(detail->workloadStatus());
        QVERIFY(status && status->isElided());
    }

    void theTabsStayWhereTheyAreFromNodeToNode()
    {
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        ui::ClusterView *view = open(window, QSize(1400, 900));
        QVERIFY(view);
        QTabBar *tabs = view->detailPanel()->tabs()->tabBar();
        auto tabTop = [&] { return tabs->mapTo(&window, QPoint(0, 0)).y(); };
        // A healthy node: one line of summary.
        view->selectNode(QStringLiteral("gpu-0004"));
        QTRY_VERIFY(view->detailPanel()->nodeName() == QStringLiteral("gpu-0004"));
        QApplication::processEvents();
        const int healthy = tabTop();
        // A faulty node: accelerators, faulty since: more lines.
        view->selectNode(QStringLiteral("npu-0001"));
        QTRY_VERIFY(view->detailPanel()->nodeName() == QStringLiteral("npu-0001"));
        QApplication::processEvents();
        QCOMPARE(tabTop(), healthy);
    }

    void aSmallWindowLeavesEveryPanelReadable()
    {
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        ui::ClusterView *view = open(window, QSize(1024, 700));
        QVERIFY(view);
        QSplitter *splitter = qobject_cast<QSplitter *>(view->detailPanel()->parentWidget());
        QVERIFY(splitter);
        const QList<int> sizes = splitter->sizes();
        QCOMPARE(sizes.size(), 3);
        QVERIFY2(sizes[0] >= view->summaryPanel()->minimumWidth(),
                 qPrintable(QString::number(sizes[0])));
        QVERIFY2(sizes[1] >= 200, qPrintable(QString::number(sizes[1])));
        QVERIFY2(sizes[2] >= 300, qPrintable(QString::number(sizes[2])));
        for (int i = 0; i < 3; ++i)
            QVERIFY(!splitter->isCollapsible(i));
        // The filter fields keep room for a node name and a short selector, and the bar fits.
        const auto *name =
            view->filterBar()->findChild<QLineEdit *>(QString(), Qt::FindDirectChildrenOnly);
        QVERIFY(name);
        const int nameWidth = name->fontMetrics().horizontalAdvance(QStringLiteral("npu-0000"));
        for (const QLineEdit *field :
             view->filterBar()->findChildren<QLineEdit *>(QString(), Qt::FindDirectChildrenOnly))
            QVERIFY2(field->width() >= nameWidth,
                     qPrintable(field->accessibleName() + QLatin1Char(' ') +
                                QString::number(field->width())));
        QCOMPARE(window.width(), 1024);
        QVERIFY2(view->filterBar()->minimumSizeHint().width() <= 1024,
                 qPrintable(QString::number(view->filterBar()->minimumSizeHint().width())));
        // Growing the window grows the grid, not the side panels.
        window.resize(1600, 1000);
        QTRY_VERIFY(splitter->sizes()[1] > sizes[1]);
        QCOMPARE(splitter->sizes()[0], sizes[0]);
        QCOMPARE(splitter->sizes()[2], sizes[2]);
    }
};

QTEST_MAIN(TestLayout)
#include "tst_layout.moc"

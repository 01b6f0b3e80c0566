// The history's charts and the export dialog, against kubesim and a real SQLite history.

#include "models/ClusterSession.h"
#include "models/ConditionLanes.h"
#include "models/FaultTrend.h"
#include "models/NodeHistoryModel.h"
#include "models/Taxonomy.h"
#include "tests/common/TestCluster.h"
#include "ui/ClusterView.h"
#include "ui/ExportDialog.h"
#include "ui/FleetChartsView.h"
#include "ui/MainWindow.h"
#include "ui/NodeDetailPanel.h"
#include "ui/NodeTimelineChart.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace models;

class TestCharts : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;
    QTemporaryDir m_dir;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::ClusterView *m_view = nullptr;

    static QDateTime at(int minutes)
    {
        return QDateTime(QDate(2026, 11, 29), QTime(10, 0), Qt::UTC).addSecs(minutes * 60);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // A fresh history file: the charts count exactly what this test causes.
        qputenv("FAULTBOARD_HISTORY_DIR", m_dir.filePath(QStringLiteral("history")).toUtf8());
        m_cluster = std::make_unique<TestCluster>(
            QStringList{QStringLiteral("--paused"), QStringLiteral("--scenario"),
                        QStringLiteral(FAULTBOARD_TEST_DATA "/ui/drain-scenario.json")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
        m_window = std::make_unique<ui::MainWindow>(Classifier(Taxonomy::builtIn()));
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_view = m_window->openCluster(m_cluster->endpoint());
        QSignalSpy synced(m_view->session(), &ClusterSession::synced);
        QVERIFY(synced.wait(20000));
        QVERIFY(m_view->session()->history());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_cluster.reset();
    }

    void trendBucketsCountActiveAndStartedFaults()
    {
        std::vector<FaultEpisode> episodes(3);
        episodes[0] = {QStringLiteral("npu-1"), QStringLiteral("NT_NPU_CARD_LOSE"),
                       QStringLiteral("npu")};
        episodes[0].since = at(5);
        episodes[0].until = at(125); // 10:05–12:05: buckets 10:00, 11:00, 12:00
        episodes[0].ended = true;
        episodes[1] = {QStringLiteral("gpu-1"), QStringLiteral("Ready"), QStringLiteral("node")};
        episodes[1].since = at(-600); // began before the range, still active
        episodes[2] = {QStringLiteral("npu-2"), QStringLiteral("NT_NPU_HBM_ERROR"),
                       QStringLiteral("npu")};
        episodes[2].since = at(60);
        episodes[2].until = at(120); // ends exactly when the 12:00 bucket begins
        episodes[2].ended = true;
        const FaultTrend t = FaultTrend::fromEpisodes(episodes, at(0), at(240), 48);
        QCOMPARE(t.bucketSeconds, qint64(3600 / 12)); // 4 h in at most 48 buckets: 5 minutes
        const FaultTrend hourly = FaultTrend::fromEpisodes(episodes, at(0), at(240), 4);
        QCOMPARE(hourly.bucketSeconds, qint64(3600));
        QCOMPARE(hourly.bucketCount, 4);
        QCOMPARE(hourly.faults, 3);
        // Equal totals (4 bucket-faults each): alphabetical.
        QCOMPARE(hourly.categories, (QStringList{QStringLiteral("node"), QStringLiteral("npu")}));
        QCOMPARE(hourly.active[1], (std::vector<int>{1, 2, 1, 0}));
        QCOMPARE(hourly.active[0], (std::vector<int>{1, 1, 1, 1}));
        QCOMPARE(hourly.started[1], (std::vector<int>{1, 1, 0, 0}));
        QCOMPARE(hourly.started[0], (std::vector<int>{0, 0, 0, 0}));
        QCOMPARE(hourly.maxActive(), 3);
        // A fault that began in the range's last, partial second is inside it.
        std::vector<FaultEpisode> justNow(1);
        justNow[0].category = QStringLiteral("npu");
        justNow[0].since = at(10);
        QCOMPARE(FaultTrend::fromEpisodes(justNow, at(0), at(10).addMSecs(400)).faults, 1);
    }

    void lanesFollowOpenAndClose()
    {
        auto transition = [](int minute, const QString &type, bool opens, bool closes, Severity s) {
            HistoryEvent e;
            e.time = at(minute);
            e.type = type;
            e.opens = opens;
            e.closes = closes;
            e.bad = opens;
            e.severity = s;
            return e;
        };
        std::vector<HistoryEvent> events{
            transition(0, QStringLiteral("NT_NPU_CARD_LOSE"), true, false, Severity::Critical),
            transition(10, QStringLiteral("NT_NPU_CARD_LOSE"), false, true, Severity::Critical),
            transition(20, QStringLiteral("Ready"), true, false, Severity::Major),
            transition(30, QStringLiteral("NT_NPU_CARD_LOSE"), true, false, Severity::Minor),
        };
        const auto lanes = ConditionLanes::fromTimeline(events, at(60));
        QCOMPARE(lanes.size(), std::size_t(2));
        QCOMPARE(lanes[0].type, QStringLiteral("NT_NPU_CARD_LOSE"));
        QCOMPARE(lanes[0].worst, Severity::Critical);
        QCOMPARE(lanes[0].spans.size(), std::size_t(2));
        QCOMPARE(lanes[0].spans[0].to, at(10));
        QVERIFY(!lanes[0].spans[0].ongoing);
        QCOMPARE(lanes[0].spans[1].to, at(60));
        QVERIFY(lanes[0].spans[1].ongoing);
        // The node going away ends every open fault.
        HistoryEvent removed;
        removed.kind = HistoryEvent::Kind::NodeRemoved;
        removed.time = at(40);
        events.push_back(removed);
        const auto gone = ConditionLanes::fromTimeline(events, at(60));
        QCOMPARE(gone[1].spans[0].to, at(40));
        QVERIFY(!gone[1].spans[0].ongoing);
    }

    void nodeTimelineShowsTheFaultAsItHappens()
    {
        const QString node = QStringLiteral("npu-0003");
        m_view->selectNode(node);
        ui::NodeDetailPanel *panel = m_view->detailPanel();
        QTRY_COMPARE(panel->nodeName(), node);
        QVERIFY(panel->timelineChart());
        panel->tabs()->setCurrentWidget(panel->timelineChart()->parentWidget());

        QVERIFY(m_cluster->setCondition(node, QStringLiteral("NT_NPU_CARD_LOSE"),
                                        QStringLiteral("True")));
        QTRY_VERIFY_WITH_TIMEOUT(panel->timelineChart()->lanes().size() == 1 &&
                                     panel->timelineChart()->lanes()[0].spans.size() == 1,
                                 10000);
        const models::ConditionLane &lane = panel->timelineChart()->lanes()[0];
        QCOMPARE(lane.type, QStringLiteral("NT_NPU_CARD_LOSE"));
        QVERIFY(lane.spans[0].ongoing);
        QCOMPARE(panel->timelineChart()->chart()->series().size(), 1);

        QVERIFY(m_cluster->setCondition(node, QStringLiteral("NT_NPU_CARD_LOSE"),
                                        QStringLiteral("False")));
        QTRY_VERIFY_WITH_TIMEOUT(!panel->timelineChart()->lanes().empty() &&
                                     !panel->timelineChart()->lanes()[0].spans[0].ongoing,
                                 10000);
        // The table beneath lists the opening and the closing transition.
        QVERIFY(panel->historyModel()->rowCount() >= 2);
    }

    void trendsCountTheFaultAndItsRecovery()
    {
        m_view->showCharts();
        ui::FleetChartsView *charts = m_view->chartsView();
        QVERIFY(charts->isVisible());
        QSignalSpy updated(charts, &ui::FleetChartsView::updated);
        charts->setRangeSeconds(3600);
        charts->refresh();
        QVERIFY(updated.wait(10000));
        QVERIFY2(charts->trend().faults >= 1,
                 qPrintable(charts->statusLabel()->text() + QLatin1Char(' ') +
                            QString::number(charts->recoveryStats().size())));
        QVERIFY(charts->trend().categories.contains(QStringLiteral("npu")));
        const auto &stats = charts->recoveryStats();
        const auto it = std::find_if(stats.begin(), stats.end(), [](const FaultTypeStats &s) {
            return s.type == QLatin1String("NT_NPU_CARD_LOSE");
        });
        QVERIFY(it != stats.end());
        QCOMPARE(it->recovered, 1);
        // The recovery chart has a bar for it.
        const auto series = charts->recoveryView()->chart()->series();
        QCOMPARE(series.size(), 1);
        auto *bars = qobject_cast<QAbstractBarSeries *>(series.first());
        QVERIFY(bars);
        QCOMPARE(bars->barSets().first()->count(), 1);
        // A new fault elsewhere reaches the chart without asking.
        const int before = charts->trend().faults;
        QVERIFY(m_cluster->setCondition(QStringLiteral("gpu-0004"), QStringLiteral("Ready"),
                                        QStringLiteral("False")));
        QTRY_VERIFY_WITH_TIMEOUT(charts->trend().faults == before + 1, 15000);
        m_view->showGrid();
    }

    void exportsCurrentFaultsAndHistory()
    {
        // gpu-0004 is NotReady (the previous test); npu-0003's card loss has ended.
        ui::ExportDialog dialog(m_view->session());
        QSignalSpy exported(&dialog, &ui::ExportDialog::exported);
        const QString csv = m_dir.filePath(QStringLiteral("current.csv"));
        dialog.pathEdit()->setText(csv);
        dialog.startExport();
        QVERIFY(exported.wait(10000));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY2(text.contains("gpu-0004"), text.constData());
        QVERIFY(!text.contains("NT_NPU_CARD_LOSE"));

        dialog.historyButton()->setChecked(true);
        dialog.formatBox()->setCurrentIndex(1); // JSON
        QVERIFY(dialog.pathEdit()->text().endsWith(QLatin1String(".json")));
        const QString json = m_dir.filePath(QStringLiteral("history.json"));
        dialog.pathEdit()->setText(json);
        dialog.startExport();
        QVERIFY(exported.wait(10000));
        QFile j(json);
        QVERIFY(j.open(QIODevice::ReadOnly));
        const QJsonArray faults =
            QJsonDocument::fromJson(j.readAll()).object().value(QStringLiteral("faults")).toArray();
        bool cardLoss = false;
        for (const QJsonValue &v : faults) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("node")).toString() == QLatin1String("npu-0003")) {
                cardLoss = true;
                QCOMPARE(o.value(QStringLiteral("type")).toString(),
                         QStringLiteral("NT_NPU_CARD_LOSE"));
                QVERIFY(!o.value(QStringLiteral("until")).toString().isEmpty());
            }
        }
        QVERIFY(cardLoss);

        // A file that cannot be written says which and keeps the dialog usable.
        QSignalSpy failed(&dialog, &ui::ExportDialog::exportFailed);
        dialog.pathEdit()->setText(m_dir.filePath(QStringLiteral("missing/folder/x.json")));
        dialog.startExport();
        QVERIFY(failed.wait(10000));
        QVERIFY2(dialog.statusLabel()->text().contains(QLatin1String("x.json")),
                 qPrintable(dialog.statusLabel()->text()));
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"

// The window with a team's Prometheus (`faultboard --prometheus URL`): a node's History tab shows
// the faults Prometheus holds for it beside Faultboard's own, in the table and the timeline chart,
// marked as Prometheus'; a Prometheus that is down is said in the tab and the local rows stay.
// Against kubesim and a real Prometheus (Debian's, backfilled with promtool by the test).

#include "models/ClusterSession.h"
#include "models/ConditionLanes.h"
#include "models/NodeHistoryModel.h"
#include "models/Taxonomy.h"
#include "tests/common/TestCluster.h"
#include "tests/common/TestPrometheus.h"
#include "ui/ClusterView.h"
#include "ui/MainWindow.h"
#include "ui/NodeDetailPanel.h"
#include "ui/NodeTimelineChart.h"

#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace models;

namespace {

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

} // namespace

class TestPrometheusWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestCluster> m_cluster;
    TestPrometheus m_prometheus;
    qint64 m_now = 0;

    // A window on the test cluster with `prometheus`, showing npu-0001's History tab.
    std::unique_ptr<ui::MainWindow> open(const kube::PrometheusEndpoint &prometheus,
                                         ui::NodeDetailPanel **panel)
    {
        auto window = std::make_unique<ui::MainWindow>(Classifier(Taxonomy::builtIn()));
        window->setPrometheus(prometheus);
        window->resize(1400, 900);
        window->show();
        ui::ClusterView *view = window->openCluster(m_cluster->endpoint());
        QSignalSpy synced(view->session(), &ClusterSession::synced);
        if (!synced.wait(20000))
            qWarning("the cluster did not sync");
        view->selectNode(str("npu-0001"));
        *panel = view->detailPanel();
        (*panel)->tabs()->setCurrentWidget((*panel)->timelineChart()->parentWidget());
        return window;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("FAULTBOARD_HISTORY_DIR", m_dir.filePath(str("history")).toUtf8());
        m_cluster = std::make_unique<TestCluster>(
            QStringList{str("--paused"), str("--scenario"),
                        QStringLiteral(FAULTBOARD_TEST_DATA "/sim/metrics.json")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
        // What the team's Prometheus recorded before this window: npu-0001 lost a card from
        // three hours ago to two hours ago, every minute for four hours.
        m_now = QDateTime::currentSecsSinceEpoch() / 60 * 60;
        QByteArray om = "# TYPE kube_node_status_condition gauge\n";
        for (const char *status : {"true", "false"})
            for (qint64 t = m_now - 4 * 3600; t < m_now; t += 60) {
                const bool lost = t >= m_now - 3 * 3600 && t < m_now - 2 * 3600;
                om += QByteArray("kube_node_status_condition{node=\"npu-0001\",condition="
                                 "\"NT_NPU_CARD_LOSE\",status=\"") +
                      status + "\"} " + ((lost == (status[0] == 't')) ? "1 " : "0 ") +
                      QByteArray::number(t) + '\n';
            }
        om += "# EOF\n";
        QVERIFY2(m_prometheus.backfill(om), qPrintable(m_prometheus.errorString()));
        QVERIFY2(m_prometheus.start(), qPrintable(m_prometheus.errorString()));
    }

    void cleanupTestCase() { m_cluster.reset(); }

    void historyTabShowsWhatPrometheusHolds()
    {
        ui::NodeDetailPanel *panel = nullptr;
        const auto window = open(kube::PrometheusEndpoint::fromUrl(m_prometheus.url()), &panel);
        NodeHistoryModel *model = panel->historyModel();
        const auto prometheusRows = [model] {
            int n = 0;
            for (int r = 0; r < model->rowCount(); ++r)
                n += model->index(r, 0).data(NodeHistoryModel::SourceRole).toString() ==
                     QLatin1String("prometheus");
            return n;
        };
        // The fault began and ended: two rows from Prometheus, after the node's own rows.
        QTRY_COMPARE_WITH_TIMEOUT(prometheusRows(), 2, 10000);
        int began = -1;
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, 0).data(NodeHistoryModel::SourceRole).toString() ==
                    QLatin1String("prometheus") &&
                model->index(r, 0).data(NodeHistoryModel::OpensRole).toBool())
                began = r;
        QVERIFY(began >= 0);
        QCOMPARE(model->index(began, NodeHistoryModel::EventColumn).data().toString(),
                 str("NT_NPU_CARD_LOSE fault began"));
        const qint64 t =
            model->index(began, 0).data(NodeHistoryModel::TimeRole).toDateTime().toSecsSinceEpoch();
        const int step = model->index(began, 0).data(NodeHistoryModel::ResolutionRole).toInt();
        QCOMPARE(step, 60); // a day's range
        QVERIFY2(t >= m_now - 3 * 3600 && t < m_now - 3 * 3600 + step,
                 qPrintable(QString::number(t - m_now)));
        QVERIFY(model->index(began, NodeHistoryModel::ChangeColumn)
                    .data()
                    .toString()
                    .contains(str("from Prometheus")));
        // The timeline chart has its lane, ended an hour long.
        QTRY_VERIFY(!panel->timelineChart()->lanes().empty());
        const ConditionLane &lane = panel->timelineChart()->lanes().front();
        QCOMPARE(lane.type, str("NT_NPU_CARD_LOSE"));
        QCOMPARE(lane.spans.size(), size_t(1));
        QVERIFY(!lane.spans[0].ongoing);
        QCOMPARE(lane.spans[0].from.secsTo(lane.spans[0].to), 3600);
        QVERIFY(panel->historyStatus()->isHidden());
    }

    void prometheusDownIsSaidInTheTab()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        ui::NodeDetailPanel *panel = nullptr;
        const auto window = open(kube::PrometheusEndpoint::fromUrl(
                                     QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))),
                                 &panel);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->historyStatus()->isHidden(), 10000);
        QVERIFY2(panel->historyStatus()->text().contains(str("refused")),
                 qPrintable(panel->historyStatus()->text()));
        // Faultboard's own rows are there (the node was added), none from Prometheus.
        NodeHistoryModel *model = panel->historyModel();
        QTRY_VERIFY(model->rowCount() >= 1);
        for (int r = 0; r < model->rowCount(); ++r)
            QCOMPARE(model->index(r, 0).data(NodeHistoryModel::SourceRole).toString(),
                     str("faultboard"));
    }
};

QTEST_MAIN(TestPrometheusWindow)
#include "tst_prometheuswindow.moc"

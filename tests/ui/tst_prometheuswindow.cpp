// The window with a team's Prometheus (`faultboard --prometheus URL`): a node's History tab shows
// the faults Prometheus holds for it beside Faultboard's own, in the table and the timeline chart,
// marked as Prometheus'; the Trends view and the export dialog count and write them too (the
// path of `report --history --prometheus`); a Prometheus that is down is said in each, and the
// local history stays; Cancel stops a Prometheus that does not answer.
// Against kubesim and a real Prometheus (Debian's, backfilled with promtool by the test).

#include "models/ClusterSession.h"
#include "models/ConditionLanes.h"
#include "models/FaultReport.h"
#include "models/NodeHistoryModel.h"
#include "models/PrometheusHistory.h"
#include "models/Taxonomy.h"
#include "tests/common/TestCluster.h"
#include "tests/common/TestPrometheus.h"
#include "tests/common/TestSettings.h"
#include "ui/ClusterView.h"
#include "ui/ExportDialog.h"
#include "ui/FleetChartsView.h"
#include "ui/MainWindow.h"
#include "ui/NodeDetailPanel.h"
#include "ui/NodeTimelineChart.h"
#include "ui/PrometheusSettingsDialog.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
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
    std::unique_ptr<ui::MainWindow> open(const std::optional<kube::PrometheusEndpoint> &prometheus,
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
    // A window on the test cluster with `prometheus`, its view synced.
    std::unique_ptr<ui::MainWindow>
    openView(const std::optional<kube::PrometheusEndpoint> &prometheus, ui::ClusterView **view)
    {
        auto window = std::make_unique<ui::MainWindow>(Classifier(Taxonomy::builtIn()));
        window->setPrometheus(prometheus);
        window->resize(1400, 900);
        window->show();
        *view = window->openCluster(m_cluster->endpoint());
        QSignalSpy synced((*view)->session(), &ClusterSession::synced);
        if (!synced.wait(20000))
            qWarning("the cluster did not sync");
        return window;
    }

    static kube::PrometheusEndpoint refusingEndpoint()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            probe.listen(QHostAddress::LocalHost, 0);
            port = probe.serverPort();
        }
        return kube::PrometheusEndpoint::fromUrl(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    }

    // The export dialog of `window`'s cluster set to write the last six hours as CSV to `path`,
    // started by its Export button.
    static ui::ExportDialog *exportHistory(ui::MainWindow *window, const QString &path)
    {
        ui::ExportDialog *dialog = window->exportReport();
        if (!dialog)
            return nullptr;
        dialog->historyButton()->click();
        const QDateTime now = QDateTime::currentDateTime();
        dialog->toEdit()->setDateTime(now.addSecs(60));
        dialog->fromEdit()->setDateTime(now.addSecs(-6 * 3600));
        dialog->formatBox()->setCurrentIndex(
            dialog->formatBox()->findData(int(FaultReport::Format::Csv)));
        dialog->pathEdit()->setText(path);
        for (QAbstractButton *b : dialog->findChild<QDialogButtonBox *>()->buttons())
            if (b->text() == str("&Export"))
                b->click();
        return dialog;
    }

    void initTestCase()
    {
        QVERIFY(useTestSettings());
        qputenv("FAULTBOARD_HISTORY_DIR", m_dir.filePath(str("history")).toUtf8());
        ui::AppSettings settings = ui::AppSettings::load(); // a run cut short may have left one
        settings.prometheus.clear();
        settings.save();
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

    void trendsCountWhatPrometheusHolds()
    {
        ui::ClusterView *view = nullptr;
        const auto window = openView(kube::PrometheusEndpoint::fromUrl(m_prometheus.url()), &view);
        ui::FleetChartsView *charts = view->chartsView();
        QSignalSpy updated(charts, &ui::FleetChartsView::updated);
        view->showCharts();
        charts->setRangeSeconds(6 * 3600);
        QTRY_VERIFY_WITH_TIMEOUT(charts->trend().fromPrometheus == 1, 10000);
        const FaultTrend &trend = charts->trend();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(trend.resolutionSeconds, PrometheusHistory::stepFor(now.addSecs(-6 * 3600), now));
        // The lost card was active from three to two hours ago: counted in a bucket of then.
        const QDateTime during = QDateTime::fromSecsSinceEpoch(m_now - 150 * 60, Qt::UTC);
        const int bucket = int(trend.from.secsTo(during) / trend.bucketSeconds);
        int active = 0;
        for (const auto &row : trend.active)
            active += row[std::size_t(bucket)];
        QCOMPARE(active, 1);
        QTRY_VERIFY(charts->statusLabel()->text().contains(
            str("1 of them from Prometheus (times up to %1 s late)").arg(trend.resolutionSeconds)));
        QVERIFY(charts->cancelButton()->isHidden());
        QVERIFY(charts->progressBar()->isHidden());
    }

    void exportDialogWritesWhatPrometheusHolds()
    {
        ui::ClusterView *view = nullptr;
        const auto window = openView(kube::PrometheusEndpoint::fromUrl(m_prometheus.url()), &view);
        const QString path = m_dir.filePath(str("export.csv"));
        ui::ExportDialog *dialog = exportHistory(window.get(), path);
        QVERIFY(dialog);
        QSignalSpy exported(dialog, &ui::ExportDialog::exported);
        QVERIFY(exported.wait(10000));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
        const QStringList header = lines.first().trimmed().split(QLatin1Char(','));
        const qsizetype source = header.indexOf(str("source"));
        const qsizetype resolution = header.indexOf(str("resolution_seconds"));
        QVERIFY(source >= 0 && resolution >= 0);
        int fromPrometheus = 0;
        for (const QString &line : lines) {
            const QStringList cells = line.trimmed().split(QLatin1Char(','));
            if (cells.size() <= source || cells[source] != str("prometheus"))
                continue;
            ++fromPrometheus;
            QVERIFY2(line.contains(str("npu-0001")) && line.contains(str("NT_NPU_CARD_LOSE")),
                     qPrintable(line));
            QCOMPARE(cells[resolution].toInt(),
                     PrometheusHistory::stepFor(dialog->fromEdit()->dateTime().toUTC(),
                                                dialog->toEdit()->dateTime().toUTC()));
        }
        QCOMPARE(fromPrometheus, 1);
        QVERIFY2(dialog->statusLabel()->text().contains(str("1 of them from Prometheus")),
                 qPrintable(dialog->statusLabel()->text()));
    }

    void prometheusDownLeavesTheLocalTrendsAndExport()
    {
        ui::ClusterView *view = nullptr;
        const auto window = openView(refusingEndpoint(), &view);
        ui::FleetChartsView *charts = view->chartsView();
        view->showCharts();
        QTRY_VERIFY_WITH_TIMEOUT(
            charts->statusLabel()->text().contains(str("Prometheus could not be read")), 10000);
        QVERIFY2(charts->statusLabel()->text().contains(str("refused")),
                 qPrintable(charts->statusLabel()->text()));
        QCOMPARE(charts->trend().fromPrometheus, 0);
        QVERIFY(charts->trend().bucketCount > 0); // the local history's trend is shown

        const QString path = m_dir.filePath(str("export-down.csv"));
        ui::ExportDialog *dialog = exportHistory(window.get(), path);
        QVERIFY(dialog);
        QSignalSpy exported(dialog, &ui::ExportDialog::exported);
        QVERIFY(exported.wait(10000));
        QVERIFY(QFile::exists(path));
        QVERIFY2(dialog->statusLabel()->text().contains(str("Prometheus could not be read")),
                 qPrintable(dialog->statusLabel()->text()));
    }

    void aPrometheusOverItsTimeLimitIsSaidAndTheLocalTrendsStay()
    {
        // A Prometheus stopping every query at 1 ms: the fleet's Ready query (2000 series) is
        // stopped even for one step, after being cut down to one.
        TestPrometheus slow;
        QVERIFY2(slow.backfill(TestPrometheus::healthyReadySeries(1000, m_now - 4 * 3600, m_now)),
                 qPrintable(slow.errorString()));
        slow.setExtraArguments({str("--query.timeout=1ms")});
        QVERIFY2(slow.start(), qPrintable(slow.errorString()));
        ui::ClusterView *view = nullptr;
        const auto window = openView(kube::PrometheusEndpoint::fromUrl(slow.url()), &view);
        ui::FleetChartsView *charts = view->chartsView();
        view->showCharts();
        QTRY_VERIFY_WITH_TIMEOUT(
            charts->statusLabel()->text().contains(str("Prometheus could not be read")), 20000);
        const QString text = charts->statusLabel()->text();
        // Which query, which slice (one step), what the server said, which limit to raise.
        for (const QString &part :
             {str("read the fleet's Ready faults"), slow.url().toString(), str("at a step of 60 s"),
              str("even for a single step"), str("HTTP "), str("--query.timeout"),
              str("-search.maxQueryDuration"), str("Faultboard's own history only")})
            QVERIFY2(text.contains(part), qPrintable(part + str(" | ") + text));
        QVERIFY2(QRegularExpression(str("(\\S+Z) to \\1 at a step")).match(text).hasMatch(),
                 qPrintable(text));
        QCOMPARE(charts->trend().fromPrometheus, 0);
        QVERIFY(charts->trend().bucketCount > 0); // the local history's trend is shown
        QVERIFY(charts->progressBar()->isHidden());
    }

    void cancelStopsAPrometheusThatDoesNotAnswer()
    {
        // Accepts connections and never answers: every query hangs until cancelled.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QSignalSpy connected(&silent, &QTcpServer::newConnection);
        ui::ClusterView *view = nullptr;
        const auto window =
            openView(kube::PrometheusEndpoint::fromUrl(
                         QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()))),
                     &view);
        ui::FleetChartsView *charts = view->chartsView();
        view->showCharts();
        QTRY_VERIFY(charts->cancelButton()->isVisible());
        QVERIFY(charts->progressBar()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(connected.count() > 0, 10000); // a query is in flight
        QSignalSpy updated(charts, &ui::FleetChartsView::updated);
        charts->cancelButton()->click();
        // More fault types than queries in flight: the ones not started are not started.
        QVERIFY(updated.wait(5000));
        QVERIFY2(charts->statusLabel()->text().contains(str("cancelled")),
                 qPrintable(charts->statusLabel()->text()));
        QVERIFY(charts->cancelButton()->isHidden());
        QVERIFY(charts->progressBar()->isHidden());
        QVERIFY(charts->trend().bucketCount > 0);
    }

    void stopInTheHistoryTabAndTheExportDialog()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QSignalSpy connected(&silent, &QTcpServer::newConnection);
        const auto endpoint = kube::PrometheusEndpoint::fromUrl(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
        ui::NodeDetailPanel *panel = nullptr;
        const auto window = open(endpoint, &panel);
        QTRY_VERIFY(panel->historyCancel()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(connected.count() > 0, 10000);
        panel->historyCancel()->click();
        QTRY_VERIFY(!panel->historyStatus()->isHidden());
        QVERIFY2(panel->historyStatus()->text().contains(str("cancelled")),
                 qPrintable(panel->historyStatus()->text()));
        QVERIFY(!panel->historyCancel()->isVisible());
        QVERIFY(panel->historyModel()->rowCount() >= 1); // the local rows

        const QString path = m_dir.filePath(str("export-cancelled.csv"));
        ui::ExportDialog *dialog = exportHistory(window.get(), path);
        QVERIFY(dialog);
        QSignalSpy exported(dialog, &ui::ExportDialog::exported);
        QTRY_VERIFY(dialog->cancelButton()->isVisible());
        const int before = int(connected.count());
        QTRY_VERIFY_WITH_TIMEOUT(connected.count() > before, 10000);
        dialog->cancelButton()->click();
        QVERIFY(exported.wait(5000));
        QVERIFY(QFile::exists(path));
        QVERIFY2(dialog->statusLabel()->text().contains(str("cancelled")),
                 qPrintable(dialog->statusLabel()->text()));
        QVERIFY(!dialog->cancelButton()->isVisible());
    }

    void theClustersSettingIsSavedUsedAndOverridden()
    {
        const QString context = m_cluster->endpoint().contextName;
        const QString tokenFile = m_dir.filePath(str("prometheus-token"));
        {
            QFile f(tokenFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("s3cret-prometheus-token\n");
        }
        {
            // Set in the cluster's Prometheus dialog, as an operator does.
            ui::ClusterView *view = nullptr;
            auto window = openView(std::nullopt, &view);
            QVERIFY(!view->prometheusHistory());
            ui::PrometheusSettingsDialog *dialog = window->editClusterPrometheus();
            QVERIFY(dialog);
            dialog->urlEdit()->setText(m_prometheus.url().toString());
            dialog->authBox()->setCurrentIndex(
                dialog->authBox()->findData(int(ui::ClusterPrometheus::Auth::BearerFile)));
            dialog->accept(); // no file named: said, not accepted
            QVERIFY(dialog->isVisible());
            QVERIFY(!dialog->problemLabel()->isHidden());
            QVERIFY(!view->prometheusHistory());
        }
        const ui::AppSettings saved = ui::AppSettings::load();
        QVERIFY(!saved.prometheus.contains(context));
        {
            ui::ClusterView *view = nullptr;
            auto window = openView(std::nullopt, &view);
            ui::PrometheusSettingsDialog *dialog = window->editClusterPrometheus();
            dialog->urlEdit()->setText(m_prometheus.url().toString());
            dialog->authBox()->setCurrentIndex(
                dialog->authBox()->findData(int(ui::ClusterPrometheus::Auth::BearerFile)));
            dialog->credentialEdit()->setText(tokenFile);
            dialog->accept();
            QVERIFY(view->prometheusHistory()); // applied to the open cluster at once
        }
        const ui::ClusterPrometheus setting = ui::AppSettings::load().prometheus.value(context);
        QCOMPARE(setting.url, m_prometheus.url().toString());
        QCOMPARE(setting.auth, ui::ClusterPrometheus::Auth::BearerFile);
        QCOMPARE(setting.credentialFile, tokenFile);
        {
            QSettings settings;
            settings.sync();
            QFile f(settings.fileName());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(!f.readAll().contains("s3cret-prometheus-token"));
        }
        // A window opened later reads that Prometheus for the cluster.
        ui::NodeDetailPanel *panel = nullptr;
        {
            ui::ClusterView *view = nullptr;
            auto window = openView(std::nullopt, &view);
            view->selectNode(str("npu-0001"));
            panel = view->detailPanel();
            QVERIFY(view->prometheusHistory());
            NodeHistoryModel *model = panel->historyModel();
            QTRY_VERIFY_WITH_TIMEOUT(
                [model] {
                    for (int r = 0; r < model->rowCount(); ++r)
                        if (model->index(r, 0).data(NodeHistoryModel::SourceRole).toString() ==
                            QLatin1String("prometheus"))
                            return true;
                    return false;
                }(),
                10000);
        }
        // --prometheus overrides it.
        const auto window = open(refusingEndpoint(), &panel);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->historyStatus()->isHidden(), 10000);
        QVERIFY2(panel->historyStatus()->text().contains(str("refused")),
                 qPrintable(panel->historyStatus()->text()));
        // An empty URL is none.
        ui::PrometheusSettingsDialog *dialog = window->editClusterPrometheus();
        dialog->urlEdit()->clear();
        dialog->accept();
        QVERIFY(!ui::AppSettings::load().prometheus.contains(context));
    }
};

QTEST_MAIN(TestPrometheusWindow)
#include "tst_prometheuswindow.moc"

// `faultboard report --history --prometheus URL` in-process: the fault history of kubesim's
// cluster that Faultboard recorded itself, merged with what a real Prometheus (Debian's, backfilled
// with promtool by the test) holds from before, each fault with its source; and a Prometheus
// that is down or refuses the credentials: said on stderr, exit 1, the local history still there.

#include "app/cli/CliOptions.h"
#include "app/cli/Console.h"
#include "app/cli/ReportCommand.h"
#include "tests/common/TestCluster.h"
#include "tests/common/TestPrometheus.h"
#include "ui/AppSettings.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using app::cli::CliOptions;

namespace {

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

struct Run
{
    int code = -1;
    QByteArray out;
    QString err;
};

} // namespace

class TestReportPrometheus : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestCluster> m_cluster;
    TestPrometheus m_prometheus;
    qint64 m_now = 0;

    Run report(const QStringList &extra)
    {
        QStringList args{
            str("faultboard"), str("report"), str("--format"),     str("json"),
            str("--history"),  str("24h"),    str("--kubeconfig"), m_cluster->kubeconfigPath()};
        args << extra;
        CliOptions options;
        Run r;
        if (options.parse(args) != CliOptions::Outcome::Run) {
            r.code = 2;
            r.err = options.message;
            return r;
        }
        QByteArray err;
        app::cli::Console::capture(&r.out, &err);
        {
            app::cli::ReportCommand command(options);
            QSignalSpy finished(&command, &app::cli::Command::finished);
            command.start();
            if (finished.isEmpty() && !finished.wait(30000))
                qWarning("the command did not finish");
            r.code = finished.isEmpty() ? -1 : finished.first().first().toInt();
        }
        app::cli::Console::capture(nullptr, nullptr);
        r.err = QString::fromUtf8(err);
        return r;
    }

    // "node type source" of each fault of a JSON report.
    static QStringList faults(const QByteArray &json)
    {
        QStringList out;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(json).object().value(QStringLiteral("faults")).toArray()) {
            const QJsonObject f = v.toObject();
            out << QStringLiteral("%1 %2 %3")
                       .arg(f.value(QStringLiteral("node")).toString(),
                            f.value(QStringLiteral("type")).toString(),
                            f.value(QStringLiteral("source")).toString());
        }
        out.sort();
        return out;
    }

private slots:
    void initTestCase()
    {
        qputenv("FAULTBOARD_HISTORY_DIR", m_dir.filePath(str("history")).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(str("config")).toUtf8());
        m_cluster = std::make_unique<TestCluster>(
            QStringList{str("--paused"), str("--scenario"),
                        QStringLiteral(FAULTBOARD_TEST_DATA "/sim/metrics.json")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
        // The fault Faultboard sees itself: NT_NPU_CARD_LOSE on npu-0001, from now on.
        QVERIFY(m_cluster->setCondition(str("npu-0001"), str("NT_NPU_CARD_LOSE"), str("True")));

        // What the team's Prometheus recorded: the same node's same fault three hours ago and
        // again for the last ten minutes (the one Faultboard sees now), and gpu-0002 not Ready
        // ninety minutes ago, every minute for four hours.
        m_now = QDateTime::currentSecsSinceEpoch() / 60 * 60;
        const qint64 base = m_now - 4 * 3600;
        QByteArray om = "# TYPE kube_node_status_condition gauge\n";
        const auto series = [&](const char *node, const char *condition, const char *status,
                                const std::function<bool(qint64)> &on) {
            for (qint64 t = base; t < m_now; t += 60)
                om += QByteArray("kube_node_status_condition{node=\"") + node + "\",condition=\"" +
                      condition + "\",status=\"" + status + "\"} " + (on(t) ? "1 " : "0 ") +
                      QByteArray::number(t) + '\n';
        };
        const auto ntLose = [&](qint64 t) {
            return (t >= m_now - 3 * 3600 && t < m_now - 2 * 3600) || t >= m_now - 600;
        };
        const auto notReady = [&](qint64 t) { return t >= m_now - 5400 && t < m_now - 3600; };
        series("npu-0001", "NT_NPU_CARD_LOSE", "true", ntLose);
        series("npu-0001", "NT_NPU_CARD_LOSE", "false", [&](qint64 t) { return !ntLose(t); });
        series("gpu-0002", "Ready", "true", [&](qint64 t) { return !notReady(t); });
        series("gpu-0002", "Ready", "false", notReady);
        om += "# EOF\n";
        QVERIFY2(m_prometheus.backfill(om), qPrintable(m_prometheus.errorString()));
        QVERIFY2(m_prometheus.start(), qPrintable(m_prometheus.errorString()));
    }

    void cleanupTestCase() { m_cluster.reset(); }

    void mergesPrometheusWithTheLocalHistory()
    {
        const Run r = report({str("--prometheus"), m_prometheus.url().toString()});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // The current NT_NPU_CARD_LOSE is Faultboard's own (Prometheus' copy of it is dropped);
        // the one of three hours ago and gpu-0002's come from Prometheus.
        QCOMPARE(faults(r.out), QStringList({str("gpu-0002 Ready prometheus"),
                                             str("npu-0001 NT_NPU_CARD_LOSE faultboard"),
                                             str("npu-0001 NT_NPU_CARD_LOSE prometheus")}));
        const QJsonArray list =
            QJsonDocument::fromJson(r.out).object().value(QStringLiteral("faults")).toArray();
        for (const QJsonValue &v : list) {
            const QJsonObject f = v.toObject();
            if (f.value(QStringLiteral("source")).toString() != QLatin1String("prometheus"))
                continue;
            QCOMPARE(f.value(QStringLiteral("resolution_seconds")).toInt(), 60); // 24h: 60 s
            QVERIFY(!f.value(QStringLiteral("until")).isNull());
            const QDateTime since =
                QDateTime::fromString(f.value(QStringLiteral("since")).toString(), Qt::ISODate);
            const bool gpu =
                f.value(QStringLiteral("node")).toString() == QLatin1String("gpu-0002");
            const qint64 wantSince = gpu ? m_now - 5400 : m_now - 3 * 3600;
            // At the step's resolution: at most one step after the truth.
            QVERIFY2(since.toSecsSinceEpoch() >= wantSince &&
                         since.toSecsSinceEpoch() < wantSince + 60,
                     qPrintable(f.value(QStringLiteral("since")).toString()));
            QCOMPARE(f.value(QStringLiteral("duration_seconds")).toInt(), gpu ? 1800 : 3600);
            // The location is the listed node's, as for Faultboard's own rows.
            QCOMPARE(f.value(QStringLiteral("pool")).toString(),
                     gpu ? str("gpu-a100") : str("npu-910b"));
        }
    }

    void withoutPrometheusOnlyTheLocalHistory()
    {
        const Run r = report({});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(faults(r.out), QStringList{str("npu-0001 NT_NPU_CARD_LOSE faultboard")});
    }

    void prometheusDownIsSaidAndTheLocalHistoryStays()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        const Run r =
            report({str("--prometheus"), QStringLiteral("http://127.0.0.1:%1").arg(port)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(str("Prometheus refused the connection")), qPrintable(r.err));
        QCOMPARE(faults(r.out), QStringList{str("npu-0001 NT_NPU_CARD_LOSE faultboard")});
    }

    void aPrometheusOverItsTimeLimitIsSaidAndTheLocalHistoryStays()
    {
        // A Prometheus stopping every query at 1 ms: the fleet's Ready query (2000 series) is
        // stopped even for one step, after being cut down to one.
        TestPrometheus slow;
        QVERIFY2(slow.backfill(TestPrometheus::healthyReadySeries(1000, m_now - 4 * 3600, m_now)),
                 qPrintable(slow.errorString()));
        slow.setExtraArguments({str("--query.timeout=1ms")});
        QVERIFY2(slow.start(), qPrintable(slow.errorString()));
        const Run r = report({str("--prometheus"), slow.url().toString()});
        QCOMPARE(r.code, 1);
        // Which query, which slice (one step), what the server said, which limit to raise. At
        // 1 ms a loaded machine stops the fleet's small queries too (lost accelerators, one
        // condition type), and whichever fails first is the one said.
        QVERIFY2(QRegularExpression(str("read the fleet's ([A-Za-z_]+ faults|lost accelerators|"
                                        "faults of condition types the taxonomy does not know) "
                                        "from Prometheus at "))
                     .match(r.err)
                     .hasMatch(),
                 qPrintable(r.err));
        for (const QString &part :
             {slow.url().toString(), str("at a step of 60 s"),
              str("even for a single step"), str("HTTP "), str("--query.timeout"),
              str("-search.maxQueryDuration")})
            QVERIFY2(r.err.contains(part), qPrintable(part + str(" | ") + r.err));
        QVERIFY2(QRegularExpression(str("(\\S+Z) to \\1 at a step")).match(r.err).hasMatch(),
                 qPrintable(r.err));
        QCOMPARE(faults(r.out), QStringList{str("npu-0001 NT_NPU_CARD_LOSE faultboard")});
    }

    void credentialsFromFilesNeverShown()
    {
        // This Prometheus has no auth: a wrong token still works, which proves only that it is
        // sent without harm; what matters here is the file handling.
        QFile token(m_dir.filePath(str("token")));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("tok-123\n");
        token.close();
        Run r = report({str("--prometheus"), m_prometheus.url().toString(),
                        str("--prometheus-token-file"), token.fileName()});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile basic(m_dir.filePath(str("basic")));
        QVERIFY(basic.open(QIODevice::WriteOnly));
        basic.write("no-colon-password-xyz\n");
        basic.close();
        r = report({str("--prometheus"), m_prometheus.url().toString(),
                    str("--prometheus-basic-auth-file"), basic.fileName()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(str("not user:password")), qPrintable(r.err));
        QVERIFY(!r.err.contains(str("xyz")));
        r = report({str("--prometheus"), m_prometheus.url().toString(),
                    str("--prometheus-token-file"), m_dir.filePath(str("missing"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(str("Prometheus token file")), qPrintable(r.err));
    }

    void theClustersSettingWhenNoOptionIsGiven()
    {
        // The window's "Prometheus of this cluster…" setting, kept for the kubeconfig's
        // context in this test's own settings file (XDG_CONFIG_HOME, set above): report
        // --history reads it without --prometheus, as the window does.
        QFile kubeconfig(m_cluster->kubeconfigPath());
        QVERIFY(kubeconfig.open(QIODevice::ReadOnly));
        const QString context = QRegularExpression(str("current-context: *\"?([^\"\n]+)"))
                                    .match(QString::fromUtf8(kubeconfig.readAll()))
                                    .captured(1)
                                    .trimmed();
        QVERIFY(!context.isEmpty());
        QVERIFY(ui::AppSettings::load().prometheus.isEmpty());
        ui::AppSettings settings;
        settings.prometheus.insert(
            context, {m_prometheus.url().toString(), ui::ClusterPrometheus::Auth::None, {}, {}});
        settings.save();
        Run r = report({});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(faults(r.out), QStringList({str("gpu-0002 Ready prometheus"),
                                             str("npu-0001 NT_NPU_CARD_LOSE faultboard"),
                                             str("npu-0001 NT_NPU_CARD_LOSE prometheus")}));
        // Another context's setting is not this cluster's.
        settings.prometheus.clear();
        settings.prometheus.insert(
            context + str("-other"),
            {m_prometheus.url().toString(), ui::ClusterPrometheus::Auth::None, {}, {}});
        settings.save();
        r = report({});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(faults(r.out), QStringList{str("npu-0001 NT_NPU_CARD_LOSE faultboard")});

        // --prometheus wins over the setting (here one that is down).
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        settings.prometheus.insert(
            context, {m_prometheus.url().toString(), ui::ClusterPrometheus::Auth::None, {}, {}});
        settings.save();
        r = report({str("--prometheus"), QStringLiteral("http://127.0.0.1:%1").arg(port)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(str("Prometheus refused the connection")), qPrintable(r.err));

        // A setting that cannot be used: said (the file named, never a secret), exit 1, the
        // local history still reported.
        settings.prometheus.insert(context, {m_prometheus.url().toString(),
                                             ui::ClusterPrometheus::Auth::BearerFile,
                                             m_dir.filePath(str("no-such-token")),
                                             {}});
        settings.save();
        r = report({});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(str("The Prometheus set for %1 is not read").arg(context)),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(str("no-such-token")), qPrintable(r.err));
        QCOMPARE(faults(r.out), QStringList{str("npu-0001 NT_NPU_CARD_LOSE faultboard")});
        settings.prometheus.insert(
            context, {str("ftp://user:hunter2@p:9090"), ui::ClusterPrometheus::Auth::None, {}, {}});
        settings.save();
        r = report({});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(str("not an http or https URL")), qPrintable(r.err));
        QVERIFY(!r.err.contains(str("hunter2")));

        ui::AppSettings().save();
        QVERIFY(ui::AppSettings::load().prometheus.isEmpty());
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::newRow("no history") << QStringList{str("faultboard"), str("report"),
                                                   str("--prometheus"), str("http://p:9090")}
                                    << str("needs --history");
        QTest::newRow("not http") << QStringList{str("faultboard"),   str("report"),
                                                 str("--history"),    str("1h"),
                                                 str("--prometheus"), str("ftp://p")}
                                  << str("not an http or https URL");
        QTest::newRow("token without URL") << QStringList{str("faultboard"),
                                                          str("report"),
                                                          str("--history"),
                                                          str("1h"),
                                                          str("--prometheus-token-file"),
                                                          str("t")}
                                           << str("need --prometheus URL");
    }

    void usage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        CliOptions options;
        QCOMPARE(options.parse(args), CliOptions::Outcome::UsageError);
        QVERIFY2(options.message.contains(says), qPrintable(options.message));
    }
};

QTEST_GUILESS_MAIN(TestReportPrometheus)
#include "tst_reportprometheus.moc"

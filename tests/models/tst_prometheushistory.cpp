// models::PrometheusHistory against a real Prometheus (Debian's, started by the test on
// loopback): (a) backfilled with promtool from a generated fleet history whose fault episodes are
// known, every episode must come back with its bounds at the step's resolution, per node and per
// fault type; (b) scraping kubesim's /metrics while a fault is injected, the fault must appear.
// Then the merge with Faultboard's own history and the report's source column.

#include "models/FaultHistory.h"
#include "models/FaultReport.h"
#include "models/HistoryMerge.h"
#include "models/NodeHistoryModel.h"
#include "models/PrometheusHistory.h"
#include "tests/common/TestCluster.h"
#include "tests/common/TestPrometheus.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using models::FaultEpisode;
using models::PrometheusEpisodes;
using models::PrometheusHistory;

namespace {

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

constexpr int Nodes = 30;
constexpr int Minutes = 300; // raw samples every minute, 0 .. Minutes - 1
const QString Accelerator = str("huawei.com/ascend-910");

// A fault as it really was: [start, end) in minutes from the history's beginning.
struct TrueEpisode
{
    QString node;
    QString type;
    QString status; // the faulty status it began with
    int start;
    int end;
};

QString nodeName(int i)
{
    return QStringLiteral("node-%1").arg(i, 3, 10, QLatin1Char('0'));
}

// The fleet's known faults. Ready goes False, then for some nodes Unknown right after: one
// fault (the node was not Ready) from two series.
std::vector<TrueEpisode> fleetTruth()
{
    std::vector<TrueEpisode> t;
    for (int i = 0; i < Nodes; ++i) {
        const QString n = nodeName(i);
        if (i % 3 == 0)
            t.push_back({n, str("NT_NPU_CARD_LOSE"), str("True"), 30 + i, 60 + i + (i % 7) * 10});
        if (i % 4 == 1)
            t.push_back({n, str("Ready"), str("False"), 100 + i, i % 8 == 1 ? 160 + i : 140 + i});
        if (i % 5 == 2) {
            t.push_back({n, str("MemoryPressure"), str("True"), 200, 230});
            t.push_back({n, str("MemoryPressure"), str("True"), 260, 290});
        }
        if (i % 6 == 5)
            t.push_back({n, Accelerator, QString(), 50 + i, 120 + i});
    }
    // A type the taxonomy does not know (faulty when True), still going at the end.
    t.push_back({nodeName(7), str("VendorThing"), str("True"), 240, Minutes});
    // A fault that began before the range asked.
    t.push_back({nodeName(8), str("NT_NPU_CARD_LOSE"), str("True"), 0, 90});
    return t;
}

// The status of a condition at minute m (healthy unless a true episode says otherwise).
QString statusAt(const std::vector<TrueEpisode> &truth, const QString &node, const QString &type,
                 int m)
{
    for (const TrueEpisode &e : truth) {
        if (e.node != node || e.type != type || m < e.start || m >= e.end)
            continue;
        // Ready: False for its first 40 minutes, then Unknown (nodes i % 8 == 1).
        if (type == QLatin1String("Ready") && m >= e.start + 40)
            return str("Unknown");
        return e.status;
    }
    return type == QLatin1String("Ready") ? str("True") : str("False");
}

QByteArray openMetrics(const std::vector<TrueEpisode> &truth, qint64 base)
{
    QByteArray out;
    out += "# HELP kube_node_status_condition The condition of a cluster node.\n"
           "# TYPE kube_node_status_condition gauge\n";
    const QStringList conditions{str("Ready"), str("MemoryPressure"), str("NT_NPU_CARD_LOSE"),
                                 str("VendorThing")};
    const char *statuses[] = {"True", "False", "Unknown"};
    for (int i = 0; i < Nodes; ++i) {
        const QString n = nodeName(i);
        for (const QString &c : conditions) {
            for (const char *s : statuses) {
                const QByteArray series = "kube_node_status_condition{node=\"" + n.toUtf8() +
                                          "\",condition=\"" + c.toUtf8() + "\",status=\"" +
                                          QByteArray(s).toLower() + "\"} ";
                for (int m = 0; m < Minutes; ++m)
                    out += series + (statusAt(truth, n, c, m) == QLatin1String(s) ? "1 " : "0 ") +
                           QByteArray::number(base + m * 60) + '\n';
            }
        }
    }
    for (const char *metric : {"kube_node_status_capacity", "kube_node_status_allocatable"}) {
        out += QByteArray("# TYPE ") + metric + " gauge\n";
        for (int i = 0; i < Nodes; ++i) {
            const QString n = nodeName(i);
            const QByteArray series = QByteArray(metric) + "{node=\"" + n.toUtf8() +
                                      "\",resource=\"huawei_com_ascend_910\",unit=\"integer\"} ";
            for (int m = 0; m < Minutes; ++m) {
                bool lost = false;
                for (const TrueEpisode &e : truth)
                    lost |= e.node == n && e.type == Accelerator && m >= e.start && m < e.end;
                const bool allocatable = metric[17] == 'a'; // kube_node_status_a...
                out += series + (allocatable && lost ? "6 " : "8 ") +
                       QByteArray::number(base + m * 60) + '\n';
            }
        }
    }
    out += "# EOF\n";
    return out;
}

// "node type status since until" — what the test compares.
QString describe(const FaultEpisode &e)
{
    return QStringLiteral("%1 %2 %3 %4 %5")
        .arg(e.node, e.type, e.status.isEmpty() ? QStringLiteral("-") : e.status,
             e.since.toUTC().toString(Qt::ISODate),
             e.ended ? e.until.toUTC().toString(Qt::ISODate) : QStringLiteral("open"));
}

PrometheusEpisodes wait(QFuture<PrometheusEpisodes> f)
{
    if (!QTest::qWaitFor([&] { return f.isFinished(); }, 20000))
        return {};
    return f.result();
}

} // namespace

class TestPrometheusHistory : public QObject
{
    Q_OBJECT

private:
    TestPrometheus m_backfilled;
    std::vector<TrueEpisode> m_truth;
    qint64 m_base = 0; // the history's first minute, seconds since the epoch
    QDateTime m_from;  // the range asked: unaligned to the samples, so bounds round up
    QDateTime m_to;
    static constexpr int Step = 300;

    // The episodes a query at Step from m_from must find: the truth sampled at the evaluation
    // times m_from + k * Step (a raw sample at minute m holds until minute m + 1).
    QStringList expected(const std::function<bool(const TrueEpisode &)> &which) const
    {
        QStringList out;
        const qint64 from = m_from.toSecsSinceEpoch();
        const qint64 to = m_to.toSecsSinceEpoch();
        for (const TrueEpisode &e : m_truth) {
            if (!which(e))
                continue;
            const qint64 start = m_base + e.start * 60;
            const qint64 end = m_base + e.end * 60;
            qint64 first = -1;
            qint64 after = -1;
            for (qint64 t = from; t <= to; t += Step) {
                const bool bad = t >= start && t < end;
                if (bad && first < 0)
                    first = t;
                if (!bad && first >= 0) {
                    after = t;
                    break;
                }
            }
            if (first < 0)
                continue; // between two evaluations: not seen
            FaultEpisode x;
            x.node = e.node;
            x.type = e.type;
            x.status = e.status;
            x.since = QDateTime::fromSecsSinceEpoch(first, Qt::UTC);
            x.ended = after >= 0;
            if (x.ended)
                x.until = QDateTime::fromSecsSinceEpoch(after, Qt::UTC);
            out << describe(x);
        }
        out.sort();
        return out;
    }

    static QStringList described(const PrometheusEpisodes &r)
    {
        QStringList out;
        for (const FaultEpisode &e : r.episodes)
            out << describe(e);
        out.sort();
        return out;
    }

private slots:
    void initTestCase()
    {
        m_truth = fleetTruth();
        // Within Prometheus' default retention, ending some minutes ago.
        m_base = (QDateTime::currentSecsSinceEpoch() - 6 * 3600) / 60 * 60;
        QVERIFY2(m_backfilled.backfill(openMetrics(m_truth, m_base)),
                 qPrintable(m_backfilled.errorString()));
        QVERIFY2(m_backfilled.start(), qPrintable(m_backfilled.errorString()));
        m_from = QDateTime::fromSecsSinceEpoch(m_base + 3600 + 20, Qt::UTC);
        m_to = QDateTime::fromSecsSinceEpoch(m_base + (Minutes - 1) * 60, Qt::UTC);
    }

    void fleetEpisodesComeBackWithTheirBounds()
    {
        PrometheusHistory history(kube::PrometheusEndpoint::fromUrl(m_backfilled.url()),
                                  models::Taxonomy::builtIn());
        const PrometheusEpisodes r = wait(history.allFleetEpisodes(m_from, m_to, Step));
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QCOMPARE(r.stepSeconds, Step);
        const QStringList want = expected([](const TrueEpisode &) { return true; });
        QVERIFY(want.size() > 30);
        QCOMPARE(described(r), want);
        for (const FaultEpisode &e : r.episodes) {
            QCOMPARE(e.source, FaultEpisode::Source::Prometheus);
            QCOMPARE(e.resolutionSeconds, Step);
        }
        // Lost chips: the allocatable count; the category from the taxonomy's accelerator.
        const auto lost = std::find_if(r.episodes.begin(), r.episodes.end(),
                                       [](const FaultEpisode &e) { return e.type == Accelerator; });
        QVERIFY(lost != r.episodes.end());
        QCOMPARE(lost->acceleratorsOk, 6);
        QCOMPARE(lost->category, str("npu"));
        // The type the taxonomy does not know is there, still going.
        QVERIFY(want.contains(
            str("node-007 VendorThing True ") +
            QDateTime::fromSecsSinceEpoch(
                m_from.toSecsSinceEpoch() +
                    ((m_base + 240 * 60 - m_from.toSecsSinceEpoch() + Step - 1) / Step) * Step,
                Qt::UTC)
                .toString(Qt::ISODate) +
            str(" open")));
    }

    void victoriaMetricsGivesTheSameEpisodes()
    {
        // The same API from another engine (Debian's victoria-metrics), fed the same history
        // through its Prometheus text import: the same episodes, bounds and all.
        const QString program = qEnvironmentVariable("FAULTBOARD_VICTORIA_METRICS").isEmpty()
                                    ? QStandardPaths::findExecutable(str("victoria-metrics"))
                                    : qEnvironmentVariable("FAULTBOARD_VICTORIA_METRICS");
        QVERIFY2(!program.isEmpty(), "no victoria-metrics on PATH (Debian: apt-get install "
                                     "victoria-metrics; scripts/deps.sh test)");
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        QTemporaryDir dir;
        QProcess vm;
        vm.setProcessChannelMode(QProcess::MergedChannels);
        QByteArray log;
        connect(&vm, &QProcess::readyRead, &vm, [&] { log += vm.readAll(); });
        vm.start(program, {str("-storageDataPath=") + dir.filePath(str("data")),
                           QStringLiteral("-httpListenAddr=127.0.0.1:%1").arg(port)});
        QVERIFY2(vm.waitForStarted(), qPrintable(vm.errorString()));
        QVERIFY2(QTest::qWaitFor([&] { return log.contains("started VictoriaMetrics"); }, 20000),
                 log.constData());
        const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(port));

        // Its text import wants milliseconds and no OpenMetrics comments.
        QByteArray text;
        for (const QByteArray &line : openMetrics(m_truth, m_base).split('\n')) {
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            text += line + "000\n";
        }
        QNetworkAccessManager nam;
        const auto post = [&](const char *path, const QByteArray &body) {
            QNetworkRequest request(base.resolved(QUrl(str(path))));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("text/plain"));
            QNetworkReply *reply = nam.post(request, body);
            QSignalSpy done(reply, &QNetworkReply::finished);
            const bool ok = done.wait(30000) && reply->error() == QNetworkReply::NoError;
            reply->deleteLater();
            return ok;
        };
        QVERIFY(post("/api/v1/import/prometheus", text));
        // What was imported is searchable once flushed from the in-memory buffers.
        QNetworkReply *flush =
            nam.get(QNetworkRequest(base.resolved(QUrl(str("/internal/force_flush")))));
        QSignalSpy flushed(flush, &QNetworkReply::finished);
        QVERIFY(flushed.wait(10000));
        flush->deleteLater();

        PrometheusHistory history(kube::PrometheusEndpoint::fromUrl(base),
                                  models::Taxonomy::builtIn());
        const PrometheusEpisodes r = wait(history.allFleetEpisodes(m_from, m_to, Step));
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QCOMPARE(described(r), expected([](const TrueEpisode &) { return true; }));
        vm.terminate();
        QVERIFY(vm.waitForFinished(10000));
    }

    void oneFaultTypeForTheFleet()
    {
        PrometheusHistory history(kube::PrometheusEndpoint::fromUrl(m_backfilled.url()),
                                  models::Taxonomy::builtIn());
        for (const QString &type : {str("NT_NPU_CARD_LOSE"), str("Ready"), str("MemoryPressure")}) {
            const PrometheusEpisodes r = wait(history.fleetEpisodes(type, m_from, m_to, Step));
            QVERIFY2(r.ok(), qPrintable(r.errorText));
            QCOMPARE(r.queries, 1);
            QCOMPARE(described(r), expected([&](const TrueEpisode &e) { return e.type == type; }));
        }
    }

    void oneNodeDrillDown_data()
    {
        QTest::addColumn<QString>("node");
        QTest::newRow("NT and Ready False then Unknown") << nodeName(9);
        QTest::newRow("Ready and lost chips") << nodeName(5);
        QTest::newRow("two MemoryPressure and an unknown type") << nodeName(7);
        QTest::newRow("began before the range") << nodeName(8);
        QTest::newRow("healthy") << nodeName(4);
    }

    void oneNodeDrillDown()
    {
        QFETCH(QString, node);
        PrometheusHistory history(kube::PrometheusEndpoint::fromUrl(m_backfilled.url()),
                                  models::Taxonomy::builtIn());
        const PrometheusEpisodes r = wait(history.nodeEpisodes(node, m_from, m_to, Step));
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QCOMPARE(r.queries, 1);
        QCOMPARE(described(r), expected([&](const TrueEpisode &e) { return e.node == node; }));
    }

    void theStepFollowsTheRange()
    {
        const QDateTime t = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        QCOMPARE(PrometheusHistory::stepFor(t, t.addSecs(3600)), 15);
        QCOMPARE(PrometheusHistory::stepFor(t, t.addDays(1)), 60);
        QCOMPARE(PrometheusHistory::stepFor(t, t.addDays(7)), 600);
        PrometheusHistory history(kube::PrometheusEndpoint::fromUrl(m_backfilled.url()),
                                  models::Taxonomy::builtIn());
        const PrometheusEpisodes r = wait(history.nodeEpisodes(nodeName(9), m_from, m_to));
        QVERIFY(r.ok());
        QCOMPARE(r.stepSeconds, 15);
        for (const FaultEpisode &e : r.episodes)
            QCOMPARE(e.resolutionSeconds, 15);
    }

    void aServerThatAlignsTheStartToTheStep()
    {
        // VictoriaMetrics and caching query frontends evaluate at multiples of the step, not at
        // start + k * step: the range's last evaluation is found from the answer's own times.
        PrometheusHistory history(kube::PrometheusEndpoint::fromUrl(QUrl(str("http://p:9090"))),
                                  models::Taxonomy::builtIn());
        const qint64 t0 = 1700000000 / 60 * 60;
        const QDateTime from = QDateTime::fromSecsSinceEpoch(t0 + 20, Qt::UTC);
        // `to` is no evaluation time of either grid: Prometheus' last would be t0 + 560.
        const QDateTime to = QDateTime::fromSecsSinceEpoch(t0 + 610, Qt::UTC);
        const auto series = [](const char *node, const char *condition, const char *status,
                               std::vector<std::pair<qint64, double>> points) {
            kube::PrometheusSeries s;
            s.labels = {{str("node"), str(node)},
                        {str("condition"), str(condition)},
                        {str("status"), str(status)}};
            for (const auto &[t, v] : points)
                s.samples.push_back({t * 1000, v});
            return s;
        };
        kube::PrometheusMatrix m;
        // Evaluations at t0 + 60, ..., t0 + 600 (the last before `to`).
        m.series.push_back(series("a", "NT_NPU_CARD_LOSE", "true", {{t0 + 540, 1}, {t0 + 600, 1}}));
        m.series.push_back(series("b", "NT_NPU_CARD_LOSE", "true", {{t0 + 480, 1}, {t0 + 540, 1}}));
        // A series that never had the status: no episode (and no crash).
        m.series.push_back(series("c", "NT_NPU_CARD_LOSE", "true", {{t0 + 60, 0}, {t0 + 120, 0}}));
        const std::vector<FaultEpisode> e = history.episodesFromMatrix(m, from, to, 60);
        QCOMPARE(e.size(), size_t(2));
        QCOMPARE(e[0].node, str("b"));
        QVERIFY(e[0].ended);
        QCOMPARE(e[0].until, QDateTime::fromSecsSinceEpoch(t0 + 600, Qt::UTC));
        QCOMPARE(e[1].node, str("a"));
        QVERIFY(!e[1].ended); // still there at the last evaluation
    }

    void mergeKeepsFaultboardsOwnAndFillsTheRest()
    {
        PrometheusHistory history(kube::PrometheusEndpoint::fromUrl(m_backfilled.url()),
                                  models::Taxonomy::builtIn());
        const PrometheusEpisodes r = wait(history.nodeEpisodes(nodeName(9), m_from, m_to, Step));
        QVERIFY(r.ok());
        QCOMPARE(r.episodes.size(), size_t(2)); // NT_NPU_CARD_LOSE, then Ready
        // Faultboard watched the Ready fault itself, with its exact times.
        FaultEpisode local;
        local.node = nodeName(9);
        local.type = str("Ready");
        local.status = str("False");
        local.since = QDateTime::fromSecsSinceEpoch(m_base + 109 * 60 + 3, Qt::UTC);
        local.until = QDateTime::fromSecsSinceEpoch(m_base + 169 * 60 + 1, Qt::UTC);
        local.ended = true;
        // And a fault Prometheus never saw (shorter than a step).
        FaultEpisode blip = local;
        blip.type = str("NT_NPU_NET");
        blip.status = str("True");
        blip.since = local.since.addSecs(600);
        blip.until = blip.since.addSecs(20);
        const std::vector<FaultEpisode> merged =
            models::mergeEpisodes({local, blip}, r.episodes, m_to);
        QCOMPARE(merged.size(), size_t(3));
        // Sorted by time: Prometheus' NT_NPU_CARD_LOSE (before), then Faultboard's two.
        QCOMPARE(merged[0].type, str("NT_NPU_CARD_LOSE"));
        QCOMPARE(merged[0].source, FaultEpisode::Source::Prometheus);
        QCOMPARE(merged[1].type, str("Ready"));
        QCOMPARE(merged[1].source, FaultEpisode::Source::Faultboard);
        QCOMPARE(merged[1].since, local.since);
        QCOMPARE(merged[1].until, local.until);
        QCOMPARE(merged[2].type, str("NT_NPU_NET"));

        // The report says where each came from, and how exact.
        const QByteArray csv =
            models::FaultReport::toCsv(models::FaultReport::fromEpisodes(merged, m_to));
        const QList<QByteArray> lines = csv.split('\n');
        QVERIFY(lines[0].trimmed().endsWith(",source,resolution_seconds"));
        QVERIFY2(lines[1].trimmed().endsWith(",prometheus,300"), lines[1].constData());
        QVERIFY2(lines[2].trimmed().endsWith(",faultboard,0"), lines[2].constData());
        const QJsonObject json = models::FaultReport::toJsonObject(
            models::FaultReport::fromEpisodes({merged[0]}, m_to).front());
        QCOMPARE(json.value(str("source")).toString(), str("prometheus"));
        QCOMPARE(json.value(str("resolution_seconds")).toInt(), Step);
    }

    void mergeRules_data()
    {
        QTest::addColumn<int>("localStart"); // seconds; -1: no local episode
        QTest::addColumn<int>("localEnd");   // -1: still active
        QTest::addColumn<int>("remoteStart");
        QTest::addColumn<int>("remoteEnd"); // -1: still active
        QTest::addColumn<bool>("remoteKept");
        QTest::newRow("before Faultboard watched") << 5000 << 6000 << 600 << 1200 << true;
        QTest::newRow("same fault, coarser") << 610 << 1190 << 900 << 1500 << false;
        QTest::newRow("began within a step before") << 1000 << 2000 << 1200 << 2100 << false;
        // Prometheus' bounds are up to a step late: one that first saw a fault within a step
        // after Faultboard's ended may be that fault; one later is another.
        QTest::newRow("ended within the step before") << 0 << 295 << 300 << 900 << false;
        QTest::newRow("ended more than a step before") << 0 << 295 << 600 << 900 << true;
        QTest::newRow("both still active") << 1000 << -1 << 1200 << -1 << false;
        QTest::newRow("a gap between two local ones") << 0 << 100 << 1200 << 1800 << true;
    }

    void mergeRules()
    {
        QFETCH(int, localStart);
        QFETCH(int, localEnd);
        QFETCH(int, remoteStart);
        QFETCH(int, remoteEnd);
        QFETCH(bool, remoteKept);
        const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        FaultEpisode local;
        local.node = str("n");
        local.type = str("NT_NPU_CARD_LOSE");
        local.since = t0.addSecs(localStart);
        local.ended = localEnd >= 0;
        if (local.ended)
            local.until = t0.addSecs(localEnd);
        FaultEpisode remote = local;
        remote.source = FaultEpisode::Source::Prometheus;
        remote.resolutionSeconds = 300;
        remote.since = t0.addSecs(remoteStart);
        remote.ended = remoteEnd >= 0;
        remote.until = remote.ended ? t0.addSecs(remoteEnd) : QDateTime();
        FaultEpisode otherType = remote;
        otherType.type = str("Ready");
        const std::vector<FaultEpisode> merged =
            models::mergeEpisodes({local}, {remote, otherType}, t0.addSecs(10000));
        const auto count = std::count_if(merged.begin(), merged.end(), [](const FaultEpisode &e) {
            return e.source == FaultEpisode::Source::Prometheus && e.type != QLatin1String("Ready");
        });
        QCOMPARE(count, remoteKept ? 1 : 0);
        // Another fault type of the node is never hidden by this one.
        QCOMPARE(merged.size(), size_t(remoteKept ? 3 : 2));
    }

    void nodeHistoryModelAddsWhatOnlyPrometheusSaw()
    {
        // Faultboard watched node-009's Ready fault itself (exact times); Prometheus also has
        // its NT_NPU_CARD_LOSE of before.
        QTemporaryDir dir;
        models::FaultHistory::Options o;
        o.path = dir.filePath(str("h.sqlite"));
        models::FaultHistory history(models::Classifier(models::Taxonomy::builtIn()), o);
        history.open();
        const auto snapshot = [&](const char *ready, qint64 since) {
            auto n = std::make_shared<kube::Node>();
            n->name = nodeName(9);
            n->uid = str("uid-9");
            n->creationTimestamp = QDateTime::fromSecsSinceEpoch(m_base - 86400, Qt::UTC);
            n->conditions.push_back({str("Ready"),
                                     str(ready),
                                     str("Test"),
                                     str("set by test"),
                                     QDateTime::fromSecsSinceEpoch(since, Qt::UTC),
                                     {}});
            return std::vector<models::NodeChange>{{nullptr, n}};
        };
        const qint64 readyFrom = m_base + 109 * 60 + 3;
        const qint64 readyTo = m_base + 169 * 60 + 1;
        history.recordChanges(snapshot("True", m_base - 86400));
        history.recordChanges(snapshot("False", readyFrom));
        history.recordChanges(snapshot("True", readyTo));

        PrometheusHistory prometheus(kube::PrometheusEndpoint::fromUrl(m_backfilled.url()),
                                     models::Taxonomy::builtIn());
        models::NodeHistoryModel model(&history);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy failed(&model, &models::NodeHistoryModel::prometheusFailed);
        model.setPrometheusHistory(&prometheus, 7 * 3600);
        model.setNodeName(nodeName(9));
        // Node added, Ready began and ended (Faultboard's); NT_NPU_CARD_LOSE began and ended
        // (Prometheus'); Prometheus' Ready is the same fault and is not shown twice.
        QTRY_COMPARE(model.rowCount(), 5);
        QVERIFY(failed.isEmpty());
        const int step = PrometheusHistory::stepFor(QDateTime::fromSecsSinceEpoch(0),
                                                    QDateTime::fromSecsSinceEpoch(7 * 3600));
        QStringList rows;
        for (int r = 0; r < model.rowCount(); ++r) {
            const QModelIndex i = model.index(r, 0);
            rows << QStringLiteral("%1 %2 %3")
                        .arg(
                            model.index(r, models::NodeHistoryModel::EventColumn).data().toString(),
                            i.data(models::NodeHistoryModel::SourceRole).toString())
                        .arg(i.data(models::NodeHistoryModel::ResolutionRole).toInt());
        }
        QCOMPARE(rows, QStringList({str("Node added faultboard 0"),
                                    str("NT_NPU_CARD_LOSE fault began prometheus %1").arg(step),
                                    str("NT_NPU_CARD_LOSE fault ended prometheus %1").arg(step),
                                    str("Ready fault began faultboard 0"),
                                    str("Ready fault ended faultboard 0")}));
        // Prometheus' bounds: at most a step after the truth (minutes 39 and 89).
        const QModelIndex began = model.index(1, 0);
        const qint64 t =
            began.data(models::NodeHistoryModel::TimeRole).toDateTime().toSecsSinceEpoch();
        QVERIFY2(t >= m_base + 39 * 60 && t < m_base + 39 * 60 + step,
                 qPrintable(QString::number(t - m_base)));
        QVERIFY(began.data(models::NodeHistoryModel::FlagsRole).toInt() &
                models::NodeHistoryModel::FromPrometheus);
        QCOMPARE(began.data(models::NodeHistoryModel::SeverityRole).toInt(),
                 int(models::Taxonomy::builtIn().lookup(str("NT_NPU_CARD_LOSE")).severity));
        QCOMPARE(model.index(1, models::NodeHistoryModel::ChangeColumn).data().toString(),
                 str("True (from Prometheus, up to %1 s late)").arg(step));
        QCOMPARE(model.index(3, 0).data(models::NodeHistoryModel::TimeRole).toDateTime(),
                 QDateTime::fromSecsSinceEpoch(readyFrom, Qt::UTC));

        // A Prometheus that is down: said, and Faultboard's own rows stay.
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        PrometheusHistory down(kube::PrometheusEndpoint::fromUrl(
                                   QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))),
                               models::Taxonomy::builtIn());
        model.setPrometheusHistory(&down, 7 * 3600);
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.first().first().toString().contains(str("refused")),
                 qPrintable(failed.first().first().toString()));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, 0).data(models::NodeHistoryModel::SourceRole).toString(),
                 str("faultboard"));
    }

    void prometheusScrapingKubesimSeesAnInjectedFault()
    {
        TestCluster cluster({str("--paused"), str("--no-tls"), str("--scenario"),
                             QStringLiteral(FAULTBOARD_TEST_DATA "/sim/metrics.json")});
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
        TestPrometheus prometheus;
        prometheus.setConfig(QStringLiteral("global:\n"
                                            "  scrape_interval: 1s\n"
                                            "scrape_configs:\n"
                                            "  - job_name: kubesim\n"
                                            "    static_configs:\n"
                                            "      - targets: ['127.0.0.1:%1']\n")
                                 .arg(cluster.serverUrl().port())
                                 .toUtf8());
        QVERIFY2(prometheus.start(), qPrintable(prometheus.errorString()));
        PrometheusHistory history(kube::PrometheusEndpoint::fromUrl(prometheus.url()),
                                  models::Taxonomy::builtIn());

        // Polls until `found` holds for an answer: a new query as soon as the last one answered.
        const auto eventually = [&](const std::function<QFuture<PrometheusEpisodes>()> &ask,
                                    const std::function<bool(const PrometheusEpisodes &)> &found) {
            QFuture<PrometheusEpisodes> pending = ask();
            return QTest::qWaitFor(
                [&] {
                    if (!pending.isFinished())
                        return false;
                    if (found(pending.result()))
                        return true;
                    pending = ask();
                    return false;
                },
                20000);
        };
        const auto lastMinute = [&](const QString &node) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            return history.nodeEpisodes(node, now.addSecs(-60), now, 1);
        };
        // Scraped at least once, healthy: the gpu node's Ready fault is injected as a canary
        // that the scrape is running before the real assertion.
        QVERIFY(cluster.setCondition(str("gpu-0001"), str("Ready"), str("False")));
        QVERIFY(eventually([&] { return lastMinute(str("gpu-0001")); },
                           [](const PrometheusEpisodes &r) { return !r.episodes.empty(); }));
        PrometheusEpisodes before = wait(lastMinute(str("npu-0001")));
        QVERIFY2(before.ok(), qPrintable(before.errorText));
        QVERIFY(before.episodes.empty());

        const QDateTime injected = QDateTime::currentDateTimeUtc();
        QVERIFY(cluster.setCondition(str("npu-0001"), str("NT_NPU_CARD_LOSE"), str("True")));
        PrometheusEpisodes seen;
        QVERIFY(eventually([&] { return lastMinute(str("npu-0001")); },
                           [&](const PrometheusEpisodes &r) {
                               seen = r;
                               return !r.episodes.empty();
                           }));
        QVERIFY2(seen.ok(), qPrintable(seen.errorText));
        QCOMPARE(seen.episodes.size(), size_t(1));
        const FaultEpisode &e = seen.episodes.front();
        QCOMPARE(e.node, str("npu-0001"));
        QCOMPARE(e.type, str("NT_NPU_CARD_LOSE"));
        QCOMPARE(e.status, str("True"));
        QCOMPARE(e.category, models::Taxonomy::builtIn().lookup(e.type).category);
        QVERIFY(!e.ended);
        QVERIFY2(e.since >= injected.addSecs(-1), qPrintable(e.since.toString(Qt::ISODateWithMs)));
        QCOMPARE(e.resolutionSeconds, 1);

        // The fleet view of that type has that node, and not its healthy neighbour.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const PrometheusEpisodes fleet =
            wait(history.fleetEpisodes(str("NT_NPU_CARD_LOSE"), now.addSecs(-60), now, 1));
        QVERIFY2(fleet.ok(), qPrintable(fleet.errorText));
        QCOMPARE(fleet.episodes.size(), size_t(1));
        QCOMPARE(fleet.episodes.front().node, str("npu-0001"));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusHistory)
#include "tst_prometheushistory.moc"

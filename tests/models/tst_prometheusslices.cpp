// The time slices PrometheusHistory cuts a fleet query into, and their join, without a server:
// a synthetic range query's answer is cut the way Prometheus would answer each slice (only the
// evaluation times of the slice; a series without a point in it is absent), the slices are
// joined in any order, and the episodes must be those of the answer not cut: one per fault,
// with the same bounds, across every cut. And cancel() ends a read in flight after it returns.

#include "models/PrometheusHistory.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <memory>
#include <random>

using models::FaultEpisode;
using models::PrometheusHistory;

namespace {

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

const QDateTime From = QDateTime::fromSecsSinceEpoch(1700000020, Qt::UTC);
constexpr int Step = 60;
constexpr int Steps = 40; // evaluation times From + k * Step, k < Steps

kube::PrometheusSeries condition(const char *node, const char *type, const char *status,
                                 const std::vector<int> &faulty)
{
    kube::PrometheusSeries s;
    s.labels = {
        {str("node"), str(node)}, {str("condition"), str(type)}, {str("status"), str(status)}};
    for (const int k : faulty)
        s.samples.push_back({From.toMSecsSinceEpoch() + qint64(k) * Step * 1000, 1});
    return s;
}

std::vector<int> range(int first, int end)
{
    std::vector<int> out;
    for (int k = first; k < end; ++k)
        out.push_back(k);
    return out;
}

// The answer of the whole range: faults across every place a cut may fall.
kube::PrometheusMatrix unsplit()
{
    kube::PrometheusMatrix m;
    m.series.push_back(condition("a", "Ready", "false", range(0, Steps))); // the whole range
    m.series.push_back(condition("b", "Ready", "false", range(5, 12)));    // False ...
    m.series.push_back(condition("b", "Ready", "unknown", range(12, 30))); // ... then Unknown
    m.series.push_back(condition("c", "NT_NPU_CARD_LOSE", "true", {3, 5, 7, 8, 19, 20, 21}));
    m.series.push_back(condition("d", "NT_NPU_CARD_LOSE", "true", range(30, Steps))); // open
    m.series.push_back(condition("e", "MemoryPressure", "true", {Steps - 1}));        // last
    m.series.push_back(condition("f", "MemoryPressure", "true", {0}));                // first
    std::vector<int> everyOther; // flapping: faulty at every other evaluation
    for (int k = 0; k < Steps; k += 2)
        everyOther.push_back(k);
    m.series.push_back(condition("g", "NT_NPU_CARD_LOSE", "true", everyOther));
    return m;
}

// What a server answers for [first, last]: the points of each series in it.
kube::PrometheusMatrix answerFor(const kube::PrometheusMatrix &all, const QDateTime &first,
                                 const QDateTime &last, qint64 extraMs)
{
    kube::PrometheusMatrix m;
    for (const kube::PrometheusSeries &s : all.series) {
        kube::PrometheusSeries part;
        part.labels = s.labels;
        for (const kube::PrometheusSample &p : s.samples)
            if (p.timeMs >= first.toMSecsSinceEpoch() &&
                p.timeMs <= last.toMSecsSinceEpoch() + extraMs)
                part.samples.push_back(p);
        if (!part.samples.empty())
            m.series.push_back(std::move(part));
    }
    return m;
}

QStringList described(const std::vector<FaultEpisode> &episodes)
{
    QStringList out;
    for (const FaultEpisode &e : episodes)
        out << QStringLiteral("%1 %2 %3 %4 %5")
                   .arg(e.node, e.type, e.status, e.since.toString(Qt::ISODate),
                        e.ended ? e.until.toString(Qt::ISODate) : str("open"));
    return out;
}

// A server that answers every request with Prometheus' 503 timeout at once, and counts them.
class StoppingServer : public QObject
{
public:
    StoppingServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    // One request a connection: its headers and its form body, whole.
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    const qsizetype at = buffer->toLower().indexOf("content-length:");
                    if (end < 0 || at < 0)
                        return;
                    const qsizetype eol = buffer->indexOf("\r\n", at);
                    const int length = buffer->mid(at + 15, eol - at - 15).trimmed().toInt();
                    if (buffer->size() < end + 4 + length)
                        return;
                    buffer->clear();
                    ++requests;
                    const QByteArray body = "{\"status\":\"error\",\"errorType\":\"timeout\","
                                            "\"error\":\"query timed out in expression "
                                            "evaluation\"}";
                    socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: "
                                  "application/json\r\nConnection: close\r\nContent-Length: " +
                                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
            }
        });
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    int requests = 0;

private:
    QTcpServer m_server;
};

} // namespace

class TestPrometheusSlices : public QObject
{
    Q_OBJECT

private slots:
    void slicesCoverTheGridOnce_data()
    {
        QTest::addColumn<int>("maxSteps");
        QTest::addColumn<int>("toOffset"); // seconds after the last evaluation time
        for (const int maxSteps : {1, 2, 3, 7, 20, 39, 40, 1000})
            for (const int offset : {0, 59})
                QTest::addRow("%d steps, to +%d s", maxSteps, offset) << maxSteps << offset;
    }

    void slicesCoverTheGridOnce()
    {
        QFETCH(int, maxSteps);
        QFETCH(int, toOffset);
        const QDateTime to = From.addSecs(qint64(Steps - 1) * Step + toOffset);
        const auto slices = PrometheusHistory::timeSlices(From, to, Step, maxSteps);
        QCOMPARE(int(slices.size()), (Steps + maxSteps - 1) / maxSteps);
        QCOMPARE(slices.front().first, From);
        QCOMPARE(slices.back().second, to); // the last asks up to `to`, as the query not cut
        int covered = 0;
        for (std::size_t i = 0; i < slices.size(); ++i) {
            const auto &[first, last] = slices[i];
            QCOMPARE(From.secsTo(first) % Step, 0); // on the query's grid
            const int steps = int(first.secsTo(last) / Step) + 1;
            QVERIFY(steps >= 1 && steps <= maxSteps);
            if (i > 0) // the next evaluation time after the previous slice's last
                QCOMPARE(slices[i - 1].second.secsTo(first), qint64(Step));
            if (i + 1 < slices.size())
                QCOMPARE(first.secsTo(last) % Step, 0);
            covered += steps;
        }
        QCOMPARE(covered, Steps);
    }

    void joinedSlicesGiveTheEpisodesOfTheQueryNotCut_data()
    {
        QTest::addColumn<int>("maxSteps");
        QTest::addColumn<bool>("overlap"); // each slice also holds the next one's first point
        for (const int maxSteps : {1, 2, 3, 5, 7, 13, 20, 40})
            for (const bool overlap : {false, true})
                QTest::addRow("%d steps%s", maxSteps, overlap ? ", overlapping" : "")
                    << maxSteps << overlap;
    }

    void joinedSlicesGiveTheEpisodesOfTheQueryNotCut()
    {
        QFETCH(int, maxSteps);
        QFETCH(bool, overlap);
        PrometheusHistory history(kube::PrometheusEndpoint::fromUrl(QUrl(str("http://p:9090"))),
                                  models::Taxonomy::builtIn());
        const QDateTime to = From.addSecs(qint64(Steps - 1) * Step + 30);
        const kube::PrometheusMatrix all = unsplit();
        const QStringList want = described(history.episodesFromMatrix(all, From, to, Step));
        QCOMPARE(want.size(), 1 + 1 + 4 + 1 + 1 + 1 + Steps / 2); // b: one episode, False
        QVERIFY(want.contains(QStringLiteral("b Ready False %1 %2")
                                  .arg(From.addSecs(5 * Step).toString(Qt::ISODate),
                                       From.addSecs(30 * Step).toString(Qt::ISODate))));

        std::vector<kube::PrometheusMatrix> slices;
        for (const auto &[first, last] : PrometheusHistory::timeSlices(From, to, Step, maxSteps))
            slices.push_back(answerFor(all, first, last, overlap ? Step * 1000 : 0));
        std::mt19937 random(maxSteps);
        std::shuffle(slices.begin(), slices.end(), random); // answers come in any order
        const kube::PrometheusMatrix joined = PrometheusHistory::joinSlices(std::move(slices));
        QCOMPARE(joined.series.size(), all.series.size());
        QCOMPARE(described(history.episodesFromMatrix(joined, From, to, Step)), want);
    }

    void limitsAsPrometheusAndVictoriaMetricsSayThem_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason"); // Prometheus' errorType
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("tooMany");
        QTest::addColumn<bool>("timeout");
        QTest::newRow("Prometheus 2.x")
            << 422 << str("execution")
            << str("query processing would load too many samples into memory in query "
                   "execution")
            << true << false;
        QTest::newRow("VictoriaMetrics samples")
            << 422 << str("422")
            << str("error when executing query=\"up\" on the time range (start=1, end=2, step=60): "
                   "cannot select more than -search.maxSamplesPerQuery=1000 samples; possible "
                   "solutions: to increase the -search.maxSamplesPerQuery; to reduce time range")
            << true << false;
        QTest::newRow("VictoriaMetrics points")
            << 422 << str("422")
            << str("too many points for the given step=1, start=0 and end=100000: 100001; cannot "
                   "exceed -search.maxPointsPerTimeseries=30000")
            << true << false;
        QTest::newRow("a bad query") << 400 << str("bad_data")
                                     << str("1:5: parse error: unexpected \"}\"") << false << false;
        QTest::newRow("Prometheus timeout")
            << 503 << str("timeout") << str("query timed out in expression evaluation") << false
            << true;
        QTest::newRow("Prometheus timeout, execution")
            << 503 << str("timeout") << str("query timed out in query execution") << false << true;
        QTest::newRow("Prometheus deadline while reading the series")
            << 422 << str("execution") << str("expanding series: context deadline exceeded")
            << false << true;
        QTest::newRow("VictoriaMetrics timeout")
            << 503 << str("503")
            << str("the request couldn't be executed in 30.001 seconds; possible solutions: to "
                   "increase -search.maxQueryDuration=30s; to pass bigger value to 'timeout' "
                   "query arg")
            << false << true;
        // The limit came while the query waited for a slot: asked again, cut, all the same.
        QTest::newRow("Prometheus queue")
            << 503 << str("timeout") << str("query timed out in query queue") << false << true;
        QTest::newRow("VictoriaMetrics concurrency")
            << 503 << str("503")
            << str("couldn't start executing the request in 10.000 seconds, since "
                   "-search.maxConcurrentRequests=8 concurrent requests are executed. Possible "
                   "solutions: to reduce query load; to add more compute resources to the "
                   "server; to increase -search.maxQueueDuration=10s; to increase "
                   "-search.maxQueryDuration; to increase -search.maxConcurrentRequests")
            << false << true;
        QTest::newRow("Prometheus cancelled")
            << 503 << str("canceled") << str("query was canceled in expression evaluation") << false
            << false;
        QTest::newRow("a proxy's gateway timeout")
            << 504 << str("504") << str("<html>504 Gateway Time-out</html>") << false << false;
    }

    void limitsAsPrometheusAndVictoriaMetricsSayThem()
    {
        QFETCH(int, code);
        QFETCH(QString, reason);
        QFETCH(QString, message);
        QFETCH(bool, tooMany);
        QFETCH(bool, timeout);
        kube::ApiError e;
        e.kind = kube::ApiError::Kind::Http;
        e.code = code;
        e.reason = reason;
        e.message = message;
        QCOMPARE(PrometheusHistory::isTooManySamples(e), tooMany);
        QCOMPARE(PrometheusHistory::isQueryTimeout(e), timeout);
        e.kind = kube::ApiError::Kind::Decode; // only a server's answer
        QVERIFY(!PrometheusHistory::isTooManySamples(e));
        QVERIFY(!PrometheusHistory::isQueryTimeout(e));
        // Faultboard's own transfer timeout is not the server's limit: a server that does not
        // answer at all would be asked again and again.
        e.kind = kube::ApiError::Kind::Timeout;
        QVERIFY(!PrometheusHistory::isQueryTimeout(e));
    }

    void aQueryStoppedDownToOneStepAsksNoMoreOfIt()
    {
        // Every slice stopped: the query is cut in halves down to one step, then fails, with
        // the slice, the server's words and the limits (not every slice of the 64 steps asked:
        // 127 requests).
        StoppingServer server;
        PrometheusHistory history(kube::PrometheusEndpoint::fromUrl(server.url()),
                                  models::Taxonomy::builtIn());
        QFuture<models::PrometheusEpisodes> f =
            history.fleetEpisodes(str("Ready"), From, From.addSecs(63 * Step), Step);
        QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 10000);
        const models::PrometheusEpisodes r = f.result();
        QVERIFY(PrometheusHistory::isQueryTimeout(r.error));
        QCOMPARE(r.queries, server.requests);
        QVERIFY2(r.timedOut >= 6, qPrintable(QString::number(r.timedOut))); // 64, 32, ..., 2
        QVERIFY2(r.queries < 32, qPrintable(QString::number(r.queries)));
        QVERIFY2(r.errorText.contains(str("even for a single step")), qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(str("HTTP 503, timeout: query timed out in expression "
                                          "evaluation")),
                 qPrintable(r.errorText));
    }

    void cancelEndsTheReadAfterItReturns()
    {
        // Accepts connections and never answers: every query hangs until cancelled.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QSignalSpy connected(&silent, &QTcpServer::newConnection);
        PrometheusHistory history(
            kube::PrometheusEndpoint::fromUrl(
                QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()))),
            models::Taxonomy::builtIn());
        QFuture<models::PrometheusEpisodes> f =
            history.allFleetEpisodes(From, From.addSecs(Steps * Step), Step);
        QTRY_VERIFY_WITH_TIMEOUT(connected.count() > 0, 10000);
        history.cancel();
        // The aborted requests answer inside cancel(): the read must not end there, or the
        // caller's continuations (the window's update) run inside its Cancel button's click.
        QVERIFY(!f.isFinished());
        QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 5000);
        const models::PrometheusEpisodes r = f.result();
        QCOMPARE(r.error.kind, kube::ApiError::Kind::Cancelled);
        QVERIFY(r.queries <= 4); // those in flight; the others not asked
        QVERIFY(r.episodes.empty());
    }
};

QTEST_GUILESS_MAIN(TestPrometheusSlices)
#include "tst_prometheusslices.moc"

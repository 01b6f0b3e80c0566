// Fleet queries cut into time slices against a real Prometheus (Debian's, started by the test on
// loopback with --query.max-samples=5000, backfilled with 5 hours of 40 nodes a minute apart):
// the queries not cut are refused with 422 "too many samples"; cut in halves on the refusal, or
// beforehand from the node count, every episode comes back once with the bounds of the query not
// cut, those across the cuts too. A fault of one step still too large says which limit to raise,
// and Cancel stops the slices not yet asked.

#include "models/PrometheusHistory.h"
#include "tests/common/TestPrometheus.h"

#include <QFutureWatcher>
#include <QTest>

#include <array>
#include <memory>

using models::FaultEpisode;
using models::PrometheusEpisodes;
using models::PrometheusHistory;

namespace {

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

constexpr int Nodes = 40;
constexpr int Scrape = 60; // seconds between samples, and the queries' step
constexpr int Samples = 300;
constexpr int MaxSamples = 5000; // Prometheus' limit: Ready's 80 series hold it for 62 steps
constexpr int Lead = 10;         // samples before the range asked

enum Type { Ready, CardLose, MemoryPressure, Chips, TypeCount };
const char *const TypeNames[] = {"Ready", "NT_NPU_CARD_LOSE", "MemoryPressure",
                                 "huawei.com/ascend-910"};

QString nodeName(int i)
{
    return QStringLiteral("node-%1").arg(i, 2, 10, QLatin1Char('0'));
}

// A fault in evaluation times of the range asked: k in [first, end) (k = sample - Lead).
struct TrueEpisode
{
    int node;
    Type type;
    int first;
    int end;
    int unknownFrom = -1; // Ready: Unknown from this k on, False before
};

// The range holds 290 evaluations (k = 0..289): cut in halves, the cuts fall before k = 145,
// 72, 217, 36, 108, ...: faults across them, beginning or ending at them, and of one step.
const std::vector<TrueEpisode> Truth = {
    {0, Ready, 130, 160},
    {1, Ready, 60, 80, 72}, // False, then Unknown from the cut on: one episode, False
    {2, CardLose, 145, 150},
    {3, CardLose, 100, 145},
    {4, MemoryPressure, -Lead, 290}, // began before the range, still going at its end
    {5, Chips, 30, 250},
    {6, Ready, 200, 290},
    {7, CardLose, 143, 144}, // flapping around a cut: three faults
    {7, CardLose, 145, 146},
    {7, CardLose, 147, 148},
    {8, CardLose, 144, 145}, // the last step before a cut
    {9, Ready, 72, 73},      // the first after one
    {10, MemoryPressure, 35, 110},
    {11, Chips, 216, 219},
};

class Fleet
{
public:
    qint64 base = 0; // the first sample's time

    explicit Fleet(qint64 baseSeconds)
        : base(baseSeconds)
    {
        for (auto &types : m_state)
            for (std::vector<char> &s : types)
                s.assign(Samples, 0);
        for (const TrueEpisode &e : Truth)
            for (int k = e.first; k < e.end; ++k)
                m_state[e.node][e.type][k + Lead] =
                    e.type == Ready ? (e.unknownFrom >= 0 && k >= e.unknownFrom ? 'U' : 'F') : 'T';
    }

    qint64 timeOf(int sample) const { return base + qint64(sample) * Scrape; }
    char statusAt(int node, Type type, qint64 t) const
    {
        const qint64 s = (t - base) / Scrape;
        return t < base || s >= Samples ? 0 : m_state[node][type][s];
    }

    // kube-state-metrics' series: every condition with its statuses, the chips' counts.
    QByteArray text(int nodes, int samples) const
    {
        QByteArray out = "# TYPE kube_node_status_condition gauge\n";
        for (int i = 0; i < nodes; ++i) {
            const QByteArray n = nodeName(i).toUtf8();
            for (const Type type : {Ready, CardLose, MemoryPressure}) {
                const char *statuses[] = {"true", "false", "unknown"};
                for (int st = 0; st < (type == Ready ? 3 : 2); ++st) {
                    const QByteArray series = "kube_node_status_condition{node=\"" + n +
                                              "\",condition=\"" + TypeNames[type] + "\",status=\"" +
                                              statuses[st] + "\"} ";
                    const char mine = type == Ready ? "RFU"[st] : "TH"[st];
                    for (int s = 0; s < samples; ++s) {
                        const char state = m_state[i][type][s];
                        const char now = state ? state : (type == Ready ? 'R' : 'H');
                        out += series + (now == mine ? "1 " : "0 ") +
                               QByteArray::number(timeOf(s)) + '\n';
                    }
                }
            }
        }
        for (const char *metric : {"kube_node_status_capacity", "kube_node_status_allocatable"}) {
            out += QByteArray("# TYPE ") + metric + " gauge\n";
            const bool allocatable = QByteArray(metric).endsWith("allocatable");
            for (int i = 0; i < nodes; ++i)
                for (int s = 0; s < samples; ++s)
                    out += QByteArray(metric) + "{node=\"" + nodeName(i).toUtf8() +
                           "\",resource=\"huawei_com_ascend_910\",unit=\"integer\"} " +
                           (allocatable && m_state[i][Chips][s] ? "6 " : "8 ") +
                           QByteArray::number(timeOf(s)) + '\n';
        }
        return out + "# EOF\n";
    }

private:
    std::array<std::array<std::vector<char>, TypeCount>, Nodes> m_state;
};

QString describe(const FaultEpisode &e)
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6/%7")
        .arg(e.node, e.type, e.status.isEmpty() ? str("-") : e.status,
             e.since.toUTC().toString(Qt::ISODate),
             e.ended ? e.until.toUTC().toString(Qt::ISODate) : str("open"))
        .arg(e.acceleratorsOk)
        .arg(e.acceleratorsTotal);
}

QStringList described(const PrometheusEpisodes &r)
{
    QStringList out;
    for (const FaultEpisode &e : r.episodes)
        out << describe(e);
    out.sort();
    return out;
}

PrometheusEpisodes wait(QFuture<PrometheusEpisodes> f)
{
    if (!QTest::qWaitFor([&] { return f.isFinished(); }, 20000))
        return {};
    return f.result();
}

} // namespace

class TestPrometheusSplit : public QObject
{
    Q_OBJECT

private:
    TestPrometheus m_prometheus;
    std::unique_ptr<Fleet> m_fleet;
    QDateTime m_from; // unaligned to the samples: 7 s after one
    QDateTime m_to;
    int m_fullQueries = 0;

    std::unique_ptr<PrometheusHistory> history() const
    {
        return std::make_unique<PrometheusHistory>(
            kube::PrometheusEndpoint::fromUrl(m_prometheus.url()), models::Taxonomy::builtIn());
    }

    // One episode per run of faulty evaluation times from + k * Scrape of a node and type.
    QStringList expected(const std::function<bool(Type)> &which) const
    {
        QStringList out;
        for (int n = 0; n < Nodes; ++n) {
            for (int ty = 0; ty < TypeCount; ++ty) {
                const Type type = Type(ty);
                if (!which(type))
                    continue;
                FaultEpisode x;
                bool open = false;
                for (qint64 t = m_from.toSecsSinceEpoch(); t <= m_to.toSecsSinceEpoch();
                     t += Scrape) {
                    const char status = m_fleet->statusAt(n, type, t);
                    if (status && !open) {
                        open = true;
                        x = {};
                        x.node = nodeName(n);
                        x.type = str(TypeNames[type]);
                        x.status = type == Chips   ? QString()
                                   : status == 'F' ? str("False")
                                   : status == 'U' ? str("Unknown")
                                                   : str("True");
                        if (type == Chips) {
                            x.acceleratorsOk = 6;
                            x.acceleratorsTotal = 8;
                        }
                        x.since = QDateTime::fromSecsSinceEpoch(t, Qt::UTC);
                    } else if (!status && open) {
                        open = false;
                        x.ended = true;
                        x.until = QDateTime::fromSecsSinceEpoch(t, Qt::UTC);
                        out << describe(x);
                    }
                }
                if (open)
                    out << describe(x);
            }
        }
        out.sort();
        return out;
    }

private slots:
    void initTestCase()
    {
        // Five hours ending an hour ago, from a 2 h boundary (promtool's block).
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        m_fleet = std::make_unique<Fleet>((now - 6 * 3600) / 7200 * 7200);
        QVERIFY2(m_prometheus.backfill(m_fleet->text(Nodes, Samples)),
                 qPrintable(m_prometheus.errorString()));
        m_prometheus.setExtraArguments({QStringLiteral("--query.max-samples=%1").arg(MaxSamples)});
        QVERIFY2(m_prometheus.start(), qPrintable(m_prometheus.errorString()));
        m_from = QDateTime::fromSecsSinceEpoch(m_fleet->timeOf(Lead) + 7, Qt::UTC);
        m_to = QDateTime::fromSecsSinceEpoch(m_fleet->timeOf(Samples - 1) + 30, Qt::UTC);
        QCOMPARE(m_from.secsTo(m_to) / Scrape + 1, 290);
        QCOMPARE(expected([](Type) { return true; }).size(), int(Truth.size()));
    }

    void refusedWhenNotCut()
    {
        auto h = history();
        h->setSplitting(false);
        const PrometheusEpisodes r = wait(h->fleetEpisodes(str("Ready"), m_from, m_to, Scrape));
        QVERIFY(!r.ok());
        QCOMPARE(r.error.code, 422);
        QVERIFY2(PrometheusHistory::isTooManySamples(r.error), qPrintable(r.error.message));
        QCOMPARE(r.queries, 1);
        QCOMPARE(r.refused, 0);
        QVERIFY(r.episodes.empty());
        // Which query, which range, which limit and how to raise it.
        QVERIFY2(r.errorText.contains(str("read the fleet's Ready faults")),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(m_from.toString(Qt::ISODate)), qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(m_to.toString(Qt::ISODate)), qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(str("--query.max-samples")), qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(str("too many samples")), qPrintable(r.errorText));
    }

    void cutInHalvesWhenRefused()
    {
        auto h = history();
        QFuture<PrometheusEpisodes> f = h->allFleetEpisodes(m_from, m_to, Scrape);
        const PrometheusEpisodes r = wait(f);
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        qInfo("%d requests, %d slices, %d refused, %lld bytes", r.queries, r.slices, r.refused,
              r.bytes);
        QCOMPARE(described(r), expected([](Type) { return true; }));
        QCOMPARE(r.episodes.size(), Truth.size()); // each fault once
        QVERIFY(r.refused >= 3);                   // Ready at least down to quarters
        QCOMPARE(r.queries, r.slices + r.refused);
        // The progress range counts the slices, refused ones cut included. (Its value read back
        // here is 0 on Qt 6.4 after the range grew; not asserted, see docs/performance.md.)
        QCOMPARE(f.progressMaximum(), r.slices);
        m_fullQueries = r.queries;
    }

    void cutBeforehandFromTheNodeCount()
    {
        auto h = history();
        h->setExpectedNodes(Nodes);
        h->setSampleBudget(MaxSamples);
        const PrometheusEpisodes r = wait(h->allFleetEpisodes(m_from, m_to, Scrape));
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        qInfo("%d requests, %d slices, %d refused", r.queries, r.slices, r.refused);
        QCOMPARE(r.refused, 0); // nothing asked that the server refuses
        QVERIFY(r.slices > r.queries / 2);
        QCOMPARE(described(r), expected([](Type) { return true; }));
    }

    void oneStepStillTooMany()
    {
        // A Prometheus that will not hold the 80 Ready series of one evaluation.
        TestPrometheus tiny;
        QVERIFY2(tiny.backfill(m_fleet->text(Nodes, 30)), qPrintable(tiny.errorString()));
        tiny.setExtraArguments({str("--query.max-samples=50")});
        QVERIFY2(tiny.start(), qPrintable(tiny.errorString()));
        PrometheusHistory h(kube::PrometheusEndpoint::fromUrl(tiny.url()),
                            models::Taxonomy::builtIn());
        const QDateTime from = QDateTime::fromSecsSinceEpoch(m_fleet->timeOf(2), Qt::UTC);
        const QDateTime to = from.addSecs(15 * Scrape); // 16 steps: 8, 4, 2, 1
        const PrometheusEpisodes r = wait(h.fleetEpisodes(str("Ready"), from, to, Scrape));
        QVERIFY(!r.ok());
        QVERIFY(PrometheusHistory::isTooManySamples(r.error));
        QVERIFY(r.refused >= 4); // 16 steps, 8, 4, 2, 1 (and halves in flight beside them)
        QVERIFY(r.queries > r.refused);
        QVERIFY2(r.errorText.contains(str("single step")), qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(str("--query.max-samples")), qPrintable(r.errorText));
        // The slice refused: one evaluation time of the range asked.
        QVERIFY2(r.errorText.contains(str("at a step of 60 s")), qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(str("read the fleet's Ready faults")),
                 qPrintable(r.errorText));
    }

    void cancelStopsTheSlicesNotAsked()
    {
        QVERIFY(m_fullQueries > 0);
        auto h = history();
        QFuture<PrometheusEpisodes> f = h->allFleetEpisodes(m_from, m_to, Scrape);
        QFutureWatcher<PrometheusEpisodes> watcher;
        // At the first slice answered: the next ones are in flight, the rest not asked.
        connect(&watcher, &QFutureWatcher<PrometheusEpisodes>::progressValueChanged, h.get(),
                [&](int done) {
                    if (done > 0)
                        h->cancel();
                });
        watcher.setFuture(f);
        const PrometheusEpisodes r = wait(f);
        QVERIFY(f.isFinished());
        QCOMPARE(r.error.kind, kube::ApiError::Kind::Cancelled);
        QVERIFY2(r.queries < m_fullQueries / 2,
                 qPrintable(QStringLiteral("%1 of %2").arg(r.queries).arg(m_fullQueries)));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusSplit)
#include "tst_prometheussplit.moc"

// Timed runs for docs/performance-models.md: classifying and storing a large initial sync, the
// fault history's first and repeated sync, its write throughput and its queries. Sizes come
// from FAULTBOARD_BENCH_NODES (default 2000, small enough for CI) and
// FAULTBOARD_BENCH_ROUNDS (default 10). Figures are printed; the assertions check correctness.

#include "HistoryTestSupport.h"

#include "models/FaultHistory.h"
#include "models/FaultSummaryModel.h"
#include "models/NodeFilterProxyModel.h"
#include "models/NodeGridModel.h"
#include "models/Taxonomy.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <ctime>
#include <optional>

using namespace models;
using namespace testsupport;

namespace {

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

const char *const kNpuChecks[] = {
    "NT_NPU_DEVICE",    "NT_NPU_NET",       "NT_NPU_CARD_LOSE",           "NT_NPU_OTHER",
    "NT_NPU_ECC_COUNT", "NT_NET_NTP_CHECK", "NT_KUBE_DISK_READONLY_CHECK"};

// A node shaped like a ModelArts NPU node: 12 conditions, 12 labels, 6 resources; one in a
// hundred has a fault, one in two hundred lost chips.
kube::NodePtr benchNode(int i, int rv = 1, int flip = -1)
{
    auto n = std::make_shared<kube::Node>();
    n->name = QStringLiteral("npu-%1").arg(i, 5, 10, QLatin1Char('0'));
    n->uid = QStringLiteral("uid-%1").arg(i);
    n->resourceVersion = QString::number(rv);
    n->creationTimestamp = at(-86400 * 30);
    const QDateTime since = at(-3600);
    n->conditions.push_back({QStringLiteral("Ready"),
                             i % 500 == 7 ? QStringLiteral("Unknown") : QStringLiteral("True"),
                             QStringLiteral("KubeletReady"),
                             QStringLiteral("kubelet is posting ready status"), since, since});
    for (const char *p : {"MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable"})
        n->conditions.push_back(
            {QLatin1String(p), QStringLiteral("False"), QStringLiteral("Fine"), {}, since, since});
    for (int c = 0; c < 7; ++c) {
        bool bad = i % 100 == 3 && c == i % 7;
        if (flip == c)
            bad = rv % 2 == 0;
        n->conditions.push_back({QLatin1String(kNpuChecks[c]),
                                 bad ? QStringLiteral("True") : QStringLiteral("False"),
                                 QStringLiteral("os_task_name:check"),
                                 bad ? QStringLiteral("fault") : QStringLiteral("ok"),
                                 flip == c ? at(rv) : since, since});
    }
    const int rack = i / 8;
    n->labels.insert(QStringLiteral("kubernetes.io/hostname"), n->name);
    n->labels.insert(QStringLiteral("kubernetes.io/arch"), QStringLiteral("arm64"));
    n->labels.insert(QStringLiteral("kubernetes.io/os"), QStringLiteral("linux"));
    n->labels.insert(QStringLiteral("node.kubernetes.io/instance-type"),
                     QStringLiteral("modelarts.kat1.8xlarge"));
    n->labels.insert(QStringLiteral("topology.kubernetes.io/zone"),
                     QStringLiteral("cn-north-4%1").arg(QChar(u'a' + rack % 3)));
    n->labels.insert(QStringLiteral("topology.kubernetes.io/region"), QStringLiteral("cn-north-4"));
    n->labels.insert(QStringLiteral("pool"), QStringLiteral("npu-910b-%1").arg(i / 4096));
    n->labels.insert(QStringLiteral("rack"),
                     QStringLiteral("r%1").arg(rack, 4, 10, QLatin1Char('0')));
    n->labels.insert(QStringLiteral("accelerator"), QStringLiteral("ascend-910b"));
    n->labels.insert(QStringLiteral("os.architecture"), QStringLiteral("arm64"));
    n->labels.insert(QStringLiteral("cce.cloud.com/cce-nodepool"),
                     QStringLiteral("pool-%1").arg(i / 4096));
    n->labels.insert(QStringLiteral("node.cce.io/billing-mode"), QStringLiteral("post-paid"));
    const QString chips = QStringLiteral("8");
    for (const auto &[k, v] : {std::pair{"cpu", "192"},
                               {"memory", "1536Gi"},
                               {"pods", "110"},
                               {"ephemeral-storage", "3Ti"},
                               {"hugepages-2Mi", "0"}})
        n->capacity.insert(QLatin1String(k), QLatin1String(v)),
            n->allocatable.insert(QLatin1String(k), QLatin1String(v));
    n->capacity.insert(QStringLiteral("huawei.com/ascend-910"), chips);
    n->allocatable.insert(QStringLiteral("huawei.com/ascend-910"),
                          i % 200 == 11 ? QStringLiteral("6") : chips);
    return n;
}

std::vector<kube::DeltaBatch> initialList(int nodes, int pageSize = 500)
{
    std::vector<kube::DeltaBatch> pages;
    for (int i = 0; i < nodes; i += pageSize) {
        kube::DeltaBatch page;
        for (int j = i; j < std::min(nodes, i + pageSize); ++j)
            page.push_back({kube::Delta::Type::Added, benchNode(j)});
        pages.push_back(std::move(page));
    }
    return pages;
}

// CPU time of the whole process (all threads), in ms: the machine may be shared, so wall
// time alone overstates the cost.
double cpuMs()
{
    return double(std::clock()) * 1000.0 / CLOCKS_PER_SEC;
}

// CPU time of the calling thread only, in ms: what the GUI thread itself spent, whatever
// else the shared machine was running.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

double perSecond(qint64 count, qint64 ns)
{
    return ns > 0 ? double(count) * 1e9 / double(ns) : 0;
}

} // namespace

class TestModelsBench : public QObject
{
    Q_OBJECT

    const int m_nodes = envInt("FAULTBOARD_BENCH_NODES", 2000);
    const int m_rounds = envInt("FAULTBOARD_BENCH_ROUNDS", 10);

private slots:
    void initTestCase() { qInfo("nodes: %d, rounds: %d", m_nodes, m_rounds); }

    void initialSyncClassifyAndStore()
    {
        const auto pages = initialList(m_nodes);
        NodeStore store{Classifier(Taxonomy::builtIn())};
        NodeGridModel grid(&store);
        FaultSummaryModel summary(&store);
        QElapsedTimer t;
        const double cpu0 = cpuMs();
        t.start();
        for (const kube::DeltaBatch &page : pages)
            store.applyDeltas(page);
        const qint64 applied = t.nsecsElapsed();
        grid.flushPendingChanges();
        summary.flushPendingChanges();
        const qint64 total = t.nsecsElapsed();
        const double cpu = cpuMs() - cpu0;
        QCOMPARE(store.size(), m_nodes);
        QVERIFY(store.faultyCount() > 0);
        qInfo("initial sync of %d nodes: classify + store %.1f ms (%.2f us/node), with grid and "
              "summary models %.1f ms "
              "(cpu %.1f ms)",
              m_nodes, applied / 1e6, applied / 1e3 / m_nodes, total / 1e6, cpu);

        // Classification alone, for reference.
        const Classifier c(Taxonomy::builtIn());
        int faulty = 0;
        t.restart();
        for (const kube::DeltaBatch &page : pages)
            for (const kube::Delta &d : page)
                faulty += c.classify(static_cast<const kube::Node &>(*d.object)).isFaulty();
        const qint64 classify = t.nsecsElapsed();
        QCOMPARE(faulty, store.faultyCount());
        qInfo("classify only: %.1f ms (%.2f us/node)", classify / 1e6, classify / 1e3 / m_nodes);
    }

    void massDeletionInOneRelist_data()
    {
        QTest::addColumn<int>("listeners");
        QTest::newRow("store alone") << 0;
        QTest::newRow("store, grid, summary") << 1;
        QTest::newRow("store, grid, summary, 2 filter proxies") << 2;
    }

    void massDeletionInOneRelist()
    {
        // A relist finds 10,000 of 65,000 nodes gone (scaled to FAULTBOARD_BENCH_NODES): the
        // informer hands the deletions over as one batch. The GUI thread applies it to the store
        // and whatever listens; each step below runs on the GUI thread without returning to the
        // event loop, so the longest one is the stall.
        QFETCH(int, listeners);
        NodeStore store{Classifier(Taxonomy::builtIn())};
        std::optional<NodeGridModel> grid;
        std::optional<FaultSummaryModel> summary;
        std::optional<NodeFilterProxyModel> all;
        std::optional<NodeFilterProxyModel> faulty;
        if (listeners >= 1) {
            grid.emplace(&store);
            summary.emplace(&store);
        }
        if (listeners >= 2) {
            all.emplace();
            all->setSourceModel(&*grid);
            faulty.emplace();
            faulty->setSourceModel(&*grid);
            faulty->setMinimumSeverity(Severity::Minor);
        }
        for (const kube::DeltaBatch &page : initialList(m_nodes))
            store.applyDeltas(page);
        if (grid) {
            grid->flushPendingChanges();
            summary->flushPendingChanges();
        }

        // Scattered over the fleet, as nodes of many pools going at once would be.
        const int toDelete = m_nodes * 10 / 65;
        auto gone = std::make_unique<kube::DeltaBatch>();
        QSet<int> chosen;
        quint32 seed = 12345;
        while (int(chosen.size()) < toDelete) {
            seed = seed * 1103515245u + 12345u;
            chosen.insert(int((seed >> 8) % quint32(m_nodes)));
        }
        // The informer hands over the very objects the store holds (its cache's).
        for (int i : std::as_const(chosen))
            gone->push_back(
                {kube::Delta::Type::Deleted,
                 store.find(QStringLiteral("npu-%1").arg(i, 5, 10, QLatin1Char('0')))->node});

        QElapsedTimer t;
        const double cpu0 = threadCpuMs();
        t.start();
        store.applyDeltas(*gone);
        const qint64 apply = t.nsecsElapsed();
        const double applyCpu = threadCpuMs() - cpu0;
        // As the informer does after emitting: its batch is freed on a pool thread.
        QThreadPool::globalInstance()->start([dead = gone.release()] { delete dead; });
        t.restart();
        if (grid) {
            grid->flushPendingChanges();
        }
        const qint64 gridFlush = t.nsecsElapsed();
        t.restart();
        if (summary)
            summary->flushPendingChanges();
        const qint64 summaryFlush = t.nsecsElapsed();
        QCOMPARE(store.size(), m_nodes - toDelete);
        if (all) {
            QCOMPARE(all->rowCount(), m_nodes - toDelete);
            QCOMPARE(faulty->rowCount(), store.faultyCount());
        }
        qInfo("%d of %d nodes deleted in one batch: apply %.1f ms (thread cpu %.1f ms), grid "
              "flush %.1f ms, summary flush %.1f ms; longest GUI-thread stall %.1f ms",
              toDelete, m_nodes, apply / 1e6, applyCpu, gridFlush / 1e6, summaryFlush / 1e6,
              std::max({apply, gridFlush, summaryFlush}) / 1e6);
    }

    void initialSyncWithHistory()
    {
        const auto pages = initialList(m_nodes);
        QTemporaryDir dir;
        FaultHistory::Options o;
        o.path = dir.filePath(QStringLiteral("bench.sqlite"));
        qint64 firstTransitions = 0;
        for (int run = 0; run < 2; ++run) {
            NodeStore store{Classifier(Taxonomy::builtIn())};
            FaultHistory history(Classifier(Taxonomy::builtIn()), o);
            QElapsedTimer t;
            double cpu0 = cpuMs();
            t.start();
            QSignalSpy opened(&history, &FaultHistory::opened);
            history.open();
            QVERIFY(opened.wait(60000));
            const qint64 openNs = t.nsecsElapsed();
            connect(&store, &NodeStore::nodesChanged, &history, &FaultHistory::recordChanges);
            qint64 commits = 0;
            connect(&history, &FaultHistory::written, this, [&] { ++commits; });
            const double openCpu = cpuMs() - cpu0;
            cpu0 = cpuMs();
            t.restart();
            for (const kube::DeltaBatch &page : pages)
                store.applyDeltas(page);
            const qint64 guiNs = t.nsecsElapsed();
            QVERIFY(await(history.flush()).ok());
            const qint64 doneNs = t.nsecsElapsed();
            const double syncCpu = cpuMs() - cpu0;
            const qint64 transitions = await(history.count(QStringLiteral("transitions"))).value;
            const qint64 nodeEvents = await(history.count(QStringLiteral("node_events"))).value;
            QCOMPARE(nodeEvents, m_nodes);
            if (run == 0) {
                firstTransitions = transitions;
                QVERIFY(transitions > 0);
            } else {
                QCOMPARE(transitions, firstTransitions); // a restart adds nothing
            }
            qInfo("%s sync of %d nodes with history: open %.1f ms (cpu %.1f); GUI thread %.1f ms; "
                  "history written "
                  "after %.1f ms (cpu %.1f, all threads) in %lld commits (%lld transitions, %lld "
                  "node events)",
                  run == 0 ? "first" : "repeated", m_nodes, openNs / 1e6, openCpu, guiNs / 1e6,
                  doneNs / 1e6, syncCpu, commits, transitions, nodeEvents);
        }
        qInfo("file size %.1f MB", QFileInfo(o.path).size() / 1e6);
    }

    void historyWriteThroughput_data()
    {
        QTest::addColumn<int>("sync");
        QTest::newRow("synchronous=FULL") << int(HistoryDatabase::Synchronous::Full);
        QTest::newRow("synchronous=NORMAL") << int(HistoryDatabase::Synchronous::Normal);
    }

    void historyWriteThroughput()
    {
        QFETCH(int, sync);
        const int nodes = 1000;
        QTemporaryDir dir;
        FaultHistory::Options o;
        o.path = dir.filePath(QStringLiteral("throughput.sqlite"));
        o.synchronous = HistoryDatabase::Synchronous(sync);
        FaultHistory history(Classifier(Taxonomy::builtIn()), o);
        QSignalSpy opened(&history, &FaultHistory::opened);
        history.open();
        QVERIFY(opened.wait(20000));
        std::vector<NodeChange> first;
        for (int i = 0; i < nodes; ++i)
            first.push_back({nullptr, benchNode(i)});
        history.recordChanges(first);
        QVERIFY(await(history.flush()).ok());
        const qint64 before = await(history.count(QStringLiteral("transitions"))).value;

        // Watch-sized batches (100 changes) as fast as they come: each round flips one NPU check on
        // every node.
        std::vector<std::vector<NodeChange>> batches;
        for (int r = 0; r < m_rounds; ++r) {
            for (int b = 0; b < nodes; b += 100) {
                std::vector<NodeChange> batch;
                for (int i = b; i < b + 100; ++i)
                    batch.push_back({nullptr, benchNode(i, r + 2, 1)});
                batches.push_back(std::move(batch));
            }
        }
        qint64 commits = 0;
        connect(&history, &FaultHistory::written, this, [&] { ++commits; });
        QElapsedTimer t;
        const double cpu0 = cpuMs();
        t.start();
        for (const auto &batch : batches)
            history.recordChanges(batch);
        const qint64 queuedNs = t.nsecsElapsed();
        QVERIFY(await(history.flush()).ok());
        const qint64 ns = t.nsecsElapsed();
        const double cpu = cpuMs() - cpu0;
        const qint64 written = await(history.count(QStringLiteral("transitions"))).value - before;
        QCOMPARE(written, qint64(nodes) * m_rounds);
        qInfo("%lld transitions in %.1f ms (cpu %.1f ms): %.0f transitions/s wall, %.0f per cpu "
              "second; %lld commits "
              "(queued on the GUI thread in %.1f ms)",
              written, ns / 1e6, cpu, perSecond(written, ns),
              cpu > 0 ? written * 1000.0 / cpu : 0.0, commits, queuedNs / 1e6);

        // One commit per watch batch, waited for each time: the worst case of a slow trickle.
        commits = 0;
        const double trickleCpu0 = cpuMs();
        t.restart();
        const int trickle = 50;
        for (int b = 0; b < trickle; ++b) {
            std::vector<NodeChange> batch;
            for (int i = 0; i < 20; ++i)
                batch.push_back({nullptr, benchNode(b * 20 + i, m_rounds + 2, 1)});
            history.recordChanges(batch);
            QVERIFY(await(history.flush()).ok());
        }
        const qint64 trickleNs = t.nsecsElapsed();
        qInfo("trickle: %d commits of 20 transitions in %.1f ms (cpu %.1f ms): %.2f ms per commit",
              trickle, trickleNs / 1e6, cpuMs() - trickleCpu0, trickleNs / 1e6 / trickle);

        // Queries on what was written.
        t.restart();
        const auto stats = await(history.faultStats({}, {}));
        const qint64 statsNs = t.nsecsElapsed();
        QVERIFY(stats.ok() && !stats.value.empty());
        t.restart();
        const auto top = await(history.topNodes({}, {}, 20));
        const qint64 topNs = t.nsecsElapsed();
        t.restart();
        const auto episodes = await(history.episodes({}, {}));
        const qint64 episodesNs = t.nsecsElapsed();
        t.restart();
        const auto timeline = await(history.timeline(QStringLiteral("npu-00010")));
        const qint64 timelineNs = t.nsecsElapsed();
        QVERIFY(top.ok() && episodes.ok() && timeline.ok() && !timeline.value.empty());
        qInfo("queries over %lld transitions: fault stats %.1f ms, top nodes %.1f ms, %zu episodes "
              "%.1f ms, "
              "one node's timeline (%zu events) %.1f ms",
              before + written, statsNs / 1e6, topNs / 1e6, episodes.value.size(), episodesNs / 1e6,
              timeline.value.size(), timelineNs / 1e6);
    }
};

QTEST_MAIN(TestModelsBench)
#include "tst_modelsbench.moc"

// Responsiveness of the whole window on a large fleet: initial sync, grid paint, and a fault
// storm, with the GUI thread's longest stall measured throughout. ctest runs it on a few thousand
// nodes; the 65,000-node figures in docs/performance.md come from
//   FAULTBOARD_FLEET_NODES=65000 ./build/bin/tst_fleet

#include "models/ClusterSession.h"
#include "models/HeapTrim.h"
#include "models/Taxonomy.h"
#include "tests/common/TestCluster.h"
#include "tests/common/TestSettings.h"
#include "ui/ClusterView.h"
#include "ui/MainWindow.h"
#include "ui/NodeGridView.h"
#include "ui/StallWatch.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>

namespace {

// Resident memory of this process in bytes (VmRSS), or -1.
qint64 residentBytes()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    return -1;
}

// Issue #15's bound: the window holds 65,000 nodes in at most 250 MB, so what a node adds to the
// process once synced (and the heap trimmed) is at most 250 MB / 65,000.
constexpr double MaxBytesPerNode = 250.0 * 1000 * 1000 / 65000;

// Peak and current resident memory of this process (the dashboard side only; kubesim is apart).
QString memory()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    QStringList out;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM") || line.startsWith("VmRSS"))
            out << QString::fromLatin1(line.simplified());
    return out.join(QLatin1String(", "));
}

int fleetSize()
{
    const int n = qEnvironmentVariableIntValue("FAULTBOARD_FLEET_NODES");
    return n > 0 ? n : 6000;
}

} // namespace

class TestFleet : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(useTestSettings()); }

    void syncPaintAndStorm()
    {
        const int nodes = fleetSize();
        TestCluster cluster(
            {QStringLiteral("--paused"), QStringLiteral("--nodes"), QString::number(nodes)});
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));

        // The reference for benchmark runs: kubectl listing every node (in pages of 500, decoding
        // each fully) against the same server in the same run. ctest's small run leaves it out:
        // kubectl needs about 4 ms per node.
        qint64 kubectlMs = -1;
        if (qEnvironmentVariableIsSet("FAULTBOARD_FLEET_NODES")) {
            QTemporaryDir cache;
            QProcess kubectl;
            kubectl.setStandardOutputFile(QProcess::nullDevice());
            QElapsedTimer kubectlTimer;
            kubectlTimer.start();
            kubectl.start(QStringLiteral("kubectl"),
                          {QStringLiteral("--kubeconfig"), cluster.kubeconfigPath(),
                           QStringLiteral("--cache-dir"), cache.path(), QStringLiteral("get"),
                           QStringLiteral("nodes"), QStringLiteral("--chunk-size=500"),
                           QStringLiteral("-o"), QStringLiteral("json")});
            QVERIFY2(kubectl.waitForFinished(600000), "kubectl did not finish");
            QCOMPARE(kubectl.exitCode(), 0);
            kubectlMs = kubectlTimer.elapsed();
        }

        ui::MainWindow window{models::Classifier(models::Taxonomy::builtIn())};
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // What a node costs is measured beyond what any open cluster costs (TLS, the history's
        // database, the session's threads and caches): a small cluster is open first.
        TestCluster small({QStringLiteral("--paused"), QStringLiteral("--nodes"),
                           QStringLiteral("200")});
        QVERIFY2(small.start(), qPrintable(small.errorString()));
        {
            ui::ClusterView *smallView = window.openCluster(small.endpoint());
            QSignalSpy smallSynced(smallView->session(), &models::ClusterSession::synced);
            QVERIFY(smallSynced.wait(60000));
        }
        models::releaseFreeHeap();
        const qint64 beforeBytes = residentBytes();
        const long long beforeHeap = models::heapInUseBytes();
        QVERIFY(beforeBytes > 0);
        QVERIFY(beforeHeap > 0);
        ui::StallWatch stalls;
        stalls.start();
        QElapsedTimer sync;
        sync.start();
        ui::ClusterView *view = window.openCluster(cluster.endpoint());
        models::ClusterSession *session = view->session();
        QSignalSpy synced(session, &models::ClusterSession::synced);
        QVERIFY(synced.wait(300000));
        const qint64 syncMs = sync.elapsed();
        const double syncStallMs = stalls.longestMs();
        QCOMPARE(session->store()->size(), nodes);
        // What the fleet costs once synced and the list's transient memory is given back: once
        // the history's thread has recorded the list too (its flush is answered after every
        // change queued before it), the heap trimmed as the session does 2 s after a sync.
        QVERIFY(session->history());
        QFutureWatcher<models::HistoryResult<bool>> flushed;
        QSignalSpy flushDone(&flushed, &QFutureWatcherBase::finished);
        flushed.setFuture(session->history()->flush());
        QVERIFY(flushDone.wait(240000));
        QVERIFY2(flushed.result().ok(), qPrintable(flushed.result().error));
        // Resident memory also holds what the allocator keeps freed (a few hundred bytes a node
        // here, varying from run to run); the live heap is what the nodes themselves cost.
        models::releaseFreeHeap();
        const double syncedBytesPerNode = double(residentBytes() - beforeBytes) / nodes;
        const double heapBytesPerNode = double(models::heapInUseBytes() - beforeHeap) / nodes;
        QVERIFY2(heapBytesPerNode <= MaxBytesPerNode,
                 qPrintable(QStringLiteral("%1 bytes of heap a node, at most %2")
                                .arg(heapBytesPerNode, 0, 'f', 0)
                                .arg(MaxBytesPerNode, 0, 'f', 0)));

        // Paint: the whole visible grid, repeatedly, at the fitted size and at the smallest.
        ui::NodeGridView *grid = view->grid();
        auto paintMs = [&] {
            std::vector<double> samples;
            for (int i = 0; i < 15; ++i) {
                grid->viewport()->repaint();
                samples.push_back(grid->lastPaintNanoseconds() / 1e6);
            }
            std::sort(samples.begin(), samples.end());
            return std::pair(samples[samples.size() / 2], samples.back());
        };
        const auto [fitMedian, fitMax] = paintMs();
        const int fitSize = grid->tileSize();
        grid->setTileSize(ui::NodeGridView::MinTileSize);
        const auto [smallMedian, smallMax] = paintMs();

        // Storm: a whole pool's zone loses its NPU network at once.
        int stormNodes = 0;
        for (int r = 0; r < session->store()->size(); ++r) {
            const kube::Node &n = *session->store()->at(r).node;
            if (n.labels.value(QStringLiteral("pool")) == QLatin1String("npu-910b") &&
                n.labels.value(QStringLiteral("topology.kubernetes.io/zone")) ==
                    QLatin1String("cn-north-4c"))
                ++stormNodes;
        }
        QVERIFY(stormNodes > 0);
        stalls.start();
        QElapsedTimer storm;
        storm.start();
        QVERIFY(cluster.control(
            QStringLiteral("inject"),
            R"({"storm":{"pool":"npu-910b","zone":"cn-north-4c","condition":{"type":"NT_NPU_NET","status":"True","reason":"os_task_name:npu-net","message":"link down"}}})"));
        QTRY_COMPARE_WITH_TIMEOUT(session->store()->count(models::Severity::Major), stormNodes,
                                  300000);
        const qint64 stormMs = storm.elapsed();
        const double stormStallMs = stalls.longestMs();

        qInfo("FLEET nodes=%d sync_ms=%lld sync_longest_stall_ms=%.1f "
              "kubectl_get_nodes_json_ms=%lld ratio=%.2f",
              nodes, syncMs, syncStallMs, kubectlMs,
              kubectlMs > 0 ? double(syncMs) / double(kubectlMs) : 0.0);
        qInfo("FLEET paint fit(tile=%dpx) median_ms=%.2f max_ms=%.2f; tile=%dpx median_ms=%.2f "
              "max_ms=%.2f",
              fitSize, fitMedian, fitMax, ui::NodeGridView::MinTileSize, smallMedian, smallMax);
        qInfo("FLEET storm nodes=%d visible_after_ms=%lld longest_stall_ms=%.1f", stormNodes,
              stormMs, stormStallMs);
        qInfo("FLEET memory %s; a node once synced: %.0f bytes of heap (at most %.0f), %.0f "
              "resident",
              qPrintable(memory()), heapBytesPerNode, MaxBytesPerNode, syncedBytesPerNode);
    }
};

QTEST_MAIN(TestFleet)
#include "tst_fleet.moc"

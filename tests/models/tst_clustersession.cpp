// The fault history wired into a real session: kubesim over TLS, the informer's list, watch and
// relist, a restart of Faultboard while the cluster keeps changing.

#include "HistoryTestSupport.h"

#include "models/ClusterSession.h"
#include "models/HistoryDatabase.h"
#include "models/Taxonomy.h"
#include "tests/common/TestCluster.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace models;
using namespace testsupport;

namespace {

std::vector<HistoryEvent> events(ClusterSession &s, const char *node, HistoryEvent::Kind kind)
{
    std::vector<HistoryEvent> out;
    for (HistoryEvent &e : await(s.history()->timeline(QLatin1String(node))).value)
        if (e.kind == kind)
            out.push_back(std::move(e));
    return out;
}

Severity severityOf(ClusterSession &s, const char *node)
{
    const NodeRecord *r = s.store()->find(QLatin1String(node));
    return r ? r->health.worst : Severity(-1);
}

} // namespace

class TestClusterSession : public QObject
{
    Q_OBJECT

private slots:
    void historyAcrossRelistAndRestart()
    {
        TestCluster cluster({QStringLiteral("--paused")});
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
        QTemporaryDir dir;
        ClusterSession::Options options;
        options.history.path = dir.filePath(QStringLiteral("history.sqlite"));
        const Classifier classifier(Taxonomy::builtIn());
        using Kind = HistoryEvent::Kind;

        auto session = std::make_unique<ClusterSession>(cluster.endpoint(), classifier, options);
        QVERIFY(session->history());
        QCOMPARE(session->history()->path(), options.history.path);
        QSignalSpy synced(session.get(), &ClusterSession::synced);
        session->start();
        QVERIFY(synced.wait(20000));
        QVERIFY(await(session->history()->flush()).ok());
        QCOMPARE(await(session->history()->count(QStringLiteral("node_events"))).value, 64);
        const qint64 atStart =
            await(session->history()->count(QStringLiteral("transitions"))).value;

        // A live fault.
        QVERIFY(cluster.setCondition(QStringLiteral("npu-0003"), QStringLiteral("NT_NPU_CARD_LOSE"),
                                     QStringLiteral("True")));
        QTRY_COMPARE_WITH_TIMEOUT(severityOf(*session, "npu-0003"), Severity::Critical, 5000);
        session->recordAction(QStringLiteral("isolate"), QStringLiteral("npu-0003"),
                              QStringLiteral("succeeded"), QStringLiteral("card lost"));
        QVERIFY(await(session->history()->flush()).ok());
        auto t = events(*session, "npu-0003", Kind::Transition);
        QCOMPARE(t.size(), std::size_t(1));
        QCOMPARE(t[0].newStatus, QStringLiteral("True"));
        QVERIFY(t[0].opens);
        QVERIFY(t[0].time.isValid());
        const auto actions = events(*session, "npu-0003", Kind::Action);
        QCOMPARE(actions.size(), std::size_t(1));
        QCOMPARE(actions[0].actor, session->actorName());
        QVERIFY(!actions[0].actor.isEmpty());

        // A relist (the watch stalls, history is compacted, 410): changes made meanwhile are
        // recorded once, the deleted node is recorded as removed, nothing else is added.
        QVERIFY(cluster.control(QStringLiteral("settings"), R"({"pauseWatches":true})"));
        QVERIFY(cluster.setCondition(QStringLiteral("npu-0005"), QStringLiteral("NT_NPU_NET"),
                                     QStringLiteral("True")));
        QVERIFY(cluster.control(QStringLiteral("inject"), R"({"delete":"gpu-0002"})"));
        QVERIFY(cluster.control(QStringLiteral("compact")));
        QVERIFY(cluster.control(QStringLiteral("settings"), R"({"pauseWatches":false})"));
        QVERIFY(cluster.control(QStringLiteral("drop-watches")));
        QVERIFY(synced.wait(20000));
        QCOMPARE(session->nodeInformer()->listCount(), 2);
        QVERIFY(await(session->history()->flush()).ok());
        QCOMPARE(events(*session, "npu-0005", Kind::Transition).size(), std::size_t(1));
        QCOMPARE(events(*session, "gpu-0002", Kind::NodeRemoved).size(), std::size_t(1));
        QCOMPARE(events(*session, "npu-0003", Kind::Transition).size(), std::size_t(1));
        QCOMPARE(await(session->history()->count(QStringLiteral("transitions"))).value,
                 atStart + 2);

        // Faultboard is closed; the cluster goes on.
        session.reset();
        QVERIFY(cluster.setCondition(QStringLiteral("npu-0003"), QStringLiteral("NT_NPU_CARD_LOSE"),
                                     QStringLiteral("False")));
        QVERIFY(cluster.setCondition(QStringLiteral("npu-0007"), QStringLiteral("NT_NPU_OTHER"),
                                     QStringLiteral("True")));
        QVERIFY(cluster.control(QStringLiteral("inject"), R"({"delete":"gpu-0003"})"));

        session = std::make_unique<ClusterSession>(cluster.endpoint(), classifier, options);
        QSignalSpy synced2(session.get(), &ClusterSession::synced);
        session->start();
        QVERIFY(synced2.wait(20000));
        QVERIFY(await(session->history()->flush()).ok());
        t = events(*session, "npu-0003", Kind::Transition);
        QCOMPARE(t.size(), std::size_t(2));
        QCOMPARE(t[1].oldStatus, QStringLiteral("True"));
        QCOMPARE(t[1].newStatus, QStringLiteral("False"));
        QVERIFY(t[1].closes);
        QCOMPARE(events(*session, "npu-0007", Kind::Transition).size(), std::size_t(1));
        QCOMPARE(events(*session, "gpu-0003", Kind::NodeRemoved).size(),
                 std::size_t(1)); // found by reconcile
        QCOMPARE(events(*session, "gpu-0002", Kind::NodeRemoved).size(), std::size_t(1));
        const qint64 transitions =
            await(session->history()->count(QStringLiteral("transitions"))).value;
        const qint64 nodeEvents =
            await(session->history()->count(QStringLiteral("node_events"))).value;
        QCOMPARE(transitions, atStart + 4);
        QCOMPARE(nodeEvents, 64 + 2);

        // Another relist re-delivers every node: only the one real change is new.
        QVERIFY(cluster.control(QStringLiteral("settings"), R"({"pauseWatches":true})"));
        QVERIFY(cluster.setCondition(QStringLiteral("npu-0009"), QStringLiteral("NT_NPU_NET"),
                                     QStringLiteral("True")));
        QVERIFY(cluster.control(QStringLiteral("compact")));
        QVERIFY(cluster.control(QStringLiteral("settings"), R"({"pauseWatches":false})"));
        QVERIFY(cluster.control(QStringLiteral("drop-watches")));
        QVERIFY(synced2.wait(20000));
        QCOMPARE(session->nodeInformer()->listCount(), 2);
        QVERIFY(await(session->history()->flush()).ok());
        QCOMPARE(await(session->history()->count(QStringLiteral("transitions"))).value,
                 transitions + 1);
        QCOMPARE(await(session->history()->count(QStringLiteral("node_events"))).value, nodeEvents);
        QCOMPARE(await(session->history()->run([](HistoryDatabase &db) {
                     return db.integrityCheck();
                 })).value,
                 QStringLiteral("ok"));
    }

    void aBurstInSmallBatchesGivesTheHeapBack()
    {
        // A storm reaches the store in many small batches (the informer reads the watch a piece
        // at a time while events wait to be applied): together they are a burst, and the heap's
        // free pages go back once it is quiet, as after one large batch. One change per node
        // here, each its own watch event.
        TestCluster cluster({QStringLiteral("--paused"), QStringLiteral("--nodes"),
                             QStringLiteral("120")});
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
        ClusterSession::Options options;
        options.recordHistory = false;
        options.trimAfterSyncMs = 0;
        options.trimWhenQuietMs = 200;
        const Classifier classifier(Taxonomy::builtIn());
        ClusterSession session(cluster.endpoint(), classifier, options);
        QSignalSpy synced(&session, &ClusterSession::synced);
        QSignalSpy released(&session, &ClusterSession::freeHeapReleased);
        session.start();
        QVERIFY(synced.wait(20000));
        QVERIFY(released.wait(10000)); // after the sync
        released.clear();

        std::size_t largestBatch = 0;
        int changed = 0;
        connect(session.store(), &NodeStore::nodesChanged, this,
                [&](const std::vector<NodeChange> &changes) {
                    largestBatch = std::max(largestBatch, changes.size());
                    changed += int(changes.size());
                });
        QStringList names;
        for (int i = 0; i < session.store()->size(); ++i)
            names << session.store()->at(i).node->name;
        QCOMPARE(names.size(), 120);
        for (const QString &name : std::as_const(names))
            QVERIFY(cluster.setCondition(name, QStringLiteral("NT_NET_NTP_CHECK"),
                                         QStringLiteral("True")));
        QTRY_COMPARE_WITH_TIMEOUT(changed, 120, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(released.count() >= 1, 10000);
        QVERIFY2(largestBatch < 100, qPrintable(QString::number(largestBatch)));
    }

    void historyCanBeTurnedOff()
    {
        kube::ClusterEndpoint ep;
        ep.contextName = QStringLiteral("nowhere");
        ep.server = QUrl(QStringLiteral("https://127.0.0.1:1"));
        ClusterSession::Options options;
        options.recordHistory = false;
        ClusterSession session(ep, Classifier(Taxonomy::builtIn()), options);
        QVERIFY(!session.history());
        session.recordAction(QStringLiteral("cordon"), QStringLiteral("n"),
                             QStringLiteral("succeeded")); // harmless
    }
};

QTEST_MAIN(TestClusterSession)
#include "tst_clustersession.moc"

// The walking skeleton end to end: kubesim on loopback with TLS, the informer over real sockets,
// the node store and classifier, and a fault injected through the scenario's timeline.

#include "kube/ApiClient.h"
#include "models/ClusterSession.h"
#include "models/Taxonomy.h"
#include "tests/common/TestCluster.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace models;

class TestWalkingSkeleton : public QObject
{
    Q_OBJECT

private:
    static Severity severityOf(ClusterSession &s, const QString &node)
    {
        const NodeRecord *r = s.store()->find(node);
        return r ? r->health.worst : Severity(-1);
    }

private slots:
    void injectedFaultReachesTheModel()
    {
        TestCluster cluster({QStringLiteral("--paused")});
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
        ClusterSession session(cluster.endpoint(), Classifier(Taxonomy::builtIn()));
        QSignalSpy synced(&session, &ClusterSession::synced);
        session.start();
        QVERIFY(synced.wait(20000));
        QCOMPARE(session.store()->size(), 64); // the demo scenario's nodes
        QCOMPARE(severityOf(session, QStringLiteral("npu-0003")), Severity::Healthy);

        QElapsedTimer t;
        t.start();
        QVERIFY(cluster.setCondition(QStringLiteral("npu-0003"), QStringLiteral("NT_NPU_CARD_LOSE"), QStringLiteral("True")));
        QTRY_COMPARE_WITH_TIMEOUT(severityOf(session, QStringLiteral("npu-0003")), Severity::Critical, 2000);
        qInfo("fault visible in the model %lld ms after injection", t.elapsed());
        QCOMPARE(session.store()->count(Severity::Critical), 1);
        const QModelIndex idx = session.gridModel()->indexOf(QStringLiteral("npu-0003"));
        QTRY_COMPARE(idx.data(NodeGridModel::SeverityRole).toInt(), int(Severity::Critical));

        QVERIFY(cluster.setCondition(QStringLiteral("npu-0003"), QStringLiteral("NT_NPU_CARD_LOSE"), QStringLiteral("False")));
        QTRY_COMPARE_WITH_TIMEOUT(severityOf(session, QStringLiteral("npu-0003")), Severity::Healthy, 2000);
    }

    void scenarioTimelinePlaysFaults()
    {
        // A scenario whose timeline sets a fault 3 s after start and clears it 3 s later.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"name":"t","cluster":{"pools":[{"name":"p","prefix":"gpu","count":4,"accelerator":{"resource":"nvidia.com/gpu","count":8}}]},
                   "timeline":[{"at":"3s","node":"gpu-0002","condition":{"type":"Ready","status":"Unknown","reason":"NodeStatusUnknown","message":"Kubelet stopped posting node status."}},
                               {"at":"6s","node":"gpu-0002","condition":{"type":"Ready","status":"True","reason":"KubeletReady","message":"ok"}}]})");
        f.close();
        TestCluster cluster({QStringLiteral("--scenario"), path});
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
        ClusterSession session(cluster.endpoint(), Classifier(Taxonomy::builtIn()));
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(severityOf(session, QStringLiteral("gpu-0002")), Severity::Critical, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(severityOf(session, QStringLiteral("gpu-0002")), Severity::Healthy, 10000);
    }
};

QTEST_GUILESS_MAIN(TestWalkingSkeleton)
#include "tst_walkingskeleton.moc"

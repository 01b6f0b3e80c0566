#include "kube/ApiClient.h"
#include "kube/Informer.h"
#include "kube/Node.h"
#include "kube/NodeDecoder.h"
#include "tests/common/TestCluster.h"

#include <QSignalSpy>
#include <QTest>

using namespace kube;

namespace {

// Mirrors an informer's deltas into a name → node map, the way a store would.
struct Mirror
{
    QHash<QString, NodePtr> nodes;
    QStringList deleted;
    void connectTo(Informer *inf)
    {
        QObject::connect(inf, &Informer::deltas, [this](const DeltaBatch &batch) {
            for (const Delta &d : batch) {
                auto n = std::static_pointer_cast<const Node>(d.object);
                if (d.type == Delta::Type::Deleted) {
                    nodes.remove(n->name);
                    deleted << n->name;
                } else {
                    nodes.insert(n->name, n);
                }
            }
        });
    }
    QString status(const QString &node, const QString &type) const
    {
        const NodePtr n = nodes.value(node);
        const NodeCondition *c = n ? n->condition(type) : nullptr;
        return c ? c->status : QString();
    }
};

} // namespace

class TestInformer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;

    std::unique_ptr<Informer> makeInformer(ApiClient *client, int pageSize = 500)
    {
        Informer::Options opts;
        opts.pageSize = pageSize;
        auto inf = std::make_unique<Informer>(client, std::make_shared<NodeDecoder>(), opts);
        inf->backoff().setInitialMs(50);
        inf->backoff().setMaxMs(500);
        return inf;
    }

private slots:
    void init()
    {
        m_cluster = std::make_unique<TestCluster>(QStringList{QStringLiteral("--paused"), QStringLiteral("--nodes"), QStringLiteral("120")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
    }

    void cleanup() { m_cluster.reset(); }

    void listsInPagesThenWatches()
    {
        ApiClient client(m_cluster->endpoint());
        auto inf = makeInformer(&client, 50); // 120 nodes: three pages
        Mirror m;
        m.connectTo(inf.get());
        QSignalSpy synced(inf.get(), &Informer::synced);
        inf->start();
        QVERIFY(synced.wait(20000));
        QCOMPARE(m.nodes.size(), 120);
        QCOMPARE(inf->state(), Informer::State::Synced);
        QVERIFY(!inf->resourceVersion().isEmpty());

        QVERIFY(m_cluster->setCondition(QStringLiteral("npu-0003"), QStringLiteral("NT_NPU_CARD_LOSE"), QStringLiteral("True")));
        QTRY_COMPARE_WITH_TIMEOUT(m.status(QStringLiteral("npu-0003"), QStringLiteral("NT_NPU_CARD_LOSE")), QStringLiteral("True"), 10000);
        QCOMPARE(inf->listCount(), 1);
    }

    void resumesFromLastResourceVersionAfterDroppedStream()
    {
        ApiClient client(m_cluster->endpoint());
        auto inf = makeInformer(&client);
        Mirror m;
        m.connectTo(inf.get());
        QSignalSpy synced(inf.get(), &Informer::synced);
        inf->start();
        QVERIFY(synced.wait(20000));
        QVERIFY(m_cluster->setCondition(QStringLiteral("gpu-0001"), QStringLiteral("Ready"), QStringLiteral("Unknown")));
        QTRY_COMPARE_WITH_TIMEOUT(m.status(QStringLiteral("gpu-0001"), QStringLiteral("Ready")), QStringLiteral("Unknown"), 10000);
        const QString rvBeforeDrop = inf->resourceVersion();
        const int watchesBefore = inf->watchCount();

        QVERIFY(m_cluster->control(QStringLiteral("drop-watches")));
        QTRY_VERIFY_WITH_TIMEOUT(inf->watchCount() > watchesBefore, 10000);
        QCOMPARE(inf->lastWatchResourceVersion(), rvBeforeDrop);
        QCOMPARE(inf->listCount(), 1); // resumed, not relisted

        // Events after the reconnect still arrive.
        QVERIFY(m_cluster->setCondition(QStringLiteral("gpu-0001"), QStringLiteral("Ready"), QStringLiteral("True")));
        QTRY_COMPARE_WITH_TIMEOUT(m.status(QStringLiteral("gpu-0001"), QStringLiteral("Ready")), QStringLiteral("True"), 10000);
    }

    void relistsOnExpiredAndEmitsDeletions()
    {
        ApiClient client(m_cluster->endpoint());
        auto inf = makeInformer(&client);
        Mirror m;
        m.connectTo(inf.get());
        QSignalSpy synced(inf.get(), &Informer::synced);
        inf->start();
        QVERIFY(synced.wait(20000));
        QVERIFY(m.nodes.contains(QStringLiteral("gpu-0002")));

        // The watch stalls; meanwhile a node is deleted and the server compacts its history.
        QVERIFY(m_cluster->control(QStringLiteral("settings"), R"({"pauseWatches":true})"));
        QVERIFY(m_cluster->control(QStringLiteral("inject"), R"({"delete":"gpu-0002"})"));
        QVERIFY(m_cluster->setCondition(QStringLiteral("npu-0005"), QStringLiteral("NT_NPU_NET"), QStringLiteral("True")));
        QVERIFY(m_cluster->control(QStringLiteral("compact")));
        QVERIFY(m_cluster->control(QStringLiteral("settings"), R"({"pauseWatches":false})"));
        QVERIFY(m.nodes.contains(QStringLiteral("gpu-0002")));
        QVERIFY(m_cluster->control(QStringLiteral("drop-watches")));

        // Re-watching from the old resourceVersion gets 410 Expired: relist, and the vanished
        // node comes out as a deletion.
        QVERIFY(synced.wait(20000));
        QCOMPARE(inf->listCount(), 2);
        QVERIFY(!m.nodes.contains(QStringLiteral("gpu-0002")));
        QVERIFY(m.deleted.contains(QStringLiteral("gpu-0002")));
        QCOMPARE(m.status(QStringLiteral("npu-0005"), QStringLiteral("NT_NPU_NET")), QStringLiteral("True"));
        QCOMPARE(m.nodes.size(), 119);
    }

    void reportsFailureWhenServerIsUnreachable()
    {
        ClusterEndpoint ep = m_cluster->endpoint();
        m_cluster.reset(); // the port is closed now
        ApiClient client(ep);
        auto inf = makeInformer(&client);
        QSignalSpy states(inf.get(), &Informer::stateChanged);
        inf->start();
        QTRY_COMPARE_WITH_TIMEOUT(inf->state(), Informer::State::Failed, 10000);
        QVERIFY2(inf->stateReason().contains(QLatin1String("refused")), qPrintable(inf->stateReason()));
    }
};

QTEST_GUILESS_MAIN(TestInformer)
#include "tst_informer.moc"

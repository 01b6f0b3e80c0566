#include "kube/ApiClient.h"
#include "kube/Informer.h"
#include "kube/Node.h"
#include "kube/NodeDecoder.h"
#include "tests/common/TestCluster.h"

#include <QSignalSpy>
#include <QTest>

using namespace kube;

// The informer's two fallbacks, as client-go's reflector has them: a server that answers JSON to
// an Accept that asks for protobuf first (an aggregated or older API server, a proxy), and a watch
// cache that refuses resourceVersion=0 (410 "too old resource version", as kube-apiserver's
// watch cache answers while it cannot serve it), after which the nodes are listed from etcd in
// pages. Both are kubesim's (--no-protobuf, the refuseWatchCacheList setting): kube-apiserver
// cannot be made to answer either way, and its protobuf and watch-cache answers are what
// tst_informer_real and tst_nodelistencodings_real read.
class TestListFallback : public QObject
{
    Q_OBJECT

private:
    struct ListRequest
    {
        QByteArray accept;
        QString resourceVersion;
        QString continueToken;
        int status = 0;
        QByteArray contentType;
    };

    static std::unique_ptr<Informer> makeInformer(ApiClient *client, int pageSize)
    {
        Informer::Options opts;
        opts.pageSize = pageSize;
        auto inf = std::make_unique<Informer>(client, std::make_shared<NodeDecoder>(), opts);
        inf->backoff().setInitialMs(50);
        inf->backoff().setMaxMs(500);
        return inf;
    }

    // Every list request the client sends and its answer, watches left out.
    void recordLists(ApiClient *client, QList<ListRequest> *out)
    {
        connect(client, &ApiClient::responseReceived, this,
                [out](const ApiRequest &req, const ApiResponse &r) {
                    if (req.query.hasQueryItem(QStringLiteral("watch")))
                        return;
                    *out << ListRequest{req.accept,
                                        req.query.queryItemValue(QStringLiteral("resourceVersion")),
                                        req.query.queryItemValue(QStringLiteral("continue")),
                                        r.status, r.contentType};
                });
    }

    // An informer of the cluster's nodes, started and synced, with every list request and the
    // nodes it delivered.
    struct Synced
    {
        std::unique_ptr<ApiClient> client;
        QList<ListRequest> lists;
        std::unique_ptr<Informer> inf;
        QHash<QString, NodePtr> nodes;
    };

    bool startAndSync(TestCluster &cluster, int pageSize, Synced *run)
    {
        run->client = std::make_unique<ApiClient>(cluster.endpoint());
        recordLists(run->client.get(), &run->lists);
        run->inf = makeInformer(run->client.get(), pageSize);
        connect(run->inf.get(), &Informer::deltas, this, [run](const DeltaBatch &batch) {
            for (const Delta &d : batch)
                run->nodes.insert(d.object->name, std::static_pointer_cast<const Node>(d.object));
        });
        QSignalSpy synced(run->inf.get(), &Informer::synced);
        run->inf->start();
        return synced.wait(20000);
    }

private slots:
    void jsonOnlyServerIsListedAndWatchedAsJson()
    {
        TestCluster cluster({QStringLiteral("--paused"), QStringLiteral("--nodes"),
                             QStringLiteral("120"), QStringLiteral("--no-protobuf")});
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
        Synced run;
        QVERIFY(startAndSync(cluster, 500, &run));
        const QList<ListRequest> &lists = run.lists;
        Informer *inf = run.inf.get();
        const QHash<QString, NodePtr> &nodes = run.nodes;
        QCOMPARE(nodes.size(), 120);
        QCOMPARE(lists.size(), 1);
        // Protobuf was asked for first, JSON came, and was read whole, not in protobuf batches.
        QCOMPARE(lists[0].accept, QByteArray("application/vnd.kubernetes.protobuf, application/json"));
        QVERIFY2(lists[0].contentType.startsWith("application/json"),
                 lists[0].contentType.constData());
        QCOMPARE(lists[0].resourceVersion, QStringLiteral("0"));
        QCOMPARE(inf->lastListBatches(), 0);
        const NodePtr n = nodes.value(QStringLiteral("npu-0003"));
        QVERIFY(n && !n->uid.isEmpty() && !n->conditions.empty() && !n->capacity.isEmpty());

        QVERIFY(cluster.setCondition(QStringLiteral("npu-0003"), QStringLiteral("NT_NPU_CARD_LOSE"),
                                     QStringLiteral("True")));
        QTRY_VERIFY_WITH_TIMEOUT(nodes.value(QStringLiteral("npu-0003"))
                                         ->condition(QStringLiteral("NT_NPU_CARD_LOSE")) &&
                                     nodes.value(QStringLiteral("npu-0003"))
                                             ->condition(QStringLiteral("NT_NPU_CARD_LOSE"))
                                             ->status == QLatin1String("True"),
                                 10000);
        QCOMPARE(inf->listCount(), 1);
    }

    void refusedWatchCacheListIsListedFromEtcdInPages()
    {
        TestCluster cluster(
            {QStringLiteral("--paused"), QStringLiteral("--nodes"), QStringLiteral("120")});
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
        QVERIFY(cluster.control(QStringLiteral("settings"), R"({"refuseWatchCacheList":true})"));
        Synced run;
        QVERIFY(startAndSync(cluster, 50, &run));
        const QList<ListRequest> &lists = run.lists;
        Informer *inf = run.inf.get();
        const QHash<QString, NodePtr> &nodes = run.nodes;
        QCOMPARE(nodes.size(), 120);
        QCOMPARE(inf->size(), 120);
        // resourceVersion=0 refused with 410, then three pages of 50 from etcd (no
        // resourceVersion: a quorum read), each after the first with the server's continue token.
        QCOMPARE(lists.size(), 4);
        QCOMPARE(lists[0].resourceVersion, QStringLiteral("0"));
        QCOMPARE(lists[0].status, 410);
        for (int i = 1; i < 4; ++i) {
            QVERIFY2(lists[i].resourceVersion.isEmpty(), qPrintable(lists[i].resourceVersion));
            QCOMPARE(lists[i].status, 200);
            QCOMPARE(lists[i].continueToken.isEmpty(), i == 1);
            QVERIFY2(lists[i].contentType.startsWith("application/vnd.kubernetes.protobuf"),
                     lists[i].contentType.constData());
        }

        // The watch from the etcd list's resourceVersion delivers.
        QVERIFY(cluster.setCondition(QStringLiteral("gpu-0001"), QStringLiteral("NT_GPU_XID_ERROR"),
                                     QStringLiteral("True")));
        QTRY_VERIFY_WITH_TIMEOUT(nodes.value(QStringLiteral("gpu-0001"))
                                     ->condition(QStringLiteral("NT_GPU_XID_ERROR")),
                                 10000);

        // A later relist (the watch's resourceVersion compacted away) goes to etcd straight
        // away: the watch cache is not asked again.
        const qsizetype before = lists.size();
        const int listed = inf->listCount();
        QVERIFY(cluster.control(QStringLiteral("compact")));
        QVERIFY(cluster.control(QStringLiteral("drop-watches")));
        QTRY_VERIFY_WITH_TIMEOUT(
            inf->listCount() > listed && inf->state() == Informer::State::Synced, 20000);
        QVERIFY(lists.size() > before);
        for (qsizetype i = before; i < lists.size(); ++i)
            QVERIFY2(lists[i].resourceVersion.isEmpty() && lists[i].status == 200,
                     qPrintable(lists[i].resourceVersion));
        QCOMPARE(nodes.size(), 120);
    }
};

QTEST_MAIN(TestListFallback)
#include "tst_listfallback.moc"

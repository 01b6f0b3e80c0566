#include "kube/ApiCall.h"
#include "kube/ApiClient.h"
#include "kube/Informer.h"
#include "kube/Node.h"
#include "kube/NodeDecoder.h"
#include "tests/common/TestCluster.h"
#include "tests/kube/KubeTestSupport.h"
#include "tests/kube/RewritingTlsProxy.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTest>

using namespace kube;

// The informer's two fallbacks, as client-go's reflector has them: a server that answers JSON to
// an Accept that asks for protobuf first, and a list at resourceVersion=0 that the watch cache
// does not serve, after which the nodes come from etcd in pages. What each server proves:
//
// - JSON for protobuf-first. kubesim --no-protobuf serves its nodes so (as an aggregated API
//   server or a proxy might); kube-apiserver serves custom resources in JSON only whatever the
//   Accept, so on the real server the informer reads a CustomResourceDefinition shaped like
//   nodes (kind Node, listKind NodeList), copies of the plane's own nodes.
// - resourceVersion=0 without the watch cache. kube-apiserver 1.20 started with
//   --watch-cache-sizes=nodes#0 reads such a list from etcd and honours `limit` there: pages and
//   continue tokens where the cache would send everything at once.
// - resourceVersion=0 refused with 410 "too old resource version", then quorum lists from etcd
//   from then on. kubesim refuses it when told to (refuseWatchCacheList). kube-apiserver 1.20.2
//   never refuses resourceVersion=0, with or without the watch cache; behind a proxy that turns
//   it into a compacted resourceVersion, the 410 is the real server's own.
// - resourceVersion=0 too slow: no byte within the informer's list timeout (a 65,000-node list
//   on a loaded server), then quorum lists from etcd, on both servers behind a proxy that
//   withholds that answer.
//
// The protobuf lists of the real server's watch cache: tst_informer_real,
// tst_nodelistencodings_real.
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

    // The custom resource the real server lists in JSON only; kind and listKind as core/v1's,
    // since the node decoder refuses a list of another kind (it would be some other resource).
    static constexpr auto CustomNodes = "/apis/faultboard.test/v1/nodes";

    static std::unique_ptr<Informer> makeInformer(ApiClient *client, int pageSize,
                                                  const QString &path, int listTimeoutMs)
    {
        Informer::Options opts;
        opts.pageSize = pageSize;
        opts.path = path;
        opts.listTimeoutMs = listTimeoutMs;
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

    // An informer of the cluster's nodes (or of the objects at `path`), started and synced, with
    // every list request, the resourceVersion of each watch request, the resourceVersion the
    // list ended at and the nodes it delivered.
    struct Synced
    {
        std::unique_ptr<ApiClient> client;
        QList<ListRequest> lists;
        QStringList watchesFrom;
        QString listedAt;
        std::unique_ptr<Informer> inf;
        QHash<QString, NodePtr> nodes;
        int retries = 0; // retries the informer announced (a headless command ends at one)
    };

    bool startAndSync(TestCluster &cluster, int pageSize, Synced *run,
                      const QString &path = QStringLiteral("/api/v1/nodes"))
    {
        return startAndSync(cluster.endpoint(), pageSize, run, path);
    }

    bool startAndSync(const ClusterEndpoint &endpoint, int pageSize, Synced *run,
                      const QString &path = QStringLiteral("/api/v1/nodes"),
                      int listTimeoutMs = Informer::Options().listTimeoutMs)
    {
        run->client = std::make_unique<ApiClient>(endpoint);
        recordLists(run->client.get(), &run->lists);
        connect(run->client.get(), &ApiClient::requestSent, this, [run](const ApiRequest &req) {
            if (req.query.hasQueryItem(QStringLiteral("watch")))
                run->watchesFrom << req.query.queryItemValue(QStringLiteral("resourceVersion"));
        });
        run->inf = makeInformer(run->client.get(), pageSize, path, listTimeoutMs);
        connect(run->inf.get(), &Informer::retryScheduled, this, [run] { ++run->retries; });
        connect(run->inf.get(), &Informer::deltas, this, [run](const DeltaBatch &batch) {
            for (const Delta &d : batch)
                run->nodes.insert(d.object->name, std::static_pointer_cast<const Node>(d.object));
        });
        // At the signal, before any watch event can move it on.
        connect(run->inf.get(), &Informer::synced, this,
                [run] { run->listedAt = run->inf->resourceVersion(); });
        QSignalSpy synced(run->inf.get(), &Informer::synced);
        run->inf->start();
        return synced.wait(20000);
    }

    // The CustomResourceDefinition of CustomNodes, waited for until it is served. No schema
    // beyond "keep every field" and no status subresource: a create or a PUT writes status too.
    static bool createCustomNodeDefinition(TestCluster &cluster)
    {
        const QByteArray crd = R"({"apiVersion":"apiextensions.k8s.io/v1",
            "kind":"CustomResourceDefinition","metadata":{"name":"nodes.faultboard.test"},
            "spec":{"group":"faultboard.test","scope":"Cluster",
              "names":{"plural":"nodes","singular":"node","kind":"Node","listKind":"NodeList"},
              "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":
                {"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}})";
        const ApiResponse r = cluster.request(
            "POST", QStringLiteral("/apis/apiextensions.k8s.io/v1/customresourcedefinitions"), crd);
        if (!r.ok()) {
            qWarning("creating the CustomResourceDefinition failed: %s",
                     qPrintable(r.error.toString()));
            return false;
        }
        // Established a moment after the create: until then the path is 404.
        return QTest::qWaitFor(
            [&] { return cluster.request("GET", QString::fromLatin1(CustomNodes)).ok(); }, 20000);
    }

    // Every node of the real plane again as a custom object at CustomNodes (the same metadata,
    // spec and status, its own identity), all created at once; `sources` gets the nodes as the
    // node decoder reads them from core/v1.
    static bool copyNodesToCustomNodes(TestCluster &cluster, QHash<QString, NodePtr> *sources)
    {
        const ApiResponse list = cluster.request("GET", QStringLiteral("/api/v1/nodes"));
        if (!list.ok()) {
            qWarning("listing the nodes failed: %s", qPrintable(list.error.toString()));
            return false;
        }
        const DecodedList decoded = NodeDecoder().decodeList(list.body);
        if (decoded.error) {
            qWarning("the nodes do not decode: %s", qPrintable(decoded.error.toString()));
            return false;
        }
        for (const ObjectPtr &o : decoded.items)
            sources->insert(o->name, std::static_pointer_cast<const Node>(o));

        // Before the client: its calls, cancelled when it goes, still report to these.
        int pending = 0;
        QStringList refused;
        ApiClient client(cluster.endpoint());
        for (const QJsonValue &v :
             QJsonDocument::fromJson(list.body)[QStringLiteral("items")].toArray()) {
            QJsonObject node = v.toObject();
            QJsonObject meta = node.value(QStringLiteral("metadata")).toObject();
            for (const char *field :
                 {"uid", "resourceVersion", "creationTimestamp", "managedFields", "selfLink"})
                meta.remove(QLatin1String(field));
            node.insert(QStringLiteral("metadata"), meta);
            node.insert(QStringLiteral("apiVersion"), QStringLiteral("faultboard.test/v1"));
            node.insert(QStringLiteral("kind"), QStringLiteral("Node"));
            ApiRequest req;
            req.verb = "POST";
            req.path = QString::fromLatin1(CustomNodes);
            req.body = QJsonDocument(node).toJson(QJsonDocument::Compact);
            req.maxRetries = 0;
            ++pending;
            connect(
                client.send(req), &ApiCall::finished, &client,
                [&, name = meta.value(QStringLiteral("name")).toString()](const ApiResponse &r) {
                    --pending;
                    if (r.status != 201)
                        refused << name + QStringLiteral(": ") + r.error.toString();
                });
        }
        if (!QTest::qWaitFor([&] { return pending == 0; }, 30000) || !refused.isEmpty()) {
            qWarning("creating the custom nodes: %d unanswered, refused: %s", pending,
                     qPrintable(refused.mid(0, 3).join(QStringLiteral("; "))));
            return false;
        }
        return !sources->isEmpty();
    }

    // Sets one condition of a custom node, as a node-problem-detector would on a Node: read it,
    // change the condition in its list, write it back whole (PUT, with the resourceVersion read:
    // no concurrent change is lost). Custom resources take no strategic merge patch, and a merge
    // patch would replace the whole list.
    static bool setCustomCondition(TestCluster &cluster, const QString &name, const QString &type,
                                   const QString &status)
    {
        const QString path = QString::fromLatin1(CustomNodes) + QLatin1Char('/') + name;
        const ApiResponse got = cluster.request("GET", path);
        if (!got.ok()) {
            qWarning("reading %s failed: %s", qPrintable(path), qPrintable(got.error.toString()));
            return false;
        }
        QJsonObject node = QJsonDocument::fromJson(got.body).object();
        QJsonObject nodeStatus = node.value(QStringLiteral("status")).toObject();
        QJsonArray conditions;
        for (const QJsonValue &c : nodeStatus.value(QStringLiteral("conditions")).toArray())
            if (c[QStringLiteral("type")].toString() != type)
                conditions.append(c);
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        conditions.append(QJsonObject{{QStringLiteral("type"), type},
                                      {QStringLiteral("status"), status},
                                      {QStringLiteral("reason"), QStringLiteral("Test")},
                                      {QStringLiteral("message"), QStringLiteral("set by test")},
                                      {QStringLiteral("lastHeartbeatTime"), now},
                                      {QStringLiteral("lastTransitionTime"), now}});
        nodeStatus.insert(QStringLiteral("conditions"), conditions);
        node.insert(QStringLiteral("status"), nodeStatus);
        const ApiResponse put =
            cluster.request("PUT", path, QJsonDocument(node).toJson(QJsonDocument::Compact));
        if (!put.ok())
            qWarning("writing %s failed: %s", qPrintable(path), qPrintable(put.error.toString()));
        return put.ok();
    }

    static bool conditionIs(const QHash<QString, NodePtr> &nodes, const QString &node,
                            const QString &type, const QString &status)
    {
        const NodePtr n = nodes.value(node);
        const auto *c = n ? n->condition(type) : nullptr;
        return c && c->status() == status;
    }

private slots:
    void jsonOnlyServerIsListedAndWatchedAsJson()
    {
        // kubesim: its nodes, JSON only. kube-apiserver: custom nodes, which it serves as JSON
        // whatever the Accept (and 406 to protobuf alone), a few hundred of them.
        const bool real = TestCluster::isReal();
        const int count = real ? 300 : 120;
        QStringList args{QStringLiteral("--paused"), QStringLiteral("--nodes"),
                         QString::number(count)};
        if (!real)
            args << QStringLiteral("--no-protobuf");
        TestCluster cluster(args);
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
        QString path = QStringLiteral("/api/v1/nodes");
        QHash<QString, NodePtr> sources;
        if (real) {
            path = QString::fromLatin1(CustomNodes);
            QVERIFY(createCustomNodeDefinition(cluster));
            QVERIFY(copyNodesToCustomNodes(cluster, &sources));
            QCOMPARE(sources.size(), count);
        }
        Synced run;
        QVERIFY(startAndSync(cluster, 500, &run, path));
        const QList<ListRequest> &lists = run.lists;
        Informer *inf = run.inf.get();
        const QHash<QString, NodePtr> &nodes = run.nodes;
        QCOMPARE(nodes.size(), count);
        QCOMPARE(lists.size(), 1);
        // Protobuf was asked for first, JSON came, and was read whole, not in protobuf batches.
        QCOMPARE(lists[0].accept,
                 QByteArray("application/vnd.kubernetes.protobuf, application/json"));
        QVERIFY2(lists[0].contentType.startsWith("application/json"),
                 lists[0].contentType.constData());
        QCOMPARE(lists[0].resourceVersion, QStringLiteral("0"));
        QCOMPARE(inf->lastListBatches(), 0);
        const NodePtr n = nodes.value(QStringLiteral("npu-0003"));
        QVERIFY(n && !n->uid.isEmpty() && !n->conditions.empty() && !n->capacity.isEmpty());
        // Each custom node read as JSON is the node it was copied from, read from core/v1, in
        // every field but its identity.
        for (auto it = sources.cbegin(); it != sources.cend(); ++it) {
            const NodePtr custom = nodes.value(it.key());
            QVERIFY2(custom, qPrintable(it.key()));
            Node copy = *custom;
            QVERIFY(copy.uid != (*it)->uid);
            copy.uid = (*it)->uid;
            copy.resourceVersion = (*it)->resourceVersion;
            copy.creationTimestamp = (*it)->creationTimestamp;
            const QString difference = kubetest::nodeDifference(copy, **it);
            QVERIFY2(difference.isEmpty(),
                     qPrintable(it.key() + QStringLiteral(": ") + difference));
        }

        const QString node = QStringLiteral("npu-0003"), type = QStringLiteral("NT_NPU_CARD_LOSE");
        QVERIFY(!conditionIs(nodes, node, type, QStringLiteral("True")));
        QVERIFY(real ? setCustomCondition(cluster, node, type, QStringLiteral("True"))
                     : cluster.setCondition(node, type, QStringLiteral("True")));
        QTRY_VERIFY_WITH_TIMEOUT(conditionIs(nodes, node, type, QStringLiteral("True")), 10000);
        QCOMPARE(inf->listCount(), 1);
    }

    void uncachedListAtZeroIsPagedFromEtcd()
    {
        QVERIFY2(TestCluster::isReal(),
                 "kube-apiserver without a watch cache for nodes: real server only (kubesim's "
                 "resourceVersion=0 lists are always its watch cache's; its refusal of them is "
                 "refusedWatchCacheListIsListedFromEtcdInPages)");
        TestCluster cluster(
            {QStringLiteral("--paused"), QStringLiteral("--nodes"), QStringLiteral("120")});
        cluster.setApiServerArgs({QStringLiteral("--watch-cache-sizes=nodes#0")});
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
        Synced run;
        QVERIFY(startAndSync(cluster, 50, &run));
        const QList<ListRequest> &lists = run.lists;
        Informer *inf = run.inf.get();
        const QHash<QString, NodePtr> &nodes = run.nodes;
        QCOMPARE(nodes.size(), 120);
        QCOMPARE(inf->size(), 120);
        // resourceVersion=0 answered from etcd in a first page of 50 with a continue token, and
        // two more pages (the last of 20) on the server's tokens, the informer asking for
        // protobuf and getting it. Not refused: the informer never left resourceVersion=0.
        QCOMPARE(lists.size(), 3);
        QCOMPARE(lists[0].resourceVersion, QStringLiteral("0"));
        QVERIFY(lists[0].continueToken.isEmpty());
        QVERIFY(!lists[1].continueToken.isEmpty());
        QVERIFY(!lists[2].continueToken.isEmpty());
        QVERIFY(lists[1].continueToken != lists[2].continueToken);
        for (const ListRequest &l : lists) {
            QCOMPARE(l.status, 200);
            QVERIFY2(l.contentType.startsWith("application/vnd.kubernetes.protobuf"),
                     l.contentType.constData());
        }
        for (int i = 1; i < 3; ++i)
            QVERIFY2(lists[i].resourceVersion.isEmpty(), qPrintable(lists[i].resourceVersion));
        QCOMPARE(inf->lastListResourceVersion(), QStringLiteral("0"));

        // The watch starts from the paged list's resourceVersion (every page is read at the
        // first one's: the continue tokens carry it) and delivers a later change.
        QVERIFY(!run.listedAt.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!run.watchesFrom.isEmpty(), 5000);
        QCOMPARE(run.watchesFrom.first(), run.listedAt);
        const QString node = QStringLiteral("gpu-0001"), type = QStringLiteral("NT_GPU_XID_ERROR");
        QVERIFY(!conditionIs(nodes, node, type, QStringLiteral("True")));
        QVERIFY(cluster.setCondition(node, type, QStringLiteral("True")));
        QTRY_VERIFY_WITH_TIMEOUT(conditionIs(nodes, node, type, QStringLiteral("True")), 10000);
        QCOMPARE(inf->listCount(), 1);
        QCOMPARE(nodes.size(), 120);
    }

    void refusedWatchCacheListIsListedFromEtcdInPages()
    {
        // kubesim refuses resourceVersion=0 with 410 when told to (refuseWatchCacheList).
        // kube-apiserver 1.20 never refuses it, so on the real server the informer's list is made
        // one the server must refuse: a TLS-terminating proxy between them turns resourceVersion=0
        // into resourceVersion=1, which with a limit is a read of that exact revision from etcd,
        // compacted away before the informer starts. The 410 and its Status are the real
        // server's, as client-go's reflector meets them. Without a watch cache for nodes, so
        // that a watch from a compacted revision is refused by etcd too (below).
        const bool real = TestCluster::isReal();
        TestCluster cluster(
            {QStringLiteral("--paused"), QStringLiteral("--nodes"), QStringLiteral("120")});
        if (real)
            cluster.setApiServerArgs({QStringLiteral("--watch-cache-sizes=nodes#0")});
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
        ClusterEndpoint endpoint = cluster.endpoint();
        std::unique_ptr<RewritingTlsProxy> proxy;
        if (real) {
            proxy = std::make_unique<RewritingTlsProxy>(
                endpoint.server,
                QSslCertificate::fromData(endpoint.cluster.certificateAuthorityData));
            proxy->replaceInRequests("resourceVersion=0&", "resourceVersion=1&");
            proxy->replaceInRequests("resourceVersion=0 ", "resourceVersion=1 ");
            QString error;
            QVERIFY2(proxy->start(&error), qPrintable(error));
            endpoint.server = proxy->url();
            endpoint.cluster.certificateAuthorityData = proxy->caPem();
            QVERIFY(cluster.compactStorage());
        } else {
            QVERIFY(cluster.control(QStringLiteral("settings"),
                                    R"({"refuseWatchCacheList":true})"));
        }
        Synced run;
        QVERIFY(startAndSync(endpoint, 50, &run));
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
        // A refusal is no failure: listed from etcd at once, no retry announced.
        QCOMPARE(run.retries, 0);
        if (real)
            QCOMPARE(proxy->requestReplacements(), 1);
        for (int i = 1; i < 4; ++i) {
            QVERIFY2(lists[i].resourceVersion.isEmpty(), qPrintable(lists[i].resourceVersion));
            QCOMPARE(lists[i].status, 200);
            QCOMPARE(lists[i].continueToken.isEmpty(), i == 1);
            QVERIFY2(lists[i].contentType.startsWith("application/vnd.kubernetes.protobuf"),
                     lists[i].contentType.constData());
        }

        // The watch from the etcd list's resourceVersion delivers.
        QTRY_VERIFY_WITH_TIMEOUT(!run.watchesFrom.isEmpty(), 5000);
        QCOMPARE(run.watchesFrom.first(), run.listedAt);
        QVERIFY(cluster.setCondition(QStringLiteral("gpu-0001"), QStringLiteral("NT_GPU_XID_ERROR"),
                                     QStringLiteral("True")));
        QTRY_VERIFY_WITH_TIMEOUT(
            conditionIs(nodes, QStringLiteral("gpu-0001"), QStringLiteral("NT_GPU_XID_ERROR"),
                        QStringLiteral("True")),
            10000);

        // A later relist (the watch's resourceVersion compacted away) goes to etcd straight
        // away: the watch cache is not asked again. kubesim drops its watches; on the real
        // server the proxy cuts the connection while a node changes and etcd compacts, so the
        // informer's next watch starts from a revision that is gone.
        const qsizetype before = lists.size();
        const int listed = inf->listCount();
        if (real) {
            proxy->setDown(true);
            QVERIFY(cluster.setCondition(QStringLiteral("gpu-0002"),
                                         QStringLiteral("NT_GPU_XID_ERROR"),
                                         QStringLiteral("True")));
            QVERIFY(cluster.compactStorage());
            proxy->setDown(false);
        } else {
            QVERIFY(cluster.compactStorage());
            QVERIFY(cluster.control(QStringLiteral("drop-watches")));
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            inf->listCount() > listed && inf->state() == Informer::State::Synced, 20000);
        QVERIFY(lists.size() > before);
        for (qsizetype i = before; i < lists.size(); ++i)
            QVERIFY2(lists[i].resourceVersion.isEmpty() && lists[i].status == 200,
                     qPrintable(lists[i].resourceVersion));
        QCOMPARE(nodes.size(), 120);
        if (real) {
            // The change made while the connection was cut came with the relist.
            QVERIFY(conditionIs(nodes, QStringLiteral("gpu-0002"),
                                QStringLiteral("NT_GPU_XID_ERROR"), QStringLiteral("True")));
            QCOMPARE(proxy->requestReplacements(), 1);
        }
    }

    void slowWatchCacheListIsListedFromEtcdInPages()
    {
        // At 65,000 nodes a loaded kube-apiserver 1.20 sends no byte of a resourceVersion=0
        // list before the whole list is serialized, and gives up itself after its
        // --request-timeout (60 s): 504, or first the client's own timeout. A proxy in front of
        // the server (either one) withholds every answer on the connection that asks for
        // resourceVersion=0, and the informer waits 2 s for a page's first byte.
        TestCluster cluster(
            {QStringLiteral("--paused"), QStringLiteral("--nodes"), QStringLiteral("120")});
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
        ClusterEndpoint endpoint = cluster.endpoint();
        QVERIFY2(endpoint.server.scheme() == QLatin1String("https"),
                 qPrintable(endpoint.server.toString()));
        RewritingTlsProxy proxy(endpoint.server,
                                QSslCertificate::fromData(endpoint.cluster.certificateAuthorityData));
        proxy.withholdAnswersTo("resourceVersion=0&");
        proxy.withholdAnswersTo("resourceVersion=0 ");
        QString error;
        QVERIFY2(proxy.start(&error), qPrintable(error));
        endpoint.server = proxy.url();
        endpoint.cluster.certificateAuthorityData = proxy.caPem();

        Synced run;
        QVERIFY(startAndSync(endpoint, 50, &run, QStringLiteral("/api/v1/nodes"), 2000));
        const QList<ListRequest> &lists = run.lists;
        QCOMPARE(run.nodes.size(), 120);
        QCOMPARE(run.inf->size(), 120);
        QCOMPARE(proxy.withheldConnections(), 1);
        // The list at resourceVersion=0 timed out once (not asked again), then three pages of 50
        // from etcd; no retry was announced.
        QCOMPARE(lists.size(), 4);
        QCOMPARE(lists[0].resourceVersion, QStringLiteral("0"));
        QCOMPARE(lists[0].status, 0);
        for (int i = 1; i < 4; ++i) {
            QVERIFY2(lists[i].resourceVersion.isEmpty(), qPrintable(lists[i].resourceVersion));
            QCOMPARE(lists[i].status, 200);
            QCOMPARE(lists[i].continueToken.isEmpty(), i == 1);
        }
        QCOMPARE(run.retries, 0);
        QCOMPARE(run.inf->lastListResourceVersion(), QString());

        // The watch from the etcd list's resourceVersion delivers a later change.
        QTRY_VERIFY_WITH_TIMEOUT(!run.watchesFrom.isEmpty(), 5000);
        QCOMPARE(run.watchesFrom.first(), run.listedAt);
        QVERIFY(cluster.setCondition(QStringLiteral("gpu-0001"), QStringLiteral("NT_GPU_XID_ERROR"),
                                     QStringLiteral("True")));
        QTRY_VERIFY_WITH_TIMEOUT(conditionIs(run.nodes, QStringLiteral("gpu-0001"),
                                             QStringLiteral("NT_GPU_XID_ERROR"),
                                             QStringLiteral("True")),
                                 10000);
        QCOMPARE(run.inf->listCount(), 2);
    }
};

QTEST_MAIN(TestListFallback)
#include "tst_listfallback.moc"

// Reading for the UI: a node's pods, its events, and what the user may do to it.

#include "KubeTestSupport.h"

#include "kube/ApiClient.h"
#include "kube/ClusterQueries.h"
#include "kube/ObjectLister.h"
#include "kube/PodDecoder.h"
#include "tests/common/TestCluster.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace kube;
using namespace kubetest;

namespace {

// Wraps the pod decoder to record which thread decoded.
class ThreadRecordingCodec : public ObjectCodec
{
public:
    mutable std::atomic<QThread *> lastThread{nullptr};
    mutable std::atomic<int> lists{0};
    DecodedList decodeList(const QByteArray &body) const override
    {
        lastThread = QThread::currentThread();
        ++lists;
        return PodDecoder().decodeList(body);
    }
    WatchEvent decodeEvent(const QByteArray &frame) const override
    {
        return PodDecoder().decodeEvent(frame);
    }
};

QByteArray eventJson(const QString &name, const QString &node, const QString &uid,
                     const QString &reason, const QString &last,
                     const QString &type = QStringLiteral("Normal"))
{
    const QJsonObject obj{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Event")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name},
                     {QStringLiteral("namespace"), QStringLiteral("default")}}},
        {QStringLiteral("involvedObject"),
         QJsonObject{{QStringLiteral("kind"), QStringLiteral("Node")},
                     {QStringLiteral("name"), node},
                     {QStringLiteral("uid"), uid}}},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("message"), QString(QStringLiteral("message of ") + name)},
        {QStringLiteral("type"), type},
        {QStringLiteral("count"), 3},
        {QStringLiteral("source"),
         QJsonObject{{QStringLiteral("component"), QStringLiteral("kubelet")},
                     {QStringLiteral("host"), node}}},
        {QStringLiteral("firstTimestamp"), QStringLiteral("2026-01-01T00:00:00Z")},
        {QStringLiteral("lastTimestamp"), last},
    };
    return QJsonDocument(obj).toJson(QJsonDocument::Compact);
}

} // namespace

class TestClusterQueries : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;
    std::unique_ptr<ApiClient> m_admin;
    QString m_nodeUid;

private slots:
    void initTestCase()
    {
        m_cluster = std::make_unique<TestCluster>(QStringList{
            QStringLiteral("--paused"), QStringLiteral("--nodes"), QStringLiteral("4")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
        m_admin = std::make_unique<ApiClient>(m_cluster->endpoint());
        const ApiResponse node = get(*m_admin, QStringLiteral("/api/v1/nodes/gpu-0001"));
        QVERIFY(node.ok());
        m_nodeUid = QJsonDocument::fromJson(node.body)
                        .object()
                        .value(QStringLiteral("metadata"))
                        .toObject()
                        .value(QStringLiteral("uid"))
                        .toString();
        QVERIFY(!m_nodeUid.isEmpty());

        TestPod train;
        train.name = QStringLiteral("train-0");
        train.namespaceName = QStringLiteral("team-a");
        train.node = QStringLiteral("gpu-0001");
        train.ownerKind = QStringLiteral("ReplicaSet");
        train.ownerName = QStringLiteral("train-7d9f");
        train.emptyDir = true;
        train.images = {QStringLiteral("registry.example/train:2.1"),
                        QStringLiteral("registry.example/sidecar:1")};
        QVERIFY(createPod(*m_admin, train));
        TestPod agent;
        agent.name = QStringLiteral("node-agent-x1");
        agent.namespaceName = QStringLiteral("kube-system");
        agent.node = QStringLiteral("gpu-0001");
        agent.ownerKind = QStringLiteral("DaemonSet");
        agent.ownerName = QStringLiteral("node-agent");
        agent.ready = false;
        QVERIFY(createPod(*m_admin, agent));
        TestPod mirror;
        mirror.name = QStringLiteral("etcd-gpu-0001");
        mirror.namespaceName = QStringLiteral("kube-system");
        mirror.node = QStringLiteral("gpu-0001");
        mirror.ownerKind = QStringLiteral("Node");
        mirror.ownerName = QStringLiteral("gpu-0001");
        mirror.mirror = true;
        QVERIFY(createPod(*m_admin, mirror));
        TestPod done;
        done.name = QStringLiteral("job-done");
        done.node = QStringLiteral("gpu-0001");
        done.phase = QStringLiteral("Succeeded");
        done.ownerKind = QStringLiteral("Job");
        done.ownerName = QStringLiteral("nightly");
        QVERIFY(createPod(*m_admin, done));
        TestPod elsewhere;
        elsewhere.name = QStringLiteral("elsewhere");
        elsewhere.node = QStringLiteral("gpu-0002");
        QVERIFY(createPod(*m_admin, elsewhere));

        // Events: by the node's UID (a controller), by its name as UID (the kubelet), and one
        // about another node that must not show.
        QVERIFY(
            create(*m_admin, QStringLiteral("/api/v1/namespaces/default/events"),
                   eventJson(QStringLiteral("gpu-0001.a"), QStringLiteral("gpu-0001"), m_nodeUid,
                             QStringLiteral("NodeNotReady"), QStringLiteral("2026-01-01T00:05:00Z"),
                             QStringLiteral("Warning"))));
        QVERIFY(
            create(*m_admin, QStringLiteral("/api/v1/namespaces/default/events"),
                   eventJson(QStringLiteral("gpu-0001.b"), QStringLiteral("gpu-0001"),
                             QStringLiteral("gpu-0001"), QStringLiteral("NodeHasSufficientMemory"),
                             QStringLiteral("2026-01-01T00:01:00Z"))));
        QVERIFY(create(*m_admin, QStringLiteral("/api/v1/namespaces/default/events"),
                       eventJson(QStringLiteral("gpu-0002.a"), QStringLiteral("gpu-0002"),
                                 QStringLiteral("gpu-0002"), QStringLiteral("Rebooted"),
                                 QStringLiteral("2026-01-01T00:02:00Z"))));
    }

    void cleanupTestCase()
    {
        m_admin.reset();
        m_cluster.reset();
    }

    void podsOnNodeAreDecoded()
    {
        ClusterQueries queries(m_admin.get());
        std::optional<NodePods> result;
        queries.podsOnNode(QStringLiteral("gpu-0001"), this,
                           [&](const NodePods &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
        QVERIFY2(result->error.ok(), qPrintable(result->error.toString()));
        QCOMPARE(result->node, QStringLiteral("gpu-0001"));
        QCOMPARE(int(result->pods.size()), 4);
        QHash<QString, PodPtr> byName;
        for (const PodPtr &p : result->pods) {
            QCOMPARE(p->nodeName, QStringLiteral("gpu-0001"));
            byName.insert(p->name, p);
        }
        const PodPtr train = byName.value(QStringLiteral("train-0"));
        QVERIFY(train);
        QCOMPARE(train->namespaceName, QStringLiteral("team-a"));
        QVERIFY(!train->uid.isEmpty());
        QCOMPARE(train->phase, QStringLiteral("Running"));
        QVERIFY(train->ready);
        QVERIFY(train->controllerRef());
        QCOMPARE(train->controllerRef()->kind, QStringLiteral("ReplicaSet"));
        QCOMPARE(train->controllerRef()->name, QStringLiteral("train-7d9f"));
        QVERIFY(train->hasEmptyDir());
        QVERIFY(!train->mirror);
        QVERIFY(!train->isTerminating());
        QVERIFY(train->creationTimestamp.isValid());
        QCOMPARE(train->images(), (QStringList{QStringLiteral("registry.example/train:2.1"),
                                               QStringLiteral("registry.example/sidecar:1")}));

        const PodPtr agent = byName.value(QStringLiteral("node-agent-x1"));
        QVERIFY(agent && !agent->ready &&
                agent->controllerRef()->kind == QLatin1String("DaemonSet"));
        QVERIFY(byName.value(QStringLiteral("etcd-gpu-0001"))->mirror);
        QVERIFY(byName.value(QStringLiteral("job-done"))->isTerminal());
    }

    void listsArePagedAndDecodedOffTheCallingThread()
    {
        for (int i = 0; i < 7; ++i) {
            TestPod p;
            p.name = QStringLiteral("paged-%1").arg(i);
            p.node = QStringLiteral("gpu-0003");
            p.ownerKind = QStringLiteral("ReplicaSet");
            p.ownerName = QStringLiteral("paged");
            QVERIFY(createPod(*m_admin, p));
        }
        auto codec = std::make_shared<ThreadRecordingCodec>();
        ApiRequest req;
        req.path = QStringLiteral("/api/v1/pods");
        req.query.addQueryItem(QStringLiteral("fieldSelector"),
                               QStringLiteral("spec.nodeName=gpu-0003"));
        auto *lister = new ObjectLister(m_admin.get(), req, codec, 3);
        QSignalSpy done(lister, &ObjectLister::finished);
        lister->start();
        QVERIFY(done.wait(10000));
        const auto result = done.at(0).at(0).value<ListResult>();
        QVERIFY(result.ok());
        QCOMPARE(int(result.items.size()), 7);
        QCOMPARE(codec->lists.load(), 3); // three pages
        QVERIFY(codec->lastThread.load() != nullptr);
        QVERIFY(codec->lastThread.load() != QThread::currentThread());
    }

    void eventsOfNodeQueryBothUidsLikeKubectlDescribe()
    {
        ClusterQueries queries(m_admin.get());
        std::optional<NodeEvents> result;
        queries.eventsOfNode(QStringLiteral("gpu-0001"), m_nodeUid, this,
                             [&](const NodeEvents &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
        QVERIFY2(result->error.ok(), qPrintable(result->error.toString()));
        QCOMPARE(int(result->events.size()), 2);
        // Oldest first.
        QCOMPARE(result->events[0]->name, QStringLiteral("gpu-0001.b"));
        QCOMPARE(result->events[0]->involvedUid, QStringLiteral("gpu-0001"));
        const KubeEventPtr warning = result->events[1];
        QCOMPARE(warning->name, QStringLiteral("gpu-0001.a"));
        QVERIFY(warning->isWarning());
        QCOMPARE(warning->reason, QStringLiteral("NodeNotReady"));
        QCOMPARE(warning->message, QStringLiteral("message of gpu-0001.a"));
        QCOMPARE(warning->count, 3);
        QCOMPARE(warning->sourceComponent, QStringLiteral("kubelet"));
        QCOMPARE(warning->involvedKind, QStringLiteral("Node"));
        QCOMPARE(warning->involvedUid, m_nodeUid);
        QCOMPARE(warning->lastSeen(), QDateTime(QDate(2026, 1, 1), QTime(0, 5), Qt::UTC));
    }

    void permissionsFollowTheUser()
    {
        ClusterQueries admin(m_admin.get());
        std::optional<NodePermissions> a;
        admin.nodePermissions(QStringLiteral("gpu-0001"), this,
                              [&](const NodePermissions &p) { a = p; });
        QTRY_VERIFY_WITH_TIMEOUT(a.has_value(), 10000);
        QVERIFY2(a->error.ok(), qPrintable(a->error.toString()));
        QVERIFY(a->patchNode.allowed && a->evictPods.allowed && a->createEvents.allowed);
        QVERIFY(a->canCordon() && a->canIsolate() && a->canDrain());
        QCOMPARE(a->evictPods.check.describe(), QStringLiteral("create pods/eviction"));

        ApiClient viewerClient(
            m_cluster->endpoint(TestCluster::context(TestCluster::User::Viewer)));
        ClusterQueries viewer(&viewerClient);
        std::optional<NodePermissions> v;
        viewer.nodePermissions(QStringLiteral("gpu-0001"), this,
                               [&](const NodePermissions &p) { v = p; });
        QTRY_VERIFY_WITH_TIMEOUT(v.has_value(), 10000);
        QVERIFY(v->error.ok());
        QVERIFY(!v->patchNode.allowed);
        QVERIFY(!v->evictPods.allowed);
        QVERIFY(!v->createEvents.allowed);
        QVERIFY(v->listPods.allowed);
        QVERIFY(!v->canCordon() && !v->canIsolate() && !v->canDrain());
    }

    void listsReadTheWatchCacheForTheNodeOnly()
    {
        // Not a cluster-wide read from etcd: the node's field selector, from the watch cache.
        ApiClient client(m_cluster->endpoint());
        QList<ApiRequest> sent;
        connect(&client, &ApiClient::requestSent, this, [&](const ApiRequest &r) { sent << r; });
        ClusterQueries queries(&client);
        bool pods = false, events = false;
        queries.podsOnNode(QStringLiteral("gpu-0001"), nullptr,
                           [&](const NodePods &) { pods = true; });
        queries.eventsOfNode(QStringLiteral("gpu-0001"), m_nodeUid, nullptr,
                             [&](const NodeEvents &) { events = true; });
        QTRY_VERIFY_WITH_TIMEOUT(pods && events, 10000);
        QCOMPARE(sent.size(), 3);
        for (const ApiRequest &r : std::as_const(sent)) {
            QCOMPARE(r.query.queryItemValue(QStringLiteral("resourceVersion")),
                     QStringLiteral("0"));
            QVERIFY2(r.query.queryItemValue(QStringLiteral("fieldSelector"), QUrl::FullyDecoded)
                         .contains(QLatin1String("gpu-0001")),
                     qPrintable(r.query.toString()));
        }
    }

    void cancelStopsWhatAContextNoLongerWants()
    {
        // The selection moved on while the server is slow: the old node's lists are stopped,
        // their answers never come.
        QVERIFY(m_cluster->control(QStringLiteral("settings"), R"({"responseDelayMs":400})"));
        ClusterQueries queries(m_admin.get());
        QObject panel;
        bool stale = false;
        queries.podsOnNode(QStringLiteral("gpu-0001"), &panel,
                           [&](const NodePods &) { stale = true; });
        queries.eventsOfNode(QStringLiteral("gpu-0001"), m_nodeUid, &panel,
                             [&](const NodeEvents &) { stale = true; });
        QCOMPARE(queries.pending(&panel), 3);
        queries.cancel(&panel);
        QCOMPARE(queries.pending(&panel), 0);
        std::optional<NodePods> fresh;
        queries.podsOnNode(QStringLiteral("gpu-0002"), &panel,
                           [&](const NodePods &p) { fresh = p; });
        QTRY_VERIFY_WITH_TIMEOUT(fresh.has_value(), 10000);
        QVERIFY(m_cluster->control(QStringLiteral("settings"), R"({"responseDelayMs":0})"));
        QCOMPARE(fresh->node, QStringLiteral("gpu-0002"));
        QTRY_COMPARE_WITH_TIMEOUT(queries.pending(), 0, 5000);
        QVERIFY(!stale);
    }

    void accessIsReviewedOncePerQuestionWithAShortCache()
    {
        // The window asks what the user may do on every selection, from several places: each
        // question reaches the server once per cache lifetime.
        ApiClient client(m_cluster->endpoint());
        int reviews = 0;
        connect(&client, &ApiClient::requestSent, this, [&](const ApiRequest &r) {
            reviews += r.path.endsWith(QLatin1String("selfsubjectaccessreviews"));
        });
        ClusterQueries queries(&client);
        queries.accessCache()->setTtlMs(60000);
        int answers = 0;
        auto ask = [&](const QString &node) {
            queries.nodePermissions(node, this, [&](const NodePermissions &p) {
                QVERIFY(p.canDrain());
                ++answers;
            });
        };
        ask(QStringLiteral("gpu-0001"));
        ask(QStringLiteral("gpu-0001")); // while the first is in flight
        QTRY_COMPARE_WITH_TIMEOUT(answers, 2, 10000);
        QCOMPARE(reviews, 5);
        ask(QStringLiteral("gpu-0001")); // answered from the cache
        QTRY_COMPARE_WITH_TIMEOUT(answers, 3, 10000);
        QCOMPARE(reviews, 5);
        ask(QStringLiteral("gpu-0002")); // only "patch nodes/gpu-0002" is a new question
        QTRY_COMPARE_WITH_TIMEOUT(answers, 4, 10000);
        QCOMPARE(reviews, 6);
        // Past the cache's lifetime (shortened to nothing here), asked again.
        queries.accessCache()->setTtlMs(0);
        ask(QStringLiteral("gpu-0001"));
        QTRY_COMPARE_WITH_TIMEOUT(answers, 5, 10000);
        QCOMPARE(reviews, 11);
    }

    void answersAreDroppedWhenTheContextIsGone()
    {
        ClusterQueries queries(m_admin.get());
        auto *context = new QObject;
        bool called = false;
        queries.podsOnNode(QStringLiteral("gpu-0001"), context,
                           [&](const NodePods &) { called = true; });
        delete context;
        bool witness = false;
        queries.podsOnNode(QStringLiteral("gpu-0001"), nullptr,
                           [&](const NodePods &) { witness = true; });
        QTRY_VERIFY_WITH_TIMEOUT(witness, 10000);
        // Both lists are done (their listers deleted themselves): the first answer was dropped.
        QTRY_VERIFY_WITH_TIMEOUT(queries.findChildren<ObjectLister *>().isEmpty(), 10000);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestClusterQueries)
#include "tst_clusterqueries.moc"

// Acting on nodes: cordon, taints (compared with the real kubectl), isolate and restore, against
// kubesim, counting the requests sent.

#include "KubeTestSupport.h"

#include "kube/ApiClient.h"
#include "kube/ClusterQueries.h"
#include "kube/NodeActions.h"
#include "kube/NodeDecoder.h"
#include "tests/common/TestCluster.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace kube;
using namespace kubetest;

namespace {

// Taints as text, without node.kubernetes.io/unschedulable: kubesim's node lifecycle controller
// adds that one on its own after a cordon (as kube-controller-manager does).
QStringList taintNames(const std::vector<Taint> &list)
{
    QStringList out;
    for (const Taint &t : list)
        if (t.key != QLatin1String("node.kubernetes.io/unschedulable"))
            out << (t.value.isEmpty() ? t.key : t.key + QLatin1Char('=') + t.value) +
                       QLatin1Char(':') + t.effect;
    return out;
}

// Records what a client sends: "GET /api/v1/nodes/x", "PATCH /api/v1/nodes/x?dryRun=All", ...
struct RequestLog
{
    QStringList lines;
    void attach(ApiClient *client)
    {
        QObject::connect(client, &ApiClient::requestSent, client, [this](const ApiRequest &r) {
            QString line = QString::fromLatin1(r.verb) + QLatin1Char(' ') + r.path;
            if (r.query.hasQueryItem(QStringLiteral("dryRun")))
                line +=
                    QStringLiteral("?dryRun=") + r.query.queryItemValue(QStringLiteral("dryRun"));
            lines << line;
        });
    }
};

} // namespace

class TestNodeActions : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;
    std::unique_ptr<ApiClient> m_admin;  // the test's own reads and writes
    std::unique_ptr<ApiClient> m_client; // the one under test
    RequestLog m_log;

    NodeActionResult wait(NodeActions &actions, std::function<quint64(NodeActions &)> start)
    {
        return waitForAction(actions, start);
    }

    NodePtr node(const QString &name)
    {
        const ApiResponse r = get(*m_admin, QStringLiteral("/api/v1/nodes/") + name);
        if (!r.ok())
            return nullptr;
        return NodeDecoder::decodeNode(r.body);
    }

    bool setTaints(const QString &name, const QStringList &specs)
    {
        QJsonArray list;
        for (const QString &s : specs) {
            QString err;
            auto t = TaintSpec::parse(s, &err);
            QJsonObject o{{QStringLiteral("key"), t->key}, {QStringLiteral("effect"), t->effect}};
            if (!t->value.isEmpty())
                o.insert(QStringLiteral("value"), t->value);
            list.append(o);
        }
        const QJsonObject patch{
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("taints"), list}}}};
        return m_cluster
            ->request("PATCH", QStringLiteral("/api/v1/nodes/") + name,
                      QJsonDocument(patch).toJson(QJsonDocument::Compact),
                      "application/merge-patch+json")
            .ok();
    }

    std::vector<KubeEventPtr> eventsOf(const QString &name, const QString &uid)
    {
        ClusterQueries q(m_admin.get());
        std::optional<NodeEvents> events;
        q.eventsOfNode(name, uid, nullptr, [&](const NodeEvents &e) { events = e; });
        if (!QTest::qWaitFor([&] { return events.has_value(); }, 10000))
            return {};
        return events->events;
    }

    bool setUnschedulable(const QString &name, bool on)
    {
        const QByteArray patch = on ? QByteArray("{\"spec\":{\"unschedulable\":true}}")
                                    : QByteArray("{\"spec\":{\"unschedulable\":null}}");
        return m_cluster
            ->request("PATCH", QStringLiteral("/api/v1/nodes/") + name, patch,
                      "application/merge-patch+json")
            .ok();
    }

private slots:
    void initTestCase()
    {
        m_cluster = std::make_unique<TestCluster>(QStringList{
            QStringLiteral("--paused"), QStringLiteral("--nodes"), QStringLiteral("40")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
        m_admin = std::make_unique<ApiClient>(m_cluster->endpoint());
        m_client = std::make_unique<ApiClient>(m_cluster->endpoint());
        m_log.attach(m_client.get());
    }

    void init() { m_log.lines.clear(); }

    void cleanupTestCase()
    {
        m_client.reset();
        m_admin.reset();
        m_cluster.reset();
    }

    void cordonAndUncordonSendNothingWhenAlreadyThere()
    {
        NodeActions actions(m_client.get());
        const QString n = QStringLiteral("gpu-0001");
        NodeActionResult r = wait(actions, [&](NodeActions &a) { return a.cordon(n); });
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.changed);
        QVERIFY(!r.change.unschedulableBefore && r.change.unschedulableAfter);
        QVERIFY(node(n)->unschedulable);
        QCOMPARE(m_log.lines,
                 (QStringList{"GET /api/v1/nodes/gpu-0001", "PATCH /api/v1/nodes/gpu-0001"}));

        const QString rv = node(n)->resourceVersion;
        m_log.lines.clear();
        r = wait(actions, [&](NodeActions &a) { return a.cordon(n); });
        QVERIFY(r.ok());
        QVERIFY(!r.changed);
        QCOMPARE(r.attempts, 0);
        QCOMPARE(m_log.lines, QStringList{"GET /api/v1/nodes/gpu-0001"});
        QCOMPARE(node(n)->resourceVersion, rv);

        r = wait(actions, [&](NodeActions &a) { return a.uncordon(n); });
        QVERIFY(r.ok() && r.changed);
        QVERIFY(!node(n)->unschedulable);
    }

    void taintEditsMatchKubectl_data()
    {
        QTest::addColumn<QStringList>("initial");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("overwrite");
        const QStringList two{QStringLiteral("dedicated=training:NoSchedule"),
                              QStringLiteral("example.com/maint:NoExecute")};
        QTest::newRow("add") << two << QStringList{"faultboard.io/test=x:PreferNoSchedule"}
                             << false;
        QTest::newRow("add two, remove one")
            << two << QStringList{"a=1:NoSchedule", "b:NoExecute", "dedicated:NoSchedule-"}
            << false;
        QTest::newRow("overwrite") << two << QStringList{"dedicated=inference:NoSchedule"} << true;
        QTest::newRow("remove by key") << two << QStringList{"example.com/maint-"} << false;
        QTest::newRow("remove all")
            << two << QStringList{"example.com/maint-", "dedicated-"} << false;
        QTest::newRow("refused: exists")
            << two << QStringList{"dedicated=other:NoSchedule"} << false;
        QTest::newRow("refused: not found") << two << QStringList{"nope-"} << false;
    }

    void taintEditsMatchKubectl()
    {
        QFETCH(QStringList, initial);
        QFETCH(QStringList, args);
        QFETCH(bool, overwrite);
        static int round = 0;
        ++round;
        // The same edit on two identical nodes: one by kubectl, one by Faultboard.
        const QString byKubectl =
            QStringLiteral("npu-%1").arg(round * 2 - 1, 4, 10, QLatin1Char('0'));
        const QString byUs = QStringLiteral("npu-%1").arg(round * 2, 4, 10, QLatin1Char('0'));
        QVERIFY(setTaints(byKubectl, initial));
        QVERIFY(setTaints(byUs, initial));

        QStringList kargs{QStringLiteral("taint"), QStringLiteral("nodes"), byKubectl};
        kargs += args;
        if (overwrite)
            kargs << QStringLiteral("--overwrite");
        const KubectlRun k = kubectl(m_cluster->kubeconfigPath(), kargs);

        NodeActions actions(m_client.get());
        QString err;
        auto specs = TaintSpec::parseAll(args, &err);
        QVERIFY2(specs, qPrintable(err));
        const NodeActionResult r =
            wait(actions, [&](NodeActions &a) { return a.taint(byUs, *specs, overwrite); });

        QCOMPARE(r.ok(), k.exitCode == 0);
        if (!r.ok()) {
            QCOMPARE(r.error.kind, ApiError::Kind::Invalid);
            QVERIFY2(r.error.toString().contains(byUs), qPrintable(r.error.toString()));
        }
        QCOMPARE(taintNames(node(byUs)->taints), taintNames(node(byKubectl)->taints));
    }

    void isolateInOnePatchAndOneEvent()
    {
        NodeActions actions(m_client.get());
        const QString n = QStringLiteral("gpu-0002");
        QVERIFY(setTaints(n, {QStringLiteral("dedicated=training:NoSchedule")}));
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        const NodeActionResult r = wait(actions, [&](NodeActions &a) {
            return a.isolate(n, QStringLiteral("NT_NPU_CARD_LOSE"),
                             QStringLiteral("NPU card lost on slot 3"));
        });
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.changed);
        QCOMPARE(r.attempts, 1);
        QVERIFY(r.eventRecorded);
        QCOMPARE(m_log.lines,
                 (QStringList{"GET /api/v1/nodes/gpu-0002", "PATCH /api/v1/nodes/gpu-0002",
                              "POST /api/v1/namespaces/default/events"}));

        const NodePtr after = node(n);
        QVERIFY(after->unschedulable);
        QCOMPARE(taintNames(after->taints),
                 (QStringList{"dedicated=training:NoSchedule",
                              "faultboard.io/isolated=NT_NPU_CARD_LOSE:NoSchedule"}));
        // The keys models/Classifier reads.
        QCOMPARE(after->annotations.value(QStringLiteral("faultboard.io/isolated-by")),
                 TestCluster::adminUserName());
        QCOMPARE(after->annotations.value(QStringLiteral("faultboard.io/isolated-reason")),
                 QStringLiteral("NPU card lost on slot 3"));
        const QDateTime at = QDateTime::fromString(
            after->annotations.value(QStringLiteral("faultboard.io/isolated-at")), Qt::ISODate);
        QVERIFY(at.isValid() && at >= before && at <= QDateTime::currentDateTimeUtc().addSecs(1));
        QCOMPARE(taintNames(r.change.taintsAfter), taintNames(after->taints));

        const auto events = eventsOf(n, after->uid);
        QCOMPARE(int(events.size()), 1);
        QCOMPARE(events[0]->reason, QStringLiteral("FaultboardIsolated"));
        QCOMPARE(events[0]->involvedUid, after->uid);
        QVERIFY(events[0]->isWarning());
        QVERIFY2(events[0]->message.contains(TestCluster::adminUserName()),
                 qPrintable(events[0]->message));
        QVERIFY(events[0]->message.contains(QLatin1String("NPU card lost on slot 3")));
        QCOMPARE(events[0]->sourceComponent, QStringLiteral("faultboard"));

        // Isolating it again changes nothing: one GET, no PATCH, no Event, first who/when kept.
        QTRY_VERIFY_WITH_TIMEOUT(
            std::ranges::any_of(node(n)->taints,
                                [](const Taint &t) {
                                    return t.key ==
                                           QLatin1String("node.kubernetes.io/unschedulable");
                                }),
            5000); // the controller's own write is done
        const QString rvBefore = node(n)->resourceVersion;
        m_log.lines.clear();
        NodeActions other(m_client.get());
        other.setOperatorName(QStringLiteral("someone-else"));
        const NodeActionResult again = wait(other, [&](NodeActions &a) {
            return a.isolate(n, QStringLiteral("NT_NPU_NET"), QStringLiteral("again"));
        });
        QVERIFY(again.ok());
        QVERIFY(!again.changed);
        QVERIFY(!again.eventRecorded);
        QCOMPARE(m_log.lines, QStringList{"GET /api/v1/nodes/gpu-0002"});
        QCOMPARE(node(n)->resourceVersion, rvBefore);
        QCOMPARE(again.change.annotationsAfter.value(QStringLiteral("faultboard.io/isolated-by")),
                 TestCluster::adminUserName());
    }

    void restoreRemovesOnlyFaultboardsTaint()
    {
        NodeActions actions(m_client.get());
        const QString n = QStringLiteral("gpu-0003");
        QVERIFY(setTaints(n, {QStringLiteral("dedicated=training:NoSchedule"),
                              QStringLiteral("example.com/maint:NoExecute")}));
        NodeActionResult r = wait(actions, [&](NodeActions &a) {
            return a.isolate(n, QStringLiteral("Ready"), QStringLiteral("not ready"));
        });
        QVERIFY(r.ok());
        // Someone else adds a taint with another key meanwhile: restore must keep it.
        QVERIFY(setTaints(n, taintNames(node(n)->taints)
                                 << QStringLiteral("other.io/keep=yes:NoSchedule")));

        m_log.lines.clear();
        r = wait(actions,
                 [&](NodeActions &a) { return a.restore(n, QStringLiteral("card replaced")); });
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.changed);
        QCOMPARE(m_log.lines,
                 (QStringList{"GET /api/v1/nodes/gpu-0003", "PATCH /api/v1/nodes/gpu-0003",
                              "POST /api/v1/namespaces/default/events"}));
        const NodePtr after = node(n);
        QVERIFY(!after->unschedulable);
        QCOMPARE(taintNames(after->taints),
                 (QStringList{"dedicated=training:NoSchedule", "example.com/maint:NoExecute",
                              "other.io/keep=yes:NoSchedule"}));
        QVERIFY(after->annotations.isEmpty());
        const auto events = eventsOf(n, after->uid);
        QCOMPARE(int(events.size()), 2);
        QCOMPARE(events.back()->reason, QStringLiteral("FaultboardRestored"));
        QVERIFY(events.back()->message.contains(QLatin1String("card replaced")));

        // Restoring a healthy node sends no PATCH.
        m_log.lines.clear();
        r = wait(actions, [&](NodeActions &a) { return a.restore(n); });
        QVERIFY(r.ok() && !r.changed);
        QCOMPARE(m_log.lines, QStringList{"GET /api/v1/nodes/gpu-0003"});
    }

    void restoreLeavesANodeFaultboardDidNotIsolateAlone()
    {
        // Someone else's maintenance: `kubectl cordon` and their own taints, no isolation.
        NodeActions actions(m_client.get());
        const QString n = QStringLiteral("gpu-0010");
        QVERIFY(setTaints(n, {QStringLiteral("example.com/maint=disk:NoSchedule"),
                              QStringLiteral("faultboard.io/isolated=by-hand:NoSchedule")}));
        QVERIFY(setUnschedulable(n, true));
        const QString rvBefore = node(n)->resourceVersion;
        m_log.lines.clear();
        NodeActionResult r = wait(actions, [&](NodeActions &a) { return a.restore(n); });
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(!r.changed);
        QVERIFY(r.notIsolated);
        QCOMPARE(m_log.lines, QStringList{"GET /api/v1/nodes/gpu-0010"});
        NodePtr after = node(n);
        QVERIFY(after->unschedulable);
        QCOMPARE(after->resourceVersion, rvBefore);
        QCOMPARE(taintNames(after->taints),
                 (QStringList{"example.com/maint=disk:NoSchedule",
                              "faultboard.io/isolated=by-hand:NoSchedule"}));

        // The operator asks for the uncordon: only that happens, the taints stay.
        ActionOptions force;
        force.forceUncordon = true;
        r = wait(actions, [&](NodeActions &a) { return a.restore(n, {}, force); });
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.changed && r.notIsolated);
        after = node(n);
        QVERIFY(!after->unschedulable);
        QCOMPARE(taintNames(after->taints),
                 (QStringList{"example.com/maint=disk:NoSchedule",
                              "faultboard.io/isolated=by-hand:NoSchedule"}));
    }

    void restoreKeepsACordonFaultboardDidNotSet()
    {
        NodeActions actions(m_client.get());
        const QString n = QStringLiteral("gpu-0011");
        QVERIFY(setTaints(n, {QStringLiteral("example.com/maint:NoExecute")}));
        QVERIFY(setUnschedulable(n, true)); // under kubectl drain maintenance
        NodeActionResult r = wait(actions, [&](NodeActions &a) {
            return a.isolate(n, QStringLiteral("Ready"), QStringLiteral("not ready"));
        });
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.changed);
        QCOMPARE(node(n)->annotations.value(QStringLiteral("faultboard.io/isolated-cordon")),
                 QStringLiteral("false"));
        QCOMPARE(node(n)->annotations.value(QStringLiteral("faultboard.io/isolated-taint")),
                 QStringLiteral("faultboard.io/isolated=Ready:NoSchedule"));

        r = wait(actions, [&](NodeActions &a) { return a.restore(n); });
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.changed && r.cordonKept && !r.notIsolated);
        const NodePtr after = node(n);
        QVERIFY(after->unschedulable); // their cordon stays
        QCOMPARE(taintNames(after->taints), QStringList{"example.com/maint:NoExecute"});
        QVERIFY(after->annotations.isEmpty());
        const auto events = eventsOf(n, after->uid);
        QVERIFY(!events.empty());
        QVERIFY2(events.back()->message.contains(QLatin1String("node stays cordoned")),
                 qPrintable(events.back()->message));
    }

    void restoreAfterTheTaintKeyChangedRemovesTheOriginalTaint()
    {
        NodeActions actions(m_client.get());
        const QString n = QStringLiteral("gpu-0012");
        IsolationSettings first;
        first.taintKey = QStringLiteral("example.com/quarantine");
        actions.setIsolationSettings(first);
        NodeActionResult r = wait(actions, [&](NodeActions &a) {
            return a.isolate(n, QStringLiteral("NT_NPU_NET"), QStringLiteral("net down"));
        });
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        // The settings change the key afterwards (back to the default here).
        actions.setIsolationSettings(IsolationSettings());
        r = wait(actions, [&](NodeActions &a) { return a.restore(n); });
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.changed);
        const NodePtr after = node(n);
        QVERIFY(!after->unschedulable);
        QCOMPARE(taintNames(after->taints), QStringList());
        QVERIFY(after->annotations.isEmpty());
    }

    void customTaintWithNoExecute()
    {
        NodeActions actions(m_client.get());
        IsolationSettings s;
        s.taintKey = QStringLiteral("example.com/quarantine");
        s.taintValue = QStringLiteral("manual");
        s.taintEffect = QStringLiteral("NoExecute");
        s.recordEvent = false;
        actions.setIsolationSettings(s);
        actions.setOperatorName(QStringLiteral("oncall-7"));
        const QString n = QStringLiteral("gpu-0004");
        NodeActionResult r = wait(actions, [&](NodeActions &a) {
            return a.isolate(n, QStringLiteral("NT_NPU_NET"), QStringLiteral("net down"));
        });
        QVERIFY(r.ok());
        QVERIFY(!r.eventRecorded);
        QCOMPARE(m_log.lines.size(), 2); // no Event
        NodePtr after = node(n);
        QCOMPARE(taintNames(after->taints), QStringList{"example.com/quarantine=manual:NoExecute"});
        QCOMPARE(after->annotations.value(QStringLiteral("faultboard.io/isolated-by")),
                 QStringLiteral("oncall-7"));
        r = wait(actions, [&](NodeActions &a) { return a.restore(n); });
        QVERIFY(r.ok());
        QVERIFY(node(n)->taints.empty());
    }

    void dryRunReportsTheExactChangeAndPersistsNothing()
    {
        NodeActions actions(m_client.get());
        const QString n = QStringLiteral("gpu-0005");
        QVERIFY(setTaints(n, {QStringLiteral("dedicated=training:NoSchedule")}));
        const NodePtr before = node(n);
        ActionOptions dry;
        dry.dryRun = true;
        const NodeActionResult r = wait(actions, [&](NodeActions &a) {
            return a.isolate(n, QStringLiteral("NT_NPU_CARD_LOSE"), QStringLiteral("checking"),
                             dry);
        });
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.dryRun);
        QVERIFY(r.changed);
        QCOMPARE(taintNames(r.change.taintsBefore), QStringList{"dedicated=training:NoSchedule"});
        QCOMPARE(taintNames(r.change.taintsAfter),
                 (QStringList{"dedicated=training:NoSchedule",
                              "faultboard.io/isolated=NT_NPU_CARD_LOSE:NoSchedule"}));
        QVERIFY(!r.change.unschedulableBefore);
        QVERIFY(r.change.unschedulableAfter);
        QVERIFY(r.change.annotationsBefore.isEmpty());
        QCOMPARE(r.change.annotationsAfter.value(QStringLiteral("faultboard.io/isolated-reason")),
                 QStringLiteral("checking"));
        QCOMPARE(m_log.lines, (QStringList{"GET /api/v1/nodes/gpu-0005",
                                           "PATCH /api/v1/nodes/gpu-0005?dryRun=All",
                                           "POST /api/v1/namespaces/default/events?dryRun=All"}));
        const NodePtr after = node(n);
        QCOMPARE(after->resourceVersion, before->resourceVersion);
        QVERIFY(!after->unschedulable);
        QVERIFY(after->annotations.isEmpty());
        QVERIFY(eventsOf(n, after->uid).empty());
    }

    void concurrentWriterMeansReadAgainAndRetry()
    {
        NodeActions actions(m_client.get());
        const QString n = QStringLiteral("gpu-0006");
        // Another writer changes the node right after each of our reads, before our PATCH.
        int writes = 0;
        int maxWrites = 1;
        int stamp = 0; // every write changes something, so it bumps the resourceVersion
        QObject guard;
        connect(m_client.get(), &ApiClient::responseReceived, &guard,
                [&](const ApiRequest &req, const ApiResponse &) {
                    if (req.verb == "GET" && req.path.endsWith(n) && writes < maxWrites) {
                        ++writes;
                        const QByteArray label = "{\"metadata\":{\"labels\":{\"writer\":\"w" +
                                                 QByteArray::number(++stamp) + "\"}}}";
                        m_cluster->request("PATCH", QStringLiteral("/api/v1/nodes/") + n, label,
                                           "application/merge-patch+json");
                    }
                });
        NodeActionResult r = wait(actions, [&](NodeActions &a) {
            return a.isolate(n, QStringLiteral("Ready"), QStringLiteral("x"));
        });
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.attempts, 2);
        QCOMPARE(m_log.lines,
                 (QStringList{"GET /api/v1/nodes/gpu-0006", "PATCH /api/v1/nodes/gpu-0006",
                              "GET /api/v1/nodes/gpu-0006", "PATCH /api/v1/nodes/gpu-0006",
                              "POST /api/v1/namespaces/default/events"}));
        QVERIFY(node(n)->unschedulable);
        QCOMPARE(node(n)->labels.value(QStringLiteral("writer")),
                 QStringLiteral("w1")); // their change kept

        // A writer that never stops: bounded retries, then a Conflict naming the node.
        writes = 0;
        maxWrites = 100;
        ActionOptions opts;
        opts.maxConflictRetries = 2;
        r = wait(actions, [&](NodeActions &a) { return a.restore(n, {}, opts); });
        QVERIFY(!r.ok());
        QVERIFY(r.error.isConflict());
        QCOMPARE(r.attempts, 3);
        QVERIFY2(r.error.toString().contains(QLatin1String("restore node gpu-0006")),
                 qPrintable(r.error.toString()));
        QVERIFY2(r.error.toString().contains(QLatin1String("gave up after 3 attempts")),
                 qPrintable(r.error.toString()));
        QVERIFY(node(n)->unschedulable);
    }

    void overloadedServerIsRetriedAfterRetryAfter()
    {
        // Priority and fairness answer 429 with Retry-After exactly when operators act: the
        // GET, the PATCH and the Event of isolate and restore are each refused once or twice,
        // and both actions still succeed, after the waits the server asked for, with the
        // delays reported as progress.
        NodeActions actions(m_client.get());
        const QString n = QStringLiteral("gpu-0009");
        QStringList progress;
        connect(&actions, &NodeActions::progress, this,
                [&](quint64, const QString &node, const QString &message) {
                    QCOMPARE(node, n);
                    progress << message;
                });
        QList<int> retryDelays;
        connect(m_client.get(), &ApiClient::requestRetrying, this,
                [&](const ApiRequest &, int, int delayMs, const ApiError &) {
                    retryDelays << delayMs;
                });
        for (
            const char *rule :
            {R"({"failNext":{"status":429,"count":1,"method":"GET","pathPrefix":"/api/v1/nodes/gpu-0009","retryAfterSeconds":1}})",
             R"({"failNext":{"status":429,"count":2,"method":"PATCH","pathPrefix":"/api/v1/nodes/gpu-0009","retryAfterSeconds":1}})",
             R"({"failNext":{"status":429,"count":1,"method":"POST","pathPrefix":"/api/v1/namespaces/default/events","retryAfterSeconds":1}})"})
            QVERIFY(m_cluster->control(QStringLiteral("settings"), rule));
        QElapsedTimer t;
        t.start();
        NodeActionResult r = wait(actions, [&](NodeActions &a) {
            return a.isolate(n, QStringLiteral("Ready"), QStringLiteral("overload test"));
        });
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.eventRecorded);
        QVERIFY(node(n)->unschedulable);
        QVERIFY2(t.elapsed() >= 4 * 950, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(retryDelays.size(), 4);
        for (int d : retryDelays)
            QVERIFY2(d >= 1000 && d <= 1100, qPrintable(QString::number(d)));
        QCOMPARE(progress.size(), 4);
        QVERIFY2(progress[1].contains(QLatin1String("overloaded (429")) &&
                     progress[1].contains(QLatin1String("retrying in 1.")),
                 qPrintable(progress[1]));
        QCOMPARE(m_log.lines.count(QStringLiteral("PATCH /api/v1/nodes/gpu-0009")), 3);

        // A 503 with Retry-After on restore's PATCH.
        progress.clear();
        QVERIFY(m_cluster->control(
            QStringLiteral("settings"),
            R"({"failNext":{"status":503,"count":1,"method":"PATCH","pathPrefix":"/api/v1/nodes/gpu-0009","retryAfterSeconds":1}})"));
        r = wait(actions, [&](NodeActions &a) { return a.restore(n, QStringLiteral("done")); });
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(!node(n)->unschedulable);
        QCOMPARE(progress.size(), 1);
        QVERIFY2(progress[0].contains(QLatin1String("503")), qPrintable(progress[0]));
    }

    void failuresNameTheNodeAndTheCause()
    {
        ApiClient viewerClient(
            m_cluster->endpoint(TestCluster::context(TestCluster::User::Viewer)));
        NodeActions viewer(&viewerClient);
        NodeActionResult r = wait(viewer, [&](NodeActions &a) {
            return a.isolate(QStringLiteral("gpu-0007"), QStringLiteral("Ready"),
                             QStringLiteral("x"));
        });
        QVERIFY(!r.ok());
        QCOMPARE(r.node, QStringLiteral("gpu-0007"));
        QCOMPARE(r.error.code, 403);
        QVERIFY2(r.error.toString().startsWith(QLatin1String("isolate node gpu-0007: forbidden")),
                 qPrintable(r.error.toString()));
        QVERIFY(!node(QStringLiteral("gpu-0007"))->unschedulable);

        NodeActions actions(m_client.get());
        r = wait(actions, [&](NodeActions &a) { return a.cordon(QStringLiteral("no-such-node")); });
        QVERIFY(r.error.isNotFound());
        QVERIFY2(r.error.toString().contains(QLatin1String("no-such-node")),
                 qPrintable(r.error.toString()));

        IsolationSettings bad;
        bad.taintKey = QStringLiteral("Bad Key");
        actions.setIsolationSettings(bad);
        m_log.lines.clear();
        r = wait(actions, [&](NodeActions &a) {
            return a.isolate(QStringLiteral("gpu-0007"), QStringLiteral("Ready"),
                             QStringLiteral("x"));
        });
        QCOMPARE(r.error.kind, ApiError::Kind::Invalid);
        QVERIFY(m_log.lines.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNodeActions)
#include "tst_nodeactions.moc"

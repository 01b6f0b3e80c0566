// kubesim's workloads for drain: pods with owners, DaemonSets, ReplicaSets, PodDisruptionBudgets
// with their status, graceful pod deletion and the eviction subresource, checked over real TLS
// sockets against the rules of kube-apiserver's eviction handler.

#include "kube/ApiCall.h"
#include "kube/ApiClient.h"
#include "tests/common/TestCluster.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

QByteArray evictionBody(const QString &ns, const QString &name)
{
    return QJsonDocument(QJsonObject{{str("apiVersion"), str("policy/v1")},
                                     {str("kind"), str("Eviction")},
                                     {str("metadata"),
                                      QJsonObject{{str("name"), name}, {str("namespace"), ns}}}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestWorkloads : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;

    QJsonObject getObject(const QString &path, int expectStatus = 200)
    {
        const kube::ApiResponse r = m_cluster->request("GET", path);
        if (r.status != expectStatus)
            qWarning("GET %s: %d %s", qPrintable(path), r.status, qPrintable(r.error.toString()));
        return QJsonDocument::fromJson(r.body).object();
    }

    int status(const QString &path) { return m_cluster->request("GET", path).status; }

    QJsonArray pods(const QString &query)
    {
        return getObject(str("/api/v1/pods?") + query).value(str("items")).toArray();
    }

    // The name of the pod of `app` on `node` (empty when there is none).
    QString podOf(const QString &app, const QString &node)
    {
        const QJsonArray items =
            pods(str("labelSelector=app%3D") + app + str("&fieldSelector=spec.nodeName%3D") + node);
        for (const QJsonValue &v : items)
            if (!v.toObject().value(str("metadata")).toObject().contains(str("deletionTimestamp")))
                return v.toObject().value(str("metadata")).toObject().value(str("name")).toString();
        return {};
    }

    kube::ApiResponse evict(const QString &ns, const QString &name)
    {
        return m_cluster->request("POST",
                                  str("/api/v1/namespaces/%1/pods/%2/eviction").arg(ns, name),
                                  evictionBody(ns, name));
    }

    QJsonObject budgetStatus(const QString &name)
    {
        return getObject(str("/apis/policy/v1/namespaces/serving/poddisruptionbudgets/") + name)
            .value(str("status"))
            .toObject();
    }

    static QJsonObject bodyOf(const kube::ApiResponse &r)
    {
        return QJsonDocument::fromJson(r.body).object();
    }

private slots:
    void init()
    {
        m_cluster = std::make_unique<TestCluster>(QStringList{
            str("--paused"), str("--scenario"), str(FAULTBOARD_TEST_DATA "/sim/workloads.json")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
    }

    void cleanup() { m_cluster.reset(); }

    void scenarioBuildsOwnedPodsOnEachNode()
    {
        // Everything on gpu-0001, across namespaces, as drain lists it.
        const QJsonArray items = pods(str("fieldSelector=spec.nodeName%3Dgpu-0001"));
        QMap<QString, QString> ownerKindByApp;
        for (const QJsonValue &v : items) {
            const QJsonObject md = v.toObject().value(str("metadata")).toObject();
            QCOMPARE(v.toObject().value(str("spec")).toObject().value(str("nodeName")).toString(),
                     str("gpu-0001"));
            const QJsonArray owners = md.value(str("ownerReferences")).toArray();
            QCOMPARE(owners.size(), 1);
            QVERIFY(owners[0].toObject().value(str("controller")).toBool());
            QVERIFY(!owners[0].toObject().value(str("uid")).toString().isEmpty());
            ownerKindByApp.insert(md.value(str("labels")).toObject().value(str("app")).toString(),
                                  owners[0].toObject().value(str("kind")).toString());
        }
        QCOMPARE(items.size(), 5);
        QCOMPARE(ownerKindByApp.value(str("node-agent")), str("DaemonSet"));
        QCOMPARE(ownerKindByApp.value(str("device-plugin")), str("DaemonSet"));
        QCOMPARE(ownerKindByApp.value(str("train")), str("ReplicaSet"));
        QCOMPARE(ownerKindByApp.value(str("guarded")), str("ReplicaSet"));
        QCOMPARE(ownerKindByApp.value(str("double")), str("ReplicaSet"));

        // The owners drain looks up exist, with status written by their controllers.
        const QJsonObject ds =
            getObject(str("/apis/apps/v1/namespaces/kube-system/daemonsets/node-agent"));
        QCOMPARE(ds.value(str("status")).toObject().value(str("desiredNumberScheduled")).toInt(),
                 4);
        QCOMPARE(ds.value(str("status")).toObject().value(str("numberReady")).toInt(), 4);
        const QJsonObject rs =
            getObject(str("/apis/apps/v1/namespaces/serving/replicasets/guarded"));
        QCOMPARE(rs.value(str("spec")).toObject().value(str("replicas")).toInt(), 3);
        QCOMPARE(rs.value(str("status")).toObject().value(str("readyReplicas")).toInt(), 2);

        // The guarded pods: an emptyDir volume, a small grace period, one of three not ready.
        const QJsonArray guarded = pods(str("labelSelector=app%3Dguarded"));
        QCOMPARE(guarded.size(), 3);
        int ready = 0;
        for (const QJsonValue &v : guarded) {
            const QJsonObject spec = v.toObject().value(str("spec")).toObject();
            QCOMPARE(spec.value(str("terminationGracePeriodSeconds")).toInt(), 1);
            bool emptyDir = false;
            for (const QJsonValue &vol : spec.value(str("volumes")).toArray())
                emptyDir = emptyDir || vol.toObject().contains(str("emptyDir"));
            QVERIFY(emptyDir);
            for (const QJsonValue &c :
                 v.toObject().value(str("status")).toObject().value(str("conditions")).toArray())
                if (c.toObject().value(str("type")).toString() == str("Ready") &&
                    c.toObject().value(str("status")).toString() == str("True"))
                    ++ready;
        }
        QCOMPARE(ready, 2);

        // A bare pod without a controller, a mirror pod with the kubelet's annotation.
        const QJsonObject bare = getObject(str("/api/v1/namespaces/default/pods/scratch"));
        QVERIFY(!bare.value(str("metadata")).toObject().contains(str("ownerReferences")));
        const QJsonObject mirror =
            getObject(str("/api/v1/namespaces/kube-system/pods/etcd-cp-0001"));
        QVERIFY(mirror.value(str("metadata"))
                    .toObject()
                    .value(str("annotations"))
                    .toObject()
                    .contains(str("kubernetes.io/config.mirror")));

        // The disruption controller's view of the guarded budget.
        const QJsonObject st = budgetStatus(str("guarded"));
        QCOMPARE(st.value(str("currentHealthy")).toInt(), 2);
        QCOMPARE(st.value(str("desiredHealthy")).toInt(), 2);
        QCOMPARE(st.value(str("expectedPods")).toInt(), 3);
        QCOMPARE(st.value(str("disruptionsAllowed")).toInt(), 0);
        QCOMPARE(st.value(str("observedGeneration")).toInt(), 1);
        // maxUnavailable 1 of a ReplicaSet of 1: one disruption allowed.
        const QJsonObject a = budgetStatus(str("double-a"));
        QCOMPARE(a.value(str("expectedPods")).toInt(), 1);
        QCOMPARE(a.value(str("desiredHealthy")).toInt(), 0);
        QCOMPARE(a.value(str("disruptionsAllowed")).toInt(), 1);
    }

    void listsFilterByFieldAndLabelAndRejectUnknownFields()
    {
        QCOMPARE(pods(str("labelSelector=app%3Dtrain")).size(), 4);
        QCOMPARE(pods(str("labelSelector=app%20in%20(guarded,flaky)&fieldSelector=spec.nodeName%"
                          "3Dgpu-0002"))
                     .size(),
                 2);
        QCOMPARE(
            getObject(str("/api/v1/namespaces/kube-system/pods?labelSelector=app%3Dnode-agent"))
                .value(str("items"))
                .toArray()
                .size(),
            4);
        const kube::ApiResponse r =
            m_cluster->request("GET", str("/api/v1/pods?fieldSelector=spec.nodeNam%3Dgpu-0001"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.error.reason, str("BadRequest"));
        QCOMPARE(r.error.message, str("field label not supported: spec.nodeNam"));
    }

    void budgetRefusesEvictionWithTooManyRequests()
    {
        const QString pod = podOf(str("guarded"), str("gpu-0001"));
        QVERIFY(!pod.isEmpty());
        const kube::ApiResponse r = evict(str("serving"), pod);
        QCOMPARE(r.status, 429);
        const QJsonObject body = bodyOf(r);
        QCOMPARE(body.value(str("reason")).toString(), str("TooManyRequests"));
        QCOMPARE(body.value(str("message")).toString(),
                 str("Cannot evict pod as it would violate the pod's disruption budget."));
        const QJsonObject details = body.value(str("details")).toObject();
        QVERIFY(!details.contains(str("retryAfterSeconds")));
        const QJsonObject cause = details.value(str("causes")).toArray().at(0).toObject();
        QCOMPARE(cause.value(str("reason")).toString(), str("DisruptionBudget"));
        QCOMPARE(cause.value(str("message")).toString(),
                 str("The disruption budget guarded needs 2 healthy pods and has 2 currently"));
        // Nothing happened to the pod.
        const QJsonObject after = getObject(str("/api/v1/namespaces/serving/pods/") + pod);
        QVERIFY(!after.value(str("metadata")).toObject().contains(str("deletionTimestamp")));
    }

    void readyControlLetsTheBudgetAllowOneEviction()
    {
        const QString unready = podOf(str("guarded"), str("gpu-0003"));
        const QString victim = podOf(str("guarded"), str("gpu-0001"));
        QVERIFY(m_cluster->control(str("inject"), QByteArray("{\"pod\":\"serving/") +
                                                      unready.toUtf8() + "\",\"ready\":true}"));
        // The control call answers after the disruption controller has caught up.
        QCOMPARE(budgetStatus(str("guarded")).value(str("currentHealthy")).toInt(), 3);
        QCOMPARE(budgetStatus(str("guarded")).value(str("disruptionsAllowed")).toInt(), 1);

        // Replacements take 2 s to start, so the spent disruption can be seen before that.
        QVERIFY(m_cluster->control(str("settings"), R"({"podStartupDelayMs":2000})"));
        const kube::ApiResponse r = evict(str("serving"), victim);
        QCOMPARE(r.status, 201);
        QCOMPARE(bodyOf(r).value(str("status")).toString(), str("Success"));
        // The budget spent its disruption (until the replacement is Ready).
        QCOMPARE(budgetStatus(str("guarded")).value(str("disruptionsAllowed")).toInt(), 0);
        // Graceful: the pod is terminating first, then gone after its grace period (1 s).
        const QJsonObject terminating = getObject(str("/api/v1/namespaces/serving/pods/") + victim);
        QVERIFY(terminating.value(str("metadata")).toObject().contains(str("deletionTimestamp")));
        QCOMPARE(terminating.value(str("metadata"))
                     .toObject()
                     .value(str("deletionGracePeriodSeconds"))
                     .toInt(),
                 1);
        QTRY_COMPARE_WITH_TIMEOUT(status(str("/api/v1/namespaces/serving/pods/") + victim), 404,
                                  5000);

        // The ReplicaSet controller replaced it on another schedulable node (not the tainted
        // control plane), Pending first, then Running and Ready.
        QJsonObject replacement;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     for (const QJsonValue &v :
                                          pods(str("labelSelector=app%3Dguarded"))) {
                                         const QString node = v.toObject()
                                                                  .value(str("spec"))
                                                                  .toObject()
                                                                  .value(str("nodeName"))
                                                                  .toString();
                                         if (node != str("gpu-0002") && node != str("gpu-0003") &&
                                             node != str("gpu-0001")) {
                                             replacement = v.toObject();
                                             return true;
                                         }
                                     }
                                     return false;
                                 }()),
                                 5000);
        QCOMPARE(replacement.value(str("spec")).toObject().value(str("nodeName")).toString(),
                 str("gpu-0004"));
        const QString name =
            replacement.value(str("metadata")).toObject().value(str("name")).toString();
        QVERIFY(name.startsWith(str("guarded-")));
        QTRY_COMPARE_WITH_TIMEOUT(getObject(str("/api/v1/namespaces/serving/pods/") + name)
                                      .value(str("status"))
                                      .toObject()
                                      .value(str("phase"))
                                      .toString(),
                                  str("Running"), 8000);
        QTRY_COMPARE_WITH_TIMEOUT(budgetStatus(str("guarded")).value(str("currentHealthy")).toInt(),
                                  3, 5000);
    }

    void podUnderTwoBudgetsGetsTheFailureStatus()
    {
        const QString pod = podOf(str("double"), str("gpu-0001"));
        const kube::ApiResponse r = evict(str("serving"), pod);
        // kube-apiserver's create handler writes the returned Status with 201; its code says 500.
        QCOMPARE(r.status, 201);
        const QJsonObject body = bodyOf(r);
        QCOMPARE(body.value(str("status")).toString(), str("Failure"));
        QCOMPARE(body.value(str("code")).toInt(), 500);
        QCOMPARE(body.value(str("message")).toString(),
                 str("This pod has more than one PodDisruptionBudget, which the eviction "
                     "subresource does not support."));
        QCOMPARE(status(str("/api/v1/namespaces/serving/pods/") + pod), 200);
    }

    void podWithoutBudgetIsEvictedAndMissingPodIs404()
    {
        const QString pod = podOf(str("train"), str("gpu-0002"));
        QCOMPARE(evict(str("training"), pod).status, 201);
        QTRY_COMPARE_WITH_TIMEOUT(status(str("/api/v1/namespaces/training/pods/") + pod), 404,
                                  5000);
        const kube::ApiResponse gone = evict(str("training"), pod);
        QCOMPARE(gone.status, 404);
        QCOMPARE(gone.error.reason, str("NotFound"));
        QCOMPARE(gone.error.message, str("pods \"%1\" not found").arg(pod));
        // A body naming another pod is refused.
        const kube::ApiResponse mismatch =
            m_cluster->request("POST",
                               str("/api/v1/namespaces/serving/pods/%1/eviction")
                                   .arg(podOf(str("guarded"), str("gpu-0001"))),
                               evictionBody(str("serving"), str("someone-else")));
        QCOMPARE(mismatch.status, 400);
        QCOMPARE(mismatch.error.message, str("name in URL does not match name in Eviction object"));
    }

    void unreadyPodIsEvictedWhileTheBudgetIsMet()
    {
        // flaky: minAvailable 1, one ready pod, one not: no disruption allowed, yet the unready
        // pod may go because evicting it cannot break the budget.
        QCOMPARE(budgetStatus(str("flaky")).value(str("disruptionsAllowed")).toInt(), 0);
        QCOMPARE(evict(str("serving"), podOf(str("flaky"), str("gpu-0003"))).status, 201);
        QCOMPARE(evict(str("serving"), podOf(str("flaky"), str("gpu-0002"))).status, 429);
    }

    void terminalPendingAndTerminatingPodsSkipTheBudget()
    {
        // Terminal: a guarded pod that finished.
        const QString done = podOf(str("guarded"), str("gpu-0002"));
        QVERIFY(m_cluster->control(str("inject"), QByteArray("{\"pod\":\"serving/") +
                                                      done.toUtf8() +
                                                      "\",\"phase\":\"Succeeded\"}"));
        QCOMPARE(evict(str("serving"), done).status, 201);
        QCOMPARE(status(str("/api/v1/namespaces/serving/pods/") + done),
                 404); // terminal: no grace period

        // Pending: a pod no node accepts.
        const QByteArray pending =
            R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"waiting","labels":{"app":"guarded"}},"spec":{"nodeSelector":{"pool":"nowhere"},"containers":[{"name":"c","image":"busybox"}]}})";
        QCOMPARE(m_cluster->request("POST", str("/api/v1/namespaces/serving/pods"), pending).status,
                 201);
        QTRY_VERIFY_WITH_TIMEOUT(getObject(str("/api/v1/namespaces/serving/pods/waiting"))
                                         .value(str("status"))
                                         .toObject()
                                         .value(str("conditions"))
                                         .toArray()
                                         .at(0)
                                         .toObject()
                                         .value(str("reason"))
                                         .toString() == str("Unschedulable"),
                                 5000);
        QCOMPARE(evict(str("serving"), str("waiting")).status, 201);
        QCOMPARE(status(str("/api/v1/namespaces/serving/pods/waiting")), 404);

        // Terminating: a pod deleted with a long grace period.
        const QString slow = podOf(str("guarded"), str("gpu-0001"));
        const kube::ApiResponse del =
            m_cluster->request("DELETE", str("/api/v1/namespaces/serving/pods/") + slow +
                                             str("?gracePeriodSeconds=300"));
        QCOMPARE(del.status, 200);
        QCOMPARE(bodyOf(del)
                     .value(str("metadata"))
                     .toObject()
                     .value(str("deletionGracePeriodSeconds"))
                     .toInt(),
                 300);
        QCOMPARE(evict(str("serving"), slow).status, 201);
        QCOMPARE(status(str("/api/v1/namespaces/serving/pods/") + slow), 200); // still terminating
    }

    void budgetBehindItsGenerationAsksToRetryLater()
    {
        QVERIFY(m_cluster->control(str("settings"), R"({"pauseControllers":true})"));
        const kube::ApiResponse patched = m_cluster->request(
            "PATCH", str("/apis/policy/v1/namespaces/serving/poddisruptionbudgets/guarded"),
            R"({"spec":{"minAvailable":1}})", "application/merge-patch+json");
        QCOMPARE(patched.status, 200);
        QCOMPARE(bodyOf(patched).value(str("metadata")).toObject().value(str("generation")).toInt(),
                 2);
        const kube::ApiResponse r = evict(str("serving"), podOf(str("guarded"), str("gpu-0001")));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.error.retryAfterSeconds, 10);
        QCOMPARE(bodyOf(r)
                     .value(str("details"))
                     .toObject()
                     .value(str("causes"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(str("message"))
                     .toString(),
                 str("The disruption budget guarded is still being processed by the server."));
        // Once the controller observes generation 2 (minAvailable 1 of 2 healthy), it allows one.
        QVERIFY(m_cluster->control(str("settings"), R"({"pauseControllers":false})"));
        QTRY_COMPARE_WITH_TIMEOUT(
            budgetStatus(str("guarded")).value(str("observedGeneration")).toInt(), 2, 5000);
        QCOMPARE(budgetStatus(str("guarded")).value(str("disruptionsAllowed")).toInt(), 1);
        QCOMPARE(evict(str("serving"), podOf(str("guarded"), str("gpu-0001"))).status, 201);
    }

    void deleteHonoursTheGracePeriod()
    {
        const QString pod = podOf(str("train"), str("gpu-0003"));
        const kube::ApiResponse r =
            m_cluster->request("DELETE", str("/api/v1/namespaces/training/pods/") + pod);
        QCOMPARE(r.status, 200);
        // The pod's own terminationGracePeriodSeconds (1) applies.
        QCOMPARE(bodyOf(r)
                     .value(str("metadata"))
                     .toObject()
                     .value(str("deletionGracePeriodSeconds"))
                     .toInt(),
                 1);
        QCOMPARE(status(str("/api/v1/namespaces/training/pods/") + pod), 200);
        QTRY_COMPARE_WITH_TIMEOUT(status(str("/api/v1/namespaces/training/pods/") + pod), 404,
                                  5000);

        // gracePeriodSeconds 0 (in DeleteOptions) removes it at once.
        const QString other = podOf(str("train"), str("gpu-0004"));
        QCOMPARE(
            m_cluster
                ->request("DELETE", str("/api/v1/namespaces/training/pods/") + other,
                          R"({"kind":"DeleteOptions","apiVersion":"v1","gracePeriodSeconds":0})")
                .status,
            200);
        QCOMPARE(status(str("/api/v1/namespaces/training/pods/") + other), 404);

        // A uid precondition that does not hold is a conflict.
        const QString third = podOf(str("train"), str("gpu-0001"));
        const kube::ApiResponse conflict =
            m_cluster->request("DELETE", str("/api/v1/namespaces/training/pods/") + third,
                               R"({"preconditions":{"uid":"not-this-one"}})");
        QCOMPARE(conflict.status, 409);
        QVERIFY(conflict.error.message.contains(
            str("Precondition failed: UID in precondition: not-this-one")));
    }

    void readyControlNamesWhatIsWrong()
    {
        const kube::ApiResponse r = m_cluster->request("POST", str("/_sim/inject"),
                                                       R"({"pod":"serving/nope","ready":true})");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.error.message, str("pod serving/nope not found"));
        const kube::ApiResponse bad =
            m_cluster->request("POST", str("/_sim/inject"), R"({"pod":"nope","ready":true})");
        QCOMPARE(bad.status, 422);
        QVERIFY(bad.error.message.contains(str("NAMESPACE/NAME")));
        // Readiness flips feed the budget both ways.
        QVERIFY(
            m_cluster->control(str("inject"), QByteArray("{\"pod\":\"serving/") +
                                                  podOf(str("guarded"), str("gpu-0002")).toUtf8() +
                                                  "\",\"ready\":false}"));
        QCOMPARE(budgetStatus(str("guarded")).value(str("currentHealthy")).toInt(), 1);
    }

    void nodesComingAndGoingMoveTheirPods()
    {
        // A node joins the pool: the DaemonSets put their agents on it.
        QVERIFY(m_cluster->control(str("inject"), R"({"add":{"pool":"gpu-a100"}})"));
        QTRY_COMPARE_WITH_TIMEOUT(pods(str("fieldSelector=spec.nodeName%3Dgpu-0005")).size(), 2,
                                  5000);
        // A node is deleted: its pods are collected and the ReplicaSet replaces its pod.
        const QString train = podOf(str("train"), str("gpu-0004"));
        QVERIFY(m_cluster->control(str("inject"), R"({"delete":"gpu-0004"})"));
        QTRY_COMPARE_WITH_TIMEOUT(pods(str("fieldSelector=spec.nodeName%3Dgpu-0004")).size(), 0,
                                  5000);
        QCOMPARE(status(str("/api/v1/namespaces/training/pods/") + train), 404);
        QTRY_COMPARE_WITH_TIMEOUT(pods(str("labelSelector=app%3Dtrain")).size(), 4, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            getObject(str("/apis/apps/v1/namespaces/kube-system/daemonsets/node-agent"))
                .value(str("status"))
                .toObject()
                .value(str("desiredNumberScheduled"))
                .toInt(),
            4, 5000);
    }

    void cordonedNodeGetsTheUnschedulableTaint()
    {
        QCOMPARE(m_cluster
                     ->request("PATCH", str("/api/v1/nodes/gpu-0002"),
                               R"({"spec":{"unschedulable":true}})",
                               "application/strategic-merge-patch+json")
                     .status,
                 200);
        auto taintKeys = [&] {
            QStringList keys;
            for (const QJsonValue &t : getObject(str("/api/v1/nodes/gpu-0002"))
                                           .value(str("spec"))
                                           .toObject()
                                           .value(str("taints"))
                                           .toArray())
                keys << t.toObject().value(str("key")).toString() + str(":") +
                            t.toObject().value(str("effect")).toString();
            return keys;
        };
        QTRY_COMPARE_WITH_TIMEOUT(
            taintKeys(), QStringList{str("node.kubernetes.io/unschedulable:NoSchedule")}, 5000);
        QCOMPARE(m_cluster
                     ->request("PATCH", str("/api/v1/nodes/gpu-0002"),
                               R"({"spec":{"unschedulable":null}})",
                               "application/strategic-merge-patch+json")
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(taintKeys(), QStringList(), 5000);
    }
};

QTEST_GUILESS_MAIN(TestWorkloads)
#include "tst_workloads.moc"

// The referee: the real kubectl against kubesim. One kubectl binary per run, named by
// FAULTBOARD_KUBECTL (CMake registers one test per kubectl.1.NN found) or `kubectl` on PATH.
// Every test asserts kubectl's output and the cluster state read back from kubesim.

#include "kube/ApiCall.h"
#include "tests/common/TestCluster.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
    QString all() const { return out + err; }
};

// The rows of a kubectl table, cut at the header's column starts.
QList<QStringList> tableRows(const QString &text, QStringList *header)
{
    QList<QStringList> rows;
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return rows;
    QList<int> starts;
    static const QRegularExpression word(str("\\S+(?: \\S+)*"));
    for (auto it = word.globalMatch(lines.first()); it.hasNext();) {
        const auto m = it.next();
        starts << int(m.capturedStart());
        *header << m.captured();
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QStringList cells;
        for (qsizetype c = 0; c < starts.size(); ++c) {
            const int from = starts[c];
            const int to = c + 1 < starts.size() ? starts[c + 1] : int(lines[i].size());
            cells << lines[i].mid(from, to - from).trimmed();
        }
        rows << cells;
    }
    return rows;
}

} // namespace

class TestKubectl : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;
    QTemporaryDir m_home;
    QString m_kubectl;
    int m_minor = 0; // kubectl's minor version: the messages and flags below changed over time

    QStringList baseArgs() const
    {
        return {str("--kubeconfig"), m_cluster->kubeconfigPath(), str("--cache-dir"),
                m_home.filePath(str("cache")), str("--request-timeout=30s")};
    }

    void prepare(QProcess &p) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(str("HOME"), m_home.path());
        env.remove(str("KUBECONFIG"));
        p.setProcessEnvironment(env);
        p.setProgram(m_kubectl);
    }

    Result kubectl(const QStringList &args)
    {
        QProcess p;
        prepare(p);
        p.setArguments(baseArgs() + args);
        p.start();
        Result r;
        if (!p.waitForStarted(10000) || !p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished(5000);
            r.err = str("kubectl did not finish: ") + p.errorString();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    QJsonObject get(const QString &path)
    {
        const kube::ApiResponse r = m_cluster->request("GET", path);
        if (r.status != 200)
            qWarning("GET %s: %d %s", qPrintable(path), r.status, qPrintable(r.error.toString()));
        return QJsonDocument::fromJson(r.body).object();
    }

    QJsonObject node(const QString &name) { return get(str("/api/v1/nodes/") + name); }

    QStringList taintsOf(const QString &name)
    {
        QStringList out;
        for (const QJsonValue &t :
             node(name).value(str("spec")).toObject().value(str("taints")).toArray()) {
            const QJsonObject o = t.toObject();
            out << o.value(str("key")).toString() +
                       (o.contains(str("value")) ? str("=") + o.value(str("value")).toString()
                                                 : QString()) +
                       str(":") + o.value(str("effect")).toString();
        }
        out.sort();
        return out;
    }

    bool unschedulable(const QString &name)
    {
        return node(name).value(str("spec")).toObject().value(str("unschedulable")).toBool();
    }

    QStringList podsOn(const QString &nodeName)
    {
        QStringList names;
        for (const QJsonValue &v :
             get(str("/api/v1/pods?fieldSelector=spec.nodeName%3D") + nodeName)
                 .value(str("items"))
                 .toArray())
            names
                << v.toObject()
                           .value(str("metadata"))
                           .toObject()
                           .value(str("namespace"))
                           .toString() +
                       str("/") +
                       v.toObject().value(str("metadata")).toObject().value(str("name")).toString();
        names.sort();
        return names;
    }

    QString podOf(const QString &app, const QString &nodeName)
    {
        for (const QString &p : podsOn(nodeName))
            if (p.section(QLatin1Char('/'), 1).startsWith(app + str("-")))
                return p;
        return {};
    }

private slots:
    void initTestCase()
    {
        const QByteArray configured = qgetenv("FAULTBOARD_KUBECTL");
        m_kubectl = configured.isEmpty() ? QStandardPaths::findExecutable(str("kubectl"))
                                         : QString::fromLocal8Bit(configured);
        QVERIFY2(!m_kubectl.isEmpty(), "no kubectl on PATH (and FAULTBOARD_KUBECTL not set): "
                                       "install one (scripts/deps.sh test installs Debian's "
                                       "kubernetes-client)");
        QVERIFY2(QFileInfo(m_kubectl).isExecutable(),
                 qPrintable(m_kubectl + str(" is not executable")));
        QVERIFY(m_home.isValid());
        m_cluster = std::make_unique<TestCluster>(QStringList{
            str("--paused"), str("--scenario"), str(FAULTBOARD_TEST_DATA "/sim/kubectl.json")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
        const Result version = kubectl({str("version"), str("--client"), str("-o"), str("json")});
        const QJsonObject client = QJsonDocument::fromJson(version.out.toUtf8())
                                       .object()
                                       .value(str("clientVersion"))
                                       .toObject();
        m_minor = client.value(str("minor")).toString().remove(QLatin1Char('+')).toInt();
        QVERIFY2(m_minor > 0, qPrintable(version.all()));
        qInfo("kubectl %s: %s", qPrintable(m_kubectl),
              qPrintable(client.value(str("gitVersion")).toString()));
    }

    void cleanupTestCase() { m_cluster.reset(); }

    void getNodesPrintsTheServerTable()
    {
        // Statuses to show: a node whose kubelet went silent, one without a Ready condition that
        // is also cordoned.
        QVERIFY(m_cluster->setCondition(str("spare-0001"), str("Ready"), str("Unknown"),
                                        str("NodeStatusUnknown"),
                                        str("Kubelet stopped posting node status.")));
        QVERIFY(m_cluster->control(str("inject"),
                                   R"({"node":"spare-0002","removeCondition":"Ready"})"));
        QCOMPARE(m_cluster
                     ->request("PATCH", str("/api/v1/nodes/spare-0002"),
                               R"({"spec":{"unschedulable":true}})",
                               "application/strategic-merge-patch+json")
                     .status,
                 200);

        const Result r = kubectl({str("get"), str("nodes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QStringList header;
        const QList<QStringList> rows = tableRows(r.out, &header);
        QCOMPARE(header, (QStringList{str("NAME"), str("STATUS"), str("ROLES"), str("AGE"),
                                      str("VERSION")}));
        QMap<QString, QStringList> byName;
        for (const QStringList &row : rows)
            byName.insert(row.value(0), row);
        QCOMPARE(byName.size(), 7);
        QCOMPARE(byName.value(str("cp-0001")),
                 (QStringList{str("cp-0001"), str("Ready"), str("control-plane"), str("2d2h"),
                              str("v1.29.4")}));
        QCOMPARE(byName.value(str("gpu-0001")),
                 (QStringList{str("gpu-0001"), str("Ready"), str("<none>"), str("2d2h"),
                              str("v1.28.8")}));
        QCOMPARE(byName.value(str("spare-0001")).value(1), str("NotReady"));
        QCOMPARE(byName.value(str("spare-0002")).value(1), str("Unknown,SchedulingDisabled"));

        // -o wide adds the priority-1 columns; the address is the node's InternalIP.
        const Result wide =
            kubectl({str("get"), str("nodes"), str("gpu-0003"), str("-o"), str("wide")});
        QVERIFY2(wide.exitCode == 0, qPrintable(wide.all()));
        QStringList wideHeader;
        const QList<QStringList> wideRows = tableRows(wide.out, &wideHeader);
        QCOMPARE(wideHeader.mid(5),
                 (QStringList{str("INTERNAL-IP"), str("EXTERNAL-IP"), str("OS-IMAGE"),
                              str("KERNEL-VERSION"), str("CONTAINER-RUNTIME")}));
        QString internalIp;
        for (const QJsonValue &a : node(str("gpu-0003"))
                                       .value(str("status"))
                                       .toObject()
                                       .value(str("addresses"))
                                       .toArray())
            if (a.toObject().value(str("type")).toString() == str("InternalIP"))
                internalIp = a.toObject().value(str("address")).toString();
        QCOMPARE(wideRows.value(0).value(5), internalIp);
        QCOMPARE(wideRows.value(0).value(7), str("Ubuntu 22.04.4 LTS"));

        // Pods: READY counts ready containers, STATUS Running.
        const Result pods = kubectl({str("get"), str("pods"), str("-n"), str("serving")});
        QVERIFY2(pods.exitCode == 0, qPrintable(pods.all()));
        QStringList podHeader;
        const QList<QStringList> podRows = tableRows(pods.out, &podHeader);
        QCOMPARE(podHeader, (QStringList{str("NAME"), str("READY"), str("STATUS"), str("RESTARTS"),
                                         str("AGE")}));
        QCOMPARE(podRows.size(), 3);
        QStringList readiness;
        for (const QStringList &row : podRows)
            readiness << row.value(1) + str(" ") + row.value(2);
        readiness.sort();
        QCOMPARE(readiness,
                 (QStringList{str("0/1 Running"), str("1/1 Running"), str("1/1 Running")}));
    }

    void getNodesJsonMatchesTheApi()
    {
        const Result r = kubectl({str("get"), str("nodes"), str("-o"), str("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QJsonObject list = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(list.value(str("kind")).toString(), str("List"));
        const QJsonArray items = list.value(str("items")).toArray();
        const QJsonArray api = get(str("/api/v1/nodes")).value(str("items")).toArray();
        QCOMPARE(items.size(), api.size());
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QJsonObject a = items[i].toObject(), b = api[i].toObject();
            QCOMPARE(a.value(str("metadata")).toObject().value(str("name")),
                     b.value(str("metadata")).toObject().value(str("name")));
            QCOMPARE(a.value(str("status")).toObject().value(str("capacity")),
                     b.value(str("status")).toObject().value(str("capacity")));
            QCOMPARE(a.value(str("status")).toObject().value(str("images")).toArray().size(),
                     b.value(str("status")).toObject().value(str("images")).toArray().size());
        }
        QCOMPARE(items[1]
                     .toObject()
                     .value(str("status"))
                     .toObject()
                     .value(str("capacity"))
                     .toObject()
                     .value(str("nvidia.com/gpu"))
                     .toString(),
                 str("8"));
    }

    void watchShowsAnInjectedFault()
    {
        QProcess watch;
        prepare(watch);
        watch.setArguments(baseArgs() + QStringList{str("get"), str("nodes"), str("-w")});
        QString out;
        connect(&watch, &QProcess::readyReadStandardOutput, this,
                [&] { out += QString::fromUtf8(watch.readAllStandardOutput()); });
        watch.start();
        QVERIFY(watch.waitForStarted(10000));
        // The initial list first: every node once.
        QTRY_VERIFY_WITH_TIMEOUT(out.contains(str("spare-0002")), 30000);
        static const QRegularExpression readyRow(str("^gpu-0004\\s+Ready\\s"),
                                                 QRegularExpression::MultilineOption);
        QVERIFY2(out.contains(readyRow), qPrintable(out));
        QVERIFY(m_cluster->setCondition(
            str("gpu-0004"), str("Ready"), str("False"), str("KubeletNotReady"),
            str("PLEG is not healthy: pleg was last seen active 3m0s ago")));
        static const QRegularExpression notReadyRow(
            str("^gpu-0004\\s+NotReady\\s+<none>\\s+2d2h\\s+v1\\.28\\.8\\s*$"),
            QRegularExpression::MultilineOption);
        QTRY_VERIFY2_WITH_TIMEOUT(out.contains(notReadyRow), qPrintable(out), 30000);
        // The header is printed once.
        QCOMPARE(out.count(str("NAME")), 1);
        watch.kill();
        watch.waitForFinished(5000);
        QVERIFY(m_cluster->setCondition(str("gpu-0004"), str("Ready"), str("True"),
                                        str("KubeletReady"),
                                        str("kubelet is posting ready status")));
    }

    void cordonAndUncordon()
    {
        Result r = kubectl({str("cordon"), str("gpu-0003")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(r.out.trimmed(), str("node/gpu-0003 cordoned"));
        QVERIFY(unschedulable(str("gpu-0003")));
        QTRY_COMPARE_WITH_TIMEOUT(taintsOf(str("gpu-0003")),
                                  QStringList{str("node.kubernetes.io/unschedulable:NoSchedule")},
                                  5000);
        r = kubectl({str("cordon"), str("gpu-0003")});
        QCOMPARE(r.out.trimmed(), str("node/gpu-0003 already cordoned"));

        r = kubectl({str("uncordon"), str("gpu-0003")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(r.out.trimmed(), str("node/gpu-0003 uncordoned"));
        QVERIFY(!unschedulable(str("gpu-0003")));
        QVERIFY(
            !node(str("gpu-0003")).value(str("spec")).toObject().contains(str("unschedulable")));
        QTRY_COMPARE_WITH_TIMEOUT(taintsOf(str("gpu-0003")), QStringList(), 5000);
    }

    void taintAddAndRemove()
    {
        Result r = kubectl(
            {str("taint"), str("nodes"), str("gpu-0002"), str("dedicated=inference:NoSchedule")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(r.out.trimmed(), str("node/gpu-0002 tainted"));
        QCOMPARE(taintsOf(str("gpu-0002")), QStringList{str("dedicated=inference:NoSchedule")});
        r = kubectl({str("taint"), str("nodes"), str("gpu-0002"),
                     str("faultboard.io/isolated=true:NoExecute")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(taintsOf(str("gpu-0002")),
                 (QStringList{str("dedicated=inference:NoSchedule"),
                              str("faultboard.io/isolated=true:NoExecute")}));

        r = kubectl({str("taint"), str("nodes"), str("gpu-0002"), str("dedicated:NoSchedule-")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(r.out.trimmed(), str("node/gpu-0002 untainted"));
        QCOMPARE(taintsOf(str("gpu-0002")),
                 QStringList{str("faultboard.io/isolated=true:NoExecute")});
        r = kubectl({str("taint"), str("nodes"), str("gpu-0002"), str("faultboard.io/isolated-")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(taintsOf(str("gpu-0002")), QStringList());
        QVERIFY(!node(str("gpu-0002")).value(str("spec")).toObject().contains(str("taints")));
    }

    void drainRefusesUnmanagedAndLocalStoragePods()
    {
        const Result r = kubectl({str("drain"), str("gpu-0002"), str("--ignore-daemonsets")});
        QCOMPARE(r.exitCode, 1);
        // Both blockers are reported together, before anything is evicted (kubectl cordons first).
        QVERIFY2(r.out.contains(str("node/gpu-0002 cordoned")), qPrintable(r.all()));
        // kubectl 1.20 words the unmanaged-pod refusal as the list of controllers it knows.
        const QString unmanaged =
            m_minor <= 20 ? str("not managed by ReplicationController, ReplicaSet, Job, DaemonSet "
                                "or StatefulSet "
                                "(use --force to override): default/scratch")
                          : str("declare no controller (use --force to override): default/scratch");
        QVERIFY2(r.err.contains(unmanaged), qPrintable(r.all()));
        QVERIFY2(r.err.contains(str("cannot delete Pods with local storage (use "
                                    "--delete-emptydir-data to override): ") +
                                podOf(str("guarded"), str("gpu-0002"))),
                 qPrintable(r.all()));
        QVERIFY(!r.all().contains(str("evicting")));
        QCOMPARE(podsOn(str("gpu-0002")).size(), 5);
        QVERIFY(kubectl({str("uncordon"), str("gpu-0002")}).exitCode == 0);
        QVERIFY(!unschedulable(str("gpu-0002")));
    }

    void drainWaitsForTheDisruptionBudget()
    {
        const QString guarded = podOf(str("guarded"), str("gpu-0001"));
        const QString train = podOf(str("train"), str("gpu-0001"));
        QVERIFY(!guarded.isEmpty() && !train.isEmpty());
        QProcess drain;
        prepare(drain);
        drain.setArguments(baseArgs() +
                           QStringList{str("drain"), str("gpu-0001"), str("--ignore-daemonsets"),
                                       str("--delete-emptydir-data"), str("--timeout=120s")});
        QString out;
        connect(&drain, &QProcess::readyReadStandardOutput, this,
                [&] { out += QString::fromUtf8(drain.readAllStandardOutput()); });
        connect(&drain, &QProcess::readyReadStandardError, this,
                [&] { out += QString::fromUtf8(drain.readAllStandardError()); });
        drain.start();
        QVERIFY(drain.waitForStarted(10000));

        // The budget (minAvailable 2, two of three pods ready) refuses, and kubectl says it will
        // retry.
        const QString retry = str("(will retry after 5s): Cannot evict pod as it would violate the "
                                  "pod's disruption budget.");
        QTRY_VERIFY2_WITH_TIMEOUT(out.contains(retry), qPrintable(out), 30000);
        QVERIFY2(out.contains(str("node/gpu-0001 cordoned")), qPrintable(out));
        QVERIFY2(out.contains(str("\"") + guarded.section(QLatin1Char('/'), 1) + str("\"")),
                 qPrintable(out));
        QVERIFY(unschedulable(str("gpu-0001")));
        // The pod without a budget went meanwhile; the guarded one is still there.
        QTRY_VERIFY2_WITH_TIMEOUT(
            out.contains(str("pod/") + train.section(QLatin1Char('/'), 1) + str(" evicted")),
            qPrintable(out), 30000);
        QVERIFY(podsOn(str("gpu-0001")).contains(guarded));
        QCOMPARE(drain.state(), QProcess::Running);

        // The third guarded pod becomes ready: the budget allows one disruption; kubectl's next
        // attempt succeeds.
        const QString unready = podOf(str("guarded"), str("gpu-0003"));
        QVERIFY(m_cluster->control(str("inject"), QByteArray("{\"pod\":\"") + unready.toUtf8() +
                                                      "\",\"ready\":true}"));
        QTRY_COMPARE_WITH_TIMEOUT(drain.state(), QProcess::NotRunning, 60000);
        out += QString::fromUtf8(drain.readAllStandardOutput()) +
               QString::fromUtf8(drain.readAllStandardError());
        QVERIFY2(drain.exitStatus() == QProcess::NormalExit && drain.exitCode() == 0,
                 qPrintable(out));
        QVERIFY2(out.contains(str("pod/") + guarded.section(QLatin1Char('/'), 1) + str(" evicted")),
                 qPrintable(out));
        // kubectl 1.20 ends a drain with "evicted", later versions with "drained".
        QVERIFY2(out.contains(m_minor <= 20 ? str("node/gpu-0001 evicted")
                                            : str("node/gpu-0001 drained")),
                 qPrintable(out));

        // Left on the node: the DaemonSet pods and the mirror pod, which drain does not touch.
        const QStringList left = podsOn(str("gpu-0001"));
        QCOMPARE(left.size(), 3);
        QVERIFY(left.contains(str("kube-system/kube-proxy-gpu-0001")));
        for (const QString &p : left)
            QVERIFY2(!p.startsWith(str("serving/")) && !p.startsWith(str("training/")),
                     qPrintable(p));
        QVERIFY(unschedulable(str("gpu-0001")));
        QCOMPARE(m_cluster
                     ->request("GET", str("/api/v1/namespaces/") +
                                          guarded.section(QLatin1Char('/'), 0, 0) + str("/pods/") +
                                          guarded.section(QLatin1Char('/'), 1))
                     .status,
                 404);
        // The ReplicaSet replaced it elsewhere.
        QTRY_COMPARE_WITH_TIMEOUT(
            get(str("/api/v1/namespaces/serving/pods?labelSelector=app%3Dguarded"))
                .value(str("items"))
                .toArray()
                .size(),
            3, 10000);
        QVERIFY(kubectl({str("uncordon"), str("gpu-0001")}).exitCode == 0);
    }

    void unauthorizedForbiddenAndConflict()
    {
        Result r = kubectl({str("--token=not-a-token"), str("get"), str("nodes")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(str("error: You must be logged in to the server (Unauthorized)")),
                 qPrintable(r.all()));

        r = kubectl({str("--context"), str("kubesim-viewer"), str("cordon"), str("gpu-0004")});
        QVERIFY2(
            r.err.contains(str("nodes \"gpu-0004\" is forbidden: User \"kubesim-viewer\" cannot "
                               "patch resource \"nodes\" in API group \"\" at the cluster scope")),
            qPrintable(r.all()));
        QVERIFY(!unschedulable(str("gpu-0004")));
        r = kubectl({str("--context"), str("kubesim-viewer"), str("get"), str("nodes"), str("-o"),
                     str("name")});
        QCOMPARE(r.exitCode, 0);

        r = kubectl(
            {str("patch"), str("node"), str("gpu-0004"), str("--type=merge"), str("-p"),
             str("{\"metadata\":{\"resourceVersion\":\"1\"},\"spec\":{\"unschedulable\":true}}")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(str("Error from server (Conflict): Operation cannot be fulfilled "
                                    "on nodes \"gpu-0004\": the object has been modified; please "
                                    "apply your changes to the latest version and try again")),
                 qPrintable(r.all()));
        QVERIFY(!unschedulable(str("gpu-0004")));
    }

    void jsonPatchTestIsCompareAndSwap()
    {
        const QString rv = node(str("gpu-0004"))
                               .value(str("metadata"))
                               .toObject()
                               .value(str("resourceVersion"))
                               .toString();
        const QString patch =
            str("[{\"op\":\"test\",\"path\":\"/metadata/resourceVersion\",\"value\":\"%1\"},"
                "{\"op\":\"add\",\"path\":\"/metadata/labels/"
                "faultboard.io~1owner\",\"value\":\"%2\"}]");
        Result r = kubectl({str("patch"), str("node"), str("gpu-0004"), str("--type=json"),
                            str("-p"), patch.arg(rv, str("first"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(r.out.trimmed(), str("node/gpu-0004 patched"));
        // The same resourceVersion again no longer holds: the swap is refused.
        r = kubectl({str("patch"), str("node"), str("gpu-0004"), str("--type=json"), str("-p"),
                     patch.arg(rv, str("second"))});
        QCOMPARE(r.exitCode, 1);
        // The 422 Invalid the server answers; kubectl 1.20 prints only its first sentence.
        QVERIFY2(r.err.contains(m_minor <= 20
                                    ? str("The request is invalid")
                                    : str("The request is invalid: the server rejected our "
                                          "request due to an error in our request")),
                 qPrintable(r.all()));
        QCOMPARE(node(str("gpu-0004"))
                     .value(str("metadata"))
                     .toObject()
                     .value(str("labels"))
                     .toObject()
                     .value(str("faultboard.io/owner"))
                     .toString(),
                 str("first"));
    }

    void strategicMergeOfStatusMergesConditionsByType()
    {
        const int before = node(str("gpu-0004"))
                               .value(str("status"))
                               .toObject()
                               .value(str("conditions"))
                               .toArray()
                               .size();
        const QString patch =
            str("{\"status\":{\"conditions\":[{\"type\":\"NT_GPU_ECC\",\"status\":\"True\","
                "\"reason\":\"os_task_name:gpu-ecc\",\"message\":\"double-bit ECC errors\"}]}}");
        const Result r =
            kubectl({str("patch"), str("node"), str("gpu-0004"), str("--subresource=status"),
                     str("--type=strategic"), str("-p"), patch});
        if (m_minor < 24) {
            // --subresource came with kubectl 1.24: older ones refuse the flag and send nothing,
            // so the status patch goes as kubectl 1.24 sends it, from the test.
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(str("unknown flag: --subresource")), qPrintable(r.all()));
            QCOMPARE(m_cluster
                         ->request("PATCH", str("/api/v1/nodes/gpu-0004/status"), patch.toUtf8(),
                                   "application/strategic-merge-patch+json")
                         .status,
                     200);
        } else {
            QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        }
        const QJsonArray conditions = node(str("gpu-0004"))
                                          .value(str("status"))
                                          .toObject()
                                          .value(str("conditions"))
                                          .toArray();
        QCOMPARE(conditions.size(), before);
        bool ready = false, ecc = false;
        for (const QJsonValue &c : conditions) {
            ready = ready || c.toObject().value(str("type")).toString() == str("Ready");
            if (c.toObject().value(str("type")).toString() == str("NT_GPU_ECC"))
                ecc = c.toObject().value(str("status")).toString() == str("True") &&
                      c.toObject().value(str("message")).toString() == str("double-bit ECC errors");
        }
        QVERIFY(ready);
        QVERIFY(ecc);
    }

    void expiredContinueAndTooOldWatchAre410()
    {
        Result r = kubectl({str("get"), str("--raw"), str("/api/v1/nodes?limit=2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QJsonObject page = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QString cont =
            page.value(str("metadata")).toObject().value(str("continue")).toString();
        const QString rv =
            page.value(str("metadata")).toObject().value(str("resourceVersion")).toString();
        QVERIFY(!cont.isEmpty());
        QVERIFY(m_cluster->setCondition(str("gpu-0004"), str("NT_GPU_CARD_LOSE"), str("True")));
        QVERIFY(m_cluster->control(str("compact")));

        r = kubectl({str("get"), str("--raw"), str("/api/v1/nodes?limit=2&continue=") + cont});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(str(
                     "Error from server (Expired): The provided continue parameter is too old")),
                 qPrintable(r.all()));

        // A watch from before the compaction: a 200 carrying one ERROR event with 410 Expired.
        r = kubectl({str("get"), str("--raw"), str("/api/v1/nodes?watch=1&resourceVersion=") + rv});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QJsonObject event = QJsonDocument::fromJson(r.out.trimmed().toUtf8()).object();
        QCOMPARE(event.value(str("type")).toString(), str("ERROR"));
        QCOMPARE(event.value(str("object")).toObject().value(str("code")).toInt(), 410);
        QCOMPARE(event.value(str("object")).toObject().value(str("reason")).toString(),
                 str("Expired"));
        QVERIFY(m_cluster->setCondition(str("gpu-0004"), str("NT_GPU_CARD_LOSE"), str("False")));
    }

    void tooManyRequestsIsRetriedAfterRetryAfter()
    {
        QVERIFY(m_cluster->control(
            str("settings"),
            R"({"failNext":{"status":429,"count":2,"pathPrefix":"/api/v1/nodes","retryAfterSeconds":1}})"));
        const Result r = kubectl({str("get"), str("nodes"), str("-o"), str("name")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY(r.out.contains(str("node/gpu-0001")));
        const QJsonObject stats = get(str("/_sim/stats"));
        QCOMPARE(stats.value(str("failNextPending")).toInt(), 0);
    }

    void describeNodeShowsEventsAndLease()
    {
        QVERIFY(m_cluster->setCondition(str("gpu-0003"), str("NT_GPU_ECC"), str("True"),
                                        str("GpuEccError"),
                                        str("uncorrectable ECC errors on GPU 3")));
        const Result events = kubectl({str("get"), str("events"), str("--field-selector"),
                                       str("involvedObject.name=gpu-0003")});
        QVERIFY2(events.exitCode == 0, qPrintable(events.all()));
        QStringList header;
        const QList<QStringList> rows = tableRows(events.out, &header);
        QCOMPARE(header, (QStringList{str("LAST SEEN"), str("TYPE"), str("REASON"), str("OBJECT"),
                                      str("MESSAGE")}));
        QVERIFY(!rows.isEmpty());
        QCOMPARE(rows.last().mid(1),
                 (QStringList{str("Warning"), str("GpuEccError"), str("node/gpu-0003"),
                              str("uncorrectable ECC errors on GPU 3")}));

        const Result describe = kubectl({str("describe"), str("node"), str("gpu-0003")});
        QVERIFY2(describe.exitCode == 0, qPrintable(describe.all()));
        QVERIFY2(describe.out.contains(str("HolderIdentity:  gpu-0003")), qPrintable(describe.out));
        QVERIFY2(describe.out.contains(str("GpuEccError")), qPrintable(describe.out));
        QVERIFY(!describe.all().contains(str("Failed to get lease")));
        QVERIFY(m_cluster->setCondition(str("gpu-0003"), str("NT_GPU_ECC"), str("False"),
                                        str("os_task_name:gpu-ecc"), str("ok")));
    }

    void viewerIsForbiddenToDelete()
    {
        Result r = kubectl({str("--context"), str("kubesim-viewer"), str("delete"), str("node"),
                            str("spare-0001")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(str("Error from server (Forbidden): nodes \"spare-0001\" is "
                                    "forbidden: User \"kubesim-viewer\" cannot delete resource "
                                    "\"nodes\" in API group \"\" at the cluster scope")),
                 qPrintable(r.all()));
        QCOMPARE(node(str("spare-0001")).value(str("metadata")).toObject().value(str("name")),
                 QJsonValue(str("spare-0001")));
    }

    void replaceWithAStaleResourceVersionIsConflict()
    {
        Result r = kubectl({str("get"), str("node"), str("spare-0001"), str("-o"), str("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        auto withLabel = [](const QString &text, const QString &value) {
            QJsonObject obj = QJsonDocument::fromJson(text.toUtf8()).object();
            QJsonObject md = obj.value(str("metadata")).toObject();
            QJsonObject labels = md.value(str("labels")).toObject();
            labels.insert(str("faultboard.io/replaced"), value);
            md.insert(str("labels"), labels);
            obj.insert(str("metadata"), md);
            return QJsonDocument(obj).toJson();
        };
        const QString file = m_home.filePath(str("spare-0001.json"));
        auto write = [&](const QByteArray &data) {
            QFile f(file);
            return f.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                   f.write(data) == data.size();
        };
        QVERIFY(write(withLabel(r.out, str("stale"))));
        // Someone else writes the node in between.
        QCOMPARE(m_cluster
                     ->request("PATCH", str("/api/v1/nodes/spare-0001"),
                               R"({"metadata":{"annotations":{"faultboard.io/other":"writer"}}})",
                               "application/merge-patch+json")
                     .status,
                 200);
        r = kubectl({str("replace"), str("--validate=false"), str("-f"), file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.err.contains(str("Error from server (Conflict)")) &&
                r.err.contains(str("Operation cannot be fulfilled on nodes \"spare-0001\": the "
                                   "object has been modified; please apply your changes to "
                                   "the latest version and try again")),
            qPrintable(r.all()));
        QJsonObject labels = node(str("spare-0001"))
                                 .value(str("metadata"))
                                 .toObject()
                                 .value(str("labels"))
                                 .toObject();
        QVERIFY(!labels.contains(str("faultboard.io/replaced")));

        // From the current version the replace goes through.
        r = kubectl({str("get"), str("node"), str("spare-0001"), str("-o"), str("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY(write(withLabel(r.out, str("fresh"))));
        r = kubectl({str("replace"), str("--validate=false"), str("-f"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(r.out.trimmed(), str("node/spare-0001 replaced"));
        const QJsonObject md = node(str("spare-0001")).value(str("metadata")).toObject();
        QCOMPARE(md.value(str("labels")).toObject().value(str("faultboard.io/replaced")).toString(),
                 str("fresh"));
        QCOMPARE(
            md.value(str("annotations")).toObject().value(str("faultboard.io/other")).toString(),
            str("writer"));
    }

    void threePatchTypesEachChangeTheNode()
    {
        const QJsonObject before = node(str("cp-0001"));
        QJsonObject expected =
            before.value(str("metadata")).toObject().value(str("labels")).toObject();
        // Strategic merge: the labels named are added, the others kept.
        Result r =
            kubectl({str("patch"), str("node"), str("cp-0001"), str("--type=strategic"), str("-p"),
                     str("{\"metadata\":{\"labels\":{\"faultboard.io/a\":\"1\"},"
                         "\"annotations\":{\"faultboard.io/note\":\"smp\"}}}")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(r.out.trimmed(), str("node/cp-0001 patched"));
        expected.insert(str("faultboard.io/a"), str("1"));
        QJsonObject md = node(str("cp-0001")).value(str("metadata")).toObject();
        QCOMPARE(md.value(str("labels")).toObject(), expected);
        QCOMPARE(
            md.value(str("annotations")).toObject().value(str("faultboard.io/note")).toString(),
            str("smp"));

        // JSON merge patch: null deletes a key, the rest merges.
        r = kubectl({str("patch"), str("node"), str("cp-0001"), str("--type=merge"), str("-p"),
                     str("{\"metadata\":{\"labels\":{\"faultboard.io/a\":null,"
                         "\"faultboard.io/b\":\"2\"}}}")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(r.out.trimmed(), str("node/cp-0001 patched"));
        expected.remove(str("faultboard.io/a"));
        expected.insert(str("faultboard.io/b"), str("2"));
        md = node(str("cp-0001")).value(str("metadata")).toObject();
        QCOMPARE(md.value(str("labels")).toObject(), expected);

        // JSON patch: operations on paths.
        r = kubectl({str("patch"), str("node"), str("cp-0001"), str("--type=json"), str("-p"),
                     str("[{\"op\":\"replace\",\"path\":\"/metadata/labels/faultboard.io~1b\","
                         "\"value\":\"3\"},{\"op\":\"remove\",\"path\":\"/metadata/annotations/"
                         "faultboard.io~1note\"}]")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(r.out.trimmed(), str("node/cp-0001 patched"));
        expected.insert(str("faultboard.io/b"), str("3"));
        md = node(str("cp-0001")).value(str("metadata")).toObject();
        QCOMPARE(md.value(str("labels")).toObject(), expected);
        QVERIFY(!md.value(str("annotations")).toObject().contains(str("faultboard.io/note")));
        // Spec and status were never touched.
        const QJsonObject after = node(str("cp-0001"));
        QCOMPARE(after.value(str("spec")), before.value(str("spec")));
        QCOMPARE(after.value(str("status")), before.value(str("status")));
    }
};

QTEST_GUILESS_MAIN(TestKubectl)
#include "tst_kubectl.moc"

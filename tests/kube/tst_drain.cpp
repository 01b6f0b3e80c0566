// Drain with kubectl's semantics: on two identical kubesim clusters, the real `kubectl drain` runs
// on one and Faultboard's NodeDrain with the same options on the other; both must evict the same
// pods, refuse with the same blockers and leave the same state. Plus progress, concurrency, PDB
// retries, cancel and timeout.

#include "KubeTestSupport.h"
#include "RewritingTlsProxy.h"

#include "kube/ApiClient.h"
#include "kube/ClusterQueries.h"
#include "kube/EvictionLimiter.h"
#include "kube/NodeDecoder.h"
#include "kube/NodeDrain.h"
#include "tests/common/TestCluster.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kube;
using namespace kubetest;

namespace {

// The same workload on a node of any cluster: one pod of every kind drain cares about.
bool populate(ApiClient &c, const QString &node)
{
    const QString s = node;
    QList<TestPod> pods;
    auto pod = [&](const QString &ns, const QString &name, const QString &kind,
                   const QString &owner) -> TestPod & {
        TestPod p;
        p.namespaceName = ns;
        p.name = name;
        p.node = node;
        p.ownerKind = kind;
        p.ownerName = owner;
        pods << p;
        return pods.last();
    };
    pod(QStringLiteral("default"), QStringLiteral("web-%1-1").arg(s), QStringLiteral("ReplicaSet"),
        QStringLiteral("web"))
        .labels = {{QStringLiteral("tier"), QStringLiteral("web")}};
    TestPod &web2 = pod(QStringLiteral("default"), QStringLiteral("web-%1-2").arg(s),
                        QStringLiteral("ReplicaSet"), QStringLiteral("web"));
    web2.emptyDir = true;
    web2.labels = {{QStringLiteral("tier"), QStringLiteral("web")}};
    pod(QStringLiteral("default"), QStringLiteral("bare-%1").arg(s), {}, {});
    pod(QStringLiteral("default"), QStringLiteral("done-%1").arg(s), {}, {}).phase =
        QStringLiteral("Succeeded");
    pod(QStringLiteral("kube-system"), QStringLiteral("agent-%1").arg(s),
        QStringLiteral("DaemonSet"), QStringLiteral("agent"));
    pod(QStringLiteral("kube-system"), QStringLiteral("old-agent-%1").arg(s),
        QStringLiteral("DaemonSet"), QStringLiteral("old-agent"));
    pod(QStringLiteral("kube-system"), QStringLiteral("etcd-%1").arg(s), QStringLiteral("Node"),
        node)
        .mirror = true;
    pod(QStringLiteral("batch"), QStringLiteral("train-%1-0").arg(s), QStringLiteral("Job"),
        QStringLiteral("train"));
    TestPod &neighbour =
        pod(QStringLiteral("default"), QStringLiteral("neighbour-of-%1").arg(s), {}, {});
    neighbour.node = QStringLiteral("gpu-0040");
    for (const TestPod &p : std::as_const(pods))
        if (!createPod(c, p))
            return false;
    return true;
}

// The policy group's preferred version ("policy/v1"; "policy/v1beta1" on 1.20), where budgets are.
QString policyVersion(ApiClient &c)
{
    const ApiResponse r = get(c, QStringLiteral("/apis/policy"));
    const QJsonObject group = QJsonDocument::fromJson(r.body).object();
    const QString v = group.value(QStringLiteral("preferredVersion"))
                          .toObject()
                          .value(QStringLiteral("groupVersion"))
                          .toString();
    if (v.isEmpty())
        qFatal("the server has no policy group: %s", r.body.constData());
    return v;
}

// The group/version that /api/v1's pods/eviction entry names (what kubectl evicts with).
QString evictionEntryVersion(ApiClient &c)
{
    const ApiResponse r = get(c, QStringLiteral("/api/v1"));
    const QJsonArray resources =
        QJsonDocument::fromJson(r.body).object().value(QStringLiteral("resources")).toArray();
    for (const QJsonValue &v : resources) {
        const QJsonObject res = v.toObject();
        if (res.value(QStringLiteral("name")).toString() == QLatin1String("pods/eviction"))
            return res.value(QStringLiteral("group")).toString() + QLatin1Char('/') +
                   res.value(QStringLiteral("version")).toString();
    }
    return {};
}

// A PodDisruptionBudget (in the server's preferred policy version) over the pods labelled
// app=`app`.
bool createPdb(ApiClient &c, const QString &ns, const QString &name, const QString &app,
               int minAvailable)
{
    const QString version = policyVersion(c);
    const QJsonObject pdb{
        {QStringLiteral("apiVersion"), version},
        {QStringLiteral("kind"), QStringLiteral("PodDisruptionBudget")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("minAvailable"), minAvailable},
                     {QStringLiteral("selector"),
                      QJsonObject{{QStringLiteral("matchLabels"),
                                   QJsonObject{{QStringLiteral("app"), app}}}}}}}};
    return create(c, QStringLiteral("/apis/%1/namespaces/%2/poddisruptionbudgets").arg(version, ns),
                  QJsonDocument(pdb).toJson(QJsonDocument::Compact));
}

// Ready pods owned by a ReplicaSet, labelled app=`app`, on `node`.
bool createGuardedPods(ApiClient &c, const QString &node, const QString &app, int count,
                       int graceSeconds = 1)
{
    for (int i = 0; i < count; ++i) {
        TestPod p;
        p.name = QStringLiteral("%1-%2").arg(app).arg(i);
        p.node = node;
        p.ownerKind = QStringLiteral("ReplicaSet");
        p.ownerName = app;
        p.labels = {{QStringLiteral("app"), app}};
        p.graceSeconds = graceSeconds;
        if (!createPod(c, p))
            return false;
    }
    return true;
}

// The kubectl drain flags a test row uses, as DrainOptions.
DrainOptions optionsFrom(const QStringList &args)
{
    DrainOptions o;
    for (const QString &a : args) {
        if (a == QLatin1String("--force"))
            o.force = true;
        else if (a == QLatin1String("--ignore-daemonsets"))
            o.ignoreDaemonSets = true;
        else if (a == QLatin1String("--delete-emptydir-data"))
            o.deleteEmptyDirData = true;
        else if (a == QLatin1String("--disable-eviction"))
            o.disableEviction = true;
        else if (a == QLatin1String("--dry-run=client"))
            o.dryRun = true;
        else if (a.startsWith(QLatin1String("--pod-selector=")))
            o.podSelector = a.section(QLatin1Char('='), 1, -1);
        else if (a.startsWith(QLatin1String("--grace-period=")))
            o.gracePeriodSeconds = a.section(QLatin1Char('='), 1, -1).toInt();
        else
            qFatal("test row uses an unknown flag %s", qPrintable(a));
    }
    return o;
}

QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

// kubectl's blocker lines as the newest kubectl words them, which is how NodeDrain words them:
// kubectl 1.32 doubles "cannot delete" for messages that already start with it; kubectl 1.20 may
// prefix a line with "error: " and names the controllers an unmanaged pod lacks.
QString normalizeBlocker(QString line)
{
    line = line.trimmed();
    if (line.startsWith(QLatin1String("error: ")))
        line.remove(0, int(qstrlen("error: ")));
    while (line.startsWith(QLatin1String("cannot delete cannot delete")))
        line.remove(0, int(qstrlen("cannot delete ")));
    line.replace(QLatin1String("Pods not managed by ReplicationController, ReplicaSet, Job, "
                               "DaemonSet or StatefulSet"),
                 QLatin1String("Pods that declare no controller"));
    return line;
}

} // namespace

class TestDrain : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_kubectlSide;
    std::unique_ptr<TestCluster> m_ourSide;
    std::unique_ptr<ApiClient> m_kubectlAdmin;
    std::unique_ptr<ApiClient> m_ours;
    QTemporaryDir m_dir;
    int m_nextNode = 1;

    QString freshNode()
    {
        return QStringLiteral("gpu-%1").arg(m_nextNode++, 4, 10, QLatin1Char('0'));
    }

    DrainResult drain(ApiClient &client, const QString &node, const DrainOptions &options,
                      std::function<void(NodeDrain &)> during = {})
    {
        NodeDrain d(&client, node, options);
        std::optional<DrainResult> result;
        connect(&d, &NodeDrain::finished, this, [&](const DrainResult &r) { result = r; });
        d.start();
        if (during)
            during(d);
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
            qFatal("drain did not finish");
        return *result;
    }

    QStringList podsOn(ApiClient &client, const QString &node)
    {
        ClusterQueries q(&client);
        std::optional<NodePods> pods;
        q.podsOnNode(node, nullptr, [&](const NodePods &p) { pods = p; });
        if (!QTest::qWaitFor([&] { return pods.has_value(); }, 10000) || pods->error)
            return {QStringLiteral("<error>")};
        QStringList out;
        for (const PodPtr &p : pods->pods)
            out << p->namespaceName + QLatin1Char('/') + p->name;
        return sorted(out);
    }

    bool unschedulable(ApiClient &client, const QString &node)
    {
        const ApiResponse r = get(client, QStringLiteral("/api/v1/nodes/") + node);
        const NodePtr n = r.ok() ? NodeDecoder::decodeNode(r.body) : nullptr;
        return n && n->unschedulable;
    }

    // A rewriting proxy in front of `cluster`, and a kubeconfig (admin token) for it.
    std::unique_ptr<RewritingTlsProxy> proxyFor(TestCluster *cluster, const QString &name,
                                                QString *kubeconfig)
    {
        const ClusterEndpoint ep = cluster->endpoint();
        auto proxy = std::make_unique<RewritingTlsProxy>(
            ep.server, QSslCertificate::fromData(ep.cluster.certificateAuthorityData));
        QString error;
        if (!proxy->start(&error))
            qFatal("proxy: %s", qPrintable(error));
        *kubeconfig = writeFile(
            m_dir.filePath(name),
            "clusters:\n- name: k\n  cluster:\n    server: " + proxy->url().toString().toUtf8() +
                "\n    certificate-authority-data: " + proxy->caPem().toBase64() +
                "\nusers:\n- name: u\n  user:\n    token: " + ep.user.token.toUtf8() +
                "\ncontexts:\n- name: c\n  context: {cluster: k, user: u}\n"
                "current-context: c\n");
        return proxy;
    }

    // Drains `node` (two Ready pods under no budget) through `kubeconfig`.
    DrainResult drainThrough(const QString &kubeconfig, const QString &node)
    {
        ApiError err;
        auto client = clientFor(kubeconfig, {}, &err);
        if (!client)
            qFatal("%s", qPrintable(err.toString()));
        DrainOptions o;
        o.timeoutMs = 20000;
        return drain(*client, node, o);
    }

private slots:
    void initTestCase()
    {
        // 60 nodes: gpu-0001 to gpu-0030, a fresh one for every test.
        const QStringList args{QStringLiteral("--paused"), QStringLiteral("--nodes"),
                               QStringLiteral("60")};
        m_kubectlSide = std::make_unique<TestCluster>(args);
        m_ourSide = std::make_unique<TestCluster>(args);
        QVERIFY2(m_kubectlSide->start(), qPrintable(m_kubectlSide->errorString()));
        QVERIFY2(m_ourSide->start(), qPrintable(m_ourSide->errorString()));
        m_kubectlAdmin = std::make_unique<ApiClient>(m_kubectlSide->endpoint());
        m_ours = std::make_unique<ApiClient>(m_ourSide->endpoint());
        for (ApiClient *c : {m_kubectlAdmin.get(), m_ours.get()})
            QVERIFY(
                createIdleDaemonSet(*c, QStringLiteral("kube-system"), QStringLiteral("agent")));
    }

    void cleanupTestCase()
    {
        m_ours.reset();
        m_kubectlAdmin.reset();
        m_ourSide.reset();
        m_kubectlSide.reset();
    }

    void matchesKubectl_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("drains");
        QTest::newRow("defaults: refused") << QStringList{} << false;
        QTest::newRow("ignore-daemonsets, delete-emptydir-data: refused")
            << QStringList{"--ignore-daemonsets", "--delete-emptydir-data"} << false;
        QTest::newRow("force, ignore-daemonsets: emptyDir refused")
            << QStringList{"--force", "--ignore-daemonsets", "--disable-eviction"} << false;
        QTest::newRow("everything allowed, delete")
            << QStringList{"--force", "--ignore-daemonsets", "--delete-emptydir-data",
                           "--disable-eviction"}
            << true;
        QTest::newRow("everything allowed, evict")
            << QStringList{"--force", "--ignore-daemonsets", "--delete-emptydir-data"} << true;
        QTest::newRow("pod selector") << QStringList{"--pod-selector=tier=web",
                                                     "--delete-emptydir-data", "--disable-eviction"}
                                      << true;
        QTest::newRow("dry run") << QStringList{"--force", "--ignore-daemonsets",
                                                "--delete-emptydir-data", "--dry-run=client"}
                                 << true;
        QTest::newRow("dry run, refused") << QStringList{"--dry-run=client"} << false;
    }

    void matchesKubectl()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, drains);
        const QString node = freshNode();
        QVERIFY(populate(*m_kubectlAdmin, node));
        QVERIFY(populate(*m_ours, node));
        const QStringList before = podsOn(*m_ours, node);
        QCOMPARE(podsOn(*m_kubectlAdmin, node), before);

        const KubectlRun k = kubectl(
            m_kubectlSide->kubeconfigPath(),
            QStringList{QStringLiteral("drain"), node, QStringLiteral("--timeout=60s")} + args);
        const DrainOptions options = optionsFrom(args);
        const DrainResult r = drain(*m_ours, node, options);

        QCOMPARE(k.exitCode == 0, drains);
        QCOMPARE(r.ok(), drains);
        QCOMPARE(r.node, node);
        // Same state left behind: the same pods remain, the node cordoned the same way.
        QCOMPARE(podsOn(*m_ours, node), podsOn(*m_kubectlAdmin, node));
        QCOMPARE(unschedulable(*m_ours, node), unschedulable(*m_kubectlAdmin, node));
        QCOMPARE(unschedulable(*m_ours, node), !options.dryRun);
        if (options.dryRun) {
            QCOMPARE(podsOn(*m_ours, node), before);
            // kubectl prints "evicting pod ns/name (dry run)" for what it would evict.
            QStringList wouldEvict;
            static const QRegularExpression re(
                QStringLiteral("^evicting pod (\\S+) \\(dry run\\)$"),
                QRegularExpression::MultilineOption);
            for (auto it = re.globalMatch(QString::fromUtf8(k.out)); it.hasNext();)
                wouldEvict << it.next().captured(1);
            if (drains)
                QCOMPARE(sorted(r.podsIn(DrainPod::State::Pending)), sorted(wouldEvict));
            QCOMPARE(r.outcome, DrainResult::Outcome::DryRun);
        }
        // The same blockers, all of them at once.
        QStringList kubectlBlockers;
        for (const QString &line : QString::fromUtf8(k.err).split(QLatin1Char('\n')))
            if (normalizeBlocker(line).startsWith(QLatin1String("cannot delete")))
                kubectlBlockers << normalizeBlocker(line);
        QCOMPARE(sorted(r.blockers), sorted(kubectlBlockers));
        if (!drains) {
            QVERIFY(!r.blockers.isEmpty());
            QCOMPARE(podsOn(*m_ours, node), before); // refused before anything was evicted
            if (!options.dryRun)
                QCOMPARE(r.outcome, DrainResult::Outcome::Refused);
            QVERIFY2(r.error.toString().contains(QLatin1String("drain node ") + node),
                     qPrintable(r.error.toString()));
        } else if (!options.dryRun) {
            QCOMPARE(r.outcome, DrainResult::Outcome::Drained);
            // Through evictions of the version discovery names, unless --disable-eviction asked
            // for DELETE.
            const DrainPod::State used =
                options.disableEviction ? DrainPod::State::Deleted : DrainPod::State::Evicted;
            const DrainPod::State unused =
                options.disableEviction ? DrainPod::State::Evicted : DrainPod::State::Deleted;
            QVERIFY(!r.podsIn(used).isEmpty());
            QVERIFY(r.podsIn(unused).isEmpty());
            QCOMPARE(r.usedEviction, !options.disableEviction);
            if (r.usedEviction)
                QCOMPARE(r.evictionVersion, evictionEntryVersion(*m_ours));
        }
    }

    void progressIsReportedPerPod()
    {
        const QString node = freshNode();
        QVERIFY(populate(*m_ours, node));
        DrainOptions o = optionsFrom(
            {QStringLiteral("--force"), QStringLiteral("--ignore-daemonsets"),
             QStringLiteral("--delete-emptydir-data"), QStringLiteral("--disable-eviction")});
        NodeDrain d(m_ours.get(), node, o);
        QHash<QString, QList<DrainPod::State>> seen;
        connect(&d, &NodeDrain::podChanged, this, [&](const DrainPod &p) {
            QCOMPARE(p.node, node);
            seen[p.key()] << p.state;
        });
        std::optional<DrainResult> result;
        connect(&d, &NodeDrain::finished, this, [&](const DrainResult &r) { result = r; });
        d.start();
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
        QVERIFY(result->ok());
        const QString web = QStringLiteral("default/web-%1-1").arg(node);
        QCOMPARE(seen.value(web),
                 (QList<DrainPod::State>{DrainPod::State::Pending, DrainPod::State::Evicting,
                                         DrainPod::State::Deleted}));
        QCOMPARE(seen.value(QStringLiteral("kube-system/etcd-%1").arg(node)),
                 QList<DrainPod::State>{DrainPod::State::Skipped});
        QCOMPARE(seen.value(QStringLiteral("kube-system/agent-%1").arg(node)),
                 QList<DrainPod::State>{DrainPod::State::Skipped});
        QVERIFY(
            result->warnings.join(QLatin1Char('\n'))
                .contains(QStringLiteral("ignoring DaemonSet-managed Pods: kube-system/agent-%1")
                              .arg(node)));
        QVERIFY(result->cordoned);
    }

    void severalNodesShareTheEvictionBound()
    {
        const QString a = freshNode();
        const QString b = freshNode();
        QVERIFY(populate(*m_ours, a));
        QVERIFY(populate(*m_ours, b));
        const DrainOptions o = optionsFrom(
            {QStringLiteral("--force"), QStringLiteral("--ignore-daemonsets"),
             QStringLiteral("--delete-emptydir-data"), QStringLiteral("--disable-eviction")});
        EvictionLimiter limiter(2);
        int maxSeen = 0;
        connect(&limiter, &EvictionLimiter::usageChanged, this,
                [&](int inUse, int) { maxSeen = std::max(maxSeen, inUse); });
        NodeDrain da(m_ours.get(), a, o, &limiter);
        NodeDrain db(m_ours.get(), b, o, &limiter);
        int finished = 0;
        for (NodeDrain *d : {&da, &db})
            connect(d, &NodeDrain::finished, this, [&](const DrainResult &r) {
                QVERIFY(r.ok());
                ++finished;
            });
        da.start();
        db.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished, 2, 30000);
        QCOMPARE(limiter.peakInUse(), 2); // both nodes evicted concurrently, never more than 2
        QVERIFY(maxSeen <= 2);
        QCOMPARE(limiter.inUse(), 0);
        QCOMPARE(podsOn(*m_ours, a), podsOn(*m_ours, b).replaceInStrings(b, a));
    }

    // Three nodes × 10 pods that take their grace period to stop, 20 evictions at most in
    // flight: a slot is held only while the eviction request is, so all 30 pods terminate at
    // once and every node drains within a timeout shorter than two grace periods. (Were a slot
    // held until the pod is gone, the last 10 would start after the first 20 had gone, and the
    // timeout, counted from the start, would end them.)
    void severalNodesWithLongGracePeriodsDrainInParallel()
    {
        // Training pods that write a checkpoint on SIGTERM ask for a minute or more; 12 s is
        // enough to tell the two behaviours apart: held in batches of 20 evictions, the last ten
        // pods would start terminating only after the first twenty were gone, at 24 s, 9 s past
        // the timeout of 15 s. (A minute here cost each run of the suite 50 s more.)
        constexpr int grace = 12;
        QStringList nodes;
        for (int i = 1; i <= 3; ++i) {
            // NPU nodes: the GPU ones are for the tests that compare with kubectl.
            nodes << QStringLiteral("npu-%1").arg(i, 4, 10, QLatin1Char('0'));
            QVERIFY(createGuardedPods(*m_ours, nodes.last(), QStringLiteral("long-") + nodes.last(),
                                      10, grace));
        }
        DrainOptions o;
        o.timeoutMs = (grace + 3) * 1000;
        o.pollIntervalMs = 200;
        EvictionLimiter limiter(20);
        std::vector<std::unique_ptr<NodeDrain>> drains;
        QHash<QString, DrainResult> results;
        QSet<QString> terminating; // evicted (accepted), not gone yet
        int mostTerminating = 0;
        for (const QString &node : nodes) {
            drains.push_back(std::make_unique<NodeDrain>(m_ours.get(), node, o, &limiter));
            NodeDrain *d = drains.back().get();
            connect(d, &NodeDrain::podChanged, this, [&](const DrainPod &p) {
                if (p.state == DrainPod::State::Evicting)
                    terminating.insert(p.key());
                else
                    terminating.remove(p.key());
                mostTerminating = std::max(mostTerminating, int(terminating.size()));
            });
            connect(d, &NodeDrain::finished, this,
                    [&](const DrainResult &r) { results.insert(r.node, r); });
        }
        for (const auto &d : drains)
            d->start();
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, (grace + 30) * 1000);
        for (const QString &node : nodes) {
            const DrainResult &r = results.value(node);
            QVERIFY2(r.outcome == DrainResult::Outcome::Drained,
                     qPrintable(node + QLatin1String(": ") + r.error.toString()));
            QCOMPARE(r.podsIn(DrainPod::State::Evicted).size(), 10);
            QVERIFY(podsOn(*m_ours, node).isEmpty());
        }
        QVERIFY(limiter.peakInUse() <= 20);
        QCOMPARE(limiter.inUse(), 0);
        QCOMPARE(mostTerminating, 30); // all of them at once, not in batches of 20
    }

    void budgetRefusalIsRetriedThenTimesOutLikeKubectl()
    {
        // Two ready pods under a budget that needs both: every eviction is refused with 429.
        const QString node = freshNode();
        const QString app = QStringLiteral("guarded-") + node;
        for (ApiClient *c : {m_kubectlAdmin.get(), m_ours.get()}) {
            QVERIFY(createGuardedPods(*c, node, app, 2));
            QVERIFY(createPdb(*c, QStringLiteral("default"), app, app, 2));
        }
        const QStringList before = podsOn(*m_ours, node);

        const KubectlRun k =
            kubectl(m_kubectlSide->kubeconfigPath(),
                    {QStringLiteral("drain"), node, QStringLiteral("--timeout=3s")});
        QVERIFY(k.exitCode != 0);
        QVERIFY2(k.err.contains("will retry after 5s") && k.err.contains("disruption budget"),
                 k.err.constData());

        DrainOptions o;
        o.timeoutMs = 3000;
        o.evictionRetryIntervalMs = 400; // kubectl's 5 s, shortened to keep the test quick
        QHash<QString, QList<DrainPod::State>> seen;
        const DrainResult r = drain(*m_ours, node, o, [&](NodeDrain &d) {
            connect(&d, &NodeDrain::podChanged, this,
                    [&](const DrainPod &p) { seen[p.key()] << p.state; });
        });
        QCOMPARE(r.outcome, DrainResult::Outcome::TimedOut);
        QCOMPARE(r.error.kind, ApiError::Kind::Timeout);
        QVERIFY2(r.error.toString().contains(QLatin1String("drain node ") + node),
                 qPrintable(r.error.toString()));
        for (const DrainPod &p : r.pods) {
            QVERIFY2(p.attempts >= 3, qPrintable(QString::number(p.attempts))); // retried
            QVERIFY(seen.value(p.key()).contains(DrainPod::State::BlockedByPdb));
            QCOMPARE(p.state, DrainPod::State::Failed);
            QVERIFY2(p.message.contains(QLatin1String("timeout")), qPrintable(p.message));
        }
        // The same state as kubectl leaves: cordoned, every pod still there.
        QCOMPARE(podsOn(*m_ours, node), before);
        QCOMPARE(podsOn(*m_kubectlAdmin, node), before);
        QVERIFY(unschedulable(*m_ours, node));
        QVERIFY(unschedulable(*m_kubectlAdmin, node));
    }

    void budgetRefusalIsRetriedUntilAllowed()
    {
        const QString node = freshNode();
        const QString app = QStringLiteral("guarded-") + node;
        QVERIFY(createGuardedPods(*m_ours, node, app, 2));
        QVERIFY(createPdb(*m_ours, QStringLiteral("default"), app, app, 2));

        DrainOptions o;
        o.timeoutMs = 30000;
        o.evictionRetryIntervalMs = 300;
        NodeDrain d(m_ours.get(), node, o);
        QHash<QString, QList<DrainPod::State>> seen;
        QString refusal;
        connect(&d, &NodeDrain::podChanged, this, [&](const DrainPod &p) {
            seen[p.key()] << p.state;
            if (p.state == DrainPod::State::BlockedByPdb)
                refusal = p.message;
        });
        std::optional<DrainResult> result;
        connect(&d, &NodeDrain::finished, this, [&](const DrainResult &r) { result = r; });
        d.start();
        // Both pods refused before the budget goes (the second eviction may reach the server
        // later: a second connection, its own TLS handshake).
        QTRY_VERIFY_WITH_TIMEOUT(seen.value(QStringLiteral("default/%1-0").arg(app))
                                         .contains(DrainPod::State::BlockedByPdb) &&
                                     seen.value(QStringLiteral("default/%1-1").arg(app))
                                         .contains(DrainPod::State::BlockedByPdb),
                                 10000);
        QVERIFY2(refusal.contains(QLatin1String("disruption budget")), qPrintable(refusal));
        QVERIFY(!result);

        // The budget goes away (an operator relaxed it): the next retry evicts.
        QVERIFY(m_ourSide
                    ->request("DELETE", QStringLiteral("/apis/%1/namespaces/default/"
                                                       "poddisruptionbudgets/%2")
                                            .arg(policyVersion(*m_ours), app))
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
        QCOMPARE(result->outcome, DrainResult::Outcome::Drained);
        QVERIFY(result->usedEviction);
        QCOMPARE(result->podsIn(DrainPod::State::Evicted).size(), 2);
        for (const DrainPod &p : result->pods) {
            QVERIFY(p.attempts >= 2);
            const QList<DrainPod::State> states = seen.value(p.key());
            QVERIFY(states.indexOf(DrainPod::State::BlockedByPdb) <
                    states.lastIndexOf(DrainPod::State::Evicting));
            QCOMPARE(states.last(), DrainPod::State::Evicted);
        }
        QVERIFY(podsOn(*m_ours, node).isEmpty());
    }

    void overloadedServerIsRetriedAndNotTakenForABudget()
    {
        // An overloaded server refuses evictions with 429 + Retry-After (no budget involved),
        // and fails the GETs that watch the pods go. The client retries by itself, the drain
        // says so in the pod's progress, never calls it a PodDisruptionBudget, and a look
        // that still fails does not fail the pod: the drain succeeds.
        const QString node = freshNode();
        const QString app = QStringLiteral("busy-") + node;
        QVERIFY(createGuardedPods(*m_ours, node, app, 2));
        const RetryPolicy saved = m_ours->retryPolicy();
        RetryPolicy quick;
        quick.maxRetries = 2;
        quick.initialDelayMs = 100;
        m_ours->setRetryPolicy(quick);
        for (
            const char *rule :
            {R"({"failNext":{"status":429,"count":2,"method":"POST","pathPrefix":"/api/v1/namespaces/default/pods/","retryAfterSeconds":1}})",
             R"({"failNext":{"status":503,"count":6,"method":"GET","pathPrefix":"/api/v1/namespaces/default/pods/"}})"})
            QVERIFY(m_ourSide->control(QStringLiteral("settings"), rule));

        DrainOptions o;
        o.timeoutMs = 30000;
        o.pollIntervalMs = 200;
        NodeDrain d(m_ours.get(), node, o);
        QHash<QString, QList<DrainPod::State>> seen;
        QStringList messages;
        connect(&d, &NodeDrain::podChanged, this, [&](const DrainPod &p) {
            seen[p.key()] << p.state;
            if (!p.message.isEmpty())
                messages << p.message;
        });
        std::optional<DrainResult> result;
        connect(&d, &NodeDrain::finished, this, [&](const DrainResult &r) { result = r; });
        QElapsedTimer t;
        t.start();
        d.start();
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
        m_ours->setRetryPolicy(saved);
        QVERIFY2(result->ok(), qPrintable(result->error.toString()));
        QCOMPARE(result->outcome, DrainResult::Outcome::Drained);
        QCOMPARE(result->podsIn(DrainPod::State::Evicted).size(), 2);
        QVERIFY(t.elapsed() >= 950); // the server's Retry-After was honoured
        for (const auto &states : std::as_const(seen))
            QVERIFY(!states.contains(DrainPod::State::BlockedByPdb));
        const QString all = messages.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("overloaded (429 Too Many Requests); retrying in 1.")),
                 qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("cannot check the pod")), qPrintable(all));
        QVERIFY(podsOn(*m_ours, node).isEmpty());
        const QJsonObject stats =
            QJsonDocument::fromJson(m_ourSide->request("GET", QStringLiteral("/_sim/stats")).body)
                .object();
        QCOMPARE(stats.value(QStringLiteral("failNextPending")).toInt(), 0);
    }

    void twoBudgetsFailTheEviction()
    {
        // kube-apiserver answers a pod under two budgets with a Failure Status (code 500) inside
        // a 201. It is an error (client-go's rule for a Failure Status): report it rather than
        // wait for a pod that is not going.
        const QString node = freshNode();
        const QString app = QStringLiteral("doubly-") + node;
        QVERIFY(createGuardedPods(*m_ours, node, app, 1));
        QVERIFY(createPdb(*m_ours, QStringLiteral("default"), app + QStringLiteral("-a"), app, 0));
        QVERIFY(createPdb(*m_ours, QStringLiteral("default"), app + QStringLiteral("-b"), app, 0));
        const QStringList before = podsOn(*m_ours, node);

        DrainOptions o;
        o.timeoutMs = 20000;
        QElapsedTimer clock;
        clock.start();
        const DrainResult r = drain(*m_ours, node, o);
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(r.outcome, DrainResult::Outcome::Failed);
        QCOMPARE(r.podsIn(DrainPod::State::Failed),
                 QStringList{QStringLiteral("default/") + app + QStringLiteral("-0")});
        QVERIFY2(r.error.toString().contains(QLatin1String("more than one PodDisruptionBudget")),
                 qPrintable(r.error.toString()));
        QCOMPARE(r.error.code, 500);
        QCOMPARE(podsOn(*m_ours, node), before);
    }

    void gracePeriodAndTimeoutLikeKubectl()
    {
        // Pods that take 30 s to stop: the drain's timeout ends the wait, and a shorter grace
        // period makes them go in time. Both as kubectl does.
        const QString slow = freshNode();
        const QString quick = freshNode();
        for (ApiClient *c : {m_kubectlAdmin.get(), m_ours.get()}) {
            QVERIFY(createGuardedPods(*c, slow, QStringLiteral("slow-") + slow, 1, 30));
            QVERIFY(createGuardedPods(*c, quick, QStringLiteral("slow-") + quick, 1, 30));
        }
        const KubectlRun kt =
            kubectl(m_kubectlSide->kubeconfigPath(),
                    {QStringLiteral("drain"), slow, QStringLiteral("--timeout=2s")});
        QVERIFY(kt.exitCode != 0);
        DrainOptions timed;
        timed.timeoutMs = 2000;
        QElapsedTimer clock;
        clock.start();
        const DrainResult rt = drain(*m_ours, slow, timed);
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(rt.outcome, DrainResult::Outcome::TimedOut);
        QCOMPARE(rt.podsIn(DrainPod::State::Failed).size(), 1);
        QVERIFY2(rt.error.toString().contains(QLatin1String("timeout")),
                 qPrintable(rt.error.toString()));
        // Evicted but not gone yet on both sides: it is still terminating.
        QCOMPARE(podsOn(*m_ours, slow), podsOn(*m_kubectlAdmin, slow));
        QCOMPARE(podsOn(*m_ours, slow).size(), 1);

        const KubectlRun kg =
            kubectl(m_kubectlSide->kubeconfigPath(),
                    {QStringLiteral("drain"), quick, QStringLiteral("--grace-period=1"),
                     QStringLiteral("--timeout=20s")});
        QCOMPARE(kg.exitCode, 0);
        DrainOptions graced;
        graced.gracePeriodSeconds = 1;
        graced.timeoutMs = 20000;
        clock.restart();
        const DrainResult rg = drain(*m_ours, quick, graced);
        QVERIFY2(rg.ok(), qPrintable(rg.error.toString()));
        QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(rg.podsIn(DrainPod::State::Evicted).size(), 1);
        QVERIFY(podsOn(*m_ours, quick).isEmpty());
        QVERIFY(podsOn(*m_kubectlAdmin, quick).isEmpty());
    }

    void cancelStopsEverythingAtOnce()
    {
        // One pod terminating slowly (waited for), one refused by a budget (retried): cancel
        // while both are in progress.
        const QString node = freshNode();
        const QString app = QStringLiteral("guarded-") + node;
        QVERIFY(createGuardedPods(*m_ours, node, app, 2));
        QVERIFY(createPdb(*m_ours, QStringLiteral("default"), app, app, 2));
        QVERIFY(createGuardedPods(*m_ours, node, QStringLiteral("slow-") + node, 1, 30));
        const QStringList before = podsOn(*m_ours, node);

        EvictionLimiter limiter(10);
        DrainOptions o;
        o.evictionRetryIntervalMs = 200;
        o.pollIntervalMs = 200;
        NodeDrain d(m_ours.get(), node, o, &limiter);
        QHash<QString, DrainPod::State> states;
        connect(&d, &NodeDrain::podChanged, this,
                [&](const DrainPod &p) { states.insert(p.key(), p.state); });
        std::optional<DrainResult> result;
        connect(&d, &NodeDrain::finished, this, [&](const DrainResult &r) { result = r; });
        d.start();
        const QString slowPod = QStringLiteral("default/slow-%1-0").arg(node);
        const QString guardedPod = QStringLiteral("default/%1-0").arg(app);
        QTRY_VERIFY_WITH_TIMEOUT(states.value(slowPod) == DrainPod::State::Evicting &&
                                     states.value(guardedPod) == DrainPod::State::BlockedByPdb,
                                 10000);
        QVERIFY(d.isRunning());

        QSignalSpy sent(m_ours.get(), &ApiClient::requestSent);
        d.cancel();
        QVERIFY(!d.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
        QCOMPARE(result->outcome, DrainResult::Outcome::Cancelled);
        QCOMPARE(result->error.kind, ApiError::Kind::Cancelled);
        QCOMPARE(limiter.inUse(), 0);
        QCOMPARE(limiter.waiting(), 0);
        // Neither a retry nor a poll goes out afterwards (both were due every 200 ms): only one
        // look at the pod whose eviction the server had accepted.
        QVERIFY(!sent.wait(1000));
        QCOMPARE(sent.count(), 1);
        QCOMPARE(sent.first().at(0).value<ApiRequest>().verb, QByteArray("GET"));
        QVERIFY(sent.first().at(0).value<ApiRequest>().path.endsWith(
            QStringLiteral("/pods/slow-%1-0").arg(node)));
        // Read back: the slow pod is still terminating; the refused ones were never evicted.
        auto stateOf = [&](const QString &key) {
            for (const DrainPod &p : result->pods)
                if (p.key() == key)
                    return p;
            return DrainPod();
        };
        QCOMPARE(stateOf(slowPod).state, DrainPod::State::Evicting);
        QVERIFY2(stateOf(slowPod).message.contains(QLatin1String("terminating")),
                 qPrintable(stateOf(slowPod).message));
        QCOMPARE(stateOf(guardedPod).state, DrainPod::State::NotEvicted);
        QCOMPARE(states.value(guardedPod), DrainPod::State::NotEvicted);
        // Left as an interrupted kubectl drain leaves it: cordoned, the refused pods in place.
        QVERIFY(unschedulable(*m_ours, node));
        QVERIFY(podsOn(*m_ours, node).contains(guardedPod));
        QCOMPARE(podsOn(*m_ours, node).size(), before.size());
    }

    void cancelReadsBackPodsGoneMeanwhile()
    {
        // The drain has not looked again since the eviction was accepted; the pod is gone by the
        // time of the stop. The result says evicted, not "evicting".
        const QString node = freshNode();
        const QString app = QStringLiteral("quick-") + node;
        QVERIFY(createGuardedPods(*m_ours, node, app, 2, 1));
        DrainOptions o;
        o.pollIntervalMs = 10 * 60 * 1000;
        NodeDrain d(m_ours.get(), node, o);
        QHash<QString, DrainPod::State> states;
        connect(&d, &NodeDrain::podChanged, this,
                [&](const DrainPod &p) { states.insert(p.key(), p.state); });
        std::optional<DrainResult> result;
        connect(&d, &NodeDrain::finished, this, [&](const DrainResult &r) { result = r; });
        d.start();
        const QString first = QStringLiteral("default/%1-0").arg(app);
        const QString second = QStringLiteral("default/%1-1").arg(app);
        QTRY_VERIFY_WITH_TIMEOUT(states.value(first) == DrainPod::State::Evicting &&
                                     states.value(second) == DrainPod::State::Evicting,
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(podsOn(*m_ours, node).isEmpty(), 15000);
        QCOMPARE(states.value(first), DrainPod::State::Evicting); // not looked at again yet

        d.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
        QCOMPARE(result->outcome, DrainResult::Outcome::Cancelled);
        QCOMPARE(result->podsIn(DrainPod::State::Evicted), QStringList({first, second}));
        QCOMPARE(states.value(first), DrainPod::State::Evicted);
        QCOMPARE(states.value(second), DrainPod::State::Evicted);
    }

    void evictionVersionComesFromTheEvictionEntry()
    {
        // As current kubectl: the group/version of /api/v1's pods/eviction entry, whatever /apis
        // says about the policy group; an entry without them means policy/v1beta1.
        const QString entry = evictionEntryVersion(*m_ours);
        QVERIFY2(entry.startsWith(QLatin1String("policy/")), qPrintable(entry));
        // The entry as kube-apiserver writes it: no singularName, only create.
        const QJsonArray resources =
            QJsonDocument::fromJson(get(*m_ours, QStringLiteral("/api/v1")).body)
                .object()
                .value(QStringLiteral("resources"))
                .toArray();
        for (const QJsonValue &v : resources) {
            const QJsonObject res = v.toObject();
            if (res.value(QStringLiteral("name")).toString() != QLatin1String("pods/eviction"))
                continue;
            QCOMPARE(res.value(QStringLiteral("singularName")).toString(), QString());
            QCOMPARE(res.value(QStringLiteral("verbs")).toArray(),
                     QJsonArray{QStringLiteral("create")});
            QCOMPARE(res.value(QStringLiteral("kind")).toString(), QStringLiteral("Eviction"));
        }

        const QString plain = freshNode();
        QVERIFY(createGuardedPods(*m_ours, plain, QStringLiteral("plain-") + plain, 2));
        const DrainResult r = drain(*m_ours, plain, {});
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.usedEviction);
        QCOMPARE(r.evictionVersion, entry);
        QCOMPARE(r.podsIn(DrainPod::State::Evicted).size(), 2);

        // The policy group missing from /apis (a proxy renames it): still evicted, never a
        // silent DELETE that would bypass the budgets.
        QString noGroupConfig;
        auto noGroup = proxyFor(m_ourSide.get(), QStringLiteral("no-policy-group"), &noGroupConfig);
        noGroup->replace("\"name\":\"policy\"", "\"name\":\"policx\"");
        {
            ApiError err;
            auto viaProxy = clientFor(noGroupConfig, {}, &err);
            QVERIFY2(viaProxy, qPrintable(err.toString()));
            const ApiResponse groups = get(*viaProxy, QStringLiteral("/apis"));
            QVERIFY2(groups.ok(), qPrintable(groups.error.toString()));
            QVERIFY(!groups.body.contains("\"name\":\"policy\""));
            QVERIFY(noGroup->replacements() > 0);
        }
        const QString hidden = freshNode();
        QVERIFY(createGuardedPods(*m_ours, hidden, QStringLiteral("hidden-") + hidden, 2));
        const DrainResult rh = drainThrough(noGroupConfig, hidden);
        QVERIFY2(rh.ok(), qPrintable(rh.error.toString()));
        QVERIFY(rh.usedEviction);
        QCOMPARE(rh.evictionVersion, entry);
        QCOMPARE(rh.podsIn(DrainPod::State::Evicted).size(), 2);
        QVERIFY(rh.podsIn(DrainPod::State::Deleted).isEmpty());

        // An entry that names no group (servers before 1.8): policy/v1beta1.
        QString bareConfig;
        auto bare = proxyFor(m_ourSide.get(), QStringLiteral("bare-entry"), &bareConfig);
        bare->replace("\"group\":\"policy\"", "\"xroup\":\"policy\"");
        const QString old = freshNode();
        QVERIFY(createGuardedPods(*m_ours, old, QStringLiteral("old-") + old, 2));
        const DrainResult ro = drainThrough(bareConfig, old);
        QVERIFY2(ro.ok(), qPrintable(ro.error.toString()));
        QVERIFY(bare->replacements() > 0);
        QVERIFY(ro.usedEviction);
        QCOMPARE(ro.evictionVersion, QStringLiteral("policy/v1beta1"));
        QCOMPARE(ro.podsIn(DrainPod::State::Evicted).size(), 2);
    }

    void evictionVersionPerApiLevel_data()
    {
        QTest::addColumn<QString>("level");
        QTest::addColumn<QString>("expected");
        QTest::newRow("current: policy/v1")
            << QStringLiteral("current") << QStringLiteral("policy/v1");
        QTest::newRow("1.21: the entry names policy/v1beta1")
            << QStringLiteral("1.21") << QStringLiteral("policy/v1beta1");
        QTest::newRow("1.20: policy/v1beta1 only")
            << QStringLiteral("1.20") << QStringLiteral("policy/v1beta1");
    }

    void evictionVersionPerApiLevel()
    {
        // kubesim's --api-level: on 1.21 the policy group prefers v1 but the eviction entry
        // names v1beta1, and a 1.20 server refuses an Eviction of policy/v1. The pods end Evicted
        // (not Deleted): the eviction itself went through, under a budget of that version.
        QFETCH(QString, level);
        QFETCH(QString, expected);
        TestCluster cluster({QStringLiteral("--paused"), QStringLiteral("--nodes"),
                             QStringLiteral("4"), QStringLiteral("--api-level"), level});
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
        ApiClient admin(cluster.endpoint());
        const QString node = QStringLiteral("gpu-0001");
        const QString app = QStringLiteral("level-app");
        QVERIFY(createGuardedPods(admin, node, app, 2));
        QVERIFY(createPdb(admin, QStringLiteral("default"), app, app, 0));
        QCOMPARE(policyVersion(admin), level == QLatin1String("1.20")
                                           ? QStringLiteral("policy/v1beta1")
                                           : QStringLiteral("policy/v1"));
        DrainOptions o;
        o.timeoutMs = 30000;
        o.evictionRetryIntervalMs = 300;
        const DrainResult r = drain(admin, node, o);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.usedEviction);
        QCOMPARE(r.evictionVersion, expected);
        QCOMPARE(r.podsIn(DrainPod::State::Evicted).size(), 2);
    }

    void fallsBackToDeleteWhereEvictionIsNotServedLikeKubectl()
    {
        // An API server whose discovery has no pods/eviction (an old or a locked-down one): a
        // proxy in front of each kubesim renames it in /api/v1. Both kubectl and Faultboard then
        // DELETE the pods, which a budget that refuses every eviction cannot stop.
        const QString node = freshNode();
        const QString app = QStringLiteral("guarded-") + node;
        QString proxyConfig[2];
        std::unique_ptr<RewritingTlsProxy> proxies[2];
        int side = 0;
        for (TestCluster *cluster : {m_kubectlSide.get(), m_ourSide.get()}) {
            ApiClient admin(cluster->endpoint());
            QVERIFY(createGuardedPods(admin, node, app, 2));
            QVERIFY(createPdb(admin, QStringLiteral("default"), app, app, 2));
            const ClusterEndpoint ep = cluster->endpoint();
            auto proxy = std::make_unique<RewritingTlsProxy>(
                ep.server, QSslCertificate::fromData(ep.cluster.certificateAuthorityData));
            QString error;
            QVERIFY2(proxy->start(&error), qPrintable(error));
            proxy->replace("\"pods/eviction\"", "\"pods/evictiox\"");
            proxyConfig[side] =
                writeFile(m_dir.filePath(QStringLiteral("no-eviction-%1").arg(side)),
                          "clusters:\n- name: k\n  cluster:\n    server: " +
                              proxy->url().toString().toUtf8() +
                              "\n    certificate-authority-data: " + proxy->caPem().toBase64() +
                              "\nusers:\n- name: u\n  user:\n    token: " + ep.user.token.toUtf8() +
                              "\ncontexts:\n- name: c\n  context: {cluster: k, user: u}\n"
                              "current-context: c\n");
            proxies[side++] = std::move(proxy);
        }

        const KubectlRun k = kubectl(
            proxyConfig[0], {QStringLiteral("drain"), node, QStringLiteral("--timeout=20s")});
        QVERIFY2(k.exitCode == 0, k.err.constData());
        QVERIFY(proxies[0]->replacements() > 0); // kubectl did look for it

        ApiError err;
        auto client = clientFor(proxyConfig[1], {}, &err);
        QVERIFY2(client, qPrintable(err.toString()));
        // The plan (a dry run) already says the pods would be deleted, and why.
        DrainOptions plan;
        plan.dryRun = true;
        const DrainResult p = drain(*client, node, plan);
        QCOMPARE(p.outcome, DrainResult::Outcome::DryRun);
        QVERIFY(!p.usedEviction);
        QVERIFY2(p.warnings.join(QLatin1Char('\n')).contains(QLatin1String("no pods/eviction")),
                 qPrintable(p.warnings.join(QLatin1Char('\n'))));
        DrainOptions o;
        o.timeoutMs = 20000;
        const DrainResult r = drain(*client, node, o);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.warnings.join(QLatin1Char('\n')).contains(QLatin1String("no pods/eviction")));
        QVERIFY(proxies[1]->replacements() > 0);
        QVERIFY(!r.usedEviction);
        QCOMPARE(sorted(r.podsIn(DrainPod::State::Deleted)),
                 sorted({QStringLiteral("default/%1-0").arg(app),
                         QStringLiteral("default/%1-1").arg(app)}));
        QVERIFY(podsOn(*m_ours, node).isEmpty());
        QVERIFY(podsOn(*m_kubectlAdmin, node).isEmpty());
    }

    void unknownNodeFails()
    {
        const DrainResult r = drain(*m_ours, QStringLiteral("no-such-node"), {});
        QCOMPARE(r.outcome, DrainResult::Outcome::Failed);
        QVERIFY(r.error.isNotFound());
        QVERIFY2(r.error.toString().contains(QLatin1String("no-such-node")),
                 qPrintable(r.error.toString()));
    }
};

QTEST_GUILESS_MAIN(TestDrain)
#include "tst_drain.moc"

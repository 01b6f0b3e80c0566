// Drain with kubectl's semantics: on two identical kubesim clusters, the real `kubectl drain` runs
// on one and Faultboard's NodeDrain with the same options on the other; both must evict the same
// pods, refuse with the same blockers and leave the same state. Plus progress, concurrency, PDB
// retries, cancel and timeout.

#include "KubeTestSupport.h"

#include "kube/ApiClient.h"
#include "kube/ClusterQueries.h"
#include "kube/EvictionLimiter.h"
#include "kube/NodeDecoder.h"
#include "kube/NodeDrain.h"
#include "tests/common/TestCluster.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
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

// kubectl 1.32 doubles "cannot delete" for messages that already start with it; newer ones do not.
QString normalizeBlocker(QString line)
{
    line = line.trimmed();
    while (line.startsWith(QLatin1String("cannot delete cannot delete")))
        line.remove(0, int(qstrlen("cannot delete ")));
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

private slots:
    void initTestCase()
    {
        const QStringList args{QStringLiteral("--paused"), QStringLiteral("--nodes"),
                               QStringLiteral("40")};
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
            if (line.startsWith(QLatin1String("cannot delete")))
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
            QVERIFY(!r.podsIn(DrainPod::State::Deleted).isEmpty());
            QVERIFY(r.podsIn(DrainPod::State::Evicted).isEmpty());
            QVERIFY(!r.usedEviction);
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

// Isolate, restore and drain on a real kube-apiserver that is overloaded, beside kubectl.
//
// The API server runs with priority and fairness off and `--max-requests-inflight=1
// --max-mutating-requests-inflight=1`: its max-in-flight filter then answers 429 with
// `Retry-After: 1` to any read that arrives while another read is in flight (and any write while
// another write is), for every user outside system:masters. A load of concurrent reads and writes
// from other users keeps both limits busy, so a good share of the actions' requests are refused,
// as they would be from an API server in an incident. The actions use the `sre` user (may patch
// nodes, evict and delete pods; not system:masters, which the filter never refuses).
//
// Real server only (ctest `tst_overload_real`): the point is the real server's refusals;
// kubesim's own 429s are injected rules, tested in tst_nodeactions and tst_drain.

#include "KubeTestSupport.h"

#include "kube/ApiCall.h"
#include "kube/ApiClient.h"
#include "kube/ClusterQueries.h"
#include "kube/NodeActions.h"
#include "kube/NodeDecoder.h"
#include "kube/NodeDrain.h"
#include "tests/common/TestCluster.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace kube;
using namespace kubetest;

namespace {

// Requests sent back to back, `readers` reads (the 3.7 MB OpenAPI document, which holds the
// read slot while it is written) and `writers` writes in flight at all times, each sent again as
// soon as it is answered. It pulses, on for `onMs` and off for `offMs`: while on, a request of
// others is likely refused; a retry a second later may land in the pause, so a client that
// honours Retry-After gets through in a few attempts, well inside client-go's ten. Its client
// never retries, so it keeps the pressure steady; it counts the refusals it meets.
class Load : public QObject
{
public:
    Load(ApiClient *client, const QString &ballastNode)
        : m_client(client)
        , m_ballast(ballastNode)
    {
        RetryPolicy none;
        none.maxRetries = 0;
        m_client->setRetryPolicy(none);
        m_pulse.setSingleShot(true);
        connect(&m_pulse, &QTimer::timeout, this, [this] {
            m_on = !m_on;
            if (m_on)
                fill();
            m_pulse.start(m_on ? m_onMs : m_offMs);
        });
    }

    void start(int readers, int writers, int onMs, int offMs)
    {
        m_readers = readers;
        m_writers = writers;
        m_onMs = onMs;
        m_offMs = offMs;
        m_on = true;
        fill();
        m_pulse.start(m_onMs);
    }
    void stop()
    {
        m_pulse.stop();
        m_on = false;
    }
    bool isOn() const { return m_on; }
    int refused() const { return m_refused; }
    int answered() const { return m_answered; }
    int inFlight() const { return m_reading + m_writing; }

private:
    void fill()
    {
        while (m_reading < m_readers)
            send(false);
        while (m_writing < m_writers)
            send(true);
    }

    void send(bool write)
    {
        ApiRequest r;
        if (write) {
            r.verb = "PATCH";
            r.path = QStringLiteral("/api/v1/nodes/") + m_ballast;
            r.contentType = "application/merge-patch+json";
            r.body = QJsonDocument(
                         QJsonObject{
                             {QStringLiteral("metadata"),
                              QJsonObject{{QStringLiteral("annotations"),
                                           QJsonObject{{QStringLiteral("test.faultboard.io/load"),
                                                        QString::number(++m_writes)}}}}}})
                         .toJson(QJsonDocument::Compact);
        } else {
            r.path = QStringLiteral("/openapi/v2");
        }
        ++(write ? m_writing : m_reading);
        ApiCall *call = m_client->send(r);
        connect(call, &ApiCall::finished, this, [this, write](const ApiResponse &resp) {
            --(write ? m_writing : m_reading);
            ++m_answered;
            m_refused += resp.status == 429;
            if (m_on)
                send(write);
        });
    }

    ApiClient *m_client;
    QString m_ballast;
    QTimer m_pulse;
    bool m_on = false;
    int m_readers = 0, m_writers = 0, m_onMs = 0, m_offMs = 0;
    int m_reading = 0, m_writing = 0;
    int m_refused = 0, m_answered = 0, m_writes = 0;
};

} // namespace

class TestOverload : public QObject
{
    Q_OBJECT

    // Each request may wait up to ten times the server's second.
    static constexpr int ActionTimeoutMs = 120000;

    std::unique_ptr<TestCluster> m_cluster;
    std::unique_ptr<ApiClient> m_admin; // fixtures (system:masters: never refused)
    std::unique_ptr<ApiClient> m_sre;   // the actions
    std::unique_ptr<ApiClient> m_loadClient;
    std::unique_ptr<Load> m_load;
    QString m_sreKubeconfig;
    QStringList m_retries; // why each of the sre client's requests was retried

    NodePtr node(const QString &name)
    {
        const ApiResponse r = get(*m_admin, QStringLiteral("/api/v1/nodes/") + name);
        return r.ok() ? NodeDecoder::decodeNode(r.body) : nullptr;
    }

    int podCount(const QString &nodeName)
    {
        ClusterQueries q(m_admin.get());
        std::optional<NodePods> pods;
        q.podsOnNode(nodeName, nullptr, [&](const NodePods &p) { pods = p; });
        if (!QTest::qWaitFor([&] { return pods.has_value(); }, 20000) || pods->error)
            return -1;
        return int(pods->pods.size());
    }

    bool createPods(const QString &nodeName, int count)
    {
        for (int i = 0; i < count; ++i) {
            TestPod p;
            p.name = QStringLiteral("train-%1-%2").arg(nodeName).arg(i);
            p.node = nodeName;
            p.ownerKind = QStringLiteral("ReplicaSet");
            p.ownerName = QStringLiteral("train-") + nodeName;
            p.labels = {{QStringLiteral("app"), QStringLiteral("train-") + nodeName}};
            if (!createPod(*m_admin, p))
                return false;
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(TestCluster::isReal(), "tst_overload runs against the real control plane only");
        qputenv("FAULTBOARD_APISERVER_ARGS",
                "--enable-priority-and-fairness=false --max-requests-inflight=1 "
                "--max-mutating-requests-inflight=1");
        m_cluster = std::make_unique<TestCluster>(QStringList{
            QStringLiteral("--paused"), QStringLiteral("--nodes"), QStringLiteral("8")});
        const bool started = m_cluster->start();
        qunsetenv("FAULTBOARD_APISERVER_ARGS");
        QVERIFY2(started, qPrintable(m_cluster->errorString()));
        m_admin = std::make_unique<ApiClient>(m_cluster->endpoint());
        m_sre = std::make_unique<ApiClient>(
            m_cluster->endpoint(TestCluster::context(TestCluster::User::Sre)));
        connect(m_sre.get(), &ApiClient::requestRetrying, this,
                [this](const ApiRequest &r, int, int, const ApiError &e) {
                    m_retries << QString::fromLatin1(r.verb) + QLatin1Char(' ') + r.path +
                                     QStringLiteral(": ") + RetryPolicy::describe(e);
                });
        m_loadClient = std::make_unique<ApiClient>(
            m_cluster->endpoint(TestCluster::context(TestCluster::User::Sre)));
        m_load = std::make_unique<Load>(m_loadClient.get(), QStringLiteral("gpu-0008"));

        // A kubeconfig with only the sre context, for kubectl.
        m_sreKubeconfig = m_cluster->kubeconfigPath();
    }

    void init() { m_retries.clear(); }

    void cleanupTestCase()
    {
        if (m_load) {
            m_load->stop();
            if (!QTest::qWaitFor([&] { return m_load->inFlight() == 0; }, 20000))
                qWarning("the load's last requests did not finish");
        }
        m_load.reset();
        m_loadClient.reset();
        m_sre.reset();
        m_admin.reset();
        m_cluster.reset();
    }

    void theLimitRefusesOthersButNotMasters()
    {
        // The fixture is what the test claims: under the load, the sre user meets 429s with
        // Retry-After, the admin (system:masters) none.
        m_load->start(4, 2, 2000, 1000);
        QTRY_VERIFY_WITH_TIMEOUT(m_load->refused() >= 10, 30000);
        // A probe as the sre user while the load is on, and the admin's.
        ApiClient probe(m_cluster->endpoint(TestCluster::context(TestCluster::User::Sre)));
        RetryPolicy none;
        none.maxRetries = 0;
        probe.setRetryPolicy(none);
        int probes = 0, probeRefused = 0, adminRefused = 0;
        while (probes < 40) {
            if (!m_load->isOn()) {
                QTRY_VERIFY(m_load->isOn());
                continue;
            }
            ++probes;
            probeRefused += get(probe, QStringLiteral("/api/v1/nodes/gpu-0003")).status == 429;
            adminRefused += get(*m_admin, QStringLiteral("/api/v1/nodes/gpu-0003")).status == 429;
        }
        qInfo("under load: %d of %d reads refused to the sre user, %d to the admin; the load: %d "
              "of %d refused",
              probeRefused, probes, adminRefused, m_load->refused(), m_load->answered());
        QVERIFY(probeRefused > 0);
        QCOMPARE(adminRefused, 0);
    }

    void isolateRestoreAndDrainSucceedWhereKubectlDoes()
    {
        // Ours on gpu-0001, kubectl on gpu-0002, in the same overload.
        QVERIFY(createPods(QStringLiteral("gpu-0001"), 2));
        QVERIFY(createPods(QStringLiteral("gpu-0002"), 2));
        const int refusedBefore = m_load->refused();

        NodeActions actions(m_sre.get());
        QStringList progress;
        connect(&actions, &NodeActions::progress, this,
                [&](quint64, const QString &, const QString &m) { progress << m; });
        NodeActionResult r = waitForAction(
            actions,
            [](NodeActions &a) {
                return a.isolate(QStringLiteral("gpu-0001"), QStringLiteral("NT_NPU_CARD_LOSE"),
                                 QStringLiteral("overload test"));
            },
            ActionTimeoutMs);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        NodePtr n = node(QStringLiteral("gpu-0001"));
        QVERIFY(n && n->unschedulable);
        QVERIFY(std::any_of(n->taints.begin(), n->taints.end(), [](const Taint &t) {
            return t.key == QLatin1String("faultboard.io/isolated");
        }));

        DrainOptions o;
        o.timeoutMs = 120000;
        o.pollIntervalMs = 200;
        NodeDrain drain(m_sre.get(), QStringLiteral("gpu-0001"), o);
        std::optional<DrainResult> drained;
        QStringList podMessages;
        bool sawBudget = false;
        connect(&drain, &NodeDrain::podChanged, this, [&](const DrainPod &p) {
            sawBudget |= p.state == DrainPod::State::BlockedByPdb;
            if (!p.message.isEmpty())
                podMessages << p.message;
        });
        connect(&drain, &NodeDrain::finished, this, [&](const DrainResult &d) { drained = d; });
        // The drain's own requests (reading the node, listing its pods) say their retries in
        // the drain's progress, which the window and `faultboard drain` show.
        connect(&drain, &NodeDrain::progress, this, [&](const QString &m) { progress << m; });
        drain.start();
        QTRY_VERIFY_WITH_TIMEOUT(drained.has_value(), 150000);
        QVERIFY2(drained->ok(), qPrintable(drained->error.toString()));
        QCOMPARE(drained->outcome, DrainResult::Outcome::Drained);
        QCOMPARE(drained->podsIn(DrainPod::State::Evicted).size(), 2);
        QVERIFY(!sawBudget); // overload is never taken for a PodDisruptionBudget
        QCOMPARE(podCount(QStringLiteral("gpu-0001")), 0);

        r = waitForAction(
            actions,
            [](NodeActions &a) { return a.restore(QStringLiteral("gpu-0001"), QString()); },
            ActionTimeoutMs);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        n = node(QStringLiteral("gpu-0001"));
        QVERIFY(n && !n->unschedulable);
        QVERIFY(n->taints.empty());

        // The server refused some of our requests, and we said so where an operator sees it.
        qInfo("ours: %lld retries; load refused %d more requests meanwhile",
              qint64(m_retries.size()), m_load->refused() - refusedBefore);
        QVERIFY2(!m_retries.isEmpty(), "the server refused none of the actions' requests");
        for (const QString &why : std::as_const(m_retries))
            QVERIFY2(why.contains(QLatin1String("429")), qPrintable(why));
        const QString shown = (progress + podMessages).join(QLatin1Char('\n'));
        QVERIFY2(shown.contains(QLatin1String("overloaded (429")),
                 qPrintable(m_retries.join(QLatin1Char('\n')) + QStringLiteral("\n--\n") + shown));

        // kubectl, the same way, as the same user, under the same load.
        const QStringList ctx{QStringLiteral("--context"),
                              TestCluster::context(TestCluster::User::Sre), QStringLiteral("-v=4")};
        int kubectlRetries = 0;
        for (const QStringList &args :
             {QStringList{QStringLiteral("taint"), QStringLiteral("nodes"),
                          QStringLiteral("gpu-0002"),
                          QStringLiteral("faultboard.io/isolated=NT_NPU_CARD_LOSE:NoSchedule")},
              QStringList{QStringLiteral("drain"), QStringLiteral("gpu-0002"),
                          QStringLiteral("--timeout=120s")},
              QStringList{QStringLiteral("taint"), QStringLiteral("nodes"),
                          QStringLiteral("gpu-0002"), QStringLiteral("faultboard.io/isolated-")},
              QStringList{QStringLiteral("uncordon"), QStringLiteral("gpu-0002")}}) {
            const KubectlRun k = kubectl(m_sreKubeconfig, ctx + args, 180000);
            QVERIFY2(k.exitCode == 0,
                     qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") +
                                QString::fromUtf8(k.err.right(2000))));
            kubectlRetries += int(k.err.count("Got a Retry-After"));
        }
        qInfo("kubectl: %d retries after Retry-After", kubectlRetries);
        QCOMPARE(podCount(QStringLiteral("gpu-0002")), 0);
        n = node(QStringLiteral("gpu-0002"));
        QVERIFY(n && !n->unschedulable && n->taints.empty());
    }
};

QTEST_MAIN(TestOverload)
#include "tst_overload.moc"

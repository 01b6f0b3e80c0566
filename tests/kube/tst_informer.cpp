#include "kube/ApiCall.h"
#include "kube/ApiClient.h"
#include "kube/Informer.h"
#include "kube/Node.h"
#include "kube/NodeDecoder.h"
#include "tests/common/TestCluster.h"

#include <QElapsedTimer>
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
        m_cluster = std::make_unique<TestCluster>(QStringList{
            QStringLiteral("--paused"), QStringLiteral("--nodes"), QStringLiteral("120")});
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

        QVERIFY(m_cluster->setCondition(QStringLiteral("npu-0003"),
                                        QStringLiteral("NT_NPU_CARD_LOSE"),
                                        QStringLiteral("True")));
        QTRY_COMPARE_WITH_TIMEOUT(
            m.status(QStringLiteral("npu-0003"), QStringLiteral("NT_NPU_CARD_LOSE")),
            QStringLiteral("True"), 10000);
        QCOMPARE(inf->listCount(), 1);
    }

    void relistsWhenTheContinueTokenExpires()
    {
        // Every API answer comes 400 ms late; between the first page and the second the server
        // changes a node and compacts, so the continue token of the first page is too old.
        QVERIFY(m_cluster->control(QStringLiteral("settings"), R"({"responseDelayMs":400})"));
        ApiClient client(m_cluster->endpoint());
        ApiClient control(m_cluster->endpoint());
        auto inf = makeInformer(&client, 60); // two pages
        Mirror m;
        m.connectTo(inf.get());
        bool compacted = false;
        QList<int> pageStatuses;
        connect(
            &client, &ApiClient::responseReceived, this,
            [&](const ApiRequest &req, const ApiResponse &r) {
                if (req.query.hasQueryItem(QStringLiteral("watch")))
                    return;
                pageStatuses << r.status;
                if (compacted)
                    return;
                compacted = true;
                ApiRequest inject;
                inject.verb = "POST";
                inject.path = QStringLiteral("/_sim/inject");
                inject.body =
                    R"({"node":"npu-0006","condition":{"type":"NT_NPU_NET","status":"True","reason":"Test","message":"while listing"}})";
                connect(control.send(inject), &ApiCall::finished, this, [&](const ApiResponse &) {
                    ApiRequest compact;
                    compact.verb = "POST";
                    compact.path = QStringLiteral("/_sim/compact");
                    control.send(compact);
                });
            });
        QSignalSpy synced(inf.get(), &Informer::synced);
        inf->start();
        QVERIFY(synced.wait(20000));
        // First page, 410 Expired for the second, then the whole list again.
        QCOMPARE(pageStatuses, (QList<int>{200, 410, 200, 200}));
        QCOMPARE(inf->listCount(), 2);
        QCOMPARE(m.nodes.size(), 120);
        QVERIFY(m.deleted.isEmpty());
        QCOMPARE(m.status(QStringLiteral("npu-0006"), QStringLiteral("NT_NPU_NET")),
                 QStringLiteral("True"));
        QCOMPARE(inf->state(), Informer::State::Synced);
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
        QVERIFY(m_cluster->setCondition(QStringLiteral("gpu-0001"), QStringLiteral("Ready"),
                                        QStringLiteral("Unknown")));
        QTRY_COMPARE_WITH_TIMEOUT(m.status(QStringLiteral("gpu-0001"), QStringLiteral("Ready")),
                                  QStringLiteral("Unknown"), 10000);
        const QString rvBeforeDrop = inf->resourceVersion();
        const int watchesBefore = inf->watchCount();

        QVERIFY(m_cluster->control(QStringLiteral("drop-watches")));
        QTRY_VERIFY_WITH_TIMEOUT(inf->watchCount() > watchesBefore, 10000);
        QCOMPARE(inf->lastWatchResourceVersion(), rvBeforeDrop);
        QCOMPARE(inf->listCount(), 1); // resumed, not relisted

        // Events after the reconnect still arrive.
        QVERIFY(m_cluster->setCondition(QStringLiteral("gpu-0001"), QStringLiteral("Ready"),
                                        QStringLiteral("True")));
        QTRY_COMPARE_WITH_TIMEOUT(m.status(QStringLiteral("gpu-0001"), QStringLiteral("Ready")),
                                  QStringLiteral("True"), 10000);
    }

    void resumesAfterStreamCutMidFrame()
    {
        ApiClient client(m_cluster->endpoint());
        auto inf = makeInformer(&client);
        Mirror m;
        m.connectTo(inf.get());
        QList<ApiError::Kind> failures;
        connect(inf.get(), &Informer::retryScheduled, this,
                [&](int, const ApiError &e) { failures << e.kind; });
        QSignalSpy synced(inf.get(), &Informer::synced);
        inf->start();
        QVERIFY(synced.wait(20000));

        // Every watch stream is cut inside its second event: the frame, and the HTTP chunk
        // carrying it, end half-way and the connection closes (a proxy dying, say).
        const ApiResponse one = m_cluster->request("GET", QStringLiteral("/api/v1/nodes/npu-0001"));
        QVERIFY(one.ok());
        const qint64 eventBytes = one.body.size() + 40;
        QVERIFY(m_cluster->control(QStringLiteral("settings"),
                                   QByteArray(R"({"cutWatchAfterBytes":)") +
                                       QByteArray::number(eventBytes * 3 / 2) + "}"));
        const int watchesBefore = inf->watchCount();
        const QStringList nodes{QStringLiteral("npu-0001"), QStringLiteral("npu-0002"),
                                QStringLiteral("npu-0003"), QStringLiteral("npu-0004")};
        for (const QString &n : nodes)
            QVERIFY(
                m_cluster->setCondition(n, QStringLiteral("NT_NPU_NET"), QStringLiteral("True")));

        // Each reconnect resumes after the last whole event: all four arrive, none garbled.
        for (const QString &n : nodes)
            QTRY_COMPARE_WITH_TIMEOUT(m.status(n, QStringLiteral("NT_NPU_NET")),
                                      QStringLiteral("True"), 15000);
        QVERIFY2(inf->watchCount() >= watchesBefore + 3,
                 qPrintable(QString::number(inf->watchCount())));
        QCOMPARE(inf->listCount(), 1);                       // resumed every time, never relisted
        QVERIFY(!failures.contains(ApiError::Kind::Decode)); // the half frame was never decoded
        QCOMPARE(m.nodes.size(), 120);
        QVERIFY(m.deleted.isEmpty());

        QVERIFY(m_cluster->control(QStringLiteral("settings"), R"({"cutWatchAfterBytes":0})"));
        QVERIFY(m_cluster->setCondition(QStringLiteral("npu-0001"), QStringLiteral("NT_NPU_NET"),
                                        QStringLiteral("False")));
        QTRY_COMPARE_WITH_TIMEOUT(
            m.status(QStringLiteral("npu-0001"), QStringLiteral("NT_NPU_NET")),
            QStringLiteral("False"), 10000);
        QCOMPARE(inf->state(), Informer::State::Synced);
    }

    void bookmarksMoveTheResumePoint()
    {
        QVERIFY(m_cluster->control(QStringLiteral("settings"), R"({"bookmarkIntervalMs":100})"));
        ApiClient client(m_cluster->endpoint());
        auto inf = makeInformer(&client);
        int batches = 0;
        connect(inf.get(), &Informer::deltas, this, [&](const DeltaBatch &) { ++batches; });
        QSignalSpy synced(inf.get(), &Informer::synced);
        inf->start();
        QVERIFY(synced.wait(20000));
        const QString listed = inf->resourceVersion();
        const int batchesAfterList = batches;

        // Something other than a node changes: the node watch sees only bookmarks, which carry
        // the newer resourceVersion.
        QVERIFY(
            m_cluster
                ->request("POST", QStringLiteral("/api/v1/namespaces"),
                          R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"bump"}})")
                .ok());
        QTRY_VERIFY_WITH_TIMEOUT(inf->resourceVersion() != listed, 5000);
        QCOMPARE(batches, batchesAfterList); // a bookmark is remembered, not emitted
        const QString bookmarked = inf->resourceVersion();

        const int watchesBefore = inf->watchCount();
        QVERIFY(m_cluster->control(QStringLiteral("drop-watches")));
        QTRY_VERIFY_WITH_TIMEOUT(inf->watchCount() > watchesBefore, 10000);
        QCOMPARE(inf->lastWatchResourceVersion(), bookmarked);
        QCOMPARE(inf->listCount(), 1);
    }

    void relistsOnExpiredAndEmitsDeletions_data()
    {
        QTest::addColumn<bool>("asHttpError");
        QTest::newRow("ERROR event after 200") << false;
        QTest::newRow("HTTP 410 on the watch") << true;
    }

    void relistsOnExpiredAndEmitsDeletions()
    {
        QFETCH(bool, asHttpError);
        QVERIFY(m_cluster->control(QStringLiteral("settings"),
                                   asHttpError ? R"({"watchTooOldAsHttpError":true})"
                                               : R"({"watchTooOldAsHttpError":false})"));
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
        QVERIFY(m_cluster->setCondition(QStringLiteral("npu-0005"), QStringLiteral("NT_NPU_NET"),
                                        QStringLiteral("True")));
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
        QCOMPARE(m.status(QStringLiteral("npu-0005"), QStringLiteral("NT_NPU_NET")),
                 QStringLiteral("True"));
        QCOMPARE(m.nodes.size(), 119);
        // The watch goes on from the new list's resourceVersion.
        QTRY_COMPARE_WITH_TIMEOUT(inf->lastWatchResourceVersion(), inf->resourceVersion(), 5000);
        QVERIFY(m_cluster->setCondition(QStringLiteral("npu-0005"), QStringLiteral("NT_NPU_NET"),
                                        QStringLiteral("False")));
        QTRY_COMPARE_WITH_TIMEOUT(
            m.status(QStringLiteral("npu-0005"), QStringLiteral("NT_NPU_NET")),
            QStringLiteral("False"), 10000);
    }

    void survivesServerRestartWithStaleStateAndBackoff()
    {
        ApiClient client(m_cluster->endpoint());
        auto inf = makeInformer(&client);
        inf->backoff().setInitialMs(100);
        inf->backoff().setMaxMs(400);
        Mirror m;
        m.connectTo(inf.get());
        struct Change
        {
            Informer::State state;
            QString reason;
            QDateTime since;
        };
        std::vector<Change> changes;
        connect(inf.get(), &Informer::stateChanged, this,
                [&](Informer::State s, const QString &reason) {
                    changes.push_back({s, reason, inf->stateSince()});
                });
        struct Retry
        {
            int delayMs;
            qint64 atMs;
        };
        std::vector<Retry> retries;
        QElapsedTimer clock;
        clock.start();
        connect(inf.get(), &Informer::retryScheduled, this, [&](int delayMs, const ApiError &) {
            retries.push_back({delayMs, clock.elapsed()});
        });

        QSignalSpy synced(inf.get(), &Informer::synced);
        inf->start();
        QVERIFY(synced.wait(20000));
        QCOMPARE(inf->state(), Informer::State::Synced);

        // The API server goes away for 2.5 s (every connection dropped, the port refusing), and
        // comes back with its state.
        const QDateTime restartAt = QDateTime::currentDateTimeUtc();
        // kubesim closes its listener right after answering; the answer can be lost with the
        // connection, so the control call's own result is not checked here.
        m_cluster->request("POST", QStringLiteral("/_sim/restart"), R"({"downMs":2500})");
        QTRY_COMPARE_WITH_TIMEOUT(inf->state(), Informer::State::Stale, 10000);
        const QDateTime staleSince = inf->stateSince();
        QVERIFY(staleSince >= restartAt.addMSecs(-1000));
        // The reason follows the latest failure; the time stays when it first went stale.
        QTRY_VERIFY2_WITH_TIMEOUT(inf->stateReason().contains(QLatin1String("refused")),
                                  qPrintable(inf->stateReason()), 5000);
        QCOMPARE(inf->state(), Informer::State::Stale);
        QCOMPARE(inf->stateSince(), staleSince);
        QTRY_COMPARE_WITH_TIMEOUT(inf->state(), Informer::State::Synced, 15000);
        QCOMPARE(inf->listCount(), 1); // resumed from its resourceVersion, no relist

        // Connecting → Synced → Stale (since one moment, however many retries) → Synced.
        std::vector<Informer::State> collapsed;
        for (const Change &c : changes) {
            if (collapsed.empty() || collapsed.back() != c.state)
                collapsed.push_back(c.state);
            if (c.state == Informer::State::Stale) {
                QCOMPARE(c.since, staleSince);
                QVERIFY(!c.reason.isEmpty());
            }
        }
        const std::vector<Informer::State> expected = {
            Informer::State::Connecting, Informer::State::Synced, Informer::State::Stale,
            Informer::State::Synced};
        QVERIFY(collapsed == expected);

        // Backoff observed: delays grow (x2 with ±20 % jitter) up to the cap, and each retry
        // came no sooner than its delay (a coarse QTimer may fire up to 5 % early).
        QVERIFY2(retries.size() >= 4, qPrintable(QString::number(retries.size())));
        QVERIFY(retries[0].delayMs <= 120);
        for (std::size_t i = 1; i < retries.size(); ++i) {
            QVERIFY(retries[i].delayMs <= 400);
            if (retries[i - 1].delayMs < 320) // below the cap: it grew
                QVERIFY2(retries[i].delayMs >= retries[i - 1].delayMs * 4 / 3,
                         qPrintable(QStringLiteral("%1 then %2")
                                        .arg(retries[i - 1].delayMs)
                                        .arg(retries[i].delayMs)));
            QVERIFY2(retries[i].atMs - retries[i - 1].atMs >= retries[i - 1].delayMs * 95 / 100 - 5,
                     qPrintable(QStringLiteral("retry %1: %2 ms after one with a %3 ms delay")
                                    .arg(i)
                                    .arg(retries[i].atMs - retries[i - 1].atMs)
                                    .arg(retries[i - 1].delayMs)));
        }
        QVERIFY(retries.back().delayMs >= 320); // reached the cap during a 2.5 s outage

        // Changes after the restart arrive.
        QVERIFY(m_cluster->setCondition(QStringLiteral("gpu-0004"), QStringLiteral("Ready"),
                                        QStringLiteral("False")));
        QTRY_COMPARE_WITH_TIMEOUT(m.status(QStringLiteral("gpu-0004"), QStringLiteral("Ready")),
                                  QStringLiteral("False"), 10000);
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
        QVERIFY2(inf->stateReason().contains(QLatin1String("refused")),
                 qPrintable(inf->stateReason()));
    }
};

QTEST_GUILESS_MAIN(TestInformer)
#include "tst_informer.moc"

#include "kube/ApiCall.h"
#include "kube/ApiClient.h"
#include "kube/ApiStream.h"
#include "kube/FrameSplitter.h"
#include "kube/Informer.h"
#include "kube/Node.h"
#include "kube/NodeDecoder.h"
#include "kube/ProtobufNodeDecoder.h"
#include "tests/common/TestCluster.h"
#include "tests/common/ThreadNice.h"
#include "tests/kube/FaultProxy.h"
#include "tests/kube/KubeTestSupport.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QSemaphore>
#include <QThread>
#include <QSignalSpy>
#include <QTest>

#include <sys/syscall.h>
#include <unistd.h>

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
        return c ? c->status() : QString();
    }
};

// The frame kube-apiserver writes for a failure inside a watch (etcd trouble): an ERROR event
// with a Status whose code is 500.
QByteArray watchFrame(const QByteArray &frame, bool end)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("frame"), QString::fromUtf8(frame)},
                                     {QStringLiteral("end"), end}})
        .toJson(QJsonDocument::Compact);
}
const QByteArray ErrorFrame500 = watchFrame(
    "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
    "\"status\":\"Failure\",\"message\":\"etcdserver: leader changed\",\"reason\":"
    "\"InternalError\",\"code\":500}}",
    true);

} // namespace

class TestInformer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;

    std::unique_ptr<Informer> makeInformer(ApiClient *client, int pageSize = 500,
                                           bool fromWatchCache = true)
    {
        Informer::Options opts;
        opts.pageSize = pageSize;
        opts.listFromWatchCache = fromWatchCache;
        auto inf = std::make_unique<Informer>(client, std::make_shared<NodeDecoder>(), opts);
        inf->backoff().setInitialMs(50);
        inf->backoff().setMaxMs(500);
        return inf;
    }

    // The cluster's endpoint with the server reached through `proxy`.
    ClusterEndpoint throughProxy(const FaultProxy &proxy) const
    {
        ClusterEndpoint ep = m_cluster->endpoint();
        QUrl url = ep.server;
        url.setPort(proxy.port());
        ep.server = url;
        return ep;
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
        // From etcd (what the informer falls back to when the watch cache refuses
        // resourceVersion=0): 120 nodes in three pages of 50, each after the first with the
        // continue token of the one before, none at a resourceVersion.
        ApiClient client(m_cluster->endpoint());
        QStringList pages;
        connect(&client, &ApiClient::responseReceived, this,
                [&](const ApiRequest &req, const ApiResponse &r) {
                    if (!req.query.hasQueryItem(QStringLiteral("watch")))
                        pages << QStringLiteral("%1 rv=%2 continue=%3")
                                     .arg(r.status)
                                     .arg(req.query.queryItemValue(QStringLiteral("resourceVersion")))
                                     .arg(!req.query.queryItemValue(QStringLiteral("continue"))
                                               .isEmpty());
                });
        auto inf = makeInformer(&client, 50, false);
        Mirror m;
        m.connectTo(inf.get());
        QSignalSpy synced(inf.get(), &Informer::synced);
        inf->start();
        QVERIFY(synced.wait(20000));
        QCOMPARE(pages, (QStringList{QStringLiteral("200 rv= continue=0"),
                                     QStringLiteral("200 rv= continue=1"),
                                     QStringLiteral("200 rv= continue=1")}));
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

    void listsAsProtobufThenWatchesJson()
    {
        // The informer asks for protobuf with JSON as the fallback; kube-apiserver and kubesim
        // answer protobuf (a server answering JSON only: tst_listfallback).
        ApiClient client(m_cluster->endpoint());
        QByteArrayList accepts, listTypes;
        connect(&client, &ApiClient::responseReceived, this,
                [&](const ApiRequest &req, const ApiResponse &r) {
                    if (req.query.hasQueryItem(QStringLiteral("watch")))
                        return;
                    accepts << req.accept;
                    listTypes << r.contentType;
                });
        auto inf = makeInformer(&client, 50);
        Mirror m;
        m.connectTo(inf.get());
        QSignalSpy synced(inf.get(), &Informer::synced);
        inf->start();
        QVERIFY(synced.wait(20000));
        QCOMPARE(m.nodes.size(), 120);
        QVERIFY(!listTypes.isEmpty());
        const QByteArray expected = "application/vnd.kubernetes.protobuf";
        for (const QByteArray &a : accepts)
            QCOMPARE(a, QByteArray("application/vnd.kubernetes.protobuf, application/json"));
        for (const QByteArray &t : listTypes)
            QVERIFY2(t.startsWith(expected), t.constData());
        const NodePtr n = m.nodes.value(QStringLiteral("npu-0003"));
        QVERIFY(n && !n->uid.isEmpty() && !n->conditions.empty() && !n->capacity.isEmpty());

        // The watch after a protobuf list is JSON, and delivers.
        QVERIFY(m_cluster->setCondition(QStringLiteral("npu-0003"),
                                        QStringLiteral("NT_NPU_CARD_LOSE"),
                                        QStringLiteral("True")));
        QTRY_COMPARE_WITH_TIMEOUT(
            m.status(QStringLiteral("npu-0003"), QStringLiteral("NT_NPU_CARD_LOSE")),
            QStringLiteral("True"), 10000);
    }

    void aListStreamsInBatchesInOneRequest()
    {
        // The nodes come as one answer (resourceVersion=0: the watch cache ignores limit). The
        // protobuf answer is decoded in batches while it arrives (a JSON one whole:
        // tst_listfallback). kubesim serves more nodes here than one batch holds.
        int expected = 120;
        if (!TestCluster::isReal()) {
            expected = 600;
            m_cluster = std::make_unique<TestCluster>(QStringList{
                QStringLiteral("--paused"), QStringLiteral("--nodes"), QString::number(expected)});
            QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
        }
        ApiClient client(m_cluster->endpoint());
        {
            ApiRequest whole;
            whole.path = QStringLiteral("/api/v1/nodes");
            whole.accept = NodeDecoder().listAccept();
            whole.query.addQueryItem(QStringLiteral("resourceVersion"), QStringLiteral("0"));
            ApiClient probe(m_cluster->endpoint());
            const ApiResponse r = kubetest::roundTrip(probe, whole);
            QVERIFY2(r.ok(), qPrintable(r.error.toString()));
            QVERIFY2(r.body.size() > ProtobufNodeListStream::BatchBytes ||
                         expected > int(ProtobufNodeListStream::BatchItems),
                     qPrintable(QStringLiteral("%1 nodes in %2 bytes: one batch")
                                    .arg(expected)
                                    .arg(r.body.size())));
        }
        int lists = 0;
        QByteArray type;
        connect(&client, &ApiClient::responseReceived, this,
                [&](const ApiRequest &req, const ApiResponse &r) {
                    if (!req.query.hasQueryItem(QStringLiteral("watch")))
                        ++lists, type = r.contentType;
                });
        auto inf = makeInformer(&client, 50); // limit=50 is ignored at resourceVersion=0
        Mirror m;
        m.connectTo(inf.get());
        QSignalSpy synced(inf.get(), &Informer::synced);
        inf->start();
        QVERIFY(synced.wait(20000));
        QCOMPARE(m.nodes.size(), expected);
        QCOMPARE(lists, 1);
        QVERIFY2(type.startsWith("application/vnd.kubernetes.protobuf"), type.constData());
        // At least one batch: the streamed path (a JSON answer has none). More than
        // BatchItems nodes always make two; the real plane's 120 nodes (about 1.1 MB) lie too
        // near one batch's BatchBytes for a bound: where they are cut depends on the chunks.
        const int minBatches = expected > int(ProtobufNodeListStream::BatchItems) ? 2 : 1;
        QVERIFY2(inf->lastListBatches() >= minBatches,
                 qPrintable(QString::number(inf->lastListBatches())));
        // The batches were decoded below the GUI thread (markBackgroundThread): the list pool's
        // threads, still there, run at nice 10, this one where it was.
        const QMap<qint64, int> nice = testsupport::threadNiceValues();
        const int mine = nice.value(qint64(::syscall(SYS_gettid)), -100);
        QVERIFY(mine != -100);
        QVERIFY2(std::count(nice.begin(), nice.end(), std::max(mine, 10)) >= 1 + (mine >= 10),
                 qPrintable(QStringLiteral("this thread at nice %1, none of the others at 10")
                                .arg(mine)));
    }

    void aStreamedBodyComesInPiecesAndWaitsWhilePaused()
    {
        // The list's answer as the informer reads it (ApiRequest::streamBody): handed over in
        // pieces of at most streamPieceBytes, however much Qt holds, and nothing more while the
        // reader is paused, even once the whole answer is in (120 nodes are about 1 MB, well
        // inside the reply's buffer): no more pieces and no `finished` until resumed.
        ApiClient client(m_cluster->endpoint());
        ApiRequest req;
        req.path = QStringLiteral("/api/v1/nodes");
        req.query.addQueryItem(QStringLiteral("resourceVersion"), QStringLiteral("0"));
        const ApiResponse whole = kubetest::roundTrip(client, req);
        QVERIFY2(whole.ok(), qPrintable(whole.error.toString()));
        const DecodedList wholeList = NodeDecoder().decodeList(whole.body, whole.contentType);
        QVERIFY2(wholeList.error.ok(), qPrintable(wholeList.error.toString()));
        constexpr qint64 Piece = 64 * 1024;
        QVERIFY2(whole.body.size() > 4 * Piece, qPrintable(QString::number(whole.body.size())));

        req.streamBody = true;
        req.streamPieceBytes = Piece;
        ApiCall *call = client.send(req);
        QSignalSpy done(call, &ApiCall::finished);
        QByteArray body;
        int pieces = 0;
        qint64 largest = 0;
        // One piece per turn of the event loop, even with the whole answer in: what a receiver
        // on the GUI thread posts (a repaint) runs before the next piece.
        bool turnPending = false;
        int piecesInTheSameTurn = 0;
        connect(call, &ApiCall::bodyData, this, [&](const QByteArray &data) {
            ++pieces;
            largest = std::max<qint64>(largest, data.size());
            body += data;
            if (pieces == 1)
                call->setBodyPaused(true);
            piecesInTheSameTurn += turnPending;
            turnPending = true;
            QMetaObject::invokeMethod(this, [&] { turnPending = false; }, Qt::QueuedConnection);
        });
        QTRY_COMPARE_WITH_TIMEOUT(pieces, 1, 20000);
        // The reply of this call is the one not finished yet (the first list's may wait for its
        // deleteLater): once it has the whole answer, the call has had its chance to finish.
        QNetworkReply *reply = nullptr;
        for (QNetworkReply *r : client.networkManager()->findChildren<QNetworkReply *>())
            if (!r->isFinished())
                reply = r;
        if (reply) {
            QSignalSpy replyDone(reply, &QNetworkReply::finished);
            QVERIFY(replyDone.wait(20000));
        }
        QCoreApplication::processEvents();
        QCOMPARE(pieces, 1);
        QCOMPARE(done.count(), 0);

        call->setBodyPaused(false);
        QVERIFY(done.wait(20000));
        const auto r = done.takeFirst().at(0).value<ApiResponse>();
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.body.isEmpty()); // handed over, not kept
        QVERIFY2(largest <= Piece, qPrintable(QString::number(largest)));
        QVERIFY2(pieces >= body.size() / Piece, qPrintable(QString::number(pieces)));
        QCOMPARE(piecesInTheSameTurn, 0);
        // The same list (the kubelet stand-in may have written meanwhile: the same nodes).
        const DecodedList streamed = NodeDecoder().decodeList(body, r.contentType);
        QVERIFY2(streamed.error.ok(), qPrintable(streamed.error.toString()));
        QCOMPARE(streamed.items.size(), wholeList.items.size());
    }

    void aPausedStreamHandsOverNothingAndEndsOnlyOnceResumed()
    {
        // A watch as the informer reads it: in pieces of at most streamPieceBytes, nothing more
        // while paused, and its end (here the server's timeoutSeconds) only after what came
        // before it, on resume. From resourceVersion=0 the server sends every node as ADDED
        // first (120 nodes, about 1 MB: inside the reply's buffer, so the reply ends meanwhile).
        ApiClient client(m_cluster->endpoint());
        ApiRequest req;
        req.path = QStringLiteral("/api/v1/nodes");
        req.query.addQueryItem(QStringLiteral("watch"), QStringLiteral("1"));
        req.query.addQueryItem(QStringLiteral("resourceVersion"), QStringLiteral("0"));
        req.query.addQueryItem(QStringLiteral("timeoutSeconds"), QStringLiteral("1"));
        constexpr qint64 Piece = 64 * 1024;
        req.streamPieceBytes = Piece;
        ApiStream *stream = client.openStream(req);
        QSignalSpy finished(stream, &ApiStream::finished);
        QByteArray body;
        int pieces = 0;
        qint64 largest = 0;
        connect(stream, &ApiStream::dataReceived, this, [&](const QByteArray &data) {
            ++pieces;
            largest = std::max<qint64>(largest, data.size());
            body += data;
            if (pieces == 1)
                stream->setPaused(true);
        });
        QTRY_COMPARE_WITH_TIMEOUT(pieces, 1, 20000);
        QNetworkReply *reply = nullptr;
        for (QNetworkReply *r : client.networkManager()->findChildren<QNetworkReply *>())
            if (!r->isFinished())
                reply = r;
        QVERIFY(reply);
        QSignalSpy replyDone(reply, &QNetworkReply::finished);
        QVERIFY(replyDone.wait(20000));
        QCoreApplication::processEvents();
        QCOMPARE(pieces, 1);
        QCOMPARE(finished.count(), 0);

        stream->setPaused(false);
        QVERIFY(finished.wait(20000));
        const auto error = finished.takeFirst().at(0).value<ApiError>();
        QVERIFY2(error.ok(), qPrintable(error.toString()));
        QVERIFY2(largest <= Piece, qPrintable(QString::number(largest)));
        QVERIFY2(pieces > 4, qPrintable(QString::number(pieces)));
        FrameSplitter splitter;
        QSet<QString> added;
        for (const QByteArray &frame : splitter.feed(body)) {
            const WatchEvent ev = NodeDecoder().decodeEvent(frame);
            QVERIFY2(ev.error.ok(), qPrintable(ev.error.toString()));
            if (ev.type == WatchEvent::Type::Added)
                added.insert(std::static_pointer_cast<const Node>(ev.object)->name);
        }
        QCOMPARE(added.size(), 120);
    }

    void aBurstOfEventsWaitsInTheSocketWhileTheyWaitToBeApplied()
    {
        // A fault storm: every node changes twice while the client's thread is busy, so that
        // the whole burst is there at once when it gets back to its events. The informer reads
        // no more of the watch while more than maxPendingWatchBytes of its events wait to be
        // applied (the rest stays in the reply's bounded buffer and the socket, and the server
        // waits), and loses none: every node's last change is shown, on the watch it had.
        //
        // The relay runs on a thread of its own and holds the server's bytes while the changes
        // are made; released, it writes them all to the client's socket while this thread waits
        // for the socket to take them.
        constexpr qsizetype Bound = 256 * 1024;
        QThread relayThread;
        QObject relayHome;
        relayHome.moveToThread(&relayThread);
        relayThread.start();
        FaultProxy *proxy = nullptr;
        auto onRelay = [&](const std::function<void()> &fn) {
            QMetaObject::invokeMethod(&relayHome, fn, Qt::BlockingQueuedConnection);
        };
        const quint16 target = quint16(m_cluster->serverUrl().port());
        bool listening = false;
        onRelay([&] {
            proxy = new FaultProxy(QStringLiteral("127.0.0.1"), target);
            listening = proxy->start();
        });
        auto stopRelay = qScopeGuard([&] {
            onRelay([&] { delete proxy; });
            relayThread.quit();
            relayThread.wait();
        });
        QVERIFY(listening);

        ApiClient client(throughProxy(*proxy));
        Informer::Options opts;
        opts.maxPendingWatchBytes = Bound;
        Informer inf(&client, std::make_shared<NodeDecoder>(), opts);
        Mirror m;
        m.connectTo(&inf);
        QSignalSpy synced(&inf, &Informer::synced);
        inf.start();
        QVERIFY(synced.wait(20000));
        const QStringList names = m.nodes.keys();
        QVERIFY(names.size() >= 100);

        // A second watch, straight to the server, says when the server has sent the burst and
        // how many bytes it was.
        ApiClient direct(m_cluster->endpoint());
        ApiRequest watch;
        watch.path = QStringLiteral("/api/v1/nodes");
        watch.query.addQueryItem(QStringLiteral("watch"), QStringLiteral("1"));
        watch.query.addQueryItem(QStringLiteral("resourceVersion"), inf.resourceVersion());
        watch.timeoutMs = 0;
        ApiStream *stream = direct.openStream(watch);
        QSignalSpy opened(stream, &ApiStream::opened);
        FrameSplitter splitter;
        qint64 directBytes = 0;
        QSet<QString> doneThere;
        connect(stream, &ApiStream::dataReceived, this, [&](const QByteArray &data) {
            directBytes += data.size();
            for (const QByteArray &frame : splitter.feed(data)) {
                const WatchEvent ev = NodeDecoder().decodeEvent(frame);
                const auto node = std::static_pointer_cast<const Node>(ev.object);
                const NodeCondition *c = node ? node->condition(QStringLiteral("NT_GPU_ECC")) : nullptr;
                if (c && c->message() == QLatin1String("storm-final"))
                    doneThere.insert(node->name);
            }
        });
        QVERIFY(opened.wait(20000));

        onRelay([&] { proxy->holdDown(true); });
        const qint64 heldFrom = proxy->downTotal();
        for (const QString &status : {QStringLiteral("True"), QStringLiteral("False")})
            for (const QString &name : names)
                QVERIFY(m_cluster->setCondition(
                    name, QStringLiteral("NT_GPU_ECC"), status, QStringLiteral("Test"),
                    status == QLatin1String("True") ? QStringLiteral("storm-1")
                                                    : QStringLiteral("storm-final")));
        QTRY_COMPARE_WITH_TIMEOUT(doneThere.size(), names.size(), 30000);
        // The same events reached the relay (TLS adds a little; a bookmark may differ).
        QTRY_VERIFY_WITH_TIMEOUT(proxy->downTotal() - heldFrom >= directBytes * 98 / 100, 30000);
        QVERIFY2(directBytes > 4 * Bound, qPrintable(QString::number(directBytes)));
        auto lastShown = [&](const QString &name) {
            const NodePtr n = m.nodes.value(name);
            const NodeCondition *c = n ? n->condition(QStringLiteral("NT_GPU_ECC")) : nullptr;
            return c && c->status() == QLatin1String("False") &&
                   c->message() == QLatin1String("storm-final");
        };
        for (const QString &name : names) // held: the informer has none of it yet
            QVERIFY2(!lastShown(name), qPrintable(name));

        // This thread waits (no events) until the client's socket has taken the whole burst.
        QSemaphore drained;
        connect(proxy, &FaultProxy::drained, proxy, [&drained] { drained.release(); },
                Qt::DirectConnection);
        QMetaObject::invokeMethod(&relayHome, [&] { proxy->holdDown(false); });
        QVERIFY(drained.tryAcquire(1, 20000));

        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(names.begin(), names.end(), lastShown), 30000);
        qInfo("a burst of %lld bytes: at most %lld waited to be applied, %d pauses",
              qlonglong(directBytes), qlonglong(inf.watchPeakPendingBytes()), inf.watchPauses());
        QVERIFY2(inf.watchPauses() >= 1, qPrintable(QString::number(inf.watchPauses())));
        // At most the bound, one read past it (a quarter of it) and the frame it ended in.
        const qsizetype allowed = Bound + Bound / 4 + 64 * 1024;
        QVERIFY2(inf.watchPeakPendingBytes() <= allowed,
                 qPrintable(QStringLiteral("%1 bytes waited at once (burst %2, allowed %3)")
                                .arg(inf.watchPeakPendingBytes())
                                .arg(directBytes)
                                .arg(allowed)));
        QCOMPARE(inf.watchCount(), 1);
        QCOMPARE(inf.listCount(), 1);
        QCOMPARE(inf.state(), Informer::State::Synced);
    }

    void aListCutInTheMiddleIsListedAgain()
    {
        // The connection is reset 40 KB into the list's answer (kube-apiserver gzips it: its
        // 1 MB of protobuf come as about 100 KB, and the TLS handshake is a few KB): the
        // informer says the connection broke (not that the server sent something unreadable),
        // lists again after the backoff and shows every node once.
        FaultProxy proxy(QStringLiteral("127.0.0.1"), quint16(m_cluster->serverUrl().port()));
        QVERIFY(proxy.start());
        proxy.resetAfter(40 * 1024);
        ApiClient client(throughProxy(proxy));
        auto inf = makeInformer(&client);
        Mirror m;
        m.connectTo(inf.get());
        int deleted = 0;
        connect(inf.get(), &Informer::deltas, this, [&](const DeltaBatch &b) {
            for (const Delta &d : b)
                deleted += d.type == Delta::Type::Deleted;
        });
        QList<ApiError> retried;
        connect(inf.get(), &Informer::retryScheduled, this,
                [&](int, const ApiError &e) { retried << e; });
        QSignalSpy synced(inf.get(), &Informer::synced);
        inf->start();
        QVERIFY(synced.wait(20000));
        QVERIFY(proxy.hasResetAfter());
        QCOMPARE(retried.size(), 1);
        QVERIFY2(retried.first().kind != ApiError::Kind::Decode &&
                     retried.first().kind != ApiError::Kind::None,
                 qPrintable(retried.first().toString()));
        QCOMPARE(inf->listCount(), 2);
        QCOMPARE(m.nodes.size(), 120);
        QCOMPARE(inf->size(), 120);
        QCOMPARE(deleted, 0);
    }

    void relistsWhenTheContinueTokenExpires()
    {
        // Every API answer comes 400 ms late; between the first page and the second the server
        // changes a node and compacts, so the continue token of the first page is too old.
        QVERIFY(m_cluster->control(QStringLiteral("settings"), R"({"responseDelayMs":400})"));
        ApiClient client(m_cluster->endpoint());
        ApiClient control(m_cluster->endpoint());
        // Two pages from etcd (the watch cache would send the list whole).
        auto inf = makeInformer(&client, 60, false);
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
        QList<ApiError> retried;
        connect(inf.get(), &Informer::retryScheduled, this,
                [&](int, const ApiError &e) { retried << e; });
        QSignalSpy synced(inf.get(), &Informer::synced);
        inf->start();
        QVERIFY(synced.wait(20000));
        // First page, 410 Expired for the second, then the whole list again, after the backoff
        // (at 65,000 nodes an immediate restart can loop without ever syncing).
        QCOMPARE(retried.size(), 1);
        QVERIFY(retried[0].isGone());
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
        QList<ApiError> retried;
        connect(inf.get(), &Informer::retryScheduled, this,
                [&](int, const ApiError &e) { retried << e; });
        QVERIFY(m_cluster->control(QStringLiteral("drop-watches")));

        // Re-watching from the old resourceVersion gets 410 Expired: relist (after the
        // backoff), and the vanished node comes out as a deletion.
        QVERIFY(synced.wait(20000));
        QVERIFY(std::any_of(retried.begin(), retried.end(),
                            [](const ApiError &e) { return e.isGone(); }));
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
        struct Retry
        {
            int delayMs;
            qint64 atMs;
        };
        std::vector<Retry> retries;
        QElapsedTimer clock;
        clock.start();
        // The informer goes last and reports Idle as it stops: these connections must end before
        // the vectors they fill (ASan: heap-use-after-free when their context was the test).
        QObject recorder;
        connect(inf.get(), &Informer::stateChanged, &recorder,
                [&](Informer::State s, const QString &reason) {
                    changes.push_back({s, reason, inf->stateSince()});
                });
        connect(inf.get(), &Informer::retryScheduled, &recorder,
                [&](int delayMs, const ApiError &) {
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

    void defaultBoundsNoticeADeadConnectionWithinAMinute()
    {
        // The default, whatever server: silence for at most 60 s means dead, and each watch
        // asks the server to end it before that, so a quiet but live watch is never taken for
        // a dead one. The first list reads the watch cache.
        QVERIFY(Informer::DefaultInactivityTimeoutMs <= 60000);
        QCOMPARE(Informer::Options().inactivityTimeoutMs, Informer::DefaultInactivityTimeoutMs);
        ApiClient client(m_cluster->endpoint());
        Informer inf(&client, std::make_shared<NodeDecoder>(), Informer::Options());
        QList<ApiRequest> sent;
        connect(&client, &ApiClient::requestSent, this, [&](const ApiRequest &r) { sent << r; });
        QSignalSpy synced(&inf, &Informer::synced);
        inf.start();
        QVERIFY(synced.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 2, 5000);
        QCOMPARE(sent[0].query.queryItemValue(QStringLiteral("resourceVersion")),
                 QStringLiteral("0"));
        QCOMPARE(inf.lastListResourceVersion(), QStringLiteral("0"));
        const ApiRequest &watch = sent[1];
        QVERIFY(watch.query.hasQueryItem(QStringLiteral("watch")));
        QCOMPARE(watch.timeoutMs, Informer::DefaultInactivityTimeoutMs);
        const int serverTimeoutMs =
            watch.query.queryItemValue(QStringLiteral("timeoutSeconds")).toInt() * 1000;
        QVERIFY(serverTimeoutMs >= Informer::DefaultInactivityTimeoutMs / 2 - 1000);
        QVERIFY2(serverTimeoutMs <= Informer::DefaultInactivityTimeoutMs * 8 / 10,
                 qPrintable(QString::number(serverTimeoutMs)));
    }

    void deadConnectionIsNoticedAndNothingIsMissed()
    {
        // A connection that stops moving bytes without a reset (a dropped VPN): the watch
        // notices within its bound, says Stale and why, reconnects over new connections,
        // resumes from its resourceVersion and shows what changed meanwhile.
        const int bound = qEnvironmentVariableIntValue("TST_INFORMER_INACTIVITY_MS") > 0
                              ? qEnvironmentVariableIntValue("TST_INFORMER_INACTIVITY_MS")
                              : 3000;
        FaultProxy proxy(QStringLiteral("127.0.0.1"), quint16(m_cluster->serverUrl().port()));
        QVERIFY(proxy.start());
        ApiClient client(throughProxy(proxy));
        Informer::Options opts;
        opts.inactivityTimeoutMs = bound;
        Informer inf(&client, std::make_shared<NodeDecoder>(), opts);
        inf.backoff().setInitialMs(50);
        inf.backoff().setMaxMs(500);
        Mirror m;
        m.connectTo(&inf);
        QSignalSpy synced(&inf, &Informer::synced);
        inf.start();
        QVERIFY(synced.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(inf.watchCount(), 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(proxy.open() >= 1, 5000);

        // Everything through the proxy goes silent, new connections too.
        proxy.freeze(true);
        QElapsedTimer sinceFreeze;
        sinceFreeze.start();
        const QString before = m.status(QStringLiteral("npu-0007"), QStringLiteral("NT_NPU_NET"));
        QVERIFY(before != QLatin1String("True"));
        QVERIFY(m_cluster->setCondition(QStringLiteral("npu-0007"), QStringLiteral("NT_NPU_NET"),
                                        QStringLiteral("True")));
        QTRY_COMPARE_WITH_TIMEOUT(inf.state(), Informer::State::Stale, bound * 2 + 2000);
        const qint64 noticedMs = sinceFreeze.elapsed();
        qInfo("dead connection noticed after %lld ms (bound %d ms)", noticedMs, bound);
        QVERIFY2(noticedMs <= bound + 1000, qPrintable(QString::number(noticedMs)));
        QVERIFY2(inf.stateReason().contains(QLatin1String("no data from the server")),
                 qPrintable(inf.stateReason()));
        QVERIFY(client.connectionResets() >= 1);
        QCOMPARE(m.status(QStringLiteral("npu-0007"), QStringLiteral("NT_NPU_NET")), before);

        // The network comes back (the old flows stay dead, as after a VPN reconnect).
        proxy.thaw();
        QTRY_COMPARE_WITH_TIMEOUT(
            m.status(QStringLiteral("npu-0007"), QStringLiteral("NT_NPU_NET")),
            QStringLiteral("True"), bound * 3 + 5000);
        qInfo("the change made meanwhile shown %lld ms after Stale",
              sinceFreeze.elapsed() - noticedMs);
        QTRY_COMPARE_WITH_TIMEOUT(inf.state(), Informer::State::Synced, 5000);
        QCOMPARE(inf.listCount(), 1); // resumed, not relisted
    }

    void cutWhileManyEventsPassRelistsAndShowsEverything()
    {
        // The connection is reset and refused while more than the server keeps (100 events)
        // happens: the resume gets 410, and the relist shows every change and every deletion.
        QVERIFY(m_cluster->control(QStringLiteral("settings"), R"({"eventWindow":100})"));
        FaultProxy proxy(QStringLiteral("127.0.0.1"), quint16(m_cluster->serverUrl().port()));
        QVERIFY(proxy.start());
        ApiClient client(throughProxy(proxy));
        auto inf = makeInformer(&client);
        Mirror m;
        m.connectTo(inf.get());
        QSignalSpy synced(inf.get(), &Informer::synced);
        inf->start();
        QVERIFY(synced.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(proxy.open() >= 1, 5000);

        proxy.refuse(true);
        proxy.resetAll();
        QTRY_COMPARE_WITH_TIMEOUT(inf->state(), Informer::State::Stale, 5000);
        // 140 changes to 20 nodes (seven passes, True then False then ...), and three deletions.
        QByteArray actions = "[";
        for (int pass = 0; pass < 7; ++pass)
            for (int i = 0; i < 20; ++i)
                actions +=
                    QStringLiteral(
                        R"({"node":"gpu-%1","condition":{"type":"NT_GPU_ECC","status":"%2","reason":"Test","message":"pass %3"}},)")
                        .arg(i + 3, 4, 10, QLatin1Char('0'))
                        .arg(pass % 2 == 0 ? QStringLiteral("True") : QStringLiteral("False"))
                        .arg(pass)
                        .toUtf8();
        actions += R"({"delete":"gpu-0001"},{"delete":"gpu-0002"},{"delete":"npu-0003"}])";
        QVERIFY(m_cluster->control(QStringLiteral("inject"), actions));
        proxy.refuse(false);

        QVERIFY(synced.wait(20000));
        QCOMPARE(inf->listCount(), 2);
        QCOMPARE(m.nodes.size(), 117);
        for (const char *gone : {"gpu-0001", "gpu-0002", "npu-0003"}) {
            QVERIFY(m.deleted.contains(QLatin1String(gone)));
            QVERIFY(!m.nodes.contains(QLatin1String(gone)));
        }
        for (int i = 0; i < 20; ++i) {
            const QString node = QStringLiteral("gpu-%1").arg(i + 3, 4, 10, QLatin1Char('0'));
            QCOMPARE(m.status(node, QStringLiteral("NT_GPU_ECC")), QStringLiteral("True"));
        }
    }

    void retryAfterBeyondIntMillisecondsIsCappedNotWrapped()
    {
        // A Status asking for 3,000,000 s (a proxy's, or a corrupted one): as milliseconds in an
        // int that overflowed (undefined; in practice negative, so the backoff's few hundred ms
        // won). The wait is capped at 30 s instead.
        ApiClient client(m_cluster->endpoint());
        auto inf = makeInformer(&client);
        inf->backoff().setInitialMs(400);
        inf->backoff().setMaxMs(400);
        QList<int> delays;
        connect(inf.get(), &Informer::retryScheduled, this,
                [&](int delayMs, const ApiError &) { delays << delayMs; });
        QSignalSpy synced(inf.get(), &Informer::synced);
        inf->start();
        QVERIFY(synced.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(inf->watchCount(), 1, 5000);
        QVERIFY(m_cluster->control(
            QStringLiteral("watch-frame"),
            watchFrame("{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":"
                       "\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"slow down\","
                       "\"reason\":\"TooManyRequests\",\"details\":{\"retryAfterSeconds\":3000000},"
                       "\"code\":429}}",
                       true)));
        QTRY_COMPARE_WITH_TIMEOUT(delays.size(), 1, 5000);
        QCOMPARE(delays[0], 30000);
    }

    void errorEventThenEndOfStreamWatchesAgainOnceAfterABackoff()
    {
        ApiClient client(m_cluster->endpoint());
        auto inf = makeInformer(&client);
        inf->backoff().setInitialMs(400);
        inf->backoff().setMaxMs(400);
        Mirror m;
        m.connectTo(inf.get());
        QElapsedTimer clock;
        clock.start();
        QList<qint64> watchesAt;
        connect(&client, &ApiClient::requestSent, this, [&](const ApiRequest &r) {
            if (r.query.hasQueryItem(QStringLiteral("watch")))
                watchesAt << clock.elapsed();
        });
        QList<std::pair<qint64, int>> retries;
        connect(inf.get(), &Informer::retryScheduled, this, [&](int delayMs, const ApiError &) {
            retries << std::pair{clock.elapsed(), delayMs};
        });
        QSignalSpy synced(inf.get(), &Informer::synced);
        inf->start();
        QVERIFY(synced.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(watchesAt.size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(inf->state(), Informer::State::Synced, 5000);

        QVERIFY(m_cluster->control(QStringLiteral("watch-frame"), ErrorFrame500));
        QTRY_COMPARE_WITH_TIMEOUT(watchesAt.size(), 2, 5000);
        QCOMPARE(retries.size(), 1);
        QVERIFY2(inf->stateReason().contains(QLatin1String("leader changed")) ||
                     inf->state() == Informer::State::Synced,
                 qPrintable(inf->stateReason()));
        // The new watch came after the backoff, not at once.
        QVERIFY2(watchesAt[1] - retries[0].first >= retries[0].second * 95 / 100 - 5,
                 qPrintable(QStringLiteral("%1 ms after a retry with %2 ms delay")
                                .arg(watchesAt[1] - retries[0].first)
                                .arg(retries[0].second)));
        // It works, and it is the only one.
        QVERIFY(m_cluster->setCondition(QStringLiteral("gpu-0005"), QStringLiteral("Ready"),
                                        QStringLiteral("False")));
        QTRY_COMPARE_WITH_TIMEOUT(m.status(QStringLiteral("gpu-0005"), QStringLiteral("Ready")),
                                  QStringLiteral("False"), 5000);
        // Longer than the backoff: a second, armed re-watch would go out now.
        QSignalSpy more(&client, &ApiClient::requestSent);
        QVERIFY(!more.wait(700));
        QCOMPARE(watchesAt.size(), 2);
        QCOMPARE(inf->listCount(), 1);
        QCOMPARE(inf->state(), Informer::State::Synced);
    }

    void undecodableFrameRelistsAndMovesOn()
    {
        ApiClient client(m_cluster->endpoint());
        auto inf = makeInformer(&client);
        Mirror m;
        m.connectTo(inf.get());
        QSignalSpy synced(inf.get(), &Informer::synced);
        inf->start();
        QVERIFY(synced.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(inf->state(), Informer::State::Synced, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(inf->watchCount(), 1, 5000);

        // A frame cut short by a broken proxy: not JSON.
        QVERIFY(m_cluster->control(
            QStringLiteral("watch-frame"),
            watchFrame("{\"type\":\"MODIFIED\",\"object\":{\"kind\":\"No", false)));
        QVERIFY(synced.wait(10000)); // relisted past it
        QCOMPARE(inf->listCount(), 2);
        QCOMPARE(m.nodes.size(), 120);
        QTRY_COMPARE_WITH_TIMEOUT(inf->lastWatchResourceVersion(), inf->resourceVersion(), 5000);
        QVERIFY(m_cluster->setCondition(QStringLiteral("npu-0002"), QStringLiteral("Ready"),
                                        QStringLiteral("False")));
        QTRY_COMPARE_WITH_TIMEOUT(m.status(QStringLiteral("npu-0002"), QStringLiteral("Ready")),
                                  QStringLiteral("False"), 5000);
        QCOMPARE(inf->listCount(), 2);
    }

    void backoffGrowsWhileTheServerFailsAndResetsAfterEvents()
    {
        // The server answers every watch with 200 and then fails it at once: the delays grow
        // (the old informer reset them on every 200). Events reset them.
        ApiClient client(m_cluster->endpoint());
        auto inf = makeInformer(&client);
        inf->backoff().setInitialMs(100);
        inf->backoff().setMaxMs(5000);
        Mirror m;
        m.connectTo(inf.get());
        QList<int> delays;
        connect(inf.get(), &Informer::retryScheduled, this,
                [&](int delayMs, const ApiError &) { delays << delayMs; });
        QSignalSpy synced(inf.get(), &Informer::synced);
        inf->start();
        QVERIFY(synced.wait(20000));
        for (int i = 0; i < 4; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(
                inf->watchCount() == i + 1 && inf->state() == Informer::State::Synced, 10000);
            QVERIFY(m_cluster->control(QStringLiteral("watch-frame"), ErrorFrame500));
            QTRY_COMPARE_WITH_TIMEOUT(delays.size(), i + 1, 5000);
        }
        for (int i = 1; i < delays.size(); ++i)
            QVERIFY2(delays[i] >= delays[i - 1] * 5 / 4,
                     qPrintable(QStringLiteral("%1 then %2").arg(delays[i - 1]).arg(delays[i])));
        QVERIFY(inf->backoff().attempts() == 4);
        QTRY_VERIFY_WITH_TIMEOUT(inf->watchCount() == 5 && inf->state() == Informer::State::Synced,
                                 10000);
        QCOMPARE(inf->backoff().attempts(), 4); // a 200 alone does not reset it
        QVERIFY(m_cluster->setCondition(QStringLiteral("gpu-0006"), QStringLiteral("Ready"),
                                        QStringLiteral("False")));
        QTRY_COMPARE_WITH_TIMEOUT(m.status(QStringLiteral("gpu-0006"), QStringLiteral("Ready")),
                                  QStringLiteral("False"), 5000);
        QCOMPARE(inf->backoff().attempts(), 0);
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

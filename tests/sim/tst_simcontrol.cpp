// kubesim's control endpoints for other tests: bearer tokens added and revoked at run time, the
// basic-auth user, slow responses, injected error Statuses and watch streams cut mid-frame.

#include "kube/ApiCall.h"
#include "kube/ApiClient.h"
#include "kube/ApiStream.h"
#include "tests/common/TestCluster.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

namespace {

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

kube::ApiResponse send(const kube::ClusterEndpoint &endpoint, const QByteArray &verb,
                       const QString &path, const QByteArray &body = {},
                       const QByteArray &contentType = "application/json")
{
    kube::ApiClient client(endpoint);
    kube::ApiRequest req;
    req.verb = verb;
    req.path = path;
    req.body = body;
    req.contentType = contentType;
    kube::ApiResponse response;
    bool done = false;
    QObject::connect(client.send(req), &kube::ApiCall::finished, [&](const kube::ApiResponse &r) {
        response = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        response.error = kube::ApiError::cancelled(str("timed out"));
    return response;
}

} // namespace

class TestSimControl : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;

private slots:
    void init()
    {
        m_cluster = std::make_unique<TestCluster>(QStringList{str("--paused")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
    }

    void cleanup() { m_cluster.reset(); }

    void tokensCanBeAddedAndRevoked()
    {
        kube::ClusterEndpoint viewer = m_cluster->endpoint();
        viewer.user.token = str("test-viewer-token-1");
        QCOMPARE(send(viewer, "GET", str("/api/v1/nodes/gpu-0001")).status, 401);

        QVERIFY(m_cluster->control(
            str("tokens"), R"({"token":"test-viewer-token-1","user":"carol","role":"viewer"})"));
        QCOMPARE(send(viewer, "GET", str("/api/v1/nodes/gpu-0001")).status, 200);
        const kube::ApiResponse denied =
            send(viewer, "PATCH", str("/api/v1/nodes/gpu-0001"),
                 R"({"spec":{"unschedulable":true}})", "application/strategic-merge-patch+json");
        QCOMPARE(denied.status, 403);
        QVERIFY(
            denied.error.message.contains(str("User \"carol\" cannot patch resource \"nodes\"")));

        kube::ClusterEndpoint admin = m_cluster->endpoint();
        admin.user.token = str("test-admin-token-2");
        QVERIFY(m_cluster->control(
            str("tokens"), R"({"token":"test-admin-token-2","user":"dave","role":"admin"})"));
        QCOMPARE(send(admin, "PATCH", str("/api/v1/nodes/gpu-0001"),
                      R"({"spec":{"unschedulable":true}})",
                      "application/strategic-merge-patch+json")
                     .status,
                 200);

        // The list names users and roles, never the tokens.
        const kube::ApiResponse list = m_cluster->request("GET", str("/_sim/tokens"));
        QCOMPARE(list.status, 200);
        QVERIFY(list.body.contains("\"carol\""));
        QVERIFY(!list.body.contains("test-viewer-token-1"));

        // Revoked: the token's next request is 401, as after expiry.
        QVERIFY(
            m_cluster->control(str("tokens"), R"({"token":"test-viewer-token-1","revoke":true})"));
        const kube::ApiResponse expired = send(viewer, "GET", str("/api/v1/nodes/gpu-0001"));
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.error.reason, str("Unauthorized"));

        const kube::ApiResponse bad =
            m_cluster->request("POST", str("/_sim/tokens"), R"({"token":"x","role":"root"})");
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.error.message.contains(str("role must be admin or viewer")));
        // Only an admin may use the control endpoints.
        QCOMPARE(send(m_cluster->endpoint(str("kubesim-viewer")), "POST", str("/_sim/tokens"),
                      R"({"token":"mine","role":"admin"})")
                     .status,
                 403);
    }

    void basicAuthContextWorks()
    {
        kube::ClusterEndpoint basic = m_cluster->endpoint(str("kubesim-basic"));
        QVERIFY(!basic.user.username.isEmpty());
        QCOMPARE(send(basic, "GET", str("/api/v1/nodes/gpu-0001")).status, 200);
        basic.user.password = str("not-the-password");
        QCOMPARE(send(basic, "GET", str("/api/v1/nodes/gpu-0001")).status, 401);
    }

    void responseDelaySlowsApiButNotControl()
    {
        QVERIFY(m_cluster->control(str("settings"), R"({"responseDelayMs":700})"));
        QElapsedTimer t;
        t.start();
        QCOMPARE(m_cluster->request("GET", str("/api/v1/nodes/gpu-0001")).status, 200);
        QVERIFY2(t.elapsed() >= 700, qPrintable(QString::number(t.elapsed())));
        t.restart();
        QCOMPARE(m_cluster->request("GET", str("/_sim/stats")).status, 200);
        QVERIFY2(t.elapsed() < 700, qPrintable(QString::number(t.elapsed())));
        QVERIFY(m_cluster->control(str("settings"), R"({"responseDelayMs":0})"));
        t.restart();
        QCOMPARE(m_cluster->request("GET", str("/api/v1/nodes/gpu-0001")).status, 200);
        QVERIFY2(t.elapsed() < 700, qPrintable(QString::number(t.elapsed())));
    }

    void failNextReturnsErrorsToMatchingRequests()
    {
        QVERIFY(m_cluster->control(
            str("settings"),
            R"({"failNext":{"status":503,"count":2,"pathPrefix":"/api/v1/nodes/gpu-0001","retryAfterSeconds":2}})"));
        for (int i = 0; i < 2; ++i) {
            const kube::ApiResponse r = m_cluster->request("GET", str("/api/v1/nodes/gpu-0001"));
            QCOMPARE(r.status, 503);
            QCOMPARE(r.error.reason, str("ServiceUnavailable"));
            QCOMPARE(r.error.retryAfterSeconds, 2);
        }
        QCOMPARE(m_cluster->request("GET", str("/api/v1/nodes/gpu-0001")).status, 200);

        // Method and path filters; other requests pass.
        QVERIFY(m_cluster->control(
            str("settings"),
            R"({"failNext":{"status":500,"method":"PATCH","pathPrefix":"/api/v1/nodes","count":5,"message":"etcd is sad"}})"));
        QCOMPARE(m_cluster->request("GET", str("/api/v1/nodes/gpu-0002")).status, 200);
        const kube::ApiResponse patch = m_cluster->request(
            "PATCH", str("/api/v1/nodes/gpu-0002"), R"({"spec":{"unschedulable":true}})",
            "application/strategic-merge-patch+json");
        QCOMPARE(patch.status, 500);
        QCOMPARE(patch.error.reason, str("InternalError"));
        QCOMPARE(patch.error.message, str("etcd is sad"));
        const QJsonObject settings =
            QJsonDocument::fromJson(m_cluster->request("GET", str("/_sim/settings")).body)
                .object()
                .value(str("settings"))
                .toObject();
        QCOMPARE(
            settings.value(str("failNext")).toArray().at(0).toObject().value(str("count")).toInt(),
            4);
        QVERIFY(m_cluster->control(str("settings"), R"({"failNext":null})"));
        QCOMPARE(m_cluster
                     ->request("PATCH", str("/api/v1/nodes/gpu-0002"),
                               R"({"spec":{"unschedulable":true}})",
                               "application/strategic-merge-patch+json")
                     .status,
                 200);
    }

    void settingsRejectWhatTheyDoNotKnow()
    {
        const kube::ApiResponse unknown =
            m_cluster->request("POST", str("/_sim/settings"), R"({"responseDelay":5})");
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.error.message, str("unknown setting \"responseDelay\""));
        const kube::ApiResponse wrongType =
            m_cluster->request("POST", str("/_sim/settings"), R"({"cutWatchAfterBytes":"many"})");
        QCOMPARE(wrongType.status, 400);
        QVERIFY(wrongType.error.message.contains(str("cutWatchAfterBytes must be an integer")));
        const kube::ApiResponse badRule =
            m_cluster->request("POST", str("/_sim/settings"), R"({"failNext":{"status":200}})");
        QCOMPARE(badRule.status, 400);
        QVERIFY(badRule.error.message.contains(str("failNext.status")));
    }

    void watchIsCutMidFrame()
    {
        QVERIFY(m_cluster->control(str("settings"), R"({"cutWatchAfterBytes":20000})"));
        kube::ApiClient client(m_cluster->endpoint());
        kube::ApiRequest req;
        req.path = str("/api/v1/nodes");
        req.query.addQueryItem(str("watch"), str("1"));
        req.timeoutMs = 0;
        QByteArray data;
        bool finished = false;
        kube::ApiError error;
        kube::ApiStream *stream = client.openStream(req);
        connect(stream, &kube::ApiStream::dataReceived, this,
                [&](const QByteArray &d) { data += d; });
        connect(stream, &kube::ApiStream::finished, this, [&](const kube::ApiError &e) {
            error = e;
            finished = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(finished, 10000);
        // Exactly the configured bytes arrived, ending inside a frame, and the stream broke.
        QCOMPARE(data.size(), 20000);
        QVERIFY(data.count('\n') >= 1);
        QVERIFY(!data.endsWith('\n'));
        const QList<QByteArray> lines = data.split('\n');
        QVERIFY(QJsonDocument::fromJson(lines.first()).isObject());
        QVERIFY(QJsonDocument::fromJson(lines.last()).isNull());
        // Note: QNetworkReply ends such a stream without an error; only the partial last frame
        // tells a client that it was cut. The raw bytes show what kubesim sent:
        QVERIFY(m_cluster->control(str("settings"), R"({"cutWatchAfterBytes":0})"));
    }

    void watchCutTruncatesTheHttpChunk()
    {
        TestCluster plain({str("--paused"), str("--no-tls")});
        QVERIFY2(plain.start(), qPrintable(plain.errorString()));
        QVERIFY(plain.control(str("settings"), R"({"cutWatchAfterBytes":10000})"));
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(plain.serverUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write(
            "GET /api/v1/nodes?watch=1 HTTP/1.1\r\nHost: kubesim\r\nAuthorization: Bearer " +
            plain.endpoint().user.token.toUtf8() + "\r\n\r\n");
        QByteArray raw;
        QTRY_VERIFY_WITH_TIMEOUT(
            (raw += socket.readAll(), socket.state() == QAbstractSocket::UnconnectedState), 10000);
        raw += socket.readAll();
        const qsizetype headerEnd = raw.indexOf("\r\n\r\n");
        QVERIFY(headerEnd > 0);
        QVERIFY(raw.left(headerEnd).contains("Transfer-Encoding: chunked"));
        // Walk the chunks: all complete but the last, which announces more than it delivers.
        qsizetype pos = headerEnd + 4;
        qsizetype payload = 0;
        bool truncated = false;
        while (pos < raw.size()) {
            const qsizetype eol = raw.indexOf("\r\n", pos);
            QVERIFY(eol > 0);
            bool ok = false;
            const qsizetype len = raw.mid(pos, eol - pos).toLongLong(&ok, 16);
            QVERIFY(ok);
            QVERIFY2(len > 0, "the stream must not end with the terminating chunk");
            const qsizetype available = raw.size() - (eol + 2);
            if (available < len + 2) {
                payload += available;
                truncated = true;
                break;
            }
            payload += len;
            pos = eol + 2 + len + 2;
        }
        QVERIFY(truncated);
        QCOMPARE(payload, qsizetype(10000));
    }
};

QTEST_GUILESS_MAIN(TestSimControl)
#include "tst_simcontrol.moc"

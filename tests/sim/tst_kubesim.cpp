// kubesim's REST surface over real TLS sockets: pagination, the error Statuses a client must
// handle (401, 403, 404, 409, 410, 504), the three patch types with the status subresource's
// rules, server-side Tables for kubectl, discovery and Events.

#include "kube/ApiCall.h"
#include "kube/ApiClient.h"
#include "kube/ApiStream.h"
#include "tests/common/TestCluster.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTest>

namespace {

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

// A watch opened with the kube client, collecting what arrives.
struct WatchCapture
{
    QByteArray data;
    bool opened = false;
    bool finished = false;
    kube::ApiError error;
    QList<QJsonObject> events() const
    {
        QList<QJsonObject> out;
        for (const QByteArray &line : data.split('\n'))
            if (!line.trimmed().isEmpty())
                out << QJsonDocument::fromJson(line).object();
        return out;
    }
};

} // namespace

class TestKubesim : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;

    QJsonObject getJson(const QString &path, int expectStatus = 200, const QString &context = {})
    {
        const kube::ApiResponse r =
            m_cluster->request("GET", path, {}, "application/json", context);
        if (r.status != expectStatus)
            qWarning("GET %s: %d %s", qPrintable(path), r.status, qPrintable(r.error.toString()));
        return QJsonDocument::fromJson(r.body).object();
    }

    kube::ApiResponse send(const QByteArray &verb, const QString &path, const QByteArray &body,
                           const QByteArray &contentType = "application/json",
                           const QByteArray &accept = "application/json")
    {
        kube::ApiClient client(m_cluster->endpoint());
        kube::ApiRequest req;
        req.verb = verb;
        const qsizetype q = path.indexOf(QLatin1Char('?'));
        req.path = q < 0 ? path : path.left(q);
        if (q >= 0)
            req.query = QUrlQuery(path.mid(q + 1));
        req.body = body;
        req.contentType = contentType;
        req.accept = accept;
        kube::ApiResponse response;
        bool done = false;
        connect(client.send(req), &kube::ApiCall::finished, this, [&](const kube::ApiResponse &r) {
            response = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 20000))
            response.error = kube::ApiError::cancelled(str("timed out"));
        return response;
    }

    std::unique_ptr<kube::ApiClient> m_watchClient;
    QList<QPointer<kube::ApiStream>> m_streams;

    void openWatch(WatchCapture *w, const QString &query,
                   const QByteArray &accept = "application/json")
    {
        if (!m_watchClient)
            m_watchClient = std::make_unique<kube::ApiClient>(m_cluster->endpoint());
        kube::ApiRequest req;
        req.path = str("/api/v1/nodes");
        req.query = QUrlQuery(query);
        req.accept = accept;
        req.timeoutMs = 0;
        kube::ApiStream *stream = m_watchClient->openStream(req);
        m_streams << stream;
        connect(stream, &kube::ApiStream::opened, this, [w] { w->opened = true; });
        connect(stream, &kube::ApiStream::dataReceived, this,
                [w](const QByteArray &d) { w->data += d; });
        connect(stream, &kube::ApiStream::finished, this, [w](const kube::ApiError &e) {
            w->error = e;
            w->finished = true;
        });
    }

    QString resourceVersionOf(const QString &node)
    {
        return getJson(str("/api/v1/nodes/") + node)
            .value(str("metadata"))
            .toObject()
            .value(str("resourceVersion"))
            .toString();
    }

    QJsonArray conditionsOf(const QString &node)
    {
        return getJson(str("/api/v1/nodes/") + node)
            .value(str("status"))
            .toObject()
            .value(str("conditions"))
            .toArray();
    }

    static QJsonObject conditionOf(const QJsonArray &conditions, const QString &type)
    {
        for (const QJsonValue &c : conditions)
            if (c.toObject().value(str("type")).toString() == type)
                return c.toObject();
        return {};
    }

private slots:
    void initTestCase()
    {
        m_cluster = std::make_unique<TestCluster>(QStringList{
            QStringLiteral("--paused"), QStringLiteral("--nodes"), QStringLiteral("1200")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
    }

    void cleanup()
    {
        // Streams a failed test left open are closed before their client goes.
        for (const QPointer<kube::ApiStream> &s : std::as_const(m_streams))
            if (s)
                s->cancel();
        m_streams.clear();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        m_watchClient.reset();
    }

    void cleanupTestCase() { m_cluster.reset(); }

    void paginatesWithContinue()
    {
        QSet<QString> names;
        QString cont;
        int pages = 0;
        QString listRv;
        do {
            const QJsonObject page =
                getJson(QStringLiteral("/api/v1/nodes?limit=500") +
                        (cont.isEmpty() ? QString() : QStringLiteral("&continue=") + cont));
            const QJsonObject md = page.value(QStringLiteral("metadata")).toObject();
            if (pages == 0)
                listRv = md.value(QStringLiteral("resourceVersion")).toString();
            QCOMPARE(md.value(QStringLiteral("resourceVersion")).toString(), listRv);
            for (const QJsonValue &item : page.value(QStringLiteral("items")).toArray())
                names.insert(item.toObject()
                                 .value(QStringLiteral("metadata"))
                                 .toObject()
                                 .value(QStringLiteral("name"))
                                 .toString());
            cont = md.value(QStringLiteral("continue")).toString();
            if (!cont.isEmpty())
                QCOMPARE(md.value(QStringLiteral("remainingItemCount")).toInt(),
                         1200 - 500 * (pages + 1));
            ++pages;
        } while (!cont.isEmpty());
        QCOMPARE(pages, 3);
        QCOMPARE(names.size(), 1200);
    }

    void nodesLookRealistic()
    {
        const QJsonObject node = getJson(QStringLiteral("/api/v1/nodes/npu-0003"));
        QCOMPARE(node.value(QStringLiteral("kind")).toString(), QStringLiteral("Node"));
        const QJsonObject status = node.value(QStringLiteral("status")).toObject();
        QVERIFY(status.value(QStringLiteral("images")).toArray().size() >= 20);
        QCOMPARE(status.value(QStringLiteral("capacity"))
                     .toObject()
                     .value(QStringLiteral("huawei.com/ascend-910"))
                     .toString(),
                 QStringLiteral("8"));
        const QJsonObject labels = node.value(QStringLiteral("metadata"))
                                       .toObject()
                                       .value(QStringLiteral("labels"))
                                       .toObject();
        QVERIFY(labels.contains(QStringLiteral("pool")));
        QVERIFY(labels.contains(QStringLiteral("rack")));
        QVERIFY(labels.contains(QStringLiteral("topology.kubernetes.io/zone")));
        const kube::ApiResponse raw =
            m_cluster->request("GET", QStringLiteral("/api/v1/nodes/npu-0003"));
        QVERIFY2(raw.body.size() > 4000, "a node is several KB, as on a real cluster");
    }

    void unknownNodeIs404Status()
    {
        const kube::ApiResponse r = m_cluster->request("GET", QStringLiteral("/api/v1/nodes/nope"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.error.reason, QStringLiteral("NotFound"));
        QCOMPARE(r.error.message, QStringLiteral("nodes \"nope\" not found"));
    }

    void viewerCannotWrite()
    {
        const kube::ApiResponse r = m_cluster->request(
            "PATCH", QStringLiteral("/api/v1/nodes/gpu-0001"), R"({"spec":{"unschedulable":true}})",
            "application/strategic-merge-patch+json", QStringLiteral("kubesim-viewer"));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.error.reason, QStringLiteral("Forbidden"));
        QVERIFY(r.error.message.contains(
            QLatin1String("User \"kubesim-viewer\" cannot patch resource \"nodes\"")));
    }

    void unauthenticatedIs401()
    {
        kube::ClusterEndpoint bogus = m_cluster->endpoint();
        bogus.user.token = str("not-a-kubesim-token");
        kube::ApiClient client(bogus);
        kube::ApiRequest req;
        req.path = str("/api/v1/nodes");
        kube::ApiResponse response;
        bool done = false;
        connect(client.send(req), &kube::ApiCall::finished, this, [&](const kube::ApiResponse &r) {
            response = r;
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(response.status, 401);
        QCOMPARE(response.error.reason, str("Unauthorized"));
    }

    void staleUpdateIs409()
    {
        QJsonObject node = getJson(str("/api/v1/nodes/gpu-0005"));
        const QString staleRv =
            node.value(str("metadata")).toObject().value(str("resourceVersion")).toString();
        QVERIFY(m_cluster->setCondition(str("gpu-0005"), str("NT_GPU_ECC"), str("True")));
        QJsonObject md = node.value(str("metadata")).toObject();
        QJsonObject labels = md.value(str("labels")).toObject();
        labels.insert(str("faultboard.io/note"), str("stale"));
        md.insert(str("labels"), labels);
        node.insert(str("metadata"), md);
        kube::ApiResponse r =
            m_cluster->request("PUT", str("/api/v1/nodes/gpu-0005"),
                               QJsonDocument(node).toJson(QJsonDocument::Compact));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.error.reason, str("Conflict"));
        QCOMPARE(r.error.message,
                 str("Operation cannot be fulfilled on nodes \"gpu-0005\": the object has been "
                     "modified; "
                     "please apply your changes to the latest version and try again"));
        // With the current resourceVersion the update goes through and bumps it; the status in a
        // PUT of the main resource is ignored (the condition set above stays True).
        md.insert(str("resourceVersion"), resourceVersionOf(str("gpu-0005")));
        node.insert(str("metadata"), md);
        r = m_cluster->request("PUT", str("/api/v1/nodes/gpu-0005"),
                               QJsonDocument(node).toJson(QJsonDocument::Compact));
        QCOMPARE(r.status, 200);
        const QJsonObject stored = QJsonDocument::fromJson(r.body).object();
        QVERIFY(stored.value(str("metadata")).toObject().value(str("resourceVersion")).toString() !=
                md.value(str("resourceVersion")).toString());
        QCOMPARE(stored.value(str("metadata"))
                     .toObject()
                     .value(str("labels"))
                     .toObject()
                     .value(str("faultboard.io/note"))
                     .toString(),
                 str("stale"));
        QCOMPARE(conditionOf(conditionsOf(str("gpu-0005")), str("NT_GPU_ECC"))
                     .value(str("status"))
                     .toString(),
                 str("True"));
    }

    void strategicMergeOfStatusMergesConditionsByType()
    {
        const QJsonArray before = conditionsOf(str("gpu-0006"));
        const QJsonObject ready = conditionOf(before, str("Ready"));
        const kube::ApiResponse r = m_cluster->request(
            "PATCH", str("/api/v1/nodes/gpu-0006/status"),
            R"({"status":{"conditions":[{"type":"NT_GPU_XID","status":"True","reason":"os_task_name:gpu-xid","message":"Xid 79"}]}})",
            "application/strategic-merge-patch+json");
        QCOMPARE(r.status, 200);
        const QJsonArray after = conditionsOf(str("gpu-0006"));
        QCOMPARE(after.size(), before.size());
        QCOMPARE(conditionOf(after, str("Ready")), ready);
        const QJsonObject xid = conditionOf(after, str("NT_GPU_XID"));
        QCOMPARE(xid.value(str("status")).toString(), str("True"));
        QCOMPARE(xid.value(str("message")).toString(), str("Xid 79"));
        // Fields the patch does not name are kept.
        QVERIFY(xid.contains(str("lastTransitionTime")));

        // $patch: delete removes one element by its merge key.
        QCOMPARE(
            m_cluster
                ->request("PATCH", str("/api/v1/nodes/gpu-0006/status"),
                          R"({"status":{"conditions":[{"type":"NT_GPU_XID","$patch":"delete"}]}})",
                          "application/strategic-merge-patch+json")
                .status,
            200);
        QCOMPARE(conditionsOf(str("gpu-0006")).size(), before.size() - 1);

        // The main resource ignores status; the status subresource ignores spec.
        QCOMPARE(m_cluster
                     ->request("PATCH", str("/api/v1/nodes/gpu-0006"),
                               R"({"status":{"conditions":[{"type":"Ready","status":"False"}]}})",
                               "application/strategic-merge-patch+json")
                     .status,
                 200);
        QCOMPARE(conditionOf(conditionsOf(str("gpu-0006")), str("Ready"))
                     .value(str("status"))
                     .toString(),
                 str("True"));
        QCOMPARE(m_cluster
                     ->request("PATCH", str("/api/v1/nodes/gpu-0006/status"),
                               R"({"spec":{"unschedulable":true}})",
                               "application/strategic-merge-patch+json")
                     .status,
                 200);
        QVERIFY(!getJson(str("/api/v1/nodes/gpu-0006"))
                     .value(str("spec"))
                     .toObject()
                     .contains(str("unschedulable")));
    }

    void strategicMergeReplacesTaintsWhole()
    {
        const QByteArray two =
            R"({"spec":{"taints":[{"key":"a","value":"1","effect":"NoSchedule"},{"key":"b","effect":"NoExecute"}]}})";
        QCOMPARE(m_cluster
                     ->request("PATCH", str("/api/v1/nodes/gpu-0007"), two,
                               "application/strategic-merge-patch+json")
                     .status,
                 200);
        QCOMPARE(getJson(str("/api/v1/nodes/gpu-0007"))
                     .value(str("spec"))
                     .toObject()
                     .value(str("taints"))
                     .toArray()
                     .size(),
                 2);
        // spec.taints has no patch strategy: the list in the patch is the new list.
        QCOMPARE(m_cluster
                     ->request("PATCH", str("/api/v1/nodes/gpu-0007"),
                               R"({"spec":{"taints":[{"key":"c","effect":"NoSchedule"}]}})",
                               "application/strategic-merge-patch+json")
                     .status,
                 200);
        const QJsonArray taints = getJson(str("/api/v1/nodes/gpu-0007"))
                                      .value(str("spec"))
                                      .toObject()
                                      .value(str("taints"))
                                      .toArray();
        QCOMPARE(taints.size(), 1);
        QCOMPARE(taints[0].toObject().value(str("key")).toString(), str("c"));
        QCOMPARE(m_cluster
                     ->request("PATCH", str("/api/v1/nodes/gpu-0007"),
                               R"({"spec":{"taints":null}})",
                               "application/strategic-merge-patch+json")
                     .status,
                 200);
        QVERIFY(!getJson(str("/api/v1/nodes/gpu-0007"))
                     .value(str("spec"))
                     .toObject()
                     .contains(str("taints")));
    }

    void mergePatchReplacesListsAndNullDeletes()
    {
        QCOMPARE(m_cluster
                     ->request("PATCH", str("/api/v1/nodes/gpu-0008"),
                               R"({"metadata":{"labels":{"faultboard.io/x":"1"}}})",
                               "application/merge-patch+json")
                     .status,
                 200);
        QCOMPARE(m_cluster
                     ->request("PATCH", str("/api/v1/nodes/gpu-0008"),
                               R"({"metadata":{"labels":{"faultboard.io/x":null}}})",
                               "application/merge-patch+json")
                     .status,
                 200);
        const QJsonObject labels = getJson(str("/api/v1/nodes/gpu-0008"))
                                       .value(str("metadata"))
                                       .toObject()
                                       .value(str("labels"))
                                       .toObject();
        QVERIFY(!labels.contains(str("faultboard.io/x")));
        QVERIFY(labels.contains(str("pool")));
        // RFC 7386: a list in the patch replaces the list.
        QCOMPARE(
            m_cluster
                ->request(
                    "PATCH", str("/api/v1/nodes/gpu-0008/status"),
                    R"({"status":{"conditions":[{"type":"Ready","status":"True","reason":"KubeletReady","message":"only me"}]}})",
                    "application/merge-patch+json")
                .status,
            200);
        const QJsonArray conditions = conditionsOf(str("gpu-0008"));
        QCOMPARE(conditions.size(), 1);
        QCOMPARE(conditions[0].toObject().value(str("message")).toString(), str("only me"));
        // A stale resourceVersion in a merge patch is a precondition that fails.
        const kube::ApiResponse stale = m_cluster->request(
            "PATCH", str("/api/v1/nodes/gpu-0008"),
            R"({"metadata":{"resourceVersion":"1001"},"spec":{"unschedulable":true}})",
            "application/merge-patch+json");
        QCOMPARE(stale.status, 409);
        QCOMPARE(stale.error.reason, str("Conflict"));
    }

    void jsonPatchTestIsCompareAndSwap()
    {
        const QString rv = resourceVersionOf(str("gpu-0009"));
        const QString patch = str(
            R"([{"op":"test","path":"/metadata/resourceVersion","value":"%1"},{"op":"add","path":"/spec/unschedulable","value":true}])");
        kube::ApiResponse r =
            m_cluster->request("PATCH", str("/api/v1/nodes/gpu-0009"), patch.arg(rv).toUtf8(),
                               "application/json-patch+json");
        QCOMPARE(r.status, 200);
        QVERIFY(getJson(str("/api/v1/nodes/gpu-0009"))
                    .value(str("spec"))
                    .toObject()
                    .value(str("unschedulable"))
                    .toBool());
        r = m_cluster->request("PATCH", str("/api/v1/nodes/gpu-0009"), patch.arg(rv).toUtf8(),
                               "application/json-patch+json");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.error.reason, str("Invalid"));
        QCOMPARE(r.error.message,
                 str("the server rejected our request due to an error in our request"));
        // A patch that is not a list of operations is a bad request.
        QCOMPARE(m_cluster
                     ->request("PATCH", str("/api/v1/nodes/gpu-0009"), R"({"op":"add"})",
                               "application/json-patch+json")
                     .status,
                 400);
        QCOMPARE(m_cluster->request("PATCH", str("/api/v1/nodes/gpu-0009"), R"({})", "text/plain")
                     .status,
                 415);
    }

    void watchFromBeforeTheWindowIs410()
    {
        const QString old = resourceVersionOf(str("gpu-0010"));
        QVERIFY(m_cluster->setCondition(str("gpu-0010"), str("NT_GPU_ECC"), str("True")));
        QVERIFY(m_cluster->control(str("compact")));
        // As kube-apiserver: a 200 stream whose only event is an ERROR with 410 Expired.
        WatchCapture w;
        openWatch(&w, str("watch=1&resourceVersion=") + old);
        QTRY_VERIFY_WITH_TIMEOUT(w.finished, 10000);
        QVERIFY(w.opened);
        const QList<QJsonObject> events = w.events();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].value(str("type")).toString(), str("ERROR"));
        QCOMPARE(events[0].value(str("object")).toObject().value(str("code")).toInt(), 410);
        QCOMPARE(events[0].value(str("object")).toObject().value(str("reason")).toString(),
                 str("Expired"));
        QVERIFY(events[0]
                    .value(str("object"))
                    .toObject()
                    .value(str("message"))
                    .toString()
                    .startsWith(str("too old resource version: ") + old));

        // Or as an HTTP 410 on the watch request itself.
        QVERIFY(m_cluster->control(str("settings"), R"({"watchTooOldAsHttpError":true})"));
        WatchCapture h;
        openWatch(&h, str("watch=1&resourceVersion=") + old);
        QTRY_VERIFY_WITH_TIMEOUT(h.finished, 10000);
        QVERIFY(!h.opened);
        QCOMPARE(h.error.code, 410);
        QCOMPARE(h.error.reason, str("Expired"));
        QVERIFY(m_cluster->control(str("settings"), R"({"watchTooOldAsHttpError":false})"));

        // A resourceVersion from the future is 504 ResourceVersionTooLarge.
        WatchCapture future;
        openWatch(&future, str("watch=1&resourceVersion=99999999"));
        QTRY_VERIFY_WITH_TIMEOUT(future.finished, 10000);
        QCOMPARE(future.error.code, 504);
        QCOMPARE(future.error.reason, str("Timeout"));
    }

    void watchResumesAndBookmarks()
    {
        QVERIFY(m_cluster->control(str("settings"), R"({"bookmarkIntervalMs":200})"));
        // From the list's resourceVersion: only what changes afterwards.
        const QString from = getJson(str("/api/v1/nodes?limit=1"))
                                 .value(str("metadata"))
                                 .toObject()
                                 .value(str("resourceVersion"))
                                 .toString();
        WatchCapture w;
        openWatch(&w, str("watch=1&allowWatchBookmarks=true&resourceVersion=") + from);
        QTRY_VERIFY(w.opened);
        QVERIFY(m_cluster->setCondition(str("gpu-0011"), str("NT_GPU_XID"), str("True")));
        QTRY_VERIFY2_WITH_TIMEOUT(w.events().size() >= 2, w.data.constData(), 5000);
        const QList<QJsonObject> events = w.events();
        QCOMPARE(events[0].value(str("type")).toString(), str("MODIFIED"));
        QCOMPARE(events[0]
                     .value(str("object"))
                     .toObject()
                     .value(str("metadata"))
                     .toObject()
                     .value(str("name"))
                     .toString(),
                 str("gpu-0011"));
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     for (const QJsonObject &e : w.events())
                                         if (e.value(str("type")).toString() == str("BOOKMARK"))
                                             return !e.value(str("object"))
                                                         .toObject()
                                                         .value(str("metadata"))
                                                         .toObject()
                                                         .value(str("resourceVersion"))
                                                         .toString()
                                                         .isEmpty();
                                     return false;
                                 }()),
                                 5000);
        QVERIFY(m_cluster->control(str("settings"), R"({"bookmarkIntervalMs":60000})"));
        QVERIFY(m_cluster->control(str("drop-watches")));
        QTRY_VERIFY_WITH_TIMEOUT(w.finished, 5000);
    }

    void serverSideTablesForKubectl()
    {
        const QByteArray table = "application/json;as=Table;v=v1;g=meta.k8s.io,application/"
                                 "json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
        QCOMPARE(m_cluster
                     ->request("PATCH", str("/api/v1/nodes/gpu-0012"),
                               R"({"spec":{"unschedulable":true}})",
                               "application/strategic-merge-patch+json")
                     .status,
                 200);
        const kube::ApiResponse r =
            send("GET", str("/api/v1/nodes?limit=500&fieldSelector=metadata.name%3Dgpu-0012"), {},
                 "application/json", table);
        QCOMPARE(r.status, 200);
        const QJsonObject t = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(t.value(str("kind")).toString(), str("Table"));
        QCOMPARE(t.value(str("apiVersion")).toString(), str("meta.k8s.io/v1"));
        QStringList names;
        for (const QJsonValue &c : t.value(str("columnDefinitions")).toArray())
            names << c.toObject().value(str("name")).toString() + str("/") +
                         QString::number(c.toObject().value(str("priority")).toInt());
        QCOMPARE(names.mid(0, 6),
                 (QStringList{str("Name/0"), str("Status/0"), str("Roles/0"), str("Age/0"),
                              str("Version/0"), str("Internal-IP/1")}));
        const QJsonObject row = t.value(str("rows")).toArray().at(0).toObject();
        const QJsonArray cells = row.value(str("cells")).toArray();
        QCOMPARE(cells[0].toString(), str("gpu-0012"));
        QCOMPARE(cells[1].toString(), str("Ready,SchedulingDisabled"));
        QCOMPARE(cells[2].toString(), str("<none>"));
        QCOMPARE(cells[4].toString(), str("v1.28.8"));
        QCOMPARE(row.value(str("object")).toObject().value(str("kind")).toString(),
                 str("PartialObjectMetadata"));
        QVERIFY(!t.value(str("metadata"))
                     .toObject()
                     .value(str("resourceVersion"))
                     .toString()
                     .isEmpty());

        // includeObject=Object carries the node; None carries nothing.
        const kube::ApiResponse full =
            send("GET", str("/api/v1/nodes/gpu-0012?includeObject=Object"), {}, "application/json",
                 table);
        QCOMPARE(QJsonDocument::fromJson(full.body)
                     .object()
                     .value(str("rows"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(str("object"))
                     .toObject()
                     .value(str("kind"))
                     .toString(),
                 str("Node"));
        const kube::ApiResponse none = send("GET", str("/api/v1/nodes/gpu-0012?includeObject=None"),
                                            {}, "application/json", table);
        QVERIFY(!QJsonDocument::fromJson(none.body)
                     .object()
                     .value(str("rows"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .contains(str("object")));

        // A watch in Table form: column definitions with the first event only.
        WatchCapture w;
        openWatch(&w, str("watch=1&fieldSelector=metadata.name%3Dgpu-0012"), table);
        QTRY_VERIFY_WITH_TIMEOUT(w.events().size() == 1, 5000);
        QVERIFY(m_cluster->setCondition(str("gpu-0012"), str("Ready"), str("False")));
        QTRY_VERIFY_WITH_TIMEOUT(w.events().size() >= 2, 5000);
        const QList<QJsonObject> events = w.events();
        QCOMPARE(events[0].value(str("object")).toObject().value(str("kind")).toString(),
                 str("Table"));
        QVERIFY(
            events[0].value(str("object")).toObject().value(str("columnDefinitions")).isArray());
        QVERIFY(events[1].value(str("object")).toObject().value(str("columnDefinitions")).isNull());
        QCOMPARE(events[1]
                     .value(str("object"))
                     .toObject()
                     .value(str("rows"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(str("cells"))
                     .toArray()
                     .at(1)
                     .toString(),
                 str("NotReady,SchedulingDisabled"));
        QVERIFY(m_cluster->control(str("drop-watches")));
        QTRY_VERIFY_WITH_TIMEOUT(w.finished, 5000);
    }

    void everyListedGroupVersionAnswers()
    {
        // Aggregated discovery asked for, the plain format answered (kubectl accepts both).
        const kube::ApiResponse apis =
            send("GET", str("/apis"), {}, "application/json",
                 "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/"
                 "json");
        QCOMPARE(apis.status, 200);
        const QJsonObject groups = QJsonDocument::fromJson(apis.body).object();
        QCOMPARE(groups.value(str("kind")).toString(), str("APIGroupList"));
        QStringList paths{str("/api/v1")};
        for (const QJsonValue &g : groups.value(str("groups")).toArray()) {
            const QString name = g.toObject().value(str("name")).toString();
            QCOMPARE(getJson(str("/apis/") + name).value(str("kind")).toString(), str("APIGroup"));
            paths << str("/apis/") + g.toObject()
                                         .value(str("preferredVersion"))
                                         .toObject()
                                         .value(str("groupVersion"))
                                         .toString();
        }
        QVERIFY(paths.contains(str("/apis/policy/v1")));
        int lists = 0;
        for (const QString &gv : paths) {
            const QJsonObject list = getJson(gv);
            QCOMPARE(list.value(str("kind")).toString(), str("APIResourceList"));
            for (const QJsonValue &r : list.value(str("resources")).toArray()) {
                const QJsonObject res = r.toObject();
                const QString name = res.value(str("name")).toString();
                if (name == str("pods/eviction")) {
                    QCOMPARE(res.value(str("kind")).toString(), str("Eviction"));
                    QCOMPARE(res.value(str("group")).toString(), str("policy"));
                }
                if (name.contains(QLatin1Char('/')) ||
                    !res.value(str("verbs")).toArray().contains(str("list")))
                    continue;
                const kube::ApiResponse l =
                    m_cluster->request("GET", gv + str("/") + name + str("?limit=1"));
                QVERIFY2(l.status == 200, qPrintable(gv + str("/") + name));
                QVERIFY2(QJsonDocument::fromJson(l.body).object().value(str("kind")).toString() ==
                             res.value(str("kind")).toString() + str("List"),
                         qPrintable(name));
                ++lists;
            }
        }
        QVERIFY(lists >= 13);
    }

    void conditionChangesWriteEvents()
    {
        const QString uid = getJson(str("/api/v1/nodes/gpu-0013"))
                                .value(str("metadata"))
                                .toObject()
                                .value(str("uid"))
                                .toString();
        QVERIFY(m_cluster->setCondition(str("gpu-0013"), str("Ready"), str("False"),
                                        str("KubeletNotReady"), str("runtime is down")));
        QVERIFY(m_cluster->setCondition(str("gpu-0013"), str("Ready"), str("Unknown"),
                                        str("NodeStatusUnknown"),
                                        str("Kubelet stopped posting node status.")));
        QVERIFY(m_cluster->setCondition(str("gpu-0013"), str("NT_GPU_CARD_LOSE"), str("True"),
                                        str("os_task_name:gpu-card-lose"),
                                        str("0 of 8 GPUs visible")));
        // The kubelet's and node-problem-detector's events name the node as uid ...
        const QJsonArray byName =
            getJson(
                str("/api/v1/namespaces/default/events?fieldSelector=involvedObject.kind%3DNode,"
                    "involvedObject.name%3Dgpu-0013,involvedObject.uid%3Dgpu-0013"))
                .value(str("items"))
                .toArray();
        QCOMPARE(byName.size(), 2);
        QCOMPARE(byName[0].toObject().value(str("reason")).toString() + str(" ") +
                     byName[1].toObject().value(str("reason")).toString(),
                 str("NodeNotReady os_task_name:gpu-card-lose"));
        QCOMPARE(
            byName[0].toObject().value(str("source")).toObject().value(str("component")).toString(),
            str("kubelet"));
        QCOMPARE(byName[1].toObject().value(str("type")).toString(), str("Warning"));
        QCOMPARE(byName[1].toObject().value(str("message")).toString(), str("0 of 8 GPUs visible"));
        // ... the node controller uses the real UID.
        const QJsonArray byUid =
            getJson(str("/api/v1/events?fieldSelector=involvedObject.uid%3D") + uid)
                .value(str("items"))
                .toArray();
        QCOMPARE(byUid.size(), 1);
        QCOMPARE(
            byUid[0].toObject().value(str("source")).toObject().value(str("component")).toString(),
            str("node-controller"));
        QCOMPARE(byUid[0].toObject().value(str("message")).toString(), str("Node is not ready"));
        // A repeat within ten minutes is counted, not duplicated.
        QVERIFY(m_cluster->setCondition(str("gpu-0013"), str("NT_GPU_CARD_LOSE"), str("False"),
                                        str("os_task_name:gpu-card-lose"), str("ok")));
        QVERIFY(m_cluster->setCondition(str("gpu-0013"), str("NT_GPU_CARD_LOSE"), str("True"),
                                        str("os_task_name:gpu-card-lose"),
                                        str("0 of 8 GPUs visible")));
        const QJsonArray again =
            getJson(str("/api/v1/namespaces/default/"
                        "events?fieldSelector=involvedObject.name%3Dgpu-0013,type%3DWarning"))
                .value(str("items"))
                .toArray();
        QCOMPARE(again.size(), 1);
        QCOMPARE(again[0].toObject().value(str("count")).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestKubesim)
#include "tst_kubesim.moc"

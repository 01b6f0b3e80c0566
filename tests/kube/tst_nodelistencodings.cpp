#include "kube/ApiClient.h"
#include "kube/NodeDecoder.h"
#include "kube/ProtobufNodeDecoder.h"
#include "tests/common/TestCluster.h"
#include "tests/kube/KubeTestSupport.h"

#include <QHash>
#include <QTest>

using namespace kube;

// The nodes of a real kube-apiserver listed once as JSON and once as protobuf: every field
// kube::Node keeps decodes alike, and the server really spoke protobuf when asked.
class TestNodeListEncodings : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;

    ApiResponse list(ApiClient &client, const QByteArray &accept, const QString &limit = {})
    {
        ApiRequest req;
        req.path = QStringLiteral("/api/v1/nodes");
        req.accept = accept;
        if (limit.isEmpty())
            req.query.addQueryItem(QStringLiteral("resourceVersion"), QStringLiteral("0"));
        else
            req.query.addQueryItem(QStringLiteral("limit"), limit);
        return kubetest::roundTrip(client, req);
    }

    void compareEncodings(const QString &limit)
    {
        ApiClient client(m_cluster->endpoint());
        const NodeDecoder decoder;
        // The kubelet stand-in keeps writing: list until both answers are of one resourceVersion.
        for (int attempt = 0; attempt < 10; ++attempt) {
            const ApiResponse p = list(client, decoder.listAccept(), limit);
            const ApiResponse j = list(client, "application/json", limit);
            QVERIFY2(p.ok(), qPrintable(p.error.toString()));
            QVERIFY2(j.ok(), qPrintable(j.error.toString()));
            QVERIFY2(ProtobufNodeDecoder::isProtobuf(p.contentType), p.contentType.constData());
            QVERIFY2(j.contentType.startsWith("application/json"), j.contentType.constData());
            QVERIFY(p.body.startsWith(QByteArray("k8s\0", 4)));
            const DecodedList fromProto = decoder.decodeList(p.body, p.contentType);
            const DecodedList fromJson = decoder.decodeList(j.body, j.contentType);
            QVERIFY2(fromProto.error.ok(), qPrintable(fromProto.error.toString()));
            QVERIFY2(fromJson.error.ok(), qPrintable(fromJson.error.toString()));
            if (fromProto.resourceVersion != fromJson.resourceVersion)
                continue;
            QCOMPARE(fromProto.continueToken.isEmpty(), fromJson.continueToken.isEmpty());
            QCOMPARE(fromProto.remainingItemCount, fromJson.remainingItemCount);
            QCOMPARE(fromProto.items.size(), fromJson.items.size());
            QVERIFY(!fromProto.items.empty());
            // The watch cache keeps no order: nodes are matched by name.
            QHash<QString, const Node *> json;
            for (const ObjectPtr &o : fromJson.items)
                json.insert(o->name, static_cast<const Node *>(o.get()));
            for (const ObjectPtr &o : fromProto.items) {
                const auto &b = static_cast<const Node &>(*o);
                const Node *a = json.value(b.name);
                QVERIFY2(a, qPrintable(b.name));
                const QString diff = kubetest::nodeDifference(*a, b);
                QVERIFY2(diff.isEmpty(), qPrintable(b.name + QStringLiteral(": ") + diff));
                QVERIFY(!b.conditions.empty() && !b.capacity.isEmpty() && !b.labels.isEmpty());
            }
            // gpu-0002 sorts into the first page of 7 too.
            const Node *isolatedNode = json.value(QStringLiteral("gpu-0002"));
            QVERIFY(isolatedNode);
            const Node &isolated = *isolatedNode;
            QVERIFY(isolated.unschedulable && isolated.taints.size() == 2 &&
                    isolated.taints[1].timeAdded.isValid() && isolated.annotations.size() == 2);
            return;
        }
        QFAIL("the two lists never had the same resourceVersion");
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(TestCluster::isReal(),
                 "tst_nodelistencodings runs against the real control plane only");
        m_cluster = std::make_unique<TestCluster>(QStringList{
            QStringLiteral("--paused"), QStringLiteral("--nodes"), QStringLiteral("24")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
        // Every kind of field present: a Faultboard isolation (taint, annotations, cordon) and a
        // NoExecute taint with its time.
        ApiClient client(m_cluster->endpoint());
        ApiRequest patch;
        patch.verb = "PATCH";
        patch.path = QStringLiteral("/api/v1/nodes/gpu-0002");
        patch.contentType = "application/strategic-merge-patch+json";
        patch.body = R"({"metadata":{"annotations":{"faultboard.io/isolated-by":"ops",)"
                     R"("faultboard.io/isolated-reason":"卡丢失"}},"spec":{"unschedulable":true,)"
                     R"("taints":[{"key":"faultboard.io/isolated","value":"NT_NPU_CARD_LOSE",)"
                     R"("effect":"NoSchedule"},{"key":"example.com/drain","effect":"NoExecute",)"
                     R"("timeAdded":"2026-01-02T03:04:05Z"}]}})";
        const ApiResponse r = kubetest::roundTrip(client, patch);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    }

    void watchCacheListDecodesAlike() { compareEncodings({}); }
    // From etcd, in pages: the continue token and remainingItemCount as well.
    void pagedListDecodesAlike() { compareEncodings(QStringLiteral("7")); }

    void errorStatusInProtobufIsTheSameApiError()
    {
        // An error answer to a request that accepts protobuf is a protobuf Status.
        ApiClient client(m_cluster->endpoint());
        ApiRequest req;
        req.path = QStringLiteral("/api/v1/nodes/no-such-node");
        req.accept = NodeDecoder().listAccept();
        const ApiResponse p = kubetest::roundTrip(client, req);
        req.accept = "application/json";
        const ApiResponse j = kubetest::roundTrip(client, req);
        QVERIFY2(ProtobufNodeDecoder::isProtobuf(p.contentType), p.contentType.constData());
        QVERIFY(p.error.isNotFound());
        QCOMPARE(p.error.reason, QStringLiteral("NotFound"));
        QCOMPARE(p.error.reason, j.error.reason);
        QCOMPARE(p.error.message, j.error.message);
        QVERIFY(p.error.message.contains(QLatin1String("no-such-node")));
    }

    void cleanupTestCase() { m_cluster.reset(); }
};

QTEST_MAIN(TestNodeListEncodings)
#include "tst_nodelistencodings.moc"

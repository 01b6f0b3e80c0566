#include "kube/ApiClient.h"
#include "kube/Node.h"
#include "kube/NodeDecoder.h"
#include "kube/ProtobufNodeDecoder.h"
#include "tests/common/TestCluster.h"
#include "tests/kube/KubeTestSupport.h"

#include <QHash>
#include <QTest>

using namespace kube;

// kubesim's nodes in protobuf (sim/NodeProtobufEncoder) read by Faultboard's own
// ProtobufNodeDecoder come out as the same kube::Node values as kubesim's JSON of the same nodes:
// lists whole and in pages (the continue token and remainingItemCount too), and single gets.
class TestKubesimProtobuf : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;

    ApiResponse get(const QString &path, const QByteArray &accept, const QString &limit = {},
                    const QString &cont = {})
    {
        ApiClient client(m_cluster->endpoint());
        ApiRequest req;
        req.path = path;
        req.accept = accept;
        if (!limit.isEmpty())
            req.query.addQueryItem(QStringLiteral("limit"), limit);
        if (!cont.isEmpty())
            req.query.addQueryItem(QStringLiteral("continue"), cont);
        return kubetest::roundTrip(client, req);
    }

    static void compareLists(const DecodedList &p, const DecodedList &j)
    {
        QVERIFY2(p.error.ok(), qPrintable(p.error.toString()));
        QVERIFY2(j.error.ok(), qPrintable(j.error.toString()));
        QCOMPARE(p.resourceVersion, j.resourceVersion);
        QCOMPARE(p.continueToken, j.continueToken);
        QCOMPARE(p.remainingItemCount, j.remainingItemCount);
        QCOMPARE(p.items.size(), j.items.size());
        for (std::size_t i = 0; i < p.items.size(); ++i) {
            const auto &a = static_cast<const Node &>(*j.items[i]);
            const auto &b = static_cast<const Node &>(*p.items[i]);
            QCOMPARE(b.name, a.name);
            const QString diff = kubetest::nodeDifference(a, b);
            QVERIFY2(diff.isEmpty(), qPrintable(a.name + QStringLiteral(": ") + diff));
            QVERIFY(!b.conditions.empty() && !b.capacity.isEmpty() && !b.labels.isEmpty() &&
                    !b.uid.isEmpty() && b.creationTimestamp.isValid());
        }
    }

private slots:
    void initTestCase()
    {
        m_cluster = std::make_unique<TestCluster>(QStringList{QStringLiteral("--paused")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
        // Every kind of field: a cordon, a NoExecute taint with its time, annotations.
        const ApiResponse r = m_cluster->request(
            "PATCH", QStringLiteral("/api/v1/nodes/gpu-0002"),
            R"({"metadata":{"annotations":{"faultboard.io/isolated-by":"ops"}},)"
            R"("spec":{"unschedulable":true,"taints":[{"key":"faultboard.io/isolated",)"
            R"("value":"NT_NPU_CARD_LOSE","effect":"NoSchedule"},{"key":"example.com/drain",)"
            R"("effect":"NoExecute","timeAdded":"2026-01-02T03:04:05Z"}]}})",
            "application/strategic-merge-patch+json");
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    }

    void listDecodesLikeJson()
    {
        const NodeDecoder decoder;
        const ApiResponse p = get(QStringLiteral("/api/v1/nodes"), decoder.listAccept());
        const ApiResponse j = get(QStringLiteral("/api/v1/nodes"), "application/json");
        QVERIFY2(ProtobufNodeDecoder::isProtobuf(p.contentType), p.contentType.constData());
        QVERIFY(j.contentType.startsWith("application/json"));
        const DecodedList dp = decoder.decodeList(p.body, p.contentType);
        compareLists(dp, decoder.decodeList(j.body, j.contentType));
        QCOMPARE(dp.items.size(), std::size_t(64));
        for (const ObjectPtr &o : dp.items)
            if (o->name == QLatin1String("gpu-0002")) {
                const auto &n = static_cast<const Node &>(*o);
                QVERIFY(n.unschedulable);
                // The demo's own taint of gpu-0002 stays: the patch merges taints by key.
                const auto taint = [&](const char *key) {
                    for (const Taint &t : n.taints)
                        if (t.key == QLatin1String(key))
                            return t;
                    return Taint();
                };
                QCOMPARE(taint("faultboard.io/isolated").value, QStringLiteral("NT_NPU_CARD_LOSE"));
                QCOMPARE(taint("example.com/drain").timeAdded,
                         QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
                QVERIFY(!n.annotations.isEmpty());
            }
    }

    void pagedListDecodesLikeJson()
    {
        const NodeDecoder decoder;
        QString pc, jc;
        int pages = 0;
        do {
            const ApiResponse p = get(QStringLiteral("/api/v1/nodes"), decoder.listAccept(),
                                      QStringLiteral("10"), pc);
            const ApiResponse j =
                get(QStringLiteral("/api/v1/nodes"), "application/json", QStringLiteral("10"), jc);
            QVERIFY2(ProtobufNodeDecoder::isProtobuf(p.contentType), p.contentType.constData());
            const DecodedList dp = decoder.decodeList(p.body, p.contentType);
            const DecodedList dj = decoder.decodeList(j.body, j.contentType);
            compareLists(dp, dj);
            pc = dp.continueToken;
            jc = dj.continueToken;
            ++pages;
        } while (!pc.isEmpty());
        QCOMPARE(pages, 7);
    }

    void getDecodesLikeJson()
    {
        // A Node in protobuf is the NodeList's item message: wrapped into a one-item NodeList
        // (field 2) it goes through the same decoder.
        const NodeDecoder decoder;
        const ApiResponse p = get(QStringLiteral("/api/v1/nodes/gpu-0002"), decoder.listAccept());
        QVERIFY2(ProtobufNodeDecoder::isProtobuf(p.contentType), p.contentType.constData());
        QVERIFY(p.body.startsWith(QByteArray("k8s\0\x0a\x0a\x0a\x02v1\x12\x04Node", 16)));
        // Unknown: typeMeta (12 bytes), then raw = field 2.
        QByteArray rest = p.body.mid(4 + 12);
        QCOMPARE(quint8(rest[0]), quint8(0x12));
        quint64 len = 0;
        int shift = 0, i = 1;
        for (; quint8(rest[i]) & 0x80; ++i, shift += 7)
            len |= quint64(quint8(rest[i]) & 0x7f) << shift;
        len |= quint64(quint8(rest[i])) << shift;
        const QByteArray node = rest.mid(i + 1, qsizetype(len));
        QCOMPARE(quint64(node.size()), len);
        // NodeList{items: node}, in an Unknown with kind NodeList.
        auto lengthPrefixed = [](char tag, const QByteArray &b) -> QByteArray {
            QByteArray out(1, tag);
            quint64 n = quint64(b.size());
            while (n >= 0x80) {
                out += char((n & 0x7f) | 0x80);
                n >>= 7;
            }
            out += char(n);
            return out + b;
        };
        const QByteArray list = lengthPrefixed('\x12', node);
        const QByteArray body = QByteArray("k8s\0", 4) +
                                lengthPrefixed('\x0a', QByteArray("\x0a\x02v1\x12\x08NodeList")) +
                                lengthPrefixed('\x12', list);
        const DecodedList dp = ProtobufNodeDecoder::decodeList(body);
        const ApiResponse j = get(QStringLiteral("/api/v1/nodes/gpu-0002"), "application/json");
        const DecodedList dj = decoder.decodeList(
            "{\"kind\":\"NodeList\",\"metadata\":{},\"items\":[" + j.body + "]}");
        compareLists(dp, dj);
        QCOMPARE(dp.items.size(), std::size_t(1));
    }

    void errorsOfAProtobufRequestAreProtobufStatus()
    {
        const ApiResponse p =
            get(QStringLiteral("/api/v1/nodes/no-such-node"), NodeDecoder().listAccept());
        QVERIFY2(ProtobufNodeDecoder::isProtobuf(p.contentType), p.contentType.constData());
        QVERIFY(p.error.isNotFound());
        QCOMPARE(p.error.message, QStringLiteral("nodes \"no-such-node\" not found"));
    }

    void otherResourcesAndTablesStayJson()
    {
        const QByteArray accept = NodeDecoder().listAccept();
        QVERIFY(
            get(QStringLiteral("/api/v1/pods"), accept).contentType.startsWith("application/json"));
        const ApiResponse t = get(QStringLiteral("/api/v1/nodes"),
                                  "application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io,"
                                  "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
        QVERIFY(t.contentType.startsWith("application/json"));
        QVERIFY(t.body.contains("\"kind\":\"Table\""));
    }

    void cleanupTestCase() { m_cluster.reset(); }
};

QTEST_MAIN(TestKubesimProtobuf)
#include "tst_kubesimprotobuf.moc"

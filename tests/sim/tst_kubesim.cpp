#include "kube/ApiCall.h"
#include "kube/ApiClient.h"
#include "tests/common/TestCluster.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

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

private slots:
    void initTestCase()
    {
        m_cluster = std::make_unique<TestCluster>(QStringList{
            QStringLiteral("--paused"), QStringLiteral("--nodes"), QStringLiteral("1200")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
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
};

QTEST_GUILESS_MAIN(TestKubesim)
#include "tst_kubesim.moc"

// kubesim's /metrics: the node metrics of kube-state-metrics in the text exposition format, as a
// Prometheus scrapes them (no credentials), following the cluster as it changes.

#include "sim/MetricsExporter.h"
#include "tests/common/TestCluster.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

// One scrape: the samples by series ("name{labels}"), the raw text and its content type.
struct Scrape
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    QHash<QString, QString> samples;
    QStringList malformed; // lines that are neither a comment nor `series value`
};

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;
    QNetworkAccessManager m_nam;

    Scrape scrape()
    {
        QUrl url = m_cluster->serverUrl();
        url.setPath(str("/metrics"));
        // Like a Prometheus scrape job: no Authorization header.
        QNetworkReply *reply = m_nam.get(QNetworkRequest(url));
        QSignalSpy done(reply, &QNetworkReply::finished);
        Scrape s;
        if (!done.wait(10000))
            return s;
        s.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        s.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        s.body = reply->readAll();
        reply->deleteLater();
        // name{label="value",...} value — label values may hold escaped quotes.
        static const QRegularExpression line(str("^([a-zA-Z_:][a-zA-Z0-9_:]*\\{(?:[a-zA-Z_][a-zA-"
                                                 "Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*\\}) "
                                                 "([-+0-9.eE]+|NaN|[+-]Inf)$"));
        for (const QByteArray &l : s.body.split('\n')) {
            if (l.isEmpty() || l.startsWith("# HELP ") || l.startsWith("# TYPE "))
                continue;
            const QRegularExpressionMatch m = line.match(QString::fromUtf8(l));
            if (!m.hasMatch())
                s.malformed << QString::fromUtf8(l);
            else
                s.samples.insert(m.captured(1), m.captured(2));
        }
        return s;
    }

    static QString condition(const char *node, const char *type, const char *status)
    {
        return str("kube_node_status_condition{node=\"%1\",condition=\"%2\",status=\"%3\"}")
            .arg(str(node), str(type), str(status));
    }

private slots:
    void initTestCase()
    {
        m_cluster = std::make_unique<TestCluster>(
            QStringList{str("--paused"), str("--no-tls"), str("--scenario"),
                        QStringLiteral(FAULTBOARD_TEST_DATA "/sim/metrics.json")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
    }

    void cleanupTestCase() { m_cluster.reset(); }

    void servesTheExpositionFormatWithoutCredentials()
    {
        const Scrape s = scrape();
        QCOMPARE(s.status, 200);
        QCOMPARE(s.contentType, QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QVERIFY2(s.malformed.isEmpty(), qPrintable(s.malformed.join(u'\n')));
        for (const char *family :
             {"kube_node_status_condition", "kube_node_spec_taint", "kube_node_spec_unschedulable",
              "kube_node_status_capacity", "kube_node_status_allocatable", "kube_node_labels"})
            QVERIFY2(s.body.contains(QByteArray(QByteArray("# TYPE ") + family + " gauge\n")),
                     family);
    }

    void everyConditionHasThreeStatuses()
    {
        const Scrape s = scrape();
        for (const char *node : {"cp-0001", "gpu-0001", "gpu-0002", "npu-0001", "npu-0002"}) {
            QCOMPARE(s.samples.value(condition(node, "Ready", "true")), str("1"));
            QCOMPARE(s.samples.value(condition(node, "Ready", "false")), str("0"));
            QCOMPARE(s.samples.value(condition(node, "Ready", "unknown")), str("0"));
        }
        // The custom NT_* condition, healthy (False) before the fault.
        QCOMPARE(s.samples.value(condition("npu-0002", "NT_NPU_CARD_LOSE", "true")), str("0"));
        QCOMPARE(s.samples.value(condition("npu-0002", "NT_NPU_CARD_LOSE", "false")), str("1"));
        QCOMPARE(s.samples.value(condition("npu-0002", "NT_NPU_CARD_LOSE", "unknown")), str("0"));
        QVERIFY(!s.samples.contains(condition("gpu-0001", "NT_NPU_CARD_LOSE", "true")));
    }

    void followsConditionChanges()
    {
        QVERIFY(m_cluster->setCondition(str("npu-0001"), str("NT_NPU_CARD_LOSE"), str("True")));
        QVERIFY(m_cluster->setCondition(str("gpu-0002"), str("Ready"), str("Unknown")));
        const Scrape s = scrape();
        QCOMPARE(s.samples.value(condition("npu-0001", "NT_NPU_CARD_LOSE", "true")), str("1"));
        QCOMPARE(s.samples.value(condition("npu-0001", "NT_NPU_CARD_LOSE", "false")), str("0"));
        QCOMPARE(s.samples.value(condition("gpu-0002", "Ready", "unknown")), str("1"));
        QCOMPARE(s.samples.value(condition("gpu-0002", "Ready", "true")), str("0"));
        // A condition kubesim never had before is exported too.
        QVERIFY(m_cluster->setCondition(str("gpu-0001"), str("NT_GPU_ECC"), str("True")));
        QCOMPARE(scrape().samples.value(condition("gpu-0001", "NT_GPU_ECC", "true")), str("1"));
    }

    void taintsAndUnschedulable()
    {
        Scrape s = scrape();
        QCOMPARE(s.samples.value(str("kube_node_spec_taint{node=\"cp-0001\",key=\"node-role."
                                     "kubernetes.io/control-plane\",value=\"\",effect="
                                     "\"NoSchedule\"}")),
                 str("1"));
        QCOMPARE(s.samples.value(str("kube_node_spec_unschedulable{node=\"npu-0002\"}")), str("0"));
        const kube::ApiResponse r = m_cluster->request(
            "PATCH", str("/api/v1/nodes/npu-0002"),
            R"({"spec":{"unschedulable":true,"taints":[{"key":"faultboard.io/isolated","value":"NT_NPU_CARD_LOSE","effect":"NoSchedule"}]}})",
            "application/merge-patch+json");
        QCOMPARE(r.status, 200);
        s = scrape();
        QCOMPARE(s.samples.value(str("kube_node_spec_unschedulable{node=\"npu-0002\"}")), str("1"));
        QCOMPARE(s.samples.value(str("kube_node_spec_taint{node=\"npu-0002\",key=\"faultboard.io/"
                                     "isolated\",value=\"NT_NPU_CARD_LOSE\",effect="
                                     "\"NoSchedule\"}")),
                 str("1"));
    }

    void resourcesAreSanitisedWithTheirUnits()
    {
        QVERIFY(m_cluster->changeNode(QJsonObject{
            {str("node"), str("npu-0002")},
            {str("allocatable"), QJsonObject{{str("huawei.com/Ascend910"), str("6")}}}}));
        const Scrape s = scrape();
        const auto resource = [&](const char *metric, const char *node, const char *name,
                                  const char *unit) {
            return s.samples.value(str("%1{node=\"%2\",resource=\"%3\",unit=\"%4\"}")
                                       .arg(str(metric), str(node), str(name), str(unit)));
        };
        QCOMPARE(resource("kube_node_status_capacity", "gpu-0001", "nvidia_com_gpu", "integer"),
                 str("8"));
        QCOMPARE(
            resource("kube_node_status_capacity", "npu-0002", "huawei_com_Ascend910", "integer"),
            str("8"));
        QCOMPARE(
            resource("kube_node_status_allocatable", "npu-0002", "huawei_com_Ascend910", "integer"),
            str("6"));
        QCOMPARE(
            resource("kube_node_status_allocatable", "npu-0001", "huawei_com_Ascend910", "integer"),
            str("8"));
        QCOMPARE(resource("kube_node_status_capacity", "gpu-0001", "cpu", "core"), str("96"));
        QCOMPARE(resource("kube_node_status_capacity", "cp-0001", "memory", "byte"),
                 QString::number(64LL * 1024 * 1024 * 1024));
    }

    void nodeLabels()
    {
        const auto labelsOf = [&](const char *node) {
            const QByteArray prefix = QByteArray("kube_node_labels{node=\"") + node + "\",";
            for (const QByteArray &l : scrape().body.split('\n'))
                if (l.startsWith(prefix))
                    return QString::fromUtf8(l);
            return QString();
        };
        QString l = labelsOf("npu-0001");
        QVERIFY2(l.endsWith(str("} 1")), qPrintable(l));
        for (const char *label : {"label_kubernetes_io_hostname=\"npu-0001\"",
                                  "label_topology_kubernetes_io_zone=\"zone-a\"",
                                  "label_pool=\"npu-910b\"", "label_rack=\"npu-r01\""})
            QVERIFY2(l.contains(str(label)), qPrintable(l));
        // One series a node.
        QCOMPARE(scrape().body.count("kube_node_labels{node=\"npu-0001\","), 1);
        // A label set by an operator is there at the next scrape.
        // (Built, not a raw string: moc loses the class at a raw string with \" in it.)
        const QJsonObject labels{{str("example.com/team"), str("infra \"a\"")}};
        const kube::ApiResponse r = m_cluster->request(
            "PATCH", str("/api/v1/nodes/npu-0001"),
            QJsonDocument(QJsonObject{{str("metadata"), QJsonObject{{str("labels"), labels}}}})
                .toJson(QJsonDocument::Compact),
            "application/merge-patch+json");
        QCOMPARE(r.status, 200);
        l = labelsOf("npu-0001");
        QVERIFY2(l.contains(str("label_example_com_team=\"infra \\\"a\\\"\"")), qPrintable(l));
        QVERIFY(scrape().malformed.isEmpty());
    }

    void nodeLabelNamesThatCollide()
    {
        // Three keys that sanitise to one name each keep their value, numbered in key order.
        const auto pairs = sim::MetricsExporter::nodeLabelPairs(
            "n", {{"a.b", "1"}, {"a/b", "2"}, {"a_b", "3"}, {"c", "4"}});
        const std::vector<std::pair<std::string, std::string>> want{{"node", "n"},
                                                                    {"label_a_b_conflict1", "1"},
                                                                    {"label_a_b_conflict2", "2"},
                                                                    {"label_a_b_conflict3", "3"},
                                                                    {"label_c", "4"}};
        QVERIFY(pairs == want);
    }

    void quantities_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("value");
        QTest::newRow("integer") << str("8") << true << 8.0;
        QTest::newRow("milli") << str("500m") << true << 0.5;
        QTest::newRow("Gi") << str("16Gi") << true << 16.0 * 1024 * 1024 * 1024;
        QTest::newRow("k") << str("110k") << true << 110000.0;
        QTest::newRow("exponent") << str("1e3") << true << 1000.0;
        QTest::newRow("empty") << str("") << false << 0.0;
        QTest::newRow("unit unknown") << str("5Xi") << false << 0.0;
        QTest::newRow("not a number") << str("Gi") << false << 0.0;
    }

    void quantities()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(double, value);
        double parsed = -1;
        QCOMPARE(sim::MetricsExporter::parseQuantity(text.toStdString(), &parsed), ok);
        if (ok)
            QCOMPARE(parsed, value);
    }

    void labelValuesAreEscaped()
    {
        QCOMPARE(sim::MetricsExporter::escapeLabelValue("a\"b\\c\nd"),
                 std::string("a\\\"b\\\\c\\nd"));
        QCOMPARE(sim::MetricsExporter::sanitizeLabelName("huawei.com/Ascend910"),
                 std::string("huawei_com_Ascend910"));
        QCOMPARE(sim::MetricsExporter::sanitizeLabelName("ephemeral-storage"),
                 std::string("ephemeral_storage"));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"

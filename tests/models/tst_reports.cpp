#include "HistoryTestSupport.h"

#include "models/CsvWriter.h"
#include "models/FaultHistory.h"
#include "models/FaultReport.h"
#include "models/NodeStore.h"
#include "models/Taxonomy.h"
#include "tests/common/StrictCsv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace models;
using namespace testsupport;

namespace {

// The strict RFC 4180 reader of tests/common/StrictCsv.h, its records only.
std::optional<std::vector<QStringList>> parseCsv(const QByteArray &utf8, QString *error)
{
    auto csv = readStrictCsv(utf8, error);
    return csv ? std::optional(std::move(csv->records)) : std::nullopt;
}

// What a cell must look like after neutralising, stated independently of CsvWriter.
QString neutralised(const QString &v)
{
    static const QString triggers = QStringLiteral("=+-@\t\r");
    return !v.isEmpty() && triggers.contains(v.front()) ? QStringLiteral("'") + v : v;
}

std::vector<ReportRow> trickyRows()
{
    ReportRow a;
    a.node = QStringLiteral("npu-0001");
    a.pool = QStringLiteral("npu-910b, east");
    a.rack = QStringLiteral("r\"01\"");
    a.zone = QStringLiteral("cn-north-4a");
    a.type = QStringLiteral("NT_NPU_CARD_LOSE");
    a.category = QStringLiteral("npu");
    a.severity = Severity::Critical;
    a.status = QStringLiteral("True");
    a.reason = QStringLiteral("=cmd|' /C calc'!A0");
    a.message =
        QStringLiteral("节点 NPU 掉卡，请发起维修。\nsecond line\r\nthird, with \"quotes\"");
    a.since = at(0);
    a.durationSeconds = 3600;
    a.isolated = true;
    a.acceleratorsOk = 6;
    a.acceleratorsTotal = 8;
    ReportRow b;
    b.node = QStringLiteral("@gpu-0002");
    b.type = QStringLiteral("nvidia.com/gpu");
    b.category = QStringLiteral("gpu");
    b.severity = Severity::Major;
    b.status = QStringLiteral("7/8");
    b.reason = QStringLiteral("+SUM(1,2)");
    b.message = QStringLiteral("-1 of 8 GPUs\tlost");
    b.acceleratorsOk = 7;
    b.acceleratorsTotal = 8;
    ReportRow c;
    c.node = QStringLiteral("n3");
    c.type = QStringLiteral("Ready");
    c.category = QStringLiteral("kubelet");
    c.severity = Severity::Minor;
    c.status = QStringLiteral("Unknown");
    c.reason = QStringLiteral("\tTabbed");
    c.message = QStringLiteral("\rCarriage");
    c.since = at(10);
    c.until = at(70);
    c.durationSeconds = 60;
    return {a, b, c};
}

} // namespace

class TestReports : public QObject
{
    Q_OBJECT

private slots:
    void quoting_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("encoded");
        QTest::newRow("plain") << "npu-0001"
                               << "npu-0001";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("comma") << "a,b"
                               << "\"a,b\"";
        QTest::newRow("quote") << "say \"hi\""
                               << "\"say \"\"hi\"\"\"";
        QTest::newRow("LF") << "a\nb"
                            << "\"a\nb\"";
        QTest::newRow("CRLF") << "a\r\nb"
                              << "\"a\r\nb\"";
        QTest::newRow("Chinese") << "节点 NPU 掉卡"
                                 << "节点 NPU 掉卡";
        QTest::newRow("Chinese with comma") << "掉卡，维修,重启"
                                            << "\"掉卡，维修,重启\"";
        QTest::newRow("spaces kept") << "  padded  "
                                     << "  padded  ";
    }

    void quoting()
    {
        QFETCH(QString, value);
        QFETCH(QString, encoded);
        QCOMPARE(CsvWriter::field(value), encoded);
    }

    void formulasAreNeutralised_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("encoded");
        QTest::newRow("=") << "=1+1"
                           << "'=1+1";
        QTest::newRow("+") << "+41 22"
                           << "'+41 22";
        QTest::newRow("-") << "-2+3"
                           << "'-2+3";
        QTest::newRow("@") << "@SUM(A1:A2)"
                           << "'@SUM(A1:A2)";
        QTest::newRow("tab") << "\t=1"
                             << "'\t=1";
        QTest::newRow("CR (quoted too)") << "\r=1"
                                         << "\"'\r=1\"";
        QTest::newRow("formula with comma and quotes")
            << "=HYPERLINK(\"http://x\",\"y\")"
            << "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";
        QTest::newRow("inside is fine") << "a=b+c"
                                        << "a=b+c";
        QTest::newRow("apostrophe already") << "'=x"
                                            << "'=x";
    }

    void formulasAreNeutralised()
    {
        QFETCH(QString, value);
        QFETCH(QString, encoded);
        QCOMPARE(CsvWriter::field(value), encoded);
        QCOMPARE(CsvWriter::field(value, false).startsWith(QLatin1Char('\'')),
                 value.startsWith(QLatin1Char('\'')));
    }

    void csvIsUtf8WithCrlfAndAHeader()
    {
        const QByteArray csv = FaultReport::toCsv(trickyRows());
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        const QByteArray header =
            QByteArray("\xEF\xBB\xBF") + FaultReport::columns().join(QLatin1Char(',')).toUtf8();
        QVERIFY(csv.startsWith(QByteArray(header + "\r\n")));
        QVERIFY(csv.endsWith("\r\n"));
        QVERIFY(csv.contains(QStringLiteral("节点 NPU 掉卡").toUtf8()));
        QVERIFY(csv.contains("2025-06-01T00:00:00Z"));
        CsvWriter plain(CsvWriter::Options{true, false});
        plain.addRow({QStringLiteral("a")});
        QCOMPARE(plain.data(), QByteArray("a\r\n"));
    }

    void roundTripThroughAnIndependentParser()
    {
        const std::vector<ReportRow> rows = trickyRows();
        QString error;
        const auto parsed = parseCsv(FaultReport::toCsv(rows), &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->size(), rows.size() + 1);
        QCOMPARE(parsed->at(0), FaultReport::columns());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            QStringList expected;
            for (const QString &f : FaultReport::fields(rows[i]))
                expected << neutralised(f);
            QCOMPARE(parsed->at(i + 1), expected);
        }
        // Spot checks, spelled out.
        const QStringList &a = parsed->at(1);
        QCOMPARE(a[1], QStringLiteral("npu-910b, east"));
        QCOMPARE(a[2], QStringLiteral("r\"01\""));
        QCOMPARE(a[8], QStringLiteral("'=cmd|' /C calc'!A0"));
        QCOMPARE(a[9], QStringLiteral(
                           "节点 NPU 掉卡，请发起维修。\nsecond line\r\nthird, with \"quotes\""));
        QCOMPARE(a[10], QStringLiteral("2025-06-01T00:00:00Z"));
        QCOMPARE(a[11], QString());
        QCOMPARE(a[12], QStringLiteral("3600"));
        QCOMPARE(a[13], QStringLiteral("true"));
        QCOMPARE(a[14], QStringLiteral("6"));
        QCOMPARE(a[15], QStringLiteral("8"));
        QCOMPARE(a[16], QStringLiteral("faultboard")); // where it comes from; exact times
        QCOMPARE(a[17], QStringLiteral("0"));
        const QStringList &b = parsed->at(2);
        QCOMPARE(b[0], QStringLiteral("'@gpu-0002"));
        QCOMPARE(b[8], QStringLiteral("'+SUM(1,2)"));
        QCOMPARE(b[9], QStringLiteral("'-1 of 8 GPUs\tlost"));
        QCOMPARE(b[10], QString());
        QCOMPARE(b[12], QString());
        const QStringList &c = parsed->at(3);
        QCOMPARE(c[8], QStringLiteral("'\tTabbed"));
        QCOMPARE(c[9], QStringLiteral("'\rCarriage"));
        QCOMPARE(c[11], QStringLiteral("2025-06-01T00:01:10Z"));
    }

    void theParserRejectsBrokenCsv()
    {
        // The round trip means something only if the reader is strict.
        QString error;
        QVERIFY(!parseCsv("a,\"b\r\n", &error));
        QVERIFY(!parseCsv("a,b\"c\r\n", &error));
        QVERIFY(!parseCsv("a,\"b\"c\r\n", &error));
        QVERIFY(!parseCsv("a\nb\r\n", &error));
        QCOMPARE(parseCsv("a,\"b,\"\"c\"\"\"\r\n,\r\n", &error)->at(0),
                 (QStringList{"a", "b,\"c\""}));
    }

    void json()
    {
        const std::vector<ReportRow> rows = trickyRows();
        const QByteArray json = FaultReport::toJson(rows, at(9000), at(0), at(8000));
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
        QCOMPARE(pe.error, QJsonParseError::NoError);
        const QJsonObject root = doc.object();
        QCOMPARE(root.value(QStringLiteral("generated")).toString(),
                 QStringLiteral("2025-06-01T02:30:00Z"));
        QCOMPARE(root.value(QStringLiteral("from")).toString(),
                 QStringLiteral("2025-06-01T00:00:00Z"));
        const QJsonArray faults = root.value(QStringLiteral("faults")).toArray();
        QCOMPARE(faults.size(), 3);
        const QJsonObject a = faults.at(0).toObject();
        QCOMPARE(a.keys().size(), FaultReport::columns().size());
        for (const QString &c : FaultReport::columns())
            QVERIFY2(a.contains(c), qPrintable(c));
        QCOMPARE(a.value(QStringLiteral("message")).toString(),
                 rows[0].message); // JSON is not neutralised
        QCOMPARE(a.value(QStringLiteral("reason")).toString(), rows[0].reason);
        QCOMPARE(a.value(QStringLiteral("severity")).toString(), QStringLiteral("critical"));
        QCOMPARE(a.value(QStringLiteral("isolated")).toBool(), true);
        QCOMPARE(a.value(QStringLiteral("duration_seconds")).toInteger(), 3600);
        QVERIFY(a.value(QStringLiteral("until")).isNull());
        const QJsonObject b = faults.at(1).toObject();
        QVERIFY(b.value(QStringLiteral("since")).isNull());
        QVERIFY(b.value(QStringLiteral("duration_seconds")).isNull());
        QCOMPARE(b.value(QStringLiteral("accelerators_ok")).toInt(), 7);
    }

    void currentFaultsFromTheStore()
    {
        NodeStore store{Classifier(Taxonomy::builtIn())};
        auto isolatedNode = labelled(
            withAccelerators(
                node("npu-02", {{"Ready", "True", 0},
                                {"NT_NPU_CARD_LOSE", "True", 100, "npu-card-lose", "card 3"}}),
                "huawei.com/ascend-910", 8, 6),
            {{"pool", "npu-910b"},
             {"rack", "npu-r01"},
             {"topology.kubernetes.io/zone", "cn-north-4a"}});
        isolatedNode->taints.push_back({QStringLiteral("faultboard.io/isolated"),
                                        QStringLiteral("NT_NPU_CARD_LOSE"),
                                        QStringLiteral("NoSchedule"),
                                        {}});
        isolatedNode->annotations.insert(QStringLiteral("faultboard.io/isolated-by"),
                                         QStringLiteral("alice@example.com"));
        isolatedNode->annotations.insert(QStringLiteral("faultboard.io/isolated-reason"),
                                         QStringLiteral("fault: NT_NPU_CARD_LOSE; ticket 7"));
        store.applyDeltas(
            {{kube::Delta::Type::Added, isolatedNode},
             {kube::Delta::Type::Added,
              node("gpu-01", {{"Ready", "True", 0}, {"NT_NET_NTP_CHECK", "True", 50}})},
             {kube::Delta::Type::Added,
              node("ok-01", {{"Ready", "True", 0}, {"DrainInProgress", "True", 5}})}});
        const auto rows = FaultReport::currentFaults(store, {}, at(3600));
        QCOMPARE(rows.size(), std::size_t(3)); // the info state is not a fault
        QCOMPARE(rows[0].type, QStringLiteral("NT_NPU_CARD_LOSE"));
        QCOMPARE(rows[0].pool, QStringLiteral("npu-910b"));
        QCOMPARE(rows[0].rack, QStringLiteral("npu-r01"));
        QCOMPARE(rows[0].zone, QStringLiteral("cn-north-4a"));
        QCOMPARE(rows[0].since, at(100));
        QCOMPARE(rows[0].durationSeconds, 3500);
        QVERIFY(rows[0].isolated);
        // Who isolated it and why: the node's annotations.
        QCOMPARE(rows[0].isolatedBy, QStringLiteral("alice@example.com"));
        QCOMPARE(rows[0].isolationReason, QStringLiteral("fault: NT_NPU_CARD_LOSE; ticket 7"));
        const QStringList fields = FaultReport::fields(rows[0]);
        QCOMPARE(fields[int(FaultReport::columns().indexOf(QStringLiteral("isolated_by")))],
                 QStringLiteral("alice@example.com"));
        QCOMPARE(fields[int(FaultReport::columns().indexOf(QStringLiteral("isolation_reason")))],
                 QStringLiteral("fault: NT_NPU_CARD_LOSE; ticket 7"));
        QVERIFY(rows[2].isolatedBy.isEmpty()); // not isolated
        QCOMPARE(rows[0].acceleratorsOk, 6);
        QCOMPARE(rows[0].acceleratorsTotal, 8);
        QCOMPARE(rows[1].type, QStringLiteral("huawei.com/ascend-910"));
        QCOMPARE(rows[1].status, QStringLiteral("6/8"));
        QCOMPARE(rows[1].message, QStringLiteral("2 of 8 NPUs lost"));
        QCOMPARE(rows[1].durationSeconds, -1); // the store alone does not know; ReportBuilder
        QCOMPARE(rows[2].node, QStringLiteral("gpu-01"));
        QCOMPARE(rows[2].severity, Severity::Minor);
        QCOMPARE(FaultReport::currentFaults(store, {}, at(3600), Severity::Info).size(),
                 std::size_t(4));
    }

    void historyReport()
    {
        QTemporaryDir dir;
        FaultHistory::Options o;
        o.path = dir.filePath(QStringLiteral("h.sqlite"));
        FaultHistory h(Classifier(Taxonomy::builtIn()), o);
        QSignalSpy opened(&h, &FaultHistory::opened);
        h.open();
        QVERIFY(opened.wait(10000));
        auto n = [](const char *status, int since) {
            return labelled(node("npu-7", {{"Ready", "True", 0},
                                           {"NT_NPU_ECC_COUNT", status, since, "hbm",
                                            "64 isolated addresses"}}),
                            {{"pool", "npu-910b"}, {"rack", "r2"}});
        };
        h.recordChanges(seen({n("False", 0)}));
        h.recordChanges(seen({n("True", 1000)}));
        h.recordChanges(seen({n("False", 4600)}));
        const auto episodes = await(h.episodes(at(0), at(10000)));
        QVERIFY2(episodes.ok(), qPrintable(episodes.error));
        const auto rows = FaultReport::fromEpisodes(episodes.value, at(10000));
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].node, QStringLiteral("npu-7"));
        QCOMPARE(rows[0].pool, QStringLiteral("npu-910b"));
        QCOMPARE(rows[0].rack, QStringLiteral("r2"));
        QCOMPARE(rows[0].severity, Severity::Critical);
        QCOMPARE(rows[0].since, at(1000));
        QCOMPARE(rows[0].until, at(4600));
        QCOMPARE(rows[0].durationSeconds, 3600);
        QCOMPARE(rows[0].message, QStringLiteral("64 isolated addresses"));
        // Still active at the end of a shorter range: it lasts until the range ends.
        const auto open =
            FaultReport::fromEpisodes(await(h.episodes(at(0), at(2000))).value, at(2000));
        QCOMPARE(open.size(), std::size_t(1));
        QVERIFY(!open[0].until.isValid());
        QCOMPARE(open[0].durationSeconds, 1000);
        QString error;
        QVERIFY(parseCsv(FaultReport::toCsv(rows), &error));
    }

    void writeFiles()
    {
        QTemporaryDir dir;
        QString error;
        const QString csvPath = dir.filePath(QStringLiteral("faults.csv"));
        QVERIFY2(FaultReport::write(csvPath, FaultReport::Format::Csv, trickyRows(), &error),
                 qPrintable(error));
        QFile f(csvPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), FaultReport::toCsv(trickyRows()));
        const QString jsonPath = dir.filePath(QStringLiteral("faults.json"));
        QVERIFY(FaultReport::write(jsonPath, FaultReport::Format::Json, trickyRows(), &error));
        QFile j(jsonPath);
        QVERIFY(j.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(j.readAll())
                     .object()
                     .value(QStringLiteral("faults"))
                     .toArray()
                     .size(),
                 3);
        const QString bad = dir.filePath(QStringLiteral("no/such/folder/faults.csv"));
        QVERIFY(!FaultReport::write(bad, FaultReport::Format::Csv, trickyRows(), &error));
        QVERIFY2(error.contains(bad), qPrintable(error));
    }
};

QTEST_MAIN(TestReports)
#include "tst_reports.moc"

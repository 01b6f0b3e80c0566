#include "sim/Scenario.h"

#include <QTest>

using sim::Scenario;

// Scenario files as kubesim reads them (docs/kubesim.md); what fuzz_scenario found is kept here.
class TestScenario : public QObject
{
    Q_OBJECT

private slots:
    void readsAPool()
    {
        QString error;
        const auto s = Scenario::fromJson(
            R"({"cluster":{"pools":[{"name":"npu","count":3,"age":"2d"}]},
                "timeline":[{"at":"1.5s","node":"npu-0002","condition":{"type":"Ready","status":"False"}}]})",
            &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->pools.size(), std::size_t(1));
        QCOMPARE(s->pools[0].ageMs, qint64(2) * 86400000);
        QCOMPARE(s->timeline.size(), std::size_t(1));
        QCOMPARE(s->timeline[0].atMs, qint64(1500));
    }

    void refusesWithAReason_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not JSON") << QByteArray("{") << "not valid JSON";
        // nlohmann reports a number beyond double's range as out_of_range, not parse_error: it
        // escaped the parser and ended kubesim.
        QTest::newRow("number out of range") << QByteArray(R"({"name":1e400})") << "not valid JSON";
        QTest::newRow("unknown key") << QByteArray(R"({"nodes":1})") << "unknown key";
        // A duration beyond qint64 milliseconds was converted anyway (undefined behaviour).
        QTest::newRow("duration too long")
            << QByteArray(R"({"timeline":[{"at":"1e300s","delete":"n"}]})") << "timeline[0].at";
        QTest::newRow("duration nan")
            << QByteArray(R"({"timeline":[{"at":"nan","delete":"n"}]})") << "timeline[0].at";
        QTest::newRow("duration inf") << QByteArray(R"({"loopAfter":"infm"})") << "loopAfter";
    }

    void refusesWithAReason()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!Scenario::fromJson(text, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }
};

QTEST_APPLESS_MAIN(TestScenario)
#include "tst_scenario.moc"

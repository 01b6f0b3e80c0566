// FaultTrend, the Trends view's counts, against timelines whose answers are known by
// construction; and DurationText, the durations the charts show.

#include "models/DurationText.h"
#include "models/FaultTrend.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTest>
#include <QTranslator>

using namespace models;

namespace {

QDateTime at(qint64 seconds)
{
    return QDateTime(QDate(2026, 11, 29), QTime(10, 0), Qt::UTC).addSecs(seconds);
}

FaultEpisode episode(const QString &node, const QString &category, qint64 since, qint64 until)
{
    FaultEpisode e;
    e.node = node;
    e.type = QStringLiteral("T");
    e.category = category;
    e.since = at(since);
    if (until >= 0) {
        e.until = at(until);
        e.ended = true;
    }
    return e;
}

std::vector<int> bucketTotals(const FaultTrend &t)
{
    std::vector<int> out(std::size_t(t.bucketCount), 0);
    for (const auto &row : t.active)
        for (int b = 0; b < t.bucketCount; ++b)
            out[std::size_t(b)] += row[std::size_t(b)];
    return out;
}

} // namespace

class TestFaultTrend : public QObject
{
    Q_OBJECT

private slots:
    void activeIsTheMostFaultsAtOnceNotTheFaultsThatCameAndWent()
    {
        // One hour, 5-minute buckets. 13 NPU faults are active together from 10:10 to 10:30;
        // one node's network condition flaps all hour (10 s bad, 10 s good: 180 short faults,
        // one at a time). The most ever active at once: 14. Counting every fault that touched a
        // bucket gives 13 + 15 = 28 in the buckets of 10:10–10:30 (the bug of issue #16).
        std::vector<FaultEpisode> episodes;
        for (int i = 0; i < 13; ++i)
            episodes.push_back(
                episode(QStringLiteral("npu-%1").arg(i), QStringLiteral("npu"), 600, 1800));
        for (qint64 t = 0; t < 3600; t += 20)
            episodes.push_back(
                episode(QStringLiteral("gpu-1"), QStringLiteral("network"), t, t + 10));
        const FaultTrend trend = FaultTrend::fromEpisodes(episodes, at(0), at(3600));
        QCOMPARE(trend.bucketSeconds, qint64(300));
        QCOMPARE(trend.bucketCount, 12);
        QCOMPARE(trend.faults, 13 + 180);
        QCOMPARE(trend.maxActive(), 14);
        const std::vector<int> expected{1, 1, 14, 14, 14, 14, 1, 1, 1, 1, 1, 1};
        QCOMPARE(bucketTotals(trend), expected);
        const int npu = int(trend.categories.indexOf(QStringLiteral("npu")));
        const int network = int(trend.categories.indexOf(QStringLiteral("network")));
        QCOMPARE(trend.active[std::size_t(npu)],
                 (std::vector<int>{0, 0, 13, 13, 13, 13, 0, 0, 0, 0, 0, 0}));
        QCOMPARE(trend.active[std::size_t(network)], std::vector<int>(12, 1));
        // Each flap began in its bucket: 15 a bucket.
        QCOMPARE(trend.started[std::size_t(network)], std::vector<int>(12, 15));
    }

    void theStackIsOneMomentNotEachCategorysOwnPeak()
    {
        // In the 10:00 bucket two NPU faults overlap early (10:00–10:02), three GPU faults late
        // (10:03–10:05): never more than three at once. Each category's own peak stacked would
        // say five.
        std::vector<FaultEpisode> episodes{
            episode(QStringLiteral("n1"), QStringLiteral("npu"), 0, 120),
            episode(QStringLiteral("n2"), QStringLiteral("npu"), 0, 120),
            episode(QStringLiteral("g1"), QStringLiteral("gpu"), 180, 300),
            episode(QStringLiteral("g2"), QStringLiteral("gpu"), 180, 300),
            episode(QStringLiteral("g3"), QStringLiteral("gpu"), 180, 300),
        };
        const FaultTrend t = FaultTrend::fromEpisodes(episodes, at(0), at(3600));
        QCOMPARE(bucketTotals(t)[0], 3);
        QCOMPARE(t.maxActive(), 3);
        const int gpu = int(t.categories.indexOf(QStringLiteral("gpu")));
        QCOMPARE(t.active[std::size_t(gpu)][0], 3);
    }

    void oneEndingAsAnotherBeginsIsOneAtATime()
    {
        // A fault replaced by the next one at the same instant, and a fault that began and ended
        // at the same instant (it was active then), and one that ended unseen (its beginning).
        std::vector<FaultEpisode> episodes{
            episode(QStringLiteral("a"), QStringLiteral("npu"), 0, 100),
            episode(QStringLiteral("b"), QStringLiteral("npu"), 100, 200),
            episode(QStringLiteral("c"), QStringLiteral("npu"), 1000, 1000),
        };
        FaultEpisode unseen = episode(QStringLiteral("d"), QStringLiteral("npu"), 2000, -1);
        unseen.ended = true; // no closing row: it ended while nobody watched
        episodes.push_back(unseen);
        const FaultTrend t = FaultTrend::fromEpisodes(episodes, at(0), at(3600));
        QCOMPARE(t.bucketSeconds, qint64(300));
        QCOMPARE(bucketTotals(t)[0], 1);
        QCOMPARE(bucketTotals(t)[3], 1); // 10:15–10:20 holds 10:16:40
        QCOMPARE(bucketTotals(t)[4], 0);
        QCOMPARE(bucketTotals(t)[6], 1); // 10:30–10:35 holds 10:33:20
        QCOMPARE(bucketTotals(t)[7], 0); // and it does not last to the end of the range
        QCOMPARE(t.maxActive(), 1);
    }

    void countAxisHasWholeTicks_data()
    {
        QTest::addColumn<int>("maximum");
        QTest::addColumn<int>("step");
        QTest::addColumn<int>("top");
        QTest::newRow("nothing") << 0 << 1 << 1;
        QTest::newRow("one") << 1 << 1 << 1;
        QTest::newRow("two") << 2 << 1 << 2;
        QTest::newRow("five") << 5 << 1 << 5;
        QTest::newRow("six") << 6 << 2 << 6;
        QTest::newRow("thirteen") << 13 << 5 << 15;
        QTest::newRow("seventy") << 70 << 20 << 80;
        QTest::newRow("thousands") << 4321 << 1000 << 5000;
    }

    void countAxisHasWholeTicks()
    {
        QFETCH(int, maximum);
        QFETCH(int, step);
        QFETCH(int, top);
        const FaultTrend::CountAxis a = FaultTrend::countAxis(maximum);
        QCOMPARE(a.step, step);
        QCOMPARE(a.top, top);
        QVERIFY(a.top >= maximum);
        QCOMPARE(a.top % a.step, 0);
        QVERIFY(a.top / a.step <= 5);
    }

    void durations_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("chinese");
        QTest::newRow("zero") << 0.0 << "0 s"
                              << "0 秒";
        QTest::newRow("seconds") << 45.4 << "45 s"
                                 << "45 秒";
        QTest::newRow("a minute") << 60.0 << "1 min"
                                  << "1 分钟";
        QTest::newRow("issue 16") << 65.0 << "1 min 5 s"
                                  << "1 分 5 秒";
        QTest::newRow("rounded up into minutes") << 59.6 << "1 min"
                                                 << "1 分钟";
        QTest::newRow("hours") << 7200.0 << "2 h"
                               << "2 小时";
        QTest::newRow("hours and minutes") << 7810.0 << "2 h 10 min"
                                           << "2 小时 10 分";
        QTest::newRow("days and hours") << 3.0 * 86400 + 4 * 3600 + 59 << "3 d 4 h"
                                        << "3 天 4 小时";
        QTest::newRow("unknown") << -1.0 << ""
                                 << "";
    }

    void durations()
    {
        QFETCH(double, seconds);
        QFETCH(QString, english);
        QFETCH(QString, chinese);
        QCOMPARE(DurationText::format(seconds), english);
        QTranslator zh;
        QVERIFY(zh.load(QStringLiteral(FAULTBOARD_QM_DIR "/faultboard_zh_CN.qm")));
        QCoreApplication::installTranslator(&zh);
        const QString translated = DurationText::format(seconds);
        QCoreApplication::removeTranslator(&zh);
        QCOMPARE(translated, chinese);
    }
};

QTEST_GUILESS_MAIN(TestFaultTrend)
#include "tst_faulttrend.moc"

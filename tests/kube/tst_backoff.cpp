#include "kube/Backoff.h"

#include <QTest>

#include <algorithm>
#include <set>

using namespace kube;

class TestBackoff : public QObject
{
    Q_OBJECT

private slots:
    void doublesWithinJitterUpToTheCap()
    {
        Backoff b(800, 30000, 0.2);
        int base = 800;
        for (int i = 0; i < 12; ++i) {
            const int d = b.next();
            const int capped = std::min(base, 30000);
            QVERIFY2(
                d >= capped * 0.8 - 1 && d <= std::min(capped * 1.2, 30000.0) + 1,
                qPrintable(
                    QStringLiteral("attempt %1: %2 ms for base %3").arg(i).arg(d).arg(capped)));
            base *= 2;
        }
        QCOMPARE(b.attempts(), 12);
        // Far past the cap it stays at the cap (jittered below it, never above).
        for (int i = 0; i < 100; ++i) {
            const int d = b.next();
            QVERIFY(d <= 30000);
            QVERIFY(d >= 24000);
        }
    }

    void jitterSpreadsClients()
    {
        // A thousand clients reconnecting after the same outage do not all come back at once.
        std::set<int> firsts;
        double sum = 0;
        for (int i = 0; i < 1000; ++i) {
            Backoff b(800, 30000, 0.2);
            const int d = b.next();
            firsts.insert(d);
            sum += d;
        }
        QVERIFY2(firsts.size() > 100, qPrintable(QString::number(firsts.size())));
        QVERIFY(*firsts.begin() >= 640 && *firsts.rbegin() <= 960);
        const double mean = sum / 1000;
        QVERIFY2(mean > 760 && mean < 840, qPrintable(QString::number(mean)));
    }

    void resetStartsOver()
    {
        Backoff b(100, 1000, 0.0);
        QCOMPARE(b.next(), 100);
        QCOMPARE(b.next(), 200);
        QCOMPARE(b.next(), 400);
        QCOMPARE(b.next(), 800);
        QCOMPARE(b.next(), 1000);
        QCOMPARE(b.next(), 1000);
        b.reset();
        QCOMPARE(b.attempts(), 0);
        QCOMPARE(b.next(), 100);
    }
};

QTEST_APPLESS_MAIN(TestBackoff)
#include "tst_backoff.moc"

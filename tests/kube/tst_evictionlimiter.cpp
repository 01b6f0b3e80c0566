#include "kube/EvictionLimiter.h"

#include <QTest>

using namespace kube;

class TestEvictionLimiter : public QObject
{
    Q_OBJECT

private slots:
    void grantsInOrderUpToTheBound()
    {
        EvictionLimiter limiter(2);
        QObject owner;
        QList<int> granted;
        QList<quint64> tickets;
        for (int i = 0; i < 5; ++i)
            tickets << limiter.acquire(&owner, [&granted, i] { granted << i; });
        QVERIFY(granted.isEmpty()); // never from within acquire
        QTRY_COMPARE(granted, (QList<int>{0, 1}));
        QCOMPARE(limiter.inUse(), 2);
        QCOMPARE(limiter.waiting(), 3);

        limiter.release(tickets[3]); // withdrawn while waiting
        QCOMPARE(limiter.waiting(), 2);
        limiter.release(tickets[0]);
        QTRY_COMPARE(granted, (QList<int>{0, 1, 2}));
        limiter.release(tickets[1]);
        QTRY_COMPARE(granted, (QList<int>{0, 1, 2, 4}));
        QCOMPARE(limiter.inUse(), 2);
        limiter.release(tickets[2]);
        limiter.release(tickets[4]);
        limiter.release(tickets[4]); // twice: ignored
        QCOMPARE(limiter.inUse(), 0);
        QCOMPARE(limiter.peakInUse(), 2);
    }

    void requestsOfAGoneOwnerAreDropped()
    {
        EvictionLimiter limiter(1);
        QObject keeper;
        auto *gone = new QObject;
        QStringList granted;
        const quint64 first = limiter.acquire(&keeper, [&] { granted << QStringLiteral("first"); });
        limiter.acquire(gone, [&] { granted << QStringLiteral("gone"); });
        limiter.acquire(&keeper, [&] { granted << QStringLiteral("third"); });
        QTRY_COMPARE(granted, QStringList{QStringLiteral("first")});
        delete gone;
        limiter.release(first);
        QTRY_COMPARE(granted, (QStringList{QStringLiteral("first"), QStringLiteral("third")}));
        QCOMPARE(limiter.inUse(), 1);
    }
};

QTEST_GUILESS_MAIN(TestEvictionLimiter)
#include "tst_evictionlimiter.moc"

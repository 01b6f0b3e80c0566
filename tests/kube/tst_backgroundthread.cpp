// kube::markBackgroundThread: the thread that calls it goes below the GUI thread for the CPU,
// once, never above where it was, and no other thread changes.

#include "kube/BackgroundThread.h"
#include "tests/common/ThreadNice.h"

#include <QTest>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <thread>

using namespace kube;

namespace {

qint64 currentTid()
{
    return qint64(::syscall(SYS_gettid));
}

int niceOf(qint64 tid)
{
    return testsupport::threadNiceValues().value(tid, -100);
}

} // namespace

class TestBackgroundThread : public QObject
{
    Q_OBJECT

private slots:
    void theCallingThreadAloneGoesBelow()
    {
        const qint64 main = currentTid();
        const int mainBefore = niceOf(main);
        QVERIFY(mainBefore != -100);
        int before = -100, after = -100, again = -100;
        std::thread t([&] {
            const qint64 me = currentTid();
            before = niceOf(me);
            markBackgroundThread();
            after = niceOf(me);
            markBackgroundThread();
            again = niceOf(me);
        });
        t.join();
        QCOMPARE(before, mainBefore); // a new thread starts where its creator is
        // Nice 10, or where it was when the tests themselves run lower.
        QCOMPARE(after, std::max(before, 10));
        QCOMPARE(again, after);
        QCOMPARE(niceOf(main), mainBefore);
    }

    void aThreadAlreadyLowerStaysWhereItIs()
    {
        int set = -1, after = -100;
        std::thread t([&] {
            set = ::setpriority(PRIO_PROCESS, static_cast<id_t>(currentTid()), 15);
            markBackgroundThread();
            after = niceOf(currentTid());
        });
        t.join();
        QCOMPARE(set, 0);
        QCOMPARE(after, 15);
    }
};

QTEST_GUILESS_MAIN(TestBackgroundThread)
#include "tst_backgroundthread.moc"

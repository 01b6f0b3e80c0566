#include "kube/ContinueOn.h"

#include <QPromise>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

#include <atomic>

using namespace kube;

class TestContinueOn : public QObject
{
    Q_OBJECT

private slots:
    void runsOnTheContextsThreadWithTheResult()
    {
        QObject context;
        QThreadPool pool;
        QPromise<int> promise;
        promise.start();
        QThread *ranOn = nullptr;
        QFuture<QString> out = continueOn(&context, promise.future(), [&ranOn](int v) {
            ranOn = QThread::currentThread();
            return QString::number(v * 2);
        });
        pool.start([&promise] {
            promise.addResult(21);
            promise.finish();
        });
        QTRY_VERIFY(out.isFinished());
        QVERIFY(!out.isCanceled());
        QCOMPARE(out.result(), QStringLiteral("42"));
        QCOMPARE(ranOn, QThread::currentThread());
        pool.waitForDone();
    }

    void finishedAlreadyRunsAtOnce()
    {
        QObject context;
        bool ran = false;
        continueOn(&context, QtFuture::makeReadyFuture(7), [&ran](int v) { ran = v == 7; });
        QVERIFY(ran);
        // QFuture<void>, and a continuation that gives a future, unwrapped as with then().
        QPromise<void> done;
        done.start();
        done.finish();
        QFuture<int> nested = continueOn(&context, done.future(), [] {
                                  return QtFuture::makeReadyFuture(5);
                              }).unwrap();
        QTRY_VERIFY(nested.isFinished());
        QCOMPARE(nested.result(), 5);
    }

    void aCancelledFutureIsPassedOnAndNothingRuns()
    {
        QObject context;
        QPromise<int> promise;
        promise.start();
        bool ran = false;
        QFuture<int> out = continueOn(&context, promise.future(), [&ran](int v) {
            ran = true;
            return v;
        });
        promise.future().cancel();
        promise.finish();
        QTRY_VERIFY(out.isFinished());
        QVERIFY(out.isCanceled());
        QVERIFY(!ran);
    }

    void aDeletedContextRunsNothingAndCancels()
    {
        auto *context = new QObject;
        QPromise<int> promise;
        promise.start();
        bool ran = false;
        QFuture<int> out = continueOn(context, promise.future(), [&ran](int v) {
            ran = true;
            return v;
        });
        delete context;
        QVERIFY(out.isFinished());
        QVERIFY(out.isCanceled());
        promise.addResult(1);
        promise.finish();
        QCoreApplication::processEvents();
        QVERIFY(!ran);
    }

    void theContextDeletedWhileAPoolThreadFinishes()
    {
        // What crashed Qt 6.4's then(context) in QCoreApplication::postEvent: the future finished
        // on a pool thread at the moment its context is deleted on its own. Each round deletes
        // the context a little later, so some finishes come before, some during, some after.
        QThreadPool pool;
        pool.setMaxThreadCount(2);
        std::atomic<int> ran{0};
        int cancelled = 0;
        constexpr int Rounds = 20000;
        std::vector<QFuture<void>> outs;
        outs.reserve(Rounds);
        for (int i = 0; i < Rounds; ++i) {
            auto *context = new QObject;
            auto promise = std::make_shared<QPromise<int>>();
            promise->start();
            outs.push_back(continueOn(context, promise->future(), [&ran](int) { ++ran; }));
            pool.start([promise] {
                promise->addResult(1);
                promise->finish();
            });
            for (volatile int spin = 0; spin < (i % 64) * 20; spin = spin + 1) {
            }
            if (i % 3 == 0)
                QCoreApplication::processEvents(); // some continuations get to run
            delete context;
        }
        pool.waitForDone();
        QCoreApplication::processEvents();
        for (const QFuture<void> &f : outs) {
            QVERIFY(f.isFinished());
            cancelled += f.isCanceled();
        }
        // Every round either ran or was cancelled with its context, never both.
        QCOMPARE(ran.load() + cancelled, Rounds);
        qInfo("%d of %d continuations ran before their context was deleted", ran.load(), Rounds);
    }
};

QTEST_GUILESS_MAIN(TestContinueOn)
#include "tst_continueon.moc"

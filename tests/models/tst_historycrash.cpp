#include "models/HistoryDatabase.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace models;

// A child process writes fault transitions through FaultHistory and prints what it committed;
// it is killed with SIGKILL at random moments (while opening, right after opening, in the middle
// of a stream of transactions), again and again on the same file. Afterwards the file must pass
// SQLite's integrity check and hold every row any child reported committed.
class TestHistoryCrash : public QObject
{
    Q_OBJECT

private slots:
    void killNineLosesNothingCommitted_data()
    {
        QTest::addColumn<QString>("synchronous");
        QTest::newRow("synchronous=FULL (default)") << "full";
        QTest::newRow("synchronous=NORMAL") << "normal";
    }

    void killNineLosesNothingCommitted()
    {
        QFETCH(QString, synchronous);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crash.sqlite"));
        struct Range
        {
            qint64 first, last;
            int count;
        };
        std::vector<Range> committed;
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("seed %u", seed);
        QRandomGenerator rng(seed);
        int killedMidStream = 0;

        for (int run = 0; run < 16; ++run) {
            QProcess child;
            QByteArray out;
            connect(&child, &QProcess::readyReadStandardOutput, &child,
                    [&] { out += child.readAllStandardOutput(); });
            child.start(QStringLiteral(HISTORY_WRITER_PATH),
                        {path, QStringLiteral("100"), synchronous});
            QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
            // Stage 0: kill while it opens; 1: as soon as it is ready; n: after n-1 commits.
            const int stage = run < 2 ? run : int(rng.bounded(2, 16));
            if (stage == 1) {
                QVERIFY(QTest::qWaitFor(
                    [&] { return out.contains("ready\n") || child.state() != QProcess::Running; },
                    20000));
            } else if (stage > 1) {
                QVERIFY(QTest::qWaitFor(
                    [&] {
                        return out.count("commit ") >= stage - 1 ||
                               child.state() != QProcess::Running;
                    },
                    20000));
                ++killedMidStream;
            }
            QCOMPARE(child.state(), QProcess::Running); // it must not have died on its own
            child.kill();                               // SIGKILL
            QVERIFY(child.waitForFinished(10000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
            out += child.readAllStandardOutput();
            const QByteArray err = child.readAllStandardError();
            QVERIFY2(!err.contains("failed"), err.constData());
            for (const QByteArray &line : out.split('\n')) {
                const QList<QByteArray> f = line.split(' ');
                if (f.size() == 4 && f[0] == "commit")
                    committed.push_back({f[1].toLongLong(), f[2].toLongLong(), f[3].toInt()});
            }
        }
        QVERIFY(killedMidStream >= 8);
        QVERIFY2(committed.size() >= 10, qPrintable(QString::number(committed.size())));

        // Verified with a plain connection of its own, not through HistoryDatabase.
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("verify"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
            QVERIFY(!q.next());
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
            qint64 total = 0;
            for (const Range &r : committed) {
                QCOMPARE(r.last - r.first + 1, qint64(r.count));
                q.prepare(QStringLiteral("SELECT COUNT(*) FROM transitions WHERE id BETWEEN ? AND ?"
                                         " AND node LIKE 'kill-%' AND type = 'NT_NPU_NET'"));
                q.addBindValue(r.first);
                q.addBindValue(r.last);
                QVERIFY(q.exec() && q.next());
                QCOMPARE(q.value(0).toLongLong(), qint64(r.count));
                total += r.count;
            }
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM transitions")) && q.next());
            QVERIFY(q.value(0).toLongLong() >= total);
            QVERIFY(q.exec(QStringLiteral(
                "SELECT COUNT(*) FROM (SELECT 1 FROM transitions"
                " GROUP BY node, type, new_status, transition_time HAVING COUNT(*) > 1)")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 0); // no transition stored twice
            q.finish();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("verify"));
        // The file is still a working history.
        HistoryDatabase db(path);
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        QHash<QString, NodeHistoryState> states;
        QVERIFY(db.loadStates(&states, &error));
        QCOMPARE(states.size(), 100);
    }

    // Retention on a large file while another process writes batch after batch: the writer
    // never fails a batch (no lock held for the whole purge), every row it reports committed
    // is there, and every old row is gone.
    void retentionDuringAnotherProcesssWritesLosesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shared.sqlite"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const int oldRows = 40000;
        HistoryDatabase db(path, HistoryDatabase::Synchronous::Normal);
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        QVERIFY(db.begin(&error));
        for (int i = 0; i < oldRows; ++i) {
            TransitionRecord t;
            t.node = QStringLiteral("old-%1").arg(i % 500);
            t.type = QStringLiteral("Ready");
            t.category = QStringLiteral("kubelet");
            t.newStatus = (i / 500) % 2 ? QStringLiteral("True") : QStringLiteral("False");
            t.transitionTime = now.addDays(-400).addSecs(i);
            t.observedTime = t.transitionTime;
            bool inserted = false;
            QVERIFY2(db.insertTransition(t, &inserted, &error), qPrintable(error));
        }
        QVERIFY2(db.commit(&error), qPrintable(error));

        QProcess child;
        QByteArray out;
        connect(&child, &QProcess::readyReadStandardOutput, &child,
                [&] { out += child.readAllStandardOutput(); });
        child.start(QStringLiteral(HISTORY_WRITER_PATH), {path, QStringLiteral("50")});
        QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
        QVERIFY(QTest::qWaitFor(
            [&] { return out.count("commit ") >= 3 || child.state() != QProcess::Running; },
            20000));
        const qsizetype before = out.count("commit ");

        const int deleted = db.purgeObservedBefore(now.addDays(-180), &error);
        QVERIFY2(deleted >= oldRows, qPrintable(error));
        // The writer went on meanwhile and goes on after.
        QVERIFY(QTest::qWaitFor(
            [&] {
                return out.count("commit ") >= before + 3 || child.state() != QProcess::Running;
            },
            20000));
        QCOMPARE(child.state(), QProcess::Running);
        child.kill();
        QVERIFY(child.waitForFinished(10000));
        out += child.readAllStandardOutput();
        const QByteArray err = child.readAllStandardError();
        QVERIFY2(!err.contains("failed"), err.constData());

        QSqlDatabase check =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("retention"));
        check.setDatabaseName(path);
        QVERIFY(check.open());
        {
            QSqlQuery q(check);
            qint64 total = 0;
            for (const QByteArray &line : out.split('\n')) {
                const QList<QByteArray> f = line.split(' ');
                if (f.size() != 4 || f[0] != "commit")
                    continue;
                q.prepare(QStringLiteral("SELECT COUNT(*) FROM transitions WHERE id BETWEEN ? AND ?"
                                         " AND node LIKE 'kill-%'"));
                q.addBindValue(f[1].toLongLong());
                q.addBindValue(f[2].toLongLong());
                QVERIFY(q.exec() && q.next());
                QCOMPARE(q.value(0).toInt(), f[3].toInt());
                total += f[3].toInt();
            }
            QVERIFY(total > 0);
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM transitions WHERE node LIKE "
                                          "'old-%'")) &&
                    q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        check.close();
        check = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("retention"));
    }
};

QTEST_MAIN(TestHistoryCrash)
#include "tst_historycrash.moc"

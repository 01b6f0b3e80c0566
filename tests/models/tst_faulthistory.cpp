#include "HistoryTestSupport.h"
#include "tests/common/ThreadNice.h"

#include "models/FaultHistory.h"
#include "models/HistoryDatabase.h"
#include "models/Taxonomy.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace models;
using namespace testsupport;

namespace {

std::unique_ptr<FaultHistory> openHistory(const QString &path, int retentionDays = 0)
{
    FaultHistory::Options o;
    o.path = path;
    o.retentionDays = retentionDays;
    auto h = std::make_unique<FaultHistory>(Classifier(Taxonomy::builtIn()), o);
    QSignalSpy opened(h.get(), &FaultHistory::opened);
    h->open();
    if (!opened.wait(20000) || !opened.at(0).at(0).toBool())
        qWarning("history did not open: %s", qPrintable(h->lastError()));
    return h;
}

qint64 rows(FaultHistory &h, const char *table)
{
    return await(h.count(QLatin1String(table))).value;
}

std::vector<HistoryEvent> transitionsOf(FaultHistory &h, const QString &node)
{
    std::vector<HistoryEvent> out;
    for (HistoryEvent &e : await(h.timeline(node)).value)
        if (e.kind == HistoryEvent::Kind::Transition)
            out.push_back(std::move(e));
    return out;
}

} // namespace

class TestFaultHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Taxonomy::setTextLocale(QStringLiteral("en")); }

    void writesBelowTheGuiThread()
    {
        // The history's thread yields the CPU to the window's (kube::markBackgroundThread):
        // nice 10 once it is open, where the thread that made it stays where it was.
        QTemporaryDir dir;
        auto h = openHistory(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(h->isOpen());
        const QList<qint64> history = threadsNamed("FaultHistory");
        QCOMPARE(history.size(), 1);
        const QMap<qint64, int> nice = threadNiceValues();
        // This is the process's main thread: its id is the process's.
        const int mine = nice.value(QCoreApplication::applicationPid(), -100);
        QVERIFY(mine != -100);
        QCOMPARE(nice.value(history.first(), -100), std::max(mine, 10));
    }

    void recordsEachTransitionOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        auto h = openHistory(path);
        QVERIFY(h->isOpen());
        QSignalSpy written(h.get(), &FaultHistory::written);

        // First sight of a healthy node: the node appears, no transition.
        h->recordChanges(
            seen({node("n1", {{"Ready", "True", 0}, {"NT_NPU_CARD_LOSE", "False", 0}})}));
        QVERIFY(await(h->flush()).ok());
        QCOMPARE(rows(*h, "node_events"), 1);
        QCOMPARE(rows(*h, "transitions"), 0);

        // The card is lost at +100 s.
        auto lost = node(
            "n1",
            {{"Ready", "True", 0}, {"NT_NPU_CARD_LOSE", "True", 100, "npu-card-lose", "1 card"}},
            {}, 2);
        h->recordChanges(seen({lost}));
        QVERIFY(await(h->flush()).ok());
        auto t = transitionsOf(*h, QStringLiteral("n1"));
        QCOMPARE(t.size(), std::size_t(1));
        QCOMPARE(t[0].type, QStringLiteral("NT_NPU_CARD_LOSE"));
        QCOMPARE(t[0].oldStatus, QStringLiteral("False"));
        QCOMPARE(t[0].newStatus, QStringLiteral("True"));
        QCOMPARE(t[0].time, at(100));
        QCOMPARE(t[0].reason, QStringLiteral("npu-card-lose"));
        QCOMPARE(t[0].message, QStringLiteral("1 card"));
        QCOMPARE(t[0].category, QStringLiteral("npu"));
        QCOMPARE(t[0].severity, Severity::Critical);
        QVERIFY(t[0].bad && t[0].opens && !t[0].closes);
        QVERIFY(t[0].observedTime.isValid());

        // A relist re-delivers the same object (newer resourceVersion, same conditions): nothing.
        h->recordChanges(
            seen({node("n1", {{"Ready", "True", 0}, {"NT_NPU_CARD_LOSE", "True", 100}}, {}, 3)}));
        // A restart: a new history on the same file, fed by a first list.
        QVERIFY(await(h->flush()).ok());
        h.reset();
        h = openHistory(path);
        h->recordChanges(seen({lost}));
        QVERIFY(await(h->flush()).ok());
        QCOMPARE(rows(*h, "transitions"), 1);
        QCOMPARE(rows(*h, "node_events"), 1);

        // Recovery.
        h->recordChanges(
            seen({node("n1", {{"Ready", "True", 0}, {"NT_NPU_CARD_LOSE", "False", 400}}, {}, 4)}));
        QVERIFY(await(h->flush()).ok());
        t = transitionsOf(*h, QStringLiteral("n1"));
        QCOMPARE(t.size(), std::size_t(2));
        QCOMPARE(t[1].newStatus, QStringLiteral("False"));
        QVERIFY(!t[1].bad && t[1].closes && !t[1].opens);
        QCOMPARE(t[1].time, at(400));
        QCOMPARE(integrity(path), QStringLiteral("ok"));
    }

    void transitionsWhileAwayAreRecovered()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        auto h = openHistory(path);
        h->recordChanges(seen({node("a", {{"Ready", "True", 0}, {"NT_NPU_NET", "False", 0}}),
                               node("b", {{"Ready", "True", 0}, {"DiskPressure", "False", 0}})}));
        QVERIFY(await(h->flush()).ok());
        h.reset(); // Faultboard is closed for a while...

        // ...during which a's NPU link broke at +500 s, and b's disk filled up and was freed again.
        h = openHistory(path);
        h->recordChanges(seen({node("a", {{"Ready", "True", 0}, {"NT_NPU_NET", "True", 500}}),
                               node("b", {{"Ready", "True", 0}, {"DiskPressure", "False", 900}})}));
        QVERIFY(await(h->flush()).ok());
        auto a = transitionsOf(*h, QStringLiteral("a"));
        QCOMPARE(a.size(), std::size_t(1));
        QCOMPARE(a[0].oldStatus, QStringLiteral("False"));
        QCOMPARE(a[0].newStatus, QStringLiteral("True"));
        QCOMPARE(a[0].time, at(500)); // when it happened, not when we noticed
        QVERIFY(a[0].observedTime > a[0].time);
        auto b = transitionsOf(*h, QStringLiteral("b"));
        QCOMPARE(b.size(), std::size_t(1));
        QCOMPARE(b[0].flags & TransitionRecord::Missed, int(TransitionRecord::Missed));
        QCOMPARE(b[0].newStatus, QStringLiteral("False"));
        QVERIFY(b[0].closes);
        QCOMPARE(b[0].time, at(900));

        // A fault that was already active when first seen counts from its lastTransitionTime.
        h->recordChanges(seen({node("c", {{"Ready", "Unknown", 42}})}));
        QVERIFY(await(h->flush()).ok());
        auto c = transitionsOf(*h, QStringLiteral("c"));
        QCOMPARE(c.size(), std::size_t(1));
        QCOMPARE(c[0].flags & TransitionRecord::FirstSeen, int(TransitionRecord::FirstSeen));
        QVERIFY(c[0].oldStatus.isEmpty());
        QCOMPARE(c[0].time, at(42));
        QVERIFY(c[0].opens);
    }

    void uniquenessKeySurvivesALostState()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        auto h = openHistory(path);
        auto n = node("n", {{"Ready", "False", 10}, {"KernelDeadlock", "True", 20}});
        h->recordChanges(seen({n}));
        QVERIFY(await(h->flush()).ok());
        QCOMPARE(rows(*h, "transitions"), 2);
        // Even if the recorded states were lost, the same transitions are not stored twice.
        h.reset();
        {
            HistoryDatabase db(path);
            QString error;
            QVERIFY2(db.open(&error), qPrintable(error));
            QVERIFY(db.begin(&error));
            QHash<QString, NodeHistoryState> states;
            QVERIFY(db.loadStates(&states, &error));
            QCOMPARE(states.size(), 1);
            NodeHistoryState empty;
            QVERIFY(db.saveState(QStringLiteral("n"), empty, &error)); // forget its conditions
            QVERIFY(db.commit(&error));
        }
        h = openHistory(path);
        h->recordChanges(seen({n}));
        QVERIFY(await(h->flush()).ok());
        QCOMPARE(rows(*h, "transitions"), 2);
        QCOMPARE(rows(*h, "node_events"), 1);
    }

    void recordedStatesShareTheirWordsAndSurviveTheDatabase()
    {
        // What the history keeps of 65,000 nodes: the same type and status on two nodes are
        // one copy, a change is the node's own, and the database gives back equal states.
        NodeHistoryState a, b;
        a.uid = QStringLiteral("u-a");
        b.uid = QStringLiteral("u-b");
        for (NodeHistoryState *st : {&a, &b}) {
            st->setCondition(QStringLiteral("Ready"), QStringLiteral("True"), 1000);
            st->setCondition(QStringLiteral("NT_NPU_CARD_LOSE"), QStringLiteral("False"), 2000);
        }
        b.setCondition(QStringLiteral("huawei.com/ascend-910"), QStringLiteral("6/8"), 0);
        QCOMPARE(a.conditions.size(), std::size_t(2));
        QCOMPARE(b.conditions.size(), std::size_t(3));
        // Sorted by type.
        QCOMPARE(b.conditions[0].type(), QStringLiteral("NT_NPU_CARD_LOSE"));
        QCOMPARE(b.conditions[2].type(), QStringLiteral("huawei.com/ascend-910"));
        const auto *readyA = a.condition(QStringLiteral("Ready"));
        const auto *readyB = b.condition(QStringLiteral("Ready"));
        QVERIFY(readyA && readyB && readyA->sharesWordsWith(*readyB));
        QVERIFY(*readyA == *readyB);

        // Only the time changed: the words stay shared. The status changed: the node's own.
        b.setCondition(QStringLiteral("Ready"), QStringLiteral("True"), 5000);
        QVERIFY(readyB->sharesWordsWith(*readyA));
        QVERIFY(!(*readyA == *readyB));
        b.setCondition(QStringLiteral("Ready"), QStringLiteral("False"), 6000);
        readyB = b.condition(QStringLiteral("Ready"));
        QCOMPARE(readyB->status(), QStringLiteral("False"));
        QCOMPARE(readyA->status(), QStringLiteral("True"));
        QVERIFY(!readyB->sharesWordsWith(*readyA));
        QVERIFY(!a.condition(QStringLiteral("huawei.com/ascend-910")));

        QTemporaryDir dir;
        HistoryDatabase db(dir.filePath(QStringLiteral("h.sqlite")));
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        QVERIFY(db.begin(&error));
        QVERIFY(db.saveState(QStringLiteral("a"), a, &error));
        QVERIFY(db.saveState(QStringLiteral("b"), b, &error));
        QVERIFY(db.commit(&error));
        QHash<QString, NodeHistoryState> states;
        QVERIFY2(db.loadStates(&states, &error), qPrintable(error));
        QCOMPARE(states.size(), 2);
        QVERIFY(states.value(QStringLiteral("a")) == a);
        QVERIFY(states.value(QStringLiteral("b")) == b);
        QVERIFY(states[QStringLiteral("a")]
                    .condition(QStringLiteral("NT_NPU_CARD_LOSE"))
                    ->sharesWordsWith(*b.condition(QStringLiteral("NT_NPU_CARD_LOSE"))));
    }
    void nodesAddedAndRemoved()
    {
        QTemporaryDir dir;
        auto h = openHistory(dir.filePath(QStringLiteral("h.sqlite")));
        auto a = node("a", {{"Ready", "True", 0}});
        auto b = node("b", {{"Ready", "True", 0}});
        auto c = node("c", {{"Ready", "True", 0}});
        h->recordChanges(seen({a, b, c}));
        h->recordChanges(gone(a));
        h->recordChanges(gone(a)); // delivered twice (watch, then relist): recorded once
        QVERIFY(await(h->flush()).ok());
        auto events = await(h->timeline(QStringLiteral("a"))).value;
        QCOMPARE(events.size(), std::size_t(2));
        QCOMPARE(events[0].kind, HistoryEvent::Kind::NodeAdded);
        QCOMPARE(events[0].time, at(-86400)); // creationTimestamp
        QCOMPARE(events[1].kind, HistoryEvent::Kind::NodeRemoved);

        // Recreated under the same name with a new uid: a new node.
        auto again = node("a", {{"Ready", "True", 0}}, QStringLiteral("uid-a2"));
        again->creationTimestamp = QDateTime::currentDateTimeUtc().addSecs(5);
        h->recordChanges(seen({again}));
        // A fresh full list no longer has b: it was removed while Faultboard was away.
        h->reconcile({QStringLiteral("a"), QStringLiteral("c")});
        h->reconcile({QStringLiteral("a"), QStringLiteral("c")});
        QVERIFY(await(h->flush()).ok());
        events = await(h->timeline(QStringLiteral("a"))).value;
        QCOMPARE(events.size(), std::size_t(3));
        QCOMPARE(events[2].kind, HistoryEvent::Kind::NodeAdded);
        QCOMPARE(events[2].actor, QStringLiteral("uid-a2"));
        events = await(h->timeline(QStringLiteral("b"))).value;
        QCOMPARE(events.size(), std::size_t(2));
        QCOMPARE(events[1].kind, HistoryEvent::Kind::NodeRemoved);
        QCOMPARE(await(h->timeline(QStringLiteral("c"))).value.size(), std::size_t(1));
    }

    void acceleratorCountsAndVanishingConditions()
    {
        QTemporaryDir dir;
        auto h = openHistory(dir.filePath(QStringLiteral("h.sqlite")));
        const char *npu = "huawei.com/ascend-910";
        h->recordChanges(seen({withAccelerators(
            node("n", {{"Ready", "True", 0}, {"NT_NPU_OTHER", "True", 5}}), npu, 8, 8)}));
        h->recordChanges(seen({withAccelerators(
            node("n", {{"Ready", "True", 0}, {"NT_NPU_OTHER", "True", 5}}), npu, 8, 6)}));
        h->recordChanges(seen({withAccelerators(
            node("n", {{"Ready", "True", 0}, {"NT_NPU_OTHER", "True", 5}}), npu, 8, 0)}));
        // node-agent stops reporting NT_NPU_OTHER, the chips come back.
        h->recordChanges(seen({withAccelerators(node("n", {{"Ready", "True", 0}}), npu, 8, 8)}));
        QVERIFY(await(h->flush()).ok());
        auto t = transitionsOf(*h, QStringLiteral("n"));
        QCOMPARE(t.size(), std::size_t(5));
        QCOMPARE(t[0].type, QStringLiteral("NT_NPU_OTHER")); // at +5 s, before the chip rows
        QVERIFY(t[0].opens);
        QCOMPARE(t[1].type, QString::fromLatin1(npu));
        QCOMPARE(t[1].oldStatus, QStringLiteral("8/8"));
        QCOMPARE(t[1].newStatus, QStringLiteral("6/8"));
        QVERIFY(t[1].opens);
        QCOMPARE(t[1].severity, Severity::Major);
        QCOMPARE(t[1].message, QStringLiteral("2 of 8 NPUs lost"));
        QCOMPARE(t[1].category, QStringLiteral("npu"));
        QCOMPARE(t[2].newStatus, QStringLiteral("0/8"));
        QVERIFY(!t[2].opens); // the same fault got worse
        QCOMPARE(t[2].severity, Severity::Critical);
        // The last batch: the chips recover and the condition disappears (same observed time).
        QSet<QString> last{t[3].type, t[4].type};
        QCOMPARE(last, (QSet<QString>{QString::fromLatin1(npu), QStringLiteral("NT_NPU_OTHER")}));
        for (int i : {3, 4}) {
            QVERIFY(t[i].closes);
            if (t[i].type == QLatin1String("NT_NPU_OTHER")) {
                QVERIFY(t[i].newStatus.isEmpty());
                QVERIFY(t[i].flags & TransitionRecord::ConditionGone);
            } else {
                QCOMPARE(t[i].newStatus, QStringLiteral("8/8"));
            }
        }
    }

    void operatorActions()
    {
        QTemporaryDir dir;
        auto h = openHistory(dir.filePath(QStringLiteral("h.sqlite")));
        h->recordAction({0, at(1000), QStringLiteral("alice"), QStringLiteral("isolate"),
                         QStringLiteral("n7"), QStringLiteral("succeeded"),
                         QStringLiteral("NT_NPU_CARD_LOSE, ticket 42")});
        h->recordAction({0, at(2000), QStringLiteral("bob"), QStringLiteral("drain"),
                         QStringLiteral("n7"), QStringLiteral("failed"),
                         QStringLiteral("PodDisruptionBudget blocks eviction")});
        QVERIFY(await(h->flush()).ok());
        const auto actions = await(h->actions(at(0), at(5000))).value;
        QCOMPARE(actions.size(), std::size_t(2));
        QCOMPARE(actions[1].actor, QStringLiteral("bob"));
        QCOMPARE(actions[1].result, QStringLiteral("failed"));
        const auto timeline = await(h->timeline(QStringLiteral("n7"))).value;
        QCOMPARE(timeline.size(), std::size_t(2));
        QCOMPARE(timeline[0].kind, HistoryEvent::Kind::Action);
        QCOMPARE(timeline[0].type, QStringLiteral("isolate"));
        QCOMPARE(timeline[0].actor, QStringLiteral("alice"));
        QCOMPARE(timeline[0].newStatus, QStringLiteral("succeeded"));
        QCOMPARE(timeline[0].message, QStringLiteral("NT_NPU_CARD_LOSE, ticket 42"));
        QCOMPARE(await(h->actions(at(1500), at(5000))).value.size(), std::size_t(1));
    }

    void statisticsAndEpisodes()
    {
        QTemporaryDir dir;
        auto h = openHistory(dir.filePath(QStringLiteral("h.sqlite")));
        auto feed = [&](const char *name, const char *status, int since, int rv) {
            h->recordChanges(
                seen({node(QLatin1String(name),
                           {{"Ready", "True", 0}, {"NT_NPU_NET", status, since}}, {}, rv)}));
        };
        feed("a", "False", 0, 1);
        feed("b", "False", 0, 1);
        feed("c", "False", 0, 1);
        feed("a", "True", 100, 2); // a: 100 → 160 (60 s)
        feed("b", "True", 110, 2); // b: 110, never recovers
        feed("a", "False", 160, 3);
        feed("a", "True", 300, 4); // a: 300 → 420 (120 s)
        feed("a", "False", 420, 5);
        h->recordChanges(
            seen({node("c", {{"Ready", "False", 200}, {"NT_NPU_NET", "False", 0}}, {}, 2)}));
        h->recordChanges(
            seen({node("c", {{"Ready", "True", 230}, {"NT_NPU_NET", "False", 0}}, {}, 3)}));
        QVERIFY(await(h->flush()).ok());

        auto stats = await(h->faultStats({}, {}));
        QVERIFY2(stats.ok(), qPrintable(stats.error));
        QCOMPARE(stats.value.size(), std::size_t(2));
        const FaultTypeStats &net = stats.value[0];
        QCOMPARE(net.type, QStringLiteral("NT_NPU_NET"));
        QCOMPARE(net.category, QStringLiteral("npu"));
        QCOMPARE(net.faults, 3);
        QCOMPARE(net.nodes, 2);
        QCOMPARE(net.recovered, 2);
        QCOMPARE(net.meanSecondsToRecover, 90.0);
        const FaultTypeStats &ready = stats.value[1];
        QCOMPARE(ready.type, QStringLiteral("Ready"));
        QCOMPARE(ready.faults, 1);
        QCOMPARE(ready.meanSecondsToRecover, 30.0);

        // Only faults that began in [150, 1000): a's second one.
        stats = await(h->faultStats(at(150), at(1000)));
        QCOMPARE(stats.value.size(), std::size_t(2));
        QCOMPARE(stats.value[0].faults, 1);
        QCOMPARE(stats.value[0].meanSecondsToRecover,
                 stats.value[0].type == QLatin1String("Ready") ? 30.0 : 120.0);

        auto top = await(h->topNodes({}, {}, 10)).value;
        QCOMPARE(top.size(), std::size_t(3));
        QCOMPARE(top[0].node, QStringLiteral("a"));
        QCOMPARE(top[0].faults, 2);
        QCOMPARE(top[0].lastFault, at(300));
        QCOMPARE(await(h->topNodes({}, {}, 1)).value.size(), std::size_t(1));

        // Faults active during [150, 350): a's first (ended 160), b's (still active), c's Ready
        // (200-230) and a's second, which is still active at the end of the range.
        auto episodes = await(h->episodes(at(150), at(350))).value;
        QCOMPARE(episodes.size(), std::size_t(4));
        QCOMPARE(episodes[0].node, QStringLiteral("a"));
        QCOMPARE(episodes[0].since, at(100));
        QCOMPARE(episodes[0].until, at(160));
        QVERIFY(episodes[0].ended);
        QCOMPARE(episodes[1].node, QStringLiteral("b"));
        QVERIFY(!episodes[1].until.isValid());
        QVERIFY(!episodes[1].ended);
        QCOMPARE(episodes[2].type, QStringLiteral("Ready"));
        QCOMPARE(episodes[2].status, QStringLiteral("False"));
        QCOMPARE(episodes[2].until, at(230));
        QCOMPARE(episodes[3].since, at(300));
        QVERIFY(!episodes[3].until.isValid()); // ends at 420, after the range
    }

    void retentionDeletesOldRows()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        {
            HistoryDatabase db(path);
            QString error;
            QVERIFY2(db.open(&error), qPrintable(error));
            QVERIFY(db.begin(&error));
            for (int daysAgo : {400, 200, 100, 10, 1}) {
                TransitionRecord t;
                t.node = QStringLiteral("old");
                t.type = QStringLiteral("Ready");
                t.category = QStringLiteral("kubelet");
                t.newStatus = QStringLiteral("False");
                t.transitionTime = now.addDays(-daysAgo);
                t.observedTime = now.addDays(-daysAgo);
                bool inserted = false;
                QVERIFY2(db.insertTransition(t, &inserted, &error), qPrintable(error));
                QVERIFY(inserted);
                ActionRecord a{0,
                               now.addDays(-daysAgo),
                               QStringLiteral("ops"),
                               QStringLiteral("cordon"),
                               QStringLiteral("old"),
                               QStringLiteral("succeeded"),
                               {}};
                QVERIFY(db.insertAction(a, &error));
            }
            NodeHistoryState removedLongAgo;
            removedLongAgo.removed = true;
            removedLongAgo.removedMs = now.addDays(-300).toMSecsSinceEpoch();
            QVERIFY(db.saveState(QStringLiteral("gone-long-ago"), removedLongAgo, &error));
            NodeHistoryState removedRecently = removedLongAgo;
            removedRecently.removedMs = now.addDays(-3).toMSecsSinceEpoch();
            QVERIFY(db.saveState(QStringLiteral("gone-recently"), removedRecently, &error));
            QVERIFY(db.commit(&error));
        }
        // Opening with a retention of 150 days purges at once.
        auto h = openHistory(path, 150);
        QTRY_COMPARE(rows(*h, "transitions"), 3);
        QCOMPARE(rows(*h, "actions"), 3);
        QCOMPARE(rows(*h, "node_state"), 1);
        // Shortening it applies the new limit.
        h->setRetentionDays(50);
        QTRY_COMPARE(rows(*h, "transitions"), 2);
        QCOMPARE(rows(*h, "actions"), 2);
        // An explicit cutoff; 0 days keeps everything that is left.
        QCOMPARE(await(h->purgeObservedBefore(now.addDays(-5))).value, 2);
        QCOMPARE(rows(*h, "transitions"), 1);
        h->setRetentionDays(0);
        QCOMPARE(rows(*h, "transitions"), 1);
        QCOMPARE(integrity(path), QStringLiteral("ok"));
    }

    void openFailuresAreReported()
    {
        QTemporaryDir dir;
        // A folder that cannot be created: a file is in the way.
        QFile blocker(dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        FaultHistory::Options o;
        o.path = dir.filePath(QStringLiteral("blocker/h.sqlite"));
        FaultHistory h(Classifier(Taxonomy::builtIn()), o);
        QSignalSpy opened(&h, &FaultHistory::opened);
        QSignalSpy failed(&h, &FaultHistory::failed);
        h.open();
        QVERIFY(opened.wait(10000));
        QCOMPARE(opened.at(0).at(0).toBool(), false);
        QVERIFY2(opened.at(0).at(1).toString().contains(o.path),
                 qPrintable(opened.at(0).at(1).toString()));
        QCOMPARE(failed.count(), 1);
        QVERIFY(!h.isOpen());
        // Recording is harmless and queries say why they cannot answer.
        h.recordChanges(seen({node("n", {{"Ready", "False", 0}})}));
        const auto r = await(h.timeline(QStringLiteral("n")));
        QVERIFY(!r.ok());
        QVERIFY(r.error.contains(o.path));

        // A file that is not a database.
        const QString garbage = dir.filePath(QStringLiteral("garbage.sqlite"));
        QFile g(garbage);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write(QByteArray(8192, 'x'));
        g.close();
        HistoryDatabase db(garbage);
        QString error;
        QVERIFY(!db.open(&error));
        QVERIFY2(error.contains(garbage), qPrintable(error));
    }

    void defaultPathIsPerCluster()
    {
        qunsetenv("FAULTBOARD_HISTORY_DIR");
        QStandardPaths::setTestModeEnabled(true);
        const QUrl server(QStringLiteral("https://10.0.0.1:6443"));
        const QString a = FaultHistory::defaultPath(server, QStringLiteral("prod/ai-pool"));
        QCOMPARE(a, FaultHistory::defaultPath(QUrl(QStringLiteral("https://10.0.0.1:6443/")),
                                              QStringLiteral("prod/ai-pool")));
        QVERIFY(a.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                             QStringLiteral("/history/")));
        QVERIFY(a.endsWith(QStringLiteral(".sqlite")));
        QVERIFY(QFileInfo(a).fileName().startsWith(QStringLiteral("prod_ai-pool-")));
        QVERIFY(a != FaultHistory::defaultPath(server, QStringLiteral("staging")));
        QVERIFY(a != FaultHistory::defaultPath(QUrl(QStringLiteral("https://10.0.0.2:6443")),
                                               QStringLiteral("prod/ai-pool")));
        // Credentials in the URL never reach the file name.
        const QString withUser =
            FaultHistory::defaultPath(QUrl(QStringLiteral("https://admin:s3cret@10.0.0.1:6443")),
                                      QStringLiteral("prod/ai-pool"));
        QCOMPARE(withUser, a);
        QVERIFY(!withUser.contains(QLatin1String("s3cret")));
        qputenv("FAULTBOARD_HISTORY_DIR", "/tmp/fb-history-test");
        QVERIFY(FaultHistory::defaultPath(server, QStringLiteral("x"))
                    .startsWith(QStringLiteral("/tmp/fb-history-test/x-")));
        qunsetenv("FAULTBOARD_HISTORY_DIR");
    }

    // Two processes sharing a file: a row without a transition time (an accelerator count, a
    // condition gone) or a node event is stored once, whoever sees it second; a real repeat
    // later is stored again.
    void rowsWithoutATransitionTimeAreStoredOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        HistoryDatabase a(path);
        HistoryDatabase b(path);
        QString error;
        QVERIFY2(a.open(&error) && b.open(&error), qPrintable(error));
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        auto chips = [&](const QString &from, const QString &to, int secs) {
            TransitionRecord t;
            t.node = QStringLiteral("npu-0001");
            t.type = QStringLiteral("huawei.com/ascend-910");
            t.category = QStringLiteral("accelerator");
            t.oldStatus = from;
            t.newStatus = to;
            t.observedTime = t0.addSecs(secs);
            t.flags = TransitionRecord::Accelerators;
            return t;
        };
        auto insert = [&](HistoryDatabase &db, TransitionRecord t, qint64 *id) {
            bool inserted = false;
            if (!db.begin(&error) || !db.insertTransition(t, &inserted, &error) ||
                !db.commit(&error))
                qWarning("%s", qPrintable(error));
            *id = t.id;
            return inserted;
        };
        qint64 first = 0;
        qint64 second = 0;
        QVERIFY(insert(a, chips(QStringLiteral("8/8"), QStringLiteral("6/8"), 0), &first));
        // The other process saw the same change a moment later.
        QVERIFY(!insert(b, chips(QStringLiteral("8/8"), QStringLiteral("6/8"), 1), &second));
        QCOMPARE(second, first);
        // Back to 8, then lost again: each a new row.
        QVERIFY(insert(b, chips(QStringLiteral("6/8"), QStringLiteral("8/8"), 60), &second));
        QVERIFY(!insert(a, chips(QStringLiteral("6/8"), QStringLiteral("8/8"), 61), &second));
        QVERIFY(insert(a, chips(QStringLiteral("8/8"), QStringLiteral("6/8"), 120), &second));
        QCOMPARE(a.count(QStringLiteral("transitions"), &error), 3);

        auto removed = [&](HistoryDatabase &db, int secs) {
            NodeEventRecord e;
            e.node = QStringLiteral("npu-0001");
            e.uid = QStringLiteral("uid-1");
            e.kind = NodeEventRecord::Kind::Removed;
            e.eventTime = t0.addSecs(secs); // no deletionTimestamp seen: when it was noticed
            e.observedTime = e.eventTime;
            bool inserted = false;
            if (!db.begin(&error) || !db.insertNodeEvent(e, &inserted, &error) ||
                !db.commit(&error))
                qWarning("%s", qPrintable(error));
            return inserted;
        };
        QVERIFY(removed(a, 200));
        QVERIFY(!removed(b, 203));
        QCOMPARE(b.count(QStringLiteral("node_events"), &error), 1);
    }

    // Every process opening the file runs retention; it happens at most once per interval.
    void retentionRunsAtMostOncePerIntervalPerFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto addOld = [&](HistoryDatabase &db, int n) {
            QString error;
            QVERIFY(db.begin(&error));
            for (int i = 0; i < n; ++i) {
                ActionRecord a{0,
                               now.addDays(-400),
                               QStringLiteral("ops"),
                               QStringLiteral("cordon"),
                               QStringLiteral("old"),
                               QStringLiteral("succeeded"),
                               {}};
                QVERIFY(db.insertAction(a, &error));
            }
            QVERIFY(db.commit(&error));
        };
        HistoryDatabase first(path);
        HistoryDatabase second(path);
        QString error;
        QVERIFY2(first.open(&error) && second.open(&error), qPrintable(error));
        addOld(first, 3);
        const qint64 hour = 3600 * 1000;
        QCOMPARE(first.purgeObservedBefore(now.addDays(-180), &error, hour), 3);
        addOld(first, 2);
        // Another process's turn comes within the hour: nothing to do yet.
        QCOMPARE(second.purgeObservedBefore(now.addDays(-180), &error, hour), 0);
        QCOMPARE(second.count(QStringLiteral("actions"), &error), 2);
        // Without an interval (the operator changed the retention): at once.
        QCOMPARE(second.purgeObservedBefore(now.addDays(-180), &error), 2);
    }

private:
    static QString integrity(const QString &path)
    {
        HistoryDatabase db(path);
        QString error;
        if (!db.open(&error))
            return error;
        return db.integrityCheck();
    }
};

QTEST_MAIN(TestFaultHistory)
#include "tst_faulthistory.moc"

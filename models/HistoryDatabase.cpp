#include "models/HistoryDatabase.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>

#include <algorithm>
#include <limits>

namespace models {

namespace {

QAtomicInteger<quint64> g_connectionCounter;

QVariant ms(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

qint64 lowerBound(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
}

qint64 upperBound(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
}

// A null QString binds as SQL NULL; the text columns are NOT NULL, and INSERT OR IGNORE would
// silently skip the row.
QString text(const QString &s)
{
    return s.isNull() ? QString(QLatin1String("")) : s;
}

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS transitions ("
    " id INTEGER PRIMARY KEY,"
    " node TEXT NOT NULL, type TEXT NOT NULL, category TEXT NOT NULL,"
    " old_status TEXT NOT NULL, new_status TEXT NOT NULL,"
    " bad INTEGER NOT NULL, opens INTEGER NOT NULL, closes INTEGER NOT NULL, severity INTEGER NOT "
    "NULL,"
    " reason TEXT NOT NULL, message TEXT NOT NULL,"
    " transition_time INTEGER, observed_time INTEGER NOT NULL, event_time INTEGER NOT NULL,"
    " isolated INTEGER NOT NULL, accelerators_ok INTEGER NOT NULL, accelerators_total INTEGER NOT "
    "NULL,"
    " flags INTEGER NOT NULL)",
    // The uniqueness key: a condition reaches a status at its lastTransitionTime once. A relist,
    // a restart or a second Faultboard on the same file cannot add the same transition again.
    "CREATE UNIQUE INDEX IF NOT EXISTS transitions_once"
    " ON transitions (node, type, new_status, transition_time) WHERE transition_time IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS transitions_node_time ON transitions (node, event_time)",
    "CREATE INDEX IF NOT EXISTS transitions_time ON transitions (event_time)",
    "CREATE INDEX IF NOT EXISTS transitions_episodes ON transitions (node, type, event_time, id)"
    " WHERE opens = 1 OR closes = 1",
    "CREATE TABLE IF NOT EXISTS node_events ("
    " id INTEGER PRIMARY KEY, node TEXT NOT NULL, uid TEXT NOT NULL, kind TEXT NOT NULL,"
    " event_time INTEGER NOT NULL, observed_time INTEGER NOT NULL,"
    " UNIQUE (node, uid, kind, event_time))",
    "CREATE INDEX IF NOT EXISTS node_events_node_time ON node_events (node, event_time)",
    "CREATE TABLE IF NOT EXISTS actions ("
    " id INTEGER PRIMARY KEY, time INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,"
    " target TEXT NOT NULL, result TEXT NOT NULL, message TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS actions_target_time ON actions (target, time)",
    "CREATE INDEX IF NOT EXISTS actions_time ON actions (time)",
    "CREATE TABLE IF NOT EXISTS node_state ("
    " node TEXT PRIMARY KEY, removed_at INTEGER, state BLOB NOT NULL)",
    // Schema 2. Rows without a lastTransitionTime (accelerator counts, conditions gone, node
    // removals) are deduplicated against the latest row of their node and type: these find it.
    "CREATE INDEX IF NOT EXISTS transitions_node_type ON transitions (node, type, id)",
    "CREATE INDEX IF NOT EXISTS node_events_node ON node_events (node, id)",
    // Retention deletes by observation time, in small chunks: indexed.
    "CREATE INDEX IF NOT EXISTS transitions_observed ON transitions (observed_time)",
    "CREATE INDEX IF NOT EXISTS node_events_observed ON node_events (observed_time)",
    // When retention last ran on this file, whichever process ran it.
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER)",
};

HistoryEvent::Kind eventKind(int k)
{
    switch (k) {
    case 1:
        return HistoryEvent::Kind::NodeAdded;
    case 2:
        return HistoryEvent::Kind::NodeRemoved;
    case 3:
        return HistoryEvent::Kind::Action;
    default:
        return HistoryEvent::Kind::Transition;
    }
}

} // namespace

HistoryDatabase::HistoryDatabase(const QString &path, Synchronous sync)
    : m_path(path)
    , m_connection(QStringLiteral("faultboard-history-%1").arg(++g_connectionCounter))
    , m_sync(sync)
{}

HistoryDatabase::~HistoryDatabase()
{
    close();
}

QSqlQuery HistoryDatabase::query() const
{
    return QSqlQuery(QSqlDatabase::database(m_connection, false));
}

bool HistoryDatabase::fail(const QSqlQuery &q, const QString &what, QString *error) const
{
    if (error)
        *error = tr("history %1: %2: %3").arg(m_path, what, q.lastError().text());
    return false;
}

bool HistoryDatabase::exec(const QString &sql, QString *error)
{
    QSqlQuery q = query();
    if (!q.exec(sql))
        return fail(q, sql.section(QLatin1Char(' '), 0, 2), error);
    return true;
}

bool HistoryDatabase::open(QString *error)
{
    if (m_open)
        return true;
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = tr("history %1: cannot create the folder %2").arg(m_path, info.absolutePath());
        return false;
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        if (!db.isValid()) {
            if (error)
                *error =
                    tr("history %1: the Qt SQLite driver (QSQLITE) is not available").arg(m_path);
            QSqlDatabase::removeDatabase(m_connection);
            return false;
        }
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            if (error)
                *error = tr("history %1: cannot open: %2").arg(m_path, db.lastError().text());
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connection);
            return false;
        }
    }
    m_open = true;
    if (!configure(error)) {
        close();
        return false;
    }
    return true;
}

bool HistoryDatabase::configure(QString *error)
{

    QSqlQuery q = query();
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return fail(q, tr("not a readable SQLite database"), error);
    const int version = q.value(0).toInt();
    q.finish();
    if (version > SchemaVersion) {
        if (error)
            *error = tr("history %1: written by a newer Faultboard (schema %2; this one knows %3)")
                         .arg(m_path)
                         .arg(version)
                         .arg(SchemaVersion);
        return false;
    }
    // auto_vacuum must be chosen before the first table exists; retention then gives space back.
    if (version == 0 && !exec(QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"), error))
        return false;
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next())
        return fail(q, QStringLiteral("journal_mode"), error);
    if (q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        if (error)
            *error =
                tr("history %1: the file system does not support SQLite's WAL mode").arg(m_path);
        return false;
    }
    q.finish();
    const QString sync =
        m_sync == Synchronous::Full ? QStringLiteral("FULL") : QStringLiteral("NORMAL");
    if (!exec(QStringLiteral("PRAGMA synchronous = ") + sync, error))
        return false;
    if (version < SchemaVersion) {
        if (!begin(error))
            return false;
        for (const char *sql : kSchema)
            if (!exec(QLatin1String(sql), error)) {
                rollback();
                return false;
            }
        if (!exec(QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion), error) ||
            !commit(error)) {
            rollback();
            return false;
        }
    }

    m_insertTransition = std::make_unique<QSqlQuery>(query());
    m_insertNodeEvent = std::make_unique<QSqlQuery>(query());
    m_insertAction = std::make_unique<QSqlQuery>(query());
    m_saveState = std::make_unique<QSqlQuery>(query());
    if (!m_insertTransition->prepare(
            QStringLiteral("INSERT OR IGNORE INTO transitions (node, type, category, old_status, "
                           "new_status, bad, opens,"
                           " closes, severity, reason, message, transition_time, observed_time, "
                           "event_time, isolated,"
                           " accelerators_ok, accelerators_total, flags)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        return fail(*m_insertTransition, QStringLiteral("prepare"), error);
    if (!m_insertNodeEvent->prepare(QStringLiteral(
            "INSERT OR IGNORE INTO node_events (node, uid, kind, event_time, observed_time)"
            " VALUES (?, ?, ?, ?, ?)")))
        return fail(*m_insertNodeEvent, QStringLiteral("prepare"), error);
    if (!m_insertAction->prepare(QStringLiteral("INSERT INTO actions (time, actor, action, target, "
                                                "result, message) VALUES (?, ?, ?, ?, ?, ?)")))
        return fail(*m_insertAction, QStringLiteral("prepare"), error);
    if (!m_saveState->prepare(QStringLiteral(
            "INSERT OR REPLACE INTO node_state (node, removed_at, state) VALUES (?, ?, ?)")))
        return fail(*m_saveState, QStringLiteral("prepare"), error);
    m_findNodeEvent = std::make_unique<QSqlQuery>(query());
    m_findTransitionAt = std::make_unique<QSqlQuery>(query());
    m_findLatestTransition = std::make_unique<QSqlQuery>(query());
    for (QSqlQuery *q : {m_findNodeEvent.get(), m_findTransitionAt.get(),
                         m_findLatestTransition.get()})
        q->setForwardOnly(true);
    if (!m_findNodeEvent->prepare(QStringLiteral(
            "SELECT id, uid, kind FROM node_events WHERE node = ? ORDER BY id DESC LIMIT 1")))
        return fail(*m_findNodeEvent, QStringLiteral("prepare"), error);
    if (!m_findTransitionAt->prepare(
            QStringLiteral("SELECT id FROM transitions WHERE node = ? AND type = ? AND "
                           "new_status = ? AND transition_time = ?")))
        return fail(*m_findTransitionAt, QStringLiteral("prepare"), error);
    // Without a transition time, the same change seen by two processes differs only in when
    // each saw it: it is already there when the node's latest row of that type says so.
    if (!m_findLatestTransition->prepare(
            QStringLiteral("SELECT id, old_status, new_status, transition_time FROM "
                           "transitions WHERE node = ? AND type = ? ORDER BY id DESC LIMIT 1")))
        return fail(*m_findLatestTransition, QStringLiteral("prepare"), error);
    return true;
}

void HistoryDatabase::close()
{
    m_insertTransition.reset();
    m_insertNodeEvent.reset();
    m_insertAction.reset();
    m_saveState.reset();
    m_findNodeEvent.reset();
    m_findTransitionAt.reset();
    m_findLatestTransition.reset();
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
    m_open = false;
}

bool HistoryDatabase::loadStates(QHash<QString, NodeHistoryState> *out, QString *error)
{
    out->clear();
    QSqlQuery q = query();
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT node, state FROM node_state")))
        return fail(q, QStringLiteral("node_state"), error);
    // Locations repeat on every node of a rack: share one copy of each (the conditions' words
    // are shared by NodeHistoryState::Condition itself).
    QSet<QString> pool;
    const auto intern = [&pool](QString &s) {
        auto it = pool.constFind(s);
        if (it == pool.constEnd())
            it = pool.insert(s);
        s = *it;
    };
    while (q.next()) {
        NodeHistoryState st;
        // An unreadable state only costs a fresh comparison for that node; the unique index
        // keeps it from duplicating rows.
        if (!NodeHistoryState::deserialize(q.value(1).toByteArray(), &st))
            continue;
        intern(st.location.pool);
        intern(st.location.rack);
        intern(st.location.zone);
        out->insert(q.value(0).toString(), std::move(st));
    }
    return true;
}

bool HistoryDatabase::begin(QString *error)
{
    // IMMEDIATE: the write lock is taken here, waiting (busy timeout) for another process's
    // batch, instead of at the first write, where a stale read snapshot could only fail.
    QSqlQuery q = query();
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        if (error)
            *error =
                tr("history %1: cannot begin a transaction: %2").arg(m_path, q.lastError().text());
        return false;
    }
    return true;
}

bool HistoryDatabase::commit(QString *error)
{
    QSqlQuery q = query();
    if (!q.exec(QStringLiteral("COMMIT"))) {
        if (error)
            *error = tr("history %1: cannot commit: %2").arg(m_path, q.lastError().text());
        return false;
    }
    return true;
}

void HistoryDatabase::rollback()
{
    QSqlQuery q = query();
    q.exec(QStringLiteral("ROLLBACK"));
}

qint64 HistoryDatabase::existingTransition(const TransitionRecord &r, QString *error)
{
    const bool timed = r.transitionTime.isValid();
    QSqlQuery &q = timed ? *m_findTransitionAt : *m_findLatestTransition;
    q.addBindValue(text(r.node));
    q.addBindValue(text(r.type));
    if (timed) {
        q.addBindValue(text(r.newStatus));
        q.addBindValue(ms(r.transitionTime));
    }
    if (!q.exec()) {
        fail(q, QStringLiteral("find transition"), error);
        return -1;
    }
    qint64 id = 0;
    if (q.next()) {
        if (timed)
            id = q.value(0).toLongLong();
        else if (q.value(3).isNull() && q.value(1).toString() == text(r.oldStatus) &&
                 q.value(2).toString() == text(r.newStatus))
            id = q.value(0).toLongLong();
    }
    q.finish(); // the statement is kept: it must not hold its read open meanwhile
    return id;
}

qint64 HistoryDatabase::existingNodeEvent(const NodeEventRecord &r, QString *error)
{
    QSqlQuery &q = *m_findNodeEvent;
    q.addBindValue(text(r.node));
    if (!q.exec()) {
        fail(q, QStringLiteral("find node event"), error);
        return -1;
    }
    qint64 id = 0;
    if (q.next()) {
        const QString kind = r.kind == NodeEventRecord::Kind::Added ? QStringLiteral("added")
                                                                    : QStringLiteral("removed");
        if (q.value(1).toString() == text(r.uid) && q.value(2).toString() == kind)
            id = q.value(0).toLongLong();
    }
    q.finish();
    return id;
}

bool HistoryDatabase::insertTransition(TransitionRecord &r, bool *inserted, QString *error)
{
    if (!r.transitionTime.isValid()) {
        const qint64 existing = existingTransition(r, error);
        if (existing < 0)
            return false;
        if (existing > 0) {
            *inserted = false;
            r.id = existing;
            return true;
        }
    }
    QSqlQuery &q = *m_insertTransition;
    q.addBindValue(text(r.node));
    q.addBindValue(text(r.type));
    q.addBindValue(text(r.category));
    q.addBindValue(text(r.oldStatus));
    q.addBindValue(text(r.newStatus));
    q.addBindValue(int(r.bad));
    q.addBindValue(int(r.opens));
    q.addBindValue(int(r.closes));
    q.addBindValue(int(r.severity));
    q.addBindValue(text(r.reason));
    q.addBindValue(text(r.message));
    q.addBindValue(ms(r.transitionTime));
    q.addBindValue(ms(r.observedTime));
    q.addBindValue(ms(r.eventTime()));
    q.addBindValue(int(r.isolated));
    q.addBindValue(r.acceleratorsOk);
    q.addBindValue(r.acceleratorsTotal);
    q.addBindValue(r.flags);
    if (!q.exec())
        return fail(q, QStringLiteral("insert transition"), error);
    *inserted = q.numRowsAffected() > 0;
    // Already there (another process recorded it first): its id, so it is reported all the same.
    r.id = *inserted ? q.lastInsertId().toLongLong() : existingTransition(r, error);
    return r.id >= 0;
}

bool HistoryDatabase::insertNodeEvent(NodeEventRecord &r, bool *inserted, QString *error)
{
    const qint64 existing = existingNodeEvent(r, error);
    if (existing < 0)
        return false;
    if (existing > 0) {
        *inserted = false;
        r.id = existing;
        return true;
    }
    QSqlQuery &q = *m_insertNodeEvent;
    q.addBindValue(text(r.node));
    q.addBindValue(text(r.uid));
    q.addBindValue(r.kind == NodeEventRecord::Kind::Added ? QStringLiteral("added")
                                                          : QStringLiteral("removed"));
    q.addBindValue(ms(r.eventTime));
    q.addBindValue(ms(r.observedTime));
    if (!q.exec())
        return fail(q, QStringLiteral("insert node event"), error);
    *inserted = q.numRowsAffected() > 0;
    r.id = *inserted ? q.lastInsertId().toLongLong() : 0;
    return true;
}

bool HistoryDatabase::insertAction(ActionRecord &r, QString *error)
{
    QSqlQuery &q = *m_insertAction;
    q.addBindValue(ms(r.time.isValid() ? r.time : QDateTime::currentDateTimeUtc()));
    q.addBindValue(text(r.actor));
    q.addBindValue(text(r.action));
    q.addBindValue(text(r.target));
    q.addBindValue(text(r.result));
    q.addBindValue(text(r.message));
    if (!q.exec())
        return fail(q, QStringLiteral("insert action"), error);
    r.id = q.lastInsertId().toLongLong();
    return true;
}

bool HistoryDatabase::saveState(const QString &node, const NodeHistoryState &state, QString *error)
{
    QSqlQuery &q = *m_saveState;
    q.addBindValue(text(node));
    q.addBindValue(state.removed ? QVariant(state.removedMs)
                                 : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(state.serialize());
    if (!q.exec())
        return fail(q, QStringLiteral("save node state"), error);
    return true;
}

int HistoryDatabase::purgeObservedBefore(const QDateTime &cutoff, QString *error,
                                         qint64 minIntervalMs)
{
    if (!cutoff.isValid())
        return 0;
    const qint64 c = cutoff.toMSecsSinceEpoch();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (minIntervalMs > 0) {
        // At most once per interval per file, whichever process comes first: claim the turn.
        if (!begin(error))
            return -1;
        QSqlQuery q = query();
        q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'retention_at'"));
        if (!q.exec()) {
            fail(q, QStringLiteral("retention"), error);
            rollback();
            return -1;
        }
        const qint64 last = q.next() ? q.value(0).toLongLong() : 0;
        q.finish();
        if (now - last < minIntervalMs) {
            rollback();
            return 0;
        }
        QSqlQuery claim = query();
        claim.prepare(
            QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('retention_at', ?)"));
        claim.addBindValue(now);
        if (!claim.exec() || !commit(error)) {
            fail(claim, QStringLiteral("retention"), error);
            rollback();
            return -1;
        }
    }
    // Small transactions: another process's batch waits for one chunk at the most, never for
    // the whole purge (and never long enough to give up).
    int deleted = 0;
    for (const char *sql :
         {"DELETE FROM transitions WHERE id IN (SELECT id FROM transitions WHERE observed_time < "
          "? LIMIT 500)",
          "DELETE FROM node_events WHERE id IN (SELECT id FROM node_events WHERE observed_time < "
          "? LIMIT 500)",
          "DELETE FROM actions WHERE id IN (SELECT id FROM actions WHERE time < ? LIMIT 500)",
          "DELETE FROM node_state WHERE node IN (SELECT node FROM node_state WHERE removed_at IS "
          "NOT NULL AND removed_at < ? LIMIT 500)"}) {
        for (;;) {
            if (!begin(error))
                return -1;
            QSqlQuery q = query();
            q.prepare(QLatin1String(sql));
            q.addBindValue(c);
            if (!q.exec()) {
                fail(q, QStringLiteral("retention"), error);
                rollback();
                return -1;
            }
            const int n = std::max(0, q.numRowsAffected());
            if (!commit(error)) {
                rollback();
                return -1;
            }
            deleted += n;
            if (n == 0)
                break;
        }
    }
    if (deleted > 0)
        exec(QStringLiteral("PRAGMA incremental_vacuum"), nullptr);
    return deleted;
}

std::vector<HistoryEvent> HistoryDatabase::timeline(const QString &node, const QDateTime &from,
                                                    const QDateTime &to, int limit, QString *error)
{
    std::vector<HistoryEvent> out;
    QSqlQuery q = query();
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT * FROM ("
        " SELECT 0 AS kind, id, event_time AS t, observed_time, node, type, category, old_status,"
        "  new_status, bad, opens, closes, severity, reason, message, '' AS actor, flags"
        "  FROM transitions WHERE node = ? AND event_time >= ? AND event_time < ?"
        " UNION ALL"
        " SELECT CASE kind WHEN 'added' THEN 1 ELSE 2 END, id, event_time, observed_time, node, "
        "'', '',"
        "  '', '', 0, 0, 0, 0, '', '', uid, 0"
        "  FROM node_events WHERE node = ? AND event_time >= ? AND event_time < ?"
        " UNION ALL"
        " SELECT 3, id, time, time, target, action, '', '', result, 0, 0, 0, 0, '', message, "
        "actor, 0"
        "  FROM actions WHERE target = ? AND time >= ? AND time < ?"
        ") ORDER BY t DESC, kind DESC, id DESC LIMIT ?"));
    for (int i = 0; i < 3; ++i) {
        q.addBindValue(node);
        q.addBindValue(lowerBound(from));
        q.addBindValue(upperBound(to));
    }
    q.addBindValue(limit > 0 ? limit : -1);
    if (!q.exec()) {
        fail(q, QStringLiteral("timeline"), error);
        return out;
    }
    while (q.next()) {
        HistoryEvent e;
        e.kind = eventKind(q.value(0).toInt());
        e.id = q.value(1).toLongLong();
        e.time = fromMs(q.value(2));
        e.observedTime = fromMs(q.value(3));
        e.node = q.value(4).toString();
        e.type = q.value(5).toString();
        e.category = q.value(6).toString();
        e.oldStatus = q.value(7).toString();
        e.newStatus = q.value(8).toString();
        e.bad = q.value(9).toBool();
        e.opens = q.value(10).toBool();
        e.closes = q.value(11).toBool();
        e.severity = Severity(q.value(12).toInt());
        e.reason = q.value(13).toString();
        e.message = q.value(14).toString();
        e.actor = q.value(15).toString();
        e.flags = q.value(16).toInt();
        out.push_back(std::move(e));
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<FaultTypeStats> HistoryDatabase::faultStats(const QDateTime &from, const QDateTime &to,
                                                        QString *error)
{
    std::vector<FaultTypeStats> out;
    QSqlQuery q = query();
    q.setForwardOnly(true);
    // A fault episode runs from a row that opens it to the next row of the same node and type
    // that closes it; another opening row first means it ended unseen (not counted as recovered).
    q.prepare(QStringLiteral(
        "WITH e AS ("
        " SELECT node, type, category, severity, event_time, opens,"
        "  LEAD(closes) OVER w AS next_closes, LEAD(event_time) OVER w AS next_time"
        " FROM transitions WHERE (opens = 1 OR closes = 1) AND event_time >= ?"
        " WINDOW w AS (PARTITION BY node, type ORDER BY event_time, id))"
        " SELECT type, MAX(category), MAX(severity), COUNT(*), COUNT(DISTINCT node),"
        "  SUM(CASE WHEN next_closes = 1 THEN 1 ELSE 0 END),"
        "  AVG(CASE WHEN next_closes = 1 THEN next_time - event_time END)"
        " FROM e WHERE opens = 1 AND event_time < ? GROUP BY type ORDER BY COUNT(*) DESC, type"));
    q.addBindValue(lowerBound(from));
    q.addBindValue(upperBound(to));
    if (!q.exec()) {
        fail(q, QStringLiteral("fault statistics"), error);
        return out;
    }
    while (q.next()) {
        FaultTypeStats s;
        s.type = q.value(0).toString();
        s.category = q.value(1).toString();
        s.severity = Severity(q.value(2).toInt());
        s.faults = q.value(3).toInt();
        s.nodes = q.value(4).toInt();
        s.recovered = q.value(5).toInt();
        s.meanSecondsToRecover = q.value(6).isNull() ? -1 : q.value(6).toDouble() / 1000.0;
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<NodeFaultCount> HistoryDatabase::topNodes(const QDateTime &from, const QDateTime &to,
                                                      int limit, QString *error)
{
    std::vector<NodeFaultCount> out;
    QSqlQuery q = query();
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT node, COUNT(*), MAX(event_time) FROM transitions"
                             " WHERE opens = 1 AND event_time >= ? AND event_time < ?"
                             " GROUP BY node ORDER BY COUNT(*) DESC, node LIMIT ?"));
    q.addBindValue(lowerBound(from));
    q.addBindValue(upperBound(to));
    q.addBindValue(limit > 0 ? limit : -1);
    if (!q.exec()) {
        fail(q, QStringLiteral("top nodes"), error);
        return out;
    }
    while (q.next())
        out.push_back({q.value(0).toString(), q.value(1).toInt(), fromMs(q.value(2))});
    return out;
}

std::vector<FaultEpisode> HistoryDatabase::episodes(const QDateTime &from, const QDateTime &to,
                                                    QString *error)
{
    std::vector<FaultEpisode> out;
    QSqlQuery q = query();
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("WITH e AS ("
                       " SELECT id, node, type, category, new_status, severity, reason, message, "
                       "event_time, isolated,"
                       "  accelerators_ok, accelerators_total, opens,"
                       "  LEAD(closes) OVER w AS next_closes, LEAD(event_time) OVER w AS next_time"
                       " FROM transitions WHERE (opens = 1 OR closes = 1) AND event_time < ?"
                       " WINDOW w AS (PARTITION BY node, type ORDER BY event_time, id))"
                       " SELECT e.node, type, category, severity, new_status, reason, message, "
                       "event_time, next_time,"
                       "  next_closes, isolated, accelerators_ok, accelerators_total, s.state"
                       " FROM e LEFT JOIN node_state s ON s.node = e.node"
                       " WHERE opens = 1 AND (next_time IS NULL OR next_time >= ?)"
                       " ORDER BY event_time, e.node, type, id"));
    q.addBindValue(upperBound(to));
    q.addBindValue(lowerBound(from));
    if (!q.exec()) {
        fail(q, QStringLiteral("fault episodes"), error);
        return out;
    }
    QHash<QString, NodeLocation> locations; // a node's state is read once, not once per fault
    QSqlQuery state = query();
    state.prepare(QStringLiteral("SELECT state FROM node_state WHERE node = ?"));
    while (q.next()) {
        FaultEpisode e;
        e.node = q.value(0).toString();
        e.type = q.value(1).toString();
        e.category = q.value(2).toString();
        e.severity = Severity(q.value(3).toInt());
        e.status = q.value(4).toString();
        e.reason = q.value(5).toString();
        e.message = q.value(6).toString();
        e.since = fromMs(q.value(7));
        e.ended = !q.value(8).isNull();
        if (e.ended && q.value(9).toInt() == 1)
            e.until = fromMs(q.value(8));
        e.isolated = q.value(10).toBool();
        e.acceleratorsOk = q.value(11).toInt();
        e.acceleratorsTotal = q.value(12).toInt();
        auto loc = locations.constFind(e.node);
        if (loc == locations.constEnd()) {
            NodeHistoryState st;
            state.addBindValue(e.node);
            if (state.exec() && state.next())
                NodeHistoryState::deserialize(state.value(0).toByteArray(), &st);
            state.finish();
            loc = locations.insert(e.node, st.location);
        }
        e.pool = loc->pool;
        e.rack = loc->rack;
        e.zone = loc->zone;
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<ActionRecord> HistoryDatabase::actions(const QDateTime &from, const QDateTime &to,
                                                   QString *error)
{
    std::vector<ActionRecord> out;
    QSqlQuery q = query();
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, time, actor, action, target, result, message FROM actions"
                             " WHERE time >= ? AND time < ? ORDER BY time, id"));
    q.addBindValue(lowerBound(from));
    q.addBindValue(upperBound(to));
    if (!q.exec()) {
        fail(q, QStringLiteral("actions"), error);
        return out;
    }
    while (q.next())
        out.push_back({q.value(0).toLongLong(), fromMs(q.value(1)), q.value(2).toString(),
                       q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                       q.value(6).toString()});
    return out;
}

qint64 HistoryDatabase::count(const QString &table, QString *error)
{
    static const QStringList tables{QStringLiteral("transitions"), QStringLiteral("node_events"),
                                    QStringLiteral("actions"), QStringLiteral("node_state")};
    if (!tables.contains(table)) {
        if (error)
            *error = tr("history %1: no table %2").arg(m_path, table);
        return -1;
    }
    QSqlQuery q = query();
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !q.next()) {
        fail(q, table, error);
        return -1;
    }
    return q.value(0).toLongLong();
}

QString HistoryDatabase::integrityCheck()
{
    QSqlQuery q = query();
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return q.lastError().text();
    QStringList lines;
    while (q.next())
        lines << q.value(0).toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace models

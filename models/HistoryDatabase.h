#pragma once

#include "models/HistoryRecords.h"
#include "models/TransitionDetector.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

#include <memory>

namespace models {

// The fault history's SQLite file (Qt Sql, QSQLITE): schema, durability settings, inserts,
// retention and the queries. Not thread-safe: a connection belongs to the thread that opened
// it, so FaultHistory keeps one on its writer thread. Usable directly by tools and tests.
//
// Durability: WAL journal; synchronous=FULL by default, so a commit is on disk when commit()
// returns (NORMAL survives a killed process too, but may lose the last commits on power loss).
class HistoryDatabase
{
    Q_DECLARE_TR_FUNCTIONS(HistoryDatabase)

public:
    enum class Synchronous { Normal, Full };
    // 2: indexes for deduplicating rows without a transition time and for retention; meta.
    static constexpr int SchemaVersion = 2;

    explicit HistoryDatabase(const QString &path, Synchronous sync = Synchronous::Full);
    ~HistoryDatabase();
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    // Creates the folder, the file and the schema as needed. False with `error` naming the file.
    bool open(QString *error);
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    void close();

    bool loadStates(QHash<QString, NodeHistoryState> *out, QString *error);

    // Writing: inside begin()/commit(), one transaction per batch.
    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();
    // Sets r.id (the existing row's when it was already there); `inserted` is false when it
    // was: same node, type, status and lastTransitionTime; without a transition time, the
    // node's latest row of that type already records the same change; for node events, the
    // node's latest event is the same (uid and kind). Several processes may share one file.
    bool insertTransition(TransitionRecord &r, bool *inserted, QString *error);
    bool insertNodeEvent(NodeEventRecord &r, bool *inserted, QString *error);
    bool insertAction(ActionRecord &r, QString *error);
    bool saveState(const QString &node, const NodeHistoryState &state, QString *error);

    // Retention: deletes rows observed before `cutoff` and forgets nodes removed before it, in
    // small transactions. With `minIntervalMs`, does nothing when any process ran it on this file
    // less than that long ago. Returns the number of rows deleted, or -1.
    int purgeObservedBefore(const QDateTime &cutoff, QString *error, qint64 minIntervalMs = 0);

    // Queries. Ranges are [from, to); an invalid bound is open.
    std::vector<HistoryEvent> timeline(const QString &node, const QDateTime &from,
                                       const QDateTime &to, int limit, QString *error);
    std::vector<FaultTypeStats> faultStats(const QDateTime &from, const QDateTime &to,
                                           QString *error);
    std::vector<NodeFaultCount> topNodes(const QDateTime &from, const QDateTime &to, int limit,
                                         QString *error);
    // Faults active at any time in [from, to): `until` is filled when they ended before `to`.
    std::vector<FaultEpisode> episodes(const QDateTime &from, const QDateTime &to, QString *error);
    std::vector<ActionRecord> actions(const QDateTime &from, const QDateTime &to, QString *error);

    qint64 count(const QString &table, QString *error);
    // "ok" when PRAGMA integrity_check finds nothing wrong.
    QString integrityCheck();

private:
    bool configure(QString *error);
    bool exec(const QString &sql, QString *error);
    bool fail(const QSqlQuery &q, const QString &what, QString *error) const;
    QSqlQuery query() const;
    // The id of the row `r` duplicates, 0 when none, -1 on error.
    qint64 existingTransition(const TransitionRecord &r, QString *error);
    qint64 existingNodeEvent(const NodeEventRecord &r, QString *error);

    QString m_path;
    QString m_connection;
    Synchronous m_sync;
    bool m_open = false;
    std::unique_ptr<QSqlQuery> m_insertTransition;
    std::unique_ptr<QSqlQuery> m_insertNodeEvent;
    std::unique_ptr<QSqlQuery> m_insertAction;
    std::unique_ptr<QSqlQuery> m_saveState;
    // Asked before every insert without a time of its own (a list's first sight of each node):
    // prepared once, not parsed again for each of 65,000 nodes.
    std::unique_ptr<QSqlQuery> m_findNodeEvent;
    std::unique_ptr<QSqlQuery> m_findTransitionAt;
    std::unique_ptr<QSqlQuery> m_findLatestTransition;
};

} // namespace models

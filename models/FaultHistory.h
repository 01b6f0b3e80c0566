#pragma once

#include "models/Classifier.h"
#include "models/HistoryDatabase.h"
#include "models/HistoryRecords.h"
#include "models/LocationLabels.h"
#include "models/NodeStore.h"

#include <QFuture>
#include <QMutex>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

namespace models {

class FaultHistoryWorker;

// The persistent fault history of one cluster: every fault transition, node added/removed and
// operator action, in a SQLite file (see HistoryDatabase). Fed from NodeStore::nodesChanged.
//
// Nothing here blocks the GUI thread: recording only queues the changed node pointers; a writer
// thread compares them with the recorded state and writes all batches queued meanwhile in one
// transaction. Queries run on the same thread, after every write queued before them, and answer
// through a QFuture, so they always see what was recorded before they were asked.
class FaultHistory : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString path;            // the SQLite file; see defaultPath()
        int retentionDays = 180; // rows observed longer ago are deleted; 0 keeps everything
        HistoryDatabase::Synchronous synchronous = HistoryDatabase::Synchronous::Full;
        LocationLabels locationLabels;
        int retentionIntervalMs = 6 * 3600 * 1000; // how often retention runs while open
    };

    FaultHistory(const Classifier &classifier, Options options, QObject *parent = nullptr);
    // Finishes the queued writes (on shutdown), then closes the file.
    ~FaultHistory() override;

    // One file per cluster in the user's data folder, named after the server URL and context:
    // <AppDataLocation>/history/<context>-<hash>.sqlite (FAULTBOARD_HISTORY_DIR overrides the
    // folder).
    static QString defaultPath(const QUrl &server, const QString &context);

    // Opens the file and loads the recorded node states, on the writer thread; emits opened().
    void open();
    bool isOpen() const { return m_open; }
    QString path() const { return m_options.path; }
    QString lastError() const { return m_lastError; }
    const Options &options() const { return m_options; }

    // Recording, in order. Safe to call before open() finished: the work waits for it.
    void recordChanges(const std::vector<models::NodeChange> &changes);
    // Nodes the history knows but a fresh full list no longer has were removed while away.
    void reconcile(const QStringList &presentNodes);
    void recordAction(const models::ActionRecord &action);
    void setClassifier(const Classifier &classifier);

    // Retention.
    void setRetentionDays(int days);
    QFuture<HistoryResult<int>> purgeObservedBefore(const QDateTime &cutoff);

    // Queries ([from, to); invalid bounds are open).
    QFuture<HistoryResult<std::vector<HistoryEvent>>> timeline(const QString &node,
                                                               const QDateTime &from = {},
                                                               const QDateTime &to = {},
                                                               int limit = 1000);
    QFuture<HistoryResult<std::vector<FaultTypeStats>>> faultStats(const QDateTime &from,
                                                                   const QDateTime &to);
    QFuture<HistoryResult<std::vector<NodeFaultCount>>>
    topNodes(const QDateTime &from, const QDateTime &to, int limit = 20);
    QFuture<HistoryResult<std::vector<FaultEpisode>>> episodes(const QDateTime &from,
                                                               const QDateTime &to);
    QFuture<HistoryResult<std::vector<ActionRecord>>> actions(const QDateTime &from,
                                                              const QDateTime &to);
    QFuture<HistoryResult<qint64>> count(const QString &table);
    // Resolves when everything queued before it is committed.
    QFuture<HistoryResult<bool>> flush();
    // Runs any function on the writer thread with the open database (tools, tests).
    QFuture<HistoryResult<QString>> run(std::function<QString(HistoryDatabase &)> fn);

signals:
    void opened(bool ok, const QString &error);
    // After each committed write transaction (or a rolled back one: result.error is set).
    void written(const models::HistoryWriteResult &result);
    void failed(const QString &error);

private:
    friend class FaultHistoryWorker;
    void enqueue(bool write, std::function<void(FaultHistoryWorker &)> job);
    template <typename T>
    QFuture<HistoryResult<T>> ask(std::function<T(HistoryDatabase &, QString *)> fn);
    void applyRetention();

    Options m_options;
    QThread m_thread;
    FaultHistoryWorker *m_worker = nullptr; // lives on m_thread
    bool m_open = false;
    QString m_lastError;
    QTimer m_retentionTimer;

    struct Job
    {
        bool write;
        std::function<void(FaultHistoryWorker &)> run;
    };
    QMutex m_mutex; // guards m_jobs and m_drainPosted
    std::deque<Job> m_jobs;
    bool m_drainPosted = false;
};

} // namespace models

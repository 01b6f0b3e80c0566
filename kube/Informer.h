#pragma once

#include "kube/ApiError.h"
#include "kube/Backoff.h"
#include "kube/FrameSplitter.h"
#include "kube/KubeObject.h"
#include "kube/ObjectCodec.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

namespace kube {

class ApiClient;
class ApiCall;
class ApiStream;

// A list-then-watch informer for one resource, as client-go's reflector does it: a paginated
// list, then a watch from the list's resourceVersion with bookmarks; a dropped stream resumes
// from the last seen resourceVersion; a 410 Expired relists and emits deletions for objects that
// vanished meanwhile; failures back off exponentially with jitter. Decoding runs on a worker
// thread, in order; the owner's thread only receives finished batches of deltas.
class Informer : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Idle,       // not started
        Connecting, // first list in progress or failing for the first time
        Synced,     // listed, and the watch is open or being reopened at once
        Stale,      // listed once, but the watch is broken: the picture may be out of date
        Failed,     // never listed successfully; retrying (see stateReason())
    };
    Q_ENUM(State)

    struct Options
    {
        QString path = QStringLiteral("/api/v1/nodes");
        QString what = QStringLiteral("nodes"); // for messages: "list nodes"
        QString labelSelector;
        QString fieldSelector;
        int pageSize = 500;
        // A watch that moves no byte for this long is taken for dead (a dropped VPN, a load
        // balancer that forgot the flow): Stale, new connections, resume. Each watch asks the
        // server to end it well before (timeoutSeconds in [0.5, 0.8] of this), so a live but
        // quiet watch always ends cleanly first, whether or not the server sends bookmarks.
        int inactivityTimeoutMs = DefaultInactivityTimeoutMs;
        // The first list (and relists) read from the API server's watch cache
        // (resourceVersion=0) instead of a quorum read from etcd, as client-go's reflector does;
        // a server without a cache answers from etcd anyway.
        bool listFromWatchCache = true;
        // No byte of a list's page for this long fails it. A watch-cache list that takes longer
        // (at 65,000 nodes a loaded kube-apiserver 1.20 serializes the whole list before its
        // first byte, and its own --request-timeout is 60 s too) is listed from etcd in pages.
        int listTimeoutMs = 60000;
        // Watch events read and not yet applied by the owner's thread, at most (then one read
        // more, and a frame): beyond it the watch is not read, and the server waits. In a fault
        // storm the events come faster than a busy GUI thread applies them.
        qsizetype maxPendingWatchBytes = 16 << 20;
    };
    static constexpr int DefaultInactivityTimeoutMs = 45000;

    Informer(ApiClient *client, std::shared_ptr<const ObjectCodec> codec, Options options,
             QObject *parent = nullptr);
    ~Informer() override;

    void start();
    void stop();

    State state() const { return m_state; }
    QString stateReason() const { return m_stateReason; }
    QDateTime stateSince() const { return m_stateSince; }
    bool hasSynced() const { return m_hasSynced; }
    // The failure that put the informer into Stale or Failed (none once it is Synced again): its
    // kind and HTTP code say whether retrying can help (a 403 cannot).
    ApiError lastError() const { return m_lastError; }
    QString resourceVersion() const { return m_resourceVersion; }
    qsizetype size() const { return m_cache.size(); }
    ObjectPtr object(const QString &key) const { return m_cache.value(key); }

    Backoff &backoff() { return m_backoff; }

    // Counters for diagnostics and tests: how many lists and watches were started.
    int listCount() const { return m_listCount; }
    // The resourceVersion the latest list asked for ("0": the watch cache; "": etcd).
    QString lastListResourceVersion() const { return m_lastListFrom; }
    int watchCount() const { return m_watchCount; }
    // Batches the latest list's answers were decoded in while they streamed in (0: decoded whole).
    int lastListBatches() const { return m_listBatches; }
    QString lastWatchResourceVersion() const { return m_lastWatchFrom; }
    // The most watch-event bytes that were read and not yet applied at once, and how often the
    // watch stopped being read for it.
    qsizetype watchPeakPendingBytes() const { return m_watchPeakPendingBytes; }
    int watchPauses() const { return m_watchPauses; }

signals:
    void deltas(const kube::DeltaBatch &batch);
    void synced();
    void stateChanged(kube::Informer::State state, const QString &reason);
    // A failure is retried after `delayMs` (exponential backoff with jitter, capped).
    void retryScheduled(int delayMs, const kube::ApiError &error);

private:
    void setState(State state, const QString &reason = {});
    void beginList();
    void requestPage(const QString &continueToken);
    // A part of a list answer, decoded: items of a streamed batch, or a whole page (endOfPage:
    // with the page's continue token or resourceVersion).
    struct ListPiece
    {
        DecodedList list;
        bool endOfPage = false;
    };
    void queueBatches(quint64 generation, bool all,
                      const std::shared_ptr<ListStreamDecoder> &stream);
    void onPiece(quint64 generation, quint64 seq, ListPiece piece);
    void finishList();
    void beginWatch();
    void onWatchData(const QByteArray &data);
    void onWatchEvents(quint64 generation, std::vector<WatchEvent> events);
    void onWatchFinished(const ApiError &error);
    // Every failure goes here: one retry, after the backoff, whatever else was pending.
    void retryLater(const ApiError &error, bool relist);
    void closeStream();
    // Runs `then` on this thread after every decode already queued has been applied.
    void afterPendingDecodes(std::function<void()> then);

    QPointer<ApiClient> m_client;
    std::shared_ptr<const ObjectCodec> m_codec;
    Options m_options;

    State m_state = State::Idle;
    QString m_stateReason;
    ApiError m_lastError;
    QDateTime m_stateSince;
    bool m_hasSynced = false;
    bool m_running = false;

    QHash<QString, ObjectPtr> m_cache;
    QSet<QString> m_seenInList;
    QString m_resourceVersion;

    QPointer<ApiCall> m_listCall;
    QPointer<ApiStream> m_stream;
    FrameSplitter m_splitter;
    QElapsedTimer m_streamAge;
    int m_streamEvents = 0;
    int m_streamTimeoutMs = 0;
    bool m_quorumList = false; // the watch cache refused resourceVersion=0: read from etcd

    QThreadPool m_decodePool; // one thread: decodes finish in the order they were queued
    QThreadPool m_listPool;   // list batches, in parallel; applied in order through m_pieces
    std::shared_ptr<ListStreamDecoder> m_pageStream; // the list answer streaming in, if split
    QByteArray m_pageBody;                           // or the answer itself, decoded whole
    std::map<quint64, ListPiece> m_pieces;           // decoded, waiting for the ones before them
    quint64 m_nextPiece = 0;
    quint64 m_nextApply = 0;
    qsizetype m_decodingBytes = 0; // of list batches queued or being decoded
    qsizetype m_watchDecodingBytes = 0; // of watch events read and not yet applied
    qsizetype m_watchPeakPendingBytes = 0;
    int m_watchPauses = 0;
    static constexpr qsizetype MaxDecodingBytes = 16 << 20;
    quint64 m_generation = 0; // bumped on stop/relist: late results of older rounds are dropped
    Backoff m_backoff;
    QTimer m_retryTimer;
    std::function<void()> m_retryAction;

    int m_listCount = 0;
    int m_watchCount = 0;
    int m_listBatches = 0;
    QString m_lastWatchFrom;
    QString m_lastListFrom;
};

} // namespace kube

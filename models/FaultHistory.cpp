#include "models/FaultHistory.h"

#include "kube/BackgroundThread.h"
#include "models/TransitionDetector.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QPromise>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QUrl>

namespace models {

// Lives on the history's writer thread and owns everything used there: the database
// connection, the recorded node states and the transition detector.
class FaultHistoryWorker : public QObject
{
public:
    FaultHistoryWorker(FaultHistory *owner, const Classifier &classifier,
                       const FaultHistory::Options &options)
        : db(options.path, options.synchronous)
        , detector(classifier, options.locationLabels)
        , labels(options.locationLabels)
        , m_owner(owner)
    {}

    void drain();
    void openDatabase();
    void applyChanges(const std::vector<NodeChange> &changes, const QDateTime &observed);
    void reconcile(const QStringList &present, const QDateTime &observed);
    void insertAction(ActionRecord action);

    QString notOpenError() const
    {
        return openError.isEmpty() ? FaultHistory::tr("the history %1 is not open").arg(db.path())
                                   : openError;
    }

    HistoryDatabase db;
    TransitionDetector detector;
    LocationLabels labels;
    QHash<QString, NodeHistoryState> states;
    QString openError;

private:
    void beginBatch();
    void endBatch();
    bool store(TransitionDetector::Output &out);
    void saveState(const QString &node, NodeHistoryState &&state);
    void post(std::function<void(FaultHistory &)> fn);
    static HistoryEvent observedEvent(const TransitionRecord &t);

    FaultHistory *m_owner;
    bool m_inBatch = false;
    QString m_batchError;
    HistoryWriteResult m_result;
    QSet<QString> m_touched;
    QElapsedTimer m_batchTimer;
};

HistoryEvent FaultHistoryWorker::observedEvent(const TransitionRecord &t)
{
    HistoryEvent e;
    e.kind = HistoryEvent::Kind::Transition;
    e.id = t.id;
    e.time = t.eventTime();
    e.observedTime = t.observedTime;
    e.node = t.node;
    e.type = t.type;
    e.category = t.category;
    e.oldStatus = t.oldStatus;
    e.newStatus = t.newStatus;
    e.bad = t.bad;
    e.opens = t.opens;
    e.closes = t.closes;
    e.severity = t.severity;
    e.reason = t.reason;
    e.message = t.message;
    e.flags = t.flags;
    return e;
}

void FaultHistoryWorker::post(std::function<void(FaultHistory &)> fn)
{
    FaultHistory *owner = m_owner;
    QMetaObject::invokeMethod(
        owner, [owner, fn = std::move(fn)] { fn(*owner); }, Qt::QueuedConnection);
}

void FaultHistoryWorker::drain()
{
    for (;;) {
        std::deque<FaultHistory::Job> jobs;
        {
            QMutexLocker lock(&m_owner->m_mutex);
            jobs.swap(m_owner->m_jobs);
            if (jobs.empty()) {
                m_owner->m_drainPosted = false;
                return;
            }
        }
        // Consecutive writes share one transaction: a watch storm queued while the previous
        // commit was syncing becomes one commit.
        for (std::size_t i = 0; i < jobs.size();) {
            if (!jobs[i].write) {
                jobs[i++].run(*this);
                continue;
            }
            beginBatch();
            while (i < jobs.size() && jobs[i].write)
                jobs[i++].run(*this);
            endBatch();
        }
    }
}

void FaultHistoryWorker::openDatabase()
{
    QString error;
    bool ok = db.open(&error) && db.loadStates(&states, &error);
    if (!ok) {
        db.close();
        openError = error;
    }
    post([ok, error](FaultHistory &h) {
        h.m_open = ok;
        h.m_lastError = error;
        emit h.opened(ok, error);
        if (!ok)
            emit h.failed(error);
    });
}

void FaultHistoryWorker::beginBatch()
{
    m_batchTimer.start();
    m_result = HistoryWriteResult();
    m_touched.clear();
    m_batchError.clear();
    m_inBatch = false;
    if (!db.isOpen())
        return;
    // Another process holding the file past the busy timeout delays this batch; it never drops
    // it (retention there runs in small transactions, so this is rare).
    for (int attempt = 0; attempt < 12 && !m_inBatch; ++attempt) {
        m_batchError.clear();
        m_inBatch = db.begin(&m_batchError);
    }
}

void FaultHistoryWorker::endBatch()
{
    if (!db.isOpen())
        return; // nothing can be written; open() already reported why
    if (m_inBatch && m_batchError.isEmpty() && !db.commit(&m_batchError))
        db.rollback();
    else if (m_inBatch && !m_batchError.isEmpty())
        db.rollback();
    m_inBatch = false;
    if (!m_batchError.isEmpty()) {
        // The in-memory states ran ahead of the rolled back rows: reread what was committed.
        QString reloadError;
        db.loadStates(&states, &reloadError);
        m_result = HistoryWriteResult();
        m_result.error = m_batchError;
    } else if (m_result.transitions + m_result.nodeEvents + m_result.actions == 0 &&
               m_result.observed.empty()) {
        return;
    }
    m_result.nodes = QStringList(m_touched.begin(), m_touched.end());
    m_result.elapsedMicroseconds = m_batchTimer.nsecsElapsed() / 1000;
    post([r = m_result](FaultHistory &h) {
        if (!r.error.isEmpty()) {
            h.m_lastError = r.error;
            emit h.failed(r.error);
        }
        emit h.written(r);
    });
}

bool FaultHistoryWorker::store(TransitionDetector::Output &out)
{
    if (!m_inBatch || !m_batchError.isEmpty())
        return false;
    for (NodeEventRecord &ev : out.nodeEvents) {
        bool inserted = false;
        if (!db.insertNodeEvent(ev, &inserted, &m_batchError))
            return false;
        if (inserted) {
            ++m_result.nodeEvents;
            m_touched.insert(ev.node);
        }
    }
    for (TransitionRecord &t : out.transitions) {
        bool inserted = false;
        if (!db.insertTransition(t, &inserted, &m_batchError))
            return false;
        m_result.observed.push_back(observedEvent(t));
        if (inserted) {
            if (m_result.transitions++ == 0)
                m_result.firstTransitionId = t.id;
            m_result.lastTransitionId = t.id;
            m_touched.insert(t.node);
        }
    }
    return true;
}

void FaultHistoryWorker::saveState(const QString &node, NodeHistoryState &&state)
{
    if (m_inBatch && m_batchError.isEmpty())
        db.saveState(node, state, &m_batchError);
    states.insert(node, std::move(state));
}

void FaultHistoryWorker::applyChanges(const std::vector<NodeChange> &changes,
                                      const QDateTime &observed)
{
    if (!m_inBatch)
        return;
    for (const NodeChange &c : changes) {
        TransitionDetector::Output out;
        NodeHistoryState next;
        const kube::NodePtr &node = c.after ? c.after : c.before;
        if (!node)
            continue;
        auto it = states.constFind(node->name);
        const NodeHistoryState *known = it == states.constEnd() ? nullptr : &*it;
        const bool changed = c.after ? detector.nodeSeen(known, *c.after, observed, &next, &out)
                                     : detector.nodeGone(known, node->name, node->deletionTimestamp,
                                                         observed, &next, &out);
        if (!store(out))
            return;
        if (changed)
            saveState(node->name, std::move(next));
    }
}

void FaultHistoryWorker::reconcile(const QStringList &present, const QDateTime &observed)
{
    if (!m_inBatch)
        return;
    const QSet<QString> here(present.begin(), present.end());
    QStringList gone;
    for (auto it = states.constBegin(); it != states.constEnd(); ++it)
        if (!it->removed && !here.contains(it.key()))
            gone << it.key();
    for (const QString &name : gone) {
        TransitionDetector::Output out;
        NodeHistoryState next;
        if (detector.nodeGone(&states[name], name, QDateTime(), observed, &next, &out)) {
            if (!store(out))
                return;
            saveState(name, std::move(next));
        }
    }
}

void FaultHistoryWorker::insertAction(ActionRecord action)
{
    if (!m_inBatch || !m_batchError.isEmpty())
        return;
    if (db.insertAction(action, &m_batchError)) {
        ++m_result.actions;
        m_touched.insert(action.target);
    }
}

FaultHistory::FaultHistory(const Classifier &classifier, Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_thread.setObjectName(QStringLiteral("FaultHistory"));
    m_worker = new FaultHistoryWorker(this, classifier, m_options);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    // Writing history never holds up the window: it yields the CPU to the GUI thread.
    QMetaObject::invokeMethod(m_worker, [] { kube::markBackgroundThread(); });
    m_retentionTimer.setInterval(m_options.retentionIntervalMs);
    connect(&m_retentionTimer, &QTimer::timeout, this, &FaultHistory::applyRetention);
    connect(this, &FaultHistory::opened, this, [this](bool ok) {
        if (!ok)
            return;
        applyRetention();
        m_retentionTimer.start();
    });
}

FaultHistory::~FaultHistory()
{
    // Behind every queued job: write what is pending, close the connection on its own thread,
    // hand the worker back for deletion and stop.
    QThread *home = thread();
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, home] {
            w->drain();
            w->db.close();
            w->moveToThread(home);
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
    delete m_worker;
}

QString FaultHistory::defaultPath(const QUrl &server, const QString &context)
{
    QString dir = qEnvironmentVariable("FAULTBOARD_HISTORY_DIR");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
              QStringLiteral("/history");
    QUrl url = server.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash |
                               QUrl::NormalizePathSegments);
    if (url.path() == QLatin1String("/"))
        url.setPath(QString());
    const QString identity = url.toString() + QLatin1Char('\n') + context;
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    QString name = QString(context).replace(unsafe, QStringLiteral("_")).left(48);
    if (name.isEmpty())
        name = QStringLiteral("cluster");
    return dir + QLatin1Char('/') + name + QLatin1Char('-') + hash + QStringLiteral(".sqlite");
}

void FaultHistory::enqueue(bool write, std::function<void(FaultHistoryWorker &)> job)
{
    bool post = false;
    {
        QMutexLocker lock(&m_mutex);
        m_jobs.push_back({write, std::move(job)});
        post = !m_drainPosted;
        m_drainPosted = true;
    }
    if (post)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker] { w->drain(); }, Qt::QueuedConnection);
}

void FaultHistory::open()
{
    enqueue(false, [](FaultHistoryWorker &w) { w.openDatabase(); });
}

void FaultHistory::recordChanges(const std::vector<NodeChange> &changes)
{
    if (changes.empty())
        return;
    enqueue(true, [changes, observed = QDateTime::currentDateTimeUtc()](FaultHistoryWorker &w) {
        w.applyChanges(changes, observed);
    });
}

void FaultHistory::reconcile(const QStringList &presentNodes)
{
    enqueue(true, [presentNodes, observed = QDateTime::currentDateTimeUtc()](
                      FaultHistoryWorker &w) { w.reconcile(presentNodes, observed); });
}

void FaultHistory::recordAction(const ActionRecord &action)
{
    ActionRecord a = action;
    if (!a.time.isValid())
        a.time = QDateTime::currentDateTimeUtc();
    enqueue(true, [a](FaultHistoryWorker &w) { w.insertAction(a); });
}

void FaultHistory::setClassifier(const Classifier &classifier)
{
    enqueue(false, [classifier](FaultHistoryWorker &w) {
        w.detector = TransitionDetector(classifier, w.labels);
    });
}

void FaultHistory::setRetentionDays(int days)
{
    m_options.retentionDays = days;
    // The operator just chose it: now, whatever the interval.
    if (m_open && days > 0)
        purgeObservedBefore(QDateTime::currentDateTimeUtc().addDays(-days));
}

void FaultHistory::applyRetention()
{
    if (m_options.retentionDays <= 0)
        return;
    // Every process sharing the file opens it and runs this timer: the file says whether it
    // is anyone's turn.
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-m_options.retentionDays);
    const qint64 interval = m_options.retentionIntervalMs;
    ask<int>([cutoff, interval](HistoryDatabase &db, QString *error) {
        return db.purgeObservedBefore(cutoff, error, interval);
    });
}

template <typename T>
QFuture<HistoryResult<T>> FaultHistory::ask(std::function<T(HistoryDatabase &, QString *)> fn)
{
    auto promise = std::make_shared<QPromise<HistoryResult<T>>>();
    QFuture<HistoryResult<T>> future = promise->future();
    promise->start();
    enqueue(false, [promise, fn = std::move(fn)](FaultHistoryWorker &w) {
        HistoryResult<T> r;
        if (!w.db.isOpen())
            r.error = w.notOpenError();
        else
            r.value = fn(w.db, &r.error);
        promise->addResult(std::move(r));
        promise->finish();
    });
    return future;
}

QFuture<HistoryResult<int>> FaultHistory::purgeObservedBefore(const QDateTime &cutoff)
{
    return ask<int>([cutoff](HistoryDatabase &db, QString *error) {
        return db.purgeObservedBefore(cutoff, error);
    });
}

QFuture<HistoryResult<std::vector<HistoryEvent>>>
FaultHistory::timeline(const QString &node, const QDateTime &from, const QDateTime &to, int limit)
{
    return ask<std::vector<HistoryEvent>>([=](HistoryDatabase &db, QString *error) {
        return db.timeline(node, from, to, limit, error);
    });
}

QFuture<HistoryResult<std::vector<FaultTypeStats>>> FaultHistory::faultStats(const QDateTime &from,
                                                                             const QDateTime &to)
{
    return ask<std::vector<FaultTypeStats>>(
        [=](HistoryDatabase &db, QString *error) { return db.faultStats(from, to, error); });
}

QFuture<HistoryResult<std::vector<NodeFaultCount>>>
FaultHistory::topNodes(const QDateTime &from, const QDateTime &to, int limit)
{
    return ask<std::vector<NodeFaultCount>>(
        [=](HistoryDatabase &db, QString *error) { return db.topNodes(from, to, limit, error); });
}

QFuture<HistoryResult<std::vector<FaultEpisode>>> FaultHistory::episodes(const QDateTime &from,
                                                                         const QDateTime &to)
{
    return ask<std::vector<FaultEpisode>>(
        [=](HistoryDatabase &db, QString *error) { return db.episodes(from, to, error); });
}

QFuture<HistoryResult<std::vector<ActionRecord>>> FaultHistory::actions(const QDateTime &from,
                                                                        const QDateTime &to)
{
    return ask<std::vector<ActionRecord>>(
        [=](HistoryDatabase &db, QString *error) { return db.actions(from, to, error); });
}

QFuture<HistoryResult<qint64>> FaultHistory::count(const QString &table)
{
    return ask<qint64>([=](HistoryDatabase &db, QString *error) { return db.count(table, error); });
}

QFuture<HistoryResult<bool>> FaultHistory::flush()
{
    return ask<bool>([](HistoryDatabase &, QString *) { return true; });
}

QFuture<HistoryResult<QString>> FaultHistory::run(std::function<QString(HistoryDatabase &)> fn)
{
    return ask<QString>([fn = std::move(fn)](HistoryDatabase &db, QString *) { return fn(db); });
}

} // namespace models

#include "kube/Informer.h"

#include "kube/ContinueOn.h"

#include "kube/ApiCall.h"
#include "kube/ApiClient.h"
#include "kube/ApiStream.h"
#include "kube/BackgroundThread.h"
#include "kube/Logging.h"

#include <QRandomGenerator>
#include <QThread>

#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace kube {

namespace {
// client-go: a watch that ends within a second without any event is treated as a failure, so a
// server that closes watches at once does not cause a hot reconnect loop.
constexpr int MinHealthyWatchMs = 1000;
} // namespace

Informer::Informer(ApiClient *client, std::shared_ptr<const ObjectCodec> codec, Options options,
                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_codec(std::move(codec))
    , m_options(std::move(options))
{
    m_decodePool.setMaxThreadCount(1);
    m_decodePool.setExpiryTimeout(-1);
    m_listPool.setMaxThreadCount(std::clamp(QThread::idealThreadCount(), 1, 4));
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_retryAction)
            std::exchange(m_retryAction, nullptr)();
    });
}

Informer::~Informer()
{
    stop();
    m_listPool.waitForDone();
    m_decodePool.waitForDone();
}

void Informer::setState(State state, const QString &reason)
{
    if (state == m_state && reason == m_stateReason)
        return;
    // "Stale since T" keeps the time it first went stale while retries keep failing.
    if (state != m_state)
        m_stateSince = QDateTime::currentDateTimeUtc();
    m_state = state;
    m_stateReason = reason;
    if (state == State::Synced)
        m_lastError = {};
    qCDebug(lcKubeWatch) << m_options.what << "state" << state << reason;
    emit stateChanged(state, reason);
}

void Informer::start()
{
    if (m_running)
        return;
    m_running = true;
    m_backoff.reset();
    setState(m_hasSynced ? State::Stale : State::Connecting);
    beginList();
}

void Informer::stop()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_generation;
    m_retryTimer.stop();
    m_retryAction = nullptr;
    if (m_listCall)
        m_listCall->cancel();
    closeStream();
    setState(State::Idle);
}

void Informer::closeStream()
{
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->cancel();
    }
    m_stream = nullptr;
    m_splitter.reset();
}

void Informer::beginList()
{
    ++m_generation;
    ++m_listCount;
    closeStream();
    m_seenInList.clear();
    m_pieces.clear();
    m_nextPiece = m_nextApply = 0;
    m_listBatches = 0;
    requestPage(QString());
}

void Informer::requestPage(const QString &continueToken)
{
    if (!m_client || !m_running)
        return;
    ApiRequest req;
    req.path = m_options.path;
    req.context = tr("list %1").arg(m_options.what);
    req.timeoutMs = m_options.listTimeoutMs;
    req.accept = m_codec->listAccept();
    req.query.addQueryItem(QStringLiteral("limit"), QString::number(m_options.pageSize));
    if (!continueToken.isEmpty()) {
        req.query.addQueryItem(QStringLiteral("continue"), continueToken);
    } else {
        // From the watch cache: no etcd read; the server may ignore `limit` and send it whole.
        m_lastListFrom =
            m_options.listFromWatchCache && !m_quorumList ? QStringLiteral("0") : QString();
        if (!m_lastListFrom.isEmpty()) {
            req.query.addQueryItem(QStringLiteral("resourceVersion"), m_lastListFrom);
            // A 504 here is the server's own timeout for a list too large to serialize in
            // time: asking again would only wait as long once more; etcd's pages are next.
            req.maxRetries = 0;
        }
    }
    if (!m_options.labelSelector.isEmpty())
        req.query.addQueryItem(QStringLiteral("labelSelector"), m_options.labelSelector);
    if (!m_options.fieldSelector.isEmpty())
        req.query.addQueryItem(QStringLiteral("fieldSelector"), m_options.fieldSelector);

    // The answer is read as it arrives: a protobuf list is split into batches of items that are
    // decoded on m_listPool while the rest is still coming; other types are decoded whole.
    req.streamBody = true;
    const quint64 gen = m_generation;
    m_pageStream.reset();
    m_pageBody.clear();
    m_listCall = m_client->send(req);
    connect(m_listCall, &ApiCall::bodyStarted, this, [this, gen](const QByteArray &type) {
        if (gen != m_generation)
            return;
        m_pageBody.clear();
        m_pageStream = std::shared_ptr<ListStreamDecoder>(m_codec->listStream(type));
    });
    connect(m_listCall, &ApiCall::bodyData, this, [this, gen](const QByteArray &data) {
        if (gen != m_generation)
            return;
        if (!m_pageStream) {
            m_pageBody.append(data);
            return;
        }
        if (!m_pageStream->feed(data.constData(), data.size())) {
            ApiError e = m_pageStream->error();
            e.context = tr("list %1").arg(m_options.what);
            return retryLater(e, true);
        }
        queueBatches(gen, false, m_pageStream);
    });
    connect(m_listCall, &ApiCall::finished, this, [this, gen, continueToken](const ApiResponse &r) {
        if (gen != m_generation)
            return;
        if (r.error) {
            // A watch cache that cannot serve resourceVersion=0 (410; 504, the server's own
            // request timeout, or no answer within ours: a list too large to serialize in time)
            // is skipped from then on, as client-go's reflector skips it on 410, and the list
            // is read from etcd in pages at once. That is no failure: nothing is retried, no
            // retry is announced (a headless command ends at the first one).
            if (continueToken.isEmpty() && !m_lastListFrom.isEmpty() &&
                (r.error.isGone() || r.error.isHttp(504) ||
                 r.error.kind == ApiError::Kind::Timeout)) {
                qCDebug(lcKubeWatch).noquote() << m_options.what << "watch cache list refused ("
                                               << r.error.toString() << "); from etcd in pages";
                m_quorumList = true;
                return beginList();
            }
            // An expired continue token restarts the list from the beginning (after the
            // backoff: at 65,000 nodes over a slow link an immediate restart can loop forever).
            if (r.error.isGone()) {
                qCDebug(lcKubeWatch) << m_options.what << "continue token expired; relisting";
            }
            return retryLater(r.error, true);
        }
        if (auto stream = std::exchange(m_pageStream, nullptr)) {
            queueBatches(gen, true, stream);
            onPiece(gen, m_nextPiece++, {stream->finish(), true});
            return;
        }
        const quint64 seq = m_nextPiece++;
        auto codec = m_codec;
        // The body came in pieces (bodyData), or whole when the call did not stream it.
        QByteArray body = r.body.isEmpty() ? std::exchange(m_pageBody, {}) : r.body;
        continueOn(this,
                   QtConcurrent::run(&m_listPool,
                                     [codec, body = std::move(body), type = r.contentType] {
                                         markBackgroundThread();
                                         return codec->decodeList(body, type);
                                     }),
                   [this, gen, seq](DecodedList page) {
                       onPiece(gen, seq, {std::move(page), true});
                   });
    });
}

void Informer::queueBatches(quint64 generation, bool all,
                            const std::shared_ptr<ListStreamDecoder> &stream)
{
    for (ListItemBatch batch = stream->takeBatch(all); !batch.isEmpty();
         batch = stream->takeBatch(all)) {
        const quint64 seq = m_nextPiece++;
        ++m_listBatches;
        const qsizetype bytes = batch.bytes.size();
        m_decodingBytes += bytes;
        // decode() only reads the batch: the stream goes on being fed meanwhile.
        continueOn(
            this,
            QtConcurrent::run(&m_listPool,
                              [stream, batch = std::move(batch)] {
                                  markBackgroundThread();
                                  return stream->decode(batch);
                              }),
            [this, generation, seq, bytes](DecodedList items) {
                m_decodingBytes -= bytes;
                if (m_listCall && m_decodingBytes <= MaxDecodingBytes / 2)
                    m_listCall->setBodyPaused(false);
                onPiece(generation, seq, {std::move(items), false});
            });
    }
    // The decoders are behind: the rest of the answer waits in the socket (TCP holds the server
    // back), not in memory.
    if (m_listCall && m_decodingBytes > MaxDecodingBytes)
        m_listCall->setBodyPaused(true);
}

void Informer::onPiece(quint64 generation, quint64 seq, ListPiece piece)
{
    if (generation != m_generation || !m_running)
        return;
    m_pieces.emplace(seq, std::move(piece));
    // Pieces are applied in the order of the answer; whatever is ready is one batch of deltas.
    DeltaBatch batch;
    const auto flush = [&] {
        if (!batch.empty())
            emit deltas(batch);
        batch.clear();
    };
    while (!m_pieces.empty() && m_pieces.begin()->first == m_nextApply) {
        ListPiece p = std::move(m_pieces.begin()->second);
        m_pieces.erase(m_pieces.begin());
        ++m_nextApply;
        if (p.list.error) {
            flush();
            p.list.error.context = tr("list %1").arg(m_options.what);
            return retryLater(p.list.error, true);
        }
        bool more = false;
        if (p.endOfPage) {
            // Ask for the next page before applying this one: the server works while we apply.
            more = !p.list.continueToken.isEmpty();
            if (more)
                requestPage(p.list.continueToken);
            else
                m_resourceVersion = p.list.resourceVersion;
        }
        batch.reserve(batch.size() + p.list.items.size());
        for (ObjectPtr &obj : p.list.items) {
            const QString key = obj->key();
            m_seenInList.insert(key);
            auto it = m_cache.find(key);
            if (it == m_cache.end()) {
                m_cache.insert(key, obj);
                batch.push_back({Delta::Type::Added, std::move(obj)});
            } else if ((*it)->resourceVersion != obj->resourceVersion) {
                *it = obj;
                batch.push_back({Delta::Type::Modified, std::move(obj)});
            }
        }
        if (p.endOfPage && !more) {
            flush();
            return finishList();
        }
    }
    flush();
}

void Informer::finishList()
{
    // Objects we knew that the fresh list no longer has were deleted while we were away.
    DeltaBatch gone;
    for (auto it = m_cache.begin(); it != m_cache.end();) {
        if (!m_seenInList.contains(it.key())) {
            gone.push_back({Delta::Type::Deleted, it.value()});
            it = m_cache.erase(it);
        } else {
            ++it;
        }
    }
    m_seenInList.clear();
    if (!gone.empty())
        emit deltas(gone);
    if (gone.size() >= 256) {
        // Thousands of objects gone at once: free them on a pool thread, not on ours (their
        // last references may well be these).
        auto *dead = new DeltaBatch(std::move(gone));
        QThreadPool::globalInstance()->start([dead] { delete dead; });
    }
    qCDebug(lcKubeWatch) << m_options.what << "listed" << m_cache.size() << "at resourceVersion"
                         << m_resourceVersion;
    m_hasSynced = true;
    setState(State::Synced);
    emit synced();
    beginWatch();
}

void Informer::beginWatch()
{
    if (!m_client || !m_running)
        return;
    closeStream();
    ++m_watchCount;
    m_lastWatchFrom = m_resourceVersion;
    // timeoutSeconds in [0.5, 0.8] of the inactivity bound, at least 1 s: a healthy server ends
    // the watch (and we resume) before the bound could take silence for a dead connection.
    const int bound = std::max(2000, m_options.inactivityTimeoutMs);
    const int lowMs = bound / 2;
    const int highMs = bound * 8 / 10;
    const int timeout =
        std::max(1, (lowMs + int(QRandomGenerator::global()->bounded(highMs - lowMs + 1))) / 1000);

    ApiRequest req;
    req.path = m_options.path;
    req.context = tr("watch %1").arg(m_options.what);
    req.query.addQueryItem(QStringLiteral("watch"), QStringLiteral("1"));
    req.query.addQueryItem(QStringLiteral("resourceVersion"), m_resourceVersion);
    req.query.addQueryItem(QStringLiteral("allowWatchBookmarks"), QStringLiteral("true"));
    req.query.addQueryItem(QStringLiteral("timeoutSeconds"), QString::number(timeout));
    if (!m_options.labelSelector.isEmpty())
        req.query.addQueryItem(QStringLiteral("labelSelector"), m_options.labelSelector);
    if (!m_options.fieldSelector.isEmpty())
        req.query.addQueryItem(QStringLiteral("fieldSelector"), m_options.fieldSelector);
    // No byte for this long (headers included) means the connection died without a reset.
    req.timeoutMs = bound;
    // Read in pieces of a quarter of what may wait, so that a pause comes near the bound.
    req.streamPieceBytes = std::clamp<qint64>(m_options.maxPendingWatchBytes / 4, 4096, 1 << 20);
    m_streamTimeoutMs = bound;

    m_streamEvents = 0;
    m_streamAge.start();
    m_stream = m_client->openStream(req);
    // The backoff is not reset here: a server that answers 200 and then fails at once must see
    // the delays grow. It resets once the watch has delivered events.
    connect(m_stream, &ApiStream::opened, this, [this] { setState(State::Synced); });
    connect(m_stream, &ApiStream::dataReceived, this, &Informer::onWatchData);
    connect(m_stream, &ApiStream::finished, this, &Informer::onWatchFinished);
}

void Informer::onWatchData(const QByteArray &data)
{
    std::vector<QByteArray> frames = m_splitter.feed(data);
    if (m_splitter.overflowed()) {
        ApiError e = ApiError::decode(
            tr("a watch event exceeded %1 MiB").arg(FrameSplitter::MaxFrameBytes >> 20),
            tr("watch %1").arg(m_options.what));
        closeStream();
        return retryLater(e, true); // a watch from here would meet it again: relist past it
    }
    if (frames.empty())
        return;
    m_streamEvents += int(frames.size());
    const quint64 gen = m_generation;
    auto codec = m_codec;
    qsizetype bytes = 0;
    for (const QByteArray &f : frames)
        bytes += f.size();
    m_watchDecodingBytes += bytes;
    continueOn(
        this,
        QtConcurrent::run(&m_decodePool,
                          [codec, frames = std::move(frames)] {
                              markBackgroundThread();
                              std::vector<WatchEvent> events;
                              events.reserve(frames.size());
                              for (const QByteArray &f : frames)
                                  events.push_back(codec->decodeEvent(f));
                              return events;
                          }),
        [this, gen, bytes](std::vector<WatchEvent> events) {
            onWatchEvents(gen, std::move(events));
            // Counted until applied: what waits for this thread is bounded too, not only what
            // waits for the decoder. Older streams' events count as well until they are gone.
            m_watchDecodingBytes -= bytes;
            if (m_stream && m_watchDecodingBytes <= m_options.maxPendingWatchBytes / 2)
                m_stream->setPaused(false);
        });
    m_watchPeakPendingBytes = std::max(m_watchPeakPendingBytes, m_watchDecodingBytes);
    // In a fault storm the events come faster than this thread applies them: the rest waits in
    // the reply's bounded buffer and the socket (TCP holds the server back), not in memory.
    if (m_stream && !m_stream->isPaused() &&
        m_watchDecodingBytes > m_options.maxPendingWatchBytes) {
        ++m_watchPauses;
        qCDebug(lcKubeWatch) << m_options.what << "watch paused:" << m_watchDecodingBytes
                             << "bytes of events wait to be applied";
        m_stream->setPaused(true);
    }
}

void Informer::onWatchEvents(quint64 generation, std::vector<WatchEvent> events)
{
    if (generation != m_generation || !m_running)
        return;
    DeltaBatch batch;
    batch.reserve(events.size());
    for (WatchEvent &ev : events) {
        if (ev.type == WatchEvent::Type::Error || ev.error) {
            if (!batch.empty())
                emit deltas(batch);
            ApiError e = ev.error;
            e.context = tr("watch %1").arg(m_options.what);
            closeStream();
            // 410 (Expired/Gone) can arrive as an ERROR event after a 200: relist either way.
            if (e.isGone()) {
                qCDebug(lcKubeWatch)
                    << m_options.what << "watch expired at" << m_resourceVersion << "; relisting";
                return retryLater(e, true);
            }
            // A frame we cannot read would be replayed by a watch from the same resourceVersion
            // for ever: relist past it, as client-go does. Another ERROR (500, 429): watch again.
            return retryLater(e, e.kind == ApiError::Kind::Decode);
        }
        m_backoff.reset(); // the server delivers: its next failure starts the backoff over
        if (!ev.resourceVersion.isEmpty())
            m_resourceVersion = ev.resourceVersion;
        if (ev.type == WatchEvent::Type::Bookmark)
            continue;
        const QString key = ev.object->key();
        if (ev.type == WatchEvent::Type::Deleted) {
            m_cache.remove(key);
            batch.push_back({Delta::Type::Deleted, std::move(ev.object)});
            continue;
        }
        auto it = m_cache.find(key);
        if (it == m_cache.end()) {
            m_cache.insert(key, ev.object);
            batch.push_back({Delta::Type::Added, std::move(ev.object)});
        } else if ((*it)->resourceVersion != ev.object->resourceVersion) {
            *it = ev.object;
            batch.push_back({Delta::Type::Modified, std::move(ev.object)});
        }
    }
    if (!batch.empty())
        emit deltas(batch);
}

void Informer::onWatchFinished(const ApiError &error)
{
    m_stream = nullptr;
    m_splitter.reset();
    if (!m_running)
        return;
    const quint64 gen = m_generation;
    const bool quickEmpty = m_streamAge.elapsed() < MinHealthyWatchMs && m_streamEvents == 0;
    // Apply what is still being decoded before deciding: its resourceVersion is where we resume.
    afterPendingDecodes([this, gen, error, quickEmpty] {
        if (gen != m_generation || !m_running || m_stream)
            return;
        if (error) {
            if (error.isGone())
                return retryLater(error, true);
            if (error.kind == ApiError::Kind::Timeout && m_client) {
                // Silence past the bound: the connection is presumably dead without a reset.
                // Pooled connections to the same server may be stuck behind the same broken
                // path, so the next requests get new ones.
                m_client->resetConnections();
                ApiError e = error;
                e.message = tr("no data from the server for %1 s, the connection is presumed "
                               "dead")
                                .arg(m_streamTimeoutMs / 1000);
                return retryLater(e, false);
            }
            return retryLater(error, false);
        }
        if (quickEmpty) {
            ApiError e;
            e.kind = ApiError::Kind::Network;
            e.context = tr("watch %1").arg(m_options.what);
            e.message = tr("the server closed the watch at once");
            return retryLater(e, false);
        }
        qCDebug(lcKubeWatch) << m_options.what << "watch ended; resuming from" << m_resourceVersion;
        beginWatch();
    });
}

void Informer::afterPendingDecodes(std::function<void()> then)
{
    continueOn(this, QtConcurrent::run(&m_decodePool, [] {}), [then = std::move(then)] { then(); });
}

void Informer::retryLater(const ApiError &error, bool relist)
{
    if (!m_running)
        return;
    // Results still on their way from the failed round are dropped, and so is any retry already
    // armed: one failure, one retry (an ERROR event and the end of its stream are one failure).
    ++m_generation;
    closeStream();
    if (m_listCall)
        m_listCall->cancel();
    int delay = m_backoff.next();
    if (error.retryAfterSeconds > 0)
        // In qint64: a server's retryAfterSeconds above 2,147,483 overflows int milliseconds.
        delay =
            int(std::max<qint64>(delay, std::min<qint64>(error.retryAfterSeconds * 1000LL, 30000)));
    qCDebug(lcKubeWatch).noquote() << error.toString() << "- retrying in" << delay << "ms";
    m_lastError = error;
    setState(m_hasSynced ? State::Stale : State::Failed, error.toString());
    const bool needList = relist || m_resourceVersion.isEmpty();
    m_retryAction = [this, needList] {
        if (needList)
            beginList();
        else
            beginWatch();
    };
    m_retryTimer.start(delay);
    emit retryScheduled(delay, error);
}

} // namespace kube

#include "sim/WatchHub.h"

#include "sim/HttpServer.h"
#include "sim/MediaType.h"
#include "sim/Reply.h"
#include "sim/ResourceRegistry.h"
#include "sim/Selectors.h"
#include "sim/TableConverter.h"

#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <vector>

namespace sim {

struct WatchHub::Watch
{
    QPointer<HttpExchange> exchange;
    const ResourceInfo *resource = nullptr;
    std::string ns;
    LabelSelector labels;
    FieldSelector fields;
    MediaType media;
    std::string includeObject;
    bool headersSent = false;
    bool bookmarks = false;
    std::uint64_t bytesWritten = 0;
    std::unique_ptr<QTimer> bookmarkTimer;
    std::unique_ptr<QTimer> timeoutTimer;

    bool matches(const ObjectMeta &m) const
    {
        return (ns.empty() || m.ns == ns) && labels.matches(m.labels) && fields.matches(m.fields);
    }
};

WatchHub::WatchHub(ObjectStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    connect(store, &ObjectStore::changed, this, &WatchHub::onStoreChanged);
}

WatchHub::~WatchHub() = default;

void WatchHub::serve(HttpExchange *ex, const ApiPath &p, const LabelSelector &labels,
                     const FieldSelector &fields)
{
    const HttpRequest &req = ex->request();
    const MediaType media = MediaType::negotiate(req.header("accept"));

    const QString rvText = req.queryValue(QStringLiteral("resourceVersion"));
    bool numeric = false;
    const std::uint64_t fromRv = rvText.toULongLong(&numeric);
    const bool sendInitial = req.queryFlag(QStringLiteral("sendInitialEvents"));
    const bool initialEvents = rvText.isEmpty() || rvText == QLatin1String("0") || sendInitial;
    if (!rvText.isEmpty() && !numeric)
        return sendStatus(ex, 400, "BadRequest",
                          "invalid resource version: " + rvText.toStdString());
    if (numeric && fromRv > m_store->currentResourceVersion())
        return sendStatus(
            ex, 504, "Timeout",
            "Too large resource version: " + rvText.toStdString() +
                ", current: " + std::to_string(m_store->currentResourceVersion()),
            {{"causes",
              {{{"reason", "ResourceVersionTooLarge"}, {"message", "Too large resource version"}}}},
             {"retryAfterSeconds", 1}});

    const std::uint64_t oldest = m_store->oldestWatchableResourceVersion(p.resource->plural);
    const bool tooOld = !initialEvents && fromRv < oldest;
    const std::string tooOldMessage =
        "too old resource version: " + rvText.toStdString() + " (" + std::to_string(oldest) + ")";
    if (tooOld && m_settings.tooOldAsHttpError)
        return sendStatus(ex, 410, "Expired", tooOldMessage);

    ex->beginStream(200, "application/json");
    if (tooOld) {
        // What kube-apiserver does: a 200 whose only event is an ERROR carrying 410 Expired.
        ex->writeChunk(QByteArray::fromStdString(
            dumpJson(
                json{{"type", "ERROR"}, {"object", statusObject(410, "Expired", tooOldMessage)}}) +
            "\n"));
        ex->endStream();
        return;
    }

    m_watches.emplace_back();
    Watch &w = m_watches.back();
    Watch *wp = &w;
    w.exchange = ex;
    w.resource = p.resource;
    w.ns = p.storeNamespace();
    w.labels = labels;
    w.fields = fields;
    w.media = media;
    w.includeObject = req.queryValue(QStringLiteral("includeObject")).toStdString();
    w.bookmarks = req.queryFlag(QStringLiteral("allowWatchBookmarks"));
    const std::string resource = p.resource->plural;
    connect(ex, &HttpExchange::closed, this, [this, wp] { endWatch(wp, false); });

    // Writing may cut the stream (cutAfterBytes), which ends the watch.
    if (initialEvents) {
        for (const StoredObject *o : m_store->list(resource, w.ns)) {
            if (!w.matches(*o->meta))
                continue;
            writeEvent(w, "ADDED", *o);
            if (!isOpen(wp))
                return;
        }
        if (sendInitial && w.bookmarks)
            writeRawEvent(w, "BOOKMARK", bookmark(w, true));
    } else {
        for (const StoreEvent *e : m_store->eventsSince(resource, fromRv)) {
            if (!w.matches(*e->meta))
                continue;
            writeEvent(w, eventTypeName(e->type), e->object);
            if (!isOpen(wp))
                return;
        }
    }
    if (!isOpen(wp))
        return;

    int timeoutSeconds = req.queryValue(QStringLiteral("timeoutSeconds")).toInt();
    if (timeoutSeconds <= 0)
        timeoutSeconds = 1800;
    w.timeoutTimer = std::make_unique<QTimer>();
    w.timeoutTimer->setSingleShot(true);
    connect(w.timeoutTimer.get(), &QTimer::timeout, this, [this, wp] { endWatch(wp, true); });
    w.timeoutTimer->start(timeoutSeconds * 1000);

    if (w.bookmarks) {
        w.bookmarkTimer = std::make_unique<QTimer>();
        connect(w.bookmarkTimer.get(), &QTimer::timeout, this,
                [this, wp] { writeRawEvent(*wp, "BOOKMARK", bookmark(*wp, false)); });
        w.bookmarkTimer->start(m_settings.bookmarkIntervalMs);
    }
}

int WatchHub::writeToAll(const std::string &resource, const std::string &frame, bool end)
{
    std::vector<Watch *> targets;
    for (Watch &w : m_watches)
        if (w.exchange && w.resource->plural == resource)
            targets.push_back(&w);
    for (Watch *w : targets) {
        writeFrame(*w, frame);
        if (end)
            endWatch(w, true);
    }
    return int(targets.size());
}

void WatchHub::dropAll()
{
    std::vector<Watch *> all;
    for (Watch &w : m_watches)
        all.push_back(&w);
    for (Watch *w : all)
        endWatch(w, false);
}

void WatchHub::onStoreChanged(const StoreEvent &event)
{
    if (m_settings.paused)
        return;
    std::vector<Watch *> targets;
    for (Watch &w : m_watches)
        if (w.exchange && w.resource->plural == event.resource && w.matches(*event.meta))
            targets.push_back(&w);
    for (Watch *w : targets) {
        if (!isOpen(w) || !w->exchange)
            continue;
        // A consumer this far behind is dropped, as kube-apiserver drops slow watchers.
        if (w->exchange->bufferedBytes() > (256 << 20)) {
            QMetaObject::invokeMethod(
                this, [this, w] { endWatch(w, false); }, Qt::QueuedConnection);
            continue;
        }
        writeEvent(*w, eventTypeName(event.type), event.object);
    }
}

bool WatchHub::isOpen(const Watch *w) const
{
    return std::any_of(m_watches.begin(), m_watches.end(), [w](const Watch &x) { return &x == w; });
}

std::string WatchHub::bookmark(const Watch &w, bool initialEventsEnd) const
{
    json md = {{"resourceVersion", std::to_string(m_store->currentResourceVersion())},
               {"creationTimestamp", nullptr}};
    if (initialEventsEnd)
        md["annotations"] = {{"k8s.io/initial-events-end", "true"}};
    return dumpJson(json{
        {"kind", w.resource->kind}, {"apiVersion", w.resource->groupVersion()}, {"metadata", md}});
}

void WatchHub::writeEvent(Watch &w, const char *type, const StoredObject &object)
{
    if (w.media.kind != MediaType::Kind::Object) {
        const json obj = object.parse();
        json converted;
        if (w.media.kind == MediaType::Kind::Table) {
            converted = TableConverter::table(
                w.resource->plural, {obj}, !w.headersSent, w.includeObject, w.media.apiVersion,
                {{"resourceVersion", obj["metadata"].value("resourceVersion", "")}});
            // The API server sends column definitions with the first event only.
            w.headersSent = true;
        } else {
            converted = TableConverter::partialObjectMetadata(obj, w.media.apiVersion);
        }
        return writeFrame(w, dumpJson(json{{"type", type}, {"object", converted}}) + "\n");
    }
    // The stored serialization goes out as it is, without parsing the object again.
    std::string frame;
    frame.reserve(object.byteSize() + 32);
    frame += "{\"type\":\"";
    frame += type;
    frame += "\",\"object\":";
    object.appendTo(frame);
    frame += "}\n";
    writeFrame(w, frame);
}

void WatchHub::writeRawEvent(Watch &w, const char *type, const std::string &object)
{
    writeFrame(w, std::string("{\"type\":\"") + type + "\",\"object\":" + object + "}\n");
}

void WatchHub::writeFrame(Watch &w, const std::string &frame)
{
    const qint64 cutAfter = m_settings.cutAfterBytes;
    if (cutAfter > 0 && qint64(w.bytesWritten + frame.size()) > cutAfter) {
        cutWatch(&w, frame);
        return;
    }
    w.bytesWritten += frame.size();
    w.exchange->writeChunk(QByteArray::fromStdString(frame));
}

HttpExchange *WatchHub::release(Watch *w)
{
    auto it =
        std::find_if(m_watches.begin(), m_watches.end(), [w](const Watch &x) { return &x == w; });
    if (it == m_watches.end())
        return nullptr;
    HttpExchange *ex = it->exchange;
    m_watches.erase(it);
    if (ex)
        ex->disconnect(this);
    return ex;
}

void WatchHub::endWatch(Watch *w, bool graceful)
{
    HttpExchange *ex = release(w);
    if (!ex)
        return;
    if (graceful)
        ex->endStream();
    else
        ex->abort();
}

void WatchHub::cutWatch(Watch *w, const std::string &frame)
{
    // Deliver what fits under the limit (so the cut lands inside a frame and inside its HTTP
    // chunk), then close the connection.
    const qint64 keep = std::max<qint64>(0, m_settings.cutAfterBytes - qint64(w->bytesWritten));
    if (w->exchange && keep > 0)
        w->exchange->writeTruncatedChunk(QByteArray::fromStdString(frame),
                                         std::min<qint64>(keep, qint64(frame.size()) - 1));
    if (HttpExchange *ex = release(w))
        ex->closeAfterFlush();
}

} // namespace sim

#pragma once

#include "sim/ObjectStore.h"

#include <QObject>

#include <list>
#include <string>

namespace sim {

class FieldSelector;
class HttpExchange;
class LabelSelector;
struct ApiPath;

// How watches behave; the control settings change them at run time.
struct WatchSettings
{
    int bookmarkIntervalMs = 60000; // for watches started from now on
    bool tooOldAsHttpError = false; // a too-old watch gets HTTP 410, not a 200 with an ERROR event
    bool paused = false;            // events are not delivered (a stalled connection)
    qint64 cutAfterBytes = 0;       // > 0: watch streams are cut mid-frame after this many bytes
    // A list from the watch cache (resourceVersion=0) gets 410 Expired, as from a server whose
    // watch cache cannot serve it; clients read from etcd (resourceVersion unset) instead.
    bool refuseWatchCacheList = false;
};

// Every open watch stream: its start from a resourceVersion (or with the initial events), the
// events of the store that match it, BOOKMARKs, its timeout, and the faults done to streams
// (paused delivery, frames written from outside, streams cut mid-frame or dropped).
class WatchHub : public QObject
{
    Q_OBJECT

public:
    explicit WatchHub(ObjectStore *store, QObject *parent = nullptr);
    ~WatchHub() override;

    const WatchSettings &settings() const { return m_settings; }
    void setSettings(const WatchSettings &settings) { m_settings = settings; }

    // Answers a watch request of `p` (resourceVersion, sendInitialEvents, allowWatchBookmarks,
    // timeoutSeconds, includeObject and Accept from the request) and keeps the stream open.
    void serve(HttpExchange *ex, const ApiPath &p, const LabelSelector &labels,
               const FieldSelector &fields);

    // Writes `frame` (a whole line) to every open watch of `resource`, then ends those streams
    // cleanly when `end` is set. Returns how many were written to.
    int writeToAll(const std::string &resource, const std::string &frame, bool end);
    // Ends every watch abruptly, as when the connection to the API server breaks.
    void dropAll();
    int count() const { return int(m_watches.size()); }

private:
    struct Watch;

    void onStoreChanged(const StoreEvent &event);
    bool isOpen(const Watch *w) const;
    std::string bookmark(const Watch &w, bool initialEventsEnd) const;
    void writeEvent(Watch &w, const char *type, const StoredObject &object);
    void writeRawEvent(Watch &w, const char *type, const std::string &object);
    void writeFrame(Watch &w, const std::string &frame);
    // Forgets `w` and lets go of its exchange, which the caller ends (or not).
    HttpExchange *release(Watch *w);
    void endWatch(Watch *w, bool graceful);
    void cutWatch(Watch *w, const std::string &frame);

    ObjectStore *m_store;
    WatchSettings m_settings;
    std::list<Watch> m_watches;
};

} // namespace sim

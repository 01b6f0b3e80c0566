#pragma once

#include "sim/HttpServer.h"
#include "sim/ObjectStore.h"
#include "sim/Selectors.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <list>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sim {

class Certificates;
class ScenarioPlayer;

struct ResourceInfo
{
    std::string group;    // "" for core
    std::string version;  // v1
    std::string plural;   // nodes
    std::string singular; // node
    std::string kind;     // Node
    bool namespaced = false;
    std::vector<std::string> verbs;
    std::vector<std::string> shortNames;
    std::vector<std::string> subresources; // "status", "eviction"
    std::string groupVersion() const { return group.empty() ? version : group + "/" + version; }
};

struct User
{
    std::string name;
    std::vector<std::string> groups;
    bool canWrite = false;
};

// A parsed API path: /api/v1/namespaces/NS/pods/NAME/eviction and friends.
struct ApiPath
{
    const ResourceInfo *resource = nullptr;
    std::string ns;
    std::string name;
    std::string subresource;
    bool valid = false;
};

// kube-apiserver's REST surface as kubesim serves it: authentication (bearer tokens, client
// certificates), authorization (admin or read-only), discovery, and list/get/watch for every
// registered resource. Writes, patches, evictions and the control endpoints are routed here too.
class ApiServer : public QObject
{
    Q_OBJECT

public:
    ApiServer(ObjectStore *store, ScenarioPlayer *player, const Certificates *certs,
              QObject *parent = nullptr);
    ~ApiServer() override;

    void addToken(const std::string &token, const User &user);
    void handle(HttpExchange *exchange);

    void setBookmarkIntervalMs(int ms) { m_bookmarkIntervalMs = ms; }
    void setWatchTooOldAsHttpError(bool on) { m_tooOldAsHttp = on; }
    // Ends every watch abruptly, as when the connection to the API server breaks.
    void dropWatches();
    int watchCount() const { return int(m_watches.size()); }

    static json status(int code, const std::string &reason, const std::string &message,
                       const json &details = nullptr);

    const std::vector<ResourceInfo> &resources() const { return m_resources; }

signals:
    // Control: the server should stop listening and come back (restart) or drop connections.
    void restartRequested(int downMs);
    void dropConnectionsRequested();

private:
    struct Watch
    {
        QPointer<HttpExchange> exchange;
        const ResourceInfo *resource = nullptr;
        std::string ns;
        LabelSelector labels;
        FieldSelector fields;
        bool bookmarks = false;
        std::uint64_t lastRv = 0;
        std::unique_ptr<QTimer> bookmarkTimer;
        std::unique_ptr<QTimer> timeoutTimer;
    };

    std::optional<User> authenticate(const HttpRequest &req) const;
    ApiPath parsePath(const QString &path) const;
    const ResourceInfo *findResource(const std::string &group, const std::string &version,
                                     const std::string &plural) const;
    bool authorize(HttpExchange *ex, const User &user, const std::string &verb, const ApiPath &p);

    void sendJson(HttpExchange *ex, int code, const json &body);
    void sendStatus(HttpExchange *ex, int code, const std::string &reason, const std::string &message,
                    const json &details = nullptr);
    void sendNotFound(HttpExchange *ex, const ApiPath &p);

    bool handleDiscovery(HttpExchange *ex);
    bool handleControl(HttpExchange *ex, const User &user);
    void handleList(HttpExchange *ex, const ApiPath &p);
    void handleGet(HttpExchange *ex, const ApiPath &p);
    void handleWatch(HttpExchange *ex, const ApiPath &p);
    void handleCreate(HttpExchange *ex, const ApiPath &p, const User &user);
    void handleUpdate(HttpExchange *ex, const ApiPath &p);
    void handlePatch(HttpExchange *ex, const ApiPath &p);
    void handleDelete(HttpExchange *ex, const ApiPath &p);

    void onStoreChanged(const StoreEvent &event);
    void writeEvent(Watch &w, const char *type, const std::string &object);
    void endWatch(Watch *w, bool graceful);

    ObjectStore *m_store;
    ScenarioPlayer *m_player;
    const Certificates *m_certs;
    std::vector<ResourceInfo> m_resources;
    std::map<std::string, User> m_tokens;
    std::list<Watch> m_watches;
    int m_bookmarkIntervalMs = 60000;
    bool m_tooOldAsHttp = false;
    bool m_watchesPaused = false; // events are not delivered (a stalled connection)
};

} // namespace sim

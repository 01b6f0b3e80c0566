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
#include <optional>
#include <string>
#include <vector>

namespace sim {

class Certificates;
class ControllerManager;
class EvictionHandler;
class Kubelet;
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
    std::vector<std::string> categories;   // "all"
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

// What the client asked for in Accept: the object as stored, a meta.k8s.io Table, or metadata only.
struct MediaType
{
    enum class Kind { Object, Table, PartialObjectMetadata, PartialObjectMetadataList };
    Kind kind = Kind::Object;
    std::string apiVersion = "meta.k8s.io/v1";
};

// kube-apiserver's REST surface as kubesim serves it: authentication (bearer tokens, basic auth,
// client certificates), authorization (admin or read-only), discovery, list/get/watch for every
// registered resource (JSON, Table or PartialObjectMetadata), writes with optimistic concurrency,
// the three patch types, graceful pod deletion, the eviction subresource, and the /_sim/ control
// endpoints (fault injection, tokens, slow or failing responses).
class ApiServer : public QObject
{
    Q_OBJECT

public:
    ApiServer(ObjectStore *store, ScenarioPlayer *player, const Certificates *certs,
              Kubelet *kubelet, ControllerManager *controllers, QObject *parent = nullptr);
    ~ApiServer() override;

    void setHttpServer(HttpServer *http) { m_http = http; }
    void addToken(const std::string &token, const User &user);
    void addBasicUser(const std::string &username, const std::string &password, const User &user);
    void handle(HttpExchange *exchange);

    // Which Kubernetes API kubesim presents. Current: policy/v1 only (as 1.25 on). V1_21:
    // policy/v1 preferred and policy/v1beta1 still served, but /api/v1's pods/eviction names
    // policy/v1beta1 (as kube-apiserver 1.21 does). V1_20: policy/v1beta1 only, an Eviction of
    // policy/v1 is refused. Set before serving.
    enum class ApiLevel { Current, V1_21, V1_20 };
    void setApiLevel(ApiLevel level);
    // "1.20", "1.21" or "current"; nullopt for anything else.
    static std::optional<ApiLevel> parseApiLevel(const QString &text);

    void setBookmarkIntervalMs(int ms) { m_bookmarkIntervalMs = ms; }
    void setWatchTooOldAsHttpError(bool on) { m_tooOldAsHttp = on; }
    // Ends every watch abruptly, as when the connection to the API server breaks.
    void dropWatches();
    int watchCount() const { return int(m_watches.size()); }

    static json status(int code, const std::string &reason, const std::string &message,
                       const json &details = nullptr);
    static MediaType negotiate(const QByteArray &accept);

    const std::vector<ResourceInfo> &resources() const { return m_resources; }

signals:
    // Control: the server should stop listening and come back (restart).
    void restartRequested(int downMs);

private:
    struct Watch
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
        std::uint64_t lastRv = 0;
        std::uint64_t bytesWritten = 0;
        std::unique_ptr<QTimer> bookmarkTimer;
        std::unique_ptr<QTimer> timeoutTimer;
    };

    // An injected failure for the next matching requests (settings "failNext").
    struct FailRule
    {
        int status = 500;
        std::string reason;
        std::string message;
        int remaining = 1;
        std::string pathPrefix;
        std::string method;
        int retryAfterSeconds = 0;
    };

    std::optional<User> authenticate(const HttpRequest &req) const;
    ApiPath parsePath(const QString &path) const;
    const ResourceInfo *findResource(const std::string &group, const std::string &version,
                                     const std::string &plural) const;
    bool authorize(HttpExchange *ex, const User &user, const std::string &verb, const ApiPath &p);
    bool injectFailure(HttpExchange *ex);

    void sendJson(HttpExchange *ex, int code, const json &body,
                  const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    void sendStatus(HttpExchange *ex, int code, const std::string &reason,
                    const std::string &message, const json &details = nullptr);
    void sendNotFound(HttpExchange *ex, const ApiPath &p);
    void sendConflict(HttpExchange *ex, const ApiPath &p);
    bool parseSelectors(HttpExchange *ex, const ApiPath &p, LabelSelector *labels,
                        FieldSelector *fields);

    bool handleDiscovery(HttpExchange *ex);
    bool handleControl(HttpExchange *ex, const User &user);
    void handleList(HttpExchange *ex, const ApiPath &p);
    void handleGet(HttpExchange *ex, const ApiPath &p);
    void handleWatch(HttpExchange *ex, const ApiPath &p);
    void handleCreate(HttpExchange *ex, const ApiPath &p, const User &user);
    void handleUpdate(HttpExchange *ex, const ApiPath &p);
    void handlePatch(HttpExchange *ex, const ApiPath &p);
    void handleDelete(HttpExchange *ex, const ApiPath &p);
    void handleDeleteCollection(HttpExchange *ex, const ApiPath &p);
    void handleEviction(HttpExchange *ex, const ApiPath &p);
    // Stores an update of `current` (PUT or PATCH) with the API server's rules for metadata and
    // the status subresource; answers the request.
    void storeUpdate(HttpExchange *ex, const ApiPath &p, const json &current, json updated);

    bool acceptsBody(HttpExchange *ex);
    void onStoreChanged(const StoreEvent &event);
    void writeEvent(Watch &w, const char *type, const StoredObject &object);
    void writeRawEvent(Watch &w, const char *type, const std::string &object);
    void writeFrame(Watch &w, std::string frame);
    void endWatch(Watch *w, bool graceful);
    void cutWatch(Watch *w, const std::string &frame);
    json settingsJson() const;

    ObjectStore *m_store;
    ScenarioPlayer *m_player;
    const Certificates *m_certs;
    Kubelet *m_kubelet;
    ControllerManager *m_controllers;
    std::unique_ptr<EvictionHandler> m_eviction;
    ApiLevel m_apiLevel = ApiLevel::Current;
    HttpServer *m_http = nullptr;
    std::vector<ResourceInfo> m_resources;
    std::map<std::string, User> m_tokens;
    std::map<std::string, std::pair<std::string, User>> m_basicUsers;
    std::list<Watch> m_watches;
    std::vector<FailRule> m_failRules;
    int m_bookmarkIntervalMs = 60000;
    bool m_tooOldAsHttp = false;
    bool m_watchesPaused = false;    // events are not delivered (a stalled connection)
    qint64 m_cutWatchAfterBytes = 0; // > 0: watch streams are cut mid-frame after this many bytes
};

} // namespace sim

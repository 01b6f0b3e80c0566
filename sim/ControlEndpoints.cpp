#include "sim/ControlEndpoints.h"

#include "sim/AccessControl.h"
#include "sim/ControllerManager.h"
#include "sim/HttpServer.h"
#include "sim/Kubelet.h"
#include "sim/Reply.h"
#include "sim/ScenarioPlayer.h"

#include <set>

namespace sim {

namespace {

void sendBadRequest(HttpExchange *ex, const std::string &message)
{
    sendStatus(ex, 400, "BadRequest", message);
}

// Reads an optional integer setting of at least `min` into `out`; false and `error` when it is
// something else.
bool readInteger(const json &body, const char *key, long long min, long long *out,
                 std::string *error)
{
    if (!body.contains(key))
        return true;
    if (!body[key].is_number_integer() || body[key].get<long long>() < min) {
        *error = std::string(key) + " must be an integer >= " + std::to_string(min);
        return false;
    }
    *out = body[key].get<long long>();
    return true;
}

bool readBoolean(const json &body, const char *key, bool *out, std::string *error)
{
    if (!body.contains(key))
        return true;
    if (!body[key].is_boolean()) {
        *error = std::string(key) + " must be true or false";
        return false;
    }
    *out = body[key].get<bool>();
    return true;
}

} // namespace

const ControlEndpoints::Endpoint ControlEndpoints::Endpoints[] = {
    {"POST", "inject", &ControlEndpoints::inject},
    {"POST", "compact", &ControlEndpoints::compact},
    {"POST", "drop-watches", &ControlEndpoints::dropWatches},
    {"POST", "watch-frame", &ControlEndpoints::writeWatchFrame},
    {"GET", "stats", &ControlEndpoints::stats},
    {"GET", "settings", &ControlEndpoints::showSettings},
    {"POST", "settings", &ControlEndpoints::changeSettings},
    {"POST", "tokens", &ControlEndpoints::addOrRevokeToken},
    {"GET", "tokens", &ControlEndpoints::listTokens},
    {"POST", "restart", &ControlEndpoints::restart},
};

ControlEndpoints::ControlEndpoints(ObjectStore *store, ScenarioPlayer *player, Kubelet *kubelet,
                                   ControllerManager *controllers, WatchHub *watches,
                                   AccessControl *access, FailureInjector *failures,
                                   QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_player(player)
    , m_kubelet(kubelet)
    , m_controllers(controllers)
    , m_watches(watches)
    , m_access(access)
    , m_failures(failures)
{}

bool ControlEndpoints::handle(HttpExchange *ex, const User &user)
{
    const HttpRequest &req = ex->request();
    if (!user.canWrite) {
        sendStatus(ex, 403, "Forbidden", "kubesim control needs an admin user");
        return true;
    }
    const QString path = req.path.mid(6); // after "/_sim/"
    for (const Endpoint &e : Endpoints) {
        if (req.method == e.method && path == QLatin1String(e.path)) {
            (this->*e.handler)(ex, parseJson(req.body));
            return true;
        }
    }
    return false;
}

void ControlEndpoints::sendOk(HttpExchange *ex, const json &extra)
{
    json r = {{"ok", true}, {"resourceVersion", std::to_string(m_store->currentResourceVersion())}};
    r.update(extra);
    sendJson(ex, 200, r);
}

void ControlEndpoints::inject(HttpExchange *ex, const json &body)
{
    if (!body.is_object() && !body.is_array())
        return sendBadRequest(ex, "inject needs a timeline action as JSON, or a list of them");
    const json actions = body.is_array() ? body : json::array({body});
    for (const json &a : actions) {
        const QString err = m_player->apply(a);
        if (!err.isEmpty())
            return sendStatus(ex, 422, "Invalid", err.toStdString());
    }
    // Let the controllers settle (PDB status after a readiness change) before answering.
    if (m_controllers)
        m_controllers->syncNow();
    sendOk(ex);
}

void ControlEndpoints::compact(HttpExchange *ex, const json &)
{
    m_store->compact();
    sendOk(ex);
}

void ControlEndpoints::dropWatches(HttpExchange *ex, const json &)
{
    sendOk(ex, {{"dropped", m_watches->count()}});
    QMetaObject::invokeMethod(m_watches, &WatchHub::dropAll, Qt::QueuedConnection);
}

void ControlEndpoints::writeWatchFrame(HttpExchange *ex, const json &body)
{
    // The frame is not kept in the event log: an ERROR event, or a frame that does not decode.
    if (!body.is_object() || !body.contains("frame") || !body["frame"].is_string())
        return sendBadRequest(ex,
                              "watch-frame needs {\"frame\": TEXT} (and optionally resource, end)");
    const std::string resource = body.value("resource", std::string("nodes"));
    const std::string frame = body["frame"].get<std::string>() + "\n";
    const int written = m_watches->writeToAll(resource, frame, body.value("end", false));
    sendOk(ex, {{"written", written}});
}

void ControlEndpoints::stats(HttpExchange *ex, const json &)
{
    sendOk(ex, {{"nodes", m_store->count("nodes")},
                {"pods", m_store->count("pods")},
                {"events", m_store->count("events")},
                {"watches", m_watches->count()},
                {"connections", m_http ? m_http->connectionCount() : 0},
                {"oldestWatchableResourceVersion",
                 std::to_string(m_store->oldestWatchableResourceVersion("nodes"))},
                {"failNextPending", int(m_failures->rules().size())}});
}

ControlEndpoints::Settings ControlEndpoints::settings() const
{
    Settings s;
    s.watch = m_watches->settings();
    s.eventWindow = (long long)m_store->eventWindow();
    s.responseDelayMs = m_http ? m_http->responseDelayMs() : 0;
    s.podStartupDelayMs = m_kubelet ? m_kubelet->startupDelayMs() : 0;
    s.pauseControllers = m_controllers && m_controllers->isPaused();
    s.failNext = m_failures->rules();
    return s;
}

void ControlEndpoints::apply(const Settings &s)
{
    // Watches and the store first: controllers unpaused may write at once.
    m_watches->setSettings(s.watch);
    m_store->setEventWindow(std::size_t(s.eventWindow));
    m_failures->setRules(s.failNext);
    if (m_http)
        m_http->setResponseDelayMs(int(s.responseDelayMs));
    if (m_kubelet)
        m_kubelet->setStartupDelayMs(int(s.podStartupDelayMs));
    if (m_controllers)
        m_controllers->setPaused(s.pauseControllers);
}

json ControlEndpoints::toJson(const Settings &s)
{
    json rules = json::array();
    for (const FailRule &r : s.failNext)
        rules.push_back(r.toJson());
    return {{"bookmarkIntervalMs", s.watch.bookmarkIntervalMs},
            {"eventWindow", s.eventWindow},
            {"pauseWatches", s.watch.paused},
            {"watchTooOldAsHttpError", s.watch.tooOldAsHttpError},
            {"refuseWatchCacheList", s.watch.refuseWatchCacheList},
            {"responseDelayMs", s.responseDelayMs},
            {"cutWatchAfterBytes", s.watch.cutAfterBytes},
            {"pauseControllers", s.pauseControllers},
            {"podStartupDelayMs", s.podStartupDelayMs},
            {"failNext", rules}};
}

void ControlEndpoints::showSettings(HttpExchange *ex, const json &)
{
    sendOk(ex, {{"settings", toJson(settings())}});
}

void ControlEndpoints::changeSettings(HttpExchange *ex, const json &body)
{
    if (!body.is_object())
        return sendBadRequest(ex, "settings needs a JSON object");
    static const std::set<std::string> known = {
        "bookmarkIntervalMs", "eventWindow",         "pauseWatches", "watchTooOldAsHttpError",
        "responseDelayMs",    "cutWatchAfterBytes",  "failNext",     "pauseControllers",
        "podStartupDelayMs",  "refuseWatchCacheList"};
    for (auto it = body.begin(); it != body.end(); ++it)
        if (!known.count(it.key()))
            return sendBadRequest(ex, "unknown setting \"" + it.key() + "\"");

    Settings s = settings();
    long long bookmark = s.watch.bookmarkIntervalMs, cut = s.watch.cutAfterBytes;
    std::string error;
    if (!readInteger(body, "bookmarkIntervalMs", 1, &bookmark, &error) ||
        !readInteger(body, "eventWindow", 1, &s.eventWindow, &error) ||
        !readInteger(body, "responseDelayMs", 0, &s.responseDelayMs, &error) ||
        !readInteger(body, "cutWatchAfterBytes", 0, &cut, &error) ||
        !readInteger(body, "podStartupDelayMs", 0, &s.podStartupDelayMs, &error) ||
        !readBoolean(body, "pauseWatches", &s.watch.paused, &error) ||
        !readBoolean(body, "watchTooOldAsHttpError", &s.watch.tooOldAsHttpError, &error) ||
        !readBoolean(body, "refuseWatchCacheList", &s.watch.refuseWatchCacheList, &error) ||
        !readBoolean(body, "pauseControllers", &s.pauseControllers, &error))
        return sendBadRequest(ex, error);
    s.watch.bookmarkIntervalMs = int(bookmark);
    s.watch.cutAfterBytes = cut;
    if (body.contains("failNext")) {
        const json &f = body["failNext"];
        if (f.is_null()) {
            s.failNext.clear();
        } else {
            const std::optional<FailRule> rule = FailRule::fromJson(f, &error);
            if (!rule)
                return sendBadRequest(ex, error);
            s.failNext.push_back(*rule);
        }
    }
    apply(s);
    sendOk(ex, {{"settings", toJson(settings())}});
}

void ControlEndpoints::addOrRevokeToken(HttpExchange *ex, const json &body)
{
    if (!body.is_object() || !body.value("token", json()).is_string() ||
        body["token"].get<std::string>().empty())
        return sendBadRequest(
            ex, "tokens needs {\"token\": \"...\", \"user\": NAME, \"role\": \"admin\"|\"viewer\"} "
                "or {\"token\": \"...\", \"revoke\": true}");
    const std::string token = body["token"].get<std::string>();
    if (body.value("revoke", false))
        return sendOk(ex, {{"revoked", m_access->revokeToken(token)}});
    const std::string role = body.value("role", "admin");
    if (role != "admin" && role != "viewer" && role != "read-only")
        return sendBadRequest(ex, "role must be admin or viewer (read-only)");
    const User u = role == "admin" ? User::admin(body.value("user", "kubesim-admin"))
                                   : User::viewer(body.value("user", "kubesim-viewer"));
    m_access->addToken(token, u);
    sendOk(ex, {{"user", u.name}, {"role", u.role()}});
}

void ControlEndpoints::listTokens(HttpExchange *ex, const json &)
{
    json users = json::array();
    for (const User &u : m_access->tokenUsers())
        users.push_back({{"user", u.name}, {"role", u.role()}});
    sendOk(ex, {{"users", users}});
}

void ControlEndpoints::restart(HttpExchange *ex, const json &body)
{
    const int downMs = body.is_object() ? body.value("downMs", 500) : 500;
    sendOk(ex);
    QMetaObject::invokeMethod(
        this, [this, downMs] { emit restartRequested(downMs); }, Qt::QueuedConnection);
}

} // namespace sim

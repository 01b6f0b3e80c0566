#pragma once

#include "sim/FailureInjector.h"
#include "sim/ObjectStore.h"
#include "sim/WatchHub.h"

#include <QObject>

#include <string>
#include <vector>

namespace sim {

class AccessControl;
class ControllerManager;
class HttpExchange;
class HttpServer;
class Kubelet;
class ScenarioPlayer;
struct User;

// kubesim's own endpoints under /_sim/ (docs/kubesim.md, "Control endpoints"), for tests and
// demos: timeline actions now, compaction, watch faults, settings, tokens, restart. They need an
// admin user and answer `{"ok": true, "resourceVersion": ...}` plus what each returns, or a
// Status (400 for a bad request, 422 for an action that cannot be applied).
class ControlEndpoints : public QObject
{
    Q_OBJECT

public:
    ControlEndpoints(ObjectStore *store, ScenarioPlayer *player, Kubelet *kubelet,
                     ControllerManager *controllers, WatchHub *watches, AccessControl *access,
                     FailureInjector *failures, QObject *parent = nullptr);

    void setHttpServer(HttpServer *http) { m_http = http; }

    // Answers a request for /_sim/...; false when no endpoint has its path and method.
    bool handle(HttpExchange *ex, const User &user);

signals:
    // The server should stop listening and come back after `downMs` (a restart).
    void restartRequested(int downMs);

private:
    using Handler = void (ControlEndpoints::*)(HttpExchange *ex, const json &body);
    struct Endpoint
    {
        const char *method;
        const char *path; // after /_sim/
        Handler handler;
    };
    static const Endpoint Endpoints[];

    // Everything the settings endpoint shows and changes, as one value: a POST is checked whole
    // before any of it applies.
    struct Settings
    {
        WatchSettings watch;
        long long eventWindow = 0;
        long long responseDelayMs = 0;
        long long podStartupDelayMs = 0;
        bool pauseControllers = false;
        std::vector<FailRule> failNext;
    };
    Settings settings() const;
    void apply(const Settings &settings);
    static json toJson(const Settings &settings);

    void inject(HttpExchange *ex, const json &body);
    void compact(HttpExchange *ex, const json &body);
    void dropWatches(HttpExchange *ex, const json &body);
    void writeWatchFrame(HttpExchange *ex, const json &body);
    void stats(HttpExchange *ex, const json &body);
    void showSettings(HttpExchange *ex, const json &body);
    void changeSettings(HttpExchange *ex, const json &body);
    void addOrRevokeToken(HttpExchange *ex, const json &body);
    void listTokens(HttpExchange *ex, const json &body);
    void restart(HttpExchange *ex, const json &body);

    void sendOk(HttpExchange *ex, const json &extra = json::object());

    ObjectStore *m_store;
    ScenarioPlayer *m_player;
    Kubelet *m_kubelet;
    ControllerManager *m_controllers;
    WatchHub *m_watches;
    AccessControl *m_access;
    FailureInjector *m_failures;
    HttpServer *m_http = nullptr;
};

} // namespace sim

#pragma once

#include "sim/AccessControl.h"
#include "sim/ResourceRegistry.h"

#include <QObject>

#include <memory>
#include <optional>
#include <string>

namespace sim {

class Certificates;
class ControlEndpoints;
class ControllerManager;
class Discovery;
class FailureInjector;
class HttpExchange;
class HttpServer;
class Kubelet;
class MetricsExporter;
class ObjectStore;
class ResourceHandler;
class ScenarioPlayer;
class WatchHub;

// kube-apiserver as kubesim serves it, put together from its parts: the ResourceRegistry (what is
// served, at which API level), Discovery, AccessControl (authentication, authorization),
// ResourceHandler (the REST verbs), WatchHub (watch streams), FailureInjector (failNext) and
// ControlEndpoints (/_sim/). It routes each request to one of them, in kube-apiserver's order:
// health and version without credentials, then authentication, then discovery and resources.
class ApiServer : public QObject
{
    Q_OBJECT

public:
    ApiServer(ObjectStore *store, ScenarioPlayer *player, const Certificates *certs,
              Kubelet *kubelet, ControllerManager *controllers, QObject *parent = nullptr);
    ~ApiServer() override;

    void setHttpServer(HttpServer *http);
    void addToken(const std::string &token, const User &user);
    void addBasicUser(const std::string &username, const std::string &password, const User &user);
    // Set before serving.
    void setApiLevel(ApiLevel level);
    void setBookmarkIntervalMs(int ms);
    // Nodes in protobuf when asked (default on); off, JSON only (--no-protobuf).
    void setServeProtobuf(bool on);
    // Lists at resourceVersion=0 get 410 Expired (--refuse-watch-cache-list).
    void setRefuseWatchCacheList(bool on);

    void handle(HttpExchange *exchange);
    // Ends every watch abruptly, as when the connection to the API server breaks.
    void dropWatches();

signals:
    // Control: the server should stop listening and come back (restart).
    void restartRequested(int downMs);

private:
    ResourceRegistry m_registry;
    std::unique_ptr<Discovery> m_discovery;
    std::unique_ptr<MetricsExporter> m_metrics;
    AccessControl m_access;
    std::unique_ptr<FailureInjector> m_failures;
    std::unique_ptr<WatchHub> m_watches;
    std::unique_ptr<ResourceHandler> m_resources;
    std::unique_ptr<ControlEndpoints> m_control;
};

} // namespace sim

#include "sim/ApiServer.h"

#include "sim/ControlEndpoints.h"
#include "sim/Discovery.h"
#include "sim/FailureInjector.h"
#include "sim/HttpServer.h"
#include "sim/MetricsExporter.h"
#include "sim/Reply.h"
#include "sim/ResourceHandler.h"
#include "sim/WatchHub.h"

namespace sim {

namespace {

void sendNoSuchPath(HttpExchange *ex)
{
    sendStatus(ex, 404, "NotFound", "the server could not find the requested resource");
}

} // namespace

ApiServer::ApiServer(ObjectStore *store, ScenarioPlayer *player, const Certificates *certs,
                     Kubelet *kubelet, ControllerManager *controllers, QObject *parent)
    : QObject(parent)
    , m_discovery(std::make_unique<Discovery>(&m_registry))
    , m_metrics(std::make_unique<MetricsExporter>(store))
    , m_access(certs)
    , m_failures(std::make_unique<FailureInjector>())
    , m_watches(std::make_unique<WatchHub>(store))
    , m_resources(std::make_unique<ResourceHandler>(store, kubelet, &m_registry, &m_access,
                                                    m_watches.get()))
    , m_control(std::make_unique<ControlEndpoints>(store, player, kubelet, controllers,
                                                   m_watches.get(), &m_access, m_failures.get()))
{
    connect(m_control.get(), &ControlEndpoints::restartRequested, this,
            &ApiServer::restartRequested);
}

ApiServer::~ApiServer() = default;

void ApiServer::setHttpServer(HttpServer *http)
{
    m_control->setHttpServer(http);
}

void ApiServer::addToken(const std::string &token, const User &user)
{
    m_access.addToken(token, user);
}

void ApiServer::addBasicUser(const std::string &username, const std::string &password,
                             const User &user)
{
    m_access.addBasicUser(username, password, user);
}

void ApiServer::setApiLevel(ApiLevel level)
{
    m_registry.setApiLevel(level);
}

void ApiServer::setBookmarkIntervalMs(int ms)
{
    WatchSettings settings = m_watches->settings();
    settings.bookmarkIntervalMs = ms;
    m_watches->setSettings(settings);
}

void ApiServer::setServeProtobuf(bool on)
{
    m_resources->setServeProtobuf(on);
}

void ApiServer::setRefuseWatchCacheList(bool on)
{
    WatchSettings settings = m_watches->settings();
    settings.refuseWatchCacheList = on;
    m_watches->setSettings(settings);
}

void ApiServer::dropWatches()
{
    m_watches->dropAll();
}

void ApiServer::handle(HttpExchange *ex)
{
    const HttpRequest &req = ex->request();
    const QString path = req.path;
    // Control requests are never failed on purpose (nor delayed: HttpServer).
    const bool control = path.startsWith(QLatin1String("/_sim/"));
    if (!control && m_failures->failIfMatched(ex))
        return;
    if (path == QLatin1String("/healthz") || path == QLatin1String("/livez") ||
        path == QLatin1String("/readyz")) {
        ex->respond(200, "text/plain; charset=utf-8", "ok");
        return;
    }
    // kube-state-metrics serves its metrics without the API server's credentials; kubesim
    // serves them beside the API so that a Prometheus can scrape it with a plain job.
    if (path == QLatin1String("/metrics") && req.method == "GET")
        return ex->respond(200, MetricsExporter::ContentType, m_metrics->render());
    if (path == QLatin1String("/version"))
        return sendJson(ex, 200, m_discovery->version());
    const std::optional<User> user = m_access.authenticate(req);
    if (!user)
        return sendStatus(ex, 401, "Unauthorized", "Unauthorized");
    if (control) {
        if (!m_control->handle(ex, *user))
            sendNoSuchPath(ex);
        return;
    }
    if (const std::optional<json> document = m_discovery->document(path))
        return sendJson(ex, 200, *document);
    const ApiPath p = m_registry.parsePath(path);
    if (!p.valid)
        return sendNoSuchPath(ex);
    m_resources->handle(ex, p, *user);
}

} // namespace sim

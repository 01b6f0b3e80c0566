#include "sim/ApiServer.h"

#include "sim/Certificates.h"
#include "sim/ControllerManager.h"
#include "sim/EvictionHandler.h"
#include "sim/Kubelet.h"
#include "sim/Patch.h"
#include "sim/ScenarioPlayer.h"
#include "sim/TableConverter.h"
#include "sim/WorkloadFactory.h"

#include <QSslCertificate>

#include <algorithm>
#include <set>

namespace sim {

namespace {

bool isWriteVerb(const std::string &verb)
{
    return verb != "get" && verb != "list" && verb != "watch";
}

std::string resourceLabel(const ApiPath &p)
{
    std::string r = p.resource->plural;
    if (!p.subresource.empty())
        r += "/" + p.subresource;
    return r;
}

std::string groupSuffix(const ResourceInfo &r)
{
    return r.group.empty() ? std::string() : "." + r.group;
}

std::string encodeContinue(std::uint64_t rv, const std::string &start)
{
    const json token = {{"v", "meta.k8s.io/v1"}, {"rv", rv}, {"start", start}};
    return QByteArray::fromStdString(token.dump())
        .toBase64(QByteArray::Base64UrlEncoding)
        .toStdString();
}

bool decodeContinue(const std::string &text, std::uint64_t *rv, std::string *start)
{
    const QByteArray raw =
        QByteArray::fromBase64(QByteArray::fromStdString(text), QByteArray::Base64UrlEncoding);
    const json j = json::parse(raw.begin(), raw.end(), nullptr, false);
    if (!j.is_object() || !j.contains("rv") || !j.contains("start") ||
        !j["rv"].is_number_unsigned() || !j["start"].is_string())
        return false;
    *rv = j["rv"].get<std::uint64_t>();
    *start = j["start"].get<std::string>();
    return true;
}

// The selectable fields of each resource (the API server's field label conversion functions).
const std::set<std::string> &selectableFields(const std::string &resource)
{
    static const std::map<std::string, std::set<std::string>> fields = {
        {"pods",
         {"spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
          "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"}},
        {"nodes", {"spec.unschedulable"}},
        {"namespaces", {"status.phase"}},
        {"events",
         {"involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
          "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
          "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"}},
    };
    static const std::set<std::string> none;
    auto it = fields.find(resource);
    return it == fields.end() ? none : it->second;
}

std::string defaultReason(int code)
{
    switch (code) {
    case 400:
        return "BadRequest";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "NotFound";
    case 405:
        return "MethodNotAllowed";
    case 406:
        return "NotAcceptable";
    case 409:
        return "Conflict";
    case 410:
        return "Expired";
    case 415:
        return "UnsupportedMediaType";
    case 422:
        return "Invalid";
    case 429:
        return "TooManyRequests";
    case 500:
        return "InternalError";
    case 503:
        return "ServiceUnavailable";
    case 504:
        return "Timeout";
    default:
        return "Unknown";
    }
}

bool queryFlag(const HttpRequest &req, const char *key)
{
    const QString v = req.queryValue(QString::fromLatin1(key));
    return v == QLatin1String("1") || v == QLatin1String("true");
}

std::string dump(const json &j)
{
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace

ApiServer::ApiServer(ObjectStore *store, ScenarioPlayer *player, const Certificates *certs,
                     Kubelet *kubelet, ControllerManager *controllers, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_player(player)
    , m_certs(certs)
    , m_kubelet(kubelet)
    , m_controllers(controllers)
    , m_eviction(std::make_unique<EvictionHandler>(store, kubelet))
{
    const std::vector<std::string> rw = {"create", "delete", "deletecollection", "get",
                                         "list",   "patch",  "update",           "watch"};
    m_resources = {
        {"", "v1", "nodes", "node", "Node", false, rw, {"no"}, {"status"}, {}},
        {"", "v1", "pods", "pod", "Pod", true, rw, {"po"}, {"status", "eviction", "log"}, {"all"}},
        {"", "v1", "namespaces", "namespace", "Namespace", false, rw, {"ns"}, {"status"}, {}},
        {"", "v1", "events", "event", "Event", true, rw, {"ev"}, {}, {}},
        {"", "v1", "services", "service", "Service", true, rw, {"svc"}, {"status"}, {"all"}},
        {"", "v1", "configmaps", "configmap", "ConfigMap", true, rw, {"cm"}, {}, {}},
        {"apps",
         "v1",
         "daemonsets",
         "daemonset",
         "DaemonSet",
         true,
         rw,
         {"ds"},
         {"status"},
         {"all"}},
        {"apps",
         "v1",
         "replicasets",
         "replicaset",
         "ReplicaSet",
         true,
         rw,
         {"rs"},
         {"status"},
         {"all"}},
        {"apps",
         "v1",
         "deployments",
         "deployment",
         "Deployment",
         true,
         rw,
         {"deploy"},
         {"status"},
         {"all"}},
        {"apps",
         "v1",
         "statefulsets",
         "statefulset",
         "StatefulSet",
         true,
         rw,
         {"sts"},
         {"status"},
         {"all"}},
        {"batch", "v1", "jobs", "job", "Job", true, rw, {}, {"status"}, {"all"}},
        {"policy",
         "v1",
         "poddisruptionbudgets",
         "poddisruptionbudget",
         "PodDisruptionBudget",
         true,
         rw,
         {"pdb"},
         {"status"},
         {}},
        {"coordination.k8s.io", "v1", "leases", "lease", "Lease", true, rw, {}, {}, {}},
        {"authorization.k8s.io",
         "v1",
         "selfsubjectaccessreviews",
         "selfsubjectaccessreview",
         "SelfSubjectAccessReview",
         false,
         {"create"},
         {},
         {},
         {}},
        // Who am I (kubectl auth whoami): v1 from Kubernetes 1.28, v1beta1 from 1.27.
        {"authentication.k8s.io",
         "v1",
         "selfsubjectreviews",
         "selfsubjectreview",
         "SelfSubjectReview",
         false,
         {"create"},
         {},
         {},
         {}},
        {"authentication.k8s.io",
         "v1beta1",
         "selfsubjectreviews",
         "selfsubjectreview",
         "SelfSubjectReview",
         false,
         {"create"},
         {},
         {},
         {}},
    };
    connect(store, &ObjectStore::changed, this, &ApiServer::onStoreChanged);
}

void ApiServer::setApiLevel(ApiLevel level)
{
    m_apiLevel = level;
    auto pdb = std::find_if(m_resources.begin(), m_resources.end(), [](const ResourceInfo &r) {
        return r.group == "policy" && r.plural == "poddisruptionbudgets";
    });
    if (pdb == m_resources.end())
        return;
    if (level == ApiLevel::V1_20) {
        pdb->version = "v1beta1";
    } else if (level == ApiLevel::V1_21) {
        // Both versions, the preferred one first (discovery lists them in this order).
        ResourceInfo beta = *pdb;
        beta.version = "v1beta1";
        m_resources.insert(pdb + 1, beta);
    }
}

std::optional<ApiServer::ApiLevel> ApiServer::parseApiLevel(const QString &text)
{
    if (text == QLatin1String("1.20"))
        return ApiLevel::V1_20;
    if (text == QLatin1String("1.21"))
        return ApiLevel::V1_21;
    if (text == QLatin1String("current"))
        return ApiLevel::Current;
    return std::nullopt;
}

ApiServer::~ApiServer()
{
    m_watches.clear();
}

void ApiServer::addToken(const std::string &token, const User &user)
{
    m_tokens[token] = user;
}

void ApiServer::addBasicUser(const std::string &username, const std::string &password,
                             const User &user)
{
    m_basicUsers[username] = {password, user};
}

json ApiServer::status(int code, const std::string &reason, const std::string &message,
                       const json &details)
{
    json s = {{"kind", "Status"},    {"apiVersion", "v1"}, {"metadata", json::object()},
              {"status", "Failure"}, {"message", message}, {"reason", reason},
              {"code", code}};
    if (!details.is_null())
        s["details"] = details;
    return s;
}

MediaType ApiServer::negotiate(const QByteArray &accept)
{
    MediaType out;
    // The first acceptable media range wins; protobuf and CBOR are not spoken here.
    for (const QByteArray &range : accept.split(',')) {
        const QList<QByteArray> parts = range.split(';');
        const QByteArray type = parts.value(0).trimmed().toLower();
        if (type != "application/json" && type != "*/*" && type != "application/*")
            continue;
        QByteArray as, g, v;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray kv = parts[i].trimmed();
            const qsizetype eq = kv.indexOf('=');
            if (eq < 0)
                continue;
            const QByteArray k = kv.left(eq).trimmed(), val = kv.mid(eq + 1).trimmed();
            if (k == "as")
                as = val;
            else if (k == "g")
                g = val;
            else if (k == "v")
                v = val;
        }
        if (as.isEmpty())
            return out;
        if (g != "meta.k8s.io" || (v != "v1" && v != "v1beta1"))
            continue; // e.g. aggregated discovery (apidiscovery.k8s.io): answered in the plain
                      // format
        out.apiVersion = "meta.k8s.io/" + v.toStdString();
        if (as == "Table")
            out.kind = MediaType::Kind::Table;
        else if (as == "PartialObjectMetadata")
            out.kind = MediaType::Kind::PartialObjectMetadata;
        else if (as == "PartialObjectMetadataList")
            out.kind = MediaType::Kind::PartialObjectMetadataList;
        else
            continue;
        return out;
    }
    return out;
}

void ApiServer::sendJson(HttpExchange *ex, int code, const json &body,
                         const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    ex->respond(code, "application/json", QByteArray::fromStdString(dump(body)), headers);
}

void ApiServer::sendStatus(HttpExchange *ex, int code, const std::string &reason,
                           const std::string &message, const json &details)
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (details.is_object() && details.value("retryAfterSeconds", 0) > 0)
        headers.append({"Retry-After", QByteArray::number(details.value("retryAfterSeconds", 0))});
    sendJson(ex, code, status(code, reason, message, details), headers);
}

void ApiServer::sendNotFound(HttpExchange *ex, const ApiPath &p)
{
    const std::string what = p.resource->plural + groupSuffix(*p.resource);
    sendStatus(ex, 404, "NotFound", what + " \"" + p.name + "\" not found",
               {{"name", p.name}, {"group", p.resource->group}, {"kind", p.resource->plural}});
}

void ApiServer::sendConflict(HttpExchange *ex, const ApiPath &p)
{
    sendStatus(ex, 409, "Conflict",
               "Operation cannot be fulfilled on " + p.resource->plural + groupSuffix(*p.resource) +
                   " \"" + p.name +
                   "\": the object has been modified; please apply your changes to the latest "
                   "version and try again",
               {{"name", p.name}, {"group", p.resource->group}, {"kind", p.resource->plural}});
}

std::optional<User> ApiServer::authenticate(const HttpRequest &req) const
{
    const QByteArray auth = req.header("authorization");
    if (auth.startsWith("Bearer ")) {
        auto it = m_tokens.find(auth.mid(7).trimmed().toStdString());
        if (it != m_tokens.end())
            return it->second;
        return std::nullopt;
    }
    if (auth.startsWith("Basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(auth.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon < 0)
            return std::nullopt;
        auto it = m_basicUsers.find(decoded.left(colon).toStdString());
        if (it != m_basicUsers.end() && it->second.first == decoded.mid(colon + 1).toStdString())
            return it->second.second;
        return std::nullopt;
    }
    if (!req.peerCertificate.isNull() && m_certs &&
        m_certs->verifyClient(req.peerCertificate.toDer())) {
        User u;
        const QStringList cn = req.peerCertificate.subjectInfo(QSslCertificate::CommonName);
        u.name = cn.value(0).toStdString();
        for (const QString &o : req.peerCertificate.subjectInfo(QSslCertificate::Organization))
            u.groups.push_back(o.toStdString());
        u.canWrite =
            std::find(u.groups.begin(), u.groups.end(), "system:masters") != u.groups.end();
        return u;
    }
    return std::nullopt;
}

const ResourceInfo *ApiServer::findResource(const std::string &group, const std::string &version,
                                            const std::string &plural) const
{
    for (const ResourceInfo &r : m_resources)
        if (r.group == group && r.version == version && r.plural == plural)
            return &r;
    return nullptr;
}

ApiPath ApiServer::parsePath(const QString &path) const
{
    ApiPath p;
    QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    std::string group, version;
    if (parts.value(0) == QLatin1String("api") && parts.size() >= 3) {
        version = parts[1].toStdString();
        parts = parts.mid(2);
    } else if (parts.value(0) == QLatin1String("apis") && parts.size() >= 4) {
        group = parts[1].toStdString();
        version = parts[2].toStdString();
        parts = parts.mid(3);
    } else {
        return p;
    }
    if (parts.value(0) == QLatin1String("namespaces") && parts.size() >= 3) {
        p.ns = parts[1].toStdString();
        parts = parts.mid(2);
    }
    p.resource = findResource(group, version, parts.value(0).toStdString());
    if (!p.resource)
        return p;
    // /api/v1/namespaces/NAME is the namespace itself, not a namespace scope.
    if (!p.resource->namespaced && !p.ns.empty() && p.resource->plural != "namespaces")
        return p;
    p.name = parts.value(1).toStdString();
    p.subresource = parts.value(2).toStdString();
    if (parts.size() > 3)
        return p;
    if (!p.subresource.empty() &&
        std::find(p.resource->subresources.begin(), p.resource->subresources.end(),
                  p.subresource) == p.resource->subresources.end())
        return p;
    p.valid = true;
    return p;
}

bool ApiServer::authorize(HttpExchange *ex, const User &user, const std::string &verb,
                          const ApiPath &p)
{
    if (!isWriteVerb(verb) || user.canWrite || p.resource->plural == "selfsubjectaccessreviews" ||
        p.resource->plural == "selfsubjectreviews")
        return true;
    std::string msg;
    const std::string res = resourceLabel(p);
    if (!p.name.empty())
        msg = p.resource->plural + groupSuffix(*p.resource) + " \"" + p.name + "\" is forbidden: ";
    else
        msg = p.resource->plural + groupSuffix(*p.resource) + " is forbidden: ";
    msg += "User \"" + user.name + "\" cannot " + verb + " resource \"" + res +
           "\" in API group \"" + p.resource->group + "\"";
    msg += p.ns.empty() ? " at the cluster scope" : " in the namespace \"" + p.ns + "\"";
    sendStatus(ex, 403, "Forbidden", msg,
               {{"name", p.name}, {"group", p.resource->group}, {"kind", p.resource->plural}});
    return false;
}

bool ApiServer::injectFailure(HttpExchange *ex)
{
    const HttpRequest &req = ex->request();
    for (auto it = m_failRules.begin(); it != m_failRules.end(); ++it) {
        if (!req.path.startsWith(QString::fromStdString(it->pathPrefix)))
            continue;
        if (!it->method.empty() && req.method != QByteArray::fromStdString(it->method))
            continue;
        const FailRule rule = *it;
        if (--it->remaining <= 0)
            m_failRules.erase(it);
        json details = json::object();
        if (rule.retryAfterSeconds > 0)
            details["retryAfterSeconds"] = rule.retryAfterSeconds;
        sendStatus(ex, rule.status, rule.reason, rule.message, details.empty() ? json() : details);
        return true;
    }
    return false;
}

void ApiServer::handle(HttpExchange *ex)
{
    const HttpRequest &req = ex->request();
    const QString path = req.path;
    const bool control = path.startsWith(QLatin1String("/_sim/"));
    if (!control && injectFailure(ex))
        return;
    if (path == QLatin1String("/healthz") || path == QLatin1String("/livez") ||
        path == QLatin1String("/readyz")) {
        ex->respond(200, "text/plain; charset=utf-8", "ok");
        return;
    }
    if (path == QLatin1String("/version")) {
        const char *minor = m_apiLevel == ApiLevel::V1_20   ? "20"
                            : m_apiLevel == ApiLevel::V1_21 ? "21"
                                                            : "30";
        sendJson(ex, 200,
                 {{"major", "1"},
                  {"minor", minor},
                  {"gitVersion", std::string("v1.") + minor + ".0-kubesim"},
                  {"gitCommit", "kubesim"},
                  {"gitTreeState", "clean"},
                  {"buildDate", "2026-01-01T00:00:00Z"},
                  {"goVersion", "go1.22.0"},
                  {"compiler", "gc"},
                  {"platform", "linux/amd64"}});
        return;
    }
    const std::optional<User> user = authenticate(req);
    if (!user) {
        sendStatus(ex, 401, "Unauthorized", "Unauthorized");
        return;
    }
    if (control) {
        if (!handleControl(ex, *user))
            sendStatus(ex, 404, "NotFound", "the server could not find the requested resource");
        return;
    }
    if (handleDiscovery(ex))
        return;

    const ApiPath p = parsePath(path);
    if (!p.valid) {
        sendStatus(ex, 404, "NotFound", "the server could not find the requested resource");
        return;
    }
    const QByteArray &method = req.method;
    const bool watch = queryFlag(req, "watch");
    std::string verb;
    if (method == "GET")
        verb = watch ? "watch" : (p.name.empty() ? "list" : "get");
    else if (method == "POST")
        verb = "create";
    else if (method == "PUT")
        verb = "update";
    else if (method == "PATCH")
        verb = "patch";
    else if (method == "DELETE")
        verb = p.name.empty() ? "deletecollection" : "delete";
    else
        return sendStatus(ex, 405, "MethodNotAllowed",
                          "the server does not allow this method on the requested resource");
    // Subresources answer only the verbs they have.
    const bool eviction = p.subresource == "eviction";
    if ((eviction && verb != "create") || (p.subresource == "log" && verb != "get") ||
        (p.subresource == "status" && verb != "get" && verb != "update" && verb != "patch") ||
        (!eviction && verb == "create" && !p.name.empty() && p.resource->plural != "namespaces"))
        return sendStatus(ex, 405, "MethodNotAllowed",
                          "the server does not allow this method on the requested resource");
    if (!authorize(ex, *user, verb, p))
        return;

    if (eviction)
        return handleEviction(ex, p);
    if (p.subresource == "log") {
        if (!m_store->get("pods", p.ns, p.name))
            return sendNotFound(ex, p);
        ex->respond(200, "text/plain", "kubesim: this simulated container writes no log\n");
        return;
    }
    if (verb == "watch")
        return handleWatch(ex, p);
    if (verb == "list")
        return handleList(ex, p);
    if (verb == "get")
        return handleGet(ex, p);
    if (verb == "create")
        return handleCreate(ex, p, *user);
    if (verb == "update")
        return handleUpdate(ex, p);
    if (verb == "patch")
        return handlePatch(ex, p);
    if (verb == "delete")
        return handleDelete(ex, p);
    return handleDeleteCollection(ex, p);
}

bool ApiServer::handleDiscovery(HttpExchange *ex)
{
    const QString path = ex->request().path;
    auto resourceList = [&](const std::string &gv) {
        json resources = json::array();
        for (const ResourceInfo &r : m_resources) {
            if (r.groupVersion() != gv)
                continue;
            json entry = {{"name", r.plural},
                          {"singularName", r.singular},
                          {"namespaced", r.namespaced},
                          {"kind", r.kind},
                          {"verbs", r.verbs}};
            if (!r.shortNames.empty())
                entry["shortNames"] = r.shortNames;
            if (!r.categories.empty())
                entry["categories"] = r.categories;
            resources.push_back(entry);
            // Subresources have an empty singularName, as on kube-apiserver.
            for (const std::string &sub : r.subresources) {
                if (sub == "eviction")
                    resources.push_back(
                        {{"name", r.plural + "/eviction"},
                         {"singularName", ""},
                         {"namespaced", true},
                         {"group", "policy"},
                         {"version", m_apiLevel == ApiLevel::Current ? "v1" : "v1beta1"},
                         {"kind", "Eviction"},
                         {"verbs", {"create"}}});
                else
                    resources.push_back(
                        {{"name", r.plural + "/" + sub},
                         {"singularName", ""},
                         {"namespaced", r.namespaced},
                         {"kind", sub == "log" ? "Pod" : r.kind},
                         {"verbs", sub == "log" ? json{"get"} : json{"get", "patch", "update"}}});
            }
        }
        return json{{"kind", "APIResourceList"},
                    {"apiVersion", "v1"},
                    {"groupVersion", gv},
                    {"resources", resources}};
    };
    if (path == QLatin1String("/api")) {
        sendJson(ex, 200,
                 {{"kind", "APIVersions"},
                  {"versions", {"v1"}},
                  {"serverAddressByClientCIDRs",
                   {{{"clientCIDR", "0.0.0.0/0"}, {"serverAddress", "127.0.0.1:6443"}}}}});
        return true;
    }
    if (path == QLatin1String("/api/v1")) {
        sendJson(ex, 200, resourceList("v1"));
        return true;
    }
    // A group with all its versions, the preferred (first registered) one first.
    auto groupJson = [&](const std::string &group) {
        json versions = json::array();
        for (const ResourceInfo &r : m_resources) {
            if (r.group != group)
                continue;
            const json gv = {{"groupVersion", r.groupVersion()}, {"version", r.version}};
            if (std::find(versions.begin(), versions.end(), gv) == versions.end())
                versions.push_back(gv);
        }
        return json{{"name", group}, {"versions", versions}, {"preferredVersion", versions[0]}};
    };
    if (path == QLatin1String("/apis")) {
        json groups = json::array();
        std::vector<std::string> seen;
        for (const ResourceInfo &r : m_resources) {
            if (r.group.empty() || std::find(seen.begin(), seen.end(), r.group) != seen.end())
                continue;
            seen.push_back(r.group);
            groups.push_back(groupJson(r.group));
        }
        sendJson(ex, 200, {{"kind", "APIGroupList"}, {"apiVersion", "v1"}, {"groups", groups}});
        return true;
    }
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() == 3 && parts[0] == QLatin1String("apis")) {
        const std::string gv = parts[1].toStdString() + "/" + parts[2].toStdString();
        const json list = resourceList(gv);
        if (list["resources"].empty())
            return false;
        sendJson(ex, 200, list);
        return true;
    }
    if (parts.size() == 2 && parts[0] == QLatin1String("apis")) {
        for (const ResourceInfo &r : m_resources)
            if (r.group == parts[1].toStdString()) {
                json group = groupJson(r.group);
                group["kind"] = "APIGroup";
                group["apiVersion"] = "v1";
                sendJson(ex, 200, group);
                return true;
            }
    }
    return false;
}

json ApiServer::settingsJson() const
{
    json rules = json::array();
    for (const FailRule &r : m_failRules)
        rules.push_back({{"status", r.status},
                         {"reason", r.reason},
                         {"message", r.message},
                         {"count", r.remaining},
                         {"pathPrefix", r.pathPrefix},
                         {"method", r.method},
                         {"retryAfterSeconds", r.retryAfterSeconds}});
    return {{"bookmarkIntervalMs", m_bookmarkIntervalMs},
            {"eventWindow", m_store->eventWindow()},
            {"pauseWatches", m_watchesPaused},
            {"watchTooOldAsHttpError", m_tooOldAsHttp},
            {"responseDelayMs", m_http ? m_http->responseDelayMs() : 0},
            {"cutWatchAfterBytes", m_cutWatchAfterBytes},
            {"pauseControllers", m_controllers && m_controllers->isPaused()},
            {"podStartupDelayMs", m_kubelet ? m_kubelet->startupDelayMs() : 0},
            {"failNext", rules}};
}

bool ApiServer::handleControl(HttpExchange *ex, const User &user)
{
    const HttpRequest &req = ex->request();
    if (!user.canWrite) {
        sendStatus(ex, 403, "Forbidden", "kubesim control needs an admin user");
        return true;
    }
    const QString what = req.path.mid(6);
    const json body = json::parse(req.body.begin(), req.body.end(), nullptr, false);
    auto ok = [&](const json &extra = json::object()) {
        json r = {{"ok", true},
                  {"resourceVersion", std::to_string(m_store->currentResourceVersion())}};
        r.update(extra);
        sendJson(ex, 200, r);
    };
    auto bad = [&](const std::string &message) { sendStatus(ex, 400, "BadRequest", message); };
    if (what == QLatin1String("inject") && req.method == "POST") {
        if (!body.is_object() && !body.is_array()) {
            bad("inject needs a timeline action as JSON, or a list of them");
            return true;
        }
        const json actions = body.is_array() ? body : json::array({body});
        for (const json &a : actions) {
            const QString err = m_player->apply(a);
            if (!err.isEmpty()) {
                sendStatus(ex, 422, "Invalid", err.toStdString());
                return true;
            }
        }
        // Let the controllers settle (PDB status after a readiness change) before answering.
        if (m_controllers)
            m_controllers->syncNow();
        ok();
        return true;
    }
    if (what == QLatin1String("compact") && req.method == "POST") {
        m_store->compact();
        ok();
        return true;
    }
    if (what == QLatin1String("drop-watches") && req.method == "POST") {
        const int n = watchCount();
        ok({{"dropped", n}});
        QMetaObject::invokeMethod(this, &ApiServer::dropWatches, Qt::QueuedConnection);
        return true;
    }
    if (what == QLatin1String("watch-frame") && req.method == "POST") {
        // {"frame": TEXT, "resource": "nodes", "end": false}: writes TEXT and a newline to every
        // watch of that resource (an ERROR event, or a frame that does not decode), then ends
        // those streams cleanly when `end` is set. The frame is not kept in the event log.
        const json body = json::parse(req.body.begin(), req.body.end(), nullptr, false);
        if (!body.is_object() || !body.contains("frame") || !body["frame"].is_string()) {
            sendStatus(ex, 400, "BadRequest",
                       "watch-frame needs {\"frame\": TEXT} (and optionally resource, end)");
            return true;
        }
        const std::string resource = body.value("resource", std::string("nodes"));
        const std::string frame = body["frame"].get<std::string>() + "\n";
        const bool end = body.value("end", false);
        std::vector<Watch *> targets;
        for (Watch &w : m_watches)
            if (w.exchange && w.resource->plural == resource)
                targets.push_back(&w);
        for (Watch *w : targets) {
            writeFrame(*w, frame);
            if (end)
                endWatch(w, true);
        }
        ok({{"written", int(targets.size())}});
        return true;
    }
    if (what == QLatin1String("stats") && req.method == "GET") {
        ok({{"nodes", m_store->count("nodes")},
            {"pods", m_store->count("pods")},
            {"events", m_store->count("events")},
            {"watches", watchCount()},
            {"connections", m_http ? m_http->connectionCount() : 0},
            {"oldestWatchableResourceVersion",
             std::to_string(m_store->oldestWatchableResourceVersion("nodes"))},
            {"failNextPending", int(m_failRules.size())}});
        return true;
    }
    if (what == QLatin1String("settings") && req.method == "GET") {
        ok({{"settings", settingsJson()}});
        return true;
    }
    if (what == QLatin1String("settings") && req.method == "POST") {
        if (!body.is_object()) {
            bad("settings needs a JSON object");
            return true;
        }
        static const std::set<std::string> known = {
            "bookmarkIntervalMs", "eventWindow",        "pauseWatches", "watchTooOldAsHttpError",
            "responseDelayMs",    "cutWatchAfterBytes", "failNext",     "pauseControllers",
            "podStartupDelayMs"};
        for (auto it = body.begin(); it != body.end(); ++it)
            if (!known.count(it.key())) {
                bad("unknown setting \"" + it.key() + "\"");
                return true;
            }
        auto integer = [&](const char *key, long long min, long long *out) {
            if (!body.contains(key))
                return true;
            if (!body[key].is_number_integer() || body[key].get<long long>() < min) {
                bad(std::string(key) + " must be an integer >= " + std::to_string(min));
                return false;
            }
            *out = body[key].get<long long>();
            return true;
        };
        auto boolean = [&](const char *key, bool *out) {
            if (!body.contains(key))
                return true;
            if (!body[key].is_boolean()) {
                bad(std::string(key) + " must be true or false");
                return false;
            }
            *out = body[key].get<bool>();
            return true;
        };
        long long bookmark = m_bookmarkIntervalMs, window = (long long)m_store->eventWindow(),
                  delay = m_http ? m_http->responseDelayMs() : 0, cut = m_cutWatchAfterBytes,
                  startup = m_kubelet ? m_kubelet->startupDelayMs() : 0;
        bool pauseWatches = m_watchesPaused, tooOld = m_tooOldAsHttp,
             pauseControllers = m_controllers && m_controllers->isPaused();
        if (!integer("bookmarkIntervalMs", 1, &bookmark) || !integer("eventWindow", 1, &window) ||
            !integer("responseDelayMs", 0, &delay) || !integer("cutWatchAfterBytes", 0, &cut) ||
            !integer("podStartupDelayMs", 0, &startup) || !boolean("pauseWatches", &pauseWatches) ||
            !boolean("watchTooOldAsHttpError", &tooOld) ||
            !boolean("pauseControllers", &pauseControllers))
            return true;
        std::vector<FailRule> rules = m_failRules;
        if (body.contains("failNext")) {
            const json &f = body["failNext"];
            if (f.is_null()) {
                rules.clear();
            } else {
                if (!f.is_object() || !f.value("status", json()).is_number_integer()) {
                    bad("failNext needs {\"status\": CODE} (and optionally reason, message, count, "
                        "pathPrefix, "
                        "method, retryAfterSeconds), or null to clear");
                    return true;
                }
                FailRule r;
                r.status = f["status"].get<int>();
                if (r.status < 400 || r.status > 599) {
                    bad("failNext.status must be an HTTP error code (400-599)");
                    return true;
                }
                r.reason = f.value("reason", defaultReason(r.status));
                r.message = f.value("message", "kubesim: injected failure");
                r.remaining = std::max(1, f.value("count", 1));
                r.pathPrefix = f.value("pathPrefix", "/");
                r.method = f.value("method", "");
                r.retryAfterSeconds = std::max(0, f.value("retryAfterSeconds", 0));
                rules.push_back(r);
            }
        }
        m_bookmarkIntervalMs = int(bookmark);
        m_store->setEventWindow(std::size_t(window));
        m_watchesPaused = pauseWatches;
        m_tooOldAsHttp = tooOld;
        m_cutWatchAfterBytes = cut;
        m_failRules = rules;
        if (m_http)
            m_http->setResponseDelayMs(int(delay));
        if (m_kubelet)
            m_kubelet->setStartupDelayMs(int(startup));
        if (m_controllers)
            m_controllers->setPaused(pauseControllers);
        ok({{"settings", settingsJson()}});
        return true;
    }
    if (what == QLatin1String("tokens") && req.method == "POST") {
        if (!body.is_object() || !body.value("token", json()).is_string() ||
            body["token"].get<std::string>().empty()) {
            bad("tokens needs {\"token\": \"...\", \"user\": NAME, \"role\": \"admin\"|\"viewer\"} "
                "or "
                "{\"token\": \"...\", \"revoke\": true}");
            return true;
        }
        const std::string token = body["token"].get<std::string>();
        if (body.value("revoke", false)) {
            const bool existed = m_tokens.erase(token) > 0;
            ok({{"revoked", existed}});
            return true;
        }
        const std::string role = body.value("role", "admin");
        if (role != "admin" && role != "viewer" && role != "read-only") {
            bad("role must be admin or viewer (read-only)");
            return true;
        }
        User u;
        u.name = body.value("user", role == "admin" ? "kubesim-admin" : "kubesim-viewer");
        u.canWrite = role == "admin";
        u.groups = u.canWrite ? std::vector<std::string>{"system:masters", "system:authenticated"}
                              : std::vector<std::string>{"system:authenticated"};
        m_tokens[token] = u;
        ok({{"user", u.name}, {"role", u.canWrite ? "admin" : "viewer"}});
        return true;
    }
    if (what == QLatin1String("tokens") && req.method == "GET") {
        json users = json::array();
        for (const auto &[token, u] : m_tokens)
            users.push_back({{"user", u.name}, {"role", u.canWrite ? "admin" : "viewer"}});
        ok({{"users", users}});
        return true;
    }
    if (what == QLatin1String("restart") && req.method == "POST") {
        const int downMs = body.is_object() ? body.value("downMs", 500) : 500;
        ok();
        QMetaObject::invokeMethod(
            this, [this, downMs] { emit restartRequested(downMs); }, Qt::QueuedConnection);
        return true;
    }
    return false;
}

bool ApiServer::parseSelectors(HttpExchange *ex, const ApiPath &p, LabelSelector *labels,
                               FieldSelector *fields)
{
    const HttpRequest &req = ex->request();
    std::string err;
    auto l =
        LabelSelector::parse(req.queryValue(QStringLiteral("labelSelector")).toStdString(), &err);
    if (!l) {
        sendStatus(ex, 400, "BadRequest", err);
        return false;
    }
    auto f =
        FieldSelector::parse(req.queryValue(QStringLiteral("fieldSelector")).toStdString(), &err);
    if (!f) {
        sendStatus(ex, 400, "BadRequest", err);
        return false;
    }
    const auto &allowed = selectableFields(p.resource->plural);
    for (const std::string &k : f->keys())
        if (k != "metadata.name" && k != "metadata.namespace" && !allowed.count(k)) {
            sendStatus(ex, 400, "BadRequest", "field label not supported: " + k);
            return false;
        }
    *labels = *l;
    *fields = *f;
    return true;
}

void ApiServer::handleList(HttpExchange *ex, const ApiPath &p)
{
    const HttpRequest &req = ex->request();
    LabelSelector labels;
    FieldSelector fields;
    if (!parseSelectors(ex, p, &labels, &fields))
        return;
    const MediaType media = negotiate(req.header("accept"));
    if (media.kind == MediaType::Kind::PartialObjectMetadata)
        return sendStatus(
            ex, 406, "NotAcceptable",
            "you requested PartialObjectMetadata, but the requested object is a list (*v1." +
                p.resource->kind + "List)");

    const long long limit = req.queryValue(QStringLiteral("limit")).toLongLong();
    const std::string cont = req.queryValue(QStringLiteral("continue")).toStdString();
    std::uint64_t listRv = m_store->currentResourceVersion();
    std::string startKey;
    if (!cont.empty()) {
        if (!decodeContinue(cont, &listRv, &startKey))
            return sendStatus(ex, 400, "BadRequest",
                              "continue key is not valid: incorrect encoded start resourceVersion "
                              "(version meta.k8s.io/v1)");
        if (listRv < m_store->compactedResourceVersion())
            return sendStatus(
                ex, 410, "Expired",
                "The provided continue parameter is too old to display a consistent list result. "
                "You can start a new list without the continue parameter, or use the continue "
                "token "
                "in this response to retrieve the remainder of the results. Continuing with the "
                "provided token results in an inconsistent list - objects that were created, "
                "modified, "
                "or deleted between the time the first chunk was returned and now may show up in "
                "the list.");
    }

    const std::string ns = p.resource->namespaced ? p.ns : std::string();
    const std::string nsPrefix = ns.empty() ? std::string() : ns + '/';
    std::vector<const StoredObject *> page;
    std::string nextKey;
    long long remaining = 0;
    const bool selecting = !labels.empty() || !fields.empty();
    if (const auto *objects = m_store->objects(p.resource->plural)) {
        auto it = objects->lower_bound(std::max(startKey, nsPrefix));
        for (; it != objects->end() && (nsPrefix.empty() || it->first.starts_with(nsPrefix));
             ++it) {
            const ObjectMeta &m = *it->second.meta;
            if (!labels.matches(m.labels) || !fields.matches(m.fields))
                continue;
            if (limit > 0 && (long long)page.size() >= limit) {
                nextKey = it->first;
                break;
            }
            page.push_back(&it->second);
        }
        // remainingItemCount is only known (and only sent) for lists without selectors.
        if (!nextKey.empty() && !selecting)
            for (; it != objects->end() && (nsPrefix.empty() || it->first.starts_with(nsPrefix));
                 ++it)
                ++remaining;
    }
    json listMeta = {{"resourceVersion", std::to_string(listRv)}};
    if (!nextKey.empty()) {
        listMeta["continue"] = encodeContinue(listRv, nextKey);
        if (!selecting)
            listMeta["remainingItemCount"] = remaining;
    }

    if (media.kind == MediaType::Kind::Table) {
        std::vector<json> objs;
        objs.reserve(page.size());
        for (const StoredObject *o : page)
            objs.push_back(o->parse());
        const std::string include = req.queryValue(QStringLiteral("includeObject")).toStdString();
        return sendJson(ex, 200,
                        TableConverter::table(p.resource->plural, objs, true, include,
                                              media.apiVersion, listMeta));
    }
    if (media.kind == MediaType::Kind::PartialObjectMetadataList) {
        json items = json::array();
        for (const StoredObject *o : page)
            items.push_back(TableConverter::partialObjectMetadata(o->parse(), media.apiVersion));
        return sendJson(ex, 200,
                        {{"kind", "PartialObjectMetadataList"},
                         {"apiVersion", media.apiVersion},
                         {"metadata", listMeta},
                         {"items", items}});
    }
    std::string body;
    std::size_t bytes = 256;
    for (const StoredObject *o : page)
        bytes += o->byteSize() + 1;
    body.reserve(bytes);
    body += "{\"kind\":\"" + p.resource->kind + "List\",\"apiVersion\":\"" +
            p.resource->groupVersion() + "\",\"metadata\":" + dump(listMeta) + ",\"items\":[";
    bool first = true;
    for (const StoredObject *o : page) {
        if (!first)
            body += ',';
        first = false;
        o->appendTo(body);
    }
    body += "]}";
    ex->respond(200, "application/json", QByteArray::fromStdString(body));
}

void ApiServer::handleGet(HttpExchange *ex, const ApiPath &p)
{
    const StoredObject *o =
        m_store->get(p.resource->plural, p.resource->namespaced ? p.ns : std::string(), p.name);
    if (!o)
        return sendNotFound(ex, p);
    const MediaType media = negotiate(ex->request().header("accept"));
    switch (media.kind) {
    case MediaType::Kind::Table: {
        const json obj = o->parse();
        const std::string include =
            ex->request().queryValue(QStringLiteral("includeObject")).toStdString();
        return sendJson(ex, 200,
                        TableConverter::table(
                            p.resource->plural, {obj}, true, include, media.apiVersion,
                            {{"resourceVersion", obj["metadata"].value("resourceVersion", "")}}));
    }
    case MediaType::Kind::PartialObjectMetadata:
        return sendJson(ex, 200,
                        TableConverter::partialObjectMetadata(o->parse(), media.apiVersion));
    case MediaType::Kind::PartialObjectMetadataList:
        return sendStatus(ex, 406, "NotAcceptable",
                          "you requested PartialObjectMetadataList, but the requested object is "
                          "not a list (*v1." +
                              p.resource->kind + ")");
    case MediaType::Kind::Object:
        break;
    }
    ex->respond(200, "application/json", QByteArray::fromStdString(o->serialize()));
}

void ApiServer::writeEvent(Watch &w, const char *type, const StoredObject &object)
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
        return writeFrame(w, dump(json{{"type", type}, {"object", converted}}) + "\n");
    }
    std::string frame;
    frame.reserve(object.byteSize() + 32);
    frame += "{\"type\":\"";
    frame += type;
    frame += "\",\"object\":";
    object.appendTo(frame);
    frame += "}\n";
    writeFrame(w, std::move(frame));
}

void ApiServer::writeRawEvent(Watch &w, const char *type, const std::string &object)
{
    writeFrame(w, std::string("{\"type\":\"") + type + "\",\"object\":" + object + "}\n");
}

void ApiServer::writeFrame(Watch &w, std::string frame)
{
    if (m_cutWatchAfterBytes > 0 && qint64(w.bytesWritten + frame.size()) > m_cutWatchAfterBytes) {
        cutWatch(&w, frame);
        return;
    }
    w.bytesWritten += frame.size();
    w.exchange->writeChunk(QByteArray::fromStdString(frame));
}

void ApiServer::cutWatch(Watch *w, const std::string &frame)
{
    // Deliver what fits under the limit (so the cut lands inside a frame and inside its HTTP
    // chunk), then close the connection.
    const qint64 keep = std::max<qint64>(0, m_cutWatchAfterBytes - qint64(w->bytesWritten));
    QPointer<HttpExchange> ex = w->exchange;
    if (ex && keep > 0)
        ex->writeTruncatedChunk(QByteArray::fromStdString(frame),
                                std::min<qint64>(keep, qint64(frame.size()) - 1));
    auto it =
        std::find_if(m_watches.begin(), m_watches.end(), [w](const Watch &x) { return &x == w; });
    if (it != m_watches.end())
        m_watches.erase(it);
    if (ex) {
        ex->disconnect(this);
        ex->closeAfterFlush();
    }
}

void ApiServer::handleWatch(HttpExchange *ex, const ApiPath &p)
{
    const HttpRequest &req = ex->request();
    LabelSelector labels;
    FieldSelector fields;
    if (!parseSelectors(ex, p, &labels, &fields))
        return;
    const MediaType media = negotiate(req.header("accept"));

    const QString rvText = req.queryValue(QStringLiteral("resourceVersion"));
    bool numeric = false;
    const std::uint64_t fromRv = rvText.toULongLong(&numeric);
    const bool sendInitial = queryFlag(req, "sendInitialEvents");
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

    const bool tooOld =
        !initialEvents && fromRv < m_store->oldestWatchableResourceVersion(p.resource->plural);
    const std::string tooOldMessage =
        "too old resource version: " + rvText.toStdString() + " (" +
        std::to_string(m_store->oldestWatchableResourceVersion(p.resource->plural)) + ")";
    if (tooOld && m_tooOldAsHttp)
        return sendStatus(ex, 410, "Expired", tooOldMessage);

    ex->beginStream(200, "application/json");
    if (tooOld) {
        // What kube-apiserver does: a 200 whose only event is an ERROR carrying 410 Expired.
        ex->writeChunk(QByteArray::fromStdString(
            dump(json{{"type", "ERROR"}, {"object", status(410, "Expired", tooOldMessage)}}) +
            "\n"));
        ex->endStream();
        return;
    }

    m_watches.emplace_back();
    Watch &w = m_watches.back();
    Watch *wp = &w;
    w.exchange = ex;
    w.resource = p.resource;
    w.ns = p.resource->namespaced ? p.ns : std::string();
    w.labels = labels;
    w.fields = fields;
    w.media = media;
    w.includeObject = req.queryValue(QStringLiteral("includeObject")).toStdString();
    w.bookmarks = queryFlag(req, "allowWatchBookmarks");
    const std::string resource = p.resource->plural;
    connect(ex, &HttpExchange::closed, this, [this, wp] { endWatch(wp, false); });

    auto matches = [wp](const ObjectMeta &m) {
        return (wp->ns.empty() || m.ns == wp->ns) && wp->labels.matches(m.labels) &&
               wp->fields.matches(m.fields);
    };
    auto alive = [this, wp] {
        return std::any_of(m_watches.begin(), m_watches.end(),
                           [wp](const Watch &x) { return &x == wp; });
    };
    auto bookmarkJson = [this, wp](bool initialEnd) {
        json md = {{"resourceVersion", std::to_string(m_store->currentResourceVersion())},
                   {"creationTimestamp", nullptr}};
        if (initialEnd)
            md["annotations"] = {{"k8s.io/initial-events-end", "true"}};
        return dump(json{{"kind", wp->resource->kind},
                         {"apiVersion", wp->resource->groupVersion()},
                         {"metadata", md}});
    };
    if (initialEvents) {
        for (const StoredObject *o : m_store->list(resource, w.ns)) {
            if (!matches(*o->meta))
                continue;
            writeEvent(w, "ADDED", *o);
            if (!alive())
                return;
        }
        w.lastRv = m_store->currentResourceVersion();
        if (sendInitial && w.bookmarks)
            writeRawEvent(w, "BOOKMARK", bookmarkJson(true));
    } else {
        for (const StoreEvent *e : m_store->eventsSince(resource, fromRv)) {
            if (!matches(*e->meta))
                continue;
            writeEvent(w, eventTypeName(e->type), e->object);
            if (!alive())
                return;
        }
        w.lastRv = std::max(fromRv, m_store->currentResourceVersion());
    }
    if (!alive())
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
                [this, wp, bookmarkJson] { writeRawEvent(*wp, "BOOKMARK", bookmarkJson(false)); });
        w.bookmarkTimer->start(m_bookmarkIntervalMs);
    }
}

void ApiServer::onStoreChanged(const StoreEvent &event)
{
    if (m_watchesPaused)
        return;
    std::vector<Watch *> targets;
    for (Watch &w : m_watches) {
        if (!w.exchange || w.resource->plural != event.resource)
            continue;
        const ObjectMeta &m = *event.meta;
        if (!(w.ns.empty() || m.ns == w.ns) || !w.labels.matches(m.labels) ||
            !w.fields.matches(m.fields))
            continue;
        targets.push_back(&w);
    }
    for (Watch *w : targets) {
        if (!std::any_of(m_watches.begin(), m_watches.end(),
                         [w](const Watch &x) { return &x == w; }) ||
            !w->exchange)
            continue;
        // A consumer this far behind is dropped, as kube-apiserver drops slow watchers.
        if (w->exchange->bufferedBytes() > (256 << 20)) {
            QMetaObject::invokeMethod(
                this, [this, w] { endWatch(w, false); }, Qt::QueuedConnection);
            continue;
        }
        w->lastRv = event.resourceVersion;
        writeEvent(*w, eventTypeName(event.type), event.object);
    }
}

void ApiServer::endWatch(Watch *w, bool graceful)
{
    auto it =
        std::find_if(m_watches.begin(), m_watches.end(), [w](const Watch &x) { return &x == w; });
    if (it == m_watches.end())
        return;
    QPointer<HttpExchange> ex = it->exchange;
    m_watches.erase(it);
    if (ex) {
        ex->disconnect(this);
        if (graceful)
            ex->endStream();
        else
            ex->abort();
    }
}

void ApiServer::dropWatches()
{
    std::vector<Watch *> all;
    for (Watch &w : m_watches)
        all.push_back(&w);
    for (Watch *w : all)
        endWatch(w, false);
}

void ApiServer::handleEviction(HttpExchange *ex, const ApiPath &p)
{
    const HttpRequest &req = ex->request();
    const json body = json::parse(req.body.begin(), req.body.end(), nullptr, false);
    if (!m_store->get("pods", p.ns, p.name))
        return sendNotFound(ex, p);
    const bool dryRun = req.queryValue(QStringLiteral("dryRun")) == QLatin1String("All");
    // 1.20 knows Eviction in policy/v1beta1 only: its decoder refuses any other version.
    const std::string apiVersion = body.is_object() ? body.value("apiVersion", "") : "";
    if (m_apiLevel == ApiLevel::V1_20 && !apiVersion.empty() && apiVersion != "policy/v1beta1")
        return sendJson(ex, 400,
                        status(400, "BadRequest",
                               "Eviction in version \"" +
                                   apiVersion.substr(apiVersion.find('/') + 1) +
                                   "\" cannot be handled as a Eviction: no kind \"Eviction\" is "
                                   "registered for version \"" +
                                   apiVersion +
                                   "\" in scheme "
                                   "\"k8s.io/kubernetes/pkg/api/legacyscheme/scheme.go:30\""));
    const EvictionResult r = m_eviction->evict(p.ns, p.name, body, dryRun);
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (r.retryAfterSeconds > 0)
        headers.append({"Retry-After", QByteArray::number(r.retryAfterSeconds)});
    sendJson(ex, r.code, r.body, headers);
}

// kubesim reads JSON only: a body in another format (kubectl 1.32 on sends some requests as
// protobuf) gets the 415 kube-apiserver sends for a format it does not serve.
bool ApiServer::acceptsBody(HttpExchange *ex)
{
    const QByteArray type =
        ex->request().header("content-type").split(';').value(0).trimmed().toLower();
    if (type.isEmpty() || type == "application/json" || type.endsWith("+json"))
        return true;
    sendStatus(ex, 415, "UnsupportedMediaType",
               "the body of the request was in an unknown format - accepted media types include: "
               "application/json");
    return false;
}

void ApiServer::handleCreate(HttpExchange *ex, const ApiPath &p, const User &user)
{
    const HttpRequest &req = ex->request();
    if (!acceptsBody(ex))
        return;
    json obj = json::parse(req.body.begin(), req.body.end(), nullptr, false);
    if (!obj.is_object())
        return sendStatus(ex, 400, "BadRequest", "the request body is not a JSON object");
    if (p.resource->plural == "selfsubjectaccessreviews") {
        const json attrs =
            obj.value("spec", json::object()).value("resourceAttributes", json::object());
        const std::string verb = attrs.value("verb", "");
        const bool allowed = user.canWrite || !isWriteVerb(verb);
        obj["status"] = {{"allowed", allowed}};
        if (!allowed)
            obj["status"]["reason"] = "kubesim: user \"" + user.name + "\" is read-only";
        obj["metadata"] = {{"creationTimestamp", nullptr}};
        return sendJson(ex, 201, obj);
    }
    if (p.resource->plural == "selfsubjectreviews") {
        obj["status"] = {{"userInfo", {{"username", user.name}, {"groups", user.groups}}}};
        obj["metadata"] = {{"creationTimestamp", nullptr}};
        return sendJson(ex, 201, obj);
    }
    if (!obj.contains("metadata") || !obj["metadata"].is_object())
        obj["metadata"] = json::object();
    json &md = obj["metadata"];
    if (p.resource->namespaced) {
        const std::string bodyNs = md.value("namespace", "");
        if (!bodyNs.empty() && !p.ns.empty() && bodyNs != p.ns)
            return sendStatus(ex, 400, "BadRequest",
                              "the namespace of the provided object does not match the namespace "
                              "sent on the request");
        md["namespace"] = p.ns.empty() ? (bodyNs.empty() ? "default" : bodyNs) : p.ns;
        if (!m_store->get("namespaces", "", md["namespace"].get<std::string>()))
            return sendStatus(ex, 404, "NotFound",
                              "namespaces \"" + md["namespace"].get<std::string>() + "\" not found",
                              {{"name", md["namespace"]}, {"kind", "namespaces"}});
    }
    if (!md.contains("name") && md.contains("generateName"))
        md["name"] = md["generateName"].get<std::string>() + WorkloadFactory::randomNameSuffix();
    const std::string name = md.value("name", "");
    if (name.empty())
        return sendStatus(
            ex, 422, "Invalid",
            p.resource->kind +
                " \"\" is invalid: metadata.name: Required value: name or generateName is required",
            {{"kind", p.resource->kind},
             {"causes",
              {{{"reason", "FieldValueRequired"},
                {"message", "Required value: name or generateName is required"},
                {"field", "metadata.name"}}}}});
    const std::string ns =
        p.resource->namespaced ? md["namespace"].get<std::string>() : std::string();
    if (m_store->get(p.resource->plural, ns, name))
        return sendStatus(
            ex, 409, "AlreadyExists",
            p.resource->plural + groupSuffix(*p.resource) + " \"" + name + "\" already exists",
            {{"name", name}, {"group", p.resource->group}, {"kind", p.resource->plural}});
    obj["kind"] = p.resource->kind;
    obj["apiVersion"] = p.resource->groupVersion();
    for (const char *k : {"uid", "resourceVersion", "creationTimestamp", "deletionTimestamp",
                          "deletionGracePeriodSeconds", "generation"})
        md.erase(k);
    if (p.resource->plural == "pods") {
        // A new pod is Pending until the scheduler binds it and the kubelet starts it.
        if (!obj.contains("status") || !obj["status"].is_object() ||
            !obj["status"].contains("phase"))
            obj["status"] = {{"phase", "Pending"}, {"qosClass", "BestEffort"}};
        if (!obj.contains("spec") || !obj["spec"].is_object())
            obj["spec"] = json::object();
        json &spec = obj["spec"];
        if (!spec.contains("terminationGracePeriodSeconds"))
            spec["terminationGracePeriodSeconds"] = 30;
        if (!spec.contains("schedulerName"))
            spec["schedulerName"] = "default-scheduler";
        if (!spec.contains("restartPolicy"))
            spec["restartPolicy"] = "Always";
    }
    if (req.queryValue(QStringLiteral("dryRun")) == QLatin1String("All"))
        return sendJson(ex, 201, obj);
    sendJson(ex, 201, m_store->put(p.resource->plural, obj));
}

void ApiServer::storeUpdate(HttpExchange *ex, const ApiPath &p, const json &current, json updated)
{
    const HttpRequest &req = ex->request();
    // Identity and lifecycle fields belong to the server.
    json &md = updated["metadata"];
    if (!md.is_object())
        md = json::object();
    const json &cur = current["metadata"];
    md["name"] = p.name;
    for (const char *k : {"uid", "creationTimestamp", "deletionTimestamp",
                          "deletionGracePeriodSeconds", "generation"}) {
        if (cur.contains(k))
            md[k] = cur[k];
        else
            md.erase(k);
    }
    if (p.resource->namespaced)
        md["namespace"] = cur.value("namespace", p.ns);
    updated["kind"] = p.resource->kind;
    updated["apiVersion"] = p.resource->groupVersion();
    const bool hasStatus =
        std::find(p.resource->subresources.begin(), p.resource->subresources.end(), "status") !=
        p.resource->subresources.end();
    if (hasStatus) {
        if (p.subresource == "status") {
            // The status subresource changes status only (metadata labels and annotations too).
            const json status = updated.value("status", json());
            const json labels = md.value("labels", json());
            const json annotations = md.value("annotations", json());
            json merged = current;
            if (status.is_null())
                merged.erase("status");
            else
                merged["status"] = status;
            if (!labels.is_null())
                merged["metadata"]["labels"] = labels;
            if (!annotations.is_null())
                merged["metadata"]["annotations"] = annotations;
            merged["metadata"]["resourceVersion"] =
                md.value("resourceVersion", cur.value("resourceVersion", ""));
            updated = std::move(merged);
        } else if (current.contains("status")) {
            // ...and the main resource ignores status changes.
            updated["status"] = current["status"];
        } else {
            updated.erase("status");
        }
    }
    if (updated["metadata"].value("resourceVersion", "") != cur.value("resourceVersion", ""))
        return sendConflict(ex, p);
    if (req.queryValue(QStringLiteral("dryRun")) == QLatin1String("All"))
        return sendJson(ex, 200, updated);
    if (updated == current)
        return sendJson(ex, 200, current); // a no-op does not bump the resourceVersion
    sendJson(ex, 200, m_store->put(p.resource->plural, std::move(updated)));
}

void ApiServer::handleUpdate(HttpExchange *ex, const ApiPath &p)
{
    const HttpRequest &req = ex->request();
    if (!acceptsBody(ex))
        return;
    json obj = json::parse(req.body.begin(), req.body.end(), nullptr, false);
    if (!obj.is_object())
        return sendStatus(ex, 400, "BadRequest", "the request body is not a JSON object");
    const std::string ns = p.resource->namespaced ? p.ns : std::string();
    auto current = m_store->getJson(p.resource->plural, ns, p.name);
    if (!current)
        return sendNotFound(ex, p);
    if (!obj.contains("metadata") || !obj["metadata"].is_object())
        obj["metadata"] = json::object();
    const std::string bodyName = obj["metadata"].value("name", "");
    if (!bodyName.empty() && bodyName != p.name)
        return sendStatus(ex, 400, "BadRequest",
                          "the name of the object (" + bodyName +
                              ") does not match the name on the URL (" + p.name + ")");
    // PUT without a resourceVersion is an unconditional update.
    if (!obj["metadata"].contains("resourceVersion") || obj["metadata"]["resourceVersion"] == "")
        obj["metadata"]["resourceVersion"] = (*current)["metadata"].value("resourceVersion", "");
    storeUpdate(ex, p, *current, std::move(obj));
}

void ApiServer::handlePatch(HttpExchange *ex, const ApiPath &p)
{
    const HttpRequest &req = ex->request();
    const std::string ns = p.resource->namespaced ? p.ns : std::string();
    auto current = m_store->getJson(p.resource->plural, ns, p.name);
    if (!current)
        return sendNotFound(ex, p);
    const json patch = json::parse(req.body.begin(), req.body.end(), nullptr, false);
    if (patch.is_discarded())
        return sendStatus(ex, 400, "BadRequest",
                          "error decoding patch: invalid character in the request body");
    const QByteArray type = req.header("content-type").split(';').value(0).trimmed();
    std::string err;
    std::optional<json> patched;
    if (type == "application/merge-patch+json")
        patched = applyMergePatch(*current, patch, &err);
    else if (type == "application/json-patch+json")
        patched = applyJsonPatch(*current, patch, &err);
    else if (type == "application/strategic-merge-patch+json")
        patched = applyStrategicMergePatch(*current, patch, p.resource->kind, &err);
    else
        return sendStatus(
            ex, 415, "UnsupportedMediaType",
            "the body of the request was in an unknown format - accepted media types include: "
            "application/json-patch+json, application/merge-patch+json, "
            "application/apply-patch+yaml, "
            "application/strategic-merge-patch+json");
    if (!patched) {
        // A JSON patch that does not apply (a `test` that does not hold, a missing path) is the
        // API server's generic 422, which does not say why.
        if (type == "application/json-patch+json" && patch.is_array())
            return sendStatus(ex, 422, "Invalid",
                              "the server rejected our request due to an error in our request",
                              json::object());
        return sendStatus(ex, 400, "BadRequest", err);
    }
    // A resourceVersion left in the patched object is a precondition (optimistic concurrency).
    storeUpdate(ex, p, *current, std::move(*patched));
}

void ApiServer::handleDelete(HttpExchange *ex, const ApiPath &p)
{
    const HttpRequest &req = ex->request();
    const std::string ns = p.resource->namespaced ? p.ns : std::string();
    json options = json::parse(req.body.begin(), req.body.end(), nullptr, false);
    if (!options.is_object())
        options = json::object();
    if (req.query.hasQueryItem(QStringLiteral("gracePeriodSeconds")))
        options["gracePeriodSeconds"] =
            req.queryValue(QStringLiteral("gracePeriodSeconds")).toLongLong();
    bool dryRun = req.queryValue(QStringLiteral("dryRun")) == QLatin1String("All");
    for (const json &d : options.value("dryRun", json::array()))
        dryRun = dryRun || d == "All";
    if (p.resource->plural == "pods") {
        const DeleteResult r = m_kubelet->deletePod(ns, p.name, options, dryRun);
        return sendJson(ex, r.code, r.body);
    }
    auto current = m_store->getJson(p.resource->plural, ns, p.name);
    if (!current)
        return sendNotFound(ex, p);
    const json pre = options.value("preconditions", json::object());
    const json &md = (*current)["metadata"];
    if ((pre.contains("uid") && pre["uid"] != md.value("uid", "")) ||
        (pre.contains("resourceVersion") &&
         pre["resourceVersion"] != md.value("resourceVersion", "")))
        return sendStatus(
            ex, 409, "Conflict",
            "Operation cannot be fulfilled on " + p.resource->plural + groupSuffix(*p.resource) +
                " \"" + p.name +
                "\": the object has been modified; please apply your changes to the latest version "
                "and try again",
            {{"name", p.name}, {"group", p.resource->group}, {"kind", p.resource->plural}});
    if (dryRun)
        return sendJson(ex, 200, *current);
    auto gone = m_store->remove(p.resource->plural, ns, p.name);
    sendJson(ex, 200, gone ? *gone : *current);
}

void ApiServer::handleDeleteCollection(HttpExchange *ex, const ApiPath &p)
{
    LabelSelector labels;
    FieldSelector fields;
    if (!parseSelectors(ex, p, &labels, &fields))
        return;
    const std::string ns = p.resource->namespaced ? p.ns : std::string();
    std::vector<std::pair<std::string, std::string>> targets;
    for (const StoredObject *o : m_store->list(p.resource->plural, ns))
        if (labels.matches(o->meta->labels) && fields.matches(o->meta->fields))
            targets.emplace_back(o->meta->ns, o->meta->name);
    json items = json::array();
    for (const auto &[ons, name] : targets) {
        if (p.resource->plural == "pods") {
            const DeleteResult r = m_kubelet->deletePod(ons, name, json::object(), false);
            if (r.code == 200)
                items.push_back(r.body);
        } else if (auto gone = m_store->remove(p.resource->plural, ons, name)) {
            items.push_back(*gone);
        }
    }
    sendJson(
        ex, 200,
        {{"kind", p.resource->kind + "List"},
         {"apiVersion", p.resource->groupVersion()},
         {"metadata", {{"resourceVersion", std::to_string(m_store->currentResourceVersion())}}},
         {"items", items}});
}

} // namespace sim

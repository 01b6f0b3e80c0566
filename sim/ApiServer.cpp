#include "sim/ApiServer.h"

#include "sim/Certificates.h"
#include "sim/Patch.h"
#include "sim/Scenario.h"

#include <QSslCertificate>

#include <algorithm>

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
    const json token = {{"rv", rv}, {"start", start}};
    return QByteArray::fromStdString(token.dump()).toBase64(QByteArray::Base64UrlEncoding).toStdString();
}

bool decodeContinue(const std::string &text, std::uint64_t *rv, std::string *start)
{
    const QByteArray raw = QByteArray::fromBase64(QByteArray::fromStdString(text), QByteArray::Base64UrlEncoding);
    const json j = json::parse(raw.begin(), raw.end(), nullptr, false);
    if (!j.is_object() || !j.contains("rv") || !j.contains("start"))
        return false;
    *rv = j["rv"].get<std::uint64_t>();
    *start = j["start"].get<std::string>();
    return true;
}

} // namespace

ApiServer::ApiServer(ObjectStore *store, ScenarioPlayer *player, const Certificates *certs, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_player(player)
    , m_certs(certs)
{
    const std::vector<std::string> rw = {"create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"};
    m_resources = {
        {"", "v1", "nodes", "node", "Node", false, rw, {"no"}, {"status"}},
        {"", "v1", "pods", "pod", "Pod", true, rw, {"po"}, {"status", "eviction", "log"}},
        {"", "v1", "namespaces", "namespace", "Namespace", false, rw, {"ns"}, {"status"}},
        {"", "v1", "events", "event", "Event", true, rw, {"ev"}, {}},
        {"", "v1", "services", "service", "Service", true, rw, {"svc"}, {"status"}},
        {"", "v1", "configmaps", "configmap", "ConfigMap", true, rw, {"cm"}, {}},
        {"apps", "v1", "daemonsets", "daemonset", "DaemonSet", true, rw, {"ds"}, {"status"}},
        {"apps", "v1", "replicasets", "replicaset", "ReplicaSet", true, rw, {"rs"}, {"status"}},
        {"apps", "v1", "deployments", "deployment", "Deployment", true, rw, {"deploy"}, {"status"}},
        {"apps", "v1", "statefulsets", "statefulset", "StatefulSet", true, rw, {"sts"}, {"status"}},
        {"batch", "v1", "jobs", "job", "Job", true, rw, {}, {"status"}},
        {"policy", "v1", "poddisruptionbudgets", "poddisruptionbudget", "PodDisruptionBudget", true, rw, {"pdb"}, {"status"}},
        {"coordination.k8s.io", "v1", "leases", "lease", "Lease", true, rw, {}, {}},
        {"authorization.k8s.io", "v1", "selfsubjectaccessreviews", "selfsubjectaccessreview", "SelfSubjectAccessReview", false, {"create"}, {}, {}},
    };
    connect(store, &ObjectStore::changed, this, &ApiServer::onStoreChanged);
}

ApiServer::~ApiServer()
{
    m_watches.clear();
}

void ApiServer::addToken(const std::string &token, const User &user)
{
    m_tokens[token] = user;
}

json ApiServer::status(int code, const std::string &reason, const std::string &message, const json &details)
{
    json s = {{"kind", "Status"},
              {"apiVersion", "v1"},
              {"metadata", json::object()},
              {"status", "Failure"},
              {"message", message},
              {"reason", reason},
              {"code", code}};
    if (!details.is_null())
        s["details"] = details;
    return s;
}

void ApiServer::sendJson(HttpExchange *ex, int code, const json &body)
{
    ex->respond(code, "application/json", QByteArray::fromStdString(body.dump(-1, ' ', false, json::error_handler_t::replace)));
}

void ApiServer::sendStatus(HttpExchange *ex, int code, const std::string &reason, const std::string &message,
                           const json &details)
{
    sendJson(ex, code, status(code, reason, message, details));
}

void ApiServer::sendNotFound(HttpExchange *ex, const ApiPath &p)
{
    const std::string what = p.resource->plural + groupSuffix(*p.resource);
    sendStatus(ex, 404, "NotFound", what + " \"" + p.name + "\" not found",
               {{"name", p.name}, {"group", p.resource->group}, {"kind", p.resource->plural}});
}

std::optional<User> ApiServer::authenticate(const HttpRequest &req) const
{
    const QByteArray auth = req.header("authorization");
    if (auth.startsWith("Bearer ")) {
        const std::string token = auth.mid(7).trimmed().toStdString();
        auto it = m_tokens.find(token);
        if (it != m_tokens.end())
            return it->second;
        return std::nullopt;
    }
    if (!req.peerCertificate.isNull() && m_certs && m_certs->verifyClient(req.peerCertificate.toDer())) {
        User u;
        const QStringList cn = req.peerCertificate.subjectInfo(QSslCertificate::CommonName);
        u.name = cn.value(0).toStdString();
        for (const QString &o : req.peerCertificate.subjectInfo(QSslCertificate::Organization))
            u.groups.push_back(o.toStdString());
        u.canWrite = std::find(u.groups.begin(), u.groups.end(), "system:masters") != u.groups.end();
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
    p.valid = true;
    return p;
}

bool ApiServer::authorize(HttpExchange *ex, const User &user, const std::string &verb, const ApiPath &p)
{
    if (!isWriteVerb(verb) || user.canWrite || p.resource->plural == "selfsubjectaccessreviews")
        return true;
    std::string msg;
    const std::string res = resourceLabel(p);
    if (!p.name.empty())
        msg = p.resource->plural + groupSuffix(*p.resource) + " \"" + p.name + "\" is forbidden: ";
    else
        msg = p.resource->plural + groupSuffix(*p.resource) + " is forbidden: ";
    msg += "User \"" + user.name + "\" cannot " + verb + " resource \"" + res + "\" in API group \""
           + p.resource->group + "\"";
    msg += p.ns.empty() ? " at the cluster scope" : " in the namespace \"" + p.ns + "\"";
    sendStatus(ex, 403, "Forbidden", msg,
               {{"name", p.name}, {"group", p.resource->group}, {"kind", p.resource->plural}});
    return false;
}

void ApiServer::handle(HttpExchange *ex)
{
    const HttpRequest &req = ex->request();
    const QString path = req.path;
    if (path == QLatin1String("/healthz") || path == QLatin1String("/livez") || path == QLatin1String("/readyz")) {
        ex->respond(200, "text/plain; charset=utf-8", "ok");
        return;
    }
    if (path == QLatin1String("/version")) {
        sendJson(ex, 200, {{"major", "1"}, {"minor", "30"}, {"gitVersion", "v1.30.0-kubesim"},
                           {"gitCommit", "kubesim"}, {"gitTreeState", "clean"},
                           {"buildDate", "2026-01-01T00:00:00Z"}, {"goVersion", "go1.22.0"},
                           {"compiler", "gc"}, {"platform", "linux/amd64"}});
        return;
    }
    const std::optional<User> user = authenticate(req);
    if (!user) {
        sendStatus(ex, 401, "Unauthorized", "Unauthorized");
        return;
    }
    if (path.startsWith(QLatin1String("/_sim/"))) {
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
    const bool watch = req.queryValue(QStringLiteral("watch")) == QLatin1String("1")
                       || req.queryValue(QStringLiteral("watch")) == QLatin1String("true");
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
    else {
        sendStatus(ex, 405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
        return;
    }
    if (!authorize(ex, *user, verb, p))
        return;

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
    sendStatus(ex, 405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
}

bool ApiServer::handleDiscovery(HttpExchange *ex)
{
    const QString path = ex->request().path;
    auto resourceList = [&](const std::string &gv) {
        json resources = json::array();
        for (const ResourceInfo &r : m_resources) {
            if (r.groupVersion() != gv)
                continue;
            resources.push_back({{"name", r.plural}, {"singularName", r.singular}, {"namespaced", r.namespaced},
                                 {"kind", r.kind}, {"verbs", r.verbs}, {"shortNames", r.shortNames}});
            for (const std::string &sub : r.subresources) {
                if (sub == "eviction")
                    resources.push_back({{"name", r.plural + "/eviction"}, {"singularName", ""}, {"namespaced", true},
                                         {"group", "policy"}, {"version", "v1"}, {"kind", "Eviction"},
                                         {"verbs", {"create"}}});
                else
                    resources.push_back({{"name", r.plural + "/" + sub}, {"singularName", ""},
                                         {"namespaced", r.namespaced}, {"kind", r.kind},
                                         {"verbs", sub == "log" ? json{"get"} : json{"get", "patch", "update"}}});
            }
        }
        return json{{"kind", "APIResourceList"}, {"apiVersion", "v1"}, {"groupVersion", gv}, {"resources", resources}};
    };
    if (path == QLatin1String("/api")) {
        sendJson(ex, 200, {{"kind", "APIVersions"}, {"versions", {"v1"}},
                           {"serverAddressByClientCIDRs", {{{"clientCIDR", "0.0.0.0/0"}, {"serverAddress", "127.0.0.1:6443"}}}}});
        return true;
    }
    if (path == QLatin1String("/api/v1")) {
        sendJson(ex, 200, resourceList("v1"));
        return true;
    }
    if (path == QLatin1String("/apis")) {
        json groups = json::array();
        std::vector<std::string> seen;
        for (const ResourceInfo &r : m_resources) {
            if (r.group.empty() || std::find(seen.begin(), seen.end(), r.group) != seen.end())
                continue;
            seen.push_back(r.group);
            const json gv = {{"groupVersion", r.groupVersion()}, {"version", r.version}};
            groups.push_back({{"name", r.group}, {"versions", {gv}}, {"preferredVersion", gv}});
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
                const json gv = {{"groupVersion", r.groupVersion()}, {"version", r.version}};
                sendJson(ex, 200, {{"kind", "APIGroup"}, {"apiVersion", "v1"}, {"name", r.group},
                                   {"versions", {gv}}, {"preferredVersion", gv}});
                return true;
            }
    }
    return false;
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
        json r = {{"ok", true}, {"resourceVersion", std::to_string(m_store->currentResourceVersion())}};
        r.update(extra);
        sendJson(ex, 200, r);
    };
    if (what == QLatin1String("inject") && req.method == "POST") {
        if (!body.is_object() && !body.is_array()) {
            sendStatus(ex, 400, "BadRequest", "inject needs a timeline action as JSON");
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
        // Answer first: the control request may share nothing with the watches, but be safe.
        ok({{"dropped", n}});
        QMetaObject::invokeMethod(this, &ApiServer::dropWatches, Qt::QueuedConnection);
        return true;
    }
    if (what == QLatin1String("stats") && req.method == "GET") {
        ok({{"nodes", m_store->count("nodes")}, {"pods", m_store->count("pods")}, {"watches", watchCount()},
            {"oldestWatchableResourceVersion", std::to_string(m_store->oldestWatchableResourceVersion())}});
        return true;
    }
    if (what == QLatin1String("settings") && req.method == "POST" && body.is_object()) {
        if (body.contains("bookmarkIntervalMs"))
            m_bookmarkIntervalMs = body["bookmarkIntervalMs"].get<int>();
        if (body.contains("eventWindow"))
            m_store->setEventWindow(body["eventWindow"].get<std::size_t>());
        if (body.contains("pauseWatches"))
            m_watchesPaused = body["pauseWatches"].get<bool>();
        if (body.contains("watchTooOldAsHttpError"))
            m_tooOldAsHttp = body["watchTooOldAsHttpError"].get<bool>();
        ok();
        return true;
    }
    if (what == QLatin1String("restart") && req.method == "POST") {
        const int downMs = body.is_object() ? body.value("downMs", 500) : 500;
        ok();
        QMetaObject::invokeMethod(this, [this, downMs] { emit restartRequested(downMs); }, Qt::QueuedConnection);
        return true;
    }
    return false;
}

void ApiServer::handleList(HttpExchange *ex, const ApiPath &p)
{
    const HttpRequest &req = ex->request();
    std::string err;
    auto labels = LabelSelector::parse(req.queryValue(QStringLiteral("labelSelector")).toStdString(), &err);
    if (!labels)
        return sendStatus(ex, 400, "BadRequest", err);
    auto fields = FieldSelector::parse(req.queryValue(QStringLiteral("fieldSelector")).toStdString(), &err);
    if (!fields)
        return sendStatus(ex, 400, "BadRequest", err);

    const long long limit = req.queryValue(QStringLiteral("limit")).toLongLong();
    const std::string cont = req.queryValue(QStringLiteral("continue")).toStdString();
    std::uint64_t listRv = m_store->currentResourceVersion();
    std::string startKey;
    if (!cont.empty()) {
        if (!decodeContinue(cont, &listRv, &startKey))
            return sendStatus(ex, 400, "BadRequest", "continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
        if (listRv < m_store->oldestWatchableResourceVersion())
            return sendStatus(ex, 410, "Expired",
                              "The provided continue parameter is too old to display a consistent list result. "
                              "You can start a new list without the continue parameter, or use the continue token "
                              "in this response to retrieve the remainder of the results. Continuing with the "
                              "provided token results in an inconsistent list - objects that were created, modified, "
                              "or deleted between the time the first chunk was returned and now may show up in the list.");
    }

    const auto all = m_store->list(p.resource->plural, p.resource->namespaced ? p.ns : std::string());
    std::string body;
    body.reserve(std::min<std::size_t>(all.size(), limit > 0 ? std::size_t(limit) : all.size()) * 8192 + 256);
    body += "{\"kind\":\"" + p.resource->kind + "List\",\"apiVersion\":\"" + p.resource->groupVersion() + "\",\"metadata\":{";
    std::string items = "\"items\":[";
    long long n = 0;
    long long remaining = 0;
    std::string nextKey;
    bool first = true;
    for (const StoredObject *o : all) {
        const std::string k = ObjectStore::key(o->meta->ns, o->meta->name);
        if (!startKey.empty() && k < startKey)
            continue;
        if (!labels->matches(o->meta->labels) || !fields->matches(o->meta->fields))
            continue;
        if (limit > 0 && n >= limit) {
            if (nextKey.empty())
                nextKey = k;
            ++remaining;
            continue;
        }
        if (!first)
            items += ',';
        first = false;
        o->appendTo(items);
        ++n;
    }
    items += "]}";
    body += "\"resourceVersion\":\"" + std::to_string(listRv) + "\"";
    if (!nextKey.empty()) {
        body += ",\"continue\":\"" + encodeContinue(listRv, nextKey) + "\"";
        body += ",\"remainingItemCount\":" + std::to_string(remaining);
    }
    body += "},";
    body += items;
    ex->respond(200, "application/json", QByteArray::fromStdString(body));
}

void ApiServer::handleGet(HttpExchange *ex, const ApiPath &p)
{
    const StoredObject *o = m_store->get(p.resource->plural, p.resource->namespaced ? p.ns : std::string(), p.name);
    if (!o)
        return sendNotFound(ex, p);
    ex->respond(200, "application/json", QByteArray::fromStdString(o->serialize()));
}

void ApiServer::writeEvent(Watch &w, const char *type, const std::string &object)
{
    std::string frame;
    frame.reserve(object.size() + 32);
    frame += "{\"type\":\"";
    frame += type;
    frame += "\",\"object\":";
    frame += object;
    frame += "}\n";
    w.exchange->writeChunk(QByteArray::fromStdString(frame));
}

void ApiServer::handleWatch(HttpExchange *ex, const ApiPath &p)
{
    const HttpRequest &req = ex->request();
    std::string err;
    auto labels = LabelSelector::parse(req.queryValue(QStringLiteral("labelSelector")).toStdString(), &err);
    if (!labels)
        return sendStatus(ex, 400, "BadRequest", err);
    auto fields = FieldSelector::parse(req.queryValue(QStringLiteral("fieldSelector")).toStdString(), &err);
    if (!fields)
        return sendStatus(ex, 400, "BadRequest", err);

    const QString rvText = req.queryValue(QStringLiteral("resourceVersion"));
    bool numeric = false;
    const std::uint64_t fromRv = rvText.toULongLong(&numeric);
    const bool initialEvents = rvText.isEmpty() || rvText == QLatin1String("0");
    if (!initialEvents && !numeric)
        return sendStatus(ex, 400, "BadRequest", "invalid resource version: " + rvText.toStdString());

    const bool tooOld = !initialEvents && fromRv < m_store->oldestWatchableResourceVersion();
    if (tooOld && m_tooOldAsHttp)
        return sendStatus(ex, 410, "Expired",
                          "too old resource version: " + rvText.toStdString() + " ("
                              + std::to_string(m_store->oldestWatchableResourceVersion()) + ")");

    ex->beginStream(200, "application/json");
    if (tooOld) {
        // What kube-apiserver does: a 200 whose only event is an ERROR carrying 410 Expired.
        const json st = status(410, "Expired",
                               "too old resource version: " + rvText.toStdString() + " ("
                                   + std::to_string(m_store->oldestWatchableResourceVersion()) + ")");
        ex->writeChunk(QByteArray::fromStdString(json{{"type", "ERROR"}, {"object", st}}.dump() + "\n"));
        ex->endStream();
        return;
    }

    m_watches.emplace_back();
    Watch &w = m_watches.back();
    Watch *wp = &w;
    w.exchange = ex;
    w.resource = p.resource;
    w.ns = p.resource->namespaced ? p.ns : std::string();
    w.labels = *labels;
    w.fields = *fields;
    w.bookmarks = req.queryValue(QStringLiteral("allowWatchBookmarks")) == QLatin1String("true");
    const std::string resource = p.resource->plural;

    auto matches = [wp](const ObjectMeta &m) {
        return (wp->ns.empty() || m.ns == wp->ns) && wp->labels.matches(m.labels) && wp->fields.matches(m.fields);
    };
    if (initialEvents) {
        for (const StoredObject *o : m_store->list(resource, w.ns))
            if (matches(*o->meta))
                writeEvent(w, "ADDED", o->serialize());
        w.lastRv = m_store->currentResourceVersion();
    } else {
        for (const StoreEvent *e : m_store->eventsSince(resource, fromRv))
            if (matches(*e->meta))
                writeEvent(w, eventTypeName(e->type), *e->object);
        w.lastRv = std::max(fromRv, m_store->currentResourceVersion());
    }

    connect(ex, &HttpExchange::closed, this, [this, wp] { endWatch(wp, false); });

    int timeoutSeconds = req.queryValue(QStringLiteral("timeoutSeconds")).toInt();
    if (timeoutSeconds <= 0)
        timeoutSeconds = 1800;
    w.timeoutTimer = std::make_unique<QTimer>();
    w.timeoutTimer->setSingleShot(true);
    connect(w.timeoutTimer.get(), &QTimer::timeout, this, [this, wp] { endWatch(wp, true); });
    w.timeoutTimer->start(timeoutSeconds * 1000);

    if (w.bookmarks) {
        w.bookmarkTimer = std::make_unique<QTimer>();
        connect(w.bookmarkTimer.get(), &QTimer::timeout, this, [this, wp] {
            const json bm = {{"kind", wp->resource->kind},
                             {"apiVersion", wp->resource->groupVersion()},
                             {"metadata", {{"resourceVersion", std::to_string(m_store->currentResourceVersion())},
                                           {"creationTimestamp", nullptr}}}};
            writeEvent(*wp, "BOOKMARK", bm.dump());
        });
        w.bookmarkTimer->start(m_bookmarkIntervalMs);
    }
}

void ApiServer::onStoreChanged(const StoreEvent &event)
{
    if (m_watchesPaused)
        return;
    for (Watch &w : m_watches) {
        if (!w.exchange || w.resource->plural != event.resource)
            continue;
        const ObjectMeta &m = *event.meta;
        if (!(w.ns.empty() || m.ns == w.ns) || !w.labels.matches(m.labels) || !w.fields.matches(m.fields))
            continue;
        // A consumer this far behind is dropped, as kube-apiserver drops slow watchers.
        if (w.exchange->bufferedBytes() > (256 << 20)) {
            QMetaObject::invokeMethod(this, [this, wp = &w] { endWatch(wp, false); }, Qt::QueuedConnection);
            continue;
        }
        writeEvent(w, eventTypeName(event.type), *event.object);
        w.lastRv = event.resourceVersion;
    }
}

void ApiServer::endWatch(Watch *w, bool graceful)
{
    auto it = std::find_if(m_watches.begin(), m_watches.end(), [w](const Watch &x) { return &x == w; });
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

void ApiServer::handleCreate(HttpExchange *ex, const ApiPath &p, const User &user)
{
    const HttpRequest &req = ex->request();
    json obj = json::parse(req.body.begin(), req.body.end(), nullptr, false);
    if (!obj.is_object())
        return sendStatus(ex, 400, "BadRequest", "the request body is not a JSON object");
    if (p.resource->plural == "selfsubjectaccessreviews") {
        const json attrs = obj["spec"].value("resourceAttributes", json::object());
        const std::string verb = attrs.value("verb", "");
        const bool allowed = user.canWrite || !isWriteVerb(verb);
        obj["status"] = {{"allowed", allowed}};
        if (!allowed)
            obj["status"]["reason"] = "kubesim: user \"" + user.name + "\" is read-only";
        obj["metadata"] = {{"creationTimestamp", nullptr}};
        return sendJson(ex, 201, obj);
    }
    if (!p.name.empty() || !p.subresource.empty())
        return sendStatus(ex, 405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
    json &md = obj["metadata"];
    if (!md.is_object())
        md = json::object();
    if (p.resource->namespaced)
        md["namespace"] = p.ns.empty() ? "default" : p.ns;
    if (!md.contains("name") && md.contains("generateName"))
        md["name"] = md["generateName"].get<std::string>() + newUid().substr(0, 5);
    const std::string name = md.value("name", "");
    if (name.empty())
        return sendStatus(ex, 422, "Invalid", p.resource->kind + " \"\" is invalid: metadata.name: Required value: name or generateName is required");
    if (m_store->get(p.resource->plural, p.resource->namespaced ? md["namespace"].get<std::string>() : "", name))
        return sendStatus(ex, 409, "AlreadyExists", p.resource->plural + groupSuffix(*p.resource) + " \"" + name + "\" already exists",
                          {{"name", name}, {"group", p.resource->group}, {"kind", p.resource->plural}});
    obj["kind"] = p.resource->kind;
    obj["apiVersion"] = p.resource->groupVersion();
    if (req.queryValue(QStringLiteral("dryRun")) == QLatin1String("All"))
        return sendJson(ex, 201, obj);
    sendJson(ex, 201, m_store->put(p.resource->plural, obj));
}

void ApiServer::handleUpdate(HttpExchange *ex, const ApiPath &p)
{
    const HttpRequest &req = ex->request();
    json obj = json::parse(req.body.begin(), req.body.end(), nullptr, false);
    if (!obj.is_object())
        return sendStatus(ex, 400, "BadRequest", "the request body is not a JSON object");
    const std::string ns = p.resource->namespaced ? p.ns : std::string();
    auto current = m_store->getJson(p.resource->plural, ns, p.name);
    if (!current)
        return sendNotFound(ex, p);
    const std::string rv = obj["metadata"].value("resourceVersion", "");
    if (!rv.empty() && rv != (*current)["metadata"].value("resourceVersion", "")) {
        return sendStatus(ex, 409, "Conflict",
                          "Operation cannot be fulfilled on " + p.resource->plural + groupSuffix(*p.resource) + " \""
                              + p.name + "\": the object has been modified; please apply your changes to the latest version and try again",
                          {{"name", p.name}, {"group", p.resource->group}, {"kind", p.resource->plural}});
    }
    obj["metadata"]["name"] = p.name;
    obj["metadata"]["uid"] = (*current)["metadata"]["uid"];
    obj["metadata"]["creationTimestamp"] = (*current)["metadata"]["creationTimestamp"];
    if (p.resource->namespaced)
        obj["metadata"]["namespace"] = ns;
    if (req.queryValue(QStringLiteral("dryRun")) == QLatin1String("All"))
        return sendJson(ex, 200, obj);
    sendJson(ex, 200, m_store->put(p.resource->plural, obj));
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
        return sendStatus(ex, 400, "BadRequest", "error decoding patch: invalid JSON");
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
        return sendStatus(ex, 415, "UnsupportedMediaType",
                          "the body of the request was in an unknown format - accepted media types include: "
                          "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, "
                          "application/strategic-merge-patch+json");
    if (!patched) {
        const int code = type == "application/json-patch+json" ? 422 : 400;
        return sendStatus(ex, code, code == 422 ? "Invalid" : "BadRequest", err);
    }
    // A resourceVersion in the patch is a precondition (optimistic concurrency).
    const std::string currentRv = (*current)["metadata"].value("resourceVersion", "");
    const std::string wantedRv = (*patched)["metadata"].value("resourceVersion", "");
    if (wantedRv != currentRv)
        return sendStatus(ex, 409, "Conflict",
                          "Operation cannot be fulfilled on " + p.resource->plural + groupSuffix(*p.resource) + " \""
                              + p.name + "\": the object has been modified; please apply your changes to the latest version and try again",
                          {{"name", p.name}, {"group", p.resource->group}, {"kind", p.resource->plural}});
    (*patched)["metadata"]["name"] = p.name;
    (*patched)["metadata"]["uid"] = (*current)["metadata"]["uid"];
    if (req.queryValue(QStringLiteral("dryRun")) == QLatin1String("All"))
        return sendJson(ex, 200, *patched);
    if (*patched == *current)
        return sendJson(ex, 200, *current); // a no-op patch does not bump the resourceVersion
    sendJson(ex, 200, m_store->put(p.resource->plural, *patched));
}

void ApiServer::handleDelete(HttpExchange *ex, const ApiPath &p)
{
    const std::string ns = p.resource->namespaced ? p.ns : std::string();
    if (ex->request().queryValue(QStringLiteral("dryRun")) == QLatin1String("All")) {
        auto current = m_store->getJson(p.resource->plural, ns, p.name);
        if (!current)
            return sendNotFound(ex, p);
        return sendJson(ex, 200, *current);
    }
    auto gone = m_store->remove(p.resource->plural, ns, p.name);
    if (!gone)
        return sendNotFound(ex, p);
    sendJson(ex, 200, *gone);
}

} // namespace sim

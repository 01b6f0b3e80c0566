#include "sim/ResourceHandler.h"

#include "sim/AccessControl.h"
#include "sim/EvictionHandler.h"
#include "sim/HttpServer.h"
#include "sim/Kubelet.h"
#include "sim/MediaType.h"
#include "sim/NodeProtobufEncoder.h"
#include "sim/Patch.h"
#include "sim/Reply.h"
#include "sim/Selectors.h"
#include "sim/TableConverter.h"
#include "sim/WatchHub.h"
#include "sim/WorkloadFactory.h"

#include <algorithm>
#include <map>
#include <set>

namespace sim {

namespace {

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
    const json j = parseJson(raw);
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

constexpr const char *ContinueExpiredMessage =
    "The provided continue parameter is too old to display a consistent list result. You can "
    "start a new list without the continue parameter, or use the continue token in this response "
    "to retrieve the remainder of the results. Continuing with the provided token results in an "
    "inconsistent list - objects that were created, modified, or deleted between the time the "
    "first chunk was returned and now may show up in the list.";

bool isDryRun(const HttpRequest &req)
{
    return req.queryValue(QStringLiteral("dryRun")) == QLatin1String("All");
}

void sendMethodNotAllowed(HttpExchange *ex)
{
    sendStatus(ex, 405, "MethodNotAllowed",
               "the server does not allow this method on the requested resource");
}

} // namespace

ResourceHandler::ResourceHandler(ObjectStore *store, Kubelet *kubelet,
                                 const ResourceRegistry *registry, const AccessControl *access,
                                 WatchHub *watches)
    : m_store(store)
    , m_kubelet(kubelet)
    , m_registry(registry)
    , m_access(access)
    , m_watches(watches)
    , m_eviction(std::make_unique<EvictionHandler>(store, kubelet))
    , m_protobuf(std::make_unique<NodeProtobufEncoder>())
{}

ResourceHandler::~ResourceHandler() = default;

void ResourceHandler::handle(HttpExchange *ex, const ApiPath &p, const User &user)
{
    const HttpRequest &req = ex->request();
    const QByteArray &method = req.method;
    std::string verb;
    if (method == "GET")
        verb = req.queryFlag(QStringLiteral("watch")) ? "watch" : (p.name.empty() ? "list" : "get");
    else if (method == "POST")
        verb = "create";
    else if (method == "PUT")
        verb = "update";
    else if (method == "PATCH")
        verb = "patch";
    else if (method == "DELETE")
        verb = p.name.empty() ? "deletecollection" : "delete";
    else
        return sendMethodNotAllowed(ex);
    // Subresources answer only the verbs they have.
    const bool eviction = p.subresource == "eviction";
    if ((eviction && verb != "create") || (p.subresource == "log" && verb != "get") ||
        (p.subresource == "status" && verb != "get" && verb != "update" && verb != "patch") ||
        (!eviction && verb == "create" && !p.name.empty() && p.resource->plural != "namespaces"))
        return sendMethodNotAllowed(ex);
    if (const auto refusal = m_access->refusal(user, verb, p))
        return sendStatus(ex, 403, "Forbidden", *refusal, p.resource->statusDetails(p.name));

    if (eviction)
        return evict(ex, p);
    if (p.subresource == "log")
        return podLog(ex, p);
    if (verb == "watch")
        return watch(ex, p);
    if (verb == "list")
        return list(ex, p);
    if (verb == "get")
        return get(ex, p);
    if (verb == "create")
        return create(ex, p, user);
    if (verb == "update")
        return update(ex, p);
    if (verb == "patch")
        return patch(ex, p);
    if (verb == "delete")
        return remove(ex, p);
    return removeCollection(ex, p);
}

void ResourceHandler::sendNotFound(HttpExchange *ex, const ApiPath &p)
{
    sendStatus(ex, 404, "NotFound", p.resource->groupResource() + " \"" + p.name + "\" not found",
               p.resource->statusDetails(p.name));
}

void ResourceHandler::sendConflict(HttpExchange *ex, const ApiPath &p)
{
    sendStatus(ex, 409, "Conflict",
               "Operation cannot be fulfilled on " + p.resource->groupResource() + " \"" + p.name +
                   "\": the object has been modified; please apply your changes to the latest "
                   "version and try again",
               p.resource->statusDetails(p.name));
}

// kube-apiserver serves every built-in type in protobuf; kubesim only nodes, which is what
// Faultboard's informer asks for (everything else keeps answering JSON, the fallback every client
// lists in its Accept).
bool ResourceHandler::servesProtobuf(const ApiPath &p) const
{
    return m_serveProtobuf && p.resource->plural == "nodes" &&
           (p.subresource.empty() || p.subresource == "status");
}

void ResourceHandler::sendError(HttpExchange *ex, const MediaType &media, int code,
                                const std::string &reason, const std::string &message,
                                const json &details)
{
    if (!media.protobuf)
        return sendStatus(ex, code, reason, message, details);
    ex->respond(code, NodeProtobufEncoder::ContentType,
                QByteArray::fromStdString(
                    NodeProtobufEncoder::statusBody(statusObject(code, reason, message, details))));
}

bool ResourceHandler::parseSelectors(HttpExchange *ex, const ApiPath &p, LabelSelector *labels,
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

// kubesim reads JSON only: a body in another format (kubectl 1.32 on sends some requests as
// protobuf) gets the 415 kube-apiserver sends for a format it does not serve.
bool ResourceHandler::acceptsBody(HttpExchange *ex)
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

void ResourceHandler::list(HttpExchange *ex, const ApiPath &p)
{
    const HttpRequest &req = ex->request();
    LabelSelector labels;
    FieldSelector fields;
    if (!parseSelectors(ex, p, &labels, &fields))
        return;
    const MediaType media = MediaType::negotiate(req.header("accept"), servesProtobuf(p));
    if (!media.acceptable)
        return sendStatus(ex, 406, "NotAcceptable",
                          MediaType::notAcceptableMessage(servesProtobuf(p)));
    if (media.kind == MediaType::Kind::PartialObjectMetadata)
        return sendStatus(
            ex, 406, "NotAcceptable",
            "you requested PartialObjectMetadata, but the requested object is a list (*v1." +
                p.resource->kind + "List)");

    const std::string cont = req.queryValue(QStringLiteral("continue")).toStdString();
    // resourceVersion=0 without a continue token is served by kube-apiserver's watch cache,
    // which ignores `limit` and sends the list whole (cacher.go GetList); any other list is
    // read from etcd, a page of `limit` at a time.
    const bool fromWatchCache =
        cont.empty() && req.queryValue(QStringLiteral("resourceVersion")) == QLatin1String("0");
    const long long limit =
        fromWatchCache ? 0 : req.queryValue(QStringLiteral("limit")).toLongLong();
    std::uint64_t listRv = m_store->currentResourceVersion();
    std::string startKey;
    if (!cont.empty()) {
        if (!decodeContinue(cont, &listRv, &startKey))
            return sendError(ex, media, 400, "BadRequest",
                             "continue key is not valid: incorrect encoded start resourceVersion "
                             "(version meta.k8s.io/v1)");
        if (listRv < m_store->compactedResourceVersion())
            return sendError(ex, media, 410, "Expired", ContinueExpiredMessage);
    } else if (m_watches->settings().refuseWatchCacheList &&
               req.queryValue(QStringLiteral("resourceVersion")) == QLatin1String("0")) {
        // A watch cache that cannot serve resourceVersion=0: the watch cache's "too old" answer
        // (apiserver's watch_cache.go: too old resource version: REQUESTED (OLDEST)).
        return sendError(ex, media, 410, "Expired",
                         "too old resource version: 0 (" +
                             std::to_string(m_store->compactedResourceVersion()) + ")");
    }

    const std::string ns = p.storeNamespace();
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
    if (media.protobuf) {
        m_protobuf->setApiLevel(m_registry->apiLevel());
        return ex->respond(200, NodeProtobufEncoder::ContentType,
                           QByteArray::fromStdString(m_protobuf->nodeListBody(page, listMeta)));
    }
    std::string body;
    std::size_t bytes = 256;
    for (const StoredObject *o : page)
        bytes += o->byteSize() + 1;
    body.reserve(bytes);
    body += "{\"kind\":\"" + p.resource->kind + "List\",\"apiVersion\":\"" +
            p.resource->groupVersion() + "\",\"metadata\":" + dumpJson(listMeta) + ",\"items\":[";
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

void ResourceHandler::get(HttpExchange *ex, const ApiPath &p)
{
    const MediaType media = MediaType::negotiate(ex->request().header("accept"), servesProtobuf(p));
    if (!media.acceptable)
        return sendStatus(ex, 406, "NotAcceptable",
                          MediaType::notAcceptableMessage(servesProtobuf(p)));
    const StoredObject *o = m_store->get(p.resource->plural, p.storeNamespace(), p.name);
    if (!o)
        return sendError(ex, media, 404, "NotFound",
                         p.resource->groupResource() + " \"" + p.name + "\" not found",
                         p.resource->statusDetails(p.name));
    if (media.protobuf) {
        m_protobuf->setApiLevel(m_registry->apiLevel());
        return ex->respond(200, NodeProtobufEncoder::ContentType,
                           QByteArray::fromStdString(m_protobuf->nodeBody(*o)));
    }
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

void ResourceHandler::watch(HttpExchange *ex, const ApiPath &p)
{
    LabelSelector labels;
    FieldSelector fields;
    if (!parseSelectors(ex, p, &labels, &fields))
        return;
    m_watches->serve(ex, p, labels, fields);
}

void ResourceHandler::podLog(HttpExchange *ex, const ApiPath &p)
{
    if (!m_store->get("pods", p.ns, p.name))
        return sendNotFound(ex, p);
    ex->respond(200, "text/plain", "kubesim: this simulated container writes no log\n");
}

void ResourceHandler::evict(HttpExchange *ex, const ApiPath &p)
{
    const HttpRequest &req = ex->request();
    const json body = parseJson(req.body);
    if (!m_store->get("pods", p.ns, p.name))
        return sendNotFound(ex, p);
    // 1.20 knows Eviction in policy/v1beta1 only: its decoder refuses any other version.
    const std::string apiVersion = body.is_object() ? body.value("apiVersion", "") : "";
    if (m_registry->apiLevel() == ApiLevel::V1_20 && !apiVersion.empty() &&
        apiVersion != "policy/v1beta1")
        return sendStatus(ex, 400, "BadRequest",
                          "Eviction in version \"" + apiVersion.substr(apiVersion.find('/') + 1) +
                              "\" cannot be handled as a Eviction: no kind \"Eviction\" is "
                              "registered for version \"" +
                              apiVersion +
                              "\" in scheme "
                              "\"k8s.io/kubernetes/pkg/api/legacyscheme/scheme.go:30\"");
    const EvictionResult r = m_eviction->evict(p.ns, p.name, body, isDryRun(req));
    sendJson(ex, r.code, r.body, retryAfterHeader(r.retryAfterSeconds));
}

void ResourceHandler::create(HttpExchange *ex, const ApiPath &p, const User &user)
{
    const HttpRequest &req = ex->request();
    if (!acceptsBody(ex))
        return;
    json obj = parseJson(req.body);
    if (!obj.is_object())
        return sendStatus(ex, 400, "BadRequest", "the request body is not a JSON object");
    if (p.resource->plural == "selfsubjectaccessreviews")
        return sendJson(ex, 201, AccessControl::reviewAccess(user, std::move(obj)));
    if (p.resource->plural == "selfsubjectreviews")
        return sendJson(ex, 201, AccessControl::reviewSelf(user, std::move(obj)));
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
        return sendStatus(ex, 409, "AlreadyExists",
                          p.resource->groupResource() + " \"" + name + "\" already exists",
                          p.resource->statusDetails(name));
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
    if (isDryRun(req))
        return sendJson(ex, 201, obj);
    sendJson(ex, 201, m_store->put(p.resource->plural, obj));
}

void ResourceHandler::storeUpdate(HttpExchange *ex, const ApiPath &p, const json &current,
                                  json updated)
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
    if (p.resource->hasSubresource("status")) {
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
    if (isDryRun(req))
        return sendJson(ex, 200, updated);
    if (updated == current)
        return sendJson(ex, 200, current); // a no-op does not bump the resourceVersion
    sendJson(ex, 200, m_store->put(p.resource->plural, std::move(updated)));
}

void ResourceHandler::update(HttpExchange *ex, const ApiPath &p)
{
    const HttpRequest &req = ex->request();
    if (!acceptsBody(ex))
        return;
    json obj = parseJson(req.body);
    if (!obj.is_object())
        return sendStatus(ex, 400, "BadRequest", "the request body is not a JSON object");
    const std::string ns = p.storeNamespace();
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

void ResourceHandler::patch(HttpExchange *ex, const ApiPath &p)
{
    const HttpRequest &req = ex->request();
    const std::string ns = p.storeNamespace();
    auto current = m_store->getJson(p.resource->plural, ns, p.name);
    if (!current)
        return sendNotFound(ex, p);
    const json patch = parseJson(req.body);
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

void ResourceHandler::remove(HttpExchange *ex, const ApiPath &p)
{
    const HttpRequest &req = ex->request();
    const std::string ns = p.storeNamespace();
    json options = parseJson(req.body);
    if (!options.is_object())
        options = json::object();
    if (req.query.hasQueryItem(QStringLiteral("gracePeriodSeconds")))
        options["gracePeriodSeconds"] =
            req.queryValue(QStringLiteral("gracePeriodSeconds")).toLongLong();
    bool dryRun = isDryRun(req);
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
        return sendConflict(ex, p);
    if (dryRun)
        return sendJson(ex, 200, *current);
    auto gone = m_store->remove(p.resource->plural, ns, p.name);
    sendJson(ex, 200, gone ? *gone : *current);
}

void ResourceHandler::removeCollection(HttpExchange *ex, const ApiPath &p)
{
    LabelSelector labels;
    FieldSelector fields;
    if (!parseSelectors(ex, p, &labels, &fields))
        return;
    const std::string ns = p.storeNamespace();
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

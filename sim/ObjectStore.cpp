#include "sim/ObjectStore.h"

#include <QDateTime>
#include <QUuid>

#include <functional>

namespace sim {

namespace {

std::string dumpJson(const json &j)
{
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string stringAt(const json &obj, std::initializer_list<const char *> path)
{
    const json *cur = &obj;
    for (const char *p : path) {
        if (!cur->is_object())
            return {};
        auto it = cur->find(p);
        if (it == cur->end())
            return {};
        cur = &*it;
    }
    if (cur->is_string())
        return cur->get<std::string>();
    if (cur->is_boolean())
        return cur->get<bool>() ? "true" : "false";
    if (cur->is_number_integer())
        return std::to_string(cur->get<long long>());
    return {};
}

} // namespace

std::string newUid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

std::string nowRfc3339()
{
    return QDateTime::currentDateTimeUtc()
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"))
        .toStdString();
}

const char *eventTypeName(EventType t)
{
    switch (t) {
    case EventType::Added:
        return "ADDED";
    case EventType::Modified:
        return "MODIFIED";
    case EventType::Deleted:
        return "DELETED";
    }
    return "MODIFIED";
}

void StoredObject::appendTo(std::string &out) const
{
    if (prefix)
        out += *prefix;
    if (images) {
        out += *images;
        out += "}}";
    }
}

std::string StoredObject::serialize() const
{
    std::string out;
    out.reserve(byteSize());
    appendTo(out);
    return out;
}

json StoredObject::parse() const
{
    return json::parse(serialize());
}

std::size_t StoredObject::byteSize() const
{
    return (prefix ? prefix->size() : 0) + (images ? images->size() + 2 : 0);
}

ObjectStore::ObjectStore(QObject *parent)
    : QObject(parent)
{}

std::shared_ptr<const ObjectMeta> ObjectStore::extractMeta(const std::string &resource,
                                                           const json &obj)
{
    auto m = std::make_shared<ObjectMeta>();
    m->name = stringAt(obj, {"metadata", "name"});
    m->ns = stringAt(obj, {"metadata", "namespace"});
    m->uid = stringAt(obj, {"metadata", "uid"});
    if (auto md = obj.find("metadata"); md != obj.end() && md->is_object()) {
        if (auto l = md->find("labels"); l != md->end() && l->is_object())
            for (auto it = l->begin(); it != l->end(); ++it)
                if (it.value().is_string())
                    m->labels[it.key()] = it.value().get<std::string>();
    }
    m->fields["metadata.name"] = m->name;
    m->fields["metadata.namespace"] = m->ns;
    if (auto md = obj.find("metadata"); md != obj.end() && md->is_object()) {
        if (auto d = md->find("deletionTimestamp"); d != md->end() && !d->is_null())
            m->deleting = true;
        if (auto refs = md->find("ownerReferences"); refs != md->end() && refs->is_array())
            for (const json &ref : *refs)
                if (ref.is_object() && ref.value("controller", false)) {
                    m->controllerKind = ref.value("kind", "");
                    m->controllerName = ref.value("name", "");
                    m->controllerUid = ref.value("uid", "");
                }
    }
    if (resource == "pods" || resource == "nodes") {
        if (auto st = obj.find("status"); st != obj.end() && st->is_object())
            if (auto cs = st->find("conditions"); cs != st->end() && cs->is_array())
                for (const json &c : *cs)
                    if (c.is_object() && c.value("type", "") == "Ready")
                        m->readyStatus = c.value("status", "");
    }
    if (resource == "pods") {
        m->fields["spec.nodeName"] = stringAt(obj, {"spec", "nodeName"});
        m->fields["status.phase"] = stringAt(obj, {"status", "phase"});
        m->fields["spec.schedulerName"] = stringAt(obj, {"spec", "schedulerName"});
        m->fields["spec.serviceAccountName"] = stringAt(obj, {"spec", "serviceAccountName"});
        m->fields["spec.restartPolicy"] = stringAt(obj, {"spec", "restartPolicy"});
        m->fields["status.podIP"] = stringAt(obj, {"status", "podIP"});
        m->fields["status.nominatedNodeName"] = stringAt(obj, {"status", "nominatedNodeName"});
        const std::string hostNetwork = stringAt(obj, {"spec", "hostNetwork"});
        m->fields["spec.hostNetwork"] = hostNetwork.empty() ? "false" : hostNetwork;
    } else if (resource == "nodes") {
        const std::string u = stringAt(obj, {"spec", "unschedulable"});
        m->fields["spec.unschedulable"] = u.empty() ? "false" : u;
        m->blocksScheduling = u == "true";
        if (auto sp = obj.find("spec"); sp != obj.end() && sp->is_object())
            if (auto ts = sp->find("taints"); ts != sp->end() && ts->is_array())
                for (const json &t : *ts) {
                    if (!t.is_object())
                        continue;
                    const std::string effect = t.value("effect", "");
                    if (effect == "NoSchedule" || effect == "NoExecute")
                        m->blocksScheduling = true;
                    if (t.value("key", "") == "node.kubernetes.io/unschedulable")
                        m->hasUnschedulableTaint = true;
                }
    } else if (resource == "namespaces") {
        m->fields["status.phase"] = stringAt(obj, {"status", "phase"});
    } else if (resource == "events") {
        for (const char *f :
             {"kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath"})
            m->fields[std::string("involvedObject.") + f] = stringAt(obj, {"involvedObject", f});
        m->fields["reason"] = stringAt(obj, {"reason"});
        m->fields["type"] = stringAt(obj, {"type"});
        m->fields["source"] = stringAt(obj, {"source", "component"});
        m->fields["reportingComponent"] = stringAt(obj, {"reportingComponent"});
    }
    return m;
}

bool ObjectStore::tracksGeneration(const std::string &resource)
{
    return resource == "replicasets" || resource == "daemonsets" || resource == "deployments" ||
           resource == "statefulsets" || resource == "jobs" || resource == "poddisruptionbudgets";
}

std::shared_ptr<const std::string> ObjectStore::internImages(std::string serialized)
{
    const std::size_t h = std::hash<std::string>{}(serialized);
    auto &bucket = m_imagePool[h];
    for (auto it = bucket.begin(); it != bucket.end();) {
        if (auto sp = it->lock()) {
            if (*sp == serialized)
                return sp;
            ++it;
        } else {
            it = bucket.erase(it);
        }
    }
    auto sp = std::make_shared<const std::string>(std::move(serialized));
    bucket.push_back(sp);
    return sp;
}

StoredObject ObjectStore::store(const std::string &resource, json &obj,
                                std::shared_ptr<const std::string> images)
{
    StoredObject so;
    so.meta = extractMeta(resource, obj);
    auto st = obj.find("status");
    json imagesJson;
    bool tookImages = false;
    if (!images && st != obj.end() && st->is_object() && st->contains("images")) {
        imagesJson = std::move((*st)["images"]);
        st->erase("images");
        images = internImages(dumpJson(imagesJson));
        tookImages = true;
    } else if (images && st != obj.end() && st->is_object()) {
        st->erase("images"); // the given list is the one stored
    }
    if (!images) {
        std::string all = dumpJson(obj);
        all.shrink_to_fit(); // the serializer grows by doubling: up to half would be slack
        so.prefix = std::make_shared<const std::string>(std::move(all));
        return so;
    }
    // {...,"status":{...,"images":IMAGES}} with IMAGES shared: the prefix ends at "images":.
    json status = st != obj.end() && st->is_object() ? std::move(*st) : json::object();
    obj.erase("status");
    std::string top = dumpJson(obj);
    std::string stat = dumpJson(status);
    top.pop_back(); // '}'
    stat.pop_back();
    std::string prefix = std::move(top);
    if (!obj.empty())
        prefix += ',';
    prefix += "\"status\":";
    prefix += stat;
    if (!status.empty())
        prefix += ',';
    prefix += "\"images\":";
    prefix.shrink_to_fit();
    so.prefix = std::make_shared<const std::string>(std::move(prefix));
    so.images = std::move(images);
    // Give the caller its object back as it was.
    obj["status"] = std::move(status);
    if (tookImages)
        obj["status"]["images"] = std::move(imagesJson);
    return so;
}

void ObjectStore::record(const std::string &resource, EventType type, const StoredObject &obj)
{
    StoreEvent ev;
    ev.resourceVersion = obj.resourceVersion;
    ev.resource = resource;
    ev.type = type;
    ev.object = obj;
    ev.meta = obj.meta;
    auto [it, created] = m_windows.try_emplace(resource);
    if (created)
        it->second.start = m_compactedRv;
    it->second.events.push_back(ev);
    it->second.trim(m_windowSize);
    // A copy: receivers may write to the store, which can trim the window.
    emit changed(ev);
}

void ObjectStore::Window::trim(std::size_t size)
{
    while (events.size() > size) {
        start = events.front().resourceVersion;
        events.pop_front();
    }
}

void ObjectStore::setEventWindow(std::size_t events)
{
    m_windowSize = std::max<std::size_t>(1, events);
    for (auto &[r, w] : m_windows)
        w.trim(m_windowSize);
}

std::uint64_t ObjectStore::oldestWatchableResourceVersion(const std::string &resource) const
{
    auto it = m_windows.find(resource);
    return it == m_windows.end() ? m_compactedRv : it->second.start;
}

void ObjectStore::compact()
{
    m_compactedRv = m_rv;
    for (auto &[r, w] : m_windows) {
        w.events.clear();
        w.start = m_rv;
    }
}

const StoredObject *ObjectStore::get(const std::string &resource, const std::string &ns,
                                     const std::string &name) const
{
    auto r = m_objects.find(resource);
    if (r == m_objects.end())
        return nullptr;
    auto it = r->second.find(key(ns, name));
    return it == r->second.end() ? nullptr : &it->second;
}

std::optional<json> ObjectStore::getJson(const std::string &resource, const std::string &ns,
                                         const std::string &name) const
{
    const StoredObject *o = get(resource, ns, name);
    if (!o)
        return std::nullopt;
    return o->parse();
}

std::vector<const StoredObject *> ObjectStore::list(const std::string &resource,
                                                    const std::string &ns) const
{
    std::vector<const StoredObject *> out;
    auto r = m_objects.find(resource);
    if (r == m_objects.end())
        return out;
    if (ns.empty()) {
        out.reserve(r->second.size());
        for (const auto &[k, v] : r->second)
            out.push_back(&v);
    } else {
        const std::string prefix = ns + '/';
        for (auto it = r->second.lower_bound(prefix);
             it != r->second.end() && it->first.starts_with(prefix); ++it)
            out.push_back(&it->second);
    }
    return out;
}

const std::map<std::string, StoredObject> *ObjectStore::objects(const std::string &resource) const
{
    auto r = m_objects.find(resource);
    return r == m_objects.end() || r->second.empty() ? nullptr : &r->second;
}

std::size_t ObjectStore::count(const std::string &resource) const
{
    auto r = m_objects.find(resource);
    return r == m_objects.end() ? 0 : r->second.size();
}

json ObjectStore::put(const std::string &resource, json obj,
                      std::shared_ptr<const std::string> images)
{
    json &md = obj["metadata"];
    const std::string name = md.value("name", "");
    const std::string ns = md.value("namespace", "");
    auto &objects = m_objects[resource];
    const std::string k = key(ns, name);
    auto existing = objects.find(k);
    const bool isNew = existing == objects.end();
    if (isNew) {
        if (!md.contains("uid"))
            md["uid"] = newUid();
        if (!md.contains("creationTimestamp") || md["creationTimestamp"].is_null())
            md["creationTimestamp"] = nowRfc3339();
    }
    if (tracksGeneration(resource)) {
        if (isNew) {
            if (!md.contains("generation"))
                md["generation"] = 1;
        } else {
            // Only a change of spec counts; status writes and metadata edits do not.
            const json old = existing->second.parse();
            const json oldSpec = old.value("spec", json());
            const json newSpec = obj.value("spec", json());
            const std::int64_t gen = old["metadata"].value("generation", std::int64_t(1));
            md["generation"] = oldSpec == newSpec ? gen : gen + 1;
        }
    }
    const std::uint64_t rv = ++m_rv;
    md["resourceVersion"] = std::to_string(rv);
    StoredObject so = store(resource, obj, std::move(images));
    so.resourceVersion = rv;
    if (isNew)
        existing = objects.emplace(k, std::move(so)).first;
    else
        existing->second = std::move(so);
    record(resource, isNew ? EventType::Added : EventType::Modified, existing->second);
    return obj;
}

std::optional<json> ObjectStore::remove(const std::string &resource, const std::string &ns,
                                        const std::string &name)
{
    auto r = m_objects.find(resource);
    if (r == m_objects.end())
        return std::nullopt;
    auto it = r->second.find(key(ns, name));
    if (it == r->second.end())
        return std::nullopt;
    json last = it->second.parse();
    const std::uint64_t rv = ++m_rv;
    last["metadata"]["resourceVersion"] = std::to_string(rv);
    StoredObject gone = store(resource, last, {});
    gone.resourceVersion = rv;
    r->second.erase(it);
    record(resource, EventType::Deleted, gone);
    return last;
}

std::vector<const StoreEvent *> ObjectStore::eventsSince(const std::string &resource,
                                                         std::uint64_t rv) const
{
    std::vector<const StoreEvent *> out;
    auto w = m_windows.find(resource);
    if (w == m_windows.end())
        return out;
    // Events are in resourceVersion order: find the first one after rv.
    auto it = std::upper_bound(
        w->second.events.begin(), w->second.events.end(), rv,
        [](std::uint64_t v, const StoreEvent &e) { return v < e.resourceVersion; });
    for (; it != w->second.events.end(); ++it)
        out.push_back(&*it);
    return out;
}

} // namespace sim

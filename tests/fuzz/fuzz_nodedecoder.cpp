// Differential fuzz target for kube::NodeDecoder and the BulkFieldFilter pre-pass in front of it.
// The same bytes are decoded twice: by NodeDecoder (pre-filter + SAX, what the informer runs) and
// by a plain nlohmann DOM parse of the unfiltered bytes read into a kube::Node here. For a single
// Node, a NodeList (a JSON object, of kind NodeList if it names one) and a watch event alike,
// both must reject the input, or both accept it with the
// same value in every field the dashboard keeps.
//
// Whether the bytes are JSON at all is nlohmann's grammar (json::accept). Some inputs are then
// compared on accept/reject only: objects with a repeated key, whose meaning JSON leaves open
// (RFC 8259 section 4; the DOM keeps the last value, the SAX decoder reads each in turn), and
// numbers beyond double's range, which the grammar allows and the DOM refuses to hold.
#include "FuzzCheck.h"

#include "kube/ApiTime.h"
#include "kube/NodeDecoder.h"

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

using json = nlohmann::json;
using namespace kube;

namespace {

// A SAX pass that only notes whether some object repeats a key.
struct DuplicateKeys
{
    std::vector<std::set<std::string>> objects;
    bool found = false;
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(json::number_integer_t) { return true; }
    bool number_unsigned(json::number_unsigned_t) { return true; }
    bool number_float(json::number_float_t, const std::string &) { return true; }
    bool string(std::string &) { return true; }
    bool binary(json::binary_t &) { return true; }
    bool start_object(std::size_t)
    {
        objects.emplace_back();
        return true;
    }
    bool end_object()
    {
        objects.pop_back();
        return true;
    }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool key(std::string &k)
    {
        if (!objects.back().insert(k).second)
            found = true;
        return true;
    }
    bool parse_error(std::size_t, const std::string &, const json::exception &) { return false; }
};

const json *member(const json &o, const char *key, json::value_t type)
{
    if (!o.is_object())
        return nullptr;
    auto it = o.find(key);
    return it != o.end() && it->type() == type ? &*it : nullptr;
}

QString str(const json &o, const char *key)
{
    const json *v = member(o, key, json::value_t::string);
    return v ? QString::fromStdString(v->get<std::string>()) : QString();
}

QDateTime time(const json &o, const char *key)
{
    const json *v = member(o, key, json::value_t::string);
    return v ? parseApiTime(v->get_ref<const std::string &>()) : QDateTime();
}

StringMap strings(const json &o, const char *key, const char *prefix = "")
{
    StringMap m;
    if (const json *obj = member(o, key, json::value_t::object))
        for (auto it = obj->begin(); it != obj->end(); ++it)
            if (it->is_string() && it.key().starts_with(prefix))
                m.insert(QString::fromStdString(it.key()),
                         QString::fromStdString(it->get<std::string>()));
    return m;
}

template <typename T, typename Fn> std::vector<T> objects(const json &o, const char *key, Fn read)
{
    std::vector<T> out;
    if (const json *arr = member(o, key, json::value_t::array))
        for (const json &e : *arr)
            if (e.is_object())
                out.push_back(read(e));
    return out;
}

// The fields of kube::Node, read from a DOM the way NodeDecoder documents them.
Node referenceNode(const json &o)
{
    Node n;
    static const json empty = json::object();
    const json *metaPtr = member(o, "metadata", json::value_t::object);
    const json &meta = metaPtr ? *metaPtr : empty;
    n.name = str(meta, "name");
    n.uid = str(meta, "uid");
    n.resourceVersion = str(meta, "resourceVersion");
    n.namespaceName = str(meta, "namespace");
    n.creationTimestamp = time(meta, "creationTimestamp");
    n.deletionTimestamp = time(meta, "deletionTimestamp");
    n.labels = strings(meta, "labels");
    n.annotations = strings(meta, "annotations", "faultboard.io/");
    const json *specPtr = member(o, "spec", json::value_t::object);
    const json &spec = specPtr ? *specPtr : empty;
    if (const json *u = member(spec, "unschedulable", json::value_t::boolean))
        n.unschedulable = u->get<bool>();
    n.taints = objects<Taint>(spec, "taints", [](const json &t) {
        return Taint{str(t, "key"), str(t, "value"), str(t, "effect"), time(t, "timeAdded")};
    });
    const json *statusPtr = member(o, "status", json::value_t::object);
    const json &status = statusPtr ? *statusPtr : empty;
    n.conditions = objects<NodeCondition>(status, "conditions", [](const json &c) {
        return NodeCondition{str(c, "type"),
                             str(c, "status"),
                             str(c, "reason"),
                             str(c, "message"),
                             time(c, "lastTransitionTime"),
                             time(c, "lastHeartbeatTime")};
    });
    n.capacity = strings(status, "capacity");
    n.allocatable = strings(status, "allocatable");
    n.addresses = objects<NodeAddress>(status, "addresses", [](const json &a) {
        return NodeAddress{str(a, "type"), str(a, "address")};
    });
    const json *infoPtr = member(status, "nodeInfo", json::value_t::object);
    const json &info = infoPtr ? *infoPtr : empty;
    n.nodeInfo.write() = {str(info, "kubeletVersion"), str(info, "osImage"),
                          str(info, "kernelVersion"),  str(info, "containerRuntimeVersion"),
                          str(info, "architecture"),   str(info, "operatingSystem")};
    return n;
}

std::string describe(const Node &n)
{
    return "node \"" + n.name.toStdString() + "\" rv \"" + n.resourceVersion.toStdString() + "\"";
}

void compareNodes(const Node &got, const Node &want)
{
    FUZZ_CHECK(got.name == want.name, "name: %s vs %s", qPrintable(got.name),
               qPrintable(want.name));
    FUZZ_CHECK(got.uid == want.uid, "%s", describe(want).c_str());
    FUZZ_CHECK(got.resourceVersion == want.resourceVersion, "%s", describe(want).c_str());
    FUZZ_CHECK(got.namespaceName == want.namespaceName, "%s", describe(want).c_str());
    FUZZ_CHECK(got.creationTimestamp == want.creationTimestamp, "%s", describe(want).c_str());
    FUZZ_CHECK(got.deletionTimestamp == want.deletionTimestamp, "%s", describe(want).c_str());
    FUZZ_CHECK(got.labels == want.labels, "labels of %s: %zu vs %zu", describe(want).c_str(),
               got.labels.size(), want.labels.size());
    FUZZ_CHECK(got.annotations == want.annotations, "%s", describe(want).c_str());
    FUZZ_CHECK(got.unschedulable == want.unschedulable, "%s", describe(want).c_str());
    FUZZ_CHECK(got.taints == want.taints, "taints of %s: %zu vs %zu", describe(want).c_str(),
               got.taints.size(), want.taints.size());
    FUZZ_CHECK(got.conditions == want.conditions, "conditions of %s: %zu vs %zu",
               describe(want).c_str(), got.conditions.size(), want.conditions.size());
    FUZZ_CHECK(got.capacity == want.capacity, "%s", describe(want).c_str());
    FUZZ_CHECK(got.allocatable == want.allocatable, "%s", describe(want).c_str());
    FUZZ_CHECK(got.addresses == want.addresses, "%s", describe(want).c_str());
    FUZZ_CHECK(got.nodeInfo == want.nodeInfo, "%s", describe(want).c_str());
}

const Node &asNode(const ObjectPtr &o)
{
    return static_cast<const Node &>(*o);
}

void checkSingle(const QByteArray &bytes, const json &dom, bool parsed, bool comparable)
{
    ApiError error;
    const NodePtr got = NodeDecoder::decodeNode(bytes, &error);
    if (!parsed) {
        FUZZ_CHECK(!got && error, "decodeNode accepted what nlohmann rejects");
        return;
    }
    if (!comparable)
        return;
    const bool isStatus = dom.is_object() && str(dom, "kind") == QLatin1String("Status");
    const bool wantNode = dom.is_object() && !isStatus;
    FUZZ_CHECK(bool(got) == wantNode, "decodeNode %s, the plain parse %s (%s)",
               got ? "accepted" : "rejected", wantNode ? "accepts" : "rejects",
               qPrintable(error.toString()));
    if (got)
        compareNodes(*got, referenceNode(dom));
}

void checkList(const QByteArray &bytes, const json &dom, bool parsed, bool comparable)
{
    const DecodedList got = NodeDecoder().decodeList(bytes);
    const bool accepted = !got.error;
    FUZZ_CHECK(!accepted || parsed, "decodeList accepted what the plain parse rejects");
    if (!comparable)
        return;
    // A list is an object whose kind, if it says one, is NodeList.
    const QString kind = dom.is_object() ? str(dom, "kind") : QString();
    const bool isList = dom.is_object() && (kind.isEmpty() || kind == QLatin1String("NodeList"));
    FUZZ_CHECK(accepted == isList, "decodeList %s, the plain parse %s a list (%s)",
               accepted ? "accepted" : "rejected", isList ? "is" : "is not",
               qPrintable(got.error.toString()));
    if (!accepted)
        return;
    std::vector<Node> want;
    QString rv, cont;
    qint64 remaining = -1;
    if (dom.is_object()) {
        for (const json &item : [&] {
                 const json *items = member(dom, "items", json::value_t::array);
                 return items ? *items : json::array();
             }())
            if (item.is_object())
                want.push_back(referenceNode(item));
        if (const json *meta = member(dom, "metadata", json::value_t::object)) {
            rv = str(*meta, "resourceVersion");
            cont = str(*meta, "continue");
            auto r = meta->find("remainingItemCount");
            if (r != meta->end() && r->is_number_integer())
                remaining = r->is_number_unsigned() ? qint64(r->get<json::number_unsigned_t>())
                                                    : qint64(r->get<json::number_integer_t>());
        }
    }
    FUZZ_CHECK(got.items.size() == want.size(), "%zu items vs %zu", got.items.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i)
        compareNodes(asNode(got.items[i]), want[i]);
    FUZZ_CHECK(got.resourceVersion == rv, "list resourceVersion");
    FUZZ_CHECK(got.continueToken == cont, "list continue");
    FUZZ_CHECK(got.remainingItemCount == remaining, "remainingItemCount %lld vs %lld",
               qint64(got.remainingItemCount), qint64(remaining));
}

void checkEvent(const QByteArray &bytes, const json &dom, bool parsed, bool comparable)
{
    const WatchEvent got = NodeDecoder().decodeEvent(bytes);
    if (!parsed) {
        FUZZ_CHECK(got.type == WatchEvent::Type::Error && got.error && !got.object,
                   "decodeEvent accepted what the plain parse rejects");
        return;
    }
    if (!comparable)
        return;
    const QString type = dom.is_object() ? str(dom, "type") : QString();
    const json *object = dom.is_object() ? member(dom, "object", json::value_t::object) : nullptr;
    const bool isStatus = object && str(*object, "kind") == QLatin1String("Status");
    if (type == QLatin1String("ERROR") || isStatus) {
        FUZZ_CHECK(got.type == WatchEvent::Type::Error && !got.object, "an ERROR event");
        return;
    }
    static const QStringList known = {QStringLiteral("ADDED"), QStringLiteral("MODIFIED"),
                                      QStringLiteral("DELETED"), QStringLiteral("BOOKMARK")};
    if (!object || !known.contains(type)) {
        FUZZ_CHECK(got.type == WatchEvent::Type::Error && got.error && !got.object,
                   "an event without object or with type \"%s\" was accepted", qPrintable(type));
        return;
    }
    const Node want = referenceNode(*object);
    FUZZ_CHECK(!got.error, "a %s event was rejected: %s", qPrintable(type),
               qPrintable(got.error.toString()));
    FUZZ_CHECK(got.resourceVersion == want.resourceVersion, "event resourceVersion");
    if (type == QLatin1String("BOOKMARK")) {
        FUZZ_CHECK(got.type == WatchEvent::Type::Bookmark && !got.object, "a bookmark");
        return;
    }
    FUZZ_CHECK(got.object, "a %s event without its node", qPrintable(type));
    compareNodes(asNode(got.object), want);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const bool parsed = json::accept(bytes.begin(), bytes.end());
    const json dom = json::parse(bytes.begin(), bytes.end(), nullptr, false);
    DuplicateKeys dup;
    if (parsed)
        json::sax_parse(bytes.begin(), bytes.end(), &dup);
    const bool comparable = parsed && !dom.is_discarded() && !dup.found;
    checkSingle(bytes, dom, parsed, comparable);
    checkList(bytes, dom, parsed, comparable);
    checkEvent(bytes, dom, parsed, comparable);
    return 0;
}

#include "kube/NodeDecoder.h"

#include "kube/ApiTime.h"
#include "kube/BulkFieldFilter.h"
#include "kube/ProtobufNodeDecoder.h"
#include "kube/StringPool.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace kube {

namespace {

using json = nlohmann::json;

enum class Ctx : std::uint8_t {
    Skip, // a subtree we do not want: read past it
    Root,
    ListMeta,
    Items,
    Node, // a Node, or the Status of an ERROR watch event
    Meta,
    Labels,
    Annotations,
    Spec,
    Taints,
    Taint,
    Status,
    Conditions,
    Condition,
    Capacity,
    Allocatable,
    Addresses,
    Address,
    NodeInfo,
    StatusDetails,
};

enum class Mode { Single, List, Event };

QString pooled(const std::string &s)
{
    return StringPool::instance().intern(s);
}

QString plain(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

class NodeSax
{
public:
    explicit NodeSax(Mode mode)
        : m_mode(mode)
    {
        m_stack.reserve(16);
    }

    // --- results
    std::vector<ObjectPtr> items;
    std::shared_ptr<Node> node;
    QString listResourceVersion;
    QString listContinue;
    qint64 remainingItemCount = -1;
    std::string eventType;
    std::string objectKind;
    bool rootIsObject = false;
    std::string listKind; // the list's own "kind"
    std::string statusReason;
    std::string statusMessage;
    int statusCode = 0;
    int retryAfterSeconds = 0;
    std::string parseError;

    // --- nlohmann SAX interface
    bool null() { return true; }

    bool boolean(bool v)
    {
        if (top() == Ctx::Spec && m_key == "unschedulable")
            node->unschedulable = v;
        return true;
    }

    bool number_integer(json::number_integer_t v) { return integer(qint64(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return integer(qint64(v)); }
    bool number_float(json::number_float_t, const std::string &) { return true; }
    bool binary(json::binary_t &) { return true; }

    bool string(std::string &v)
    {
        switch (top()) {
        case Ctx::Skip:
            break;
        case Ctx::Root:
            if (m_mode == Mode::Event && m_key == "type")
                eventType = std::move(v);
            else if (m_mode == Mode::List && m_key == "kind")
                listKind = std::move(v);
            break;
        case Ctx::ListMeta:
            if (m_key == "resourceVersion")
                listResourceVersion = plain(v);
            else if (m_key == "continue")
                listContinue = plain(v);
            break;
        case Ctx::Node:
            if (m_key == "kind")
                objectKind = std::move(v);
            else if (m_key == "reason")
                statusReason = std::move(v);
            else if (m_key == "message")
                statusMessage = std::move(v);
            break;
        case Ctx::Meta:
            if (m_key == "name")
                node->name = plain(v);
            else if (m_key == "uid")
                node->uid = plain(v);
            else if (m_key == "resourceVersion")
                node->resourceVersion = plain(v);
            else if (m_key == "namespace")
                node->namespaceName = pooled(v);
            else if (m_key == "creationTimestamp")
                node->creationTimestamp = parseApiTime(v);
            else if (m_key == "deletionTimestamp")
                node->deletionTimestamp = parseApiTime(v);
            break;
        case Ctx::Labels:
            node->labels.insert(pooled(m_key), pooled(v));
            break;
        case Ctx::Annotations:
            if (std::string_view(m_key).starts_with("faultboard.io/"))
                node->annotations.insert(pooled(m_key), plain(v));
            break;
        case Ctx::Taint: {
            Taint &t = node->taints.back();
            if (m_key == "key")
                t.key = pooled(v);
            else if (m_key == "value")
                t.value = pooled(v);
            else if (m_key == "effect")
                t.effect = pooled(v);
            else if (m_key == "timeAdded")
                t.timeAdded = parseApiTime(v);
            break;
        }
        case Ctx::Condition: {
            NodeCondition &c = node->conditions.back();
            if (m_key == "type")
                c.setType(pooled(v));
            else if (m_key == "status")
                c.setStatus(pooled(v));
            else if (m_key == "reason")
                c.setReason(pooled(v));
            else if (m_key == "message")
                c.setMessage(pooled(v));
            else if (m_key == "lastTransitionTime")
                c.lastTransitionTime = parseApiTime(v);
            else if (m_key == "lastHeartbeatTime")
                c.lastHeartbeatTime = parseApiTime(v);
            break;
        }
        case Ctx::Capacity:
            node->capacity.insert(pooled(m_key), pooled(v));
            break;
        case Ctx::Allocatable:
            node->allocatable.insert(pooled(m_key), pooled(v));
            break;
        case Ctx::Address: {
            NodeAddress &a = node->addresses.back();
            if (m_key == "type")
                a.type = pooled(v);
            else if (m_key == "address")
                a.address = plain(v);
            break;
        }
        case Ctx::NodeInfo: {
            NodeSystemInfo &i = node->nodeInfo.write();
            if (m_key == "kubeletVersion")
                i.kubeletVersion = pooled(v);
            else if (m_key == "osImage")
                i.osImage = pooled(v);
            else if (m_key == "kernelVersion")
                i.kernelVersion = pooled(v);
            else if (m_key == "containerRuntimeVersion")
                i.containerRuntimeVersion = pooled(v);
            else if (m_key == "architecture")
                i.architecture = pooled(v);
            else if (m_key == "operatingSystem")
                i.operatingSystem = pooled(v);
            break;
        }
        default:
            break;
        }
        return true;
    }

    bool key(std::string &k)
    {
        m_key.swap(k);
        return true;
    }

    bool start_object(std::size_t)
    {
        const Ctx parent = m_stack.empty() ? Ctx::Skip : top();
        Ctx next = Ctx::Skip;
        if (m_stack.empty()) {
            rootIsObject = true;
            next = m_mode == Mode::Single ? beginNode() : Ctx::Root;
        } else {
            switch (parent) {
            case Ctx::Root:
                if (m_mode == Mode::List && m_key == "metadata")
                    next = Ctx::ListMeta;
                else if (m_mode == Mode::Event && m_key == "object")
                    next = beginNode();
                break;
            case Ctx::Items:
                next = beginNode();
                break;
            case Ctx::Node:
                if (m_key == "metadata")
                    next = Ctx::Meta;
                else if (m_key == "spec")
                    next = Ctx::Spec;
                else if (m_key == "status")
                    next = Ctx::Status;
                else if (m_key == "details")
                    next = Ctx::StatusDetails;
                break;
            case Ctx::Meta:
                if (m_key == "labels")
                    next = Ctx::Labels;
                else if (m_key == "annotations")
                    next = Ctx::Annotations;
                break;
            case Ctx::Taints:
                node->taints.emplace_back();
                next = Ctx::Taint;
                break;
            case Ctx::Status:
                if (m_key == "capacity")
                    next = Ctx::Capacity;
                else if (m_key == "allocatable")
                    next = Ctx::Allocatable;
                else if (m_key == "nodeInfo")
                    next = Ctx::NodeInfo;
                break;
            case Ctx::Conditions:
                node->conditions.emplace_back();
                next = Ctx::Condition;
                break;
            case Ctx::Addresses:
                node->addresses.emplace_back();
                next = Ctx::Address;
                break;
            default:
                break;
            }
        }
        m_stack.push_back(next);
        return true;
    }

    bool end_object()
    {
        const Ctx done = top();
        m_stack.pop_back();
        if (done == Ctx::Node && node)
            node->squeeze();
        if (done == Ctx::Node && m_mode == Mode::List && node) {
            items.push_back(std::move(node));
            node.reset();
        }
        return true;
    }

    bool start_array(std::size_t)
    {
        Ctx next = Ctx::Skip;
        if (!m_stack.empty()) {
            switch (top()) {
            case Ctx::Root:
                if (m_mode == Mode::List && m_key == "items")
                    next = Ctx::Items;
                break;
            case Ctx::Spec:
                if (m_key == "taints")
                    next = Ctx::Taints;
                break;
            case Ctx::Status:
                // status.images is the bulk of a Node; it lands here as Skip.
                if (m_key == "conditions")
                    next = Ctx::Conditions;
                else if (m_key == "addresses")
                    next = Ctx::Addresses;
                break;
            default:
                break;
            }
        }
        m_stack.push_back(next);
        return true;
    }

    bool end_array()
    {
        m_stack.pop_back();
        return true;
    }

    bool parse_error(std::size_t position, const std::string &, const json::exception &ex)
    {
        parseError = "at byte " + std::to_string(position) + ": " + ex.what();
        return false;
    }

private:
    // A scalar at the top level (`0`, `"x"`, `true`) arrives with no container open.
    Ctx top() const { return m_stack.empty() ? Ctx::Skip : m_stack.back(); }

    Ctx beginNode()
    {
        node = std::make_shared<Node>();
        node->conditions.reserve(12);
        return Ctx::Node;
    }

    bool integer(qint64 v)
    {
        const Ctx c = top();
        if (c == Ctx::ListMeta && m_key == "remainingItemCount")
            remainingItemCount = v;
        else if (c == Ctx::Node && m_key == "code")
            statusCode = int(v);
        else if (c == Ctx::StatusDetails && m_key == "retryAfterSeconds")
            retryAfterSeconds = int(v);
        return true;
    }

    Mode m_mode;
    std::vector<Ctx> m_stack;
    std::string m_key;
};

template <typename Handler> bool runSax(const QByteArray &input, Handler &h)
{
    // The SAX pass skips images and managedFields too, but reading past them still lexes every
    // byte; the structural pre-pass drops them far faster.
    const QByteArray bytes = BulkFieldFilter::strip(input);
    const char *begin = bytes.constData();
    const char *end = begin + bytes.size();
    return json::sax_parse(begin, end, &h, json::input_format_t::json, true);
}

ApiError statusError(const NodeSax &h)
{
    ApiError e;
    e.kind = ApiError::Kind::Http;
    e.code = h.statusCode;
    e.reason = QString::fromStdString(h.statusReason);
    e.message = QString::fromStdString(h.statusMessage);
    e.retryAfterSeconds = h.retryAfterSeconds;
    return e;
}

} // namespace

NodePtr NodeDecoder::decodeNode(const QByteArray &body, ApiError *error)
{
    NodeSax h(Mode::Single);
    if (!runSax(body, h) || !h.node) {
        if (error)
            *error = ApiError::decode(
                QStringLiteral("node: %1").arg(QString::fromStdString(h.parseError)));
        return {};
    }
    if (h.objectKind == "Status") {
        if (error)
            *error = statusError(h);
        return {};
    }
    return h.node;
}

DecodedList NodeDecoder::decodeList(const QByteArray &body) const
{
    DecodedList list;
    NodeSax h(Mode::List);
    if (!runSax(body, h)) {
        list.error = ApiError::decode(
            QStringLiteral("node list: %1").arg(QString::fromStdString(h.parseError)));
        return list;
    }
    // `null`, `[]` or `0` is no list: read as one without items, it would empty the picture.
    if (!h.rootIsObject) {
        list.error = ApiError::decode(QStringLiteral("node list: the answer is not a JSON object"));
        return list;
    }
    if (!h.listKind.empty() && h.listKind != "NodeList") {
        list.error =
            ApiError::decode(QStringLiteral("node list: the answer is a %1, not a NodeList")
                                 .arg(QString::fromStdString(h.listKind).left(64)));
        return list;
    }
    list.items = std::move(h.items);
    list.resourceVersion = h.listResourceVersion;
    list.continueToken = h.listContinue;
    list.remainingItemCount = h.remainingItemCount;
    return list;
}

QByteArray NodeDecoder::listAccept() const
{
    return QByteArray(ProtobufNodeDecoder::ContentType) + ", application/json";
}

DecodedList NodeDecoder::decodeList(const QByteArray &body, const QByteArray &contentType) const
{
    if (ProtobufNodeDecoder::isProtobuf(contentType))
        return ProtobufNodeDecoder::decodeList(body);
    return decodeList(body);
}

std::unique_ptr<ListStreamDecoder> NodeDecoder::listStream(const QByteArray &contentType) const
{
    if (ProtobufNodeDecoder::isProtobuf(contentType))
        return std::make_unique<ProtobufNodeListStream>();
    return nullptr;
}

WatchEvent NodeDecoder::decodeEvent(const QByteArray &frame) const
{
    WatchEvent ev;
    NodeSax h(Mode::Event);
    if (!runSax(frame, h)) {
        ev.error = ApiError::decode(
            QStringLiteral("watch event: %1").arg(QString::fromStdString(h.parseError)));
        return ev;
    }
    const std::string &t = h.eventType;
    if (t == "ERROR" || h.objectKind == "Status") {
        ev.type = WatchEvent::Type::Error;
        ev.error = statusError(h);
        return ev;
    }
    if (!h.node) {
        ev.error = ApiError::decode(QStringLiteral("watch event without an object"));
        return ev;
    }
    ev.resourceVersion = h.node->resourceVersion;
    if (t == "ADDED")
        ev.type = WatchEvent::Type::Added;
    else if (t == "MODIFIED")
        ev.type = WatchEvent::Type::Modified;
    else if (t == "DELETED")
        ev.type = WatchEvent::Type::Deleted;
    else if (t == "BOOKMARK")
        ev.type = WatchEvent::Type::Bookmark;
    else {
        ev.error = ApiError::decode(
            QStringLiteral("unknown watch event type \"%1\"").arg(QString::fromStdString(t)));
        return ev;
    }
    if (ev.type != WatchEvent::Type::Bookmark)
        ev.object = h.node;
    return ev;
}

} // namespace kube

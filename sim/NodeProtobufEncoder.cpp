#include "sim/NodeProtobufEncoder.h"

#include <QDateTime>

#include <cstdint>

namespace sim {

namespace {

enum Wire : unsigned { Varint = 0, Bytes = 2 };

// One message being written, fields in ascending order as the Go marshallers emit them.
class Message
{
public:
    void varint(std::uint64_t v)
    {
        while (v >= 0x80) {
            m_out += char((v & 0x7f) | 0x80);
            v >>= 7;
        }
        m_out += char(v);
    }
    void tag(unsigned field, unsigned wire) { varint((std::uint64_t(field) << 3) | wire); }
    void bytes(unsigned field, const std::string &s)
    {
        tag(field, Bytes);
        varint(s.size());
        m_out += s;
    }
    // Negative int32/int64 values are sign-extended to ten bytes, as protobuf does.
    void integer(unsigned field, std::int64_t v)
    {
        tag(field, Varint);
        varint(std::uint64_t(v));
    }
    void boolean(unsigned field, bool v) { integer(field, v ? 1 : 0); }
    void append(const std::string &raw) { m_out += raw; }
    std::string &str() { return m_out; }

private:
    std::string m_out;
};

const json &member(const json &obj, const char *key)
{
    static const json null;
    if (!obj.is_object())
        return null;
    auto it = obj.find(key);
    return it == obj.end() ? null : *it;
}

std::string text(const json &obj, const char *key)
{
    const json &v = member(obj, key);
    return v.is_string() ? v.get<std::string>() : std::string();
}

std::int64_t number(const json &obj, const char *key)
{
    const json &v = member(obj, key);
    return v.is_number() ? v.get<std::int64_t>() : 0;
}

bool present(const json &obj, const char *key)
{
    return !member(obj, key).is_null();
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

// RFC 3339 in Unix seconds; false for anything that is not a time.
bool parseTime(const std::string &s, std::int64_t *seconds)
{
    auto digits = [&](std::size_t at, std::size_t n, int *out) {
        if (at + n > s.size())
            return false;
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (s[i] < '0' || s[i] > '9')
                return false;
            v = v * 10 + (s[i] - '0');
        }
        *out = v;
        return true;
    };
    int y, mo, d, h, mi, se;
    if (s.size() >= 20 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == 't') &&
        s[13] == ':' && s[16] == ':' && digits(0, 4, &y) && digits(5, 2, &mo) && digits(8, 2, &d) &&
        digits(11, 2, &h) && digits(14, 2, &mi) && digits(17, 2, &se)) {
        std::size_t i = 19;
        if (i < s.size() && s[i] == '.')
            for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
            } // metav1.Time keeps whole seconds
        int offset = 0;
        if (i + 1 == s.size() && (s[i] == 'Z' || s[i] == 'z')) {
            // UTC
        } else if (i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':') {
            int oh, om;
            if (!digits(i + 1, 2, &oh) || !digits(i + 4, 2, &om))
                return false;
            offset = (oh * 60 + om) * 60 * (s[i] == '-' ? -1 : 1);
        } else {
            return false;
        }
        *seconds =
            daysFromCivil(y, unsigned(mo), unsigned(d)) * 86400 + h * 3600 + mi * 60 + se - offset;
        return true;
    }
    const QDateTime t = QDateTime::fromString(QString::fromStdString(s), Qt::ISODate);
    if (!t.isValid())
        return false;
    *seconds = t.toSecsSinceEpoch();
    return true;
}

// meta/v1 Time: Timestamp{seconds, nanos = 0}; Go's zero time (JSON null) is an empty message.
std::string timeMessage(const json &value)
{
    std::int64_t seconds = 0;
    if (!value.is_string() || !parseTime(value.get<std::string>(), &seconds))
        return {};
    Message m;
    m.integer(1, seconds);
    m.integer(2, 0);
    return std::move(m.str());
}

void stringMap(Message &m, unsigned field, const json &map)
{
    if (!map.is_object())
        return;
    // nlohmann's object is a std::map: its keys come sorted, as gogo sorts map keys.
    for (auto it = map.begin(); it != map.end(); ++it) {
        Message e;
        e.bytes(1, it.key());
        e.bytes(2, it.value().is_string() ? it.value().get<std::string>() : std::string());
        m.bytes(field, e.str());
    }
}

// map<string, resource.Quantity>: Quantity is {string = 1}.
void quantityMap(Message &m, unsigned field, const json &map)
{
    if (!map.is_object())
        return;
    for (auto it = map.begin(); it != map.end(); ++it) {
        Message q;
        q.bytes(1, it.value().is_string() ? it.value().get<std::string>() : std::string());
        Message e;
        e.bytes(1, it.key());
        e.bytes(2, q.str());
        m.bytes(field, e.str());
    }
}

void stringList(Message &m, unsigned field, const json &list)
{
    if (list.is_array())
        for (const json &s : list)
            m.bytes(field, s.is_string() ? s.get<std::string>() : std::string());
}

std::string ownerReference(const json &o)
{
    Message m;
    m.bytes(1, text(o, "kind"));
    m.bytes(3, text(o, "name"));
    m.bytes(4, text(o, "uid"));
    m.bytes(5, text(o, "apiVersion"));
    if (member(o, "controller").is_boolean())
        m.boolean(6, member(o, "controller").get<bool>());
    if (member(o, "blockOwnerDeletion").is_boolean())
        m.boolean(7, member(o, "blockOwnerDeletion").get<bool>());
    return std::move(m.str());
}

std::string managedFieldsEntry(const json &e, ApiLevel level)
{
    Message m;
    m.bytes(1, text(e, "manager"));
    m.bytes(2, text(e, "operation"));
    m.bytes(3, text(e, "apiVersion"));
    if (present(e, "time"))
        m.bytes(4, timeMessage(member(e, "time")));
    m.bytes(6, text(e, "fieldsType"));
    if (present(e, "fieldsV1")) {
        // FieldsV1 is {Raw = 1}: the field set's JSON text.
        Message f;
        f.bytes(1, member(e, "fieldsV1").dump());
        m.bytes(7, f.str());
    }
    if (level == ApiLevel::Current)
        m.bytes(8, text(e, "subresource"));
    return std::move(m.str());
}

std::string objectMeta(const json &md, ApiLevel level)
{
    Message m;
    m.bytes(1, text(md, "name"));
    m.bytes(2, text(md, "generateName"));
    m.bytes(3, text(md, "namespace"));
    m.bytes(4, text(md, "selfLink"));
    m.bytes(5, text(md, "uid"));
    m.bytes(6, text(md, "resourceVersion"));
    m.integer(7, number(md, "generation"));
    m.bytes(8, timeMessage(member(md, "creationTimestamp")));
    if (present(md, "deletionTimestamp"))
        m.bytes(9, timeMessage(member(md, "deletionTimestamp")));
    if (present(md, "deletionGracePeriodSeconds"))
        m.integer(10, number(md, "deletionGracePeriodSeconds"));
    stringMap(m, 11, member(md, "labels"));
    stringMap(m, 12, member(md, "annotations"));
    if (member(md, "ownerReferences").is_array())
        for (const json &o : member(md, "ownerReferences"))
            m.bytes(13, ownerReference(o));
    stringList(m, 14, member(md, "finalizers"));
    if (level != ApiLevel::Current)
        m.bytes(15, text(md, "clusterName"));
    if (member(md, "managedFields").is_array())
        for (const json &e : member(md, "managedFields"))
            m.bytes(17, managedFieldsEntry(e, level));
    return std::move(m.str());
}

std::string nodeSpec(const json &spec)
{
    Message m;
    m.bytes(1, text(spec, "podCIDR"));
    m.bytes(2, text(spec, "externalID"));
    m.bytes(3, text(spec, "providerID"));
    m.boolean(4, member(spec, "unschedulable").is_boolean() &&
                     member(spec, "unschedulable").get<bool>());
    if (member(spec, "taints").is_array())
        for (const json &t : member(spec, "taints")) {
            Message tm;
            tm.bytes(1, text(t, "key"));
            tm.bytes(2, text(t, "value"));
            tm.bytes(3, text(t, "effect"));
            if (present(t, "timeAdded"))
                tm.bytes(4, timeMessage(member(t, "timeAdded")));
            m.bytes(5, tm.str());
        }
    stringList(m, 7, member(spec, "podCIDRs"));
    return std::move(m.str());
}

// NodeStatus fields 1-7: everything before the images.
std::string nodeStatusHead(const json &status)
{
    Message m;
    quantityMap(m, 1, member(status, "capacity"));
    quantityMap(m, 2, member(status, "allocatable"));
    m.bytes(3, text(status, "phase"));
    if (member(status, "conditions").is_array())
        for (const json &c : member(status, "conditions")) {
            Message cm;
            cm.bytes(1, text(c, "type"));
            cm.bytes(2, text(c, "status"));
            cm.bytes(3, timeMessage(member(c, "lastHeartbeatTime")));
            cm.bytes(4, timeMessage(member(c, "lastTransitionTime")));
            cm.bytes(5, text(c, "reason"));
            cm.bytes(6, text(c, "message"));
            m.bytes(4, cm.str());
        }
    if (member(status, "addresses").is_array())
        for (const json &a : member(status, "addresses")) {
            Message am;
            am.bytes(1, text(a, "type"));
            am.bytes(2, text(a, "address"));
            m.bytes(5, am.str());
        }
    // NodeDaemonEndpoints{kubeletEndpoint: DaemonEndpoint{Port}}, both always written.
    Message port;
    port.integer(1, number(member(member(status, "daemonEndpoints"), "kubeletEndpoint"), "Port"));
    Message endpoints;
    endpoints.bytes(1, port.str());
    m.bytes(6, endpoints.str());
    const json &info = member(status, "nodeInfo");
    Message im;
    int field = 0;
    for (const char *key : {"machineID", "systemUUID", "bootID", "kernelVersion", "osImage",
                            "containerRuntimeVersion", "kubeletVersion", "kubeProxyVersion",
                            "operatingSystem", "architecture"})
        im.bytes(unsigned(++field), text(info, key));
    m.bytes(7, im.str());
    return std::move(m.str());
}

// NodeStatus field 8, repeated ContainerImage{names = 1, sizeBytes = 2}.
std::string images(const json &list)
{
    Message m;
    if (list.is_array())
        for (const json &i : list) {
            Message im;
            stringList(im, 1, member(i, "names"));
            im.integer(2, number(i, "sizeBytes"));
            m.bytes(8, im.str());
        }
    return std::move(m.str());
}

// NodeStatus fields 9 and 10.
std::string nodeStatusTail(const json &status)
{
    Message m;
    stringList(m, 9, member(status, "volumesInUse"));
    if (member(status, "volumesAttached").is_array())
        for (const json &v : member(status, "volumesAttached")) {
            Message vm;
            vm.bytes(1, text(v, "name"));
            vm.bytes(2, text(v, "devicePath"));
            m.bytes(10, vm.str());
        }
    return std::move(m.str());
}

std::string node(const json &obj, ApiLevel level, const std::string *encodedImages)
{
    const json &status = member(obj, "status");
    Message st;
    st.append(nodeStatusHead(status));
    if (encodedImages)
        st.append(*encodedImages);
    else
        st.append(images(member(status, "images")));
    st.append(nodeStatusTail(status));
    Message m;
    m.bytes(1, objectMeta(member(obj, "metadata"), level));
    m.bytes(2, nodeSpec(member(obj, "spec")));
    m.bytes(3, st.str());
    return std::move(m.str());
}

// "k8s\0" + runtime.Unknown{typeMeta{apiVersion, kind}, raw, contentEncoding, contentType}.
std::string envelope(const char *kind, const std::string &raw)
{
    Message type;
    type.bytes(1, "v1");
    type.bytes(2, kind);
    Message u;
    u.append(std::string("k8s\0", 4));
    u.bytes(1, type.str());
    u.bytes(2, raw);
    u.bytes(3, {});
    u.bytes(4, {});
    return std::move(u.str());
}

std::string listMetaMessage(const json &listMeta)
{
    Message m;
    m.bytes(1, text(listMeta, "selfLink"));
    m.bytes(2, text(listMeta, "resourceVersion"));
    m.bytes(3, text(listMeta, "continue"));
    if (present(listMeta, "remainingItemCount"))
        m.integer(4, number(listMeta, "remainingItemCount"));
    return std::move(m.str());
}

} // namespace

NodeProtobufEncoder::NodeProtobufEncoder(ApiLevel level)
    : m_level(level)
{}

std::string NodeProtobufEncoder::nodeMessage(const json &node) const
{
    return sim::node(node, m_level, nullptr);
}

const std::string &
NodeProtobufEncoder::encodedImages(const std::shared_ptr<const std::string> &list)
{
    ImagesEntry &e = m_images[list.get()];
    if (e.source.lock() != list) {
        e.source = list;
        e.encoded = images(json::parse(*list, nullptr, false));
    }
    return e.encoded;
}

std::string NodeProtobufEncoder::nodeMessage(const StoredObject &o)
{
    if (!o.images)
        return sim::node(o.parse(), m_level, nullptr);
    // The prefix ends at "images": close it with an empty list; the shared list is encoded once.
    const std::string &imgs = encodedImages(o.images);
    const json obj = json::parse(*o.prefix + "[]}}", nullptr, false);
    return sim::node(obj, m_level, &imgs);
}

std::string NodeProtobufEncoder::nodeBody(const StoredObject &node)
{
    return envelope("Node", nodeMessage(node));
}

std::string NodeProtobufEncoder::nodeListBody(const std::vector<const StoredObject *> &nodes,
                                              const json &listMeta)
{
    // Entries whose images are gone since the last list are dropped first.
    for (auto it = m_images.begin(); it != m_images.end();)
        it = it->second.source.expired() ? m_images.erase(it) : std::next(it);
    Message list;
    list.bytes(1, listMetaMessage(listMeta));
    for (const StoredObject *o : nodes)
        list.bytes(2, nodeMessage(*o));
    return envelope("NodeList", list.str());
}

std::string NodeProtobufEncoder::statusBody(const json &status)
{
    Message m;
    m.bytes(1, listMetaMessage(member(status, "metadata")));
    m.bytes(2, text(status, "status"));
    m.bytes(3, text(status, "message"));
    m.bytes(4, text(status, "reason"));
    const json &details = member(status, "details");
    if (details.is_object()) {
        Message d;
        d.bytes(1, text(details, "name"));
        d.bytes(2, text(details, "group"));
        d.bytes(3, text(details, "kind"));
        if (member(details, "causes").is_array())
            for (const json &c : member(details, "causes")) {
                Message cm;
                cm.bytes(1, text(c, "reason"));
                cm.bytes(2, text(c, "message"));
                cm.bytes(3, text(c, "field"));
                d.bytes(4, cm.str());
            }
        d.integer(5, number(details, "retryAfterSeconds"));
        d.bytes(6, text(details, "uid"));
        m.bytes(5, d.str());
    }
    m.integer(6, number(status, "code"));
    return envelope("Status", m.str());
}

} // namespace sim

#include "kube/Node.h"

#include <QHash>
#include <QMutex>

#include <algorithm>

namespace kube {

namespace {

struct EntryLess
{
    bool operator()(const StringMap::Entry &e, const QString &k) const { return e.first < k; }
};

// The node's own copy of a copy-on-write value, made when it is shared (or missing).
template <typename T> T &writable(std::shared_ptr<T> &d)
{
    if (!d)
        d = std::make_shared<T>();
    else if (d.use_count() > 1)
        d = std::make_shared<T>(*d);
    return *d;
}

// A pool of values alike across the fleet, at most `max` of them: share() points `d` at the
// pooled value equal to it, or pools `d` itself. The pool's reference makes a pooled value
// shared, so writable() copies it before a write. Thread-safe (the decoders' threads).
template <typename T> class SharedPool
{
public:
    explicit SharedPool(qsizetype max)
        : m_max(max)
    {}

    void share(std::shared_ptr<T> &d, size_t hash)
    {
        QMutexLocker lock(&m_mutex);
        auto &same = m_pool[hash];
        for (const auto &p : same) {
            if (p == d)
                return;
            if (*p == *d) {
                d = p;
                return;
            }
        }
        if (m_count >= m_max)
            return;
        same.push_back(d);
        ++m_count;
    }

private:
    QMutex m_mutex;
    QHash<size_t, std::vector<std::shared_ptr<T>>> m_pool;
    qsizetype m_count = 0;
    const qsizetype m_max;
};

} // namespace

// The stored value of an entry whose value is its map's own (StringMap::ownValue): recognised by
// where its characters are, not by what they say, so no value read from a server can pass for it.
static const QString &ownValueMark()
{
    static const QString mark = QStringLiteral("\u0001(own)");
    return mark;
}

const std::vector<StringMap::Entry> &StringMap::entries() const
{
    static const std::vector<Entry> none;
    return m_d ? *m_d : none;
}

const QString &StringMap::resolve(const QString &stored) const
{
    return !m_own.isNull() && stored.constData() == ownValueMark().constData() ? m_own : stored;
}

void StringMap::insert(const QString &key, const QString &value)
{
    std::vector<Entry> &d = writable(m_d);
    auto it = std::lower_bound(d.begin(), d.end(), key, EntryLess());
    if (it != d.end() && it->first == key)
        it->second = value;
    else
        d.insert(it, Entry{key, value});
}

QString StringMap::value(const QString &key, const QString &fallback) const
{
    const std::vector<Entry> &e = entries();
    auto it = std::lower_bound(e.begin(), e.end(), key, EntryLess());
    return it != e.end() && it->first == key ? resolve(it->second) : fallback;
}

bool StringMap::contains(const QString &key) const
{
    const std::vector<Entry> &e = entries();
    auto it = std::lower_bound(e.begin(), e.end(), key, EntryLess());
    return it != e.end() && it->first == key;
}

bool StringMap::operator==(const StringMap &other) const
{
    if (m_d == other.m_d && (m_own == other.m_own))
        return true;
    return size() == other.size() && std::equal(begin(), end(), other.begin());
}

void StringMap::ownValue(const QString &value)
{
    if (!m_d || m_d.use_count() > 1 || value.isEmpty())
        return;
    bool owned = false;
    for (Entry &e : *m_d)
        if (e.second == value) {
            e.second = ownValueMark();
            owned = true;
        }
    if (owned)
        m_own = value;
}

void StringMap::squeeze()
{
    if (m_d && m_d.use_count() == 1)
        m_d->shrink_to_fit();
}

StringMap StringMap::shared(const StringMap &map)
{
    if (map.isEmpty())
        return {};
    size_t h = 0;
    for (const Entry &e : *map.m_d)
        h = qHashMulti(h, e.first, e.second);
    // Pooled as it is: the pool's reference makes it shared, so its owner's next insert()
    // copies it first.
    static SharedPool<std::vector<Entry>> pool(MaxSharedMaps);
    StringMap out = map;
    pool.share(out.m_d, h);
    return out;
}

NodeCondition::NodeCondition(QString type, QString status, QString reason, QString message,
                             QDateTime lastTransitionTime, QDateTime lastHeartbeatTime)
    : lastTransitionTime(std::move(lastTransitionTime))
    , lastHeartbeatTime(std::move(lastHeartbeatTime))
    , m_text(std::make_shared<ConditionText>(
          ConditionText{std::move(type), std::move(status), std::move(reason), std::move(message)}))
{}

const ConditionText &NodeCondition::text() const
{
    static const ConditionText none;
    return m_text ? *m_text : none;
}

ConditionText &NodeCondition::writableText()
{
    return writable(m_text);
}

void NodeCondition::share()
{
    if (!m_text)
        return;
    const ConditionText &t = *m_text;
    static SharedPool<ConditionText> pool(MaxSharedTexts);
    pool.share(m_text, qHashMulti(0, t.type, t.status, t.reason, t.message));
}

const NodeCondition *Node::condition(const QString &type) const
{
    for (const auto &c : conditions)
        if (c.type() == type)
            return &c;
    return nullptr;
}

void Node::squeeze()
{
    labels.squeeze();
    labels.ownValue(name);
    labels = StringMap::shared(labels);
    annotations.squeeze();
    capacity.squeeze();
    allocatable.squeeze();
    capacity = StringMap::shared(capacity);
    allocatable = StringMap::shared(allocatable);
    taints.shrink_to_fit();
    conditions.shrink_to_fit();
    for (NodeCondition &c : conditions)
        c.share();
    addresses.shrink_to_fit();
    nodeInfo.share();
    for (NodeAddress &a : addresses)
        if (a.address == name)
            a.address = name;
}

const NodeSystemInfo &SharedSystemInfo::get() const
{
    static const NodeSystemInfo none;
    return m_d ? *m_d : none;
}

NodeSystemInfo &SharedSystemInfo::write()
{
    return writable(m_d);
}

void SharedSystemInfo::share()
{
    if (!m_d)
        return;
    const NodeSystemInfo &i = *m_d;
    static SharedPool<NodeSystemInfo> pool(MaxShared);
    pool.share(m_d, qHashMulti(0, i.kubeletVersion, i.osImage, i.kernelVersion,
                               i.containerRuntimeVersion, i.architecture, i.operatingSystem));
}

QString Node::internalIp() const
{
    for (const auto &a : addresses)
        if (a.type == QLatin1String("InternalIP"))
            return a.address;
    return addresses.empty() ? QString() : addresses.front().address;
}

} // namespace kube

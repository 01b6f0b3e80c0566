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

} // namespace

const std::vector<StringMap::Entry> &StringMap::entries() const
{
    static const std::vector<Entry> none;
    return m_d ? *m_d : none;
}

void StringMap::insert(const QString &key, const QString &value)
{
    if (!m_d)
        m_d = std::make_shared<std::vector<Entry>>();
    else if (m_d.use_count() > 1)
        m_d = std::make_shared<std::vector<Entry>>(*m_d);
    auto it = std::lower_bound(m_d->begin(), m_d->end(), key, EntryLess());
    if (it != m_d->end() && it->first == key)
        it->second = value;
    else
        m_d->insert(it, Entry{key, value});
}

QString StringMap::value(const QString &key, const QString &fallback) const
{
    const std::vector<Entry> &e = entries();
    auto it = std::lower_bound(e.begin(), e.end(), key, EntryLess());
    return it != e.end() && it->first == key ? it->second : fallback;
}

bool StringMap::contains(const QString &key) const
{
    const std::vector<Entry> &e = entries();
    auto it = std::lower_bound(e.begin(), e.end(), key, EntryLess());
    return it != e.end() && it->first == key;
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
    static QMutex mutex;
    static QHash<size_t, std::vector<std::shared_ptr<std::vector<Entry>>>> pool;
    static qsizetype count = 0;
    QMutexLocker lock(&mutex);
    auto &same = pool[h];
    for (const auto &d : same)
        if (*d == *map.m_d) {
            StringMap out;
            out.m_d = d;
            return out;
        }
    if (count >= MaxSharedMaps)
        return map;
    // The pool's own copy: `map` may still be written to by its owner.
    auto d = std::make_shared<std::vector<Entry>>(*map.m_d);
    d->shrink_to_fit();
    same.push_back(d);
    ++count;
    StringMap out;
    out.m_d = std::move(d);
    return out;
}

const NodeCondition *Node::condition(const QString &type) const
{
    for (const auto &c : conditions)
        if (c.type == type)
            return &c;
    return nullptr;
}

void Node::squeeze()
{
    labels.squeeze();
    annotations.squeeze();
    capacity = StringMap::shared(capacity);
    allocatable = StringMap::shared(allocatable);
    taints.shrink_to_fit();
    conditions.shrink_to_fit();
    addresses.shrink_to_fit();
}

QString Node::internalIp() const
{
    for (const auto &a : addresses)
        if (a.type == QLatin1String("InternalIP"))
            return a.address;
    return addresses.empty() ? QString() : addresses.front().address;
}

} // namespace kube

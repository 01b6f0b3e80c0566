#include "kube/Node.h"

#include <algorithm>

namespace kube {

void StringMap::insert(const QString &key, const QString &value)
{
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), key,
                               [](const Entry &e, const QString &k) { return e.first < k; });
    if (it != m_entries.end() && it->first == key)
        it->second = value;
    else
        m_entries.insert(it, Entry{key, value});
}

QString StringMap::value(const QString &key, const QString &fallback) const
{
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), key,
                               [](const Entry &e, const QString &k) { return e.first < k; });
    return it != m_entries.end() && it->first == key ? it->second : fallback;
}

bool StringMap::contains(const QString &key) const
{
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), key,
                               [](const Entry &e, const QString &k) { return e.first < k; });
    return it != m_entries.end() && it->first == key;
}

const NodeCondition *Node::condition(const QString &type) const
{
    for (const auto &c : conditions)
        if (c.type == type)
            return &c;
    return nullptr;
}

QString Node::internalIp() const
{
    for (const auto &a : addresses)
        if (a.type == QLatin1String("InternalIP"))
            return a.address;
    return addresses.empty() ? QString() : addresses.front().address;
}

} // namespace kube

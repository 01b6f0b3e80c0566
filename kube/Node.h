#pragma once

#include "kube/KubeObject.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <iterator>
#include <memory>
#include <utility>
#include <vector>

namespace kube {

// A small sorted string→string map: labels, annotations and resource quantities are read far more
// often than written, and a sorted vector of implicitly shared QStrings costs a fraction of a
// QMap's memory at 65,000 nodes. The vector itself is shared between copies and copied on the
// first write; shared() makes identical maps of different nodes one (the resource maps of one
// kind of machine are alike on thousands of nodes, and so are the labels of one rack once the
// node's own name in them is set apart by ownValue()). Copies may be read on any thread.
class StringMap
{
public:
    using Entry = std::pair<QString, QString>;
    // An entry as read: its key and its value (references into the map, valid while it lives
    // unchanged).
    using EntryRef = std::pair<const QString &, const QString &>;

    class const_iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = Entry;
        using difference_type = std::ptrdiff_t;
        using reference = EntryRef;
        using pointer = void;

        const_iterator() = default;
        EntryRef operator*() const { return {m_it->first, m_map->resolve(m_it->second)}; }
        const_iterator &operator++()
        {
            ++m_it;
            return *this;
        }
        const_iterator operator++(int)
        {
            const_iterator before = *this;
            ++m_it;
            return before;
        }
        bool operator==(const const_iterator &other) const { return m_it == other.m_it; }

    private:
        friend class StringMap;
        const_iterator(const StringMap *map, std::vector<Entry>::const_iterator it)
            : m_map(map)
            , m_it(it)
        {}
        const StringMap *m_map = nullptr;
        std::vector<Entry>::const_iterator m_it;
    };

    void insert(const QString &key, const QString &value);
    QString value(const QString &key, const QString &fallback = {}) const;
    bool contains(const QString &key) const;
    bool isEmpty() const { return !m_d || m_d->empty(); }
    std::size_t size() const { return m_d ? m_d->size() : 0; }
    const_iterator begin() const { return {this, entries().begin()}; }
    const_iterator end() const { return {this, entries().end()}; }
    bool operator==(const StringMap &other) const;
    // Gives back the room growing left unused.
    void squeeze();
    // Sets apart every value equal to `value` (a node's name in its hostname label) as this
    // map's own: kept once, beside the entries, which are then alike across a rack and can be
    // shared(). Not on a map shared with others.
    void ownValue(const QString &value);
    // This map, sharing its entries with an equal map returned before, from a pool of at most
    // MaxSharedMaps (thread-safe; past the limit the map is returned as it is).
    static StringMap shared(const StringMap &map);
    static constexpr qsizetype MaxSharedMaps = 16384;
    // Whether two maps hold one copy of their entries (tests).
    bool sharesEntriesWith(const StringMap &other) const { return m_d && m_d == other.m_d; }

private:
    const std::vector<Entry> &entries() const;
    const QString &resolve(const QString &stored) const;
    std::shared_ptr<std::vector<Entry>> m_d; // null: empty
    QString m_own; // the value of the entries whose stored value is the own-value mark
};

// The words of a node condition. They are alike on thousands of nodes (every healthy node's
// Ready, MemoryPressure and NT_* conditions say the same), so NodeCondition shares them.
struct ConditionText
{
    QString type;
    QString status; // True, False, Unknown
    QString reason;
    QString message;
    bool operator==(const ConditionText &) const = default;
};

// One entry of a node's status.conditions. Its words are copy-on-write, and share() makes them
// one copy with an equal condition's of another node: 32 bytes a condition instead of 112, which
// at 65,000 nodes of 10 conditions each is 52 MB. Copies may be read on any thread.
class NodeCondition
{
public:
    NodeCondition() = default;
    NodeCondition(QString type, QString status, QString reason = {}, QString message = {},
                  QDateTime lastTransitionTime = {}, QDateTime lastHeartbeatTime = {});

    const QString &type() const { return text().type; }
    const QString &status() const { return text().status; }
    const QString &reason() const { return text().reason; }
    const QString &message() const { return text().message; }
    void setType(const QString &type) { writableText().type = type; }
    void setStatus(const QString &status) { writableText().status = status; }
    void setReason(const QString &reason) { writableText().reason = reason; }
    void setMessage(const QString &message) { writableText().message = message; }

    QDateTime lastTransitionTime;
    QDateTime lastHeartbeatTime;

    bool operator==(const NodeCondition &other) const
    {
        return (m_text == other.m_text || text() == other.text()) &&
               lastTransitionTime == other.lastTransitionTime &&
               lastHeartbeatTime == other.lastHeartbeatTime;
    }

    // Shares the words with an equal condition's shared before, from a pool of at most
    // MaxSharedTexts (thread-safe; past the limit they stay this condition's own).
    void share();
    static constexpr qsizetype MaxSharedTexts = 16384;
    // Whether two conditions hold one copy of their words (tests).
    bool sharesTextWith(const NodeCondition &other) const
    {
        return m_text && m_text == other.m_text;
    }

private:
    const ConditionText &text() const;
    ConditionText &writableText();
    // Never written through while shared (use_count() > 1): the pool holds one reference to
    // every text it hands out, so a pooled text is always copied before a write.
    std::shared_ptr<ConditionText> m_text;
};

struct Taint
{
    QString key;
    QString value;
    QString effect; // NoSchedule, PreferNoSchedule, NoExecute
    QDateTime timeAdded;
    bool operator==(const Taint &) const = default;
};

struct NodeAddress
{
    QString type;
    QString address;
    bool operator==(const NodeAddress &) const = default;
};

struct NodeSystemInfo
{
    QString kubeletVersion;
    QString osImage;
    QString kernelVersion;
    QString containerRuntimeVersion;
    QString architecture;
    QString operatingSystem;
    bool operator==(const NodeSystemInfo &) const = default;
};

// A node's NodeSystemInfo, copy-on-write: the versions and the OS are alike on thousands of
// nodes, so share() makes them one copy (16 bytes a node instead of 144). Copies may be read on
// any thread.
class SharedSystemInfo
{
public:
    const NodeSystemInfo &operator*() const { return get(); }
    const NodeSystemInfo *operator->() const { return &get(); }
    // The node's own copy to write to.
    NodeSystemInfo &write();
    bool operator==(const SharedSystemInfo &other) const
    {
        return m_d == other.m_d || get() == other.get();
    }
    // Shares the value with an equal one shared before, from a pool of at most MaxShared
    // (thread-safe; past the limit it stays the node's own).
    void share();
    static constexpr qsizetype MaxShared = 4096;
    bool sharesWith(const SharedSystemInfo &other) const { return m_d && m_d == other.m_d; }

private:
    const NodeSystemInfo &get() const;
    // Never written through while shared: the pool holds a reference to what it hands out.
    std::shared_ptr<NodeSystemInfo> m_d;
};

// What the dashboard knows of a core/v1 Node. Filled by NodeDecoder; images, managedFields and
// the rest of the object are never built.
struct Node : KubeObject
{
    QDateTime creationTimestamp;
    QDateTime deletionTimestamp;
    StringMap labels;
    StringMap annotations; // only Faultboard's own (faultboard.io/...)
    bool unschedulable = false;
    std::vector<Taint> taints;
    std::vector<NodeCondition> conditions;
    StringMap capacity;
    StringMap allocatable;
    std::vector<NodeAddress> addresses;
    SharedSystemInfo nodeInfo;

    const NodeCondition *condition(const QString &type) const;
    QString internalIp() const;
    // Once decoded: a node is kept as it is for as long as the cluster has it, 65,000 times.
    // Gives back what vectors grown by doubling (or reserved for the usual count) hold unused,
    // shares the resource maps, the conditions' words and the system info with the nodes that
    // have the same, and the node's name with the labels and addresses that repeat it (the
    // hostname label and the Hostname address, as a rule).
    void squeeze();
};

using NodePtr = std::shared_ptr<const Node>;

} // namespace kube

Q_DECLARE_METATYPE(kube::NodePtr)

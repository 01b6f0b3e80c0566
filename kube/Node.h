#pragma once

#include "kube/KubeObject.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <utility>
#include <vector>

namespace kube {

// A small sorted string→string map: labels, annotations and resource quantities are read far more
// often than written, and a sorted vector of implicitly shared QStrings costs a fraction of a
// QMap's memory at 65,000 nodes.
class StringMap
{
public:
    using Entry = std::pair<QString, QString>;

    void insert(const QString &key, const QString &value);
    QString value(const QString &key, const QString &fallback = {}) const;
    bool contains(const QString &key) const;
    bool isEmpty() const { return m_entries.empty(); }
    std::size_t size() const { return m_entries.size(); }
    auto begin() const { return m_entries.begin(); }
    auto end() const { return m_entries.end(); }
    bool operator==(const StringMap &other) const = default;

private:
    std::vector<Entry> m_entries;
};

struct NodeCondition
{
    QString type;
    QString status; // True, False, Unknown
    QString reason;
    QString message;
    QDateTime lastTransitionTime;
    QDateTime lastHeartbeatTime;
    bool operator==(const NodeCondition &) const = default;
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
    NodeSystemInfo nodeInfo;

    const NodeCondition *condition(const QString &type) const;
    QString internalIp() const;
};

using NodePtr = std::shared_ptr<const Node>;

} // namespace kube

Q_DECLARE_METATYPE(kube::NodePtr)

#pragma once

#include "sim/ObjectStore.h"

#include <deque>
#include <string>
#include <unordered_map>

namespace sim {

// Writes core/v1 Events the way the kubelet, the node controller and node-problem-detector do
// when a node condition changes: namespace default, involvedObject the Node (kubelet and NPD put
// the node's name in involvedObject.uid, the node controller its real UID), identical events
// within ten minutes aggregated into one with a higher count. Keeps at most `limit` events, the
// oldest deleted first, as the API server's event TTL would.
class EventRecorder
{
public:
    explicit EventRecorder(ObjectStore *store);

    void setLimit(std::size_t limit) { m_limit = limit; }

    // An event for a node condition that changed to `status`.
    void nodeConditionChanged(const std::string &node, const std::string &nodeUid,
                              const std::string &type, const std::string &status,
                              const std::string &reason, const std::string &message);

    void record(const std::string &node, const std::string &involvedUid, const std::string &type,
                const std::string &reason, const std::string &message,
                const std::string &component);

private:
    ObjectStore *m_store;
    std::size_t m_limit = 20000;
    std::unordered_map<std::string, std::string> m_byKey;    // aggregation key -> event name
    std::deque<std::pair<std::string, std::string>> m_order; // (key, name), oldest first
    std::uint64_t m_sequence = 0;
};

} // namespace sim

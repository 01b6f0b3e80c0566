#include "sim/EventRecorder.h"

#include <QDateTime>

#include <cstdio>

namespace sim {

namespace {

constexpr qint64 AggregationWindowMs = 10 * 60 * 1000;

struct KubeletReasons
{
    const char *type;
    const char *whenTrue;
    const char *whenFalse;
};

// The kubelet's node status events (pkg/kubelet/nodestatus).
constexpr KubeletReasons kubeletReasons[] = {
    {"Ready", "NodeReady", "NodeNotReady"},
    {"MemoryPressure", "NodeHasInsufficientMemory", "NodeHasSufficientMemory"},
    {"DiskPressure", "NodeHasDiskPressure", "NodeHasNoDiskPressure"},
    {"PIDPressure", "NodeHasInsufficientPID", "NodeHasSufficientPID"},
};

} // namespace

EventRecorder::EventRecorder(ObjectStore *store)
    : m_store(store)
{}

void EventRecorder::nodeConditionChanged(const std::string &node, const std::string &nodeUid,
                                         const std::string &type, const std::string &status,
                                         const std::string &reason, const std::string &message)
{
    if (type == "Ready" && status == "Unknown") {
        // The node lifecycle controller notices the silent kubelet.
        record(node, nodeUid, "Normal", "NodeNotReady", "Node is not ready", "node-controller");
        return;
    }
    for (const KubeletReasons &k : kubeletReasons) {
        if (type != k.type)
            continue;
        const std::string r = status == "True" ? k.whenTrue : k.whenFalse;
        record(node, node, "Normal", r, "Node " + node + " status is now: " + r, "kubelet");
        return;
    }
    // node-problem-detector style: a problem is a Warning, its end a Normal event.
    const std::string component = type.starts_with("NT_") ? "node-agent" : "node-problem-detector";
    record(node, node, status == "True" ? "Warning" : "Normal", reason.empty() ? type : reason,
           message.empty() ? type + " is now " + status : message, component);
}

void EventRecorder::record(const std::string &node, const std::string &involvedUid,
                           const std::string &type, const std::string &reason,
                           const std::string &message, const std::string &component)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const std::string now = nowRfc3339();
    const std::string key = node + '\x1f' + involvedUid + '\x1f' + type + '\x1f' + reason + '\x1f' +
                            message + '\x1f' + component;
    if (auto it = m_byKey.find(key); it != m_byKey.end()) {
        if (auto existing = m_store->getJson("events", "default", it->second)) {
            const QDateTime last = QDateTime::fromString(
                QString::fromStdString((*existing).value("lastTimestamp", "")), Qt::ISODate);
            if (last.isValid() && nowMs - last.toMSecsSinceEpoch() < AggregationWindowMs) {
                (*existing)["count"] = (*existing).value("count", 1) + 1;
                (*existing)["lastTimestamp"] = now;
                m_store->put("events", std::move(*existing));
                return;
            }
        }
        m_byKey.erase(it);
    }
    // Event names are the object's name and a hex timestamp in nanoseconds, as client-go makes
    // them.
    char suffix[32];
    std::snprintf(
        suffix, sizeof suffix, "%llx",
        static_cast<unsigned long long>(nowMs * 1000000ull + (m_sequence++ % 1000000ull)));
    const std::string name = node + "." + suffix;
    json event = {{"kind", "Event"},
                  {"apiVersion", "v1"},
                  {"metadata", {{"name", name}, {"namespace", "default"}}},
                  {"involvedObject",
                   {{"kind", "Node"}, {"name", node}, {"uid", involvedUid}, {"apiVersion", "v1"}}},
                  {"reason", reason},
                  {"message", message},
                  {"source", {{"component", component}, {"host", node}}},
                  {"firstTimestamp", now},
                  {"lastTimestamp", now},
                  {"count", 1},
                  {"type", type},
                  {"eventTime", nullptr},
                  {"reportingComponent", component},
                  {"reportingInstance", component == "node-controller" ? std::string() : node}};
    m_store->put("events", std::move(event));
    m_byKey[key] = name;
    m_order.emplace_back(key, name);
    while (m_order.size() > m_limit) {
        const auto [oldKey, oldName] = m_order.front();
        m_order.pop_front();
        if (auto it = m_byKey.find(oldKey); it != m_byKey.end() && it->second == oldName)
            m_byKey.erase(it);
        m_store->remove("events", "default", oldName);
    }
}

} // namespace sim

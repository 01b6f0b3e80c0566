#pragma once

#include <QByteArray>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace sim {

class ObjectStore;

// The node metrics kube-state-metrics exports, from kubesim's nodes, in Prometheus' text
// exposition format 0.0.4, so that a real Prometheus can scrape kubesim (GET /metrics):
// kube_node_status_condition (1 for a condition's current status, 0 for the other two; custom
// NT_* conditions included), kube_node_spec_taint, kube_node_spec_unschedulable,
// kube_node_status_capacity and kube_node_status_allocatable (resource names sanitised as
// kube-state-metrics does: nvidia.com/gpu -> nvidia_com_gpu), and kube_node_labels (every node
// label as label_<sanitised key>, as kube-state-metrics with --metric-labels-allowlist=nodes=[*]).
class MetricsExporter
{
public:
    explicit MetricsExporter(const ObjectStore *store);

    static constexpr const char *ContentType = "text/plain; version=0.0.4; charset=utf-8";

    QByteArray render() const;

    // kube-state-metrics' label name sanitising: every character outside [a-zA-Z0-9_] becomes
    // '_' (huawei.com/Ascend910 -> huawei_com_Ascend910).
    static std::string sanitizeLabelName(const std::string &name);
    // kube_node_labels' labels: node, then label_<sanitised key> for each label in key order
    // (two keys that sanitise to one name: label_x_conflict1, label_x_conflict2, ...).
    static std::vector<std::pair<std::string, std::string>>
    nodeLabelPairs(const std::string &node, const std::map<std::string, std::string> &labels);
    // The unit label kube-state-metrics gives a resource: core, byte or integer.
    static std::string resourceUnit(const std::string &resource);
    // A Kubernetes quantity ("500m", "16Gi", "8", "1e3") as a number in the resource's unit;
    // false when it is not one.
    static bool parseQuantity(const std::string &text, double *value);
    // A label value with \, " and newlines escaped as the exposition format wants.
    static std::string escapeLabelValue(const std::string &value);

private:
    const ObjectStore *m_store;
};

} // namespace sim

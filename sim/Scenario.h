#pragma once

#include "sim/ObjectStore.h"

#include <QString>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sim {

// A scenario: the cluster to generate (pools of nodes with their accelerators, labels, images
// and pods, workloads and disruption budgets) and a timeline of faults. The format is documented
// in docs/kubesim.md.
struct PoolSpec
{
    std::string name;   // label pool=<name>
    std::string prefix; // node names <prefix>-0001 ...
    int count = 0;
    int firstIndex = 1;
    std::string acceleratorResource; // nvidia.com/gpu, huawei.com/ascend-910 (empty: none)
    int acceleratorCount = 0;
    std::string acceleratorModel; // label accelerator=<model>
    std::string architecture = "amd64";
    std::string instanceType;
    std::vector<std::string> zones;
    int nodesPerRack = 16;
    std::vector<std::string>
        healthConditions; // extra conditions reported healthy (NT_*, GPU checks)
    int images = 30;
    int podsPerNode = 0;        // training pods, owned by the ReplicaSet train-<pool>
    bool daemonSetPods = false; // node-agent and device-plugin DaemonSet pods on every node
    bool emptyDirPods = false;  // the training pods mount an emptyDir scratch volume
    StringMap labels;
    json taints = json::array(); // spec.taints of every node, e.g. a control plane's NoSchedule
    std::string cpu = "192";
    std::string memory = "1536Gi";
    std::string kubeletVersion = "v1.28.8";
    qint64 ageMs = 0; // how long ago the nodes joined (creationTimestamp)

    std::string nodeName(int index) const;
};

struct PodDefaults
{
    std::string trainingNamespace = "training";
    int terminationGracePeriodSeconds = 30;
    qint64 startupDelayMs = 2000; // ContainerCreating -> Running for pods that (re)start
};

// A ReplicaSet with one pod on each listed node (scenario "replicaSets").
struct ReplicaSetSpec
{
    std::string name;
    std::string ns = "default";
    StringMap labels;
    std::vector<std::string> nodes;
    std::set<std::string> notReadyNodes; // the pod on these nodes is Running but not Ready
    bool emptyDir = false;
    std::optional<int> terminationGracePeriodSeconds;
    std::string image;
};

// A single pod without a controller, or a static pod's mirror (scenario "pods").
struct PodEntry
{
    std::string name;
    std::string ns = "default";
    std::string node;
    StringMap labels;
    bool mirror = false;
    bool emptyDir = false;
    bool ready = true;
    std::string phase = "Running";
    std::optional<int> terminationGracePeriodSeconds;
    std::string image;
};

struct TimelineStep
{
    qint64 atMs = 0;
    json action; // the step as written: {"node":..., "condition":{...}} etc.
};

struct Scenario
{
    std::string name = "custom";
    std::string description;
    std::vector<PoolSpec> pools;
    PodDefaults podDefaults;
    std::vector<ReplicaSetSpec> replicaSets;
    std::vector<PodEntry> pods;
    std::vector<json> podDisruptionBudgets; // complete policy/v1 objects
    json extraObjects = json::array();      // other objects, stored as given
    std::vector<TimelineStep> timeline;
    qint64 loopAfterMs = 0; // >0: restart the timeline (the demo runs forever)

    static std::optional<Scenario> fromJson(const QByteArray &text, QString *error);
    static std::optional<Scenario> fromFile(const QString &path, QString *error);
    static Scenario builtInDemo();
    // The built-in demo, resized to `nodes` nodes (split across its pools), without the
    // demo's hand-placed workloads.
    static Scenario generated(int nodes);

    // Checks one timeline/inject action; returns what is wrong, or empty.
    static std::string validateAction(const json &action);
};

qint64 parseDurationMs(const std::string &text, bool *ok);

} // namespace sim

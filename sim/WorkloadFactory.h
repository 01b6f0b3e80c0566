#pragma once

#include "sim/ObjectStore.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sim {

// What a pod template carries, in the terms a scenario uses.
struct PodTemplateOptions
{
    StringMap labels;
    std::string containerName = "main";
    std::string image = "docker.io/library/busybox:1.36";
    std::string cpu = "1";
    std::string memory = "1Gi";
    std::string acceleratorResource; // requested as an extended resource when count > 0
    int acceleratorCount = 0;
    bool emptyDir = false; // a scratch emptyDir volume (drain needs --delete-emptydir-data)
    int terminationGracePeriodSeconds = 30;
    bool systemDaemon = false; // tolerates every taint, host network, system-node-critical
};

enum class PodState {
    Unscheduled,       // Pending, no node yet
    ContainerCreating, // Pending on a node
    Running,           // Running and Ready
    RunningNotReady,   // Running, readiness probe failing
    Succeeded,
    Failed,
};

// Builds the workload objects kubesim serves, shaped like what kube-controller-manager and the
// kubelet write: ReplicaSets and DaemonSets with pod templates, their pods (ownerReferences with
// controller: true, service account volume, tolerations, container statuses), mirror pods,
// PodDisruptionBudgets and node Leases.
class WorkloadFactory
{
public:
    static json podTemplate(const PodTemplateOptions &options);
    static json replicaSet(const std::string &name, const std::string &ns, int replicas,
                           const json &podTemplate);
    // A DaemonSet whose pods go to nodes whose `pool` label is one of `pools`.
    static json daemonSet(const std::string &name, const std::string &ns, const json &podTemplate,
                          const std::vector<std::string> &pools);

    // A pod of `owner` (a stored ReplicaSet or DaemonSet) made from its template, bound to `node`
    // when not empty, in state Unscheduled (no node) or ContainerCreating.
    static json podFor(const json &owner, const std::string &name, const std::string &node);
    // A pod without a controller.
    static json barePod(const std::string &name, const std::string &ns, const json &podTemplate,
                        const std::string &node);
    // A static pod's mirror as the kubelet creates it (annotation kubernetes.io/config.mirror,
    // owned by the Node).
    static json mirrorPod(const std::string &name, const std::string &node,
                          const std::string &nodeUid, const std::string &image);
    static json lease(const std::string &node, const std::string &nodeUid);

    // Sets phase, conditions and container statuses for `state`, as the kubelet reports them.
    static void setPodState(json &pod, PodState state, const std::string &hostIP = {},
                            const std::string &podIP = {});

    // The 5-character suffix of generated names, from the API server's alphabet.
    static std::string nameSuffix(std::uint64_t seed);
    static std::string randomNameSuffix();
    // A stable pod IP for a seed, inside the cluster's pod CIDR.
    static std::string podIp(std::uint64_t seed);
};

} // namespace sim

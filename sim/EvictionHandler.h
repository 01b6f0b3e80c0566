#pragma once

#include "sim/ObjectStore.h"

#include <string>

namespace sim {

class Kubelet;

struct EvictionResult
{
    int code = 201;
    json body;
    int retryAfterSeconds = 0; // > 0: sent as a Retry-After header too
};

// The pods/eviction subresource as kube-apiserver implements it
// (pkg/registry/core/pod/storage/eviction.go): terminal, pending and terminating pods are deleted
// without a budget check; a pod under one PodDisruptionBudget is deleted only while the budget
// allows a disruption (which the eviction then spends), and refused with 429 otherwise; a pod
// under two budgets is refused with a Failure Status of code 500 (inside a 201, as the API server's
// create handler writes a returned Status).
class EvictionHandler
{
public:
    EvictionHandler(ObjectStore *store, Kubelet *kubelet);

    EvictionResult evict(const std::string &ns, const std::string &name, const json &eviction,
                         bool dryRun);

private:
    ObjectStore *m_store;
    Kubelet *m_kubelet;
};

} // namespace sim

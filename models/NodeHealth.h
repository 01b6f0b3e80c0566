#pragma once

#include "models/Severity.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <vector>

namespace models {

// One active fault on a node: a condition in its bad status, or lost accelerator chips.
struct Fault
{
    QString type; // condition type, or the accelerator resource for chip loss
    QString category;
    QString status; // the condition's status; empty for chip loss
    Severity severity = Severity::Major;
    QString reason;
    QString message;
    QDateTime since; // lastTransitionTime; invalid for chip loss (the API does not say when)
    bool acceleratorLoss = false;
    bool known = true; // the taxonomy lists the type
    bool operator==(const Fault &) const = default;
};

struct AcceleratorHealth
{
    QString resource; // nvidia.com/gpu
    QString kind;     // GPU, NPU
    int capacity = 0;
    int allocatable = 0;
    bool degraded() const { return allocatable < capacity; }
    int lost() const { return allocatable < capacity ? capacity - allocatable : 0; }
    bool operator==(const AcceleratorHealth &) const = default;
};

struct IsolationState
{
    bool isolated = false;   // Faultboard's taint is present
    QString isolationEffect; // NoSchedule / NoExecute (the strongest if both are set)
    QString isolationValue;  // the taint's value: the fault it was isolated for
    bool cordoned = false;   // spec.unschedulable
    QStringList otherTaints; // other NoSchedule/NoExecute taints, "key=value:Effect"
    QString isolatedBy;      // from Faultboard's annotations
    QString isolatedReason;
    QDateTime isolatedAt;

    // Nothing new is scheduled on the node: isolated, cordoned or tainted NoSchedule/NoExecute.
    bool unschedulable() const { return isolated || cordoned || !otherTaints.isEmpty(); }
    bool operator==(const IsolationState &) const = default;
};

// Everything the classifier concludes about one node.
struct NodeHealth
{
    Severity worst = Severity::Healthy;
    std::vector<Fault> faults; // worst first, then oldest first
    std::vector<AcceleratorHealth> accelerators;
    IsolationState isolation;
    QDateTime faultySince; // earliest since of the current faults

    bool isFaulty() const { return worst >= Severity::Minor; }
    bool acceleratorsDegraded() const;
    int acceleratorsHealthy() const;
    int acceleratorsTotal() const;
    const Fault *fault(const QString &type) const;
    bool operator==(const NodeHealth &) const = default;
};

} // namespace models

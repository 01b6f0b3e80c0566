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
    QString type;      // condition type, or the accelerator resource for chip loss
    QString category;
    QString status;    // the condition's status; empty for chip loss
    Severity severity = Severity::Major;
    QString reason;
    QString message;
    QDateTime since;   // lastTransitionTime
    bool acceleratorLoss = false;
    bool operator==(const Fault &) const = default;
};

struct AcceleratorHealth
{
    QString resource; // nvidia.com/gpu
    QString kind;     // GPU, NPU
    int capacity = 0;
    int allocatable = 0;
    bool degraded() const { return allocatable < capacity; }
    bool operator==(const AcceleratorHealth &) const = default;
};

struct IsolationState
{
    bool isolated = false;          // Faultboard's taint is present
    QString isolationEffect;        // NoSchedule / NoExecute
    bool cordoned = false;          // spec.unschedulable
    QStringList otherTaints;        // other NoSchedule/NoExecute taints, "key=value:Effect"
    QString isolatedBy;             // from Faultboard's annotation
    QString isolatedReason;
    QDateTime isolatedAt;
    bool operator==(const IsolationState &) const = default;
};

// Everything the classifier concludes about one node.
struct NodeHealth
{
    Severity worst = Severity::Healthy;
    std::vector<Fault> faults; // worst first
    std::vector<AcceleratorHealth> accelerators;
    IsolationState isolation;
    QDateTime faultySince;     // earliest since of the current faults

    bool isFaulty() const { return worst >= Severity::Minor; }
    bool acceleratorsDegraded() const;
    int acceleratorsHealthy() const;
    int acceleratorsTotal() const;
    bool operator==(const NodeHealth &) const = default;
};

} // namespace models

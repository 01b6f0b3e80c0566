#pragma once

#include "kube/KubeObject.h"
#include "kube/Node.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace kube {

struct OwnerReference
{
    QString apiVersion;
    QString kind; // ReplicaSet, DaemonSet, StatefulSet, Job, ...
    QString name;
    QString uid;
    bool controller = false;
    bool operator==(const OwnerReference &) const = default;
};

struct PodContainer
{
    QString name;
    QString image;
    bool init = false;
    bool operator==(const PodContainer &) const = default;
};

// What Faultboard knows of a core/v1 Pod: enough to show a node's workload and to decide, as
// kubectl drain does, what may be evicted.
struct Pod : KubeObject
{
    QString nodeName;
    QString phase;      // Pending, Running, Succeeded, Failed, Unknown
    bool ready = false; // the Ready condition is True
    int restartCount = 0;
    QString podIp;
    QString priorityClassName;
    qint64 terminationGracePeriodSeconds = -1; // -1: not set
    std::vector<OwnerReference> owners;
    QStringList emptyDirVolumes; // names of emptyDir volumes (local data lost on eviction)
    bool mirror = false;         // a static pod's mirror (annotation kubernetes.io/config.mirror)
    std::vector<PodContainer> containers; // init containers first, flagged
    StringMap labels;
    QDateTime creationTimestamp;
    QDateTime deletionTimestamp; // valid: the pod is terminating

    // The ownerReference with controller=true, or null.
    const OwnerReference *controllerRef() const;
    bool hasEmptyDir() const { return !emptyDirVolumes.isEmpty(); }
    bool isTerminal() const
    {
        return phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed");
    }
    bool isTerminating() const { return deletionTimestamp.isValid(); }
    QStringList images() const;
};

using PodPtr = std::shared_ptr<const Pod>;

} // namespace kube

Q_DECLARE_METATYPE(kube::PodPtr)

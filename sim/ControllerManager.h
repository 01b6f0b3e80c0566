#pragma once

#include "sim/ObjectStore.h"

#include <QObject>
#include <QTimer>

#include <set>
#include <string>

namespace sim {

class Kubelet;

// kubesim's kube-controller-manager and scheduler, reduced to what a client can observe:
// the ReplicaSet controller (replaces evicted or deleted pods), the DaemonSet controller (one pod
// per matching node), the disruption controller (PodDisruptionBudget status), the scheduler
// (binds pending pods to a Ready, schedulable node, spreading a controller's pods), the node
// lifecycle controller's unschedulable taint, pod garbage collection for deleted nodes and
// cascading deletion of a deleted controller's pods. Controllers react to store changes after the
// current request is answered, as the real ones do through their informers.
class ControllerManager : public QObject
{
    Q_OBJECT

public:
    ControllerManager(ObjectStore *store, Kubelet *kubelet, QObject *parent = nullptr);

    // Paused controllers only record what changed (a PDB whose status lags its generation).
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Runs every pending reconciliation now (control endpoints call this before answering).
    void syncNow();

private:
    void onStoreChanged(const StoreEvent &event);
    void scheduleSync();
    void sync();
    void collectGarbage();
    void syncNodeTaints();
    void syncReplicaSets();
    void syncDaemonSets();
    void schedulePendingPods();
    void syncDisruptionBudgets();

    ObjectStore *m_store;
    Kubelet *m_kubelet;
    QTimer m_timer;
    bool m_paused = false;
    bool m_replicaSetsDirty = true;
    bool m_daemonSetsDirty = true;
    bool m_budgetsDirty = true;
    bool m_schedulerDirty = true;
    bool m_haveUnscheduled = true;
    std::set<std::string> m_nodesToCheck;
    std::set<std::string> m_deletedNodes;
    std::set<std::string> m_deletedOwners; // uids of deleted ReplicaSets and DaemonSets
};

} // namespace sim

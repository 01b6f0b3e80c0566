#pragma once

#include "sim/ObjectStore.h"
#include "sim/Scenario.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <map>
#include <string>
#include <vector>

namespace sim {

class EventRecorder;
class Kubelet;

// Builds a scenario's cluster into a store (namespaces, nodes, DaemonSets, ReplicaSets and their
// pods, single pods, PodDisruptionBudgets, extra objects) and plays its timeline of faults.
class ScenarioPlayer : public QObject
{
    Q_OBJECT

public:
    ScenarioPlayer(ObjectStore *store, Scenario scenario, Kubelet *kubelet, EventRecorder *events,
                   QObject *parent = nullptr);

    void populate();
    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    const Scenario &scenario() const { return m_scenario; }

    // Applies one timeline action now (the control endpoint uses this too). Returns an error
    // message, or empty on success.
    QString apply(const json &action);

    QString setCondition(const std::string &node, const json &condition);
    QString removeCondition(const std::string &node, const std::string &type);
    QString setAllocatable(const std::string &node, const json &allocatable);

    json nodeJson(const PoolSpec &pool, int index);

signals:
    void stepApplied(const QString &description);

private:
    void scheduleNext();
    std::vector<std::string> nodesMatching(const json &target) const;
    void applyLifecycleTaints(json &node) const;
    // The pool and index that make `node`, or nullptr.
    const PoolSpec *locate(const std::string &node, int *index) const;
    std::string nodeIp(const PoolSpec &pool, int index) const;
    std::string nodeCreated(const PoolSpec &pool) const;
    void ensureNamespace(const std::string &ns);
    void putNode(const PoolSpec &pool, int index);
    json putPod(json pod, const std::string &node, bool ready, const std::string &phase);

    ObjectStore *m_store;
    Scenario m_scenario;
    Kubelet *m_kubelet;
    EventRecorder *m_events;
    QTimer m_timer;
    std::size_t m_next = 0;
    qint64 m_epochMs = 0;
    qint64 m_startMs = 0;
    std::map<std::string, json> m_images;   // per pool, built once
    std::map<std::string, int> m_nextIndex; // per pool, for "add"
};

} // namespace sim

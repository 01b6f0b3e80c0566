#pragma once

#include "sim/ObjectStore.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>
#include <string>
#include <vector>

namespace sim {

// A scenario: the cluster to generate (pools of nodes with their accelerators, labels, images
// and pods) and a timeline of faults. The format is documented in the README ("kubesim").
struct PoolSpec
{
    std::string name;           // label pool=<name>
    std::string prefix;         // node names <prefix>-0001 ...
    int count = 0;
    int firstIndex = 1;
    std::string acceleratorResource; // nvidia.com/gpu, huawei.com/ascend-910 (empty: none)
    int acceleratorCount = 0;
    std::string acceleratorModel;    // label accelerator=<model>
    std::string architecture = "amd64";
    std::string instanceType;
    std::vector<std::string> zones;
    int nodesPerRack = 16;
    std::vector<std::string> healthConditions; // extra conditions reported healthy (NT_*, GPU checks)
    int images = 30;
    int podsPerNode = 0;             // training pods owned by a Job-like controller
    bool daemonSetPods = false;      // node-agent and device-plugin pods on every node
    StringMap labels;
    std::string cpu = "192";
    std::string memory = "1536Gi";
    std::string kubeletVersion = "v1.28.8";
};

struct TimelineStep
{
    qint64 atMs = 0;
    json action; // the step as written: {"node":..., "condition":{...}} etc.
};

struct Scenario
{
    std::string name = "custom";
    std::vector<PoolSpec> pools;
    std::vector<TimelineStep> timeline;
    qint64 loopAfterMs = 0; // >0: restart the timeline (the demo runs forever)
    json extraObjects = json::array(); // PDBs and other objects, stored as given

    static std::optional<Scenario> fromJson(const QByteArray &text, QString *error);
    static std::optional<Scenario> fromFile(const QString &path, QString *error);
    static Scenario builtInDemo();
    // The built-in demo, resized to `nodes` nodes (split across its pools).
    static Scenario generated(int nodes);
};

qint64 parseDurationMs(const std::string &text, bool *ok);

// Builds a scenario's cluster into a store and plays its timeline.
class ScenarioPlayer : public QObject
{
    Q_OBJECT

public:
    ScenarioPlayer(ObjectStore *store, Scenario scenario, QObject *parent = nullptr);

    // Creates namespaces, nodes, pods and extra objects.
    void populate();
    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    // Applies one timeline action now (the control endpoint uses this too). Returns an error
    // message, or empty on success.
    QString apply(const json &action);

    // Helpers usable by fault injection.
    QString setCondition(const std::string &node, const json &condition);
    QString setAllocatable(const std::string &node, const json &allocatable);

    json nodeJson(const PoolSpec &pool, int index) const;

signals:
    void stepApplied(const QString &description);

private:
    void scheduleNext();
    const PoolSpec *poolOf(const std::string &nodeName) const;
    std::vector<std::string> nodesMatching(const json &target) const;
    void applyLifecycleTaints(json &node) const;

    ObjectStore *m_store;
    Scenario m_scenario;
    QTimer m_timer;
    std::size_t m_next = 0;
    qint64 m_epochMs = 0;
    std::vector<json> m_flaps;
};

} // namespace sim

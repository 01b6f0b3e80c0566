#include "sim/ScenarioPlayer.h"

#include "sim/EventRecorder.h"
#include "sim/Kubelet.h"
#include "sim/WorkloadFactory.h"

#include <QCryptographicHash>
#include <QDateTime>

#include <cstdio>

namespace sim {

namespace {

std::string padded(int value, int width)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%0*d", width, value);
    return buf;
}

std::string sha256Hex(const std::string &s)
{
    return QCryptographicHash::hash(QByteArray::fromStdString(s), QCryptographicHash::Sha256)
        .toHex()
        .toStdString();
}

std::string rfc3339At(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"))
        .toStdString();
}

json imagesFor(const PoolSpec &pool)
{
    // Realistic image lists: registry paths, tags and digests, sizes in the GB range, the way a
    // training node's kubelet reports them (typically 20-50 images, several KB of JSON).
    static const char *repos[] = {
        "swr.cn-north-4.myhuaweicloud.com/modelarts/pytorch-ascend",
        "swr.cn-north-4.myhuaweicloud.com/modelarts/mindspore-ascend",
        "nvcr.io/nvidia/pytorch",
        "nvcr.io/nvidia/tritonserver",
        "registry.k8s.io/kube-proxy",
        "docker.io/library/python",
        "quay.io/prometheus/node-exporter",
        "swr.cn-north-4.myhuaweicloud.com/modelarts/node-agent",
        "swr.cn-north-4.myhuaweicloud.com/modelarts/npu-device-plugin",
        "nvcr.io/nvidia/k8s-device-plugin",
    };
    json images = json::array();
    for (int i = 0; i < pool.images; ++i) {
        const std::string repo = repos[i % (sizeof repos / sizeof *repos)];
        const std::string tag =
            std::to_string(20 + i / 10) + "." + std::to_string(i % 12) + "-" + pool.name;
        const std::string digest = sha256Hex(repo + tag);
        images.push_back({{"names", {repo + "@sha256:" + digest, repo + ":" + tag}},
                          {"sizeBytes", 180000000LL + (i * 7919LL % 97) * 95000000LL}});
    }
    return images;
}

std::string trainingImage(const PoolSpec &pool)
{
    if (pool.acceleratorResource.starts_with("huawei.com/"))
        return "swr.cn-north-4.myhuaweicloud.com/modelarts/pytorch-ascend:24.0-py3";
    if (pool.acceleratorResource.starts_with("nvidia.com/"))
        return "nvcr.io/nvidia/pytorch:24.01-py3";
    return "docker.io/library/python:3.11";
}

constexpr const char *NodeAgentImage =
    "swr.cn-north-4.myhuaweicloud.com/modelarts/node-agent:2.3.1";
constexpr const char *DevicePluginImage =
    "swr.cn-north-4.myhuaweicloud.com/modelarts/npu-device-plugin:6.0.0";

} // namespace

ScenarioPlayer::ScenarioPlayer(ObjectStore *store, Scenario scenario, Kubelet *kubelet,
                               EventRecorder *events, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_scenario(std::move(scenario))
    , m_kubelet(kubelet)
    , m_events(events)
{
    m_startMs = QDateTime::currentMSecsSinceEpoch();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - m_epochMs;
        while (m_next < m_scenario.timeline.size() && m_scenario.timeline[m_next].atMs <= elapsed) {
            const QString err = apply(m_scenario.timeline[m_next].action);
            if (!err.isEmpty())
                qWarning("kubesim: timeline step %d failed: %s", int(m_next), qPrintable(err));
            ++m_next;
        }
        scheduleNext();
    });
    for (const PoolSpec &p : m_scenario.pools)
        m_nextIndex[p.name] = p.firstIndex + p.count;
}

std::string ScenarioPlayer::nodeIp(const PoolSpec &pool, int index) const
{
    const int ordinal = index - pool.firstIndex;
    return "10." + std::to_string(20 + (std::hash<std::string>{}(pool.name) % 200)) + "." +
           std::to_string((ordinal / 250) % 250) + "." + std::to_string(ordinal % 250 + 2);
}

std::string ScenarioPlayer::nodeCreated(const PoolSpec &pool) const
{
    return rfc3339At(m_startMs - pool.ageMs);
}

const PoolSpec *ScenarioPlayer::locate(const std::string &node, int *index) const
{
    for (const PoolSpec &p : m_scenario.pools) {
        if (!node.starts_with(p.prefix + "-"))
            continue;
        const std::string digits = node.substr(p.prefix.size() + 1);
        if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos)
            continue;
        *index = std::atoi(digits.c_str());
        return &p;
    }
    return nullptr;
}

json ScenarioPlayer::nodeJson(const PoolSpec &pool, int index)
{
    const std::string name = pool.nodeName(index);
    const int ordinal = index - pool.firstIndex;
    const int rack = ordinal / pool.nodesPerRack;
    const std::string rackName = pool.prefix + "-r" + padded(rack + 1, 2);
    const std::string zone = pool.zones[std::size_t(rack) % pool.zones.size()];
    const std::string ip = nodeIp(pool, index);
    const std::string now = nowRfc3339();
    const std::string created = nodeCreated(pool);

    json labels = {{"kubernetes.io/hostname", name},
                   {"kubernetes.io/os", "linux"},
                   {"kubernetes.io/arch", pool.architecture},
                   {"beta.kubernetes.io/os", "linux"},
                   {"beta.kubernetes.io/arch", pool.architecture},
                   {"topology.kubernetes.io/zone", zone},
                   {"topology.kubernetes.io/region", "cn-north-4"},
                   {"failure-domain.beta.kubernetes.io/zone", zone},
                   {"pool", pool.name},
                   {"rack", rackName}};
    if (!pool.instanceType.empty())
        labels["node.kubernetes.io/instance-type"] = pool.instanceType;
    if (!pool.acceleratorModel.empty())
        labels["accelerator"] = pool.acceleratorModel;
    for (const auto &[k, v] : pool.labels)
        labels[k] = v;

    json capacity = {{"cpu", pool.cpu},      {"memory", pool.memory},
                     {"pods", "110"},        {"ephemeral-storage", "3749056004Ki"},
                     {"hugepages-1Gi", "0"}, {"hugepages-2Mi", "0"}};
    if (!pool.acceleratorResource.empty())
        capacity[pool.acceleratorResource] = std::to_string(pool.acceleratorCount);
    json allocatable = capacity;
    allocatable["cpu"] = std::to_string(std::max(1, std::stoi(pool.cpu) - 2));
    allocatable["ephemeral-storage"] = "3455125098413";

    json conditions = json::array();
    auto cond = [&](const char *type, const char *status, const char *reason, const char *message) {
        conditions.push_back({{"type", type},
                              {"status", status},
                              {"lastHeartbeatTime", now},
                              {"lastTransitionTime", now},
                              {"reason", reason},
                              {"message", message}});
    };
    cond("MemoryPressure", "False", "KubeletHasSufficientMemory",
         "kubelet has sufficient memory available");
    cond("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure");
    cond("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available");
    cond("Ready", "True", "KubeletReady", "kubelet is posting ready status");
    for (const std::string &t : pool.healthConditions) {
        std::string task = t;
        for (char &c : task)
            c = c == '_' ? '-' : char(std::tolower(c));
        if (task.starts_with("nt-"))
            task = task.substr(3);
        conditions.push_back({{"type", t},
                              {"status", "False"},
                              {"lastHeartbeatTime", nullptr},
                              {"lastTransitionTime", now},
                              {"reason", "os_task_name:" + task},
                              {"message", "ok"}});
    }

    const std::string uid = sha256Hex(name).substr(0, 32);
    const std::string nodeUid = uid.substr(0, 8) + "-" + uid.substr(8, 4) + "-" +
                                uid.substr(12, 4) + "-" + uid.substr(16, 4) + "-" +
                                uid.substr(20, 12);
    json managedFields = json::array(
        {{{"manager", "kubelet"},
          {"operation", "Update"},
          {"apiVersion", "v1"},
          {"time", now},
          {"fieldsType", "FieldsV1"},
          {"fieldsV1",
           {{"f:metadata",
             {{"f:annotations",
               {{".", json::object()}, {"f:node.alpha.kubernetes.io/ttl", json::object()}}},
              {"f:labels",
               {{".", json::object()},
                {"f:kubernetes.io/hostname", json::object()},
                {"f:kubernetes.io/os", json::object()}}}}},
            {"f:spec", {{"f:podCIDR", json::object()}, {"f:providerID", json::object()}}}}}},
         {{"manager", "node-agent"},
          {"operation", "Update"},
          {"apiVersion", "v1"},
          {"time", now},
          {"fieldsType", "FieldsV1"},
          {"subresource", "status"},
          {"fieldsV1",
           {{"f:status",
             {{"f:conditions",
               {{"k:{\"type\":\"NT_NPU_CARD_LOSE\"}",
                 {{".", json::object()}, {"f:status", json::object()}}}}}}}}}}});

    json node = {
        {"kind", "Node"},
        {"apiVersion", "v1"},
        {"metadata",
         {{"name", name},
          {"uid", nodeUid},
          {"creationTimestamp", created},
          {"labels", labels},
          {"annotations",
           {{"node.alpha.kubernetes.io/ttl", "0"},
            {"volumes.kubernetes.io/controller-managed-attach-detach", "true"},
            {"kubeadm.alpha.kubernetes.io/cri-socket", "unix:///run/containerd/containerd.sock"}}},
          {"managedFields", managedFields}}},
        {"spec",
         {{"podCIDR", "172.16." + std::to_string(ordinal % 250) + ".0/24"},
          {"podCIDRs", {"172.16." + std::to_string(ordinal % 250) + ".0/24"}},
          {"providerID", "cce://" + nodeUid}}},
        {"status",
         {{"capacity", capacity},
          {"allocatable", allocatable},
          {"conditions", conditions},
          {"addresses",
           {{{"type", "InternalIP"}, {"address", ip}}, {{"type", "Hostname"}, {"address", name}}}},
          {"daemonEndpoints", {{"kubeletEndpoint", {{"Port", 10250}}}}},
          {"nodeInfo",
           {{"machineID", uid},
            {"systemUUID", nodeUid},
            {"bootID", sha256Hex(name + "boot").substr(0, 32)},
            {"kernelVersion", pool.architecture == "arm64" ? "5.10.0-60.18.0.50.oe2203.aarch64"
                                                           : "5.15.0-105-generic"},
            {"osImage", pool.architecture == "arm64" ? "EulerOS 2.0 (SP10)" : "Ubuntu 22.04.4 LTS"},
            {"containerRuntimeVersion", "containerd://1.7.13"},
            {"kubeletVersion", pool.kubeletVersion},
            {"kubeProxyVersion", pool.kubeletVersion},
            {"operatingSystem", "linux"},
            {"architecture", pool.architecture}}}}}};
    if (!pool.taints.empty())
        node["spec"]["taints"] = pool.taints;
    return node;
}

void ScenarioPlayer::putNode(const PoolSpec &pool, int index)
{
    // The pool's images are serialized once and shared by its nodes.
    auto images = m_images.find(pool.name);
    if (images == m_images.end()) {
        const json list = imagesFor(pool);
        images = m_images.emplace(pool.name, m_store->internImages(list.dump())).first;
    }
    const json node = m_store->put("nodes", nodeJson(pool, index), images->second);
    // The kubelet's heartbeat lease (kubectl describe node shows it).
    const std::string name = node["metadata"].value("name", "");
    m_store->put("leases", WorkloadFactory::lease(name, node["metadata"].value("uid", "")));
}

void ScenarioPlayer::ensureNamespace(const std::string &ns)
{
    if (!m_store->get("namespaces", "", ns))
        m_store->put(
            "namespaces",
            {{"kind", "Namespace"},
             {"apiVersion", "v1"},
             {"metadata", {{"name", ns}, {"labels", {{"kubernetes.io/metadata.name", ns}}}}},
             {"spec", {{"finalizers", {"kubernetes"}}}},
             {"status", {{"phase", "Active"}}}});
}

json ScenarioPlayer::putPod(json pod, const std::string &node, bool ready, const std::string &phase)
{
    int index = 0;
    std::string hostIp, created = nowRfc3339();
    if (const PoolSpec *p = locate(node, &index)) {
        hostIp = nodeIp(*p, index);
        created = nodeCreated(*p);
    }
    pod["metadata"]["creationTimestamp"] = created;
    const std::string key =
        pod["metadata"].value("namespace", "") + "/" + pod["metadata"].value("name", "");
    const std::string podIp = WorkloadFactory::podIp(std::hash<std::string>{}(key));
    const PodState state = phase == "Pending"     ? PodState::ContainerCreating
                           : phase == "Succeeded" ? PodState::Succeeded
                           : phase == "Failed"    ? PodState::Failed
                           : ready                ? PodState::Running
                                                  : PodState::RunningNotReady;
    WorkloadFactory::setPodState(pod, state, hostIp, podIp);
    return m_store->put("pods", std::move(pod));
}

void ScenarioPlayer::populate()
{
    for (const char *ns : {"default", "kube-system", "kube-public", "kube-node-lease"})
        ensureNamespace(ns);
    for (const PoolSpec &pool : m_scenario.pools)
        for (int i = pool.firstIndex; i < pool.firstIndex + pool.count; ++i)
            putNode(pool, i);

    const int grace = m_scenario.podDefaults.terminationGracePeriodSeconds;
    // Node agents: one pod of each DaemonSet on every node of the pools that run them.
    std::vector<std::string> daemonPools;
    for (const PoolSpec &pool : m_scenario.pools)
        if (pool.daemonSetPods)
            daemonPools.push_back(pool.name);
    if (!daemonPools.empty()) {
        for (const auto &[dsName, image] :
             {std::pair{"node-agent", NodeAgentImage}, {"device-plugin", DevicePluginImage}}) {
            PodTemplateOptions o;
            o.labels = {{"app", dsName}};
            o.containerName = dsName;
            o.image = image;
            o.cpu = "100m";
            o.memory = "256Mi";
            o.systemDaemon = true;
            o.terminationGracePeriodSeconds = grace;
            const json ds = m_store->put("daemonsets",
                                         WorkloadFactory::daemonSet(dsName, "kube-system",
                                                                    WorkloadFactory::podTemplate(o),
                                                                    daemonPools));
            for (const PoolSpec &pool : m_scenario.pools) {
                if (!pool.daemonSetPods)
                    continue;
                for (int i = pool.firstIndex; i < pool.firstIndex + pool.count; ++i) {
                    const std::string node = pool.nodeName(i);
                    const std::string name =
                        std::string(dsName) + "-" +
                        WorkloadFactory::nameSuffix(std::hash<std::string>{}(node + dsName));
                    putPod(WorkloadFactory::podFor(ds, name, node), node, true, "Running");
                }
            }
        }
    }

    // Training jobs: a ReplicaSet per pool with podsPerNode pods on each node.
    for (const PoolSpec &pool : m_scenario.pools) {
        if (pool.podsPerNode <= 0 || pool.count <= 0)
            continue;
        const std::string ns = m_scenario.podDefaults.trainingNamespace;
        ensureNamespace(ns);
        PodTemplateOptions o;
        o.labels = {{"app", "train"}, {"pool", pool.name}};
        o.containerName = "trainer";
        o.image = trainingImage(pool);
        o.cpu = std::to_string(std::max(1, std::stoi(pool.cpu) / (pool.podsPerNode + 1)));
        o.memory = "128Gi";
        o.acceleratorResource = pool.acceleratorResource;
        o.acceleratorCount = pool.acceleratorCount / pool.podsPerNode;
        o.emptyDir = pool.emptyDirPods;
        o.terminationGracePeriodSeconds = grace;
        const std::string rsName = "train-" + pool.name;
        const json rs = m_store->put(
            "replicasets", WorkloadFactory::replicaSet(rsName, ns, pool.count * pool.podsPerNode,
                                                       WorkloadFactory::podTemplate(o)));
        for (int i = pool.firstIndex; i < pool.firstIndex + pool.count; ++i) {
            const std::string node = pool.nodeName(i);
            for (int k = 0; k < pool.podsPerNode; ++k) {
                const std::string name =
                    rsName + "-" +
                    WorkloadFactory::nameSuffix(std::hash<std::string>{}(node + char('a' + k)));
                putPod(WorkloadFactory::podFor(rs, name, node), node, true, "Running");
            }
        }
    }

    for (const ReplicaSetSpec &spec : m_scenario.replicaSets) {
        ensureNamespace(spec.ns);
        PodTemplateOptions o;
        o.labels = spec.labels;
        o.containerName = "server";
        o.image = spec.image.empty() ? "nvcr.io/nvidia/tritonserver:24.01-py3" : spec.image;
        o.cpu = "4";
        o.memory = "32Gi";
        o.emptyDir = spec.emptyDir;
        o.terminationGracePeriodSeconds = spec.terminationGracePeriodSeconds.value_or(grace);
        const json rs = m_store->put(
            "replicasets", WorkloadFactory::replicaSet(spec.name, spec.ns, int(spec.nodes.size()),
                                                       WorkloadFactory::podTemplate(o)));
        for (const std::string &node : spec.nodes) {
            const std::string name =
                spec.name + "-" +
                WorkloadFactory::nameSuffix(std::hash<std::string>{}(spec.ns + spec.name + node));
            putPod(WorkloadFactory::podFor(rs, name, node), node, !spec.notReadyNodes.count(node),
                   "Running");
        }
    }

    for (const PodEntry &e : m_scenario.pods) {
        ensureNamespace(e.ns);
        if (e.mirror) {
            const StoredObject *n = m_store->get("nodes", "", e.node);
            json pod = WorkloadFactory::mirrorPod(e.name, e.node, n ? n->meta->uid : std::string(),
                                                  e.image.empty() ? "registry.k8s.io/etcd:3.5.12-0"
                                                                  : e.image);
            for (const auto &[k, v] : e.labels)
                pod["metadata"]["labels"][k] = v;
            putPod(std::move(pod), e.node, e.ready, e.phase);
            continue;
        }
        PodTemplateOptions o;
        o.labels = e.labels.empty() ? StringMap{{"run", e.name}} : e.labels;
        o.containerName = e.name;
        o.image = e.image.empty() ? "docker.io/library/python:3.11" : e.image;
        o.emptyDir = e.emptyDir;
        o.terminationGracePeriodSeconds = e.terminationGracePeriodSeconds.value_or(grace);
        putPod(WorkloadFactory::barePod(e.name, e.ns, WorkloadFactory::podTemplate(o), e.node),
               e.node, e.ready, e.phase);
    }

    for (const json &pdb : m_scenario.podDisruptionBudgets) {
        ensureNamespace(pdb["metadata"].value("namespace", "default"));
        m_store->put("poddisruptionbudgets", pdb);
    }

    static const std::map<std::string, std::string> plurals = {
        {"Node", "nodes"},
        {"Pod", "pods"},
        {"Namespace", "namespaces"},
        {"Event", "events"},
        {"Service", "services"},
        {"ConfigMap", "configmaps"},
        {"DaemonSet", "daemonsets"},
        {"ReplicaSet", "replicasets"},
        {"Deployment", "deployments"},
        {"StatefulSet", "statefulsets"},
        {"Job", "jobs"},
        {"PodDisruptionBudget", "poddisruptionbudgets"},
        {"Lease", "leases"}};
    for (const json &obj : m_scenario.extraObjects) {
        const std::string kind = obj.value("kind", "");
        auto plural = plurals.find(kind);
        if (plural == plurals.end()) {
            qWarning("kubesim: cluster.objects: kind %s is not served; skipped", kind.c_str());
            continue;
        }
        if (obj["metadata"].contains("namespace"))
            ensureNamespace(obj["metadata"].value("namespace", "default"));
        m_store->put(plural->second, obj);
    }
}

void ScenarioPlayer::start()
{
    m_epochMs = QDateTime::currentMSecsSinceEpoch();
    m_next = 0;
    scheduleNext();
}

void ScenarioPlayer::stop()
{
    m_timer.stop();
}

void ScenarioPlayer::scheduleNext()
{
    if (m_scenario.timeline.empty())
        return;
    if (m_next >= m_scenario.timeline.size()) {
        if (m_scenario.loopAfterMs <= 0)
            return;
        m_epochMs += m_scenario.loopAfterMs;
        m_next = 0;
    }
    const qint64 due = m_epochMs + m_scenario.timeline[m_next].atMs;
    m_timer.start(int(std::max<qint64>(0, due - QDateTime::currentMSecsSinceEpoch())));
}

std::vector<std::string> ScenarioPlayer::nodesMatching(const json &target) const
{
    std::vector<std::string> names;
    StringMap wanted;
    if (target.contains("rack"))
        wanted["rack"] = target["rack"].get<std::string>();
    if (target.contains("pool"))
        wanted["pool"] = target["pool"].get<std::string>();
    if (target.contains("zone"))
        wanted["topology.kubernetes.io/zone"] = target["zone"].get<std::string>();
    if (auto l = target.find("labels"); l != target.end() && l->is_object())
        for (auto it = l->begin(); it != l->end(); ++it)
            wanted[it.key()] = it.value().get<std::string>();
    if (const auto *nodes = m_store->objects("nodes"))
        for (const auto &[k, o] : *nodes) {
            bool match = true;
            for (const auto &[key, v] : wanted) {
                auto it = o.meta->labels.find(key);
                if (it == o.meta->labels.end() || it->second != v) {
                    match = false;
                    break;
                }
            }
            if (match)
                names.push_back(o.meta->name);
        }
    return names;
}

void ScenarioPlayer::applyLifecycleTaints(json &node) const
{
    // The node lifecycle controller taints nodes whose Ready condition is not True.
    std::string ready = "True";
    for (const json &c : node["status"]["conditions"])
        if (c.value("type", "") == "Ready")
            ready = c.value("status", "True");
    json taints = node["spec"].value("taints", json::array());
    json kept = json::array();
    for (const json &t : taints) {
        const std::string key = t.value("key", "");
        if (key != "node.kubernetes.io/not-ready" && key != "node.kubernetes.io/unreachable")
            kept.push_back(t);
    }
    if (ready == "False")
        kept.push_back({{"key", "node.kubernetes.io/not-ready"}, {"effect", "NoSchedule"}});
    else if (ready == "Unknown") {
        kept.push_back({{"key", "node.kubernetes.io/unreachable"}, {"effect", "NoSchedule"}});
        kept.push_back({{"key", "node.kubernetes.io/unreachable"},
                        {"effect", "NoExecute"},
                        {"timeAdded", nowRfc3339()}});
    }
    if (kept.empty())
        node["spec"].erase("taints");
    else
        node["spec"]["taints"] = kept;
}

QString ScenarioPlayer::setCondition(const std::string &nodeName, const json &condition)
{
    auto node = m_store->getJson("nodes", "", nodeName);
    if (!node)
        return QStringLiteral("node %1 not found").arg(QString::fromStdString(nodeName));
    const std::string type = condition.value("type", "");
    const std::string status = condition.value("status", "True");
    if (type.empty())
        return QStringLiteral("condition without a type");
    const std::string now = nowRfc3339();
    // A test may give the transition time (seconds resolution would merge quick flips).
    const std::string transitionTime = condition.value("lastTransitionTime", now);
    json &conds = (*node)["status"]["conditions"];
    bool found = false;
    bool changed = true;
    std::string reason = condition.value("reason", "");
    std::string message = condition.value("message", "");
    for (json &c : conds) {
        if (c.value("type", "") != type)
            continue;
        found = true;
        changed = c.value("status", "") != status;
        if (changed)
            c["lastTransitionTime"] = transitionTime;
        c["status"] = status;
        c["lastHeartbeatTime"] = now;
        c["reason"] = reason = condition.value("reason", c.value("reason", ""));
        c["message"] = message = condition.value("message", c.value("message", ""));
    }
    if (!found)
        conds.push_back({{"type", type},
                         {"status", status},
                         {"lastHeartbeatTime", now},
                         {"lastTransitionTime", transitionTime},
                         {"reason", reason},
                         {"message", message}});
    if (type == "Ready")
        applyLifecycleTaints(*node);
    const std::string uid = (*node)["metadata"].value("uid", "");
    m_store->put("nodes", std::move(*node));
    if (changed && m_events)
        m_events->nodeConditionChanged(nodeName, uid, type, status, reason, message);
    emit stepApplied(QStringLiteral("%1 %2=%3")
                         .arg(QString::fromStdString(nodeName), QString::fromStdString(type),
                              QString::fromStdString(status)));
    return {};
}

QString ScenarioPlayer::removeCondition(const std::string &nodeName, const std::string &type)
{
    auto node = m_store->getJson("nodes", "", nodeName);
    if (!node)
        return QStringLiteral("node %1 not found").arg(QString::fromStdString(nodeName));
    json &conds = (*node)["status"]["conditions"];
    const auto before = conds.size();
    conds.erase(std::remove_if(conds.begin(), conds.end(),
                               [&](const json &c) { return c.value("type", "") == type; }),
                conds.end());
    if (conds.size() == before)
        return QStringLiteral("node %1 has no condition %2")
            .arg(QString::fromStdString(nodeName), QString::fromStdString(type));
    m_store->put("nodes", std::move(*node));
    return {};
}

QString ScenarioPlayer::setAllocatable(const std::string &nodeName, const json &allocatable)
{
    auto node = m_store->getJson("nodes", "", nodeName);
    if (!node)
        return QStringLiteral("node %1 not found").arg(QString::fromStdString(nodeName));
    for (auto it = allocatable.begin(); it != allocatable.end(); ++it)
        (*node)["status"]["allocatable"][it.key()] = it.value();
    m_store->put("nodes", std::move(*node));
    return {};
}

QString ScenarioPlayer::apply(const json &a)
{
    if (const std::string invalid = Scenario::validateAction(a); !invalid.empty())
        return QString::fromStdString(invalid);
    if (a.contains("storm")) {
        const json &storm = a["storm"];
        const json condition = storm.value("condition", json::object());
        const auto targets = nodesMatching(storm);
        if (targets.empty())
            return QStringLiteral("storm matches no node: %1")
                .arg(QString::fromStdString(storm.dump()));
        for (const std::string &n : targets)
            if (QString e = setCondition(n, condition); !e.isEmpty())
                return e;
        return {};
    }
    if (a.contains("flap")) {
        const json f = a["flap"];
        bool ok = false;
        const qint64 period = parseDurationMs(f.value("period", "2s"), &ok);
        const int times = f.value("times", 6);
        const std::string node = f.value("node", "");
        if (!m_store->get("nodes", "", node))
            return QStringLiteral("node %1 not found").arg(QString::fromStdString(node));
        json cond = f.value("condition", json::object());
        for (int i = 0; i < times; ++i) {
            json c = cond;
            c["status"] = i % 2 == 0 ? "True" : "False";
            if (i % 2)
                c["message"] = "ok";
            QTimer::singleShot(int(period * i), this, [this, node, c] { setCondition(node, c); });
        }
        return {};
    }
    if (a.contains("delete")) {
        const std::string n = a["delete"].get<std::string>();
        if (!m_store->remove("nodes", "", n))
            return QStringLiteral("node %1 not found").arg(QString::fromStdString(n));
        return {};
    }
    if (a.contains("add")) {
        const json add = a["add"];
        const std::string poolName = add.value("pool", "");
        for (const PoolSpec &p : m_scenario.pools) {
            if (p.name != poolName)
                continue;
            int &next = m_nextIndex[p.name];
            const int index = add.contains("index") && add["index"].is_number_integer()
                                  ? add["index"].get<int>()
                                  : next;
            next = std::max(next, index + 1);
            if (m_store->get("nodes", "", p.nodeName(index)))
                return QStringLiteral("node %1 exists already")
                    .arg(QString::fromStdString(p.nodeName(index)));
            putNode(p, index);
            return {};
        }
        return QStringLiteral("pool %1 not found").arg(QString::fromStdString(poolName));
    }
    if (a.contains("pod")) {
        const std::string key = a["pod"].get<std::string>();
        const std::string ns = key.substr(0, key.find('/'));
        const std::string name = key.substr(key.find('/') + 1);
        const std::string err = a.contains("ready")
                                    ? m_kubelet->setReady(ns, name, a["ready"].get<bool>())
                                    : m_kubelet->setPhase(ns, name, a["phase"].get<std::string>());
        return QString::fromStdString(err);
    }
    const std::string node = a.value("node", "");
    if (a.contains("condition"))
        if (QString e = setCondition(node, a["condition"]); !e.isEmpty())
            return e;
    if (a.contains("removeCondition"))
        if (QString e = removeCondition(node, a["removeCondition"].get<std::string>());
            !e.isEmpty())
            return e;
    if (a.contains("allocatable"))
        if (QString e = setAllocatable(node, a["allocatable"]); !e.isEmpty())
            return e;
    return {};
}

} // namespace sim

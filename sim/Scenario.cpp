#include "sim/Scenario.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>

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
    return QCryptographicHash::hash(QByteArray::fromStdString(s), QCryptographicHash::Sha256).toHex().toStdString();
}

int nameWidth(const PoolSpec &p)
{
    int width = 4;
    for (int n = p.firstIndex + p.count - 1; n >= 10000; n /= 10)
        ++width;
    return width;
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
        const std::string tag = std::to_string(20 + i / 10) + "." + std::to_string(i % 12) + "-" + pool.name;
        const std::string digest = sha256Hex(repo + tag);
        images.push_back({{"names", {repo + "@sha256:" + digest, repo + ":" + tag}},
                          {"sizeBytes", 180000000LL + (i * 7919LL % 97) * 95000000LL}});
    }
    return images;
}

PoolSpec parsePool(const json &j)
{
    PoolSpec p;
    p.name = j.value("name", "pool");
    p.prefix = j.value("prefix", p.name);
    p.count = j.value("count", 0);
    p.firstIndex = j.value("firstIndex", 1);
    if (auto a = j.find("accelerator"); a != j.end() && a->is_object()) {
        p.acceleratorResource = a->value("resource", "");
        p.acceleratorCount = a->value("count", 0);
        p.acceleratorModel = a->value("model", "");
    }
    p.architecture = j.value("architecture", p.architecture);
    p.instanceType = j.value("instanceType", "");
    if (auto z = j.find("zones"); z != j.end())
        p.zones = z->get<std::vector<std::string>>();
    if (p.zones.empty())
        p.zones = {"zone-a"};
    p.nodesPerRack = std::max(1, j.value("nodesPerRack", p.nodesPerRack));
    if (auto c = j.find("healthConditions"); c != j.end())
        p.healthConditions = c->get<std::vector<std::string>>();
    p.images = j.value("images", p.images);
    p.podsPerNode = j.value("podsPerNode", 0);
    p.daemonSetPods = j.value("daemonSetPods", false);
    if (auto l = j.find("labels"); l != j.end() && l->is_object())
        for (auto it = l->begin(); it != l->end(); ++it)
            p.labels[it.key()] = it.value().get<std::string>();
    p.cpu = j.value("cpu", p.cpu);
    p.memory = j.value("memory", p.memory);
    p.kubeletVersion = j.value("kubeletVersion", p.kubeletVersion);
    return p;
}

} // namespace

qint64 parseDurationMs(const std::string &text, bool *ok)
{
    *ok = false;
    if (text.empty())
        return 0;
    std::size_t pos = 0;
    double value = 0;
    try {
        value = std::stod(text, &pos);
    } catch (...) {
        return 0;
    }
    const std::string unit = text.substr(pos);
    double factor = 0;
    if (unit == "ms")
        factor = 1;
    else if (unit == "s" || unit.empty())
        factor = 1000;
    else if (unit == "m")
        factor = 60000;
    else if (unit == "h")
        factor = 3600000;
    else
        return 0;
    *ok = true;
    return qint64(value * factor);
}

std::optional<Scenario> Scenario::fromJson(const QByteArray &text, QString *error)
{
    const json j = json::parse(text.begin(), text.end(), nullptr, false);
    auto fail = [&](const QString &m) -> std::optional<Scenario> {
        if (error)
            *error = m;
        return std::nullopt;
    };
    if (!j.is_object())
        return fail(QStringLiteral("the scenario is not a JSON object"));
    Scenario s;
    s.name = j.value("name", "custom");
    try {
        const json cluster = j.value("cluster", json::object());
        for (const json &p : cluster.value("pools", json::array()))
            s.pools.push_back(parsePool(p));
        s.extraObjects = cluster.value("objects", json::array());
        for (const json &step : j.value("timeline", json::array())) {
            bool ok = false;
            TimelineStep t;
            t.atMs = parseDurationMs(step.value("at", "0s"), &ok);
            if (!ok)
                return fail(QStringLiteral("timeline step %1: \"at\" must be a duration like 5s or 500ms")
                                .arg(QString::fromStdString(step.dump())));
            t.action = step;
            s.timeline.push_back(std::move(t));
        }
        std::stable_sort(s.timeline.begin(), s.timeline.end(),
                         [](const TimelineStep &a, const TimelineStep &b) { return a.atMs < b.atMs; });
        if (j.contains("loopAfter")) {
            bool ok = false;
            s.loopAfterMs = parseDurationMs(j.value("loopAfter", ""), &ok);
            if (!ok)
                return fail(QStringLiteral("\"loopAfter\" must be a duration"));
        }
    } catch (const json::exception &e) {
        return fail(QStringLiteral("malformed scenario: %1").arg(QString::fromUtf8(e.what())));
    }
    return s;
}

std::optional<Scenario> Scenario::fromFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    auto s = fromJson(f.readAll(), error);
    if (!s && error)
        *error = path + QStringLiteral(": ") + *error;
    return s;
}

Scenario Scenario::builtInDemo()
{
    QString error;
    auto s = fromFile(QStringLiteral(":/faultboard/scenarios/demo.json"), &error);
    if (!s)
        qFatal("built-in demo scenario is broken: %s", qPrintable(error));
    return *s;
}

Scenario Scenario::generated(int nodes)
{
    Scenario s = builtInDemo();
    s.name = "generated";
    const int pools = int(s.pools.size());
    int remaining = nodes;
    for (int i = 0; i < pools; ++i) {
        const int share = i == pools - 1 ? remaining : nodes / pools;
        s.pools[std::size_t(i)].count = share;
        remaining -= share;
    }
    return s;
}

// ---------------------------------------------------------------------------------------------

ScenarioPlayer::ScenarioPlayer(ObjectStore *store, Scenario scenario, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_scenario(std::move(scenario))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - m_epochMs;
        while (m_next < m_scenario.timeline.size() && m_scenario.timeline[m_next].atMs <= elapsed) {
            const QString err = apply(m_scenario.timeline[m_next].action);
            if (!err.isEmpty())
                qWarning("kubesim: timeline step failed: %s", qPrintable(err));
            ++m_next;
        }
        scheduleNext();
    });
}

json ScenarioPlayer::nodeJson(const PoolSpec &pool, int index) const
{
    const std::string name = pool.prefix + "-" + padded(index, nameWidth(pool));
    const int ordinal = index - pool.firstIndex;
    const int rack = ordinal / pool.nodesPerRack;
    const std::string rackName = pool.prefix + "-r" + padded(rack + 1, 2);
    const std::string zone = pool.zones[std::size_t(rack) % pool.zones.size()];
    const std::string ip = "10." + std::to_string(20 + (std::hash<std::string>{}(pool.name) % 200)) + "."
                           + std::to_string((ordinal / 250) % 250) + "." + std::to_string(ordinal % 250 + 2);
    const std::string now = nowRfc3339();

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

    json capacity = {{"cpu", pool.cpu},
                     {"memory", pool.memory},
                     {"pods", "110"},
                     {"ephemeral-storage", "3749056004Ki"},
                     {"hugepages-1Gi", "0"},
                     {"hugepages-2Mi", "0"}};
    if (!pool.acceleratorResource.empty())
        capacity[pool.acceleratorResource] = std::to_string(pool.acceleratorCount);
    json allocatable = capacity;
    allocatable["cpu"] = std::to_string(std::max(1, std::stoi(pool.cpu) - 2));
    allocatable["ephemeral-storage"] = "3455125098413";

    json conditions = json::array();
    auto cond = [&](const char *type, const char *status, const char *reason, const char *message) {
        conditions.push_back({{"type", type}, {"status", status}, {"lastHeartbeatTime", now},
                              {"lastTransitionTime", now}, {"reason", reason}, {"message", message}});
    };
    cond("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available");
    cond("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure");
    cond("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available");
    cond("Ready", "True", "KubeletReady", "kubelet is posting ready status");
    for (const std::string &t : pool.healthConditions) {
        std::string task = t;
        for (char &c : task)
            c = c == '_' ? '-' : char(std::tolower(c));
        if (task.starts_with("nt-"))
            task = task.substr(3);
        conditions.push_back({{"type", t}, {"status", "False"}, {"lastHeartbeatTime", nullptr},
                              {"lastTransitionTime", now}, {"reason", "os_task_name:" + task},
                              {"message", "ok"}});
    }

    const std::string uid = sha256Hex(name).substr(0, 32);
    const std::string nodeUid = uid.substr(0, 8) + "-" + uid.substr(8, 4) + "-" + uid.substr(12, 4) + "-"
                                + uid.substr(16, 4) + "-" + uid.substr(20, 12);
    json managedFields = json::array(
        {{{"manager", "kubelet"},
          {"operation", "Update"},
          {"apiVersion", "v1"},
          {"time", now},
          {"fieldsType", "FieldsV1"},
          {"fieldsV1", {{"f:metadata", {{"f:annotations", {{".", json::object()}, {"f:node.alpha.kubernetes.io/ttl", json::object()}}},
                                        {"f:labels", {{".", json::object()}, {"f:kubernetes.io/hostname", json::object()}, {"f:kubernetes.io/os", json::object()}}}}},
                        {"f:spec", {{"f:podCIDR", json::object()}, {"f:providerID", json::object()}}}}}},
         {{"manager", "node-agent"},
          {"operation", "Update"},
          {"apiVersion", "v1"},
          {"time", now},
          {"fieldsType", "FieldsV1"},
          {"subresource", "status"},
          {"fieldsV1", {{"f:status", {{"f:conditions", {{"k:{\"type\":\"NT_NPU_CARD_LOSE\"}", {{".", json::object()}, {"f:status", json::object()}}}}}}}}}}});

    json node = {
        {"kind", "Node"},
        {"apiVersion", "v1"},
        {"metadata",
         {{"name", name},
          {"uid", nodeUid},
          {"creationTimestamp", now},
          {"labels", labels},
          {"annotations", {{"node.alpha.kubernetes.io/ttl", "0"},
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
          {"addresses", {{{"type", "InternalIP"}, {"address", ip}}, {{"type", "Hostname"}, {"address", name}}}},
          {"daemonEndpoints", {{"kubeletEndpoint", {{"Port", 10250}}}}},
          {"nodeInfo",
           {{"machineID", uid},
            {"systemUUID", nodeUid},
            {"bootID", sha256Hex(name + "boot").substr(0, 32)},
            {"kernelVersion", pool.architecture == "arm64" ? "5.10.0-60.18.0.50.oe2203.aarch64" : "5.15.0-105-generic"},
            {"osImage", pool.architecture == "arm64" ? "EulerOS 2.0 (SP10)" : "Ubuntu 22.04.4 LTS"},
            {"containerRuntimeVersion", "containerd://1.7.13"},
            {"kubeletVersion", pool.kubeletVersion},
            {"kubeProxyVersion", pool.kubeletVersion},
            {"operatingSystem", "linux"},
            {"architecture", pool.architecture}}},
          {"images", imagesFor(pool)}}}};
    return node;
}

void ScenarioPlayer::populate()
{
    for (const char *ns : {"default", "kube-system", "kube-public", "kube-node-lease"})
        if (!m_store->get("namespaces", "", ns))
            m_store->put("namespaces", {{"kind", "Namespace"}, {"apiVersion", "v1"},
                                        {"metadata", {{"name", ns}}},
                                        {"spec", {{"finalizers", {"kubernetes"}}}},
                                        {"status", {{"phase", "Active"}}}});
    for (const PoolSpec &pool : m_scenario.pools)
        for (int i = pool.firstIndex; i < pool.firstIndex + pool.count; ++i)
            m_store->put("nodes", nodeJson(pool, i));
    for (const json &obj : m_scenario.extraObjects) {
        const std::string kind = obj.value("kind", "");
        std::string resource;
        for (char c : kind)
            resource += char(std::tolower(c));
        if (!resource.empty())
            m_store->put(resource + (resource.ends_with('s') ? "es" : "s"), obj);
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
    if (m_next >= m_scenario.timeline.size()) {
        if (m_scenario.loopAfterMs <= 0)
            return;
        m_epochMs += m_scenario.loopAfterMs;
        m_next = 0;
    }
    const qint64 due = m_epochMs + m_scenario.timeline[m_next].atMs;
    m_timer.start(int(std::max<qint64>(0, due - QDateTime::currentMSecsSinceEpoch())));
}

const PoolSpec *ScenarioPlayer::poolOf(const std::string &nodeName) const
{
    for (const PoolSpec &p : m_scenario.pools)
        if (nodeName.starts_with(p.prefix + "-"))
            return &p;
    return nullptr;
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
    for (const StoredObject *o : m_store->list("nodes")) {
        bool match = true;
        for (const auto &[k, v] : wanted) {
            auto it = o->meta->labels.find(k);
            if (it == o->meta->labels.end() || it->second != v) {
                match = false;
                break;
            }
        }
        if (match)
            names.push_back(o->meta->name);
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
        kept.push_back({{"key", "node.kubernetes.io/unreachable"}, {"effect", "NoExecute"}, {"timeAdded", nowRfc3339()}});
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
    json &conds = (*node)["status"]["conditions"];
    bool found = false;
    for (json &c : conds) {
        if (c.value("type", "") != type)
            continue;
        found = true;
        if (c.value("status", "") != status)
            c["lastTransitionTime"] = now;
        c["status"] = status;
        c["lastHeartbeatTime"] = now;
        c["reason"] = condition.value("reason", c.value("reason", ""));
        c["message"] = condition.value("message", c.value("message", ""));
    }
    if (!found)
        conds.push_back({{"type", type}, {"status", status}, {"lastHeartbeatTime", now},
                         {"lastTransitionTime", now}, {"reason", condition.value("reason", "")},
                         {"message", condition.value("message", "")}});
    if (type == "Ready")
        applyLifecycleTaints(*node);
    m_store->put("nodes", std::move(*node));
    emit stepApplied(QStringLiteral("%1 %2=%3").arg(QString::fromStdString(nodeName),
                                                    QString::fromStdString(type), QString::fromStdString(status)));
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
    if (a.contains("storm")) {
        const json &storm = a["storm"];
        const json condition = storm.value("condition", json::object());
        for (const std::string &n : nodesMatching(storm))
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
            m_store->put("nodes", nodeJson(p, add.value("index", p.firstIndex + p.count)));
            return {};
        }
        return QStringLiteral("pool %1 not found").arg(QString::fromStdString(poolName));
    }
    const std::string node = a.value("node", "");
    if (node.empty())
        return QStringLiteral("step names no node: %1").arg(QString::fromStdString(a.dump()));
    if (a.contains("condition"))
        if (QString e = setCondition(node, a["condition"]); !e.isEmpty())
            return e;
    if (a.contains("allocatable"))
        if (QString e = setAllocatable(node, a["allocatable"]); !e.isEmpty())
            return e;
    return {};
}

} // namespace sim

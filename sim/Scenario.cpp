#include "sim/Scenario.h"

#include <QFile>

#include <cstdio>
#include <unordered_set>

namespace sim {

namespace {

// A scenario error names where it is: "cluster.pools[1].count: expected an integer".
struct ScenarioError
{
    std::string message;
};

[[noreturn]] void fail(const std::string &path, const std::string &what)
{
    throw ScenarioError{path + ": " + what};
}

std::string describe(const json &v)
{
    std::string d = v.dump();
    if (d.size() > 60)
        d = d.substr(0, 57) + "...";
    return d;
}

void checkKeys(const json &obj, const std::string &path,
               std::initializer_list<const char *> allowed)
{
    if (!obj.is_object())
        fail(path, "expected an object, got " + describe(obj));
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        bool ok = false;
        for (const char *a : allowed)
            ok = ok || it.key() == a;
        if (!ok) {
            std::string list;
            for (const char *a : allowed)
                list += (list.empty() ? "" : ", ") + std::string(a);
            fail(path, "unknown key \"" + it.key() + "\" (known: " + list + ")");
        }
    }
}

std::string str(const json &obj, const std::string &path, const char *key,
                const std::string &def = {}, bool required = false)
{
    auto it = obj.find(key);
    if (it == obj.end()) {
        if (required)
            fail(path + "." + key, "required");
        return def;
    }
    if (!it->is_string())
        fail(path + "." + key, "expected a string, got " + describe(*it));
    return it->get<std::string>();
}

int integer(const json &obj, const std::string &path, const char *key, int def, int min = 0)
{
    auto it = obj.find(key);
    if (it == obj.end())
        return def;
    if (!it->is_number_integer())
        fail(path + "." + key, "expected an integer, got " + describe(*it));
    const long long v = it->get<long long>();
    if (v < min || v > 10000000)
        fail(path + "." + key,
             "must be between " + std::to_string(min) + " and 10000000, got " + std::to_string(v));
    return int(v);
}

bool boolean(const json &obj, const std::string &path, const char *key, bool def)
{
    auto it = obj.find(key);
    if (it == obj.end())
        return def;
    if (!it->is_boolean())
        fail(path + "." + key, "expected true or false, got " + describe(*it));
    return it->get<bool>();
}

qint64 duration(const json &obj, const std::string &path, const char *key, qint64 def)
{
    auto it = obj.find(key);
    if (it == obj.end())
        return def;
    bool ok = false;
    const qint64 ms = it->is_string() ? parseDurationMs(it->get<std::string>(), &ok) : 0;
    if (!ok)
        fail(path + "." + key,
             "expected a duration like \"500ms\", \"30s\", \"5m\", \"2h\" or \"3d\", got " +
                 describe(*it));
    return ms;
}

std::vector<std::string> strings(const json &obj, const std::string &path, const char *key)
{
    std::vector<std::string> out;
    auto it = obj.find(key);
    if (it == obj.end())
        return out;
    if (!it->is_array())
        fail(path + "." + key, "expected a list of strings, got " + describe(*it));
    for (std::size_t i = 0; i < it->size(); ++i) {
        if (!(*it)[i].is_string())
            fail(path + "." + key + "[" + std::to_string(i) + "]",
                 "expected a string, got " + describe((*it)[i]));
        out.push_back((*it)[i].get<std::string>());
    }
    return out;
}

StringMap stringMap(const json &obj, const std::string &path, const char *key)
{
    StringMap out;
    auto it = obj.find(key);
    if (it == obj.end())
        return out;
    if (!it->is_object())
        fail(path + "." + key, "expected an object of strings, got " + describe(*it));
    for (auto e = it->begin(); e != it->end(); ++e) {
        if (!e.value().is_string())
            fail(path + "." + key + "." + e.key(), "expected a string, got " + describe(e.value()));
        out[e.key()] = e.value().get<std::string>();
    }
    return out;
}

int nameWidth(const PoolSpec &p)
{
    int width = 4;
    for (int n = p.firstIndex + p.count - 1; n >= 10000; n /= 10)
        ++width;
    return width;
}

PoolSpec parsePool(const json &j, const std::string &path)
{
    checkKeys(j, path, {"name",          "prefix",           "count",          "firstIndex",
                        "accelerator",   "architecture",     "instanceType",   "zones",
                        "nodesPerRack",  "healthConditions", "images",         "podsPerNode",
                        "daemonSetPods", "emptyDirPods",     "labels",         "taints",
                        "cpu",           "memory",           "kubeletVersion", "age"});
    PoolSpec p;
    p.name = str(j, path, "name", {}, true);
    if (p.name.empty())
        fail(path + ".name", "must not be empty");
    p.prefix = str(j, path, "prefix", p.name);
    p.count = integer(j, path, "count", 0);
    p.firstIndex = integer(j, path, "firstIndex", 1);
    if (auto a = j.find("accelerator"); a != j.end()) {
        checkKeys(*a, path + ".accelerator", {"resource", "count", "model"});
        p.acceleratorResource = str(*a, path + ".accelerator", "resource", {}, true);
        p.acceleratorCount = integer(*a, path + ".accelerator", "count", 0);
        p.acceleratorModel = str(*a, path + ".accelerator", "model");
    }
    p.architecture = str(j, path, "architecture", p.architecture);
    p.instanceType = str(j, path, "instanceType");
    p.zones = strings(j, path, "zones");
    if (p.zones.empty())
        p.zones = {"zone-a"};
    p.nodesPerRack = integer(j, path, "nodesPerRack", p.nodesPerRack, 1);
    p.healthConditions = strings(j, path, "healthConditions");
    p.images = integer(j, path, "images", p.images);
    p.podsPerNode = integer(j, path, "podsPerNode", 0);
    p.daemonSetPods = boolean(j, path, "daemonSetPods", false);
    p.emptyDirPods = boolean(j, path, "emptyDirPods", false);
    p.labels = stringMap(j, path, "labels");
    if (auto t = j.find("taints"); t != j.end()) {
        if (!t->is_array())
            fail(path + ".taints", "expected a list of {key, value, effect}");
        for (std::size_t i = 0; i < t->size(); ++i) {
            const std::string tp = path + ".taints[" + std::to_string(i) + "]";
            const json &taint = (*t)[i];
            checkKeys(taint, tp, {"key", "value", "effect"});
            const std::string effect = str(taint, tp, "effect", {}, true);
            if (effect != "NoSchedule" && effect != "PreferNoSchedule" && effect != "NoExecute")
                fail(tp + ".effect",
                     "must be NoSchedule, PreferNoSchedule or NoExecute, got \"" + effect + "\"");
            json out = {{"key", str(taint, tp, "key", {}, true)}, {"effect", effect}};
            if (taint.contains("value"))
                out["value"] = str(taint, tp, "value");
            p.taints.push_back(out);
        }
    }
    p.cpu = str(j, path, "cpu", p.cpu);
    if (p.cpu.empty() || p.cpu.find_first_not_of("0123456789") != std::string::npos)
        fail(path + ".cpu", "expected a whole number of CPUs as a string, like \"96\"");
    p.memory = str(j, path, "memory", p.memory);
    p.kubeletVersion = str(j, path, "kubeletVersion", p.kubeletVersion);
    p.ageMs = duration(j, path, "age", 0);
    return p;
}

const char *const kindNames[] = {"storm", "flap", "delete", "add", "node", "pod"};

} // namespace

std::string PoolSpec::nodeName(int index) const
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%0*d", nameWidth(*this), index);
    return prefix + "-" + buf;
}

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
    else if (unit == "d")
        factor = 86400000;
    else
        return 0;
    // std::stod also reads "nan" and "inf", and a double beyond qint64 does not convert.
    const double ms = value * factor;
    if (!(ms >= 0) || ms >= 9.2e18)
        return 0;
    *ok = true;
    return qint64(ms);
}

std::string Scenario::validateAction(const json &a)
{
    if (!a.is_object())
        return "an action must be a JSON object, got " + describe(a);
    int kinds = 0;
    for (const char *k : kindNames)
        kinds += a.contains(k) ? 1 : 0;
    if (kinds != 1)
        return "an action needs exactly one of storm, flap, delete, add, node or pod: " +
               describe(a);
    auto conditionError = [](const json &c, const char *where) -> std::string {
        if (!c.is_object() || !c.contains("type") || !c["type"].is_string() ||
            c["type"].get<std::string>().empty())
            return std::string(where) + ".condition needs a \"type\"";
        if (c.contains("status") &&
            (!c["status"].is_string() ||
             (c["status"] != "True" && c["status"] != "False" && c["status"] != "Unknown")))
            return std::string(where) + ".condition.status must be True, False or Unknown, got " +
                   describe(c["status"]);
        return {};
    };
    if (a.contains("storm")) {
        const json &s = a["storm"];
        if (!s.is_object() || !s.contains("condition"))
            return "storm needs a target (rack, pool, zone or labels) and a condition";
        if (!s.contains("rack") && !s.contains("pool") && !s.contains("zone") &&
            !s.contains("labels"))
            return "storm needs a target: rack, pool, zone or labels";
        return conditionError(s["condition"], "storm");
    }
    if (a.contains("flap")) {
        const json &f = a["flap"];
        if (!f.is_object() || !f.value("node", json()).is_string())
            return "flap needs a node";
        if (std::string e = conditionError(f.value("condition", json()), "flap"); !e.empty())
            return e;
        bool ok = true;
        if (f.contains("period") &&
            (!f["period"].is_string() || (parseDurationMs(f["period"], &ok), !ok)))
            return "flap.period must be a duration like \"3s\"";
        if (f.contains("times") && !f["times"].is_number_integer())
            return "flap.times must be an integer";
        return {};
    }
    if (a.contains("delete"))
        return a["delete"].is_string() ? std::string() : "delete needs a node name";
    if (a.contains("add"))
        return a["add"].is_object() && a["add"].value("pool", json()).is_string()
                   ? std::string()
                   : "add needs {\"pool\": NAME}";
    if (a.contains("pod")) {
        if (!a["pod"].is_string() || a["pod"].get<std::string>().find('/') == std::string::npos)
            return "pod must be \"NAMESPACE/NAME\", got " + describe(a["pod"]);
        if (a.contains("ready") == a.contains("phase"))
            return "a pod action needs one of ready (true/false) or phase (Succeeded/Failed)";
        if (a.contains("ready") && !a["ready"].is_boolean())
            return "ready must be true or false";
        if (a.contains("phase") && a["phase"] != "Succeeded" && a["phase"] != "Failed")
            return "phase must be Succeeded or Failed";
        return {};
    }
    if (!a["node"].is_string())
        return "node must be a node name";
    if (!a.contains("condition") && !a.contains("allocatable") && !a.contains("removeCondition"))
        return "a node action needs condition, allocatable or removeCondition";
    if (a.contains("condition"))
        if (std::string e = conditionError(a["condition"], "node"); !e.empty())
            return e;
    if (a.contains("allocatable") && !a["allocatable"].is_object())
        return "allocatable must be an object of resource quantities";
    if (a.contains("removeCondition") && !a["removeCondition"].is_string())
        return "removeCondition must be a condition type";
    return {};
}

std::optional<Scenario> Scenario::fromJson(const QByteArray &text, QString *error)
{
    json::parser_callback_t none = nullptr;
    json j;
    try {
        j = json::parse(text.begin(), text.end(), none, true);
    } catch (const json::exception &e) { // parse_error, or out_of_range for a number like 1e400
        if (error)
            *error = QStringLiteral("not valid JSON: %1").arg(QString::fromUtf8(e.what()));
        return std::nullopt;
    }
    Scenario s;
    try {
        checkKeys(j, "scenario", {"name", "description", "cluster", "timeline", "loopAfter"});
        s.name = str(j, "scenario", "name", "custom");
        s.description = str(j, "scenario", "description");
        const json cluster = j.value("cluster", json::object());
        checkKeys(
            cluster, "cluster",
            {"pools", "podDefaults", "replicaSets", "pods", "podDisruptionBudgets", "objects"});
        const json pools = cluster.value("pools", json::array());
        if (!pools.is_array())
            fail("cluster.pools", "expected a list");
        std::unordered_set<std::string> nodes;
        std::unordered_set<std::string> poolNames;
        for (std::size_t i = 0; i < pools.size(); ++i) {
            const std::string path = "cluster.pools[" + std::to_string(i) + "]";
            PoolSpec p = parsePool(pools[i], path);
            if (!poolNames.insert(p.name).second)
                fail(path + ".name", "pool \"" + p.name + "\" is defined twice");
            for (int n = p.firstIndex; n < p.firstIndex + p.count; ++n)
                if (!nodes.insert(p.nodeName(n)).second)
                    fail(path, "node \"" + p.nodeName(n) + "\" is also made by an earlier pool");
            s.pools.push_back(std::move(p));
        }
        auto knownNode = [&](const std::string &path, const std::string &node) {
            if (!nodes.count(node))
                fail(path, "no node \"" + node + "\" in the scenario's pools");
        };

        if (auto d = cluster.find("podDefaults"); d != cluster.end()) {
            checkKeys(*d, "cluster.podDefaults",
                      {"namespace", "terminationGracePeriodSeconds", "startupDelay"});
            s.podDefaults.trainingNamespace =
                str(*d, "cluster.podDefaults", "namespace", s.podDefaults.trainingNamespace);
            s.podDefaults.terminationGracePeriodSeconds =
                integer(*d, "cluster.podDefaults", "terminationGracePeriodSeconds",
                        s.podDefaults.terminationGracePeriodSeconds);
            s.podDefaults.startupDelayMs =
                duration(*d, "cluster.podDefaults", "startupDelay", s.podDefaults.startupDelayMs);
        }

        const json sets = cluster.value("replicaSets", json::array());
        for (std::size_t i = 0; i < sets.size(); ++i) {
            const std::string path = "cluster.replicaSets[" + std::to_string(i) + "]";
            const json &r = sets[i];
            checkKeys(r, path,
                      {"name", "namespace", "labels", "nodes", "notReady", "emptyDir",
                       "terminationGracePeriodSeconds", "image"});
            ReplicaSetSpec rs;
            rs.name = str(r, path, "name", {}, true);
            rs.ns = str(r, path, "namespace", rs.ns);
            rs.labels = stringMap(r, path, "labels");
            if (rs.labels.empty())
                rs.labels = {{"app", rs.name}};
            rs.nodes = strings(r, path, "nodes");
            if (rs.nodes.empty())
                fail(path + ".nodes", "list at least one node (one pod is placed on each)");
            for (std::size_t n = 0; n < rs.nodes.size(); ++n)
                knownNode(path + ".nodes[" + std::to_string(n) + "]", rs.nodes[n]);
            for (const std::string &n : strings(r, path, "notReady")) {
                if (std::find(rs.nodes.begin(), rs.nodes.end(), n) == rs.nodes.end())
                    fail(path + ".notReady", "\"" + n + "\" is not one of this ReplicaSet's nodes");
                rs.notReadyNodes.insert(n);
            }
            rs.emptyDir = boolean(r, path, "emptyDir", false);
            if (r.contains("terminationGracePeriodSeconds"))
                rs.terminationGracePeriodSeconds =
                    integer(r, path, "terminationGracePeriodSeconds", 30);
            rs.image = str(r, path, "image");
            s.replicaSets.push_back(std::move(rs));
        }

        const json pods = cluster.value("pods", json::array());
        for (std::size_t i = 0; i < pods.size(); ++i) {
            const std::string path = "cluster.pods[" + std::to_string(i) + "]";
            const json &p = pods[i];
            checkKeys(p, path,
                      {"name", "namespace", "node", "labels", "mirror", "emptyDir", "ready",
                       "phase", "terminationGracePeriodSeconds", "image"});
            PodEntry e;
            e.name = str(p, path, "name", {}, true);
            e.node = str(p, path, "node", {}, true);
            knownNode(path + ".node", e.node);
            e.mirror = boolean(p, path, "mirror", false);
            e.ns = str(p, path, "namespace", e.mirror ? "kube-system" : "default");
            e.labels = stringMap(p, path, "labels");
            e.emptyDir = boolean(p, path, "emptyDir", false);
            e.ready = boolean(p, path, "ready", true);
            e.phase = str(p, path, "phase", "Running");
            if (e.phase != "Running" && e.phase != "Pending" && e.phase != "Succeeded" &&
                e.phase != "Failed")
                fail(path + ".phase", "must be Running, Pending, Succeeded or Failed");
            if (p.contains("terminationGracePeriodSeconds"))
                e.terminationGracePeriodSeconds =
                    integer(p, path, "terminationGracePeriodSeconds", 30);
            e.image = str(p, path, "image");
            s.pods.push_back(std::move(e));
        }

        const json pdbs = cluster.value("podDisruptionBudgets", json::array());
        for (std::size_t i = 0; i < pdbs.size(); ++i) {
            const std::string path = "cluster.podDisruptionBudgets[" + std::to_string(i) + "]";
            const json &b = pdbs[i];
            checkKeys(b, path,
                      {"name", "namespace", "selector", "minAvailable", "maxUnavailable",
                       "unhealthyPodEvictionPolicy"});
            json spec = json::object();
            if (b.contains("minAvailable") == b.contains("maxUnavailable"))
                fail(path, "set exactly one of minAvailable and maxUnavailable");
            for (const char *k : {"minAvailable", "maxUnavailable"}) {
                if (!b.contains(k))
                    continue;
                const json &v = b[k];
                const bool percent = v.is_string() && !v.get<std::string>().empty() &&
                                     v.get<std::string>().back() == '%';
                if (!(v.is_number_integer() && v.get<long long>() >= 0) && !percent)
                    fail(path + "." + k,
                         "expected a non-negative integer or a percentage like \"50%\", got " +
                             describe(v));
                spec[k] = v;
            }
            if (!b.contains("selector") || !b["selector"].is_object())
                fail(path + ".selector",
                     "required: {\"matchLabels\": {...}} and/or matchExpressions");
            checkKeys(b["selector"], path + ".selector", {"matchLabels", "matchExpressions"});
            spec["selector"] = b["selector"];
            if (b.contains("unhealthyPodEvictionPolicy")) {
                const std::string policy = str(b, path, "unhealthyPodEvictionPolicy");
                if (policy != "IfHealthyBudget" && policy != "AlwaysAllow")
                    fail(path + ".unhealthyPodEvictionPolicy",
                         "must be IfHealthyBudget or AlwaysAllow");
                spec["unhealthyPodEvictionPolicy"] = policy;
            }
            s.podDisruptionBudgets.push_back(
                {{"kind", "PodDisruptionBudget"},
                 {"apiVersion", "policy/v1"},
                 {"metadata",
                  {{"name", str(b, path, "name", {}, true)},
                   {"namespace", str(b, path, "namespace", "default")}}},
                 {"spec", spec}});
        }

        s.extraObjects = cluster.value("objects", json::array());
        if (!s.extraObjects.is_array())
            fail("cluster.objects", "expected a list of Kubernetes objects");
        for (std::size_t i = 0; i < s.extraObjects.size(); ++i) {
            const json &o = s.extraObjects[i];
            if (!o.is_object() || !o.value("kind", json()).is_string() || !o.contains("metadata") ||
                !o["metadata"].value("name", json()).is_string())
                fail("cluster.objects[" + std::to_string(i) + "]", "needs kind and metadata.name");
        }

        const json timeline = j.value("timeline", json::array());
        if (!timeline.is_array())
            fail("timeline", "expected a list of steps");
        for (std::size_t i = 0; i < timeline.size(); ++i) {
            const std::string path = "timeline[" + std::to_string(i) + "]";
            const json &step = timeline[i];
            if (!step.is_object())
                fail(path, "expected an object");
            TimelineStep t;
            t.atMs = duration(step, path, "at", -1);
            if (t.atMs < 0)
                fail(path + ".at", "required: when the step happens, like \"5s\"");
            json action = step;
            action.erase("at");
            if (std::string e = validateAction(action); !e.empty())
                fail(path, e);
            t.action = std::move(action);
            s.timeline.push_back(std::move(t));
        }
        std::stable_sort(
            s.timeline.begin(), s.timeline.end(),
            [](const TimelineStep &a, const TimelineStep &b) { return a.atMs < b.atMs; });
        s.loopAfterMs = duration(j, "scenario", "loopAfter", 0);
    } catch (const ScenarioError &e) {
        if (error)
            *error = QString::fromStdString(e.message);
        return std::nullopt;
    } catch (const json::exception &e) {
        if (error)
            *error = QStringLiteral("malformed scenario: %1").arg(QString::fromUtf8(e.what()));
        return std::nullopt;
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
    s.replicaSets.clear();
    s.pods.clear();
    s.podDisruptionBudgets.clear();
    const int pools = int(s.pools.size());
    int remaining = nodes;
    for (int i = 0; i < pools; ++i) {
        const int share = i == pools - 1 ? remaining : nodes / pools;
        s.pools[std::size_t(i)].count = share;
        // Nodes only: generated clusters are for list/watch load, not workloads.
        s.pools[std::size_t(i)].podsPerNode = 0;
        s.pools[std::size_t(i)].daemonSetPods = false;
        remaining -= share;
    }
    return s;
}

} // namespace sim

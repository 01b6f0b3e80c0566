#include "sim/ControllerManager.h"

#include "sim/Kubelet.h"
#include "sim/Selectors.h"
#include "sim/WorkloadFactory.h"

#include <QDateTime>

#include <cmath>
#include <map>
#include <unordered_map>
#include <vector>

namespace sim {

namespace {

// How long an eviction's entry in a PDB's status.disruptedPods keeps the pod out of
// currentHealthy when the pod is not deleted (the disruption controller's DeletionTimeout).
constexpr qint64 DisruptedPodTimeoutMs = 2 * 60 * 1000;

bool isTerminal(const ObjectMeta &m)
{
    auto p = m.fields.find("status.phase");
    return p != m.fields.end() && (p->second == "Succeeded" || p->second == "Failed");
}

std::string fieldOf(const ObjectMeta &m, const char *field)
{
    auto it = m.fields.find(field);
    return it == m.fields.end() ? std::string() : it->second;
}

// A node selector requirement list (nodeSelectorTerms[].matchExpressions / matchFields).
bool requirementsMatch(const json &reqs, const ObjectMeta &node, bool fields)
{
    for (const json &r : reqs) {
        const std::string key = r.value("key", "");
        const std::string op = r.value("operator", "");
        std::string value;
        bool has = false;
        if (fields) {
            has = key == "metadata.name";
            value = node.name;
        } else if (auto it = node.labels.find(key); it != node.labels.end()) {
            has = true;
            value = it->second;
        }
        const json values = r.value("values", json::array());
        const bool listed = std::find(values.begin(), values.end(), json(value)) != values.end();
        if ((op == "In" && !(has && listed)) || (op == "NotIn" && has && listed) ||
            (op == "Exists" && !has) || (op == "DoesNotExist" && has))
            return false;
        if (op == "Gt" || op == "Lt") {
            if (!has || values.empty())
                return false;
            const long long v = std::atoll(value.c_str());
            const long long bound = std::atoll(values[0].get<std::string>().c_str());
            if ((op == "Gt" && !(v > bound)) || (op == "Lt" && !(v < bound)))
                return false;
        }
    }
    return true;
}

// Whether a pod spec's nodeSelector and required node affinity admit `node`.
bool podFitsNode(const json &podSpec, const ObjectMeta &node)
{
    if (auto ns = podSpec.find("nodeSelector"); ns != podSpec.end() && ns->is_object())
        for (auto it = ns->begin(); it != ns->end(); ++it) {
            auto l = node.labels.find(it.key());
            if (l == node.labels.end() || !it.value().is_string() ||
                l->second != it.value().get<std::string>())
                return false;
        }
    const json terms = podSpec.value("affinity", json::object())
                           .value("nodeAffinity", json::object())
                           .value("requiredDuringSchedulingIgnoredDuringExecution", json::object())
                           .value("nodeSelectorTerms", json::array());
    if (terms.empty())
        return true;
    for (const json &t : terms)
        if (requirementsMatch(t.value("matchExpressions", json::array()), node, false) &&
            requirementsMatch(t.value("matchFields", json::array()), node, true))
            return true;
    return false;
}

bool toleratesEverything(const json &podSpec)
{
    for (const json &t : podSpec.value("tolerations", json::array()))
        if (t.value("operator", "") == "Exists" && t.value("key", "").empty() &&
            t.value("effect", "").empty())
            return true;
    return false;
}

// intstr.GetScaledValueFromIntOrPercent
bool scaledValue(const json &v, int total, bool roundUp, int *out)
{
    if (v.is_number_integer()) {
        *out = v.get<int>();
        return true;
    }
    if (!v.is_string())
        return false;
    std::string s = v.get<std::string>();
    if (s.empty() || s.back() != '%')
        return false;
    s.pop_back();
    const double pct = std::atof(s.c_str());
    const double value = pct * total / 100.0;
    *out = int(roundUp ? std::ceil(value) : std::floor(value));
    return true;
}

json stripTransitionTimes(json status)
{
    if (status.contains("conditions"))
        for (json &c : status["conditions"])
            c.erase("lastTransitionTime");
    return status;
}

} // namespace

ControllerManager::ControllerManager(ObjectStore *store, Kubelet *kubelet, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_kubelet(kubelet)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &ControllerManager::sync);
    connect(store, &ObjectStore::changed, this, &ControllerManager::onStoreChanged);
}

void ControllerManager::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused)
        scheduleSync();
}

void ControllerManager::onStoreChanged(const StoreEvent &event)
{
    const std::string &r = event.resource;
    const ObjectMeta &m = *event.meta;
    if (r == "pods") {
        m_replicaSetsDirty = m_daemonSetsDirty = m_budgetsDirty = true;
        if (fieldOf(m, "spec.nodeName").empty() && event.type != EventType::Deleted) {
            m_schedulerDirty = true;
            m_haveUnscheduled = true;
        }
    } else if (r == "nodes") {
        if (event.type != EventType::Modified)
            m_daemonSetsDirty = true;
        if (event.type == EventType::Deleted)
            m_deletedNodes.insert(m.name);
        else if ((fieldOf(m, "spec.unschedulable") == "true") != m.hasUnschedulableTaint)
            m_nodesToCheck.insert(m.name);
        if (m_haveUnscheduled)
            m_schedulerDirty = true;
    } else if (r == "replicasets") {
        m_replicaSetsDirty = m_budgetsDirty = true;
        if (event.type == EventType::Deleted)
            m_deletedOwners.insert(m.uid);
    } else if (r == "daemonsets") {
        m_daemonSetsDirty = true;
        if (event.type == EventType::Deleted)
            m_deletedOwners.insert(m.uid);
    } else if (r == "poddisruptionbudgets") {
        m_budgetsDirty = true;
    } else {
        return;
    }
    scheduleSync();
}

void ControllerManager::scheduleSync()
{
    if (!m_paused && !m_timer.isActive())
        m_timer.start();
}

void ControllerManager::syncNow()
{
    if (m_paused)
        return;
    // Controllers react to each other's writes: a few rounds settle everything.
    for (int i = 0; i < 4 && (m_timer.isActive() || i == 0); ++i) {
        m_timer.stop();
        sync();
    }
}

void ControllerManager::sync()
{
    if (m_paused)
        return;
    collectGarbage();
    syncNodeTaints();
    if (m_replicaSetsDirty) {
        m_replicaSetsDirty = false;
        syncReplicaSets();
    }
    if (m_daemonSetsDirty) {
        m_daemonSetsDirty = false;
        syncDaemonSets();
    }
    if (m_schedulerDirty) {
        m_schedulerDirty = false;
        schedulePendingPods();
    }
    if (m_budgetsDirty) {
        m_budgetsDirty = false;
        syncDisruptionBudgets();
    }
}

void ControllerManager::collectGarbage()
{
    if (m_deletedNodes.empty() && m_deletedOwners.empty())
        return;
    const auto nodes = std::move(m_deletedNodes);
    const auto owners = std::move(m_deletedOwners);
    m_deletedNodes.clear();
    m_deletedOwners.clear();
    std::vector<std::pair<std::string, std::string>> orphans, dependents;
    if (const auto *pods = m_store->objects("pods"))
        for (const auto &[k, o] : *pods) {
            if (nodes.count(fieldOf(*o.meta, "spec.nodeName")))
                orphans.emplace_back(o.meta->ns, o.meta->name);
            else if (!o.meta->controllerUid.empty() && owners.count(o.meta->controllerUid))
                dependents.emplace_back(o.meta->ns, o.meta->name);
        }
    // Pod GC force-deletes pods bound to a node that no longer exists; the node's lease goes too.
    for (const auto &[ns, name] : orphans)
        m_store->remove("pods", ns, name);
    for (const std::string &node : nodes)
        m_store->remove("leases", "kube-node-lease", node);
    // The garbage collector's background cascade: dependents are deleted normally.
    for (const auto &[ns, name] : dependents)
        m_kubelet->deletePod(ns, name, json::object(), false);
}

void ControllerManager::syncNodeTaints()
{
    const auto names = std::move(m_nodesToCheck);
    m_nodesToCheck.clear();
    for (const std::string &name : names) {
        auto node = m_store->getJson("nodes", "", name);
        if (!node)
            continue;
        const bool unschedulable = (*node)["spec"].value("unschedulable", false);
        json taints = (*node)["spec"].value("taints", json::array());
        auto it = std::find_if(taints.begin(), taints.end(), [](const json &t) {
            return t.value("key", "") == "node.kubernetes.io/unschedulable";
        });
        const bool tainted = it != taints.end();
        if (unschedulable == tainted)
            continue;
        if (unschedulable)
            taints.push_back(
                {{"key", "node.kubernetes.io/unschedulable"}, {"effect", "NoSchedule"}});
        else
            taints.erase(it);
        if (taints.empty())
            (*node)["spec"].erase("taints");
        else
            (*node)["spec"]["taints"] = taints;
        m_store->put("nodes", std::move(*node));
    }
}

void ControllerManager::syncReplicaSets()
{
    const auto *sets = m_store->objects("replicasets");
    if (!sets)
        return;
    // Pods by controller uid, once.
    std::unordered_map<std::string, std::vector<const ObjectMeta *>> owned;
    if (const auto *pods = m_store->objects("pods"))
        for (const auto &[k, o] : *pods)
            if (o.meta->controllerKind == "ReplicaSet")
                owned[o.meta->controllerUid].push_back(o.meta.get());

    std::vector<json> updates;
    std::vector<std::pair<json, int>> toCreate;
    std::vector<std::pair<std::string, std::string>> toDelete;
    for (const auto &[k, o] : *sets) {
        json rs = o.parse();
        const int replicas = rs["spec"].value("replicas", 1);
        std::vector<const ObjectMeta *> active;
        int ready = 0;
        for (const ObjectMeta *p : owned[o.meta->uid]) {
            if (p->deleting || isTerminal(*p))
                continue;
            active.push_back(p);
            if (p->readyStatus == "True")
                ++ready;
        }
        const int diff = replicas - int(active.size());
        if (diff > 0) {
            toCreate.emplace_back(rs, diff);
        } else if (diff < 0) {
            // Scale down: unscheduled, then not ready, then the rest (newest names last).
            std::stable_sort(active.begin(), active.end(),
                             [](const ObjectMeta *a, const ObjectMeta *b) {
                                 auto rank = [](const ObjectMeta *p) {
                                     return fieldOf(*p, "spec.nodeName").empty() ? 0
                                            : p->readyStatus != "True"           ? 1
                                                                                 : 2;
                                 };
                                 return rank(a) < rank(b);
                             });
            for (int i = 0; i < -diff; ++i)
                toDelete.emplace_back(active[std::size_t(i)]->ns, active[std::size_t(i)]->name);
        }
        json status = rs.value("status", json::object());
        json wanted = status;
        wanted["replicas"] = int(active.size());
        wanted["fullyLabeledReplicas"] = int(active.size());
        wanted["readyReplicas"] = ready;
        wanted["availableReplicas"] = ready;
        wanted["observedGeneration"] = rs["metadata"].value("generation", 1);
        if (wanted != status) {
            rs["status"] = wanted;
            updates.push_back(std::move(rs));
        }
    }
    for (auto &[rs, count] : toCreate) {
        const std::string base = rs["metadata"].value("name", "");
        const std::string ns = rs["metadata"].value("namespace", "default");
        for (int i = 0; i < count; ++i) {
            std::string name;
            do
                name = base + "-" + WorkloadFactory::randomNameSuffix();
            while (m_store->get("pods", ns, name));
            m_store->put("pods", WorkloadFactory::podFor(rs, name, {}));
        }
    }
    for (const auto &[ns, name] : toDelete)
        m_kubelet->deletePod(ns, name, json::object(), false);
    for (json &rs : updates)
        m_store->put("replicasets", std::move(rs));
}

void ControllerManager::syncDaemonSets()
{
    const auto *sets = m_store->objects("daemonsets");
    if (!sets)
        return;
    const auto *nodes = m_store->objects("nodes");
    std::unordered_map<std::string, std::vector<const ObjectMeta *>> owned;
    if (const auto *pods = m_store->objects("pods"))
        for (const auto &[k, o] : *pods)
            if (o.meta->controllerKind == "DaemonSet")
                owned[o.meta->controllerUid].push_back(o.meta.get());

    std::vector<json> updates;
    std::vector<std::pair<json, std::string>> toCreate;
    std::vector<std::pair<std::string, std::string>> toDelete;
    for (const auto &[k, o] : *sets) {
        json ds = o.parse();
        const json podSpec = ds["spec"]["template"].value("spec", json::object());
        std::unordered_map<std::string, const ObjectMeta *> byNode;
        for (const ObjectMeta *p : owned[o.meta->uid])
            if (!p->deleting)
                byNode[fieldOf(*p, "spec.nodeName")] = p;
        int desired = 0, scheduled = 0, ready = 0;
        std::set<std::string> wantedNodes;
        if (nodes)
            for (const auto &[nk, n] : *nodes) {
                if (!podFitsNode(podSpec, *n.meta))
                    continue;
                ++desired;
                wantedNodes.insert(n.meta->name);
                auto p = byNode.find(n.meta->name);
                if (p == byNode.end()) {
                    toCreate.emplace_back(ds, n.meta->name);
                    continue;
                }
                ++scheduled;
                if (p->second->readyStatus == "True")
                    ++ready;
            }
        for (const auto &[node, p] : byNode)
            if (!wantedNodes.count(node))
                toDelete.emplace_back(p->ns, p->name);
        json status = ds.value("status", json::object());
        json wanted = {{"currentNumberScheduled", scheduled},
                       {"desiredNumberScheduled", desired},
                       {"numberMisscheduled", 0},
                       {"numberReady", ready},
                       {"numberAvailable", ready},
                       {"updatedNumberScheduled", scheduled},
                       {"observedGeneration", ds["metadata"].value("generation", 1)}};
        if (desired - ready > 0)
            wanted["numberUnavailable"] = desired - ready;
        if (wanted != status) {
            ds["status"] = wanted;
            updates.push_back(std::move(ds));
        }
    }
    for (const auto &[ds, node] : toCreate) {
        const std::string base = ds["metadata"].value("name", "");
        const std::string ns = ds["metadata"].value("namespace", "kube-system");
        std::string name;
        do
            name = base + "-" + WorkloadFactory::randomNameSuffix();
        while (m_store->get("pods", ns, name));
        m_store->put("pods", WorkloadFactory::podFor(ds, name, node));
    }
    for (const auto &[ns, name] : toDelete)
        m_kubelet->deletePod(ns, name, json::object(), false);
    for (json &ds : updates)
        m_store->put("daemonsets", std::move(ds));
}

void ControllerManager::schedulePendingPods()
{
    const auto *pods = m_store->objects("pods");
    std::vector<const StoredObject *> pending;
    if (pods)
        for (const auto &[k, o] : *pods)
            if (fieldOf(*o.meta, "spec.nodeName").empty() &&
                fieldOf(*o.meta, "status.phase") == "Pending" && !o.meta->deleting)
                pending.push_back(&o);
    m_haveUnscheduled = !pending.empty();
    if (pending.empty())
        return;
    const auto *nodes = m_store->objects("nodes");
    std::vector<json> bound, unschedulable;
    // Pods per (controller uid, node), for spreading a controller's pods across nodes.
    std::map<std::pair<std::string, std::string>, int> spread;
    for (const auto &[k, o] : *pods)
        if (!o.meta->controllerUid.empty())
            ++spread[{o.meta->controllerUid, fieldOf(*o.meta, "spec.nodeName")}];
    for (const StoredObject *o : pending) {
        json pod = o->parse();
        const json &spec = pod["spec"];
        const bool anyTaint = toleratesEverything(spec);
        const std::string owner = o->meta->controllerUid;
        const ObjectMeta *best = nullptr;
        int bestCount = 0, total = 0;
        if (nodes)
            for (const auto &[nk, n] : *nodes) {
                ++total;
                const ObjectMeta &nm = *n.meta;
                if (nm.readyStatus != "True" || fieldOf(nm, "spec.unschedulable") == "true")
                    continue;
                if (nm.blocksScheduling && !anyTaint)
                    continue;
                if (!podFitsNode(spec, nm))
                    continue;
                const int count = owner.empty() ? 0 : spread[{owner, nm.name}];
                if (!best || count < bestCount) {
                    best = &nm;
                    bestCount = count;
                }
            }
        if (!best) {
            const std::string message =
                "0/" + std::to_string(total) +
                " nodes are available: no Ready, schedulable node without an untolerated taint.";
            bool same = false;
            for (const json &c : pod["status"].value("conditions", json::array()))
                if (c.value("type", "") == "PodScheduled" && c.value("message", "") == message)
                    same = true;
            if (!same) {
                pod["status"]["conditions"] = {{{"type", "PodScheduled"},
                                                {"status", "False"},
                                                {"lastProbeTime", nullptr},
                                                {"lastTransitionTime", nowRfc3339()},
                                                {"reason", "Unschedulable"},
                                                {"message", message}}};
                unschedulable.push_back(std::move(pod));
            }
            continue;
        }
        if (!owner.empty())
            ++spread[{owner, best->name}];
        pod["spec"]["nodeName"] = best->name;
        WorkloadFactory::setPodState(pod, PodState::ContainerCreating);
        bound.push_back(std::move(pod));
    }
    for (json &p : bound)
        m_store->put("pods", std::move(p));
    for (json &p : unschedulable)
        m_store->put("pods", std::move(p));
}

void ControllerManager::syncDisruptionBudgets()
{
    const auto *budgets = m_store->objects("poddisruptionbudgets");
    if (!budgets)
        return;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    std::vector<json> updates;
    for (const auto &[k, o] : *budgets) {
        json pdb = o.parse();
        const std::string ns = o.meta->ns;
        const json &spec = pdb["spec"];
        json status = pdb.value("status", json::object());
        const std::int64_t generation = pdb["metadata"].value("generation", std::int64_t(1));

        std::vector<const ObjectMeta *> pods;
        std::string err;
        const json selJson = spec.contains("selector") ? spec["selector"] : json();
        auto selector = LabelSelector::fromJson(selJson, &err);
        if (selector && !selJson.is_null())
            if (const auto *all = m_store->objects("pods"))
                for (auto it = all->lower_bound(ns + '/');
                     it != all->end() && it->first.starts_with(ns + '/'); ++it)
                    if (selector->matches(it->second.meta->labels))
                        pods.push_back(it->second.meta.get());

        // disruptedPods entries last until the pod is deleted (or being deleted), or time out.
        json disrupted = json::object();
        const json previous = status.value("disruptedPods", json::object());
        for (auto it = previous.begin(); it != previous.end(); ++it) {
            const std::string podName = it.key();
            auto p = std::find_if(pods.begin(), pods.end(),
                                  [&](const ObjectMeta *m) { return m->name == podName; });
            if (p == pods.end() || (*p)->deleting)
                continue;
            const QDateTime at = QDateTime::fromString(
                QString::fromStdString(it.value().get<std::string>()), Qt::ISODate);
            if (at.isValid() && at.toMSecsSinceEpoch() + DisruptedPodTimeoutMs > nowMs)
                disrupted[podName] = it.value();
        }

        int expected = 0, desired = 0;
        std::string failure;
        auto expectedScale = [&]() -> int {
            std::map<std::string, int> controllers;
            for (const ObjectMeta *p : pods) {
                if (p->controllerUid.empty()) {
                    failure = "found no controllers for pod \"" + p->name + "\"";
                    return 0;
                }
                if (controllers.count(p->controllerUid))
                    continue;
                if (p->controllerKind != "ReplicaSet" && p->controllerKind != "StatefulSet") {
                    failure = "found no controllers for pod \"" + p->name + "\"";
                    return 0;
                }
                const std::string res =
                    p->controllerKind == "ReplicaSet" ? "replicasets" : "statefulsets";
                auto owner = m_store->getJson(res, ns, p->controllerName);
                controllers[p->controllerUid] = owner ? (*owner)["spec"].value("replicas", 1) : 0;
            }
            int sum = 0;
            for (const auto &[uid, n] : controllers)
                sum += n;
            return sum;
        };
        if (spec.contains("maxUnavailable") && !spec["maxUnavailable"].is_null()) {
            expected = expectedScale();
            int maxUnavailable = 0;
            if (!scaledValue(spec["maxUnavailable"], expected, true, &maxUnavailable))
                failure = "invalid maxUnavailable";
            desired = std::max(0, expected - maxUnavailable);
        } else if (spec.contains("minAvailable") && !spec["minAvailable"].is_null()) {
            if (spec["minAvailable"].is_number_integer()) {
                desired = spec["minAvailable"].get<int>();
                expected = int(pods.size());
            } else {
                expected = expectedScale();
                if (!scaledValue(spec["minAvailable"], expected, true, &desired))
                    failure = "invalid minAvailable";
            }
        }

        json wanted = status;
        if (!failure.empty()) {
            wanted["disruptionsAllowed"] = 0;
            wanted["conditions"] = {{{"type", "DisruptionAllowed"},
                                     {"status", "False"},
                                     {"reason", "SyncFailed"},
                                     {"message", failure},
                                     {"observedGeneration", status.value("observedGeneration", 0)},
                                     {"lastTransitionTime", nowRfc3339()}}};
        } else {
            int healthy = 0;
            for (const ObjectMeta *p : pods)
                if (!p->deleting && !disrupted.contains(p->name) && p->readyStatus == "True")
                    ++healthy;
            int allowed = healthy - desired;
            if (expected <= 0 || allowed <= 0)
                allowed = 0;
            wanted["observedGeneration"] = generation;
            wanted["currentHealthy"] = healthy;
            wanted["desiredHealthy"] = desired;
            wanted["expectedPods"] = expected;
            wanted["disruptionsAllowed"] = allowed;
            if (disrupted.empty())
                wanted.erase("disruptedPods");
            else
                wanted["disruptedPods"] = disrupted;
            json cond = {{"type", "DisruptionAllowed"},
                         {"status", allowed > 0 ? "True" : "False"},
                         {"reason", allowed > 0 ? "SufficientPods" : "InsufficientPods"},
                         {"message", ""},
                         {"observedGeneration", generation},
                         {"lastTransitionTime", nowRfc3339()}};
            for (const json &c : status.value("conditions", json::array()))
                if (c.value("type", "") == "DisruptionAllowed" &&
                    c.value("status", "") == cond["status"])
                    cond["lastTransitionTime"] = c.value("lastTransitionTime", nowRfc3339());
            wanted["conditions"] = {cond};
        }
        if (stripTransitionTimes(wanted) != stripTransitionTimes(status)) {
            pdb["status"] = wanted;
            updates.push_back(std::move(pdb));
        }
    }
    for (json &p : updates)
        m_store->put("poddisruptionbudgets", std::move(p));
}

} // namespace sim

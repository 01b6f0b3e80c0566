#include "sim/WorkloadFactory.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>

namespace sim {

namespace {

std::string hashHex(const std::string &s, int length)
{
    return QCryptographicHash::hash(QByteArray::fromStdString(s), QCryptographicHash::Sha256)
        .toHex()
        .left(length)
        .toStdString();
}

// obj[key] when it is an array, else an empty array; no copy.
const json &arrayAt(const json &obj, const char *key)
{
    static const json empty = json::array();
    if (!obj.is_object())
        return empty;
    auto it = obj.find(key);
    return it != obj.end() && it->is_array() ? *it : empty;
}

json labelsJson(const StringMap &labels)
{
    json j = json::object();
    for (const auto &[k, v] : labels)
        j[k] = v;
    return j;
}

json kubeApiAccessVolume(const std::string &suffix)
{
    return {{"name", "kube-api-access-" + suffix},
            {"projected",
             {{"defaultMode", 420},
              {"sources",
               {{{"serviceAccountToken", {{"expirationSeconds", 3607}, {"path", "token"}}}},
                {{"configMap",
                  {{"name", "kube-root-ca.crt"},
                   {"items", {{{"key", "ca.crt"}, {"path", "ca.crt"}}}}}}},
                {{"downwardAPI",
                  {{"items",
                    {{{"path", "namespace"},
                      {"fieldRef",
                       {{"apiVersion", "v1"}, {"fieldPath", "metadata.namespace"}}}}}}}}}}}}}};
}

json condition(const char *type, bool ok, const std::string &now, const char *reason = nullptr,
               const std::string &message = {})
{
    json c = {{"type", type},
              {"status", ok ? "True" : "False"},
              {"lastProbeTime", nullptr},
              {"lastTransitionTime", now}};
    if (reason)
        c["reason"] = reason;
    if (!message.empty())
        c["message"] = message;
    return c;
}

} // namespace

std::string WorkloadFactory::nameSuffix(std::uint64_t seed)
{
    // The alphabet of k8s.io/apimachinery/pkg/util/rand: no vowels, no confusable digits.
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    std::string out;
    std::uint64_t x = seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull;
    for (int i = 0; i < 5; ++i) {
        x ^= x >> 29;
        x *= 0xBF58476D1CE4E5B9ull;
        out += alphabet[x % (sizeof alphabet - 1)];
    }
    return out;
}

std::string WorkloadFactory::randomNameSuffix()
{
    return nameSuffix(QRandomGenerator::global()->generate64());
}

std::string WorkloadFactory::podIp(std::uint64_t seed)
{
    const std::uint64_t x = seed * 2654435761ull;
    return "172." + std::to_string(16 + (x >> 16) % 16) + "." + std::to_string((x >> 8) % 256) +
           "." + std::to_string(2 + x % 250);
}

json WorkloadFactory::podTemplate(const PodTemplateOptions &o)
{
    json requests = {{"cpu", o.cpu}, {"memory", o.memory}};
    json limits = {{"memory", o.memory}};
    if (!o.acceleratorResource.empty() && o.acceleratorCount > 0) {
        requests[o.acceleratorResource] = std::to_string(o.acceleratorCount);
        limits[o.acceleratorResource] = std::to_string(o.acceleratorCount);
    }
    json container = {{"name", o.containerName},
                      {"image", o.image},
                      {"imagePullPolicy", "IfNotPresent"},
                      {"resources", {{"requests", requests}, {"limits", limits}}},
                      {"terminationMessagePath", "/dev/termination-log"},
                      {"terminationMessagePolicy", "File"}};
    json volumes = json::array();
    if (o.emptyDir) {
        volumes.push_back({{"name", "scratch"}, {"emptyDir", {{"sizeLimit", "20Gi"}}}});
        container["volumeMounts"] = {{{"name", "scratch"}, {"mountPath", "/scratch"}}};
    }
    json tolerations = json::array();
    if (o.systemDaemon) {
        tolerations.push_back({{"operator", "Exists"}});
    } else {
        // What the DefaultTolerationSeconds admission plugin adds to every pod.
        tolerations.push_back({{"key", "node.kubernetes.io/not-ready"},
                               {"operator", "Exists"},
                               {"effect", "NoExecute"},
                               {"tolerationSeconds", 300}});
        tolerations.push_back({{"key", "node.kubernetes.io/unreachable"},
                               {"operator", "Exists"},
                               {"effect", "NoExecute"},
                               {"tolerationSeconds", 300}});
    }
    json spec = {{"containers", {container}},
                 {"restartPolicy", "Always"},
                 {"terminationGracePeriodSeconds", o.terminationGracePeriodSeconds},
                 {"dnsPolicy", o.systemDaemon ? "ClusterFirstWithHostNet" : "ClusterFirst"},
                 {"serviceAccountName", "default"},
                 {"serviceAccount", "default"},
                 {"securityContext", json::object()},
                 {"schedulerName", "default-scheduler"},
                 {"tolerations", tolerations},
                 {"enableServiceLinks", true}};
    if (!volumes.empty())
        spec["volumes"] = volumes;
    if (o.systemDaemon) {
        spec["hostNetwork"] = true;
        spec["priorityClassName"] = "system-node-critical";
        spec["priority"] = 2000001000;
    } else {
        spec["priority"] = 0;
        spec["preemptionPolicy"] = "PreemptLowerPriority";
    }
    return {{"metadata", {{"labels", labelsJson(o.labels)}, {"creationTimestamp", nullptr}}},
            {"spec", spec}};
}

json WorkloadFactory::replicaSet(const std::string &name, const std::string &ns, int replicas,
                                 const json &podTemplate)
{
    const json labels = podTemplate["metadata"].value("labels", json::object());
    return {{"kind", "ReplicaSet"},
            {"apiVersion", "apps/v1"},
            {"metadata", {{"name", name}, {"namespace", ns}, {"labels", labels}}},
            {"spec",
             {{"replicas", replicas},
              {"selector", {{"matchLabels", labels}}},
              {"template", podTemplate}}},
            {"status", {{"replicas", 0}, {"observedGeneration", 0}}}};
}

json WorkloadFactory::daemonSet(const std::string &name, const std::string &ns,
                                const json &podTemplate, const std::vector<std::string> &pools)
{
    json tmpl = podTemplate;
    const json selector = tmpl["metadata"].value("labels", json::object());
    tmpl["metadata"]["labels"]["controller-revision-hash"] = hashHex(name, 10);
    tmpl["metadata"]["labels"]["pod-template-generation"] = "1";
    json requirement = {{"key", "pool"}, {"operator", "In"}, {"values", pools}};
    json term = {{"matchExpressions", json::array({requirement})}};
    json required = {{"nodeSelectorTerms", json::array({term})}};
    tmpl["spec"]["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"] =
        required;
    return {{"kind", "DaemonSet"},
            {"apiVersion", "apps/v1"},
            {"metadata",
             {{"name", name},
              {"namespace", ns},
              {"labels", selector},
              {"annotations", {{"deprecated.daemonset.template.generation", "1"}}}}},
            {"spec",
             {{"selector", {{"matchLabels", selector}}},
              {"template", tmpl},
              {"updateStrategy",
               {{"type", "RollingUpdate"},
                {"rollingUpdate", {{"maxUnavailable", 1}, {"maxSurge", 0}}}}},
              {"revisionHistoryLimit", 10}}},
            {"status",
             {{"currentNumberScheduled", 0},
              {"desiredNumberScheduled", 0},
              {"numberMisscheduled", 0},
              {"numberReady", 0},
              {"observedGeneration", 0}}}};
}

json WorkloadFactory::podFor(const json &owner, const std::string &name, const std::string &node)
{
    const json &md = owner["metadata"];
    const std::string ns = md.value("namespace", "default");
    // Copied once each (this runs for every pod of a 65,000-node scenario).
    const json &tmpl = owner["spec"]["template"];
    json pod = {{"kind", "Pod"}, {"apiVersion", "v1"}};
    json meta = tmpl.value("metadata", json::object());
    meta.erase("creationTimestamp");
    meta["name"] = name;
    meta["generateName"] = md.value("name", "") + "-";
    meta["namespace"] = ns;
    meta["ownerReferences"] = {{{"apiVersion", owner.value("apiVersion", "apps/v1")},
                                {"kind", owner.value("kind", "ReplicaSet")},
                                {"name", md.value("name", "")},
                                {"uid", md.value("uid", "")},
                                {"controller", true},
                                {"blockOwnerDeletion", true}}};
    pod["metadata"] = std::move(meta);
    json spec = tmpl["spec"];
    json &volumes = spec["volumes"];
    if (!volumes.is_array())
        volumes = json::array();
    volumes.push_back(kubeApiAccessVolume(nameSuffix(std::hash<std::string>{}(ns + "/" + name))));
    if (owner.value("kind", "") == "DaemonSet" && !node.empty()) {
        // The DaemonSet controller pins each pod to its node with a field affinity.
        json requirement = {
            {"key", "metadata.name"}, {"operator", "In"}, {"values", json::array({node})}};
        json term = {{"matchFields", json::array({requirement})}};
        json affinity;
        affinity["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]
                ["nodeSelectorTerms"] = json::array({std::move(term)});
        spec["affinity"] = std::move(affinity);
    }
    if (!node.empty())
        spec["nodeName"] = node;
    pod["spec"] = std::move(spec);
    setPodState(pod, node.empty() ? PodState::Unscheduled : PodState::ContainerCreating);
    return pod;
}

json WorkloadFactory::barePod(const std::string &name, const std::string &ns,
                              const json &podTemplate, const std::string &node)
{
    json pod = {{"kind", "Pod"}, {"apiVersion", "v1"}};
    json meta = podTemplate.value("metadata", json::object());
    meta.erase("creationTimestamp");
    meta["name"] = name;
    meta["namespace"] = ns;
    pod["metadata"] = meta;
    json spec = podTemplate["spec"];
    json volumes = spec.value("volumes", json::array());
    volumes.push_back(kubeApiAccessVolume(nameSuffix(std::hash<std::string>{}(ns + "/" + name))));
    spec["volumes"] = volumes;
    pod["spec"] = spec;
    if (!node.empty())
        pod["spec"]["nodeName"] = node;
    setPodState(pod, node.empty() ? PodState::Unscheduled : PodState::ContainerCreating);
    return pod;
}

json WorkloadFactory::mirrorPod(const std::string &name, const std::string &node,
                                const std::string &nodeUid, const std::string &image)
{
    PodTemplateOptions o;
    o.containerName = name.substr(0, name.find('-'));
    o.image = image;
    o.systemDaemon = true;
    o.labels = {{"component", o.containerName}, {"tier", "control-plane"}};
    json tmpl = podTemplate(o);
    json pod = {{"kind", "Pod"}, {"apiVersion", "v1"}};
    const std::string hash = hashHex(name + node, 32);
    pod["metadata"] = {{"name", name},
                       {"namespace", "kube-system"},
                       {"labels", tmpl["metadata"]["labels"]},
                       {"annotations",
                        {{"kubernetes.io/config.hash", hash},
                         {"kubernetes.io/config.mirror", hash},
                         {"kubernetes.io/config.seen", nowRfc3339()},
                         {"kubernetes.io/config.source", "file"}}},
                       {"ownerReferences",
                        {{{"apiVersion", "v1"},
                          {"kind", "Node"},
                          {"name", node},
                          {"uid", nodeUid},
                          {"controller", true}}}}};
    pod["spec"] = tmpl["spec"];
    pod["spec"]["nodeName"] = node;
    setPodState(pod, PodState::ContainerCreating);
    return pod;
}

json WorkloadFactory::lease(const std::string &node, const std::string &nodeUid)
{
    const std::string now = QDateTime::currentDateTimeUtc()
                                .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"))
                                .toStdString();
    return {{"kind", "Lease"},
            {"apiVersion", "coordination.k8s.io/v1"},
            {"metadata",
             {{"name", node},
              {"namespace", "kube-node-lease"},
              {"ownerReferences",
               {{{"apiVersion", "v1"}, {"kind", "Node"}, {"name", node}, {"uid", nodeUid}}}}}},
            {"spec", {{"holderIdentity", node}, {"leaseDurationSeconds", 40}, {"renewTime", now}}}};
}

void WorkloadFactory::setPodState(json &pod, PodState state, const std::string &hostIP,
                                  const std::string &podIP)
{
    const std::string now = nowRfc3339();
    json status = json::object();
    if (auto it = pod.find("status"); it != pod.end() && !it->is_null())
        status = std::move(*it);
    json &spec = pod["spec"];
    const json &containers = arrayAt(spec, "containers");
    std::vector<std::string> names;
    for (const json &c : containers)
        names.push_back(c.value("name", ""));
    std::string unready;
    for (const std::string &n : names)
        unready += (unready.empty() ? "" : " ") + n;
    const std::string notReadyMessage = "containers with unready status: [" + unready + "]";

    const bool scheduled = state != PodState::Unscheduled;
    const bool started = state == PodState::Running || state == PodState::RunningNotReady ||
                         state == PodState::Succeeded || state == PodState::Failed;
    const bool ready = state == PodState::Running;
    json conditions = json::array();
    if (!scheduled) {
        status = json::object();
        status["phase"] = "Pending";
        status["qosClass"] = "Burstable";
        status["conditions"] = {condition("PodScheduled", false, now, "Unschedulable",
                                          "0/0 nodes are available: waiting for the scheduler.")};
        pod["status"] = std::move(status);
        return;
    }
    if (started && !status.contains("startTime"))
        status["startTime"] = now;
    if (!status.contains("startTime"))
        status["startTime"] = now;
    if (!hostIP.empty()) {
        status["hostIP"] = hostIP;
        status["hostIPs"] = {{{"ip", hostIP}}};
    }
    const bool hostNetwork = spec.value("hostNetwork", false);
    const std::string ip = hostNetwork ? status.value("hostIP", "") : podIP;
    if (!ip.empty() && state != PodState::ContainerCreating) {
        status["podIP"] = ip;
        status["podIPs"] = {{{"ip", ip}}};
    }
    const bool terminal = state == PodState::Succeeded || state == PodState::Failed;
    conditions.push_back(condition("PodReadyToStartContainers", started && !terminal, now));
    conditions.push_back(condition("Initialized", true, now));
    conditions.push_back(condition(
        "Ready", ready, now, ready ? nullptr : (terminal ? "PodCompleted" : "ContainersNotReady"),
        ready || terminal ? std::string() : notReadyMessage));
    conditions.push_back(
        condition("ContainersReady", ready, now,
                  ready ? nullptr : (terminal ? "PodCompleted" : "ContainersNotReady"),
                  ready || terminal ? std::string() : notReadyMessage));
    conditions.push_back(condition("PodScheduled", true, now));
    // Keep transition times of conditions whose status did not change.
    for (json &c : conditions)
        for (const json &old : arrayAt(status, "conditions"))
            if (old.value("type", "") == c.value("type", "") &&
                old.value("status", "") == c.value("status", ""))
                c["lastTransitionTime"] = old.value("lastTransitionTime", now);
    status["conditions"] = std::move(conditions);

    json statuses = json::array();
    for (const json &c : containers) {
        const std::string image = c.value("image", "");
        json cs = {{"name", c.value("name", "")},
                   {"image", image},
                   {"imageID", ""},
                   {"ready", ready},
                   {"restartCount", 0},
                   {"started", started && !terminal},
                   {"lastState", json::object()}};
        if (state == PodState::ContainerCreating) {
            cs["state"] = {{"waiting", {{"reason", "ContainerCreating"}}}};
        } else if (terminal) {
            const bool ok = state == PodState::Succeeded;
            cs["state"] = {{"terminated",
                            {{"exitCode", ok ? 0 : 1},
                             {"reason", ok ? "Completed" : "Error"},
                             {"startedAt", status.value("startTime", now)},
                             {"finishedAt", now},
                             {"containerID", "containerd://" + hashHex(image + now, 64)}}}};
        } else {
            cs["state"] = {{"running", {{"startedAt", now}}}};
            cs["containerID"] =
                "containerd://" +
                hashHex(pod["metadata"].value("uid", "") + cs.value("name", ""), 64);
            cs["imageID"] = image.substr(0, image.rfind(':')) + "@sha256:" + hashHex(image, 64);
        }
        // Keep the running container's identity across readiness flips.
        for (const json &old : arrayAt(status, "containerStatuses"))
            if (old.value("name", "") == cs.value("name", "") && old.contains("state") &&
                old["state"].contains("running") && cs["state"].contains("running")) {
                cs["state"] = old["state"];
                cs["containerID"] = old.value("containerID", "");
            }
        statuses.push_back(std::move(cs));
    }
    status["containerStatuses"] = std::move(statuses);
    status["phase"] = state == PodState::ContainerCreating ? "Pending"
                      : state == PodState::Succeeded       ? "Succeeded"
                      : state == PodState::Failed          ? "Failed"
                                                           : "Running";
    status["qosClass"] = "Burstable";
    pod["status"] = std::move(status);
}

} // namespace sim

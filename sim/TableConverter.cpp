#include "sim/TableConverter.h"

#include <QDateTime>

#include <set>

namespace sim {

namespace {

const char *const NameDoc =
    "Name must be unique within a namespace. Is required when creating resources, although some "
    "resources may allow a client to request the generation of an appropriate name automatically. "
    "Name is primarily intended for creation idempotence and configuration definition. Cannot be "
    "updated. More info: "
    "https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";
const char *const AgeDoc =
    "CreationTimestamp is a timestamp representing the server time when this object was created. "
    "It is not guaranteed to be set in happens-before order across separate operations. Clients "
    "may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the "
    "system. Read-only. Null for lists. More info: "
    "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

json column(const char *name, const char *type, const std::string &description, int priority = 0,
            const char *format = "")
{
    return {{"name", name},
            {"type", type},
            {"format", format},
            {"description", description},
            {"priority", priority}};
}

std::string str(const json &obj, std::initializer_list<const char *> path)
{
    const json *cur = &obj;
    for (const char *p : path) {
        if (!cur->is_object() || !cur->contains(p))
            return {};
        cur = &(*cur)[p];
    }
    return cur->is_string() ? cur->get<std::string>() : std::string();
}

std::int64_t num(const json &obj, std::initializer_list<const char *> path)
{
    const json *cur = &obj;
    for (const char *p : path) {
        if (!cur->is_object() || !cur->contains(p))
            return 0;
        cur = &(*cur)[p];
    }
    return cur->is_number() ? cur->get<std::int64_t>() : 0;
}

std::string createdAge(const json &obj)
{
    return TableConverter::age(str(obj, {"metadata", "creationTimestamp"}));
}

std::string joinContainers(const json &podSpec, const char *field)
{
    std::string out;
    for (const json &c : podSpec.value("containers", json::array()))
        out += (out.empty() ? "" : ",") + c.value(field, "");
    return out;
}

// metav1.FormatLabelSelector
std::string formatSelector(const json &sel)
{
    if (!sel.is_object())
        return "<none>";
    std::vector<std::string> parts;
    const json matchLabels = sel.value("matchLabels", json::object());
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it)
        parts.push_back(it.key() + "=" +
                        (it.value().is_string() ? it.value().get<std::string>() : ""));
    for (const json &e : sel.value("matchExpressions", json::array())) {
        const std::string op = e.value("operator", "");
        std::string values;
        for (const json &v : e.value("values", json::array()))
            values += (values.empty() ? "" : ",") + v.get<std::string>();
        if (op == "In")
            parts.push_back(e.value("key", "") + " in (" + values + ")");
        else if (op == "NotIn")
            parts.push_back(e.value("key", "") + " notin (" + values + ")");
        else if (op == "Exists")
            parts.push_back(e.value("key", ""));
        else if (op == "DoesNotExist")
            parts.push_back("!" + e.value("key", ""));
    }
    std::string out;
    for (const std::string &p : parts)
        out += (out.empty() ? "" : ",") + p;
    return out.empty() ? "<none>" : out;
}

json nodeCells(const json &node)
{
    const json status0 = node.value("status", json::object());
    const json spec0 = node.value("spec", json::object());
    const json meta0 = node.value("metadata", json::object());
    std::string ready;
    for (const json &c : status0.value("conditions", json::array()))
        if (c.value("type", "") == "Ready")
            ready = c.value("status", "") == "True" ? "Ready" : "NotReady";
    std::string status = ready.empty() ? "Unknown" : ready;
    if (spec0.value("unschedulable", false))
        status += ",SchedulingDisabled";
    std::set<std::string> roles;
    const json labels = meta0.value("labels", json::object());
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        const std::string k = it.key();
        const std::string prefix = "node-role.kubernetes.io/";
        if (k.starts_with(prefix) && k.size() > prefix.size())
            roles.insert(k.substr(prefix.size()));
        else if (k == "kubernetes.io/role" && it.value().is_string() &&
                 !it.value().get<std::string>().empty())
            roles.insert(it.value().get<std::string>());
    }
    std::string roleText;
    for (const std::string &r : roles)
        roleText += (roleText.empty() ? "" : ",") + r;
    std::string internal = "<none>", external = "<none>";
    for (const json &a : status0.value("addresses", json::array())) {
        if (a.value("type", "") == "InternalIP" && internal == "<none>")
            internal = a.value("address", "");
        if (a.value("type", "") == "ExternalIP" && external == "<none>")
            external = a.value("address", "");
    }
    auto orUnknown = [](std::string s) { return s.empty() ? std::string("<unknown>") : s; };
    return {meta0.value("name", ""),
            status,
            roleText.empty() ? "<none>" : roleText,
            createdAge(node),
            str(node, {"status", "nodeInfo", "kubeletVersion"}),
            internal,
            external,
            orUnknown(str(node, {"status", "nodeInfo", "osImage"})),
            orUnknown(str(node, {"status", "nodeInfo", "kernelVersion"})),
            orUnknown(str(node, {"status", "nodeInfo", "containerRuntimeVersion"}))};
}

json podCells(const json &pod)
{
    const json spec0 = pod.value("spec", json::object());
    const json meta0 = pod.value("metadata", json::object());
    const json &status = pod.value("status", json::object());
    const std::string phase = status.value("phase", "");
    std::string reason = status.value("reason", "").empty() ? phase : status.value("reason", "");
    for (const json &c : status.value("conditions", json::array()))
        if (c.value("type", "") == "PodScheduled" && c.value("reason", "") == "SchedulingGated")
            reason = "SchedulingGated";
    const int total = int(spec0.value("containers", json::array()).size());
    int ready = 0;
    std::int64_t restarts = 0;
    bool hasRunning = false;
    const json statuses = status.value("containerStatuses", json::array());
    for (auto it = statuses.rbegin(); it != statuses.rend(); ++it) {
        const json &cs = *it;
        restarts += cs.value("restartCount", 0);
        const json state = cs.value("state", json::object());
        if (state.contains("waiting") && !state["waiting"].value("reason", "").empty())
            reason = state["waiting"].value("reason", "");
        else if (state.contains("terminated") && !state["terminated"].value("reason", "").empty())
            reason = state["terminated"].value("reason", "");
        else if (state.contains("terminated"))
            reason = state["terminated"].value("signal", 0) != 0
                         ? "Signal:" + std::to_string(state["terminated"].value("signal", 0))
                         : "ExitCode:" + std::to_string(state["terminated"].value("exitCode", 0));
        else if (cs.value("ready", false) && state.contains("running")) {
            hasRunning = true;
            ++ready;
        }
    }
    if (reason == "Completed" && hasRunning) {
        bool readyCondition = false;
        for (const json &c : status.value("conditions", json::array()))
            if (c.value("type", "") == "Ready" && c.value("status", "") == "True")
                readyCondition = true;
        reason = readyCondition ? "Running" : "NotReady";
    }
    const bool deleting = meta0.contains("deletionTimestamp");
    if (deleting && status.value("reason", "") == "NodeLost")
        reason = "Unknown";
    else if (deleting && phase != "Succeeded" && phase != "Failed")
        reason = "Terminating";
    std::string ip = "<none>";
    if (auto ips = status.value("podIPs", json::array()); !ips.empty())
        ip = ips[0].value("ip", "<none>");
    const std::string node = spec0.value("nodeName", "");
    const std::string nominated = status.value("nominatedNodeName", "");
    std::string gates = "<none>";
    if (auto rg = spec0.value("readinessGates", json::array()); !rg.empty()) {
        int trueGates = 0;
        for (const json &g : rg)
            for (const json &c : status.value("conditions", json::array()))
                if (c.value("type", "") == g.value("conditionType", "") &&
                    c.value("status", "") == "True")
                    ++trueGates;
        gates = std::to_string(trueGates) + "/" + std::to_string(rg.size());
    }
    return {meta0.value("name", ""),
            std::to_string(ready) + "/" + std::to_string(total),
            reason,
            std::to_string(restarts),
            createdAge(pod),
            ip,
            node.empty() ? "<none>" : node,
            nominated.empty() ? "<none>" : nominated,
            gates};
}

json eventCells(const json &e)
{
    std::string first = TableConverter::age(e.value("firstTimestamp", json()).is_string()
                                                ? e["firstTimestamp"].get<std::string>()
                                                : "");
    if (!e.value("firstTimestamp", json()).is_string())
        first = TableConverter::age(
            e.value("eventTime", json()).is_string() ? e["eventTime"].get<std::string>() : "");
    std::string last = e.value("lastTimestamp", json()).is_string()
                           ? TableConverter::age(e["lastTimestamp"].get<std::string>())
                           : first;
    std::int64_t count = e.value("count", std::int64_t(0));
    if (count == 0)
        count = 1;
    const std::string kind = str(e, {"involvedObject", "kind"});
    std::string lowerKind;
    for (char c : kind)
        lowerKind += char(std::tolower(c));
    const std::string name = str(e, {"involvedObject", "name"});
    const std::string target = name.empty() ? lowerKind : lowerKind + "/" + name;
    std::string source = str(e, {"source", "component"});
    if (source.empty())
        source = e.value("reportingComponent", "");
    if (const std::string host = str(e, {"source", "host"}); !host.empty())
        source += ", " + host;
    std::string message = e.value("message", "");
    while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back())))
        message.pop_back();
    return {last,
            e.value("type", ""),
            e.value("reason", ""),
            target,
            str(e, {"involvedObject", "fieldPath"}),
            source,
            message,
            first,
            count,
            e.value("metadata", json::object()).value("name", "")};
}

} // namespace

std::string TableConverter::humanDuration(qint64 ms)
{
    const long long seconds = ms / 1000;
    if (seconds < -1)
        return "<invalid>";
    if (seconds < 0)
        return "0s";
    if (seconds < 60 * 2)
        return std::to_string(seconds) + "s";
    const long long minutes = seconds / 60;
    if (minutes < 10) {
        const long long s = seconds % 60;
        return s == 0 ? std::to_string(minutes) + "m"
                      : std::to_string(minutes) + "m" + std::to_string(s) + "s";
    }
    if (minutes < 60 * 3)
        return std::to_string(minutes) + "m";
    const long long hours = seconds / 3600;
    if (hours < 8) {
        const long long m = minutes % 60;
        return m == 0 ? std::to_string(hours) + "h"
                      : std::to_string(hours) + "h" + std::to_string(m) + "m";
    }
    if (hours < 48)
        return std::to_string(hours) + "h";
    if (hours < 24 * 8) {
        const long long h = hours % 24;
        return h == 0 ? std::to_string(hours / 24) + "d"
                      : std::to_string(hours / 24) + "d" + std::to_string(h) + "h";
    }
    if (hours < 24 * 365 * 2)
        return std::to_string(hours / 24) + "d";
    if (hours < 24 * 365 * 8) {
        const long long dy = (hours / 24) % 365;
        return dy == 0 ? std::to_string(hours / 24 / 365) + "y"
                       : std::to_string(hours / 24 / 365) + "y" + std::to_string(dy) + "d";
    }
    return std::to_string(hours / 24 / 365) + "y";
}

std::string TableConverter::age(const std::string &timestamp)
{
    if (timestamp.empty())
        return "<unknown>";
    const QDateTime t = QDateTime::fromString(QString::fromStdString(timestamp), Qt::ISODateWithMs);
    if (!t.isValid())
        return "<unknown>";
    return humanDuration(QDateTime::currentMSecsSinceEpoch() - t.toMSecsSinceEpoch());
}

json TableConverter::columns(const std::string &r)
{
    if (r == "nodes")
        return {
            column("Name", "string", NameDoc, 0, "name"),
            column("Status", "string", "The status of the node"),
            column("Roles", "string", "The roles of the node"),
            column("Age", "string", AgeDoc),
            column("Version", "string", "Kubelet Version reported by the node."),
            column("Internal-IP", "string", "List of addresses reachable to the node.", 1),
            column("External-IP", "string", "List of addresses reachable to the node.", 1),
            column("OS-Image", "string",
                   "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 "
                   "(wheezy)).",
                   1),
            column(
                "Kernel-Version", "string",
                "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
                1),
            column("Container-Runtime", "string",
                   "ContainerRuntime Version reported by the node through runtime remote API (e.g. "
                   "containerd://1.4.2).",
                   1)};
    if (r == "pods")
        return {
            column("Name", "string", NameDoc, 0, "name"),
            column("Ready", "string",
                   "The aggregate readiness state of this pod for accepting traffic."),
            column("Status", "string", "The aggregate status of the containers in this pod."),
            column("Restarts", "string",
                   "The number of times the containers in this pod have been restarted and when "
                   "the last container in this pod has restarted."),
            column("Age", "string", AgeDoc),
            column("IP", "string",
                   "podIP address allocated to the pod. Routable at least within the cluster. "
                   "Empty if not yet allocated.",
                   1),
            column("Node", "string", "NodeName indicates in which node this pod is scheduled.", 1),
            column("Nominated Node", "string",
                   "nominatedNodeName is set only when this pod preempts other pods on the node.",
                   1),
            column("Readiness Gates", "string",
                   "If specified, all readiness gates will be evaluated for pod readiness.", 1)};
    if (r == "events")
        return {
            column("Last Seen", "string",
                   "The time at which the most recent occurrence of this event was recorded."),
            column("Type", "string",
                   "Type of this event (Normal, Warning), new types could be added in the future"),
            column("Reason", "string",
                   "This should be a short, machine understandable string that gives the reason "
                   "for the transition into the object's current status."),
            column("Object", "string", "The object that this event is about."),
            column("Subobject", "string",
                   "If referring to a piece of an object instead of an entire object, this string "
                   "should contain a valid JSON/Go field access statement.",
                   1),
            column("Source", "string",
                   "The component reporting this event. Should be a short machine understandable "
                   "string.",
                   1),
            column("Message", "string",
                   "A human-readable description of the status of this operation."),
            column("First Seen", "string",
                   "The time at which the event was first recorded. (Time of server receipt is in "
                   "TypeMeta.)",
                   1),
            column("Count", "string", "The number of times this event has occurred.", 1),
            column("Name", "string", NameDoc, 1, "name")};
    if (r == "namespaces")
        return {column("Name", "string", NameDoc, 0, "name"),
                column("Status", "string", "The status of the namespace"),
                column("Age", "string", AgeDoc)};
    if (r == "replicasets")
        return {
            column("Name", "string", NameDoc, 0, "name"),
            column("Desired", "integer", "Replicas is the number of desired replicas."),
            column("Current", "integer",
                   "Replicas is the most recently observed number of replicas."),
            column("Ready", "integer", "The number of ready replicas for this replica set."),
            column("Age", "string", AgeDoc),
            column("Containers", "string", "Names of each container in the template.", 1),
            column("Images", "string", "Images referenced by each container in the template.", 1),
            column("Selector", "string",
                   "Selector is a label query over pods that should match the replica count.", 1)};
    if (r == "daemonsets")
        return {
            column("Name", "string", NameDoc, 0, "name"),
            column("Desired", "integer",
                   "The total number of nodes that should be running the daemon pod."),
            column("Current", "integer",
                   "The number of nodes that are running at least 1 daemon pod and are supposed to "
                   "run the daemon pod."),
            column("Ready", "integer",
                   "The number of nodes that should be running the daemon pod and have one or more "
                   "of the daemon pod running and ready."),
            column("Up-to-date", "integer",
                   "The total number of nodes that are running updated daemon pod"),
            column("Available", "integer",
                   "The number of nodes that should be running the daemon pod and have one or more "
                   "of the daemon pod running and available."),
            column("Node Selector", "string",
                   "NodeSelector is a selector which must be true for the pod to fit on a node."),
            column("Age", "string", AgeDoc),
            column("Containers", "string", "Names of each container in the template.", 1),
            column("Images", "string", "Images referenced by each container in the template.", 1),
            column("Selector", "string",
                   "A label query over pods that are managed by the daemon set.", 1)};
    if (r == "poddisruptionbudgets")
        return {
            column("Name", "string", NameDoc, 0, "name"),
            column("Min Available", "string", "The minimum number of pods that must be available."),
            column("Max Unavailable", "string",
                   "The maximum number of pods that may be unavailable."),
            column("Allowed Disruptions", "integer",
                   "Calculated number of pods that may be disrupted at this time."),
            column("Age", "string", AgeDoc)};
    if (r == "leases")
        return {column("Name", "string", NameDoc, 0, "name"),
                column("Holder", "string",
                       "holderIdentity contains the identity of the holder of a current lease."),
                column("Age", "string", AgeDoc)};
    return {column("Name", "string", NameDoc, 0, "name"),
            column("Created At", "date",
                   "CreationTimestamp is a timestamp representing the server time when this object "
                   "was created.")};
}

json TableConverter::cells(const std::string &r, const json &o)
{
    if (r == "nodes")
        return nodeCells(o);
    if (r == "pods")
        return podCells(o);
    if (r == "events")
        return eventCells(o);
    const std::string name = str(o, {"metadata", "name"});
    if (r == "namespaces")
        return {name, str(o, {"status", "phase"}), createdAge(o)};
    if (r == "replicasets") {
        const json spec = o.value("spec", json::object());
        const json podSpec = spec.value("template", json::object()).value("spec", json::object());
        return {name,
                num(o, {"spec", "replicas"}),
                num(o, {"status", "replicas"}),
                num(o, {"status", "readyReplicas"}),
                createdAge(o),
                joinContainers(podSpec, "name"),
                joinContainers(podSpec, "image"),
                formatSelector(spec.value("selector", json()))};
    }
    if (r == "daemonsets") {
        const json spec = o.value("spec", json::object());
        const json podSpec = spec.value("template", json::object()).value("spec", json::object());
        std::string nodeSelector;
        const json selector = podSpec.value("nodeSelector", json::object());
        for (auto it = selector.begin(); it != selector.end(); ++it)
            nodeSelector +=
                (nodeSelector.empty() ? "" : ",") + it.key() + "=" + it.value().get<std::string>();
        return {name,
                num(o, {"status", "desiredNumberScheduled"}),
                num(o, {"status", "currentNumberScheduled"}),
                num(o, {"status", "numberReady"}),
                num(o, {"status", "updatedNumberScheduled"}),
                num(o, {"status", "numberAvailable"}),
                nodeSelector.empty() ? "<none>" : nodeSelector,
                createdAge(o),
                joinContainers(podSpec, "name"),
                joinContainers(podSpec, "image"),
                formatSelector(spec.value("selector", json()))};
    }
    if (r == "poddisruptionbudgets") {
        const json spec = o.value("spec", json::object());
        auto text = [](const json &v) {
            return v.is_null()     ? std::string("N/A")
                   : v.is_string() ? v.get<std::string>()
                                   : v.dump();
        };
        return {name, text(spec.value("minAvailable", json())),
                text(spec.value("maxUnavailable", json())),
                num(o, {"status", "disruptionsAllowed"}), createdAge(o)};
    }
    if (r == "leases")
        return {name, str(o, {"spec", "holderIdentity"}), createdAge(o)};
    return {name, str(o, {"metadata", "creationTimestamp"})};
}

json TableConverter::partialObjectMetadata(const json &object, const std::string &apiVersion)
{
    return {{"kind", "PartialObjectMetadata"},
            {"apiVersion", apiVersion},
            {"metadata", object.value("metadata", json::object())}};
}

json TableConverter::table(const std::string &resource, const std::vector<json> &objects,
                           bool withHeaders, const std::string &includeObject,
                           const std::string &apiVersion, const json &listMeta)
{
    json rows = json::array();
    for (const json &o : objects) {
        json row = {{"cells", cells(resource, o)}};
        if (includeObject == "Object")
            row["object"] = o;
        else if (includeObject != "None")
            row["object"] = partialObjectMetadata(o, apiVersion);
        if (resource == "pods") {
            const std::string phase = o.value("status", json::object()).value("phase", "");
            if (phase == "Succeeded")
                row["conditions"] = {{{"type", "Completed"},
                                      {"status", "True"},
                                      {"reason", "Succeeded"},
                                      {"message", "The pod has completed successfully."}}};
            else if (phase == "Failed")
                row["conditions"] = {{{"type", "Completed"},
                                      {"status", "True"},
                                      {"reason", "Failed"},
                                      {"message", "The pod failed."}}};
        }
        rows.push_back(std::move(row));
    }
    return {{"kind", "Table"},
            {"apiVersion", apiVersion},
            {"metadata", listMeta},
            {"columnDefinitions", withHeaders ? columns(resource) : json()},
            {"rows", rows}};
}

} // namespace sim

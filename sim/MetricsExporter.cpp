#include "sim/MetricsExporter.h"

#include "sim/ObjectStore.h"

#include <cmath>
#include <cstdlib>
#include <map>
#include <string_view>

namespace sim {

namespace {

struct Family
{
    const char *name;
    const char *help;
    std::string samples;
};

template <typename Labels>
void appendSample(std::string &out, const char *metric, const Labels &labels, double value)
{
    out += metric;
    out += '{';
    bool first = true;
    for (const auto &[key, v] : labels) {
        if (!first)
            out += ',';
        first = false;
        out += key;
        out += "=\"";
        out += MetricsExporter::escapeLabelValue(v);
        out += '"';
    }
    out += "} ";
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        out += std::to_string(static_cast<long long>(value));
    } else {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", value);
        out += buf;
    }
    out += '\n';
}

void appendSample(std::string &out, const char *metric,
                  std::initializer_list<std::pair<const char *, std::string>> labels, double value)
{
    appendSample<std::initializer_list<std::pair<const char *, std::string>>>(out, metric, labels,
                                                                              value);
}

std::string stringAt(const json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void appendResources(std::string &out, const char *metric, const std::string &node,
                     const json &list)
{
    if (!list.is_object())
        return;
    for (const auto &[resource, quantity] : list.items()) {
        double value = 0;
        if (!quantity.is_string() || !MetricsExporter::parseQuantity(quantity, &value))
            continue;
        appendSample(out, metric,
                     {{"node", node},
                      {"resource", MetricsExporter::sanitizeLabelName(resource)},
                      {"unit", MetricsExporter::resourceUnit(resource)}},
                     value);
    }
}

} // namespace

MetricsExporter::MetricsExporter(const ObjectStore *store)
    : m_store(store)
{}

std::string MetricsExporter::sanitizeLabelName(const std::string &name)
{
    std::string out = name;
    for (char &c : out) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok)
            c = '_';
    }
    return out;
}

std::vector<std::pair<std::string, std::string>>
MetricsExporter::nodeLabelPairs(const std::string &node,
                                const std::map<std::string, std::string> &labels)
{
    std::vector<std::pair<std::string, std::string>> out{{"node", node}};
    // The keys in order; where two sanitise to one name, each gets a numbered suffix, so that
    // no label is lost and the series stays valid.
    std::map<std::string, std::vector<std::size_t>> byName; // sanitised name -> indexes in out
    for (const auto &[key, value] : labels) {
        const std::string name = "label_" + sanitizeLabelName(key);
        byName[name].push_back(out.size());
        out.emplace_back(name, value);
    }
    for (const auto &[name, indexes] : byName)
        if (indexes.size() > 1)
            for (std::size_t i = 0; i < indexes.size(); ++i)
                out[indexes[i]].first = name + "_conflict" + std::to_string(i + 1);
    return out;
}

std::string MetricsExporter::resourceUnit(const std::string &resource)
{
    // kube-state-metrics' rules (internal/store/node.go): cpu in cores; memory, storage and
    // huge pages in bytes; pods and extended resources (accelerators) as integers.
    if (resource == "cpu")
        return "core";
    if (resource == "memory" || resource == "storage" || resource == "ephemeral-storage" ||
        resource.rfind("hugepages-", 0) == 0 || resource.rfind("attachable-volumes-", 0) == 0)
        return "byte";
    return "integer";
}

bool MetricsExporter::parseQuantity(const std::string &text, double *value)
{
    if (text.empty())
        return false;
    char *end = nullptr;
    const double number = std::strtod(text.c_str(), &end);
    if (end == text.c_str())
        return false;
    const std::string_view suffix(end);
    static const std::pair<std::string_view, double> suffixes[] = {{"", 1},
                                                                   {"n", 1e-9},
                                                                   {"u", 1e-6},
                                                                   {"m", 1e-3},
                                                                   {"k", 1e3},
                                                                   {"M", 1e6},
                                                                   {"G", 1e9},
                                                                   {"T", 1e12},
                                                                   {"P", 1e15},
                                                                   {"E", 1e18},
                                                                   {"Ki", 1024.0},
                                                                   {"Mi", 1048576.0},
                                                                   {"Gi", 1073741824.0},
                                                                   {"Ti", 1099511627776.0},
                                                                   {"Pi", 1125899906842624.0},
                                                                   {"Ei", 1152921504606846976.0}};
    for (const auto &[s, factor] : suffixes) {
        if (suffix == s) {
            *value = number * factor;
            return std::isfinite(*value);
        }
    }
    return false;
}

std::string MetricsExporter::escapeLabelValue(const std::string &value)
{
    std::string out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray MetricsExporter::render() const
{
    Family conditions{"kube_node_status_condition", "The condition of a cluster node.", {}};
    Family taints{"kube_node_spec_taint", "The taint of a cluster node.", {}};
    Family unschedulable{
        "kube_node_spec_unschedulable", "Whether a node can schedule new pods.", {}};
    Family capacity{
        "kube_node_status_capacity", "The capacity for different resources of a node.", {}};
    Family allocatable{"kube_node_status_allocatable",
                       "The allocatable for different resources of a node that are available "
                       "for scheduling.",
                       {}};
    Family labels{"kube_node_labels", "Kubernetes labels converted to Prometheus labels.", {}};
    static const char *const statuses[] = {"True", "False", "Unknown"};
    static const char *const statusLabels[] = {"true", "false", "unknown"};

    for (const StoredObject *object : m_store->list("nodes")) {
        const json node = object->parse();
        const std::string name = node.value("/metadata/name"_json_pointer, std::string());
        const json spec = node.value("spec", json::object());
        std::map<std::string, std::string> nodeLabels;
        const json labelObject = node.value("/metadata/labels"_json_pointer, json::object());
        for (const auto &[key, value] : labelObject.items())
            if (value.is_string())
                nodeLabels[key] = value.get<std::string>();
        appendSample(labels.samples, labels.name, nodeLabelPairs(name, nodeLabels), 1);
        const json status = node.value("status", json::object());

        const json conds = status.value("conditions", json::array());
        for (const json &c : conds) {
            const std::string type = stringAt(c, "type");
            const std::string current = stringAt(c, "status");
            if (type.empty())
                continue;
            for (int i = 0; i < 3; ++i)
                appendSample(conditions.samples, conditions.name,
                             {{"node", name}, {"condition", type}, {"status", statusLabels[i]}},
                             current == statuses[i] ? 1 : 0);
        }
        for (const json &t : spec.value("taints", json::array()))
            appendSample(taints.samples, taints.name,
                         {{"node", name},
                          {"key", stringAt(t, "key")},
                          {"value", stringAt(t, "value")},
                          {"effect", stringAt(t, "effect")}},
                         1);
        const auto u = spec.find("unschedulable");
        appendSample(unschedulable.samples, unschedulable.name, {{"node", name}},
                     u != spec.end() && u->is_boolean() && u->get<bool>() ? 1 : 0);
        appendResources(capacity.samples, capacity.name, name,
                        status.value("capacity", json::object()));
        appendResources(allocatable.samples, allocatable.name, name,
                        status.value("allocatable", json::object()));
    }

    std::string out;
    for (const Family *f :
         {&conditions, &taints, &unschedulable, &capacity, &allocatable, &labels}) {
        out += "# HELP ";
        out += f->name;
        out += ' ';
        out += f->help;
        out += "\n# TYPE ";
        out += f->name;
        out += " gauge\n";
        out += f->samples;
    }
    return QByteArray::fromStdString(out);
}

} // namespace sim

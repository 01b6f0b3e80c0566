#include "sim/Discovery.h"

#include <QStringList>

#include <algorithm>

namespace sim {

Discovery::Discovery(const ResourceRegistry *registry)
    : m_registry(registry)
{}

json Discovery::version() const
{
    const ApiLevel level = m_registry->apiLevel();
    const char *minor = level == ApiLevel::V1_20 ? "20" : level == ApiLevel::V1_21 ? "21" : "30";
    return {{"major", "1"},
            {"minor", minor},
            {"gitVersion", std::string("v1.") + minor + ".0-kubesim"},
            {"gitCommit", "kubesim"},
            {"gitTreeState", "clean"},
            {"buildDate", "2026-01-01T00:00:00Z"},
            {"goVersion", "go1.22.0"},
            {"compiler", "gc"},
            {"platform", "linux/amd64"}};
}

json Discovery::resourceList(const std::string &groupVersion) const
{
    json resources = json::array();
    for (const ResourceInfo &r : m_registry->resources()) {
        if (r.groupVersion() != groupVersion)
            continue;
        json entry = {{"name", r.plural},
                      {"singularName", r.singular},
                      {"namespaced", r.namespaced},
                      {"kind", r.kind},
                      {"verbs", r.verbs}};
        if (!r.shortNames.empty())
            entry["shortNames"] = r.shortNames;
        if (!r.categories.empty())
            entry["categories"] = r.categories;
        resources.push_back(entry);
        // Subresources have an empty singularName, as on kube-apiserver.
        for (const std::string &sub : r.subresources) {
            if (sub == "eviction")
                resources.push_back(
                    {{"name", r.plural + "/eviction"},
                     {"singularName", ""},
                     {"namespaced", true},
                     {"group", "policy"},
                     {"version", m_registry->apiLevel() == ApiLevel::Current ? "v1" : "v1beta1"},
                     {"kind", "Eviction"},
                     {"verbs", {"create"}}});
            else
                resources.push_back(
                    {{"name", r.plural + "/" + sub},
                     {"singularName", ""},
                     {"namespaced", r.namespaced},
                     {"kind", sub == "log" ? "Pod" : r.kind},
                     {"verbs", sub == "log" ? json{"get"} : json{"get", "patch", "update"}}});
        }
    }
    return json{{"kind", "APIResourceList"},
                {"apiVersion", "v1"},
                {"groupVersion", groupVersion},
                {"resources", resources}};
}

json Discovery::group(const std::string &name) const
{
    json versions = json::array();
    for (const ResourceInfo &r : m_registry->resources()) {
        if (r.group != name)
            continue;
        const json gv = {{"groupVersion", r.groupVersion()}, {"version", r.version}};
        if (std::find(versions.begin(), versions.end(), gv) == versions.end())
            versions.push_back(gv);
    }
    return json{{"name", name}, {"versions", versions}, {"preferredVersion", versions[0]}};
}

std::optional<json> Discovery::document(const QString &path) const
{
    if (path == QLatin1String("/api"))
        return json{{"kind", "APIVersions"},
                    {"versions", {"v1"}},
                    {"serverAddressByClientCIDRs",
                     {{{"clientCIDR", "0.0.0.0/0"}, {"serverAddress", "127.0.0.1:6443"}}}}};
    if (path == QLatin1String("/api/v1"))
        return resourceList("v1");
    if (path == QLatin1String("/apis")) {
        json groups = json::array();
        std::vector<std::string> seen;
        for (const ResourceInfo &r : m_registry->resources()) {
            if (r.group.empty() || std::find(seen.begin(), seen.end(), r.group) != seen.end())
                continue;
            seen.push_back(r.group);
            groups.push_back(group(r.group));
        }
        return json{{"kind", "APIGroupList"}, {"apiVersion", "v1"}, {"groups", groups}};
    }
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() == 3 && parts[0] == QLatin1String("apis")) {
        json list = resourceList(parts[1].toStdString() + "/" + parts[2].toStdString());
        if (list["resources"].empty())
            return std::nullopt;
        return list;
    }
    if (parts.size() == 2 && parts[0] == QLatin1String("apis")) {
        const std::string name = parts[1].toStdString();
        const auto &resources = m_registry->resources();
        if (std::none_of(resources.begin(), resources.end(),
                         [&](const ResourceInfo &r) { return r.group == name; }))
            return std::nullopt;
        json doc = group(name);
        doc["kind"] = "APIGroup";
        doc["apiVersion"] = "v1";
        return doc;
    }
    return std::nullopt;
}

} // namespace sim

#pragma once

#include "sim/ObjectStore.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace sim {

struct ResourceInfo
{
    std::string group;    // "" for core
    std::string version;  // v1
    std::string plural;   // nodes
    std::string singular; // node
    std::string kind;     // Node
    bool namespaced = false;
    std::vector<std::string> verbs;
    std::vector<std::string> shortNames;
    std::vector<std::string> subresources; // "status", "eviction"
    std::vector<std::string> categories;   // "all"

    std::string groupVersion() const { return group.empty() ? version : group + "/" + version; }
    // "poddisruptionbudgets.policy", "nodes": how the API server's messages name the resource.
    std::string groupResource() const { return group.empty() ? plural : plural + "." + group; }
    bool hasSubresource(const std::string &name) const;
    // The `details` of a Status about the object `name` of this resource.
    json statusDetails(const std::string &name) const;
};

// A parsed API path: /api/v1/namespaces/NS/pods/NAME/eviction and friends.
struct ApiPath
{
    const ResourceInfo *resource = nullptr;
    std::string ns;
    std::string name;
    std::string subresource;
    bool valid = false;

    // The namespace the object is stored under: none for a cluster-scoped resource.
    std::string storeNamespace() const { return resource->namespaced ? ns : std::string(); }
};

// Which Kubernetes API kubesim presents. Current: policy/v1 only (as 1.25 on). V1_21:
// policy/v1 preferred and policy/v1beta1 still served, but /api/v1's pods/eviction names
// policy/v1beta1 (as kube-apiserver 1.21 does). V1_20: policy/v1beta1 only, an Eviction of
// policy/v1 is refused.
enum class ApiLevel { Current, V1_21, V1_20 };
// "1.20", "1.21" or "current"; nullopt for anything else.
std::optional<ApiLevel> parseApiLevel(const QString &text);

// The resources kubesim serves, at the versions of its API level, and how a request path names
// one of them.
class ResourceRegistry
{
public:
    ResourceRegistry();

    // Set before serving: it changes the versions served (pointers to resources move).
    void setApiLevel(ApiLevel level);
    ApiLevel apiLevel() const { return m_apiLevel; }

    // In registration order: a group's preferred version comes first.
    const std::vector<ResourceInfo> &resources() const { return m_resources; }
    const ResourceInfo *find(const std::string &group, const std::string &version,
                             const std::string &plural) const;
    ApiPath parsePath(const QString &path) const;

private:
    ApiLevel m_apiLevel = ApiLevel::Current;
    std::vector<ResourceInfo> m_resources;
};

} // namespace sim

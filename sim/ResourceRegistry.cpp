#include "sim/ResourceRegistry.h"

#include <QStringList>

#include <algorithm>

namespace sim {

bool ResourceInfo::hasSubresource(const std::string &name) const
{
    return std::find(subresources.begin(), subresources.end(), name) != subresources.end();
}

json ResourceInfo::statusDetails(const std::string &name) const
{
    return {{"name", name}, {"group", group}, {"kind", plural}};
}

std::optional<ApiLevel> parseApiLevel(const QString &text)
{
    if (text == QLatin1String("1.20"))
        return ApiLevel::V1_20;
    if (text == QLatin1String("1.21"))
        return ApiLevel::V1_21;
    if (text == QLatin1String("current"))
        return ApiLevel::Current;
    return std::nullopt;
}

ResourceRegistry::ResourceRegistry()
{
    const std::vector<std::string> rw = {"create", "delete", "deletecollection", "get",
                                         "list",   "patch",  "update",           "watch"};
    m_resources = {
        {"", "v1", "nodes", "node", "Node", false, rw, {"no"}, {"status"}, {}},
        {"", "v1", "pods", "pod", "Pod", true, rw, {"po"}, {"status", "eviction", "log"}, {"all"}},
        {"", "v1", "namespaces", "namespace", "Namespace", false, rw, {"ns"}, {"status"}, {}},
        {"", "v1", "events", "event", "Event", true, rw, {"ev"}, {}, {}},
        {"", "v1", "services", "service", "Service", true, rw, {"svc"}, {"status"}, {"all"}},
        {"", "v1", "configmaps", "configmap", "ConfigMap", true, rw, {"cm"}, {}, {}},
        {"apps",
         "v1",
         "daemonsets",
         "daemonset",
         "DaemonSet",
         true,
         rw,
         {"ds"},
         {"status"},
         {"all"}},
        {"apps",
         "v1",
         "replicasets",
         "replicaset",
         "ReplicaSet",
         true,
         rw,
         {"rs"},
         {"status"},
         {"all"}},
        {"apps",
         "v1",
         "deployments",
         "deployment",
         "Deployment",
         true,
         rw,
         {"deploy"},
         {"status"},
         {"all"}},
        {"apps",
         "v1",
         "statefulsets",
         "statefulset",
         "StatefulSet",
         true,
         rw,
         {"sts"},
         {"status"},
         {"all"}},
        {"batch", "v1", "jobs", "job", "Job", true, rw, {}, {"status"}, {"all"}},
        {"policy",
         "v1",
         "poddisruptionbudgets",
         "poddisruptionbudget",
         "PodDisruptionBudget",
         true,
         rw,
         {"pdb"},
         {"status"},
         {}},
        {"coordination.k8s.io", "v1", "leases", "lease", "Lease", true, rw, {}, {}, {}},
        {"authorization.k8s.io",
         "v1",
         "selfsubjectaccessreviews",
         "selfsubjectaccessreview",
         "SelfSubjectAccessReview",
         false,
         {"create"},
         {},
         {},
         {}},
        // Who am I (kubectl auth whoami): v1 from Kubernetes 1.28, v1beta1 from 1.27.
        {"authentication.k8s.io",
         "v1",
         "selfsubjectreviews",
         "selfsubjectreview",
         "SelfSubjectReview",
         false,
         {"create"},
         {},
         {},
         {}},
        {"authentication.k8s.io",
         "v1beta1",
         "selfsubjectreviews",
         "selfsubjectreview",
         "SelfSubjectReview",
         false,
         {"create"},
         {},
         {},
         {}},
    };
}

void ResourceRegistry::setApiLevel(ApiLevel level)
{
    m_apiLevel = level;
    auto pdb = std::find_if(m_resources.begin(), m_resources.end(), [](const ResourceInfo &r) {
        return r.group == "policy" && r.plural == "poddisruptionbudgets";
    });
    if (pdb == m_resources.end())
        return;
    if (level == ApiLevel::V1_20) {
        pdb->version = "v1beta1";
    } else if (level == ApiLevel::V1_21) {
        // Both versions, the preferred one first (discovery lists them in this order).
        ResourceInfo beta = *pdb;
        beta.version = "v1beta1";
        m_resources.insert(pdb + 1, beta);
    }
}

const ResourceInfo *ResourceRegistry::find(const std::string &group, const std::string &version,
                                           const std::string &plural) const
{
    for (const ResourceInfo &r : m_resources)
        if (r.group == group && r.version == version && r.plural == plural)
            return &r;
    return nullptr;
}

ApiPath ResourceRegistry::parsePath(const QString &path) const
{
    ApiPath p;
    QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    std::string group, version;
    if (parts.value(0) == QLatin1String("api") && parts.size() >= 3) {
        version = parts[1].toStdString();
        parts = parts.mid(2);
    } else if (parts.value(0) == QLatin1String("apis") && parts.size() >= 4) {
        group = parts[1].toStdString();
        version = parts[2].toStdString();
        parts = parts.mid(3);
    } else {
        return p;
    }
    if (parts.value(0) == QLatin1String("namespaces") && parts.size() >= 3) {
        p.ns = parts[1].toStdString();
        parts = parts.mid(2);
    }
    p.resource = find(group, version, parts.value(0).toStdString());
    if (!p.resource)
        return p;
    // /api/v1/namespaces/NAME is the namespace itself, not a namespace scope.
    if (!p.resource->namespaced && !p.ns.empty() && p.resource->plural != "namespaces")
        return p;
    p.name = parts.value(1).toStdString();
    p.subresource = parts.value(2).toStdString();
    if (parts.size() > 3)
        return p;
    if (!p.subresource.empty() && !p.resource->hasSubresource(p.subresource))
        return p;
    p.valid = true;
    return p;
}

} // namespace sim

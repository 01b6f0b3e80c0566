#include "sim/EvictionHandler.h"

#include "sim/Kubelet.h"
#include "sim/Reply.h"
#include "sim/Selectors.h"

namespace sim {

namespace {

// The eviction handler's refusal while a budget allows no disruption (or is not yet observed).
constexpr const char *BudgetMessage =
    "Cannot evict pod as it would violate the pod's disruption budget.";
// The disruption controller's limit on unconfirmed evictions in status.disruptedPods.
constexpr std::size_t MaxDisruptedPods = 2000;

json successStatus()
{
    return {{"kind", "Status"},
            {"apiVersion", "v1"},
            {"metadata", json::object()},
            {"status", "Success"},
            {"code", 201}};
}

EvictionResult tooManyRequests(const std::string &cause, int retryAfterSeconds)
{
    json details = {{"causes", {{{"reason", "DisruptionBudget"}, {"message", cause}}}}};
    if (retryAfterSeconds > 0)
        details["retryAfterSeconds"] = retryAfterSeconds;
    return {429, statusObject(429, "TooManyRequests", BudgetMessage, details), retryAfterSeconds};
}

EvictionResult forbidden(const std::string &pdb, const std::string &why)
{
    return {403,
            statusObject(403, "Forbidden",
                         "poddisruptionbudgets.policy \"" + pdb + "\" is forbidden: " + why,
                         {{"name", pdb}, {"group", "policy"}, {"kind", "poddisruptionbudgets"}})};
}

} // namespace

EvictionHandler::EvictionHandler(ObjectStore *store, Kubelet *kubelet)
    : m_store(store)
    , m_kubelet(kubelet)
{}

EvictionResult EvictionHandler::evict(const std::string &ns, const std::string &name,
                                      const json &eviction, bool dryRun)
{
    if (!eviction.is_object())
        return {400, statusObject(400, "BadRequest", "the request body is not an Eviction object")};
    const std::string kind = eviction.value("kind", "");
    if (!kind.empty() && kind != "Eviction")
        return {400, statusObject(400, "BadRequest", "not a Eviction object: " + kind)};
    if (eviction.value("metadata", json::object()).value("name", "") != name)
        return {400, statusObject(400, "BadRequest",
                                  "name in URL does not match name in Eviction object")};
    json deleteOptions = eviction.value("deleteOptions", json::object());
    if (!deleteOptions.is_object())
        deleteOptions = json::object();
    for (const json &d : deleteOptions.value("dryRun", json::array()))
        if (d == "All")
            dryRun = true;

    auto deleted = [&]() -> EvictionResult {
        const DeleteResult r = m_kubelet->deletePod(ns, name, deleteOptions, dryRun);
        if (r.code != 200)
            return {r.code, r.body};
        return {201, successStatus()};
    };

    auto pod = m_store->getJson("pods", ns, name);
    if (!pod)
        return {404, statusObject(404, "NotFound", "pods \"" + name + "\" not found",
                                  {{"name", name}, {"kind", "pods"}})};
    const std::string phase = (*pod)["status"].value("phase", "");
    // Terminal, pending and terminating pods have caused their disruption already.
    if (phase == "Succeeded" || phase == "Failed" || phase == "Pending" ||
        (*pod)["metadata"].contains("deletionTimestamp"))
        return deleted();

    StringMap podLabels;
    const json labels = (*pod)["metadata"].value("labels", json::object());
    for (auto it = labels.begin(); it != labels.end(); ++it)
        if (it.value().is_string())
            podLabels[it.key()] = it.value().get<std::string>();
    std::vector<json> budgets;
    for (const StoredObject *o : m_store->list("poddisruptionbudgets", ns)) {
        json pdb = o->parse();
        const json sel = pdb["spec"].value("selector", json());
        std::string err;
        auto selector = LabelSelector::fromJson(sel, &err);
        // A budget with a nil or empty selector matches nothing here.
        if (!selector || selector->empty() || !selector->matches(podLabels))
            continue;
        budgets.push_back(std::move(pdb));
    }
    if (budgets.size() > 1)
        return {201,
                {{"kind", "Status"},
                 {"apiVersion", "v1"},
                 {"metadata", json::object()},
                 {"status", "Failure"},
                 {"message", "This pod has more than one PodDisruptionBudget, which the eviction "
                             "subresource does not support."},
                 {"code", 500}}};
    if (budgets.empty())
        return deleted();

    json &pdb = budgets.front();
    const std::string pdbName = pdb["metadata"].value("name", "");
    json &status = pdb["status"];
    if (!status.is_object())
        status = json::object();
    const int currentHealthy = status.value("currentHealthy", 0);
    const int desiredHealthy = status.value("desiredHealthy", 0);

    bool podReady = false;
    for (const json &c : (*pod)["status"].value("conditions", json::array()))
        if (c.value("type", "") == "Ready")
            podReady = c.value("status", "") == "True";
    if (!podReady) {
        // An unhealthy pod does not count towards the budget: evict it when the policy says so,
        // or when the budget is met without it.
        if (pdb["spec"].value("unhealthyPodEvictionPolicy", "") == "AlwaysAllow")
            return deleted();
        if (currentHealthy >= desiredHealthy && desiredHealthy > 0)
            return deleted();
    }

    if (status.value("observedGeneration", std::int64_t(0)) <
        pdb["metadata"].value("generation", std::int64_t(1)))
        return tooManyRequests(
            "The disruption budget " + pdbName + " is still being processed by the server.", 10);
    const int allowed = status.value("disruptionsAllowed", 0);
    if (allowed < 0)
        return forbidden(pdbName, "pdb disruptions allowed is negative");
    if (status.value("disruptedPods", json::object()).size() > MaxDisruptedPods)
        return forbidden(
            pdbName,
            "DisruptedPods map too big - too many evictions not confirmed by PDB controller");
    if (allowed == 0)
        return tooManyRequests("The disruption budget " + pdbName + " needs " +
                                   std::to_string(desiredHealthy) + " healthy pods and has " +
                                   std::to_string(currentHealthy) + " currently",
                               0);
    if (dryRun)
        return deleted();

    // Spend the disruption and tell the disruption controller which pod is about to go.
    status["disruptionsAllowed"] = allowed - 1;
    status["disruptedPods"][name] = nowRfc3339();
    if (allowed - 1 == 0 && status.contains("conditions"))
        for (json &c : status["conditions"])
            if (c.value("type", "") == "DisruptionAllowed") {
                c["status"] = "False";
                c["reason"] = "InsufficientPods";
                c["lastTransitionTime"] = nowRfc3339();
            }
    m_store->put("poddisruptionbudgets", pdb);
    return deleted();
}

} // namespace sim

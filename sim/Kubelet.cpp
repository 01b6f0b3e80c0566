#include "sim/Kubelet.h"

#include "sim/Reply.h"
#include "sim/WorkloadFactory.h"

#include <QDateTime>
#include <QTimer>

namespace sim {

namespace {

std::string rfc3339At(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"))
        .toStdString();
}

} // namespace

Kubelet::Kubelet(ObjectStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    connect(store, &ObjectStore::changed, this, &Kubelet::onStoreChanged);
}

void Kubelet::onStoreChanged(const StoreEvent &event)
{
    if (event.resource != "pods" || event.type == EventType::Deleted)
        return;
    const ObjectMeta &m = *event.meta;
    auto node = m.fields.find("spec.nodeName");
    auto phase = m.fields.find("status.phase");
    if (m.deleting || node == m.fields.end() || node->second.empty() || phase == m.fields.end() ||
        phase->second != "Pending" || m_starting.count(m.uid))
        return;
    startLater(m.ns, m.name, m.uid);
}

std::string Kubelet::hostIpOf(const std::string &node) const
{
    auto n = m_store->getJson("nodes", "", node);
    if (!n)
        return {};
    for (const json &a : (*n)["status"].value("addresses", json::array()))
        if (a.value("type", "") == "InternalIP")
            return a.value("address", "");
    return {};
}

void Kubelet::startLater(const std::string &ns, const std::string &name, const std::string &uid)
{
    m_starting.insert(uid);
    QTimer::singleShot(m_startupDelayMs, this, [this, ns, name, uid] {
        m_starting.erase(uid);
        auto pod = m_store->getJson("pods", ns, name);
        if (!pod || (*pod)["metadata"].value("uid", "") != uid ||
            (*pod)["metadata"].contains("deletionTimestamp"))
            return;
        const std::string node = (*pod)["spec"].value("nodeName", "");
        if (node.empty() || (*pod)["status"].value("phase", "") != "Pending")
            return;
        WorkloadFactory::setPodState(*pod, PodState::Running, hostIpOf(node),
                                     WorkloadFactory::podIp(std::hash<std::string>{}(uid)));
        m_store->put("pods", std::move(*pod));
    });
}

void Kubelet::finishDeletionLater(const std::string &ns, const std::string &name,
                                  const std::string &uid, qint64 delayMs)
{
    QTimer::singleShot(int(std::max<qint64>(0, delayMs)), this, [this, ns, name, uid] {
        const StoredObject *o = m_store->get("pods", ns, name);
        if (!o || o->meta->uid != uid || !o->meta->deleting)
            return;
        // The deadline may have been shortened by a later DELETE; that one removes it.
        auto pod = o->parse();
        const std::string deadline = pod["metadata"].value("deletionTimestamp", "");
        const QDateTime when = QDateTime::fromString(QString::fromStdString(deadline), Qt::ISODate);
        if (when.isValid() && when.toMSecsSinceEpoch() > QDateTime::currentMSecsSinceEpoch() + 1000)
            return;
        m_store->remove("pods", ns, name);
    });
}

DeleteResult Kubelet::deletePod(const std::string &ns, const std::string &name, const json &options,
                                bool dryRun)
{
    auto pod = m_store->getJson("pods", ns, name);
    if (!pod)
        return {404, statusObject(404, "NotFound", "pods \"" + name + "\" not found",
                                  {{"name", name}, {"kind", "pods"}})};
    json &md = (*pod)["metadata"];
    if (options.is_object()) {
        const json pre = options.value("preconditions", json::object());
        auto conflict = [&](const std::string &what, const std::string &wanted,
                            const std::string &actual) {
            return DeleteResult{409, statusObject(409, "Conflict",
                                                  "Operation cannot be fulfilled on pods \"" +
                                                      name + "\": Precondition failed: " + what +
                                                      " in precondition: " + wanted + ", " + what +
                                                      " in object meta: " + actual,
                                                  {{"name", name}, {"kind", "pods"}})};
        };
        if (pre.contains("uid") && pre["uid"].is_string() && pre["uid"] != md.value("uid", ""))
            return conflict("UID", pre["uid"], md.value("uid", ""));
        if (pre.contains("resourceVersion") && pre["resourceVersion"].is_string() &&
            pre["resourceVersion"] != md.value("resourceVersion", ""))
            return conflict("ResourceVersion", pre["resourceVersion"],
                            md.value("resourceVersion", ""));
    }
    long long grace = (*pod)["spec"].value("terminationGracePeriodSeconds", 30LL);
    if (options.is_object() && options.contains("gracePeriodSeconds") &&
        options["gracePeriodSeconds"].is_number())
        grace = std::max(0LL, options["gracePeriodSeconds"].get<long long>());
    // The pod strategy: unscheduled and terminal pods have nothing to stop.
    const std::string phase = (*pod)["status"].value("phase", "");
    if ((*pod)["spec"].value("nodeName", "").empty() || phase == "Succeeded" || phase == "Failed")
        grace = 0;
    // Mirror pods are deleted at once as well: the kubelet owns the static pod.
    if (md.contains("deletionTimestamp")) {
        const long long current = md.value("deletionGracePeriodSeconds", 0LL);
        if (grace >= current)
            return {200, *pod};
    }
    if (dryRun)
        return {200, *pod};
    if (grace == 0) {
        auto gone = m_store->remove("pods", ns, name);
        return {200, gone ? *gone : *pod};
    }
    const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + grace * 1000;
    md["deletionTimestamp"] = rfc3339At(deadline);
    md["deletionGracePeriodSeconds"] = grace;
    json stored = m_store->put("pods", std::move(*pod));
    finishDeletionLater(ns, name, stored["metadata"].value("uid", ""), grace * 1000);
    return {200, stored};
}

std::string Kubelet::setReady(const std::string &ns, const std::string &name, bool ready)
{
    auto pod = m_store->getJson("pods", ns, name);
    if (!pod)
        return "pod " + ns + "/" + name + " not found";
    const std::string phase = (*pod)["status"].value("phase", "");
    if (phase != "Running")
        return "pod " + ns + "/" + name + " is " + (phase.empty() ? "without a phase" : phase) +
               ", not Running: only a running pod's readiness can change";
    const std::string node = (*pod)["spec"].value("nodeName", "");
    const std::string ip = (*pod)["status"].value("podIP", "");
    WorkloadFactory::setPodState(*pod, ready ? PodState::Running : PodState::RunningNotReady,
                                 hostIpOf(node), ip);
    m_store->put("pods", std::move(*pod));
    return {};
}

std::string Kubelet::setPhase(const std::string &ns, const std::string &name,
                              const std::string &phase)
{
    auto pod = m_store->getJson("pods", ns, name);
    if (!pod)
        return "pod " + ns + "/" + name + " not found";
    if (phase != "Succeeded" && phase != "Failed")
        return "phase must be Succeeded or Failed, not \"" + phase + "\"";
    WorkloadFactory::setPodState(*pod,
                                 phase == "Succeeded" ? PodState::Succeeded : PodState::Failed);
    m_store->put("pods", std::move(*pod));
    return {};
}

} // namespace sim

#include "models/Classifier.h"

#include <algorithm>

namespace models {

Classifier::Classifier(const Taxonomy &taxonomy, IsolationPolicy policy)
    : m_taxonomy(taxonomy)
    , m_policy(std::move(policy))
{}

int Classifier::parseCount(const QString &quantity)
{
    QString q = quantity.trimmed();
    if (q.isEmpty())
        return 0;
    double factor = 1;
    if (q.endsWith(QLatin1Char('m'))) {
        factor = 0.001;
        q.chop(1);
    } else if (q.endsWith(QLatin1Char('k'))) {
        factor = 1000;
        q.chop(1);
    }
    bool ok = false;
    const double v = q.toDouble(&ok);
    return ok && v > 0 ? int(v * factor) : 0;
}

QString Classifier::acceleratorLossText(const AcceleratorHealth &a)
{
    //: %1 chips lost out of %2, %3 is the chip kind (GPU, NPU): "2 of 8 NPUs lost"
    return tr("%1 of %2 %3s lost").arg(a.lost()).arg(a.capacity).arg(a.kind);
}

NodeHealth Classifier::classify(const kube::Node &node) const
{
    NodeHealth h;
    for (const kube::NodeCondition &c : node.conditions) {
        const FaultType *known = m_taxonomy.find(c.type());
        const FaultType unknown = known ? FaultType() : m_taxonomy.lookup(c.type());
        const FaultType &ft = known ? *known : unknown;
        if (!ft.isBad(c.status()))
            continue;
        Fault f;
        f.type = c.type();
        f.category = ft.category;
        f.status = c.status();
        f.severity = ft.severity;
        f.reason = c.reason();
        f.message = c.message();
        f.since = c.lastTransitionTime;
        f.known = known != nullptr;
        h.faults.push_back(std::move(f));
    }

    for (const AcceleratorResource &acc : m_taxonomy.accelerators()) {
        if (!node.capacity.contains(acc.resource))
            continue;
        AcceleratorHealth a;
        a.resource = acc.resource;
        a.kind = acc.kind;
        a.capacity = parseCount(node.capacity.value(acc.resource));
        // A device plugin that stopped advertising the resource leaves allocatable without it.
        a.allocatable = parseCount(node.allocatable.value(acc.resource, QStringLiteral("0")));
        if (a.capacity <= 0)
            continue;
        if (a.degraded()) {
            Fault f;
            f.type = acc.resource;
            f.category = acc.category;
            // Losing every chip leaves the node useless for its pool: critical; some: major.
            f.severity = a.allocatable <= 0 ? Severity::Critical : Severity::Major;
            f.reason = AcceleratorsLostReason;
            f.message = acceleratorLossText(a);
            f.acceleratorLoss = true;
            h.faults.push_back(std::move(f));
        }
        h.accelerators.push_back(a);
    }

    std::stable_sort(h.faults.begin(), h.faults.end(), [](const Fault &a, const Fault &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        // Oldest first; chip loss (no time) after timed faults of the same severity.
        if (a.since.isValid() != b.since.isValid())
            return a.since.isValid();
        return a.since < b.since;
    });
    for (const Fault &f : h.faults) {
        h.worst = std::max(h.worst, f.severity);
        if (f.severity >= Severity::Minor && f.since.isValid() &&
            (!h.faultySince.isValid() || f.since < h.faultySince))
            h.faultySince = f.since;
    }

    IsolationState &iso = h.isolation;
    iso.cordoned = node.unschedulable;
    for (const kube::Taint &t : node.taints) {
        const bool hard =
            t.effect == QLatin1String("NoSchedule") || t.effect == QLatin1String("NoExecute");
        if (t.key == m_policy.taintKey) {
            iso.isolated = true;
            iso.isolationValue = t.value;
            if (iso.isolationEffect != QLatin1String("NoExecute"))
                iso.isolationEffect = t.effect;
        } else if (hard && t.key != IsolationPolicy::CordonTaint) {
            iso.otherTaints << (t.value.isEmpty() ? t.key : t.key + QLatin1Char('=') + t.value) +
                                   QLatin1Char(':') + t.effect;
        }
    }
    iso.isolatedBy = node.annotations.value(IsolationPolicy::AnnotationBy);
    iso.isolatedReason = node.annotations.value(IsolationPolicy::AnnotationReason);
    iso.isolatedAt = QDateTime::fromString(node.annotations.value(IsolationPolicy::AnnotationAt),
                                           Qt::ISODateWithMs);
    if (!iso.isolatedAt.isValid())
        iso.isolatedAt = QDateTime::fromString(
            node.annotations.value(IsolationPolicy::AnnotationAt), Qt::ISODate);
    return h;
}

} // namespace models

#pragma once

#include "kube/Node.h"

#include <QString>
#include <QStringList>

namespace models {

// Where a node sits, from its labels: reports and the history carry pool, rack and zone.
struct NodeLocation
{
    QString pool;
    QString rack;
    QString zone;
    bool operator==(const NodeLocation &) const = default;
};

// Which label keys name a node's pool, rack and zone. The first key a node has wins, so one
// configuration fits clusters labelled the GKE, EKS, AKS or kubesim way.
class LocationLabels
{
public:
    QStringList poolKeys{QStringLiteral("pool"), QStringLiteral("node.kubernetes.io/pool"),
                         QStringLiteral("cloud.google.com/gke-nodepool"),
                         QStringLiteral("eks.amazonaws.com/nodegroup"),
                         QStringLiteral("kubernetes.azure.com/agentpool")};
    QStringList rackKeys{QStringLiteral("rack"), QStringLiteral("topology.kubernetes.io/rack"),
                         QStringLiteral("faultboard.io/rack")};
    QStringList zoneKeys{QStringLiteral("topology.kubernetes.io/zone"),
                         QStringLiteral("failure-domain.beta.kubernetes.io/zone"),
                         QStringLiteral("zone")};

    NodeLocation locate(const kube::Node &node) const;

private:
    static QString firstOf(const kube::StringMap &labels, const QStringList &keys);
};

} // namespace models

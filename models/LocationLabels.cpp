#include "models/LocationLabels.h"

namespace models {

QString LocationLabels::firstOf(const kube::StringMap &labels, const QStringList &keys)
{
    for (const QString &k : keys)
        if (labels.contains(k))
            return labels.value(k);
    return {};
}

NodeLocation LocationLabels::locate(const kube::Node &node) const
{
    return {firstOf(node.labels, poolKeys), firstOf(node.labels, rackKeys),
            firstOf(node.labels, zoneKeys)};
}

} // namespace models

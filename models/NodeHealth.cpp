#include "models/NodeHealth.h"

#include <algorithm>

namespace models {

bool NodeHealth::acceleratorsDegraded() const
{
    for (const auto &a : accelerators)
        if (a.degraded())
            return true;
    return false;
}

int NodeHealth::acceleratorsHealthy() const
{
    int n = 0;
    for (const auto &a : accelerators)
        n += std::min(a.allocatable, a.capacity);
    return n;
}

int NodeHealth::acceleratorsTotal() const
{
    int n = 0;
    for (const auto &a : accelerators)
        n += a.capacity;
    return n;
}

const Fault *NodeHealth::fault(const QString &type) const
{
    for (const Fault &f : faults)
        if (f.type == type)
            return &f;
    return nullptr;
}

} // namespace models

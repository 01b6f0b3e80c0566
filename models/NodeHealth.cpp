#include "models/NodeHealth.h"

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
        n += a.allocatable;
    return n;
}

int NodeHealth::acceleratorsTotal() const
{
    int n = 0;
    for (const auto &a : accelerators)
        n += a.capacity;
    return n;
}

} // namespace models

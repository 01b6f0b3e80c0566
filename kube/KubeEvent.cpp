#include "kube/KubeEvent.h"

namespace kube {

QDateTime KubeEvent::lastSeen() const
{
    for (const QDateTime &t : {lastTimestamp, eventTime, firstTimestamp, creationTimestamp})
        if (t.isValid())
            return t;
    return {};
}

} // namespace kube

#include "kube/Pod.h"

namespace kube {

const OwnerReference *Pod::controllerRef() const
{
    for (const OwnerReference &o : owners)
        if (o.controller)
            return &o;
    return nullptr;
}

QStringList Pod::images() const
{
    QStringList out;
    for (const PodContainer &c : containers)
        if (!c.init && !out.contains(c.image))
            out << c.image;
    return out;
}

} // namespace kube

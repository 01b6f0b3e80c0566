#pragma once

#include <QString>

#include <memory>
#include <vector>

namespace kube {

// The part every decoded API object shares; informers key their caches on it. Decoders derive
// from it (kube::Node) and keep only what Faultboard uses.
struct KubeObject
{
    virtual ~KubeObject() = default;

    QString name;
    QString namespaceName;
    QString uid;
    QString resourceVersion;

    QString key() const
    {
        return namespaceName.isEmpty() ? name : namespaceName + QLatin1Char('/') + name;
    }
};

using ObjectPtr = std::shared_ptr<const KubeObject>;

struct Delta
{
    enum class Type { Added, Modified, Deleted };
    Type type = Type::Added;
    ObjectPtr object;
};

using DeltaBatch = std::vector<Delta>;

} // namespace kube

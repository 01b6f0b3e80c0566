#pragma once

#include "sim/ResourceRegistry.h"

#include <QString>

#include <optional>
#include <string>

namespace sim {

// The discovery documents kube-apiserver serves, made from the registry at its API level:
// /version, /api, /api/v1, /apis, /apis/GROUP and /apis/GROUP/VERSION. Requests for aggregated
// discovery get these plain documents too (every kubectl from 1.27 on accepts them).
class Discovery
{
public:
    explicit Discovery(const ResourceRegistry *registry);

    // /version: 1.20 or 1.21 at those levels, 1.30 otherwise.
    json version() const;
    // The document at `path`, or nullopt when `path` is not a discovery path of a served group.
    std::optional<json> document(const QString &path) const;

private:
    json resourceList(const std::string &groupVersion) const;
    // A group with all its versions, the preferred (first registered) one first.
    json group(const std::string &name) const;

    const ResourceRegistry *m_registry;
};

} // namespace sim

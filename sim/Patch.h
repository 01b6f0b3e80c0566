#pragma once

#include "sim/ObjectStore.h"

#include <string>

namespace sim {

// The three patch types of the API server. Each returns the patched object, or sets `error`
// (worded as the API server words it) and returns nullopt.
std::optional<json> applyMergePatch(const json &target, const json &patch, std::string *error);
std::optional<json> applyJsonPatch(const json &target, const json &patch, std::string *error);
// Strategic merge: like a merge patch, but lists with a patch merge key (conditions and addresses
// by type, containers by name, ownerReferences by uid, ...) merge element-wise, and the
// directives $patch, $retainKeys, $setElementOrder and $deleteFromPrimitiveList are honoured.
std::optional<json> applyStrategicMergePatch(const json &target, const json &patch,
                                             const std::string &kind, std::string *error);

} // namespace sim

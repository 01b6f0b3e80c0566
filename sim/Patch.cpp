#include "sim/Patch.h"

#include <map>
#include <set>

namespace sim {

namespace {

// Fields with a patch merge key (from the Kubernetes API types' patchMergeKey tags), by the
// field's name; the same names carry the same keys across the types kubesim serves.
const std::map<std::string, std::string> &mergeKeys()
{
    static const std::map<std::string, std::string> keys = {
        {"conditions", "type"},          {"addresses", "type"},
        {"containers", "name"},          {"initContainers", "name"},
        {"ephemeralContainers", "name"}, {"volumes", "name"},
        {"volumeMounts", "mountPath"},   {"env", "name"},
        {"ports", "containerPort"},      {"ownerReferences", "uid"},
        {"imagePullSecrets", "name"},    {"hostAliases", "ip"},
        {"volumeDevices", "devicePath"}, {"topologySpreadConstraints", "topologyKey"},
    };
    return keys;
}

// Primitive lists merged as sets.
const std::set<std::string> &mergeSets()
{
    static const std::set<std::string> s = {"finalizers"};
    return s;
}

bool strategic(json &target, const json &patch, std::string *error);

bool mergeList(json &target, const json &patch, const std::string &field, std::string *error)
{
    const auto mk = mergeKeys().find(field);
    if (mk == mergeKeys().end()) {
        if (mergeSets().count(field) && target.is_array()) {
            for (const json &v : patch)
                if (std::find(target.begin(), target.end(), v) == target.end())
                    target.push_back(v);
            return true;
        }
        target = patch;
        return true;
    }
    const std::string &key = mk->second;
    if (!target.is_array())
        target = json::array();
    // {"$patch":"replace"} in the list replaces it whole.
    for (const json &el : patch)
        if (el.is_object() && el.value("$patch", "") == "replace") {
            json replaced = json::array();
            for (const json &e : patch)
                if (!(e.is_object() && e.contains("$patch")))
                    replaced.push_back(e);
            target = replaced;
            return true;
        }
    for (const json &el : patch) {
        if (!el.is_object() || !el.contains(key)) {
            if (error)
                *error = "map: " + el.dump() + " does not contain declared merge key: " + key;
            return false;
        }
        auto match = std::find_if(target.begin(), target.end(), [&](const json &t) {
            return t.is_object() && t.contains(key) && t[key] == el[key];
        });
        if (el.value("$patch", "") == "delete") {
            if (match != target.end())
                target.erase(match);
            continue;
        }
        if (match == target.end()) {
            json fresh = json::object();
            if (!strategic(fresh, el, error))
                return false;
            target.push_back(fresh);
        } else if (!strategic(*match, el, error)) {
            return false;
        }
    }
    return true;
}

bool strategic(json &target, const json &patch, std::string *error)
{
    if (!patch.is_object()) {
        target = patch;
        return true;
    }
    if (!target.is_object())
        target = json::object();
    if (patch.value("$patch", "") == "replace") {
        json replaced = patch;
        replaced.erase("$patch");
        target = replaced;
        return true;
    }
    if (patch.value("$patch", "") == "delete") {
        target = json::object();
        return true;
    }
    if (auto rk = patch.find("$retainKeys"); rk != patch.end() && rk->is_array()) {
        std::set<std::string> keep;
        for (const json &k : *rk)
            keep.insert(k.get<std::string>());
        for (auto it = target.begin(); it != target.end();)
            it = keep.count(it.key()) ? std::next(it) : target.erase(it);
    }
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const std::string &k = it.key();
        if (k == "$patch" || k == "$retainKeys" || k.starts_with("$setElementOrder/"))
            continue;
        if (k.starts_with("$deleteFromPrimitiveList/")) {
            const std::string field = k.substr(std::string("$deleteFromPrimitiveList/").size());
            if (target.contains(field) && target[field].is_array())
                for (const json &v : it.value()) {
                    json &arr = target[field];
                    arr.erase(std::remove(arr.begin(), arr.end(), v), arr.end());
                }
            continue;
        }
        if (it.value().is_null()) {
            target.erase(k);
            continue;
        }
        if (it.value().is_object()) {
            if (!strategic(target[k], it.value(), error))
                return false;
        } else if (it.value().is_array()) {
            if (!mergeList(target[k], it.value(), k, error))
                return false;
        } else {
            target[k] = it.value();
        }
    }
    return true;
}

} // namespace

std::optional<json> applyMergePatch(const json &target, const json &patch, std::string *error)
{
    if (!patch.is_object()) {
        if (error)
            *error = "the merge patch must be a JSON object";
        return std::nullopt;
    }
    json out = target;
    out.merge_patch(patch);
    return out;
}

std::optional<json> applyJsonPatch(const json &target, const json &patch, std::string *error)
{
    if (!patch.is_array()) {
        if (error)
            *error = "the JSON patch must be an array of operations";
        return std::nullopt;
    }
    try {
        return target.patch(patch);
    } catch (const json::exception &e) {
        if (error)
            *error = e.what();
        return std::nullopt;
    }
}

std::optional<json> applyStrategicMergePatch(const json &target, const json &patch,
                                             const std::string &, std::string *error)
{
    if (!patch.is_object()) {
        if (error)
            *error = "the strategic merge patch must be a JSON object";
        return std::nullopt;
    }
    json out = target;
    if (!strategic(out, patch, error))
        return std::nullopt;
    return out;
}

} // namespace sim

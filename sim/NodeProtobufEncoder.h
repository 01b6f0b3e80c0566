#pragma once

#include "sim/ObjectStore.h"
#include "sim/ResourceRegistry.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sim {

// kube-apiserver's protobuf encoding of nodes, written from kubesim's stored JSON: the 4 bytes
// "k8s\0", then a runtime.Unknown (typeMeta, raw, contentEncoding, contentType) whose `raw` is a
// core/v1 Node, NodeList or meta/v1 Status. Field numbers are those of k8s.io/api core/v1,
// apimachinery meta/v1 and runtime generated.proto; fields are written the way the Go (gogo)
// marshallers write them, so the bytes match the real server's for the same object: ascending
// field numbers, every non-pointer field even when empty (an empty string, a zero, an empty
// message for a zero time), pointer fields only when set, map entries sorted by key, times as
// seconds with nanos 0 (metav1.Time keeps seconds only). Not written: NodeSpec.configSource and
// NodeStatus.config (deprecated dynamic kubelet config; kubesim's nodes have none). Quantities
// are written as stored (kube-apiserver would canonicalize them on input).
// The clusterName field of ObjectMeta (removed in 1.25) is written at API levels 1.20/1.21, and
// managedFields' subresource (added in 1.22) only above them.
class NodeProtobufEncoder
{
public:
    static constexpr const char *ContentType = "application/vnd.kubernetes.protobuf";

    explicit NodeProtobufEncoder(ApiLevel level = ApiLevel::Current);
    void setApiLevel(ApiLevel level) { m_level = level; }

    // A whole answer body: one Node, a NodeList with `listMeta` (resourceVersion, continue,
    // remainingItemCount), or a Status (a Failure as Reply.h's statusObject builds it).
    std::string nodeBody(const StoredObject &node);
    std::string nodeListBody(const std::vector<const StoredObject *> &nodes, const json &listMeta);
    static std::string statusBody(const json &status);

    // The Node message alone (no envelope), from the node's JSON.
    std::string nodeMessage(const json &node) const;

private:
    std::string nodeMessage(const StoredObject &node);
    const std::string &encodedImages(const std::shared_ptr<const std::string> &images);

    ApiLevel m_level;
    // status.images is stored once per pool and shared between nodes: encoded once per list
    // too. Keyed by the shared string; an entry whose string is gone is replaced.
    struct ImagesEntry
    {
        std::weak_ptr<const std::string> source;
        std::string encoded;
    };
    std::map<const std::string *, ImagesEntry> m_images;
};

} // namespace sim

#pragma once

#include "sim/ObjectStore.h"
#include "sim/ResourceRegistry.h"

#include <memory>
#include <string>

namespace sim {

class AccessControl;
class EvictionHandler;
class FieldSelector;
class HttpExchange;
class Kubelet;
class LabelSelector;
class NodeProtobufEncoder;
struct MediaType;
class WatchHub;
struct User;

// The REST verbs on the registered resources, as kube-apiserver's generic registry answers
// them: list (limit/continue, selectors; JSON, Table or PartialObjectMetadata), get, watch
// (handed to the WatchHub), create, update and the three patch types with optimistic
// concurrency and the status subresource's rules, delete with DeleteOptions (pods through the
// kubelet's graceful deletion), deletecollection, dryRun, and the pods' eviction and log
// subresources. Writes need the AccessControl's say-so.
class ResourceHandler
{
public:
    ResourceHandler(ObjectStore *store, Kubelet *kubelet, const ResourceRegistry *registry,
                    const AccessControl *access, WatchHub *watches);
    ~ResourceHandler();

    // Answers a request for the resource path `p` (valid) from `user`.
    void handle(HttpExchange *ex, const ApiPath &p, const User &user);
    // Nodes (get and list; and nodes/status) in protobuf when Accept prefers it (the default);
    // off: JSON only, as a server that does not serve protobuf for them.
    void setServeProtobuf(bool on) { m_serveProtobuf = on; }

private:
    void list(HttpExchange *ex, const ApiPath &p);
    void get(HttpExchange *ex, const ApiPath &p);
    void watch(HttpExchange *ex, const ApiPath &p);
    void create(HttpExchange *ex, const ApiPath &p, const User &user);
    void update(HttpExchange *ex, const ApiPath &p);
    void patch(HttpExchange *ex, const ApiPath &p);
    void remove(HttpExchange *ex, const ApiPath &p);
    void removeCollection(HttpExchange *ex, const ApiPath &p);
    void evict(HttpExchange *ex, const ApiPath &p);
    void podLog(HttpExchange *ex, const ApiPath &p);
    // Stores an update of `current` (PUT or PATCH) with the API server's rules for metadata and
    // the status subresource; answers the request.
    void storeUpdate(HttpExchange *ex, const ApiPath &p, const json &current, json updated);

    bool parseSelectors(HttpExchange *ex, const ApiPath &p, LabelSelector *labels,
                        FieldSelector *fields);
    bool acceptsBody(HttpExchange *ex);
    void sendNotFound(HttpExchange *ex, const ApiPath &p);
    void sendConflict(HttpExchange *ex, const ApiPath &p);
    bool servesProtobuf(const ApiPath &p) const;
    // A Failure Status in the negotiated encoding (kube-apiserver answers a protobuf request's
    // errors in protobuf).
    void sendError(HttpExchange *ex, const MediaType &media, int code, const std::string &reason,
                   const std::string &message, const json &details = nullptr);

    ObjectStore *m_store;
    Kubelet *m_kubelet;
    const ResourceRegistry *m_registry;
    const AccessControl *m_access;
    WatchHub *m_watches;
    std::unique_ptr<EvictionHandler> m_eviction;
    std::unique_ptr<NodeProtobufEncoder> m_protobuf;
    bool m_serveProtobuf = true;
};

} // namespace sim

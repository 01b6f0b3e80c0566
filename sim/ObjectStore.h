#pragma once

#include <QObject>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace sim {

using json = nlohmann::json;
using StringMap = std::map<std::string, std::string>;

// What can be selected on without parsing the object again: labels and the selectable fields
// (metadata.name, spec.nodeName, status.phase, involvedObject.name, ...).
struct ObjectMeta
{
    std::string name;
    std::string ns;
    std::string uid;
    StringMap labels;
    StringMap fields;

    // Derived facts the simulated controllers use without parsing the object again.
    std::string controllerKind; // the controller ownerReference (pods): ReplicaSet, DaemonSet, Node
    std::string controllerName;
    std::string controllerUid;
    std::string readyStatus; // the Ready condition's status (pods and nodes): True/False/Unknown/""
    bool deleting = false;   // metadata.deletionTimestamp is set
    bool blocksScheduling = false;      // nodes: unschedulable, or a NoSchedule/NoExecute taint
    bool hasUnschedulableTaint = false; // nodes: node.kubernetes.io/unschedulable is present
};

// One object as kubesim keeps it: serialized once, with a Node's bulky `status.images` stored
// apart and shared between nodes that carry the same images (65,000 nodes fit in memory). The
// pieces are immutable and shared with the watch events that carry this version.
struct StoredObject
{
    std::shared_ptr<const std::string> prefix; // the object up to where images go (or all of it)
    std::shared_ptr<const std::string> images; // then the images and "}}"
    std::uint64_t resourceVersion = 0;
    std::shared_ptr<const ObjectMeta> meta;

    void appendTo(std::string &out) const;
    std::string serialize() const;
    json parse() const;
    std::size_t byteSize() const;
};

enum class EventType { Added, Modified, Deleted };
const char *eventTypeName(EventType t);

struct StoreEvent
{
    std::uint64_t resourceVersion = 0;
    std::string resource;
    EventType type = EventType::Added;
    StoredObject object; // the object at that version
    std::shared_ptr<const ObjectMeta> meta;
};

// The cluster's objects by resource, with one resourceVersion counter for everything (as etcd
// has) and, per resource, a bounded window of recent changes for watches. A watch from a
// resourceVersion older than its resource's window gets 410 Expired, exactly as from
// kube-apiserver after compaction.
class ObjectStore : public QObject
{
    Q_OBJECT

public:
    explicit ObjectStore(QObject *parent = nullptr);

    std::uint64_t currentResourceVersion() const { return m_rv; }
    // The oldest resourceVersion a watch of `resource` can still start from (each resource keeps
    // its own window, as kube-apiserver's watch cache does).
    std::uint64_t oldestWatchableResourceVersion(const std::string &resource) const;
    void setEventWindow(std::size_t events);
    // The last compaction (etcd's): continue tokens from lists before it have expired.
    std::uint64_t compactedResourceVersion() const { return m_compactedRv; }
    std::size_t eventWindow() const { return m_windowSize; }
    // Forgets every retained event: any watch from before now must relist.
    void compact();

    const StoredObject *get(const std::string &resource, const std::string &ns,
                            const std::string &name) const;
    std::optional<json> getJson(const std::string &resource, const std::string &ns,
                                const std::string &name) const;
    // Objects of a resource, sorted by namespace/name; `ns` empty means all namespaces.
    std::vector<const StoredObject *> list(const std::string &resource,
                                           const std::string &ns = {}) const;
    // All objects of a resource keyed by "namespace/name" (or "name"), for ranged iteration;
    // nullptr when there are none.
    const std::map<std::string, StoredObject> *objects(const std::string &resource) const;
    std::size_t count(const std::string &resource) const;

    // Creates or replaces `obj`; assigns resourceVersion (and uid/creationTimestamp on create).
    // Returns the stored object as JSON. `type` is deduced (Added when new). `images`, when
    // given, is the node's serialized status.images (from internImages), left out of `obj`.
    json put(const std::string &resource, json obj, std::shared_ptr<const std::string> images = {});
    // The one shared copy of a serialized images list.
    std::shared_ptr<const std::string> internImages(std::string serialized);
    // Deletes; returns the last state (with a new resourceVersion), or nullopt when absent.
    std::optional<json> remove(const std::string &resource, const std::string &ns,
                               const std::string &name);

    // Events after `rv` for `resource`, oldest first.
    std::vector<const StoreEvent *> eventsSince(const std::string &resource,
                                                std::uint64_t rv) const;

    static std::string key(const std::string &ns, const std::string &name)
    {
        return ns.empty() ? name : ns + '/' + name;
    }
    static std::shared_ptr<const ObjectMeta> extractMeta(const std::string &resource,
                                                         const json &obj);
    // Resources whose metadata.generation counts spec changes (as the API server's strategies do).
    static bool tracksGeneration(const std::string &resource);

signals:
    void changed(const sim::StoreEvent &event);

private:
    StoredObject store(const std::string &resource, json &obj,
                       std::shared_ptr<const std::string> images);
    void record(const std::string &resource, EventType type, const StoredObject &obj);
    struct Window
    {
        std::deque<StoreEvent> events;
        std::uint64_t start = 0; // events after this resourceVersion are all retained
        void trim(std::size_t size);
    };

    std::unordered_map<std::string, std::map<std::string, StoredObject>> m_objects;
    std::unordered_map<std::string, Window> m_windows;
    std::size_t m_windowSize = 10000;
    std::uint64_t m_rv = 1000;
    std::uint64_t m_compactedRv = 1000;
    std::unordered_map<std::size_t, std::vector<std::weak_ptr<const std::string>>> m_imagePool;
};

std::string newUid();
std::string nowRfc3339();

} // namespace sim

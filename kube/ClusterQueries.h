#pragma once

#include "kube/AccessReview.h"
#include "kube/ApiError.h"
#include "kube/KubeEvent.h"
#include "kube/Pod.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <vector>

namespace kube {

class ApiClient;

struct NodePods
{
    QString node;
    std::vector<PodPtr> pods; // all namespaces, in the server's order
    QString resourceVersion;
    ApiError error;
};

struct NodeEvents
{
    QString node;
    std::vector<KubeEventPtr> events; // oldest first (as kubectl describe sorts them)
    ApiError error;
};

// Read-only questions the UI asks about one node: its pods, its recent events, and what the
// user may do to it. Every call returns at once; the answer comes to `done`, on this object's
// thread, unless `context` was destroyed first (pass nullptr for "always"). Lists are decoded
// off the calling thread. Callers that ask again before an answer came keep a generation
// counter of their own and drop the older answer.
class ClusterQueries : public QObject
{
    Q_OBJECT

public:
    explicit ClusterQueries(ApiClient *client, QObject *parent = nullptr);

    // GET /api/v1/pods?fieldSelector=spec.nodeName=NODE (paginated), all namespaces.
    void podsOnNode(const QString &node, QObject *context,
                    std::function<void(const NodePods &)> done, const QString &labelSelector = {});

    // core/v1 Events about the node, queried as kubectl describe does: once by the node's UID
    // (controllers) and once with its name as UID (the kubelet), merged.
    void eventsOfNode(const QString &node, const QString &nodeUid, QObject *context,
                      std::function<void(const NodeEvents &)> done);

    // One SelfSubjectAccessReview.
    void review(const AccessCheck &check, QObject *context,
                std::function<void(const AccessDecision &)> done);

    // Every review the node actions need (patch the node, list/evict/delete pods, create events).
    void nodePermissions(const QString &node, QObject *context,
                         std::function<void(const NodePermissions &)> done);

private:
    QPointer<ApiClient> m_client;
};

} // namespace kube

Q_DECLARE_METATYPE(kube::NodePods)
Q_DECLARE_METATYPE(kube::NodeEvents)

#pragma once

#include "kube/AccessReview.h"
#include "kube/AccessReviewCache.h"
#include "kube/ApiError.h"
#include "kube/KubeEvent.h"
#include "kube/Pod.h"

#include <QMultiHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <vector>

namespace kube {

class ApiClient;
class ObjectLister;

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
// off the calling thread and read from the API server's watch cache (resourceVersion=0: no
// etcd read; the cache indexes pods by node). `cancel(context)` stops what a context asked
// and no longer wants (the selection moved on). Access reviews go through a short cache.
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

    // Stops the pod and event lists `context` asked for: no answer comes, nothing more is sent.
    void cancel(QObject *context);
    // Lists in flight for `context` (nullptr: all).
    int pending(QObject *context = nullptr) const;

    AccessReviewCache *accessCache() const { return m_access; }

private:
    void track(QObject *context, ObjectLister *lister);
    void sendReview(const AccessCheck &check, std::function<void(const AccessDecision &)> done);

    QPointer<ApiClient> m_client;
    AccessReviewCache *m_access = nullptr;
    QMultiHash<QObject *, QPointer<ObjectLister>> m_listers;
};

} // namespace kube

Q_DECLARE_METATYPE(kube::NodePods)
Q_DECLARE_METATYPE(kube::NodeEvents)

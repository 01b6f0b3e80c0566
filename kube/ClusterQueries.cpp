#include "kube/ClusterQueries.h"

#include "kube/ApiCall.h"
#include "kube/ApiClient.h"
#include "kube/EventDecoder.h"
#include "kube/ObjectLister.h"
#include "kube/PodDecoder.h"

#include <QHash>

#include <algorithm>

namespace kube {

namespace {

// Calls `fn` unless a context was given and is gone.
template <typename T> class Reply
{
public:
    Reply(QObject *context, std::function<void(const T &)> fn)
        : m_context(context)
        , m_hadContext(context != nullptr)
        , m_fn(std::move(fn))
    {}
    void operator()(const T &value) const
    {
        if (m_fn && (!m_hadContext || m_context))
            m_fn(value);
    }

private:
    QPointer<QObject> m_context;
    bool m_hadContext;
    std::function<void(const T &)> m_fn;
};

} // namespace

ClusterQueries::ClusterQueries(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_access(new AccessReviewCache(
          [this](const AccessCheck &c, std::function<void(const AccessDecision &)> done) {
              sendReview(c, std::move(done));
          },
          AccessReviewCache::DefaultTtlMs, this))
{}

void ClusterQueries::track(QObject *context, ObjectLister *lister)
{
    m_listers.insert(context, lister);
    connect(lister, &QObject::destroyed, this, [this, context, lister] {
        for (auto it = m_listers.find(context); it != m_listers.end() && it.key() == context;) {
            if (!*it || *it == lister)
                it = m_listers.erase(it);
            else
                ++it;
        }
    });
}

void ClusterQueries::cancel(QObject *context)
{
    const auto listers = m_listers.values(context);
    m_listers.remove(context);
    for (const QPointer<ObjectLister> &l : listers)
        if (l)
            l->cancel();
}

int ClusterQueries::pending(QObject *context) const
{
    return int(context ? m_listers.count(context) : m_listers.size());
}

void ClusterQueries::podsOnNode(const QString &node, QObject *context,
                                std::function<void(const NodePods &)> done,
                                const QString &labelSelector)
{
    Reply<NodePods> reply(context, std::move(done));
    if (!m_client) {
        NodePods r;
        r.node = node;
        r.error = ApiError::cancelled();
        return reply(r);
    }
    ApiRequest req;
    req.path = QStringLiteral("/api/v1/pods");
    req.query.addQueryItem(QStringLiteral("fieldSelector"),
                           QStringLiteral("spec.nodeName=") + node);
    if (!labelSelector.isEmpty())
        req.query.addQueryItem(QStringLiteral("labelSelector"), labelSelector);
    req.query.addQueryItem(QStringLiteral("resourceVersion"), QStringLiteral("0"));
    req.context = tr("list pods on node %1").arg(node);
    auto *lister = new ObjectLister(m_client, req, std::make_shared<PodDecoder>(), 500, this);
    track(context, lister);
    connect(lister, &ObjectLister::finished, this, [reply, node](const ListResult &list) {
        NodePods r;
        r.node = node;
        r.error = list.error;
        r.resourceVersion = list.resourceVersion;
        r.pods.reserve(list.items.size());
        for (const ObjectPtr &o : list.items)
            r.pods.push_back(std::static_pointer_cast<const Pod>(o));
        reply(r);
    });
    lister->start();
}

void ClusterQueries::eventsOfNode(const QString &node, const QString &nodeUid, QObject *context,
                                  std::function<void(const NodeEvents &)> done)
{
    Reply<NodeEvents> reply(context, std::move(done));
    if (!m_client) {
        NodeEvents r;
        r.node = node;
        r.error = ApiError::cancelled();
        return reply(r);
    }
    // The kubelet writes the node's name as involvedObject.uid, controllers its real UID.
    QStringList uids{node};
    if (!nodeUid.isEmpty() && nodeUid != node)
        uids.prepend(nodeUid);

    struct Gather
    {
        NodeEvents result;
        int pending = 0;
    };
    auto gather = std::make_shared<Gather>();
    gather->result.node = node;
    gather->pending = int(uids.size());
    for (const QString &uid : std::as_const(uids)) {
        ApiRequest req;
        req.path = QStringLiteral("/api/v1/events");
        req.query.addQueryItem(QStringLiteral("fieldSelector"),
                               QStringLiteral("involvedObject.kind=Node,involvedObject.name=%1,"
                                              "involvedObject.namespace=,involvedObject.uid=%2")
                                   .arg(node, uid));
        req.query.addQueryItem(QStringLiteral("resourceVersion"), QStringLiteral("0"));
        req.context = tr("list events of node %1").arg(node);
        auto *lister = new ObjectLister(m_client, req, std::make_shared<EventDecoder>(), 500, this);
        track(context, lister);
        connect(lister, &ObjectLister::finished, this, [reply, gather](const ListResult &list) {
            if (list.error && !gather->result.error)
                gather->result.error = list.error;
            for (const ObjectPtr &o : list.items)
                gather->result.events.push_back(std::static_pointer_cast<const KubeEvent>(o));
            if (--gather->pending > 0)
                return;
            auto &events = gather->result.events;
            // The two queries cannot overlap in theory; dedupe anyway (an event edited between
            // them).
            std::stable_sort(
                events.begin(), events.end(),
                [](const KubeEventPtr &a, const KubeEventPtr &b) { return a->key() < b->key(); });
            events.erase(std::unique(events.begin(), events.end(),
                                     [](const KubeEventPtr &a, const KubeEventPtr &b) {
                                         return a->key() == b->key();
                                     }),
                         events.end());
            std::stable_sort(events.begin(), events.end(),
                             [](const KubeEventPtr &a, const KubeEventPtr &b) {
                                 return a->lastSeen() < b->lastSeen();
                             });
            reply(gather->result);
        });
        lister->start();
    }
}

void ClusterQueries::review(const AccessCheck &check, QObject *context,
                            std::function<void(const AccessDecision &)> done)
{
    Reply<AccessDecision> reply(context, std::move(done));
    m_access->check(check, [reply](const AccessDecision &d) { reply(d); });
}

void ClusterQueries::sendReview(const AccessCheck &check,
                                std::function<void(const AccessDecision &)> reply)
{
    AccessDecision decision;
    decision.check = check;
    if (!m_client) {
        decision.error = ApiError::cancelled();
        return reply(decision);
    }
    ApiRequest req;
    req.verb = "POST";
    req.path = QStringLiteral("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews");
    req.body = check.requestBody();
    req.context = tr("check permission to %1").arg(check.describe());
    ApiCall *call = m_client->send(req);
    connect(call, &ApiCall::finished, this, [reply, decision](const ApiResponse &r) mutable {
        if (r.error)
            decision.error = r.error;
        else
            readAccessReview(r.body, &decision);
        reply(decision);
    });
}

void ClusterQueries::nodePermissions(const QString &node, QObject *context,
                                     std::function<void(const NodePermissions &)> done)
{
    Reply<NodePermissions> reply(context, std::move(done));
    struct Gather
    {
        NodePermissions result;
        int pending = 5;
    };
    auto gather = std::make_shared<Gather>();
    gather->result.node = node;
    const QString ns; // all namespaces: drain evicts wherever the node's pods are
    const std::vector<std::pair<AccessCheck, AccessDecision NodePermissions::*>> checks = {
        {{QStringLiteral("patch"), {}, QStringLiteral("nodes"), {}, node, {}},
         &NodePermissions::patchNode},
        {{QStringLiteral("list"), {}, QStringLiteral("pods"), {}, {}, ns},
         &NodePermissions::listPods},
        {{QStringLiteral("create"), {}, QStringLiteral("pods"), QStringLiteral("eviction"), {}, ns},
         &NodePermissions::evictPods},
        {{QStringLiteral("delete"), {}, QStringLiteral("pods"), {}, {}, ns},
         &NodePermissions::deletePods},
        {{QStringLiteral("create"),
          {},
          QStringLiteral("events"),
          {},
          {},
          QStringLiteral("default")},
         &NodePermissions::createEvents},
    };
    for (const auto &[check, member] : checks) {
        review(check, nullptr, [reply, gather, member = member](const AccessDecision &d) {
            gather->result.*member = d;
            if (d.error && !gather->result.error)
                gather->result.error = d.error;
            if (--gather->pending == 0)
                reply(gather->result);
        });
    }
}

} // namespace kube

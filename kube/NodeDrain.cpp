#include "kube/NodeDrain.h"

#include "kube/ApiCall.h"
#include "kube/ApiClient.h"
#include "kube/EvictionLimiter.h"
#include "kube/JsonCodec.h"
#include "kube/Logging.h"
#include "kube/NodeActions.h"
#include "kube/ObjectLister.h"
#include "kube/PodDecoder.h"
#include "kube/RetryPolicy.h"

#include <QSet>

#include <limits>

namespace kube {

namespace {

using json::Json;

// A pod's fate after kubectl's filters (k8s.io/kubectl/pkg/drain/filters.go).
struct FilterStatus
{
    enum class Reason { Okay, Skip, Warning, Error };
    bool remove = true;
    Reason reason = Reason::Okay;
    QString message;
};

FilterStatus okay()
{
    return {};
}
FilterStatus skip(const QString &message = {})
{
    return {false, FilterStatus::Reason::Skip, message};
}
FilterStatus warning(bool remove, const QString &message)
{
    return {remove, FilterStatus::Reason::Warning, message};
}
FilterStatus error(const QString &message)
{
    return {false, FilterStatus::Reason::Error, message};
}

QString daemonSetKey(const Pod &pod)
{
    return pod.namespaceName + QLatin1Char('/') + pod.controllerRef()->name;
}

bool isDaemonSetPod(const Pod &pod)
{
    const OwnerReference *c = pod.controllerRef();
    return c && c->kind == QLatin1String("DaemonSet");
}

} // namespace

struct NodeDrain::PodRun
{
    std::size_t index = 0; // into m_result.pods
    quint64 ticket = 0;    // limiter ticket, 0: none
    bool holding = false;
    bool finished = false;
    QTimer timer; // the next retry or poll
    ApiError error;
};

QString DrainPod::stateName(State state)
{
    switch (state) {
    case State::Pending:
        return NodeDrain::tr("pending");
    case State::Skipped:
        return NodeDrain::tr("skipped");
    case State::Blocking:
        return NodeDrain::tr("blocking");
    case State::Evicting:
        return NodeDrain::tr("evicting");
    case State::BlockedByPdb:
        return NodeDrain::tr("blocked by PodDisruptionBudget");
    case State::Evicted:
        return NodeDrain::tr("evicted");
    case State::Deleted:
        return NodeDrain::tr("deleted");
    case State::Failed:
        return NodeDrain::tr("failed");
    case State::NotEvicted:
        return NodeDrain::tr("not evicted");
    }
    return {};
}

QStringList DrainResult::podsIn(DrainPod::State state) const
{
    QStringList out;
    for (const DrainPod &p : pods)
        if (p.state == state)
            out << p.key();
    return out;
}

NodeDrain::NodeDrain(ApiClient *client, const QString &node, const DrainOptions &options,
                     EvictionLimiter *limiter, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_options(options)
    , m_limiter(limiter)
{
    m_result.node = node;
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &NodeDrain::onTimeout);
}

NodeDrain::~NodeDrain()
{
    stopEverything();
}

void NodeDrain::start()
{
    if (m_running || m_done || m_stopping)
        return;
    m_running = true;
    readNode();
}

void NodeDrain::cancel()
{
    if (!m_running || m_done)
        return;
    qCDebug(lcKube) << "drain of" << node() << "cancelled";
    m_stopping = true;
    m_running = false; // it acts no more; it only reads back what it did
    stopEverything();
    m_result.error = ApiError::cancelled(tr("drain node %1").arg(node()));
    readBack();
}

void NodeDrain::readBack()
{
    // What an abandoned eviction did is only known by asking: the server may have accepted it
    // just before the stop, and an accepted one runs to its end without us. Without this, a
    // stopped drain reports "evicting" for pods long gone.
    for (auto &run : m_runs) {
        if (run->finished)
            continue;
        DrainPod &pod = m_result.pods[run->index];
        if (pod.attempts == 0 || pod.state != DrainPod::State::Evicting || !m_client) {
            // Never sent, or refused (a budget) and waiting for its retry: still on the node.
            run->finished = true;
            setPodState(run.get(), DrainPod::State::NotEvicted,
                        tr("the drain was stopped before this pod was evicted"));
            continue;
        }
        ApiRequest req;
        req.path = QStringLiteral("/api/v1/namespaces/%1/pods/%2").arg(pod.namespaceName, pod.name);
        req.context = tr("read back pod %1 after the drain was stopped").arg(pod.key());
        req.maxRetries = 1; // the operator is waiting for the stop: one look, one retry
        req.timeoutMs = 10000;
        ApiCall *call = m_client->send(req);
        track(call);
        ++m_readBacks;
        PodRun *r = run.get();
        connect(call, &ApiCall::finished, this, [this, r](const ApiResponse &resp) {
            if (m_done)
                return;
            r->finished = true;
            const DrainPod &pod = m_result.pods[r->index];
            const DrainPod::State gone =
                m_result.usedEviction ? DrainPod::State::Evicted : DrainPod::State::Deleted;
            const PodPtr now = resp.ok() ? PodDecoder::decodePod(resp.body) : PodPtr();
            if (resp.error.isNotFound() || (now && now->uid != pod.uid)) {
                setPodState(r, gone);
            } else if (resp.error || !now) {
                setPodState(r, DrainPod::State::Evicting,
                            tr("the drain was stopped; its state is not known: %1")
                                .arg(resp.error ? resp.error.toString() : tr("unreadable answer")));
            } else if (now->isTerminating()) {
                setPodState(r, DrainPod::State::Evicting,
                            tr("eviction accepted; still terminating when the drain was stopped"));
            } else {
                setPodState(r, DrainPod::State::NotEvicted,
                            tr("the drain was stopped before the eviction took effect"));
            }
            readBackDone();
        });
    }
    // Stopped between sorting the pods out and evicting them: those are all still there.
    for (DrainPod &pod : m_result.pods) {
        if (pod.state != DrainPod::State::Pending)
            continue;
        pod.state = DrainPod::State::NotEvicted;
        pod.message = tr("the drain was stopped before this pod was evicted");
        emit podChanged(pod);
    }
    if (m_readBacks == 0)
        finish(DrainResult::Outcome::Cancelled);
}

void NodeDrain::readBackDone()
{
    if (--m_readBacks == 0)
        finish(DrainResult::Outcome::Cancelled);
}

void NodeDrain::track(ApiCall *call)
{
    m_calls.removeAll(nullptr);
    m_calls << call;
}

void NodeDrain::trackNodeCall(ApiCall *call)
{
    track(call);
    connect(call, &ApiCall::retrying, this,
            [this, what = call->request().context](int, int delayMs, const ApiError &error) {
                reportRetry(what, delayMs, error);
            });
}

void NodeDrain::reportRetry(const QString &what, int delayMs, const ApiError &error)
{
    if (m_done)
        return;
    emit progress(tr("%1: %2; retrying in %3 s")
                      .arg(what, RetryPolicy::describe(error))
                      .arg(delayMs / 1000.0, 0, 'f', 1));
}

void NodeDrain::stopEverything()
{
    m_timeout.stop();
    for (const QPointer<ApiCall> &c : std::as_const(m_calls))
        if (c)
            c->cancel();
    m_calls.clear();
    if (m_lister)
        m_lister->cancel();
    for (auto &run : m_runs) {
        run->timer.stop();
        if (run->ticket && m_limiter)
            m_limiter->release(run->ticket);
        run->ticket = 0;
        run->holding = false;
    }
    if (m_actions)
        m_actions->deleteLater(); // this may be running inside its callback
    m_actions = nullptr;
}

void NodeDrain::fail(const ApiError &error)
{
    m_result.error = error;
    stopEverything();
    finish(DrainResult::Outcome::Failed);
}

void NodeDrain::readNode()
{
    if (!m_client)
        return fail(ApiError::cancelled(tr("drain node %1").arg(node())));
    if (m_options.dryRun) {
        // Only make sure the node exists: a dry run changes nothing, not even the cordon.
        ApiRequest req;
        req.path = QStringLiteral("/api/v1/nodes/") + node();
        req.context = tr("drain node %1").arg(node());
        ApiCall *call = m_client->send(req);
        trackNodeCall(call);
        connect(call, &ApiCall::finished, this, [this](const ApiResponse &r) {
            if (m_done)
                return;
            if (r.error)
                return fail(r.error);
            listPods();
        });
        return;
    }
    // Cordon first, as kubectl does: nothing new lands on the node while it drains.
    m_actions = new NodeActions(m_client, this);
    connect(m_actions, &NodeActions::progress, this,
            [this](quint64, const QString &, const QString &message) {
                if (!m_done)
                    emit progress(message);
            });
    m_actions->cordon(node(), {}, this, [this](const NodeActionResult &r) {
        if (m_done)
            return;
        if (!r.ok()) {
            ApiError e = r.error;
            e.context = tr("drain node %1: cordon").arg(node());
            return fail(e);
        }
        m_result.cordoned = r.changed;
        listPods();
    });
}

void NodeDrain::listPods()
{
    ApiRequest req;
    req.path = QStringLiteral("/api/v1/pods");
    req.query.addQueryItem(QStringLiteral("fieldSelector"),
                           QStringLiteral("spec.nodeName=") + node());
    if (!m_options.podSelector.isEmpty())
        req.query.addQueryItem(QStringLiteral("labelSelector"), m_options.podSelector);
    req.context = tr("drain node %1: list its pods").arg(node());
    m_lister =
        new ObjectLister(m_client, req, std::make_shared<PodDecoder>(), m_options.chunkSize, this);
    connect(m_lister, &ObjectLister::retrying, this,
            [this, what = req.context](int, int delayMs, const ApiError &error) {
                reportRetry(what, delayMs, error);
            });
    connect(m_lister, &ObjectLister::finished, this, [this](const ListResult &list) {
        if (m_done)
            return;
        if (list.error)
            return fail(list.error);
        m_pods.clear();
        for (const ObjectPtr &o : list.items)
            m_pods.push_back(std::static_pointer_cast<const Pod>(o));
        checkDaemonSets();
    });
    m_lister->start();
}

void NodeDrain::checkDaemonSets()
{
    // kubectl asks for the DaemonSet of every live DaemonSet pod: an orphan needs --force.
    QSet<QString> wanted;
    for (const PodPtr &p : m_pods) {
        const bool skippedAsDeleted = m_options.skipWaitForDeleteTimeoutSeconds > 0 &&
                                      p->isTerminating() &&
                                      p->deletionTimestamp.secsTo(QDateTime::currentDateTimeUtc()) >
                                          m_options.skipWaitForDeleteTimeoutSeconds;
        if (!skippedAsDeleted && isDaemonSetPod(*p) && !p->isTerminal())
            wanted.insert(daemonSetKey(*p));
    }
    if (wanted.isEmpty())
        return filterPods();
    auto pending = std::make_shared<int>(int(wanted.size()));
    for (const QString &key : std::as_const(wanted)) {
        const qsizetype slash = key.indexOf(QLatin1Char('/'));
        ApiRequest req;
        req.path = QStringLiteral("/apis/apps/v1/namespaces/%1/daemonsets/%2")
                       .arg(key.left(slash), key.mid(slash + 1));
        req.context = tr("drain node %1: read DaemonSet %2").arg(node(), key);
        ApiCall *call = m_client->send(req);
        trackNodeCall(call);
        connect(call, &ApiCall::finished, this, [this, key, pending](const ApiResponse &r) {
            if (m_done)
                return;
            m_daemonSets.insert(key, r.error);
            if (--*pending == 0)
                filterPods();
        });
    }
}

void NodeDrain::filterPods()
{
    const QString daemonSetFatal = tr("DaemonSet-managed Pods (use --ignore-daemonsets to ignore)");
    const QString daemonSetWarning = tr("ignoring DaemonSet-managed Pods");
    const QString localStorageFatal =
        tr("Pods with local storage (use --delete-emptydir-data to override)");
    const QString localStorageWarning = tr("deleting Pods with local storage");
    const QString unmanagedFatal =
        tr("cannot delete Pods that declare no controller (use --force to override)");
    const QString unmanagedWarning = tr("deleting Pods that declare no controller");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const DrainOptions &o = m_options;

    // The filters in kubectl's order; the first that does not let the pod go decides.
    const std::vector<std::function<FilterStatus(const Pod &)>> filters = {
        [&](const Pod &p) {
            if (o.skipWaitForDeleteTimeoutSeconds > 0 && p.isTerminating() &&
                p.deletionTimestamp.secsTo(now) > o.skipWaitForDeleteTimeoutSeconds)
                return skip(tr("deletion timestamp older than %1 s")
                                .arg(o.skipWaitForDeleteTimeoutSeconds));
            return okay();
        },
        [&](const Pod &p) {
            if (!isDaemonSetPod(p) || p.isTerminal())
                return okay();
            const ApiError err = m_daemonSets.value(daemonSetKey(p));
            if (err) {
                if (err.isNotFound() && o.force)
                    return warning(true, err.message);
                return error(err.message.isEmpty() ? err.toString() : err.message);
            }
            if (!o.ignoreDaemonSets)
                return error(daemonSetFatal);
            return warning(false, daemonSetWarning);
        },
        [&](const Pod &p) { return p.mirror ? skip(tr("mirror pod")) : okay(); },
        [&](const Pod &p) {
            if (!p.hasEmptyDir() || p.isTerminal())
                return okay();
            if (!o.deleteEmptyDirData)
                return error(localStorageFatal);
            return warning(true, localStorageWarning);
        },
        [&](const Pod &p) {
            if (p.isTerminal() || p.controllerRef())
                return okay();
            if (o.force)
                return warning(true, unmanagedWarning);
            return error(unmanagedFatal);
        },
    };

    QStringList errorOrder;
    QHash<QString, QStringList> errors;
    QStringList warningOrder;
    QHash<QString, QStringList> warnings;
    m_result.pods.clear();
    for (const PodPtr &p : m_pods) {
        FilterStatus status;
        for (const auto &filter : filters) {
            status = filter(*p);
            if (!status.remove)
                break;
        }
        DrainPod dp;
        dp.node = node();
        dp.namespaceName = p->namespaceName;
        dp.name = p->name;
        dp.uid = p->uid;
        dp.pod = p;
        dp.message = status.message;
        if (status.reason == FilterStatus::Reason::Error) {
            dp.state = DrainPod::State::Blocking;
            if (!errors.contains(status.message))
                errorOrder << status.message;
            errors[status.message] << dp.key();
        } else {
            dp.state = status.remove ? DrainPod::State::Pending : DrainPod::State::Skipped;
            if (status.reason == FilterStatus::Reason::Warning) {
                if (!warnings.contains(status.message))
                    warningOrder << status.message;
                warnings[status.message] << dp.key();
            }
        }
        m_result.pods.push_back(dp);
    }
    for (const QString &msg : std::as_const(errorOrder)) {
        const QString pods = errors.value(msg).join(QLatin1String(", "));
        if (msg.startsWith(QLatin1String("cannot delete"), Qt::CaseInsensitive))
            m_result.blockers << tr("%1: %2").arg(msg, pods);
        else
            m_result.blockers << tr("cannot delete %1: %2").arg(msg, pods);
    }
    for (const QString &msg : std::as_const(warningOrder))
        m_result.warnings << tr("%1: %2").arg(msg, warnings.value(msg).join(QLatin1String(", ")));
    for (const DrainPod &dp : m_result.pods)
        emit podChanged(dp);

    if (m_options.dryRun) {
        if (!m_result.blockers.isEmpty()) {
            m_result.error = ApiError::invalid(m_result.blockers.join(QLatin1String("; ")),
                                               tr("drain node %1 (dry run)").arg(node()));
            return finish(DrainResult::Outcome::DryRun);
        }
        // The plan says how pods would go: evicted (which version) or deleted.
        if (m_options.disableEviction || m_result.podsIn(DrainPod::State::Pending).isEmpty())
            return finish(DrainResult::Outcome::DryRun);
        return checkEvictionSupport([this] { finish(DrainResult::Outcome::DryRun); });
    }
    if (!m_result.blockers.isEmpty()) {
        // Every blocker at once, before anything is evicted.
        m_result.error = ApiError::invalid(m_result.blockers.join(QLatin1String("; ")),
                                           tr("drain node %1").arg(node()));
        return finish(DrainResult::Outcome::Refused);
    }
    if (m_result.podsIn(DrainPod::State::Pending).isEmpty())
        return finish(DrainResult::Outcome::Drained);
    if (m_options.disableEviction)
        return evictAll();
    checkEvictionSupport([this] { evictAll(); });
}

void NodeDrain::checkEvictionSupport(std::function<void()> then)
{
    // As current kubectl's CheckEvictionSupport: the group and version that /api/v1's
    // `pods/eviction` entry names (a 1.21 server prefers policy/v1 but names policy/v1beta1
    // there). An entry without them (servers before 1.8) means policy/v1beta1. Only when the
    // subresource itself is absent are pods deleted, and the plan says so: the policy group
    // missing from /apis is no reason to bypass the disruption budgets.
    ApiRequest core;
    core.path = QStringLiteral("/api/v1");
    core.context = tr("drain node %1: discover the eviction API").arg(node());
    ApiCall *call = m_client->send(core);
    trackNodeCall(call);
    connect(call, &ApiCall::finished, this, [this, then](const ApiResponse &r) {
        if (m_done)
            return;
        if (r.error)
            return fail(r.error);
        m_evictionGroupVersion.clear();
        const Json resources = json::parse(r.body);
        for (const Json &res : json::arr(resources, "resources")) {
            if (json::str(res, "name") != QLatin1String("pods/eviction") ||
                json::str(res, "kind") != QLatin1String("Eviction"))
                continue;
            const QString group = json::str(res, "group");
            const QString version = json::str(res, "version");
            m_evictionGroupVersion = !group.isEmpty() && !version.isEmpty()
                                         ? group + QLatin1Char('/') + version
                                         : QStringLiteral("policy/v1beta1");
        }
        m_result.usedEviction = !m_evictionGroupVersion.isEmpty();
        m_result.evictionVersion = m_evictionGroupVersion;
        if (!m_result.usedEviction)
            m_result.warnings << tr("the server offers no eviction (no pods/eviction in /api/v1): "
                                    "pods are deleted, which PodDisruptionBudgets do not stop");
        then();
    });
}

void NodeDrain::evictAll()
{
    m_result.usedEviction = !m_evictionGroupVersion.isEmpty();
    // The timeout starts with this node's first eviction request (sendEviction), not here: a
    // node waiting for eviction slots behind other drains has not used any of its time.
    m_result.evictionVersion = m_evictionGroupVersion;
    for (std::size_t i = 0; i < m_result.pods.size(); ++i) {
        if (m_result.pods[i].state != DrainPod::State::Pending)
            continue;
        auto run = std::make_unique<PodRun>();
        run->index = i;
        run->timer.setSingleShot(true);
        m_runs.push_back(std::move(run));
    }
    m_unfinished = int(m_runs.size());
    // kubectl evicts every pod at once; a shared limiter bounds that across drains.
    for (auto &run : m_runs)
        schedule(run.get());
}

void NodeDrain::schedule(PodRun *run)
{
    if (m_done || run->finished)
        return;
    if (!m_limiter)
        return sendEviction(run);
    run->ticket = m_limiter->acquire(this, [this, run] {
        if (m_done || m_stopping || run->finished)
            return;
        run->holding = true;
        sendEviction(run);
    });
}

void NodeDrain::sendEviction(PodRun *run)
{
    DrainPod &pod = m_result.pods[run->index];
    ++pod.attempts;
    ApiRequest req;
    const QString podPath =
        QStringLiteral("/api/v1/namespaces/%1/pods/%2").arg(pod.namespaceName, pod.name);
    Json deleteOptions = Json::object();
    if (m_options.gracePeriodSeconds >= 0)
        deleteOptions["gracePeriodSeconds"] = m_options.gracePeriodSeconds;
    if (m_result.usedEviction) {
        req.verb = "POST";
        req.path = podPath + QStringLiteral("/eviction");
        const Json eviction = {
            {"apiVersion", m_evictionGroupVersion.toStdString()},
            {"kind", "Eviction"},
            {"metadata",
             {{"name", pod.name.toStdString()}, {"namespace", pod.namespaceName.toStdString()}}},
            {"deleteOptions", deleteOptions}};
        req.body = QByteArray::fromStdString(eviction.dump());
        req.context = tr("evict pod %1").arg(pod.key());
    } else {
        req.verb = "DELETE";
        req.path = podPath;
        deleteOptions["apiVersion"] = "v1";
        deleteOptions["kind"] = "DeleteOptions";
        req.body = QByteArray::fromStdString(deleteOptions.dump());
        req.context = tr("delete pod %1").arg(pod.key());
    }
    setPodState(run, DrainPod::State::Evicting);
    if (m_options.timeoutMs > 0 && !m_timeoutStarted) {
        m_timeoutStarted = true;
        m_timeout.start(
            int(std::min<qint64>(m_options.timeoutMs, std::numeric_limits<int>::max())));
    }
    ApiCall *call = m_client->send(req);
    track(call);
    // The client retries an overloaded server by itself (RetryPolicy); say so in the progress.
    connect(call, &ApiCall::retrying, this, [this, run](int, int delayMs, const ApiError &error) {
        if (!m_done && !run->finished)
            setPodState(run, DrainPod::State::Evicting,
                        tr("%1; retrying in %2 s")
                            .arg(RetryPolicy::describe(error))
                            .arg(delayMs / 1000.0, 0, 'f', 1));
    });
    connect(call, &ApiCall::finished, this, [this, run](const ApiResponse &r) {
        if (!m_done && !run->finished)
            onEvictionAnswer(run, r);
    });
}

void NodeDrain::onEvictionAnswer(PodRun *run, const ApiResponse &r)
{
    const DrainPod &pod = m_result.pods[run->index];
    const bool evicting = m_result.usedEviction;
    // The slot bounds requests in flight, not pods terminating: the answer frees it, so a long
    // grace period on one node does not hold back the others' evictions.
    if (run->ticket && m_limiter)
        m_limiter->release(run->ticket);
    run->ticket = 0;
    run->holding = false;
    if (r.ok())
        return poll(run);
    if (r.error.isNotFound()) {
        // Already gone.
        setPodState(run, evicting ? DrainPod::State::Evicted : DrainPod::State::Deleted);
        return podDone(run);
    }
    const bool namespaceTerminating =
        r.error.isForbidden() && r.error.hasCause(QStringLiteral("NamespaceTerminating"));
    if (evicting && namespaceTerminating && pod.pod && pod.pod->isTerminating())
        return poll(run); // it will never be evicted, but it is going: wait for it
    // A 429 is either a PodDisruptionBudget (cause DisruptionBudget) or an overloaded server
    // the client's own retries did not outlast; kube-apiserver may also answer a 429 for a
    // budget whose status lags its generation, without the cause.
    const bool budget = RetryPolicy::isDisruptionBudgetRefusal(r.error) ||
                        (r.error.isTooManyRequests() &&
                         r.error.message.contains(QLatin1String("disruption budget")));
    const bool overloaded = r.error.isTooManyRequests() && !budget;
    if (evicting && (budget || overloaded || namespaceTerminating)) {
        // Not allowed now: retry later (the slot is back already). For a budget, kubectl's
        // fixed interval; for overload, at least what the server asked for.
        int delayMs = m_options.evictionRetryIntervalMs;
        if (overloaded)
            delayMs = std::max(delayMs, r.error.retryAfterSeconds * 1000);
        const QString why = overloaded ? RetryPolicy::describe(r.error) : r.error.message;
        setPodState(run, budget ? DrainPod::State::BlockedByPdb : DrainPod::State::Evicting,
                    tr("%1; retrying in %2 s").arg(why).arg(delayMs / 1000.0));
        run->timer.disconnect();
        connect(&run->timer, &QTimer::timeout, this, [this, run] { schedule(run); });
        run->timer.start(delayMs);
        return;
    }
    run->error = r.error;
    setPodState(run, DrainPod::State::Failed, r.error.toString());
    podDone(run);
}

void NodeDrain::poll(PodRun *run)
{
    const DrainPod &pod = m_result.pods[run->index];
    ApiRequest req;
    req.path = QStringLiteral("/api/v1/namespaces/%1/pods/%2").arg(pod.namespaceName, pod.name);
    req.context = tr("wait for pod %1 to terminate").arg(pod.key());
    ApiCall *call = m_client->send(req);
    track(call);
    // A look the server refuses delays noticing that the pod is gone: say so in its progress.
    connect(call, &ApiCall::retrying, this, [this, run](int, int delayMs, const ApiError &error) {
        if (!m_done && !run->finished)
            setPodState(run, m_result.pods[run->index].state,
                        tr("%1; checking again in %2 s")
                            .arg(RetryPolicy::describe(error))
                            .arg(delayMs / 1000.0, 0, 'f', 1));
    });
    connect(call, &ApiCall::finished, this, [this, run](const ApiResponse &r) {
        if (m_done || run->finished)
            return;
        const DrainPod &pod = m_result.pods[run->index];
        const DrainPod::State gone =
            m_result.usedEviction ? DrainPod::State::Evicted : DrainPod::State::Deleted;
        if (r.error.isNotFound()) {
            setPodState(run, gone);
            return podDone(run);
        }
        if (r.error && !r.error.isTransient()) {
            run->error = r.error;
            setPodState(run, DrainPod::State::Failed, r.error.toString());
            return podDone(run);
        }
        if (r.error) {
            // One failed look (the client's retries included) does not mean the eviction
            // failed: the pod is still going. Keep looking; the overall timeout bounds it.
            setPodState(run, pod.state,
                        tr("cannot check the pod (%1); checking again").arg(r.error.toString()));
            run->timer.disconnect();
            connect(&run->timer, &QTimer::timeout, this, [this, run] { poll(run); });
            run->timer.start(m_options.pollIntervalMs);
            return;
        }
        const PodPtr now = PodDecoder::decodePod(r.body);
        if (now && now->uid != pod.uid) {
            setPodState(run, gone); // a new pod of the same name: ours is gone
            return podDone(run);
        }
        if (now && m_options.skipWaitForDeleteTimeoutSeconds > 0 && now->isTerminating() &&
            now->deletionTimestamp.secsTo(QDateTime::currentDateTimeUtc()) >
                m_options.skipWaitForDeleteTimeoutSeconds) {
            setPodState(run, DrainPod::State::Skipped,
                        tr("deletion timestamp older than %1 s, skipping")
                            .arg(m_options.skipWaitForDeleteTimeoutSeconds));
            return podDone(run);
        }
        run->timer.disconnect();
        connect(&run->timer, &QTimer::timeout, this, [this, run] { poll(run); });
        run->timer.start(m_options.pollIntervalMs);
    });
}

void NodeDrain::setPodState(PodRun *run, DrainPod::State state, const QString &message)
{
    DrainPod &pod = m_result.pods[run->index];
    if (pod.state == state && pod.message == message)
        return;
    pod.state = state;
    pod.message = message;
    qCDebug(lcKube).noquote() << "drain" << node() << pod.key() << DrainPod::stateName(state)
                              << message;
    emit podChanged(pod);
}

void NodeDrain::podDone(PodRun *run)
{
    if (run->finished)
        return;
    run->finished = true;
    run->timer.stop();
    if (run->ticket && m_limiter)
        m_limiter->release(run->ticket);
    run->ticket = 0;
    run->holding = false;
    if (--m_unfinished > 0)
        return;
    m_timeout.stop();
    for (const auto &r : m_runs)
        if (r->error && !m_result.error) {
            m_result.error = r->error;
            m_result.error.context = tr("drain node %1: %2").arg(node(), r->error.context);
        }
    finish(m_result.error ? DrainResult::Outcome::Failed : DrainResult::Outcome::Drained);
}

void NodeDrain::onTimeout()
{
    if (m_done || m_stopping)
        return;
    const QString why = tr("global timeout reached: %1 s").arg(m_options.timeoutMs / 1000.0);
    for (auto &run : m_runs)
        if (!run->finished) {
            run->finished = true;
            setPodState(run.get(), DrainPod::State::Failed, why);
        }
    stopEverything();
    ApiError e;
    e.kind = ApiError::Kind::Timeout;
    e.message = why;
    e.context = tr("drain node %1").arg(node());
    m_result.error = e;
    finish(DrainResult::Outcome::TimedOut);
}

void NodeDrain::finish(DrainResult::Outcome outcome)
{
    if (m_done)
        return;
    m_done = true;
    m_running = false;
    m_result.outcome = outcome;
    qCDebug(lcKube) << "drain of" << node() << "finished:" << int(outcome);
    // Delivered on the next turn: a caller of cancel() is not re-entered.
    QMetaObject::invokeMethod(
        this, [this] { emit finished(m_result); }, Qt::QueuedConnection);
}

} // namespace kube

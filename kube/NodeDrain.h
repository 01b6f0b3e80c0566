#pragma once

#include "kube/ApiError.h"
#include "kube/Pod.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace kube {

class ApiCall;
class ApiClient;
struct ApiResponse;
class EvictionLimiter;
class NodeActions;
class ObjectLister;

// kubectl drain's options (k8s.io/kubectl/pkg/drain), with kubectl's defaults.
struct DrainOptions
{
    bool force = false; // --force: delete pods without a controller (or whose DaemonSet is gone)
    bool ignoreDaemonSets = false;   // --ignore-daemonsets: skip DaemonSet pods instead of refusing
    bool deleteEmptyDirData = false; // --delete-emptydir-data: evict pods with emptyDir volumes
    int gracePeriodSeconds = -1;     // --grace-period: -1 uses each pod's own
    qint64 timeoutMs = 0; // --timeout, from the node's first eviction request: 0 waits forever
    QString podSelector;  // --pod-selector (a label selector)
    bool disableEviction = false; // --disable-eviction: DELETE, bypassing PodDisruptionBudgets
    int skipWaitForDeleteTimeoutSeconds = 0; // --skip-wait-for-delete-timeout
    int chunkSize = 500;                     // --chunk-size
    bool dryRun = false; // report what would be evicted and what blocks; change nothing (no cordon)
    int evictionRetryIntervalMs = 5000; // after a 429 (PodDisruptionBudget), as kubectl
    int pollIntervalMs = 1000;          // how often a pod is checked while it terminates
};

// One pod's part in a drain, as reported by `podChanged`.
struct DrainPod
{
    enum class State {
        Pending,      // will be evicted (dry run: would be)
        Skipped,      // left alone: mirror pod, DaemonSet pod with ignore-daemonsets, long-deleted
        Blocking,     // refuses the drain: see `message`
        Evicting,     // eviction accepted (or DELETE sent); waiting for the pod to go
        BlockedByPdb, // 429: a PodDisruptionBudget does not allow it now; retried
        Evicted,      // gone after eviction
        Deleted,      // gone after DELETE (eviction not served, or disabled)
        Failed,       // see `message`
        NotEvicted,   // the drain was stopped before this pod was evicted: it is still there
    };
    QString node;
    QString namespaceName;
    QString name;
    QString uid;
    State state = State::Pending;
    QString message;  // why it blocks, failed, was skipped; the PDB's refusal; a warning
    int attempts = 0; // eviction/delete requests sent
    PodPtr pod;

    QString key() const { return namespaceName + QLatin1Char('/') + name; }
    bool isFinal() const
    {
        return state == State::Evicted || state == State::Deleted || state == State::Failed ||
               state == State::Skipped || state == State::Blocking;
    }
    static QString stateName(State state); // translated: "evicting", "blocked by PDB", ...
};

struct DrainResult
{
    enum class Outcome {
        Drained,   // every pod to evict is gone
        Refused,   // blockers found before anything was evicted (the node stays cordoned)
        Failed,    // an error (the node, the list, or some pods: see pods and error)
        TimedOut,  // the overall timeout passed with pods left
        Cancelled, // stopped by the caller
        DryRun,    // nothing changed; pods and blockers say what would happen
    };
    QString node;
    Outcome outcome = Outcome::Failed;
    bool cordoned = false;     // this drain cordoned the node (false if it already was, or dry run)
    bool usedEviction = false; // false: pods were deleted (eviction not served or disabled)
    QString evictionVersion;   // the Eviction's apiVersion ("policy/v1", "policy/v1beta1"), if any
    std::vector<DrainPod> pods; // every pod of the node with its final state, in list order
    QStringList blockers;       // kubectl's wording, grouped: "cannot delete ...: ns/a, ns/b"
    QStringList warnings;       // kubectl's warnings: "ignoring DaemonSet-managed Pods: ..."
    ApiError error;             // the first failure, worded for an operator

    // Drained, or a dry run that found nothing blocking.
    bool ok() const
    {
        return outcome == Outcome::Drained || (outcome == Outcome::DryRun && blockers.isEmpty());
    }
    // Pods in a state, for reports and tests.
    QStringList podsIn(DrainPod::State state) const;
};

// Drains one node as `kubectl drain` does: cordon, list the node's pods, filter them in kubectl's
// order (long-deleted skipped; DaemonSet pods refuse unless ignore-daemonsets, and need force when
// their DaemonSet is gone; mirror pods skipped; emptyDir pods need delete-emptydir-data; pods
// without a controller need force; terminal pods pass every check), refuse with every blocker at
// once before evicting anything, then evict each pod through policy/v1 (DELETE when eviction is
// not served or disabled), retry 429s, and wait until each pod is gone (404 or a new UID).
//
// Asynchronous and cancellable at any moment; usable headless or from the GUI. Several drains
// sharing one EvictionLimiter bound the evictions in flight across nodes.
class NodeDrain : public QObject
{
    Q_OBJECT

public:
    NodeDrain(ApiClient *client, const QString &node, const DrainOptions &options,
              EvictionLimiter *limiter = nullptr, QObject *parent = nullptr);
    ~NodeDrain() override;

    QString node() const { return m_result.node; }
    const DrainOptions &options() const { return m_options; }
    bool isRunning() const { return m_running; }
    const DrainResult &result() const { return m_result; }

    void start();
    // Stops: requests in flight are abandoned and no eviction is sent any more. An eviction
    // already sent may still have taken effect, so each pod whose eviction was in flight or
    // accepted is read back once (a GET) and reported as it really is: gone, still terminating,
    // or not evicted. Pods never sent stay NotEvicted. Then `finished` comes with
    // Outcome::Cancelled. isRunning() is false from the call on. The node stays cordoned (as
    // after an interrupted kubectl drain).
    void cancel();
    // cancel() was called and the pods are being read back.
    bool isStopping() const { return m_stopping; }

signals:
    void podChanged(const kube::DrainPod &pod);
    // What delays the node's part of the drain (cordon, listing its pods, discovery): "drain
    // node gpu-0001: list its pods: the server is overloaded (429 Too Many Requests); retrying
    // in 1.0 s". Pods' own delays come with podChanged.
    void progress(const QString &message);
    void finished(const kube::DrainResult &result);

private:
    struct PodRun;
    void fail(const ApiError &error);
    void readNode();
    void listPods();
    void checkDaemonSets();
    void filterPods();
    // Finds the Eviction group/version from discovery, then calls `then`.
    void checkEvictionSupport(std::function<void()> then);
    void evictAll();
    void schedule(PodRun *run);
    void sendEviction(PodRun *run);
    void onEvictionAnswer(PodRun *run, const ApiResponse &r);
    void poll(PodRun *run);
    void setPodState(PodRun *run, DrainPod::State state, const QString &message = {});
    void podDone(PodRun *run);
    void onTimeout();
    // After cancel(): one GET per pod whose eviction was sent, then finish(Cancelled).
    void readBack();
    void readBackDone();
    void finish(DrainResult::Outcome outcome);
    void track(ApiCall *call);
    // track(), and its retries reported as progress.
    void trackNodeCall(ApiCall *call);
    void reportRetry(const QString &what, int delayMs, const ApiError &error);
    void stopEverything();

    QPointer<ApiClient> m_client;
    DrainOptions m_options;
    QPointer<EvictionLimiter> m_limiter;
    NodeActions *m_actions = nullptr;
    DrainResult m_result;
    bool m_running = false;
    bool m_done = false;
    bool m_stopping = false;
    int m_readBacks = 0; // GETs after cancel() not answered yet

    std::vector<PodPtr> m_pods;
    QHash<QString, ApiError> m_daemonSets; // ns/name → lookup error (ok: it exists)
    std::vector<std::unique_ptr<PodRun>> m_runs;
    int m_unfinished = 0;
    QString m_evictionGroupVersion; // policy/v1, or empty: DELETE
    QList<QPointer<ApiCall>> m_calls;
    QPointer<ObjectLister> m_lister;
    QTimer m_timeout;
    bool m_timeoutStarted = false; // at the first eviction request
};

} // namespace kube

Q_DECLARE_METATYPE(kube::DrainPod)
Q_DECLARE_METATYPE(kube::DrainResult)

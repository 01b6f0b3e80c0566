#pragma once

#include "kube/NodeActions.h"
#include "kube/NodeDrain.h"
#include "models/ActionLogModel.h"
#include "models/NodeHealth.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace kube {
class EvictionLimiter;
}

namespace models {

class ClusterSession;

// What one action on one node came to, worded once for the window's log, the commands' lines
// and the fault history.
struct ActionOutcome
{
    enum class Kind { Isolate, Restore, Drain };

    Kind kind = Kind::Isolate;
    QString node;
    bool dryRun = false;
    bool changed = false; // false: nothing was (or would be) sent
    ActionLogModel::Result result = ActionLogModel::Result::Failed;
    QString message;   // "taint k=v:NoSchedule added, cordoned", the error, "3 pod(s) evicted"
    QString notice;    // said next to the message: a cordon kept, an Event not written
    quint64 logId = 0; // the action log's entry (0: no log, or a dry run)
    kube::NodeActionResult action; // isolate, restore
    kube::DrainResult drain;       // drain
    // isolate: the node's own fault it is (would be) isolated for, empty when it has none;
    // restore: the critical fault it still has, empty when none (NodeOperations' rules).
    QString fault;
    QDateTime faultSince; // restore: since when that fault is active; invalid: not known
    // What the rules object to, even when the operator chose to act anyway (`forced`); empty
    // when they do not. Unforced, the action is refused (a dry run: would be) with it.
    QString objection;
    bool forced = false;

    bool refused() const { return !objection.isEmpty() && !forced; }
    bool ok() const
    {
        return result == ActionLogModel::Result::Succeeded ||
               result == ActionLogModel::Result::DryRun;
    }
    // The stable id stored in the history: isolate, restore, drain.
    static QString kindId(Kind kind);
};

// Where the engine's rules want the operator's explicit choice (the window's tick boxes, the
// commands' --force) and what the request is part of.
struct ActionChoice
{
    bool force = false; // act although the rules object
    bool batch = false; // the node is one of several named in one request
};

// The one action engine the window and the headless commands call: isolate, restore and drain
// (and their dry-run plans), the rules they follow — a node is isolated for its worst fault,
// which names the taint's value; evictions in flight are bounded across every drain of the
// cluster — and their record: who acted, the action log entry and the history's audit row.
// Callers show what it reports; they hold no policy.
//
// The rules that ask before acting, judged on the node as read right before the change:
// - restore objects to a node that still has a critical fault (restoring puts a broken node
//   back into scheduling): which fault, since when;
// - isolate, in a batch (several nodes in one request), objects to a node with no active fault:
//   a selection or a rack's list easily sweeps healthy nodes along, and isolating them takes
//   capacity away in an incident. One node named on its own is already the operator's choice.
// Each isolated node's taint value and reason are its own fault, never another node's.
// An objection refuses the action unless ActionChoice::force; a dry run reports it.
class NodeOperations : public QObject
{
    Q_OBJECT

public:
    // Evictions in flight at once across all the nodes draining in this cluster.
    static constexpr int MaxConcurrentEvictions = 20;

    using Done = std::function<void(const ActionOutcome &)>;

    explicit NodeOperations(ClusterSession *session);
    ~NodeOperations() override;

    void setIsolationSettings(const kube::IsolationSettings &settings);
    const kube::IsolationSettings &isolationSettings() const;
    // The window's action log; the commands have none. Entries are added and completed here.
    void setActionLog(ActionLogModel *log) { m_log = log; }

    // Who acts, for annotations, Events, the log and the history: the identity the API server
    // reports (SelfSubjectReview) once known, else the kubeconfig user.
    QString operatorName() const;
    // True when operatorName() is what the server said, false when it is the kubeconfig's.
    bool operatorConfirmed() const { return m_confirmed; }
    // Asks the server who we are; `identified` follows either way.
    void identify();

    // The taint rule: the fault a node is isolated for (its worst), empty when it has none.
    static QString isolationFault(const NodeHealth &health);

    // A critical fault of the node (the oldest of them), null when it has none.
    static const Fault *activeCriticalFault(const NodeHealth &health);

    // The isolated-reason recorded on a node: its own fault, then the operator's note.
    static QString isolationReason(const QString &fault, const QString &note);

    // With options.dryRun: the plan (what the server would store), not recorded. `note` is the
    // operator's words (a ticket, what was seen); each node's reason starts with its own fault.
    void isolate(const QString &node, const QString &note, const kube::ActionOptions &options,
                 QObject *context, Done done, ActionChoice choice = {});
    void restore(const QString &node, const QString &reason, const kube::ActionOptions &options,
                 QObject *context, Done done, ActionChoice choice = {});
    // A drain, not started (connect to its signals, then start()). A dry run (the plan) uses no
    // eviction slots and is not recorded; a real drain shares the cluster's limiter and is
    // logged and recorded when it finishes.
    kube::NodeDrain *drain(const QString &node, const kube::DrainOptions &options, QObject *parent);
    kube::EvictionLimiter *evictionLimiter() const { return m_limiter; }

    // "taint k=v:NoSchedule added, cordoned", from what the server stored (or would store).
    static QString describeChange(const kube::NodeChange &change);
    static ActionOutcome drainOutcome(const kube::DrainResult &result);

signals:
    void identified();
    // What delays a running action (the server refused a request and it is retried), also
    // written into its action log entry: "cordon node gpu-0001: the server is overloaded (429
    // Too Many Requests); retrying in 1.0 s".
    void actionProgress(const QString &node, const QString &message);
    void actionFinished(const models::ActionOutcome &outcome);

private:
    ActionOutcome actionOutcome(ActionOutcome::Kind kind, const kube::NodeActionResult &r) const;
    quint64 logStart(ActionOutcome::Kind kind, const QString &node, const QString &message);
    void complete(ActionOutcome outcome, const Done &done);
    void reportProgress(quint64 logId, const QString &node, const QString &message);

    ClusterSession *m_session;
    kube::NodeActions *m_actions;
    kube::EvictionLimiter *m_limiter;
    QPointer<ActionLogModel> m_log;
    QString m_serverIdentity;
    QHash<quint64, quint64> m_logIdOfJob; // NodeActions job → its action log entry (0: none)
    bool m_confirmed = false;
};

} // namespace models

Q_DECLARE_METATYPE(models::ActionOutcome)

#pragma once

#include "kube/ApiError.h"
#include "kube/Node.h"
#include "kube/TaintSpec.h"

#include <QMetaType>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <vector>

namespace kube {

class ApiCall;
class ApiClient;

// Faultboard's isolation mark. The annotation keys are fixed (models/Classifier reads them);
// the taint is configurable.
struct IsolationSettings
{
    static inline const QString AnnotationBy = QStringLiteral("faultboard.io/isolated-by");
    static inline const QString AnnotationReason = QStringLiteral("faultboard.io/isolated-reason");
    static inline const QString AnnotationAt = QStringLiteral("faultboard.io/isolated-at");
    // What isolate itself changed, so restore undoes exactly that: the taint it added
    // ("key=value:Effect"; absent when the node already carried one with that key and effect)
    // and whether it cordoned ("true") or found the node already cordoned ("false").
    static inline const QString AnnotationTaint = QStringLiteral("faultboard.io/isolated-taint");
    static inline const QString AnnotationCordon = QStringLiteral("faultboard.io/isolated-cordon");
    // "server" when isolated-by is the identity the API server reported, "kubeconfig" when it
    // is the kubeconfig's user entry (the server could not say).
    static inline const QString AnnotationBySource =
        QStringLiteral("faultboard.io/isolated-by-source");

    QString taintKey = QStringLiteral("faultboard.io/isolated");
    QString taintValue; // empty: the fault being isolated for
    QString taintEffect =
        QStringLiteral("NoSchedule"); // or NoExecute (evicts what does not tolerate it)
    bool recordEvent = true;          // a core/v1 Event on the node
};

struct ActionOptions
{
    bool dryRun = false;        // server-side dryRun=All: validated and reported, nothing persisted
    int maxConflictRetries = 5; // 409 Conflict → fresh GET and retry, at most this many times
    QString fieldManager = QStringLiteral("faultboard");
    // restore: uncordon even when Faultboard did not cordon the node (the operator asked).
    bool forceUncordon = false;
    // isolate: this taint effect instead of the settings' (NoSchedule or NoExecute).
    QString taintEffect;
};

// The node's state before and after an action (for dry-run: after = what the server would store).
struct NodeChange
{
    std::vector<Taint> taintsBefore;
    std::vector<Taint> taintsAfter;
    bool unschedulableBefore = false;
    bool unschedulableAfter = false;
    StringMap annotationsBefore; // only faultboard.io/ annotations
    StringMap annotationsAfter;
};

struct NodeActionResult
{
    enum class Action { Cordon, Uncordon, Taint, Isolate, Restore };

    QString node;
    Action action = Action::Cordon;
    bool dryRun = false;
    bool changed = false; // false: the node was already in the wanted state, nothing was sent
    NodeChange change;
    int attempts = 0; // PATCH attempts (more than one after conflicts)
    bool eventRecorded = false;
    ApiError error;      // the action failed: nothing was changed
    ApiError eventError; // the action succeeded but its Event could not be written
    // restore: the node carries no record of a Faultboard isolation, so it was left alone
    // (except for an uncordon the operator forced).
    bool notIsolated = false;
    // restore: the node stays cordoned because Faultboard did not cordon it.
    bool cordonKept = false;
    // isolate: the fault the node is (dry run: would be) isolated for, from the node as read.
    QString fault;
    // The caller's rule objected to acting on the node as read (NodeVerdict::objection): a
    // real action was refused with it and sent nothing; a dry run planned anyway.
    QString objection;

    bool ok() const { return error.ok(); }
    static QString actionName(Action action); // "cordon", "isolate", ... (translated)
};

// What the caller's rules make of a node as read just before an isolate or restore.
struct NodeVerdict
{
    QString fault;  // isolate: the fault it is isolated for (names the taint's value)
    QString reason; // isolate: the isolated-reason to record; empty: the reason given
    // Not empty: why not to act. A real action is refused with it (nothing is sent); a dry run
    // plans the change anyway and reports the objection with it.
    QString objection;
};

// Acts on nodes the way kubectl does, asynchronously, for the GUI and the headless commands:
// cordon/uncordon, taints in kubectl's syntax, and Faultboard's isolate/restore. Each action
// reads the node, computes the change, sends nothing when there is none, and otherwise sends one
// strategic-merge PATCH carrying the resourceVersion it read (a 409 Conflict re-reads and
// retries, bounded), then for isolate/restore one POST of an Event.
//
// Every call returns an id at once; the result comes to `done` (unless `context` was given and
// destroyed) and through `finished`.
class NodeActions : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const NodeActionResult &)>;
    // The fault a node is isolated for, from the node as read just before the PATCH.
    using FaultOf = std::function<QString(const Node &)>;
    // The caller's rules on the node as read just before the PATCH (models' action policy).
    using Judge = std::function<NodeVerdict(const Node &)>;

    explicit NodeActions(ApiClient *client, QObject *parent = nullptr);

    void setIsolationSettings(const IsolationSettings &settings) { m_isolation = settings; }
    const IsolationSettings &isolationSettings() const { return m_isolation; }
    // Who acts, for the annotations and Events; default: the kubeconfig user name.
    void setOperatorName(const QString &name) { m_operator = name; }
    // Where the name comes from ("server", "kubeconfig"), recorded with it on isolation.
    void setOperatorSource(const QString &source) { m_operatorSource = source; }
    QString operatorName() const;

    quint64 cordon(const QString &node, const ActionOptions &options = {},
                   QObject *context = nullptr, Callback done = {});
    quint64 uncordon(const QString &node, const ActionOptions &options = {},
                     QObject *context = nullptr, Callback done = {});
    // `kubectl taint nodes NODE spec...`; `overwrite` as --overwrite.
    quint64 taint(const QString &node, const QList<TaintSpec> &specs, bool overwrite = false,
                  const ActionOptions &options = {}, QObject *context = nullptr,
                  Callback done = {});
    // Faultboard's taint + cordon + isolated-by/-reason/-at annotations in one PATCH, then an
    // Event. A node that already has Faultboard's taint (same key and effect) and is cordoned
    // is left alone.
    quint64 isolate(const QString &node, const QString &fault, const QString &reason,
                    const ActionOptions &options = {}, QObject *context = nullptr,
                    Callback done = {});
    // The same, with the fault found from the node read (models' rule: its worst fault).
    quint64 isolate(const QString &node, FaultOf faultOf, const QString &reason,
                    const ActionOptions &options = {}, QObject *context = nullptr,
                    Callback done = {});
    // The same, with fault, reason and any objection from the node read.
    quint64 isolate(const QString &node, Judge judge, const ActionOptions &options = {},
                    QObject *context = nullptr, Callback done = {});
    // Undoes what isolate did, as its annotations record it, in one PATCH, then an Event:
    // removes the taint isolate added (even when the settings' key changed since) and the
    // faultboard.io/ annotations, and uncordons only when isolate cordoned. A node Faultboard
    // did not isolate is left alone (`notIsolated`) unless `options.forceUncordon`.
    quint64 restore(const QString &node, const QString &reason = {},
                    const ActionOptions &options = {}, QObject *context = nullptr,
                    Callback done = {});
    // The same, refused (or, dry run, reported) when `judge` objects to the node as read.
    quint64 restore(const QString &node, Judge judge, const QString &reason = {},
                    const ActionOptions &options = {}, QObject *context = nullptr,
                    Callback done = {});

signals:
    void finished(quint64 id, const kube::NodeActionResult &result);
    // The action `id` is delayed: "patch node gpu-0001: the server is overloaded (429 Too Many
    // Requests); retrying in 2.0 s". Carries no secret.
    void progress(quint64 id, const QString &node, const QString &message);

private:
    struct Job;
    quint64 begin(std::shared_ptr<Job> job);
    void readNode(const std::shared_ptr<Job> &job);
    void sendPatch(const std::shared_ptr<Job> &job, const QByteArray &patch);
    void recordEvent(const std::shared_ptr<Job> &job);
    void complete(const std::shared_ptr<Job> &job);
    // Connects an action's request to `progress` (the client retrying an overloaded server).
    void reportRetries(const std::shared_ptr<Job> &job, ApiCall *call);

    QPointer<ApiClient> m_client;
    IsolationSettings m_isolation;
    QString m_operator;
    QString m_operatorSource;
    quint64 m_nextId = 0;
};

// "key=value:Effect" (or "key:Effect"), as kubectl writes a taint.
QString taintText(const Taint &taint);

} // namespace kube

Q_DECLARE_METATYPE(kube::NodeActionResult)

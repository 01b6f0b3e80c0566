#include "models/NodeOperations.h"

#include "kube/ApiClient.h"
#include "kube/EvictionLimiter.h"
#include "kube/SelfSubjectReview.h"
#include "models/ClusterSession.h"
#include "models/IncidentTime.h"

#include <QLocale>

namespace models {

namespace {

using Result = ActionLogModel::Result;

bool contains(const std::vector<kube::Taint> &list, const kube::Taint &t)
{
    return std::any_of(list.begin(), list.end(), [&](const kube::Taint &x) {
        return x.key == t.key && x.value == t.value && x.effect == t.effect;
    });
}

QString verb(ActionOutcome::Kind kind)
{
    switch (kind) {
    case ActionOutcome::Kind::Isolate:
        return NodeOperations::tr("isolate");
    case ActionOutcome::Kind::Restore:
        return NodeOperations::tr("restore");
    case ActionOutcome::Kind::Drain:
        return NodeOperations::tr("drain");
    }
    return {};
}

} // namespace

QString ActionOutcome::kindId(Kind kind)
{
    switch (kind) {
    case Kind::Isolate:
        return QStringLiteral("isolate");
    case Kind::Restore:
        return QStringLiteral("restore");
    case Kind::Drain:
        return QStringLiteral("drain");
    }
    return {};
}

NodeOperations::NodeOperations(ClusterSession *session)
    : QObject(session)
    , m_session(session)
    , m_actions(new kube::NodeActions(session->client(), this))
    , m_limiter(new kube::EvictionLimiter(MaxConcurrentEvictions, this))
{
    qRegisterMetaType<models::ActionOutcome>();
    m_actions->setOperatorName(session->actorName());
    m_actions->setOperatorSource(QStringLiteral("kubeconfig"));
    connect(m_actions, &kube::NodeActions::progress, this,
            [this](quint64 job, const QString &node, const QString &message) {
                reportProgress(m_logIdOfJob.value(job), node, message);
            });
    // After the action's own callback: its entry is complete by then.
    connect(m_actions, &kube::NodeActions::finished, this,
            [this](quint64 job, const kube::NodeActionResult &) { m_logIdOfJob.remove(job); });
}

void NodeOperations::reportProgress(quint64 logId, const QString &node, const QString &message)
{
    if (m_log && logId)
        m_log->update(logId, Result::Running, message);
    emit actionProgress(node, message);
}

NodeOperations::~NodeOperations() = default;

void NodeOperations::setIsolationSettings(const kube::IsolationSettings &settings)
{
    m_actions->setIsolationSettings(settings);
}

const kube::IsolationSettings &NodeOperations::isolationSettings() const
{
    return m_actions->isolationSettings();
}

QString NodeOperations::operatorName() const
{
    return m_confirmed ? m_serverIdentity : m_session->actorName();
}

void NodeOperations::identify()
{
    kube::identifySelf(m_session->client(), this, [this](const kube::SelfIdentity &who) {
        m_confirmed = who.ok() && !who.userName.isEmpty();
        m_serverIdentity = m_confirmed ? who.userName : QString();
        m_actions->setOperatorName(operatorName());
        m_actions->setOperatorSource(m_confirmed ? QStringLiteral("server")
                                                 : QStringLiteral("kubeconfig"));
        emit identified();
    });
}

QString NodeOperations::isolationFault(const NodeHealth &health)
{
    // Faults are kept worst first: the first names what the node is isolated for.
    return health.faults.empty() ? QString() : health.faults.front().type;
}

const Fault *NodeOperations::activeCriticalFault(const NodeHealth &health)
{
    // Worst first, then oldest first: the first critical one is the oldest.
    for (const Fault &f : health.faults)
        if (f.severity == Severity::Critical)
            return &f;
    return nullptr;
}

QString NodeOperations::describeChange(const kube::NodeChange &c)
{
    QStringList parts;
    for (const kube::Taint &t : c.taintsAfter)
        if (!contains(c.taintsBefore, t))
            parts << tr("taint %1 added").arg(kube::taintText(t));
    for (const kube::Taint &t : c.taintsBefore)
        if (!contains(c.taintsAfter, t))
            parts << tr("taint %1 removed").arg(kube::taintText(t));
    if (!c.unschedulableBefore && c.unschedulableAfter)
        parts << tr("cordoned");
    else if (c.unschedulableBefore && !c.unschedulableAfter)
        parts << tr("uncordoned");
    if (parts.isEmpty())
        parts << tr("annotations only");
    return parts.join(QLatin1String(", "));
}

ActionOutcome NodeOperations::actionOutcome(ActionOutcome::Kind kind,
                                            const kube::NodeActionResult &r) const
{
    ActionOutcome o;
    o.kind = kind;
    o.node = r.node;
    o.dryRun = r.dryRun;
    o.changed = r.changed;
    o.action = r;
    if (kind == ActionOutcome::Kind::Isolate)
        o.fault = r.fault;
    if (!r.objection.isEmpty()) {
        // Refused by the rules (a dry run: would be): the objection says why, not the kube error.
        o.objection = r.objection;
        o.result = Result::Failed;
        o.message = r.objection;
        return o;
    }
    if (r.error) {
        o.result = Result::Failed;
        o.message = r.error.toString();
        return o;
    }
    o.result = r.dryRun ? Result::DryRun : Result::Succeeded;
    if (r.changed)
        o.message = describeChange(r.change);
    else if (kind == ActionOutcome::Kind::Isolate)
        o.message = tr("already isolated; nothing to change");
    else if (r.notIsolated)
        o.message = r.change.unschedulableBefore
                        ? tr("not isolated by Faultboard; left as it is (cordoned by someone "
                             "else: uncordon explicitly to make it schedulable)")
                        : tr("not isolated by Faultboard; left as it is");
    else
        o.message = tr("nothing to change");
    QStringList notices;
    if (kind == ActionOutcome::Kind::Restore && r.cordonKept)
        notices << tr("the node stays cordoned: Faultboard did not cordon it");
    if (r.eventError)
        notices << tr("the Event could not be written: %1").arg(r.eventError.toString());
    o.notice = notices.join(QLatin1String("; "));
    return o;
}

quint64 NodeOperations::logStart(ActionOutcome::Kind kind, const QString &node,
                                 const QString &message)
{
    if (!m_log)
        return 0;
    return m_log->add({0,
                       {},
                       m_session->contextName(),
                       operatorName(),
                       verb(kind),
                       node,
                       Result::Running,
                       message});
}

void NodeOperations::complete(ActionOutcome outcome, const Done &done)
{
    if (!outcome.dryRun) {
        QString message = outcome.message;
        if (!outcome.notice.isEmpty())
            message += QLatin1String("; ") + outcome.notice;
        if (m_log && outcome.logId)
            m_log->update(outcome.logId, outcome.result, message);
        // The audit record: who (and whether the server vouched for the name), what, the result.
        const QString actor =
            m_confirmed
                ? operatorName()
                : tr("%1 (kubeconfig user; the server did not say who)").arg(operatorName());
        m_session->recordAction(ActionOutcome::kindId(outcome.kind), outcome.node,
                                ActionLogModel::resultId(outcome.result), message, actor);
    }
    if (done)
        done(outcome);
    emit actionFinished(outcome);
}

QString NodeOperations::isolationReason(const QString &fault, const QString &note)
{
    if (fault.isEmpty())
        return note.isEmpty() ? tr("no active fault") : tr("no active fault; %1").arg(note);
    return note.isEmpty() ? tr("fault: %1").arg(fault) : tr("fault: %1; %2").arg(fault, note);
}

void NodeOperations::isolate(const QString &node, const QString &note,
                             const kube::ActionOptions &options, QObject *context, Done done,
                             ActionChoice choice)
{
    const quint64 logId = options.dryRun ? 0 : logStart(ActionOutcome::Kind::Isolate, node, note);
    const Classifier &classifier = m_session->store()->classifier();
    // The node as read right before the change decides its fault, its reason and whether the
    // rules object, not a possibly stale store, and never another node of the batch.
    auto objection = std::make_shared<QString>();
    auto judge = [classifier, note, node, choice, objection](const kube::Node &n) {
        const QString fault = isolationFault(classifier.classify(n));
        *objection = fault.isEmpty() && choice.batch
                         ? tr("%1 has no active fault: isolating it takes a healthy node out of "
                              "scheduling.")
                               .arg(node)
                         : QString();
        return kube::NodeVerdict{fault, isolationReason(fault, note),
                                 choice.force ? QString() : *objection};
    };
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    const quint64 job = m_actions->isolate(
        node, judge, options, this,
        [this, logId, guard, hadContext, done, choice, objection](const kube::NodeActionResult &r) {
            ActionOutcome o = actionOutcome(ActionOutcome::Kind::Isolate, r);
            if (choice.force && !objection->isEmpty() && r.ok()) {
                o.objection = *objection;
                o.forced = true;
                if (o.changed) {
                    const QString forced =
                        tr("isolated at the operator's explicit choice: %1").arg(*objection);
                    o.notice =
                        o.notice.isEmpty() ? forced : o.notice + QLatin1String("; ") + forced;
                }
            }
            o.logId = logId;
            complete(o, hadContext && !guard ? Done() : done);
        });
    m_logIdOfJob.insert(job, logId);
}

void NodeOperations::restore(const QString &node, const QString &reason,
                             const kube::ActionOptions &options, QObject *context, Done done,
                             ActionChoice choice)
{
    const quint64 logId = options.dryRun ? 0 : logStart(ActionOutcome::Kind::Restore, node, reason);
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    // The rule, on the node as read right before the change: a critical fault still active
    // objects. What it found goes into the outcome, also when the operator chose to go ahead.
    struct Found
    {
        QString fault;
        QDateTime since;
        QString objection;
    };
    auto found = std::make_shared<Found>();
    const Classifier &classifier = m_session->store()->classifier();
    auto judge = [classifier, found, node, choice](const kube::Node &n) {
        *found = {};
        const NodeHealth health = classifier.classify(n);
        if (const Fault *f = activeCriticalFault(health)) {
            found->fault = f->type;
            found->since = f->since;
            found->objection =
                f->since.isValid()
                    ? tr("%1 still has a critical fault: %2, active since %3. Restoring it puts "
                         "a broken node back into scheduling.")
                          .arg(node, f->type, incidentTime(f->since))
                    : tr("%1 still has a critical fault: %2 (since when is not known). "
                         "Restoring it puts a broken node back into scheduling.")
                          .arg(node, f->type);
        }
        return kube::NodeVerdict{{}, {}, choice.force ? QString() : found->objection};
    };
    const quint64 job = m_actions->restore(
        node, judge, reason, options, this,
        [this, logId, guard, hadContext, done, found, choice](const kube::NodeActionResult &r) {
            ActionOutcome o = actionOutcome(ActionOutcome::Kind::Restore, r);
            o.fault = found->fault;
            o.faultSince = found->since;
            if (choice.force && !found->objection.isEmpty()) {
                // The operator chose to restore it anyway: say so beside the result.
                o.objection = found->objection;
                o.forced = true;
                if (o.ok() && o.changed) {
                    const QString forced =
                        tr("restored at the operator's explicit choice: %1").arg(found->objection);
                    o.notice =
                        o.notice.isEmpty() ? forced : o.notice + QLatin1String("; ") + forced;
                }
            }
            o.logId = logId;
            complete(o, hadContext && !guard ? Done() : done);
        });
    m_logIdOfJob.insert(job, logId);
}

ActionOutcome NodeOperations::drainOutcome(const kube::DrainResult &r)
{
    using O = kube::DrainResult::Outcome;
    using S = kube::DrainPod::State;
    ActionOutcome o;
    o.kind = ActionOutcome::Kind::Drain;
    o.node = r.node;
    o.drain = r;
    o.dryRun = r.outcome == O::DryRun;
    o.changed = !o.dryRun;
    const int evicted = int(r.podsIn(S::Evicted).size() + r.podsIn(S::Deleted).size());
    const int failed = int(r.podsIn(S::Failed).size());
    switch (r.outcome) {
    case O::DryRun:
        o.result = r.blockers.isEmpty() ? Result::DryRun : Result::Failed;
        o.message = r.blockers.isEmpty() ? tr("%n pod(s) would be evicted", nullptr,
                                              int(r.podsIn(S::Pending).size()))
                                         : r.blockers.join(QLatin1String("; "));
        break;
    case O::Drained:
        o.result = Result::Succeeded;
        o.message = tr("%n pod(s) evicted", nullptr, evicted);
        break;
    case O::Cancelled: {
        // What the engine read back after the stop, not what it had last heard before it.
        o.result = Result::Cancelled;
        const int terminating = int(r.podsIn(S::Evicting).size());
        const int left = int(r.podsIn(S::NotEvicted).size() + r.podsIn(S::BlockedByPdb).size() +
                             r.podsIn(S::Pending).size());
        QStringList parts;
        parts << tr("%n pod(s) evicted", nullptr, evicted);
        if (terminating > 0)
            parts << tr("%n still terminating", nullptr, terminating);
        if (left > 0)
            parts << tr("%n not evicted", nullptr, left);
        if (failed > 0)
            parts << tr("%n failed", nullptr, failed);
        o.message =
            tr("stopped: %1; the node stays cordoned").arg(QLocale().createSeparatedList(parts));
        break;
    }
    case O::TimedOut:
        o.result = Result::Partial;
        o.message = tr("timed out: %n pod(s) evicted, others still there", nullptr, evicted);
        break;
    case O::Refused:
        o.result = Result::Failed;
        o.message = r.blockers.join(QLatin1String("; "));
        break;
    case O::Failed:
        o.result = evicted > 0 ? Result::Partial : Result::Failed;
        o.message =
            r.error ? r.error.toString() : tr("%n pod(s) could not be evicted", nullptr, failed);
        break;
    }
    return o;
}

kube::NodeDrain *NodeOperations::drain(const QString &node, const kube::DrainOptions &options,
                                       QObject *parent)
{
    if (options.dryRun)
        return new kube::NodeDrain(m_session->client(), node, options, nullptr, parent);
    auto *drain = new kube::NodeDrain(m_session->client(), node, options, m_limiter, parent);
    const quint64 logId = logStart(ActionOutcome::Kind::Drain, node, QString());
    connect(drain, &kube::NodeDrain::progress, this,
            [this, logId, node](const QString &message) { reportProgress(logId, node, message); });
    connect(drain, &kube::NodeDrain::finished, this, [this, logId](const kube::DrainResult &r) {
        ActionOutcome o = drainOutcome(r);
        o.logId = logId;
        complete(o, {});
    });
    return drain;
}

} // namespace models

#include "kube/NodeActions.h"

#include "kube/ApiCall.h"
#include "kube/ApiClient.h"
#include "kube/JsonCodec.h"
#include "kube/Logging.h"
#include "kube/NodeDecoder.h"
#include "kube/RetryPolicy.h"

#include <QHostInfo>
#include <QRandomGenerator>

namespace kube {

namespace {

using json::Json;

Taint taintFromJson(const Json &j)
{
    return {json::str(j, "key"), json::str(j, "value"), json::str(j, "effect"),
            json::time(j, "timeAdded")};
}

Json taintToJson(const Taint &t)
{
    Json j = {{"key", t.key.toStdString()}, {"effect", t.effect.toStdString()}};
    if (!t.value.isEmpty())
        j["value"] = t.value.toStdString();
    if (t.timeAdded.isValid())
        j["timeAdded"] = formatApiTime(t.timeAdded).toStdString();
    return j;
}

Json taintsToJson(const std::vector<Taint> &taints)
{
    if (taints.empty())
        return nullptr; // kubectl sends null when no taint remains
    Json list = Json::array();
    for (const Taint &t : taints)
        list.push_back(taintToJson(t));
    return list;
}

struct NodeState
{
    QString uid;
    QString resourceVersion;
    std::vector<Taint> taints;
    bool unschedulable = false;
    StringMap annotations; // faultboard.io/ only
};

NodeState readState(const Json &node)
{
    NodeState s;
    const Json &meta = json::obj(node, "metadata");
    s.uid = json::str(meta, "uid");
    s.resourceVersion = json::str(meta, "resourceVersion");
    const Json &annotations = json::obj(meta, "annotations");
    for (auto it = annotations.begin(); it != annotations.end(); ++it)
        if (it.key().starts_with("faultboard.io/") && it.value().is_string())
            s.annotations.insert(QString::fromStdString(it.key()),
                                 QString::fromStdString(it.value().get<std::string>()));
    const Json &spec = json::obj(node, "spec");
    s.unschedulable = json::boolean(spec, "unschedulable");
    for (const Json &t : json::arr(spec, "taints"))
        s.taints.push_back(taintFromJson(t));
    return s;
}

// A taint value from a fault name: label-value characters only, at most 63, alphanumeric ends.
QString taintValueFor(const QString &fault)
{
    QString v;
    for (const QChar c : fault)
        v += (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('-') ||
                     c == QLatin1Char('_') || c == QLatin1Char('.')
                 ? c
                 : QLatin1Char('-');
    v = v.left(63);
    while (!v.isEmpty() && !v.front().isLetterOrNumber())
        v.remove(0, 1);
    while (!v.isEmpty() && !v.back().isLetterOrNumber())
        v.chop(1);
    return v;
}

} // namespace

QString taintText(const Taint &t)
{
    return (t.value.isEmpty() ? t.key : t.key + QLatin1Char('=') + t.value) + QLatin1Char(':') +
           t.effect;
}

// One action on one node, from the first GET to the result.
struct NodeActions::Job
{
    quint64 id = 0;
    NodeActionResult result;
    ActionOptions options;
    QPointer<QObject> context;
    bool hadContext = false;
    Callback done;
    QString what; // "isolate node gpu-0001", for errors

    // isolate/restore
    IsolationSettings isolation;
    QString operatorName;
    QString fault;
    Judge judge; // isolate: the fault and reason; either: an objection, from the node as read
    QString reason;
    QString operatorSource;
    QString taintValue;
    QString at;           // isolated-at, fixed for all attempts
    QString removedTaint; // the taint isolate adds or restore takes off, for the Event

    // taint
    QList<TaintSpec> specs;
    bool overwrite = false;

    NodeState current;
    bool patched = false;
    // Computes the patch from the node as read: null when nothing needs to change, or an error.
    std::function<Json(const NodeState &, ApiError *)> plan;
};

QString NodeActionResult::actionName(Action action)
{
    switch (action) {
    case Action::Cordon:
        return NodeActions::tr("cordon");
    case Action::Uncordon:
        return NodeActions::tr("uncordon");
    case Action::Taint:
        return NodeActions::tr("taint");
    case Action::Isolate:
        return NodeActions::tr("isolate");
    case Action::Restore:
        return NodeActions::tr("restore");
    }
    return {};
}

NodeActions::NodeActions(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

QString NodeActions::operatorName() const
{
    if (!m_operator.isEmpty())
        return m_operator;
    return m_client ? m_client->userName() : QString();
}

quint64 NodeActions::cordon(const QString &node, const ActionOptions &options, QObject *context,
                            Callback done)
{
    auto job = std::make_shared<Job>();
    job->result.node = node;
    job->result.action = NodeActionResult::Action::Cordon;
    job->options = options;
    job->context = context;
    job->hadContext = context != nullptr;
    job->done = std::move(done);
    job->what = tr("cordon node %1").arg(node);
    job->plan = [](const NodeState &s, ApiError *) -> Json {
        if (s.unschedulable)
            return nullptr;
        return {{"spec", {{"unschedulable", true}}}};
    };
    return begin(job);
}

quint64 NodeActions::uncordon(const QString &node, const ActionOptions &options, QObject *context,
                              Callback done)
{
    auto job = std::make_shared<Job>();
    job->result.node = node;
    job->result.action = NodeActionResult::Action::Uncordon;
    job->options = options;
    job->context = context;
    job->hadContext = context != nullptr;
    job->done = std::move(done);
    job->what = tr("uncordon node %1").arg(node);
    job->plan = [](const NodeState &s, ApiError *) -> Json {
        if (!s.unschedulable)
            return nullptr;
        return {{"spec", {{"unschedulable", nullptr}}}};
    };
    return begin(job);
}

quint64 NodeActions::taint(const QString &node, const QList<TaintSpec> &specs, bool overwrite,
                           const ActionOptions &options, QObject *context, Callback done)
{
    auto job = std::make_shared<Job>();
    job->result.node = node;
    job->result.action = NodeActionResult::Action::Taint;
    job->options = options;
    job->context = context;
    job->hadContext = context != nullptr;
    job->done = std::move(done);
    job->what = tr("taint node %1").arg(node);
    job->specs = specs;
    job->overwrite = overwrite;
    Job *j = job.get();
    job->plan = [j](const NodeState &s, ApiError *error) -> Json {
        QString why;
        auto taints = TaintSpec::apply(s.taints, j->specs, j->overwrite, &why);
        if (!taints) {
            *error = ApiError::invalid(tr("node %1: %2").arg(j->result.node, why));
            return nullptr;
        }
        if (*taints == s.taints)
            return nullptr;
        return {{"spec", {{"taints", taintsToJson(*taints)}}}};
    };
    if (specs.isEmpty()) {
        job->result.error = ApiError::invalid(tr("no taint given"), job->what);
        complete(job);
        return job->id;
    }
    return begin(job);
}

quint64 NodeActions::isolate(const QString &node, const QString &fault, const QString &reason,
                             const ActionOptions &options, QObject *context, Callback done)
{
    return isolate(
        node, [fault](const Node &) { return fault; }, reason, options, context, std::move(done));
}

quint64 NodeActions::isolate(const QString &node, FaultOf faultOf, const QString &reason,
                             const ActionOptions &options, QObject *context, Callback done)
{
    return isolate(
        node,
        [faultOf = std::move(faultOf), reason](const Node &n) {
            return NodeVerdict{faultOf(n), reason, {}};
        },
        options, context, std::move(done));
}

quint64 NodeActions::isolate(const QString &node, Judge judge, const ActionOptions &options,
                             QObject *context, Callback done)
{
    auto job = std::make_shared<Job>();
    job->result.node = node;
    job->result.action = NodeActionResult::Action::Isolate;
    job->options = options;
    job->context = context;
    job->hadContext = context != nullptr;
    job->done = std::move(done);
    job->what = tr("isolate node %1").arg(node);
    job->isolation = m_isolation;
    if (!options.taintEffect.isEmpty())
        job->isolation.taintEffect = options.taintEffect;
    job->operatorName = operatorName();
    job->operatorSource = m_operatorSource;
    job->judge = std::move(judge);
    job->taintValue = m_isolation.taintValue;
    job->at = formatApiTime(QDateTime::currentDateTimeUtc());

    const IsolationSettings &iso = job->isolation;
    QString why = TaintSpec::checkKey(iso.taintKey);
    if (why.isEmpty())
        why = TaintSpec::checkValue(job->taintValue);
    if (why.isEmpty() && (iso.taintEffect != QLatin1String("NoSchedule") &&
                          iso.taintEffect != QLatin1String("NoExecute")))
        why = tr("the isolation taint's effect must be NoSchedule or NoExecute, not \"%1\"")
                  .arg(iso.taintEffect);
    if (!why.isEmpty()) {
        job->result.error = ApiError::invalid(
            tr("the isolation taint %1 is not valid: %2").arg(iso.taintKey, why), job->what);
        complete(job);
        return job->id;
    }

    Job *j = job.get();
    job->plan = [j](const NodeState &s, ApiError *) -> Json {
        const IsolationSettings &iso = j->isolation;
        // Kubernetes allows one taint per key and effect: one already there is kept as it is.
        const bool tainted = std::any_of(s.taints.begin(), s.taints.end(), [&](const Taint &t) {
            return t.key == iso.taintKey && t.effect == iso.taintEffect;
        });
        if (tainted && s.unschedulable)
            return nullptr; // already isolated: keep who/when/why of the first isolation
        std::vector<Taint> taints = s.taints;
        const Taint added{iso.taintKey, j->taintValue, iso.taintEffect, {}};
        j->removedTaint = tainted ? QString() : taintText(added);
        if (!tainted)
            taints.push_back(added);
        Json annotations = {
            {IsolationSettings::AnnotationBy.toStdString(), j->operatorName.toStdString()},
            {IsolationSettings::AnnotationReason.toStdString(), j->reason.toStdString()},
            {IsolationSettings::AnnotationAt.toStdString(), j->at.toStdString()},
            {IsolationSettings::AnnotationCordon.toStdString(),
             s.unschedulable ? "false" : "true"}};
        if (!j->operatorSource.isEmpty())
            annotations[IsolationSettings::AnnotationBySource.toStdString()] =
                j->operatorSource.toStdString();
        // A taint Faultboard did not add is not Faultboard's to remove later.
        annotations[IsolationSettings::AnnotationTaint.toStdString()] =
            tainted ? Json(nullptr) : Json(taintText(added).toStdString());
        Json patch = {{"metadata", {{"annotations", annotations}}},
                      {"spec", {{"unschedulable", true}}}};
        if (!tainted)
            patch["spec"]["taints"] = taintsToJson(taints);
        return patch;
    };
    return begin(job);
}

quint64 NodeActions::restore(const QString &node, const QString &reason,
                             const ActionOptions &options, QObject *context, Callback done)
{
    return restore(node, Judge(), reason, options, context, std::move(done));
}

quint64 NodeActions::restore(const QString &node, Judge judge, const QString &reason,
                             const ActionOptions &options, QObject *context, Callback done)
{
    auto job = std::make_shared<Job>();
    job->result.node = node;
    job->result.action = NodeActionResult::Action::Restore;
    job->options = options;
    job->context = context;
    job->hadContext = context != nullptr;
    job->done = std::move(done);
    job->what = tr("restore node %1").arg(node);
    job->isolation = m_isolation;
    job->operatorName = operatorName();
    job->reason = reason;
    job->judge = std::move(judge);
    Job *j = job.get();
    job->plan = [j](const NodeState &s, ApiError *) -> Json {
        const bool isolated = s.annotations.contains(IsolationSettings::AnnotationBy) ||
                              s.annotations.contains(IsolationSettings::AnnotationCordon);
        j->result.notIsolated = !isolated;
        j->result.cordonKept = false;
        j->removedTaint.clear();
        if (!isolated) {
            // Not Faultboard's isolation (a kubectl cordon, maintenance, another tool's
            // taints): only an uncordon the operator asked for.
            if (!j->options.forceUncordon || !s.unschedulable)
                return nullptr;
            return {{"spec", {{"unschedulable", nullptr}}}};
        }
        std::vector<Taint> taints;
        const QString recorded = s.annotations.value(IsolationSettings::AnnotationTaint);
        const bool legacy = !s.annotations.contains(IsolationSettings::AnnotationCordon);
        QString why;
        const std::optional<TaintSpec> spec =
            recorded.isEmpty() ? std::nullopt : TaintSpec::parse(recorded, &why);
        for (const Taint &t : s.taints) {
            // The taint isolate added, by key and effect (its value may have been edited since);
            // an isolation from before these annotations: the settings' key, as it did then.
            const bool ours = spec ? t.key == spec->key && t.effect == spec->effect
                                   : legacy && t.key == j->isolation.taintKey;
            if (ours)
                j->removedTaint = taintText(t);
            else
                taints.push_back(t);
        }
        Json annotations = Json::object();
        for (const auto &[key, value] : s.annotations)
            if (key.startsWith(QLatin1String("faultboard.io/isolated")))
                annotations[key.toStdString()] = nullptr;
        const bool weCordoned =
            s.annotations.value(IsolationSettings::AnnotationCordon) == QLatin1String("true");
        const bool uncordon = s.unschedulable && (weCordoned || j->options.forceUncordon);
        j->result.cordonKept = s.unschedulable && !uncordon;
        const bool untaint = taints.size() != s.taints.size();
        if (!untaint && !uncordon && annotations.empty())
            return nullptr;
        Json patch = Json::object();
        if (!annotations.empty())
            patch["metadata"]["annotations"] = annotations;
        if (uncordon)
            patch["spec"]["unschedulable"] = nullptr;
        if (untaint)
            patch["spec"]["taints"] = taintsToJson(taints);
        return patch;
    };
    return begin(job);
}

quint64 NodeActions::begin(std::shared_ptr<Job> job)
{
    job->id = ++m_nextId;
    job->result.dryRun = job->options.dryRun;
    // Start on the next turn: the caller can connect to `finished` with the id first.
    QMetaObject::invokeMethod(
        this, [this, job] { readNode(job); }, Qt::QueuedConnection);
    return job->id;
}

void NodeActions::readNode(const std::shared_ptr<Job> &job)
{
    if (!m_client) {
        job->result.error = ApiError::cancelled(job->what);
        return complete(job);
    }
    ApiRequest req;
    req.path = QStringLiteral("/api/v1/nodes/") + job->result.node;
    req.context = job->what;
    ApiCall *call = m_client->send(req);
    reportRetries(job, call);
    connect(call, &ApiCall::finished, this, [this, job](const ApiResponse &r) {
        if (r.error) {
            job->result.error = r.error;
            return complete(job);
        }
        const Json node = json::parse(r.body);
        if (!node.is_object()) {
            job->result.error = ApiError::decode(tr("the node is not JSON"), job->what);
            return complete(job);
        }
        job->current = readState(node);
        NodeChange &change = job->result.change;
        if (job->result.attempts == 0) {
            change.taintsBefore = job->current.taints;
            change.unschedulableBefore = job->current.unschedulable;
            change.annotationsBefore = job->current.annotations;
        }
        if (job->judge) {
            ApiError decodeError;
            const NodePtr decoded = NodeDecoder::decodeNode(r.body, &decodeError);
            if (!decoded) {
                // The rules cannot be applied to a node that cannot be read: do nothing.
                job->result.error =
                    decodeError ? decodeError : ApiError::decode(tr("the node is not a Node"));
                job->result.error.context = job->what;
                return complete(job);
            }
            const NodeVerdict verdict = job->judge(*decoded);
            job->fault = verdict.fault;
            job->result.fault = verdict.fault;
            if (!verdict.reason.isEmpty())
                job->reason = verdict.reason;
            if (job->result.action == NodeActionResult::Action::Isolate &&
                job->isolation.taintValue.isEmpty())
                job->taintValue = taintValueFor(job->fault);
            job->result.objection = verdict.objection;
        }
        ApiError planError;
        Json patch = job->plan(job->current, &planError);
        if (planError) {
            planError.context = job->what;
            job->result.error = planError;
            return complete(job);
        }
        if (patch.is_null()) {
            // Nothing to do: the node already is as wanted (or a concurrent writer made it so),
            // and there is nothing for an objection to stop.
            job->result.objection.clear();
            change.taintsAfter = job->current.taints;
            change.unschedulableAfter = job->current.unschedulable;
            change.annotationsAfter = job->current.annotations;
            return complete(job);
        }
        if (!job->result.objection.isEmpty() && !job->options.dryRun) {
            // Refused: nothing is sent. (A dry run goes on to show what would change.)
            change.taintsAfter = job->current.taints;
            change.unschedulableAfter = job->current.unschedulable;
            change.annotationsAfter = job->current.annotations;
            job->result.error = ApiError::invalid(job->result.objection, job->what);
            return complete(job);
        }
        // The resourceVersion read is a precondition: a concurrent change answers 409.
        patch["metadata"]["resourceVersion"] = job->current.resourceVersion.toStdString();
        sendPatch(job, QByteArray::fromStdString(patch.dump()));
    });
}

void NodeActions::sendPatch(const std::shared_ptr<Job> &job, const QByteArray &patch)
{
    ++job->result.attempts;
    ApiRequest req;
    req.verb = "PATCH";
    req.path = QStringLiteral("/api/v1/nodes/") + job->result.node;
    req.contentType = "application/strategic-merge-patch+json";
    req.body = patch;
    req.context = job->what;
    req.query.addQueryItem(QStringLiteral("fieldManager"), job->options.fieldManager);
    if (job->options.dryRun)
        req.query.addQueryItem(QStringLiteral("dryRun"), QStringLiteral("All"));
    qCDebug(lcKube).noquote() << job->what << (job->options.dryRun ? "(dry run)" : "") << "attempt"
                              << job->result.attempts;
    ApiCall *call = m_client->send(req);
    reportRetries(job, call);
    connect(call, &ApiCall::finished, this, [this, job](const ApiResponse &r) {
        if (r.error) {
            if (r.error.isConflict() && job->result.attempts <= job->options.maxConflictRetries) {
                qCDebug(lcKube).noquote() << job->what << "conflict; reading the node again";
                return readNode(job);
            }
            job->result.error = r.error;
            if (r.error.isConflict())
                job->result.error.message = tr("%1 (gave up after %2 attempts)")
                                                .arg(r.error.message)
                                                .arg(job->result.attempts);
            return complete(job);
        }
        const Json node = json::parse(r.body);
        const NodeState after = node.is_object() ? readState(node) : NodeState();
        job->result.changed = true;
        job->patched = true;
        job->result.change.taintsAfter = after.taints;
        job->result.change.unschedulableAfter = after.unschedulable;
        job->result.change.annotationsAfter = after.annotations;
        const bool wantsEvent = (job->result.action == NodeActionResult::Action::Isolate ||
                                 job->result.action == NodeActionResult::Action::Restore) &&
                                job->isolation.recordEvent;
        if (wantsEvent)
            return recordEvent(job);
        complete(job);
    });
}

void NodeActions::recordEvent(const std::shared_ptr<Job> &job)
{
    const bool isolating = job->result.action == NodeActionResult::Action::Isolate;
    const QString node = job->result.node;
    const QString now = formatApiTime(QDateTime::currentDateTimeUtc());
    // Event names follow the client-go recorder: object name, '.', a hex timestamp.
    const quint64 stamp = quint64(QDateTime::currentMSecsSinceEpoch()) * 1000000ULL +
                          QRandomGenerator::global()->bounded(1000000U);
    const QString taint =
        taintText({job->isolation.taintKey, job->taintValue, job->isolation.taintEffect, {}});
    // Event text is cluster data read by everyone with kubectl: English, like every controller's.
    QString message;
    if (isolating) {
        QStringList done;
        done << (job->removedTaint.isEmpty() ? QStringLiteral("taint %1 already there").arg(taint)
                                             : QStringLiteral("taint %1 added").arg(taint));
        done << (job->result.change.unschedulableBefore ? QStringLiteral("node already cordoned")
                                                        : QStringLiteral("node cordoned"));
        message = QStringLiteral("Isolated by %1: %2 (%3)")
                      .arg(job->operatorName, job->reason.isEmpty() ? job->fault : job->reason,
                           done.join(QStringLiteral(", ")));
    } else {
        QStringList undone;
        if (!job->removedTaint.isEmpty())
            undone << QStringLiteral("taint %1 removed").arg(job->removedTaint);
        if (job->result.change.unschedulableBefore && !job->result.change.unschedulableAfter)
            undone << QStringLiteral("node uncordoned");
        else if (job->result.change.unschedulableAfter)
            undone << QStringLiteral("node stays cordoned");
        message = QStringLiteral("Restored by %1%2 (%3)")
                      .arg(job->operatorName,
                           job->reason.isEmpty() ? QString()
                                                 : QString(QStringLiteral(": ") + job->reason),
                           undone.isEmpty() ? QStringLiteral("annotations removed")
                                            : undone.join(QStringLiteral(", ")));
    }
    const Json event = {
        {"apiVersion", "v1"},
        {"kind", "Event"},
        {"metadata",
         {{"name",
           QStringLiteral("%1.%2").arg(node).arg(stamp, 16, 16, QLatin1Char('0')).toStdString()},
          {"namespace", "default"}}},
        {"involvedObject",
         {{"apiVersion", "v1"},
          {"kind", "Node"},
          {"name", node.toStdString()},
          {"uid", job->current.uid.toStdString()}}},
        {"reason", isolating ? "FaultboardIsolated" : "FaultboardRestored"},
        {"message", message.toStdString()},
        {"type", isolating ? "Warning" : "Normal"},
        {"source", {{"component", "faultboard"}}},
        {"reportingComponent", "faultboard"},
        {"reportingInstance", QHostInfo::localHostName().toStdString()},
        {"firstTimestamp", now.toStdString()},
        {"lastTimestamp", now.toStdString()},
        {"count", 1},
    };
    ApiRequest req;
    req.verb = "POST";
    req.path = QStringLiteral("/api/v1/namespaces/default/events");
    req.body = QByteArray::fromStdString(event.dump());
    req.context = tr("record an event on node %1").arg(node);
    if (job->options.dryRun)
        req.query.addQueryItem(QStringLiteral("dryRun"), QStringLiteral("All"));
    ApiCall *call = m_client->send(req);
    reportRetries(job, call);
    connect(call, &ApiCall::finished, this, [this, job](const ApiResponse &r) {
        job->result.eventRecorded = r.ok();
        job->result.eventError = r.error;
        complete(job);
    });
}

void NodeActions::complete(const std::shared_ptr<Job> &job)
{
    if (job->result.error && job->result.error.context.isEmpty())
        job->result.error.context = job->what;
    // Results are delivered on the next turn so a caller always gets them after the call returned.
    QMetaObject::invokeMethod(
        this,
        [this, job] {
            if (job->done && (!job->hadContext || job->context))
                job->done(job->result);
            emit finished(job->id, job->result);
        },
        Qt::QueuedConnection);
}

void NodeActions::reportRetries(const std::shared_ptr<Job> &job, ApiCall *call)
{
    connect(call, &ApiCall::retrying, this,
            [this, id = job->id, node = job->result.node,
             what = call->request().context](int, int delayMs, const ApiError &error) {
                emit progress(id, node,
                              tr("%1: %2; retrying in %3 s")
                                  .arg(what, RetryPolicy::describe(error))
                                  .arg(delayMs / 1000.0, 0, 'f', 1));
            });
}

} // namespace kube

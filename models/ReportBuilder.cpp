#include "models/ReportBuilder.h"
#include "kube/ContinueOn.h"

#include "models/ClusterSession.h"
#include "models/FaultHistory.h"
#include "models/FleetHistory.h"
#include "models/NodeStore.h"

#include <QHash>
#include <QPointer>

namespace models {

namespace {

QString key(const QString &node, const QString &type)
{
    return node + QLatin1Char('\n') + type;
}

// Lost chips: since when Faultboard has seen the loss, from the history's open episode.
void fillUnknownSince(std::vector<ReportRow> *rows, const std::vector<FaultEpisode> &open,
                      const QDateTime &now)
{
    QHash<QString, QDateTime> since;
    for (const FaultEpisode &e : open)
        if (!e.ended && e.since.isValid())
            since.insert(key(e.node, e.type), e.since);
    for (ReportRow &r : *rows) {
        if (r.since.isValid())
            continue;
        const QDateTime s = since.value(key(r.node, r.type));
        if (!s.isValid())
            continue;
        r.since = s.toUTC();
        r.durationSeconds = std::max<qint64>(0, r.since.secsTo(now));
    }
}

// History rows: who isolated the node during the fault. A fault still active on a node that is
// isolated now: the node's annotations (who and why). Otherwise the last isolation through
// Faultboard in effect at some time during the fault: made before its end and not restored
// before it began (the action log keeps who, not why). Made before the fault was recorded
// counts too: a command-line isolation can precede Faultboard's first sight of the fault.
void fillIsolation(std::vector<ReportRow> *rows, const std::vector<ActionRecord> &actions,
                   const NodeStore *store)
{
    QHash<QString, std::vector<const ActionRecord *>> changes; // by node, in time order
    for (const ActionRecord &a : actions)
        if ((a.action == QLatin1String("isolate") || a.action == QLatin1String("restore")) &&
            a.result == QLatin1String("succeeded"))
            changes[a.target].push_back(&a);
    for (ReportRow &r : *rows) {
        const bool open = !r.until.isValid() && r.durationSeconds >= 0;
        if (open && store) {
            if (const NodeRecord *rec = store->find(r.node);
                rec && rec->health.isolation.isolated) {
                r.isolatedBy = rec->health.isolation.isolatedBy;
                r.isolationReason = rec->health.isolation.isolatedReason;
                continue;
            }
        }
        const auto it = changes.constFind(r.node);
        if (it == changes.constEnd() || !r.since.isValid())
            continue;
        const QDateTime end = r.until.isValid()        ? r.until
                              : r.durationSeconds >= 0 ? r.since.addSecs(r.durationSeconds)
                                                       : r.since;
        const ActionRecord *inEffect = nullptr;
        for (const ActionRecord *a : *it) {
            if (a->time > end.addMSecs(999)) // report times have whole seconds
                break;
            if (a->action == QLatin1String("isolate"))
                inEffect = a;
            else if (a->time < r.since)
                inEffect = nullptr; // restored before the fault began
        }
        if (inEffect)
            r.isolatedBy = inEffect->actor;
    }
}

} // namespace

QFuture<ReportResult> ReportBuilder::build(ClusterSession *session, PrometheusHistory *prometheus,
                                           const ReportRequest &request, QObject *context)
{
    ReportResult base;
    base.from = request.from;
    base.to = request.to.isValid() ? request.to : QDateTime::currentDateTimeUtc();
    const QPointer<FaultHistory> history = session->history();
    const QPointer<const NodeStore> store = session->store();
    const LocationLabels labels = history ? history->options().locationLabels : LocationLabels{};

    if (request.kind == ReportRequest::Kind::Current) {
        base.rows = FaultReport::currentFaults(*store, labels, base.to, request.minimum);
        if (!history)
            return QtFuture::makeReadyFuture(std::move(base));
        // Queued behind what the history was asked to record, so it knows the faults listed.
        return kube::continueOn(context, history->episodes(base.to, base.to.addMSecs(1)),
                                [base](const HistoryResult<std::vector<FaultEpisode>> &r) {
                                    ReportResult out = base;
                                    if (r.ok())
                                        fillUnknownSince(&out.rows, r.value, out.to);
                                    return out;
                                });
    }

    if (!history) {
        base.historyError = tr("this cluster records no fault history");
        return QtFuture::makeReadyFuture(std::move(base));
    }
    return kube::continueOn(
               context,
               FleetHistory::episodes(history, prometheus, store, labels, base.from, base.to,
                                      context),
               [base, history, store, context](const FleetEpisodes &r) -> QFuture<ReportResult> {
                   ReportResult out = base;
                   out.historyError = r.historyError;
                   out.prometheusAsked = r.prometheusAsked;
                   out.prometheusError = r.prometheusError;
                   out.prometheusCancelled = r.prometheusCancelled;
                   out.fromPrometheus = r.fromPrometheus;
                   out.stepSeconds = r.stepSeconds;
                   if (!r.historyError.isEmpty() || !history)
                       return QtFuture::makeReadyFuture(std::move(out));
                   out.rows = FaultReport::fromEpisodes(r.episodes, out.to);
                   // Every action up to the end: an isolation made long before can still be
                   // in effect (operators' actions are few).
                   return kube::continueOn(
                       context, history->actions({}, out.to.addMSecs(1)),
                       [out, store](const HistoryResult<std::vector<ActionRecord>> &a) {
                           ReportResult done = out;
                           if (a.ok())
                               fillIsolation(&done.rows, a.value, store);
                           return done;
                       });
               })
        .unwrap();
}

} // namespace models

#include "models/FleetHistory.h"
#include "kube/ContinueOn.h"

#include "models/FaultHistory.h"
#include "models/HistoryMerge.h"
#include "models/NodeStore.h"
#include "models/PrometheusHistory.h"

#include <QPointer>

namespace models {

QFuture<FleetEpisodes> FleetHistory::episodes(FaultHistory *history, PrometheusHistory *prometheus,
                                              const NodeStore *store, const LocationLabels &labels,
                                              const QDateTime &from, const QDateTime &to,
                                              QObject *context)
{
    QPointer<const NodeStore> weakStore(store);
    // Prometheus is asked at once, beside the local history: a Cancel at any time after this
    // call finds its queries in flight.
    QFuture<PrometheusEpisodes> remote;
    if (prometheus) {
        // The fleet's size tells how many series a fleet query selects: one too large for the
        // server's limit is cut into time slices before it is sent, not after a refusal.
        if (store && store->size() > 0)
            prometheus->setExpectedNodes(store->size());
        remote = prometheus->allFleetEpisodes(from, to);
    }
    const bool asked = prometheus != nullptr;
    return kube::continueOn(
               context, history->episodes(from, to),
               [remote, asked, context, weakStore, labels,
                to](HistoryResult<std::vector<FaultEpisode>> r) -> QFuture<FleetEpisodes> {
                   FleetEpisodes out;
                   if (!r.ok()) {
                       out.historyError = r.error;
                       return QtFuture::makeReadyFuture(std::move(out));
                   }
                   if (!asked) {
                       out.episodes = std::move(r.value);
                       return QtFuture::makeReadyFuture(std::move(out));
                   }
                   return kube::continueOn(
                       context, remote,
                       [local = std::move(r.value), weakStore, labels,
                        to](const PrometheusEpisodes &p) {
                           FleetEpisodes out;
                           out.prometheusAsked = true;
                           out.stepSeconds = p.stepSeconds;
                           if (!p.ok()) {
                               out.prometheusError = p.errorText;
                               out.prometheusCancelled =
                                   p.error.kind == kube::ApiError::Kind::Cancelled;
                           }
                           std::vector<FaultEpisode> remote = p.episodes;
                           if (weakStore) {
                               for (FaultEpisode &e : remote) {
                                   if (const NodeRecord *rec = weakStore->find(e.node)) {
                                       const NodeLocation loc = labels.locate(*rec->node);
                                       e.pool = loc.pool;
                                       e.rack = loc.rack;
                                       e.zone = loc.zone;
                                   }
                               }
                           }
                           out.episodes = mergeEpisodes(local, remote, to);
                           for (const FaultEpisode &e : out.episodes)
                               out.fromPrometheus += e.source == FaultEpisode::Source::Prometheus;
                           return out;
                       });
               })
        .unwrap();
}

} // namespace models

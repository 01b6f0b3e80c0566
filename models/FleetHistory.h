#pragma once

#include "models/HistoryRecords.h"
#include "models/LocationLabels.h"

#include <QDateTime>
#include <QFuture>
#include <QString>

#include <vector>

class QObject;

namespace models {

class FaultHistory;
class NodeStore;
class PrometheusHistory;

// The cluster's fault episodes in a range: Faultboard's own history and, with a team's
// Prometheus, what it holds (mergeEpisodes). The one path `report --history`, the export dialog
// and the Trends view take, so they agree on what a fault is and where it came from.
struct FleetEpisodes
{
    std::vector<FaultEpisode> episodes; // merged, each with its source and resolution
    QString historyError;               // the local history could not be read: no episodes
    bool prometheusAsked = false;
    QString prometheusError; // Prometheus failed (or was cancelled): the local episodes only
    bool prometheusCancelled = false;
    int fromPrometheus = 0; // how many of `episodes` are Prometheus'
    int stepSeconds = 0;    // their resolution
    bool ok() const { return historyError.isEmpty() && prometheusError.isEmpty(); }
};

class FleetHistory
{
public:
    // Reads [from, to) from `history` (queued behind what it was asked to record before) and,
    // when not null, `prometheus` (asked at once; its cancel() ends this with the local history).
    // Prometheus' episodes get the pool, rack and zone of the node `store` lists
    // (kube-state-metrics' condition series carry no node labels). The merge runs in `context`'s
    // thread (the caller's).
    static QFuture<FleetEpisodes> episodes(FaultHistory *history, PrometheusHistory *prometheus,
                                           const NodeStore *store, const LocationLabels &labels,
                                           const QDateTime &from, const QDateTime &to,
                                           QObject *context);
};

} // namespace models

Q_DECLARE_METATYPE(models::FleetEpisodes)

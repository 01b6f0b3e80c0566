#pragma once

#include "kube/PrometheusClient.h"
#include "models/HistoryRecords.h"
#include "models/Taxonomy.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>

#include <vector>

namespace models {

// Fault episodes read from Prometheus, or why they could not be read.
struct PrometheusEpisodes
{
    std::vector<FaultEpisode> episodes; // each marked Source::Prometheus, with the step
    kube::ApiError error;               // the first query that failed (episodes: the others')
    QString errorText;                  // that error worded for an operator
    int stepSeconds = 0;
    int queries = 0;
    qint64 bytes = 0; // the answers' bodies, together
    bool ok() const { return error.ok(); }
};

// The fault history a team's Prometheus holds, from kube-state-metrics' node metrics: for each
// condition type, the spans where kube_node_status_condition had the type's faulty status (the
// taxonomy's polarity; types it does not know are faulty when True), and the spans where a
// node's allocatable accelerators were below capacity. Queries are bounded: a range, a step,
// only faulty statuses, one node (drill-down) or one fault type (fleet) per query.
//
// Bounds are at the step's resolution: an episode begins at the first evaluation time that saw
// the fault and ends at the first that no longer did (start + k * step). A fault still present
// at the last evaluation time has no end (ended = false); one present at the first began then
// or before. A fault shorter than a step may fall between two evaluations and not be seen.
class PrometheusHistory : public QObject
{
    Q_OBJECT

public:
    PrometheusHistory(const kube::PrometheusEndpoint &endpoint, const Taxonomy &taxonomy,
                      QObject *parent = nullptr);
    ~PrometheusHistory() override;

    kube::PrometheusClient *client() const { return m_client; }

    // A step that keeps every series under ~1440 points: 15 s for an hour, 60 s for a day,
    // 600 s for a week.
    static int stepFor(const QDateTime &from, const QDateTime &to);

    // One node's faults of every type in [from, to); stepSeconds 0: stepFor().
    QFuture<PrometheusEpisodes> nodeEpisodes(const QString &node, const QDateTime &from,
                                             const QDateTime &to, int stepSeconds = 0);
    // The fleet's faults of one condition type.
    QFuture<PrometheusEpisodes> fleetEpisodes(const QString &type, const QDateTime &from,
                                              const QDateTime &to, int stepSeconds = 0);
    // The fleet's faults of every type: one query per type the taxonomy knows, one for the
    // condition types it does not, one for lost accelerators; at most 4 in flight.
    QFuture<PrometheusEpisodes> allFleetEpisodes(const QDateTime &from, const QDateTime &to,
                                                 int stepSeconds = 0);
    // Stops every query in flight and the ones they would have started: their results end
    // with a Cancelled error.
    void cancel();

    // The PromQL of the queries above (for tests and docs).
    QString nodeQuery(const QString &node) const;
    QString fleetQuery(const QString &type) const;
    QString unknownTypesQuery() const;
    QString acceleratorQuery(const QString &node = {}) const;
    // A range query's matrix as episodes (evaluation times start + k * step up to `to`).
    std::vector<FaultEpisode> episodesFromMatrix(const kube::PrometheusMatrix &matrix,
                                                 const QDateTime &from, const QDateTime &to,
                                                 int stepSeconds) const;

private:
    struct Query
    {
        QString context;
        QString promql;
    };
    QFuture<PrometheusEpisodes> run(const std::vector<Query> &queries, const QDateTime &from,
                                    const QDateTime &to, int stepSeconds);
    // The polarity groups: lower-case faulty statuses -> the types that have them, except the
    // default group (the taxonomy's statuses for types it does not know).
    QMap<QString, QStringList> polarityGroups() const;
    QStringList allKnownTypes() const;
    QString defaultStatuses() const;

    Taxonomy m_taxonomy;
    kube::PrometheusClient *m_client;
};

} // namespace models

Q_DECLARE_METATYPE(models::PrometheusEpisodes)

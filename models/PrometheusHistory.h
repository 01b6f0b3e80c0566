#pragma once

#include "kube/PrometheusClient.h"
#include "models/HistoryRecords.h"
#include "models/Taxonomy.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>

#include <utility>
#include <vector>

namespace models {

// Fault episodes read from Prometheus, or why they could not be read.
struct PrometheusEpisodes
{
    std::vector<FaultEpisode> episodes; // each marked Source::Prometheus, with the step
    kube::ApiError error;               // the first query that failed (episodes: the others')
    QString errorText;                  // that error worded for an operator
    int stepSeconds = 0;
    int queries = 0;  // the requests sent, refused ones and slices included
    int slices = 0;   // the time slices answered (a query not cut is one)
    int refused = 0;  // the answers "too many samples" that were cut in halves and asked again
    int timedOut = 0; // the answers "timed out" (the server's limit) cut in halves and asked again
    qint64 bytes = 0; // the answers' bodies, together
    bool ok() const { return error.ok(); }
};

// The fault history a team's Prometheus holds, from kube-state-metrics' node metrics: for each
// condition type, the spans where kube_node_status_condition had the type's faulty status (the
// taxonomy's polarity; types it does not know are faulty when True), and the spans where a
// node's allocatable accelerators were below capacity. Queries are bounded: a range, a step,
// only faulty statuses, one node (drill-down) or one fault type (fleet) per query. A query the
// server refuses as too large, or gives up on at its time limit, is cut into time slices on the
// step grid, in halves, down to one step, and the slices joined.
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

    // Prometheus' default --query.max-samples, less a fifth: what a query is cut to hold.
    static constexpr qint64 DefaultSampleBudget = 40'000'000;
    // The samples one query may hold (series x steps) before it is cut beforehand; 0: never.
    void setSampleBudget(qint64 samples) { m_sampleBudget = samples; }
    qint64 sampleBudget() const { return m_sampleBudget; }
    // The fleet's node count (the node store's), which the series of a fleet query follow;
    // 0 (unknown): queries are cut only when the server refuses them.
    void setExpectedNodes(int nodes) { m_expectedNodes = nodes; }
    // false: a refused or timed-out query fails as it is, without being cut (tests, comparisons).
    void setSplitting(bool on) { m_splitting = on; }

    // Whether `error` is the server's limit on the samples or points of one query: Prometheus'
    // (and Thanos') 422 "query processing would load too many samples into memory",
    // VictoriaMetrics' -search.maxSamplesPerQuery and -search.maxPointsPerTimeseries.
    static bool isTooManySamples(const kube::ApiError &error);
    // Whether `error` is the server's limit on the time one query may take: Prometheus' (and
    // Thanos', Mimir's) --query.timeout, VictoriaMetrics' -search.maxQueryDuration, a wait for
    // a free slot of the server included.
    static bool isQueryTimeout(const kube::ApiError &error);
    // The evaluation times from + k * step up to `to`, as slices of at most `maxSteps` steps:
    // consecutive [first, last] pairs on the grid (the last one ends at `to`).
    static std::vector<std::pair<QDateTime, QDateTime>>
    timeSlices(const QDateTime &from, const QDateTime &to, int stepSeconds, qint64 maxSteps);
    // The answers of one query's slices as the one answer of the query: each series' samples
    // together, in time order, a time two slices both hold once.
    static kube::PrometheusMatrix joinSlices(std::vector<kube::PrometheusMatrix> slices);

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
        int seriesPerNode = 0; // what it selects of each node, for cutting it beforehand
    };
    QFuture<PrometheusEpisodes> run(const std::vector<Query> &queries, const QDateTime &from,
                                    const QDateTime &to, int stepSeconds);
    // The polarity groups: lower-case faulty statuses -> the types that have them, except the
    // default group (the taxonomy's statuses for types it does not know).
    QMap<QString, QStringList> polarityGroups() const;
    QStringList allKnownTypes() const;
    QString defaultStatuses() const;
    // `error` of the slice [from, to] worded for an operator: for a server's limit (samples,
    // time), which query, which slice, what the server said and which flag raises the limit.
    static QString limitErrorText(const kube::ApiError &error, const QDateTime &from,
                                  const QDateTime &to, int stepSeconds, bool cutToOneStep);

    Taxonomy m_taxonomy;
    kube::PrometheusClient *m_client;
    qint64 m_sampleBudget = DefaultSampleBudget;
    int m_expectedNodes = 0;
    bool m_splitting = true;
};

} // namespace models

Q_DECLARE_METATYPE(models::PrometheusEpisodes)

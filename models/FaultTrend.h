#pragma once

#include "models/HistoryRecords.h"

#include <QDateTime>
#include <QStringList>
#include <vector>

namespace models {

// The cluster's faults over a time range, per category, in equal buckets: how many faults were
// active and how many began in each bucket. Built from FaultHistory::episodes for the charts.
struct FaultTrend
{
    QDateTime from;           // start of the first bucket (aligned to the bucket size, UTC)
    QDateTime to;             // end of the range
    qint64 bucketSeconds = 0; // one of a few readable sizes: 1 min … 1 day
    int bucketCount = 0;
    QStringList categories;                // most affected first
    std::vector<std::vector<int>> active;  // [category][bucket]: faults active during the bucket
    std::vector<std::vector<int>> started; // [category][bucket]: faults that began in the bucket
    int faults = 0;                        // episodes counted in the range
    int fromPrometheus = 0;                // of those, the ones read from a team's Prometheus
    int resolutionSeconds = 0;             // their times' resolution (the coarsest)

    QDateTime bucketStart(int bucket) const { return from.addSecs(bucket * bucketSeconds); }
    int maxActive() const; // the tallest stacked bar

    // Buckets cover [from, to) with at most `maxBuckets` of them; the size is the smallest
    // readable one that fits.
    static FaultTrend fromEpisodes(const std::vector<FaultEpisode> &episodes, const QDateTime &from,
                                   const QDateTime &to, int maxBuckets = 48);
    static qint64 bucketSecondsFor(qint64 rangeSeconds, int maxBuckets);
};

} // namespace models

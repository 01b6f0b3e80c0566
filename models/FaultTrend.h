#pragma once

#include "models/HistoryRecords.h"

#include <QDateTime>
#include <QStringList>
#include <vector>

namespace models {

// The cluster's faults over a time range, per category, in equal buckets: the most faults active
// at once in each bucket, and how many began in it. Built from FleetHistory's episodes for the
// charts. A bucket's `active` counts are taken at one moment, the one in the bucket when the
// most faults (all categories together) were active: summed, they are that peak, never the
// number of faults that came and went during the bucket (a flapping condition is one fault at a
// time, not one per flap).
struct FaultTrend
{
    QDateTime from;           // start of the first bucket (aligned to the bucket size, UTC)
    QDateTime to;             // end of the range
    qint64 bucketSeconds = 0; // one of a few readable sizes: 1 min … 1 day
    int bucketCount = 0;
    QStringList categories;                // most affected first
    std::vector<std::vector<int>> active;  // [category][bucket]: active at the bucket's peak
    std::vector<std::vector<int>> started; // [category][bucket]: faults that began in the bucket
    int faults = 0;                        // episodes counted in the range
    int fromPrometheus = 0;                // of those, the ones read from a team's Prometheus
    int resolutionSeconds = 0;             // their times' resolution (the coarsest)

    QDateTime bucketStart(int bucket) const { return from.addSecs(bucket * bucketSeconds); }
    int maxActive() const; // the tallest stacked bar: the most faults ever active at once

    // An axis for counts up to `maximum`: a whole tick step (1, 2, 5, 10, 20, 50, …) giving at
    // most `maxTicks` intervals, and the top of the axis, a multiple of it (at least one step).
    struct CountAxis
    {
        int step = 1;
        int top = 1;
    };
    static CountAxis countAxis(int maximum, int maxTicks = 5);

    // Buckets cover [from, to) with at most `maxBuckets` of them; the size is the smallest
    // readable one that fits.
    static FaultTrend fromEpisodes(const std::vector<FaultEpisode> &episodes, const QDateTime &from,
                                   const QDateTime &to, int maxBuckets = 48);
    static qint64 bucketSecondsFor(qint64 rangeSeconds, int maxBuckets);
};

} // namespace models

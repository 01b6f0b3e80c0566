#include "models/FaultTrend.h"

#include <QHash>
#include <algorithm>
#include <array>

namespace models {

int FaultTrend::maxActive() const
{
    int best = 0;
    for (int b = 0; b < bucketCount; ++b) {
        int sum = 0;
        for (const auto &row : active)
            sum += row[std::size_t(b)];
        best = std::max(best, sum);
    }
    return best;
}

FaultTrend::CountAxis FaultTrend::countAxis(int maximum, int maxTicks)
{
    maximum = std::max(1, maximum);
    maxTicks = std::max(1, maxTicks);
    int step = 1;
    for (int scale = 1;; scale *= 10) {
        for (int m : {1, 2, 5}) {
            step = m * scale;
            if ((maximum + step - 1) / step <= maxTicks)
                return {step, (maximum + step - 1) / step * step};
        }
    }
}

qint64 FaultTrend::bucketSecondsFor(qint64 rangeSeconds, int maxBuckets)
{
    static constexpr std::array<qint64, 12> sizes{
        60,       5 * 60,   15 * 60,   30 * 60,   3600,          2 * 3600,
        3 * 3600, 6 * 3600, 12 * 3600, 24 * 3600, 7 * 24 * 3600, 30 * 24 * 3600};
    maxBuckets = std::max(1, maxBuckets);
    for (qint64 s : sizes) {
        if ((rangeSeconds + s - 1) / s <= maxBuckets)
            return s;
    }
    return sizes.back();
}

FaultTrend FaultTrend::fromEpisodes(const std::vector<FaultEpisode> &episodes,
                                    const QDateTime &from, const QDateTime &to, int maxBuckets)
{
    FaultTrend t;
    const qint64 start = from.toSecsSinceEpoch();
    // Rounded up: a fault that began in the last, partial second is inside the range.
    const qint64 end = std::max((to.toMSecsSinceEpoch() + 999) / 1000, start + 1);
    t.bucketSeconds = bucketSecondsFor(end - start, maxBuckets);
    // Align to the bucket size so the axis reads 10:00, 11:00 rather than 10:17, 11:17; one
    // more bucket keeps the end of the range inside.
    const qint64 aligned = start - (start % t.bucketSeconds);
    t.from = QDateTime::fromSecsSinceEpoch(aligned, Qt::UTC);
    t.to = QDateTime::fromSecsSinceEpoch(end, Qt::UTC);
    t.bucketCount = int((end - aligned + t.bucketSeconds - 1) / t.bucketSeconds);

    QHash<QString, int> rowOf;
    auto row = [&](const QString &category) -> int {
        auto it = rowOf.find(category);
        if (it != rowOf.end())
            return *it;
        t.categories << category;
        t.active.emplace_back(std::size_t(t.bucketCount), 0);
        t.started.emplace_back(std::size_t(t.bucketCount), 0);
        return rowOf[category] = int(t.categories.size()) - 1;
    };
    auto bucketOf = [&](qint64 secs) {
        return int(std::clamp<qint64>((secs - aligned) / t.bucketSeconds, 0, t.bucketCount - 1));
    };
    // Each episode as [begin, end) in milliseconds, clipped to the range. A fault that began
    // and ended at the same instant was still active at that instant: it lasts 1 ms.
    struct Change
    {
        qint64 ms;
        int delta; // -1 before +1 at the same time: a fault that ends as another begins was
        int row;   // never active at once with it
    };
    std::vector<Change> changes;
    const qint64 startMs = start * 1000, endMs = end * 1000;
    for (const FaultEpisode &e : episodes) {
        const qint64 since = e.since.isValid() ? e.since.toMSecsSinceEpoch() : startMs;
        qint64 until = e.until.isValid() ? e.until.toMSecsSinceEpoch() : endMs;
        if (e.ended && !e.until.isValid())
            until = since; // ended at an unknown time: only its beginning is known
        until = std::max(until, since + 1);
        if (until <= startMs || since >= endMs)
            continue; // not active in the range
        const int r = row(e.category.isEmpty() ? QStringLiteral("other") : e.category);
        ++t.faults;
        if (e.source == FaultEpisode::Source::Prometheus) {
            ++t.fromPrometheus;
            t.resolutionSeconds = std::max(t.resolutionSeconds, e.resolutionSeconds);
        }
        if (since >= startMs)
            ++t.started[std::size_t(r)][std::size_t(bucketOf(since / 1000))];
        changes.push_back({std::max(since, startMs), +1, r});
        changes.push_back({std::min(until, endMs), -1, r});
    }
    std::sort(changes.begin(), changes.end(), [](const Change &a, const Change &b) {
        return a.ms != b.ms ? a.ms < b.ms : a.delta < b.delta;
    });

    // A sweep through time: in each bucket, the moment the most faults were active at once (the
    // first such moment), and how many of each category were active then. The stacked bar is
    // that moment's total, never more faults than were ever active together.
    std::vector<int> now(std::size_t(t.categories.size()), 0);
    int activeNow = 0;
    std::size_t next = 0;
    auto applyUpTo = [&](qint64 ms) { // the changes at one time, or up to one, together
        for (; next < changes.size() && changes[next].ms <= ms; ++next) {
            now[std::size_t(changes[next].row)] += changes[next].delta;
            activeNow += changes[next].delta;
        }
    };
    for (int b = 0; b < t.bucketCount; ++b) {
        const qint64 bucketStart = (aligned + b * t.bucketSeconds) * 1000;
        const qint64 bucketEnd = bucketStart + t.bucketSeconds * 1000;
        int best = -1;
        auto keepIfPeak = [&] {
            if (activeNow > best) {
                best = activeNow;
                for (std::size_t r = 0; r < now.size(); ++r)
                    t.active[r][std::size_t(b)] = now[r];
            }
        };
        applyUpTo(bucketStart); // what carries over, less what ends as the bucket begins
        keepIfPeak();
        while (next < changes.size() && changes[next].ms < bucketEnd) {
            applyUpTo(changes[next].ms);
            keepIfPeak();
        }
    }

    // Most affected category first, so the colours of the big ones stay stable.
    std::vector<int> order(std::size_t(t.categories.size()));
    for (int i = 0; i < int(order.size()); ++i)
        order[std::size_t(i)] = i;
    auto total = [&](int r) {
        int s = 0;
        for (int v : t.active[std::size_t(r)])
            s += v;
        return s;
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const int ta = total(a), tb = total(b);
        return ta != tb ? ta > tb : t.categories[a] < t.categories[b];
    });
    FaultTrend sorted = t;
    for (std::size_t i = 0; i < order.size(); ++i) {
        sorted.categories[qsizetype(i)] = t.categories[order[i]];
        sorted.active[i] = t.active[std::size_t(order[i])];
        sorted.started[i] = t.started[std::size_t(order[i])];
    }
    return sorted;
}

} // namespace models

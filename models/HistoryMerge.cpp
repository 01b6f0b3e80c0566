#include "models/HistoryMerge.h"

#include <QHash>

#include <algorithm>

namespace models {

namespace {

QDateTime endOf(const FaultEpisode &e, const QDateTime &rangeEnd)
{
    if (e.until.isValid())
        return e.until;
    // Ended at an unknown time: only its beginning is known.
    return e.ended ? e.since : rangeEnd;
}

// Whether a Faultboard episode and a Prometheus one can be the same fault: their spans
// [since, end) overlap, the Prometheus one widened by its resolution (its bounds are up to a
// step late). An episode that is an instant (since == end) is [since, since].
bool sameFault(const FaultEpisode &local, const FaultEpisode &remote, const QDateTime &rangeEnd)
{
    const QDateTime lStart = local.since;
    const QDateTime lEnd = endOf(local, rangeEnd);
    const QDateTime rStart = remote.since.addSecs(-remote.resolutionSeconds);
    const QDateTime rEnd = endOf(remote, rangeEnd);
    if (lStart == lEnd)
        return rStart <= lStart && lStart < rEnd;
    return lStart < rEnd && rStart < lEnd;
}

} // namespace

std::vector<FaultEpisode> mergeEpisodes(const std::vector<FaultEpisode> &faultboard,
                                        const std::vector<FaultEpisode> &prometheus,
                                        const QDateTime &rangeEnd)
{
    QHash<QString, std::vector<const FaultEpisode *>> local; // "node\ntype" -> episodes
    for (const FaultEpisode &e : faultboard)
        local[e.node + QLatin1Char('\n') + e.type].push_back(&e);

    std::vector<FaultEpisode> out = faultboard;
    for (const FaultEpisode &p : prometheus) {
        const auto it = local.constFind(p.node + QLatin1Char('\n') + p.type);
        const bool seen =
            it != local.cend() && std::any_of(it->begin(), it->end(), [&](const FaultEpisode *l) {
                return sameFault(*l, p, rangeEnd);
            });
        if (!seen)
            out.push_back(p);
    }
    std::stable_sort(out.begin(), out.end(), episodeBefore);
    return out;
}

} // namespace models

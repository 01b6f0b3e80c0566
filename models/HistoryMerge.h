#pragma once

#include "models/HistoryRecords.h"

#include <vector>

namespace models {

// Faultboard's own history merged with what a team's Prometheus holds. Faultboard's episodes
// are authoritative (exact transition times); a Prometheus episode of the same node and fault
// type that overlaps one of them is that same fault seen coarser and is dropped. The others fill
// the time before Faultboard watched and the gaps between, marked Source::Prometheus with their
// resolution. An open end lasts until `rangeEnd`.
//
// The history does not record when Faultboard was watching, so a Prometheus episode within a
// watched time that Faultboard did not see (none should exist) is kept, marked as Prometheus'.
std::vector<FaultEpisode> mergeEpisodes(const std::vector<FaultEpisode> &faultboard,
                                        const std::vector<FaultEpisode> &prometheus,
                                        const QDateTime &rangeEnd);

} // namespace models

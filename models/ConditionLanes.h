#pragma once

#include "models/HistoryRecords.h"

#include <QDateTime>
#include <vector>

namespace models {

// One node's fault history as lanes, one per fault type, each with the spans during which the
// fault was present: the shape of the node's condition timeline chart.
struct ConditionLane
{
    struct Span
    {
        QDateTime from;
        QDateTime to;
        Severity severity = Severity::Major;
        bool ongoing = false; // still present: `to` is the end of the chart
    };
    QString type;
    QString category;
    Severity worst = Severity::Healthy;
    std::vector<Span> spans;
};

class ConditionLanes
{
public:
    // From a timeline oldest first (FaultHistory::timeline / NodeHistoryModel::events). A fault
    // still open at the end lasts until `now`; the node being removed ends all of them. Lanes are
    // ordered by their first fault.
    static std::vector<ConditionLane> fromTimeline(const std::vector<HistoryEvent> &events,
                                                   const QDateTime &now);
};

} // namespace models

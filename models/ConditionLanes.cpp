#include "models/ConditionLanes.h"

#include <QHash>

namespace models {

std::vector<ConditionLane> ConditionLanes::fromTimeline(const std::vector<HistoryEvent> &events,
                                                        const QDateTime &now)
{
    std::vector<ConditionLane> lanes;
    QHash<QString, std::size_t> laneOf;
    QHash<QString, std::size_t> openSpan; // type -> index of its open span in its lane

    auto close = [&](const QString &type, const QDateTime &at) {
        auto it = openSpan.find(type);
        if (it == openSpan.end())
            return;
        ConditionLane &lane = lanes[laneOf.value(type)];
        lane.spans[*it].to = std::max(at, lane.spans[*it].from);
        openSpan.erase(it);
    };

    for (const HistoryEvent &e : events) {
        if (e.kind == HistoryEvent::Kind::NodeRemoved) {
            const QStringList open = openSpan.keys();
            for (const QString &type : open)
                close(type, e.time);
            continue;
        }
        if (e.kind != HistoryEvent::Kind::Transition)
            continue;
        if (e.opens && !openSpan.contains(e.type)) {
            auto it = laneOf.find(e.type);
            if (it == laneOf.end()) {
                lanes.push_back(ConditionLane{e.type, e.category, Severity::Healthy, {}});
                it = laneOf.insert(e.type, lanes.size() - 1);
            }
            ConditionLane &lane = lanes[*it];
            lane.spans.push_back({e.time, e.time, e.severity, false});
            lane.worst = std::max(lane.worst, e.severity);
            openSpan.insert(e.type, lane.spans.size() - 1);
        } else if (e.closes) {
            close(e.type, e.time);
        } else if (e.bad && openSpan.contains(e.type)) {
            // Still faulty with another status or severity (True → Unknown): the worst counts.
            ConditionLane &lane = lanes[laneOf.value(e.type)];
            ConditionLane::Span &span = lane.spans[openSpan.value(e.type)];
            span.severity = std::max(span.severity, e.severity);
            lane.worst = std::max(lane.worst, e.severity);
        }
    }
    for (auto it = openSpan.cbegin(); it != openSpan.cend(); ++it) {
        ConditionLane::Span &span = lanes[laneOf.value(it.key())].spans[it.value()];
        span.to = std::max(now, span.from);
        span.ongoing = true;
    }
    return lanes;
}

} // namespace models

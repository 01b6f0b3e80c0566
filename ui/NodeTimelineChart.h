#pragma once

#include "models/ConditionLanes.h"

#include <QChartView>
#include <QTimer>

class QCategoryAxis;
class QDateTimeAxis;

namespace models {
class NodeHistoryModel;
}

namespace ui {

// One node's fault history as a timeline: a lane per fault type, a bar coloured by severity for
// each time the fault was present. Follows a NodeHistoryModel and redraws, coalesced, when it
// loads or grows.
class NodeTimelineChart : public QChartView
{
    Q_OBJECT

public:
    explicit NodeTimelineChart(models::NodeHistoryModel *model, QWidget *parent = nullptr);

    const std::vector<models::ConditionLane> &lanes() const { return m_lanes; }
    // The time shown, [from, to].
    QDateTime rangeFrom() const { return m_from; }
    QDateTime rangeTo() const { return m_to; }

signals:
    void redrawn();

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    models::NodeHistoryModel *m_model;
    std::vector<models::ConditionLane> m_lanes;
    QDateTime m_from;
    QDateTime m_to;
    QTimer m_coalesce;
};

} // namespace ui

#include "ui/NodeTimelineChart.h"

#include "models/NodeHistoryModel.h"
#include "models/Taxonomy.h"
#include "ui/ChartStyle.h"
#include "ui/SeverityStyle.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegend>
#include <QLineSeries>

namespace ui {

namespace {
constexpr double HalfBar = 0.32; // a lane is 1 high; its bars 0.64
}

NodeTimelineChart::NodeTimelineChart(models::NodeHistoryModel *model, QWidget *parent)
    : QChartView(parent)
    , m_model(model)
{
    setRenderHint(QPainter::Antialiasing);
    setAccessibleName(tr("Fault timeline of the node"));
    setMinimumHeight(160);
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    setChart(chart);

    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(50);
    connect(&m_coalesce, &QTimer::timeout, this, &NodeTimelineChart::rebuild);
    auto later = [this] { m_coalesce.start(); };
    connect(model, &models::NodeHistoryModel::loaded, this, later);
    connect(model, &QAbstractItemModel::modelReset, this, later);
    connect(model, &QAbstractItemModel::rowsInserted, this, later);
    rebuild();
}

void NodeTimelineChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

void NodeTimelineChart::rebuild()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_lanes = models::ConditionLanes::fromTimeline(m_model->events(), now);

    QChart *c = chart();
    ChartStyle::clear(c);

    // From the first fault (at least the last hour) to now, with a little room on the left.
    m_to = now;
    m_from = now.addSecs(-3600);
    for (const auto &lane : m_lanes) {
        for (const auto &span : lane.spans)
            m_from = std::min(m_from, span.from);
    }
    const qint64 margin = std::max<qint64>(60, m_from.secsTo(m_to) / 30);
    m_from = m_from.addSecs(-margin);

    const bool dark = SeverityStyle::isDark(palette());
    auto *xAxis = new QDateTimeAxis;
    xAxis->setFormat(m_from.daysTo(m_to) >= 2 ? QStringLiteral("MM-dd HH:mm")
                                              : QStringLiteral("HH:mm"));
    xAxis->setRange(m_from.toLocalTime(), m_to.toLocalTime());
    xAxis->setTickCount(6);
    auto *yAxis = new QCategoryAxis;
    yAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    yAxis->setMin(-0.5);
    yAxis->setMax(std::max<qsizetype>(1, qsizetype(m_lanes.size())) - 0.5);
    yAxis->setGridLineVisible(false);
    c->addAxis(xAxis, Qt::AlignBottom);
    c->addAxis(yAxis, Qt::AlignLeft);

    const qreal x0 = qreal(m_from.toMSecsSinceEpoch());
    const qreal x1 = qreal(m_to.toMSecsSinceEpoch());
    for (std::size_t i = 0; i < m_lanes.size(); ++i) {
        const models::ConditionLane &lane = m_lanes[i];
        yAxis->append(lane.type, qreal(i) + 0.5);
        const qreal lo = qreal(i) - HalfBar, hi = qreal(i) + HalfBar;
        // The lane is one area between a flat line and a step line that rises during faults.
        auto *upper = new QLineSeries;
        auto *lower = new QLineSeries;
        upper->append(x0, lo);
        for (const auto &span : lane.spans) {
            const qreal a = qreal(span.from.toMSecsSinceEpoch());
            // A fault shorter than a pixel still shows.
            const qreal b = std::max(qreal(span.to.toMSecsSinceEpoch()), a + (x1 - x0) / 400);
            upper->append(a, lo);
            upper->append(a, hi);
            upper->append(b, hi);
            upper->append(b, lo);
        }
        upper->append(x1, lo);
        lower->append(x0, lo);
        lower->append(x1, lo);
        auto *area = new QAreaSeries(upper, lower);
        area->setName(lane.type);
        const QColor color = SeverityStyle::color(lane.worst, dark);
        area->setBrush(color);
        area->setPen(QPen(color.darker(130), 1));
        c->addSeries(area);
        area->attachAxis(xAxis);
        area->attachAxis(yAxis);
    }
    c->setTitle(m_lanes.empty() ? tr("No faults recorded for this node") : QString());
    ChartStyle::apply(c, palette());
    emit redrawn();
}

} // namespace ui

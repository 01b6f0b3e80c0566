#include "ui/FleetChartsView.h"
#include "kube/ContinueOn.h"

#include "models/DurationText.h"
#include "models/FaultHistory.h"
#include "models/FleetHistory.h"
#include "models/PrometheusHistory.h"
#include "models/Taxonomy.h"
#include "ui/ChartStyle.h"
#include "ui/SeverityStyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace ui {

namespace {

// Okabe–Ito after the severity colours: readable for the common colour-vision deficiencies.
QColor categoryColor(int i, bool dark)
{
    static const QColor light[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00),
                                   QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
                                   QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00),
                                   QColor(0xF0, 0xE4, 0x42), QColor(0x99, 0x99, 0x99)};
    const QColor c = light[i % int(std::size(light))];
    return dark ? c.lighter(115) : c;
}

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

} // namespace

FleetChartsView::FleetChartsView(models::FaultHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *rangeLabel = new QLabel(tr("&Range:"), this);
    m_range = new QComboBox(this);
    m_range->setAccessibleName(tr("Time range of the charts"));
    rangeLabel->setBuddy(m_range);
    m_range->addItem(tr("Last hour"), qint64(3600));
    m_range->addItem(tr("Last 6 hours"), qint64(6 * 3600));
    m_range->addItem(tr("Last 24 hours"), qint64(24 * 3600));
    m_range->addItem(tr("Last 7 days"), qint64(7 * 24 * 3600));
    m_range->addItem(tr("Last 30 days"), qint64(30 * 24 * 3600));
    m_range->setCurrentIndex(2);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Charts status"));
    top->addWidget(rangeLabel);
    top->addWidget(m_range);
    top->addWidget(m_status, 1);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0); // Prometheus tells no progress of one query
    m_progress->setMaximumWidth(120);
    m_progress->setAccessibleName(tr("Reading the history from Prometheus"));
    m_progress->hide();
    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_cancel->setAccessibleName(tr("Stop reading the history from Prometheus"));
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_prometheus)
            m_prometheus->cancel();
    });
    top->addWidget(m_progress);
    top->addWidget(m_cancel);
    layout->addLayout(top);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_trendView = new QChartView(newChart(tr("Most faults active at once, by category")), splitter);
    m_trendView->setAccessibleName(tr("The most faults active at once over time, by category"));
    m_trendView->setRenderHint(QPainter::Antialiasing);
    m_recoveryView = new QChartView(newChart(tr("Mean time to recover by fault type")), splitter);
    m_recoveryView->setAccessibleName(tr("Mean time to recover by fault type"));
    m_recoveryView->setRenderHint(QPainter::Antialiasing);
    splitter->addWidget(m_trendView);
    splitter->addWidget(m_recoveryView);
    layout->addWidget(splitter, 1);

    connect(m_range, &QComboBox::currentIndexChanged, this, &FleetChartsView::refresh);
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(2000); // a fault storm writes many times a second
    connect(&m_coalesce, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
        else
            m_stale = true;
    });
    if (m_history)
        connect(m_history, &models::FaultHistory::written, this, [this] {
            if (!m_coalesce.isActive())
                m_coalesce.start();
        });
    else
        m_status->setText(tr("This cluster records no history."));
}

void FleetChartsView::setRangeSeconds(qint64 seconds)
{
    const int i = m_range->findData(seconds);
    if (i >= 0)
        m_range->setCurrentIndex(i);
}

qint64 FleetChartsView::rangeSeconds() const
{
    return m_range->currentData().toLongLong();
}

void FleetChartsView::setPrometheusHistory(models::PrometheusHistory *prometheus)
{
    m_prometheus = prometheus;
    // A fault storm writes the local history many times a second: with Prometheus, whose fleet
    // query is one range query per fault type, the charts refresh at most once a minute.
    m_coalesce.setInterval(prometheus ? 60000 : 2000);
    if (isVisible())
        refresh();
    else
        m_stale = true;
}

void FleetChartsView::setReadingPrometheus(bool reading)
{
    m_progress->setVisible(reading);
    m_cancel->setVisible(reading);
}

void FleetChartsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void FleetChartsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        ChartStyle::apply(m_trendView->chart(), palette());
        ChartStyle::apply(m_recoveryView->chart(), palette());
    }
}

void FleetChartsView::refresh()
{
    if (!m_history)
        return;
    m_stale = false;
    const quint64 generation = ++m_generation;
    const QDateTime to = QDateTime::currentDateTimeUtc();
    const QDateTime from = to.addSecs(-rangeSeconds());
    m_pending = 2;
    m_error.clear();
    m_status->setText(tr("Loading…"));
    m_prometheusNote.clear();
    setReadingPrometheus(bool(m_prometheus));
    if (m_prometheus)
        m_status->setText(tr("Reading the history from Prometheus…"));
    kube::continueOn(
        this, models::FleetHistory::episodes(m_history, m_prometheus, nullptr, {}, from, to, this),
        [this, generation, from, to](const models::FleetEpisodes &r) {
            if (generation != m_generation)
                return;
            setReadingPrometheus(false);
            if (r.historyError.isEmpty()) {
                m_trend = models::FaultTrend::fromEpisodes(r.episodes, from, to);
                showTrend();
            }
            if (r.prometheusCancelled)
                m_prometheusNote = tr("Reading Prometheus was cancelled: the charts show "
                                      "Faultboard's own history only.");
            else if (!r.prometheusError.isEmpty())
                m_prometheusNote = tr("Prometheus could not be read (%1): the charts show "
                                      "Faultboard's own history only.")
                                       .arg(r.prometheusError);
            else if (m_trend.fromPrometheus > 0)
                m_prometheusNote = tr("%n of them from Prometheus (times up to %1 s late).",
                                      nullptr, m_trend.fromPrometheus)
                                       .arg(m_trend.resolutionSeconds);
            finishOne(r.historyError);
        });
    kube::continueOn(
        this, m_history->faultStats(from, to),
        [this, generation](models::HistoryResult<std::vector<models::FaultTypeStats>> r) {
            if (generation != m_generation)
                return;
            if (r.ok()) {
                m_stats = std::move(r.value);
                showRecovery();
            }
            finishOne(r.error);
        });
}

void FleetChartsView::finishOne(const QString &error)
{
    if (!error.isEmpty())
        m_error = error;
    if (--m_pending > 0)
        return;
    QString text;
    if (!m_error.isEmpty())
        text = tr("Could not read the history: %1").arg(m_error);
    else if (m_trend.faults == 0)
        text = tr("No faults recorded in this range.");
    else
        text = tr("%n fault(s) in this range.", nullptr, m_trend.faults);
    m_status->setText(m_prometheusNote.isEmpty()
                          ? text
                          : tr("%1 %2", "the count, then where from").arg(text, m_prometheusNote));
    emit updated();
}

void FleetChartsView::showTrend()
{
    QChart *c = m_trendView->chart();
    ChartStyle::clear(c);
    const bool dark = SeverityStyle::isDark(palette());

    auto *series = new QStackedBarSeries;
    series->setBarWidth(0.9);
    for (int i = 0; i < m_trend.categories.size(); ++i) {
        auto *set = new QBarSet(models::Taxonomy::categoryName(m_trend.categories[i]));
        for (int v : m_trend.active[std::size_t(i)])
            *set << v;
        set->setColor(categoryColor(i, dark));
        set->setBorderColor(categoryColor(i, dark).darker(120));
        series->append(set);
    }
    c->addSeries(series);

    // Time labels on the bucket boundaries, a few of them so none is elided: bar i stands at
    // x = i, so bucket i begins at i - 0.5. The date is added when the range spans days.
    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setRange(-0.5, m_trend.bucketCount - 0.5);
    x->setStartValue(-0.5);
    const bool spansDays = (m_trend.bucketCount - 1) * m_trend.bucketSeconds > 24 * 3600;
    const QString format = m_trend.bucketSeconds >= 24 * 3600 ? QStringLiteral("MM-dd")
                           : spansDays                        ? QStringLiteral("MM-dd HH:mm")
                                                              : QStringLiteral("HH:mm");
    const int every = std::max(1, (m_trend.bucketCount + 7) / 8);
    for (int b = 0; b < m_trend.bucketCount; b += every)
        x->append(m_trend.bucketStart(b).toLocalTime().toString(format), b - 0.5);
    x->setGridLineVisible(false);
    // Whole counts only: ticks every 1, 2, 5, 10, … from 0.
    const models::FaultTrend::CountAxis counts = models::FaultTrend::countAxis(m_trend.maxActive());
    auto *y = new QValueAxis;
    y->setRange(0, counts.top);
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(counts.step);
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(tr("Faults active at once"));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    c->legend()->setVisible(!m_trend.categories.isEmpty());
    c->legend()->setAlignment(Qt::AlignRight);
    ChartStyle::apply(c, palette());
}

void FleetChartsView::showRecovery()
{
    QChart *c = m_recoveryView->chart();
    ChartStyle::clear(c);
    const bool dark = SeverityStyle::isDark(palette());

    // The fault types that recovered at least once, slowest first, at most 12.
    std::vector<const models::FaultTypeStats *> shown;
    for (const auto &s : m_stats) {
        if (s.recovered > 0 && s.meanSecondsToRecover >= 0)
            shown.push_back(&s);
    }
    std::stable_sort(shown.begin(), shown.end(), [](auto *a, auto *b) {
        return a->meanSecondsToRecover > b->meanSecondsToRecover;
    });
    if (shown.size() > 12)
        shown.resize(12);
    std::reverse(shown.begin(), shown.end()); // horizontal bars draw bottom-up

    // Bars in seconds; the axis and each type's label read as durations ("1 min 5 s"), since a
    // bar's own value label can only print the number.
    auto *set = new QBarSet(tr("Mean time to recover"));
    QStringList types;
    double longest = 0;
    for (const auto *s : shown) {
        *set << s->meanSecondsToRecover;
        types << tr("%1 (%2 recovered): %3", "fault type, recoveries, mean time to recover")
                     .arg(s->type)
                     .arg(s->recovered)
                     .arg(models::DurationText::format(s->meanSecondsToRecover));
        longest = std::max(longest, s->meanSecondsToRecover);
    }
    set->setColor(SeverityStyle::color(models::Severity::Major, dark));
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    c->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(types);
    // A readable step (10 s, 1 min, 15 min, 1 h, …) giving at most 5 intervals.
    static constexpr qint64 steps[] = {5,     10,    15,    30,    60,     120,
                                       300,   600,   900,   1800,  3600,   7200,
                                       10800, 21600, 43200, 86400, 172800, 604800};
    qint64 step = steps[std::size(steps) - 1];
    for (qint64 candidate : steps) {
        if (std::ceil(std::max(1.0, longest) / double(candidate)) <= 5) {
            step = candidate;
            break;
        }
    }
    const qint64 top = std::max<qint64>(1, qint64(std::ceil(std::max(1.0, longest) / step))) * step;
    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setRange(0, double(top));
    x->setStartValue(0);
    for (qint64 v = 0; v <= top; v += step)
        x->append(models::DurationText::format(double(v)), double(v));
    x->setTitleText(tr("Mean time to recover"));
    c->addAxis(y, Qt::AlignLeft);
    c->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    series->attachAxis(y);
    c->legend()->hide();
    c->setTitle(shown.empty() ? tr("Mean time to recover: no fault recovered in this range")
                              : tr("Mean time to recover by fault type"));
    ChartStyle::apply(c, palette());
}

} // namespace ui

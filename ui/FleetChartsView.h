#pragma once

#include "models/FaultTrend.h"
#include "models/HistoryRecords.h"
#include "models/PrometheusHistory.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace models {
class FaultHistory;
}

namespace ui {

// The cluster's fault history in charts: faults active over time, stacked by category, and the
// mean time to recover per fault type, over a chosen range. Queries run on the history's thread;
// the charts refresh when the range changes and, coalesced, when the history records something.
// With a team's Prometheus, the active-faults chart counts what it holds too (FleetHistory, the
// path of `report --history`), said in the status line with the step's resolution; a busy bar
// and Cancel show while it is read, and a failure leaves Faultboard's own history shown. The
// recovery chart stays Faultboard's own (exact times).
class FleetChartsView : public QWidget
{
    Q_OBJECT

public:
    explicit FleetChartsView(models::FaultHistory *history, QWidget *parent = nullptr);

    // The range shown ends now and lasts this long.
    void setRangeSeconds(qint64 seconds);
    qint64 rangeSeconds() const;
    // Null: Faultboard's own history only. Not owned.
    void setPrometheusHistory(models::PrometheusHistory *prometheus);

    const models::FaultTrend &trend() const { return m_trend; }
    const std::vector<models::FaultTypeStats> &recoveryStats() const { return m_stats; }
    QChartView *trendView() const { return m_trendView; }
    QChartView *recoveryView() const { return m_recoveryView; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }

public slots:
    void refresh();

signals:
    // After both charts show the answers of one refresh.
    void updated();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showTrend();
    void showRecovery();
    void finishOne(const QString &error);
    void setReadingPrometheus(bool reading);

    QPointer<models::FaultHistory> m_history;
    QPointer<models::PrometheusHistory> m_prometheus;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QString m_prometheusNote; // the status line's word on Prometheus, after the count
    QComboBox *m_range = nullptr;
    QLabel *m_status = nullptr;
    QChartView *m_trendView = nullptr;
    QChartView *m_recoveryView = nullptr;
    models::FaultTrend m_trend;
    std::vector<models::FaultTypeStats> m_stats;
    QTimer m_coalesce;
    quint64 m_generation = 0;
    int m_pending = 0;
    QString m_error;
    bool m_stale = true; // the history changed while hidden
};

} // namespace ui

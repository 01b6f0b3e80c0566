#pragma once

#include "ui/ElidedLabel.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace kube {
class ClusterQueries;
}

namespace models {
class FaultHistory;
class NodeConditionsModel;
class NodeHistoryModel;
class PrometheusHistory;
class NodeEventsModel;
class NodePodsModel;
class NodeStore;
} // namespace models

namespace ui {

class NodeTimelineChart;

// The selected node, drilled into: its worst severity and where it sits, its conditions with
// what each fault means and what to do, its taints and accelerators, the pods it carries (which
// jobs a fault hits) and its recent events.
class NodeDetailPanel : public QWidget
{
    Q_OBJECT

public:
    // `history` may be null (a session that records none): the History tab is then absent.
    NodeDetailPanel(models::NodeStore *store, kube::ClusterQueries *queries,
                    models::FaultHistory *history, QWidget *parent = nullptr);

    void showNode(const QString &name);
    // The selected node was hidden by the grid's filter: no node is shown, and the panel says so
    // (the window acts only on what is visibly selected).
    void showHiddenNode(const QString &name);
    QString nodeName() const { return m_name; }
    QString titleText() const;
    const ElidedLabel *titleLabel() const { return m_title; }

    QTabWidget *tabs() const { return m_tabs; }
    QTableView *conditionsView() const { return m_conditions; }
    QTableView *podsView() const { return m_pods; }
    QTableView *eventsView() const { return m_events; }
    // A failed query shows its error in place of its table (an empty table would say "none").
    QLabel *podsError() const { return m_podsError; }
    QLabel *eventsError() const { return m_eventsError; }
    QTextBrowser *adviceView() const { return m_advice; }
    QLabel *workloadStatus() const { return m_workloadStatus; }
    models::NodeConditionsModel *conditionsModel() const { return m_conditionsModel; }
    models::NodePodsModel *podsModel() const { return m_podsModel; }
    models::NodeEventsModel *eventsModel() const { return m_eventsModel; }
    models::NodeHistoryModel *historyModel() const { return m_historyModel; }
    NodeTimelineChart *timelineChart() const { return m_timeline; }
    QTableView *historyView() const { return m_history; }
    // The faults a team's Prometheus holds for the node, in the History tab beside Faultboard's
    // own (null: none); why they are not shown, when Prometheus fails, in historyStatus().
    void setPrometheusHistory(models::PrometheusHistory *prometheus);
    QLabel *historyStatus() const { return m_historyStatus; }
    // Shown while Prometheus is asked for the node's faults; stops that.
    QPushButton *historyCancel() const { return m_historyCancel; }

    // Refresh interval for pods and events of the shown node (while the panel is visible and
    // the previous answer came).
    static constexpr int RefreshMs = 15000;
    // A new selection is asked for after this much quiet: clicking (or arrowing) through
    // nodes asks the server for the one the operator stops on, not for every one passed.
    static constexpr int DebounceMs = 250;

public slots:
    void refreshWorkload();

signals:
    void workloadLoaded();

private:
    void refresh();
    void showAdvice();
    // One tab's page: the table, or in its place the error of the query that should fill it.
    QStackedWidget *makeQueryPage(QTableView *table, QLabel *&error);
    void showQueryResult(QStackedWidget *page, QTableView *table, QLabel *errorLabel,
                         const QString &tabText, const QString &error);

    QPointer<models::NodeStore> m_store;
    QPointer<kube::ClusterQueries> m_queries;
    QString m_name;
    quint64 m_generation = 0;
    QTimer m_debounce;
    ElidedLabel *m_title = nullptr;
    QString m_hiddenName; // showHiddenNode's, until another node is shown
    QLabel *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_conditions = nullptr;
    QTextBrowser *m_advice = nullptr;
    QTableView *m_pods = nullptr;
    QTableView *m_events = nullptr;
    QStackedWidget *m_podsPage = nullptr;
    QStackedWidget *m_eventsPage = nullptr;
    QLabel *m_podsError = nullptr;
    QLabel *m_eventsError = nullptr;
    QLabel *m_details = nullptr;
    ElidedLabel *m_workloadStatus = nullptr;
    models::NodeConditionsModel *m_conditionsModel = nullptr;
    models::NodePodsModel *m_podsModel = nullptr;
    models::NodeEventsModel *m_eventsModel = nullptr;
    models::NodeHistoryModel *m_historyModel = nullptr;
    NodeTimelineChart *m_timeline = nullptr;
    QTableView *m_history = nullptr;
    QLabel *m_historyStatus = nullptr;
    QPushButton *m_historyCancel = nullptr;
    QTimer m_refreshTimer;
    int m_pendingAnswers = 0;
};

} // namespace ui

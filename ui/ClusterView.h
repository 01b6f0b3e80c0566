#pragma once

#include "models/ClusterSession.h"

#include <QPointer>
#include <QSettings>
#include <QWidget>

class QLabel;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace kube {
class ClusterQueries;
}

namespace models {
class FaultSummaryModel;
class NodeFilterProxyModel;
class PrometheusHistory;
} // namespace models

namespace ui {

class FaultSummaryPanel;
class FilterBar;
class FleetChartsView;
class NodeDetailPanel;
class NodeGridView;
class SeverityLegend;

// Everything shown for one connected cluster: the filter bar, the fault summary, the legend and
// the fleet grid (or the cluster's fault charts), and the selected node's details beside them. One
// per tab in the main window.
class ClusterView : public QWidget
{
    Q_OBJECT

public:
    explicit ClusterView(models::ClusterSession *session, QWidget *parent = nullptr);
    ~ClusterView() override;

    models::ClusterSession *session() const { return m_session; }
    NodeGridView *grid() const { return m_grid; }
    NodeDetailPanel *detailPanel() const { return m_detail; }
    kube::ClusterQueries *queries() const { return m_queries; }
    FilterBar *filterBar() const { return m_filterBar; }
    FaultSummaryPanel *summaryPanel() const { return m_summary; }
    // The fleet grid and the cluster's fault charts share the middle, as tabs.
    QTabWidget *centerTabs() const { return m_center; }
    FleetChartsView *chartsView() const { return m_charts; }
    void showGrid();
    void showCharts();
    models::NodeFilterProxyModel *filterModel() const { return m_proxy; }
    // Until the first list of nodes has come (and while it fails), the view shows no grid and
    // no counts, only this message in its centre: what stops it, and what to do.
    bool nodesRead() const;
    // The first list is coming in: some nodes are read (and shown, their counts marked as so
    // far), not all.
    bool listing() const;
    QLabel *unreadableMessage() const { return m_unreadable; }
    models::FaultSummaryModel *summaryModel() const { return m_summaryModel; }

    // The node whose details are shown (the grid's current node).
    QString currentNode() const;
    // The selected nodes' names (for actions on the selection): the tiles visibly selected.
    QStringList selectedNodes() const;
    void selectNode(const QString &name);
    // Selects these nodes (those shown), the first one current.
    void selectNodes(const QStringList &names);
    // The team's Prometheus, for the node details' History tab; the view owns it.
    void setPrometheusHistory(models::PrometheusHistory *prometheus);
    models::PrometheusHistory *prometheusHistory() const { return m_prometheus; }

    // What the operator arranged (filters, splitter sizes, the details tab), across restarts,
    // in the settings' current group.
    void saveViewState(QSettings &settings) const;
    void restoreViewState(QSettings &settings);

signals:
    void currentNodeChanged(const QString &name);
    void selectionChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void arrangeSplitter();

    void updateReadability();

    QPointer<models::ClusterSession> m_session;
    models::PrometheusHistory *m_prometheus = nullptr;
    QStackedWidget *m_body = nullptr;
    QLabel *m_unreadable = nullptr;
    SeverityLegend *m_legend = nullptr;
    NodeGridView *m_grid = nullptr;
    NodeDetailPanel *m_detail = nullptr;
    kube::ClusterQueries *m_queries = nullptr;
    models::NodeFilterProxyModel *m_proxy = nullptr;
    models::FaultSummaryModel *m_summaryModel = nullptr;
    FilterBar *m_filterBar = nullptr;
    FaultSummaryPanel *m_summary = nullptr;
    QSplitter *m_splitter = nullptr;
    bool m_splitterArranged = false; // its first sizes are set (or restored)
    QTabWidget *m_center = nullptr;
    FleetChartsView *m_charts = nullptr;
    QString m_hiddenNode; // the current node while the filter removes its tile
};

} // namespace ui

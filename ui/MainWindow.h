#pragma once

#include "kube/KubeConfig.h"
#include "kube/PrometheusClient.h"
#include "models/Classifier.h"
#include "ui/AppSettings.h"

#include <QMainWindow>
#include <QPointer>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QSystemTrayIcon;
class QTabWidget;

namespace models {
class ClusterSession;
}

namespace ui {

class ActionController;
class ClusterView;
class ExportDialog;
class PrometheusSettingsDialog;
class FaultNotifier;
class NodeDetailPanel;
class NodeGridView;

// Faultboard's main window: one tab per open cluster (the fleet grid and the selected node's
// details), a status bar that always says whether the current cluster's picture is live, and
// the menus and toolbar that act on the current cluster.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const models::Classifier &classifier, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a cluster in a new tab (or focuses its tab if it is open) and starts watching it.
    ClusterView *openCluster(const kube::ClusterEndpoint &endpoint);
    void closeCluster(int tab);

    ClusterView *currentView() const;
    ClusterView *view(int tab) const;
    int clusterCount() const;
    models::ClusterSession *currentSession() const;

    // Shown in the status bar while no cluster is open (starting the demo cluster, say).
    void showStartupMessage(const QString &message);
    // Shows the cluster picker; returns false when the operator cancelled.
    bool pickCluster();
    // What a plain start opens: the last connection if its kubeconfig still has it, else the
    // kubeconfig's only context, else the picker. False when nothing was opened.
    bool openStartupCluster();

    // The team's Prometheus (--prometheus): every cluster opened from now on shows the faults it
    // holds, whatever its own setting says (nullopt: each cluster's setting).
    void setPrometheus(const std::optional<kube::PrometheusEndpoint> &endpoint)
    {
        m_prometheus = endpoint;
    }
    void setKubeconfigOptions(const kube::KubeConfig::LoadOptions &options)
    {
        m_kubeconfig = options;
    }
    const AppSettings &settings() const { return m_settings; }
    // The group-by choice in the toolbar.
    QComboBox *groupByBox() const { return m_groupBy; }
    void setSettings(const AppSettings &settings);

    // Convenience for the current tab.
    NodeGridView *grid() const;
    NodeDetailPanel *detailPanel() const;
    QLabel *connectionLabel() const { return m_connection; }
    QLabel *countsLabel() const { return m_counts; }
    FaultNotifier *notifier() const { return m_notifier; }
    ActionController *actions() const { return m_actions; }

    // Opens the export dialog for the current cluster (non-modal); null without a cluster.
    ExportDialog *exportReport();
    // Opens the current cluster's Prometheus settings (non-modal; saved and applied when
    // accepted); null without a cluster.
    PrometheusSettingsDialog *editClusterPrometheus();

signals:
    // The operator asked for the demo cluster from the picker.
    void demoRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    std::optional<kube::ClusterEndpoint> lastConnection() const;
    void saveViewState(ClusterView *view) const;
    void createActions();
    void updateStatus();
    void updateTabTitle(ClusterView *view);
    void showAlert(const QString &title, const QString &text);
    void editSettings();
    // The view's Prometheus: models::PrometheusSource::choose(), as the commands'.
    void applyPrometheus(ClusterView *view);

    models::Classifier m_classifier;
    AppSettings m_settings;
    kube::KubeConfig::LoadOptions m_kubeconfig;
    std::optional<kube::PrometheusEndpoint> m_prometheus;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_groupBy = nullptr;
    QLabel *m_connection = nullptr;
    QLabel *m_counts = nullptr;
    FaultNotifier *m_notifier = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QAction *m_muteAction = nullptr;
    QAction *m_exportAction = nullptr;
    ActionController *m_actions = nullptr;
};

} // namespace ui

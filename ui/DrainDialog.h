#pragma once

#include "kube/NodeDrain.h"
#include "ui/AppSettings.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace models {
class NodeOperations;
}

namespace ui {

// Drains nodes the way kubectl drain does, in two steps. First the plan: a dry run lists, per
// node, the pods that will be evicted, those skipped and those that block (with kubectl's
// reasons), for the chosen options; nothing is sent. Then, once confirmed, the drain itself
// with its progress per node and per pod (evicting, blocked by a PodDisruptionBudget, evicted,
// failed: why), cancellable at any moment. The drains come from the cluster's action engine,
// which bounds the evictions in flight and records each node's result.
class DrainDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Phase { Planning, Planned, Draining, Finished };

    DrainDialog(models::NodeOperations *operations, const QStringList &nodes,
                const AppSettings &defaults, QWidget *parent = nullptr);
    ~DrainDialog() override;

    kube::DrainOptions options() const;
    Phase phase() const { return m_phase; }
    QTreeWidget *podsView() const { return m_tree; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *statusLabel() const { return m_status; }
    QCheckBox *ignoreDaemonSetsBox() const { return m_ignoreDaemonSets; }
    QCheckBox *deleteEmptyDirBox() const { return m_deleteEmptyDir; }
    QCheckBox *forceBox() const { return m_force; }
    // The text shown for a pod: "ns/name — blocked by PDB: …".
    QString podState(const QString &node, const QString &podKey) const;
    // Results so far, by node.
    QHash<QString, kube::DrainResult> results() const { return m_results; }

    // Tests: the interval between eviction retries after a 429 (kubectl: 5 s).
    void setEvictionRetryIntervalMs(int ms) { m_retryMs = ms; }
    // How often a terminating pod is checked (tests: slower than the test, to stop in between).
    void setPollIntervalMs(int ms) { m_pollMs = ms; }

public slots:
    void plan();
    void startDrain();
    void cancelDrain();

signals:
    void planReady(bool drainable);
    void nodeStarted(const QString &node);
    void nodeFinished(const kube::DrainResult &result);
    void allFinished();

private:
    void showPod(const kube::DrainPod &pod);
    void finishNode(const kube::DrainResult &result);
    QTreeWidgetItem *nodeItem(const QString &node);
    void setPhase(Phase phase);
    void clearRuns();

    QPointer<models::NodeOperations> m_operations;
    QStringList m_nodes;
    Phase m_phase = Phase::Planning;
    QCheckBox *m_ignoreDaemonSets = nullptr;
    QCheckBox *m_deleteEmptyDir = nullptr;
    QCheckBox *m_force = nullptr;
    QSpinBox *m_grace = nullptr;
    QSpinBox *m_timeout = nullptr;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_cancel = nullptr;
    std::vector<QPointer<kube::NodeDrain>> m_runs;
    QHash<QString, kube::DrainResult> m_results;
    QHash<QString, QTreeWidgetItem *> m_nodeItems;
    QHash<QString, QTreeWidgetItem *> m_podItems; // node|ns/name
    int m_running = 0;
    int m_retryMs = 5000;
    int m_pollMs = 1000;
    int m_podsTotal = 0;
    int m_podsDone = 0;
};

} // namespace ui

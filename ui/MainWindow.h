#pragma once

#include <QMainWindow>
#include <QPointer>

#include "models/ClusterSession.h"

class QComboBox;
class QLabel;

namespace ui {

class NodeDetailPanel;
class NodeGridView;
class SeverityLegend;

// Faultboard's main window: the fleet grid with its legend, the selected node's details, and a
// status bar that always says whether the picture is live.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The cluster shown; the window does not own it.
    void setSession(models::ClusterSession *session);
    models::ClusterSession *session() const { return m_session; }
    // Shown in the status bar before a session exists (starting the demo cluster, say).
    void showStartupMessage(const QString &message);

    NodeGridView *grid() const { return m_grid; }
    NodeDetailPanel *detailPanel() const { return m_detail; }
    QLabel *connectionLabel() const { return m_connection; }
    QLabel *countsLabel() const { return m_counts; }

private:
    void updateConnection();
    void updateCounts();
    void onCurrentChanged();

    QPointer<models::ClusterSession> m_session;
    NodeGridView *m_grid = nullptr;
    NodeDetailPanel *m_detail = nullptr;
    SeverityLegend *m_legend = nullptr;
    QComboBox *m_groupBy = nullptr;
    QLabel *m_connection = nullptr;
    QLabel *m_counts = nullptr;
    QWidget *m_detailHost = nullptr;
};

} // namespace ui

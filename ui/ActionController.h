#pragma once

#include "kube/AccessReview.h"
#include "ui/AppSettings.h"

#include <QObject>
#include <QPointer>
#include <QSet>

class QAction;
class QWidget;

namespace models {
class ActionLogModel;
class ClusterSession;
class NodeOperations;
} // namespace models

namespace ui {

class ClusterView;
class MainWindow;

// Isolate, restore and drain the selected nodes of the current cluster: confirmation first
// (what will change, from a server dry run), then the action. The cluster's action engine
// (models::NodeOperations) acts and records the result in the action log and the history; this
// only asks and shows. The actions are disabled, with the reason, where the user's RBAC forbids
// them.
class ActionController : public QObject
{
    Q_OBJECT

public:
    explicit ActionController(MainWindow *window);

    QAction *isolateAction() const { return m_isolate; }
    QAction *restoreAction() const { return m_restore; }
    QAction *drainAction() const { return m_drain; }
    models::ActionLogModel *log() const { return m_log; }

    // For tests and scripted use: act without the confirmation dialog.
    void setConfirmationsAutoAccepted(bool on) { m_autoAccept = on; }
    // Tests: the dialog that is open (for inspection), if any.
    QWidget *openDialog() const { return m_dialog; }

    void isolateSelection();
    void restoreSelection();
    void drainSelection();

    // Re-checks what the user may do on the current node (RBAC) and enables actions.
    void updateActions();

    // The session's action engine, set up with the current settings and this window's log.
    models::NodeOperations *operationsFor(models::ClusterSession *session);

signals:
    void actionFinished(quint64 logId);

private:
    void applyPermissions(const kube::NodePermissions &p);
    void confirm(int kind); // ActionConfirmDialog::Kind

    MainWindow *m_window;
    QAction *m_isolate = nullptr;
    QAction *m_restore = nullptr;
    QAction *m_drain = nullptr;
    models::ActionLogModel *m_log = nullptr;
    QSet<models::ClusterSession *> m_known;
    QPointer<QWidget> m_dialog;
    bool m_autoAccept = false;
    quint64 m_permissionGeneration = 0;
};

} // namespace ui

#include "ui/ActionController.h"

#include "kube/ClusterQueries.h"
#include "models/ActionLogModel.h"
#include "models/ClusterSession.h"
#include "models/NodeOperations.h"
#include "ui/ActionConfirmDialog.h"
#include "ui/ClusterView.h"
#include "ui/DrainDialog.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QPushButton>

namespace ui {

ActionController::ActionController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_log(new models::ActionLogModel(this))
{
    m_isolate = new QAction(tr("&Isolate…"), this);
    m_isolate->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_isolate->setStatusTip(tr("Taint and cordon the selected nodes so no new work lands on them"));
    m_restore = new QAction(tr("&Restore…"), this);
    m_restore->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_restore->setStatusTip(
        tr("Remove Faultboard's taint from the selected nodes and uncordon them"));
    m_drain = new QAction(tr("&Drain…"), this);
    m_drain->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_drain->setStatusTip(
        tr("Cordon the selected nodes and evict their pods, as kubectl drain does"));
    for (QAction *a : {m_isolate, m_restore, m_drain})
        a->setEnabled(false);
    connect(m_isolate, &QAction::triggered, this, &ActionController::isolateSelection);
    connect(m_restore, &QAction::triggered, this, &ActionController::restoreSelection);
    connect(m_drain, &QAction::triggered, this, &ActionController::drainSelection);
}

models::NodeOperations *ActionController::operationsFor(models::ClusterSession *session)
{
    models::NodeOperations *ops = session->operations();
    if (!m_known.contains(session)) {
        m_known.insert(session);
        ops->setActionLog(m_log);
        connect(ops, &models::NodeOperations::actionFinished, this,
                [this](const models::ActionOutcome &o) {
                    if (o.logId)
                        emit actionFinished(o.logId);
                });
        connect(session, &QObject::destroyed, this, [this, session] { m_known.remove(session); });
    }
    // The settings may have changed since the last action.
    ops->setIsolationSettings(m_window->settings().isolation());
    return ops;
}

void ActionController::updateActions()
{
    ClusterView *view = m_window->currentView();
    const QStringList nodes = view ? view->selectedNodes() : QStringList();
    const bool any = !nodes.isEmpty();
    const QString none = tr("Select one or more nodes first");
    for (QAction *a : {m_isolate, m_restore, m_drain}) {
        a->setEnabled(any);
        a->setToolTip(any ? a->statusTip() : none);
    }
    if (!any)
        return;
    // What the user may do: asked once per node change; the answer enables or explains.
    const quint64 gen = ++m_permissionGeneration;
    view->queries()->nodePermissions(nodes.first(), this,
                                     [this, gen](const kube::NodePermissions &p) {
                                         if (gen == m_permissionGeneration)
                                             applyPermissions(p);
                                     });
}

void ActionController::applyPermissions(const kube::NodePermissions &p)
{
    auto why = [](const kube::AccessDecision &d) {
        if (d.error)
            return tr("could not check permissions: %1").arg(d.error.toString());
        return d.reason.isEmpty()
                   ? tr("your user may not %1").arg(d.check.describe())
                   : tr("your user may not %1 (%2)").arg(d.check.describe(), d.reason);
    };
    if (!p.canIsolate()) {
        for (QAction *a : {m_isolate, m_restore}) {
            a->setEnabled(false);
            a->setToolTip(tr("Not allowed: %1").arg(why(p.patchNode)));
        }
    }
    if (!p.canDrain()) {
        m_drain->setEnabled(false);
        const kube::AccessDecision &d = !p.patchNode.allowed  ? p.patchNode
                                        : !p.listPods.allowed ? p.listPods
                                                              : p.evictPods;
        m_drain->setToolTip(tr("Not allowed: %1").arg(why(d)));
    }
}

void ActionController::isolateSelection()
{
    confirm(int(ActionConfirmDialog::Kind::Isolate));
}

void ActionController::restoreSelection()
{
    confirm(int(ActionConfirmDialog::Kind::Restore));
}

void ActionController::confirm(int kind)
{
    ClusterView *view = m_window->currentView();
    if (!view || view->selectedNodes().isEmpty())
        return;
    const auto k = ActionConfirmDialog::Kind(kind);
    models::ClusterSession *session = view->session();
    models::NodeOperations *ops = operationsFor(session);
    auto *dialog = new ActionConfirmDialog(k, view->selectedNodes(), ops,
                                           m_window->settings().isolationEffect, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    QPointer<models::ClusterSession> guard(session);
    connect(dialog, &QDialog::accepted, this, [this, dialog, guard, k] {
        if (!guard)
            return;
        models::NodeOperations *ops = operationsFor(guard);
        const kube::ActionOptions options = dialog->actionOptions();
        const models::ActionChoice choice = dialog->actionChoice();
        for (const QString &node : dialog->nodesToChange()) {
            if (k == ActionConfirmDialog::Kind::Isolate)
                ops->isolate(node, dialog->reason(), options, nullptr, {}, choice);
            else
                ops->restore(node, QString(), options, nullptr, {}, choice);
        }
    });
    dialog->open();
    if (m_autoAccept)
        connect(dialog, &ActionConfirmDialog::planFinished, dialog, [dialog] {
            if (dialog->confirmButton()->isEnabled())
                dialog->accept();
        });
}

void ActionController::drainSelection()
{
    ClusterView *view = m_window->currentView();
    if (!view || view->selectedNodes().isEmpty())
        return;
    auto *dialog = new DrainDialog(operationsFor(view->session()), view->selectedNodes(),
                                   m_window->settings(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    dialog->open();
    if (m_autoAccept)
        connect(dialog, &DrainDialog::planReady, dialog, [dialog](bool drainable) {
            if (drainable)
                dialog->startDrain();
        });
}

} // namespace ui

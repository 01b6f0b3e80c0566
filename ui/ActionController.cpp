#include "ui/ActionController.h"

#include "kube/ClusterQueries.h"
#include "kube/NodeActions.h"
#include "models/ActionLogModel.h"
#include "models/ClusterSession.h"
#include "ui/ActionConfirmDialog.h"
#include "ui/ClusterView.h"
#include "ui/DrainDialog.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QPushButton>

namespace ui {

using Result = models::ActionLogModel::Result;

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

kube::NodeActions *ActionController::actionsFor(models::ClusterSession *session)
{
    kube::NodeActions *&a = m_actions[session];
    if (!a) {
        a = new kube::NodeActions(session->client(), session);
        connect(session, &QObject::destroyed, this, [this, session] { m_actions.remove(session); });
    }
    const AppSettings &s = m_window->settings();
    kube::IsolationSettings iso;
    iso.taintKey = s.isolationTaintKey;
    iso.taintEffect = s.isolationEffect;
    a->setIsolationSettings(iso);
    return a;
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

void ActionController::record(models::ClusterSession *session, quint64 logId, const QString &action,
                              const QString &node, int result, const QString &message)
{
    m_log->update(logId, Result(result), message);
    // The cluster's history keeps every action with its result, next to the faults.
    if (session)
        session->recordAction(action, node, models::ActionLogModel::resultId(Result(result)),
                              message);
    emit actionFinished(logId);
}

void ActionController::isolateSelection()
{
    ClusterView *view = m_window->currentView();
    if (!view || view->selectedNodes().isEmpty())
        return;
    models::ClusterSession *session = view->session();
    kube::NodeActions *actions = actionsFor(session);
    const QStringList nodes = view->selectedNodes();
    QHash<QString, QString> faults;
    for (const QString &n : nodes) {
        const models::NodeRecord *rec = session->store()->find(n);
        faults.insert(n, rec && !rec->health.faults.empty() ? rec->health.faults.front().type
                                                            : QString());
    }
    auto *dialog = new ActionConfirmDialog(ActionConfirmDialog::Kind::Isolate, nodes, faults,
                                           actions, m_window->settings().isolationEffect, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    QPointer<models::ClusterSession> guard(session);
    connect(dialog, &QDialog::accepted, this, [this, dialog, guard, faults] {
        if (!guard)
            return;
        kube::NodeActions *actions = actionsFor(guard);
        kube::IsolationSettings iso = actions->isolationSettings();
        iso.taintEffect = dialog->effect();
        actions->setIsolationSettings(iso);
        const QString reason = dialog->reason();
        for (const QString &node : dialog->nodesToChange()) {
            const quint64 id = m_log->add({0,
                                           {},
                                           guard->contextName(),
                                           actions->operatorName(),
                                           tr("isolate"),
                                           node,
                                           Result::Running,
                                           reason});
            actions->isolate(
                node, faults.value(node), reason, {}, this,
                [this, guard, id, node](const kube::NodeActionResult &r) {
                    QString msg =
                        r.error
                            ? r.error.toString()
                            : tr("tainted %1 and cordoned")
                                  .arg(ActionConfirmDialog::describeTaints(r.change.taintsAfter));
                    if (r.eventError)
                        msg +=
                            QLatin1String("; ") +
                            tr("the Event could not be written: %1").arg(r.eventError.toString());
                    record(guard, id, QStringLiteral("isolate"), node,
                           int(r.error ? Result::Failed : Result::Succeeded), msg);
                });
        }
    });
    dialog->open();
    if (m_autoAccept)
        connect(dialog, &ActionConfirmDialog::planFinished, dialog, [dialog] {
            if (dialog->confirmButton()->isEnabled())
                dialog->accept();
        });
}

void ActionController::restoreSelection()
{
    ClusterView *view = m_window->currentView();
    if (!view || view->selectedNodes().isEmpty())
        return;
    models::ClusterSession *session = view->session();
    kube::NodeActions *actions = actionsFor(session);
    auto *dialog = new ActionConfirmDialog(ActionConfirmDialog::Kind::Restore,
                                           view->selectedNodes(), {}, actions, QString(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    QPointer<models::ClusterSession> guard(session);
    connect(dialog, &QDialog::accepted, this, [this, dialog, guard] {
        if (!guard)
            return;
        kube::NodeActions *actions = actionsFor(guard);
        for (const QString &node : dialog->nodesToChange()) {
            const quint64 id = m_log->add({0,
                                           {},
                                           guard->contextName(),
                                           actions->operatorName(),
                                           tr("restore"),
                                           node,
                                           Result::Running,
                                           QString()});
            actions->restore(node, QString(), {}, this,
                             [this, guard, id, node](const kube::NodeActionResult &r) {
                                 const QString msg = r.error ? r.error.toString()
                                                             : tr("taint removed and uncordoned");
                                 record(guard, id, QStringLiteral("restore"), node,
                                        int(r.error ? Result::Failed : Result::Succeeded), msg);
                             });
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
    models::ClusterSession *session = view->session();
    auto *dialog =
        new DrainDialog(session->client(), view->selectedNodes(), m_window->settings(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    QPointer<models::ClusterSession> guard(session);
    auto ids = std::make_shared<QHash<QString, quint64>>();
    const QString actor = actionsFor(session)->operatorName();
    connect(dialog, &DrainDialog::nodeStarted, this,
            [this, guard, ids, actor](const QString &node) {
                if (guard)
                    ids->insert(node, m_log->add({0,
                                                  {},
                                                  guard->contextName(),
                                                  actor,
                                                  tr("drain"),
                                                  node,
                                                  Result::Running,
                                                  QString()}));
            });
    connect(
        dialog, &DrainDialog::nodeFinished, this, [this, guard, ids](const kube::DrainResult &r) {
            using O = kube::DrainResult::Outcome;
            const int evicted = int(r.podsIn(kube::DrainPod::State::Evicted).size() +
                                    r.podsIn(kube::DrainPod::State::Deleted).size());
            const int failed = int(r.podsIn(kube::DrainPod::State::Failed).size());
            Result result = Result::Failed;
            QString msg;
            switch (r.outcome) {
            case O::Drained:
                result = Result::Succeeded;
                msg = tr("%n pod(s) evicted", nullptr, evicted);
                break;
            case O::Cancelled:
                result = Result::Cancelled;
                msg = tr("stopped after %n pod(s) evicted; the node stays cordoned", nullptr,
                         evicted);
                break;
            case O::TimedOut:
                result = Result::Partial;
                msg = tr("timed out: %n pod(s) evicted, others still there", nullptr, evicted);
                break;
            case O::Refused:
                msg = r.blockers.join(QLatin1String("; "));
                break;
            default:
                result = evicted > 0 ? Result::Partial : Result::Failed;
                msg = r.error ? r.error.toString()
                              : tr("%n pod(s) could not be evicted", nullptr, failed);
                break;
            }
            record(guard, ids->value(r.node), QStringLiteral("drain"), r.node, int(result), msg);
        });
    dialog->open();
    if (m_autoAccept)
        connect(dialog, &DrainDialog::planReady, dialog, [dialog](bool drainable) {
            if (drainable)
                dialog->startDrain();
        });
}

} // namespace ui

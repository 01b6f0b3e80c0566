#include "app/cli/ActionCommand.h"

#include "app/cli/Console.h"
#include "models/ClusterSession.h"
#include "models/NodeOperations.h"

namespace app::cli {

void ActionCommand::start()
{
    const auto endpoint = resolveEndpoint();
    if (!endpoint)
        return finish(1);
    m_session = createSession(*endpoint);
    m_operations = m_session->operations();
    m_operations->setIsolationSettings(m_settings.isolation());
    // A retried request delays the action: say so as it happens, on standard error (standard
    // output keeps one line per node).
    connect(m_operations, &models::NodeOperations::actionProgress, this,
            [](const QString &, const QString &message) { Console::error(message); });
    // Who acts goes into the annotations and the history: ask the server first.
    connect(m_operations, &models::NodeOperations::identified, this, &ActionCommand::act,
            Qt::SingleShotConnection);
    m_operations->identify();
}

void ActionCommand::act()
{
    m_left = int(m_options.nodes.size());
    kube::ActionOptions opts;
    opts.dryRun = m_options.dryRun;
    opts.taintEffect = m_options.effect;
    opts.forceUncordon = m_options.uncordon;
    models::ActionChoice choice;
    choice.force = m_options.force;
    choice.batch = m_options.nodes.size() > 1;
    const auto done = [this](const models::ActionOutcome &o) { report(o); };
    for (const QString &node : std::as_const(m_options.nodes)) {
        if (const QString why = nodeNameProblem(node); !why.isEmpty()) {
            fail(node, why);
            nodeDone();
            continue;
        }
        if (m_options.command == CliOptions::Command::Isolate)
            m_operations->isolate(node, m_options.reason, opts, this, done, choice);
        else
            m_operations->restore(node, QString(), opts, this, done, choice);
    }
}

void ActionCommand::report(const models::ActionOutcome &o)
{
    const bool isolating = o.kind == models::ActionOutcome::Kind::Isolate;
    const QString &node = o.node;
    if (o.refused()) {
        // The engine's rules object (restore: a critical fault still active; isolate, several
        // nodes: no active fault): say why, and the way out.
        m_failed = true;
        if (isolating)
            Console::error(
                o.dryRun
                    ? tr("%1 Without --force it would not be isolated (dry run).").arg(o.objection)
                    : tr("%1 Not isolated; --force isolates it anyway.").arg(o.objection));
        else
            Console::error(
                o.dryRun
                    ? tr("%1 Without --force it would not be restored (dry run).").arg(o.objection)
                    : tr("%1 Not restored; --force restores it anyway.").arg(o.objection));
        return nodeDone();
    }
    if (!o.action.ok()) {
        fail(node, o.message);
        return nodeDone();
    }
    QString line;
    if (!o.changed) {
        if (isolating)
            line = tr("%1 is already isolated; nothing changed").arg(node);
        else if (o.action.notIsolated && o.action.change.unschedulableBefore)
            line = tr("%1 was not isolated by Faultboard and is left as it is: it stays cordoned "
                      "(someone else cordoned it; --uncordon uncordons it anyway)")
                       .arg(node);
        else if (o.action.notIsolated)
            line = tr("%1 was not isolated by Faultboard; nothing changed").arg(node);
        else
            line = tr("%1 carries no Faultboard isolation; nothing changed").arg(node);
    } else if (o.dryRun) {
        line = isolating
                   ? tr("%1 would be isolated: %2 (dry run: nothing changed)").arg(node, o.message)
                   : tr("%1 would be restored: %2 (dry run: nothing changed)").arg(node, o.message);
    } else {
        line = isolating ? tr("%1 isolated: %2").arg(node, o.message)
                         : tr("%1 restored: %2").arg(node, o.message);
    }
    Console::line(line);
    if (!o.notice.isEmpty())
        Console::error(tr("%1: %2").arg(node, o.notice));
    nodeDone();
}

void ActionCommand::fail(const QString &node, const QString &message)
{
    m_failed = true;
    // Every failure names its node, whatever the library's wording.
    Console::error(message.contains(node) ? message : tr("%1: %2").arg(node, message));
}

void ActionCommand::nodeDone()
{
    if (--m_left == 0)
        finish(m_failed ? 1 : 0);
}

} // namespace app::cli

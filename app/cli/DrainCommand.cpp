#include "app/cli/DrainCommand.h"

#include "app/cli/Console.h"
#include "models/ClusterSession.h"
#include "models/NodeOperations.h"

namespace app::cli {

void DrainCommand::start()
{
    const auto endpoint = resolveEndpoint();
    if (!endpoint)
        return finish(1);
    m_session = createSession(*endpoint);
    m_left = int(m_options.nodes.size());
    for (const QString &node : std::as_const(m_options.nodes)) {
        if (const QString why = nodeNameProblem(node); !why.isEmpty()) {
            Console::error(tr("cannot drain %1: %2").arg(node, why));
            nodeDone(false);
            continue;
        }
        kube::NodeDrain *drain = m_session->operations()->drain(node, m_options.drain, this);
        m_drains << drain;
        connect(drain, &kube::NodeDrain::podChanged, this,
                [this, drain](const kube::DrainPod &pod) { onPodChanged(drain, pod); });
        connect(drain, &kube::NodeDrain::progress, this,
                [](const QString &message) { Console::error(message); });
        connect(drain, &kube::NodeDrain::finished, this, &DrainCommand::onFinished);
        Console::line(m_options.dryRun ? tr("%1: planning the drain (dry run)").arg(node)
                                       : tr("%1: cordoning and draining").arg(node));
        drain->start();
    }
}

void DrainCommand::interrupt()
{
    bool any = false;
    for (kube::NodeDrain *d : std::as_const(m_drains)) {
        if (d->isRunning()) {
            any = true;
            d->cancel();
        }
    }
    if (!any)
        finish(1);
}

void DrainCommand::onPodChanged(kube::NodeDrain *drain, const kube::DrainPod &pod)
{
    using S = kube::DrainPod::State;
    const QString node = pod.node;
    if (!m_planned.contains(node)) {
        // The first pod reported comes right after the pods were sorted out: kubectl's warnings.
        m_planned.insert(node);
        for (const QString &w : drain->result().warnings)
            Console::error(tr("%1: warning: %2").arg(node, w));
    }
    const QString key = pod.key();
    switch (pod.state) {
    case S::Pending:
        if (m_options.dryRun)
            Console::line(tr("%1: pod %2 would be evicted (dry run)").arg(node, key));
        break;
    case S::Skipped:
        Console::line(tr("%1: pod %2 skipped: %3").arg(node, key, pod.message));
        break;
    case S::Blocking:
        break; // every blocker is reported at once when the drain refuses
    case S::Evicting:
        if (pod.message.isEmpty())
            Console::line(tr("%1: pod %2 evicting").arg(node, key));
        else
            Console::line(tr("%1: pod %2 evicting: %3").arg(node, key, pod.message));
        break;
    case S::BlockedByPdb:
        Console::line(
            tr("%1: pod %2 blocked by a PodDisruptionBudget: %3").arg(node, key, pod.message));
        break;
    case S::Evicted:
        Console::line(tr("%1: pod %2 evicted").arg(node, key));
        break;
    case S::Deleted:
        Console::line(tr("%1: pod %2 deleted").arg(node, key));
        break;
    case S::Failed:
        Console::error(tr("%1: pod %2 failed: %3").arg(node, key, pod.message));
        break;
    case S::NotEvicted:
        Console::line(tr("%1: pod %2 not evicted: %3").arg(node, key, pod.message));
        break;
    }
}

void DrainCommand::onFinished(const kube::DrainResult &r)
{
    using O = kube::DrainResult::Outcome;
    using S = kube::DrainPod::State;
    // The engine words the result (and records it); this says it on the terminal.
    const models::ActionOutcome o = models::NodeOperations::drainOutcome(r);
    const int evicted = int(r.podsIn(S::Evicted).size() + r.podsIn(S::Deleted).size());
    const int pending = int(r.podsIn(S::Pending).size());
    switch (r.outcome) {
    case O::DryRun:
        if (r.blockers.isEmpty()) {
            Console::line(
                tr("%1: dry run: %n pod(s) would be evicted; nothing changed", nullptr, pending)
                    .arg(r.node));
        } else {
            Console::error(tr("cannot drain %1 (dry run): %2").arg(r.node, o.message));
        }
        break;
    case O::Drained:
        Console::line(r.cordoned ? tr("%1 drained: cordoned, %2").arg(r.node, o.message)
                                 : tr("%1 drained: %2").arg(r.node, o.message));
        break;
    case O::Refused:
        Console::error(tr("cannot drain %1: %2 (the node stays cordoned)").arg(r.node, o.message));
        break;
    case O::TimedOut:
        Console::error(tr("drain of %1 timed out: %n pod(s) evicted, others still there; the "
                          "node stays cordoned",
                          nullptr, evicted)
                           .arg(r.node));
        break;
    case O::Cancelled:
        Console::error(tr("drain of %1: %2").arg(r.node, o.message));
        break;
    case O::Failed:
        Console::error(o.message.contains(r.node)
                           ? o.message
                           : tr("cannot drain %1: %2").arg(r.node, o.message));
        break;
    }
    nodeDone(r.ok());
}

void DrainCommand::nodeDone(bool ok)
{
    if (!ok)
        m_failed = true;
    if (--m_left == 0)
        finish(m_failed ? 1 : 0);
}

} // namespace app::cli

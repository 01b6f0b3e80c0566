#include "app/cli/ActionCommand.h"

#include "app/cli/Console.h"
#include "kube/ApiCall.h"
#include "kube/ApiClient.h"
#include "kube/NodeDecoder.h"
#include "models/ClusterSession.h"

namespace app::cli {

namespace {

QString taintText(const kube::Taint &t)
{
    return (t.value.isEmpty() ? t.key : t.key + QLatin1Char('=') + t.value) + QLatin1Char(':') +
           t.effect;
}

bool sameTaint(const kube::Taint &a, const kube::Taint &b)
{
    return a.key == b.key && a.value == b.value && a.effect == b.effect;
}

bool contains(const std::vector<kube::Taint> &list, const kube::Taint &t)
{
    return std::any_of(list.begin(), list.end(),
                       [&](const kube::Taint &x) { return sameTaint(x, t); });
}

} // namespace

QString ActionCommand::describeChange(const kube::NodeChange &c)
{
    QStringList parts;
    for (const kube::Taint &t : c.taintsAfter)
        if (!contains(c.taintsBefore, t))
            parts << tr("taint %1 added").arg(taintText(t));
    for (const kube::Taint &t : c.taintsBefore)
        if (!contains(c.taintsAfter, t))
            parts << tr("taint %1 removed").arg(taintText(t));
    if (!c.unschedulableBefore && c.unschedulableAfter)
        parts << tr("cordoned");
    else if (c.unschedulableBefore && !c.unschedulableAfter)
        parts << tr("uncordoned");
    if (parts.isEmpty())
        parts << tr("annotations only");
    return parts.join(QLatin1String(", "));
}

void ActionCommand::start()
{
    const auto endpoint = resolveEndpoint();
    if (!endpoint)
        return finish(1);
    m_session = createSession(*endpoint);
    m_actions = new kube::NodeActions(m_session->client(), this);
    kube::IsolationSettings iso;
    iso.taintKey = m_settings.isolationTaintKey;
    iso.taintEffect = m_options.effect.isEmpty() ? m_settings.isolationEffect : m_options.effect;
    m_actions->setIsolationSettings(iso);

    m_left = int(m_options.nodes.size());
    for (const QString &node : std::as_const(m_options.nodes)) {
        if (const QString why = nodeNameProblem(node); !why.isEmpty()) {
            fail(node, why);
            nodeDone();
            continue;
        }
        kube::ActionOptions opts;
        opts.dryRun = m_options.dryRun;
        if (m_options.command == CliOptions::Command::Isolate) {
            isolate(node);
        } else {
            m_actions->restore(node, QString(), opts, this,
                               [this, node](const kube::NodeActionResult &r) { report(node, r); });
        }
    }
}

void ActionCommand::isolate(const QString &node)
{
    // The taint's value names the node's worst fault, as when isolating from the window.
    kube::ApiRequest req;
    req.path = QStringLiteral("/api/v1/nodes/") + node;
    req.context = tr("read node %1").arg(node);
    kube::ApiCall *call = m_session->client()->send(req);
    connect(call, &kube::ApiCall::finished, this, [this, node](const kube::ApiResponse &r) {
        if (r.error)
            return report(node, [&] {
                kube::NodeActionResult failed;
                failed.node = node;
                failed.action = kube::NodeActionResult::Action::Isolate;
                failed.error = r.error;
                return failed;
            }());
        QString fault;
        kube::ApiError decodeError;
        if (const kube::NodePtr n = kube::NodeDecoder::decodeNode(r.body, &decodeError)) {
            const models::NodeHealth health = m_session->store()->classifier().classify(*n);
            if (!health.faults.empty())
                fault = health.faults.front().type;
        }
        kube::ActionOptions opts;
        opts.dryRun = m_options.dryRun;
        m_actions->isolate(node, fault, m_options.reason, opts, this,
                           [this, node](const kube::NodeActionResult &res) { report(node, res); });
    });
}

void ActionCommand::report(const QString &node, const kube::NodeActionResult &r)
{
    const bool isolating = m_options.command == CliOptions::Command::Isolate;
    const QString action = isolating ? QStringLiteral("isolate") : QStringLiteral("restore");
    if (r.error) {
        const QString message = r.error.toString();
        fail(node, message);
        if (!r.dryRun)
            m_session->recordAction(action, node, QStringLiteral("failed"), message);
        return nodeDone();
    }
    QString line;
    const QString change = describeChange(r.change);
    if (!r.changed) {
        line = isolating ? tr("%1 is already isolated; nothing changed").arg(node)
                         : tr("%1 carries no Faultboard taint and is not cordoned; nothing "
                              "changed")
                               .arg(node);
    } else if (r.dryRun) {
        line = isolating
                   ? tr("%1 would be isolated: %2 (dry run: nothing changed)").arg(node, change)
                   : tr("%1 would be restored: %2 (dry run: nothing changed)").arg(node, change);
    } else {
        line = isolating ? tr("%1 isolated: %2").arg(node, change)
                         : tr("%1 restored: %2").arg(node, change);
    }
    Console::line(line);
    if (r.eventError)
        Console::error(
            tr("%1: the Event could not be written: %2").arg(node, r.eventError.toString()));
    if (!r.dryRun)
        m_session->recordAction(action, node, QStringLiteral("succeeded"),
                                r.changed ? change : tr("nothing to change"));
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

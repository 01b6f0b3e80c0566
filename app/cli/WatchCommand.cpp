#include "app/cli/WatchCommand.h"
#include "kube/ContinueOn.h"

#include "app/cli/Console.h"
#include "models/ClusterSession.h"
#include "models/FaultReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace app::cli {

namespace {

QString eventId(const models::HistoryEvent &e)
{
    if (e.opens)
        return QStringLiteral("fault");
    if (e.closes)
        return QStringLiteral("recovered");
    return e.bad ? QStringLiteral("faulty") : QStringLiteral("ok");
}

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

void WatchCommand::start()
{
    const auto endpoint = resolveEndpoint();
    if (!endpoint)
        return finish(1);
    m_session = createSession(*endpoint);
    models::FaultHistory *history = m_session->history();
    connect(history, &models::FaultHistory::opened, this, [this](bool ok) {
        // Nothing could be recorded, so nothing would be printed: stop (the history's failure
        // has been reported already).
        if (!ok) {
            m_session->stop();
            finish(1);
        }
    });
    connect(history, &models::FaultHistory::written, this, &WatchCommand::onWritten);
    connect(m_session->nodeInformer(), &kube::Informer::retryScheduled, this,
            [this](int, const kube::ApiError &error) {
                if (isFinished() || m_session->nodeInformer()->hasSynced())
                    return;
                Console::error(
                    tr("cannot read the nodes of %1 (context %2): %3")
                        .arg(m_session->serverName(), m_session->contextName(), error.toString()));
                m_session->stop();
                finish(1);
            });
    connect(m_session, &models::ClusterSession::connectionStateChanged, this,
            &WatchCommand::onConnectionStateChanged);
    connect(
        m_session, &models::ClusterSession::synced, this,
        [this] {
            Console::error(tr("watching %n node(s) of %1 (context %2), recording to %3", nullptr,
                              m_session->store()->size())
                               .arg(m_session->serverName(), m_session->contextName(),
                                    m_session->history()->path()));
            if (m_options.durationMs > 0)
                m_duration.start(int(std::min<qint64>(m_options.durationMs, INT_MAX)));
        },
        Qt::SingleShotConnection);
    m_duration.setSingleShot(true);
    connect(&m_duration, &QTimer::timeout, this, &WatchCommand::stopWatching);
    m_session->start();
}

void WatchCommand::interrupt()
{
    if (m_stopping || !m_session)
        return finish(m_stopping ? 1 : 0);
    stopWatching();
}

void WatchCommand::onConnectionStateChanged()
{
    using State = kube::Informer::State;
    const State state = m_session->connectionState();
    if (state == State::Stale && !m_wasStale) {
        m_wasStale = true;
        Console::error(tr("the watch of %1 broke, retrying: %2")
                           .arg(m_session->serverName(), m_session->connectionReason()));
    } else if (state == State::Synced && m_wasStale) {
        m_wasStale = false;
        Console::error(tr("watching %1 again").arg(m_session->serverName()));
    }
}

void WatchCommand::onWritten(const models::HistoryWriteResult &result)
{
    if (isFinished())
        return;
    if (!result.error.isEmpty())
        return; // said by the history's `failed`; these rows were not kept
    // Every transition this process observed, whoever stored the row first: another Faultboard
    // recording the same cluster into the same file must not hide any from this pipe.
    for (const models::HistoryEvent &e : result.observed) {
        if (m_options.format == CliOptions::Format::Jsonl)
            Console::write(jsonLine(e) + '\n');
        else
            Console::line(textLine(e));
    }
}

void WatchCommand::stopWatching()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_session->stop();
    // Whatever the store already handed to the history is committed and printed before exit.
    kube::continueOn(this, m_session->history()->flush(), [this](models::HistoryResult<bool>) {
        m_flushed = true;
        finishWhenPrinted();
    });
}

void WatchCommand::finishWhenPrinted()
{
    if (m_stopping && m_flushed)
        finish(0);
}

QString WatchCommand::textLine(const models::HistoryEvent &e)
{
    QString what;
    if (e.opens)
        what = tr("fault");
    else if (e.closes)
        what = tr("recovered");
    else
        what = e.bad ? tr("still faulty") : tr("ok");
    if (e.flags & models::TransitionRecord::FirstSeen)
        what = tr("%1 (first seen)").arg(what);
    else if (e.flags & models::TransitionRecord::Missed)
        what = tr("%1 (changed while nobody watched)").arg(what);
    QString detail = e.reason;
    if (!e.message.isEmpty())
        detail = detail.isEmpty() ? e.message : tr("%1: %2").arg(e.reason, e.message);
    const QString oldStatus = e.oldStatus.isEmpty() ? QStringLiteral("?") : e.oldStatus;
    const QString newStatus = e.newStatus.isEmpty() ? tr("gone") : e.newStatus;
    //: time, node, condition type, old status → new status, severity, what it means, reason and
    //: message
    return tr("%1 %2 %3 %4 → %5 %6 %7 — %8")
        .arg(models::FaultReport::isoTime(e.time), e.node, e.type, oldStatus, newStatus,
             models::severityId(e.severity), what, detail)
        .trimmed();
}

QByteArray WatchCommand::jsonLine(const models::HistoryEvent &e)
{
    QJsonArray flags;
    if (e.flags & models::TransitionRecord::FirstSeen)
        flags.append(QStringLiteral("first_seen"));
    if (e.flags & models::TransitionRecord::Missed)
        flags.append(QStringLiteral("missed"));
    if (e.flags & models::TransitionRecord::ConditionGone)
        flags.append(QStringLiteral("condition_gone"));
    if (e.flags & models::TransitionRecord::Accelerators)
        flags.append(QStringLiteral("accelerators"));
    const QJsonObject o{
        {QStringLiteral("time"), models::FaultReport::isoTime(e.time)},
        {QStringLiteral("observed"), models::FaultReport::isoTime(e.observedTime)},
        {QStringLiteral("node"), e.node},
        {QStringLiteral("type"), e.type},
        {QStringLiteral("category"), e.category},
        {QStringLiteral("old_status"), stringOrNull(e.oldStatus)},
        {QStringLiteral("new_status"), stringOrNull(e.newStatus)},
        {QStringLiteral("severity"), models::severityId(e.severity)},
        {QStringLiteral("event"), eventId(e)},
        {QStringLiteral("bad"), e.bad},
        {QStringLiteral("reason"), e.reason},
        {QStringLiteral("message"), e.message},
        {QStringLiteral("flags"), flags},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace app::cli

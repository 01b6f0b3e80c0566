#include "app/cli/ReportCommand.h"

#include "app/cli/Console.h"
#include "models/ClusterSession.h"

namespace app::cli {

void ReportCommand::start()
{
    const auto endpoint = resolveEndpoint();
    if (!endpoint)
        return finish(1);
    m_session = createSession(*endpoint);
    // A headless command does not wait out a broken connection: the first failure ends it.
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
    connect(m_session, &models::ClusterSession::synced, this, &ReportCommand::onSynced,
            Qt::SingleShotConnection);
    m_session->start();
}

void ReportCommand::onSynced()
{
    if (isFinished())
        return;
    m_session->stop();
    // History ranges end before `to`; what this listing just recorded may carry the current
    // millisecond (an accelerator count has no time of its own), and belongs in the report.
    const QDateTime now = QDateTime::currentDateTimeUtc().addMSecs(1);
    if (!m_options.history) {
        write(
            models::FaultReport::currentFaults(*m_session->store(), models::LocationLabels(), now),
            {}, {});
        return;
    }
    models::FaultHistory *history = m_session->history();
    // Queued behind what the list just recorded, so the report includes it.
    history->episodes(m_options.since, now)
        .then(this, [this, now](models::HistoryResult<std::vector<models::FaultEpisode>> r) {
            if (!r.ok()) {
                Console::error(tr("cannot read the fault history %1: %2")
                                   .arg(m_session->history()->path(), r.error));
                return finish(1);
            }
            write(models::FaultReport::fromEpisodes(r.value, now), m_options.since, now);
        });
}

void ReportCommand::write(const std::vector<models::ReportRow> &rows, const QDateTime &from,
                          const QDateTime &to)
{
    const auto format = m_options.format == CliOptions::Format::Json
                            ? models::FaultReport::Format::Json
                            : models::FaultReport::Format::Csv;
    if (m_options.output.isEmpty()) {
        QByteArray data =
            format == models::FaultReport::Format::Json
                ? models::FaultReport::toJson(rows, QDateTime::currentDateTimeUtc(), from, to)
                : models::FaultReport::toCsv(rows);
        // The byte order mark helps spreadsheets open files; on a pipe it only gets in the way.
        if (data.startsWith("\xEF\xBB\xBF"))
            data.remove(0, 3);
        Console::write(data);
        return finish(0);
    }
    QString error;
    if (!models::FaultReport::write(m_options.output, format, rows, &error, from, to)) {
        Console::error(error);
        return finish(1);
    }
    Console::line(tr("%n fault(s) written to %1", nullptr, int(rows.size())).arg(m_options.output));
    finish(0);
}

} // namespace app::cli

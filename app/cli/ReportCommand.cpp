#include "app/cli/ReportCommand.h"
#include "kube/ContinueOn.h"

#include "app/cli/Console.h"
#include "app/cli/PrometheusOptions.h"
#include "models/ClusterSession.h"
#include "models/FaultHistory.h"
#include "models/PrometheusSource.h"
#include "models/ReportBuilder.h"
#include "models/Taxonomy.h"

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
    models::ReportRequest request;
    request.to = now;
    if (m_options.history) {
        request.kind = models::ReportRequest::Kind::History;
        request.from = m_options.since;
        std::optional<kube::PrometheusEndpoint> given;
        if (!m_options.prometheusUrl.isEmpty()) {
            QString error;
            given = PrometheusOptions::endpoint(
                m_options.prometheusUrl, m_options.prometheusTokenFile,
                m_options.prometheusBasicAuthFile, m_options.prometheusCaFile, &error);
            if (!given) {
                Console::error(error);
                return finish(1);
            }
        }
        // --prometheus, else the cluster's setting (the window's rule): a setting that cannot
        // be used is said and makes the exit status 1; the local history is reported either way.
        const models::PrometheusSource source = models::PrometheusSource::choose(
            given, m_settings.prometheus, m_session->contextName());
        if (!source.error.isEmpty()) {
            Console::error(source.error);
            m_exitCode = 1;
        }
        if (source.endpoint) {
            QString taxonomyError; // already reported by classifier()
            m_prometheus = new models::PrometheusHistory(
                *source.endpoint, models::Taxonomy::load({}, &taxonomyError), this);
        }
    }
    // Queued behind what the list just recorded, so the report includes it. The same engine as
    // the window's export dialog: Prometheus fills the time before and between.
    kube::continueOn(this, models::ReportBuilder::build(m_session, m_prometheus, request, this),
                     [this, history = m_options.history](const models::ReportResult &r) {
                         if (!r.historyError.isEmpty()) {
                             Console::error(tr("cannot read the fault history %1: %2")
                                                .arg(m_session->history()
                                                         ? m_session->history()->path()
                                                         : QString(),
                                                     r.historyError));
                             return finish(1);
                         }
                         // The local history is reported either way; a Prometheus that failed is
                         // said so and makes the exit status 1.
                         if (!r.prometheusError.isEmpty()) {
                             Console::error(r.prometheusError);
                             m_exitCode = 1;
                         }
                         if (history)
                             write(r.rows, r.from, r.to);
                         else
                             write(r.rows, {}, {});
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
        return finish(m_exitCode);
    }
    QString error;
    if (!models::FaultReport::write(m_options.output, format, rows, &error, from, to)) {
        Console::error(error);
        return finish(1);
    }
    Console::line(tr("%n fault(s) written to %1", nullptr, int(rows.size())).arg(m_options.output));
    finish(m_exitCode);
}

} // namespace app::cli

#include "app/cli/Command.h"

#include "app/cli/Console.h"
#include "models/ClusterSession.h"
#include "models/Taxonomy.h"

#include <QRegularExpression>
#include <QTimer>

namespace app::cli {

Command::Command(const CliOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_settings(ui::AppSettings::load())
{}

Command::~Command() = default;

void Command::interrupt()
{
    finish(1);
}

std::optional<kube::ClusterEndpoint> Command::resolveEndpoint()
{
    kube::KubeConfig::LoadOptions load;
    load.explicitPath = m_options.kubeconfig;
    kube::ApiError error;
    const auto config = kube::KubeConfig::load(load, &error);
    auto endpoint = config ? config->resolve(m_options.context, &error) : std::nullopt;
    if (!endpoint)
        Console::error(error.toString());
    return endpoint;
}

models::Classifier Command::classifier()
{
    QString taxonomyError;
    const models::Taxonomy taxonomy = models::Taxonomy::load({}, &taxonomyError);
    if (!taxonomyError.isEmpty())
        Console::error(taxonomyError); // the built-in taxonomy is used; the file is named
    models::IsolationPolicy policy;
    policy.taintKey = m_settings.isolationTaintKey;
    return models::Classifier(taxonomy, policy);
}

models::ClusterSession *Command::createSession(const kube::ClusterEndpoint &endpoint)
{
    auto *session = new models::ClusterSession(endpoint, classifier(), this);
    if (models::FaultHistory *history = session->history()) {
        connect(history, &models::FaultHistory::failed, this, [](const QString &error) {
            Console::error(tr("the fault history: %1").arg(error));
        });
    }
    return session;
}

QString Command::nodeNameProblem(const QString &name)
{
    // Anchored with \A and \z: PCRE's `$` also matches before a final line feed ("node-1\n").
    static const QRegularExpression subdomain(QRegularExpression::anchoredPattern(
        QStringLiteral("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")));
    if (name.size() > 253 || !subdomain.match(name).hasMatch())
        return tr("\"%1\" is not a valid node name (lower-case letters, digits, '-' and '.')")
            .arg(name);
    return {};
}

void Command::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    QTimer::singleShot(0, this, [this, exitCode] { emit finished(exitCode); });
}

} // namespace app::cli

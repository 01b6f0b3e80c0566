#include "models/PrometheusSource.h"

#include <QUrl>

namespace models {

std::optional<kube::PrometheusEndpoint> PrometheusSource::endpointOf(const PrometheusSetting &s,
                                                                     QString *error)
{
    const QUrl url(s.url, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        // Not the URL itself: it may hold a password.
        *error = tr("its URL is not an http or https URL");
        return std::nullopt;
    }
    using Auth = PrometheusSetting::Auth;
    return kube::PrometheusEndpoint::fromFiles(
        url, s.auth == Auth::BearerFile ? s.credentialFile : QString(),
        s.auth == Auth::BasicAuthFile ? s.credentialFile : QString(), s.caFile, error);
}

PrometheusSource
PrometheusSource::choose(const std::optional<kube::PrometheusEndpoint> &commandLine,
                         const QMap<QString, PrometheusSetting> &settings, const QString &context)
{
    PrometheusSource out;
    if (commandLine) {
        out.endpoint = commandLine;
        out.origin = Origin::CommandLine;
        return out;
    }
    const PrometheusSetting setting = settings.value(context);
    if (setting.url.isEmpty())
        return out;
    QString why;
    out.endpoint = endpointOf(setting, &why);
    if (out.endpoint)
        out.origin = Origin::ClusterSetting;
    else
        out.error = tr("The Prometheus set for %1 is not read: %2").arg(context, why);
    return out;
}

} // namespace models

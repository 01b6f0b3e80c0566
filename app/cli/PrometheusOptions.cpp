#include "app/cli/PrometheusOptions.h"

#include <QUrl>

namespace app::cli {

std::optional<kube::PrometheusEndpoint>
PrometheusOptions::endpoint(const QString &url, const QString &tokenFile,
                            const QString &basicAuthFile, const QString &caFile, QString *error)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty() ||
        (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https"))) {
        // Not the URL itself: it may hold a password.
        *error = tr("--prometheus: not an http or https URL");
        return std::nullopt;
    }
    return kube::PrometheusEndpoint::fromFiles(parsed, tokenFile, basicAuthFile, caFile, error);
}

} // namespace app::cli

#include "app/cli/PrometheusOptions.h"

#include <QFile>
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
    kube::PrometheusEndpoint endpoint = kube::PrometheusEndpoint::fromUrl(parsed);
    endpoint.caFile = caFile;
    const auto firstLine = [](const QString &path, QString *error) -> std::optional<QString> {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = f.errorString();
            return std::nullopt;
        }
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty()) {
            *error = tr("the file is empty");
            return std::nullopt;
        }
        return line;
    };
    QString why;
    if (!tokenFile.isEmpty()) {
        const auto token = firstLine(tokenFile, &why);
        if (!token) {
            *error = tr("cannot read the Prometheus token file %1: %2").arg(tokenFile, why);
            return std::nullopt;
        }
        endpoint.auth = kube::PrometheusEndpoint::Auth::Bearer;
        endpoint.bearerToken = *token;
    }
    if (!basicAuthFile.isEmpty()) {
        const auto line = firstLine(basicAuthFile, &why);
        const qsizetype colon = line ? line->indexOf(QLatin1Char(':')) : -1;
        if (!line || colon <= 0) {
            // Never the line itself: it holds the password.
            *error =
                tr("cannot read the Prometheus basic auth file %1: %2")
                    .arg(basicAuthFile, line ? tr("the first line is not user:password") : why);
            return std::nullopt;
        }
        endpoint.auth = kube::PrometheusEndpoint::Auth::Basic;
        endpoint.username = line->left(colon);
        endpoint.password = line->mid(colon + 1);
    }
    return endpoint;
}

} // namespace app::cli

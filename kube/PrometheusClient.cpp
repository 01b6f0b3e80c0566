#include "kube/PrometheusClient.h"
#include "kube/ContinueOn.h"

#include "kube/ApiCall.h"
#include "kube/Logging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QSslCertificate>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

#include <memory>

namespace kube {

namespace {

constexpr auto CancelledProperty = "faultboardCancelled";

QString excerpt(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(200)).simplified();
    if (body.size() > 200)
        text += QStringLiteral("…");
    return text;
}

ApiError decodeError(const QString &message, const QString &context)
{
    return ApiError::decode(message, context);
}

} // namespace

QString PrometheusEndpoint::displayUrl() const
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

std::optional<PrometheusEndpoint>
PrometheusEndpoint::fromFiles(const QUrl &url, const QString &tokenFile,
                              const QString &basicAuthFile, const QString &caFile, QString *error)
{
    PrometheusEndpoint endpoint = fromUrl(url);
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
        endpoint.auth = Auth::Bearer;
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
        endpoint.auth = Auth::Basic;
        endpoint.username = line->left(colon);
        endpoint.password = line->mid(colon + 1);
    }
    return endpoint;
}

PrometheusEndpoint PrometheusEndpoint::fromUrl(const QUrl &url)
{
    PrometheusEndpoint e;
    e.url = url;
    if (!url.userName().isEmpty()) {
        e.auth = Auth::Basic;
        e.username = url.userName(QUrl::FullyDecoded);
        e.password = url.password(QUrl::FullyDecoded);
        e.url.setUserInfo({});
    }
    return e;
}

PrometheusClient::PrometheusClient(const PrometheusEndpoint &endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_nam(new QNetworkAccessManager(this))
    , m_ssl(QSslConfiguration::defaultConfiguration())
{
    // Redirects are not followed: Qt would send the Authorization header along to wherever
    // the redirect points. A 3xx is an error naming its code.
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    if (!m_endpoint.caFile.isEmpty()) {
        QFile f(m_endpoint.caFile);
        const QList<QSslCertificate> cas = f.open(QIODevice::ReadOnly)
                                               ? QSslCertificate::fromData(f.readAll(), QSsl::Pem)
                                               : QList<QSslCertificate>();
        if (cas.isEmpty())
            m_setupError =
                ApiError::config(tr("cannot read the CA file %1: %2")
                                     .arg(m_endpoint.caFile, f.error() == QFile::NoError
                                                                 ? tr("no PEM certificate in it")
                                                                 : f.errorString()));
        else
            m_ssl.setCaCertificates(cas);
    }
}

PrometheusClient::~PrometheusClient()
{
    // The replies go with the manager; their futures end cancelled.
    for (const QPointer<QNetworkReply> &r : std::as_const(m_replies))
        if (r)
            r->disconnect(this);
}

void PrometheusClient::cancelAll()
{
    const auto replies = m_replies;
    for (const QPointer<QNetworkReply> &r : replies) {
        if (!r)
            continue;
        r->setProperty(CancelledProperty, true);
        r->abort();
    }
}

QFuture<PrometheusMatrix> PrometheusClient::queryRange(const QString &query, const QDateTime &start,
                                                       const QDateTime &end, int stepSeconds,
                                                       const QString &context)
{
    const QString fullContext =
        tr("%1 from Prometheus at %2").arg(context, m_endpoint.displayUrl());
    auto promise = std::make_shared<QPromise<PrometheusMatrix>>();
    QFuture<PrometheusMatrix> future = promise->future();
    promise->start();
    const auto answer = [promise](PrometheusMatrix m) {
        promise->addResult(std::move(m));
        promise->finish();
    };
    if (m_setupError) {
        PrometheusMatrix m;
        m.error = m_setupError;
        m.error.context = fullContext;
        answer(std::move(m));
        return future;
    }
    if (!m_endpoint.url.isValid() || m_endpoint.url.scheme().isEmpty() ||
        m_endpoint.url.host().isEmpty() || stepSeconds <= 0 || !start.isValid() || !end.isValid() ||
        end < start) {
        PrometheusMatrix m;
        m.error = ApiError::invalid(tr("not a range query: URL %1, %2 to %3, step %4 s")
                                        .arg(m_endpoint.displayUrl(), start.toString(Qt::ISODate),
                                             end.toString(Qt::ISODate))
                                        .arg(stepSeconds),
                                    fullContext);
        answer(std::move(m));
        return future;
    }

    QUrl url = m_endpoint.url;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/api/v1/query_range"));
    QNetworkRequest request(url);
    request.setSslConfiguration(m_ssl);
    request.setTransferTimeout(m_endpoint.timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    switch (m_endpoint.auth) {
    case PrometheusEndpoint::Auth::None:
        break;
    case PrometheusEndpoint::Auth::Bearer:
        request.setRawHeader("Authorization", "Bearer " + m_endpoint.bearerToken.toUtf8());
        break;
    case PrometheusEndpoint::Auth::Basic:
        request.setRawHeader(
            "Authorization",
            "Basic " +
                (m_endpoint.username + QLatin1Char(':') + m_endpoint.password).toUtf8().toBase64());
        break;
    }
    // Form-encoded by hand: QUrlQuery leaves '+' and '&' of a PromQL expression ambiguous.
    const QByteArray form = "query=" + QUrl::toPercentEncoding(query) + "&start=" +
                            QByteArray::number(start.toMSecsSinceEpoch() / 1000.0, 'f', 3) +
                            "&end=" + QByteArray::number(end.toMSecsSinceEpoch() / 1000.0, 'f', 3) +
                            "&step=" + QByteArray::number(stepSeconds);
    QNetworkReply *reply = m_nam->post(request, form);
    m_replies.append(reply);
    auto sslErrors = std::make_shared<QStringList>();
    connect(reply, &QNetworkReply::sslErrors, this, [sslErrors](const QList<QSslError> &errors) {
        *sslErrors = describeSslErrors(errors);
    });
    qCDebug(lcKube) << "Prometheus query_range" << m_endpoint.displayUrl() << query << "step"
                    << stepSeconds;
    connect(reply, &QNetworkReply::finished, this, [this, reply, answer, fullContext, sslErrors] {
        m_replies.removeAll(reply);
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->property(CancelledProperty).toBool()) {
            PrometheusMatrix m;
            m.error = ApiError::cancelled(fullContext);
            return answer(std::move(m));
        }
        if (status == 0) {
            PrometheusMatrix m;
            m.error = transportError(reply, *sslErrors, fullContext);
            return answer(std::move(m));
        }
        const QByteArray body = reply->readAll();
        // A big matrix is decoded off this thread.
        // Answered on this object's thread: deleted, it cancels the answer instead (the
        // promise goes with the continuation).
        continueOn(this,
                   QtConcurrent::run(&PrometheusClient::decodeMatrix, body, status, fullContext),
                   [answer](PrometheusMatrix m) { answer(std::move(m)); });
    });
    return future;
}

PrometheusMatrix PrometheusClient::decodeMatrix(const QByteArray &body, int httpStatus,
                                                const QString &context)
{
    PrometheusMatrix m;
    m.bytes = body.size();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject root = doc.object();
    const QString status = root.value(QStringLiteral("status")).toString();
    if (httpStatus < 200 || httpStatus > 299 || status == QLatin1String("error")) {
        ApiError e;
        e.kind = ApiError::Kind::Http;
        e.code = httpStatus;
        e.context = context;
        if (status == QLatin1String("error")) {
            // Prometheus' own error: {"status":"error","errorType":"bad_data","error":"..."}
            e.reason = root.value(QStringLiteral("errorType")).toString();
            e.message = root.value(QStringLiteral("error")).toString();
        } else {
            // A proxy's or the web config's answer ("Unauthorized"): the code and an excerpt.
            e.reason = QString::fromLatin1(QByteArray::number(httpStatus));
            e.message = excerpt(body);
        }
        m.error = e;
        return m;
    }
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        m.error = decodeError(
            tr("the answer is not JSON (%1): %2").arg(parseError.errorString(), excerpt(body)),
            context);
        return m;
    }
    if (status != QLatin1String("success")) {
        m.error =
            decodeError(tr("the answer's status is \"%1\", not \"success\"").arg(status), context);
        return m;
    }
    const QJsonObject data = root.value(QStringLiteral("data")).toObject();
    const QString resultType = data.value(QStringLiteral("resultType")).toString();
    if (resultType != QLatin1String("matrix")) {
        m.error = decodeError(
            tr("the answer's resultType is \"%1\", not \"matrix\"").arg(resultType), context);
        return m;
    }
    const QJsonValue result = data.value(QStringLiteral("result"));
    if (!result.isArray()) {
        m.error = decodeError(tr("the answer has no result list"), context);
        return m;
    }
    for (const QJsonValue &w : root.value(QStringLiteral("warnings")).toArray())
        m.warnings << w.toString();
    const QJsonArray list = result.toArray();
    m.series.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject s = list.at(i).toObject();
        const QJsonValue metric = s.value(QStringLiteral("metric"));
        const QJsonValue values = s.value(QStringLiteral("values"));
        if (!metric.isObject() || !values.isArray()) {
            m.error = decodeError(tr("series %1 of the answer has no metric or no values").arg(i),
                                  context);
            m.series.clear();
            return m;
        }
        PrometheusSeries series;
        const QJsonObject labels = metric.toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it)
            series.labels.insert(it.key(), it.value().toString());
        const QJsonArray points = values.toArray();
        series.samples.reserve(points.size());
        for (const QJsonValue &p : points) {
            const QJsonArray pair = p.toArray();
            bool numeric = false;
            const double value = pair.size() == 2 ? pair.at(1).toString().toDouble(&numeric) : 0;
            // A time is Unix seconds, which must fit qint64 milliseconds (fuzz_prometheusmatrix:
            // 1.8e25 s was rounded into qint64, undefined behaviour).
            const double seconds = pair.size() == 2 ? pair.at(0).toDouble() : 0;
            if (pair.size() != 2 || !pair.at(0).isDouble() || !numeric ||
                !(std::abs(seconds) < 9.2e15)) {
                m.error = decodeError(
                    tr("series %1 of the answer has a sample that is not [time, \"value\"]").arg(i),
                    context);
                m.series.clear();
                return m;
            }
            series.samples.push_back({qRound64(seconds * 1000.0), value});
        }
        m.series.push_back(std::move(series));
    }
    return m;
}

QString PrometheusClient::errorText(const ApiError &e)
{
    QString what;
    switch (e.kind) {
    case ApiError::Kind::None:
        return tr("no error");
    case ApiError::Kind::Refused:
        what = tr("Prometheus refused the connection (%1); is it running and is the URL right?")
                   .arg(e.message);
        break;
    case ApiError::Kind::Dns:
        what = tr("cannot resolve Prometheus' host name (%1)").arg(e.message);
        break;
    case ApiError::Kind::Timeout:
        what = tr("Prometheus did not answer in time (%1)").arg(e.message);
        break;
    case ApiError::Kind::Tls:
        what = tr("TLS with Prometheus failed: %1").arg(e.message);
        break;
    case ApiError::Kind::Http:
        if (e.code == 401)
            what = tr("Prometheus refused the credentials (401 Unauthorized): %1").arg(e.message);
        else if (e.code == 403)
            what = tr("Prometheus does not allow this query (403 Forbidden): %1").arg(e.message);
        else
            what = tr("Prometheus answered %1 (%2): %3").arg(e.code).arg(e.reason, e.message);
        break;
    case ApiError::Kind::Decode:
        what = tr("Prometheus' answer cannot be read: %1").arg(e.message);
        break;
    case ApiError::Kind::Cancelled:
        what = tr("cancelled");
        break;
    case ApiError::Kind::Config:
    case ApiError::Kind::Invalid:
    case ApiError::Kind::Credential:
    case ApiError::Kind::Network:
        what = e.message;
        break;
    }
    return e.context.isEmpty() ? what : tr("%1: %2").arg(e.context, what);
}

} // namespace kube

#pragma once

#include "kube/ApiError.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>

#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace kube {

// A Prometheus-compatible HTTP API (Prometheus, Thanos, Mimir, VictoriaMetrics) and how to
// authenticate to it. Secrets stay here and in the request headers; they never reach an error,
// a log line or a report.
struct PrometheusEndpoint
{
    enum class Auth { None, Bearer, Basic };

    QUrl url; // the API's base: http://prom:9090, or https://host/prometheus (the prefix is kept)
    Auth auth = Auth::None;
    QString bearerToken;
    QString username;
    QString password;
    QString caFile;        // PEM; replaces the system's CAs for this server, as curl --cacert does
    int timeoutMs = 30000; // no bytes for this long fails the query (setTransferTimeout)

    // The URL without user info (http://user:pass@host becomes Basic auth); what errors show.
    QString displayUrl() const;
    // Reads user info out of `url` into Basic auth and strips it from the URL.
    static PrometheusEndpoint fromUrl(const QUrl &url);
    // `url` with the bearer token on the first line of `tokenFile`, or the user:password on the
    // first line of `basicAuthFile` (empty: none), and `caFile`. nullopt with `error` naming the
    // file, never its content. (The command line's and the cluster settings' credentials.)
    static std::optional<PrometheusEndpoint> fromFiles(const QUrl &url, const QString &tokenFile,
                                                       const QString &basicAuthFile,
                                                       const QString &caFile, QString *error);

    Q_DECLARE_TR_FUNCTIONS(PrometheusEndpoint) // last: it ends in private:
};

struct PrometheusSample
{
    qint64 timeMs = 0;
    double value = 0;
};

struct PrometheusSeries
{
    QHash<QString, QString> labels;
    std::vector<PrometheusSample> samples; // ascending time
};

// A range query's answer (resultType "matrix"), or why there is none.
struct PrometheusMatrix
{
    std::vector<PrometheusSeries> series;
    QStringList warnings;
    qint64 bytes = 0; // the size of the answer's body
    ApiError error;
    bool ok() const { return error.ok(); }
};

// The client of Prometheus' HTTP API on QNetworkAccessManager: every call returns at once and
// answers through a QFuture; the body is decoded off the calling thread. Lives on one thread.
class PrometheusClient : public QObject
{
    Q_OBJECT

public:
    explicit PrometheusClient(const PrometheusEndpoint &endpoint, QObject *parent = nullptr);
    ~PrometheusClient() override;

    const PrometheusEndpoint &endpoint() const { return m_endpoint; }

    // POST /api/v1/query_range (form-encoded, so long selectors fit): `query` evaluated at
    // start, start + step, ... up to end. `context` words what it is for, in errors.
    QFuture<PrometheusMatrix> queryRange(const QString &query, const QDateTime &start,
                                         const QDateTime &end, int stepSeconds,
                                         const QString &context);
    // Stops every query in flight; each answers with a Cancelled error.
    void cancelAll();
    int pending() const { return int(m_replies.size()); }

    // An answer's body as a matrix, or a Decode/Http error (Prometheus' {"status":"error"}).
    static PrometheusMatrix decodeMatrix(const QByteArray &body, int httpStatus,
                                         const QString &context);
    // One line for an operator, worded for Prometheus: "query the fault history of npu-0003 at
    // http://prom:9090: Prometheus refused the connection ...".
    static QString errorText(const ApiError &error);

private:
    PrometheusEndpoint m_endpoint;
    QNetworkAccessManager *m_nam = nullptr;
    QSslConfiguration m_ssl;
    ApiError m_setupError; // a CA file that cannot be read fails every query with it
    QList<QPointer<QNetworkReply>> m_replies;
};

} // namespace kube

Q_DECLARE_METATYPE(kube::PrometheusMatrix)

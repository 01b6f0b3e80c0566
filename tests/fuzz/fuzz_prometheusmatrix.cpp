// Fuzz target for kube::PrometheusClient::decodeMatrix (a query_range answer's JSON body).
// Differential on the accept side: an accepted answer has exactly the series and samples a plain
// QJsonDocument reading of the same bytes finds (written out here, not by the decoder), each
// sample's time in milliseconds; a rejected one has a Decode error with a message and no series,
// and an HTTP error status is always an Http error.
//
// Input: the body; its first byte chooses the HTTP status (200, or 400/401/503 when odd).
#include "FuzzCheck.h"

#include "kube/PrometheusClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace kube;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    static const int errorStatuses[] = {400, 401, 503};
    const int status = (data[0] & 1) ? errorStatuses[(data[0] >> 1) % 3] : 200;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const PrometheusMatrix m = PrometheusClient::decodeMatrix(body, status, QStringLiteral("fuzz"));
    FUZZ_CHECK(m.bytes == body.size(), "bytes %lld for a body of %lld", qint64(m.bytes),
               qint64(body.size()));
    if (status != 200) {
        FUZZ_CHECK(m.error.kind == ApiError::Kind::Http && m.error.code == status,
                   "HTTP %d decoded as kind %d", status, int(m.error.kind));
        FUZZ_CHECK(m.series.empty(), "an HTTP error with series");
        return 0;
    }
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    if (root.value(QStringLiteral("status")).toString() == QLatin1String("error")) {
        FUZZ_CHECK(m.error.kind == ApiError::Kind::Http, "Prometheus' error as kind %d",
                   int(m.error.kind));
        return 0;
    }
    if (!m.ok()) {
        FUZZ_CHECK(m.error.kind == ApiError::Kind::Decode, "rejected as kind %d",
                   int(m.error.kind));
        FUZZ_CHECK(!m.error.message.isEmpty(), "rejected without a message");
        FUZZ_CHECK(m.series.empty(), "rejected with series");
        return 0;
    }
    // Accepted: the reference reading.
    FUZZ_CHECK(root.value(QStringLiteral("status")).toString() == QLatin1String("success"),
               "accepted without status success");
    const QJsonObject d = root.value(QStringLiteral("data")).toObject();
    FUZZ_CHECK(d.value(QStringLiteral("resultType")).toString() == QLatin1String("matrix"),
               "accepted without resultType matrix");
    const QJsonArray result = d.value(QStringLiteral("result")).toArray();
    FUZZ_CHECK(std::size_t(result.size()) == m.series.size(), "%zu series of %lld", m.series.size(),
               qint64(result.size()));
    for (qsizetype i = 0; i < result.size(); ++i) {
        const QJsonObject s = result.at(i).toObject();
        const QJsonObject metric = s.value(QStringLiteral("metric")).toObject();
        const PrometheusSeries &got = m.series[std::size_t(i)];
        FUZZ_CHECK(got.labels.size() == metric.size(), "series %lld: %lld labels of %lld",
                   qint64(i), qint64(got.labels.size()), qint64(metric.size()));
        for (auto it = metric.begin(); it != metric.end(); ++it)
            FUZZ_CHECK(got.labels.value(it.key()) == it.value().toString(), "series %lld: label %s",
                       qint64(i), qPrintable(it.key()));
        const QJsonArray values = s.value(QStringLiteral("values")).toArray();
        FUZZ_CHECK(std::size_t(values.size()) == got.samples.size(), "series %lld: %zu samples",
                   qint64(i), got.samples.size());
        for (qsizetype k = 0; k < values.size(); ++k) {
            const QJsonArray pair = values.at(k).toArray();
            FUZZ_CHECK(pair.size() == 2 && pair.at(0).isDouble() && pair.at(1).isString(),
                       "series %lld sample %lld accepted but not [time, \"value\"]", qint64(i),
                       qint64(k));
            const PrometheusSample &p = got.samples[std::size_t(k)];
            FUZZ_CHECK(p.timeMs == qRound64(pair.at(0).toDouble() * 1000.0),
                       "series %lld sample %lld: time %lld", qint64(i), qint64(k), p.timeMs);
            bool ok = false;
            const double v = pair.at(1).toString().toDouble(&ok);
            FUZZ_CHECK(ok && (v == p.value || (std::isnan(v) && std::isnan(p.value))),
                       "series %lld sample %lld: value", qint64(i), qint64(k));
        }
    }
    return 0;
}

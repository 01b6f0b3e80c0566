#include "kube/RetryPolicy.h"

#include "kube/ApiClient.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace kube {

bool RetryPolicy::isIdempotent(const QByteArray &verb)
{
    return verb == "GET" || verb == "HEAD" || verb == "PUT" || verb == "DELETE" ||
           verb == "OPTIONS";
}

bool RetryPolicy::isDisruptionBudgetRefusal(const ApiError &error)
{
    return error.isTooManyRequests() && error.hasCause(QStringLiteral("DisruptionBudget"));
}

int RetryPolicy::delayMs(const ApiRequest &request, const ApiError &error, int retry) const
{
    const int limit = request.maxRetries >= 0 ? request.maxRetries : maxRetries;
    if (!error || retry > limit)
        return -1;
    bool retryable = false;
    switch (error.kind) {
    case ApiError::Kind::Http:
        if (error.code == 429)
            retryable = !isDisruptionBudgetRefusal(error);
        else if (error.code >= 500 && error.code != 501)
            retryable = error.retryAfterSeconds > 0 || isIdempotent(request.verb);
        break;
    case ApiError::Kind::Network:
        // Reset or closed before the answer: the request may have been applied, so only a read
        // is repeated (client-go: connection reset and EOF on GET).
        retryable = (request.verb == "GET" || request.verb == "HEAD") &&
                    error.reason == QLatin1String("RemoteHostClosedError");
        break;
    default:
        break;
    }
    if (!retryable)
        return -1;
    if (error.retryAfterSeconds > 0) {
        // At least what the server asked, plus up to 10 % so that clients told the same second do
        // not all come back at once.
        const double base = std::min(double(error.retryAfterSeconds) * 1000.0, double(maxDelayMs));
        return int(base * (1.0 + 0.1 * QRandomGenerator::global()->generateDouble()));
    }
    const double base =
        std::min<double>(maxDelayMs, initialDelayMs * std::pow(2.0, std::min(retry - 1, 20)));
    const double spread = base * jitter;
    const double d = base - spread + QRandomGenerator::global()->generateDouble() * 2 * spread;
    return int(std::clamp(d, 0.0, double(maxDelayMs)));
}

QString RetryPolicy::describe(const ApiError &error)
{
    if (error.isTooManyRequests())
        return ApiError::tr("the server is overloaded (429 Too Many Requests)");
    if (error.kind == ApiError::Kind::Http)
        return ApiError::tr("the server answered %1 %2").arg(error.code).arg(error.reason);
    return ApiError::tr("the connection broke (%1)").arg(error.reason);
}

} // namespace kube

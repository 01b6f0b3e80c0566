#pragma once

#include "kube/ApiError.h"

#include <QByteArray>

namespace kube {

struct ApiRequest;

// The one retry policy of the client, applied by ApiCall to every request, as client-go's REST
// client does: a 429 (priority and fairness, --max-requests-inflight) is retried whatever the
// verb, since the server refused it before doing anything; a 5xx is retried when the server
// asked for it with Retry-After, or when repeating the request cannot do harm (an idempotent
// verb); a connection closed before the answer is retried for reads only. Retry-After is honoured
// (capped); without it the delay grows exponentially with jitter, capped. A 429 whose cause is a
// PodDisruptionBudget is not overload: it is left to the drain, which waits for the budget.
class RetryPolicy
{
public:
    int maxRetries = 10;      // client-go's default
    int initialDelayMs = 500; // without Retry-After: 0.5 s, 1 s, 2 s, ...
    int maxDelayMs = 30000;   // cap of one wait, Retry-After included
    double jitter = 0.2;      // ± of the computed delay; Retry-After only ever waits longer

    // The wait before retry number `retry` (1-based) of `request` after `error`, or -1 when it
    // must not be retried.
    int delayMs(const ApiRequest &request, const ApiError &error, int retry) const;
    // Why it is being retried, for logs and progress: "the server is overloaded (429)".
    static QString describe(const ApiError &error);

    static bool isIdempotent(const QByteArray &verb);
    // A 429 from the eviction subresource because of a PodDisruptionBudget.
    static bool isDisruptionBudgetRefusal(const ApiError &error);
};

} // namespace kube

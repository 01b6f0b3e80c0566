// Fuzz target for what an error answer becomes: kube::ApiError::fromHttp (a Status in JSON or in
// protobuf, or a proxy's page) and kube::isFailureStatus (a Failure Status inside a 2xx). Both
// run in QNetworkReply slots, where an exception would end Faultboard. The first byte picks the
// HTTP code from the ones the client treats differently; the rest is the body.
#include "FuzzCheck.h"

#include "kube/ApiCall.h"
#include "kube/ApiError.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int codes[] = {400, 401, 403, 404, 409, 410, 422, 429, 500, 502, 503, 504, 201};
    if (size == 0)
        return 0;
    const int http = codes[data[0] % (sizeof codes / sizeof *codes)];
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const kube::ApiError e = kube::ApiError::fromHttp(http, body, QStringLiteral("list nodes"));
    FUZZ_CHECK(e.kind == kube::ApiError::Kind::Http, "kind %d", int(e.kind));
    FUZZ_CHECK(e.code > 0, "code %d for HTTP %d", e.code, http);
    FUZZ_CHECK(e.toString().startsWith(QLatin1String("list nodes")), "toString lost the context");
    // A body that is no Status is quoted, shortly.
    FUZZ_CHECK(e.message.size() <= 200 || body.contains("Status"), "a %lld-character excerpt",
               static_cast<long long>(e.message.size()));

    if (kube::isFailureStatus(body)) {
        const kube::ApiError inside = kube::ApiError::fromHttp(201, body);
        FUZZ_CHECK(inside.kind == kube::ApiError::Kind::Http && inside.code > 0,
                   "a Failure Status read as code %d", inside.code);
    }
    return 0;
}

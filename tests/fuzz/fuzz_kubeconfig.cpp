// Fuzz target for kube::KubeConfig::parse (a kubeconfig's YAML): any bytes give a config or an
// error, never a crash or an exception out of the parser; every context of a parsed config
// resolves or fails with a message; merging a config into itself changes nothing.
#include "FuzzCheck.h"

#include "kube/KubeConfig.h"

using namespace kube;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray yaml(reinterpret_cast<const char *>(data), qsizetype(size));
    ApiError error;
    const std::optional<KubeConfig> config =
        KubeConfig::parse(yaml, QStringLiteral("/fuzz/kubeconfig"), &error);
    if (!config) {
        FUZZ_CHECK(error && !error.message.isEmpty(), "rejected without a message");
        return 0;
    }
    for (const KubeConfigContext &c : config->contexts) {
        ApiError resolveError;
        const auto endpoint = config->resolve(c.name, &resolveError);
        FUZZ_CHECK(endpoint || !resolveError.message.isEmpty(), "context \"%s\" failed silently",
                   qPrintable(c.name));
        if (endpoint) {
            FUZZ_CHECK(endpoint->server.isValid() && !endpoint->server.host().isEmpty(),
                       "context \"%s\" resolved to a server without a host", qPrintable(c.name));
            FUZZ_CHECK(endpoint->cluster.name == c.cluster, "context \"%s\": wrong cluster",
                       qPrintable(c.name));
        }
    }
    ApiError currentError;
    (void)config->resolve(QString(), &currentError);
    KubeConfig twice = *config;
    twice.mergeFrom(*config);
    FUZZ_CHECK(twice.clusters.size() == config->clusters.size() &&
                   twice.users.size() == config->users.size() &&
                   twice.contexts.size() == config->contexts.size(),
               "merging a config into itself added entries");
    return 0;
}

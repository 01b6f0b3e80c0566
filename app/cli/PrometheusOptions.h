#pragma once

#include "kube/PrometheusClient.h"

#include <QCoreApplication>

#include <optional>

namespace app::cli {

// The --prometheus options (the window's and `report`'s): the endpoint with its credentials
// read from their files. nullopt with `error` naming the file, never its content.
class PrometheusOptions
{
    Q_DECLARE_TR_FUNCTIONS(PrometheusOptions)

public:
    static std::optional<kube::PrometheusEndpoint> endpoint(const QString &url,
                                                            const QString &tokenFile,
                                                            const QString &basicAuthFile,
                                                            const QString &caFile, QString *error);
};

} // namespace app::cli

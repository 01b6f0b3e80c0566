#pragma once

#include "kube/PrometheusClient.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>

#include <optional>

namespace models {

// A cluster's Prometheus as the operator set it (kept by kubeconfig context in the settings
// file the window writes and the commands read). Credentials by file path only: the settings
// never hold a token or a password.
struct PrometheusSetting
{
    enum class Auth { None, BearerFile, BasicAuthFile };
    QString url; // empty: none
    Auth auth = Auth::None;
    QString credentialFile; // the token, or user:password, on its first line
    QString caFile;
    bool operator==(const PrometheusSetting &) const = default;
};

// Where a cluster's fault history beyond Faultboard's own comes from. The one rule the window
// and the headless commands (report --history) share: the Prometheus given on the command line
// (--prometheus) when there is one, else the cluster's setting, else none.
struct PrometheusSource
{
    Q_DECLARE_TR_FUNCTIONS(models::PrometheusSource)

public:
    enum class Origin { None, CommandLine, ClusterSetting };
    std::optional<kube::PrometheusEndpoint> endpoint; // none: Faultboard's own history only
    Origin origin = Origin::None;
    // The cluster's setting names a Prometheus that cannot be used (a credential file that
    // cannot be read, a URL that is not http or https), worded for an operator without any
    // secret; `endpoint` is then empty.
    QString error;

    static PrometheusSource choose(const std::optional<kube::PrometheusEndpoint> &commandLine,
                                   const QMap<QString, PrometheusSetting> &settings,
                                   const QString &context);
    // A setting's endpoint with its credentials read from their files.
    static std::optional<kube::PrometheusEndpoint> endpointOf(const PrometheusSetting &setting,
                                                              QString *error);
};

} // namespace models

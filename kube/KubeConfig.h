#pragma once

#include "kube/ApiError.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>
#include <utility>

namespace kube {

struct KubeConfigCluster
{
    QString name;
    QString server;
    QString certificateAuthority;        // absolute path (resolved against the kubeconfig's folder)
    QByteArray certificateAuthorityData; // PEM, already base64-decoded
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    // kubectl 1.26+: ask the server not to gzip its answers (Accept-Encoding: identity). On
    // loopback or a fast LAN compressing a 200 MB list costs the server more than it saves.
    bool disableCompression = false;
    QString proxyUrl;
    QString sourceFile;
};

struct ExecCredentialConfig
{
    QString apiVersion;
    QString command; // resolved against the kubeconfig's folder when it names a relative path
    QStringList args;
    QList<std::pair<QString, QString>> env;
    QString interactiveMode; // Never, IfAvailable, Always
    bool provideClusterInfo = false;
    QString installHint;
};

struct KubeConfigUser
{
    QString name;
    QString token;
    QString tokenFile;
    QString clientCertificate;
    QByteArray clientCertificateData;
    QString clientKey;
    QByteArray clientKeyData;
    QString username;
    QString password;
    std::optional<ExecCredentialConfig> exec;
    QString authProvider; // legacy auth-provider name (oidc, gcp, azure)
    QMap<QString, QString> authProviderConfig;
    QString impersonate;
    QStringList impersonateGroups;
    QString sourceFile;
};

struct KubeConfigContext
{
    QString name;
    QString cluster;
    QString user;
    QString namespaceName;
    QString sourceFile;
};

// Everything needed to talk to one cluster as one user: a context with its cluster and user
// looked up and checked.
struct ClusterEndpoint
{
    QString contextName;
    QUrl server;
    KubeConfigCluster cluster;
    KubeConfigUser user;
    QString namespaceName = QStringLiteral("default");
};

// A kubeconfig loaded the way kubectl loads it: `--kubeconfig` names exactly one file; otherwise
// every file in KUBECONFIG is merged (the first file that defines a cluster, user or context name
// wins that whole entry; the first current-context set wins); otherwise ~/.kube/config.
class KubeConfig
{
    Q_DECLARE_TR_FUNCTIONS(KubeConfig)

public:
    struct LoadOptions
    {
        QString explicitPath;                 // --kubeconfig
        std::optional<QString> kubeconfigEnv; // KUBECONFIG; unset: read the environment
        QString homeConfigPath;               // default: $HOME/.kube/config
    };

    static std::optional<KubeConfig> load(const LoadOptions &options, ApiError *error);
    static std::optional<KubeConfig> loadFile(const QString &path, ApiError *error);
    // Parses one file's text; relative paths resolve against `sourceFile`'s folder.
    static std::optional<KubeConfig> parse(const QByteArray &yaml, const QString &sourceFile,
                                           ApiError *error);

    QString currentContext;
    QList<KubeConfigCluster> clusters;
    QList<KubeConfigUser> users;
    QList<KubeConfigContext> contexts;
    QStringList sourceFiles;

    const KubeConfigCluster *cluster(const QString &name) const;
    const KubeConfigUser *user(const QString &name) const;
    const KubeConfigContext *context(const QString &name) const;

    // Resolves a context (empty: current-context) into an endpoint, checking what kubectl checks.
    std::optional<ClusterEndpoint> resolve(const QString &contextName, ApiError *error) const;

    // Merges `other` under this one: entries already here win.
    void mergeFrom(const KubeConfig &other);
};

} // namespace kube

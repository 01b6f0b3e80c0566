#include "kube/KubeConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

#include <yaml-cpp/yaml.h>

namespace kube {

namespace {

// Thrown inside the parser only, turned into an ApiError at its edge.
struct ConfigError
{
    QString message;
};

class Reader
{
public:
    Reader(QString file)
        : m_file(std::move(file))
        , m_dir(QFileInfo(m_file).absolutePath())
    {}

    [[noreturn]] void fail(const QString &path, const QString &what) const
    {
        throw ConfigError{KubeConfig::tr("%1: %2: %3").arg(m_file, path, what)};
    }

    QString string(const YAML::Node &parent, const char *key, const QString &path) const
    {
        const YAML::Node n = parent[key];
        if (!n || n.IsNull())
            return {};
        if (!n.IsScalar())
            fail(path + QLatin1Char('.') + QLatin1String(key), KubeConfig::tr("must be a string"));
        return QString::fromStdString(n.Scalar());
    }

    bool boolean(const YAML::Node &parent, const char *key, const QString &path) const
    {
        const YAML::Node n = parent[key];
        if (!n || n.IsNull())
            return false;
        bool value = false;
        if (!n.IsScalar() || !YAML::convert<bool>::decode(n, value))
            fail(path + QLatin1Char('.') + QLatin1String(key),
                 KubeConfig::tr("must be true or false"));
        return value;
    }

    QByteArray base64(const YAML::Node &parent, const char *key, const QString &path) const
    {
        const QString text = string(parent, key, path);
        if (text.isEmpty())
            return {};
        auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            fail(path + QLatin1Char('.') + QLatin1String(key),
                 KubeConfig::tr("is not valid base64"));
        return *decoded;
    }

    QString filePath(const YAML::Node &parent, const char *key, const QString &path) const
    {
        return resolve(string(parent, key, path));
    }

    QString resolve(const QString &p) const
    {
        if (p.isEmpty() || QDir::isAbsolutePath(p))
            return p;
        if (p.startsWith(QLatin1String("~/")))
            return QDir::homePath() + p.mid(1);
        return QDir::cleanPath(m_dir + QLatin1Char('/') + p);
    }

    const QString &file() const { return m_file; }

private:
    QString m_file;
    QString m_dir;
};

// Walks a `name:`/`<kind>:` list (clusters, users, contexts) calling `fn(name, body, path)`.
template <typename Fn>
void forEachNamed(const Reader &r, const YAML::Node &root, const char *listKey, const char *bodyKey,
                  Fn fn)
{
    const YAML::Node list = root[listKey];
    if (!list || list.IsNull())
        return;
    if (!list.IsSequence())
        r.fail(QLatin1String(listKey), KubeConfig::tr("must be a list"));
    for (std::size_t i = 0; i < list.size(); ++i) {
        const QString path = QStringLiteral("%1[%2]").arg(QLatin1String(listKey)).arg(i);
        const YAML::Node item = list[i];
        if (!item.IsMap())
            r.fail(
                path,
                KubeConfig::tr("must be a mapping with name and %1").arg(QLatin1String(bodyKey)));
        const QString name = r.string(item, "name", path);
        if (name.isEmpty())
            r.fail(path + QLatin1String(".name"), KubeConfig::tr("is missing"));
        const YAML::Node body = item[bodyKey];
        if (body && !body.IsNull() && !body.IsMap())
            r.fail(path + QLatin1Char('.') + QLatin1String(bodyKey),
                   KubeConfig::tr("must be a mapping"));
        fn(name, body ? body : YAML::Node(YAML::NodeType::Map),
           path + QLatin1Char('.') + QLatin1String(bodyKey));
    }
}

ExecCredentialConfig readExec(const Reader &r, const YAML::Node &n, const QString &path)
{
    ExecCredentialConfig e;
    if (!n.IsMap())
        r.fail(path, KubeConfig::tr("must be a mapping"));
    e.apiVersion = r.string(n, "apiVersion", path);
    e.command = r.string(n, "command", path);
    if (e.command.isEmpty())
        r.fail(path + QLatin1String(".command"), KubeConfig::tr("is missing"));
    // client-go resolves the command against the kubeconfig's folder only when it is a path.
    if (e.command.contains(QLatin1Char('/')))
        e.command = r.resolve(e.command);
    if (const YAML::Node args = n["args"]; args && !args.IsNull()) {
        if (!args.IsSequence())
            r.fail(path + QLatin1String(".args"), KubeConfig::tr("must be a list of strings"));
        for (const auto &a : args)
            e.args << QString::fromStdString(a.Scalar());
    }
    if (const YAML::Node env = n["env"]; env && !env.IsNull()) {
        if (!env.IsSequence())
            r.fail(path + QLatin1String(".env"),
                   KubeConfig::tr("must be a list of name/value pairs"));
        for (std::size_t i = 0; i < env.size(); ++i) {
            const QString ep = QStringLiteral("%1.env[%2]").arg(path).arg(i);
            e.env.append({r.string(env[i], "name", ep), r.string(env[i], "value", ep)});
        }
    }
    e.interactiveMode = r.string(n, "interactiveMode", path);
    e.provideClusterInfo = r.boolean(n, "provideClusterInfo", path);
    e.installHint = r.string(n, "installHint", path);
    static const QStringList known = {QStringLiteral("client.authentication.k8s.io/v1"),
                                      QStringLiteral("client.authentication.k8s.io/v1beta1")};
    if (!known.contains(e.apiVersion))
        r.fail(path + QLatin1String(".apiVersion"),
               KubeConfig::tr("must be client.authentication.k8s.io/v1 or v1beta1, not \"%1\"")
                   .arg(e.apiVersion));
    if (e.apiVersion.endsWith(QLatin1String("/v1")) && e.interactiveMode.isEmpty())
        r.fail(path + QLatin1String(".interactiveMode"),
               KubeConfig::tr("is required for client.authentication.k8s.io/v1"));
    return e;
}

} // namespace

std::optional<KubeConfig> KubeConfig::parse(const QByteArray &yaml, const QString &sourceFile,
                                            ApiError *error)
{
    const QString file = sourceFile.isEmpty() ? QStringLiteral("<kubeconfig>") : sourceFile;
    Reader r(file);
    KubeConfig config;
    config.sourceFiles << file;
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root || root.IsNull())
            return config; // an empty file is a valid, empty kubeconfig (kubectl agrees)
        if (!root.IsMap())
            r.fail(QStringLiteral("(top level)"), tr("must be a mapping"));

        config.currentContext = r.string(root, "current-context", QString());

        forEachNamed(r, root, "clusters", "cluster",
                     [&](const QString &name, const YAML::Node &b, const QString &path) {
                         KubeConfigCluster c;
                         c.name = name;
                         c.sourceFile = file;
                         c.server = r.string(b, "server", path);
                         c.certificateAuthority = r.filePath(b, "certificate-authority", path);
                         c.certificateAuthorityData =
                             r.base64(b, "certificate-authority-data", path);
                         c.insecureSkipTlsVerify = r.boolean(b, "insecure-skip-tls-verify", path);
                         c.tlsServerName = r.string(b, "tls-server-name", path);
                         c.disableCompression = r.boolean(b, "disable-compression", path);
                         c.proxyUrl = r.string(b, "proxy-url", path);
                         if (!config.cluster(name))
                             config.clusters.append(c);
                     });

        forEachNamed(r, root, "users", "user",
                     [&](const QString &name, const YAML::Node &b, const QString &path) {
                         KubeConfigUser u;
                         u.name = name;
                         u.sourceFile = file;
                         u.token = r.string(b, "token", path);
                         u.tokenFile = r.filePath(b, "tokenFile", path);
                         u.clientCertificate = r.filePath(b, "client-certificate", path);
                         u.clientCertificateData = r.base64(b, "client-certificate-data", path);
                         u.clientKey = r.filePath(b, "client-key", path);
                         u.clientKeyData = r.base64(b, "client-key-data", path);
                         u.username = r.string(b, "username", path);
                         u.password = r.string(b, "password", path);
                         u.impersonate = r.string(b, "as", path);
                         if (const YAML::Node g = b["as-groups"]; g && g.IsSequence())
                             for (const auto &x : g)
                                 u.impersonateGroups << QString::fromStdString(x.Scalar());
                         if (const YAML::Node e = b["exec"]; e && !e.IsNull())
                             u.exec = readExec(r, e, path + QLatin1String(".exec"));
                         if (const YAML::Node ap = b["auth-provider"]; ap && !ap.IsNull()) {
                             const QString app = path + QLatin1String(".auth-provider");
                             u.authProvider = r.string(ap, "name", app);
                             if (const YAML::Node cfg = ap["config"]; cfg && cfg.IsMap())
                                 for (const auto &kv : cfg)
                                     u.authProviderConfig.insert(
                                         QString::fromStdString(kv.first.Scalar()),
                                         QString::fromStdString(kv.second.Scalar()));
                         }
                         if (!config.user(name))
                             config.users.append(u);
                     });

        forEachNamed(r, root, "contexts", "context",
                     [&](const QString &name, const YAML::Node &b, const QString &path) {
                         KubeConfigContext c;
                         c.name = name;
                         c.sourceFile = file;
                         c.cluster = r.string(b, "cluster", path);
                         c.user = r.string(b, "user", path);
                         c.namespaceName = r.string(b, "namespace", path);
                         if (!config.context(name))
                             config.contexts.append(c);
                     });
    } catch (const ConfigError &e) {
        if (error)
            *error = ApiError::config(e.message);
        return std::nullopt;
    } catch (const YAML::Exception &e) {
        if (error)
            *error = ApiError::config(tr("%1: line %2, column %3: %4")
                                          .arg(file)
                                          .arg(e.mark.line + 1)
                                          .arg(e.mark.column + 1)
                                          .arg(QString::fromStdString(e.msg)));
        return std::nullopt;
    }
    return config;
}

std::optional<KubeConfig> KubeConfig::loadFile(const QString &path, ApiError *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = ApiError::config(tr("%1: cannot read: %2").arg(path, f.errorString()));
        return std::nullopt;
    }
    return parse(f.readAll(), QFileInfo(path).absoluteFilePath(), error);
}

std::optional<KubeConfig> KubeConfig::load(const LoadOptions &options, ApiError *error)
{
    if (!options.explicitPath.isEmpty())
        return loadFile(options.explicitPath, error);

    const QString env =
        options.kubeconfigEnv
            ? *options.kubeconfigEnv
            : QProcessEnvironment::systemEnvironment().value(QStringLiteral("KUBECONFIG"));
    QStringList files;
    for (const QString &p : env.split(QDir::listSeparator(), Qt::SkipEmptyParts))
        if (!files.contains(p))
            files << p;

    if (files.isEmpty()) {
        const QString home = options.homeConfigPath.isEmpty()
                                 ? QDir::homePath() + QStringLiteral("/.kube/config")
                                 : options.homeConfigPath;
        if (!QFileInfo::exists(home)) {
            if (error)
                *error = ApiError::config(
                    tr("no kubeconfig found: %1 does not exist and KUBECONFIG is not set; pass "
                       "--kubeconfig FILE or try --demo")
                        .arg(home));
            return std::nullopt;
        }
        return loadFile(home, error);
    }

    std::optional<KubeConfig> merged;
    for (const QString &f : files) {
        // kubectl silently skips KUBECONFIG entries that do not exist.
        if (!QFileInfo::exists(f))
            continue;
        auto one = loadFile(f, error);
        if (!one)
            return std::nullopt;
        if (!merged)
            merged = std::move(one);
        else
            merged->mergeFrom(*one);
    }
    if (!merged) {
        if (error)
            *error = ApiError::config(tr("none of the files in KUBECONFIG exists: %1").arg(env));
        return std::nullopt;
    }
    return merged;
}

void KubeConfig::mergeFrom(const KubeConfig &other)
{
    if (currentContext.isEmpty())
        currentContext = other.currentContext;
    for (const auto &c : other.clusters)
        if (!cluster(c.name))
            clusters.append(c);
    for (const auto &u : other.users)
        if (!user(u.name))
            users.append(u);
    for (const auto &c : other.contexts)
        if (!context(c.name))
            contexts.append(c);
    sourceFiles += other.sourceFiles;
}

const KubeConfigCluster *KubeConfig::cluster(const QString &name) const
{
    for (const auto &c : clusters)
        if (c.name == name)
            return &c;
    return nullptr;
}

const KubeConfigUser *KubeConfig::user(const QString &name) const
{
    for (const auto &u : users)
        if (u.name == name)
            return &u;
    return nullptr;
}

const KubeConfigContext *KubeConfig::context(const QString &name) const
{
    for (const auto &c : contexts)
        if (c.name == name)
            return &c;
    return nullptr;
}

std::optional<ClusterEndpoint> KubeConfig::resolve(const QString &contextName,
                                                   ApiError *error) const
{
    auto fail = [&](const QString &message) -> std::optional<ClusterEndpoint> {
        if (error)
            *error = ApiError::config(message);
        return std::nullopt;
    };
    const QString files = sourceFiles.join(QDir::listSeparator());
    const QString name = contextName.isEmpty() ? currentContext : contextName;
    if (name.isEmpty())
        return fail(
            tr("%1: current-context is not set; choose a context with --context").arg(files));
    const KubeConfigContext *ctx = context(name);
    if (!ctx)
        return fail(tr("%1: context \"%2\" does not exist").arg(files, name));
    const KubeConfigCluster *cl = cluster(ctx->cluster);
    if (!cl)
        return fail(tr("%1: contexts[%2].context.cluster: cluster \"%3\" does not exist")
                        .arg(ctx->sourceFile, name, ctx->cluster));
    KubeConfigUser u;
    if (!ctx->user.isEmpty()) {
        const KubeConfigUser *found = user(ctx->user);
        if (!found)
            return fail(tr("%1: contexts[%2].context.user: user \"%3\" does not exist")
                            .arg(ctx->sourceFile, name, ctx->user));
        u = *found;
    }
    if (cl->server.isEmpty())
        return fail(
            tr("%1: clusters[%2].cluster.server: is missing").arg(cl->sourceFile, cl->name));
    QUrl server(cl->server, QUrl::StrictMode);
    if (!server.isValid() ||
        (server.scheme() != QLatin1String("https") && server.scheme() != QLatin1String("http")) ||
        server.host().isEmpty())
        return fail(tr("%1: clusters[%2].cluster.server: \"%3\" is not an http(s) URL")
                        .arg(cl->sourceFile, cl->name, cl->server));
    if (cl->insecureSkipTlsVerify &&
        (!cl->certificateAuthority.isEmpty() || !cl->certificateAuthorityData.isEmpty()))
        return fail(tr("%1: clusters[%2].cluster: certificate-authority and "
                       "insecure-skip-tls-verify cannot both be set")
                        .arg(cl->sourceFile, cl->name));
    if (!u.token.isEmpty() && !u.username.isEmpty())
        return fail(tr("%1: users[%2].user: token and username/password cannot both be set")
                        .arg(u.sourceFile, u.name));
    if ((!u.clientCertificate.isEmpty() || !u.clientCertificateData.isEmpty()) !=
        (!u.clientKey.isEmpty() || !u.clientKeyData.isEmpty()))
        return fail(tr("%1: users[%2].user: client-certificate and client-key must be set together")
                        .arg(u.sourceFile, u.name));

    ClusterEndpoint ep;
    ep.contextName = name;
    ep.server = server;
    ep.cluster = *cl;
    ep.user = u;
    if (!ctx->namespaceName.isEmpty())
        ep.namespaceName = ctx->namespaceName;
    return ep;
}

} // namespace kube

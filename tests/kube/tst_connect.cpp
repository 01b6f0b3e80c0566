// Connecting like kubectl: every way a kubeconfig can say how to reach and authenticate to a
// cluster, tried against a real kubesim over real TLS.

#include "ConnectProxy.h"
#include "KubeTestSupport.h"

#include "kube/ApiCall.h"
#include "kube/ApiClient.h"
#include "kube/KubeConfig.h"
#include "sim/Certificates.h"
#include "tests/common/TestCluster.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslKey>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace kube;
using namespace kubetest;

namespace {

QByteArray b64(const QByteArray &pem)
{
    return pem.toBase64();
}

int countLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return int(f.readAll().count('\n'));
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestConnect : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;
    ClusterEndpoint m_admin;
    ClusterEndpoint m_cert;
    ClusterEndpoint m_viewer;
    QTemporaryDir m_dir;
    int m_seq = 0;

    QString server() const { return m_admin.server.toString(); }
    QByteArray caData() const { return b64(m_admin.cluster.certificateAuthorityData); }
    QByteArray adminToken() const { return m_admin.user.token.toUtf8(); }
    QByteArray viewerToken() const { return m_viewer.user.token.toUtf8(); }

    // A fresh folder for one test's files.
    QString folder()
    {
        const QString d = m_dir.filePath(QStringLiteral("t%1").arg(++m_seq));
        QDir().mkpath(d);
        return d;
    }

    // One cluster, one user, one context "c" as current-context.
    static QByteArray kubeconfig(const QByteArray &clusterBody, const QByteArray &userBody,
                                 const QByteArray &contextExtra = {})
    {
        return "apiVersion: v1\nkind: Config\nclusters:\n- name: k\n  cluster:\n" + clusterBody +
               "users:\n- name: u\n  user:\n" + userBody +
               "contexts:\n- name: c\n  context:\n    cluster: k\n    user: u\n" + contextExtra +
               "current-context: c\n";
    }
    QByteArray kubesimCluster() const
    {
        return "    server: " + server().toUtf8() +
               "\n    certificate-authority-data: " + caData() + "\n";
    }

    std::unique_ptr<ApiClient> client(const QString &path, const QString &context = {})
    {
        ApiError err;
        auto c = clientFor(path, context, &err);
        if (!c)
            qWarning("%s", qPrintable(err.toString()));
        return c;
    }

    QString pluginConfig(const QString &dir, const QByteArray &apiVersion,
                         const QByteArray &extra = {})
    {
        QByteArray user = "    exec:\n      apiVersion: " + apiVersion +
                          "\n      command: " + QByteArray(FAKE_EXEC_PLUGIN) +
                          "\n      args: [\"--state\", \"" + dir.toUtf8() +
                          "\"]\n      env:\n      - name: FAKE_GREETING\n        value: hello\n" +
                          "      interactiveMode: Never\n" + extra;
        return writeFile(dir + QStringLiteral("/config"), kubeconfig(kubesimCluster(), user));
    }

private slots:
    void initTestCase()
    {
        m_cluster = std::make_unique<TestCluster>(QStringList{
            QStringLiteral("--paused"), QStringLiteral("--nodes"), QStringLiteral("4")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
        m_admin = m_cluster->endpoint(TestCluster::context(TestCluster::User::Admin));
        m_cert = m_cluster->endpoint(TestCluster::context(TestCluster::User::AdminCert));
        m_viewer = m_cluster->endpoint(TestCluster::context(TestCluster::User::Viewer));
        QVERIFY(m_admin.server.scheme() == QLatin1String("https"));
    }

    void cleanupTestCase() { m_cluster.reset(); }

    void bearerToken()
    {
        const QString d = folder();
        auto c = client(writeFile(
            d + "/config", kubeconfig(kubesimCluster(), "    token: " + adminToken() + "\n")));
        QVERIFY(c);
        const ApiResponse r = get(*c, QStringLiteral("/api/v1/nodes?limit=1"));
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.status, 200);
        QCOMPARE(canPatchNodes(*c), 1);
    }

    void tokenFileIsReadAgainWhenItChanges()
    {
        const QString d = folder();
        const QString tokenPath = writeFile(d + "/secrets/token", viewerToken() + "\n");
        // A relative tokenFile resolves against the kubeconfig's folder.
        auto c = client(writeFile(d + "/config",
                                  kubeconfig(kubesimCluster(), "    tokenFile: secrets/token\n")));
        QVERIFY(c);
        QCOMPARE(c->endpoint().user.tokenFile, tokenPath);
        QCOMPARE(canPatchNodes(*c), 0); // the viewer

        writeFile(tokenPath, adminToken() + "\n"); // rotated, as a projected token is
        QCOMPARE(canPatchNodes(*c), 1);

        QFile::remove(tokenPath);
        const ApiResponse r = get(*c, QStringLiteral("/api/v1/nodes?limit=1"));
        QCOMPARE(r.error.kind, ApiError::Kind::Credential);
        QVERIFY2(r.error.toString().contains(tokenPath), qPrintable(r.error.toString()));
    }

    void clientCertificateFiles()
    {
        const QString d = folder();
        writeFile(d + "/pki/admin.crt", m_cert.user.clientCertificateData);
        writeFile(d + "/pki/admin.key", m_cert.user.clientKeyData);
        writeFile(d + "/pki/ca.crt", m_admin.cluster.certificateAuthorityData);
        const QByteArray cluster =
            "    server: " + server().toUtf8() + "\n    certificate-authority: pki/ca.crt\n";
        auto c = client(writeFile(
            d + "/config",
            kubeconfig(cluster,
                       "    client-certificate: pki/admin.crt\n    client-key: pki/admin.key\n")));
        QVERIFY(c);
        QCOMPARE(canPatchNodes(*c), 1);
    }

    void clientCertificateData()
    {
        const QString d = folder();
        const QByteArray user =
            "    client-certificate-data: " + b64(m_cert.user.clientCertificateData) +
            "\n    client-key-data: " + b64(m_cert.user.clientKeyData) + "\n";
        auto c = client(writeFile(d + "/config", kubeconfig(kubesimCluster(), user)));
        QVERIFY(c);
        QCOMPARE(canPatchNodes(*c), 1);
    }

    void clientKeyUnreadableNamesTheFile()
    {
        const QString d = folder();
        writeFile(d + "/admin.crt", m_cert.user.clientCertificateData);
        auto c = client(writeFile(
            d + "/config",
            kubeconfig(kubesimCluster(),
                       "    client-certificate: admin.crt\n    client-key: missing.key\n")));
        QVERIFY(c);
        const ApiResponse r = get(*c, QStringLiteral("/api/v1/nodes?limit=1"));
        QCOMPARE(r.error.kind, ApiError::Kind::Credential);
        QVERIFY2(r.error.toString().contains(d + "/missing.key"), qPrintable(r.error.toString()));
    }

    void execPlugin_data()
    {
        QTest::addColumn<QByteArray>("apiVersion");
        QTest::newRow("v1") << QByteArray("client.authentication.k8s.io/v1");
        QTest::newRow("v1beta1") << QByteArray("client.authentication.k8s.io/v1beta1");
    }

    void execPlugin()
    {
        QFETCH(QByteArray, apiVersion);
        const QString d = folder();
        writeFile(d + "/token", adminToken());
        auto c = client(pluginConfig(d, apiVersion, "      provideClusterInfo: true\n"));
        QVERIFY(c);
        QCOMPARE(canPatchNodes(*c), 1);
        QCOMPARE(canPatchNodes(*c), 1);
        // Without an expiry the credential is kept: one run for both requests.
        QCOMPARE(countLines(d + "/invocations"), 1);

        // What the plugin was given: args, env, and KUBERNETES_EXEC_INFO with the cluster.
        QCOMPARE(readAll(d + "/args"), "--state\n" + d.toUtf8() + "\n");
        QCOMPARE(readAll(d + "/env-FAKE_GREETING"), QByteArray("hello"));
        const QJsonObject info = QJsonDocument::fromJson(readAll(d + "/exec-info.json")).object();
        QCOMPARE(info.value(QStringLiteral("kind")).toString(), QStringLiteral("ExecCredential"));
        QCOMPARE(info.value(QStringLiteral("apiVersion")).toString(),
                 QString::fromUtf8(apiVersion));
        const QJsonObject spec = info.value(QStringLiteral("spec")).toObject();
        QCOMPARE(spec.value(QStringLiteral("interactive")).toBool(true), false);
        const QJsonObject cluster = spec.value(QStringLiteral("cluster")).toObject();
        QCOMPARE(cluster.value(QStringLiteral("server")).toString(), server());
        QCOMPARE(cluster.value(QStringLiteral("certificate-authority-data")).toString().toUtf8(),
                 caData());
    }

    void execPluginRunsOnceForConcurrentRequests()
    {
        const QString d = folder();
        writeFile(d + "/token", adminToken());
        auto c = client(pluginConfig(d, "client.authentication.k8s.io/v1beta1"));
        QVERIFY(c);
        int done = 0;
        int ok = 0;
        for (int i = 0; i < 5; ++i) {
            ApiRequest req;
            req.path = QStringLiteral("/api/v1/nodes");
            req.query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
            connect(c->send(req), &ApiCall::finished, this, [&](const ApiResponse &r) {
                ++done;
                ok += r.ok();
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 5, 20000);
        QCOMPARE(ok, 5);
        QCOMPARE(countLines(d + "/invocations"), 1);
    }

    void execPluginExpiry()
    {
        const QString d = folder();
        writeFile(d + "/token", adminToken());
        writeFile(d + "/expires-in", "3600");
        auto c = client(pluginConfig(d, "client.authentication.k8s.io/v1"));
        QVERIFY(c);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(canPatchNodes(*c), 1);
        QCOMPARE(countLines(d + "/invocations"), 1); // cached until the expiry

        // A credential that is already expired when it arrives is asked for again every time.
        const QString d2 = folder();
        writeFile(d2 + "/token", adminToken());
        writeFile(d2 + "/expires-in", "-60");
        auto c2 = client(pluginConfig(d2, "client.authentication.k8s.io/v1"));
        QVERIFY(c2);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(canPatchNodes(*c2), 1);
        QCOMPARE(countLines(d2 + "/invocations"), 3);
    }

    void execPluginRunsAgainWhenItsCredentialExpires()
    {
        // A credential valid for 13 s more: the client refreshes 10 s ahead of expiry, so it is
        // used for about 3 s, then the plugin runs again.
        const QString d = folder();
        writeFile(d + "/token", adminToken());
        writeFile(d + "/expires-in", "13");
        auto c = client(pluginConfig(d, "client.authentication.k8s.io/v1beta1"));
        QVERIFY(c);
        QCOMPARE(canPatchNodes(*c), 1);
        QCOMPARE(canPatchNodes(*c), 1);
        QCOMPARE(countLines(d + "/invocations"), 1);
        QTRY_VERIFY_WITH_TIMEOUT(canPatchNodes(*c) == 1 && countLines(d + "/invocations") == 2,
                                 10000);
    }

    void execPluginRunsAgainAfter401()
    {
        const QString d = folder();
        // The first credential is one the server does not accept (revoked meanwhile, say); the
        // plugin's next run gives a good one.
        writeFile(d + "/token.1", "revoked-token-value");
        writeFile(d + "/token", adminToken());
        writeFile(d + "/expires-in", "3600");
        auto c = client(pluginConfig(d, "client.authentication.k8s.io/v1"));
        QVERIFY(c);
        const ApiResponse r = get(*c, QStringLiteral("/api/v1/nodes?limit=1"));
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(countLines(d + "/invocations"), 2);
        QCOMPARE(canPatchNodes(*c), 1);
        QCOMPARE(countLines(d + "/invocations"), 2);
    }

    void execPluginRunsAgainAfterTheServerRevokedItsToken()
    {
        QVERIFY(m_cluster->control(
            QStringLiteral("tokens"),
            R"({"token":"plugin-token-one","user":"plugin-user","role":"admin"})"));
        const QString d = folder();
        writeFile(d + "/token", "plugin-token-one");
        writeFile(d + "/expires-in", "3600"); // still valid as far as the client knows
        auto c = client(pluginConfig(d, "client.authentication.k8s.io/v1"));
        QVERIFY(c);
        QCOMPARE(canPatchNodes(*c), 1);
        QCOMPARE(canPatchNodes(*c), 1);
        QCOMPARE(countLines(d + "/invocations"), 1);

        // The server revokes it (a logout, a rotated key); the plugin would now give a new one.
        QVERIFY(m_cluster->control(QStringLiteral("tokens"),
                                   R"({"token":"plugin-token-one","revoke":true})"));
        QVERIFY(m_cluster->control(
            QStringLiteral("tokens"),
            R"({"token":"plugin-token-two","user":"plugin-user","role":"admin"})"));
        writeFile(d + "/token", "plugin-token-two");
        const ApiResponse r = get(*c, QStringLiteral("/api/v1/nodes?limit=1"));
        QVERIFY2(r.ok(), qPrintable(r.error.toString())); // 401, plugin run again, retried once
        QCOMPARE(countLines(d + "/invocations"), 2);

        // Revoked again and the plugin has nothing better: the 401 reaches the caller.
        QVERIFY(m_cluster->control(QStringLiteral("tokens"),
                                   R"({"token":"plugin-token-two","revoke":true})"));
        const ApiResponse r2 = get(*c, QStringLiteral("/api/v1/nodes?limit=1"));
        QVERIFY(r2.error.isUnauthorized());
        QCOMPARE(countLines(d + "/invocations"), 3);
    }

    void basicAuth()
    {
        const ClusterEndpoint basic = m_cluster->endpoint(QStringLiteral("kubesim-basic"));
        QVERIFY(!basic.user.username.isEmpty() && !basic.user.password.isEmpty());
        const QString d = folder();
        auto c = client(
            writeFile(d + "/config",
                      kubeconfig(kubesimCluster(),
                                 "    username: " + basic.user.username.toUtf8() +
                                     "\n    password: " + basic.user.password.toUtf8() + "\n")));
        QVERIFY(c);
        QCOMPARE(canPatchNodes(*c), 1);

        auto wrong = client(
            writeFile(d + "/wrong",
                      kubeconfig(kubesimCluster(), "    username: " + basic.user.username.toUtf8() +
                                                       "\n    password: not-the-password\n")));
        QVERIFY(wrong);
        const ApiResponse r = get(*wrong, QStringLiteral("/api/v1/nodes?limit=1"));
        QVERIFY(r.error.isUnauthorized());
    }

    void execPluginClientCertificate()
    {
        const QString d = folder();
        writeFile(d + "/cert", m_cert.user.clientCertificateData);
        writeFile(d + "/key", m_cert.user.clientKeyData);
        auto c = client(pluginConfig(d, "client.authentication.k8s.io/v1beta1"));
        QVERIFY(c);
        QCOMPARE(canPatchNodes(*c), 1);
    }

    void execPluginNewClientCertificateTakesEffectOnNewConnections()
    {
        // Short-lived client certificates (Teleport, Pinniped): when the plugin gives a new one,
        // pooled connections (which shook hands with the old one) are dropped, so the server
        // sees the new certificate. Here the new one is not signed by kubesim's CA, so the
        // server stops treating the client as admin: proof that it is the one presented.
        const QString d = folder();
        writeFile(d + "/cert", m_cert.user.clientCertificateData);
        writeFile(d + "/key", m_cert.user.clientKeyData);
        writeFile(d + "/expires-in", "11"); // refreshed 10 s ahead: good for about 1 s
        auto c = client(pluginConfig(d, "client.authentication.k8s.io/v1"));
        QVERIFY(c);
        QCOMPARE(canPatchNodes(*c), 1);
        const sim::KeyPair other = sim::Certificates::makeUnrelatedCa();
        writeFile(d + "/cert", other.certificatePem);
        writeFile(d + "/key", other.keyPem);
        writeFile(d + "/expires-in", "3600");
        QTRY_VERIFY_WITH_TIMEOUT(canPatchNodes(*c) != 1 && countLines(d + "/invocations") == 2,
                                 10000);
        QVERIFY(c->connectionResets() >= 1);
    }

    void execPluginFailureReportsStderr()
    {
        const QString d = folder();
        writeFile(d + "/exit-code", "3");
        writeFile(d + "/stderr", "error: not logged in; run 'cloud auth login' first\n");
        auto c = client(pluginConfig(d, "client.authentication.k8s.io/v1"));
        QVERIFY(c);
        const ApiResponse r = get(*c, QStringLiteral("/api/v1/nodes?limit=1"));
        QCOMPARE(r.error.kind, ApiError::Kind::Credential);
        const QString text = r.error.toString();
        QVERIFY2(text.contains(QLatin1String("exit code 3")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("run 'cloud auth login' first")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String(FAKE_EXEC_PLUGIN)), qPrintable(text));
    }

    void execPluginMissingCommandShowsInstallHint()
    {
        const QString d = folder();
        const QByteArray user =
            "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
            "      command: faultboard-no-such-plugin\n"
            "      installHint: install it with your package manager\n";
        auto c = client(writeFile(d + "/config", kubeconfig(kubesimCluster(), user)));
        QVERIFY(c);
        const ApiResponse r = get(*c, QStringLiteral("/api/v1/nodes?limit=1"));
        QCOMPARE(r.error.kind, ApiError::Kind::Credential);
        QVERIFY2(r.error.toString().contains(QLatin1String("faultboard-no-such-plugin")),
                 qPrintable(r.error.toString()));
        QVERIFY2(r.error.toString().contains(QLatin1String("install it with your package manager")),
                 qPrintable(r.error.toString()));
    }

    void execPluginWrongApiVersion()
    {
        const QString d = folder();
        writeFile(d + "/token", adminToken());
        writeFile(d + "/api-version", "client.authentication.k8s.io/v1beta1");
        auto c = client(pluginConfig(d, "client.authentication.k8s.io/v1"));
        QVERIFY(c);
        const ApiResponse r = get(*c, QStringLiteral("/api/v1/nodes?limit=1"));
        QCOMPARE(r.error.kind, ApiError::Kind::Credential);
        QVERIFY2(r.error.toString().contains(QLatin1String("apiVersion")),
                 qPrintable(r.error.toString()));
    }

    void execPluginThatNeedsATerminalIsRefused()
    {
        const QString d = folder();
        writeFile(d + "/token", adminToken());
        const QByteArray user =
            "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: " +
            QByteArray(FAKE_EXEC_PLUGIN) + "\n      args: [\"--state\", \"" + d.toUtf8() +
            "\"]\n      interactiveMode: Always\n";
        auto c = client(writeFile(d + "/config", kubeconfig(kubesimCluster(), user)));
        QVERIFY(c);
        const ApiResponse r = get(*c, QStringLiteral("/api/v1/nodes?limit=1"));
        QCOMPARE(r.error.kind, ApiError::Kind::Credential);
        QVERIFY2(r.error.toString().contains(QLatin1String("interactive terminal")),
                 qPrintable(r.error.toString()));
        QCOMPARE(countLines(d + "/invocations"), 0);
    }

    void oidcAuthProviderIdToken()
    {
        const QString d = folder();
        const QByteArray user =
            "    auth-provider:\n      name: oidc\n      config:\n        client-id: faultboard\n"
            "        idp-issuer-url: https://issuer.example\n        id-token: " +
            adminToken() + "\n";
        auto c = client(writeFile(d + "/config", kubeconfig(kubesimCluster(), user)));
        QVERIFY(c);
        QCOMPARE(canPatchNodes(*c), 1);
    }

    void mergedKubeconfigFollowsKubectlRules()
    {
        const QString a = folder();
        const QString b = folder();
        // File A: defines cluster "shared" (with a CA relative to A's folder) and user "alice",
        // no current-context.
        writeFile(a + "/ca.pem", m_admin.cluster.certificateAuthorityData);
        writeFile(a + "/config",
                  "clusters:\n- name: shared\n  cluster:\n    server: " + server().toUtf8() +
                      "\n    certificate-authority: ca.pem\n"
                      "users:\n- name: alice\n  user:\n    tokenFile: alice.token\n");
        writeFile(a + "/alice.token", adminToken());
        // File B: redefines "shared" differently (ignored whole: no field of it is merged in),
        // defines "bob" with a tokenFile relative to B's folder, the contexts and current-context.
        writeFile(b + "/config",
                  "clusters:\n- name: shared\n  cluster:\n    server: https://192.0.2.1:1\n"
                  "    tls-server-name: elsewhere.example\n"
                  "users:\n- name: alice\n  user:\n    token: not-this-one\n"
                  "- name: bob\n  user:\n    tokenFile: bob.token\n"
                  "contexts:\n- name: as-alice\n  context: {cluster: shared, user: alice, "
                  "namespace: training}\n"
                  "- name: as-bob\n  context: {cluster: shared, user: bob}\n"
                  "current-context: as-bob\n");
        writeFile(b + "/bob.token", viewerToken());
        const QString c = folder();
        writeFile(c + "/config", "current-context: as-alice\n"); // a later current-context loses

        KubeConfig::LoadOptions opts;
        opts.kubeconfigEnv =
            QStringList{a + "/config", m_dir.filePath(QStringLiteral("missing/config")),
                        b + "/config", c + "/config"}
                .join(QDir::listSeparator());
        ApiError err;
        auto cfg = KubeConfig::load(opts, &err);
        QVERIFY2(cfg, qPrintable(err.toString()));
        QCOMPARE(cfg->currentContext, QStringLiteral("as-bob"));
        const KubeConfigCluster *shared = cfg->cluster(QStringLiteral("shared"));
        QVERIFY(shared);
        QCOMPARE(shared->server, server());
        QVERIFY(shared->tlsServerName.isEmpty());
        QCOMPARE(shared->certificateAuthority, a + "/ca.pem");
        QCOMPARE(cfg->user(QStringLiteral("alice"))->tokenFile, a + "/alice.token");
        QVERIFY(cfg->user(QStringLiteral("alice"))->token.isEmpty());
        QCOMPARE(cfg->user(QStringLiteral("bob"))->tokenFile, b + "/bob.token");

        auto bob = cfg->resolve({}, &err);
        QVERIFY2(bob, qPrintable(err.toString()));
        QCOMPARE(bob->namespaceName, QStringLiteral("default"));
        ApiClient bobClient(*bob);
        QCOMPARE(canPatchNodes(bobClient), 0);

        auto alice = cfg->resolve(QStringLiteral("as-alice"), &err);
        QVERIFY2(alice, qPrintable(err.toString()));
        QCOMPARE(alice->namespaceName, QStringLiteral("training"));
        ApiClient aliceClient(*alice);
        QCOMPARE(canPatchNodes(aliceClient), 1);
    }

    void explicitKubeconfigIsExactlyThatFile()
    {
        const QString a = folder();
        const QString b = folder();
        writeFile(a + "/config", kubeconfig(kubesimCluster(), "    token: " + adminToken() + "\n"));
        writeFile(
            b + "/config",
            "contexts:\n- name: other\n  context: {cluster: k, user: u}\ncurrent-context: other\n");
        KubeConfig::LoadOptions opts;
        opts.explicitPath = a + "/config";
        opts.kubeconfigEnv = b + "/config";
        ApiError err;
        auto cfg = KubeConfig::load(opts, &err);
        QVERIFY2(cfg, qPrintable(err.toString()));
        QCOMPARE(cfg->currentContext, QStringLiteral("c"));
        QVERIFY(!cfg->context(QStringLiteral("other")));

        opts.explicitPath = a + "/nope";
        QVERIFY(!KubeConfig::load(opts, &err));
        QVERIFY2(err.toString().contains(a + "/nope"), qPrintable(err.toString()));
    }

    void tlsServerName()
    {
        // The server is reached by IP; the certificate is checked against tls-server-name.
        const QString d = folder();
        auto good = client(writeFile(
            d + "/good", kubeconfig(kubesimCluster() + "    tls-server-name: kubernetes\n",
                                    "    token: " + adminToken() + "\n")));
        QVERIFY(good);
        QCOMPARE(canPatchNodes(*good), 1);

        auto bad = client(
            writeFile(d + "/bad",
                      kubeconfig(kubesimCluster() + "    tls-server-name: api.elsewhere.example\n",
                                 "    token: " + adminToken() + "\n")));
        QVERIFY(bad);
        const ApiResponse r = get(*bad, QStringLiteral("/api/v1/nodes?limit=1"));
        QCOMPARE(r.error.kind, ApiError::Kind::Tls);
        QVERIFY2(r.error.toString().contains(QLatin1String("not valid for this host name")),
                 qPrintable(r.error.toString()));
    }

    void disableCompression()
    {
        // kubectl's cluster field: the answers are asked for without gzip; the cluster still
        // answers (kubesim never compresses; the real server's list is measured in
        // docs/performance.md).
        const QString d = folder();
        const QString path = writeFile(
            d + "/config", kubeconfig(kubesimCluster() + "    disable-compression: true\n",
                                      "    token: " + adminToken() + "\n"));
        KubeConfig::LoadOptions opts;
        opts.explicitPath = path;
        ApiError err;
        auto cfg = KubeConfig::load(opts, &err);
        QVERIFY2(cfg, qPrintable(err.toString()));
        auto ep = cfg->resolve({}, &err);
        QVERIFY2(ep, qPrintable(err.toString()));
        QVERIFY(ep->cluster.disableCompression);
        auto c = client(path);
        QVERIFY(c);
        QCOMPARE(canPatchNodes(*c), 1);

        const QString bad = writeFile(
            d + "/bad", kubeconfig(kubesimCluster() + "    disable-compression: maybe\n",
                                   "    token: " + adminToken() + "\n"));
        opts.explicitPath = bad;
        QVERIFY(!KubeConfig::load(opts, &err));
        QVERIFY2(err.toString().contains(QLatin1String("disable-compression")) &&
                     err.toString().contains(bad),
                 qPrintable(err.toString()));
    }

    void proxyUrl()
    {
        ConnectProxy proxy;
        QVERIFY(proxy.start());
        const QString d = folder();
        auto c = client(writeFile(d + "/config", kubeconfig(kubesimCluster() + "    proxy-url: " +
                                                                proxy.url().toUtf8() + "\n",
                                                            "    token: " + adminToken() + "\n")));
        QVERIFY(c);
        QCOMPARE(canPatchNodes(*c), 1);
        QVERIFY(!proxy.targets().isEmpty());
        QCOMPARE(proxy.targets().first(),
                 QStringLiteral("127.0.0.1:%1").arg(m_admin.server.port()));

        // A proxy that is not there is a transport error naming the proxy.
        const quint16 closedPort = proxy.serverPort();
        proxy.close();
        auto c2 = client(writeFile(
            d + "/config2", kubeconfig(kubesimCluster() + "    proxy-url: http://127.0.0.1:" +
                                           QByteArray::number(closedPort) + "\n",
                                       "    token: " + adminToken() + "\n")));
        QVERIFY(c2);
        const ApiResponse r = get(*c2, QStringLiteral("/api/v1/nodes?limit=1"));
        QVERIFY(r.error);
        QVERIFY2(r.error.toString().contains(QLatin1String("proxy")),
                 qPrintable(r.error.toString()));
    }

    void environmentProxiesLikeKubectl_data()
    {
        QTest::addColumn<QString>("server"); // "kubesim": the real one on 127.0.0.1
        QTest::addColumn<QByteArray>("noProxy");
        QTest::addColumn<QString>("expect"); // "proxy", "dns" or "ok"
        // An address that only a proxy could reach: with a dead proxy, both fail at the proxy.
        QTest::newRow("HTTPS_PROXY dead")
            << "https://apiserver.faultboard.invalid:6443" << QByteArray() << "proxy";
        QTest::newRow("NO_PROXY names the domain") << "https://apiserver.faultboard.invalid:6443"
                                                   << QByteArray("example.org, .invalid") << "dns";
        QTest::newRow("NO_PROXY names the host") << "https://apiserver.faultboard.invalid:6443"
                                                 << QByteArray("faultboard.invalid:6443") << "dns";
        QTest::newRow("NO_PROXY names another port")
            << "https://apiserver.faultboard.invalid:6443" << QByteArray("faultboard.invalid:443")
            << "proxy";
        QTest::newRow("NO_PROXY *")
            << "https://apiserver.faultboard.invalid:6443" << QByteArray("*") << "dns";
        // Go never proxies loopback: kubesim on 127.0.0.1 answers despite the dead proxy.
        QTest::newRow("loopback is never proxied") << "kubesim" << QByteArray() << "ok";
    }

    void environmentProxiesLikeKubectl()
    {
        // The kubeconfig names no proxy-url: HTTPS_PROXY, NO_PROXY apply as kubectl applies
        // them, and a dead proxy fails the connection where kubectl's fails.
        QFETCH(QString, server);
        QFETCH(QByteArray, noProxy);
        QFETCH(QString, expect);
        QTcpServer dead;
        QVERIFY(dead.listen(QHostAddress::LocalHost));
        const quint16 deadPort = dead.serverPort();
        dead.close();
        const QByteArray proxy = "http://127.0.0.1:" + QByteArray::number(deadPort);
        struct Env
        {
            QByteArray name, old;
            bool had;
            Env(const char *n, const QByteArray &v)
                : name(n)
                , old(qgetenv(n))
                , had(qEnvironmentVariableIsSet(n))
            {
                if (v.isNull())
                    qunsetenv(n);
                else
                    qputenv(n, v);
            }
            ~Env() { had ? void(qputenv(name, old)) : void(qunsetenv(name)); }
        };
        Env https("HTTPS_PROXY", proxy), httpsLower("https_proxy", {}), no("NO_PROXY", noProxy),
            noLower("no_proxy", {});
        const QByteArray cluster = server == QLatin1String("kubesim")
                                       ? kubesimCluster()
                                       : "    server: " + server.toUtf8() +
                                             "\n    certificate-authority-data: " + caData() + "\n";
        const QString config = writeFile(folder() + "/config",
                                         kubeconfig(cluster, "    token: " + adminToken() + "\n"));
        auto c = client(config);
        QVERIFY(c);
        const ApiResponse r = get(*c, QStringLiteral("/version"));
        const KubectlRun k =
            kubectl(config, {QStringLiteral("version"), QStringLiteral("-o"),
                             QStringLiteral("json"), QStringLiteral("--request-timeout=20s")});
        const QString ours = r.error.toString();
        const QString theirs = QString::fromUtf8(k.err);
        if (expect == QLatin1String("ok")) {
            QVERIFY2(r.ok(), qPrintable(ours));
            QVERIFY2(k.out.contains("serverVersion"), qPrintable(theirs));
            return;
        }
        QVERIFY(!r.ok());
        QVERIFY(k.exitCode != 0);
        if (expect == QLatin1String("proxy")) {
            // kubectl 1.32: "The connection to the server apiserver.faultboard.invalid:6443 was
            // refused": it went to the proxy, never looked the name up.
            QVERIFY2(theirs.contains(QLatin1String("refused")) &&
                         !theirs.contains(QLatin1String("no such host")) &&
                         !theirs.contains(QLatin1String("lookup")),
                     qPrintable(theirs));
            QVERIFY2(
                ours.contains(
                    QStringLiteral("through the proxy 127.0.0.1:%1 (HTTPS_PROXY)").arg(deadPort)),
                qPrintable(ours));
            QVERIFY2(ours.contains(QLatin1String("refused"), Qt::CaseInsensitive),
                     qPrintable(ours));
        } else {
            // Direct: the name does not resolve, for kubectl ("no such host") and for us.
            QVERIFY2(!theirs.contains(QLatin1String("proxyconnect")), qPrintable(theirs));
            QVERIFY2(theirs.contains(QLatin1String("no such host")) ||
                         theirs.contains(QLatin1String("lookup")),
                     qPrintable(theirs));
            QCOMPARE(r.error.kind, ApiError::Kind::Dns);
        }
    }

    void httpsProxyUrlIsReachedOverTls()
    {
        // proxy-url: https://: the client speaks TLS to the proxy, verified as kubectl does with
        // the cluster's certificate authority (here a bundle of kubesim's CA and the proxy's),
        // then tunnels TLS to the API server through it.
        sim::Certificates pki;
        QString error;
        QVERIFY2(pki.generate({QStringLiteral("localhost")}, &error), qPrintable(error));
        ConnectProxy proxy;
        proxy.setTls(QSslCertificate(pki.server().certificatePem),
                     QSslKey(pki.server().keyPem, QSsl::Ec));
        QVERIFY(proxy.start());
        QVERIFY(proxy.url().startsWith(QLatin1String("https://")));
        const QByteArray bundle =
            b64(m_admin.cluster.certificateAuthorityData + "\n" + pki.ca().certificatePem);
        const QString d = folder();
        auto c = client(writeFile(d + "/config",
                                  kubeconfig("    server: " + server().toUtf8() +
                                                 "\n    certificate-authority-data: " + bundle +
                                                 "\n    proxy-url: " + proxy.url().toUtf8() + "\n",
                                             "    token: " + adminToken() + "\n")));
        QVERIFY(c);
        QCOMPARE(canPatchNodes(*c), 1);
        QCOMPARE(proxy.targets().value(0),
                 QStringLiteral("127.0.0.1:%1").arg(m_admin.server.port()));

        // The proxy's certificate signed by an authority the kubeconfig does not trust: refused,
        // and the error names the proxy.
        const QString d2 = folder();
        auto c2 = client(
            writeFile(d2 + "/config",
                      kubeconfig(kubesimCluster() + "    proxy-url: " + proxy.url().toUtf8() + "\n",
                                 "    token: " + adminToken() + "\n")));
        QVERIFY(c2);
        const ApiResponse r = get(*c2, QStringLiteral("/version"));
        QVERIFY(r.error);
        QVERIFY2(r.error.toString().contains(
                     QStringLiteral("proxy 127.0.0.1:%1").arg(proxy.serverPort())),
                 qPrintable(r.error.toString()));
        QCOMPARE(proxy.targets().size(), 1);
    }

    void wrongCertificateAuthorityIsRefused()
    {
        const QString d = folder();
        // A CA that did not sign the server's certificate (the client certificate is no CA).
        auto c = client(
            writeFile(d + "/config", kubeconfig("    server: " + server().toUtf8() +
                                                    "\n    certificate-authority-data: " +
                                                    b64(m_cert.user.clientCertificateData) + "\n",
                                                "    token: " + adminToken() + "\n")));
        QVERIFY(c);
        const ApiResponse r = get(*c, QStringLiteral("/api/v1/nodes?limit=1"));
        QCOMPARE(r.error.kind, ApiError::Kind::Tls);
        QVERIFY2(r.error.toString().contains(QLatin1String("unknown authority")),
                 qPrintable(r.error.toString()));

        // No CA at all: the system roots do not know kubesim's CA either.
        auto c2 =
            client(writeFile(d + "/config2", kubeconfig("    server: " + server().toUtf8() + "\n",
                                                        "    token: " + adminToken() + "\n")));
        QVERIFY(c2);
        const ApiResponse r2 = get(*c2, QStringLiteral("/api/v1/nodes?limit=1"));
        QCOMPARE(r2.error.kind, ApiError::Kind::Tls);
        QVERIFY2(r2.error.toString().contains(QLatin1String("unknown authority")),
                 qPrintable(r2.error.toString()));
    }

    void insecureSkipTlsVerifyOnlyWhenSet()
    {
        const QString d = folder();
        auto c =
            client(writeFile(d + "/config", kubeconfig("    server: " + server().toUtf8() +
                                                           "\n    insecure-skip-tls-verify: true\n",
                                                       "    token: " + adminToken() + "\n")));
        QVERIFY(c);
        QCOMPARE(canPatchNodes(*c), 1);

        auto off =
            client(writeFile(d + "/off", kubeconfig("    server: " + server().toUtf8() +
                                                        "\n    insecure-skip-tls-verify: false\n",
                                                    "    token: " + adminToken() + "\n")));
        QVERIFY(off);
        QCOMPARE(get(*off, QStringLiteral("/api/v1/nodes?limit=1")).error.kind,
                 ApiError::Kind::Tls);

        // A CA together with insecure-skip-tls-verify is refused, as kubectl refuses it.
        ApiError err;
        QVERIFY(!clientFor(
            writeFile(d + "/both",
                      kubeconfig(kubesimCluster() + "    insecure-skip-tls-verify: true\n",
                                 "    token: " + adminToken() + "\n")),
            {}, &err));
        QCOMPARE(err.kind, ApiError::Kind::Config);
        QVERIFY2(err.toString().contains(QLatin1String("insecure-skip-tls-verify")),
                 qPrintable(err.toString()));
    }

    void missingCertificateAuthorityFileNamesFileAndKey()
    {
        const QString d = folder();
        const QString cfg =
            writeFile(d + "/config", kubeconfig("    server: " + server().toUtf8() +
                                                    "\n    certificate-authority: nope/ca.pem\n",
                                                "    token: " + adminToken() + "\n"));
        auto c = client(cfg);
        QVERIFY(c);
        const ApiResponse r = get(*c, QStringLiteral("/api/v1/nodes?limit=1"));
        QCOMPARE(r.error.kind, ApiError::Kind::Config);
        QVERIFY2(r.error.toString().contains(cfg), qPrintable(r.error.toString()));
        QVERIFY2(r.error.toString().contains(QLatin1String("certificate-authority")),
                 qPrintable(r.error.toString()));
        QVERIFY2(r.error.toString().contains(d + "/nope/ca.pem"), qPrintable(r.error.toString()));
    }

    void transportFailuresAreTyped()
    {
        const QString d = folder();
        const QByteArray user = "    token: " + adminToken() + "\n";
        // DNS
        auto dns = client(
            writeFile(d + "/dns", kubeconfig("    server: https://faultboard-test.invalid:6443\n   "
                                             " insecure-skip-tls-verify: true\n",
                                             user)));
        QVERIFY(dns);
        ApiResponse r = get(*dns, QStringLiteral("/api/v1/nodes"));
        QCOMPARE(r.error.kind, ApiError::Kind::Dns);
        QVERIFY2(r.error.toString().contains(QLatin1String("faultboard-test.invalid")),
                 qPrintable(r.error.toString()));

        // Refused: a port nobody listens on.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        auto refused = client(writeFile(
            d + "/refused", kubeconfig("    server: https://127.0.0.1:" + QByteArray::number(port) +
                                           "\n    insecure-skip-tls-verify: true\n",
                                       user)));
        r = get(*refused, QStringLiteral("/api/v1/nodes"));
        QCOMPARE(r.error.kind, ApiError::Kind::Refused);
        QVERIFY2(r.error.toString().contains(QStringLiteral("127.0.0.1:%1").arg(port)),
                 qPrintable(r.error.toString()));

        // Timeout: a server that accepts and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        auto slow =
            client(writeFile(d + "/slow", kubeconfig("    server: https://127.0.0.1:" +
                                                         QByteArray::number(silent.serverPort()) +
                                                         "\n    insecure-skip-tls-verify: true\n",
                                                     user)));
        ApiRequest req;
        req.path = QStringLiteral("/api/v1/nodes");
        req.timeoutMs = 500;
        req.context = QStringLiteral("list nodes");
        r = roundTrip(*slow, req);
        QCOMPARE(r.error.kind, ApiError::Kind::Timeout);
        QVERIFY2(r.error.toString().startsWith(QLatin1String("list nodes: ")),
                 qPrintable(r.error.toString()));
    }

    void apiStatusIsCarried()
    {
        ApiClient admin(m_admin);
        ApiRequest req;
        req.path = QStringLiteral("/api/v1/nodes/no-such-node");
        req.context = QStringLiteral("read node no-such-node");
        ApiResponse r = roundTrip(admin, req);
        QCOMPARE(r.error.kind, ApiError::Kind::Http);
        QCOMPARE(r.error.code, 404);
        QCOMPARE(r.error.reason, QStringLiteral("NotFound"));
        QCOMPARE(r.error.message, QStringLiteral("nodes \"no-such-node\" not found"));
        QVERIFY(r.error.isNotFound());

        ApiClient viewer(m_viewer);
        req.verb = "PATCH";
        req.path = QStringLiteral("/api/v1/nodes/gpu-0001");
        req.contentType = "application/strategic-merge-patch+json";
        req.body = "{\"spec\":{\"unschedulable\":true}}";
        r = roundTrip(viewer, req);
        QCOMPARE(r.error.code, 403);
        QCOMPARE(r.error.reason, QStringLiteral("Forbidden"));
        QVERIFY2(r.error.toString().contains(QLatin1String("cannot patch resource \"nodes\"")),
                 qPrintable(r.error.toString()));

        ClusterEndpoint bogus = m_admin;
        bogus.user.token = QStringLiteral("not-a-valid-token");
        ApiClient bad(bogus);
        r = get(bad, QStringLiteral("/api/v1/nodes?limit=1"));
        QVERIFY(r.error.isUnauthorized());
        QVERIFY2(r.error.toString().contains(QLatin1String("credentials were rejected")),
                 qPrintable(r.error.toString()));
    }
};

QTEST_GUILESS_MAIN(TestConnect)
#include "tst_connect.moc"

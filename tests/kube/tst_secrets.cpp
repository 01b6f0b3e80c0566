// No secret (token, private key, password) may reach a log line, even at the most verbose level,
// nor the text of an error, whichever way the client authenticates and however it fails.

#include "ConnectProxy.h"
#include "KubeTestSupport.h"

#include "kube/ApiClient.h"
#include "kube/CredentialProvider.h"
#include "kube/Informer.h"
#include "kube/NodeDecoder.h"
#include "tests/common/TestCluster.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kube;
using namespace kubetest;

namespace {

QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log << QStringLiteral("%1: %2").arg(
            QLatin1String(context.category ? context.category : ""), message);
    }
    if (type != QtDebugMsg && g_previous)
        g_previous(type, context, message);
}

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;
    ClusterEndpoint m_admin;
    ClusterEndpoint m_cert;
    ClusterEndpoint m_viewer;
    QTemporaryDir m_dir;
    QStringList m_errors;  // every error text the client produced
    QStringList m_secrets; // what must appear nowhere

    QByteArray cluster() const
    {
        return "    server: " + m_admin.server.toString().toUtf8() +
               "\n    certificate-authority-data: " +
               m_admin.cluster.certificateAuthorityData.toBase64() + "\n";
    }
    QString config(const QString &name, const QByteArray &user, const QByteArray &clusterExtra = {})
    {
        return writeFile(
            m_dir.filePath(name),
            "clusters:\n- name: k\n  cluster:\n" + cluster() + clusterExtra +
                "users:\n- name: u\n  user:\n" + user +
                "contexts:\n- name: c\n  context: {cluster: k, user: u}\ncurrent-context: c\n");
    }
    // Runs a request and a short watch with the given kubeconfig, recording error texts.
    void exercise(const QString &kubeconfig)
    {
        ApiError err;
        auto client = clientFor(kubeconfig, {}, &err);
        QVERIFY2(client, qPrintable(err.toString()));
        for (const char *path : {"/api/v1/nodes?limit=2", "/api/v1/nodes/no-such-node"}) {
            const ApiResponse r = get(*client, QString::fromLatin1(path));
            if (r.error)
                m_errors << r.error.toString() << r.error.message << r.error.reason;
        }
        Informer::Options opts;
        Informer informer(client.get(), std::make_shared<NodeDecoder>(), opts);
        informer.backoff().setInitialMs(20);
        informer.backoff().setMaxMs(50);
        QSignalSpy states(&informer, &Informer::stateChanged);
        informer.start();
        QTRY_VERIFY_WITH_TIMEOUT(informer.state() == Informer::State::Synced ||
                                     informer.state() == Informer::State::Failed,
                                 20000);
        m_errors << informer.stateReason();
        informer.stop();
    }

private slots:
    void initTestCase()
    {
        // The most verbose level everywhere, Qt's own network categories included.
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        g_previous = qInstallMessageHandler(capture);

        m_cluster = std::make_unique<TestCluster>(QStringList{
            QStringLiteral("--paused"), QStringLiteral("--nodes"), QStringLiteral("3")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
        m_admin = m_cluster->endpoint(TestCluster::context(TestCluster::User::Admin));
        m_cert = m_cluster->endpoint(TestCluster::context(TestCluster::User::AdminCert));
        m_viewer = m_cluster->endpoint(TestCluster::context(TestCluster::User::Viewer));

        m_secrets << m_admin.user.token << m_viewer.user.token;
        // Every line of the private key's body.
        for (const QByteArray &line : m_cert.user.clientKeyData.split('\n'))
            if (!line.startsWith("-----") && line.size() > 16)
                m_secrets << QString::fromLatin1(line);
        m_secrets << QStringLiteral("rejected-token-8c2f1e")
                  << QStringLiteral("exec-env-secret-51d0")
                  << QStringLiteral("exec-arg-secret-77aa")
                  << QStringLiteral("proxy-password-3e9b");
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previous);
        m_cluster.reset();
    }

    void token()
    {
        exercise(
            config(QStringLiteral("token"), "    token: " + m_admin.user.token.toUtf8() + "\n"));
    }

    void tokenFile()
    {
        writeFile(m_dir.filePath(QStringLiteral("viewer.token")), m_viewer.user.token.toUtf8());
        exercise(config(QStringLiteral("tokenfile"), "    tokenFile: viewer.token\n"));
    }

    void clientCertificate()
    {
        writeFile(m_dir.filePath(QStringLiteral("admin.crt")), m_cert.user.clientCertificateData);
        writeFile(m_dir.filePath(QStringLiteral("admin.key")), m_cert.user.clientKeyData);
        exercise(config(QStringLiteral("certfiles"),
                        "    client-certificate: admin.crt\n    client-key: admin.key\n"));
        exercise(
            config(QStringLiteral("certdata"),
                   "    client-certificate-data: " + m_cert.user.clientCertificateData.toBase64() +
                       "\n    client-key-data: " + m_cert.user.clientKeyData.toBase64() + "\n"));
    }

    void basicAuth()
    {
        const ClusterEndpoint basic = m_cluster->endpoint(QStringLiteral("kubesim-basic"));
        m_secrets << basic.user.password
                  << QString::fromLatin1(
                         (basic.user.username + QLatin1Char(':') + basic.user.password)
                             .toUtf8()
                             .toBase64());
        exercise(config(QStringLiteral("basic"),
                        "    username: " + basic.user.username.toUtf8() +
                            "\n    password: " + basic.user.password.toUtf8() + "\n"));
        exercise(
            config(QStringLiteral("basic-wrong"), "    username: " + basic.user.username.toUtf8() +
                                                      "\n    password: wrong-password-41c7\n"));
    }

    void oidcIdToken()
    {
        exercise(config(QStringLiteral("oidc"),
                        "    auth-provider:\n      name: oidc\n      config:\n        id-token: " +
                            m_viewer.user.token.toUtf8() + "\n"));
    }

    void execPlugin()
    {
        const QString state = m_dir.filePath(QStringLiteral("plugin"));
        writeFile(state + "/token.1", "rejected-token-8c2f1e"); // first answer: 401, then a re-run
        writeFile(state + "/token", m_admin.user.token.toUtf8());
        exercise(config(
            QStringLiteral("exec"),
            "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      "
            "command: " FAKE_EXEC_PLUGIN "\n      args: [\"--state\", \"" +
                state.toUtf8() +
                "\", \"--client-secret=exec-arg-secret-77aa\"]\n"
                "      env:\n      - name: CLIENT_SECRET\n        value: exec-env-secret-51d0\n"
                "      interactiveMode: Never\n"));
    }

    void failingExecPlugin()
    {
        const QString state = m_dir.filePath(QStringLiteral("failing"));
        writeFile(state + "/exit-code", "1");
        writeFile(state + "/stderr", "error: the refresh token has expired\n");
        exercise(config(
            QStringLiteral("execfail"),
            "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      "
            "command: " FAKE_EXEC_PLUGIN "\n      args: [\"--state\", \"" +
                state.toUtf8() +
                "\", \"--client-secret=exec-arg-secret-77aa\"]\n"
                "      env:\n      - name: CLIENT_SECRET\n        value: exec-env-secret-51d0\n"));
        QVERIFY(m_errors.join(QLatin1Char('\n'))
                    .contains(QLatin1String("the refresh token has expired")));
    }

    void pluginOutputIsScrubbed_data()
    {
        QTest::addColumn<QByteArray>("stderrBytes");
        QTest::addColumn<QString>("kept");   // what the operator still reads
        QTest::addColumn<QString>("secret"); // what must be gone
        QTest::newRow("jwt") << QByteArray("refresh failed: id_token eyJhbGciOiJSUzI1NiJ9."
                                           "eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl is expired\n")
                             << "refresh failed"
                             << "eyJzdWIiOiJhbGljZSJ9";
        QTest::newRow("bearer") << QByteArray("GET https://sts: 401 (Authorization: Bearer "
                                              "abc.def-ghi)\n")
                                << "401"
                                << "abc.def-ghi";
        QTest::newRow("name=value") << QByteArray("using client_secret=hunter2-9f and "
                                                  "password: opensesame\n")
                                    << "using client_secret="
                                    << "hunter2-9f";
        QTest::newRow("json field")
            << QByteArray(R"({"access_token": "at-77c1", "error": "x"})") << "error"
            << "at-77c1";
        QTest::newRow("pem") << QByteArray("bad key:\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN\n"
                                           "-----END PRIVATE KEY-----\nbye\n")
                             << "bad key"
                             << "MIIEvQIBADAN";
        QTest::newRow("aws key id")
            << QByteArray("InvalidClientTokenId: AKIAIOSFODNN7EXAMPLE\n") << "InvalidClientTokenId"
            << "AKIAIOSFODNN7EXAMPLE";
        QTest::newRow("opaque") << QByteArray(
                                       "cache: dGhpcyBpcyBhIHZlcnkgbG9uZyBzZWNyZXQgdmFsdWU=\n")
                                << "cache"
                                << "dGhpcyBpcyBhIHZlcnkgbG9uZyBzZWNyZXQgdmFsdWU";
        QTest::newRow("plain message kept")
            << QByteArray("error: the refresh token has expired; run gcloud auth login\n")
            << "error: the refresh token has expired; run gcloud auth login"
            << "\x01";
    }

    void pluginOutputIsScrubbed()
    {
        QFETCH(QByteArray, stderrBytes);
        QFETCH(QString, kept);
        QFETCH(QString, secret);
        const QString out = scrubPluginOutput(stderrBytes);
        QVERIFY2(out.contains(kept), qPrintable(out));
        QVERIFY2(!out.contains(secret), qPrintable(out));
    }

    void pluginOutputIsCut()
    {
        QByteArray many;
        for (int i = 0; i < 200; ++i)
            many += "line " + QByteArray::number(i) + " of a plugin that talks a lot\n";
        const QString out = scrubPluginOutput(many);
        QVERIFY2(out.size() <= 410, qPrintable(QString::number(out.size())));
        QVERIFY(out.startsWith(QLatin1String("line 0 ")));
        QVERIFY(!out.contains(QLatin1String("line 199")));
        QVERIFY(out.endsWith(QStringLiteral("…")));
    }

    // A plugin that fails printing what it holds: the error says why, and nothing secret.
    void failingExecPluginPrintingSecrets()
    {
        const QString state = m_dir.filePath(QStringLiteral("chatty"));
        writeFile(state + "/exit-code", "1");
        const QByteArray jwt =
            "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzdGRlcnItand0In0.c3RkZXJyLXNpZ25hdHVyZS0wMDE";
        writeFile(state + "/stderr", "error: refresh failed for " + jwt +
                                         "\nAuthorization: Bearer stderr-bearer-5e1d\n"
                                         "refresh_token=stderr-refresh-7c3a\n" +
                                         QByteArray(5000, 'x') + "\n");
        m_secrets << QString::fromLatin1(jwt) << QStringLiteral("stderr-bearer-5e1d")
                  << QStringLiteral("stderr-refresh-7c3a") << QString(64, QLatin1Char('x'));
        const qsizetype before = m_errors.size();
        exercise(config(QStringLiteral("execchatty"),
                        "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      "
                        "command: " FAKE_EXEC_PLUGIN "\n      args: [\"--state\", \"" +
                            state.toUtf8() + "\"]\n"));
        const QString errors = m_errors.mid(before).join(QLatin1Char('\n'));
        QVERIFY2(errors.contains(QLatin1String("error: refresh failed for [redacted]")),
                 qPrintable(errors.left(2000)));
        for (const QString &e : m_errors.mid(before))
            QVERIFY2(e.size() < 1000, qPrintable(e.left(200)));
    }

    void execTokenRevokedByTheServer()
    {
        m_secrets << QStringLiteral("revoked-plugin-token-5a1e");
        QVERIFY(m_cluster->control(
            QStringLiteral("tokens"),
            R"({"token":"revoked-plugin-token-5a1e","user":"p","role":"admin"})"));
        const QString state = m_dir.filePath(QStringLiteral("revoked-state"));
        writeFile(state + "/token", "revoked-plugin-token-5a1e");
        const QString cfg =
            config(QStringLiteral("revoked"),
                   "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      "
                   "command: " FAKE_EXEC_PLUGIN "\n      args: [\"--state\", \"" +
                       state.toUtf8() + "\"]\n");
        exercise(cfg);
        QVERIFY(m_cluster->control(QStringLiteral("tokens"),
                                   R"({"token":"revoked-plugin-token-5a1e","revoke":true})"));
        const qsizetype before = m_errors.size();
        exercise(cfg); // 401, the plugin runs again, gives the same revoked token: 401 reported
        QVERIFY(m_errors.mid(before).join(QLatin1Char('\n')).contains(QLatin1String("(401)")));
        QFile runs(state + "/invocations");
        QVERIFY(runs.open(QIODevice::ReadOnly));
        QVERIFY(runs.readAll().count('\n') >= 3); // once before the revocation, twice for a 401
    }

    void rejectedToken()
    {
        exercise(config(QStringLiteral("rejected"), "    token: rejected-token-8c2f1e\n"));
        QVERIFY(m_errors.join(QLatin1Char('\n')).contains(QLatin1String("(401)")));
    }

    void proxyWithPassword()
    {
        ConnectProxy proxy;
        QVERIFY(proxy.start());
        exercise(config(QStringLiteral("proxy"), "    token: " + m_admin.user.token.toUtf8() + "\n",
                        "    proxy-url: http://operator:proxy-password-3e9b@127.0.0.1:" +
                            QByteArray::number(proxy.serverPort()) + "\n"));
        proxy.close();
        exercise(m_dir.filePath(QStringLiteral("proxy"))); // the proxy is gone now: an error
    }

    void nothingSecretWasLoggedOrReported()
    {
        QStringList log;
        {
            QMutexLocker lock(&g_logMutex);
            log = g_log;
        }
        // The most verbose level was on and the client did talk: requests, auth, watches.
        const QString all = log.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("faultboard.kube: GET /api/v1/nodes")),
                 qPrintable(all.left(2000)));
        QVERIFY(all.contains(QLatin1String("faultboard.kube.auth: ")));
        QVERIFY(all.contains(QLatin1String("faultboard.kube.watch: ")));
        QVERIFY(!m_errors.isEmpty());
        const QString errors = m_errors.join(QLatin1Char('\n'));
        QStringList needles = m_secrets;
        for (const QString &secret : std::as_const(m_secrets))
            if (secret.size() > 24)
                needles << secret.right(16); // a token cut short is still a leak
        for (const QString &secret : std::as_const(needles)) {
            QVERIFY2(
                !all.contains(secret),
                qPrintable(
                    QStringLiteral("a log line holds a secret starting %1").arg(secret.left(6))));
            QVERIFY2(
                !errors.contains(secret),
                qPrintable(
                    QStringLiteral("an error holds a secret starting %1").arg(secret.left(6))));
        }
        QVERIFY(!all.contains(QLatin1String("Bearer ")));
        QVERIFY(!all.contains(QLatin1String("Basic ")));
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"

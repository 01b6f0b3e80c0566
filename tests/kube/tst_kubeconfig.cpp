#include "kube/KubeConfig.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kube;

namespace {

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(text);
    return path;
}

const QByteArray BasicConfig = R"(apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster:
    server: https://10.0.0.1:6443
    certificate-authority: certs/ca.pem
- name: lab
  cluster:
    server: https://lab:6443
    insecure-skip-tls-verify: true
users:
- name: alice
  user:
    token: s3cret-token
- name: bob
  user:
    tokenFile: ./token
contexts:
- name: prod-alice
  context: {cluster: prod, user: alice, namespace: training}
- name: lab-bob
  context: {cluster: lab, user: bob}
current-context: prod-alice
)";

} // namespace

class TestKubeConfig : public QObject
{
    Q_OBJECT

private slots:
    void loadsAndResolvesCurrentContext()
    {
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("config"), BasicConfig);
        ApiError err;
        auto cfg = KubeConfig::loadFile(path, &err);
        QVERIFY2(cfg, qPrintable(err.toString()));
        QCOMPARE(cfg->contexts.size(), 2);
        auto ep = cfg->resolve({}, &err);
        QVERIFY2(ep, qPrintable(err.toString()));
        QCOMPARE(ep->contextName, QStringLiteral("prod-alice"));
        QCOMPARE(ep->server, QUrl(QStringLiteral("https://10.0.0.1:6443")));
        QCOMPARE(ep->user.token, QStringLiteral("s3cret-token"));
        QCOMPARE(ep->namespaceName, QStringLiteral("training"));
        // Relative paths resolve against the kubeconfig's folder.
        QCOMPARE(ep->cluster.certificateAuthority, dir.filePath(QStringLiteral("certs/ca.pem")));
    }

    void contextOverride()
    {
        QTemporaryDir dir;
        auto cfg = KubeConfig::loadFile(write(dir, QStringLiteral("config"), BasicConfig), nullptr);
        QVERIFY(cfg);
        ApiError err;
        auto ep = cfg->resolve(QStringLiteral("lab-bob"), &err);
        QVERIFY(ep);
        QVERIFY(ep->cluster.insecureSkipTlsVerify);
        QCOMPARE(ep->user.tokenFile, dir.filePath(QStringLiteral("token")));
        QCOMPARE(ep->namespaceName, QStringLiteral("default"));
        QVERIFY(!cfg->resolve(QStringLiteral("nope"), &err));
        QVERIFY(err.toString().contains(QLatin1String("\"nope\" does not exist")));
    }

    void kubeconfigEnvironmentIsUsed()
    {
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("config"), BasicConfig);
        KubeConfig::LoadOptions opts;
        opts.kubeconfigEnv = path;
        ApiError err;
        auto cfg = KubeConfig::load(opts, &err);
        QVERIFY2(cfg, qPrintable(err.toString()));
        QCOMPARE(cfg->currentContext, QStringLiteral("prod-alice"));
    }

    void malformedFileNamesFileAndKey_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected");
        QTest::newRow("yaml syntax") << QByteArray("clusters: [\n  - name: x\n   bad") << "line ";
        QTest::newRow("server list")
            << QByteArray("clusters:\n- name: a\n  cluster:\n    server: [1,2]\n")
            << "clusters[0].cluster.server: must be a string";
        QTest::newRow("bad base64")
            << QByteArray("clusters:\n- name: a\n  cluster:\n    server: https://x\n    "
                          "certificate-authority-data: '***'\n")
            << "clusters[0].cluster.certificate-authority-data: is not valid base64";
        QTest::newRow("exec without command")
            << QByteArray("users:\n- name: u\n  user:\n    exec:\n      apiVersion: "
                          "client.authentication.k8s.io/v1beta1\n")
            << "users[0].user.exec.command: is missing";
        QTest::newRow("exec v1 without interactiveMode")
            << QByteArray("users:\n- name: u\n  user:\n    exec:\n      apiVersion: "
                          "client.authentication.k8s.io/v1\n      command: x\n")
            << "interactiveMode: is required";
        QTest::newRow("insecure flag")
            << QByteArray("clusters:\n- name: a\n  cluster:\n    server: https://x\n    "
                          "insecure-skip-tls-verify: maybe\n")
            << "insecure-skip-tls-verify: must be true or false";
    }

    void malformedFileNamesFileAndKey()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("broken.yaml"), yaml);
        ApiError err;
        QVERIFY(!KubeConfig::loadFile(path, &err));
        QCOMPARE(err.kind, ApiError::Kind::Config);
        QVERIFY2(err.toString().contains(path), qPrintable(err.toString()));
        QVERIFY2(err.toString().contains(expected), qPrintable(err.toString()));
    }

    void missingFileIsClear()
    {
        ApiError err;
        QVERIFY(!KubeConfig::loadFile(QStringLiteral("/nonexistent/kubeconfig"), &err));
        QVERIFY(err.toString().contains(QLatin1String("/nonexistent/kubeconfig")));
    }

    void secretsNeverInErrors()
    {
        QTemporaryDir dir;
        // A context pointing to a missing cluster: the error must not quote the user's token.
        const QByteArray yaml =
            "users:\n- name: u\n  user:\n    token: very-secret-value\n"
            "contexts:\n- name: c\n  context: {cluster: missing, user: u}\ncurrent-context: c\n";
        auto cfg = KubeConfig::loadFile(write(dir, QStringLiteral("c"), yaml), nullptr);
        QVERIFY(cfg);
        ApiError err;
        QVERIFY(!cfg->resolve({}, &err));
        QVERIFY(!err.toString().contains(QLatin1String("very-secret-value")));
    }
};

QTEST_APPLESS_MAIN(TestKubeConfig)
#include "tst_kubeconfig.moc"

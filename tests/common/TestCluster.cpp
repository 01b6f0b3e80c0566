#include "tests/common/TestCluster.h"

#include "kube/ApiCall.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

namespace {

QString realclusterScript()
{
    return QStringLiteral(FAULTBOARD_SOURCE_DIR "/scripts/realcluster.sh");
}

} // namespace

TestCluster::TestCluster(const QStringList &kubesimArgs)
    : m_args(kubesimArgs)
{
    m_process.setProgram(QStringLiteral(KUBESIM_PATH));
    // FAULTBOARD_TEST_KUBESIM_ARGS: more kubesim arguments for a whole test run, e.g. ctest's
    // second registration of tst_drain with "--api-level 1.20".
    const QStringList extra = QString::fromLocal8Bit(qgetenv("FAULTBOARD_TEST_KUBESIM_ARGS"))
                                  .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    m_process.setArguments(kubesimArgs + extra);
}

TestCluster::~TestCluster()
{
    m_client.reset();
    if (isReal())
        stopReal();
    else
        m_process.stop();
}

TestCluster::Backend TestCluster::backend()
{
    const QByteArray b = qgetenv("FAULTBOARD_TEST_BACKEND");
    if (b.isEmpty() || b == "kubesim")
        return Backend::Kubesim;
    if (b == "real")
        return Backend::Real;
    qFatal("FAULTBOARD_TEST_BACKEND is \"%s\"; it must be kubesim or real", b.constData());
}

QString TestCluster::context(User user)
{
    const bool real = isReal();
    switch (user) {
    case User::Admin:
        return real ? QStringLiteral("admin") : QStringLiteral("kubesim");
    case User::AdminCert:
        return real ? QStringLiteral("admin-cert") : QStringLiteral("kubesim-cert");
    case User::Viewer:
        return real ? QStringLiteral("viewer") : QStringLiteral("kubesim-viewer");
    case User::Sre:
        return real ? QStringLiteral("sre") : QStringLiteral("kubesim");
    }
    return {};
}

QString TestCluster::adminUserName()
{
    return isReal() ? QStringLiteral("admin") : QStringLiteral("kubesim-admin");
}

bool TestCluster::start(int readyTimeoutMs)
{
    if (!m_apiServerArgs.isEmpty() && !isReal()) {
        m_setupError = QStringLiteral("kube-apiserver flags (%1) need the real backend")
                           .arg(m_apiServerArgs.join(QLatin1Char(' ')));
        return false;
    }
    if (isReal()) {
        if (!startReal(readyTimeoutMs))
            return false;
    } else {
        m_process.start();
        if (!m_process.waitForReady(readyTimeoutMs))
            return false;
    }
    m_client = std::make_unique<kube::ApiClient>(endpoint());
    return true;
}

QString TestCluster::errorString() const
{
    if (!m_setupError.isEmpty())
        return m_setupError;
    return isReal() ? m_realError : m_process.errorString();
}

QString TestCluster::kubeconfigPath() const
{
    if (isReal())
        return m_realPath.isEmpty() ? QString() : m_realPath + QStringLiteral("/kubeconfig");
    return m_process.kubeconfigPath();
}

QUrl TestCluster::serverUrl() const
{
    return isReal() ? m_realUrl : m_process.serverUrl();
}

// One control plane per TestCluster: `realcluster.sh up` in a private folder, stopped by the
// destructor, and by the plane itself when this process dies without it (a crashed test). With
// FAULTBOARD_TEST_REALCLUSTER_DIR, the plane that `realcluster.sh up` started there by hand is
// used as it is and left running (benchmarks at a scale that takes minutes to load).
bool TestCluster::startReal(int readyTimeoutMs)
{
    const QString given = QString::fromLocal8Bit(qgetenv("FAULTBOARD_TEST_REALCLUSTER_DIR"));
    if (!given.isEmpty()) {
        if (!m_apiServerArgs.isEmpty()) {
            m_realError = QStringLiteral("the plane in FAULTBOARD_TEST_REALCLUSTER_DIR runs "
                                         "without the kube-apiserver flags this test needs (%1)")
                              .arg(m_apiServerArgs.join(QLatin1Char(' ')));
            return false;
        }
        m_realPath = QDir(given).absolutePath();
        return readRealPorts();
    }
    m_realDir =
        std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/realcluster-XXXXXX"));
    if (!m_realDir->isValid()) {
        m_realError = QStringLiteral("cannot make a folder for the control plane: %1")
                          .arg(m_realDir->errorString());
        return false;
    }
    m_realDir->setAutoRemove(qgetenv("FAULTBOARD_KEEP_REALCLUSTER") != "1");
    QProcess up;
    up.setProgram(QStringLiteral("bash"));
    m_realPath = m_realDir->path();
    QStringList args{realclusterScript(), QStringLiteral("up"), m_realPath,
                     QStringLiteral("--owner"),
                     QString::number(QCoreApplication::applicationPid())};
    for (const QString &flag : std::as_const(m_apiServerArgs))
        args << QStringLiteral("--apiserver-arg") << flag;
    up.setArguments(args + m_args);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("FAULTBOARD_KUBESIM")))
        env.insert(QStringLiteral("FAULTBOARD_KUBESIM"), QStringLiteral(KUBESIM_PATH));
    up.setProcessEnvironment(env);
    up.start();
    // The build (when the binary cache is empty) is ctest's realcluster_build fixture, so this is
    // only the start: etcd, the API server, the controllers and the nodes.
    const int timeout = std::max(readyTimeoutMs, 180000);
    if (!up.waitForFinished(timeout)) {
        up.kill();
        up.waitForFinished();
        m_realError =
            QStringLiteral("realcluster.sh up did not finish in %1 s").arg(timeout / 1000);
        stopReal();
        return false;
    }
    if (up.exitStatus() != QProcess::NormalExit || up.exitCode() != 0) {
        m_realError = QStringLiteral("realcluster.sh up failed: %1")
                          .arg(QString::fromUtf8(up.readAllStandardError()).trimmed());
        stopReal();
        return false;
    }
    return readRealPorts();
}

bool TestCluster::readRealPorts()
{
    QFile ports(m_realPath + QStringLiteral("/ports"));
    if (!ports.open(QIODevice::ReadOnly)) {
        m_realError = QStringLiteral("realcluster.sh up wrote no ports file");
        return false;
    }
    for (const QByteArray &line : ports.readAll().split('\n')) {
        if (line.startsWith("APISERVER_PORT="))
            m_realUrl =
                QUrl(QStringLiteral("https://127.0.0.1:%1")
                         .arg(QString::fromLatin1(line.mid(int(qstrlen("APISERVER_PORT="))))));
        else if (line.startsWith("ETCD_PORT="))
            m_etcdUrl = QUrl(QStringLiteral("http://127.0.0.1:%1")
                                 .arg(QString::fromLatin1(line.mid(int(qstrlen("ETCD_PORT="))))));
    }
    return true;
}

bool TestCluster::compactStorage()
{
    if (!isReal())
        return control(QStringLiteral("compact"));
    // etcd's gRPC gateway: the latest revision from a range read's header, then a compaction to
    // it. Revisions are int64 and travel as JSON strings.
    QNetworkAccessManager manager;
    auto post = [&](const char *path, const QJsonObject &body, QJsonObject *answer) {
        QNetworkRequest req(m_etcdUrl.resolved(QUrl(QString::fromLatin1(path))));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply = manager.post(req, QJsonDocument(body).toJson());
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 30000) ||
            reply->error() != QNetworkReply::NoError) {
            qWarning("etcd %s failed: %s %s", path, qPrintable(reply->errorString()),
                     reply->readAll().constData());
            delete reply;
            return false;
        }
        *answer = QJsonDocument::fromJson(reply->readAll()).object();
        delete reply;
        return true;
    };
    QJsonObject range, compacted;
    if (!post("/v3/kv/range", {{QStringLiteral("key"), QStringLiteral("AA==")}}, &range))
        return false;
    const QString revision =
        range.value(QStringLiteral("header")).toObject().value(QStringLiteral("revision")).toString();
    if (revision.isEmpty()) {
        qWarning("etcd's range answer has no revision: %s",
                 QJsonDocument(range).toJson(QJsonDocument::Compact).constData());
        return false;
    }
    return post("/v3/kv/compaction",
                {{QStringLiteral("revision"), revision}, {QStringLiteral("physical"), true}},
                &compacted);
}

void TestCluster::stopReal()
{
    if (!m_realDir || !m_realDir->isValid())
        return;
    QProcess down;
    down.start(QStringLiteral("bash"),
               {realclusterScript(), QStringLiteral("down"), m_realDir->path()});
    if (!down.waitForFinished(60000))
        qWarning("realcluster.sh down did not finish");
    m_realDir.reset();
}

kube::ClusterEndpoint TestCluster::endpoint(const QString &context) const
{
    kube::ApiError error;
    auto config = kube::KubeConfig::loadFile(kubeconfigPath(), &error);
    if (!config)
        qFatal("the test cluster's kubeconfig does not load: %s", qPrintable(error.toString()));
    auto ep = config->resolve(context, &error);
    if (!ep)
        qFatal("the test cluster's kubeconfig does not resolve: %s", qPrintable(error.toString()));
    return *ep;
}

kube::ApiResponse TestCluster::request(const QByteArray &verb, const QString &path,
                                       const QByteArray &body, const QByteArray &contentType,
                                       const QString &context)
{
    std::unique_ptr<kube::ApiClient> other;
    kube::ApiClient *client = m_client.get();
    if (!context.isEmpty()) {
        other = std::make_unique<kube::ApiClient>(endpoint(context));
        client = other.get();
    }
    kube::ApiRequest req;
    req.verb = verb;
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    req.path = q < 0 ? path : path.left(q);
    if (q >= 0)
        req.query = QUrlQuery(path.mid(q + 1));
    req.body = body;
    req.contentType = contentType;
    req.maxRetries = 0; // the test sees the server's own answers, failure rules included
    kube::ApiResponse response;
    bool done = false;
    kube::ApiCall *call = client->send(req);
    QObject::connect(call, &kube::ApiCall::finished, [&](const kube::ApiResponse &r) {
        response = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        response.error = kube::ApiError::cancelled(QStringLiteral("test request timed out"));
    return response;
}

bool TestCluster::control(const QString &what, const QByteArray &json)
{
    if (isReal()) {
        qWarning("/_sim/%s is kubesim's fault injection: a test that needs it is kubesim-only",
                 qPrintable(what));
        return false;
    }
    const kube::ApiResponse r = request("POST", QStringLiteral("/_sim/") + what, json);
    if (!r.ok()) {
        qWarning("kubesim control %s failed: %s", qPrintable(what), qPrintable(r.error.toString()));
        return false;
    }
    return true;
}

bool TestCluster::setCondition(const QString &node, const QString &type, const QString &status,
                               const QString &reason, const QString &message)
{
    const QJsonObject condition{{QStringLiteral("type"), type},
                                {QStringLiteral("status"), status},
                                {QStringLiteral("reason"), reason},
                                {QStringLiteral("message"), message}};
    return changeNode(
        QJsonObject{{QStringLiteral("node"), node}, {QStringLiteral("condition"), condition}});
}

bool TestCluster::changeNode(const QJsonObject &action)
{
    if (!isReal())
        return control(QStringLiteral("inject"),
                       QJsonDocument(action).toJson(QJsonDocument::Compact));
    const QString node = action.value(QStringLiteral("node")).toString();
    QJsonObject status;
    if (action.contains(QStringLiteral("condition"))) {
        QJsonObject c = action.value(QStringLiteral("condition")).toObject();
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        c.insert(QStringLiteral("lastHeartbeatTime"), now);
        if (!c.contains(QStringLiteral("lastTransitionTime"))) // a test may name its own
            c.insert(QStringLiteral("lastTransitionTime"), now);
        status.insert(QStringLiteral("conditions"), QJsonArray{c});
    }
    if (action.contains(QStringLiteral("allocatable")))
        status.insert(QStringLiteral("allocatable"), action.value(QStringLiteral("allocatable")));
    const QJsonObject patch{{QStringLiteral("status"), status}};
    const kube::ApiResponse r =
        request("PATCH", QStringLiteral("/api/v1/nodes/%1/status").arg(node),
                QJsonDocument(patch).toJson(QJsonDocument::Compact),
                "application/strategic-merge-patch+json");
    if (!r.ok())
        qWarning("changing node %s failed: %s", qPrintable(node), qPrintable(r.error.toString()));
    return r.ok();
}

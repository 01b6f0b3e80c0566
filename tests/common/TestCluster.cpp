#include "tests/common/TestCluster.h"

#include "kube/ApiCall.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

TestCluster::TestCluster(const QStringList &kubesimArgs)
    : m_args(kubesimArgs)
{
    m_process.setProgram(QStringLiteral(KUBESIM_PATH));
    m_process.setArguments(kubesimArgs);
}

TestCluster::~TestCluster()
{
    m_client.reset();
    m_process.stop();
}

bool TestCluster::start(int readyTimeoutMs)
{
    m_process.start();
    if (!m_process.waitForReady(readyTimeoutMs))
        return false;
    m_client = std::make_unique<kube::ApiClient>(endpoint());
    return true;
}

kube::ClusterEndpoint TestCluster::endpoint(const QString &context) const
{
    kube::ApiError error;
    auto config = kube::KubeConfig::loadFile(kubeconfigPath(), &error);
    if (!config)
        qFatal("kubesim's kubeconfig does not load: %s", qPrintable(error.toString()));
    auto ep = config->resolve(context, &error);
    if (!ep)
        qFatal("kubesim's kubeconfig does not resolve: %s", qPrintable(error.toString()));
    return *ep;
}

kube::ApiResponse TestCluster::request(const QByteArray &verb, const QString &path, const QByteArray &body,
                                       const QByteArray &contentType, const QString &context)
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
    const QJsonObject action{{QStringLiteral("node"), node},
                             {QStringLiteral("condition"),
                              QJsonObject{{QStringLiteral("type"), type},
                                          {QStringLiteral("status"), status},
                                          {QStringLiteral("reason"), reason},
                                          {QStringLiteral("message"), message}}}};
    return control(QStringLiteral("inject"), QJsonDocument(action).toJson(QJsonDocument::Compact));
}

#include "KubeTestSupport.h"

#include "kube/ApiCall.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include <nlohmann/json.hpp>

namespace kubetest {

kube::ApiResponse roundTrip(kube::ApiClient &client, const kube::ApiRequest &request, int timeoutMs)
{
    kube::ApiResponse response;
    bool done = false;
    kube::ApiCall *call = client.send(request);
    QObject::connect(call, &kube::ApiCall::finished, [&](const kube::ApiResponse &r) {
        response = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs)) {
        call->cancel();
        response.error = kube::ApiError::cancelled(QStringLiteral("test: no answer in time"));
    }
    return response;
}

kube::ApiResponse get(kube::ApiClient &client, const QString &path, int timeoutMs)
{
    kube::ApiRequest req;
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    req.path = q < 0 ? path : path.left(q);
    if (q >= 0)
        req.query = QUrlQuery(path.mid(q + 1));
    req.context = QStringLiteral("GET ") + path;
    return roundTrip(client, req, timeoutMs);
}

int canPatchNodes(kube::ApiClient &client)
{
    kube::ApiRequest req;
    req.verb = "POST";
    req.path = QStringLiteral("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews");
    req.body = R"({"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview",)"
               R"("spec":{"resourceAttributes":{"verb":"patch","resource":"nodes"}}})";
    const kube::ApiResponse r = roundTrip(client, req);
    if (!r.ok())
        return -1;
    const auto j = nlohmann::json::parse(r.body.begin(), r.body.end(), nullptr, false);
    if (!j.is_object() || !j.contains("status"))
        return -1;
    return j["status"].value("allowed", false) ? 1 : 0;
}

QString writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s: %s", qPrintable(path), qPrintable(f.errorString()));
    f.write(data);
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return path;
}

std::unique_ptr<kube::ApiClient> clientFor(const QString &kubeconfig, const QString &context,
                                           kube::ApiError *error)
{
    auto config = kube::KubeConfig::loadFile(kubeconfig, error);
    if (!config)
        return nullptr;
    auto ep = config->resolve(context, error);
    if (!ep)
        return nullptr;
    return std::make_unique<kube::ApiClient>(*ep);
}

QByteArray podJson(const TestPod &pod)
{
    QJsonObject meta{{QStringLiteral("name"), pod.name},
                     {QStringLiteral("namespace"), pod.namespaceName}};
    if (!pod.ownerKind.isEmpty()) {
        const QString apiVersion = pod.ownerKind == QLatin1String("Job")
                                       ? QStringLiteral("batch/v1")
                                       : QStringLiteral("apps/v1");
        meta.insert(QStringLiteral("ownerReferences"),
                    QJsonArray{QJsonObject{
                        {QStringLiteral("apiVersion"), apiVersion},
                        {QStringLiteral("kind"), pod.ownerKind},
                        {QStringLiteral("name"), pod.ownerName},
                        {QStringLiteral("uid"), QString(pod.ownerName + QStringLiteral("-uid"))},
                        {QStringLiteral("controller"), pod.controller}}});
    }
    QJsonObject annotations;
    if (pod.mirror)
        annotations.insert(QStringLiteral("kubernetes.io/config.mirror"),
                           QStringLiteral("0123abcd"));
    // A real kube-apiserver ignores the status of a pod it creates: the kubelet stand-in of
    // scripts/realcluster.sh sets it, and reads the wanted one here (kubesim ignores these).
    if (pod.phase != QLatin1String("Running"))
        annotations.insert(QStringLiteral("standin.faultboard.io/phase"), pod.phase);
    if (!pod.ready)
        annotations.insert(QStringLiteral("standin.faultboard.io/ready"), QStringLiteral("false"));
    if (!annotations.isEmpty())
        meta.insert(QStringLiteral("annotations"), annotations);
    if (!pod.labels.isEmpty()) {
        QJsonObject labels;
        for (auto it = pod.labels.begin(); it != pod.labels.end(); ++it)
            labels.insert(it.key(), it.value());
        meta.insert(QStringLiteral("labels"), labels);
    }
    QJsonArray containers;
    int i = 0;
    for (const QString &image : pod.images)
        containers.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("c%1").arg(i++)},
                                      {QStringLiteral("image"), image}});
    QJsonObject spec{{QStringLiteral("nodeName"), pod.node},
                     {QStringLiteral("containers"), containers},
                     {QStringLiteral("terminationGracePeriodSeconds"), pod.graceSeconds}};
    if (pod.emptyDir)
        spec.insert(QStringLiteral("volumes"),
                    QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("scratch")},
                                           {QStringLiteral("emptyDir"), QJsonObject()}}});
    const QJsonObject status{
        {QStringLiteral("phase"), pod.phase},
        {QStringLiteral("conditions"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Ready")},
                                {QStringLiteral("status"),
                                 pod.ready ? QStringLiteral("True") : QStringLiteral("False")}}}}};
    const QJsonObject obj{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                          {QStringLiteral("kind"), QStringLiteral("Pod")},
                          {QStringLiteral("metadata"), meta},
                          {QStringLiteral("spec"), spec},
                          {QStringLiteral("status"), status}};
    return QJsonDocument(obj).toJson(QJsonDocument::Compact);
}

bool create(kube::ApiClient &client, const QString &collectionPath, const QByteArray &json)
{
    kube::ApiRequest req;
    req.verb = "POST";
    req.path = collectionPath;
    req.body = json;
    req.context = QStringLiteral("create in ") + collectionPath;
    const kube::ApiResponse r = roundTrip(client, req);
    if (!r.ok())
        qWarning("%s", qPrintable(r.error.toString()));
    return r.ok();
}

bool ensureNamespace(kube::ApiClient &client, const QString &name)
{
    if (get(client, QStringLiteral("/api/v1/namespaces/") + name).ok())
        return true;
    const QJsonObject ns{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                         {QStringLiteral("kind"), QStringLiteral("Namespace")},
                         {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}};
    return create(client, QStringLiteral("/api/v1/namespaces"),
                  QJsonDocument(ns).toJson(QJsonDocument::Compact));
}

bool createPod(kube::ApiClient &client, const TestPod &pod)
{
    if (!ensureNamespace(client, pod.namespaceName) ||
        !create(client, QStringLiteral("/api/v1/namespaces/%1/pods").arg(pod.namespaceName),
                podJson(pod)))
        return false;
    // Done when the pod is in its phase and readiness: at once on kubesim, which keeps the status
    // it was given; on a real server once the kubelet (stand-in) has set it.
    if (pod.phase == QLatin1String("Pending"))
        return true;
    const QString path =
        QStringLiteral("/api/v1/namespaces/%1/pods/%2").arg(pod.namespaceName, pod.name);
    const bool settled = QTest::qWaitFor(
        [&] {
            const kube::ApiResponse r = get(client, path);
            const auto j = nlohmann::json::parse(r.body.begin(), r.body.end(), nullptr, false);
            if (!r.ok() || !j.is_object())
                return false;
            const nlohmann::json status = j.value("status", nlohmann::json::object());
            if (status.value("phase", "") != pod.phase.toStdString())
                return false;
            if (pod.phase != QLatin1String("Running"))
                return true;
            for (const auto &c : status.value("conditions", nlohmann::json::array()))
                if (c.value("type", "") == "Ready")
                    return (c.value("status", "") == "True") == pod.ready;
            return false;
        },
        15000);
    if (!settled)
        qWarning("pod %s/%s did not reach phase %s", qPrintable(pod.namespaceName),
                 qPrintable(pod.name), qPrintable(pod.phase));
    return settled;
}

bool createIdleDaemonSet(kube::ApiClient &client, const QString &ns, const QString &name)
{
    const QJsonObject labels{{QStringLiteral("app"), name}};
    const QJsonObject nodeSelector{
        {QStringLiteral("faultboard.io/no-such-label"), QStringLiteral("x")}};
    const QJsonArray containers{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("agent")},
                    {QStringLiteral("image"), QStringLiteral("registry.example/agent:1")}}};
    const QJsonObject podTemplate{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), labels}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("nodeSelector"), nodeSelector},
                                             {QStringLiteral("containers"), containers}}}};
    const QJsonObject spec{
        {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), labels}}},
        {QStringLiteral("template"), podTemplate}};
    const QJsonObject ds{
        {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
        {QStringLiteral("kind"), QStringLiteral("DaemonSet")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("spec"), spec}};
    return ensureNamespace(client, ns) &&
           create(client, QStringLiteral("/apis/apps/v1/namespaces/%1/daemonsets").arg(ns),
                  QJsonDocument(ds).toJson(QJsonDocument::Compact));
}

KubectlRun kubectl(const QString &kubeconfig, const QStringList &args, int timeoutMs)
{
    static QTemporaryDir cacheDir;
    QProcess p;
    p.setProgram(QStringLiteral("kubectl"));
    p.setArguments(QStringList{QStringLiteral("--kubeconfig"), kubeconfig,
                               QStringLiteral("--cache-dir"), cacheDir.path()} +
                   args);
    p.start();
    KubectlRun run;
    if (!p.waitForStarted(10000)) {
        run.err = "kubectl did not start (scripts/deps.sh test installs Debian's kubernetes-client "
                  "when no kubectl is on PATH): " +
                  p.errorString().toUtf8();
        return run;
    }
    // The event loop keeps running meanwhile: servers living in the test process (proxies) must
    // answer kubectl.
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, timeoutMs)) {
        p.kill();
        p.waitForFinished();
        run.err = "kubectl did not finish in time";
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out += p.readAllStandardOutput();
    run.err += p.readAllStandardError();
    return run;
}

} // namespace kubetest

namespace kubetest {

namespace {

QString show(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("(none)");
}

QString show(const kube::StringMap &m)
{
    QStringList parts;
    for (const auto &[k, v] : m)
        parts << k + QLatin1Char('=') + v;
    return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

QString show(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

QString show(bool b)
{
    return b ? QStringLiteral("true") : QStringLiteral("false");
}

template <typename T> QString differ(const QString &field, const T &a, const T &b)
{
    return a == b ? QString()
                  : field + QStringLiteral(": ") + show(a) + QStringLiteral(" vs ") + show(b);
}

} // namespace

QString nodeDifference(const kube::Node &a, const kube::Node &b)
{
    QStringList d;
    d << differ(QStringLiteral("name"), a.name, b.name)
      << differ(QStringLiteral("namespace"), a.namespaceName, b.namespaceName)
      << differ(QStringLiteral("uid"), a.uid, b.uid)
      << differ(QStringLiteral("resourceVersion"), a.resourceVersion, b.resourceVersion)
      << differ(QStringLiteral("creationTimestamp"), a.creationTimestamp, b.creationTimestamp)
      << differ(QStringLiteral("deletionTimestamp"), a.deletionTimestamp, b.deletionTimestamp)
      << differ(QStringLiteral("labels"), a.labels, b.labels)
      << differ(QStringLiteral("annotations"), a.annotations, b.annotations)
      << differ(QStringLiteral("unschedulable"), a.unschedulable, b.unschedulable)
      << differ(QStringLiteral("capacity"), a.capacity, b.capacity)
      << differ(QStringLiteral("allocatable"), a.allocatable, b.allocatable);
    if (a.taints.size() != b.taints.size())
        d << QStringLiteral("taints: %1 vs %2").arg(a.taints.size()).arg(b.taints.size());
    for (std::size_t i = 0; i < std::min(a.taints.size(), b.taints.size()); ++i) {
        const QString p = QStringLiteral("taints[%1].").arg(i);
        const kube::Taint &x = a.taints[i], &y = b.taints[i];
        d << differ(p + QStringLiteral("key"), x.key, y.key)
          << differ(p + QStringLiteral("value"), x.value, y.value)
          << differ(p + QStringLiteral("effect"), x.effect, y.effect)
          << differ(p + QStringLiteral("timeAdded"), x.timeAdded, y.timeAdded);
    }
    if (a.conditions.size() != b.conditions.size())
        d << QStringLiteral("conditions: %1 vs %2")
                 .arg(a.conditions.size())
                 .arg(b.conditions.size());
    for (std::size_t i = 0; i < std::min(a.conditions.size(), b.conditions.size()); ++i) {
        const QString p = QStringLiteral("conditions[%1].").arg(i);
        const kube::NodeCondition &x = a.conditions[i], &y = b.conditions[i];
        d << differ(p + QStringLiteral("type"), x.type(), y.type())
          << differ(p + QStringLiteral("status"), x.status(), y.status())
          << differ(p + QStringLiteral("reason"), x.reason(), y.reason())
          << differ(p + QStringLiteral("message"), x.message(), y.message())
          << differ(p + QStringLiteral("lastTransitionTime"), x.lastTransitionTime,
                    y.lastTransitionTime)
          << differ(p + QStringLiteral("lastHeartbeatTime"), x.lastHeartbeatTime,
                    y.lastHeartbeatTime);
    }
    if (a.addresses.size() != b.addresses.size())
        d << QStringLiteral("addresses: %1 vs %2").arg(a.addresses.size()).arg(b.addresses.size());
    for (std::size_t i = 0; i < std::min(a.addresses.size(), b.addresses.size()); ++i) {
        const QString p = QStringLiteral("addresses[%1].").arg(i);
        d << differ(p + QStringLiteral("type"), a.addresses[i].type, b.addresses[i].type)
          << differ(p + QStringLiteral("address"), a.addresses[i].address, b.addresses[i].address);
    }
    const kube::NodeSystemInfo &x = *a.nodeInfo, &y = *b.nodeInfo;
    d << differ(QStringLiteral("nodeInfo.kubeletVersion"), x.kubeletVersion, y.kubeletVersion)
      << differ(QStringLiteral("nodeInfo.osImage"), x.osImage, y.osImage)
      << differ(QStringLiteral("nodeInfo.kernelVersion"), x.kernelVersion, y.kernelVersion)
      << differ(QStringLiteral("nodeInfo.containerRuntimeVersion"), x.containerRuntimeVersion,
                y.containerRuntimeVersion)
      << differ(QStringLiteral("nodeInfo.architecture"), x.architecture, y.architecture)
      << differ(QStringLiteral("nodeInfo.operatingSystem"), x.operatingSystem, y.operatingSystem);
    d.removeAll(QString());
    return d.join(QStringLiteral("; "));
}

kube::NodeActionResult waitForAction(kube::NodeActions &actions,
                                     const std::function<quint64(kube::NodeActions &)> &start,
                                     int timeoutMs)
{
    std::optional<kube::NodeActionResult> result;
    QObject context;
    const quint64 id = start(actions);
    QObject::connect(&actions, &kube::NodeActions::finished, &context,
                     [&](quint64 finishedId, const kube::NodeActionResult &r) {
                         if (finishedId == id)
                             result = r;
                     });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs))
        qFatal("node action did not finish");
    return *result;
}

} // namespace kubetest

// The kubelet for a real control plane whose nodes have none (scripts/realcluster.sh): a pod
// bound to a node becomes Running and Ready, and a pod being deleted is removed once its grace
// period has passed. It speaks to kube-apiserver through Faultboard's own client, with the
// kubeconfig the fixture wrote, and looks at the pods every 200 ms.
//
// Two annotations let a test ask for another outcome than Running and Ready:
//   standin.faultboard.io/phase: Succeeded | Failed | Pending (stays Pending)
//   standin.faultboard.io/ready: "false"

#include "kube/ApiCall.h"
#include "kube/ApiClient.h"
#include "kube/KubeConfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QSet>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <cstdio>

using nlohmann::json;

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

class Standin : public QObject
{
public:
    explicit Standin(const kube::ClusterEndpoint &endpoint)
        : m_client(endpoint)
    {
        connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
        m_timer.start(200);
        tick();
    }

private:
    kube::ApiClient m_client;
    QTimer m_timer;
    bool m_listing = false;
    bool m_announced = false;
    QSet<QString> m_busy;    // uids with a request in flight
    QSet<QString> m_started; // uids whose status we set

    void tick()
    {
        if (m_listing)
            return;
        m_listing = true;
        kube::ApiRequest req;
        req.path = QStringLiteral("/api/v1/pods");
        req.context = QStringLiteral("list pods");
        kube::ApiCall *call = m_client.send(req);
        connect(call, &kube::ApiCall::finished, this, [this](const kube::ApiResponse &r) {
            m_listing = false;
            if (!r.ok()) {
                std::fprintf(stderr, "kubelet-standin: %s\n", qPrintable(r.error.toString()));
                return;
            }
            if (!m_announced) {
                m_announced = true;
                std::fprintf(stderr, "kubelet-standin: serving the pods of every node\n");
            }
            const json list = json::parse(r.body.begin(), r.body.end(), nullptr, false);
            if (!list.is_object() || !list["items"].is_array())
                return;
            QSet<QString> seen;
            for (const json &pod : list["items"])
                handle(pod, seen);
            m_started.intersect(seen);
        });
    }

    void handle(const json &pod, QSet<QString> &seen)
    {
        const json &meta = pod.value("metadata", json::object());
        const QString uid = QString::fromStdString(meta.value("uid", ""));
        const QString ns = QString::fromStdString(meta.value("namespace", ""));
        const QString name = QString::fromStdString(meta.value("name", ""));
        const std::string node = pod.value("spec", json::object()).value("nodeName", "");
        const std::string phase = pod.value("status", json::object()).value("phase", "");
        seen.insert(uid);
        if (m_busy.contains(uid) || node.empty())
            return;
        const QString path = QStringLiteral("/api/v1/namespaces/%1/pods/%2").arg(ns, name);
        if (meta.contains("deletionTimestamp")) {
            const QDateTime at = QDateTime::fromString(
                QString::fromStdString(meta.value("deletionTimestamp", "")), Qt::ISODate);
            if (at.isValid() && at > QDateTime::currentDateTimeUtc())
                return; // still within its grace period
            const json options = {{"apiVersion", "v1"},
                                  {"kind", "DeleteOptions"},
                                  {"gracePeriodSeconds", 0},
                                  {"preconditions", {{"uid", uid.toStdString()}}}};
            send("DELETE", path, options, "application/json", uid);
            return;
        }
        if (phase != "Pending" || m_started.contains(uid))
            return;
        const json annotations = meta.value("annotations", json::object());
        const std::string wanted = annotations.value("standin.faultboard.io/phase", "Running");
        if (wanted == "Pending")
            return;
        const bool running = wanted == "Running";
        const bool ready =
            running && annotations.value("standin.faultboard.io/ready", "") != "false";
        const std::string t = now().toStdString();
        const char *readyStatus = ready ? "True" : "False";
        json containers = json::array();
        for (const json &c : pod["spec"].value("containers", json::array())) {
            json state = running ? json{{"running", {{"startedAt", t}}}}
                                 : json{{"terminated",
                                         {{"exitCode", wanted == "Succeeded" ? 0 : 1},
                                          {"reason", wanted == "Succeeded" ? "Completed" : "Error"},
                                          {"startedAt", t},
                                          {"finishedAt", t}}}};
            containers.push_back({{"name", c.value("name", "")},
                                  {"image", c.value("image", "")},
                                  {"imageID", ""},
                                  {"ready", ready},
                                  {"started", running},
                                  {"restartCount", 0},
                                  {"state", state}});
        }
        auto condition = [&](const char *type, const char *status) {
            return json{{"type", type},
                        {"status", status},
                        {"lastProbeTime", nullptr},
                        {"lastTransitionTime", t}};
        };
        const json patch = {{"status",
                             {{"phase", wanted},
                              {"hostIP", "127.0.0.1"},
                              {"podIP", "127.0.0.1"},
                              {"startTime", t},
                              {"conditions", json::array({condition("Initialized", "True"),
                                                          condition("Ready", readyStatus),
                                                          condition("ContainersReady", readyStatus),
                                                          condition("PodScheduled", "True")})},
                              {"containerStatuses", containers}}}};
        send("PATCH", path + QStringLiteral("/status"), patch, "application/merge-patch+json", uid,
             true);
    }

    void send(const QByteArray &verb, const QString &path, const json &body,
              const QByteArray &contentType, const QString &uid, bool marksStarted = false)
    {
        kube::ApiRequest req;
        req.verb = verb;
        req.path = path;
        req.body = QByteArray::fromStdString(body.dump());
        req.contentType = contentType;
        req.context = QString::fromLatin1(verb) + QLatin1Char(' ') + path;
        m_busy.insert(uid);
        kube::ApiCall *call = m_client.send(req);
        connect(call, &kube::ApiCall::finished, this,
                [this, uid, marksStarted](const kube::ApiResponse &r) {
                    m_busy.remove(uid);
                    if (r.ok() && marksStarted)
                        m_started.insert(uid);
                    // A pod gone or changed meanwhile is seen again on the next look.
                    if (!r.ok() && r.status != 404 && r.status != 409)
                        std::fprintf(stderr, "kubelet-standin: %s\n",
                                     qPrintable(r.error.toString()));
                });
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kubelet_standin"));
    QCommandLineParser cli;
    cli.setApplicationDescription(
        QStringLiteral("Runs and removes pods for a control plane whose nodes have no kubelet."));
    cli.addHelpOption();
    QCommandLineOption kubeconfigOpt(QStringLiteral("kubeconfig"),
                                     QStringLiteral("The kubeconfig to use."),
                                     QStringLiteral("FILE"));
    QCommandLineOption contextOpt(QStringLiteral("context"),
                                  QStringLiteral("Its context (default: the current one)."),
                                  QStringLiteral("NAME"));
    cli.addOptions({kubeconfigOpt, contextOpt});
    cli.process(app);
    if (!cli.isSet(kubeconfigOpt)) {
        std::fprintf(stderr, "kubelet-standin: --kubeconfig FILE is required\n");
        return 2;
    }
    kube::ApiError error;
    const auto config = kube::KubeConfig::loadFile(cli.value(kubeconfigOpt), &error);
    const auto endpoint = config ? config->resolve(cli.value(contextOpt), &error) : std::nullopt;
    if (!endpoint) {
        std::fprintf(stderr, "kubelet-standin: %s\n", qPrintable(error.toString()));
        return 2;
    }
    Standin standin(*endpoint);
    return app.exec();
}

#pragma once

#include "kube/ApiClient.h"
#include "kube/Node.h"
#include "kube/NodeActions.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>

// Small helpers shared by the kube tests: waiting for one request, writing fixture files.
namespace kubetest {

// Sends `request` and waits (event loop running) for its answer, up to `timeoutMs`.
kube::ApiResponse roundTrip(kube::ApiClient &client, const kube::ApiRequest &request,
                            int timeoutMs = 20000);
kube::ApiResponse get(kube::ApiClient &client, const QString &path, int timeoutMs = 20000);

// Asks the server whether the client's user may patch nodes (admin: yes; viewer: no); -1 when
// the review itself failed.
int canPatchNodes(kube::ApiClient &client);

// Writes `data` to `path` (creating folders), mode 0600; aborts the test binary when it cannot.
QString writeFile(const QString &path, const QByteArray &data);

// Starts a node action with `start` (which returns its id) and waits for its result, up to
// `timeoutMs`; aborts the test binary when it never finishes.
kube::NodeActionResult waitForAction(kube::NodeActions &actions,
                                     const std::function<quint64(kube::NodeActions &)> &start,
                                     int timeoutMs = 20000);

// A client for a kubeconfig file and context, or a null pointer with `error` set.
std::unique_ptr<kube::ApiClient> clientFor(const QString &kubeconfig, const QString &context,
                                           kube::ApiError *error);

// A pod for fixtures, created through the API with an admin client.
struct TestPod
{
    QString namespaceName = QStringLiteral("default");
    QString name;
    QString node;
    QString ownerKind; // empty: no owner
    QString ownerName;
    bool controller = true;
    bool emptyDir = false;
    bool mirror = false;
    QString phase = QStringLiteral("Running");
    bool ready = true;
    QStringList images{QStringLiteral("registry.example/train:1.0")};
    QMap<QString, QString> labels;
    int graceSeconds = 1; // terminationGracePeriodSeconds: kubesim's kubelet honours it
};
QByteArray podJson(const TestPod &pod);
// POSTs the pod (creating its namespace when missing); false (with a warning) when refused.
bool createPod(kube::ApiClient &client, const TestPod &pod);
// POSTs any object to a collection path; false (with a warning) when the server refused.
bool create(kube::ApiClient &client, const QString &collectionPath, const QByteArray &json);
// Creates the namespace unless it exists.
bool ensureNamespace(kube::ApiClient &client, const QString &name);
// A DaemonSet whose pod template fits no node: it exists (drain finds it) but runs no pods.
bool createIdleDaemonSet(kube::ApiClient &client, const QString &ns, const QString &name);

struct KubectlRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
// Runs the real `kubectl` from PATH against `kubeconfig` with a private --cache-dir, waiting at
// most `timeoutMs` with the event loop running (test code only).
KubectlRun kubectl(const QString &kubeconfig, const QStringList &args, int timeoutMs = 60000);

} // namespace kubetest

namespace kubetest {

// The first field in which two decoded nodes differ ("conditions[3].lastHeartbeatTime: ... vs
// ..."), or an empty string when every field of kube::Node is equal.
QString nodeDifference(const kube::Node &a, const kube::Node &b);

} // namespace kubetest

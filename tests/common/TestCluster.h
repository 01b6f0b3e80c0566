#pragma once

#include "kube/ApiClient.h"
#include "kube/KubeConfig.h"
#include "sim/KubesimProcess.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// The API server a test speaks to, started for it on a free loopback port, with its kubeconfig
// and blocking helpers for the test's own requests. Two backends, chosen by the environment:
//
//   FAULTBOARD_TEST_BACKEND=kubesim (default)  kubesim, started with `kubesimArgs` and those in
//                                              FAULTBOARD_TEST_KUBESIM_ARGS
//   FAULTBOARD_TEST_BACKEND=real               a real control plane (scripts/realcluster.sh up):
//                                              etcd, kube-apiserver, controller manager,
//                                              scheduler and the kubelet stand-in, with the
//                                              nodes kubesim would have made from `kubesimArgs`
//
// Fault injection (/_sim/...) exists on kubesim only: control() fails on the real backend, and
// the tests that need it are registered for kubesim only (tests/kube/CMakeLists.txt).
class TestCluster
{
public:
    enum class Backend { Kubesim, Real };
    // The same users on both backends, under each backend's context names. Sre may patch nodes,
    // evict and delete pods without being in system:masters (on kubesim: the admin).
    enum class User { Admin, AdminCert, Viewer, Sre };

    explicit TestCluster(const QStringList &kubesimArgs = {});
    ~TestCluster();

    // FAULTBOARD_TEST_BACKEND of this test process.
    static Backend backend();
    static bool isReal() { return backend() == Backend::Real; }
    // The kubeconfig context of `user` ("kubesim-viewer" on kubesim, "viewer" on the real one).
    static QString context(User user);
    // The kubeconfig user name of the admin context (what isolation records as isolated-by).
    static QString adminUserName();

    // More kube-apiserver flags for the real backend's plane (realcluster.sh up --apiserver-arg),
    // e.g. "--watch-cache-sizes=nodes#0"; set before start(). start() fails on kubesim and on a
    // given plane (FAULTBOARD_TEST_REALCLUSTER_DIR) when any are set: neither can honour them.
    void setApiServerArgs(const QStringList &flags) { m_apiServerArgs = flags; }

    // Starts the server and waits until it serves; false (with errorString()) if it did not.
    bool start(int readyTimeoutMs = 60000);
    QString errorString() const;
    QString kubeconfigPath() const;
    QUrl serverUrl() const;
    // kubesim's process (kubesim backend only).
    sim::KubesimProcess &process() { return m_process; }

    kube::ClusterEndpoint endpoint(const QString &context = {}) const;

    // A request with the admin user, waited for. Returns the response (status and body).
    kube::ApiResponse request(const QByteArray &verb, const QString &path,
                              const QByteArray &body = {},
                              const QByteArray &contentType = "application/json",
                              const QString &context = {});
    // POST /_sim/<what>: fault injection and server control (kubesim only). Fails the test when
    // it fails.
    bool control(const QString &what, const QByteArray &json = "{}");
    // Compacts the server's storage to its latest revision: a list or a watch at any earlier
    // resourceVersion is refused with 410 from then on. kubesim's /_sim/compact; on the real
    // backend etcd's own compaction (its v3 HTTP gateway), as kube-apiserver runs it every five
    // minutes.
    bool compactStorage();
    // A condition change on a node: kubesim's timeline injection, or on the real server a
    // strategic-merge PATCH of the node's status (what node-problem-detector sends).
    bool setCondition(const QString &node, const QString &type, const QString &status,
                      const QString &reason = QStringLiteral("Test"),
                      const QString &message = QStringLiteral("set by test"));
    // A node change as kubesim's /_sim/inject takes it ({"node", "condition", "allocatable"}); on
    // the real server one PATCH of the node's status, as a device plugin and node-problem-detector
    // together would write it.
    bool changeNode(const QJsonObject &action);

private:
    bool startReal(int readyTimeoutMs);
    bool readRealPorts();
    void stopReal();

    sim::KubesimProcess m_process;
    QStringList m_args;
    QStringList m_apiServerArgs;
    QString m_setupError; // start() refused before any server was started
    std::unique_ptr<kube::ApiClient> m_client;
    // The real backend's state folder (kubeconfigs, logs) and its server.
    std::unique_ptr<QTemporaryDir> m_realDir; // null when the plane was given (not ours to stop)
    QString m_realPath;
    QString m_realError;
    QUrl m_realUrl;
    QUrl m_etcdUrl;
};

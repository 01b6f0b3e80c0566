#pragma once

#include "kube/ApiClient.h"
#include "kube/KubeConfig.h"
#include "sim/KubesimProcess.h"

#include <QByteArray>
#include <QStringList>

#include <memory>

// A kubesim started for one test on a free loopback port, with its kubeconfig, and blocking
// helpers for the test's own requests (control endpoints, reading cluster state).
class TestCluster
{
public:
    explicit TestCluster(const QStringList &kubesimArgs = {});
    ~TestCluster();

    // Starts kubesim and waits until it serves; false (with errorString()) if it did not.
    bool start(int readyTimeoutMs = 60000);
    QString errorString() const { return m_process.errorString(); }
    QString kubeconfigPath() const { return m_process.kubeconfigPath(); }
    QUrl serverUrl() const { return m_process.serverUrl(); }
    sim::KubesimProcess &process() { return m_process; }

    kube::ClusterEndpoint endpoint(const QString &context = {}) const;

    // A request with the admin user, waited for. Returns the response (status and body).
    kube::ApiResponse request(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                              const QByteArray &contentType = "application/json",
                              const QString &context = {});
    // POST /_sim/<what>: fault injection and server control. Fails the test when it fails.
    bool control(const QString &what, const QByteArray &json = "{}");
    // Injects one timeline action, e.g. a condition change on a node.
    bool setCondition(const QString &node, const QString &type, const QString &status,
                      const QString &reason = QStringLiteral("Test"), const QString &message = QStringLiteral("set by test"));

private:
    sim::KubesimProcess m_process;
    QStringList m_args;
    std::unique_ptr<kube::ApiClient> m_client;
};

#pragma once

#include "app/cli/CliOptions.h"
#include "kube/KubeConfig.h"
#include "models/Classifier.h"
#include "ui/AppSettings.h"

#include <QObject>

#include <optional>

namespace models {
class ClusterSession;
}

namespace app::cli {

// One headless command run: started once from the event loop, it reports its exit status with
// `finished` (0 done, 1 an action or the connection failed). Everything it does is
// asynchronous; the command runner owns the only event loop.
class Command : public QObject
{
    Q_OBJECT

public:
    Command(const CliOptions &options, QObject *parent = nullptr);
    ~Command() override;

    virtual void start() = 0;
    // SIGINT/SIGTERM: stop cleanly (what was recorded stays recorded). Default: exit 1.
    virtual void interrupt();

signals:
    void finished(int exitCode);

protected:
    // The cluster the options name (--kubeconfig, --context, else KUBECONFIG and the current
    // context); nullopt after printing why not.
    std::optional<kube::ClusterEndpoint> resolveEndpoint();
    // The classifier the window uses: the operator's taxonomy file over the built-in one, and
    // the isolation taint key from the settings.
    models::Classifier classifier();
    // A session on the endpoint that records into the cluster's fault history, as the window's.
    models::ClusterSession *createSession(const kube::ClusterEndpoint &endpoint);
    // Why `name` cannot be a node's name (a DNS subdomain), or empty when it can.
    static QString nodeNameProblem(const QString &name);
    // Emits `finished` once, from the event loop.
    void finish(int exitCode);
    bool isFinished() const { return m_finished; }

    CliOptions m_options;
    ui::AppSettings m_settings;

private:
    bool m_finished = false;
};

} // namespace app::cli

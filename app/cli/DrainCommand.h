#pragma once

#include "app/cli/Command.h"
#include "kube/NodeDrain.h"

#include <QSet>

namespace app::cli {

// `faultboard drain`: kubectl drain's semantics and options (kube/NodeDrain) on each named node
// at once, through the cluster's action engine (models::NodeOperations: the eviction limit, the
// history record), as the window's drain dialog does, with a line for each pod's progress.
class DrainCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void start() override;
    // Stops every drain (the nodes stay cordoned, as after an interrupted kubectl drain).
    void interrupt() override;

private:
    void onPodChanged(kube::NodeDrain *drain, const kube::DrainPod &pod);
    void onFinished(const kube::DrainResult &result);
    void nodeDone(bool ok);

    models::ClusterSession *m_session = nullptr;
    QList<kube::NodeDrain *> m_drains;
    QSet<QString> m_planned; // nodes whose plan (warnings) was printed
    int m_left = 0;
    bool m_failed = false;
};

} // namespace app::cli

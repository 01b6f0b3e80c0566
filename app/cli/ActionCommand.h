#pragma once

#include "app/cli/Command.h"
#include "kube/NodeActions.h"

namespace app::cli {

// `faultboard isolate` and `faultboard restore`: the window's isolate/restore on each named
// node, all at once; a node that fails is named with the cause and the others still proceed.
// Isolation carries the node's worst current fault in the taint's value, as in the window, and
// every real (not dry-run) action is recorded in the cluster's fault history.
class ActionCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void start() override;

    // "taint k=v:NoSchedule added, cordoned", from what the server stored (or would store).
    static QString describeChange(const kube::NodeChange &change);

private:
    void isolate(const QString &node);
    void report(const QString &node, const kube::NodeActionResult &result);
    void fail(const QString &node, const QString &message);
    void nodeDone();

    models::ClusterSession *m_session = nullptr;
    kube::NodeActions *m_actions = nullptr;
    int m_left = 0;
    bool m_failed = false;
};

} // namespace app::cli

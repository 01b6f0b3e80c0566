#pragma once

#include "app/cli/Command.h"

namespace models {
struct ActionOutcome;
class NodeOperations;
} // namespace models

namespace app::cli {

// `faultboard isolate` and `faultboard restore`: the cluster's action engine
// (models::NodeOperations, the one the window uses) on each named node, all at once; a node that
// fails is named with the cause and the others still proceed. The engine records every real
// (not dry-run) action in the cluster's fault history; this prints what it reports.
class ActionCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void start() override;

private:
    void act();
    void report(const models::ActionOutcome &outcome);
    void fail(const QString &node, const QString &message);
    void nodeDone();

    models::ClusterSession *m_session = nullptr;
    models::NodeOperations *m_operations = nullptr;
    int m_left = 0;
    bool m_failed = false;
};

} // namespace app::cli

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
//
// Several nodes named together are a batch, as a selection in the window is: each is isolated
// for its own fault (its taint value and reason; --reason is the note after it), and one with no
// active fault is refused, named, unless --force — a list of a rack or a glob sweeps healthy
// nodes along as easily as Ctrl+A does. One node named on its own is isolated whatever its
// health: typing that one name is the explicit choice the window's tick box asks for.
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

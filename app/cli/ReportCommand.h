#pragma once

#include "app/cli/Command.h"
#include "models/FaultReport.h"
#include "models/PrometheusHistory.h"

#include <optional>

namespace app::cli {

// `faultboard report`: connect, list every node, classify, and write the current faults, or
// (--history) the fault history's faults active since a time, as CSV or JSON. Listing the nodes
// also brings the cluster's history up to date before it is read, as opening the window does.
class ReportCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void start() override;

private:
    void onSynced();
    void write(const std::vector<models::ReportRow> &rows, const QDateTime &from,
               const QDateTime &to);

    models::ClusterSession *m_session = nullptr;
    models::PrometheusHistory *m_prometheus = nullptr;
    int m_exitCode = 0; // once the report is written
};

} // namespace app::cli

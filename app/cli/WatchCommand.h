#pragma once

#include "app/cli/Command.h"
#include "models/HistoryRecords.h"

#include <QTimer>

namespace app::cli {

// `faultboard watch`: follows the cluster's nodes and prints every fault transition, one a line
// (text or JSON Lines). The lines are the rows the cluster's fault history stores, read back
// after each commit: what is printed is on disk, so `report --history` finds it even when the
// watcher is killed right after.
class WatchCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void start() override;
    void interrupt() override;

    static QString textLine(const models::HistoryEvent &e);
    static QByteArray jsonLine(const models::HistoryEvent &e);

private:
    void onWritten(const models::HistoryWriteResult &result);
    void onConnectionStateChanged();
    void stopWatching();
    void finishWhenPrinted();

    models::ClusterSession *m_session = nullptr;
    QTimer m_duration;
    bool m_stopping = false;
    bool m_flushed = false;
    bool m_wasStale = false;
};

} // namespace app::cli

#pragma once

#include <QObject>

class QSocketNotifier;

namespace app::cli {

// Turns SIGINT and SIGTERM into a Qt signal on the event loop (the self-pipe trick), so a
// command stopped with Ctrl+C or by a supervisor finishes its writes and exits cleanly.
class InterruptWatcher : public QObject
{
    Q_OBJECT

public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;

signals:
    void interrupted(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace app::cli

#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace ui {

// How long the thread it lives on (the GUI thread) goes without running a 2 ms timer: the longest
// time the window could not react to input or paint while it runs. The window runs one from a
// cluster's opening to its sync when the logging category faultboard.responsiveness is enabled
// (QT_LOGGING_RULES="faultboard.responsiveness.info=true"), and tst_fleet measures with it; it
// costs nothing when it is not started.
class StallWatch : public QObject
{
public:
    explicit StallWatch(QObject *parent = nullptr);

    // Starts, or starts again from nothing.
    void start();
    void stop();
    // The longest gap between two ticks (or since start), in milliseconds.
    double longestMs() const;

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
};

} // namespace ui

#include "ui/StallWatch.h"

#include <algorithm>

namespace ui {

StallWatch::StallWatch(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(2);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &StallWatch::tick);
}

void StallWatch::start()
{
    m_clock.start();
    m_last = 0;
    m_longest = 0;
    m_timer.start();
}

void StallWatch::stop()
{
    if (!m_timer.isActive())
        return;
    tick(); // the gap up to now counts too
    m_timer.stop();
}

double StallWatch::longestMs() const
{
    return m_longest / 1e6;
}

void StallWatch::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    m_longest = std::max(m_longest, now - m_last);
    m_last = now;
}

} // namespace ui

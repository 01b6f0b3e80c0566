#include "kube/EvictionLimiter.h"

#include <algorithm>

namespace kube {

EvictionLimiter::EvictionLimiter(int maxConcurrent, QObject *parent)
    : QObject(parent)
    , m_max(std::max(1, maxConcurrent))
{}

void EvictionLimiter::setMaxConcurrent(int max)
{
    m_max = std::max(1, max);
    grant();
}

quint64 EvictionLimiter::acquire(QObject *owner, std::function<void()> granted)
{
    const quint64 ticket = ++m_next;
    m_queue.push_back({ticket, owner, std::move(granted)});
    grant();
    return ticket;
}

void EvictionLimiter::release(quint64 ticket)
{
    if (m_held.erase(ticket) == 0) {
        auto it = std::find_if(m_queue.begin(), m_queue.end(),
                               [ticket](const Waiter &w) { return w.ticket == ticket; });
        if (it == m_queue.end())
            return;
        m_queue.erase(it);
    }
    emit usageChanged(inUse(), waiting());
    grant();
}

void EvictionLimiter::grant()
{
    // Grants run on the next event-loop turn: a caller never re-enters from acquire/release.
    if (m_grantQueued)
        return;
    m_grantQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_grantQueued = false;
            bool changed = false;
            while (!m_queue.empty() && int(m_held.size()) < m_max) {
                Waiter w = std::move(m_queue.front());
                m_queue.pop_front();
                changed = true;
                if (!w.owner)
                    continue; // its drain is gone
                m_held.insert(w.ticket);
                m_peak = std::max(m_peak, int(m_held.size()));
                w.granted();
            }
            if (changed)
                emit usageChanged(inUse(), waiting());
        },
        Qt::QueuedConnection);
}

} // namespace kube

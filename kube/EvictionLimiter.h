#pragma once

#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>
#include <set>

namespace kube {

// A counting semaphore shared by drains: at most `maxConcurrent` pods are being evicted at once
// across every node draining, first come first served. A slot is held while an eviction request
// is in flight, from the request until its answer; the pod's termination (its grace period) and
// the wait for a PodDisruptionBudget hold none.
class EvictionLimiter : public QObject
{
    Q_OBJECT

public:
    explicit EvictionLimiter(int maxConcurrent, QObject *parent = nullptr);

    int maxConcurrent() const { return m_max; }
    void setMaxConcurrent(int max);
    int inUse() const { return int(m_held.size()); }
    int waiting() const { return int(m_queue.size()); }
    int peakInUse() const { return m_peak; }

    // Asks for a slot; `granted` runs (on this object's thread, never from within acquire) once
    // one is free, unless `owner` was destroyed or the ticket released first.
    quint64 acquire(QObject *owner, std::function<void()> granted);
    // Gives back a held slot, or withdraws a request still waiting. Unknown tickets are ignored.
    void release(quint64 ticket);

signals:
    void usageChanged(int inUse, int waiting);

private:
    struct Waiter
    {
        quint64 ticket;
        QPointer<QObject> owner;
        std::function<void()> granted;
    };
    void grant();

    int m_max;
    int m_peak = 0;
    quint64 m_next = 0;
    std::deque<Waiter> m_queue;
    std::set<quint64> m_held;
    bool m_grantQueued = false;
};

} // namespace kube

#pragma once

#include <QtGlobal>

namespace kube {

// Exponential backoff with jitter and a cap, as client-go's reflector does it (800 ms doubling
// to 30 s). Jitter spreads reconnects of many clients after an API server restart.
class Backoff
{
public:
    Backoff(int initialMs = 800, int maxMs = 30000, double jitter = 0.2)
        : m_initialMs(initialMs)
        , m_maxMs(maxMs)
        , m_jitter(jitter)
    {}

    // The delay before the next attempt; each call doubles the base up to the cap.
    int next();
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }

    void setInitialMs(int ms) { m_initialMs = ms; }
    void setMaxMs(int ms) { m_maxMs = ms; }

private:
    int m_initialMs;
    int m_maxMs;
    double m_jitter;
    int m_attempt = 0;
};

} // namespace kube

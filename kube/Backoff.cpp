#include "kube/Backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace kube {

int Backoff::next()
{
    const double base =
        std::min<double>(m_maxMs, m_initialMs * std::pow(2.0, std::min(m_attempt, 20)));
    ++m_attempt;
    const double spread = base * m_jitter;
    const double delay = base - spread + QRandomGenerator::global()->generateDouble() * 2 * spread;
    return int(std::clamp(delay, 0.0, double(m_maxMs)));
}

} // namespace kube

#include "ui/FaultNotifier.h"

#include "models/ClusterSession.h"

#include <QSet>

namespace ui {

FaultNotifier::FaultNotifier(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(1500);
    connect(&m_timer, &QTimer::timeout, this, &FaultNotifier::flush);
}

void FaultNotifier::watch(models::ClusterSession *session)
{
    QPointer<models::ClusterSession> guard(session);
    auto armed = std::make_shared<bool>(false);
    connect(session, &models::ClusterSession::synced, this, [armed] { *armed = true; });
    connect(session->store(), &models::NodeStore::nodesChanged, this,
            [this, guard, armed](const std::vector<models::NodeChange> &changes) {
                if (*armed && guard)
                    onChanges(guard->contextName(), guard->store()->classifier(), changes);
            });
}

void FaultNotifier::setMuted(bool muted)
{
    m_muted = muted;
    if (muted) {
        m_pending.clear();
        m_timer.stop();
    }
}

void FaultNotifier::onChanges(const QString &cluster, const models::Classifier &classifier,
                              const std::vector<models::NodeChange> &changes)
{
    if (m_muted)
        return;
    for (const models::NodeChange &c : changes) {
        if (!c.after)
            continue;
        // Most changes in a storm are not critical: look at the new state first, and at the old
        // one only when the new one has a critical fault.
        QStringList critical;
        for (const models::Fault &f : classifier.classify(*c.after).faults)
            if (f.severity == models::Severity::Critical)
                critical << f.type + QLatin1Char(' ') + (f.status.isEmpty() ? f.message : f.status);
        if (critical.isEmpty())
            continue;
        QSet<QString> before;
        if (c.before) {
            for (const models::Fault &f : classifier.classify(*c.before).faults)
                if (f.severity == models::Severity::Critical)
                    before.insert(f.type);
        }
        for (const QString &fault : std::as_const(critical))
            if (!before.contains(fault.section(QLatin1Char(' '), 0, 0)))
                m_pending << tr("%1: %2").arg(c.after->name, fault);
    }
    m_cluster = cluster;
    if (!m_pending.isEmpty() && !m_timer.isActive())
        m_timer.start();
}

void FaultNotifier::flush()
{
    if (m_pending.isEmpty() || m_muted)
        return;
    const QString title =
        m_pending.size() == 1
            ? tr("New critical fault in %1").arg(m_cluster)
            : tr("%n new critical fault(s) in %1", nullptr, int(m_pending.size())).arg(m_cluster);
    QStringList shown = m_pending.mid(0, 5);
    if (m_pending.size() > 5)
        shown << tr("… and %n more", nullptr, int(m_pending.size() - 5));
    m_pending.clear();
    emit alert(title, shown.join(QLatin1Char('\n')));
}

} // namespace ui

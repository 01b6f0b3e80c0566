#pragma once

#include "models/NodeStore.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

namespace models {
class ClusterSession;
}

namespace ui {

// Decides when to alert the operator: a node gets a critical fault it did not have before, after
// the first sync (what was already broken when Faultboard connected is not news). Alerts of a
// storm are gathered for a moment and sent as one.
class FaultNotifier : public QObject
{
    Q_OBJECT

public:
    explicit FaultNotifier(QObject *parent = nullptr);

    void watch(models::ClusterSession *session);
    void setMuted(bool muted);
    bool isMuted() const { return m_muted; }
    void setGatherMs(int ms) { m_timer.setInterval(ms); }

signals:
    void alert(const QString &title, const QString &text);

private:
    void onChanges(const QString &cluster, const models::Classifier &classifier,
                   const std::vector<models::NodeChange> &changes);
    void flush();

    bool m_muted = false;
    QTimer m_timer;
    QStringList m_pending; // "node: fault"
    QString m_cluster;
};

} // namespace ui

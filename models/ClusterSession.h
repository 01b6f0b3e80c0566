#pragma once

#include "kube/Informer.h"
#include "kube/KubeConfig.h"
#include "models/Classifier.h"
#include "models/FaultHistory.h"
#include "models/NodeGridModel.h"
#include "models/NodeStore.h"

#include <QDateTime>
#include <QObject>

class QTimer;

namespace kube {
class ApiClient;
class ClusterQueries;
} // namespace kube

namespace models {

class NodeOperations;

// One connected cluster: the API client, the node informer, the node store it feeds, the grid
// model over it and the cluster's fault history, which records every change the store sees.
// The UI and the headless commands both work through this.
class ClusterSession : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        bool recordHistory = true;
        // history.path empty: FaultHistory::defaultPath(server, context).
        FaultHistory::Options history;
        // The heap's free pages go back to the system this long after a sync, and this long
        // after the last sizeable batch of a burst of changes (see the constructor).
        int trimAfterSyncMs = 2000;
        int trimWhenQuietMs = 10000;
    };

    ClusterSession(const kube::ClusterEndpoint &endpoint, const Classifier &classifier,
                   QObject *parent = nullptr);
    ClusterSession(const kube::ClusterEndpoint &endpoint, const Classifier &classifier,
                   Options options, QObject *parent = nullptr);
    ~ClusterSession() override;

    void start();
    void stop();

    QString contextName() const { return m_endpoint.contextName; }
    QString serverName() const;
    const kube::ClusterEndpoint &endpoint() const { return m_endpoint; }

    kube::ApiClient *client() const { return m_client; }
    kube::Informer *nodeInformer() const { return m_informer; }
    NodeStore *store() const { return m_store; }
    NodeGridModel *gridModel() const { return m_gridModel; }
    // The cluster's fault history; null when the session records none.
    FaultHistory *history() const { return m_history; }
    // The actions on this cluster's nodes (isolate, restore, drain), for the window and the
    // commands alike.
    NodeOperations *operations() const { return m_operations; }
    // One node's workload, events and the user's permissions, asked on demand.
    kube::ClusterQueries *queries() const { return m_queries; }
    // Records an operator action in the history (the actor defaults to actorName()).
    void recordAction(const QString &action, const QString &target, const QString &result,
                      const QString &message = {}, const QString &actor = {});
    // Who acts, for the history: the impersonated user, else the kubeconfig user entry's name.
    QString actorName() const;

    kube::Informer::State connectionState() const { return m_informer->state(); }
    QString connectionReason() const { return m_informer->stateReason(); }
    QDateTime connectionSince() const { return m_informer->stateSince(); }
    // "Live", "Connecting…", "Stale since 10:42: reason", worded for the status bar.
    QString connectionText() const;

signals:
    void connectionStateChanged();
    void synced();
    // The heap's free pages were given back to the system (after a sync or a burst).
    void freeHeapReleased();

private:
    kube::ClusterEndpoint m_endpoint;
    kube::ApiClient *m_client = nullptr;
    kube::Informer *m_informer = nullptr;
    NodeStore *m_store = nullptr;
    NodeGridModel *m_gridModel = nullptr;
    FaultHistory *m_history = nullptr;
    NodeOperations *m_operations = nullptr;
    kube::ClusterQueries *m_queries = nullptr;
    int m_trimAfterSyncMs = 2000;
    int m_trimWhenQuietMs = 10000;
    static constexpr std::size_t BurstNodes = 100;
    static constexpr std::size_t BurstBatchNodes = 8; // a batch that is part of a burst
    std::size_t m_changesSinceTrim = 0;
    QTimer *m_trimTimer = nullptr;
};

} // namespace models

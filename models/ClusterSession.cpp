#include "models/ClusterSession.h"

#include "kube/ApiClient.h"
#include "kube/NodeDecoder.h"

#include <QLocale>

namespace models {

ClusterSession::ClusterSession(const kube::ClusterEndpoint &endpoint, const Classifier &classifier,
                               QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_client(new kube::ApiClient(endpoint, this))
    , m_store(new NodeStore(classifier, this))
{
    kube::Informer::Options opts;
    opts.path = QStringLiteral("/api/v1/nodes");
    opts.what = tr("nodes");
    m_informer = new kube::Informer(m_client, std::make_shared<kube::NodeDecoder>(), opts, this);
    m_gridModel = new NodeGridModel(m_store, this);
    connect(m_informer, &kube::Informer::deltas, m_store, &NodeStore::applyDeltas);
    connect(m_informer, &kube::Informer::stateChanged, this,
            &ClusterSession::connectionStateChanged);
    connect(m_informer, &kube::Informer::synced, this, &ClusterSession::synced);
}

ClusterSession::~ClusterSession()
{
    // Stopping emits a last state change; nobody should hear it from a session being destroyed.
    m_informer->disconnect(this);
    m_informer->stop();
}

void ClusterSession::start()
{
    m_informer->start();
}

void ClusterSession::stop()
{
    m_informer->stop();
}

QString ClusterSession::serverName() const
{
    return m_endpoint.server.toString(QUrl::RemoveUserInfo);
}

QString ClusterSession::connectionText() const
{
    using State = kube::Informer::State;
    const QString since =
        QLocale().toString(connectionSince().toLocalTime().time(), QLocale::ShortFormat);
    switch (connectionState()) {
    case State::Idle:
        return tr("Not connected");
    case State::Connecting:
        return tr("Connecting to %1…").arg(serverName());
    case State::Synced:
        return tr("Live");
    case State::Stale:
        return tr("Stale since %1: %2").arg(since, connectionReason());
    case State::Failed:
        return tr("Cannot connect: %1").arg(connectionReason());
    }
    return {};
}

} // namespace models

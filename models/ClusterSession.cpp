#include "models/ClusterSession.h"

#include "models/HeapTrim.h"
#include "models/NodeOperations.h"

#include "kube/ApiClient.h"
#include "kube/ClusterQueries.h"
#include "kube/ContinueOn.h"
#include "kube/NodeDecoder.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace models {

Q_LOGGING_CATEGORY(lcMemory, "faultboard.memory", QtInfoMsg)

ClusterSession::ClusterSession(const kube::ClusterEndpoint &endpoint, const Classifier &classifier,
                               QObject *parent)
    : ClusterSession(endpoint, classifier, Options(), parent)
{}

ClusterSession::ClusterSession(const kube::ClusterEndpoint &endpoint, const Classifier &classifier,
                               Options options, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_client(new kube::ApiClient(endpoint, this))
    , m_store(new NodeStore(classifier, this))
    , m_trimAfterSyncMs(options.trimAfterSyncMs)
    , m_trimWhenQuietMs(options.trimWhenQuietMs)
{
    kube::Informer::Options opts;
    opts.path = QStringLiteral("/api/v1/nodes");
    opts.what = tr("nodes");
    m_informer = new kube::Informer(m_client, std::make_shared<kube::NodeDecoder>(), opts, this);
    m_gridModel = new NodeGridModel(m_store, this);
    m_queries = new kube::ClusterQueries(m_client, this);
    connect(m_informer, &kube::Informer::deltas, m_store, &NodeStore::applyDeltas);
    connect(m_informer, &kube::Informer::stateChanged, this,
            &ClusterSession::connectionStateChanged);
    connect(m_informer, &kube::Informer::synced, this, &ClusterSession::synced);
    // A list's transient memory (its batches, the nodes it replaced, the history's work on them)
    // is freed within moments of the sync, a storm's burst as its nodes are replaced: then the
    // heap's free pages go back to the system, soon after a sync and a while after the last burst.
    // Not during a burst: the trim holds each malloc arena's lock in turn (up to 105 ms at 65,000
    // nodes), and the GUI thread allocates most then.
    m_trimTimer = new QTimer(this);
    m_trimTimer->setSingleShot(true);
    connect(m_informer, &kube::Informer::synced, m_trimTimer,
            [this] { m_trimTimer->start(m_trimAfterSyncMs); });
    connect(m_store, &NodeStore::nodesChanged, m_trimTimer,
            [this](const std::vector<NodeChange> &changes) {
                // A burst comes in many batches (the informer reads a storm a piece at a time
                // while its events wait to be applied): counted until the trim. A node
                // flapping is no burst: it leaves little behind, and its single changes do not
                // put off a trim already due, or it would never come.
                m_changesSinceTrim += changes.size();
                if (m_changesSinceTrim >= BurstNodes &&
                    (!m_trimTimer->isActive() || changes.size() >= BurstBatchNodes))
                    m_trimTimer->start(m_trimWhenQuietMs);
            });
    connect(m_trimTimer, &QTimer::timeout, this, [this] {
        m_changesSinceTrim = 0;
        kube::continueOn(this, QtConcurrent::run([] { return releaseFreeHeap(); }),
                         [this](int ms) {
                             qCDebug(lcMemory) << "free heap given back in" << ms << "ms";
                             emit freeHeapReleased();
                         });
    });

    if (options.recordHistory) {
        if (options.history.path.isEmpty())
            options.history.path = FaultHistory::defaultPath(endpoint.server, endpoint.contextName);
        m_history = new FaultHistory(classifier, options.history, this);
        connect(m_store, &NodeStore::nodesChanged, m_history, &FaultHistory::recordChanges);
        // After a full list the store holds every node there is: nodes the history still
        // thinks present were deleted while Faultboard was not watching.
        connect(m_informer, &kube::Informer::synced, m_history, [this] {
            QStringList present;
            present.reserve(m_store->size());
            for (int i = 0; i < m_store->size(); ++i)
                present << m_store->at(i).node->name;
            m_history->reconcile(present);
        });
        m_history->open();
    }
    // After the history: the engine records its actions there.
    m_operations = new NodeOperations(this);
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
    // Who acts, for the audit record: asked once, before anyone acts.
    m_operations->identify();
}

void ClusterSession::stop()
{
    m_informer->stop();
}

QString ClusterSession::serverName() const
{
    return m_endpoint.server.toString(QUrl::RemoveUserInfo);
}

QString ClusterSession::actorName() const
{
    if (!m_endpoint.user.impersonate.isEmpty())
        return m_endpoint.user.impersonate;
    if (!m_endpoint.user.name.isEmpty())
        return m_endpoint.user.name;
    return m_endpoint.contextName;
}

void ClusterSession::recordAction(const QString &action, const QString &target,
                                  const QString &result, const QString &message,
                                  const QString &actor)
{
    if (!m_history)
        return;
    ActionRecord a;
    a.time = QDateTime::currentDateTimeUtc();
    a.actor = actor.isEmpty() ? actorName() : actor;
    a.action = action;
    a.target = target;
    a.result = result;
    a.message = message;
    m_history->recordAction(a);
}

QString ClusterSession::connectionText() const
{
    using State = kube::Informer::State;
    // With seconds, the same in every language (a reconnect is seconds after a drop).
    const QString since = connectionSince().toLocalTime().toString(QStringLiteral("HH:mm:ss"));
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

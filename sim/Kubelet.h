#pragma once

#include "sim/ObjectStore.h"

#include <QObject>

#include <optional>
#include <set>
#include <string>

namespace sim {

// The answer to a pod deletion: an HTTP code and the body (the pod, or a Status).
struct DeleteResult
{
    int code = 200;
    json body;
};

// kubesim's stand-in for every node's kubelet, plus the pod deletion rules of the API server's pod
// strategy: graceful deletion (deletionTimestamp, then gone after the grace period; at once for
// grace 0, unscheduled or terminal pods), pods bound to a node starting after a short delay, and
// readiness flips on request.
class Kubelet : public QObject
{
    Q_OBJECT

public:
    explicit Kubelet(ObjectStore *store, QObject *parent = nullptr);

    // How long a pod bound to a node stays ContainerCreating before it runs and is Ready.
    void setStartupDelayMs(int ms) { m_startupDelayMs = ms; }
    int startupDelayMs() const { return m_startupDelayMs; }

    // DELETE of a pod with DeleteOptions (gracePeriodSeconds, preconditions {uid,
    // resourceVersion}).
    DeleteResult deletePod(const std::string &ns, const std::string &name,
                           const json &deleteOptions, bool dryRun);

    // Readiness as the readiness probe reports it. Returns an error, or empty.
    std::string setReady(const std::string &ns, const std::string &name, bool ready);
    // Ends the pod's containers: phase Succeeded or Failed.
    std::string setPhase(const std::string &ns, const std::string &name, const std::string &phase);

private:
    void onStoreChanged(const StoreEvent &event);
    void startLater(const std::string &ns, const std::string &name, const std::string &uid);
    void finishDeletionLater(const std::string &ns, const std::string &name, const std::string &uid,
                             qint64 delayMs);
    std::string hostIpOf(const std::string &node) const;

    ObjectStore *m_store;
    int m_startupDelayMs = 2000;
    std::set<std::string> m_starting; // uids with a start scheduled
};

} // namespace sim

#pragma once

#include "models/Severity.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <vector>

namespace models {

// The plain data the fault history stores and answers with. Times are UTC.

// A condition (or an accelerator count) changed status on a node.
struct TransitionRecord
{
    enum Flag {
        FirstSeen = 0x1,     // no earlier status known: the node or condition is new to the history
        Missed = 0x2,        // same status, later lastTransitionTime: it flipped and back unseen
        ConditionGone = 0x4, // the condition (or accelerator resource) is no longer reported
        Accelerators = 0x8,  // an accelerator count ("6/8"), not a condition
    };
    qint64 id = 0;
    QString node;
    QString type; // condition type, or the accelerator resource
    QString category;
    QString oldStatus;                   // empty: unknown (first seen) or absent
    QString newStatus;                   // empty: the condition is gone
    bool bad = false;                    // newStatus is a faulty one
    bool opens = false;                  // a fault (minor or worse) begins here
    bool closes = false;                 // a fault ends here
    Severity severity = Severity::Major; // the fault's severity, also on the row that closes it
    QString reason;
    QString message;
    QDateTime transitionTime; // the condition's lastTransitionTime; invalid for accelerators
    QDateTime observedTime;   // when Faultboard saw it
    bool isolated = false;    // the node's isolation and chips when it was observed
    int acceleratorsOk = 0;
    int acceleratorsTotal = 0;
    int flags = 0;

    QDateTime eventTime() const { return transitionTime.isValid() ? transitionTime : observedTime; }
};

struct NodeEventRecord
{
    enum class Kind { Added, Removed };
    qint64 id = 0;
    QString node;
    QString uid;
    Kind kind = Kind::Added;
    QDateTime eventTime; // creationTimestamp / deletion time when known, else observedTime
    QDateTime observedTime;
};

// Something an operator did through Faultboard.
struct ActionRecord
{
    qint64 id = 0;
    QDateTime time;
    QString actor;  // who (the kubeconfig user or the name the operator gave)
    QString action; // isolate, restore, cordon, uncordon, drain, ...
    QString target; // the node
    QString result; // succeeded, failed, partial, cancelled
    QString message;
};

// One line of a node's timeline: a transition, the node appearing or vanishing, or an action.
struct HistoryEvent
{
    enum class Kind { Transition, NodeAdded, NodeRemoved, Action };
    Kind kind = Kind::Transition;
    qint64 id = 0;
    QDateTime time;
    QDateTime observedTime;
    QString node;
    QString type; // condition type / accelerator resource; the action for actions
    QString category;
    QString oldStatus;
    QString newStatus; // the result for actions
    bool bad = false;
    bool opens = false;
    bool closes = false;
    Severity severity = Severity::Healthy;
    QString reason;
    QString message;
    QString actor; // actions: who; node events: the node's uid
    int flags = 0;
};

// Faults of one type that began in a time range.
struct FaultTypeStats
{
    QString type;
    QString category;
    Severity severity = Severity::Major; // the worst seen
    int faults = 0;                      // fault episodes that began in the range
    int nodes = 0;                       // distinct nodes they hit
    int recovered = 0;                   // of those, how many have ended
    double meanSecondsToRecover = -1;    // over the recovered ones; -1: none recovered
};

struct NodeFaultCount
{
    QString node;
    int faults = 0;
    QDateTime lastFault;
};

// A fault from its beginning to its end (or to now, or the end of the range), for reports.
struct FaultEpisode
{
    QString node;
    QString type;
    QString category;
    Severity severity = Severity::Major;
    QString status; // the faulty status it began with
    QString reason;
    QString message;
    QDateTime since;
    QDateTime until; // invalid: still active (at the end of the range), or ended at an unknown time
    bool ended = false;
    bool isolated = false;
    int acceleratorsOk = 0;
    int acceleratorsTotal = 0;
    QString pool; // the node's last known location
    QString rack;
    QString zone;
    // Where the episode comes from: Faultboard's own transitions (exact times), or a team's
    // Prometheus (kube-state-metrics), whose bounds are the first evaluation step that saw the
    // fault and the first that no longer did: each up to `resolutionSeconds` later than the truth.
    enum class Source { Faultboard, Prometheus };
    Source source = Source::Faultboard;
    int resolutionSeconds = 0; // 0: exact
};

// The order episodes are reported in: by start, then node, then fault type.
inline bool episodeBefore(const FaultEpisode &a, const FaultEpisode &b)
{
    if (a.since != b.since)
        return a.since < b.since;
    if (a.node != b.node)
        return a.node < b.node;
    return a.type < b.type;
}

// "faultboard" or "prometheus", as reports write it.
inline QString episodeSourceId(FaultEpisode::Source s)
{
    return s == FaultEpisode::Source::Prometheus ? QStringLiteral("prometheus")
                                                 : QStringLiteral("faultboard");
}

// What one committed write transaction stored.
struct HistoryWriteResult
{
    int transitions = 0;
    int nodeEvents = 0;
    int actions = 0;
    qint64 firstTransitionId = 0; // ids of this commit's transitions: first..last, consecutive
    qint64 lastTransitionId = 0;
    QStringList nodes; // nodes whose timeline got rows
    qint64 elapsedMicroseconds = 0;
    // Every transition this process observed in the batch, in order, with its row's id: also
    // those another process sharing the file had recorded first (so not counted above).
    std::vector<HistoryEvent> observed;
    QString error; // non-empty: the transaction was rolled back
};

// A query's answer, or why there is none.
template <typename T> struct HistoryResult
{
    T value{};
    QString error;
    bool ok() const { return error.isEmpty(); }
};

} // namespace models

Q_DECLARE_METATYPE(models::HistoryWriteResult)
Q_DECLARE_METATYPE(models::ActionRecord)

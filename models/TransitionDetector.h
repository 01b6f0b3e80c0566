#pragma once

#include "kube/Node.h"
#include "models/Classifier.h"
#include "models/HistoryRecords.h"
#include "models/LocationLabels.h"

#include <QByteArray>
#include <QHash>

#include <memory>

namespace models {

// What the fault history last knew of a node: persisted next to the rows, so a restart or a
// relist compares the node with what was recorded rather than with nothing.
struct NodeHistoryState
{
    // A condition's type and status (the words) and when it last changed. The words are one
    // shared pair for every node in the same state (16 bytes a condition where two strings
    // took 48: 65,000 nodes of 11 conditions are 23 MB less).
    class Condition
    {
    public:
        Condition() = default;
        Condition(const QString &type, const QString &status, qint64 transitionMs);

        const QString &type() const { return m_words ? m_words->type : noWord(); }
        const QString &status() const { return m_words ? m_words->status : noWord(); }
        qint64 transitionMs = 0; // lastTransitionTime; 0 when unknown

        bool operator==(const Condition &other) const
        {
            return transitionMs == other.transitionMs &&
                   (m_words == other.m_words ||
                    (type() == other.type() && status() == other.status()));
        }
        // Whether two conditions hold one copy of their words (tests).
        bool sharesWordsWith(const Condition &other) const
        {
            return m_words && m_words == other.m_words;
        }
        // The pool the words come from keeps at most this many pairs; past it, a condition
        // has its own (a cluster has a few hundred condition types and a handful of statuses).
        static constexpr qsizetype MaxSharedWords = 16384;

    private:
        struct Words
        {
            QString type;
            QString status;
        };
        static const QString &noWord();
        std::shared_ptr<const Words> m_words;
    };
    QString uid;
    bool removed = false;
    qint64 removedMs = 0;
    NodeLocation location;
    // Sorted by type; accelerator resources hold "allocatable/capacity". A sorted vector costs a
    // fraction of a hash per node, which matters with 65,000 nodes kept in memory.
    std::vector<Condition> conditions;

    const Condition *condition(const QString &type) const;
    void setCondition(const QString &type, const QString &status, qint64 transitionMs);

    QByteArray serialize() const;
    static bool deserialize(const QByteArray &data, NodeHistoryState *out);
    bool operator==(const NodeHistoryState &) const = default;
};

// Turns "the node looks like this now" into history rows by comparing it with the recorded
// state: status changes, faults found active at first sight, flips that happened while nobody
// watched (lastTransitionTime moved, status the same), vanished conditions, and accelerator
// counts. Pure; the caller owns the states and stores the rows.
class TransitionDetector
{
public:
    struct Output
    {
        std::vector<TransitionRecord> transitions;
        std::vector<NodeEventRecord> nodeEvents;
    };

    explicit TransitionDetector(const Classifier &classifier, LocationLabels labels = {});

    // `known` is null when the history has never seen the node. Fills `next` with the state to
    // store; returns whether it differs from `known`.
    bool nodeSeen(const NodeHistoryState *known, const kube::Node &node, const QDateTime &observed,
                  NodeHistoryState *next, Output *out) const;
    // The node is gone (deleted, or missing from a fresh list). Returns false when the history
    // already knew it was gone.
    bool nodeGone(const NodeHistoryState *known, const QString &name, const QDateTime &when,
                  const QDateTime &observed, NodeHistoryState *next, Output *out) const;

    const Classifier &classifier() const { return m_classifier; }
    const LocationLabels &labels() const { return m_labels; }

private:
    Classifier m_classifier;
    LocationLabels m_labels;
};

} // namespace models

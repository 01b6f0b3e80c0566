#pragma once

#include "kube/AccessReview.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <functional>
#include <vector>

namespace kube {

// Answers of SelfSubjectAccessReview kept for a short while, per question (verb, resource,
// subresource, name, namespace): a selection change, the detail panel and the action buttons
// all ask the same five questions, and the server answers each only once per `ttlMs`. Questions
// asked while the same one is in flight wait for that answer. Failed reviews are not kept.
class AccessReviewCache : public QObject
{
    Q_OBJECT

public:
    // `ask` sends one review and calls back with its decision (ClusterQueries does this).
    using Ask =
        std::function<void(const AccessCheck &, std::function<void(const AccessDecision &)>)>;
    AccessReviewCache(Ask ask, int ttlMs = DefaultTtlMs, QObject *parent = nullptr);

    static constexpr int DefaultTtlMs = 30000;

    void check(const AccessCheck &check, std::function<void(const AccessDecision &)> done);
    // Forget every answer (the user's roles changed); reviews in flight still answer.
    void clear();
    void setTtlMs(int ms) { m_ttlMs = ms; }
    int reviewsSent() const { return m_sent; }

private:
    struct Entry
    {
        AccessDecision decision;
        QElapsedTimer age; // valid once answered
        std::vector<std::function<void(const AccessDecision &)>> waiting;
        bool inFlight = false;
    };
    static QString keyOf(const AccessCheck &c);

    Ask m_ask;
    int m_ttlMs;
    int m_sent = 0;
    QHash<QString, Entry> m_entries;
};

} // namespace kube

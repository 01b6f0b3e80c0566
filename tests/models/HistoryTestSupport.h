#pragma once

// Small builders shared by the history, report and model tests.

#include "kube/Node.h"
#include "models/HistoryRecords.h"
#include "models/NodeStore.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTest>

#include <initializer_list>
#include <memory>
#include <tuple>

namespace testsupport {

inline QDateTime at(int seconds)
{
    return QDateTime(QDate(2025, 6, 1), QTime(0, 0), Qt::UTC).addSecs(seconds);
}

struct Cond
{
    const char *type;
    const char *status;
    int since; // seconds after at(0)
    const char *reason = "";
    const char *message = "";
};

inline std::shared_ptr<kube::Node> node(const QString &name, std::initializer_list<Cond> conditions,
                                        const QString &uid = {}, int rv = 1)
{
    auto n = std::make_shared<kube::Node>();
    n->name = name;
    n->uid = uid.isEmpty() ? QStringLiteral("uid-") + name : uid;
    n->resourceVersion = QString::number(rv);
    n->creationTimestamp = at(-86400);
    for (const Cond &c : conditions)
        n->conditions.push_back({QString::fromLatin1(c.type),
                                 QString::fromLatin1(c.status),
                                 QString::fromUtf8(c.reason),
                                 QString::fromUtf8(c.message),
                                 at(c.since),
                                 {}});
    return n;
}

inline std::shared_ptr<kube::Node>
withAccelerators(std::shared_ptr<kube::Node> n, const char *resource, int capacity, int allocatable)
{
    n->capacity.insert(QLatin1String(resource), QString::number(capacity));
    n->allocatable.insert(QLatin1String(resource), QString::number(allocatable));
    return n;
}

inline std::shared_ptr<kube::Node>
labelled(std::shared_ptr<kube::Node> n,
         std::initializer_list<std::pair<const char *, const char *>> labels)
{
    for (const auto &[k, v] : labels)
        n->labels.insert(QString::fromUtf8(k), QString::fromUtf8(v));
    return n;
}

inline std::vector<models::NodeChange> seen(std::initializer_list<kube::NodePtr> nodes)
{
    std::vector<models::NodeChange> out;
    for (const kube::NodePtr &n : nodes)
        out.push_back({nullptr, n});
    return out;
}

inline std::vector<models::NodeChange> gone(const kube::NodePtr &n)
{
    return {{n, nullptr}};
}

template <typename T> models::HistoryResult<T> await(QFuture<models::HistoryResult<T>> f)
{
    if (!QTest::qWaitFor([&] { return f.isFinished(); }, 30000))
        return {T{}, QStringLiteral("timed out waiting for the history")};
    return f.result();
}

} // namespace testsupport

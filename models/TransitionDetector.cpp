#include "models/TransitionDetector.h"

#include <QDataStream>
#include <QIODevice>
#include <QMutex>

#include <algorithm>

namespace models {

namespace {

constexpr quint8 StateFormat = 2;

qint64 toMs(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

// "6/8" → degraded; "" (gone) → not.
bool countDegraded(const QString &status)
{
    const int slash = status.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return false;
    return QStringView(status).left(slash).toInt() < QStringView(status).mid(slash + 1).toInt();
}

Severity countSeverity(const QString &status)
{
    return status.startsWith(QLatin1String("0/")) ? Severity::Critical : Severity::Major;
}

} // namespace

NodeHistoryState::Condition::Condition(const QString &type, const QString &status,
                                       qint64 transitionMs)
    : transitionMs(transitionMs)
{
    // The history's worker makes these for every node it sees, the loader for every state it
    // reads: one lock each, a hash of two short strings.
    static QMutex mutex;
    static QHash<std::pair<QString, QString>, std::shared_ptr<const Words>> pool;
    const std::pair<QString, QString> key(type, status);
    QMutexLocker lock(&mutex);
    if (const auto it = pool.constFind(key); it != pool.constEnd()) {
        m_words = *it;
        return;
    }
    m_words = std::make_shared<const Words>(Words{type, status});
    if (pool.size() < MaxSharedWords)
        pool.insert(key, m_words);
}

const QString &NodeHistoryState::Condition::noWord()
{
    static const QString none;
    return none;
}

const NodeHistoryState::Condition *NodeHistoryState::condition(const QString &type) const
{
    auto it = std::lower_bound(conditions.begin(), conditions.end(), type,
                               [](const Condition &c, const QString &t) { return c.type() < t; });
    return it != conditions.end() && it->type() == type ? &*it : nullptr;
}

void NodeHistoryState::setCondition(const QString &type, const QString &status, qint64 transitionMs)
{
    auto it = std::lower_bound(conditions.begin(), conditions.end(), type,
                               [](const Condition &c, const QString &t) { return c.type() < t; });
    if (it != conditions.end() && it->type() == type && it->status() == status)
        it->transitionMs = transitionMs;
    else if (it != conditions.end() && it->type() == type)
        *it = {type, status, transitionMs};
    else
        conditions.insert(it, {type, status, transitionMs});
}

// Strings as UTF-8: half the bytes of QDataStream's UTF-16 for these ASCII names.
QByteArray NodeHistoryState::serialize() const
{
    QByteArray data;
    data.reserve(64 + int(conditions.size()) * 40);
    QDataStream s(&data, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_0);
    s << StateFormat << uid.toUtf8() << removed << removedMs << location.pool.toUtf8()
      << location.rack.toUtf8() << location.zone.toUtf8() << quint32(conditions.size());
    for (const Condition &c : conditions)
        s << c.type().toUtf8() << c.status().toUtf8() << c.transitionMs;
    return data;
}

bool NodeHistoryState::deserialize(const QByteArray &data, NodeHistoryState *out)
{
    QDataStream s(data);
    s.setVersion(QDataStream::Qt_6_0);
    quint8 format = 0;
    quint32 count = 0;
    QByteArray uid, pool, rack, zone;
    NodeHistoryState st;
    s >> format;
    if (format != StateFormat)
        return false;
    s >> uid >> st.removed >> st.removedMs >> pool >> rack >> zone >> count;
    st.uid = QString::fromUtf8(uid);
    st.location = {QString::fromUtf8(pool), QString::fromUtf8(rack), QString::fromUtf8(zone)};
    if (s.status() != QDataStream::Ok || count > 100000)
        return false;
    st.conditions.reserve(count);
    for (quint32 i = 0; i < count && s.status() == QDataStream::Ok; ++i) {
        QByteArray type, status;
        qint64 ms = 0;
        s >> type >> status >> ms;
        st.conditions.push_back({QString::fromUtf8(type), QString::fromUtf8(status), ms});
    }
    if (s.status() != QDataStream::Ok)
        return false;
    std::sort(st.conditions.begin(), st.conditions.end(),
              [](const Condition &a, const Condition &b) { return a.type() < b.type(); });
    *out = std::move(st);
    return true;
}

TransitionDetector::TransitionDetector(const Classifier &classifier, LocationLabels labels)
    : m_classifier(classifier)
    , m_labels(std::move(labels))
{}

bool TransitionDetector::nodeSeen(const NodeHistoryState *known, const kube::Node &node,
                                  const QDateTime &observed, NodeHistoryState *next,
                                  Output *out) const
{
    const Taxonomy &tax = m_classifier.taxonomy();
    const NodeHealth health = m_classifier.classify(node);
    // A recreated node (new uid) or one that came back after being removed starts afresh.
    const bool fresh = !known || known->removed ||
                       (!known->uid.isEmpty() && !node.uid.isEmpty() && known->uid != node.uid);
    *next = NodeHistoryState();
    next->uid = node.uid;
    next->location = m_labels.locate(node);

    if (fresh) {
        NodeEventRecord ev;
        ev.node = node.name;
        ev.uid = node.uid;
        ev.kind = NodeEventRecord::Kind::Added;
        ev.eventTime = node.creationTimestamp.isValid() ? node.creationTimestamp.toUTC() : observed;
        ev.observedTime = observed;
        out->nodeEvents.push_back(ev);
    }

    auto record = [&](TransitionRecord r) {
        r.node = node.name;
        r.observedTime = observed;
        r.isolated = health.isolation.isolated;
        r.acceleratorsOk = health.acceleratorsHealthy();
        r.acceleratorsTotal = health.acceleratorsTotal();
        out->transitions.push_back(std::move(r));
    };
    const auto previous = [&](const QString &type) -> const NodeHistoryState::Condition * {
        if (fresh)
            return nullptr;
        return known->condition(type);
    };

    for (const kube::NodeCondition &c : node.conditions) {
        const FaultType *listed = tax.find(c.type());
        const FaultType ft = listed ? *listed : tax.lookup(c.type());
        const bool bad = ft.isBad(c.status());
        const bool isFault = ft.severity >= Severity::Minor;
        const qint64 ltt = toMs(c.lastTransitionTime);
        next->setCondition(c.type(), c.status(), ltt);

        TransitionRecord r;
        r.type = c.type();
        r.category = ft.category;
        r.newStatus = c.status();
        r.bad = bad;
        r.severity = ft.severity;
        r.reason = c.reason();
        r.message = c.message();
        r.transitionTime =
            c.lastTransitionTime.isValid() ? c.lastTransitionTime.toUTC() : QDateTime();

        const NodeHistoryState::Condition *prev = previous(c.type());
        if (!prev) {
            // Healthy conditions of a new node are not news; an active fault is, since its
            // lastTransitionTime.
            if (!bad)
                continue;
            r.flags = TransitionRecord::FirstSeen;
            r.opens = isFault;
            record(std::move(r));
        } else if (prev->status() != c.status()) {
            const bool wasBad = ft.isBad(prev->status());
            r.oldStatus = prev->status();
            r.opens = isFault && bad && !wasBad;
            r.closes = isFault && !bad && wasBad;
            record(std::move(r));
        } else if (ltt > 0 && prev->transitionMs > 0 && ltt > prev->transitionMs) {
            // The status left and came back while Faultboard was not watching. A bad status
            // now means a new fault began at ltt; a good one means a fault we never saw ended.
            r.oldStatus = prev->status();
            r.flags = TransitionRecord::Missed;
            r.opens = isFault && bad;
            r.closes = isFault && !bad;
            record(std::move(r));
        }
    }

    for (const AcceleratorHealth &a : health.accelerators) {
        const QString status = QStringLiteral("%1/%2").arg(a.allocatable).arg(a.capacity);
        next->setCondition(a.resource, status, 0);
        const NodeHistoryState::Condition *prev = previous(a.resource);
        if (prev ? prev->status() == status : !a.degraded())
            continue;
        const bool wasDegraded = prev && countDegraded(prev->status());
        const AcceleratorResource *res = tax.accelerator(a.resource);
        TransitionRecord r;
        r.type = a.resource;
        r.category = res ? res->category : QStringLiteral("gpu");
        r.oldStatus = prev ? prev->status() : QString();
        r.newStatus = status;
        r.bad = a.degraded();
        r.opens = a.degraded() && !wasDegraded;
        r.closes = !a.degraded() && wasDegraded;
        r.severity = a.degraded() ? countSeverity(status) : countSeverity(prev->status());
        r.reason = a.degraded() ? Classifier::AcceleratorsLostReason
                                : QStringLiteral("AcceleratorsRecovered");
        r.message = a.degraded() ? Classifier::acceleratorLossText(a) : QString();
        r.flags = TransitionRecord::Accelerators | (prev ? 0 : TransitionRecord::FirstSeen);
        record(std::move(r));
    }

    // Conditions (and accelerator resources) the node no longer reports: a fault that
    // disappears with its condition has ended.
    if (!fresh) {
        for (const NodeHistoryState::Condition &was : known->conditions) {
            if (next->condition(was.type()))
                continue;
            const bool counts =
                was.status().contains(QLatin1Char('/')) && tax.accelerator(was.type());
            const FaultType ft = tax.lookup(was.type());
            const bool wasBad = counts ? countDegraded(was.status()) : ft.isBad(was.status());
            if (!wasBad)
                continue;
            TransitionRecord r;
            r.type = was.type();
            r.category = counts ? tax.accelerator(was.type())->category : ft.category;
            r.oldStatus = was.status();
            r.severity = counts ? countSeverity(was.status()) : ft.severity;
            r.closes = r.severity >= Severity::Minor;
            r.reason = QStringLiteral("ConditionRemoved");
            r.flags =
                TransitionRecord::ConditionGone | (counts ? TransitionRecord::Accelerators : 0);
            record(std::move(r));
        }
    }
    return !known || !(*known == *next);
}

bool TransitionDetector::nodeGone(const NodeHistoryState *known, const QString &name,
                                  const QDateTime &when, const QDateTime &observed,
                                  NodeHistoryState *next, Output *out) const
{
    if (!known || known->removed)
        return false;
    NodeEventRecord ev;
    ev.node = name;
    ev.uid = known->uid;
    ev.kind = NodeEventRecord::Kind::Removed;
    ev.eventTime = when.isValid() ? when.toUTC() : observed;
    ev.observedTime = observed;
    out->nodeEvents.push_back(ev);
    *next = NodeHistoryState();
    next->uid = known->uid;
    next->location = known->location;
    next->removed = true;
    next->removedMs = toMs(observed);
    return true;
}

} // namespace models

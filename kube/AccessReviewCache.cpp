#include "kube/AccessReviewCache.h"

#include <QPointer>

namespace kube {

AccessReviewCache::AccessReviewCache(Ask ask, int ttlMs, QObject *parent)
    : QObject(parent)
    , m_ask(std::move(ask))
    , m_ttlMs(ttlMs)
{}

void AccessReviewCache::clear()
{
    for (auto it = m_entries.begin(); it != m_entries.end();)
        it = it->inFlight ? std::next(it) : m_entries.erase(it);
}

QString AccessReviewCache::keyOf(const AccessCheck &c)
{
    return QStringList{c.verb, c.group, c.resource, c.subresource, c.name, c.namespaceName}.join(
        QChar(0));
}

void AccessReviewCache::check(const AccessCheck &check,
                              std::function<void(const AccessDecision &)> done)
{
    const QString key = keyOf(check);
    Entry &e = m_entries[key];
    if (e.inFlight) {
        e.waiting.push_back(std::move(done));
        return;
    }
    if (e.age.isValid() && e.age.elapsed() < m_ttlMs) {
        AccessDecision d = e.decision;
        d.check = check;
        return done(d);
    }
    e.inFlight = true;
    e.waiting.push_back(std::move(done));
    ++m_sent;
    QPointer<AccessReviewCache> self(this);
    m_ask(check, [self, key](const AccessDecision &d) {
        if (!self)
            return;
        auto it = self->m_entries.find(key);
        if (it == self->m_entries.end())
            return; // cleared meanwhile
        auto waiting = std::exchange(it->waiting, {});
        it->inFlight = false;
        if (d.error) {
            self->m_entries.erase(it); // ask again next time
        } else {
            it->decision = d;
            it->age.start();
        }
        for (auto &fn : waiting)
            fn(d);
    });
}

} // namespace kube

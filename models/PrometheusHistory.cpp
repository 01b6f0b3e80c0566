#include "models/PrometheusHistory.h"

#include <QMap>
#include <QPromise>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

namespace models {

namespace {

// A PromQL double-quoted string's content.
QString promString(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('"'), QLatin1String("\\\""));
    out.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return out;
}

// An alternation of literal values for a =~ or !~ matcher (RE2, anchored), as string content.
QString promAlternation(const QStringList &values)
{
    static const QString special = QStringLiteral("\\.+*?()|[]{}^$");
    QStringList escaped;
    for (const QString &v : values) {
        QString e;
        for (const QChar c : v) {
            if (special.contains(c))
                e += QLatin1Char('\\');
            e += c;
        }
        escaped << e;
    }
    return promString(escaped.join(QLatin1Char('|')));
}

// kube-state-metrics' label sanitising of resource names (nvidia.com/gpu -> nvidia_com_gpu).
QString sanitizeResource(const QString &resource)
{
    QString out = resource;
    for (QChar &c : out)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('_'))
            c = QLatin1Char('_');
    return out;
}

QString statusMatcher(const QStringList &lowerStatuses)
{
    return lowerStatuses.size() == 1
               ? QStringLiteral("status=\"%1\"").arg(promString(lowerStatuses.first()))
               : QStringLiteral("status=~\"%1\"").arg(promAlternation(lowerStatuses));
}

// The label acceleratorQuery() tells the allocatable count from the capacity by.
constexpr char CountLabel[] = "faultboard_count";

QString capitalized(const QString &status)
{
    return status.isEmpty() ? status : status.left(1).toUpper() + status.mid(1);
}

} // namespace

PrometheusHistory::PrometheusHistory(const kube::PrometheusEndpoint &endpoint,
                                     const Taxonomy &taxonomy, QObject *parent)
    : QObject(parent)
    , m_taxonomy(taxonomy)
    , m_client(new kube::PrometheusClient(endpoint, this))
{}

PrometheusHistory::~PrometheusHistory() = default;

int PrometheusHistory::stepFor(const QDateTime &from, const QDateTime &to)
{
    static const int steps[] = {15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 86400};
    const qint64 range = std::max<qint64>(1, from.secsTo(to));
    for (const int s : steps)
        if (range / s <= 1440)
            return s;
    return int(range / 1440) + 1;
}

QString PrometheusHistory::defaultStatuses() const
{
    QStringList s;
    for (const QString &status : m_taxonomy.unknownBadStatuses())
        s << status.toLower();
    s.sort();
    return s.join(QLatin1Char('|'));
}

QMap<QString, QStringList> PrometheusHistory::polarityGroups() const
{
    QMap<QString, QStringList> groups;
    const QString fallback = defaultStatuses();
    for (const FaultType &t : m_taxonomy.types()) {
        QStringList s;
        for (const QString &status : t.badStatuses)
            s << status.toLower();
        s.sort();
        const QString key = s.join(QLatin1Char('|'));
        if (key != fallback)
            groups[key] << t.type; // an empty key: never faulty, only excluded
    }
    return groups;
}

QStringList PrometheusHistory::allKnownTypes() const
{
    QStringList types;
    for (const FaultType &t : m_taxonomy.types())
        types << t.type;
    return types;
}

QString PrometheusHistory::nodeQuery(const QString &node) const
{
    const QString nodeMatcher = QStringLiteral("node=\"%1\"").arg(promString(node));
    QStringList clauses;
    QStringList nonDefault;
    const QMap<QString, QStringList> groups = polarityGroups();
    for (auto it = groups.begin(); it != groups.end(); ++it) {
        nonDefault << it.value();
        if (it.key().isEmpty())
            continue;
        clauses << QStringLiteral("kube_node_status_condition{%1,condition=~\"%2\",%3} == 1")
                       .arg(nodeMatcher, promAlternation(it.value()),
                            statusMatcher(it.key().split(QLatin1Char('|'))));
    }
    const QString fallback = defaultStatuses();
    if (!fallback.isEmpty()) {
        const QString exclude =
            nonDefault.isEmpty()
                ? QString()
                : QStringLiteral(",condition!~\"%1\"").arg(promAlternation(nonDefault));
        clauses << QStringLiteral("kube_node_status_condition{%1%2,%3} == 1")
                       .arg(nodeMatcher, exclude, statusMatcher(fallback.split(QLatin1Char('|'))));
    }
    const QString accelerators = acceleratorQuery(node);
    if (!accelerators.isEmpty())
        clauses << accelerators;
    return clauses.join(QStringLiteral(" or "));
}

QString PrometheusHistory::fleetQuery(const QString &type) const
{
    const FaultType t = m_taxonomy.lookup(type);
    QStringList statuses;
    for (const QString &s : t.badStatuses)
        statuses << s.toLower();
    statuses.sort();
    if (statuses.isEmpty())
        return {};
    return QStringLiteral("kube_node_status_condition{condition=\"%1\",%2} == 1")
        .arg(promString(type), statusMatcher(statuses));
}

QString PrometheusHistory::unknownTypesQuery() const
{
    const QString fallback = defaultStatuses();
    if (fallback.isEmpty())
        return {};
    const QStringList known = allKnownTypes();
    const QString exclude = known.isEmpty()
                                ? QString()
                                : QStringLiteral("condition!~\"%1\",").arg(promAlternation(known));
    return QStringLiteral("kube_node_status_condition{%1%2} == 1")
        .arg(exclude, statusMatcher(fallback.split(QLatin1Char('|'))));
}

QString PrometheusHistory::acceleratorQuery(const QString &node) const
{
    QStringList resources;
    for (const AcceleratorResource &a : m_taxonomy.accelerators())
        resources << sanitizeResource(a.resource);
    if (resources.isEmpty())
        return {};
    const QString selector =
        (node.isEmpty() ? QString() : QStringLiteral("node=\"%1\",").arg(promString(node))) +
        QStringLiteral("resource=~\"%1\"").arg(promAlternation(resources));
    // max by: a kube-state-metrics run in two replicas exports every series twice. Both counts
    // of a node below its capacity come back, told apart by a label (`or` keeps both: their
    // label sets differ), so an episode says 6 of 8 and not only 6.
    const QString allocatable =
        QStringLiteral("max by (node, resource) (kube_node_status_allocatable{%1})").arg(selector);
    const QString capacity =
        QStringLiteral("max by (node, resource) (kube_node_status_capacity{%1})").arg(selector);
    return QStringLiteral("(label_replace(%1 < %2, \"%3\", \"allocatable\", \"node\", \".*\") or "
                          "label_replace(%2 > %1, \"%3\", \"capacity\", \"node\", \".*\"))")
        .arg(allocatable, capacity, QLatin1String(CountLabel));
}

namespace {

// The matrix as episodes; a free function of a copy of the taxonomy, so it runs on any thread.
std::vector<FaultEpisode> toEpisodes(const Taxonomy &taxonomy, const kube::PrometheusMatrix &m,
                                     const QDateTime &from, const QDateTime &to, int stepSeconds)
{
    QHash<QString, QString> resourceNames; // sanitised -> the taxonomy's name
    for (const AcceleratorResource &a : taxonomy.accelerators())
        resourceNames.insert(sanitizeResource(a.resource), a.resource);

    struct Point
    {
        QString status;
        int allocatable = -1;
        int capacity = 0;
    };
    // (node, type) -> evaluation time -> what was seen; several series of one pair (the
    // statuses False and Unknown of Ready, replicas of kube-state-metrics) make one timeline.
    std::map<std::pair<QString, QString>, std::map<qint64, Point>> timelines;
    std::set<std::pair<QString, QString>> acceleratorKeys;
    for (const kube::PrometheusSeries &s : m.series) {
        const QString node = s.labels.value(QStringLiteral("node"));
        if (node.isEmpty())
            continue;
        const bool accelerator = !s.labels.contains(QStringLiteral("condition"));
        QString type;
        if (accelerator) {
            const QString resource = s.labels.value(QStringLiteral("resource"));
            type = resourceNames.value(resource, resource);
        } else {
            type = s.labels.value(QStringLiteral("condition"));
        }
        if (type.isEmpty())
            continue;
        auto &timeline = timelines[{node, type}];
        if (accelerator)
            acceleratorKeys.insert({node, type});
        const bool capacity =
            accelerator && s.labels.value(QLatin1String(CountLabel)) == QLatin1String("capacity");
        for (const kube::PrometheusSample &p : s.samples) {
            // A condition's series is 1 while it has that status (the query keeps only those).
            if (!accelerator && p.value != 1)
                continue;
            Point &point = timeline[p.timeMs];
            if (capacity) {
                point.capacity = int(p.value);
                continue;
            }
            if (point.status.isEmpty() && point.allocatable < 0) {
                point.status = capitalized(s.labels.value(QStringLiteral("status")));
                point.allocatable = accelerator ? int(p.value) : -1;
            }
        }
    }

    const qint64 stepMs = qint64(stepSeconds) * 1000;
    const qint64 startMs = from.toMSecsSinceEpoch();
    // The last evaluation time of the range. Prometheus evaluates at start + k * step; a server
    // that aligns the start to the step (VictoriaMetrics, a caching query frontend) has another
    // phase, which any sample of the answer shows.
    qint64 phaseMs = 0;
    for (const auto &[key, timeline] : timelines) {
        if (!timeline.empty()) {
            phaseMs = ((timeline.begin()->first - startMs) % stepMs + stepMs) % stepMs;
            break;
        }
    }
    const qint64 toMs = to.toMSecsSinceEpoch();
    qint64 lastMs = startMs + phaseMs + (toMs - startMs - phaseMs) / stepMs * stepMs;
    if (lastMs > toMs)
        lastMs -= stepMs;
    std::vector<FaultEpisode> out;
    for (const auto &[key, timeline] : timelines) {
        if (timeline.empty())
            continue; // a series that never had the faulty status (a query without "== 1")
        const FaultType type = taxonomy.lookup(key.second);
        const bool accelerator = acceleratorKeys.count(key) > 0;
        auto it = timeline.begin();
        while (it != timeline.end()) {
            FaultEpisode e;
            e.node = key.first;
            e.type = key.second;
            if (accelerator) {
                const AcceleratorResource *a = taxonomy.accelerator(key.second);
                e.category = a ? a->category : type.category;
                e.severity = type.severity;
                e.acceleratorsOk = it->second.allocatable;
                e.acceleratorsTotal = it->second.capacity;
            } else {
                e.category = type.category;
                e.severity = type.severity;
                e.status = it->second.status;
            }
            e.source = FaultEpisode::Source::Prometheus;
            e.resolutionSeconds = stepSeconds;
            e.since = QDateTime::fromMSecsSinceEpoch(it->first, Qt::UTC);
            qint64 last = it->first;
            ++it;
            // Evaluation times are exact multiples of the step from `from`: one missing is a gap.
            while (it != timeline.end() && it->first - last <= stepMs) {
                last = it->first;
                ++it;
            }
            if (last + stepMs <= lastMs) {
                e.until = QDateTime::fromMSecsSinceEpoch(last + stepMs, Qt::UTC);
                e.ended = true;
            }
            out.push_back(std::move(e));
        }
    }
    std::sort(out.begin(), out.end(), episodeBefore);
    return out;
}

} // namespace

std::vector<FaultEpisode> PrometheusHistory::episodesFromMatrix(const kube::PrometheusMatrix &m,
                                                                const QDateTime &from,
                                                                const QDateTime &to,
                                                                int stepSeconds) const
{
    return toEpisodes(m_taxonomy, m, from, to, stepSeconds);
}

QFuture<PrometheusEpisodes> PrometheusHistory::nodeEpisodes(const QString &node,
                                                            const QDateTime &from,
                                                            const QDateTime &to, int stepSeconds)
{
    return run({{tr("read the fault history of node %1").arg(node), nodeQuery(node)}}, from, to,
               stepSeconds);
}

QFuture<PrometheusEpisodes> PrometheusHistory::fleetEpisodes(const QString &type,
                                                             const QDateTime &from,
                                                             const QDateTime &to, int stepSeconds)
{
    return run({{tr("read the fleet's %1 faults").arg(type), fleetQuery(type)}}, from, to,
               stepSeconds);
}

QFuture<PrometheusEpisodes>
PrometheusHistory::allFleetEpisodes(const QDateTime &from, const QDateTime &to, int stepSeconds)
{
    std::vector<Query> queries;
    for (const FaultType &t : m_taxonomy.types())
        queries.push_back({tr("read the fleet's %1 faults").arg(t.type), fleetQuery(t.type)});
    queries.push_back({tr("read the fleet's faults of condition types the taxonomy does not know"),
                       unknownTypesQuery()});
    queries.push_back({tr("read the fleet's lost accelerators"), acceleratorQuery()});
    return run(queries, from, to, stepSeconds);
}

void PrometheusHistory::cancel()
{
    m_client->cancelAll();
}

QFuture<PrometheusEpisodes> PrometheusHistory::run(const std::vector<Query> &allQueries,
                                                   const QDateTime &from, const QDateTime &to,
                                                   int stepSeconds)
{
    const int step = stepSeconds > 0 ? stepSeconds : stepFor(from, to);
    struct State
    {
        QPromise<PrometheusEpisodes> promise;
        PrometheusEpisodes result;
        std::vector<Query> queries;
        std::size_t next = 0;
        int running = 0;
    };
    auto state = std::make_shared<State>();
    for (const Query &q : allQueries)
        if (!q.promql.isEmpty())
            state->queries.push_back(q);
    state->result.stepSeconds = step;
    state->promise.start();
    QFuture<PrometheusEpisodes> future = state->promise.future();

    // Starts queries while fewer than MaxInFlight run; each answer starts the next. The
    // function holds itself weakly: the answers in flight keep it alive.
    auto launch = std::make_shared<std::function<void()>>();
    *launch = [this, state, weakLaunch = std::weak_ptr(launch), from, to, step] {
        constexpr int MaxInFlight = 4;
        while (state->running < MaxInFlight && state->next < state->queries.size()) {
            const Query q = state->queries[state->next++];
            ++state->running;
            std::shared_ptr<std::function<void()>> launch = weakLaunch.lock();
            // The matrix becomes episodes on the thread pool (a fleet's answer is large);
            // the tally is kept on this object's thread.
            struct Answer
            {
                kube::ApiError error;
                qint64 bytes = 0;
                std::vector<FaultEpisode> episodes;
            };
            m_client->queryRange(q.promql, from, to, step, q.context)
                .then(QtFuture::Launch::Async,
                      [taxonomy = m_taxonomy, from, to, step](const kube::PrometheusMatrix &m) {
                          Answer a;
                          a.error = m.error;
                          a.bytes = m.bytes;
                          if (m.ok())
                              a.episodes = toEpisodes(taxonomy, m, from, to, step);
                          return a;
                      })
                .then(this, [state, launch](Answer a) {
                    --state->running;
                    ++state->result.queries;
                    state->result.bytes += a.bytes;
                    if (!a.error.ok() && state->result.error.ok()) {
                        state->result.error = a.error;
                        state->result.errorText = kube::PrometheusClient::errorText(a.error);
                    }
                    std::move(a.episodes.begin(), a.episodes.end(),
                              std::back_inserter(state->result.episodes));
                    // cancel() stops the queries in flight, and the rest are not started.
                    if (a.error.kind == kube::ApiError::Kind::Cancelled)
                        state->next = state->queries.size();
                    (*launch)();
                });
        }
        if (state->running == 0 && state->next >= state->queries.size()) {
            std::sort(state->result.episodes.begin(), state->result.episodes.end(), episodeBefore);
            state->promise.addResult(std::move(state->result));
            state->promise.finish();
        }
    };
    (*launch)();
    return future;
}

} // namespace models

#include "models/PrometheusHistory.h"
#include "kube/ContinueOn.h"

#include <QMap>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <deque>
#include <functional>
#include <limits>
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

bool PrometheusHistory::isTooManySamples(const kube::ApiError &error)
{
    if (error.kind != kube::ApiError::Kind::Http)
        return false;
    // Prometheus (and Thanos, Mimir: its engine) answers 422 "query processing would load too
    // many samples into memory in query execution"; VictoriaMetrics names its flags.
    return error.message.contains(QLatin1String("too many samples")) ||
           error.message.contains(QLatin1String("-search.maxSamplesPerQuery")) ||
           error.message.contains(QLatin1String("-search.maxPointsPerTimeseries"));
}

QString PrometheusHistory::limitErrorText(const kube::ApiError &error, const QDateTime &from,
                                          const QDateTime &to, int stepSeconds, bool cutToOneStep)
{
    const QString first = from.toUTC().toString(Qt::ISODate);
    const QString last = to.toUTC().toString(Qt::ISODate);
    if (isTooManySamples(error)) {
        return (cutToOneStep
                    ? tr("%1, %2 to %3 at a step of %4 s: the server's limit on the samples one "
                         "query may load was hit even by a single step (%5). Raise the limit: "
                         "Prometheus' --query.max-samples (50000000 by default), "
                         "VictoriaMetrics' -search.maxSamplesPerQuery.")
                    : tr("%1, %2 to %3 at a step of %4 s: the server's limit on the samples one "
                         "query may load was hit (%5), and cutting the query into time slices is "
                         "off. Raise the limit: Prometheus' --query.max-samples (50000000 by "
                         "default), VictoriaMetrics' -search.maxSamplesPerQuery."))
            .arg(error.context, first, last)
            .arg(stepSeconds)
            .arg(error.message);
    }
    if (isQueryTimeout(error)) {
        // What the server said, as it said it: its status, its error type, its message.
        const QString said =
            error.reason.isEmpty() || error.reason == QString::number(error.code)
                ? tr("HTTP %1: %2").arg(error.code).arg(error.message)
                : tr("HTTP %1, %2: %3").arg(error.code).arg(error.reason, error.message);
        return (cutToOneStep
                    ? tr("%1, %2 to %3 at a step of %4 s: the server stopped the query at its "
                         "time limit even for a single step (%5). Raise the limit (Prometheus' "
                         "--query.timeout, 2 minutes by default; VictoriaMetrics' "
                         "-search.maxQueryDuration, 30 s by default) or read again when the "
                         "server is less loaded.")
                    : tr("%1, %2 to %3 at a step of %4 s: the server stopped the query at its "
                         "time limit (%5), and cutting the query into time slices is off. Raise "
                         "the limit: Prometheus' --query.timeout (2 minutes by default), "
                         "VictoriaMetrics' -search.maxQueryDuration (30 s by default)."))
            .arg(error.context, first, last)
            .arg(stepSeconds)
            .arg(said);
    }
    return kube::PrometheusClient::errorText(error);
}

bool PrometheusHistory::isQueryTimeout(const kube::ApiError &error)
{
    if (error.kind != kube::ApiError::Kind::Http)
        return false;
    // Prometheus answers 503, errorType "timeout", "query timed out in expression evaluation"
    // (or "in query execution"; "in query queue" when the limit came while it waited for a
    // slot: its limit counts the wait); met while the series are read, the deadline is a 422 of
    // type "execution": "expanding series: context deadline exceeded". VictoriaMetrics answers
    // 503 "... couldn't be executed in 30.000 seconds; possible solutions: to increase
    // -search.maxQueryDuration=30s ..." (and names it too when its -search.maxConcurrentRequests
    // slots stayed full). A wait is not cured by a shorter query, but the halves are asked
    // again within the same 4 in flight: no more load on the server, a second chance.
    const QString &message = error.message;
    return error.reason == QLatin1String("timeout") ||
           message.contains(QLatin1String("query timed out")) ||
           message.contains(QLatin1String("context deadline exceeded")) ||
           message.contains(QLatin1String("-search.maxQueryDuration"));
}

std::vector<std::pair<QDateTime, QDateTime>> PrometheusHistory::timeSlices(const QDateTime &from,
                                                                           const QDateTime &to,
                                                                           int stepSeconds,
                                                                           qint64 maxSteps)
{
    const qint64 stepMs = qint64(std::max(1, stepSeconds)) * 1000;
    const qint64 steps = std::max<qint64>(0, from.msecsTo(to)) / stepMs + 1;
    const qint64 count = (steps - 1) / std::max<qint64>(1, maxSteps) + 1;
    std::vector<std::pair<QDateTime, QDateTime>> out;
    qint64 first = 0;
    for (qint64 i = 0; i < count; ++i) {
        const qint64 n = steps / count + (i < steps % count ? 1 : 0);
        const QDateTime a = from.addMSecs(first * stepMs);
        out.emplace_back(a, i + 1 == count ? to : a.addMSecs((n - 1) * stepMs));
        first += n;
    }
    return out;
}

kube::PrometheusMatrix PrometheusHistory::joinSlices(std::vector<kube::PrometheusMatrix> slices)
{
    if (slices.size() == 1)
        return std::move(slices.front());
    kube::PrometheusMatrix out;
    QHash<QString, std::size_t> index; // a series' labels, in name order -> its place in out
    for (kube::PrometheusMatrix &slice : slices) {
        out.bytes += slice.bytes;
        for (const QString &w : std::as_const(slice.warnings))
            if (!out.warnings.contains(w))
                out.warnings << w;
        for (kube::PrometheusSeries &s : slice.series) {
            QStringList names = s.labels.keys();
            names.sort();
            QString key;
            for (const QString &name : std::as_const(names))
                key += name + QChar(0x1f) + s.labels.value(name) + QChar(0x1e);
            const auto it = index.constFind(key);
            if (it == index.constEnd()) {
                index.insert(key, out.series.size());
                out.series.push_back(std::move(s));
                continue;
            }
            std::vector<kube::PrometheusSample> &samples = out.series[*it].samples;
            samples.insert(samples.end(), s.samples.begin(), s.samples.end());
        }
    }
    // Slices answer in any order; a server that rounds a slice's range out to its step (as
    // VictoriaMetrics does) gives a time at a cut twice.
    for (kube::PrometheusSeries &s : out.series) {
        std::stable_sort(s.samples.begin(), s.samples.end(),
                         [](const kube::PrometheusSample &a, const kube::PrometheusSample &b) {
                             return a.timeMs < b.timeMs;
                         });
        s.samples.erase(
            std::unique(s.samples.begin(), s.samples.end(),
                        [](const kube::PrometheusSample &a, const kube::PrometheusSample &b) {
                            return a.timeMs == b.timeMs;
                        }),
            s.samples.end());
    }
    return out;
}

QFuture<PrometheusEpisodes> PrometheusHistory::nodeEpisodes(const QString &node,
                                                            const QDateTime &from,
                                                            const QDateTime &to, int stepSeconds)
{
    return run({{tr("read the fault history of node %1").arg(node), nodeQuery(node)}}, from, to,
               stepSeconds);
}

namespace {

int statusCount(const FaultType &t)
{
    return int(t.badStatuses.size());
}

} // namespace

QFuture<PrometheusEpisodes> PrometheusHistory::fleetEpisodes(const QString &type,
                                                             const QDateTime &from,
                                                             const QDateTime &to, int stepSeconds)
{
    return run({{tr("read the fleet's %1 faults").arg(type), fleetQuery(type),
                 statusCount(m_taxonomy.lookup(type))}},
               from, to, stepSeconds);
}

QFuture<PrometheusEpisodes>
PrometheusHistory::allFleetEpisodes(const QDateTime &from, const QDateTime &to, int stepSeconds)
{
    std::vector<Query> queries;
    for (const FaultType &t : m_taxonomy.types())
        queries.push_back(
            {tr("read the fleet's %1 faults").arg(t.type), fleetQuery(t.type), statusCount(t)});
    // A node has few condition types the taxonomy does not know, if any: one each is a guess,
    // and a refusal cuts the query anyway.
    queries.push_back({tr("read the fleet's faults of condition types the taxonomy does not know"),
                       unknownTypesQuery(), int(m_taxonomy.unknownBadStatuses().size())});
    // Allocatable and capacity of each resource, each held twice (the selector, the max by).
    queries.push_back({tr("read the fleet's lost accelerators"), acceleratorQuery(),
                       4 * int(m_taxonomy.accelerators().size())});
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
    // One request: a time slice of one query, [from, to] on the query's step grid.
    struct Slice
    {
        std::size_t query = 0;
        QDateTime from;
        QDateTime to;
    };
    struct Answers
    {
        std::vector<kube::PrometheusMatrix> slices;
        int outstanding = 0; // slices not answered yet
        bool failed = false;
    };
    struct State
    {
        QPromise<PrometheusEpisodes> promise;
        PrometheusEpisodes result;
        std::vector<Query> queries;
        std::vector<Answers> answers;
        std::deque<Slice> todo;
        int running = 0; // requests in flight
        int joining = 0; // queries whose slices become episodes on the thread pool
        int planned = 0; // slices, for progress
        int done = 0;
    };
    auto state = std::make_shared<State>();
    const qint64 stepMs = qint64(step) * 1000;
    for (const Query &q : allQueries) {
        if (q.promql.isEmpty())
            continue;
        const std::size_t index = state->queries.size();
        state->queries.push_back(q);
        qint64 maxSteps = std::numeric_limits<qint64>::max();
        if (m_splitting && m_sampleBudget > 0 && m_expectedNodes > 0 && q.seriesPerNode > 0)
            maxSteps =
                std::max<qint64>(1, m_sampleBudget / (qint64(m_expectedNodes) * q.seriesPerNode));
        const auto slices = timeSlices(from, to, step, maxSteps);
        for (const auto &[a, b] : slices)
            state->todo.push_back({index, a, b});
        state->answers.push_back({{}, int(slices.size()), false});
        state->planned += int(slices.size());
    }
    state->result.stepSeconds = step;
    state->promise.start();
    state->promise.setProgressRange(0, state->planned);
    QFuture<PrometheusEpisodes> future = state->promise.future();

    const auto progress = [state] {
        state->promise.setProgressRange(0, state->planned);
        state->promise.setProgressValue(std::min(state->done, state->planned));
    };
    const auto fail = [state](std::size_t query, const kube::PrometheusMatrix &m,
                              const Slice &slice, bool cutToOneStep) {
        if (state->result.error.ok()) {
            state->result.error = m.error;
            state->result.errorText = limitErrorText(m.error, slice.from, slice.to,
                                                     state->result.stepSeconds, cutToOneStep);
        }
        Answers &answers = state->answers[query];
        answers.failed = true;
        answers.slices.clear();
        // A query with a slice missing would give wrong bounds: its other slices are not asked.
        const auto before = state->todo.size();
        state->todo.erase(std::remove_if(state->todo.begin(), state->todo.end(),
                                         [query](const Slice &s) { return s.query == query; }),
                          state->todo.end());
        state->done += int(before - state->todo.size());
    };

    // Starts slices while fewer than MaxInFlight run; each answer starts the next. The
    // function holds itself weakly: the answers in flight keep it alive.
    auto launch = std::make_shared<std::function<void()>>();
    *launch = [this, state, weakLaunch = std::weak_ptr(launch), from, to, step, stepMs, progress,
               fail] {
        constexpr int MaxInFlight = 4;
        while (state->running < MaxInFlight && !state->todo.empty()) {
            const Slice slice = state->todo.front();
            state->todo.pop_front();
            ++state->running;
            std::shared_ptr<std::function<void()>> launch = weakLaunch.lock();
            const auto answered = [this, state, launch, slice, from, to, step, stepMs, progress,
                                   fail](kube::PrometheusMatrix m) {
                --state->running;
                ++state->result.queries;
                state->result.bytes += m.bytes;
                Answers &answers = state->answers[slice.query];
                const qint64 steps = slice.from.msecsTo(slice.to) / stepMs + 1;
                if (m.ok()) {
                    ++state->done;
                    ++state->result.slices;
                    if (!answers.failed)
                        answers.slices.push_back(std::move(m));
                    if (--answers.outstanding == 0 && !answers.failed) {
                        // The matrices become episodes on the thread pool (a fleet's
                        // answer is large); the tally is kept on this object's thread.
                        ++state->joining;
                        kube::continueOn(this,
                                         QtConcurrent::run([taxonomy = m_taxonomy,
                                                            slices = std::move(answers.slices),
                                                            from, to, step]() mutable {
                                             return toEpisodes(taxonomy,
                                                               joinSlices(std::move(slices)), from,
                                                               to, step);
                                         }),
                                         [state, launch](std::vector<FaultEpisode> episodes) {
                                             --state->joining;
                                             std::move(episodes.begin(), episodes.end(),
                                                       std::back_inserter(state->result.episodes));
                                             (*launch)();
                                         });
                    }
                } else if (m.error.kind == kube::ApiError::Kind::Cancelled) {
                    // cancel() stops the slices in flight, and the rest are not started.
                    ++state->done;
                    fail(slice.query, m, slice, false);
                    state->done += int(state->todo.size());
                    state->todo.clear();
                } else if (m_splitting && steps > 1 && !answers.failed &&
                           (isTooManySamples(m.error) || isQueryTimeout(m.error))) {
                    // Refused as too large, or stopped at the server's time limit: the two
                    // halves on the step grid, asked next (each loads half the samples and
                    // takes about half the time). Not once the query failed by another slice:
                    // its halves would be asked for nothing, each up to the server's limit.
                    ++(isTooManySamples(m.error) ? state->result.refused : state->result.timedOut);
                    ++state->planned;
                    ++answers.outstanding;
                    const QDateTime cut = slice.from.addMSecs(steps / 2 * stepMs);
                    state->todo.push_front({slice.query, cut, slice.to});
                    state->todo.push_front({slice.query, slice.from, cut.addMSecs(-stepMs)});
                } else {
                    ++state->done;
                    fail(slice.query, m, slice, m_splitting);
                }
                progress();
                (*launch)();
            };
            const Query &q = state->queries[slice.query];
            kube::continueOn(
                this, m_client->queryRange(q.promql, slice.from, slice.to, step, q.context),
                [this, answered](kube::PrometheusMatrix m) {
                    // Some answers come at once: cancel() aborts the requests and their futures
                    // finish inside it (so does a request refused before it is sent). Handled
                    // there, the last one finished the result and ran the caller's
                    // continuations inside cancel(): the Trends view updated inside Cancel's
                    // clicked(), before the click returned. Every answer is handled in a later
                    // turn of the event loop, as a network answer is.
                    QMetaObject::invokeMethod(
                        this, [answered, m = std::move(m)]() mutable { answered(std::move(m)); },
                        Qt::QueuedConnection);
                });
        }
        if (state->running == 0 && state->joining == 0 && state->todo.empty() &&
            !state->promise.future().isFinished()) {
            state->promise.setProgressRange(0, state->planned);
            state->promise.setProgressValue(state->planned);
            std::sort(state->result.episodes.begin(), state->result.episodes.end(), episodeBefore);
            state->promise.addResult(std::move(state->result));
            state->promise.finish();
        }
    };
    (*launch)();
    return future;
}

} // namespace models

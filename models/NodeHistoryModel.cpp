#include "models/NodeHistoryModel.h"
#include "kube/ContinueOn.h"

#include "models/HistoryMerge.h"
#include "models/IncidentTime.h"
#include "models/Taxonomy.h"

#include <algorithm>

#include <QLocale>

namespace models {

NodeHistoryModel::NodeHistoryModel(FaultHistory *history, QObject *parent)
    : QAbstractTableModel(parent)
    , m_history(history)
{
    connect(history, &FaultHistory::written, this, &NodeHistoryModel::onWritten);
    connect(history, &FaultHistory::opened, this, &NodeHistoryModel::refresh);
}

void NodeHistoryModel::setNodeName(const QString &name)
{
    if (name == m_name)
        return;
    m_name = name;
    ++m_generation; // whatever is in flight is for the previous node
    m_inFlight = false;
    m_refreshAgain = false;
    m_local.clear();
    m_remote.clear();
    if (!m_events.empty()) {
        beginResetModel();
        m_events.clear();
        endResetModel();
    }
    refresh();
    askPrometheus();
}

void NodeHistoryModel::setPrometheusHistory(PrometheusHistory *prometheus, qint64 rangeSeconds)
{
    m_prometheus = prometheus;
    m_prometheusRange = rangeSeconds;
    m_remote.clear();
    askPrometheus();
    if (!prometheus) {
        ++m_prometheusGeneration; // what was asked of the previous one is of no use
        setReadingPrometheus(false);
        show(compose());
    }
}

void NodeHistoryModel::setReadingPrometheus(bool reading)
{
    if (reading == m_readingPrometheus)
        return;
    m_readingPrometheus = reading;
    emit readingPrometheusChanged(reading);
}

void NodeHistoryModel::cancelPrometheus()
{
    if (m_prometheus && m_readingPrometheus)
        m_prometheus->cancel();
}

void NodeHistoryModel::askPrometheus()
{
    if (!m_prometheus || m_name.isEmpty())
        return;
    const quint64 generation = ++m_prometheusGeneration;
    setReadingPrometheus(true);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    kube::continueOn(this, m_prometheus->nodeEpisodes(m_name, now.addSecs(-m_prometheusRange), now),
                     [this, generation](const PrometheusEpisodes &r) {
                         if (generation != m_prometheusGeneration)
                             return; // another node, or a newer question
                         setReadingPrometheus(false);
                         m_remote = r.episodes;
                         m_remoteResolution = r.stepSeconds;
                         show(compose());
                         if (!r.ok())
                             emit prometheusFailed(r.errorText);
                     });
}

std::vector<HistoryEvent> NodeHistoryModel::compose() const
{
    std::vector<HistoryEvent> out = m_local;
    if (m_remote.empty())
        return out;
    // Faultboard's own episodes, from its rows, for the merge.
    std::vector<FaultEpisode> local;
    QHash<QString, std::size_t> open; // type -> index in `local`
    for (const HistoryEvent &e : m_local) {
        if (e.kind != HistoryEvent::Kind::Transition)
            continue;
        if (e.opens) {
            FaultEpisode f;
            f.node = e.node;
            f.type = e.type;
            f.since = e.time;
            open.insert(e.type, local.size());
            local.push_back(f);
        } else if (e.closes && open.contains(e.type)) {
            FaultEpisode &f = local[open.take(e.type)];
            f.until = e.time;
            f.ended = true;
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 id = -1; // rows of no table: negative ids never meet the history's
    for (const FaultEpisode &p : mergeEpisodes(local, m_remote, now)) {
        if (p.source != FaultEpisode::Source::Prometheus)
            continue;
        HistoryEvent began;
        began.kind = HistoryEvent::Kind::Transition;
        began.id = id--;
        began.time = p.since;
        began.node = p.node;
        began.type = p.type;
        began.category = p.category;
        began.newStatus = p.status.isEmpty() ? QString::number(p.acceleratorsOk) : p.status;
        began.bad = true;
        began.opens = true;
        began.severity = p.severity;
        began.flags = FromPrometheus;
        out.push_back(began);
        if (p.ended) {
            HistoryEvent ended = began;
            ended.id = id--;
            ended.time = p.until;
            ended.oldStatus = began.newStatus;
            ended.newStatus.clear();
            ended.bad = false;
            ended.opens = false;
            ended.closes = true;
            out.push_back(ended);
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const HistoryEvent &a, const HistoryEvent &b) { return a.time < b.time; });
    return out;
}

void NodeHistoryModel::show(std::vector<HistoryEvent> next)
{
    const auto same = [](const HistoryEvent &a, const HistoryEvent &b) {
        return a.kind == b.kind && a.id == b.id;
    };
    const bool appended = next.size() >= m_events.size() &&
                          std::equal(m_events.begin(), m_events.end(), next.begin(), same);
    if (appended && next.size() > m_events.size()) {
        beginInsertRows({}, int(m_events.size()), int(next.size()) - 1);
        m_events = std::move(next);
        endInsertRows();
    } else if (!appended) {
        beginResetModel();
        m_events = std::move(next);
        endResetModel();
    }
}

void NodeHistoryModel::setLimit(int limit)
{
    m_limit = limit;
    refresh();
}

void NodeHistoryModel::onWritten(const HistoryWriteResult &result)
{
    if (!m_name.isEmpty() && result.nodes.contains(m_name))
        refresh();
}

void NodeHistoryModel::refresh()
{
    if (!m_history || m_name.isEmpty())
        return;
    // One query at a time; changes meanwhile ask for one more afterwards.
    if (m_inFlight) {
        m_refreshAgain = true;
        return;
    }
    m_inFlight = true;
    const quint64 generation = m_generation;
    kube::continueOn(this, m_history->timeline(m_name, {}, {}, m_limit),
                     [this, generation](HistoryResult<std::vector<HistoryEvent>> r) {
                         apply(generation, std::move(r));
                     });
}

void NodeHistoryModel::apply(quint64 generation, HistoryResult<std::vector<HistoryEvent>> result)
{
    if (generation != m_generation)
        return;
    m_inFlight = false;
    if (!result.ok()) {
        emit loadFailed(result.error);
    } else {
        m_local = std::move(result.value);
        show(compose());
        emit loaded();
    }
    if (m_refreshAgain) {
        m_refreshAgain = false;
        refresh();
    }
}

int NodeHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int NodeHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString NodeHistoryModel::eventText(const HistoryEvent &e) const
{
    switch (e.kind) {
    case HistoryEvent::Kind::NodeAdded:
        return tr("Node added");
    case HistoryEvent::Kind::NodeRemoved:
        return tr("Node removed");
    case HistoryEvent::Kind::Action:
        return tr("%1 by %2").arg(e.type, e.actor);
    case HistoryEvent::Kind::Transition:
        break;
    }
    if (e.opens)
        return tr("%1 fault began").arg(e.type);
    if (e.closes)
        return tr("%1 fault ended").arg(e.type);
    return e.type;
}

QString NodeHistoryModel::changeText(const HistoryEvent &e) const
{
    if (e.kind == HistoryEvent::Kind::Action)
        return e.newStatus;
    if (e.kind != HistoryEvent::Kind::Transition)
        return {};
    if (e.flags & FromPrometheus) {
        // Prometheus saw statuses at its steps only: no "from" before the first.
        return e.opens ? tr("%1 (from Prometheus, up to %2 s late)")
                             .arg(e.newStatus)
                             .arg(m_remoteResolution)
                       : tr("over (from Prometheus, up to %1 s late)").arg(m_remoteResolution);
    }
    const QString from = e.oldStatus.isEmpty() ? tr("(unknown)") : e.oldStatus;
    const QString to = e.newStatus.isEmpty() ? tr("(gone)") : e.newStatus;
    if (e.flags & TransitionRecord::Missed)
        return tr("%1 → … → %2 (changed while not watched)").arg(from, to);
    return tr("%1 → %2").arg(from, to);
}

QVariant NodeHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const HistoryEvent &e = m_events[std::size_t(index.row())];
    const bool fault = e.kind == HistoryEvent::Kind::Transition;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            // An incident timeline: seconds and the zone, the same in every language.
            return incidentTime(e.time);
        case EventColumn:
            return eventText(e);
        case ChangeColumn:
            return changeText(e);
        case SeverityColumn:
            return fault && e.bad ? severityName(e.severity) : QString();
        case ReasonColumn:
            return e.reason;
        case MessageColumn:
            return e.message;
        }
        return {};
    case Qt::ToolTipRole:
        if (fault && e.observedTime.isValid() && e.time.isValid() &&
            e.observedTime.secsTo(e.time) < -60)
            return tr("Happened %1, recorded %2")
                .arg(incidentTime(e.time), incidentTime(e.observedTime));
        return {};
    case KindRole:
        return int(e.kind);
    case TimeRole:
        return e.time;
    case ObservedTimeRole:
        return e.observedTime;
    case TypeRole:
        return e.type;
    case OldStatusRole:
        return e.oldStatus;
    case NewStatusRole:
        return e.newStatus;
    case SeverityRole:
        return int(fault && e.bad ? e.severity : Severity::Healthy);
    case BadRole:
        return e.bad;
    case OpensRole:
        return e.opens;
    case ClosesRole:
        return e.closes;
    case ActorRole:
        return e.actor;
    case FlagsRole:
        return e.flags;
    case SourceRole:
        return episodeSourceId((e.flags & FromPrometheus) ? FaultEpisode::Source::Prometheus
                                                          : FaultEpisode::Source::Faultboard);
    case ResolutionRole:
        return (e.flags & FromPrometheus) ? m_remoteResolution : 0;
    }
    return {};
}

QVariant NodeHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case EventColumn:
        return tr("Event");
    case ChangeColumn:
        return tr("Change");
    case SeverityColumn:
        return tr("Severity");
    case ReasonColumn:
        return tr("Reason");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

QHash<int, QByteArray> NodeHistoryModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(TimeRole, "time");
    names.insert(ObservedTimeRole, "observedTime");
    names.insert(TypeRole, "type");
    names.insert(OldStatusRole, "oldStatus");
    names.insert(NewStatusRole, "newStatus");
    names.insert(SeverityRole, "severity");
    names.insert(BadRole, "bad");
    names.insert(OpensRole, "opens");
    names.insert(ClosesRole, "closes");
    names.insert(ActorRole, "actor");
    names.insert(FlagsRole, "flags");
    names.insert(SourceRole, "source");
    names.insert(ResolutionRole, "resolution");
    return names;
}

} // namespace models

#pragma once

#include "models/FaultHistory.h"
#include "models/PrometheusHistory.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace models {

// One node's timeline from the fault history, oldest first: fault transitions, the node being
// added or removed, and operator actions. Refreshes (asynchronously) when the history records
// something for the node; appended events are inserted, anything else resets the model.
//
// With a PrometheusHistory, the faults a team's Prometheus holds for the node in the last
// `prometheusRange` that Faultboard's own history does not have (mergeEpisodes) are shown too:
// a "began" and (when it ended) an "ended" row each, flagged FromPrometheus, at the query's
// resolution. Prometheus is asked when the node or the source changes (not on every local
// write: a flapping node would ask it each time); its failure is prometheusFailed(), the local
// rows stay.
class NodeHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        EventColumn,
        ChangeColumn,
        SeverityColumn,
        ReasonColumn,
        MessageColumn,
        ColumnCount
    };
    enum Roles {
        KindRole = Qt::UserRole + 1, // int(HistoryEvent::Kind)
        TimeRole,                    // QDateTime (UTC): when it happened
        ObservedTimeRole,            // QDateTime (UTC): when Faultboard recorded it
        TypeRole,                    // condition type / accelerator resource / action
        OldStatusRole,
        NewStatusRole,
        SeverityRole,   // int(Severity) of the fault; Healthy for non-fault events
        BadRole,        // the new status is a faulty one
        OpensRole,      // a fault begins here
        ClosesRole,     // a fault ends here
        ActorRole,      // who, for actions
        FlagsRole,      // TransitionRecord::Flag bits, and FromPrometheus
        SourceRole,     // "faultboard" or "prometheus" (episodeSourceId)
        ResolutionRole, // seconds the time may be late by: 0 for Faultboard's own rows
    };
    // A FlagsRole bit of rows read from Prometheus (beside TransitionRecord's flags).
    static constexpr int FromPrometheus = 0x100;
    Q_ENUM(Roles)

    explicit NodeHistoryModel(FaultHistory *history, QObject *parent = nullptr);

    void setNodeName(const QString &name);
    QString nodeName() const { return m_name; }
    // Limits the timeline to the most recent `limit` events (default 1000).
    void setLimit(int limit);
    // Null: Faultboard's own history only.
    void setPrometheusHistory(PrometheusHistory *prometheus, qint64 rangeSeconds = 24 * 3600);
    void refresh();
    bool isLoading() const { return m_inFlight; }
    // Prometheus is being asked for this node's faults.
    bool isReadingPrometheus() const { return m_readingPrometheus; }
    // Stops that (its answer is a Cancelled prometheusFailed(); the local rows stay).
    void cancelPrometheus();
    // The loaded timeline, oldest first.
    const std::vector<HistoryEvent> &events() const { return m_events; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void loaded();
    void loadFailed(const QString &error);
    void prometheusFailed(const QString &error);
    void readingPrometheusChanged(bool reading);

private:
    void onWritten(const HistoryWriteResult &result);
    void apply(quint64 generation, HistoryResult<std::vector<HistoryEvent>> result);
    void askPrometheus();
    void setReadingPrometheus(bool reading);
    // The local events with Prometheus' episodes that they do not have, in time order.
    std::vector<HistoryEvent> compose() const;
    void show(std::vector<HistoryEvent> next);
    QString eventText(const HistoryEvent &e) const;
    QString changeText(const HistoryEvent &e) const;

    QPointer<FaultHistory> m_history;
    QString m_name;
    int m_limit = 1000;
    std::vector<HistoryEvent> m_events; // shown: m_local and Prometheus' rows
    std::vector<HistoryEvent> m_local;
    QPointer<PrometheusHistory> m_prometheus;
    qint64 m_prometheusRange = 24 * 3600;
    std::vector<FaultEpisode> m_remote;
    int m_remoteResolution = 0;
    quint64 m_prometheusGeneration = 0;
    bool m_readingPrometheus = false;
    quint64 m_generation = 0; // results of an older request are dropped
    bool m_inFlight = false;
    bool m_refreshAgain = false;
};

} // namespace models

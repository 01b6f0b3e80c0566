#pragma once

#include "models/FaultHistory.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace models {

// One node's timeline from the fault history, oldest first: fault transitions, the node being
// added or removed, and operator actions. Refreshes (asynchronously) when the history records
// something for the node; appended events are inserted, anything else resets the model.
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
        SeverityRole, // int(Severity) of the fault; Healthy for non-fault events
        BadRole,      // the new status is a faulty one
        OpensRole,    // a fault begins here
        ClosesRole,   // a fault ends here
        ActorRole,    // who, for actions
        FlagsRole,    // TransitionRecord::Flag bits
    };
    Q_ENUM(Roles)

    explicit NodeHistoryModel(FaultHistory *history, QObject *parent = nullptr);

    void setNodeName(const QString &name);
    QString nodeName() const { return m_name; }
    // Limits the timeline to the most recent `limit` events (default 1000).
    void setLimit(int limit);
    void refresh();
    bool isLoading() const { return m_inFlight; }
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

private:
    void onWritten(const HistoryWriteResult &result);
    void apply(quint64 generation, HistoryResult<std::vector<HistoryEvent>> result);
    QString eventText(const HistoryEvent &e) const;
    QString changeText(const HistoryEvent &e) const;

    QPointer<FaultHistory> m_history;
    QString m_name;
    int m_limit = 1000;
    std::vector<HistoryEvent> m_events;
    quint64 m_generation = 0; // results of an older request are dropped
    bool m_inFlight = false;
    bool m_refreshAgain = false;
};

} // namespace models

#pragma once

#include <QAbstractTableModel>
#include <QDateTime>

#include <vector>

namespace models {

// Every action an operator took through this Faultboard, newest first: what, on which node of
// which cluster, by whom, and how it ended. Entries still running are updated in place.
class ActionLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        ClusterColumn,
        ActorColumn,
        ActionColumn,
        TargetColumn,
        ResultColumn,
        MessageColumn,
        ColumnCount
    };
    enum class Result { Running, Succeeded, Failed, Partial, Cancelled, DryRun };
    enum Roles { ResultRole = Qt::UserRole + 1 };

    struct Entry
    {
        quint64 id = 0;
        QDateTime time;
        QString cluster;
        QString actor;
        QString action; // translated verb: "isolate", "drain", ...
        QString target; // the node
        Result result = Result::Running;
        QString message;
    };

    explicit ActionLogModel(QObject *parent = nullptr);

    // Adds an entry and returns its id (for update()).
    quint64 add(Entry entry);
    void update(quint64 id, Result result, const QString &message);
    const Entry *entry(quint64 id) const;
    int count() const { return int(m_entries.size()); }
    const Entry &at(int row) const { return m_entries[std::size_t(row)]; }

    static QString resultName(Result r);
    // The stable identifier stored in the fault history: succeeded, failed, partial, ...
    static QString resultId(Result r);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static constexpr int MaxEntries = 5000;

private:
    std::vector<Entry> m_entries; // newest first
    quint64 m_nextId = 1;
};

} // namespace models

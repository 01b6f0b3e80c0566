#pragma once

#include "models/HistoryRecords.h"
#include "models/LocationLabels.h"
#include "models/Severity.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace models {

class NodeStore;

// One fault in a report: the current faults of the store, or the faults of the history in a
// time range. Column meanings: docs/reports.md.
struct ReportRow
{
    QString node;
    QString pool;
    QString rack;
    QString zone;
    QString type;
    QString category;
    Severity severity = Severity::Major;
    QString status;
    QString reason;
    QString message;
    QDateTime since;             // invalid: unknown (lost chips carry no time)
    QDateTime until;             // invalid: still active (or ended at an unknown time)
    qint64 durationSeconds = -1; // -1: unknown
    bool isolated = false;
    int acceleratorsOk = 0;
    int acceleratorsTotal = 0;
    FaultEpisode::Source source = FaultEpisode::Source::Faultboard; // current faults: Faultboard
    int resolutionSeconds = 0; // 0: exact times; Prometheus: the query's step
    QString isolatedBy;        // who isolated the node (its annotation, or the action log)
    QString isolationReason;   // why, as the isolation recorded it; empty when not known
};

// Builds fault reports and writes them as CSV (RFC 4180, see CsvWriter) or JSON. Times are
// ISO 8601 in UTC; severities and categories are the stable ids of the taxonomy.
class FaultReport
{
    Q_DECLARE_TR_FUNCTIONS(FaultReport)

public:
    enum class Format { Csv, Json };

    // The header row / JSON keys, in order.
    static QStringList columns();
    static QStringList fields(const ReportRow &row);

    // Every active fault of every node in the store (at least `minimum` severe), worst first.
    static std::vector<ReportRow>
    currentFaults(const NodeStore &store, const LocationLabels &labels = {},
                  const QDateTime &now = QDateTime::currentDateTimeUtc(),
                  Severity minimum = Severity::Minor);
    // Faults of the history active during a range (see FaultHistory::episodes); a fault still
    // active at `rangeEnd` lasts until then.
    static std::vector<ReportRow> fromEpisodes(const std::vector<FaultEpisode> &episodes,
                                               const QDateTime &rangeEnd);

    static QByteArray toCsv(const std::vector<ReportRow> &rows);
    // {"generated": ..., "from": ..., "to": ..., "faults": [{column: value, ...}]}
    static QByteArray toJson(const std::vector<ReportRow> &rows, const QDateTime &generated,
                             const QDateTime &from = {}, const QDateTime &to = {});
    static QJsonObject toJsonObject(const ReportRow &row);

    // Writes atomically (QSaveFile). False with `error` naming the file.
    static bool write(const QString &path, Format format, const std::vector<ReportRow> &rows,
                      QString *error, const QDateTime &from = {}, const QDateTime &to = {});
    static QString isoTime(const QDateTime &t);
    // The folder a report is proposed in: the user's documents folder, else (many servers and
    // fresh accounts have none) the home folder, else the temporary one. Always one that
    // exists, so the first export works; nothing is created in the user's home.
    static QString defaultFolder();
};

} // namespace models

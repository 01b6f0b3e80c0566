#include "models/FaultReport.h"

#include "models/CsvWriter.h"
#include "models/NodeStore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace models {

namespace {

qint64 secondsBetween(const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid() || !to.isValid())
        return -1;
    return std::max<qint64>(0, from.secsTo(to));
}

QJsonValue timeValue(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(FaultReport::isoTime(t)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString FaultReport::isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

QString FaultReport::defaultFolder()
{
    const QStringList candidates{
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), QDir::homePath(),
        QDir::tempPath()};
    for (const QString &folder : candidates) {
        const QFileInfo info(folder);
        if (!folder.isEmpty() && info.isDir() && info.isWritable())
            return info.absoluteFilePath();
    }
    return QDir::tempPath();
}

QStringList FaultReport::columns()
{
    return {QStringLiteral("node"),
            QStringLiteral("pool"),
            QStringLiteral("rack"),
            QStringLiteral("zone"),
            QStringLiteral("type"),
            QStringLiteral("category"),
            QStringLiteral("severity"),
            QStringLiteral("status"),
            QStringLiteral("reason"),
            QStringLiteral("message"),
            QStringLiteral("since"),
            QStringLiteral("until"),
            QStringLiteral("duration_seconds"),
            QStringLiteral("isolated"),
            QStringLiteral("accelerators_ok"),
            QStringLiteral("accelerators_total"),
            QStringLiteral("source"),
            QStringLiteral("resolution_seconds"),
            QStringLiteral("isolated_by"),
            QStringLiteral("isolation_reason")};
}

QStringList FaultReport::fields(const ReportRow &r)
{
    return {r.node,
            r.pool,
            r.rack,
            r.zone,
            r.type,
            r.category,
            severityId(r.severity),
            r.status,
            r.reason,
            r.message,
            isoTime(r.since),
            isoTime(r.until),
            r.durationSeconds < 0 ? QString() : QString::number(r.durationSeconds),
            r.isolated ? QStringLiteral("true") : QStringLiteral("false"),
            QString::number(r.acceleratorsOk),
            QString::number(r.acceleratorsTotal),
            episodeSourceId(r.source),
            QString::number(r.resolutionSeconds),
            r.isolatedBy,
            r.isolationReason};
}

std::vector<ReportRow> FaultReport::currentFaults(const NodeStore &store,
                                                  const LocationLabels &labels,
                                                  const QDateTime &now, Severity minimum)
{
    std::vector<ReportRow> rows;
    for (int i = 0; i < store.size(); ++i) {
        const NodeRecord &rec = store.at(i);
        const NodeHealth &h = rec.health;
        const NodeLocation loc = labels.locate(*rec.node);
        for (const Fault &f : h.faults) {
            if (f.severity < minimum)
                continue;
            ReportRow r;
            r.node = rec.node->name;
            r.pool = loc.pool;
            r.rack = loc.rack;
            r.zone = loc.zone;
            r.type = f.type;
            r.category = f.category;
            r.severity = f.severity;
            r.status = f.acceleratorLoss ? QString() : f.status;
            r.reason = f.reason;
            r.message = f.message;
            r.since = f.since.isValid() ? f.since.toUTC() : QDateTime();
            r.durationSeconds = secondsBetween(r.since, now);
            r.isolated = h.isolation.isolated;
            if (h.isolation.isolated) {
                r.isolatedBy = h.isolation.isolatedBy;
                r.isolationReason = h.isolation.isolatedReason;
            }
            r.acceleratorsOk = h.acceleratorsHealthy();
            r.acceleratorsTotal = h.acceleratorsTotal();
            if (f.acceleratorLoss) {
                for (const AcceleratorHealth &a : h.accelerators)
                    if (a.resource == f.type)
                        r.status = QStringLiteral("%1/%2").arg(a.allocatable).arg(a.capacity);
            }
            rows.push_back(std::move(r));
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const ReportRow &a, const ReportRow &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        if (a.node != b.node)
            return a.node < b.node;
        return a.type < b.type;
    });
    return rows;
}

std::vector<ReportRow> FaultReport::fromEpisodes(const std::vector<FaultEpisode> &episodes,
                                                 const QDateTime &rangeEnd)
{
    std::vector<ReportRow> rows;
    rows.reserve(episodes.size());
    for (const FaultEpisode &e : episodes) {
        ReportRow r;
        r.node = e.node;
        r.pool = e.pool;
        r.rack = e.rack;
        r.zone = e.zone;
        r.type = e.type;
        r.category = e.category;
        r.severity = e.severity;
        r.status = e.status;
        r.reason = e.reason;
        r.message = e.message;
        r.since = e.since;
        r.until = e.until;
        if (e.until.isValid())
            r.durationSeconds = secondsBetween(e.since, e.until);
        else if (!e.ended)
            r.durationSeconds = secondsBetween(
                e.since, rangeEnd.isValid() ? rangeEnd : QDateTime::currentDateTimeUtc());
        r.isolated = e.isolated;
        r.acceleratorsOk = e.acceleratorsOk;
        r.acceleratorsTotal = e.acceleratorsTotal;
        r.source = e.source;
        r.resolutionSeconds = e.resolutionSeconds;
        rows.push_back(std::move(r));
    }
    return rows;
}

QByteArray FaultReport::toCsv(const std::vector<ReportRow> &rows)
{
    CsvWriter csv;
    csv.addRow(columns());
    for (const ReportRow &r : rows)
        csv.addRow(fields(r));
    return csv.data();
}

QJsonObject FaultReport::toJsonObject(const ReportRow &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("node"), r.node);
    o.insert(QStringLiteral("pool"), r.pool);
    o.insert(QStringLiteral("rack"), r.rack);
    o.insert(QStringLiteral("zone"), r.zone);
    o.insert(QStringLiteral("type"), r.type);
    o.insert(QStringLiteral("category"), r.category);
    o.insert(QStringLiteral("severity"), severityId(r.severity));
    o.insert(QStringLiteral("status"), r.status);
    o.insert(QStringLiteral("reason"), r.reason);
    o.insert(QStringLiteral("message"), r.message);
    o.insert(QStringLiteral("since"), timeValue(r.since));
    o.insert(QStringLiteral("until"), timeValue(r.until));
    o.insert(QStringLiteral("duration_seconds"),
             r.durationSeconds < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(r.durationSeconds));
    o.insert(QStringLiteral("isolated"), r.isolated);
    o.insert(QStringLiteral("accelerators_ok"), r.acceleratorsOk);
    o.insert(QStringLiteral("accelerators_total"), r.acceleratorsTotal);
    o.insert(QStringLiteral("source"), episodeSourceId(r.source));
    o.insert(QStringLiteral("resolution_seconds"), r.resolutionSeconds);
    o.insert(QStringLiteral("isolated_by"), r.isolatedBy);
    o.insert(QStringLiteral("isolation_reason"), r.isolationReason);
    return o;
}

QByteArray FaultReport::toJson(const std::vector<ReportRow> &rows, const QDateTime &generated,
                               const QDateTime &from, const QDateTime &to)
{
    QJsonArray faults;
    for (const ReportRow &r : rows)
        faults.append(toJsonObject(r));
    QJsonObject root;
    root.insert(QStringLiteral("generated"), timeValue(generated));
    root.insert(QStringLiteral("from"), timeValue(from));
    root.insert(QStringLiteral("to"), timeValue(to));
    root.insert(QStringLiteral("faults"), faults);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool FaultReport::write(const QString &path, Format format, const std::vector<ReportRow> &rows,
                        QString *error, const QDateTime &from, const QDateTime &to)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write the report %1: %2").arg(path, f.errorString());
        return false;
    }
    const QByteArray data = format == Format::Csv
                                ? toCsv(rows)
                                : toJson(rows, QDateTime::currentDateTimeUtc(), from, to);
    if (f.write(data) != data.size() || !f.commit()) {
        if (error)
            *error = tr("Cannot write the report %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace models

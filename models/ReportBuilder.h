#pragma once

#include "models/FaultReport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFuture>

#include <vector>

class QObject;

namespace models {

class ClusterSession;
class PrometheusHistory;

// What a report covers: the current faults, or the faults of the history in a range.
struct ReportRequest
{
    enum class Kind { Current, History };
    Kind kind = Kind::Current;
    QDateTime from; // history: the range [from, to)
    QDateTime to;   // the end of the range, and of still-active faults' durations; invalid: now
    Severity minimum = Severity::Minor; // current faults: the least severe reported
};

struct ReportResult
{
    std::vector<ReportRow> rows;
    QDateTime from;       // as asked
    QDateTime to;         // as asked, or the moment taken for "now"
    QString historyError; // a history report could not read the history: no rows
    bool prometheusAsked = false;
    QString prometheusError; // Prometheus failed (or was cancelled): the local history only
    bool prometheusCancelled = false;
    int fromPrometheus = 0; // rows from Prometheus
    int stepSeconds = 0;    // their resolution
};

// The one report engine the export dialog and `faultboard report` both call, so a report means
// the same from either (docs/reports.md): the rows of FaultReport completed with what only the
// history knows. Lost accelerator chips carry no time in the API: their `since` is when
// Faultboard first saw the loss (the history's open episode). Who isolated a node comes from
// its annotations (current faults, and history faults still active on a node isolated now) or
// from the action log (the isolation through Faultboard in effect during a past fault). Results
// arrive in `context`'s thread.
class ReportBuilder
{
    Q_DECLARE_TR_FUNCTIONS(ReportBuilder)

public:
    static QFuture<ReportResult> build(ClusterSession *session, PrometheusHistory *prometheus,
                                       const ReportRequest &request, QObject *context);
};

} // namespace models

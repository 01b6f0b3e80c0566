#pragma once

#include "models/FaultReport.h"
#include "models/PrometheusHistory.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace models {
class ClusterSession;
}

namespace ui {

// Exports a fault report for incident triage: the current faults of the cluster, or every fault
// of its history active in a time range, as CSV or JSON (columns: docs/reports.md). The history
// is read on its own thread and the file written off the GUI thread; the dialog stays open with
// the reason if anything fails.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportDialog(models::ClusterSession *session, QWidget *parent = nullptr);

    QRadioButton *currentButton() const { return m_current; }
    QRadioButton *historyButton() const { return m_historyButton; }
    QDateTimeEdit *fromEdit() const { return m_from; }
    QDateTimeEdit *toEdit() const { return m_to; }
    QComboBox *formatBox() const { return m_format; }
    QLineEdit *pathEdit() const { return m_path; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *cancelButton() const { return m_cancel; }
    // Null: Faultboard's own history only. Not owned.
    void setPrometheusHistory(models::PrometheusHistory *prometheus) { m_prometheus = prometheus; }

public slots:
    void startExport();

signals:
    void exported(const QString &path, int faults);
    void exportFailed(const QString &error);

private:
    void browse();
    void updateState();
    void write(std::vector<models::ReportRow> rows, const QDateTime &from, const QDateTime &to,
               const QString &note = {});
    void fail(const QString &error);
    models::FaultReport::Format format() const;

    QPointer<models::ClusterSession> m_session;
    QPointer<models::PrometheusHistory> m_prometheus;
    QPushButton *m_cancel = nullptr;
    QRadioButton *m_current = nullptr;
    QRadioButton *m_historyButton = nullptr;
    QComboBox *m_preset = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QComboBox *m_format = nullptr;
    QLineEdit *m_path = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_busy = false;
};

} // namespace ui

#include "ui/ExportDialog.h"
#include "kube/ContinueOn.h"

#include "models/ClusterSession.h"
#include "models/FaultHistory.h"
#include "models/PrometheusHistory.h"
#include "models/ReportBuilder.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ui {

ExportDialog::ExportDialog(models::ClusterSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setWindowTitle(tr("Export fault report — %1").arg(session->contextName()));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;

    m_current = new QRadioButton(tr("&Current faults"), this);
    m_current->setChecked(true);
    m_historyButton = new QRadioButton(tr("Faults in the &history between:"), this);
    m_historyButton->setEnabled(session->history() != nullptr);
    auto *what = new QVBoxLayout;
    what->addWidget(m_current);
    what->addWidget(m_historyButton);
    form->addRow(tr("Report:"), what);

    m_preset = new QComboBox(this);
    m_preset->setAccessibleName(tr("Time range preset"));
    m_preset->addItem(tr("Last hour"), qint64(3600));
    m_preset->addItem(tr("Last 24 hours"), qint64(24 * 3600));
    m_preset->addItem(tr("Last 7 days"), qint64(7 * 24 * 3600));
    m_preset->addItem(tr("Last 30 days"), qint64(30 * 24 * 3600));
    m_preset->addItem(tr("Custom"), qint64(0));
    m_preset->setCurrentIndex(1);
    const QDateTime now = QDateTime::currentDateTime();
    m_from = new QDateTimeEdit(now.addDays(-1), this);
    m_from->setAccessibleName(tr("From"));
    m_from->setCalendarPopup(true);
    m_from->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_to = new QDateTimeEdit(now, this);
    m_to->setAccessibleName(tr("To"));
    m_to->setCalendarPopup(true);
    m_to->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    auto *range = new QHBoxLayout;
    range->addWidget(m_preset);
    range->addWidget(m_from, 1);
    range->addWidget(new QLabel(QStringLiteral("–"), this));
    range->addWidget(m_to, 1);
    form->addRow(tr("Range:"), range);

    m_format = new QComboBox(this);
    m_format->setAccessibleName(tr("File format"));
    m_format->addItem(tr("CSV (spreadsheets)"), int(models::FaultReport::Format::Csv));
    m_format->addItem(tr("JSON (scripts)"), int(models::FaultReport::Format::Json));
    form->addRow(tr("&Format:"), m_format);

    m_path = new QLineEdit(this);
    m_path->setAccessibleName(tr("File to write"));
    m_path->setText(
        QDir(models::FaultReport::defaultFolder())
            .filePath(QStringLiteral("faultboard-%1-%2.csv")
                          .arg(session->contextName().isEmpty() ? QStringLiteral("cluster")
                                                                : session->contextName(),
                               now.toString(QStringLiteral("yyyyMMdd-HHmm")))));
    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    auto *file = new QHBoxLayout;
    file->addWidget(m_path, 1);
    file->addWidget(browseButton);
    // A row of a layout gets no buddy from addRow: the label names its line edit itself, so its
    // mnemonic works and the '&' is not shown.
    auto *fileLabel = new QLabel(tr("F&ile:"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, file);
    layout->addLayout(form);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Export status"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *exportButton = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    exportButton->setDefault(true);
    m_cancel = m_buttons->addButton(tr("&Stop reading Prometheus"), QDialogButtonBox::ActionRole);
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_prometheus)
            m_prometheus->cancel();
    });
    layout->addWidget(m_buttons);

    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_current, &QRadioButton::toggled, this, &ExportDialog::updateState);
    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        const qint64 seconds = m_preset->currentData().toLongLong();
        if (seconds > 0) {
            const QDateTime end = QDateTime::currentDateTime();
            m_to->setDateTime(end);
            m_from->setDateTime(end.addSecs(-seconds));
        }
        updateState();
    });
    // Editing a bound by hand makes the range custom.
    auto custom = [this] {
        if (m_from->hasFocus() || m_to->hasFocus())
            m_preset->setCurrentIndex(m_preset->count() - 1);
    };
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, custom);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, custom);
    // The suffix follows the format.
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        QString path = m_path->text();
        const QString suffix = format() == models::FaultReport::Format::Json
                                   ? QStringLiteral(".json")
                                   : QStringLiteral(".csv");
        if (path.endsWith(QLatin1String(".csv")) || path.endsWith(QLatin1String(".json")))
            path = path.left(path.lastIndexOf(QLatin1Char('.'))) + suffix;
        m_path->setText(path);
    });
    updateState();
}

models::FaultReport::Format ExportDialog::format() const
{
    return models::FaultReport::Format(m_format->currentData().toInt());
}

void ExportDialog::updateState()
{
    const bool history = m_historyButton->isChecked();
    m_preset->setEnabled(history && !m_busy);
    m_from->setEnabled(history && !m_busy);
    m_to->setEnabled(history && !m_busy);
    m_buttons->button(QDialogButtonBox::Close)->setEnabled(true);
    for (QAbstractButton *b : m_buttons->buttons()) {
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(!m_busy);
    }
}

void ExportDialog::browse()
{
    const bool json = format() == models::FaultReport::Format::Json;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export fault report"), m_path->text(),
                                     json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void ExportDialog::startExport()
{
    if (m_busy || !m_session)
        return;
    const QString path = m_path->text().trimmed();
    if (path.isEmpty())
        return fail(tr("Choose a file to write."));
    m_busy = true;
    updateState();
    m_status->setText(tr("Exporting…"));

    models::ReportRequest request;
    if (m_historyButton->isChecked()) {
        request.kind = models::ReportRequest::Kind::History;
        // A preset range ends when the operator exports, not when the dialog opened: what
        // happened since (a fault that ended, one that came back) belongs in the file.
        const qint64 preset = m_preset->currentData().toLongLong();
        if (preset > 0) {
            const QDateTime end = QDateTime::currentDateTime();
            m_to->setDateTime(end);
            m_from->setDateTime(end.addSecs(-preset));
            request.to = end.toUTC();
            request.from = request.to.addSecs(-preset);
        } else {
            request.from = m_from->dateTime().toUTC();
            request.to = m_to->dateTime().toUTC();
        }
        if (request.from >= request.to)
            return fail(tr("The range must end after it begins."));
        if (m_prometheus) {
            m_status->setText(tr("Reading the history, and what Prometheus holds…"));
            m_cancel->show();
        }
    }
    kube::continueOn(
        this, models::ReportBuilder::build(m_session, m_prometheus, request, this),
        [this, history = m_historyButton->isChecked()](models::ReportResult r) {
            m_cancel->hide();
            if (!r.historyError.isEmpty())
                return fail(tr("Could not read the history: %1").arg(r.historyError));
            QString note;
            if (r.prometheusCancelled)
                note = tr("Reading Prometheus was cancelled: the file holds Faultboard's own "
                          "history only.");
            else if (!r.prometheusError.isEmpty())
                note = tr("Prometheus could not be read (%1): the file holds Faultboard's own "
                          "history only.")
                           .arg(r.prometheusError);
            else if (r.prometheusAsked)
                note = tr("%n of them from Prometheus (times up to %1 s late).", nullptr,
                          r.fromPrometheus)
                           .arg(r.stepSeconds);
            if (history)
                write(std::move(r.rows), r.from, r.to, note);
            else
                write(std::move(r.rows), {}, {}, note);
        });
}

void ExportDialog::write(std::vector<models::ReportRow> rows, const QDateTime &from,
                         const QDateTime &to, const QString &note)
{
    const QString path = m_path->text().trimmed();
    const models::FaultReport::Format fmt = format();
    const int count = int(rows.size());
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path, count, note] {
        watcher->deleteLater();
        const QString error = watcher->result();
        if (!error.isEmpty())
            return fail(error);
        m_busy = false;
        updateState();
        const QString wrote =
            tr("Wrote %n fault(s) to %1.", nullptr, count).arg(QDir::toNativeSeparators(path));
        m_status->setText(
            note.isEmpty() ? wrote : tr("%1 %2", "the count, then where from").arg(wrote, note));
        emit exported(path, count);
    });
    watcher->setFuture(QtConcurrent::run([rows = std::move(rows), path, fmt, from, to] {
        QString error;
        if (!models::FaultReport::write(path, fmt, rows, &error, from, to))
            return error.isEmpty() ? QStringLiteral("?") : error;
        return QString();
    }));
}

void ExportDialog::fail(const QString &error)
{
    m_busy = false;
    updateState();
    m_status->setText(tr("Export failed: %1").arg(error));
    emit exportFailed(error);
}

} // namespace ui

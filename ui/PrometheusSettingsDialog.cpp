#include "ui/PrometheusSettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QUrl>
#include <QVBoxLayout>

namespace ui {

PrometheusSettingsDialog::PrometheusSettingsDialog(const QString &context,
                                                   const ClusterPrometheus &current,
                                                   QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Prometheus of %1").arg(context));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The fault history this cluster's Prometheus holds (kube-state-"
                                "metrics' node metrics) is shown beside Faultboard's own in the "
                                "History tab, the Trends view and exported reports. "
                                "faultboard --prometheus overrides this setting."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_url = new QLineEdit(current.url, this);
    m_url->setPlaceholderText(tr("http://prometheus:9090 (empty: none)"));
    m_url->setAccessibleName(tr("Prometheus URL"));
    form->addRow(tr("&URL:"), m_url);
    m_auth = new QComboBox(this);
    m_auth->setAccessibleName(tr("How to log in to Prometheus"));
    m_auth->addItem(tr("None"), int(ClusterPrometheus::Auth::None));
    m_auth->addItem(tr("Bearer token file"), int(ClusterPrometheus::Auth::BearerFile));
    m_auth->addItem(tr("Basic auth file (user:password)"),
                    int(ClusterPrometheus::Auth::BasicAuthFile));
    m_auth->setCurrentIndex(m_auth->findData(int(current.auth)));
    form->addRow(tr("&Log in:"), m_auth);
    m_credential = new QLineEdit(current.credentialFile, this);
    m_credential->setAccessibleName(tr("File holding the token or user:password"));
    m_credential->setPlaceholderText(tr("path to the file (its first line is read)"));
    form->addRow(tr("Credential &file:"), m_credential);
    m_ca = new QLineEdit(current.caFile, this);
    m_ca->setAccessibleName(tr("CA file (PEM) for Prometheus"));
    m_ca->setPlaceholderText(tr("empty: the system's CAs"));
    form->addRow(tr("&CA file:"), m_ca);
    layout->addLayout(form);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &PrometheusSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &PrometheusSettingsDialog::updateState);
    updateState();
}

ClusterPrometheus PrometheusSettingsDialog::value() const
{
    ClusterPrometheus p;
    p.url = m_url->text().trimmed();
    p.auth = ClusterPrometheus::Auth(m_auth->currentData().toInt());
    if (p.auth != ClusterPrometheus::Auth::None)
        p.credentialFile = m_credential->text().trimmed();
    p.caFile = m_ca->text().trimmed();
    return p;
}

void PrometheusSettingsDialog::updateState()
{
    m_credential->setEnabled(m_auth->currentData().toInt() != int(ClusterPrometheus::Auth::None));
}

QString PrometheusSettingsDialog::problem() const
{
    const ClusterPrometheus p = value();
    if (p.url.isEmpty())
        return {};
    const QUrl url(p.url, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return tr("The URL is not an http or https URL.");
    if (!url.password().isEmpty())
        return tr("Put the password in a basic auth file, not in the URL: the settings would "
                  "keep it in clear text.");
    if (p.auth != ClusterPrometheus::Auth::None && p.credentialFile.isEmpty())
        return tr("Name the file that holds the credentials.");
    return {};
}

void PrometheusSettingsDialog::accept()
{
    const QString why = problem();
    if (!why.isEmpty()) {
        m_problem->setText(why);
        m_problem->show();
        return;
    }
    QDialog::accept();
}

} // namespace ui

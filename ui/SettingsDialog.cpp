#include "ui/SettingsDialog.h"

#include "kube/TaintSpec.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ui {

SettingsDialog::SettingsDialog(const AppSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_base(settings)
{
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);

    auto *iso = new QGroupBox(tr("Isolation"), this);
    auto *isoForm = new QFormLayout(iso);
    m_taintKey = new QLineEdit(settings.isolationTaintKey, iso);
    m_taintKey->setAccessibleName(tr("Isolation taint key"));
    m_effect = new QComboBox(iso);
    m_effect->setAccessibleName(tr("Isolation taint effect"));
    m_effect->addItem(tr("NoSchedule — no new pods"), QStringLiteral("NoSchedule"));
    m_effect->addItem(tr("NoExecute — also evict pods without a toleration"),
                      QStringLiteral("NoExecute"));
    m_effect->setCurrentIndex(m_effect->findData(settings.isolationEffect));
    isoForm->addRow(tr("Taint &key:"), m_taintKey);
    isoForm->addRow(tr("&Effect:"), m_effect);

    auto *drain = new QGroupBox(tr("Drain defaults"), this);
    auto *drainForm = new QFormLayout(drain);
    m_ignoreDaemonSets = new QCheckBox(tr("&Ignore DaemonSet pods"), drain);
    m_ignoreDaemonSets->setChecked(settings.drainIgnoreDaemonSets);
    m_deleteEmptyDir = new QCheckBox(tr("&Delete pods with emptyDir data"), drain);
    m_deleteEmptyDir->setChecked(settings.drainDeleteEmptyDirData);
    m_force = new QCheckBox(tr("&Force: also delete pods without a controller"), drain);
    m_force->setChecked(settings.drainForce);
    m_grace = new QSpinBox(drain);
    m_grace->setAccessibleName(tr("Grace period"));
    m_grace->setRange(-1, 3600);
    m_grace->setSpecialValueText(tr("each pod's own"));
    m_grace->setSuffix(tr(" s"));
    m_grace->setValue(settings.drainGracePeriodSeconds);
    m_timeout = new QSpinBox(drain);
    m_timeout->setAccessibleName(tr("Drain timeout"));
    m_timeout->setRange(0, 24 * 3600);
    m_timeout->setSpecialValueText(tr("no limit"));
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(settings.drainTimeoutSeconds);
    drainForm->addRow(m_ignoreDaemonSets);
    drainForm->addRow(m_deleteEmptyDir);
    drainForm->addRow(m_force);
    drainForm->addRow(tr("&Grace period:"), m_grace);
    drainForm->addRow(tr("&Timeout:"), m_timeout);

    auto *general = new QGroupBox(tr("General"), this);
    auto *form = new QFormLayout(general);
    m_retention = new QSpinBox(general);
    m_retention->setAccessibleName(tr("History retention"));
    m_retention->setRange(1, 3650);
    m_retention->setSuffix(tr(" days"));
    m_retention->setValue(settings.historyRetentionDays);
    m_theme = new QComboBox(general);
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(settings.theme)));
    m_language = new QComboBox(general);
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("Follow the system"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language)));
    m_notify = new QCheckBox(tr("&Notify me when a node gets a new critical fault"), general);
    m_notify->setChecked(settings.notifyCritical);
    form->addRow(tr("&History kept for:"), m_retention);
    form->addRow(tr("T&heme:"), m_theme);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(new QLabel(tr("A new language applies when Faultboard starts again."), general));
    form->addRow(m_notify);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    layout->addWidget(iso);
    layout->addWidget(drain);
    layout->addWidget(general);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_taintKey, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    validate();
}

QString SettingsDialog::validateTaintKey(const QString &key)
{
    // Kubernetes' rule for a qualified name, as kube::TaintSpec checks every taint it writes.
    if (key.isEmpty())
        return tr("The taint key cannot be empty.");
    if (!kube::TaintSpec::checkKey(key).isEmpty())
        return tr("\"%1\" is not a valid taint key (like example.com/name).").arg(key);
    return {};
}

void SettingsDialog::validate()
{
    const QString error = validateTaintKey(m_taintKey->text().trimmed());
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_ok->setEnabled(error.isEmpty());
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = m_base;
    s.isolationTaintKey = m_taintKey->text().trimmed();
    s.isolationEffect = m_effect->currentData().toString();
    s.drainIgnoreDaemonSets = m_ignoreDaemonSets->isChecked();
    s.drainDeleteEmptyDirData = m_deleteEmptyDir->isChecked();
    s.drainForce = m_force->isChecked();
    s.drainGracePeriodSeconds = m_grace->value();
    s.drainTimeoutSeconds = m_timeout->value();
    s.historyRetentionDays = m_retention->value();
    s.theme = m_theme->currentData().toString();
    s.language = m_language->currentData().toString();
    s.notifyCritical = m_notify->isChecked();
    return s;
}

} // namespace ui

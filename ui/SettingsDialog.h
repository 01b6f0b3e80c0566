#pragma once

#include "ui/AppSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ui {

// Faultboard's preferences: the isolation taint, drain defaults, history retention, theme,
// language and alerts.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(const AppSettings &settings, QWidget *parent = nullptr);
    AppSettings settings() const;

    // A taint key must be a qualified name (prefix/name); returns an error text or empty.
    static QString validateTaintKey(const QString &key);

private:
    void validate();

    AppSettings m_base;
    QLineEdit *m_taintKey = nullptr;
    QComboBox *m_effect = nullptr;
    QCheckBox *m_ignoreDaemonSets = nullptr;
    QCheckBox *m_deleteEmptyDir = nullptr;
    QCheckBox *m_force = nullptr;
    QSpinBox *m_grace = nullptr;
    QSpinBox *m_timeout = nullptr;
    QSpinBox *m_retention = nullptr;
    QComboBox *m_theme = nullptr;
    QComboBox *m_language = nullptr;
    QCheckBox *m_notify = nullptr;
    QPushButton *m_ok = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ui

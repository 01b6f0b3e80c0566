#pragma once

#include "ui/AppSettings.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace ui {

// One cluster's Prometheus: its URL, how to log in (none, a bearer token file, a basic auth
// file) and a CA file. Credentials are named by file path, never typed in, so the settings hold
// no secret. An empty URL means none.
class PrometheusSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    PrometheusSettingsDialog(const QString &context, const ClusterPrometheus &current,
                             QWidget *parent = nullptr);

    ClusterPrometheus value() const;

    QLineEdit *urlEdit() const { return m_url; }
    QComboBox *authBox() const { return m_auth; }
    QLineEdit *credentialEdit() const { return m_credential; }
    QLineEdit *caEdit() const { return m_ca; }
    QLabel *problemLabel() const { return m_problem; }

public slots:
    void accept() override;

private:
    QString problem() const;
    void updateState();

    QLineEdit *m_url = nullptr;
    QComboBox *m_auth = nullptr;
    QLineEdit *m_credential = nullptr;
    QLineEdit *m_ca = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace ui

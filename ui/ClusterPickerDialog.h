#pragma once

#include "kube/KubeConfig.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace ui {

struct AppSettings;

// Picks a cluster to open: every context of the kubeconfig (KUBECONFIG or --kubeconfig) with its
// cluster, user and namespace, the last used first. A broken kubeconfig is shown with its error
// (file and key) and another file can be opened; the demo cluster is always one click away.
class ClusterPickerDialog : public QDialog
{
    Q_OBJECT

public:
    ClusterPickerDialog(const kube::KubeConfig::LoadOptions &options, const AppSettings &settings,
                        QWidget *parent = nullptr);

    // After accept(): the chosen context, resolved; or demoRequested().
    std::optional<kube::ClusterEndpoint> endpoint() const { return m_endpoint; }
    bool demoRequested() const { return m_demo; }
    QString configSource() const;
    QString chosenContext() const;

    QTreeWidget *contextList() const { return m_list; }
    QLabel *errorLabel() const { return m_error; }

private:
    void reload();
    void filter(const QString &text);
    void connectSelected();

    kube::KubeConfig::LoadOptions m_options;
    std::optional<kube::KubeConfig> m_config;
    const AppSettings &m_settings;
    std::optional<kube::ClusterEndpoint> m_endpoint;
    bool m_demo = false;
    QLineEdit *m_search = nullptr;
    QTreeWidget *m_list = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_connect = nullptr;
};

} // namespace ui

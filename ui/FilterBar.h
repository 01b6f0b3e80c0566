#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QSettings;
class QLabel;
class QLineEdit;
class QToolButton;

namespace models {
class NodeFilterProxyModel;
class Taxonomy;
} // namespace models

namespace ui {

// Find nodes: by name, label selector, severity, fault type, category and isolation. Edits
// apply as you type (debounced); a bad label selector is shown, never applied.
class FilterBar : public QWidget
{
    Q_OBJECT

public:
    FilterBar(models::NodeFilterProxyModel *proxy, const models::Taxonomy &taxonomy,
              QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *selectorEdit() const { return m_selector; }
    QComboBox *severityBox() const { return m_severity; }
    QComboBox *faultTypeBox() const { return m_faultType; }
    QComboBox *categoryBox() const { return m_category; }
    QComboBox *isolationBox() const { return m_isolation; }
    QLabel *countLabel() const { return m_count; }
    // False until the nodes have been listed: the count then says it is unknown, not "0".
    void setNodesRead(bool read);

    // From the fault summary: show only nodes with this fault type (empty: any) / severity.
    void setFaultType(const QString &type);
    void setMinimumSeverity(int severity); // -1: any
    void clear();
    void applyNow();

    // The filters across restarts, in the settings' current group; restoring applies them.
    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

private:
    void updateCount();

    QPointer<models::NodeFilterProxyModel> m_proxy;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_selector = nullptr;
    QComboBox *m_severity = nullptr;
    QComboBox *m_faultType = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_isolation = nullptr;
    QToolButton *m_clear = nullptr;
    QLabel *m_count = nullptr;
    bool m_nodesRead = true;
    QTimer m_debounce;
};

} // namespace ui

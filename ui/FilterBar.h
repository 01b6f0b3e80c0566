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
    // "Faults first" orders the grid by severity; "Faulty only" is the severity filter at
    // "Minor or worse" (checked whenever a severity filter is set, unchecking clears it).
    QToolButton *faultsFirstButton() const { return m_faultsFirst; }
    QToolButton *faultyOnlyButton() const { return m_faultyOnly; }
    // While the first list is still coming in: how many nodes are read so far.
    void setLoading(bool loading);
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
    QToolButton *m_faultsFirst = nullptr;
    QToolButton *m_faultyOnly = nullptr;
    bool m_loading = false;
    QString m_selectorHelp;
    QLabel *m_count = nullptr;
    bool m_nodesRead = true;
    QTimer m_debounce;
};

} // namespace ui

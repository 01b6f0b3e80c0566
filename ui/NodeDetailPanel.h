#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QTableView;

namespace models {
class NodeStore;
class NodeConditionsModel;
} // namespace models

namespace ui {

// The selected node: its name and worst severity, where it sits (pool, rack, zone), its
// accelerators and isolation state, and a table of its conditions.
class NodeDetailPanel : public QWidget
{
    Q_OBJECT

public:
    explicit NodeDetailPanel(models::NodeStore *store, QWidget *parent = nullptr);

    void showNode(const QString &name);
    QString nodeName() const { return m_name; }
    QTableView *conditionsView() const { return m_conditions; }
    models::NodeConditionsModel *conditionsModel() const { return m_model; }

private:
    void refresh();

    QPointer<models::NodeStore> m_store;
    QString m_name;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_conditions = nullptr;
    models::NodeConditionsModel *m_model = nullptr;
};

} // namespace ui

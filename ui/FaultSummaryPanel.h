#pragma once

#include <QWidget>

class QTreeView;

namespace models {
class FaultSummaryModel;
}

namespace ui {

// How many nodes have each fault, by severity and type, live. Choosing a row filters the grid.
class FaultSummaryPanel : public QWidget
{
    Q_OBJECT

public:
    FaultSummaryPanel(models::FaultSummaryModel *model, QWidget *parent = nullptr);
    QTreeView *view() const { return m_view; }

signals:
    void faultTypeChosen(const QString &type);
    void severityChosen(int severity);

private:
    QTreeView *m_view = nullptr;
};

} // namespace ui

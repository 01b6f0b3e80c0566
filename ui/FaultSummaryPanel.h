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
    // The fault types and categories it may have to show. The panel's preferred width shows the
    // longest whole, with its category; narrower, the category column gives way first.
    void setKnownTypes(const QStringList &types, const QStringList &categories);
    int preferredWidth() const;

signals:
    void faultTypeChosen(const QString &type);
    void severityChosen(int severity);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitColumns();

    QTreeView *m_view = nullptr;
    int m_nameWidth = 0; // the longest known type, its glyph and padding
    int m_categoryWidth = 0;
    int m_nodesWidth = 0;
};

} // namespace ui

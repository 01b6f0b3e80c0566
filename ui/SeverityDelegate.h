#pragma once

#include <QStyledItemDelegate>

namespace ui {

// Paints a cell's background in the colour of the row's severity (read from `severityRole`),
// with its glyph, so tables carry the same signal as the grid.
class SeverityDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    SeverityDelegate(int severityRole, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace ui

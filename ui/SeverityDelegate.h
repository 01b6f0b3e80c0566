#pragma once

#include "ui/FullTextDelegate.h"

namespace ui {

// Paints a cell's background in the colour of the row's severity (read from `severityRole`),
// with its glyph, so tables carry the same signal as the grid. Its size hint leaves room for the
// glyph, so a column sized to its contents shows the whole word; cut text has a tooltip.
class SeverityDelegate : public FullTextDelegate
{
    Q_OBJECT

public:
    SeverityDelegate(int severityRole, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    int textWidth(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    // The glyph's side: the text's height (less in a row too low for it).
    static int glyphSide(const QStyleOptionViewItem &option, int rowHeight)
    {
        return std::max(0, std::min(option.fontMetrics.height(), rowHeight - 2));
    }
    // The glyph's width and the gaps around it. A size hint is asked without a row, so it
    // assumes one high enough for the text.
    static int glyphSpace(const QStyleOptionViewItem &option, int rowHeight)
    {
        return glyphSide(option, rowHeight) + 11;
    }

    int m_role;
};

} // namespace ui

#include "ui/FullTextDelegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QStyle>
#include <QToolTip>

namespace ui {

int FullTextDelegate::textWidth(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    // The style pads item text by its focus frame margin and one pixel on each side.
    const int pad = 2 * (style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, opt.widget) + 1);
    return style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget).width() - pad;
}

bool FullTextDelegate::isElided(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty())
        return false;
    return option.fontMetrics.horizontalAdvance(text) > textWidth(option, index);
}

bool FullTextDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                 const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid() || !isElided(option, index))
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    // Cut: the whole text first, then the model's own tooltip unless it already tells it.
    const QString text = index.data(Qt::DisplayRole).toString();
    const QString own = index.data(Qt::ToolTipRole).toString();
    const QString tip = own.contains(text) ? own
                        : own.isEmpty()    ? text
                                           : text + QStringLiteral("\n\n") + own;
    // Hidden again once the pointer leaves the cell (option.rect: viewport coordinates).
    QToolTip::showText(event->globalPos(), tip, view->viewport(), option.rect);
    return true;
}

} // namespace ui

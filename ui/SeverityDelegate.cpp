#include "ui/SeverityDelegate.h"

#include "ui/SeverityStyle.h"

#include <QPainter>

namespace ui {

SeverityDelegate::SeverityDelegate(int severityRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(severityRole)
{}

void SeverityDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const auto sev = models::Severity(index.data(m_role).toInt());
    if (sev == models::Severity::Healthy)
        return QStyledItemDelegate::paint(painter, option, index);
    const bool dark = SeverityStyle::isDark(option.palette);
    painter->fillRect(option.rect, SeverityStyle::color(sev, dark));
    const int g = option.rect.height() - 6;
    const QRect glyph(option.rect.left() + 3, option.rect.top() + 3, g, g);
    SeverityStyle::drawGlyph(painter, glyph, sev, SeverityStyle::textColor(sev));
    painter->setPen(SeverityStyle::textColor(sev));
    painter->drawText(option.rect.adjusted(g + 8, 0, -3, 0), Qt::AlignVCenter | Qt::AlignLeft,
                      option.fontMetrics.elidedText(index.data().toString(), Qt::ElideRight,
                                                    option.rect.width() - g - 11));
    if (option.state & QStyle::State_Selected) {
        painter->setPen(QPen(option.palette.color(QPalette::Highlight), 2));
        painter->drawRect(option.rect.adjusted(1, 1, -1, -1));
    }
}

} // namespace ui

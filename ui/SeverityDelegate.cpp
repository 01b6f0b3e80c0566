#include "ui/SeverityDelegate.h"

#include "ui/SeverityStyle.h"

#include <QPainter>

#include <limits>

namespace ui {

SeverityDelegate::SeverityDelegate(int severityRole, QObject *parent)
    : FullTextDelegate(parent)
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
    // The glyph is as high as the text, whatever the row's height.
    const int g = glyphSide(option, option.rect.height());
    const QRect glyph(option.rect.left() + 3, option.rect.center().y() - g / 2, g, g);
    SeverityStyle::drawGlyph(painter, glyph, sev, SeverityStyle::textColor(sev));
    painter->setPen(SeverityStyle::textColor(sev));
    painter->drawText(option.rect.adjusted(g + 8, 0, -3, 0), Qt::AlignVCenter | Qt::AlignLeft,
                      option.fontMetrics.elidedText(index.data().toString(), option.textElideMode,
                                                    textWidth(option, index)));
    if (option.state & QStyle::State_Selected) {
        painter->setPen(QPen(option.palette.color(QPalette::Highlight), 2));
        painter->drawRect(option.rect.adjusted(1, 1, -1, -1));
    }
}

QSize SeverityDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto sev = models::Severity(index.data(m_role).toInt());
    if (sev == models::Severity::Healthy)
        return QStyledItemDelegate::sizeHint(option, index);
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    const int text = option.fontMetrics.horizontalAdvance(index.data().toString());
    return {std::max(base.width(), text + glyphSpace(option, std::numeric_limits<int>::max())),
            base.height()};
}

int SeverityDelegate::textWidth(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (models::Severity(index.data(m_role).toInt()) == models::Severity::Healthy)
        return FullTextDelegate::textWidth(option, index);
    return option.rect.width() - glyphSpace(option, option.rect.height());
}

} // namespace ui

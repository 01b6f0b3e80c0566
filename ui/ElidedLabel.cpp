#include "ui/ElidedLabel.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOption>
#include <QToolTip>

namespace ui {

ElidedLabel::ElidedLabel(QWidget *parent)
    : ElidedLabel(Qt::ElideRight, parent)
{}

ElidedLabel::ElidedLabel(Qt::TextElideMode mode, QWidget *parent)
    : QLabel(parent)
    , m_mode(mode)
{
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
}

void ElidedLabel::setReservedLines(int lines)
{
    m_reservedLines = std::max(0, lines);
    updateGeometry();
    update();
}

int ElidedLabel::linesShown() const
{
    const int lines = int(text().count(QLatin1Char('\n'))) + 1;
    return m_reservedLines > 0 ? std::min(lines, m_reservedLines) : lines;
}

QStringList ElidedLabel::shownLines() const
{
    const QStringList all = text().split(QLatin1Char('\n'));
    const int shown = linesShown();
    const int width = contentsRect().width() - 2 * margin();
    QStringList out;
    for (int i = 0; i < shown; ++i) {
        QString line = all.at(i);
        // A last line that has to stand for the lines beyond it ends in an ellipsis.
        if (i == shown - 1 && shown < all.size())
            line += QStringLiteral(" …");
        out << fontMetrics().elidedText(line, m_mode, std::max(0, width));
    }
    return out;
}

bool ElidedLabel::isElided() const
{
    return shownLines() != text().split(QLatin1Char('\n'));
}

QSize ElidedLabel::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    int width = 0;
    for (const QString &line : text().split(QLatin1Char('\n')))
        width = std::max(width, fm.horizontalAdvance(line));
    const int lines = m_reservedLines > 0 ? m_reservedLines : linesShown();
    const QMargins m = contentsMargins();
    return {width + 2 * margin() + m.left() + m.right(),
            lines * fm.lineSpacing() + 2 * margin() + m.top() + m.bottom()};
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    const QSize full = sizeHint();
    return {std::min(full.width(), fm.horizontalAdvance(QStringLiteral("M…M")) + 2 * margin()),
            full.height()};
}

bool ElidedLabel::event(QEvent *event)
{
    // Cut: the whole text, and the label's own tooltip, if any, below it.
    if (event->type() == QEvent::ToolTip && isElided()) {
        auto *help = static_cast<QHelpEvent *>(event);
        QToolTip::showText(help->globalPos(),
                           toolTip().isEmpty() ? text() : text() + QLatin1Char('\n') + toolTip(),
                           this);
        return true;
    }
    return QLabel::event(event);
}

void ElidedLabel::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    QStyleOption opt;
    opt.initFrom(this);
    drawFrame(&p);
    const QRect r = contentsRect().adjusted(margin(), margin(), -margin(), -margin());
    const int lineHeight = fontMetrics().lineSpacing();
    int y = r.top();
    for (const QString &line : shownLines()) {
        const int align = (int(QStyle::visualAlignment(layoutDirection(), alignment())) &
                           ~int(Qt::AlignVertical_Mask)) |
                          int(Qt::AlignVCenter);
        style()->drawItemText(&p, QRect(r.left(), y, r.width(), lineHeight), align, opt.palette,
                              isEnabled(), line, foregroundRole());
        y += lineHeight;
    }
}

} // namespace ui

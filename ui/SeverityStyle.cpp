#include "ui/SeverityStyle.h"

#include <QPainter>
#include <QPainterPath>

namespace ui {

using models::Severity;

QColor SeverityStyle::color(Severity s, bool dark)
{
    switch (s) {
    case Severity::Healthy:
        return dark ? QColor(0x1f, 0x8a, 0x6a) : QColor(0x00, 0x9e, 0x73); // bluish green
    case Severity::Info:
        return dark ? QColor(0x3f, 0x8f, 0xc0) : QColor(0x56, 0xb4, 0xe9); // sky blue
    case Severity::Minor:
        return QColor(0xf0, 0xe4, 0x42); // yellow
    case Severity::Major:
        return QColor(0xe6, 0x9f, 0x00); // orange
    case Severity::Critical:
        return QColor(0xd5, 0x5e, 0x00); // vermillion
    }
    return Qt::gray;
}

QColor SeverityStyle::textColor(Severity)
{
    // Black reaches 4.9:1 or more on every fill, light and dark; white stays under 4.5:1 on
    // the vermillion, green and blue ones (3.9, 3.4, 2.3).
    return Qt::black;
}

QColor SeverityStyle::hatchColor()
{
    return QColor(0, 0, 0, 180); // at least 3.6:1 against every fill once blended
}

QColor SeverityStyle::frameOuterColor(const QPalette &palette)
{
    return palette.color(QPalette::Text);
}

void SeverityStyle::drawIsolatedFrame(QPainter *p, const QRect &r, Severity s,
                                      const QPalette &palette)
{
    const int w = std::max(1, r.width() / 6);
    const int outer = std::max(1, (w + 1) / 2);
    const auto ring = [p, &r](int inset, int width, const QColor &c) {
        const QRect in = r.adjusted(inset, inset, -inset, -inset);
        p->fillRect(QRect(in.left(), in.top(), in.width(), width), c);
        p->fillRect(QRect(in.left(), in.bottom() - width + 1, in.width(), width), c);
        p->fillRect(QRect(in.left(), in.top(), width, in.height()), c);
        p->fillRect(QRect(in.right() - width + 1, in.top(), width, in.height()), c);
    };
    ring(0, outer, frameOuterColor(palette));
    if (w > outer)
        ring(outer, w - outer, frameInnerColor(s));
}

bool SeverityStyle::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

void SeverityStyle::drawGlyph(QPainter *p, const QRectF &r, Severity s, const QColor &ink)
{
    const qreal d = std::min(r.width(), r.height()) * 0.6;
    if (d < 4)
        return;
    const QPointF c = r.center();
    const QRectF g(c.x() - d / 2, c.y() - d / 2, d, d);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    QPen pen(ink, std::max<qreal>(1.0, d / 6));
    pen.setCapStyle(Qt::RoundCap);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    switch (s) {
    case Severity::Healthy:
        break;
    case Severity::Info: // a small ring
        p->drawEllipse(g.adjusted(d / 4, d / 4, -d / 4, -d / 4));
        break;
    case Severity::Minor: // a dot
        p->setBrush(ink);
        p->setPen(Qt::NoPen);
        p->drawEllipse(g.adjusted(d / 3, d / 3, -d / 3, -d / 3));
        break;
    case Severity::Major: { // a triangle
        QPainterPath path;
        path.moveTo(g.center().x(), g.top());
        path.lineTo(g.right(), g.bottom());
        path.lineTo(g.left(), g.bottom());
        path.closeSubpath();
        p->drawPath(path);
        break;
    }
    case Severity::Critical: // a cross
        p->drawLine(g.topLeft(), g.bottomRight());
        p->drawLine(g.topRight(), g.bottomLeft());
        break;
    }
    p->restore();
}

} // namespace ui

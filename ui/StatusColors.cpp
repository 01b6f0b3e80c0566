#include "ui/StatusColors.h"

#include "ui/SeverityStyle.h"

#include <QtMath>

#include <algorithm>

namespace ui {

QColor StatusColors::text(Tone tone, const QPalette &palette)
{
    const bool dark = SeverityStyle::isDark(palette);
    switch (tone) {
    case Tone::Plain:
        break;
    case Tone::Good:
        return dark ? QColor(0x3c, 0xc4, 0x97) : QColor(0x00, 0x70, 0x4f);
    case Tone::Warning:
        return dark ? QColor(0xe6, 0xa7, 0x00) : QColor(0x8a, 0x58, 0x00);
    case Tone::Bad:
        return dark ? QColor(0xff, 0x8f, 0x57) : QColor(0xb2, 0x3c, 0x00);
    }
    return palette.color(QPalette::Text);
}

double StatusColors::luminance(const QColor &c)
{
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : qPow((v + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) +
           0.0722 * channel(rgb.blueF());
}

double StatusColors::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace ui

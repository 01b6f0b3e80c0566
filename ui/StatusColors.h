#pragma once

#include <QColor>
#include <QPalette>

namespace ui {

// Coloured status text in views (drain progress, action confirmations): good, warning, bad, in
// a shade per theme that keeps 4.5:1 (WCAG AA) on the view's Base and AlternateBase. A plain
// state uses the palette's Text: a foreground left unset or invalid paints black, unreadable on
// the dark theme's base.
class StatusColors
{
public:
    enum class Tone { Plain, Good, Warning, Bad };

    static QColor text(Tone tone, const QPalette &palette);

    // WCAG 2 relative luminance (0..1) and contrast ratio (1..21) of opaque colours.
    static double luminance(const QColor &c);
    static double contrast(const QColor &a, const QColor &b);
};

} // namespace ui

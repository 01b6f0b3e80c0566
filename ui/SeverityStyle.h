#pragma once

#include "models/Severity.h"

#include <QColor>
#include <QPalette>

class QPainter;
class QRect;
class QRectF;

namespace ui {

// Colours and glyphs for severities. The palette is Okabe–Ito (distinguishable with the common
// colour-vision deficiencies) and every severity also has its own glyph, so colour is never the
// only signal. Dark and light themes get variants with enough contrast; tests/ui/tst_contrast
// checks every colour here against what it is painted on (WCAG: 4.5:1 text, 3:1 marks).
class SeverityStyle
{
public:
    static QColor color(models::Severity s, bool dark = false);
    // The ink on a tile of that severity: its glyph, name and marks.
    static QColor textColor(models::Severity s);
    // Cordon hatching, painted over the tile's fill.
    static QColor hatchColor();
    // The outline of a faulty node's mark in the heatmap, in both themes: it parts the mark
    // from the healthy tiles around it and from its own fill (the dark theme's light text
    // colour would drown a minor mark's yellow).
    static QColor markOutlineColor() { return QColor(0, 0, 0); }
    // The isolated frame: its outer half must stand out from the view's background (Base),
    // its inner half from the tile's fill, and no one colour does both in the dark theme.
    static QColor frameOuterColor(const QPalette &palette);
    static QColor frameInnerColor(models::Severity s) { return textColor(s); }
    static void drawIsolatedFrame(QPainter *p, const QRect &tile, models::Severity s,
                                  const QPalette &palette);
    // Draws the severity's glyph centred in `rect` (nothing for Healthy at small sizes).
    static void drawGlyph(QPainter *p, const QRectF &rect, models::Severity s, const QColor &ink);
    static bool isDark(const QPalette &palette);
};

} // namespace ui

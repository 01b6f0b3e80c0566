#pragma once

#include "models/Severity.h"

#include <QColor>
#include <QPalette>

class QPainter;
class QRectF;

namespace ui {

// Colours and glyphs for severities. The palette is Okabe–Ito (distinguishable with the common
// colour-vision deficiencies) and every severity also has its own glyph, so colour is never the
// only signal. Dark and light themes get variants with enough contrast.
class SeverityStyle
{
public:
    static QColor color(models::Severity s, bool dark = false);
    static QColor textColor(models::Severity s);
    // Draws the severity's glyph centred in `rect` (nothing for Healthy at small sizes).
    static void drawGlyph(QPainter *p, const QRectF &rect, models::Severity s, const QColor &ink);
    static bool isDark(const QPalette &palette);
};

} // namespace ui

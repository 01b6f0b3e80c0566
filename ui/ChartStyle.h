#pragma once

class QChart;
class QPalette;

namespace ui {

// Makes a Qt chart follow the application's palette (light or dark) instead of Qt Charts' own
// theme, so charts read well in both themes and match the widgets around them.
class ChartStyle
{
public:
    static void apply(QChart *chart, const QPalette &palette);
    // Removes (and deletes) every series and axis, before the chart is drawn anew.
    static void clear(QChart *chart);
};

} // namespace ui

#pragma once

#include <QString>

namespace ui {

// Applies the look: "system" keeps the platform's style and palette; "light" and "dark" use
// Fusion with palettes checked for contrast (text on base and window, highlighted text).
class Theme
{
public:
    static void apply(const QString &mode);
    static QString current();
};

} // namespace ui

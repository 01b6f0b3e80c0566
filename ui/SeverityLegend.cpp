#include "ui/SeverityLegend.h"

#include "ui/SeverityStyle.h"

#include <QPainter>

namespace ui {

using models::Severity;

SeverityLegend::SeverityLegend(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Legend"));
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    QStringList parts;
    for (const Item &i : items())
        parts << i.text;
    setAccessibleDescription(parts.join(QLatin1String(", ")));
}

QList<SeverityLegend::Item> SeverityLegend::items() const
{
    return {
        {int(Severity::Healthy), 0, models::severityName(Severity::Healthy)},
        {int(Severity::Info), 0, models::severityName(Severity::Info)},
        {int(Severity::Minor), 0, models::severityName(Severity::Minor)},
        {int(Severity::Major), 0, models::severityName(Severity::Major)},
        {int(Severity::Critical), 0, models::severityName(Severity::Critical)},
        {int(Severity::Healthy), 1, tr("Isolated")},
        {int(Severity::Healthy), 2, tr("Cordoned")},
        {int(Severity::Healthy), 3, tr("Accelerators lost")},
    };
}

namespace {
constexpr int Swatch = 16, Indent = 8, TextGap = 6, ItemGap = 14;
} // namespace

int SeverityLegend::lineHeight() const
{
    return std::max(22, fontMetrics().height() + 8);
}

QSize SeverityLegend::sizeHint() const
{
    int w = Indent;
    for (const Item &i : items())
        w += Swatch + TextGap + fontMetrics().horizontalAdvance(i.text) + ItemGap;
    return QSize(w, lineHeight());
}

QSize SeverityLegend::minimumSizeHint() const
{
    int widest = 0;
    for (const Item &i : items())
        widest = std::max(widest, fontMetrics().horizontalAdvance(i.text));
    return QSize(Indent + Swatch + TextGap + widest + ItemGap, lineHeight());
}

QList<QPoint> SeverityLegend::place(int width) const
{
    QList<QPoint> at;
    int x = Indent, line = 0;
    for (const Item &i : items()) {
        const int w = Swatch + TextGap + fontMetrics().horizontalAdvance(i.text);
        if (x > Indent && x + w > width) {
            x = Indent;
            ++line;
        }
        at << QPoint(x, line * lineHeight() + (lineHeight() - Swatch) / 2);
        x += w + ItemGap;
    }
    return at;
}

int SeverityLegend::heightForWidth(int width) const
{
    const QList<QPoint> at = place(width);
    return at.isEmpty() ? lineHeight() : at.back().y() - (lineHeight() - Swatch) / 2 + lineHeight();
}

void SeverityLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const bool dark = SeverityStyle::isDark(palette());
    const int s = Swatch;
    const QList<Item> all = items();
    const QList<QPoint> at = place(width());
    for (int n = 0; n < all.size(); ++n) {
        const Item &i = all[n];
        const QRect r(at[n], QSize(s, s));
        const auto sev = Severity(i.severity);
        if (i.mark == 0) {
            p.fillRect(r, SeverityStyle::color(sev, dark));
            SeverityStyle::drawGlyph(&p, r, sev, SeverityStyle::textColor(sev));
        } else {
            // The marks as the grid paints them, on a healthy tile.
            p.fillRect(r, SeverityStyle::color(Severity::Healthy, dark));
            if (i.mark == 1) {
                SeverityStyle::drawIsolatedFrame(&p, r, Severity::Healthy, palette());
            } else if (i.mark == 2) {
                p.fillRect(r, QBrush(SeverityStyle::hatchColor(), Qt::BDiagPattern));
            } else {
                const QPoint pts[3] = {r.topRight() + QPoint(1, 0), r.topRight() + QPoint(-5, 0),
                                       r.topRight() + QPoint(1, 6)};
                p.setPen(Qt::NoPen);
                p.setBrush(SeverityStyle::textColor(Severity::Healthy));
                p.drawPolygon(pts, 3);
            }
        }
        p.setPen(palette().color(QPalette::WindowText));
        const int tw = fontMetrics().horizontalAdvance(i.text);
        p.drawText(
            QRect(r.right() + 1 + TextGap, r.center().y() - lineHeight() / 2, tw + 2, lineHeight()),
            Qt::AlignVCenter | Qt::AlignLeft, i.text);
    }
}

} // namespace ui

#include "ui/SeverityLegend.h"

#include "ui/SeverityStyle.h"

#include <QPainter>

namespace ui {

using models::Severity;

SeverityLegend::SeverityLegend(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Legend"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
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

QSize SeverityLegend::sizeHint() const
{
    int w = 8;
    for (const Item &i : items())
        w += 16 + 6 + fontMetrics().horizontalAdvance(i.text) + 14;
    return QSize(w, std::max(22, fontMetrics().height() + 8));
}

void SeverityLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const bool dark = SeverityStyle::isDark(palette());
    int x = 8;
    const int s = 16;
    const int y = (height() - s) / 2;
    for (const Item &i : items()) {
        const QRect r(x, y, s, s);
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
        x += s + 6;
        p.setPen(palette().color(QPalette::WindowText));
        const int tw = fontMetrics().horizontalAdvance(i.text);
        p.drawText(QRect(x, 0, tw + 2, height()), Qt::AlignVCenter | Qt::AlignLeft, i.text);
        x += tw + 14;
    }
}

} // namespace ui

#pragma once

#include <QWidget>

namespace ui {

// The grid's key: a swatch with its glyph for every severity, and the marks for isolated,
// cordoned and accelerator-degraded nodes.
class SeverityLegend : public QWidget
{
    Q_OBJECT

public:
    explicit SeverityLegend(QWidget *parent = nullptr);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Item
    {
        int severity; // -1 for marks
        int mark;     // 0 none, 1 isolated, 2 cordoned, 3 degraded
        QString text;
    };
    QList<Item> items() const;
};

} // namespace ui

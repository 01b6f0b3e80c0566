#pragma once

#include <QWidget>

namespace ui {

// The grid's key: a swatch with its glyph for every severity, and the marks for isolated,
// cordoned and accelerator-degraded nodes. In one line when it fits, else in as many as it
// needs (a narrow grid beside a wide Faults panel): no item is ever cut off.
class SeverityLegend : public QWidget
{
    Q_OBJECT

public:
    explicit SeverityLegend(QWidget *parent = nullptr);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

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
    // Where each item goes at `width`: its swatch's top-left corner.
    QList<QPoint> place(int width) const;
    int lineHeight() const;
};

} // namespace ui

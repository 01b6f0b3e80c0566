#pragma once

#include <QLabel>

namespace ui {

// A plain-text label that never asks for more width than a few characters: each of its lines
// is elided (right, or in the middle for names that share prefixes) to the width it is given,
// and its tooltip tells the whole text when something was cut (then its own tooltip, if any). A
// long error line therefore cannot widen the pane it is in. With reserved lines, its height stays
// that of so many lines whatever the text, so what is laid out below it does not move from one text
// to the next.
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    explicit ElidedLabel(Qt::TextElideMode mode, QWidget *parent = nullptr);

    Qt::TextElideMode elideMode() const { return m_mode; }
    // Reserves the height of `lines` lines (0: as many as the text has).
    void setReservedLines(int lines);
    int reservedLines() const { return m_reservedLines; }
    // Whether the text, as laid out at the present size, is cut.
    bool isElided() const;
    // The lines as they are painted at the present size.
    QStringList shownLines() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    int linesShown() const;

    Qt::TextElideMode m_mode = Qt::ElideRight;
    int m_reservedLines = 0;
};

} // namespace ui

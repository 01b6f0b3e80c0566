#include "ui/Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace ui {

namespace {

QString g_mode = QStringLiteral("system");
QPalette g_systemPalette;
QString g_systemStyle;
bool g_captured = false;

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2f, 0x36), base(0x1e, 0x21, 0x26), text(0xe8, 0xea, 0xed);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x2a, 0x30));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3f, 0x47));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xd9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb7, 0xff));
    p.setColor(QPalette::Mid, QColor(0x4a, 0x50, 0x58));
    p.setColor(QPalette::Dark, QColor(0x18, 0x1a, 0x1e));
    p.setColor(QPalette::Light, QColor(0x45, 0x4a, 0x52));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x86, 0x8c));
    return p;
}

QPalette lightPalette()
{
    QPalette p = QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
    p.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xc5));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

} // namespace

void Theme::apply(const QString &mode)
{
    if (!g_captured) {
        g_systemPalette = QApplication::palette();
        g_systemStyle = QApplication::style()->name();
        g_captured = true;
    }
    g_mode = mode;
    if (mode == QLatin1String("dark")) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    } else if (mode == QLatin1String("light")) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(lightPalette());
    } else {
        g_mode = QStringLiteral("system");
        if (QStyle *s = QStyleFactory::create(g_systemStyle))
            QApplication::setStyle(s);
        QApplication::setPalette(g_systemPalette);
    }
}

QString Theme::current()
{
    return g_mode;
}

} // namespace ui

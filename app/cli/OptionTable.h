#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace app::cli {

// Every option of `faultboard`, the window's and the headless commands', in one table: both
// command-line parsers are built from it, and the command word is found by it (a word after an
// option that takes a value is that value, not a command).
class OptionTable
{
    Q_DECLARE_TR_FUNCTIONS(OptionTable)

public:
    // Where an option is accepted.
    enum Scope : unsigned {
        Window = 1u << 0,
        Report = 1u << 1,
        Watch = 1u << 2,
        Isolate = 1u << 3,
        Restore = 1u << 4,
        Drain = 1u << 5,
        Commands = Report | Watch | Isolate | Restore | Drain,
        Everywhere = Window | Commands,
    };

    struct Entry
    {
        QStringList names;       // "o", "output"
        const char *description; // untranslated (QT_TRANSLATE_NOOP)
        QString valueName;       // empty: a flag
        QString defaultValue;
        unsigned scopes;
    };

    static const QList<Entry> &entries();
    // The options accepted in `scope` (one scope bit), translated, in table order.
    static QList<QCommandLineOption> options(Scope scope);
    // Whether `name` (without dashes) is an option that takes a value anywhere: Faultboard's
    // or one of Qt's own (QGuiApplication's -platform, -style, ...).
    static bool takesValue(const QString &name);
};

} // namespace app::cli

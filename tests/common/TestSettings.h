#pragma once

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

// Gives this test process settings of its own: QSettings (both formats) in a private temporary
// folder, and QStandardPaths in test mode. Nothing is read from or written to the user's own
// settings, and nothing one test leaves there (a remembered cluster, a filter, a group-by) reaches
// another test, even when ctest runs them side by side. Call it first in initTestCase().
inline bool useTestSettings()
{
    static QTemporaryDir dir;
    if (!dir.isValid())
        return false;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    return true;
}

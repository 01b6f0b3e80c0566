#pragma once

#include <QString>

class QCoreApplication;

namespace app {

// The application's names (settings, data folders); the same for the window and the commands.
void setApplicationIdentity();
// Faultboard's and Qt's translations for `language` (empty: the system's locale).
void installTranslators(QCoreApplication &app, const QString &language);

} // namespace app

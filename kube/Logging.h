#pragma once

#include <QLoggingCategory>

// Debug output is off by default; enable with QT_LOGGING_RULES="faultboard.*.debug=true".
// Nothing secret is ever logged: requests are logged by verb and path, never by header.
Q_DECLARE_LOGGING_CATEGORY(lcKube)
Q_DECLARE_LOGGING_CATEGORY(lcKubeWatch)
Q_DECLARE_LOGGING_CATEGORY(lcKubeAuth)

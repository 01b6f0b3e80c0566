#pragma once

#include "app/cli/Startup.h"

#include <QString>

class QCoreApplication;

namespace app {

// Parses the command line and runs the GUI, or a headless command (app/cli).
int run(int argc, char *argv[]);

} // namespace app

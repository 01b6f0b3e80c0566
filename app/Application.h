#pragma once

namespace app {

// Parses the command line and runs the GUI (or, later, a headless command).
int run(int argc, char *argv[]);

} // namespace app

#pragma once

#include <QCoreApplication>

namespace app::cli {

// Runs one headless command (`faultboard report|watch|isolate|restore|drain ...`) with a
// QCoreApplication: no display is needed. Returns the exit status: 0 done, 1 an action or the
// connection failed, 2 bad usage.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    static int run(int argc, char *argv[]);
};

} // namespace app::cli

#include "app/cli/CommandLine.h"

#include "app/cli/ActionCommand.h"
#include "app/cli/Console.h"
#include "app/cli/DrainCommand.h"
#include "app/cli/InterruptWatcher.h"
#include "app/cli/ReportCommand.h"
#include "app/cli/Startup.h"
#include "app/cli/WatchCommand.h"
#include "ui/AppSettings.h"

#include <QTimer>

#include <memory>

namespace app::cli {

namespace {

std::unique_ptr<Command> createCommand(const CliOptions &options)
{
    switch (options.command) {
    case CliOptions::Command::Report:
        return std::make_unique<ReportCommand>(options);
    case CliOptions::Command::Watch:
        return std::make_unique<WatchCommand>(options);
    case CliOptions::Command::Isolate:
    case CliOptions::Command::Restore:
        return std::make_unique<ActionCommand>(options);
    case CliOptions::Command::Drain:
        return std::make_unique<DrainCommand>(options);
    }
    return {};
}

} // namespace

int CommandLine::run(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    installTranslators(app, ui::AppSettings::load().language);

    CliOptions options;
    switch (options.parse(QCoreApplication::arguments())) {
    case CliOptions::Outcome::Help:
        Console::write(options.message.toUtf8());
        return 0;
    case CliOptions::Outcome::Version:
        Console::line(QStringLiteral("faultboard " FAULTBOARD_VERSION));
        return 0;
    case CliOptions::Outcome::UsageError:
        Console::error(options.message);
        return 2;
    case CliOptions::Outcome::Run:
        break;
    }

    std::unique_ptr<Command> command = createCommand(options);
    QObject::connect(command.get(), &Command::finished, &app,
                     [](int exitCode) { QCoreApplication::exit(exitCode); });
    InterruptWatcher interrupts;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, command.get(),
                     &Command::interrupt);
    QTimer::singleShot(0, command.get(), &Command::start);
    const int exitCode = QCoreApplication::exec();
    // Closing the session closes the fault history: every queued write is committed first.
    command.reset();
    return exitCode;
}

} // namespace app::cli

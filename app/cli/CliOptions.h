#pragma once

#include "kube/NodeDrain.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace app::cli {

// The command line of the headless commands (`faultboard report|watch|isolate|restore|drain`):
// which command, its options checked and converted, or the help text, or what is wrong with it.
// Parsing never exits the process: the caller prints and chooses the exit status.
class CliOptions
{
    Q_DECLARE_TR_FUNCTIONS(CliOptions)

public:
    enum class Command { Report, Watch, Isolate, Restore, Drain };
    enum class Outcome { Run, Help, Version, UsageError };
    enum class Format { Csv, Json, Text, Jsonl };

    static QStringList commandNames();
    static std::optional<Command> commandNamed(const QString &word);
    // Where the command word is in `args` (args[0] is the program), skipping the options that
    // may come before it and their values; -1 when there is no word that is not an option.
    static int commandIndex(const QStringList &args);
    // The list of commands with a line each, for `faultboard --help`.
    static QString commandsHelp();

    // "90s", "5m", "24h", "7d", "2w", "1h30m"; a plain number is seconds when `plainSeconds`.
    static std::optional<qint64> parseDurationMs(const QString &text, bool plainSeconds);
    // --history: a duration back from `now` ("24h") or an ISO 8601 time (UTC with "Z" or an
    // offset; without one, local time); invalid with `error` when it is neither or in the future.
    static QDateTime parseSince(const QString &text, const QDateTime &now, QString *error);

    Outcome parse(const QStringList &args);

    Command command = Command::Report;
    QString commandName;
    QString message; // Help: the help text; UsageError: what is wrong, one line

    // Every command.
    QString kubeconfig; // --kubeconfig
    QString context;    // --context

    // report, watch
    Format format = Format::Csv;
    QString output; // report --output; empty or "-": stdout
    bool history = false;
    QDateTime since;       // report --history
    QString prometheusUrl; // report --prometheus (with --history); empty: none
    QString prometheusTokenFile;
    QString prometheusBasicAuthFile;
    QString prometheusCaFile;
    qint64 durationMs = 0; // watch --duration; 0: until interrupted

    // isolate, restore, drain
    QStringList nodes;
    bool dryRun = false;
    QString effect;        // isolate --effect; empty: the settings' (NoSchedule unless changed)
    QString reason;        // isolate --reason
    bool uncordon = false; // restore --uncordon: also a cordon Faultboard did not set
    // restore --force: also nodes that still have a critical fault; isolate --force: also, among
    // several nodes, those with no active fault (the engine refuses them otherwise)
    bool force = false;
    kube::DrainOptions drain;
};

} // namespace app::cli

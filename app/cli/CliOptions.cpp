#include "app/cli/CliOptions.h"

#include "app/cli/OptionTable.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <QUrl>

namespace app::cli {

namespace {

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

} // namespace

QStringList CliOptions::commandNames()
{
    return {QStringLiteral("report"), QStringLiteral("watch"), QStringLiteral("isolate"),
            QStringLiteral("restore"), QStringLiteral("drain")};
}

std::optional<CliOptions::Command> CliOptions::commandNamed(const QString &word)
{
    static const Command commands[] = {Command::Report, Command::Watch, Command::Isolate,
                                       Command::Restore, Command::Drain};
    const qsizetype i = commandNames().indexOf(word);
    if (i < 0)
        return std::nullopt;
    return commands[i];
}

int CliOptions::commandIndex(const QStringList &args)
{
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--"))
            return i + 1 < args.size() ? i + 1 : -1;
        if (a.startsWith(QLatin1String("--"))) {
            const QString name = a.mid(2);
            if (!a.contains(QLatin1Char('=')) && OptionTable::takesValue(name))
                ++i;
            continue;
        }
        if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            if (OptionTable::takesValue(a.mid(1)))
                ++i;
            continue;
        }
        return i;
    }
    return -1;
}

QString CliOptions::commandsHelp()
{
    QString text =
        tr("Commands (no window; `faultboard COMMAND --help` for each):") + QLatin1Char('\n');
    const QList<std::pair<QString, QString>> lines = {
        {QStringLiteral("report"),
         tr("write the current faults, or the fault history, as CSV or JSON")},
        {QStringLiteral("watch"), tr("print each fault transition as it happens, and record it")},
        {QStringLiteral("isolate"), tr("taint and cordon nodes so no new work lands on them")},
        {QStringLiteral("restore"), tr("remove Faultboard's taint from nodes and uncordon them")},
        {QStringLiteral("drain"), tr("cordon nodes and evict their pods, as kubectl drain does")},
    };
    for (const auto &[name, what] : lines)
        text += QStringLiteral("  %1  %2\n").arg(name.leftJustified(8), what);
    text += tr("Exit status: 0 done, 1 an action or the connection failed, 2 bad usage.") +
            QLatin1Char('\n');
    return text;
}

std::optional<qint64> CliOptions::parseDurationMs(const QString &text, bool plainSeconds)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = t.toLongLong(&isNumber);
    if (isNumber) {
        if (!plainSeconds || seconds < 0)
            return std::nullopt;
        return seconds * 1000;
    }
    static const QRegularExpression part(QStringLiteral("(\\d+)(ms|s|m|h|d|w)"));
    qint64 total = 0;
    qsizetype pos = 0;
    auto it = part.globalMatch(t);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart() != pos)
            return std::nullopt;
        pos = m.capturedEnd();
        const qint64 n = m.captured(1).toLongLong();
        const QString unit = m.captured(2);
        qint64 ms = 1;
        if (unit == QLatin1String("s"))
            ms = 1000;
        else if (unit == QLatin1String("m"))
            ms = 60 * 1000;
        else if (unit == QLatin1String("h"))
            ms = 3600 * 1000;
        else if (unit == QLatin1String("d"))
            ms = 24LL * 3600 * 1000;
        else if (unit == QLatin1String("w"))
            ms = 7LL * 24 * 3600 * 1000;
        total += n * ms;
    }
    if (pos != t.size() || pos == 0)
        return std::nullopt;
    return total;
}

QDateTime CliOptions::parseSince(const QString &text, const QDateTime &now, QString *error)
{
    if (const auto ms = parseDurationMs(text, false))
        return now.addMSecs(-*ms).toUTC();
    QDateTime t = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text.trimmed(), Qt::ISODate);
        if (d.isValid())
            t = d.startOfDay();
    }
    if (!t.isValid()) {
        *error = tr("--history %1: not a duration (24h, 90m, 7d) nor an ISO 8601 time "
                    "(2025-06-01T08:00:00Z)")
                     .arg(quoted(text));
        return {};
    }
    if (t > now) {
        *error = tr("--history %1: that time is in the future").arg(quoted(text));
        return {};
    }
    return t.toUTC();
}

CliOptions::Outcome CliOptions::parse(const QStringList &args)
{
    const int at = commandIndex(args);
    const std::optional<Command> which = at > 0 ? commandNamed(args.at(at)) : std::nullopt;
    if (!which) {
        message = at > 0 ? tr("unknown command %1; the commands are %2 (see faultboard --help)")
                               .arg(quoted(args.at(at)), commandNames().join(QLatin1String(", ")))
                         : tr("no command given (see faultboard --help)");
        return Outcome::UsageError;
    }
    command = *which;
    commandName = args.at(at);
    QStringList rest = args;
    rest.removeAt(at);

    QCommandLineParser p;
    QString description;
    QString syntax;
    OptionTable::Scope scope = OptionTable::Report;
    switch (command) {
    case Command::Report:
        scope = OptionTable::Report;
        description = tr("Connects, reads every node, classifies their faults and writes the "
                         "current faults (or, with --history, the fault history since a time) "
                         "as CSV or JSON.");
        break;
    case Command::Watch:
        scope = OptionTable::Watch;
        description = tr("Prints each fault transition as it happens (time, node, type, old and "
                         "new status, severity, reason, message), one a line, and records it in "
                         "the cluster's fault history as the window does.");
        break;
    case Command::Isolate:
        scope = OptionTable::Isolate;
        description = tr("Adds Faultboard's taint to each NODE and cordons it, recording who and "
                         "why, and what it changed, in annotations and an Event.");
        syntax = QStringLiteral("NODE...");
        break;
    case Command::Restore:
        scope = OptionTable::Restore;
        description =
            tr("Undoes what Faultboard's isolation of each NODE did: removes the taint "
               "it added (and no other) and uncordons the node if the isolation "
               "cordoned it. A node Faultboard did not isolate is left alone, and one that "
               "still has a critical fault is refused unless --force.");
        syntax = QStringLiteral("NODE...");
        break;
    case Command::Drain:
        scope = OptionTable::Drain;
        description = tr("Cordons each NODE and evicts its pods as kubectl drain does, with a "
                         "line for each pod's progress.");
        syntax = QStringLiteral("NODE...");
        break;
    }
    p.addOptions(OptionTable::options(scope));
    const QString helpOpt = QStringLiteral("help");
    const QString versionOpt = QStringLiteral("version");
    const QString kubeconfigOpt = QStringLiteral("kubeconfig");
    const QString contextOpt = QStringLiteral("context");
    const QString reportFormatOpt = QStringLiteral("format");
    const QString watchFormatOpt = QStringLiteral("format");
    const QString outputOpt = QStringLiteral("output");
    const QString historyOpt = QStringLiteral("history");
    const QString durationOpt = QStringLiteral("duration");
    const QString dryRunOpt = QStringLiteral("dry-run");
    const QString effectOpt = QStringLiteral("effect");
    const QString reasonOpt = QStringLiteral("reason");
    const QString uncordonOpt = QStringLiteral("uncordon");
    const QString ignoreDsOpt = QStringLiteral("ignore-daemonsets");
    const QString emptyDirOpt = QStringLiteral("delete-emptydir-data");
    const QString forceOpt = QStringLiteral("force");
    const QString graceOpt = QStringLiteral("grace-period");
    const QString timeoutOpt = QStringLiteral("timeout");
    const QString podSelectorOpt = QStringLiteral("pod-selector");
    const QString disableEvictionOpt = QStringLiteral("disable-eviction");
    const QString skipWaitOpt = QStringLiteral("skip-wait-for-delete-timeout");

    if (!syntax.isEmpty())
        p.addPositionalArgument(syntax, tr("The nodes, by name."), syntax);
    p.setApplicationDescription(description);

    const auto usage = [&](const QString &what) {
        message = tr("%1: %2 (see faultboard %1 --help)").arg(commandName, what);
        return Outcome::UsageError;
    };

    if (!p.parse(rest))
        return usage(p.errorText());
    if (p.isSet(helpOpt)) {
        QString text = p.helpText();
        const qsizetype firstLineEnd = text.indexOf(QLatin1Char('\n'));
        text = tr("Usage: faultboard %1 [options] %2").arg(commandName, syntax).trimmed() +
               text.mid(firstLineEnd);
        message = text;
        return Outcome::Help;
    }
    if (p.isSet(versionOpt))
        return Outcome::Version;

    kubeconfig = p.value(kubeconfigOpt);
    context = p.value(contextOpt);
    const QStringList positional = p.positionalArguments();

    switch (command) {
    case Command::Report: {
        if (!positional.isEmpty())
            return usage(tr("unexpected argument %1").arg(quoted(positional.first())));
        output = p.value(outputOpt);
        if (output == QLatin1String("-"))
            output.clear();
        const QString f = p.value(reportFormatOpt);
        if (f.isEmpty())
            format = output.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? Format::Json
                                                                                  : Format::Csv;
        else if (f == QLatin1String("csv"))
            format = Format::Csv;
        else if (f == QLatin1String("json"))
            format = Format::Json;
        else
            return usage(tr("--format %1: must be csv or json").arg(quoted(f)));
        if (p.isSet(historyOpt)) {
            history = true;
            QString error;
            since = parseSince(p.value(historyOpt), QDateTime::currentDateTimeUtc(), &error);
            if (!since.isValid())
                return usage(error);
        }
        prometheusUrl = p.value(QStringLiteral("prometheus"));
        prometheusTokenFile = p.value(QStringLiteral("prometheus-token-file"));
        prometheusBasicAuthFile = p.value(QStringLiteral("prometheus-basic-auth-file"));
        prometheusCaFile = p.value(QStringLiteral("prometheus-ca"));
        if (!prometheusUrl.isEmpty()) {
            const QUrl url(prometheusUrl, QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty() ||
                (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
                return usage(tr("--prometheus: not an http or https URL"));
            if (!history)
                return usage(tr("--prometheus needs --history (it reads the fault history)"));
            if (!prometheusTokenFile.isEmpty() && !prometheusBasicAuthFile.isEmpty())
                return usage(tr("--prometheus-token-file and --prometheus-basic-auth-file "
                                "exclude each other"));
        } else if (!prometheusTokenFile.isEmpty() || !prometheusBasicAuthFile.isEmpty() ||
                   !prometheusCaFile.isEmpty()) {
            return usage(tr("the --prometheus-* options need --prometheus URL"));
        }
        break;
    }
    case Command::Watch: {
        if (!positional.isEmpty())
            return usage(tr("unexpected argument %1").arg(quoted(positional.first())));
        const QString f = p.value(watchFormatOpt);
        if (f.isEmpty() || f == QLatin1String("text"))
            format = Format::Text;
        else if (f == QLatin1String("jsonl"))
            format = Format::Jsonl;
        else
            return usage(tr("--format %1: must be text or jsonl").arg(quoted(f)));
        if (p.isSet(durationOpt)) {
            const auto ms = parseDurationMs(p.value(durationOpt), true);
            if (!ms || *ms <= 0)
                return usage(tr("--duration %1: not a number of seconds above 0 (or a duration "
                                "such as 10m)")
                                 .arg(quoted(p.value(durationOpt))));
            durationMs = *ms;
        }
        break;
    }
    case Command::Isolate:
    case Command::Restore:
    case Command::Drain: {
        if (positional.isEmpty())
            return usage(tr("name at least one node"));
        for (const QString &n : positional) {
            if (n.isEmpty() || n.startsWith(QLatin1Char('-')))
                return usage(tr("%1 is not a node name").arg(quoted(n)));
            if (!nodes.contains(n))
                nodes << n;
        }
        dryRun = p.isSet(dryRunOpt);
        if (command == Command::Restore)
            uncordon = p.isSet(uncordonOpt);
        if (command == Command::Restore || command == Command::Isolate)
            force = p.isSet(forceOpt);
        break;
    }
    }

    if (command == Command::Isolate) {
        effect = p.value(effectOpt);
        if (p.isSet(effectOpt) && effect != QLatin1String("NoSchedule") &&
            effect != QLatin1String("NoExecute"))
            return usage(tr("--effect %1: must be NoSchedule or NoExecute").arg(quoted(effect)));
        reason = p.value(reasonOpt);
    }

    if (command == Command::Drain) {
        drain.dryRun = dryRun;
        drain.ignoreDaemonSets = p.isSet(ignoreDsOpt);
        drain.deleteEmptyDirData = p.isSet(emptyDirOpt);
        drain.force = p.isSet(forceOpt);
        drain.disableEviction = p.isSet(disableEvictionOpt);
        drain.podSelector = p.value(podSelectorOpt);
        if (p.isSet(graceOpt)) {
            bool ok = false;
            drain.gracePeriodSeconds = p.value(graceOpt).toInt(&ok);
            if (!ok || drain.gracePeriodSeconds < -1)
                return usage(tr("--grace-period %1: not a number of seconds (or -1)")
                                 .arg(quoted(p.value(graceOpt))));
        }
        if (p.isSet(timeoutOpt)) {
            const auto ms = parseDurationMs(p.value(timeoutOpt), true);
            if (!ms)
                return usage(tr("--timeout %1: not a number of seconds (or a duration such as 5m)")
                                 .arg(quoted(p.value(timeoutOpt))));
            drain.timeoutMs = *ms;
        }
        if (p.isSet(skipWaitOpt)) {
            bool ok = false;
            drain.skipWaitForDeleteTimeoutSeconds = p.value(skipWaitOpt).toInt(&ok);
            if (!ok || drain.skipWaitForDeleteTimeoutSeconds < 0)
                return usage(tr("--skip-wait-for-delete-timeout %1: not a number of seconds")
                                 .arg(quoted(p.value(skipWaitOpt))));
        }
    }
    return Outcome::Run;
}

} // namespace app::cli

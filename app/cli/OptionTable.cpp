#include "app/cli/OptionTable.h"

namespace app::cli {

namespace {

using E = OptionTable::Entry;
using S = OptionTable::Scope;

QStringList names(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *n : list)
        out << QString::fromLatin1(n);
    return out;
}

// Qt's own options that take a value (QGuiApplication's, given with one dash or two).
const QStringList QtValueOptions = {
    QStringLiteral("platform"),        QStringLiteral("platformpluginpath"),
    QStringLiteral("platformtheme"),   QStringLiteral("plugin"),
    QStringLiteral("qmljsdebugger"),   QStringLiteral("style"),
    QStringLiteral("stylesheet"),      QStringLiteral("session"),
    QStringLiteral("qwindowgeometry"), QStringLiteral("qwindowicon"),
    QStringLiteral("qwindowtitle"),    QStringLiteral("screen"),
    QStringLiteral("display"),         QStringLiteral("geometry"),
    QStringLiteral("title"),           QStringLiteral("name"),
};

} // namespace

const QList<OptionTable::Entry> &OptionTable::entries()
{
    static const QList<Entry> table = {
        // Every command (the window has its own help and version options from Qt).
        {names({"h", "help"}),
         QT_TRANSLATE_NOOP("app::cli::OptionTable", "Show this help and exit."),
         {},
         {},
         S::Commands},
        {names({"version"}),
         QT_TRANSLATE_NOOP("app::cli::OptionTable", "Show the version and exit."),
         {},
         {},
         S::Commands},
        {names({"kubeconfig"}),
         QT_TRANSLATE_NOOP("app::cli::OptionTable",
                           "The kubeconfig file to use (default: the files in KUBECONFIG, else "
                           "~/.kube/config)."),
         QStringLiteral("FILE"),
         {},
         S::Everywhere},
        {names({"context"}),
         QT_TRANSLATE_NOOP("app::cli::OptionTable",
                           "The kubeconfig context to use (default: its current context)."),
         QStringLiteral("NAME"),
         {},
         S::Commands},
        // The window.
        {names({"context"}),
         QT_TRANSLATE_NOOP("app::cli::OptionTable",
                           "Open this kubeconfig context at once (instead of choosing one)."),
         QStringLiteral("NAME"),
         {},
         S::Window},
        {names({"demo"}),
         QT_TRANSLATE_NOOP("app::cli::OptionTable",
                           "Start a simulated demo cluster (kubesim) and show it."),
         {},
         {},
         S::Window},
        {names({"lang"}),
         QT_TRANSLATE_NOOP(
             "app::cli::OptionTable",
             "The user interface language (en, zh_CN); default: the settings, else the "
             "system's."),
         QStringLiteral("LANG"),
         {},
         S::Window},
        {names({"theme"}),
         QT_TRANSLATE_NOOP("app::cli::OptionTable",
                           "The theme: system, light or dark; default: the settings."),
         QStringLiteral("THEME"),
         {},
         S::Window},
        {names({"screenshot"}),
         QT_TRANSLATE_NOOP(
             "app::cli::OptionTable",
             "Save a picture of the main window to FILE and quit (for documentation)."),
         QStringLiteral("FILE"),
         {},
         S::Window},
        {names({"screenshot-delay"}),
         QT_TRANSLATE_NOOP("app::cli::OptionTable",
                           "Seconds to wait after the first sync before --screenshot (default 2)."),
         QStringLiteral("SECONDS"), QStringLiteral("2"), S::Window},
        {names({"screenshot-view"}),
         QT_TRANSLATE_NOOP(
             "app::cli::OptionTable",
             "What --screenshot shows: grid (default), faults-first or faulty-only (the grid so "
             "ordered or filtered), group:LABEL (the grid grouped by a node label), node:NAME "
             "(its fault history), pods:NAME (its pods), trends, drain:NAME (the drain dialog), "
             "drain-stopped:NAME (a drain stopped half way), isolate:NAMES or "
             "restore:NAMES (the confirmation for these comma-separated nodes), "
             "size:WxH[,NAME] (the window at that size, with that node shown), export (the "
             "export dialog), hidden:NAME,FILTER (NAME selected, then hidden by that name "
             "filter), menu:NAME (the context menu on its tile), chooser (the clusters offered "
             "when there is no last one to open), or unreadable (the view of a cluster that "
             "cannot be read, without waiting for a sync)."),
         QStringLiteral("VIEW"), QStringLiteral("grid"), S::Window},
        // report
        {names({"format"}),
         QT_TRANSLATE_NOOP("app::cli::OptionTable",
                           "csv or json (default: json when FILE ends in .json, else csv)."),
         QStringLiteral("FORMAT"),
         {},
         S::Report},
        {names({"o", "output"}),
         QT_TRANSLATE_NOOP("app::cli::OptionTable",
                           "Write the report to FILE (default: standard output)."),
         QStringLiteral("FILE"),
         {},
         S::Report},
        {names({"history"}),
         QT_TRANSLATE_NOOP(
             "app::cli::OptionTable",
             "Report the faults of the fault history active since SINCE instead of the current "
             "ones: a duration back from now (24h, 90m, 7d) or an ISO 8601 time."),
         QStringLiteral("SINCE"),
         {},
         S::Report},
        {names({"prometheus"}),
         QT_TRANSLATE_NOOP(
             "app::cli::OptionTable",
             "With --history: also read the fault history from the Prometheus-compatible API at "
             "URL (kube-state-metrics' node metrics), for the time before Faultboard watched. "
             "Without it, the Prometheus set for the cluster's context in the window (Cluster > "
             "Prometheus of this cluster), if any."),
         QStringLiteral("URL"),
         {},
         S::Report},
        {names({"prometheus"}),
         QT_TRANSLATE_NOOP("app::cli::OptionTable",
                           "Show in each node's History tab the faults the Prometheus-compatible "
                           "API at URL holds for it (kube-state-metrics' node metrics) that "
                           "Faultboard did not see itself."),
         QStringLiteral("URL"),
         {},
         S::Window},
        {names({"prometheus-token-file"}),
         QT_TRANSLATE_NOOP("app::cli::OptionTable", "Send the bearer token in FILE to Prometheus."),
         QStringLiteral("FILE"),
         {},
         S::Report | S::Window},
        {names({"prometheus-basic-auth-file"}),
         QT_TRANSLATE_NOOP(
             "app::cli::OptionTable",
             "Log in to Prometheus with the user:password on the first line of FILE."),
         QStringLiteral("FILE"),
         {},
         S::Report | S::Window},
        {names({"prometheus-ca"}),
         QT_TRANSLATE_NOOP(
             "app::cli::OptionTable",
             "Trust Prometheus' certificate only when the CA in FILE (PEM) signed it."),
         QStringLiteral("FILE"),
         {},
         S::Report | S::Window},
        // watch
        {names({"format"}),
         QT_TRANSLATE_NOOP("app::cli::OptionTable",
                           "text (for people, the default) or jsonl (one JSON object a line)."),
         QStringLiteral("FORMAT"),
         {},
         S::Watch},
        {names({"duration"}),
         QT_TRANSLATE_NOOP(
             "app::cli::OptionTable",
             "Stop after SECONDS (or a duration such as 10m); default: until interrupted."),
         QStringLiteral("SECONDS"),
         {},
         S::Watch},
        // isolate
        {names({"effect"}),
         QT_TRANSLATE_NOOP(
             "app::cli::OptionTable",
             "The taint's effect: NoSchedule (keep new pods away) or NoExecute (also evict pods "
             "that do not tolerate it); default: the settings', NoSchedule unless changed."),
         QStringLiteral("EFFECT"),
         {},
         S::Isolate},
        {names({"reason"}),
         QT_TRANSLATE_NOOP(
             "app::cli::OptionTable",
             "A note (what was seen, a ticket), recorded after each node's own fault in its "
             "faultboard.io/isolated-reason annotation and its Event."),
         QStringLiteral("TEXT"),
         {},
         S::Isolate},
        {names({"force"}),
         QT_TRANSLATE_NOOP(
             "app::cli::OptionTable",
             "With several nodes, also isolate those that have no active fault (without it they "
             "are refused, named: a list easily sweeps healthy nodes along)."),
         {},
         {},
         S::Isolate},
        // restore
        {names({"uncordon"}),
         QT_TRANSLATE_NOOP(
             "app::cli::OptionTable",
             "Also uncordon nodes that Faultboard did not cordon (by default a cordon someone "
             "else set, such as kubectl drain's, is left in place)."),
         {},
         {},
         S::Restore},
        {names({"force"}),
         QT_TRANSLATE_NOOP(
             "app::cli::OptionTable",
             "Also restore nodes that still have a critical fault (without it such a node is "
             "refused, with the fault and since when: restoring puts a broken node back into "
             "scheduling)."),
         {},
         {},
         S::Restore},
        // drain
        {names({"ignore-daemonsets"}),
         QT_TRANSLATE_NOOP("app::cli::OptionTable",
                           "Leave DaemonSet-managed pods alone instead of refusing."),
         {},
         {},
         S::Drain},
        {names({"delete-emptydir-data"}),
         QT_TRANSLATE_NOOP("app::cli::OptionTable",
                           "Evict pods with emptyDir volumes too (their local data is lost)."),
         {},
         {},
         S::Drain},
        {names({"force"}),
         QT_TRANSLATE_NOOP(
             "app::cli::OptionTable",
             "Also delete pods that no controller manages (or whose DaemonSet is gone)."),
         {},
         {},
         S::Drain},
        {names({"grace-period"}),
         QT_TRANSLATE_NOOP(
             "app::cli::OptionTable",
             "Seconds each pod gets to terminate; -1 (the default) uses the pod's own."),
         QStringLiteral("SECONDS"),
         {},
         S::Drain},
        {names({"timeout"}),
         QT_TRANSLATE_NOOP(
             "app::cli::OptionTable",
             "Give up on a node after SECONDS (or a duration such as 5m) from its first "
             "eviction; 0 (the default) waits for ever."),
         QStringLiteral("SECONDS"),
         {},
         S::Drain},
        {names({"pod-selector"}),
         QT_TRANSLATE_NOOP("app::cli::OptionTable",
                           "Only evict the pods matching this label selector."),
         QStringLiteral("SELECTOR"),
         {},
         S::Drain},
        {names({"disable-eviction"}),
         QT_TRANSLATE_NOOP("app::cli::OptionTable",
                           "Delete pods instead of evicting them, bypassing PodDisruptionBudgets."),
         {},
         {},
         S::Drain},
        {names({"skip-wait-for-delete-timeout"}),
         QT_TRANSLATE_NOOP("app::cli::OptionTable",
                           "Skip pods whose deletion began more than SECONDS ago."),
         QStringLiteral("SECONDS"),
         {},
         S::Drain},
        // Every action.
        {names({"dry-run"}),
         QT_TRANSLATE_NOOP("app::cli::OptionTable", "Show what would change; change nothing."),
         {},
         {},
         S::Isolate | S::Restore | S::Drain},
    };
    return table;
}

QList<QCommandLineOption> OptionTable::options(Scope scope)
{
    QList<QCommandLineOption> out;
    for (const Entry &e : entries()) {
        if (!(e.scopes & scope))
            continue;
        const QString text = QCoreApplication::translate("app::cli::OptionTable", e.description);
        QCommandLineOption o(e.names, text, e.valueName, e.defaultValue);
        out << o;
    }
    return out;
}

bool OptionTable::takesValue(const QString &name)
{
    if (QtValueOptions.contains(name))
        return true;
    for (const Entry &e : entries())
        if (!e.valueName.isEmpty() && e.names.contains(name))
            return true;
    return false;
}

} // namespace app::cli

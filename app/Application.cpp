#include "app/Application.h"

#include "app/cli/CliOptions.h"
#include "app/cli/CommandLine.h"
#include "app/cli/Console.h"
#include "app/cli/OptionTable.h"
#include "app/cli/PrometheusOptions.h"
#include "kube/KubeConfig.h"
#include "models/Classifier.h"
#include "models/ClusterSession.h"
#include "models/Taxonomy.h"
#include "sim/KubesimProcess.h"
#include "ui/ActionController.h"
#include "ui/AppSettings.h"
#include "ui/ClusterView.h"
#include "ui/DrainDialog.h"
#include "ui/FilterBar.h"
#include "ui/MainWindow.h"
#include "ui/NodeDetailPanel.h"
#include "ui/NodeGridView.h"
#include "ui/Theme.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QContextMenuEvent>
#include <QDialog>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>

#include <cstdio>

namespace app {

namespace {

void printError(const QString &message)
{
    std::fprintf(stderr, "faultboard: %s\n", qPrintable(message));
}

// The window's command line, from the one option table the commands' parser uses too.
void addGuiOptions(QCommandLineParser &cli)
{
    cli.setApplicationDescription(
        QCoreApplication::translate("main", "Faultboard: watch, isolate, restore and drain "
                                            "faulty nodes of Kubernetes AI clusters."));
    cli.addHelpOption();
    cli.addVersionOption();
    cli.addOptions(cli::OptionTable::options(cli::OptionTable::Window));
}

// `faultboard --help`, answered without a display: the window's options and the commands.
int printHelp(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    installTranslators(app, ui::AppSettings::load().language);
    QCommandLineParser cli;
    addGuiOptions(cli);
    // Qt's usage line names the program as typed (a full path); ours names the commands too.
    QString text = cli.helpText();
    text = QCoreApplication::translate("main", "Usage: faultboard [options]\n"
                                               "       faultboard COMMAND [options] [NODE...]") +
           text.mid(text.indexOf(QLatin1Char('\n')));
    cli::Console::write((text + QLatin1Char('\n') + cli::CliOptions::commandsHelp()).toUtf8());
    return 0;
}

} // namespace

int run(int argc, char *argv[])
{
    // Version, help and the headless commands need no display: answer them before a
    // QApplication exists.
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    const int commandAt = cli::CliOptions::commandIndex(args);
    for (int i = 1; i < (commandAt < 0 ? int(args.size()) : commandAt); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--version") || arg == QLatin1String("-v")) {
            std::printf("faultboard %s\n", FAULTBOARD_VERSION);
            return 0;
        }
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h") ||
            arg == QLatin1String("--help-all"))
            return printHelp(argc, argv);
    }
    if (commandAt > 0)
        return cli::CommandLine::run(argc, argv);

    QApplication app(argc, argv);
    setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Faultboard"));
    QApplication::setDesktopFileName(QStringLiteral("io.faultboard.Faultboard"));

    QCommandLineParser cli;
    addGuiOptions(cli);
    const QString kubeconfigOpt = QStringLiteral("kubeconfig");
    const QString contextOpt = QStringLiteral("context");
    const QString demoOpt = QStringLiteral("demo");
    const QString langOpt = QStringLiteral("lang");
    const QString themeOpt = QStringLiteral("theme");
    const QString screenshotOpt = QStringLiteral("screenshot");
    const QString screenshotDelayOpt = QStringLiteral("screenshot-delay");
    const QString screenshotViewOpt = QStringLiteral("screenshot-view");
    const QString prometheusOpt = QStringLiteral("prometheus");
    cli.process(app);

    const ui::AppSettings settings = ui::AppSettings::load();
    installTranslators(app, cli.isSet(langOpt) ? cli.value(langOpt) : settings.language);
    ui::Theme::apply(cli.isSet(themeOpt) ? cli.value(themeOpt) : settings.theme);

    models::IsolationPolicy policy;
    policy.taintKey = settings.isolationTaintKey;
    QString taxonomyError;
    const models::Taxonomy taxonomy = models::Taxonomy::load({}, &taxonomyError);
    const models::Classifier classifier(taxonomy, policy);
    ui::MainWindow window(classifier);
    if (!taxonomyError.isEmpty()) {
        // The built-in taxonomy is used; the operator's file is named with what is wrong in it.
        printError(taxonomyError);
        QTimer::singleShot(0, &window, [&window, taxonomyError] {
            QMessageBox::warning(
                &window, QApplication::translate("main", "Your fault taxonomy file was not used"),
                taxonomyError);
        });
    }
    kube::KubeConfig::LoadOptions kubeconfig;
    kubeconfig.explicitPath = cli.value(kubeconfigOpt);
    window.setKubeconfigOptions(kubeconfig);
    if (cli.isSet(prometheusOpt)) {
        QString error;
        const auto prometheus = cli::PrometheusOptions::endpoint(
            cli.value(prometheusOpt), cli.value(QStringLiteral("prometheus-token-file")),
            cli.value(QStringLiteral("prometheus-basic-auth-file")),
            cli.value(QStringLiteral("prometheus-ca")), &error);
        if (!prometheus) {
            printError(error);
            return 2;
        }
        window.setPrometheus(prometheus);
    }

    // Saves the picture `seconds` from now, and quits.
    auto takeScreenshot = [&](double seconds) {
        QTimer::singleShot(int(seconds * 1000), &window, [&] {
            const QString file = cli.value(screenshotOpt);
            // A dialog the view opened (drain, isolate, restore) is the picture.
            QWidget *target = &window;
            for (QDialog *dialog : window.findChildren<QDialog *>())
                if (dialog->isVisible())
                    target = dialog;
            QPixmap picture = target->grab();
            // A popup (the grid's context menu) is a window of its own: drawn where it is.
            if (QWidget *popup = QApplication::activePopupWidget(); popup && popup->isVisible()) {
                QPainter painter(&picture);
                painter.drawPixmap(target->mapFromGlobal(popup->mapToGlobal(QPoint(0, 0))),
                                   popup->grab());
            }
            if (!picture.save(file)) {
                printError(QApplication::translate("main", "cannot write %1").arg(file));
                QApplication::exit(1);
                return;
            }
            QApplication::quit();
        });
    };
    auto armScreenshot = [&](ui::ClusterView *view) {
        if (!cli.isSet(screenshotOpt) || !view)
            return;
        // A cluster that cannot be read never syncs: what the view says instead is the picture.
        if (cli.value(screenshotViewOpt) == QLatin1String("unreadable")) {
            takeScreenshot(cli.value(screenshotDelayOpt).toDouble());
            return;
        }
        QObject::connect(
            view->session(), &models::ClusterSession::synced, &window,
            [&, view] {
                // After the delay (the demo's faults come in its first seconds), set up what the
                // picture shows, then give it a moment to settle.
                QTimer::singleShot(
                    int(cli.value(screenshotDelayOpt).toDouble() * 1000), &window, [&, view] {
                        const QString shown = cli.value(screenshotViewOpt);
                        double settle = 1.0;
                        const QString node = shown.section(QLatin1Char(':'), 1);
                        if (shown == QLatin1String("trends")) {
                            view->showCharts();
                        } else if (shown == QLatin1String("faults-first")) {
                            view->filterBar()->faultsFirstButton()->click();
                        } else if (shown == QLatin1String("faulty-only")) {
                            view->filterBar()->faultyOnlyButton()->click();
                        } else if (shown.startsWith(QLatin1String("group:"))) {
                            QComboBox *groupBy = window.groupByBox();
                            const QString label = shown.section(QLatin1Char(':'), 1);
                            groupBy->setCurrentIndex(std::max(0, groupBy->findData(label)));
                        } else if (shown.startsWith(QLatin1String("node:"))) {
                            view->selectNode(node);
                            view->detailPanel()->tabs()->setCurrentIndex(
                                view->detailPanel()->tabs()->count() - 1);
                        } else if (shown.startsWith(QLatin1String("pods:"))) {
                            view->selectNode(node);
                            view->detailPanel()->tabs()->setCurrentIndex(1);
                        } else if (shown.startsWith(QLatin1String("drain:"))) {
                            view->selectNode(node);
                            window.actions()->drainSelection();
                        } else if (shown.startsWith(QLatin1String("drain-stopped:"))) {
                            // A drain started and stopped half way: what the dialog says then.
                            view->selectNode(node);
                            window.actions()->drainSelection();
                            if (auto *dialog = window.findChild<ui::DrainDialog *>()) {
                                QObject::connect(
                                    dialog, &ui::DrainDialog::planReady, dialog,
                                    [dialog](bool drainable) {
                                        if (!drainable)
                                            return;
                                        dialog->startDrain();
                                        QTimer::singleShot(1500, dialog,
                                                           [dialog] { dialog->cancelDrain(); });
                                    },
                                    Qt::SingleShotConnection);
                            }
                            settle = 8.0;
                        } else if (shown.startsWith(QLatin1String("isolate:"))) {
                            view->selectNodes(node.split(QLatin1Char(',')));
                            window.actions()->isolateSelection();
                        } else if (shown.startsWith(QLatin1String("restore:"))) {
                            view->selectNodes(node.split(QLatin1Char(',')));
                            window.actions()->restoreSelection();
                        } else if (shown == QLatin1String("export")) {
                            window.exportReport();
                        } else if (shown.startsWith(QLatin1String("hidden:"))) {
                            // hidden:NAME,FILTER: NAME selected, then a name filter hides it.
                            view->selectNode(node.section(QLatin1Char(','), 0, 0));
                            view->filterBar()->nameEdit()->setText(
                                node.section(QLatin1Char(','), 1));
                        } else if (shown.startsWith(QLatin1String("menu:"))) {
                            // The grid's context menu, opened on that node's tile as a
                            // right-click opens it.
                            view->selectNode(node);
                            QAbstractItemView *grid = view->grid();
                            const QPoint at = grid->visualRect(grid->currentIndex()).center();
                            QCoreApplication::postEvent(
                                grid->viewport(),
                                new QContextMenuEvent(QContextMenuEvent::Mouse, at,
                                                      grid->viewport()->mapToGlobal(at)));
                        } else if (shown.startsWith(QLatin1String("size:"))) {
                            // size:1024x700 or size:1024x700,NODE (that node's details shown)
                            const QStringList size =
                                node.section(QLatin1Char(','), 0, 0).split(QLatin1Char('x'));
                            if (size.size() == 2)
                                window.resize(size[0].toInt(), size[1].toInt());
                            if (node.contains(QLatin1Char(',')))
                                view->selectNode(node.section(QLatin1Char(','), 1));
                        }
                        takeScreenshot(settle);
                    });
            },
            Qt::SingleShotConnection);
    };

    sim::KubesimProcess demo;
    auto startDemo = [&] {
        if (demo.isReady() || demo.process())
            return;
        window.showStartupMessage(QApplication::translate("main", "Starting the demo cluster…"));
        demo.start();
    };
    QObject::connect(&demo, &sim::KubesimProcess::ready, &window, [&] {
        kube::ApiError error;
        auto config = kube::KubeConfig::loadFile(demo.kubeconfigPath(), &error);
        auto endpoint = config ? config->resolve(QString(), &error) : std::nullopt;
        if (!endpoint) {
            printError(error.toString());
            window.showStartupMessage(error.toString());
            return;
        }
        endpoint->contextName = QApplication::translate("main", "demo");
        armScreenshot(window.openCluster(*endpoint));
    });
    QObject::connect(&demo, &sim::KubesimProcess::failed, &window, [&](const QString &error) {
        printError(error);
        window.showStartupMessage(
            QApplication::translate("main", "The demo cluster failed to start: %1").arg(error));
    });
    QObject::connect(&window, &ui::MainWindow::demoRequested, &window, startDemo);

    window.show();
    if (cli.isSet(demoOpt)) {
        startDemo();
    } else if (cli.isSet(screenshotOpt) &&
               cli.value(screenshotViewOpt) == QLatin1String("chooser")) {
        // What a plain `faultboard` offers when there is no last cluster to open.
        takeScreenshot(cli.value(screenshotDelayOpt).toDouble());
        QTimer::singleShot(0, &window, [&] { window.openStartupCluster(); });
    } else if (cli.isSet(contextOpt) || cli.isSet(screenshotOpt)) {
        kube::ApiError error;
        auto config = kube::KubeConfig::load(kubeconfig, &error);
        auto endpoint = config ? config->resolve(cli.value(contextOpt), &error) : std::nullopt;
        if (!endpoint) {
            printError(error.toString());
            QMessageBox::critical(&window,
                                  QApplication::translate("main", "Cannot open the cluster"),
                                  error.toString());
            return 1;
        }
        armScreenshot(window.openCluster(*endpoint));
    } else {
        // Let the window appear first, then open the last cluster (or offer the clusters).
        QTimer::singleShot(0, &window, [&] { window.openStartupCluster(); });
    }
    const int rc = app.exec();
    demo.stop();
    return rc;
}

} // namespace app

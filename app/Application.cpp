#include "app/Application.h"

#include "kube/KubeConfig.h"
#include "models/Classifier.h"
#include "models/ClusterSession.h"
#include "models/Taxonomy.h"
#include "sim/KubesimProcess.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace app {

namespace {

void installTranslators(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("faultboard"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    models::Taxonomy::setTextLocale(locale.name());
}

} // namespace

int run(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("faultboard"));
    QApplication::setApplicationDisplayName(QStringLiteral("Faultboard"));
    QApplication::setOrganizationName(QStringLiteral("Faultboard"));
    QApplication::setOrganizationDomain(QStringLiteral("faultboard.io"));
    QApplication::setApplicationVersion(QStringLiteral(FAULTBOARD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.faultboard.Faultboard"));

    QCommandLineParser cli;
    cli.setApplicationDescription(QApplication::translate(
        "main", "Faultboard: watch, isolate, restore and drain faulty nodes of Kubernetes AI clusters."));
    cli.addHelpOption();
    cli.addVersionOption();
    QCommandLineOption kubeconfigOpt(QStringLiteral("kubeconfig"),
                                     QApplication::translate("main", "The kubeconfig file to use (instead of KUBECONFIG or ~/.kube/config)."),
                                     QStringLiteral("FILE"));
    QCommandLineOption contextOpt(QStringLiteral("context"),
                                  QApplication::translate("main", "The kubeconfig context to use (instead of current-context)."),
                                  QStringLiteral("NAME"));
    QCommandLineOption demoOpt(QStringLiteral("demo"),
                               QApplication::translate("main", "Start a simulated demo cluster (kubesim) and show it."));
    QCommandLineOption langOpt(QStringLiteral("lang"),
                               QApplication::translate("main", "The user interface language (en, zh_CN); default: the system's."),
                               QStringLiteral("LANG"));
    QCommandLineOption screenshotOpt(QStringLiteral("screenshot"),
                                     QApplication::translate("main", "Save a picture of the main window to FILE and quit (for documentation)."),
                                     QStringLiteral("FILE"));
    QCommandLineOption screenshotDelayOpt(QStringLiteral("screenshot-delay"),
                                          QApplication::translate("main", "Seconds to wait after the first sync before --screenshot (default 2)."),
                                          QStringLiteral("SECONDS"), QStringLiteral("2"));
    cli.addOptions({kubeconfigOpt, contextOpt, demoOpt, langOpt, screenshotOpt, screenshotDelayOpt});
    cli.process(app);
    installTranslators(app, cli.value(langOpt));

    const models::Classifier classifier(models::Taxonomy::builtIn());
    ui::MainWindow window;
    std::unique_ptr<models::ClusterSession> session;

    auto connectTo = [&](const kube::KubeConfig::LoadOptions &opts, const QString &context) -> bool {
        kube::ApiError error;
        auto config = kube::KubeConfig::load(opts, &error);
        std::optional<kube::ClusterEndpoint> endpoint;
        if (config)
            endpoint = config->resolve(context, &error);
        if (!endpoint) {
            std::fprintf(stderr, "faultboard: %s\n", qPrintable(error.toString()));
            QMessageBox::critical(&window, QApplication::translate("main", "Cannot connect"), error.toString());
            return false;
        }
        session = std::make_unique<models::ClusterSession>(*endpoint, classifier);
        window.setSession(session.get());
        if (cli.isSet(screenshotOpt)) {
            QObject::connect(session.get(), &models::ClusterSession::synced, &window, [&] {
                const int delayMs = int(cli.value(screenshotDelayOpt).toDouble() * 1000);
                QTimer::singleShot(delayMs, &window, [&] {
                    const QString file = cli.value(screenshotOpt);
                    if (!window.grab().save(file)) {
                        std::fprintf(stderr, "faultboard: cannot write %s\n", qPrintable(file));
                        QApplication::exit(1);
                        return;
                    }
                    QApplication::quit();
                });
            }, Qt::SingleShotConnection);
        }
        session->start();
        return true;
    };

    sim::KubesimProcess demo;
    if (cli.isSet(demoOpt)) {
        window.showStartupMessage(QApplication::translate("main", "Starting the demo cluster…"));
        QObject::connect(&demo, &sim::KubesimProcess::ready, &window, [&] {
            kube::KubeConfig::LoadOptions opts;
            opts.explicitPath = demo.kubeconfigPath();
            connectTo(opts, QString());
        });
        QObject::connect(&demo, &sim::KubesimProcess::failed, &window, [&](const QString &error) {
            std::fprintf(stderr, "faultboard: %s\n", qPrintable(error));
            window.showStartupMessage(QApplication::translate("main", "The demo cluster failed to start: %1").arg(error));
        });
        demo.start();
    } else {
        kube::KubeConfig::LoadOptions opts;
        opts.explicitPath = cli.value(kubeconfigOpt);
        if (!connectTo(opts, cli.value(contextOpt)))
            return 1;
    }
    window.show();
    const int rc = app.exec();
    session.reset();
    demo.stop();
    return rc;
}

} // namespace app

// kubesim: a stand-in for kube-apiserver with fault scenarios, for Faultboard's demo, tests and
// benchmarks. See docs/kubesim.md.

#include "sim/ApiServer.h"
#include "sim/Certificates.h"
#include "sim/ControllerManager.h"
#include "sim/EventRecorder.h"
#include "sim/HttpServer.h"
#include "sim/Kubelet.h"
#include "sim/ObjectStore.h"
#include "sim/Scenario.h"
#include "sim/ScenarioPlayer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <malloc.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] auto n = ::write(g_signalFds[1], &c, 1);
}

QByteArray randomToken(const char *prefix)
{
    QByteArray raw(24, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                         reinterpret_cast<quint32 *>(raw.data() + raw.size()));
    return QByteArray(prefix) +
           raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray kubeconfigYaml(const QString &server, const sim::Certificates *certs,
                          const QByteArray &adminToken, const QByteArray &viewerToken,
                          const sim::KeyPair &adminCert, const QByteArray &basicPassword)
{
    QByteArray y;
    y += "apiVersion: v1\nkind: Config\npreferences: {}\n";
    y += "clusters:\n- name: kubesim\n  cluster:\n    server: " + server.toUtf8() + "\n";
    if (certs)
        y += "    certificate-authority-data: " + certs->ca().certificatePem.toBase64() + "\n";
    y += "users:\n";
    y += "- name: kubesim-admin\n  user:\n    token: " + adminToken + "\n";
    if (certs) {
        y += "- name: kubesim-admin-cert\n  user:\n";
        y += "    client-certificate-data: " + adminCert.certificatePem.toBase64() + "\n";
        y += "    client-key-data: " + adminCert.keyPem.toBase64() + "\n";
    }
    y += "- name: kubesim-viewer\n  user:\n    token: " + viewerToken + "\n";
    y += "- name: kubesim-basic\n  user:\n    username: kubesim-basic\n    password: " +
         basicPassword + "\n";
    y += "contexts:\n";
    y += "- name: kubesim\n  context:\n    cluster: kubesim\n    user: kubesim-admin\n";
    if (certs)
        y += "- name: kubesim-cert\n  context:\n    cluster: kubesim\n    user: "
             "kubesim-admin-cert\n";
    y += "- name: kubesim-viewer\n  context:\n    cluster: kubesim\n    user: kubesim-viewer\n";
    y += "- name: kubesim-basic\n  context:\n    cluster: kubesim\n    user: kubesim-basic\n";
    y += "current-context: kubesim\n";
    return y;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kubesim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FAULTBOARD_VERSION));

    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral(
        "A stand-in for kube-apiserver serving a simulated AI cluster with fault scenarios."));
    cli.addHelpOption();
    cli.addVersionOption();
    QCommandLineOption scenarioOpt(
        QStringLiteral("scenario"),
        QStringLiteral("Scenario JSON file (default: the built-in demo)."), QStringLiteral("FILE"));
    QCommandLineOption nodesOpt(
        QStringLiteral("nodes"),
        QStringLiteral("Generate N nodes (the demo's pools, resized); no timeline."),
        QStringLiteral("N"));
    QCommandLineOption portOpt(QStringLiteral("port"),
                               QStringLiteral("Port on 127.0.0.1 (0 picks a free one)."),
                               QStringLiteral("N"), QStringLiteral("0"));
    QCommandLineOption tlsOpt(QStringLiteral("tls"), QStringLiteral("Serve HTTPS (the default)."));
    QCommandLineOption noTlsOpt(QStringLiteral("no-tls"), QStringLiteral("Serve plain HTTP."));
    QCommandLineOption kubeconfigOpt(
        QStringLiteral("kubeconfig"),
        QStringLiteral("Where to write the kubeconfig (default: ./kubesim.kubeconfig)."),
        QStringLiteral("FILE"));
    QCommandLineOption windowOpt(
        QStringLiteral("event-window"),
        QStringLiteral("Watch events kept for resuming watches (default 10000)."),
        QStringLiteral("N"));
    QCommandLineOption bookmarkOpt(QStringLiteral("bookmark-interval"),
                                   QStringLiteral("Seconds between watch bookmarks (default 60)."),
                                   QStringLiteral("S"));
    QCommandLineOption pausedOpt(
        QStringLiteral("paused"),
        QStringLiteral(
            "Do not play the scenario's timeline (faults come only through /_sim/inject)."));
    QCommandLineOption apiLevelOpt(
        QStringLiteral("api-level"),
        QStringLiteral("Look like kube-apiserver 1.20 (policy/v1beta1 only), 1.21 (policy/v1 "
                       "preferred, pods/eviction naming policy/v1beta1) or current (default)."),
        QStringLiteral("LEVEL"), QStringLiteral("current"));
    QCommandLineOption noProtobufOpt(
        QStringLiteral("no-protobuf"),
        QStringLiteral("Serve nodes in JSON only (as a server without protobuf for them): a "
                       "protobuf-only Accept gets 406."));
    QCommandLineOption refuseWatchCacheOpt(
        QStringLiteral("refuse-watch-cache-list"),
        QStringLiteral("Answer lists at resourceVersion=0 (the watch cache) with 410 Expired, "
                       "so that clients list from etcd."));
    cli.addOptions({scenarioOpt, nodesOpt, portOpt, tlsOpt, noTlsOpt, kubeconfigOpt, windowOpt,
                    bookmarkOpt, pausedOpt, apiLevelOpt, noProtobufOpt, refuseWatchCacheOpt});
    cli.process(app);

    auto die = [](const QString &msg) {
        std::fprintf(stderr, "kubesim: %s\n", qPrintable(msg));
        return 2;
    };
    if (cli.isSet(tlsOpt) && cli.isSet(noTlsOpt))
        return die(QStringLiteral("--tls and --no-tls exclude each other"));
    const bool tls = !cli.isSet(noTlsOpt);
    bool ok = false;
    const int port = cli.value(portOpt).toInt(&ok);
    if (!ok || port < 0 || port > 65535)
        return die(QStringLiteral("--port must be a number from 0 to 65535"));

    sim::Scenario scenario;
    if (cli.isSet(scenarioOpt)) {
        QString error;
        auto s = sim::Scenario::fromFile(cli.value(scenarioOpt), &error);
        if (!s)
            return die(error);
        scenario = *s;
    } else if (cli.isSet(nodesOpt)) {
        const int n = cli.value(nodesOpt).toInt(&ok);
        if (!ok || n < 0)
            return die(QStringLiteral("--nodes must be a non-negative number"));
        scenario = sim::Scenario::generated(n);
        scenario.timeline.clear();
        scenario.loopAfterMs = 0;
    } else {
        scenario = sim::Scenario::builtInDemo();
    }

    sim::ObjectStore store;
    if (cli.isSet(windowOpt))
        store.setEventWindow(std::max<qulonglong>(1, cli.value(windowOpt).toULongLong()));
    QElapsedTimer populateTimer;
    populateTimer.start();
    sim::Kubelet kubelet(&store);
    kubelet.setStartupDelayMs(int(scenario.podDefaults.startupDelayMs));
    sim::ControllerManager controllers(&store, &kubelet);
    sim::EventRecorder events(&store);
    sim::ScenarioPlayer player(&store, scenario, &kubelet, &events);
    player.populate();
    controllers.syncNow();
    // Building a large cluster leaves the heap full of freed JSON temporaries: give them back.
    ::malloc_trim(0);
    const qint64 populateMs = populateTimer.elapsed();

    std::unique_ptr<sim::Certificates> certs;
    std::optional<QSslConfiguration> ssl;
    sim::KeyPair adminCert;
    if (tls) {
        certs = std::make_unique<sim::Certificates>();
        QString error;
        if (!certs->generate({QStringLiteral("localhost"), QStringLiteral("kubernetes"),
                              QStringLiteral("kubernetes.default"), QStringLiteral("kubesim")},
                             &error))
            return die(error);
        adminCert =
            certs->issueClient(QStringLiteral("kubesim-admin"), {QStringLiteral("system:masters")});
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setLocalCertificate(QSslCertificate(certs->server().certificatePem, QSsl::Pem));
        conf.setPrivateKey(QSslKey(certs->server().keyPem, QSsl::Ec, QSsl::Pem));
        conf.setCaCertificates(QSslCertificate::fromData(certs->ca().certificatePem, QSsl::Pem));
        // Ask for a client certificate, accept connections without one (token users).
        conf.setPeerVerifyMode(QSslSocket::QueryPeer);
        ssl = conf;
    }

    sim::ApiServer api(&store, &player, certs.get(), &kubelet, &controllers);
    const auto apiLevel = sim::parseApiLevel(cli.value(apiLevelOpt));
    if (!apiLevel)
        return die(QStringLiteral("--api-level must be 1.20, 1.21 or current, not \"%1\"")
                       .arg(cli.value(apiLevelOpt)));
    api.setApiLevel(*apiLevel);
    api.setServeProtobuf(!cli.isSet(noProtobufOpt));
    api.setRefuseWatchCacheList(cli.isSet(refuseWatchCacheOpt));
    const QByteArray adminToken = randomToken("kubesim-admin-");
    const QByteArray viewerToken = randomToken("kubesim-viewer-");
    const QByteArray basicPassword = randomToken("");
    api.addToken(adminToken.toStdString(), sim::User::admin("kubesim-admin"));
    api.addToken(viewerToken.toStdString(), sim::User::viewer("kubesim-viewer"));
    api.addBasicUser("kubesim-basic", basicPassword.toStdString(),
                     sim::User::admin("kubesim-basic"));
    if (cli.isSet(bookmarkOpt))
        api.setBookmarkIntervalMs(std::max(1, int(cli.value(bookmarkOpt).toDouble() * 1000)));

    sim::HttpServer http([&api](sim::HttpExchange *ex) { api.handle(ex); });
    api.setHttpServer(&http);
    QString error;
    if (!http.listen(quint16(port), ssl, &error))
        return die(QStringLiteral("cannot listen on 127.0.0.1:%1: %2").arg(port).arg(error));
    const quint16 boundPort = http.port();

    QObject::connect(&api, &sim::ApiServer::restartRequested, &app, [&](int downMs) {
        // An API server restart: every connection drops, the port refuses for a moment, then the
        // server comes back with its state (etcd survives restarts).
        api.dropWatches();
        http.close();
        QTimer::singleShot(downMs, &app, [&] {
            QString err;
            if (!http.listen(boundPort, ssl, &err))
                std::fprintf(stderr, "kubesim: restart failed: %s\n", qPrintable(err));
        });
    });

    const QString server = QStringLiteral("%1://127.0.0.1:%2")
                               .arg(tls ? QStringLiteral("https") : QStringLiteral("http"))
                               .arg(boundPort);
    const QString kubeconfigPath =
        QFileInfo(cli.isSet(kubeconfigOpt) ? cli.value(kubeconfigOpt)
                                           : QStringLiteral("kubesim.kubeconfig"))
            .absoluteFilePath();
    {
        // Written only now that connections are accepted, atomically, readable by the user only.
        QSaveFile f(kubeconfigPath);
        if (!f.open(QIODevice::WriteOnly))
            return die(QStringLiteral("cannot write %1: %2").arg(kubeconfigPath, f.errorString()));
        f.write(
            kubeconfigYaml(server, certs.get(), adminToken, viewerToken, adminCert, basicPassword));
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (!f.commit())
            return die(QStringLiteral("cannot write %1: %2").arg(kubeconfigPath, f.errorString()));
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) == 0) {
        auto *notifier = new QSocketNotifier(g_signalFds[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [&] {
            char c;
            [[maybe_unused]] auto n = ::read(g_signalFds[0], &c, 1);
            std::fprintf(stderr, "kubesim: shutting down\n");
            http.close();
            app.quit();
        });
        struct sigaction sa = {};
        sa.sa_handler = onSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        sigaction(SIGTERM, &sa, nullptr);
        sigaction(SIGINT, &sa, nullptr);
    }

    if (!cli.isSet(pausedOpt))
        player.start();

    // First line on stdout: the server URL (scripts and the launcher read it).
    std::printf("%s\n", qPrintable(server));
    std::fflush(stdout);
    std::fprintf(stderr,
                 "kubesim: %zu nodes (scenario \"%s\", built in %lld ms) at %s; kubeconfig %s\n",
                 store.count("nodes"), scenario.name.c_str(), static_cast<long long>(populateMs),
                 qPrintable(server), qPrintable(kubeconfigPath));
    return app.exec();
}

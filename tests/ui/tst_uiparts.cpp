// The main window's parts that do not need a cluster: the cluster picker, settings, alerts.

#include "kube/ApiClient.h"
#include "kube/ClusterQueries.h"
#include "models/ClusterSession.h"
#include "models/Taxonomy.h"
#include "tests/common/TestCluster.h"
#include "tests/common/TestSettings.h"
#include "ui/AppSettings.h"
#include "ui/ClusterPickerDialog.h"
#include "ui/ClusterView.h"
#include "ui/FaultNotifier.h"
#include "ui/MainWindow.h"
#include "ui/NodeDetailPanel.h"
#include "ui/SettingsDialog.h"

#include <QLabel>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

class TestUiParts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeKubeconfig(const QByteArray &text)
    {
        const QString path =
            m_dir.filePath(QStringLiteral("config-%1").arg(QRandomGenerator::global()->generate()));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write kubeconfig");
        f.write(text);
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(useTestSettings());
    }

    void pickerListsContextsLastUsedFirst()
    {
        const QString path = writeKubeconfig(
            "clusters:\n- name: a\n  cluster: {server: 'https://a:6443'}\n- name: b\n  cluster: "
            "{server: 'https://b:6443'}\n"
            "users:\n- name: u\n  user: {token: t}\n"
            "contexts:\n- name: alpha\n  context: {cluster: a, user: u, namespace: training}\n"
            "- name: beta\n  context: {cluster: b, user: u}\n- name: gamma\n  context: {cluster: "
            "b, user: u}\n"
            "current-context: gamma\n");
        kube::KubeConfig::LoadOptions opts;
        opts.explicitPath = path;
        ui::AppSettings settings;
        {
            ui::ClusterPickerDialog picker(opts, settings);
            QTreeWidget *list = picker.contextList();
            QCOMPARE(list->topLevelItemCount(), 3);
            // Never used: the current context first, then by name.
            QCOMPARE(list->topLevelItem(0)->data(0, Qt::UserRole).toString(),
                     QStringLiteral("gamma"));
            QCOMPARE(list->topLevelItem(1)->text(1), QStringLiteral("https://a:6443"));
            QCOMPARE(list->topLevelItem(1)->text(3), QStringLiteral("training"));
            settings.rememberContext(picker.configSource(), QStringLiteral("beta"));
        }
        ui::ClusterPickerDialog picker(opts, settings);
        QCOMPARE(picker.contextList()->topLevelItem(0)->data(0, Qt::UserRole).toString(),
                 QStringLiteral("beta"));
        // Choosing resolves the context.
        picker.contextList()->setCurrentItem(picker.contextList()->topLevelItem(0));
        emit picker.contextList()->itemActivated(picker.contextList()->topLevelItem(0), 0);
        QCOMPARE(picker.result(), int(QDialog::Accepted));
        QVERIFY(picker.endpoint());
        QCOMPARE(picker.endpoint()->server, QUrl(QStringLiteral("https://b:6443")));
    }

    void pickerShowsKubeconfigErrors()
    {
        const QString path =
            writeKubeconfig("clusters:\n- name: a\n  cluster:\n    server: [oops]\n");
        kube::KubeConfig::LoadOptions opts;
        opts.explicitPath = path;
        ui::AppSettings settings;
        ui::ClusterPickerDialog picker(opts, settings);
        QVERIFY(!picker.errorLabel()->isHidden());
        QVERIFY(picker.errorLabel()->text().contains(path));
        QVERIFY(picker.errorLabel()->text().contains(QLatin1String("clusters[0].cluster.server")));
        QCOMPARE(picker.contextList()->topLevelItemCount(), 0);
    }

    void settingsValidateTheTaintKey_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("valid");
        QTest::newRow("default") << "faultboard.io/isolated" << true;
        QTest::newRow("plain") << "isolated" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("space") << "faultboard.io/is olated" << false;
        QTest::newRow("bad prefix") << "Faultboard.IO/x" << false;
        QTest::newRow("too long") << QString(70, QLatin1Char('a')) << false;
        // PCRE's `$` also matches before a final line feed.
        QTest::newRow("final line feed") << "faultboard.io/isolated\n" << false;
        QTest::newRow("prefix with final line feed") << "faultboard.io\n/isolated" << false;
    }

    void settingsValidateTheTaintKey()
    {
        QFETCH(QString, key);
        QFETCH(bool, valid);
        QCOMPARE(ui::SettingsDialog::validateTaintKey(key).isEmpty(), valid);
    }

    void settingsRoundTrip()
    {
        ui::AppSettings s;
        s.isolationTaintKey = QStringLiteral("example.com/quarantine");
        s.isolationEffect = QStringLiteral("NoExecute");
        s.historyRetentionDays = 30;
        s.theme = QStringLiteral("dark");
        s.save();
        const ui::AppSettings back = ui::AppSettings::load();
        QCOMPARE(back.isolationTaintKey, s.isolationTaintKey);
        QCOMPARE(back.isolationEffect, s.isolationEffect);
        QCOMPARE(back.historyRetentionDays, 30);
        QCOMPARE(back.theme, QStringLiteral("dark"));
        ui::SettingsDialog dialog(back);
        QCOMPARE(dialog.settings().isolationEffect, QStringLiteral("NoExecute"));
        QSettings().clear();
    }

    void alertsOnlyForNewCriticalFaultsAfterSync()
    {
        TestCluster cluster({QStringLiteral("--paused")});
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
        QVERIFY(cluster.setCondition(QStringLiteral("npu-0001"), QStringLiteral("NT_NPU_OTHER"),
                                     QStringLiteral("True")));
        models::ClusterSession session(cluster.endpoint(),
                                       models::Classifier(models::Taxonomy::builtIn()));
        ui::FaultNotifier notifier;
        notifier.setGatherMs(50);
        notifier.watch(&session);
        QSignalSpy alerts(&notifier, &ui::FaultNotifier::alert);
        QSignalSpy synced(&session, &models::ClusterSession::synced);
        session.start();
        QVERIFY(synced.wait(20000));
        // Broken before we connected: not news. A major fault: not an alert.
        QVERIFY(cluster.setCondition(QStringLiteral("gpu-0003"), QStringLiteral("MemoryPressure"),
                                     QStringLiteral("True")));
        QVERIFY(cluster.setCondition(QStringLiteral("gpu-0004"), QStringLiteral("Ready"),
                                     QStringLiteral("False")));
        QVERIFY(alerts.wait(10000));
        QCOMPARE(alerts.count(), 1);
        QVERIFY(alerts.at(0).at(1).toString().contains(QLatin1String("gpu-0004: Ready False")));
        QVERIFY(!alerts.at(0).at(1).toString().contains(QLatin1String("npu-0001")));
        QVERIFY(!alerts.at(0).at(1).toString().contains(QLatin1String("gpu-0003")));

        notifier.setMuted(true);
        QVERIFY(cluster.setCondition(QStringLiteral("gpu-0005"), QStringLiteral("Ready"),
                                     QStringLiteral("False")));
        QTRY_VERIFY(session.store()->find(QStringLiteral("gpu-0005"))->health.worst ==
                    models::Severity::Critical);
        QVERIFY(!alerts.wait(300));
        QCOMPARE(alerts.count(), 1);
    }

    void detailPanelAsksOnlyForTheNodeItStopsOn()
    {
        // Arrowing through nodes: the panel asks the server for the node the operator stops
        // on (after a short quiet), not for each one passed, and what it asked for a node left
        // behind is cancelled.
        TestCluster cluster({QStringLiteral("--paused")});
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
        models::ClusterSession session(cluster.endpoint(),
                                       models::Classifier(models::Taxonomy::builtIn()));
        QSignalSpy synced(&session, &models::ClusterSession::synced);
        session.start();
        QVERIFY(synced.wait(20000));
        kube::ClusterQueries queries(session.client());
        ui::NodeDetailPanel panel(session.store(), &queries, nullptr);
        QStringList podLists;
        connect(session.client(), &kube::ApiClient::requestSent, this,
                [&](const kube::ApiRequest &r) {
                    if (r.path == QLatin1String("/api/v1/pods"))
                        podLists << r.query.queryItemValue(QStringLiteral("fieldSelector"),
                                                           QUrl::FullyDecoded);
                });
        QSignalSpy loaded(&panel, &ui::NodeDetailPanel::workloadLoaded);
        for (const char *node : {"gpu-0001", "gpu-0002", "gpu-0003", "npu-0001", "npu-0002"})
            panel.showNode(QLatin1String(node));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(podLists, QStringList{QStringLiteral("spec.nodeName=npu-0002")});

        // A refresh that overtakes one in flight cancels it: one answer, for the latest.
        QVERIFY(cluster.control(QStringLiteral("settings"), R"({"responseDelayMs":300})"));
        loaded.clear();
        panel.refreshWorkload();
        QCOMPARE(queries.pending(&panel), 3);
        panel.refreshWorkload();
        QCOMPARE(queries.pending(&panel), 3);
        QVERIFY(loaded.wait(10000));
        QVERIFY(!loaded.wait(800));
        QCOMPARE(loaded.count(), 1);
        QVERIFY(cluster.control(QStringLiteral("settings"), R"({"responseDelayMs":0})"));
    }

    void severalClustersAsTabs()
    {
        TestCluster cluster({QStringLiteral("--paused")});
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
        ui::MainWindow window{models::Classifier(models::Taxonomy::builtIn())};
        ui::ClusterView *admin = window.openCluster(cluster.endpoint());
        ui::ClusterView *viewer =
            window.openCluster(cluster.endpoint(QStringLiteral("kubesim-viewer")));
        QCOMPARE(window.clusterCount(), 2);
        QVERIFY(admin != viewer);
        QCOMPARE(window.currentView(), viewer);
        // Opening the same context again focuses its tab.
        QCOMPARE(window.openCluster(cluster.endpoint()), admin);
        QCOMPARE(window.clusterCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionLabel()->text().contains(QLatin1String("Live")),
                                 20000);
        window.closeCluster(0);
        QCOMPARE(window.clusterCount(), 1);
    }
};

QTEST_MAIN(TestUiParts)
#include "tst_uiparts.moc"

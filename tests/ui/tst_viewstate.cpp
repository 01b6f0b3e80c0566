// Issue 16 item 14: what the operator arranged, and the cluster they were on, survive a restart.
#include "kube/KubeConfig.h"
#include "models/ClusterSession.h"
#include "models/NodeFilterProxyModel.h"
#include "models/NodeGridModel.h"
#include "models/Taxonomy.h"
#include "tests/common/TestCluster.h"
#include "ui/AppSettings.h"
#include "ui/ClusterView.h"
#include "ui/FilterBar.h"
#include "ui/MainWindow.h"
#include "ui/NodeDetailPanel.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace models;

class TestViewState : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;
    QTemporaryDir m_settingsDir;
    bool m_pickerShown = false;

    // A picker (or any modal dialog) that opens is noted and closed, so a test cannot hang on it.
    void closeModalsWhileOpen(QObject *context)
    {
        auto *timer = new QTimer(context);
        connect(timer, &QTimer::timeout, this, [this] {
            if (QWidget *modal = QApplication::activeModalWidget()) {
                m_pickerShown = true;
                modal->close();
            }
        });
        timer->start(20);
    }

    static void rememberOnly(const QString &source, const QString &context)
    {
        ui::AppSettings s = ui::AppSettings::load();
        s.recentContexts.clear();
        if (!context.isEmpty())
            s.rememberContext(source, context);
        s.save();
    }

    QString sourceOf(const QString &path)
    {
        kube::ApiError error;
        const auto config = kube::KubeConfig::loadFile(path, &error);
        return config ? config->sourceFiles.join(QDir::listSeparator()) : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        // Nothing read from or written to the user's own settings.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_cluster = std::make_unique<TestCluster>(QStringList{QStringLiteral("--paused")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
    }

    void cleanupTestCase()
    {
        QSettings().clear();
        m_cluster.reset();
    }

    void init() { m_pickerShown = false; }

    void groupFiltersSplitterAndTabSurviveARestart()
    {
        QList<int> sizes;
        {
            ui::MainWindow window{Classifier(Taxonomy::builtIn())};
            window.resize(1400, 900);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            ui::ClusterView *view = window.openCluster(m_cluster->endpoint());
            QSignalSpy synced(view->session(), &ClusterSession::synced);
            QVERIFY(synced.wait(20000));
            QComboBox *group = window.groupByBox();
            group->setCurrentIndex(group->findData(QStringLiteral("rack")));
            ui::FilterBar *bar = view->filterBar();
            bar->nameEdit()->setText(QStringLiteral("npu-00[1-2]*"));
            bar->severityBox()->setCurrentIndex(2);
            bar->isolationBox()->setCurrentIndex(2);
            bar->applyNow();
            auto *splitter = view->findChild<QSplitter *>();
            QVERIFY(splitter);
            splitter->setSizes({300, 600, 500});
            sizes = splitter->sizes();
            view->detailPanel()->tabs()->setCurrentIndex(1);
            QVERIFY(window.close());
        }
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::ClusterView *view = window.openCluster(m_cluster->endpoint());
        QCOMPARE(window.groupByBox()->currentData().toString(), QStringLiteral("rack"));
        QCOMPARE(view->session()->gridModel()->groupingLabel(), QStringLiteral("rack"));
        ui::FilterBar *bar = view->filterBar();
        QCOMPARE(bar->nameEdit()->text(), QStringLiteral("npu-00[1-2]*"));
        QCOMPARE(view->filterModel()->nameFilter(), QStringLiteral("npu-00[1-2]*"));
        QCOMPARE(bar->severityBox()->currentIndex(), 2);
        QVERIFY(!view->filterModel()->severities().isEmpty());
        QCOMPARE(bar->isolationBox()->currentIndex(), 2);
        QCOMPARE(view->filterModel()->isolation(),
                 NodeFilterProxyModel::Isolation(bar->isolationBox()->currentData().toInt()));
        QTRY_COMPARE(view->findChild<QSplitter *>()->sizes(), sizes);
        QCOMPARE(view->detailPanel()->tabs()->currentIndex(), 1);

        // Back to the defaults, for the tests after this one.
        bar->clear();
        window.groupByBox()->setCurrentIndex(0);
        QVERIFY(window.close());
    }

    // A plain start with no usable default kubeconfig opens the remembered connection.
    void plainStartOpensTheLastConnection()
    {
        rememberOnly(sourceOf(m_cluster->kubeconfigPath()), QStringLiteral("kubesim-viewer"));
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        kube::KubeConfig::LoadOptions none;
        none.kubeconfigEnv = QString();
        none.homeConfigPath = m_settingsDir.filePath(QStringLiteral("no-such-kubeconfig"));
        window.setKubeconfigOptions(none);
        window.show();
        closeModalsWhileOpen(&window);
        QVERIFY(window.openStartupCluster());
        QVERIFY(!m_pickerShown);
        QCOMPARE(window.clusterCount(), 1);
        QCOMPARE(window.currentSession()->contextName(), QStringLiteral("kubesim-viewer"));
    }

    // A kubeconfig with one context opens it; there is nothing to choose.
    void oneContextOpensWithoutAChooser()
    {
        QFile full(m_cluster->kubeconfigPath());
        QVERIFY(full.open(QIODevice::ReadOnly));
        // kubesim's kubeconfig, with only its first context (each entry is four lines).
        QStringList out;
        bool inContexts = false;
        int kept = 0;
        for (const QString &line : QString::fromUtf8(full.readAll()).split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("contexts:")))
                inContexts = true;
            else if (inContexts && !line.startsWith(QLatin1Char(' ')) &&
                     !line.startsWith(QLatin1Char('-')))
                inContexts = false;
            if (inContexts && line.startsWith(QLatin1Char('-')))
                ++kept;
            if (!inContexts || kept <= 1)
                out << line;
        }
        const QString path = QFileInfo(full.fileName()).dir().filePath(QStringLiteral("one.yaml"));
        QFile one(path);
        QVERIFY(one.open(QIODevice::WriteOnly | QIODevice::Truncate));
        one.write(out.join(QLatin1Char('\n')).toUtf8());
        one.close();
        kube::ApiError error;
        const auto config = kube::KubeConfig::loadFile(path, &error);
        QVERIFY2(config, qPrintable(error.toString()));
        QCOMPARE(config->contexts.size(), 1);

        rememberOnly({}, {});
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        kube::KubeConfig::LoadOptions options;
        options.explicitPath = path;
        window.setKubeconfigOptions(options);
        window.show();
        closeModalsWhileOpen(&window);
        QVERIFY(window.openStartupCluster());
        QVERIFY(!m_pickerShown);
        QCOMPARE(window.currentSession()->contextName(), config->contexts.first().name);
        // And it is remembered for the next start.
        QCOMPARE(ui::AppSettings::load().recentRank(sourceOf(path), config->contexts.first().name),
                 0);
    }

    // Several contexts and nothing remembered: the operator chooses.
    void severalContextsStillAsk()
    {
        rememberOnly({}, {});
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        kube::KubeConfig::LoadOptions options;
        options.explicitPath = m_cluster->kubeconfigPath();
        window.setKubeconfigOptions(options);
        window.show();
        closeModalsWhileOpen(&window);
        QVERIFY(!window.openStartupCluster());
        QVERIFY(m_pickerShown);
        QCOMPARE(window.clusterCount(), 0);
    }
};

QTEST_MAIN(TestViewState)
#include "tst_viewstate.moc"

// The headless commands in-process (app/cli as a library): each command object is run against
// kubesim with its output captured, and the cluster and the fault history are checked after.

#include "app/cli/ActionCommand.h"
#include "app/cli/CliOptions.h"
#include "app/cli/Console.h"
#include "app/cli/ReportCommand.h"
#include "kube/NodeActions.h"
#include "models/FaultHistory.h"
#include "models/HistoryDatabase.h"
#include "tests/common/TestCluster.h"
#include "ui/AppSettings.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using app::cli::CliOptions;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestCommands : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;
    QTemporaryDir m_dir;
    QString m_aliceConfig; // the kubeconfig's user entry says kubesim-admin, the server alice

    Run run(QStringList args, const QString &kubeconfig = {})
    {
        args.prepend(QStringLiteral("faultboard"));
        args << QStringLiteral("--kubeconfig")
             << (kubeconfig.isEmpty() ? m_cluster->kubeconfigPath() : kubeconfig);
        CliOptions options;
        Run r;
        if (options.parse(args) != CliOptions::Outcome::Run) {
            r.code = 2;
            r.err = options.message;
            return r;
        }
        QByteArray out;
        QByteArray err;
        app::cli::Console::capture(&out, &err);
        {
            app::cli::ActionCommand command(options);
            QSignalSpy finished(&command, &app::cli::Command::finished);
            command.start();
            if (finished.isEmpty() && !finished.wait(20000))
                qWarning("the command did not finish");
            r.code = finished.isEmpty() ? -1 : finished.first().first().toInt();
        } // the session (and its history) closes here
        app::cli::Console::capture(nullptr, nullptr);
        r.out = QString::fromUtf8(out);
        r.err = QString::fromUtf8(err);
        return r;
    }

    // `faultboard report ARGS` in-process, its JSON on standard output.
    Run report(QStringList args)
    {
        args.prepend(QStringLiteral("report"));
        args.prepend(QStringLiteral("faultboard"));
        args << QStringLiteral("--format") << QStringLiteral("json")
             << QStringLiteral("--kubeconfig") << m_cluster->kubeconfigPath();
        CliOptions options;
        Run r;
        if (options.parse(args) != CliOptions::Outcome::Run) {
            r.code = 2;
            r.err = options.message;
            return r;
        }
        QByteArray out;
        QByteArray err;
        app::cli::Console::capture(&out, &err);
        {
            app::cli::ReportCommand command(options);
            QSignalSpy finished(&command, &app::cli::Command::finished);
            command.start();
            if (finished.isEmpty() && !finished.wait(20000))
                qWarning("the command did not finish");
            r.code = finished.isEmpty() ? -1 : finished.first().first().toInt();
        }
        app::cli::Console::capture(nullptr, nullptr);
        r.out = QString::fromUtf8(out);
        r.err = QString::fromUtf8(err);
        return r;
    }

    static QJsonObject reportRow(const QString &json, const QString &node, const QString &type)
    {
        const QJsonArray faults = QJsonDocument::fromJson(json.toUtf8())
                                      .object()
                                      .value(QStringLiteral("faults"))
                                      .toArray();
        for (const QJsonValue &v : faults) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("node")).toString() == node &&
                o.value(QStringLiteral("type")).toString() == type)
                return o;
        }
        return {};
    }

    QJsonObject node(const QString &name)
    {
        return QJsonDocument::fromJson(
                   m_cluster->request("GET", QStringLiteral("/api/v1/nodes/") + name).body)
            .object();
    }

    static bool cordoned(const QJsonObject &n)
    {
        return n[QLatin1String("spec")][QLatin1String("unschedulable")].toBool();
    }

    static QStringList taints(const QJsonObject &n)
    {
        QStringList out;
        for (const QJsonValue &v : n[QLatin1String("spec")][QLatin1String("taints")].toArray()) {
            const QJsonObject t = v.toObject();
            const QString key = t[QLatin1String("key")].toString();
            if (key == QLatin1String("node.kubernetes.io/unschedulable"))
                continue; // the node lifecycle controller's own
            const QString value = t[QLatin1String("value")].toString();
            out << (value.isEmpty() ? key : key + QLatin1Char('=') + value) + QLatin1Char(':') +
                       t[QLatin1String("effect")].toString();
        }
        return out;
    }

    bool patch(const QString &name, const QByteArray &body)
    {
        return m_cluster
            ->request("PATCH", QStringLiteral("/api/v1/nodes/") + name, body,
                      "application/merge-patch+json")
            .ok();
    }

    std::vector<models::ActionRecord> recordedActions()
    {
        models::HistoryDatabase db(
            models::FaultHistory::defaultPath(m_cluster->serverUrl(), QStringLiteral("kubesim")));
        QString error;
        if (!db.open(&error))
            qWarning("history: %s", qPrintable(error));
        return db.actions({}, {}, &error);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::AppSettings().save(); // the defaults, whatever an earlier run left
        QVERIFY(m_dir.isValid());
        m_cluster = std::make_unique<TestCluster>(QStringList{
            QStringLiteral("--paused"), QStringLiteral("--nodes"), QStringLiteral("16")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
        // A second admin token for "alice@example.com", behind the same kubeconfig user name.
        QVERIFY(m_cluster->control(
            QStringLiteral("tokens"),
            R"({"token":"alice-token-0123456789","user":"alice@example.com","role":"admin"})"));
        QFile in(m_cluster->kubeconfigPath());
        QVERIFY(in.open(QIODevice::ReadOnly));
        QString yaml = QString::fromUtf8(in.readAll());
        yaml.replace(QRegularExpression(QStringLiteral("token: kubesim-admin-\\S+")),
                     QStringLiteral("token: alice-token-0123456789"));
        m_aliceConfig = m_dir.filePath(QStringLiteral("alice.kubeconfig"));
        QFile out(m_aliceConfig);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(yaml.toUtf8());
    }

    void cleanupTestCase()
    {
        ui::AppSettings().save();
        m_cluster.reset();
    }

    void retriesAreShownAsTheyHappen()
    {
        // An overloaded server refuses the PATCH twice: the command says so on standard error
        // while it waits (the engine's actionProgress, which the window's action log shows
        // too), and the isolation still goes through.
        const QString n = QStringLiteral("gpu-0008");
        QVERIFY(m_cluster->control(
            QStringLiteral("settings"),
            R"({"failNext":{"status":429,"count":2,"method":"PATCH","pathPrefix":"/api/v1/nodes/gpu-0008","retryAfterSeconds":1}})"));
        Run r = run(
            {QStringLiteral("isolate"), n, QStringLiteral("--reason"), QStringLiteral("overload")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String("gpu-0008 isolated")), qPrintable(r.out));
        QCOMPARE(r.err.count(QLatin1String("the server is overloaded (429 Too Many Requests); "
                                           "retrying in 1.")),
                 2);
        QVERIFY2(r.err.contains(QLatin1String("gpu-0008")), qPrintable(r.err));
        QVERIFY(cordoned(node(n)));
        r = run({QStringLiteral("restore"), n});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    }

    void restoreRefusesANodeWhoseCriticalFaultIsActiveUnlessForced()
    {
        const QString n = QStringLiteral("npu-0001");
        QVERIFY(
            m_cluster->setCondition(n, QStringLiteral("NT_NPU_CARD_LOSE"), QStringLiteral("True")));
        Run r = run({QStringLiteral("isolate"), n});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));

        // The card is still lost: refused, with the fault and since when, nothing changed.
        r = run({QStringLiteral("restore"), n});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        QVERIFY2(QRegularExpression(
                     QStringLiteral("npu-0001 still has a critical fault: NT_NPU_CARD_LOSE, "
                                    "active since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d "
                                    "UTC.*Not restored; --force restores it anyway"))
                     .match(r.err)
                     .hasMatch(),
                 qPrintable(r.err));
        QVERIFY(cordoned(node(n)));
        QCOMPARE(taints(node(n)),
                 QStringList{"faultboard.io/isolated=NT_NPU_CARD_LOSE:NoSchedule"});
        bool recorded = false;
        for (const models::ActionRecord &a : recordedActions())
            recorded |= a.target == n && a.action == QLatin1String("restore") &&
                        a.result == QLatin1String("failed") &&
                        a.message.contains(QLatin1String("critical fault"));
        QVERIFY(recorded);

        // A dry run says the same.
        r = run({QStringLiteral("restore"), n, QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 1);
        QVERIFY2(
            r.err.contains(QLatin1String("Without --force it would not be restored (dry run)")),
            qPrintable(r.err));

        // The explicit choice restores it, and says against what.
        r = run({QStringLiteral("restore"), n, QStringLiteral("--force")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String("npu-0001 restored: ")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QLatin1String("explicit choice")) &&
                     r.err.contains(QLatin1String("NT_NPU_CARD_LOSE")),
                 qPrintable(r.err));
        QVERIFY(!cordoned(node(n)));
        QVERIFY(taints(node(n)).isEmpty());

        // Once the fault is over, no choice is needed.
        QVERIFY(m_cluster->setCondition(n, QStringLiteral("NT_NPU_CARD_LOSE"),
                                        QStringLiteral("False")));
        QVERIFY(run({QStringLiteral("isolate"), n}).code == 0);
        r = run({QStringLiteral("restore"), n});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY(!cordoned(node(n)));
    }

    void batchIsolateGivesEachNodeItsOwnFaultAndRefusesHealthyOnesUnlessForced()
    {
        QVERIFY(m_cluster->setCondition(QStringLiteral("npu-0002"),
                                        QStringLiteral("NT_NPU_CARD_LOSE"),
                                        QStringLiteral("True")));
        QVERIFY(m_cluster->setCondition(QStringLiteral("npu-0003"),
                                        QStringLiteral("NT_NPU_ECC_COUNT"),
                                        QStringLiteral("True")));
        Run r =
            run({QStringLiteral("isolate"), QStringLiteral("npu-0002"), QStringLiteral("npu-0003"),
                 QStringLiteral("npu-0004"), QStringLiteral("--reason"), QStringLiteral("rack 7")});
        QCOMPARE(r.code, 1);
        QVERIFY2(
            r.out.contains(QLatin1String("npu-0002 isolated: taint "
                                         "faultboard.io/isolated=NT_NPU_CARD_LOSE:NoSchedule")),
            qPrintable(r.out));
        QVERIFY2(
            r.out.contains(QLatin1String("npu-0003 isolated: taint "
                                         "faultboard.io/isolated=NT_NPU_ECC_COUNT:NoSchedule")),
            qPrintable(r.out));
        QVERIFY2(!r.out.contains(QLatin1String("npu-0004")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QLatin1String("npu-0004 has no active fault")) &&
                     r.err.contains(QLatin1String("Not isolated; --force isolates it anyway")),
                 qPrintable(r.err));
        const auto reason = [this](const QString &n) {
            return node(n)[QLatin1String("metadata")][QLatin1String("annotations")]
                          [QLatin1String("faultboard.io/isolated-reason")]
                              .toString();
        };
        QCOMPARE(reason(QStringLiteral("npu-0002")),
                 QStringLiteral("fault: NT_NPU_CARD_LOSE; rack 7"));
        QCOMPARE(reason(QStringLiteral("npu-0003")),
                 QStringLiteral("fault: NT_NPU_ECC_COUNT; rack 7"));
        QVERIFY(!cordoned(node(QStringLiteral("npu-0004"))));
        QVERIFY(taints(node(QStringLiteral("npu-0004"))).isEmpty());

        // --force: the healthy one too, for no fault, and it says at whose choice.
        r = run({QStringLiteral("isolate"), QStringLiteral("npu-0002"), QStringLiteral("npu-0004"),
                 QStringLiteral("--force")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String("npu-0004 isolated: taint "
                                              "faultboard.io/isolated:NoSchedule added")),
                 qPrintable(r.out));
        QVERIFY2(r.err.contains(QLatin1String("explicit choice")), qPrintable(r.err));
        QCOMPARE(reason(QStringLiteral("npu-0004")), QStringLiteral("no active fault"));

        // One healthy node named on its own is the explicit choice already.
        r = run({QStringLiteral("isolate"), QStringLiteral("npu-0005")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY(cordoned(node(QStringLiteral("npu-0005"))));
        QCOMPARE(reason(QStringLiteral("npu-0005")), QStringLiteral("no active fault"));

        r = run({QStringLiteral("restore"), QStringLiteral("npu-0002"), QStringLiteral("npu-0003"),
                 QStringLiteral("npu-0004"), QStringLiteral("npu-0005"),
                 QStringLiteral("--force")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    }

    void restoreLeavesAForeignCordonAndForeignTaintsAlone()
    {
        const QString n = QStringLiteral("gpu-0001");
        // `kubectl cordon` and a maintenance taint: not Faultboard's.
        QVERIFY(patch(n, R"({"spec":{"unschedulable":true,"taints":[
            {"key":"example.com/maint","value":"disk","effect":"NoSchedule"}]}})"));
        Run r = run({QStringLiteral("restore"), n});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("gpu-0001 was not isolated by Faultboard")) &&
                     r.out.contains(QLatin1String("--uncordon")),
                 qPrintable(r.out));
        QVERIFY(cordoned(node(n)));
        QCOMPARE(taints(node(n)), QStringList{"example.com/maint=disk:NoSchedule"});

        // Asked explicitly: uncordoned, the taint stays.
        r = run({QStringLiteral("restore"), n, QStringLiteral("--uncordon")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("gpu-0001 restored: ")) &&
                     r.out.contains(QLatin1String("uncordoned")),
                 qPrintable(r.out));
        QVERIFY(!cordoned(node(n)));
        QCOMPARE(taints(node(n)), QStringList{"example.com/maint=disk:NoSchedule"});
    }

    void restoreKeepsACordonIsolateFoundAndSaysSo()
    {
        const QString n = QStringLiteral("gpu-0002");
        QVERIFY(patch(n, R"({"spec":{"unschedulable":true}})"));
        Run r = run(
            {QStringLiteral("isolate"), n, QStringLiteral("--reason"), QStringLiteral("ticket 1")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("gpu-0002 isolated: taint faultboard.io/isolated")),
                 qPrintable(r.out));
        r = run({QStringLiteral("restore"), n});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("gpu-0002 restored: taint faultboard.io/isolated")),
                 qPrintable(r.out));
        QVERIFY2(r.err.contains(QLatin1String("stays cordoned")), qPrintable(r.err));
        QVERIFY(cordoned(node(n)));
        QVERIFY(taints(node(n)).isEmpty());
    }

    void restoreAfterTheSettingsChangedTheKeyRemovesTheOriginalTaint()
    {
        const QString n = QStringLiteral("gpu-0003");
        Run r = run({QStringLiteral("isolate"), n});
        QCOMPARE(r.code, 0);
        QCOMPARE(taints(node(n)), QStringList{"faultboard.io/isolated:NoSchedule"});
        ui::AppSettings s;
        s.isolationTaintKey = QStringLiteral("example.com/quarantine");
        s.save();
        r = run({QStringLiteral("restore"), n});
        ui::AppSettings().save();
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("taint faultboard.io/isolated:NoSchedule removed")),
                 qPrintable(r.out));
        QVERIFY(taints(node(n)).isEmpty());
        QVERIFY(!cordoned(node(n)));
    }

    void theAuditRecordNamesWhoTheServerSaysActed()
    {
        const QString n = QStringLiteral("gpu-0004");
        const Run r = run({QStringLiteral("isolate"), n}, m_aliceConfig);
        QCOMPARE(r.code, 0);
        const QJsonObject meta = node(n)[QLatin1String("metadata")].toObject();
        const QJsonObject annotations = meta[QLatin1String("annotations")].toObject();
        QCOMPARE(annotations[QLatin1String("faultboard.io/isolated-by")].toString(),
                 QStringLiteral("alice@example.com"));
        QCOMPARE(annotations[QLatin1String("faultboard.io/isolated-by-source")].toString(),
                 QStringLiteral("server"));
        bool found = false;
        for (const models::ActionRecord &a : recordedActions())
            if (a.target == n && a.action == QLatin1String("isolate")) {
                found = true;
                QCOMPARE(a.actor, QStringLiteral("alice@example.com"));
                QCOMPARE(a.result, QStringLiteral("succeeded"));
            }
        QVERIFY(found);
    }

    void whoActedFallsBackToV1beta1ThenToTheKubeconfigUser()
    {
        // Kubernetes 1.27 serves only v1beta1: the server still names alice.
        QVERIFY(m_cluster->control(QStringLiteral("settings"),
                                   R"({"failNext": {"status": 404, "count": 1, "method": "POST",
                "pathPrefix": "/apis/authentication.k8s.io/v1/"}})"));
        Run r = run({QStringLiteral("isolate"), QStringLiteral("gpu-0006")}, m_aliceConfig);
        QCOMPARE(r.code, 0);
        QCOMPARE(node(QStringLiteral("gpu-0006"))[QLatin1String("metadata")][QLatin1String(
                     "annotations")][QLatin1String("faultboard.io/isolated-by")]
                     .toString(),
                 QStringLiteral("alice@example.com"));

        // Older still (neither version): the kubeconfig's user entry, and the record says so.
        QVERIFY(m_cluster->control(QStringLiteral("settings"),
                                   R"({"failNext": {"status": 404, "count": 2, "method": "POST",
                "pathPrefix": "/apis/authentication.k8s.io/"}})"));
        r = run({QStringLiteral("isolate"), QStringLiteral("gpu-0007")}, m_aliceConfig);
        QCOMPARE(r.code, 0);
        const QJsonObject annotations = node(QStringLiteral(
            "gpu-0007"))[QLatin1String("metadata")][QLatin1String("annotations")]
                                            .toObject();
        QCOMPARE(annotations[QLatin1String("faultboard.io/isolated-by")].toString(),
                 QStringLiteral("kubesim-admin"));
        QCOMPARE(annotations[QLatin1String("faultboard.io/isolated-by-source")].toString(),
                 QStringLiteral("kubeconfig"));
        bool found = false;
        for (const models::ActionRecord &a : recordedActions())
            if (a.target == QLatin1String("gpu-0007")) {
                found = true;
                QVERIFY2(a.actor.startsWith(QLatin1String("kubesim-admin (kubeconfig user")),
                         qPrintable(a.actor));
            }
        QVERIFY(found);
    }

    void reportGivesLostChipsASinceAndSaysWhoIsolated()
    {
        // Two chips of npu-0006 are lost (the API keeps no time for that), and it is isolated
        // with a note. Both reports say since when Faultboard has seen the loss, how long that
        // is, who isolated the node and why (issue #16: since and duration were empty, and no
        // column said who isolated it).
        const QString n = QStringLiteral("npu-0006");
        const QString chips = QStringLiteral("huawei.com/ascend-910");
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        QVERIFY(m_cluster->changeNode(QJsonObject{
            {QStringLiteral("node"), n},
            {QStringLiteral("allocatable"), QJsonObject{{chips, QStringLiteral("6")}}}}));
        QTRY_VERIFY_WITH_TIMEOUT(
            node(n)[QLatin1String("status")][QLatin1String("allocatable")][chips].toString() ==
                QLatin1String("6"),
            10000);
        Run r = run({QStringLiteral("isolate"), n, QStringLiteral("--reason"),
                     QStringLiteral("two chips gone, ticket 42")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));

        for (const QStringList &args :
             {QStringList{}, QStringList{QStringLiteral("--history"), QStringLiteral("1h")}}) {
            r = report(args);
            QVERIFY2(r.code == 0, qPrintable(r.err));
            const QJsonObject row = reportRow(r.out, n, chips);
            QVERIFY2(!row.isEmpty(), qPrintable(r.out));
            const QDateTime since =
                QDateTime::fromString(row.value(QStringLiteral("since")).toString(), Qt::ISODate);
            QVERIFY2(since.isValid(), qPrintable(args.join(QLatin1Char(' ')) + QLatin1Char(' ') +
                                                 QJsonDocument(row).toJson()));
            QVERIFY(since >= before);
            QVERIFY(since <= QDateTime::currentDateTimeUtc());
            QVERIFY(row.value(QStringLiteral("duration_seconds")).isDouble());
            QVERIFY(row.value(QStringLiteral("duration_seconds")).toInteger() >= 0);
            QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("6/8"));
            QVERIFY(row.value(QStringLiteral("isolated")).toBool() || !args.isEmpty());
            QVERIFY2(row.value(QStringLiteral("isolated_by"))
                         .toString()
                         .startsWith(QLatin1String("kubesim-admin")),
                     qPrintable(QJsonDocument(row).toJson()));
            QVERIFY2(row.value(QStringLiteral("isolation_reason"))
                         .toString()
                         .contains(QLatin1String("two chips gone, ticket 42")),
                     qPrintable(QJsonDocument(row).toJson()));
        }

        r = run({QStringLiteral("restore"), n, QStringLiteral("--force")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY(m_cluster->changeNode(QJsonObject{
            {QStringLiteral("node"), n},
            {QStringLiteral("allocatable"), QJsonObject{{chips, QStringLiteral("8")}}}}));
        QTRY_VERIFY_WITH_TIMEOUT(
            node(n)[QLatin1String("status")][QLatin1String("allocatable")][chips].toString() ==
                QLatin1String("8"),
            10000);

        // Over and restored: the history report still says who isolated the node during the
        // fault (the action log keeps who, not why).
        r = report({QStringLiteral("--history"), QStringLiteral("1h")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject past = reportRow(r.out, n, chips);
        QVERIFY2(!past.value(QStringLiteral("until")).toString().isEmpty(),
                 qPrintable(QJsonDocument(past).toJson()));
        QVERIFY2(past.value(QStringLiteral("isolated_by"))
                     .toString()
                     .startsWith(QLatin1String("kubesim-admin")),
                 qPrintable(QJsonDocument(past).toJson()));
        QCOMPARE(past.value(QStringLiteral("isolation_reason")).toString(), QString());
    }

    void dryRunsAreNotRecorded()
    {
        const QString n = QStringLiteral("gpu-0005");
        const Run r = run({QStringLiteral("isolate"), n, QStringLiteral("--dry-run")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("gpu-0005 would be isolated")), qPrintable(r.out));
        QVERIFY(!cordoned(node(n)));
        for (const models::ActionRecord &a : recordedActions())
            QVERIFY(a.target != n);
    }
};

QTEST_GUILESS_MAIN(TestCommands)
#include "tst_commands.moc"

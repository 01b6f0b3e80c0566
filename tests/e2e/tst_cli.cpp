// The headless commands end to end: the real `faultboard` binary, run as a script would run it,
// against kubesim over TLS. Each test checks what the command printed or wrote (CSV and JSON
// parsed), its exit status, and the cluster (or the fault history file) afterwards. The children
// get an unusable QT_QPA_PLATFORM: a command that needed a display would not start.

#include "models/ClusterSession.h"
#include "models/FaultHistory.h"
#include "models/FaultReport.h"
#include "models/HistoryDatabase.h"
#include "models/Taxonomy.h"
#include "tests/common/TestCluster.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

// RFC 4180 as FaultReport writes it: optional BOM, CRLF, quoted fields with doubled quotes.
QList<QStringList> parseCsv(QByteArray data)
{
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    const QString text = QString::fromUtf8(data);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() &&
                text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            row << field;
            rows << row;
            row.clear();
            field.clear();
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

QJsonObject findFault(const QJsonArray &faults, const QString &node, const QString &type)
{
    for (const QJsonValue &v : faults) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("node")).toString() == node &&
            o.value(QLatin1String("type")).toString() == type)
            return o;
    }
    return {};
}

// The columns themselves are pinned by tst_reports; here the commands must write exactly them.
const QStringList ReportColumns = models::FaultReport::columns();

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<TestCluster> m_cluster;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // Any QApplication would abort on this platform: the commands must not create one.
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("no-display-for-commands"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("KUBECONFIG"));
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("FAULTBOARD_HISTORY_DIR"), historyDir());
        return env;
    }

    QString historyDir() const { return m_home.filePath(QStringLiteral("history")); }

    Run faultboard(const QStringList &args, bool withKubeconfig = true,
                   const QProcessEnvironment &env = {})
    {
        // The options every command takes may come before the command word, as here.
        QStringList all;
        if (withKubeconfig)
            all << QStringLiteral("--kubeconfig") << m_cluster->kubeconfigPath();
        all << args;
        QProcess p;
        p.setProcessEnvironment(env.isEmpty() ? environment() : env);
        p.start(QStringLiteral(FAULTBOARD_PATH), all);
        Run r;
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("timed out");
            return r;
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    QJsonObject node(const QString &name)
    {
        const kube::ApiResponse r =
            m_cluster->request("GET", QStringLiteral("/api/v1/nodes/") + name);
        if (!r.ok())
            qWarning("GET node %s: %s", qPrintable(name), qPrintable(r.error.toString()));
        return QJsonDocument::fromJson(r.body).object();
    }

    static QJsonObject taint(const QJsonObject &node, const QString &key)
    {
        for (const QJsonValue &t : node[QLatin1String("spec")][QLatin1String("taints")].toArray())
            if (t[QLatin1String("key")].toString() == key)
                return t.toObject();
        return {};
    }

    static bool cordoned(const QJsonObject &node)
    {
        return node[QLatin1String("spec")][QLatin1String("unschedulable")].toBool();
    }

    // namespace/name → ownerReferences[0].kind ("" for a bare pod) of the pods on a node.
    QMap<QString, QString> podsOn(const QString &nodeName)
    {
        const kube::ApiResponse r = m_cluster->request(
            "GET", QStringLiteral("/api/v1/pods?fieldSelector=spec.nodeName=") + nodeName);
        QMap<QString, QString> pods;
        for (const QJsonValue &p :
             QJsonDocument::fromJson(r.body)[QLatin1String("items")].toArray()) {
            const QJsonObject meta = p[QLatin1String("metadata")].toObject();
            if (meta.contains(QLatin1String("deletionTimestamp")))
                continue; // on its way out
            pods.insert(
                meta[QLatin1String("namespace")].toString() + QLatin1Char('/') +
                    meta[QLatin1String("name")].toString(),
                meta[QLatin1String("ownerReferences")][0][QLatin1String("kind")].toString());
        }
        return pods;
    }

    // The actions recorded in the cluster's history file, as "action target result".
    QStringList recordedActions()
    {
        models::HistoryDatabase db(models::FaultHistory::defaultPath(
            m_cluster->serverUrl(), TestCluster::context(TestCluster::User::Admin)));
        QString error;
        if (!db.open(&error))
            qWarning("history: %s", qPrintable(error));
        QStringList out;
        for (const models::ActionRecord &a : db.actions({}, {}, &error))
            out << a.action + QLatin1Char(' ') + a.target + QLatin1Char(' ') + a.result;
        return out;
    }

    // A card-loss condition and the node's allocatable chips, in one change, as a device plugin
    // and node-problem-detector report it.
    bool injectCardLoss(const QString &nodeName, bool lost, const QString &message, int chips)
    {
        const QJsonObject action{
            {QStringLiteral("node"), nodeName},
            {QStringLiteral("condition"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("NT_NPU_CARD_LOSE")},
                         {QStringLiteral("status"),
                          lost ? QStringLiteral("True") : QStringLiteral("False")},
                         {QStringLiteral("reason"), QStringLiteral("os_task_name:npu-card-lose")},
                         {QStringLiteral("message"), message}}},
            {QStringLiteral("allocatable"),
             QJsonObject{{QStringLiteral("huawei.com/ascend-910"), QString::number(chips)}}}};
        return m_cluster->changeNode(action);
    }

    static int errorLines(const QString &err)
    {
        return int(err.trimmed().split(QLatin1Char('\n')).size());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("FAULTBOARD_HISTORY_DIR", historyDir().toUtf8()); // the test reads the same files
        m_cluster = std::make_unique<TestCluster>(
            QStringList{QStringLiteral("--paused"), QStringLiteral("--scenario"),
                        QStringLiteral(FAULTBOARD_TEST_DATA "/cli/cli-scenario.json")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
        // The training pods must be running before anything drains them.
        QTRY_COMPARE_WITH_TIMEOUT(
            podsOn(QStringLiteral("gpu-0001")).values().count(QStringLiteral("ReplicaSet")), 1,
            10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            podsOn(QStringLiteral("gpu-0002")).values().count(QStringLiteral("ReplicaSet")), 1,
            10000);
    }

    void badUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("names");
        auto row = [](const char *name, QStringList args, const char *names) {
            QTest::newRow(name) << args << QString::fromUtf8(names);
        };
        row("unknown command", {QStringLiteral("frobnicate")}, "unknown command \"frobnicate\"");
        row("report format",
            {QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("xml")},
            "--format \"xml\": must be csv or json");
        row("report history",
            {QStringLiteral("report"), QStringLiteral("--history"), QStringLiteral("yesterday")},
            "--history \"yesterday\"");
        row("report history future",
            {QStringLiteral("report"), QStringLiteral("--history"),
             QStringLiteral("2999-01-01T00:00:00Z")},
            "in the future");
        row("report stray argument", {QStringLiteral("report"), QStringLiteral("gpu-0001")},
            "unexpected argument \"gpu-0001\"");
        row("watch format",
            {QStringLiteral("watch"), QStringLiteral("--format"), QStringLiteral("csv")},
            "--format \"csv\": must be text or jsonl");
        row("watch duration",
            {QStringLiteral("watch"), QStringLiteral("--duration"), QStringLiteral("soon")},
            "--duration \"soon\"");
        row("isolate without node", {QStringLiteral("isolate")}, "name at least one node");
        row("isolate effect",
            {QStringLiteral("isolate"), QStringLiteral("gpu-0001"), QStringLiteral("--effect"),
             QStringLiteral("PreferNoSchedule")},
            "--effect \"PreferNoSchedule\": must be NoSchedule or NoExecute");
        row("restore unknown option",
            {QStringLiteral("restore"), QStringLiteral("gpu-0001"), QStringLiteral("--effect"),
             QStringLiteral("NoSchedule")},
            "Unknown option 'effect'");
        row("drain grace period",
            {QStringLiteral("drain"), QStringLiteral("gpu-0001"), QStringLiteral("--grace-period"),
             QStringLiteral("soon")},
            "--grace-period \"soon\"");
        row("drain timeout",
            {QStringLiteral("drain"), QStringLiteral("gpu-0001"), QStringLiteral("--timeout"),
             QStringLiteral("forever")},
            "--timeout \"forever\"");
        row("drain missing value",
            {QStringLiteral("drain"), QStringLiteral("gpu-0001"), QStringLiteral("--timeout")},
            "Missing value after '--timeout'");
    }

    void badUsageExitsTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, names);
        const QMap<QString, QString> before = podsOn(QStringLiteral("gpu-0001"));
        const Run r = faultboard(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(QLatin1String("faultboard: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(names), qPrintable(r.err));
        QCOMPARE(errorLines(r.err), 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!cordoned(node(QStringLiteral("gpu-0001"))));
        QCOMPARE(podsOn(QStringLiteral("gpu-0001")), before);
    }

    void helpAndVersion()
    {
        Run r = faultboard({QStringLiteral("--help")}, false);
        QCOMPARE(r.code, 0);
        for (const char *c :
             {"report", "watch", "isolate", "restore", "drain", "--kubeconfig", "Exit status"})
            QVERIFY2(r.out.contains(QLatin1String(c)), c);

        r = faultboard({QStringLiteral("report"), QStringLiteral("--help")}, false);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("Usage: faultboard report [options]")),
                 qPrintable(r.out));
        for (const char *o : {"--format", "--output", "--history", "--kubeconfig", "--context"})
            QVERIFY2(r.out.contains(QLatin1String(o)), o);

        r = faultboard({QStringLiteral("drain"), QStringLiteral("--help")}, false);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("Usage: faultboard drain [options] NODE...")),
                 qPrintable(r.out));
        for (const char *o :
             {"--ignore-daemonsets", "--delete-emptydir-data", "--force", "--grace-period",
              "--timeout", "--dry-run", "--pod-selector", "--disable-eviction"})
            QVERIFY2(r.out.contains(QLatin1String(o)), o);

        r = faultboard({QStringLiteral("isolate"), QStringLiteral("-h")}, false);
        QCOMPARE(r.code, 0);
        for (const char *o : {"--effect", "--reason", "--dry-run"})
            QVERIFY2(r.out.contains(QLatin1String(o)), o);

        for (const QStringList &args :
             {QStringList{QStringLiteral("--version")},
              QStringList{QStringLiteral("watch"), QStringLiteral("--version")}}) {
            r = faultboard(args, false);
            QCOMPARE(r.code, 0);
            QCOMPARE(r.out.trimmed(), QStringLiteral("faultboard " FAULTBOARD_VERSION));
        }
    }

    void reportCurrentFaultsCsvAndJson()
    {
        QVERIFY(m_cluster->setCondition(QStringLiteral("npu-0001"),
                                        QStringLiteral("NT_NPU_CARD_LOSE"), QStringLiteral("True"),
                                        QStringLiteral("os_task_name:npu-card-lose"),
                                        QStringLiteral("7 of 8 NPUs, \"card 3\" lost")));
        const QString csvPath = m_home.filePath(QStringLiteral("faults.csv"));
        Run r = faultboard({QStringLiteral("report"), QStringLiteral("--format"),
                            QStringLiteral("csv"), QStringLiteral("--output"), csvPath});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY2(r.out.contains(csvPath), qPrintable(r.out));
        QFile csvFile(csvPath);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = parseCsv(csvFile.readAll());
        QVERIFY(rows.size() >= 2);
        QCOMPARE(rows.first(), ReportColumns);
        QList<QStringList> npu1;
        for (const QStringList &row : rows.mid(1)) {
            QCOMPARE(row.size(), ReportColumns.size());
            if (row.at(0) == QLatin1String("npu-0001"))
                npu1 << row;
            // Only faulty nodes are in the report: the untouched GPU nodes are healthy.
            QVERIFY2(!row.at(0).startsWith(QLatin1String("gpu-")),
                     qPrintable(row.join(QLatin1Char(','))));
        }
        QCOMPARE(npu1.size(), 1);
        const QStringList &f = npu1.first();
        QCOMPARE(f.at(ReportColumns.indexOf(QStringLiteral("type"))),
                 QStringLiteral("NT_NPU_CARD_LOSE"));
        QCOMPARE(f.at(ReportColumns.indexOf(QStringLiteral("severity"))),
                 QStringLiteral("critical"));
        QCOMPARE(f.at(ReportColumns.indexOf(QStringLiteral("status"))), QStringLiteral("True"));
        QCOMPARE(f.at(ReportColumns.indexOf(QStringLiteral("message"))),
                 QStringLiteral("7 of 8 NPUs, \"card 3\" lost"));
        QCOMPARE(f.at(ReportColumns.indexOf(QStringLiteral("pool"))), QStringLiteral("npu-910b"));
        QVERIFY(
            QDateTime::fromString(f.at(ReportColumns.indexOf(QStringLiteral("since"))), Qt::ISODate)
                .isValid());

        // JSON on stdout, as a script reads it; the same fault.
        r = faultboard(
            {QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &pe);
        QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString()));
        QVERIFY(doc[QLatin1String("from")].isNull());
        QVERIFY(QDateTime::fromString(doc[QLatin1String("generated")].toString(), Qt::ISODate)
                    .isValid());
        const QJsonObject j =
            findFault(doc[QLatin1String("faults")].toArray(), QStringLiteral("npu-0001"),
                      QStringLiteral("NT_NPU_CARD_LOSE"));
        QCOMPARE(j[QLatin1String("severity")].toString(), QStringLiteral("critical"));
        QCOMPARE(j[QLatin1String("reason")].toString(),
                 QStringLiteral("os_task_name:npu-card-lose"));
        QCOMPARE(j[QLatin1String("isolated")].toBool(true), false);
        QCOMPARE(j[QLatin1String("accelerators_total")].toInt(), 8);
        QCOMPARE(j[QLatin1String("since")].toString(),
                 f.at(ReportColumns.indexOf(QStringLiteral("since"))));

        // KUBECONFIG and --context select the cluster the same way.
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("KUBECONFIG"), m_cluster->kubeconfigPath());
        r = faultboard({QStringLiteral("report"), QStringLiteral("--context"),
                        TestCluster::context(TestCluster::User::AdminCert),
                        QStringLiteral("--output"), m_home.filePath(QStringLiteral("f.json"))},
                       false, env);
        QCOMPARE(r.code, 0);
        QFile jsonFile(m_home.filePath(QStringLiteral("f.json")));
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QJsonDocument byName = QJsonDocument::fromJson(jsonFile.readAll()); // .json → JSON
        QVERIFY(!findFault(byName[QLatin1String("faults")].toArray(), QStringLiteral("npu-0001"),
                           QStringLiteral("NT_NPU_CARD_LOSE"))
                     .isEmpty());
    }

    void connectionAndConfigFailuresExitOne()
    {
        // A kubeconfig whose server is a closed port.
        QFile in(m_cluster->kubeconfigPath());
        QVERIFY(in.open(QIODevice::ReadOnly));
        QString yaml = QString::fromUtf8(in.readAll());
        yaml.replace(QRegularExpression(QStringLiteral("server: https://127\\.0\\.0\\.1:\\d+")),
                     QStringLiteral("server: https://127.0.0.1:1"));
        const QString dead = m_home.filePath(QStringLiteral("dead.kubeconfig"));
        QFile out(dead);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(yaml.toUtf8());
        out.close();

        Run r = faultboard({QStringLiteral("report"), QStringLiteral("--kubeconfig"), dead}, false);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("https://127.0.0.1:1")) &&
                     r.err.contains(QLatin1String("refused")),
                 qPrintable(r.err));
        QCOMPARE(errorLines(r.err), 1);
        QVERIFY(!r.err.contains(QLatin1String("token")));

        r = faultboard({QStringLiteral("isolate"), QStringLiteral("npu-0002"),
                        QStringLiteral("--kubeconfig"), dead},
                       false);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("npu-0002")) &&
                     r.err.contains(QLatin1String("refused")),
                 qPrintable(r.err));

        r = faultboard(
            {QStringLiteral("report"), QStringLiteral("--context"), QStringLiteral("nope")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("nope")), qPrintable(r.err));

        r = faultboard({QStringLiteral("watch"), QStringLiteral("--kubeconfig"),
                        m_home.filePath(QStringLiteral("missing.yaml"))},
                       false);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("missing.yaml")), qPrintable(r.err));

        // watch cannot record (the history folder is a file): it says where, and stops.
        const QString notADir = m_home.filePath(QStringLiteral("not-a-folder"));
        QFile blocker(notADir);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("FAULTBOARD_HISTORY_DIR"), notADir);
        r = faultboard({QStringLiteral("watch")}, true, env);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(notADir), qPrintable(r.err));
    }

    void isolateDryRunChangesNothing()
    {
        const QJsonObject before = node(QStringLiteral("npu-0004"));
        const Run r = faultboard(
            {QStringLiteral("isolate"), QStringLiteral("npu-0004"), QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("npu-0004 would be isolated: taint "
                                              "faultboard.io/isolated:NoSchedule added, cordoned")),
                 qPrintable(r.out));
        const QJsonObject after = node(QStringLiteral("npu-0004"));
        QCOMPARE(after[QLatin1String("metadata")][QLatin1String("resourceVersion")],
                 before[QLatin1String("metadata")][QLatin1String("resourceVersion")]);
        QVERIFY(taint(after, QStringLiteral("faultboard.io/isolated")).isEmpty());
        QVERIFY(!cordoned(after));
        QVERIFY(!recordedActions().join(QLatin1Char('\n')).contains(QLatin1String("npu-0004")));
    }

    void nodeNameWithAFinalLineFeedIsRefused()
    {
        // A name pasted with its line end: PCRE's `$` matched before it, so the name passed the
        // check and the request went out for a node that cannot exist.
        const Run r = faultboard(
            {QStringLiteral("isolate"), QStringLiteral("npu-0004\n"), QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("not a valid node name")), qPrintable(r.err));
    }

    void isolateAndRestore()
    {
        QVERIFY(m_cluster->setCondition(
            QStringLiteral("npu-0003"), QStringLiteral("NT_NPU_CARD_LOSE"), QStringLiteral("True"),
            QStringLiteral("os_task_name:npu-card-lose"), QStringLiteral("card lost")));
        // Three good nodes, one that does not exist and one that cannot exist: the good ones are
        // isolated, the others named with the cause.
        Run r = faultboard({QStringLiteral("isolate"), QStringLiteral("npu-0003"),
                            QStringLiteral("no-such-node"), QStringLiteral("npu-0004"),
                            QStringLiteral("Bad_Name"), QStringLiteral("--effect"),
                            QStringLiteral("NoExecute"), QStringLiteral("--reason"),
                            QStringLiteral("card lost, RMA ticket 42"),
                            // npu-0004 is healthy: one of several, it needs the explicit choice.
                            QStringLiteral("--force")});
        QCOMPARE(r.code, 1);
        const QStringList errors = r.err.trimmed().split(QLatin1Char('\n'));
        // Two failures, and the notice that npu-0004 was isolated at the operator's choice.
        QCOMPARE(errors.size(), 3);
        QCOMPARE(errors
                     .filter(QLatin1String("npu-0004: isolated at the operator's explicit "
                                           "choice: npu-0004 has no active fault"))
                     .size(),
                 1);
        for (const QString &e : errors)
            QVERIFY2(e.startsWith(QLatin1String("faultboard: ")), qPrintable(e));
        QVERIFY2(r.err.contains(QLatin1String("no-such-node")) &&
                     r.err.contains(QLatin1String("not found")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("Bad_Name")) &&
                     r.err.contains(QLatin1String("not a valid node name")),
                 qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String(
                     "npu-0003 isolated: taint faultboard.io/isolated=NT_NPU_CARD_LOSE:NoExecute "
                     "added, cordoned")),
                 qPrintable(r.out));

        QJsonObject n3 = node(QStringLiteral("npu-0003"));
        QCOMPARE(
            taint(n3, QStringLiteral("faultboard.io/isolated"))[QLatin1String("value")].toString(),
            QStringLiteral("NT_NPU_CARD_LOSE"));
        QCOMPARE(
            taint(n3, QStringLiteral("faultboard.io/isolated"))[QLatin1String("effect")].toString(),
            QStringLiteral("NoExecute"));
        QVERIFY(cordoned(n3));
        QCOMPARE(n3[QLatin1String("metadata")][QLatin1String("annotations")]
                   [QLatin1String("faultboard.io/isolated-reason")]
                       .toString(),
                 QStringLiteral("fault: NT_NPU_CARD_LOSE; card lost, RMA ticket 42"));
        QJsonObject n4 = node(QStringLiteral("npu-0004"));
        QCOMPARE(
            taint(n4, QStringLiteral("faultboard.io/isolated"))[QLatin1String("effect")].toString(),
            QStringLiteral("NoExecute"));
        QVERIFY(cordoned(n4));

        // Again: nothing to do, and it says so.
        r = faultboard({QStringLiteral("isolate"), QStringLiteral("npu-0003"),
                        QStringLiteral("--effect"), QStringLiteral("NoExecute")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("npu-0003 is already isolated; nothing changed")),
                 qPrintable(r.out));

        // A read-only user is refused, with the node named.
        r = faultboard({QStringLiteral("restore"), QStringLiteral("npu-0003"),
                        QStringLiteral("--force"), QStringLiteral("--context"),
                        TestCluster::context(TestCluster::User::Viewer)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("npu-0003")) &&
                     r.err.contains(QLatin1String("forbidden"), Qt::CaseInsensitive),
                 qPrintable(r.err));

        // The card is still lost: the restore is refused, naming the fault, unless --force.
        r = faultboard(
            {QStringLiteral("restore"), QStringLiteral("npu-0003"), QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String(
                     "npu-0003 still has a critical fault: NT_NPU_CARD_LOSE, active since ")),
                 qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        r = faultboard({QStringLiteral("restore"), QStringLiteral("npu-0003"),
                        QStringLiteral("--dry-run"), QStringLiteral("--force")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String(
                     "npu-0003 would be restored: taint "
                     "faultboard.io/isolated=NT_NPU_CARD_LOSE:NoExecute removed, uncordoned")),
                 qPrintable(r.out));
        n3 = node(QStringLiteral("npu-0003"));
        QVERIFY(!taint(n3, QStringLiteral("faultboard.io/isolated")).isEmpty());
        QVERIFY(cordoned(n3));

        r = faultboard({QStringLiteral("restore"), QStringLiteral("npu-0003"),
                        QStringLiteral("npu-0004"), QStringLiteral("--force")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String(
                     "npu-0003 restored: taint faultboard.io/isolated=NT_NPU_CARD_LOSE:NoExecute "
                     "removed, uncordoned")),
                 qPrintable(r.out));
        for (const char *name : {"npu-0003", "npu-0004"}) {
            const QJsonObject n = node(QLatin1String(name));
            QVERIFY2(taint(n, QStringLiteral("faultboard.io/isolated")).isEmpty(), name);
            QVERIFY2(!cordoned(n), name);
            QVERIFY(!n[QLatin1String("metadata")][QLatin1String("annotations")].toObject().contains(
                QLatin1String("faultboard.io/isolated-reason")));
        }

        // The history has every real action with its result, and no dry run. (The viewer's
        // refusal is in the history of its own context.)
        const QStringList actions = recordedActions();
        for (const char *a : {"isolate npu-0003 succeeded", "isolate npu-0004 succeeded",
                              "isolate no-such-node failed", "restore npu-0003 succeeded",
                              "restore npu-0004 succeeded"})
            QVERIFY2(actions.contains(QLatin1String(a)),
                     qPrintable(actions.join(QLatin1String("; "))));
        QCOMPARE(actions.count(QStringLiteral("isolate npu-0004 succeeded")),
                 1); // the dry run is not there
        QCOMPARE(actions.count(QStringLiteral("restore npu-0003 succeeded")), 1);
    }

    void drainDryRunChangesNothing()
    {
        const QMap<QString, QString> before = podsOn(QStringLiteral("gpu-0002"));
        const QString llama = before.key(QStringLiteral("ReplicaSet"));
        QVERIFY(!llama.isEmpty());
        const Run r =
            faultboard({QStringLiteral("drain"), QStringLiteral("gpu-0002"),
                        QStringLiteral("--ignore-daemonsets"), QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(
                     QStringLiteral("gpu-0002: pod %1 would be evicted (dry run)").arg(llama)),
                 qPrintable(r.out));
        // (Plural forms come from the English translation; without it Qt writes "pod(s)".)
        QVERIFY2(QRegularExpression(
                     QStringLiteral(
                         "gpu-0002: dry run: 1 pod(\\(s\\))? would be evicted; nothing changed"))
                     .match(r.out)
                     .hasMatch(),
                 qPrintable(r.out));
        QVERIFY(!cordoned(node(QStringLiteral("gpu-0002"))));
        QCOMPARE(podsOn(QStringLiteral("gpu-0002")), before);
    }

    void drainRefusesWithEveryBlocker()
    {
        // DaemonSet pods without --ignore-daemonsets and a bare pod without --force.
        const QMap<QString, QString> before = podsOn(QStringLiteral("gpu-0003"));
        QVERIFY(before.contains(QStringLiteral("default/debug-shell")));
        const Run r = faultboard({QStringLiteral("drain"), QStringLiteral("gpu-0003")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith(QLatin1String("faultboard: cannot drain gpu-0003: ")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(
                     QLatin1String("DaemonSet-managed Pods (use --ignore-daemonsets to ignore)")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("default/debug-shell")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("--force")), qPrintable(r.err));
        // As kubectl: the node stays cordoned, nothing is evicted.
        QVERIFY(cordoned(node(QStringLiteral("gpu-0003"))));
        QCOMPARE(podsOn(QStringLiteral("gpu-0003")), before);
        QVERIFY(recordedActions().contains(QStringLiteral("drain gpu-0003 failed")));
    }

    void drainEvictsWithProgress()
    {
        const QMap<QString, QString> before = podsOn(QStringLiteral("gpu-0001"));
        const QString llama = before.key(QStringLiteral("ReplicaSet"));
        QVERIFY(!llama.isEmpty());
        QVERIFY(before.values().contains(QStringLiteral("DaemonSet")));
        const Run r = faultboard(
            {QStringLiteral("drain"), QStringLiteral("gpu-0001"), QStringLiteral("no-such-node"),
             QStringLiteral("--ignore-daemonsets"), QStringLiteral("--grace-period"),
             QStringLiteral("0"), QStringLiteral("--timeout"), QStringLiteral("60s")});
        QCOMPARE(r.code, 1); // no-such-node failed; gpu-0001 drained all the same
        QVERIFY2(r.err.contains(QLatin1String("no-such-node")) &&
                     r.err.contains(QLatin1String("not found")),
                 qPrintable(r.err));
        const QStringList lines = r.out.split(QLatin1Char('\n'));
        const qsizetype evicting =
            lines.indexOf(QStringLiteral("gpu-0001: pod %1 evicting").arg(llama));
        const qsizetype evicted =
            lines.indexOf(QStringLiteral("gpu-0001: pod %1 evicted").arg(llama));
        QVERIFY2(evicting >= 0 && evicted > evicting, qPrintable(r.out));
        QVERIFY2(QRegularExpression(
                     QStringLiteral("gpu-0001 drained: cordoned, 1 pod(\\(s\\))? evicted"))
                     .match(r.out)
                     .hasMatch(),
                 qPrintable(r.out));
        QVERIFY2(
            r.err.contains(QLatin1String("gpu-0001: warning: ignoring DaemonSet-managed Pods")),
            qPrintable(r.err));

        QVERIFY(cordoned(node(QStringLiteral("gpu-0001"))));
        const QMap<QString, QString> after = podsOn(QStringLiteral("gpu-0001"));
        QVERIFY(!after.contains(llama));
        QVERIFY(!after.values().contains(
            QStringLiteral("ReplicaSet"))); // its replacement went elsewhere
        QCOMPARE(after.values().count(QStringLiteral("DaemonSet")),
                 before.values().count(QStringLiteral("DaemonSet")));
        const QStringList actions = recordedActions();
        QVERIFY2(actions.contains(QStringLiteral("drain gpu-0001 succeeded")),
                 qPrintable(actions.join(QLatin1String("; "))));
        QVERIFY2(actions.contains(QStringLiteral("drain no-such-node failed")),
                 qPrintable(actions.join(QLatin1String("; "))));
    }

    void watchJsonlSeesInjectedFaultAndReportHistoryKeepsIt()
    {
        QProcess watch;
        watch.setProcessEnvironment(environment());
        QByteArray out;
        QByteArray err;
        connect(&watch, &QProcess::readyReadStandardOutput, this,
                [&] { out += watch.readAllStandardOutput(); });
        connect(&watch, &QProcess::readyReadStandardError, this,
                [&] { err += watch.readAllStandardError(); });
        watch.start(QStringLiteral(FAULTBOARD_PATH),
                    {QStringLiteral("watch"), QStringLiteral("--format"), QStringLiteral("jsonl"),
                     QStringLiteral("--kubeconfig"), m_cluster->kubeconfigPath()});
        QTRY_VERIFY2_WITH_TIMEOUT(
            QRegularExpression(
                QStringLiteral(
                    "^faultboard: watching 8 node(s|\\(s\\)) of https://127\\.0\\.0\\.1:\\d+ "
                    "\\(context %1\\)")
                    .arg(TestCluster::context(TestCluster::User::Admin)))
                .match(QString::fromUtf8(err))
                .hasMatch(),
            err.constData(), 20000);

        // Two NPUs lost: a condition and an accelerator count change together.
        QVERIFY(injectCardLoss(QStringLiteral("npu-0002"), true,
                               QStringLiteral("6 of 8 NPUs visible"), 6));
        QJsonObject seen;
        QJsonObject chips;
        const auto findLines = [&] {
            for (const QByteArray &line : out.split('\n')) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                if (o[QLatin1String("node")].toString() != QLatin1String("npu-0002"))
                    continue;
                if (o[QLatin1String("type")].toString() == QLatin1String("NT_NPU_CARD_LOSE"))
                    seen = o;
                if (o[QLatin1String("type")].toString() == QLatin1String("huawei.com/ascend-910"))
                    chips = o;
            }
            return !seen.isEmpty() && !chips.isEmpty();
        };
        QTRY_VERIFY2_WITH_TIMEOUT(findLines(), out.constData(), 10000);
        QCOMPARE(chips[QLatin1String("old_status")].toString(), QStringLiteral("8/8"));
        QCOMPARE(chips[QLatin1String("new_status")].toString(), QStringLiteral("6/8"));
        QCOMPARE(chips[QLatin1String("event")].toString(), QStringLiteral("fault"));
        QCOMPARE(chips[QLatin1String("flags")].toArray(),
                 QJsonArray{QStringLiteral("accelerators")});
        QCOMPARE(seen[QLatin1String("old_status")].toString(), QStringLiteral("False"));
        QCOMPARE(seen[QLatin1String("new_status")].toString(), QStringLiteral("True"));
        QCOMPARE(seen[QLatin1String("severity")].toString(), QStringLiteral("critical"));
        QCOMPARE(seen[QLatin1String("event")].toString(), QStringLiteral("fault"));
        QCOMPARE(seen[QLatin1String("category")].toString(), QStringLiteral("npu"));
        QCOMPARE(seen[QLatin1String("reason")].toString(),
                 QStringLiteral("os_task_name:npu-card-lose"));
        QCOMPARE(seen[QLatin1String("message")].toString(), QStringLiteral("6 of 8 NPUs visible"));
        const QString since = seen[QLatin1String("time")].toString();
        QVERIFY(QDateTime::fromString(since, Qt::ISODate).isValid());
        // Every line of stdout is one JSON object.
        for (const QByteArray &line : out.trimmed().split('\n'))
            QVERIFY2(QJsonDocument::fromJson(line).isObject(), line.constData());

        // Killed mid-run: no chance to flush anything.
        watch.kill();
        QVERIFY(watch.waitForFinished(10000));
        // The fault ends while nobody watches.
        QVERIFY(injectCardLoss(QStringLiteral("npu-0002"), false, QStringLiteral("ok"), 8));

        const Run r =
            faultboard({QStringLiteral("report"), QStringLiteral("--history"), QStringLiteral("1h"),
                        QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8());
        const QDateTime from =
            QDateTime::fromString(doc[QLatin1String("from")].toString(), Qt::ISODate);
        QVERIFY(qAbs(from.secsTo(QDateTime::currentDateTimeUtc()) - 3600) < 60);
        const QJsonObject episode =
            findFault(doc[QLatin1String("faults")].toArray(), QStringLiteral("npu-0002"),
                      QStringLiteral("NT_NPU_CARD_LOSE"));
        QVERIFY2(!episode.isEmpty(), qPrintable(r.out));
        // Begun when the watcher saw it; ended as the report's own listing found it healthy.
        QCOMPARE(episode[QLatin1String("since")].toString(), since);
        QVERIFY(QDateTime::fromString(episode[QLatin1String("until")].toString(), Qt::ISODate)
                    .isValid());
        QCOMPARE(episode[QLatin1String("message")].toString(),
                 QStringLiteral("6 of 8 NPUs visible"));
        // The chips: lost when the watcher saw it, back when the report listed the node (the
        // count carries no time of its own, so the listing's moment is the end).
        const QJsonObject lost =
            findFault(doc[QLatin1String("faults")].toArray(), QStringLiteral("npu-0002"),
                      QStringLiteral("huawei.com/ascend-910"));
        QCOMPARE(lost[QLatin1String("status")].toString(), QStringLiteral("6/8"));
        QCOMPARE(lost[QLatin1String("since")].toString(), chips[QLatin1String("time")].toString());
        QVERIFY2(
            QDateTime::fromString(lost[QLatin1String("until")].toString(), Qt::ISODate).isValid(),
            qPrintable(r.out));
        // The current-faults report no longer has it.
        const Run now = faultboard(
            {QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY(
            findFault(QJsonDocument::fromJson(now.out.toUtf8())[QLatin1String("faults")].toArray(),
                      QStringLiteral("npu-0002"), QStringLiteral("NT_NPU_CARD_LOSE"))
                .isEmpty());
    }

    void twoWatchesAndAWindowOnOneHistoryFileEachReportEveryTransition()
    {
        // Its own cluster: one history file shared by three recorders and nothing else.
        TestCluster cluster(
            {QStringLiteral("--paused"), QStringLiteral("--nodes"), QStringLiteral("16")});
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
        const QString file =
            models::FaultHistory::defaultPath(cluster.serverUrl(), QStringLiteral("kubesim"));
        QStringList names;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(cluster.request("GET", QStringLiteral("/api/v1/nodes")).body)
                 .object()[QLatin1String("items")]
                 .toArray())
            names << v[QLatin1String("metadata")][QLatin1String("name")].toString();
        QCOMPARE(names.size(), 16);

        struct Watch
        {
            QProcess process;
            QByteArray out;
            QByteArray err;
        };
        std::vector<std::unique_ptr<Watch>> watches;
        for (int i = 0; i < 2; ++i) {
            auto w = std::make_unique<Watch>();
            Watch *raw = w.get();
            w->process.setProcessEnvironment(environment());
            connect(&w->process, &QProcess::readyReadStandardOutput, this,
                    [raw] { raw->out += raw->process.readAllStandardOutput(); });
            connect(&w->process, &QProcess::readyReadStandardError, this,
                    [raw] { raw->err += raw->process.readAllStandardError(); });
            w->process.start(QStringLiteral(FAULTBOARD_PATH),
                             {QStringLiteral("watch"), QStringLiteral("--format"),
                              QStringLiteral("jsonl"), QStringLiteral("--kubeconfig"),
                              cluster.kubeconfigPath()});
            watches.push_back(std::move(w));
        }
        // The window: a session recording into the same file, in this process.
        models::ClusterSession::Options options;
        options.history.path = file;
        models::ClusterSession window(cluster.endpoint(),
                                      models::Classifier(models::Taxonomy::builtIn()), options);
        int windowSaw = 0;
        const QString type = QStringLiteral("NT_NPU_NET");
        connect(window.history(), &models::FaultHistory::written, this,
                [&](const models::HistoryWriteResult &r) {
                    for (const models::HistoryEvent &e : r.observed)
                        if (e.type == type)
                            ++windowSaw;
                });
        QSignalSpy synced(&window, &models::ClusterSession::synced);
        window.start();
        QVERIFY(synced.wait(20000));
        for (const auto &w : watches)
            QTRY_VERIFY2_WITH_TIMEOUT(w->err.contains("faultboard: watching 16 node"),
                                      w->err.constData(), 20000);

        // What a watch printed of the flips: "node time" each.
        const auto flipsPrinted = [&](const QByteArray &out) {
            QStringList seen;
            for (const QByteArray &line : out.split('\n')) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                if (o[QLatin1String("type")].toString() == type)
                    seen << o[QLatin1String("node")].toString() + QLatin1Char(' ') +
                                o[QLatin1String("time")].toString();
            }
            return seen;
        };
        // 50 flips over 10 nodes, each with its own transition time; the next one once all three
        // observed the last, so none can see two flips of a node at once (and merge them).
        const QDateTime base = QDateTime::currentDateTimeUtc().addSecs(-3600);
        for (int i = 0; i < 50; ++i) {
            const QString node = names.at(i % 10);
            const QJsonObject action{
                {QStringLiteral("node"), node},
                {QStringLiteral("condition"),
                 QJsonObject{{QStringLiteral("type"), type},
                             {QStringLiteral("status"),
                              (i / 10) % 2 == 0 ? QStringLiteral("True") : QStringLiteral("False")},
                             {QStringLiteral("reason"), QStringLiteral("Flip")},
                             {QStringLiteral("message"), QString::number(i)},
                             {QStringLiteral("lastTransitionTime"),
                              base.addSecs(i).toString(Qt::ISODate)}}}};
            QVERIFY(cluster.changeNode(action));
            QTRY_COMPARE_WITH_TIMEOUT(windowSaw, i + 1, 10000);
            for (const auto &w : watches)
                QTRY_VERIFY2_WITH_TIMEOUT(flipsPrinted(w->out).size() >= i + 1,
                                          qPrintable(QStringLiteral("flip %1: %2 printed")
                                                         .arg(i)
                                                         .arg(flipsPrinted(w->out).size())),
                                          10000);
        }

        // Every watch printed every flip once, whichever process stored the row.
        for (const auto &w : watches) {
            const QStringList printed = flipsPrinted(w->out);
            QCOMPARE(printed.size(), 50);
            QCOMPARE(QSet<QString>(printed.begin(), printed.end()).size(), 50);
            w->process.terminate();
            QVERIFY(w->process.waitForFinished(10000));
            QCOMPARE(w->process.exitCode(), 0);
            QVERIFY2(!w->err.contains("fault history"), w->err.constData());
        }
        window.stop();
        window.history()->flush().waitForFinished();

        // The file holds each transition once, and each node's appearance at most once.
        models::HistoryDatabase db(file);
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        int rows = 0;
        int distinct = 0;
        for (const QString &node : names) {
            QSet<QString> keys;
            for (const models::HistoryEvent &e : db.timeline(node, {}, {}, 0, &error)) {
                if (e.kind != models::HistoryEvent::Kind::Transition || e.type != type)
                    continue;
                ++rows;
                keys.insert(e.newStatus + QLatin1Char(' ') + e.time.toString(Qt::ISODate));
            }
            distinct += int(keys.size());
        }
        QCOMPARE(rows, 50);
        QCOMPARE(distinct, 50);
        for (const QString &node : names) {
            int added = 0;
            for (const models::HistoryEvent &e : db.timeline(node, {}, {}, 0, &error))
                added += e.kind == models::HistoryEvent::Kind::NodeAdded ? 1 : 0;
            QVERIFY2(added <= 1, qPrintable(node));
        }
    }

    void watchTextStopsAfterDurationAndOnSigterm()
    {
        QProcess watch;
        watch.setProcessEnvironment(environment());
        QByteArray out;
        QByteArray err;
        connect(&watch, &QProcess::readyReadStandardOutput, this,
                [&] { out += watch.readAllStandardOutput(); });
        connect(&watch, &QProcess::readyReadStandardError, this,
                [&] { err += watch.readAllStandardError(); });
        QSignalSpy finished(&watch, &QProcess::finished);
        watch.start(QStringLiteral(FAULTBOARD_PATH),
                    {QStringLiteral("watch"), QStringLiteral("--duration"), QStringLiteral("4"),
                     QStringLiteral("--kubeconfig"), m_cluster->kubeconfigPath()});
        QTRY_VERIFY2_WITH_TIMEOUT(err.contains("watching"), err.constData(), 20000);
        QElapsedTimer sinceSync;
        sinceSync.start();
        // npu-0001's card loss (from the report test) ends.
        QVERIFY(m_cluster->setCondition(
            QStringLiteral("npu-0001"), QStringLiteral("NT_NPU_CARD_LOSE"), QStringLiteral("False"),
            QStringLiteral("os_task_name:npu-card-lose"), QStringLiteral("all 8 NPUs back")));
        static const QRegularExpression line(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ npu-0001 NT_NPU_CARD_LOSE "
                           "True → False critical recovered — "
                           "os_task_name:npu-card-lose: all 8 NPUs back$"),
            QRegularExpression::MultilineOption);
        QTRY_VERIFY2_WITH_TIMEOUT(line.match(QString::fromUtf8(out)).hasMatch(), out.constData(),
                                  10000);
        // It ends by itself after --duration.
        QVERIFY(finished.wait(15000));
        QVERIFY(sinceSync.elapsed() >= 3000);
        QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.exitCode(), 0);

        // SIGTERM (and Ctrl+C) stop it cleanly with status 0.
        err.clear();
        finished.clear();
        watch.start(
            QStringLiteral(FAULTBOARD_PATH),
            {QStringLiteral("watch"), QStringLiteral("--kubeconfig"), m_cluster->kubeconfigPath()});
        QTRY_VERIFY2_WITH_TIMEOUT(err.contains("watching"), err.constData(), 20000);
        watch.terminate();
        QVERIFY(finished.wait(10000));
        QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.exitCode(), 0);
    }

    void cleanupTestCase() { m_cluster.reset(); }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

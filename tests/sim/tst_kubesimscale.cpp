// kubesim at scale: resources/scenarios/large-65k.json served, listed in pages, and watched
// through a fault storm across a rack and a whole zone of a pool, with kubesim's memory, its
// populate time and the list times printed. ctest runs the scenario scaled down to 1/50 (1,300
// nodes, 2,600 pods); the figures in docs/performance-kubesim.md come from the full scenario:
//   FAULTBOARD_KUBESIM_NODES=65000 QTEST_FUNCTION_TIMEOUT=1800000 ./build/bin/tst_kubesimscale

#include "kube/ApiCall.h"
#include "kube/ApiClient.h"
#include "kube/ApiStream.h"
#include "tests/common/TestCluster.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

// The full scenario has 65,000 nodes; FAULTBOARD_KUBESIM_NODES asks for about that many (the pools
// keep their proportions), ctest's default is a fiftieth.
int wantedNodes()
{
    const int n = qEnvironmentVariableIntValue("FAULTBOARD_KUBESIM_NODES");
    return n > 0 ? n : 1300;
}

QString memoryOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    QStringList out;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM") || line.startsWith("VmRSS"))
            out << QString::fromLatin1(line.simplified());
    return out.join(QLatin1String(", "));
}

} // namespace

class TestKubesimScale : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // large-65k.json with every pool resized so the total is about `nodes`.
    QString scenarioFor(int nodes, int *total)
    {
        QFile f(str(FAULTBOARD_SOURCE_DIR "/resources/scenarios/large-65k.json"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QJsonObject scenario = QJsonDocument::fromJson(f.readAll()).object();
        QJsonObject cluster = scenario.value(str("cluster")).toObject();
        QJsonArray pools = cluster.value(str("pools")).toArray();
        *total = 0;
        for (qsizetype i = 0; i < pools.size(); ++i) {
            QJsonObject pool = pools[i].toObject();
            const int count = int(qint64(pool.value(str("count")).toInt()) * nodes / 65000);
            pool.insert(str("count"), count);
            *total += count;
            pools[i] = pool;
        }
        cluster.insert(str("pools"), pools);
        scenario.insert(str("cluster"), cluster);
        const QString path = m_dir.filePath(str("scenario.json"));
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(scenario).toJson()) <= 0)
            return {};
        return path;
    }

    static qint64 runKubectl(const QString &kubeconfig, const QStringList &args, int *lines)
    {
        const QString program = QStandardPaths::findExecutable(str("kubectl"));
        if (program.isEmpty())
            return -1;
        QTemporaryDir home;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(str("HOME"), home.path());
        env.remove(str("KUBECONFIG"));
        p.setProcessEnvironment(env);
        QElapsedTimer t;
        t.start();
        p.start(program, QStringList{str("--kubeconfig"), kubeconfig, str("--cache-dir"),
                                     home.filePath(str("cache")), str("--request-timeout=600s")} +
                             args);
        if (!p.waitForFinished(900000) || p.exitCode() != 0) {
            qWarning("kubectl %s: %s", qPrintable(args.join(QLatin1Char(' '))),
                     p.readAllStandardError().constData());
            return -1;
        }
        const qint64 ms = t.elapsed();
        *lines = int(p.readAllStandardOutput().count('\n'));
        return ms;
    }

private slots:
    void servesListsAndWatchesAStorm()
    {
        QVERIFY(m_dir.isValid());
        int total = 0;
        const QString scenario = scenarioFor(wantedNodes(), &total);
        QVERIFY(!scenario.isEmpty());
        const bool full = qEnvironmentVariableIsSet("FAULTBOARD_KUBESIM_NODES");

        // Startup: populate, certificates, listening, kubeconfig written.
        TestCluster cluster({str("--paused"), str("--scenario"), scenario});
        QElapsedTimer startup;
        startup.start();
        QVERIFY2(cluster.start(full ? 1800000 : 120000), qPrintable(cluster.errorString()));
        const qint64 startupMs = startup.elapsed();
        const qint64 pid = cluster.process().process()->processId();
        qInfo("kubesim: %d nodes; startup (populate + listen) %lld ms; %s", total, startupMs,
              qPrintable(memoryOf(pid)));

        // Every node, in pages of 500, as a client's initial list.
        kube::ApiClient client(cluster.endpoint());
        auto get = [&](const QString &path, const QString &query) {
            kube::ApiRequest req;
            req.path = path;
            req.query = QUrlQuery(query);
            req.timeoutMs = 600000;
            kube::ApiResponse response;
            bool done = false;
            connect(client.send(req), &kube::ApiCall::finished, this,
                    [&](const kube::ApiResponse &r) {
                        response = r;
                        done = true;
                    });
            if (!QTest::qWaitFor([&] { return done; }, 600000))
                response.error = kube::ApiError::cancelled(str("timed out"));
            return response;
        };
        QElapsedTimer listTimer;
        listTimer.start();
        QString cont, listRv;
        QSet<QString> rackNodes, zoneNodes;
        int listed = 0;
        qint64 listBytes = 0;
        do {
            const kube::ApiResponse page =
                get(str("/api/v1/nodes"),
                    str("limit=500") + (cont.isEmpty() ? QString() : str("&continue=") + cont));
            QVERIFY2(page.status == 200, qPrintable(page.error.toString()));
            listBytes += page.body.size();
            const QJsonObject list = QJsonDocument::fromJson(page.body).object();
            const QJsonObject md = list.value(str("metadata")).toObject();
            if (listRv.isEmpty())
                listRv = md.value(str("resourceVersion")).toString();
            cont = md.value(str("continue")).toString();
            for (const QJsonValue &v : list.value(str("items")).toArray()) {
                const QJsonObject meta = v.toObject().value(str("metadata")).toObject();
                const QJsonObject labels = meta.value(str("labels")).toObject();
                const QString name = meta.value(str("name")).toString();
                if (labels.value(str("rack")).toString() == str("gpu-r03"))
                    rackNodes.insert(name);
                if (labels.value(str("pool")).toString() == str("npu-910b") &&
                    labels.value(str("topology.kubernetes.io/zone")).toString() ==
                        str("cn-north-4c"))
                    zoneNodes.insert(name);
                ++listed;
            }
        } while (!cont.isEmpty());
        const qint64 listMs = listTimer.elapsed();
        qInfo("client list in pages of 500: %lld ms, %lld bytes", listMs, listBytes);
        QCOMPARE(listed, total);
        QCOMPARE(rackNodes.size(), 16);
        // A quarter of the NPU racks are in that zone.
        QVERIFY2(zoneNodes.size() >= total / 10, qPrintable(QString::number(zoneNodes.size())));
        QVERIFY2(listBytes / listed > 4000, "nodes are several KB each, as on a real cluster");

        // A watch from the list, then a storm across a rack and one across a zone of the NPUs.
        kube::ApiRequest watchReq;
        watchReq.path = str("/api/v1/nodes");
        watchReq.query =
            QUrlQuery(str("watch=1&allowWatchBookmarks=true&resourceVersion=") + listRv);
        watchReq.timeoutMs = 0;
        QPointer<kube::ApiStream> stream = client.openStream(watchReq);
        QByteArray pending;
        QSet<QString> gpuLost, npuNetDown;
        int events = 0;
        bool ended = false;
        auto conditionTrue = [](const QJsonObject &node, const QString &type) {
            for (const QJsonValue &c :
                 node.value(str("status")).toObject().value(str("conditions")).toArray())
                if (c.toObject().value(str("type")).toString() == type)
                    return c.toObject().value(str("status")).toString() == str("True");
            return false;
        };
        connect(stream, &kube::ApiStream::dataReceived, this, [&](const QByteArray &d) {
            pending += d;
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                const QJsonObject event = QJsonDocument::fromJson(pending.left(nl)).object();
                pending.remove(0, nl + 1);
                if (event.value(str("type")).toString() != str("MODIFIED"))
                    continue;
                ++events;
                const QJsonObject node = event.value(str("object")).toObject();
                const QString name =
                    node.value(str("metadata")).toObject().value(str("name")).toString();
                if (conditionTrue(node, str("NT_GPU_CARD_LOSE")))
                    gpuLost.insert(name);
                if (conditionTrue(node, str("NT_NPU_NET")))
                    npuNetDown.insert(name);
            }
        });
        connect(stream, &kube::ApiStream::finished, this, [&] { ended = true; });

        QElapsedTimer stormTimer;
        stormTimer.start();
        QVERIFY(cluster.control(
            str("inject"),
            R"([{"storm":{"rack":"gpu-r03","condition":{"type":"NT_GPU_CARD_LOSE","status":"True","reason":"os_task_name:gpu-card-lose","message":"GPU has fallen off the bus"}}},)"
            R"({"storm":{"pool":"npu-910b","zone":"cn-north-4c","condition":{"type":"NT_NPU_NET","status":"True","reason":"os_task_name:npu-net","message":"NPU network link down"}}}])"));
        const int timeout = full ? 600000 : 60000;
        QTRY_COMPARE_WITH_TIMEOUT(npuNetDown.size(), zoneNodes.size(), timeout);
        QTRY_COMPARE_WITH_TIMEOUT(gpuLost.size(), rackNodes.size(), timeout);
        const qint64 stormMs = stormTimer.elapsed();
        qInfo("storm on %lld nodes (rack + zone): all %d watch events in %lld ms; %s",
              qint64(rackNodes.size() + zoneNodes.size()), events, stormMs,
              qPrintable(memoryOf(pid)));
        QCOMPARE(gpuLost, rackNodes);
        QCOMPARE(npuNetDown, zoneNodes);
        QVERIFY(!ended);
        if (stream)
            stream->cancel();

        // kubectl against the same server: the table (server-side) always; -o json, which
        // decodes every node fully (about 4 ms a node), only for benchmark runs.
        int tableLines = 0, jsonLines = 0;
        const qint64 tableMs =
            runKubectl(cluster.kubeconfigPath(), {str("get"), str("nodes")}, &tableLines);
        QVERIFY2(tableMs >= 0, "kubectl get nodes failed (is kubectl on PATH?)");
        qInfo("kubectl get nodes (table): %lld ms", tableMs);
        QCOMPARE(tableLines, total + 1);
        qint64 jsonMs = -1;
        if (full) {
            jsonMs = runKubectl(
                cluster.kubeconfigPath(),
                {str("get"), str("nodes"), str("-o"), str("json"), str("--chunk-size=500")},
                &jsonLines);
            QVERIFY(jsonMs >= 0);
            qInfo("kubectl get nodes -o json --chunk-size=500: %lld ms", jsonMs);
        }
        qInfo("kubesim after all that: %s", qPrintable(memoryOf(pid)));
    }
};

QTEST_GUILESS_MAIN(TestKubesimScale)
#include "tst_kubesimscale.moc"

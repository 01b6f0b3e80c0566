#include "tests/common/TestPrometheus.h"

#include <QFile>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

namespace {

QString program(const char *env, const QString &name)
{
    const QString fromEnv = qEnvironmentVariable(env);
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString found = QStandardPaths::findExecutable(name);
    return found.isEmpty() ? QStringLiteral("/usr/bin/") + name : found;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

TestPrometheus::TestPrometheus() = default;

TestPrometheus::~TestPrometheus()
{
    stop();
}

QString TestPrometheus::prometheusProgram()
{
    return program("FAULTBOARD_PROMETHEUS", QStringLiteral("prometheus"));
}

QString TestPrometheus::promtoolProgram()
{
    return program("FAULTBOARD_PROMTOOL", QStringLiteral("promtool"));
}

QByteArray TestPrometheus::healthyReadySeries(int nodes, qint64 first, qint64 last,
                                              int scrapeSeconds)
{
    QByteArray out = "# TYPE kube_node_status_condition gauge\n";
    for (int i = 0; i < nodes; ++i) {
        for (const char *status : {"false", "unknown"}) {
            const QByteArray series = "kube_node_status_condition{node=\"healthy-" +
                                      QByteArray::number(i).rightJustified(5, '0') +
                                      "\",condition=\"Ready\",status=\"" + status + "\"} 0 ";
            for (qint64 t = first; t < last; t += scrapeSeconds)
                out += series + QByteArray::number(t) + '\n';
        }
    }
    return out + "# EOF\n";
}

bool TestPrometheus::backfill(const QByteArray &openMetrics)
{
    const QString input = m_dir.filePath(QStringLiteral("backfill.om"));
    if (!writeFile(input, openMetrics)) {
        m_error = QStringLiteral("cannot write %1").arg(input);
        return false;
    }
    QProcess promtool;
    promtool.setProcessChannelMode(QProcess::MergedChannels);
    promtool.start(promtoolProgram(),
                   {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"),
                    QStringLiteral("openmetrics"), input, m_dir.filePath(QStringLiteral("data"))});
    if (!promtool.waitForStarted()) {
        m_error = QStringLiteral("cannot run %1 (Debian: apt-get install prometheus; "
                                 "scripts/deps.sh test): %2")
                      .arg(promtoolProgram(), promtool.errorString());
        return false;
    }
    promtool.waitForFinished(120000);
    QFile::remove(input);
    if (promtool.exitStatus() != QProcess::NormalExit || promtool.exitCode() != 0) {
        m_error = QStringLiteral("promtool failed: %1").arg(QString::fromUtf8(promtool.readAll()));
        return false;
    }
    return true;
}

bool TestPrometheus::backfill(int count, const std::function<QByteArray(int)> &chunk,
                              int blockHours)
{
    struct Run
    {
        std::unique_ptr<QProcess> process;
        QString input;
    };
    std::vector<Run> running;
    // Waits for the oldest run; false (with m_error) when it failed.
    const auto finishOne = [&] {
        Run run = std::move(running.front());
        running.erase(running.begin());
        run.process->waitForFinished(120000);
        QFile::remove(run.input);
        if (run.process->exitStatus() != QProcess::NormalExit || run.process->exitCode() != 0) {
            m_error = QStringLiteral("promtool failed on %1: %2")
                          .arg(run.input, QString::fromUtf8(run.process->readAll()));
            return false;
        }
        return true;
    };
    bool ok = true;
    for (int i = 0; i < count && ok; ++i) {
        if (running.size() >= 2)
            ok = finishOne();
        if (!ok)
            break;
        Run run;
        run.input = m_dir.filePath(QStringLiteral("backfill-%1.om").arg(i));
        if (!writeFile(run.input, chunk(i))) {
            m_error = QStringLiteral("cannot write %1").arg(run.input);
            ok = false;
            break;
        }
        run.process = std::make_unique<QProcess>();
        run.process->setProcessChannelMode(QProcess::MergedChannels);
        run.process->start(promtoolProgram(),
                           {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"),
                            QStringLiteral("openmetrics"),
                            QStringLiteral("--max-block-duration=%1h").arg(blockHours), run.input,
                            m_dir.filePath(QStringLiteral("data"))});
        if (!run.process->waitForStarted()) {
            m_error = QStringLiteral("cannot run %1 (Debian: apt-get install prometheus; "
                                     "scripts/deps.sh test): %2")
                          .arg(promtoolProgram(), run.process->errorString());
            ok = false;
            break;
        }
        running.push_back(std::move(run));
    }
    while (!running.empty())
        ok = finishOne() && ok;
    return ok;
}

bool TestPrometheus::start(int readyTimeoutMs)
{
    // A free port: Prometheus cannot report the one it got for :0.
    quint16 port = 0;
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            m_error = probe.errorString();
            return false;
        }
        port = probe.serverPort();
    }
    const QString config = m_dir.filePath(QStringLiteral("prometheus.yml"));
    writeFile(config, m_config);
    QStringList args{QStringLiteral("--config.file=") + config,
                     QStringLiteral("--storage.tsdb.path=") +
                         m_dir.filePath(QStringLiteral("data")),
                     QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                     QStringLiteral("--log.level=info")};
    if (!m_webConfig.isEmpty()) {
        const QString web = m_dir.filePath(QStringLiteral("web.yml"));
        writeFile(web, m_webConfig);
        args << QStringLiteral("--web.config.file=") + web;
    }
    args << m_extraArguments;
    m_log.clear(); // started again: the last run's "ready" is not this one's
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QObject::connect(m_process.get(), &QProcess::readyRead, m_process.get(),
                     [this] { m_log += m_process->readAll(); });
    m_process->start(prometheusProgram(), args);
    if (!m_process->waitForStarted()) {
        m_error = QStringLiteral("cannot run %1 (Debian: apt-get install prometheus; "
                                 "scripts/deps.sh test): %2")
                      .arg(prometheusProgram(), m_process->errorString());
        return false;
    }
    const bool ready = QTest::qWaitFor(
        [this] {
            return m_log.contains("Server is ready to receive web requests.") ||
                   m_process->state() == QProcess::NotRunning;
        },
        readyTimeoutMs);
    if (!ready || m_process->state() == QProcess::NotRunning) {
        m_error = QStringLiteral("Prometheus did not become ready: %1").arg(log().right(2000));
        return false;
    }
    m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    return true;
}

void TestPrometheus::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

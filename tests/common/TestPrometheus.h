#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>

// A real Prometheus for a test: Debian's `prometheus` (FAULTBOARD_PROMETHEUS overrides the
// binary, FAULTBOARD_PROMTOOL promtool's) on a free loopback port, with its storage in a
// temporary folder that goes with it. Blocking helpers: tests only, never a GUI thread.
class TestPrometheus
{
public:
    TestPrometheus();
    ~TestPrometheus();

    static QString prometheusProgram();
    static QString promtoolProgram();

    // kube-state-metrics' Ready series of `nodes` healthy nodes (healthy-00000, ...): False and
    // Unknown, 0, every `scrapeSeconds` over [first, last), as OpenMetrics for backfill(). A
    // fleet whose Ready query reads 2 x `nodes` series at each evaluation (1000 nodes: several
    // milliseconds, past a --query.timeout of 1ms even for one step) and finds no fault.
    static QByteArray healthyReadySeries(int nodes, qint64 first, qint64 last,
                                         int scrapeSeconds = 60);

    // Backfills the storage from an OpenMetrics text (`promtool tsdb create-blocks-from
    // openmetrics`); before start(). False with errorString().
    bool backfill(const QByteArray &openMetrics);
    // The same from `count` OpenMetrics texts made by `chunk(i)`, each holding only samples of
    // one aligned window of `blockHours` (2, 6, 18 or 54: promtool's block sizes). promtool reads
    // its whole input once for every block it writes, so a week in one file is read 84 times;
    // one block per run reads each sample once, and two runs go at a time (one per core).
    bool backfill(int count, const std::function<QByteArray(int)> &chunk, int blockHours);
    // prometheus.yml (default: no scrape jobs) and the web config (--web.config.file: TLS, basic
    // auth); before start().
    void setConfig(const QByteArray &yaml) { m_config = yaml; }
    void setWebConfig(const QByteArray &yaml) { m_webConfig = yaml; }
    // More command-line flags (--query.max-samples=5000); before start().
    void setExtraArguments(const QStringList &args) { m_extraArguments = args; }

    // Starts it and waits until it says it is ready for web requests; again after stop(), on
    // the same storage, with the flags set since (on another port).
    bool start(int readyTimeoutMs = 30000);
    void stop();
    QUrl url() const { return m_url; }
    QString errorString() const { return m_error; }
    QString log() const { return QString::fromUtf8(m_log); }

private:
    QTemporaryDir m_dir;
    QByteArray m_config = "global:\n  scrape_interval: 1m\n";
    QByteArray m_webConfig;
    QStringList m_extraArguments;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
    QUrl m_url;
    QString m_error;
};

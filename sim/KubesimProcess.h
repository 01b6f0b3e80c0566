#pragma once

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace sim {

// Starts kubesim as a child process on a free loopback port and reports when it serves: for
// `faultboard --demo` and for tests. The kubeconfig lands in a private temporary folder.
class KubesimProcess : public QObject
{
    Q_OBJECT

public:
    explicit KubesimProcess(QObject *parent = nullptr);
    ~KubesimProcess() override;

    // Where the kubesim binary is: FAULTBOARD_KUBESIM, else next to the running executable.
    static QString defaultProgram();

    void setProgram(const QString &path) { m_program = path; }
    void setArguments(const QStringList &extra) { m_extraArgs = extra; }
    void start();
    // Blocks until ready or failed (tests and headless commands only; never on a GUI thread).
    bool waitForReady(int msecs = 30000);
    void stop();

    bool isReady() const { return m_ready; }
    QUrl serverUrl() const { return m_url; }
    QString kubeconfigPath() const;
    QString errorString() const { return m_error; }
    QProcess *process() const { return m_process; }

signals:
    void ready();
    void failed(const QString &error);

private:
    void fail(const QString &error);

    QString m_program;
    QStringList m_extraArgs;
    QProcess *m_process = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QUrl m_url;
    QString m_error;
    bool m_ready = false;
};

} // namespace sim

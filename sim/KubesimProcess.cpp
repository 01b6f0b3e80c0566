#include "sim/KubesimProcess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>

namespace sim {

KubesimProcess::KubesimProcess(QObject *parent)
    : QObject(parent)
    , m_program(defaultProgram())
{}

KubesimProcess::~KubesimProcess()
{
    stop();
}

QString KubesimProcess::defaultProgram()
{
    const QByteArray env = qgetenv("FAULTBOARD_KUBESIM");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return QCoreApplication::applicationDirPath() + QStringLiteral("/kubesim");
}

QString KubesimProcess::kubeconfigPath() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("kubeconfig")) : QString();
}

void KubesimProcess::start()
{
    stop();
    m_ready = false;
    m_error.clear();
    m_stdout.clear();
    m_stderr.clear();
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/kubesim-XXXXXX"));
    m_process = new QProcess(this);
    m_process->setProgram(m_program);
    // kubesim goes down with whoever started it, even when that process is killed (a demo window
    // closed by SIGTERM at logout, a test that crashed) and cannot stop it itself.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process->setArguments(QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                                        QStringLiteral("--kubeconfig"), kubeconfigPath()} +
                            m_extraArgs);
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] {
        m_stdout += m_process->readAllStandardOutput();
        if (m_ready)
            return;
        const qsizetype nl = m_stdout.indexOf('\n');
        if (nl < 0)
            return;
        m_url = QUrl(QString::fromUtf8(m_stdout.left(nl).trimmed()));
        if (!m_url.isValid() || m_url.port() <= 0)
            return fail(tr("kubesim printed an unexpected first line: %1")
                            .arg(QString::fromUtf8(m_stdout.left(nl))));
        m_ready = true;
        emit ready();
    });
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        m_stderr += m_process->readAllStandardError();
        if (m_stderr.size() > 64 * 1024)
            m_stderr = m_stderr.right(32 * 1024);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            fail(tr("cannot start kubesim (%1): %2").arg(m_program, m_process->errorString()));
    });
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
        if (!m_ready)
            fail(tr("kubesim exited with code %1: %2")
                     .arg(code)
                     .arg(QString::fromUtf8(m_stderr).trimmed()));
    });
    m_process->start();
}

void KubesimProcess::fail(const QString &error)
{
    if (!m_error.isEmpty())
        return;
    m_error = error;
    emit failed(error);
}

bool KubesimProcess::waitForReady(int msecs)
{
    if (m_ready)
        return true;
    if (!m_error.isEmpty())
        return false;
    QEventLoop loop;
    connect(this, &KubesimProcess::ready, &loop, &QEventLoop::quit);
    connect(this, &KubesimProcess::failed, &loop, &QEventLoop::quit);
    QTimer::singleShot(msecs, &loop, &QEventLoop::quit);
    loop.exec();
    if (!m_ready && m_error.isEmpty())
        m_error = tr("kubesim did not start within %1 s").arg(msecs / 1000);
    return m_ready;
}

void KubesimProcess::stop()
{
    if (m_process) {
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(5000))
                m_process->kill();
            m_process->waitForFinished(2000);
        }
        delete m_process;
        m_process = nullptr;
    }
    m_ready = false;
}

} // namespace sim

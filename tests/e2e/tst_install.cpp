// The install tree and the .deb: `cmake --install` into a temporary prefix and the package built
// by CPack unpacked into a temporary root; from each, faultboard --version runs and the desktop
// files are where a Linux desktop looks for them.

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString run(const QString &program, const QStringList &args, int *exitCode, const QString &workDir = {})
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    if (!p.waitForFinished(300000)) {
        *exitCode = -1;
        return QStringLiteral("timed out");
    }
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromLocal8Bit(p.readAll());
}

void checkTree(const QString &prefix)
{
    for (const char *f : {"bin/faultboard", "bin/kubesim", "share/applications/io.faultboard.Faultboard.desktop",
                          "share/metainfo/io.faultboard.Faultboard.metainfo.xml",
                          "share/icons/hicolor/scalable/apps/io.faultboard.Faultboard.svg"})
        QVERIFY2(QFileInfo::exists(prefix + QLatin1Char('/') + QLatin1String(f)), f);
    int code = 0;
    const QString out = run(prefix + QStringLiteral("/bin/faultboard"), {QStringLiteral("--version")}, &code);
    QCOMPARE(code, 0);
    QCOMPARE(out.trimmed(), QStringLiteral("faultboard " FAULTBOARD_VERSION));
    const QString simOut = run(prefix + QStringLiteral("/bin/kubesim"), {QStringLiteral("--version")}, &code);
    QCOMPARE(code, 0);
    QVERIFY(simOut.contains(QLatin1String(FAULTBOARD_VERSION)));
}

} // namespace

class TestInstall : public QObject
{
    Q_OBJECT

private slots:
    void cmakeInstallTree()
    {
        QTemporaryDir prefix;
        int code = 0;
        const QString out = run(QStringLiteral("cmake"), {QStringLiteral("--install"), QStringLiteral(FAULTBOARD_BUILD_DIR),
                                                          QStringLiteral("--prefix"), prefix.path()}, &code);
        QVERIFY2(code == 0, qPrintable(out));
        checkTree(prefix.path());
    }

    void debianPackage()
    {
        QTemporaryDir work;
        int code = 0;
        const QString out = run(QStringLiteral("cpack"), {QStringLiteral("-G"), QStringLiteral("DEB"),
                                                          QStringLiteral("--config"), QStringLiteral(FAULTBOARD_BUILD_DIR "/CPackConfig.cmake"),
                                                          QStringLiteral("-B"), work.path()}, &code);
        QVERIFY2(code == 0, qPrintable(out));
        const QStringList debs = QDir(work.path()).entryList({QStringLiteral("*.deb")});
        QCOMPARE(debs.size(), 1);
        const QString deb = work.filePath(debs.first());
        const QString info = run(QStringLiteral("dpkg-deb"), {QStringLiteral("--info"), deb}, &code);
        QCOMPARE(code, 0);
        QVERIFY2(info.contains(QLatin1String("Package: faultboard")), qPrintable(info));
        QVERIFY(info.contains(QLatin1String("libqt6widgets6")));
        QTemporaryDir root;
        run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), deb, root.path()}, &code);
        QCOMPARE(code, 0);
        checkTree(root.path() + QStringLiteral("/usr"));
    }
};

QTEST_GUILESS_MAIN(TestInstall)
#include "tst_install.moc"

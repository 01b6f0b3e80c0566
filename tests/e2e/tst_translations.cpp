// Every user-visible string is translated: the committed Simplified Chinese (and English, for
// plural forms) translations cover every tr() text in the sources, with nothing unfinished.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct TsStats
{
    int messages = 0;
    QStringList unfinished; // source texts without a finished translation
};

// numerusOnly: only messages with plural forms count (the English file translates nothing else;
// the source text is the English).
TsStats readTs(const QString &path, bool numerusOnly = false)
{
    TsStats st;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QXmlStreamReader xml(&f);
    QString source;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("message")) {
            numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            if (numerusOnly && !numerus)
                continue;
            ++st.messages;
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            if (type == QLatin1String("vanished") || type == QLatin1String("obsolete")) {
                --st.messages;
                continue;
            }
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (type == QLatin1String("unfinished") || text.trimmed().isEmpty())
                st.unfinished << source;
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return st;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void chineseIsComplete()
    {
        const TsStats st = readTs(QStringLiteral(FAULTBOARD_SOURCE_DIR "/translations/faultboard_zh_CN.ts"));
        QVERIFY(st.messages > 100);
        QVERIFY2(st.unfinished.isEmpty(), qPrintable(QStringLiteral("%1 untranslated, e.g.: %2")
                                                         .arg(st.unfinished.size())
                                                         .arg(st.unfinished.mid(0, 10).join(QLatin1String(" | ")))));
    }

    void englishPluralsAreComplete()
    {
        const TsStats st = readTs(QStringLiteral(FAULTBOARD_SOURCE_DIR "/translations/faultboard_en.ts"), true);
        QVERIFY(st.messages > 10);
        QVERIFY2(st.unfinished.isEmpty(), qPrintable(st.unfinished.mid(0, 10).join(QLatin1String(" | "))));
    }

    void translationsAreCurrentWithTheSources()
    {
        // Run lupdate over the sources into a copy: it must find no new text.
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("faultboard_zh_CN.ts"));
        QVERIFY(QFile::copy(QStringLiteral(FAULTBOARD_SOURCE_DIR "/translations/faultboard_zh_CN.ts"), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        // The same project lupdate gets from the build (include paths, every layer's sources),
        // so contexts carry their namespaces as in the app.
        const QString project = dir.filePath(QStringLiteral("project.json"));
        QProcess gen;
        gen.setProcessChannelMode(QProcess::MergedChannels);
        gen.start(QStringLiteral(CMAKE_COMMAND_PATH),
                  {QStringLiteral("-DIN_FILE=" LUPDATE_PROJECT_IN), QStringLiteral("-DOUT_FILE=") + project,
                   QStringLiteral("-P"), QStringLiteral(LUPDATE_PROJECT_SCRIPT)});
        QVERIFY(gen.waitForFinished(60000));
        QVERIFY2(gen.exitCode() == 0, gen.readAll().constData());
        const QStringList args{QStringLiteral("-project"), project, QStringLiteral("-no-obsolete"),
                               QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-ts"), copy};
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(LUPDATE_PATH), args);
        QVERIFY(lupdate.waitForFinished(120000));
        const QString out = QString::fromLocal8Bit(lupdate.readAll());
        QCOMPARE(lupdate.exitCode(), 0);
        const QRegularExpression re(QStringLiteral("\\((\\d+) new and (\\d+) already existing\\)"));
        const auto m = re.match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out));
        QVERIFY2(m.captured(1) == QLatin1String("0"),
                 qPrintable(QStringLiteral("sources have %1 text(s) the translations lack; run "
                                           "`cmake --build build --target update_translations` and translate them")
                                .arg(m.captured(1))));
        const TsStats st = readTs(copy);
        QVERIFY2(st.unfinished.isEmpty(), qPrintable(st.unfinished.mid(0, 10).join(QLatin1String(" | "))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"

// models::incidentTime: one spelling of a time for incident timelines, with seconds and the
// zone's offset, whatever the language and the machine's zone (POSIX TZ strings: no tzdata).

#include "models/IncidentTime.h"

#include <QLocale>
#include <QScopeGuard>
#include <QTest>

#include <ctime>

class TestIncidentTime : public QObject
{
    Q_OBJECT

private slots:
    void format_data()
    {
        QTest::addColumn<QByteArray>("tz");
        QTest::addColumn<QString>("expected");
        QTest::newRow("UTC") << QByteArray("UTC0") << QStringLiteral("2026-12-01 07:43:05 UTC");
        QTest::newRow("minutes east")
            << QByteArray("FBT-5:30") << QStringLiteral("2026-12-01 13:13:05 UTC+05:30");
        QTest::newRow("west, the day before")
            << QByteArray("FBT9") << QStringLiteral("2026-11-30 22:43:05 UTC-09:00");
    }

    void format()
    {
        QFETCH(QByteArray, tz);
        QFETCH(QString, expected);
        const QByteArray saved = qgetenv("TZ");
        const auto restore = qScopeGuard([&] {
            QLocale::setDefault(QLocale::c());
            if (saved.isEmpty())
                qunsetenv("TZ");
            else
                qputenv("TZ", saved);
            tzset();
        });
        qputenv("TZ", tz);
        tzset();
        // The language does not change it.
        for (const QLocale &l : {QLocale(QLocale::English, QLocale::UnitedStates),
                                 QLocale(QLocale::Chinese, QLocale::China)}) {
            QLocale::setDefault(l);
            const QDateTime t(QDate(2026, 12, 1), QTime(7, 43, 5), Qt::UTC);
            QCOMPARE(models::incidentTime(t), expected);
        }
    }

    void invalidIsEmpty() { QCOMPARE(models::incidentTime(QDateTime()), QString()); }
};

QTEST_GUILESS_MAIN(TestIncidentTime)
#include "tst_incidenttime.moc"

#include "models/LabelSelector.h"

#include <QTest>

using namespace models;

class TestLabelSelector : public QObject
{
    Q_OBJECT

private slots:
    void matches_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<bool>("npu");  // pool=npu-910b, rack=r1, zone=a, accelerator=ascend
        QTest::addColumn<bool>("gpu");  // pool=gpu-a100, rack=r2, zone=b
        QTest::addColumn<bool>("bare"); // no labels
        QTest::newRow("empty") << "" << true << true << true;
        QTest::newRow("=") << "pool=npu-910b" << true << false << false;
        QTest::newRow("==") << "pool == gpu-a100" << false << true << false;
        QTest::newRow("!= matches missing keys") << "pool!=npu-910b" << false << true << true;
        QTest::newRow("in") << "rack in (r1, r3)" << true << false << false;
        QTest::newRow("notin matches missing keys")
            << "rack notin (r1,r3)" << false << true << true;
        QTest::newRow("exists") << "accelerator" << true << false << false;
        QTest::newRow("does not exist") << "!accelerator" << false << true << true;
        QTest::newRow("and") << "zone in (a,b), pool!=gpu-a100" << true << false << false;
        QTest::newRow("key with prefix")
            << "topology.kubernetes.io/zone" << false << false << false;
        QTest::newRow("empty value") << "pool=" << false << false << false;
        QTest::newRow("spaces") << "  pool  in  ( npu-910b , x )  ,  rack=r1 " << true << false
                                << false;
        QTest::newRow("key named like the operator") << "in in (x)" << false << false << false;
    }

    void matches()
    {
        QFETCH(QString, selector);
        QFETCH(bool, npu);
        QFETCH(bool, gpu);
        QFETCH(bool, bare);
        QString error;
        bool ok = false;
        const LabelSelector s = LabelSelector::parse(selector, &error, &ok);
        QVERIFY2(ok, qPrintable(error));
        kube::StringMap a, b, none;
        a.insert(QStringLiteral("pool"), QStringLiteral("npu-910b"));
        a.insert(QStringLiteral("rack"), QStringLiteral("r1"));
        a.insert(QStringLiteral("zone"), QStringLiteral("a"));
        a.insert(QStringLiteral("accelerator"), QStringLiteral("ascend"));
        b.insert(QStringLiteral("pool"), QStringLiteral("gpu-a100"));
        b.insert(QStringLiteral("rack"), QStringLiteral("r2"));
        b.insert(QStringLiteral("zone"), QStringLiteral("b"));
        QCOMPARE(s.matches(a), npu);
        QCOMPARE(s.matches(b), gpu);
        QCOMPARE(s.matches(none), bare);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no key") << "=x"
                                << "label key";
        QTest::newRow("in without parenthesis") << "rack in r1"
                                                << "\"(\"";
        QTest::newRow("unclosed") << "rack in (r1, r2"
                                  << "\")\"";
        QTest::newRow("garbage after") << "pool=a b"
                                       << "\",\"";
        QTest::newRow("dangling comma") << "pool=a,"
                                        << "label key";
        QTest::newRow("bad character") << "pool=a;b"
                                       << "\",\"";
    }

    void errors()
    {
        QFETCH(QString, selector);
        QFETCH(QString, mentions);
        QString error;
        bool ok = true;
        const LabelSelector s = LabelSelector::parse(selector, &error, &ok);
        QVERIFY(!ok);
        QVERIFY(s.isEmpty());
        QVERIFY2(error.contains(selector) && error.contains(mentions), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("character")), qPrintable(error));
    }
};

QTEST_APPLESS_MAIN(TestLabelSelector)
#include "tst_labelselector.moc"

#include "kube/TaintSpec.h"

#include <QTest>

using namespace kube;

namespace {

std::vector<Taint> taints(const QStringList &specs)
{
    std::vector<Taint> out;
    for (const QString &s : specs) {
        QString err;
        auto t = TaintSpec::parse(s, &err);
        if (!t)
            qFatal("bad fixture %s: %s", qPrintable(s), qPrintable(err));
        out.push_back({t->key, t->value, t->effect, {}});
    }
    return out;
}

QStringList names(const std::vector<Taint> &list)
{
    QStringList out;
    for (const Taint &t : list)
        out << (t.value.isEmpty() ? t.key : t.key + QLatin1Char('=') + t.value) + QLatin1Char(':') +
                   t.effect;
    return out;
}

} // namespace

class TestTaintSpec : public QObject
{
    Q_OBJECT

private slots:
    void parsesKubectlSyntax_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("effect");
        QTest::addColumn<bool>("remove");
        QTest::newRow("key=value:Effect") << "dedicated=gpu:NoSchedule"
                                          << "dedicated"
                                          << "gpu"
                                          << "NoSchedule" << false;
        QTest::newRow("prefixed key") << "example.com/maintenance:NoExecute"
                                      << "example.com/maintenance"
                                      << ""
                                      << "NoExecute" << false;
        QTest::newRow("empty value") << "k=:PreferNoSchedule"
                                     << "k"
                                     << ""
                                     << "PreferNoSchedule" << false;
        QTest::newRow("remove key:Effect") << "dedicated:NoSchedule-"
                                           << "dedicated"
                                           << ""
                                           << "NoSchedule" << true;
        QTest::newRow("remove key") << "dedicated-"
                                    << "dedicated"
                                    << ""
                                    << "" << true;
        QTest::newRow("remove ignores value") << "dedicated=gpu:NoSchedule-"
                                              << "dedicated"
                                              << ""
                                              << "NoSchedule" << true;
    }

    void parsesKubectlSyntax()
    {
        QFETCH(QString, text);
        QString err;
        auto spec = TaintSpec::parse(text, &err);
        QVERIFY2(spec, qPrintable(err));
        QTEST(spec->key, "key");
        QTEST(spec->value, "value");
        QTEST(spec->effect, "effect");
        QTEST(spec->remove, "remove");
    }

    void refusesWithAReason_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no effect") << "dedicated=gpu"
                                   << "an effect is required";
        QTest::newRow("key only") << "dedicated"
                                  << "an effect is required";
        QTest::newRow("bad effect") << "k=v:NoWay"
                                    << "NoSchedule, PreferNoSchedule or NoExecute";
        QTest::newRow("two =") << "k=v=w:NoSchedule"
                               << "key[=value]:Effect";
        QTest::newRow("two :") << "k:NoSchedule:x"
                               << "key[=value]:Effect";
        QTest::newRow("bad key start") << "-k:NoSchedule"
                                       << "start and end with a letter or digit";
        QTest::newRow("bad prefix") << "Example.COM/k:NoSchedule"
                                    << "DNS subdomain";
        QTest::newRow("value too long")
            << QStringLiteral("k=%1:NoSchedule").arg(QString(64, QLatin1Char('a'))) << "at most 63";
        QTest::newRow("bad value") << "k=a b:NoSchedule"
                                   << "the value \"a b\"";
        // fuzz_taintspec: a final line feed passed the name, value and prefix patterns.
        QTest::newRow("key ends in a line feed") << "dedicat\n:NoSchedule-"
                                                 << "the key's name part";
        QTest::newRow("value ends in a line feed") << "k=v\n:NoSchedule"
                                                   << "the value \"v\n\"";
        QTest::newRow("prefix ends in a line feed") << "example.com\n/k:NoSchedule"
                                                    << "DNS subdomain";
    }

    void refusesWithAReason()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QString err;
        QVERIFY(!TaintSpec::parse(text, &err));
        QVERIFY2(err.contains(text), qPrintable(err));
        QVERIFY2(err.contains(expected), qPrintable(err));
    }

    void duplicatesAreRefused()
    {
        QString err;
        QVERIFY(!TaintSpec::parseAll(
            {QStringLiteral("a=1:NoSchedule"), QStringLiteral("a=2:NoSchedule")}, &err));
        QVERIFY2(err.contains(QLatin1String("given twice")), qPrintable(err));
        QVERIFY(TaintSpec::parseAll(
            {QStringLiteral("a=1:NoSchedule"), QStringLiteral("a=2:NoExecute")}, &err));
    }

    void editsLikeKubectl_data()
    {
        QTest::addColumn<QStringList>("current");
        QTest::addColumn<QStringList>("specs");
        QTest::addColumn<bool>("overwrite");
        QTest::addColumn<QStringList>("expected"); // empty with `error` set: refused
        QTest::addColumn<QString>("error");
        const QStringList two{QStringLiteral("a=1:NoSchedule"), QStringLiteral("b:NoExecute")};
        QTest::newRow("add goes first")
            << two << QStringList{"c=3:PreferNoSchedule"} << false
            << QStringList{"c=3:PreferNoSchedule", "a=1:NoSchedule", "b:NoExecute"} << "";
        QTest::newRow("same key other effect")
            << two << QStringList{"a=1:NoExecute"} << false
            << QStringList{"a=1:NoExecute", "a=1:NoSchedule", "b:NoExecute"} << "";
        QTest::newRow("existing needs overwrite")
            << two << QStringList{"a=2:NoSchedule"} << false << QStringList{}
            << "already has taint(s) with key(s) a";
        QTest::newRow("overwrite replaces value")
            << two << QStringList{"a=2:NoSchedule"} << true
            << QStringList{"a=2:NoSchedule", "b:NoExecute"} << "";
        QTest::newRow("remove key:effect")
            << two << QStringList{"b:NoExecute-"} << false << QStringList{"a=1:NoSchedule"} << "";
        QTest::newRow("remove key, every effect")
            << QStringList{"a=1:NoSchedule", "a=1:NoExecute", "b:NoExecute"} << QStringList{"a-"}
            << false << QStringList{"b:NoExecute"} << "";
        QTest::newRow("remove missing")
            << two << QStringList{"x-"} << false << QStringList{} << "not found: x";
        QTest::newRow("remove wrong effect") << two << QStringList{"a:NoExecute-"} << false
                                             << QStringList{} << "not found: a:NoExecute";
        QTest::newRow("remove last")
            << QStringList{"a=1:NoSchedule"} << QStringList{"a-"} << false << QStringList{} << "";
    }

    void editsLikeKubectl()
    {
        QFETCH(QStringList, current);
        QFETCH(QStringList, specs);
        QFETCH(bool, overwrite);
        QFETCH(QStringList, expected);
        QFETCH(QString, error);
        QString err;
        auto parsed = TaintSpec::parseAll(specs, &err);
        QVERIFY2(parsed, qPrintable(err));
        auto result = TaintSpec::apply(taints(current), *parsed, overwrite, &err);
        if (!error.isEmpty()) {
            QVERIFY(!result);
            QVERIFY2(err.contains(error), qPrintable(err));
            return;
        }
        QVERIFY2(result, qPrintable(err));
        QCOMPARE(names(*result), expected);
    }

    void unchangedTaintsKeepTheirTimeAdded()
    {
        const QDateTime added(QDate(2026, 2, 1), QTime(8, 0), Qt::UTC);
        const std::vector<Taint> current{
            {QStringLiteral("b"), {}, QStringLiteral("NoExecute"), added}};
        QString err;
        auto result = TaintSpec::apply(
            current, *TaintSpec::parseAll({QStringLiteral("c:NoSchedule")}, &err), false, &err);
        QVERIFY(result);
        QCOMPARE(result->at(1).timeAdded, added);
    }
};

QTEST_APPLESS_MAIN(TestTaintSpec)
#include "tst_taintspec.moc"

#include "models/Classifier.h"
#include "models/Taxonomy.h"

#include <QRegularExpression>
#include <QTest>

using namespace models;

namespace {

QString dataFile(const char *name)
{
    return QStringLiteral(FAULTBOARD_TEST_DATA "/models/") + QLatin1String(name);
}

} // namespace

class TestTaxonomy : public QObject
{
    Q_OBJECT

private slots:
    void builtInIsCompleteData()
    {
        const Taxonomy t = Taxonomy::builtIn();
        QVERIFY2(t.size() >= 60, qPrintable(QString::number(t.size())));
        for (const FaultType &ft : t.types()) {
            QVERIFY2(Taxonomy::categories().contains(ft.category), qPrintable(ft.type));
            QVERIFY2(!ft.badStatuses.isEmpty(), qPrintable(ft.type));
            QVERIFY2(ft.severity >= Severity::Info, qPrintable(ft.type));
            QVERIFY2(!ft.source.isEmpty(), qPrintable(ft.type));
            for (const char *loc : {"en", "zh_CN"}) {
                const QString l = QLatin1String(loc);
                QVERIFY2(!ft.explanation.value(l).trimmed().isEmpty(),
                         qPrintable(ft.type + QLatin1Char(' ') + l));
                QVERIFY2(!ft.action.value(l).trimmed().isEmpty(),
                         qPrintable(ft.type + QLatin1Char(' ') + l));
            }
            // The Chinese texts are Chinese, not copies of the English ones.
            static const QRegularExpression han(QStringLiteral("\\p{Han}"));
            QVERIFY2(ft.explanation.value(QStringLiteral("zh_CN")).contains(han),
                     qPrintable(ft.type));
            QVERIFY2(ft.action.value(QStringLiteral("zh_CN")).contains(han), qPrintable(ft.type));
        }
    }

    void textsFollowTheLocale()
    {
        const Taxonomy t = Taxonomy::builtIn();
        const FaultType ready = t.lookup(QStringLiteral("Ready"));
        Taxonomy::setTextLocale(QStringLiteral("zh_CN"));
        QCOMPARE(ready.explanationText(), ready.explanation.value(QStringLiteral("zh_CN")));
        Taxonomy::setTextLocale(QStringLiteral("zh_TW")); // falls back to "zh" then English
        QCOMPARE(ready.explanationText(), ready.explanation.value(QStringLiteral("en")));
        Taxonomy::setTextLocale(QStringLiteral("de_DE"));
        QCOMPARE(ready.actionText(), ready.action.value(QStringLiteral("en")));
        Taxonomy::setTextLocale(QStringLiteral("en"));
    }

    void acceleratorResources()
    {
        const Taxonomy t = Taxonomy::builtIn();
        for (const char *r :
             {"nvidia.com/gpu", "amd.com/gpu", "huawei.com/ascend-910", "huawei.com/ascend-310"})
            QVERIFY2(t.accelerator(QLatin1String(r)), r);
        QCOMPARE(t.accelerator(QStringLiteral("huawei.com/ascend-910"))->category,
                 QStringLiteral("npu"));
        QCOMPARE(t.accelerator(QStringLiteral("nvidia.com/gpu"))->kind, QStringLiteral("GPU"));
        QVERIFY(!t.accelerator(QStringLiteral("cpu")));
    }

    void categoryNamesAreTranslatable()
    {
        for (const QString &c : Taxonomy::categories()) {
            QVERIFY(!Taxonomy::categoryName(c).isEmpty());
            QVERIFY2(Taxonomy::categoryName(c) != c, qPrintable(c)); // a display name, not the id
        }
        QCOMPARE(Taxonomy::categoryName(QStringLiteral("nonsense")), QStringLiteral("nonsense"));
    }

    void unknownTypes_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("category");
        QTest::addColumn<int>("severity");
        QTest::newRow("NT_NPU_*") << "NT_NPU_HCCS_LINK"
                                  << "npu" << int(Severity::Major);
        QTest::newRow("NT_GPU_*") << "NT_GPU_SOMETHING"
                                  << "gpu" << int(Severity::Major);
        QTest::newRow("NT_NET_*") << "NT_NET_ROCE_CHECK"
                                  << "network" << int(Severity::Major);
        QTest::newRow("NT_KUBE_*") << "NT_KUBE_PROXY_CHECK"
                                   << "runtime" << int(Severity::Major);
        QTest::newRow("NT_DOCKER_*") << "NT_DOCKER_HUNG"
                                     << "runtime" << int(Severity::Major);
        QTest::newRow("NT_CONTAINERD_*") << "NT_CONTAINERD_HUNG"
                                         << "runtime" << int(Severity::Major);
        QTest::newRow("NT_DISK_*") << "NT_DISK_SMART"
                                   << "storage" << int(Severity::Major);
        QTest::newRow("Gpu*") << "GpuNewWatch"
                              << "gpu" << int(Severity::Major);
        QTest::newRow("Maintenance*") << "MaintenanceWindowOpen"
                                      << "lifecycle" << int(Severity::Info);
        QTest::newRow("no prefix") << "SomethingNew"
                                   << "os" << int(Severity::Major);
    }

    void unknownTypes()
    {
        QFETCH(QString, type);
        QFETCH(QString, category);
        QFETCH(int, severity);
        const Taxonomy t = Taxonomy::builtIn();
        QVERIFY(!t.contains(type));
        const FaultType ft = t.lookup(type);
        QVERIFY(!ft.known);
        QCOMPARE(ft.type, type);
        QCOMPARE(ft.category, category);
        QCOMPARE(int(ft.severity), severity);
        QCOMPARE(ft.badStatuses, QStringList{QStringLiteral("True")});
    }

    void userFileOverrides()
    {
        Taxonomy t = Taxonomy::builtIn();
        const int before = t.size();
        QString error;
        QVERIFY2(t.mergeFile(dataFile("taxonomy-user.json"), &error), qPrintable(error));
        QCOMPARE(t.size(), before + 1);
        const FaultType ntp = t.lookup(QStringLiteral("NT_NET_NTP_CHECK"));
        QCOMPARE(ntp.severity, Severity::Major);
        QCOMPARE(ntp.action.value(QStringLiteral("en")), QStringLiteral("Page the network team."));
        const FaultType site = t.lookup(QStringLiteral("SiteRackPowerDegraded"));
        QVERIFY(site.known);
        QVERIFY(site.isBad(QStringLiteral("Unknown")));
        QCOMPARE(site.severity, Severity::Critical);
        // Entries the user file does not mention keep their built-in values.
        QCOMPARE(t.lookup(QStringLiteral("Ready")).severity, Severity::Critical);
        QCOMPARE(t.lookup(QStringLiteral("HCCSLinkDown")).category, QStringLiteral("npu"));
        QCOMPARE(t.lookup(QStringLiteral("HCCSLinkDown")).severity, Severity::Minor);
        QVERIFY(t.accelerator(QStringLiteral("habana.ai/gaudi")));
        QVERIFY(t.accelerator(QStringLiteral("nvidia.com/gpu")));
        QCOMPARE(t.lookup(QStringLiteral("BrandNew")).severity, Severity::Minor);
        QVERIFY(t.lookup(QStringLiteral("BrandNew")).isBad(QStringLiteral("Unknown")));
    }

    void loadMergesTheUserFile()
    {
        QString error;
        const Taxonomy t = Taxonomy::load(dataFile("taxonomy-user.json"), &error);
        QVERIFY(error.isEmpty());
        QVERIFY(t.contains(QStringLiteral("SiteRackPowerDegraded")));
        const Taxonomy broken = Taxonomy::load(dataFile("taxonomy-bad-severity.json"), &error);
        QVERIFY(error.contains(QLatin1String("taxonomy-bad-severity.json")));
        QCOMPARE(broken.size(), Taxonomy::builtIn().size());
        error.clear();
        const Taxonomy none = Taxonomy::load(dataFile("does-not-exist.json"), &error);
        QVERIFY(error.isEmpty()); // no user file is not an error
        QCOMPARE(none.size(), Taxonomy::builtIn().size());
    }

    void malformedFilesChangeNothing_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("severity") << "taxonomy-bad-severity.json"
                                  << QStringList{"conditions[1]", "BrokenCheck", "severity",
                                                 "catastrophic"};
        QTest::newRow("category") << "taxonomy-bad-category.json"
                                  << QStringList{"conditions[0]", "NT_NET_NTP_CHECK", "category",
                                                 "time"};
        QTest::newRow("no polarity")
            << "taxonomy-missing-bad.json" << QStringList{"conditions[0]", "NoPolarity", "bad"};
        QTest::newRow("no type") << "taxonomy-missing-type.json"
                                 << QStringList{"conditions[0]", "type"};
        QTest::newRow("duplicate")
            << "taxonomy-duplicate.json" << QStringList{"conditions[1]", "Twice", "twice"};
        QTest::newRow("unknown key")
            << "taxonomy-unknown-key.json" << QStringList{"conditions[0]", "Typo", "severty"};
        QTest::newRow("accelerator")
            << "taxonomy-bad-accelerator.json" << QStringList{"accelerators[1]", "resource"};
        QTest::newRow("text") << "taxonomy-bad-text.json"
                              << QStringList{"conditions[0]", "Texts", "explanation.en"};
        QTest::newRow("truncated") << "taxonomy-truncated.json" << QStringList{"JSON", "offset"};
        QTest::newRow("not a list")
            << "taxonomy-conditions-not-list.json" << QStringList{"conditions", "list"};
        QTest::newRow("missing file") << "no-such-taxonomy.json" << QStringList{"cannot read"};
    }

    void malformedFilesChangeNothing()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, mentions);
        Taxonomy t = Taxonomy::builtIn();
        const QList<FaultType> before = t.types();
        QString error;
        const QString path = QStringLiteral(FAULTBOARD_TEST_DATA "/models/") + file;
        QVERIFY(!t.mergeFile(path, &error));
        QVERIFY2(error.contains(file), qPrintable(error));
        for (const QString &m : mentions)
            QVERIFY2(error.contains(m), qPrintable(error + QStringLiteral(" lacks ") + m));
        // Nothing changed: not the good first entry of a file whose second entry is bad either.
        QCOMPARE(t.types().size(), before.size());
        QVERIFY(!t.contains(QStringLiteral("FineCheck")));
        QCOMPARE(t.lookup(QStringLiteral("NT_NET_NTP_CHECK")).category, QStringLiteral("network"));
        QCOMPARE(t.accelerators().size(), Taxonomy::builtIn().accelerators().size());
    }
};

QTEST_APPLESS_MAIN(TestTaxonomy)
#include "tst_taxonomy.moc"

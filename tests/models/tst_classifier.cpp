#include "kube/Node.h"
#include "models/Classifier.h"
#include "models/Taxonomy.h"

#include <QTest>

using namespace models;

namespace {

kube::Node node(std::initializer_list<std::pair<const char *, const char *>> conditions)
{
    kube::Node n;
    n.name = QStringLiteral("n1");
    for (const auto &[type, status] : conditions)
        n.conditions.push_back({QString::fromLatin1(type), QString::fromLatin1(status), {}, {}, {}, {}});
    return n;
}

} // namespace

class TestClassifier : public QObject
{
    Q_OBJECT

private slots:
    void polarity_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("severity");
        QTest::newRow("Ready True") << "Ready" << "True" << int(Severity::Healthy);
        QTest::newRow("Ready False") << "Ready" << "False" << int(Severity::Critical);
        QTest::newRow("Ready Unknown") << "Ready" << "Unknown" << int(Severity::Critical);
        QTest::newRow("MemoryPressure True") << "MemoryPressure" << "True" << int(Severity::Major);
        QTest::newRow("MemoryPressure False") << "MemoryPressure" << "False" << int(Severity::Healthy);
        QTest::newRow("NetworkUnavailable True") << "NetworkUnavailable" << "True" << int(Severity::Critical);
        QTest::newRow("NT_NPU_CARD_LOSE True") << "NT_NPU_CARD_LOSE" << "True" << int(Severity::Critical);
        QTest::newRow("NT_NPU_CARD_LOSE False") << "NT_NPU_CARD_LOSE" << "False" << int(Severity::Healthy);
        QTest::newRow("unknown NT_ type True") << "NT_NPU_BRAND_NEW" << "True" << int(Severity::Major);
        QTest::newRow("unknown type False") << "SomethingNew" << "False" << int(Severity::Healthy);
    }

    void polarity()
    {
        QFETCH(QString, type);
        QFETCH(QString, status);
        QFETCH(int, severity);
        const Classifier c(Taxonomy::builtIn());
        kube::Node n;
        n.conditions.push_back({type, status, {}, {}, {}, {}});
        QCOMPARE(int(c.classify(n).worst), severity);
    }

    void worstWinsAndFaultsAreOrdered()
    {
        const Classifier c(Taxonomy::builtIn());
        const NodeHealth h = c.classify(node({{"NT_NET_NTP_CHECK", "True"}, {"Ready", "Unknown"}, {"DiskPressure", "True"}}));
        QCOMPARE(h.worst, Severity::Critical);
        QCOMPARE(h.faults.size(), std::size_t(3));
        QCOMPARE(h.faults.front().type, QStringLiteral("Ready"));
        QCOMPARE(h.faults.back().type, QStringLiteral("NT_NET_NTP_CHECK"));
    }

    void unknownTypeCategoryByPrefix()
    {
        const Taxonomy t = Taxonomy::builtIn();
        QCOMPARE(t.lookup(QStringLiteral("NT_GPU_SOMETHING")).category, QStringLiteral("gpu"));
        QCOMPARE(t.lookup(QStringLiteral("NT_DISK_SMART")).category, QStringLiteral("storage"));
        QVERIFY(!t.lookup(QStringLiteral("NT_GPU_SOMETHING")).known);
    }
};

QTEST_APPLESS_MAIN(TestClassifier)
#include "tst_classifier.moc"

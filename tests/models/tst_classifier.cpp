#include "kube/Node.h"
#include "models/Classifier.h"
#include "models/Taxonomy.h"

#include <QSet>
#include <QTest>

using namespace models;

namespace {

// What every built-in condition type must mean, written down independently of
// resources/taxonomy.json: a wrong polarity, category or severity in the data file fails here.
struct Expectation
{
    const char *type;
    const char *category;
    const char *bad; // comma-separated faulty statuses
    Severity severity;
};

const Expectation kExpected[] = {
    // Kubernetes
    {"Ready", "kubelet", "False,Unknown", Severity::Critical},
    {"MemoryPressure", "memory", "True", Severity::Major},
    {"DiskPressure", "storage", "True", Severity::Major},
    {"PIDPressure", "os", "True", Severity::Major},
    {"NetworkUnavailable", "network", "True", Severity::Critical},
    {"OutOfDisk", "storage", "True", Severity::Major},
    // node-problem-detector
    {"KernelDeadlock", "os", "True", Severity::Critical},
    {"ReadonlyFilesystem", "storage", "True", Severity::Critical},
    {"XfsShutdown", "storage", "True", Severity::Critical},
    {"CperHardwareErrorFatal", "os", "True", Severity::Critical},
    {"DiskBadBlock", "storage", "True", Severity::Major},
    {"CorruptDockerOverlay2", "runtime", "True", Severity::Major},
    {"FrequentKubeletRestart", "kubelet", "True", Severity::Major},
    {"FrequentDockerRestart", "runtime", "True", Severity::Major},
    {"FrequentContainerdRestart", "runtime", "True", Severity::Major},
    {"KubeletUnhealthy", "kubelet", "True", Severity::Major},
    {"ContainerRuntimeUnhealthy", "runtime", "True", Severity::Major},
    {"FrequentUnregisterNetDevice", "network", "True", Severity::Major},
    {"NTPProblem", "network", "True", Severity::Minor},
    // AKS node-problem-detector
    {"GPUMissing", "gpu", "True", Severity::Critical},
    {"XIDErrors", "gpu", "True", Severity::Major},
    {"GPUXIDErrors", "gpu", "True", Severity::Major},
    {"NVLinkStatusInactive", "gpu", "True", Severity::Major},
    {"IBLinkFlapping", "network", "True", Severity::Major},
    {"GPUClockThrottling", "gpu", "True", Severity::Minor},
    {"UnhealthyNvidiaDevicePlugin", "gpu", "True", Severity::Major},
    {"FilesystemCorruptionProblem", "storage", "True", Severity::Critical},
    {"KubeletProblem", "kubelet", "True", Severity::Critical},
    {"ContainerRuntimeProblem", "runtime", "True", Severity::Critical},
    {"VMEventScheduled", "lifecycle", "True", Severity::Minor},
    // ModelArts node-agent
    {"NT_NPU_DEVICE", "npu", "True", Severity::Major},
    {"NT_NPU_NET", "npu", "True", Severity::Major},
    {"NT_NPU_CARD_LOSE", "npu", "True", Severity::Critical},
    {"NT_NPU_OTHER", "npu", "True", Severity::Critical},
    {"NT_NPU_ECC_COUNT", "npu", "True", Severity::Critical},
    {"NT_NET_NTP_CHECK", "network", "True", Severity::Minor},
    {"NT_KUBE_DISK_READONLY_CHECK", "runtime", "True", Severity::Critical},
    {"NT_GPU_ECC", "gpu", "True", Severity::Major},
    {"NT_GPU_CARD_LOSE", "gpu", "True", Severity::Critical},
    {"NT_GPU_NVLINK", "gpu", "True", Severity::Major},
    {"NT_GPU_XID", "gpu", "True", Severity::Major},
    // NVSentinel
    {"GpuMemWatch", "gpu", "True", Severity::Major},
    {"GpuInforomWatch", "gpu", "True", Severity::Major},
    {"GpuPowerWatch", "gpu", "True", Severity::Major},
    {"GpuThermalWatch", "gpu", "True", Severity::Minor},
    {"GpuNvlinkWatch", "gpu", "True", Severity::Major},
    {"GpuDriverWatch", "gpu", "True", Severity::Critical},
    {"GpuAllWatch", "gpu", "True", Severity::Major},
    {"GpuNvswitchFatalWatch", "gpu", "True", Severity::Critical},
    {"GpuXidError", "gpu", "True", Severity::Major},
    {"SysLogsXIDError", "gpu", "True", Severity::Major},
    {"SysLogsSXIDError", "gpu", "True", Severity::Major},
    {"SysLogsGPUFallenOff", "gpu", "True", Severity::Critical},
    // Tencent TKE
    {"GPUDeviceLost", "gpu", "True", Severity::Critical},
    {"GPUDoubleBitEccError", "gpu", "True", Severity::Critical},
    {"GPUHighSingleBitEccError", "gpu", "True", Severity::Major},
    {"GPUInfoROMCorrupted", "gpu", "True", Severity::Major},
    {"GPUNvlinkError", "gpu", "True", Severity::Major},
    {"GPUPCIeError", "gpu", "True", Severity::Major},
    {"GPUPendingRetiredPages", "gpu", "True", Severity::Major},
    {"GPUPowerError", "gpu", "True", Severity::Major},
    {"GPURemappingRowsError", "gpu", "True", Severity::Major},
    {"GPUTempError", "gpu", "True", Severity::Major},
    {"GPUXIDFatalError", "gpu", "True", Severity::Critical},
    {"GPUXIDWarningError", "gpu", "True", Severity::Minor},
    // Kubernetes node lifecycle: states, shown as info
    {"GracefulNodeShutdownInProgress", "lifecycle", "True", Severity::Info},
    {"DrainInProgress", "lifecycle", "True", Severity::Info},
    {"Drained", "lifecycle", "True", Severity::Info},
    {"MaintenancePlanned", "lifecycle", "True", Severity::Info},
    {"MaintenanceInProgress", "lifecycle", "True", Severity::Info},
};

const Expectation *expectationFor(const QString &type)
{
    for (const Expectation &e : kExpected)
        if (type == QLatin1String(e.type))
            return &e;
    return nullptr;
}

kube::Node nodeWith(std::initializer_list<std::pair<const char *, const char *>> conditions)
{
    kube::Node n;
    n.name = QStringLiteral("n1");
    int i = 0;
    for (const auto &[type, status] : conditions)
        n.conditions.push_back({QString::fromLatin1(type),
                                QString::fromLatin1(status),
                                QStringLiteral("R"),
                                QStringLiteral("m"),
                                QDateTime(QDate(2025, 3, 1), QTime(10, i++), Qt::UTC),
                                {}});
    return n;
}

kube::Node acceleratorNode(
    std::initializer_list<std::tuple<const char *, const char *, const char *>> resources)
{
    kube::Node n;
    n.name = QStringLiteral("acc");
    n.conditions.push_back({QStringLiteral("Ready"), QStringLiteral("True"), {}, {}, {}, {}});
    n.capacity.insert(QStringLiteral("cpu"), QStringLiteral("96"));
    n.allocatable.insert(QStringLiteral("cpu"), QStringLiteral("90"));
    for (const auto &[resource, capacity, allocatable] : resources) {
        n.capacity.insert(QLatin1String(resource), QLatin1String(capacity));
        if (allocatable)
            n.allocatable.insert(QLatin1String(resource), QLatin1String(allocatable));
    }
    return n;
}

} // namespace

class TestClassifier : public QObject
{
    Q_OBJECT

private slots:
    void everyBuiltInTypeIsExpected()
    {
        const Taxonomy t = Taxonomy::builtIn();
        QSet<QString> loaded;
        for (const FaultType &ft : t.types())
            loaded.insert(ft.type);
        for (const Expectation &e : kExpected)
            QVERIFY2(loaded.contains(QLatin1String(e.type)), e.type);
        QCOMPARE(loaded.size(), int(std::size(kExpected)));
    }

    // One row per (loaded taxonomy entry, status): the rows come from the data file, the
    // expected answers from kExpected.
    void polarity_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("status");
        const Taxonomy t = Taxonomy::builtIn();
        for (const FaultType &ft : t.types())
            for (const char *status : {"True", "False", "Unknown"})
                QTest::addRow("%s %s", qPrintable(ft.type), status)
                    << ft.type << QString::fromLatin1(status);
    }

    void polarity()
    {
        QFETCH(QString, type);
        QFETCH(QString, status);
        const Expectation *e = expectationFor(type);
        QVERIFY2(e,
                 qPrintable(type + QStringLiteral(" is in the taxonomy but has no expectation")));
        const bool bad = QString::fromLatin1(e->bad).split(QLatin1Char(',')).contains(status);

        const Classifier c(Taxonomy::builtIn());
        kube::Node n;
        n.name = QStringLiteral("n");
        const QDateTime since(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC);
        n.conditions.push_back(
            {type, status, QStringLiteral("Why"), QStringLiteral("What"), since, {}});
        const NodeHealth h = c.classify(n);
        QCOMPARE(int(h.worst), int(bad ? e->severity : Severity::Healthy));
        QCOMPARE(h.faults.size(), std::size_t(bad ? 1 : 0));
        if (bad) {
            const Fault &f = h.faults.front();
            QCOMPARE(f.type, type);
            QCOMPARE(f.category, QLatin1String(e->category));
            QCOMPARE(f.status, status);
            QCOMPARE(f.since, since);
            QCOMPARE(f.reason, QStringLiteral("Why"));
            QCOMPARE(f.message, QStringLiteral("What"));
            QVERIFY(f.known);
            QCOMPARE(h.isFaulty(), e->severity >= Severity::Minor);
        }
    }

    void unknownTypesAreShownNotDropped_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("severity");
        QTest::addColumn<QString>("category");
        QTest::newRow("NT_NPU new, True") << "NT_NPU_BRAND_NEW"
                                          << "True" << int(Severity::Major) << "npu";
        QTest::newRow("NT_NPU new, False") << "NT_NPU_BRAND_NEW"
                                           << "False" << int(Severity::Healthy) << "npu";
        QTest::newRow("NT_DISK new, True") << "NT_DISK_SMART"
                                           << "True" << int(Severity::Major) << "storage";
        QTest::newRow("no prefix, True") << "AcmeCheckFailed"
                                         << "True" << int(Severity::Major) << "os";
        QTest::newRow("no prefix, Unknown") << "AcmeCheckFailed"
                                            << "Unknown" << int(Severity::Healthy) << "os";
        QTest::newRow("lifecycle prefix") << "MaintenanceSoon"
                                          << "True" << int(Severity::Info) << "lifecycle";
    }

    void unknownTypesAreShownNotDropped()
    {
        QFETCH(QString, type);
        QFETCH(QString, status);
        QFETCH(int, severity);
        QFETCH(QString, category);
        const Classifier c(Taxonomy::builtIn());
        kube::Node n;
        n.conditions.push_back({type, status, {}, {}, {}, {}});
        const NodeHealth h = c.classify(n);
        QCOMPARE(int(h.worst), severity);
        if (severity != int(Severity::Healthy)) {
            QCOMPARE(h.faults.size(), std::size_t(1));
            QCOMPARE(h.faults[0].type, type);
            QCOMPARE(h.faults[0].category, category);
            QVERIFY(!h.faults[0].known);
        }
    }

    void worstWinsAndFaultsAreOrdered()
    {
        const Classifier c(Taxonomy::builtIn());
        const NodeHealth h = c.classify(nodeWith({{"NT_NET_NTP_CHECK", "True"},
                                                  {"Ready", "Unknown"},
                                                  {"DiskPressure", "True"},
                                                  {"MemoryPressure", "True"},
                                                  {"DrainInProgress", "True"},
                                                  {"PIDPressure", "False"}}));
        QCOMPARE(h.worst, Severity::Critical);
        QCOMPARE(h.faults.size(), std::size_t(5));
        QCOMPARE(h.faults[0].type, QStringLiteral("Ready"));
        QCOMPARE(h.faults[1].type, QStringLiteral("DiskPressure")); // older of the two majors
        QCOMPARE(h.faults[2].type, QStringLiteral("MemoryPressure"));
        QCOMPARE(h.faults[3].type, QStringLiteral("NT_NET_NTP_CHECK"));
        QCOMPARE(h.faults[4].type, QStringLiteral("DrainInProgress"));
        // Since-when: the earliest of the real faults (10:00 NTP), not of the info state.
        QCOMPARE(h.faultySince, QDateTime(QDate(2025, 3, 1), QTime(10, 0), Qt::UTC));
    }

    void infoStateIsNotAFault()
    {
        const Classifier c(Taxonomy::builtIn());
        const NodeHealth h =
            c.classify(nodeWith({{"Ready", "True"}, {"MaintenancePlanned", "True"}}));
        QCOMPARE(h.worst, Severity::Info);
        QVERIFY(!h.isFaulty());
        QVERIFY(!h.faultySince.isValid());
    }

    void acceleratorLoss_data()
    {
        using Res = std::vector<std::tuple<const char *, const char *, const char *>>;
        QTest::addColumn<QVariant>("resources");
        QTest::addColumn<int>("worst");
        QTest::addColumn<int>("healthy");
        QTest::addColumn<int>("total");
        QTest::addColumn<QStringList>("lostTypes");
        QTest::addColumn<QStringList>("messages");
        auto row = [](const char *name, const Res &r, Severity worst, int healthy, int total,
                      QStringList types, QStringList messages) {
            QVariantList l;
            for (const auto &[res, cap, alloc] : r)
                l << QVariant(
                    QStringList{QLatin1String(res), QLatin1String(cap),
                                alloc ? QLatin1String(alloc) : QStringLiteral("<absent>")});
            QTest::newRow(name) << QVariant(l) << int(worst) << healthy << total << types
                                << messages;
        };
        row("all healthy", {{"huawei.com/ascend-910", "8", "8"}}, Severity::Healthy, 8, 8, {}, {});
        row("2 of 8 NPUs lost", {{"huawei.com/ascend-910", "8", "6"}}, Severity::Major, 6, 8,
            {"huawei.com/ascend-910"}, {"2 of 8 NPUs lost"});
        row("all GPUs lost", {{"nvidia.com/gpu", "8", "0"}}, Severity::Critical, 0, 8,
            {"nvidia.com/gpu"}, {"8 of 8 GPUs lost"});
        row("plugin gone: allocatable absent", {{"nvidia.com/gpu", "4", nullptr}},
            Severity::Critical, 0, 4, {"nvidia.com/gpu"}, {"4 of 4 GPUs lost"});
        row("several resources",
            {{"nvidia.com/gpu", "8", "7"},
             {"huawei.com/ascend-310", "4", "0"},
             {"amd.com/gpu", "2", "2"}},
            Severity::Critical, 9, 14, {"huawei.com/ascend-310", "nvidia.com/gpu"},
            {"4 of 4 NPUs lost", "1 of 8 GPUs lost"});
        row("not an accelerator", {{"example.com/fpga", "2", "0"}}, Severity::Healthy, 0, 0, {},
            {});
        row("zero capacity", {{"nvidia.com/gpu", "0", "0"}}, Severity::Healthy, 0, 0, {}, {});
    }

    void acceleratorLoss()
    {
        QFETCH(QVariant, resources);
        QFETCH(int, worst);
        QFETCH(int, healthy);
        QFETCH(int, total);
        QFETCH(QStringList, lostTypes);
        QFETCH(QStringList, messages);
        kube::Node n = acceleratorNode({});
        for (const QVariant &v : resources.toList()) {
            const QStringList r = v.toStringList();
            n.capacity.insert(r[0], r[1]);
            if (r[2] != QLatin1String("<absent>"))
                n.allocatable.insert(r[0], r[2]);
        }
        const Classifier c(Taxonomy::builtIn());
        const NodeHealth h = c.classify(n);
        QCOMPARE(int(h.worst), worst);
        QCOMPARE(h.acceleratorsHealthy(), healthy);
        QCOMPARE(h.acceleratorsTotal(), total);
        QCOMPARE(h.acceleratorsDegraded(), !lostTypes.isEmpty());
        QStringList types, texts;
        for (const Fault &f : h.faults) {
            QVERIFY(f.acceleratorLoss);
            QCOMPARE(f.reason, Classifier::AcceleratorsLostReason);
            QCOMPARE(f.category, c.taxonomy().accelerator(f.type)->category);
            types << f.type;
            texts << f.message;
        }
        QCOMPARE(types, lostTypes);
        QCOMPARE(texts, messages);
    }

    void acceleratorNamedByUserTaxonomy()
    {
        Taxonomy t = Taxonomy::builtIn();
        QString error;
        QVERIFY(
            t.mergeFile(QStringLiteral(FAULTBOARD_TEST_DATA "/models/taxonomy-user.json"), &error));
        kube::Node n = acceleratorNode({{"habana.ai/gaudi", "8", "5"}});
        const NodeHealth h = Classifier(t).classify(n);
        QCOMPARE(h.worst, Severity::Major);
        QCOMPARE(h.faults.at(0).message, QStringLiteral("3 of 8 HPUs lost"));
        QCOMPARE(Classifier(Taxonomy::builtIn()).classify(n).worst, Severity::Healthy);
    }

    void parseCount_data()
    {
        QTest::addColumn<QString>("quantity");
        QTest::addColumn<int>("count");
        QTest::newRow("plain") << "8" << 8;
        QTest::newRow("spaces") << " 4 " << 4;
        QTest::newRow("milli") << "8000m" << 8;
        QTest::newRow("kilo") << "2k" << 2000;
        QTest::newRow("empty") << "" << 0;
        QTest::newRow("garbage") << "lots" << 0;
        QTest::newRow("negative") << "-3" << 0;
    }

    void parseCount()
    {
        QFETCH(QString, quantity);
        QFETCH(int, count);
        QCOMPARE(Classifier::parseCount(quantity), count);
    }

    void isolationState_data()
    {
        QTest::addColumn<QString>("taintKey");
        QTest::addColumn<bool>("unschedulable");
        QTest::addColumn<QStringList>("taints"); // key=value:Effect
        QTest::addColumn<bool>("annotated");
        QTest::addColumn<bool>("isolated");
        QTest::addColumn<QString>("effect");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("cordoned");
        QTest::addColumn<QStringList>("others");
        const QString ours = QStringLiteral("faultboard.io/isolated");
        QTest::newRow("healthy, schedulable")
            << ours << false << QStringList{} << false << false << ""
            << "" << false << QStringList{};
        QTest::newRow("isolated by Faultboard")
            << ours << true
            << QStringList{"faultboard.io/isolated=NT_NPU_CARD_LOSE:NoSchedule",
                           "node.kubernetes.io/unschedulable:NoSchedule"}
            << true << true << "NoSchedule"
            << "NT_NPU_CARD_LOSE" << true << QStringList{};
        QTest::newRow("isolated NoExecute as well")
            << ours << true
            << QStringList{"faultboard.io/isolated=Ready:NoSchedule",
                           "faultboard.io/isolated=Ready:NoExecute"}
            << true << true << "NoExecute"
            << "Ready" << true << QStringList{};
        QTest::newRow("cordoned only")
            << ours << true << QStringList{"node.kubernetes.io/unschedulable:NoSchedule"} << false
            << false << ""
            << "" << true << QStringList{};
        QTest::newRow("other hard taints")
            << ours << false
            << QStringList{"node.kubernetes.io/not-ready:NoExecute",
                           "alibabacloud.com/node-anomaly=ecc:NoSchedule",
                           "dedicated=training:PreferNoSchedule"}
            << false << false << ""
            << "" << false
            << QStringList{"node.kubernetes.io/not-ready:NoExecute",
                           "alibabacloud.com/node-anomaly=ecc:NoSchedule"};
        QTest::newRow("configured key: ours is someone else's")
            << "example.com/quarantine" << false
            << QStringList{"example.com/quarantine=gpu:NoSchedule",
                           "faultboard.io/isolated=x:NoSchedule"}
            << false << true << "NoSchedule"
            << "gpu" << false << QStringList{"faultboard.io/isolated=x:NoSchedule"};
    }

    void isolationState()
    {
        QFETCH(QString, taintKey);
        QFETCH(bool, unschedulable);
        QFETCH(QStringList, taints);
        QFETCH(bool, annotated);
        QFETCH(bool, isolated);
        QFETCH(QString, effect);
        QFETCH(QString, value);
        QFETCH(bool, cordoned);
        QFETCH(QStringList, others);

        kube::Node n = nodeWith({{"Ready", "True"}});
        n.unschedulable = unschedulable;
        for (const QString &t : taints) {
            const QString keyValue = t.section(QLatin1Char(':'), 0, 0);
            n.taints.push_back({keyValue.section(QLatin1Char('='), 0, 0),
                                keyValue.section(QLatin1Char('='), 1),
                                t.section(QLatin1Char(':'), 1),
                                {}});
        }
        const QDateTime at(QDate(2025, 4, 5), QTime(6, 7, 8), Qt::UTC);
        if (annotated) {
            n.annotations.insert(IsolationPolicy::AnnotationBy,
                                 QStringLiteral("alice@example.com"));
            n.annotations.insert(IsolationPolicy::AnnotationReason,
                                 QStringLiteral("NPU card lost, ticket 42"));
            n.annotations.insert(IsolationPolicy::AnnotationAt, at.toString(Qt::ISODate));
        }
        IsolationPolicy policy;
        policy.taintKey = taintKey;
        const IsolationState iso = Classifier(Taxonomy::builtIn(), policy).classify(n).isolation;
        QCOMPARE(iso.isolated, isolated);
        QCOMPARE(iso.isolationEffect, effect);
        QCOMPARE(iso.isolationValue, value);
        QCOMPARE(iso.cordoned, cordoned);
        QCOMPARE(iso.otherTaints, others);
        QCOMPARE(iso.unschedulable(), isolated || cordoned || !others.isEmpty());
        QCOMPARE(iso.isolatedBy, annotated ? QStringLiteral("alice@example.com") : QString());
        QCOMPARE(iso.isolatedReason,
                 annotated ? QStringLiteral("NPU card lost, ticket 42") : QString());
        QCOMPARE(iso.isolatedAt, annotated ? at : QDateTime());
    }

    void isolatedAtWithMilliseconds()
    {
        kube::Node n = nodeWith({{"Ready", "True"}});
        n.annotations.insert(IsolationPolicy::AnnotationAt,
                             QStringLiteral("2025-04-05T06:07:08.250Z"));
        const IsolationState iso = Classifier(Taxonomy::builtIn()).classify(n).isolation;
        QCOMPARE(iso.isolatedAt, QDateTime(QDate(2025, 4, 5), QTime(6, 7, 8, 250), Qt::UTC));
    }
};

QTEST_APPLESS_MAIN(TestClassifier)
#include "tst_classifier.moc"

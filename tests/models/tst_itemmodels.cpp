#include "HistoryTestSupport.h"

#include "models/FaultHistory.h"
#include "models/FaultSummaryModel.h"
#include "models/IncidentTime.h"
#include "models/NodeConditionsModel.h"
#include "models/NodeFilterProxyModel.h"
#include "models/NodeGridModel.h"
#include "models/NodeHistoryModel.h"
#include "models/Taxonomy.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace models;
using namespace testsupport;
using Tester = QAbstractItemModelTester;

namespace {

kube::Delta added(kube::NodePtr n)
{
    return {kube::Delta::Type::Added, std::move(n)};
}

kube::Delta modified(kube::NodePtr n)
{
    return {kube::Delta::Type::Modified, std::move(n)};
}

kube::Delta deleted(kube::NodePtr n)
{
    return {kube::Delta::Type::Deleted, std::move(n)};
}

// A small fleet: an isolated NPU node that lost chips, a GPU node with an NTP problem, a
// cordoned healthy node, a node NotReady with another taint.
kube::DeltaBatch fleet()
{
    auto npu = labelled(
        withAccelerators(node("npu-0001", {{"Ready", "True", 0}, {"NT_NPU_CARD_LOSE", "True", 10}}),
                         "huawei.com/ascend-910", 8, 6),
        {{"pool", "npu-910b"}, {"rack", "npu-r01"}, {"zone", "a"}});
    npu->taints.push_back({QStringLiteral("faultboard.io/isolated"),
                           QStringLiteral("NT_NPU_CARD_LOSE"),
                           QStringLiteral("NoSchedule"),
                           {}});
    npu->unschedulable = true;
    npu->annotations.insert(QStringLiteral("faultboard.io/isolated-by"), QStringLiteral("alice"));
    auto gpu = labelled(node("gpu-0001", {{"Ready", "True", 0}, {"NT_NET_NTP_CHECK", "True", 20}}),
                        {{"pool", "gpu-a100"}, {"rack", "gpu-r01"}, {"zone", "b"}});
    auto cordoned =
        labelled(node("gpu-0002", {{"Ready", "True", 0}}), {{"pool", "gpu-a100"}, {"zone", "b"}});
    cordoned->unschedulable = true;
    auto down = labelled(node("cpu-0001", {{"Ready", "Unknown", 30}}), {{"pool", "cpu"}});
    down->taints.push_back(
        {QStringLiteral("node.kubernetes.io/unreachable"), {}, QStringLiteral("NoExecute"), {}});
    return {added(npu), added(gpu), added(cordoned), added(down)};
}

QStringList names(const QAbstractItemModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, 0).data(NodeGridModel::NameRole).toString();
    out.sort();
    return out;
}

} // namespace

class TestItemModels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Taxonomy::setTextLocale(QStringLiteral("en")); }

    void gridRolesAndLabelKeys()
    {
        NodeStore store{Classifier(Taxonomy::builtIn())};
        NodeGridModel grid(&store);
        Tester tester(&grid, Tester::FailureReportingMode::QtTest);
        QSignalSpy keysChanged(&grid, &NodeGridModel::labelKeysChanged);
        store.applyDeltas(fleet());
        QCOMPARE(keysChanged.count(), 1);
        QCOMPARE(grid.labelKeys(), (QStringList{"pool", "rack", "zone"}));
        QCOMPARE(store.labelKeyCount(QStringLiteral("rack")), 2);
        const QModelIndex npu = grid.indexOf(QStringLiteral("npu-0001"));
        QCOMPARE(npu.data(NodeGridModel::CategoriesRole).toStringList(), QStringList{"npu"});
        QCOMPARE(npu.data(NodeGridModel::WorstFaultRole).toString(),
                 QStringLiteral("NT_NPU_CARD_LOSE"));
        QCOMPARE(npu.data(NodeGridModel::IsolatedByRole).toString(), QStringLiteral("alice"));
        // The tooltip says since when, with seconds and the zone, in every language.
        const QString tip = npu.data(Qt::ToolTipRole).toString();
        const QDateTime since = store.find(QStringLiteral("npu-0001"))->health.faults.front().since;
        QVERIFY(since.isValid());
        QVERIFY2(tip.contains(QStringLiteral("NT_NPU_CARD_LOSE")) &&
                     tip.contains(incidentTime(since)),
                 qPrintable(tip));
        QVERIFY(npu.data(NodeGridModel::UnschedulableRole).toBool());
        const QModelIndex down = grid.indexOf(QStringLiteral("cpu-0001"));
        QCOMPARE(down.data(NodeGridModel::OtherTaintsRole).toStringList(),
                 QStringList{"node.kubernetes.io/unreachable:NoExecute"});
        QVERIFY(down.data(NodeGridModel::TileFlagsRole).toInt() & NodeGridModel::OtherTaintsFlag);
        // The last node with a rack label loses it; then a node with a new key arrives.
        auto gpu = labelled(node("gpu-0001", {{"Ready", "True", 0}}), {{"pool", "gpu-a100"}});
        store.applyDeltas({modified(gpu), deleted(node("npu-0001", {}))});
        QCOMPARE(keysChanged.count(), 2);
        QCOMPARE(grid.labelKeys(), (QStringList{"pool", "zone"}));
        store.applyDeltas({added(labelled(node("x", {}), {{"accelerator", "ascend-910b"}}))});
        QCOMPARE(grid.labelKeys(), (QStringList{"accelerator", "pool", "zone"}));
        const auto roles = grid.roleNames();
        QCOMPARE(roles.value(NodeGridModel::CategoriesRole), QByteArray("categories"));
        QCOMPARE(int(NodeGridModel::GroupRole),
                 Qt::UserRole + 14); // existing roles keep their values
    }

    void filterProxy()
    {
        NodeStore store{Classifier(Taxonomy::builtIn())};
        NodeGridModel grid(&store);
        NodeFilterProxyModel proxy;
        proxy.setSourceModel(&grid);
        Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
        store.applyDeltas(fleet());
        QCOMPARE(proxy.rowCount(), 4);

        proxy.setNameFilter(QStringLiteral("GPU"));
        QCOMPARE(names(proxy), (QStringList{"gpu-0001", "gpu-0002"}));
        // Several names: any may match; a glob matches the whole name.
        proxy.setNameFilter(QStringLiteral("cpu* GPU-000[2-9]"));
        QCOMPARE(names(proxy), (QStringList{"cpu-0001", "gpu-0002"}));
        proxy.setNameFilter(QStringLiteral("0001, gpu-0002"));
        QCOMPARE(names(proxy), (QStringList{"cpu-0001", "gpu-0001", "gpu-0002", "npu-0001"}));
        proxy.setNameFilter(QStringLiteral("gpu-000"));
        QCOMPARE(names(proxy), (QStringList{"gpu-0001", "gpu-0002"}));
        proxy.setNameFilter(QStringLiteral("gpu-000?x"));
        QCOMPARE(names(proxy), QStringList{});
        proxy.setNameFilter({});

        proxy.setMinimumSeverity(Severity::Major);
        QCOMPARE(names(proxy), (QStringList{"cpu-0001", "npu-0001"}));
        proxy.setSeverities({Severity::Minor});
        QCOMPARE(names(proxy), QStringList{"gpu-0001"});
        proxy.setSeverities({});

        proxy.setFaultType(QStringLiteral("huawei.com/ascend-910"));
        QCOMPARE(names(proxy), QStringList{"npu-0001"});
        proxy.setFaultType({});
        proxy.setCategory(QStringLiteral("network"));
        QCOMPARE(names(proxy), QStringList{"gpu-0001"});
        proxy.setCategory({});

        proxy.setIsolation(NodeFilterProxyModel::Isolation::Isolated);
        QCOMPARE(names(proxy), QStringList{"npu-0001"});
        proxy.setIsolation(NodeFilterProxyModel::Isolation::Unschedulable);
        QCOMPARE(names(proxy), (QStringList{"cpu-0001", "gpu-0002", "npu-0001"}));
        proxy.setIsolation(NodeFilterProxyModel::Isolation::Schedulable);
        QCOMPARE(names(proxy), QStringList{"gpu-0001"});
        proxy.setIsolation(NodeFilterProxyModel::Isolation::NotIsolated);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setIsolation(NodeFilterProxyModel::Isolation::Any);

        QString error;
        QVERIFY(proxy.setLabelSelector(QStringLiteral("pool in (gpu-a100, cpu), zone!=b"), &error));
        QCOMPARE(names(proxy), QStringList{"cpu-0001"});
        QVERIFY(!proxy.setLabelSelector(QStringLiteral("pool in gpu"), &error));
        QVERIFY(error.contains(QLatin1String("pool in gpu")));
        QCOMPARE(proxy.labelSelector(), QStringLiteral("pool in (gpu-a100, cpu), zone!=b")); // kept
        QVERIFY(proxy.setLabelSelector(QStringLiteral("pool=gpu-a100")));

        // Criteria combine, and follow the watch.
        proxy.setMinimumSeverity(Severity::Minor);
        QCOMPARE(names(proxy), QStringList{"gpu-0001"});
        store.applyDeltas({modified(
            labelled(node("gpu-0002", {{"Ready", "False", 50}}), {{"pool", "gpu-a100"}}))});
        grid.flushPendingChanges();
        QCOMPARE(names(proxy), (QStringList{"gpu-0001", "gpu-0002"}));
        store.applyDeltas(
            {modified(labelled(node("gpu-0001", {{"Ready", "True", 0}}), {{"pool", "gpu-a100"}}))});
        grid.flushPendingChanges();
        QCOMPARE(names(proxy), QStringList{"gpu-0002"});
        proxy.clearFilters();
        QCOMPARE(proxy.rowCount(), 4);
    }

    void filterProxyOverPlainRoles()
    {
        // Any model with the grid's roles works (e.g. a proxy between them).
        NodeStore store{Classifier(Taxonomy::builtIn())};
        NodeGridModel grid(&store);
        QSortFilterProxyModel middle;
        middle.setSourceModel(&grid);
        NodeFilterProxyModel proxy;
        proxy.setSourceModel(&middle);
        store.applyDeltas(fleet());
        QVERIFY(proxy.setLabelSelector(QStringLiteral("rack")));
        proxy.setCategory(QStringLiteral("npu"));
        proxy.setIsolation(NodeFilterProxyModel::Isolation::Unschedulable);
        QCOMPARE(names(proxy), QStringList{"npu-0001"});
        proxy.setCategory({});
        proxy.setNameFilter(QStringLiteral("gpu"));
        proxy.setIsolation(NodeFilterProxyModel::Isolation::Schedulable);
        QCOMPARE(names(proxy), QStringList{"gpu-0001"});
    }

    void faultSummary()
    {
        NodeStore store{Classifier(Taxonomy::builtIn())};
        FaultSummaryModel summary(&store);
        Tester tester(&summary, Tester::FailureReportingMode::QtTest);
        QCOMPARE(summary.rowCount(), 4);
        store.applyDeltas(fleet());
        QCOMPARE(summary.nodeCount(Severity::Critical), 0); // not before the next frame
        QTRY_COMPARE(summary.nodeCount(Severity::Critical), 2);
        QCOMPARE(summary.nodeCount(Severity::Minor), 1);
        const QModelIndex critical = summary.severityIndex(Severity::Critical);
        QCOMPARE(critical.data().toString(), severityName(Severity::Critical));
        QCOMPARE(summary.index(0, FaultSummaryModel::NodesColumn).data().toInt(), 2);
        // Critical faults: NT_NPU_CARD_LOSE and Ready (cpu-0001); the chips are major.
        QCOMPARE(summary.rowCount(critical), 2);
        QCOMPARE(summary.index(0, 0, critical).data().toString(),
                 QStringLiteral("NT_NPU_CARD_LOSE"));
        QCOMPARE(summary.index(0, 0, critical).data(FaultSummaryModel::CategoryRole).toString(),
                 QStringLiteral("npu"));
        QCOMPARE(summary.index(1, 0, critical).data().toString(), QStringLiteral("Ready"));
        QCOMPARE(summary.faultCount(Severity::Major, QStringLiteral("huawei.com/ascend-910")), 1);
        QCOMPARE(summary.faultCount(Severity::Minor, QStringLiteral("NT_NET_NTP_CHECK")), 1);

        // More nodes lose their cards, one recovers, one is deleted: one batch per frame.
        QSignalSpy changed(&summary, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&summary, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&summary, &QAbstractItemModel::rowsRemoved);
        store.applyDeltas({added(node("npu-0002", {{"NT_NPU_CARD_LOSE", "True", 5}})),
                           added(node("npu-0003", {{"NT_NPU_CARD_LOSE", "True", 5}}))});
        store.applyDeltas({modified(node("gpu-0001", {{"Ready", "True", 0}}))});
        store.applyDeltas({deleted(node("cpu-0001", {}))});
        QCOMPARE(changed.count() + inserted.count() + removed.count(), 0);
        QTRY_VERIFY(changed.count() > 0);
        QCOMPARE(summary.faultCount(Severity::Critical, QStringLiteral("NT_NPU_CARD_LOSE")), 3);
        QCOMPARE(summary.faultCount(Severity::Critical, QStringLiteral("Ready")), 0);
        QCOMPARE(summary.rowCount(critical), 1);
        QCOMPARE(summary.rowCount(summary.severityIndex(Severity::Minor)), 0);
        QCOMPARE(summary.nodeCount(Severity::Critical), 3);
        QCOMPARE(removed.count(), 2); // Ready (critical) and NT_NET_NTP_CHECK (minor) rows
        QCOMPARE(changed.count(), 2); // the NT_NPU_CARD_LOSE row, the severity rows
        store.clear();
        QTRY_COMPARE(summary.nodeCount(Severity::Critical), 0);
        QCOMPARE(summary.rowCount(critical), 0);
    }

    void conditionsModelRoles()
    {
        NodeStore store{Classifier(Taxonomy::builtIn())};
        NodeConditionsModel model(&store);
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        store.applyDeltas(fleet());
        model.setNodeName(QStringLiteral("npu-0001"));
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex lost = model.index(1, 0);
        QCOMPARE(lost.data(NodeConditionsModel::TypeRole).toString(),
                 QStringLiteral("NT_NPU_CARD_LOSE"));
        QCOMPARE(lost.data(NodeConditionsModel::SeverityRole).toInt(), int(Severity::Critical));
        QCOMPARE(lost.data(NodeConditionsModel::CategoryNameRole).toString(),
                 QStringLiteral("NPU"));
        QVERIFY(lost.data(NodeConditionsModel::KnownRole).toBool());
        QCOMPARE(lost.data(NodeConditionsModel::SourceRole).toString(),
                 QStringLiteral("modelarts-node-agent"));
        QVERIFY(lost.data(NodeConditionsModel::ActionRole)
                    .toString()
                    .contains(QLatin1String("repair")));
        Taxonomy::setTextLocale(QStringLiteral("zh_CN"));
        QVERIFY(lost.data(NodeConditionsModel::ExplanationRole)
                    .toString()
                    .contains(QStringLiteral("掉卡")));
        Taxonomy::setTextLocale(QStringLiteral("en"));
        QCOMPARE(lost.data(NodeConditionsModel::LastTransitionRole).toDateTime(), at(10));
        // Shown as an incident timeline needs it (seconds and the zone), not "12/1/26 7:43 AM".
        QCOMPARE(model.index(1, NodeConditionsModel::LastTransitionColumn).data().toString(),
                 incidentTime(at(10)));
        QVERIFY(incidentTime(at(10)).contains(QLatin1String("UTC")));
        // Follows the node, once per frame; an unknown type is shown too.
        store.applyDeltas({modified(node("npu-0001", {{"Ready", "True", 0},
                                                      {"NT_NPU_CARD_LOSE", "False", 90},
                                                      {"NT_NPU_NEW_CHECK", "True", 91}}))});
        QCOMPARE(model.rowCount(), 2);
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(1, 0).data(NodeConditionsModel::SeverityRole).toInt(),
                 int(Severity::Healthy));
        QCOMPARE(model.index(2, 0).data(NodeConditionsModel::KnownRole).toBool(), false);
        QCOMPARE(model.index(2, 0).data(NodeConditionsModel::CategoryRole).toString(),
                 QStringLiteral("npu"));
        QCOMPARE(model.index(2, 0).data(NodeConditionsModel::SeverityRole).toInt(),
                 int(Severity::Major));
        store.applyDeltas({deleted(node("npu-0001", {}))});
        QTRY_COMPARE(model.rowCount(), 0);
    }

    void nodeHistoryModel()
    {
        QTemporaryDir dir;
        FaultHistory::Options o;
        o.path = dir.filePath(QStringLiteral("h.sqlite"));
        FaultHistory history(Classifier(Taxonomy::builtIn()), o);
        NodeHistoryModel model(&history);
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &NodeHistoryModel::loaded);
        model.setNodeName(QStringLiteral("n"));
        history.open();
        history.recordChanges(
            seen({node("n", {{"Ready", "True", 0}, {"NT_NPU_NET", "False", 0}})}));
        history.recordChanges(seen({node(
            "n", {{"Ready", "True", 0}, {"NT_NPU_NET", "True", 100, "link", "port 3 down"}})}));
        history.recordChanges(seen({node("other", {{"Ready", "False", 5}})}));
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, NodeHistoryModel::EventColumn).data().toString(),
                 QStringLiteral("Node added"));
        const QModelIndex t = model.index(1, 0);
        QCOMPARE(t.data(NodeHistoryModel::TypeRole).toString(), QStringLiteral("NT_NPU_NET"));
        QCOMPARE(t.data(NodeHistoryModel::TimeRole).toDateTime(), at(100));
        QCOMPARE(t.data(NodeHistoryModel::SeverityRole).toInt(), int(Severity::Major));
        QVERIFY(t.data(NodeHistoryModel::OpensRole).toBool());
        QCOMPARE(model.index(1, NodeHistoryModel::ChangeColumn).data().toString(),
                 QStringLiteral("False → True"));
        QCOMPARE(model.index(1, NodeHistoryModel::EventColumn).data().toString(),
                 QStringLiteral("NT_NPU_NET fault began"));
        QCOMPARE(model.index(1, NodeHistoryModel::MessageColumn).data().toString(),
                 QStringLiteral("port 3 down"));

        // New events for the node are appended (rows inserted, no reset).
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        history.recordAction({0,
                              {},
                              QStringLiteral("alice"),
                              QStringLiteral("isolate"),
                              QStringLiteral("n"),
                              QStringLiteral("succeeded"),
                              {}});
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.index(2, NodeHistoryModel::EventColumn).data().toString(),
                 QStringLiteral("isolate by alice"));
        QCOMPARE(model.index(2, 0).data(NodeHistoryModel::KindRole).toInt(),
                 int(HistoryEvent::Kind::Action));

        model.setNodeName(QStringLiteral("other"));
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, 0).data(NodeHistoryModel::NewStatusRole).toString(),
                 QStringLiteral("False"));
        QVERIFY(loaded.count() >= 3);
    }
};

QTEST_MAIN(TestItemModels)
#include "tst_itemmodels.moc"

// Acting from the real window against kubesim: isolate with confirmation and see the node marked
// isolated when the watch reports it; restore; drain a node whose pod a PodDisruptionBudget guards
// and see the progress reach done; restore leaves someone else's cordon unless the operator ticks
// the box; actions forbidden to the read-only user are disabled.

#include "models/ActionLogModel.h"
#include "models/ClusterSession.h"
#include "models/NodeFilterProxyModel.h"
#include "models/NodeHistoryModel.h"
#include "models/Taxonomy.h"
#include "tests/common/TestCluster.h"
#include "tests/common/TestSettings.h"
#include "tests/common/TestWindow.h"
#include "ui/ActionConfirmDialog.h"
#include "ui/ActionController.h"
#include "ui/ClusterView.h"
#include "ui/DrainDialog.h"
#include "ui/FilterBar.h"
#include "ui/MainWindow.h"
#include "ui/NodeDetailPanel.h"
#include "ui/NodeGridView.h"

#include <QAction>
#include <QCheckBox>
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

#include <ctime>

using namespace models;

class TestActions : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;

    ui::ClusterView *open(ui::MainWindow &window, const QString &context = {})
    {
        return openSyncedCluster(window, m_cluster->endpoint(context));
    }

    // The llama replica on a node (ReplicaSet pods get generated names).
    QString llamaPodOn(const QString &node) { return podOn(QStringLiteral("llama"), node); }

    QString podOn(const QString &app, const QString &node)
    {
        const QJsonObject list =
            QJsonDocument::fromJson(
                m_cluster
                    ->request("GET", QStringLiteral("/api/v1/namespaces/training/"
                                                    "pods?labelSelector=app%3D") +
                                         app + QStringLiteral("&fieldSelector=spec.nodeName%3D") +
                                         node)
                    .body)
                .object();
        const QJsonArray items = list.value(QStringLiteral("items")).toArray();
        return items.isEmpty()
                   ? QString()
                   : QStringLiteral("training/") + items.first()
                                                       .toObject()
                                                       .value(QStringLiteral("metadata"))
                                                       .toObject()
                                                       .value(QStringLiteral("name"))
                                                       .toString();
    }

    QJsonObject node(const QString &name)
    {
        return QJsonDocument::fromJson(
                   m_cluster->request("GET", QStringLiteral("/api/v1/nodes/") + name).body)
            .object();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(useTestSettings());
        m_cluster = std::make_unique<TestCluster>(
            QStringList{QStringLiteral("--paused"), QStringLiteral("--scenario"),
                        QStringLiteral(FAULTBOARD_TEST_DATA "/ui/drain-scenario.json")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
    }

    void cleanupTestCase() { m_cluster.reset(); }

    void isolateWithConfirmationThenRestore()
    {
        QVERIFY(m_cluster->setCondition(QStringLiteral("npu-0002"),
                                        QStringLiteral("NT_NPU_CARD_LOSE"),
                                        QStringLiteral("True")));
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        ui::ClusterView *view = open(window);
        QVERIFY(view);
        view->selectNode(QStringLiteral("npu-0002"));
        QTRY_VERIFY(window.actions()->isolateAction()->isEnabled());

        // The confirmation shows the exact change before anything is sent.
        window.actions()->isolateAction()->trigger();
        auto *dialog = qobject_cast<ui::ActionConfirmDialog *>(window.actions()->openDialog());
        QVERIFY(dialog);
        QSignalSpy planned(dialog, &ui::ActionConfirmDialog::planFinished);
        QVERIFY(planned.wait(10000));
        QTreeWidgetItem *row = dialog->planView()->topLevelItem(0);
        QCOMPARE(row->text(0), QStringLiteral("npu-0002"));
        QVERIFY2(row->text(1).contains(
                     QStringLiteral("→ faultboard.io/isolated=NT_NPU_CARD_LOSE:NoSchedule")),
                 qPrintable(row->text(1)));
        QCOMPARE(row->text(2), QStringLiteral("no → yes"));
        QVERIFY(!node(QStringLiteral("npu-0002"))
                     .value(QStringLiteral("spec"))
                     .toObject()
                     .contains(QStringLiteral("taints")));
        dialog->reasonEdit()->setText(QStringLiteral("card lost, ticket 4711"));
        QVERIFY(dialog->confirmButton()->isEnabled());
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);

        // The watch reports it: the tile is marked isolated, the log says who and the result.
        const QModelIndex idx = view->session()->gridModel()->indexOf(QStringLiteral("npu-0002"));
        QTRY_VERIFY_WITH_TIMEOUT(idx.data(NodeGridModel::IsolatedRole).toBool(), 10000);
        QVERIFY(idx.data(NodeGridModel::CordonedRole).toBool());
        QCOMPARE(idx.data(NodeGridModel::IsolatedReasonRole).toString(),
                 QStringLiteral("fault: NT_NPU_CARD_LOSE; card lost, ticket 4711"));
        ActionLogModel *log = window.actions()->log();
        QTRY_COMPARE(log->at(0).result, ActionLogModel::Result::Succeeded);
        QCOMPARE(log->at(0).target, QStringLiteral("npu-0002"));
        QCOMPARE(log->at(0).actor, QStringLiteral("kubesim-admin"));

        // Isolating again: the plan says there is nothing to do.
        window.actions()->isolateAction()->trigger();
        dialog = qobject_cast<ui::ActionConfirmDialog *>(window.actions()->openDialog());
        QSignalSpy planned2(dialog, &ui::ActionConfirmDialog::planFinished);
        QVERIFY(planned2.wait(10000));
        QVERIFY(!dialog->confirmButton()->isEnabled());
        QVERIFY(
            dialog->planView()->topLevelItem(0)->text(3).contains(QLatin1String("nothing to do")));
        dialog->reject();

        // The card is still lost: restoring would put a broken node back into scheduling. The
        // confirmation says which fault, since when, and restores nothing without a choice.
        window.actions()->restoreAction()->trigger();
        dialog = qobject_cast<ui::ActionConfirmDialog *>(window.actions()->openDialog());
        QVERIFY(dialog && dialog->overrideBox());
        QSignalSpy planned3(dialog, &ui::ActionConfirmDialog::planFinished);
        QVERIFY(planned3.wait(10000));
        row = dialog->planView()->topLevelItem(0);
        QVERIFY2(row->text(3).contains(QLatin1String("still has a critical fault: "
                                                     "NT_NPU_CARD_LOSE, active since ")),
                 qPrintable(row->text(3)));
        // Since when, with seconds and the time zone.
        QVERIFY2(QRegularExpression(QStringLiteral("since \\d{4}-\\d\\d-\\d\\d "
                                                   "\\d\\d:\\d\\d:\\d\\d UTC"))
                     .match(row->text(3))
                     .hasMatch(),
                 qPrintable(row->text(3)));
        // The note is shown whole, wrapped in its column, not cut at the dialog's width.
        QTreeWidget *plan = dialog->planView();
        QTRY_VERIFY(plan->isVisible());
        auto noteCut = [plan, row]() -> QString {
            const QRect cell = plan->visualRect(plan->model()->index(0, 3));
            if (cell.right() > plan->viewport()->width())
                return QStringLiteral("the note ends at %1, the view at %2")
                    .arg(cell.right())
                    .arg(plan->viewport()->width());
            const int margin = plan->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 1;
            const QRect needed = plan->fontMetrics().boundingRect(
                QRect(0, 0, cell.width() - 2 * margin, 100000), Qt::TextWordWrap, row->text(3));
            if (cell.height() < needed.height())
                return QStringLiteral("%1 px of %2 shown").arg(cell.height()).arg(needed.height());
            return {};
        };
        QTRY_COMPARE(noteCut(), QString());
        // The plan still shows what a restore would change.
        QCOMPARE(row->text(2), QStringLiteral("yes → no"));
        QVERIFY(dialog->overrideBox()->isVisibleTo(dialog));
        QVERIFY(!dialog->overrideBox()->isChecked());
        QCOMPARE(dialog->objectedNodes(), QStringList{QStringLiteral("npu-0002")});
        QVERIFY(dialog->nodesToChange().isEmpty());
        QVERIFY(!dialog->confirmButton()->isEnabled());

        // The explicit choice: the plan is made again, and restore removes only Faultboard's
        // taint and uncordons.
        dialog->overrideBox()->setChecked(true);
        QVERIFY(planned3.wait(10000));
        QVERIFY2(dialog->planView()->topLevelItem(0)->text(3).contains(
                     QLatin1String("will be restored, as you chose, although")),
                 qPrintable(dialog->planView()->topLevelItem(0)->text(3)));
        QVERIFY(dialog->confirmButton()->isEnabled());
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!idx.data(NodeGridModel::IsolatedRole).toBool(), 10000);
        QVERIFY(!idx.data(NodeGridModel::CordonedRole).toBool());
        // The log keeps that it was restored against the rule, at the operator's choice.
        QTRY_COMPARE(log->at(0).result, ActionLogModel::Result::Succeeded);
        QVERIFY2(log->at(0).message.contains(QLatin1String("explicit choice")),
                 qPrintable(log->at(0).message));
        QCOMPARE(log->at(0).action, QStringLiteral("restore"));
    }

    void restoreLeavesSomeoneElsesCordonUnlessAsked()
    {
        // `kubectl cordon`: maintenance that is not Faultboard's.
        const QString n = QStringLiteral("npu-0003");
        QVERIFY(m_cluster
                    ->request("PATCH", QStringLiteral("/api/v1/nodes/") + n,
                              R"({"spec":{"unschedulable":true}})", "application/merge-patch+json")
                    .ok());
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        ui::ClusterView *view = open(window);
        QVERIFY(view);
        view->selectNode(n);
        QTRY_VERIFY(window.actions()->restoreAction()->isEnabled());
        window.actions()->restoreAction()->trigger();
        auto *dialog = qobject_cast<ui::ActionConfirmDialog *>(window.actions()->openDialog());
        QVERIFY(dialog && dialog->uncordonBox());
        QSignalSpy planned(dialog, &ui::ActionConfirmDialog::planFinished);
        QVERIFY(planned.wait(10000));
        QVERIFY2(dialog->planView()->topLevelItem(0)->text(3).contains(
                     QLatin1String("not isolated by Faultboard: left alone")),
                 qPrintable(dialog->planView()->topLevelItem(0)->text(3)));
        QVERIFY(!dialog->confirmButton()->isEnabled());

        // Asked explicitly: the plan changes, and the uncordon is done.
        dialog->uncordonBox()->setChecked(true);
        QVERIFY(planned.wait(10000));
        QCOMPARE(dialog->planView()->topLevelItem(0)->text(2), QStringLiteral("yes → no"));
        QVERIFY(dialog->confirmButton()->isEnabled());
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        const QModelIndex idx = view->session()->gridModel()->indexOf(n);
        QTRY_VERIFY_WITH_TIMEOUT(!idx.data(NodeGridModel::CordonedRole).toBool(), 10000);
        QTRY_COMPARE(window.actions()->log()->at(0).result, ActionLogModel::Result::Succeeded);
    }

    void drainWithPdbReachesDone()
    {
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        ui::ClusterView *view = open(window);
        QVERIFY(view);
        const QString guarded = llamaPodOn(QStringLiteral("gpu-0001"));
        const QString unready = llamaPodOn(QStringLiteral("gpu-0003"));
        QVERIFY(!guarded.isEmpty() && !unready.isEmpty());
        view->selectNode(QStringLiteral("gpu-0001"));
        QTRY_VERIFY(window.actions()->drainAction()->isEnabled());
        window.actions()->drainAction()->trigger();
        auto *dialog = qobject_cast<ui::DrainDialog *>(window.actions()->openDialog());
        QVERIFY(dialog);
        dialog->setEvictionRetryIntervalMs(200);
        QSignalSpy planned(dialog, &ui::DrainDialog::planReady);
        QVERIFY(planned.wait(10000));
        QCOMPARE(planned.last().at(0).toBool(), true);
        // The plan names the pod the PDB guards as one to evict, and the DaemonSet pod as skipped.
        QCOMPARE(dialog->podState(QStringLiteral("gpu-0001"), guarded),
                 kube::DrainPod::stateName(kube::DrainPod::State::Pending));

        QSignalSpy done(dialog, &ui::DrainDialog::allFinished);
        QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
        // The budget refuses at first: the pod shows it is blocked by the PDB.
        QTRY_COMPARE_WITH_TIMEOUT(dialog->podState(QStringLiteral("gpu-0001"), guarded),
                                  kube::DrainPod::stateName(kube::DrainPod::State::BlockedByPdb),
                                  15000);
        // Another replica becomes ready: the budget allows it, the drain completes.
        QVERIFY(m_cluster->control(
            QStringLiteral("inject"),
            QStringLiteral("{\"pod\":\"%1\",\"ready\":true}").arg(unready).toUtf8()));
        QVERIFY(done.count() > 0 || done.wait(30000));
        QCOMPARE(dialog->results().value(QStringLiteral("gpu-0001")).outcome,
                 kube::DrainResult::Outcome::Drained);
        QCOMPARE(dialog->podState(QStringLiteral("gpu-0001"), guarded),
                 kube::DrainPod::stateName(kube::DrainPod::State::Evicted));
        QCOMPARE(dialog->phase(), ui::DrainDialog::Phase::Finished);
        QTRY_COMPARE(window.actions()->log()->at(0).result, ActionLogModel::Result::Succeeded);
        const QModelIndex idx = view->session()->gridModel()->indexOf(QStringLiteral("gpu-0001"));
        QTRY_VERIFY_WITH_TIMEOUT(idx.data(NodeGridModel::CordonedRole).toBool(), 10000);
    }

    // Stop a drain after one pod is gone and while a budget keeps the other: the dialog, its bar
    // and the Action log say what really became of each pod, not what was last heard.
    void stoppedDrainReportsWhatReallyHappened()
    {
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        ui::ClusterView *view = open(window);
        QVERIFY(view);
        const QString node = QStringLiteral("npu-0004");
        const QString going = podOn(QStringLiteral("batch"), node);
        const QString kept = podOn(QStringLiteral("keeper"), node);
        QVERIFY(!going.isEmpty() && !kept.isEmpty());
        view->selectNode(node);
        QTRY_VERIFY(window.actions()->drainAction()->isEnabled());
        window.actions()->drainAction()->trigger();
        auto *dialog = qobject_cast<ui::DrainDialog *>(window.actions()->openDialog());
        QVERIFY(dialog);
        // The drain itself looks again only after the test has stopped it.
        dialog->setPollIntervalMs(10 * 60 * 1000);
        dialog->setEvictionRetryIntervalMs(200);
        QSignalSpy planned(dialog, &ui::DrainDialog::planReady);
        QVERIFY(planned.wait(10000));
        QCOMPARE(planned.last().at(0).toBool(), true);

        QSignalSpy done(dialog, &ui::DrainDialog::allFinished);
        QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->podState(node, kept),
                                  kube::DrainPod::stateName(kube::DrainPod::State::BlockedByPdb),
                                  15000);
        // The evicted pod is gone from the server, while the dialog has not looked again.
        QTRY_VERIFY_WITH_TIMEOUT(podOn(QStringLiteral("batch"), node).isEmpty(), 15000);
        QCOMPARE(dialog->podState(node, going),
                 kube::DrainPod::stateName(kube::DrainPod::State::Evicting));

        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton); // "Stop draining"
        QVERIFY(done.count() > 0 || done.wait(15000));
        QCOMPARE(dialog->results().value(node).outcome, kube::DrainResult::Outcome::Cancelled);
        QCOMPARE(dialog->podState(node, going),
                 kube::DrainPod::stateName(kube::DrainPod::State::Evicted));
        QVERIFY(dialog->podState(node, kept) !=
                kube::DrainPod::stateName(kube::DrainPod::State::BlockedByPdb));
        QVERIFY(dialog->podState(node, kept) !=
                kube::DrainPod::stateName(kube::DrainPod::State::Evicted));
        QVERIFY(!podOn(QStringLiteral("keeper"), node).isEmpty());
        // Half of the pods went: the bar says so, not 100 %.
        auto *bar = dialog->findChild<QProgressBar *>();
        QVERIFY(bar);
        QCOMPARE(bar->maximum(), 2);
        QCOMPARE(bar->value(), 1);
        // The log tells the same.
        QTRY_COMPARE(window.actions()->log()->at(0).result, ActionLogModel::Result::Cancelled);
        const QString message = window.actions()->log()->at(0).message;
        QVERIFY2(message.contains(QLatin1String("1 pod evicted")) ||
                     message.contains(QLatin1String("1 pod(s) evicted")),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("1 not evicted")), qPrintable(message));
        QVERIFY(message.contains(QLatin1String("cordoned")));
        dialog->close();
    }

    // A rack-like selection: two nodes with different faults and a healthy one. Each faulty
    // node is isolated for its own fault (taint value and reason); the healthy one is named and
    // left out until the operator ticks the box for it.
    void batchIsolateGivesEachNodeItsOwnFault()
    {
        QVERIFY(m_cluster->setCondition(QStringLiteral("npu-0001"),
                                        QStringLiteral("NT_NPU_ECC_COUNT"),
                                        QStringLiteral("True")));
        QVERIFY(m_cluster->setCondition(QStringLiteral("gpu-0002"),
                                        QStringLiteral("NT_GPU_CARD_LOSE"),
                                        QStringLiteral("True")));
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        ui::ClusterView *view = open(window);
        QVERIFY(view);
        const QStringList nodes{QStringLiteral("gpu-0002"), QStringLiteral("gpu-0004"),
                                QStringLiteral("npu-0001")};
        const QModelIndex npu = view->session()->gridModel()->indexOf(nodes[2]);
        QTRY_COMPARE_WITH_TIMEOUT(npu.data(NodeGridModel::SeverityRole).toInt(),
                                  int(Severity::Critical), 10000);
        QItemSelectionModel *selection = view->grid()->selectionModel();
        selection->clearSelection();
        for (const QString &n : nodes)
            selection->select(
                view->filterModel()->mapFromSource(view->session()->gridModel()->indexOf(n)),
                QItemSelectionModel::Select);
        QCOMPARE(view->selectedNodes(), nodes);
        QTRY_VERIFY(window.actions()->isolateAction()->isEnabled());

        window.actions()->isolateAction()->trigger();
        auto *dialog = qobject_cast<ui::ActionConfirmDialog *>(window.actions()->openDialog());
        QVERIFY(dialog && dialog->overrideBox());
        QSignalSpy planned(dialog, &ui::ActionConfirmDialog::planFinished);
        QVERIFY(planned.wait(10000));
        // No union of the selection's faults as everybody's reason.
        QVERIFY(dialog->reasonEdit()->text().isEmpty());
        const auto rowOf = [dialog](const QString &n) {
            return dialog->planView()->findItems(n, Qt::MatchExactly, 0).value(0);
        };
        QVERIFY2(rowOf(nodes[0])->text(1).contains(
                     QStringLiteral("→ faultboard.io/isolated=NT_GPU_CARD_LOSE:NoSchedule")),
                 qPrintable(rowOf(nodes[0])->text(1)));
        QVERIFY2(rowOf(nodes[0])->text(3).contains(QLatin1String("NT_GPU_CARD_LOSE")),
                 qPrintable(rowOf(nodes[0])->text(3)));
        QVERIFY2(rowOf(nodes[2])->text(1).contains(
                     QStringLiteral("→ faultboard.io/isolated=NT_NPU_ECC_COUNT:NoSchedule")),
                 qPrintable(rowOf(nodes[2])->text(1)));
        QVERIFY2(rowOf(nodes[1])->text(3).contains(QLatin1String("gpu-0004 has no active fault")),
                 qPrintable(rowOf(nodes[1])->text(3)));
        QCOMPARE(dialog->objectedNodes(), QStringList{nodes[1]});
        QCOMPARE(dialog->nodesToChange(), (QStringList{nodes[0], nodes[2]}));
        QVERIFY(dialog->overrideBox()->isVisibleTo(dialog));
        QVERIFY(dialog->overrideBox()->text().contains(nodes[1]));
        QVERIFY(!dialog->overrideBox()->isChecked());

        dialog->reasonEdit()->setText(QStringLiteral("rack 7 check, ticket 99"));
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        const auto annotation = [this](const QString &n, const char *key) {
            return node(n)[QLatin1String("metadata")][QLatin1String("annotations")]
                          [QLatin1String(key)]
                              .toString();
        };
        const auto taintValue = [this](const QString &n) {
            for (const QJsonValue &t :
                 node(n)[QLatin1String("spec")][QLatin1String("taints")].toArray())
                if (t[QLatin1String("key")].toString() == QLatin1String("faultboard.io/isolated"))
                    return t[QLatin1String("value")].toString();
            return QStringLiteral("(none)");
        };
        QTRY_COMPARE_WITH_TIMEOUT(
            annotation(nodes[2], "faultboard.io/isolated-reason"),
            QStringLiteral("fault: NT_NPU_ECC_COUNT; rack 7 check, ticket 99"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            annotation(nodes[0], "faultboard.io/isolated-reason"),
            QStringLiteral("fault: NT_GPU_CARD_LOSE; rack 7 check, ticket 99"), 10000);
        QCOMPARE(taintValue(nodes[2]), QStringLiteral("NT_NPU_ECC_COUNT"));
        QCOMPARE(taintValue(nodes[0]), QStringLiteral("NT_GPU_CARD_LOSE"));
        QCOMPARE(taintValue(nodes[1]), QStringLiteral("(none)"));
        QVERIFY(!node(nodes[1])[QLatin1String("spec")][QLatin1String("unschedulable")].toBool());

        // The explicit choice for the healthy one: it is isolated, for no fault.
        QTRY_VERIFY_WITH_TIMEOUT(view->session()
                                     ->gridModel()
                                     ->indexOf(nodes[0])
                                     .data(NodeGridModel::IsolatedRole)
                                     .toBool(),
                                 10000);
        window.actions()->isolateAction()->trigger();
        dialog = qobject_cast<ui::ActionConfirmDialog *>(window.actions()->openDialog());
        QSignalSpy planned2(dialog, &ui::ActionConfirmDialog::planFinished);
        QVERIFY(planned2.wait(10000));
        QCOMPARE(dialog->objectedNodes(), QStringList{nodes[1]});
        QVERIFY(!dialog->confirmButton()->isEnabled());
        dialog->overrideBox()->setChecked(true);
        QVERIFY(planned2.wait(10000));
        QCOMPARE(dialog->nodesToChange(), QStringList{nodes[1]});
        QVERIFY(dialog->confirmButton()->isEnabled());
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(annotation(nodes[1], "faultboard.io/isolated-reason"),
                                  QStringLiteral("no active fault"), 10000);
        QTRY_COMPARE(window.actions()->log()->at(0).result, ActionLogModel::Result::Succeeded);
        QVERIFY2(window.actions()->log()->at(0).message.contains(QLatin1String("explicit choice")),
                 qPrintable(window.actions()->log()->at(0).message));
    }

    // A filter hides the selected tile: the details do not switch to a neighbour, and neither
    // the action nor its shortcut acts on a node nobody can see selected.
    void actionTargetIsTheVisibleSelection()
    {
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        ui::ClusterView *view = open(window);
        QVERIFY(view);
        const QString hidden = QStringLiteral("gpu-0003");
        view->selectNode(hidden);
        QCOMPARE(view->currentNode(), hidden);
        QTRY_VERIFY(window.actions()->isolateAction()->isEnabled());

        QTest::keyClicks(view->filterBar()->nameEdit(), QStringLiteral("npu"));
        view->filterBar()->applyNow();
        QCOMPARE(view->grid()->model()->rowCount(), 4);
        QCOMPARE(view->currentNode(), QString());
        QVERIFY(!view->grid()->selectionModel()->currentIndex().isValid());
        QCOMPARE(view->selectedNodes(), QStringList());
        QVERIFY2(
            view->detailPanel()->titleText().contains(hidden) &&
                view->detailPanel()->titleText().contains(QLatin1String("hidden by the filter")),
            qPrintable(view->detailPanel()->titleText()));
        // The hidden node's name is what the title shows, however narrow the pane.
        QTRY_VERIFY2(view->detailPanel()->titleLabel()->shownLines().join(u' ').contains(hidden),
                     qPrintable(view->detailPanel()->titleLabel()->shownLines().join(u' ')));
        QVERIFY(!window.actions()->isolateAction()->isEnabled());
        QVERIFY(!window.actions()->restoreAction()->isEnabled());
        QVERIFY(!window.actions()->drainAction()->isEnabled());
        window.actions()->isolateAction()->trigger(); // what Ctrl+Shift+I does
        QVERIFY(!window.actions()->openDialog());

        // Several selected, one of them hidden: the action takes the visible rest.
        view->filterBar()->clear();
        QCOMPARE(view->grid()->model()->rowCount(), 8);
        QItemSelectionModel *selection = view->grid()->selectionModel();
        const auto proxyIndex = [view](const QString &n) {
            return view->filterModel()->mapFromSource(view->session()->gridModel()->indexOf(n));
        };
        selection->setCurrentIndex(proxyIndex(hidden), QItemSelectionModel::ClearAndSelect);
        selection->select(proxyIndex(QStringLiteral("npu-0003")), QItemSelectionModel::Select);
        QCOMPARE(view->selectedNodes(), (QStringList{hidden, QStringLiteral("npu-0003")}));
        QTest::keyClicks(view->filterBar()->nameEdit(), QStringLiteral("npu"));
        view->filterBar()->applyNow();
        QCOMPARE(view->selectedNodes(), QStringList{QStringLiteral("npu-0003")});
        QVERIFY(view->detailPanel()->titleText().contains(QLatin1String("hidden by the filter")));
        QTRY_VERIFY(window.actions()->isolateAction()->isEnabled());
        window.actions()->isolateAction()->trigger();
        auto *dialog = qobject_cast<ui::ActionConfirmDialog *>(window.actions()->openDialog());
        QVERIFY(dialog);
        QCOMPARE(dialog->planView()->topLevelItemCount(), 1);
        QCOMPARE(dialog->planView()->topLevelItem(0)->text(0), QStringLiteral("npu-0003"));
        dialog->reject();
    }

    // "12/1/26 7:43 AM" in English is no incident timeline: the Action log and the History tab
    // give the date, the time with seconds and the zone, the same in every language.
    void logAndHistoryTimesAreUnambiguous()
    {
        const QLocale locale;
        const QByteArray tz = qgetenv("TZ");
        const auto restore = qScopeGuard([&] {
            QLocale::setDefault(locale);
            if (tz.isEmpty())
                qunsetenv("TZ");
            else
                qputenv("TZ", tz);
            tzset();
        });
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        qputenv("TZ", "FBT-5:30"); // UTC+05:30, a zone with minutes, without tzdata
        tzset();
        // What the cells must say, computed from the entries' own times.
        const auto expected = [](const QDateTime &t) -> QString {
            return t.toOffsetFromUtc(5 * 3600 + 30 * 60)
                       .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) +
                   QStringLiteral(" UTC+05:30");
        };

        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        ui::ClusterView *view = open(window);
        QVERIFY(view);
        const QString n = QStringLiteral("npu-0003");
        view->selectNode(n);
        QTRY_VERIFY(window.actions()->isolateAction()->isEnabled());
        window.actions()->setConfirmationsAutoAccepted(true);
        window.actions()->isolateAction()->trigger();
        ActionLogModel *log = window.actions()->log();
        QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(log->at(0).result, ActionLogModel::Result::Succeeded, 10000);

        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("actionLogDock"));
        QVERIFY(dock);
        auto *logView = qobject_cast<QTableView *>(dock->widget());
        QVERIFY(logView);
        const QString logTime =
            logView->model()->index(0, ActionLogModel::TimeColumn).data().toString();
        QCOMPARE(logTime, expected(log->at(0).time));
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d "
                                                   "UTC\\+05:30$"))
                     .match(logTime)
                     .hasMatch(),
                 qPrintable(logTime));

        // The node's History tab lists the isolation with the same kind of time.
        QAbstractItemModel *history = view->detailPanel()->historyView()->model();
        QVERIFY(history);
        int row = -1;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int r = 0; r < history->rowCount(); ++r)
                    if (history->index(r, 0).data(NodeHistoryModel::KindRole).toInt() ==
                            int(HistoryEvent::Kind::Action) &&
                        history->index(r, 0).data(NodeHistoryModel::TimeRole).toDateTime() >=
                            log->at(0).time.addSecs(-5)) {
                        row = r;
                        return true;
                    }
                return false;
            }(),
            10000);
        const QModelIndex cell = history->index(row, NodeHistoryModel::TimeColumn);
        QCOMPARE(cell.data().toString(),
                 expected(cell.data(NodeHistoryModel::TimeRole).toDateTime()));

        window.actions()->setConfirmationsAutoAccepted(false);
    }

    void viewerSeesActionsDisabled()
    {
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        ui::ClusterView *view = open(window, QStringLiteral("kubesim-viewer"));
        QVERIFY(view);
        view->selectNode(QStringLiteral("gpu-0003"));
        QTRY_VERIFY_WITH_TIMEOUT(!window.actions()->isolateAction()->isEnabled() &&
                                     window.actions()->isolateAction()->toolTip().startsWith(
                                         QLatin1String("Not allowed")),
                                 10000);
        QVERIFY(window.actions()->isolateAction()->toolTip().contains(QLatin1String("patch")));
        QVERIFY(!window.actions()->restoreAction()->isEnabled());
        QVERIFY(!window.actions()->drainAction()->isEnabled());
    }
};

QTEST_MAIN(TestActions)
#include "tst_actions.moc"

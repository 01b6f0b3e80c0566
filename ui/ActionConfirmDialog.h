#pragma once

#include "kube/NodeActions.h"
#include "models/NodeOperations.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace ui {

// Confirms isolating or restoring nodes by showing exactly what will change before anything is
// sent: for each node the server answers a dry run (taints and cordon before → after, the
// annotations), nodes already in the wanted state are marked "nothing to do", and failures say
// why. Isolation asks for the reason and the taint effect; restore whether to uncordon nodes
// that Faultboard did not cordon (left cordoned by default). Where the action engine's rules
// object (restoring a node whose critical fault is still active; isolating, among several, a node
// with no active fault), the plan names the node and why (the fault, since when), and leaves it
// out unless the operator ticks the box that says so. Each node is isolated for its own fault;
// the operator's note follows it in the recorded reason.
class ActionConfirmDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Kind { Isolate, Restore };

    ActionConfirmDialog(Kind kind, const QStringList &nodes, models::NodeOperations *operations,
                        const QString &defaultEffect, QWidget *parent = nullptr);

    // isolate: the operator's note; each node's recorded reason is its own fault, then this.
    QString reason() const;
    QString effect() const;
    // restore: the operator asked to uncordon nodes Faultboard did not cordon too.
    bool forceUncordon() const;
    // The options the confirmed action runs with (those the plan was made with).
    kube::ActionOptions actionOptions() const;
    // The operator's choices where the engine's rules object (the tick boxes).
    models::ActionChoice actionChoice() const;
    // Nodes the dry run says will change (the others need nothing or cannot be changed).
    QStringList nodesToChange() const;
    bool planReady() const { return m_pending == 0; }

    QTreeWidget *planView() const { return m_plan; }
    QPushButton *confirmButton() const { return m_confirm; }
    QLineEdit *reasonEdit() const { return m_reason; }
    QCheckBox *uncordonBox() const { return m_uncordon; }
    // Shown when the engine's rules object to a node (restore: a critical fault still active;
    // isolate, several nodes: one without an active fault); ticked, those nodes are acted on.
    QCheckBox *overrideBox() const { return m_override; }
    // Nodes the engine's rules object to (left out unless the override box is ticked).
    QStringList objectedNodes() const { return m_objected; }

    static QString describeTaints(const std::vector<kube::Taint> &taints);

signals:
    void planFinished();

private:
    void plan();
    void showResult(const models::ActionOutcome &outcome);
    void updateButton();

    Kind m_kind;
    QStringList m_nodes;
    QPointer<models::NodeOperations> m_operations;
    QTreeWidget *m_plan = nullptr;
    QLineEdit *m_reason = nullptr;
    QComboBox *m_effect = nullptr;
    QCheckBox *m_uncordon = nullptr;
    QCheckBox *m_override = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_confirm = nullptr;
    QStringList m_toChange;
    QStringList m_objected;   // refused by the rules: left out
    QStringList m_questioned; // the rules object, refused or chosen anyway
    int m_pending = 0;
    quint64 m_generation = 0;
};

} // namespace ui

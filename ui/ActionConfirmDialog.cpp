#include "ui/ActionConfirmDialog.h"

#include "ui/StatusColors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {

namespace {
enum Column { NodeColumn, TaintsColumn, CordonColumn, NoteColumn };

// QTreeView asks for a row's height with no width, so wrapped text would count as one line: the
// hint is asked again at the width the column has.
class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem sized = option;
        const int width = m_view->columnWidth(index.column());
        if (width > 0)
            sized.rect = QRect(0, 0, width, qMax(1, option.rect.height()));
        return QStyledItemDelegate::sizeHint(sized, index);
    }

private:
    QTreeView *m_view;
};
} // namespace

QString ActionConfirmDialog::describeTaints(const std::vector<kube::Taint> &taints)
{
    if (taints.empty())
        return tr("none");
    QStringList parts;
    for (const kube::Taint &t : taints)
        parts << kube::taintText(t);
    return parts.join(QLatin1String(", "));
}

ActionConfirmDialog::ActionConfirmDialog(Kind kind, const QStringList &nodes,
                                         models::NodeOperations *operations,
                                         const QString &defaultEffect, QWidget *parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_nodes(nodes)
    , m_operations(operations)
{
    const int n = int(nodes.size());
    setWindowTitle(kind == Kind::Isolate ? tr("Isolate %n node(s)", nullptr, n)
                                         : tr("Restore %n node(s)", nullptr, n));
    resize(900, 420);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        kind == Kind::Isolate
            ? tr("Isolating taints each node with Faultboard's taint and cordons it, so no new "
                 "work lands on it; it records who isolated it and why. Running pods stay "
                 "unless the effect is NoExecute. This is what will change:")
            : tr("Restoring undoes what Faultboard's isolation did: it removes the taint the "
                 "isolation added and uncordons the node only if the isolation cordoned it. "
                 "Other taints, and nodes Faultboard did not isolate, are left alone. This is "
                 "what will change:"),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_plan = new QTreeWidget(this);
    m_plan->setAccessibleName(tr("Planned changes"));
    m_plan->setRootIsDecorated(false);
    m_plan->setHeaderLabels(
        {tr("Node"), tr("Taints (before → after)"), tr("Cordoned (before → after)"), tr("Note")});
    // The taints and the note say what changes and why a node is (not) changed: they share the
    // width the node's name and the cordon leave, wrapped, never cut at the dialog's edge.
    m_plan->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_plan->header()->setSectionResizeMode(TaintsColumn, QHeaderView::Stretch);
    m_plan->header()->setSectionResizeMode(NoteColumn, QHeaderView::Stretch);
    m_plan->header()->setStretchLastSection(true);
    m_plan->setWordWrap(true);
    m_plan->setUniformRowHeights(false);
    m_plan->setTextElideMode(Qt::ElideMiddle);
    m_plan->setItemDelegate(new WrappingDelegate(m_plan));
    // A row's height follows its note's wrapped lines: laid out again once the columns settle.
    auto *relayout = new QTimer(this);
    relayout->setSingleShot(true);
    relayout->setInterval(0);
    connect(relayout, &QTimer::timeout, m_plan, [this] { m_plan->doItemsLayout(); });
    connect(m_plan->header(), &QHeaderView::sectionResized, relayout,
            qOverload<>(&QTimer::start));
    layout->addWidget(m_plan, 1);

    auto *form = new QFormLayout;
    if (kind == Kind::Isolate) {
        // The operator's note goes after each node's own fault: a batch never gets one node's
        // fault as everybody's reason.
        m_reason = new QLineEdit(this);
        m_reason->setAccessibleName(tr("Note for the isolation"));
        m_reason->setPlaceholderText(
            tr("Added to each node's own fault: what was seen, the ticket number…"));
        m_reason->setToolTip(tr("Each node's recorded reason is its own fault (\"fault: "
                                "NT_NPU_ECC_COUNT\"), followed by this note."));
        m_effect = new QComboBox(this);
        m_effect->setAccessibleName(tr("Taint effect"));
        m_effect->addItem(tr("NoSchedule — keep running pods"), QStringLiteral("NoSchedule"));
        m_effect->addItem(tr("NoExecute — also evict pods that do not tolerate it"),
                          QStringLiteral("NoExecute"));
        m_effect->setCurrentIndex(std::max(0, m_effect->findData(defaultEffect)));
        form->addRow(tr("&Note:"), m_reason);
        form->addRow(tr("&Effect:"), m_effect);
        connect(m_effect, &QComboBox::currentIndexChanged, this, &ActionConfirmDialog::plan);
        m_override = new QCheckBox(this);
        m_override->setAccessibleName(tr("Also isolate the nodes without an active fault"));
        m_override->setVisible(false); // until the plan finds such a node in the batch
        form->addRow(m_override);
        connect(m_override, &QCheckBox::toggled, this, &ActionConfirmDialog::plan);
    } else {
        m_uncordon =
            new QCheckBox(tr("Also &uncordon nodes that Faultboard did not cordon (someone "
                             "else's maintenance)"),
                          this);
        m_uncordon->setAccessibleName(tr("Uncordon nodes Faultboard did not cordon"));
        form->addRow(m_uncordon);
        connect(m_uncordon, &QCheckBox::toggled, this, &ActionConfirmDialog::plan);
        m_override = new QCheckBox(
            tr("Restore &anyway the nodes that still have a critical fault (they go back into "
               "scheduling while broken)"),
            this);
        m_override->setAccessibleName(tr("Restore nodes that still have a critical fault"));
        m_override->setVisible(false); // until the plan finds such a node
        form->addRow(m_override);
        connect(m_override, &QCheckBox::toggled, this, &ActionConfirmDialog::plan);
    }
    layout->addLayout(form);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(this);
    m_confirm = buttons->addButton(kind == Kind::Isolate ? tr("&Isolate") : tr("&Restore"),
                                   QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    plan();
}

QString ActionConfirmDialog::reason() const
{
    return m_reason ? m_reason->text().trimmed() : QString();
}

QString ActionConfirmDialog::effect() const
{
    return m_effect ? m_effect->currentData().toString() : QString();
}

bool ActionConfirmDialog::forceUncordon() const
{
    return m_uncordon && m_uncordon->isChecked();
}

kube::ActionOptions ActionConfirmDialog::actionOptions() const
{
    kube::ActionOptions o;
    o.taintEffect = effect();
    o.forceUncordon = forceUncordon();
    return o;
}

models::ActionChoice ActionConfirmDialog::actionChoice() const
{
    models::ActionChoice c;
    c.force = m_override && m_override->isChecked();
    c.batch = m_nodes.size() > 1;
    return c;
}

QStringList ActionConfirmDialog::nodesToChange() const
{
    return m_toChange;
}

void ActionConfirmDialog::plan()
{
    const quint64 gen = ++m_generation;
    m_plan->clear();
    m_toChange.clear();
    m_objected.clear();
    m_questioned.clear();
    m_pending = int(m_nodes.size());
    m_status->setText(tr("Asking the API server what would change (dry run)…"));
    updateButton();
    if (!m_operations)
        return;
    kube::ActionOptions dry = actionOptions();
    dry.dryRun = true;
    for (const QString &node : std::as_const(m_nodes)) {
        auto *item = new QTreeWidgetItem(m_plan);
        item->setText(NodeColumn, node);
        item->setText(NoteColumn, tr("checking…"));
        auto done = [this, gen](const models::ActionOutcome &o) {
            if (gen == m_generation)
                showResult(o);
        };
        if (m_kind == Kind::Isolate)
            m_operations->isolate(node, reason(), dry, this, done, actionChoice());
        else
            m_operations->restore(node, QString(), dry, this, done, actionChoice());
    }
}

void ActionConfirmDialog::showResult(const models::ActionOutcome &outcome)
{
    const kube::NodeActionResult &r = outcome.action;
    const auto items = m_plan->findItems(r.node, Qt::MatchExactly, NodeColumn);
    if (items.isEmpty())
        return;
    QTreeWidgetItem *item = items.first();
    auto yesNo = [](bool b) { return b ? tr("yes") : tr("no"); };
    if (outcome.refused()) {
        // The plan is still shown: what would change if the operator chose to go ahead.
        m_objected << r.node;
        m_questioned << r.node;
        item->setText(TaintsColumn, describeTaints(r.change.taintsBefore) + QStringLiteral(" → ") +
                                        describeTaints(r.change.taintsAfter));
        item->setText(CordonColumn, yesNo(r.change.unschedulableBefore) + QStringLiteral(" → ") +
                                        yesNo(r.change.unschedulableAfter));
        item->setText(
            NoteColumn,
            m_kind == Kind::Isolate
                ? tr("not isolated unless you choose so below: %1").arg(outcome.objection)
                : tr("not restored unless you choose so below: %1").arg(outcome.objection));
        item->setToolTip(NoteColumn, outcome.objection);
        item->setForeground(NoteColumn, StatusColors::text(StatusColors::Tone::Bad, palette()));
    } else if (r.error) {
        item->setText(NoteColumn, tr("cannot: %1").arg(r.error.toString()));
        item->setForeground(NoteColumn, StatusColors::text(StatusColors::Tone::Bad, palette()));
    } else {
        item->setText(TaintsColumn, describeTaints(r.change.taintsBefore) + QStringLiteral(" → ") +
                                        describeTaints(r.change.taintsAfter));
        item->setText(CordonColumn, yesNo(r.change.unschedulableBefore) + QStringLiteral(" → ") +
                                        yesNo(r.change.unschedulableAfter));
        QString note;
        if (r.changed) {
            m_toChange << r.node;
            if (m_kind == Kind::Isolate && outcome.fault.isEmpty())
                note = tr("will be isolated; it has no active fault");
            else if (m_kind == Kind::Isolate)
                note = tr("will be isolated for its own fault, %1").arg(outcome.fault);
            else if (r.notIsolated)
                note = tr("not isolated by Faultboard: will only be uncordoned, as asked");
            else if (r.cordonKept)
                note = tr("will be restored; stays cordoned: Faultboard did not cordon it");
            else
                note = tr("will be restored");
            if (outcome.forced) {
                m_questioned << r.node;
                note = tr("%1, as you chose, although: %2").arg(note, outcome.objection);
            }
        } else if (m_kind == Kind::Isolate) {
            note = tr("already isolated: nothing to do");
        } else if (r.notIsolated) {
            note = r.change.unschedulableBefore
                       ? tr("not isolated by Faultboard: left alone (cordoned by someone else; "
                            "tick \"uncordon\" below to uncordon it anyway)")
                       : tr("not isolated by Faultboard: nothing to do");
        } else {
            note = tr("nothing to do");
        }
        item->setText(NoteColumn, note);
    }
    if (--m_pending == 0) {
        m_toChange.sort();
        const int n = int(m_toChange.size());
        m_objected.sort();
        m_questioned.sort();
        const QString objected = m_objected.join(QLatin1String(", "));
        if (m_override && !m_questioned.isEmpty()) {
            m_override->setVisible(true);
            if (m_kind == Kind::Isolate)
                m_override->setText(tr("Also &isolate the nodes without an active fault: %1")
                                        .arg(m_questioned.join(QLatin1String(", "))));
        }
        if (!m_objected.isEmpty() && m_kind == Kind::Isolate)
            m_status->setText(tr("%n node(s) will change when you confirm. Left out, because they "
                                 "have no active fault: %1. Tick \"Also isolate\" to isolate "
                                 "them too.",
                                 nullptr, n)
                                  .arg(objected));
        else if (!m_objected.isEmpty())
            m_status->setText(tr("%n node(s) will change when you confirm. Left out, because they "
                                 "still have a critical fault: %1. Tick \"Restore anyway\" to "
                                 "restore them too.",
                                 nullptr, n)
                                  .arg(objected));
        else
            m_status->setText(n == 0 ? tr("Nothing to change.")
                                     : tr("%n node(s) will change when you confirm.", nullptr, n));
        updateButton();
        emit planFinished();
    }
}

void ActionConfirmDialog::updateButton()
{
    m_confirm->setEnabled(m_pending == 0 && !m_toChange.isEmpty());
    const int n = int(m_toChange.size());
    if (m_pending == 0)
        m_confirm->setText(m_kind == Kind::Isolate ? tr("&Isolate %n node(s)", nullptr, n)
                                                   : tr("&Restore %n node(s)", nullptr, n));
}

} // namespace ui

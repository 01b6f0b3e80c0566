#include "ui/DrainDialog.h"

#include "models/NodeOperations.h"
#include "ui/StatusColors.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {

namespace {
enum Column { NameColumn, StateColumn, DetailColumn };

StatusColors::Tone stateTone(kube::DrainPod::State s)
{
    using S = kube::DrainPod::State;
    using T = StatusColors::Tone;
    switch (s) {
    case S::Blocking:
    case S::Failed:
        return T::Bad;
    case S::BlockedByPdb:
    case S::NotEvicted:
        return T::Warning;
    case S::Evicted:
    case S::Deleted:
        return T::Good;
    default:
        return T::Plain;
    }
}

// Plain text keeps no foreground of its own, so it follows the palette (and a theme change).
void setTone(QTreeWidgetItem *item, int column, StatusColors::Tone tone)
{
    if (tone == StatusColors::Tone::Plain) {
        item->setData(column, Qt::ForegroundRole, QVariant());
        return;
    }
    const QPalette palette = item->treeWidget() ? item->treeWidget()->palette() : QPalette();
    item->setForeground(column, StatusColors::text(tone, palette));
}
} // namespace

DrainDialog::DrainDialog(models::NodeOperations *operations, const QStringList &nodes,
                         const AppSettings &defaults, QWidget *parent)
    : QDialog(parent)
    , m_operations(operations)
    , m_nodes(nodes)
{
    setWindowTitle(tr("Drain %n node(s)", nullptr, int(nodes.size())));
    resize(960, 600);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Draining cordons each node, then evicts its pods through the eviction API, which "
           "honours PodDisruptionBudgets, exactly as kubectl drain does. Evicted pods stop; "
           "whether a training job restarts elsewhere, and from which checkpoint, depends on "
           "its controller and how it saves state."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *opts = new QGroupBox(tr("Options"), this);
    auto *optsLayout = new QHBoxLayout(opts);
    m_ignoreDaemonSets = new QCheckBox(tr("Ignore &DaemonSet pods"), opts);
    m_ignoreDaemonSets->setChecked(defaults.drainIgnoreDaemonSets);
    m_deleteEmptyDir = new QCheckBox(tr("Delete &emptyDir data"), opts);
    m_deleteEmptyDir->setChecked(defaults.drainDeleteEmptyDirData);
    m_force = new QCheckBox(tr("&Force unmanaged pods"), opts);
    m_force->setChecked(defaults.drainForce);
    auto *form = new QFormLayout;
    m_grace = new QSpinBox(opts);
    m_grace->setAccessibleName(tr("Grace period"));
    m_grace->setRange(-1, 3600);
    m_grace->setSpecialValueText(tr("each pod's own"));
    m_grace->setSuffix(tr(" s"));
    m_grace->setValue(defaults.drainGracePeriodSeconds);
    m_timeout = new QSpinBox(opts);
    m_timeout->setAccessibleName(tr("Timeout"));
    m_timeout->setRange(0, 24 * 3600);
    m_timeout->setSpecialValueText(tr("no limit"));
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(defaults.drainTimeoutSeconds);
    form->addRow(tr("&Grace period:"), m_grace);
    form->addRow(tr("&Timeout:"), m_timeout);
    optsLayout->addWidget(m_ignoreDaemonSets);
    optsLayout->addWidget(m_deleteEmptyDir);
    optsLayout->addWidget(m_force);
    optsLayout->addLayout(form);
    layout->addWidget(opts);

    m_tree = new QTreeWidget(this);
    m_tree->setAccessibleName(tr("Nodes and their pods"));
    m_tree->setHeaderLabels({tr("Node / pod"), tr("State"), tr("Details")});
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(DetailColumn, QHeaderView::Stretch);
    layout->addWidget(m_tree, 1);
    m_progress = new QProgressBar(this);
    m_progress->setAccessibleName(tr("Drain progress"));
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(this);
    m_start = buttons->addButton(tr("Drain"), QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(m_start, &QPushButton::clicked, this, &DrainDialog::startDrain);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_phase == Phase::Draining)
            cancelDrain();
        else
            reject();
    });
    for (QCheckBox *box : {m_ignoreDaemonSets, m_deleteEmptyDir, m_force})
        connect(box, &QCheckBox::toggled, this, &DrainDialog::plan);
    plan();
}

DrainDialog::~DrainDialog()
{
    clearRuns();
}

kube::DrainOptions DrainDialog::options() const
{
    kube::DrainOptions o;
    o.ignoreDaemonSets = m_ignoreDaemonSets->isChecked();
    o.deleteEmptyDirData = m_deleteEmptyDir->isChecked();
    o.force = m_force->isChecked();
    o.gracePeriodSeconds = m_grace->value();
    o.timeoutMs = qint64(m_timeout->value()) * 1000;
    o.evictionRetryIntervalMs = m_retryMs;
    o.pollIntervalMs = m_pollMs;
    return o;
}

void DrainDialog::clearRuns()
{
    for (const auto &r : m_runs) {
        if (r) {
            r->disconnect(this);
            if (r->isRunning())
                r->cancel();
            r->deleteLater();
        }
    }
    m_runs.clear();
    m_running = 0;
}

void DrainDialog::setPhase(Phase phase)
{
    m_phase = phase;
    const bool editable = phase == Phase::Planning || phase == Phase::Planned;
    for (QWidget *w : std::initializer_list<QWidget *>{m_ignoreDaemonSets, m_deleteEmptyDir,
                                                       m_force, m_grace, m_timeout})
        w->setEnabled(editable);
    m_progress->setVisible(phase == Phase::Draining || phase == Phase::Finished);
    switch (phase) {
    case Phase::Planning:
        m_start->setEnabled(false);
        m_cancel->setText(tr("Cancel"));
        break;
    case Phase::Planned:
        m_cancel->setText(tr("Cancel"));
        break;
    case Phase::Draining:
        m_start->setEnabled(false);
        m_cancel->setText(tr("Stop draining"));
        break;
    case Phase::Finished:
        m_start->setEnabled(false);
        m_start->setVisible(false);
        m_cancel->setText(tr("Close"));
        break;
    }
}

QTreeWidgetItem *DrainDialog::nodeItem(const QString &node)
{
    QTreeWidgetItem *&item = m_nodeItems[node];
    if (!item) {
        item = new QTreeWidgetItem(m_tree);
        item->setText(NameColumn, node);
        QFont f = item->font(NameColumn);
        f.setBold(true);
        item->setFont(NameColumn, f);
        item->setExpanded(true);
    }
    return item;
}

void DrainDialog::plan()
{
    if (m_phase == Phase::Draining || m_phase == Phase::Finished)
        return;
    clearRuns();
    m_tree->clear();
    m_nodeItems.clear();
    m_podItems.clear();
    m_results.clear();
    setPhase(Phase::Planning);
    m_status->setText(tr("Finding the pods and what would block (nothing is changed)…"));
    kube::DrainOptions o = options();
    o.dryRun = true;
    if (!m_operations)
        return;
    m_running = int(m_nodes.size());
    for (const QString &node : std::as_const(m_nodes)) {
        nodeItem(node)->setText(StateColumn, tr("checking…"));
        kube::NodeDrain *drain = m_operations->drain(node, o, this);
        m_runs.emplace_back(drain);
        connect(drain, &kube::NodeDrain::finished, this, [this](const kube::DrainResult &r) {
            m_results.insert(r.node, r);
            QTreeWidgetItem *item = nodeItem(r.node);
            for (const kube::DrainPod &p : r.pods)
                showPod(p);
            const int evict = int(r.podsIn(kube::DrainPod::State::Pending).size());
            const int skipped = int(r.podsIn(kube::DrainPod::State::Skipped).size());
            if (r.error) {
                item->setText(StateColumn, tr("cannot drain"));
                item->setText(DetailColumn, r.error.toString());
                setTone(item, StateColumn, StatusColors::Tone::Bad);
            } else if (!r.blockers.isEmpty()) {
                item->setText(StateColumn, tr("refused"));
                item->setText(DetailColumn, r.blockers.join(QLatin1String("; ")));
                setTone(item, StateColumn, StatusColors::Tone::Bad);
            } else {
                item->setText(StateColumn, tr("%n pod(s) to evict", nullptr, evict));
                item->setText(DetailColumn,
                              skipped ? tr("%n skipped", nullptr, skipped) +
                                            (r.warnings.isEmpty()
                                                 ? QString()
                                                 : QStringLiteral(" · ") +
                                                       r.warnings.join(QLatin1String("; ")))
                                      : r.warnings.join(QLatin1String("; ")));
            }
            if (--m_running > 0)
                return;
            int blocked = 0;
            for (const kube::DrainResult &res : std::as_const(m_results))
                if (res.error || !res.blockers.isEmpty())
                    ++blocked;
            setPhase(Phase::Planned);
            m_start->setEnabled(blocked == 0);
            m_start->setText(tr("Drain %n node(s)", nullptr, int(m_nodes.size())));
            m_status->setText(
                blocked == 0 ? tr("Ready. Pods marked \"pending\" will be evicted.")
                             : tr("%n node(s) cannot be drained with these options: see why above; "
                                  "change the options or leave those nodes out.",
                                  nullptr, blocked));
            emit planReady(blocked == 0);
        });
        drain->start();
    }
}

void DrainDialog::showPod(const kube::DrainPod &pod)
{
    const QString key = pod.node + QLatin1Char('|') + pod.key();
    QTreeWidgetItem *&item = m_podItems[key];
    if (!item) {
        item = new QTreeWidgetItem(nodeItem(pod.node));
        item->setText(NameColumn, pod.key());
    }
    item->setText(StateColumn, kube::DrainPod::stateName(pod.state));
    item->setText(DetailColumn, pod.message);
    setTone(item, StateColumn, stateTone(pod.state));
}

QString DrainDialog::podState(const QString &node, const QString &podKey) const
{
    const QTreeWidgetItem *item = m_podItems.value(node + QLatin1Char('|') + podKey);
    return item ? item->text(StateColumn) : QString();
}

void DrainDialog::startDrain()
{
    if (m_phase != Phase::Planned)
        return;
    clearRuns();
    setPhase(Phase::Draining);
    m_podsTotal = 0;
    m_podsDone = 0;
    for (const kube::DrainResult &r : std::as_const(m_results))
        m_podsTotal += int(r.podsIn(kube::DrainPod::State::Pending).size());
    m_progress->setRange(0, std::max(1, m_podsTotal));
    m_progress->setValue(0);
    m_status->setText(tr("Draining…"));
    m_results.clear();
    const kube::DrainOptions o = options();
    if (!m_operations)
        return;
    m_running = int(m_nodes.size());
    for (const QString &node : std::as_const(m_nodes)) {
        nodeItem(node)->setText(StateColumn, tr("cordoning…"));
        nodeItem(node)->setText(DetailColumn, QString());
        kube::NodeDrain *drain = m_operations->drain(node, o, this);
        m_runs.emplace_back(drain);
        connect(drain, &kube::NodeDrain::podChanged, this, [this](const kube::DrainPod &p) {
            showPod(p);
            nodeItem(p.node)->setText(StateColumn, tr("draining"));
            using S = kube::DrainPod::State;
            if (p.state == S::Evicted || p.state == S::Deleted || p.state == S::Failed)
                m_progress->setValue(++m_podsDone);
        });
        // The node's own delays (its cordon or pod list retried): in its row, until pods move.
        connect(drain, &kube::NodeDrain::progress, this, [this, node](const QString &message) {
            nodeItem(node)->setText(DetailColumn, message);
        });
        connect(drain, &kube::NodeDrain::finished, this, &DrainDialog::finishNode);
        emit nodeStarted(node);
        drain->start();
    }
}

void DrainDialog::finishNode(const kube::DrainResult &r)
{
    m_results.insert(r.node, r);
    for (const kube::DrainPod &p : r.pods)
        showPod(p);
    QTreeWidgetItem *item = nodeItem(r.node);
    using O = kube::DrainResult::Outcome;
    switch (r.outcome) {
    case O::Drained:
        item->setText(StateColumn, tr("drained"));
        break;
    case O::Refused:
        item->setText(StateColumn, tr("refused"));
        break;
    case O::Failed:
        item->setText(StateColumn, tr("failed"));
        break;
    case O::TimedOut:
        item->setText(StateColumn, tr("timed out"));
        break;
    case O::Cancelled:
        item->setText(StateColumn, tr("stopped"));
        break;
    case O::DryRun:
        item->setText(StateColumn, tr("dry run"));
        break;
    }
    setTone(item, StateColumn,
            r.outcome == O::Drained ? StatusColors::Tone::Good : StatusColors::Tone::Bad);
    QStringList details;
    if (r.outcome == O::Cancelled)
        details << models::NodeOperations::drainOutcome(r).message; // what the engine read back
    else if (r.error)
        details << r.error.toString();
    details += r.blockers;
    item->setText(DetailColumn, details.join(QLatin1String("; ")));
    emit nodeFinished(r);
    if (--m_running > 0)
        return;
    int drained = 0;
    for (const kube::DrainResult &res : std::as_const(m_results))
        if (res.outcome == O::Drained)
            ++drained;
    setPhase(Phase::Finished);
    // The pods really done, not 100 % for a drain that was stopped half way.
    int podsDone = 0;
    for (const kube::DrainResult &res : std::as_const(m_results))
        podsDone += int(res.podsIn(kube::DrainPod::State::Evicted).size() +
                        res.podsIn(kube::DrainPod::State::Deleted).size() +
                        res.podsIn(kube::DrainPod::State::Failed).size());
    m_progress->setValue(std::min(podsDone, m_progress->maximum()));
    m_status->setText(tr("%1 of %n node(s) drained.", nullptr, int(m_nodes.size())).arg(drained));
    emit allFinished();
}

void DrainDialog::cancelDrain()
{
    m_status->setText(tr("Stopping: no more evictions are sent; reading back what became of "
                         "the pods. The nodes stay cordoned."));
    for (const auto &r : m_runs)
        if (r && r->isRunning())
            r->cancel();
}

} // namespace ui

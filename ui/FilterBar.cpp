#include "ui/FilterBar.h"

#include "models/NodeFilterProxyModel.h"
#include "models/Taxonomy.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalBlocker>
#include <QToolButton>

namespace ui {

using models::Severity;

FilterBar::FilterBar(models::NodeFilterProxyModel *proxy, const models::Taxonomy &taxonomy,
                     QWidget *parent)
    : QWidget(parent)
    , m_proxy(proxy)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("Node name"));
    m_name->setAccessibleName(tr("Filter by node name"));
    m_name->setClearButtonEnabled(true);
    m_selector = new QLineEdit(this);
    // A short example in the field (it shares the bar with eleven other controls), the full
    // syntax in the tooltip.
    m_selector->setPlaceholderText(tr("Labels, e.g. pool=npu-910b"));
    m_selectorHelp = tr("A label selector as kubectl -l takes it, e.g. "
                        "pool=npu-910b,rack in (npu-r01,npu-r02)");
    m_selector->setToolTip(m_selectorHelp);
    m_selector->setAccessibleName(tr("Filter by label selector"));
    m_selector->setClearButtonEnabled(true);
    m_severity = new QComboBox(this);
    m_severity->setAccessibleName(tr("Filter by severity"));
    m_severity->addItem(tr("Any severity"), -1);
    m_severity->addItem(tr("Critical"), int(Severity::Critical));
    m_severity->addItem(tr("Major or worse"), int(Severity::Major));
    m_severity->addItem(tr("Minor or worse"), int(Severity::Minor));
    m_faultType = new QComboBox(this);
    m_faultType->setAccessibleName(tr("Filter by fault type"));
    m_faultType->addItem(tr("Any fault type"), QString());
    QStringList types;
    for (const models::FaultType &t : taxonomy.types())
        if (t.severity >= Severity::Minor)
            types << t.type;
    for (const models::AcceleratorResource &a : taxonomy.accelerators())
        types << a.resource;
    types.sort();
    for (const QString &t : types)
        m_faultType->addItem(t, t);
    // Sized for ten characters, not for the longest type (which left the name and label
    // fields a few pixels wide at 1024 pixels); the list that opens shows every name whole.
    m_faultType->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_faultType->setMinimumContentsLength(10);
    {
        int widest = 0;
        for (int i = 0; i < m_faultType->count(); ++i)
            widest = std::max(widest, fontMetrics().horizontalAdvance(m_faultType->itemText(i)));
        m_faultType->view()->setMinimumWidth(widest + 4 * fontMetrics().averageCharWidth());
    }
    // The two fields keep room for a node name whatever the window's width (1024 pixels
    // included: the bar then fits in it).
    const int nameRoom = fontMetrics().horizontalAdvance(QStringLiteral("npu-0000")) + 12;
    m_name->setMinimumWidth(nameRoom);
    m_selector->setMinimumWidth(nameRoom);
    m_category = new QComboBox(this);
    m_category->setAccessibleName(tr("Filter by fault category"));
    m_category->addItem(tr("Any category"), QString());
    for (const QString &c : models::Taxonomy::categories())
        m_category->addItem(models::Taxonomy::categoryName(c), c);
    m_isolation = new QComboBox(this);
    m_isolation->setAccessibleName(tr("Filter by isolation"));
    m_isolation->addItem(tr("Isolated or not"), int(models::NodeFilterProxyModel::Isolation::Any));
    m_isolation->addItem(tr("Isolated"), int(models::NodeFilterProxyModel::Isolation::Isolated));
    m_isolation->addItem(tr("Not isolated"),
                         int(models::NodeFilterProxyModel::Isolation::NotIsolated));
    m_isolation->addItem(tr("Unschedulable"),
                         int(models::NodeFilterProxyModel::Isolation::Unschedulable));
    m_isolation->addItem(tr("Schedulable"),
                         int(models::NodeFilterProxyModel::Isolation::Schedulable));
    m_clear = new QToolButton(this);
    m_clear->setText(tr("Clear"));
    m_clear->setAccessibleName(tr("Clear every filter"));
    m_faultsFirst = new QToolButton(this);
    m_faultsFirst->setText(tr("Faults first"));
    m_faultsFirst->setCheckable(true);
    m_faultsFirst->setAccessibleName(tr("Show faulty nodes first, worst first"));
    m_faultsFirst->setToolTip(tr("Order the grid by severity: critical, major, minor, then "
                                 "healthy nodes"));
    m_faultyOnly = new QToolButton(this);
    m_faultyOnly->setText(tr("Faulty only"));
    m_faultyOnly->setCheckable(true);
    m_faultyOnly->setAccessibleName(tr("Show only faulty nodes"));
    m_faultyOnly->setToolTip(tr("Hide healthy nodes (the severity filter at Minor or worse)"));
    m_count = new QLabel(this);
    m_count->setAccessibleName(tr("Nodes shown"));
    layout->addWidget(m_name, 2);
    layout->addWidget(m_selector, 3);
    layout->addWidget(m_severity);
    layout->addWidget(m_faultType);
    layout->addWidget(m_category);
    layout->addWidget(m_isolation);
    layout->addWidget(m_faultsFirst);
    layout->addWidget(m_faultyOnly);
    layout->addWidget(m_clear);
    layout->addWidget(m_count);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &FilterBar::applyNow);
    connect(m_name, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(m_selector, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    for (QComboBox *box : {m_severity, m_faultType, m_category, m_isolation})
        connect(box, &QComboBox::currentIndexChanged, this, &FilterBar::applyNow);
    connect(m_clear, &QToolButton::clicked, this, &FilterBar::clear);
    connect(m_faultsFirst, &QToolButton::toggled, this, [this](bool on) {
        if (m_proxy)
            m_proxy->setFaultsFirst(on);
    });
    connect(m_faultyOnly, &QToolButton::clicked, this,
            [this](bool on) { setMinimumSeverity(on ? int(Severity::Minor) : -1); });
    if (proxy) {
        connect(proxy, &QAbstractItemModel::rowsInserted, this, &FilterBar::updateCount);
        connect(proxy, &QAbstractItemModel::rowsRemoved, this, &FilterBar::updateCount);
        connect(proxy, &QAbstractItemModel::modelReset, this, &FilterBar::updateCount);
        connect(proxy, &QAbstractItemModel::layoutChanged, this, &FilterBar::updateCount);
    }
    updateCount();
}

void FilterBar::applyNow()
{
    m_debounce.stop();
    if (!m_proxy)
        return;
    m_proxy->setNameFilter(m_name->text());
    QString error;
    if (m_proxy->setLabelSelector(m_selector->text(), &error)) {
        m_selector->setStyleSheet(QString());
        m_selector->setToolTip(m_selectorHelp);
    } else {
        m_selector->setStyleSheet(QStringLiteral("QLineEdit { border: 2px solid #d55e00; }"));
        m_selector->setToolTip(error);
    }
    const int sev = m_severity->currentData().toInt();
    if (sev < 0)
        m_proxy->setSeverities({});
    else if (sev == int(Severity::Critical))
        m_proxy->setSeverities({Severity::Critical});
    else
        m_proxy->setMinimumSeverity(Severity(sev));
    {
        const QSignalBlocker block(m_faultyOnly);
        m_faultyOnly->setChecked(sev >= 0);
    }
    m_proxy->setFaultType(m_faultType->currentData().toString());
    m_proxy->setCategory(m_category->currentData().toString());
    m_proxy->setIsolation(
        models::NodeFilterProxyModel::Isolation(m_isolation->currentData().toInt()));
    updateCount();
}

namespace {
const QString kName = QStringLiteral("name"), kSelector = QStringLiteral("labelSelector"),
              kSeverity = QStringLiteral("minimumSeverity"),
              kFaultType = QStringLiteral("faultType"), kCategory = QStringLiteral("category"),
              kIsolation = QStringLiteral("isolation"),
              kFaultsFirst = QStringLiteral("faultsFirst");
} // namespace

void FilterBar::saveState(QSettings &settings) const
{
    settings.setValue(kName, m_name->text());
    settings.setValue(kSelector, m_selector->text());
    settings.setValue(kSeverity, m_severity->currentData());
    settings.setValue(kFaultType, m_faultType->currentData());
    settings.setValue(kCategory, m_category->currentData());
    settings.setValue(kIsolation, m_isolation->currentData());
    settings.setValue(kFaultsFirst, m_faultsFirst->isChecked());
}

void FilterBar::restoreState(const QSettings &settings)
{
    const auto choose = [&settings](QComboBox *box, const QString &key) {
        if (!settings.contains(key))
            return;
        QVariant v = settings.value(key); // an ini file gives strings back: as the items' type
        v.convert(box->itemData(0).metaType());
        box->setCurrentIndex(std::max(0, box->findData(v)));
    };
    {
        const QSignalBlocker b1(m_name), b2(m_selector), b3(m_severity), b4(m_category),
            b5(m_isolation);
        m_name->setText(settings.value(kName).toString());
        m_selector->setText(settings.value(kSelector).toString());
        choose(m_severity, kSeverity);
        choose(m_category, kCategory);
        choose(m_isolation, kIsolation);
    }
    // A fault type not seen yet is added, as choosing it from the summary does.
    const QString type = settings.value(kFaultType).toString();
    const QSignalBlocker b(m_faultType);
    setFaultType(type);
    m_faultsFirst->setChecked(settings.value(kFaultsFirst, false).toBool());
    applyNow();
}

void FilterBar::setFaultType(const QString &type)
{
    int idx = m_faultType->findData(type);
    if (idx < 0) {
        m_faultType->addItem(type, type);
        idx = m_faultType->count() - 1;
    }
    m_faultType->setCurrentIndex(idx);
    applyNow();
}

void FilterBar::setMinimumSeverity(int severity)
{
    m_severity->setCurrentIndex(std::max(0, m_severity->findData(severity)));
    applyNow();
}

void FilterBar::clear()
{
    const QSignalBlocker b1(m_name), b2(m_selector), b3(m_severity), b4(m_faultType),
        b5(m_category), b6(m_isolation);
    m_name->clear();
    m_selector->clear();
    for (QComboBox *box : {m_severity, m_faultType, m_category, m_isolation})
        box->setCurrentIndex(0);
    applyNow();
}

void FilterBar::setNodesRead(bool read)
{
    m_nodesRead = read;
    updateCount();
}

void FilterBar::setLoading(bool loading)
{
    m_loading = loading;
    updateCount();
}

void FilterBar::updateCount()
{
    if (!m_proxy || !m_proxy->sourceModel())
        return;
    const int shown = m_proxy->rowCount();
    const int total = m_proxy->sourceModel()->rowCount();
    if (m_loading) {
        m_count->setText(shown == total
                             ? tr("%n node(s) read so far", nullptr, total)
                             : tr("%1 of %n node(s) read so far", nullptr, total).arg(shown));
        return;
    }
    if (!m_nodesRead) {
        m_count->setText(tr("nodes not read"));
        return;
    }
    m_count->setText(shown == total ? tr("all %n node(s)", nullptr, total)
                                    : tr("%1 of %n node(s)", nullptr, total).arg(shown));
}

} // namespace ui

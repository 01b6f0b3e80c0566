#include "ui/FaultSummaryPanel.h"

#include "models/FaultSummaryModel.h"
#include "ui/FullTextDelegate.h"
#include "ui/SeverityDelegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QResizeEvent>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace ui {

FaultSummaryPanel::FaultSummaryPanel(models::FaultSummaryModel *model, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("Faults"), this);
    QFont f = title->font();
    f.setBold(true);
    title->setFont(f);
    m_view = new QTreeView(this);
    m_view->setModel(model);
    m_view->setAccessibleName(tr("Fault summary: nodes per severity and fault type"));
    m_view->setItemDelegateForColumn(
        models::FaultSummaryModel::NameColumn,
        new SeverityDelegate(models::FaultSummaryModel::SeverityRole, this));
    // Fault types share prefixes (NT_NPU_…): cut in the middle, the whole text in a tooltip.
    m_view->setItemDelegate(new FullTextDelegate(m_view));
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setSectionResizeMode(models::FaultSummaryModel::NameColumn,
                                           QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(models::FaultSummaryModel::CategoryColumn,
                                           QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(models::FaultSummaryModel::NodesColumn,
                                           QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(false);
    m_view->expandAll();
    connect(model, &QAbstractItemModel::rowsInserted, m_view, &QTreeView::expandAll);
    connect(model, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);
    // Never narrower than the start of a fault type and its count.
    setMinimumWidth(
        m_view->fontMetrics().horizontalAdvance(QStringLiteral("NT_NPU_C…_LOSE 00000")) +
        m_view->indentation() + 48);
    layout->addWidget(title);
    layout->addWidget(m_view, 1);
    auto choose = [this](const QModelIndex &idx) {
        if (!idx.isValid())
            return;
        if (idx.data(models::FaultSummaryModel::IsSeverityRole).toBool())
            emit severityChosen(idx.data(models::FaultSummaryModel::SeverityRole).toInt());
        else
            emit faultTypeChosen(idx.data(models::FaultSummaryModel::FaultTypeRole).toString());
    };
    // A click filters at once; Enter does the same from the keyboard.
    connect(m_view, &QTreeView::clicked, this, choose);
    connect(m_view, &QTreeView::activated, this, choose);
}

void FaultSummaryPanel::setKnownTypes(const QStringList &types, const QStringList &categories)
{
    const QFontMetrics fm = m_view->fontMetrics();
    auto widest = [&fm](const QStringList &texts) {
        int w = 0;
        for (const QString &t : texts)
            w = std::max(w, fm.horizontalAdvance(t));
        return w;
    };
    auto *model = m_view->model();
    auto header = [model](int column) {
        return model->headerData(column, Qt::Horizontal).toString();
    };
    // Each cell pads its text; the name cell also holds the severity glyph (SeverityDelegate).
    const int pad = 16;
    const int glyph = fm.height() + 11;
    m_nameWidth = std::max(widest(types) + glyph, fm.horizontalAdvance(header(0))) + pad;
    m_categoryWidth = std::max(widest(categories), fm.horizontalAdvance(header(1))) + pad;
    m_nodesWidth =
        std::max(fm.horizontalAdvance(QStringLiteral("00000")), fm.horizontalAdvance(header(2))) +
        pad;
    fitColumns();
}

int FaultSummaryPanel::preferredWidth() const
{
    const QMargins m = layout()->contentsMargins();
    return m_view->indentation() + m_nameWidth + m_categoryWidth + m_nodesWidth +
           2 * m_view->frameWidth() +
           m_view->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_view) + m.left() +
           m.right();
}

void FaultSummaryPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitColumns();
}

void FaultSummaryPanel::fitColumns()
{
    // Too narrow for everything: the fault type matters more than its category.
    if (m_nameWidth > 0)
        m_view->setColumnHidden(models::FaultSummaryModel::CategoryColumn,
                                width() < preferredWidth());
}

} // namespace ui

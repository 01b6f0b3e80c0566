#include "ui/FaultSummaryPanel.h"

#include "models/FaultSummaryModel.h"
#include "ui/SeverityDelegate.h"

#include <QHeaderView>
#include <QLabel>
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

} // namespace ui

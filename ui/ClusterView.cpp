#include "ui/ClusterView.h"

#include "kube/ClusterQueries.h"
#include "models/ClusterSession.h"
#include "ui/NodeDetailPanel.h"
#include "ui/NodeGridView.h"
#include "ui/SeverityLegend.h"

#include <QSplitter>
#include <QVBoxLayout>

namespace ui {

ClusterView::ClusterView(models::ClusterSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    auto *gridHost = new QWidget(m_splitter);
    auto *gridLayout = new QVBoxLayout(gridHost);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->setSpacing(0);
    m_legend = new SeverityLegend(gridHost);
    m_grid = new NodeGridView(gridHost);
    m_grid->setModel(session->gridModel());
    gridLayout->addWidget(m_legend);
    gridLayout->addWidget(m_grid, 1);
    m_queries = new kube::ClusterQueries(session->client(), this);
    m_detail = new NodeDetailPanel(session->store(), m_queries, m_splitter);
    m_splitter->addWidget(gridHost);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter);

    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        const QString name = current.data(Qt::DisplayRole).toString();
        m_detail->showNode(name);
        emit currentNodeChanged(name);
    });
    connect(m_grid->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ClusterView::selectionChanged);
}

ClusterView::~ClusterView()
{
    // The session goes first, while this view is still whole: its last signals may reach
    // listeners that look at the view.
    if (m_session && m_session->parent() == this)
        delete m_session.data();
}

QString ClusterView::currentNode() const
{
    return m_detail->nodeName();
}

QStringList ClusterView::selectedNodes() const
{
    QStringList names;
    for (const QModelIndex &idx : m_grid->selectionModel()->selectedIndexes())
        names << idx.data(Qt::DisplayRole).toString();
    if (names.isEmpty() && !currentNode().isEmpty())
        names << currentNode();
    names.sort();
    return names;
}

void ClusterView::selectNode(const QString &name)
{
    QAbstractItemModel *m = m_grid->model();
    for (int row = 0; row < m->rowCount(); ++row) {
        const QModelIndex idx = m->index(row, 0);
        if (idx.data(Qt::DisplayRole).toString() == name) {
            m_grid->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect);
            m_grid->scrollTo(idx);
            return;
        }
    }
}

} // namespace ui

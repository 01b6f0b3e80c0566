#include "ui/ClusterPickerDialog.h"

#include "ui/AppSettings.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

namespace {
enum Column { ContextColumn, ServerColumn, UserColumn, NamespaceColumn };
}

ClusterPickerDialog::ClusterPickerDialog(const kube::KubeConfig::LoadOptions &options,
                                         const AppSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_options(options)
    , m_settings(settings)
{
    setWindowTitle(tr("Open a cluster"));
    resize(760, 420);
    auto *layout = new QVBoxLayout(this);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Filter contexts"));
    m_search->setAccessibleName(tr("Filter contexts"));
    m_search->setClearButtonEnabled(true);
    m_list = new QTreeWidget(this);
    m_list->setAccessibleName(tr("Kubeconfig contexts"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Context"), tr("Cluster"), tr("User"), tr("Namespace")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setVisible(false);
    auto *buttons = new QDialogButtonBox(this);
    m_connect = buttons->addButton(tr("Connect"), QDialogButtonBox::AcceptRole);
    QPushButton *open = buttons->addButton(tr("Open kubeconfig…"), QDialogButtonBox::ActionRole);
    QPushButton *demo = buttons->addButton(tr("Demo cluster"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_search, &QLineEdit::textChanged, this, &ClusterPickerDialog::filter);
    connect(m_list, &QTreeWidget::itemActivated, this, &ClusterPickerDialog::connectSelected);
    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [this] { m_connect->setEnabled(m_list->currentItem()); });
    connect(m_connect, &QPushButton::clicked, this, &ClusterPickerDialog::connectSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(demo, &QPushButton::clicked, this, [this] {
        m_demo = true;
        accept();
    });
    connect(open, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Open kubeconfig"), QDir::homePath() + QStringLiteral("/.kube"));
        if (file.isEmpty())
            return;
        m_options.explicitPath = file;
        reload();
    });
    reload();
}

QString ClusterPickerDialog::configSource() const
{
    return m_config ? m_config->sourceFiles.join(QDir::listSeparator()) : QString();
}

QString ClusterPickerDialog::chosenContext() const
{
    return m_endpoint ? m_endpoint->contextName : QString();
}

void ClusterPickerDialog::reload()
{
    m_list->clear();
    kube::ApiError error;
    m_config = kube::KubeConfig::load(m_options, &error);
    m_error->setVisible(!m_config);
    if (!m_config) {
        m_error->setText(error.toString());
        m_connect->setEnabled(false);
        return;
    }
    const QString source = configSource();
    QList<kube::KubeConfigContext> contexts = m_config->contexts;
    // The last used first (in order of use), then the current context, then by name.
    std::stable_sort(contexts.begin(), contexts.end(), [&](const auto &a, const auto &b) {
        const int ra = m_settings.recentRank(source, a.name),
                  rb = m_settings.recentRank(source, b.name);
        if ((ra >= 0) != (rb >= 0))
            return ra >= 0;
        if (ra >= 0)
            return ra < rb;
        const bool ca = a.name == m_config->currentContext, cb = b.name == m_config->currentContext;
        if (ca != cb)
            return ca;
        return a.name < b.name;
    });
    for (const auto &c : contexts) {
        const kube::KubeConfigCluster *cl = m_config->cluster(c.cluster);
        auto *item = new QTreeWidgetItem(m_list);
        QString name = c.name;
        if (c.name == m_config->currentContext)
            name = tr("%1 (current)").arg(c.name);
        item->setText(ContextColumn, name);
        item->setData(ContextColumn, Qt::UserRole, c.name);
        item->setText(ServerColumn, cl ? cl->server : tr("missing cluster \"%1\"").arg(c.cluster));
        item->setText(UserColumn, c.user);
        item->setText(NamespaceColumn,
                      c.namespaceName.isEmpty() ? QStringLiteral("default") : c.namespaceName);
        item->setToolTip(ContextColumn, c.sourceFile);
    }
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    m_connect->setEnabled(m_list->currentItem());
    if (contexts.isEmpty()) {
        m_error->setVisible(true);
        m_error->setText(tr("%1 has no contexts.").arg(source));
    }
}

void ClusterPickerDialog::filter(const QString &text)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        bool match = text.isEmpty();
        for (int c = 0; c < m_list->columnCount() && !match; ++c)
            match = item->text(c).contains(text, Qt::CaseInsensitive);
        item->setHidden(!match);
    }
}

void ClusterPickerDialog::connectSelected()
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item || !m_config)
        return;
    kube::ApiError error;
    m_endpoint = m_config->resolve(item->data(ContextColumn, Qt::UserRole).toString(), &error);
    if (!m_endpoint) {
        m_error->setVisible(true);
        m_error->setText(error.toString());
        return;
    }
    accept();
}

} // namespace ui

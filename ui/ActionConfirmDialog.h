#pragma once

#include "kube/NodeActions.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace ui {

// Confirms isolating or restoring nodes by showing exactly what will change before anything is
// sent: for each node the server answers a dry run (taints and cordon before → after, the
// annotations), nodes already in the wanted state are marked "nothing to do", and failures say
// why. Isolation asks for the reason and the taint effect.
class ActionConfirmDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Kind { Isolate, Restore };

    // `faults`: node → the fault it is isolated for (the taint's value).
    ActionConfirmDialog(Kind kind, const QStringList &nodes, const QHash<QString, QString> &faults,
                        kube::NodeActions *actions, const QString &defaultEffect,
                        QWidget *parent = nullptr);

    QString reason() const;
    QString effect() const;
    // Nodes the dry run says will change (the others need nothing or cannot be changed).
    QStringList nodesToChange() const;
    bool planReady() const { return m_pending == 0; }

    QTreeWidget *planView() const { return m_plan; }
    QPushButton *confirmButton() const { return m_confirm; }
    QLineEdit *reasonEdit() const { return m_reason; }

    static QString describeTaints(const std::vector<kube::Taint> &taints);

signals:
    void planFinished();

private:
    void plan();
    void showResult(const kube::NodeActionResult &result);
    void updateButton();

    Kind m_kind;
    QStringList m_nodes;
    QHash<QString, QString> m_faults;
    QPointer<kube::NodeActions> m_actions;
    QTreeWidget *m_plan = nullptr;
    QLineEdit *m_reason = nullptr;
    QComboBox *m_effect = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_confirm = nullptr;
    QStringList m_toChange;
    int m_pending = 0;
    quint64 m_generation = 0;
};

} // namespace ui

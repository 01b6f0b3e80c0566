#pragma once

#include <QStyledItemDelegate>

namespace ui {

// An item delegate whose tooltip tells a cell's whole text when the view shows it cut (elided),
// followed by the model's own tooltip, if any. Views using it elide in the middle, where names
// that share a prefix (pods of one ReplicaSet, fault types) still differ.
class FullTextDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // Whether `index`'s text does not fit the width `option` gives it.
    bool isElided(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

protected:
    // The width the text gets in a cell `option.rect` wide (overridden where the delegate
    // paints more than the text).
    virtual int textWidth(const QStyleOptionViewItem &option, const QModelIndex &index) const;
};

} // namespace ui

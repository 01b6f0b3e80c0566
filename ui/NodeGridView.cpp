#include "ui/NodeGridView.h"

#include "models/NodeGridModel.h"
#include "ui/SeverityStyle.h"

#include <QCollator>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <map>

namespace ui {

using models::NodeGridModel;
using models::Severity;

namespace {
constexpr int Margin = 6;
} // namespace

NodeGridView::NodeGridView(QWidget *parent)
    : QAbstractItemView(parent)
{
    setSelectionMode(ExtendedSelection);
    setSelectionBehavior(SelectItems);
    setMouseTracking(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollMode(ScrollPerPixel);
    setEditTriggers(NoEditTriggers);
    setAccessibleName(tr("Node grid"));
    setAccessibleDescription(tr("Every node as a tile coloured by its worst fault severity"));
    m_relayoutTimer.setSingleShot(true);
    m_relayoutTimer.setInterval(16);
    connect(&m_relayoutTimer, &QTimer::timeout, this, [this] {
        if (m_layoutDirty) {
            relayout();
            viewport()->update();
        }
    });
}

void NodeGridView::setModel(QAbstractItemModel *model)
{
    if (this->model())
        this->model()->disconnect(this);
    QAbstractItemView::setModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::layoutChanged, this, &NodeGridView::scheduleRelayout);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &NodeGridView::scheduleRelayout);
        connect(model, &QAbstractItemModel::rowsMoved, this, &NodeGridView::scheduleRelayout);
    }
    scheduleRelayout();
}

void NodeGridView::setTileSize(int px)
{
    m_fit = false;
    applyTileSize(px);
}

void NodeGridView::fitToView()
{
    m_fit = true;
    applyTileSize(fittingTileSize());
}

int NodeGridView::fittingTileSize() const
{
    // The largest size at which every tile (and group header) fits without scrolling.
    const int rows = model() ? model()->rowCount(rootIndex()) : 0;
    if (rows == 0)
        return m_tileSize;
    const int groups = std::max<int>(1, int(m_groups.size()));
    const int width = viewport()->width() - 2 * Margin;
    const int height = viewport()->height() - 2 * Margin -
                       (m_hasGroups ? groups * (fontMetrics().height() + 16) : 0);
    for (int s = MaxTileSize; s > MinTileSize; --s) {
        const int p = s + (s >= 16 ? 2 : 1);
        const int cols = std::max(1, (width + (s >= 16 ? 2 : 1)) / p);
        // Each group starts a new row of tiles.
        int lines = 0;
        if (m_hasGroups) {
            for (const Group &g : m_groups)
                lines += (int(g.rows.size()) + cols - 1) / cols;
        } else {
            lines = (rows + cols - 1) / cols;
        }
        if (lines * p <= height)
            return s;
    }
    return MinTileSize;
}

void NodeGridView::applyTileSize(int px)
{
    px = std::clamp(px, MinTileSize, MaxTileSize);
    if (px == m_tileSize)
        return;
    const QModelIndex anchor = currentIndex();
    m_tileSize = px;
    relayout();
    if (anchor.isValid())
        scrollTo(anchor, PositionAtCenter);
    viewport()->update();
    emit tileSizeChanged(px);
}

void NodeGridView::zoomIn()
{
    setTileSize(m_tileSize + std::max(2, m_tileSize / 4));
}

void NodeGridView::zoomOut()
{
    setTileSize(m_tileSize - std::max(1, m_tileSize / 5));
}

int NodeGridView::columns() const
{
    const int width = viewport()->width() - 2 * Margin + gap();
    return std::max(1, width / pitch());
}

int NodeGridView::headerHeight() const
{
    return m_hasGroups ? fontMetrics().height() + 10 : 0;
}

int NodeGridView::groupHeight(const Group &g) const
{
    const int rows = (int(g.rows.size()) + m_columns - 1) / m_columns;
    return headerHeight() + rows * pitch() + (m_hasGroups ? 6 : 0);
}

int NodeGridView::contentHeight() const
{
    if (m_groups.empty())
        return 0;
    const Group &last = m_groups.back();
    return last.top + groupHeight(last) + Margin;
}

QRect NodeGridView::tileRect(const Group &g, int slot) const
{
    const int col = slot % m_columns;
    const int row = slot / m_columns;
    return QRect(Margin + col * pitch(), g.top + headerHeight() + row * pitch(), m_tileSize,
                 m_tileSize);
}

QModelIndex NodeGridView::indexForRow(int row) const
{
    return model() ? model()->index(row, 0, rootIndex()) : QModelIndex();
}

void NodeGridView::scheduleRelayout()
{
    m_layoutDirty = true;
    if (!m_relayoutTimer.isActive())
        m_relayoutTimer.start();
}

void NodeGridView::ensureLayout() const
{
    if (m_layoutDirty)
        const_cast<NodeGridView *>(this)->relayout();
}

void NodeGridView::relayout()
{
    m_layoutDirty = false;
    m_groups.clear();
    m_pos.clear();
    m_columns = columns();
    QAbstractItemModel *m = model();
    const int rows = m ? m->rowCount(rootIndex()) : 0;
    m_pos.resize(std::size_t(rows));

    // Group by GroupRole, groups sorted by value (natural order: rack-2 before rack-10).
    std::map<QString, std::vector<int>, bool (*)(const QString &, const QString &)> byValue(
        [](const QString &a, const QString &b) {
            static QCollator collator = [] {
                QCollator c;
                c.setNumericMode(true);
                return c;
            }();
            return collator.compare(a, b) < 0;
        });
    m_hasGroups = false;
    for (int r = 0; r < rows; ++r) {
        const QModelIndex idx = m->index(r, 0, rootIndex());
        const QVariant g = m->data(idx, NodeGridModel::GroupRole);
        if (!g.isNull())
            m_hasGroups = true;
        byValue[g.toString()].push_back(r);
    }
    int y = Margin;
    for (auto &[value, members] : byValue) {
        Group g;
        g.value = value;
        g.rows = std::move(members);
        g.top = y;
        for (std::size_t slot = 0; slot < g.rows.size(); ++slot) {
            const int r = g.rows[slot];
            const int flags =
                m->data(m->index(r, 0, rootIndex()), NodeGridModel::TileFlagsRole).toInt();
            const bool faulty = (flags & NodeGridModel::SeverityMask) >= int(Severity::Minor);
            m_pos[std::size_t(r)] = {int(m_groups.size()), int(slot), faulty};
            if (faulty)
                ++g.faulty;
        }
        y += groupHeight(g);
        m_groups.push_back(std::move(g));
    }
    if (m_fit) {
        const int fitting = fittingTileSize();
        if (fitting != m_tileSize) {
            m_tileSize = fitting;
            emit tileSizeChanged(fitting);
            return relayout(); // positions depend on the size; groups are now known
        }
    }
    updateGeometries();
}

void NodeGridView::updateGeometries()
{
    if (m_layoutDirty)
        return scheduleRelayout();
    const int h = contentHeight();
    verticalScrollBar()->setSingleStep(pitch());
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setRange(0, std::max(0, h - viewport()->height()));
    QAbstractItemView::updateGeometries();
}

int NodeGridView::groupCount() const
{
    ensureLayout();
    return int(m_groups.size());
}

QString NodeGridView::groupTitle(int group) const
{
    ensureLayout();
    const Group &g = m_groups.at(std::size_t(group));
    const int n = int(g.rows.size());
    const QString value = g.value.isEmpty() ? tr("(no label)") : g.value;
    return g.faulty ? tr("%1 — %n node(s), %2 faulty", nullptr, n).arg(value).arg(g.faulty)
                    : tr("%1 — %n node(s)", nullptr, n).arg(value);
}

int NodeGridView::tilesInGroup(int group) const
{
    ensureLayout();
    return int(m_groups.at(std::size_t(group)).rows.size());
}

QRect NodeGridView::visualRect(const QModelIndex &index) const
{
    ensureLayout();
    if (!index.isValid() || index.row() >= int(m_pos.size()))
        return {};
    const Pos p = m_pos[std::size_t(index.row())];
    if (p.group < 0)
        return {};
    return tileRect(m_groups[std::size_t(p.group)], p.slot).translated(0, -verticalOffset());
}

void NodeGridView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    const QRect r = visualRect(index);
    if (r.isEmpty())
        return;
    const QRect area = viewport()->rect();
    QScrollBar *sb = verticalScrollBar();
    const int contentTop = r.top() + verticalOffset();
    switch (hint) {
    case PositionAtTop:
        sb->setValue(contentTop - Margin);
        break;
    case PositionAtBottom:
        sb->setValue(contentTop + r.height() - area.height() + Margin);
        break;
    case PositionAtCenter:
        sb->setValue(contentTop - (area.height() - r.height()) / 2);
        break;
    case EnsureVisible:
        if (r.top() < area.top())
            sb->setValue(contentTop - Margin - headerHeight());
        else if (r.bottom() > area.bottom())
            sb->setValue(contentTop + r.height() - area.height() + Margin);
        break;
    }
    viewport()->update();
}

QModelIndex NodeGridView::indexAt(const QPoint &point) const
{
    ensureLayout();
    const int y = point.y() + verticalOffset();
    const int x = point.x() - Margin;
    if (x < 0)
        return {};
    auto it = std::upper_bound(m_groups.begin(), m_groups.end(), y,
                               [](int yy, const Group &g) { return yy < g.top; });
    if (it == m_groups.begin())
        return {};
    const Group &g = *std::prev(it);
    const int inY = y - g.top - headerHeight();
    if (inY < 0)
        return {};
    const int col = x / pitch();
    const int row = inY / pitch();
    if (col >= m_columns || x % pitch() >= m_tileSize || inY % pitch() >= m_tileSize)
        return {};
    const int slot = row * m_columns + col;
    if (slot >= int(g.rows.size()))
        return {};
    return indexForRow(g.rows[std::size_t(slot)]);
}

int NodeGridView::horizontalOffset() const
{
    return 0;
}

int NodeGridView::verticalOffset() const
{
    return verticalScrollBar()->value();
}

bool NodeGridView::isIndexHidden(const QModelIndex &) const
{
    return false;
}

QModelIndex NodeGridView::moveCursor(CursorAction action, Qt::KeyboardModifiers)
{
    ensureLayout();
    if (m_groups.empty())
        return {};
    QModelIndex cur = currentIndex();
    if (!cur.isValid() || cur.row() >= int(m_pos.size()))
        return indexForRow(m_groups.front().rows.front());
    const Pos p = m_pos[std::size_t(cur.row())];
    int group = p.group;
    int slot = p.slot;
    const int perPage = std::max(1, viewport()->height() / pitch()) * m_columns;
    auto groupSize = [&](int gi) { return int(m_groups[std::size_t(gi)].rows.size()); };
    switch (action) {
    case MoveLeft:
    case MovePrevious:
        if (slot > 0)
            --slot;
        else if (group > 0)
            slot = groupSize(--group) - 1;
        break;
    case MoveRight:
    case MoveNext:
        if (slot + 1 < groupSize(group))
            ++slot;
        else if (group + 1 < int(m_groups.size()))
            group++, slot = 0;
        break;
    case MoveUp:
        if (slot - m_columns >= 0) {
            slot -= m_columns;
        } else if (group > 0) {
            --group;
            const int n = groupSize(group);
            const int lastRowStart = ((n - 1) / m_columns) * m_columns;
            slot = std::min(n - 1, lastRowStart + slot % m_columns);
        }
        break;
    case MoveDown:
        if (slot + m_columns < groupSize(group)) {
            slot += m_columns;
        } else if ((slot / m_columns) < (groupSize(group) - 1) / m_columns) {
            slot = groupSize(group) - 1; // the last row is shorter
        } else if (group + 1 < int(m_groups.size())) {
            ++group;
            slot = std::min(groupSize(group) - 1, slot % m_columns);
        }
        break;
    case MoveHome:
        group = 0, slot = 0;
        break;
    case MoveEnd:
        group = int(m_groups.size()) - 1;
        slot = groupSize(group) - 1;
        break;
    case MovePageUp:
        slot = std::max(0, slot - perPage);
        break;
    case MovePageDown:
        slot = std::min(groupSize(group) - 1, slot + perPage);
        break;
    }
    return indexForRow(m_groups[std::size_t(group)].rows[std::size_t(slot)]);
}

void NodeGridView::setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command)
{
    ensureLayout();
    if (!selectionModel() || !model())
        return;
    const QRect content = rect.normalized().translated(0, verticalOffset());
    QList<int> rows;
    for (const Group &g : m_groups) {
        if (g.top > content.bottom() || g.top + groupHeight(g) < content.top())
            continue;
        for (std::size_t slot = 0; slot < g.rows.size(); ++slot)
            if (tileRect(g, int(slot)).intersects(content))
                rows.append(g.rows[slot]);
    }
    std::sort(rows.begin(), rows.end());
    QItemSelection sel;
    for (int i = 0; i < rows.size();) {
        int j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1)
            ++j;
        sel.select(indexForRow(rows[i]), indexForRow(rows[j]));
        i = j + 1;
    }
    selectionModel()->select(sel, command);
}

QRegion NodeGridView::visualRegionForSelection(const QItemSelection &selection) const
{
    QRegion region;
    for (const QItemSelectionRange &range : selection) {
        for (int r = range.top(); r <= range.bottom(); ++r) {
            region += visualRect(indexForRow(r));
            if (region.rectCount() > 512)
                return viewport()->rect(); // large selections: repaint everything once
        }
    }
    return region;
}

void NodeGridView::paintTile(QPainter &p, const QRect &r, const QModelIndex &index, bool dark) const
{
    const int flags = model()->data(index, NodeGridModel::TileFlagsRole).toInt();
    const auto sev = Severity(flags & NodeGridModel::SeverityMask);
    const QColor fill = SeverityStyle::color(sev, dark);
    p.fillRect(r, fill);
    const int s = r.width();
    if (s >= 48) // the name goes at the bottom: keep the glyph in the upper part
        SeverityStyle::drawGlyph(&p, QRectF(r.left(), r.top() + s * 0.12, s, s * 0.55), sev,
                                 SeverityStyle::textColor(sev));
    else if (s >= 12)
        SeverityStyle::drawGlyph(&p, r, sev, SeverityStyle::textColor(sev));
    if (flags & NodeGridModel::CordonedFlag) {
        // Cordoned: diagonal hatching over the tile.
        p.fillRect(r, QBrush(SeverityStyle::hatchColor(), Qt::BDiagPattern));
    }
    if (flags & NodeGridModel::IsolatedFlag) // a thick frame, seen on the fill and the background
        SeverityStyle::drawIsolatedFrame(&p, r, sev, palette());
    if (flags & NodeGridModel::AcceleratorsDegradedFlag) {
        // Lost chips: a small triangle in the top-right corner.
        const int t = std::max(3, s / 3);
        const QPoint pts[3] = {r.topRight() + QPoint(1, 0), r.topRight() + QPoint(1 - t, 0),
                               r.topRight() + QPoint(1, t)};
        p.setPen(Qt::NoPen);
        p.setBrush(SeverityStyle::textColor(sev));
        p.drawPolygon(pts, 3);
    }
    if (s >= 48) {
        p.setPen(SeverityStyle::textColor(sev));
        QFont f = font();
        f.setPointSizeF(std::max(6.0, f.pointSizeF() * 0.75));
        p.setFont(f);
        const QString name = model()->data(index, Qt::DisplayRole).toString();
        p.drawText(r.adjusted(2, 2, -2, -2), Qt::AlignBottom | Qt::AlignHCenter,
                   QFontMetrics(f).elidedText(name, Qt::ElideMiddle, s - 4));
    }
}

void NodeGridView::paintEvent(QPaintEvent *event)
{
    QElapsedTimer timer;
    timer.start();
    ensureLayout();
    QPainter p(viewport());
    const bool dark = SeverityStyle::isDark(palette());
    p.fillRect(event->rect(), palette().base());
    if (!model())
        return;
    const int offset = verticalOffset();
    const QRect visible = event->rect().translated(0, offset);
    const QItemSelectionModel *sel = selectionModel();
    const QModelIndex current = currentIndex();
    const QColor selectionColor = palette().color(QPalette::Highlight);

    for (const Group &g : m_groups) {
        const int gh = groupHeight(g);
        if (g.top > visible.bottom())
            break;
        if (g.top + gh < visible.top())
            continue;
        if (m_hasGroups) {
            const QRect header(Margin, g.top - offset, viewport()->width() - 2 * Margin,
                               headerHeight() - 4);
            p.setPen(palette().color(QPalette::Text));
            QFont bold = font();
            bold.setBold(true);
            p.setFont(bold);
            p.drawText(header, Qt::AlignVCenter | Qt::AlignLeft,
                       groupTitle(int(&g - m_groups.data())));
            p.setFont(font());
        }
        const int firstRow = std::max(0, (visible.top() - g.top - headerHeight()) / pitch());
        const int lastRow = (visible.bottom() - g.top - headerHeight()) / pitch();
        const int firstSlot = firstRow * m_columns;
        const int lastSlot = std::min(int(g.rows.size()) - 1, (lastRow + 1) * m_columns - 1);
        for (int slot = firstSlot; slot <= lastSlot; ++slot) {
            const QRect r = tileRect(g, slot).translated(0, -offset);
            const QModelIndex idx = indexForRow(g.rows[std::size_t(slot)]);
            paintTile(p, r, idx, dark);
            if (sel && sel->isSelected(idx)) {
                p.setPen(QPen(selectionColor, std::max(2, m_tileSize / 7)));
                p.setBrush(Qt::NoBrush);
                p.drawRect(r.adjusted(-1, -1, 0, 0));
            }
            if (idx == current && hasFocus()) {
                p.setPen(QPen(palette().color(QPalette::Text), 1, Qt::DotLine));
                p.setBrush(Qt::NoBrush);
                p.drawRect(r.adjusted(-2, -2, 1, 1));
            }
        }
    }
    if (!m_rubberBand.isNull()) {
        QColor c = selectionColor;
        c.setAlpha(60);
        p.setPen(selectionColor);
        p.setBrush(c);
        p.drawRect(m_rubberBand.normalized());
    }
    m_lastPaintNs = timer.nsecsElapsed();
}

void NodeGridView::resizeEvent(QResizeEvent *event)
{
    QAbstractItemView::resizeEvent(event);
    if (m_fit || columns() != m_columns) {
        relayout();
        viewport()->update();
    } else {
        updateGeometries();
    }
}

void NodeGridView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        if (event->angleDelta().y() > 0)
            zoomIn();
        else if (event->angleDelta().y() < 0)
            zoomOut();
        event->accept();
        return;
    }
    QAbstractItemView::wheelEvent(event);
}

void NodeGridView::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->position().toPoint() + QPoint(0, verticalOffset());
    m_rubberBand = {};
    QAbstractItemView::mousePressEvent(event);
}

void NodeGridView::mouseMoveEvent(QMouseEvent *event)
{
    QAbstractItemView::mouseMoveEvent(event);
    if ((event->buttons() & Qt::LeftButton) && selectionMode() == ExtendedSelection) {
        const QRect old = m_rubberBand;
        m_rubberBand = QRect(m_pressPos - QPoint(0, verticalOffset()), event->position().toPoint())
                           .normalized();
        viewport()->update((old | m_rubberBand).adjusted(-2, -2, 2, 2));
        // QAbstractItemView selects only while the pointer is over a tile: a band that ends in
        // the margin, a gap or below the last row would keep the selection of its last tile
        // and miss the edge tiles it covers. Select what the band covers, wherever it ends.
        if (m_rubberBand.width() > 1 || m_rubberBand.height() > 1) {
            if (state() != DragSelectingState)
                setState(DragSelectingState);
            setSelection(m_rubberBand, selectionCommand(QModelIndex(), event));
        }
    }
}

void NodeGridView::mouseReleaseEvent(QMouseEvent *event)
{
    QAbstractItemView::mouseReleaseEvent(event);
    if (!m_rubberBand.isNull()) {
        const QRect old = m_rubberBand;
        m_rubberBand = {};
        viewport()->update(old.adjusted(-2, -2, 2, 2));
    }
}

void NodeGridView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                               const QList<int> &roles)
{
    QAbstractItemView::dataChanged(topLeft, bottomRight, roles);
    if (m_layoutDirty)
        return;
    const int first = std::max(0, topLeft.row());
    const int last = std::min(bottomRight.row(), int(m_pos.size()) - 1);
    bool headersChanged = false;
    if (m_hasGroups) {
        // A changed grouping label moves the tile to another group: lay out again. A severity
        // change only alters its group's faulty count.
        for (int r = first; r <= last; ++r) {
            const QModelIndex idx = indexForRow(r);
            Pos &p = m_pos[std::size_t(r)];
            if (p.group < 0 || model()->data(idx, NodeGridModel::GroupRole).toString() !=
                                   m_groups[std::size_t(p.group)].value)
                return scheduleRelayout();
            const bool faulty = (model()->data(idx, NodeGridModel::TileFlagsRole).toInt() &
                                 NodeGridModel::SeverityMask) >= int(Severity::Minor);
            if (faulty != p.faulty) {
                m_groups[std::size_t(p.group)].faulty += faulty ? 1 : -1;
                p.faulty = faulty;
                headersChanged = true;
            }
        }
    }
    if (headersChanged || last - first > 256) {
        viewport()->update();
        return;
    }
    QRegion region;
    for (int r = first; r <= last; ++r)
        region += visualRect(indexForRow(r)).adjusted(-2, -2, 2, 2);
    viewport()->update(region);
}

void NodeGridView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    QAbstractItemView::rowsInserted(parent, start, end);
    scheduleRelayout();
}

void NodeGridView::rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end)
{
    QAbstractItemView::rowsAboutToBeRemoved(parent, start, end);
    scheduleRelayout();
}

void NodeGridView::reset()
{
    QAbstractItemView::reset();
    scheduleRelayout();
}

} // namespace ui

#include "ui/NodeGridView.h"

#include "models/NodeGridModel.h"
#include "ui/SeverityStyle.h"

#include <QCollator>
#include <QHelpEvent>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>
#include <utility>

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
    m_relayoutTimer.setInterval(NodeGridModel::FrameIntervalMs);
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
    m_layoutDirty = true;
    relayout();
    viewport()->update();
}

bool NodeGridView::Pos::faulty() const
{
    return (flags & NodeGridModel::SeverityMask) >= int(Severity::Minor);
}

int NodeGridView::flow(double size, Shape shape)
{
    const int gap = gapFor(int(size));
    const double p = size + gap;
    const int width = std::max(1, viewport()->width() - 2 * Margin);
    const int maxCols = std::max(1, int((width + gap) / p + 1e-6));
    if (!m_hasGroups) {
        m_headerH = 0;
        int y = Margin;
        for (Group &g : m_groups) {
            g.left = Margin, g.top = y, g.cols = maxCols;
            const int rows = (int(g.rows.size()) + maxCols - 1) / maxCols;
            g.width = edge(maxCols, p) - gap;
            g.height = std::max(0, edge(rows, p) - gap);
            y += g.height;
        }
        return y + Margin;
    }
    // Labelled blocks are at least a short title wide; unlabelled ones are parted by a gap of
    // the background (their titles are the tooltips).
    m_headerH = shape.labelled ? fontMetrics().height() + 6 : 0;
    const int minWidth = shape.labelled ? fontMetrics().averageCharWidth() * 14 : 0;
    const int hGap = shape.labelled ? 10 : (size >= 3 ? 3 : 2);
    const int vGap = shape.labelled ? 8 : hGap;
    int x = Margin, y = Margin, shelf = 0;
    for (Group &g : m_groups) {
        const int n = std::max<int>(1, int(g.rows.size()));
        int cols = int(std::ceil(std::sqrt(double(n) * shape.aspect)));
        cols = std::max(cols, std::min(n, int(std::ceil(minWidth / p))));
        cols = std::clamp(cols, 1, maxCols);
        const int rows = (n + cols - 1) / cols;
        g.cols = cols;
        g.width = std::max(minWidth, edge(cols, p) - gap);
        g.height = m_headerH + edge(rows, p) - gap;
        if (x > Margin && x + g.width > Margin + width) {
            x = Margin;
            y += shelf + vGap;
            shelf = 0;
        }
        g.left = x, g.top = y;
        x += g.width + hGap;
        shelf = std::max(shelf, g.height);
    }
    return y + shelf + Margin;
}

namespace {
// Square blocks, wider ones, and one full-width band per group: which fits best depends on how
// many groups there are and how big.
constexpr double Aspects[] = {1.0, 3.0, 1e9};
} // namespace

double NodeGridView::fittingTileSize()
{
    const int rows = model() ? model()->rowCount(rootIndex()) : 0;
    if (rows == 0)
        return m_size;
    const int height = viewport()->height();
    // The fit depends only on the blocks' sizes and the viewport: a re-sort (faults first, a
    // storm under it) keeps them, and the search below (hundreds of flows over thousands of
    // blocks) is skipped.
    std::vector<int> key{viewport()->width(), height, fontMetrics().height(),
                         fontMetrics().averageCharWidth(), int(m_hasGroups)};
    key.reserve(key.size() + m_groups.size());
    for (const Group &g : m_groups)
        key.push_back(int(g.rows.size()));
    if (key != m_fitKey) {
        m_fitKey = std::move(key);
        m_fitSize = searchFittingTileSize(height);
        m_fitShape = m_shape;
    }
    m_shape = m_fitShape;
    return m_fitSize;
}

double NodeGridView::searchFittingTileSize(int height)
{
    // Labelled blocks at any size first: a title says more than a pixel of tile. Without
    // groups, or when even 1 px tiles do not fit with titles, blocks go unlabelled.
    for (const bool labelled : {true, false}) {
        if (!labelled && !m_hasGroups)
            break;
        for (int s = MaxTileSize; s >= MinTileSize; --s) {
            for (const double aspect : Aspects) {
                const Shape shape{aspect, labelled};
                if (flow(s, shape) <= height) {
                    m_shape = shape;
                    return s < GaplessBelow ? refineFittingTileSize(s, labelled, height) : s;
                }
                if (!m_hasGroups)
                    break;
            }
        }
    }
    m_shape = {1.0, !m_hasGroups};
    return MinTileSize;
}

double NodeGridView::refineFittingTileSize(int fits, bool labelled, int height)
{
    // Gapless tiles need not be whole pixels: s + 1 px did not fit, but s + 0.6 may, and at
    // 65,000 nodes 1 px tiles fill a quarter of a grid that 1.7 px tiles fill. Tiles are then
    // 1 or 2 px wide in turn (edge()), every node still one tile and hit-tested as drawn.
    double best = fits;
    Shape bestShape = m_shape;
    for (const double aspect : Aspects) {
        const Shape shape{aspect, labelled};
        double lo = fits, hi = fits + 1;
        if (flow(lo, shape) > height)
            continue;
        for (int i = 0; i < 10; ++i) {
            const double mid = (lo + hi) / 2;
            (flow(mid, shape) <= height ? lo : hi) = mid;
        }
        if (lo > best)
            best = lo, bestShape = shape;
        if (!m_hasGroups)
            break;
    }
    m_shape = bestShape;
    return best;
}

NodeGridView::Shape NodeGridView::shortestShape(int size)
{
    Shape best{1.0, true};
    int bestHeight = std::numeric_limits<int>::max();
    for (const double aspect : Aspects) {
        const int h = flow(size, {aspect, true});
        if (h < bestHeight)
            bestHeight = h, best = {aspect, true};
        if (!m_hasGroups)
            break;
    }
    return best;
}

void NodeGridView::applyTileSize(int px)
{
    px = std::clamp(px, MinTileSize, MaxTileSize);
    if (px == m_tileSize && m_size == px)
        return;
    const QModelIndex anchor = currentIndex();
    m_tileSize = px;
    m_size = px;
    relayout();
    if (anchor.isValid())
        scrollTo(anchor, PositionAtCenter);
    viewport()->update();
    emit tileSizeChanged(px);
}

void NodeGridView::zoomIn()
{
    setTileSize(m_tileSize + std::max(1, m_tileSize / 4));
}

void NodeGridView::zoomOut()
{
    setTileSize(m_tileSize - std::max(1, m_tileSize / 5));
}

QRect NodeGridView::tileRect(const Group &g, int slot) const
{
    const int col = slot % g.cols;
    const int row = slot / g.cols;
    const double p = cellPitch();
    const int x = edge(col, p), y = edge(row, p);
    return QRect(g.left + x, g.top + m_headerH + y, edge(col + 1, p) - x - gap(),
                 edge(row + 1, p) - y - gap());
}

QRect NodeGridView::markRect(const QRect &tile) const
{
    if (m_tileSize >= HeatmapBelow)
        return tile;
    // The mark's core is at least FaultMarkSize px, centred on the tile, with a 1 px outline.
    const int core = std::max({FaultMarkSize, tile.width(), tile.height()});
    const int side = core + 2;
    const QPoint c = tile.topLeft() + QPoint((tile.width() - side) / 2, (tile.height() - side) / 2);
    return QRect(c, QSize(side, side));
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
    QElapsedTimer took;
    took.start();
    m_layoutDirty = false;
    m_groups.clear();
    m_pos.clear();
    m_layoutWidth = viewport()->width();
    QAbstractItemModel *m = model();
    const int rows = m ? m->rowCount(rootIndex()) : 0;
    m_pos.resize(std::size_t(rows));

    // Group by GroupRole, groups sorted by value (natural order: rack-2 before rack-10). Rows
    // are gathered by exact value first and only the distinct values are collated: 65,000 rows
    // in 4,000 racks are 4,000 values to sort, not 65,000 collated map inserts.
    QHash<QString, int> groupOf;
    std::vector<std::pair<QString, std::vector<int>>> byValue;
    std::vector<int> flags(std::size_t(rows), 0);
    m_hasGroups = false;
    for (int r = 0; r < rows; ++r) {
        const QModelIndex idx = m->index(r, 0, rootIndex());
        const QVariant g = m->data(idx, NodeGridModel::GroupRole);
        if (!g.isNull())
            m_hasGroups = true;
        const QString value = g.toString();
        auto it = groupOf.constFind(value);
        if (it == groupOf.cend()) {
            it = groupOf.insert(value, int(byValue.size()));
            byValue.push_back({value, {}});
        }
        byValue[std::size_t(*it)].second.push_back(r);
        flags[std::size_t(r)] = m->data(idx, NodeGridModel::TileFlagsRole).toInt();
    }
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(byValue.begin(), byValue.end(), [&collator](const auto &a, const auto &b) {
        return collator.compare(a.first, b.first) < 0;
    });
    m_groups.reserve(byValue.size());
    for (auto &[value, members] : byValue) {
        Group g;
        g.value = value;
        g.rows = std::move(members);
        for (std::size_t slot = 0; slot < g.rows.size(); ++slot) {
            const int r = g.rows[slot];
            Pos &p = m_pos[std::size_t(r)];
            p = {int(m_groups.size()), int(slot), flags[std::size_t(r)]};
            if (p.faulty())
                ++g.faulty;
        }
        m_groups.push_back(std::move(g));
    }
    if (m_fit) {
        m_size = fittingTileSize();
        if (int(m_size) != m_tileSize) {
            m_tileSize = int(m_size);
            emit tileSizeChanged(m_tileSize);
        }
    } else {
        m_shape = shortestShape(m_tileSize);
    }
    m_contentHeight = m_groups.empty() ? 0 : flow(m_size, m_shape);
    invalidateHeatmap();
    updateGeometries();
    // While a big list streams in, rows arrive many times a second and a layout of 65,000
    // costs tens of milliseconds: the coalesced ones come at most every three layouts' time, so
    // at least two thirds of the GUI thread stay free for input.
    m_relayoutTimer.setInterval(
        std::clamp(int(took.elapsed() * 3), NodeGridModel::FrameIntervalMs, 500));
}

void NodeGridView::updateGeometries()
{
    if (m_layoutDirty)
        return scheduleRelayout();
    const int h = contentHeight();
    verticalScrollBar()->setSingleStep(std::max(8, pitch()));
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

QRect NodeGridView::groupRect(int group) const
{
    ensureLayout();
    const Group &g = m_groups.at(std::size_t(group));
    return QRect(g.left, g.top - verticalOffset(), g.width, g.height);
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

QRect NodeGridView::faultMarkRect(const QModelIndex &index) const
{
    ensureLayout();
    if (!index.isValid() || index.row() >= int(m_pos.size()) ||
        !m_pos[std::size_t(index.row())].faulty())
        return {};
    return markRect(visualRect(index));
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
            sb->setValue(contentTop - Margin - m_headerH);
        else if (r.bottom() > area.bottom())
            sb->setValue(contentTop + r.height() - area.height() + Margin);
        break;
    }
    // No repaint of its own: a scroll repaints what it exposes, and currentChanged the focus
    // frames (each keyboard step used to repaint the whole viewport here).
}

const NodeGridView::Group *NodeGridView::groupAt(const QPoint &c) const
{
    // Blocks are in reading order; a few thousand rectangle tests per mouse move are nothing.
    for (const Group &g : m_groups) {
        if (g.top > c.y())
            break;
        if (QRect(g.left, g.top, g.width, g.height).contains(c))
            return &g;
    }
    return nullptr;
}

int NodeGridView::slotAt(const Group &g, const QPoint &c) const
{
    const int x = c.x() - g.left;
    const int y = c.y() - g.top - m_headerH;
    if (x < 0 || y < 0)
        return -1;
    const double p = cellPitch();
    // The cell whose [edge(i), edge(i + 1)) holds v; then whether v is on its tile or its gap.
    const auto cell = [p](int v) {
        int i = int(v / p);
        while (i > 0 && edge(i, p) > v)
            --i;
        while (edge(i + 1, p) <= v)
            ++i;
        return i;
    };
    const int col = cell(x), row = cell(y);
    if (col >= g.cols || x >= edge(col + 1, p) - gap() || y >= edge(row + 1, p) - gap())
        return -1;
    const int slot = row * g.cols + col;
    return slot < int(g.rows.size()) ? slot : -1;
}

QModelIndex NodeGridView::indexAt(const QPoint &point) const
{
    ensureLayout();
    const QPoint c = point + QPoint(0, verticalOffset());
    const Group *g = groupAt(c);
    if (m_tileSize < HeatmapBelow) {
        // A faulty node's mark covers its neighbours' pixels: the point goes to what is drawn
        // there. The paint draws every mark's outline, then every mark's inside, each in the
        // order (severity, group, slot): a pixel showing a node's inside is that node's (the
        // greatest whose inside has it), an outline pixel the greatest mark's it lies on.
        const int reach = (std::max(FaultMarkSize, m_tileSize + 1) + 2) / 2 + 1;
        int best = -1, bestInside = -1;
        std::tuple<int, int, int> bestKey{-1, -1, -1}, bestInsideKey{-1, -1, -1};
        for (const Group &grp : m_groups) {
            if (grp.top > c.y() + reach)
                break;
            if (!QRect(grp.left, grp.top, grp.width, grp.height)
                     .adjusted(-reach, -reach, reach, reach)
                     .contains(c))
                continue;
            for (int dy = -reach; dy <= reach; dy += 1) {
                for (int dx = -reach; dx <= reach; dx += 1) {
                    const int slot = slotAt(grp, c + QPoint(dx, dy));
                    if (slot < 0)
                        continue;
                    const int row = grp.rows[std::size_t(slot)];
                    const Pos &p = m_pos[std::size_t(row)];
                    if (!p.faulty())
                        continue;
                    const std::tuple<int, int, int> key{p.flags & NodeGridModel::SeverityMask,
                                                        p.group, p.slot};
                    const QRect mark = markRect(tileRect(grp, slot));
                    if (key > bestKey && mark.contains(c))
                        best = row, bestKey = key;
                    if (key > bestInsideKey && mark.adjusted(1, 1, -1, -1).contains(c))
                        bestInside = row, bestInsideKey = key;
                }
            }
        }
        if (bestInside >= 0)
            return indexForRow(bestInside);
        if (best >= 0)
            return indexForRow(best);
    }
    if (!g)
        return {};
    const int slot = slotAt(*g, c);
    return slot < 0 ? QModelIndex() : indexForRow(g->rows[std::size_t(slot)]);
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
    auto groupSize = [&](int gi) { return int(m_groups[std::size_t(gi)].rows.size()); };
    auto cols = [&](int gi) { return m_groups[std::size_t(gi)].cols; };
    const int perPage = std::max(1, viewport()->height() / pitch()) * cols(group);
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
        if (slot - cols(group) >= 0) {
            slot -= cols(group);
        } else if (group > 0) {
            const int col = slot % cols(group);
            --group;
            const int n = groupSize(group);
            const int lastRowStart = ((n - 1) / cols(group)) * cols(group);
            slot = std::min(n - 1, lastRowStart + std::min(col, cols(group) - 1));
        }
        break;
    case MoveDown:
        if (slot + cols(group) < groupSize(group)) {
            slot += cols(group);
        } else if ((slot / cols(group)) < (groupSize(group) - 1) / cols(group)) {
            slot = groupSize(group) - 1; // the last row is shorter
        } else if (group + 1 < int(m_groups.size())) {
            const int col = slot % cols(group);
            ++group;
            slot = std::min(groupSize(group) - 1, std::min(col, cols(group) - 1));
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
    const QRect normal = rect.normalized();
    if (normal.width() <= 1 && normal.height() <= 1) {
        // A click: the node indexAt gives, i.e. what is drawn there (a faulty node's mark
        // covers its neighbours' pixels), never the tile beneath a mark.
        const QModelIndex idx = indexAt(normal.topLeft());
        selectionModel()->select(idx.isValid() ? QItemSelection(idx, idx) : QItemSelection(),
                                 command);
        return;
    }
    const QRect content = normal.translated(0, verticalOffset());
    const bool heatmap = m_tileSize < HeatmapBelow;
    const int reach = heatmap ? std::max(FaultMarkSize, m_tileSize + 1) + 2 : 0;
    QList<int> rows;
    for (const Group &g : m_groups) {
        if (!QRect(g.left, g.top, g.width, g.height)
                 .adjusted(-reach, -reach, reach, reach)
                 .intersects(content))
            continue;
        for (std::size_t slot = 0; slot < g.rows.size(); ++slot) {
            const QRect tile = tileRect(g, int(slot));
            // A band over part of a faulty node's mark takes that node, as a click there would.
            if (tile.intersects(content) || (heatmap && m_pos[std::size_t(g.rows[slot])].faulty() &&
                                             markRect(tile).intersects(content)))
                rows.append(g.rows[slot]);
        }
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
            region += markRect(visualRect(indexForRow(r))).adjusted(-2, -2, 2, 2);
            if (region.rectCount() > 512)
                return viewport()->rect(); // large selections: repaint everything once
        }
    }
    return region;
}

bool NodeGridView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && !m_groups.empty() && m_headerH == 0) {
        // Unlabelled blocks: the gaps and the tiles' own tooltips aside, a block says its title.
        auto *help = static_cast<QHelpEvent *>(event);
        if (!indexAt(help->pos()).isValid()) {
            if (const Group *g = groupAt(help->pos() + QPoint(0, verticalOffset())))
                QToolTip::showText(help->globalPos(), groupTitle(int(g - m_groups.data())),
                                   viewport());
            else
                QToolTip::hideText();
            return true;
        }
    }
    return QAbstractItemView::viewportEvent(event);
}

void NodeGridView::paintTile(QPainter &p, const QRect &r, const QModelIndex &index, int flags,
                             bool dark) const
{
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

std::vector<char> NodeGridView::selectedRowMask(int *count) const
{
    std::vector<char> mask(m_pos.size(), 0);
    int n = 0;
    if (const QItemSelectionModel *sel = selectionModel()) {
        for (const QItemSelectionRange &range : sel->selection()) {
            if (range.parent() != rootIndex())
                continue;
            const int last = std::min(range.bottom(), int(mask.size()) - 1);
            for (int r = std::max(0, range.top()); r <= last; ++r)
                n += !std::exchange(mask[std::size_t(r)], char(1));
        }
    }
    if (count)
        *count = n;
    return mask;
}

void NodeGridView::invalidateHeatmap()
{
    m_heatmapDirty = true;
}

void NodeGridView::renderHeatmap(bool dark, const std::vector<char> &selectedRows,
                                 int selectedCount) const
{
    // One image for the whole viewport, written pixel by pixel: at 65,000 one-pixel tiles a
    // fillRect each would cost more than a frame. Kept until what it shows changes.
    const int offset = verticalOffset();
    const QSize size = viewport()->size();
    if (m_heatmap.size() != size)
        m_heatmap = QImage(size, QImage::Format_ARGB32_Premultiplied);
    m_heatmap.fill(Qt::transparent);
    m_heatmapDirty = false;
    m_heatmapOffset = offset;
    QImage &img = m_heatmap;
    QRgb colors[8];
    for (int sev = 0; sev < 8; ++sev)
        colors[sev] =
            SeverityStyle::color(Severity(std::min(sev, int(Severity::Critical))), dark).rgba();
    const QRgb selected = palette().color(QPalette::Highlight).rgba();
    const QRgb outline = SeverityStyle::markOutlineColor().rgba();
    auto fill = [&](QRect r, QRgb c) {
        r = r.translated(0, -offset) & img.rect();
        for (int y = r.top(); y <= r.bottom(); ++y) {
            QRgb *line = reinterpret_cast<QRgb *>(img.scanLine(y));
            std::fill(line + r.left(), line + r.right() + 1, c);
        }
    };
    auto frame = [&](const QRect &r, QRgb c) {
        fill(QRect(r.left(), r.top(), r.width(), 1), c);
        fill(QRect(r.left(), r.bottom(), r.width(), 1), c);
        fill(QRect(r.left(), r.top(), 1, r.height()), c);
        fill(QRect(r.right(), r.top(), 1, r.height()), c);
    };
    struct Mark
    {
        QRect tile;
        int severity;
        int group;
        int slot;
        bool selected;
    };
    std::vector<Mark> marks;
    std::vector<QRect> rings; // selected healthy nodes: a frame around the pixel
    const bool ringSelection = selectedCount > 0 && selectedCount <= MaxSelectionRings;
    const QRect content(0, offset, size.width(), size.height());
    const int reach = std::max(FaultMarkSize, m_tileSize + 1) + 2;
    const double pitch = cellPitch();
    const int gp = gap();
    std::vector<int> xs;
    for (const Group &g : m_groups) {
        if (g.top > content.bottom() + reach)
            break;
        if (!QRect(g.left, g.top, g.width, g.height)
                 .intersects(content.adjusted(-reach, -reach, reach, reach)))
            continue;
        const int gi = int(&g - m_groups.data());
        // Tile edges as tileRect() has them, per column once, and only the lines in view.
        xs.resize(std::size_t(g.cols) + 1);
        for (int c = 0; c <= g.cols; ++c)
            xs[std::size_t(c)] = g.left + edge(c, pitch);
        const int n = int(g.rows.size());
        const int top = g.top + m_headerH;
        for (int line = 0; line * g.cols < n; ++line) {
            const int y0 = top + edge(line, pitch), y1 = top + edge(line + 1, pitch) - gp;
            if (y1 + reach < content.top())
                continue;
            if (y0 - reach > content.bottom())
                break;
            const int last = std::min(n, (line + 1) * g.cols);
            for (int slot = line * g.cols; slot < last; ++slot) {
                const int c = slot - line * g.cols;
                const QRect r(xs[std::size_t(c)], y0,
                              xs[std::size_t(c) + 1] - xs[std::size_t(c)] - gp, y1 - y0);
                const int row = g.rows[std::size_t(slot)];
                const Pos &pos = m_pos[std::size_t(row)];
                const bool isSel = selectedCount > 0 && selectedRows[std::size_t(row)];
                fill(r, isSel ? selected : colors[pos.flags & NodeGridModel::SeverityMask]);
                if (pos.faulty())
                    marks.push_back({r, pos.flags & NodeGridModel::SeverityMask, gi, slot, isSel});
                else if (isSel && ringSelection)
                    rings.push_back(markRect(r));
            }
        }
    }
    for (const QRect &r : rings)
        frame(r, selected);
    // Marks over the tiles and rings, in the order indexAt assumes: every outline, then every
    // inside, the worst last so it stays on top where marks overlap, and between equals the
    // later one. Outlines first, so a run of faulty neighbours (a rack's storm) is one band of
    // their colours in one outline, not a black bar of outlines over each other's insides.
    std::sort(marks.begin(), marks.end(), [](const Mark &a, const Mark &b) {
        return std::tie(a.severity, a.group, a.slot) < std::tie(b.severity, b.group, b.slot);
    });
    for (const Mark &m : marks)
        fill(markRect(m.tile), m.selected ? selected : outline);
    for (const Mark &m : marks)
        fill(markRect(m.tile).adjusted(1, 1, -1, -1), colors[m.severity]);
}

QRect NodeGridView::focusFrame(const QModelIndex &index) const
{
    const QRect r = markRect(visualRect(index));
    return r.isEmpty() ? QRect() : r.adjusted(-2, -2, 1, 1);
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
    const QModelIndex current = currentIndex();
    const QColor selectionColor = palette().color(QPalette::Highlight);
    const bool heatmap = m_tileSize < HeatmapBelow;
    int selectedCount = 0;
    std::vector<char> selectedRows;
    m_lastPaintRendered = false;
    if (!heatmap || m_heatmapDirty || m_heatmapOffset != offset ||
        m_heatmap.size() != viewport()->size()) {
        selectedRows = selectedRowMask(&selectedCount);
        if (heatmap) {
            renderHeatmap(dark, selectedRows, selectedCount);
            m_lastPaintRendered = true;
        }
    }
    if (heatmap)
        p.drawImage(event->rect(), m_heatmap, event->rect());

    for (const Group &g : m_groups) {
        if (g.top > visible.bottom())
            break;
        const QRect block(g.left, g.top, g.width, g.height);
        if (!block.intersects(visible))
            continue;
        if (m_headerH > 0) {
            const QRect header(g.left, g.top - offset, g.width, m_headerH - 4);
            p.setPen(palette().color(QPalette::Text));
            QFont bold = font();
            bold.setBold(true);
            p.setFont(bold);
            p.drawText(header, Qt::AlignVCenter | Qt::AlignLeft,
                       QFontMetrics(bold).elidedText(groupTitle(int(&g - m_groups.data())),
                                                     Qt::ElideMiddle, g.width));
            p.setFont(font());
        }
        if (heatmap)
            continue;
        const int firstRow = std::max(0, (visible.top() - g.top - m_headerH) / pitch());
        const int lastRow = (visible.bottom() - g.top - m_headerH) / pitch();
        const int firstSlot = firstRow * g.cols;
        const int lastSlot = std::min(int(g.rows.size()) - 1, (lastRow + 1) * g.cols - 1);
        for (int slot = firstSlot; slot <= lastSlot; ++slot) {
            const QRect r = tileRect(g, slot).translated(0, -offset);
            const int row = g.rows[std::size_t(slot)];
            const QModelIndex idx = indexForRow(row);
            paintTile(p, r, idx, m_pos[std::size_t(row)].flags, dark);
            if (selectedCount > 0 && selectedRows[std::size_t(row)]) {
                p.setPen(QPen(selectionColor, std::max(2, m_tileSize / 7)));
                p.setBrush(Qt::NoBrush);
                p.drawRect(r.adjusted(-1, -1, 0, 0));
            }
        }
    }
    if (current.isValid() && hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Text), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(focusFrame(current));
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
    if (m_fit || viewport()->width() != m_layoutWidth) {
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
    for (int r = first; r <= last; ++r) {
        const QModelIndex idx = indexForRow(r);
        Pos &p = m_pos[std::size_t(r)];
        // A changed grouping label moves the tile to another group: lay out again. A severity
        // change only alters its group's faulty count.
        if (m_hasGroups &&
            (p.group < 0 || model()->data(idx, NodeGridModel::GroupRole).toString() !=
                                m_groups[std::size_t(p.group)].value))
            return scheduleRelayout();
        const bool wasFaulty = p.faulty();
        p.flags = model()->data(idx, NodeGridModel::TileFlagsRole).toInt();
        if (p.group >= 0 && p.faulty() != wasFaulty) {
            m_groups[std::size_t(p.group)].faulty += p.faulty() ? 1 : -1;
            headersChanged = m_hasGroups;
        }
    }
    invalidateHeatmap(); // drawn again at the next paint: one per frame, however many came
    if (headersChanged || last - first > 256) {
        viewport()->update();
        return;
    }
    QRegion region;
    for (int r = first; r <= last; ++r)
        region += markRect(visualRect(indexForRow(r))).adjusted(-2, -2, 2, 2);
    viewport()->update(region);
}

void NodeGridView::selectionChanged(const QItemSelection &selected,
                                    const QItemSelection &deselected)
{
    invalidateHeatmap();
    QAbstractItemView::selectionChanged(selected, deselected); // updates their regions
}

void NodeGridView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QAbstractItemView::currentChanged(current, previous);
    // The base class repaints the tiles; the focus frame is wider than a tile in the heatmap.
    for (const QModelIndex &idx : {previous, current})
        if (idx.isValid())
            viewport()->update(focusFrame(idx).adjusted(-1, -1, 2, 2));
}

void NodeGridView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        invalidateHeatmap();
        viewport()->update();
    }
    QAbstractItemView::changeEvent(event);
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

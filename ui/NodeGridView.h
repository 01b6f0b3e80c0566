#pragma once

#include <QAbstractItemView>
#include <QElapsedTimer>
#include <QImage>
#include <QTimer>

#include <cmath>
#include <vector>

namespace ui {

// The fleet grid: every node a small tile, painted directly (no widget per node), so 65,000
// tiles stay cheap. Tiles are grouped by the model's GroupRole into labelled blocks that flow
// across the width, coloured and marked by TileFlagsRole, and selectable by click, rubber band
// and keyboard. Fitting shrinks tiles down to one pixel so every node is on screen: below
// HeatmapBelow px the tiles are one image (a heatmap, no gaps), and each faulty node is drawn
// as an outlined mark of at least FaultMarkSize px over it, hit-tested (and selected by a
// click) as drawn: the worst mark on top, between equals the later. The heatmap image is kept
// and drawn again only when what it shows changed, once per frame however many changes came;
// hover, focus and rubber band paints reuse it. Works on any model that provides
// NodeGridModel's roles, including filter proxies over it.
class NodeGridView : public QAbstractItemView
{
    Q_OBJECT
    Q_PROPERTY(int tileSize READ tileSize WRITE setTileSize NOTIFY tileSizeChanged)

public:
    explicit NodeGridView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

    // Whole pixels of a tile. A fitted heatmap's tiles may be a fraction wider (between 1 and
    // GaplessBelow px: 1 and 2 px in turn at 1.5), every tile still whole pixels wide.
    int tileSize() const { return m_tileSize; }
    // Sets a fixed tile size (ends fitting).
    void setTileSize(int px);
    // Fitting: tiles as large as possible while every node fits in the viewport (the default,
    // until the user zooms).
    bool fitsToView() const { return m_fit; }
    static constexpr int MinTileSize = 1;
    static constexpr int MaxTileSize = 72;
    static constexpr int HeatmapBelow = 6;  // tiles smaller than this are painted as a heatmap
    static constexpr int FaultMarkSize = 3; // a faulty node's mark, inside its outline
    static constexpr int GaplessBelow = 4;  // tiles smaller than this have no gaps

    QRect visualRect(const QModelIndex &index) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint &point) const override;

    // Groups as laid out: title and row count, for tests and accessibility.
    int groupCount() const;
    QString groupTitle(int group) const;
    int tilesInGroup(int group) const;
    // A group's block (header and tiles) in viewport coordinates; whether headers are drawn
    // (false when so many groups fit only without their labels: each title is the tooltip).
    QRect groupRect(int group) const;
    bool groupsLabelled() const { return m_headerH > 0; }
    // The mark drawn over a faulty node's tile in the heatmap (its tile rect otherwise); empty
    // for a healthy node. Viewport coordinates.
    QRect faultMarkRect(const QModelIndex &index) const;

    // The last paint's duration, for the responsiveness benchmark, and whether that paint drew
    // the heatmap image again (false: it reused the one drawn before).
    qint64 lastPaintNanoseconds() const { return m_lastPaintNs; }
    bool lastPaintRenderedHeatmap() const { return m_lastPaintRendered; }
    // Selected nodes get a ring in the heatmap up to this many (beyond, only their fill).
    static constexpr int MaxSelectionRings = 1024;

public slots:
    void zoomIn();
    void zoomOut();
    void fitToView();

signals:
    void tileSizeChanged(int px);

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex &index) const override;
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;

    bool viewportEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void updateGeometries() override;
    void changeEvent(QEvent *event) override;

protected slots:
    void selectionChanged(const QItemSelection &selected,
                          const QItemSelection &deselected) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override;

public:
    void reset() override;

private:
    struct Group
    {
        QString value;
        std::vector<int> rows; // model rows, in model order
        int left = 0;          // content coordinates of the block (header, then tiles)
        int top = 0;
        int cols = 1;
        int width = 0;
        int height = 0;
        int faulty = 0;
    };
    struct Pos
    {
        int group = -1;
        int slot = -1;
        int flags = 0; // TileFlagsRole, cached: the heatmap reads 65,000 of them per paint
        bool faulty() const;
    };
    // How blocks are shaped: columns ~ sqrt(n * aspect), capped at the width.
    struct Shape
    {
        double aspect = 1;
        bool labelled = true;
    };

    void scheduleRelayout();
    void ensureLayout() const;
    void relayout();
    // Places m_groups at tile `size` (fractional only below GaplessBelow); returns the content
    // height.
    int flow(double size, Shape shape);
    static int gapFor(int size) { return size >= 16 ? 2 : size >= GaplessBelow ? 1 : 0; }
    // Where cell i starts, at `pitch` px a cell: whole pixels, also for a fractional pitch.
    static int edge(int i, double pitch) { return int(std::floor(i * pitch + 1e-6)); }
    double cellPitch() const { return m_size + gap(); }
    int pitch() const { return std::max(1, int(std::lround(cellPitch()))); } // scroll steps
    int gap() const { return gapFor(m_tileSize); }
    QRect tileRect(const Group &g, int slot) const; // content coordinates
    QRect markRect(const QRect &tile) const;
    int contentHeight() const { return m_contentHeight; }
    const Group *groupAt(const QPoint &content) const;
    int slotAt(const Group &g, const QPoint &content) const; // -1 outside the tiles
    QModelIndex indexForRow(int row) const;
    void paintTile(QPainter &p, const QRect &r, const QModelIndex &index, int flags,
                   bool dark) const;
    // The heatmap of the whole viewport at the current scroll offset, into m_heatmap.
    void renderHeatmap(bool dark, const std::vector<char> &selected, int selectedCount) const;
    void invalidateHeatmap();
    // Which model rows are selected (by row), and how many: one pass over the selection's
    // ranges, so a paint asks nothing per tile.
    std::vector<char> selectedRowMask(int *count = nullptr) const;
    QRect focusFrame(const QModelIndex &index) const; // viewport coordinates

    void applyTileSize(int px);
    double fittingTileSize(); // the largest size at which everything fits (sets m_shape)
    double searchFittingTileSize(int height);
    double refineFittingTileSize(int fits, bool labelled, int height);
    Shape shortestShape(int size); // the shape with the least scrolling at `size`

    int m_tileSize = 14;
    double m_size = 14; // m_tileSize, or a fitted heatmap's fractional size
    bool m_fit = true;
    bool m_layoutDirty = true;
    bool m_hasGroups = false;
    std::vector<Group> m_groups;
    std::vector<Pos> m_pos; // by model row
    int m_layoutWidth = -1;
    int m_headerH = 0;
    int m_contentHeight = 0;
    Shape m_shape;
    std::vector<int> m_fitKey; // what the last fit was found for (viewport, font, block sizes)
    double m_fitSize = 0;
    Shape m_fitShape;
    QTimer m_relayoutTimer;
    qint64 m_lastPaintNs = 0;
    bool m_lastPaintRendered = false;
    mutable QImage m_heatmap; // the viewport's heatmap, transparent outside the tiles
    mutable bool m_heatmapDirty = true;
    mutable int m_heatmapOffset = -1;
    QPoint m_pressPos;  // content coordinates
    QRect m_rubberBand; // viewport coordinates, while dragging
};

} // namespace ui

#pragma once

#include <QAbstractItemView>
#include <QElapsedTimer>
#include <QTimer>

#include <vector>

namespace ui {

// The fleet grid: every node a small tile, painted directly (no widget per node), so 65,000
// tiles stay cheap. Tiles are grouped by the model's GroupRole with a header per group, coloured
// and marked by TileFlagsRole, and selectable by click, rubber band and keyboard. Works on any
// model that provides NodeGridModel's roles, including filter proxies over it.
class NodeGridView : public QAbstractItemView
{
    Q_OBJECT
    Q_PROPERTY(int tileSize READ tileSize WRITE setTileSize NOTIFY tileSizeChanged)

public:
    explicit NodeGridView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

    int tileSize() const { return m_tileSize; }
    // Sets a fixed tile size (ends fitting).
    void setTileSize(int px);
    // Fitting: tiles as large as possible while every node fits in the viewport (the default,
    // until the user zooms).
    bool fitsToView() const { return m_fit; }
    static constexpr int MinTileSize = 6;
    static constexpr int MaxTileSize = 72;

    QRect visualRect(const QModelIndex &index) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint &point) const override;

    // Groups as laid out: title and row count, for tests and accessibility.
    int groupCount() const;
    QString groupTitle(int group) const;
    int tilesInGroup(int group) const;

    // The last paint's duration, for the responsiveness benchmark.
    qint64 lastPaintNanoseconds() const { return m_lastPaintNs; }

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

    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void updateGeometries() override;

protected slots:
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
        int top = 0;           // content y of the header
        int faulty = 0;
    };
    struct Pos
    {
        int group = -1;
        int slot = -1;
        bool faulty = false; // counted in its group's header
    };

    void scheduleRelayout();
    void ensureLayout() const;
    void relayout();
    int columns() const;
    int headerHeight() const;
    int pitch() const { return m_tileSize + gap(); }
    int gap() const { return m_tileSize >= 16 ? 2 : 1; }
    QRect tileRect(const Group &g, int slot) const; // content coordinates
    int groupHeight(const Group &g) const;
    int contentHeight() const;
    QModelIndex indexForRow(int row) const;
    void paintTile(QPainter &p, const QRect &r, const QModelIndex &index, bool dark) const;

    void applyTileSize(int px);
    int fittingTileSize() const;

    int m_tileSize = 14;
    bool m_fit = true;
    bool m_layoutDirty = true;
    bool m_hasGroups = false;
    std::vector<Group> m_groups;
    std::vector<Pos> m_pos; // by model row
    int m_columns = 1;
    QTimer m_relayoutTimer;
    qint64 m_lastPaintNs = 0;
    QPoint m_pressPos;  // content coordinates
    QRect m_rubberBand; // viewport coordinates, while dragging
};

} // namespace ui

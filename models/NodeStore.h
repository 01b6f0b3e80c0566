#pragma once

#include "kube/KubeObject.h"
#include "kube/Node.h"
#include "models/Classifier.h"
#include "models/NodeHealth.h"

#include <QHash>
#include <QObject>

#include <array>
#include <vector>

namespace models {

struct NodeRecord
{
    kube::NodePtr node;
    NodeHealth health;
};

// A node as it was and as it is now, for listeners that need the difference (history).
struct NodeChange
{
    kube::NodePtr before; // null when added
    kube::NodePtr after;  // null when removed
};

// The dashboard's truth about the cluster's nodes, fed by the node informer's deltas. It keeps
// nodes in arrival order (rows are stable until a node is removed), classifies each node as it
// changes and keeps per-severity counts. Item models wrap it; it knows nothing of views.
class NodeStore : public QObject
{
    Q_OBJECT

public:
    explicit NodeStore(const Classifier &classifier, QObject *parent = nullptr);

    void applyDeltas(const kube::DeltaBatch &batch);
    void clear();

    int size() const { return int(m_rows.size()); }
    const NodeRecord &at(int row) const { return m_rows[std::size_t(row)]; }
    int indexOf(const QString &name) const { return m_index.value(name, -1); }
    const NodeRecord *find(const QString &name) const;

    int count(Severity s) const { return m_counts[std::size_t(s)]; }
    // Every label key some node has, sorted (for a group-by menu), and how many nodes have it.
    QStringList labelKeys() const;
    int labelKeyCount(const QString &key) const { return m_labelKeys.value(key); }
    int faultyCount() const;
    const Classifier &classifier() const { return m_classifier; }
    // Reclassifies every node (after the taxonomy or isolation policy changed).
    void setClassifier(const Classifier &classifier);

    // More separate ranges than this in one batch are removed as one renumbering: each range
    // costs a filter proxy a pass over its whole mapping.
    static constexpr int MaxRemovalRanges = 8;

signals:
    void rowsAboutToBeInserted(int first, int last);
    void rowsInserted(int first, int last);
    // A contiguous range of rows leaves (a few of these per batch at most).
    void rowsAboutToBeRemoved(int first, int last);
    void rowsRemoved(int first, int last);
    // Rows scattered all over leave at once (a relist after thousands of nodes went): the rows
    // are renumbered in one go, as a model reset; the nodes that stay are unchanged.
    void rowsAboutToBeRenumbered();
    void rowsRenumbered();
    // Rows whose node changed, in ascending order, once per applied batch.
    void rowsChanged(const QList<int> &rows);
    void reset();
    // Once per applied batch, after the rows signals: what changed, for history and alerts.
    void nodesChanged(const std::vector<models::NodeChange> &changes);
    void countsChanged();
    // The set of label keys changed (a key appeared on its first node or left its last one).
    void labelKeysChanged();

private:
    // Removes the rows in `rows` (any order, no duplicates) with as few signals as possible and
    // renumbers `pendingRows` (rows changed earlier in the batch) to match.
    // The removed records are moved to `graveyard` rather than destroyed here.
    void removeRows(std::vector<int> rows, QList<int> *pendingRows,
                    std::vector<NodeRecord> *graveyard);
    void account(const NodeHealth &h, int delta);
    bool accountLabels(const kube::Node *before, const kube::Node *after);

    Classifier m_classifier;
    std::vector<NodeRecord> m_rows;
    QHash<QString, int> m_index;
    std::array<int, 5> m_counts{};
    QHash<QString, int> m_labelKeys;
};

} // namespace models

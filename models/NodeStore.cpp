#include "models/NodeStore.h"

#include <QSet>
#include <QThreadPool>

#include <algorithm>

namespace models {

NodeStore::NodeStore(const Classifier &classifier, QObject *parent)
    : QObject(parent)
    , m_classifier(classifier)
{}

const NodeRecord *NodeStore::find(const QString &name) const
{
    const int row = indexOf(name);
    return row < 0 ? nullptr : &m_rows[std::size_t(row)];
}

int NodeStore::faultyCount() const
{
    return count(Severity::Minor) + count(Severity::Major) + count(Severity::Critical);
}

void NodeStore::account(const NodeHealth &h, int delta)
{
    m_counts[std::size_t(h.worst)] += delta;
}

QStringList NodeStore::labelKeys() const
{
    QStringList keys = m_labelKeys.keys();
    keys.sort();
    return keys;
}

bool NodeStore::accountLabels(const kube::Node *before, const kube::Node *after)
{
    if (before && after && before->labels == after->labels)
        return false;
    bool keysChanged = false;
    if (before)
        for (const auto &[key, value] : before->labels)
            if (auto it = m_labelKeys.find(key); it != m_labelKeys.end() && --*it <= 0) {
                m_labelKeys.erase(it);
                keysChanged = true;
            }
    if (after)
        for (const auto &[key, value] : after->labels)
            if (++m_labelKeys[key] == 1)
                keysChanged = true;
    return keysChanged;
}

void NodeStore::applyDeltas(const kube::DeltaBatch &batch)
{
    std::vector<NodeChange> changes;
    changes.reserve(batch.size());
    std::vector<NodeRecord> added;
    QList<int> changedRows;

    QHash<QString, int> pendingAdd; // name → position in `added`
    auto flushAdded = [&] {
        // The pending rows become real ones: a later delta for them must find them by row.
        pendingAdd.clear();
        if (added.empty())
            return;
        const int first = size();
        const int last = first + int(added.size()) - 1;
        emit rowsAboutToBeInserted(first, last);
        for (auto &rec : added) {
            m_index.insert(rec.node->name, int(m_rows.size()));
            m_rows.push_back(std::move(rec));
        }
        added.clear();
        emit rowsInserted(first, last);
    };

    // Deletions are gathered and applied together (one range or one renumbering, not a
    // reindex of every later row per node); a delta for a node whose removal is pending
    // applies them first, so the batch's order is kept.
    std::vector<int> removing;
    std::vector<bool> removingRow; // by row, while removals are pending
    struct LeavingKey
    {
        const QString *key = nullptr; // stays valid: `changes` holds its node
        int count = 0;
    };
    QHash<const QChar *, LeavingKey> leavingKeys;
    std::vector<NodeRecord> graveyard;
    auto flushRemovals = [&] {
        if (removing.empty())
            return;
        removeRows(std::exchange(removing, {}), &changedRows, &graveyard);
        removingRow.clear();
    };

    bool labelKeysMoved = false;
    for (const kube::Delta &d : batch) {
        auto node = std::static_pointer_cast<const kube::Node>(d.object);
        if (!node)
            continue;
        if (!pendingAdd.isEmpty() && pendingAdd.contains(node->name))
            flushAdded(); // it must be a real row before it can change or leave
        int row = indexOf(node->name);
        // Rows added since the bitmap was sized (a pending addition flushed) are never pending
        // removal, so the bitmap may be shorter than the store.
        if (row >= 0 && std::size_t(row) < removingRow.size() && removingRow[std::size_t(row)]) {
            if (d.type == kube::Delta::Type::Deleted)
                continue; // deleted twice in one batch
            flushRemovals();
            row = indexOf(node->name);
        }
        if (d.type == kube::Delta::Type::Deleted) {
            if (row < 0)
                continue;
            changes.push_back({m_rows[std::size_t(row)].node, nullptr});
            account(m_rows[std::size_t(row)].health, -1);
            // Label keys are interned by the decoder: count the leaving ones by their shared
            // data first, then look each distinct key up once.
            for (const auto &[key, value] : m_rows[std::size_t(row)].node->labels)
                leavingKeys[key.constData()].count++, leavingKeys[key.constData()].key = &key;
            removing.push_back(row);
            if (removingRow.size() <= std::size_t(row))
                removingRow.resize(m_rows.size());
            removingRow[std::size_t(row)] = true;
            continue;
        }
        NodeRecord rec{node, m_classifier.classify(*node)};
        if (row >= 0) {
            NodeRecord &cur = m_rows[std::size_t(row)];
            changes.push_back({cur.node, node});
            labelKeysMoved |= accountLabels(cur.node.get(), node.get());
            account(cur.health, -1);
            account(rec.health, +1);
            cur = std::move(rec);
            changedRows.append(row);
        } else {
            changes.push_back({nullptr, node});
            account(rec.health, +1);
            labelKeysMoved |= accountLabels(nullptr, node.get());
            pendingAdd.insert(node->name, int(added.size()));
            added.push_back(std::move(rec));
        }
    }
    // Removals before additions: added rows are appended after the rows that stay.
    flushRemovals();
    flushAdded();
    for (const LeavingKey &k : std::as_const(leavingKeys))
        if (auto it = m_labelKeys.find(*k.key); it != m_labelKeys.end() && (*it -= k.count) <= 0) {
            m_labelKeys.erase(it);
            labelKeysMoved = true;
        }

    if (!changedRows.isEmpty()) {
        std::sort(changedRows.begin(), changedRows.end());
        changedRows.erase(std::unique(changedRows.begin(), changedRows.end()), changedRows.end());
        emit rowsChanged(changedRows);
    }
    if (!changes.empty()) {
        emit nodesChanged(changes);
        emit countsChanged();
    }
    if (labelKeysMoved)
        emit labelKeysChanged();
    // Thousands of nodes at once (a relist after a mass deletion): freeing them is most of the
    // cost (about a hundred allocations each), so it happens on a pool thread. Nodes are
    // immutable and shared through atomic reference counts.
    if (graveyard.size() >= 256) {
        auto *dead = new std::pair(std::move(graveyard), std::move(changes));
        QThreadPool::globalInstance()->start([dead] { delete dead; });
    }
}

void NodeStore::removeRows(std::vector<int> rows, QList<int> *pendingRows,
                           std::vector<NodeRecord> *graveyard)
{
    std::sort(rows.begin(), rows.end());
    // Contiguous ranges, last first, so that earlier row numbers stay valid while removing.
    std::vector<std::pair<int, int>> ranges;
    for (int r : rows) {
        if (!ranges.empty() && ranges.back().second == r - 1)
            ranges.back().second = r;
        else
            ranges.push_back({r, r});
    }
    const bool renumber = int(ranges.size()) > MaxRemovalRanges;
    if (renumber)
        emit rowsAboutToBeRenumbered();

    // Where each row from the first removed one on goes (-1: removed). The index is then fixed
    // by walking it once, without hashing a name: thousands of removals cost one pass.
    const int firstRemoved = rows.front();
    std::vector<int> moved(std::size_t(size() - firstRemoved));
    {
        std::size_t next = 0;
        int out = firstRemoved;
        for (int in = firstRemoved; in < size(); ++in) {
            const bool gone = next < rows.size() && rows[next] == in;
            next += gone;
            moved[std::size_t(in - firstRemoved)] = gone ? -1 : out++;
        }
    }
    graveyard->reserve(graveyard->size() + rows.size());
    if (renumber) {
        // One compaction pass over the rows, whatever the number of ranges.
        std::size_t out = std::size_t(firstRemoved);
        for (std::size_t in = out; in < m_rows.size(); ++in) {
            if (moved[in - std::size_t(firstRemoved)] < 0) {
                graveyard->push_back(std::move(m_rows[in]));
                continue;
            }
            if (out != in)
                m_rows[out] = std::move(m_rows[in]);
            ++out;
        }
        m_rows.resize(out);
    } else {
        // (The name index is fixed after the last range: listeners of these signals read rows,
        // not names.)
        for (auto it = ranges.rbegin(); it != ranges.rend(); ++it) {
            emit rowsAboutToBeRemoved(it->first, it->second);
            for (int r = it->first; r <= it->second; ++r)
                graveyard->push_back(std::move(m_rows[std::size_t(r)]));
            m_rows.erase(m_rows.begin() + it->first, m_rows.begin() + it->second + 1);
            emit rowsRemoved(it->first, it->second);
        }
    }
    // Renumbered in place, erased afterwards. Erasing in this loop left an intermittent index
    // entry of -1 (seen under ASan, hash-seed dependent): Qt 6's QHash closes the gap an erase()
    // leaves by shifting later entries back, most likely landing one behind the iterator.
    QStringList leavingNames;
    for (auto it = m_index.begin(); it != m_index.end(); ++it) {
        if (it.value() < firstRemoved)
            continue;
        const int to = moved[std::size_t(it.value() - firstRemoved)];
        if (to < 0)
            leavingNames.append(it.key());
        else
            it.value() = to;
    }
    for (const QString &name : std::as_const(leavingNames))
        m_index.remove(name);

    // Changed rows noted earlier in the batch: drop the removed, shift the rest.
    QList<int> kept;
    kept.reserve(pendingRows->size());
    for (int r : std::as_const(*pendingRows)) {
        const auto below = std::lower_bound(rows.begin(), rows.end(), r);
        if (below != rows.end() && *below == r)
            continue;
        kept.append(r - int(below - rows.begin()));
    }
    *pendingRows = std::move(kept);
    if (renumber)
        emit rowsRenumbered();
}

void NodeStore::clear()
{
    m_rows.clear();
    m_index.clear();
    m_counts.fill(0);
    const bool hadLabels = !m_labelKeys.isEmpty();
    m_labelKeys.clear();
    emit reset();
    emit countsChanged();
    if (hadLabels)
        emit labelKeysChanged();
}

void NodeStore::setClassifier(const Classifier &classifier)
{
    m_classifier = classifier;
    m_counts.fill(0);
    QList<int> rows;
    rows.reserve(size());
    for (int r = 0; r < size(); ++r) {
        NodeRecord &rec = m_rows[std::size_t(r)];
        rec.health = m_classifier.classify(*rec.node);
        account(rec.health, +1);
        rows.append(r);
    }
    if (!rows.isEmpty())
        emit rowsChanged(rows);
    emit countsChanged();
}

} // namespace models

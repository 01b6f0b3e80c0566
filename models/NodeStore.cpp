#include "models/NodeStore.h"

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

    bool labelKeysMoved = false;
    for (const kube::Delta &d : batch) {
        auto node = std::static_pointer_cast<const kube::Node>(d.object);
        if (!node)
            continue;
        if (d.type == kube::Delta::Type::Deleted) {
            flushAdded();
            const int row = indexOf(node->name);
            if (row < 0)
                continue;
            changes.push_back({m_rows[std::size_t(row)].node, nullptr});
            account(m_rows[std::size_t(row)].health, -1);
            labelKeysMoved |= accountLabels(m_rows[std::size_t(row)].node.get(), nullptr);
            emit rowAboutToBeRemoved(row);
            m_rows.erase(m_rows.begin() + row);
            m_index.remove(node->name);
            for (int r = row; r < size(); ++r)
                m_index[m_rows[std::size_t(r)].node->name] = r;
            // Rows after the removed one shifted: fix up pending change notifications.
            changedRows.removeAll(row);
            for (int &r : changedRows)
                if (r > row)
                    --r;
            emit rowRemoved(row);
            continue;
        }
        NodeRecord rec{node, m_classifier.classify(*node)};
        const int row = indexOf(node->name);
        if (row >= 0) {
            NodeRecord &cur = m_rows[std::size_t(row)];
            changes.push_back({cur.node, node});
            labelKeysMoved |= accountLabels(cur.node.get(), node.get());
            account(cur.health, -1);
            account(rec.health, +1);
            cur = std::move(rec);
            changedRows.append(row);
        } else if (auto p = pendingAdd.constFind(node->name); p != pendingAdd.constEnd()) {
            NodeRecord &cur = added[std::size_t(*p)];
            changes.push_back({cur.node, node});
            labelKeysMoved |= accountLabels(cur.node.get(), node.get());
            account(cur.health, -1);
            account(rec.health, +1);
            cur = std::move(rec);
        } else {
            changes.push_back({nullptr, node});
            account(rec.health, +1);
            labelKeysMoved |= accountLabels(nullptr, node.get());
            pendingAdd.insert(node->name, int(added.size()));
            added.push_back(std::move(rec));
        }
    }
    flushAdded();

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

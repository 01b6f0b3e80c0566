#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace kube {

// Reassembles newline-delimited frames (one JSON watch event per line) from reads that cut them
// anywhere: chunk boundaries do not follow event boundaries.
class FrameSplitter
{
public:
    // Appends `data` and returns every frame it completed, without the line end; blank lines
    // (keep-alives) produce nothing.
    std::vector<QByteArray> feed(QByteArrayView data);

    // Bytes of an unfinished frame held for the next read.
    qsizetype pendingBytes() const { return m_pending.size(); }
    void reset() { m_pending.clear(); }

    // Refuses to buffer a single frame beyond this (a misbehaving server must not eat memory).
    static constexpr qsizetype MaxFrameBytes = 64 * 1024 * 1024;
    bool overflowed() const { return m_overflowed; }

private:
    QByteArray m_pending;
    bool m_overflowed = false;
};

} // namespace kube

#include "kube/FrameSplitter.h"

namespace kube {

namespace {

void appendFrame(std::vector<QByteArray> &out, QByteArrayView line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (!line.trimmed().isEmpty())
        out.emplace_back(line.toByteArray());
}

} // namespace

std::vector<QByteArray> FrameSplitter::feed(QByteArrayView data)
{
    std::vector<QByteArray> frames;
    qsizetype start = 0;
    qsizetype nl = data.indexOf('\n');
    if (nl >= 0 && !m_pending.isEmpty()) {
        m_pending.append(data.first(nl));
        appendFrame(frames, m_pending);
        m_pending.clear();
        start = nl + 1;
        nl = data.indexOf('\n', start);
    }
    while (nl >= 0) {
        appendFrame(frames, data.sliced(start, nl - start));
        start = nl + 1;
        nl = data.indexOf('\n', start);
    }
    if (start < data.size()) {
        if (m_pending.size() + (data.size() - start) > MaxFrameBytes) {
            m_overflowed = true;
            m_pending.clear();
        } else {
            m_pending.append(data.sliced(start));
        }
    }
    return frames;
}

} // namespace kube

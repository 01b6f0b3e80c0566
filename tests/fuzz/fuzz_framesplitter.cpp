// Fuzz target for kube::FrameSplitter: a watch stream cut into chunks anywhere must give the same
// frames, and so the same decoded watch events, as the stream read in one piece, and those frames
// are its non-blank lines without their line ends.
//
// Input: one byte n (n % 16 cuts), n bytes of chunk lengths, then the stream.
#include "FuzzCheck.h"

#include "kube/FrameSplitter.h"
#include "kube/Node.h"
#include "kube/NodeDecoder.h"

#include <vector>

using namespace kube;

namespace {

std::vector<QByteArray> referenceFrames(const QByteArray &stream)
{
    std::vector<QByteArray> out;
    const QList<QByteArray> lines = stream.split('\n');
    // The last piece has no line end yet: it is still pending, not a frame.
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        QByteArray l = lines[i];
        if (l.endsWith('\r'))
            l.chop(1);
        if (!l.trimmed().isEmpty())
            out.push_back(l);
    }
    return out;
}

bool sameEvent(const WatchEvent &a, const WatchEvent &b)
{
    if (a.type != b.type || a.resourceVersion != b.resourceVersion ||
        bool(a.object) != bool(b.object))
        return false;
    if (a.error.kind != b.error.kind || a.error.code != b.error.code)
        return false;
    return !a.object ||
           static_cast<const Node &>(*a.object).name == static_cast<const Node &>(*b.object).name;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::size_t cuts = std::min<std::size_t>(data[0] % 16, size - 1);
    std::vector<std::size_t> lengths(data + 1, data + 1 + cuts);
    const QByteArray stream(reinterpret_cast<const char *>(data + 1 + cuts),
                            qsizetype(size - 1 - cuts));

    FrameSplitter whole;
    const std::vector<QByteArray> once = whole.feed(stream);
    const std::vector<QByteArray> want = referenceFrames(stream);
    FUZZ_CHECK(once == want, "one read gave %zu frames, the lines are %zu", once.size(),
               want.size());
    const qsizetype lastNl = stream.lastIndexOf('\n');
    FUZZ_CHECK(whole.pendingBytes() == stream.size() - lastNl - 1, "pending %lld of %lld bytes",
               qint64(whole.pendingBytes()), qint64(stream.size()));

    FrameSplitter cut;
    std::vector<QByteArray> pieces;
    qsizetype at = 0;
    for (std::size_t len : lengths) {
        const qsizetype n = std::min<qsizetype>(qsizetype(len), stream.size() - at);
        for (QByteArray &f : cut.feed(QByteArrayView(stream).sliced(at, n)))
            pieces.push_back(std::move(f));
        at += n;
    }
    for (QByteArray &f : cut.feed(QByteArrayView(stream).sliced(at)))
        pieces.push_back(std::move(f));
    FUZZ_CHECK(pieces == once, "%zu cuts gave %zu frames, one read %zu", lengths.size(),
               pieces.size(), once.size());
    FUZZ_CHECK(cut.pendingBytes() == whole.pendingBytes(), "pending bytes differ");
    FUZZ_CHECK(!cut.overflowed() && !whole.overflowed(), "overflow below the limit");

    // Byte by byte, the worst case of a slow connection.
    FrameSplitter bytewise;
    std::vector<QByteArray> single;
    for (char c : stream)
        for (QByteArray &f : bytewise.feed(QByteArrayView(&c, 1)))
            single.push_back(std::move(f));
    FUZZ_CHECK(single == once, "byte by byte gave %zu frames, one read %zu", single.size(),
               once.size());

    const NodeDecoder decoder;
    for (std::size_t i = 0; i < once.size(); ++i)
        FUZZ_CHECK(sameEvent(decoder.decodeEvent(once[i]), decoder.decodeEvent(pieces[i])),
                   "frame %zu decodes differently", i);
    return 0;
}

#include "kube/ProtobufNodeDecoder.h"

#include "kube/Node.h"
#include "kube/StringPool.h"

#include <QCoreApplication>

#include <google/protobuf/io/coded_stream.h>

#include <climits>
#include <string_view>

namespace kube {

namespace {

using google::protobuf::io::CodedInputStream;

// Field numbers: kube/proto/k8s-nodelist.proto.
enum Wire : quint32 { Varint = 0, Fixed64 = 1, Bytes = 2, Fixed32 = 5 };

constexpr std::string_view Magic("k8s\0", 4);
// Go's zero time.Time (0001-01-01T00:00:00Z) in Unix seconds, should a writer send it.
constexpr qint64 GoZeroTimeSeconds = -62135596800LL;

QString pooled(std::string_view s)
{
    return StringPool::instance().intern(s);
}

QString plain(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// A bounds-checked walk over one protobuf message and the messages inside it. Strings are views
// into the body (no copy until they become QStrings); on the first malformed or truncated read
// the reader fails and every further read returns false.
class Reader
{
public:
    Reader(std::string_view bytes, qsizetype offsetInBody)
        : m_base(bytes.data())
        , m_size(int(bytes.size()))
        , m_offset(offsetInBody)
        , m_in(reinterpret_cast<const quint8 *>(bytes.data()), int(bytes.size()))
    {
        m_in.SetTotalBytesLimit(INT_MAX);
    }

    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

    // The next field of the current message; false at its end or on an error.
    bool next(quint32 *field, quint32 *wire)
    {
        if (failed())
            return false;
        // The end of the innermost message or of the body; ReadTag() would say 0 there too, and
        // for a zero byte before it, which is no tag (fuzz_protobufnodedecoder: a Time message
        // ending in 0x00 was read as complete, where protobuf and kube-apiserver's Go code refuse).
        const int untilLimit = m_in.BytesUntilLimit();
        if (untilLimit == 0 || (untilLimit < 0 && m_in.CurrentPosition() == m_size))
            return false;
        // A tag is a varint of at most five bytes whose value fits 32 bits. ReadTag() would cut a
        // longer one to its low 32 bits and take it for some other field, where protobuf refuses
        // it (fuzz_protobufnodedecoder: a ten-byte tag read as an unknown fixed32 field).
        const int tagStart = m_in.CurrentPosition();
        std::uint64_t tag = 0;
        if (!m_in.ReadVarint64(&tag) || tag > 0xffffffffu || m_in.CurrentPosition() - tagStart > 5)
            tag = 0;
        if ((tag >> 3) == 0) {
            fail(QCoreApplication::translate("kube::ProtobufNodeDecoder", "a malformed field tag"));
            return false;
        }
        *field = quint32(tag >> 3);
        *wire = quint32(tag & 7);
        return true;
    }

    bool string(quint32 wire, std::string_view *out)
    {
        quint32 len = 0;
        if (!expect(wire, Bytes) || !length(&len))
            return false;
        const int pos = m_in.CurrentPosition();
        m_in.Skip(int(len)); // cannot fail: length() checked the bounds
        *out = std::string_view(m_base + pos, len);
        return true;
    }

    bool varint(quint32 wire, std::uint64_t *out)
    {
        if (!expect(wire, Varint))
            return false;
        if (!m_in.ReadVarint64(out))
            return fail(
                QCoreApplication::translate("kube::ProtobufNodeDecoder", "a truncated number"));
        return true;
    }

    // Enters a message field; every enter() that succeeded is matched by a leave().
    bool enter(quint32 wire, CodedInputStream::Limit *limit)
    {
        quint32 len = 0;
        if (!expect(wire, Bytes) || !length(&len))
            return false;
        if (++m_depth > MaxDepth)
            return fail(QCoreApplication::translate("kube::ProtobufNodeDecoder",
                                                    "messages nested too deeply"));
        *limit = m_in.PushLimit(int(len));
        return true;
    }

    void leave(CodedInputStream::Limit limit)
    {
        --m_depth;
        if (!failed() && m_in.BytesUntilLimit() > 0)
            fail(QCoreApplication::translate("kube::ProtobufNodeDecoder",
                                             "a message that ends early"));
        m_in.PopLimit(limit);
    }

    // Reads past a field we do not keep without building anything.
    bool skip(quint32 wire)
    {
        std::uint64_t ignored = 0;
        quint32 len = 0;
        switch (wire) {
        case Varint:
            return varint(wire, &ignored);
        case Fixed64:
            return m_in.Skip(8) || fail(QCoreApplication::translate("kube::ProtobufNodeDecoder",
                                                                    "a truncated number"));
        case Fixed32:
            return m_in.Skip(4) || fail(QCoreApplication::translate("kube::ProtobufNodeDecoder",
                                                                    "a truncated number"));
        case Bytes:
            if (!length(&len))
                return false;
            m_in.Skip(int(len));
            return true;
        default:
            return fail(
                QCoreApplication::translate("kube::ProtobufNodeDecoder", "an unknown wire type %1")
                    .arg(wire));
        }
    }

    bool fail(const QString &what)
    {
        if (!failed())
            m_error = QCoreApplication::translate("kube::ProtobufNodeDecoder", "%1 at byte %2")
                          .arg(what)
                          .arg(m_offset + m_in.CurrentPosition());
        return false;
    }

private:
    static constexpr int MaxDepth = 32;

    bool expect(quint32 wire, quint32 wanted)
    {
        return wire == wanted || fail(QCoreApplication::translate("kube::ProtobufNodeDecoder",
                                                                  "an unexpected wire type %1")
                                          .arg(wire));
    }

    // A length prefix that fits in what is left of the message and of the body.
    bool length(quint32 *len)
    {
        if (!m_in.ReadVarint32(len))
            return fail(
                QCoreApplication::translate("kube::ProtobufNodeDecoder", "a truncated length"));
        const int untilLimit = m_in.BytesUntilLimit();
        const qint64 left = untilLimit >= 0 ? untilLimit : m_size - m_in.CurrentPosition();
        if (qint64(*len) > left || qint64(*len) > m_size - m_in.CurrentPosition())
            return fail(QCoreApplication::translate("kube::ProtobufNodeDecoder",
                                                    "a field of %1 bytes past the end of the data")
                            .arg(*len));
        return true;
    }

    const char *m_base;
    int m_size;
    qsizetype m_offset;
    CodedInputStream m_in;
    int m_depth = 0;
    QString m_error;
};

// Runs `body(field, wire)` for each field of the message at the reader's position; a field the
// body does not take is skipped.
template <typename Body> bool readMessage(Reader &r, quint32 wire, Body body)
{
    CodedInputStream::Limit limit;
    if (!r.enter(wire, &limit))
        return false;
    quint32 f = 0, w = 0;
    while (r.next(&f, &w))
        if (!body(f, w) && !r.failed())
            r.skip(w);
    r.leave(limit);
    return !r.failed();
}

bool readTime(Reader &r, quint32 wire, QDateTime *out)
{
    std::uint64_t seconds = 0, nanos = 0;
    bool empty = true;
    const bool ok = readMessage(r, wire, [&](quint32 f, quint32 w) {
        empty = false;
        if (f == 1)
            return r.varint(w, &seconds);
        if (f == 2)
            return r.varint(w, &nanos);
        return false;
    });
    // metav1.Time writes Go's zero time as an empty message (JSON: null); both are "no time".
    const qint64 s = qint64(seconds);
    if (empty || (s == GoZeroTimeSeconds && nanos == 0))
        *out = QDateTime();
    else
        *out = QDateTime::fromMSecsSinceEpoch(s * 1000 + qint64(qint32(nanos)) / 1000000, Qt::UTC);
    return ok;
}

// map<string, string> (valueIsQuantity: map<string, Quantity>) as its repeated entries.
bool readMapEntry(Reader &r, quint32 wire, bool valueIsQuantity, std::string_view *key,
                  std::string_view *value)
{
    return readMessage(r, wire, [&](quint32 f, quint32 w) {
        if (f == 1)
            return r.string(w, key);
        if (f != 2)
            return false;
        if (!valueIsQuantity)
            return r.string(w, value);
        return readMessage(r, w,
                           [&](quint32 qf, quint32 qw) { return qf == 1 && r.string(qw, value); });
    });
}

bool readMeta(Reader &r, quint32 wire, Node &n)
{
    return readMessage(r, wire, [&](quint32 f, quint32 w) {
        std::string_view s, k, v;
        switch (f) {
        case 1:
            return r.string(w, &s) && (n.name = plain(s), true);
        case 3:
            return r.string(w, &s) && (n.namespaceName = pooled(s), true);
        case 5:
            return r.string(w, &s) && (n.uid = plain(s), true);
        case 6:
            return r.string(w, &s) && (n.resourceVersion = plain(s), true);
        case 8:
            return readTime(r, w, &n.creationTimestamp);
        case 9:
            return readTime(r, w, &n.deletionTimestamp);
        case 11:
            if (!readMapEntry(r, w, false, &k, &v))
                return false;
            n.labels.insert(pooled(k), pooled(v));
            return true;
        case 12:
            // Only Faultboard's own annotations are kept (last-applied configurations are large).
            if (!readMapEntry(r, w, false, &k, &v))
                return false;
            if (k.starts_with("faultboard.io/"))
                n.annotations.insert(pooled(k), plain(v));
            return true;
        default:
            return false;
        }
    });
}

bool readSpec(Reader &r, quint32 wire, Node &n)
{
    return readMessage(r, wire, [&](quint32 f, quint32 w) {
        if (f == 4) {
            std::uint64_t v = 0;
            return r.varint(w, &v) && (n.unschedulable = v != 0, true);
        }
        if (f != 5)
            return false;
        Taint &t = n.taints.emplace_back();
        return readMessage(r, w, [&](quint32 tf, quint32 tw) {
            std::string_view s;
            switch (tf) {
            case 1:
                return r.string(tw, &s) && (t.key = pooled(s), true);
            case 2:
                return r.string(tw, &s) && (t.value = pooled(s), true);
            case 3:
                return r.string(tw, &s) && (t.effect = pooled(s), true);
            case 4:
                return readTime(r, tw, &t.timeAdded);
            default:
                return false;
            }
        });
    });
}

bool readCondition(Reader &r, quint32 wire, NodeCondition &c)
{
    return readMessage(r, wire, [&](quint32 f, quint32 w) {
        std::string_view s;
        switch (f) {
        case 1:
            return r.string(w, &s) && (c.setType(pooled(s)), true);
        case 2:
            return r.string(w, &s) && (c.setStatus(pooled(s)), true);
        case 3:
            return readTime(r, w, &c.lastHeartbeatTime);
        case 4:
            return readTime(r, w, &c.lastTransitionTime);
        case 5:
            return r.string(w, &s) && (c.setReason(pooled(s)), true);
        case 6:
            return r.string(w, &s) && (c.setMessage(pooled(s)), true);
        default:
            return false;
        }
    });
}

bool readNodeInfo(Reader &r, quint32 wire, NodeSystemInfo &i)
{
    return readMessage(r, wire, [&](quint32 f, quint32 w) {
        QString *target = nullptr;
        switch (f) {
        case 4:
            target = &i.kernelVersion;
            break;
        case 5:
            target = &i.osImage;
            break;
        case 6:
            target = &i.containerRuntimeVersion;
            break;
        case 7:
            target = &i.kubeletVersion;
            break;
        case 9:
            target = &i.operatingSystem;
            break;
        case 10:
            target = &i.architecture;
            break;
        default:
            return false;
        }
        std::string_view s;
        return r.string(w, &s) && (*target = pooled(s), true);
    });
}

bool readStatus(Reader &r, quint32 wire, Node &n)
{
    // status.images (field 8), the bulk of a node, is skipped here like every unlisted field.
    return readMessage(r, wire, [&](quint32 f, quint32 w) {
        std::string_view k, v;
        switch (f) {
        case 1:
        case 2:
            if (!readMapEntry(r, w, true, &k, &v))
                return false;
            (f == 1 ? n.capacity : n.allocatable).insert(pooled(k), pooled(v));
            return true;
        case 4:
            return readCondition(r, w, n.conditions.emplace_back());
        case 5: {
            NodeAddress &a = n.addresses.emplace_back();
            return readMessage(r, w, [&](quint32 af, quint32 aw) {
                std::string_view s;
                if (af == 1)
                    return r.string(aw, &s) && (a.type = pooled(s), true);
                if (af == 2)
                    return r.string(aw, &s) && (a.address = plain(s), true);
                return false;
            });
        }
        case 7:
            return readNodeInfo(r, w, n.nodeInfo.write());
        default:
            return false;
        }
    });
}

// One field of a Node message; false when it is not one we keep.
bool readNodeField(Reader &r, quint32 f, quint32 w, Node &n)
{
    switch (f) {
    case 1:
        return readMeta(r, w, n);
    case 2:
        return readSpec(r, w, n);
    case 3:
        return readStatus(r, w, n);
    default:
        return false;
    }
}

bool readNode(Reader &r, quint32 wire, std::vector<ObjectPtr> &items)
{
    auto node = std::make_shared<Node>();
    node->conditions.reserve(12);
    const bool ok =
        readMessage(r, wire, [&](quint32 f, quint32 w) { return readNodeField(r, f, w, *node); });
    if (ok) {
        node->squeeze();
        items.push_back(std::move(node));
    }
    return ok;
}

bool readTypeMeta(Reader &r, quint32 wire, std::string_view *kind)
{
    return readMessage(r, wire,
                       [&](quint32 tf, quint32 tw) { return tf == 2 && r.string(tw, kind); });
}

bool readListMeta(Reader &r, quint32 wire, DecodedList &list)
{
    return readMessage(r, wire, [&](quint32 mf, quint32 mw) {
        std::string_view s;
        std::uint64_t v = 0;
        if (mf == 2)
            return r.string(mw, &s) && (list.resourceVersion = plain(s), true);
        if (mf == 3)
            return r.string(mw, &s) && (list.continueToken = plain(s), true);
        if (mf == 4)
            return r.varint(mw, &v) && (list.remainingItemCount = qint64(v), true);
        return false;
    });
}

QString noObjectInAnswer()
{
    return QCoreApplication::translate("kube::ProtobufNodeDecoder", "the answer holds no object");
}

QString twoObjectsInAnswer()
{
    return QCoreApplication::translate("kube::ProtobufNodeDecoder",
                                       "the answer holds a second object");
}

QString noMarker()
{
    return QCoreApplication::translate(
        "kube::ProtobufNodeDecoder", "the answer does not start with Kubernetes' protobuf marker");
}

QString unsupportedEncoding(const QString &encoding)
{
    return QCoreApplication::translate("kube::ProtobufNodeDecoder",
                                       "the answer uses the unsupported content encoding \"%1\"")
        .arg(encoding);
}

ApiError listUnreadable(const QString &why)
{
    return ApiError::decode(QCoreApplication::translate("kube::ProtobufNodeDecoder",
                                                        "the protobuf node list cannot be read: %1")
                                .arg(why));
}

ApiError notANodeList(const QString &kind)
{
    return ApiError::decode(QCoreApplication::translate(
                                "kube::ProtobufNodeDecoder",
                                "the server sent a protobuf \"%1\" where a NodeList was expected")
                                .arg(kind));
}

struct Envelope
{
    std::string_view kind;
    std::string_view raw;
    qsizetype rawOffset = 0;
    QString error;
};

// "k8s\0" + runtime.Unknown; `raw` is left undecoded.
Envelope unwrap(const QByteArray &body)
{
    Envelope e;
    const std::string_view bytes(body.constData(), std::size_t(body.size()));
    if (!bytes.starts_with(Magic)) {
        e.error = noMarker();
        return e;
    }
    Reader r(bytes.substr(Magic.size()), qsizetype(Magic.size()));
    std::string_view encoding;
    bool haveRaw = false;
    quint32 f = 0, w = 0;
    while (r.next(&f, &w)) {
        bool taken = false;
        if (f == 1) {
            taken = readTypeMeta(r, w, &e.kind);
        } else if (f == 2) {
            // protobuf would keep the last; no writer sends two, and the streamed read
            // (ProtobufNodeListStream) has decoded the first one's items by then.
            if (haveRaw) {
                r.fail(twoObjectsInAnswer());
                break;
            }
            taken = r.string(w, &e.raw);
            haveRaw = taken;
        } else if (f == 3) {
            taken = r.string(w, &encoding);
        }
        if (!taken && !r.failed())
            r.skip(w);
    }
    if (r.failed()) {
        e.error = r.error();
    } else if (!encoding.empty()) {
        e.error = unsupportedEncoding(plain(encoding));
    } else if (!haveRaw) {
        e.error = noObjectInAnswer();
    }
    if (haveRaw)
        e.rawOffset = qsizetype(e.raw.data() - body.constData());
    return e;
}

} // namespace

bool ProtobufNodeDecoder::isProtobuf(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').constFirst().trimmed().toLower();
    return type == ContentType;
}

bool ProtobufNodeDecoder::decodeStatus(const QByteArray &body, ApiError *error)
{
    const Envelope env = unwrap(body);
    if (!env.error.isEmpty() || env.kind != "Status")
        return false;
    Reader r(env.raw, env.rawOffset);
    ApiError e;
    e.kind = ApiError::Kind::Http;
    quint32 f = 0, w = 0;
    while (r.next(&f, &w)) {
        std::string_view s;
        std::uint64_t v = 0;
        bool taken = false;
        if (f == 3)
            taken = r.string(w, &s) && (e.message = plain(s), true);
        else if (f == 4)
            taken = r.string(w, &s) && (e.reason = plain(s), true);
        else if (f == 6)
            taken = r.varint(w, &v) && (e.code = int(v), true);
        else if (f == 5)
            taken = readMessage(r, w, [&](quint32 df, quint32 dw) {
                if (df == 5)
                    return r.varint(dw, &v) && (e.retryAfterSeconds = int(v), true);
                if (df != 4)
                    return false;
                return readMessage(r, dw, [&](quint32 cf, quint32 cw) {
                    std::string_view reason;
                    return cf == 1 && r.string(cw, &reason) && (e.causes << plain(reason), true);
                });
            });
        if (!taken && !r.failed())
            r.skip(w);
    }
    if (r.failed())
        return false;
    e.code = e.code > 0 ? e.code : error->code;
    e.context = error->context;
    *error = e;
    return true;
}

DecodedList ProtobufNodeDecoder::decodeList(const QByteArray &body)
{
    DecodedList list;
    const Envelope env = unwrap(body);
    if (!env.error.isEmpty()) {
        list.error = listUnreadable(env.error);
        return list;
    }
    if (env.kind != "NodeList") {
        list.error = notANodeList(plain(env.kind));
        return list;
    }
    Reader r(env.raw, env.rawOffset);
    quint32 f = 0, w = 0;
    while (r.next(&f, &w)) {
        bool taken = false;
        if (f == 1)
            taken = readListMeta(r, w, list);
        else if (f == 2)
            taken = readNode(r, w, list.items);
        if (!taken && !r.failed())
            r.skip(w);
    }
    if (r.failed()) {
        DecodedList failed;
        failed.error = ApiError::decode(
            QCoreApplication::translate("kube::ProtobufNodeDecoder",
                                        "the protobuf node list cannot be read: %1 (%2 nodes read)")
                .arg(r.error())
                .arg(list.items.size()));
        return failed;
    }
    return list;
}

// ProtobufNodeListStream

namespace {

enum class VarintRead { Ok, Short, Bad };

// A varint at `p`, read by protobuf's own reader (so that both paths agree on every edge), or
// Short when the bytes before `end` are all continuation bytes of one not finished yet.
VarintRead readVarint(const char *p, const char *end, bool thirtyTwoBits, std::uint64_t *value,
                      int *length)
{
    const int avail = int(std::min<std::ptrdiff_t>(end - p, 10));
    int i = 0;
    while (i < avail && (quint8(p[i]) & 0x80))
        ++i;
    if (i == avail && avail < 10)
        return VarintRead::Short;
    CodedInputStream in(reinterpret_cast<const quint8 *>(p), avail);
    bool ok = false;
    if (thirtyTwoBits) {
        quint32 v = 0;
        ok = in.ReadVarint32(&v);
        *value = v;
    } else {
        ok = in.ReadVarint64(value);
    }
    *length = in.CurrentPosition();
    return ok ? VarintRead::Ok : VarintRead::Bad;
}

QString atByte(const QString &what, qsizetype at)
{
    return QCoreApplication::translate("kube::ProtobufNodeDecoder", "%1 at byte %2")
        .arg(what)
        .arg(at);
}

} // namespace

bool ProtobufNodeListStream::fail(const QString &what, qsizetype at)
{
    if (m_error.isEmpty())
        m_error = atByte(what, at);
    return false;
}

ApiError ProtobufNodeListStream::error() const
{
    if (m_wrongKind)
        return notANodeList(m_kind);
    if (m_error.isEmpty())
        return {};
    return listUnreadable(m_error);
}

bool ProtobufNodeListStream::feed(const char *data, qsizetype size)
{
    if (!m_error.isEmpty())
        return false;
    m_buf.append(data, size);
    Step s = Step::Done;
    while ((s = step()) == Step::Done) {
    }
    if (m_pos > 0) {
        m_buf.remove(0, m_pos);
        m_base += m_pos;
        m_pos = 0;
    }
    return s != Step::Failed;
}

// One field of the envelope or of the list, or the marker, if the bytes for it are there.
ProtobufNodeListStream::Step ProtobufNodeListStream::step()
{
    const char *data = m_buf.constData();
    const qsizetype size = m_buf.size();
    const qsizetype at = m_base + m_pos; // in the answer
    if (m_where == Where::Magic) {
        const qsizetype n = std::min<qsizetype>(size, qsizetype(Magic.size()));
        if (std::string_view(data, std::size_t(n)) != Magic.substr(0, std::size_t(n))) {
            m_error = noMarker();
            return Step::Failed;
        }
        if (n < qsizetype(Magic.size()))
            return Step::NeedMore;
        m_pos += n;
        m_where = Where::Envelope;
        return Step::Done;
    }
    if (m_skipLeft > 0) {
        const qsizetype n = std::min(m_skipLeft, size - m_pos);
        m_pos += n;
        m_skipLeft -= n;
        return m_skipLeft > 0 ? Step::NeedMore : Step::Done;
    }
    const bool inList = m_where == Where::List;
    if (inList && at == m_listEnd) {
        m_where = Where::Envelope;
        return Step::Done;
    }
    if (m_pos == size)
        return Step::NeedMore;
    // Inside the list nothing may run past its end: bytes beyond it are the envelope's.
    const qsizetype bound = inList ? std::min(size, m_listEnd - m_base) : size;
    const bool boundIsEnd = inList && m_listEnd - m_base <= size;
    const char *p = data + m_pos;
    const char *end = data + bound;
    auto failed = [&](const QString &what, qsizetype where) {
        fail(what, where);
        return Step::Failed;
    };

    std::uint64_t tag = 0;
    int tagLen = 0;
    const VarintRead t = readVarint(p, end, false, &tag, &tagLen);
    if (t == VarintRead::Short && !boundIsEnd)
        return Step::NeedMore;
    if (t != VarintRead::Ok || tag > 0xffffffffu || tagLen > 5 || (tag >> 3) == 0)
        return failed(
            QCoreApplication::translate("kube::ProtobufNodeDecoder", "a malformed field tag"), at);
    const quint32 field = quint32(tag >> 3);
    const quint32 wire = quint32(tag & 7);
    const bool known = inList ? (field == 1 || field == 2) : (field >= 1 && field <= 3);
    if (known && wire != Bytes)
        return failed(
            QCoreApplication::translate("kube::ProtobufNodeDecoder", "an unexpected wire type %1")
                .arg(wire),
            at + tagLen);

    const char *after = p + tagLen;
    switch (wire) {
    case Varint: {
        std::uint64_t ignored = 0;
        int n = 0;
        const VarintRead v = readVarint(after, end, false, &ignored, &n);
        if (v == VarintRead::Short && !boundIsEnd)
            return Step::NeedMore;
        if (v != VarintRead::Ok)
            return failed(
                QCoreApplication::translate("kube::ProtobufNodeDecoder", "a truncated number"),
                at + tagLen);
        m_pos += tagLen + n;
        return Step::Done;
    }
    case Fixed64:
    case Fixed32: {
        const int n = wire == Fixed64 ? 8 : 4;
        if (end - after < n)
            return boundIsEnd ? failed(QCoreApplication::translate("kube::ProtobufNodeDecoder",
                                                                   "a truncated number"),
                                       at + tagLen)
                              : Step::NeedMore;
        m_pos += tagLen + n;
        return Step::Done;
    }
    case Bytes:
        break;
    default:
        return failed(
            QCoreApplication::translate("kube::ProtobufNodeDecoder", "an unknown wire type %1")
                .arg(wire),
            at + tagLen);
    }

    std::uint64_t len64 = 0;
    int lenLen = 0;
    const VarintRead l = readVarint(after, end, true, &len64, &lenLen);
    if (l == VarintRead::Short && !boundIsEnd)
        return Step::NeedMore;
    if (l != VarintRead::Ok)
        return failed(
            QCoreApplication::translate("kube::ProtobufNodeDecoder", "a truncated length"),
            at + tagLen);
    const qsizetype len = qsizetype(len64);
    const qsizetype body = m_pos + tagLen + lenLen; // in m_buf
    if (inList && len > m_listEnd - (m_base + body))
        return failed(QCoreApplication::translate("kube::ProtobufNodeDecoder",
                                                  "a field of %1 bytes past the end of the data")
                          .arg(len),
                      m_base + body);

    if (!inList && field == 2) {
        if (m_haveRaw)
            return failed(twoObjectsInAnswer(), at);
        if (!m_kind.isEmpty() && m_kind != QLatin1String("NodeList")) {
            m_wrongKind = true;
            return failed(m_kind, at);
        }
        m_haveRaw = true;
        m_where = Where::List;
        m_listEnd = m_base + body + len;
        m_pos = body;
        return Step::Done;
    }
    if (!known) {
        m_pos = body;
        m_skipLeft = len;
        return Step::Done;
    }
    if (len > MaxFieldBytes)
        return failed(
            QCoreApplication::translate("kube::ProtobufNodeDecoder", "a field of %1 bytes")
                .arg(len),
            m_base + body);
    if (size - body < len)
        return Step::NeedMore;

    if (inList && field == 2) {
        if (m_batch.items.empty())
            m_batch.bytes.reserve(BatchBytes + len);
        m_batch.items.push_back({m_batch.bytes.size(), len, m_base + body});
        m_batch.bytes.append(data + body, len);
        if (m_batch.bytes.size() >= BatchBytes || m_batch.items.size() >= BatchItems) {
            m_readyBytes += m_batch.bytes.size();
            m_ready.push_back(std::exchange(m_batch, {}));
        }
    } else {
        // The type, the encoding or the list's metadata: small, read whole, as decodeList() does.
        Reader r(std::string_view(p, std::size_t(body - m_pos + len)), at);
        quint32 f = 0, w = 0;
        r.next(&f, &w);
        if (inList) {
            readListMeta(r, w, m_meta);
        } else {
            std::string_view s;
            // A second TypeMeta merges into the first, as in protobuf: one without a kind keeps
            // the kind read before (fuzz_protobufnodedecoder: an empty second TypeMeta).
            if (field == 1 && readTypeMeta(r, w, &s)) {
                if (s.data())
                    m_kind = plain(s);
            } else if (field == 3 && r.string(w, &s))
                m_encoding = plain(s);
        }
        if (r.failed()) {
            m_error = r.error();
            return Step::Failed;
        }
    }
    m_pos = body + len;
    return Step::Done;
}

ListItemBatch ProtobufNodeListStream::takeBatch(bool all)
{
    if (!m_ready.empty()) {
        ListItemBatch b = std::move(m_ready.front());
        m_ready.pop_front();
        m_readyBytes -= b.bytes.size();
        return b;
    }
    if (!all || m_batch.items.empty())
        return {};
    return std::exchange(m_batch, {});
}

DecodedList ProtobufNodeListStream::finish()
{
    DecodedList out;
    if (m_error.isEmpty()) {
        const qsizetype at = m_base + m_pos;
        if (m_where == Where::Magic)
            m_error = noMarker();
        else if (m_where == Where::List || m_skipLeft > 0 || m_pos < m_buf.size())
            fail(QCoreApplication::translate("kube::ProtobufNodeDecoder",
                                             "the answer ends inside the field"),
                 at);
        else if (!m_encoding.isEmpty())
            m_error = unsupportedEncoding(m_encoding);
        else if (!m_haveRaw)
            m_error = noObjectInAnswer();
        else if (m_kind != QLatin1String("NodeList"))
            m_wrongKind = true;
        if (m_wrongKind)
            m_error = m_kind;
    }
    if (m_wrongKind) {
        out.error = error();
        return out;
    }
    if (!m_error.isEmpty()) {
        out.error = error();
        return out;
    }
    out.resourceVersion = m_meta.resourceVersion;
    out.continueToken = m_meta.continueToken;
    out.remainingItemCount = m_meta.remainingItemCount;
    return out;
}

DecodedList ProtobufNodeListStream::decode(const ListItemBatch &batch) const
{
    DecodedList out;
    out.items.reserve(batch.items.size());
    for (const ListItemBatch::Item &item : batch.items) {
        Reader r(std::string_view(batch.bytes.constData() + item.begin, std::size_t(item.size)),
                 item.answerOffset);
        auto node = std::make_shared<Node>();
        node->conditions.reserve(12);
        quint32 f = 0, w = 0;
        while (r.next(&f, &w))
            if (!readNodeField(r, f, w, *node) && !r.failed())
                r.skip(w);
        if (r.failed()) {
            out.items.clear();
            out.error = listUnreadable(r.error());
            return out;
        }
        node->squeeze();
        out.items.push_back(std::move(node));
    }
    return out;
}

} // namespace kube

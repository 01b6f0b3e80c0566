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
            return r.string(w, &s) && (c.type = pooled(s), true);
        case 2:
            return r.string(w, &s) && (c.status = pooled(s), true);
        case 3:
            return readTime(r, w, &c.lastHeartbeatTime);
        case 4:
            return readTime(r, w, &c.lastTransitionTime);
        case 5:
            return r.string(w, &s) && (c.reason = pooled(s), true);
        case 6:
            return r.string(w, &s) && (c.message = pooled(s), true);
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
            return readNodeInfo(r, w, n.nodeInfo);
        default:
            return false;
        }
    });
}

bool readNode(Reader &r, quint32 wire, std::vector<ObjectPtr> &items)
{
    auto node = std::make_shared<Node>();
    node->conditions.reserve(12);
    const bool ok = readMessage(r, wire, [&](quint32 f, quint32 w) {
        switch (f) {
        case 1:
            return readMeta(r, w, *node);
        case 2:
            return readSpec(r, w, *node);
        case 3:
            return readStatus(r, w, *node);
        default:
            return false;
        }
    });
    if (ok)
        items.push_back(std::move(node));
    return ok;
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
        e.error = QCoreApplication::translate(
            "kube::ProtobufNodeDecoder",
            "the answer does not start with Kubernetes' protobuf marker");
        return e;
    }
    Reader r(bytes.substr(Magic.size()), qsizetype(Magic.size()));
    std::string_view encoding;
    bool haveRaw = false;
    quint32 f = 0, w = 0;
    while (r.next(&f, &w)) {
        bool taken = false;
        if (f == 1) {
            taken = readMessage(
                r, w, [&](quint32 tf, quint32 tw) { return tf == 2 && r.string(tw, &e.kind); });
        } else if (f == 2) {
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
        e.error =
            QCoreApplication::translate("kube::ProtobufNodeDecoder",
                                        "the answer uses the unsupported content encoding \"%1\"")
                .arg(plain(encoding));
    } else if (!haveRaw) {
        e.error =
            QCoreApplication::translate("kube::ProtobufNodeDecoder", "the answer holds no object");
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
        list.error = ApiError::decode(
            QCoreApplication::translate("kube::ProtobufNodeDecoder",
                                        "the protobuf node list cannot be read: %1")
                .arg(env.error));
        return list;
    }
    if (env.kind != "NodeList") {
        list.error =
            ApiError::decode(QCoreApplication::translate(
                                 "kube::ProtobufNodeDecoder",
                                 "the server sent a protobuf \"%1\" where a NodeList was expected")
                                 .arg(plain(env.kind)));
        return list;
    }
    Reader r(env.raw, env.rawOffset);
    quint32 f = 0, w = 0;
    while (r.next(&f, &w)) {
        bool taken = false;
        if (f == 1) {
            taken = readMessage(r, w, [&](quint32 mf, quint32 mw) {
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
        } else if (f == 2) {
            taken = readNode(r, w, list.items);
        }
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

} // namespace kube

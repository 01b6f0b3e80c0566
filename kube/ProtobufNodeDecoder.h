#pragma once

#include "kube/ObjectCodec.h"

#include <QByteArray>
#include <QString>

#include <deque>

namespace kube {

// Decodes a core/v1 NodeList in Kubernetes' protobuf encoding ("k8s\0", then a runtime.Unknown
// whose `raw` is the NodeList) into the same kube::Node values NodeDecoder builds from JSON,
// reading only the fields declared in kube/proto/k8s-nodelist.proto and skipping every other one
// on the wire. Every read is bounds-checked: a truncated or malformed body is a Decode error.
// Stateless and thread-safe.
class ProtobufNodeDecoder
{
public:
    static constexpr const char *ContentType = "application/vnd.kubernetes.protobuf";

    static DecodedList decodeList(const QByteArray &body);
    // True for "application/vnd.kubernetes.protobuf" with or without parameters.
    static bool isProtobuf(const QByteArray &contentType);
    // A Status in protobuf (kube-apiserver's error answer to a protobuf request) into `error`,
    // which brings the HTTP code and the context; false (and `error` untouched) if `body` is not
    // one.
    static bool decodeStatus(const QByteArray &body, ApiError *error);
};

// The same NodeList read as it arrives (the informer's list at resourceVersion=0 is one answer of
// hundreds of MB at 65,000 nodes): feed() walks the envelope and the list's fields by their tags
// and length prefixes and copies each whole item out, so what is held is at most one partial item
// plus the batches not yet decoded. The items are decoded by decode(), on any thread, exactly as
// decodeList() decodes them; an answer decodeList() refuses is refused here too.
class ProtobufNodeListStream final : public ListStreamDecoder
{
public:
    // A batch is closed once it holds this many bytes of items (about 100 realistic nodes) or
    // this many items, however much one feed() brings.
    static constexpr qsizetype BatchBytes = 1 << 20;
    static constexpr std::size_t BatchItems = 500;
    // No Node comes near this (etcd refuses objects over 1.5 MiB); a length beyond it is garbage.
    static constexpr qsizetype MaxFieldBytes = 64 << 20;

    bool feed(const char *data, qsizetype size) override;
    ApiError error() const override;
    ListItemBatch takeBatch(bool all) override;
    DecodedList finish() override;
    DecodedList decode(const ListItemBatch &batch) const override;

    // Bytes held now: a field not complete yet, and the items of the batches not taken yet.
    qsizetype bufferedBytes() const
    {
        return m_buf.size() - m_pos + m_batch.bytes.size() + m_readyBytes;
    }

private:
    enum class Where { Magic, Envelope, List };
    enum class Step { Done, NeedMore, Failed };
    Step step();
    bool fail(const QString &what, qsizetype at);

    QByteArray m_buf;     // bytes received and not consumed yet
    qsizetype m_pos = 0;  // the first not consumed, in m_buf
    qsizetype m_base = 0; // where m_buf[0] is in the answer
    Where m_where = Where::Magic;
    qsizetype m_listEnd = 0;  // in the answer, while in the list
    qsizetype m_skipLeft = 0; // of a field skipped without keeping it
    bool m_haveRaw = false;
    bool m_wrongKind = false;
    QString m_kind;
    QString m_encoding;
    DecodedList m_meta;
    ListItemBatch m_batch;             // being filled
    std::deque<ListItemBatch> m_ready; // closed, not taken yet
    qsizetype m_readyBytes = 0;
    QString m_error;
};

} // namespace kube

#pragma once

#include "kube/Node.h"
#include "kube/ObjectCodec.h"

namespace kube {

// Decodes core/v1 Nodes, NodeLists and node watch events with nlohmann_json's SAX interface,
// building only the fields in kube::Node: `status.images`, `metadata.managedFields` and every
// other field are read past without allocating a JSON tree. Lists are asked for as protobuf
// first (ProtobufNodeDecoder, about 3.5x fewer ns per node, docs/performance.md), JSON as the
// fallback; watch events stay JSON.
class NodeDecoder final : public ObjectCodec
{
public:
    DecodedList decodeList(const QByteArray &body) const override;
    WatchEvent decodeEvent(const QByteArray &frame) const override;
    QByteArray listAccept() const override;
    DecodedList decodeList(const QByteArray &body, const QByteArray &contentType) const override;
    // Protobuf lists are read as they stream in (ProtobufNodeListStream); JSON ones whole.
    std::unique_ptr<ListStreamDecoder> listStream(const QByteArray &contentType) const override;

    static NodePtr decodeNode(const QByteArray &body, ApiError *error = nullptr);
};

} // namespace kube

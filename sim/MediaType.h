#pragma once

#include <QByteArray>

#include <string>

namespace sim {

// What the client asked for in Accept: the object as stored, a meta.k8s.io Table, or metadata only.
struct MediaType
{
    enum class Kind { Object, Table, PartialObjectMetadata, PartialObjectMetadataList };
    Kind kind = Kind::Object;
    std::string apiVersion = "meta.k8s.io/v1";

    // The first acceptable media range of an Accept header; protobuf and CBOR are not spoken here.
    static MediaType negotiate(const QByteArray &accept);
};

} // namespace sim

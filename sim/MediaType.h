#pragma once

#include <QByteArray>

#include <string>

namespace sim {

// What the client asked for in Accept: the object as stored, a meta.k8s.io Table, or metadata
// only; in JSON, or in Kubernetes' protobuf where the resource is served in it.
struct MediaType
{
    enum class Kind { Object, Table, PartialObjectMetadata, PartialObjectMetadataList };
    Kind kind = Kind::Object;
    std::string apiVersion = "meta.k8s.io/v1";
    bool protobuf = false;  // application/vnd.kubernetes.protobuf (Kind::Object only)
    bool acceptable = true; // false: the client accepts only protobuf, which is not served here

    // As kube-apiserver negotiates: the Accept header's media ranges by quality (q=0 is not
    // acceptable; at equal quality a specific type before a wildcard, else in the client's
    // order), and the first one the server serves wins. `protobufServed`: the resource is
    // served in protobuf (kubesim: nodes unless --no-protobuf); a protobuf range asking for a
    // Table or metadata (as=...) is never served (kubesim writes those in JSON only). An Accept
    // that names only protobuf where it is not served is not acceptable (406); any other
    // unmatched Accept gets JSON, as kubesim always answered.
    static MediaType negotiate(const QByteArray &accept, bool protobufServed = false);
    // kube-apiserver's 406 message for a media type it does not serve.
    static std::string notAcceptableMessage(bool protobufServed);
};

} // namespace sim

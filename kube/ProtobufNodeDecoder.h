#pragma once

#include "kube/ObjectCodec.h"

#include <QByteArray>

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

} // namespace kube

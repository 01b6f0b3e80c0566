#pragma once

#include "kube/ObjectCodec.h"
#include "kube/Pod.h"

namespace kube {

// Decodes core/v1 Pods, PodLists and pod watch events into kube::Pod. Stateless and
// thread-safe: list bodies are decoded on worker threads.
class PodDecoder final : public ObjectCodec
{
public:
    DecodedList decodeList(const QByteArray &body) const override;
    WatchEvent decodeEvent(const QByteArray &frame) const override;

    static PodPtr decodePod(const QByteArray &body, ApiError *error = nullptr);
};

} // namespace kube

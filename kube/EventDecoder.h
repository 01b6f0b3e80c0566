#pragma once

#include "kube/KubeEvent.h"
#include "kube/ObjectCodec.h"

namespace kube {

// Decodes core/v1 Events, EventLists and event watch frames into kube::KubeEvent. Stateless and
// thread-safe.
class EventDecoder final : public ObjectCodec
{
public:
    DecodedList decodeList(const QByteArray &body) const override;
    WatchEvent decodeEvent(const QByteArray &frame) const override;
};

} // namespace kube

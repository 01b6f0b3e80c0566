#include "kube/EventDecoder.h"

#include "kube/JsonCodec.h"

namespace kube {

namespace {

using namespace kube::json;

ObjectPtr parseEvent(const Json &j)
{
    if (!j.is_object())
        return nullptr;
    auto ev = std::make_shared<KubeEvent>();
    const Json &meta = obj(j, "metadata");
    ev->name = str(meta, "name");
    if (ev->name.isEmpty())
        return nullptr;
    ev->namespaceName = str(meta, "namespace");
    ev->uid = str(meta, "uid");
    ev->resourceVersion = str(meta, "resourceVersion");
    ev->creationTimestamp = time(meta, "creationTimestamp");
    ev->type = str(j, "type");
    ev->reason = str(j, "reason");
    ev->message = str(j, "message");
    const Json &source = obj(j, "source");
    ev->sourceComponent = str(source, "component");
    if (ev->sourceComponent.isEmpty())
        ev->sourceComponent = str(j, "reportingComponent");
    ev->sourceHost = str(source, "host");
    if (ev->sourceHost.isEmpty())
        ev->sourceHost = str(j, "reportingInstance");
    const Json &involved = obj(j, "involvedObject");
    ev->involvedKind = str(involved, "kind");
    ev->involvedName = str(involved, "name");
    ev->involvedNamespace = str(involved, "namespace");
    ev->involvedUid = str(involved, "uid");
    ev->firstTimestamp = time(j, "firstTimestamp");
    ev->lastTimestamp = time(j, "lastTimestamp");
    ev->eventTime = time(j, "eventTime");
    ev->count = int(integer(j, "count", 1));
    // events.k8s.io-style reporters keep the count and last time in `series`.
    if (const Json &series = obj(j, "series"); !series.empty()) {
        ev->count = std::max(ev->count, int(integer(series, "count", 1)));
        if (!ev->lastTimestamp.isValid())
            ev->lastTimestamp = time(series, "lastObservedTime");
    }
    return ev;
}

} // namespace

DecodedList EventDecoder::decodeList(const QByteArray &body) const
{
    return json::decodeList(body, "event", parseEvent);
}

WatchEvent EventDecoder::decodeEvent(const QByteArray &frame) const
{
    return json::decodeEvent(frame, parseEvent);
}

} // namespace kube

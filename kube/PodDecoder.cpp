#include "kube/PodDecoder.h"

#include "kube/JsonCodec.h"

namespace kube {

namespace {

using namespace kube::json;

std::shared_ptr<Pod> parsePod(const Json &j)
{
    if (!j.is_object())
        return nullptr;
    auto pod = std::make_shared<Pod>();
    const Json &meta = obj(j, "metadata");
    pod->name = str(meta, "name");
    if (pod->name.isEmpty())
        return nullptr;
    pod->namespaceName = str(meta, "namespace");
    pod->uid = str(meta, "uid");
    pod->resourceVersion = str(meta, "resourceVersion");
    pod->creationTimestamp = time(meta, "creationTimestamp");
    pod->deletionTimestamp = time(meta, "deletionTimestamp");
    const Json &labels = obj(meta, "labels");
    for (auto it = labels.begin(); it != labels.end(); ++it)
        if (it.value().is_string())
            pod->labels.insert(QString::fromStdString(it.key()),
                               QString::fromStdString(it.value().get<std::string>()));
    pod->mirror = find(obj(meta, "annotations"), "kubernetes.io/config.mirror") != nullptr;
    for (const Json &o : arr(meta, "ownerReferences")) {
        OwnerReference ref;
        ref.apiVersion = str(o, "apiVersion");
        ref.kind = str(o, "kind");
        ref.name = str(o, "name");
        ref.uid = str(o, "uid");
        ref.controller = boolean(o, "controller");
        pod->owners.push_back(std::move(ref));
    }

    const Json &spec = obj(j, "spec");
    pod->nodeName = str(spec, "nodeName");
    pod->priorityClassName = str(spec, "priorityClassName");
    pod->terminationGracePeriodSeconds = integer(spec, "terminationGracePeriodSeconds", -1);
    for (const Json &v : arr(spec, "volumes"))
        if (find(v, "emptyDir"))
            pod->emptyDirVolumes << str(v, "name");
    for (const Json &c : arr(spec, "initContainers"))
        pod->containers.push_back({str(c, "name"), str(c, "image"), true});
    for (const Json &c : arr(spec, "containers"))
        pod->containers.push_back({str(c, "name"), str(c, "image"), false});

    const Json &status = obj(j, "status");
    pod->phase = str(status, "phase");
    pod->podIp = str(status, "podIP");
    for (const Json &c : arr(status, "conditions"))
        if (str(c, "type") == QLatin1String("Ready"))
            pod->ready = str(c, "status") == QLatin1String("True");
    for (const Json &c : arr(status, "containerStatuses"))
        pod->restartCount += int(integer(c, "restartCount"));
    return pod;
}

} // namespace

DecodedList PodDecoder::decodeList(const QByteArray &body) const
{
    return json::decodeList(body, "pod",
                            [](const Json &item) -> ObjectPtr { return parsePod(item); });
}

WatchEvent PodDecoder::decodeEvent(const QByteArray &frame) const
{
    return json::decodeEvent(frame, [](const Json &item) -> ObjectPtr { return parsePod(item); });
}

PodPtr PodDecoder::decodePod(const QByteArray &body, ApiError *error)
{
    auto pod = parsePod(json::parse(body));
    if (!pod && error)
        *error = ApiError::decode(
            QCoreApplication::translate("kube::PodDecoder", "the answer is not a Pod"));
    return pod;
}

} // namespace kube

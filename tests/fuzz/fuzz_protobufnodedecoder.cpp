// Fuzz target for kube::ProtobufNodeDecoder, the hand-written reader of kube-apiserver's protobuf
// NodeList ("k8s\0" + runtime.Unknown whose `raw` is the list) and of its protobuf Status.
//
// Besides "no crash, no sanitizer report", one way of a differential against protoc's generated
// parser for the same messages (kube/proto/k8s-nodelist.proto): whatever the decoder accepts,
// libprotobuf parses too, and the two read the same value from every field both keep (the list's
// resourceVersion, continue token and remaining count; each node's identity, cordon, taints,
// conditions, addresses, system info, and the capacity and allocatable maps). The other way is
// not checked: protobuf parses a known field of the wrong wire type as an unknown one, which the
// decoder refuses as malformed, and a real server never writes.
#include "FuzzCheck.h"

#include "kube/ApiError.h"
#include "kube/Node.h"
#include "kube/ProtobufNodeDecoder.h"
#include "tests/common/StreamedList.h"

#include "k8s-nodelist.pb.h"

#include <cstring>
#include <map>

namespace pb = faultboard::k8s;
using namespace kube;

namespace {

QString q(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// protobuf's map semantics: the last entry of a key wins.
std::map<QString, QString> quantities(const google::protobuf::Map<std::string, pb::Quantity> &m)
{
    std::map<QString, QString> out;
    for (const auto &[k, v] : m)
        out[q(k)] = q(v.string());
    return out;
}

std::map<QString, QString> entries(const StringMap &m)
{
    std::map<QString, QString> out;
    for (const auto &[k, v] : m)
        out[k] = v;
    return out;
}

void compareNode(const Node &ours, const pb::Node &ref, std::size_t i)
{
    const auto &meta = ref.metadata();
    FUZZ_CHECK(ours.name == q(meta.name()), "item %zu: name", i);
    FUZZ_CHECK(ours.uid == q(meta.uid()), "item %zu: uid", i);
    FUZZ_CHECK(ours.resourceVersion == q(meta.resourceversion()), "item %zu: resourceVersion", i);
    for (const auto &[k, v] : meta.labels())
        FUZZ_CHECK(ours.labels.value(q(k)) == q(v), "item %zu: label %s", i, k.c_str());
    FUZZ_CHECK(ours.unschedulable == ref.spec().unschedulable(), "item %zu: unschedulable", i);

    FUZZ_CHECK(ours.taints.size() == std::size_t(ref.spec().taints_size()), "item %zu: %zu taints",
               i, ours.taints.size());
    for (int t = 0; t < ref.spec().taints_size(); ++t) {
        const auto &a = ours.taints[std::size_t(t)];
        const auto &b = ref.spec().taints(t);
        FUZZ_CHECK(a.key == q(b.key()) && a.value == q(b.value()) && a.effect == q(b.effect()),
                   "item %zu: taint %d", i, t);
    }

    const auto &st = ref.status();
    FUZZ_CHECK(ours.conditions.size() == std::size_t(st.conditions_size()),
               "item %zu: %zu conditions", i, ours.conditions.size());
    for (int c = 0; c < st.conditions_size(); ++c) {
        const auto &a = ours.conditions[std::size_t(c)];
        const auto &b = st.conditions(c);
        FUZZ_CHECK(a.type() == q(b.type()) && a.status() == q(b.status()) &&
                       a.reason() == q(b.reason()) && a.message() == q(b.message()),
                   "item %zu: condition %d", i, c);
    }
    FUZZ_CHECK(ours.addresses.size() == std::size_t(st.addresses_size()), "item %zu: addresses", i);
    for (int a = 0; a < st.addresses_size(); ++a)
        FUZZ_CHECK(ours.addresses[std::size_t(a)].type == q(st.addresses(a).type()) &&
                       ours.addresses[std::size_t(a)].address == q(st.addresses(a).address()),
                   "item %zu: address %d", i, a);
    const auto &info = st.nodeinfo();
    FUZZ_CHECK(ours.nodeInfo->kubeletVersion == q(info.kubeletversion()) &&
                   ours.nodeInfo->osImage == q(info.osimage()) &&
                   ours.nodeInfo->kernelVersion == q(info.kernelversion()) &&
                   ours.nodeInfo->containerRuntimeVersion == q(info.containerruntimeversion()) &&
                   ours.nodeInfo->architecture == q(info.architecture()) &&
                   ours.nodeInfo->operatingSystem == q(info.operatingsystem()),
               "item %zu: nodeInfo", i);
    FUZZ_CHECK(entries(ours.capacity) == quantities(st.capacity()), "item %zu: capacity", i);
    FUZZ_CHECK(entries(ours.allocatable) == quantities(st.allocatable()), "item %zu: allocatable",
               i);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));

    ApiError status;
    status.code = 503;
    if (ProtobufNodeDecoder::decodeStatus(body, &status))
        FUZZ_CHECK(status.code > 0, "a Status with code %d", status.code);

    const DecodedList ours = ProtobufNodeDecoder::decodeList(body);

    // The informer's streamed read, in reads of a size the input picks, agrees with the whole one.
    ProtobufNodeListStream stream;
    const qsizetype chunk = size ? 1 + data[size - 1] % 61 : 1;
    const DecodedList streamed = kubetest::decodeStreamed(stream, body, chunk).list;
    FUZZ_CHECK(bool(streamed.error) == bool(ours.error), "streamed %s, whole %s",
               qPrintable(streamed.error.toString()), qPrintable(ours.error.toString()));
    if (!ours.error) {
        FUZZ_CHECK(streamed.items.size() == ours.items.size(), "streamed %zu items, whole %zu",
                   streamed.items.size(), ours.items.size());
        FUZZ_CHECK(streamed.resourceVersion == ours.resourceVersion &&
                       streamed.continueToken == ours.continueToken &&
                       streamed.remainingItemCount == ours.remainingItemCount,
                   "streamed list metadata differs");
        for (std::size_t i = 0; i < ours.items.size(); ++i) {
            const auto &a = static_cast<const Node &>(*ours.items[i]);
            const auto &b = static_cast<const Node &>(*streamed.items[i]);
            FUZZ_CHECK(a.name == b.name && a.resourceVersion == b.resourceVersion &&
                           a.conditions == b.conditions && a.taints == b.taints &&
                           a.capacity == b.capacity && a.labels == b.labels,
                       "streamed node %zu differs", i);
        }
    }

    if (ours.error) {
        FUZZ_CHECK(ours.items.empty(), "an error and %zu items", ours.items.size());
        FUZZ_CHECK(!ours.error.message.isEmpty(), "an error without a message");
        return 0;
    }

    FUZZ_CHECK(size >= 4 && std::memcmp(data, "k8s\0", 4) == 0, "accepted without the magic");
    pb::Unknown unknown;
    FUZZ_CHECK(unknown.ParseFromArray(data + 4, int(size - 4)),
               "accepted an envelope libprotobuf refuses");
    pb::NodeList list;
    FUZZ_CHECK(list.ParseFromString(unknown.raw()), "accepted a list libprotobuf refuses");

    FUZZ_CHECK(ours.resourceVersion == q(list.metadata().resourceversion()), "resourceVersion");
    FUZZ_CHECK(ours.continueToken == q(list.metadata().continue_()), "continue");
    if (list.metadata().has_remainingitemcount())
        FUZZ_CHECK(ours.remainingItemCount == list.metadata().remainingitemcount(),
                   "remainingItemCount %lld", static_cast<long long>(ours.remainingItemCount));
    FUZZ_CHECK(ours.items.size() == std::size_t(list.items_size()), "%zu items, protobuf %d",
               ours.items.size(), list.items_size());
    for (std::size_t i = 0; i < ours.items.size(); ++i)
        compareNode(static_cast<const Node &>(*ours.items[i]), list.items(int(i)), i);
    return 0;
}

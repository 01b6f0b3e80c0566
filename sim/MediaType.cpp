#include "sim/MediaType.h"

#include "sim/NodeProtobufEncoder.h"

#include <QList>

#include <algorithm>
#include <vector>

namespace sim {

namespace {

struct Range
{
    QByteArray type;
    QByteArray as, g, v;
    double q = 1.0;
    bool wildcard = false;
};

std::vector<Range> parseAccept(const QByteArray &accept)
{
    std::vector<Range> ranges;
    for (const QByteArray &text : accept.split(',')) {
        const QList<QByteArray> parts = text.split(';');
        Range r;
        r.type = parts.value(0).trimmed().toLower();
        if (r.type.isEmpty())
            continue;
        r.wildcard = r.type.endsWith("/*");
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray kv = parts[i].trimmed();
            const qsizetype eq = kv.indexOf('=');
            if (eq < 0)
                continue;
            const QByteArray k = kv.left(eq).trimmed(), val = kv.mid(eq + 1).trimmed();
            if (k == "as")
                r.as = val;
            else if (k == "g")
                r.g = val;
            else if (k == "v")
                r.v = val;
            else if (k == "q")
                r.q = val.toDouble();
        }
        if (r.q > 0)
            ranges.push_back(r);
    }
    std::stable_sort(ranges.begin(), ranges.end(), [](const Range &a, const Range &b) {
        if (a.q != b.q)
            return a.q > b.q;
        return !a.wildcard && b.wildcard;
    });
    return ranges;
}

} // namespace

MediaType MediaType::negotiate(const QByteArray &accept, bool protobufServed)
{
    MediaType out;
    bool onlyProtobuf = false;
    for (const Range &r : parseAccept(accept)) {
        if (r.type == NodeProtobufEncoder::ContentType) {
            if (!r.as.isEmpty())
                continue; // a Table or metadata in protobuf: not written here
            if (protobufServed) {
                out.protobuf = true;
                return out;
            }
            onlyProtobuf = true;
            continue;
        }
        if (r.type != "application/json" && r.type != "*/*" && r.type != "application/*")
            continue;
        onlyProtobuf = false;
        if (r.as.isEmpty())
            return out;
        if (r.g != "meta.k8s.io" || (r.v != "v1" && r.v != "v1beta1"))
            continue; // e.g. aggregated discovery (apidiscovery.k8s.io): answered in the plain
                      // format
        out.apiVersion = "meta.k8s.io/" + r.v.toStdString();
        if (r.as == "Table")
            out.kind = Kind::Table;
        else if (r.as == "PartialObjectMetadata")
            out.kind = Kind::PartialObjectMetadata;
        else if (r.as == "PartialObjectMetadataList")
            out.kind = Kind::PartialObjectMetadataList;
        else
            continue;
        return out;
    }
    out.acceptable = !onlyProtobuf;
    return out;
}

std::string MediaType::notAcceptableMessage(bool protobufServed)
{
    // apimachinery's errNotAcceptable: the types the server would have served.
    return std::string("only the following media types are accepted: application/json") +
           (protobufServed ? std::string(", ") + NodeProtobufEncoder::ContentType : "");
}

} // namespace sim

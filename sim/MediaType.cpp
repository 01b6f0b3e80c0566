#include "sim/MediaType.h"

#include <QList>

namespace sim {

MediaType MediaType::negotiate(const QByteArray &accept)
{
    MediaType out;
    for (const QByteArray &range : accept.split(',')) {
        const QList<QByteArray> parts = range.split(';');
        const QByteArray type = parts.value(0).trimmed().toLower();
        if (type != "application/json" && type != "*/*" && type != "application/*")
            continue;
        QByteArray as, g, v;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray kv = parts[i].trimmed();
            const qsizetype eq = kv.indexOf('=');
            if (eq < 0)
                continue;
            const QByteArray k = kv.left(eq).trimmed(), val = kv.mid(eq + 1).trimmed();
            if (k == "as")
                as = val;
            else if (k == "g")
                g = val;
            else if (k == "v")
                v = val;
        }
        if (as.isEmpty())
            return out;
        if (g != "meta.k8s.io" || (v != "v1" && v != "v1beta1"))
            continue; // e.g. aggregated discovery (apidiscovery.k8s.io): answered in the plain
                      // format
        out.apiVersion = "meta.k8s.io/" + v.toStdString();
        if (as == "Table")
            out.kind = Kind::Table;
        else if (as == "PartialObjectMetadata")
            out.kind = Kind::PartialObjectMetadata;
        else if (as == "PartialObjectMetadataList")
            out.kind = Kind::PartialObjectMetadataList;
        else
            continue;
        return out;
    }
    return out;
}

} // namespace sim

#pragma once

// Drives a kube::ListStreamDecoder the way the informer does, for the tests and the fuzz target:
// the body fed in chunks of `chunk` bytes, every batch taken as soon as it is offered and decoded,
// the items appended in order, then finish(). The result is what decodeList() of the whole body
// should be.
#include "kube/ObjectCodec.h"

#include <algorithm>

namespace kubetest {

struct StreamedList
{
    kube::DecodedList list;
    qsizetype maxBuffered = 0; // the most bytes the decoder held between two feeds
    int batches = 0;
};

template <typename Stream>
StreamedList decodeStreamed(Stream &stream, const QByteArray &body, qsizetype chunk)
{
    StreamedList out;
    std::vector<kube::ObjectPtr> items;
    const auto take = [&](bool all) {
        for (kube::ListItemBatch b = stream.takeBatch(all); !b.isEmpty();
             b = stream.takeBatch(all)) {
            ++out.batches;
            kube::DecodedList part = stream.decode(b);
            if (part.error)
                return part.error;
            for (kube::ObjectPtr &o : part.items)
                items.push_back(std::move(o));
        }
        return kube::ApiError();
    };
    kube::ApiError error;
    for (qsizetype at = 0; at < body.size() && !error; at += chunk) {
        const qsizetype n = std::min(chunk, body.size() - at);
        if (!stream.feed(body.constData() + at, n))
            error = stream.error();
        else
            error = take(false);
        out.maxBuffered = std::max(out.maxBuffered, stream.bufferedBytes());
    }
    if (!error)
        error = take(true);
    if (error) {
        out.list.error = error;
        return out;
    }
    out.list = stream.finish();
    if (!out.list.error)
        out.list.items = std::move(items);
    return out;
}

} // namespace kubetest

#pragma once

#include "sim/ObjectStore.h"

#include <string>
#include <vector>

namespace sim {

// Server-side printing (meta.k8s.io Table), as kube-apiserver's table convertors produce it for
// `kubectl get`: every column of kubectl's printers (wide ones with priority 1), AGE computed by
// the same HumanDuration rules, rows carrying PartialObjectMetadata, the whole object or nothing
// (includeObject=Metadata|Object|None). Resources without a printer get Name and Created At.
class TableConverter
{
public:
    static json columns(const std::string &resource);
    // The cells of one object's row.
    static json cells(const std::string &resource, const json &object);
    // A Table of `objects`; `withHeaders` false leaves columnDefinitions null (watch events after
    // the first). `listMeta` becomes the Table's metadata.
    static json table(const std::string &resource, const std::vector<json> &objects,
                      bool withHeaders, const std::string &includeObject,
                      const std::string &apiVersion, const json &listMeta);
    static json partialObjectMetadata(const json &object, const std::string &apiVersion);

    // k8s.io/apimachinery/pkg/util/duration.HumanDuration
    static std::string humanDuration(qint64 ms);
    // How long ago an RFC 3339 timestamp was, as kubectl's AGE column shows it.
    static std::string age(const std::string &timestamp);
};

} // namespace sim

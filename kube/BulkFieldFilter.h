#pragma once

#include <QByteArray>

namespace kube {

// Removes the bulk of a Node before it is parsed: the values of `status.images` (a node's image
// list, most of its bytes) and `metadata.managedFields` become `null`. A structural scan that
// never decodes strings or numbers runs several times faster than a JSON lexer over the same
// bytes, so NodeDecoder's SAX pass only sees what it keeps. Works on a single object, a list or a
// watch event; malformed input is passed through unchanged for the parser to report.
class BulkFieldFilter
{
public:
    static QByteArray strip(const QByteArray &json);
};

} // namespace kube

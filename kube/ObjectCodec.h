#pragma once

#include "kube/ApiError.h"
#include "kube/KubeObject.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace kube {

struct DecodedList
{
    std::vector<ObjectPtr> items;
    QString resourceVersion;
    QString continueToken;
    qint64 remainingItemCount = -1; // -1: the server did not say
    ApiError error;                 // Decode when the body was not a list
};

struct WatchEvent
{
    enum class Type { Added, Modified, Deleted, Bookmark, Error };
    Type type = Type::Error;
    ObjectPtr object;        // Added/Modified/Deleted
    QString resourceVersion; // the object's, or the bookmark's
    ApiError error;          // Error: the Status the server sent; or a frame we could not read
};

// Turns API bytes into objects of one kind. Implementations are stateless and thread-safe:
// informers call them from a worker thread.
class ObjectCodec
{
public:
    virtual ~ObjectCodec() = default;
    virtual DecodedList decodeList(const QByteArray &body) const = 0;
    virtual WatchEvent decodeEvent(const QByteArray &frame) const = 0;

    // The Accept header of a list: a codec that also reads another encoding asks for it first,
    // with JSON as the fallback, and decodes by the answer's Content-Type.
    virtual QByteArray listAccept() const { return QByteArrayLiteral("application/json"); }
    virtual DecodedList decodeList(const QByteArray &body, const QByteArray &contentType) const
    {
        Q_UNUSED(contentType);
        return decodeList(body);
    }
};

} // namespace kube

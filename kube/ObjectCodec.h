#pragma once

#include "kube/ApiError.h"
#include "kube/KubeObject.h"

#include <QByteArray>
#include <QString>

#include <memory>
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

// Whole items of a list answer, split off as the answer streams in and not decoded yet: their
// messages back to back in `bytes`.
struct ListItemBatch
{
    struct Item
    {
        qsizetype begin = 0;        // in `bytes`
        qsizetype size = 0;         // bytes
        qsizetype answerOffset = 0; // where the item began in the answer, for errors
    };
    QByteArray bytes;
    std::vector<Item> items;
    bool isEmpty() const { return items.empty(); }
};

// A list answer read while it arrives, so that a multi-hundred-MB answer is never held whole:
// feed() splits the bytes into whole items without decoding them (cheap enough for the thread
// that receives them), takeBatch() hands them over, decode() turns a batch into objects on any
// thread, and finish() checks that the answer ended as a whole list and gives its metadata.
class ListStreamDecoder
{
public:
    virtual ~ListStreamDecoder() = default;
    // The next bytes of the answer. False once they cannot be part of a list (error() says why).
    virtual bool feed(const char *data, qsizetype size) = 0;
    virtual ApiError error() const = 0;
    // The items split off so far once they are worth a batch, or whatever there is when `all`.
    virtual ListItemBatch takeBatch(bool all) = 0;
    // At the end of the answer: the list's metadata (no items), or why the answer is no list.
    virtual DecodedList finish() = 0;
    // Thread-safe and independent of feed(): runs on worker threads while the answer streams.
    virtual DecodedList decode(const ListItemBatch &batch) const = 0;
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
    // A decoder for a list answer of this Content-Type that reads it as it streams in; nullptr
    // when the codec reads that type only whole (decodeList above).
    virtual std::unique_ptr<ListStreamDecoder> listStream(const QByteArray &contentType) const
    {
        Q_UNUSED(contentType);
        return nullptr;
    }
};

} // namespace kube

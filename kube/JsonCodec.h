#pragma once

// Internal to kube/: small helpers for the DOM-based decoders (pods, events) and for building
// request bodies. Not installed; includes nlohmann_json, which kube/ links privately.

#include "kube/ApiError.h"
#include "kube/ApiTime.h"
#include "kube/ObjectCodec.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

namespace kube::json {

using Json = nlohmann::json;

inline const Json *find(const Json &j, const char *key)
{
    if (!j.is_object())
        return nullptr;
    auto it = j.find(key);
    return it == j.end() ? nullptr : &*it;
}

inline QString str(const Json &j, const char *key)
{
    const Json *v = find(j, key);
    if (!v || !v->is_string())
        return {};
    const auto &s = v->get_ref<const std::string &>();
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

inline const Json &obj(const Json &j, const char *key)
{
    static const Json empty = Json::object();
    const Json *v = find(j, key);
    return v && v->is_object() ? *v : empty;
}

inline const Json &arr(const Json &j, const char *key)
{
    static const Json empty = Json::array();
    const Json *v = find(j, key);
    return v && v->is_array() ? *v : empty;
}

inline qint64 integer(const Json &j, const char *key, qint64 fallback = 0)
{
    const Json *v = find(j, key);
    return v && v->is_number_integer() ? v->get<qint64>() : fallback;
}

inline bool boolean(const Json &j, const char *key, bool fallback = false)
{
    const Json *v = find(j, key);
    return v && v->is_boolean() ? v->get<bool>() : fallback;
}

inline QDateTime time(const Json &j, const char *key)
{
    const Json *v = find(j, key);
    return v && v->is_string() ? parseApiTime(v->get_ref<const std::string &>()) : QDateTime();
}

inline std::string utf8(const QString &s)
{
    return s.toStdString();
}

inline Json parse(const QByteArray &body)
{
    return Json::parse(body.begin(), body.end(), nullptr, false);
}

// An `ERROR` watch event or a Status body as an ApiError.
inline ApiError statusError(const Json &status)
{
    const QByteArray body = QByteArray::fromStdString(status.dump());
    return ApiError::fromHttp(int(integer(status, "code", 500)), body);
}

// A list or a watch frame decoded with `parseObject(const Json &) -> ObjectPtr` (null when the
// object is unusable). The whole body is parsed into a DOM: fine for the object kinds listed per
// node (pods, events); nodes have their own streaming decoder.
template <typename ParseObject>
DecodedList decodeList(const QByteArray &body, const char *what, ParseObject parseObject)
{
    DecodedList out;
    const Json j = parse(body);
    if (!j.is_object() || !j.contains("items")) {
        out.error = ApiError::decode(
            QCoreApplication::translate("kube::ObjectCodec", "the %1 list is not JSON with items")
                .arg(QLatin1String(what)));
        return out;
    }
    const Json &meta = obj(j, "metadata");
    out.resourceVersion = str(meta, "resourceVersion");
    out.continueToken = str(meta, "continue");
    out.remainingItemCount = integer(meta, "remainingItemCount", -1);
    const Json &items = arr(j, "items");
    out.items.reserve(items.size());
    for (const Json &item : items)
        if (ObjectPtr o = parseObject(item))
            out.items.push_back(std::move(o));
    return out;
}

template <typename ParseObject>
WatchEvent decodeEvent(const QByteArray &frame, ParseObject parseObject)
{
    WatchEvent ev;
    const Json j = parse(frame);
    if (!j.is_object()) {
        ev.error = ApiError::decode(
            QCoreApplication::translate("kube::ObjectCodec", "a watch event is not JSON"));
        return ev;
    }
    const QString type = str(j, "type");
    const Json &object = obj(j, "object");
    if (type == QLatin1String("ERROR") || str(object, "kind") == QLatin1String("Status")) {
        ev.type = WatchEvent::Type::Error;
        ev.error = statusError(object);
        return ev;
    }
    ev.resourceVersion = str(obj(object, "metadata"), "resourceVersion");
    if (type == QLatin1String("BOOKMARK")) {
        ev.type = WatchEvent::Type::Bookmark;
        return ev;
    }
    if (type == QLatin1String("ADDED"))
        ev.type = WatchEvent::Type::Added;
    else if (type == QLatin1String("MODIFIED"))
        ev.type = WatchEvent::Type::Modified;
    else if (type == QLatin1String("DELETED"))
        ev.type = WatchEvent::Type::Deleted;
    else {
        ev.error = ApiError::decode(
            QCoreApplication::translate("kube::ObjectCodec", "unknown watch event type \"%1\"")
                .arg(type));
        return ev;
    }
    ev.object = parseObject(object);
    if (!ev.object) {
        ev.type = WatchEvent::Type::Error;
        ev.error = ApiError::decode(QCoreApplication::translate(
            "kube::ObjectCodec", "a watch event carries no usable object"));
    }
    return ev;
}

} // namespace kube::json

#include "kube/StringPool.h"

#include <functional>
#include <string>
#include <unordered_map>

namespace kube {

StringPool &StringPool::instance()
{
    static StringPool pool;
    return pool;
}

namespace {

// The per-thread front: looked up with the decoder's bytes as they are (no QByteArray made for
// the key) and hashed with the standard library's hash of bytes, several times cheaper for these
// short strings than qHash(QByteArray), which was a fifth of a protobuf decoder's time.
struct BytesHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept
    {
        return std::hash<std::string_view>{}(s);
    }
};
using LocalPool = std::unordered_map<std::string, QString, BytesHash, std::equal_to<>>;

} // namespace

QString StringPool::intern(std::string_view utf8)
{
    if (utf8.size() > MaxLength)
        return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
    // Each thread's own front of the pool: decoders on several threads meet the same few
    // thousand strings again and again, and find them here without taking the lock.
    thread_local LocalPool local;
    if (auto l = local.find(utf8); l != local.end())
        return l->second;
    const QByteArray key = QByteArray::fromRawData(utf8.data(), qsizetype(utf8.size()));
    QString s;
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_strings.constFind(key);
        if (it != m_strings.constEnd()) {
            s = *it;
        } else {
            s = QString::fromUtf8(key);
            if (m_strings.size() >= MaxEntries)
                return s;
            m_strings.insert(QByteArray(utf8.data(), qsizetype(utf8.size())), s);
        }
    }
    if (qsizetype(local.size()) >= MaxLocalEntries)
        local.clear();
    local.emplace(std::string(utf8), s);
    return s;
}

} // namespace kube

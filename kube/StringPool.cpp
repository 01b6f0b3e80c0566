#include "kube/StringPool.h"

namespace kube {

StringPool &StringPool::instance()
{
    static StringPool pool;
    return pool;
}

QString StringPool::intern(std::string_view utf8)
{
    if (utf8.size() > MaxLength)
        return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
    const QByteArray key = QByteArray::fromRawData(utf8.data(), qsizetype(utf8.size()));
    // Each thread's own front of the pool: decoders on several threads meet the same few
    // thousand strings again and again, and find them here without taking the lock.
    thread_local QHash<QByteArray, QString> local;
    if (auto l = local.constFind(key); l != local.constEnd())
        return *l;
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
    if (local.size() >= MaxLocalEntries)
        local.clear();
    local.insert(QByteArray(utf8.data(), qsizetype(utf8.size())), s);
    return s;
}

} // namespace kube

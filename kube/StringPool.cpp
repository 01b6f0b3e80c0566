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
    QMutexLocker lock(&m_mutex);
    auto it = m_strings.constFind(key);
    if (it != m_strings.constEnd())
        return *it;
    QString s = QString::fromUtf8(key);
    if (m_strings.size() < MaxEntries)
        m_strings.insert(QByteArray(utf8.data(), qsizetype(utf8.size())), s);
    return s;
}

} // namespace kube

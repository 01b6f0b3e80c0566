#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <string_view>

namespace kube {

// Interns the strings that repeat across thousands of nodes (label keys and values, condition
// types, reasons and messages, resource names) so that each is stored once and shared
// implicitly. Thread-safe: decoders on worker threads share one pool.
class StringPool
{
public:
    static StringPool &instance();

    QString intern(std::string_view utf8);

    // Long or numerous strings are not worth pooling: past these limits intern() just converts.
    static constexpr std::size_t MaxLength = 256;
    static constexpr qsizetype MaxEntries = 200000;
    // Per thread, in front of the shared pool (emptied when full).
    static constexpr qsizetype MaxLocalEntries = 16384;

private:
    QMutex m_mutex;
    QHash<QByteArray, QString> m_strings;
};

} // namespace kube

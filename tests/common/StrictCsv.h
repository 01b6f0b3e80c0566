#pragma once

// A strict RFC 4180 reader, written independently of models::CsvWriter, for the tests and the
// CSV fuzz target: the bytes are UTF-8 (after an optional byte order mark), CRLF ends every
// record, fields are separated by commas, a quoted field may hold commas, CR, LF and doubled
// quotes, and a quote, CR or LF anywhere else is an error. Header-only: the fuzz tree builds it
// without the test-support library.
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace testsupport {

struct StrictCsv
{
    std::vector<QStringList> records;
    bool byteOrderMark = false;
};

// With `stripByteOrderMark` false, a byte order mark is read as the start of the first field.
inline std::optional<StrictCsv> readStrictCsv(const QByteArray &bytes, QString *error,
                                              bool stripByteOrderMark = true)
{
    StrictCsv csv;
    QByteArray body = bytes;
    if (stripByteOrderMark && body.startsWith("\xEF\xBB\xBF")) {
        csv.byteOrderMark = true;
        body.remove(0, 3);
    }
    const QString s = QString::fromUtf8(body);
    if (s.toUtf8() != body) {
        *error = QStringLiteral("not UTF-8");
        return std::nullopt;
    }
    QStringList record;
    qsizetype i = 0;
    const qsizetype n = s.size();
    while (i < n) {
        QString field;
        if (s[i] == QLatin1Char('"')) {
            ++i;
            for (;;) {
                if (i >= n) {
                    *error = QStringLiteral("unterminated quoted field");
                    return std::nullopt;
                }
                if (s[i] == QLatin1Char('"')) {
                    if (i + 1 < n && s[i + 1] == QLatin1Char('"')) {
                        field += QLatin1Char('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += s[i++];
            }
        } else {
            while (i < n && s[i] != QLatin1Char(',') && s[i] != QLatin1Char('\r')) {
                if (s[i] == QLatin1Char('"') || s[i] == QLatin1Char('\n')) {
                    *error = QStringLiteral("bare quote or line feed at %1").arg(i);
                    return std::nullopt;
                }
                field += s[i++];
            }
        }
        record << field;
        if (i < n && s[i] == QLatin1Char(',')) {
            if (++i >= n) {
                *error = QStringLiteral("a comma at the end: the last field has no CRLF");
                return std::nullopt;
            }
            continue;
        }
        if (i + 1 < n && s[i] == QLatin1Char('\r') && s[i + 1] == QLatin1Char('\n')) {
            i += 2;
            csv.records.push_back(record);
            record.clear();
            continue;
        }
        *error = i < n ? QStringLiteral("unexpected character after a field at %1").arg(i)
                       : QStringLiteral("the last record has no CRLF");
        return std::nullopt;
    }
    return csv;
}

} // namespace testsupport

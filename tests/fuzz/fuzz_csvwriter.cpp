// Fuzz target for models::CsvWriter. Cells go through the writer and back through a strict
// RFC 4180 reader written here; the reader must accept the file and give back every cell as it
// was (behind the apostrophe that neutralises a formula), and with neutralisation on no cell may
// start the way a spreadsheet reads as a formula.
//
// Input: byte 0 holds the options (bit 0: neutralise formulas, bit 1: byte order mark), the rest
// is UTF-8 text with rows split by U+001E and cells by U+001F (a row has at least one cell).
#include "FuzzCheck.h"

#include "models/CsvWriter.h"

#include <optional>

using models::CsvWriter;

namespace {

// RFC 4180, strictly: CRLF ends every record, a field is quoted ("" inside for ") or holds no
// quote, CR or LF at all; a quote ends a quoted field only before a comma, CRLF or the end.
std::optional<std::vector<QStringList>> readStrict(const QByteArray &bytes, bool bom)
{
    QByteArray body = bytes;
    if (bom) {
        if (!body.startsWith("\xEF\xBB\xBF"))
            return std::nullopt;
        body.remove(0, 3);
    }
    const QString s = QString::fromUtf8(body);
    if (s.toUtf8() != body)
        return std::nullopt; // not UTF-8
    std::vector<QStringList> rows;
    QStringList row;
    qsizetype i = 0;
    const qsizetype n = s.size();
    while (i < n) {
        QString field;
        if (s[i] == QLatin1Char('"')) {
            ++i;
            for (;;) {
                if (i >= n)
                    return std::nullopt; // unterminated quote
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
                if (s[i] == QLatin1Char('"') || s[i] == QLatin1Char('\n'))
                    return std::nullopt;
                field += s[i++];
            }
        }
        row << field;
        if (i < n && s[i] == QLatin1Char(',')) {
            ++i;
            if (i >= n)
                return std::nullopt; // a comma before the end: a field is missing its CRLF
            continue;
        }
        if (i + 1 < n && s[i] == QLatin1Char('\r') && s[i + 1] == QLatin1Char('\n')) {
            i += 2;
            rows.push_back(row);
            row.clear();
            continue;
        }
        return std::nullopt; // a quote not followed by a separator, a bare CR, or no final CRLF
    }
    if (!row.isEmpty())
        return std::nullopt;
    return rows;
}

bool formulaStart(const QString &cell)
{
    if (cell.isEmpty())
        return false;
    const QChar c = cell.front();
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') ||
           c == QLatin1Char('@') || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    CsvWriter::Options options;
    options.neutraliseFormulas = data[0] & 1;
    options.byteOrderMark = data[0] & 2;
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    std::vector<QStringList> rows;
    for (const QString &r : text.split(QChar(0x1e)))
        rows.push_back(r.split(QChar(0x1f)));

    CsvWriter writer(options);
    for (const QStringList &r : rows)
        writer.addRow(r);
    const auto read = readStrict(writer.data(), options.byteOrderMark);
    FUZZ_CHECK(read, "the strict reader rejects what the writer wrote (%lld bytes)",
               qint64(writer.data().size()));
    FUZZ_CHECK(read->size() == rows.size(), "%zu rows written, %zu read", rows.size(),
               read->size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const QStringList &got = (*read)[r];
        FUZZ_CHECK(got.size() == rows[r].size(), "row %zu: %lld cells written, %lld read", r,
                   qint64(rows[r].size()), qint64(got.size()));
        for (qsizetype c = 0; c < got.size(); ++c) {
            const QString &written = rows[r][c];
            const QString want = options.neutraliseFormulas && CsvWriter::looksLikeFormula(written)
                                     ? QLatin1Char('\'') + written
                                     : written;
            FUZZ_CHECK(got[c] == want, "row %zu cell %lld changed", r, qint64(c));
            FUZZ_CHECK(!options.neutraliseFormulas || !formulaStart(got[c]),
                       "row %zu cell %lld reads as a formula", r, qint64(c));
        }
    }
    return 0;
}

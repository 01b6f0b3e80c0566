// Fuzz target for models::CsvWriter. Cells go through the writer and back through a strict
// RFC 4180 reader (tests/common/StrictCsv.h); the reader must accept the file and give back
// every cell as it was (behind the apostrophe that neutralises a formula), and with
// neutralisation on no cell may start the way a spreadsheet reads as a formula.
//
// Input: byte 0 holds the options (bit 0: neutralise formulas, bit 1: byte order mark), the rest
// is UTF-8 text with rows split by U+001E and cells by U+001F (a row has at least one cell).
#include "FuzzCheck.h"

#include "models/CsvWriter.h"
#include "tests/common/StrictCsv.h"

#include <optional>

using models::CsvWriter;

namespace {

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
    QString error;
    const auto csv = testsupport::readStrictCsv(writer.data(), &error, options.byteOrderMark);
    FUZZ_CHECK(csv, "the strict reader rejects what the writer wrote (%lld bytes): %s",
               qint64(writer.data().size()), qPrintable(error));
    FUZZ_CHECK(csv->byteOrderMark == options.byteOrderMark, "byte order mark");
    const std::vector<QStringList> *read = &csv->records;
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

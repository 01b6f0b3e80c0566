#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace models {

// Writes RFC 4180 CSV: UTF-8, CRLF line ends, fields quoted when they hold a comma, a quote or a
// line break, quotes doubled. Cells a spreadsheet would run as a formula (starting with = + - @,
// a tab or a carriage return) get a leading apostrophe, as OWASP recommends against CSV injection.
class CsvWriter
{
public:
    struct Options
    {
        bool neutraliseFormulas = true;
        bool byteOrderMark = true; // lets spreadsheet programs recognise UTF-8 (Chinese texts)
    };

    CsvWriter();
    explicit CsvWriter(Options options);

    void addRow(const QStringList &fields);
    QByteArray data() const { return m_data; }

    // One field, neutralised and quoted as needed.
    static QString field(const QString &value, bool neutraliseFormulas = true);
    static bool looksLikeFormula(const QString &value);

private:
    Options m_options;
    QByteArray m_data;
};

} // namespace models

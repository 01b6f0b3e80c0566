#include "models/CsvWriter.h"

namespace models {

CsvWriter::CsvWriter()
    : CsvWriter(Options())
{}

CsvWriter::CsvWriter(Options options)
    : m_options(options)
{
    if (m_options.byteOrderMark)
        m_data = QByteArrayLiteral("\xEF\xBB\xBF");
}

bool CsvWriter::looksLikeFormula(const QString &value)
{
    if (value.isEmpty())
        return false;
    switch (value.front().unicode()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return true;
    default:
        return false;
    }
}

QString CsvWriter::field(const QString &value, bool neutraliseFormulas)
{
    QString v = neutraliseFormulas && looksLikeFormula(value) ? QLatin1Char('\'') + value : value;
    const bool quote = v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) ||
                       v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r'));
    if (!quote)
        return v;
    v.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

void CsvWriter::addRow(const QStringList &fields)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += QLatin1Char(',');
        line += field(fields.at(i), m_options.neutraliseFormulas);
    }
    line += QLatin1String("\r\n");
    m_data += line.toUtf8();
}

} // namespace models

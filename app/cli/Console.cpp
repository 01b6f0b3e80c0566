#include "app/cli/Console.h"

#include <cstdio>

namespace app::cli {

void Console::line(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void Console::write(const QByteArray &data)
{
    std::fwrite(data.constData(), 1, std::size_t(data.size()), stdout);
    std::fflush(stdout);
}

void Console::error(const QString &message)
{
    // One line, whatever the message holds: a server's text may carry newlines.
    QString oneLine = message.simplified();
    const QByteArray bytes = "faultboard: " + oneLine.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace app::cli

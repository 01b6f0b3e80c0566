#include "app/cli/Console.h"

#include <cstdio>

namespace app::cli {

namespace {
QByteArray *capturedOut = nullptr;
QByteArray *capturedErr = nullptr;

void put(std::FILE *stream, const QByteArray &bytes)
{
    QByteArray *sink = stream == stdout ? capturedOut : capturedErr;
    if (sink) {
        sink->append(bytes);
        return;
    }
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
    std::fflush(stream);
}
} // namespace

void Console::capture(QByteArray *out, QByteArray *err)
{
    capturedOut = out;
    capturedErr = err;
}

void Console::line(const QString &text)
{
    put(stdout, text.toUtf8() + '\n');
}

void Console::write(const QByteArray &data)
{
    put(stdout, data);
}

void Console::error(const QString &message)
{
    // One line, whatever the message holds: a server's text may carry newlines.
    QString oneLine = message.simplified();
    put(stderr, "faultboard: " + oneLine.toUtf8() + '\n');
}

} // namespace app::cli

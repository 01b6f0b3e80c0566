#pragma once

#include <QByteArray>
#include <QString>

namespace app::cli {

// Where the headless commands write: stdout for results, stderr for errors and progress notes.
// Every line is flushed at once, because `watch` and `drain` are read through pipes by scripts.
class Console
{
public:
    // One line of output (a newline is added).
    static void line(const QString &text);
    // Bytes as they are (a report), nothing added.
    static void write(const QByteArray &data);
    // One line on stderr: "faultboard: <message>".
    static void error(const QString &message);

    // Tests running a command in-process: what would go to stdout and stderr is appended here
    // instead (null: the real streams).
    static void capture(QByteArray *out, QByteArray *err);
};

} // namespace app::cli

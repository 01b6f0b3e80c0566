#pragma once

// The threads of this process as Linux shows them (/proc/self/task): their nice values and
// names, for the tests of what runs below the GUI thread (kube::markBackgroundThread). Empty
// elsewhere.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QMap>
#include <QString>

namespace testsupport {

// The nice value of each thread, by thread id.
inline QMap<qint64, int> threadNiceValues()
{
    QMap<qint64, int> nice;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            continue; // the thread ended meanwhile
        // "tid (comm) state ppid ..." with the comm in parentheses (it may hold spaces): the
        // nice value is the 19th field, the 17th after the comm.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 16)
            nice.insert(tid.toLongLong(), fields.at(16).toInt());
    }
    return nice;
}

// The ids of the threads called `name` (QThread's objectName, as Qt names the system thread).
inline QList<qint64> threadsNamed(const QByteArray &name)
{
    QList<qint64> ids;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == name)
            ids << tid.toLongLong();
    }
    return ids;
}

} // namespace testsupport

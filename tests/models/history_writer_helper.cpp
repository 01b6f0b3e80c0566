// A child process for tst_historycrash: records fault transitions through FaultHistory as fast as
// it can and prints "commit <first id> <last id> <count>" after every committed transaction, until
// it is killed. Usage: history_writer_helper <database> <nodes per batch> [full|normal]

#include "kube/Node.h"
#include "models/Classifier.h"
#include "models/FaultHistory.h"
#include "models/Taxonomy.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>

using namespace models;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: history_writer_helper <database> <nodes per batch>\n");
        return 2;
    }
    FaultHistory::Options o;
    o.path = args.at(1);
    o.retentionDays = 0;
    if (args.value(3) == QLatin1String("normal"))
        o.synchronous = HistoryDatabase::Synchronous::Normal;
    const int nodes = args.at(2).toInt();
    FaultHistory history(Classifier(Taxonomy::builtIn()), o);

    // Each round flips one condition on every node. lastTransitionTime grows with the wall
    // clock, so a restarted child continues where a killed one stopped.
    qint64 round = QDateTime::currentMSecsSinceEpoch();
    auto writeRound = [&] {
        std::vector<NodeChange> changes;
        const QDateTime ltt = QDateTime::fromMSecsSinceEpoch(round, Qt::UTC);
        for (int i = 0; i < nodes; ++i) {
            auto n = std::make_shared<kube::Node>();
            n->name = QStringLiteral("kill-%1").arg(i);
            n->uid = n->name;
            n->conditions.push_back({QStringLiteral("NT_NPU_NET"),
                                     (round & 1) ? QStringLiteral("True") : QStringLiteral("False"),
                                     QStringLiteral("round"),
                                     QString::number(round),
                                     ltt,
                                     {}});
            changes.push_back({nullptr, std::move(n)});
        }
        ++round;
        history.recordChanges(changes);
    };
    QObject::connect(&history, &FaultHistory::opened, [&](bool ok, const QString &error) {
        if (!ok) {
            std::fprintf(stderr, "open failed: %s\n", qPrintable(error));
            QCoreApplication::exit(1);
            return;
        }
        std::printf("ready\n");
        std::fflush(stdout);
        // Two rounds in flight: the writer thread is always inside a transaction.
        writeRound();
        writeRound();
    });
    QObject::connect(&history, &FaultHistory::written, [&](const HistoryWriteResult &r) {
        if (!r.error.isEmpty()) {
            std::fprintf(stderr, "write failed: %s\n", qPrintable(r.error));
            QCoreApplication::exit(1);
            return;
        }
        if (r.transitions > 0)
            std::printf("commit %lld %lld %d\n", r.firstTransitionId, r.lastTransitionId,
                        r.transitions);
        std::fflush(stdout);
        writeRound();
    });
    history.open();
    return app.exec();
}

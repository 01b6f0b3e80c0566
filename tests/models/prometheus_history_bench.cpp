// Not a test: the cost of reading a fleet's history from a Prometheus, through the code the
// window and `report --history` run. The fleet-wide read of the Trends view and the report
// (PrometheusHistory::allFleetEpisodes: one query per fault type) and one node's drill-down
// (nodeEpisodes, the History tab), over [FROM, TO] at stepFor()'s step. Prints, for each, the
// queries, the answers' bytes, the wall time and the episodes. scripts/bench/prometheus-history.sh
// backfills a Prometheus and runs it. With NODES, the fleet-wide read once more knowing the
// fleet's size (as the window does from its node store): queries too large for the server's
// limit are cut beforehand, not after its refusal.
//
//   prometheus_history_bench URL NODE FROM TO [NODES]    (FROM, TO: seconds since the epoch)

#include "models/PrometheusHistory.h"
#include "models/Taxonomy.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QUrl>

#include <cstdio>

namespace {

void print(const char *what, const models::PrometheusEpisodes &r, qint64 ms)
{
    std::printf("%s: %d queries (%d slices, %d refused and cut, %d timed out and cut), %lld "
                "bytes, %lld ms, %zu episodes, step %d s%s%s\n",
                what, r.queries, r.slices, r.refused, r.timedOut, static_cast<long long>(r.bytes),
                static_cast<long long>(ms), r.episodes.size(), r.stepSeconds,
                r.ok() ? "" : ", error: ", r.ok() ? "" : qPrintable(r.errorText));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5 && args.size() != 6) {
        std::fprintf(stderr, "usage: prometheus_history_bench URL NODE FROM TO [NODES]\n");
        return 2;
    }
    kube::PrometheusEndpoint endpoint = kube::PrometheusEndpoint::fromUrl(QUrl(args[1]));
    endpoint.timeoutMs = 300000;
    models::PrometheusHistory history(endpoint, models::Taxonomy::builtIn());
    const QDateTime from = QDateTime::fromSecsSinceEpoch(args[3].toLongLong(), Qt::UTC);
    const QDateTime to = QDateTime::fromSecsSinceEpoch(args[4].toLongLong(), Qt::UTC);
    int failures = 0;
    QElapsedTimer timer;
    timer.start();
    history.allFleetEpisodes(from, to)
        .then(&app,
              [&](const models::PrometheusEpisodes &fleet) {
                  print("fleet (Trends, report --history)", fleet, timer.restart());
                  failures += !fleet.ok();
                  return history.nodeEpisodes(args[2], from, to);
              })
        .unwrap()
        .then(&app,
              [&](const models::PrometheusEpisodes &node) {
                  print(qPrintable(QStringLiteral("node %1 (History tab)").arg(args[2])), node,
                        timer.restart());
                  failures += !node.ok();
                  if (args.size() == 6)
                      history.setExpectedNodes(args[5].toInt());
                  return args.size() == 6 ? history.allFleetEpisodes(from, to)
                                          : QtFuture::makeReadyFuture(models::PrometheusEpisodes());
              })
        .unwrap()
        .then(&app, [&](const models::PrometheusEpisodes &fleet) {
            if (args.size() == 6) {
                print(qPrintable(QStringLiteral("fleet knowing its %1 nodes").arg(args[5])), fleet,
                      timer.elapsed());
                failures += !fleet.ok();
            }
            app.exit(failures ? 1 : 0);
        });
    return app.exec();
}

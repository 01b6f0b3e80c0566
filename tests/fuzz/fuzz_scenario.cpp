// Fuzz target for sim::Scenario::fromJson (kubesim's scenario files): any bytes give a scenario or
// an error that says what is wrong; never a crash, an exception out of the parser or undefined
// behaviour. An accepted scenario's timeline is in time order and every step's action is one
// validateAction accepts.
#include "FuzzCheck.h"

#include "sim/Scenario.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<sim::Scenario> s = sim::Scenario::fromJson(text, &error);
    if (!s) {
        FUZZ_CHECK(!error.isEmpty(), "rejected without a message");
        return 0;
    }
    for (std::size_t i = 0; i < s->timeline.size(); ++i) {
        FUZZ_CHECK(s->timeline[i].atMs >= 0, "step %zu at a negative time", i);
        FUZZ_CHECK(i == 0 || s->timeline[i - 1].atMs <= s->timeline[i].atMs,
                   "timeline out of order at step %zu", i);
        FUZZ_CHECK(sim::Scenario::validateAction(s->timeline[i].action).empty(),
                   "step %zu holds an invalid action", i);
    }
    FUZZ_CHECK(s->loopAfterMs >= 0, "a negative loop");
    for (const sim::PoolSpec &p : s->pools)
        FUZZ_CHECK(!p.name.empty() && p.count >= 0 && p.nodesPerRack >= 1, "pool %s",
                   p.name.c_str());
    return 0;
}

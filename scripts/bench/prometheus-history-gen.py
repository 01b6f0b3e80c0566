#!/usr/bin/env python3
"""A fleet's week (or DAYS) in kube-state-metrics' node metrics, as OpenMetrics files of 6 h each
(one promtool block a file, so promtool reads each sample once), for
scripts/bench/prometheus-history.sh.

    prometheus-history-gen.py NODES DAYS OUTDIR

Every node is an NPU node sampled every 5 minutes, ending an hour ago. Only the series
Faultboard's queries select are written (Ready false and unknown; MemoryPressure, DiskPressure,
PIDPressure, NetworkUnavailable and four NT_NPU_* conditions true; the chips' allocatable and
capacity): the healthy statuses kube-state-metrics also exports are never read by those queries.
Faults: each node has, on average, one episode a day of one of those conditions, 30 to 120
minutes long, and 2% of the nodes lose 2 of their 8 chips for a few hours (seeded, repeatable).
Prints the first sample's time, the last's and the series and sample counts.
"""
import os
import random
import sys
import time

SCRAPE = 300
BLOCK = 72  # samples in 6 h

nodes, days, outdir = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
now = int(time.time())
end = (now - 3600) // SCRAPE * SCRAPE
samples = int(days * 86400) // SCRAPE
base = end - samples * SCRAPE
if days >= 1:  # from a 6 h boundary, so that each file is one block
    base = base // 21600 * 21600
samples = (end - base) // SCRAPE
rng = random.Random(14)

conditions = [("Ready", "false"), ("Ready", "unknown"), ("MemoryPressure", "true"),
              ("DiskPressure", "true"), ("PIDPressure", "true"), ("NetworkUnavailable", "true"),
              ("NT_NPU_DEVICE", "true"), ("NT_NPU_NET", "true"), ("NT_NPU_CARD_LOSE", "true"),
              ("NT_NPU_OTHER", "true")]
# node -> list of (series index, first sample, end sample); series 10: chips lost
faults = {}
for n in range(nodes):
    spans = []
    # DAYS episodes a node on average (a fraction of a day: that share of the nodes has one).
    for _ in range(int(days) + (1 if rng.random() < days - int(days) else 0)):
        c = rng.randrange(1, len(conditions))  # Ready: index 0 (false)
        c = 0 if rng.random() < 0.2 else c
        start = rng.randrange(0, samples)
        spans.append((c, start, min(samples, start + rng.randrange(6, 25))))
    if rng.random() < 0.02:
        start = rng.randrange(0, samples)
        spans.append((10, start, min(samples, start + rng.randrange(24, 72))))
    faults[n] = spans

os.makedirs(outdir, exist_ok=True)
chunks = (samples + BLOCK - 1) // BLOCK
for c in range(chunks):
    first, last = c * BLOCK, min(samples, (c + 1) * BLOCK)
    times = [" %d\n" % (base + s * SCRAPE) for s in range(first, last)]
    cond, cap, alloc = [], [], []
    for n in range(nodes):
        name = "npu-%05d" % n
        bad = {}
        for (i, a, b) in faults[n]:
            if b > first and a < last:
                bad.setdefault(i, []).append((a, b))
        for i, (ctype, status) in enumerate(conditions):
            prefix = 'kube_node_status_condition{node="%s",condition="%s",status="%s"} ' % (
                name, ctype, status)
            spans = bad.get(i, ())
            cond.append("".join(
                prefix + ("1" if any(a <= s < b for a, b in spans) else "0") + times[s - first]
                for s in range(first, last)))
        lost = bad.get(10, ())
        labels = '{node="%s",resource="huawei_com_ascend_910",unit="integer"} ' % name
        cap.append("".join("kube_node_status_capacity" + labels + "8" + t for t in times))
        alloc.append("".join(
            "kube_node_status_allocatable" + labels +
            ("6" if any(a <= s < b for a, b in lost) else "8") + times[s - first]
            for s in range(first, last)))
    with open(os.path.join(outdir, "chunk-%03d.om" % c), "w") as f:
        f.write("# TYPE kube_node_status_condition gauge\n")
        f.writelines(cond)
        f.write("# TYPE kube_node_status_capacity gauge\n")
        f.writelines(cap)
        f.write("# TYPE kube_node_status_allocatable gauge\n")
        f.writelines(alloc)
        f.write("# EOF\n")
print(base, base + (samples - 1) * SCRAPE, nodes * (len(conditions) + 2),
      nodes * (len(conditions) + 2) * samples)

#pragma once

namespace kube {

// Marks the calling thread as background work (decoding a list, writing history): below the GUI
// thread for the CPU, so that a window stays responsive while a large list is decoded on a
// machine whose cores are all busy. On Linux a thread's nice value is its own (setpriority on
// its thread id); elsewhere, and where the system refuses, nothing changes. Cheap to call again:
// the thread is marked once. Never raises a thread's priority, and throughput does not suffer
// when cores are idle.
void markBackgroundThread();

} // namespace kube

#pragma once

namespace models {

// Hands the heap's free pages back to the system (glibc's malloc_trim; nothing elsewhere).
// A full list of 65,000 nodes passes hundreds of MB through the allocator on several threads,
// and a fault storm replaces thousands of nodes a minute; glibc keeps what was freed in the
// threads' arenas, so resident memory stays at the high-water mark while holding nothing:
// 95 MB of 446 MB at 65,000 nodes in a storm. Walks the heap (tens of ms at that size) with each
// arena locked in turn: call it off the GUI thread, and not often. Returns the milliseconds taken.
int releaseFreeHeap();

// Bytes the heap holds in live allocations (every arena and the mmapped blocks), or -1 where the
// allocator does not say (glibc's mallinfo2). Unlike resident memory it leaves out what was freed
// and not yet given back, so it says what data costs whatever the allocator keeps.
long long heapInUseBytes();

} // namespace models

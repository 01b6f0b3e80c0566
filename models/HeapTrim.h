#pragma once

namespace models {

// Hands the heap's free pages back to the system (glibc's malloc_trim; nothing elsewhere).
// A full list of 65,000 nodes passes hundreds of MB through the allocator on several threads,
// and glibc keeps what was freed in the threads' arenas: after the sync that is tens of MB of
// resident memory holding nothing. Takes a few ms per hundred MB; call it off the GUI thread.
// Returns whether memory was given back.
bool releaseFreeHeap();

} // namespace models

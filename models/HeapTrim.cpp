#include "models/HeapTrim.h"

#include <QElapsedTimer>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace models {

int releaseFreeHeap()
{
    QElapsedTimer t;
    t.start();
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
    return int(t.elapsed());
}

long long heapInUseBytes()
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    const struct mallinfo2 mi = mallinfo2();
    return static_cast<long long>(mi.uordblks + mi.hblkhd);
#else
    return -1;
#endif
}

} // namespace models

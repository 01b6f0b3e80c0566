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

} // namespace models

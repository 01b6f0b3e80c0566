#include "models/HeapTrim.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace models {

bool releaseFreeHeap()
{
#if defined(__GLIBC__)
    return malloc_trim(0) != 0;
#else
    return false;
#endif
}

} // namespace models

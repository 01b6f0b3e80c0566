#include "kube/BackgroundThread.h"

#if defined(Q_OS_LINUX) || defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace kube {

namespace {
// Nice 10 weighs about a tenth of nice 0 in Linux's scheduler: a busy GUI thread gets most of a
// core against a decoder, and the decoders still get all that it leaves.
constexpr int BackgroundNice = 10;
} // namespace

void markBackgroundThread()
{
    thread_local bool marked = false;
    if (marked)
        return;
    marked = true;
#if defined(Q_OS_LINUX) || defined(__linux__)
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, tid);
    if (errno == 0 && current < BackgroundNice)
        ::setpriority(PRIO_PROCESS, tid, BackgroundNice);
#endif
}

} // namespace kube

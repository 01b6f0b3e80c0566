#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <memory>
#include <type_traits>

namespace kube {

namespace detail {

template <typename T, typename F> struct ContinueOnResult
{
    using type = std::invoke_result_t<F, T>;
};

template <typename F> struct ContinueOnResult<void, F>
{
    using type = std::invoke_result_t<F>;
};

} // namespace detail

// `future.then(context, f)`, safe when `context` is deleted while the future finishes on another
// thread. Qt 6.4's then(context) reads the context from the finishing thread (a QPointer, then
// QMetaObject::invokeMethod) and crashes in QCoreApplication::postEvent when the context is
// deleted on its own thread in between: a history query finished on the database's thread, a
// decode on the pool, while the window or a command ends. Here a QFutureWatcher, a child of the
// context, is told of the finish by an event: deleted with the context, it is told nothing, and
// the future returned is cancelled.
//
// `f` runs on the context's thread, at once when the future has finished already and this is
// that thread, else from its event loop; not when the future was cancelled, and then the future
// returned is cancelled too. `f` taking a T (or nothing for QFuture<void>) and returning R gives a
// QFuture<R>; an R that is a QFuture is unwrapped with unwrap(), as with then().
template <typename T, typename F> auto continueOn(QObject *context, QFuture<T> future, F &&f)
{
    using R = typename detail::ContinueOnResult<T, std::decay_t<F>>::type;
    auto promise = std::make_shared<QPromise<R>>();
    promise->start();
    QFuture<R> out = promise->future();
    auto run = [promise, f = std::forward<F>(f)](const QFuture<T> &done) mutable {
        bool cancelled = done.isCanceled();
        if constexpr (!std::is_void_v<T>)
            cancelled = cancelled || done.resultCount() == 0;
        if (cancelled) {
            promise->future().cancel();
            promise->finish();
            return;
        }
        if constexpr (std::is_void_v<T> && std::is_void_v<R>)
            f();
        else if constexpr (std::is_void_v<T>)
            promise->addResult(f());
        else if constexpr (std::is_void_v<R>)
            f(done.result());
        else
            promise->addResult(f(done.result()));
        promise->finish();
    };
    if (future.isFinished() && context->thread() == QThread::currentThread()) {
        run(future);
        return out;
    }
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                     [watcher, run = std::move(run)]() mutable {
                         watcher->deleteLater();
                         run(watcher->future());
                     });
    watcher->setFuture(future);
    return out;
}

} // namespace kube

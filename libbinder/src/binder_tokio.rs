//! Binder on tokio (feature `tokio`, on by default): AOSP's `binder_tokio` crate, and a way to
//! serve binder on a runtime's own reactor with no binder thread pool.
//!
//! AOSP's items, with its names and behaviour, so that AOSP code that says
//! `use binder_tokio::...` builds (through the workspace's `binder-tokio` crate, which
//! re-exports this module; see the README):
//!
//! - [`Tokio`], the [`BinderAsyncPool`] of an AIDL `IFooAsync<Tokio>` proxy: a call runs its
//!   transaction on tokio's blocking pool (`spawn_blocking`) and never blocks a runtime
//!   worker; on a binder thread that is serving a call, it runs on that thread instead, so
//!   that the driver sees the nested call where it has to (its deadlock avoidance routes the
//!   calls back to this thread);
//! - [`TokioRuntime`], the [`BinderAsyncRuntime`] of an async service
//!   (`BnFoo::new_async_binder(service, TokioRuntime(rt), features)`): each incoming call
//!   blocks its binder thread on the runtime until the method's future is done;
//! - [`get_interface`], [`check_interface`] and [`wait_for_interface`], the service-manager
//!   look-ups, async over `spawn_blocking`.
//!
//! binder-sim's own: [`serve_current_thread`], a single-threaded daemon's loop: the calling
//! thread polls the driver through the runtime's reactor (`AsyncFd` on the thread's poll
//! descriptor) and serves binder calls between the runtime's other work.

use std::future::Future;
use std::os::fd::RawFd;
use std::pin::Pin;
use std::sync::Arc;
use std::task::Poll;

use tokio::io::unix::AsyncFd;
use tokio::io::Interest;
use tokio::runtime::{Handle, Runtime, RuntimeFlavor};
use tokio::task::JoinError;

use crate::binder_async::{BinderAsyncPool, BinderAsyncRuntime, BoxFuture};
use crate::error::StatusCode;
use crate::interface::{FromIBinder, Strong};
use crate::process::ProcessState;
use crate::thread;

/// Runs blocking binder work (`f`) for an async caller: on this thread if it is serving a
/// binder call, else on tokio's blocking pool.
///
/// A binder thread serving a call must make its nested calls itself: the driver routes a
/// call back into this process (A→B→A) to the thread that waits in the transaction, and
/// another thread would wait for a thread that waits for it. Blocking there costs nothing the
/// service did not already choose: the thread is in `block_on` for this one call. AOSP uses
/// `block_in_place` for it, which also leaves the runtime's context, so that a call back
/// into an async service of this process can `block_on` the runtime again; that is done here
/// on a multi-thread runtime, while on a current-thread runtime (whose context
/// `block_in_place` refuses with a panic, the case of a service on
/// [`serve_current_thread`]) the work runs in place.
async fn run_blocking<T, F>(f: F) -> Result<T, JoinError>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    if thread::is_handling_transaction() {
        return Ok(run_in_place(f));
    }
    tokio::task::spawn_blocking(f).await
}

fn run_in_place<T>(f: impl FnOnce() -> T) -> T {
    match Handle::try_current().map(|h| h.runtime_flavor()) {
        Ok(RuntimeFlavor::MultiThread) => tokio::task::block_in_place(f),
        _ => f(),
    }
}

/// The status for a blocking task that did not return: its panic goes on unwinding in the
/// caller (as in AOSP, where it is unreachable under `panic = abort`); a task cancelled by
/// the runtime's shutdown is a failed transaction.
fn join_error(e: JoinError) -> StatusCode {
    if e.is_panic() {
        std::panic::resume_unwind(e.into_panic());
    }
    if e.is_cancelled() {
        StatusCode::FAILED_TRANSACTION
    } else {
        StatusCode::UNKNOWN_ERROR
    }
}

/// The service `name` as `T` (AOSP `binder_tokio::get_interface`): [`crate::get_interface`]
/// on the blocking pool, which waits a bounded time for a service that is not registered yet.
pub async fn get_interface<T: FromIBinder + ?Sized + 'static>(
    name: &str,
) -> Result<Strong<T>, StatusCode> {
    let name = name.to_owned();
    run_blocking(move || crate::get_interface::<T>(&name))
        .await
        .map_err(join_error)?
}

/// The service `name` as `T` if it is registered now, else `NAME_NOT_FOUND` (AOSP
/// `binder_tokio::check_interface`); the future still waits for the service manager's answer.
pub async fn check_interface<T: FromIBinder + ?Sized + 'static>(
    name: &str,
) -> Result<Strong<T>, StatusCode> {
    let name = name.to_owned();
    run_blocking(move || crate::check_interface::<T>(&name))
        .await
        .map_err(join_error)?
}

/// Waits for the service `name` and returns it as `T` (AOSP
/// `binder_tokio::wait_for_interface`). The service manager's notification is a binder call
/// into this process: a thread pool, or a thread in [`serve_current_thread`], must serve it.
pub async fn wait_for_interface<T: FromIBinder + ?Sized + 'static>(
    name: &str,
) -> Result<Strong<T>, StatusCode> {
    let name = name.to_owned();
    run_blocking(move || crate::wait_for_interface::<T>(&name))
        .await
        .map_err(join_error)?
}

/// The [`BinderAsyncPool`] that runs async proxy calls on tokio (AOSP `binder_tokio::Tokio`):
/// `binder::get_interface::<dyn IFooAsync<Tokio>>(name)` or
/// `strong.into_async::<Tokio>()`.
///
/// A call's transaction runs on the blocking pool (`spawn_blocking`), so the task awaiting it
/// leaves its worker free; the reply is read back in the task. On a thread serving a binder
/// call (an async service calling out), it runs on that thread (see the module docs). The call
/// has started when the method returns its future: dropping the future does not cancel the
/// transaction, whose reply is then dropped. A call must be made inside a runtime (it spawns).
pub enum Tokio {}

impl BinderAsyncPool for Tokio {
    fn spawn<'a, F1, F2, Fut, A, B, E>(spawn_me: F1, after_spawn: F2) -> BoxFuture<'a, Result<B, E>>
    where
        F1: FnOnce() -> A,
        F2: FnOnce(A) -> Fut,
        Fut: Future<Output = Result<B, E>>,
        F1: Send + 'static,
        F2: Send + 'a,
        Fut: Send + 'a,
        A: Send + 'static,
        B: Send + 'a,
        E: From<StatusCode>,
    {
        if thread::is_handling_transaction() {
            let a = run_in_place(spawn_me);
            return Box::pin(after_spawn(a));
        }
        // Spawned now, not at the first poll: the call is under way while the caller goes on
        // (AOSP's behaviour, which generated code and callers rely on).
        let call = tokio::task::spawn_blocking(spawn_me);
        Box::pin(async move {
            match call.await {
                Ok(a) => after_spawn(a).await,
                Err(e) => Err(join_error(e).into()),
            }
        })
    }
}

/// The runtime an async service's calls are driven on (AOSP `binder_tokio::TokioRuntime`):
/// `BnFoo::new_async_binder(service, TokioRuntime(rt), features)`. Each incoming call blocks
/// its binder thread in `block_on` until the method's future is done.
///
/// - `TokioRuntime(Runtime)` and `TokioRuntime(Arc<Runtime>)` use `Runtime::block_on`: on a
///   current-thread runtime that call drives the runtime itself (its IO, timers and other
///   tasks run while the method's future waits), which is what a service served with
///   [`serve_current_thread`] needs; but a thread can only be in one `Runtime::block_on` of
///   a current-thread runtime at a time, and a call that arrives from inside one (a task
///   that made a blocking binder call that was called back) panics there, as tokio does for
///   any nested `block_on`.
/// - `TokioRuntime(Handle)` uses `Handle::block_on`, which also panics inside a runtime
///   context and, on a current-thread runtime, does not drive its IO or timers (another
///   thread in `Runtime::block_on` must): it suits multi-thread runtimes, whose workers drive
///   everything while binder threads wait.
pub struct TokioRuntime<R>(pub R);

impl BinderAsyncRuntime for TokioRuntime<Runtime> {
    fn block_on<F: Future>(&self, future: F) -> F::Output {
        self.0.block_on(future)
    }
}

impl BinderAsyncRuntime for TokioRuntime<Arc<Runtime>> {
    fn block_on<F: Future>(&self, future: F) -> F::Output {
        self.0.block_on(future)
    }
}

impl BinderAsyncRuntime for TokioRuntime<Handle> {
    fn block_on<F: Future>(&self, future: F) -> F::Output {
        self.0.block_on(future)
    }
}

/// What one turn of the runtime in [`serve_current_thread`] ended with.
enum Turn<T> {
    /// The main task finished.
    Done(Result<T, JoinError>),
    /// The poll descriptor turned readable: binder work may be waiting.
    Work,
    /// The reactor failed (it is shutting down).
    Failed(std::io::Error),
}

/// Serves binder on the calling thread through `rt`'s reactor, with no binder thread pool,
/// while `main` runs as a task of `rt`; returns `main`'s output when it finishes (a panic in
/// it goes on unwinding here).
///
/// The thread enters polling mode (`setup_polling`) and its poll descriptor is registered
/// with the reactor (`AsyncFd`). The thread then alternates between `rt.block_on`, which runs
/// `main` and the runtime's other tasks, IO and timers, and, each time the descriptor turns
/// readable, `handle_polled_commands` outside the runtime, which serves one read's worth of
/// binder work (then the runtime's tasks have a turn again; the driver keeps the descriptor
/// readable while work remains, so none is lost). An async service made with
/// `BnFoo::new_async_binder(service, TokioRuntime(rt.clone()), ..)` (with `rt` an
/// `Arc<Runtime>`) runs its method's future in a nested `rt.block_on` on this same thread,
/// during which the runtime's other tasks go on running: a single-threaded daemon serves
/// binder without blocking its event loop for longer than a method's own work.
///
/// Calls are served one at a time: the thread holds the call it serves until it replies, and
/// the driver gives a thread with a call in progress no other work of the process (the
/// kernel's rule). A method must therefore not wait for another incoming call of this process
/// (it would wait forever); one that waits for its tasks, timers, IO or outgoing calls is
/// fine. Outgoing calls from a method ([`Tokio`] proxies included) are made by this thread, so
/// that calls back into this process reach it.
///
/// Use a current-thread runtime built with IO enabled (`Builder::new_current_thread()
/// .enable_all()`) and call this outside any runtime context (it calls `rt.block_on`). A
/// process that wants no other thread creates its `ProcessState` with no pool threads
/// (`ProcessState::init(device, 0)`, as the service manager) and starts no pool; otherwise
/// the driver may ask it for more loopers. Async proxy calls from `main` still use tokio's
/// blocking pool. When `main` finishes, the thread leaves polling mode
/// (`BC_EXIT_LOOPER`, `BINDER_THREAD_EXIT`).
///
/// Errors: the driver connection failed (`DEAD_OBJECT` once binderd is gone: `main` is then
/// aborted), or the thread could not poll; `FAILED_TRANSACTION` if `main` was cancelled by
/// the runtime's shutdown.
///
/// # Panics
///
/// If the runtime has no IO driver (built without `enable_io`/`enable_all`), or when called
/// inside a runtime context.
pub fn serve_current_thread<F>(rt: &Runtime, main: F) -> Result<F::Output, StatusCode>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    ProcessState::self_or_default()?;
    let fd: RawFd = thread::setup_polling()?;
    let registered = {
        let _in_runtime = rt.enter();
        // SAFETY: the poll descriptor belongs to this thread's channel to the driver, which
        // stays open until the thread exits the driver (`exit_polling`, after the `AsyncFd` is
        // dropped below) or the process's device goes (never: `ProcessState` is static); the
        // raw fd always names that descriptor.
        unsafe { AsyncFd::register_with_interest(fd, Interest::READABLE) }
    };
    let poll_fd = match registered {
        Ok(a) => a,
        Err(e) => {
            let (_, e) = e.into_parts();
            tracing::error!(%e, "cannot register the binder poll descriptor with the reactor");
            thread::exit_polling();
            return Err(thread::status_from_io(&e));
        }
    };
    let mut main = rt.spawn(main);
    let result = loop {
        let turn = rt.block_on(std::future::poll_fn(|cx| {
            if let Poll::Ready(r) = Pin::new(&mut main).poll(cx) {
                return Poll::Ready(Turn::Done(r));
            }
            match poll_fd.poll_read_ready(cx) {
                Poll::Ready(Ok(mut ready)) => {
                    // Cleared before the work is read: readiness the driver signals from now on
                    // (work left over, or new) wakes the next turn.
                    ready.clear_ready();
                    Poll::Ready(Turn::Work)
                }
                Poll::Ready(Err(e)) => Poll::Ready(Turn::Failed(e)),
                Poll::Pending => Poll::Pending,
            }
        }));
        match turn {
            Turn::Done(r) => break r.map_err(join_error),
            // Outside `block_on`, so that an async service's own `block_on` may run.
            Turn::Work => {
                if let Err(e) = thread::serve_polled_commands() {
                    tracing::warn!(?e, "the binder driver connection failed");
                    main.abort();
                    break Err(e);
                }
            }
            Turn::Failed(e) => {
                tracing::warn!(%e, "the reactor failed");
                main.abort();
                break Err(thread::status_from_io(&e));
            }
        }
    };
    drop(poll_fd);
    thread::exit_polling();
    result
}

//! Binder on tokio across real processes (libbinder's `binder_tokio`, through the
//! `binder-tokio` crate as AOSP code names it): binderd in this process, a servicemanager,
//! and `IGate` (`aidl/sim/roundtrip/IGate.aidl`) served with async methods twice:
//!
//! - `pool`: `BnGate::new_async_binder(.., TokioRuntime(handle))` on a binder thread pool,
//!   the methods' futures driven by a multi-thread runtime;
//! - `reactor`: a single-threaded daemon, `TokioRuntime(Arc<Runtime>)` on a current-thread
//!   runtime served by `serve_current_thread` (no binder thread pool; checked from inside);
//!
//! and a `client` on a current-thread runtime (itself serving binder on its reactor) that calls
//! both through `IGateAsync<Tokio>` proxies: a call that only completes once another task of
//! the client's runtime acted after it was issued (it would never complete if the call blocked
//! the runtime's thread), calls answered by other tasks of the service's runtime, concurrent
//! calls to the one-thread service, and nested calls from async methods into an async callback
//! of the client. Every wait is bounded ([`WAIT`]); children are reaped on drop.

#[path = "../../../libbinder/tests/support/mod.rs"]
mod support;

use std::collections::HashSet;
use std::os::fd::RawFd;
use std::path::Path;
use std::sync::Arc;

use aidl_roundtrip::aidl::sim::roundtrip::{
    ICallback::{BnCallback, ICallback, ICallbackAsync, ICallbackAsyncServer},
    IGate::{BnGate, IGateAsync, IGateAsyncServer},
};
use binder::{BinderFeatures, Interface, ProcessState, Status, StatusCode, Strong};
use binder_tokio::{Tokio, TokioRuntime};
use support::*;
use tokio::io::unix::AsyncFd;
use tokio::io::Interest;
use tokio::sync::{mpsc, oneshot, watch};

const DISPATCH: &str = "child_roles";
const POOL: &str = "sim.roundtrip.IGate/pool";
const REACTOR: &str = "sim.roundtrip.IGate/reactor";

/// Dispatches a child's role; a no-op in a normal test run.
#[test]
fn child_roles() {
    let Ok(role) = std::env::var(ROLE) else {
        return;
    };
    let dev = std::path::PathBuf::from(std::env::var(DEV).unwrap());
    match role.as_str() {
        "sm" => {
            exit_on_stdin_eof();
            let err =
                servicemanager::serve(&dev, servicemanager::Access::permissive(), || tell("ready"));
            panic!("servicemanager stopped: {err:?}");
        }
        "pool" => pool_service(),
        "reactor" => reactor_service(&dev),
        "client" => client(&dev),
        other => panic!("unknown role {other}"),
    }
    std::process::exit(0);
}

fn spawn(role: &str, device: &Path) -> ChildProc {
    let dev = device.to_str().unwrap();
    spawn_with_env(DISPATCH, role, device, "", &[("BINDER_DEVICE", Some(dev))])
}

#[test]
fn async_services_and_proxies_on_tokio_across_processes() {
    let d = TestDaemon::start("aidl-tokio");
    let mut sm = spawn("sm", &d.device());
    assert_eq!(sm.expect_line(), "ready");
    let mut pool = spawn("pool", &d.device());
    assert_eq!(pool.expect_line(), "ready");
    let mut client = spawn("client", &d.device());
    assert_eq!(client.expect_line(), "pool checked");
    // The client now waits for the reactor service, which is not registered yet: the service
    // manager's notification reaches it through its own reactor (it has no thread pool).
    assert_eq!(client.expect_line(), "waiting for the reactor");
    let mut reactor = spawn("reactor", &d.device());
    assert_eq!(reactor.expect_line(), "ready");
    assert_eq!(client.expect_line(), "reactor checked");
    // The client's serve_current_thread returned: it left polling mode and exits cleanly.
    let status = client.close_and_wait();
    assert!(status.success(), "client: {status:?}");
    // The reactor service stops when its stdin closes, returning from serve_current_thread.
    let status = reactor.close_and_wait();
    assert!(status.success(), "reactor service: {status:?}");
    drop(pool);
    drop(sm);
}

// ---------------------------------------------------------------------------------------------
// The service
// ---------------------------------------------------------------------------------------------

/// A question for the task that answers `askOtherTask`.
type Ask = oneshot::Sender<i32>;

struct Gate {
    /// The gates opened so far.
    opened: watch::Sender<HashSet<i32>>,
    /// To the other task.
    asks: mpsc::Sender<Ask>,
    /// The thread that serves binder, and the process's thread count then.
    serving_tid: i32,
    threads_before: usize,
}

impl Interface for Gate {}

fn thread_count() -> usize {
    std::fs::read_dir("/proc/self/task").unwrap().count()
}

fn gettid() -> i32 {
    // SAFETY: gettid has no preconditions.
    unsafe { libc::gettid() }
}

impl Gate {
    fn new(asks: mpsc::Sender<Ask>) -> Gate {
        Gate {
            opened: watch::Sender::new(HashSet::new()),
            asks,
            serving_tid: gettid(),
            threads_before: thread_count(),
        }
    }
}

#[async_trait::async_trait]
impl IGateAsyncServer for Gate {
    async fn waitOpen(&self, token: i32) -> binder::Result<i32> {
        let mut opened = self.opened.subscribe();
        // `wait_for` looks at the current value first: an open before the wait is not missed.
        let found = tokio::time::timeout(WAIT, opened.wait_for(|o| o.contains(&token)))
            .await
            .is_ok_and(|r| r.is_ok());
        Ok(if found { token } else { -1 })
    }

    async fn open(&self, token: i32) -> binder::Result<()> {
        self.opened.send_modify(|o| {
            o.insert(token);
        });
        Ok(())
    }

    async fn askOtherTask(&self) -> binder::Result<i32> {
        let (tx, rx) = oneshot::channel();
        let gone = |_| Status::from(StatusCode::DEAD_OBJECT);
        self.asks.send(tx).await.map_err(gone)?;
        rx.await.map_err(|_| Status::from(StatusCode::DEAD_OBJECT))
    }

    async fn threads(&self) -> binder::Result<Vec<i32>> {
        let pool = ProcessState::self_().unwrap().is_thread_pool_started();
        Ok(vec![
            thread_count() as i32 - self.threads_before as i32,
            (gettid() == self.serving_tid) as i32,
            pool as i32,
        ])
    }

    async fn callBack(&self, cb: &Strong<dyn ICallback>, v: i32) -> binder::Result<i32> {
        // An async proxy from inside a call: the nested call runs on this binder thread.
        let cb: Strong<dyn ICallbackAsync<Tokio>> = cb.clone().into_async();
        cb.apply(v).await
    }
}

/// The other task: answers each ask with how many it answered so far.
async fn answer_asks(mut asks: mpsc::Receiver<Ask>) {
    let mut answered = 0;
    while let Some(ask) = asks.recv().await {
        answered += 1;
        let _ = ask.send(answered);
    }
}

/// `IGate` on a binder thread pool; the methods run on a multi-thread runtime.
fn pool_service() {
    exit_on_stdin_eof();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (asks, inbox) = mpsc::channel(8);
    rt.spawn(answer_asks(inbox));
    let gate = BnGate::new_async_binder(
        Gate::new(asks),
        TokioRuntime(rt.handle().clone()),
        BinderFeatures::default(),
    );
    ProcessState::start_thread_pool().expect("thread pool");
    binder::add_service(POOL, gate.as_binder()).expect("add_service");
    tell("ready");
    ProcessState::join_thread_pool().expect("join the thread pool");
}

/// Resolves when this process's stdin closes (the parent is done), on the runtime's reactor.
async fn stdin_closed() {
    let fd: RawFd = 0;
    // SAFETY: fcntl on our stdin, which stays open for the process's life.
    unsafe {
        libc::fcntl(
            fd,
            libc::F_SETFL,
            libc::fcntl(fd, libc::F_GETFL) | libc::O_NONBLOCK,
        )
    };
    // SAFETY: stdin stays open for the process's life.
    let stdin = unsafe { AsyncFd::register_with_interest(fd, Interest::READABLE) }.unwrap();
    let mut buf = [0u8; 64];
    loop {
        let mut ready = stdin.readable().await.unwrap();
        // SAFETY: buf is valid for its length.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if n == 0 {
            return;
        }
        ready.clear_ready();
    }
}

/// `IGate` from a single-threaded daemon: the calls are served on the runtime's reactor.
fn reactor_service(dev: &Path) {
    ProcessState::init(dev, 0).expect("init");
    let rt = Arc::new(
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap(),
    );
    let (asks, inbox) = mpsc::channel(8);
    let gate = BnGate::new_async_binder(
        Gate::new(asks),
        TokioRuntime(rt.clone()),
        BinderFeatures::default(),
    );
    binder::add_service(REACTOR, gate.as_binder()).expect("add_service");
    tell("ready");
    // The daemon's main task answers the asks until stdin closes.
    let main = async move {
        tokio::select! {
            _ = answer_asks(inbox) => {}
            _ = stdin_closed() => {}
        }
    };
    binder_tokio::serve_current_thread(&rt, main).expect("served until stdin closed");
    assert!(!ProcessState::self_().unwrap().is_thread_pool_started());
}

// ---------------------------------------------------------------------------------------------
// The client
// ---------------------------------------------------------------------------------------------

/// An async callback service, called back from inside the services' methods.
struct Squarer;

impl Interface for Squarer {}

#[async_trait::async_trait]
impl ICallbackAsyncServer for Squarer {
    async fn apply(&self, v: i32) -> binder::Result<i32> {
        tokio::task::yield_now().await;
        Ok(v * v)
    }
}

fn client(dev: &Path) {
    ProcessState::init(dev, 0).expect("init");
    let rt = Arc::new(
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap(),
    );
    // Called back on the thread that makes the call (a blocking-pool thread): it blocks on
    // the client's runtime, whose own thread is in serve_current_thread's block_on.
    let squarer =
        BnCallback::new_async_binder(Squarer, TokioRuntime(rt.clone()), BinderFeatures::default());
    let main = async move {
        let pool: Strong<dyn IGateAsync<Tokio>> = binder_tokio::wait_for_interface(POOL)
            .await
            .expect("the pool service");

        // The call is issued (its transaction starts on the blocking pool) before the task
        // that opens the gate is spawned; the service answers only once that task ran. With a
        // call that blocked the runtime's only thread, the task would never run.
        let waiting = pool.waitOpen(7);
        let opener = {
            let pool = pool.clone();
            tokio::spawn(async move { pool.open(7).await })
        };
        assert_eq!(waiting.await, Ok(7));
        opener.await.unwrap().unwrap();

        assert_eq!(pool.askOtherTask().await, Ok(1));
        assert_eq!(pool.askOtherTask().await, Ok(2));
        let threads = pool.threads().await.unwrap();
        assert_eq!(threads[2], 1, "the pool service started its pool");
        assert_eq!(pool.callBack(&squarer, 9).await, Ok(81));
        tell("pool checked");

        tell("waiting for the reactor");
        let reactor: Strong<dyn IGateAsync<Tokio>> = binder_tokio::wait_for_interface(REACTOR)
            .await
            .expect("the reactor service");
        let threads = reactor.threads().await.unwrap();
        assert_eq!(
            threads,
            [0, 1, 0],
            "served on the thread that called serve_current_thread, no thread added, no pool"
        );
        // Calls in flight together, served one at a time, each by the daemon's other task.
        let calls: Vec<_> = (0..8)
            .map(|_| {
                let reactor = reactor.clone();
                tokio::spawn(async move { reactor.askOtherTask().await })
            })
            .collect();
        let mut answers = Vec::new();
        for call in calls {
            answers.push(call.await.unwrap().unwrap());
        }
        answers.sort();
        assert_eq!(answers, (1..=8).collect::<Vec<_>>());
        assert_eq!(reactor.callBack(&squarer, 5).await, Ok(25));
        // The services' looks-ups: check_interface and get_interface find them at once.
        let again: Strong<dyn IGateAsync<Tokio>> =
            binder_tokio::check_interface(REACTOR).await.unwrap();
        assert_eq!(again.askOtherTask().await, Ok(9));
        let again: Strong<dyn IGateAsync<Tokio>> = binder_tokio::get_interface(POOL).await.unwrap();
        assert_eq!(again.askOtherTask().await, Ok(3));
        assert_eq!(
            binder_tokio::check_interface::<dyn IGateAsync<Tokio>>("sim.roundtrip.IGate/none")
                .await
                .err(),
            Some(StatusCode::NAME_NOT_FOUND)
        );
        tell("reactor checked");
    };
    binder_tokio::serve_current_thread(&rt, main).expect("the client's main task ran");
}

//! Serves `ICounter` as `com.example.counter.ICounter/default` from one thread: a tokio
//! current-thread runtime whose reactor also watches the binder driver.
//!
//! The counters belong to one task; each binder call sends it a request and awaits the
//! answer, so the task runs while a call is being served, on the same thread.

use std::collections::HashMap;
use std::process::ExitCode;
use std::sync::Arc;

use binder::{BinderFeatures, Interface, ProcessState, Status, StatusCode};
use binder_tokio::TokioRuntime;
use tokio::sync::{mpsc, oneshot};
use tokio_counter::aidl::com::example::counter::ICounter::{BnCounter, ICounterAsyncServer};
use tokio_counter::SERVICE_NAME;

/// A request to the task that owns the counters: add `n` to `name` (0 to read it).
struct Request {
    name: String,
    n: i64,
    answer: oneshot::Sender<i64>,
}

/// The binder object: it only talks to the counters' task.
struct Counter {
    requests: mpsc::Sender<Request>,
}

impl Interface for Counter {}

impl Counter {
    async fn ask(&self, name: &str, n: i64) -> binder::Result<i64> {
        let (answer, value) = oneshot::channel();
        let request = Request {
            name: name.to_owned(),
            n,
            answer,
        };
        // The task only stops with the process: a failure here is a bug, reported as one.
        let gone = || Status::from(StatusCode::DEAD_OBJECT);
        self.requests.send(request).await.map_err(|_| gone())?;
        value.await.map_err(|_| gone())
    }
}

#[async_trait::async_trait]
impl ICounterAsyncServer for Counter {
    async fn add(&self, name: &str, n: i64) -> binder::Result<i64> {
        self.ask(name, n).await
    }

    async fn get(&self, name: &str) -> binder::Result<i64> {
        self.ask(name, 0).await
    }

    async fn threads(&self) -> binder::Result<i32> {
        let n =
            tokio_counter::thread_count().map_err(|_| Status::from(StatusCode::UNKNOWN_ERROR))?;
        Ok(n as i32)
    }
}

/// The counters' task: answers requests until every sender is gone.
async fn counters(mut requests: mpsc::Receiver<Request>) {
    let mut counters: HashMap<String, i64> = HashMap::new();
    while let Some(r) = requests.recv().await {
        let value = counters.entry(r.name).or_insert(0);
        *value += r.n;
        // The caller may have given up; nothing to do then.
        let _ = r.answer.send(*value);
    }
}

fn main() -> ExitCode {
    // No binder thread pool: the driver is told this process spawns no loopers.
    if let Err(e) = ProcessState::init(ProcessState::default_device(), 0) {
        eprintln!("counter-service: cannot open the binder device: {e}");
        return ExitCode::FAILURE;
    }
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => Arc::new(rt),
        Err(e) => {
            eprintln!("counter-service: cannot build the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (requests, inbox) = mpsc::channel(64);
    // Each call's future runs in `rt.block_on` on the serving thread, which drives the
    // counters' task meanwhile.
    let counter = BnCounter::new_async_binder(
        Counter { requests },
        TokioRuntime(rt.clone()),
        BinderFeatures::default(),
    );
    if let Err(e) = binder::add_service(SERVICE_NAME, counter.as_binder()) {
        eprintln!("counter-service: add_service: {e:?}");
        return ExitCode::FAILURE;
    }
    println!("counter-service: serving {SERVICE_NAME} on one thread");
    match binder_tokio::serve_current_thread(&rt, counters(inbox)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("counter-service: stopped serving: {e:?}");
            ExitCode::FAILURE
        }
    }
}

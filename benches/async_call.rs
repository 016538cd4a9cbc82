//! An async binder call on tokio against the same blocking call, in one run: `String
//! echo(String)` with 32 bytes (`examples/aidl/com/example/IEcho.aidl`), across processes.
//!
//! - `echo/blocking`: `Strong<dyn IEcho>` from this thread, to a service on a binder thread
//!   pool;
//! - `echo/tokio`: `Strong<dyn IEchoAsync<Tokio>>` awaited on a current-thread runtime, to the
//!   same service: the transaction runs on tokio's blocking pool and the reply is read back
//!   in the task (the price of never blocking the runtime's thread);
//! - `echo/blocking_to_reactor`: the blocking call to the same service made async and served
//!   by a single-threaded daemon on its runtime's reactor (`serve_current_thread`).
//!
//! This process runs binderd on its threads and is the client; the servicemanager and the
//! services are this binary run again in a role (`ASYNC_BENCH_ROLE`). Try
//! `cargo bench --bench async_call -- --warm-up-time 1 --measurement-time 5`.

// Generated code names the library `binder`, as AOSP crates call it.
extern crate libbinder as binder;

// The interfaces, generated from examples/aidl/ by build.rs; at the crate root, so that the
// generated files' `crate::mangled::...` paths resolve.
include!(concat!(env!("OUT_DIR"), "/aidl.rs"));

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;

use aidl::com::example::IEcho::{BnEcho, IEcho, IEchoAsync, IEchoAsyncServer};
use binder::binder_tokio::{Tokio, TokioRuntime};
use binder::{BinderFeatures, Interface, ProcessState, Strong};
use binder_sim::driver::daemon::{Config, Daemon};
use criterion::Criterion;

const ROLE: &str = "ASYNC_BENCH_ROLE";
const POOL: &str = "bench.echo.pool";
const REACTOR: &str = "bench.echo.reactor";

struct Echo;

impl Interface for Echo {}

impl IEcho for Echo {
    fn echo(&self, s: &str) -> binder::Result<String> {
        Ok(s.into())
    }
}

#[async_trait::async_trait]
impl IEchoAsyncServer for Echo {
    async fn echo(&self, s: &str) -> binder::Result<String> {
        Ok(s.into())
    }
}

/// A role of this binary; killed and reaped on drop.
struct Role(Child);

impl Role {
    /// Starts `role` on `device` and waits for it to say `ready` (or fail: its stdout closes).
    fn start(role: &str, device: &Path) -> Role {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .env(ROLE, role)
            .env("BINDER_DEVICE", device)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("the bench binary runs again");
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "ready", "role {role} did not start");
        Role(child)
    }
}

impl Drop for Role {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// In a role: exit when the bench (our parent) closes our stdin.
fn exit_with_parent() {
    std::thread::spawn(|| {
        let _ = std::io::stdin().read_to_end(&mut Vec::new());
        std::process::exit(0);
    });
}

fn role(role: &str) {
    let device = ProcessState::default_device();
    match role {
        "sm" => {
            exit_with_parent();
            let e = servicemanager::serve(&device, servicemanager::Access::permissive(), || {
                println!("ready")
            });
            panic!("servicemanager stopped: {e:?}");
        }
        "pool" => {
            exit_with_parent();
            ProcessState::init(&device, 4).unwrap();
            ProcessState::start_thread_pool().unwrap();
            let echo = BnEcho::new_binder(Echo, BinderFeatures::default());
            binder::add_service(POOL, echo.as_binder()).unwrap();
            println!("ready");
            let e = ProcessState::join_thread_pool();
            panic!("the pool stopped: {e:?}");
        }
        "reactor" => {
            exit_with_parent();
            ProcessState::init(&device, 0).unwrap();
            let rt = Arc::new(
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap(),
            );
            let echo =
                BnEcho::new_async_binder(Echo, TokioRuntime(rt.clone()), BinderFeatures::default());
            binder::add_service(REACTOR, echo.as_binder()).unwrap();
            println!("ready");
            let e = binder::binder_tokio::serve_current_thread(&rt, std::future::pending::<()>());
            panic!("the reactor stopped: {e:?}");
        }
        other => panic!("unknown role {other}"),
    }
}

fn main() {
    if let Ok(r) = std::env::var(ROLE) {
        role(&r);
        return;
    }
    let dir = std::env::temp_dir().join(format!("binder-sim-async-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut config = Config::new(&dir);
    config.devices = vec!["binder".into()];
    let daemon = Daemon::start(config).expect("binderd");
    let device = dir.join("binder");
    let sm = Role::start("sm", &device);
    let pool = Role::start("pool", &device);
    let reactor = Role::start("reactor", &device);
    ProcessState::init(&device, 0).unwrap();
    let echo: Strong<dyn IEcho> = binder::check_interface(POOL).unwrap();
    let async_echo: Strong<dyn IEchoAsync<Tokio>> = echo.clone().into_async();
    let on_reactor: Strong<dyn IEcho> = binder::check_interface(REACTOR).unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let text = "a string of thirty-two bytes....";

    let mut c = Criterion::default()
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(5))
        .configure_from_args();
    let mut g = c.benchmark_group("echo");
    g.bench_function("blocking", |b| {
        b.iter(|| echo.echo(std::hint::black_box(text)).unwrap())
    });
    g.bench_function("tokio", |b| {
        b.iter(|| {
            // The call starts when it is made (AOSP's `Tokio` spawns then): inside the runtime.
            rt.block_on(async { async_echo.echo(std::hint::black_box(text)).await })
                .unwrap()
        })
    });
    g.bench_function("blocking_to_reactor", |b| {
        b.iter(|| on_reactor.echo(std::hint::black_box(text)).unwrap())
    });
    g.finish();
    c.final_summary();

    drop((echo, async_echo, on_reactor));
    drop((reactor, pool, sm));
    drop(daemon);
    let _ = std::fs::remove_dir_all(&dir);
}

//! Calls through libbinder (`ProcessState`, `Parcel`, `transact`) against plain Linux IPC of
//! the same shape, in one run.
//!
//! - `sync/request_only/N`: a request of N bytes and an empty reply (AOSP
//!   binderThroughputTest's shape), for N = 0, 32 B, 4 KiB, 64 KiB, 256 KiB, 900 KiB;
//! - `sync/request_and_reply/N`: N bytes each way;
//! - `oneway/32`: a oneway call of 32 bytes (a call that finds the async space full is retried);
//! - `nested/callback`: a call whose server calls back a binder of ours before replying (the
//!   call back lands on our waiting thread, A→B→A);
//! - `baseline/seqpacket/N` (`baseline/unix_stream/N` above 64 KiB) and `baseline/pipe/N`: the
//!   request-only shape between two processes over a socketpair or a pair of pipes, one byte
//!   back.
//!
//! This process runs binderd on its threads and is the client; the servicemanager, the server
//! and the baseline servers are roles of the `binder-bench` binary. Pin everything with
//! `taskset -c 0 cargo bench --bench libbinder`.

use binder_sim::libbinder::Interface;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use binder_sim::driver::daemon::{Config, Daemon};
use binder_sim::libbinder::binder_impl::{Binder, Parcel, Remotable};
use binder_sim::libbinder::{self, ProcessState, SpIBinder, StatusCode};
use criterion::{BenchmarkId, Criterion, Throughput};

const SIZES: [usize; 6] = [0, 32, 4096, 64 * 1024, 256 * 1024, 900 * 1024];
const CODE: u32 = libbinder::binder_impl::FIRST_CALL_TRANSACTION;
const CODE_ECHO: u32 = libbinder::binder_impl::FIRST_CALL_TRANSACTION + 1;
const CODE_NESTED: u32 = libbinder::binder_impl::FIRST_CALL_TRANSACTION + 2;
/// Above this payload the baseline is a stream socket (as binder-bench).
const SEQPACKET_MAX: usize = 64 * 1024;

/// A `binder-bench` role; killed and reaped on drop.
struct Role(Child);

impl Role {
    /// Starts `role`; it inherits `keep` (named in `BINDER_BENCH_FDS`).
    fn start(role: &str, device: &Path, envs: &[(&str, String)], keep: &[&OwnedFd]) -> Role {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_binder-bench"));
        cmd.env("BINDER_BENCH_ROLE", role)
            .env("BINDER_DEVICE", device)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped());
        for (k, v) in envs {
            cmd.env(k, v);
        }
        if !keep.is_empty() {
            let raw: Vec<i32> = keep.iter().map(|f| f.as_raw_fd()).collect();
            let names: Vec<String> = raw.iter().map(|r| r.to_string()).collect();
            cmd.env("BINDER_BENCH_FDS", names.join(","));
            // SAFETY: only async-signal-safe fcntl between fork and exec.
            unsafe {
                cmd.pre_exec(move || {
                    for &fd in &raw {
                        let flags = libc::fcntl(fd, libc::F_GETFD);
                        libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC);
                    }
                    Ok(())
                });
            }
        }
        let mut child = cmd.spawn().expect("the binder-bench binary runs");
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "ready", "{role} did not start");
        Role(child)
    }
}

impl Drop for Role {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The binder the nested call's server calls back: an empty reply.
struct Callback;

impl Remotable for Callback {
    fn get_descriptor() -> &'static str {
        "binder.sim.bench.ICallback"
    }
    fn on_transact(&self, _: u32, _: &Parcel, _: &mut Parcel) -> Result<(), StatusCode> {
        Ok(())
    }
}

/// `pipe2(O_CLOEXEC)`: (read end, write end).
fn pipe() -> (OwnedFd, OwnedFd) {
    let mut fds = [0; 2];
    // SAFETY: fds is a valid array of two ints.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // SAFETY: pipe2 just created both descriptors for us.
    unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) }
}

/// A socketpair of `kind`.
fn socketpair(kind: i32) -> (OwnedFd, OwnedFd) {
    let mut fds = [0; 2];
    // SAFETY: fds is a valid array of two ints.
    let r = unsafe {
        libc::socketpair(
            libc::AF_UNIX,
            kind | libc::SOCK_CLOEXEC,
            0,
            fds.as_mut_ptr(),
        )
    };
    assert_eq!(r, 0);
    // SAFETY: socketpair just created both descriptors for us.
    unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) }
}

fn call(server: &SpIBinder, code: u32, data: &Parcel, flags: u32) {
    loop {
        match server.transact_parcel(code, data, flags) {
            Ok(_) => return,
            Err(StatusCode::FAILED_TRANSACTION) if flags != 0 => std::thread::yield_now(),
            Err(e) => panic!("transact: {e}"),
        }
    }
}

fn main() {
    let dir = std::env::temp_dir().join(format!("binder-sim-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut config = Config::new(&dir);
    config.devices = vec!["binder".into()];
    let daemon = Daemon::start(config).expect("binderd");
    let device = dir.join("binder");
    let sm = Role::start("servicemanager", &device, &[], &[]);
    let name = ("BINDER_BENCH_NAME", "bench.sink".to_string());
    let server_proc = Role::start("server", &device, &[name], &[]);
    ProcessState::init(&device, 4).unwrap();
    ProcessState::start_thread_pool().unwrap();
    let server = libbinder::get_service("bench.sink").expect("bench.sink");

    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20)
        .configure_from_args();

    let mut g = c.benchmark_group("sync");
    for size in SIZES {
        let mut data = Parcel::new();
        data.write_raw(&vec![0x5au8; size]).unwrap();
        g.throughput(Throughput::Bytes(size as u64));
        g.bench_with_input(BenchmarkId::new("request_only", size), &data, |b, d| {
            b.iter(|| call(&server, CODE, d, 0))
        });
        g.bench_with_input(
            BenchmarkId::new("request_and_reply", size),
            &data,
            |b, d| b.iter(|| call(&server, CODE_ECHO, d, 0)),
        );
    }
    g.finish();

    let mut g = c.benchmark_group("oneway");
    let mut data = Parcel::new();
    data.write_raw(&[0x5a; 32]).unwrap();
    g.bench_function("32", |b| {
        b.iter(|| call(&server, CODE, &data, libbinder::binder_impl::FLAG_ONEWAY))
    });
    g.finish();

    let mut g = c.benchmark_group("nested");
    let mut data = Parcel::new();
    data.write_strong_binder(&Binder::new(Callback).as_binder())
        .unwrap();
    g.bench_function("callback", |b| {
        b.iter(|| call(&server, CODE_NESTED, &data, 0))
    });
    g.finish();

    let mut g = c.benchmark_group("baseline");
    for size in SIZES {
        let stream = size > SEQPACKET_MAX;
        let (socket, label) = if stream {
            (libc::SOCK_STREAM, "unix_stream")
        } else {
            (libc::SOCK_SEQPACKET, "seqpacket")
        };
        let (ours, theirs) = socketpair(socket);
        let (to_peer_r, to_peer_w) = pipe();
        let (from_peer_r, from_peer_w) = pipe();
        g.throughput(Throughput::Bytes(size as u64));
        for (label, stream, peer_r, peer_w, r, w) in [
            (label, stream, &theirs, &theirs, &ours, &ours),
            (
                "pipe",
                true,
                &to_peer_r,
                &from_peer_w,
                &from_peer_r,
                &to_peer_w,
            ),
        ] {
            let envs = [
                ("BINDER_BENCH_PAYLOAD", size.to_string()),
                ("BINDER_BENCH_ITERATIONS", "1".to_string()),
                ("BINDER_BENCH_ONEWAY", "0".to_string()),
                ("BINDER_BENCH_STREAM", (stream as u8).to_string()),
            ];
            let _peer = Role::start("peer-server", &device, &envs, &[peer_r, peer_w]);
            let mut tx = std::fs::File::from(w.try_clone().unwrap());
            let mut rx = std::fs::File::from(r.try_clone().unwrap());
            // The peer reads max(N, 1) bytes: a zero-byte message still needs one on a stream.
            let request = vec![0x5au8; size.max(1)];
            let mut reply = [0u8; 1];
            g.bench_function(BenchmarkId::new(label, size), |b| {
                b.iter(|| {
                    tx.write_all(&request).unwrap();
                    rx.read_exact(&mut reply).unwrap();
                })
            });
        }
    }
    g.finish();
    c.final_summary();

    if let Some(s) = daemon.copy_stats("binder") {
        eprintln!(
            "binderd copy counts: one-copy {} bytes, inline {} bytes",
            s.one_copy_bytes, s.inline_bytes
        );
    }
    drop((server, server_proc, sm));
    drop(daemon);
    let _ = std::fs::remove_dir_all(&dir);
}

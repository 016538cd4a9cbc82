//! A synchronous round trip through binderd against a direct two-process ping-pong, in the
//! same run (see `/work/shared/reference/ipc-costs.md` for what the primitives cost).
//!
//! - `roundtrip_32B/binder`: the client (this process, which also runs binderd on its worker
//!   threads) sends `BC_TRANSACTION` of 32 bytes to handle 0; the server process (context
//!   manager, a looper) frees the request buffer and replies 32 bytes. The client frees each
//!   reply with the `BC_FREE_BUFFER` it batches into its next call, as libbinder does.
//! - `roundtrip_32B/seqpacket`: the baseline, 32 bytes each way over a `SOCK_SEQPACKET`
//!   socketpair between this process and a child.
//! - `transfer_900KB/binder` and `transfer_900KB/unix_stream`: the same with a 900 KB request
//!   and a 32-byte reply, the baseline being a `SOCK_STREAM` socketpair.
//!
//! Child processes are this bench binary re-run with `BINDER_SIM_BENCH_ROLE` set, which
//! `main` checks before anything else (no daemon threads exist yet, and none are forked).
//! Placement is inherited: `taskset -c 0 cargo bench --bench roundtrip` puts the daemon and
//! both processes on cpu0. `benches/roundtrip.sh` runs pinned and unpinned and prints ratios.
//!
//! Besides criterion's estimates, each bench prints per-round-trip percentiles of its
//! measurement phase to stderr (`tail ...` lines), as the reference's protocol reports.

use std::io::{BufRead, BufReader, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use binder_sim::driver::daemon::{Config, Daemon};
use binder_sim::driver::device::{Device, Mapping};
use binder_sim::driver::uapi::*;
use criterion::{BenchmarkId, Criterion};

const ROLE: &str = "BINDER_SIM_BENCH_ROLE";
const DEV: &str = "BINDER_SIM_BENCH_DEVICE";
const FD: &str = "BINDER_SIM_BENCH_FD";

const SMALL: usize = 32;
const LARGE: usize = 900 * 1024;
const REPLY: usize = 32;
/// The receive buffer each binder process maps (libbinder's default size).
const MAP_LEN: usize = (1 << 20) - 8192;
/// Transaction codes the server understands.
const CODE_CALL: u32 = 1;
const CODE_EXIT: u32 = 2;

fn main() {
    // Children first: before criterion parses anything and before any thread exists.
    if let Ok(role) = std::env::var(ROLE) {
        match role.as_str() {
            "binder-server" => binder_server(Path::new(&std::env::var(DEV).expect(DEV))),
            "seqpacket-echo" => seqpacket_echo(env_fd()),
            "stream-sink" => stream_sink(env_fd()),
            other => panic!("unknown role {other}"),
        }
        std::process::exit(0);
    }
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30)
        .configure_from_args();
    benches(&mut c);
    c.final_summary();
}

// ------------------------------------------------------------------------------------------
// Binder speaking bytes (after tests/common: a command stream out, a return stream back)
// ------------------------------------------------------------------------------------------

/// One process's binder endpoint with fixed buffers, so an iteration allocates nothing.
struct Binder {
    dev: Device,
    map: Mapping,
    wbuf: Vec<u8>,
    rbuf: [u8; 256],
    /// `BINDER_WRITE_READ` ioctls made, for the per-round-trip count.
    ioctls: u64,
}

/// A return item the bench cares about.
enum Item {
    Transaction(BinderTransactionData),
    Reply(BinderTransactionData),
    Failed(u32),
}

impl Binder {
    fn open(path: &Path) -> Binder {
        let dev = Device::open(path).expect("open binder device");
        let map = dev.mmap(MAP_LEN).expect("mmap binder device");
        Binder {
            dev,
            map,
            wbuf: Vec::with_capacity(256),
            rbuf: [0; 256],
            ioctls: 0,
        }
    }

    fn code(&mut self, c: u32) {
        self.wbuf.extend_from_slice(&c.to_ne_bytes());
    }

    fn free(&mut self, addr: u64) {
        self.code(BC_FREE_BUFFER);
        self.wbuf.extend_from_slice(&addr.to_ne_bytes());
    }

    /// Queues `BC_TRANSACTION` (or `BC_REPLY`) of `data`, which must live until it is written.
    fn txn(&mut self, cmd: u32, code: u32, flags: u32, data: &[u8]) {
        let mut td = BinderTransactionData::default();
        td.set_target_handle(0);
        td.code = code;
        td.flags = flags;
        td.data_size = data.len() as u64;
        td.offsets_size = 0;
        td.set_data_ptr(data.as_ptr() as u64, 0);
        self.code(cmd);
        self.wbuf.extend_from_slice(td.as_bytes());
    }

    /// The queued commands (then cleared), without a read.
    fn write(&mut self) {
        self.ioctl(0);
    }

    /// One `BINDER_WRITE_READ` of the queued commands (then cleared) and a read of up to 256
    /// bytes; the first transaction, reply or failure in what was read.
    fn write_read(&mut self) -> Option<Item> {
        let n = self.ioctl(self.rbuf.len());
        Self::parse(&self.rbuf[..n])
    }

    fn ioctl(&mut self, read: usize) -> usize {
        let mut bwr = BinderWriteRead {
            write_size: self.wbuf.len() as u64,
            write_consumed: 0,
            write_buffer: self.wbuf.as_ptr() as u64,
            read_size: read as u64,
            read_consumed: 0,
            read_buffer: self.rbuf.as_mut_ptr() as u64,
        };
        self.dev.write_read(&mut bwr).expect("BINDER_WRITE_READ");
        self.ioctls += 1;
        assert_eq!(bwr.write_consumed, self.wbuf.len() as u64);
        self.wbuf.clear();
        bwr.read_consumed as usize
    }

    fn parse(raw: &[u8]) -> Option<Item> {
        let mut i = 0;
        let mut found = None;
        while i + 4 <= raw.len() {
            let cmd = u32::from_ne_bytes(raw[i..i + 4].try_into().unwrap());
            i += 4;
            match cmd {
                BR_TRANSACTION | BR_REPLY => {
                    let td = BinderTransactionData::from_bytes(&raw[i..]).unwrap();
                    found.get_or_insert(if cmd == BR_REPLY {
                        Item::Reply(td)
                    } else {
                        Item::Transaction(td)
                    });
                }
                BR_DEAD_REPLY | BR_FAILED_REPLY | BR_ERROR => {
                    found.get_or_insert(Item::Failed(cmd));
                }
                _ => {}
            }
            i += ioc_size(cmd) as usize;
        }
        found
    }

    /// A synchronous call; returns the reply's size. The reply buffer is freed by the next
    /// call's write, batched as libbinder does.
    fn call(&mut self, pending_free: &mut Option<u64>, code: u32, data: &[u8]) -> usize {
        if let Some(b) = pending_free.take() {
            self.free(b);
        }
        self.txn(BC_TRANSACTION, code, 0, data);
        loop {
            match self.write_read() {
                Some(Item::Reply(td)) => {
                    *pending_free = Some(td.data_buffer());
                    return td.data_size as usize;
                }
                Some(Item::Failed(c)) => panic!("call failed: BR {c:#x}"),
                Some(Item::Transaction(_)) => panic!("client got a transaction"),
                None => {}
            }
        }
    }

    /// The first 8 bytes of a received buffer (a cheap look that it arrived).
    fn peek(&self, addr: u64, len: usize) -> u64 {
        let base = self.map.as_ptr() as u64;
        assert!(addr >= base && addr + len as u64 <= base + self.map.len() as u64);
        let mut b = [0u8; 8];
        let n = len.min(8);
        // SAFETY: inside our read-only mapping.
        b[..n].copy_from_slice(unsafe { std::slice::from_raw_parts(addr as *const u8, n) });
        u64::from_ne_bytes(b)
    }
}

/// The server: context manager, one looper thread; frees each request and replies 32 bytes.
fn binder_server(dev: &Path) {
    let mut b = Binder::open(dev);
    b.dev.set_context_mgr().expect("become context manager");
    b.code(BC_ENTER_LOOPER);
    b.write();
    println!("ready");
    std::io::stdout().flush().unwrap();
    let reply = [0x5au8; REPLY];
    let (mut calls, mut sum) = (0u64, 0u64);
    loop {
        let Some(Item::Transaction(td)) = b.write_read() else {
            continue;
        };
        sum = sum.wrapping_add(b.peek(td.data_buffer(), td.data_size as usize));
        b.free(td.data_buffer());
        if td.code == CODE_EXIT {
            b.write();
            break;
        }
        calls += 1;
        b.txn(BC_REPLY, 0, 0, &reply);
    }
    eprintln!(
        "binder server: {calls} calls, {:.2} ioctls per call (checksum {sum:x})",
        b.ioctls as f64 / calls.max(1) as f64
    );
}

// ------------------------------------------------------------------------------------------
// Direct two-process baselines
// ------------------------------------------------------------------------------------------

fn env_fd() -> OwnedFd {
    let fd: RawFd = std::env::var(FD).expect(FD).parse().expect("fd number");
    // SAFETY: the parent left this descriptor open for us; nothing else owns it.
    unsafe { OwnedFd::from_raw_fd(fd) }
}

/// Answers every SOCK_SEQPACKET message with 32 bytes, until end of stream.
fn seqpacket_echo(fd: OwnedFd) {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        // SAFETY: receiving into our buffer on our socket.
        let n = unsafe {
            libc::recv(
                fd.as_raw_fd(),
                buf.as_mut_ptr() as *mut libc::c_void,
                buf.len(),
                0,
            )
        };
        if n <= 0 {
            return;
        }
        seqpacket_send(&fd, &buf[..REPLY]);
    }
}

/// Reads `LARGE` bytes, answers 32 bytes, until end of stream.
fn stream_sink(fd: OwnedFd) {
    let mut s = UnixStream::from(fd);
    let mut buf = vec![0u8; LARGE];
    while s.read_exact(&mut buf).is_ok() {
        if s.write_all(&buf[..REPLY]).is_err() {
            return;
        }
    }
}

fn seqpacket_send(fd: &OwnedFd, data: &[u8]) {
    // SAFETY: sending our buffer on our socket.
    let n = unsafe {
        libc::send(
            fd.as_raw_fd(),
            data.as_ptr() as *const libc::c_void,
            data.len(),
            libc::MSG_NOSIGNAL,
        )
    };
    assert_eq!(
        n,
        data.len() as isize,
        "send: {}",
        std::io::Error::last_os_error()
    );
}

fn seqpacket_recv(fd: &OwnedFd, buf: &mut [u8]) -> usize {
    // SAFETY: receiving into our buffer on our socket.
    let n = unsafe {
        libc::recv(
            fd.as_raw_fd(),
            buf.as_mut_ptr() as *mut libc::c_void,
            buf.len(),
            0,
        )
    };
    assert!(n > 0, "recv: {}", std::io::Error::last_os_error());
    n as usize
}

fn socketpair(ty: libc::c_int) -> (OwnedFd, OwnedFd) {
    let mut sv = [0 as RawFd; 2];
    // SAFETY: sv is a valid array of two descriptors.
    let r = unsafe { libc::socketpair(libc::AF_UNIX, ty | libc::SOCK_CLOEXEC, 0, sv.as_mut_ptr()) };
    assert_eq!(r, 0, "socketpair: {}", std::io::Error::last_os_error());
    // SAFETY: both just created and ours.
    unsafe { (OwnedFd::from_raw_fd(sv[0]), OwnedFd::from_raw_fd(sv[1])) }
}

/// This binary re-run in `role`, inheriting `fd` (if any) across exec.
fn spawn_role(role: &str, env: &[(&str, String)], fd: Option<&OwnedFd>) -> Kid {
    let mut cmd = Command::new(std::env::current_exe().expect("current_exe"));
    cmd.env(ROLE, role)
        .stdin(Stdio::null())
        .stdout(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    if let Some(fd) = fd {
        let raw = fd.as_raw_fd();
        cmd.env(FD, raw.to_string());
        // SAFETY: fcntl is async-signal-safe; it only clears close-on-exec on the child's copy.
        unsafe {
            cmd.pre_exec(move || {
                if libc::fcntl(raw, libc::F_SETFD, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    Kid(cmd.spawn().expect("spawn child"))
}

/// A child process, killed and reaped on drop.
struct Kid(Child);

impl Kid {
    fn expect_line(&mut self, want: &str) {
        let mut line = String::new();
        BufReader::new(self.0.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .expect("read child");
        assert_eq!(line.trim_end(), want, "child said {line:?}");
    }

    /// Waits up to 5 s for a clean exit, else kills.
    fn finish(mut self) {
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

impl Drop for Kid {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
        }
        let _ = self.0.wait();
    }
}

// ------------------------------------------------------------------------------------------
// Measurement
// ------------------------------------------------------------------------------------------

/// Per-round-trip times of one bench's measurement phase. Criterion warms up with a
/// growing number of iterations and then measures with fewer per sample, so a call with fewer
/// iterations than the one before starts the measurement phase: samples before it are dropped.
#[derive(Default)]
struct Tail {
    last_iters: u64,
    ns: Vec<u64>,
}

impl Tail {
    fn run(&mut self, iters: u64, mut once: impl FnMut()) -> Duration {
        if iters < self.last_iters {
            self.ns.clear();
        }
        self.last_iters = iters;
        let start = Instant::now();
        let mut t0 = start;
        for _ in 0..iters {
            once();
            let t1 = Instant::now();
            self.ns.push((t1 - t0).as_nanos() as u64);
            t0 = t1;
        }
        start.elapsed()
    }

    fn report(&mut self, id: &str) {
        if self.ns.is_empty() {
            return;
        }
        self.ns.sort_unstable();
        let n = self.ns.len();
        let p = |q: f64| self.ns[((n as f64 * q) as usize).min(n - 1)] as f64 / 1000.0;
        eprintln!(
            "tail {id}: n={n} min={:.2} p50={:.2} p90={:.2} p99={:.2} p99.9={:.2} max={:.2} us",
            p(0.0),
            p(0.5),
            p(0.9),
            p(0.99),
            p(0.999),
            p(1.0)
        );
    }
}

/// A directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        let p = std::env::temp_dir().join(format!("binder-sim-bench-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("create temp dir");
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn affinity() -> String {
    // SAFETY: a zeroed cpu_set_t is valid; sched_getaffinity fills it.
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    // SAFETY: valid set of the size given.
    let r = unsafe { libc::sched_getaffinity(0, std::mem::size_of_val(&set), &mut set) };
    if r != 0 {
        return "?".into();
    }
    let cpus: Vec<String> = (0..libc::CPU_SETSIZE as usize)
        // SAFETY: i is below CPU_SETSIZE.
        .filter(|&i| unsafe { libc::CPU_ISSET(i, &set) })
        .map(|i| i.to_string())
        .collect();
    cpus.join(",")
}

fn benches(c: &mut Criterion) {
    let tmp = TempDir::new();
    let mut config = Config::new(&tmp.0);
    config.devices = vec!["binder".into()];
    let workers = config.workers;
    let daemon = Daemon::start(config).expect("binderd starts");
    let dev = daemon.device_path("binder");
    eprintln!(
        "roundtrip: cpus {} (affinity), binderd in-process with {workers} worker(s)",
        affinity()
    );

    let mut server = spawn_role(
        "binder-server",
        &[(DEV, dev.to_string_lossy().into_owned())],
        None,
    );
    server.expect_line("ready");
    let (seq_ours, seq_theirs) = socketpair(libc::SOCK_SEQPACKET);
    let echo = spawn_role("seqpacket-echo", &[], Some(&seq_theirs));
    drop(seq_theirs);
    let (stream_ours, stream_theirs) = socketpair(libc::SOCK_STREAM);
    let sink = spawn_role("stream-sink", &[], Some(&stream_theirs));
    drop(stream_theirs);
    let mut stream = UnixStream::from(stream_ours);

    let mut client = Binder::open(&dev);
    let mut pending_free = None;
    let small = [0xa5u8; SMALL];
    let large = vec![0xa5u8; LARGE];
    let mut rbuf = vec![0u8; 64 * 1024];

    let mut g = c.benchmark_group("roundtrip_32B");
    let mut tail = Tail::default();
    let ioctls0 = client.ioctls;
    let mut calls = 0u64;
    g.bench_function(BenchmarkId::from_parameter("binder"), |b| {
        b.iter_custom(|iters| {
            calls += iters;
            tail.run(iters, || {
                let n = client.call(&mut pending_free, CODE_CALL, &small);
                debug_assert_eq!(n, REPLY);
            })
        })
    });
    tail.report("roundtrip_32B/binder");
    eprintln!(
        "binder client: {:.2} ioctls per call",
        (client.ioctls - ioctls0) as f64 / calls.max(1) as f64
    );
    let mut tail = Tail::default();
    g.bench_function(BenchmarkId::from_parameter("seqpacket"), |b| {
        b.iter_custom(|iters| {
            tail.run(iters, || {
                seqpacket_send(&seq_ours, &small);
                let n = seqpacket_recv(&seq_ours, &mut rbuf);
                debug_assert_eq!(n, REPLY);
            })
        })
    });
    tail.report("roundtrip_32B/seqpacket");
    g.finish();

    let mut g = c.benchmark_group("transfer_900KB");
    let mut tail = Tail::default();
    g.bench_function(BenchmarkId::from_parameter("binder"), |b| {
        b.iter_custom(|iters| {
            tail.run(iters, || {
                let n = client.call(&mut pending_free, CODE_CALL, &large);
                debug_assert_eq!(n, REPLY);
            })
        })
    });
    tail.report("transfer_900KB/binder");
    let mut tail = Tail::default();
    g.bench_function(BenchmarkId::from_parameter("unix_stream"), |b| {
        b.iter_custom(|iters| {
            tail.run(iters, || {
                stream.write_all(&large).expect("stream write");
                stream.read_exact(&mut rbuf[..REPLY]).expect("stream read");
            })
        })
    });
    tail.report("transfer_900KB/unix_stream");
    g.finish();

    if let Some(s) = daemon.copy_stats("binder") {
        eprintln!(
            "binderd copies: {} payload copies, {} bytes one-copy, {} bytes inline",
            s.copies, s.one_copy_bytes, s.inline_bytes
        );
    }

    // Teardown: the server exits on a one-way CODE_EXIT; the baselines on end of stream.
    if let Some(b) = pending_free.take() {
        client.free(b);
    }
    client.txn(BC_TRANSACTION, CODE_EXIT, TF_ONE_WAY, &[]);
    client.write();
    server.finish();
    drop(seq_ours);
    drop(stream);
    echo.finish();
    sink.finish();
    drop(client);
    daemon.shutdown();
    drop(tmp);
}

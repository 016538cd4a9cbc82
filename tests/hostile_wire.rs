//! Hostile clients on binderd's wire, and random pointers through the client side (issue 15,
//! items 2 and 3).
//!
//! Item 2: a real `binderd` process (one per test, in a directory of its own) against hostile
//! clients: garbage, truncated and oversized packets; every message kind with random fields;
//! random descriptors in `SCM_RIGHTS`; thread channels attached with guessed and stolen tokens,
//! and a process's sockets used by another process; thousands of connections opened and
//! dropped; a connection that never reads its answers; threads scribbling on their mailboxes
//! while a sibling thread of the same process calls.
//!
//! Item 3: random `BINDER_WRITE_READ` command streams with random pointers and sizes (NULL,
//! unmapped, kernel half, top of the address space, too short, the read-only receive buffer,
//! misaligned, running into a guard page), through `Device` (the mailbox path and the inline
//! path) and through the `/dev/binder` shim under `binder-run`: the caller gets the kernel's
//! answers (a set of fixed probes is checked to the errno) and never dies.
//!
//! Every hostile client is a child process (this binary re-run in a role, see `child_roles`),
//! so that a crash shows as a process dying. Seeds are fixed. Every wait is bounded and every
//! child reaped (a child that overstays is killed with its process group). Each scenario ends
//! with a health check: a well-behaved client (open, mmap, `BINDER_VERSION`, a call to the
//! context manager the test runs) is served within `PROMPT`, binderd's descriptors come back
//! exactly to their count before the scenario, and its resident memory to within
//! `RSS_MARGIN_KB` of it (both waited for with a bounded poll, up to `SETTLE`).
//!
//! `HOSTILE_SCALE=N` multiplies every scenario's inputs (default 1: the whole file takes well
//! under a minute). `RELIABILITY_REPORT=1` prints one line per scenario to stderr, past the
//! test harness's capture:
//!
//! ```text
//! RELIABILITY scenario=<name> inputs=<n> daemon_crashes=<n> client_crashes=<n> hangs=<n> rss_kb=<before>-><after> fds=<before>-><after> health_ms=<ms> time_ms=<ms> notes=<...>
//! ```
//!
//! `HOSTILE_BINDERD_LOG=debug` runs binderd with that `RUST_LOG`, for a closer look at a
//! failure. The context manager the health checks call is a child process too (binder refuses
//! calls to the context manager from the process that owns it).
//!
//! Tests marked `Found here` document a bug this file found, failed before its fix, and
//! guard it now.

mod common;

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::io::{self, BufRead, BufReader, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use binder_sim::driver::device::{Device, Mapping};
use binder_sim::driver::uapi::*;
use common::{binderd_path, copy_executable, hear, raw_connect, tell, TempDir, DEV, ROLE};

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

/// The code the test's context manager answers with the data reversed.
const HEALTH: u32 = 0x4845_4c54;
/// How long a test waits for any one note of a child.
const NOTE: Duration = Duration::from_secs(20);
/// How long a health check may take before it counts as a hang.
const HEALTH_WAIT: Duration = Duration::from_secs(10);
/// A health check slower than this is a problem even when it completes.
const PROMPT: Duration = Duration::from_secs(3);
/// How long binderd has to give back descriptors and memory after a scenario.
const SETTLE: Duration = Duration::from_secs(15);
/// Resident memory binderd may keep above its baseline after a scenario (what its allocator
/// keeps of freed memory); descriptors must come back exactly.
const RSS_MARGIN_KB: u64 = 4 * 1024;

/// `HOSTILE_SCALE`: multiplies the inputs of every scenario.
fn scale() -> u64 {
    std::env::var("HOSTILE_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(1)
}

/// A child's time bound, which grows with the scale.
fn bound(base_secs: u64) -> Duration {
    Duration::from_secs(base_secs * scale())
}

/// Prints a scenario's report line: to stderr past the harness's capture with
/// `RELIABILITY_REPORT=1`, else as captured output (shown when the test fails).
fn report(line: &str) {
    let on = std::env::var("RELIABILITY_REPORT").is_ok_and(|v| !v.is_empty() && v != "0");
    if on {
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    } else {
        eprintln!("{line}");
    }
}

fn is_root() -> bool {
    // SAFETY: plain syscall.
    unsafe { libc::geteuid() == 0 }
}

fn gettid() -> i32 {
    // SAFETY: plain syscall.
    unsafe { libc::gettid() }
}

fn page_size() -> u64 {
    // SAFETY: plain sysconf.
    unsafe { libc::sysconf(libc::_SC_PAGESIZE) as u64 }
}

fn last_errno() -> i32 {
    io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn errname(e: i32) -> String {
    let s = match e {
        libc::EPERM => "EPERM",
        libc::ENOENT => "ENOENT",
        libc::EINTR => "EINTR",
        libc::EBADF => "EBADF",
        libc::EAGAIN => "EAGAIN",
        libc::ENOMEM => "ENOMEM",
        libc::EFAULT => "EFAULT",
        libc::EBUSY => "EBUSY",
        libc::EINVAL => "EINVAL",
        libc::EMFILE => "EMFILE",
        libc::ENOSPC => "ENOSPC",
        libc::EPIPE => "EPIPE",
        libc::EMSGSIZE => "EMSGSIZE",
        libc::ENOTTY => "ENOTTY",
        libc::ECONNRESET => "ECONNRESET",
        libc::ECONNREFUSED => "ECONNREFUSED",
        libc::ETIMEDOUT => "ETIMEDOUT",
        -1 => "not-an-errno",
        _ => return format!("errno{e}"),
    };
    s.to_string()
}

fn io_errname(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(n) => errname(n),
        None => format!("io:{:?}", e.kind()),
    }
}

/// Polls `cond` every few milliseconds until it holds or `timeout` passes; whether it held.
/// (A bounded wait for a condition another process makes true: the condition is what is
/// checked, the pause between looks only spares the CPU.)
fn wait_until(timeout: Duration, mut cond: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        if cond() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Milliseconds for poll(2), rounded up (a wait of 0.3 ms is not a busy loop).
fn poll_ms(d: Duration) -> i32 {
    d.as_micros().div_ceil(1000).min(i32::MAX as u128) as i32
}

/// Counts of outcomes, printed as `key=n key=n`.
#[derive(Default)]
struct Tally(BTreeMap<String, u64>);

impl Tally {
    fn add(&mut self, k: impl Into<String>) {
        *self.0.entry(k.into()).or_default() += 1;
    }
    fn add_n(&mut self, k: impl Into<String>, n: u64) {
        *self.0.entry(k.into()).or_default() += n;
    }
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|(k, v)| format!("{k}={v}")).collect();
        f.write_str(&parts.join(" "))
    }
}

/// `key=value` words of a note.
fn kv(line: &str) -> BTreeMap<String, String> {
    line.split_whitespace()
        .filter_map(|w| w.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn num(m: &BTreeMap<String, String>, k: &str) -> u64 {
    m.get(k).and_then(|v| v.parse().ok()).unwrap_or(0)
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

/// A fixed-seed xorshift64*.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_add(1).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
    fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u64) as usize]
    }
    fn fill(&mut self, b: &mut [u8]) {
        for c in b.chunks_mut(8) {
            let v = self.next().to_ne_bytes();
            c.copy_from_slice(&v[..c.len()]);
        }
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        let mut v = vec![0u8; n];
        self.fill(&mut v);
        v
    }
}

// ---------------------------------------------------------------------------------------------
// The wire, by hand (driver/src/protocol.rs): a u32 kind, then native-endian fields
// ---------------------------------------------------------------------------------------------

mod wire {
    pub const OPEN: u32 = 1;
    pub const MMAP: u32 = 2;
    pub const MAPPED: u32 = 3;
    pub const ATTACH: u32 = 4;
    pub const IOCTL: u32 = 5;
    pub const POLL: u32 = 6;
    pub const INSTALLED: u32 = 7;
    pub const CHUNK: u32 = 8;
    pub const IOCTL_INLINE: u32 = 9;
    pub const POST: u32 = 10;
    pub const MAILBOX: u32 = 11;
    pub const UNMAPPED: u32 = 12;
    /// The highest request kind.
    pub const LAST: u32 = 12;
    pub const OPENED: u32 = 101;
    pub const RESULT: u32 = 103;
    pub const INLINE_RESULT: u32 = 107;
    /// binderd's receive buffer for one message: a longer packet is cut there.
    pub const MAX_MSG: usize = 32 * 1024 + 64 * 1024;
}

struct Msg(Vec<u8>);

impl Msg {
    fn new(kind: u32) -> Msg {
        Msg(kind.to_ne_bytes().to_vec())
    }
    fn u32(mut self, v: u32) -> Msg {
        self.0.extend_from_slice(&v.to_ne_bytes());
        self
    }
    fn u64(mut self, v: u64) -> Msg {
        self.0.extend_from_slice(&v.to_ne_bytes());
        self
    }
    fn list(mut self, v: &[u32]) -> Msg {
        self = self.u32(v.len() as u32);
        for &x in v {
            self = self.u32(x);
        }
        self
    }
    fn bytes(mut self, b: &[u8]) -> Msg {
        self = self.u32(b.len() as u32);
        self.0.extend_from_slice(b);
        self
    }
}

/// Sends one packet with `fds` attached (at most 253), waiting at most until `deadline` for
/// room (`TimedOut` then).
fn send(fd: RawFd, bytes: &[u8], fds: &[RawFd], deadline: Instant) -> io::Result<()> {
    let mut iov = libc::iovec {
        iov_base: bytes.as_ptr() as *mut libc::c_void,
        iov_len: bytes.len(),
    };
    // SAFETY: msghdr is plain data.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    // SAFETY: a pure computation.
    let space = unsafe { libc::CMSG_SPACE(std::mem::size_of_val(fds) as u32) } as usize;
    let mut cbuf = vec![0u64; space.div_ceil(8)];
    if !fds.is_empty() {
        msg.msg_control = cbuf.as_mut_ptr() as *mut libc::c_void;
        msg.msg_controllen = space;
        // SAFETY: msg_control holds `space` bytes: one header and the descriptors.
        unsafe {
            let c = libc::CMSG_FIRSTHDR(&msg);
            (*c).cmsg_level = libc::SOL_SOCKET;
            (*c).cmsg_type = libc::SCM_RIGHTS;
            (*c).cmsg_len = libc::CMSG_LEN(std::mem::size_of_val(fds) as u32) as usize;
            std::ptr::copy_nonoverlapping(
                fds.as_ptr(),
                libc::CMSG_DATA(c) as *mut RawFd,
                fds.len(),
            );
        }
    }
    loop {
        // SAFETY: msg describes valid buffers for the call.
        let r = unsafe { libc::sendmsg(fd, &msg, libc::MSG_DONTWAIT | libc::MSG_NOSIGNAL) };
        if r >= 0 {
            return Ok(());
        }
        let e = io::Error::last_os_error();
        match e.kind() {
            io::ErrorKind::Interrupted => continue,
            io::ErrorKind::WouldBlock => {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(io::ErrorKind::TimedOut.into());
                }
                let mut p = libc::pollfd {
                    fd,
                    events: libc::POLLOUT,
                    revents: 0,
                };
                // SAFETY: one valid pollfd.
                unsafe { libc::poll(&mut p, 1, poll_ms(left)) };
            }
            _ => return Err(e),
        }
    }
}

#[derive(Debug)]
enum Got {
    Msg(Vec<u8>, Vec<OwnedFd>),
    Eof,
    Timeout,
    Err(io::Error),
}

/// The next packet on `fd` and the descriptors attached, waiting at most `timeout`.
fn recv(fd: RawFd, timeout: Duration) -> Got {
    let deadline = Instant::now() + timeout;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let mut p = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        let n = unsafe { libc::poll(&mut p, 1, poll_ms(left)) };
        if n < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Got::Err(e);
        }
        if n == 0 {
            if left.is_zero() {
                return Got::Timeout;
            }
            continue;
        }
        let mut buf = vec![0u8; wire::MAX_MSG + 4096];
        let mut iov = libc::iovec {
            iov_base: buf.as_mut_ptr() as *mut libc::c_void,
            iov_len: buf.len(),
        };
        let mut cbuf = [0u64; 160];
        // SAFETY: msghdr is plain data.
        let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        msg.msg_control = cbuf.as_mut_ptr() as *mut libc::c_void;
        msg.msg_controllen = std::mem::size_of_val(&cbuf);
        // SAFETY: msg describes valid buffers.
        let r = unsafe { libc::recvmsg(fd, &mut msg, libc::MSG_DONTWAIT | libc::MSG_CMSG_CLOEXEC) };
        if r < 0 {
            let e = io::Error::last_os_error();
            match e.kind() {
                io::ErrorKind::Interrupted | io::ErrorKind::WouldBlock => continue,
                _ => return Got::Err(e),
            }
        }
        let mut fds = Vec::new();
        // SAFETY: the kernel filled msg_control; walked with the CMSG macros.
        unsafe {
            let mut c = libc::CMSG_FIRSTHDR(&msg);
            while !c.is_null() {
                if (*c).cmsg_level == libc::SOL_SOCKET && (*c).cmsg_type == libc::SCM_RIGHTS {
                    let n = ((*c).cmsg_len as usize - libc::CMSG_LEN(0) as usize) / 4;
                    let data = libc::CMSG_DATA(c) as *const RawFd;
                    for i in 0..n {
                        fds.push(OwnedFd::from_raw_fd(std::ptr::read_unaligned(data.add(i))));
                    }
                }
                c = libc::CMSG_NXTHDR(&msg, c);
            }
        }
        if r == 0 {
            return Got::Eof;
        }
        buf.truncate(r as usize);
        return Got::Msg(buf, fds);
    }
}

fn kind_of(m: &[u8]) -> u32 {
    m.get(..4)
        .map_or(0, |b| u32::from_ne_bytes(b.try_into().unwrap()))
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_ne_bytes(b[at..at + 8].try_into().unwrap())
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_ne_bytes(b[at..at + 4].try_into().unwrap())
}

/// The `ret` of a `RESULT` or `INLINE_RESULT`.
fn ret_of(m: &[u8]) -> Option<i64> {
    match kind_of(m) {
        wire::RESULT | wire::INLINE_RESULT if m.len() >= 12 => Some(u64_at(m, 4) as i64),
        _ => None,
    }
}

fn describe(g: &Got) -> String {
    match g {
        Got::Msg(m, fds) => match ret_of(m) {
            Some(r) => format!("ret {r}"),
            None => format!("kind {} ({} fds)", kind_of(m), fds.len()),
        },
        Got::Eof => "eof".into(),
        Got::Timeout => "timeout".into(),
        Got::Err(e) => format!("error {}", io_errname(e)),
    }
}

/// Reads until the peer closes (dropping whatever comes) or `timeout` passes: whether it
/// closed.
fn closes_within(fd: RawFd, timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        match recv(fd, deadline.saturating_duration_since(Instant::now())) {
            Got::Msg(..) => continue,
            Got::Eof | Got::Err(_) => return true,
            Got::Timeout => return false,
        }
    }
}

/// The `ret` of the next `RESULT`/`INLINE_RESULT` on `fd` (other messages skipped), or how
/// none came (`eof`, `timeout`).
fn result_within(fd: RawFd, timeout: Duration) -> Result<i64, &'static str> {
    let deadline = Instant::now() + timeout;
    loop {
        match recv(fd, deadline.saturating_duration_since(Instant::now())) {
            Got::Msg(m, _) => {
                if let Some(r) = ret_of(&m) {
                    return Ok(r);
                }
            }
            Got::Eof | Got::Err(_) => return Err("eof"),
            Got::Timeout => return Err("timeout"),
        }
    }
}

/// A process connection opened by hand, and its token. `readable`: with a probe binderd can
/// check, so that it reads this process's memory (else the process is an inline client).
fn raw_open(dev: &Path, nonblocking: bool, readable: bool) -> io::Result<(OwnedFd, u64)> {
    let conn = raw_connect(dev)?;
    let probe = Box::new(0x6269_6e64_6572_u64 ^ u64::from(std::process::id()));
    let (addr, value) = if readable {
        (&*probe as *const u64 as u64, *probe)
    } else {
        (0, 0)
    };
    let m = Msg::new(wire::OPEN)
        .u32(nonblocking as u32)
        .u64(addr)
        .u64(value);
    send(conn.as_raw_fd(), &m.0, &[], Instant::now() + NOTE)?;
    match recv(conn.as_raw_fd(), NOTE) {
        Got::Msg(m, _) if kind_of(&m) == wire::OPENED && m.len() >= 12 => Ok((conn, u64_at(&m, 4))),
        other => Err(io::Error::other(format!(
            "OPEN answered {}",
            describe(&other)
        ))),
    }
}

/// A thread channel attached by hand.
fn raw_attach(dev: &Path, token: u64, tid: i32) -> io::Result<OwnedFd> {
    let fd = raw_connect(dev)?;
    let m = Msg::new(wire::ATTACH).u64(token).u32(tid as u32);
    send(fd.as_raw_fd(), &m.0, &[], Instant::now() + NOTE)?;
    match result_within(fd.as_raw_fd(), NOTE) {
        Ok(0) => Ok(fd),
        other => Err(io::Error::other(format!("ATTACH answered {other:?}"))),
    }
}

/// A non-blocking `SOCK_SEQPACKET` listener at `path`.
fn listen(path: &Path) -> io::Result<OwnedFd> {
    use std::os::unix::ffi::OsStrExt;
    // SAFETY: plain syscall; the fd is ours on success.
    let fd = unsafe {
        libc::socket(
            libc::AF_UNIX,
            libc::SOCK_SEQPACKET | libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK,
            0,
        )
    };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: just created.
    let fd = unsafe { OwnedFd::from_raw_fd(fd) };
    // SAFETY: sockaddr_un is plain data.
    let mut addr: libc::sockaddr_un = unsafe { std::mem::zeroed() };
    addr.sun_family = libc::AF_UNIX as libc::sa_family_t;
    let b = path.as_os_str().as_bytes();
    assert!(b.len() < addr.sun_path.len());
    for (d, &s) in addr.sun_path.iter_mut().zip(b) {
        *d = s as libc::c_char;
    }
    let len = std::mem::size_of::<libc::sa_family_t>() + b.len() + 1;
    // SAFETY: a valid sockaddr_un of that length; plain syscalls.
    let r = unsafe {
        libc::bind(
            fd.as_raw_fd(),
            &addr as *const _ as *const libc::sockaddr,
            len as libc::socklen_t,
        )
    };
    // SAFETY: plain syscall.
    if r < 0 || unsafe { libc::listen(fd.as_raw_fd(), 8) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(fd)
}

/// The next connection on `listener`, waiting at most `timeout`.
fn accept_within(listener: &OwnedFd, timeout: Duration) -> Option<OwnedFd> {
    let mut p = libc::pollfd {
        fd: listener.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd.
    if unsafe { libc::poll(&mut p, 1, poll_ms(timeout)) } <= 0 {
        return None;
    }
    // SAFETY: plain syscall; the fd is ours on success.
    let fd = unsafe {
        libc::accept4(
            listener.as_raw_fd(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            libc::SOCK_CLOEXEC,
        )
    };
    // SAFETY: just accepted, ours.
    (fd >= 0).then(|| unsafe { OwnedFd::from_raw_fd(fd) })
}

// ---------------------------------------------------------------------------------------------
// The real binderd
// ---------------------------------------------------------------------------------------------

/// What binderd logged: a count, the lines about panics or errors, and the last lines.
#[derive(Default)]
struct Log {
    lines: u64,
    bad: Vec<String>,
    tail: VecDeque<String>,
}

/// binderd's resident memory and open descriptors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Usage {
    rss_kb: u64,
    fds: usize,
}

fn usage_of(pid: i32) -> Option<Usage> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let rss_kb = status.lines().find_map(|l| {
        l.strip_prefix("VmRSS:")?
            .split_whitespace()
            .next()?
            .parse()
            .ok()
    })?;
    let fds = std::fs::read_dir(format!("/proc/{pid}/fd")).ok()?.count();
    Some(Usage { rss_kb, fds })
}

/// A `binderd` process serving one device, `binder`, in a directory of its own; what it logs
/// is kept. Stopped with SIGTERM on drop (killed if it does not stop in 5 s) and reaped.
struct Binderd {
    child: Child,
    dir: TempDir,
    log: Arc<Mutex<Log>>,
}

impl Binderd {
    /// Starts binderd (as `uid` when given: root only) and waits until it serves.
    fn start(tag: &str, uid: Option<u32>) -> Binderd {
        let dir = TempDir::new(&format!("wire-{tag}"));
        let mut exe = binderd_path();
        if uid.is_some() {
            // Another uid may not reach the build directory: it runs a copy.
            let copy = dir.0.join("binderd.bin");
            copy_executable(&exe, &copy);
            exe = copy;
        }
        let mut cmd = Command::new(exe);
        cmd.args(["--dir", dir.0.to_str().unwrap(), "--devices", "binder"])
            // HOSTILE_BINDERD_LOG: binderd's RUST_LOG, for a closer look at a failure.
            .env(
                "RUST_LOG",
                std::env::var("HOSTILE_BINDERD_LOG").unwrap_or_else(|_| "info".into()),
            )
            .env("NO_COLOR", "1")
            // A panic is counted from its message; symbolizing a backtrace would load
            // binderd's debug information and cloud its resident memory.
            .env("RUST_BACKTRACE", "0")
            // A fixed malloc mmap threshold (glibc; as tests/hostile.rs does), so that large
            // buffers are unmapped when freed and the resident size tracks what binderd
            // holds: with glibc's dynamic threshold, freed inline buffers of a few hundred
            // KiB linger (measured: +4.2 MiB after 60 000 random inline ioctls, +0.8 MiB
            // with the threshold fixed).
            .env("MALLOC_MMAP_THRESHOLD_", "131072")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if let Some(uid) = uid {
            cmd.uid(uid).gid(uid);
        }
        let mut child = cmd.spawn().expect("spawn binderd");
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(Log::default()));
        let (tx, rx) = mpsc::channel();
        {
            let log = log.clone();
            std::thread::spawn(move || {
                let mut sent = false;
                for line in BufReader::new(stderr).split(b'\n') {
                    let Ok(line) = line else { break };
                    let mut line = String::from_utf8_lossy(&line).into_owned();
                    if line.len() > 400 {
                        let mut cut = 400;
                        while !line.is_char_boundary(cut) {
                            cut -= 1;
                        }
                        line.truncate(cut);
                        line.push_str(" [...]");
                    }
                    if !sent && line.contains("binderd serving") {
                        sent = tx.send(()).is_ok();
                    }
                    let mut l = log.lock().unwrap();
                    l.lines += 1;
                    let low = line.to_lowercase();
                    if (line.contains("ERROR") || low.contains("panic")) && l.bad.len() < 50 {
                        l.bad.push(line.clone());
                    }
                    if l.tail.len() == 30 {
                        l.tail.pop_front();
                    }
                    l.tail.push_back(line);
                }
            });
        }
        let d = Binderd { child, dir, log };
        if rx.recv_timeout(NOTE).is_err() {
            panic!("binderd did not start:\n{}", d.tail());
        }
        d
    }

    fn device(&self) -> PathBuf {
        self.dir.0.join("binder")
    }

    fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    fn usage(&self) -> Option<Usage> {
        usage_of(self.pid())
    }

    fn bad_lines(&self) -> Vec<String> {
        self.log.lock().unwrap().bad.clone()
    }

    fn tail(&self) -> String {
        let l = self.log.lock().unwrap();
        l.tail.iter().cloned().collect::<Vec<_>>().join("\n")
    }
}

impl Drop for Binderd {
    fn drop(&mut self) {
        // SAFETY: signalling our own, unreaped child.
        unsafe { libc::kill(self.pid(), libc::SIGTERM) };
        if exit_within(&mut self.child, Duration::from_secs(5)).is_none() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

/// Waits (at most `timeout`) for `child` to exit, without reaping anything else.
fn exit_within(child: &mut Child, timeout: Duration) -> Option<ExitStatus> {
    if let Ok(Some(s)) = child.try_wait() {
        return Some(s);
    }
    // SAFETY: plain syscall; the fd is ours on success.
    let pidfd = unsafe { libc::syscall(libc::SYS_pidfd_open, child.id() as i32, 0) } as RawFd;
    if pidfd >= 0 {
        // SAFETY: just opened.
        let pidfd = unsafe { OwnedFd::from_raw_fd(pidfd) };
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let mut p = libc::pollfd {
                fd: pidfd.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd.
            let n = unsafe { libc::poll(&mut p, 1, poll_ms(left)) };
            if n > 0 || left.is_zero() || (n < 0 && last_errno() != libc::EINTR) {
                break;
            }
        }
    }
    child.try_wait().ok().flatten()
}

// ---------------------------------------------------------------------------------------------
// The well-behaved side: the test's context manager, calls, and the health check
// ---------------------------------------------------------------------------------------------

/// The returns in `buf`: (code, payload) for each whole one.
fn returns(buf: &[u8]) -> Vec<(u32, &[u8])> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(c) = buf.get(at..at + 4) {
        let cmd = u32::from_ne_bytes(c.try_into().unwrap());
        let size = ioc_size(cmd) as usize;
        let Some(p) = buf.get(at + 4..at + 4 + size) else {
            break;
        };
        out.push((cmd, p));
        at += 4 + size;
    }
    out
}

/// `len` bytes at `addr` if they lie inside the receive buffer `map`.
fn in_map(map: &Mapping, addr: u64, len: u64) -> Option<Vec<u8>> {
    let base = map.as_ptr() as u64;
    let end = addr.checked_add(len)?;
    if addr < base || end > base + map.len() as u64 {
        return None;
    }
    // SAFETY: inside our read-only mapping.
    Some(unsafe { std::slice::from_raw_parts(addr as *const u8, len as usize) }.to_vec())
}

fn reversed(d: &[u8]) -> Vec<u8> {
    d.iter().rev().copied().collect()
}

fn push_cmd(w: &mut Vec<u8>, cmd: u32, payload: &[u8]) {
    w.extend_from_slice(&cmd.to_ne_bytes());
    w.extend_from_slice(payload);
}

/// The context manager a scenario's health checks call: a child process (binder refuses
/// calls to the context manager from the process that owns it), see `role_manager`.
struct Manager {
    kid: Kid,
}

impl Manager {
    fn start(dev: &Path) -> Manager {
        let mut kid = Kid::spawn("manager", dev, None);
        match kid.note(NOTE) {
            Some(l) if l == "ready" => Manager { kid },
            other => panic!("the context manager did not start: {other:?}"),
        }
    }

    /// How many transactions it served and what went wrong in it, or how it ended.
    fn stats(&mut self) -> Result<(u64, Option<String>), String> {
        if let Some(s) = self.kid.exited() {
            return Err(format!("the context manager ended: {s:?}"));
        }
        self.kid.say("stats");
        match self.kid.note(NOTE) {
            Some(l) if l.starts_with("served ") => {
                let mut f = l.splitn(3, ' ').skip(1);
                let served = f.next().and_then(|n| n.parse().ok()).unwrap_or(0);
                let error = f.next().filter(|e| *e != "none").map(str::to_string);
                Ok((served, error))
            }
            other => Err(format!("the context manager did not answer: {other:?}")),
        }
    }
}

/// The context manager: answers `HEALTH` with the data reversed and everything else
/// (whatever hostile clients send it) with an empty reply, frees every buffer and
/// acknowledges reference requests. Its node does not accept descriptors
/// (`BINDER_SET_CONTEXT_MGR`), so none can reach it. Says `ready`; on `stats`, says
/// `served <n> <error or none>`; exits when its stdin closes.
fn role_manager(dev: &Path) {
    let d = Device::open(dev).expect("open");
    let map = d.mmap((1 << 20) - 8192).expect("mmap");
    d.set_context_mgr().expect("become the context manager");
    let served = Arc::new(AtomicU64::new(0));
    let error = Arc::new(Mutex::new(None::<String>));
    {
        let (served, error) = (served.clone(), error.clone());
        std::thread::spawn(move || loop {
            let mut l = String::new();
            if std::io::stdin().read_line(&mut l).unwrap_or(0) == 0 {
                std::process::exit(0);
            }
            if l.trim() == "stats" {
                let e = error.lock().unwrap().clone();
                tell(&format!(
                    "served {} {}",
                    served.load(Ordering::SeqCst),
                    e.as_deref().unwrap_or("none")
                ));
            }
        });
    }
    tell("ready");
    manage(&d, &map, &served, &error);
    // binderd is gone (or the read failed): wait to be told to go.
    loop {
        std::thread::park();
    }
}

fn manage(d: &Device, map: &Mapping, served: &AtomicU64, error: &Mutex<Option<String>>) {
    let mut write = BC_ENTER_LOOPER.to_ne_bytes().to_vec();
    // Reply payloads, alive until the write that points at them is consumed.
    let mut keep: Vec<Vec<u8>> = Vec::new();
    let mut read = vec![0u8; 4096];
    loop {
        let (wc, rc, r) = d.write_read_buffers(&write, &mut read);
        write.drain(..wc.min(write.len()));
        if write.is_empty() {
            keep.clear();
        }
        if let Err(e) = r {
            if e.raw_os_error() != Some(libc::ECONNREFUSED) {
                *error.lock().unwrap() = Some(format!("the manager's read failed: {e}"));
            }
            return;
        }
        for (cmd, p) in returns(&read[..rc]) {
            match cmd {
                BR_TRANSACTION | BR_TRANSACTION_SEC_CTX => {
                    let td = BinderTransactionData::from_bytes(p).unwrap();
                    push_cmd(&mut write, BC_FREE_BUFFER, &td.data_buffer().to_ne_bytes());
                    if td.flags & TF_ONE_WAY == 0 {
                        let data = in_map(map, td.data_buffer(), td.data_size).unwrap_or_default();
                        let reply = if td.code == HEALTH {
                            reversed(&data)
                        } else {
                            Vec::new()
                        };
                        let mut r = BinderTransactionData {
                            data_size: reply.len() as u64,
                            ..Default::default()
                        };
                        r.set_data_ptr(reply.as_ptr() as u64, 0);
                        push_cmd(&mut write, BC_REPLY, r.as_bytes());
                        keep.push(reply);
                    }
                    served.fetch_add(1, Ordering::SeqCst);
                }
                BR_REPLY => {
                    let td = BinderTransactionData::from_bytes(p).unwrap();
                    push_cmd(&mut write, BC_FREE_BUFFER, &td.data_buffer().to_ne_bytes());
                }
                BR_INCREFS => push_cmd(&mut write, BC_INCREFS_DONE, p),
                BR_ACQUIRE => push_cmd(&mut write, BC_ACQUIRE_DONE, p),
                BR_DEAD_BINDER => push_cmd(&mut write, BC_DEAD_BINDER_DONE, p),
                _ => {}
            }
        }
    }
}

/// One call to the context manager: the reply's data (its buffer freed), or how it failed.
/// Works on blocking and non-blocking devices (the latter wait with `poll`, at most until
/// `deadline`).
fn call(
    d: &Device,
    map: &Mapping,
    code: u32,
    data: &[u8],
    deadline: Instant,
) -> Result<Vec<u8>, String> {
    let mut td = BinderTransactionData::default();
    td.set_target_handle(0);
    td.code = code;
    td.data_size = data.len() as u64;
    td.set_data_ptr(data.as_ptr() as u64, 0);
    let mut w = Vec::new();
    push_cmd(&mut w, BC_TRANSACTION, td.as_bytes());
    let mut read = [0u8; 512];
    loop {
        let (wc, rc, r) = d.write_read_buffers(&w, &mut read);
        w.drain(..wc.min(w.len()));
        match r {
            Ok(()) => {}
            Err(e) if e.raw_os_error() == Some(libc::EAGAIN) => {}
            Err(e) => return Err(format!("ioctl {}", io_errname(&e))),
        }
        for (cmd, p) in returns(&read[..rc]) {
            match cmd {
                BR_REPLY => {
                    let td = BinderTransactionData::from_bytes(p).unwrap();
                    let got = in_map(map, td.data_buffer(), td.data_size);
                    let mut free = Vec::new();
                    push_cmd(&mut free, BC_FREE_BUFFER, &td.data_buffer().to_ne_bytes());
                    let (_, _, r) = d.write_read_buffers(&free, &mut []);
                    r.map_err(|e| format!("free {}", io_errname(&e)))?;
                    return got.ok_or_else(|| "reply outside the receive buffer".into());
                }
                BR_FAILED_REPLY => return Err("failed-reply".into()),
                BR_DEAD_REPLY => return Err("dead-reply".into()),
                BR_FROZEN_REPLY => return Err("frozen-reply".into()),
                _ => {}
            }
        }
        if Instant::now() > deadline {
            return Err("no reply in time".into());
        }
        if w.is_empty() && rc <= 8 {
            // Non-blocking: wait for the reply to arrive.
            let _ = d.poll(Some(Duration::from_millis(100)));
        }
    }
}

/// A well-behaved client, on a thread of its own: opens the device (retrying while binderd
/// refuses connections it may still be closing), maps, asks the version, calls the manager
/// and checks the reply. How long it took, or what went wrong; a client that gets no answer
/// within `HEALTH_WAIT` is a hang (the thread is abandoned).
fn health_check(dev: &Path, n: u64) -> Result<Duration, String> {
    let dev = dev.to_owned();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let t0 = Instant::now();
        let r = (|| -> Result<(), String> {
            let d = loop {
                match Device::open(&dev) {
                    Ok(d) => break d,
                    Err(e)
                        if e.kind() == io::ErrorKind::ConnectionRefused
                            && t0.elapsed() < HEALTH_WAIT =>
                    {
                        // A retry: binderd may still be closing the connections dropped.
                        // SAFETY: poll with no descriptors is a bounded wait.
                        unsafe { libc::poll(std::ptr::null_mut(), 0, 10) };
                    }
                    Err(e) => return Err(format!("open: {e}")),
                }
            };
            let map = d.mmap(256 * 1024).map_err(|e| format!("mmap: {e}"))?;
            let v = d.version().map_err(|e| format!("version: {e}"))?;
            if v != BINDER_CURRENT_PROTOCOL_VERSION {
                return Err(format!("version {v}"));
            }
            let data = format!("health check {n}").into_bytes();
            let got = call(&d, &map, HEALTH, &data, t0 + HEALTH_WAIT)?;
            if got != reversed(&data) {
                return Err(format!("reply {got:?}"));
            }
            Ok(())
        })();
        let _ = tx.send(r.map(|()| t0.elapsed()));
    });
    match rx.recv_timeout(HEALTH_WAIT + Duration::from_secs(1)) {
        Ok(r) => r,
        Err(_) => Err(format!("no answer within {HEALTH_WAIT:?}")),
    }
}

// ---------------------------------------------------------------------------------------------
// A scenario: binderd, the manager, a baseline, the health check and the report
// ---------------------------------------------------------------------------------------------

struct Rig {
    name: &'static str,
    d: Binderd,
    mgr: Manager,
    base: Usage,
    t0: Instant,
    inputs: u64,
    client_crashes: u64,
    hangs: u64,
    notes: Vec<String>,
    problems: Vec<String>,
}

impl Rig {
    fn start(name: &'static str) -> Rig {
        Rig::start_as(name, None)
    }

    /// binderd (as `uid` when given) and the manager; two warm-up health checks, then the
    /// baseline: binderd's usage once its descriptor count has held still for 50 ms (the
    /// warm-up clients let go; descriptors binderd hands over are closed just after they are
    /// sent).
    fn start_as(name: &'static str, uid: Option<u32>) -> Rig {
        let d = Binderd::start(name, uid);
        let mgr = Manager::start(&d.device());
        for i in 0..2 {
            if let Err(e) = health_check(&d.device(), i) {
                panic!("{name}: warm-up health check: {e}\n{}", d.tail());
            }
        }
        let mut last = (0, Usage::default());
        let still = wait_until(SETTLE, || {
            let u = d.usage().unwrap_or_default();
            last = if u.fds == last.1.fds {
                (last.0 + 1, u)
            } else {
                (0, u)
            };
            last.0 >= 10
        });
        assert!(
            still,
            "{name}: binderd's descriptors never held still: {last:?}"
        );
        let base = last.1;
        Rig {
            name,
            d,
            mgr,
            base,
            t0: Instant::now(),
            inputs: 0,
            client_crashes: 0,
            hangs: 0,
            notes: Vec::new(),
            problems: Vec::new(),
        }
    }

    fn device(&self) -> PathBuf {
        self.d.device()
    }

    fn problem(&mut self, p: impl Into<String>) {
        self.problems.push(p.into());
    }

    fn note(&mut self, n: impl Into<String>) {
        self.notes.push(n.into());
    }

    /// Runs a hostile child to its end (at most `timeout`); a child killed by a signal is a
    /// client crash, one that overstays a hang, one that fails its own checks a problem.
    fn run(&mut self, role: &str, timeout: Duration) -> Ended {
        let kid = Kid::spawn(role, &self.device(), None);
        self.judge(role, kid.finish(timeout))
    }

    fn judge(&mut self, role: &str, e: Ended) -> Ended {
        if e.hung {
            self.hangs += 1;
            self.problem(format!(
                "{role}: did not finish in time; notes {:?}",
                e.notes
            ));
        } else if e.crashed() {
            self.client_crashes += 1;
            self.problem(format!(
                "{role}: crashed ({}); notes {:?}\n{}",
                e.how(),
                e.notes,
                e.stderr
            ));
        } else if e.status.and_then(|s| s.code()) != Some(0) {
            self.problem(format!(
                "{role}: {}; notes {:?}\n{}",
                e.how(),
                e.notes,
                e.stderr
            ));
        }
        e
    }

    /// The health check, binderd's return to its baseline, the report line; fails the test
    /// on any problem.
    fn finish(mut self) {
        let health = health_check(&self.device(), 1000);
        let health_ms = match &health {
            Ok(t) => t.as_millis() as i64,
            Err(_) => -1,
        };
        match health {
            Ok(t) if t > PROMPT => self.problem(format!("health check took {t:?}")),
            Ok(_) => {}
            Err(e) => {
                self.hangs += 1;
                self.problem(format!("health check: {e}"));
            }
        }
        let base = self.base;
        let settled = wait_until(SETTLE, || {
            self.d
                .usage()
                .is_some_and(|u| u.fds == base.fds && u.rss_kb <= base.rss_kb + RSS_MARGIN_KB)
        });
        let alive = self.d.alive();
        let after = self.d.usage().unwrap_or_default();
        if !alive {
            self.problem(format!("binderd died:\n{}", self.d.tail()));
        } else if !settled {
            self.problem(format!(
                "binderd did not come back to its baseline in {SETTLE:?}: fds {} -> {}, \
                 VmRSS {} -> {} kB (margin {RSS_MARGIN_KB} kB)",
                base.fds, after.fds, base.rss_kb, after.rss_kb
            ));
        }
        match self.mgr.stats() {
            Ok((served, error)) => {
                self.note(format!("manager_served={served}"));
                if let Some(e) = error {
                    self.problem(format!("the context manager: {e}"));
                }
            }
            Err(e) => {
                self.client_crashes += 1;
                self.problem(e);
            }
        }
        let bad = self.d.bad_lines();
        let panics = bad.iter().filter(|l| l.contains("panicked at")).count() as u64;
        if !bad.is_empty() {
            self.problem(format!("binderd logged errors: {bad:#?}"));
        }
        let daemon_crashes = u64::from(!alive) + panics;
        report(&format!(
            "RELIABILITY scenario={} inputs={} daemon_crashes={} client_crashes={} hangs={} \
             rss_kb={}->{} fds={}->{} health_ms={} time_ms={} notes={}",
            self.name,
            self.inputs,
            daemon_crashes,
            self.client_crashes,
            self.hangs,
            base.rss_kb,
            after.rss_kb,
            base.fds,
            after.fds,
            health_ms,
            self.t0.elapsed().as_millis(),
            self.notes.join(",").replace(' ', "_"),
        ));
        assert!(
            self.problems.is_empty(),
            "{}: {:#?}\nbinderd's last lines:\n{}",
            self.name,
            self.problems,
            self.d.tail()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------------------------

/// A child: this test binary re-run in a role (optionally under `binder-run`), in a process
/// group of its own, talking lines over stdin/stdout. Killed with its group if it overstays.
struct Kid {
    child: Option<Child>,
    notes: mpsc::Receiver<String>,
    stdin: Option<ChildStdin>,
    stderr: Arc<Mutex<VecDeque<String>>>,
    wrapped: bool,
}

/// How a child ended.
struct Ended {
    status: Option<ExitStatus>,
    hung: bool,
    /// Notes it wrote that were not read before it ended.
    notes: Vec<String>,
    stderr: String,
    wrapped: bool,
}

impl Ended {
    /// Killed by a signal (under `binder-run`: exit status 128 + N).
    fn crashed(&self) -> bool {
        self.status.is_some_and(|s| {
            s.signal().is_some() || (self.wrapped && s.code().is_some_and(|c| c >= 128))
        })
    }

    fn how(&self) -> String {
        match self.status {
            None => "still running".into(),
            Some(s) => match (s.code(), s.signal()) {
                (Some(c), _) => format!("exit {c}"),
                (_, Some(sig)) => format!("killed by signal {sig}"),
                _ => format!("{s:?}"),
            },
        }
    }

    /// The `done ...` note's fields.
    fn done(&self) -> Option<BTreeMap<String, String>> {
        self.notes
            .iter()
            .find_map(|n| n.strip_prefix("done ").map(kv))
    }
}

impl Kid {
    /// `wrapper`: (binder-run, the directory it serves) to run the child under the shim.
    fn spawn(role: &str, dev: &Path, wrapper: Option<(&Path, &Path)>) -> Kid {
        let exe = std::env::current_exe().unwrap();
        let mut cmd = match wrapper {
            Some((run, dir)) => {
                let mut c = Command::new(run);
                c.arg("--dir").arg(dir).arg(&exe);
                c
            }
            None => Command::new(&exe),
        };
        cmd.args(["--exact", "child_roles", "--nocapture", "--test-threads=1"])
            .env(ROLE, role)
            .env(DEV, dev)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0);
        let mut child = cmd.spawn().expect("spawn a child");
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).split(b'\n') {
                let Ok(line) = line else { break };
                let line = String::from_utf8_lossy(&line);
                if let Some(i) = line.find("@@") {
                    let _ = tx.send(line[i + 2..].trim_end().to_string());
                }
            }
        });
        let tail = Arc::new(Mutex::new(VecDeque::new()));
        {
            let tail = tail.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).split(b'\n') {
                    let Ok(line) = line else { break };
                    let mut t = tail.lock().unwrap();
                    if t.len() == 40 {
                        t.pop_front();
                    }
                    t.push_back(String::from_utf8_lossy(&line).into_owned());
                }
            });
        }
        Kid {
            stdin: child.stdin.take(),
            child: Some(child),
            notes: rx,
            stderr: tail,
            wrapped: wrapper.is_some(),
        }
    }

    /// How it ended, if it has (reaped then).
    fn exited(&mut self) -> Option<ExitStatus> {
        self.child.as_mut()?.try_wait().ok().flatten()
    }

    /// The next note, waiting at most `timeout`; `None` if the child ended or stayed silent.
    fn note(&mut self, timeout: Duration) -> Option<String> {
        self.notes.recv_timeout(timeout).ok()
    }

    fn say(&mut self, line: &str) {
        if let Some(s) = self.stdin.as_mut() {
            let _ = writeln!(s, "{line}");
            let _ = s.flush();
        }
    }

    /// Waits (at most `timeout`) for the child to exit; kills its process group if it does
    /// not, and reaps it either way.
    fn finish(mut self, timeout: Duration) -> Ended {
        let mut child = self.child.take().unwrap();
        drop(self.stdin.take());
        let mut status = exit_within(&mut child, timeout);
        let hung = status.is_none();
        if hung {
            // SAFETY: our child leads its own process group: signalling that group only.
            unsafe { libc::kill(-(child.id() as i32), libc::SIGKILL) };
            status = child.wait().ok();
        }
        // Its output ends with it (a group killed above cannot hold the pipe).
        let mut notes = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(5);
        while let Ok(n) = self
            .notes
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            notes.push(n);
        }
        let stderr = {
            let t = self.stderr.lock().unwrap();
            t.iter().cloned().collect::<Vec<_>>().join("\n")
        };
        Ended {
            status,
            hung,
            notes,
            stderr,
            wrapped: self.wrapped,
        }
    }
}

impl Drop for Kid {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            // SAFETY: our child leads its own process group: signalling that group only.
            unsafe { libc::kill(-(c.id() as i32), libc::SIGKILL) };
            let _ = c.wait();
        }
    }
}

/// Dispatches a child's role; a no-op in a normal test run.
#[test]
fn child_roles() {
    let Ok(role) = std::env::var(ROLE) else {
        return;
    };
    let dev = PathBuf::from(std::env::var(DEV).unwrap());
    let parts: Vec<&str> = role.split(':').collect();
    let arg = |i: usize| -> u64 { parts.get(i).and_then(|s| s.parse().ok()).unwrap_or(0) };
    match parts[0] {
        "manager" => role_manager(&dev),
        "garbage" => role_garbage(&dev, arg(1), arg(2)),
        "fields" => role_fields(&dev, arg(1), arg(2)),
        "fds" => role_fds(&dev, arg(1), arg(2)),
        "token-owner" => role_token_owner(&dev, Path::new(parts[1])),
        "storm" => role_storm(&dev, arg(1), arg(2)),
        "noread" => role_noread(&dev, arg(1)),
        "scribble" => role_scribble(&dev, arg(1), arg(2), parts.get(3) == Some(&"all")),
        "wr-device" => role_wr_device(&dev, arg(1), arg(2), parts.get(3) == Some(&"inline")),
        "wr-shim" => role_wr_shim(arg(1), arg(2)),
        "cycle" => role_cycle(&dev, parts.get(1).copied().unwrap_or("chunk")),
        "truncated-prefix" => role_truncated_prefix(&dev),
        "installed-min" => role_installed_min(&dev),
        other => panic!("unknown role {other}"),
    }
    std::process::exit(0);
}

// ---------------------------------------------------------------------------------------------
// Memory a hostile client aims pointers at
// ---------------------------------------------------------------------------------------------

/// Pages of the arena.
const ARENA_PAGES: u64 = 16;
/// Bytes at the arena's end that random requests do not use for their own structures (so
/// that those fit).
const ARENA_SLACK: u64 = 8192;

/// Memory a hostile caller aims pointers at: an arena the driver may write, after an
/// inaccessible guard page and before a read-only page and an unmapped hole; scratch memory
/// for the caller's own clean requests, which random pointers never name; and the receive
/// buffer (read-only) when there is one. Never unmapped (a child exits with it).
struct Space {
    page: u64,
    guard: u64,
    arena: u64,
    arena_len: u64,
    ro: u64,
    hole: u64,
    scratch: u64,
    scratch_len: u64,
    rx: u64,
    rx_len: u64,
}

/// Sizes a hostile caller gives its buffers.
const SIZES: &[u64] = &[
    0,
    1,
    2,
    3,
    4,
    7,
    8,
    12,
    64,
    255,
    4096,
    6144,
    6145,
    10240,
    16384,
    1 << 20,
    1 << 32,
    1 << 40,
    u64::MAX / 2,
    u64::MAX - 3,
    u64::MAX,
];

/// Read sizes that fit the arena's slack.
const READ_SIZES: &[u64] = &[0, 3, 4, 8, 64, 256, 1024, 4096, 6144, 6145, 8000];

impl Space {
    fn new(rx: Option<(u64, u64)>, seed: u64) -> Space {
        let page = page_size();
        let total = (ARENA_PAGES + 3) * page;
        // SAFETY: fresh anonymous mappings; the protections are changed on our own pages.
        unsafe {
            let base = libc::mmap(
                std::ptr::null_mut(),
                total as usize,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            );
            assert_ne!(base, libc::MAP_FAILED);
            let base = base as u64;
            let (guard, arena) = (base, base + page);
            let ro = arena + ARENA_PAGES * page;
            let hole = ro + page;
            let mut rng = Rng::new(seed ^ 0xa5a5);
            let arena_bytes =
                std::slice::from_raw_parts_mut(arena as *mut u8, (ARENA_PAGES * page) as usize);
            rng.fill(arena_bytes);
            // The read-only page: an empty binder_write_read at 0, one with a read into the
            // arena at 64, random bytes after.
            let ro_bytes = std::slice::from_raw_parts_mut(ro as *mut u8, page as usize);
            rng.fill(ro_bytes);
            ro_bytes[..48].copy_from_slice(BinderWriteRead::default().as_bytes());
            let reading = BinderWriteRead {
                read_size: 64,
                read_buffer: arena,
                ..Default::default()
            };
            ro_bytes[64..112].copy_from_slice(reading.as_bytes());
            assert_eq!(
                libc::mprotect(guard as *mut libc::c_void, page as usize, libc::PROT_NONE),
                0
            );
            assert_eq!(
                libc::mprotect(ro as *mut libc::c_void, page as usize, libc::PROT_READ),
                0
            );
            assert_eq!(libc::munmap(hole as *mut libc::c_void, page as usize), 0);
            let scratch_len = 4 * page;
            let scratch = libc::mmap(
                std::ptr::null_mut(),
                scratch_len as usize,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            );
            assert_ne!(scratch, libc::MAP_FAILED);
            let (rx, rx_len) = rx.unwrap_or((guard, page));
            Space {
                page,
                guard,
                arena,
                arena_len: ARENA_PAGES * page,
                ro,
                hole,
                scratch: scratch as u64,
                scratch_len,
                rx,
                rx_len,
            }
        }
    }

    fn writable(&self, addr: u64, len: u64) -> bool {
        let inside = |start: u64, n: u64| {
            addr >= start && addr.checked_add(len).is_some_and(|end| end <= start + n)
        };
        inside(self.arena, self.arena_len) || inside(self.scratch, self.scratch_len)
    }

    /// Writes our own bytes into the arena or scratch.
    fn write(&self, addr: u64, b: &[u8]) {
        assert!(
            self.writable(addr, b.len() as u64),
            "write outside: {addr:#x}"
        );
        // SAFETY: inside our own read-write mappings.
        unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), addr as *mut u8, b.len()) };
    }

    /// Reads back bytes of the arena or scratch.
    fn read(&self, addr: u64, n: u64) -> Vec<u8> {
        assert!(self.writable(addr, n), "read outside: {addr:#x}");
        let mut v = vec![0u8; n as usize];
        // SAFETY: inside our own read-write mappings.
        unsafe { std::ptr::copy_nonoverlapping(addr as *const u8, v.as_mut_ptr(), v.len()) };
        v
    }

    /// A good arena address with `room` bytes after it, sometimes misaligned.
    fn good(&self, rng: &mut Rng, room: u64) -> u64 {
        let at = self.arena + rng.below(self.arena_len - ARENA_SLACK) / 8 * 8;
        let at = if rng.one_in(4) { at + rng.below(8) } else { at };
        assert!(self.writable(at, room));
        at
    }

    /// Somewhere the driver may be asked to write: never memory of ours but the arena.
    fn dst(&self, rng: &mut Rng) -> u64 {
        match rng.below(14) {
            0 => 0,
            // Below mmap_min_addr: never mapped.
            1 => rng.below(0x10000),
            2 => 0xffff_8000_0000_0000 + rng.below(1 << 32),
            3 => u64::MAX - rng.below(64),
            // Above the user address space.
            4 => (1 << 47) + rng.below(1 << 20),
            5 => self.guard + rng.below(self.page),
            6 => self.ro + rng.below(self.page),
            7 => self.rx + rng.below(self.rx_len),
            // Runs from the arena into the read-only page.
            8 => self.arena + self.arena_len - 1 - rng.below(63),
            // Starts in the guard page, runs into the arena.
            9 => self.arena - 1 - rng.below(63),
            _ => self.good(rng, 64),
        }
    }

    /// Somewhere the driver may be asked to read.
    fn src(&self, rng: &mut Rng) -> u64 {
        match rng.below(16) {
            14 => self.hole + rng.below(self.page),
            15 => self.rx + rng.below(self.rx_len),
            _ => self.dst(rng),
        }
    }

    /// Objects for a transaction's data, planted in the arena: (data, data size, offsets,
    /// offsets size).
    fn plant_objects(&self, rng: &mut Rng) -> (u64, u64, u64, u64) {
        let mut data = Vec::new();
        let mut offsets: Vec<u64> = Vec::new();
        for i in 0..rng.below(5) {
            if rng.one_in(3) {
                let pad = rng.below(16) as usize;
                data.extend(rng.bytes(pad));
            }
            let at = data.len() as u64;
            match rng.below(6) {
                0 | 1 => {
                    let mut o = FlatBinderObject::default();
                    o.hdr.type_ = rng.pick(&[
                        BINDER_TYPE_BINDER,
                        BINDER_TYPE_WEAK_BINDER,
                        BINDER_TYPE_HANDLE,
                        BINDER_TYPE_WEAK_HANDLE,
                    ]);
                    o.flags = rng.next() as u32 & 0x11ff;
                    if rng.one_in(2) {
                        o.set_handle(rng.pick(&[0, 1, 2, 0x7fff_ffff]));
                    } else {
                        o.set_binder(rng.next());
                    }
                    o.cookie = rng.next();
                    data.extend_from_slice(o.as_bytes());
                }
                2 => {
                    let mut o = BinderFdObject::default();
                    o.hdr.type_ = BINDER_TYPE_FD;
                    o.set_fd(rng.pick(&[0, 1, 2, u32::MAX, 987, 100_000]));
                    o.cookie = rng.next();
                    data.extend_from_slice(o.as_bytes());
                }
                3 => {
                    let o = BinderBufferObject {
                        hdr: BinderObjectHeader {
                            type_: BINDER_TYPE_PTR,
                        },
                        flags: rng.below(3) as u32,
                        buffer: self.src(rng),
                        length: rng.pick(&[0, 8, 64, 4096, 1 << 20, u64::MAX]),
                        parent: rng.below(4),
                        parent_offset: rng.pick(&[0, 8, 4095, u64::MAX]),
                    };
                    data.extend_from_slice(o.as_bytes());
                }
                4 => {
                    let o = BinderFdArrayObject {
                        hdr: BinderObjectHeader {
                            type_: BINDER_TYPE_FDA,
                        },
                        pad: 0,
                        num_fds: rng.pick(&[0, 1, 3, 1 << 30, u64::MAX]),
                        parent: rng.below(4),
                        parent_offset: rng.pick(&[0, 4, 8, u64::MAX - 3]),
                    };
                    data.extend_from_slice(o.as_bytes());
                }
                _ => {
                    let n = 8 + rng.below(40) as usize;
                    data.extend(rng.bytes(n));
                }
            }
            offsets.push(match rng.below(8) {
                0 => at + 1 + rng.below(7),
                1 => rng.next(),
                2 => i * 24,
                _ => at,
            });
        }
        let base = self.good(rng, 0) / 8 * 8;
        let dlen = data.len() as u64;
        let off_at = base + dlen.div_ceil(8) * 8;
        let off_bytes: Vec<u8> = offsets.iter().flat_map(|o| o.to_ne_bytes()).collect();
        self.write(base, &data);
        self.write(off_at, &off_bytes);
        let data_size = match rng.below(6) {
            0 => rng.pick(SIZES),
            1 => dlen.saturating_sub(rng.below(9)),
            _ => dlen,
        };
        let offsets_size = match rng.below(6) {
            0 => rng.pick(SIZES),
            1 => (off_bytes.len() as u64).saturating_sub(rng.below(8)),
            _ => off_bytes.len() as u64,
        };
        (base, data_size, off_at, offsets_size)
    }

    /// A random `binder_transaction_data`.
    fn transaction(&self, rng: &mut Rng) -> BinderTransactionData {
        let mut td = BinderTransactionData::default();
        let handle = match rng.below(8) {
            0 => 1,
            1 => 0x7fff_ffff,
            2 => rng.next() as u32,
            _ => 0,
        };
        td.set_target_handle(handle);
        td.code = if rng.one_in(4) {
            HEALTH
        } else {
            rng.next() as u32
        };
        td.flags = match rng.below(5) {
            0 | 1 => 0,
            2 => TF_ONE_WAY,
            3 => TF_ACCEPT_FDS,
            _ => rng.next() as u32,
        };
        if rng.one_in(4) {
            td.data_size = rng.pick(SIZES);
            td.offsets_size = rng.pick(SIZES);
            td.set_data_ptr(self.src(rng), self.src(rng));
        } else {
            let (d, ds, o, os) = self.plant_objects(rng);
            td.data_size = ds;
            td.offsets_size = os;
            td.set_data_ptr(d, o);
        }
        td
    }

    /// A random stream of commands: known ones with random fields (pointers among the
    /// classes above), unknown ones, and a stream cut short.
    fn commands(&self, rng: &mut Rng) -> Vec<u8> {
        const KNOWN: &[u32] = &[
            BC_TRANSACTION,
            BC_TRANSACTION,
            BC_TRANSACTION,
            BC_REPLY,
            BC_TRANSACTION_SG,
            BC_REPLY_SG,
            BC_FREE_BUFFER,
            BC_INCREFS,
            BC_ACQUIRE,
            BC_RELEASE,
            BC_DECREFS,
            BC_INCREFS_DONE,
            BC_ACQUIRE_DONE,
            BC_ATTEMPT_ACQUIRE,
            BC_ACQUIRE_RESULT,
            BC_REGISTER_LOOPER,
            BC_ENTER_LOOPER,
            BC_EXIT_LOOPER,
            BC_REQUEST_DEATH_NOTIFICATION,
            BC_CLEAR_DEATH_NOTIFICATION,
            BC_DEAD_BINDER_DONE,
            BC_REQUEST_FREEZE_NOTIFICATION,
            BC_CLEAR_FREEZE_NOTIFICATION,
            BC_FREEZE_NOTIFICATION_DONE,
        ];
        let mut out = Vec::new();
        for _ in 0..1 + rng.below(6) {
            let cmd = if rng.one_in(10) {
                rng.next() as u32
            } else {
                rng.pick(KNOWN)
            };
            let size = (ioc_size(cmd) as usize).min(128);
            let mut p = rng.bytes(size);
            match cmd {
                BC_TRANSACTION | BC_REPLY => {
                    p.copy_from_slice(self.transaction(rng).as_bytes());
                }
                BC_TRANSACTION_SG | BC_REPLY_SG => {
                    p[..64].copy_from_slice(self.transaction(rng).as_bytes());
                    let b: u64 = rng.pick(&[0, 8, 64, 4096, 7, 1 << 30, u64::MAX]);
                    p[64..72].copy_from_slice(&b.to_ne_bytes());
                }
                BC_FREE_BUFFER | BC_DEAD_BINDER_DONE | BC_FREEZE_NOTIFICATION_DONE => {
                    let a = if rng.one_in(2) {
                        self.rx + rng.below(self.rx_len)
                    } else {
                        rng.next()
                    };
                    p.copy_from_slice(&a.to_ne_bytes());
                }
                BC_INCREFS
                | BC_ACQUIRE
                | BC_RELEASE
                | BC_DECREFS
                | BC_REQUEST_DEATH_NOTIFICATION
                | BC_CLEAR_DEATH_NOTIFICATION
                | BC_REQUEST_FREEZE_NOTIFICATION
                | BC_CLEAR_FREEZE_NOTIFICATION => {
                    let h: u32 = rng.pick(&[0, 0, 1, 2, u32::MAX]);
                    p[..4].copy_from_slice(&h.to_ne_bytes());
                }
                _ => {}
            }
            out.extend_from_slice(&cmd.to_ne_bytes());
            out.extend_from_slice(&p);
        }
        if rng.one_in(6) {
            let cut = rng.below(out.len() as u64) as usize;
            out.truncate(cut);
        }
        out
    }

    /// A `binder_write_read` for a random ioctl: its address (anywhere), and when it lies in
    /// the arena, what it was filled with (its read buffer and size, to read returns back).
    fn plant_bwr(&self, rng: &mut Rng) -> (u64, Option<(u64, u64)>) {
        let arg = if rng.one_in(5) {
            self.dst(rng)
        } else {
            self.good(rng, 48)
        };
        if !self.writable(arg, 48) {
            return (arg, None);
        }
        let (write_buffer, write_size) = match rng.below(6) {
            0..=2 => {
                let s = self.commands(rng);
                let at = self.good(rng, s.len() as u64);
                self.write(at, &s);
                let size = match rng.below(5) {
                    0 => (s.len() as u64).saturating_sub(rng.below(5)),
                    1 => s.len() as u64 + rng.below(64),
                    _ => s.len() as u64,
                };
                (at, size)
            }
            3 => (self.src(rng), rng.pick(SIZES)),
            4 => (0, 0),
            _ => (self.good(rng, 0), rng.pick(SIZES)),
        };
        let (read_buffer, read_size) = match rng.below(6) {
            0..=2 => (self.good(rng, 8000), rng.pick(READ_SIZES)),
            3 => (self.dst(rng), rng.pick(SIZES)),
            4 => (0, 0),
            _ => (self.good(rng, 0), rng.pick(SIZES)),
        };
        let consumed = |rng: &mut Rng, size: u64| match rng.below(10) {
            0 => rng.below(size.saturating_add(1).max(1)),
            1 => size.saturating_add(rng.below(64)),
            2 => u64::MAX - rng.below(8),
            _ => 0,
        };
        let bwr = BinderWriteRead {
            write_size,
            write_consumed: consumed(rng, write_size),
            write_buffer,
            read_size,
            read_consumed: consumed(rng, read_size),
            read_buffer,
        };
        self.write(arg, bwr.as_bytes());
        (arg, Some((read_buffer, read_size)))
    }
}

// ---------------------------------------------------------------------------------------------
// Item 2, roles: what the hostile children do
// ---------------------------------------------------------------------------------------------

/// Kinds of ioctl a hostile request names: real ones and junk.
const CMDS: &[u32] = &[
    BINDER_WRITE_READ,
    BINDER_WRITE_READ,
    BINDER_VERSION,
    BINDER_SET_MAX_THREADS,
    BINDER_SET_CONTEXT_MGR,
    BINDER_SET_CONTEXT_MGR_EXT,
    BINDER_GET_NODE_DEBUG_INFO,
    BINDER_GET_NODE_INFO_FOR_REF,
    BINDER_FREEZE,
    BINDER_GET_FROZEN_INFO,
    BINDER_ENABLE_ONEWAY_SPAM_DETECTION,
    BINDER_GET_EXTENDED_ERROR,
    BINDER_SET_IDLE_TIMEOUT,
    BINDER_SET_IDLE_PRIORITY,
    BINDER_THREAD_EXIT,
    BINDER_CTL_ADD,
    0,
    u32::MAX,
];

/// What a hostile client aims its fields at: its token and tid, and its memory.
struct Aim<'a> {
    token: u64,
    tid: i32,
    space: &'a Space,
}

/// A message of a random kind with random fields (each kind as protocol.rs encodes it).
fn random_request(rng: &mut Rng, aim: &Aim) -> Vec<u8> {
    let s = aim.space;
    let addr = |rng: &mut Rng| {
        if rng.one_in(3) {
            s.src(rng)
        } else {
            s.good(rng, 64)
        }
    };
    let numbers = |rng: &mut Rng, n: u64| -> Vec<u32> {
        (0..rng.below(n + 1))
            .map(|_| {
                let any = rng.next() as u32;
                rng.pick(&[0, 1, 2, 3, 255, 1023, u32::MAX, any])
            })
            .collect()
    };
    let m = match rng.below(13) {
        0 => Msg::new(wire::OPEN)
            .u32(rng.pick(&[0, 1, 2, u32::MAX]))
            .u64(addr(rng))
            .u64(rng.next()),
        1 => Msg::new(wire::MMAP).u64(rng.pick(&[
            0,
            1,
            4096,
            1 << 20,
            4 << 20,
            5 << 20,
            1 << 40,
            u64::MAX,
        ])),
        2 => Msg::new(wire::MAPPED).u64(addr(rng)).u64(rng.pick(SIZES)),
        3 => Msg::new(wire::UNMAPPED),
        4 => {
            let token = match rng.below(4) {
                0 => aim.token,
                1 => aim.token ^ 1,
                2 => 0,
                _ => rng.next(),
            };
            let tid = if rng.one_in(2) {
                aim.tid
            } else {
                rng.next() as i32
            };
            Msg::new(wire::ATTACH).u64(token).u32(tid as u32)
        }
        5 | 6 => {
            let cmd = if rng.one_in(8) {
                rng.next() as u32
            } else {
                rng.pick(CMDS)
            };
            let arg = if cmd == BINDER_WRITE_READ && rng.one_in(2) {
                s.plant_bwr(rng).0
            } else {
                s.dst(rng)
            };
            Msg::new(wire::IOCTL).u32(cmd).u64(arg)
        }
        7 => Msg::new(wire::POLL),
        8 => {
            if rng.one_in(2) {
                Msg::new(wire::INSTALLED).u32(0).list(&numbers(rng, 16))
            } else {
                Msg::new(wire::INSTALLED).u32(rng.pick(&[
                    (-libc::EMFILE) as u32,
                    (-1i32) as u32,
                    i32::MIN as u32,
                    5,
                ]))
            }
        }
        9 => {
            let len = rng.pick(&[0, 1, 64, 4096, 32 * 1024]);
            Msg::new(wire::CHUNK)
                .bytes(&rng.bytes(len))
                .list(&numbers(rng, 8))
        }
        10 => {
            let cmd = rng.pick(CMDS);
            let arg = s.dst(rng);
            let mut regions = Vec::new();
            let mut total = 0u64;
            for _ in 0..rng.below(6) {
                let len = rng.pick(&[0, 4, 48, 256, 4096, 1 << 24, 1 << 25, u64::MAX]);
                let with = rng.one_in(2) && len <= 4096;
                if with {
                    total += len;
                }
                let at = if rng.one_in(2) { arg } else { s.src(rng) };
                regions.push((at, len, with));
            }
            let blen = if rng.one_in(4) { rng.below(512) } else { total };
            let mut m = Msg::new(wire::IOCTL_INLINE)
                .u32(cmd)
                .u64(arg)
                .u32(regions.len() as u32);
            for (a, l, w) in regions {
                m = m.u64(a).u64(l).u32(w as u32);
            }
            m.list(&numbers(rng, 4)).bytes(&rng.bytes(blen as usize))
        }
        11 => {
            let cmds = if rng.one_in(2) {
                s.commands(rng)
            } else {
                let n = rng.below(256) as usize;
                rng.bytes(n)
            };
            Msg::new(wire::POST).bytes(&cmds)
        }
        _ => Msg::new(wire::MAILBOX),
    };
    m.0
}

/// Random bytes whose first word is no request kind: binderd can never decode them.
fn garbage(rng: &mut Rng, len: usize) -> Vec<u8> {
    let mut b = rng.bytes(len);
    if len >= 4 && (1..=wire::LAST).contains(&u32_at(&b, 0)) {
        b[..4].copy_from_slice(&0xdead_0000u32.to_ne_bytes());
    }
    b
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Connected, nothing sent.
    New,
    /// A process connection (opened).
    Proc,
    /// A thread channel (attached; its process connection comes first).
    Thread,
}

/// Connections in `state`: the target last. Thread channels belong to a non-blocking
/// process, so that no random read parks.
fn open_state(dev: &Path, state: State, rng: &mut Rng) -> io::Result<(Vec<OwnedFd>, u64)> {
    match state {
        State::New => Ok((vec![raw_connect(dev)?], 0)),
        State::Proc => {
            let (p, token) = raw_open(dev, rng.one_in(2), rng.one_in(2))?;
            Ok((vec![p], token))
        }
        State::Thread => {
            let (p, token) = raw_open(dev, true, rng.one_in(2))?;
            let t = raw_attach(dev, token, gettid())?;
            Ok((vec![p, t], token))
        }
    }
}

fn random_state(rng: &mut Rng) -> State {
    match rng.below(3) {
        0 => State::New,
        1 => State::Proc,
        _ => State::Thread,
    }
}

/// Garbage, truncated, padded, oversized and empty packets, one per connection, each on a
/// connection in a random state: binderd must close every one of them (none is a message).
/// Says `done inputs=N closed=.. not-closed=..`.
fn role_garbage(dev: &Path, seed: u64, n: u64) {
    let mut rng = Rng::new(seed);
    let space = Space::new(None, seed);
    let mut t = Tally::default();
    for _ in 0..n {
        let state = random_state(&mut rng);
        let (conns, token) = match open_state(dev, state, &mut rng) {
            Ok(c) => c,
            Err(e) => {
                t.add(format!("setup-{}", io_errname(&e)));
                continue;
            }
        };
        let aim = Aim {
            token,
            tid: gettid(),
            space: &space,
        };
        let target = conns.last().unwrap().as_raw_fd();
        let (what, pkt) = match rng.below(5) {
            0 => {
                let len = rng.pick(&[1, 3, 4, 5, 12, 64, 512]);
                ("random", garbage(&mut rng, len))
            }
            1 => {
                let full = random_request(&mut rng, &aim);
                let cut = rng.below(full.len() as u64) as usize;
                ("truncated", full[..cut].to_vec())
            }
            2 => {
                let mut m = random_request(&mut rng, &aim);
                let extra = 1 + rng.below(64) as usize;
                m.extend(rng.bytes(extra));
                ("padded", m)
            }
            3 => {
                let len = wire::MAX_MSG + 1 + rng.below(100_000) as usize;
                let mut b = garbage(&mut rng, len);
                if rng.one_in(2) {
                    // A kind whose fields have fixed sizes, then far too much.
                    let k = rng.pick(&[wire::POLL, wire::MMAP, wire::IOCTL, wire::ATTACH]);
                    b[..4].copy_from_slice(&k.to_ne_bytes());
                }
                ("oversized", b)
            }
            _ => ("empty", Vec::new()),
        };
        t.add(what);
        if let Err(e) = send(target, &pkt, &[], Instant::now() + Duration::from_secs(5)) {
            t.add(format!("send-{}", io_errname(&e)));
        }
        if closes_within(target, Duration::from_secs(5)) {
            t.add("closed");
        } else {
            t.add("not-closed");
        }
    }
    tell(&format!("done inputs={n} {t}"));
}

/// Sequences of messages of every kind with random fields, on connections in random states;
/// a thread channel left open must still answer a `POLL`, a process connection an `MMAP`.
/// Says `done inputs=N answered=.. closed=.. silent=..`.
fn role_fields(dev: &Path, seed: u64, n: u64) {
    let mut rng = Rng::new(seed);
    let space = Space::new(None, seed);
    let mut t = Tally::default();
    let mut sent = 0u64;
    while sent < n {
        let state = random_state(&mut rng);
        let (conns, token) = match open_state(dev, state, &mut rng) {
            Ok(c) => c,
            Err(e) => {
                t.add(format!("setup-{}", io_errname(&e)));
                sent += 1;
                continue;
            }
        };
        let aim = Aim {
            token,
            tid: gettid(),
            space: &space,
        };
        let target = conns.last().unwrap().as_raw_fd();
        let mut closed = false;
        // Made before any is sent, so that what binderd does cannot change what comes next.
        let k = 1 + rng.below(8);
        let msgs: Vec<Vec<u8>> = (0..k).map(|_| random_request(&mut rng, &aim)).collect();
        sent += k;
        for m in msgs {
            if send(target, &m, &[], Instant::now() + Duration::from_secs(5)).is_err() {
                closed = true;
                break;
            }
            // Take what came so far, without waiting.
            loop {
                match recv(target, Duration::ZERO) {
                    Got::Msg(..) => continue,
                    Got::Timeout => break,
                    Got::Eof | Got::Err(_) => {
                        closed = true;
                        break;
                    }
                }
            }
            if closed {
                break;
            }
        }
        if closed {
            t.add("closed");
            continue;
        }
        let probe = match state {
            State::Thread => Some(Msg::new(wire::POLL)),
            State::Proc => Some(Msg::new(wire::MMAP).u64(4096)),
            State::New => None,
        };
        let Some(probe) = probe else {
            t.add("left-new");
            continue;
        };
        if send(
            target,
            &probe.0,
            &[],
            Instant::now() + Duration::from_secs(5),
        )
        .is_err()
        {
            t.add("closed");
            continue;
        }
        match recv(target, Duration::from_secs(5)) {
            Got::Msg(..) => t.add("answered"),
            Got::Eof | Got::Err(_) => t.add("closed"),
            Got::Timeout => t.add("silent"),
        }
    }
    tell(&format!("done inputs={sent} {t}"));
}

/// Descriptors of every sort to attach.
fn descriptor_pool(dev: &Path) -> Vec<OwnedFd> {
    let mut pool = Vec::new();
    let own = |fd: libc::c_int| {
        assert!(fd >= 0, "{}", io::Error::last_os_error());
        // SAFETY: just created, ours.
        unsafe { OwnedFd::from_raw_fd(fd) }
    };
    // SAFETY: plain syscalls creating descriptors of ours.
    unsafe {
        let mut p = [0; 2];
        assert_eq!(libc::pipe2(p.as_mut_ptr(), libc::O_CLOEXEC), 0);
        pool.push(own(p[0]));
        pool.push(own(p[1]));
        pool.push(own(libc::open(
            c"/dev/null".as_ptr(),
            libc::O_RDWR | libc::O_CLOEXEC,
        )));
        for ty in [libc::SOCK_SEQPACKET, libc::SOCK_STREAM, libc::SOCK_DGRAM] {
            let mut s = [0; 2];
            assert_eq!(
                libc::socketpair(libc::AF_UNIX, ty | libc::SOCK_CLOEXEC, 0, s.as_mut_ptr()),
                0
            );
            pool.push(own(s[0]));
            pool.push(own(s[1]));
        }
        let m = own(libc::memfd_create(
            c"hostile".as_ptr(),
            libc::MFD_CLOEXEC | libc::MFD_ALLOW_SEALING,
        ));
        libc::ftruncate(m.as_raw_fd(), 8192);
        pool.push(m);
        pool.push(own(libc::eventfd(0, libc::EFD_CLOEXEC)));
        pool.push(own(libc::epoll_create1(libc::EPOLL_CLOEXEC)));
        pool.push(own(libc::timerfd_create(
            libc::CLOCK_MONOTONIC,
            libc::TFD_CLOEXEC,
        )));
        pool.push(own(libc::open(
            c"/tmp".as_ptr(),
            libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC,
        )));
        pool.push(own(libc::open(
            c"/proc/self/status".as_ptr(),
            libc::O_RDONLY | libc::O_CLOEXEC,
        )));
        pool.push(own(
            libc::syscall(libc::SYS_pidfd_open, libc::getpid(), 0) as libc::c_int
        ));
    }
    // A connection to binderd that never says anything.
    pool.push(raw_connect(dev).expect("connect"));
    pool
}

/// Random descriptors in `SCM_RIGHTS` (1 to 253 a message, duplicates too, chunks holding
/// up to 2000 at once) on every kind of message and connection. binderd must close every
/// one it was given once the connection ends. Says `done inputs=N fds=.. ...`.
fn role_fds(dev: &Path, seed: u64, n: u64) {
    let mut rng = Rng::new(seed);
    let space = Space::new(None, seed);
    let pool = descriptor_pool(dev);
    let raw: Vec<RawFd> = pool.iter().map(|f| f.as_raw_fd()).collect();
    let mut t = Tally::default();
    let mut sent = 0u64;
    while sent < n {
        let state = random_state(&mut rng);
        let (conns, token) = match open_state(dev, state, &mut rng) {
            Ok(c) => c,
            Err(e) => {
                t.add(format!("setup-{}", io_errname(&e)));
                sent += 1;
                continue;
            }
        };
        let aim = Aim {
            token,
            tid: gettid(),
            space: &space,
        };
        let target = conns.last().unwrap().as_raw_fd();
        // Made before any is sent, so that what binderd does cannot change what comes next.
        let mut msgs = Vec::new();
        for _ in 0..1 + rng.below(8) {
            let k = match rng.below(4) {
                0 => 1,
                1 => 253,
                _ => 1 + rng.below(253),
            } as usize;
            let fds: Vec<RawFd> = (0..k).map(|_| rng.pick(&raw)).collect();
            let numbers: Vec<u32> = fds.iter().map(|&f| f as u32).collect();
            let listed: &[u32] = if rng.one_in(4) { &[] } else { &numbers };
            let m = match rng.below(8) {
                0 => garbage(&mut rng, 16),
                1 | 2 => Msg::new(wire::CHUNK).bytes(&rng.bytes(64)).list(listed).0,
                3 => {
                    Msg::new(wire::IOCTL_INLINE)
                        .u32(BINDER_VERSION)
                        .u64(space.good(&mut rng, 4))
                        .u32(0)
                        .list(&numbers)
                        .bytes(&[])
                        .0
                }
                4 => Msg::new(wire::INSTALLED).u32(0).list(&numbers).0,
                _ => random_request(&mut rng, &aim),
            };
            msgs.push((m, fds));
        }
        sent += msgs.len() as u64;
        for (m, fds) in msgs {
            t.add_n("fds", fds.len() as u64);
            if send(target, &m, &fds, Instant::now() + Duration::from_secs(5)).is_err() {
                t.add("send-failed");
                break;
            }
            // Answers may carry descriptors too: taken and closed.
            while let Got::Msg(..) = recv(target, Duration::ZERO) {}
        }
        // Whatever binderd holds of them must go with the connection.
        drop(conns);
    }
    tell(&format!("done inputs={sent} {t}"));
}

/// Opens a process and a thread channel by hand, hands both sockets to the parent (over the
/// socket `steal`), says `token <token> tid <tid> sentinel <addr>`; on `check`,
/// asks the version on its own channel and attaches a second one, and says
/// `check ret=<r> v=<version> sentinel=<value> attach=<ok>`.
fn role_token_owner(dev: &Path, steal: &Path) {
    let (p, token) = raw_open(dev, true, true).expect("open");
    let tid = gettid();
    let t = raw_attach(dev, token, tid).expect("attach");
    let sentinel = Box::new(AtomicU32::new(0x05e4_71e1));
    let s = raw_connect(steal).expect("connect to the parent");
    send(
        s.as_raw_fd(),
        b"sockets",
        &[p.as_raw_fd(), t.as_raw_fd()],
        Instant::now() + NOTE,
    )
    .expect("hand the sockets over");
    tell(&format!(
        "token {token} tid {tid} sentinel {}",
        sentinel.as_ptr() as u64
    ));
    assert_eq!(hear(), "check");
    let v = Box::new(AtomicU32::new(u32::MAX));
    let m = Msg::new(wire::IOCTL)
        .u32(BINDER_VERSION)
        .u64(v.as_ptr() as u64);
    send(t.as_raw_fd(), &m.0, &[], Instant::now() + NOTE).expect("send");
    let ret = result_within(t.as_raw_fd(), NOTE);
    let attach = raw_attach(dev, token, tid + 1).is_ok();
    tell(&format!(
        "check ret={ret:?} v={} sentinel={:#x} attach={attach}",
        v.load(Ordering::SeqCst) as i32,
        sentinel.load(Ordering::SeqCst)
    ));
}

/// Thousands of connections opened and dropped as fast as they go, a window of at most 48
/// alive at once: connected only, opened without reading the answer, opened, opened with a
/// channel and a mailbox, opened with a receive buffer never mapped, half a message. Says
/// `done inputs=N ...`.
fn role_storm(dev: &Path, seed: u64, n: u64) {
    let mut rng = Rng::new(seed);
    let mut window: VecDeque<Vec<OwnedFd>> = VecDeque::new();
    let mut t = Tally::default();
    let deadline = || Instant::now() + Duration::from_secs(10);
    for _ in 0..n {
        let kind = rng.below(6);
        let r = (|| -> io::Result<Vec<OwnedFd>> {
            Ok(match kind {
                0 => vec![raw_connect(dev)?],
                1 => {
                    let c = raw_connect(dev)?;
                    let m = Msg::new(wire::OPEN).u32(1).u64(0).u64(0);
                    send(c.as_raw_fd(), &m.0, &[], deadline())?;
                    vec![c]
                }
                2 => vec![raw_open(dev, rng.one_in(2), true)?.0],
                3 => {
                    let (p, token) = raw_open(dev, true, true)?;
                    let c = raw_attach(dev, token, gettid())?;
                    send(c.as_raw_fd(), &Msg::new(wire::MAILBOX).0, &[], deadline())?;
                    if rng.one_in(2) {
                        // Take the mailbox (and close it), or leave it in the queue.
                        let _ = recv(c.as_raw_fd(), Duration::from_secs(5));
                    }
                    vec![p, c]
                }
                4 => {
                    let (p, _) = raw_open(dev, true, true)?;
                    send(
                        p.as_raw_fd(),
                        &Msg::new(wire::MMAP).u64(1 << 20).0,
                        &[],
                        deadline(),
                    )?;
                    vec![p]
                }
                _ => {
                    let c = raw_connect(dev)?;
                    send(c.as_raw_fd(), &[1, 0], &[], deadline())?;
                    vec![c]
                }
            })
        })();
        match r {
            Ok(c) => {
                t.add(format!("kind{kind}"));
                window.push_back(c);
            }
            Err(e) => t.add(format!("failed-{}", io_errname(&e))),
        }
        while window.len() > 48 || (rng.one_in(3) && !window.is_empty()) {
            window.pop_front();
        }
    }
    drop(window);
    tell(&format!("done inputs={n} {t}"));
}

/// A process that never reads what binderd answers: floods its thread channel (version,
/// poll, reads that find nothing) and its process connection (mmap), `n` requests, says
/// `flooded sent=..`; on `more` floods again (`flooded2`); exits on `exit`.
fn role_noread(dev: &Path, n: u64) {
    let space = Space::new(None, 5);
    let (p, token) = raw_open(dev, true, true).expect("open");
    let t = raw_attach(dev, token, gettid()).expect("attach");
    let bwr = space.good(&mut Rng::new(1), 48);
    let read_at = space.good(&mut Rng::new(2), 256);
    let b = BinderWriteRead {
        read_size: 256,
        read_buffer: read_at,
        ..Default::default()
    };
    space.write(bwr, b.as_bytes());
    let version = space.good(&mut Rng::new(3), 4);
    let flood = |round: &str| {
        let mut sent = 0u64;
        for i in 0..n {
            let (fd, m) = match i % 8 {
                0 => (p.as_raw_fd(), Msg::new(wire::MMAP).u64(64 * 1024)),
                1 | 2 => (t.as_raw_fd(), Msg::new(wire::POLL)),
                3 | 4 => (
                    t.as_raw_fd(),
                    Msg::new(wire::IOCTL).u32(BINDER_WRITE_READ).u64(bwr),
                ),
                _ => (
                    t.as_raw_fd(),
                    Msg::new(wire::IOCTL).u32(BINDER_VERSION).u64(version),
                ),
            };
            if let Err(e) = send(fd, &m.0, &[], Instant::now() + Duration::from_secs(10)) {
                tell(&format!("{round} blocked after {sent}: {}", io_errname(&e)));
                return;
            }
            sent += 1;
        }
        tell(&format!("{round} sent={sent}"));
    };
    flood("flooded");
    assert_eq!(hear(), "more");
    flood("flooded2");
    assert_eq!(hear(), "exit");
    drop((p, t));
}

// ---------------------------------------------------------------------------------------------
// Scribbling on mailboxes while a sibling thread calls
// ---------------------------------------------------------------------------------------------

/// The mailboxes mapped in this process (their addresses).
fn mailbox_maps() -> HashSet<u64> {
    std::fs::read_to_string("/proc/self/maps")
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains("binder-mailbox"))
        .filter_map(|l| u64::from_str_radix(l.split('-').next()?, 16).ok())
        .collect()
}

/// The eventfds open in this process (doorbells among them).
fn eventfds() -> HashSet<RawFd> {
    std::fs::read_dir("/proc/self/fd")
        .into_iter()
        .flatten()
        .filter_map(|e| {
            let e = e.ok()?;
            let link = std::fs::read_link(e.path()).ok()?;
            link.to_str()?
                .contains("eventfd")
                .then(|| e.file_name().to_str()?.parse().ok())?
        })
        .collect()
}

/// Serializes channel creation, so that each thread can tell which mailbox is its own.
static REGISTER: Mutex<()> = Mutex::new(());

/// The calling thread's first ioctl, and the mailbox and doorbell it brought.
fn register(d: &Device) -> (u64, RawFd) {
    let _g = REGISTER.lock().unwrap();
    let (m0, e0) = (mailbox_maps(), eventfds());
    assert_eq!(
        d.version().expect("version"),
        BINDER_CURRENT_PROTOCOL_VERSION
    );
    let m: Vec<u64> = mailbox_maps().difference(&m0).copied().collect();
    let e: Vec<RawFd> = eventfds().difference(&e0).copied().collect();
    assert_eq!((m.len(), e.len()), (1, 1), "one new mailbox and doorbell");
    (m[0], e[0])
}

/// Mailbox layout (driver/src/mailbox.rs).
mod mb {
    pub const SIZE: u64 = 16 * 1024;
    pub const TURN: u64 = 0;
    pub const CLIENT_SLEEPING: u64 = 4;
    pub const CLIENT: u32 = 0;
    pub const DAEMON: u32 = 1;
    pub const REQUEST: u64 = 64;
    pub const ANSWER: u64 = 128;
    pub const REQUEST_DATA: u64 = 4096;
    pub const REQ_IOCTL: u32 = 1;
    pub const REQ_LENT: u32 = 2;
}

/// A word of a mailbox, written and read atomically (binderd and the device may be at it).
fn mb_word(base: u64, at: u64) -> &'static AtomicU32 {
    // SAFETY: inside a mailbox mapping of this process (never unmapped while the device
    // lives, which is until the process exits), 4-byte aligned.
    unsafe { AtomicU32::from_ptr((base + at) as *mut u32) }
}

/// Random words over `len` bytes at `at` of a mailbox.
fn mb_scribble(base: u64, at: u64, len: u64, rng: &mut Rng) {
    let mut o = at / 4 * 4;
    while o + 4 <= (at + len).min(mb::SIZE) {
        mb_word(base, o).store(rng.next() as u32, Ordering::Relaxed);
        o += 4;
    }
}

fn ring(doorbell: RawFd, v: u64) {
    // SAFETY: writing 8 bytes to an eventfd of ours.
    unsafe { libc::write(doorbell, v.to_ne_bytes().as_ptr() as *const libc::c_void, 8) };
}

/// One round of scribbling on mailbox `base` (doorbell `bell`): random bytes anywhere, the
/// turn set to anything and rung, garbage requests handed over (waited for a little), the
/// answer area overwritten.
fn scribble_round(base: u64, bell: RawFd, rng: &mut Rng) {
    match rng.below(7) {
        0 => {
            let at = rng.below(mb::SIZE);
            let len = rng.below(mb::SIZE - at);
            mb_scribble(base, at, len, rng);
        }
        1 => {
            mb_word(base, mb::TURN).store(rng.pick(&[0, 1, 1, 2, 3, u32::MAX]), Ordering::SeqCst);
            ring(bell, 1 + rng.below(3));
        }
        2 | 3 => {
            // A garbage request, handed to binderd.
            mb_scribble(base, mb::REQUEST_DATA, 512, rng);
            let any = rng.next() as u32;
            let kind = rng.pick(&[mb::REQ_IOCTL, mb::REQ_LENT, 0, any]);
            let words = [
                kind,
                rng.pick(CMDS),
                rng.pick(&[0, 8, 0xfff, u32::MAX]),
                rng.pick(&[0, 0x8000_0000, 0xffff_ffff]),
                rng.pick(&[0, 4, 68, 512, 6144, 6145, u32::MAX]),
                rng.pick(&[0, 4, 256, 6144, u32::MAX]),
                rng.pick(&[0, 0, 8, u32::MAX]),
                rng.next() as u32,
            ];
            for (i, w) in words.iter().enumerate() {
                mb_word(base, mb::REQUEST + 4 * i as u64).store(*w, Ordering::Relaxed);
            }
            mb_word(base, mb::TURN).store(mb::DAEMON, Ordering::SeqCst);
            ring(bell, 1);
            // binderd answers at once (the device is non-blocking): a short look.
            for _ in 0..200 {
                if mb_word(base, mb::TURN).load(Ordering::SeqCst) != mb::DAEMON {
                    break;
                }
                std::thread::yield_now();
            }
        }
        4 => mb_scribble(base, mb::ANSWER, 64, rng),
        5 => mb_word(base, mb::CLIENT_SLEEPING).store(rng.below(3) as u32, Ordering::SeqCst),
        _ => {
            for _ in 0..1 + rng.below(16) {
                ring(bell, rng.below(1000));
            }
        }
    }
}

/// One process, three threads scribbling on mailboxes while a sibling thread makes valid
/// calls through the same `Device`. Without `all` each scribbler touches only its own
/// mailbox and doorbell: the sibling's calls must all succeed, and each scribbler's own
/// thread is served normally again afterwards. With `all` they trample every mailbox and
/// ring every eventfd of the process, the sibling's in use included: the process may confuse
/// itself (its outcome is only reported). Says `done inputs=N calls=.. failed=.. ...`.
fn role_scribble(dev: &Path, seed: u64, rounds: u64, all: bool) {
    let d = Arc::new(Device::open_nonblocking(dev).expect("open"));
    let map = Arc::new(d.mmap(256 * 1024).expect("mmap"));
    let stop = Arc::new(AtomicBool::new(false));
    let outcomes = Arc::new(Mutex::new(Tally::default()));
    let calls = Arc::new(AtomicU64::new(0));
    let (reg_tx, reg_rx) = mpsc::channel();
    let caller = {
        let (d, map, stop, outcomes, calls) = (
            d.clone(),
            map.clone(),
            stop.clone(),
            outcomes.clone(),
            calls.clone(),
        );
        std::thread::spawn(move || {
            reg_tx.send(register(&d)).unwrap();
            let (mut i, mut failed_in_a_row) = (0u64, 0);
            while !stop.load(Ordering::SeqCst) || i < 20 {
                let data = format!("sibling call {i}").into_bytes();
                let r = call(
                    &d,
                    &map,
                    HEALTH,
                    &data,
                    Instant::now() + Duration::from_secs(5),
                );
                let k = match r {
                    Ok(got) if got == reversed(&data) => "call-ok".to_string(),
                    Ok(_) => "call-wrong-reply".to_string(),
                    Err(e) => format!("call-{}", e.replace(' ', "-")),
                };
                failed_in_a_row = if k == "call-ok" {
                    0
                } else {
                    failed_in_a_row + 1
                };
                lock(&outcomes).add(k);
                calls.fetch_add(1, Ordering::SeqCst);
                i += 1;
                // A device its own trampling made give up fails every call at once: no
                // point spinning on it.
                if failed_in_a_row == 1000 {
                    lock(&outcomes).add("caller-gave-up");
                    break;
                }
            }
        })
    };
    let _caller_box = reg_rx.recv_timeout(NOTE).expect("the caller registers");
    // A thread's mailbox is unmapped when it exits: no scribbler leaves while another may
    // still be writing to its mailbox (a scribbler that fails or gets stuck stays).
    let all_done = Arc::new(std::sync::Barrier::new(3));
    let (done_tx, done_rx) = mpsc::channel();
    for s in 0..3u64 {
        let (d, outcomes, all_done, done_tx) = (
            d.clone(),
            outcomes.clone(),
            all_done.clone(),
            done_tx.clone(),
        );
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let (own, bell) = register(&d);
            tx.send(()).unwrap();
            let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let mut rng = Rng::new(seed * 31 + s);
                for r in 0..rounds {
                    let (mut base, mut door) = (own, bell);
                    if all && rng.one_in(2) {
                        // Any mailbox and doorbell of the process (a trampled device may
                        // have closed the descriptors these lists are read through).
                        let boxes: Vec<u64> = mailbox_maps().into_iter().collect();
                        let bells: Vec<RawFd> = eventfds().into_iter().collect();
                        if !boxes.is_empty() && !bells.is_empty() {
                            (base, door) = (rng.pick(&boxes), rng.pick(&bells));
                        }
                    }
                    scribble_round(base, door, &mut rng);
                    if r % 64 == 0 {
                        std::thread::yield_now();
                    }
                }
                lock(&outcomes).add_n("scribbles", rounds);
                // Its own thread is served normally again: the turn back (binderd answers
                // what it holds; a non-blocking device holds nothing for long), then the
                // device.
                let back = wait_until(Duration::from_secs(5), || {
                    ring(bell, 1);
                    mb_word(own, mb::TURN).load(Ordering::SeqCst) != mb::DAEMON
                });
                mb_word(own, mb::TURN).store(mb::CLIENT, Ordering::SeqCst);
                mb_word(own, mb::CLIENT_SLEEPING).store(0, Ordering::SeqCst);
                let v = d.version();
                lock(&outcomes).add(format!(
                    "scribbler-{}",
                    match (&v, back) {
                        (Ok(8), true) => "served".to_string(),
                        (Ok(v), b) => format!("version{v}-back{b}"),
                        (Err(e), b) => format!("{}-back{b}", io_errname(e)),
                    }
                ));
            }));
            if let Err(p) = &ran {
                let m = p
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                lock(&outcomes).add(format!("panic:{}", m.replace(' ', "_")));
            }
            let _ = done_tx.send(ran.is_ok());
            all_done.wait();
        });
        rx.recv_timeout(NOTE).expect("a scribbler registers");
    }
    // Bounded: a device its own trampling confused may never answer a thread again.
    let deadline = Instant::now() + Duration::from_secs(10) * scale() as u32;
    let (mut finished, mut panicked) = (0, 0);
    while finished < 3 {
        match done_rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(ok) => {
                finished += 1;
                panicked += u32::from(!ok);
            }
            Err(_) => break,
        }
    }
    stop.store(true, Ordering::SeqCst);
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(caller.join().is_ok());
    });
    let caller_ended = rx.recv_timeout(Duration::from_secs(8));
    let o = lock(&outcomes);
    tell(&format!(
        "done inputs={} calls={} caller_ended={caller_ended:?} finished={finished} \
         panicked={panicked} {o}",
        o.0.get("scribbles").copied().unwrap_or(0),
        calls.load(Ordering::SeqCst),
    ));
    drop(o);
    // The process goes with whatever thread is still stuck in it.
    std::process::exit(0);
}

/// A mutex's value, even if a thread panicked holding it.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

// ---------------------------------------------------------------------------------------------
// Item 2 tests
// ---------------------------------------------------------------------------------------------

/// Garbage (random bytes whose first word is no request kind), truncated messages, valid
/// messages with bytes after them, packets longer than binderd reads (up to ~200 KiB) and
/// empty packets, each on a new connection, a process connection or a thread channel:
/// binderd closes every such connection (a malformed message ends its connection) and
/// nothing else.
#[test]
fn garbage_truncated_and_oversized_packets_close_only_their_connection() {
    let mut rig = Rig::start("garbage");
    let n = 2000 * scale();
    let e = rig.run(&format!("garbage:1:{n}"), bound(60));
    let done = e.done().unwrap_or_default();
    rig.inputs += num(&done, "inputs");
    let not_closed = num(&done, "not-closed");
    if not_closed > 0 || num(&done, "closed") != n {
        rig.hangs += not_closed;
        rig.problem(format!(
            "not every malformed packet closed its connection: {done:?}"
        ));
    }
    rig.note(format!("closed={}", num(&done, "closed")));
    rig.finish();
}

/// Every message kind with random fields (sizes, addresses, tokens, tids, descriptor
/// numbers, region tables, posted commands), in and out of place, in sequences on
/// connections in every state; a channel binderd keeps must still answer.
#[test]
fn every_message_kind_with_random_fields() {
    let mut rig = Rig::start("fields");
    let n = 3000 * scale();
    let e = rig.run(&format!("fields:2:{n}"), bound(60));
    let done = e.done().unwrap_or_default();
    rig.inputs += num(&done, "inputs");
    let silent = num(&done, "silent");
    if silent > 0 || done.is_empty() {
        rig.hangs += silent;
        rig.problem(format!(
            "connections binderd kept stopped answering: {done:?}"
        ));
    }
    rig.note(format!(
        "answered={},closed={}",
        num(&done, "answered"),
        num(&done, "closed")
    ));
    rig.finish();
}

/// Random descriptors (pipes, /dev/null, sockets of three types, a memfd, an eventfd, an
/// epoll set, a timerfd, a directory, a /proc file, a pidfd, a connection to binderd itself),
/// 1 to 253 a message, duplicates included, on every kind of message: binderd closes every
/// one it was given (its descriptor count comes back exactly).
#[test]
fn random_descriptors_in_scm_rights_are_all_closed() {
    let mut rig = Rig::start("fds");
    let n = 1500 * scale();
    let e = rig.run(&format!("fds:3:{n}"), bound(60));
    let done = e.done().unwrap_or_default();
    rig.inputs += num(&done, "inputs");
    if done.is_empty() {
        rig.problem("the descriptor sender reported nothing");
    }
    rig.note(format!("fds_sent={}", num(&done, "fds")));
    rig.finish();
}

/// A thread channel attached with guessed tokens, or with another process's token sent from
/// this process, is refused (closed); that process's own sockets, handed to this process,
/// get `EINVAL` for every request and act on nothing (its sentinel, named as the argument,
/// stays as it was); the owner's channel still works and it can attach another.
#[test]
fn guessed_and_stolen_tokens_and_sockets_are_refused() {
    let mut rig = Rig::start("tokens");
    let dev = rig.device();
    let steal = rig.d.dir.0.join("steal");
    let listener = listen(&steal).expect("listen");
    let mut owner = Kid::spawn(&format!("token-owner:{}", steal.display()), &dev, None);
    let line = owner.note(NOTE).expect("the owner's token");
    let f: Vec<&str> = line.split_whitespace().collect();
    assert_eq!((f[0], f[2], f[4]), ("token", "tid", "sentinel"), "{line}");
    let token: u64 = f[1].parse().unwrap();
    let tid: i32 = f[3].parse().unwrap();
    let sentinel: u64 = f[5].parse().unwrap();
    // Its sockets, handed over.
    let conn = accept_within(&listener, NOTE).expect("the owner connects");
    let stolen = match recv(conn.as_raw_fd(), NOTE) {
        Got::Msg(_, fds) if fds.len() == 2 => fds,
        other => panic!("the owner's sockets: {}", describe(&other)),
    };
    let (sp, st) = (stolen[0].as_raw_fd(), stolen[1].as_raw_fd());

    let mut rng = Rng::new(4);
    let mut accepted_tokens = Vec::new();
    let guesses = 500 * scale();
    for i in 0..guesses {
        let guess = match i {
            0 => 0,
            1 => u64::MAX,
            2 => token ^ 1,
            3 => token.wrapping_add(1),
            4 => token.wrapping_sub(1),
            5 => token.rotate_left(32),
            _ => rng.next(),
        };
        let t = if i % 2 == 0 { tid } else { rng.next() as i32 };
        let c = raw_connect(&dev).expect("connect");
        let m = Msg::new(wire::ATTACH).u64(guess).u32(t as u32);
        let _ = send(c.as_raw_fd(), &m.0, &[], Instant::now() + NOTE);
        if !closes_within(c.as_raw_fd(), Duration::from_secs(5)) {
            accepted_tokens.push(format!("guess {guess:#x}"));
        }
    }
    let stolen_tries = 100 * scale();
    for i in 0..stolen_tries {
        let t = if i % 2 == 0 { tid } else { rng.next() as i32 };
        let c = raw_connect(&dev).expect("connect");
        let m = Msg::new(wire::ATTACH).u64(token).u32(t as u32);
        let _ = send(c.as_raw_fd(), &m.0, &[], Instant::now() + NOTE);
        if !closes_within(c.as_raw_fd(), Duration::from_secs(5)) {
            accepted_tokens.push(format!("stolen token, tid {t}"));
        }
    }
    if !accepted_tokens.is_empty() {
        rig.problem(format!("channels attached: {accepted_tokens:?}"));
    }
    // The owner's own sockets, used by this process: each request answered EINVAL.
    let einval = -(libc::EINVAL as i64);
    let requests: Vec<(RawFd, &str, Vec<u8>)> = vec![
        (
            st,
            "ioctl version at its sentinel",
            Msg::new(wire::IOCTL).u32(BINDER_VERSION).u64(sentinel).0,
        ),
        (st, "poll", Msg::new(wire::POLL).0),
        (
            st,
            "inline version",
            Msg::new(wire::IOCTL_INLINE)
                .u32(BINDER_VERSION)
                .u64(sentinel)
                .u32(1)
                .u64(sentinel)
                .u64(4)
                .u32(0)
                .list(&[])
                .bytes(&[])
                .0,
        ),
        (sp, "mmap", Msg::new(wire::MMAP).u64(1 << 20).0),
        (
            sp,
            "mapped",
            Msg::new(wire::MAPPED).u64(sentinel).u64(4096).0,
        ),
        (sp, "unmapped", Msg::new(wire::UNMAPPED).0),
    ];
    let mut wrong = Vec::new();
    for round in 0..5 * scale() {
        for (fd, what, m) in &requests {
            rig.inputs += 1;
            if send(*fd, m, &[], Instant::now() + NOTE).is_err() {
                wrong.push(format!("{what}: send failed"));
                continue;
            }
            match result_within(*fd, Duration::from_secs(5)) {
                Ok(r) if r == einval => {}
                other => wrong.push(format!("round {round}, {what}: {other:?}")),
            }
        }
    }
    if !wrong.is_empty() {
        rig.problem(format!("requests on stolen sockets: {wrong:?}"));
    }
    rig.inputs += guesses + stolen_tries;
    drop(stolen);
    owner.say("check");
    let check = owner.note(NOTE).unwrap_or_else(|| "nothing".into());
    let want = format!(
        "check ret=Ok(0) v={BINDER_CURRENT_PROTOCOL_VERSION} sentinel=0x5e471e1 attach=true"
    );
    if check != want {
        rig.problem(format!("the owner after the theft: {check} (want {want})"));
    }
    rig.judge("token-owner", owner.finish(NOTE));
    rig.finish();
}

/// 3000 connections opened and dropped as fast as they go (connected only, opened, opened
/// without reading, with a channel and a mailbox taken or not, with a receive buffer never
/// mapped, half a message), up to 48 alive at once.
#[test]
fn thousands_of_connections_opened_and_dropped() {
    let mut rig = Rig::start("storm");
    let n = 3000 * scale();
    let t = Instant::now();
    let e = rig.run(&format!("storm:5:{n}"), bound(60));
    let done = e.done().unwrap_or_default();
    rig.inputs += num(&done, "inputs");
    let failed: u64 = done
        .iter()
        .filter(|(k, _)| k.starts_with("failed"))
        .map(|(_, v)| v.parse::<u64>().unwrap_or(0))
        .sum();
    if failed > 0 || done.is_empty() {
        rig.problem(format!("connections that failed: {done:?}"));
    }
    rig.note(format!(
        "per_s={}",
        (n as f64 / t.elapsed().as_secs_f64()) as u64
    ));
    rig.finish();
}

/// A process whose thread channel and process connection never read an answer, flooding
/// them: binderd neither blocks (a well-behaved client is served during the flood) nor
/// grows (a second flood as long as the first leaves its memory where the first did).
#[test]
fn a_connection_that_never_reads_its_answers() {
    let mut rig = Rig::start("noread");
    let n = 20_000 * scale();
    let mut kid = Kid::spawn(&format!("noread:{n}"), &rig.device(), None);
    let mut during = Vec::new();
    for (round, cue) in [("flooded", "more"), ("flooded2", "exit")] {
        match kid.note(bound(60)) {
            Some(l) if l.starts_with(&format!("{round} sent=")) => {}
            other => {
                rig.hangs += 1;
                rig.problem(format!("{round}: {other:?}"));
                break;
            }
        }
        rig.inputs += n;
        let u = rig.d.usage().unwrap_or_default();
        match health_check(&rig.device(), 7) {
            Ok(t) if t <= PROMPT => {}
            other => {
                rig.hangs += 1;
                rig.problem(format!("health check during the flood: {other:?}"));
            }
        }
        during.push(u);
        kid.say(cue);
    }
    if let [first, second] = during[..] {
        rig.note(format!("rss_during={}->{}", first.rss_kb, second.rss_kb));
        if second.rss_kb > first.rss_kb + RSS_MARGIN_KB {
            rig.problem(format!(
                "binderd grew with a second flood: VmRSS {} -> {} kB",
                first.rss_kb, second.rss_kb
            ));
        }
    }
    rig.judge("noread", kid.finish(NOTE));
    rig.finish();
}

/// One process, three threads scribbling on their own mailboxes (random bytes, turns, garbage
/// requests, rings) while a sibling thread calls through the same device: every sibling call
/// succeeds, each scribbler's thread is served normally again afterwards, and another
/// process's calls all succeed throughout. Then a process whose scribblers trample every
/// mailbox of the process, the calling sibling's included: whatever becomes of that process,
/// binderd and everyone else go on.
#[test]
fn threads_scribbling_on_mailboxes_while_a_sibling_calls() {
    let mut rig = Rig::start("scribble");
    let rounds = 3000 * scale();
    // Another process (this one) calls all along.
    let stop = Arc::new(AtomicBool::new(false));
    let calls = Arc::new(AtomicU64::new(0));
    let (tx, rx) = mpsc::channel();
    {
        let (dev, stop, calls) = (rig.device(), stop.clone(), calls.clone());
        std::thread::spawn(move || {
            let d = Device::open(&dev).expect("open");
            let map = d.mmap(256 * 1024).expect("mmap");
            let mut failures = Vec::new();
            let mut i = 0u64;
            while !stop.load(Ordering::SeqCst) {
                let data = format!("bystander {i}").into_bytes();
                match call(&d, &map, HEALTH, &data, Instant::now() + PROMPT) {
                    Ok(r) if r == reversed(&data) => {}
                    other => failures.push(format!("{i}: {other:?}")),
                }
                calls.fetch_add(1, Ordering::SeqCst);
                i += 1;
            }
            let _ = tx.send(failures);
        });
    }
    assert!(wait_until(NOTE, || calls.load(Ordering::SeqCst) >= 3));
    let before = calls.load(Ordering::SeqCst);

    let e = rig.run(&format!("scribble:6:{rounds}:own"), bound(60));
    let done = e.done().unwrap_or_default();
    rig.inputs += num(&done, "inputs");
    let ok = num(&done, "call-ok");
    let served = num(&done, "scribbler-served");
    if done.is_empty()
        || ok == 0
        || ok != num(&done, "calls")
        || served != 3
        || num(&done, "finished") != 3
        || done.get("caller_ended").map(String::as_str) != Some("Ok(true)")
    {
        rig.problem(format!(
            "scribbling on its own mailbox hurt a sibling or itself: {done:?}"
        ));
    }
    rig.note(format!("sibling_calls={ok}"));

    let chaos = Kid::spawn(&format!("scribble:7:{rounds}:all"), &rig.device(), None);
    let e = chaos.finish(bound(30));
    let done = e.done().unwrap_or_default();
    rig.inputs += num(&done, "inputs");
    // What ended it, if it did not end well (its own device, trampled, may close descriptors
    // it does not own or wait for what never comes: its own business).
    let why = e
        .stderr
        .lines()
        .find(|l| l.contains("fatal runtime error") || l.contains("panicked at"))
        .unwrap_or("")
        .to_string();
    rig.note(format!(
        "trampling_process={}{},its_calls_ok={}/{}{}",
        e.how(),
        if e.hung { "-killed" } else { "" },
        num(&done, "call-ok"),
        num(&done, "calls"),
        if why.is_empty() {
            String::new()
        } else {
            format!(",its_end={why}")
        }
    ));

    stop.store(true, Ordering::SeqCst);
    let during = calls.load(Ordering::SeqCst) - before;
    match rx.recv_timeout(NOTE) {
        Ok(f) if f.is_empty() => {}
        Ok(f) => rig.problem(format!("the bystander's calls failed: {f:?}")),
        Err(_) => {
            rig.hangs += 1;
            rig.problem("the bystander did not finish");
        }
    }
    if during == 0 {
        rig.problem("the bystander made no call while the scribblers ran");
    }
    rig.note(format!("bystander_calls={during}"));
    rig.finish();
}

// ---------------------------------------------------------------------------------------------
// Item 3: random pointers through the client side
// ---------------------------------------------------------------------------------------------

/// An ioctl interface to a device: `Device` or the shim's descriptor.
trait Driver: Sync {
    /// `ioctl(cmd, arg)`: its value, or the errno (-1 for a failure that is not one).
    fn ioctl(&self, cmd: u32, arg: u64) -> Result<i32, i32>;
    /// `write_read_buffers`, where there is one.
    fn lent(&self, write: &[u8], read: &mut [u8]) -> Option<(usize, usize, Result<(), i32>)>;
    /// Waits up to `ms` for the calling thread's read to find work.
    fn poll(&self, ms: i32);
}

struct DeviceDriver<'a>(&'a Device);

impl Driver for DeviceDriver<'_> {
    fn ioctl(&self, cmd: u32, arg: u64) -> Result<i32, i32> {
        // SAFETY: that is the test: whatever the pointer, the device must answer as the
        // kernel does without harming this process (every pointer that names memory of ours
        // names the arena or scratch, which exist for the driver to write).
        unsafe { self.0.ioctl(cmd, arg as *mut libc::c_void) }
            .map_err(|e| e.raw_os_error().unwrap_or(-1))
    }
    fn lent(&self, write: &[u8], read: &mut [u8]) -> Option<(usize, usize, Result<(), i32>)> {
        let (w, r, res) = self.0.write_read_buffers(write, read);
        Some((w, r, res.map_err(|e| e.raw_os_error().unwrap_or(-1))))
    }
    fn poll(&self, ms: i32) {
        let _ = self.0.poll(Some(Duration::from_millis(ms.max(0) as u64)));
    }
}

/// `/dev/binder` opened through the C library, served by the shim.
struct ShimDriver(RawFd);

impl Driver for ShimDriver {
    fn ioctl(&self, cmd: u32, arg: u64) -> Result<i32, i32> {
        // SAFETY: as for `DeviceDriver::ioctl`; the descriptor is the device.
        let r = unsafe { libc::ioctl(self.0, cmd as libc::c_ulong, arg) };
        if r < 0 {
            Err(last_errno())
        } else {
            Ok(r)
        }
    }
    fn lent(&self, _: &[u8], _: &mut [u8]) -> Option<(usize, usize, Result<(), i32>)> {
        None
    }
    fn poll(&self, ms: i32) {
        let mut p = libc::pollfd {
            fd: self.0,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        unsafe { libc::poll(&mut p, 1, ms) };
    }
}

fn res_name(r: Result<i32, i32>) -> String {
    match r {
        Ok(_) => "ok".into(),
        Err(e) => errname(e),
    }
}

fn br_name(cmd: u32) -> String {
    match cmd {
        BR_NOOP => "noop".into(),
        BR_FAILED_REPLY => "failed-reply".into(),
        BR_TRANSACTION_COMPLETE => "complete".into(),
        BR_REPLY => "reply".into(),
        BR_DEAD_REPLY => "dead-reply".into(),
        BR_SPAWN_LOOPER => "spawn-looper".into(),
        BR_ERROR => "error".into(),
        c => format!("{c:#x}"),
    }
}

/// What `scratch_bwr` saw: the result, the `binder_write_read` written back, the returns.
type Seen = (Result<i32, i32>, BinderWriteRead, Vec<(u32, Vec<u8>)>);

/// A `BINDER_WRITE_READ` from scratch memory (a known-good `binder_write_read` whose buffers
/// are given): the result, the consumed counts, and the return codes read (when the read
/// buffer is scratch).
fn scratch_bwr(drv: &dyn Driver, s: &Space, write: (u64, u64), read: (u64, u64)) -> Seen {
    let arg = s.scratch;
    let bwr = BinderWriteRead {
        write_size: write.1,
        write_consumed: 0,
        write_buffer: write.0,
        read_size: read.1,
        read_consumed: 0,
        read_buffer: read.0,
    };
    s.write(arg, bwr.as_bytes());
    let r = drv.ioctl(BINDER_WRITE_READ, arg);
    let back = BinderWriteRead::from_bytes(&s.read(arg, 48)).unwrap();
    let rets = if s.writable(read.0, read.1) && back.read_consumed <= read.1 {
        returns(&s.read(read.0, back.read_consumed))
            .into_iter()
            .map(|(c, p)| (c, p.to_vec()))
            .collect()
    } else {
        Vec::new()
    };
    (r, back, rets)
}

/// The kernel's answers to fixed bad pointers and bad commands, checked to the errno (and
/// for transactions, to the returns and the extended error). Mismatches, described.
fn probes(drv: &dyn Driver, s: &Space) -> Vec<String> {
    let mut bad = Vec::new();
    let mut check = |name: &str, got: String, want: &str| {
        if got != want {
            bad.push(format!("{name}: got {got}, want {want}"));
        }
    };
    let page = s.page;
    // Where commands and returns go in scratch.
    let (cmds, rbuf) = (s.scratch + page, s.scratch + 2 * page);
    // The binder_write_read itself.
    for (name, arg) in [
        ("bwr-null", 0),
        ("bwr-low", 0x1000),
        ("bwr-guard-page", s.guard + 8),
        ("bwr-kernel-half", 0xffff_8000_0000_0000),
        ("bwr-top", u64::MAX - 7),
        ("bwr-non-canonical", 1 << 47),
        ("bwr-runs-into-guard", s.arena - 24),
        ("bwr-read-only", s.ro),
    ] {
        check(name, res_name(drv.ioctl(BINDER_WRITE_READ, arg)), "EFAULT");
    }
    // Read-only and readable, but its reads land in the arena: the read happens, the
    // write-back of the counts faults.
    check(
        "bwr-read-only-reading",
        res_name(drv.ioctl(BINDER_WRITE_READ, s.ro + 64)),
        "EFAULT",
    );
    // Misaligned, empty: fine.
    let at = s.arena + 1;
    s.write(at, BinderWriteRead::default().as_bytes());
    check(
        "bwr-misaligned-empty",
        res_name(drv.ioctl(BINDER_WRITE_READ, at)),
        "ok",
    );
    // Write buffers.
    for (name, addr) in [
        ("write-null", 0),
        ("write-kernel-half", 0xffff_8000_0000_0000),
        ("write-guard-page", s.guard),
        ("write-unmapped-hole", s.hole),
        ("write-top", u64::MAX - 1),
    ] {
        let (r, _, _) = scratch_bwr(drv, s, (addr, 4), (0, 0));
        check(name, res_name(r), "EFAULT");
    }
    // Read buffers (nothing to read on a non-blocking device: EAGAIN once BR_NOOP is stored).
    for (name, addr) in [
        ("read-null", 0),
        ("read-kernel-half", 0xffff_8000_0000_0000),
        ("read-receive-buffer", s.rx),
        ("read-read-only-page", s.ro),
        ("read-guard-page", s.guard),
    ] {
        let (r, _, _) = scratch_bwr(drv, s, (0, 0), (addr, 64));
        check(name, res_name(r), "EFAULT");
    }
    // Misaligned and good: nothing to read on a non-blocking device is EAGAIN, the
    // BR_NOOP stored but not counted (as the kernel returns before counting).
    s.write(rbuf + 3, &[0; 4]);
    let (r, back, _) = scratch_bwr(drv, s, (0, 0), (rbuf + 3, 256));
    check(
        "read-misaligned",
        format!(
            "{} consumed={} first={}",
            res_name(r),
            back.read_consumed,
            br_name(u32::from_ne_bytes(s.read(rbuf + 3, 4).try_into().unwrap()))
        ),
        "EAGAIN consumed=0 first=noop",
    );
    // An unknown command.
    s.write(cmds, &0xdead_beefu32.to_ne_bytes());
    let (r, _, _) = scratch_bwr(drv, s, (cmds, 4), (0, 0));
    check("unknown-command", res_name(r), "EINVAL");
    // Transactions the driver cannot take: BR_FAILED_REPLY in the same call's read, and the
    // reason in the extended error.
    let data = s.scratch + 3 * page;
    s.write(data, b"0123456789abcdef");
    let txn = |handle: u32, d: u64, ds: u64, o: u64, os: u64| {
        let mut td = BinderTransactionData::default();
        td.set_target_handle(handle);
        td.code = HEALTH;
        td.data_size = ds;
        td.offsets_size = os;
        td.set_data_ptr(d, o);
        let mut w = Vec::new();
        push_cmd(&mut w, BC_TRANSACTION, td.as_bytes());
        w
    };
    let ee_at = s.scratch + 3 * page + 512;
    for (name, w, param) in [
        ("txn-data-null", txn(0, 0, 8, 0, 0), -libc::EFAULT),
        (
            "txn-data-kernel-half",
            txn(0, 0xffff_8000_0000_0000, 8, 0, 0),
            -libc::EFAULT,
        ),
        (
            "txn-offsets-guard",
            txn(0, data, 16, s.guard, 8),
            -libc::EFAULT,
        ),
        (
            "txn-offsets-size-7",
            txn(0, data, 16, data, 7),
            -libc::EINVAL,
        ),
        (
            "txn-bad-handle",
            txn(0x7fff_0001, data, 8, 0, 0),
            -libc::EINVAL,
        ),
    ] {
        s.write(cmds, &w);
        let (r, back, rets) = scratch_bwr(drv, s, (cmds, w.len() as u64), (rbuf, 256));
        let codes: Vec<String> = rets.iter().map(|r| br_name(r.0)).collect();
        check(
            name,
            format!(
                "{} consumed={} {}",
                res_name(r),
                back.write_consumed,
                codes.join(",")
            ),
            &format!("ok consumed={} noop,failed-reply", w.len()),
        );
        s.write(ee_at, &[0xffu8; 12]);
        let ee = drv.ioctl(BINDER_GET_EXTENDED_ERROR, ee_at).map(|_| {
            let e = BinderExtendedError::from_bytes(&s.read(ee_at, 12)).unwrap();
            (br_name(e.command), e.param)
        });
        check(
            &format!("{name}-extended-error"),
            format!("{ee:?}"),
            &format!("{:?}", Ok::<_, i32>(("failed-reply".to_string(), param))),
        );
    }
    // A good call gets its reply.
    let w = txn(0, data, 16, 0, 0);
    s.write(cmds, &w);
    // (A non-blocking read right after a call may find nothing yet: the kernel holds
    // BR_TRANSACTION_COMPLETE back until the reply comes.)
    let (mut r, _, mut rets) = scratch_bwr(drv, s, (cmds, w.len() as u64), (rbuf, 256));
    let deadline = Instant::now() + Duration::from_secs(5);
    while !rets.iter().any(|r| r.0 == BR_REPLY)
        && matches!(r, Ok(_) | Err(libc::EAGAIN))
        && Instant::now() < deadline
    {
        drv.poll(100);
        let (r2, _, more) = scratch_bwr(drv, s, (0, 0), (rbuf, 256));
        r = r2;
        rets.extend(more);
    }
    let r = r.or_else(|e| if e == libc::EAGAIN { Ok(0) } else { Err(e) });
    let reply = rets.iter().find(|r| r.0 == BR_REPLY).map(|r| {
        let td = BinderTransactionData::from_bytes(&r.1).unwrap();
        let inside = td.data_buffer() >= s.rx
            && td.data_buffer() + td.data_size <= s.rx + s.rx_len
            && td.data_size == 16;
        let got = inside.then(|| {
            // SAFETY: inside the receive buffer, checked above.
            unsafe { std::slice::from_raw_parts(td.data_buffer() as *const u8, 16) }.to_vec()
        });
        let mut free = Vec::new();
        push_cmd(&mut free, BC_FREE_BUFFER, &td.data_buffer().to_ne_bytes());
        s.write(cmds, &free);
        let _ = scratch_bwr(drv, s, (cmds, free.len() as u64), (0, 0));
        got.map(|g| String::from_utf8_lossy(&g).into_owned())
    });
    check(
        "txn-good",
        format!("{} {reply:?}", res_name(r)),
        "ok Some(Some(\"fedcba9876543210\"))",
    );
    // A buffer whose end wraps past the top of the address space, for the driver to write:
    // the returns of a read, and an unknown ioctl's argument. Each on a thread of its own
    // (what breaks one thread's channel leaves the others).
    let v = s.scratch + 3 * page + 1024;
    let fresh = |f: &(dyn Fn() -> Result<i32, i32> + Sync)| {
        std::thread::scope(|sc| {
            sc.spawn(|| (res_name(f()), res_name(drv.ioctl(BINDER_VERSION, v))))
                .join()
                .unwrap()
        })
    };
    let (r, after) = fresh(&|| scratch_bwr(drv, s, (0, 0), (u64::MAX - 15, 256)).0);
    check("read-wrapping-top", r, "EFAULT");
    check("version-after-read-wrapping-top", after, "ok");
    let (r, after) = fresh(&|| drv.ioctl(0xb004_c0ef, u64::MAX - 15));
    check("unknown-ioctl-wrapping-top", r, "EINVAL");
    check("version-after-unknown-ioctl-wrapping-top", after, "ok");
    bad
}

/// The buffers of replies and transactions among `rets` (the caller frees them).
fn buffers_in(rets: &[u8], s: &Space, frees: &mut Vec<u64>) {
    for (cmd, p) in returns(rets) {
        if matches!(cmd, BR_REPLY | BR_TRANSACTION | BR_TRANSACTION_SEC_CTX) {
            let td = BinderTransactionData::from_bytes(p).unwrap();
            if td.data_buffer() >= s.rx && td.data_buffer() < s.rx + s.rx_len {
                frees.push(td.data_buffer());
            }
        }
    }
}

/// Frees what random calls received and reads what waits, until nothing does; then checks
/// the channel still answers `BINDER_VERSION`.
fn tidy(drv: &dyn Driver, s: &Space, frees: &mut Vec<u64>, t: &mut Tally) {
    let (cmds, rbuf) = (s.scratch + s.page, s.scratch + 2 * s.page);
    for _ in 0..16 {
        let mut w = Vec::new();
        for f in frees.drain(..).take(64) {
            push_cmd(&mut w, BC_FREE_BUFFER, &f.to_ne_bytes());
        }
        s.write(cmds, &w);
        let (r, back, _) = scratch_bwr(drv, s, (cmds, w.len() as u64), (rbuf, 2048));
        if back.read_consumed <= 2048 {
            buffers_in(&s.read(rbuf, back.read_consumed), s, frees);
        }
        match r {
            Err(e) if e == libc::EAGAIN => break,
            Err(e) => {
                t.add(format!("tidy-{}", errname(e)));
                break;
            }
            Ok(_) => {}
        }
    }
    let v = s.scratch + 3 * s.page + 1024;
    s.write(v, &[0; 4]);
    let r = drv.ioctl(BINDER_VERSION, v);
    let got = i32::from_ne_bytes(s.read(v, 4).try_into().unwrap());
    if r != Ok(0) || got != BINDER_CURRENT_PROTOCOL_VERSION {
        t.add(format!("version-broken-{}", res_name(r)));
    }
}

/// `n` random inputs: `BINDER_WRITE_READ` with its `binder_write_read` anywhere and filled
/// at random (command streams of random commands with random pointers; read buffers
/// anywhere the driver may write; sizes from 0 to 2^64-1; consumed counts inside and past
/// the sizes), lent buffers of random commands and sizes, other ioctls with bad arguments.
fn batch(drv: &dyn Driver, s: &Space, seed: u64, n: u64) -> Tally {
    // Each part on a fresh thread (a thread channel of its own): a channel something broke
    // does not hide what the inputs after it would do.
    const PER_THREAD: u64 = 500;
    let mut total = Tally::default();
    let mut first_broken = None;
    let mut done = 0;
    while done < n {
        let k = PER_THREAD.min(n - done);
        let (t, broken) = std::thread::scope(|sc| {
            sc.spawn(|| batch_part(drv, s, seed.wrapping_mul(1000) + done, done, k))
                .join()
                .expect("a part of the batch panicked")
        });
        for (key, v) in t.0 {
            total.add_n(key, v);
        }
        first_broken = first_broken.or(broken);
        done += k;
    }
    if let Some(b) = first_broken {
        tell(&format!("first-broken {b}"));
    }
    total
}

/// Inputs `from..from + n` of a batch, on the calling thread; the first input that broke the
/// device, described.
fn batch_part(
    drv: &dyn Driver,
    s: &Space,
    seed: u64,
    from: u64,
    n: u64,
) -> (Tally, Option<String>) {
    let mut rng = Rng::new(seed);
    let mut t = Tally::default();
    let mut frees = Vec::new();
    let mut first_broken = None;
    for i in from..from + n {
        let what;
        let r = match rng.below(10) {
            0..=5 => {
                let (arg, planted) = s.plant_bwr(&mut rng);
                if planted.is_some() {
                    let b = BinderWriteRead::from_bytes(&s.read(arg, 48)).unwrap();
                    what = format!("bwr@{arg:#x}:{b:?}");
                } else {
                    what = format!("bwr@{arg:#x}");
                }
                let r = drv.ioctl(BINDER_WRITE_READ, arg);
                if let Some((rb, rs)) = planted {
                    let back = BinderWriteRead::from_bytes(&s.read(arg, 48)).unwrap();
                    let n = back.read_consumed.min(rs);
                    if s.writable(rb, n) {
                        buffers_in(&s.read(rb, n), s, &mut frees);
                    }
                }
                r
            }
            6 | 7 if drv.lent(&[], &mut []).is_some() => {
                let w = s.commands(&mut rng);
                let mut read = vec![0u8; rng.pick(&[0, 4, 7, 64, 256, 4096, 6144, 6145, 8192])];
                what = format!("lent write={} read={}", hex(&w), read.len());
                let (wc, rc, r) = drv.lent(&w, &mut read).unwrap();
                if wc > w.len() || rc > read.len() {
                    t.add("lent-counts-out-of-range");
                }
                buffers_in(&read[..rc.min(read.len())], s, &mut frees);
                r.map(|()| 0)
            }
            _ => {
                let cmd = if rng.one_in(6) {
                    rng.next() as u32
                } else {
                    rng.pick(CMDS)
                };
                let arg = s.dst(&mut rng);
                what = format!("ioctl {cmd:#x} {arg:#x}");
                drv.ioctl(cmd, arg)
            }
        };
        match r {
            Ok(_) => t.add("ok"),
            Err(e @ (libc::ECONNREFUSED | libc::ECONNRESET | libc::EPIPE | -1)) => {
                if first_broken.is_none() {
                    first_broken = Some(format!("input {i}: {what}: {}", errname(e)));
                }
                t.add(format!("broken-{}", errname(e)))
            }
            Err(e) => t.add(errname(e)),
        }
        if i % 32 == 31 {
            tidy(drv, s, &mut frees, &mut t);
        }
    }
    tidy(drv, s, &mut frees, &mut t);
    (t, first_broken)
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Makes this process's memory unreadable to a binderd of the same uid (as root, binderd
/// runs as another uid instead).
fn hide_memory() {
    if !is_root() {
        // SAFETY: plain prctl.
        assert_eq!(unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) }, 0);
    }
}

/// Item 3 through `Device`: says `inline <bool>`, `probe-mismatch <...>` for each fixed
/// probe answered otherwise than the kernel answers, then `done inputs=N <outcomes>`.
fn role_wr_device(dev: &Path, seed: u64, n: u64, inline: bool) {
    if inline {
        hide_memory();
    }
    let d = Device::open_nonblocking(dev).expect("open");
    let map = d.mmap((1 << 20) - 8192).expect("mmap");
    tell(&format!("inline {}", d.is_inline()));
    let s = Space::new(Some((map.as_ptr() as u64, map.len() as u64)), seed);
    let drv = DeviceDriver(&d);
    for m in probes(&drv, &s) {
        tell(&format!("probe-mismatch {m}"));
    }
    let t = batch(&drv, &s, seed, n);
    tell(&format!("done inputs={n} {t}"));
}

/// Item 3 through the shim: `/dev/binder` opened, mapped and driven with the C library's
/// `open`, `mmap` and `ioctl` (run under binder-run). Says `opened`, the probe mismatches,
/// then `done ...`.
fn role_wr_shim(seed: u64, n: u64) {
    // SAFETY: plain C library calls on a path and a descriptor of ours.
    let fd = unsafe {
        libc::open(
            c"/dev/binder".as_ptr(),
            libc::O_RDWR | libc::O_CLOEXEC | libc::O_NONBLOCK,
        )
    };
    if fd < 0 {
        tell(&format!("open-failed {}", errname(last_errno())));
        return;
    }
    let len = (1usize << 20) - 8192;
    // SAFETY: mapping the device read-only, as a Binder program does.
    let map = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_READ,
            libc::MAP_PRIVATE,
            fd,
            0,
        )
    };
    if map == libc::MAP_FAILED {
        tell(&format!("mmap-failed {}", errname(last_errno())));
        return;
    }
    tell("opened");
    let s = Space::new(Some((map as u64, len as u64)), seed);
    let drv = ShimDriver(fd);
    for m in probes(&drv, &s) {
        tell(&format!("probe-mismatch {m}"));
    }
    let t = batch(&drv, &s, seed, n);
    tell(&format!("done inputs={n} {t}"));
}

/// Checks an item-3 child's notes: no probe answered otherwise than the kernel, no channel
/// broken, the version still answered.
fn judge_pointers(rig: &mut Rig, e: &Ended, n: u64) {
    let mismatches: Vec<&String> = e
        .notes
        .iter()
        .filter(|l| l.starts_with("probe-mismatch"))
        .collect();
    if !mismatches.is_empty() {
        rig.problem(format!("answers other than the kernel's: {mismatches:#?}"));
    }
    let done = e.done().unwrap_or_default();
    rig.inputs += num(&done, "inputs");
    let broken: Vec<(&String, &String)> = done
        .iter()
        .filter(|(k, _)| k.starts_with("broken") || k.starts_with("version") || k.contains("range"))
        .collect();
    if !broken.is_empty() || num(&done, "inputs") != n {
        let first: Vec<&String> = e
            .notes
            .iter()
            .filter(|l| l.starts_with("first-broken"))
            .collect();
        rig.problem(format!("the caller's device broke: {done:?} {first:?}"));
    }
    let ok = num(&done, "ok");
    rig.note(format!(
        "ok={ok},EFAULT={},EINVAL={},EAGAIN={}",
        num(&done, "EFAULT"),
        num(&done, "EINVAL"),
        num(&done, "EAGAIN")
    ));
}

/// Random `BINDER_WRITE_READ`s and other ioctls with random pointers and sizes through
/// `Device` (the mailbox path): the kernel's answers to the fixed probes, and thousands of
/// random inputs in a child that exits normally.
#[test]
fn random_pointers_through_device_never_crash_the_caller() {
    let mut rig = Rig::start("ptr-device");
    let n = 5000 * scale();
    let e = rig.run(&format!("wr-device:8:{n}"), bound(90));
    if !e.notes.iter().any(|l| l == "inline false") {
        rig.problem(format!("expected the mailbox path: {:?}", e.notes.first()));
    }
    judge_pointers(&mut rig, &e, n);
    rig.finish();
}

/// The same on the inline path (binderd as uid 65534 when root, else a non-dumpable client),
/// where the device gathers what the ioctl may touch from its own memory.
///
/// Found here (fixed: the device lists no region that wraps): a buffer the driver is to write whose end
/// wraps past the top of the address space (a read buffer at `u64::MAX - 15`, or the
/// argument of an ioctl that writes its argument) is listed by the device as a write-only
/// region (`inline::Gather::write_only` checks the length, not `addr + len`); binderd takes a
/// region that wraps for a malformed message and closes the thread's channel, so that call
/// and every later one of that thread fail with `ECONNREFUSED` ("binderd is gone") instead of
/// `EFAULT`/`EINVAL`. See the `*-wrapping-top` probes.
#[test]
fn random_pointers_through_device_inline_never_crash_the_caller() {
    let mut rig = Rig::start_as("ptr-inline", is_root().then_some(65534));
    let n = 3000 * scale();
    let e = rig.run(&format!("wr-device:9:{n}:inline"), bound(90));
    if !e.notes.iter().any(|l| l == "inline true") {
        rig.problem(format!("expected the inline path: {:?}", e.notes.first()));
    }
    judge_pointers(&mut rig, &e, n);
    rig.finish();
}

/// binder-run and the shim, as the workspace's build leaves them beside this test's target
/// directory; built if missing.
fn binder_run() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap();
    let run = dir.join("binder-run");
    let shim = |d: &Path| d.join("libbinder_sim_preload.so").exists();
    if !run.exists() || !(shim(dir) || shim(&dir.join("deps"))) {
        let status = Command::new(env!("CARGO"))
            .args(["build", "-p", "binder-sim-preload"])
            .status()
            .expect("cargo build binder-sim-preload");
        assert!(status.success());
    }
    run
}

/// The same through the `/dev/binder` shim: a program (this test binary) that opens, maps
/// and drives `/dev/binder` with the C library's `open`, `mmap` and `ioctl`, run under
/// binder-run against the test's binderd.
#[test]
fn random_pointers_through_the_shim_never_crash_the_caller() {
    let run = binder_run();
    let mut rig = Rig::start("ptr-shim");
    let n = 5000 * scale();
    let kid = Kid::spawn(
        &format!("wr-shim:10:{n}"),
        &rig.device(),
        Some((&run, &rig.d.dir.0)),
    );
    let e = rig.judge("wr-shim", kid.finish(bound(90)));
    if !e.notes.iter().any(|l| l == "opened") {
        rig.problem(format!(
            "the program could not open /dev/binder: {:?}",
            e.notes
        ));
    }
    judge_pointers(&mut rig, &e, n);
    rig.finish();
}

// ---------------------------------------------------------------------------------------------
// Bugs found by this file (the tests fail until they are fixed)
// ---------------------------------------------------------------------------------------------

/// Hands binderd the client's own process connection and thread channel, attached to a
/// message binderd keeps (`chunk`: a `CHUNK` on the channel; `parked`: an inline
/// `BINDER_WRITE_READ` whose read parks, on a blocking process), then exits. Says `sent`.
fn role_cycle(dev: &Path, how: &str) {
    let (p, token) = raw_open(dev, how != "parked", true).expect("open");
    let t = raw_attach(dev, token, gettid()).expect("attach");
    let fds = [p.as_raw_fd(), t.as_raw_fd()];
    let numbers: Vec<u32> = fds.iter().map(|&f| f as u32).collect();
    if how == "parked" {
        let bwr = Box::new(BinderWriteRead::default());
        let read = Box::new([0u8; 256]);
        let arg = &*bwr as *const BinderWriteRead as u64;
        let b = BinderWriteRead {
            read_size: 256,
            read_buffer: read.as_ptr() as u64,
            ..Default::default()
        };
        let read_only = |fds: &[u32]| {
            Msg::new(wire::IOCTL_INLINE)
                .u32(BINDER_WRITE_READ)
                .u64(arg)
                .u32(2)
                .u64(arg)
                .u64(48)
                .u32(1)
                .u64(b.read_buffer)
                .u64(256)
                .u32(0)
                .list(fds)
                .bytes(b.as_bytes())
        };
        // The read parks (nothing to read, a blocking process), holding the descriptors.
        send(
            t.as_raw_fd(),
            &read_only(&numbers).0,
            &fds,
            Instant::now() + NOTE,
        )
        .expect("send");
        match recv(t.as_raw_fd(), Duration::from_millis(200)) {
            Got::Timeout => {}
            other => tell(&format!("answered {}", describe(&other))),
        }
        std::mem::forget((bwr, read));
    } else {
        let m = Msg::new(wire::CHUNK).bytes(b"held").list(&numbers);
        send(t.as_raw_fd(), &m.0, &fds, Instant::now() + NOTE).expect("send");
    }
    tell("sent");
}

/// Found here (fixed: binderd watches each opener's pidfd and releases the process when it
/// exits). A client that attaches its own process
/// connection and thread channel to a message binderd keeps — a `CHUNK` ahead of an inline
/// ioctl, or an inline ioctl whose read parks — and then exits is never released: binderd
/// holds the client ends of those two sockets itself, so it never sees them close, and it
/// releases a process only when its connection closes. The process (its buffer, pidfd,
/// sockets, doorbells, and everything it held in the driver) stays for binderd's lifetime;
/// each such exit leaks five descriptors (binderd's ends of both sockets, the client ends it
/// holds, the pidfd), which any process can repeat.
#[test]
fn a_client_that_hands_binderd_its_own_sockets_is_released_when_it_exits() {
    let mut rig = Rig::start("self-held");
    for how in ["chunk", "parked"] {
        let e = rig.run(&format!("cycle:{how}"), NOTE);
        if !e.notes.iter().any(|l| l == "sent") {
            rig.problem(format!("{how}: the client did not send: {:?}", e.notes));
        }
        rig.inputs += 1;
    }
    rig.finish();
}

/// Sends, on a thread channel, an `IOCTL_INLINE` (`BINDER_VERSION`) whose encoding is exactly
/// as long as binderd's receive buffer, followed by 1000 more bytes in the same packet. Says
/// `answer <what came back>`.
fn role_truncated_prefix(dev: &Path) {
    let (_p, token) = raw_open(dev, true, true).expect("open");
    let t = raw_attach(dev, token, gettid()).expect("attach");
    let v = Box::new([0u8; 8]);
    let arg = v.as_ptr() as u64;
    // kind, cmd, arg, region count, one region, fd count, byte count: 48 bytes.
    let fill = wire::MAX_MSG - 48;
    let mut m = Msg::new(wire::IOCTL_INLINE)
        .u32(BINDER_VERSION)
        .u64(arg)
        .u32(1)
        .u64(arg)
        .u64(fill as u64)
        .u32(1)
        .list(&[])
        .bytes(&vec![0u8; fill])
        .0;
    assert_eq!(m.len(), wire::MAX_MSG);
    m.extend_from_slice(&[0xee; 1000]);
    send(t.as_raw_fd(), &m, &[], Instant::now() + NOTE).expect("send");
    let answer = match recv(t.as_raw_fd(), Duration::from_secs(5)) {
        Got::Eof | Got::Err(_) => "closed".to_string(),
        other => describe(&other),
    };
    tell(&format!("answer {answer}"));
}

/// Found here (fixed: a packet cut by the kernel, `MSG_TRUNC`, is malformed). A packet longer than binderd's receive
/// buffer (`MAX_MSG`, 96 KiB) is cut by the kernel, and binderd decodes what fits without
/// looking at `MSG_TRUNC`: when those first 96 KiB happen to be a whole message, binderd runs
/// it (here an inline `BINDER_VERSION`, answered `ret 0`) instead of closing the connection
/// as for any other malformed message. Harmless to others (the sender only confuses itself),
/// but the message run is not the message sent.
#[test]
fn an_oversized_packet_is_refused_not_run_as_its_first_96_kib() {
    let mut rig = Rig::start("trunc");
    let e = rig.run("truncated-prefix", NOTE);
    rig.inputs += 1;
    let answer = e
        .notes
        .iter()
        .find_map(|l| l.strip_prefix("answer "))
        .unwrap_or("none")
        .to_string();
    if answer != "closed" {
        rig.problem(format!(
            "a {}-byte packet was run as its first {} bytes: {answer}",
            wire::MAX_MSG + 1000,
            wire::MAX_MSG
        ));
    }
    rig.finish();
}

/// On a thread channel with nothing to install, an `INSTALLED` whose errno is `i32::MIN`.
/// Says `answer <what came back>`.
fn role_installed_min(dev: &Path) {
    let (_p, token) = raw_open(dev, true, true).expect("open");
    let t = raw_attach(dev, token, gettid()).expect("attach");
    let m = Msg::new(wire::INSTALLED).u32(i32::MIN as u32);
    send(t.as_raw_fd(), &m.0, &[], Instant::now() + NOTE).expect("send");
    let answer = match recv(t.as_raw_fd(), Duration::from_secs(5)) {
        Got::Eof | Got::Err(_) => "closed".to_string(),
        other => describe(&other),
    };
    tell(&format!("answer {answer}"));
}

/// Found by `every_message_kind_with_random_fields` (fixed: no negation overflows). An `INSTALLED`
/// message carrying the errno `i32::MIN` (the decoder accepts any negative value) makes the
/// worker serving it panic: `Errno(-e)` overflows (server.rs, `Request::Installed`). The
/// panic is caught and the connection closed, but a request no client can be trusted not to
/// send must not panic binderd. The client is answered (EINVAL: nothing was being installed)
/// or closed; either will do.
#[test]
fn an_installed_answer_with_the_lowest_errno_does_not_panic_binderd() {
    let mut rig = Rig::start("installed-min");
    let e = rig.run("installed-min", NOTE);
    rig.inputs += 1;
    rig.note(
        e.notes
            .iter()
            .find_map(|l| l.strip_prefix("answer "))
            .unwrap_or("none")
            .to_string(),
    );
    rig.finish();
}

//! The fast path (a mailbox per binder thread: a shared memfd with a futex turn word and an
//! eventfd doorbell) against hostile clients, deaths and crowds: a client scribbling over its
//! own mailbox, SIGKILL of a client blocked on its futex and of a server mid-reply, SIGKILL of
//! binderd under 16 waiting ioctls, 64 threads of one process calling at once, and a thread
//! that exits without `BC_THREAD_EXIT`.
//!
//! Every multi-process behaviour runs in real processes: children are this test binary re-run
//! in a role (see `child_roles`), and where binderd itself might crash or must be killed it is
//! the real `binderd` binary (`DaemonProc`). Every wait is bounded.
//!
//! The tests run as root and as an ordinary user (binderd then runs as the same uid and
//! reads its clients' memory, so every client here has a mailbox).

mod common;

use std::collections::{BTreeMap, HashSet};
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Barrier};
use std::time::{Duration, Instant};

use binder_sim::driver::uapi::*;
use common::*;

// Transaction codes the roles know.

/// Ends a manager (one-way): the process exits.
const EXIT: u32 = 1;
/// The manager says `got <sender pid>` and keeps the call unanswered (until told `reply`,
/// for a manager with the `cue` option).
const HOLD: u32 = 2;
/// The manager answers with the data reversed.
const ECHO: u32 = 9;

/// How long a test waits for a child's note.
const NOTE: Duration = Duration::from_secs(8);

/// Dispatches a child's role; a no-op in a normal test run.
#[test]
fn child_roles() {
    let Ok(role) = std::env::var(ROLE) else {
        return;
    };
    let dev = PathBuf::from(std::env::var(DEV).unwrap());
    let mut parts = role.split(':');
    let name = parts.next().unwrap();
    let opts: Vec<&str> = parts.collect();
    match name {
        "manager" => manager(&dev, &opts),
        "caller" => caller(&dev, &opts),
        "scribbler" => scribbler(&dev),
        "holders" => holders(&dev),
        "hold-callers" => hold_callers(&dev),
        "thread-exit" => thread_exit_child(&dev),
        "forker" => forker(&dev),
        other => panic!("unknown role {other}"),
    }
    std::process::exit(0);
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn gettid() -> i32 {
    // SAFETY: plain syscall.
    unsafe { libc::gettid() }
}

fn errno_of(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(libc::ECONNREFUSED) => "ECONNREFUSED".into(),
        Some(libc::ECONNRESET) => "ECONNRESET".into(),
        Some(libc::EPIPE) => "EPIPE".into(),
        Some(libc::EINVAL) => "EINVAL".into(),
        Some(libc::EAGAIN) => "EAGAIN".into(),
        Some(n) => format!("errno{n}"),
        None => format!("io:{:?}", e.kind()),
    }
}

/// Polls `cond` every few milliseconds until it holds or `timeout` passes; whether it held.
/// (A bounded wait for a condition another process makes true, not a synchronisation by
/// sleeping: the condition is what is checked.)
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

/// The system call thread `tid` of `pid` is blocked in (`/proc/PID/task/TID/syscall`), or
/// `None` when it is running or cannot be read.
fn blocked_syscall(pid: i32, tid: i32) -> Option<i64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/task/{tid}/syscall")).ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Waits (at most `timeout`) until thread `tid` of `pid` is seen asleep in `futex`: a thread
/// waiting for its mailbox's turn.
fn seen_in_futex(pid: i32, tid: i32, timeout: Duration) -> bool {
    wait_until(timeout, || {
        blocked_syscall(pid, tid) == Some(libc::SYS_futex)
    })
}

/// Descriptors open in process `pid`.
fn fd_count(pid: i32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .map(|d| d.count())
        .unwrap_or(usize::MAX)
}

/// What process `pid`'s descriptors are, by number (for failure messages).
fn fd_table(pid: i32) -> BTreeMap<i32, String> {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .into_iter()
        .flatten()
        .filter_map(|e| {
            let e = e.ok()?;
            let n = e.file_name().to_str()?.parse().ok()?;
            Some((n, std::fs::read_link(e.path()).ok()?.display().to_string()))
        })
        .collect()
}

/// Mappings of binderd's mailbox memfds in process `pid`.
fn mailbox_maps(pid: i32) -> usize {
    std::fs::read_to_string(format!("/proc/{pid}/maps"))
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains("binder-mailbox"))
        .count()
}

/// The descriptors open in this process (the directory's own is left out).
fn own_fds() -> HashSet<i32> {
    let fds: Vec<i32> = std::fs::read_dir("/proc/self/fd")
        .expect("read /proc/self/fd")
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .collect();
    fds.into_iter()
        // SAFETY: F_GETFD only looks the number up.
        .filter(|&fd| unsafe { libc::fcntl(fd, libc::F_GETFD) } >= 0)
        .collect()
}

/// One call to its end: the returns read until a reply or an error return.
fn call(c: &Client, handle: u32, code: u32, data: &[u8]) -> io::Result<Vec<Br>> {
    c.read_until_txn(&Cmds::new().call(handle, code, data).bytes)
}

/// The outcome of a call: `Ok(data)` for a reply (its buffer freed), else the error return.
fn call_outcome(c: &Client, code: u32, data: &[u8]) -> Result<Vec<u8>, String> {
    let got = call(c, 0, code, data).map_err(|e| format!("err {}", errno_of(&e)))?;
    match got
        .iter()
        .rev()
        .find(|b| !matches!(b, Br::Noop | Br::TransactionComplete))
    {
        Some(Br::Reply(r)) => {
            let d = r.data.clone();
            c.write_read(&Cmds::new().free(r.td.data_buffer()).bytes, 0)
                .map_err(|e| format!("free: {}", errno_of(&e)))?;
            Ok(d)
        }
        Some(Br::DeadReply) => Err("dead".into()),
        Some(Br::FailedReply) => Err("failed".into()),
        other => Err(format!("other {other:?} in {got:?}")),
    }
}

fn reversed(d: &[u8]) -> Vec<u8> {
    let mut v = d.to_vec();
    v.reverse();
    v
}

/// The real binderd (as `DaemonProc`, stopped and reaped on drop), with what it logs kept
/// so that a test can look for errors: binderd survives a panic in a worker (it ends only
/// that connection), so staying alive alone does not show it never panicked.
fn binderd_logged(tag: &str) -> (DaemonProc, Arc<std::sync::Mutex<Vec<String>>>) {
    use std::io::BufRead;
    let dir = TempDir::new(tag);
    let mut child = std::process::Command::new(binderd_path())
        .args(["--dir", dir.0.to_str().unwrap(), "--devices", "binder"])
        .env("RUST_LOG", "info")
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn binderd");
    let stderr = child.stderr.take().unwrap();
    let log = Arc::new(std::sync::Mutex::new(Vec::new()));
    let (tx, rx) = mpsc::channel();
    {
        let log = log.clone();
        std::thread::spawn(move || {
            let mut sent = false;
            for line in io::BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if !sent && line.contains("binderd serving") {
                    sent = tx.send(()).is_ok();
                }
                log.lock().unwrap().push(line);
            }
        });
    }
    let d = DaemonProc { child, dir };
    // (On failure, dropping `d` stops and reaps binderd.)
    rx.recv_timeout(NOTE).expect("binderd serves");
    (d, log)
}

/// The lines binderd logged at `ERROR` or about a panic.
fn errors_in(log: &std::sync::Mutex<Vec<String>>) -> Vec<String> {
    log.lock()
        .unwrap()
        .iter()
        .filter(|l| l.contains("ERROR") || l.to_lowercase().contains("panic"))
        .cloned()
        .collect()
}

/// SIGKILL to our child `pid`, not reaped (its `Child` does that, so the pid stays ours).
fn sigkill(pid: i32) {
    // SAFETY: signalling our own, unreaped child.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGKILL) }, 0);
}

// ---------------------------------------------------------------------------------------------
// Roles
// ---------------------------------------------------------------------------------------------

/// A context manager. Options: `threads=N` (N looper threads, default 1), `cue` (a held call
/// is answered `late` when the parent says `reply`, and the returns of that reply are told as
/// `replied <returns>`).
///
/// Says `ready`; PING gets an empty reply, ECHO the data reversed, HOLD is told as
/// `got <sender pid> by <tid>` and kept; EXIT ends the process.
fn manager(dev: &Path, opts: &[&str]) {
    let threads: usize = opts
        .iter()
        .find_map(|o| o.strip_prefix("threads="))
        .map_or(1, |n| n.parse().unwrap());
    let cue = opts.contains(&"cue");
    let c = Arc::new(Client::open(dev));
    c.dev.set_context_mgr().unwrap();
    let entered = Arc::new(Barrier::new(threads));
    for _ in 1..threads {
        let (c, entered) = (c.clone(), entered.clone());
        std::thread::spawn(move || {
            c.write_read(&Cmds::new().code(BC_ENTER_LOOPER).bytes, 0)
                .unwrap();
            entered.wait();
            serve_loop(&c, cue);
        });
    }
    c.write_read(&Cmds::new().code(BC_ENTER_LOOPER).bytes, 0)
        .unwrap();
    // Every looper has entered before anyone calls.
    entered.wait();
    tell("ready");
    serve_loop(&c, cue);
}

/// A manager's looper: serves transactions until EXIT (see `manager`).
fn serve_loop(c: &Client, cue: bool) {
    loop {
        for br in c.read_until_txn(&[]).unwrap() {
            let Br::Transaction(t) = br else { continue };
            let buf = t.td.data_buffer();
            match t.td.code {
                EXIT => std::process::exit(0),
                PING => {
                    c.write_read(&Cmds::new().free(buf).reply(&[]).bytes, 0)
                        .unwrap();
                }
                HOLD => {
                    tell(&format!("got {} by {}", t.td.sender_pid, gettid()));
                    if cue {
                        assert_eq!(hear(), "reply");
                        let got = c
                            .write_read(&Cmds::new().free(buf).reply(b"late").bytes, 256)
                            .map_err(|e| errno_of(&e));
                        tell(&format!("replied {got:?}"));
                    }
                }
                _ => {
                    c.write_read(&Cmds::new().free(buf).reply(&reversed(&t.data)).bytes, 0)
                        .unwrap();
                }
            }
        }
    }
}

/// A caller. Options: `hold` (one HOLD call, after telling `calling <tid>`; its outcome is
/// told, though a caller killed while it waits never tells it).
fn caller(dev: &Path, opts: &[&str]) {
    let c = Client::open(dev);
    if opts.contains(&"hold") {
        tell(&format!("calling {}", gettid()));
        let r = call_outcome(&c, HOLD, b"hold");
        tell(&format!("outcome {r:?}"));
    }
}

/// Process A of the binderd-kill test: the context manager, with 8 looper threads that each
/// take one HOLD call (`held <tid>`), then read again (`parked <tid>`) and block there; each
/// tells how its read ended (`fail <tid> <errno>`).
fn holders(dev: &Path) {
    let c = Arc::new(Client::open(dev));
    c.dev.set_context_mgr().unwrap();
    let start = Arc::new(Barrier::new(9));
    let mut handles = Vec::new();
    for _ in 0..8 {
        let c = c.clone();
        let start = start.clone();
        handles.push(std::thread::spawn(move || {
            c.write_read(&Cmds::new().code(BC_ENTER_LOOPER).bytes, 0)
                .unwrap();
            start.wait();
            let tid = gettid();
            let got = c.read_until_txn(&[]).unwrap();
            assert!(got
                .iter()
                .any(|b| matches!(b, Br::Transaction(t) if t.td.code == HOLD)));
            tell(&format!("held {tid}"));
            tell(&format!("parked {tid}"));
            loop {
                match c.write_read(&[], 256) {
                    Ok(v) => tell(&format!("unexpected {tid} {v:?}")),
                    Err(e) => {
                        tell(&format!("fail {tid} {}", errno_of(&e)));
                        return;
                    }
                }
            }
        }));
    }
    start.wait();
    tell("ready");
    for h in handles {
        h.join().unwrap();
    }
}

/// Process B of the binderd-kill test: 8 threads each make a HOLD call (`calling <tid>`)
/// and tell how it ended (`fail <tid> <errno>`).
fn hold_callers(dev: &Path) {
    let c = Arc::new(Client::open(dev));
    let mut handles = Vec::new();
    for _ in 0..8 {
        let c = c.clone();
        handles.push(std::thread::spawn(move || {
            let tid = gettid();
            tell(&format!("calling {tid}"));
            match call(&c, 0, HOLD, b"hold") {
                Ok(v) => tell(&format!("unexpected {tid} {v:?}")),
                Err(e) => tell(&format!("fail {tid} {}", errno_of(&e))),
            }
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
}

/// A process whose threads make ioctls and exit without `BINDER_THREAD_EXIT`: tells the
/// descriptors and mailbox mappings it holds before, in and after such a thread, stepping on
/// the parent's cues.
fn thread_exit_child(dev: &Path) {
    let c = Arc::new(Client::open(dev));
    let before = own_fds();
    let pid = std::process::id() as i32;
    tell(&format!("opened {} {}", before.len(), mailbox_maps(pid)));
    assert_eq!(hear(), "go");
    let t = {
        let c = c.clone();
        std::thread::spawn(move || {
            assert_eq!(c.dev.version().unwrap(), 8);
            let now = own_fds();
            let new: Vec<i32> = now.difference(&before).copied().collect();
            let kinds: Vec<String> = new
                .iter()
                .map(|fd| {
                    std::fs::read_link(format!("/proc/self/fd/{fd}"))
                        .map(|p| p.display().to_string())
                        .unwrap_or_default()
                })
                .collect();
            tell(&format!(
                "in-thread {} {} {}",
                now.len(),
                mailbox_maps(pid),
                kinds.join(",")
            ));
            // Exits without BINDER_THREAD_EXIT once the parent has looked at binderd.
            assert_eq!(hear(), "exit");
        })
    };
    t.join().unwrap();
    tell(&format!("after {} {}", own_fds().len(), mailbox_maps(pid)));
    assert_eq!(hear(), "many");
    // Twenty more threads, each one call through its mailbox, each gone without a word.
    for i in 0..20u32 {
        let c = c.clone();
        std::thread::spawn(move || {
            let data = i.to_ne_bytes();
            assert_eq!(call_outcome(&c, ECHO, &data), Ok(reversed(&data)));
        })
        .join()
        .unwrap();
    }
    tell(&format!(
        "after-many {} {}",
        own_fds().len(),
        mailbox_maps(pid)
    ));
    // Another thread can still call, and the main thread too (once the parent has looked at
    // binderd: new channels would change what it sees).
    assert_eq!(hear(), "again");
    let c2 = c.clone();
    let r = std::thread::spawn(move || call_outcome(&c2, PING, &[]))
        .join()
        .unwrap();
    tell(&format!("again {:?} {:?}", r, call_outcome(&c, PING, &[])));
}

// ---------------------------------------------------------------------------------------------
// The hostile mailbox client, by hand
// ---------------------------------------------------------------------------------------------

/// The wire kinds a hand-made client uses (driver/src/protocol.rs).
mod wire {
    pub const OPEN: u32 = 1;
    pub const MMAP: u32 = 2;
    pub const MAPPED: u32 = 3;
    pub const ATTACH: u32 = 4;
    pub const MAILBOX_IN: u32 = 11;
    pub const OPENED: u32 = 101;
    pub const MMAP_FD: u32 = 102;
    pub const RESULT: u32 = 103;
    pub const MAILBOX: u32 = 108;
}

/// The mailbox layout (driver/src/mailbox.rs).
mod mb {
    pub const SIZE: usize = 16 * 1024;
    pub const TURN: usize = 0;
    pub const CLIENT_SLEEPING: usize = 4;
    pub const CLIENT: u32 = 0;
    pub const DAEMON: u32 = 1;
    pub const DEAD: u32 = 2;
    pub const REQUEST: usize = 64;
    pub const ANSWER: usize = 128;
    pub const REQUEST_DATA: usize = 4096;
    pub const REQUEST_DATA_SIZE: usize = 6 * 1024;
    pub const ANSWER_DATA: usize = REQUEST_DATA + REQUEST_DATA_SIZE;
    pub const REQ_IOCTL: u32 = 1;
    pub const REQ_LENT: u32 = 2;
    pub const ANS_RESULT: u32 = 1;
}

fn raw_send(fd: RawFd, bytes: &[u8]) {
    // SAFETY: sending our buffer.
    let r = unsafe {
        libc::send(
            fd,
            bytes.as_ptr() as *const libc::c_void,
            bytes.len(),
            libc::MSG_NOSIGNAL,
        )
    };
    assert_eq!(
        r,
        bytes.len() as isize,
        "send: {}",
        io::Error::last_os_error()
    );
}

/// The next packet on `fd` and the descriptors attached, waiting at most `timeout`.
fn raw_recv(fd: RawFd, timeout: Duration) -> Option<(Vec<u8>, Vec<OwnedFd>)> {
    let mut p = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd.
    if unsafe { libc::poll(&mut p, 1, timeout.as_millis() as i32) } <= 0 {
        return None;
    }
    let mut buf = vec![0u8; 4096];
    let mut iov = libc::iovec {
        iov_base: buf.as_mut_ptr() as *mut libc::c_void,
        iov_len: buf.len(),
    };
    let mut cbuf = [0u64; 64];
    // SAFETY: msghdr is plain data.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    msg.msg_control = cbuf.as_mut_ptr() as *mut libc::c_void;
    msg.msg_controllen = std::mem::size_of_val(&cbuf);
    // SAFETY: msg describes valid buffers.
    let n = unsafe { libc::recvmsg(fd, &mut msg, libc::MSG_DONTWAIT | libc::MSG_CMSG_CLOEXEC) };
    if n <= 0 {
        return None;
    }
    buf.truncate(n as usize);
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
    Some((buf, fds))
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_ne_bytes(b[at..at + 4].try_into().unwrap())
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_ne_bytes(b[at..at + 8].try_into().unwrap())
}

/// A fixed-seed xorshift64*.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn fill(&mut self, b: &mut [u8]) {
        for c in b.chunks_mut(8) {
            let v = self.next().to_ne_bytes();
            c.copy_from_slice(&v[..c.len()]);
        }
    }
}

/// A mailbox mapped by hand, read and written without any of the crate's discipline.
struct RawMailbox {
    base: *mut u8,
    doorbell: OwnedFd,
}

impl RawMailbox {
    fn word(&self, at: usize) -> &AtomicU32 {
        // SAFETY: in bounds and aligned; atomics may alias memory binderd writes.
        unsafe { AtomicU32::from_ptr(self.base.add(at).cast()) }
    }
    fn turn(&self) -> u32 {
        self.word(mb::TURN).load(Ordering::SeqCst)
    }
    fn set_turn(&self, v: u32) {
        self.word(mb::TURN).store(v, Ordering::SeqCst)
    }
    fn write(&self, at: usize, b: &[u8]) {
        assert!(at + b.len() <= mb::SIZE);
        // SAFETY: in bounds of our shared mapping.
        unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), self.base.add(at), b.len()) };
    }
    fn read(&self, at: usize, n: usize) -> Vec<u8> {
        assert!(at + n <= mb::SIZE);
        let mut v = vec![0u8; n];
        // SAFETY: in bounds of our shared mapping.
        unsafe { std::ptr::copy_nonoverlapping(self.base.add(at), v.as_mut_ptr(), n) };
        v
    }
    #[allow(clippy::too_many_arguments)]
    fn request(
        &self,
        kind: u32,
        cmd: u32,
        arg: u64,
        write_len: u32,
        read_size: u32,
        posted: u32,
        flags: u32,
    ) {
        let mut h = Vec::with_capacity(32);
        h.extend_from_slice(&kind.to_ne_bytes());
        h.extend_from_slice(&cmd.to_ne_bytes());
        h.extend_from_slice(&arg.to_ne_bytes());
        h.extend_from_slice(&write_len.to_ne_bytes());
        h.extend_from_slice(&read_size.to_ne_bytes());
        h.extend_from_slice(&posted.to_ne_bytes());
        h.extend_from_slice(&flags.to_ne_bytes());
        self.write(mb::REQUEST, &h);
    }
    /// (kind, closes, ret, write_consumed, read_consumed)
    fn answer(&self) -> (u32, u32, i64, u64, u64) {
        let a = self.read(mb::ANSWER, 32);
        (
            u32_at(&a, 0),
            u32_at(&a, 4),
            u64_at(&a, 8) as i64,
            u64_at(&a, 16),
            u64_at(&a, 24),
        )
    }
    /// Rings the doorbell with `v` (binderd only counts the ring, not the value).
    fn ring_with(&self, v: u64) {
        // SAFETY: writing 8 bytes to our eventfd.
        let r = unsafe {
            libc::write(
                self.doorbell.as_raw_fd(),
                v.to_ne_bytes().as_ptr() as *const libc::c_void,
                8,
            )
        };
        assert_eq!(r, 8, "ring: {}", io::Error::last_os_error());
    }
    fn ring(&self) {
        self.ring_with(1)
    }
    /// Waits (at most `timeout`) until the turn is no longer binderd's, sleeping on the futex
    /// (non-private: the word is shared with binderd) as the device does; the turn then.
    fn wait_turn(&self, timeout: Duration) -> Option<u32> {
        let deadline = Instant::now() + timeout;
        let turn = self.word(mb::TURN);
        loop {
            self.word(mb::CLIENT_SLEEPING).store(1, Ordering::SeqCst);
            let t = turn.load(Ordering::SeqCst);
            if t != mb::DAEMON {
                self.word(mb::CLIENT_SLEEPING).store(0, Ordering::SeqCst);
                return Some(t);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                self.word(mb::CLIENT_SLEEPING).store(0, Ordering::SeqCst);
                return None;
            }
            let step = left.min(Duration::from_millis(100));
            let ts = libc::timespec {
                tv_sec: step.as_secs() as libc::time_t,
                tv_nsec: step.subsec_nanos() as libc::c_long,
            };
            // SAFETY: a futex wait on our shared word, bounded by ts.
            unsafe {
                libc::syscall(
                    libc::SYS_futex,
                    turn.as_ptr(),
                    libc::FUTEX_WAIT,
                    mb::DAEMON,
                    &ts as *const libc::timespec,
                    std::ptr::null::<u32>(),
                    0u32,
                )
            };
        }
    }
}

impl Drop for RawMailbox {
    fn drop(&mut self) {
        // SAFETY: our own mapping.
        unsafe { libc::munmap(self.base.cast(), mb::SIZE) };
    }
}

/// Addresses that are never mapped in a user process: null and its page, kernel half,
/// non-canonical, the top of the address space, odd ones.
const WILD: &[u64] = &[
    0,
    8,
    0xfff,
    0x8000_0000_0000_0000,
    0xffff_ffff_8000_0000,
    0xffff_8000_0000_0000,
    u64::MAX - 3,
    0x0000_8000_0000_0001,
];

/// The ioctls a hostile request names: real ones (with wild arguments) and junk.
const CMDS: &[u32] = &[
    BINDER_WRITE_READ,
    BINDER_VERSION,
    BINDER_SET_MAX_THREADS,
    BINDER_SET_CONTEXT_MGR,
    BINDER_SET_CONTEXT_MGR_EXT,
    BINDER_GET_NODE_DEBUG_INFO,
    BINDER_GET_NODE_INFO_FOR_REF,
    BINDER_FREEZE,
    BINDER_SET_IDLE_TIMEOUT,
    BINDER_THREAD_EXIT,
    0,
    0xffff_ffff,
    0xc030_6201 ^ 0x0100_0000,
];

/// A `BC_TRANSACTION` whose data lies at a wild address (so that it can never be delivered).
fn wild_transaction(rng: &mut Rng) -> Vec<u8> {
    let mut td = BinderTransactionData::default();
    td.set_target_handle(if rng.below(2) == 0 {
        0
    } else {
        rng.next() as u32 | 1
    });
    td.code = ECHO;
    td.flags = if rng.below(2) == 0 { 0 } else { TF_ONE_WAY };
    td.data_size = 8 + rng.below(1 << 20);
    td.offsets_size = 8 * rng.below(4);
    let wild = WILD[rng.below(WILD.len() as u64) as usize];
    td.set_data_ptr(wild, wild);
    let mut v = BC_TRANSACTION.to_ne_bytes().to_vec();
    v.extend_from_slice(td.as_bytes());
    v
}

/// A process connection opened by hand (with a probe binderd can read, so that the
/// process gets mailboxes): the connection, its token, and whether binderd chose inline.
fn raw_open(dev: &Path, nonblocking: bool) -> (OwnedFd, u64, bool) {
    let conn = raw_connect(dev).expect("connect");
    // SAFETY: ucred is plain data; getsockopt fills it.
    let daemon_pid = unsafe {
        let mut cred: libc::ucred = std::mem::zeroed();
        let mut len = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
        assert_eq!(
            libc::getsockopt(
                conn.as_raw_fd(),
                libc::SOL_SOCKET,
                libc::SO_PEERCRED,
                &mut cred as *mut _ as *mut libc::c_void,
                &mut len,
            ),
            0
        );
        cred.pid
    };
    // Under Yama binderd may read us only if we say so (EINVAL without Yama).
    // SAFETY: plain prctl.
    unsafe { libc::prctl(libc::PR_SET_PTRACER, daemon_pid as libc::c_ulong, 0, 0, 0) };
    let probe = Box::new(0x5343_5249_4242_4c45u64);
    let mut open = wire::OPEN.to_ne_bytes().to_vec();
    open.extend_from_slice(&(nonblocking as u32).to_ne_bytes());
    open.extend_from_slice(&(&*probe as *const u64 as u64).to_ne_bytes());
    open.extend_from_slice(&probe.to_ne_bytes());
    raw_send(conn.as_raw_fd(), &open);
    let (m, _) = raw_recv(conn.as_raw_fd(), NOTE).expect("OPENED");
    assert_eq!(u32_at(&m, 0), wire::OPENED);
    (conn, u64_at(&m, 4), u32_at(&m, 16) != 0)
}

/// The receive buffer of a hand-opened process (`len` bytes, mapped read-only).
fn raw_mmap(conn: &OwnedFd, len: usize) -> *const u8 {
    let mut mmap = wire::MMAP.to_ne_bytes().to_vec();
    mmap.extend_from_slice(&(len as u64).to_ne_bytes());
    raw_send(conn.as_raw_fd(), &mmap);
    let (m, fds) = raw_recv(conn.as_raw_fd(), NOTE).expect("MMAP answer");
    assert_eq!((u32_at(&m, 0), fds.len()), (wire::MMAP_FD, 1));
    // SAFETY: a new shared read-only mapping of the buffer binderd passed.
    let ptr = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_READ,
            libc::MAP_SHARED,
            fds[0].as_raw_fd(),
            0,
        )
    };
    assert_ne!(ptr, libc::MAP_FAILED);
    let mut mapped = wire::MAPPED.to_ne_bytes().to_vec();
    mapped.extend_from_slice(&(ptr as u64).to_ne_bytes());
    mapped.extend_from_slice(&(len as u64).to_ne_bytes());
    raw_send(conn.as_raw_fd(), &mapped);
    let (m, _) = raw_recv(conn.as_raw_fd(), NOTE).expect("MAPPED answer");
    assert_eq!(u32_at(&m, 0), wire::RESULT);
    assert!(
        u64_at(&m, 4) as i64 >= 0,
        "MAPPED answered {}",
        u64_at(&m, 4) as i64
    );
    ptr as *const u8
}

/// A thread channel attached by hand for this thread, and its mailbox mapped read-write;
/// also the memfd's size and what shrinking it did (it is sealed).
fn raw_channel(dev: &Path, token: u64) -> (OwnedFd, RawMailbox, i64, i32) {
    let chan = raw_connect(dev).expect("connect channel");
    let mut attach = wire::ATTACH.to_ne_bytes().to_vec();
    attach.extend_from_slice(&token.to_ne_bytes());
    attach.extend_from_slice(&(gettid() as u32).to_ne_bytes());
    raw_send(chan.as_raw_fd(), &attach);
    let (m, _) = raw_recv(chan.as_raw_fd(), NOTE).expect("ATTACH answer");
    assert_eq!((u32_at(&m, 0), u64_at(&m, 4)), (wire::RESULT, 0));

    raw_send(chan.as_raw_fd(), &wire::MAILBOX_IN.to_ne_bytes());
    let (m, mut fds) = raw_recv(chan.as_raw_fd(), NOTE).expect("MAILBOX answer");
    assert_eq!(u32_at(&m, 0), wire::MAILBOX, "answer {m:?}");
    assert_eq!(fds.len(), 2);
    let doorbell = fds.pop().unwrap();
    let memfd = fds.pop().unwrap();
    // SAFETY: stat is plain data.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: fstat of our descriptor.
    assert_eq!(unsafe { libc::fstat(memfd.as_raw_fd(), &mut st) }, 0);
    // SAFETY: a fresh shared mapping of the memfd.
    let base = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            mb::SIZE,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_SHARED,
            memfd.as_raw_fd(),
            0,
        )
    };
    assert_ne!(base, libc::MAP_FAILED);
    // It is sealed: we cannot shrink it under binderd (which would make it fault).
    // SAFETY: ftruncate of our descriptor.
    let shrink = unsafe { libc::ftruncate(memfd.as_raw_fd(), 0) };
    let mbx = RawMailbox {
        base: base.cast(),
        doorbell,
    };
    (chan, mbx, st.st_size, shrink)
}

/// A hostile mailbox client (its own wire messages, its own mapping): opens (non-blocking,
/// so that no request of its garbage can wait), attaches a thread channel, takes a mailbox,
/// scribbles all over it while ringing, and finally makes valid requests. Then, on a second
/// (blocking) open, scribbles while binderd holds a call of its, on the parent's cues. Tells
/// each phase.
fn scribbler(dev: &Path) {
    let (conn, token, inline) = raw_open(dev, true);
    tell(&format!("inline {inline}"));
    let (chan, mbx, size, shrink) = raw_channel(dev, token);
    // A second mailbox for the same channel is refused.
    raw_send(chan.as_raw_fd(), &wire::MAILBOX_IN.to_ne_bytes());
    let (m, fds) = raw_recv(chan.as_raw_fd(), NOTE).expect("second MAILBOX answer");
    tell(&format!(
        "mailbox size={size} shrink={shrink} second={}/{}/{}",
        u32_at(&m, 0),
        u64_at(&m, 4) as i64,
        fds.len()
    ));

    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut page = vec![0u8; mb::SIZE];

    // Phase A: random bytes over everything (the turn word too, never 1), rung many times.
    for round in 0..200 {
        rng.fill(&mut page);
        mbx.write(0, &page);
        match round % 4 {
            0 => mbx.set_turn(mb::CLIENT),
            1 => mbx.set_turn(mb::DEAD),
            2 => mbx.set_turn(3 + rng.below(1 << 31) as u32),
            _ => {}
        }
        if mbx.turn() == mb::DAEMON {
            mbx.set_turn(mb::DEAD);
        }
        for _ in 0..3 {
            mbx.ring_with(rng.below(1000));
        }
    }
    tell("phase-a done");

    // Phase B: garbage requests with the turn handed to binderd, answered or not; some
    // scribbled on while binderd may be copying them, some withdrawn after the ring.
    let mut rets: BTreeMap<i64, usize> = BTreeMap::new();
    let (mut answered, mut unanswered, mut withdrawn, mut bad_kind) = (0, 0, 0, 0);
    for round in 0..400u32 {
        rng.fill(&mut page);
        mbx.write(mb::REQUEST, &page[mb::REQUEST..mb::ANSWER]);
        mbx.write(mb::REQUEST_DATA, &page[mb::REQUEST_DATA..mb::ANSWER_DATA]);
        let kind = match rng.below(6) {
            0 | 1 => mb::REQ_IOCTL,
            2 | 3 => mb::REQ_LENT,
            4 => 0,
            _ => rng.next() as u32,
        };
        let cmd = CMDS[rng.below(CMDS.len() as u64) as usize];
        let arg = WILD[rng.below(WILD.len() as u64) as usize];
        let size = |rng: &mut Rng| match rng.below(5) {
            0 => 0,
            1 => rng.below(64) as u32,
            2 => rng.below(mb::REQUEST_DATA_SIZE as u64 + 1) as u32,
            3 => mb::REQUEST_DATA_SIZE as u32 + 1 + rng.below(1 << 20) as u32,
            _ => u32::MAX - rng.below(8) as u32,
        };
        let (write_len, read_size, posted) = (size(&mut rng), size(&mut rng), size(&mut rng));
        let flags = rng.next() as u32;
        // Sometimes the commands are ones binderd parses further: a transaction at a wild
        // address, after a posted region of junk or none.
        if kind == mb::REQ_LENT && rng.below(2) == 0 {
            let t = wild_transaction(&mut rng);
            let at = (posted as usize).min(mb::REQUEST_DATA_SIZE - t.len());
            mbx.write(mb::REQUEST_DATA + at, &t);
        }
        mbx.request(kind, cmd, arg, write_len, read_size, posted, flags);
        mbx.set_turn(mb::DAEMON);
        mbx.ring();
        match round % 8 {
            // Rings on and on while binderd holds (or has answered) the request.
            0 | 1 => {
                for _ in 0..20 {
                    mbx.ring_with(rng.below(3));
                }
            }
            // Scribbles on the request while binderd may be copying it out.
            2 | 3 => {
                for _ in 0..20 {
                    rng.fill(&mut page[..mb::ANSWER - mb::REQUEST]);
                    mbx.write(mb::REQUEST, &page[..mb::ANSWER - mb::REQUEST]);
                    let at = rng.below(mb::REQUEST_DATA_SIZE as u64 - 256) as usize;
                    rng.fill(&mut page[..256]);
                    mbx.write(mb::REQUEST_DATA + at, &page[..256]);
                }
            }
            // Takes the turn back at once (binderd may or may not have seen it).
            4 => {
                mbx.set_turn(mb::CLIENT);
                withdrawn += 1;
                continue;
            }
            _ => {}
        }
        match mbx.wait_turn(Duration::from_secs(2)) {
            Some(_) => {
                let (k, _, ret, _, _) = mbx.answer();
                answered += 1;
                if k != mb::ANS_RESULT {
                    bad_kind += 1;
                }
                *rets.entry(ret).or_default() += 1;
            }
            None => {
                unanswered += 1;
                mbx.set_turn(mb::CLIENT);
            }
        }
    }
    let rets: Vec<String> = rets.iter().map(|(r, n)| format!("{r}x{n}")).collect();
    tell(&format!(
        "phase-b answered={answered} unanswered={unanswered} withdrawn={withdrawn} bad_kind={bad_kind} rets={}",
        rets.join(",")
    ));

    // A known-bad request, waited for: binderd holds nothing after it answers.
    mbx.write(0, &[0u8; mb::REQUEST_DATA]);
    mbx.request(0, 0, 0, 0, 0, 0, 0);
    mbx.set_turn(mb::DAEMON);
    mbx.ring();
    let t = mbx.wait_turn(Duration::from_secs(5));
    tell(&format!("sync {t:?} {}", mbx.answer().2));

    // A valid BINDER_VERSION into our own (u32-aligned) memory.
    let mut version = Box::new(BinderVersion {
        protocol_version: -1,
    });
    let arg = &mut *version as *mut BinderVersion as u64;
    assert_eq!(arg % 4, 0);
    mbx.request(mb::REQ_IOCTL, BINDER_VERSION, arg, 0, 0, 0, 0);
    mbx.set_turn(mb::DAEMON);
    mbx.ring();
    let t = mbx.wait_turn(Duration::from_secs(5));
    let (k, _, ret, _, _) = mbx.answer();
    // SAFETY: binderd wrote it (or not) before handing the turn back.
    let v = unsafe { std::ptr::read_volatile(&version.protocol_version) };
    tell(&format!("version {t:?} kind={k} ret={ret} v={v}"));

    // Returns the garbage left pending (a failed transaction's BR_FAILED_REPLY waits for a
    // read, and until then the thread's writes consume nothing, as in the kernel): read
    // until there is nothing (EAGAIN: the device is non-blocking).
    let mut drained = Vec::new();
    for _ in 0..8 {
        mbx.request(mb::REQ_LENT, 0, 0, 0, 256, 0, 0);
        mbx.set_turn(mb::DAEMON);
        mbx.ring();
        let t = mbx.wait_turn(Duration::from_secs(5));
        let (k, _, ret, _, rc) = mbx.answer();
        let returns = mbx.read(mb::ANSWER_DATA, (rc as usize).min(256));
        let codes: Vec<String> = returns
            .chunks_exact(4)
            .map(|c| format!("{:x}", u32::from_ne_bytes(c.try_into().unwrap())))
            .collect();
        drained.push(format!("{t:?}/{k}/{ret}/[{}]", codes.join(" ")));
        if ret == -(libc::EAGAIN as i64) || t != Some(mb::CLIENT) {
            break;
        }
    }
    tell(&format!("drained {}", drained.join(" ")));

    // A valid lent BINDER_WRITE_READ: BC_ENTER_LOOPER, no read.
    mbx.write(mb::REQUEST_DATA, &BC_ENTER_LOOPER.to_ne_bytes());
    mbx.request(mb::REQ_LENT, 0, 0, 4, 0, 0, 0);
    mbx.set_turn(mb::DAEMON);
    mbx.ring();
    let t = mbx.wait_turn(Duration::from_secs(5));
    let (k, _, ret, wc, rc) = mbx.answer();
    tell(&format!("lent {t:?} kind={k} ret={ret} wc={wc} rc={rc}"));
    drop(mbx);
    drop(chan);
    drop(conn);

    // Phase H: a call binderd holds (the manager keeps it until cued), scribbled on and rung
    // while held: none of it is a request, and the reply comes back whole.
    let (conn, token, _) = raw_open(dev, false);
    let rx = raw_mmap(&conn, 128 * 1024);
    let (chan, mbx, _, _) = raw_channel(dev, token);
    let held = b"held call".to_vec();
    let mut td = BinderTransactionData::default();
    td.set_target_handle(0);
    td.code = HOLD;
    td.data_size = held.len() as u64;
    td.set_data_ptr(held.as_ptr() as u64, 0);
    let mut cmds = BC_TRANSACTION.to_ne_bytes().to_vec();
    cmds.extend_from_slice(td.as_bytes());
    mbx.write(mb::ANSWER, &[0u8; 32]);
    mbx.write(mb::REQUEST_DATA, &cmds);
    mbx.request(mb::REQ_LENT, 0, 0, cmds.len() as u32, 256, 0, 0);
    mbx.set_turn(mb::DAEMON);
    mbx.ring();
    tell("holding");
    assert_eq!(hear(), "scribble");
    for round in 0..300u32 {
        rng.fill(&mut page);
        mbx.write(mb::REQUEST, &page[mb::REQUEST..mb::ANSWER]);
        mbx.write(mb::REQUEST_DATA, &page[mb::REQUEST_DATA..mb::ANSWER_DATA]);
        if round % 2 == 0 {
            // A plausible request, too.
            mbx.request(mb::REQ_IOCTL, BINDER_VERSION, 0, 0, 0, 0, 0);
        }
        mbx.set_turn(match round % 4 {
            0 => mb::DAEMON,
            1 => mb::CLIENT,
            2 => mb::DEAD,
            _ => rng.next() as u32,
        });
        mbx.ring();
        mbx.set_turn(mb::DAEMON);
        mbx.ring();
    }
    let (k, _, ret, _, _) = mbx.answer();
    tell(&format!("scribbled answer={k}/{ret} turn={}", mbx.turn()));
    let t = mbx.wait_turn(Duration::from_secs(5));
    let (k, closes, ret, wc, rc) = mbx.answer();
    let returns = mbx.read(mb::ANSWER_DATA, (rc as usize).min(256));
    let mut reply = None;
    let mut codes = Vec::new();
    let mut at = 0;
    while at + 4 <= returns.len() {
        let code = u32_at(&returns, at);
        at += 4;
        codes.push(format!("{code:x}"));
        if code == BR_REPLY && at + 64 <= returns.len() {
            let r = BinderTransactionData::from_bytes(&returns[at..at + 64]).unwrap();
            // SAFETY: binderd put the reply inside our receive buffer (checked below).
            let data = unsafe {
                std::slice::from_raw_parts(r.data_buffer() as *const u8, r.data_size as usize)
            };
            assert!(r.data_buffer() >= rx as u64 && r.data_buffer() < rx as u64 + 128 * 1024);
            reply = Some(String::from_utf8_lossy(data).into_owned());
        }
        at += ioc_size(code) as usize;
    }
    tell(&format!(
        "held-answer {t:?} kind={k} closes={closes} ret={ret} wc={wc} returns=[{}] reply={reply:?}",
        codes.join(" ")
    ));
    drop(mbx);
    drop(chan);
    drop(conn);
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

/// A raw client writes random bytes all over its mailbox and rings its doorbell, with garbage
/// requests (huge lengths, unknown kinds, wild pointers, real ioctls with wild arguments,
/// transactions at wild addresses) handed to binderd, some scribbled on while binderd copies
/// them; then its valid requests are answered. Meanwhile another process's calls all succeed,
/// the real binderd stays alive, and a new client can open afterwards.
#[test]
fn a_client_scribbling_on_its_mailbox_hurts_only_itself() {
    let started = Instant::now();
    let (mut d, log) = binderd_logged("scribble");
    // Two loopers: one keeps the scribbler's held call while the other serves the bystander.
    let mut mgr = ChildProc::spawn("child_roles", "manager:cue:threads=2", &d.device());
    assert_eq!(mgr.expect_line_within(NOTE), "ready");

    // Another process (this one) calls the manager all along.
    let stop = Arc::new(AtomicBool::new(false));
    let calls = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = mpsc::channel();
    {
        let (dev, stop, calls) = (d.device(), stop.clone(), calls.clone());
        std::thread::spawn(move || {
            let c = Client::open(&dev);
            let mut failures = Vec::new();
            let mut i = 0u32;
            while !stop.load(Ordering::SeqCst) {
                let data = format!("bystander {i}").into_bytes();
                match call_outcome(&c, ECHO, &data) {
                    Ok(r) if r == reversed(&data) => {}
                    other => failures.push(format!("{i}: {other:?}")),
                }
                if i % 16 == 0 {
                    if let Err(e) = call_outcome(&c, PING, &[]) {
                        failures.push(format!("ping {i}: {e}"));
                    }
                }
                calls.fetch_add(1, Ordering::SeqCst);
                i += 1;
            }
            let _ = tx.send(failures);
        });
    }
    // The bystander is calling before the scribbler starts.
    assert!(wait_until(NOTE, || calls.load(Ordering::SeqCst) >= 5));
    let before = calls.load(Ordering::SeqCst);

    let mut s = ChildProc::spawn("child_roles", "scribbler", &d.device());
    assert_eq!(s.expect_line_within(NOTE), "inline false");
    let line = s.expect_line_within(NOTE);
    assert_eq!(
        line, "mailbox size=16384 shrink=-1 second=103/-22/0",
        "{line}"
    );
    assert_eq!(s.expect_line_within(NOTE), "phase-a done");
    let b = s.expect_line_within(Duration::from_secs(20));
    eprintln!("scribbler: {b}");
    // Every request handed to binderd and not withdrawn was answered in the mailbox, with a
    // result (no install), and an error or zero.
    assert!(
        b.contains(" unanswered=0 ") && b.contains(" bad_kind=0 "),
        "{b}"
    );
    let rets = b.split("rets=").nth(1).unwrap();
    for r in rets.split(',').filter(|r| !r.is_empty()) {
        let ret: i64 = r.split('x').next().unwrap().parse().unwrap();
        assert!((-4095..=0).contains(&ret), "{b}");
    }
    assert_eq!(
        s.expect_line_within(NOTE),
        format!("sync Some(0) {}", -libc::EINVAL)
    );
    assert_eq!(
        s.expect_line_within(NOTE),
        "version Some(0) kind=1 ret=0 v=8"
    );
    let drained = s.expect_line_within(NOTE);
    eprintln!("scribbler: {drained}");
    assert!(
        drained.ends_with(&format!("Some(0)/1/{}/[]", -libc::EAGAIN)),
        "{drained}"
    );
    assert_eq!(
        s.expect_line_within(NOTE),
        "lent Some(0) kind=1 ret=0 wc=4 rc=0"
    );

    // Scribbling and ringing while binderd holds a call of the scribbler's.
    assert_eq!(s.expect_line_within(NOTE), "holding");
    let got = mgr.expect_line_within(NOTE);
    assert!(got.starts_with(&format!("got {} by ", s.pid())), "{got}");
    s.say("scribble");
    assert_eq!(
        s.expect_line_within(NOTE),
        "scribbled answer=0/0 turn=1",
        "binderd answered a ring while it held the call"
    );
    mgr.say("reply");
    let replied = mgr.expect_line_within(NOTE);
    assert!(replied.contains("TransactionComplete"), "{replied}");
    let held = s.expect_line_within(NOTE);
    eprintln!("scribbler: {held}");
    assert!(
        held.starts_with("held-answer Some(0) kind=1 closes=0 ret=0 wc=68 returns=[")
            && held.ends_with(&format!(" {BR_REPLY:x}] reply=Some(\"late\")")),
        "{held}"
    );
    assert!(s.wait(), "the scribbler exits cleanly");
    let during = calls.load(Ordering::SeqCst) - before;

    stop.store(true, Ordering::SeqCst);
    let failures = await_result(&rx, NOTE, "bystander");
    assert!(failures.is_empty(), "bystander calls failed: {failures:?}");
    assert!(
        during >= 1,
        "the bystander made no call while the scribbler ran"
    );
    assert!(
        matches!(d.child.try_wait(), Ok(None)),
        "binderd died: {:?}",
        d.child.try_wait()
    );
    let errors = errors_in(&log);
    assert!(errors.is_empty(), "binderd logged: {errors:#?}");
    let warnings: Vec<String> = log
        .lock()
        .unwrap()
        .iter()
        .filter(|l| l.contains("WARN"))
        .cloned()
        .collect();
    eprintln!(
        "binderd warned {} times, e.g. {:?}",
        warnings.len(),
        warnings.first()
    );
    // A new client opens, and reaches the manager.
    let c = Client::open(&d.device());
    assert_eq!(c.dev.version().unwrap(), 8);
    assert_eq!(call_outcome(&c, PING, &[]), Ok(Vec::new()));
    c.write_read(&Cmds::new().oneway(0, EXIT, &[]).bytes, 0)
        .unwrap();
    assert!(mgr.wait());
    eprintln!(
        "scribble: {during} bystander calls during the scribbling; {:?}",
        started.elapsed()
    );
}

/// A caller killed while it sleeps on its mailbox's futex, waiting for a held call: binderd
/// forgets the caller, the manager's late reply completes for the manager (the kernel's
/// `BR_TRANSACTION_COMPLETE` for a reply to a dead thread), and the manager serves on.
#[test]
fn sigkill_of_a_client_blocked_on_its_futex() {
    let d = TestDaemon::start("killcaller");
    let mut mgr = ChildProc::spawn("child_roles", "manager:cue", &d.device());
    assert_eq!(mgr.expect_line_within(NOTE), "ready");
    let mut caller = ChildProc::spawn("child_roles", "caller:hold", &d.device());
    let tid: i32 = caller
        .expect_line_within(NOTE)
        .strip_prefix("calling ")
        .unwrap()
        .parse()
        .unwrap();
    let got = mgr.expect_line_within(NOTE);
    assert!(
        got.starts_with(&format!("got {} by ", caller.pid())),
        "{got}"
    );
    assert!(
        seen_in_futex(caller.pid(), tid, Duration::from_secs(5)),
        "the caller's thread is not asleep on its futex: {:?}",
        blocked_syscall(caller.pid(), tid)
    );
    assert!(d
        .daemon()
        .wait_for_processes("binder", 2, Duration::from_secs(5)));
    caller.kill9();
    assert!(
        d.daemon()
            .wait_for_processes("binder", 1, Duration::from_secs(5)),
        "binderd still counts the killed caller"
    );
    mgr.say("reply");
    let replied = mgr.expect_line_within(NOTE);
    eprintln!("manager's late reply: {replied}");
    // As the kernel: a reply to a dead thread fails for the caller (BR_DEAD_REPLY, nobody to
    // hear it), and the replier hears only that its reply is done.
    assert_eq!(replied, "replied Ok([Noop, TransactionComplete])");

    // The manager serves on.
    let c = Client::open(&d.device());
    assert_eq!(call_outcome(&c, PING, &[]), Ok(Vec::new()));
    assert_eq!(call_outcome(&c, ECHO, b"after"), Ok(b"retfa".to_vec()));
    c.write_read(&Cmds::new().oneway(0, EXIT, &[]).bytes, 0)
        .unwrap();
    assert!(mgr.wait());
    drop(c);
    assert!(d
        .daemon()
        .wait_for_processes("binder", 0, Duration::from_secs(5)));
}

/// A server killed holding a call (asleep in its next read) and one killed while it replies
/// to a stream of calls: every caller hears `BR_DEAD_REPLY` within a bound (a call in the
/// race may have its reply, or `BR_FAILED_REPLY`, first), and binderd serves a new manager.
#[test]
fn sigkill_of_a_server_mid_reply() {
    let d = TestDaemon::start("killserver");

    // Killed holding the call; the caller is another process, asleep on its futex.
    let mut mgr = ChildProc::spawn("child_roles", "manager", &d.device());
    assert_eq!(mgr.expect_line_within(NOTE), "ready");
    let mut caller = ChildProc::spawn("child_roles", "caller:hold", &d.device());
    let _ = caller.expect_line_within(NOTE);
    let got = mgr.expect_line_within(NOTE);
    let mgr_tid: i32 = got
        .strip_prefix(&format!("got {} by ", caller.pid()))
        .unwrap_or_else(|| panic!("{got}"))
        .parse()
        .unwrap();
    // The manager reads on (holding the call), asleep on its own mailbox's futex.
    assert!(
        seen_in_futex(mgr.pid(), mgr_tid, Duration::from_secs(5)),
        "the manager is not asleep in its next read: {:?}",
        blocked_syscall(mgr.pid(), mgr_tid)
    );
    let killed = Instant::now();
    mgr.kill9();
    let outcome = caller.expect_line_within(Duration::from_secs(5));
    let took = killed.elapsed();
    assert_eq!(outcome, "outcome Err(\"dead\")");
    assert!(took < Duration::from_secs(3), "dead reply after {took:?}");
    assert!(caller.wait());

    // Killed while replying to four threads' stream of calls.
    let mut mgr = ChildProc::spawn("child_roles", "manager:threads=2", &d.device());
    assert_eq!(mgr.expect_line_within(NOTE), "ready");
    let c = Arc::new(Client::open(&d.device()));
    let replies = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = mpsc::channel();
    for t in 0..4u32 {
        let (c, replies, tx) = (c.clone(), replies.clone(), tx.clone());
        std::thread::spawn(move || {
            let mut seen = BTreeMap::<String, usize>::new();
            let deadline = Instant::now() + Duration::from_secs(15);
            let mut i = 0u32;
            let end = loop {
                if Instant::now() > deadline {
                    break Err("no dead reply in 15 s".to_string());
                }
                let data = format!("t{t} call {i}").into_bytes();
                match call_outcome(&c, ECHO, &data) {
                    Ok(r) if r == reversed(&data) => {
                        replies.fetch_add(1, Ordering::SeqCst);
                    }
                    Ok(r) => break Err(format!("wrong echo {r:?}")),
                    Err(e) if e == "dead" => break Ok((Instant::now(), seen)),
                    Err(e) if e == "failed" => *seen.entry(e).or_default() += 1,
                    Err(e) => break Err(e),
                }
                i += 1;
            };
            let _ = tx.send(end);
        });
    }
    assert!(wait_until(NOTE, || replies.load(Ordering::SeqCst) >= 200));
    let killed = Instant::now();
    sigkill(mgr.pid());
    for _ in 0..4 {
        match await_result(&rx, Duration::from_secs(10), "caller thread") {
            Ok((at, seen)) => {
                let took = at.saturating_duration_since(killed);
                assert!(took < Duration::from_secs(3), "dead reply after {took:?}");
                if !seen.is_empty() {
                    eprintln!("in the race: {seen:?}");
                }
            }
            Err(e) => panic!("{e}"),
        }
    }
    assert!(!mgr.wait(), "the manager was killed");

    // binderd serves on: a new manager, a new caller.
    assert!(d
        .daemon()
        .wait_for_processes("binder", 1, Duration::from_secs(5)));
    let mut mgr = ChildProc::spawn("child_roles", "manager", &d.device());
    assert_eq!(mgr.expect_line_within(NOTE), "ready");
    let c2 = Client::open(&d.device());
    assert_eq!(call_outcome(&c2, PING, &[]), Ok(Vec::new()));
    assert_eq!(call_outcome(&c, ECHO, b"again"), Ok(b"niaga".to_vec()));
    c2.write_read(&Cmds::new().oneway(0, EXIT, &[]).bytes, 0)
        .unwrap();
    assert!(mgr.wait());
}

/// The real binderd killed while two processes wait in 16 ioctls (8 threads of a manager
/// parked in reads, each holding a call, and 8 threads of a caller waiting for those calls'
/// replies), every thread asleep on its futex: each ioctl fails (`ECONNREFUSED`) within
/// 3 s, and both processes exit cleanly.
#[test]
fn sigkill_of_binderd_fails_every_waiting_ioctl_promptly() {
    let d = DaemonProc::start("killbinderd", None);
    let mut a = ChildProc::spawn("child_roles", "holders", &d.device());
    assert_eq!(a.expect_line_within(NOTE), "ready");
    let mut b = ChildProc::spawn("child_roles", "hold-callers", &d.device());
    let mut b_tids = HashSet::new();
    for _ in 0..8 {
        let l = b.expect_line_within(NOTE);
        b_tids.insert(l.strip_prefix("calling ").unwrap().parse::<i32>().unwrap());
    }
    let mut a_tids = HashSet::new();
    let mut parked = HashSet::new();
    while parked.len() < 8 {
        let l = a.expect_line_within(NOTE);
        if let Some(t) = l.strip_prefix("held ") {
            a_tids.insert(t.parse::<i32>().unwrap());
        } else if let Some(t) = l.strip_prefix("parked ") {
            parked.insert(t.parse::<i32>().unwrap());
        } else {
            panic!("holders: {l}");
        }
    }
    assert_eq!(a_tids, parked);
    assert_eq!((a_tids.len(), b_tids.len()), (8, 8));
    for (pid, tids) in [(a.pid(), &a_tids), (b.pid(), &b_tids)] {
        for &t in tids {
            assert!(
                seen_in_futex(pid, t, Duration::from_secs(5)),
                "thread {t} of {pid} is not asleep on its futex: {:?}",
                blocked_syscall(pid, t)
            );
        }
    }

    let killed = Instant::now();
    sigkill(d.child.id() as i32);
    let deadline = killed + Duration::from_secs(3);
    for (child, tids) in [(&mut a, &a_tids), (&mut b, &b_tids)] {
        let mut failed = HashSet::new();
        while failed.len() < 8 {
            let left = deadline.saturating_duration_since(Instant::now());
            let l = match child.note_within(left) {
                Ok(l) => l,
                Err(e) => panic!(
                    "{e:?} after {:?}: only {failed:?} of {tids:?} failed",
                    killed.elapsed()
                ),
            };
            let rest = l.strip_prefix("fail ").unwrap_or_else(|| panic!("{l}"));
            let (tid, errno) = rest.split_once(' ').unwrap();
            assert_eq!(errno, "ECONNREFUSED", "{l}");
            failed.insert(tid.parse::<i32>().unwrap());
        }
        assert_eq!(&failed, tids);
    }
    let took = killed.elapsed();
    eprintln!("16 ioctls failed within {took:?} of binderd's death");
    assert!(a.wait() && b.wait(), "the clients exit cleanly");
}

/// 64 threads of one process, sharing one device and receive buffer, call a manager at once,
/// 50 times each: every reply is the right one, and all end within the bound.
#[test]
fn sixty_four_threads_call_at_once() {
    const THREADS: usize = 64;
    const CALLS: u32 = 50;
    let d = TestDaemon::start("sixtyfour");
    let mut mgr = ChildProc::spawn("child_roles", "manager:threads=4", &d.device());
    assert_eq!(mgr.expect_line_within(NOTE), "ready");
    let c = Arc::new(Client::open(&d.device()));
    let start = Arc::new(Barrier::new(THREADS));
    let (tx, rx) = mpsc::channel();
    for t in 0..THREADS {
        let (c, start, tx) = (c.clone(), start.clone(), tx.clone());
        std::thread::spawn(move || {
            start.wait();
            let mut bad = Vec::new();
            for i in 0..CALLS {
                // Lengths vary so that replies of different sizes share the buffer.
                let data: Vec<u8> = format!("thread {t} call {i} ")
                    .into_bytes()
                    .into_iter()
                    .cycle()
                    .take(8 + (t * 7 + i as usize * 13) % 200)
                    .collect();
                match call_outcome(&c, ECHO, &data) {
                    Ok(r) if r == reversed(&data) => {}
                    other => bad.push(format!("t{t} i{i}: {other:?}")),
                }
            }
            let _ = tx.send(bad);
        });
    }
    let began = Instant::now();
    let deadline = began + Duration::from_secs(30);
    let mut bad = Vec::new();
    for _ in 0..THREADS {
        let left = deadline.saturating_duration_since(Instant::now());
        bad.extend(await_result(&rx, left, "calling thread"));
    }
    eprintln!(
        "{} calls from {THREADS} threads in {:?}",
        THREADS as u32 * CALLS,
        began.elapsed()
    );
    assert!(
        bad.is_empty(),
        "{} bad: {:?}",
        bad.len(),
        &bad[..bad.len().min(10)]
    );
    c.write_read(&Cmds::new().oneway(0, EXIT, &[]).bytes, 0)
        .unwrap();
    assert!(mgr.wait());
    drop(c);
    assert!(d
        .daemon()
        .wait_for_processes("binder", 0, Duration::from_secs(5)));
}

/// A thread that made an ioctl (so it has a channel and a mailbox: a socket and an eventfd
/// here, a socket, an eventfd and a mapping in binderd) and exits without
/// `BINDER_THREAD_EXIT` gives them all up, here and in the real binderd; twenty more such
/// threads leak nothing; another thread can still call.
#[test]
fn a_thread_that_exits_without_thread_exit_gives_up_its_mailbox() {
    let (d, log) = binderd_logged("threadexit");
    let daemon = d.child.id() as i32;
    let mut mgr = ChildProc::spawn("child_roles", "manager", &d.device());
    assert_eq!(mgr.expect_line_within(NOTE), "ready");
    let mut child = ChildProc::spawn("child_roles", "thread-exit", &d.device());
    let opened = child.expect_line_within(NOTE);
    let (fds, maps) = opened
        .strip_prefix("opened ")
        .unwrap()
        .split_once(' ')
        .unwrap();
    let (fds, maps): (usize, usize) = (fds.parse().unwrap(), maps.parse().unwrap());
    assert_eq!(maps, 0, "no mailbox before the first ioctl");
    let (base_fds, base_maps) = (fd_count(daemon), mailbox_maps(daemon));
    let base_table = fd_table(daemon);
    assert_ne!(base_fds, usize::MAX, "cannot read binderd's descriptors");

    child.say("go");
    let l = child.expect_line_within(NOTE);
    let parts: Vec<&str> = l.split(' ').collect();
    assert_eq!(parts[0], "in-thread", "{l}");
    assert_eq!(
        parts[1],
        (fds + 2).to_string(),
        "the thread's socket and doorbell: {l}"
    );
    assert_eq!(parts[2], "1", "the thread's mailbox is mapped: {l}");
    let kinds = parts[3];
    assert!(
        kinds.contains("socket:") && kinds.contains("anon_inode:[eventfd]"),
        "{l}"
    );
    assert!(
        wait_until(Duration::from_secs(5), || fd_count(daemon) == base_fds + 2
            && mailbox_maps(daemon) == base_maps + 1),
        "binderd holds {} descriptors and {} mailboxes, {base_fds} and {base_maps} before",
        fd_count(daemon),
        mailbox_maps(daemon)
    );

    child.say("exit");
    assert_eq!(child.expect_line_within(NOTE), format!("after {fds} 0"));
    let gave_up = |what: &str| {
        assert!(
            wait_until(Duration::from_secs(5), || fd_count(daemon) == base_fds
                && mailbox_maps(daemon) == base_maps),
            "{what}: binderd holds {} descriptors and {} mailboxes, {base_fds} and {base_maps} \
             before:\n{:?}\nbefore:\n{base_table:?}",
            fd_count(daemon),
            mailbox_maps(daemon),
            fd_table(daemon),
        );
    };
    gave_up("after one thread");

    child.say("many");
    assert_eq!(
        child.expect_line_within(Duration::from_secs(15)),
        format!("after-many {fds} 0")
    );
    gave_up("after twenty threads");
    child.say("again");
    assert_eq!(
        child.expect_line_within(NOTE),
        "again Ok([]) Ok([])",
        "another thread and the main thread call"
    );
    assert!(child.wait());
    let c = Client::open(&d.device());
    c.write_read(&Cmds::new().oneway(0, EXIT, &[]).bytes, 0)
        .unwrap();
    assert!(mgr.wait());
    let errors = errors_in(&log);
    assert!(errors.is_empty(), "binderd logged: {errors:#?}");
}

// ---------------------------------------------------------------------------------------------
// A forked child holds no mailbox
// ---------------------------------------------------------------------------------------------

/// Opens the device, makes an ioctl (its thread gets a mailbox), then forks a child that only
/// waits on a pipe; says both pids, then waits for the parent's word.
fn forker(dev: &Path) {
    let c = Client::open(dev);
    assert_eq!(c.dev.version().unwrap(), 8);
    let mut fds = [0i32; 2];
    // SAFETY: a plain pipe into our array.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    // SAFETY: the child only blocks in read(2) on the pipe, then exits: nothing that could
    // deadlock on a lock another thread held at the fork.
    let child = unsafe { libc::fork() };
    if child == 0 {
        let mut b = [0u8; 1];
        // SAFETY: with its copy of the write end closed, the read ends when the parent closes
        // its own or dies; then leave without unwinding.
        unsafe {
            libc::close(fds[1]);
            libc::read(fds[0], b.as_mut_ptr().cast(), 1);
            libc::_exit(0)
        };
    }
    assert!(child > 0);
    tell(&format!("pids {} {child}", std::process::id()));
    hear();
    // SAFETY: closing the write end ends the child's read; then it is reaped.
    unsafe {
        libc::close(fds[1]);
        let mut status = 0;
        libc::waitpid(child, &mut status, 0);
    }
}

/// A mailbox is mapped with `MADV_DONTFORK`: the process that opened the device has it, the
/// child it forks afterwards does not (so it can never write a request in its parent's name).
#[test]
fn a_forked_child_does_not_inherit_the_mailbox() {
    let d = TestDaemon::start("fp-fork");
    let mut p = ChildProc::spawn("child_roles", "forker", &d.device());
    let line = p.expect_line_within(NOTE);
    let pids: Vec<i32> = line
        .strip_prefix("pids ")
        .unwrap_or_else(|| panic!("{line}"))
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    let (parent_maps, child_maps) = (mailbox_maps(pids[0]), mailbox_maps(pids[1]));
    p.say("done");
    assert!(p.wait());
    assert_eq!(parent_maps, 1, "the opener maps its thread's mailbox");
    assert_eq!(child_maps, 0, "the forked child holds no mailbox");
}

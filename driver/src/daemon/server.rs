//! The epoll workers and the per-device state behind them.

use std::collections::{HashMap, HashSet};
use std::io;
use std::os::fd::{AsFd, AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::host::{Buffers, CopyStats, FileTable, Inline, ProcessMemory, Region};
use super::socket::Socket;
use crate::core::{
    Completion, Context, Credentials, Env, Errno, Fault, Outcome, ProcId, Tid, Wake,
};
use crate::mailbox::{self, Mailbox};
use crate::protocol::{with_msg_buf, Reply, Request};
use crate::sys;
use crate::uapi::{BinderWriteRead, Pod, BINDER_WRITE_READ, BR_NOOP, BR_TRANSACTION_COMPLETE};

/// The most of a mapping the driver uses; the memfd is never larger.
const MAX_BUFFER: u64 = 4 << 20;

const STOP_KEY: u64 = 0;

/// What an epoll key names.
enum Endpoint {
    Listener(usize),
    Conn(Conn),
    /// The doorbell of a thread's mailbox (edge-triggered, never read).
    Doorbell {
        dev: usize,
        proc: ProcId,
        tid: Tid,
    },
    /// The pidfd of a process that opened a device, readable once it exits: its connection's
    /// end even when binderd itself holds that connection's other end (a client can send
    /// binderd its own socket in a message binderd keeps, and no end of stream would come).
    Exited {
        dev: usize,
        proc: ProcId,
        /// The key of the process's connection.
        conn: u64,
    },
}

/// A thread's channel: its socket, and its mailbox when binderd reads the process's memory.
struct ThreadChannel {
    key: u64,
    fd: Arc<Socket>,
    mailbox: Option<Arc<ChannelMailbox>>,
}

/// A thread's mailbox as binderd holds it.
struct ChannelMailbox {
    mailbox: Mailbox,
    doorbell: OwnedFd,
    /// The doorbell's epoll key.
    key: u64,
}

/// A mailbox request binderd holds until it answers. Meanwhile the turn is binderd's (or the
/// client's while it takes files from the channel, `ANS_INSTALL`): rings are not requests.
struct Served {
    lent: Option<Lent>,
}

/// A `BINDER_WRITE_READ` on lent buffers, served through the mailbox.
struct Lent {
    read_size: u64,
    /// Read on after a read of only `BR_NOOP` + `BR_TRANSACTION_COMPLETE` (`THEN_READ`).
    then_read: bool,
    /// What an earlier read of the same turn returned, and its results (`THEN_READ`).
    earlier: Option<Earlier>,
}

struct Earlier {
    returns: Vec<u8>,
    write_consumed: u64,
    closes: Vec<u32>,
}

struct Conn {
    dev: usize,
    fd: Arc<Socket>,
    kind: ConnKind,
    /// Whose connection it is (`SO_PEERCRED` at accept), for the per-uid limit.
    uid: u32,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ConnKind {
    /// Connected; its first message says what it is.
    New,
    Proc(ProcId),
    Thread(ProcId, Tid),
}

/// One process that opened a device.
struct ProcEntry {
    token: u64,
    /// The opener's euid: inline bytes held are counted against it.
    uid: u32,
    /// Threads' channels, by tid.
    threads: HashMap<Tid, ThreadChannel>,
    /// A buffer created by `Mmap` and not yet confirmed by `Mapped`.
    pending_buffer: Option<sys::SealedBuffer>,
}

/// One device: the core and everything the daemon keeps beside it.
pub(crate) struct DevState {
    core: Context,
    procs: HashMap<ProcId, ProcEntry>,
    tokens: HashMap<u64, ProcId>,
    pids: HashMap<ProcId, i32>,
    buffers: HashMap<ProcId, Arc<sys::SealedBuffer>>,
    files: FileTable,
    stats: CopyStats,
    /// Threads that polled: told `Readable` again while work remains after an ioctl.
    pollers: HashSet<(ProcId, Tid)>,
    /// Threads parked in a freeze with a timer running.
    freeze_waits: HashMap<(ProcId, Tid), Instant>,
    /// Payload copies to make once the lock is released.
    copy_jobs: Vec<CopyJob>,
    /// Memory of clients the daemon may not read, as their ioctls brought it.
    inline: Inline,
    /// What each thread channel sent ahead of its next inline ioctl.
    chunks: HashMap<u64, Pending>,
    /// Bytes of `chunks` held, by uid: bounded by [`MAX_INLINE_PER_UID`].
    held_by_uid: HashMap<u32, usize>,
    /// Threads running posted commands: their ioctl's end is not answered.
    posted: HashSet<(ProcId, Tid)>,
    /// Mailbox requests binderd holds.
    served: HashMap<(ProcId, Tid), Served>,
    /// Mailboxes replaced, whose doorbells are to be unwatched.
    unwatch: Vec<Arc<ChannelMailbox>>,
    /// Threads whose new mailboxes' doorbells are to be watched.
    watch: Vec<(ProcId, Tid)>,
    /// Control connections recording this device's events.
    recorders: usize,
    /// Names of processes and threads that opened or attached while a recording ran, newest
    /// last (at most [`MAX_NAMES`]): a trace names them even once they are gone.
    names: std::collections::VecDeque<(i32, Tid, String)>,
}

/// Names of processes and threads a device keeps for its recordings.
const MAX_NAMES: usize = 4096;

/// A new mailbox for the thread channel with epoll key `key`, and its memfd to pass.
fn new_mailbox(key: u64) -> io::Result<(Arc<ChannelMailbox>, OwnedFd)> {
    let (mailbox, memfd) = Mailbox::create()?;
    let doorbell = mailbox::doorbell()?;
    let m = ChannelMailbox {
        mailbox,
        doorbell,
        key: key | DOORBELL_KEY,
    };
    Ok((Arc::new(m), memfd))
}

/// The bit that makes a thread channel's key its doorbell's.
const DOORBELL_KEY: u64 = 1 << 63;

/// Where a posted write's `binder_write_read` and commands are said to be: addresses below
/// any process's lowest mapping (`mmap_min_addr`), so no live memory of the client's other
/// in-flight ioctls can be confused with them.
const POST_ARG: u64 = 0x1000;
const POST_COMMANDS: u64 = 0x2000;
/// Likewise for a `BINDER_WRITE_READ` on lent buffers served through a mailbox: its
/// `binder_write_read`, commands and returns.
const LENT_ARG: u64 = 0x3000;
const LENT_WRITE: u64 = 0x4000;
const LENT_READ: u64 = 0x8000;

/// The most bytes one inline ioctl may bring (a transaction is at most 4 MiB).
const MAX_INLINE: usize = 16 << 20;

/// The most bytes of inline ioctls not yet complete that binderd holds for one uid, over all
/// its processes and threads; beyond it, an inline ioctl fails with `ENOMEM`.
const MAX_INLINE_PER_UID: usize = 64 << 20;

/// The most descriptors one inline ioctl may bring.
const MAX_INLINE_FDS: usize = 1 << 16;

/// What a thread channel sent ahead of its next inline ioctl (its `Chunk`s).
struct Pending {
    /// The process and uid whose channel it is.
    proc: ProcId,
    uid: u32,
    bytes: Vec<u8>,
    /// Descriptors, by their number in the client.
    fds: HashMap<u32, OwnedFd>,
    /// More came than binderd holds for one ioctl or one uid: what came was dropped, and the
    /// ioctl fails with `ENOMEM`.
    overflow: bool,
}

/// The payload copies of one transaction, resolved to pids and mappings so that they can be
/// made without the device lock (the mappings stay alive even if their process goes).
struct CopyJob {
    proc: ProcId,
    tid: Tid,
    ops: Vec<ResolvedCopy>,
}

/// One copy: `len` bytes from `source` to `offset` of `buffer` (gone if its process went
/// away).
struct ResolvedCopy {
    source: Source,
    buffer: Option<Arc<sys::SealedBuffer>>,
    offset: usize,
    len: usize,
}

/// Where a payload copy reads from.
enum Source {
    /// The sender's address space, straight into the buffer: the one copy.
    Process { pid: i32, addr: u64 },
    /// Bytes the sender sent inline (a second copy).
    Inline { data: Arc<Vec<u8>>, at: usize },
    /// Nowhere: the copy faults.
    Missing,
}

/// Payloads up to this size are copied under the device lock (see `Completion::CopyPayload`).
const SMALL_COPY: usize = 4096;

impl CopyJob {
    /// Bytes it copies.
    fn len(&self) -> usize {
        self.ops.iter().map(|c| c.len).sum()
    }

    /// Copies every range; `Err` at the first fault. A target that went away is skipped: the
    /// commit finds it gone.
    fn run(&self) -> (Result<(), Fault>, CopyStats) {
        let mut stats = CopyStats::default();
        for c in &self.ops {
            let Some(buf) = &c.buffer else { continue };
            let dst = buf.range_ptr(c.offset, c.len);
            match &c.source {
                Source::Process { pid, addr } => {
                    // SAFETY: the range lies in a buffer reserved for this pending
                    // transaction, which nothing else reads or writes until the copy is
                    // reported.
                    if let Err(e) = unsafe { sys::read_process_raw(*pid, *addr, dst, c.len) } {
                        tracing::debug!(pid, addr, len = c.len, %e, "payload copy failed");
                        return (Err(Fault), stats);
                    }
                    stats.one_copy_bytes += c.len as u64;
                }
                Source::Inline { data, at } => {
                    // SAFETY: as above; the source is our own memory, in bounds.
                    unsafe { std::ptr::copy_nonoverlapping(data[*at..].as_ptr(), dst, c.len) };
                    stats.inline_bytes += c.len as u64;
                }
                Source::Missing => return (Err(Fault), stats),
            }
        }
        stats.copies = 1;
        (Ok(()), stats)
    }
}

struct Device {
    name: String,
    listener: OwnedFd,
    state: Mutex<DevState>,
    /// Some freeze waits with a timer: only then do workers look at the deadlines, so that an
    /// idle worker does not take the device lock on every wake-up.
    timers: AtomicBool,
}

impl Device {
    /// Ends a locked section: notes whether timers run and takes the payload copies the
    /// section left, to make without the lock.
    fn unlock(&self, mut st: MutexGuard<'_, DevState>) -> Vec<CopyJob> {
        self.timers
            .store(!st.freeze_waits.is_empty(), Ordering::Relaxed);
        std::mem::take(&mut st.copy_jobs)
    }
}

/// What to do once the device lock is released.
enum Out {
    /// Send what is queued on a socket.
    Send(Arc<Socket>),
    /// Wake a client sleeping on its mailbox (its answer is written).
    Wake(Arc<ChannelMailbox>),
}

impl Out {
    /// Queues `bytes` and `fds` on `socket` (under the device lock, which orders them) and
    /// the sending for after the lock.
    fn send(socket: &Arc<Socket>, bytes: Vec<u8>, fds: Vec<OwnedFd>) -> Out {
        socket.queue(bytes, fds);
        Out::Send(socket.clone())
    }

    /// Whether it goes to thread channel `c`.
    fn is_for(&self, c: &ThreadChannel) -> bool {
        match self {
            Out::Send(s) => Arc::ptr_eq(s, &c.fd),
            Out::Wake(m) => c.mailbox.as_ref().is_some_and(|n| Arc::ptr_eq(m, n)),
        }
    }
}

pub(crate) struct Shared {
    epoll: OwnedFd,
    stop_fd: OwnedFd,
    stopping: AtomicBool,
    devices: Vec<Device>,
    endpoints: Mutex<HashMap<u64, Endpoint>>,
    next_key: Mutex<u64>,
    /// Signalled when a process opens or is released.
    procs_changed: Condvar,
    /// Open connections by uid, over every device.
    conns_by_uid: Mutex<HashMap<u32, usize>>,
    /// The most connections one uid may hold open.
    max_conns_per_uid: usize,
    /// Accepting failed for lack of descriptors: the listeners rest until this instant, or
    /// until a connection closes, instead of firing again at once.
    accept_paused: Mutex<Option<Instant>>,
    /// When a refused connection was last logged (at most one line a second).
    last_refusal_log: Mutex<Option<Instant>>,
}

/// How long the listeners rest after running out of descriptors.
const ACCEPT_PAUSE: Duration = Duration::from_millis(100);

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A worker that panicked left the state as it was: serving on is better than stopping.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The epoll key of device `i`'s listener (connections' keys come after them).
fn listener_key(i: usize) -> u64 {
    STOP_KEY + 1 + i as u64
}

/// `CLOCK_MONOTONIC`, in nanoseconds.
fn monotonic_ns() -> u64 {
    // SAFETY: clock_gettime fills the timespec.
    let mut ts: libc::timespec = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

fn errno_ret(e: Errno) -> i64 {
    -(e.0 as i64)
}

fn random_token() -> u64 {
    let mut b = [0u8; 8];
    // SAFETY: getrandom into our buffer.
    let n = unsafe { libc::getrandom(b.as_mut_ptr() as *mut libc::c_void, 8, 0) };
    assert_eq!(n, 8, "getrandom failed");
    u64::from_ne_bytes(b)
}

impl Shared {
    pub(crate) fn new(
        listeners: Vec<(String, OwnedFd)>,
        max_conns_per_uid: usize,
    ) -> io::Result<Shared> {
        // SAFETY: plain syscalls; fds owned on success.
        let epoll = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
        if epoll < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: just created.
        let epoll = unsafe { OwnedFd::from_raw_fd(epoll) };
        // SAFETY: plain syscall.
        let stop = unsafe { libc::eventfd(0, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK) };
        if stop < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: just created.
        let stop_fd = unsafe { OwnedFd::from_raw_fd(stop) };
        let devices_len = listeners.len();
        let devices: Vec<Device> = listeners
            .into_iter()
            .map(|(name, listener)| Device {
                state: Mutex::new(DevState {
                    core: Context::new(&name),
                    procs: HashMap::new(),
                    tokens: HashMap::new(),
                    pids: HashMap::new(),
                    buffers: HashMap::new(),
                    files: FileTable::default(),
                    stats: CopyStats::default(),
                    pollers: HashSet::new(),
                    freeze_waits: HashMap::new(),
                    copy_jobs: Vec::new(),
                    inline: Inline::default(),
                    chunks: HashMap::new(),
                    held_by_uid: HashMap::new(),
                    posted: HashSet::new(),
                    served: HashMap::new(),
                    unwatch: Vec::new(),
                    watch: Vec::new(),
                    recorders: 0,
                    names: std::collections::VecDeque::new(),
                }),
                name,
                listener,
                timers: AtomicBool::new(false),
            })
            .collect();
        let s = Shared {
            epoll,
            stop_fd,
            stopping: AtomicBool::new(false),
            devices,
            endpoints: Mutex::new(HashMap::new()),
            next_key: Mutex::new(listener_key(devices_len)),
            procs_changed: Condvar::new(),
            conns_by_uid: Mutex::new(HashMap::new()),
            max_conns_per_uid,
            accept_paused: Mutex::new(None),
            last_refusal_log: Mutex::new(None),
        };
        // The stop eventfd stays level-triggered so that every worker sees it.
        s.ctl(libc::EPOLL_CTL_ADD, s.stop_fd.as_raw_fd(), STOP_KEY, false)?;
        for (i, d) in s.devices.iter().enumerate() {
            sys::set_nonblocking(d.listener.as_fd(), true)?;
            // Accepted connections inherit it: every message then carries its sender's pid.
            sys::set_passcred(d.listener.as_fd())?;
            let key = listener_key(i);
            lock(&s.endpoints).insert(key, Endpoint::Listener(i));
            s.ctl(libc::EPOLL_CTL_ADD, d.listener.as_raw_fd(), key, true)?;
        }
        Ok(s)
    }

    /// Arms the listeners again after a pause, if one is running.
    fn resume_accepting(&self) {
        if lock(&self.accept_paused).take().is_none() {
            return;
        }
        for (i, d) in self.devices.iter().enumerate() {
            let _ = self.ctl(
                libc::EPOLL_CTL_MOD,
                d.listener.as_raw_fd(),
                listener_key(i),
                true,
            );
        }
    }

    /// Logs a refused or failed `accept`, at most once a second.
    fn log_refusal(&self, what: &str, e: &dyn std::fmt::Display) {
        let mut last = lock(&self.last_refusal_log);
        let now = Instant::now();
        if last.is_none_or(|t| now.duration_since(t) >= Duration::from_secs(1)) {
            *last = Some(now);
            tracing::warn!(%e, "{what} (logged at most once a second)");
        }
    }

    fn new_key(&self) -> u64 {
        let mut k = lock(&self.next_key);
        *k += 1;
        *k
    }

    /// Serves one ready endpoint; a panic (a bug, never what a client sent) is logged and ends
    /// only that connection, so the worker and every other channel go on being served.
    fn serve_guarded(&self, key: u64) {
        let served = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.serve(key)));
        if served.is_err() {
            tracing::error!(key, "a request made binderd panic; closing its connection");
            let conn = match lock(&self.endpoints).get(&key) {
                Some(Endpoint::Conn(c)) => Some((c.dev, c.kind)),
                Some(Endpoint::Listener(i)) => {
                    let _ = self.ctl(
                        libc::EPOLL_CTL_MOD,
                        self.devices[*i].listener.as_raw_fd(),
                        key,
                        true,
                    );
                    None
                }
                Some(Endpoint::Doorbell { .. } | Endpoint::Exited { .. }) | None => None,
            };
            if let Some((dev, kind)) = conn {
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    self.disconnect(key, dev, kind)
                }));
            }
        }
    }

    fn ctl(&self, op: libc::c_int, fd: RawFd, key: u64, oneshot: bool) -> io::Result<()> {
        let flags = if oneshot { libc::EPOLLONESHOT } else { 0 };
        self.ctl_flags(
            op,
            fd,
            key,
            (libc::EPOLLIN | libc::EPOLLRDHUP | flags) as u32,
        )
    }

    fn ctl_flags(&self, op: libc::c_int, fd: RawFd, key: u64, events: u32) -> io::Result<()> {
        let mut ev = libc::epoll_event { events, u64: key };
        // SAFETY: valid epoll fd and event.
        if unsafe { libc::epoll_ctl(self.epoll.as_raw_fd(), op, fd, &mut ev) } < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    pub(crate) fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        let one = 1u64.to_ne_bytes();
        // SAFETY: writing 8 bytes to our eventfd.
        unsafe {
            libc::write(
                self.stop_fd.as_raw_fd(),
                one.as_ptr() as *const libc::c_void,
                8,
            )
        };
    }

    /// Drops every connection (clients see end of stream).
    pub(crate) fn close_all(&self) {
        lock(&self.endpoints).clear();
        lock(&self.conns_by_uid).clear();
        for d in &self.devices {
            let mut st = lock(&d.state);
            // Clients waiting on a mailbox hear at once; the others see end of stream.
            for e in st.procs.values() {
                for m in e.threads.values().filter_map(|c| c.mailbox.as_ref()) {
                    m.mailbox.hand_back(mailbox::DEAD);
                    m.mailbox.wake();
                }
            }
            st.procs.clear();
            st.buffers.clear();
        }
    }

    /// Watches the doorbell of thread `t`'s mailbox, if it has one; false if it cannot.
    fn watch_doorbell(&self, st: &DevState, dev: usize, p: ProcId, t: Tid) -> bool {
        let Some(m) = st
            .procs
            .get(&p)
            .and_then(|e| e.threads.get(&t)?.mailbox.clone())
        else {
            return true;
        };
        lock(&self.endpoints).insert(
            m.key,
            Endpoint::Doorbell {
                dev,
                proc: p,
                tid: t,
            },
        );
        // Edge-triggered: every ring is an event, and the eventfd is never read.
        let events = (libc::EPOLLIN | libc::EPOLLET) as u32;
        match self.ctl_flags(libc::EPOLL_CTL_ADD, m.doorbell.as_raw_fd(), m.key, events) {
            Ok(()) => true,
            Err(e) => {
                tracing::error!(%e, "epoll add failed");
                lock(&self.endpoints).remove(&m.key);
                false
            }
        }
    }

    /// The devices served, in order.
    pub(crate) fn device_names(&self) -> Vec<String> {
        self.devices.iter().map(|d| d.name.clone()).collect()
    }

    /// Runs `f` on device `name`'s core under its lock; `None` for an unknown device.
    pub(crate) fn with_core<T>(&self, name: &str, f: impl FnOnce(&mut Context) -> T) -> Option<T> {
        let d = self.devices.iter().find(|d| d.name == name)?;
        Some(f(&mut lock(&d.state).core))
    }

    /// One more (`on`) or one fewer recording wants device `name`'s events; the ring lives
    /// while any does. `capacity` is the ring's size.
    pub(crate) fn record(&self, name: &str, on: bool, capacity: usize) -> Option<()> {
        let d = self.devices.iter().find(|d| d.name == name)?;
        let mut st = lock(&d.state);
        if on {
            st.recorders += 1;
            st.core.start_recording(capacity);
        } else {
            st.recorders = st.recorders.saturating_sub(1);
            if st.recorders == 0 {
                st.core.stop_recording();
                st.names.clear();
            }
        }
        Some(())
    }

    /// The names device `name` noted while recording: threads' commands and nodes'
    /// interfaces, oldest first.
    pub(crate) fn names(&self, name: &str) -> Option<crate::control::Names> {
        let d = self.devices.iter().find(|d| d.name == name)?;
        let st = lock(&d.state);
        Some(crate::control::Names {
            threads: st.names.iter().cloned().collect(),
            interfaces: st.core.recorded_interfaces(),
        })
    }

    /// Readable once binderd stops.
    pub(crate) fn stop_fd(&self) -> std::os::fd::BorrowedFd<'_> {
        self.stop_fd.as_fd()
    }

    /// Watches for the exit of the process that opened `p` on connection `conn`; false if
    /// it cannot (the connection is refused then).
    fn watch_exit(&self, st: &DevState, dev: usize, p: ProcId, conn: u64) -> bool {
        let Some(pidfd) = st.files.pidfds.get(&p) else {
            return false;
        };
        let key = self.new_key();
        lock(&self.endpoints).insert(key, Endpoint::Exited { dev, proc: p, conn });
        // One event is all it takes; the pidfd closes with the process's release, which
        // takes it out of the set.
        let events = (libc::EPOLLIN | libc::EPOLLONESHOT) as u32;
        match self.ctl_flags(libc::EPOLL_CTL_ADD, pidfd.as_raw_fd(), key, events) {
            Ok(()) => true,
            Err(e) => {
                tracing::error!(%e, "epoll add failed");
                lock(&self.endpoints).remove(&key);
                false
            }
        }
    }

    fn unwatch_doorbell(&self, m: &ChannelMailbox) {
        lock(&self.endpoints).remove(&m.key);
        // SAFETY: removing our own registration; the eventfd is still open.
        unsafe {
            libc::epoll_ctl(
                self.epoll.as_raw_fd(),
                libc::EPOLL_CTL_DEL,
                m.doorbell.as_raw_fd(),
                std::ptr::null_mut(),
            )
        };
    }

    /// A thread rang its mailbox's doorbell: serves the request there, if it is one.
    fn ring(&self, dev: usize, p: ProcId, t: Tid) {
        let d = &self.devices[dev];
        let mut out = Vec::new();
        let jobs = {
            let mut st = lock(&d.state);
            st.serve_mailbox(p, t, &mut out);
            d.unlock(st)
        };
        self.drain(dev, out, jobs);
    }

    pub(crate) fn copy_stats(&self, name: &str) -> Option<CopyStats> {
        let d = self.devices.iter().find(|d| d.name == name)?;
        Some(lock(&d.state).stats)
    }

    pub(crate) fn proc_count(&self, name: &str) -> Option<usize> {
        let d = self.devices.iter().find(|d| d.name == name)?;
        Some(lock(&d.state).procs.len())
    }

    /// Waits until device `name` has `n` processes open, at most `timeout`.
    pub(crate) fn wait_procs(&self, name: &str, n: usize, timeout: Duration) -> bool {
        let Some(d) = self.devices.iter().find(|d| d.name == name) else {
            return false;
        };
        let deadline = Instant::now() + timeout;
        let mut st = lock(&d.state);
        while st.procs.len() != n {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            st = self
                .procs_changed
                .wait_timeout(st, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
        true
    }

    /// A worker: waits on the shared epoll set and serves one ready socket at a time.
    pub(crate) fn work(&self) {
        let mut events = [libc::epoll_event { events: 0, u64: 0 }; 16];
        while !self.stopping.load(Ordering::SeqCst) {
            let timeout = self.next_timeout();
            // SAFETY: events is a valid array of 16 entries.
            let n = unsafe {
                libc::epoll_wait(self.epoll.as_raw_fd(), events.as_mut_ptr(), 16, timeout)
            };
            if n < 0 {
                let e = io::Error::last_os_error();
                if e.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                tracing::error!(%e, "epoll_wait failed");
                return;
            }
            for ev in &events[..n as usize] {
                if ev.u64 == STOP_KEY || self.stopping.load(Ordering::SeqCst) {
                    return;
                }
                self.serve_guarded(ev.u64);
            }
            if std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.fire_timers()))
                .is_err()
            {
                tracing::error!("a timer made binderd panic");
            }
        }
    }

    fn next_timeout(&self) -> i32 {
        let now = Instant::now();
        let mut next: Option<Duration> =
            lock(&self.accept_paused).map(|t| t.saturating_duration_since(now));
        for d in self
            .devices
            .iter()
            .filter(|d| d.timers.load(Ordering::Relaxed))
        {
            for &deadline in lock(&d.state).freeze_waits.values() {
                let left = deadline.saturating_duration_since(now);
                next = Some(next.map_or(left, |n| n.min(left)));
            }
        }
        next.map_or(-1, |d| d.as_millis().min(i32::MAX as u128) as i32 + 1)
    }

    fn fire_timers(&self) {
        let now = Instant::now();
        if lock(&self.accept_paused).is_some_and(|t| t <= now) {
            self.resume_accepting();
        }
        for (dev, d) in self.devices.iter().enumerate() {
            if !d.timers.load(Ordering::Relaxed) {
                continue;
            }
            let mut out = Vec::new();
            let jobs = {
                let mut st = lock(&d.state);
                let due: Vec<_> = st
                    .freeze_waits
                    .iter()
                    .filter(|(_, &t)| t <= now)
                    .map(|(&k, _)| k)
                    .collect();
                for (p, t) in due {
                    st.freeze_waits.remove(&(p, t));
                    let o = st.with_env(Some((p, t)), |core, env| core.timeout(p, t, env));
                    st.finish(p, t, o, &mut out);
                }
                d.unlock(st)
            };
            self.drain(dev, out, jobs);
        }
    }

    fn serve(&self, key: u64) {
        let (dev, fd, kind) = {
            let mut eps = lock(&self.endpoints);
            match eps.get(&key) {
                None => return,
                Some(Endpoint::Listener(dev)) => {
                    let dev = *dev;
                    drop(eps);
                    // Out of descriptors, the listener rests (not re-armed) until a
                    // connection closes or the pause ends.
                    if self.accept(dev) {
                        let _ = self.ctl(
                            libc::EPOLL_CTL_MOD,
                            self.devices[dev].listener.as_raw_fd(),
                            key,
                            true,
                        );
                    }
                    return;
                }
                Some(Endpoint::Conn(c)) => (c.dev, c.fd.clone(), c.kind),
                Some(&Endpoint::Doorbell { dev, proc, tid }) => {
                    drop(eps);
                    self.ring(dev, proc, tid);
                    return;
                }
                Some(&Endpoint::Exited { dev, proc, conn }) => {
                    let open = matches!(eps.get(&conn), Some(Endpoint::Conn(_)));
                    eps.remove(&key);
                    drop(eps);
                    if open {
                        self.disconnect(conn, dev, ConnKind::Proc(proc));
                    }
                    return;
                }
            }
        };
        let mut fds = Vec::new();
        let mut sender = None;
        let msg = with_msg_buf(|buf| {
            sys::recv(fd.as_fd(), buf, libc::MSG_DONTWAIT).map(|r| {
                // A packet longer than any request (cut to the buffer) is malformed whole.
                let q = (r.len > 0).then(|| {
                    (!r.truncated)
                        .then(|| Request::decode(&buf[..r.len]))
                        .flatten()
                });
                fds = r.fds;
                sender = r.sender_pid;
                q
            })
        });
        let request = match msg {
            Ok(None) => None,
            Ok(Some(Some(q))) => Some(q),
            Ok(Some(None)) => {
                tracing::warn!(key, "malformed message; closing the connection");
                None
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                let _ = self.ctl(libc::EPOLL_CTL_MOD, fd.as_raw_fd(), key, true);
                return;
            }
            Err(e) => {
                tracing::debug!(key, %e, "connection error");
                None
            }
        };
        let Some(request) = request else {
            self.disconnect(key, dev, kind);
            return;
        };
        let device = &self.devices[dev];
        let mut out = Vec::new();
        let (new_kind, jobs) = {
            let mut st = lock(&device.state);
            let mut k = st.handle(kind, key, &fd, request, fds, sender, &mut out);
            if let (ConnKind::New, Some(ConnKind::Proc(p))) = (kind, k) {
                if !self.watch_exit(&st, dev, p, key) {
                    k = None;
                }
            }
            for (p, t) in std::mem::take(&mut st.watch) {
                if !self.watch_doorbell(&st, dev, p, t) {
                    k = None;
                }
            }
            for m in std::mem::take(&mut st.unwatch) {
                self.unwatch_doorbell(&m);
            }
            (k, device.unlock(st))
        };
        self.drain(dev, out, jobs);
        if kind == ConnKind::New {
            self.procs_changed.notify_all();
        }
        match new_kind {
            Some(k) => {
                if let Some(Endpoint::Conn(c)) = lock(&self.endpoints).get_mut(&key) {
                    c.kind = k;
                }
                let _ = self.ctl(libc::EPOLL_CTL_MOD, fd.as_raw_fd(), key, true);
            }
            None => self.disconnect(key, dev, kind),
        }
    }

    /// Accepts what waits on device `dev`'s listener. False when it must rest: out of
    /// descriptors or memory, the pending connections stay queued until a connection closes or
    /// [`ACCEPT_PAUSE`] passes, instead of the listener firing again at once.
    fn accept(&self, dev: usize) -> bool {
        loop {
            match sys::accept(self.devices[dev].listener.as_fd()) {
                Ok(fd) => {
                    let Ok(cred) = sys::peer_cred(fd.as_fd()) else {
                        continue;
                    };
                    if !self.count_conn(cred.uid) {
                        self.log_refusal(
                            "connection refused: per-uid limit reached",
                            &format_args!("uid {}", cred.uid),
                        );
                        continue;
                    }
                    let key = self.new_key();
                    let raw = fd.as_raw_fd();
                    lock(&self.endpoints).insert(
                        key,
                        Endpoint::Conn(Conn {
                            dev,
                            fd: Arc::new(Socket::new(fd)),
                            kind: ConnKind::New,
                            uid: cred.uid,
                        }),
                    );
                    if let Err(e) = self.ctl(libc::EPOLL_CTL_ADD, raw, key, true) {
                        tracing::error!(%e, "epoll add failed");
                        lock(&self.endpoints).remove(&key);
                        self.uncount_conn(cred.uid);
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return true,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let out_of_resources = matches!(
                        e.raw_os_error(),
                        Some(libc::EMFILE | libc::ENFILE | libc::ENOBUFS | libc::ENOMEM)
                    );
                    self.log_refusal("accept failed", &e);
                    if out_of_resources {
                        *lock(&self.accept_paused) = Some(Instant::now() + ACCEPT_PAUSE);
                        return false;
                    }
                    return true;
                }
            }
        }
    }

    /// Counts a new connection of `uid`; false (and not counted) at the limit.
    fn count_conn(&self, uid: u32) -> bool {
        let mut by_uid = lock(&self.conns_by_uid);
        let n = by_uid.entry(uid).or_default();
        if *n >= self.max_conns_per_uid {
            return false;
        }
        *n += 1;
        true
    }

    fn uncount_conn(&self, uid: u32) {
        let mut by_uid = lock(&self.conns_by_uid);
        if let Some(n) = by_uid.get_mut(&uid) {
            *n -= 1;
            if *n == 0 {
                by_uid.remove(&uid);
            }
        }
    }

    /// A connection ended: a process connection is the process's release.
    fn disconnect(&self, key: u64, dev: usize, kind: ConnKind) {
        let mut removed = vec![key];
        let mut doorbells = Vec::new();
        if let ConnKind::Proc(p) = kind {
            let mut out = Vec::new();
            let jobs = {
                let d = &self.devices[dev];
                let mut st = lock(&d.state);
                if let Some(e) = st.procs.get(&p) {
                    removed.extend(e.threads.values().map(|c| c.key));
                    doorbells.extend(e.threads.values().filter_map(|c| c.mailbox.clone()));
                }
                st.release(p, &mut out);
                d.unlock(st)
            };
            self.procs_changed.notify_all();
            self.drain(dev, out, jobs);
        } else if let ConnKind::Thread(p, t) = kind {
            let mut st = lock(&self.devices[dev].state);
            st.drop_pending(p, key);
            if let Some(e) = st.procs.get_mut(&p) {
                if e.threads.get(&t).is_some_and(|c| c.key == key) {
                    doorbells.extend(e.threads.remove(&t).and_then(|c| c.mailbox));
                    st.served.remove(&(p, t));
                }
            }
        }
        for m in doorbells {
            self.unwatch_doorbell(&m);
        }
        let mut eps = lock(&self.endpoints);
        if let ConnKind::Proc(p) = kind {
            // Its pidfd closed with the release (which took it out of the epoll set).
            eps.retain(|_, e| !matches!(e, &mut Endpoint::Exited { dev: d, proc, .. } if d == dev && proc == p));
        }
        for k in removed {
            if let Some(Endpoint::Conn(c)) = eps.remove(&k) {
                self.uncount_conn(c.uid);
                // SAFETY: removing our own registration; the fd is still open.
                unsafe {
                    libc::epoll_ctl(
                        self.epoll.as_raw_fd(),
                        libc::EPOLL_CTL_DEL,
                        c.fd.as_raw_fd(),
                        std::ptr::null_mut(),
                    )
                };
            }
        }
        drop(eps);
        // A descriptor was freed: a listener resting for lack of them may accept again.
        self.resume_accepting();
    }
}

impl Shared {
    /// Sends what a locked section produced, then makes the payload copies it left, without
    /// the lock, and reports them under it — until no copies remain.
    fn drain(&self, dev: usize, mut out: Vec<Out>, mut jobs: Vec<CopyJob>) {
        let d = &self.devices[dev];
        loop {
            send_all(std::mem::take(&mut out));
            if jobs.is_empty() {
                return;
            }
            let results: Vec<_> = jobs.iter().map(CopyJob::run).collect();
            let mut st = lock(&d.state);
            for (j, (r, c)) in jobs.iter().zip(results) {
                st.count(c);
                let o = st.with_env(Some((j.proc, j.tid)), |core, env| {
                    core.payload_copied(j.proc, j.tid, r, env)
                });
                st.finish(j.proc, j.tid, o, &mut out);
            }
            jobs = d.unlock(st);
        }
    }
}

fn send_all(out: Vec<Out>) {
    for o in out {
        match o {
            Out::Send(s) => s.flush(),
            Out::Wake(m) => m.mailbox.wake(),
        }
    }
}

impl DevState {
    /// Runs a core entry point, for thread `current` when it acts for one, with the host views
    /// of this device.
    fn with_env<T>(
        &mut self,
        current: Option<(ProcId, Tid)>,
        f: impl FnOnce(&mut Context, &mut Env) -> Outcome<T>,
    ) -> Outcome<T> {
        self.inline.current = current;
        // While a recording runs, its events carry the time of the entry point that made them.
        if self.core.is_recording() {
            self.core.set_clock(monotonic_ns());
        }
        let DevState {
            core,
            pids,
            buffers,
            files,
            inline,
            ..
        } = self;
        let mut user = ProcessMemory { pids, inline };
        let mut rx = Buffers(buffers);
        let mut env = Env {
            user: &mut user,
            rx: &mut rx,
            files,
        };
        f(core, &mut env)
    }

    /// While a recording runs, remembers what thread `tid` of process `pid` is called (its
    /// `comm`), for a trace that outlives it.
    fn note_name(&mut self, pid: i32, tid: Tid) {
        if !self.core.is_recording() {
            return;
        }
        let Ok(name) = std::fs::read_to_string(format!("/proc/{pid}/task/{tid}/comm")) else {
            return;
        };
        if self.names.len() == MAX_NAMES {
            self.names.pop_front();
        }
        self.names
            .push_back((pid, tid, name.trim_end().to_string()));
    }

    /// Adds a payload copy's bytes to the copy statistics.
    fn count(&mut self, c: CopyStats) {
        self.stats.one_copy_bytes += c.one_copy_bytes;
        self.stats.inline_bytes += c.inline_bytes;
        self.stats.copies += c.copies;
    }

    fn channel(&self, p: ProcId, t: Tid) -> Option<&ThreadChannel> {
        self.procs.get(&p)?.threads.get(&t)
    }

    fn mailbox(&self, p: ProcId, t: Tid) -> Option<Arc<ChannelMailbox>> {
        self.channel(p, t)?.mailbox.clone()
    }

    fn reply(&self, p: ProcId, t: Tid, r: Reply, fds: Vec<OwnedFd>, out: &mut Vec<Out>) {
        if let Some(c) = self.channel(p, t) {
            out.push(Out::send(&c.fd, r.encode(), fds));
        }
    }

    /// Acts on an entry point's outcome for thread `t` of `p`, and on every thread it woke.
    ///
    /// Threads it woke hear first and the caller last: on a shared CPU the caller's next
    /// request (a libbinder server's read after its reply) then often finds the work the
    /// woken thread sends meanwhile, instead of parking. Messages to one channel keep their
    /// order.
    fn finish(&mut self, p: ProcId, t: Tid, o: Outcome<Completion>, out: &mut Vec<Out>) {
        let mut own = Vec::new();
        self.complete(p, t, o.result, &mut own);
        let mut woken = Vec::new();
        self.wake(o.wakes, &mut woken);
        let caller = self.channel(p, t);
        let (to_caller, others): (Vec<Out>, Vec<Out>) = woken
            .into_iter()
            .partition(|m| caller.is_some_and(|c| m.is_for(c)));
        out.extend(others);
        out.extend(own);
        out.extend(to_caller);
    }

    fn wake(&mut self, wakes: Vec<Wake>, out: &mut Vec<Out>) {
        let mut queue = std::collections::VecDeque::from(wakes);
        while let Some(w) = queue.pop_front() {
            match w {
                Wake::Resume(p, t) => {
                    let o = self.with_env(Some((p, t)), |core, env| core.resume(p, t, env));
                    queue.extend(o.wakes);
                    self.complete(p, t, o.result, out);
                }
                Wake::Readable(p, t) => self.reply(p, t, Reply::Readable, Vec::new(), out),
            }
        }
    }

    fn complete(&mut self, p: ProcId, t: Tid, c: Completion, out: &mut Vec<Out>) {
        match c {
            Completion::Done(r) => {
                self.freeze_waits.remove(&(p, t));
                self.files.inline_fds.remove(&(p, t));
                if self.posted.remove(&(p, t)) {
                    // Nobody waits for this end: failures are logged, and descriptors the
                    // driver closed in the client go with its next answer.
                    let regions = self.inline.regions.remove(&(p, t)).unwrap_or_default();
                    let bwr = regions
                        .first()
                        .and_then(|arg| BinderWriteRead::from_bytes(&arg.data));
                    if r.is_err() || bwr.is_some_and(|b| b.write_consumed < b.write_size) {
                        tracing::warn!(proc = p.0, tid = t, ?r, "posted commands not all run");
                    }
                } else {
                    let close = self.files.closes.remove(&p).unwrap_or_default();
                    let ret = match r {
                        Ok(v) => v as i64,
                        Err(e) => errno_ret(e),
                    };
                    let regions = self.inline.regions.remove(&(p, t));
                    match (self.served.remove(&(p, t)), regions) {
                        (Some(served), regions) => {
                            self.answer_mailbox(p, t, served, ret, close, regions, out)
                        }
                        (None, Some(regions)) => self.inline_result(p, t, ret, close, regions, out),
                        (None, None) => {
                            self.reply(p, t, Reply::Result { ret, close }, Vec::new(), out)
                        }
                    }
                }
                if self.pollers.contains(&(p, t)) && self.core.poll(p, t).result == Ok(true) {
                    self.reply(p, t, Reply::Readable, Vec::new(), out);
                }
            }
            Completion::Stale => {}
            Completion::Parked => {
                // A parked read only writes from now on: what an inline ioctl brought to be
                // read is let go, so that a parked thread holds no more than it was sent back.
                if let Some(regions) = self.inline.regions.get_mut(&(p, t)) {
                    for r in regions {
                        r.forget_readable();
                    }
                }
            }
            Completion::Waiting { timeout_ms } => {
                let deadline = Instant::now() + Duration::from_millis(timeout_ms as u64);
                self.freeze_waits.insert((p, t), deadline);
            }
            Completion::CopyPayload(ops) => {
                let ops = ops
                    .into_iter()
                    .map(|op| ResolvedCopy {
                        source: if self.inline.procs.contains(&op.from) {
                            match self.inline.source(op.from, op.addr, op.len) {
                                Some((data, at)) => Source::Inline { data, at },
                                None => Source::Missing,
                            }
                        } else {
                            Source::Process {
                                pid: self.pids.get(&op.from).copied().unwrap_or(0),
                                addr: op.addr,
                            }
                        },
                        buffer: self.buffers.get(&op.to).cloned(),
                        offset: op.offset,
                        len: op.len,
                    })
                    .collect::<Vec<_>>();
                let job = CopyJob {
                    proc: p,
                    tid: t,
                    ops,
                };
                if job.len() > SMALL_COPY {
                    self.copy_jobs.push(job);
                    return;
                }
                // A small payload is copied at once, under the lock: cheaper than letting the
                // lock go and taking it again.
                let (r, c) = job.run();
                self.count(c);
                let o = self.with_env(Some((p, t)), |core, env| core.payload_copied(p, t, r, env));
                self.finish(p, t, o, out);
            }
            Completion::InstallFiles(refs) => {
                let mut fds = self.files.take(&refs);
                if fds.len() != refs.len() {
                    tracing::error!("files to install went missing");
                }
                // A mailbox client hears of them there, then takes them from the channel.
                if self.served.contains_key(&(p, t)) {
                    if let Some(m) = self.mailbox(p, t) {
                        let ans = mailbox::Answer {
                            kind: mailbox::ANS_INSTALL,
                            ..Default::default()
                        };
                        m.mailbox.write_answer(&ans, &[]);
                        if m.mailbox.hand_back(mailbox::CLIENT) {
                            out.push(Out::Wake(m));
                        }
                    }
                }
                // As many messages as SCM_RIGHTS needs; the client answers after the last.
                loop {
                    let rest = fds.split_off(fds.len().min(sys::MAX_FDS));
                    let last = rest.is_empty();
                    self.reply(p, t, Reply::Install { last }, fds, out);
                    if last {
                        break;
                    }
                    fds = rest;
                }
            }
        }
    }

    /// Serves what thread `t` of `p` left in its mailbox when it rang: copies the request out
    /// once and runs it. A ring while binderd holds the request, or with the turn not
    /// binderd's, is nobody's request (a scribbling client) and is ignored.
    fn serve_mailbox(&mut self, p: ProcId, t: Tid, out: &mut Vec<Out>) {
        let Some(m) = self.mailbox(p, t) else { return };
        if m.mailbox.turn().load(std::sync::atomic::Ordering::SeqCst) != mailbox::DAEMON {
            return;
        }
        if self.served.contains_key(&(p, t)) {
            return;
        }
        let req = m.mailbox.read_request();
        let _span = tracing::debug_span!("mailbox", proc = p.0, tid = t).entered();
        let (posted, write_len) = (req.posted as usize, req.write_len as usize);
        let fits = posted.saturating_add(write_len) <= mailbox::REQUEST_DATA_SIZE
            && req.read_size as usize <= mailbox::ANSWER_DATA_SIZE
            && matches!(req.kind, mailbox::REQ_IOCTL | mailbox::REQ_LENT);
        if !fits {
            self.refuse_mailbox(&m, Errno::EINVAL, out);
            return;
        }
        let mut data = m.mailbox.read_request_data(posted + write_len);
        let write = data.split_off(posted);
        // Commands posted since the thread's last request run first.
        if !data.is_empty() && !self.run_posted(p, t, data, out) {
            self.refuse_mailbox(&m, Errno::EINVAL, out);
            return;
        }
        match req.kind {
            mailbox::REQ_IOCTL => {
                self.served.insert((p, t), Served { lent: None });
                let o = self.with_env(Some((p, t)), |core, env| {
                    core.ioctl(p, t, req.cmd, req.arg, env)
                });
                self.finish(p, t, o, out);
            }
            _ => {
                self.served.insert(
                    (p, t),
                    Served {
                        lent: Some(Lent {
                            read_size: req.read_size as u64,
                            then_read: req.flags & mailbox::THEN_READ != 0,
                            earlier: None,
                        }),
                    },
                );
                self.read_lent(p, t, write, req.read_size as u64, out);
            }
        }
    }

    /// Answers a malformed mailbox request with `errno`, running nothing.
    fn refuse_mailbox(&self, m: &Arc<ChannelMailbox>, errno: Errno, out: &mut Vec<Out>) {
        let ans = mailbox::Answer {
            kind: mailbox::ANS_RESULT,
            ret: errno_ret(errno),
            ..Default::default()
        };
        m.mailbox.write_answer(&ans, &[]);
        if m.mailbox.hand_back(mailbox::CLIENT) {
            out.push(Out::Wake(m.clone()));
        }
    }

    /// Runs `commands` as a write-only `BINDER_WRITE_READ` nobody waits for (posted
    /// commands: no transaction among them, so it never waits itself). False, running
    /// nothing, when they may not be posted.
    fn run_posted(&mut self, p: ProcId, t: Tid, commands: Vec<u8>, out: &mut Vec<Out>) -> bool {
        if !crate::protocol::postable(&commands) {
            return false;
        }
        let bwr = BinderWriteRead {
            write_size: commands.len() as u64,
            write_buffer: POST_COMMANDS,
            ..Default::default()
        };
        self.inline.regions.insert(
            (p, t),
            vec![
                Region::sent(POST_ARG, bwr.as_bytes().to_vec()),
                Region::sent(POST_COMMANDS, commands),
            ],
        );
        self.posted.insert((p, t));
        let o = self.with_env(Some((p, t)), |core, env| {
            core.ioctl(p, t, BINDER_WRITE_READ, POST_ARG, env)
        });
        self.finish(p, t, o, out);
        true
    }

    /// Runs a `BINDER_WRITE_READ` of `write` and up to `read_size` bytes of returns, on
    /// buffers that live in binderd (the mailbox's, copied out, and its answer).
    fn read_lent(&mut self, p: ProcId, t: Tid, write: Vec<u8>, read_size: u64, out: &mut Vec<Out>) {
        let bwr = BinderWriteRead {
            write_size: write.len() as u64,
            write_buffer: LENT_WRITE,
            read_size,
            read_buffer: LENT_READ,
            ..Default::default()
        };
        let mut regions = vec![Region::sent(LENT_ARG, bwr.as_bytes().to_vec())];
        if !write.is_empty() {
            regions.push(Region::sent(LENT_WRITE, write));
        }
        regions.push(Region::write_only(LENT_READ, read_size));
        self.inline.regions.insert((p, t), regions);
        let o = self.with_env(Some((p, t)), |core, env| {
            core.ioctl(p, t, BINDER_WRITE_READ, LENT_ARG, env)
        });
        self.finish(p, t, o, out);
    }

    /// Answers a mailbox request that ended, or reads on in the same turn (`THEN_READ`) when
    /// a reply's read brought only its `BR_TRANSACTION_COMPLETE`.
    #[allow(clippy::too_many_arguments)]
    fn answer_mailbox(
        &mut self,
        p: ProcId,
        t: Tid,
        served: Served,
        ret: i64,
        mut closes: Vec<u32>,
        regions: Option<Vec<Region>>,
        out: &mut Vec<Out>,
    ) {
        let Some(m) = self.mailbox(p, t) else { return };
        let mut ans = mailbox::Answer {
            kind: mailbox::ANS_RESULT,
            ret,
            ..Default::default()
        };
        let mut returns: &[u8] = &[];
        let regions = regions.unwrap_or_default();
        let mut earlier_returns = Vec::new();
        if let Some(lent) = served.lent {
            let bwr = regions
                .iter()
                .find(|r| r.addr == LENT_ARG)
                .and_then(|r| BinderWriteRead::from_bytes(&r.data))
                .unwrap_or_default();
            let read = regions.iter().find(|r| r.addr == LENT_READ);
            let n = (bwr.read_consumed.min(lent.read_size) as usize)
                .min(read.map_or(0, |r| r.data.len()));
            returns = read.map_or(&[][..], |r| &r.data[..n]);
            ans.write_consumed = bwr.write_consumed;
            let complete = [BR_NOOP.to_ne_bytes(), BR_TRANSACTION_COMPLETE.to_ne_bytes()].concat();
            match lent.earlier {
                Some(e) => {
                    // The read on: its failure is the next read's to report.
                    if ret < 0 {
                        ans.ret = 0;
                        returns = &[];
                    }
                    ans.write_consumed = e.write_consumed;
                    closes.splice(0..0, e.closes);
                    earlier_returns = e.returns;
                }
                None if lent.then_read
                    && ret == 0
                    && bwr.write_consumed == bwr.write_size
                    && returns == complete
                    && lent.read_size >= 2 * complete.len() as u64 =>
                {
                    self.served.insert(
                        (p, t),
                        Served {
                            lent: Some(Lent {
                                read_size: lent.read_size - complete.len() as u64,
                                then_read: false,
                                earlier: Some(Earlier {
                                    returns: complete.clone(),
                                    write_consumed: bwr.write_consumed,
                                    closes,
                                }),
                            }),
                        },
                    );
                    let rest = lent.read_size - complete.len() as u64;
                    self.read_lent(p, t, Vec::new(), rest, out);
                    return;
                }
                None => {}
            }
        }
        ans.read_consumed = (earlier_returns.len() + returns.len()) as u64;
        ans.closes = closes.len() as u32;
        let close_bytes: Vec<u8> = closes.iter().flat_map(|c| c.to_ne_bytes()).collect();
        m.mailbox
            .write_answer(&ans, &[&earlier_returns, returns, &close_bytes]);
        if m.mailbox.hand_back(mailbox::CLIENT) {
            out.push(Out::Wake(m));
        }
    }

    /// Answers an inline ioctl: what the driver wrote in the client's memory, then the result.
    fn inline_result(
        &self,
        p: ProcId,
        t: Tid,
        ret: i64,
        close: Vec<u32>,
        regions: Vec<Region>,
        out: &mut Vec<Out>,
    ) {
        let mut bytes = Vec::new();
        let mut writes = Vec::new();
        for r in &regions {
            if let Some((lo, hi)) = r.dirty {
                bytes.extend_from_slice(&r.data[lo..hi]);
                writes.push((r.addr + lo as u64, (hi - lo) as u64));
            }
        }
        // All but the last chunk go ahead; the last travels with the result.
        let last = bytes.len().saturating_sub(1) / crate::protocol::CHUNK * crate::protocol::CHUNK;
        for c in bytes[..last].chunks(crate::protocol::CHUNK) {
            self.reply(p, t, Reply::Chunk { bytes: c.to_vec() }, Vec::new(), out);
        }
        let bytes = bytes[last..].to_vec();
        self.reply(
            p,
            t,
            Reply::InlineResult {
                ret,
                close,
                writes,
                bytes,
            },
            Vec::new(),
            out,
        );
    }

    fn release(&mut self, p: ProcId, out: &mut Vec<Out>) {
        let o = self.with_env(None, |core, env| core.release(p, env));
        if let Some(e) = self.procs.remove(&p) {
            self.tokens.remove(&e.token);
        }
        self.pids.remove(&p);
        self.buffers.remove(&p);
        self.files.pidfds.remove(&p);
        self.files.closes.remove(&p);
        self.files.inline_fds.retain(|&(q, _), _| q != p);
        self.inline.procs.remove(&p);
        self.inline.regions.retain(|&(q, _), _| q != p);
        let keys: Vec<u64> = (self.chunks.iter())
            .filter(|(_, c)| c.proc == p)
            .map(|(&k, _)| k)
            .collect();
        for k in keys {
            self.drop_pending(p, k);
        }
        self.pollers.retain(|&(q, _)| q != p);
        self.posted.retain(|&(q, _)| q != p);
        self.freeze_waits.retain(|&(q, _), _| q != p);
        self.wake(o.wakes, out);
        tracing::debug!(proc = p.0, "released");
    }

    /// Lets go of what thread channel `key` of `p` sent ahead of an inline ioctl.
    fn drop_pending(&mut self, p: ProcId, key: u64) -> Option<Pending> {
        let pending = self.chunks.remove(&key)?;
        debug_assert_eq!(pending.proc, p);
        if let Some(held) = self.held_by_uid.get_mut(&pending.uid) {
            *held -= pending.bytes.len();
            if *held == 0 {
                self.held_by_uid.remove(&pending.uid);
            }
        }
        Some(pending)
    }

    /// Keeps a chunk of thread channel `key`'s next inline ioctl, within the bounds: at most
    /// [`MAX_INLINE`] bytes and [`MAX_INLINE_FDS`] descriptors for one ioctl, and
    /// [`MAX_INLINE_PER_UID`] bytes held for one uid. Past them, what came is dropped and the
    /// ioctl will fail with `ENOMEM`.
    fn keep_chunk(
        &mut self,
        p: ProcId,
        key: u64,
        bytes: Vec<u8>,
        numbers: Vec<u32>,
        fds: Vec<OwnedFd>,
    ) -> Option<()> {
        let uid = self.procs.get(&p)?.uid;
        let pending = self.chunks.entry(key).or_insert_with(|| Pending {
            proc: p,
            uid,
            bytes: Vec::new(),
            fds: HashMap::new(),
            overflow: false,
        });
        let held = self.held_by_uid.entry(uid).or_default();
        let fits = !pending.overflow
            && numbers.len() == fds.len()
            && pending.bytes.len() + bytes.len() <= MAX_INLINE
            && pending.fds.len() + fds.len() <= MAX_INLINE_FDS
            && *held + bytes.len() <= MAX_INLINE_PER_UID;
        if fits {
            *held += bytes.len();
            pending.bytes.extend_from_slice(&bytes);
            pending.fds.extend(numbers.into_iter().zip(fds));
        } else if !pending.overflow {
            tracing::warn!(
                proc = p.0,
                uid,
                "inline ioctl larger than binderd holds; it will fail with ENOMEM"
            );
            *held -= pending.bytes.len();
            pending.bytes = Vec::new();
            pending.fds.clear();
            pending.overflow = true;
        }
        Some(())
    }

    /// A request on `p`'s connection from another process (`sender`): a child that inherited
    /// the descriptor across `fork`, or a process it was passed to. The driver acts only for
    /// the process that opened it and touches only that process's memory, so the request is
    /// refused with `EINVAL` (what libbinder and the kernel's `mmap` answer a forked child)
    /// and nothing of it is run; requests that expect no answer are dropped.
    fn refuse_foreign(&self, p: ProcId, sender: Option<i32>, req: Request) -> Option<Reply> {
        tracing::warn!(
            proc = p.0,
            owner = self.pids.get(&p).copied(),
            sender,
            "request from a process other than the opener refused"
        );
        match req {
            Request::Ioctl { .. }
            | Request::IoctlInline { .. }
            | Request::Poll
            | Request::Mmap { .. }
            | Request::Mapped { .. }
            | Request::Unmapped => Some(Reply::Result {
                ret: errno_ret(Errno::EINVAL),
                close: Vec::new(),
            }),
            _ => None,
        }
    }

    /// Serves one request that process `sender` sent (as the kernel attached it); returns the
    /// connection's kind from now on, or `None` to close it.
    #[allow(clippy::too_many_arguments)]
    fn handle(
        &mut self,
        kind: ConnKind,
        key: u64,
        fd: &Arc<Socket>,
        req: Request,
        fds: Vec<OwnedFd>,
        sender: Option<i32>,
        out: &mut Vec<Out>,
    ) -> Option<ConnKind> {
        let answer = |r: Reply, fds: Vec<OwnedFd>, out: &mut Vec<Out>| {
            out.push(Out::send(fd, r.encode(), fds))
        };
        let answer_ret = |ret: i64, out: &mut Vec<Out>| {
            answer(
                Reply::Result {
                    ret,
                    close: Vec::new(),
                },
                Vec::new(),
                out,
            )
        };
        if let ConnKind::Proc(p) | ConnKind::Thread(p, _) = kind {
            if sender.is_none() || self.pids.get(&p).copied() != sender {
                if let Some(r) = self.refuse_foreign(p, sender, req) {
                    answer(r, Vec::new(), out);
                }
                return Some(kind);
            }
        }
        match (kind, req) {
            (
                ConnKind::New,
                Request::Open {
                    nonblocking,
                    probe_addr,
                    probe,
                },
            ) => {
                let cred = sys::peer_cred(fd.as_fd()).ok()?;
                if sender != Some(cred.pid) {
                    tracing::warn!(pid = cred.pid, sender, "open sent by another process");
                    return None;
                }
                // Can we read this process? If not, its memory travels inline.
                let mut seen = [0u8; 8];
                let readable = sys::read_process(cred.pid, probe_addr, &mut seen).is_ok()
                    && u64::from_ne_bytes(seen) == probe;
                let pidfd = match sys::pidfd_open(cred.pid) {
                    Ok(f) => f,
                    Err(e) => {
                        tracing::warn!(pid = cred.pid, %e, "pidfd_open failed");
                        return None;
                    }
                };
                let secctx = sys::peer_sec(fd.as_fd())
                    .filter(|l| !l.is_empty())
                    .map(|mut l| {
                        if l.last() != Some(&0) {
                            l.push(0);
                        }
                        l
                    })
                    .unwrap_or_else(|| b"unconfined\0".to_vec());
                let creds = Credentials {
                    pid: cred.pid,
                    euid: cred.uid,
                    secctx,
                };
                let p = self.core.open(creds, nonblocking);
                if !readable {
                    tracing::info!(pid = cred.pid, "cannot read the client's memory: inline");
                    self.inline.procs.insert(p);
                }
                let token = random_token();
                self.tokens.insert(token, p);
                self.pids.insert(p, cred.pid);
                self.files.pidfds.insert(p, pidfd);
                self.procs.insert(
                    p,
                    ProcEntry {
                        token,
                        uid: cred.uid,
                        threads: HashMap::new(),
                        pending_buffer: None,
                    },
                );
                self.note_name(cred.pid, cred.pid);
                let daemon_pid = std::process::id() as i32;
                tracing::debug!(proc = p.0, pid = cred.pid, uid = cred.uid, "open");
                answer(
                    Reply::Opened {
                        token,
                        daemon_pid,
                        inline: !readable,
                    },
                    Vec::new(),
                    out,
                );
                Some(ConnKind::Proc(p))
            }
            (ConnKind::New, Request::Attach { token, tid }) => {
                let &p = self.tokens.get(&token)?;
                let cred = sys::peer_cred(fd.as_fd()).ok()?;
                if self.pids.get(&p) != Some(&cred.pid) || sender != Some(cred.pid) {
                    tracing::warn!(
                        pid = cred.pid,
                        "thread channel from another process refused"
                    );
                    return None;
                }
                self.note_name(cred.pid, tid);
                let channel = ThreadChannel {
                    key,
                    fd: fd.clone(),
                    mailbox: None,
                };
                let old = self.procs.get_mut(&p)?.threads.insert(tid, channel);
                self.unwatch.extend(old.and_then(|c| c.mailbox));
                self.served.remove(&(p, tid));
                answer_ret(0, out);
                Some(ConnKind::Thread(p, tid))
            }
            (ConnKind::Thread(p, t), Request::Mailbox) => {
                // Only for memory binderd reads (inline clients keep the channel alone), and
                // one per channel.
                let channel = self.procs.get_mut(&p)?.threads.get_mut(&t)?;
                if self.inline.procs.contains(&p) || channel.mailbox.is_some() {
                    answer_ret(errno_ret(Errno::EINVAL), out);
                    return Some(kind);
                }
                match new_mailbox(key) {
                    Ok((m, memfd)) => {
                        let doorbell = m.doorbell.try_clone().ok()?;
                        channel.mailbox = Some(m);
                        self.watch.push((p, t));
                        answer(Reply::Mailbox, vec![memfd, doorbell], out);
                    }
                    Err(e) => {
                        tracing::warn!(%e, "cannot make a mailbox");
                        answer_ret(-(e.raw_os_error().unwrap_or(libc::ENOMEM) as i64), out);
                    }
                }
                Some(kind)
            }
            (ConnKind::Proc(p), Request::Mmap { len }) => {
                let e = self.procs.get_mut(&p)?;
                let ret = if self.buffers.contains_key(&p) || e.pending_buffer.is_some() {
                    Err(libc::EBUSY)
                } else if len == 0 {
                    Err(libc::EINVAL)
                } else {
                    let size = len.min(MAX_BUFFER) as usize;
                    sys::SealedBuffer::new("binder-buffer", size)
                        .map_err(|e| e.raw_os_error().unwrap_or(libc::ENOMEM))
                };
                match ret {
                    Ok(b) => {
                        let dup = b.fd.try_clone().ok()?;
                        let len = b.len() as u64;
                        e.pending_buffer = Some(b);
                        answer(Reply::MmapFd { len }, vec![dup], out);
                    }
                    Err(errno) => answer_ret(-(errno as i64), out),
                }
                Some(kind)
            }
            (ConnKind::Proc(p), Request::Mapped { addr, len }) => {
                let e = self.procs.get_mut(&p)?;
                let ret = match e.pending_buffer.take() {
                    None => errno_ret(Errno::EINVAL),
                    Some(b) => {
                        let size = (len as usize).min(b.len());
                        match self.core.mmap(p, addr, size) {
                            Ok(n) => {
                                self.buffers.insert(p, Arc::new(b));
                                n as i64
                            }
                            Err(e) => errno_ret(e),
                        }
                    }
                };
                answer_ret(ret, out);
                Some(kind)
            }
            (ConnKind::Proc(p), Request::Unmapped) => {
                let ret = match self.core.munmap(p) {
                    Ok(()) => 0,
                    Err(e) => errno_ret(e),
                };
                answer_ret(ret, out);
                Some(kind)
            }
            (ConnKind::Thread(p, t), Request::Ioctl { cmd, arg }) => {
                let _span = tracing::debug_span!("ioctl", proc = p.0, tid = t).entered();
                let o = self.with_env(Some((p, t)), |core, env| core.ioctl(p, t, cmd, arg, env));
                self.finish(p, t, o, out);
                Some(kind)
            }
            (
                ConnKind::Thread(p, _),
                Request::Chunk {
                    bytes,
                    fds: numbers,
                },
            ) => {
                self.keep_chunk(p, key, bytes, numbers, fds)?;
                Some(kind)
            }
            (
                ConnKind::Thread(p, t),
                Request::IoctlInline {
                    cmd,
                    arg,
                    regions,
                    fds: numbers,
                    bytes: tail,
                },
            ) => {
                let pending = self.drop_pending(p, key);
                if pending.as_ref().is_some_and(|q| q.overflow) || tail.len() > MAX_INLINE {
                    answer_ret(errno_ret(Errno::ENOMEM), out);
                    return Some(kind);
                }
                let (mut bytes, mut sent_fds) =
                    pending.map_or_else(Default::default, |q| (q.bytes, q.fds));
                bytes.extend_from_slice(&tail);
                sent_fds.extend(numbers.into_iter().zip(fds));
                let mut at = 0usize;
                let mut built = Vec::with_capacity(regions.len());
                for (addr, len, with_bytes) in regions {
                    addr.checked_add(len)?;
                    if len > MAX_INLINE as u64 {
                        return None;
                    }
                    built.push(if with_bytes {
                        let end = at.checked_add(len as usize)?;
                        let r = Region::sent(addr, bytes.get(at..end)?.to_vec());
                        at = end;
                        r
                    } else {
                        Region::write_only(addr, len)
                    });
                }
                if at != bytes.len() {
                    return None;
                }
                self.inline.regions.insert((p, t), built);
                self.files.inline_fds.insert((p, t), sent_fds);
                let _span = tracing::debug_span!("ioctl", proc = p.0, tid = t).entered();
                let o = self.with_env(Some((p, t)), |core, env| core.ioctl(p, t, cmd, arg, env));
                self.finish(p, t, o, out);
                Some(kind)
            }
            (ConnKind::Thread(p, t), Request::Post { commands }) => {
                let _span = tracing::debug_span!("posted", proc = p.0, tid = t).entered();
                // Only a thread with no ioctl in flight posts, and never a transaction.
                if self.inline.regions.contains_key(&(p, t))
                    || !self.run_posted(p, t, commands, out)
                {
                    tracing::warn!(
                        proc = p.0,
                        tid = t,
                        "post out of place; closing the channel"
                    );
                    return None;
                }
                Some(kind)
            }
            (ConnKind::Thread(p, t), Request::Poll) => {
                self.pollers.insert((p, t));
                let o = self.core.poll(p, t);
                let ret = match o.result {
                    Ok(r) => r as i64,
                    Err(e) => errno_ret(e),
                };
                answer_ret(ret, out);
                if o.result == Ok(true) {
                    // Work is there now: the channel turns readable at once, as the kernel's
                    // poll is level-triggered (a thread that watches it with epoll from now
                    // on must see it).
                    self.reply(p, t, Reply::Readable, Vec::new(), out);
                }
                self.wake(o.wakes, out);
                Some(kind)
            }
            (ConnKind::Thread(p, t), Request::Installed { result }) => {
                // Any negative value a client sends: the lowest has no positive errno.
                let fds = result.map_err(|e| Errno(e.checked_neg().unwrap_or(libc::EINVAL)));
                let o = self.with_env(Some((p, t)), |core, env| {
                    core.files_installed(p, t, fds, env)
                });
                self.finish(p, t, o, out);
                Some(kind)
            }
            (_, req) => {
                tracing::warn!(?req, "request out of place; closing the connection");
                None
            }
        }
    }
}

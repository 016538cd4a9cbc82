//! The client side of the simulated device: what `open`/`mmap`/`ioctl`/`poll` on
//! `/dev/binder` are to a process, over binderd's socket.
//!
//! Each thread that makes an ioctl gets a channel of its own to the daemon, opened on its
//! first call; the process connection itself carries only open and mmap, and closing it (or
//! dying) is the release. The daemon reads and writes the caller's memory itself
//! (`process_vm_readv`), so an ioctl's argument is just an address, as for the kernel.

use std::collections::HashMap;
use std::io;
use std::os::fd::{AsFd, AsRawFd, IntoRawFd, OwnedFd, RawFd};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::mailbox::{self, Mailbox};
use crate::protocol::{with_msg_buf, Reply, Request, CHUNK};
use crate::sys;
use crate::uapi::*;

/// An open binder device (a `binder_proc` in the daemon).
pub struct Device {
    path: PathBuf,
    conn: Mutex<OwnedFd>,
    token: u64,
    owner_pid: u32,
    channels: Arc<Channels>,
    /// The daemon may not read our memory: ioctls carry it inline.
    inline: bool,
    /// binderd was found gone (by any thread): every later ioctl fails at once, where a
    /// mailbox would otherwise wait out its liveness slice first.
    gone: Arc<AtomicBool>,
}

/// A thread's channel to the daemon.
struct Channel {
    fd: OwnedFd,
    /// The device's [`Device::gone`].
    daemon_gone: Arc<AtomicBool>,
    /// The thread polled: readiness notes may be queued.
    polled: AtomicBool,
    /// Where its `BINDER_WRITE_READ`s go when binderd reads our memory.
    mailbox: Option<ThreadMailbox>,
}

/// Each open device's thread channels, by tid.
type Channels = Mutex<HashMap<i32, Arc<Channel>>>;

/// The channels the current thread opened, given up when it exits (with or without
/// `BINDER_THREAD_EXIT`): the socket closes and binderd reclaims the mailbox, as the
/// kernel keeps the `binder_thread` itself until the process goes.
#[derive(Default)]
struct ThreadChannels(Vec<(std::sync::Weak<Channels>, i32)>);

impl Drop for ThreadChannels {
    fn drop(&mut self) {
        for (channels, tid) in self.0.drain(..) {
            let Some(channels) = channels.upgrade() else {
                continue;
            };
            let c = channels
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .remove(&tid);
            // Frees posted and not yet sent still run.
            if let Some(c) = c {
                let _ = Device::flush_posted(&c);
            }
        }
    }
}

thread_local! {
    static OPENED: std::cell::RefCell<ThreadChannels> = std::cell::RefCell::default();
}

/// A thread's mailbox, its doorbell, and the commands posted to go with its next request.
struct ThreadMailbox {
    mailbox: Mailbox,
    doorbell: OwnedFd,
    /// Commands that give nothing back, run by binderd before the thread's next request.
    posted: Mutex<Vec<u8>>,
    /// The read buffer (address, size) of this thread's last `BINDER_WRITE_READ` that its
    /// returns were written to: taken as good, as the driver core takes it.
    good_read: Mutex<Option<(u64, u64)>>,
}

/// How long a thread sleeps on its mailbox before it checks that binderd still lives: the
/// bound on noticing binderd's death (killed; a binderd that stops says so at once).
const ALIVE_CHECK: Duration = Duration::from_millis(250);

/// The receive buffer, mapped read-only. Unmapped on drop.
pub struct Mapping {
    map: sys::ReadOnlyMap,
}

impl Mapping {
    /// Where the buffer starts in this process.
    pub fn as_ptr(&self) -> *const u8 {
        self.map.as_ptr()
    }

    /// Its length as mapped.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// This process's id without a system call (kept current across `fork`).
pub fn current_pid() -> i32 {
    sys::getpid_cached()
}

fn errno(e: i32) -> io::Error {
    io::Error::from_raw_os_error(e)
}

/// The daemon is gone: what a driver that no longer accepts operations answers.
fn gone() -> io::Error {
    errno(libc::ECONNREFUSED)
}

fn recv_reply(fd: &OwnedFd) -> io::Result<(Reply, sys::Received)> {
    with_msg_buf(|buf| {
        let r = match sys::recv(fd.as_fd(), buf, 0) {
            Ok(r) => r,
            Err(e) if e.raw_os_error() == Some(libc::ECONNRESET) => return Err(gone()),
            Err(e) => return Err(e),
        };
        if r.len == 0 {
            return Err(gone());
        }
        let reply = Reply::decode(&buf[..r.len]).ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidData, "bad message from binderd")
        })?;
        Ok((reply, r))
    })
}

fn send(fd: &OwnedFd, req: &Request) -> io::Result<()> {
    sys::send(fd.as_fd(), &req.encode(), &[]).map_err(|e| match e.raw_os_error() {
        Some(libc::EPIPE) | Some(libc::ECONNRESET) => gone(),
        _ => e,
    })
}

/// Whether `fd` is an open descriptor of ours.
fn is_open(fd: RawFd) -> bool {
    // SAFETY: F_GETFD only looks the number up.
    unsafe { libc::fcntl(fd, libc::F_GETFD) >= 0 }
}

/// Sends `request(numbers)` with descriptors `fds` attached. A descriptor closed since it was
/// gathered is left out rather than failing the message (the driver then answers the
/// transaction naming it as the kernel does a bad fd: `BR_FAILED_REPLY`, `EBADF`), so that
/// the channel's messages stay whole.
fn send_with_fds(
    fd: &OwnedFd,
    fds: &[RawFd],
    request: impl Fn(Vec<u32>) -> Request,
) -> io::Result<()> {
    let mut fds = fds.to_vec();
    loop {
        let bytes = request(fds.iter().map(|&f| f as u32).collect()).encode();
        match sys::send(fd.as_fd(), &bytes, &fds) {
            Ok(()) => return Ok(()),
            Err(e) if e.raw_os_error() == Some(libc::EBADF) && !fds.is_empty() => {
                let before = fds.len();
                fds.retain(|&f| is_open(f));
                if fds.len() == before {
                    return Err(gone());
                }
            }
            Err(_) => return Err(gone()),
        }
    }
}

/// Descriptors arriving in `Install` messages, until the last.
#[derive(Default)]
struct Installing {
    fds: Vec<OwnedFd>,
    truncated: bool,
}

impl Installing {
    /// Takes one `Install` message's descriptors; after the last, what to answer: their
    /// numbers, or `EMFILE` when our descriptor limit made the kernel drop some (`MSG_CTRUNC`)
    /// — the install then fails whole, and what came is closed.
    fn add(&mut self, r: sys::Received, last: bool) -> Option<Result<Vec<u32>, i32>> {
        self.truncated |= r.truncated_fds;
        self.fds.extend(r.fds);
        if !last {
            return None;
        }
        let fds = std::mem::take(&mut self.fds);
        Some(if std::mem::take(&mut self.truncated) {
            Err(-libc::EMFILE)
        } else {
            Ok(fds.into_iter().map(|f| f.into_raw_fd() as u32).collect())
        })
    }
}

fn close_all(fds: Vec<u32>) {
    for fd in fds {
        // SAFETY: the driver closed this descriptor of ours, as the kernel does for fd arrays
        // of a freed buffer.
        unsafe { libc::close(fd as RawFd) };
    }
}

fn result(ret: i64) -> io::Result<i32> {
    if ret < 0 {
        Err(errno(-ret as i32))
    } else {
        Ok(ret as i32)
    }
}

impl Device {
    /// Opens the device served at `path` (like `open(O_RDWR | O_CLOEXEC)`).
    pub fn open(path: impl AsRef<Path>) -> io::Result<Device> {
        Self::open_with(path.as_ref(), false)
    }

    /// Opens with `O_NONBLOCK`: a read that finds no work fails with `EAGAIN`.
    pub fn open_nonblocking(path: impl AsRef<Path>) -> io::Result<Device> {
        Self::open_with(path.as_ref(), true)
    }

    fn open_with(path: &Path, nonblocking: bool) -> io::Result<Device> {
        let conn = sys::connect(path).map_err(|e| match e.raw_os_error() {
            Some(libc::ENOENT) | Some(libc::ECONNREFUSED) => io::Error::new(
                e.kind(),
                format!("no binderd serving {}: {e}", path.display()),
            ),
            _ => e,
        })?;
        // Under Yama's restricted ptrace the daemon may read us only if we say so.
        let daemon = sys::peer_cred(conn.as_fd())?;
        if let Err(e) = sys::allow_ptracer(daemon.pid) {
            tracing::warn!(%e, "PR_SET_PTRACER failed; binderd may not reach our memory");
        }
        // The daemon checks that it can read this value where we say it is.
        let probe = Box::new(std::process::id() as u64 ^ conn.as_raw_fd() as u64 ^ 0x6269_6e64);
        send(
            &conn,
            &Request::Open {
                nonblocking,
                probe_addr: &*probe as *const u64 as u64,
                probe: *probe,
            },
        )?;
        let Reply::Opened { token, inline, .. } = recv_reply(&conn)?.0 else {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "binderd refused open",
            ));
        };
        drop(probe);
        if inline {
            tracing::info!("binderd cannot read this process: payloads travel inline");
        }
        Ok(Device {
            path: path.to_owned(),
            conn: Mutex::new(conn),
            token,
            owner_pid: std::process::id(),
            channels: Arc::default(),
            inline,
            gone: Arc::default(),
        })
    }

    /// Whether the daemon cannot read this process's memory, so that payloads travel inline
    /// in messages (a second copy): another uid without `CAP_SYS_PTRACE`, a non-dumpable
    /// process, or Yama.
    pub fn is_inline(&self) -> bool {
        self.inline
    }

    fn check_owner(&self) -> io::Result<()> {
        // A forked child holds a copy of its parent's device; the driver refuses it.
        if sys::getpid_cached() as u32 != self.owner_pid {
            return Err(errno(libc::EINVAL));
        }
        Ok(())
    }

    /// Maps the receive buffer read-only (`mmap(PROT_READ, MAP_PRIVATE)` on the device).
    /// The driver uses at most 4 MiB of it. A second mapping fails with `EBUSY`.
    pub fn mmap(&self, len: usize) -> io::Result<Mapping> {
        self.check_owner()?;
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        send(&conn, &Request::Mmap { len: len as u64 })?;
        let (reply, mut r) = recv_reply(&conn)?;
        let fd = match reply {
            Reply::MmapFd { .. } if r.fds.len() == 1 => r.fds.pop().unwrap(),
            Reply::Result { ret, .. } => return Err(errno(-ret as i32)),
            _ => return Err(io::Error::new(io::ErrorKind::InvalidData, "bad mmap reply")),
        };
        let map = sys::ReadOnlyMap::new(fd.as_fd(), len)?;
        drop(fd);
        let addr = map.as_ptr() as u64;
        send(
            &conn,
            &Request::Mapped {
                addr,
                len: len as u64,
            },
        )?;
        match recv_reply(&conn)?.0 {
            Reply::Result { ret, .. } => result(ret)?,
            _ => return Err(io::Error::new(io::ErrorKind::InvalidData, "bad mmap reply")),
        };
        Ok(Mapping { map })
    }

    /// This thread's channel, attached on first use.
    fn channel(&self) -> io::Result<Arc<Channel>> {
        let tid = sys::gettid_cached();
        if let Some(c) = self
            .channels
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&tid)
        {
            return Ok(c.clone());
        }
        let fd = sys::connect(&self.path).map_err(|_| gone())?;
        send(
            &fd,
            &Request::Attach {
                token: self.token,
                tid,
            },
        )?;
        match recv_reply(&fd)?.0 {
            Reply::Result { ret: 0, .. } => {}
            _ => return Err(gone()),
        }
        // A client binderd reads gets a mailbox for its BINDER_WRITE_READs.
        let mailbox = if self.inline {
            None
        } else {
            send(&fd, &Request::Mailbox)?;
            match recv_reply(&fd)? {
                (Reply::Mailbox, r) if r.fds.len() == 2 => {
                    let mut fds = r.fds.into_iter();
                    let (memfd, doorbell) = (fds.next().unwrap(), fds.next().unwrap());
                    Some(ThreadMailbox {
                        mailbox: Mailbox::map(memfd.as_fd())?,
                        doorbell,
                        posted: Mutex::new(Vec::new()),
                        good_read: Mutex::new(None),
                    })
                }
                (Reply::Result { .. }, _) => None,
                _ => return Err(gone()),
            }
        };
        let c = Arc::new(Channel {
            fd,
            daemon_gone: self.gone.clone(),
            polled: AtomicBool::new(false),
            mailbox,
        });
        // Kept for the thread's next ioctls, and given up when it exits. A thread already
        // tearing down its thread-locals (a C library's thread destructor that says
        // BINDER_THREAD_EXIT, as AOSP's IPCThreadState does) gets a channel for this one
        // call, closed after it.
        let kept = OPENED
            .try_with(|o| o.borrow_mut().0.push((Arc::downgrade(&self.channels), tid)))
            .is_ok();
        if kept {
            self.channels
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(tid, c.clone());
        }
        Ok(c)
    }

    /// Runs `req` through this thread's mailbox, with `data` after the commands posted
    /// since the last request, and waits for the answer, taking on the way the files binderd
    /// hands over on the channel.
    fn mailbox_call(
        c: &Channel,
        mb: &ThreadMailbox,
        req: mailbox::Request,
        data: &[u8],
    ) -> io::Result<mailbox::Answer> {
        let r = Self::mailbox_round(c, mb, req, data);
        if matches!(&r, Err(e) if e.raw_os_error() == Some(libc::ECONNREFUSED)) {
            c.daemon_gone.store(true, Ordering::Relaxed);
        }
        r
    }

    /// One request and its answer ([`mailbox_call`](Self::mailbox_call)).
    fn mailbox_round(
        c: &Channel,
        mb: &ThreadMailbox,
        mut req: mailbox::Request,
        data: &[u8],
    ) -> io::Result<mailbox::Answer> {
        if c.daemon_gone.load(Ordering::Relaxed) {
            return Err(gone());
        }
        let posted = std::mem::take(&mut *mb.posted.lock().unwrap_or_else(|p| p.into_inner()));
        req.posted = posted.len() as u32;
        mb.mailbox.write_request(&req, &[&posted, data]);
        mb.mailbox.submit();
        mailbox::ring(mb.doorbell.as_fd()).map_err(|_| gone())?;
        let mut installing = Installing::default();
        loop {
            match mb.mailbox.wait_turn(ALIVE_CHECK) {
                Some(mailbox::CLIENT) => {}
                // DEAD, or a value no one of ours wrote.
                Some(_) => return Err(gone()),
                None if sys::peer_closed(c.fd.as_fd()) => return Err(gone()),
                None => continue,
            }
            let answer = mb.mailbox.read_answer();
            if answer.kind != mailbox::ANS_INSTALL {
                return Ok(answer);
            }
            let result = loop {
                let (reply, r) = recv_reply(&c.fd)?;
                match reply {
                    Reply::Install { last } => {
                        if let Some(result) = installing.add(r, last) {
                            break result;
                        }
                    }
                    Reply::Readable => {}
                    _ => return Err(io::Error::new(io::ErrorKind::InvalidData, "stray message")),
                }
            };
            // The turn goes back to binderd, which answers in the mailbox once it has the
            // numbers (no ring: the answer arrives on the channel).
            mb.mailbox.submit();
            send(&c.fd, &Request::Installed { result })?;
        }
    }

    /// A `BINDER_WRITE_READ` whose buffers this thread copies itself, so that it travels as
    /// lent buffers do (commands in the mailbox, returns out of it) and binderd touches no
    /// memory of ours but the payloads: the kernel's interface at the cost of
    /// [`write_read_buffers`](Self::write_read_buffers). Every copy goes through calls that
    /// report a bad address. `None` leaves the ioctl to binderd, which reproduces every edge
    /// of the kernel's: a stream resumed part-way (`write_consumed` or `read_consumed` not 0),
    /// more than the mailbox holds, a write buffer that cannot be read whole (the commands
    /// before the fault still run), a read buffer the kernel's first store would fault on.
    fn write_read_copied(c: &Channel, mb: &ThreadMailbox, arg: u64) -> Option<io::Result<i32>> {
        let pid = sys::getpid_cached();
        let mut raw = [0u8; std::mem::size_of::<BinderWriteRead>()];
        if sys::read_process(pid, arg, &mut raw).is_err() {
            return Some(Err(errno(libc::EFAULT)));
        }
        let mut bwr = BinderWriteRead::from_bytes(&raw).expect("its size");
        let posted = mb.posted.lock().unwrap_or_else(|p| p.into_inner()).len() as u64;
        if bwr.write_consumed != 0
            || bwr.read_consumed != 0
            || posted.saturating_add(bwr.write_size) > mailbox::REQUEST_DATA_SIZE as u64
            || bwr.read_size > mailbox::ANSWER_DATA_SIZE as u64
        {
            return None;
        }
        let mut write = vec![0u8; bwr.write_size as usize];
        sys::read_process(pid, bwr.write_buffer, &mut write).ok()?;
        let read_buffer = (bwr.read_buffer, bwr.read_size);
        let mut good = mb.good_read.lock().unwrap_or_else(|p| p.into_inner());
        if bwr.read_size > 0 && *good != Some(read_buffer) {
            // The kernel's first store into a read buffer is its BR_NOOP: made here first, a
            // fault leaves everything to binderd, before anything is taken.
            let noop = BR_NOOP.to_ne_bytes();
            if bwr.read_size < 4 || sys::write_process(pid, bwr.read_buffer, &noop).is_err() {
                return None;
            }
            *good = Some(read_buffer);
        }
        drop(good);
        let mut read = vec![0u8; bwr.read_size as usize];
        let (wc, rc, r) = Self::lent_by_mailbox(c, mb, &write, &mut read, 0);
        bwr.write_consumed = wc as u64;
        bwr.read_consumed = rc as u64;
        // What was read is ours to store, then the counts, as the kernel stores them.
        if sys::write_process(pid, bwr.read_buffer, &read[..rc]).is_err() {
            *mb.good_read.lock().unwrap_or_else(|p| p.into_inner()) = None;
            return Some(Err(errno(libc::EFAULT)));
        }
        if sys::write_process(pid, arg, bwr.as_bytes()).is_err() {
            return Some(Err(errno(libc::EFAULT)));
        }
        Some(r.map(|()| 0))
    }

    /// Sends the commands posted for the mailbox on the channel instead, ahead of a request
    /// that goes there: they run before it, as the channel keeps order.
    fn flush_posted(c: &Channel) -> io::Result<()> {
        let Some(mb) = &c.mailbox else { return Ok(()) };
        let posted = std::mem::take(&mut *mb.posted.lock().unwrap_or_else(|p| p.into_inner()));
        if posted.is_empty() {
            return Ok(());
        }
        send(&c.fd, &Request::Post { commands: posted })
    }

    /// Discards readiness notes queued on a channel (the next ioctl consumes readiness).
    /// Only a thread that polled can have any.
    fn drain(c: &Channel) -> io::Result<()> {
        if !c.polled.load(Ordering::Relaxed) {
            return Ok(());
        }
        with_msg_buf(|buf| loop {
            match sys::recv(c.fd.as_fd(), buf, libc::MSG_DONTWAIT) {
                Ok(r) if r.len == 0 => return Err(gone()),
                Ok(r) => match Reply::decode(&buf[..r.len]) {
                    Some(Reply::Readable) => {}
                    _ => return Err(io::Error::new(io::ErrorKind::InvalidData, "stray message")),
                },
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(()),
                Err(_) => return Err(gone()),
            }
        })
    }

    /// Waits for this thread's answer, installing files and skipping readiness notes. The
    /// driver's writes into our memory come back with an inline result: those inside
    /// `trusted` (buffers this module made: lent buffers and their `binder_write_read`) are
    /// stored directly, others through a path that reports a bad address as `EFAULT` instead
    /// of crashing, as the kernel's `copy_to_user` does.
    fn wait_result(c: &Channel, trusted: &[(u64, usize)]) -> io::Result<i64> {
        let mut written = Vec::new();
        let mut installing = Installing::default();
        loop {
            let (reply, r) = recv_reply(&c.fd)?;
            match reply {
                Reply::Result { ret, close } => {
                    close_all(close);
                    return Ok(ret);
                }
                Reply::Chunk { bytes } => written.extend_from_slice(&bytes),
                Reply::InlineResult {
                    ret,
                    close,
                    writes,
                    bytes,
                } => {
                    written.extend_from_slice(&bytes);
                    let mut at = 0usize;
                    for (addr, len) in writes {
                        let len = len as usize;
                        let Some(src) = written.get(at..at + len) else {
                            return Err(io::Error::new(
                                io::ErrorKind::InvalidData,
                                "short write-back",
                            ));
                        };
                        let vouched = trusted.iter().any(|&(start, n)| {
                            addr >= start && addr.saturating_add(len as u64) <= start + n as u64
                        });
                        if vouched {
                            // SAFETY: inside memory the caller vouched for.
                            unsafe {
                                std::ptr::copy_nonoverlapping(src.as_ptr(), addr as *mut u8, len)
                            };
                        } else {
                            sys::write_process(sys::getpid_cached(), addr, src)?;
                        }
                        at += len;
                    }
                    close_all(close);
                    return Ok(ret);
                }
                Reply::Install { last } => {
                    if let Some(result) = installing.add(r, last) {
                        send(&c.fd, &Request::Installed { result })?;
                    }
                }
                Reply::Readable => {}
                _ => return Err(io::Error::new(io::ErrorKind::InvalidData, "stray message")),
            }
        }
    }

    /// `ioctl(fd, cmd, arg)` on the device, with the kernel's errno for every failure.
    ///
    /// # Safety
    /// `arg` must point to what the ioctl expects (for `BINDER_WRITE_READ`, a
    /// `binder_write_read`), as for the real ioctl: the driver reads and writes it. The
    /// buffers a `binder_write_read` points to may be bad: the driver answers `EFAULT` (or
    /// `BR_FAILED_REPLY`) as the kernel does.
    pub unsafe fn ioctl(&self, cmd: u32, arg: *mut libc::c_void) -> io::Result<i32> {
        self.check_owner()?;
        let arg = arg as u64;
        let c = self.channel()?;
        if let Some(mb) = &c.mailbox {
            if cmd == BINDER_WRITE_READ {
                if let Some(r) = Self::write_read_copied(&c, mb, arg) {
                    return r;
                }
            }
            // binderd reads and writes the argument in place, reporting a bad one as the
            // kernel does.
            Self::drain(&c)?;
            let req = mailbox::Request {
                kind: mailbox::REQ_IOCTL,
                cmd,
                arg,
                ..Default::default()
            };
            let answer = Self::mailbox_call(&c, mb, req, &[])?;
            self.ioctl_done(cmd, answer.ret);
            return result(answer.ret);
        }
        // What the daemon would otherwise fetch from our memory with a syscall each travels
        // with the request: the binder_write_read always, and everything for inline clients.
        // All of it is read and written back through calls that report a bad address, so a
        // bad `arg` is the kernel's EFAULT, never a crash.
        let gather = if self.inline {
            Some(inline::regions(cmd, arg))
        } else if cmd == BINDER_WRITE_READ {
            Some(inline::argument(cmd, arg))
        } else {
            None
        };
        match self.call(cmd, arg, gather, &[]) {
            // The C driver answers a version it cannot store with EINVAL.
            Err(e) if cmd == BINDER_VERSION && e.raw_os_error() == Some(libc::EFAULT) => {
                Err(errno(libc::EINVAL))
            }
            r => r,
        }
    }

    /// `BINDER_WRITE_READ` on buffers lent for the call: the commands in `write`, the returns
    /// into `read`. Answers `(write_consumed, read_consumed, result)`; the counts hold on
    /// failure too, as the kernel writes them back before failing, so that an interrupted
    /// call goes on where it stopped.
    ///
    /// Both buffers travel in the messages to and from the daemon (they are known to be
    /// good), where [`write_read`](Self::write_read) has the daemon read and write them in
    /// place, a system call each. Payloads the commands point to are still copied once, by
    /// the daemon, from this process.
    ///
    /// Through the thread's mailbox when they fit it (as libbinder's do), in the socket
    /// messages otherwise.
    pub fn write_read_buffers(
        &self,
        write: &[u8],
        read: &mut [u8],
    ) -> (usize, usize, io::Result<()>) {
        self.lent(write, read, 0)
    }

    /// [`write_read_buffers`](Self::write_read_buffers) for a server's reply, an extension of
    /// the kernel's interface: when the read brings back only `BR_NOOP` and
    /// `BR_TRANSACTION_COMPLETE` (the reply is done, as the kernel reports it even when the
    /// reply fails), the driver reads on in the same call, as the thread's next
    /// `BINDER_WRITE_READ` would, so that a reply and the wait for the next request block
    /// once. `read` then holds both reads' returns. For a thread that reads next anyway (a
    /// looper): one that must come back between the two (a polling thread) uses
    /// `write_read_buffers`.
    pub fn reply_and_read(&self, write: &[u8], read: &mut [u8]) -> (usize, usize, io::Result<()>) {
        self.lent(write, read, mailbox::THEN_READ)
    }

    fn lent(&self, write: &[u8], read: &mut [u8], flags: u32) -> (usize, usize, io::Result<()>) {
        if let Err(e) = self.check_owner() {
            return (0, 0, Err(e));
        }
        let c = match self.channel() {
            Ok(c) => c,
            Err(e) => return (0, 0, Err(e)),
        };
        if let Some(mb) = &c.mailbox {
            let posted = mb.posted.lock().unwrap_or_else(|p| p.into_inner()).len();
            if posted + write.len() <= mailbox::REQUEST_DATA_SIZE
                && read.len() <= mailbox::ANSWER_DATA_SIZE
            {
                return Self::lent_by_mailbox(&c, mb, write, read, flags);
            }
        }
        let mut bwr = BinderWriteRead {
            write_size: write.len() as u64,
            write_consumed: 0,
            write_buffer: write.as_ptr() as u64,
            read_size: read.len() as u64,
            read_consumed: 0,
            read_buffer: read.as_mut_ptr() as u64,
        };
        let arg = &mut bwr as *mut BinderWriteRead as u64;
        let gather = if self.inline {
            inline::regions(BINDER_WRITE_READ, arg)
        } else {
            inline::lent(&bwr, write, read.len())
        };
        let trusted = [
            (arg, size_of::<BinderWriteRead>()),
            (bwr.read_buffer, read.len()),
        ];
        let result = self.call(BINDER_WRITE_READ, arg, Some(gather), &trusted);
        (
            (bwr.write_consumed as usize).min(write.len()),
            (bwr.read_consumed as usize).min(read.len()),
            result.map(drop),
        )
    }

    fn lent_by_mailbox(
        c: &Channel,
        mb: &ThreadMailbox,
        write: &[u8],
        read: &mut [u8],
        flags: u32,
    ) -> (usize, usize, io::Result<()>) {
        if let Err(e) = Self::drain(c) {
            return (0, 0, Err(e));
        }
        let req = mailbox::Request {
            kind: mailbox::REQ_LENT,
            write_len: write.len() as u32,
            read_size: read.len() as u32,
            flags,
            ..Default::default()
        };
        let answer = match Self::mailbox_call(c, mb, req, write) {
            Ok(a) => a,
            Err(e) => return (0, 0, Err(e)),
        };
        let n = (answer.read_consumed as usize).min(read.len());
        mb.mailbox.read_answer_data(0, &mut read[..n]);
        let room = (mailbox::ANSWER_DATA_SIZE - n) / 4;
        let mut closes = vec![0u8; (answer.closes as usize).min(room) * 4];
        mb.mailbox.read_answer_data(n, &mut closes);
        close_all(
            closes
                .chunks_exact(4)
                .map(|c| u32::from_ne_bytes(c.try_into().expect("4 bytes")))
                .collect(),
        );
        (
            (answer.write_consumed as usize).min(write.len()),
            n,
            result(answer.ret).map(drop),
        )
    }

    /// Runs `commands` as a write-only `BINDER_WRITE_READ` without waiting for its end: for
    /// commands that give nothing back, such as the `BC_FREE_BUFFER` a thread that is not a
    /// looper sends as soon as it drops a reply. The driver runs them before this thread's next
    /// ioctl (the channel keeps order) and logs what fails, as the kernel logs a bad
    /// `BC_FREE_BUFFER`; descriptors it closes in this process (fd arrays of freed buffers)
    /// are closed on the next ioctl's return. `EINVAL` for a transaction or reply among them
    /// (they need their answer) or more than fits one message.
    pub fn post_commands(&self, commands: &[u8]) -> io::Result<()> {
        self.check_owner()?;
        if !crate::protocol::postable(commands) {
            return Err(errno(libc::EINVAL));
        }
        let c = self.channel()?;
        if let Some(mb) = &c.mailbox {
            // They go with the thread's next request, in its mailbox: no wake-up.
            let mut posted = mb.posted.lock().unwrap_or_else(|p| p.into_inner());
            if posted.len() + commands.len() <= mailbox::REQUEST_DATA_SIZE / 2 {
                posted.extend_from_slice(commands);
                return Ok(());
            }
        }
        Self::flush_posted(&c)?;
        send(
            &c.fd,
            &Request::Post {
                commands: commands.to_vec(),
            },
        )
    }

    /// Sends an ioctl (with what `gather` brings along) on this thread's channel and waits
    /// for its result.
    fn call(
        &self,
        cmd: u32,
        arg: u64,
        gather: Option<inline::Gather>,
        trusted: &[(u64, usize)],
    ) -> io::Result<i32> {
        let c = self.channel()?;
        Self::drain(&c)?;
        Self::flush_posted(&c)?;
        match gather {
            Some(inline::Gather {
                regions,
                bytes,
                fds,
                ..
            }) => {
                // The bytes go in chunks, the last with the request; descriptors at most
                // SCM_MAX_FD a message, so the chunks carry all but the last batch (with no
                // bytes where there are more batches than chunks).
                let last = bytes.len().saturating_sub(1) / CHUNK * CHUNK;
                let chunks: Vec<&[u8]> = bytes[..last].chunks(CHUNK).collect();
                let batches: Vec<&[RawFd]> = fds.chunks(sys::MAX_FDS).collect();
                let (final_fds, early): (&[RawFd], &[&[RawFd]]) = match batches.split_last() {
                    Some((l, e)) => (l, e),
                    None => (&[], &[]),
                };
                for i in 0..chunks.len().max(early.len()) {
                    let bytes = chunks.get(i).copied().unwrap_or_default().to_vec();
                    send_with_fds(&c.fd, early.get(i).copied().unwrap_or_default(), |fds| {
                        Request::Chunk {
                            bytes: bytes.clone(),
                            fds,
                        }
                    })?;
                }
                send_with_fds(&c.fd, final_fds, |fds| Request::IoctlInline {
                    cmd,
                    arg,
                    regions: regions.clone(),
                    fds,
                    bytes: bytes[last..].to_vec(),
                })?;
            }
            None => send(&c.fd, &Request::Ioctl { cmd, arg })?,
        }
        let ret = Self::wait_result(&c, trusted)?;
        self.ioctl_done(cmd, ret);
        result(ret)
    }

    /// After an ioctl: a thread that exited the driver gives up its channel.
    fn ioctl_done(&self, cmd: u32, ret: i64) {
        if cmd == BINDER_THREAD_EXIT && ret >= 0 {
            self.channels
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .remove(&sys::gettid_cached());
        }
    }

    /// Unmaps the receive buffer: the kernel's vma going away. Nothing is delivered to this
    /// process from then on (its callers get `BR_DEAD_REPLY`), buffers it holds can still be
    /// freed, and it cannot map again (`EBUSY`), as with the kernel's driver.
    pub fn munmap(&self, mapping: Mapping) -> io::Result<()> {
        drop(mapping);
        self.check_owner()?;
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        send(&conn, &Request::Unmapped)?;
        match recv_reply(&conn)?.0 {
            Reply::Result { ret: 0, .. } => Ok(()),
            Reply::Result { ret, .. } => Err(errno(-ret as i32)),
            _ => Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "bad munmap reply",
            )),
        }
    }

    /// Whether this thread's read would find work, waiting up to `timeout` (`None`: forever)
    /// for some to arrive. Marks the thread as polling, like `poll()` on the device.
    pub fn poll(&self, timeout: Option<Duration>) -> io::Result<bool> {
        self.check_owner()?;
        let c = self.channel()?;
        c.polled.store(true, Ordering::Relaxed);
        Self::drain(&c)?;
        send(&c.fd, &Request::Poll)?;
        if Self::wait_result(&c, &[])? > 0 {
            return Ok(true);
        }
        let ms = timeout.map_or(-1, |t| t.as_millis().min(i32::MAX as u128) as i32);
        sys::poll_in(c.fd.as_fd(), ms)
    }

    /// A descriptor that is readable while this thread's read would find work, for epoll:
    /// level-triggered, as `poll` on the kernel's device. It stays valid until the thread
    /// calls `BINDER_THREAD_EXIT` or the device is dropped; the next ioctl consumes the
    /// readiness (and renews it if work remains).
    pub fn poll_fd(&self) -> io::Result<RawFd> {
        self.poll_ready().map(|(_, fd)| fd)
    }

    /// Whether this thread's read would find work now, and its [`poll_fd`](Self::poll_fd):
    /// what `poll` on the device needs to wait without a second question.
    pub fn poll_ready(&self) -> io::Result<(bool, RawFd)> {
        let ready = self.poll(Some(Duration::ZERO))?;
        Ok((ready, self.channel()?.fd.as_raw_fd()))
    }

    /// `BINDER_WRITE_READ`.
    pub fn write_read(&self, bwr: &mut BinderWriteRead) -> io::Result<()> {
        // SAFETY: bwr is a valid binder_write_read; its buffers are the caller's contract.
        unsafe { self.ioctl(BINDER_WRITE_READ, bwr as *mut _ as *mut libc::c_void) }.map(|_| ())
    }

    /// `BINDER_VERSION`.
    pub fn version(&self) -> io::Result<i32> {
        let mut v = BinderVersion::default();
        // SAFETY: v is a valid binder_version.
        unsafe { self.ioctl(BINDER_VERSION, &mut v as *mut _ as *mut libc::c_void) }?;
        Ok(v.protocol_version)
    }

    /// `BINDER_SET_MAX_THREADS`.
    pub fn set_max_threads(&self, n: u32) -> io::Result<()> {
        let mut n = n;
        // SAFETY: n is a valid u32.
        unsafe {
            self.ioctl(
                BINDER_SET_MAX_THREADS,
                &mut n as *mut _ as *mut libc::c_void,
            )
        }
        .map(|_| ())
    }

    /// `BINDER_SET_CONTEXT_MGR`.
    pub fn set_context_mgr(&self) -> io::Result<()> {
        let mut z = 0i32;
        // SAFETY: z is a valid i32.
        unsafe {
            self.ioctl(
                BINDER_SET_CONTEXT_MGR,
                &mut z as *mut _ as *mut libc::c_void,
            )
        }
        .map(|_| ())
    }

    /// `BINDER_SET_CONTEXT_MGR_EXT`.
    pub fn set_context_mgr_ext(&self, obj: &FlatBinderObject) -> io::Result<()> {
        let mut o = *obj;
        // SAFETY: o is a valid flat_binder_object.
        unsafe {
            self.ioctl(
                BINDER_SET_CONTEXT_MGR_EXT,
                &mut o as *mut _ as *mut libc::c_void,
            )
        }
        .map(|_| ())
    }

    /// `BINDER_GET_NODE_INFO_FOR_REF` (context manager only): the reference counts of the
    /// node `handle` names.
    pub fn node_info_for_ref(&self, handle: u32) -> io::Result<BinderNodeInfoForRef> {
        let mut info = BinderNodeInfoForRef {
            handle,
            ..Default::default()
        };
        // SAFETY: info is a valid binder_node_info_for_ref.
        unsafe {
            self.ioctl(
                BINDER_GET_NODE_INFO_FOR_REF,
                &mut info as *mut _ as *mut libc::c_void,
            )
        }?;
        Ok(info)
    }

    /// `BINDER_THREAD_EXIT` for the calling thread.
    pub fn thread_exit(&self) -> io::Result<()> {
        let mut z = 0i32;
        // SAFETY: z is a valid i32.
        unsafe { self.ioctl(BINDER_THREAD_EXIT, &mut z as *mut _ as *mut libc::c_void) }.map(|_| ())
    }
}

impl AsRawFd for Device {
    /// The process connection (not pollable for work; use [`Device::poll_fd`]).
    fn as_raw_fd(&self) -> RawFd {
        self.conn
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_raw_fd()
    }
}

/// What an ioctl may touch in our memory, gathered for a daemon that cannot read it.
mod inline {
    use std::os::fd::RawFd;

    use crate::sys;
    use crate::uapi::*;

    /// The most one region may hold (a transaction is at most 4 MiB).
    const MAX_REGION: u64 = 4 << 20;

    /// Reads our own memory without trusting the address: a bad one is skipped, and the
    /// daemon then answers as the kernel would (EFAULT or BR_FAILED_REPLY).
    fn peek(addr: u64, len: u64) -> Option<Vec<u8>> {
        if len > MAX_REGION {
            return None;
        }
        let mut v = vec![0u8; len as usize];
        sys::read_process(sys::getpid_cached(), addr, &mut v).ok()?;
        Some(v)
    }

    /// What an inline ioctl carries: regions (address, length, bytes included), their bytes
    /// in order, and descriptors.
    #[derive(Default)]
    pub(super) struct Gather {
        pub(super) regions: Vec<(u64, u64, bool)>,
        pub(super) bytes: Vec<u8>,
        pub(super) fds: Vec<RawFd>,
        pub(super) seen: std::collections::HashSet<RawFd>,
    }

    impl Gather {
        /// Sends `addr..addr + len` with its bytes; returns them.
        fn read(&mut self, addr: u64, len: u64) -> Option<Vec<u8>> {
            if len == 0 {
                return None;
            }
            let b = peek(addr, len)?;
            self.regions.push((addr, len, true));
            self.bytes.extend_from_slice(&b);
            Some(b)
        }

        /// Sends the ioctl's argument, if it can be read: a bad pointer is sent as nothing,
        /// and the daemon then answers as the kernel does (EFAULT, or EINVAL for the ioctls
        /// whose C code says so).
        fn argument(&mut self, arg: u64, len: u64) -> Option<Vec<u8>> {
            self.read(arg, len)
        }

        /// Declares `addr..addr + len` as written by the driver.
        fn write_only(&mut self, addr: u64, len: u64) {
            // A range past the top of the address space is no region: binderd answers the
            // write to it as the kernel does (EFAULT).
            if len > 0 && len <= MAX_REGION && addr.checked_add(len).is_some() {
                self.regions.push((addr, len, false));
            }
        }

        /// Attaches descriptor `fd` if it is open; a bad one is not sent, and the daemon
        /// answers the transaction as the kernel does (`BR_FAILED_REPLY`, `EBADF`).
        fn fd(&mut self, fd: u32) {
            let Ok(fd) = RawFd::try_from(fd) else { return };
            if super::is_open(fd) && self.seen.insert(fd) {
                self.fds.push(fd);
            }
        }

        /// A transaction's data, offsets, scatter-gather buffers and descriptors.
        fn transaction(&mut self, td: &BinderTransactionData) {
            let data = self
                .read(td.data_buffer(), td.data_size)
                .unwrap_or_default();
            let offsets: Vec<u64> = self
                .read(td.data_offsets(), td.offsets_size)
                .unwrap_or_default()
                .chunks_exact(8)
                .map(|c| u64::from_ne_bytes(c.try_into().unwrap()))
                .collect();
            let object = |off: u64, len: usize| {
                let off = usize::try_from(off).ok()?;
                data.get(off..off.checked_add(len)?)
            };
            for &off in &offsets {
                let Some(ty) = object(off, 4).map(|b| u32::from_ne_bytes(b.try_into().unwrap()))
                else {
                    continue;
                };
                match ty {
                    BINDER_TYPE_FD => {
                        if let Some(o) = object(off, 24).and_then(BinderFdObject::from_bytes) {
                            self.fd(o.fd());
                        }
                    }
                    BINDER_TYPE_PTR => {
                        if let Some(o) = object(off, 40).and_then(BinderBufferObject::from_bytes) {
                            self.read(o.buffer, o.length);
                        }
                    }
                    BINDER_TYPE_FDA => {
                        let Some(o) = object(off, 32).and_then(BinderFdArrayObject::from_bytes)
                        else {
                            continue;
                        };
                        let parent = usize::try_from(o.parent)
                            .ok()
                            .and_then(|i| offsets.get(i))
                            .and_then(|&p| object(p, 40))
                            .and_then(BinderBufferObject::from_bytes);
                        let Some(parent) = parent else { continue };
                        let at = parent.buffer.wrapping_add(o.parent_offset);
                        let fds = peek(at, o.num_fds.saturating_mul(4)).unwrap_or_default();
                        for fd in fds.chunks_exact(4) {
                            self.fd(u32::from_ne_bytes(fd.try_into().unwrap()));
                        }
                    }
                    _ => {}
                }
            }
        }

        /// The commands of a write buffer and what they point at.
        fn commands(&mut self, buf: &[u8]) {
            let mut at = 0usize;
            while at + 4 <= buf.len() {
                let cmd = u32::from_ne_bytes(buf[at..at + 4].try_into().unwrap());
                if ioc_type(cmd) != b'c' as u32 {
                    return;
                }
                let size = ioc_size(cmd) as usize;
                let Some(payload) = buf.get(at + 4..at + 4 + size) else {
                    return;
                };
                if matches!(
                    cmd,
                    BC_TRANSACTION | BC_REPLY | BC_TRANSACTION_SG | BC_REPLY_SG
                ) {
                    if let Some(td) = BinderTransactionData::from_bytes(payload) {
                        self.transaction(&td);
                    }
                }
                at += 4 + size;
            }
        }
    }

    /// A `binder_write_read` on lent buffers: it, the commands (known good) and the read
    /// buffer to be written; the daemon reads payloads itself.
    pub(super) fn lent(bwr: &BinderWriteRead, write: &[u8], read_len: usize) -> Gather {
        let mut g = Gather::default();
        let arg = bwr as *const BinderWriteRead as u64;
        g.regions
            .push((arg, size_of::<BinderWriteRead>() as u64, true));
        g.bytes.extend_from_slice(bwr.as_bytes());
        if !write.is_empty() {
            g.regions.push((bwr.write_buffer, write.len() as u64, true));
            g.bytes.extend_from_slice(write);
        }
        g.write_only(bwr.read_buffer, read_len as u64);
        g
    }

    /// Just the ioctl's argument (for a daemon that reads the rest itself).
    pub(super) fn argument(cmd: u32, arg: u64) -> Gather {
        let mut g = Gather::default();
        g.argument(arg, ioc_size(cmd) as u64);
        g
    }

    /// What an ioctl may touch.
    pub(super) fn regions(cmd: u32, arg: u64) -> Gather {
        let mut g = Gather::default();
        let size = ioc_size(cmd) as u64;
        if cmd == BINDER_WRITE_READ {
            if let Some(b) = g.argument(arg, size) {
                let bwr = BinderWriteRead::from_bytes(&b).unwrap();
                let start = bwr.write_buffer.wrapping_add(bwr.write_consumed);
                let len = bwr.write_size.saturating_sub(bwr.write_consumed);
                if let Some(cmds) = g.read(start, len) {
                    g.commands(&cmds);
                }
                let rstart = bwr.read_buffer.wrapping_add(bwr.read_consumed);
                g.write_only(rstart, bwr.read_size.saturating_sub(bwr.read_consumed));
            }
        } else if ioc_dir(cmd) & IOC_WRITE != 0 {
            g.argument(arg, size);
        } else {
            g.write_only(arg, size);
        }
        g
    }
}

//! Thin, safe wrappers over the Linux calls the daemon and the client device need:
//! `SOCK_SEQPACKET` Unix sockets with descriptor passing, peer credentials, sealed memfds,
//! cross-process memory access and pidfds. Everything returns `io::Result`.

use std::ffi::CString;
use std::io;
use std::mem::{size_of, zeroed};
use std::os::fd::{AsRawFd, BorrowedFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

fn cvt(r: libc::c_int) -> io::Result<libc::c_int> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

fn cvt_size(r: libc::ssize_t) -> io::Result<usize> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(r as usize)
    }
}

fn sockaddr(path: &Path) -> io::Result<(libc::sockaddr_un, libc::socklen_t)> {
    // SAFETY: sockaddr_un is plain data; all-zero is a valid value.
    let mut addr: libc::sockaddr_un = unsafe { zeroed() };
    addr.sun_family = libc::AF_UNIX as libc::sa_family_t;
    let bytes = path.as_os_str().as_bytes();
    if bytes.len() >= addr.sun_path.len() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "socket path too long",
        ));
    }
    for (d, &s) in addr.sun_path.iter_mut().zip(bytes) {
        *d = s as libc::c_char;
    }
    let len = size_of::<libc::sa_family_t>() + bytes.len() + 1;
    Ok((addr, len as libc::socklen_t))
}

fn seqpacket() -> io::Result<OwnedFd> {
    // SAFETY: plain syscall; the fd is owned on success.
    let fd =
        cvt(unsafe { libc::socket(libc::AF_UNIX, libc::SOCK_SEQPACKET | libc::SOCK_CLOEXEC, 0) })?;
    // SAFETY: fd was just created and is ours.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// A listening `SOCK_SEQPACKET` socket bound at `path`.
pub fn listen(path: &Path) -> io::Result<OwnedFd> {
    let fd = seqpacket()?;
    let (addr, len) = sockaddr(path)?;
    // SAFETY: addr is a valid sockaddr_un of length len.
    cvt(unsafe {
        libc::bind(
            fd.as_raw_fd(),
            &addr as *const _ as *const libc::sockaddr,
            len,
        )
    })?;
    // SAFETY: plain syscall on our fd.
    cvt(unsafe { libc::listen(fd.as_raw_fd(), 128) })?;
    Ok(fd)
}

/// Connects a `SOCK_SEQPACKET` socket to `path`.
pub fn connect(path: &Path) -> io::Result<OwnedFd> {
    let fd = seqpacket()?;
    let (addr, len) = sockaddr(path)?;
    // SAFETY: addr is a valid sockaddr_un of length len.
    cvt(unsafe {
        libc::connect(
            fd.as_raw_fd(),
            &addr as *const _ as *const libc::sockaddr,
            len,
        )
    })?;
    Ok(fd)
}

/// Accepts a connection (non-blocking, close-on-exec).
pub fn accept(fd: BorrowedFd) -> io::Result<OwnedFd> {
    // SAFETY: plain syscall; null address arguments are allowed.
    let c = cvt(unsafe {
        libc::accept4(
            fd.as_raw_fd(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK,
        )
    })?;
    // SAFETY: c was just created and is ours.
    Ok(unsafe { OwnedFd::from_raw_fd(c) })
}

/// The peer's credentials as the kernel recorded them at connect time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PeerCred {
    pub pid: i32,
    pub uid: u32,
    pub gid: u32,
}

pub fn peer_cred(fd: BorrowedFd) -> io::Result<PeerCred> {
    // SAFETY: ucred is plain data.
    let mut c: libc::ucred = unsafe { zeroed() };
    let mut len = size_of::<libc::ucred>() as libc::socklen_t;
    // SAFETY: c and len describe a valid buffer.
    cvt(unsafe {
        libc::getsockopt(
            fd.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_PEERCRED,
            &mut c as *mut _ as *mut libc::c_void,
            &mut len,
        )
    })?;
    Ok(PeerCred {
        pid: c.pid,
        uid: c.uid,
        gid: c.gid,
    })
}

/// The peer's security label (`SO_PEERSEC`), if the system has an LSM that labels sockets.
pub fn peer_sec(fd: BorrowedFd) -> Option<Vec<u8>> {
    let mut buf = vec![0u8; 256];
    let mut len = buf.len() as libc::socklen_t;
    // SAFETY: buf and len describe a valid buffer.
    let r = unsafe {
        libc::getsockopt(
            fd.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_PEERSEC,
            buf.as_mut_ptr() as *mut libc::c_void,
            &mut len,
        )
    };
    if r < 0 || len == 0 {
        return None;
    }
    buf.truncate(len as usize);
    Some(buf)
}

pub fn set_nonblocking(fd: BorrowedFd, on: bool) -> io::Result<()> {
    // SAFETY: plain fcntl calls on a valid fd.
    let flags = cvt(unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_GETFL) })?;
    let flags = if on {
        flags | libc::O_NONBLOCK
    } else {
        flags & !libc::O_NONBLOCK
    };
    // SAFETY: as above.
    cvt(unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_SETFL, flags) })?;
    Ok(())
}

/// The most descriptors one message carries (`SCM_MAX_FD`): more need more messages.
pub const MAX_FDS: usize = 253;

/// Sends one message with descriptors attached (`SCM_RIGHTS`). `EINVAL` for more than
/// [`MAX_FDS`] descriptors, as the kernel answers.
pub fn send(fd: BorrowedFd, data: &[u8], fds: &[RawFd]) -> io::Result<()> {
    if fds.len() > MAX_FDS {
        return Err(io::Error::from_raw_os_error(libc::EINVAL));
    }
    let mut iov = libc::iovec {
        iov_base: data.as_ptr() as *mut libc::c_void,
        iov_len: data.len(),
    };
    // SAFETY: msghdr is plain data.
    let mut msg: libc::msghdr = unsafe { zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    // SAFETY: CMSG_SPACE is a pure computation.
    let space = unsafe { libc::CMSG_SPACE(std::mem::size_of_val(fds) as u32) } as usize;
    let mut cbuf = vec![0u64; space.div_ceil(8)];
    if !fds.is_empty() {
        msg.msg_control = cbuf.as_mut_ptr() as *mut libc::c_void;
        msg.msg_controllen = space;
        // SAFETY: msg_control points at `space` bytes, enough for one header with the fds.
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
        // SAFETY: msg describes valid buffers for the duration of the call.
        let r = unsafe { libc::sendmsg(fd.as_raw_fd(), &msg, libc::MSG_NOSIGNAL) };
        match cvt_size(r) {
            Ok(n) if n == data.len() => return Ok(()),
            Ok(_) => return Err(io::Error::new(io::ErrorKind::WriteZero, "short send")),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
}

/// A received message: its bytes, descriptors, whether descriptors were lost (the
/// receiver hit its fd limit: `MSG_CTRUNC`), and the sender's process id as the kernel
/// attached it (`SCM_CREDENTIALS`, on a socket with [`set_passcred`]). An empty message with
/// no fds is end of stream.
pub struct Received {
    pub len: usize,
    pub fds: Vec<OwnedFd>,
    pub truncated_fds: bool,
    /// The message was longer than the buffer (`MSG_TRUNC`): what was read is not all of it.
    pub truncated: bool,
    /// The process that sent the message (not a value it chose: the kernel fills it in and
    /// allows only the sender's own pid without `CAP_SYS_ADMIN`); `None` without `SO_PASSCRED`.
    pub sender_pid: Option<i32>,
}

/// Asks the kernel to attach each sender's credentials to every message `fd` receives
/// (`SO_PASSCRED`); connections a listening socket accepts inherit it.
pub fn set_passcred(fd: BorrowedFd) -> io::Result<()> {
    let on: libc::c_int = 1;
    // SAFETY: a valid int option on our socket.
    cvt(unsafe {
        libc::setsockopt(
            fd.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_PASSCRED,
            &on as *const _ as *const libc::c_void,
            size_of::<libc::c_int>() as libc::socklen_t,
        )
    })?;
    Ok(())
}

/// Raises this process's soft limit on open descriptors to its hard limit; returns the limit
/// now in force.
pub fn raise_nofile_limit() -> io::Result<u64> {
    // SAFETY: rlimit is plain data.
    let mut r: libc::rlimit = unsafe { zeroed() };
    // SAFETY: a valid rlimit to fill.
    cvt(unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut r) })?;
    if r.rlim_cur < r.rlim_max {
        r.rlim_cur = r.rlim_max;
        // SAFETY: raising the soft limit to the hard one is always allowed.
        cvt(unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &r) })?;
    }
    Ok(r.rlim_cur)
}

/// Receives one message into `buf` (descriptors arrive close-on-exec).
pub fn recv(fd: BorrowedFd, buf: &mut [u8], flags: libc::c_int) -> io::Result<Received> {
    let mut iov = libc::iovec {
        iov_base: buf.as_mut_ptr() as *mut libc::c_void,
        iov_len: buf.len(),
    };
    // SAFETY: msghdr is plain data.
    let mut msg: libc::msghdr = unsafe { zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    // Room for SCM_MAX_FD descriptors (CMSG_SPACE(253 * 4) = 1032) and the sender's
    // credentials (CMSG_SPACE(12) = 32).
    let mut cbuf = [0u64; 136];
    msg.msg_control = cbuf.as_mut_ptr() as *mut libc::c_void;
    msg.msg_controllen = std::mem::size_of_val(&cbuf);
    let n = loop {
        // SAFETY: msg describes valid buffers for the duration of the call.
        let r = unsafe { libc::recvmsg(fd.as_raw_fd(), &mut msg, flags | libc::MSG_CMSG_CLOEXEC) };
        match cvt_size(r) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => break other?,
        }
    };
    let mut fds = Vec::new();
    let mut sender_pid = None;
    // SAFETY: the kernel filled msg_control; we walk it with the CMSG macros.
    unsafe {
        let mut c = libc::CMSG_FIRSTHDR(&msg);
        while !c.is_null() {
            let payload = (*c).cmsg_len - libc::CMSG_LEN(0) as usize;
            if (*c).cmsg_level == libc::SOL_SOCKET && (*c).cmsg_type == libc::SCM_RIGHTS {
                let data = libc::CMSG_DATA(c) as *const RawFd;
                for i in 0..payload / size_of::<RawFd>() {
                    fds.push(OwnedFd::from_raw_fd(std::ptr::read_unaligned(data.add(i))));
                }
            } else if (*c).cmsg_level == libc::SOL_SOCKET
                && (*c).cmsg_type == libc::SCM_CREDENTIALS
                && payload >= size_of::<libc::ucred>()
            {
                let cred: libc::ucred =
                    std::ptr::read_unaligned(libc::CMSG_DATA(c) as *const libc::ucred);
                // pid 0: the sender's pid is not visible in our namespace.
                sender_pid = (cred.pid > 0).then_some(cred.pid);
            }
            c = libc::CMSG_NXTHDR(&msg, c);
        }
    }
    Ok(Received {
        len: n,
        fds,
        truncated_fds: msg.msg_flags & libc::MSG_CTRUNC != 0,
        truncated: msg.msg_flags & libc::MSG_TRUNC != 0,
        sender_pid,
    })
}

/// Whether the peer of connected socket `fd` has gone (hung up or closed its end).
pub fn peer_closed(fd: BorrowedFd) -> bool {
    use rustix::event::{poll, PollFd, PollFlags, Timespec};
    let mut fds = [PollFd::new(&fd, PollFlags::RDHUP)];
    let gone = PollFlags::RDHUP | PollFlags::HUP | PollFlags::ERR;
    matches!(poll(&mut fds, Some(&Timespec::default())), Ok(n) if n > 0)
        && fds[0].revents().intersects(gone)
}

/// Waits until `fd` is readable or `timeout_ms` passes (-1: forever). True if readable
/// (or hung up).
pub fn poll_in(fd: BorrowedFd, timeout_ms: i32) -> io::Result<bool> {
    let mut p = libc::pollfd {
        fd: fd.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    loop {
        // SAFETY: one valid pollfd.
        let r = unsafe { libc::poll(&mut p, 1, timeout_ms) };
        match cvt(r) {
            Ok(n) => return Ok(n > 0),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
}

/// A memfd of `len` bytes mapped read-write here, then sealed so that no one can ever map
/// it writable again, shrink or grow it: the receive buffer a client maps read-only.
pub struct SealedBuffer {
    pub fd: OwnedFd,
    ptr: *mut u8,
    len: usize,
}

// SAFETY: the mapping is owned by this value; who writes which range is the owner's
// business (the daemon writes disjoint buffers of one mapping from several threads).
unsafe impl Send for SealedBuffer {}
// SAFETY: as above; the value itself is never mutated after creation.
unsafe impl Sync for SealedBuffer {}

impl SealedBuffer {
    pub fn new(name: &str, len: usize) -> io::Result<SealedBuffer> {
        let cname = CString::new(name).unwrap();
        // SAFETY: valid C string; the fd is owned on success.
        let fd = cvt(unsafe {
            libc::memfd_create(cname.as_ptr(), libc::MFD_CLOEXEC | libc::MFD_ALLOW_SEALING)
        })?;
        // SAFETY: fd was just created.
        let fd = unsafe { OwnedFd::from_raw_fd(fd) };
        // SAFETY: plain syscall.
        cvt(unsafe { libc::ftruncate(fd.as_raw_fd(), len as libc::off_t) })?;
        // SAFETY: mapping a fresh memfd of exactly len bytes. Pages are allocated when first
        // written, as the kernel allocates a binder buffer's pages on use.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                fd.as_raw_fd(),
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        let buf = SealedBuffer {
            fd,
            ptr: ptr as *mut u8,
            len,
        };
        let seals = libc::F_SEAL_SHRINK | libc::F_SEAL_GROW | libc::F_SEAL_FUTURE_WRITE;
        // SAFETY: plain fcntl calls.
        cvt(unsafe { libc::fcntl(buf.fd.as_raw_fd(), libc::F_ADD_SEALS, seals) })?;
        cvt(unsafe { libc::fcntl(buf.fd.as_raw_fd(), libc::F_ADD_SEALS, libc::F_SEAL_SEAL) })?;
        Ok(buf)
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// Where bytes `offset..offset + len` of the buffer lie in the daemon.
    ///
    /// # Panics
    /// If the range is outside the buffer (a caller bug: the core checks ranges).
    pub fn range_ptr(&self, offset: usize, len: usize) -> *mut u8 {
        assert!(offset.checked_add(len).is_some_and(|e| e <= self.len));
        // SAFETY: in bounds of our live mapping.
        unsafe { self.ptr.add(offset) }
    }
}

impl Drop for SealedBuffer {
    fn drop(&mut self) {
        // SAFETY: unmapping our own mapping.
        unsafe { libc::munmap(self.ptr as *mut libc::c_void, self.len) };
    }
}

/// A read-only shared mapping of a received buffer fd, as a client holds its receive buffer.
pub struct ReadOnlyMap {
    ptr: *mut u8,
    len: usize,
}

// SAFETY: read-only memory, owned by this value.
unsafe impl Send for ReadOnlyMap {}
// SAFETY: read-only memory.
unsafe impl Sync for ReadOnlyMap {}

impl ReadOnlyMap {
    pub fn new(fd: BorrowedFd, len: usize) -> io::Result<ReadOnlyMap> {
        // SAFETY: a new shared read-only mapping of the fd.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ,
                libc::MAP_SHARED,
                fd.as_raw_fd(),
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        Ok(ReadOnlyMap {
            ptr: ptr as *mut u8,
            len,
        })
    }
    pub fn as_ptr(&self) -> *const u8 {
        self.ptr
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl Drop for ReadOnlyMap {
    fn drop(&mut self) {
        // SAFETY: unmapping our own mapping.
        unsafe { libc::munmap(self.ptr as *mut libc::c_void, self.len) };
    }
}

/// Reads `dst.len()` bytes at `addr` in process `pid` (`process_vm_readv`).
pub fn read_process(pid: i32, addr: u64, dst: &mut [u8]) -> io::Result<()> {
    // SAFETY: dst is a valid writable buffer of its length.
    unsafe { read_process_raw(pid, addr, dst.as_mut_ptr(), dst.len()) }
}

/// Reads `len` bytes at `addr` in process `pid` straight to `dst`.
///
/// # Safety
/// `dst..dst + len` must be writable memory that nothing else reads or writes meanwhile.
pub unsafe fn read_process_raw(pid: i32, addr: u64, dst: *mut u8, len: usize) -> io::Result<()> {
    if len == 0 {
        return Ok(());
    }
    let local = libc::iovec {
        iov_base: dst as *mut libc::c_void,
        iov_len: len,
    };
    let remote = libc::iovec {
        iov_base: addr as usize as *mut libc::c_void,
        iov_len: len,
    };
    // SAFETY: local describes writable memory per the caller's contract; the kernel checks
    // the remote side.
    let n = cvt_size(unsafe { libc::process_vm_readv(pid, &local, 1, &remote, 1, 0) })?;
    if n != len {
        return Err(io::Error::from_raw_os_error(libc::EFAULT));
    }
    Ok(())
}

/// Writes `src` at `addr` in process `pid` (`process_vm_writev`).
pub fn write_process(pid: i32, addr: u64, src: &[u8]) -> io::Result<()> {
    if src.is_empty() {
        return Ok(());
    }
    let local = libc::iovec {
        iov_base: src.as_ptr() as *mut libc::c_void,
        iov_len: src.len(),
    };
    let remote = libc::iovec {
        iov_base: addr as usize as *mut libc::c_void,
        iov_len: src.len(),
    };
    // SAFETY: local describes our readable buffer; the kernel checks the remote side.
    let n = cvt_size(unsafe { libc::process_vm_writev(pid, &local, 1, &remote, 1, 0) })?;
    if n != src.len() {
        return Err(io::Error::from_raw_os_error(libc::EFAULT));
    }
    Ok(())
}

/// A pidfd for `pid` (`pidfd_open`).
pub fn pidfd_open(pid: i32) -> io::Result<OwnedFd> {
    // SAFETY: plain syscall; the fd is owned on success.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: fd was just created.
    Ok(unsafe { OwnedFd::from_raw_fd(fd as RawFd) })
}

/// A duplicate of process `pidfd`'s descriptor `fd` (`pidfd_getfd`).
pub fn pidfd_getfd(pidfd: BorrowedFd, fd: u32) -> io::Result<OwnedFd> {
    // SAFETY: plain syscall; the fd is owned on success.
    let r = unsafe {
        libc::syscall(
            libc::SYS_pidfd_getfd,
            pidfd.as_raw_fd(),
            fd as libc::c_int,
            0,
        )
    };
    if r < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: r was just created.
    Ok(unsafe { OwnedFd::from_raw_fd(r as RawFd) })
}

/// The calling thread's id.
pub fn gettid() -> i32 {
    // SAFETY: plain syscall.
    unsafe { libc::gettid() }
}

thread_local! {
    static TID: i32 = gettid();
}

/// The calling thread's id, asked of the kernel once per thread.
pub fn gettid_cached() -> i32 {
    TID.with(|t| *t)
}

static PID: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

extern "C" fn forked_child() {
    // SAFETY: plain syscall, async-signal-safe.
    PID.store(
        unsafe { libc::getpid() },
        std::sync::atomic::Ordering::Relaxed,
    );
}

/// This process's id without a syscall per call: kept current across fork.
pub fn getpid_cached() -> i32 {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: registering a handler that only stores our pid.
        unsafe { libc::pthread_atfork(None, None, Some(forked_child)) };
        forked_child();
    });
    PID.load(std::sync::atomic::Ordering::Relaxed)
}

/// Lets `pid` read this process's memory under Yama's restricted mode. `Ok(false)` when the
/// system has no Yama (nothing to do).
pub fn allow_ptracer(pid: i32) -> io::Result<bool> {
    // SAFETY: plain prctl.
    let r = unsafe { libc::prctl(libc::PR_SET_PTRACER, pid as libc::c_ulong, 0, 0, 0) };
    if r == 0 {
        return Ok(true);
    }
    let e = io::Error::last_os_error();
    if e.raw_os_error() == Some(libc::EINVAL) {
        Ok(false)
    } else {
        Err(e)
    }
}

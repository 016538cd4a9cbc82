//! The C library calls the shim takes over. Each one passes anything that is not a binder
//! device straight to the C library (one atomic load when the process has none open); on a
//! binder device it does what the kernel's driver does, errno included. None of them
//! unwinds: a Rust panic here would abort the program, so nothing here panics on input.

use std::ffi::CStr;
use std::io;
use std::os::fd::RawFd;
use std::sync::Arc;

use libc::{c_char, c_int, c_long, c_uint, c_ulong, c_void, epoll_event, nfds_t, off_t, pollfd};

use crate::files::{self, DeviceFile};
use crate::{paths, real, Inside};

fn set_errno(e: c_int) {
    // SAFETY: the calling thread's errno.
    unsafe { *libc::__errno_location() = e };
}

fn fail(e: &io::Error) -> c_int {
    set_errno(e.raw_os_error().unwrap_or(libc::EIO));
    -1
}

/// The binder device `fd` names, and this thread inside the shim, or `None` (pass through).
fn binder(fd: RawFd) -> Option<(Arc<DeviceFile>, Inside)> {
    let inside = Inside::enter()?;
    Some((files::lookup(fd)?, inside))
}

/// `open` of a binder device path; `None` for any other path.
///
/// # Safety
/// `path` is NULL or a C string.
unsafe fn open_device(path: *const c_char, flags: c_int) -> Option<c_int> {
    if path.is_null() {
        return None;
    }
    let _inside = Inside::enter()?;
    // SAFETY: a C string, by the caller's contract.
    let device = paths::device_name(unsafe { CStr::from_ptr(path) })?;
    Some(match files::open(&device, flags) {
        Ok(fd) => fd,
        Err(e) => fail(&e),
    })
}

/// `openat` resolves a relative path against `dirfd`; binder device paths are absolute, and an
/// absolute path ignores `dirfd`.
///
/// # Safety
/// `path` is NULL or a C string.
unsafe fn openat_device(path: *const c_char, flags: c_int) -> Option<c_int> {
    // SAFETY: forwarded.
    unsafe { open_device(path, flags) }
}

/// # Safety
/// As `open(2)`.
#[no_mangle]
pub unsafe extern "C" fn open(path: *const c_char, flags: c_int, mode: c_uint) -> c_int {
    // SAFETY: the caller's contract is open's.
    unsafe { open_device(path, flags).unwrap_or_else(|| real::open(path, flags, mode)) }
}

/// # Safety
/// As `open64(2)`.
#[no_mangle]
pub unsafe extern "C" fn open64(path: *const c_char, flags: c_int, mode: c_uint) -> c_int {
    // SAFETY: as open.
    unsafe { open_device(path, flags).unwrap_or_else(|| real::open64(path, flags, mode)) }
}

/// # Safety
/// As `openat(2)`.
#[no_mangle]
pub unsafe extern "C" fn openat(
    dirfd: c_int,
    path: *const c_char,
    flags: c_int,
    mode: c_uint,
) -> c_int {
    // SAFETY: as open.
    unsafe { openat_device(path, flags).unwrap_or_else(|| real::openat(dirfd, path, flags, mode)) }
}

/// # Safety
/// As `openat64(2)`.
#[no_mangle]
pub unsafe extern "C" fn openat64(
    dirfd: c_int,
    path: *const c_char,
    flags: c_int,
    mode: c_uint,
) -> c_int {
    // SAFETY: as open.
    unsafe {
        openat_device(path, flags).unwrap_or_else(|| real::openat64(dirfd, path, flags, mode))
    }
}

/// The fortified `open` (`_FORTIFY_SOURCE`).
///
/// # Safety
/// As `open(2)` without a mode.
#[no_mangle]
pub unsafe extern "C" fn __open_2(path: *const c_char, flags: c_int) -> c_int {
    // SAFETY: as open.
    unsafe { open_device(path, flags).unwrap_or_else(|| real::__open_2(path, flags)) }
}

/// # Safety
/// As `open64(2)` without a mode.
#[no_mangle]
pub unsafe extern "C" fn __open64_2(path: *const c_char, flags: c_int) -> c_int {
    // SAFETY: as open.
    unsafe { open_device(path, flags).unwrap_or_else(|| real::__open64_2(path, flags)) }
}

/// # Safety
/// As `openat(2)` without a mode.
#[no_mangle]
pub unsafe extern "C" fn __openat_2(dirfd: c_int, path: *const c_char, flags: c_int) -> c_int {
    // SAFETY: as open.
    unsafe { openat_device(path, flags).unwrap_or_else(|| real::__openat_2(dirfd, path, flags)) }
}

/// # Safety
/// As `openat64(2)` without a mode.
#[no_mangle]
pub unsafe extern "C" fn __openat64_2(dirfd: c_int, path: *const c_char, flags: c_int) -> c_int {
    // SAFETY: as open.
    unsafe { openat_device(path, flags).unwrap_or_else(|| real::__openat64_2(dirfd, path, flags)) }
}

/// The driver's ioctls on a binder device, by the calling thread: bad pointers are `EFAULT`.
///
/// # Safety
/// As `ioctl(2)`.
#[no_mangle]
pub unsafe extern "C" fn ioctl(fd: c_int, request: c_ulong, arg: *mut c_void) -> c_int {
    let Some((file, _inside)) = binder(fd) else {
        // SAFETY: the caller's contract.
        return unsafe { real::ioctl(fd, request, arg) };
    };
    // The system call takes the request as an `unsigned int`: upper bits (a negative `int`
    // request sign-extended on its way to `unsigned long`) are dropped, as the kernel drops
    // them.
    let cmd = request as u32;
    // SAFETY: the device checks what it reads and writes at `arg` (EFAULT, never a crash).
    match unsafe { file.device.ioctl(cmd, arg) } {
        Ok(v) => v,
        Err(e) => fail(&e),
    }
}

/// The receive buffer: read-only (`EPERM` for `PROT_WRITE`), one per open (`EBUSY`).
///
/// # Safety
/// `addr` is a hint (or `MAP_FIXED` address, which a binder device refuses here).
unsafe fn mmap_device(len: usize, prot: c_int, flags: c_int, fd: c_int) -> Option<*mut c_void> {
    let (file, _inside) = binder(fd)?;
    let refused = |e| {
        set_errno(e);
        Some(libc::MAP_FAILED)
    };
    if prot & libc::PROT_WRITE != 0 {
        return refused(libc::EPERM);
    }
    if flags & libc::MAP_FIXED != 0 || len == 0 {
        return refused(libc::EINVAL);
    }
    match file.map(len) {
        Ok(addr) => {
            files::mapped(addr as usize, file);
            Some(addr)
        }
        Err(e) => {
            fail(&e);
            Some(libc::MAP_FAILED)
        }
    }
}

macro_rules! mmap_fns {
    ($($name:ident),*) => {$(
        /// # Safety
        /// As `mmap(2)`.
        #[no_mangle]
        pub unsafe extern "C" fn $name(
            addr: *mut c_void,
            len: usize,
            prot: c_int,
            flags: c_int,
            fd: c_int,
            off: off_t,
        ) -> *mut c_void {
            // SAFETY: the caller's contract.
            unsafe {
                mmap_device(len, prot, flags, fd)
                    .unwrap_or_else(|| real::$name(addr, len, prot, flags, fd, off))
            }
        }
    )*};
}

mmap_fns!(mmap, mmap64);

/// Unmapping the receive buffer is its vma going away (the whole of it: the shim does not
/// split it).
///
/// # Safety
/// As `munmap(2)`.
#[no_mangle]
pub unsafe extern "C" fn munmap(addr: *mut c_void, len: usize) -> c_int {
    if let Some(_inside) = Inside::enter() {
        if files::unmap(addr as usize) {
            return 0;
        }
    }
    // SAFETY: the caller's contract.
    unsafe { real::munmap(addr, len) }
}

/// # Safety
/// As `close(2)`.
#[no_mangle]
pub unsafe extern "C" fn close(fd: c_int) -> c_int {
    let gone = binder(fd).map(|(_, inside)| (files::closed(fd), inside));
    // SAFETY: the caller's contract.
    let r = unsafe { real::close(fd) };
    // The device file, if this was its last name, is released here (still inside).
    drop(gone);
    r
}

/// Records `new` as a duplicate of `old` when the duplication worked.
fn duplicated(old: c_int, new: c_int) -> c_int {
    if new >= 0 {
        if let Some(_inside) = Inside::enter() {
            files::duplicated(old, new);
        }
    }
    new
}

/// # Safety
/// As `dup(2)`.
#[no_mangle]
pub unsafe extern "C" fn dup(fd: c_int) -> c_int {
    // SAFETY: the caller's contract.
    duplicated(fd, unsafe { real::dup(fd) })
}

/// # Safety
/// As `dup2(2)`.
#[no_mangle]
pub unsafe extern "C" fn dup2(fd: c_int, new: c_int) -> c_int {
    // SAFETY: the caller's contract.
    let r = unsafe { real::dup2(fd, new) };
    if fd == new {
        return r;
    }
    duplicated(fd, r)
}

/// # Safety
/// As `dup3(2)`.
#[no_mangle]
pub unsafe extern "C" fn dup3(fd: c_int, new: c_int, flags: c_int) -> c_int {
    // SAFETY: the caller's contract.
    duplicated(fd, unsafe { real::dup3(fd, new, flags) })
}

/// `F_DUPFD*` duplicate; `F_GETFL` reports `O_NONBLOCK` as opened; `F_SETFL` cannot change it
/// on a binder device here (`EINVAL`): binderd fixes it at open.
fn fcntl_device(fd: c_int, cmd: c_int, arg: c_long, real: impl Fn() -> c_int) -> c_int {
    match cmd {
        libc::F_DUPFD | libc::F_DUPFD_CLOEXEC => duplicated(fd, real()),
        libc::F_GETFL | libc::F_SETFL => {
            let Some((file, _inside)) = binder(fd) else {
                return real();
            };
            let nonblocking = if file.nonblocking {
                libc::O_NONBLOCK
            } else {
                0
            };
            if cmd == libc::F_GETFL {
                let r = real();
                return if r < 0 { r } else { r | nonblocking };
            }
            if (arg as c_int) & libc::O_NONBLOCK != nonblocking {
                set_errno(libc::EINVAL);
                return -1;
            }
            0
        }
        _ => real(),
    }
}

/// # Safety
/// As `fcntl(2)`.
#[no_mangle]
pub unsafe extern "C" fn fcntl(fd: c_int, cmd: c_int, arg: c_long) -> c_int {
    // SAFETY: the caller's contract.
    fcntl_device(fd, cmd, arg, || unsafe { real::fcntl(fd, cmd, arg) })
}

/// # Safety
/// As `fcntl(2)`.
#[no_mangle]
pub unsafe extern "C" fn fcntl64(fd: c_int, cmd: c_int, arg: c_long) -> c_int {
    // SAFETY: the caller's contract.
    fcntl_device(fd, cmd, arg, || unsafe { real::fcntl64(fd, cmd, arg) })
}

/// `poll` with binder devices among `fds`: each is readable (`POLLIN`, never `POLLOUT`) when
/// the calling thread's read would find work, as `binder_poll` says. Ready now: the others
/// are polled without waiting. Otherwise the thread's channel, which turns readable when work
/// arrives, is waited on in the device's place.
///
/// # Safety
/// `fds` points to `n` pollfds, or `n` is 0; `wait(fds, n, now)` polls them (`now`: without
/// waiting).
unsafe fn poll_devices(
    fds: *mut pollfd,
    n: nfds_t,
    wait: impl Fn(*mut pollfd, nfds_t, bool) -> c_int,
) -> c_int {
    let pass = || wait(fds, n, false);
    if fds.is_null() || n == 0 {
        return pass();
    }
    let Some(_inside) = Inside::enter() else {
        return pass();
    };
    // SAFETY: n pollfds at fds, by the caller's contract.
    let user = unsafe { std::slice::from_raw_parts_mut(fds, n as usize) };
    let devices: Vec<(usize, Arc<DeviceFile>)> = user
        .iter()
        .enumerate()
        .filter_map(|(i, p)| files::lookup(p.fd).map(|f| (i, f)))
        .collect();
    if devices.is_empty() {
        return pass();
    }
    let mut copy = user.to_vec();
    let mut ready = Vec::new();
    for (i, file) in &devices {
        match file.device.poll_ready() {
            Ok((now, channel)) => {
                if now {
                    ready.push(*i);
                }
                copy[*i].fd = channel;
                copy[*i].events &= libc::POLLIN | libc::POLLRDNORM;
            }
            Err(e) => return fail(&e),
        }
    }
    if !ready.is_empty() {
        for (i, _) in &devices {
            copy[*i].fd = -1;
        }
    }
    let r = wait(copy.as_mut_ptr(), n, !ready.is_empty());
    if r < 0 {
        return r;
    }
    for (u, c) in user.iter_mut().zip(&copy) {
        u.revents = c.revents;
    }
    for (i, _) in &devices {
        let p = &mut user[*i];
        if ready.contains(i) {
            p.revents = p.events & (libc::POLLIN | libc::POLLRDNORM);
        }
        p.revents &= libc::POLLIN | libc::POLLRDNORM | libc::POLLERR | libc::POLLHUP;
    }
    user.iter().filter(|p| p.revents != 0).count() as c_int
}

/// # Safety
/// As `poll(2)`.
#[no_mangle]
pub unsafe extern "C" fn poll(fds: *mut pollfd, n: nfds_t, timeout: c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        poll_devices(fds, n, |f, n, now| {
            real::poll(f, n, if now { 0 } else { timeout })
        })
    }
}

/// # Safety
/// As `ppoll(2)`.
#[no_mangle]
pub unsafe extern "C" fn ppoll(
    fds: *mut pollfd,
    n: nfds_t,
    timeout: *const libc::timespec,
    mask: *const libc::sigset_t,
) -> c_int {
    let zero = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: the caller's contract.
    unsafe {
        poll_devices(fds, n, |f, n, now| {
            real::ppoll(f, n, if now { &zero } else { timeout }, mask)
        })
    }
}

/// `select` with binder devices among the descriptors: as [`poll`], through it (a binder
/// device is never writable; exceptional conditions it has none).
///
/// # Safety
/// As `select(2)`.
#[no_mangle]
pub unsafe extern "C" fn select(
    n: c_int,
    r: *mut libc::fd_set,
    w: *mut libc::fd_set,
    e: *mut libc::fd_set,
    timeout: *mut libc::timeval,
) -> c_int {
    // SAFETY: the caller's contract.
    let pass = || unsafe { real::select(n, r, w, e, timeout) };
    let Some(inside) = Inside::enter() else {
        return pass();
    };
    let limit = n.clamp(0, libc::FD_SETSIZE as c_int);
    // SAFETY: the sets, when not NULL, are fd_sets (the caller's contract).
    let isset = |s: *mut libc::fd_set, fd| !s.is_null() && unsafe { libc::FD_ISSET(fd, s) };
    let any = (0..limit)
        .any(|fd| (isset(r, fd) || isset(w, fd) || isset(e, fd)) && files::lookup(fd).is_some());
    if !any {
        drop(inside);
        return pass();
    }
    // Rewritten as a poll of the same descriptors, which handles the devices.
    let mut fds: Vec<pollfd> = (0..limit)
        .filter_map(|fd| {
            let mut events = 0;
            if isset(r, fd) {
                events |= libc::POLLIN;
            }
            if isset(w, fd) {
                events |= libc::POLLOUT;
            }
            if isset(e, fd) {
                events |= libc::POLLPRI;
            }
            (events != 0).then_some(pollfd {
                fd,
                events,
                revents: 0,
            })
        })
        .collect();
    let ms = if timeout.is_null() {
        -1
    } else {
        // SAFETY: a timeval, by the caller's contract.
        let t = unsafe { &*timeout };
        t.tv_sec
            .saturating_mul(1000)
            .saturating_add(t.tv_usec.saturating_add(999) / 1000)
            .clamp(0, c_int::MAX as i64) as c_int
    };
    drop(inside);
    // SAFETY: fds is a valid array of pollfds.
    let got = unsafe { poll(fds.as_mut_ptr(), fds.len() as nfds_t, ms) };
    if got < 0 {
        return got;
    }
    let mut count = 0;
    for s in [r, w, e] {
        if !s.is_null() {
            // SAFETY: as above.
            unsafe { libc::FD_ZERO(s) };
        }
    }
    for p in &fds {
        for (set, want, got) in [
            (
                r,
                libc::POLLIN,
                libc::POLLIN | libc::POLLHUP | libc::POLLERR,
            ),
            (w, libc::POLLOUT, libc::POLLOUT | libc::POLLERR),
            (e, libc::POLLPRI, libc::POLLPRI),
        ] {
            if !set.is_null() && p.events & want != 0 && p.revents & got != 0 {
                // SAFETY: as above.
                unsafe { libc::FD_SET(p.fd, set) };
                count += 1;
            }
        }
    }
    count
}

/// A binder device in an epoll set: the calling thread's channel stands in for it, readable
/// (`EPOLLIN`) while that thread's read would find work, as `binder_poll` says. The event's
/// data is the program's own, so what `epoll_wait` reports is unchanged.
///
/// # Safety
/// As `epoll_ctl(2)`.
#[no_mangle]
pub unsafe extern "C" fn epoll_ctl(
    epfd: c_int,
    op: c_int,
    fd: c_int,
    event: *mut epoll_event,
) -> c_int {
    let Some((file, _inside)) = binder(fd) else {
        // SAFETY: the caller's contract.
        return unsafe { real::epoll_ctl(epfd, op, fd, event) };
    };
    let mut ev = if event.is_null() {
        None
    } else {
        // SAFETY: an epoll_event, by the caller's contract.
        let mut ev = unsafe { event.read_unaligned() };
        ev.events &= !(libc::EPOLLOUT | libc::EPOLLWRNORM) as u32;
        Some(ev)
    };
    let evp = ev
        .as_mut()
        .map_or(std::ptr::null_mut(), |e| e as *mut epoll_event);
    match op {
        libc::EPOLL_CTL_ADD => {
            if ev.is_none() {
                set_errno(libc::EFAULT);
                return -1;
            }
            let channel = match file.device.poll_fd() {
                Ok(c) => c,
                Err(e) => return fail(&e),
            };
            // SAFETY: a valid event for a descriptor we own.
            let r = unsafe { real::epoll_ctl(epfd, op, channel, evp) };
            if r == 0 {
                files::watch(epfd, fd, channel);
            }
            r
        }
        libc::EPOLL_CTL_MOD | libc::EPOLL_CTL_DEL => {
            let Some(channel) = files::watched(epfd, fd, op == libc::EPOLL_CTL_DEL) else {
                set_errno(libc::ENOENT);
                return -1;
            };
            // SAFETY: as above.
            unsafe { real::epoll_ctl(epfd, op, channel, evp) }
        }
        _ => {
            set_errno(libc::EINVAL);
            -1
        }
    }
}

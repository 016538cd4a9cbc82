//! `access` and the `stat` family on binder devices: a device file exists while binderd
//! serves it (ENOENT otherwise, as `open` says), it is a character device readable and
//! writable by everyone, as on Android, and `fstat` of a binder descriptor says the same.
//! Programs check before they open (Android 10's `ProcessState` falls back to
//! `/dev/binder` when `access(driver, R_OK)` fails).

use std::ffi::{CStr, CString};
use std::os::unix::ffi::OsStrExt;

use libc::{c_char, c_int, c_uint};

use crate::{files, paths, real, Inside};

/// Where the kernel would have the device: the misc major; the minor is arbitrary.
const MAJOR: u32 = 10;
const MINOR: u32 = 0;
const MODE: u32 = libc::S_IFCHR | 0o666;

fn set_errno(e: c_int) -> c_int {
    // SAFETY: the calling thread's errno.
    unsafe { *libc::__errno_location() = e };
    -1
}

/// The socket that serves `path`, if `path` is a binder device path (the caller is inside).
///
/// # Safety
/// `path` is NULL or a C string.
unsafe fn socket_of(path: *const c_char) -> Option<CString> {
    if path.is_null() {
        return None;
    }
    // SAFETY: a C string, by the caller's contract.
    let device = paths::device_name(unsafe { CStr::from_ptr(path) })?;
    CString::new(paths::socket(&device).as_os_str().as_bytes()).ok()
}

/// Runs `on_device` with the socket behind `path` when `path` is a binder device, else
/// `other`.
///
/// # Safety
/// `path` is NULL or a C string.
unsafe fn on_path(
    path: *const c_char,
    on_device: impl FnOnce(&CStr) -> c_int,
    other: impl FnOnce() -> c_int,
) -> c_int {
    let Some(_inside) = Inside::enter() else {
        return other();
    };
    // SAFETY: the caller's contract.
    match unsafe { socket_of(path) } {
        Some(socket) => on_device(&socket),
        None => other(),
    }
}

/// `access` of a served device: read and write for everyone, execute for no one.
fn device_access(socket: &CStr, mode: c_int) -> c_int {
    // SAFETY: a C string; the real call only reads it.
    if unsafe { real::access(socket.as_ptr(), libc::F_OK) } != 0 {
        return set_errno(libc::ENOENT);
    }
    if mode & libc::X_OK != 0 {
        return set_errno(libc::EACCES);
    }
    0
}

/// # Safety
/// As `access(2)`.
#[no_mangle]
pub unsafe extern "C" fn access(path: *const c_char, mode: c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        on_path(
            path,
            |s| device_access(s, mode),
            || real::access(path, mode),
        )
    }
}

/// # Safety
/// As `faccessat(2)` (device paths are absolute: `dirfd` does not matter for them).
#[no_mangle]
pub unsafe extern "C" fn faccessat(
    dirfd: c_int,
    path: *const c_char,
    mode: c_int,
    flags: c_int,
) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        on_path(
            path,
            |s| device_access(s, mode),
            || real::faccessat(dirfd, path, mode, flags),
        )
    }
}

/// `stat` of the socket, shown as the device: a character device, mode 0666, no size.
macro_rules! device_stat {
    ($buf:expr, $call:expr) => {{
        let r = $call;
        if r == 0 {
            // SAFETY: the call filled the buffer (used inside the callers' unsafe blocks).
            let st = &mut *$buf;
            st.st_mode = MODE;
            st.st_rdev = libc::makedev(MAJOR, MINOR);
            st.st_size = 0;
            st.st_blocks = 0;
        } else {
            set_errno(libc::ENOENT);
        }
        r
    }};
}

macro_rules! stat_fns {
    ($($name:ident($st:ty)),*) => {$(
        /// # Safety
        /// As the C function.
        #[no_mangle]
        pub unsafe extern "C" fn $name(path: *const c_char, buf: *mut $st) -> c_int {
            // SAFETY: the caller's contract.
            unsafe {
                on_path(
                    path,
                    |s| device_stat!(buf, real::$name(s.as_ptr(), buf)),
                    || real::$name(path, buf),
                )
            }
        }
    )*};
}

stat_fns!(
    stat(libc::stat),
    stat64(libc::stat64),
    lstat(libc::stat),
    lstat64(libc::stat64)
);

macro_rules! fstatat_fns {
    ($($name:ident($st:ty)),*) => {$(
        /// # Safety
        /// As the C function.
        #[no_mangle]
        pub unsafe extern "C" fn $name(dirfd: c_int, path: *const c_char, buf: *mut $st, flags: c_int) -> c_int {
            // SAFETY: the caller's contract.
            unsafe {
                on_path(
                    path,
                    |s| device_stat!(buf, real::$name(libc::AT_FDCWD, s.as_ptr(), buf, 0)),
                    || real::$name(dirfd, path, buf, flags),
                )
            }
        }
    )*};
}

fstatat_fns!(fstatat(libc::stat), fstatat64(libc::stat64));

macro_rules! fstat_fns {
    ($($name:ident($st:ty)),*) => {$(
        /// # Safety
        /// As the C function.
        #[no_mangle]
        pub unsafe extern "C" fn $name(fd: c_int, buf: *mut $st) -> c_int {
            // SAFETY: the caller's contract.
            let r = unsafe { real::$name(fd, buf) };
            if r == 0 {
                if let Some(_inside) = Inside::enter() {
                    if files::lookup(fd).is_some() {
                        // SAFETY: the call filled the buffer.
                        let st = unsafe { &mut *buf };
                        st.st_mode = MODE;
                        st.st_rdev = libc::makedev(MAJOR, MINOR);
                    }
                }
            }
            r
        }
    )*};
}

fstat_fns!(fstat(libc::stat), fstat64(libc::stat64));

/// # Safety
/// As `statx(2)`.
#[no_mangle]
pub unsafe extern "C" fn statx(
    dirfd: c_int,
    path: *const c_char,
    flags: c_int,
    mask: c_uint,
    buf: *mut libc::statx,
) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        on_path(
            path,
            |s| {
                let r = real::statx(libc::AT_FDCWD, s.as_ptr(), 0, mask, buf);
                if r == 0 {
                    // SAFETY: the call filled the buffer.
                    let st = &mut *buf;
                    st.stx_mode = MODE as u16;
                    st.stx_rdev_major = MAJOR;
                    st.stx_rdev_minor = MINOR;
                    st.stx_size = 0;
                    st.stx_blocks = 0;
                } else {
                    set_errno(libc::ENOENT);
                }
                r
            },
            || real::statx(dirfd, path, flags, mask, buf),
        )
    }
}

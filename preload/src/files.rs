//! The binder device files this process opened: which descriptors name them, their mappings,
//! and the epoll registrations made in their place.
//!
//! A descriptor the program holds is a real one — a duplicate of the device's process
//! connection — so closing, duplicating and `CLOEXEC` behave as the kernel's do; the table
//! says which of them are binder devices. A device file lives while a descriptor or its
//! mapping names it (a kernel vma holds its file too); binderd releases the process when the
//! last goes.

use std::collections::HashMap;
use std::io;
use std::os::fd::{AsRawFd, RawFd};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use binder_driver::device::{Device, Mapping};

use crate::{paths, real};

/// One open of a binder device (the kernel's `struct file` and `binder_proc`).
pub(crate) struct DeviceFile {
    pub(crate) device: Device,
    /// Opened with `O_NONBLOCK` (reported by `F_GETFL`).
    pub(crate) nonblocking: bool,
    /// The process that opened it.
    opener: u32,
    /// The receive buffer, once mapped: one mapping per open, as the kernel allows.
    mapping: Mutex<Option<Mapping>>,
}

impl DeviceFile {
    /// Maps the receive buffer, as the kernel's `binder_mmap` checks: `EINVAL` in another
    /// process than the opener (a forked child), `EBUSY` for a second mapping.
    pub(crate) fn map(&self, len: usize) -> io::Result<*mut libc::c_void> {
        if std::process::id() != self.opener {
            return Err(io::Error::from_raw_os_error(libc::EINVAL));
        }
        let mut m = self.mapping.lock().unwrap_or_else(|p| p.into_inner());
        if m.is_some() {
            return Err(io::Error::from_raw_os_error(libc::EBUSY));
        }
        let mapping = self.device.mmap(len)?;
        let addr = mapping.as_ptr() as *mut libc::c_void;
        *m = Some(mapping);
        Ok(addr)
    }

    fn unmap(&self) {
        let taken = self
            .mapping
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        if let Some(m) = taken {
            // Unmapped here whatever binderd answers; if it is gone, there is no one to tell.
            let _ = self.device.munmap(m);
        }
    }
}

#[derive(Default)]
struct Table {
    fds: HashMap<RawFd, Arc<DeviceFile>>,
    /// Mappings by start address; each keeps its file alive.
    maps: HashMap<usize, Arc<DeviceFile>>,
    /// (epoll descriptor, binder descriptor) → the thread channel registered in its place.
    watched: HashMap<(RawFd, RawFd), RawFd>,
}

static TABLE: RwLock<Option<Table>> = RwLock::new(None);
/// Descriptors and mappings in [`TABLE`]: when 0, no call needs to look (most programs, most
/// of the time).
static ENTRIES: AtomicUsize = AtomicUsize::new(0);

fn read<T>(f: impl FnOnce(&Table) -> T) -> Option<T> {
    if ENTRIES.load(Ordering::Acquire) == 0 {
        return None;
    }
    let t = TABLE.read().unwrap_or_else(|p| p.into_inner());
    t.as_ref().map(f)
}

fn write<T>(f: impl FnOnce(&mut Table) -> T) -> T {
    let mut t = TABLE.write().unwrap_or_else(|p| p.into_inner());
    let table = t.get_or_insert_with(Table::default);
    let r = f(table);
    ENTRIES.store(table.fds.len() + table.maps.len(), Ordering::Release);
    r
}

/// The device file `fd` names, if it is a binder device.
pub(crate) fn lookup(fd: RawFd) -> Option<Arc<DeviceFile>> {
    read(|t| t.fds.get(&fd).cloned()).flatten()
}

/// Opens binderd's `device` for `open(2)` with `flags`: a new descriptor naming it.
pub(crate) fn open(device: &str, flags: libc::c_int) -> io::Result<RawFd> {
    let socket = paths::socket(device);
    let nonblocking = flags & libc::O_NONBLOCK != 0;
    let device = if nonblocking {
        Device::open_nonblocking(&socket)
    } else {
        Device::open(&socket)
    }
    .map_err(|e| match e.kind() {
        // No binderd: to the program, the device file is not there.
        io::ErrorKind::NotFound | io::ErrorKind::ConnectionRefused => {
            io::Error::from_raw_os_error(libc::ENOENT)
        }
        _ if e.raw_os_error().is_some() => e,
        _ => io::Error::from_raw_os_error(libc::EIO),
    })?;
    let dup = if flags & libc::O_CLOEXEC != 0 {
        libc::F_DUPFD_CLOEXEC
    } else {
        libc::F_DUPFD
    };
    // SAFETY: duplicating a descriptor the device owns.
    let fd = unsafe { real::fcntl(device.as_raw_fd(), dup, 0) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    let file = Arc::new(DeviceFile {
        device,
        nonblocking,
        opener: std::process::id(),
        mapping: Mutex::new(None),
    });
    write(|t| t.fds.insert(fd, file));
    Ok(fd)
}

/// `new` names what `old` names (after `dup`, `dup2`, `dup3`, `F_DUPFD`), or nothing if
/// `old` is no binder device (it was closed over, if it was one).
pub(crate) fn duplicated(old: RawFd, new: RawFd) {
    if read(|t| t.fds.contains_key(&old) || t.fds.contains_key(&new)) != Some(true) {
        return;
    }
    write(|t| match t.fds.get(&old).cloned() {
        Some(f) => t.fds.insert(new, f),
        None => t.fds.remove(&new),
    });
}

/// `fd` is closed. The device file goes with its last descriptor and mapping; dropped here,
/// outside the table's lock, its connection closing being the process's release.
pub(crate) fn closed(fd: RawFd) -> Option<Arc<DeviceFile>> {
    write(|t| {
        t.watched.retain(|&(_, b), _| b != fd);
        t.fds.remove(&fd)
    })
}

/// A mapping of `file` now starts at `addr`.
pub(crate) fn mapped(addr: usize, file: Arc<DeviceFile>) {
    write(|t| t.maps.insert(addr, file));
}

/// Unmaps the binder mapping starting at `addr`, if there is one (true).
pub(crate) fn unmap(addr: usize) -> bool {
    if read(|t| t.maps.contains_key(&addr)) != Some(true) {
        return false;
    }
    let Some(file) = write(|t| t.maps.remove(&addr)) else {
        return false;
    };
    file.unmap();
    true
}

/// Remembers the channel registered in epoll `epfd` in place of binder descriptor `fd`.
pub(crate) fn watch(epfd: RawFd, fd: RawFd, channel: RawFd) {
    write(|t| t.watched.insert((epfd, fd), channel));
}

/// The channel registered in `epfd` in place of `fd`; forgotten when `remove`.
pub(crate) fn watched(epfd: RawFd, fd: RawFd, remove: bool) -> Option<RawFd> {
    if remove {
        write(|t| t.watched.remove(&(epfd, fd)))
    } else {
        read(|t| t.watched.get(&(epfd, fd)).copied()).flatten()
    }
}

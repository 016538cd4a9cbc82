//! The outside world, as the core sees it.
//!
//! The core never touches memory, sockets or files itself. A host gives it two views:
//! [`UserMemory`], the address spaces of the processes (what the kernel reaches with
//! `copy_from_user`/`copy_to_user`), and [`ReceiveMemory`], the driver's writable view of each
//! process's receive buffer (what the kernel reaches through its own mapping of the pages).
//! Keeping them separate lets the one transaction copy go straight from a sender's address
//! space into a receiver's buffer with no bounce buffer in between.

use super::ProcId;

/// A user address range that cannot be read or written (the kernel's `-EFAULT`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fault;

/// The address spaces of the processes that opened the device.
pub trait UserMemory {
    /// Copies `dst.len()` bytes from `addr` in `proc`'s address space.
    fn copy_from_user(&mut self, proc: ProcId, addr: u64, dst: &mut [u8]) -> Result<(), Fault>;
    /// Copies `src` to `addr` in `proc`'s address space.
    fn copy_to_user(&mut self, proc: ProcId, addr: u64, src: &[u8]) -> Result<(), Fault>;
}

/// The driver's read-write view of every process's receive buffer.
pub trait ReceiveMemory {
    /// Bytes `offset..offset + len` of `proc`'s receive buffer.
    ///
    /// The core only asks for ranges inside the length it accepted in `mmap` for that process,
    /// so an implementation may treat anything else as a bug.
    fn buffer_mut(&mut self, proc: ProcId, offset: usize, len: usize) -> &mut [u8];
}

/// A reference to an open file the host took from a sender (the kernel's `struct file *`).
/// What the number means is the host's business.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileRef(pub u64);

/// Open files of the processes.
///
/// Taking a file happens while the sender's transaction is processed; installing one in the
/// receiver happens when the receiver reads (the host is asked through
/// [`Completion::InstallFiles`](super::Completion::InstallFiles) and answers with
/// [`Context::files_installed`](super::Context::files_installed)), so installation may take
/// the host as long as it needs.
pub trait Files {
    /// Takes a reference to `proc`'s open file `fd` (`fget`); `EBADF` if there is none.
    fn get_file(&mut self, proc: ProcId, fd: u32) -> Result<FileRef, super::Errno>;
    /// Drops a reference that will never be installed.
    fn put_file(&mut self, file: FileRef);
    /// Closes `fd` in `proc`, as the kernel does for fd arrays when their buffer is freed.
    fn close_fd(&mut self, proc: ProcId, fd: u32);
}

/// Everything outside the core, handed to every entry point that may move data or files.
pub struct Env<'a> {
    /// Process address spaces.
    pub user: &'a mut dyn UserMemory,
    /// Receive buffers.
    pub rx: &'a mut dyn ReceiveMemory,
    /// Open files.
    pub files: &'a mut dyn Files,
}

impl Env<'_> {
    /// Reads a plain-old-data value from user memory.
    pub(crate) fn read<T: crate::uapi::Pod + Default>(
        &mut self,
        proc: ProcId,
        addr: u64,
    ) -> Result<T, Fault> {
        let mut v = T::default();
        // SAFETY: `Pod` promises every byte pattern is a valid `T` and there is no padding.
        let bytes = unsafe {
            core::slice::from_raw_parts_mut(&mut v as *mut T as *mut u8, core::mem::size_of::<T>())
        };
        self.user.copy_from_user(proc, addr, bytes)?;
        Ok(v)
    }

    /// Writes a plain-old-data value to user memory.
    pub(crate) fn write<T: crate::uapi::Pod>(
        &mut self,
        proc: ProcId,
        addr: u64,
        v: &T,
    ) -> Result<(), Fault> {
        self.user.copy_to_user(proc, addr, v.as_bytes())
    }
}

//! The core's view of the outside world, implemented for real processes: address spaces
//! through `process_vm_readv`/`process_vm_writev`, receive buffers as sealed memfds, files
//! through pidfds.

use std::collections::HashMap;
use std::os::fd::{AsFd, OwnedFd};
use std::sync::Arc;

use crate::core::{Errno, Fault, FileRef, Files, ProcId, ReceiveMemory, UserMemory};
use crate::sys;

/// Bytes copied, by path. The one-copy path moves payloads straight from a sender's address
/// space into a receive buffer; anything that takes a second copy counts in `inline_bytes`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CopyStats {
    /// Payload bytes copied once, sender to receive buffer.
    pub one_copy_bytes: u64,
    /// Payload bytes that travelled inline in a message first (a second copy).
    pub inline_bytes: u64,
    /// Transactions' payload copies (calls of the one-copy path).
    pub copies: u64,
}

/// Address spaces of the connected processes.
pub(crate) struct ProcessMemory<'a> {
    pub(crate) pids: &'a HashMap<ProcId, i32>,
    pub(crate) inline: &'a mut Inline,
}

impl ProcessMemory<'_> {
    fn pid(&self, proc: ProcId) -> Result<i32, Fault> {
        self.pids.get(&proc).copied().ok_or(Fault)
    }
}

/// Memory a client sent with its in-flight ioctls, for clients the daemon may not read.
#[derive(Default)]
pub(crate) struct Inline {
    /// Processes whose memory travels inline.
    pub(crate) procs: std::collections::HashSet<ProcId>,
    /// The regions of each thread's ioctl in flight.
    pub(crate) regions: HashMap<(ProcId, crate::core::Tid), Vec<Region>>,
    /// The thread the core is running an operation for: its process's memory is what that
    /// thread's ioctl brought (threads' regions may lie at the same addresses: the
    /// placeholders of lent and posted buffers).
    pub(crate) current: Option<(ProcId, crate::core::Tid)>,
}

/// A range of a client's memory, as it sent it, or as the driver wrote it.
pub(crate) struct Region {
    pub(crate) addr: u64,
    /// Its length, as the client declared it.
    pub(crate) len: u64,
    /// A readable region's bytes, all `len` of them. A region only written holds what the
    /// driver wrote so far, from its start (zero-filled between writes): what a client
    /// declares costs binderd nothing until the driver writes there, so its memory follows
    /// what the ioctl really touches.
    pub(crate) data: Arc<Vec<u8>>,
    /// Sent with the ioctl; the others may only be written.
    pub(crate) readable: bool,
    /// The span the driver wrote, relative to `addr`: only that goes back.
    pub(crate) dirty: Option<(usize, usize)>,
}

impl Region {
    /// A region whose bytes the client sent.
    pub(crate) fn sent(addr: u64, data: Vec<u8>) -> Region {
        Region {
            addr,
            len: data.len() as u64,
            data: Arc::new(data),
            readable: true,
            dirty: None,
        }
    }

    /// A region the driver may only write.
    pub(crate) fn write_only(addr: u64, len: u64) -> Region {
        Region {
            addr,
            len,
            data: Arc::new(Vec::new()),
            readable: false,
            dirty: None,
        }
    }

    /// Lets go of what was sent to be read, keeping what the driver wrote: the region is
    /// only written from now on.
    pub(crate) fn forget_readable(&mut self) {
        if self.readable {
            self.readable = false;
            let written = self.dirty.map_or(0, |(_, hi)| hi);
            Arc::make_mut(&mut self.data).truncate(written);
            Arc::make_mut(&mut self.data).shrink_to_fit();
        }
    }
}

impl Inline {
    /// The region of `proc` holding `addr..addr + len`.
    fn find(&mut self, proc: ProcId, addr: u64, len: usize, read: bool) -> Option<&mut Region> {
        let end = addr.checked_add(len as u64)?;
        let fits = |r: &&mut Region| {
            (r.readable || !read) && r.addr <= addr && end <= r.addr.saturating_add(r.len)
        };
        match self.current {
            // The thread the core acts for: its own regions, looked up directly (every parked
            // read keeps some, so scanning them all would cost every access that many).
            Some(c) if c.0 == proc => self.regions.get_mut(&c)?.iter_mut().find(fits),
            _ => self
                .regions
                .iter_mut()
                .filter(|(&(p, _), _)| p == proc)
                .flat_map(|(_, rs)| rs.iter_mut())
                .find(fits),
        }
    }

    /// The bytes at `addr..addr + len` of `proc`, shared with the region holding them.
    pub(crate) fn source(
        &mut self,
        proc: ProcId,
        addr: u64,
        len: usize,
    ) -> Option<(Arc<Vec<u8>>, usize)> {
        let r = self.find(proc, addr, len, true)?;
        Some((r.data.clone(), (addr - r.addr) as usize))
    }
}

impl UserMemory for ProcessMemory<'_> {
    fn copy_from_user(&mut self, proc: ProcId, addr: u64, dst: &mut [u8]) -> Result<(), Fault> {
        if dst.is_empty() {
            return Ok(());
        }
        // Memory the ioctl brought along (all of it for inline clients, the
        // binder_write_read for the others) is served from the message.
        if let Some(r) = self.inline.find(proc, addr, dst.len(), true) {
            let at = (addr - r.addr) as usize;
            dst.copy_from_slice(&r.data[at..at + dst.len()]);
            return Ok(());
        }
        if self.inline.procs.contains(&proc) {
            return Err(Fault);
        }
        let pid = self.pid(proc)?;
        sys::read_process(pid, addr, dst).map_err(|e| {
            tracing::debug!(pid, addr, len = dst.len(), %e, "read from process failed");
            Fault
        })
    }

    fn copy_to_user(&mut self, proc: ProcId, addr: u64, src: &[u8]) -> Result<(), Fault> {
        if src.is_empty() {
            return Ok(());
        }
        if let Some(r) = self.inline.find(proc, addr, src.len(), false) {
            let at = (addr - r.addr) as usize;
            let end = at + src.len();
            let data = Arc::make_mut(&mut r.data);
            if data.len() < end {
                data.resize(end, 0);
            }
            data[at..end].copy_from_slice(src);
            r.dirty = Some(
                r.dirty
                    .map_or((at, end), |(lo, hi)| (lo.min(at), hi.max(end))),
            );
            return Ok(());
        }
        if self.inline.procs.contains(&proc) {
            return Err(Fault);
        }
        let pid = self.pid(proc)?;
        sys::write_process(pid, addr, src).map_err(|e| {
            tracing::debug!(pid, addr, len = src.len(), %e, "write to process failed");
            Fault
        })
    }
}

/// Receive buffers by process.
pub(crate) struct Buffers<'a>(pub(crate) &'a HashMap<ProcId, Arc<sys::SealedBuffer>>);

impl ReceiveMemory for Buffers<'_> {
    fn buffer_mut(&mut self, proc: ProcId, offset: usize, len: usize) -> &mut [u8] {
        let b = self
            .0
            .get(&proc)
            .expect("the core writes only to mapped processes");
        // SAFETY: the core asks for ranges of buffers it owns under the device lock; payload
        // copies made without the lock go only to buffers reserved for a pending transaction,
        // which the core does not touch until the copy is reported done.
        unsafe { std::slice::from_raw_parts_mut(b.range_ptr(offset, len), len) }
    }
}

/// Files in flight: taken from senders with `pidfd_getfd`, handed to receivers at read time.
#[derive(Default)]
pub(crate) struct FileTable {
    pub(crate) pidfds: HashMap<ProcId, OwnedFd>,
    files: HashMap<u64, OwnedFd>,
    next: u64,
    /// Descriptors the driver closed in a process, to tell it with its next result.
    pub(crate) closes: HashMap<ProcId, Vec<u32>>,
    /// Descriptors sent with inline ioctls in flight, by the client's number.
    pub(crate) inline_fds: HashMap<(ProcId, crate::core::Tid), HashMap<u32, OwnedFd>>,
}

impl FileTable {
    /// Takes the files behind references the core handed over for installation.
    pub(crate) fn take(&mut self, refs: &[FileRef]) -> Vec<OwnedFd> {
        refs.iter()
            .filter_map(|r| self.files.remove(&r.0))
            .collect()
    }
}

impl Files for FileTable {
    fn get_file(&mut self, proc: ProcId, fd: u32) -> Result<FileRef, Errno> {
        let sent = self
            .inline_fds
            .iter()
            .filter(|((p, _), _)| *p == proc)
            .find_map(|(_, fds)| fds.get(&fd));
        let file = match sent {
            Some(f) => f.try_clone().map_err(|_| Errno::EBADF)?,
            None => {
                let pidfd = self.pidfds.get(&proc).ok_or(Errno::EBADF)?;
                sys::pidfd_getfd(pidfd.as_fd(), fd).map_err(|e| {
                    tracing::debug!(fd, %e, "pidfd_getfd failed");
                    Errno::EBADF
                })?
            }
        };
        self.next += 1;
        self.files.insert(self.next, file);
        Ok(FileRef(self.next))
    }

    fn put_file(&mut self, file: FileRef) {
        self.files.remove(&file.0);
    }

    fn close_fd(&mut self, proc: ProcId, fd: u32) {
        self.closes.entry(proc).or_default().push(fd);
    }
}

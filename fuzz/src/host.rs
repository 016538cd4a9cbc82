//! A host for the driver core, as binderd is one: address spaces, receive buffers, files,
//! and the settling of everything the core hands back — with the oracles.
//!
//! Like binderd, the host runs one entry point at a time and, after each, first settles the
//! caller's completion, then resumes the threads the core woke. What binderd does later, on
//! another worker or after a client's answer, the host may hold and do later too (when
//! [`Host::hold_copies`] / [`Host::hold_installs`] are set): payload copies
//! (`Completion::CopyPayload`) and file installs (`Completion::InstallFiles`), so that any
//! operation can come in between (a release above all).
//!
//! Oracles (a broken one panics with `ORACLE:`):
//! - every read buffer the core fills parses into whole items that add up to
//!   `read_consumed` (`<= read_size`), with known `BR_*` codes, the first being `BR_NOOP` or
//!   `BR_SPAWN_LOOPER`;
//! - every delivered transaction's data, offsets, objects and scatter-gather buffers lie
//!   inside a buffer the core lists as delivered in the receiver's mapping; objects are of the
//!   translated kind (a node of the receiver, a handle it holds — unless it dropped counts
//!   on that handle itself —, an fd open in it naming the file sent), pointer fixups point at
//!   the child buffers, and every byte that is not an object or a fixup is the byte the
//!   sender sent;
//! - `BR_DEAD_BINDER`, `BR_CLEAR_DEATH_NOTIFICATION_DONE` and `BR_FROZEN_BINDER` carry only
//!   cookies the process registered;
//! - the core's calls into the host are sound: receive-buffer ranges inside the mapping, no
//!   put of a file reference twice or never taken, no close of an fd not open, nothing done
//!   for a released process, `Stale` exactly when the woken thread is not parked;
//! - after every operation: each process's buffers tile inside its mapping without overlap
//!   and its async quota is exactly half the mapping minus its oneway buffers; a node's refs
//!   come from other open processes, one each, its strong refs among them; a thread is
//!   parked in the core exactly when the host holds an ioctl of it;
//! - [`Host::release_all_and_check`]: once every process is released and every held copy is
//!   finished, nothing is left — no process, node, transaction, or file reference.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use binder_driver::core::{
    Completion, Context, CopyOp, Credentials, Env, Errno, Fault, FileRef, Files, ProcId,
    ReceiveMemory, Tid, UserMemory, Wake,
};
use binder_driver::uapi::*;

/// Panics with an oracle message.
#[macro_export]
macro_rules! oracle {
    ($($arg:tt)*) => {
        panic!("ORACLE: {}", format_args!($($arg)*))
    };
}

/// Where every process's receive buffer is mapped.
pub const MAP_ADDR: u64 = 0x7f00_0000_0000;
/// The address space of the process opened `n`-th starts at `SPACE_BASE * (n + 1)`.
const SPACE_BASE: u64 = 0x10_0000_0000;
/// The most memory one simulated process may hold (bounds what one input can cost).
const SPACE_MAX: usize = 4 << 20;

/// One process's address space: a bump-allocated region at `base`.
struct Space {
    base: u64,
    bytes: Vec<u8>,
}

/// The processes' address spaces. A released process's memory can no longer be read (the
/// daemon's `process_vm_readv` on a dead pid fails).
#[derive(Default)]
pub struct Mem {
    spaces: BTreeMap<ProcId, Space>,
    dead: BTreeSet<ProcId>,
}

impl Mem {
    fn range(&mut self, proc: ProcId, addr: u64, len: usize) -> Result<&mut [u8], Fault> {
        if self.dead.contains(&proc) {
            return Err(Fault);
        }
        let s = self.spaces.get_mut(&proc).ok_or(Fault)?;
        let start = usize::try_from(addr.checked_sub(s.base).ok_or(Fault)?).map_err(|_| Fault)?;
        let end = start.checked_add(len).ok_or(Fault)?;
        s.bytes.get_mut(start..end).ok_or(Fault)
    }

    /// Reserves `len` zeroed bytes (8-aligned); `None` past the process's budget.
    pub fn alloc(&mut self, proc: ProcId, len: usize) -> Option<u64> {
        let s = self.spaces.get_mut(&proc)?;
        let at = (s.bytes.len() + 7) & !7;
        let end = at.checked_add(len)?;
        if end > SPACE_MAX {
            return None;
        }
        s.bytes.resize(end, 0);
        Some(s.base + at as u64)
    }

    /// Places `bytes` in `proc`'s memory.
    pub fn put(&mut self, proc: ProcId, bytes: &[u8]) -> Option<u64> {
        let addr = self.alloc(proc, bytes.len())?;
        self.range(proc, addr, bytes.len())
            .ok()?
            .copy_from_slice(bytes);
        Some(addr)
    }

    /// Overwrites bytes of `proc`'s memory (ignored where not mapped).
    pub fn put_at(&mut self, proc: ProcId, addr: u64, bytes: &[u8]) {
        if let Ok(r) = self.range(proc, addr, bytes.len()) {
            r.copy_from_slice(bytes);
        }
    }

    /// Bytes of `proc`'s memory (`None` if not all are mapped).
    pub fn peek(&mut self, proc: ProcId, addr: u64, len: usize) -> Option<Vec<u8>> {
        self.range(proc, addr, len).ok().map(|b| b.to_vec())
    }
}

impl UserMemory for Mem {
    fn copy_from_user(&mut self, proc: ProcId, addr: u64, dst: &mut [u8]) -> Result<(), Fault> {
        dst.copy_from_slice(self.range(proc, addr, dst.len())?);
        Ok(())
    }
    fn copy_to_user(&mut self, proc: ProcId, addr: u64, src: &[u8]) -> Result<(), Fault> {
        self.range(proc, addr, src.len())?.copy_from_slice(src);
        Ok(())
    }
}

/// The receive buffers, kept after their process is released (binderd's copy workers hold
/// the memfd until their copy ends). Each is zero-filled as far as it was touched, and grows
/// on use up to its mapped size (a memfd's pages, too, are allocated on first write): runs
/// do not pay for a megabyte of zeros per process.
#[derive(Default)]
pub struct Rx {
    buffers: BTreeMap<ProcId, (usize, Vec<u8>)>,
}

impl Rx {
    fn create(&mut self, proc: ProcId, size: usize) -> bool {
        self.buffers.insert(proc, (size, Vec::new())).is_none()
    }

    /// Bytes of a receive buffer, `None` outside its mapping.
    fn get(&mut self, proc: ProcId, offset: usize, len: usize) -> Option<&[u8]> {
        let (size, b) = self.buffers.get_mut(&proc)?;
        let end = offset.checked_add(len).filter(|&e| e <= *size)?;
        if b.len() < end {
            b.resize(end, 0);
        }
        Some(&b[offset..end])
    }
}

impl ReceiveMemory for Rx {
    fn buffer_mut(&mut self, proc: ProcId, offset: usize, len: usize) -> &mut [u8] {
        let Some((size, b)) = self.buffers.get_mut(&proc) else {
            oracle!("receive buffer of {proc:?}, which never mapped one");
        };
        let size = *size;
        match offset.checked_add(len).filter(|&e| e <= size) {
            Some(end) => {
                if b.len() < end {
                    b.resize(end, 0);
                }
                &mut b[offset..end]
            }
            None => oracle!(
                "receive-buffer range {offset}+{len} of {proc:?} outside its mapping of {size}"
            ),
        }
    }
}

/// Open files: each process's fd table maps fd numbers to file ids; a [`FileRef`] the core
/// holds names one taken reference.
pub struct SimFiles {
    tables: BTreeMap<ProcId, BTreeMap<u32, u64>>,
    /// References taken and not yet installed or dropped: ref -> file id.
    refs: BTreeMap<u64, u64>,
    next_ref: u64,
    next_file: u64,
    /// Per-process limit on open fds (to provoke `EMFILE`).
    pub limits: BTreeMap<ProcId, usize>,
    released: BTreeSet<ProcId>,
    /// References handed to the host with `InstallFiles`, not yet installed or dropped, and
    /// the process they are for: the host's own, as binderd takes them at once.
    handed: BTreeMap<u64, ProcId>,
    /// The file id behind each handed reference.
    refs_of_handed: BTreeMap<u64, u64>,
}

impl Default for SimFiles {
    fn default() -> Self {
        SimFiles {
            tables: BTreeMap::new(),
            refs: BTreeMap::new(),
            next_ref: 0,
            next_file: 1000,
            limits: BTreeMap::new(),
            released: BTreeSet::new(),
            handed: BTreeMap::new(),
            refs_of_handed: BTreeMap::new(),
        }
    }
}

impl SimFiles {
    /// The file open as `fd` in `proc`.
    pub fn file(&self, proc: ProcId, fd: u32) -> Option<u64> {
        self.tables.get(&proc)?.get(&fd).copied()
    }

    /// The fds open in `proc`, ascending.
    pub fn fds(&self, proc: ProcId) -> Vec<u32> {
        self.tables
            .get(&proc)
            .map_or_else(Vec::new, |t| t.keys().copied().collect())
    }

    /// Opens a new file in `proc` at the lowest free fd.
    pub fn open_new(&mut self, proc: ProcId) -> Option<u32> {
        self.next_file += 1;
        let id = self.next_file;
        self.open(proc, id).ok()
    }

    fn open(&mut self, proc: ProcId, id: u64) -> Result<u32, Errno> {
        let limit = self.limits.get(&proc).copied().unwrap_or(64);
        let t = self.tables.entry(proc).or_default();
        if t.len() >= limit {
            return Err(Errno(24)); // EMFILE
        }
        let fd = (0..).find(|fd| !t.contains_key(fd)).expect("a free fd");
        t.insert(fd, id);
        Ok(fd)
    }

    /// References taken by the core, or handed to the host, and not yet installed or
    /// dropped.
    pub fn outstanding(&self) -> usize {
        self.refs.len() + self.handed.len()
    }

    /// The core hands references over for installation in `proc` (`InstallFiles`).
    fn hand_over(&mut self, proc: ProcId, files: &[FileRef]) {
        for f in files {
            let Some(id) = self.refs.remove(&f.0) else {
                oracle!(
                    "InstallFiles hands over file ref {} not taken (or already used)",
                    f.0
                );
            };
            self.handed.insert(f.0, proc);
            self.refs_of_handed.insert(f.0, id);
        }
    }

    /// Installs handed `files` in `proc`, in order; on failure none stays installed. The
    /// references are consumed either way.
    fn install(&mut self, proc: ProcId, files: &[FileRef]) -> Result<Vec<u32>, Errno> {
        let ids: Vec<u64> = files
            .iter()
            .map(
                |f| match (self.handed.remove(&f.0), self.refs_of_handed.remove(&f.0)) {
                    (Some(_), Some(id)) => id,
                    _ => oracle!(
                        "install of file ref {} not handed over (or already used)",
                        f.0
                    ),
                },
            )
            .collect();
        let mut fds = Vec::new();
        for id in ids {
            match self.open(proc, id) {
                Ok(fd) => fds.push(fd),
                Err(e) => {
                    for fd in fds {
                        self.tables.get_mut(&proc).unwrap().remove(&fd);
                    }
                    return Err(e);
                }
            }
        }
        Ok(fds)
    }

    /// The host lets go of references the core handed it (a dead client never took them).
    fn drop_refs(&mut self, files: &[FileRef]) {
        for f in files {
            if self.handed.remove(&f.0).is_none() || self.refs_of_handed.remove(&f.0).is_none() {
                oracle!("file ref {} dropped twice by the host", f.0);
            }
        }
    }

    fn release(&mut self, proc: ProcId) {
        self.tables.remove(&proc);
        self.limits.remove(&proc);
        self.released.insert(proc);
    }
}

impl Files for SimFiles {
    fn get_file(&mut self, proc: ProcId, fd: u32) -> Result<FileRef, Errno> {
        if self.released.contains(&proc) {
            oracle!("get_file in released {proc:?}");
        }
        let id = self.file(proc, fd).ok_or(Errno::EBADF)?;
        self.next_ref += 1;
        self.refs.insert(self.next_ref, id);
        Ok(FileRef(self.next_ref))
    }
    fn put_file(&mut self, file: FileRef) {
        if self.refs.remove(&file.0).is_some() {
            return;
        }
        // A reference handed over with `InstallFiles` is the host's (see
        // `fuzz/artifacts-found/core/README.md`).
        match self.handed.get(&file.0) {
            Some(&p) => oracle!(
                "put of file ref {} handed to the host for {p:?} (InstallFiles) by the core",
                file.0
            ),
            None => oracle!(
                "put of file ref {} not taken or already put/installed",
                file.0
            ),
        }
    }
    fn close_fd(&mut self, proc: ProcId, fd: u32) {
        if self.released.contains(&proc) {
            oracle!("close_fd({fd}) in released {proc:?}");
        }
        // The simulated programs never close fds themselves: a close of an fd not open is
        // the driver closing one twice (or one it never installed).
        if self
            .tables
            .get_mut(&proc)
            .and_then(|t| t.remove(&fd))
            .is_none()
        {
            oracle!("close_fd({fd}) in {proc:?}: not open");
        }
    }
}

/// What the host remembers of a `BINDER_WRITE_READ` it issued.
#[derive(Clone, Copy, Debug)]
pub struct BwrInfo {
    pub read_buffer: u64,
    pub read_size: u64,
    pub read_consumed: u64,
    pub write_size: u64,
    pub write_consumed: u64,
}

/// Where an ioctl the host issued stands.
#[derive(Debug)]
pub enum Flight {
    /// Being run (only inside an entry point).
    Running,
    /// A read waiting for work.
    Parked,
    /// A transaction's payload copies, held (binderd's worker has them).
    Copy(Vec<CopyOp>),
    /// Files to install, held (the client has them and has not answered).
    Install(Vec<FileRef>),
    /// A `BINDER_FREEZE` waiting to drain.
    Freeze,
}

/// An ioctl in flight.
#[derive(Debug)]
pub struct InFlight {
    pub cmd: u32,
    pub arg: u64,
    pub bwr: Option<BwrInfo>,
    pub state: Flight,
}

/// How a held install is answered.
#[derive(Clone, Copy, Debug)]
pub enum InstallAnswer {
    /// Installed, all numbers reported.
    Ok,
    /// Failed (`EMFILE`): none installed.
    Fail,
    /// Installed, one number fewer reported (a client answering wrong: the driver closes the
    /// ones it was told of; the last one stays open in the client, its own loss).
    Short,
}

/// One object of a sent transaction, as the sender laid it.
#[derive(Clone, Debug)]
pub enum SentObj {
    Binder {
        weak: bool,
        ptr: u64,
        cookie: u64,
    },
    Handle {
        weak: bool,
    },
    /// The file the fd named when sent (`None`: no such fd).
    Fd {
        file: Option<u64>,
    },
    Fda {
        files: Vec<Option<u64>>,
        parent: usize,
        parent_offset: usize,
    },
    Ptr {
        length: usize,
        parent: Option<(usize, usize)>,
    },
    /// Not a valid object (the transaction fails).
    Other,
}

/// A buffer object's contents as sent, and the (offset, length) ranges the driver overwrites.
pub type PtrBuf = (Vec<u8>, Vec<(usize, usize)>);

/// A transaction as its sender laid it, by tag (the first 8 bytes of its data).
#[derive(Clone, Debug)]
pub struct SentTxn {
    pub sender: ProcId,
    pub sender_pid: i32,
    pub data: Vec<u8>,
    pub offsets: Vec<u64>,
    pub objs: Vec<SentObj>,
    /// Contents of each `BINDER_TYPE_PTR` buffer, by object index, with the ranges the driver
    /// overwrites (child pointers, fd arrays).
    pub ptr_bufs: BTreeMap<usize, PtrBuf>,
}

/// What the host tracks of a process, for the scenario to pick valid-looking values.
#[derive(Debug, Default)]
pub struct ProcTrack {
    pub pid: i32,
    pub euid: u32,
    /// Size the core accepted in `mmap`.
    pub map: Option<usize>,
    /// Data addresses of delivered buffers not yet freed by the scenario.
    pub delivered: Vec<u64>,
    /// Data addresses already freed (to try freeing twice).
    pub freed: Vec<u64>,
    /// `BR_INCREFS` (false) / `BR_ACQUIRE` (true) received, for the `_DONE` answers.
    pub node_news: Vec<(bool, u64, u64)>,
    pub death_requested: BTreeSet<u64>,
    pub death_cleared: BTreeSet<u64>,
    /// `BR_DEAD_BINDER` cookies received, for `BC_DEAD_BINDER_DONE`.
    pub dead: Vec<u64>,
    pub freeze_requested: BTreeSet<u64>,
    pub freeze_cleared: BTreeSet<u64>,
    /// `BR_FROZEN_BINDER` cookies received, for `BC_FREEZE_NOTIFICATION_DONE`.
    pub frozen: Vec<u64>,
    /// Threads that made an ioctl or poll.
    pub threads: BTreeSet<Tid>,
    /// Transactions delivered to each thread and not yet replied to (sync calls).
    pub to_reply: BTreeMap<Tid, usize>,
    /// Handles the process decremented (`BC_RELEASE`/`BC_DECREFS`): it may have dropped a
    /// count a buffer on its way to it holds, so a handle in it may be gone (its own doing).
    pub decremented: BTreeSet<u32>,
}

/// The driver core with simulated processes around it.
pub struct Host {
    pub ctx: Context,
    pub mem: Mem,
    pub rx: Rx,
    pub files: SimFiles,
    pub inflight: BTreeMap<(ProcId, Tid), InFlight>,
    /// Held copies of threads whose process was released: binderd's worker still finishes
    /// them and reports.
    pub orphan_copies: Vec<(ProcId, Tid, Vec<CopyOp>)>,
    pub hold_copies: bool,
    pub hold_installs: bool,
    pub procs: BTreeMap<ProcId, ProcTrack>,
    pub released: BTreeSet<ProcId>,
    pub readable: BTreeSet<(ProcId, Tid)>,
    pub sent: BTreeMap<u64, SentTxn>,
    next_tag: u64,
    opened: u64,
    wakes: VecDeque<Wake>,
    /// Counters, for the curious.
    pub delivered_txns: u64,
}

impl Default for Host {
    fn default() -> Self {
        Self::new()
    }
}

/// Tags mark the data of transactions the host laid (high bits make them unlikely elsewhere).
const TAG_BASE: u64 = 0x7a67_5f00_0000_0000;

impl Host {
    pub fn new() -> Self {
        Host {
            ctx: Context::new("binder"),
            mem: Mem::default(),
            rx: Rx::default(),
            files: SimFiles::default(),
            inflight: BTreeMap::new(),
            orphan_copies: Vec::new(),
            hold_copies: false,
            hold_installs: false,
            procs: BTreeMap::new(),
            released: BTreeSet::new(),
            readable: BTreeSet::new(),
            sent: BTreeMap::new(),
            next_tag: TAG_BASE,
            opened: 0,
            wakes: VecDeque::new(),
            delivered_txns: 0,
        }
    }

    /// A fresh tag for a transaction's data.
    pub fn new_tag(&mut self) -> u64 {
        self.next_tag += 1;
        self.next_tag
    }

    fn env(&mut self) -> (Env<'_>, &mut Context) {
        (
            Env {
                user: &mut self.mem,
                rx: &mut self.rx,
                files: &mut self.files,
            },
            &mut self.ctx,
        )
    }

    /// `open()` as `pid`/`euid`, with an address space and `files` open files.
    pub fn open(&mut self, pid: i32, euid: u32, nonblocking: bool, files: usize) -> ProcId {
        let secctx = format!("u:r:pid{pid}:s0\0").into_bytes();
        let id = self
            .ctx
            .open(Credentials { pid, euid, secctx }, nonblocking);
        self.opened += 1;
        self.mem.spaces.insert(
            id,
            Space {
                base: SPACE_BASE * self.opened,
                bytes: Vec::new(),
            },
        );
        for _ in 0..files {
            self.files.open_new(id);
        }
        self.procs.insert(
            id,
            ProcTrack {
                pid,
                euid,
                ..Default::default()
            },
        );
        id
    }

    /// `mmap()`; the receive buffer is created as binderd creates it.
    pub fn mmap(&mut self, proc: ProcId, len: usize) -> Result<usize, Errno> {
        let r = self.ctx.mmap(proc, MAP_ADDR, len);
        if let Ok(size) = r {
            if size == 0 || size > len || size > 4 << 20 {
                oracle!("mmap of {len} accepted {size}");
            }
            if !self.rx.create(proc, size) {
                oracle!("{proc:?} mapped twice");
            }
            self.procs.get_mut(&proc).unwrap().map = Some(size);
        }
        r
    }

    /// Runs one ioctl and everything it sets off; the result if it finished.
    pub fn ioctl(
        &mut self,
        proc: ProcId,
        tid: Tid,
        cmd: u32,
        arg: u64,
        bwr: Option<BwrInfo>,
    ) -> Option<Result<i32, Errno>> {
        if let Some(t) = self.procs.get_mut(&proc) {
            t.threads.insert(tid);
        }
        if cmd == BINDER_WRITE_READ {
            self.note_commands(proc, arg);
        }
        let (mut env, ctx) = self.env();
        let out = ctx.ioctl(proc, tid, cmd, arg, &mut env);
        self.wakes.extend(out.wakes);
        if self.inflight.contains_key(&(proc, tid)) || self.released.contains(&proc) {
            // A thread already in an ioctl (a client sending another request regardless),
            // or a process already gone: the core refuses at once.
            if !matches!(out.result, Completion::Done(Err(_))) {
                oracle!(
                    "ioctl {cmd:#x} of busy or released thread {tid} of {proc:?}: {:?}",
                    out.result
                );
            }
            self.pump();
            let Completion::Done(r) = out.result else {
                unreachable!()
            };
            return Some(r);
        }
        self.inflight.insert(
            (proc, tid),
            InFlight {
                cmd,
                arg,
                bwr,
                state: Flight::Running,
            },
        );
        let r = self.settle(proc, tid, out.result);
        self.pump();
        r
    }

    /// Notes what the commands of a `BINDER_WRITE_READ` about to run register (death and
    /// freeze cookies) or drop (handle counts), whoever laid them: scanned as the core reads
    /// them, each command's payload the size its code says.
    fn note_commands(&mut self, proc: ProcId, arg: u64) {
        let Some(bwr) = self
            .mem
            .peek(proc, arg, 48)
            .and_then(|b| BinderWriteRead::from_bytes(&b))
        else {
            return;
        };
        let len = bwr
            .write_size
            .saturating_sub(bwr.write_consumed)
            .min(1 << 16) as usize;
        let at = bwr.write_buffer.wrapping_add(bwr.write_consumed);
        let Some(cmds) = self.mem.peek(proc, at, len) else {
            return;
        };
        let Some(track) = self.procs.get_mut(&proc) else {
            return;
        };
        let mut i = 0;
        while i + 4 <= cmds.len() {
            let code = u32::from_ne_bytes(cmds[i..i + 4].try_into().unwrap());
            i += 4;
            let size = ioc_size(code) as usize;
            let Some(payload) = cmds.get(i..i + size) else {
                break;
            };
            let cookie = || u64::from_ne_bytes(payload[4..12].try_into().unwrap());
            match code {
                BC_REQUEST_DEATH_NOTIFICATION => {
                    track.death_requested.insert(cookie());
                }
                BC_CLEAR_DEATH_NOTIFICATION => {
                    track.death_cleared.insert(cookie());
                }
                BC_REQUEST_FREEZE_NOTIFICATION => {
                    track.freeze_requested.insert(cookie());
                }
                BC_CLEAR_FREEZE_NOTIFICATION => {
                    track.freeze_cleared.insert(cookie());
                }
                BC_RELEASE | BC_DECREFS => {
                    track
                        .decremented
                        .insert(u32::from_ne_bytes(payload.try_into().unwrap()));
                }
                BC_TRANSACTION
                | BC_REPLY
                | BC_TRANSACTION_SG
                | BC_REPLY_SG
                | BC_FREE_BUFFER
                | BC_INCREFS
                | BC_ACQUIRE
                | BC_INCREFS_DONE
                | BC_ACQUIRE_DONE
                | BC_REGISTER_LOOPER
                | BC_ENTER_LOOPER
                | BC_EXIT_LOOPER
                | BC_DEAD_BINDER_DONE
                | BC_FREEZE_NOTIFICATION_DONE => {}
                _ => break, // the core refuses it and stops there
            }
            i += size;
        }
    }

    /// Settles a completion of `tid`'s ioctl until it parks, is held, or finishes; the
    /// result if it finished.
    fn settle(&mut self, proc: ProcId, tid: Tid, mut c: Completion) -> Option<Result<i32, Errno>> {
        loop {
            let out = match c {
                Completion::Done(r) => {
                    self.complete(proc, tid, r);
                    return Some(r);
                }
                Completion::Stale => oracle!("a running ioctl of {tid} ended Stale"),
                Completion::Parked => {
                    // A freeze resumed before it drained parks again as a freeze.
                    let freeze = self
                        .inflight
                        .get(&(proc, tid))
                        .is_some_and(|f| f.cmd == BINDER_FREEZE);
                    let state = if freeze {
                        Flight::Freeze
                    } else {
                        Flight::Parked
                    };
                    self.set_state(proc, tid, state);
                    return None;
                }
                Completion::Waiting { .. } => {
                    self.set_state(proc, tid, Flight::Freeze);
                    return None;
                }
                Completion::CopyPayload(ops) => {
                    if self.hold_copies {
                        self.set_state(proc, tid, Flight::Copy(ops));
                        return None;
                    }
                    self.set_state(proc, tid, Flight::Running);
                    let r = self.do_copies(&ops);
                    let (mut env, ctx) = self.env();
                    ctx.payload_copied(proc, tid, r, &mut env)
                }
                Completion::InstallFiles(files) => {
                    self.files.hand_over(proc, &files);
                    if self.hold_installs {
                        self.set_state(proc, tid, Flight::Install(files));
                        return None;
                    }
                    self.set_state(proc, tid, Flight::Running);
                    let fds = self.files.install(proc, &files);
                    let (mut env, ctx) = self.env();
                    ctx.files_installed(proc, tid, fds, &mut env)
                }
            };
            self.wakes.extend(out.wakes);
            c = out.result;
        }
    }

    fn set_state(&mut self, proc: ProcId, tid: Tid, state: Flight) {
        match self.inflight.get_mut(&(proc, tid)) {
            Some(f) => f.state = state,
            None => oracle!("{tid} of {proc:?} got {state:?} with no ioctl in flight"),
        }
    }

    /// The payload copies, as binderd's worker makes them.
    fn do_copies(&mut self, ops: &[CopyOp]) -> Result<(), Fault> {
        for op in ops {
            if op.len == 0 {
                oracle!("empty copy {op:?}");
            }
            let mut tmp = vec![0u8; op.len];
            self.mem.copy_from_user(op.from, op.addr, &mut tmp)?;
            self.rx
                .buffer_mut(op.to, op.offset, op.len)
                .copy_from_slice(&tmp);
        }
        Ok(())
    }

    /// Resumes woken threads until no wake is left.
    fn pump(&mut self) {
        while let Some(w) = self.wakes.pop_front() {
            match w {
                Wake::Readable(p, t) => {
                    if self.released.contains(&p) {
                        oracle!("Readable for thread {t} of released {p:?}");
                    }
                    self.readable.insert((p, t));
                }
                Wake::Resume(p, t) => {
                    let (mut env, ctx) = self.env();
                    let out = ctx.resume(p, t, &mut env);
                    self.wakes.extend(out.wakes);
                    let parked = matches!(
                        self.inflight.get(&(p, t)).map(|f| &f.state),
                        Some(Flight::Parked | Flight::Freeze)
                    );
                    match (parked, out.result) {
                        (false, Completion::Stale) => {}
                        (false, c) => oracle!("resume of {t} of {p:?}, not parked: {c:?}"),
                        (true, Completion::Stale) => {
                            oracle!("resume of parked {t} of {p:?} answered Stale")
                        }
                        (true, c) => {
                            self.set_state(p, t, Flight::Running);
                            self.settle(p, t, c);
                        }
                    }
                }
            }
        }
    }

    /// An ioctl finished: checks what it returned.
    fn complete(&mut self, proc: ProcId, tid: Tid, r: Result<i32, Errno>) {
        let Some(f) = self.inflight.remove(&(proc, tid)) else {
            oracle!("{tid} of {proc:?} finished an ioctl not in flight");
        };
        if let Some(info) = f.bwr {
            self.check_bwr(proc, tid, f.arg, info, r);
        }
    }

    /// Finishes the `pick`-th held copy (in flight or orphaned), or fails it.
    pub fn finish_copy(&mut self, pick: usize, fault: bool) {
        let held: Vec<(ProcId, Tid)> = self
            .inflight
            .iter()
            .filter(|(_, f)| matches!(f.state, Flight::Copy(_)))
            .map(|(&k, _)| k)
            .collect();
        let n = held.len() + self.orphan_copies.len();
        if n == 0 {
            return;
        }
        let i = pick % n;
        if i < held.len() {
            let (p, t) = held[i];
            let f = self.inflight.get_mut(&(p, t)).unwrap();
            let Flight::Copy(ops) = std::mem::replace(&mut f.state, Flight::Running) else {
                unreachable!()
            };
            let r = if fault {
                Err(Fault)
            } else {
                self.do_copies(&ops)
            };
            let (mut env, ctx) = self.env();
            let out = ctx.payload_copied(p, t, r, &mut env);
            self.wakes.extend(out.wakes);
            self.settle(p, t, out.result);
        } else {
            let (p, t, ops) = self.orphan_copies.remove(i - held.len());
            // The sender is gone: its memory cannot be read any more.
            let r = if fault {
                Err(Fault)
            } else {
                self.do_copies(&ops)
            };
            let (mut env, ctx) = self.env();
            let out = ctx.payload_copied(p, t, r, &mut env);
            self.wakes.extend(out.wakes);
            if out.result != Completion::Done(Err(Errno::EINVAL)) {
                oracle!(
                    "copy of released {p:?} thread {t} reported: {:?}",
                    out.result
                );
            }
        }
        self.pump();
    }

    /// Answers the `pick`-th held install.
    pub fn finish_install(&mut self, pick: usize, answer: InstallAnswer) {
        let held: Vec<(ProcId, Tid)> = self
            .inflight
            .iter()
            .filter(|(_, f)| matches!(f.state, Flight::Install(_)))
            .map(|(&k, _)| k)
            .collect();
        if held.is_empty() {
            return;
        }
        let (p, t) = held[pick % held.len()];
        let f = self.inflight.get_mut(&(p, t)).unwrap();
        let Flight::Install(files) = std::mem::replace(&mut f.state, Flight::Running) else {
            unreachable!()
        };
        let fds = match answer {
            InstallAnswer::Ok => self.files.install(p, &files),
            InstallAnswer::Fail => {
                self.files.drop_refs(&files);
                Err(Errno(24))
            }
            InstallAnswer::Short => self.files.install(p, &files).map(|mut v| {
                v.pop();
                v
            }),
        };
        let (mut env, ctx) = self.env();
        let out = ctx.files_installed(p, t, fds, &mut env);
        self.wakes.extend(out.wakes);
        self.settle(p, t, out.result);
        self.pump();
    }

    /// `poll()`.
    pub fn poll(&mut self, proc: ProcId, tid: Tid) {
        if let Some(t) = self.procs.get_mut(&proc) {
            t.threads.insert(tid);
        }
        let out = self.ctx.poll(proc, tid);
        self.wakes.extend(out.wakes);
        if self.released.contains(&proc) != out.result.is_err() {
            oracle!("poll of {proc:?}: {:?}", out.result);
        }
        if out.result == Ok(true) {
            self.readable.insert((proc, tid));
        }
        self.pump();
    }

    /// A signal: interrupts a parked ioctl.
    pub fn interrupt(&mut self, proc: ProcId, tid: Tid) {
        let (mut env, ctx) = self.env();
        let out = ctx.interrupt(proc, tid, &mut env);
        self.wakes.extend(out.wakes);
        let interruptible = matches!(
            self.inflight.get(&(proc, tid)).map(|f| &f.state),
            Some(Flight::Parked | Flight::Freeze)
        );
        match out.result {
            Completion::Done(r) if interruptible => {
                if !matches!(r, Err(Errno::EINTR | Errno::EFAULT)) {
                    oracle!("interrupted ioctl of {tid} ended {r:?}");
                }
                self.set_state(proc, tid, Flight::Running);
                self.complete(proc, tid, r);
            }
            Completion::Done(Err(Errno::EINVAL)) if !interruptible => {}
            c => oracle!("interrupt of {tid} of {proc:?} (parked: {interruptible}): {c:?}"),
        }
        self.pump();
    }

    /// The host's timer for a waiting freeze.
    pub fn timeout(&mut self, proc: ProcId, tid: Tid) {
        let (mut env, ctx) = self.env();
        let out = ctx.timeout(proc, tid, &mut env);
        self.wakes.extend(out.wakes);
        let waiting = matches!(
            self.inflight.get(&(proc, tid)).map(|f| &f.state),
            Some(Flight::Freeze)
        );
        match (waiting, out.result) {
            (false, Completion::Stale) => {}
            (true, c @ (Completion::Done(_) | Completion::Parked)) => {
                self.set_state(proc, tid, Flight::Running);
                self.settle(proc, tid, c);
            }
            (w, c) => oracle!("timeout of {tid} of {proc:?} (waiting: {w}): {c:?}"),
        }
        self.pump();
    }

    /// The process unmaps its receive buffer.
    pub fn munmap(&mut self, proc: ProcId) {
        let r = self.ctx.munmap(proc);
        let mapped = self.procs.get(&proc).is_some_and(|t| t.map.is_some());
        if r.is_ok() != mapped {
            oracle!("munmap of {proc:?} (mapped: {mapped}): {r:?}");
        }
    }

    /// `release()`: the process closed the device or died.
    pub fn release(&mut self, proc: ProcId) {
        let (mut env, ctx) = self.env();
        let out = ctx.release(proc, &mut env);
        self.wakes.extend(out.wakes);
        if self.ctx.proc_info(proc).is_some() {
            oracle!("{proc:?} still there after release");
        }
        let mine: Vec<(ProcId, Tid)> = self
            .inflight
            .keys()
            .filter(|(p, _)| *p == proc)
            .copied()
            .collect();
        for k in mine {
            let f = self.inflight.remove(&k).unwrap();
            match f.state {
                Flight::Copy(ops) => self.orphan_copies.push((k.0, k.1, ops)),
                Flight::Install(files) => self.files.drop_refs(&files),
                _ => {}
            }
        }
        self.mem.dead.insert(proc);
        self.files.release(proc);
        self.readable.retain(|(p, _)| *p != proc);
        if self.procs.remove(&proc).is_some() {
            self.released.insert(proc);
        }
        self.pump();
    }

    /// Checks what the core says of every process against the host's view.
    pub fn check_invariants(&self) {
        for (&p, track) in &self.procs {
            let Some(info) = self.ctx.proc_info(p) else {
                oracle!("open {p:?} unknown to the core");
            };
            if info.buffer_size != track.map.unwrap_or(0) {
                oracle!(
                    "{p:?} buffer size {} but mapped {:?}",
                    info.buffer_size,
                    track.map
                );
            }
            let mut end = 0usize;
            let mut oneway = 0usize;
            for b in &info.buffers {
                if b.offset < end || b.size < 8 || b.size % 8 != 0 {
                    oracle!("{p:?} buffers overlap or are malformed: {:?}", info.buffers);
                }
                end = b.offset + b.size;
                if b.oneway {
                    oneway += b.size;
                }
            }
            if end > info.buffer_size {
                oracle!("{p:?} buffer past the mapping: {:?}", info.buffers);
            }
            if info.buffer_size > 0 && info.free_async_space + oneway != info.buffer_size / 2 {
                oracle!(
                    "{p:?} async space {} + oneway {} != half of {}",
                    info.free_async_space,
                    oneway,
                    info.buffer_size
                );
            }
            if info.requested_threads > 1 || info.ready_threads > info.threads {
                oracle!("{p:?} thread counts: {info:?}");
            }
            if info.delivered_deaths > info.deaths {
                oracle!("{p:?} death counts: {info:?}");
            }
            // Refs to a node come from the other open processes, one each; those with a
            // strong count are among them. With no other process left, none.
            for n in &info.nodes {
                let others = self.procs.len() - 1;
                if n.refs > others || n.internal_strong_refs as usize > n.refs {
                    oracle!(
                        "{p:?} node {:#x}: {n:?} with {others} other processes",
                        n.ptr
                    );
                }
            }
            for &t in &track.threads {
                let parked = self.ctx.is_parked(p, t);
                let held = self.inflight.contains_key(&(p, t));
                if parked != held {
                    oracle!("thread {t} of {p:?}: core parked {parked}, host holds {held}");
                }
            }
        }
        for p in &self.released {
            if self.ctx.proc_info(*p).is_some() {
                oracle!("released {p:?} came back");
            }
        }
    }

    /// Releases every process, finishes every held copy, and checks that nothing is left.
    pub fn release_all_and_check(&mut self, copies_first: bool) {
        if copies_first {
            while !self.orphan_copies.is_empty()
                || self
                    .inflight
                    .values()
                    .any(|f| matches!(f.state, Flight::Copy(_)))
            {
                self.finish_copy(0, false);
            }
        }
        let procs: Vec<ProcId> = self.procs.keys().copied().collect();
        for p in procs {
            self.release(p);
            self.check_invariants();
        }
        while !self.orphan_copies.is_empty() {
            self.finish_copy(0, false);
        }
        if !self.inflight.is_empty() {
            oracle!("ioctls in flight after every release: {:?}", self.inflight);
        }
        let (procs, nodes, txns) = (
            self.ctx.proc_count(),
            self.ctx.node_count(),
            self.ctx.transaction_count(),
        );
        if procs + nodes + txns != 0 {
            oracle!("left after every release: {procs} procs, {nodes} nodes, {txns} transactions");
        }
        if self.files.outstanding() != 0 {
            oracle!(
                "{} file references leaked after every release",
                self.files.outstanding()
            );
        }
        let state = self.ctx.debug_state();
        if state.lines().any(|l| l.starts_with("proc ")) {
            oracle!("debug state lists processes after every release:\n{state}");
        }
    }

    /// Renders every debugfs file (they must not panic on any state).
    pub fn render_debug(&self) -> usize {
        let mut n = self.ctx.debug_state().len()
            + self.ctx.debug_stats().len()
            + self.ctx.debug_transactions().len()
            + self.ctx.debug_transaction_log().len()
            + self.ctx.debug_failed_transaction_log().len();
        for t in self.procs.values() {
            n += self.ctx.debug_proc(t.pid).map_or(0, |s| s.len());
        }
        n
    }

    // -----------------------------------------------------------------------------------------
    // Read buffers
    // -----------------------------------------------------------------------------------------

    /// Checks a finished `BINDER_WRITE_READ`: its counts, and every item it read.
    fn check_bwr(
        &mut self,
        proc: ProcId,
        tid: Tid,
        arg: u64,
        info: BwrInfo,
        r: Result<i32, Errno>,
    ) {
        if self.released.contains(&proc) {
            oracle!("a read of released {proc:?} finished");
        }
        let Some(raw) = self.mem.peek(proc, arg, 48) else {
            return; // the caller's bwr was not readable: only an error can come of it
        };
        let bwr = BinderWriteRead::from_bytes(&raw).unwrap();
        if bwr.read_buffer != info.read_buffer
            || bwr.read_size != info.read_size
            || bwr.write_size != info.write_size
        {
            oracle!("the driver changed the bwr's buffer fields: {bwr:?}");
        }
        // Counts the caller set past their sizes are left as they were.
        let write_ok = if info.write_consumed <= info.write_size {
            (info.write_consumed..=info.write_size).contains(&bwr.write_consumed)
        } else {
            bwr.write_consumed == info.write_consumed
        };
        if !write_ok {
            oracle!(
                "write_consumed from {} to {}: {bwr:?}",
                info.write_consumed,
                bwr.write_consumed
            );
        }
        if bwr.read_consumed > bwr.read_size && bwr.read_consumed != info.read_consumed {
            oracle!("read_consumed past read_size: {bwr:?}");
        }
        let start = info.read_consumed;
        if bwr.read_consumed <= start {
            return;
        }
        if r.is_err() && bwr.read_consumed != start {
            oracle!(
                "failed read ({r:?}) reports {} bytes read",
                bwr.read_consumed - start
            );
        }
        let len = (bwr.read_consumed - start) as usize;
        let Some(bytes) = self
            .mem
            .peek(proc, info.read_buffer.wrapping_add(start), len)
        else {
            oracle!("read_consumed covers memory the driver could not have written");
        };
        self.check_returns(proc, tid, &bytes, start == 0);
    }

    /// Parses and checks a stream of returns.
    fn check_returns(&mut self, proc: ProcId, tid: Tid, raw: &[u8], placeholder: bool) {
        let u32_at = |i: usize| u32::from_ne_bytes(raw[i..i + 4].try_into().unwrap());
        let u64_at = |i: usize| u64::from_ne_bytes(raw[i..i + 8].try_into().unwrap());
        let mut i = 0;
        let mut first = true;
        while i < raw.len() {
            if raw.len() - i < 4 {
                oracle!("read buffer ends inside a code: {raw:02x?}");
            }
            let code = u32_at(i);
            i += 4;
            let size = ioc_size(code) as usize;
            let known = matches!(
                code,
                BR_ERROR
                    | BR_OK
                    | BR_TRANSACTION_SEC_CTX
                    | BR_TRANSACTION
                    | BR_REPLY
                    | BR_DEAD_REPLY
                    | BR_TRANSACTION_COMPLETE
                    | BR_INCREFS
                    | BR_ACQUIRE
                    | BR_RELEASE
                    | BR_DECREFS
                    | BR_NOOP
                    | BR_SPAWN_LOOPER
                    | BR_DEAD_BINDER
                    | BR_CLEAR_DEATH_NOTIFICATION_DONE
                    | BR_FAILED_REPLY
                    | BR_FROZEN_REPLY
                    | BR_ONEWAY_SPAM_SUSPECT
                    | BR_TRANSACTION_PENDING_FROZEN
                    | BR_FROZEN_BINDER
                    | BR_CLEAR_FREEZE_NOTIFICATION_DONE
            );
            if !known {
                oracle!("unknown return {code:#x} at {} in {raw:02x?}", i - 4);
            }
            if raw.len() - i < size {
                oracle!("read buffer ends inside {code:#x}: {raw:02x?}");
            }
            if placeholder && first && !matches!(code, BR_NOOP | BR_SPAWN_LOOPER) {
                oracle!("a read starts with {code:#x}, not BR_NOOP/BR_SPAWN_LOOPER");
            }
            if !first && code == BR_SPAWN_LOOPER {
                oracle!("BR_SPAWN_LOOPER not in the first slot");
            }
            first = false;
            let track = self.procs.get_mut(&proc).unwrap();
            match code {
                BR_TRANSACTION | BR_REPLY | BR_TRANSACTION_SEC_CTX => {
                    let td = BinderTransactionData::from_bytes(&raw[i..]).unwrap();
                    let sec = (code == BR_TRANSACTION_SEC_CTX).then(|| u64_at(i + 64));
                    if code != BR_REPLY && td.flags & TF_ONE_WAY == 0 {
                        *track.to_reply.entry(tid).or_default() += 1;
                    }
                    self.check_txn(proc, &td, sec);
                }
                BR_INCREFS | BR_ACQUIRE => {
                    track
                        .node_news
                        .push((code == BR_ACQUIRE, u64_at(i), u64_at(i + 8)));
                }
                BR_DEAD_BINDER => {
                    let c = u64_at(i);
                    if !track.death_requested.contains(&c) {
                        oracle!("BR_DEAD_BINDER for cookie {c:#x} never registered");
                    }
                    track.dead.push(c);
                }
                BR_CLEAR_DEATH_NOTIFICATION_DONE => {
                    let c = u64_at(i);
                    if !track.death_cleared.contains(&c) {
                        oracle!("BR_CLEAR_DEATH_NOTIFICATION_DONE for cookie {c:#x} never cleared");
                    }
                }
                BR_FROZEN_BINDER => {
                    let c = u64_at(i);
                    if !track.freeze_requested.contains(&c) {
                        oracle!("BR_FROZEN_BINDER for cookie {c:#x} never registered");
                    }
                    track.frozen.push(c);
                }
                BR_CLEAR_FREEZE_NOTIFICATION_DONE => {
                    let c = u64_at(i);
                    if !track.freeze_cleared.contains(&c) {
                        oracle!(
                            "BR_CLEAR_FREEZE_NOTIFICATION_DONE for cookie {c:#x} never cleared"
                        );
                    }
                }
                _ => {}
            }
            i += size;
        }
    }

    /// Checks one delivered transaction or reply in `proc`'s receive buffer.
    fn check_txn(&mut self, proc: ProcId, td: &BinderTransactionData, sec: Option<u64>) {
        self.delivered_txns += 1;
        let Some(map) = self.procs[&proc].map else {
            oracle!("transaction delivered to {proc:?}, which has no mapping");
        };
        let info = self.ctx.proc_info(proc).unwrap();
        let buffer = td.data_buffer();
        let Some(off) = buffer
            .checked_sub(MAP_ADDR)
            .and_then(|o| usize::try_from(o).ok())
        else {
            oracle!("data at {buffer:#x}, below the mapping");
        };
        let Some(b) = info.buffers.iter().find(|b| b.offset == off) else {
            oracle!(
                "data at {buffer:#x} is not the start of a buffer: {:?}",
                info.buffers
            );
        };
        if !b.delivered {
            oracle!("buffer {off:#x} delivered but not marked so");
        }
        if off + b.size > map {
            oracle!("buffer {off:#x}+{} past the mapping of {map}", b.size);
        }
        if td.data_size > b.size as u64 || td.offsets_size > b.size as u64 {
            oracle!(
                "data {} + offsets {} do not fit buffer of {}",
                td.data_size,
                td.offsets_size,
                b.size
            );
        }
        let (ds, os) = (td.data_size as usize, td.offsets_size as usize);
        let data_end = (ds + 7) & !7;
        if os % 8 != 0 || data_end + os > b.size {
            oracle!("data {ds} + offsets {os} do not fit buffer of {}", b.size);
        }
        if td.data_offsets() != buffer + data_end as u64 {
            oracle!("offsets at {:#x}, not after the data", td.data_offsets());
        }
        self.procs.get_mut(&proc).unwrap().delivered.push(buffer);
        let data = self.rx.get(proc, off, ds).unwrap().to_vec();
        let offsets: Vec<u64> = self
            .rx
            .get(proc, off + data_end, os)
            .unwrap()
            .chunks_exact(8)
            .map(|c| u64::from_ne_bytes(c.try_into().unwrap()))
            .collect();
        let sg_start = data_end + os;
        let tag = (ds >= 8).then(|| u64::from_ne_bytes(data[..8].try_into().unwrap()));
        let sent = tag.and_then(|t| self.sent.get(&t)).cloned();
        if let Some(addr) = sec {
            let Some(s) = sent.as_ref() else {
                return;
            };
            let label = format!("u:r:pid{}:s0\0", s.sender_pid).into_bytes();
            let at = addr.wrapping_sub(buffer) as usize;
            if addr < buffer || at < sg_start || at + label.len() > b.size {
                oracle!(
                    "security label at {addr:#x} outside buffer {buffer:#x}+{}",
                    b.size
                );
            }
            if self.rx.get(proc, off + at, label.len()) != Some(&label[..]) {
                oracle!("security label is not the sender's");
            }
        }
        // Objects: inside the data, ascending, of translated kinds.
        let mut min = 0u64;
        let mut ptr_addrs: BTreeMap<usize, (u64, usize)> = BTreeMap::new();
        let comparable = sent
            .as_ref()
            .is_some_and(|s| s.offsets == offsets && s.data.len() == ds);
        for (idx, &o) in offsets.iter().enumerate() {
            let at = o as usize;
            if o < min || o % 4 != 0 || at + 4 > ds {
                oracle!("object offset {o} out of order or outside data of {ds}");
            }
            let ty = u32::from_ne_bytes(data[at..at + 4].try_into().unwrap());
            let size = match ty {
                BINDER_TYPE_BINDER
                | BINDER_TYPE_WEAK_BINDER
                | BINDER_TYPE_HANDLE
                | BINDER_TYPE_WEAK_HANDLE
                | BINDER_TYPE_FD => 24,
                BINDER_TYPE_FDA => 32,
                BINDER_TYPE_PTR => 40,
                _ => oracle!("delivered object of unknown type {ty:#x}"),
            };
            if at + size > ds {
                oracle!("object at {o} runs past the data");
            }
            min = o + size as u64;
            let bytes = &data[at..at + size];
            let sent_obj = if comparable {
                sent.as_ref().map(|s| s.objs[idx].clone())
            } else {
                None
            };
            match ty {
                BINDER_TYPE_BINDER | BINDER_TYPE_WEAK_BINDER => {
                    let fbo = FlatBinderObject::from_bytes(bytes).unwrap();
                    if !info
                        .nodes
                        .iter()
                        .any(|n| n.ptr == fbo.binder() && n.cookie == fbo.cookie)
                    {
                        oracle!(
                            "received binder {:#x} is not a node of the receiver",
                            fbo.binder()
                        );
                    }
                    if let Some(SentObj::Binder { .. }) = sent_obj {
                        oracle!("a binder came back as a binder to another process");
                    }
                    check_strength(&sent_obj, ty == BINDER_TYPE_WEAK_BINDER);
                }
                BINDER_TYPE_HANDLE | BINDER_TYPE_WEAK_HANDLE => {
                    let fbo = FlatBinderObject::from_bytes(bytes).unwrap();
                    let weak = ty == BINDER_TYPE_WEAK_HANDLE;
                    let dropped = self.procs[&proc].decremented.contains(&fbo.handle());
                    match info.refs.iter().find(|r| r.handle == fbo.handle()) {
                        Some(r) if r.strong > 0 || (weak && r.weak > 0) => {}
                        _ if dropped => {}
                        r => oracle!("received handle {} not held: {r:?}", fbo.handle()),
                    }
                    if fbo.cookie != 0 {
                        oracle!("received handle carries cookie {:#x}", fbo.cookie);
                    }
                    check_strength(&sent_obj, weak);
                }
                BINDER_TYPE_FD => {
                    let fdo = BinderFdObject::from_bytes(bytes).unwrap();
                    let file = self.files.file(proc, fdo.fd());
                    if file.is_none() {
                        oracle!("received fd {} is not open in the receiver", fdo.fd());
                    }
                    if let Some(SentObj::Fd { file: f }) = sent_obj {
                        if f != file {
                            oracle!("received fd {} names file {file:?}, sent {f:?}", fdo.fd());
                        }
                    }
                }
                BINDER_TYPE_PTR => {
                    let bbo = BinderBufferObject::from_bytes(bytes).unwrap();
                    let len = bbo.length as usize;
                    let rel = bbo.buffer.wrapping_sub(buffer) as usize;
                    if bbo.buffer < buffer + sg_start as u64
                        || rel.checked_add(len).is_none_or(|e| e > b.size)
                    {
                        oracle!(
                            "buffer object {:#x}+{len} outside the sg area of {buffer:#x}+{}",
                            bbo.buffer,
                            b.size
                        );
                    }
                    ptr_addrs.insert(idx, (bbo.buffer, len));
                    if bbo.flags & BINDER_BUFFER_FLAG_HAS_PARENT != 0 {
                        let parent = bbo.parent as usize;
                        let Some(&(paddr, plen)) = ptr_addrs.get(&parent) else {
                            oracle!("buffer object's parent {parent} is no earlier buffer");
                        };
                        let po = bbo.parent_offset as usize;
                        if po.checked_add(8).is_none_or(|e| e > plen) {
                            oracle!("pointer fixup at {po} outside parent of {plen}");
                        }
                        let at = (paddr - MAP_ADDR) as usize + po;
                        let v = u64::from_ne_bytes(
                            self.rx.get(proc, at, 8).unwrap().try_into().unwrap(),
                        );
                        if v != bbo.buffer {
                            oracle!("parent's pointer {v:#x} is not the child {:#x}", bbo.buffer);
                        }
                    }
                    if let (Some(SentObj::Ptr { .. }), Some(s)) = (&sent_obj, &sent) {
                        let (content, skip) = &s.ptr_bufs[&idx];
                        if content.len() != len {
                            oracle!("buffer object length {len}, sent {}", content.len());
                        }
                        let got = self
                            .rx
                            .get(proc, (bbo.buffer - MAP_ADDR) as usize, len)
                            .unwrap();
                        for (k, (&g, &e)) in got.iter().zip(content).enumerate() {
                            if g != e && !skip.iter().any(|&(a, l)| k >= a && k < a + l) {
                                oracle!("byte {k} of buffer object {idx}: {g:#x}, sent {e:#x}");
                            }
                        }
                    }
                }
                BINDER_TYPE_FDA => {
                    let fda = BinderFdArrayObject::from_bytes(bytes).unwrap();
                    let parent = fda.parent as usize;
                    let Some(&(paddr, plen)) = ptr_addrs.get(&parent) else {
                        oracle!("fd array's parent {parent} is no earlier buffer");
                    };
                    let n = fda.num_fds as usize;
                    let po = fda.parent_offset as usize;
                    if n.checked_mul(4)
                        .and_then(|l| l.checked_add(po))
                        .is_none_or(|e| e > plen)
                    {
                        oracle!("fd array {po}+{n} outside parent of {plen}");
                    }
                    let at = (paddr - MAP_ADDR) as usize + po;
                    let fds: Vec<u32> = self
                        .rx
                        .get(proc, at, 4 * n)
                        .unwrap()
                        .chunks_exact(4)
                        .map(|c| u32::from_ne_bytes(c.try_into().unwrap()))
                        .collect();
                    for (k, fd) in fds.iter().enumerate() {
                        let file = self.files.file(proc, *fd);
                        if file.is_none() {
                            oracle!("fd array entry {fd} is not open in the receiver");
                        }
                        if let Some(SentObj::Fda { files, .. }) = &sent_obj {
                            if files.get(k).copied().flatten() != file {
                                oracle!("fd array entry {k} names the wrong file");
                            }
                        }
                    }
                }
                _ => unreachable!(),
            }
        }
        // Every byte that is not an object is the sender's.
        if let (true, Some(s)) = (comparable, &sent) {
            let mut obj_ranges: Vec<(usize, usize)> = Vec::new();
            for &o in &offsets {
                let at = o as usize;
                let ty = u32::from_ne_bytes(data[at..at + 4].try_into().unwrap());
                let size = match ty {
                    BINDER_TYPE_FDA => 32,
                    BINDER_TYPE_PTR => 40,
                    _ => 24,
                };
                obj_ranges.push((at, size));
            }
            for (k, (&g, &e)) in data.iter().zip(&s.data).enumerate() {
                if g != e && !obj_ranges.iter().any(|&(a, l)| k >= a && k < a + l) {
                    oracle!("data byte {k}: {g:#x}, sent {e:#x}");
                }
            }
        }
    }
}

/// A weak object must arrive weak and a strong one strong.
fn check_strength(sent: &Option<SentObj>, weak: bool) {
    match sent {
        Some(SentObj::Binder { weak: w, .. }) | Some(SentObj::Handle { weak: w }) if *w != weak => {
            oracle!("object sent weak={w} arrived weak={weak}")
        }
        // `Other`: laid as an object of any type or offset, which may happen to be valid.
        Some(SentObj::Binder { .. } | SentObj::Handle { .. } | SentObj::Other) | None => {}
        Some(other) => oracle!("object sent as {other:?} arrived as a binder or handle"),
    }
}

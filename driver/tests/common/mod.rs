//! In-process harness for the driver core: simulated processes, each with its own address
//! space, receive buffer and threads; commands built and returns parsed byte by byte, as
//! libbinder's IPCThreadState does. It plays the host the way binderd will: after every entry
//! point it resumes the threads the core woke and keeps their completions.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

use binder_driver::core::{
    Completion, Context, Credentials, Env, Errno, Fault, FileRef, Files, ProcId, ProcInfo,
    ReceiveMemory, Tid, UserMemory, Wake,
};
use binder_driver::uapi::*;

/// Where each process's receive buffer is mapped.
pub const MAP_ADDR: u64 = 0x7f00_0000_0000;
/// The default mapping size libbinder asks for: 1 MiB - 2 pages.
pub const VM_SIZE: usize = (1 << 20) - 2 * 4096;

/// One process's address space: a growable region starting at `base`.
struct Space {
    base: u64,
    bytes: Vec<u8>,
    next: u64,
}

#[derive(Default)]
struct Mem {
    spaces: BTreeMap<ProcId, Space>,
}

impl Mem {
    fn range(&mut self, proc: ProcId, addr: u64, len: usize) -> Result<&mut [u8], Fault> {
        let s = self.spaces.get_mut(&proc).ok_or(Fault)?;
        let start = addr.checked_sub(s.base).ok_or(Fault)? as usize;
        let end = start.checked_add(len).ok_or(Fault)?;
        s.bytes.get_mut(start..end).ok_or(Fault)
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

#[derive(Default)]
struct Rx {
    buffers: BTreeMap<ProcId, Vec<u8>>,
}

impl ReceiveMemory for Rx {
    fn buffer_mut(&mut self, proc: ProcId, offset: usize, len: usize) -> &mut [u8] {
        &mut self.buffers.get_mut(&proc).expect("no mapping")[offset..offset + len]
    }
}

/// Simulated open files: each process has an fd table mapping fd numbers to file ids
/// ("inodes"); a `FileRef` the core holds names one taken reference.
#[derive(Default)]
pub struct SimFiles {
    tables: BTreeMap<ProcId, BTreeMap<u32, u64>>,
    /// Taken and not yet installed or dropped: ref -> file id.
    refs: BTreeMap<u64, u64>,
    next_ref: u64,
    /// Per-process limit on open fds (to provoke EMFILE).
    pub limits: BTreeMap<ProcId, usize>,
    /// Every close the core asked for, in order.
    pub closed: Vec<(ProcId, u32)>,
}

impl SimFiles {
    /// The file id open as `fd` in `proc`.
    pub fn file(&self, proc: ProcId, fd: u32) -> Option<u64> {
        self.tables.get(&proc)?.get(&fd).copied()
    }
    /// Opens file `id` in `proc` at the lowest free fd.
    pub fn open(&mut self, proc: ProcId, id: u64) -> Result<u32, Errno> {
        let limit = self.limits.get(&proc).copied().unwrap_or(1024);
        let t = self.tables.entry(proc).or_default();
        if t.len() >= limit {
            return Err(Errno(24)); // EMFILE
        }
        let fd = (0..).find(|fd| !t.contains_key(fd)).unwrap();
        t.insert(fd, id);
        Ok(fd)
    }
    /// Number of fds open in `proc`.
    pub fn open_count(&self, proc: ProcId) -> usize {
        self.tables.get(&proc).map_or(0, |t| t.len())
    }
    /// References taken by the core and not yet installed or dropped.
    pub fn outstanding(&self) -> usize {
        self.refs.len()
    }
    fn install(&mut self, proc: ProcId, files: &[FileRef]) -> Result<Vec<u32>, Errno> {
        let ids: Vec<u64> = files
            .iter()
            .map(|f| {
                self.refs
                    .remove(&f.0)
                    .expect("install of an unknown file ref")
            })
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
}

impl Files for SimFiles {
    fn get_file(&mut self, proc: ProcId, fd: u32) -> Result<FileRef, Errno> {
        let id = self.file(proc, fd).ok_or(Errno::EBADF)?;
        self.next_ref += 1;
        self.refs.insert(self.next_ref, id);
        Ok(FileRef(self.next_ref))
    }
    fn put_file(&mut self, file: FileRef) {
        assert!(
            self.refs.remove(&file.0).is_some(),
            "put of an unknown file ref"
        );
    }
    fn close_fd(&mut self, proc: ProcId, fd: u32) {
        self.closed.push((proc, fd));
        if let Some(t) = self.tables.get_mut(&proc) {
            t.remove(&fd);
        }
    }
}

/// A return command, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Br {
    Noop,
    SpawnLooper,
    TransactionComplete,
    Transaction(Txn),
    Reply(Txn),
    DeadReply,
    FailedReply,
    Error,
    Increfs(u64, u64),
    Acquire(u64, u64),
    Release(u64, u64),
    Decrefs(u64, u64),
    DeadBinder(u64),
    ClearDeathNotificationDone(u64),
    /// `BR_TRANSACTION_SEC_CTX`: the transaction and the user address of the label.
    TransactionSecCtx(Txn, u64),
    FrozenReply,
    OnewaySpamSuspect,
    TransactionPendingFrozen,
    /// `BR_FROZEN_BINDER {cookie, is_frozen}`.
    FrozenBinder(u64, bool),
    ClearFreezeNotificationDone(u64),
    Other(u32),
}

/// A delivered transaction or reply, with its payload read from the receive buffer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Txn {
    pub target_ptr: u64,
    pub cookie: u64,
    pub code: u32,
    pub flags: u32,
    pub sender_pid: i32,
    pub sender_euid: u32,
    pub buffer: u64,
    pub offsets_ptr: u64,
    pub data: Vec<u8>,
    pub offsets: Vec<u64>,
}

impl Txn {
    /// The flat_binder_object at `offset` in the data.
    pub fn object(&self, offset: usize) -> FlatBinderObject {
        FlatBinderObject::from_bytes(&self.data[offset..offset + 24]).unwrap()
    }
}

/// What a finished `BINDER_WRITE_READ` left.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Done {
    pub ret: Result<i32, Errno>,
    pub write_consumed: u64,
    pub read_consumed: u64,
    /// The read buffer's first `read_consumed` bytes.
    pub raw: Vec<u8>,
    pub brs: Vec<Br>,
}

impl Done {
    /// The returns without the leading `BR_NOOP`/`BR_SPAWN_LOOPER`.
    pub fn items(&self) -> Vec<Br> {
        self.brs
            .iter()
            .filter(|b| !matches!(b, Br::Noop | Br::SpawnLooper))
            .cloned()
            .collect()
    }
    pub fn ok(&self) -> &Self {
        assert_eq!(self.ret, Ok(0), "ioctl failed: {self:?}");
        self
    }
    /// The single transaction or reply delivered.
    pub fn txn(&self) -> Txn {
        let t: Vec<Txn> = self
            .brs
            .iter()
            .filter_map(|b| match b {
                Br::Transaction(t) | Br::Reply(t) | Br::TransactionSecCtx(t, _) => Some(t.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(t.len(), 1, "expected one transaction in {:?}", self.brs);
        t[0].clone()
    }
}

/// The outcome of a `BINDER_WRITE_READ` call as the caller sees it right away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Done(Done),
    Parked,
    /// A transaction's payload copy is held (`Sim::hold_copies`).
    Copying,
    /// The read waits for the files it carries to be installed (`Sim::hold_installs`).
    Installing,
}

impl Step {
    #[track_caller]
    pub fn done(self) -> Done {
        match self {
            Step::Done(d) => d,
            other => panic!("expected the call to finish, but got {other:?}"),
        }
    }
    #[track_caller]
    pub fn parked(&self) {
        assert_eq!(*self, Step::Parked, "expected the thread to park");
    }
}

/// A command stream under construction. Payloads are laid into the sender's memory when it
/// is sent.
#[derive(Clone, Default)]
pub struct Cmds {
    items: Vec<Item>,
}

#[derive(Clone)]
enum Item {
    Raw(Vec<u8>),
    Txn {
        cmd: u32,
        handle: u32,
        code: u32,
        flags: u32,
        data: Vec<u8>,
        offsets: Vec<u64>,
        /// `buffers_size` for `BC_TRANSACTION_SG`/`BC_REPLY_SG`.
        sg: Option<u64>,
    },
}

impl Cmds {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn raw(mut self, bytes: &[u8]) -> Self {
        self.items.push(Item::Raw(bytes.to_vec()));
        self
    }
    pub fn code(self, cmd: u32) -> Self {
        self.raw(&cmd.to_ne_bytes())
    }
    pub fn code_u32(self, cmd: u32, v: u32) -> Self {
        self.code(cmd).raw(&v.to_ne_bytes())
    }
    pub fn code_u64(self, cmd: u32, v: u64) -> Self {
        self.code(cmd).raw(&v.to_ne_bytes())
    }
    pub fn transaction(
        mut self,
        handle: u32,
        code: u32,
        flags: u32,
        data: &[u8],
        offsets: &[u64],
    ) -> Self {
        self.items.push(Item::Txn {
            cmd: BC_TRANSACTION,
            handle,
            code,
            flags,
            data: data.to_vec(),
            offsets: offsets.to_vec(),
            sg: None,
        });
        self
    }
    /// `BC_TRANSACTION_SG`: buffer objects in `data` point at memory the test placed.
    pub fn transaction_sg(
        mut self,
        handle: u32,
        code: u32,
        flags: u32,
        data: &[u8],
        offsets: &[u64],
        buffers_size: u64,
    ) -> Self {
        self.items.push(Item::Txn {
            cmd: BC_TRANSACTION_SG,
            handle,
            code,
            flags,
            data: data.to_vec(),
            offsets: offsets.to_vec(),
            sg: Some(buffers_size),
        });
        self
    }
    /// `BC_REPLY_SG`.
    pub fn reply_sg(mut self, flags: u32, data: &[u8], offsets: &[u64], buffers_size: u64) -> Self {
        self.items.push(Item::Txn {
            cmd: BC_REPLY_SG,
            handle: 0,
            code: 0,
            flags,
            data: data.to_vec(),
            offsets: offsets.to_vec(),
            sg: Some(buffers_size),
        });
        self
    }
    pub fn call(self, handle: u32, code: u32, data: &[u8]) -> Self {
        self.transaction(handle, code, 0, data, &[])
    }
    pub fn oneway(self, handle: u32, code: u32, data: &[u8]) -> Self {
        self.transaction(handle, code, TF_ONE_WAY, data, &[])
    }
    pub fn reply_with(mut self, flags: u32, data: &[u8], offsets: &[u64]) -> Self {
        self.items.push(Item::Txn {
            cmd: BC_REPLY,
            handle: 0,
            code: 0,
            flags,
            data: data.to_vec(),
            offsets: offsets.to_vec(),
            sg: None,
        });
        self
    }
    pub fn reply(self, data: &[u8]) -> Self {
        self.reply_with(0, data, &[])
    }
    pub fn free_buffer(self, addr: u64) -> Self {
        self.code_u64(BC_FREE_BUFFER, addr)
    }
    pub fn increfs(self, handle: u32) -> Self {
        self.code_u32(BC_INCREFS, handle)
    }
    pub fn acquire(self, handle: u32) -> Self {
        self.code_u32(BC_ACQUIRE, handle)
    }
    pub fn release(self, handle: u32) -> Self {
        self.code_u32(BC_RELEASE, handle)
    }
    pub fn decrefs(self, handle: u32) -> Self {
        self.code_u32(BC_DECREFS, handle)
    }
    pub fn increfs_done(self, ptr: u64, cookie: u64) -> Self {
        self.code(BC_INCREFS_DONE)
            .raw(BinderPtrCookie { ptr, cookie }.as_bytes())
    }
    pub fn acquire_done(self, ptr: u64, cookie: u64) -> Self {
        self.code(BC_ACQUIRE_DONE)
            .raw(BinderPtrCookie { ptr, cookie }.as_bytes())
    }
    pub fn enter_looper(self) -> Self {
        self.code(BC_ENTER_LOOPER)
    }
    pub fn register_looper(self) -> Self {
        self.code(BC_REGISTER_LOOPER)
    }
    pub fn exit_looper(self) -> Self {
        self.code(BC_EXIT_LOOPER)
    }
    pub fn request_death(self, handle: u32, cookie: u64) -> Self {
        self.code(BC_REQUEST_DEATH_NOTIFICATION)
            .raw(BinderHandleCookie { handle, cookie }.as_bytes())
    }
    pub fn clear_death(self, handle: u32, cookie: u64) -> Self {
        self.code(BC_CLEAR_DEATH_NOTIFICATION)
            .raw(BinderHandleCookie { handle, cookie }.as_bytes())
    }
    pub fn dead_binder_done(self, cookie: u64) -> Self {
        self.code_u64(BC_DEAD_BINDER_DONE, cookie)
    }
}

/// A strong or weak binder object (BINDER/WEAK_BINDER/HANDLE/WEAK_HANDLE), as bytes.
pub fn obj_binder(ty: u32, ptr: u64, cookie: u64, flags: u32) -> Vec<u8> {
    let mut o = FlatBinderObject::default();
    o.hdr.type_ = ty;
    o.flags = flags;
    o.set_binder(ptr);
    o.cookie = cookie;
    o.as_bytes().to_vec()
}

pub fn obj_handle(ty: u32, handle: u32) -> Vec<u8> {
    let mut o = FlatBinderObject::default();
    o.hdr.type_ = ty;
    o.set_handle(handle);
    o.as_bytes().to_vec()
}

/// The driver core with simulated processes around it.
pub struct Sim {
    pub ctx: Context,
    mem: Mem,
    rx: Rx,
    pub files: SimFiles,
    /// Ioctls other than reads that finished after parking (a freeze), not yet collected.
    pub finished: BTreeMap<(ProcId, Tid), Result<i32, Errno>>,
    next_base: u64,
    /// Parked `BINDER_WRITE_READ`s: where their bwr lives.
    pending: BTreeMap<(ProcId, Tid), u64>,
    /// Finished parked reads, not yet collected.
    completed: BTreeMap<(ProcId, Tid), Done>,
    /// Threads reported readable since last asked.
    pub readable: BTreeSet<(ProcId, Tid)>,
    /// Every wake the core reported, in order.
    pub wake_log: Vec<Wake>,
    /// Payload bytes the host copied for the core.
    pub copied_bytes: u64,
    /// Leave payload copies for the test to make with `release_copies` (as a daemon makes
    /// them later, without the core's lock).
    pub hold_copies: bool,
    held: BTreeMap<(ProcId, Tid), Vec<binder_driver::core::CopyOp>>,
    /// Leave `InstallFiles` unanswered (as a daemon does until the client says `Installed`):
    /// the references handed over are kept in `held_installs`.
    pub hold_installs: bool,
    pub held_installs: Vec<(ProcId, Tid, Vec<FileRef>)>,
}

impl Default for Sim {
    fn default() -> Self {
        Self::new()
    }
}

impl Sim {
    pub fn new() -> Self {
        Sim {
            ctx: Context::new("binder"),
            mem: Mem::default(),
            rx: Rx::default(),
            files: SimFiles::default(),
            finished: BTreeMap::new(),
            next_base: 0x1000_0000,
            pending: BTreeMap::new(),
            completed: BTreeMap::new(),
            readable: BTreeSet::new(),
            wake_log: Vec::new(),
            copied_bytes: 0,
            hold_copies: false,
            held: BTreeMap::new(),
            hold_installs: false,
            held_installs: Vec::new(),
        }
    }

    /// Opens the device as process `pid`/`euid`, with an address space of its own.
    pub fn open(&mut self, pid: i32, euid: u32) -> ProcId {
        self.open_flags(pid, euid, false)
    }

    pub fn open_flags(&mut self, pid: i32, euid: u32, nonblocking: bool) -> ProcId {
        let secctx = format!("u:r:pid{pid}:s0\0").into_bytes();
        self.open_creds(Credentials { pid, euid, secctx }, nonblocking)
    }

    pub fn open_creds(&mut self, creds: Credentials, nonblocking: bool) -> ProcId {
        let id = self.ctx.open(creds, nonblocking);
        let base = self.next_base;
        self.next_base += 0x1_0000_0000;
        self.mem.spaces.insert(
            id,
            Space {
                base,
                bytes: Vec::new(),
                next: base,
            },
        );
        id
    }

    /// Opens and maps the libbinder default size.
    pub fn open_mapped(&mut self, pid: i32, euid: u32) -> ProcId {
        let p = self.open(pid, euid);
        self.mmap(p, VM_SIZE).unwrap();
        p
    }

    pub fn mmap(&mut self, proc: ProcId, len: usize) -> Result<usize, Errno> {
        let size = self.ctx.mmap(proc, MAP_ADDR, len)?;
        self.rx.buffers.insert(proc, vec![0; size]);
        Ok(size)
    }

    /// Reserves `len` zeroed bytes of `proc`'s memory.
    pub fn alloc(&mut self, proc: ProcId, len: usize) -> u64 {
        let s = self.mem.spaces.get_mut(&proc).unwrap();
        let addr = s.next;
        s.next = (s.next + len as u64 + 7) & !7;
        let need = (s.next - s.base) as usize;
        if s.bytes.len() < need {
            s.bytes.resize(need, 0);
        }
        addr
    }

    /// Puts `bytes` in `proc`'s memory and returns their address.
    pub fn put(&mut self, proc: ProcId, bytes: &[u8]) -> u64 {
        let addr = self.alloc(proc, bytes.len());
        self.mem.copy_to_user(proc, addr, bytes).unwrap();
        addr
    }

    pub fn peek(&mut self, proc: ProcId, addr: u64, len: usize) -> Vec<u8> {
        let mut v = vec![0; len];
        self.mem.copy_from_user(proc, addr, &mut v).unwrap();
        v
    }

    /// Bytes of `proc`'s receive buffer at a user address inside the mapping.
    pub fn rx_bytes(&self, proc: ProcId, addr: u64, len: usize) -> Vec<u8> {
        let off = (addr - MAP_ADDR) as usize;
        self.rx.buffers[&proc][off..off + len].to_vec()
    }

    /// Calls the core's `resume` for `tid` directly, as a host whose queue of wakes named the
    /// thread again would.
    pub fn resume_again(&mut self, proc: ProcId, tid: Tid) -> Completion {
        let (mut env, ctx) = self.env_parts();
        ctx.resume(proc, tid, &mut env).result
    }

    fn env_parts(&mut self) -> (Env<'_>, &mut Context) {
        (
            Env {
                user: &mut self.mem,
                rx: &mut self.rx,
                files: &mut self.files,
            },
            &mut self.ctx,
        )
    }

    /// Runs one ioctl with a raw argument address. File installs are answered at once, as a
    /// host would.
    pub fn ioctl(&mut self, proc: ProcId, tid: Tid, cmd: u32, arg: u64) -> Completion {
        let (mut env, ctx) = self.env_parts();
        let out = ctx.ioctl(proc, tid, cmd, arg, &mut env);
        self.handle_wakes(out.wakes);
        self.settle(proc, tid, out.result)
    }

    /// Answers `InstallFiles` and makes the copies of `CopyPayload`, as a host does, until
    /// the call parks or finishes.
    fn settle(&mut self, proc: ProcId, tid: Tid, mut c: Completion) -> Completion {
        loop {
            let out = match c {
                Completion::InstallFiles(files) if self.hold_installs => {
                    self.held_installs.push((proc, tid, files.clone()));
                    return Completion::InstallFiles(files);
                }
                Completion::InstallFiles(files) => {
                    let fds = self.files.install(proc, &files);
                    let (mut env, ctx) = self.env_parts();
                    ctx.files_installed(proc, tid, fds, &mut env)
                }
                Completion::CopyPayload(ops) if self.hold_copies => {
                    self.held.insert((proc, tid), ops);
                    return Completion::CopyPayload(Vec::new());
                }
                Completion::CopyPayload(ops) => {
                    let mut result = Ok(());
                    for op in ops {
                        let dst = self.rx.buffer_mut(op.to, op.offset, op.len);
                        if let Err(e) = self.mem.copy_from_user(op.from, op.addr, dst) {
                            result = Err(e);
                            break;
                        }
                        self.copied_bytes += op.len as u64;
                    }
                    let (mut env, ctx) = self.env_parts();
                    ctx.payload_copied(proc, tid, result, &mut env)
                }
                other => return other,
            };
            self.handle_wakes(out.wakes);
            c = out.result;
        }
    }

    /// An ioctl whose argument is a value placed in memory; returns the result and the
    /// argument's bytes afterwards.
    pub fn ioctl_val<T: Pod>(
        &mut self,
        proc: ProcId,
        tid: Tid,
        cmd: u32,
        v: &T,
    ) -> (Result<i32, Errno>, Vec<u8>) {
        let arg = self.put(proc, v.as_bytes());
        let r = match self.ioctl(proc, tid, cmd, arg) {
            Completion::Done(r) => r,
            other => panic!("ioctl {cmd:#x} did not finish: {other:?}"),
        };
        (r, self.peek(proc, arg, std::mem::size_of::<T>()))
    }

    pub fn version(&mut self, proc: ProcId, tid: Tid) -> (Result<i32, Errno>, i32) {
        let (r, b) = self.ioctl_val(proc, tid, BINDER_VERSION, &BinderVersion::default());
        (r, i32::from_ne_bytes(b[..4].try_into().unwrap()))
    }

    pub fn set_max_threads(&mut self, proc: ProcId, n: u32) {
        assert_eq!(self.ioctl_val(proc, 0, BINDER_SET_MAX_THREADS, &n).0, Ok(0));
    }

    pub fn set_context_mgr(&mut self, proc: ProcId, tid: Tid) -> Result<i32, Errno> {
        self.ioctl_val(proc, tid, BINDER_SET_CONTEXT_MGR, &0i32).0
    }

    pub fn thread_exit(&mut self, proc: ProcId, tid: Tid) -> Result<i32, Errno> {
        self.ioctl_val(proc, tid, BINDER_THREAD_EXIT, &0i32).0
    }

    /// Lays the command stream into `proc`'s memory; returns its address and length.
    pub fn lay(&mut self, proc: ProcId, cmds: &Cmds) -> (u64, u64) {
        let mut bytes = Vec::new();
        for item in &cmds.items {
            match item {
                Item::Raw(b) => bytes.extend_from_slice(b),
                Item::Txn {
                    cmd,
                    handle,
                    code,
                    flags,
                    data,
                    offsets,
                    sg,
                } => {
                    let d = self.put(proc, data);
                    let off_bytes: Vec<u8> = offsets.iter().flat_map(|o| o.to_ne_bytes()).collect();
                    let o = self.put(proc, &off_bytes);
                    let mut td = BinderTransactionData::default();
                    td.set_target_handle(*handle);
                    td.code = *code;
                    td.flags = *flags;
                    td.data_size = data.len() as u64;
                    td.offsets_size = off_bytes.len() as u64;
                    td.set_data_ptr(d, o);
                    bytes.extend_from_slice(&cmd.to_ne_bytes());
                    bytes.extend_from_slice(td.as_bytes());
                    if let Some(size) = sg {
                        bytes.extend_from_slice(&size.to_ne_bytes());
                    }
                }
            }
        }
        let addr = self.put(proc, &bytes);
        (addr, bytes.len() as u64)
    }

    /// `BINDER_WRITE_READ` with `cmds` and a read buffer of `read_size` bytes.
    pub fn write_read(&mut self, proc: ProcId, tid: Tid, cmds: Cmds, read_size: u64) -> Step {
        let (wb, ws) = self.lay(proc, &cmds);
        let rb = self.alloc(proc, read_size as usize);
        let bwr = BinderWriteRead {
            write_size: ws,
            write_consumed: 0,
            write_buffer: wb,
            read_size,
            read_consumed: 0,
            read_buffer: rb,
        };
        self.write_read_bwr(proc, tid, bwr)
    }

    /// `BINDER_WRITE_READ` with a caller-built `binder_write_read`.
    pub fn write_read_bwr(&mut self, proc: ProcId, tid: Tid, bwr: BinderWriteRead) -> Step {
        let arg = self.put(proc, bwr.as_bytes());
        match self.ioctl(proc, tid, BINDER_WRITE_READ, arg) {
            Completion::Done(r) => Step::Done(self.finish(proc, arg, r)),
            Completion::Parked => {
                self.pending.insert((proc, tid), arg);
                Step::Parked
            }
            Completion::CopyPayload(_) => {
                self.pending.insert((proc, tid), arg);
                Step::Copying
            }
            Completion::InstallFiles(_) => {
                self.pending.insert((proc, tid), arg);
                Step::Installing
            }
            other => panic!("unexpected completion of a read: {other:?}"),
        }
    }

    /// Only commands.
    pub fn write(&mut self, proc: ProcId, tid: Tid, cmds: Cmds) -> Done {
        self.write_read(proc, tid, cmds, 0).done()
    }

    /// Only a read (256 bytes of room).
    pub fn read(&mut self, proc: ProcId, tid: Tid) -> Step {
        self.write_read(proc, tid, Cmds::new(), 256)
    }

    fn finish(&mut self, proc: ProcId, arg: u64, ret: Result<i32, Errno>) -> Done {
        let b = self.peek(proc, arg, 48);
        let bwr = BinderWriteRead::from_bytes(&b).unwrap();
        let raw = if bwr.read_consumed > 0 {
            self.peek(proc, bwr.read_buffer, bwr.read_consumed as usize)
        } else {
            Vec::new()
        };
        let brs = self.parse(proc, &raw);
        Done {
            ret,
            write_consumed: bwr.write_consumed,
            read_consumed: bwr.read_consumed,
            raw,
            brs,
        }
    }

    fn handle_wakes(&mut self, wakes: Vec<Wake>) {
        let mut queue: std::collections::VecDeque<Wake> = wakes.into();
        while let Some(w) = queue.pop_front() {
            self.wake_log.push(w);
            match w {
                Wake::Readable(p, t) => {
                    self.readable.insert((p, t));
                }
                Wake::Resume(p, t) => {
                    let (mut env, ctx) = self.env_parts();
                    let out = ctx.resume(p, t, &mut env);
                    queue.extend(out.wakes);
                    let c = self.settle(p, t, out.result);
                    if let Completion::Done(r) = c {
                        match self.pending.remove(&(p, t)) {
                            Some(arg) => {
                                let d = self.finish(p, arg, r);
                                assert!(self.completed.insert((p, t), d).is_none());
                            }
                            None => assert!(self.finished.insert((p, t), r).is_none()),
                        }
                    }
                }
            }
        }
    }

    /// Makes (or, with `fault`, fails) the payload copies held for `tid`; the ioctl goes on,
    /// and its end is collected with `wait` like a parked read's.
    pub fn release_copies(&mut self, proc: ProcId, tid: Tid, fault: bool) {
        let ops = self.held.remove(&(proc, tid)).expect("no copies held");
        let mut result = if fault { Err(Fault) } else { Ok(()) };
        if !fault {
            for op in ops {
                let dst = self.rx.buffer_mut(op.to, op.offset, op.len);
                if let Err(e) = self.mem.copy_from_user(op.from, op.addr, dst) {
                    result = Err(e);
                    break;
                }
            }
        }
        let (mut env, ctx) = self.env_parts();
        let out = ctx.payload_copied(proc, tid, result, &mut env);
        self.handle_wakes(out.wakes);
        if self.ctx.proc_info(proc).is_none() {
            return;
        }
        match self.settle(proc, tid, out.result) {
            Completion::Done(r) => {
                let arg = self.pending.remove(&(proc, tid)).unwrap();
                let d = self.finish(proc, arg, r);
                assert!(self.completed.insert((proc, tid), d).is_none());
            }
            Completion::Parked | Completion::CopyPayload(_) => {}
            other => panic!("unexpected completion after the copy: {other:?}"),
        }
    }

    /// The finished read of a thread that had parked.
    #[track_caller]
    pub fn wait(&mut self, proc: ProcId, tid: Tid) -> Done {
        match self.completed.remove(&(proc, tid)) {
            Some(d) => d,
            None => panic!("thread {tid} of {proc:?} is still parked"),
        }
    }

    pub fn is_parked(&self, proc: ProcId, tid: Tid) -> bool {
        self.ctx.is_parked(proc, tid)
    }

    pub fn poll(&mut self, proc: ProcId, tid: Tid) -> bool {
        let out = self.ctx.poll(proc, tid);
        self.handle_wakes(out.wakes);
        out.result.unwrap()
    }

    /// Interrupts a parked read (a signal).
    pub fn interrupt(&mut self, proc: ProcId, tid: Tid) -> Done {
        let (mut env, ctx) = self.env_parts();
        let out = ctx.interrupt(proc, tid, &mut env);
        self.handle_wakes(out.wakes);
        let arg = self.pending.remove(&(proc, tid)).unwrap();
        match out.result {
            Completion::Done(r) => self.finish(proc, arg, r),
            other => panic!("interrupt did not finish the read: {other:?}"),
        }
    }

    /// `BINDER_FREEZE {pid, enable, timeout_ms}` from `proc`'s thread `tid`. A freeze that
    /// waits returns `Completion::Waiting`; its end shows up in `finished` (after a wake) or
    /// comes from `timeout`.
    pub fn freeze(
        &mut self,
        proc: ProcId,
        tid: Tid,
        pid: u32,
        enable: bool,
        timeout_ms: u32,
    ) -> Completion {
        let info = BinderFreezeInfo {
            pid,
            enable: enable as u32,
            timeout_ms,
        };
        let arg = self.put(proc, info.as_bytes());
        self.ioctl(proc, tid, BINDER_FREEZE, arg)
    }

    /// The host's timer for a waiting freeze fired.
    pub fn timeout(&mut self, proc: ProcId, tid: Tid) -> Completion {
        let (mut env, ctx) = self.env_parts();
        let out = ctx.timeout(proc, tid, &mut env);
        self.handle_wakes(out.wakes);
        out.result
    }

    /// Interrupts a parked ioctl that is not a read (a waiting freeze).
    pub fn interrupt_ioctl(&mut self, proc: ProcId, tid: Tid) -> Completion {
        let (mut env, ctx) = self.env_parts();
        let out = ctx.interrupt(proc, tid, &mut env);
        self.handle_wakes(out.wakes);
        out.result
    }

    /// Closes the device / the process dies.
    pub fn release(&mut self, proc: ProcId) {
        let (mut env, ctx) = self.env_parts();
        let out = ctx.release(proc, &mut env);
        self.pending.retain(|(p, _), _| *p != proc);
        // Held copies stay: like a daemon's worker, the test still finishes them
        // (`release_copies`), and only then may the core free their ranges.
        self.handle_wakes(out.wakes);
        self.completed.retain(|(p, _), _| *p != proc);
    }

    pub fn info(&self, proc: ProcId) -> ProcInfo {
        self.ctx.proc_info(proc).expect("process not open")
    }

    fn parse(&self, proc: ProcId, raw: &[u8]) -> Vec<Br> {
        let mut out = Vec::new();
        let mut i = 0;
        let u32_at = |i: usize| u32::from_ne_bytes(raw[i..i + 4].try_into().unwrap());
        let u64_at = |i: usize| u64::from_ne_bytes(raw[i..i + 8].try_into().unwrap());
        while i + 4 <= raw.len() {
            let cmd = u32_at(i);
            i += 4;
            let pc = |i: usize| (u64_at(i), u64_at(i + 8));
            let br = match cmd {
                BR_NOOP => Br::Noop,
                BR_SPAWN_LOOPER => Br::SpawnLooper,
                BR_TRANSACTION_COMPLETE => Br::TransactionComplete,
                BR_DEAD_REPLY => Br::DeadReply,
                BR_FAILED_REPLY => Br::FailedReply,
                BR_ERROR => Br::Error,
                BR_TRANSACTION | BR_REPLY => {
                    let td = BinderTransactionData::from_bytes(&raw[i..i + 64]).unwrap();
                    i += 64;
                    let t = self.txn(proc, &td);
                    if cmd == BR_TRANSACTION {
                        Br::Transaction(t)
                    } else {
                        Br::Reply(t)
                    }
                }
                BR_INCREFS | BR_ACQUIRE | BR_RELEASE | BR_DECREFS => {
                    let (p, c) = pc(i);
                    i += 16;
                    match cmd {
                        BR_INCREFS => Br::Increfs(p, c),
                        BR_ACQUIRE => Br::Acquire(p, c),
                        BR_RELEASE => Br::Release(p, c),
                        _ => Br::Decrefs(p, c),
                    }
                }
                BR_TRANSACTION_SEC_CTX => {
                    let td = BinderTransactionData::from_bytes(&raw[i..i + 64]).unwrap();
                    let sec = u64_at(i + 64);
                    i += 72;
                    Br::TransactionSecCtx(self.txn(proc, &td), sec)
                }
                BR_FROZEN_REPLY => Br::FrozenReply,
                BR_ONEWAY_SPAM_SUSPECT => Br::OnewaySpamSuspect,
                BR_TRANSACTION_PENDING_FROZEN => Br::TransactionPendingFrozen,
                BR_FROZEN_BINDER => {
                    let c = u64_at(i);
                    let frozen = u32_at(i + 8) != 0;
                    i += 16;
                    Br::FrozenBinder(c, frozen)
                }
                BR_CLEAR_FREEZE_NOTIFICATION_DONE => {
                    let c = u64_at(i);
                    i += 8;
                    Br::ClearFreezeNotificationDone(c)
                }
                BR_DEAD_BINDER | BR_CLEAR_DEATH_NOTIFICATION_DONE => {
                    let c = u64_at(i);
                    i += 8;
                    if cmd == BR_DEAD_BINDER {
                        Br::DeadBinder(c)
                    } else {
                        Br::ClearDeathNotificationDone(c)
                    }
                }
                other => {
                    // Unknown to the parser: its size is in the code.
                    i += ioc_size(other) as usize;
                    Br::Other(other)
                }
            };
            out.push(br);
        }
        assert_eq!(i, raw.len(), "read buffer ends inside an item");
        out
    }

    fn txn(&self, proc: ProcId, td: &BinderTransactionData) -> Txn {
        let buffer = td.data_buffer();
        let data = self.rx_bytes(proc, buffer, td.data_size as usize);
        let off_raw = self.rx_bytes(proc, td.data_offsets(), td.offsets_size as usize);
        Txn {
            target_ptr: td.target_ptr(),
            cookie: td.cookie,
            code: td.code,
            flags: td.flags,
            sender_pid: td.sender_pid,
            sender_euid: td.sender_euid,
            buffer,
            offsets_ptr: td.data_offsets(),
            data,
            offsets: off_raw
                .chunks_exact(8)
                .map(|c| u64::from_ne_bytes(c.try_into().unwrap()))
                .collect(),
        }
    }
}

/// A context manager (pid 100) with a looper parked in a read, and a client (pid 200).
pub struct World {
    pub sim: Sim,
    pub sm: ProcId,
    pub client: ProcId,
}

pub const SM_TID: Tid = 101;
pub const CLIENT_TID: Tid = 201;

impl World {
    pub fn new() -> Self {
        let mut sim = Sim::new();
        let sm = sim.open_mapped(100, 1000);
        assert_eq!(sim.set_context_mgr(sm, SM_TID), Ok(0));
        sim.write(sm, SM_TID, Cmds::new().enter_looper()).ok();
        sim.read(sm, SM_TID).parked();
        let client = sim.open_mapped(200, 10_001);
        World { sim, sm, client }
    }
}

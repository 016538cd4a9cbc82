//! The structured input of the `core` target: up to four processes (some sharing a pid), four
//! threads each, and a sequence of operations — opens and maps, command streams with
//! transactions carrying valid-looking objects (binders, handles, fds, fd arrays, buffers
//! with parent fixups), refcount and death/freeze-notification commands, frees, looper
//! commands, every other ioctl, polls, signals, thread exits, releases — played on a
//! [`Host`] that may hold payload copies and file installs across other operations.
//!
//! Values are picked from what the host knows (handles a process holds, fds it has open,
//! buffers it was delivered, cookies it registered) so that most commands are valid, with a
//! way out to raw values for the rest.

use arbitrary::Arbitrary;
use binder_driver::core::{ProcId, Tid};
use binder_driver::uapi::*;

use crate::host::{BwrInfo, Host, InstallAnswer, SentObj, SentTxn};

const SLOTS: usize = 4;
const THREADS: u8 = 4;
const MAX_OPS: usize = 64;
const MAX_CMDS: usize = 8;
const MAX_ITEMS: usize = 8;
/// libbinder's mapping: 1 MiB - 2 pages.
pub const VM_SIZE: usize = (1 << 20) - 2 * 4096;

/// A whole run.
#[derive(Arbitrary, Debug)]
pub struct Scenario {
    /// Where to start (see [`Runner::prologue`]).
    pub prologue: u8,
    /// At the end, finish held copies before releasing everything (else after).
    pub copies_first: bool,
    pub ops: Vec<Op>,
}

/// Picks a handle the process holds, handle 0, or any value.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum HSel {
    Held(u8),
    Zero,
    Raw(u32),
}

/// Picks an fd the process has open, or any value.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum FdSel {
    Open(u8),
    Raw(u32),
}

#[derive(Arbitrary, Debug)]
pub enum Op {
    Open {
        slot: u8,
        share_pid: bool,
        euid: u8,
        nonblocking: bool,
        files: u8,
        map: u8,
    },
    Mmap {
        slot: u8,
        size: u8,
    },
    Munmap {
        slot: u8,
    },
    ContextMgr {
        slot: u8,
        thread: u8,
        ext: Option<(u8, u8)>,
    },
    MaxThreads {
        slot: u8,
        n: u8,
    },
    WriteRead {
        slot: u8,
        thread: u8,
        cmds: Vec<Cmd>,
        read: u8,
    },
    Read {
        slot: u8,
        thread: u8,
        read: u8,
    },
    RawBwr {
        slot: u8,
        thread: u8,
        write: Vec<u8>,
        write_consumed: u8,
        read_size: u16,
        read_consumed: u8,
        bad_read_buffer: bool,
    },
    ThreadExit {
        slot: u8,
        thread: u8,
    },
    Poll {
        slot: u8,
        thread: u8,
    },
    Release {
        slot: u8,
    },
    FinishCopy {
        pick: u8,
        fault: bool,
    },
    FinishInstall {
        pick: u8,
        answer: u8,
    },
    Hold {
        copies: bool,
        installs: bool,
    },
    Interrupt {
        slot: u8,
        thread: u8,
    },
    Freeze {
        slot: u8,
        thread: u8,
        target: u8,
        enable: bool,
        timeout: u8,
    },
    Timeout {
        slot: u8,
        thread: u8,
    },
    FrozenInfo {
        slot: u8,
        thread: u8,
        target: u8,
    },
    SpamDetection {
        slot: u8,
        on: bool,
    },
    ExtendedError {
        slot: u8,
        thread: u8,
    },
    NodeDebugInfo {
        slot: u8,
        thread: u8,
        ptr: u8,
    },
    NodeInfoForRef {
        slot: u8,
        thread: u8,
        handle: HSel,
        junk: bool,
    },
    Version {
        slot: u8,
        thread: u8,
    },
    RawIoctl {
        slot: u8,
        thread: u8,
        cmd: u32,
        arg: Vec<u8>,
        null_arg: bool,
    },
    FdLimit {
        slot: u8,
        limit: u8,
    },
    OpenFile {
        slot: u8,
    },
    /// A thread that was delivered a call replies (and reads on).
    Serve {
        slot: u8,
        pick: u8,
        payload: Payload,
        read: u8,
    },
    Debug,
}

/// One command of a write buffer.
#[derive(Arbitrary, Debug, Clone)]
pub enum Cmd {
    Call {
        target: HSel,
        code: u8,
        flags: u8,
        payload: Payload,
    },
    Reply {
        flags: u8,
        payload: Payload,
    },
    FreeBuffer {
        pick: u8,
        again: bool,
    },
    Ref {
        kind: u8,
        handle: HSel,
    },
    NodeDone {
        pick: u8,
        wrong: bool,
    },
    Looper {
        kind: u8,
    },
    Death {
        clear: bool,
        handle: HSel,
        cookie: u8,
    },
    DeadBinderDone {
        pick: u8,
    },
    FreezeNotification {
        clear: bool,
        handle: HSel,
        cookie: u8,
    },
    FreezeNotificationDone {
        pick: u8,
    },
    Raw {
        code: u8,
        raw_code: u32,
        payload: Vec<u8>,
    },
}

/// A transaction's data, as a list of items laid one after the other after an 8-byte tag.
#[derive(Arbitrary, Debug, Clone)]
pub struct Payload {
    pub empty: bool,
    pub items: Vec<Item>,
    /// Added to `buffers_size` for the `_SG` forms: in 8-byte units if a multiple of 4,
    /// else in bytes.
    pub sg_slack: i8,
    /// 1: the data pointer is bad; 2: the offsets pointer; 3: the first buffer object's;
    /// else none.
    pub fault: u8,
    /// Bytes cut from `offsets_size` (mod 8).
    pub offsets_trim: u8,
}

#[derive(Arbitrary, Debug, Clone)]
pub enum Item {
    /// Plain bytes (padded to 8).
    Bytes(Vec<u8>),
    /// 1 to 3 bytes: misaligns what follows.
    Odd(u8),
    Binder {
        weak: bool,
        node: u8,
        cookie_ok: bool,
        accept_fds: bool,
        secctx: bool,
    },
    Handle {
        weak: bool,
        handle: HSel,
    },
    Fd {
        fd: FdSel,
        cookie: u8,
    },
    /// A `BINDER_TYPE_PTR` buffer, optionally fixed into an earlier one; `len` above 127
    /// places it at an odd address.
    Ptr {
        len: u8,
        fill: u8,
        parent: Option<(u8, u8)>,
    },
    /// A `BINDER_TYPE_FDA` in an earlier buffer.
    Fda {
        fds: Vec<FdSel>,
        parent: u8,
        offset: u8,
    },
    /// An object of any type.
    Bogus {
        ty: u32,
    },
    /// An offsets entry pointing anywhere.
    BadOffset(u16),
}

/// The node pointers processes use (a small set, so that objects meet again).
fn node_ptr(n: u8) -> u64 {
    0x1000 * (1 + (n % 6) as u64)
}

fn node_cookie(ptr: u64, ok: bool) -> u64 {
    if ok {
        ptr ^ 0xc00c_1e00
    } else {
        ptr ^ 0xbad0_0000
    }
}

const BC_CODES: [u32; 22] = [
    BC_TRANSACTION,
    BC_REPLY,
    BC_ACQUIRE_RESULT,
    BC_FREE_BUFFER,
    BC_INCREFS,
    BC_ACQUIRE,
    BC_RELEASE,
    BC_DECREFS,
    BC_INCREFS_DONE,
    BC_ACQUIRE_DONE,
    BC_ATTEMPT_ACQUIRE,
    BC_REGISTER_LOOPER,
    BC_ENTER_LOOPER,
    BC_EXIT_LOOPER,
    BC_REQUEST_DEATH_NOTIFICATION,
    BC_CLEAR_DEATH_NOTIFICATION,
    BC_DEAD_BINDER_DONE,
    BC_TRANSACTION_SG,
    BC_REPLY_SG,
    BC_REQUEST_FREEZE_NOTIFICATION,
    BC_CLEAR_FREEZE_NOTIFICATION,
    BC_FREEZE_NOTIFICATION_DONE,
];

const IOCTLS: [u32; 16] = [
    BINDER_WRITE_READ,
    BINDER_SET_IDLE_TIMEOUT,
    BINDER_SET_MAX_THREADS,
    BINDER_SET_IDLE_PRIORITY,
    BINDER_SET_CONTEXT_MGR,
    BINDER_THREAD_EXIT,
    BINDER_VERSION,
    BINDER_GET_NODE_DEBUG_INFO,
    BINDER_GET_NODE_INFO_FOR_REF,
    BINDER_SET_CONTEXT_MGR_EXT,
    BINDER_FREEZE,
    BINDER_GET_FROZEN_INFO,
    BINDER_ENABLE_ONEWAY_SPAM_DETECTION,
    BINDER_GET_EXTENDED_ERROR,
    BINDER_CTL_ADD,
    0,
];

const READ_SIZES: [u64; 10] = [256, 1024, 0, 4, 8, 64, 75, 76, 128, 4096];
const MAP_SIZES: [usize; 8] = [VM_SIZE, VM_SIZE, 4096, 16384, 65536, 0, 5 << 20, 4100];

/// Plays scenarios.
pub struct Runner {
    pub host: Host,
    slots: [Option<ProcId>; SLOTS],
    /// The thread whose commands are being encoded.
    replying: Option<Tid>,
    /// The debugfs files were rendered (once per run is enough).
    rendered: bool,
}

impl Default for Runner {
    fn default() -> Self {
        Self::new()
    }
}

impl Runner {
    pub fn new() -> Self {
        Runner {
            host: Host::new(),
            slots: [None; SLOTS],
            replying: None,
            rendered: false,
        }
    }

    /// Plays a scenario to its end, then releases everything and checks nothing is left.
    pub fn run(s: &Scenario) {
        crate::init();
        let mut r = Runner::new();
        r.prologue(s.prologue);
        for op in s.ops.iter().take(MAX_OPS) {
            r.op(op);
            r.host.check_invariants();
        }
        r.host.release_all_and_check(s.copies_first);
    }

    /// Where a run starts, so that deep states are a few operations away:
    /// - 0: nothing open;
    /// - 1: a context manager in slot 0 (thread 0 a looper parked in a read) and a client in
    ///   slot 1, both mapped;
    /// - 2: the same, the manager's node accepting fds, and a service in slot 2 (thread 0 a
    ///   looper parked in a read) whose node (accepting fds) the manager and the client hold
    ///   handles to, as after `addService` and `getService`;
    /// - 3: as 2, the service's node asking for the caller's security context;
    /// - and with bit 5 set, the service maps only 4 KiB.
    fn prologue(&mut self, prologue: u8) {
        let level = prologue % 4;
        if level == 0 {
            return;
        }
        self.open(0, false, 0, false, 2, 0);
        self.open(1, false, 2, false, 2, 0);
        let sm = self.slots[0].unwrap();
        let tid = self.tid(0, 0);
        if level == 1 {
            let arg = self.host.mem.put(sm, &0i32.to_ne_bytes()).unwrap();
            self.host.ioctl(sm, tid, BINDER_SET_CONTEXT_MGR, arg, None);
        } else {
            self.op(&Op::ContextMgr {
                slot: 0,
                thread: 0,
                ext: Some((5, 0x80)),
            });
        }
        // Read sizes: index 2 is a write-only call, index 0 a read of 256 bytes.
        const W: u8 = 2;
        const R: u8 = 0;
        self.write_read(0, 0, &[Cmd::Looper { kind: 1 }], W);
        if level == 1 {
            self.write_read(0, 0, &[], R);
            return;
        }
        // Bit 5: the service maps 4 KiB (its async space runs out after a few oneways).
        let service_map = if prologue & 0x20 != 0 { 2 } else { 0 };
        self.open(2, false, 3, false, 2, service_map);
        self.write_read(2, 0, &[Cmd::Looper { kind: 1 }], W);
        // The manager waits; the service registers its node (addService) and waits for the
        // reply.
        self.write_read(0, 0, &[], R);
        let node = Item::Binder {
            weak: false,
            node: 0,
            cookie_ok: true,
            accept_fds: true,
            secctx: level == 3,
        };
        let call = |target, items| Cmd::Call {
            target,
            code: 0,
            flags: 0x02,
            payload: Payload {
                empty: false,
                items,
                sg_slack: 0,
                fault: 0,
                offsets_trim: 0,
            },
        };
        self.write_read(2, 1, &[call(HSel::Zero, vec![node])], R);
        // The manager replies (its caller gets the reply); the service's looper reads the
        // node's reference news and acknowledges them.
        self.serve(0, 0, &[], R);
        self.write_read(2, 0, &[], R);
        let news = self.host.procs[&self.slots[2].unwrap()].node_news.len();
        let dones: Vec<Cmd> = (0..news)
            .map(|_| Cmd::NodeDone {
                pick: 0,
                wrong: false,
            })
            .collect();
        self.write_read(2, 0, &dones, W);
        // The client looks the service up (getService): the manager replies with its handle.
        self.write_read(0, 0, &[], R);
        self.write_read(1, 0, &[call(HSel::Zero, vec![])], R);
        let handle = Item::Handle {
            weak: false,
            handle: HSel::Held(0),
        };
        self.serve(0, 0, &[handle], R);
        // Manager and service wait for work.
        self.write_read(0, 0, &[], R);
        self.write_read(2, 0, &[], R);
    }

    /// A thread of `slot` that was delivered a call replies to it with `items`, then reads.
    fn serve(&mut self, slot: u8, pick: u8, items: &[Item], read: u8) {
        let Some((s, p)) = self.proc(slot) else {
            return;
        };
        let Some(t) = self.host.procs.get(&p) else {
            return;
        };
        let waiting: Vec<Tid> = t
            .to_reply
            .iter()
            .filter(|(_, &n)| n > 0)
            .map(|(&t, _)| t)
            .collect();
        let Some(&tid) = waiting.get(pick as usize % waiting.len().max(1)) else {
            return;
        };
        let thread = (tid - Self::pid(s) * 10) as u8;
        let reply = Cmd::Reply {
            flags: 0,
            payload: Payload {
                empty: false,
                items: items.to_vec(),
                sg_slack: 0,
                fault: 0,
                offsets_trim: 0,
            },
        };
        self.write_read(slot, thread, &[reply], read);
    }

    fn pid(slot: usize) -> i32 {
        100 * (slot as i32 + 1)
    }

    fn tid(&self, slot: usize, thread: u8) -> Tid {
        Self::pid(slot) * 10 + (thread % THREADS) as i32
    }

    fn proc(&self, slot: u8) -> Option<(usize, ProcId)> {
        let s = slot as usize % SLOTS;
        self.slots[s].map(|p| (s, p))
    }

    fn open(
        &mut self,
        slot: usize,
        share_pid: bool,
        euid: u8,
        nonblocking: bool,
        files: u8,
        map: u8,
    ) {
        if self.slots[slot].is_some() {
            return;
        }
        let pid = if share_pid {
            Self::pid(0)
        } else {
            Self::pid(slot)
        };
        let euid = [1000, 0, 10_001, 10_002][euid as usize % 4];
        let p = self.host.open(pid, euid, nonblocking, files as usize % 4);
        self.slots[slot] = Some(p);
        let size = MAP_SIZES[map as usize % MAP_SIZES.len()];
        if map % 8 != 5 {
            let _ = self.host.mmap(p, size);
        }
    }

    fn op(&mut self, op: &Op) {
        match *op {
            Op::Open {
                slot,
                share_pid,
                euid,
                nonblocking,
                files,
                map,
            } => self.open(
                slot as usize % SLOTS,
                share_pid,
                euid,
                nonblocking,
                files,
                map,
            ),
            Op::Mmap { slot, size } => {
                if let Some((_, p)) = self.proc(slot) {
                    let _ = self
                        .host
                        .mmap(p, MAP_SIZES[size as usize % MAP_SIZES.len()]);
                }
            }
            Op::Munmap { slot } => {
                if let Some((_, p)) = self.proc(slot) {
                    self.host.munmap(p);
                }
            }
            Op::ContextMgr { slot, thread, ext } => {
                let Some((s, p)) = self.proc(slot) else {
                    return;
                };
                let tid = self.tid(s, thread);
                let (cmd, bytes) = match ext {
                    None => (BINDER_SET_CONTEXT_MGR, 0i32.to_ne_bytes().to_vec()),
                    Some((node, flags)) => {
                        let mut o = FlatBinderObject::default();
                        o.hdr.type_ = BINDER_TYPE_BINDER;
                        o.flags = ext_flags(flags);
                        let ptr = node_ptr(node);
                        o.set_binder(ptr);
                        o.cookie = node_cookie(ptr, true);
                        (BINDER_SET_CONTEXT_MGR_EXT, o.as_bytes().to_vec())
                    }
                };
                if let Some(arg) = self.host.mem.put(p, &bytes) {
                    self.host.ioctl(p, tid, cmd, arg, None);
                }
            }
            Op::MaxThreads { slot, n } => {
                self.simple_ioctl(
                    slot,
                    0,
                    BINDER_SET_MAX_THREADS,
                    &(n as u32 % 16).to_ne_bytes(),
                );
            }
            Op::WriteRead {
                slot,
                thread,
                ref cmds,
                read,
            } => self.write_read(slot, thread, cmds, read),
            Op::Read { slot, thread, read } => self.write_read(slot, thread, &[], read),
            Op::RawBwr {
                slot,
                thread,
                ref write,
                write_consumed,
                read_size,
                read_consumed,
                bad_read_buffer,
            } => {
                let Some((s, p)) = self.proc(slot) else {
                    return;
                };
                let tid = self.tid(s, thread);
                let write = &write[..write.len().min(512)];
                let Some(wb) = self.host.mem.put(p, write) else {
                    return;
                };
                let read_size = read_size as u64 % 2048;
                let rb = if bad_read_buffer {
                    0x10
                } else {
                    match self.host.mem.alloc(p, read_size as usize) {
                        Some(a) => a,
                        None => return,
                    }
                };
                let bwr = BinderWriteRead {
                    write_size: write.len() as u64,
                    write_consumed: write_consumed as u64 % (write.len() as u64 + 8),
                    write_buffer: wb,
                    read_size,
                    read_consumed: read_consumed as u64 % 16,
                    read_buffer: rb,
                };
                self.bwr(p, tid, bwr);
            }
            Op::ThreadExit { slot, thread } => {
                self.simple_ioctl(slot, thread, BINDER_THREAD_EXIT, &0i32.to_ne_bytes());
            }
            Op::Poll { slot, thread } => {
                if let Some((s, p)) = self.proc(slot) {
                    let tid = self.tid(s, thread);
                    self.host.poll(p, tid);
                }
            }
            Op::Release { slot } => {
                if let Some((s, p)) = self.proc(slot) {
                    self.host.release(p);
                    self.slots[s] = None;
                }
            }
            Op::FinishCopy { pick, fault } => self.host.finish_copy(pick as usize, fault),
            Op::FinishInstall { pick, answer } => {
                let a = match answer % 4 {
                    0 | 1 => InstallAnswer::Ok,
                    2 => InstallAnswer::Fail,
                    _ => InstallAnswer::Short,
                };
                self.host.finish_install(pick as usize, a);
            }
            Op::Hold { copies, installs } => {
                self.host.hold_copies = copies;
                self.host.hold_installs = installs;
            }
            Op::Interrupt { slot, thread } => {
                if let Some((s, p)) = self.proc(slot) {
                    let tid = self.tid(s, thread);
                    self.host.interrupt(p, tid);
                }
            }
            Op::Freeze {
                slot,
                thread,
                target,
                enable,
                timeout,
            } => {
                let pid = Self::pid(target as usize % (SLOTS + 1)) as u32;
                let info = BinderFreezeInfo {
                    pid,
                    enable: enable as u32,
                    timeout_ms: timeout as u32 % 4 * 50,
                };
                self.simple_ioctl(slot, thread, BINDER_FREEZE, info.as_bytes());
            }
            Op::Timeout { slot, thread } => {
                if let Some((s, p)) = self.proc(slot) {
                    let tid = self.tid(s, thread);
                    self.host.timeout(p, tid);
                }
            }
            Op::FrozenInfo {
                slot,
                thread,
                target,
            } => {
                let info = BinderFrozenStatusInfo {
                    pid: Self::pid(target as usize % (SLOTS + 1)) as u32,
                    ..Default::default()
                };
                self.simple_ioctl(slot, thread, BINDER_GET_FROZEN_INFO, info.as_bytes());
            }
            Op::SpamDetection { slot, on } => {
                self.simple_ioctl(
                    slot,
                    0,
                    BINDER_ENABLE_ONEWAY_SPAM_DETECTION,
                    &(on as u32).to_ne_bytes(),
                );
            }
            Op::ExtendedError { slot, thread } => {
                let ee = BinderExtendedError::default();
                self.simple_ioctl(slot, thread, BINDER_GET_EXTENDED_ERROR, ee.as_bytes());
            }
            Op::NodeDebugInfo { slot, thread, ptr } => {
                let info = BinderNodeDebugInfo {
                    ptr: if ptr == 255 {
                        u64::MAX
                    } else {
                        node_ptr(ptr) - 1
                    },
                    ..Default::default()
                };
                self.simple_ioctl(slot, thread, BINDER_GET_NODE_DEBUG_INFO, info.as_bytes());
            }
            Op::NodeInfoForRef {
                slot,
                thread,
                handle,
                junk,
            } => {
                let Some((_, p)) = self.proc(slot) else {
                    return;
                };
                let info = BinderNodeInfoForRef {
                    handle: self.handle(p, handle),
                    strong_count: junk as u32,
                    ..Default::default()
                };
                self.simple_ioctl(slot, thread, BINDER_GET_NODE_INFO_FOR_REF, info.as_bytes());
            }
            Op::Version { slot, thread } => {
                let Some((s, p)) = self.proc(slot) else {
                    return;
                };
                let tid = self.tid(s, thread);
                let Some(arg) = self.host.mem.put(p, &[0u8; 4]) else {
                    return;
                };
                if self.host.ioctl(p, tid, BINDER_VERSION, arg, None) == Some(Ok(0))
                    && self.host.mem.peek(p, arg, 4) != Some(8i32.to_ne_bytes().to_vec())
                {
                    crate::oracle!("BINDER_VERSION did not write 8");
                }
            }
            Op::RawIoctl {
                slot,
                thread,
                cmd,
                ref arg,
                null_arg,
            } => {
                let Some((s, p)) = self.proc(slot) else {
                    return;
                };
                let tid = self.tid(s, thread);
                let cmd = if cmd & 0xff00_0000 == 0 {
                    IOCTLS[cmd as usize % IOCTLS.len()]
                } else {
                    cmd
                };
                // A BINDER_WRITE_READ here has its binder_write_read made of the raw bytes,
                // or at a null address: the host checks nothing of its buffers.
                let arg = if null_arg {
                    0
                } else {
                    match self.host.mem.put(p, &arg[..arg.len().min(512)]) {
                        Some(a) => a,
                        None => return,
                    }
                };
                self.host.ioctl(p, tid, cmd, arg, None);
            }
            Op::FdLimit { slot, limit } => {
                // Room for 0 to 3 more fds: a transaction with a few is then refused.
                if let Some((_, p)) = self.proc(slot) {
                    let open = self.host.files.fds(p).len();
                    self.host.files.limits.insert(p, open + limit as usize % 4);
                }
            }
            Op::OpenFile { slot } => {
                if let Some((_, p)) = self.proc(slot) {
                    self.host.files.open_new(p);
                }
            }
            Op::Serve {
                slot,
                pick,
                ref payload,
                read,
            } => {
                let Some((s, p)) = self.proc(slot) else {
                    return;
                };
                let Some(t) = self.host.procs.get(&p) else {
                    return;
                };
                let waiting: Vec<Tid> = t
                    .to_reply
                    .iter()
                    .filter(|(_, &n)| n > 0)
                    .map(|(&t, _)| t)
                    .collect();
                let Some(&tid) = waiting.get(pick as usize % waiting.len().max(1)) else {
                    return;
                };
                let thread = (tid - Self::pid(s) * 10) as u8;
                let reply = [Cmd::Reply {
                    flags: pick & 0x3f,
                    payload: payload.clone(),
                }];
                self.write_read(slot, thread, &reply, read);
            }
            Op::Debug => {
                if !std::mem::replace(&mut self.rendered, true) {
                    std::hint::black_box(self.host.render_debug());
                }
            }
        }
    }

    /// An ioctl whose argument is `bytes`, placed in the caller's memory.
    fn simple_ioctl(&mut self, slot: u8, thread: u8, cmd: u32, bytes: &[u8]) {
        let Some((s, p)) = self.proc(slot) else {
            return;
        };
        let tid = self.tid(s, thread);
        if let Some(arg) = self.host.mem.put(p, bytes) {
            self.host.ioctl(p, tid, cmd, arg, None);
        }
    }

    fn handle(&self, p: ProcId, h: HSel) -> u32 {
        match h {
            HSel::Zero => 0,
            HSel::Raw(v) => v,
            HSel::Held(i) => {
                let refs = self
                    .host
                    .ctx
                    .proc_info(p)
                    .map(|i| i.refs)
                    .unwrap_or_default();
                if refs.is_empty() {
                    i as u32 % 3
                } else {
                    refs[i as usize % refs.len()].handle
                }
            }
        }
    }

    fn fd(&self, p: ProcId, f: FdSel) -> u32 {
        match f {
            FdSel::Raw(v) => v,
            FdSel::Open(i) => {
                let fds = self.host.files.fds(p);
                if fds.is_empty() {
                    i as u32
                } else {
                    fds[i as usize % fds.len()]
                }
            }
        }
    }

    fn write_read(&mut self, slot: u8, thread: u8, cmds: &[Cmd], read: u8) {
        let cmds = &cmds[..cmds.len().min(MAX_CMDS)];
        let Some((s, p)) = self.proc(slot) else {
            return;
        };
        let tid = self.tid(s, thread);
        let mut stream = Vec::new();
        self.replying = Some(tid);
        for c in cmds {
            if self.encode(p, c, &mut stream).is_none() {
                return;
            }
        }
        let read_size = READ_SIZES[read as usize % READ_SIZES.len()];
        let Some(wb) = self.host.mem.put(p, &stream) else {
            return;
        };
        let Some(rb) = self.host.mem.alloc(p, read_size as usize) else {
            return;
        };
        let bwr = BinderWriteRead {
            write_size: stream.len() as u64,
            write_consumed: 0,
            write_buffer: wb,
            read_size,
            read_consumed: 0,
            read_buffer: rb,
        };
        self.bwr(p, tid, bwr);
    }

    fn bwr(&mut self, p: ProcId, tid: Tid, bwr: BinderWriteRead) {
        let Some(arg) = self.host.mem.put(p, bwr.as_bytes()) else {
            return;
        };
        let info = BwrInfo {
            read_buffer: bwr.read_buffer,
            read_size: bwr.read_size,
            read_consumed: bwr.read_consumed,
            write_size: bwr.write_size,
            write_consumed: bwr.write_consumed,
        };
        self.host.ioctl(p, tid, BINDER_WRITE_READ, arg, Some(info));
    }

    /// Appends one command to `out`; `None` if the process ran out of memory.
    fn encode(&mut self, p: ProcId, c: &Cmd, out: &mut Vec<u8>) -> Option<()> {
        let code = |out: &mut Vec<u8>, c: u32| out.extend_from_slice(&c.to_ne_bytes());
        match *c {
            Cmd::Call {
                target,
                code: tc,
                flags,
                ref payload,
            } => {
                let handle = self.handle(p, target);
                self.transaction(p, false, handle, tc as u32 % 4 + 1, flags, payload, out)?;
            }
            Cmd::Reply { flags, ref payload } => {
                self.transaction(p, true, 0, 0, flags, payload, out)?;
                if let Some(n) = self
                    .replying
                    .and_then(|t| self.host.procs.get_mut(&p)?.to_reply.get_mut(&t))
                {
                    *n = n.saturating_sub(1);
                }
            }
            Cmd::FreeBuffer { pick, again } => {
                let t = self.host.procs.get_mut(&p)?;
                let addr = if again && !t.freed.is_empty() {
                    t.freed[pick as usize % t.freed.len()]
                } else if !t.delivered.is_empty() {
                    let a = t.delivered.remove(pick as usize % t.delivered.len());
                    t.freed.push(a);
                    a
                } else {
                    crate::host::MAP_ADDR + pick as u64 * 8
                };
                code(out, BC_FREE_BUFFER);
                out.extend_from_slice(&addr.to_ne_bytes());
            }
            Cmd::Ref { kind, handle } => {
                let h = self.handle(p, handle);
                code(
                    out,
                    [BC_INCREFS, BC_ACQUIRE, BC_RELEASE, BC_DECREFS][kind as usize % 4],
                );
                out.extend_from_slice(&h.to_ne_bytes());
            }
            Cmd::NodeDone { pick, wrong } => {
                let t = self.host.procs.get_mut(&p)?;
                let (acquire, ptr, cookie) = if t.node_news.is_empty() {
                    (
                        pick & 1 != 0,
                        node_ptr(pick),
                        node_cookie(node_ptr(pick), true),
                    )
                } else {
                    t.node_news.remove(pick as usize % t.node_news.len())
                };
                code(
                    out,
                    if acquire {
                        BC_ACQUIRE_DONE
                    } else {
                        BC_INCREFS_DONE
                    },
                );
                let pc = BinderPtrCookie {
                    ptr,
                    cookie: if wrong { cookie ^ 1 } else { cookie },
                };
                out.extend_from_slice(pc.as_bytes());
            }
            Cmd::Looper { kind } => {
                code(
                    out,
                    [BC_REGISTER_LOOPER, BC_ENTER_LOOPER, BC_EXIT_LOOPER][kind as usize % 3],
                );
            }
            Cmd::Death {
                clear,
                handle,
                cookie,
            } => {
                let h = self.handle(p, handle);
                let cookie = 0xdead_0000 + (cookie % 8) as u64;
                let t = self.host.procs.get_mut(&p)?;
                if clear {
                    t.death_cleared.insert(cookie);
                } else {
                    t.death_requested.insert(cookie);
                }
                code(
                    out,
                    if clear {
                        BC_CLEAR_DEATH_NOTIFICATION
                    } else {
                        BC_REQUEST_DEATH_NOTIFICATION
                    },
                );
                out.extend_from_slice(BinderHandleCookie { handle: h, cookie }.as_bytes());
            }
            Cmd::DeadBinderDone { pick } => {
                let t = self.host.procs.get_mut(&p)?;
                let cookie = if t.dead.is_empty() {
                    0xdead_0000 + (pick % 8) as u64
                } else {
                    t.dead.remove(pick as usize % t.dead.len())
                };
                code(out, BC_DEAD_BINDER_DONE);
                out.extend_from_slice(&cookie.to_ne_bytes());
            }
            Cmd::FreezeNotification {
                clear,
                handle,
                cookie,
            } => {
                let h = self.handle(p, handle);
                let cookie = 0xf00e_0000 + (cookie % 8) as u64;
                let t = self.host.procs.get_mut(&p)?;
                if clear {
                    t.freeze_cleared.insert(cookie);
                } else {
                    t.freeze_requested.insert(cookie);
                }
                code(
                    out,
                    if clear {
                        BC_CLEAR_FREEZE_NOTIFICATION
                    } else {
                        BC_REQUEST_FREEZE_NOTIFICATION
                    },
                );
                out.extend_from_slice(BinderHandleCookie { handle: h, cookie }.as_bytes());
            }
            Cmd::FreezeNotificationDone { pick } => {
                let t = self.host.procs.get_mut(&p)?;
                let cookie = if t.frozen.is_empty() {
                    0xf00e_0000 + (pick % 8) as u64
                } else {
                    t.frozen.remove(pick as usize % t.frozen.len())
                };
                code(out, BC_FREEZE_NOTIFICATION_DONE);
                out.extend_from_slice(&cookie.to_ne_bytes());
            }
            Cmd::Raw {
                code: c,
                raw_code,
                ref payload,
            } => {
                let cmd = if c == 255 {
                    raw_code
                } else {
                    BC_CODES[c as usize % BC_CODES.len()]
                };
                // Cookies and handles it names are noted by the host as the core runs it.
                let payload = &payload[..payload.len().min(96)];
                code(out, cmd);
                out.extend_from_slice(payload);
            }
        }
        Some(())
    }

    /// Lays a transaction's data, offsets and buffers in `p`'s memory, records what was
    /// sent, and appends the command.
    #[allow(clippy::too_many_arguments)]
    fn transaction(
        &mut self,
        p: ProcId,
        reply: bool,
        handle: u32,
        tcode: u32,
        flags: u8,
        payload: &Payload,
        out: &mut Vec<u8>,
    ) -> Option<()> {
        let mut tf = 0;
        if flags & 1 != 0 {
            tf |= TF_ONE_WAY;
        }
        if flags & 2 != 0 {
            tf |= TF_ACCEPT_FDS;
        }
        if flags & 4 != 0 {
            tf |= TF_CLEAR_BUF;
        }
        if flags & 8 != 0 {
            tf |= TF_UPDATE_TXN;
        }
        if flags & 0x20 != 0 {
            tf |= TF_STATUS_CODE;
        }
        if flags & 0x40 != 0 {
            tf |= 0x1_0000;
        }
        let sg = flags & 0x10 != 0;
        let tag = self.host.new_tag();
        let mut data = Vec::new();
        let mut offsets: Vec<u64> = Vec::new();
        let mut objs: Vec<SentObj> = Vec::new();
        // Buffer objects so far: (object index, sender address, length).
        let mut ptrs: Vec<(usize, u64, usize)> = Vec::new();
        let mut skips: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut sg_total: i64 = 0;
        if !payload.empty {
            data.extend_from_slice(&tag.to_ne_bytes());
            for item in payload.items.iter().take(MAX_ITEMS) {
                match *item {
                    Item::Bytes(ref b) => {
                        data.extend_from_slice(&b[..b.len().min(64)]);
                        data.resize((data.len() + 7) & !7, 0);
                    }
                    Item::Odd(n) => data.extend(std::iter::repeat_n(0xa5, 1 + n as usize % 3)),
                    Item::Binder {
                        weak,
                        node,
                        cookie_ok,
                        accept_fds,
                        secctx,
                    } => {
                        let mut o = FlatBinderObject::default();
                        o.hdr.type_ = if weak {
                            BINDER_TYPE_WEAK_BINDER
                        } else {
                            BINDER_TYPE_BINDER
                        };
                        let ptr = node_ptr(node);
                        o.set_binder(ptr);
                        o.cookie = node_cookie(ptr, cookie_ok);
                        o.flags =
                            0x7f | if accept_fds {
                                FLAT_BINDER_FLAG_ACCEPTS_FDS
                            } else {
                                0
                            } | if secctx {
                                FLAT_BINDER_FLAG_TXN_SECURITY_CTX
                            } else {
                                0
                            };
                        offsets.push(data.len() as u64);
                        objs.push(SentObj::Binder {
                            weak,
                            ptr,
                            cookie: o.cookie,
                        });
                        data.extend_from_slice(o.as_bytes());
                    }
                    Item::Handle { weak, handle } => {
                        let mut o = FlatBinderObject::default();
                        o.hdr.type_ = if weak {
                            BINDER_TYPE_WEAK_HANDLE
                        } else {
                            BINDER_TYPE_HANDLE
                        };
                        o.set_handle(self.handle(p, handle));
                        offsets.push(data.len() as u64);
                        objs.push(SentObj::Handle { weak });
                        data.extend_from_slice(o.as_bytes());
                    }
                    Item::Fd { fd, cookie } => {
                        let fd = self.fd(p, fd);
                        let mut o = BinderFdObject::default();
                        o.hdr.type_ = BINDER_TYPE_FD;
                        o.set_fd(fd);
                        o.cookie = cookie as u64;
                        offsets.push(data.len() as u64);
                        objs.push(SentObj::Fd {
                            file: self.host.files.file(p, fd),
                        });
                        data.extend_from_slice(o.as_bytes());
                    }
                    Item::Ptr { len, fill, parent } => {
                        let length = (len & 0x7f) as usize % 65;
                        let content: Vec<u8> =
                            (0..length).map(|i| fill.wrapping_add(i as u8)).collect();
                        let addr = if len & 0x80 != 0 {
                            let a = self.host.mem.alloc(p, length + 1)? + 1;
                            self.host.mem.put_at(p, a, &content);
                            a
                        } else {
                            self.host.mem.put(p, &content)?
                        };
                        let mut o = BinderBufferObject {
                            hdr: BinderObjectHeader {
                                type_: BINDER_TYPE_PTR,
                            },
                            flags: 0,
                            buffer: addr,
                            length: length as u64,
                            parent: 0,
                            parent_offset: 0,
                        };
                        let mut rec_parent = None;
                        if let Some((pi, off)) = parent {
                            o.flags = BINDER_BUFFER_FLAG_HAS_PARENT;
                            if ptrs.is_empty() {
                                o.parent = pi as u64;
                                o.parent_offset = off as u64;
                            } else {
                                let k = pi as usize % ptrs.len();
                                let (pidx, paddr, plen) = ptrs[k];
                                let po = off as usize * 8 % (plen + 16);
                                o.parent = pidx as u64;
                                o.parent_offset = po as u64;
                                if po + 8 <= plen {
                                    // The sender's copy of the parent holds the child's
                                    // address, as libhwbinder writes it.
                                    self.host
                                        .mem
                                        .put_at(p, paddr + po as u64, &addr.to_ne_bytes());
                                }
                                skips[k].push((po, 8));
                                rec_parent = Some((pidx, po));
                            }
                        }
                        let idx = offsets.len();
                        offsets.push(data.len() as u64);
                        objs.push(SentObj::Ptr {
                            length,
                            parent: rec_parent,
                        });
                        ptrs.push((idx, addr, length));
                        skips.push(Vec::new());
                        sg_total += ((length + 7) & !7) as i64;
                        data.extend_from_slice(o.as_bytes());
                    }
                    Item::Fda {
                        ref fds,
                        parent,
                        offset,
                    } => {
                        let fds: Vec<u32> = fds.iter().take(4).map(|&f| self.fd(p, f)).collect();
                        let mut o = BinderFdArrayObject {
                            hdr: BinderObjectHeader {
                                type_: BINDER_TYPE_FDA,
                            },
                            pad: 0,
                            num_fds: fds.len() as u64,
                            parent: parent as u64,
                            parent_offset: offset as u64 * 4,
                        };
                        let mut files = Vec::new();
                        let mut rec = (parent as usize, offset as usize * 4);
                        if !ptrs.is_empty() {
                            let k = parent as usize % ptrs.len();
                            let (pidx, paddr, plen) = ptrs[k];
                            let po = offset as usize * 4 % (plen + 8);
                            o.parent = pidx as u64;
                            o.parent_offset = po as u64;
                            if po + 4 * fds.len() <= plen {
                                let raw: Vec<u8> =
                                    fds.iter().flat_map(|f| f.to_ne_bytes()).collect();
                                self.host.mem.put_at(p, paddr + po as u64, &raw);
                            }
                            skips[k].push((po, 4 * fds.len()));
                            rec = (pidx, po);
                        }
                        for &fd in &fds {
                            files.push(self.host.files.file(p, fd));
                        }
                        offsets.push(data.len() as u64);
                        objs.push(SentObj::Fda {
                            files,
                            parent: rec.0,
                            parent_offset: rec.1,
                        });
                        data.extend_from_slice(o.as_bytes());
                    }
                    Item::Bogus { ty } => {
                        let mut o = FlatBinderObject::default();
                        o.hdr.type_ = ty;
                        offsets.push(data.len() as u64);
                        objs.push(SentObj::Other);
                        data.extend_from_slice(o.as_bytes());
                    }
                    Item::BadOffset(o) => {
                        offsets.push(o as u64);
                        objs.push(SentObj::Other);
                    }
                }
            }
        }
        let mut ptr_bufs = std::collections::BTreeMap::new();
        for (k, &(idx, addr, len)) in ptrs.iter().enumerate() {
            let content = self.host.mem.peek(p, addr, len)?;
            ptr_bufs.insert(idx, (content, skips[k].clone()));
        }
        const BAD: u64 = 0x0bad_0000_0000;
        if payload.fault % 8 == 3 {
            if let Some(&(idx, _, _)) = ptrs.first() {
                let at = offsets[idx] as usize + 8;
                data[at..at + 8].copy_from_slice(&BAD.to_ne_bytes());
            }
        }
        let d = self.host.mem.put(p, &data)?;
        let off_bytes: Vec<u8> = offsets.iter().flat_map(|o| o.to_ne_bytes()).collect();
        let o = self.host.mem.put(p, &off_bytes)?;
        let mut td = BinderTransactionData::default();
        td.set_target_handle(handle);
        td.code = tcode;
        td.flags = tf;
        td.data_size = data.len() as u64;
        td.offsets_size = (off_bytes.len() as u64).saturating_sub(payload.offsets_trim as u64 % 8);
        match payload.fault % 8 {
            1 => td.set_data_ptr(BAD, o),
            2 => td.set_data_ptr(d, BAD),
            _ => td.set_data_ptr(d, o),
        }
        if !payload.empty {
            let sender_pid = self.host.procs[&p].pid;
            self.host.sent.insert(
                tag,
                SentTxn {
                    sender: p,
                    sender_pid,
                    data,
                    offsets,
                    objs,
                    ptr_bufs,
                },
            );
        }
        let cmd = match (reply, sg) {
            (false, false) => BC_TRANSACTION,
            (false, true) => BC_TRANSACTION_SG,
            (true, false) => BC_REPLY,
            (true, true) => BC_REPLY_SG,
        };
        out.extend_from_slice(&cmd.to_ne_bytes());
        out.extend_from_slice(td.as_bytes());
        if sg {
            let slack = payload.sg_slack as i64;
            let slack = if slack % 4 == 0 { slack * 2 } else { slack };
            let size = (sg_total + slack).max(0) as u64;
            out.extend_from_slice(&size.to_ne_bytes());
        }
        Some(())
    }
}

/// Flags of a context manager's node (`BINDER_SET_CONTEXT_MGR_EXT`).
fn ext_flags(f: u8) -> u32 {
    let mut flags = (f & 0x7f) as u32;
    if f & 0x80 != 0 {
        flags |= FLAT_BINDER_FLAG_ACCEPTS_FDS;
    }
    if f & 0x40 != 0 {
        flags |= FLAT_BINDER_FLAG_TXN_SECURITY_CTX;
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prologue_builds_a_service_world() {
        for level in 1..4 {
            let mut r = Runner::new();
            r.prologue(level);
            r.host.check_invariants();
            let sm = r.slots[0].unwrap();
            assert!(r.host.ctx.is_parked(sm, r.tid(0, 0)), "manager parked");
            if level >= 2 {
                let client = r.slots[1].unwrap();
                let service = r.slots[2].unwrap();
                let refs = r.host.ctx.proc_info(client).unwrap().refs;
                assert!(
                    refs.iter().any(|x| x.handle != 0 && x.strong > 0),
                    "{refs:?}"
                );
                assert!(r.host.ctx.is_parked(service, r.tid(2, 0)), "service parked");
                // The client calls the service, with an fd and a buffer tree.
                let call = Cmd::Call {
                    target: HSel::Held(1),
                    code: 1,
                    flags: 0x12,
                    payload: Payload {
                        empty: false,
                        items: vec![
                            Item::Fd {
                                fd: FdSel::Open(0),
                                cookie: 0,
                            },
                            Item::Ptr {
                                len: 32,
                                fill: 1,
                                parent: None,
                            },
                            Item::Ptr {
                                len: 16,
                                fill: 2,
                                parent: Some((0, 1)),
                            },
                            Item::Fda {
                                fds: vec![FdSel::Open(0), FdSel::Open(1)],
                                parent: 0,
                                offset: 4,
                            },
                        ],
                        sg_slack: 0,
                        fault: 0,
                        offsets_trim: 0,
                    },
                };
                let before = r.host.delivered_txns;
                r.write_read(1, 0, &[call], 0);
                assert_eq!(
                    r.host.delivered_txns,
                    before + 1,
                    "the service got the call"
                );
                r.op(&Op::Serve {
                    slot: 2,
                    pick: 0,
                    payload: Payload {
                        empty: false,
                        items: vec![],
                        sg_slack: 0,
                        fault: 0,
                        offsets_trim: 0,
                    },
                    read: 0,
                });
                assert_eq!(
                    r.host.delivered_txns,
                    before + 2,
                    "the client got the reply"
                );
                r.host.check_invariants();
            }
            r.host.release_all_and_check(false);
        }
    }
}

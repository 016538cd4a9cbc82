//! `binder_context`: one device, and the file operations on it.

use std::collections::BTreeMap;

use super::alloc::{RangeAllocator, MAX_BUFFER_SPACE};
use super::debug::TransactionLog;
use super::host::Env;
use super::node::{Node, NodeId};
use super::process::{Mapping, Process};
use super::stats::{Obj, Stats};
use super::thread::{Parked, Thread, LOOPER_POLL};
use super::transaction::{Transaction, TxnId};
use super::work::Work;
use super::{Completion, Credentials, Errno, Outcome, ProcId, Tid, Wake};
use crate::uapi::*;

/// One binder device: its processes, nodes, in-flight transactions and context manager.
///
/// Every entry point takes `&mut self`: the host serialises calls (one lock per device), and
/// any thread the call woke is listed in the returned [`Outcome`].
#[derive(Debug)]
pub struct Context {
    name: String,
    pub(crate) procs: BTreeMap<ProcId, Process>,
    /// Every live node, including dead ones (owner gone) that refs still name.
    pub(crate) nodes: BTreeMap<NodeId, Node>,
    pub(crate) txns: BTreeMap<TxnId, Transaction>,
    /// The context manager's node (handle 0), while its owner lives.
    pub(crate) manager: Option<NodeId>,
    /// The euid of the first context manager; later managers must share it.
    manager_uid: Option<u32>,
    /// Debug ids for nodes, refs' deaths and transactions, as the C driver's global counter.
    last_id: u64,
    pub(crate) wakes: Vec<Wake>,
    /// Threads parked in `BINDER_FREEZE`.
    pub(crate) freezers: Vec<(ProcId, Tid)>,
    pub(crate) stats: Stats,
    pub(crate) log: TransactionLog,
    pub(crate) failed_log: TransactionLog,
    /// Buffers reused by every read and write, so that the hot path does not allocate.
    pub(crate) read_scratch: Vec<u8>,
    pub(crate) write_scratch: Vec<u8>,
    pub(crate) codes_scratch: Vec<u32>,
    /// Ranges reserved for a transaction whose sender went away while the host was copying
    /// its payload, by sender thread: freed when the host reports the copy.
    pub(crate) orphans: BTreeMap<(ProcId, Tid), (ProcId, usize)>,
    /// The transaction-event ring, while a recording runs (`binderctl trace` and `top`).
    pub(crate) recorder: Option<Box<super::observe::Recorder>>,
    /// Events recorded so far: the next event's position in the stream.
    pub(crate) event_seq: u64,
}

impl Context {
    /// A device with no processes; `name` is for logs (`binder`, `hwbinder`, …).
    pub fn new(name: &str) -> Self {
        Context {
            name: name.to_owned(),
            procs: BTreeMap::new(),
            nodes: BTreeMap::new(),
            txns: BTreeMap::new(),
            manager: None,
            manager_uid: None,
            last_id: 0,
            wakes: Vec::new(),
            freezers: Vec::new(),
            stats: Stats::default(),
            log: TransactionLog::default(),
            failed_log: TransactionLog::default(),
            read_scratch: Vec::new(),
            write_scratch: Vec::new(),
            codes_scratch: Vec::new(),
            orphans: BTreeMap::new(),
            recorder: None,
            event_seq: 0,
        }
    }

    /// The device's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    pub(crate) fn next_id(&mut self) -> u64 {
        self.last_id += 1;
        self.last_id
    }

    pub(crate) fn proc_mut(&mut self, proc: ProcId) -> &mut Process {
        self.procs.get_mut(&proc).expect("unknown process")
    }

    /// The kernel creates a thread's state on its first ioctl or poll.
    fn ensure_thread(&mut self, proc: ProcId, tid: Tid) {
        let threads = &mut self.proc_mut(proc).threads;
        if let std::collections::btree_map::Entry::Vacant(e) = threads.entry(tid) {
            e.insert(Thread::new());
            self.stats.created(Obj::Thread);
        }
    }

    pub(crate) fn thread_mut(&mut self, proc: ProcId, tid: Tid) -> &mut Thread {
        self.proc_mut(proc)
            .threads
            .get_mut(&tid)
            .expect("unknown thread")
    }

    fn outcome<T>(&mut self, result: T) -> Outcome<T> {
        let mut wakes = std::mem::take(&mut self.wakes);
        // Few threads wake per call: a quadratic dedup beats building a set.
        let mut i = 0;
        while i < wakes.len() {
            if wakes[..i].contains(&wakes[i]) {
                wakes.remove(i);
            } else {
                i += 1;
            }
        }
        Outcome { result, wakes }
    }

    /// `open()`: a new `binder_proc` for the opener. `nonblocking` is `O_NONBLOCK`.
    pub fn open(&mut self, creds: Credentials, nonblocking: bool) -> ProcId {
        let id = ProcId(self.next_id());
        tracing::debug!(device = %self.name, proc = id.0, pid = creds.pid, euid = creds.euid, "open");
        self.procs.insert(id, Process::new(creds, nonblocking));
        self.stats.created(Obj::Proc);
        id
    }

    /// `mmap()`: the process mapped its receive buffer of `len` bytes at `user_addr`
    /// (read-only). Returns the usable size: `min(len, 4 MiB)`.
    ///
    /// `EINVAL` for an unknown process, a zero length or a null address; `EBUSY` if it already
    /// has a mapping.
    pub fn mmap(&mut self, proc: ProcId, user_addr: u64, len: usize) -> Result<usize, Errno> {
        let p = self.procs.get_mut(&proc).ok_or(Errno::EINVAL)?;
        // A mapping is page-aligned and lies inside the address space, as a vma does.
        let fits = user_addr
            .checked_add(len as u64)
            .is_some_and(|end| end <= 1 << 56);
        if len == 0 || user_addr == 0 || user_addr % 4096 != 0 || !fits {
            return Err(Errno::EINVAL);
        }
        if p.mapping.is_some() {
            tracing::warn!(proc = proc.0, "already mapped");
            return Err(Errno::EBUSY);
        }
        // Sizes are 8-byte granular; a ragged tail could never hold a whole buffer.
        let size = len.min(MAX_BUFFER_SPACE) & !7;
        if size == 0 {
            return Err(Errno::EINVAL);
        }
        p.mapping = Some(Mapping {
            user_addr,
            alloc: RangeAllocator::new(size),
            vma_closed: false,
        });
        Ok(size)
    }

    /// The process unmapped its receive buffer (the kernel's `binder_vma_close`): nothing is
    /// delivered to it any more (`BR_DEAD_REPLY` for its senders), its buffers can still be
    /// freed, and it cannot map again (`EBUSY`, as the allocator stays set up). `EINVAL` if
    /// it had no mapping.
    pub fn munmap(&mut self, proc: ProcId) -> Result<(), Errno> {
        let p = self.procs.get_mut(&proc).ok_or(Errno::EINVAL)?;
        let m = p.mapping.as_mut().ok_or(Errno::EINVAL)?;
        m.vma_closed = true;
        Ok(())
    }

    /// `ioctl()` by thread `tid` of `proc`. `arg` is a user address in `proc`.
    pub fn ioctl(
        &mut self,
        proc: ProcId,
        tid: Tid,
        cmd: u32,
        arg: u64,
        env: &mut Env,
    ) -> Outcome<Completion> {
        let completion = match self.procs.get_mut(&proc) {
            None => Completion::Done(Err(Errno::EINVAL)),
            Some(_) => {
                self.ensure_thread(proc, tid);
                let p = &self.procs[&proc];
                if p.threads[&tid].parked.is_some() {
                    // One ioctl at a time per thread, as a thread that sleeps in one cannot
                    // issue another.
                    Completion::Done(Err(Errno::EBUSY))
                } else {
                    let _span = tracing::debug_span!("ioctl", proc = proc.0, tid).entered();
                    let r = self.do_ioctl(proc, tid, cmd, arg, env);
                    if let Completion::Done(Err(e)) = r {
                        tracing::debug!(cmd = format_args!("{cmd:#x}"), %e, "ioctl failed");
                    }
                    r
                }
            }
        };
        self.outcome(completion)
    }

    fn do_ioctl(
        &mut self,
        proc: ProcId,
        tid: Tid,
        cmd: u32,
        arg: u64,
        env: &mut Env,
    ) -> Completion {
        let r = match cmd {
            BINDER_WRITE_READ => return self.write_read(proc, tid, arg, env),
            BINDER_FREEZE => return self.freeze_ioctl(proc, tid, arg, env),
            BINDER_GET_FROZEN_INFO => self.get_frozen_info(proc, arg, env),
            BINDER_ENABLE_ONEWAY_SPAM_DETECTION => match env.read::<u32>(proc, arg) {
                Ok(v) => {
                    self.proc_mut(proc).oneway_spam_detection = v != 0;
                    Ok(0)
                }
                Err(_) => Err(Errno::EFAULT),
            },
            BINDER_SET_MAX_THREADS => match env.read::<u32>(proc, arg) {
                Ok(n) => {
                    self.proc_mut(proc).max_threads = n;
                    Ok(0)
                }
                Err(_) => Err(Errno::EINVAL),
            },
            BINDER_SET_CONTEXT_MGR => self.set_context_mgr(proc, None),
            BINDER_SET_CONTEXT_MGR_EXT => match env.read::<FlatBinderObject>(proc, arg) {
                Ok(fbo) => self.set_context_mgr(proc, Some(fbo)),
                Err(_) => Err(Errno::EINVAL),
            },
            BINDER_THREAD_EXIT => {
                tracing::debug!(proc = proc.0, tid, "thread exit");
                self.thread_release(proc, tid, true, env);
                Ok(0)
            }
            BINDER_VERSION => {
                let v = BinderVersion {
                    protocol_version: BINDER_CURRENT_PROTOCOL_VERSION,
                };
                env.write(proc, arg, &v)
                    .map(|_| 0)
                    .map_err(|_| Errno::EINVAL)
            }
            BINDER_GET_EXTENDED_ERROR => {
                let t = self.thread_mut(proc, tid);
                let ee = std::mem::replace(
                    &mut t.extended_error,
                    BinderExtendedError {
                        id: 0,
                        command: BR_OK,
                        param: 0,
                    },
                );
                env.write(proc, arg, &ee).map(|_| 0).map_err(Errno::from)
            }
            BINDER_GET_NODE_DEBUG_INFO => self.get_node_debug_info(proc, arg, env),
            BINDER_GET_NODE_INFO_FOR_REF => self.get_node_info_for_ref(proc, arg, env),
            _ => Err(Errno::EINVAL),
        };
        Completion::Done(r)
    }

    /// `BINDER_SET_CONTEXT_MGR(_EXT)`.
    fn set_context_mgr(
        &mut self,
        proc: ProcId,
        fbo: Option<FlatBinderObject>,
    ) -> Result<i32, Errno> {
        if self.manager.is_some() {
            tracing::warn!(proc = proc.0, "BINDER_SET_CONTEXT_MGR already set");
            return Err(Errno::EBUSY);
        }
        let euid = self.procs[&proc].creds.euid;
        match self.manager_uid {
            Some(uid) if uid != euid => {
                tracing::warn!(proc = proc.0, euid, uid, "BINDER_SET_CONTEXT_MGR bad uid");
                return Err(Errno::EPERM);
            }
            _ => self.manager_uid = Some(euid),
        }
        let (ptr, cookie, flags) = fbo.map_or((0, 0, 0), |f| (f.binder(), f.cookie, f.flags));
        let id = self.get_or_create_node(proc, ptr, cookie, flags);
        let n = self.nodes.get_mut(&id).unwrap();
        n.local_strong_refs += 1;
        n.local_weak_refs += 1;
        // The manager is never sent BR_INCREFS/BR_ACQUIRE for its own node.
        n.has_strong_ref = true;
        n.has_weak_ref = true;
        self.manager = Some(id);
        Ok(0)
    }

    /// `BINDER_GET_NODE_DEBUG_INFO`: the first own node with a ptr above the one given, in
    /// ptr order; all zeros past the last.
    fn get_node_debug_info(&mut self, proc: ProcId, arg: u64, env: &mut Env) -> Result<i32, Errno> {
        let info: BinderNodeDebugInfo = env.read(proc, arg)?;
        let p = &self.procs[&proc];
        let mut out = BinderNodeDebugInfo::default();
        if let Some((_, id)) = p.nodes.range(info.ptr.saturating_add(1)..).next() {
            if info.ptr != u64::MAX {
                let n = &self.nodes[id];
                out.ptr = n.ptr;
                out.cookie = n.cookie;
                out.has_strong_ref = n.has_strong_ref as u32;
                out.has_weak_ref = n.has_weak_ref as u32;
            }
        }
        env.write(proc, arg, &out)?;
        Ok(0)
    }

    /// `BINDER_GET_NODE_INFO_FOR_REF`, for the context manager only: the counts of the node a
    /// handle names (`ENOENT` for an unknown handle, as the Rust driver answers).
    fn get_node_info_for_ref(
        &mut self,
        proc: ProcId,
        arg: u64,
        env: &mut Env,
    ) -> Result<i32, Errno> {
        let mut info: BinderNodeInfoForRef = env.read(proc, arg)?;
        if info.strong_count != 0
            || info.weak_count != 0
            || info.reserved1 != 0
            || info.reserved2 != 0
            || info.reserved3 != 0
        {
            tracing::warn!(
                proc = proc.0,
                "BINDER_GET_NODE_INFO_FOR_REF: only handle may be non-zero"
            );
            return Err(Errno::EINVAL);
        }
        if self.manager.is_none_or(|m| self.nodes[&m].owner != proc) {
            return Err(Errno::EPERM);
        }
        let r = self.procs[&proc]
            .refs_by_handle
            .get(&info.handle)
            .ok_or(Errno::ENOENT)?;
        let n = &self.nodes[&r.node];
        info.strong_count = n.internal_strong_refs + n.local_strong_refs;
        // As the Rust driver counts: holders with a weak count, plus local weak counts.
        let weak_holders = n
            .refs
            .iter()
            .filter(|h| {
                let p = &self.procs[h];
                p.refs_by_handle[&p.refs_by_node[&r.node]].weak > 0
            })
            .count() as u32;
        info.weak_count = weak_holders + n.local_weak_refs;
        env.write(proc, arg, &info)?;
        Ok(0)
    }

    /// `poll()` by thread `tid`: whether its read would find work. The thread is marked as a
    /// poller and is reported as [`Wake::Readable`] when work arrives for it.
    pub fn poll(&mut self, proc: ProcId, tid: Tid) -> Outcome<Result<bool, Errno>> {
        let r = match self.procs.get_mut(&proc) {
            None => Err(Errno::EINVAL),
            Some(_) => {
                self.ensure_thread(proc, tid);
                self.thread_mut(proc, tid).looper |= LOOPER_POLL;
                Ok(self.has_work(proc, tid))
            }
        };
        self.outcome(r)
    }

    /// Continues the parked ioctl of `tid` after a [`Wake::Resume`]: a read finishes (or parks
    /// again if its work was taken meanwhile); a draining freeze completes once drained.
    /// [`Completion::Stale`] for a thread that is not parked that way.
    pub fn resume(&mut self, proc: ProcId, tid: Tid, env: &mut Env) -> Outcome<Completion> {
        let c = self.continue_parked(proc, tid, env, false);
        self.outcome(c)
    }

    /// A parked `BINDER_FREEZE` reached its timeout: it completes as the kernel's does then
    /// (`EAGAIN` and unfrozen if transactions are still pending).
    pub fn timeout(&mut self, proc: ProcId, tid: Tid, env: &mut Env) -> Outcome<Completion> {
        let c = self.continue_parked(proc, tid, env, true);
        self.outcome(c)
    }

    fn continue_parked(
        &mut self,
        proc: ProcId,
        tid: Tid,
        env: &mut Env,
        timed_out: bool,
    ) -> Completion {
        let _span = tracing::debug_span!("resume", proc = proc.0, tid).entered();
        let wanted = |p: &Parked| match p {
            Parked::Read { .. } => !timed_out,
            Parked::Freeze { .. } => true,
            _ => false,
        };
        match self.take_park(proc, tid, wanted) {
            Some(Parked::Read { arg, bwr }) => self.read_or_park(proc, tid, arg, bwr, env),
            Some(Parked::Freeze { pid }) => match self.resume_freeze(proc, tid, pid, timed_out) {
                Some(r) => Completion::Done(r),
                None => Completion::Parked,
            },
            _ => Completion::Stale,
        }
    }

    /// Ends `tid`'s park if it is one `wanted` accepts; otherwise leaves it as it is.
    fn take_park(
        &mut self,
        proc: ProcId,
        tid: Tid,
        wanted: impl Fn(&Parked) -> bool,
    ) -> Option<Parked> {
        let parked = self.procs.get(&proc)?.threads.get(&tid)?.parked.as_ref()?;
        if !wanted(parked) {
            return None;
        }
        self.unpark(proc, tid)
    }

    /// The host made the payload copies of a [`Completion::CopyPayload`] (`Ok`), or one of
    /// them faulted (`Err`: the transaction fails with `BR_FAILED_REPLY`); the ioctl goes on.
    pub fn payload_copied(
        &mut self,
        proc: ProcId,
        tid: Tid,
        result: Result<(), super::Fault>,
        env: &mut Env,
    ) -> Outcome<Completion> {
        let c = match self.take_park(proc, tid, |p| matches!(p, Parked::Copy { .. })) {
            Some(Parked::Copy { arg, bwr }) => {
                self.finish_transaction(proc, tid, result.is_ok(), env);
                self.run_write_read(proc, tid, arg, bwr, env)
            }
            _ => {
                // A sender that went away while its payload was copied leaves an orphan.
                self.free_orphan(proc, tid, env);
                Completion::Done(Err(Errno::EINVAL))
            }
        };
        self.outcome(c)
    }

    /// The host installed the files of a [`Completion::InstallFiles`] as `fds` (in order), or
    /// failed to; the read goes on.
    pub fn files_installed(
        &mut self,
        proc: ProcId,
        tid: Tid,
        fds: Result<Vec<u32>, Errno>,
        env: &mut Env,
    ) -> Outcome<Completion> {
        let c = match self.take_park(proc, tid, |p| matches!(p, Parked::Install { .. })) {
            Some(Parked::Install { arg, bwr }) => {
                self.thread_mut(proc, tid).installed_fds = Some(fds);
                self.read_or_park(proc, tid, arg, bwr, env)
            }
            _ => Completion::Done(Err(Errno::EINVAL)),
        };
        self.outcome(c)
    }

    /// Cancels the parked ioctl of `tid` (a signal): it completes with `EINTR`. A read's
    /// `binder_write_read` is written back as the write half left it; a freeze is undone.
    pub fn interrupt(&mut self, proc: ProcId, tid: Tid, env: &mut Env) -> Outcome<Completion> {
        let interruptible = |p: &Parked| matches!(p, Parked::Read { .. } | Parked::Freeze { .. });
        let c = match self.take_park(proc, tid, interruptible) {
            Some(Parked::Read { arg, bwr }) => match env.write(proc, arg, &bwr) {
                Ok(()) => Completion::Done(Err(Errno::EINTR)),
                Err(_) => Completion::Done(Err(Errno::EFAULT)),
            },
            Some(Parked::Freeze { pid }) => {
                self.freezers.retain(|&x| x != (proc, tid));
                self.thread_mut(proc, tid).abandoned_freeze = false;
                for p in self
                    .procs
                    .values_mut()
                    .filter(|p| p.creds.pid as u32 == pid)
                {
                    p.frozen = super::process::Frozen::No;
                }
                Completion::Done(Err(Errno::EINTR))
            }
            _ => Completion::Done(Err(Errno::EINVAL)),
        };
        self.outcome(c)
    }

    /// Whether `tid` is parked in a read.
    pub fn is_parked(&self, proc: ProcId, tid: Tid) -> bool {
        self.procs
            .get(&proc)
            .and_then(|p| p.threads.get(&tid))
            .is_some_and(|t| t.parked.is_some())
    }

    /// The user address of `proc`'s receive buffer, if mapped.
    pub fn mapping_addr(&self, proc: ProcId) -> Option<u64> {
        self.procs.get(&proc)?.mapping.as_ref().map(|m| m.user_addr)
    }

    /// Queues work that wakes `tid`.
    pub(crate) fn push_thread_work(&mut self, proc: ProcId, tid: Tid, w: Work) {
        let p = self.proc_mut(proc);
        let Some(t) = p.threads.get_mut(&tid) else {
            return;
        };
        t.push(w);
        self.wake_thread(proc, tid);
    }

    /// Queues work for `tid` that waits for company (it does not wake the thread).
    pub(crate) fn push_thread_work_deferred(&mut self, proc: ProcId, tid: Tid, w: Work) {
        if let Some(t) = self.proc_mut(proc).threads.get_mut(&tid) {
            t.push_deferred(w);
        }
    }

    /// Queues process work: to the most recently parked looper if there is one, else on the
    /// process queue, waking pollers that could take it. Work for a dead process is dropped.
    pub(crate) fn push_proc_work(&mut self, proc: ProcId, w: Work) {
        let Some(p) = self.procs.get_mut(&proc) else {
            return;
        };
        if let Some(tid) = p.ready_threads.pop_front() {
            self.push_thread_work(proc, tid, w);
            return;
        }
        p.todo.push_back(w);
        let pollers: Vec<Tid> = p
            .threads
            .iter()
            .filter(|(_, t)| t.looper & LOOPER_POLL != 0 && t.available_for_proc_work())
            .map(|(&tid, _)| tid)
            .collect();
        for tid in pollers {
            self.wakes.push(Wake::Readable(proc, tid));
        }
    }

    fn wake_thread(&mut self, proc: ProcId, tid: Tid) {
        let p = self.proc_mut(proc);
        p.ready_threads.retain(|&t| t != tid);
        let t = &p.threads[&tid];
        if matches!(t.parked, Some(Parked::Read { .. })) {
            self.wakes.push(Wake::Resume(proc, tid));
        } else if t.looper & LOOPER_POLL != 0 {
            self.wakes.push(Wake::Readable(proc, tid));
        }
    }

    /// `BINDER_THREAD_EXIT` (and each thread of a dying process): unwinds the thread's
    /// transaction stack — the caller of a transaction it was serving gets `BR_DEAD_REPLY`,
    /// replies to transactions it sent will find no one — and cancels its queued work.
    /// `requeue`: the process lives on, and the thread's process work (node news, death
    /// notices, freeze news) goes back to it for another thread; a process being released
    /// drops it, so that its release wakes none of its own threads.
    pub(crate) fn thread_release(&mut self, proc: ProcId, tid: Tid, requeue: bool, env: &mut Env) {
        self.unpark(proc, tid);
        self.abort_transaction(proc, tid, env);
        let Some(thread) = self.proc_mut(proc).threads.remove(&tid) else {
            return;
        };
        let mut send_reply = None;
        let mut next = thread.transaction_stack;
        let mut first = true;
        while let Some(id) = next {
            let t = self
                .txns
                .get_mut(&id)
                .expect("stack names a freed transaction");
            if t.to_proc == Some(proc) && t.to_thread == Some(tid) {
                if first {
                    send_reply = Some(id);
                }
                t.to_proc = None;
                t.to_thread = None;
                next = t.to_parent;
                self.txn_finished_for(proc);
                // The buffer was delivered and stays userspace's to free.
                self.detach_buffer(id);
            } else if t.from == Some((proc, tid)) {
                t.from = None;
                next = t.from_parent;
            } else {
                unreachable!("transaction {id:?} on the stack of a thread it does not involve");
            }
            first = false;
        }
        if let Some(t) = send_reply {
            self.send_failed_reply(t, BR_DEAD_REPLY, env);
        }
        for w in thread.todo {
            self.release_work(proc, w, requeue, env);
        }
    }

    /// Cancels one queued work item of a thread or process that is going away.
    /// `requeue`: process work goes back to the (still living) process.
    fn release_work(&mut self, proc: ProcId, w: Work, requeue: bool, env: &mut Env) {
        match w {
            Work::Transaction(t) => {
                let tx = &self.txns[&t];
                if tx.node.is_some() && !tx.is_oneway() {
                    self.send_failed_reply(t, BR_DEAD_REPLY, env);
                } else {
                    tracing::debug!(txn = t.0, "undelivered transaction");
                    self.free_transaction(t, env);
                }
            }
            Work::Node(n) => {
                if let Some(node) = self.nodes.get_mut(&n) {
                    node.work_queued = false;
                    if requeue {
                        node.work_queued = true;
                        self.push_proc_work(proc, w);
                    }
                }
            }
            Work::Death(d) => {
                use super::node::DeathWork;
                let p = self.proc_mut(proc);
                match p.deaths.get(&d).map(|d| d.work) {
                    Some(DeathWork::DeadBinder) if requeue => self.push_proc_work(proc, w),
                    Some(DeathWork::DeadBinderAndClear) if requeue => self.push_proc_work(proc, w),
                    Some(DeathWork::Clear) => {
                        p.deaths.remove(&d);
                    }
                    _ => {}
                }
            }
            Work::Freeze(f) => {
                if requeue && self.procs[&proc].freezes.contains_key(&f) {
                    self.push_proc_work(proc, w);
                }
            }
            Work::TransactionComplete
            | Work::OnewaySpamSuspect
            | Work::TransactionPendingFrozen
            | Work::ReturnError
            | Work::ReplyError => {}
        }
    }

    /// `release()`: the process closed the device or died. Its nodes die (holders with a death
    /// registration get `BR_DEAD_BINDER`), transactions waiting on it fail back to their
    /// senders with `BR_DEAD_REPLY`, its refs are dropped and its buffers freed.
    pub fn release(&mut self, proc: ProcId, env: &mut Env) -> Outcome<()> {
        if !self.procs.contains_key(&proc) {
            return self.outcome(());
        }
        let _span = tracing::debug_span!("release", proc = proc.0).entered();
        if self.manager.is_some_and(|m| self.nodes[&m].owner == proc) {
            self.manager = None;
        }
        // The buffers go with the process: nothing that is cancelled below frees them one by
        // one, and what they hold is released wholesale with the nodes and refs.
        let buffers = std::mem::take(&mut self.proc_mut(proc).buffers);
        for b in buffers.values() {
            if let Some(t) = b.txn {
                if let Some(t) = self.txns.get_mut(&t) {
                    t.buffer = None;
                }
            }
            // Files never installed (nor handed to the host to install) go back; installed
            // ones die with the process.
            if !b.files_handed {
                for f in &b.fd_fixups {
                    env.files.put_file(f.file);
                }
            }
        }
        self.proc_mut(proc).mapping = None;
        let tids: Vec<Tid> = self.procs[&proc].threads.keys().copied().collect();
        for tid in tids {
            self.thread_release(proc, tid, false, env);
        }
        let todo = std::mem::take(&mut self.proc_mut(proc).todo);
        for w in todo {
            self.release_work(proc, w, false, env);
        }
        let nodes: Vec<NodeId> = self.procs[&proc].nodes.values().copied().collect();
        for n in nodes {
            self.node_release(n, env);
        }
        while let Some((&h, _)) = self.procs[&proc].refs_by_handle.first_key_value() {
            self.delete_ref(proc, h);
        }
        self.freezers.retain(|&(p, _)| p != proc);
        let p = self.procs.remove(&proc).unwrap();
        if p.frozen == super::process::Frozen::InProgress {
            // A freeze waiting for this process to drain no longer waits for it.
            self.wake_freezers(p.creds.pid as u32);
        }
        tracing::debug!(
            pid = p.creds.pid,
            buffers = buffers.len(),
            deaths = p.deaths.len(),
            "released"
        );
        self.outcome(())
    }
}

//! `binder_thread`: looper state, the todo list, the transaction stack, and the
//! `BINDER_WRITE_READ` loops.

use std::collections::VecDeque;

use super::context::Context;
use super::host::{Env, FileRef};
use super::transaction::{CopyOp, PendingTxn, TxnId};
use super::work::Work;
use super::{Completion, Errno, ProcId, Tid};
use crate::uapi::*;

/// Looper state bits (the Rust driver's values, shown in debug output).
pub(crate) const LOOPER_REGISTERED: u32 = 0x01;
pub(crate) const LOOPER_ENTERED: u32 = 0x02;
pub(crate) const LOOPER_EXITED: u32 = 0x04;
pub(crate) const LOOPER_INVALID: u32 = 0x08;
pub(crate) const LOOPER_WAITING: u32 = 0x10;
pub(crate) const LOOPER_WAITING_PROC: u32 = 0x20;
pub(crate) const LOOPER_POLL: u32 = 0x40;

/// Room a read needs before it dequeues another item: the largest item it may write
/// (`BR_TRANSACTION_SEC_CTX` and its payload).
pub(crate) const READ_ITEM_ROOM: u64 =
    (core::mem::size_of::<BinderTransactionDataSecctx>() + 4) as u64;

/// Why a thread's ioctl has not finished.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Parked {
    /// A `BINDER_WRITE_READ` whose read waits for work. `arg` is where the caller's
    /// `binder_write_read` lives, `bwr` its value after the write half.
    Read { arg: u64, bwr: BinderWriteRead },
    /// A read that reached a transaction carrying files, waiting for the host to install them.
    Install { arg: u64, bwr: BinderWriteRead },
    /// A `BINDER_FREEZE` waiting for the procs of `pid` to drain.
    Freeze { pid: u32 },
    /// A `BINDER_WRITE_READ` whose transaction waits for the host to copy its payload.
    Copy { arg: u64, bwr: BinderWriteRead },
}

/// `binder_thread`.
#[derive(Debug, Default)]
pub(crate) struct Thread {
    pub(crate) looper: u32,
    pub(crate) todo: VecDeque<Work>,
    /// The todo list holds something that should wake the thread (the C `process_todo`): work
    /// queued "deferred", such as a sync call's `BR_TRANSACTION_COMPLETE`, waits for company.
    pub(crate) process_todo: bool,
    /// Top of the stack of sync transactions this thread sent or is serving.
    pub(crate) transaction_stack: Option<TxnId>,
    /// A failed command's result (`BR_OK` when none); while set, the write loop stops.
    pub(crate) return_error: u32,
    /// A reply that failed on its way to this thread (`BR_OK` when none).
    pub(crate) reply_error: u32,
    pub(crate) parked: Option<Parked>,
    /// The read buffer (address, size) this thread's last read wrote successfully.
    pub(crate) good_read_buffer: Option<(u64, u64)>,
    /// The host's answer to the last `Completion::InstallFiles`.
    pub(crate) installed_fds: Option<Result<Vec<u32>, Errno>>,
    /// The freeze this thread waits for was undone by an unfreeze.
    pub(crate) abandoned_freeze: bool,
    /// A transaction prepared and waiting for its payload copies.
    pub(crate) pending: Option<PendingTxn>,
    /// The last transaction's outcome, for `BINDER_GET_EXTENDED_ERROR`.
    pub(crate) extended_error: BinderExtendedError,
}

impl Thread {
    pub(crate) fn new() -> Self {
        Thread {
            return_error: BR_OK,
            reply_error: BR_OK,
            extended_error: BinderExtendedError {
                id: 0,
                command: BR_OK,
                param: 0,
            },
            ..Default::default()
        }
    }

    pub(crate) fn is_looper(&self) -> bool {
        self.looper & (LOOPER_REGISTERED | LOOPER_ENTERED) != 0
    }

    /// May take process work: a looper with nothing of its own to do and no transaction in
    /// progress. Non-looper threads never take process work (the Rust driver's rule).
    pub(crate) fn available_for_proc_work(&self) -> bool {
        self.is_looper() && self.transaction_stack.is_none() && self.todo.is_empty()
    }

    pub(crate) fn push(&mut self, w: Work) {
        self.todo.push_back(w);
        self.process_todo = true;
    }

    pub(crate) fn push_deferred(&mut self, w: Work) {
        self.todo.push_back(w);
    }

    fn pop(&mut self) -> Option<Work> {
        let w = self.todo.pop_front();
        if self.todo.is_empty() {
            self.process_todo = false;
        }
        w
    }
}

/// Writes the BR stream of one read into user memory, tracking the room left.
/// Builds the BR stream of one read; it reaches user memory in one copy at the end.
pub(crate) struct ReadWriter {
    proc: ProcId,
    addr: u64,
    size: u64,
    buf: Vec<u8>,
    /// Where the items start (after the `BR_NOOP` placeholder, if written).
    start: usize,
    /// Codes written, counted into the stats once the read succeeds.
    codes: Vec<u32>,
    /// The transaction this read delivers, to undo if the stream cannot be copied out.
    pub(crate) delivered: Option<Delivered>,
}

/// A transaction or reply handed to userspace by the read being built.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Delivered {
    pub(crate) txn: TxnId,
    /// Its buffer, in the reading process.
    pub(crate) offset: usize,
    /// A sync call now on the reader's stack (else the transaction is already gone).
    pub(crate) sync_call: bool,
}

impl ReadWriter {
    fn room(&self) -> u64 {
        self.size - self.buf.len() as u64
    }

    /// Whether an item was written in this read.
    pub(crate) fn written(&self) -> bool {
        self.buf.len() > self.start
    }

    /// Appends `v`. The read loop takes an item only with room for the largest one, so this
    /// cannot overflow the caller's buffer.
    pub(crate) fn put<T: Pod>(&mut self, _env: &mut Env, v: &T) -> Result<(), Errno> {
        assert!(self.room() >= core::mem::size_of::<T>() as u64);
        self.buf.extend_from_slice(v.as_bytes());
        Ok(())
    }

    pub(crate) fn code(&mut self, env: &mut Env, code: u32) -> Result<(), Errno> {
        self.put(env, &code)?;
        self.codes.push(code);
        Ok(())
    }

    /// The stream and the codes in it, to reuse.
    fn into_parts(self) -> (Vec<u8>, Vec<u32>) {
        (self.buf, self.codes)
    }

    /// Copies the stream to the caller's buffer.
    fn flush(&self, env: &mut Env) -> Result<(), Errno> {
        env.user.copy_to_user(self.proc, self.addr, &self.buf)?;
        Ok(())
    }
}

/// Whether the read loop goes on after an item.
#[derive(Clone, PartialEq, Eq)]
pub(crate) enum Next {
    More,
    Stop,
    /// The next item carries files: the read is suspended until the host installs them.
    Install(Vec<FileRef>),
}

/// How a read ended.
enum Read {
    Done,
    /// Nothing to deliver: the thread waits.
    Wait,
    /// Suspended for the host to install files (nothing but the leading `BR_NOOP` written).
    Install(Vec<FileRef>),
}

impl Context {
    /// `BINDER_WRITE_READ`.
    pub(crate) fn write_read(
        &mut self,
        proc: ProcId,
        tid: Tid,
        arg: u64,
        env: &mut Env,
    ) -> Completion {
        match env.read(proc, arg) {
            Ok(bwr) => self.run_write_read(proc, tid, arg, bwr, env),
            Err(_) => Completion::Done(Err(Errno::EFAULT)),
        }
    }

    /// `BINDER_WRITE_READ` from where `bwr` says it got to: the rest of the write half, then
    /// the read. A transaction whose payload must be copied suspends it
    /// (`Completion::CopyPayload`); the host's `payload_copied` continues it.
    pub(crate) fn run_write_read(
        &mut self,
        proc: ProcId,
        tid: Tid,
        arg: u64,
        mut bwr: BinderWriteRead,
        env: &mut Env,
    ) -> Completion {
        if bwr.write_size > 0 {
            match self.thread_write(proc, tid, &mut bwr, env) {
                Ok(None) => {}
                Ok(Some(copies)) => {
                    self.thread_mut(proc, tid).parked = Some(Parked::Copy { arg, bwr });
                    return Completion::CopyPayload(copies);
                }
                Err(e) => {
                    bwr.read_consumed = 0;
                    return Completion::Done(match env.write(proc, arg, &bwr) {
                        Ok(()) => Err(e),
                        Err(_) => Err(Errno::EFAULT),
                    });
                }
            }
        }
        if bwr.read_size > 0 {
            return self.read_or_park(proc, tid, arg, bwr, env);
        }
        Completion::Done(env.write(proc, arg, &bwr).map(|_| 0).map_err(Errno::from))
    }

    /// The read half: delivers work, or parks the thread when there is none.
    pub(crate) fn read_or_park(
        &mut self,
        proc: ProcId,
        tid: Tid,
        arg: u64,
        mut bwr: BinderWriteRead,
        env: &mut Env,
    ) -> Completion {
        let result = match self.thread_read(proc, tid, &mut bwr, env) {
            Ok(Read::Done) => Ok(()),
            Ok(Read::Wait) => {
                if self.procs[&proc].nonblocking {
                    Err(Errno::EAGAIN)
                } else {
                    self.park_read(proc, tid, arg, bwr);
                    return Completion::Parked;
                }
            }
            Ok(Read::Install(files)) => {
                self.thread_mut(proc, tid).parked = Some(Parked::Install { arg, bwr });
                return Completion::InstallFiles(files);
            }
            Err(e) => Err(e),
        };
        let copied = env.write(proc, arg, &bwr);
        Completion::Done(match (result, copied) {
            (Err(e), _) => Err(e),
            (Ok(()), Err(_)) => Err(Errno::EFAULT),
            (Ok(()), Ok(())) => Ok(0),
        })
    }

    pub(crate) fn park_read(&mut self, proc: ProcId, tid: Tid, arg: u64, bwr: BinderWriteRead) {
        let p = self.proc_mut(proc);
        let t = p.threads.get_mut(&tid).unwrap();
        let for_proc = t.available_for_proc_work();
        t.parked = Some(Parked::Read { arg, bwr });
        t.looper |= LOOPER_WAITING;
        if for_proc {
            t.looper |= LOOPER_WAITING_PROC;
            p.ready_threads.push_front(tid);
        }
    }

    /// Ends a park (the thread is resumed or gone).
    pub(crate) fn unpark(&mut self, proc: ProcId, tid: Tid) -> Option<Parked> {
        let p = self.proc_mut(proc);
        p.ready_threads.retain(|&t| t != tid);
        let t = p.threads.get_mut(&tid)?;
        t.looper &= !(LOOPER_WAITING | LOOPER_WAITING_PROC);
        t.parked.take()
    }

    /// Whether a read by this thread would find something to deliver.
    pub(crate) fn has_work(&self, proc: ProcId, tid: Tid) -> bool {
        let p = &self.procs[&proc];
        let t = &p.threads[&tid];
        t.process_todo || (t.available_for_proc_work() && !p.todo.is_empty())
    }

    /// `binder_thread_write`: runs commands until the buffer ends or a command fails. Soft
    /// errors are logged; `EFAULT`/`EINVAL` abort the ioctl.
    fn thread_write(
        &mut self,
        proc: ProcId,
        tid: Tid,
        bwr: &mut BinderWriteRead,
        env: &mut Env,
    ) -> Result<Option<Vec<CopyOp>>, Errno> {
        let end = bwr.write_size;
        let scratch = std::mem::take(&mut self.write_scratch);
        let mut cmds = CmdReader::new(proc, bwr, env, scratch);
        let mut result = Ok(None);
        while bwr.write_consumed < end
            && end - bwr.write_consumed >= 4
            && self.procs[&proc].threads[&tid].return_error == BR_OK
        {
            cmds.pos = bwr.write_consumed;
            result = cmds
                .read(env)
                .and_then(|cmd| self.command(proc, tid, cmd, &mut cmds, env));
            if !matches!(result, Ok(None)) {
                break;
            }
            bwr.write_consumed = cmds.pos;
        }
        if let Ok(Some(_)) = result {
            bwr.write_consumed = cmds.pos;
        }
        self.write_scratch = cmds.into_scratch();
        result
    }

    fn command(
        &mut self,
        proc: ProcId,
        tid: Tid,
        cmd: u32,
        cmds: &mut CmdReader,
        env: &mut Env,
    ) -> Result<Option<Vec<CopyOp>>, Errno> {
        let _span = tracing::trace_span!("bc", proc = proc.0, tid, cmd).entered();
        self.stats.bc(cmd);
        self.proc_mut(proc).stats.bc(cmd);
        match cmd {
            BC_TRANSACTION | BC_REPLY => {
                let tr: BinderTransactionData = cmds.read(env)?;
                return Ok(self.transaction(proc, tid, &tr, 0, cmd == BC_REPLY, env));
            }
            BC_TRANSACTION_SG | BC_REPLY_SG => {
                let sg: BinderTransactionDataSg = cmds.read(env)?;
                let reply = cmd == BC_REPLY_SG;
                let tr = &sg.transaction_data;
                return Ok(self.transaction(proc, tid, tr, sg.buffers_size, reply, env));
            }
            BC_FREE_BUFFER => {
                let addr: u64 = cmds.read(env)?;
                self.user_free_buffer(proc, addr, env);
            }
            BC_INCREFS | BC_ACQUIRE | BC_RELEASE | BC_DECREFS => {
                let handle: u32 = cmds.read(env)?;
                let inc = matches!(cmd, BC_INCREFS | BC_ACQUIRE);
                let strong = matches!(cmd, BC_ACQUIRE | BC_RELEASE);
                self.update_ref(proc, handle, inc, strong)?;
            }
            BC_INCREFS_DONE | BC_ACQUIRE_DONE => {
                let pc: BinderPtrCookie = cmds.read(env)?;
                self.inc_refs_done(proc, pc.ptr, pc.cookie, cmd == BC_ACQUIRE_DONE);
            }
            BC_REGISTER_LOOPER => {
                let p = self.proc_mut(proc);
                let t = p.threads.get_mut(&tid).unwrap();
                if t.looper & LOOPER_ENTERED != 0 {
                    t.looper |= LOOPER_INVALID;
                    tracing::warn!(
                        proc = proc.0,
                        tid,
                        "BC_REGISTER_LOOPER after BC_ENTER_LOOPER"
                    );
                } else if p.requested_threads == 0 {
                    t.looper |= LOOPER_INVALID;
                    tracing::warn!(
                        proc = proc.0,
                        tid,
                        "BC_REGISTER_LOOPER called without request"
                    );
                } else {
                    p.requested_threads -= 1;
                    p.requested_threads_started += 1;
                }
                p.threads.get_mut(&tid).unwrap().looper |= LOOPER_REGISTERED;
            }
            BC_ENTER_LOOPER => {
                let t = self.proc_mut(proc).threads.get_mut(&tid).unwrap();
                if t.looper & LOOPER_REGISTERED != 0 {
                    t.looper |= LOOPER_INVALID;
                    tracing::warn!(
                        proc = proc.0,
                        tid,
                        "BC_ENTER_LOOPER after BC_REGISTER_LOOPER"
                    );
                }
                t.looper |= LOOPER_ENTERED;
            }
            BC_EXIT_LOOPER => {
                self.proc_mut(proc).threads.get_mut(&tid).unwrap().looper |= LOOPER_EXITED;
            }
            BC_REQUEST_DEATH_NOTIFICATION | BC_CLEAR_DEATH_NOTIFICATION => {
                let hc: BinderHandleCookie = cmds.read(env)?;
                let (handle, cookie) = (hc.handle, hc.cookie);
                if cmd == BC_REQUEST_DEATH_NOTIFICATION {
                    self.request_death(proc, handle, cookie);
                } else {
                    self.clear_death(proc, tid, handle, cookie);
                }
            }
            BC_DEAD_BINDER_DONE => {
                let cookie: u64 = cmds.read(env)?;
                self.dead_binder_done(proc, tid, cookie);
            }
            BC_REQUEST_FREEZE_NOTIFICATION | BC_CLEAR_FREEZE_NOTIFICATION => {
                let hc: BinderHandleCookie = cmds.read(env)?;
                let (handle, cookie) = (hc.handle, hc.cookie);
                if cmd == BC_REQUEST_FREEZE_NOTIFICATION {
                    self.request_freeze(proc, handle, cookie)?;
                } else {
                    self.clear_freeze(proc, handle, cookie)?;
                }
            }
            BC_FREEZE_NOTIFICATION_DONE => {
                let cookie: u64 = cmds.read(env)?;
                self.freeze_notification_done(proc, cookie)?;
            }
            _ => {
                tracing::warn!(
                    proc = proc.0,
                    tid,
                    cmd = format_args!("{cmd:#x}"),
                    "unknown command"
                );
                return Err(Errno::EINVAL);
            }
        }
        Ok(None)
    }

    /// `binder_thread_read`. On anything but `Read::Done`, `bwr.read_consumed` is unchanged.
    fn thread_read(
        &mut self,
        proc: ProcId,
        tid: Tid,
        bwr: &mut BinderWriteRead,
        env: &mut Env,
    ) -> Result<Read, Errno> {
        let Some(size) = bwr.read_size.checked_sub(bwr.read_consumed) else {
            return Err(Errno::EFAULT);
        };
        let placeholder = bwr.read_consumed == 0;
        if placeholder && size < 4 {
            return Err(Errno::EFAULT);
        }
        let mut w = ReadWriter {
            proc,
            addr: bwr.read_buffer.wrapping_add(bwr.read_consumed),
            size,
            buf: std::mem::take(&mut self.read_scratch),
            start: 0,
            codes: std::mem::take(&mut self.codes_scratch),
            delivered: None,
        };
        let r = self.read_into(proc, tid, bwr, placeholder, &mut w, env);
        // The buffers serve the next read, however this one ended (a read that waits is
        // the common case for a server): no allocation per read.
        let (mut buf, mut codes) = w.into_parts();
        buf.clear();
        codes.clear();
        self.read_scratch = buf;
        self.codes_scratch = codes;
        r
    }

    fn read_into(
        &mut self,
        proc: ProcId,
        tid: Tid,
        bwr: &mut BinderWriteRead,
        placeholder: bool,
        w: &mut ReadWriter,
        env: &mut Env,
    ) -> Result<Read, Errno> {
        if placeholder {
            w.put(env, &BR_NOOP)?;
            // Written at once, as the kernel does before it takes any work or waits: a bad
            // buffer fails the read with nothing lost. A buffer this thread's last read
            // wrote to is taken as good, which saves a copy per read.
            let known = self.procs[&proc].threads[&tid].good_read_buffer;
            if known != Some((bwr.read_buffer, bwr.read_size)) {
                w.flush(env)?;
                self.thread_mut(proc, tid).good_read_buffer =
                    Some((bwr.read_buffer, bwr.read_size));
            }
        }
        w.start = w.buf.len();
        // A read with no room for an item returns at once, as in the Rust driver, which only
        // waits when it could deliver what it waits for.
        if w.room() >= READ_ITEM_ROOM && !self.has_work(proc, tid) {
            return Ok(Read::Wait);
        }
        let start = w.buf.len();
        let for_proc = self.procs[&proc].threads[&tid].available_for_proc_work();
        let mut drained = false;
        while w.room() >= READ_ITEM_ROOM {
            let p = &self.procs[&proc];
            let own = !p.threads[&tid].todo.is_empty();
            let next = if own {
                p.threads[&tid].todo.front()
            } else if for_proc {
                p.todo.front()
            } else {
                None
            };
            let Some(&next) = next else {
                drained = true;
                break;
            };
            // Files are installed before anything is written: a transaction carrying them
            // waits, where it is, for the next read.
            if w.written() && self.carries_files(next) {
                break;
            }
            let p = self.proc_mut(proc);
            let work = if own {
                p.threads.get_mut(&tid).unwrap().pop()
            } else {
                p.todo.pop_front()
            };
            let Some(work) = work else { break };
            match self.deliver(proc, tid, work, w, env) {
                Ok(Next::More) => {}
                Ok(Next::Stop) => break,
                Ok(Next::Install(files)) => return Ok(Read::Install(files)),
                // What was written is not reported: read_consumed stays as it was.
                Err(e) => return Err(e),
            }
        }
        if w.buf.len() == start && drained {
            // Everything dequeued turned out to be stale: wait again.
            return Ok(Read::Wait);
        }
        let p = self.proc_mut(proc);
        let spawn = placeholder && p.threads[&tid].is_looper() && p.needs_thread();
        if spawn {
            w.buf[..4].copy_from_slice(&BR_SPAWN_LOOPER.to_ne_bytes());
            w.codes.push(BR_SPAWN_LOOPER);
        }
        if let Err(e) = w.flush(env) {
            if let Some(d) = w.delivered {
                self.undo_delivery(proc, tid, d, env);
            }
            return Err(e);
        }
        if spawn {
            self.proc_mut(proc).requested_threads += 1;
        }
        bwr.read_consumed += w.buf.len() as u64;
        if placeholder {
            self.thread_mut(proc, tid).good_read_buffer = Some((bwr.read_buffer, bwr.read_size));
        }
        let pstats = &mut self.procs.get_mut(&proc).unwrap().stats;
        for &code in &w.codes {
            self.stats.br(code);
            pstats.br(code);
        }
        Ok(Read::Done)
    }

    /// Writes one work item to the read buffer.
    fn deliver(
        &mut self,
        proc: ProcId,
        tid: Tid,
        work: Work,
        w: &mut ReadWriter,
        env: &mut Env,
    ) -> Result<Next, Errno> {
        match work {
            Work::Transaction(t) => return self.deliver_transaction(proc, tid, t, w, env),
            Work::TransactionComplete => w.code(env, BR_TRANSACTION_COMPLETE)?,
            Work::OnewaySpamSuspect => {
                let code = if self.procs[&proc].oneway_spam_detection {
                    BR_ONEWAY_SPAM_SUSPECT
                } else {
                    BR_TRANSACTION_COMPLETE
                };
                w.code(env, code)?;
            }
            Work::TransactionPendingFrozen => w.code(env, BR_TRANSACTION_PENDING_FROZEN)?,
            Work::ReturnError | Work::ReplyError => {
                let t = self.proc_mut(proc).threads.get_mut(&tid).unwrap();
                let slot = if work == Work::ReturnError {
                    &mut t.return_error
                } else {
                    &mut t.reply_error
                };
                let code = core::mem::replace(slot, BR_OK);
                w.code(env, code)?;
            }
            Work::Node(n) => {
                for (code, pc) in self.node_work(n) {
                    w.code(env, code)?;
                    w.put(env, &pc)?;
                }
            }
            Work::Death(d) => return self.deliver_death(proc, d, w, env),
            Work::Freeze(f) => return self.deliver_freeze(proc, f, w, env),
        }
        Ok(Next::More)
    }

    fn deliver_death(
        &mut self,
        proc: ProcId,
        d: super::node::DeathId,
        w: &mut ReadWriter,
        env: &mut Env,
    ) -> Result<Next, Errno> {
        use super::node::DeathWork;
        let p = self.proc_mut(proc);
        let Some(death) = p.deaths.get(&d) else {
            return Ok(Next::More);
        };
        let cookie = death.cookie;
        match death.work {
            DeathWork::Clear => {
                p.deaths.remove(&d);
                w.code(env, BR_CLEAR_DEATH_NOTIFICATION_DONE)?;
                w.put(env, &cookie)?;
                Ok(Next::More)
            }
            DeathWork::DeadBinder | DeathWork::DeadBinderAndClear => {
                p.delivered_deaths.push(d);
                w.code(env, BR_DEAD_BINDER)?;
                w.put(env, &cookie)?;
                // Death notifications can cause transactions: one per read.
                Ok(Next::Stop)
            }
            DeathWork::Idle => Ok(Next::More),
        }
    }
}

/// Reads commands and their payloads from the write buffer, never past `write_size`.
pub(crate) struct CmdReader {
    proc: ProcId,
    addr: u64,
    pos: u64,
    end: u64,
    /// Where the commands in `buf` start, when the stream was read in one copy.
    cached_from: Option<u64>,
    /// The stream from `cached_from` on; kept for the next ioctl in any case.
    buf: Vec<u8>,
}

impl CmdReader {
    /// The most of a write buffer read in one copy.
    const PREFETCH: u64 = 64 << 10;

    /// `scratch` is a buffer to reuse for the stream.
    fn new(proc: ProcId, bwr: &BinderWriteRead, env: &mut Env, mut scratch: Vec<u8>) -> CmdReader {
        let (pos, end) = (bwr.write_consumed, bwr.write_size);
        // One copy for the whole stream; if part of it faults, command by command, so that
        // what precedes the fault is still processed, as the kernel does.
        scratch.clear();
        let cached_from = (pos < end && end - pos <= Self::PREFETCH)
            .then(|| {
                scratch.resize((end - pos) as usize, 0);
                env.user
                    .copy_from_user(proc, bwr.write_buffer.wrapping_add(pos), &mut scratch)
                    .ok()
                    .map(|_| pos)
            })
            .flatten();
        CmdReader {
            proc,
            addr: bwr.write_buffer,
            pos,
            end,
            cached_from,
            buf: scratch,
        }
    }

    /// The buffer, to reuse.
    fn into_scratch(self) -> Vec<u8> {
        self.buf
    }

    fn read<T: Pod + Default>(&mut self, env: &mut Env) -> Result<T, Errno> {
        let len = core::mem::size_of::<T>() as u64;
        if self.end - self.pos < len {
            return Err(Errno::EFAULT);
        }
        let v = match self.cached_from {
            Some(base) => {
                let at = (self.pos - base) as usize;
                T::from_bytes(&self.buf[at..at + len as usize]).expect("in bounds")
            }
            None => env.read(self.proc, self.addr.wrapping_add(self.pos))?,
        };
        self.pos += len;
        Ok(v)
    }
}

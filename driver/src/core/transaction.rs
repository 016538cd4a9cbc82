//! `binder_transaction`: `BC_TRANSACTION`/`BC_REPLY`, the one copy, object translation,
//! routing, delivery and buffer release.
//!
//! A transaction's payload is copied once, from the sender's address space straight into a
//! buffer reserved in the target's receive area: raw bytes between objects are copied verbatim;
//! each object is read from the sender, translated (a node becomes a handle in the target, a
//! handle becomes the target's own node or its own handle), and the translated object written.

use super::alloc::align8;
use super::context::Context;
use super::debug::{CallType, LogEntry};
use super::host::Env;
use super::host::FileRef;
use super::node::NodeId;
use super::process::{Buffer, FdFixup, Frozen, Held};
use super::stats::Obj;
use super::thread::{Delivered, Next, ReadWriter};
use super::work::Work;
use super::{Errno, ProcId, Tid};
use crate::uapi::*;

/// Identifies a transaction (its debug id).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct TxnId(pub(crate) u64);

/// `binder_transaction`: a transaction or reply between its send and its end (delivery for
/// oneways and replies; the reply for sync calls).
#[derive(Debug)]
pub(crate) struct Transaction {
    /// The thread waiting for the reply (sync calls only); cleared if that thread goes.
    pub(crate) from: Option<(ProcId, Tid)>,
    pub(crate) sender_pid: i32,
    pub(crate) sender_euid: u32,
    /// Where it is going or being served; cleared when the serving thread goes.
    pub(crate) to_proc: Option<ProcId>,
    pub(crate) to_thread: Option<Tid>,
    /// The target node (`None` for replies).
    pub(crate) node: Option<NodeId>,
    pub(crate) code: u32,
    pub(crate) flags: u32,
    /// The buffer holding the payload, in `to_proc`'s receive area.
    pub(crate) buffer: Option<(ProcId, usize)>,
    /// The sender's previous stack top.
    pub(crate) from_parent: Option<TxnId>,
    /// The serving thread's previous stack top.
    pub(crate) to_parent: Option<TxnId>,
    pub(crate) is_reply: bool,
    /// Where in the buffer the sender's security label lies, for `BR_TRANSACTION_SEC_CTX`.
    pub(crate) secctx: Option<usize>,
}

impl Transaction {
    pub(crate) fn is_oneway(&self) -> bool {
        !self.is_reply && self.flags & TF_ONE_WAY != 0
    }
}

/// One payload copy the host makes without the core's lock: `len` bytes from `addr` in
/// `from`'s address space to `offset` in `to`'s receive buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CopyOp {
    pub from: ProcId,
    pub addr: u64,
    pub to: ProcId,
    pub offset: usize,
    pub len: usize,
}

/// The copies a transaction still needs.
#[derive(Debug, Default)]
pub(crate) struct Copies {
    ops: Vec<CopyOp>,
}

impl Copies {
    fn add(&mut self, from: ProcId, addr: u64, to: ProcId, offset: usize, len: usize) {
        if len > 0 {
            self.ops.push(CopyOp {
                from,
                addr,
                to,
                offset,
                len,
            });
        }
    }
}

/// A transaction prepared under the lock and waiting for its payload copies.
#[derive(Debug)]
pub(crate) struct PendingTxn {
    id: TxnId,
    entry: LogEntry,
    reply: bool,
    oneway: bool,
    target: ProcId,
    target_thread: Option<Tid>,
    node: Option<NodeId>,
    in_reply_to: Option<TxnId>,
    offset: usize,
    code: u32,
    flags: u32,
    secctx: Option<usize>,
    spam: bool,
    copies: Copies,
    /// The transaction's span (disabled, and free, without a subscriber).
    span: tracing::Span,
}

/// Records where a transaction went in its span and says how it ended.
fn ended(span: &tracing::Span, entry: &LogEntry, outcome: &'static str) {
    if span.is_disabled() {
        return;
    }
    span.record(
        "to",
        tracing::field::display(format_args!("{}:{}", entry.to_pid, entry.to_tid)),
    );
    span.record("node", entry.to_node);
    tracing::debug!(
        outcome,
        br = format_args!("{:#x}", entry.return_error),
        reason = entry.reason,
        "transaction ended"
    );
}

/// Why a transaction failed: the code its sender reads, the extended-error parameter (a
/// negative errno, or 0 where the kernel records none), and for a reply the transaction whose
/// caller must learn of it.
#[derive(Debug)]
struct Failure {
    br: u32,
    param: i32,
    in_reply_to: Option<TxnId>,
    /// What went wrong, for the log and the failed-transaction log.
    reason: &'static str,
}

fn fail(br: u32, errno: Errno, reason: &'static str) -> Failure {
    Failure {
        br,
        param: -errno.0,
        in_reply_to: None,
        reason,
    }
}

/// A failure the kernel reports with no errno (a target that died under the call).
fn dead(br: u32, reason: &'static str) -> Failure {
    Failure {
        br,
        param: 0,
        in_reply_to: None,
        reason,
    }
}

/// Size of each object type in the data, or `None` for an unknown type.
fn efault(_: super::Fault) -> Failure {
    fail(
        BR_FAILED_REPLY,
        Errno::EFAULT,
        "copy from the sender faulted",
    )
}

/// Where the sections of a transaction buffer lie: data, offsets, scatter-gather buffers,
/// then the security label, each 8-byte aligned; at least 8 bytes in all.
struct Layout {
    data_size: u64,
    offsets_size: u64,
    /// Offset of the offsets array (`ALIGN(data_size, 8)`).
    offsets: usize,
    sg_start: usize,
    sg_end: usize,
    secctx: usize,
    total: usize,
}

impl Layout {
    fn new(
        tr: &BinderTransactionData,
        buffers_size: u64,
        secctx_len: usize,
    ) -> Result<Layout, Failure> {
        let einval = || fail(BR_FAILED_REPLY, Errno::EINVAL, "size overflow");
        if tr.offsets_size % 8 != 0 {
            return Err(fail(
                BR_FAILED_REPLY,
                Errno::EINVAL,
                "got transaction with invalid offsets size",
            ));
        }
        if buffers_size % 8 != 0 {
            return Err(fail(
                BR_FAILED_REPLY,
                Errno::EINVAL,
                "got transaction with unaligned buffers size",
            ));
        }
        let secctx_len = align8(secctx_len as u64).ok_or_else(einval)?;
        let offsets = align8(tr.data_size).ok_or_else(einval)?;
        let sg_start = offsets.checked_add(tr.offsets_size).ok_or_else(einval)?;
        let sg_end = sg_start.checked_add(buffers_size).ok_or_else(einval)?;
        let total = sg_end.checked_add(secctx_len).ok_or_else(einval)?;
        let us = |v: u64| usize::try_from(v).map_err(|_| einval());
        Ok(Layout {
            data_size: tr.data_size,
            offsets_size: tr.offsets_size,
            offsets: us(offsets)?,
            sg_start: us(sg_start)?,
            sg_end: us(sg_end)?,
            secctx: us(sg_end)?,
            total: us(total.max(8))?,
        })
    }
}

/// A pointer (or fd array) to write into a scatter-gather buffer's copy instead of the bytes
/// the sender had there.
struct PtrFixup {
    /// Buffer offset of the fixup.
    target_offset: usize,
    len: usize,
    /// The pointer to write; `None` leaves the bytes for the fds written at read time.
    value: Option<u64>,
}

/// One `BINDER_TYPE_PTR` buffer: copied from the sender after all objects are translated, so
/// its embedded pointers are fixed up in the same pass and never visible untranslated.
struct SgEntry {
    /// Index of the object in the offsets array.
    obj_index: usize,
    /// Where its copy lies in the transaction buffer.
    offset: usize,
    sender: u64,
    length: usize,
    fixups: Vec<PtrFixup>,
    /// Later fixups in this buffer must lie at or after this offset.
    fixup_min_offset: usize,
}

struct ParentFixup {
    sg_index: usize,
    num_ancestors: usize,
    new_min_offset: usize,
    target_offset: usize,
}

/// Scatter-gather state of one transaction (the Rust driver's `ScatterGatherState`): the
/// buffers seen so far and the chain of ancestors a fixup may still target — the last buffer
/// and the parents it was fixed into.
struct SgState {
    entries: Vec<SgEntry>,
    ancestors: Vec<usize>,
    next: usize,
    end: usize,
}

impl SgState {
    fn validate_parent_fixup(
        &self,
        parent: usize,
        parent_offset: usize,
        length: usize,
    ) -> Result<ParentFixup, Failure> {
        let einval = || fail(BR_FAILED_REPLY, Errno::EINVAL, "size overflow");
        let Some(ai) = self
            .ancestors
            .iter()
            .rposition(|&i| self.entries[i].obj_index == parent)
        else {
            return Err(fail(
                BR_FAILED_REPLY,
                Errno::EINVAL,
                "got transaction with invalid parent or out-of-order fixup",
            ));
        };
        let sg_index = self.ancestors[ai];
        let e = &self.entries[sg_index];
        if e.fixup_min_offset > parent_offset {
            return Err(fail(
                BR_FAILED_REPLY,
                Errno::EINVAL,
                "got transaction with out-of-order buffer fixup",
            ));
        }
        let new_min_offset = parent_offset.checked_add(length).ok_or_else(einval)?;
        if new_min_offset > e.length {
            return Err(fail(
                BR_FAILED_REPLY,
                Errno::EINVAL,
                "got transaction with invalid parent offset",
            ));
        }
        Ok(ParentFixup {
            sg_index,
            num_ancestors: ai + 1,
            new_min_offset,
            target_offset: e.offset + parent_offset,
        })
    }

    /// A `BINDER_TYPE_PTR`: claims its room in the scatter-gather area and, with a parent,
    /// records the pointer to patch into the parent's copy. Returns the translated object.
    fn add_ptr(
        &mut self,
        index: usize,
        bbo: &BinderBufferObject,
        base: u64,
        buffer: usize,
    ) -> Result<BinderBufferObject, Failure> {
        let einval = || fail(BR_FAILED_REPLY, Errno::EINVAL, "size overflow");
        let length = usize::try_from(bbo.length).map_err(|_| einval())?;
        let room = align8(bbo.length)
            .and_then(|l| usize::try_from(l).ok())
            .ok_or_else(einval)?;
        if room > self.end - self.next {
            return Err(fail(
                BR_FAILED_REPLY,
                Errno::EINVAL,
                "got transaction with too large buffer",
            ));
        }
        let offset = buffer + self.next;
        self.next += room;
        let addr = base + (offset - buffer) as u64;
        let idx = self.entries.len();
        self.entries.push(SgEntry {
            obj_index: index,
            offset,
            sender: bbo.buffer,
            length,
            fixups: Vec::new(),
            fixup_min_offset: 0,
        });
        if bbo.flags & BINDER_BUFFER_FLAG_HAS_PARENT == 0 {
            self.ancestors.clear();
        } else {
            let parent = usize::try_from(bbo.parent).map_err(|_| einval())?;
            let parent_offset = usize::try_from(bbo.parent_offset).map_err(|_| einval())?;
            let fix = self.validate_parent_fixup(parent, parent_offset, 8)?;
            self.ancestors.truncate(fix.num_ancestors);
            let p = &mut self.entries[fix.sg_index];
            p.fixup_min_offset = fix.new_min_offset;
            p.fixups.push(PtrFixup {
                target_offset: fix.target_offset,
                len: 8,
                value: Some(addr),
            });
        }
        self.ancestors.push(idx);
        Ok(BinderBufferObject {
            hdr: BinderObjectHeader {
                type_: BINDER_TYPE_PTR,
            },
            flags: bbo.flags,
            buffer: addr,
            length: bbo.length,
            parent: bbo.parent,
            parent_offset: bbo.parent_offset,
        })
    }

    /// Copies every buffer from the sender, writing the fixed-up pointers in passing and
    /// leaving fd-array slots for the read.
    fn copy(&self, proc: ProcId, target: ProcId, copies: &mut Copies, env: &mut Env) {
        for e in &self.entries {
            let mut pos = e.offset;
            for f in &e.fixups {
                assert!(f.target_offset >= pos && f.target_offset + f.len <= e.offset + e.length);
                let from = e.sender.wrapping_add((pos - e.offset) as u64);
                copies.add(proc, from, target, pos, f.target_offset - pos);
                if let Some(v) = f.value {
                    env.rx
                        .buffer_mut(target, f.target_offset, 8)
                        .copy_from_slice(&v.to_ne_bytes());
                }
                pos = f.target_offset + f.len;
            }
            let from = e.sender.wrapping_add((pos - e.offset) as u64);
            copies.add(proc, from, target, pos, e.offset + e.length - pos);
        }
    }
}

/// The `binder_extended_error` a transaction leaves on its thread.
pub(crate) fn extended_error(id: TxnId, command: u32, param: i32) -> BinderExtendedError {
    BinderExtendedError {
        id: id.0 as u32,
        command,
        param,
    }
}

fn object_size(ty: u32) -> Option<u64> {
    match ty {
        BINDER_TYPE_BINDER
        | BINDER_TYPE_WEAK_BINDER
        | BINDER_TYPE_HANDLE
        | BINDER_TYPE_WEAK_HANDLE => Some(core::mem::size_of::<FlatBinderObject>() as u64),
        BINDER_TYPE_FD => Some(core::mem::size_of::<BinderFdObject>() as u64),
        BINDER_TYPE_FDA => Some(core::mem::size_of::<BinderFdArrayObject>() as u64),
        BINDER_TYPE_PTR => Some(core::mem::size_of::<BinderBufferObject>() as u64),
        _ => None,
    }
}

impl Context {
    /// `BC_TRANSACTION` / `BC_REPLY` (and their `_SG` forms). Never fails the ioctl:
    /// failures reach the sender (and for replies the caller) as return codes.
    ///
    /// Returns the payload copies still to make: the transaction then waits in the thread
    /// until the host has made them and calls [`Context::finish_transaction`].
    pub(crate) fn transaction(
        &mut self,
        proc: ProcId,
        tid: Tid,
        tr: &BinderTransactionData,
        buffers_size: u64,
        reply: bool,
        env: &mut Env,
    ) -> Option<Vec<CopyOp>> {
        let id = TxnId(self.next_id());
        // One span for the transaction's whole life (it is entered again when its payload
        // copies end); where it went and how it ended are recorded at its end.
        let span = tracing::debug_span!(
            "transaction",
            id = id.0,
            reply,
            from = %format_args!("{}:{tid}", self.procs[&proc].creds.pid),
            handle = tr.target_handle(),
            code = format_args!("{:#x}", tr.code),
            flags = format_args!("{:#x}", tr.flags),
            data_size = tr.data_size,
            offsets_size = tr.offsets_size,
            to = tracing::field::Empty,
            node = tracing::field::Empty,
        );
        let _entered = span.clone().entered();
        self.thread_mut(proc, tid).extended_error = extended_error(id, BR_OK, 0);
        let mut entry = LogEntry {
            debug_id: id.0,
            call_type: if reply {
                CallType::Reply
            } else if tr.flags & TF_ONE_WAY != 0 {
                CallType::Async
            } else {
                CallType::Call
            },
            from_pid: self.procs[&proc].creds.pid,
            from_tid: tid,
            to_pid: 0,
            to_tid: 0,
            to_node: 0,
            target_handle: if reply { 0 } else { tr.target_handle() },
            data_size: tr.data_size,
            offsets_size: tr.offsets_size,
            return_error: BR_OK,
            return_error_param: 0,
            reason: "",
        };
        match self.prepare_transaction(id, proc, tid, tr, buffers_size, reply, &mut entry, env) {
            Err(f) => {
                self.transaction_failed(proc, tid, f, entry, &span, env);
                None
            }
            Ok(mut p) => {
                p.entry = entry;
                p.span = span;
                if p.copies.ops.is_empty() {
                    self.commit_transaction(proc, tid, p, true, env);
                    return None;
                }
                let ops = std::mem::take(&mut p.copies.ops);
                self.thread_mut(proc, tid).pending = Some(p);
                Some(ops)
            }
        }
    }

    /// The host made (or failed to make) the payload copies of this thread's pending
    /// transaction: it is committed, or fails back to its sender.
    pub(crate) fn finish_transaction(
        &mut self,
        proc: ProcId,
        tid: Tid,
        copied: bool,
        env: &mut Env,
    ) {
        let Some(p) = self.thread_mut(proc, tid).pending.take() else {
            return;
        };
        let _entered = p.span.clone().entered();
        self.commit_transaction(proc, tid, p, copied, env);
    }

    /// Abandons this thread's pending transaction (its process is going away). The host may
    /// still be copying into the reserved range, so the range stays reserved, orphaned, until
    /// the host reports the copy ([`Context::payload_copied`] frees it).
    pub(crate) fn abort_transaction(&mut self, proc: ProcId, tid: Tid, env: &mut Env) {
        let Some(p) = self.thread_mut(proc, tid).pending.take() else {
            return;
        };
        self.orphans.insert((proc, tid), (p.target, p.offset));
        if let Some(irt) = p.in_reply_to {
            self.send_failed_reply(irt, BR_DEAD_REPLY, env);
        }
    }

    /// The copy into an orphaned range ended: the range can go.
    pub(crate) fn free_orphan(&mut self, proc: ProcId, tid: Tid, env: &mut Env) -> bool {
        let Some((target, offset)) = self.orphans.remove(&(proc, tid)) else {
            return false;
        };
        if self
            .procs
            .get(&target)
            .is_some_and(|t| t.buffers.contains_key(&offset))
        {
            self.free_buffer(target, offset, env);
        }
        true
    }

    fn free_pending_buffer(&mut self, p: &PendingTxn, env: &mut Env) {
        let alive = self
            .procs
            .get(&p.target)
            .is_some_and(|t| t.buffers.contains_key(&p.offset));
        if alive {
            self.free_buffer(p.target, p.offset, env);
        }
    }

    fn commit_transaction(
        &mut self,
        proc: ProcId,
        tid: Tid,
        p: PendingTxn,
        copied: bool,
        env: &mut Env,
    ) {
        let (entry, span) = (p.entry.clone(), p.span.clone());
        match self.try_commit(proc, tid, p, copied, env) {
            Ok(()) => {
                ended(&span, &entry, "delivered");
                self.log.push(entry)
            }
            Err(f) => self.transaction_failed(proc, tid, f, entry, &span, env),
        }
    }

    fn transaction_failed(
        &mut self,
        proc: ProcId,
        tid: Tid,
        f: Failure,
        mut entry: LogEntry,
        span: &tracing::Span,
        env: &mut Env,
    ) {
        let id = TxnId(entry.debug_id);
        entry.return_error = f.br;
        entry.return_error_param = f.param;
        entry.reason = f.reason;
        ended(span, &entry, "failed");
        self.failed_log.push(entry.clone());
        self.log.push(entry);
        tracing::warn!(
            br = format_args!("{:#x}", f.br),
            param = f.param,
            reason = f.reason,
            "transaction failed"
        );
        match f.in_reply_to {
            Some(irt) => {
                // The replier's part is done; the caller learns of the failure.
                self.set_return_error(proc, tid, BR_TRANSACTION_COMPLETE);
                if let Some((p, t)) = self.txns[&irt].from {
                    if let Some(caller) = self.procs.get_mut(&p).and_then(|p| p.threads.get_mut(&t))
                    {
                        if caller.extended_error.command == BR_OK {
                            caller.extended_error = extended_error(id, f.br, f.param);
                        }
                    }
                }
                self.send_failed_reply(irt, f.br, env);
            }
            None => {
                self.thread_mut(proc, tid).extended_error = extended_error(id, f.br, f.param);
                self.set_return_error(proc, tid, f.br);
            }
        }
    }

    fn set_return_error(&mut self, proc: ProcId, tid: Tid, br: u32) {
        let t = self.proc_mut(proc).threads.get_mut(&tid).unwrap();
        assert_eq!(
            t.return_error, BR_OK,
            "the write loop stops while an error is pending"
        );
        t.return_error = br;
        self.push_thread_work(proc, tid, Work::ReturnError);
    }

    /// Everything up to the payload copy, under the lock: the target, the buffer, the offsets
    /// and every object translated. What is left is copying raw bytes, then the commit.
    #[allow(clippy::too_many_arguments)]
    fn prepare_transaction(
        &mut self,
        id: TxnId,
        proc: ProcId,
        tid: Tid,
        tr: &BinderTransactionData,
        buffers_size: u64,
        reply: bool,
        entry: &mut LogEntry,
        env: &mut Env,
    ) -> Result<PendingTxn, Failure> {
        let oneway = !reply && tr.flags & TF_ONE_WAY != 0;
        let (target, target_thread, node, in_reply_to) = if reply {
            let (caller, caller_thread, irt) = self.reply_target(proc, tid)?;
            (caller, Some(caller_thread), None, Some(irt))
        } else {
            let (node, target, thread) = self.call_target(proc, tid, tr, oneway)?;
            (target, thread, Some(node), None)
        };
        entry.to_pid = self.procs[&target].creds.pid;
        entry.to_tid = target_thread.unwrap_or(0);
        entry.to_node = node.map_or(0, |n| n.0);
        let with_irt = |f: Failure| Failure { in_reply_to, ..f };
        // Files may go to a node that accepts them, or in the reply to a call that does.
        let node_flags = node.map_or(0, |n| self.nodes[&n].flags);
        let allow_fds = match in_reply_to {
            Some(irt) => self.txns[&irt].flags & TF_ACCEPT_FDS != 0,
            None => node_flags & FLAT_BINDER_FLAG_ACCEPTS_FDS != 0,
        };
        let secctx = (node_flags & FLAT_BINDER_FLAG_TXN_SECURITY_CTX != 0)
            .then(|| self.procs[&proc].creds.secctx.clone());
        let layout =
            Layout::new(tr, buffers_size, secctx.as_ref().map_or(0, Vec::len)).map_err(with_irt)?;
        let sender_pid = self.procs[&proc].creds.pid;
        let (offset, spam) = self
            .alloc_buffer(target, &layout, tr.flags, oneway, node, sender_pid)
            .map_err(with_irt)?;
        let mut copies = Copies::default();
        if let Err(f) = self.copy_and_translate(
            proc,
            tid,
            target,
            offset,
            tr,
            &layout,
            allow_fds,
            &mut copies,
            env,
        ) {
            self.free_buffer(target, offset, env);
            return Err(with_irt(f));
        }
        if let Some(label) = &secctx {
            env.rx
                .buffer_mut(target, offset + layout.secctx, label.len())
                .copy_from_slice(label);
        }
        Ok(PendingTxn {
            id,
            entry: entry.clone(),
            reply,
            oneway,
            target,
            target_thread,
            node,
            in_reply_to,
            offset,
            code: tr.code,
            flags: tr.flags,
            secctx: secctx.map(|_| layout.secctx),
            spam,
            copies,
            span: tracing::Span::none(),
        })
    }

    /// Makes a prepared transaction real and routes it. The world may have changed while its
    /// payload was copied without the lock: the target (or, for a reply, the caller) may be
    /// gone.
    fn try_commit(
        &mut self,
        proc: ProcId,
        tid: Tid,
        p: PendingTxn,
        copied: bool,
        env: &mut Env,
    ) -> Result<(), Failure> {
        let PendingTxn {
            id,
            reply,
            oneway,
            target,
            target_thread,
            node,
            in_reply_to,
            offset,
            ..
        } = p;
        let with_irt = |f: Failure| Failure { in_reply_to, ..f };
        if !copied {
            self.free_pending_buffer(&p, env);
            return Err(with_irt(efault(super::Fault)));
        }
        if !self
            .procs
            .get(&target)
            .is_some_and(|t| t.buffers.contains_key(&offset))
        {
            return Err(with_irt(dead(BR_DEAD_REPLY, "target died during the copy")));
        }
        if let Some(irt) = in_reply_to {
            let caller = target_thread.unwrap();
            let waiting = self.procs[&target]
                .threads
                .get(&caller)
                .is_some_and(|t| t.transaction_stack == Some(irt));
            if !waiting {
                self.free_pending_buffer(&p, env);
                return Err(with_irt(dead(BR_DEAD_REPLY, "reply target not found")));
            }
        }
        let creds = &self.procs[&proc].creds;
        let txn = Transaction {
            from: (!reply && !oneway).then_some((proc, tid)),
            sender_pid: creds.pid,
            sender_euid: creds.euid,
            to_proc: Some(target),
            to_thread: target_thread,
            node,
            code: p.code,
            flags: p.flags,
            buffer: Some((target, offset)),
            from_parent: None,
            to_parent: None,
            is_reply: reply,
            secctx: p.secctx,
        };
        let t = self.proc_mut(target);
        t.buffers.get_mut(&offset).unwrap().txn = Some(id);
        t.outstanding_txns += 1;
        self.txns.insert(id, txn);
        self.stats.created(Obj::Transaction);
        self.stats.created(Obj::TransactionComplete);

        if let Some(irt) = in_reply_to {
            // Replies go to the caller even if it is frozen.
            let caller_thread = target_thread.unwrap();
            self.push_thread_work(proc, tid, Work::TransactionComplete);
            let from_parent = self.txns[&irt].from_parent;
            self.thread_mut(target, caller_thread).transaction_stack = from_parent;
            self.push_thread_work(target, caller_thread, Work::Transaction(id));
            self.free_transaction(irt, env);
        } else if !oneway {
            let t = self.thread_mut(proc, tid);
            t.push_deferred(Work::TransactionComplete);
            let parent = t.transaction_stack.replace(id);
            self.txns.get_mut(&id).unwrap().from_parent = parent;
            if let Err(br) = self.proc_transaction(id, target, target_thread, env) {
                let t = self.thread_mut(proc, tid);
                t.transaction_stack = parent;
                let last = t.todo.pop_back();
                assert_eq!(last, Some(Work::TransactionComplete));
                self.free_transaction(id, env);
                return Err(dead(br, "target process or thread dead, or frozen"));
            }
        } else {
            match self.proc_transaction(id, target, None, env) {
                Err(br) => {
                    self.free_transaction(id, env);
                    return Err(dead(br, "target process dead"));
                }
                Ok(frozen) => {
                    let done = if frozen {
                        Work::TransactionPendingFrozen
                    } else if p.spam {
                        Work::OnewaySpamSuspect
                    } else {
                        Work::TransactionComplete
                    };
                    self.push_thread_work(proc, tid, done);
                }
            }
        }
        Ok(())
    }

    /// Pops the transaction a reply answers and finds the thread waiting for it.
    fn reply_target(&mut self, proc: ProcId, tid: Tid) -> Result<(ProcId, Tid, TxnId), Failure> {
        let t = &self.procs[&proc].threads[&tid];
        let Some(irt) = t.transaction_stack else {
            return Err(fail(
                BR_FAILED_REPLY,
                Errno::EPROTO,
                "got reply transaction with no transaction stack",
            ));
        };
        let tx = &self.txns[&irt];
        if tx.to_proc != Some(proc) || tx.to_thread != Some(tid) {
            return Err(fail(
                BR_FAILED_REPLY,
                Errno::EPROTO,
                "got reply transaction with bad transaction stack",
            ));
        }
        let (from, to_parent) = (tx.from, tx.to_parent);
        self.proc_mut(proc)
            .threads
            .get_mut(&tid)
            .unwrap()
            .transaction_stack = to_parent;
        let caller =
            from.filter(|(p, t)| self.procs.get(p).is_some_and(|p| p.threads.contains_key(t)));
        let Some((cp, ct)) = caller else {
            return Err(Failure {
                in_reply_to: Some(irt),
                ..dead(BR_DEAD_REPLY, "reply target not found")
            });
        };
        if self.procs[&cp].threads[&ct].transaction_stack != Some(irt) {
            return Err(fail(
                BR_FAILED_REPLY,
                Errno::EPROTO,
                "got reply transaction with bad target transaction stack",
            ));
        }
        Ok((cp, ct, irt))
    }

    /// Resolves a call's target node and process, and the thread it must go to if the call is
    /// nested in a transaction from that process.
    fn call_target(
        &self,
        proc: ProcId,
        tid: Tid,
        tr: &BinderTransactionData,
        oneway: bool,
    ) -> Result<(NodeId, ProcId, Option<Tid>), Failure> {
        let handle = tr.target_handle();
        let node = if handle != 0 {
            match self.procs[&proc].refs_by_handle.get(&handle) {
                Some(r) if r.strong > 0 => r.node,
                _ => {
                    return Err(fail(
                        BR_FAILED_REPLY,
                        Errno::EINVAL,
                        "got transaction to invalid handle",
                    ));
                }
            }
        } else {
            let Some(m) = self.manager else {
                return Err(fail(BR_DEAD_REPLY, Errno::EINVAL, "no context manager"));
            };
            let owner = &self.procs[&self.nodes[&m].owner];
            if owner.creds.pid == self.procs[&proc].creds.pid {
                return Err(fail(
                    BR_FAILED_REPLY,
                    Errno::EINVAL,
                    "got transaction to context manager from process owning it",
                ));
            }
            m
        };
        let n = &self.nodes[&node];
        if n.dead {
            return Err(fail(BR_DEAD_REPLY, Errno::EINVAL, "target node is dead"));
        }
        let target = n.owner;
        if target == proc {
            return Err(fail(
                BR_FAILED_REPLY,
                Errno::EINVAL,
                "transaction to own node",
            ));
        }
        let t = &self.procs[&proc].threads[&tid];
        if oneway {
            return Ok((node, target, None));
        }
        if t.todo.front().is_some_and(|w| w.is_transaction()) {
            return Err(fail(
                BR_FAILED_REPLY,
                Errno::EPROTO,
                "new transaction not allowed when there is a transaction on thread todo",
            ));
        }
        let Some(top) = t.transaction_stack else {
            return Ok((node, target, None));
        };
        let tx = &self.txns[&top];
        if tx.to_proc != Some(proc) || tx.to_thread != Some(tid) {
            return Err(fail(
                BR_FAILED_REPLY,
                Errno::EPROTO,
                "got new transaction with bad transaction stack",
            ));
        }
        // A thread of the target blocked in this call chain serves the nested call.
        let mut next = Some(top);
        while let Some(id) = next {
            let tx = &self.txns[&id];
            if let Some((p, t)) = tx.from {
                if p == target {
                    return Ok((node, target, Some(t)));
                }
            }
            next = tx.from_parent;
        }
        Ok((node, target, None))
    }

    /// Reserves the buffer in the target and records it; it holds a strong count on `node`.
    /// Also says whether the sender of a oneway looks like a spammer (§3 of the reference:
    /// under 10% of the buffer left for oneways, and the sender holds over 50 oneway buffers
    /// or over a quarter of the buffer; reported every time, as the Rust driver does).
    fn alloc_buffer(
        &mut self,
        target: ProcId,
        layout: &Layout,
        flags: u32,
        oneway: bool,
        node: Option<NodeId>,
        sender_pid: i32,
    ) -> Result<(usize, bool), Failure> {
        let p = self.proc_mut(target);
        let Some(m) = p.mapping.as_mut().filter(|m| !m.vma_closed) else {
            return Err(fail(BR_DEAD_REPLY, Errno::ESRCH, "target has no mapping"));
        };
        let offset = m
            .alloc
            .reserve(layout.total, oneway)
            .map_err(|e| fail(BR_FAILED_REPLY, e, "no space in the target's buffer"))?;
        let low_async = m.alloc.free_async_space() < m.alloc.size() / 10;
        let size = m.alloc.size();
        p.buffers.insert(
            offset,
            Buffer {
                data_size: layout.data_size,
                offsets_size: layout.offsets_size,
                txn: None,
                target_node: node,
                allow_user_free: false,
                oneway,
                async_slot: false,
                clear_on_free: flags & TF_CLEAR_BUF != 0,
                held: Vec::new(),
                sender_pid,
                fd_fixups: Vec::new(),
                files_handed: false,
                close_fds: Vec::new(),
            },
        );
        let spam = oneway && low_async && {
            let m = p.mapping.as_ref().unwrap();
            let (count, bytes) = p
                .buffers
                .iter()
                .filter(|(_, b)| b.oneway && b.sender_pid == sender_pid)
                .fold((0usize, 0usize), |(c, s), (&o, _)| {
                    (c + 1, s + m.alloc.allocated_size(o).unwrap_or(0))
                });
            let spam = count > 50 || bytes > size / 4;
            if spam {
                tracing::warn!(
                    target = target.0,
                    sender_pid,
                    count,
                    bytes,
                    "spamming oneway?"
                );
            }
            spam
        };
        if let Some(n) = node {
            self.inc_node(n, true, false, None)
                .expect("a local strong increment cannot fail");
        }
        Ok((offset, spam))
    }

    /// The one copy, with object translation. What is translated is recorded in the buffer
    /// (`held`, `fd_fixups`), so a failure part-way is undone by freeing the buffer.
    #[allow(clippy::too_many_arguments)]
    fn copy_and_translate(
        &mut self,
        proc: ProcId,
        tid: Tid,
        target: ProcId,
        offset: usize,
        tr: &BinderTransactionData,
        layout: &Layout,
        allow_fds: bool,
        copies: &mut Copies,
        env: &mut Env,
    ) -> Result<(), Failure> {
        let data = tr.data_buffer();
        let data_size = tr.data_size;
        let off_start = offset + layout.offsets;
        let offsets_len = tr.offsets_size as usize;
        // The offsets steer the translation, so they are read now; the payload bytes between
        // objects are copied later, without the lock.
        let offsets_raw = env.rx.buffer_mut(target, off_start, offsets_len);
        env.user
            .copy_from_user(proc, tr.data_offsets(), offsets_raw)
            .map_err(efault)?;
        let offsets: Vec<u64> = offsets_raw
            .chunks_exact(8)
            .map(|c| u64::from_ne_bytes(c.try_into().unwrap()))
            .collect();
        let target_base = self.procs[&target].buffer_user_addr(offset);
        let mut sg = SgState {
            entries: Vec::new(),
            ancestors: Vec::new(),
            next: layout.sg_start,
            end: layout.sg_end,
        };
        let mut copied = 0u64;
        for (index, obj_off) in offsets.into_iter().enumerate() {
            let header_ok = obj_off >= copied
                && obj_off % 4 == 0
                && obj_off <= data_size
                && data_size - obj_off >= 4;
            let ty = if header_ok {
                env.read::<u32>(proc, data.wrapping_add(obj_off))
                    .map_err(efault)?
            } else {
                0
            };
            let Some(size) = object_size(ty).filter(|&s| header_ok && data_size - obj_off >= s)
            else {
                return Err(fail(
                    BR_FAILED_REPLY,
                    Errno::EINVAL,
                    "got transaction with invalid offset or object",
                ));
            };
            copies.add(
                proc,
                data.wrapping_add(copied),
                target,
                offset + copied as usize,
                (obj_off - copied) as usize,
            );
            let at = data.wrapping_add(obj_off);
            let obj_at = offset + obj_off as usize;
            let mut out = [0u8; 40];
            match ty {
                BINDER_TYPE_BINDER | BINDER_TYPE_WEAK_BINDER => {
                    let fbo = env.read(proc, at).map_err(efault)?;
                    let o = self.translate_binder(proc, tid, target, offset, fbo)?;
                    out[..24].copy_from_slice(o.as_bytes());
                }
                BINDER_TYPE_HANDLE | BINDER_TYPE_WEAK_HANDLE => {
                    let fbo = env.read(proc, at).map_err(efault)?;
                    let o = self.translate_handle(proc, target, offset, fbo)?;
                    out[..24].copy_from_slice(o.as_bytes());
                }
                BINDER_TYPE_FD => {
                    if !allow_fds {
                        return Err(fail(
                            BR_FAILED_REPLY,
                            Errno::EPERM,
                            "got transaction with fd, but target does not allow fds",
                        ));
                    }
                    let fdo: BinderFdObject = env.read(proc, at).map_err(efault)?;
                    let file = env
                        .files
                        .get_file(proc, fdo.fd())
                        .map_err(|e| fail(BR_FAILED_REPLY, e, "bad object"))?;
                    let fd_at = obj_at + core::mem::offset_of!(BinderFdObject, u);
                    self.add_fd_fixup(target, offset, fd_at, file, false);
                    let mut o = BinderFdObject::default();
                    o.hdr.type_ = BINDER_TYPE_FD;
                    // Overwritten with the receiver's fd number when it reads.
                    o.set_fd(u32::MAX);
                    o.cookie = fdo.cookie;
                    out[..24].copy_from_slice(o.as_bytes());
                }
                BINDER_TYPE_FDA => {
                    if !allow_fds {
                        return Err(fail(
                            BR_FAILED_REPLY,
                            Errno::EPERM,
                            "got transaction with fd array, but target does not allow fds",
                        ));
                    }
                    let fda: BinderFdArrayObject = env.read(proc, at).map_err(efault)?;
                    self.translate_fda(proc, target, offset, &fda, &mut sg, env)?;
                    let o = BinderFdArrayObject {
                        hdr: BinderObjectHeader {
                            type_: BINDER_TYPE_FDA,
                        },
                        pad: 0,
                        num_fds: fda.num_fds,
                        parent: fda.parent,
                        parent_offset: fda.parent_offset,
                    };
                    out[..32].copy_from_slice(o.as_bytes());
                }
                BINDER_TYPE_PTR => {
                    let bbo: BinderBufferObject = env.read(proc, at).map_err(efault)?;
                    let o = sg.add_ptr(index, &bbo, target_base, offset)?;
                    out[..40].copy_from_slice(o.as_bytes());
                }
                _ => unreachable!("object_size accepted an unknown type"),
            }
            env.rx
                .buffer_mut(target, obj_at, size as usize)
                .copy_from_slice(&out[..size as usize]);
            copied = obj_off + size;
        }
        copies.add(
            proc,
            data.wrapping_add(copied),
            target,
            offset + copied as usize,
            (data_size - copied) as usize,
        );
        sg.copy(proc, target, copies, env);
        Ok(())
    }

    fn add_fd_fixup(
        &mut self,
        target: ProcId,
        buffer: usize,
        at: usize,
        file: FileRef,
        close: bool,
    ) {
        let b = self.proc_mut(target).buffers.get_mut(&buffer).unwrap();
        b.fd_fixups.push(FdFixup {
            offset: at - buffer,
            file,
            close_on_free: close,
        });
    }

    /// A `BINDER_TYPE_FDA`: the fds in an earlier buffer object, taken from the sender now,
    /// installed in the receiver when it reads, closed by the driver when the buffer is freed.
    fn translate_fda(
        &mut self,
        proc: ProcId,
        target: ProcId,
        offset: usize,
        fda: &BinderFdArrayObject,
        sg: &mut SgState,
        env: &mut Env,
    ) -> Result<(), Failure> {
        let einval = || fail(BR_FAILED_REPLY, Errno::EINVAL, "size overflow");
        let fds_len = usize::try_from(fda.num_fds)
            .ok()
            .and_then(|n| n.checked_mul(4))
            .ok_or_else(einval)?;
        let parent_offset = usize::try_from(fda.parent_offset).map_err(|_| einval())?;
        if parent_offset % 4 != 0 {
            return Err(fail(
                BR_FAILED_REPLY,
                Errno::EINVAL,
                "fd array parent offset not aligned",
            ));
        }
        let parent = usize::try_from(fda.parent).map_err(|_| einval())?;
        let fix = sg.validate_parent_fixup(parent, parent_offset, fds_len)?;
        sg.ancestors.truncate(fix.num_ancestors);
        let entry = &mut sg.entries[fix.sg_index];
        if entry.sender % 4 != 0 {
            return Err(fail(
                BR_FAILED_REPLY,
                Errno::EINVAL,
                "fd array parent buffer not aligned",
            ));
        }
        entry.fixup_min_offset = fix.new_min_offset;
        entry.fixups.push(PtrFixup {
            target_offset: fix.target_offset,
            len: fds_len,
            value: None,
        });
        let mut raw = vec![0u8; fds_len];
        env.user
            .copy_from_user(
                proc,
                entry.sender.wrapping_add(parent_offset as u64),
                &mut raw,
            )
            .map_err(efault)?;
        for (i, fd) in raw.chunks_exact(4).enumerate() {
            let fd = u32::from_ne_bytes(fd.try_into().unwrap());
            let file = env
                .files
                .get_file(proc, fd)
                .map_err(|e| fail(BR_FAILED_REPLY, e, "bad object"))?;
            self.add_fd_fixup(target, offset, fix.target_offset + 4 * i, file, true);
        }
        Ok(())
    }

    fn hold(&mut self, target: ProcId, offset: usize, h: Held) {
        let b = self.proc_mut(target).buffers.get_mut(&offset).unwrap();
        b.held.push(h);
    }

    /// A node the sender owns becomes a handle in the target.
    fn translate_binder(
        &mut self,
        proc: ProcId,
        tid: Tid,
        target: ProcId,
        offset: usize,
        fbo: FlatBinderObject,
    ) -> Result<FlatBinderObject, Failure> {
        let strong = fbo.hdr.type_ == BINDER_TYPE_BINDER;
        let node = self.get_or_create_node(proc, fbo.binder(), fbo.cookie, fbo.flags);
        let n = &self.nodes[&node];
        if n.cookie != fbo.cookie {
            return Err(fail(
                BR_FAILED_REPLY,
                Errno::EINVAL,
                "sending node with cookie mismatch",
            ));
        }
        let handle = self
            .inc_ref_for_node(target, node, strong, Some((proc, tid)))
            .map_err(|e| fail(BR_FAILED_REPLY, e, "bad object"))?;
        self.hold(
            target,
            offset,
            Held::Ref {
                node,
                handle,
                strong,
            },
        );
        let mut out = fbo;
        out.hdr.type_ = if strong {
            BINDER_TYPE_HANDLE
        } else {
            BINDER_TYPE_WEAK_HANDLE
        };
        out.set_handle(handle);
        out.cookie = 0;
        Ok(out)
    }

    /// A handle the sender holds becomes the node itself (if the target owns it) or the
    /// target's own handle.
    fn translate_handle(
        &mut self,
        proc: ProcId,
        target: ProcId,
        offset: usize,
        fbo: FlatBinderObject,
    ) -> Result<FlatBinderObject, Failure> {
        let strong = fbo.hdr.type_ == BINDER_TYPE_HANDLE;
        let handle = fbo.handle();
        let node = match self.procs[&proc].refs_by_handle.get(&handle) {
            Some(r) if !strong || r.strong > 0 => r.node,
            _ => {
                return Err(fail(
                    BR_FAILED_REPLY,
                    Errno::EINVAL,
                    "got transaction with invalid handle",
                ));
            }
        };
        let n = &self.nodes[&node];
        let mut out = fbo;
        if !n.dead && n.owner == target {
            out.hdr.type_ = if strong {
                BINDER_TYPE_BINDER
            } else {
                BINDER_TYPE_WEAK_BINDER
            };
            out.set_binder(n.ptr);
            out.cookie = n.cookie;
            self.inc_node(node, strong, false, None)
                .map_err(|e| fail(BR_FAILED_REPLY, e, "bad object"))?;
            self.hold(target, offset, Held::Node { node, strong });
        } else {
            let h = self
                .inc_ref_for_node(target, node, strong, None)
                .map_err(|e| fail(BR_FAILED_REPLY, e, "bad object"))?;
            self.hold(
                target,
                offset,
                Held::Ref {
                    node,
                    handle: h,
                    strong,
                },
            );
            out.set_handle(h);
            out.cookie = 0;
        }
        Ok(out)
    }

    /// Queues a call or oneway to its target (`binder_proc_transaction`). Oneways to a node
    /// with one in flight wait on the node, in order. Sync calls into a frozen process fail
    /// with `BR_FROZEN_REPLY`; oneways are queued all the same and `Ok(true)` says it was
    /// frozen. A `TF_UPDATE_TXN` oneway to a frozen process replaces an older identical one
    /// still waiting on the node.
    fn proc_transaction(
        &mut self,
        id: TxnId,
        target: ProcId,
        thread: Option<Tid>,
        env: &mut Env,
    ) -> Result<bool, u32> {
        let Some(p) = self.procs.get_mut(&target) else {
            return Err(BR_DEAD_REPLY);
        };
        if thread.is_some_and(|t| !p.threads.contains_key(&t)) {
            return Err(BR_DEAD_REPLY);
        }
        let tx = &self.txns[&id];
        let (oneway, node, flags, code) = (tx.is_oneway(), tx.node, tx.flags, tx.code);
        let frozen = p.frozen != Frozen::No;
        if frozen {
            p.sync_recv |= !oneway;
            p.async_recv |= oneway;
            if !oneway {
                return Err(BR_FROZEN_REPLY);
            }
        }
        let mut pending_async = false;
        if oneway {
            let n = self.nodes.get_mut(&node.unwrap()).unwrap();
            pending_async = n.has_async_transaction;
            n.has_async_transaction = true;
        }
        if oneway && !pending_async {
            self.set_async_slot(id);
        }
        if let Some(t) = thread {
            self.push_thread_work(target, t, Work::Transaction(id));
        } else if !pending_async {
            self.push_proc_work(target, Work::Transaction(id));
        } else {
            let node = node.unwrap();
            if frozen && flags & TF_UPDATE_TXN != 0 {
                let pid = self.txn_sender_pid(id);
                let outdated = self.nodes[&node].async_todo.iter().copied().find(|&old| {
                    let o = &self.txns[&old];
                    o.code == code && o.flags == flags && self.txn_sender_pid(old) == pid
                });
                if let Some(old) = outdated {
                    tracing::debug!(txn = id.0, old = old.0, "oneway supersedes an outdated one");
                    self.nodes
                        .get_mut(&node)
                        .unwrap()
                        .async_todo
                        .retain(|&x| x != old);
                    self.free_transaction(old, env);
                }
            }
            self.nodes.get_mut(&node).unwrap().async_todo.push_back(id);
        }
        Ok(frozen)
    }

    /// The pid of the process that filled a transaction's buffer.
    fn txn_sender_pid(&self, id: TxnId) -> Option<i32> {
        let (p, off) = self.txns[&id].buffer?;
        Some(self.procs[&p].buffers[&off].sender_pid)
    }

    fn set_async_slot(&mut self, id: TxnId) {
        let (p, off) = self.txns[&id]
            .buffer
            .expect("queued oneway without a buffer");
        self.proc_mut(p).buffers.get_mut(&off).unwrap().async_slot = true;
    }

    /// Writes `BR_TRANSACTION`(`_SEC_CTX`)/`BR_REPLY` for `id` and hands its buffer to
    /// userspace. Files it carries are installed first: the read is suspended for the host
    /// (`Next::Install`), or ended before this item if it already wrote something.
    pub(crate) fn deliver_transaction(
        &mut self,
        proc: ProcId,
        tid: Tid,
        id: TxnId,
        w: &mut ReadWriter,
        env: &mut Env,
    ) -> Result<Next, Errno> {
        let tx = &self.txns[&id];
        let Some((bproc, offset)) = tx.buffer else {
            tracing::error!(txn = id.0, "queued transaction without a buffer");
            return Ok(Next::More);
        };
        assert_eq!(bproc, proc);
        let sync_call = !tx.is_reply && !tx.is_oneway();
        let is_reply = tx.is_reply;
        if !self.procs[&proc].buffers[&offset].fd_fixups.is_empty() {
            let installed = self.thread_mut(proc, tid).installed_fds.take();
            let fixups = std::mem::take(
                &mut self
                    .proc_mut(proc)
                    .buffers
                    .get_mut(&offset)
                    .unwrap()
                    .fd_fixups,
            );
            match installed {
                None => {
                    // The read is suspended until the host installs the files; the
                    // transaction waits at the head of this thread's queue meanwhile.
                    assert!(
                        !w.written(),
                        "files are installed before anything is written"
                    );
                    let b = self.proc_mut(proc).buffers.get_mut(&offset).unwrap();
                    let files = fixups.iter().map(|f| f.file).collect();
                    b.fd_fixups = fixups;
                    b.files_handed = true;
                    let t = self.thread_mut(proc, tid);
                    t.todo.push_front(Work::Transaction(id));
                    t.process_todo = true;
                    return Ok(Next::Install(files));
                }
                Some(Ok(fds)) if fds.len() == fixups.len() => {
                    let mut close = Vec::new();
                    for (f, &fd) in fixups.iter().zip(&fds) {
                        env.rx
                            .buffer_mut(proc, offset + f.offset, 4)
                            .copy_from_slice(&fd.to_ne_bytes());
                        if f.close_on_free {
                            close.push(fd);
                        }
                    }
                    self.proc_mut(proc)
                        .buffers
                        .get_mut(&offset)
                        .unwrap()
                        .close_fds = close;
                }
                Some(result) => {
                    // The host dropped the files. A call fails back to its sender and the
                    // reader goes on; a reply reaches its caller as BR_FAILED_REPLY.
                    if let Ok(fds) = result {
                        tracing::error!(
                            want = fixups.len(),
                            got = fds.len(),
                            "host installed the wrong number of files"
                        );
                        for fd in fds {
                            env.files.close_fd(proc, fd);
                        }
                    }
                    tracing::info!(txn = id.0, "fd fixups failed");
                    if sync_call {
                        self.send_failed_reply(id, BR_FAILED_REPLY, env);
                    } else {
                        self.free_transaction(id, env);
                    }
                    if is_reply {
                        w.code(env, BR_FAILED_REPLY)?;
                        return Ok(Next::Stop);
                    }
                    return Ok(Next::More);
                }
            }
        }
        let tx = &self.txns[&id];
        let p = &self.procs[&proc];
        let b = &p.buffers[&offset];
        let addr = p.buffer_user_addr(offset);
        let mut td = BinderTransactionData::default();
        let mut cmd = if tx.is_reply {
            td.set_target_ptr(0);
            BR_REPLY
        } else {
            let n = &self.nodes[&tx.node.unwrap()];
            td.set_target_ptr(n.ptr);
            td.cookie = n.cookie;
            BR_TRANSACTION
        };
        td.code = tx.code;
        td.flags = tx.flags;
        // Oneways, replies, and calls whose sender thread is gone carry no pid.
        td.sender_pid = if tx.from.is_some() { tx.sender_pid } else { 0 };
        td.sender_euid = tx.sender_euid;
        td.data_size = b.data_size;
        td.offsets_size = b.offsets_size;
        td.set_data_ptr(addr, addr + align8(b.data_size).unwrap());
        match tx.secctx {
            Some(at) => {
                cmd = BR_TRANSACTION_SEC_CTX;
                let sd = BinderTransactionDataSecctx {
                    transaction_data: td,
                    secctx: addr + at as u64,
                };
                w.code(env, cmd)?;
                w.put(env, &sd)?;
            }
            None => {
                w.code(env, cmd)?;
                w.put(env, &td)?;
            }
        }
        w.delivered = Some(Delivered {
            txn: id,
            offset,
            sync_call,
        });
        let p = self.proc_mut(proc);
        p.buffers.get_mut(&offset).unwrap().allow_user_free = true;
        if sync_call {
            let t = p.threads.get_mut(&tid).unwrap();
            let parent = t.transaction_stack.replace(id);
            let tx = self.txns.get_mut(&id).unwrap();
            tx.to_parent = parent;
            tx.to_proc = Some(proc);
            tx.to_thread = Some(tid);
        } else {
            self.detach_buffer(id);
            self.remove_txn(id);
        }
        tracing::debug!(txn = id.0, cmd = format_args!("{cmd:#x}"), "delivered");
        Ok(Next::Stop)
    }

    /// The read that delivered `d` could not be copied out to the reader: the transaction
    /// fails as if it had never been delivered (`put_user` failing in the kernel's read).
    pub(crate) fn undo_delivery(&mut self, proc: ProcId, tid: Tid, d: Delivered, env: &mut Env) {
        tracing::info!(txn = d.txn.0, "read buffer faulted; delivery undone");
        if let Some(b) = self.proc_mut(proc).buffers.get_mut(&d.offset) {
            b.allow_user_free = false;
        }
        if d.sync_call {
            let parent = self.txns[&d.txn].to_parent;
            let t = self.thread_mut(proc, tid);
            assert_eq!(t.transaction_stack, Some(d.txn));
            t.transaction_stack = parent;
            self.send_failed_reply(d.txn, BR_FAILED_REPLY, env);
        } else if self.procs[&proc].buffers.contains_key(&d.offset) {
            self.free_buffer(proc, d.offset, env);
        }
    }

    /// Whether delivering `w` needs the host to install files first.
    pub(crate) fn carries_files(&self, w: Work) -> bool {
        let Work::Transaction(id) = w else {
            return false;
        };
        let Some((p, off)) = self.txns.get(&id).and_then(|t| t.buffer) else {
            return false;
        };
        !self.procs[&p].buffers[&off].fd_fixups.is_empty()
    }

    /// Forgets a transaction; one still addressed to a process no longer counts against it.
    pub(crate) fn remove_txn(&mut self, id: TxnId) -> Option<Transaction> {
        let tx = self.txns.remove(&id)?;
        if let Some(p) = tx.to_proc {
            self.txn_finished_for(p);
        }
        Some(tx)
    }

    /// Cuts the link between a transaction and its buffer; the buffer is userspace's to free.
    pub(crate) fn detach_buffer(&mut self, id: TxnId) {
        let Some(tx) = self.txns.get_mut(&id) else {
            return;
        };
        if let Some((p, off)) = tx.buffer.take() {
            if let Some(b) = self.procs.get_mut(&p).and_then(|p| p.buffers.get_mut(&off)) {
                b.txn = None;
            }
        }
    }

    /// Ends a transaction. A buffer never handed to userspace goes with it.
    pub(crate) fn free_transaction(&mut self, id: TxnId, env: &mut Env) {
        let Some(tx) = self.remove_txn(id) else {
            return;
        };
        let Some((p, off)) = tx.buffer else {
            return;
        };
        let Some(b) = self.procs.get_mut(&p).and_then(|p| p.buffers.get_mut(&off)) else {
            return;
        };
        b.txn = None;
        if !b.allow_user_free {
            self.free_buffer(p, off, env);
        }
    }

    /// Delivers `br` to the thread waiting for `id`'s reply. If that thread is gone, the
    /// failure travels down the chain of calls it was made within (`binder_send_failed_reply`).
    pub(crate) fn send_failed_reply(&mut self, id: TxnId, br: u32, env: &mut Env) {
        let mut next = Some(id);
        while let Some(id) = next {
            let Some(tx) = self.txns.get(&id) else {
                return;
            };
            let from_parent = tx.from_parent;
            let waiter = tx
                .from
                .filter(|(p, t)| self.procs.get(p).is_some_and(|p| p.threads.contains_key(t)));
            if let Some((p, t)) = waiter {
                let th = self.proc_mut(p).threads.get_mut(&t).unwrap();
                if th.transaction_stack == Some(id) {
                    th.transaction_stack = from_parent;
                } else {
                    tracing::error!(txn = id.0, "failed reply: caller's stack top differs");
                }
                if th.reply_error == BR_OK {
                    th.reply_error = br;
                    self.push_thread_work(p, t, Work::ReplyError);
                } else {
                    tracing::warn!(pending = th.reply_error, br, "unexpected reply error");
                }
                self.free_transaction(id, env);
                return;
            }
            tracing::debug!(txn = id.0, "reply failed, no target thread");
            self.free_transaction(id, env);
            next = from_parent;
        }
    }

    /// `BC_FREE_BUFFER`.
    pub(crate) fn user_free_buffer(&mut self, proc: ProcId, addr: u64, env: &mut Env) {
        let p = &self.procs[&proc];
        let offset = p
            .mapping
            .as_ref()
            .and_then(|m| addr.checked_sub(m.user_addr))
            .and_then(|o| usize::try_from(o).ok());
        match offset.and_then(|o| p.buffers.get(&o).map(|b| (o, b))) {
            None => tracing::warn!(proc = proc.0, addr, "BC_FREE_BUFFER no match"),
            Some((_, b)) if !b.allow_user_free => {
                tracing::warn!(
                    proc = proc.0,
                    addr,
                    "BC_FREE_BUFFER matched unreturned or currently freeing buffer"
                )
            }
            Some((o, _)) => self.free_buffer(proc, o, env),
        }
    }

    /// Frees a buffer: the next oneway to its node may go, what it holds is released, and
    /// with `TF_CLEAR_BUF` its bytes are zeroed.
    pub(crate) fn free_buffer(&mut self, proc: ProcId, offset: usize, env: &mut Env) {
        let p = self.proc_mut(proc);
        let b = p
            .buffers
            .remove(&offset)
            .expect("free of an unknown buffer");
        let size = p
            .mapping
            .as_mut()
            .and_then(|m| m.alloc.free(offset))
            .expect("buffer without a range");
        if let Some(t) = b.txn {
            if let Some(t) = self.txns.get_mut(&t) {
                t.buffer = None;
            }
        }
        if let (true, Some(n)) = (b.async_slot, b.target_node) {
            let node = self.nodes.get_mut(&n).unwrap();
            assert!(node.has_async_transaction);
            match node.async_todo.pop_front() {
                Some(next) => {
                    self.set_async_slot(next);
                    self.push_proc_work(proc, Work::Transaction(next));
                }
                None => node.has_async_transaction = false,
            }
        }
        for h in b.held {
            match h {
                Held::Node { node, strong } => self.dec_node(node, strong, false),
                Held::Ref {
                    node,
                    handle,
                    strong,
                } => match self.procs[&proc].refs_by_handle.get(&handle) {
                    Some(r) if r.node == node => self.dec_ref(proc, handle, strong),
                    // The process released a count it did not own and the ref went (the
                    // kernel logs a user error). Where the kernel would then decrement
                    // whatever ref now has that handle, another node's, this leaves it.
                    _ => tracing::warn!(node = node.0, handle, "buffer holds a missing ref"),
                },
            }
        }
        if let Some(n) = b.target_node {
            self.dec_node(n, true, false);
        }
        if !b.files_handed {
            for f in b.fd_fixups {
                env.files.put_file(f.file);
            }
        }
        for fd in b.close_fds {
            env.files.close_fd(proc, fd);
        }
        if b.clear_on_free {
            env.rx.buffer_mut(proc, offset, size).fill(0);
        }
    }
}

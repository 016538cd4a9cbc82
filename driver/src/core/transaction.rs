//! `binder_transaction`: `BC_TRANSACTION`/`BC_REPLY`, the one copy, object translation,
//! routing, delivery and buffer release.
//!
//! A transaction's payload is copied once, from the sender's address space straight into a
//! buffer reserved in the target's receive area: raw bytes between objects are copied verbatim;
//! each object is read from the sender, translated (a node becomes a handle in the target, a
//! handle becomes the target's own node or its own handle), and the translated object written.

use super::alloc::align8;
use super::context::Context;
use super::host::Env;
use super::node::NodeId;
use super::process::{Buffer, Held};
use super::thread::{Next, ReadWriter};
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
}

impl Transaction {
    pub(crate) fn is_oneway(&self) -> bool {
        !self.is_reply && self.flags & TF_ONE_WAY != 0
    }
}

/// Why a transaction failed: the code its sender reads, the extended-error parameter (a
/// negative errno, or 0 where the kernel records none), and for a reply the transaction whose
/// caller must learn of it.
#[derive(Debug)]
struct Failure {
    br: u32,
    param: i32,
    in_reply_to: Option<TxnId>,
}

fn fail(br: u32, errno: Errno) -> Failure {
    Failure {
        br,
        param: -errno.0,
        in_reply_to: None,
    }
}

/// A failure the kernel reports with no errno (a target that died under the call).
fn dead(br: u32) -> Failure {
    Failure {
        br,
        param: 0,
        in_reply_to: None,
    }
}

/// Size of each object type in the data, or `None` for an unknown type.
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
    /// `BC_TRANSACTION` / `BC_REPLY`. Never fails the ioctl: failures reach the sender (and
    /// for replies the caller) as return codes.
    pub(crate) fn transaction(
        &mut self,
        proc: ProcId,
        tid: Tid,
        tr: &BinderTransactionData,
        reply: bool,
        env: &mut Env,
    ) {
        let id = TxnId(self.next_id());
        let _span = tracing::debug_span!(
            "transaction",
            id = id.0,
            reply,
            handle = tr.target_handle(),
            code = tr.code,
            flags = tr.flags,
            size = tr.data_size
        )
        .entered();
        self.thread_mut(proc, tid).extended_error = extended_error(id, BR_OK, 0);
        let Err(f) = self.try_transaction(id, proc, tid, tr, reply, env) else {
            return;
        };
        tracing::info!(br = format_args!("{:#x}", f.br), param = f.param, "transaction failed");
        match f.in_reply_to {
            Some(irt) => {
                // The replier's part is done; the caller learns of the failure.
                self.set_return_error(proc, tid, BR_TRANSACTION_COMPLETE);
                if let Some((p, t)) = self.txns[&irt].from {
                    if let Some(caller) = self.procs.get_mut(&p).and_then(|p| p.threads.get_mut(&t)) {
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

    fn try_transaction(
        &mut self,
        id: TxnId,
        proc: ProcId,
        tid: Tid,
        tr: &BinderTransactionData,
        reply: bool,
        env: &mut Env,
    ) -> Result<(), Failure> {
        let oneway = !reply && tr.flags & TF_ONE_WAY != 0;
        let (target, target_thread, node, in_reply_to) = if reply {
            let (caller, caller_thread, irt) = self.reply_target(proc, tid)?;
            (caller, Some(caller_thread), None, Some(irt))
        } else {
            let (node, target, thread) = self.call_target(proc, tid, tr, oneway)?;
            (target, thread, Some(node), None)
        };
        let with_irt = |f: Failure| Failure { in_reply_to, ..f };
        let offset = self
            .alloc_buffer(target, tr, oneway, node)
            .map_err(with_irt)?;
        if let Err(f) = self.copy_and_translate(proc, tid, target, offset, tr, env) {
            self.free_buffer(target, offset, env);
            return Err(with_irt(f));
        }
        let creds = &self.procs[&proc].creds;
        let txn = Transaction {
            from: (!reply && !oneway).then_some((proc, tid)),
            sender_pid: creds.pid,
            sender_euid: creds.euid,
            to_proc: Some(target),
            to_thread: target_thread,
            node,
            code: tr.code,
            flags: tr.flags,
            buffer: Some((target, offset)),
            from_parent: None,
            to_parent: None,
            is_reply: reply,
        };
        self.proc_mut(target).buffers.get_mut(&offset).unwrap().txn = Some(id);
        self.txns.insert(id, txn);

        if let Some(irt) = in_reply_to {
            let caller_thread = target_thread.unwrap();
            self.push_thread_work(proc, tid, Work::TransactionComplete);
            let from_parent = self.txns[&irt].from_parent;
            let caller = self
                .proc_mut(target)
                .threads
                .get_mut(&caller_thread)
                .unwrap();
            caller.transaction_stack = from_parent;
            self.push_thread_work(target, caller_thread, Work::Transaction(id));
            self.free_transaction(irt, env);
        } else if !oneway {
            let t = self.proc_mut(proc).threads.get_mut(&tid).unwrap();
            t.push_deferred(Work::TransactionComplete);
            let parent = t.transaction_stack.replace(id);
            self.txns.get_mut(&id).unwrap().from_parent = parent;
            if let Err(br) = self.proc_transaction(id, target, target_thread) {
                let t = self.proc_mut(proc).threads.get_mut(&tid).unwrap();
                t.transaction_stack = parent;
                let last = t.todo.pop_back();
                assert_eq!(last, Some(Work::TransactionComplete));
                self.free_transaction(id, env);
                return Err(dead(br));
            }
        } else {
            if let Err(br) = self.proc_transaction(id, target, None) {
                self.free_transaction(id, env);
                return Err(dead(br));
            }
            self.push_thread_work(proc, tid, Work::TransactionComplete);
        }
        Ok(())
    }

    /// Pops the transaction a reply answers and finds the thread waiting for it.
    fn reply_target(&mut self, proc: ProcId, tid: Tid) -> Result<(ProcId, Tid, TxnId), Failure> {
        let t = &self.procs[&proc].threads[&tid];
        let Some(irt) = t.transaction_stack else {
            tracing::warn!(
                proc = proc.0,
                tid,
                "got reply transaction with no transaction stack"
            );
            return Err(fail(BR_FAILED_REPLY, Errno::EPROTO));
        };
        let tx = &self.txns[&irt];
        if tx.to_proc != Some(proc) || tx.to_thread != Some(tid) {
            tracing::warn!(
                proc = proc.0,
                tid,
                "got reply transaction with bad transaction stack"
            );
            return Err(fail(BR_FAILED_REPLY, Errno::EPROTO));
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
            tracing::info!(proc = proc.0, tid, "reply target not found");
            return Err(Failure {
                in_reply_to: Some(irt),
                ..dead(BR_DEAD_REPLY)
            });
        };
        if self.procs[&cp].threads[&ct].transaction_stack != Some(irt) {
            tracing::warn!(
                proc = proc.0,
                tid,
                "got reply transaction with bad target transaction stack"
            );
            return Err(fail(BR_FAILED_REPLY, Errno::EPROTO));
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
                    tracing::warn!(
                        proc = proc.0,
                        tid,
                        handle,
                        "got transaction to invalid handle"
                    );
                    return Err(fail(BR_FAILED_REPLY, Errno::EINVAL));
                }
            }
        } else {
            let Some(m) = self.manager else {
                tracing::info!(proc = proc.0, tid, "no context manager");
                return Err(fail(BR_DEAD_REPLY, Errno::EINVAL));
            };
            let owner = &self.procs[&self.nodes[&m].owner];
            if owner.creds.pid == self.procs[&proc].creds.pid {
                tracing::warn!(
                    proc = proc.0,
                    tid,
                    "got transaction to context manager from process owning it"
                );
                return Err(fail(BR_FAILED_REPLY, Errno::EINVAL));
            }
            m
        };
        let n = &self.nodes[&node];
        if n.dead {
            return Err(fail(BR_DEAD_REPLY, Errno::EINVAL));
        }
        let target = n.owner;
        if target == proc {
            tracing::warn!(proc = proc.0, tid, "transaction to own node");
            return Err(fail(BR_FAILED_REPLY, Errno::EINVAL));
        }
        let t = &self.procs[&proc].threads[&tid];
        if oneway {
            return Ok((node, target, None));
        }
        if t.todo.front().is_some_and(|w| w.is_transaction()) {
            tracing::warn!(
                proc = proc.0,
                tid,
                "new transaction not allowed when there is a transaction on thread todo"
            );
            return Err(fail(BR_FAILED_REPLY, Errno::EPROTO));
        }
        let Some(top) = t.transaction_stack else {
            return Ok((node, target, None));
        };
        let tx = &self.txns[&top];
        if tx.to_proc != Some(proc) || tx.to_thread != Some(tid) {
            tracing::warn!(
                proc = proc.0,
                tid,
                "got new transaction with bad transaction stack"
            );
            return Err(fail(BR_FAILED_REPLY, Errno::EPROTO));
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
    fn alloc_buffer(
        &mut self,
        target: ProcId,
        tr: &BinderTransactionData,
        oneway: bool,
        node: Option<NodeId>,
    ) -> Result<usize, Failure> {
        if tr.offsets_size % 8 != 0 {
            tracing::warn!(
                offsets_size = tr.offsets_size,
                "got transaction with invalid offsets size"
            );
            return Err(fail(BR_FAILED_REPLY, Errno::EINVAL));
        }
        let size = align8(tr.data_size)
            .zip(align8(tr.offsets_size))
            .and_then(|(d, o)| d.checked_add(o))
            .and_then(|s| usize::try_from(s.max(8)).ok())
            .ok_or_else(|| fail(BR_FAILED_REPLY, Errno::EINVAL))?;
        let p = self.proc_mut(target);
        let Some(m) = p.mapping.as_mut() else {
            tracing::info!(target = target.0, "target has no mapping");
            return Err(fail(BR_DEAD_REPLY, Errno::ESRCH));
        };
        let offset = m
            .alloc
            .reserve(size, oneway)
            .map_err(|e| fail(BR_FAILED_REPLY, e))?;
        p.buffers.insert(
            offset,
            Buffer {
                data_size: tr.data_size,
                offsets_size: tr.offsets_size,
                txn: None,
                target_node: node,
                allow_user_free: false,
                oneway,
                async_slot: false,
                clear_on_free: tr.flags & TF_CLEAR_BUF != 0,
                held: Vec::new(),
            },
        );
        if let Some(n) = node {
            self.inc_node(n, true, false, None)
                .expect("a local strong increment cannot fail");
        }
        Ok(offset)
    }

    /// The one copy, with object translation. What is translated is recorded in the buffer's
    /// `held` list, so a failure part-way is undone by freeing the buffer.
    fn copy_and_translate(
        &mut self,
        proc: ProcId,
        tid: Tid,
        target: ProcId,
        offset: usize,
        tr: &BinderTransactionData,
        env: &mut Env,
    ) -> Result<(), Failure> {
        let efault = |_| fail(BR_FAILED_REPLY, Errno::EFAULT);
        let data = tr.data_buffer();
        let data_size = tr.data_size;
        let off_start = offset + align8(data_size).unwrap() as usize;
        let offsets_len = tr.offsets_size as usize;
        env.copy_user_to_buffer(proc, tr.data_offsets(), target, off_start, offsets_len)
            .map_err(efault)?;
        let offsets: Vec<u64> = env
            .rx
            .buffer_mut(target, off_start, offsets_len)
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
            .collect();
        let mut copied = 0u64;
        for obj_off in offsets {
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
                tracing::warn!(
                    obj_off,
                    min = copied,
                    data_size,
                    "got transaction with invalid offset or object"
                );
                return Err(fail(BR_FAILED_REPLY, Errno::EINVAL));
            };
            env.copy_user_to_buffer(
                proc,
                data.wrapping_add(copied),
                target,
                offset + copied as usize,
                (obj_off - copied) as usize,
            )
            .map_err(efault)?;
            let translated = match ty {
                BINDER_TYPE_BINDER | BINDER_TYPE_WEAK_BINDER => {
                    let fbo: FlatBinderObject =
                        env.read(proc, data.wrapping_add(obj_off)).map_err(efault)?;
                    self.translate_binder(proc, tid, target, offset, fbo)?
                }
                BINDER_TYPE_HANDLE | BINDER_TYPE_WEAK_HANDLE => {
                    let fbo: FlatBinderObject =
                        env.read(proc, data.wrapping_add(obj_off)).map_err(efault)?;
                    self.translate_handle(proc, target, offset, fbo)?
                }
                _ => {
                    tracing::warn!(ty = format_args!("{ty:#x}"), "object type not supported");
                    return Err(fail(BR_FAILED_REPLY, Errno::EINVAL));
                }
            };
            env.rx
                .buffer_mut(target, offset + obj_off as usize, size as usize)
                .copy_from_slice(translated.as_bytes());
            copied = obj_off + size;
        }
        env.copy_user_to_buffer(
            proc,
            data.wrapping_add(copied),
            target,
            offset + copied as usize,
            (data_size - copied) as usize,
        )
        .map_err(efault)
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
            tracing::warn!(
                ptr = n.ptr,
                cookie = fbo.cookie,
                node_cookie = n.cookie,
                "sending node with cookie mismatch"
            );
            return Err(fail(BR_FAILED_REPLY, Errno::EINVAL));
        }
        let handle = self
            .inc_ref_for_node(target, node, strong, Some((proc, tid)))
            .map_err(|e| fail(BR_FAILED_REPLY, e))?;
        self.hold(target, offset, Held::Ref { node, strong });
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
                tracing::warn!(handle, strong, "got transaction with invalid handle");
                return Err(fail(BR_FAILED_REPLY, Errno::EINVAL));
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
                .map_err(|e| fail(BR_FAILED_REPLY, e))?;
            self.hold(target, offset, Held::Node { node, strong });
        } else {
            let h = self
                .inc_ref_for_node(target, node, strong, None)
                .map_err(|e| fail(BR_FAILED_REPLY, e))?;
            self.hold(target, offset, Held::Ref { node, strong });
            out.set_handle(h);
            out.cookie = 0;
        }
        Ok(out)
    }

    /// Queues a call or oneway to its target (`binder_proc_transaction`). Oneways to a node
    /// with one in flight wait on the node, in order.
    fn proc_transaction(
        &mut self,
        id: TxnId,
        target: ProcId,
        thread: Option<Tid>,
    ) -> Result<(), u32> {
        let Some(p) = self.procs.get(&target) else {
            return Err(BR_DEAD_REPLY);
        };
        if thread.is_some_and(|t| !p.threads.contains_key(&t)) {
            return Err(BR_DEAD_REPLY);
        }
        let tx = &self.txns[&id];
        let (oneway, node) = (tx.is_oneway(), tx.node);
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
            self.nodes.get_mut(&node).unwrap().async_todo.push_back(id);
        }
        Ok(())
    }

    fn set_async_slot(&mut self, id: TxnId) {
        let (p, off) = self.txns[&id]
            .buffer
            .expect("queued oneway without a buffer");
        self.proc_mut(p).buffers.get_mut(&off).unwrap().async_slot = true;
    }

    /// Writes `BR_TRANSACTION`/`BR_REPLY` for `id` and hands its buffer to userspace.
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
        let p = &self.procs[&proc];
        let b = &p.buffers[&offset];
        let addr = p.buffer_user_addr(offset);
        let mut td = BinderTransactionData::default();
        let cmd = if tx.is_reply {
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
        let sync_call = !tx.is_reply && !tx.is_oneway();
        if let Err(e) = w.code(env, cmd).and_then(|_| w.put(env, &td)) {
            if sync_call {
                self.send_failed_reply(id, BR_FAILED_REPLY, env);
            } else {
                self.free_transaction(id, env);
            }
            return Err(e);
        }
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
            self.txns.remove(&id);
        }
        tracing::debug!(txn = id.0, cmd = format_args!("{cmd:#x}"), "delivered");
        Ok(Next::Stop)
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
        let Some(tx) = self.txns.remove(&id) else {
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
                Held::Ref { node, strong } => match self.procs[&proc].refs_by_node.get(&node) {
                    Some(&handle) => self.dec_ref(proc, handle, strong),
                    None => tracing::error!(node = node.0, "buffer holds a missing ref"),
                },
            }
        }
        if let Some(n) = b.target_node {
            self.dec_node(n, true, false);
        }
        if b.clear_on_free {
            env.rx.buffer_mut(proc, offset, size).fill(0);
        }
    }
}

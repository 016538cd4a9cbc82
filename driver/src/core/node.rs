//! `binder_node` and `binder_ref`: objects, the references to them, and their counting.
//!
//! A node is a binder object owned by one process, named there by its userspace `ptr`. Other
//! processes hold at most one [`Ref`] each to it, named by a per-process handle. Counting
//! follows the C driver: a node's *strong interest* is the number of refs with a strong count
//! (`internal_strong_refs`) plus the local strong counts of in-flight buffers and pending
//! `BR_ACQUIRE`s; its *weak interest* adds the existence of any ref and local weak counts.
//! Userspace is told of interest changes with `BR_INCREFS`/`BR_ACQUIRE`/`BR_RELEASE`/
//! `BR_DECREFS`; an increment holds a local count until its `_DONE` arrives, so a decrement can
//! never overtake the increment it undoes.

use std::collections::{BTreeSet, VecDeque};

use super::context::Context;
use super::transaction::TxnId;
use super::work::Work;
use super::{Errno, ProcId, Tid};
use crate::uapi::*;

/// Identifies a node for its whole life, including after its owner died.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct NodeId(pub(crate) u64);

/// Identifies a death-notification record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct DeathId(pub(crate) u64);

/// `binder_node`.
#[derive(Debug)]
pub(crate) struct Node {
    pub(crate) owner: ProcId,
    /// The owner released the device; the node lives on while refs to it exist.
    pub(crate) dead: bool,
    pub(crate) ptr: u64,
    pub(crate) cookie: u64,
    /// `FLAT_BINDER_FLAG_*` the node was created with.
    pub(crate) flags: u32,
    pub(crate) internal_strong_refs: u32,
    pub(crate) local_strong_refs: u32,
    pub(crate) local_weak_refs: u32,
    /// Processes holding a ref to this node.
    pub(crate) refs: BTreeSet<ProcId>,
    /// Userspace was told of strong (weak) interest and has not been told it ended.
    pub(crate) has_strong_ref: bool,
    pub(crate) has_weak_ref: bool,
    /// A `BR_ACQUIRE` (`BR_INCREFS`) awaits its `BC_ACQUIRE_DONE` (`BC_INCREFS_DONE`).
    pub(crate) pending_strong_ref: bool,
    pub(crate) pending_weak_ref: bool,
    /// `Work::Node` for this node sits on one of the owner's queues.
    pub(crate) work_queued: bool,
    /// A oneway transaction to this node is in flight; later ones wait in `async_todo` until
    /// its buffer is freed.
    pub(crate) has_async_transaction: bool,
    pub(crate) async_todo: VecDeque<TxnId>,
    /// What it received, for `binderctl top`.
    pub(crate) traffic: super::observe::Traffic,
    /// The interface it serves, read from a call's interface token while recording.
    pub(crate) descriptor: Option<Box<str>>,
}

impl Node {
    pub(crate) fn new(owner: ProcId, ptr: u64, cookie: u64, flags: u32) -> Self {
        Node {
            owner,
            dead: false,
            ptr,
            cookie,
            flags,
            internal_strong_refs: 0,
            local_strong_refs: 0,
            local_weak_refs: 0,
            refs: BTreeSet::new(),
            has_strong_ref: false,
            has_weak_ref: false,
            pending_strong_ref: false,
            pending_weak_ref: false,
            work_queued: false,
            has_async_transaction: false,
            async_todo: VecDeque::new(),
            traffic: Default::default(),
            descriptor: None,
        }
    }

    pub(crate) fn strong_interest(&self) -> bool {
        self.internal_strong_refs > 0 || self.local_strong_refs > 0
    }

    pub(crate) fn weak_interest(&self) -> bool {
        self.strong_interest() || self.local_weak_refs > 0 || !self.refs.is_empty()
    }

    /// Nothing references the node any more: it can be erased.
    pub(crate) fn unreferenced(&self) -> bool {
        self.refs.is_empty() && self.local_strong_refs == 0 && self.local_weak_refs == 0
    }
}

/// `binder_ref`: one process's reference to a node. Exists while `strong + weak > 0`.
#[derive(Debug)]
pub(crate) struct Ref {
    /// Debug id (debugfs `ref %d`).
    pub(crate) id: u64,
    pub(crate) node: NodeId,
    pub(crate) strong: u32,
    pub(crate) weak: u32,
    /// The death notification registered on this ref.
    pub(crate) death: Option<DeathId>,
    /// The freeze notification registered on this ref.
    pub(crate) freeze: Option<super::freeze::FreezeId>,
}

/// What a death record does when it is delivered (the C work types).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DeathWork {
    /// Registered, with nothing queued or awaiting acknowledgement: the node is alive, or
    /// its death was delivered and acknowledged.
    Idle,
    /// `BR_DEAD_BINDER`.
    DeadBinder,
    /// `BR_DEAD_BINDER`, then the clear-done once `BC_DEAD_BINDER_DONE` arrives.
    DeadBinderAndClear,
    /// `BR_CLEAR_DEATH_NOTIFICATION_DONE`, then the record is gone.
    Clear,
}

/// `binder_ref_death`.
#[derive(Debug)]
pub(crate) struct Death {
    pub(crate) cookie: u64,
    pub(crate) work: DeathWork,
}

impl Context {
    /// The process's node for `ptr`, created from `flags`/`cookie` if it has none.
    pub(crate) fn get_or_create_node(
        &mut self,
        proc: ProcId,
        ptr: u64,
        cookie: u64,
        flags: u32,
    ) -> NodeId {
        if let Some(&id) = self.procs[&proc].nodes.get(&ptr) {
            return id;
        }
        let id = NodeId(self.next_id());
        self.nodes.insert(id, Node::new(proc, ptr, cookie, flags));
        self.proc_mut(proc).nodes.insert(ptr, id);
        self.stats.created(super::stats::Obj::Node);
        tracing::trace!(node = id.0, ptr, cookie, "new node");
        id
    }

    /// `binder_inc_node`: one more strong or weak count on a node. `internal` counts come from
    /// refs, others are local. `target` is the thread that must learn of a zero-to-one change
    /// (the sending thread when a transaction creates the interest); without it such a change
    /// is a caller error.
    pub(crate) fn inc_node(
        &mut self,
        id: NodeId,
        strong: bool,
        internal: bool,
        target: Option<(ProcId, Tid)>,
    ) -> Result<(), Errno> {
        let is_manager = self.manager == Some(id);
        let n = self.nodes.get_mut(&id).expect("inc of a freed node");
        if strong {
            if internal {
                if target.is_none()
                    && n.internal_strong_refs == 0
                    && !(is_manager && n.has_strong_ref)
                {
                    tracing::warn!(node = id.0, "invalid inc strong node");
                    return Err(Errno::EINVAL);
                }
                n.internal_strong_refs += 1;
            } else {
                n.local_strong_refs += 1;
            }
            if !n.has_strong_ref {
                if let Some((p, t)) = target {
                    // The zero-to-one news goes to the incrementing thread, after whatever it
                    // is reading now, so that userspace sees it before the reply.
                    let was_queued = n.work_queued;
                    n.work_queued = true;
                    let owner = n.owner;
                    if was_queued {
                        self.proc_mut(owner).dequeue(Work::Node(id));
                    }
                    self.push_thread_work_deferred(p, t, Work::Node(id));
                }
            }
        } else {
            let tell = !n.has_weak_ref && !n.work_queued;
            if tell && target.is_none() {
                tracing::warn!(node = id.0, "invalid inc weak node");
                return Err(Errno::EINVAL);
            }
            if !internal {
                n.local_weak_refs += 1;
            }
            if let (true, Some((p, t))) = (tell, target) {
                n.work_queued = true;
                self.push_thread_work_deferred(p, t, Work::Node(id));
            }
        }
        Ok(())
    }

    /// `binder_dec_node`: drops a count; when interest ends, tells userspace or frees the node.
    pub(crate) fn dec_node(&mut self, id: NodeId, strong: bool, internal: bool) {
        let Some(n) = self.nodes.get_mut(&id) else {
            tracing::error!(node = id.0, "dec of a freed node");
            return;
        };
        let counter = match (strong, internal) {
            (true, true) => Some(&mut n.internal_strong_refs),
            (true, false) => Some(&mut n.local_strong_refs),
            (false, false) => Some(&mut n.local_weak_refs),
            (false, true) => None,
        };
        if let Some(c) = counter {
            if *c == 0 {
                tracing::error!(node = id.0, strong, internal, "node count underflow");
                return;
            }
            *c -= 1;
        }
        if strong {
            if n.strong_interest() {
                return;
            }
        } else if n.local_weak_refs > 0 || !n.refs.is_empty() {
            return;
        }
        if !n.dead && (n.has_strong_ref || n.has_weak_ref) {
            if !n.work_queued {
                n.work_queued = true;
                let owner = n.owner;
                self.push_proc_work(owner, Work::Node(id));
            }
        } else if n.unreferenced() {
            self.free_node(id);
        }
    }

    /// Erases a node nothing refers to.
    pub(crate) fn free_node(&mut self, id: NodeId) {
        let n = self.nodes.remove(&id).expect("free of a freed node");
        assert!(n.unreferenced());
        if !n.dead {
            let p = self.proc_mut(n.owner);
            p.nodes.remove(&n.ptr);
            if n.work_queued {
                p.dequeue(Work::Node(id));
            }
        }
        tracing::trace!(node = id.0, ptr = n.ptr, "node freed");
    }

    /// Delivers `Work::Node` to its owner: the `BR_INCREFS`/`BR_ACQUIRE`/`BR_RELEASE`/
    /// `BR_DECREFS` that bring userspace up to date, in that order. Returns the commands.
    pub(crate) fn node_work(&mut self, id: NodeId) -> Vec<(u32, BinderPtrCookie)> {
        let Some(n) = self.nodes.get_mut(&id) else {
            return Vec::new();
        };
        n.work_queued = false;
        let strong = n.strong_interest();
        let weak = n.weak_interest();
        let (had_strong, had_weak) = (n.has_strong_ref, n.has_weak_ref);
        if weak && !had_weak {
            n.has_weak_ref = true;
            n.pending_weak_ref = true;
            n.local_weak_refs += 1;
        }
        if strong && !had_strong {
            n.has_strong_ref = true;
            n.pending_strong_ref = true;
            n.local_strong_refs += 1;
        }
        if !strong && had_strong {
            n.has_strong_ref = false;
        }
        if !weak && had_weak {
            n.has_weak_ref = false;
        }
        let pc = BinderPtrCookie {
            ptr: n.ptr,
            cookie: n.cookie,
        };
        let mut out = Vec::with_capacity(2);
        if weak && !had_weak {
            out.push((BR_INCREFS, pc));
        }
        if strong && !had_strong {
            out.push((BR_ACQUIRE, pc));
        }
        if !strong && had_strong {
            out.push((BR_RELEASE, pc));
        }
        if !weak && had_weak {
            out.push((BR_DECREFS, pc));
        }
        if !weak && !strong {
            self.free_node(id);
        }
        out
    }

    /// `BC_INCREFS_DONE` / `BC_ACQUIRE_DONE`.
    pub(crate) fn inc_refs_done(&mut self, proc: ProcId, ptr: u64, cookie: u64, strong: bool) {
        let Some(&id) = self.procs[&proc].nodes.get(&ptr) else {
            tracing::warn!(proc = proc.0, ptr, strong, "BC_*_DONE: no match");
            return;
        };
        let n = self
            .nodes
            .get_mut(&id)
            .expect("process node table out of sync");
        if n.cookie != cookie {
            tracing::warn!(proc = proc.0, ptr, cookie, "BC_*_DONE: cookie mismatch");
            return;
        }
        let pending = if strong {
            &mut n.pending_strong_ref
        } else {
            &mut n.pending_weak_ref
        };
        if !*pending {
            tracing::warn!(
                proc = proc.0,
                ptr,
                strong,
                "BC_*_DONE: no pending increment"
            );
            return;
        }
        *pending = false;
        self.dec_node(id, strong, false);
    }

    /// The handle `proc` holds for `node`, creating the ref (with no counts) if needed. The
    /// context manager's node gets handle 0 when free; others the smallest free handle >= 1.
    pub(crate) fn get_or_create_ref(&mut self, proc: ProcId, node: NodeId) -> u32 {
        if let Some(&h) = self.procs[&proc].refs_by_node.get(&node) {
            return h;
        }
        let is_manager = self.manager == Some(node);
        let id = self.next_id();
        let p = self.proc_mut(proc);
        let handle = if is_manager && !p.refs_by_handle.contains_key(&0) {
            0
        } else {
            p.free_handle(1)
        };
        p.refs_by_handle.insert(
            handle,
            Ref {
                id,
                node,
                strong: 0,
                weak: 0,
                death: None,
                freeze: None,
            },
        );
        p.refs_by_node.insert(node, handle);
        self.stats.created(super::stats::Obj::Ref);
        self.nodes
            .get_mut(&node)
            .expect("ref to a freed node")
            .refs
            .insert(proc);
        handle
    }

    /// `binder_inc_ref_for_node`: one more strong or weak count on `proc`'s ref to `node`.
    pub(crate) fn inc_ref_for_node(
        &mut self,
        proc: ProcId,
        node: NodeId,
        strong: bool,
        target: Option<(ProcId, Tid)>,
    ) -> Result<u32, Errno> {
        let handle = self.get_or_create_ref(proc, node);
        let r = &self.procs[&proc].refs_by_handle[&handle];
        let first = if strong { r.strong == 0 } else { r.weak == 0 };
        if first {
            if let Err(e) = self.inc_node(node, strong, true, target) {
                let r = &self.procs[&proc].refs_by_handle[&handle];
                if r.strong == 0 && r.weak == 0 {
                    self.delete_ref(proc, handle);
                }
                return Err(e);
            }
        }
        let r = self.proc_mut(proc).refs_by_handle.get_mut(&handle).unwrap();
        if strong {
            r.strong += 1;
        } else {
            r.weak += 1;
        }
        Ok(handle)
    }

    /// `BC_INCREFS`/`BC_ACQUIRE`/`BC_RELEASE`/`BC_DECREFS` on a handle. Misuse is the caller's
    /// error and is only logged, except the context manager asking for handle 0 (`EINVAL`).
    pub(crate) fn update_ref(
        &mut self,
        proc: ProcId,
        handle: u32,
        inc: bool,
        strong: bool,
    ) -> Result<(), Errno> {
        if inc && handle == 0 {
            if let Some(mgr) = self.manager {
                if self.nodes[&mgr].owner == proc {
                    tracing::warn!(proc = proc.0, "context manager tried to acquire desc 0");
                    return Err(Errno::EINVAL);
                }
                match self.inc_ref_for_node(proc, mgr, strong, None) {
                    Ok(0) => {}
                    Ok(h) => tracing::warn!(proc = proc.0, h, "acquire of desc 0 got another"),
                    Err(e) => tracing::warn!(proc = proc.0, %e, "acquire of desc 0 failed"),
                }
                return Ok(());
            }
        }
        let Some(r) = self.proc_mut(proc).refs_by_handle.get_mut(&handle) else {
            tracing::warn!(
                proc = proc.0,
                handle,
                inc,
                strong,
                "refcount change on invalid handle"
            );
            return Ok(());
        };
        if !inc {
            self.dec_ref(proc, handle, strong);
            return Ok(());
        }
        if strong && r.strong == 0 {
            tracing::warn!(proc = proc.0, handle, "tried to use weak ref as strong ref");
            return Ok(());
        }
        if strong {
            r.strong += 1;
        } else if r.weak == 0 {
            let node = r.node;
            if let Err(e) = self.inc_node(node, false, true, None) {
                tracing::warn!(proc = proc.0, handle, %e, "BC_INCREFS failed");
                return Ok(());
            }
            self.proc_mut(proc)
                .refs_by_handle
                .get_mut(&handle)
                .unwrap()
                .weak = 1;
        } else {
            r.weak += 1;
        }
        Ok(())
    }

    /// `binder_dec_ref`: drops one count; the ref goes when both reach zero.
    pub(crate) fn dec_ref(&mut self, proc: ProcId, handle: u32, strong: bool) {
        let Some(r) = self.proc_mut(proc).refs_by_handle.get_mut(&handle) else {
            tracing::warn!(proc = proc.0, handle, "dec of invalid handle");
            return;
        };
        let count = if strong { &mut r.strong } else { &mut r.weak };
        if *count == 0 {
            tracing::warn!(proc = proc.0, handle, strong, "invalid ref count decrement");
            return;
        }
        *count -= 1;
        let node = r.node;
        let now_zero = *count == 0;
        let gone = r.strong == 0 && r.weak == 0;
        if strong && now_zero {
            self.dec_node(node, true, true);
        }
        if gone {
            self.delete_ref(proc, handle);
        }
    }

    /// `binder_cleanup_ref` + `binder_free_ref`: removes a ref whatever its counts, with its
    /// death registration (an armed or pending notification is dropped unseen).
    pub(crate) fn delete_ref(&mut self, proc: ProcId, handle: u32) {
        let p = self.proc_mut(proc);
        let r = p
            .refs_by_handle
            .remove(&handle)
            .expect("delete of a missing ref");
        p.refs_by_node.remove(&r.node);
        if let Some(d) = r.death {
            self.delete_death(proc, d);
        }
        if let Some(f) = r.freeze {
            self.delete_freeze(proc, f);
        }
        if r.strong > 0 {
            self.dec_node(r.node, true, true);
        }
        if let Some(n) = self.nodes.get_mut(&r.node) {
            n.refs.remove(&proc);
        }
        self.dec_node(r.node, false, true);
    }

    /// Forgets a death record wherever it is.
    pub(crate) fn delete_death(&mut self, proc: ProcId, d: DeathId) {
        let p = self.proc_mut(proc);
        p.deaths.remove(&d);
        p.delivered_deaths.retain(|&x| x != d);
        p.dequeue(Work::Death(d));
    }

    /// `BC_REQUEST_DEATH_NOTIFICATION`.
    pub(crate) fn request_death(&mut self, proc: ProcId, handle: u32, cookie: u64) {
        let Some(r) = self.procs[&proc].refs_by_handle.get(&handle) else {
            tracing::warn!(
                proc = proc.0,
                handle,
                "death notification on invalid handle"
            );
            return;
        };
        if r.death.is_some() {
            tracing::warn!(proc = proc.0, handle, "death notification already set");
            return;
        }
        let node_dead = self.nodes[&r.node].dead;
        let d = DeathId(self.next_id());
        let p = self.proc_mut(proc);
        p.refs_by_handle.get_mut(&handle).unwrap().death = Some(d);
        let work = if node_dead {
            DeathWork::DeadBinder
        } else {
            DeathWork::Idle
        };
        p.deaths.insert(d, Death { cookie, work });
        self.stats.created(super::stats::Obj::Death);
        if node_dead {
            self.push_proc_work(proc, Work::Death(d));
        }
    }

    /// `BC_CLEAR_DEATH_NOTIFICATION`.
    pub(crate) fn clear_death(&mut self, proc: ProcId, tid: Tid, handle: u32, cookie: u64) {
        let p = self.proc_mut(proc);
        let Some(r) = p.refs_by_handle.get_mut(&handle) else {
            tracing::warn!(
                proc = proc.0,
                handle,
                "clear death notification on invalid handle"
            );
            return;
        };
        let Some(d) = r.death else {
            tracing::warn!(proc = proc.0, handle, "clear death notification: none set");
            return;
        };
        let death = p.deaths.get_mut(&d).expect("ref names a missing death");
        if death.cookie != cookie {
            tracing::warn!(
                proc = proc.0,
                handle,
                cookie,
                "clear death notification: cookie mismatch"
            );
            return;
        }
        r.death = None;
        match death.work {
            DeathWork::Idle => {
                death.work = DeathWork::Clear;
                self.push_death_ack(proc, tid, d);
            }
            // Queued or delivered: userspace still sees BR_DEAD_BINDER and gets the clear-done
            // after its BC_DEAD_BINDER_DONE.
            DeathWork::DeadBinder => death.work = DeathWork::DeadBinderAndClear,
            DeathWork::DeadBinderAndClear | DeathWork::Clear => {
                unreachable!("a cleared death is not on a ref")
            }
        }
    }

    /// `BC_DEAD_BINDER_DONE`.
    pub(crate) fn dead_binder_done(&mut self, proc: ProcId, tid: Tid, cookie: u64) {
        let p = self.proc_mut(proc);
        let Some(i) = p
            .delivered_deaths
            .iter()
            .position(|d| p.deaths[d].cookie == cookie)
        else {
            tracing::warn!(proc = proc.0, cookie, "BC_DEAD_BINDER_DONE: not found");
            return;
        };
        let d = p.delivered_deaths.remove(i);
        let death = p.deaths.get_mut(&d).unwrap();
        if death.work == DeathWork::DeadBinderAndClear {
            death.work = DeathWork::Clear;
            self.push_death_ack(proc, tid, d);
        } else {
            // Still registered: a later clear is answered at once.
            death.work = DeathWork::Idle;
        }
    }

    /// Queues a clear-done: to the calling thread if it is a looper, else to the process.
    fn push_death_ack(&mut self, proc: ProcId, tid: Tid, d: DeathId) {
        if self.procs[&proc].threads[&tid].is_looper() {
            self.push_thread_work(proc, tid, Work::Death(d));
        } else {
            self.push_proc_work(proc, Work::Death(d));
        }
    }

    /// A node whose owner died: pending oneways dropped, and every holder with a death
    /// registration told (`binder_node_release`).
    pub(crate) fn node_release(&mut self, id: NodeId, env: &mut super::host::Env) {
        let n = self.nodes.get_mut(&id).unwrap();
        let pending: Vec<TxnId> = n.async_todo.drain(..).collect();
        n.has_async_transaction = false;
        let owner = n.owner;
        let ptr = n.ptr;
        if n.work_queued {
            n.work_queued = false;
            self.proc_mut(owner).dequeue(Work::Node(id));
        }
        for t in pending {
            self.free_transaction(t, env);
        }
        self.proc_mut(owner).nodes.remove(&ptr);
        let n = self.nodes.get_mut(&id).unwrap();
        if n.refs.is_empty() {
            self.nodes.remove(&id);
            return;
        }
        n.dead = true;
        n.local_strong_refs = 0;
        n.local_weak_refs = 0;
        let holders: Vec<ProcId> = n.refs.iter().copied().collect();
        for holder in holders {
            let p = self.proc_mut(holder);
            let handle = p.refs_by_node[&id];
            let Some(d) = p.refs_by_handle[&handle].death else {
                continue;
            };
            p.deaths.get_mut(&d).unwrap().work = DeathWork::DeadBinder;
            self.push_proc_work(holder, Work::Death(d));
        }
    }
}

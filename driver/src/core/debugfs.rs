//! The binder debugfs/binderfs state files, as text in the C driver's formats.
//!
//! Each method renders one file of `/sys/kernel/debug/binder/` (or binderfs `binder_logs/`):
//! [`Context::debug_state`] (`state`), [`Context::debug_stats`] (`stats`),
//! [`Context::debug_transactions`] (`transactions`), [`Context::debug_transaction_log`]
//! (`transaction_log`), [`Context::debug_failed_transaction_log`] (`failed_transaction_log`)
//! and [`Context::debug_proc`] (`proc/<pid>`). The lines are those of the kernel's
//! `print_binder_*` functions and `binder_alloc_print_*`; where this model has no counterpart
//! of a kernel field, the output keeps the field and prints a stand-in:
//!
//! * Kernel pointers (`%pK`: a transaction's address, a ref's death record) print as the
//!   object's debug id in `%016x` form, or all zeros when there is none (`d 0000000000000000`
//!   for a ref without a death notification). Node `u`/`c` values are the raw ptr and cookie.
//! * Transaction priority (`pri`), age (`elapsed`), thread `need_return` and the temporary
//!   reference counts (`tr`) print 0: the core has no scheduler, clock or temporary refs.
//! * A buffer's debug id is that of the transaction still attached to it; once the
//!   transaction is gone (a `delivered` buffer) the core no longer knows it and prints 0.
//! * Pages: the core has no page cache. Active pages are the 4096-byte pages that allocated
//!   buffers touch, none are on the LRU, the rest of the mapping is free; the high watermark
//!   is the active count.
//! * Processes are listed newest first, as the kernel's `binder_procs` list is; dead nodes in
//!   debug-id order (the core does not record when a node died).

use std::collections::BTreeSet;
use std::fmt::Write;

use super::alloc::align8;
use super::context::Context;
use super::debug::{CallType, LogEntry, TransactionLog};
use super::node::{DeathWork, Node, NodeId};
use super::process::Process;
use super::stats::{BC_COUNT, BR_COUNT};
use super::thread::Thread;
use super::transaction::TxnId;
use super::work::Work;
use super::{ProcId, Tid};
use crate::uapi::BR_OK;

/// The kernel's `binder_command_strings`, indexed by `_IOC_NR` of the `BC_*` code.
const BC_NAMES: [&str; BC_COUNT] = [
    "BC_TRANSACTION",
    "BC_REPLY",
    "BC_ACQUIRE_RESULT",
    "BC_FREE_BUFFER",
    "BC_INCREFS",
    "BC_ACQUIRE",
    "BC_RELEASE",
    "BC_DECREFS",
    "BC_INCREFS_DONE",
    "BC_ACQUIRE_DONE",
    "BC_ATTEMPT_ACQUIRE",
    "BC_REGISTER_LOOPER",
    "BC_ENTER_LOOPER",
    "BC_EXIT_LOOPER",
    "BC_REQUEST_DEATH_NOTIFICATION",
    "BC_CLEAR_DEATH_NOTIFICATION",
    "BC_DEAD_BINDER_DONE",
    "BC_TRANSACTION_SG",
    "BC_REPLY_SG",
    "BC_REQUEST_FREEZE_NOTIFICATION",
    "BC_CLEAR_FREEZE_NOTIFICATION",
    "BC_FREEZE_NOTIFICATION_DONE",
];

/// The kernel's `binder_return_strings`, indexed by `_IOC_NR` of the `BR_*` code.
const BR_NAMES: [&str; BR_COUNT] = [
    "BR_ERROR",
    "BR_OK",
    "BR_TRANSACTION",
    "BR_REPLY",
    "BR_ACQUIRE_RESULT",
    "BR_DEAD_REPLY",
    "BR_TRANSACTION_COMPLETE",
    "BR_INCREFS",
    "BR_ACQUIRE",
    "BR_RELEASE",
    "BR_DECREFS",
    "BR_ATTEMPT_ACQUIRE",
    "BR_NOOP",
    "BR_SPAWN_LOOPER",
    "BR_FINISHED",
    "BR_DEAD_BINDER",
    "BR_CLEAR_DEATH_NOTIFICATION_DONE",
    "BR_FAILED_REPLY",
    "BR_FROZEN_REPLY",
    "BR_ONEWAY_SPAM_SUSPECT",
    "BR_TRANSACTION_PENDING_FROZEN",
    "BR_FROZEN_BINDER",
    "BR_CLEAR_FREEZE_NOTIFICATION_DONE",
];

/// The kernel's `binder_objstat_strings`, in `enum binder_stat_types` (and `Obj`) order.
const OBJ_NAMES: [&str; 8] = [
    "proc",
    "thread",
    "node",
    "ref",
    "death",
    "transaction",
    "transaction_complete",
    "freeze",
];

/// The kernel's `enum binder_work_type` values of the two work kinds its printer does not
/// name (they print as `unknown work: type %d`).
const WORK_TRANSACTION_PENDING: u32 = 3;
const WORK_TRANSACTION_ONEWAY_SPAM_SUSPECT: u32 = 4;

const PAGE_SIZE: usize = 4096;

impl Context {
    /// The debugfs `state` file: every dead node, then every process with all its threads,
    /// nodes, refs, buffers and queued work (`print_binder_state`).
    pub fn debug_state(&self) -> String {
        let mut out = String::from("binder state:\n");
        let mut dead = self.nodes.iter().filter(|(_, n)| n.dead).peekable();
        if dead.peek().is_some() {
            out.push_str("dead nodes:\n");
        }
        for (&id, n) in dead {
            self.print_node(&mut out, id, n);
        }
        for (&id, p) in self.procs.iter().rev() {
            self.print_proc(&mut out, id, p, true);
        }
        out
    }

    /// The debugfs `transactions` file: like [`Context::debug_state`], but only threads with
    /// a transaction stack or queued work, nodes with oneway transactions in flight, buffers
    /// and queued process work; processes with none of these are left out.
    pub fn debug_transactions(&self) -> String {
        let mut out = String::from("binder transactions:\n");
        for (&id, p) in self.procs.iter().rev() {
            self.print_proc(&mut out, id, p, false);
        }
        out
    }

    /// The debugfs `proc/<pid>` file: the full state of each open of the device by `pid`, or
    /// `None` if `pid` has none (the file does not exist).
    pub fn debug_proc(&self, pid: i32) -> Option<String> {
        let mut out = String::new();
        for (&id, p) in self.procs.iter().rev() {
            if p.creds.pid == pid {
                out.push_str("binder proc state:\n");
                self.print_proc(&mut out, id, p, true);
            }
        }
        (!out.is_empty()).then_some(out)
    }

    /// The debugfs `stats` file: the device's non-zero command and return counters, object
    /// counts, then per process its thread, node, ref, buffer and page figures and its own
    /// counters (`stats_show`).
    ///
    /// An object line's `total` is the number ever created; `active` is counted from the
    /// current state (processes, threads, nodes, refs, death records, transactions,
    /// `BR_TRANSACTION_COMPLETE`-kind items queued, freeze records).
    pub fn debug_stats(&self) -> String {
        let mut out = String::from("binder stats:\n");
        print_counters(&mut out, "", &self.stats.bc, &self.stats.br);
        let active = self.active_objects();
        for (i, name) in OBJ_NAMES.iter().enumerate() {
            let total = self.stats.created[i];
            if total != 0 || active[i] != 0 {
                let _ = writeln!(out, "{name}: active {} total {total}", active[i]);
            }
        }
        for p in self.procs.values().rev() {
            self.print_proc_stats(&mut out, p);
        }
        out
    }

    /// The debugfs `transaction_log` file: the last 32 transactions, oldest first.
    ///
    /// The kernel ends each line with `l=<source line>` of the failure; the core has no source
    /// lines, so it prints `l=0` and, for an entry that failed, appends ` reason: <reason>`.
    pub fn debug_transaction_log(&self) -> String {
        self.print_log(&self.log)
    }

    /// The debugfs `failed_transaction_log` file: the last 32 failed transactions, oldest
    /// first, in the format of [`Context::debug_transaction_log`] (`l=0`, then
    /// ` reason: <reason>`).
    pub fn debug_failed_transaction_log(&self) -> String {
        self.print_log(&self.failed_log)
    }

    fn print_log(&self, log: &TransactionLog) -> String {
        let mut out = String::new();
        for e in log.entries() {
            self.print_log_entry(&mut out, e);
        }
        out
    }

    /// `print_binder_transaction_log_entry`.
    fn print_log_entry(&self, out: &mut String, e: &LogEntry) {
        let kind = match e.call_type {
            CallType::Call => "call ",
            CallType::Async => "async",
            CallType::Reply => "reply",
        };
        let _ = write!(
            out,
            "{}: {kind} from {}:{} to {}:{} context {} node {} handle {} size {}:{} ret {}/{} l=0",
            e.debug_id,
            e.from_pid,
            e.from_tid,
            e.to_pid,
            e.to_tid,
            self.name(),
            e.to_node,
            e.target_handle as i32,
            e.data_size,
            e.offsets_size,
            // The kernel leaves a successful entry's code at 0.
            if e.return_error == BR_OK {
                0
            } else {
                e.return_error as i32
            },
            e.return_error_param,
        );
        if !e.reason.is_empty() {
            let _ = write!(out, " reason: {}", e.reason);
        }
        out.push('\n');
    }

    /// Current counts per object kind, in [`OBJ_NAMES`] order.
    fn active_objects(&self) -> [u64; 8] {
        let procs = self.procs.values();
        let sum = |f: &dyn Fn(&Process) -> usize| procs.clone().map(f).sum::<usize>() as u64;
        let is_complete = |w: &&Work| {
            matches!(
                w,
                Work::TransactionComplete
                    | Work::OnewaySpamSuspect
                    | Work::TransactionPendingFrozen
            )
        };
        [
            self.procs.len() as u64,
            sum(&|p| p.threads.len()),
            self.nodes.len() as u64,
            sum(&|p| p.refs_by_handle.len()),
            sum(&|p| p.deaths.len()),
            self.txns.len() as u64,
            sum(&|p| {
                let thread_work = p.threads.values().flat_map(|t| &t.todo);
                p.todo.iter().chain(thread_work).filter(is_complete).count()
            }),
            sum(&|p| p.freezes.len()),
        ]
    }

    /// `print_binder_proc`. With `print_all` false, threads and nodes with nothing pending are
    /// skipped, refs are not listed, and a process with nothing to show is left out.
    fn print_proc(&self, out: &mut String, id: ProcId, p: &Process, print_all: bool) {
        let mut body = String::new();
        for (&tid, t) in &p.threads {
            self.print_thread(&mut body, id, tid, t, print_all);
        }
        for nid in p.nodes.values() {
            let n = &self.nodes[nid];
            if print_all || n.has_async_transaction {
                self.print_node(&mut body, *nid, n);
            }
        }
        if print_all {
            for (&handle, r) in &p.refs_by_handle {
                let node = self.nodes.get(&r.node);
                let _ = writeln!(
                    body,
                    "  ref {}: desc {handle} {}node {} s {} w {} d {:016x}",
                    r.id,
                    if node.is_none_or(|n| n.dead) {
                        "dead "
                    } else {
                        ""
                    },
                    r.node.0,
                    r.strong,
                    r.weak,
                    r.death.map_or(0, |d| d.0),
                );
            }
        }
        self.print_buffers(&mut body, p);
        for w in &p.todo {
            self.print_work(&mut body, id, None, "  ", "  pending transaction", *w);
        }
        if !p.delivered_deaths.is_empty() {
            body.push_str("  has delivered dead binder\n");
        }
        if !p.delivered_freezes.is_empty() {
            body.push_str("  has delivered freeze binder\n");
        }
        if print_all || !body.is_empty() {
            let _ = writeln!(out, "proc {}", p.creds.pid);
            let _ = writeln!(out, "context {}", self.name());
            out.push_str(&body);
        }
    }

    /// `print_binder_thread_ilocked`: the thread, its transaction stack and its queued work.
    fn print_thread(&self, out: &mut String, proc: ProcId, tid: Tid, t: &Thread, always: bool) {
        let mut body = String::new();
        let mut next = t.transaction_stack;
        // A well-formed stack is acyclic; the bound only keeps a broken one from hanging.
        let mut budget = self.txns.len() + 1;
        while let Some(id) = next {
            if budget == 0 {
                break;
            }
            budget -= 1;
            let Some(tx) = self.txns.get(&id) else {
                break;
            };
            if tx.from == Some((proc, tid)) {
                self.print_txn(&mut body, proc, "    outgoing transaction", id);
                next = tx.from_parent;
            } else if tx.to_proc == Some(proc) && tx.to_thread == Some(tid) {
                self.print_txn(&mut body, proc, "    incoming transaction", id);
                next = tx.to_parent;
            } else {
                self.print_txn(&mut body, proc, "    bad transaction", id);
                next = None;
            }
        }
        for w in &t.todo {
            self.print_work(
                &mut body,
                proc,
                Some(t),
                "    ",
                "    pending transaction",
                *w,
            );
        }
        if always || !body.is_empty() {
            let _ = writeln!(out, "  thread {tid}: l {:02x} need_return 0 tr 0", t.looper);
            out.push_str(&body);
        }
    }

    /// `print_binder_node_nilocked`: the node, the pids holding refs to it (most recent ref
    /// first, as the kernel's list) and, while its owner lives, its queued oneways.
    fn print_node(&self, out: &mut String, id: NodeId, n: &Node) {
        let _ = write!(
            out,
            "  node {}: u{:016x} c{:016x} hs {} hw {} ls {} lw {} is {} iw {} tr 0",
            id.0,
            n.ptr,
            n.cookie,
            n.has_strong_ref as u32,
            n.has_weak_ref as u32,
            n.local_strong_refs,
            n.local_weak_refs,
            n.internal_strong_refs,
            n.refs.len(),
        );
        if !n.refs.is_empty() {
            let mut holders: Vec<(u64, i32)> = n
                .refs
                .iter()
                .filter_map(|h| self.procs.get(h))
                .map(|p| {
                    let ref_id = p
                        .refs_by_node
                        .get(&id)
                        .and_then(|handle| p.refs_by_handle.get(handle))
                        .map_or(0, |r| r.id);
                    (ref_id, p.creds.pid)
                })
                .collect();
            holders.sort_by_key(|&(ref_id, _)| std::cmp::Reverse(ref_id));
            out.push_str(" proc");
            for (_, pid) in holders {
                let _ = write!(out, " {pid}");
            }
        }
        out.push('\n');
        if !n.dead {
            for &t in &n.async_todo {
                self.print_work(
                    out,
                    n.owner,
                    None,
                    "    ",
                    "    pending async transaction",
                    Work::Transaction(t),
                );
            }
        }
    }

    /// `binder_alloc_print_allocated`: one line per allocated buffer, by offset.
    fn print_buffers(&self, out: &mut String, p: &Process) {
        let Some(m) = &p.mapping else {
            return;
        };
        for (&off, b) in &p.buffers {
            let size = m.alloc.allocated_size(off).unwrap_or(0) as u64;
            let used = align8(b.data_size)
                .unwrap_or(u64::MAX)
                .saturating_add(b.offsets_size);
            // A buffer with nothing in it still takes the minimum 8 bytes.
            let extra = if used == 0 {
                0
            } else {
                size.saturating_sub(used)
            };
            let _ = writeln!(
                out,
                "  buffer {}: {off:x} size {}:{}:{extra} {}",
                b.txn.map_or(0, |t| t.0),
                b.data_size,
                b.offsets_size,
                if b.txn.is_some() {
                    "active"
                } else {
                    "delivered"
                },
            );
        }
    }

    /// `print_binder_work_ilocked`. `thread` is the thread whose queue holds the item (for
    /// its error codes).
    fn print_work(
        &self,
        out: &mut String,
        proc: ProcId,
        thread: Option<&Thread>,
        prefix: &str,
        txn_prefix: &str,
        w: Work,
    ) {
        let p = &self.procs[&proc];
        match w {
            Work::Transaction(t) => self.print_txn(out, proc, txn_prefix, t),
            Work::ReturnError => {
                let cmd = thread.map_or(0, |t| t.return_error);
                let _ = writeln!(out, "{prefix}transaction error: {cmd}");
            }
            Work::ReplyError => {
                let cmd = thread.map_or(0, |t| t.reply_error);
                let _ = writeln!(out, "{prefix}transaction error: {cmd}");
            }
            Work::TransactionComplete => {
                let _ = writeln!(out, "{prefix}transaction complete");
            }
            // The kernel's printer has no case for these two work types.
            Work::TransactionPendingFrozen => {
                let _ = writeln!(out, "{prefix}unknown work: type {WORK_TRANSACTION_PENDING}");
            }
            Work::OnewaySpamSuspect => {
                let _ = writeln!(
                    out,
                    "{prefix}unknown work: type {WORK_TRANSACTION_ONEWAY_SPAM_SUSPECT}"
                );
            }
            Work::Node(n) => {
                if let Some(node) = self.nodes.get(&n) {
                    let _ = writeln!(
                        out,
                        "{prefix}node work {}: u{:016x} c{:016x}",
                        n.0, node.ptr, node.cookie
                    );
                }
            }
            // A record that is gone or idle delivers nothing when read; it prints nothing.
            Work::Death(d) => {
                let text = match p.deaths.get(&d).map(|d| d.work) {
                    Some(DeathWork::DeadBinder) => "has dead binder",
                    Some(DeathWork::DeadBinderAndClear) => "has cleared dead binder",
                    Some(DeathWork::Clear) => "has cleared death notification",
                    Some(DeathWork::Idle) | None => return,
                };
                let _ = writeln!(out, "{prefix}{text}");
            }
            Work::Freeze(f) => {
                let Some(fr) = p.freezes.get(&f) else {
                    return;
                };
                let text = if fr.cleared {
                    "has cleared freeze notification"
                } else {
                    "has frozen binder"
                };
                let _ = writeln!(out, "{prefix}{text}");
            }
        }
    }

    /// `print_binder_transaction_ilocked`, printed from `proc`'s point of view: the buffer is
    /// shown only when `proc` is the target.
    fn print_txn(&self, out: &mut String, proc: ProcId, prefix: &str, id: TxnId) {
        let Some(t) = self.txns.get(&id) else {
            return;
        };
        // The sender's thread: kept by sync calls; for oneways and replies, from the log.
        let from_tid = t.from.map(|(_, tid)| tid).unwrap_or_else(|| {
            self.log
                .entries()
                .find(|e| e.debug_id == id.0)
                .map_or(0, |e| e.from_tid)
        });
        let to_pid = t
            .to_proc
            .and_then(|p| self.procs.get(&p))
            .map_or(0, |p| p.creds.pid);
        let _ = write!(
            out,
            "{prefix} {}: {:016x} from {}:{from_tid} to {to_pid}:{} code {:x} flags {:x} \
             pri 0 a{} r{} elapsed 0ms",
            id.0,
            id.0,
            t.sender_pid,
            t.to_thread.unwrap_or(0),
            t.code,
            t.flags,
            t.is_oneway() as u32,
            t.is_reply as u32,
        );
        if t.to_proc != Some(proc) {
            out.push('\n');
            return;
        }
        let buffer = t
            .buffer
            .and_then(|(bp, off)| Some((off, self.procs.get(&bp)?.buffers.get(&off)?)));
        let Some((off, b)) = buffer else {
            out.push_str(" buffer free\n");
            return;
        };
        if let Some(n) = b.target_node {
            let _ = write!(out, " node {}", n.0);
        }
        let _ = writeln!(
            out,
            " size {}:{} offset {off:x}",
            b.data_size, b.offsets_size
        );
    }

    /// `print_binder_proc_stats`.
    fn print_proc_stats(&self, out: &mut String, p: &Process) {
        let _ = writeln!(out, "proc {}", p.creds.pid);
        let _ = writeln!(out, "context {}", self.name());
        let _ = writeln!(out, "  threads: {}", p.threads.len());
        let _ = writeln!(
            out,
            "  requested threads: {}+{}/{}",
            p.requested_threads, p.requested_threads_started, p.max_threads
        );
        let _ = writeln!(out, "  ready threads {}", p.ready_threads.len());
        let _ = writeln!(
            out,
            "  free async space {}",
            p.mapping.as_ref().map_or(0, |m| m.alloc.free_async_space())
        );
        let _ = writeln!(out, "  nodes: {}", p.nodes.len());
        let (strong, weak) = p.refs_by_handle.values().fold((0u64, 0u64), |(s, w), r| {
            (s + r.strong as u64, w + r.weak as u64)
        });
        let _ = writeln!(
            out,
            "  refs: {} s {strong} w {weak}",
            p.refs_by_handle.len()
        );
        let _ = writeln!(out, "  buffers: {}", p.buffers.len());
        let (active, free) = page_usage(p);
        let _ = writeln!(out, "  pages: {active}:0:{free}");
        let _ = writeln!(out, "  pages high watermark: {active}");
        let pending = p.todo.iter().filter(|w| w.is_transaction()).count();
        let _ = writeln!(out, "  pending transactions: {pending}");
        print_counters(out, "  ", &p.stats.bc, &p.stats.br);
    }
}

/// The non-zero `BC_*` and `BR_*` counters (the first part of `print_binder_stats`).
fn print_counters(out: &mut String, prefix: &str, bc: &[u64; BC_COUNT], br: &[u64; BR_COUNT]) {
    let named = BC_NAMES.iter().zip(bc).chain(BR_NAMES.iter().zip(br));
    for (name, &n) in named {
        if n != 0 {
            let _ = writeln!(out, "{prefix}{name}: {n}");
        }
    }
}

/// Pages of the mapping that allocated buffers touch, and the rest (0 and 0 when unmapped).
fn page_usage(p: &Process) -> (usize, usize) {
    let Some(m) = &p.mapping else {
        return (0, 0);
    };
    let mut pages = BTreeSet::new();
    for &off in p.buffers.keys() {
        let size = m.alloc.allocated_size(off).unwrap_or(0);
        if size > 0 {
            pages.extend(off / PAGE_SIZE..=(off + size - 1) / PAGE_SIZE);
        }
    }
    let total = m.alloc.size() / PAGE_SIZE;
    (pages.len(), total.saturating_sub(pages.len()))
}

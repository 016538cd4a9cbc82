//! A read-only view of driver state, like the kernel's debugfs `state` and `stats` files.

use std::collections::VecDeque;

use super::context::Context;
use super::ProcId;
use super::Tid;

/// One node a process owns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeInfo {
    pub ptr: u64,
    pub cookie: u64,
    /// `FLAT_BINDER_FLAG_*` the node was created with.
    pub flags: u32,
    /// Userspace holds a strong (weak) reference it was told about (`hs`/`hw`).
    pub has_strong_ref: bool,
    pub has_weak_ref: bool,
    /// Refs with a strong count, and local counts (`is`, `ls`, `lw`).
    pub internal_strong_refs: u32,
    pub local_strong_refs: u32,
    pub local_weak_refs: u32,
    /// Number of processes holding a ref.
    pub refs: usize,
}

/// One ref a process holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefInfo {
    pub handle: u32,
    pub strong: u32,
    pub weak: u32,
    /// The node's owner is gone.
    pub dead: bool,
    /// A death notification is registered.
    pub death: bool,
}

/// One allocated buffer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BufferInfo {
    pub offset: usize,
    pub size: usize,
    /// Handed to userspace (may be freed with `BC_FREE_BUFFER`).
    pub delivered: bool,
    pub oneway: bool,
}

/// A process's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcInfo {
    pub pid: i32,
    pub threads: usize,
    pub nodes: Vec<NodeInfo>,
    pub refs: Vec<RefInfo>,
    pub buffers: Vec<BufferInfo>,
    /// Usable size of the receive buffer (0 before mmap).
    pub buffer_size: usize,
    pub free_async_space: usize,
    pub max_threads: u32,
    pub requested_threads: u32,
    pub requested_threads_started: u32,
    /// Threads parked waiting for process work.
    pub ready_threads: usize,
    /// Items on the process queue.
    pub todo: usize,
    /// Death notifications delivered and not yet acknowledged.
    pub delivered_deaths: usize,
    /// Death records alive (armed, queued or delivered).
    pub deaths: usize,
}

impl Context {
    /// The state of one process, or `None` if it is not open.
    pub fn proc_info(&self, proc: ProcId) -> Option<ProcInfo> {
        let p = self.procs.get(&proc)?;
        let nodes = p
            .nodes
            .values()
            .map(|id| {
                let n = &self.nodes[id];
                NodeInfo {
                    ptr: n.ptr,
                    cookie: n.cookie,
                    flags: n.flags,
                    has_strong_ref: n.has_strong_ref,
                    has_weak_ref: n.has_weak_ref,
                    internal_strong_refs: n.internal_strong_refs,
                    local_strong_refs: n.local_strong_refs,
                    local_weak_refs: n.local_weak_refs,
                    refs: n.refs.len(),
                }
            })
            .collect();
        let refs = p
            .refs_by_handle
            .iter()
            .map(|(&handle, r)| RefInfo {
                handle,
                strong: r.strong,
                weak: r.weak,
                dead: self.nodes[&r.node].dead,
                death: r.death.is_some(),
            })
            .collect();
        let (buffer_size, free_async_space) = p
            .mapping
            .as_ref()
            .map_or((0, 0), |m| (m.alloc.size(), m.alloc.free_async_space()));
        let buffers = p
            .buffers
            .iter()
            .map(|(&offset, b)| BufferInfo {
                offset,
                size: p
                    .mapping
                    .as_ref()
                    .and_then(|m| m.alloc.allocated_size(offset))
                    .unwrap_or(0),
                delivered: b.allow_user_free,
                oneway: b.oneway,
            })
            .collect();
        Some(ProcInfo {
            pid: p.creds.pid,
            threads: p.threads.len(),
            nodes,
            refs,
            buffers,
            buffer_size,
            free_async_space,
            max_threads: p.max_threads,
            requested_threads: p.requested_threads,
            requested_threads_started: p.requested_threads_started,
            ready_threads: p.ready_threads.len(),
            todo: p.todo.len(),
            delivered_deaths: p.delivered_deaths.len(),
            deaths: p.deaths.len(),
        })
    }

    /// Nodes whose owner is gone but that refs still name (debugfs "dead nodes").
    pub fn dead_nodes(&self) -> usize {
        self.nodes.values().filter(|n| n.dead).count()
    }

    /// Nodes alive in the device, dead ones included.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// Transactions in flight.
    pub fn transaction_count(&self) -> usize {
        self.txns.len()
    }

    /// Open processes.
    pub fn proc_count(&self) -> usize {
        self.procs.len()
    }
}

/// What kind of transaction a log entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallType {
    Call,
    Async,
    Reply,
}

/// One transaction, as the kernel's `transaction_log` keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    pub debug_id: u64,
    pub call_type: CallType,
    pub from_pid: i32,
    pub from_tid: Tid,
    /// The target (0 when it was not resolved).
    pub to_pid: i32,
    pub to_tid: Tid,
    /// Debug id of the target node (0 for replies and unresolved targets).
    pub to_node: u64,
    pub target_handle: u32,
    pub data_size: u64,
    pub offsets_size: u64,
    /// `BR_OK`, or the code the sender got.
    pub return_error: u32,
    /// The negative errno behind a failure (0 if none).
    pub return_error_param: i32,
    /// Why it failed (empty on success); stands where the kernel prints a source line.
    pub reason: &'static str,
}

/// A ring of the last [`TransactionLog::CAPACITY`] entries.
#[derive(Clone, Debug, Default)]
pub struct TransactionLog {
    entries: VecDeque<LogEntry>,
}

impl TransactionLog {
    /// Entries kept, as `struct binder_transaction_log`.
    pub const CAPACITY: usize = 32;

    pub(crate) fn push(&mut self, e: LogEntry) {
        if self.entries.len() == Self::CAPACITY {
            self.entries.pop_front();
        }
        self.entries.push_back(e);
    }

    /// Oldest first.
    pub fn entries(&self) -> impl Iterator<Item = &LogEntry> {
        self.entries.iter()
    }
}

//! `binder_proc`: one open of a device.

use std::collections::{BTreeMap, VecDeque};

use super::alloc::RangeAllocator;
use super::freeze::{Freeze, FreezeId};
use super::node::{Death, DeathId, NodeId, Ref};
use super::thread::Thread;
use super::transaction::TxnId;
use super::work::Work;
use super::{Credentials, Tid};

/// The receive buffer a process mapped.
#[derive(Debug)]
pub(crate) struct Mapping {
    /// Where the process sees the buffer's first byte.
    pub(crate) user_addr: u64,
    pub(crate) alloc: RangeAllocator,
    /// The process unmapped it: no new buffer is allocated in it.
    pub(crate) vma_closed: bool,
}

/// A reference a buffer holds on behalf of the transaction that filled it, released when the
/// buffer is freed (the kernel's `binder_transaction_buffer_release`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Held {
    /// A local count on a node the buffer's process owns (an object that arrived as BINDER).
    Node { node: NodeId, strong: bool },
    /// A count on the buffer process's own ref `handle` to `node` (an object that arrived as
    /// HANDLE). Released by `handle`, as the kernel does: if the process dropped that count
    /// itself and the ref is gone, a newer ref to the same node under another handle is not
    /// the buffer's to release.
    Ref {
        node: NodeId,
        handle: u32,
        strong: bool,
    },
}

/// One allocated range of a receive buffer and what it carries.
#[derive(Debug)]
pub(crate) struct Buffer {
    pub(crate) data_size: u64,
    pub(crate) offsets_size: u64,
    /// The transaction still attached to the buffer, if any.
    pub(crate) txn: Option<TxnId>,
    /// The node a transaction was addressed to; holds a local strong count while it lives.
    pub(crate) target_node: Option<NodeId>,
    /// Set once the buffer was handed to userspace: only then may `BC_FREE_BUFFER` free it.
    pub(crate) allow_user_free: bool,
    /// A oneway buffer, charged to the async quota.
    pub(crate) oneway: bool,
    /// The oneway that holds its node's async slot (queued for delivery or delivered): the
    /// node's next oneway waits until this buffer is freed. Oneways still waiting on the node,
    /// or that failed, hold nothing.
    pub(crate) async_slot: bool,
    /// `TF_CLEAR_BUF`: zero the range when it is freed.
    pub(crate) clear_on_free: bool,
    pub(crate) held: Vec<Held>,
    /// The sender's pid (oneway spam accounting, `TF_UPDATE_TXN` matching).
    pub(crate) sender_pid: i32,
    /// Files to install in the receiver when it reads, and where their numbers go.
    pub(crate) fd_fixups: Vec<FdFixup>,
    /// The fixups' references were handed to the host to install (a read waits for its
    /// answer): they are the host's from then on, never put by the core.
    pub(crate) files_handed: bool,
    /// Installed fds the driver closes when the buffer is freed (those of fd arrays).
    pub(crate) close_fds: Vec<u32>,
}

/// A file travelling in a buffer: installed in the receiver at read time, its fd number
/// written at `offset` of the buffer.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FdFixup {
    pub(crate) offset: usize,
    pub(crate) file: super::host::FileRef,
    /// Part of a `BINDER_TYPE_FDA`: closed by the driver on `BC_FREE_BUFFER`.
    pub(crate) close_on_free: bool,
}

/// Freezing of a process (`BINDER_FREEZE`). Sync calls are refused from the moment a freeze
/// starts; freeze notifications report only a completed freeze (the Rust driver's rule).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum Frozen {
    #[default]
    No,
    /// Frozen to new sync calls, waiting for outstanding transactions to drain.
    InProgress,
    Yes,
}

/// `binder_proc`.
#[derive(Debug)]
pub(crate) struct Process {
    pub(crate) creds: Credentials,
    /// Opened with `O_NONBLOCK`: reads that would wait fail with `EAGAIN`.
    pub(crate) nonblocking: bool,
    pub(crate) threads: BTreeMap<Tid, Thread>,
    /// Nodes this process owns, by the userspace pointer that names them.
    pub(crate) nodes: BTreeMap<u64, NodeId>,
    pub(crate) refs_by_handle: BTreeMap<u32, Ref>,
    pub(crate) refs_by_node: BTreeMap<NodeId, u32>,
    /// Death-notification records, whether registered, queued or delivered.
    pub(crate) deaths: BTreeMap<DeathId, Death>,
    /// Deaths delivered and not yet acknowledged with `BC_DEAD_BINDER_DONE`, oldest first.
    pub(crate) delivered_deaths: Vec<DeathId>,
    /// Work for any looper thread.
    pub(crate) todo: VecDeque<Work>,
    /// Threads parked waiting for process work, most recent first.
    pub(crate) ready_threads: VecDeque<Tid>,
    pub(crate) max_threads: u32,
    /// Outstanding `BR_SPAWN_LOOPER` requests (0 or 1).
    pub(crate) requested_threads: u32,
    pub(crate) requested_threads_started: u32,
    pub(crate) mapping: Option<Mapping>,
    /// Allocated buffers by offset in the mapping.
    pub(crate) buffers: BTreeMap<usize, Buffer>,
    /// Transactions addressed to this process and not finished (the C `outstanding_txns`).
    pub(crate) outstanding_txns: u32,
    pub(crate) frozen: Frozen,
    /// A sync (async) transaction arrived while frozen, since the last freeze change.
    pub(crate) sync_recv: bool,
    pub(crate) async_recv: bool,
    /// `BINDER_ENABLE_ONEWAY_SPAM_DETECTION`: read `BR_ONEWAY_SPAM_SUSPECT` when suspected.
    pub(crate) oneway_spam_detection: bool,
    /// Freeze-notification records of this process's refs.
    pub(crate) freezes: BTreeMap<FreezeId, Freeze>,
    /// Freeze notifications delivered and not yet acknowledged, oldest first.
    pub(crate) delivered_freezes: Vec<FreezeId>,
    pub(crate) stats: super::stats::Stats,
}

impl Process {
    pub(crate) fn new(creds: Credentials, nonblocking: bool) -> Self {
        Process {
            creds,
            nonblocking,
            threads: BTreeMap::new(),
            nodes: BTreeMap::new(),
            refs_by_handle: BTreeMap::new(),
            refs_by_node: BTreeMap::new(),
            deaths: BTreeMap::new(),
            delivered_deaths: Vec::new(),
            todo: VecDeque::new(),
            ready_threads: VecDeque::new(),
            max_threads: 0,
            requested_threads: 0,
            requested_threads_started: 0,
            mapping: None,
            buffers: BTreeMap::new(),
            outstanding_txns: 0,
            frozen: Frozen::No,
            sync_recv: false,
            async_recv: false,
            oneway_spam_detection: false,
            freezes: BTreeMap::new(),
            delivered_freezes: Vec::new(),
            stats: Default::default(),
        }
    }

    /// Whether a `BR_SPAWN_LOOPER` should be sent now: no request outstanding, nobody waiting
    /// for work, and room under `max_threads`.
    pub(crate) fn needs_thread(&self) -> bool {
        self.requested_threads == 0
            && self.ready_threads.is_empty()
            && self.requested_threads_started < self.max_threads
    }

    /// Transactions are still in progress: outstanding ones, or a thread in a call.
    pub(crate) fn txns_pending(&self) -> bool {
        self.outstanding_txns > 0 || self.threads.values().any(|t| t.transaction_stack.is_some())
    }

    /// The smallest handle not in use, starting at `from` (handle 0 is the context manager's).
    pub(crate) fn free_handle(&self, from: u32) -> u32 {
        let mut want = from;
        for &h in self.refs_by_handle.range(from..).map(|(h, _)| h) {
            if h != want {
                break;
            }
            want += 1;
        }
        want
    }

    /// `proc` and the user address of the buffer at `offset`.
    pub(crate) fn buffer_user_addr(&self, offset: usize) -> u64 {
        self.mapping
            .as_ref()
            .map(|m| m.user_addr + offset as u64)
            .unwrap_or(0)
    }

    /// Removes `work` from the process queue and every thread queue; true if it was queued.
    pub(crate) fn dequeue(&mut self, work: Work) -> bool {
        let mut found = remove_from(&mut self.todo, work);
        for t in self.threads.values_mut() {
            if remove_from(&mut t.todo, work) {
                found = true;
                if t.todo.is_empty() {
                    t.process_todo = false;
                }
            }
        }
        found
    }
}

fn remove_from(q: &mut VecDeque<Work>, work: Work) -> bool {
    match q.iter().position(|&w| w == work) {
        Some(i) => {
            q.remove(i);
            true
        }
        None => false,
    }
}

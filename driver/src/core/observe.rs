//! What an operator watches (`binderctl`): traffic counters per process and per node, a
//! snapshot of threads, buffers and queued work, and a bounded ring of transaction events.
//!
//! The core has no clock: while a recording runs, the host stamps time with
//! [`Context::set_clock`] before each entry point, and every event carries the last stamp.
//! With no recording, the only cost on the transaction path is the test for one (an
//! `Option` that is `None`) and a few counter increments.

use std::collections::VecDeque;

use super::context::Context;
use super::debug::LogEntry;
use super::host::Env;
use super::node::NodeId;
use super::process::Frozen;
use super::transaction::TxnId;
use super::{ProcId, Tid};
use crate::uapi::{b_pack_chars, BinderTransactionData};

/// The most payload bytes read for an interface token: its header and a descriptor of up to
/// [`MAX_DESCRIPTOR`] UTF-16 units.
const MAX_TOKEN: usize = 16 + 2 * (MAX_DESCRIPTOR + 1);
const MAX_DESCRIPTOR: usize = 256;

/// The descriptor of the interface token `data` starts with, as libbinder writes it
/// (`Parcel::writeInterfaceToken`): strict-mode policy (its top bit set), work-source uid, a
/// header (`SYST`, `VNDR` or `RECO`), then the descriptor as a String16. `None` when it does
/// not start with one (a `PING`, an AIDL-less protocol).
fn interface_token(data: &[u8]) -> Option<Box<str>> {
    let word = |i: usize| -> Option<u32> {
        Some(u32::from_le_bytes(data.get(i..i + 4)?.try_into().ok()?))
    };
    let headers = [
        b_pack_chars(b'S', b'Y', b'S', b'T'),
        b_pack_chars(b'V', b'N', b'D', b'R'),
        b_pack_chars(b'R', b'E', b'C', b'O'),
    ];
    if word(0)? & 0x8000_0000 == 0 || !headers.contains(&word(8)?) {
        return None;
    }
    let len = word(12)? as usize;
    if len == 0 || len > MAX_DESCRIPTOR {
        return None;
    }
    let units: Vec<u16> = data
        .get(16..16 + 2 * len)?
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    let s = String::from_utf16(&units).ok()?;
    s.chars()
        .all(|c| c.is_ascii_graphic())
        .then(|| s.into_boxed_str())
}

/// Transactions a process or node received since it was created.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Traffic {
    /// Sync calls delivered to it.
    pub calls: u64,
    /// Oneway transactions delivered to it.
    pub oneways: u64,
    /// Replies delivered to it (processes only).
    pub replies: u64,
    /// Payload bytes (data and offsets) of all of them.
    pub bytes: u64,
    /// Sync calls it sent (processes only).
    pub calls_sent: u64,
}

impl Traffic {
    /// Counts a transaction delivered to its owner.
    #[inline]
    pub(crate) fn received(&mut self, reply: bool, oneway: bool, data: u64, offsets: u64) {
        if reply {
            self.replies += 1;
        } else if oneway {
            self.oneways += 1;
        } else {
            self.calls += 1;
        }
        self.bytes = self.bytes.wrapping_add(data).wrapping_add(offsets);
    }
}

/// One process as `binderctl top` shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcView {
    pub pid: i32,
    /// Threads serving or making a sync call (a transaction on their stack).
    pub busy: u32,
    /// Threads parked in a read, waiting for work, with no call on their stack.
    pub waiting: u32,
    /// The others: running their own code outside the driver.
    pub idle: u32,
    /// Work items queued, on the process and on its threads.
    pub pending: u32,
    /// Receive buffer: usable size and bytes allocated.
    pub buffer_size: u64,
    pub buffer_used: u64,
    /// The async half of it: its size and bytes oneway buffers hold.
    pub async_size: u64,
    pub async_used: u64,
    /// 0 not frozen, 1 freezing (waiting for transactions to drain), 2 frozen.
    pub frozen: u8,
    pub traffic: Traffic,
}

/// One node as `binderctl top` shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeView {
    /// Debug id (the `node N` of debugfs).
    pub id: u64,
    /// Owner's pid (0 for a dead node).
    pub owner_pid: i32,
    pub ptr: u64,
    /// Processes holding a ref.
    pub refs: u32,
    /// The interface it serves, once a recording saw a call with an interface token (empty
    /// until then).
    pub descriptor: String,
    pub traffic: Traffic,
}

/// What happened to a transaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum EventKind {
    /// A sync call was queued for its target.
    Call = 0,
    /// A oneway transaction was queued.
    Oneway = 1,
    /// A reply was queued for the caller (`in_reply_to` names the call).
    Reply = 2,
    /// A thread read the transaction (`BR_TRANSACTION` / `BR_REPLY`): `to_*` is the reader.
    Delivered = 3,
    /// It failed; `code` is the `BR_*` its sender read.
    Failed = 4,
}

impl EventKind {
    pub fn from_u8(v: u8) -> Option<EventKind> {
        Some(match v {
            0 => EventKind::Call,
            1 => EventKind::Oneway,
            2 => EventKind::Reply,
            3 => EventKind::Delivered,
            4 => EventKind::Failed,
            _ => return None,
        })
    }
}

/// One entry of the event ring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Event {
    /// Position in the device's event stream (consecutive; a gap is a drop).
    pub seq: u64,
    /// The host's clock at the entry point that produced it, in nanoseconds.
    pub ts_ns: u64,
    pub kind: EventKind,
    /// The transaction's debug id.
    pub txn: u64,
    /// For a reply, the call it answers (0 otherwise).
    pub in_reply_to: u64,
    pub from_pid: i32,
    pub from_tid: Tid,
    /// The target process and thread (thread 0 when any looper may take it); for
    /// [`EventKind::Delivered`], the reader.
    pub to_pid: i32,
    pub to_tid: Tid,
    /// The target node's debug id (0 for replies).
    pub node: u64,
    pub code: u32,
    pub flags: u32,
    /// Data plus offsets bytes.
    pub size: u64,
}

/// A page of events read from the ring.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventPage {
    pub events: Vec<Event>,
    /// Events after the asked position that the ring no longer holds.
    pub dropped: u64,
    /// Where to ask from next time.
    pub next: u64,
}

/// The ring of a recording.
#[derive(Debug)]
pub(crate) struct Recorder {
    ring: VecDeque<Event>,
    capacity: usize,
    now: u64,
    /// Interfaces learnt during the recording, by node debug id (at most [`MAX_LEARNT`]):
    /// a trace names a node by them even after it died.
    learnt: VecDeque<(u64, Box<str>)>,
}

const MAX_LEARNT: usize = 4096;

/// What the transaction path knows at its end, for [`Context::observe_sent`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Sent {
    pub(crate) node: Option<NodeId>,
    pub(crate) in_reply_to: Option<TxnId>,
    pub(crate) reply: bool,
    pub(crate) oneway: bool,
    pub(crate) code: u32,
    pub(crate) flags: u32,
}

impl Context {
    /// Starts recording transaction events into a ring of `capacity` (at least 1) entries;
    /// the oldest are dropped when it is full. A recording already running keeps its events
    /// and grows to `capacity` if that is larger.
    pub fn start_recording(&mut self, capacity: usize) {
        let capacity = capacity.max(1);
        match &mut self.recorder {
            Some(r) => r.capacity = r.capacity.max(capacity),
            None => {
                self.recorder = Some(Box::new(Recorder {
                    ring: VecDeque::new(),
                    capacity,
                    now: 0,
                    learnt: VecDeque::new(),
                }))
            }
        }
    }

    /// Stops recording and forgets the ring.
    pub fn stop_recording(&mut self) {
        self.recorder = None;
    }

    /// Whether a recording runs (the host then stamps time with [`Context::set_clock`]).
    #[inline]
    pub fn is_recording(&self) -> bool {
        self.recorder.is_some()
    }

    /// The host's clock, in nanoseconds, for the events of the entry points that follow.
    pub fn set_clock(&mut self, now_ns: u64) {
        if let Some(r) = &mut self.recorder {
            r.now = now_ns;
        }
    }

    /// Up to `max` events from position `from` on (position 0 is the device's first event).
    pub fn events_since(&self, from: u64, max: usize) -> EventPage {
        let Some(r) = &self.recorder else {
            return EventPage {
                events: Vec::new(),
                dropped: self.event_seq.saturating_sub(from),
                next: self.event_seq,
            };
        };
        let oldest = self.event_seq - r.ring.len() as u64;
        let start = from.clamp(oldest, self.event_seq);
        let skip = (start - oldest) as usize;
        let events: Vec<Event> = r.ring.iter().skip(skip).take(max).copied().collect();
        EventPage {
            dropped: start.saturating_sub(from),
            next: start + events.len() as u64,
            events,
        }
    }

    /// The interfaces the running recording learnt, by node debug id, oldest first (nodes
    /// that died since included).
    pub fn recorded_interfaces(&self) -> Vec<(u64, String)> {
        self.recorder.as_ref().map_or_else(Vec::new, |r| {
            r.learnt.iter().map(|(n, d)| (*n, d.to_string())).collect()
        })
    }

    /// Every process and node, with its counters.
    pub fn observe(&self) -> (Vec<ProcView>, Vec<NodeView>) {
        let procs = self
            .procs
            .values()
            .rev()
            .map(|p| {
                let (mut busy, mut waiting, mut idle, mut pending) = (0, 0, 0, p.todo.len() as u32);
                for t in p.threads.values() {
                    pending += t.todo.len() as u32;
                    if t.transaction_stack.is_some() || t.pending.is_some() {
                        busy += 1;
                    } else if t.parked.is_some() {
                        waiting += 1;
                    } else {
                        idle += 1;
                    }
                }
                let (size, used, async_used) = match &p.mapping {
                    Some(m) => {
                        let used: usize = p
                            .buffers
                            .keys()
                            .filter_map(|&o| m.alloc.allocated_size(o))
                            .sum();
                        let size = m.alloc.size();
                        (
                            size,
                            used,
                            (size / 2).saturating_sub(m.alloc.free_async_space()),
                        )
                    }
                    None => (0, 0, 0),
                };
                ProcView {
                    pid: p.creds.pid,
                    busy,
                    waiting,
                    idle,
                    pending,
                    buffer_size: size as u64,
                    buffer_used: used as u64,
                    async_size: size as u64 / 2,
                    async_used: async_used as u64,
                    frozen: match p.frozen {
                        Frozen::No => 0,
                        Frozen::InProgress => 1,
                        Frozen::Yes => 2,
                    },
                    traffic: p.traffic,
                }
            })
            .collect();
        let nodes = self
            .nodes
            .iter()
            .map(|(id, n)| NodeView {
                id: id.0,
                owner_pid: if n.dead {
                    0
                } else {
                    self.procs.get(&n.owner).map_or(0, |p| p.creds.pid)
                },
                ptr: n.ptr,
                refs: n.refs.len() as u32,
                descriptor: n.descriptor.as_deref().unwrap_or("").to_string(),
                traffic: n.traffic,
            })
            .collect();
        (procs, nodes)
    }

    /// A transaction was queued for its target (which counted it already): counts it for its
    /// node and, for a sync call, its sender, and records it if a recording runs.
    pub(crate) fn observe_sent(&mut self, proc: ProcId, s: &Sent, e: &LogEntry) {
        if let Some(n) = s.node.and_then(|n| self.nodes.get_mut(&n)) {
            n.traffic
                .received(s.reply, s.oneway, e.data_size, e.offsets_size);
            if !s.oneway {
                if let Some(p) = self.procs.get_mut(&proc) {
                    p.traffic.calls_sent += 1;
                }
            }
        }
        if self.recorder.is_some() {
            let kind = if s.reply {
                EventKind::Reply
            } else if s.oneway {
                EventKind::Oneway
            } else {
                EventKind::Call
            };
            self.record(kind, e, s.in_reply_to.map_or(0, |t| t.0), s.code, s.flags);
        }
    }

    /// A transaction failed (`e.return_error` is what its sender reads).
    #[inline]
    pub(crate) fn observe_failed(&mut self, e: &LogEntry) {
        if self.recorder.is_some() {
            self.record(EventKind::Failed, e, 0, e.return_error, 0);
        }
    }

    /// Thread `tid` of `proc` read transaction `txn` (`td` as it read it, its payload at
    /// `offset` of its receive buffer).
    #[inline]
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn observe_delivered(
        &mut self,
        proc: ProcId,
        tid: Tid,
        txn: TxnId,
        node: Option<NodeId>,
        td: &BinderTransactionData,
        offset: usize,
        env: &mut Env,
    ) {
        if self.recorder.is_some() {
            self.record_delivered(proc, tid, txn, node, td, offset, env);
        }
    }

    #[cold]
    #[allow(clippy::too_many_arguments)]
    fn record_delivered(
        &mut self,
        proc: ProcId,
        tid: Tid,
        txn: TxnId,
        node: Option<NodeId>,
        td: &BinderTransactionData,
        offset: usize,
        env: &mut Env,
    ) {
        // The interface a node serves, from the token a call's payload starts with: read once
        // per node, and only while recording.
        if let Some((id, n)) = node.and_then(|id| Some((id, self.nodes.get_mut(&id)?))) {
            if n.descriptor.is_none() {
                let len = (td.data_size as usize).min(MAX_TOKEN);
                n.descriptor = interface_token(env.rx.buffer_mut(proc, offset, len));
                if let (Some(d), Some(r)) = (&n.descriptor, &mut self.recorder) {
                    if r.learnt.len() == MAX_LEARNT {
                        r.learnt.pop_front();
                    }
                    r.learnt.push_back((id.0, d.clone()));
                }
            }
        }
        let pid = self.procs.get(&proc).map_or(0, |p| p.creds.pid);
        let e = LogEntry {
            debug_id: txn.0,
            call_type: super::debug::CallType::Call,
            from_pid: 0,
            from_tid: 0,
            to_pid: pid,
            to_tid: tid,
            to_node: node.map_or(0, |n| n.0),
            target_handle: 0,
            data_size: td.data_size,
            offsets_size: td.offsets_size,
            return_error: 0,
            return_error_param: 0,
            reason: "",
        };
        self.record(EventKind::Delivered, &e, 0, td.code, td.flags);
    }

    #[cold]
    fn record(&mut self, kind: EventKind, e: &LogEntry, in_reply_to: u64, code: u32, flags: u32) {
        let seq = self.event_seq;
        let Some(r) = &mut self.recorder else { return };
        self.event_seq += 1;
        if r.ring.len() == r.capacity {
            r.ring.pop_front();
        }
        r.ring.push_back(Event {
            seq,
            ts_ns: r.now,
            kind,
            txn: e.debug_id,
            in_reply_to,
            from_pid: e.from_pid,
            from_tid: e.from_tid,
            to_pid: e.to_pid,
            to_tid: e.to_tid,
            node: e.to_node,
            code,
            flags,
            size: e.data_size.wrapping_add(e.offsets_size),
        });
    }
}

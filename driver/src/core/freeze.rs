//! Freezing (`BINDER_FREEZE`, `BINDER_GET_FROZEN_INFO`) and freeze notifications.
//!
//! In binder-sim a freeze changes Binder delivery only: sync calls into a frozen process fail
//! with `BR_FROZEN_REPLY`, oneways queue up (`BR_TRANSACTION_PENDING_FROZEN` to their senders),
//! and holders of its nodes who asked are told. The process's threads keep running; stopping
//! them is the freezer's (cgroup's) job, not the driver's.

use super::context::Context;
use super::host::Env;
use super::process::Frozen;
use super::thread::Parked;
use super::work::Work;
use super::{Completion, Errno, ProcId, Tid, Wake};
use crate::uapi::*;

/// Identifies a freeze-notification record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct FreezeId(pub(crate) u64);

/// Where a freeze notification is in its delivery cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FreezeState {
    /// Nothing queued, nothing awaiting `BC_FREEZE_NOTIFICATION_DONE`.
    Idle,
    Queued,
    /// Delivered; waiting for `BC_FREEZE_NOTIFICATION_DONE`.
    Sent,
}

/// `binder_ref_freeze`: one ref's freeze-notification registration.
#[derive(Debug)]
pub(crate) struct Freeze {
    pub(crate) cookie: u64,
    /// The state the next `BR_FROZEN_BINDER` reports.
    pub(crate) is_frozen: bool,
    /// The state last delivered: the same state is never reported twice in a row.
    pub(crate) last_sent: Option<bool>,
    pub(crate) state: FreezeState,
    /// A change (or the clear) arrived while a notification awaited its ack.
    pub(crate) resend: bool,
    /// Cleared: the next delivery is `BR_CLEAR_FREEZE_NOTIFICATION_DONE`, then it is gone.
    pub(crate) cleared: bool,
}

impl Context {
    fn procs_of_pid(&self, pid: u32) -> Vec<ProcId> {
        self.procs
            .iter()
            .filter(|(_, p)| p.creds.pid as u32 == pid && pid != 0)
            .map(|(&id, _)| id)
            .collect()
    }

    /// `BINDER_FREEZE`. Applies to the procs of `pid` on this device.
    pub(crate) fn freeze_ioctl(
        &mut self,
        proc: ProcId,
        tid: Tid,
        arg: u64,
        env: &mut Env,
    ) -> Completion {
        let info: BinderFreezeInfo = match env.read(proc, arg) {
            Ok(i) => i,
            Err(_) => return Completion::Done(Err(Errno::EFAULT)),
        };
        let targets = self.procs_of_pid(info.pid);
        if targets.is_empty() {
            return Completion::Done(Err(Errno::EINVAL));
        }
        for &p in &targets {
            let p = self.proc_mut(p);
            p.sync_recv = false;
            p.async_recv = false;
            p.frozen = if info.enable != 0 {
                Frozen::InProgress
            } else {
                Frozen::No
            };
        }
        if info.enable == 0 {
            // A freeze still draining is abandoned.
            self.abort_freezers(info.pid);
            for p in targets {
                self.freeze_changed(p, false);
            }
            return Completion::Done(Ok(0));
        }
        let draining = targets.iter().any(|p| self.procs[p].outstanding_txns > 0);
        if info.timeout_ms > 0 && draining {
            let t = self.thread_mut(proc, tid);
            t.parked = Some(Parked::Freeze { pid: info.pid });
            self.freezers.push((proc, tid));
            return Completion::Waiting {
                timeout_ms: info.timeout_ms,
            };
        }
        Completion::Done(self.finish_freeze(info.pid))
    }

    /// Ends a freeze of `pid`: it fails with `EAGAIN` (and is undone) if transactions are
    /// still pending, else the procs are frozen and their watchers told.
    pub(crate) fn finish_freeze(&mut self, pid: u32) -> Result<i32, Errno> {
        let targets = self.procs_of_pid(pid);
        if targets.iter().any(|p| self.procs[p].txns_pending()) {
            for p in targets {
                self.proc_mut(p).frozen = Frozen::No;
            }
            return Err(Errno::EAGAIN);
        }
        for p in targets {
            if self.procs[&p].frozen == Frozen::InProgress {
                self.proc_mut(p).frozen = Frozen::Yes;
                self.freeze_changed(p, true);
            }
        }
        Ok(0)
    }

    /// Whether every proc of `pid` has drained.
    pub(crate) fn freeze_drained(&self, pid: u32) -> bool {
        self.procs_of_pid(pid)
            .iter()
            .all(|p| self.procs[p].outstanding_txns == 0)
    }

    /// A transaction addressed to `proc` ended; a drained freeze of it may complete.
    pub(crate) fn txn_finished_for(&mut self, proc: ProcId) {
        let Some(p) = self.procs.get_mut(&proc) else {
            return;
        };
        p.outstanding_txns -= 1;
        if p.outstanding_txns == 0 && p.frozen == Frozen::InProgress {
            let pid = p.creds.pid as u32;
            self.wake_freezers(pid);
        }
    }

    fn freezers_of(&self, pid: u32) -> Vec<(ProcId, Tid)> {
        self.freezers
            .iter()
            .copied()
            .filter(|(p, t)| {
                matches!(
                    self.procs.get(p).and_then(|p| p.threads.get(t)).and_then(|t| t.parked),
                    Some(Parked::Freeze { pid: fp }) if fp == pid
                )
            })
            .collect()
    }

    pub(crate) fn wake_freezers(&mut self, pid: u32) {
        for (p, t) in self.freezers_of(pid) {
            self.wakes.push(Wake::Resume(p, t));
        }
    }

    /// An unfreeze arrived while freezes of `pid` were draining: they fail with `EAGAIN`.
    fn abort_freezers(&mut self, pid: u32) {
        for (p, t) in self.freezers_of(pid) {
            self.thread_mut(p, t).abandoned_freeze = true;
            self.wakes.push(Wake::Resume(p, t));
        }
    }

    /// `BINDER_GET_FROZEN_INFO`.
    pub(crate) fn get_frozen_info(
        &mut self,
        proc: ProcId,
        arg: u64,
        env: &mut Env,
    ) -> Result<i32, Errno> {
        let mut info: BinderFrozenStatusInfo = env.read(proc, arg)?;
        let targets = self.procs_of_pid(info.pid);
        if targets.is_empty() {
            return Err(Errno::EINVAL);
        }
        info.sync_recv = 0;
        info.async_recv = 0;
        for p in targets {
            let p = &self.procs[&p];
            info.sync_recv |= p.sync_recv as u32 | (p.txns_pending() as u32) << 1;
            info.async_recv |= p.async_recv as u32;
        }
        env.write(proc, arg, &info)?;
        Ok(0)
    }

    /// The freeze state of `owner` changed: every ref to its nodes with a freeze registration
    /// learns of it, coalesced with what is already queued or awaiting an ack.
    fn freeze_changed(&mut self, owner: ProcId, frozen: bool) {
        let nodes: Vec<_> = self.procs[&owner].nodes.values().copied().collect();
        for n in nodes {
            let holders: Vec<ProcId> = self.nodes[&n].refs.iter().copied().collect();
            for h in holders {
                let p = self.proc_mut(h);
                let handle = p.refs_by_node[&n];
                let Some(f) = p.refs_by_handle[&handle].freeze else {
                    continue;
                };
                let fr = p.freezes.get_mut(&f).unwrap();
                match fr.state {
                    FreezeState::Queued => fr.is_frozen = frozen,
                    FreezeState::Sent => {
                        fr.resend = fr.last_sent != Some(frozen);
                        fr.is_frozen = frozen;
                    }
                    FreezeState::Idle => {
                        if fr.last_sent != Some(frozen) {
                            fr.is_frozen = frozen;
                            fr.state = FreezeState::Queued;
                            self.push_proc_work(h, Work::Freeze(f));
                        }
                    }
                }
            }
        }
    }

    /// `BC_REQUEST_FREEZE_NOTIFICATION`: reports the current state at once.
    pub(crate) fn request_freeze(
        &mut self,
        proc: ProcId,
        handle: u32,
        cookie: u64,
    ) -> Result<(), Errno> {
        let Some(r) = self.procs[&proc].refs_by_handle.get(&handle) else {
            tracing::warn!(
                proc = proc.0,
                handle,
                "BC_REQUEST_FREEZE_NOTIFICATION invalid ref"
            );
            return Err(Errno::EINVAL);
        };
        if r.freeze.is_some() {
            tracing::warn!(
                proc = proc.0,
                handle,
                "BC_REQUEST_FREEZE_NOTIFICATION already set"
            );
            return Err(Errno::EINVAL);
        }
        let n = &self.nodes[&r.node];
        let alive = !n.dead;
        let is_frozen = alive && self.procs[&n.owner].frozen == Frozen::Yes;
        let f = FreezeId(self.next_id());
        let p = self.proc_mut(proc);
        p.refs_by_handle.get_mut(&handle).unwrap().freeze = Some(f);
        p.freezes.insert(
            f,
            Freeze {
                cookie,
                is_frozen,
                last_sent: None,
                state: if alive {
                    FreezeState::Queued
                } else {
                    FreezeState::Idle
                },
                resend: false,
                cleared: false,
            },
        );
        self.stats.created(super::stats::Obj::Freeze);
        if alive {
            self.push_proc_work(proc, Work::Freeze(f));
        }
        Ok(())
    }

    /// `BC_CLEAR_FREEZE_NOTIFICATION`: the clear-done is queued now, replaces a queued
    /// notification in place, or follows the ack of one already delivered.
    pub(crate) fn clear_freeze(
        &mut self,
        proc: ProcId,
        handle: u32,
        cookie: u64,
    ) -> Result<(), Errno> {
        let p = self.proc_mut(proc);
        let Some(r) = p.refs_by_handle.get_mut(&handle) else {
            tracing::warn!(
                proc = proc.0,
                handle,
                "BC_CLEAR_FREEZE_NOTIFICATION invalid ref"
            );
            return Err(Errno::EINVAL);
        };
        let Some(f) = r.freeze else {
            tracing::warn!(proc = proc.0, handle, "freeze notification not active");
            return Err(Errno::EINVAL);
        };
        let fr = p.freezes.get_mut(&f).unwrap();
        if fr.cookie != cookie {
            tracing::warn!(
                proc = proc.0,
                handle,
                cookie,
                "freeze notification cookie mismatch"
            );
            return Err(Errno::EINVAL);
        }
        r.freeze = None;
        fr.cleared = true;
        match fr.state {
            FreezeState::Idle => {
                fr.state = FreezeState::Queued;
                self.push_proc_work(proc, Work::Freeze(f));
            }
            FreezeState::Queued => {}
            FreezeState::Sent => fr.resend = true,
        }
        Ok(())
    }

    /// `BC_FREEZE_NOTIFICATION_DONE`.
    pub(crate) fn freeze_notification_done(
        &mut self,
        proc: ProcId,
        cookie: u64,
    ) -> Result<(), Errno> {
        let p = self.proc_mut(proc);
        let Some(i) = p
            .delivered_freezes
            .iter()
            .position(|f| p.freezes[f].cookie == cookie)
        else {
            tracing::warn!(
                proc = proc.0,
                cookie,
                "BC_FREEZE_NOTIFICATION_DONE not found"
            );
            return Err(Errno::EINVAL);
        };
        let f = p.delivered_freezes.remove(i);
        let fr = p.freezes.get_mut(&f).unwrap();
        fr.state = FreezeState::Idle;
        if std::mem::take(&mut fr.resend) {
            fr.state = FreezeState::Queued;
            self.push_proc_work(proc, Work::Freeze(f));
        }
        Ok(())
    }

    /// Delivers `Work::Freeze`: `BR_FROZEN_BINDER` (reading stops after it: it can cause
    /// transactions) or `BR_CLEAR_FREEZE_NOTIFICATION_DONE`.
    pub(crate) fn deliver_freeze(
        &mut self,
        proc: ProcId,
        f: FreezeId,
        w: &mut super::thread::ReadWriter,
        env: &mut Env,
    ) -> Result<super::thread::Next, Errno> {
        use super::thread::Next;
        let p = self.proc_mut(proc);
        let Some(fr) = p.freezes.get_mut(&f) else {
            return Ok(Next::More);
        };
        let cookie = fr.cookie;
        if fr.cleared {
            p.freezes.remove(&f);
            w.code(env, BR_CLEAR_FREEZE_NOTIFICATION_DONE)?;
            w.put(env, &cookie)?;
            return Ok(Next::More);
        }
        if fr.last_sent == Some(fr.is_frozen) {
            // Changed and changed back before it was read: nothing new to report.
            fr.state = FreezeState::Idle;
            return Ok(Next::More);
        }
        fr.state = FreezeState::Sent;
        fr.last_sent = Some(fr.is_frozen);
        let info = BinderFrozenStateInfo {
            cookie,
            is_frozen: fr.is_frozen as u32,
            reserved: 0,
        };
        p.delivered_freezes.push(f);
        w.code(env, BR_FROZEN_BINDER)?;
        w.put(env, &info)?;
        Ok(Next::Stop)
    }

    /// Forgets a freeze record wherever it is.
    pub(crate) fn delete_freeze(&mut self, proc: ProcId, f: FreezeId) {
        let p = self.proc_mut(proc);
        p.freezes.remove(&f);
        p.delivered_freezes.retain(|&x| x != f);
        p.dequeue(Work::Freeze(f));
    }

    /// Completes a parked `BINDER_FREEZE` after a wake, a timeout (`timed_out`) or an unfreeze.
    /// `None` while it must keep waiting.
    pub(crate) fn resume_freeze(
        &mut self,
        proc: ProcId,
        tid: Tid,
        pid: u32,
        timed_out: bool,
    ) -> Option<Result<i32, Errno>> {
        let abandoned = std::mem::take(&mut self.thread_mut(proc, tid).abandoned_freeze);
        if !abandoned && !timed_out && !self.freeze_drained(pid) {
            self.thread_mut(proc, tid).parked = Some(Parked::Freeze { pid });
            return None;
        }
        self.freezers.retain(|&x| x != (proc, tid));
        if abandoned {
            return Some(Err(Errno::EAGAIN));
        }
        Some(self.finish_freeze(pid))
    }
}

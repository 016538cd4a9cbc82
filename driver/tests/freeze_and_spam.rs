//! Conformance tests for the freezer (`BINDER_FREEZE`, `BINDER_GET_FROZEN_INFO`), oneways to
//! frozen processes (`BR_TRANSACTION_PENDING_FROZEN`, `TF_UPDATE_TXN`), freeze notifications
//! and oneway spam detection (`kernel-binder.md` §2.B, §2.E, §2.I, §2.J, §3).
mod common;
use common::*;

use binder_driver::core::{BufferInfo, Completion, Errno, ProcId, Tid};
use binder_driver::uapi::*;

/// Bytes one `BC_TRANSACTION`/`BC_REPLY` takes in the write buffer.
const TXN_CMD: u64 = 4 + 64;
/// Bytes one `BC_*_FREEZE_NOTIFICATION` takes (code + packed `binder_handle_cookie`).
const FREEZE_CMD: u64 = 4 + 12;
const SM_PID: u32 = 100;
const CLIENT_PID: u32 = 200;
const CLIENT_TID2: Tid = 202;
const OTHER_TID: Tid = 301;
/// The freezer (system_server's role): a process that opened the device, no mapping.
const CTL_TID: Tid = 51;
const CTL_TID2: Tid = 52;
/// A small mapping for the spam tests: async space 8192, spam window below 1638 free,
/// byte threshold over 4096.
const SMALL_MAP: usize = 16 * 1024;

// ---------------------------------------------------------------------------------------------
// Local helpers
// ---------------------------------------------------------------------------------------------

/// A context manager (pid 100, looper `SM_TID`), a client (pid 200), a third process
/// (pid 300) and a freezer (pid 50).
struct Fx {
    sim: Sim,
    sm: ProcId,
    client: ProcId,
    other: ProcId,
    ctl: ProcId,
}

/// The manager's receive buffer is `sm_map` bytes; its looper is parked in a read when
/// `sm_parked`, else it has entered the loop but is not reading (work stays queued).
fn setup(sm_map: usize, sm_parked: bool) -> Fx {
    let mut sim = Sim::new();
    let sm = sim.open(SM_PID as i32, 1000);
    sim.mmap(sm, sm_map).unwrap();
    assert_eq!(sim.set_context_mgr(sm, SM_TID), Ok(0));
    sim.write(sm, SM_TID, Cmds::new().enter_looper()).ok();
    if sm_parked {
        sim.read(sm, SM_TID).parked();
    }
    let client = sim.open_mapped(CLIENT_PID as i32, 10_001);
    let other = sim.open_mapped(300, 10_002);
    let ctl = sim.open(50, 1000);
    Fx {
        sim,
        sm,
        client,
        other,
        ctl,
    }
}

trait FreezeCmds {
    fn request_freeze(self, handle: u32, cookie: u64) -> Self;
    fn clear_freeze(self, handle: u32, cookie: u64) -> Self;
    fn freeze_done(self, cookie: u64) -> Self;
}

impl FreezeCmds for Cmds {
    fn request_freeze(self, handle: u32, cookie: u64) -> Self {
        self.code(BC_REQUEST_FREEZE_NOTIFICATION)
            .raw(BinderHandleCookie { handle, cookie }.as_bytes())
    }
    fn clear_freeze(self, handle: u32, cookie: u64) -> Self {
        self.code(BC_CLEAR_FREEZE_NOTIFICATION)
            .raw(BinderHandleCookie { handle, cookie }.as_bytes())
    }
    fn freeze_done(self, cookie: u64) -> Self {
        self.code_u64(BC_FREEZE_NOTIFICATION_DONE, cookie)
    }
}

/// `BINDER_FREEZE` that must finish at once.
#[track_caller]
fn freeze_now(sim: &mut Sim, ctl: ProcId, tid: Tid, pid: u32, enable: bool) -> Result<i32, Errno> {
    match sim.freeze(ctl, tid, pid, enable, 0) {
        Completion::Done(r) => r,
        other => panic!("freeze did not finish: {other:?}"),
    }
}

/// `BINDER_GET_FROZEN_INFO {pid}`: the result and `(sync_recv, async_recv)`.
fn frozen_info(sim: &mut Sim, from: ProcId, tid: Tid, pid: u32) -> (Result<i32, Errno>, u32, u32) {
    let arg = BinderFrozenStatusInfo {
        pid,
        sync_recv: 0xdead,
        async_recv: 0xbeef,
    };
    let (r, b) = sim.ioctl_val(from, tid, BINDER_GET_FROZEN_INFO, &arg);
    let info = BinderFrozenStatusInfo::from_bytes(&b).unwrap();
    if r.is_ok() {
        assert_eq!(info.pid, pid, "pid is left as given");
    }
    (r, info.sync_recv, info.async_recv)
}

fn ext_error(sim: &mut Sim, proc: ProcId, tid: Tid) -> BinderExtendedError {
    let (r, b) = sim.ioctl_val(
        proc,
        tid,
        BINDER_GET_EXTENDED_ERROR,
        &BinderExtendedError::default(),
    );
    assert_eq!(r, Ok(0));
    BinderExtendedError::from_bytes(&b).unwrap()
}

fn enable_spam_detection(sim: &mut Sim, proc: ProcId, tid: Tid, on: u32) {
    assert_eq!(
        sim.ioctl_val(proc, tid, BINDER_ENABLE_ONEWAY_SPAM_DETECTION, &on)
            .0,
        Ok(0)
    );
}

/// Sends one transaction and returns what the sender read at once (it must not park).
#[track_caller]
fn send(sim: &mut Sim, p: ProcId, t: Tid, code: u32, flags: u32, data: &[u8]) -> Vec<Br> {
    let d = sim
        .write_read(
            p,
            t,
            Cmds::new().transaction(0, code, flags, data, &[]),
            256,
        )
        .done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.write_consumed, TXN_CMD);
    d.items()
}

/// A read that finds nothing: the thread parks; it is interrupted to free it again.
#[track_caller]
fn assert_nothing_to_read(sim: &mut Sim, p: ProcId, t: Tid) {
    sim.read(p, t).parked();
    let d = sim.interrupt(p, t);
    assert_eq!(d.ret, Err(Errno::EINTR));
}

/// A read that must finish now; returns the returns after the placeholder.
#[track_caller]
fn read_items(sim: &mut Sim, p: ProcId, t: Tid) -> Vec<Br> {
    let d = sim.read(p, t).done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.brs[0], Br::Noop);
    d.items()
}

#[track_caller]
fn only_txn(items: &[Br]) -> Txn {
    match items {
        [Br::Transaction(t)] => t.clone(),
        other => panic!("expected one BR_TRANSACTION, got {other:?}"),
    }
}

/// The client calls the manager from `tid` and the manager (parked looper) takes the call.
fn call_delivered(f: &mut Fx, tid: Tid, code: u32) -> Txn {
    f.sim
        .write_read(f.client, tid, Cmds::new().call(0, code, b"call"), 256)
        .parked();
    let t = f.sim.wait(f.sm, SM_TID).ok().txn();
    assert_eq!(t.code, code);
    t
}

/// The manager frees the call's buffer and replies; it reads its BR_TRANSACTION_COMPLETE.
fn sm_reply(f: &mut Fx, call: &Txn, data: &[u8]) {
    let d = f
        .sim
        .write_read(
            f.sm,
            SM_TID,
            Cmds::new().free_buffer(call.buffer).reply(data),
            256,
        )
        .done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.items(), vec![Br::TransactionComplete]);
}

/// The caller's parked thread got `BR_TRANSACTION_COMPLETE` and the reply `data`.
#[track_caller]
fn assert_replied(f: &mut Fx, tid: Tid, data: &[u8]) {
    let d = f.sim.wait(f.client, tid);
    assert_eq!(d.ret, Ok(0));
    let items = d.items();
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(items[0], Br::TransactionComplete);
    match &items[1] {
        Br::Reply(r) => assert_eq!(r.data, data),
        other => panic!("expected BR_REPLY, got {other:?}"),
    }
}

/// A sync call from the client is refused at once with `BR_FROZEN_REPLY`.
#[track_caller]
fn assert_call_refused(f: &mut Fx, tid: Tid) {
    let d = f
        .sim
        .write_read(f.client, tid, Cmds::new().call(0, 77, b"x"), 256)
        .done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.write_consumed, TXN_CMD);
    assert_eq!(d.brs, vec![Br::Noop, Br::FrozenReply]);
    assert_eq!(d.read_consumed, 8);
}

/// The manager's `(sync_recv, async_recv)`, asked by the freezer's second thread.
fn sm_frozen_info(f: &mut Fx) -> (u32, u32) {
    let (r, s, a) = frozen_info(&mut f.sim, f.ctl, CTL_TID2, SM_PID);
    assert_eq!(r, Ok(0));
    (s, a)
}

/// Freeze-notification setting: the client holds a strong ref (handle 0) to the manager's
/// node and its thread `CLIENT_TID` is a looper that reads process work.
fn notif_setup() -> Fx {
    let mut f = setup(VM_SIZE, false);
    f.sim
        .write(f.client, CLIENT_TID, Cmds::new().acquire(0).enter_looper())
        .ok();
    f
}

/// The client registers for `cookie` on `handle` and reads the immediate report.
fn register(f: &mut Fx, handle: u32, cookie: u64, frozen: bool) {
    let d = f
        .sim
        .write_read(
            f.client,
            CLIENT_TID,
            Cmds::new().request_freeze(handle, cookie),
            256,
        )
        .done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.write_consumed, FREEZE_CMD);
    assert_eq!(d.brs, vec![Br::Noop, Br::FrozenBinder(cookie, frozen)]);
}

fn ack(f: &mut Fx, cookie: u64) {
    let d = f
        .sim
        .write(f.client, CLIENT_TID, Cmds::new().freeze_done(cookie));
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.write_consumed, 12);
}

/// The manager hands the client a strong ref to a second manager-owned node (`ptr`) in a
/// reply; the client keeps it. Returns the client's handle.
fn give_node(f: &mut Fx, ptr: u64) -> u32 {
    f.sim
        .write_read(f.client, CLIENT_TID2, Cmds::new().call(0, 1, b""), 256)
        .parked();
    let call = only_txn(&read_items(&mut f.sim, f.sm, SM_TID));
    let obj = obj_binder(BINDER_TYPE_BINDER, ptr, ptr + 1, 0);
    let d = f
        .sim
        .write_read(
            f.sm,
            SM_TID,
            Cmds::new()
                .free_buffer(call.buffer)
                .reply_with(0, &obj, &[0]),
            256,
        )
        .done();
    assert!(d.items().contains(&Br::TransactionComplete));
    let d = f.sim.wait(f.client, CLIENT_TID2);
    let reply = d.txn();
    let h = reply.object(0).handle();
    f.sim
        .write(
            f.client,
            CLIENT_TID2,
            Cmds::new().acquire(h).free_buffer(reply.buffer),
        )
        .ok();
    // The manager acknowledges the references its new node got, if it was told.
    let items = match f.sim.read(f.sm, SM_TID) {
        Step::Done(d) => d.items(),
        Step::Parked => {
            f.sim.interrupt(f.sm, SM_TID);
            Vec::new()
        }
        Step::Copying | Step::Installing => unreachable!("copies and installs are not held here"),
    };
    let mut acks = Cmds::new();
    for i in items {
        match i {
            Br::Increfs(p, c) => acks = acks.increfs_done(p, c),
            Br::Acquire(p, c) => acks = acks.acquire_done(p, c),
            _ => {}
        }
    }
    f.sim.write(f.sm, SM_TID, acks).ok();
    h
}

// ---------------------------------------------------------------------------------------------
// 1. BINDER_FREEZE
// ---------------------------------------------------------------------------------------------

#[test]
fn freeze_of_unknown_pid_is_einval() {
    let mut f = setup(VM_SIZE, true);
    for enable in [true, false] {
        assert_eq!(
            freeze_now(&mut f.sim, f.ctl, CTL_TID, 4242, enable),
            Err(Errno::EINVAL)
        );
        assert_eq!(
            freeze_now(&mut f.sim, f.ctl, CTL_TID, 0, enable),
            Err(Errno::EINVAL)
        );
    }
    // A timeout changes nothing: there is no process to wait for.
    assert_eq!(
        f.sim.freeze(f.ctl, CTL_TID, 4242, true, 100),
        Completion::Done(Err(Errno::EINVAL))
    );
    // Nothing was frozen by the failed calls.
    let call = call_delivered(&mut f, CLIENT_TID, 1);
    sm_reply(&mut f, &call, b"ok");
    assert_replied(&mut f, CLIENT_TID, b"ok");
}

#[test]
fn freeze_of_idle_process_succeeds_and_refuses_sync_calls() {
    let mut f = setup(VM_SIZE, true);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_call_refused(&mut f, CLIENT_TID);
    // §2.J: the caller's extended error names BR_FROZEN_REPLY (no errno).
    let ee = ext_error(&mut f.sim, f.client, CLIENT_TID);
    assert_eq!(ee.command, BR_FROZEN_REPLY);
    assert_eq!(ee.param, 0);
    assert_ne!(ee.id, 0);
    // Nothing reached the manager: no transaction, no buffer, its looper still waits.
    assert!(f.sim.is_parked(f.sm, SM_TID));
    assert_eq!(f.sim.ctx.transaction_count(), 0);
    let info = f.sim.info(f.sm);
    assert_eq!(info.buffers, vec![]);
    assert_eq!(info.free_async_space, VM_SIZE / 2);
    assert_eq!(info.todo, 0);
    // The refused call left no transaction stack behind: the caller may call again (and is
    // refused again, as the process is still frozen).
    assert_call_refused(&mut f, CLIENT_TID);
}

#[test]
fn freeze_with_timeout_and_nothing_outstanding_completes_at_once() {
    let mut f = setup(VM_SIZE, true);
    assert_eq!(
        f.sim.freeze(f.ctl, CTL_TID, SM_PID, true, 1000),
        Completion::Done(Ok(0))
    );
    assert!(f.sim.finished.is_empty());
    assert_call_refused(&mut f, CLIENT_TID);
}

#[test]
fn freezing_a_frozen_process_again_succeeds() {
    let mut f = setup(VM_SIZE, true);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_call_refused(&mut f, CLIENT_TID);
}

#[test]
fn oneway_to_frozen_process_reads_pending_frozen_and_is_still_delivered() {
    // §2.I: the oneway is queued as usual (binder_proc_transaction wakes a thread); the
    // simulator does not stop the frozen process's threads, so its parked looper gets it.
    let mut f = setup(VM_SIZE, true);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    let d = f
        .sim
        .write_read(f.client, CLIENT_TID, Cmds::new().oneway(0, 3, b"note"), 256)
        .done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.write_consumed, TXN_CMD);
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionPendingFrozen]);
    assert_eq!(d.read_consumed, 8);
    let t = f.sim.wait(f.sm, SM_TID).ok().txn();
    assert_eq!(t.code, 3);
    assert_eq!(t.flags, TF_ONE_WAY);
    assert_eq!(t.data, b"note");
    assert_eq!(t.sender_pid, 0, "oneways carry no sender pid");
}

#[test]
fn oneway_to_frozen_process_stays_queued_with_its_buffer() {
    let mut f = setup(VM_SIZE, false);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID, 3, TF_ONE_WAY, b"12345678"),
        vec![Br::TransactionPendingFrozen]
    );
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID, 4, TF_ONE_WAY, b"abcdefgh"),
        vec![Br::TransactionPendingFrozen]
    );
    let info = f.sim.info(f.sm);
    assert_eq!(info.todo, 1, "the second waits on the node");
    assert_eq!(info.buffers.len(), 2);
    assert!(info.buffers.iter().all(|b| b.oneway && !b.delivered));
    assert_eq!(info.free_async_space, VM_SIZE / 2 - 16);
    assert_eq!(f.sim.ctx.transaction_count(), 2);
    // Delivered in order when the process reads.
    let t = only_txn(&read_items(&mut f.sim, f.sm, SM_TID));
    assert_eq!((t.code, t.data.as_slice()), (3, &b"12345678"[..]));
    let d = f
        .sim
        .write_read(f.sm, SM_TID, Cmds::new().free_buffer(t.buffer), 256)
        .done();
    let t = only_txn(&d.items());
    assert_eq!((t.code, t.data.as_slice()), (4, &b"abcdefgh"[..]));
}

#[test]
fn freeze_timeout_zero_with_delivered_sync_call_is_eagain_and_leaves_process_unfrozen() {
    let mut f = setup(VM_SIZE, true);
    let call = call_delivered(&mut f, CLIENT_TID, 1);
    assert_eq!(
        freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true),
        Err(Errno::EAGAIN)
    );
    // Not frozen: a oneway completes normally and a second sync call is queued, not refused.
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID2, 2, TF_ONE_WAY, b"ow"),
        vec![Br::TransactionComplete]
    );
    f.sim
        .write_read(f.other, OTHER_TID, Cmds::new().call(0, 3, b"c2"), 256)
        .parked();
    sm_reply(&mut f, &call, b"r1");
    assert_replied(&mut f, CLIENT_TID, b"r1");
    // The manager now serves the queued oneway, then the second call.
    let t = only_txn(&read_items(&mut f.sim, f.sm, SM_TID));
    assert_eq!(t.code, 2);
    let d = f
        .sim
        .write_read(f.sm, SM_TID, Cmds::new().free_buffer(t.buffer), 256)
        .done();
    let t = only_txn(&d.items());
    assert_eq!((t.code, t.data.as_slice()), (3, &b"c2"[..]));
    let d = f
        .sim
        .write_read(
            f.sm,
            SM_TID,
            Cmds::new().free_buffer(t.buffer).reply(b"r2"),
            256,
        )
        .done();
    assert_eq!(d.items(), vec![Br::TransactionComplete]);
    let d = f.sim.wait(f.other, OTHER_TID);
    assert_eq!(d.items()[0], Br::TransactionComplete);
    assert_eq!(d.txn().data, b"r2");
}

#[test]
fn freeze_timeout_zero_with_queued_oneway_is_eagain_and_leaves_process_unfrozen() {
    let mut f = setup(VM_SIZE, false);
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID, 2, TF_ONE_WAY, b"ow"),
        vec![Br::TransactionComplete]
    );
    assert_eq!(
        freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true),
        Err(Errno::EAGAIN)
    );
    // A sync call is accepted (queued behind the oneway), not refused.
    f.sim
        .write_read(f.client, CLIENT_TID2, Cmds::new().call(0, 5, b"c"), 256)
        .parked();
    assert_eq!(f.sim.info(f.sm).todo, 2);
    let t = only_txn(&read_items(&mut f.sim, f.sm, SM_TID));
    assert_eq!(t.code, 2);
    let d = f
        .sim
        .write_read(f.sm, SM_TID, Cmds::new().free_buffer(t.buffer), 256)
        .done();
    assert_eq!(only_txn(&d.items()).code, 5);
}

#[test]
fn freeze_with_timeout_waits_for_the_reply_then_completes() {
    let mut f = setup(VM_SIZE, true);
    let call = call_delivered(&mut f, CLIENT_TID, 1);
    assert_eq!(
        f.sim.freeze(f.ctl, CTL_TID, SM_PID, true, 500),
        Completion::Waiting { timeout_ms: 500 }
    );
    assert!(f.sim.finished.is_empty());
    // Sync calls are refused while the freeze drains.
    assert_call_refused(&mut f, CLIENT_TID2);
    assert!(f.sim.finished.is_empty());
    // The reply of the process being frozen goes through, and ends the drain.
    sm_reply(&mut f, &call, b"pong");
    assert_eq!(
        f.sim.finished.remove(&(f.ctl, CTL_TID)),
        Some(Ok(0)),
        "the freeze completes once the reply is sent"
    );
    assert!(f.sim.finished.is_empty());
    assert_replied(&mut f, CLIENT_TID, b"pong");
    // Frozen now.
    assert_call_refused(&mut f, CLIENT_TID);
}

#[test]
fn freeze_with_timeout_waits_for_queued_oneway_delivery_then_completes() {
    // A oneway finishes at delivery (outstanding_txns, §2.I).
    let mut f = setup(VM_SIZE, false);
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID, 2, TF_ONE_WAY, b"ow"),
        vec![Br::TransactionComplete]
    );
    assert_eq!(
        f.sim.freeze(f.ctl, CTL_TID, SM_PID, true, 300),
        Completion::Waiting { timeout_ms: 300 }
    );
    assert!(f.sim.finished.is_empty());
    let t = only_txn(&read_items(&mut f.sim, f.sm, SM_TID));
    assert_eq!(t.code, 2);
    assert_eq!(f.sim.finished.remove(&(f.ctl, CTL_TID)), Some(Ok(0)));
    // Frozen, although the oneway's buffer is not freed yet.
    assert_call_refused(&mut f, CLIENT_TID2);
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID, 3, TF_ONE_WAY, b"ow2"),
        vec![Br::TransactionPendingFrozen]
    );
}

#[test]
fn freeze_timing_out_while_pending_is_eagain_and_unfreezes() {
    let mut f = setup(VM_SIZE, true);
    let call = call_delivered(&mut f, CLIENT_TID, 1);
    assert_eq!(
        f.sim.freeze(f.ctl, CTL_TID, SM_PID, true, 200),
        Completion::Waiting { timeout_ms: 200 }
    );
    assert_eq!(
        f.sim.timeout(f.ctl, CTL_TID),
        Completion::Done(Err(Errno::EAGAIN))
    );
    assert!(f.sim.finished.is_empty());
    // Unfrozen: a oneway completes normally; the reply later completes nothing else.
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID2, 2, TF_ONE_WAY, b"ow"),
        vec![Br::TransactionComplete]
    );
    sm_reply(&mut f, &call, b"r");
    assert!(f.sim.finished.is_empty());
    assert_replied(&mut f, CLIENT_TID, b"r");
    // A sync call is delivered again (the oneway first).
    let t = only_txn(&read_items(&mut f.sim, f.sm, SM_TID));
    assert_eq!(t.code, 2);
    f.sim
        .write(f.sm, SM_TID, Cmds::new().free_buffer(t.buffer))
        .ok();
    f.sim.read(f.sm, SM_TID).parked();
    let call = call_delivered(&mut f, CLIENT_TID, 9);
    sm_reply(&mut f, &call, b"again");
    assert_replied(&mut f, CLIENT_TID, b"again");
}

#[test]
fn freeze_interrupted_is_eintr_and_unfreezes() {
    let mut f = setup(VM_SIZE, true);
    let call = call_delivered(&mut f, CLIENT_TID, 1);
    assert_eq!(
        f.sim.freeze(f.ctl, CTL_TID, SM_PID, true, 200),
        Completion::Waiting { timeout_ms: 200 }
    );
    assert_eq!(
        f.sim.interrupt_ioctl(f.ctl, CTL_TID),
        Completion::Done(Err(Errno::EINTR))
    );
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID2, 2, TF_ONE_WAY, b"ow"),
        vec![Br::TransactionComplete]
    );
    sm_reply(&mut f, &call, b"r");
    assert!(
        f.sim.finished.is_empty(),
        "the interrupted freeze does not complete later"
    );
    assert_replied(&mut f, CLIENT_TID, b"r");
    // The freezer's thread is free for another ioctl: a fresh freeze works.
    let t = only_txn(&read_items(&mut f.sim, f.sm, SM_TID));
    f.sim
        .write(f.sm, SM_TID, Cmds::new().free_buffer(t.buffer))
        .ok();
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
}

#[test]
fn process_waiting_for_a_reply_cannot_be_frozen() {
    // §2.I: "any thread has a transaction stack" counts as pending.
    let mut f = setup(VM_SIZE, true);
    let call = call_delivered(&mut f, CLIENT_TID, 1);
    assert_eq!(
        freeze_now(&mut f.sim, f.ctl, CTL_TID, CLIENT_PID, true),
        Err(Errno::EAGAIN)
    );
    // Nothing is addressed to the client, so there is nothing to wait for: EAGAIN at once.
    assert_eq!(
        f.sim.freeze(f.ctl, CTL_TID, CLIENT_PID, true, 1000),
        Completion::Done(Err(Errno::EAGAIN))
    );
    let (r, sync_recv, async_recv) = frozen_info(&mut f.sim, f.ctl, CTL_TID, CLIENT_PID);
    assert_eq!((r, sync_recv, async_recv), (Ok(0), 2, 0));
    sm_reply(&mut f, &call, b"r");
    assert_replied(&mut f, CLIENT_TID, b"r");
    // Once the call is over the client can be frozen.
    assert_eq!(
        freeze_now(&mut f.sim, f.ctl, CTL_TID, CLIENT_PID, true),
        Ok(0)
    );
}

#[test]
fn unfreeze_lets_calls_through_again() {
    let mut f = setup(VM_SIZE, true);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_call_refused(&mut f, CLIENT_TID);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, false), Ok(0));
    let call = call_delivered(&mut f, CLIENT_TID, 4);
    sm_reply(&mut f, &call, b"back");
    assert_replied(&mut f, CLIENT_TID, b"back");
    let d = f
        .sim
        .write_read(f.client, CLIENT_TID, Cmds::new().oneway(0, 5, b"ow"), 256)
        .done();
    assert_eq!(d.items(), vec![Br::TransactionComplete]);
    // Unfreezing a process that is not frozen is fine too.
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, false), Ok(0));
}

#[test]
fn unfreeze_while_a_freeze_waits_fails_that_freeze_with_eagain() {
    let mut f = setup(VM_SIZE, true);
    let call = call_delivered(&mut f, CLIENT_TID, 1);
    assert_eq!(
        f.sim.freeze(f.ctl, CTL_TID, SM_PID, true, 1000),
        Completion::Waiting { timeout_ms: 1000 }
    );
    assert_eq!(
        freeze_now(&mut f.sim, f.ctl, CTL_TID2, SM_PID, false),
        Ok(0)
    );
    assert_eq!(
        f.sim.finished.remove(&(f.ctl, CTL_TID)),
        Some(Err(Errno::EAGAIN))
    );
    // Not frozen; the drain completing later changes nothing.
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID2, 2, TF_ONE_WAY, b"ow"),
        vec![Br::TransactionComplete]
    );
    sm_reply(&mut f, &call, b"r");
    assert!(f.sim.finished.is_empty());
    assert_replied(&mut f, CLIENT_TID, b"r");
    let t = only_txn(&read_items(&mut f.sim, f.sm, SM_TID));
    assert_eq!(t.code, 2);
}

#[test]
fn reply_into_a_process_being_frozen_is_delivered() {
    // §2.I "Replies: not blocked by freezing". The client owns a node the manager holds, so
    // a oneway to it keeps the client's freeze draining while its own call is answered.
    let mut f = setup(VM_SIZE, false);
    let obj = obj_binder(BINDER_TYPE_BINDER, 0xC0, 0xC1, 0);
    let d = f
        .sim
        .write_read(
            f.client,
            CLIENT_TID,
            Cmds::new().transaction(0, 1, TF_ONE_WAY, &obj, &[0]),
            256,
        )
        .done();
    assert!(d.items().contains(&Br::TransactionComplete));
    f.sim
        .write(
            f.client,
            CLIENT_TID,
            Cmds::new()
                .increfs_done(0xC0, 0xC1)
                .acquire_done(0xC0, 0xC1),
        )
        .ok();
    let t = only_txn(&read_items(&mut f.sim, f.sm, SM_TID));
    let h = t.object(0).handle();
    let d = f
        .sim
        .write_read(
            f.sm,
            SM_TID,
            Cmds::new().acquire(h).free_buffer(t.buffer).transaction(
                h,
                5,
                TF_ONE_WAY,
                b"to-client",
                &[],
            ),
            256,
        )
        .done();
    assert_eq!(d.items(), vec![Br::TransactionComplete]);
    // The client calls the manager; the manager takes the call.
    f.sim
        .write_read(f.client, CLIENT_TID, Cmds::new().call(0, 2, b"q"), 256)
        .parked();
    let call = only_txn(&read_items(&mut f.sim, f.sm, SM_TID));
    assert_eq!(call.code, 2);
    // Freeze the client: the oneway queued to it is outstanding, so the freeze waits.
    assert_eq!(
        f.sim.freeze(f.ctl, CTL_TID, CLIENT_PID, true, 1000),
        Completion::Waiting { timeout_ms: 1000 }
    );
    // The reply reaches the client's waiting thread.
    sm_reply(&mut f, &call, b"answer");
    assert_replied(&mut f, CLIENT_TID, b"answer");
    assert!(f.sim.finished.is_empty());
    // A client looper takes the oneway: drained, the freeze completes.
    let d = f
        .sim
        .write_read(f.client, CLIENT_TID2, Cmds::new().enter_looper(), 256)
        .done();
    let t = only_txn(&d.items());
    assert_eq!((t.code, t.data.as_slice()), (5, &b"to-client"[..]));
    assert_eq!(f.sim.finished.remove(&(f.ctl, CTL_TID)), Some(Ok(0)));
    // The client is frozen: the manager's sync call to its node is refused.
    let d = f
        .sim
        .write_read(
            f.sm,
            SM_TID,
            Cmds::new().transaction(h, 6, 0, b"", &[]),
            256,
        )
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::FrozenReply]);
}

// ---------------------------------------------------------------------------------------------
// 2. BINDER_GET_FROZEN_INFO
// ---------------------------------------------------------------------------------------------

#[test]
fn frozen_info_of_unknown_pid_is_einval() {
    let mut f = setup(VM_SIZE, true);
    assert_eq!(
        frozen_info(&mut f.sim, f.ctl, CTL_TID, 4242).0,
        Err(Errno::EINVAL)
    );
    assert_eq!(
        frozen_info(&mut f.sim, f.ctl, CTL_TID, 0).0,
        Err(Errno::EINVAL)
    );
}

#[test]
fn frozen_info_is_clear_for_an_idle_process() {
    let mut f = setup(VM_SIZE, true);
    assert_eq!(sm_frozen_info(&mut f), (0, 0));
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_eq!(sm_frozen_info(&mut f), (0, 0));
}

#[test]
fn frozen_info_reports_a_sync_call_refused_while_frozen() {
    let mut f = setup(VM_SIZE, true);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_call_refused(&mut f, CLIENT_TID);
    assert_eq!(sm_frozen_info(&mut f), (1, 0));
    // Reading does not reset it.
    assert_eq!(sm_frozen_info(&mut f), (1, 0));
}

#[test]
fn frozen_info_reports_a_oneway_received_while_frozen() {
    let mut f = setup(VM_SIZE, false);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID, 1, TF_ONE_WAY, b"a"),
        vec![Br::TransactionPendingFrozen]
    );
    // Bit 1 too: the oneway is still queued (outstanding).
    assert_eq!(sm_frozen_info(&mut f), (2, 1));
    assert_call_refused(&mut f, CLIENT_TID);
    assert_eq!(sm_frozen_info(&mut f), (3, 1));
    only_txn(&read_items(&mut f.sim, f.sm, SM_TID));
    assert_eq!(sm_frozen_info(&mut f), (1, 1));
}

#[test]
fn frozen_info_bit1_while_a_sync_transaction_is_pending() {
    let mut f = setup(VM_SIZE, true);
    let call = call_delivered(&mut f, CLIENT_TID, 1);
    // Not frozen: bit 1 says a transaction is pending in the manager.
    assert_eq!(sm_frozen_info(&mut f), (2, 0));
    // The caller has a transaction stack too.
    let (r, s, a) = frozen_info(&mut f.sim, f.ctl, CTL_TID, CLIENT_PID);
    assert_eq!((r, s, a), (Ok(0), 2, 0));
    sm_reply(&mut f, &call, b"r");
    assert_replied(&mut f, CLIENT_TID, b"r");
    assert_eq!(sm_frozen_info(&mut f), (0, 0));
    assert_eq!(
        frozen_info(&mut f.sim, f.ctl, CTL_TID, CLIENT_PID),
        (Ok(0), 0, 0)
    );
}

#[test]
fn frozen_info_bit1_while_a_oneway_is_queued() {
    let mut f = setup(VM_SIZE, false);
    send(&mut f.sim, f.client, CLIENT_TID, 1, TF_ONE_WAY, b"a");
    assert_eq!(sm_frozen_info(&mut f), (2, 0));
    only_txn(&read_items(&mut f.sim, f.sm, SM_TID));
    assert_eq!(sm_frozen_info(&mut f), (0, 0));
}

#[test]
fn frozen_info_is_reset_by_unfreeze_and_by_the_next_freeze() {
    let mut f = setup(VM_SIZE, false);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_call_refused(&mut f, CLIENT_TID);
    send(&mut f.sim, f.client, CLIENT_TID, 1, TF_ONE_WAY, b"a");
    only_txn(&read_items(&mut f.sim, f.sm, SM_TID));
    assert_eq!(sm_frozen_info(&mut f), (1, 1));
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, false), Ok(0));
    assert_eq!(sm_frozen_info(&mut f), (0, 0));
    // Frozen again, then frozen once more: the second freeze resets the bits.
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_call_refused(&mut f, CLIENT_TID);
    assert_eq!(sm_frozen_info(&mut f), (1, 0));
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_eq!(sm_frozen_info(&mut f), (0, 0));
}

// ---------------------------------------------------------------------------------------------
// 3. TF_UPDATE_TXN
// ---------------------------------------------------------------------------------------------

const UPD: u32 = TF_ONE_WAY | TF_UPDATE_TXN;

/// The manager reads the queued oneways one by one (freeing each to let the next go) and
/// returns `(code, data)` of each, in order.
fn drain_oneways(f: &mut Fx) -> Vec<(u32, Vec<u8>)> {
    let mut out = Vec::new();
    let mut d = f.sim.read(f.sm, SM_TID);
    loop {
        match d {
            Step::Parked => {
                let d = f.sim.interrupt(f.sm, SM_TID);
                assert_eq!(d.ret, Err(Errno::EINTR));
                return out;
            }
            Step::Copying | Step::Installing => {
                unreachable!("copies and installs are not held here")
            }
            Step::Done(done) => {
                let t = only_txn(&done.items());
                assert_eq!(t.flags & TF_ONE_WAY, TF_ONE_WAY);
                out.push((t.code, t.data.clone()));
                d = f
                    .sim
                    .write_read(f.sm, SM_TID, Cmds::new().free_buffer(t.buffer), 256);
            }
        }
    }
}

fn pending(items: Vec<Br>) {
    assert_eq!(items, vec![Br::TransactionPendingFrozen]);
}

#[test]
fn update_txn_replaces_an_older_queued_oneway_in_a_frozen_process() {
    let mut f = setup(VM_SIZE, false);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    // The first is in flight for the node (process queue); it is never replaced.
    pending(send(&mut f.sim, f.client, CLIENT_TID, 5, UPD, b"first..."));
    pending(send(&mut f.sim, f.client, CLIENT_TID, 5, UPD, b"older..."));
    let info = f.sim.info(f.sm);
    assert_eq!(info.buffers.len(), 2);
    assert_eq!(info.free_async_space, VM_SIZE / 2 - 16);
    pending(send(&mut f.sim, f.client, CLIENT_TID, 5, UPD, b"newer..."));
    // The older queued one is gone with its buffer.
    let info = f.sim.info(f.sm);
    assert_eq!(info.buffers.len(), 2);
    assert_eq!(info.free_async_space, VM_SIZE / 2 - 16);
    assert_eq!(info.todo, 1);
    assert_eq!(f.sim.ctx.transaction_count(), 2);
    pending(send(&mut f.sim, f.client, CLIENT_TID, 5, UPD, b"newest."));
    assert_eq!(f.sim.info(f.sm).buffers.len(), 2);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, false), Ok(0));
    assert_eq!(
        drain_oneways(&mut f),
        vec![(5, b"first...".to_vec()), (5, b"newest.".to_vec())]
    );
    let info = f.sim.info(f.sm);
    assert_eq!(info.buffers, Vec::<BufferInfo>::new());
    assert_eq!(info.free_async_space, VM_SIZE / 2);
}

#[test]
fn update_txn_keeps_oneways_with_a_different_code_or_flags() {
    let mut f = setup(VM_SIZE, false);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    pending(send(&mut f.sim, f.client, CLIENT_TID, 1, UPD, b"inflight"));
    pending(send(&mut f.sim, f.client, CLIENT_TID, 5, UPD, b"a-code-5"));
    // Different code.
    pending(send(&mut f.sim, f.client, CLIENT_TID, 6, UPD, b"b-code-6"));
    // Same code, no TF_UPDATE_TXN: flags differ, and it does not ask for an update.
    pending(send(
        &mut f.sim, f.client, CLIENT_TID, 5, TF_ONE_WAY, b"c-plain",
    ));
    pending(send(
        &mut f.sim, f.client, CLIENT_TID, 5, TF_ONE_WAY, b"d-plain",
    ));
    // Same code, TF_UPDATE_TXN plus another flag: flags differ from "a".
    pending(send(
        &mut f.sim,
        f.client,
        CLIENT_TID,
        5,
        UPD | TF_CLEAR_BUF,
        b"e-clear",
    ));
    assert_eq!(f.sim.info(f.sm).buffers.len(), 6);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, false), Ok(0));
    assert_eq!(
        drain_oneways(&mut f),
        vec![
            (1, b"inflight".to_vec()),
            (5, b"a-code-5".to_vec()),
            (6, b"b-code-6".to_vec()),
            (5, b"c-plain".to_vec()),
            (5, b"d-plain".to_vec()),
            (5, b"e-clear".to_vec()),
        ]
    );
}

#[test]
fn update_txn_only_replaces_a_oneway_from_the_same_sender() {
    let mut f = setup(VM_SIZE, false);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    pending(send(&mut f.sim, f.client, CLIENT_TID, 1, UPD, b"inflight"));
    pending(send(&mut f.sim, f.client, CLIENT_TID, 5, UPD, b"client-1"));
    pending(send(&mut f.sim, f.other, OTHER_TID, 5, UPD, b"other-1"));
    assert_eq!(f.sim.info(f.sm).buffers.len(), 3);
    // Replaces "client-1" (not the later "other-1"); the new one goes to the end.
    pending(send(&mut f.sim, f.client, CLIENT_TID2, 5, UPD, b"client-2"));
    assert_eq!(f.sim.info(f.sm).buffers.len(), 3);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, false), Ok(0));
    assert_eq!(
        drain_oneways(&mut f),
        vec![
            (1, b"inflight".to_vec()),
            (5, b"other-1".to_vec()),
            (5, b"client-2".to_vec()),
        ]
    );
}

#[test]
fn update_txn_does_not_replace_when_not_frozen() {
    let mut f = setup(VM_SIZE, false);
    for data in [b"one.....", b"two.....", b"three..."] {
        assert_eq!(
            send(&mut f.sim, f.client, CLIENT_TID, 5, UPD, data),
            vec![Br::TransactionComplete]
        );
    }
    assert_eq!(f.sim.info(f.sm).buffers.len(), 3);
    assert_eq!(
        drain_oneways(&mut f),
        vec![
            (5, b"one.....".to_vec()),
            (5, b"two.....".to_vec()),
            (5, b"three...".to_vec()),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Freeze notifications
// ---------------------------------------------------------------------------------------------

#[test]
fn request_freeze_notification_reports_the_current_state_at_once() {
    let mut f = notif_setup();
    let d = f
        .sim
        .write_read(
            f.client,
            CLIENT_TID,
            Cmds::new().request_freeze(0, 0xF1),
            256,
        )
        .done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.write_consumed, FREEZE_CMD);
    assert_eq!(d.brs, vec![Br::Noop, Br::FrozenBinder(0xF1, false)]);
    // Wire format: code, then binder_frozen_state_info {cookie, is_frozen, reserved = 0}.
    assert_eq!(d.read_consumed, 4 + 4 + 16);
    let mut want = BR_NOOP.to_ne_bytes().to_vec();
    want.extend_from_slice(&BR_FROZEN_BINDER.to_ne_bytes());
    want.extend_from_slice(&0xF1u64.to_ne_bytes());
    want.extend_from_slice(&0u32.to_ne_bytes());
    want.extend_from_slice(&0u32.to_ne_bytes());
    assert_eq!(d.raw, want);
}

#[test]
fn request_freeze_notification_on_a_frozen_node_reports_frozen() {
    let mut f = notif_setup();
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    register(&mut f, 0, 0xF1, true);
    ack(&mut f, 0xF1);
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
}

#[test]
fn reading_stops_after_br_frozen_binder() {
    let mut f = notif_setup();
    let h = give_node(&mut f, 0xB0);
    let d = f
        .sim
        .write_read(
            f.client,
            CLIENT_TID,
            Cmds::new().request_freeze(0, 0xF1).request_freeze(h, 0xF2),
            256,
        )
        .done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.write_consumed, 2 * FREEZE_CMD);
    assert_eq!(d.brs, vec![Br::Noop, Br::FrozenBinder(0xF1, false)]);
    assert_eq!(
        read_items(&mut f.sim, f.client, CLIENT_TID),
        vec![Br::FrozenBinder(0xF2, false)]
    );
}

#[test]
fn request_freeze_notification_errors_fail_the_ioctl() {
    let mut f = notif_setup();
    // No such handle.
    let d = f
        .sim
        .write_read(
            f.client,
            CLIENT_TID,
            Cmds::new().request_freeze(7, 0xF1),
            256,
        )
        .done();
    assert_eq!(d.ret, Err(Errno::EINVAL));
    assert_eq!((d.write_consumed, d.read_consumed), (0, 0));
    // Commands before the failing one stay done.
    let d = f
        .sim
        .write_read(
            f.client,
            CLIENT_TID,
            Cmds::new().request_freeze(0, 0xF1).request_freeze(0, 0xF2),
            256,
        )
        .done();
    assert_eq!(d.ret, Err(Errno::EINVAL), "already registered on the ref");
    assert_eq!((d.write_consumed, d.read_consumed), (FREEZE_CMD, 0));
    // The first registration stands: its report is queued.
    assert_eq!(
        read_items(&mut f.sim, f.client, CLIENT_TID),
        vec![Br::FrozenBinder(0xF1, false)]
    );
    // The same cookie again is refused as well.
    let d = f
        .sim
        .write(f.client, CLIENT_TID, Cmds::new().request_freeze(0, 0xF1));
    assert_eq!(d.ret, Err(Errno::EINVAL));
    assert_eq!(d.write_consumed, 0);
}

#[test]
fn completed_freeze_and_unfreeze_are_reported_to_the_holder() {
    let mut f = notif_setup();
    register(&mut f, 0, 0xF1, false);
    ack(&mut f, 0xF1);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_eq!(
        read_items(&mut f.sim, f.client, CLIENT_TID),
        vec![Br::FrozenBinder(0xF1, true)]
    );
    ack(&mut f, 0xF1);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, false), Ok(0));
    assert_eq!(
        read_items(&mut f.sim, f.client, CLIENT_TID),
        vec![Br::FrozenBinder(0xF1, false)]
    );
    ack(&mut f, 0xF1);
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
}

#[test]
fn notification_wakes_a_parked_holder_looper() {
    let mut f = notif_setup();
    register(&mut f, 0, 0xF1, false);
    ack(&mut f, 0xF1);
    f.sim.read(f.client, CLIENT_TID).parked();
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    let d = f.sim.wait(f.client, CLIENT_TID);
    assert_eq!(d.brs, vec![Br::Noop, Br::FrozenBinder(0xF1, true)]);
}

#[test]
fn freeze_notification_done_with_unknown_cookie_is_einval() {
    let mut f = notif_setup();
    let d = f
        .sim
        .write(f.client, CLIENT_TID, Cmds::new().freeze_done(0x99));
    assert_eq!(d.ret, Err(Errno::EINVAL));
    assert_eq!(d.write_consumed, 0);
    register(&mut f, 0, 0xF1, false);
    let d = f
        .sim
        .write(f.client, CLIENT_TID, Cmds::new().freeze_done(0x99));
    assert_eq!(d.ret, Err(Errno::EINVAL));
    ack(&mut f, 0xF1);
    // Acknowledged already: nothing awaits an ack.
    let d = f
        .sim
        .write(f.client, CLIENT_TID, Cmds::new().freeze_done(0xF1));
    assert_eq!(d.ret, Err(Errno::EINVAL));
    assert_eq!(d.write_consumed, 0);
}

#[test]
fn freeze_notification_done_before_delivery_is_einval() {
    let mut f = notif_setup();
    f.sim
        .write(f.client, CLIENT_TID, Cmds::new().request_freeze(0, 0xF1))
        .ok();
    // Queued, not delivered.
    let d = f
        .sim
        .write(f.client, CLIENT_TID, Cmds::new().freeze_done(0xF1));
    assert_eq!(d.ret, Err(Errno::EINVAL));
    assert_eq!(
        read_items(&mut f.sim, f.client, CLIENT_TID),
        vec![Br::FrozenBinder(0xF1, false)]
    );
}

#[test]
fn change_while_unacked_is_sent_after_the_ack() {
    let mut f = notif_setup();
    register(&mut f, 0, 0xF1, false);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
    let d = f
        .sim
        .write_read(f.client, CLIENT_TID, Cmds::new().freeze_done(0xF1), 256)
        .done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.brs, vec![Br::Noop, Br::FrozenBinder(0xF1, true)]);
}

#[test]
fn changes_while_unacked_coalesce_to_the_latest_state() {
    let mut f = notif_setup();
    register(&mut f, 0, 0xF1, false);
    // Freeze, unfreeze: back to the state last reported; nothing to resend.
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, false), Ok(0));
    ack(&mut f, 0xF1);
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
    // Freeze, unfreeze, freeze while unacked: one report, of the latest state.
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_eq!(
        read_items(&mut f.sim, f.client, CLIENT_TID),
        vec![Br::FrozenBinder(0xF1, true)]
    );
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, false), Ok(0));
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, false), Ok(0));
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
    ack(&mut f, 0xF1);
    assert_eq!(
        read_items(&mut f.sim, f.client, CLIENT_TID),
        vec![Br::FrozenBinder(0xF1, false)]
    );
    ack(&mut f, 0xF1);
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
}

#[test]
fn changes_before_a_queued_notification_is_read_coalesce() {
    let mut f = notif_setup();
    f.sim
        .write(f.client, CLIENT_TID, Cmds::new().request_freeze(0, 0xF1))
        .ok();
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_eq!(
        read_items(&mut f.sim, f.client, CLIENT_TID),
        vec![Br::FrozenBinder(0xF1, true)]
    );
    ack(&mut f, 0xF1);
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
}

#[test]
fn unfreeze_of_a_never_frozen_process_sends_nothing() {
    let mut f = notif_setup();
    register(&mut f, 0, 0xF1, false);
    ack(&mut f, 0xF1);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, false), Ok(0));
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
    // Nor does freezing twice report "frozen" twice.
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_eq!(
        read_items(&mut f.sim, f.client, CLIENT_TID),
        vec![Br::FrozenBinder(0xF1, true)]
    );
    ack(&mut f, 0xF1);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
}

#[test]

fn queued_change_reverted_before_delivery_is_not_reported() {
    // Rust freeze.rs: the state is taken at delivery and a state equal to the last one
    // reported is skipped — the same state is never reported twice in a row.
    let mut f = notif_setup();
    register(&mut f, 0, 0xF1, false);
    ack(&mut f, 0xF1);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, false), Ok(0));
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
}

#[test]
fn only_a_completed_freeze_is_reported() {
    let mut f = notif_setup();
    register(&mut f, 0, 0xF1, false);
    ack(&mut f, 0xF1);
    // The manager is serving a call from the client's second thread.
    f.sim
        .write_read(f.client, CLIENT_TID2, Cmds::new().call(0, 1, b""), 256)
        .parked();
    let call = only_txn(&read_items(&mut f.sim, f.sm, SM_TID));
    // A freeze that fails at once.
    assert_eq!(
        freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true),
        Err(Errno::EAGAIN)
    );
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
    // A freeze that drains, then times out.
    assert_eq!(
        f.sim.freeze(f.ctl, CTL_TID, SM_PID, true, 100),
        Completion::Waiting { timeout_ms: 100 }
    );
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
    assert_eq!(
        f.sim.timeout(f.ctl, CTL_TID),
        Completion::Done(Err(Errno::EAGAIN))
    );
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
    // A freeze that drains and completes is reported when it completes.
    assert_eq!(
        f.sim.freeze(f.ctl, CTL_TID, SM_PID, true, 100),
        Completion::Waiting { timeout_ms: 100 }
    );
    f.sim
        .write(
            f.sm,
            SM_TID,
            Cmds::new().free_buffer(call.buffer).reply(b""),
        )
        .ok();
    assert_eq!(f.sim.finished.remove(&(f.ctl, CTL_TID)), Some(Ok(0)));
    assert_eq!(
        read_items(&mut f.sim, f.client, CLIENT_TID),
        vec![Br::FrozenBinder(0xF1, true)]
    );
}

#[test]
fn registration_during_a_drain_reports_not_frozen() {
    let mut f = notif_setup();
    f.sim
        .write_read(f.client, CLIENT_TID2, Cmds::new().call(0, 1, b""), 256)
        .parked();
    let call = only_txn(&read_items(&mut f.sim, f.sm, SM_TID));
    assert_eq!(
        f.sim.freeze(f.ctl, CTL_TID, SM_PID, true, 100),
        Completion::Waiting { timeout_ms: 100 }
    );
    register(&mut f, 0, 0xF1, false);
    ack(&mut f, 0xF1);
    f.sim
        .write(
            f.sm,
            SM_TID,
            Cmds::new().free_buffer(call.buffer).reply(b""),
        )
        .ok();
    assert_eq!(f.sim.finished.remove(&(f.ctl, CTL_TID)), Some(Ok(0)));
    assert_eq!(
        read_items(&mut f.sim, f.client, CLIENT_TID),
        vec![Br::FrozenBinder(0xF1, true)]
    );
}

#[test]
fn clear_freeze_notification_when_idle_is_done_at_once() {
    let mut f = notif_setup();
    register(&mut f, 0, 0xF1, false);
    ack(&mut f, 0xF1);
    let d = f
        .sim
        .write_read(f.client, CLIENT_TID, Cmds::new().clear_freeze(0, 0xF1), 256)
        .done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.write_consumed, FREEZE_CMD);
    assert_eq!(d.brs, vec![Br::Noop, Br::ClearFreezeNotificationDone(0xF1)]);
    assert_eq!(d.read_consumed, 4 + 4 + 8);
    // No more reports.
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
}

#[test]
fn clear_replaces_a_queued_notification_in_place() {
    let mut f = notif_setup();
    let h = give_node(&mut f, 0xB0);
    f.sim
        .write(
            f.client,
            CLIENT_TID,
            Cmds::new()
                .request_freeze(0, 0xF1)
                .request_freeze(h, 0xF2)
                .clear_freeze(0, 0xF1),
        )
        .ok();
    // The clear-done sits where the report was, before the other report.
    assert_eq!(
        read_items(&mut f.sim, f.client, CLIENT_TID),
        vec![
            Br::ClearFreezeNotificationDone(0xF1),
            Br::FrozenBinder(0xF2, false)
        ]
    );
    ack(&mut f, 0xF2);
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
}

#[test]
fn clear_of_a_delivered_notification_waits_for_its_ack() {
    let mut f = notif_setup();
    register(&mut f, 0, 0xF1, false);
    f.sim
        .write(f.client, CLIENT_TID, Cmds::new().clear_freeze(0, 0xF1))
        .ok();
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
    // A change in between is not reported: the registration is being cleared.
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
    let d = f
        .sim
        .write_read(f.client, CLIENT_TID, Cmds::new().freeze_done(0xF1), 256)
        .done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.brs, vec![Br::Noop, Br::ClearFreezeNotificationDone(0xF1)]);
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
}

#[test]
fn clear_freeze_notification_errors_fail_the_ioctl() {
    let mut f = notif_setup();
    // Not registered.
    let d = f
        .sim
        .write(f.client, CLIENT_TID, Cmds::new().clear_freeze(0, 0xF1));
    assert_eq!(d.ret, Err(Errno::EINVAL));
    assert_eq!(d.write_consumed, 0);
    // No such handle.
    let d = f
        .sim
        .write(f.client, CLIENT_TID, Cmds::new().clear_freeze(9, 0xF1));
    assert_eq!(d.ret, Err(Errno::EINVAL));
    register(&mut f, 0, 0xF1, false);
    ack(&mut f, 0xF1);
    // Wrong cookie: the registration stays.
    let d = f.sim.write(
        f.client,
        CLIENT_TID,
        Cmds::new().enter_looper().clear_freeze(0, 0xF2),
    );
    assert_eq!(d.ret, Err(Errno::EINVAL));
    assert_eq!(d.write_consumed, 4);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_eq!(
        read_items(&mut f.sim, f.client, CLIENT_TID),
        vec![Br::FrozenBinder(0xF1, true)]
    );
    ack(&mut f, 0xF1);
    // Cleared twice.
    f.sim
        .write(f.client, CLIENT_TID, Cmds::new().clear_freeze(0, 0xF1))
        .ok();
    let d = f
        .sim
        .write(f.client, CLIENT_TID, Cmds::new().clear_freeze(0, 0xF1));
    assert_eq!(d.ret, Err(Errno::EINVAL));
    assert_eq!(
        read_items(&mut f.sim, f.client, CLIENT_TID),
        vec![Br::ClearFreezeNotificationDone(0xF1)]
    );
}

#[test]
fn re_registering_after_a_clear_works() {
    let mut f = notif_setup();
    register(&mut f, 0, 0xF1, false);
    ack(&mut f, 0xF1);
    let d = f
        .sim
        .write_read(f.client, CLIENT_TID, Cmds::new().clear_freeze(0, 0xF1), 256)
        .done();
    assert_eq!(d.items(), vec![Br::ClearFreezeNotificationDone(0xF1)]);
    // Same cookie: reported afresh (a new registration has reported nothing yet).
    register(&mut f, 0, 0xF1, false);
    ack(&mut f, 0xF1);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_eq!(
        read_items(&mut f.sim, f.client, CLIENT_TID),
        vec![Br::FrozenBinder(0xF1, true)]
    );
    ack(&mut f, 0xF1);
    // Another cookie after another clear.
    f.sim
        .write(f.client, CLIENT_TID, Cmds::new().clear_freeze(0, 0xF1))
        .ok();
    assert_eq!(
        read_items(&mut f.sim, f.client, CLIENT_TID),
        vec![Br::ClearFreezeNotificationDone(0xF1)]
    );
    register(&mut f, 0, 0xF3, true);
}

#[test]
fn dropping_the_ref_discards_the_registration() {
    let mut f = notif_setup();
    // A queued report is discarded with the ref.
    f.sim
        .write(
            f.client,
            CLIENT_TID,
            Cmds::new().request_freeze(0, 0xF1).release(0),
        )
        .ok();
    assert_eq!(f.sim.info(f.client).refs, vec![]);
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
    let d = f
        .sim
        .write(f.client, CLIENT_TID, Cmds::new().freeze_done(0xF1));
    assert_eq!(d.ret, Err(Errno::EINVAL));
    let d = f
        .sim
        .write(f.client, CLIENT_TID, Cmds::new().clear_freeze(0, 0xF1));
    assert_eq!(d.ret, Err(Errno::EINVAL));
    // A new ref starts without a registration.
    f.sim
        .write(f.client, CLIENT_TID, Cmds::new().acquire(0))
        .ok();
    register(&mut f, 0, 0xF1, true);
}

#[test]
fn dropping_the_ref_discards_a_delivered_registration() {
    let mut f = notif_setup();
    register(&mut f, 0, 0xF1, false);
    f.sim
        .write(f.client, CLIENT_TID, Cmds::new().release(0))
        .ok();
    let d = f
        .sim
        .write(f.client, CLIENT_TID, Cmds::new().freeze_done(0xF1));
    assert_eq!(d.ret, Err(Errno::EINVAL));
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    assert_nothing_to_read(&mut f.sim, f.client, CLIENT_TID);
}

// ---------------------------------------------------------------------------------------------
// 5. Oneway spam detection (§3: free async space < size/10 and the sender holds > 50 oneway
//    buffers or > size/4 bytes of them; the Rust driver reports every qualifying oneway)
// ---------------------------------------------------------------------------------------------

fn spam_setup() -> Fx {
    let f = setup(SMALL_MAP, false);
    let info = f.sim.info(f.sm);
    assert_eq!(info.buffer_size, SMALL_MAP);
    assert_eq!(info.free_async_space, SMALL_MAP / 2);
    f
}

#[test]
fn spam_suspect_once_async_space_is_low_and_sender_holds_a_quarter() {
    let mut f = spam_setup();
    enable_spam_detection(&mut f.sim, f.client, CLIENT_TID, 1);
    // 512-byte oneways: after k of them free async space is 8192 - 512k, first below 1638
    // at k = 13 (1536); the client then holds 6656 > 4096 bytes.
    for k in 1..=16u32 {
        let got = send(
            &mut f.sim,
            f.client,
            CLIENT_TID,
            k,
            TF_ONE_WAY,
            &[k as u8; 512],
        );
        let want = if k <= 12 {
            Br::TransactionComplete
        } else {
            Br::OnewaySpamSuspect
        };
        assert_eq!(got, vec![want], "oneway {k}");
        assert_eq!(
            f.sim.info(f.sm).free_async_space,
            SMALL_MAP / 2 - 512 * k as usize
        );
    }
    // The async space is used up: the next oneway fails.
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID, 17, TF_ONE_WAY, &[0; 512]),
        vec![Br::FailedReply]
    );
    let ee = ext_error(&mut f.sim, f.client, CLIENT_TID);
    assert_eq!((ee.command, ee.param), (BR_FAILED_REPLY, -28));
    // All 16 buffers are held (one delivered-to-be, the rest waiting on the node).
    let info = f.sim.info(f.sm);
    assert_eq!(info.buffers.len(), 16);
    assert!(info.buffers.iter().all(|b| b.oneway && b.size == 512));
    assert_eq!(info.todo, 1);
}

#[test]
fn spam_suspect_is_not_read_without_enabling_detection() {
    let mut f = spam_setup();
    // The flag belongs to the sender's process: the target enabling it changes nothing.
    enable_spam_detection(&mut f.sim, f.sm, SM_TID, 1);
    for k in 1..=16u32 {
        assert_eq!(
            send(&mut f.sim, f.client, CLIENT_TID, k, TF_ONE_WAY, &[0; 512]),
            vec![Br::TransactionComplete],
            "oneway {k}"
        );
    }
}

#[test]
fn spam_detection_can_be_disabled_again() {
    let mut f = spam_setup();
    enable_spam_detection(&mut f.sim, f.client, CLIENT_TID, 1);
    for _ in 0..12 {
        send(&mut f.sim, f.client, CLIENT_TID, 1, TF_ONE_WAY, &[0; 512]);
    }
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID, 1, TF_ONE_WAY, &[0; 512]),
        vec![Br::OnewaySpamSuspect]
    );
    enable_spam_detection(&mut f.sim, f.client, CLIENT_TID, 0);
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID, 1, TF_ONE_WAY, &[0; 512]),
        vec![Br::TransactionComplete]
    );
    // Any non-zero value enables it.
    enable_spam_detection(&mut f.sim, f.client, CLIENT_TID, 7);
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID, 1, TF_ONE_WAY, &[0; 512]),
        vec![Br::OnewaySpamSuspect]
    );
}

#[test]
fn spam_window_starts_strictly_below_a_tenth_of_the_buffer() {
    let mut f = spam_setup();
    enable_spam_detection(&mut f.sim, f.client, CLIENT_TID, 1);
    // 8192 - 6552 = 1640 free: not below 1638 although the client holds 6552 bytes.
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID, 1, TF_ONE_WAY, &[0; 6552]),
        vec![Br::TransactionComplete]
    );
    assert_eq!(f.sim.info(f.sm).free_async_space, 1640);
    // 1632 free: below.
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID, 2, TF_ONE_WAY, &[0; 8]),
        vec![Br::OnewaySpamSuspect]
    );
}

#[test]
fn spam_byte_threshold_is_strictly_above_a_quarter_of_the_buffer() {
    let mut f = spam_setup();
    enable_spam_detection(&mut f.sim, f.client, CLIENT_TID, 1);
    // Another sender takes 2504 bytes of async space.
    assert_eq!(
        send(&mut f.sim, f.other, OTHER_TID, 1, TF_ONE_WAY, &[0; 2504]),
        vec![Br::TransactionComplete]
    );
    // 1600 free, the client holds 4088.
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID, 2, TF_ONE_WAY, &[0; 4088]),
        vec![Br::TransactionComplete]
    );
    // Holds exactly 4096 = size/4: not over.
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID, 3, TF_ONE_WAY, &[0; 8]),
        vec![Br::TransactionComplete]
    );
    // Holds 4104.
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID, 4, TF_ONE_WAY, &[0; 8]),
        vec![Br::OnewaySpamSuspect]
    );
    assert_eq!(f.sim.info(f.sm).free_async_space, 1584);
}

#[test]
fn spam_count_threshold_is_more_than_fifty_buffers() {
    let mut f = spam_setup();
    enable_spam_detection(&mut f.sim, f.client, CLIENT_TID, 1);
    // Another sender leaves 1192 bytes of async space.
    assert_eq!(
        send(&mut f.sim, f.other, OTHER_TID, 1, TF_ONE_WAY, &[0; 7000]),
        vec![Br::TransactionComplete]
    );
    // Minimal (8-byte) oneways: 50 are fine, the 51st and later are flagged.
    for k in 1..=52u32 {
        let want = if k <= 50 {
            Br::TransactionComplete
        } else {
            Br::OnewaySpamSuspect
        };
        assert_eq!(
            send(&mut f.sim, f.client, CLIENT_TID, k, TF_ONE_WAY, b""),
            vec![want],
            "oneway {k}"
        );
    }
    assert_eq!(f.sim.info(f.sm).free_async_space, 1192 - 52 * 8);
}

#[test]
fn spam_is_judged_per_sender() {
    let mut f = spam_setup();
    enable_spam_detection(&mut f.sim, f.client, CLIENT_TID, 1);
    enable_spam_detection(&mut f.sim, f.other, OTHER_TID, 1);
    for _ in 0..12 {
        send(&mut f.sim, f.client, CLIENT_TID, 1, TF_ONE_WAY, &[0; 512]);
    }
    // 1536 free after this one, but the other sender holds only 512 bytes in 1 buffer.
    assert_eq!(
        send(&mut f.sim, f.other, OTHER_TID, 2, TF_ONE_WAY, &[0; 512]),
        vec![Br::TransactionComplete]
    );
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID, 1, TF_ONE_WAY, &[0; 512]),
        vec![Br::OnewaySpamSuspect]
    );
    assert_eq!(
        send(&mut f.sim, f.other, OTHER_TID, 2, TF_ONE_WAY, &[0; 512]),
        vec![Br::TransactionComplete]
    );
    assert_eq!(f.sim.info(f.sm).free_async_space, 512);
}

#[test]
fn freed_buffers_no_longer_count_for_spam() {
    let mut f = spam_setup();
    enable_spam_detection(&mut f.sim, f.client, CLIENT_TID, 1);
    for _ in 0..9 {
        send(&mut f.sim, f.client, CLIENT_TID, 1, TF_ONE_WAY, &[0; 512]);
    }
    // The manager reads and frees the first two: the client holds 7 * 512 = 3584 bytes.
    let t = only_txn(&read_items(&mut f.sim, f.sm, SM_TID));
    let d = f
        .sim
        .write_read(f.sm, SM_TID, Cmds::new().free_buffer(t.buffer), 256)
        .done();
    let t = only_txn(&d.items());
    f.sim
        .write(f.sm, SM_TID, Cmds::new().free_buffer(t.buffer))
        .ok();
    assert_eq!(f.sim.info(f.sm).free_async_space, 8192 - 7 * 512);
    // Another sender brings free async space down to 1528.
    assert_eq!(
        send(&mut f.sim, f.other, OTHER_TID, 2, TF_ONE_WAY, &[0; 3080]),
        vec![Br::TransactionComplete]
    );
    // The client holds 3592, then 4104 bytes.
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID, 1, TF_ONE_WAY, &[0; 8]),
        vec![Br::TransactionComplete]
    );
    assert_eq!(
        send(&mut f.sim, f.client, CLIENT_TID, 1, TF_ONE_WAY, &[0; 512]),
        vec![Br::OnewaySpamSuspect]
    );
    assert_eq!(f.sim.info(f.sm).free_async_space, 1008);
}

#[test]
fn pending_frozen_takes_precedence_over_spam_suspect() {
    let mut f = spam_setup();
    enable_spam_detection(&mut f.sim, f.client, CLIENT_TID, 1);
    assert_eq!(freeze_now(&mut f.sim, f.ctl, CTL_TID, SM_PID, true), Ok(0));
    for k in 1..=14u32 {
        assert_eq!(
            send(&mut f.sim, f.client, CLIENT_TID, k, TF_ONE_WAY, &[0; 512]),
            vec![Br::TransactionPendingFrozen],
            "oneway {k}"
        );
    }
}

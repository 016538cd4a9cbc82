//! Death notifications (§2.H), process release (§2.L), `BINDER_THREAD_EXIT` (§2.B) and the
//! looper / thread-pool protocol (§2.C `BR_SPAWN_LOOPER`, §2.D) of `kernel-binder.md`.
//!
//! Most tests start from [`Fx`]: a context manager (pid 100), a client (pid 200) and a server
//! (pid 300) that owns node `PTR`/`COOKIE`; the manager and the client each hold one strong
//! and one weak count on a ref to it (handle 1 in both).

mod common;
use common::*;

use binder_driver::core::{ProcId, Tid, Wake};
use binder_driver::uapi::*;

const SRV_PID: i32 = 300;
const SRV_EUID: u32 = 10_002;
/// A server thread that never entered the looper.
const SRV_TID: Tid = 301;
/// Server looper threads.
const SRV_LT: Tid = 302;
const SRV_LT2: Tid = 303;
const SRV_LT3: Tid = 304;
/// Client looper threads.
const CLI_LT: Tid = 202;
const CLI_LT2: Tid = 203;
/// A second manager thread, free to issue commands while `SM_TID` sits parked.
const SM_TID2: Tid = 102;

const PTR: u64 = 0x5000;
const COOKIE: u64 = 0x5eed;
/// Death-notification cookies.
const DC: u64 = 0xdead_0001;
const DC2: u64 = 0xdead_0002;

const CODE_PUBLISH: u32 = 1;
const CODE_GET: u32 = 2;
const CODE_PING: u32 = 7;

/// Length of a `BC_TRANSACTION`/`BC_REPLY` command with its payload.
const TXN_CMD: u64 = 4 + 64;
/// Length of a `BC_*_DEATH_NOTIFICATION` command (packed `binder_handle_cookie`).
const DEATH_CMD: u64 = 4 + 12;

struct Fx {
    sim: Sim,
    sm: ProcId,
    cli: ProcId,
    srv: ProcId,
    /// The manager's handle to the server's node.
    sm_h: u32,
    /// The client's handle to the server's node.
    h: u32,
}

impl Fx {
    fn new() -> Self {
        let World {
            mut sim,
            sm,
            client,
        } = World::new();
        let srv = sim.open_mapped(SRV_PID, SRV_EUID);
        let sm_h = publish(&mut sim, sm, srv, SRV_TID, PTR, COOKIE);
        let h = fetch(&mut sim, sm, sm_h, client, CLIENT_TID);
        assert_eq!((sm_h, h), (1, 1));
        Fx {
            sim,
            sm,
            cli: client,
            srv,
            sm_h,
            h,
        }
    }
}

/// `owner` sends node `ptr` to the manager in a oneway; the manager takes a strong and a weak
/// count on its new handle (as libbinder does before freeing the buffer) and parks again.
/// Returns the manager's handle.
fn publish(sim: &mut Sim, sm: ProcId, owner: ProcId, tid: Tid, ptr: u64, cookie: u64) -> u32 {
    let obj = obj_binder(BINDER_TYPE_BINDER, ptr, cookie, 0);
    let d = sim
        .write_read(
            owner,
            tid,
            Cmds::new().transaction(0, CODE_PUBLISH, TF_ONE_WAY, &obj, &[0]),
            256,
        )
        .done();
    assert_eq!(
        d.items(),
        vec![
            Br::Increfs(ptr, cookie),
            Br::Acquire(ptr, cookie),
            Br::TransactionComplete
        ]
    );
    sim.write(
        owner,
        tid,
        Cmds::new()
            .increfs_done(ptr, cookie)
            .acquire_done(ptr, cookie),
    )
    .ok();
    let t = sim.wait(sm, SM_TID).txn();
    let h = t.object(0).handle();
    sim.write_read(
        sm,
        SM_TID,
        Cmds::new().increfs(h).acquire(h).free_buffer(t.buffer),
        256,
    )
    .parked();
    h
}

/// `client` asks the manager for the node behind `sm_h`, and keeps a strong and a weak count on
/// the handle it gets. Returns the client's handle.
fn fetch(sim: &mut Sim, sm: ProcId, sm_h: u32, client: ProcId, tid: Tid) -> u32 {
    sim.write_read(client, tid, Cmds::new().call(0, CODE_GET, b""), 256)
        .parked();
    let t = sim.wait(sm, SM_TID).txn();
    let d = sim
        .write_read(
            sm,
            SM_TID,
            Cmds::new().free_buffer(t.buffer).reply_with(
                0,
                &obj_handle(BINDER_TYPE_HANDLE, sm_h),
                &[0],
            ),
            256,
        )
        .done();
    assert_eq!(d.items(), vec![Br::TransactionComplete]);
    sim.read(sm, SM_TID).parked();
    let r = sim.wait(client, tid);
    assert_eq!(r.items()[0], Br::TransactionComplete);
    let reply = r.txn();
    let h = reply.object(0).handle();
    sim.write(
        client,
        tid,
        Cmds::new().increfs(h).acquire(h).free_buffer(reply.buffer),
    )
    .ok();
    h
}

/// A thread enters the looper and reads (256 bytes of room).
fn looper_read(sim: &mut Sim, p: ProcId, tid: Tid) -> Step {
    sim.write_read(p, tid, Cmds::new().enter_looper(), 256)
}

/// The thread frees the transaction's buffer and replies `data`; returns the replier's read.
fn free_and_reply(sim: &mut Sim, p: ProcId, tid: Tid, t: &Txn, data: &[u8]) -> Done {
    sim.write_read(p, tid, Cmds::new().free_buffer(t.buffer).reply(data), 256)
        .done()
}

fn code_bytes(code: u32) -> Vec<u8> {
    code.to_ne_bytes().to_vec()
}

fn code_u64_bytes(code: u32, v: u64) -> Vec<u8> {
    let mut b = code.to_ne_bytes().to_vec();
    b.extend_from_slice(&v.to_ne_bytes());
    b
}

fn ref_info(sim: &Sim, p: ProcId, handle: u32) -> binder_driver::core::RefInfo {
    sim.info(p)
        .refs
        .into_iter()
        .find(|r| r.handle == handle)
        .unwrap_or_else(|| panic!("no ref {handle}"))
}

// ---------------------------------------------------------------------------------------------
// §2.H Death notifications
// ---------------------------------------------------------------------------------------------

#[test]
fn dead_binder_delivered_to_looper_when_owner_releases() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    let d = sim.write(fx.cli, CLIENT_TID, Cmds::new().request_death(fx.h, DC));
    d.ok();
    assert_eq!((d.write_consumed, d.read_consumed), (DEATH_CMD, 0));
    assert_eq!(sim.info(fx.cli).deaths, 1);
    assert!(ref_info(sim, fx.cli, fx.h).death);
    looper_read(sim, fx.cli, CLI_LT).parked();

    sim.release(fx.srv);
    let got = sim.wait(fx.cli, CLI_LT);
    got.ok();
    assert_eq!(got.read_consumed, 16);
    let mut raw = code_bytes(BR_NOOP);
    raw.extend(code_u64_bytes(BR_DEAD_BINDER, DC));
    assert_eq!(got.raw, raw);
    assert_eq!(got.brs, vec![Br::Noop, Br::DeadBinder(DC)]);
    let info = sim.info(fx.cli);
    assert_eq!((info.delivered_deaths, info.deaths, info.todo), (1, 1, 0));
    let r = ref_info(sim, fx.cli, fx.h);
    assert!(r.dead && r.death);
}

#[test]
fn dead_binder_done_acknowledges_but_registration_stays() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.write(fx.cli, CLIENT_TID, Cmds::new().request_death(fx.h, DC))
        .ok();
    looper_read(sim, fx.cli, CLI_LT).parked();
    sim.release(fx.srv);
    assert_eq!(sim.wait(fx.cli, CLI_LT).items(), vec![Br::DeadBinder(DC)]);

    let d = sim.write(fx.cli, CLI_LT, Cmds::new().dead_binder_done(DC));
    d.ok();
    assert_eq!(d.write_consumed, 12);
    let info = sim.info(fx.cli);
    assert_eq!((info.delivered_deaths, info.deaths, info.todo), (0, 1, 0));
    // §2.H: "A delivered death does not remove the registration; userspace must clear it."
    assert!(ref_info(sim, fx.cli, fx.h).death);
    // Nothing else is delivered for it.
    sim.read(fx.cli, CLI_LT).parked();
}

#[test]

fn clear_after_acknowledged_death_sends_clear_done() {
    // §2.H BC_CLEAR_DEATH_NOTIFICATION: with no death pending, the clear-done is queued (to
    // the calling looper).
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.write(fx.cli, CLIENT_TID, Cmds::new().request_death(fx.h, DC))
        .ok();
    looper_read(sim, fx.cli, CLI_LT).parked();
    sim.release(fx.srv);
    assert_eq!(sim.wait(fx.cli, CLI_LT).items(), vec![Br::DeadBinder(DC)]);
    sim.write(fx.cli, CLI_LT, Cmds::new().dead_binder_done(DC))
        .ok();

    let step = sim.write_read(fx.cli, CLI_LT, Cmds::new().clear_death(fx.h, DC), 256);
    assert_ne!(
        step,
        Step::Parked,
        "no BR_CLEAR_DEATH_NOTIFICATION_DONE was queued"
    );
    let d = step.done();
    d.ok();
    assert_eq!(d.write_consumed, DEATH_CMD);
    assert_eq!(d.brs, vec![Br::Noop, Br::ClearDeathNotificationDone(DC)]);
    let info = sim.info(fx.cli);
    assert_eq!((info.deaths, info.delivered_deaths, info.todo), (0, 0, 0));
    assert!(!ref_info(sim, fx.cli, fx.h).death);
}

#[test]
fn clear_while_alive_from_looper_goes_to_calling_thread() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.write(fx.cli, CLIENT_TID, Cmds::new().request_death(fx.h, DC))
        .ok();
    looper_read(sim, fx.cli, CLI_LT2).parked();
    sim.write(fx.cli, CLI_LT, Cmds::new().enter_looper()).ok();

    let d = sim
        .write_read(fx.cli, CLI_LT, Cmds::new().clear_death(fx.h, DC), 256)
        .done();
    d.ok();
    assert_eq!(d.write_consumed, DEATH_CMD);
    assert_eq!(d.read_consumed, 16);
    let mut raw = code_bytes(BR_NOOP);
    raw.extend(code_u64_bytes(BR_CLEAR_DEATH_NOTIFICATION_DONE, DC));
    assert_eq!(d.raw, raw);
    // The parked looper was not given it.
    assert!(sim.is_parked(fx.cli, CLI_LT2));
    let info = sim.info(fx.cli);
    assert_eq!((info.deaths, info.todo), (0, 0));
    assert!(!ref_info(sim, fx.cli, fx.h).death);

    // Cleared: the owner's death is not reported.
    sim.release(fx.srv);
    assert!(sim.is_parked(fx.cli, CLI_LT2));
    assert_eq!(sim.info(fx.cli).todo, 0);
}

#[test]
fn clear_while_alive_from_non_looper_goes_to_process_queue() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.write(fx.cli, CLIENT_TID, Cmds::new().request_death(fx.h, DC))
        .ok();
    let d = sim.write(fx.cli, CLIENT_TID, Cmds::new().clear_death(fx.h, DC));
    d.ok();
    assert_eq!((d.write_consumed, d.read_consumed), (DEATH_CMD, 0));
    assert_eq!(sim.info(fx.cli).todo, 1);
    // The non-looper caller itself never reads it.
    sim.read(fx.cli, CLIENT_TID).parked();
    assert_eq!(sim.info(fx.cli).todo, 1);

    let got = looper_read(sim, fx.cli, CLI_LT).done();
    assert_eq!(got.brs, vec![Br::Noop, Br::ClearDeathNotificationDone(DC)]);
    assert_eq!(got.read_consumed, 16);
    assert!(sim.is_parked(fx.cli, CLIENT_TID));
    let info = sim.info(fx.cli);
    assert_eq!((info.deaths, info.todo), (0, 0));
}

#[test]
fn clear_done_items_are_batched_in_one_read() {
    // §2.C stop points: only BR_TRANSACTION/BR_REPLY/BR_DEAD_BINDER end a read.
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.write(fx.cli, CLIENT_TID, Cmds::new().acquire(0)).ok();
    sim.write(
        fx.cli,
        CLIENT_TID,
        Cmds::new()
            .request_death(fx.h, DC)
            .request_death(0, DC2)
            .clear_death(fx.h, DC)
            .clear_death(0, DC2),
    )
    .ok();
    assert_eq!(sim.info(fx.cli).todo, 2);
    let got = looper_read(sim, fx.cli, CLI_LT).done();
    assert_eq!(
        got.brs,
        vec![
            Br::Noop,
            Br::ClearDeathNotificationDone(DC),
            Br::ClearDeathNotificationDone(DC2)
        ]
    );
    assert_eq!(got.read_consumed, 4 + 12 + 12);
}

#[test]
fn reading_stops_after_each_dead_binder() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    // A strong ref to the manager's node (handle 0) as well.
    sim.write(fx.cli, CLIENT_TID, Cmds::new().acquire(0)).ok();
    sim.write(
        fx.cli,
        CLIENT_TID,
        Cmds::new().request_death(fx.h, DC).request_death(0, DC2),
    )
    .ok();
    sim.release(fx.srv);
    sim.release(fx.sm);
    assert_eq!(sim.info(fx.cli).todo, 2);

    let first = looper_read(sim, fx.cli, CLI_LT).done();
    assert_eq!(first.brs, vec![Br::Noop, Br::DeadBinder(DC)]);
    assert_eq!(first.read_consumed, 16);
    assert_eq!(sim.info(fx.cli).todo, 1);
    let second = sim.read(fx.cli, CLI_LT).done();
    assert_eq!(second.brs, vec![Br::Noop, Br::DeadBinder(DC2)]);
    let info = sim.info(fx.cli);
    assert_eq!((info.todo, info.delivered_deaths), (0, 2));
}

#[test]
fn clear_while_dead_binder_queued_still_delivers_dead_binder_then_clear_done() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.write(fx.cli, CLIENT_TID, Cmds::new().request_death(fx.h, DC))
        .ok();
    sim.release(fx.srv);
    assert_eq!(sim.info(fx.cli).todo, 1);

    let d = sim.write(fx.cli, CLIENT_TID, Cmds::new().clear_death(fx.h, DC));
    d.ok();
    assert_eq!(d.write_consumed, DEATH_CMD);
    // No clear-done yet; the queued death stays.
    assert_eq!(sim.info(fx.cli).todo, 1);
    assert!(!ref_info(sim, fx.cli, fx.h).death);

    let got = looper_read(sim, fx.cli, CLI_LT).done();
    assert_eq!(got.brs, vec![Br::Noop, Br::DeadBinder(DC)]);
    assert_eq!(sim.info(fx.cli).delivered_deaths, 1);
    let done = sim
        .write_read(fx.cli, CLI_LT, Cmds::new().dead_binder_done(DC), 256)
        .done();
    assert_eq!(done.write_consumed, 12);
    assert_eq!(done.brs, vec![Br::Noop, Br::ClearDeathNotificationDone(DC)]);
    let info = sim.info(fx.cli);
    assert_eq!((info.deaths, info.delivered_deaths, info.todo), (0, 0, 0));
}

#[test]
fn clear_while_dead_binder_delivered_waits_for_dead_binder_done() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.write(fx.cli, CLIENT_TID, Cmds::new().request_death(fx.h, DC))
        .ok();
    looper_read(sim, fx.cli, CLI_LT).parked();
    sim.release(fx.srv);
    assert_eq!(sim.wait(fx.cli, CLI_LT).items(), vec![Br::DeadBinder(DC)]);

    // The looper clears before acknowledging: nothing yet.
    sim.write_read(fx.cli, CLI_LT, Cmds::new().clear_death(fx.h, DC), 256)
        .parked();
    assert_eq!(sim.info(fx.cli).todo, 0);
    // The acknowledgement (from a looper) brings the clear-done to that looper.
    sim.write(fx.cli, CLI_LT2, Cmds::new().enter_looper()).ok();
    let done = sim
        .write_read(fx.cli, CLI_LT2, Cmds::new().dead_binder_done(DC), 256)
        .done();
    assert_eq!(done.brs, vec![Br::Noop, Br::ClearDeathNotificationDone(DC)]);
    assert!(sim.is_parked(fx.cli, CLI_LT));
    let info = sim.info(fx.cli);
    assert_eq!((info.deaths, info.delivered_deaths, info.todo), (0, 0, 0));
}

#[test]
fn dead_binder_done_from_non_looper_queues_clear_done_to_process() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.write(fx.cli, CLIENT_TID, Cmds::new().request_death(fx.h, DC))
        .ok();
    looper_read(sim, fx.cli, CLI_LT).parked();
    sim.release(fx.srv);
    assert_eq!(sim.wait(fx.cli, CLI_LT).items(), vec![Br::DeadBinder(DC)]);
    sim.write(
        fx.cli,
        CLIENT_TID,
        Cmds::new().clear_death(fx.h, DC).dead_binder_done(DC),
    )
    .ok();
    assert_eq!(sim.info(fx.cli).todo, 1);
    let got = sim.read(fx.cli, CLI_LT).done();
    assert_eq!(got.brs, vec![Br::Noop, Br::ClearDeathNotificationDone(DC)]);
    assert_eq!(sim.info(fx.cli).deaths, 0);
}

#[test]
fn registration_on_dead_node_gets_dead_binder_immediately() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    looper_read(sim, fx.cli, CLI_LT).parked();
    sim.release(fx.srv);
    // No registration yet: nothing delivered.
    assert!(sim.is_parked(fx.cli, CLI_LT));
    assert!(ref_info(sim, fx.cli, fx.h).dead);

    let d = sim.write(fx.cli, CLIENT_TID, Cmds::new().request_death(fx.h, DC));
    d.ok();
    assert_eq!(d.write_consumed, DEATH_CMD);
    let got = sim.wait(fx.cli, CLI_LT);
    assert_eq!(got.brs, vec![Br::Noop, Br::DeadBinder(DC)]);
    assert_eq!(got.read_consumed, 16);
    let info = sim.info(fx.cli);
    assert_eq!((info.deaths, info.delivered_deaths), (1, 1));
}

#[test]
fn registration_on_dead_node_without_looper_waits_in_process_queue() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.release(fx.srv);
    sim.write(fx.cli, CLIENT_TID, Cmds::new().request_death(fx.h, DC))
        .ok();
    assert_eq!(sim.info(fx.cli).todo, 1);
    sim.read(fx.cli, CLIENT_TID).parked();
    let got = looper_read(sim, fx.cli, CLI_LT).done();
    assert_eq!(got.items(), vec![Br::DeadBinder(DC)]);
}

#[test]
fn death_registration_on_weak_only_ref_works() {
    // §2.H: "Unknown handle (weak OK)" — a weak ref may carry a registration.
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.write(fx.cli, CLIENT_TID, Cmds::new().release(fx.h))
        .ok();
    let r = ref_info(sim, fx.cli, fx.h);
    assert_eq!((r.strong, r.weak), (0, 1));
    sim.write(fx.cli, CLIENT_TID, Cmds::new().request_death(fx.h, DC))
        .ok();
    assert_eq!(sim.info(fx.cli).deaths, 1);
    looper_read(sim, fx.cli, CLI_LT).parked();
    sim.release(fx.srv);
    assert_eq!(sim.wait(fx.cli, CLI_LT).items(), vec![Br::DeadBinder(DC)]);
}

#[test]
fn death_request_on_unknown_handle_is_ignored() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    let d = sim.write(
        fx.cli,
        CLIENT_TID,
        Cmds::new().request_death(7, DC).clear_death(7, DC),
    );
    assert_eq!(d.ret, Ok(0));
    assert_eq!((d.write_consumed, d.read_consumed), (2 * DEATH_CMD, 0));
    let info = sim.info(fx.cli);
    assert_eq!((info.deaths, info.todo), (0, 0));
    // No BR_ERROR or anything else for the thread.
    sim.read(fx.cli, CLIENT_TID).parked();
}

#[test]
fn duplicate_death_registration_is_ignored() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    let d = sim.write(
        fx.cli,
        CLIENT_TID,
        Cmds::new().request_death(fx.h, DC).request_death(fx.h, DC2),
    );
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.write_consumed, 2 * DEATH_CMD);
    assert_eq!(sim.info(fx.cli).deaths, 1);
    looper_read(sim, fx.cli, CLI_LT).parked();
    sim.release(fx.srv);
    assert_eq!(sim.wait(fx.cli, CLI_LT).items(), vec![Br::DeadBinder(DC)]);
    sim.write(fx.cli, CLI_LT, Cmds::new().dead_binder_done(DC))
        .ok();
    // Only one notification exists for the ref.
    sim.read(fx.cli, CLI_LT).parked();
    assert_eq!(sim.info(fx.cli).todo, 0);
}

#[test]
fn clear_death_with_wrong_cookie_or_unregistered_ref_is_ignored() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    // No registration on handle 1 yet.
    let d = sim.write(fx.cli, CLIENT_TID, Cmds::new().clear_death(fx.h, DC));
    assert_eq!((d.ret, d.write_consumed), (Ok(0), DEATH_CMD));
    assert_eq!(sim.info(fx.cli).todo, 0);

    sim.write(fx.cli, CLIENT_TID, Cmds::new().request_death(fx.h, DC))
        .ok();
    sim.write(fx.cli, CLI_LT, Cmds::new().enter_looper()).ok();
    let d = sim.write_read(fx.cli, CLI_LT, Cmds::new().clear_death(fx.h, DC2), 256);
    d.parked();
    let info = sim.info(fx.cli);
    assert_eq!((info.deaths, info.todo), (1, 0));
    assert!(ref_info(sim, fx.cli, fx.h).death);
    // Still armed.
    sim.release(fx.srv);
    assert_eq!(sim.wait(fx.cli, CLI_LT).items(), vec![Br::DeadBinder(DC)]);
}

#[test]
fn dead_binder_done_with_unknown_cookie_is_ignored() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.write(fx.cli, CLIENT_TID, Cmds::new().request_death(fx.h, DC))
        .ok();
    // Nothing delivered yet: an acknowledgement of the registered cookie is unknown too.
    let d = sim.write(
        fx.cli,
        CLIENT_TID,
        Cmds::new().dead_binder_done(DC).dead_binder_done(DC2),
    );
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 24));
    looper_read(sim, fx.cli, CLI_LT).parked();
    sim.release(fx.srv);
    assert_eq!(sim.wait(fx.cli, CLI_LT).items(), vec![Br::DeadBinder(DC)]);

    // Clear requested; a wrong acknowledgement does not release the clear-done.
    sim.write(fx.cli, CLI_LT, Cmds::new().clear_death(fx.h, DC))
        .ok();
    sim.write_read(fx.cli, CLI_LT, Cmds::new().dead_binder_done(DC2), 256)
        .parked();
    assert_eq!(sim.info(fx.cli).delivered_deaths, 1);
    // The right one does (the looper is parked, the non-looper's ack goes to the process).
    sim.write(fx.cli, CLIENT_TID, Cmds::new().dead_binder_done(DC))
        .ok();
    assert_eq!(
        sim.wait(fx.cli, CLI_LT).items(),
        vec![Br::ClearDeathNotificationDone(DC)]
    );
}

#[test]
fn dropping_ref_discards_armed_registration() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.write(fx.cli, CLIENT_TID, Cmds::new().request_death(fx.h, DC))
        .ok();
    looper_read(sim, fx.cli, CLI_LT).parked();
    sim.write(fx.cli, CLIENT_TID, Cmds::new().release(fx.h).decrefs(fx.h))
        .ok();
    let info = sim.info(fx.cli);
    assert!(info.refs.is_empty());
    assert_eq!((info.deaths, info.todo), (0, 0));
    // Nothing delivered, now or when the owner dies.
    assert!(sim.is_parked(fx.cli, CLI_LT));
    sim.release(fx.srv);
    assert!(sim.is_parked(fx.cli, CLI_LT));
    assert_eq!(sim.info(fx.cli).todo, 0);
}

#[test]
fn dropping_ref_discards_queued_dead_binder() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.write(fx.cli, CLIENT_TID, Cmds::new().request_death(fx.h, DC))
        .ok();
    sim.release(fx.srv);
    assert_eq!(sim.info(fx.cli).todo, 1);
    sim.write(fx.cli, CLIENT_TID, Cmds::new().release(fx.h).decrefs(fx.h))
        .ok();
    let info = sim.info(fx.cli);
    assert_eq!((info.deaths, info.todo), (0, 0));
    looper_read(sim, fx.cli, CLI_LT).parked();
}

#[test]
fn non_looper_never_receives_dead_binder() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.write(fx.cli, CLIENT_TID, Cmds::new().request_death(fx.h, DC))
        .ok();
    sim.read(fx.cli, CLIENT_TID).parked();
    sim.release(fx.srv);
    assert!(sim.is_parked(fx.cli, CLIENT_TID));
    let info = sim.info(fx.cli);
    assert_eq!((info.todo, info.delivered_deaths), (1, 0));
    let got = looper_read(sim, fx.cli, CLI_LT).done();
    assert_eq!(got.brs, vec![Br::Noop, Br::DeadBinder(DC)]);
    assert!(sim.is_parked(fx.cli, CLIENT_TID));
}

// ---------------------------------------------------------------------------------------------
// §2.L Process release
// ---------------------------------------------------------------------------------------------

#[test]
fn release_notifies_every_holder_with_a_registration() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.write(fx.sm, SM_TID2, Cmds::new().request_death(fx.sm_h, DC2))
        .ok();
    sim.write(fx.cli, CLIENT_TID, Cmds::new().request_death(fx.h, DC))
        .ok();
    looper_read(sim, fx.cli, CLI_LT).parked();
    sim.release(fx.srv);
    assert_eq!(
        sim.wait(fx.sm, SM_TID).brs,
        vec![Br::Noop, Br::DeadBinder(DC2)]
    );
    assert_eq!(
        sim.wait(fx.cli, CLI_LT).brs,
        vec![Br::Noop, Br::DeadBinder(DC)]
    );
    assert!(ref_info(sim, fx.sm, fx.sm_h).dead);
    assert!(ref_info(sim, fx.cli, fx.h).dead);
}

#[test]
fn release_fails_queued_sync_call_with_dead_reply() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.write_read(
        fx.cli,
        CLIENT_TID,
        Cmds::new().call(fx.h, CODE_PING, b"x"),
        256,
    )
    .parked();
    assert_eq!(sim.info(fx.srv).todo, 1);
    assert_eq!(sim.ctx.transaction_count(), 1);
    sim.release(fx.srv);
    let got = sim.wait(fx.cli, CLIENT_TID);
    got.ok();
    assert_eq!(
        got.brs,
        vec![Br::Noop, Br::TransactionComplete, Br::DeadReply]
    );
    assert_eq!(got.read_consumed, 12);
    assert_eq!(sim.ctx.transaction_count(), 0);
    assert!(sim.info(fx.cli).buffers.is_empty());
}

#[test]
fn release_fails_sync_call_being_served_with_dead_reply() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    looper_read(sim, fx.srv, SRV_LT).parked();
    sim.write_read(
        fx.cli,
        CLIENT_TID,
        Cmds::new().call(fx.h, CODE_PING, b"x"),
        256,
    )
    .parked();
    let t = sim.wait(fx.srv, SRV_LT).txn();
    assert_eq!((t.code, t.sender_pid), (CODE_PING, 200));
    sim.release(fx.srv);
    let got = sim.wait(fx.cli, CLIENT_TID);
    assert_eq!(
        got.brs,
        vec![Br::Noop, Br::TransactionComplete, Br::DeadReply]
    );
    assert_eq!(sim.ctx.transaction_count(), 0);
    // The client's thread is free to call again (its stack was unwound).
    let again = sim
        .write_read(
            fx.cli,
            CLIENT_TID,
            Cmds::new().call(fx.h, CODE_PING, b"x"),
            256,
        )
        .done();
    assert_eq!(again.brs, vec![Br::Noop, Br::DeadReply]);
}

#[test]
fn release_drops_queued_oneways_silently() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    let d = sim
        .write_read(
            fx.cli,
            CLIENT_TID,
            Cmds::new().oneway(fx.h, CODE_PING, b"1"),
            256,
        )
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    // The second waits behind the first on the node.
    let d = sim
        .write_read(
            fx.cli,
            CLIENT_TID,
            Cmds::new().oneway(fx.h, CODE_PING, b"2"),
            256,
        )
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    assert_eq!(sim.info(fx.srv).todo, 1);
    assert_eq!(sim.ctx.transaction_count(), 2);
    sim.release(fx.srv);
    assert_eq!(sim.ctx.transaction_count(), 0);
    // The sender hears nothing.
    sim.read(fx.cli, CLIENT_TID).parked();
}

#[test]
fn release_drops_refs_and_owner_gets_release_and_decrefs() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    // Only the client keeps the server's node referenced.
    sim.write(
        fx.sm,
        SM_TID2,
        Cmds::new().release(fx.sm_h).decrefs(fx.sm_h),
    )
    .ok();
    assert!(sim.info(fx.sm).refs.is_empty());
    assert_eq!(sim.info(fx.srv).nodes[0].refs, 1);
    looper_read(sim, fx.srv, SRV_LT).parked();
    assert_eq!(sim.ctx.node_count(), 2);

    sim.release(fx.cli);
    let got = sim.wait(fx.srv, SRV_LT);
    got.ok();
    assert_eq!(
        got.brs,
        vec![Br::Noop, Br::Release(PTR, COOKIE), Br::Decrefs(PTR, COOKIE)]
    );
    assert_eq!(got.read_consumed, 4 + 20 + 20);
    assert!(sim.info(fx.srv).nodes.is_empty());
    assert_eq!(sim.ctx.node_count(), 1);
}

#[test]
fn dead_node_lives_while_referenced_and_fails_transactions() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    assert_eq!((sim.ctx.node_count(), sim.ctx.dead_nodes()), (2, 0));
    sim.release(fx.srv);
    assert_eq!((sim.ctx.node_count(), sim.ctx.dead_nodes()), (2, 1));
    let r = ref_info(sim, fx.cli, fx.h);
    assert_eq!((r.strong, r.weak, r.dead), (1, 1, true));

    let d = sim
        .write_read(
            fx.cli,
            CLIENT_TID,
            Cmds::new().call(fx.h, CODE_PING, b"x"),
            256,
        )
        .done();
    d.ok();
    assert_eq!((d.write_consumed, d.read_consumed), (TXN_CMD, 8));
    assert_eq!(d.brs, vec![Br::Noop, Br::DeadReply]);
    let d = sim
        .write_read(
            fx.cli,
            CLIENT_TID,
            Cmds::new().oneway(fx.h, CODE_PING, b"x"),
            256,
        )
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::DeadReply]);
    assert_eq!(sim.ctx.transaction_count(), 0);

    // Freed when the last ref goes.
    sim.write(
        fx.sm,
        SM_TID2,
        Cmds::new().release(fx.sm_h).decrefs(fx.sm_h),
    )
    .ok();
    assert_eq!(sim.ctx.dead_nodes(), 1);
    sim.write(fx.cli, CLIENT_TID, Cmds::new().release(fx.h).decrefs(fx.h))
        .ok();
    assert_eq!((sim.ctx.node_count(), sim.ctx.dead_nodes()), (1, 0));
}

#[test]
fn dead_node_freed_when_last_holder_releases() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.release(fx.srv);
    assert_eq!(sim.ctx.dead_nodes(), 1);
    sim.release(fx.cli);
    assert_eq!(sim.ctx.dead_nodes(), 1);
    sim.release(fx.sm);
    assert_eq!((sim.ctx.node_count(), sim.ctx.dead_nodes()), (0, 0));
}

#[test]
fn context_manager_death_makes_handle_0_dead_and_a_new_manager_can_register() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.release(sm);
    assert_eq!(sim.ctx.node_count(), 0);
    let d = sim
        .write_read(
            client,
            CLIENT_TID,
            Cmds::new().call(0, CODE_PING, b"x"),
            256,
        )
        .done();
    d.ok();
    assert_eq!(d.brs, vec![Br::Noop, Br::DeadReply]);
    assert_eq!(d.write_consumed, TXN_CMD);

    // §2.B: the first manager's euid stays pinned.
    let other = sim.open_mapped(500, 2000);
    assert_eq!(
        sim.set_context_mgr(other, 501),
        Err(binder_driver::core::Errno::EPERM)
    );
    let sm2 = sim.open_mapped(400, 1000);
    assert_eq!(sim.set_context_mgr(sm2, 401), Ok(0));
    looper_read(&mut sim, sm2, 401).parked();
    sim.write_read(
        client,
        CLIENT_TID,
        Cmds::new().call(0, CODE_PING, b"hi"),
        256,
    )
    .parked();
    let t = sim.wait(sm2, 401).txn();
    assert_eq!(
        (t.code, t.sender_pid, t.data.as_slice()),
        (CODE_PING, 200, &b"hi"[..])
    );
}

#[test]
fn replier_whose_caller_died_gets_transaction_complete_and_nothing_leaks() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write_read(
        client,
        CLIENT_TID,
        Cmds::new().call(0, CODE_PING, b"x"),
        256,
    )
    .parked();
    let t = sim.wait(sm, SM_TID).txn();
    sim.release(client);
    assert_eq!(sim.ctx.transaction_count(), 1);
    let d = free_and_reply(&mut sim, sm, SM_TID, &t, b"pong");
    d.ok();
    assert_eq!(d.write_consumed, 12 + TXN_CMD);
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    assert_eq!(sim.ctx.transaction_count(), 0);
    let info = sim.info(sm);
    assert!(info.buffers.is_empty());
    assert_eq!(info.todo, 0);
    assert_eq!(info.free_async_space, info.buffer_size / 2);
    sim.read(sm, SM_TID).parked();
}

#[test]
fn call_from_released_process_is_delivered_with_sender_pid_0() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.write_read(
        fx.cli,
        CLIENT_TID,
        Cmds::new().call(fx.h, CODE_PING, b"q"),
        256,
    )
    .parked();
    sim.release(fx.cli);
    assert_eq!(sim.ctx.transaction_count(), 1);
    let got = looper_read(sim, fx.srv, SRV_LT).done();
    let t = got.txn();
    assert_eq!(t.target_ptr, PTR);
    assert_eq!(t.cookie, COOKIE);
    assert_eq!(t.code, CODE_PING);
    assert_eq!(t.flags, 0);
    assert_eq!(t.sender_pid, 0);
    assert_eq!(t.sender_euid, 10_001);
    assert_eq!(t.data, b"q");
    let d = free_and_reply(sim, fx.srv, SRV_LT, &t, b"r");
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    assert_eq!(sim.ctx.transaction_count(), 0);
    assert!(sim.info(fx.srv).buffers.is_empty());
}

#[test]
fn everything_is_freed_after_all_processes_release() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.write(fx.cli, CLIENT_TID, Cmds::new().request_death(fx.h, DC))
        .ok();
    sim.write(fx.sm, SM_TID2, Cmds::new().request_death(fx.sm_h, DC2))
        .ok();
    // One call being served, one queued, one oneway in flight.
    looper_read(sim, fx.srv, SRV_LT).parked();
    sim.write_read(fx.cli, 210, Cmds::new().call(fx.h, CODE_PING, b"a"), 256)
        .parked();
    sim.wait(fx.srv, SRV_LT).txn();
    sim.write_read(fx.cli, 211, Cmds::new().call(fx.h, CODE_PING, b"b"), 256)
        .parked();
    sim.write(fx.cli, 212, Cmds::new().oneway(fx.h, CODE_PING, b"c"))
        .ok();
    assert_eq!(sim.ctx.transaction_count(), 3);
    sim.release(fx.cli);
    sim.release(fx.srv);
    sim.release(fx.sm);
    assert_eq!(sim.ctx.proc_count(), 0);
    assert_eq!(sim.ctx.node_count(), 0);
    assert_eq!(sim.ctx.dead_nodes(), 0);
    assert_eq!(sim.ctx.transaction_count(), 0);
}

// ---------------------------------------------------------------------------------------------
// §2.B BINDER_THREAD_EXIT
// ---------------------------------------------------------------------------------------------

#[test]
fn thread_exit_while_serving_sync_call_gives_caller_dead_reply() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    looper_read(sim, fx.srv, SRV_LT).parked();
    sim.write_read(
        fx.cli,
        CLIENT_TID,
        Cmds::new().call(fx.h, CODE_PING, b"x"),
        256,
    )
    .parked();
    let t = sim.wait(fx.srv, SRV_LT).txn();
    let threads = sim.info(fx.srv).threads;
    assert_eq!(sim.thread_exit(fx.srv, SRV_LT), Ok(0));
    assert_eq!(sim.info(fx.srv).threads, threads - 1);
    let got = sim.wait(fx.cli, CLIENT_TID);
    assert_eq!(
        got.brs,
        vec![Br::Noop, Br::TransactionComplete, Br::DeadReply]
    );
    assert_eq!(sim.ctx.transaction_count(), 0);
    // The delivered buffer stays the process's to free.
    let bufs = sim.info(fx.srv).buffers;
    assert_eq!(bufs.len(), 1);
    assert!(bufs[0].delivered);
    sim.write(fx.srv, SRV_TID, Cmds::new().free_buffer(t.buffer))
        .ok();
    assert!(sim.info(fx.srv).buffers.is_empty());
}

#[test]
fn thread_exit_with_undelivered_transaction_in_its_todo_gives_caller_dead_reply() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    // The server thread calls the manager and returns to userspace (no read).
    let d = sim.write(fx.srv, SRV_TID, Cmds::new().call(0, CODE_PING, b"t1"));
    assert_eq!(d.write_consumed, TXN_CMD);
    let t1 = sim.wait(fx.sm, SM_TID).txn();
    assert_eq!(t1.sender_pid, SRV_PID);
    // The manager calls back into the server: the call is routed to the blocked server
    // thread (§2.E nested routing), not to the process queue.
    sim.write_read(
        fx.sm,
        SM_TID,
        Cmds::new().call(fx.sm_h, CODE_PING, b"t2"),
        256,
    )
    .parked();
    assert_eq!(sim.info(fx.srv).todo, 0);
    assert_eq!(sim.ctx.transaction_count(), 2);

    assert_eq!(sim.thread_exit(fx.srv, SRV_TID), Ok(0));
    let got = sim.wait(fx.sm, SM_TID);
    assert_eq!(
        got.brs,
        vec![Br::Noop, Br::TransactionComplete, Br::DeadReply]
    );
    // The undelivered buffer went with it.
    assert!(sim.info(fx.srv).buffers.is_empty());
    // The manager's reply to the exited thread's call finds no one.
    let d = free_and_reply(sim, fx.sm, SM_TID, &t1, b"r1");
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    assert_eq!(sim.ctx.transaction_count(), 0);
    assert!(sim.info(fx.sm).buffers.is_empty());
    assert!(sim.info(fx.srv).buffers.is_empty());
}

#[test]
fn thread_exit_while_waiting_for_reply_makes_reply_find_no_one() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write(client, CLIENT_TID, Cmds::new().call(0, CODE_PING, b"x"))
        .ok();
    let t = sim.wait(sm, SM_TID).txn();
    assert_eq!(sim.thread_exit(client, CLIENT_TID), Ok(0));
    assert_eq!(sim.info(client).threads, 0);
    let d = free_and_reply(&mut sim, sm, SM_TID, &t, b"pong");
    d.ok();
    assert_eq!(d.write_consumed, 12 + TXN_CMD);
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    assert_eq!(sim.ctx.transaction_count(), 0);
    // No reply buffer was left in the caller's process.
    assert!(sim.info(client).buffers.is_empty());
    assert!(sim.info(sm).buffers.is_empty());
}

#[test]
fn call_from_exited_thread_is_delivered_with_sender_pid_0() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.write(fx.cli, 210, Cmds::new().call(fx.h, CODE_PING, b"x"))
        .ok();
    assert_eq!(sim.thread_exit(fx.cli, 210), Ok(0));
    let t = looper_read(sim, fx.srv, SRV_LT).done().txn();
    assert_eq!((t.sender_pid, t.sender_euid), (0, 10_001));
    let d = free_and_reply(sim, fx.srv, SRV_LT, &t, b"r");
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    assert_eq!(sim.ctx.transaction_count(), 0);
    assert!(sim.info(fx.cli).buffers.is_empty());
}

#[test]
fn thread_exit_in_nested_call_fails_the_outer_caller_when_the_reply_comes() {
    // §2.B/§2.E: client → server (T1); the serving thread calls the manager (T2) and exits.
    // The manager's reply to T2 finds no one; binder_send_failed_reply walks down to T1,
    // whose caller gets BR_DEAD_REPLY.
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    looper_read(sim, fx.srv, SRV_LT).parked();
    sim.write_read(
        fx.cli,
        CLIENT_TID,
        Cmds::new().call(fx.h, CODE_PING, b"t1"),
        256,
    )
    .parked();
    let t1 = sim.wait(fx.srv, SRV_LT).txn();
    let d = sim.write(fx.srv, SRV_LT, Cmds::new().call(0, CODE_PING, b"t2"));
    assert_eq!(d.write_consumed, TXN_CMD);
    let t2 = sim.wait(fx.sm, SM_TID).txn();
    assert_eq!(t2.sender_pid, SRV_PID);

    assert_eq!(sim.thread_exit(fx.srv, SRV_LT), Ok(0));
    // (Rust driver: the stack is unwound only from a transaction this thread serves at the top.)
    assert!(sim.is_parked(fx.cli, CLIENT_TID));
    assert_eq!(sim.ctx.transaction_count(), 2);

    let d = free_and_reply(sim, fx.sm, SM_TID, &t2, b"r2");
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    let got = sim.wait(fx.cli, CLIENT_TID);
    assert_eq!(
        got.brs,
        vec![Br::Noop, Br::TransactionComplete, Br::DeadReply]
    );
    assert_eq!(sim.ctx.transaction_count(), 0);
    // T1's delivered buffer is still the server's to free.
    sim.write(fx.srv, SRV_TID, Cmds::new().free_buffer(t1.buffer))
        .ok();
    assert!(sim.info(fx.srv).buffers.is_empty());
    assert!(sim.info(fx.sm).buffers.is_empty());
    assert!(sim.info(fx.cli).buffers.is_empty());
}

#[test]
fn thread_exit_requeues_node_work_to_another_looper() {
    // §2.B (R): a pending node refcount work item is re-queued to the process.
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    looper_read(sim, fx.srv, SRV_LT).parked();
    const PTR2: u64 = 0x6000;
    const COOKIE2: u64 = 0x6eed;
    let obj = obj_binder(BINDER_TYPE_BINDER, PTR2, COOKIE2, 0);
    // Sent without reading: BR_INCREFS/BR_ACQUIRE wait on the sending thread's todo.
    sim.write(
        fx.srv,
        SRV_TID,
        Cmds::new().transaction(0, CODE_PUBLISH, TF_ONE_WAY, &obj, &[0]),
    )
    .ok();
    let t = sim.wait(fx.sm, SM_TID).txn();
    let h2 = t.object(0).handle();
    assert_eq!(h2, 2);
    sim.write_read(
        fx.sm,
        SM_TID,
        Cmds::new().increfs(h2).acquire(h2).free_buffer(t.buffer),
        256,
    )
    .parked();
    assert!(sim.is_parked(fx.srv, SRV_LT));

    assert_eq!(sim.thread_exit(fx.srv, SRV_TID), Ok(0));
    let got = sim.wait(fx.srv, SRV_LT);
    assert_eq!(
        got.brs,
        vec![
            Br::Noop,
            Br::Increfs(PTR2, COOKIE2),
            Br::Acquire(PTR2, COOKIE2)
        ]
    );
    assert_eq!(got.read_consumed, 44);
    sim.write(
        fx.srv,
        SRV_LT,
        Cmds::new()
            .increfs_done(PTR2, COOKIE2)
            .acquire_done(PTR2, COOKIE2),
    )
    .ok();
    let n = sim
        .info(fx.srv)
        .nodes
        .into_iter()
        .find(|n| n.ptr == PTR2)
        .unwrap();
    assert!(n.has_strong_ref && n.has_weak_ref);
    assert_eq!((n.local_strong_refs, n.local_weak_refs), (0, 0));
}

#[test]
fn thread_exit_requeues_node_work_to_process_queue_without_looper() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    let obj = obj_binder(BINDER_TYPE_BINDER, 0x6000, 0x6eed, 0);
    sim.write(
        fx.srv,
        SRV_TID,
        Cmds::new().transaction(0, CODE_PUBLISH, TF_ONE_WAY, &obj, &[0]),
    )
    .ok();
    assert_eq!(sim.info(fx.srv).todo, 0);
    assert_eq!(sim.thread_exit(fx.srv, SRV_TID), Ok(0));
    assert_eq!(sim.info(fx.srv).todo, 1);
    let got = looper_read(sim, fx.srv, SRV_LT).done();
    assert_eq!(
        got.items(),
        vec![Br::Increfs(0x6000, 0x6eed), Br::Acquire(0x6000, 0x6eed)]
    );
}

// ---------------------------------------------------------------------------------------------
// §2.C / §2.D Looper protocol and thread pool
// ---------------------------------------------------------------------------------------------

/// A client thread calls the server's node and blocks.
fn client_call(fx: &mut Fx, tid: Tid) {
    fx.sim
        .write_read(fx.cli, tid, Cmds::new().call(fx.h, CODE_PING, b"x"), 256)
        .parked();
}

#[test]
fn spawn_looper_requested_when_looper_takes_work_and_none_waits() {
    let mut fx = Fx::new();
    fx.sim.set_max_threads(fx.srv, 2);
    client_call(&mut fx, 210);
    let sim = &mut fx.sim;
    let got = looper_read(sim, fx.srv, SRV_LT).done();
    got.ok();
    assert_eq!(got.raw[..4], code_bytes(BR_SPAWN_LOOPER)[..]);
    assert_eq!(got.brs[0], Br::SpawnLooper);
    assert_eq!(got.items().len(), 1);
    assert_eq!(got.read_consumed, 4 + 4 + 64);
    let info = sim.info(fx.srv);
    assert_eq!(
        (
            info.max_threads,
            info.requested_threads,
            info.requested_threads_started
        ),
        (2, 1, 0)
    );
    // The spawned thread answers with BC_REGISTER_LOOPER.
    let d = sim.write(fx.srv, SRV_LT2, Cmds::new().register_looper());
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 4));
    let info = sim.info(fx.srv);
    assert_eq!(
        (info.requested_threads, info.requested_threads_started),
        (0, 1)
    );
}

#[test]
fn spawn_looper_only_one_request_outstanding() {
    let mut fx = Fx::new();
    fx.sim.set_max_threads(fx.srv, 4);
    client_call(&mut fx, 210);
    client_call(&mut fx, 211);
    let sim = &mut fx.sim;
    let got = looper_read(sim, fx.srv, SRV_LT).done();
    assert_eq!(got.brs[0], Br::SpawnLooper);
    let t = got.txn();
    // Reply, then take the next call: no second request while one is outstanding.
    let d = free_and_reply(sim, fx.srv, SRV_LT, &t, b"r");
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    let got = sim.read(fx.srv, SRV_LT).done();
    assert_eq!(got.brs[0], Br::Noop);
    assert_eq!(got.items().len(), 1);
    // Another looper (ENTER_LOOPER, not a response) does not satisfy the request either.
    client_call(&mut fx, 212);
    let sim = &mut fx.sim;
    let got = looper_read(sim, fx.srv, SRV_LT2).done();
    assert_eq!(got.brs[0], Br::Noop);
    let info = sim.info(fx.srv);
    assert_eq!(
        (info.requested_threads, info.requested_threads_started),
        (1, 0)
    );
}

#[test]
fn spawn_looper_stops_at_max_threads_counting_only_registered_threads() {
    let mut fx = Fx::new();
    fx.sim.set_max_threads(fx.srv, 1);
    for tid in 210..214 {
        client_call(&mut fx, tid);
    }
    let sim = &mut fx.sim;
    // ENTER_LOOPER threads do not count: each may still trigger the request.
    let got = looper_read(sim, fx.srv, SRV_LT).done();
    assert_eq!(got.brs[0], Br::SpawnLooper);
    let t = got.txn();
    sim.write(fx.srv, SRV_LT2, Cmds::new().register_looper())
        .ok();
    let info = sim.info(fx.srv);
    assert_eq!(
        (info.requested_threads, info.requested_threads_started),
        (0, 1)
    );
    // started == max: no more requests, from any looper.
    free_and_reply(sim, fx.srv, SRV_LT, &t, b"r");
    let got = sim.read(fx.srv, SRV_LT).done();
    assert_eq!(got.brs[0], Br::Noop);
    assert_eq!(got.items().len(), 1);
    let got = sim.read(fx.srv, SRV_LT2).done();
    assert_eq!(got.brs[0], Br::Noop);
    assert_eq!(got.items().len(), 1);
    let info = sim.info(fx.srv);
    assert_eq!(
        (info.requested_threads, info.requested_threads_started),
        (0, 1)
    );
}

#[test]
fn spawn_looper_again_after_registration_below_max() {
    let mut fx = Fx::new();
    fx.sim.set_max_threads(fx.srv, 2);
    client_call(&mut fx, 210);
    client_call(&mut fx, 211);
    let sim = &mut fx.sim;
    let got = looper_read(sim, fx.srv, SRV_LT).done();
    assert_eq!(got.brs[0], Br::SpawnLooper);
    sim.write(fx.srv, SRV_LT2, Cmds::new().register_looper())
        .ok();
    // The registered thread takes the next call; started 1 < 2 and no one waits: ask again.
    let got = sim.read(fx.srv, SRV_LT2).done();
    assert_eq!(got.brs[0], Br::SpawnLooper);
    assert_eq!(got.items().len(), 1);
    let info = sim.info(fx.srv);
    assert_eq!(
        (info.requested_threads, info.requested_threads_started),
        (1, 1)
    );
}

#[test]
fn no_spawn_looper_with_default_max_threads_zero() {
    let mut fx = Fx::new();
    assert_eq!(fx.sim.info(fx.srv).max_threads, 0);
    client_call(&mut fx, 210);
    let got = looper_read(&mut fx.sim, fx.srv, SRV_LT).done();
    assert_eq!(got.raw[..4], code_bytes(BR_NOOP)[..]);
    assert_eq!(fx.sim.info(fx.srv).requested_threads, 0);
}

#[test]
fn no_spawn_looper_for_non_looper_thread() {
    let mut fx = Fx::new();
    fx.sim.set_max_threads(fx.srv, 2);
    let sim = &mut fx.sim;
    // A non-looper reading its own work (a oneway's BR_TRANSACTION_COMPLETE).
    let d = sim
        .write_read(fx.srv, SRV_TID, Cmds::new().oneway(0, CODE_PING, b""), 256)
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    assert_eq!(sim.info(fx.srv).requested_threads, 0);
    // The same read by a looper asks for a thread.
    sim.write(fx.srv, SRV_LT, Cmds::new().enter_looper()).ok();
    let d = sim
        .write_read(fx.srv, SRV_LT, Cmds::new().oneway(0, CODE_PING, b""), 256)
        .done();
    assert_eq!(d.brs, vec![Br::SpawnLooper, Br::TransactionComplete]);
    assert_eq!(sim.info(fx.srv).requested_threads, 1);
}

#[test]
fn no_spawn_looper_without_noop_placeholder_in_this_call() {
    // §2.C (R): BR_SPAWN_LOOPER only replaces a BR_NOOP written by this call.
    let mut fx = Fx::new();
    fx.sim.set_max_threads(fx.srv, 2);
    client_call(&mut fx, 210);
    let sim = &mut fx.sim;
    sim.write(fx.srv, SRV_LT, Cmds::new().enter_looper()).ok();
    let mut buf = code_bytes(BR_NOOP);
    buf.resize(256, 0);
    let rb = sim.put(fx.srv, &buf);
    let bwr = BinderWriteRead {
        write_size: 0,
        write_consumed: 0,
        write_buffer: 0,
        read_size: 256,
        read_consumed: 4,
        read_buffer: rb,
    };
    let got = sim.write_read_bwr(fx.srv, SRV_LT, bwr).done();
    got.ok();
    assert_eq!(got.read_consumed, 4 + 4 + 64);
    assert_eq!(got.brs[0], Br::Noop);
    assert!(matches!(got.brs[1], Br::Transaction(_)));
    assert_eq!(got.brs.len(), 2);
    assert_eq!(sim.info(fx.srv).requested_threads, 0);
}

#[test]
fn no_spawn_looper_while_another_looper_waits_and_lifo_choice() {
    let mut fx = Fx::new();
    fx.sim.set_max_threads(fx.srv, 2);
    let sim = &mut fx.sim;
    looper_read(sim, fx.srv, SRV_LT).parked();
    looper_read(sim, fx.srv, SRV_LT2).parked();
    assert_eq!(sim.info(fx.srv).ready_threads, 2);
    // The most recently parked looper gets the call; the other still waits, so no request.
    client_call(&mut fx, 210);
    let sim = &mut fx.sim;
    assert!(sim.is_parked(fx.srv, SRV_LT));
    let got = sim.wait(fx.srv, SRV_LT2);
    assert_eq!(got.brs[0], Br::Noop);
    assert_eq!(got.txn().sender_pid, 200);
    assert_eq!(sim.info(fx.srv).ready_threads, 1);
    assert_eq!(sim.info(fx.srv).requested_threads, 0);
    // The next goes to the remaining one, which is now the last waiting: it asks for a thread.
    client_call(&mut fx, 211);
    let sim = &mut fx.sim;
    let got = sim.wait(fx.srv, SRV_LT);
    assert_eq!(got.brs[0], Br::SpawnLooper);
    assert_eq!(sim.info(fx.srv).ready_threads, 0);
}

#[test]
fn most_recently_parked_looper_is_chosen_first() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    looper_read(sim, fx.srv, SRV_LT).parked();
    looper_read(sim, fx.srv, SRV_LT2).parked();
    looper_read(sim, fx.srv, SRV_LT3).parked();
    // LT3 is served and parks again: it is still the most recent.
    client_call(&mut fx, 210);
    let sim = &mut fx.sim;
    let t = sim.wait(fx.srv, SRV_LT3).txn();
    free_and_reply(sim, fx.srv, SRV_LT3, &t, b"r");
    sim.read(fx.srv, SRV_LT3).parked();
    client_call(&mut fx, 211);
    let sim = &mut fx.sim;
    assert!(sim.is_parked(fx.srv, SRV_LT) && sim.is_parked(fx.srv, SRV_LT2));
    sim.wait(fx.srv, SRV_LT3).txn();
    client_call(&mut fx, 212);
    let sim = &mut fx.sim;
    assert!(sim.is_parked(fx.srv, SRV_LT));
    sim.wait(fx.srv, SRV_LT2).txn();
    client_call(&mut fx, 213);
    fx.sim.wait(fx.srv, SRV_LT).txn();
}

#[test]
fn non_looper_thread_never_gets_process_work() {
    let mut fx = Fx::new();
    let sim = &mut fx.sim;
    sim.read(fx.srv, SRV_TID).parked();
    assert_eq!(sim.info(fx.srv).ready_threads, 0);
    client_call(&mut fx, 210);
    let sim = &mut fx.sim;
    assert!(sim.is_parked(fx.srv, SRV_TID));
    assert_eq!(sim.info(fx.srv).todo, 1);
    let got = looper_read(sim, fx.srv, SRV_LT).done();
    assert_eq!(got.txn().code, CODE_PING);
    assert_eq!(sim.info(fx.srv).todo, 0);
    assert!(sim.is_parked(fx.srv, SRV_TID));
}

#[test]
fn register_looper_without_request_is_a_looper_but_not_counted() {
    let mut fx = Fx::new();
    fx.sim.set_max_threads(fx.srv, 2);
    let sim = &mut fx.sim;
    let d = sim.write(fx.srv, SRV_LT, Cmds::new().register_looper());
    assert_eq!((d.ret, d.write_consumed, d.read_consumed), (Ok(0), 4, 0));
    let info = sim.info(fx.srv);
    assert_eq!(
        (info.requested_threads, info.requested_threads_started),
        (0, 0)
    );
    // It takes process work like any looper.
    sim.read(fx.srv, SRV_LT).parked();
    assert_eq!(sim.info(fx.srv).ready_threads, 1);
    client_call(&mut fx, 210);
    let got = fx.sim.wait(fx.srv, SRV_LT);
    assert_eq!(got.txn().code, CODE_PING);
}

#[test]
fn enter_looper_threads_take_process_work_and_are_not_counted() {
    let mut fx = Fx::new();
    fx.sim.set_max_threads(fx.srv, 1);
    let sim = &mut fx.sim;
    for tid in [SRV_LT, SRV_LT2, SRV_LT3] {
        let d = sim.write(fx.srv, tid, Cmds::new().enter_looper());
        assert_eq!((d.ret, d.write_consumed), (Ok(0), 4));
    }
    let info = sim.info(fx.srv);
    assert_eq!(
        (info.requested_threads, info.requested_threads_started),
        (0, 0)
    );
    sim.read(fx.srv, SRV_LT).parked();
    assert_eq!(sim.info(fx.srv).ready_threads, 1);
}

#[test]
fn exit_looper_and_thread_exit_never_decrement_counters() {
    let mut fx = Fx::new();
    fx.sim.set_max_threads(fx.srv, 2);
    client_call(&mut fx, 210);
    let sim = &mut fx.sim;
    assert_eq!(
        looper_read(sim, fx.srv, SRV_LT).done().brs[0],
        Br::SpawnLooper
    );
    sim.write(fx.srv, SRV_LT2, Cmds::new().register_looper())
        .ok();
    let d = sim.write(fx.srv, SRV_LT2, Cmds::new().exit_looper());
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 4));
    let info = sim.info(fx.srv);
    assert_eq!(
        (info.requested_threads, info.requested_threads_started),
        (0, 1)
    );
    let threads = info.threads;
    assert_eq!(sim.thread_exit(fx.srv, SRV_LT2), Ok(0));
    let info = sim.info(fx.srv);
    assert_eq!(info.threads, threads - 1);
    assert_eq!(
        (info.requested_threads, info.requested_threads_started),
        (0, 1)
    );
}

/// A process released while one of its threads polls as a looper and another holds queued
/// node news (the `BR_INCREFS`/`BR_ACQUIRE` of a node it just sent): the release wakes none
/// of its own threads. The thread's work is dropped with the process, not moved to the
/// process's queue for threads that no longer exist (fuzz finding
/// `readable-wake-for-the-released-process`).
#[test]
fn a_release_wakes_none_of_the_released_process_threads() {
    let World {
        mut sim, client, ..
    } = World::new();
    // The poller is released after the sender (threads go in id order).
    sim.write(client, CLI_LT2, Cmds::new().enter_looper()).ok();
    assert!(!sim.poll(client, CLI_LT2));
    let node = obj_binder(BINDER_TYPE_BINDER, PTR, COOKIE, 0);
    sim.write(
        client,
        CLI_LT,
        Cmds::new().transaction(0, 1, TF_ONE_WAY, &node, &[0]),
    )
    .ok();
    sim.wake_log.clear();
    sim.release(client);
    let own: Vec<&Wake> = sim
        .wake_log
        .iter()
        .filter(|w| matches!(w, Wake::Readable(p, _) | Wake::Resume(p, _) if *p == client))
        .collect();
    assert!(own.is_empty(), "the release woke {own:?}");
}

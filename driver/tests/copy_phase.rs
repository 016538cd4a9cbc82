//! The payload copy happens outside the core: a transaction is prepared, the host copies its
//! payload without holding the core, then it is committed. These tests hold the copy open and
//! change the world meanwhile.

mod common;
use binder_driver::uapi::*;
use common::*;

fn ext_error(sim: &mut Sim, p: binder_driver::core::ProcId, tid: i32) -> BinderExtendedError {
    let (r, b) = sim.ioctl_val(
        p,
        tid,
        BINDER_GET_EXTENDED_ERROR,
        &BinderExtendedError::default(),
    );
    assert_eq!(r, Ok(0));
    BinderExtendedError::from_bytes(&b).unwrap()
}

#[test]
fn call_is_invisible_until_its_payload_is_copied() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.hold_copies = true;
    assert_eq!(
        sim.write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b"payload"), 256),
        Step::Copying
    );
    // Reserved in the target, but nothing delivered yet.
    assert_eq!(sim.info(sm).buffers.len(), 1);
    assert!(sim.is_parked(sm, SM_TID));
    assert_eq!(sim.ctx.transaction_count(), 0);
    sim.release_copies(client, CLIENT_TID, false);
    let t = sim.wait(sm, SM_TID).txn();
    assert_eq!(t.data, b"payload");
    assert!(
        sim.is_parked(client, CLIENT_TID),
        "the caller now waits for the reply"
    );
}

#[test]
fn a_copy_fault_fails_the_call_with_efault_and_frees_the_buffer() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.hold_copies = true;
    sim.write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b"x"), 256);
    sim.release_copies(client, CLIENT_TID, true);
    let d = sim.wait(client, CLIENT_TID);
    assert_eq!(d.items(), vec![Br::FailedReply]);
    assert!(sim.info(sm).buffers.is_empty());
    assert!(sim.is_parked(sm, SM_TID));
    let ee = ext_error(&mut sim, client, CLIENT_TID);
    assert_eq!((ee.command, ee.param), (BR_FAILED_REPLY, -14));
}

#[test]
fn other_threads_work_while_a_copy_is_pending() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let other = sim.open_mapped(300, 300);
    sim.hold_copies = true;
    sim.write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b"slow"), 256);
    sim.hold_copies = false;
    sim.write_read(other, 301, Cmds::new().oneway(0, 2, b"fast"), 256)
        .done()
        .ok();
    let t = sim.wait(sm, SM_TID).txn();
    assert_eq!((t.code, t.data.as_slice()), (2, &b"fast"[..]));
    sim.release_copies(client, CLIENT_TID, false);
    assert_eq!(
        sim.info(sm).todo,
        1,
        "the slow call is queued after the copy"
    );
}

#[test]
fn target_released_during_the_copy_gives_dead_reply() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.hold_copies = true;
    sim.write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b"late"), 256);
    sim.release(sm);
    sim.release_copies(client, CLIENT_TID, false);
    let d = sim.wait(client, CLIENT_TID);
    assert_eq!(d.items(), vec![Br::DeadReply]);
    assert_eq!(sim.ctx.transaction_count(), 0);
}

#[test]
fn caller_gone_during_the_reply_copy_leaves_the_replier_complete() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b"q"), 256)
        .parked();
    let t = sim.wait(sm, SM_TID).txn();
    sim.hold_copies = true;
    assert_eq!(
        sim.write_read(
            sm,
            SM_TID,
            Cmds::new().free_buffer(t.buffer).reply(b"answer"),
            256
        ),
        Step::Copying
    );
    sim.release(client);
    sim.release_copies(sm, SM_TID, false);
    let d = sim.wait(sm, SM_TID);
    assert_eq!(d.items(), vec![Br::TransactionComplete]);
    assert_eq!(sim.ctx.transaction_count(), 0);
    assert!(sim.info(sm).buffers.is_empty());
}

#[test]
fn sender_released_during_its_copy_frees_the_reserved_buffer() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.hold_copies = true;
    sim.write_read(client, CLIENT_TID, Cmds::new().oneway(0, 1, b"bye"), 256);
    assert_eq!(sim.info(sm).buffers.len(), 1);
    sim.release(client);
    // The host may still be copying into the range: it stays reserved until it says done.
    assert_eq!(sim.info(sm).buffers.len(), 1);
    let other = sim.open_mapped(300, 300);
    sim.hold_copies = false;
    sim.write_read(other, 301, Cmds::new().oneway(0, 2, b"mine"), 256)
        .done()
        .ok();
    assert_eq!(sim.wait(sm, SM_TID).txn().data, b"mine");
    assert_eq!(
        sim.info(sm).buffers.len(),
        2,
        "no reuse of the orphaned range"
    );
    sim.release_copies(client, CLIENT_TID, false);
    assert_eq!(sim.info(sm).buffers.len(), 1);
    assert!(sim.is_parked(sm, SM_TID) || sim.info(sm).todo == 0);
}

#[test]
fn replier_released_during_its_reply_copy_gives_the_caller_dead_reply() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b"q"), 256)
        .parked();
    let t = sim.wait(sm, SM_TID).txn();
    sim.hold_copies = true;
    sim.write_read(
        sm,
        SM_TID,
        Cmds::new().free_buffer(t.buffer).reply(b"r"),
        256,
    );
    sim.release(sm);
    let d = sim.wait(client, CLIENT_TID);
    assert_eq!(d.items(), vec![Br::TransactionComplete, Br::DeadReply]);
    // The reply's range in the caller is freed once the host reports the copy.
    assert_eq!(sim.info(client).buffers.len(), 1);
    sim.release_copies(sm, SM_TID, false);
    assert!(sim.info(client).buffers.is_empty());
}

#[test]
fn commands_after_a_copied_transaction_run_in_the_same_ioctl() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.hold_copies = true;
    let cmds = Cmds::new().oneway(0, 1, b"a").oneway(0, 2, b"b");
    assert_eq!(sim.write_read(client, CLIENT_TID, cmds, 256), Step::Copying);
    sim.release_copies(client, CLIENT_TID, false);
    // The second oneway's copy is held next.
    sim.release_copies(client, CLIENT_TID, false);
    let d = sim.wait(client, CLIENT_TID);
    assert_eq!(d.write_consumed, 2 * 68);
    assert_eq!(
        d.items(),
        vec![Br::TransactionComplete, Br::TransactionComplete]
    );
    assert_eq!(sim.wait(sm, SM_TID).txn().data, b"a");
}

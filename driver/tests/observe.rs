//! What `binderctl` reads from the core: traffic counters per process and node, the
//! process snapshot, and the bounded event ring with the host's timestamps.
mod common;
use common::*;

use binder_driver::core::{EventKind, ProcView};
use binder_driver::uapi::*;

/// A call from the client to the manager and its reply, the clock at `t` for the call (its
/// delivery to the parked manager happens in the same entry point), `t + 2` for the reply
/// (likewise delivered at once to the parked client), `t + 3` for the free.
fn roundtrip(w: &mut World, t: u64) {
    let (sm, client) = (w.sm, w.client);
    w.sim.ctx.set_clock(t);
    w.sim
        .write_read(client, CLIENT_TID, Cmds::new().call(0, 7, b"hello"), 256)
        .parked();
    // The manager's parked read was resumed by the call: it has the call now.
    let call = w.sim.wait(sm, SM_TID).ok().txn();
    w.sim.ctx.set_clock(t + 2);
    let d = w
        .sim
        .write_read(
            sm,
            SM_TID,
            Cmds::new().free_buffer(call.buffer).reply(b"ok"),
            256,
        )
        .done();
    assert_eq!(d.items(), vec![Br::TransactionComplete]);
    w.sim.read(sm, SM_TID).parked();
    w.sim.ctx.set_clock(t + 3);
    let reply = w.sim.wait(client, CLIENT_TID).ok().txn();
    w.sim
        .write(client, CLIENT_TID, Cmds::new().free_buffer(reply.buffer))
        .ok();
}

fn view(w: &World, pid: i32) -> ProcView {
    let (procs, _) = w.sim.ctx.observe();
    procs.into_iter().find(|p| p.pid == pid).unwrap()
}

#[test]
fn counters_count_calls_replies_and_bytes_per_process_and_node() {
    let mut w = World::new();
    roundtrip(&mut w, 0);
    roundtrip(&mut w, 10);
    let (sm, client) = (view(&w, 100), view(&w, 200));
    assert_eq!(
        (sm.traffic.calls, sm.traffic.replies, sm.traffic.bytes),
        (2, 0, 10)
    );
    assert_eq!(
        (
            client.traffic.calls_sent,
            client.traffic.replies,
            client.traffic.bytes
        ),
        (2, 2, 4)
    );
    let (_, nodes) = w.sim.ctx.observe();
    let node = nodes.iter().find(|n| n.owner_pid == 100).unwrap();
    assert_eq!((node.traffic.calls, node.traffic.bytes), (2, 10));
    // The manager's looper waits for work; the client's thread is outside the driver.
    assert_eq!((sm.busy, sm.waiting, sm.idle), (0, 1, 0));
    assert_eq!((client.busy, client.waiting, client.idle), (0, 0, 1));
    assert_eq!((sm.buffer_used, sm.async_used, sm.frozen), (0, 0, 0));
    assert_eq!(sm.async_size, sm.buffer_size / 2);
}

#[test]
fn a_recording_keeps_each_step_with_the_hosts_time() {
    let mut w = World::new();
    // Nothing is kept before a recording starts.
    roundtrip(&mut w, 0);
    assert!(!w.sim.ctx.is_recording());
    let page = w.sim.ctx.events_since(0, 100);
    assert_eq!((page.events.len(), page.dropped, page.next), (0, 0, 0));

    w.sim.ctx.start_recording(16);
    roundtrip(&mut w, 100);
    let page = w.sim.ctx.events_since(0, 100);
    let kinds: Vec<_> = page.events.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            EventKind::Call,
            EventKind::Delivered,
            EventKind::Reply,
            EventKind::Delivered
        ]
    );
    let [call, served, reply, back] = page.events[..] else {
        unreachable!()
    };
    let seqs: Vec<u64> = page.events.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, [0, 1, 2, 3]);
    assert_eq!((page.dropped, page.next), (0, 4));
    assert_eq!(
        (call.ts_ns, served.ts_ns, reply.ts_ns, back.ts_ns),
        (100, 100, 102, 102)
    );
    assert_eq!(
        (call.from_pid, call.from_tid, call.to_pid),
        (200, CLIENT_TID, 100)
    );
    assert_eq!((call.code, call.size), (7, 5));
    assert_ne!(call.node, 0);
    assert_eq!(
        (served.txn, served.to_pid, served.to_tid),
        (call.txn, 100, SM_TID)
    );
    assert_eq!(
        (reply.in_reply_to, reply.from_tid, reply.to_tid),
        (call.txn, SM_TID, CLIENT_TID)
    );
    assert_eq!(
        (back.txn, back.to_pid, back.to_tid),
        (reply.txn, 200, CLIENT_TID)
    );

    // Asking from the end gives nothing; from further on, the same.
    assert!(w.sim.ctx.events_since(4, 10).events.is_empty());
    assert_eq!(w.sim.ctx.events_since(u64::MAX, 10).next, 4);
    assert_eq!(w.sim.ctx.events_since(1, 2).events.len(), 2);
}

#[test]
fn a_full_ring_drops_the_oldest_and_says_how_many() {
    let mut w = World::new();
    w.sim.ctx.start_recording(6);
    for i in 0..3 {
        roundtrip(&mut w, i * 10);
    }
    let page = w.sim.ctx.events_since(0, 100);
    assert_eq!((page.events.len(), page.dropped, page.next), (6, 6, 12));
    assert_eq!(page.events[0].seq, 6);
    // A reader that kept up loses nothing.
    let page = w.sim.ctx.events_since(8, 100);
    assert_eq!((page.events.len(), page.dropped), (4, 0));
    // Stopping forgets the ring; positions go on where they were.
    w.sim.ctx.stop_recording();
    w.sim.ctx.start_recording(6);
    roundtrip(&mut w, 100);
    let page = w.sim.ctx.events_since(12, 100);
    assert_eq!((page.events[0].seq, page.events.len()), (12, 4));
}

#[test]
fn a_failed_call_is_recorded_with_what_its_sender_read() {
    let mut w = World::new();
    w.sim.ctx.start_recording(16);
    w.sim.ctx.set_clock(5);
    let d = w
        .sim
        .write_read(w.client, CLIENT_TID, Cmds::new().call(42, 1, b"x"), 256)
        .done();
    assert!(d.items().contains(&Br::FailedReply), "{:?}", d.items());
    let page = w.sim.ctx.events_since(0, 10);
    assert_eq!(page.events.len(), 1);
    let e = page.events[0];
    assert_eq!(
        (e.kind, e.code, e.ts_ns, e.from_pid),
        (EventKind::Failed, BR_FAILED_REPLY, 5, 200)
    );
}

/// A payload that starts with libbinder's interface token for `descriptor`.
fn with_token(descriptor: &str) -> Vec<u8> {
    let mut v = Vec::new();
    v.extend_from_slice(&(i32::MIN).to_le_bytes());
    v.extend_from_slice(&(-1i32).to_le_bytes());
    v.extend_from_slice(&b_pack_chars(b'S', b'Y', b'S', b'T').to_le_bytes());
    let units: Vec<u16> = descriptor.encode_utf16().collect();
    v.extend_from_slice(&(units.len() as i32).to_le_bytes());
    for u in units.iter().chain([&0u16]) {
        v.extend_from_slice(&u.to_le_bytes());
    }
    while v.len() % 4 != 0 {
        v.push(0);
    }
    v.extend_from_slice(b"args");
    v
}

fn call_with(w: &mut World, data: &[u8]) {
    let (sm, client) = (w.sm, w.client);
    w.sim
        .write_read(client, CLIENT_TID, Cmds::new().call(0, 1, data), 256)
        .parked();
    let call = w.sim.wait(sm, SM_TID).ok().txn();
    w.sim
        .write_read(
            sm,
            SM_TID,
            Cmds::new().free_buffer(call.buffer).reply(b""),
            256,
        )
        .done();
    w.sim.read(sm, SM_TID).parked();
    let reply = w.sim.wait(client, CLIENT_TID).ok().txn();
    w.sim
        .write(client, CLIENT_TID, Cmds::new().free_buffer(reply.buffer))
        .ok();
}

fn manager_interface(w: &World) -> String {
    let (_, nodes) = w.sim.ctx.observe();
    nodes
        .into_iter()
        .find(|n| n.owner_pid == 100)
        .unwrap()
        .descriptor
}

#[test]
fn a_recording_learns_a_nodes_interface_from_a_calls_token() {
    let mut w = World::new();
    // Not while nothing records: the payload is not looked at.
    call_with(&mut w, &with_token("android.os.IServiceManager"));
    assert_eq!(manager_interface(&w), "");
    w.sim.ctx.start_recording(16);
    // A call without a token (a ping) teaches nothing; the next one with a token does.
    call_with(&mut w, b"");
    call_with(&mut w, b"no token here at all");
    // Nor does a garbled one (a length beyond the payload).
    let mut bad = with_token("x");
    bad[12] = 0xff;
    call_with(&mut w, &bad);
    assert_eq!(manager_interface(&w), "");
    call_with(&mut w, &with_token("android.os.IServiceManager"));
    assert_eq!(manager_interface(&w), "android.os.IServiceManager");
    let (_, nodes) = w.sim.ctx.observe();
    let node = nodes.iter().find(|n| n.owner_pid == 100).unwrap().id;
    assert_eq!(
        w.sim.ctx.recorded_interfaces(),
        [(node, "android.os.IServiceManager".to_string())]
    );
    // Learnt once: later calls are not read again.
    call_with(&mut w, &with_token("android.os.IOther"));
    assert_eq!(manager_interface(&w), "android.os.IServiceManager");
}

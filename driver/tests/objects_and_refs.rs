//! Object translation (kernel-binder.md §2.F) and reference counting (§2.G).
mod common;
use common::*;

use binder_driver::core::{ProcId, Tid};
use binder_driver::uapi::*;

/// A thread of the manager that is not its looper, for the manager's own commands.
const SM_TID2: Tid = 102;
/// A third process "S" that owns nodes: a sending thread and a looper parked in a read.
const S_PID: i32 = 300;
const S_EUID: u32 = 10_002;
const S_TID: Tid = 301;
const S_LOOPER: Tid = 302;

const CODE: u32 = 0x42;
/// Size of a `BC_TRANSACTION` command in the write buffer.
const TXN_CMD: u64 = 4 + 64;
/// Size of a `BR_INCREFS`/`BR_ACQUIRE`/`BR_RELEASE`/`BR_DECREFS` item in the read buffer.
const PC_ITEM: u64 = 4 + 16;

struct W {
    sim: Sim,
    sm: ProcId,
    client: ProcId,
    s: ProcId,
}

/// The harness `World` plus process S with its looper parked.
fn world() -> W {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let s = sim.open_mapped(S_PID, S_EUID);
    looper(&mut sim, s, S_LOOPER);
    W { sim, sm, client, s }
}

fn looper(sim: &mut Sim, p: ProcId, tid: Tid) {
    sim.write(p, tid, Cmds::new().enter_looper()).ok();
    sim.read(p, tid).parked();
}

/// `len` bytes of a recognisable pattern with objects laid at their offsets; the offsets
/// array lists them in the given order.
fn payload(len: usize, objs: &[(usize, Vec<u8>)]) -> (Vec<u8>, Vec<u64>) {
    let mut d: Vec<u8> = (0..len).map(|i| (i as u8) ^ 0xa5).collect();
    for (off, o) in objs {
        d[*off..*off + o.len()].copy_from_slice(o);
    }
    (d, objs.iter().map(|(o, _)| *o as u64).collect())
}

/// A HANDLE/WEAK_HANDLE object with flags, as the driver writes it (union and cookie zero).
fn obj_ref(ty: u32, handle: u32, flags: u32) -> Vec<u8> {
    let mut o = obj_handle(ty, handle);
    o[4..8].copy_from_slice(&flags.to_ne_bytes());
    o
}

/// The read-buffer bytes of a sequence of ptr/cookie returns.
fn pc_bytes(items: &[(u32, u64, u64)]) -> Vec<u8> {
    let mut v = Vec::new();
    for &(code, ptr, cookie) in items {
        v.extend_from_slice(&code.to_ne_bytes());
        v.extend_from_slice(&ptr.to_ne_bytes());
        v.extend_from_slice(&cookie.to_ne_bytes());
    }
    v
}

/// A oneway transaction with objects, and the sender's read (256 bytes of room).
fn send_oneway(
    sim: &mut Sim,
    from: ProcId,
    tid: Tid,
    handle: u32,
    data: &[u8],
    offs: &[u64],
) -> Done {
    sim.write_read(
        from,
        tid,
        Cmds::new().transaction(handle, CODE, TF_ONE_WAY, data, offs),
        256,
    )
    .done()
}

/// A sync call with objects that must fail synchronously; returns the sender's read.
fn call_now(sim: &mut Sim, from: ProcId, tid: Tid, handle: u32, data: &[u8], offs: &[u64]) -> Done {
    sim.write_read(
        from,
        tid,
        Cmds::new().transaction(handle, CODE, 0, data, offs),
        256,
    )
    .done()
}

/// `from` sends a (WEAK_)BINDER for `ptr`/`cookie` to the manager in a oneway and acks the
/// increments; the manager keeps a ref of the same strength (BC_ACQUIRE / BC_INCREFS) and
/// frees the buffer. Returns the manager's handle.
fn publish(w: &mut W, from: ProcId, tid: Tid, ty: u32, ptr: u64, cookie: u64) -> u32 {
    let strong = ty == BINDER_TYPE_BINDER;
    let (d, o) = payload(40, &[(8, obj_binder(ty, ptr, cookie, 0))]);
    let got = send_oneway(&mut w.sim, from, tid, 0, &d, &o);
    let mut done = Cmds::new();
    if got.items().contains(&Br::Increfs(ptr, cookie)) {
        done = done.increfs_done(ptr, cookie);
    }
    if got.items().contains(&Br::Acquire(ptr, cookie)) {
        done = done.acquire_done(ptr, cookie);
    }
    assert_eq!(got.items().last(), Some(&Br::TransactionComplete));
    w.sim.write(from, tid, done).ok();
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    let h = t.object(8).handle();
    let keep = if strong {
        Cmds::new().acquire(h)
    } else {
        Cmds::new().increfs(h)
    };
    w.sim
        .write_read(w.sm, SM_TID, keep.free_buffer(t.buffer), 256)
        .parked();
    h
}

/// The client calls the manager, which frees the request and answers with `data`/`offs`; the
/// manager's looper parks again. Returns the caller's read.
fn ask_sm(w: &mut W, data: &[u8], offs: &[u64]) -> Done {
    let (who, tid) = (w.client, CLIENT_TID);
    w.sim
        .write_read(who, tid, Cmds::new().call(0, 1, b"get?"), 256)
        .parked();
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    let r = w
        .sim
        .write_read(
            w.sm,
            SM_TID,
            Cmds::new().free_buffer(t.buffer).reply_with(0, data, offs),
            256,
        )
        .done();
    assert_eq!(r.ok().items(), vec![Br::TransactionComplete]);
    w.sim.read(w.sm, SM_TID).parked();
    w.sim.wait(who, tid)
}

fn node(sim: &Sim, p: ProcId, ptr: u64) -> binder_driver::core::NodeInfo {
    sim.info(p)
        .nodes
        .into_iter()
        .find(|n| n.ptr == ptr)
        .unwrap_or_else(|| panic!("no node {ptr:#x}"))
}

fn refs(sim: &Sim, p: ProcId) -> Vec<(u32, u32, u32)> {
    sim.info(p)
        .refs
        .iter()
        .map(|r| (r.handle, r.strong, r.weak))
        .collect()
}

/// The transaction was refused: the sender read exactly `BR_FAILED_REPLY`, and nothing
/// reached the manager.
#[track_caller]
fn assert_failed(w: &W, d: &Done) {
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.write_consumed, TXN_CMD);
    assert_eq!(d.brs, vec![Br::Noop, Br::FailedReply]);
    assert_eq!(d.read_consumed, 8);
    assert!(w.sim.is_parked(w.sm, SM_TID), "the manager was woken");
    assert!(w.sim.info(w.sm).buffers.is_empty());
    assert_eq!(w.sim.ctx.transaction_count(), 0);
}

// ---------------------------------------------------------------------------------------
// §2.F object translation
// ---------------------------------------------------------------------------------------

#[test]
fn binder_object_creates_node_and_arrives_as_scrubbed_handle() {
    let mut w = world();
    let (ptr, cookie) = (0xdead_beef_0000_1000, 0x1122_3344_5566_7788);
    let flags = FLAT_BINDER_FLAG_ACCEPTS_FDS | 0x13;
    let (d, o) = payload(
        48,
        &[(16, obj_binder(BINDER_TYPE_BINDER, ptr, cookie, flags))],
    );
    let got = send_oneway(&mut w.sim, w.s, S_TID, 0, &d, &o);
    got.ok();
    assert_eq!(got.write_consumed, TXN_CMD);
    // The zero-to-one news goes to the sending thread, before its TRANSACTION_COMPLETE (§2.G).
    let mut raw = BR_NOOP.to_ne_bytes().to_vec();
    raw.extend(pc_bytes(&[
        (BR_INCREFS, ptr, cookie),
        (BR_ACQUIRE, ptr, cookie),
    ]));
    raw.extend(BR_TRANSACTION_COMPLETE.to_ne_bytes());
    assert_eq!(got.raw, raw);
    assert_eq!(got.read_consumed, 4 + 2 * PC_ITEM + 4);

    let n = node(&w.sim, w.s, ptr);
    assert_eq!((n.ptr, n.cookie, n.flags), (ptr, cookie, flags));
    assert_eq!(w.sim.info(w.s).nodes.len(), 1);
    assert_eq!(w.sim.ctx.node_count(), 2);

    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    assert_eq!(t.offsets, vec![16]);
    let mut expect = d.clone();
    expect[16..40].copy_from_slice(&obj_ref(BINDER_TYPE_HANDLE, 1, flags));
    assert_eq!(t.data, expect);
    let obj = t.object(16);
    assert_eq!(obj.hdr.type_, BINDER_TYPE_HANDLE);
    assert_eq!(obj.flags, flags);
    // The whole 8-byte union holds only the handle: the pointer's high half is gone.
    assert_eq!(obj.binder(), 1);
    assert_eq!(obj.cookie, 0);
    assert_eq!(refs(&w.sim, w.sm), vec![(1, 1, 0)]);
    let r = &w.sim.info(w.sm).refs[0];
    assert!(!r.dead && !r.death);
}

#[test]
fn weak_binder_arrives_as_weak_handle_with_weak_ref() {
    let mut w = world();
    let (ptr, cookie) = (0x5000, 0x5001);
    let (d, o) = payload(
        24,
        &[(
            0,
            obj_binder(
                BINDER_TYPE_WEAK_BINDER,
                ptr,
                cookie,
                FLAT_BINDER_FLAG_ACCEPTS_FDS,
            ),
        )],
    );
    let got = send_oneway(&mut w.sim, w.s, S_TID, 0, &d, &o);
    // Only weak interest: BR_INCREFS without BR_ACQUIRE.
    assert_eq!(
        got.ok().brs,
        vec![Br::Noop, Br::Increfs(ptr, cookie), Br::TransactionComplete]
    );
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    assert_eq!(
        t.data,
        obj_ref(BINDER_TYPE_WEAK_HANDLE, 1, FLAT_BINDER_FLAG_ACCEPTS_FDS)
    );
    assert_eq!(refs(&w.sim, w.sm), vec![(1, 0, 1)]);
    let n = node(&w.sim, w.s, ptr);
    assert!(n.has_weak_ref && !n.has_strong_ref);
    assert_eq!(
        (
            n.internal_strong_refs,
            n.local_strong_refs,
            n.local_weak_refs,
            n.refs
        ),
        (0, 0, 1, 1)
    );
}

#[test]
fn same_node_sent_twice_maps_to_same_handle() {
    let mut w = world();
    let (p1, c1, p2, c2) = (0x1000, 0x1001, 0x2000, 0x2001);
    let (d, o) = payload(
        96,
        &[
            (0, obj_binder(BINDER_TYPE_BINDER, p1, c1, 0)),
            (32, obj_binder(BINDER_TYPE_BINDER, p1, c1, 0)),
            (64, obj_binder(BINDER_TYPE_WEAK_BINDER, p1, c1, 0)),
        ],
    );
    let got = send_oneway(&mut w.sim, w.s, S_TID, 0, &d, &o);
    // One node, one zero-to-one notification.
    assert_eq!(
        got.ok().items(),
        vec![
            Br::Increfs(p1, c1),
            Br::Acquire(p1, c1),
            Br::TransactionComplete
        ]
    );
    w.sim
        .write(
            w.s,
            S_TID,
            Cmds::new().increfs_done(p1, c1).acquire_done(p1, c1),
        )
        .ok();
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    assert_eq!(t.object(0).handle(), 1);
    assert_eq!(t.object(32).handle(), 1);
    assert_eq!(t.object(64).hdr.type_, BINDER_TYPE_WEAK_HANDLE);
    assert_eq!(t.object(64).handle(), 1);
    assert_eq!(refs(&w.sim, w.sm), vec![(1, 2, 1)]);
    // One ref contributes one internal strong count however strong it is.
    assert_eq!(node(&w.sim, w.s, p1).internal_strong_refs, 1);
    w.sim
        .write_read(
            w.sm,
            SM_TID,
            Cmds::new().acquire(1).free_buffer(t.buffer),
            256,
        )
        .parked();
    assert_eq!(refs(&w.sim, w.sm), vec![(1, 1, 0)]);

    // A later transaction with the same node: same handle, no new notification.
    let (d, o) = payload(
        56,
        &[
            (0, obj_binder(BINDER_TYPE_BINDER, p2, c2, 0)),
            (32, obj_binder(BINDER_TYPE_BINDER, p1, c1, 0)),
        ],
    );
    let got = send_oneway(&mut w.sim, w.s, S_TID, 0, &d, &o);
    assert_eq!(
        got.ok().items(),
        vec![
            Br::Increfs(p2, c2),
            Br::Acquire(p2, c2),
            Br::TransactionComplete
        ]
    );
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    assert_eq!(t.object(0).handle(), 2);
    assert_eq!(t.object(32).handle(), 1);
    assert_eq!(refs(&w.sim, w.sm), vec![(1, 2, 0), (2, 1, 0)]);
}

#[test]
fn handles_are_smallest_free_from_1_and_reused_after_ref_dies() {
    let mut w = world();
    let (s, client) = (w.s, w.client);
    assert_eq!(publish(&mut w, s, S_TID, BINDER_TYPE_BINDER, 0x1000, 1), 1);
    assert_eq!(publish(&mut w, s, S_TID, BINDER_TYPE_BINDER, 0x2000, 2), 2);
    assert_eq!(
        publish(&mut w, client, CLIENT_TID, BINDER_TYPE_BINDER, 0x3000, 3),
        3
    );
    assert_eq!(refs(&w.sim, w.sm), vec![(1, 1, 0), (2, 1, 0), (3, 1, 0)]);

    w.sim.write(w.sm, SM_TID2, Cmds::new().release(2)).ok();
    assert_eq!(refs(&w.sim, w.sm), vec![(1, 1, 0), (3, 1, 0)]);
    // The node's owner hears of it on its looper.
    assert_eq!(
        w.sim.wait(w.s, S_LOOPER).ok().items(),
        vec![Br::Release(0x2000, 2), Br::Decrefs(0x2000, 2)]
    );

    assert_eq!(
        publish(&mut w, s, S_TID, BINDER_TYPE_WEAK_BINDER, 0x4000, 4),
        2
    );
    assert_eq!(publish(&mut w, s, S_TID, BINDER_TYPE_BINDER, 0x5000, 5), 4);
    assert_eq!(
        refs(&w.sim, w.sm),
        vec![(1, 1, 0), (2, 0, 1), (3, 1, 0), (4, 1, 0)]
    );
}

#[test]
fn ref_to_context_manager_node_gets_handle_0() {
    // §2.F handle numbers: 0 is reserved for the context manager's node in every process.
    let mut w = world();
    let s = w.s;
    let h = publish(&mut w, s, S_TID, BINDER_TYPE_BINDER, 0x1000, 0x1001);
    let (d, o) = payload(24, &[(0, obj_handle(BINDER_TYPE_HANDLE, h))]);
    let got = ask_sm(&mut w, &d, &o);
    assert_eq!(got.txn().object(0).handle(), 1);
    w.sim
        .write(
            w.client,
            CLIENT_TID,
            Cmds::new().acquire(1).free_buffer(got.txn().buffer),
        )
        .ok();
    // The client now names the manager too (handle 0), then passes that handle to S, which
    // holds no ref at all: S's new ref is handle 0, not the smallest free 1.
    w.sim
        .write(w.client, CLIENT_TID, Cmds::new().acquire(0))
        .ok();
    assert_eq!(refs(&w.sim, w.client), vec![(0, 1, 0), (1, 1, 0)]);
    let (d, o) = payload(24, &[(0, obj_handle(BINDER_TYPE_HANDLE, 0))]);
    assert_eq!(
        send_oneway(&mut w.sim, w.client, CLIENT_TID, 1, &d, &o)
            .ok()
            .items(),
        vec![Br::TransactionComplete]
    );
    let t = w.sim.wait(w.s, S_LOOPER).ok().txn();
    assert_eq!(t.data, obj_ref(BINDER_TYPE_HANDLE, 0, 0));
    assert_eq!(refs(&w.sim, w.s), vec![(0, 1, 0)]);
}

#[test]
fn handle_sent_to_node_owner_arrives_as_binder_with_ptr_and_cookie() {
    let mut w = world();
    let s = w.s;
    let (ptr, cookie) = (0xffff_0000_1234_5678, 0xc00c1e);
    let h = publish(&mut w, s, S_TID, BINDER_TYPE_BINDER, ptr, cookie);
    let before = node(&w.sim, w.s, ptr);
    assert_eq!((before.local_strong_refs, before.local_weak_refs), (0, 0));

    // The manager passes the node back to its owner, strong and weak; the flags are the
    // sender's object's, the union and cookie are the node's.
    let mut junk = obj_ref(BINDER_TYPE_HANDLE, h, FLAT_BINDER_FLAG_ACCEPTS_FDS);
    junk[12..16].copy_from_slice(&[0xee; 4]);
    junk[16..24].copy_from_slice(&[0xdd; 8]);
    let (d, o) = payload(
        64,
        &[(0, junk), (32, obj_ref(BINDER_TYPE_WEAK_HANDLE, h, 0x7))],
    );
    let got = send_oneway(&mut w.sim, w.sm, SM_TID2, h, &d, &o);
    assert_eq!(got.ok().brs, vec![Br::Noop, Br::TransactionComplete]);
    let t = w.sim.wait(w.s, S_LOOPER).ok().txn();
    assert_eq!((t.target_ptr, t.cookie), (ptr, cookie));
    let mut expect = d.clone();
    expect[0..24].copy_from_slice(&obj_binder(
        BINDER_TYPE_BINDER,
        ptr,
        cookie,
        FLAT_BINDER_FLAG_ACCEPTS_FDS,
    ));
    expect[32..56].copy_from_slice(&obj_binder(BINDER_TYPE_WEAK_BINDER, ptr, cookie, 0x7));
    assert_eq!(t.data, expect);
    // The owner is told nothing; the buffer holds local counts (one strong for being the
    // transaction's target, one strong and one weak for the objects).
    let n = node(&w.sim, w.s, ptr);
    assert_eq!(
        (
            n.internal_strong_refs,
            n.local_strong_refs,
            n.local_weak_refs
        ),
        (1, 2, 1)
    );
    assert!(w.sim.info(w.s).refs.is_empty());
    w.sim
        .write_read(w.s, S_LOOPER, Cmds::new().free_buffer(t.buffer), 256)
        .parked();
    assert_eq!(node(&w.sim, w.s, ptr), before);
}

#[test]
fn handle_sent_to_third_process_becomes_its_own_handle() {
    let mut w = world();
    let s = w.s;
    assert_eq!(
        publish(&mut w, s, S_TID, BINDER_TYPE_BINDER, 0x1000, 0x1001),
        1
    );
    assert_eq!(
        publish(&mut w, s, S_TID, BINDER_TYPE_BINDER, 0x2000, 0x2001),
        2
    );
    // Handle 2 with junk in the union's high half and in the cookie.
    let mut o2 = obj_ref(BINDER_TYPE_HANDLE, 2, FLAT_BINDER_FLAG_ACCEPTS_FDS);
    o2[12..16].copy_from_slice(&[0xff; 4]);
    o2[16..24].copy_from_slice(&0x999u64.to_ne_bytes());
    let (d, o) = payload(72, &[(8, o2), (40, obj_ref(BINDER_TYPE_WEAK_HANDLE, 2, 0))]);
    let got = ask_sm(&mut w, &d, &o);
    assert_eq!(
        got.ok().items()[0],
        Br::TransactionComplete,
        "{:?}",
        got.brs
    );
    let r = got.txn();
    let mut expect = d.clone();
    expect[8..32].copy_from_slice(&obj_ref(
        BINDER_TYPE_HANDLE,
        1,
        FLAT_BINDER_FLAG_ACCEPTS_FDS,
    ));
    expect[40..64].copy_from_slice(&obj_ref(BINDER_TYPE_WEAK_HANDLE, 1, 0));
    assert_eq!(r.data, expect);
    assert_eq!(r.offsets, vec![8, 40]);
    // The client's first ref is 1 (0 stays reserved), both objects share it.
    assert_eq!(refs(&w.sim, w.client), vec![(1, 1, 1)]);
    let n = node(&w.sim, w.s, 0x2000);
    assert_eq!((n.internal_strong_refs, n.refs), (2, 2));
    assert_eq!(node(&w.sim, w.s, 0x1000).refs, 1);
    // The manager's own ref is untouched.
    assert_eq!(refs(&w.sim, w.sm), vec![(1, 1, 0), (2, 1, 0)]);
    w.sim
        .write(w.client, CLIENT_TID, Cmds::new().free_buffer(r.buffer))
        .ok();
    assert!(w.sim.info(w.client).refs.is_empty());
    let n = node(&w.sim, w.s, 0x2000);
    assert_eq!((n.internal_strong_refs, n.refs), (1, 1));
}

/// S publishes a node weakly; the manager holds a weak-only ref to it. Returns its handle.
fn weak_only_at_sm(w: &mut W, ptr: u64, cookie: u64) -> u32 {
    let s = w.s;
    let h = publish(w, s, S_TID, BINDER_TYPE_WEAK_BINDER, ptr, cookie);
    assert!(refs(&w.sim, w.sm).contains(&(h, 0, 1)));
    h
}

#[test]
fn weak_handle_from_weak_only_ref_is_forwarded() {
    let mut w = world();
    let h = weak_only_at_sm(&mut w, 0x1000, 0x1001);
    let (d, o) = payload(24, &[(0, obj_handle(BINDER_TYPE_WEAK_HANDLE, h))]);
    let got = ask_sm(&mut w, &d, &o);
    assert_eq!(got.ok().txn().data, obj_ref(BINDER_TYPE_WEAK_HANDLE, 1, 0));
    assert_eq!(refs(&w.sim, w.client), vec![(1, 0, 1)]);
}

#[test]
fn strong_handle_from_weak_only_ref_fails_the_reply() {
    // §2.F: a strong HANDLE needs a strong ref; a failed reply completes for the replier and
    // fails for the caller (§2.E).
    let mut w = world();
    let h = weak_only_at_sm(&mut w, 0x1000, 0x1001);
    let (d, o) = payload(24, &[(0, obj_handle(BINDER_TYPE_HANDLE, h))]);
    let got = ask_sm(&mut w, &d, &o);
    assert_eq!(
        got.ok().brs,
        vec![Br::Noop, Br::TransactionComplete, Br::FailedReply]
    );
    assert!(w.sim.info(w.client).refs.is_empty());
    assert!(w.sim.info(w.client).buffers.is_empty());
    assert_eq!(refs(&w.sim, w.sm), vec![(h, 0, 1)]);
}

#[test]
fn strong_handle_from_weak_only_ref_fails_the_call() {
    let mut w = world();
    let h = weak_only_at_sm(&mut w, 0x1000, 0x1001);
    let (d, o) = payload(24, &[(0, obj_handle(BINDER_TYPE_WEAK_HANDLE, h))]);
    let got = ask_sm(&mut w, &d, &o);
    w.sim
        .write(
            w.client,
            CLIENT_TID,
            Cmds::new().increfs(1).free_buffer(got.txn().buffer),
        )
        .ok();
    assert_eq!(refs(&w.sim, w.client), vec![(1, 0, 1)]);

    let (d, o) = payload(32, &[(8, obj_handle(BINDER_TYPE_HANDLE, 1))]);
    let got = call_now(&mut w.sim, w.client, CLIENT_TID, 0, &d, &o);
    assert_failed(&w, &got);
    assert_eq!(refs(&w.sim, w.client), vec![(1, 0, 1)]);
    assert_eq!(refs(&w.sim, w.sm), vec![(h, 0, 1)]);

    // The weak form of the same handle goes through.
    let (d, o) = payload(32, &[(8, obj_handle(BINDER_TYPE_WEAK_HANDLE, 1))]);
    w.sim
        .write_read(
            w.client,
            CLIENT_TID,
            Cmds::new().transaction(0, CODE, 0, &d, &o),
            256,
        )
        .parked();
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    assert_eq!(t.object(8), {
        let b = obj_ref(BINDER_TYPE_WEAK_HANDLE, h, 0);
        FlatBinderObject::from_bytes(&b).unwrap()
    });
    assert_eq!(refs(&w.sim, w.sm), vec![(h, 0, 2)]);
}

#[test]
fn binder_with_cookie_differing_from_node_fails() {
    let mut w = world();
    let s = w.s;
    publish(&mut w, s, S_TID, BINDER_TYPE_BINDER, 0x1000, 0xaaaa);
    let before = w.sim.info(w.s).nodes;
    let (d, o) = payload(
        24,
        &[(0, obj_binder(BINDER_TYPE_BINDER, 0x1000, 0xbbbb, 0))],
    );
    let got = call_now(&mut w.sim, w.s, S_TID, 0, &d, &o);
    assert_failed(&w, &got);
    assert_eq!(w.sim.info(w.s).nodes, before);
    assert_eq!(before[0].cookie, 0xaaaa);
    assert_eq!(refs(&w.sim, w.sm), vec![(1, 1, 0)]);
}

#[test]
fn object_offset_not_4_aligned_fails() {
    let mut w = world();
    for off in [1usize, 2, 3, 6] {
        let (d, o) = payload(
            40,
            &[(off, obj_binder(BINDER_TYPE_BINDER, 0x1000, 0x1001, 0))],
        );
        let got = call_now(&mut w.sim, w.client, CLIENT_TID, 0, &d, &o);
        assert_failed(&w, &got);
        assert!(w.sim.info(w.client).nodes.is_empty(), "offset {off}");
    }
}

#[test]
fn object_offset_4_aligned_but_not_8_aligned_is_accepted() {
    // §3: object offsets need only 4-byte alignment.
    let mut w = world();
    let (d, o) = payload(
        28,
        &[(4, obj_binder(BINDER_TYPE_BINDER, 0x1000, 0x1001, 0))],
    );
    w.sim
        .write_read(
            w.client,
            CLIENT_TID,
            Cmds::new().transaction(0, CODE, 0, &d, &o),
            256,
        )
        .parked();
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    let mut expect = d.clone();
    expect[4..28].copy_from_slice(&obj_ref(BINDER_TYPE_HANDLE, 1, 0));
    assert_eq!(t.data, expect);
    assert_eq!(t.offsets, vec![4]);
}

#[test]
fn decreasing_or_overlapping_offsets_fail_and_roll_back() {
    let mut w = world();
    let b1 = obj_binder(BINDER_TYPE_BINDER, 0x1000, 0x1001, 0);
    let b2 = obj_binder(BINDER_TYPE_BINDER, 0x2000, 0x2001, 0);
    let (d, _) = payload(48, &[(0, b1.clone()), (24, b2.clone())]);
    for offs in [vec![24u64, 0], vec![0, 16], vec![0, 0], vec![0, 20]] {
        let got = call_now(&mut w.sim, w.client, CLIENT_TID, 0, &d, &offs);
        assert_failed(&w, &got);
        // The object translated before the bad one is undone: no node, no ref.
        assert!(w.sim.info(w.client).nodes.is_empty(), "{offs:?}");
        assert!(w.sim.info(w.sm).refs.is_empty(), "{offs:?}");
        assert_eq!(w.sim.ctx.node_count(), 1);
    }
    // Adjacent objects (the next one starts where the previous ends) are fine.
    w.sim
        .write_read(
            w.client,
            CLIENT_TID,
            Cmds::new().transaction(0, CODE, 0, &d, &[0, 24]),
            256,
        )
        .parked();
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    assert_eq!(t.object(0).handle(), 1);
    assert_eq!(t.object(24).handle(), 2);
}

#[test]
fn object_extending_past_data_size_fails() {
    let mut w = world();
    // A valid header at 24, but only 16 of the object's 24 bytes lie inside the data.
    let full = obj_binder(BINDER_TYPE_BINDER, 0x1000, 0x1001, 0);
    let mut d: Vec<u8> = vec![0x5a; 40];
    d[24..40].copy_from_slice(&full[..16]);
    let got = call_now(&mut w.sim, w.client, CLIENT_TID, 0, &d, &[24]);
    assert_failed(&w, &got);
    assert!(w.sim.info(w.client).nodes.is_empty());
    // Too short even for the header, and a header with a truncated body.
    let got = call_now(&mut w.sim, w.client, CLIENT_TID, 0, &full[..3], &[0]);
    assert_failed(&w, &got);
    let got = call_now(&mut w.sim, w.client, CLIENT_TID, 0, &full[..20], &[0]);
    assert_failed(&w, &got);
    assert!(w.sim.info(w.client).nodes.is_empty());

    // Ending exactly at data_size is fine.
    d.extend_from_slice(&full[16..]);
    w.sim
        .write_read(
            w.client,
            CLIENT_TID,
            Cmds::new().transaction(0, CODE, 0, &d, &[24]),
            256,
        )
        .parked();
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    assert_eq!(t.object(24).handle(), 1);
}

#[test]
fn object_offset_past_end_of_data_fails() {
    let mut w = world();
    let (d, _) = payload(
        48,
        &[(0, obj_binder(BINDER_TYPE_BINDER, 0x1000, 0x1001, 0))],
    );
    for off in [48u64, 64, 0x1_0000_0000, !3u64] {
        let got = call_now(&mut w.sim, w.client, CLIENT_TID, 0, &d, &[off]);
        assert_failed(&w, &got);
    }
    assert!(w.sim.info(w.client).nodes.is_empty());
}

#[test]
fn unknown_object_type_fails() {
    let mut w = world();
    for ty in [0u32, 0x1234_5678, BINDER_TYPE_BINDER ^ 0x100] {
        let mut obj = obj_binder(BINDER_TYPE_BINDER, 0x1000, 0x1001, 0);
        obj[0..4].copy_from_slice(&ty.to_ne_bytes());
        let (d, o) = payload(24, &[(0, obj)]);
        let got = call_now(&mut w.sim, w.client, CLIENT_TID, 0, &d, &o);
        assert_failed(&w, &got);
    }
    assert!(w.sim.info(w.client).nodes.is_empty());
}

#[test]
fn failed_translation_releases_new_node_and_its_notification() {
    // §2.F partial failure: objects already translated are released.
    let mut w = world();
    let mut bad = obj_binder(BINDER_TYPE_BINDER, 0x2000, 0x2001, 0);
    bad[0..4].copy_from_slice(&0xdead_beefu32.to_ne_bytes());
    let (d, o) = payload(
        64,
        &[
            (0, obj_binder(BINDER_TYPE_BINDER, 0x1000, 0x1001, 0)),
            (32, bad),
        ],
    );
    let got = call_now(&mut w.sim, w.client, CLIENT_TID, 0, &d, &o);
    // The BR_INCREFS/BR_ACQUIRE queued for the new node went with it.
    assert_failed(&w, &got);
    assert!(w.sim.info(w.client).nodes.is_empty());
    assert!(w.sim.info(w.sm).refs.is_empty());
    assert_eq!(w.sim.ctx.node_count(), 1);
    // Nothing left on the client's queues either.
    w.sim.read(w.client, CLIENT_TID).parked();
}

#[test]
fn failed_translation_restores_existing_node_and_ref_counts() {
    let mut w = world();
    let s = w.s;
    let h = publish(&mut w, s, S_TID, BINDER_TYPE_BINDER, 0x1000, 0x1001);
    let before = node(&w.sim, w.s, 0x1000);
    let (d, o) = payload(
        72,
        &[
            (0, obj_binder(BINDER_TYPE_BINDER, 0x1000, 0x1001, 0)),
            (24, obj_binder(BINDER_TYPE_WEAK_BINDER, 0x1000, 0x1001, 0)),
            // No such handle in S.
            (48, obj_handle(BINDER_TYPE_HANDLE, 9)),
        ],
    );
    let got = call_now(&mut w.sim, w.s, S_TID, 0, &d, &o);
    assert_failed(&w, &got);
    assert_eq!(node(&w.sim, w.s, 0x1000), before);
    assert_eq!(refs(&w.sim, w.sm), vec![(h, 1, 0)]);
    assert_eq!(w.sim.ctx.node_count(), 2);
}

#[test]
fn failed_translation_releases_refs_and_local_counts_from_handles() {
    let mut w = world();
    let s = w.s;
    let h = publish(&mut w, s, S_TID, BINDER_TYPE_BINDER, 0x1000, 0x1001);
    let (d, o) = payload(24, &[(0, obj_handle(BINDER_TYPE_HANDLE, h))]);
    let got = ask_sm(&mut w, &d, &o);
    w.sim
        .write(
            w.client,
            CLIENT_TID,
            Cmds::new().acquire(1).free_buffer(got.txn().buffer),
        )
        .ok();
    w.sim.write(w.sm, SM_TID2, Cmds::new().release(h)).ok();
    assert!(w.sim.info(w.sm).refs.is_empty());
    let before = node(&w.sim, w.s, 0x1000);
    assert_eq!((before.internal_strong_refs, before.refs), (1, 1));

    // To the manager: a handle the manager has no ref for, then an offset past the end.
    let (d, _) = payload(48, &[(8, obj_handle(BINDER_TYPE_HANDLE, 1))]);
    let got = call_now(&mut w.sim, w.client, CLIENT_TID, 0, &d, &[8, 48]);
    assert_failed(&w, &got);
    assert!(w.sim.info(w.sm).refs.is_empty());
    assert_eq!(node(&w.sim, w.s, 0x1000), before);

    // To the owner: the handle would become a local count on the node.
    let (d, _) = payload(
        56,
        &[
            (8, obj_handle(BINDER_TYPE_HANDLE, 1)),
            (32, obj_handle(BINDER_TYPE_WEAK_HANDLE, 1)),
        ],
    );
    let got = call_now(&mut w.sim, w.client, CLIENT_TID, 1, &d, &[8, 32, 30]);
    assert_eq!(got.brs, vec![Br::Noop, Br::FailedReply]);
    assert_eq!(node(&w.sim, w.s, 0x1000), before);
    assert!(w.sim.info(w.s).buffers.is_empty());
    assert!(w.sim.is_parked(w.s, S_LOOPER));
    assert_eq!(refs(&w.sim, w.client), vec![(1, 1, 0)]);
}

#[test]
fn raw_bytes_around_objects_arrive_verbatim() {
    let mut w = world();
    let b1 = obj_binder(BINDER_TYPE_BINDER, 0x1000, 0x1001, 0x0f);
    let b2 = obj_binder(BINDER_TYPE_WEAK_BINDER, 0x2000, 0x2001, 0);
    // An object-looking blob that is not listed in the offsets is plain data.
    let decoy = obj_binder(BINDER_TYPE_BINDER, 0x3000, 0x3001, 0);
    let (d, o) = payload(100, &[(12, b1), (40, b2)]);
    let mut d = d;
    d[68..92].copy_from_slice(&decoy);
    w.sim
        .write_read(w.s, S_TID, Cmds::new().transaction(0, CODE, 0, &d, &o), 256)
        .parked();
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    let mut expect = d.clone();
    expect[12..36].copy_from_slice(&obj_ref(BINDER_TYPE_HANDLE, 1, 0x0f));
    expect[40..64].copy_from_slice(&obj_ref(BINDER_TYPE_WEAK_HANDLE, 2, 0));
    assert_eq!(t.data, expect);
    assert_eq!(t.offsets, vec![12, 40]);
    assert_eq!(t.offsets_ptr, t.buffer + 104);
    let ptrs: Vec<u64> = w.sim.info(w.s).nodes.iter().map(|n| n.ptr).collect();
    assert_eq!(ptrs, vec![0x1000, 0x2000]);
    assert_eq!(refs(&w.sim, w.sm), vec![(1, 1, 0), (2, 0, 1)]);
}

// ---------------------------------------------------------------------------------------
// §2.G reference counting
// ---------------------------------------------------------------------------------------

#[test]
fn bc_increfs_acquire_release_decrefs_update_ref_counts() {
    let mut w = world();
    let s = w.s;
    let (p, c) = (0x1000, 0x1001);
    let h = publish(&mut w, s, S_TID, BINDER_TYPE_BINDER, p, c);
    assert_eq!(refs(&w.sim, w.sm), vec![(h, 1, 0)]);
    let steps: [(Cmds, (u32, u32)); 4] = [
        (Cmds::new().increfs(h), (1, 1)),
        (Cmds::new().increfs(h), (1, 2)),
        (Cmds::new().acquire(h), (2, 2)),
        (Cmds::new().release(h), (1, 2)),
    ];
    for (cmds, (strong, weak)) in steps {
        let d = w.sim.write(w.sm, SM_TID2, cmds);
        assert_eq!((d.ret, d.write_consumed), (Ok(0), 8));
        assert_eq!(refs(&w.sim, w.sm), vec![(h, strong, weak)]);
        // However many counts the ref has, it is one internal strong ref on the node.
        assert_eq!(node(&w.sim, w.s, p).internal_strong_refs, 1);
        assert!(w.sim.is_parked(w.s, S_LOOPER));
    }
    // Last strong count: the owner loses strong interest only.
    w.sim.write(w.sm, SM_TID2, Cmds::new().release(h)).ok();
    assert_eq!(refs(&w.sim, w.sm), vec![(h, 0, 2)]);
    let got = w.sim.wait(w.s, S_LOOPER);
    assert_eq!(got.ok().brs, vec![Br::Noop, Br::Release(p, c)]);
    let n = node(&w.sim, w.s, p);
    assert!(!n.has_strong_ref && n.has_weak_ref);
    assert_eq!(n.internal_strong_refs, 0);
    w.sim.read(w.s, S_LOOPER).parked();

    w.sim.write(w.sm, SM_TID2, Cmds::new().decrefs(h)).ok();
    assert_eq!(refs(&w.sim, w.sm), vec![(h, 0, 1)]);
    assert!(w.sim.is_parked(w.s, S_LOOPER));
    w.sim.write(w.sm, SM_TID2, Cmds::new().decrefs(h)).ok();
    assert!(w.sim.info(w.sm).refs.is_empty());
    assert_eq!(
        w.sim.wait(w.s, S_LOOPER).ok().brs,
        vec![Br::Noop, Br::Decrefs(p, c)]
    );
    assert!(w.sim.info(w.s).nodes.is_empty());
    assert_eq!(w.sim.ctx.node_count(), 1);
}

#[test]
fn zero_to_one_increments_reach_the_sending_thread_with_its_reply() {
    let mut w = world();
    let (p, c) = (0x1000, 0x1001);
    let (d, o) = payload(24, &[(0, obj_binder(BINDER_TYPE_BINDER, p, c, 0))]);
    // A sync call: the increments wait on the caller's queue with its deferred COMPLETE.
    w.sim
        .write_read(w.s, S_TID, Cmds::new().transaction(0, CODE, 0, &d, &o), 256)
        .parked();
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    assert_eq!(t.sender_pid, S_PID);
    // The manager keeps the handle (freeing it unacquired would drop the node unannounced).
    w.sim
        .write_read(
            w.sm,
            SM_TID,
            Cmds::new().acquire(1).free_buffer(t.buffer).reply(b"ok"),
            256,
        )
        .done()
        .ok();
    let got = w.sim.wait(w.s, S_TID);
    assert_eq!(
        got.ok().items(),
        vec![
            Br::Increfs(p, c),
            Br::Acquire(p, c),
            Br::TransactionComplete,
            Br::Reply(got.txn())
        ]
    );
    assert_eq!(got.brs[0], Br::Noop);
    assert_eq!(got.read_consumed, 4 + 2 * PC_ITEM + 4 + 4 + 64);
    // Never to S's idle looper.
    assert!(w.sim.is_parked(w.s, S_LOOPER));
    assert_eq!(w.sim.info(w.s).todo, 0);
}

#[test]
fn increfs_done_and_acquire_done_drop_the_pending_counts() {
    let mut w = world();
    let (p, c) = (0x1000, 0x1001);
    let (d, o) = payload(24, &[(0, obj_binder(BINDER_TYPE_BINDER, p, c, 0))]);
    send_oneway(&mut w.sim, w.s, S_TID, 0, &d, &o).ok();
    let n = node(&w.sim, w.s, p);
    assert!(n.has_strong_ref && n.has_weak_ref);
    assert_eq!(
        (
            n.internal_strong_refs,
            n.local_strong_refs,
            n.local_weak_refs
        ),
        (1, 1, 1)
    );
    let d = w.sim.write(w.s, S_TID, Cmds::new().increfs_done(p, c));
    assert_eq!((d.ret, d.write_consumed), (Ok(0), PC_ITEM));
    let n = node(&w.sim, w.s, p);
    assert_eq!((n.local_strong_refs, n.local_weak_refs), (1, 0));
    w.sim.write(w.s, S_TID, Cmds::new().acquire_done(p, c)).ok();
    let n = node(&w.sim, w.s, p);
    assert_eq!(
        (
            n.internal_strong_refs,
            n.local_strong_refs,
            n.local_weak_refs
        ),
        (1, 0, 0)
    );
    assert!(n.has_strong_ref && n.has_weak_ref);
    // The acks themselves produce nothing.
    assert!(w.sim.is_parked(w.s, S_LOOPER));
    w.sim.read(w.s, S_TID).parked();
}

#[test]
fn last_ref_gone_sends_release_then_decrefs_to_a_looper_and_frees_node() {
    let mut w = world();
    let s = w.s;
    let ha = publish(&mut w, s, S_TID, BINDER_TYPE_BINDER, 0xa000, 0xa001);
    let hb = publish(&mut w, s, S_TID, BINDER_TYPE_BINDER, 0xb000, 0xb001);
    assert_eq!(w.sim.ctx.node_count(), 3);
    // Only a non-looper thread of S waits: it never takes process work.
    let i = w.sim.interrupt(w.s, S_LOOPER);
    assert_eq!(i.ret, Err(binder_driver::core::Errno::EINTR));
    w.sim.read(w.s, S_TID).parked();

    w.sim.write(w.sm, SM_TID2, Cmds::new().release(ha)).ok();
    assert!(w.sim.is_parked(w.s, S_TID));
    assert_eq!(w.sim.info(w.s).todo, 1);
    // Not yet told: the node lives on.
    assert_eq!(w.sim.ctx.node_count(), 3);
    let n = node(&w.sim, w.s, 0xa000);
    assert!(n.has_strong_ref && n.has_weak_ref);
    assert_eq!((n.internal_strong_refs, n.refs), (0, 0));

    let got = w.sim.read(w.s, S_LOOPER).done();
    assert_eq!(
        got.ok().brs,
        vec![
            Br::Noop,
            Br::Release(0xa000, 0xa001),
            Br::Decrefs(0xa000, 0xa001)
        ]
    );
    assert_eq!(got.read_consumed, 4 + 2 * PC_ITEM);
    assert_eq!(w.sim.ctx.node_count(), 2);
    let ptrs: Vec<u64> = w.sim.info(w.s).nodes.iter().map(|n| n.ptr).collect();
    assert_eq!(ptrs, vec![0xb000]);

    // With the looper waiting, it is woken for the next one.
    w.sim.read(w.s, S_LOOPER).parked();
    w.sim.write(w.sm, SM_TID2, Cmds::new().release(hb)).ok();
    assert_eq!(
        w.sim.wait(w.s, S_LOOPER).ok().items(),
        vec![Br::Release(0xb000, 0xb001), Br::Decrefs(0xb000, 0xb001)]
    );
    assert!(w.sim.info(w.s).nodes.is_empty());
    assert_eq!(w.sim.ctx.node_count(), 1);
    assert!(w.sim.is_parked(w.s, S_TID));
    w.sim.interrupt(w.s, S_TID);
}

#[test]
fn release_waits_for_acquire_done() {
    // §2.G: a decrement is never delivered before the increment's _DONE.
    let mut w = world();
    let (p, c) = (0x1000, 0x1001);
    let (d, o) = payload(24, &[(0, obj_binder(BINDER_TYPE_BINDER, p, c, 0))]);
    assert_eq!(
        send_oneway(&mut w.sim, w.s, S_TID, 0, &d, &o).ok().items(),
        vec![
            Br::Increfs(p, c),
            Br::Acquire(p, c),
            Br::TransactionComplete
        ]
    );
    // The manager drops its only ref (it never acquired it) before S acks.
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    w.sim
        .write_read(w.sm, SM_TID, Cmds::new().free_buffer(t.buffer), 256)
        .parked();
    assert!(w.sim.info(w.sm).refs.is_empty());
    assert!(w.sim.is_parked(w.s, S_LOOPER));
    assert_eq!(w.sim.info(w.s).todo, 0);
    let n = node(&w.sim, w.s, p);
    assert_eq!(
        (
            n.internal_strong_refs,
            n.local_strong_refs,
            n.local_weak_refs,
            n.refs
        ),
        (0, 1, 1, 0)
    );

    w.sim.write(w.s, S_TID, Cmds::new().acquire_done(p, c)).ok();
    assert_eq!(
        w.sim.wait(w.s, S_LOOPER).ok().brs,
        vec![Br::Noop, Br::Release(p, c)]
    );
    w.sim.read(w.s, S_LOOPER).parked();
    assert_eq!(w.sim.ctx.node_count(), 2);

    w.sim.write(w.s, S_TID, Cmds::new().increfs_done(p, c)).ok();
    assert_eq!(
        w.sim.wait(w.s, S_LOOPER).ok().brs,
        vec![Br::Noop, Br::Decrefs(p, c)]
    );
    assert!(w.sim.info(w.s).nodes.is_empty());
    assert_eq!(w.sim.ctx.node_count(), 1);
}

#[test]
fn decrefs_waits_for_increfs_done_even_after_acquire_done() {
    let mut w = world();
    let (p, c) = (0x1000, 0x1001);
    let (d, o) = payload(24, &[(0, obj_binder(BINDER_TYPE_BINDER, p, c, 0))]);
    send_oneway(&mut w.sim, w.s, S_TID, 0, &d, &o).ok();
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    w.sim
        .write_read(w.sm, SM_TID, Cmds::new().free_buffer(t.buffer), 256)
        .parked();
    // INCREFS_DONE first: strong interest (the pending ACQUIRE) keeps the node; nothing is
    // delivered.
    w.sim.write(w.s, S_TID, Cmds::new().increfs_done(p, c)).ok();
    assert_eq!(w.sim.info(w.s).todo, 0);
    assert!(w.sim.is_parked(w.s, S_LOOPER));
    assert_eq!(w.sim.ctx.node_count(), 2);
    // ACQUIRE_DONE: both go now, in order.
    w.sim.write(w.s, S_TID, Cmds::new().acquire_done(p, c)).ok();
    assert_eq!(
        w.sim.wait(w.s, S_LOOPER).ok().brs,
        vec![Br::Noop, Br::Release(p, c), Br::Decrefs(p, c)]
    );
    assert_eq!(w.sim.ctx.node_count(), 1);
}

#[test]
fn increment_then_decrement_before_delivery_delivers_nothing() {
    let mut w = world();
    let (p, c) = (0x1000, 0x1001);
    let (d, o) = payload(24, &[(0, obj_binder(BINDER_TYPE_BINDER, p, c, 0))]);
    // Write only: the BR_INCREFS/BR_ACQUIRE stay queued on S's thread.
    let d = w.sim.write(
        w.s,
        S_TID,
        Cmds::new().transaction(0, CODE, TF_ONE_WAY, &d, &o),
    );
    assert_eq!(
        (d.ret, d.write_consumed, d.read_consumed),
        (Ok(0), TXN_CMD, 0)
    );
    assert_eq!(w.sim.ctx.node_count(), 2);
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    w.sim
        .write_read(w.sm, SM_TID, Cmds::new().free_buffer(t.buffer), 256)
        .parked();
    // The node died before userspace heard of it: only the COMPLETE is left.
    assert_eq!(w.sim.ctx.node_count(), 1);
    assert!(w.sim.info(w.s).nodes.is_empty());
    assert_eq!(
        w.sim.read(w.s, S_TID).done().ok().brs,
        vec![Br::Noop, Br::TransactionComplete]
    );
    assert!(w.sim.is_parked(w.s, S_LOOPER));
}

#[test]
fn decrement_then_increment_before_delivery_delivers_nothing() {
    let mut w = world();
    let s = w.s;
    let (p, c) = (0x1000, 0x1001);
    let h = publish(&mut w, s, S_TID, BINDER_TYPE_BINDER, p, c);
    w.sim.interrupt(w.s, S_LOOPER);
    w.sim.write(w.sm, SM_TID2, Cmds::new().release(h)).ok();
    assert_eq!(w.sim.info(w.s).todo, 1);
    // Sent again before S's looper read the BR_RELEASE/BR_DECREFS: interest is back.
    let (d, o) = payload(24, &[(0, obj_binder(BINDER_TYPE_BINDER, p, c, 0))]);
    assert_eq!(
        send_oneway(&mut w.sim, w.s, S_TID, 0, &d, &o).ok().brs,
        vec![Br::Noop, Br::TransactionComplete]
    );
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    w.sim
        .write_read(
            w.sm,
            SM_TID,
            Cmds::new().acquire(1).free_buffer(t.buffer),
            256,
        )
        .parked();
    w.sim.read(w.s, S_LOOPER).parked();
    let n = node(&w.sim, w.s, p);
    assert!(n.has_strong_ref && n.has_weak_ref);
    assert_eq!((n.internal_strong_refs, n.local_strong_refs), (1, 0));
}

#[test]
fn acquire_on_weak_only_ref_is_refused() {
    let mut w = world();
    let h = weak_only_at_sm(&mut w, 0x1000, 0x1001);
    let d = w
        .sim
        .write(w.sm, SM_TID2, Cmds::new().acquire(h).acquire(h));
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 16));
    assert_eq!(refs(&w.sim, w.sm), vec![(h, 0, 1)]);
    let n = node(&w.sim, w.s, 0x1000);
    assert_eq!(n.internal_strong_refs, 0);
    assert!(!n.has_strong_ref);
    assert!(w.sim.is_parked(w.s, S_LOOPER));
    assert_eq!(w.sim.info(w.s).todo, 0);
}

#[test]
fn refcount_commands_on_unknown_handle_or_underflow_are_ignored() {
    let mut w = world();
    let d = w.sim.write(
        w.client,
        CLIENT_TID,
        Cmds::new().increfs(7).acquire(7).release(7).decrefs(7),
    );
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 32));
    assert!(w.sim.info(w.client).refs.is_empty());

    let s = w.s;
    let hs = publish(&mut w, s, S_TID, BINDER_TYPE_BINDER, 0x1000, 0x1001);
    let hw = weak_only_at_sm(&mut w, 0x2000, 0x2001);
    assert_eq!(refs(&w.sim, w.sm), vec![(hs, 1, 0), (hw, 0, 1)]);
    // Weak underflow on the strong-only ref, strong underflow on the weak-only one; the
    // commands after them still run.
    let d = w.sim.write(
        w.sm,
        SM_TID2,
        Cmds::new().decrefs(hs).release(hw).increfs(hs).decrefs(99),
    );
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 32));
    assert_eq!(refs(&w.sim, w.sm), vec![(hs, 1, 1), (hw, 0, 1)]);
    assert!(w.sim.is_parked(w.s, S_LOOPER));
    assert_eq!(node(&w.sim, w.s, 0x1000).internal_strong_refs, 1);
}

#[test]
fn inc_done_with_wrong_cookie_or_nothing_pending_is_ignored() {
    let mut w = world();
    let (p, c) = (0x1000, 0x1001);
    let (d, o) = payload(24, &[(0, obj_binder(BINDER_TYPE_BINDER, p, c, 0))]);
    send_oneway(&mut w.sim, w.s, S_TID, 0, &d, &o).ok();
    let pending = node(&w.sim, w.s, p);
    assert_eq!((pending.local_strong_refs, pending.local_weak_refs), (1, 1));
    let d = w.sim.write(
        w.s,
        S_TID,
        Cmds::new()
            .increfs_done(p, c + 1)
            .acquire_done(p, 0)
            .increfs_done(p + 8, c)
            .acquire_done(0x9999, c),
    );
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 4 * PC_ITEM));
    assert_eq!(node(&w.sim, w.s, p), pending);

    w.sim
        .write(
            w.s,
            S_TID,
            Cmds::new().increfs_done(p, c).acquire_done(p, c),
        )
        .ok();
    let acked = node(&w.sim, w.s, p);
    assert_eq!((acked.local_strong_refs, acked.local_weak_refs), (0, 0));
    // Nothing pending any more: repeats change nothing (no underflow, no work).
    let d = w.sim.write(
        w.s,
        S_TID,
        Cmds::new().increfs_done(p, c).acquire_done(p, c),
    );
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 2 * PC_ITEM));
    assert_eq!(node(&w.sim, w.s, p), acked);
    assert_eq!(w.sim.info(w.s).todo, 0);
    assert!(w.sim.is_parked(w.s, S_LOOPER));
    // The counting still works: the ref's end is reported normally.
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    w.sim
        .write_read(w.sm, SM_TID, Cmds::new().free_buffer(t.buffer), 256)
        .parked();
    assert_eq!(
        w.sim.wait(w.s, S_LOOPER).ok().items(),
        vec![Br::Release(p, c), Br::Decrefs(p, c)]
    );
}

#[test]
fn acquire_done_with_only_increfs_pending_is_ignored() {
    let mut w = world();
    let (p, c) = (0x1000, 0x1001);
    let (d, o) = payload(24, &[(0, obj_binder(BINDER_TYPE_WEAK_BINDER, p, c, 0))]);
    send_oneway(&mut w.sim, w.s, S_TID, 0, &d, &o).ok();
    let before = node(&w.sim, w.s, p);
    assert_eq!((before.local_strong_refs, before.local_weak_refs), (0, 1));
    w.sim.write(w.s, S_TID, Cmds::new().acquire_done(p, c)).ok();
    assert_eq!(node(&w.sim, w.s, p), before);
    w.sim.write(w.s, S_TID, Cmds::new().increfs_done(p, c)).ok();
    assert_eq!(node(&w.sim, w.s, p).local_weak_refs, 0);
}

#[test]
fn non_manager_acquire_or_increfs_0_creates_ref_to_manager() {
    let mut w = world();
    let d = w.sim.write(w.client, CLIENT_TID, Cmds::new().acquire(0));
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 8));
    assert_eq!(refs(&w.sim, w.client), vec![(0, 1, 0)]);
    let mgr = w.sim.info(w.sm).nodes[0].clone();
    assert_eq!((mgr.internal_strong_refs, mgr.refs), (1, 1));

    w.sim.write(w.s, S_TID, Cmds::new().increfs(0)).ok();
    assert_eq!(refs(&w.sim, w.s), vec![(0, 0, 1)]);
    // Handle 0 is resolved to the manager whatever the ref's strength.
    w.sim.write(w.s, S_TID, Cmds::new().acquire(0)).ok();
    assert_eq!(refs(&w.sim, w.s), vec![(0, 1, 1)]);
    assert_eq!(w.sim.info(w.sm).nodes[0].internal_strong_refs, 2);

    // The manager is never told about its own node.
    assert!(w.sim.is_parked(w.sm, SM_TID));
    assert_eq!(w.sim.info(w.sm).todo, 0);
    w.sim
        .write(w.client, CLIENT_TID, Cmds::new().release(0))
        .ok();
    w.sim
        .write(w.s, S_TID, Cmds::new().release(0).decrefs(0))
        .ok();
    assert!(w.sim.info(w.client).refs.is_empty());
    assert!(w.sim.info(w.s).refs.is_empty());
    let mgr = w.sim.info(w.sm).nodes[0].clone();
    assert_eq!((mgr.internal_strong_refs, mgr.refs), (0, 0));
    assert!(mgr.has_strong_ref && mgr.has_weak_ref);
    assert!(w.sim.is_parked(w.sm, SM_TID));
    assert_eq!(w.sim.info(w.sm).todo, 0);
    assert_eq!(w.sim.ctx.node_count(), 1);
}

#[test]
fn manager_acquire_or_increfs_0_fails_with_einval() {
    let mut w = world();
    for cmd in [BC_INCREFS, BC_ACQUIRE] {
        // An ignored command first, to see how far the write got.
        let d = w
            .sim
            .write_read(w.sm, SM_TID2, Cmds::new().decrefs(9).code_u32(cmd, 0), 256)
            .done();
        assert_eq!(d.ret, Err(binder_driver::core::Errno::EINVAL));
        assert_eq!((d.write_consumed, d.read_consumed), (8, 0));
        assert!(w.sim.info(w.sm).refs.is_empty());
    }
    // Decrements of handle 0 are just unknown-handle misuse.
    let d = w
        .sim
        .write(w.sm, SM_TID2, Cmds::new().release(0).decrefs(0));
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 16));
}

#[test]
fn handle_0_sent_to_manager_arrives_as_its_own_binder_without_notifications() {
    let mut sim = Sim::new();
    let sm = sim.open_mapped(100, 1000);
    let mut mgr = FlatBinderObject::default();
    mgr.set_binder(0x5000);
    mgr.cookie = 0x6000;
    let (r, _) = sim.ioctl_val(sm, SM_TID, BINDER_SET_CONTEXT_MGR_EXT, &mgr);
    assert_eq!(r, Ok(0));
    looper(&mut sim, sm, SM_TID);
    let client = sim.open_mapped(200, 10_001);
    sim.write(client, CLIENT_TID, Cmds::new().increfs(0).acquire(0))
        .ok();
    let (d, o) = payload(
        56,
        &[
            (0, obj_handle(BINDER_TYPE_HANDLE, 0)),
            (32, obj_handle(BINDER_TYPE_WEAK_HANDLE, 0)),
        ],
    );
    sim.write_read(
        client,
        CLIENT_TID,
        Cmds::new().transaction(0, CODE, 0, &d, &o),
        256,
    )
    .parked();
    let got = sim.wait(sm, SM_TID);
    let t = got.txn();
    // Only the transaction: no BR_INCREFS/BR_ACQUIRE for the manager's node.
    assert_eq!(got.brs, vec![Br::Noop, Br::Transaction(t.clone())]);
    assert_eq!((t.target_ptr, t.cookie), (0x5000, 0x6000));
    let mut expect = d.clone();
    expect[0..24].copy_from_slice(&obj_binder(BINDER_TYPE_BINDER, 0x5000, 0x6000, 0));
    expect[32..56].copy_from_slice(&obj_binder(BINDER_TYPE_WEAK_BINDER, 0x5000, 0x6000, 0));
    assert_eq!(t.data, expect);
    sim.write_read(
        sm,
        SM_TID,
        Cmds::new().free_buffer(t.buffer).reply(b""),
        256,
    )
    .done()
    .ok();
    sim.read(sm, SM_TID).parked();
    let r = sim.wait(client, CLIENT_TID);
    assert_eq!(r.ok().items()[0], Br::TransactionComplete);
    assert_eq!(r.txn().data, b"");
    let n = sim.info(sm).nodes[0].clone();
    assert_eq!((n.ptr, n.cookie), (0x5000, 0x6000));
    assert!(n.has_strong_ref && n.has_weak_ref);
    // Back to the counts set by BINDER_SET_CONTEXT_MGR_EXT (one local strong and weak) once
    // the buffer is gone; the client's ref is the only internal one.
    assert_eq!(
        (
            n.internal_strong_refs,
            n.local_strong_refs,
            n.local_weak_refs,
            n.refs
        ),
        (1, 1, 1, 1)
    );
    assert_eq!(sim.info(sm).todo, 0);
}

#[test]
fn existing_node_keeps_its_creation_flags_while_object_flags_pass_through() {
    let mut w = world();
    let (p, c) = (0x1000, 0x1001);
    let (d, o) = payload(
        24,
        &[(
            0,
            obj_binder(
                BINDER_TYPE_BINDER,
                p,
                c,
                FLAT_BINDER_FLAG_ACCEPTS_FDS | 0x05,
            ),
        )],
    );
    send_oneway(&mut w.sim, w.s, S_TID, 0, &d, &o).ok();
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    w.sim
        .write_read(
            w.sm,
            SM_TID,
            Cmds::new().acquire(1).free_buffer(t.buffer),
            256,
        )
        .parked();
    let (d, o) = payload(24, &[(0, obj_binder(BINDER_TYPE_BINDER, p, c, 0x0a))]);
    send_oneway(&mut w.sim, w.s, S_TID, 0, &d, &o).ok();
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    assert_eq!(t.data, obj_ref(BINDER_TYPE_HANDLE, 1, 0x0a));
    assert_eq!(
        node(&w.sim, w.s, p).flags,
        FLAT_BINDER_FLAG_ACCEPTS_FDS | 0x05
    );
}

#[test]
fn binder_in_a_reply_notifies_the_replying_thread() {
    let mut w = world();
    let (p, c) = (0x7000, 0x7001);
    let (d, o) = payload(32, &[(8, obj_binder(BINDER_TYPE_BINDER, p, c, 0))]);
    w.sim
        .write_read(w.client, CLIENT_TID, Cmds::new().call(0, 1, b"get?"), 256)
        .parked();
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    let r = w
        .sim
        .write_read(
            w.sm,
            SM_TID,
            Cmds::new().free_buffer(t.buffer).reply_with(0, &d, &o),
            256,
        )
        .done();
    assert_eq!(
        r.ok().brs,
        vec![
            Br::Noop,
            Br::Increfs(p, c),
            Br::Acquire(p, c),
            Br::TransactionComplete
        ]
    );
    let n = node(&w.sim, w.sm, p);
    assert_eq!(
        (
            n.internal_strong_refs,
            n.local_strong_refs,
            n.local_weak_refs
        ),
        (1, 1, 1)
    );
    let got = w.sim.wait(w.client, CLIENT_TID);
    assert_eq!(got.txn().data, {
        let mut e = d.clone();
        e[8..32].copy_from_slice(&obj_ref(BINDER_TYPE_HANDLE, 1, 0));
        e
    });
    assert_eq!(refs(&w.sim, w.client), vec![(1, 1, 0)]);
}

#[test]
fn strong_interest_gone_before_delivery_leaves_only_increfs() {
    let mut w = world();
    let (p, c) = (0x1000, 0x1001);
    let (d, o) = payload(24, &[(0, obj_binder(BINDER_TYPE_BINDER, p, c, 0))]);
    w.sim
        .write(
            w.s,
            S_TID,
            Cmds::new().transaction(0, CODE, TF_ONE_WAY, &d, &o),
        )
        .ok();
    // The manager keeps only a weak count on the handle.
    let t = w.sim.wait(w.sm, SM_TID).ok().txn();
    w.sim
        .write_read(
            w.sm,
            SM_TID,
            Cmds::new().increfs(1).free_buffer(t.buffer),
            256,
        )
        .parked();
    assert_eq!(refs(&w.sim, w.sm), vec![(1, 0, 1)]);
    assert_eq!(
        w.sim.read(w.s, S_TID).done().ok().brs,
        vec![Br::Noop, Br::Increfs(p, c), Br::TransactionComplete]
    );
    let n = node(&w.sim, w.s, p);
    assert!(n.has_weak_ref && !n.has_strong_ref);
    assert_eq!((n.local_strong_refs, n.local_weak_refs), (0, 1));
    // Its end is reported once acked.
    w.sim.write(w.sm, SM_TID2, Cmds::new().decrefs(1)).ok();
    assert!(w.sim.is_parked(w.s, S_LOOPER));
    w.sim.write(w.s, S_TID, Cmds::new().increfs_done(p, c)).ok();
    assert_eq!(
        w.sim.wait(w.s, S_LOOPER).ok().brs,
        vec![Br::Noop, Br::Decrefs(p, c)]
    );
    assert_eq!(w.sim.ctx.node_count(), 1);
}

#[test]
fn increfs_0_without_context_manager_is_ignored() {
    let mut sim = Sim::new();
    let client = sim.open_mapped(200, 10_001);
    let d = sim.write(client, CLIENT_TID, Cmds::new().increfs(0).acquire(0));
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 16));
    assert!(sim.info(client).refs.is_empty());
    assert_eq!(sim.ctx.node_count(), 0);
}

#[test]
fn strong_interest_regained_after_release_sends_only_acquire() {
    let mut w = world();
    let s = w.s;
    let (p, c) = (0x1000, 0x1001);
    let h = publish(&mut w, s, S_TID, BINDER_TYPE_BINDER, p, c);
    w.sim
        .write(w.sm, SM_TID2, Cmds::new().increfs(h).release(h))
        .ok();
    assert_eq!(
        w.sim.wait(w.s, S_LOOPER).ok().brs,
        vec![Br::Noop, Br::Release(p, c)]
    );
    let (d, o) = payload(24, &[(0, obj_binder(BINDER_TYPE_BINDER, p, c, 0))]);
    assert_eq!(
        send_oneway(&mut w.sim, w.s, S_TID, 0, &d, &o).ok().brs,
        vec![Br::Noop, Br::Acquire(p, c), Br::TransactionComplete]
    );
    let n = node(&w.sim, w.s, p);
    assert!(n.has_strong_ref && n.has_weak_ref);
    assert_eq!(
        (
            n.internal_strong_refs,
            n.local_strong_refs,
            n.local_weak_refs
        ),
        (1, 1, 0)
    );
    assert_eq!(w.sim.wait(w.sm, SM_TID).ok().txn().object(0).handle(), h);
    assert_eq!(refs(&w.sim, w.sm), vec![(h, 1, 1)]);
}

#[test]
fn strong_handle_upgrades_a_weak_only_ref_in_the_receiver() {
    let mut w = world();
    let s = w.s;
    let h = publish(&mut w, s, S_TID, BINDER_TYPE_BINDER, 0x1000, 0x1001);
    let (d, o) = payload(24, &[(0, obj_handle(BINDER_TYPE_WEAK_HANDLE, h))]);
    let got = ask_sm(&mut w, &d, &o);
    w.sim
        .write(
            w.client,
            CLIENT_TID,
            Cmds::new().increfs(1).free_buffer(got.txn().buffer),
        )
        .ok();
    assert_eq!(refs(&w.sim, w.client), vec![(1, 0, 1)]);
    assert_eq!(node(&w.sim, w.s, 0x1000).internal_strong_refs, 1);
    let (d, o) = payload(24, &[(0, obj_handle(BINDER_TYPE_HANDLE, h))]);
    let got = ask_sm(&mut w, &d, &o);
    assert_eq!(got.txn().data, obj_ref(BINDER_TYPE_HANDLE, 1, 0));
    assert_eq!(refs(&w.sim, w.client), vec![(1, 1, 1)]);
    assert_eq!(node(&w.sim, w.s, 0x1000).internal_strong_refs, 2);
    // Now the client may acquire it.
    w.sim
        .write(
            w.client,
            CLIENT_TID,
            Cmds::new().acquire(1).free_buffer(got.txn().buffer),
        )
        .ok();
    assert_eq!(refs(&w.sim, w.client), vec![(1, 1, 1)]);
}

/// A buffer's counts on refs are released by the handle written into it, as the kernel's
/// `binder_transaction_buffer_release` does: a receiver that dropped such a count itself
/// (`BC_DECREFS` on a handle it never took) loses that ref, and when the buffer is freed
/// later, the *new* ref a later transaction made for the same node under another handle is
/// not touched (fuzz finding `stale-buffer-releases-a-newer-ref`).
#[test]
fn freeing_a_buffer_whose_ref_was_dropped_leaves_a_newer_ref_alone() {
    let mut w = world();
    let (y, x) = (0x7100_u64, 0x7200_u64);
    let send = |w: &mut W, ptr: u64| {
        let (d, o) = payload(
            24,
            &[(0, obj_binder(BINDER_TYPE_WEAK_BINDER, ptr, ptr + 1, 0))],
        );
        send_oneway(&mut w.sim, w.s, S_TID, 0, &d, &o).ok();
    };
    // Y: handle 1, its buffer delivered to the manager's parked looper.
    send(&mut w, y);
    let b1 = w.sim.wait(w.sm, SM_TID).ok().txn();
    assert_eq!(b1.object(0).handle(), 1);
    // X: handle 2, queued behind the manager's unfinished oneway.
    send(&mut w, x);
    // The manager drops the count X's buffer holds, then frees Y's buffer (Y's ref goes):
    // X's buffer is delivered, naming handle 2, which is gone (the manager's own doing).
    let b2 = w
        .sim
        .write_read(
            w.sm,
            SM_TID,
            Cmds::new().decrefs(2).free_buffer(b1.buffer),
            256,
        )
        .done()
        .txn();
    assert_eq!(b2.object(0).handle(), 2);
    assert!(refs(&w.sim, w.sm).is_empty());
    // X again: a new ref, under the lowest free handle (1), held by the third buffer.
    send(&mut w, x);
    assert_eq!(refs(&w.sim, w.sm), vec![(1, 0, 1)]);
    // Freeing X's first buffer releases handle 2 (gone): the new ref keeps its count.
    let b3 = w
        .sim
        .write_read(w.sm, SM_TID, Cmds::new().free_buffer(b2.buffer), 256)
        .done()
        .txn();
    assert_eq!(b3.object(0).handle(), 1);
    assert_eq!(refs(&w.sim, w.sm), vec![(1, 0, 1)]);
    w.sim
        .write_read(w.sm, SM_TID, Cmds::new().free_buffer(b3.buffer), 256)
        .parked();
    assert!(refs(&w.sim, w.sm).is_empty());
}

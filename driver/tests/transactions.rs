//! Conformance tests for transactions: routing, sync calls, oneways, nested calls, the
//! receive-buffer allocator as transactions see it, and failure mapping
//! (`kernel-binder.md` §2.E, §2.J, §2.K, §3).
mod common;
use common::*;

use binder_driver::core::{BufferInfo, Errno, ProcId, RefInfo, Tid};
use binder_driver::uapi::*;

/// Bytes one `BC_TRANSACTION`/`BC_REPLY` takes in the write buffer.
const TXN_CMD: u64 = 4 + 64;
/// The oneway quota of a libbinder-sized mapping.
const HALF: usize = VM_SIZE / 2;
const SM_TID2: Tid = 102;
const CLIENT_TID2: Tid = 202;

// ---------------------------------------------------------------------------------------------
// Local helpers
// ---------------------------------------------------------------------------------------------

/// The `binder_transaction_data` that follows the BR code at `pos` of a read buffer.
fn td_at(raw: &[u8], pos: usize) -> BinderTransactionData {
    BinderTransactionData::from_bytes(&raw[pos + 4..pos + 4 + 64]).unwrap()
}

fn code_at(raw: &[u8], pos: usize) -> u32 {
    u32::from_ne_bytes(raw[pos..pos + 4].try_into().unwrap())
}

/// The read holds exactly the placeholder and one error code.
#[track_caller]
fn only_error(d: &Done, br: Br) {
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.brs, vec![Br::Noop, br]);
    assert_eq!(d.read_consumed, 8);
}

/// A `BC_TRANSACTION`/`BC_REPLY` with arbitrary (possibly invalid) sizes, its data and
/// offsets laid in `proc`'s memory.
#[allow(clippy::too_many_arguments)]
fn txn_bytes(
    sim: &mut Sim,
    proc: ProcId,
    cmd: u32,
    handle: u32,
    code: u32,
    flags: u32,
    data: &[u8],
    offsets: &[u8],
) -> Vec<u8> {
    let d = sim.put(proc, data);
    let o = sim.put(proc, offsets);
    let mut td = BinderTransactionData::default();
    td.set_target_handle(handle);
    td.code = code;
    td.flags = flags;
    td.data_size = data.len() as u64;
    td.offsets_size = offsets.len() as u64;
    td.set_data_ptr(d, o);
    let mut v = cmd.to_ne_bytes().to_vec();
    v.extend_from_slice(td.as_bytes());
    v
}

/// Like `World::new`, with chosen mapping sizes.
fn world_sized(sm_map: usize, client_map: usize) -> World {
    let mut sim = Sim::new();
    let sm = sim.open(100, 1000);
    sim.mmap(sm, sm_map).unwrap();
    assert_eq!(sim.set_context_mgr(sm, SM_TID), Ok(0));
    sim.write(sm, SM_TID, Cmds::new().enter_looper()).ok();
    sim.read(sm, SM_TID).parked();
    let client = sim.open(200, 10_001);
    sim.mmap(client, client_map).unwrap();
    World { sim, sm, client }
}

/// The manager's parked looper takes the call it was woken for, runs `f(call)` (which
/// normally frees the buffer and replies), sees its `BR_TRANSACTION_COMPLETE`, and parks
/// again. Returns the call.
fn serve_with(sim: &mut Sim, sm: ProcId, f: impl FnOnce(&Txn) -> Cmds) -> Txn {
    let t = sim.wait(sm, SM_TID).ok().txn();
    let d = sim.write_read(sm, SM_TID, f(&t), 256).done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.items(), vec![Br::TransactionComplete]);
    sim.read(sm, SM_TID).parked();
    t
}

/// `owner` sends node (`ptr`, `cookie`) to the context manager, which keeps a strong ref;
/// the owner acknowledges its BR_INCREFS/BR_ACQUIRE. Returns the manager's handle.
fn publish(sim: &mut Sim, sm: ProcId, owner: ProcId, tid: Tid, ptr: u64, cookie: u64) -> u32 {
    let obj = obj_binder(BINDER_TYPE_BINDER, ptr, cookie, 0);
    sim.write_read(
        owner,
        tid,
        Cmds::new().transaction(0, 1, 0, &obj, &[0]),
        256,
    )
    .parked();
    let t = serve_with(sim, sm, |t| {
        let h = t.object(0).handle();
        Cmds::new().acquire(h).free_buffer(t.buffer).reply(b"")
    });
    let r = sim.wait(owner, tid).ok().clone();
    assert_eq!(
        r.items()[..3],
        [
            Br::Increfs(ptr, cookie),
            Br::Acquire(ptr, cookie),
            Br::TransactionComplete
        ]
    );
    let reply = r.txn();
    sim.write(
        owner,
        tid,
        Cmds::new()
            .increfs_done(ptr, cookie)
            .acquire_done(ptr, cookie)
            .free_buffer(reply.buffer),
    )
    .ok();
    t.object(0).handle()
}

/// The context manager hands its handle `h_sm` to `client` as an object of type `ty`
/// (HANDLE or WEAK_HANDLE); the client keeps the ref and frees the reply. Returns the
/// client's handle.
fn hand_out(sim: &mut Sim, sm: ProcId, h_sm: u32, client: ProcId, tid: Tid, ty: u32) -> u32 {
    sim.write_read(client, tid, Cmds::new().call(0, 2, b""), 256)
        .parked();
    serve_with(sim, sm, |t| {
        Cmds::new()
            .free_buffer(t.buffer)
            .reply_with(0, &obj_handle(ty, h_sm), &[0])
    });
    let r = sim.wait(client, tid).ok().clone();
    assert_eq!(r.items()[0], Br::TransactionComplete);
    let rep = r.txn();
    let o = rep.object(0);
    assert_eq!(o.hdr.type_, ty);
    let h = o.handle();
    let keep = if ty == BINDER_TYPE_HANDLE {
        Cmds::new().acquire(h)
    } else {
        Cmds::new().increfs(h)
    };
    sim.write(client, tid, keep.free_buffer(rep.buffer)).ok();
    h
}

/// A full call from the client's `CLIENT_TID` to the manager, answered with `reply`; the
/// client keeps the reply buffer. Returns the reply.
fn roundtrip(sim: &mut Sim, sm: ProcId, client: ProcId, reply: &[u8]) -> Txn {
    sim.write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b""), 256)
        .parked();
    serve_with(sim, sm, |t| Cmds::new().free_buffer(t.buffer).reply(reply));
    let r = sim.wait(client, CLIENT_TID).ok().clone();
    assert_eq!(r.items()[0], Br::TransactionComplete);
    r.txn()
}

fn buf(offset: usize, size: usize, delivered: bool, oneway: bool) -> BufferInfo {
    BufferInfo {
        offset,
        size,
        delivered,
        oneway,
    }
}

// ---------------------------------------------------------------------------------------------
// 1. Routing (§2.E target resolution, §2.J)
// ---------------------------------------------------------------------------------------------

#[test]
fn handle_0_reaches_the_context_manager_node_set_with_ext() {
    let mut sim = Sim::new();
    let sm = sim.open_mapped(100, 1000);
    let mut fbo = FlatBinderObject::default();
    fbo.hdr.type_ = BINDER_TYPE_BINDER;
    fbo.set_binder(0x5eed_0000);
    fbo.cookie = 0xc0ff_ee00;
    let (r, _) = sim.ioctl_val(sm, SM_TID, BINDER_SET_CONTEXT_MGR_EXT, &fbo);
    assert_eq!(r, Ok(0));
    sim.write(sm, SM_TID, Cmds::new().enter_looper()).ok();
    sim.read(sm, SM_TID).parked();
    let client = sim.open_mapped(200, 10_001);
    sim.write_read(client, CLIENT_TID, Cmds::new().call(0, 9, b"hi"), 256)
        .parked();
    let t = sim.wait(sm, SM_TID).ok().txn();
    assert_eq!((t.target_ptr, t.cookie), (0x5eed_0000, 0xc0ff_ee00));
    assert_eq!((t.code, t.data.as_slice()), (9, &b"hi"[..]));
}

#[test]
fn handle_0_without_context_manager_is_dead_reply() {
    let mut sim = Sim::new();
    let client = sim.open_mapped(200, 10_001);
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b"x"), 256)
        .done();
    assert_eq!(d.write_consumed, TXN_CMD);
    only_error(&d, Br::DeadReply);
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().oneway(0, 1, b"x"), 256)
        .done();
    only_error(&d, Br::DeadReply);
    assert_eq!(sim.ctx.transaction_count(), 0);
}

#[test]
fn handle_0_after_context_manager_died_is_dead_reply() {
    // §2.L: releasing the manager's process unsets the context manager.
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.release(sm);
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b"x"), 256)
        .done();
    only_error(&d, Br::DeadReply);
    assert_eq!(sim.ctx.transaction_count(), 0);
}

#[test]
fn context_manager_calling_handle_0_is_failed_reply() {
    let World { mut sim, sm, .. } = World::new();
    let d = sim
        .write_read(sm, SM_TID2, Cmds::new().call(0, 1, b"me"), 256)
        .done();
    assert_eq!(d.write_consumed, TXN_CMD);
    only_error(&d, Br::FailedReply);
    let d = sim
        .write_read(sm, SM_TID2, Cmds::new().oneway(0, 1, b"me"), 256)
        .done();
    only_error(&d, Br::FailedReply);
    // Nothing reached the manager's own looper.
    assert!(sim.is_parked(sm, SM_TID));
    assert!(sim.info(sm).buffers.is_empty());
    assert_eq!(sim.ctx.transaction_count(), 0);
}

#[test]
fn unknown_handle_is_failed_reply() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    for h in [1, 7, u32::MAX] {
        let d = sim
            .write_read(client, CLIENT_TID, Cmds::new().call(h, 1, b"x"), 256)
            .done();
        only_error(&d, Br::FailedReply);
        let d = sim
            .write_read(client, CLIENT_TID, Cmds::new().oneway(h, 1, b"x"), 256)
            .done();
        only_error(&d, Br::FailedReply);
    }
    assert!(sim.info(sm).buffers.is_empty());
    assert_eq!(sim.ctx.transaction_count(), 0);
}

#[test]
fn strong_handle_routes_to_the_node_owner() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let server = sim.open_mapped(300, 3000);
    let h_sm = publish(&mut sim, sm, server, 301, 0x5000, 0x5001);
    let h = hand_out(&mut sim, sm, h_sm, client, CLIENT_TID, BINDER_TYPE_HANDLE);
    assert_eq!(h, 1);
    sim.write(server, 302, Cmds::new().enter_looper()).ok();
    sim.read(server, 302).parked();
    sim.write_read(client, CLIENT_TID, Cmds::new().call(h, 0x42, b"req"), 256)
        .parked();
    let t = sim.wait(server, 302).ok().txn();
    assert_eq!((t.target_ptr, t.cookie, t.code), (0x5000, 0x5001, 0x42));
    assert_eq!((t.sender_pid, t.sender_euid), (200, 10_001));
    assert_eq!(t.data, b"req");
    // The manager's looper saw nothing of it.
    assert!(sim.is_parked(sm, SM_TID));
}

#[test]
fn weak_only_handle_is_failed_reply() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let server = sim.open_mapped(300, 3000);
    sim.write(server, 302, Cmds::new().enter_looper()).ok();
    let h_sm = publish(&mut sim, sm, server, 301, 0x5000, 0x5001);
    let h = hand_out(
        &mut sim,
        sm,
        h_sm,
        client,
        CLIENT_TID,
        BINDER_TYPE_WEAK_HANDLE,
    );
    assert_eq!(
        sim.info(client).refs,
        vec![RefInfo {
            handle: h,
            strong: 0,
            weak: 1,
            dead: false,
            death: false
        }]
    );
    sim.read(server, 302).parked();
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().call(h, 1, b"x"), 256)
        .done();
    only_error(&d, Br::FailedReply);
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().oneway(h, 1, b"x"), 256)
        .done();
    only_error(&d, Br::FailedReply);
    assert!(sim.is_parked(server, 302));
    assert!(sim.info(server).buffers.is_empty());
    assert_eq!(sim.ctx.transaction_count(), 0);
}

// A transaction to a node of the sender's own process cannot be provoked through a handle:
// a HANDLE naming the receiver's own node always arrives as BINDER (§2.F), so no process
// ever holds a ref to its own node. The own-process case reachable from userspace is the
// context manager calling handle 0, tested above.

#[test]
fn dead_target_node_is_dead_reply() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let server = sim.open_mapped(300, 3000);
    let h_sm = publish(&mut sim, sm, server, 301, 0x5000, 0x5001);
    let h = hand_out(&mut sim, sm, h_sm, client, CLIENT_TID, BINDER_TYPE_HANDLE);
    sim.release(server);
    assert!(sim.info(client).refs[0].dead);
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().call(h, 1, b"x"), 256)
        .done();
    assert_eq!(d.write_consumed, TXN_CMD);
    only_error(&d, Br::DeadReply);
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().oneway(h, 1, b"x"), 256)
        .done();
    only_error(&d, Br::DeadReply);
    assert_eq!(sim.ctx.transaction_count(), 0);
}

// ---------------------------------------------------------------------------------------------
// 2. Sync calls (§2.E sync call bookkeeping, delivery, reply)
// ---------------------------------------------------------------------------------------------

#[test]
fn sync_call_defers_transaction_complete_until_the_reply() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b"ping"), 256)
        .parked();
    assert!(sim.is_parked(client, CLIENT_TID));
    assert!(!sim.poll(client, CLIENT_TID), "deferred TC is not work");
    let t = sim.wait(sm, SM_TID).ok().txn();
    // Still parked while the manager holds the call.
    assert!(sim.is_parked(client, CLIENT_TID));
    sim.write_read(
        sm,
        SM_TID,
        Cmds::new().free_buffer(t.buffer).reply(b"pong"),
        256,
    )
    .done()
    .ok();
    let d = sim.wait(client, CLIENT_TID);
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.write_consumed, TXN_CMD);
    assert_eq!(d.read_consumed, 4 + 4 + 4 + 64);
    assert_eq!(code_at(&d.raw, 0), BR_NOOP);
    assert_eq!(code_at(&d.raw, 4), BR_TRANSACTION_COMPLETE);
    assert_eq!(code_at(&d.raw, 8), BR_REPLY);
    assert_eq!(d.txn().data, b"pong");
}

#[test]
fn nonblocking_sender_gets_eagain_after_a_sync_call() {
    let mut sim = Sim::new();
    let sm = sim.open_mapped(100, 1000);
    assert_eq!(sim.set_context_mgr(sm, SM_TID), Ok(0));
    sim.write(sm, SM_TID, Cmds::new().enter_looper()).ok();
    sim.read(sm, SM_TID).parked();
    let client = sim.open_flags(200, 10_001, true);
    sim.mmap(client, VM_SIZE).unwrap();
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b"q"), 256)
        .done();
    assert_eq!(d.ret, Err(Errno::EAGAIN));
    assert_eq!((d.write_consumed, d.read_consumed), (TXN_CMD, 0));
    // The deferred BR_TRANSACTION_COMPLETE alone never makes a read return.
    let d = sim.read(client, CLIENT_TID).done();
    assert_eq!((d.ret, d.read_consumed), (Err(Errno::EAGAIN), 0));
    let t = sim.wait(sm, SM_TID).ok().txn();
    sim.write(sm, SM_TID, Cmds::new().free_buffer(t.buffer).reply(b"a"))
        .ok();
    let d = sim.read(client, CLIENT_TID).done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.items()[0], Br::TransactionComplete);
    assert_eq!(d.txn().data, b"a");
}

#[test]
fn replies_go_to_the_exact_calling_thread() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    const A_LOOPER: Tid = 203;
    sim.write(client, A_LOOPER, Cmds::new().enter_looper()).ok();
    sim.read(client, A_LOOPER).parked();
    sim.write(sm, SM_TID2, Cmds::new().enter_looper()).ok();
    sim.read(sm, SM_TID2).parked();
    sim.write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b"one"), 256)
        .parked();
    sim.write_read(client, CLIENT_TID2, Cmds::new().call(0, 2, b"two"), 256)
        .parked();
    let a = sim.wait(sm, SM_TID).ok().txn();
    let b = sim.wait(sm, SM_TID2).ok().txn();
    let ((one_tid, one), (two_tid, two)) = if a.data == b"one" {
        ((SM_TID, a), (SM_TID2, b))
    } else {
        ((SM_TID2, b), (SM_TID, a))
    };
    assert_eq!(
        (one.data.as_slice(), two.data.as_slice()),
        (&b"one"[..], &b"two"[..])
    );
    // Answer the second caller first.
    let d = sim
        .write_read(
            sm,
            two_tid,
            Cmds::new().free_buffer(two.buffer).reply(b"r2"),
            256,
        )
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    assert!(sim.is_parked(client, CLIENT_TID));
    assert!(sim.is_parked(client, A_LOOPER));
    let r2 = sim.wait(client, CLIENT_TID2);
    assert_eq!(r2.items()[0], Br::TransactionComplete);
    assert_eq!(r2.txn().data, b"r2");
    let d = sim
        .write_read(
            sm,
            one_tid,
            Cmds::new().free_buffer(one.buffer).reply(b"r1"),
            256,
        )
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    let r1 = sim.wait(client, CLIENT_TID);
    assert_eq!(r1.items()[0], Br::TransactionComplete);
    assert_eq!(r1.txn().data, b"r1");
    assert!(sim.is_parked(client, A_LOOPER));
    assert_eq!(sim.info(client).todo, 0);
}

#[test]
fn reply_to_a_write_only_caller_waits_on_that_thread() {
    // §2.E: the reply is queued to the caller thread, never to the process queue.
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    const A_LOOPER: Tid = 203;
    sim.write(client, A_LOOPER, Cmds::new().enter_looper()).ok();
    sim.read(client, A_LOOPER).parked();
    let d = sim.write(client, CLIENT_TID, Cmds::new().call(0, 1, b"w"));
    assert_eq!((d.write_consumed, d.read_consumed), (TXN_CMD, 0));
    serve_with(&mut sim, sm, |t| {
        Cmds::new().free_buffer(t.buffer).reply(b"back")
    });
    assert!(sim.is_parked(client, A_LOOPER));
    assert_eq!(sim.info(client).todo, 0);
    let d = sim.read(client, CLIENT_TID).done();
    assert_eq!(d.items()[0], Br::TransactionComplete);
    assert_eq!(d.txn().data, b"back");
}

#[test]
fn br_transaction_fields() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let flags = TF_ACCEPT_FDS | TF_STATUS_CODE | TF_ROOT_OBJECT | 0x100;
    let data = b"thirteen byte";
    sim.write_read(
        client,
        CLIENT_TID,
        Cmds::new().transaction(0, 0x1234_5678, flags, data, &[]),
        256,
    )
    .parked();
    let d = sim.wait(sm, SM_TID);
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.read_consumed, 4 + 4 + 64);
    assert_eq!(code_at(&d.raw, 0), BR_NOOP);
    assert_eq!(code_at(&d.raw, 4), BR_TRANSACTION);
    let td = td_at(&d.raw, 4);
    assert_eq!(td.target_ptr(), 0, "the manager node of SET_CONTEXT_MGR");
    assert_eq!(td.cookie, 0);
    assert_eq!(td.code, 0x1234_5678);
    assert_eq!(td.flags, flags, "flags are copied verbatim");
    assert_eq!(td.sender_pid, 200);
    assert_eq!(td.sender_euid, 10_001);
    assert_eq!(td.data_size, 13);
    assert_eq!(td.offsets_size, 0);
    assert_eq!(td.data_buffer(), MAP_ADDR);
    assert_eq!(td.data_offsets(), MAP_ADDR + 16);
    assert_eq!(sim.rx_bytes(sm, MAP_ADDR, 13), data);
}

#[test]
fn br_transaction_offsets_follow_the_aligned_data() {
    // §3: offsets array at ALIGN(data_size, 8); data at the buffer start.
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let mut data = b"prefix!!".to_vec();
    data.extend(obj_binder(BINDER_TYPE_BINDER, 0xa000, 0xa001, 0));
    data.extend(b"tail!");
    assert_eq!(data.len(), 37);
    sim.write_read(
        client,
        CLIENT_TID,
        Cmds::new().transaction(0, 3, 0, &data, &[8]),
        256,
    )
    .parked();
    let d = sim.wait(sm, SM_TID);
    let td = td_at(&d.raw, 4);
    assert_eq!((td.data_size, td.offsets_size), (37, 8));
    assert_eq!(td.data_buffer(), MAP_ADDR);
    assert_eq!(td.data_offsets(), MAP_ADDR + 40);
    assert_eq!(sim.rx_bytes(sm, MAP_ADDR + 40, 8), 8u64.to_ne_bytes());
    let t = d.txn();
    assert_eq!(t.offsets, vec![8]);
    assert_eq!(&t.data[..8], b"prefix!!");
    assert_eq!(&t.data[32..], b"tail!");
    let o = t.object(8);
    assert_eq!(
        (o.hdr.type_, o.handle(), o.cookie),
        (BINDER_TYPE_HANDLE, 1, 0)
    );
    assert_eq!(
        sim.info(sm).buffers,
        vec![buf(0, 48, true, false)],
        "ALIGN(37) + 8 bytes of offsets"
    );
}

#[test]
fn br_reply_fields_and_replier_gets_complete_at_once() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b"q"), 256)
        .parked();
    let t = sim.wait(sm, SM_TID).ok().txn();
    let reply = txn_bytes(
        &mut sim,
        sm,
        BC_REPLY,
        0,
        0x77,
        TF_STATUS_CODE,
        b"pong!",
        &[],
    );
    let d = sim
        .write_read(
            sm,
            SM_TID,
            Cmds::new().free_buffer(t.buffer).raw(&reply),
            256,
        )
        .done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.write_consumed, 12 + TXN_CMD);
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    assert_eq!(d.read_consumed, 8);
    let r = sim.wait(client, CLIENT_TID);
    assert_eq!(code_at(&r.raw, 8), BR_REPLY);
    let td = td_at(&r.raw, 8);
    assert_eq!(td.target_ptr(), 0);
    assert_eq!(td.cookie, 0);
    assert_eq!(td.code, 0x77);
    assert_eq!(td.flags, TF_STATUS_CODE);
    assert_eq!(td.sender_pid, 0);
    assert_eq!(td.sender_euid, 1000, "the replier's euid");
    assert_eq!((td.data_size, td.offsets_size), (5, 0));
    assert_eq!(
        td.data_buffer(),
        MAP_ADDR,
        "first buffer of the caller's mapping"
    );
    assert_eq!(td.data_offsets(), MAP_ADDR + 8);
    assert_eq!(sim.rx_bytes(client, MAP_ADDR, 5), b"pong!");
    assert_eq!(sim.ctx.transaction_count(), 0);
}

// ---------------------------------------------------------------------------------------------
// 3. Oneway (§2.E oneway, §2.K async space)
// ---------------------------------------------------------------------------------------------

#[test]
fn oneway_completes_at_once_and_carries_no_sender_pid() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().oneway(0, 5, b"fire"), 256)
        .done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.write_consumed, TXN_CMD);
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    let t = sim.wait(sm, SM_TID).ok().txn();
    assert_eq!(t.flags, TF_ONE_WAY);
    assert_eq!((t.sender_pid, t.sender_euid), (0, 10_001));
    assert_eq!((t.code, t.data.as_slice()), (5, &b"fire"[..]));
    assert_eq!(t.buffer, MAP_ADDR);
    assert_eq!(sim.info(sm).buffers, vec![buf(0, 8, true, true)]);
    assert_eq!(sim.info(sm).free_async_space, HALF - 8);
    // Not on any stack: the receiver has nothing to reply to.
    let d = sim
        .write_read(sm, SM_TID, Cmds::new().reply(b"no"), 256)
        .done();
    only_error(&d, Br::FailedReply);
    sim.write(sm, SM_TID, Cmds::new().free_buffer(t.buffer))
        .ok();
    assert_eq!(sim.info(sm).free_async_space, HALF);
    assert!(sim.info(sm).buffers.is_empty());
    assert_eq!(sim.ctx.transaction_count(), 0);
}

#[test]
fn oneways_to_one_node_are_delivered_one_at_a_time_in_order() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let d = sim
        .write_read(
            client,
            CLIENT_TID,
            Cmds::new()
                .oneway(0, 1, b"1")
                .oneway(0, 2, b"2")
                .oneway(0, 3, b"3"),
            256,
        )
        .done();
    assert_eq!(d.write_consumed, 3 * TXN_CMD);
    assert_eq!(
        d.brs,
        vec![
            Br::Noop,
            Br::TransactionComplete,
            Br::TransactionComplete,
            Br::TransactionComplete
        ]
    );
    let t1 = sim.wait(sm, SM_TID).ok().txn();
    assert_eq!((t1.code, t1.buffer), (1, MAP_ADDR));
    // All three buffers were reserved at send time; only the first was delivered.
    let info = sim.info(sm);
    assert_eq!(
        info.buffers,
        vec![
            buf(0, 8, true, true),
            buf(8, 8, false, true),
            buf(16, 8, false, true)
        ]
    );
    assert_eq!(info.free_async_space, HALF - 24);
    assert_eq!(info.todo, 0);
    // The second waits on the node, not on the process: the looper parks.
    sim.read(sm, SM_TID).parked();
    // Freeing the first (from another thread) releases the second to the parked looper.
    sim.write(sm, SM_TID2, Cmds::new().free_buffer(t1.buffer))
        .ok();
    let t2 = sim.wait(sm, SM_TID).ok().txn();
    assert_eq!(
        (t2.code, t2.buffer, t2.data.as_slice()),
        (2, MAP_ADDR + 8, &b"2"[..])
    );
    assert_eq!(t2.flags, TF_ONE_WAY);
    let d = sim
        .write_read(sm, SM_TID, Cmds::new().free_buffer(t2.buffer), 256)
        .done();
    let t3 = d.txn();
    assert_eq!(d.items().len(), 1);
    assert_eq!(
        (t3.code, t3.buffer, t3.data.as_slice()),
        (3, MAP_ADDR + 16, &b"3"[..])
    );
    sim.write_read(sm, SM_TID, Cmds::new().free_buffer(t3.buffer), 256)
        .parked();
    let info = sim.info(sm);
    assert!(info.buffers.is_empty());
    assert_eq!(info.free_async_space, HALF);
    assert_eq!(sim.ctx.transaction_count(), 0);
}

#[test]
fn oneways_to_different_nodes_are_not_serialised() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    // The manager hands the client a second node of its own.
    sim.write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b""), 256)
        .parked();
    let t = sim.wait(sm, SM_TID).ok().txn();
    let obj = obj_binder(BINDER_TYPE_BINDER, 0x7000, 0x7001, 0);
    let d = sim
        .write_read(
            sm,
            SM_TID,
            Cmds::new().free_buffer(t.buffer).reply_with(0, &obj, &[0]),
            256,
        )
        .done();
    assert_eq!(
        d.items(),
        vec![
            Br::Increfs(0x7000, 0x7001),
            Br::Acquire(0x7000, 0x7001),
            Br::TransactionComplete
        ]
    );
    sim.write(
        sm,
        SM_TID,
        Cmds::new()
            .increfs_done(0x7000, 0x7001)
            .acquire_done(0x7000, 0x7001),
    )
    .ok();
    sim.read(sm, SM_TID).parked();
    let r = sim.wait(client, CLIENT_TID).txn();
    let h = r.object(0).handle();
    assert_eq!(h, 1);
    sim.write(
        client,
        CLIENT_TID,
        Cmds::new().acquire(h).free_buffer(r.buffer),
    )
    .ok();

    sim.write(
        client,
        CLIENT_TID,
        Cmds::new().oneway(0, 1, b"a").oneway(h, 2, b"b"),
    )
    .ok();
    let a = sim.wait(sm, SM_TID).ok().txn();
    assert_eq!((a.code, a.target_ptr), (1, 0));
    // The second is deliverable although the first's buffer is still held.
    let d = sim.read(sm, SM_TID).done();
    let b = d.txn();
    assert_eq!((b.code, b.target_ptr, b.cookie), (2, 0x7000, 0x7001));
    assert_eq!(b.flags, TF_ONE_WAY);
    assert_eq!(
        sim.info(sm).buffers,
        vec![buf(0, 8, true, true), buf(8, 8, true, true)]
    );
}

#[test]
fn async_space_is_half_the_mapping() {
    let World { sim, sm, client } = World::new();
    for p in [sm, client] {
        let info = sim.info(p);
        assert_eq!(info.buffer_size, VM_SIZE);
        assert_eq!(info.free_async_space, VM_SIZE / 2);
    }
}

#[test]
fn oneway_beyond_async_space_fails_while_a_sync_call_of_that_size_fits() {
    let World {
        mut sim,
        sm,
        client,
    } = world_sized(4096, VM_SIZE);
    assert_eq!(sim.info(sm).free_async_space, 2048);
    let big = vec![0x5a; 2056];
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().oneway(0, 1, &big), 256)
        .done();
    assert_eq!(d.write_consumed, TXN_CMD);
    only_error(&d, Br::FailedReply);
    assert!(sim.info(sm).buffers.is_empty());
    assert_eq!(sim.info(sm).free_async_space, 2048);
    assert!(sim.is_parked(sm, SM_TID));
    sim.write_read(client, CLIENT_TID, Cmds::new().call(0, 2, &big), 256)
        .parked();
    let t = sim.wait(sm, SM_TID).ok().txn();
    assert_eq!((t.code, t.data.len()), (2, 2056));
    assert_eq!(sim.info(sm).buffers, vec![buf(0, 2056, true, false)]);
    assert_eq!(
        sim.info(sm).free_async_space,
        2048,
        "sync buffers are not charged"
    );
}

#[test]
fn async_space_is_charged_per_buffer_and_refunded_on_free() {
    let World {
        mut sim,
        sm,
        client,
    } = world_sized(4096, VM_SIZE);
    let half = vec![1u8; 1024];
    let d = sim
        .write_read(
            client,
            CLIENT_TID,
            Cmds::new().oneway(0, 1, &half).oneway(0, 2, &half),
            256,
        )
        .done();
    assert_eq!(
        d.brs,
        vec![Br::Noop, Br::TransactionComplete, Br::TransactionComplete]
    );
    assert_eq!(sim.info(sm).free_async_space, 0);
    // Even an empty oneway (8 bytes) no longer fits the quota...
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().oneway(0, 3, b""), 256)
        .done();
    only_error(&d, Br::FailedReply);
    // ...while a sync call still finds room in the buffer.
    sim.write(client, CLIENT_TID2, Cmds::new().call(0, 4, b""));
    assert_eq!(sim.info(sm).buffers.len(), 3);
    let t1 = sim.wait(sm, SM_TID).ok().txn();
    assert_eq!(t1.code, 1);
    sim.write(sm, SM_TID, Cmds::new().free_buffer(t1.buffer))
        .ok();
    assert_eq!(sim.info(sm).free_async_space, 1024);
}

// ---------------------------------------------------------------------------------------------
// 4. Nested calls and -EPROTO rules (§2.E recursive routing, "Not allowed", Reply)
// ---------------------------------------------------------------------------------------------

#[test]
fn nested_call_back_lands_on_the_calling_thread() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    const A_LOOPER: Tid = 203;
    sim.write(client, A_LOOPER, Cmds::new().enter_looper()).ok();
    sim.read(client, A_LOOPER).parked();
    let obj = obj_binder(BINDER_TYPE_BINDER, 0xa000, 0xa001, 0);
    sim.write_read(
        client,
        CLIENT_TID,
        Cmds::new().transaction(0, 1, 0, &obj, &[0]),
        256,
    )
    .parked();
    let call = sim.wait(sm, SM_TID).ok().txn();
    let h = call.object(0).handle();
    assert_eq!(h, 1);
    // The manager calls back into A while serving A's call.
    sim.write_read(sm, SM_TID, Cmds::new().acquire(h).call(h, 2, b"back"), 256)
        .parked();
    assert!(sim.is_parked(client, A_LOOPER), "not the idle looper");
    assert_eq!(sim.info(client).todo, 0);
    let d = sim.wait(client, CLIENT_TID);
    assert_eq!(
        d.items()[..3],
        [
            Br::Increfs(0xa000, 0xa001),
            Br::Acquire(0xa000, 0xa001),
            Br::TransactionComplete
        ]
    );
    let nested = d.txn();
    assert!(matches!(d.brs.last(), Some(Br::Transaction(_))));
    assert_eq!((nested.target_ptr, nested.cookie), (0xa000, 0xa001));
    assert_eq!((nested.code, nested.data.as_slice()), (2, &b"back"[..]));
    assert_eq!((nested.sender_pid, nested.sender_euid), (100, 1000));
    assert_eq!(nested.flags, 0);
    let d = sim
        .write_read(
            client,
            CLIENT_TID,
            Cmds::new()
                .increfs_done(0xa000, 0xa001)
                .acquire_done(0xa000, 0xa001)
                .free_buffer(nested.buffer)
                .reply(b"fromA"),
            256,
        )
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    sim.read(client, CLIENT_TID).parked();
    let d = sim.wait(sm, SM_TID);
    assert_eq!(d.items()[0], Br::TransactionComplete);
    let r = d.txn();
    assert_eq!(r.data, b"fromA");
    sim.write(
        sm,
        SM_TID,
        Cmds::new()
            .free_buffer(r.buffer)
            .free_buffer(call.buffer)
            .reply(b"done"),
    )
    .ok();
    let d = sim.wait(client, CLIENT_TID);
    assert_eq!(d.items().len(), 1);
    assert_eq!(d.txn().data, b"done");
    assert!(sim.is_parked(client, A_LOOPER));
    assert_eq!(sim.ctx.transaction_count(), 0);
}

#[test]
fn nested_call_through_three_processes_lands_on_the_original_caller() {
    // A -> B (manager) -> C -> A: the call to A goes to A's thread blocked in the chain.
    let World {
        mut sim,
        sm,
        client: a,
    } = World::new();
    let c = sim.open_mapped(300, 3000);
    const A_LOOPER: Tid = 203;
    const C_LOOPER: Tid = 302;
    let h_c = publish(&mut sim, sm, c, 301, 0xc000, 0xc001);
    sim.write(c, C_LOOPER, Cmds::new().enter_looper()).ok();
    sim.read(c, C_LOOPER).parked();
    sim.write(a, A_LOOPER, Cmds::new().enter_looper()).ok();
    sim.read(a, A_LOOPER).parked();

    let obj = obj_binder(BINDER_TYPE_BINDER, 0xa000, 0xa001, 0);
    sim.write_read(
        a,
        CLIENT_TID,
        Cmds::new().transaction(0, 1, 0, &obj, &[0]),
        256,
    )
    .parked();
    let at_b = sim.wait(sm, SM_TID).ok().txn();
    let h_a = at_b.object(0).handle();
    assert_ne!(h_a, h_c);
    // B calls C, passing A's handle.
    sim.write_read(
        sm,
        SM_TID,
        Cmds::new().transaction(h_c, 2, 0, &obj_handle(BINDER_TYPE_HANDLE, h_a), &[0]),
        256,
    )
    .parked();
    let at_c = sim.wait(c, C_LOOPER).ok().txn();
    assert_eq!(
        (at_c.target_ptr, at_c.code, at_c.sender_pid),
        (0xc000, 2, 100)
    );
    let h_a_in_c = at_c.object(0).handle();
    // C calls A.
    sim.write_read(c, C_LOOPER, Cmds::new().call(h_a_in_c, 3, b"c->a"), 256)
        .parked();
    assert!(sim.is_parked(a, A_LOOPER), "not A's idle looper");
    let d = sim.wait(a, CLIENT_TID);
    let at_a = d.txn();
    assert_eq!((at_a.target_ptr, at_a.cookie), (0xa000, 0xa001));
    assert_eq!(
        (at_a.code, at_a.sender_pid, at_a.sender_euid),
        (3, 300, 3000)
    );
    assert_eq!(at_a.data, b"c->a");

    // Unwind: A answers C, C answers B, B answers A.
    sim.write(
        a,
        CLIENT_TID,
        Cmds::new()
            .increfs_done(0xa000, 0xa001)
            .acquire_done(0xa000, 0xa001)
            .free_buffer(at_a.buffer)
            .reply(b"a"),
    )
    .ok();
    let d = sim.read(a, CLIENT_TID).done();
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    sim.read(a, CLIENT_TID).parked();
    let d = sim.wait(c, C_LOOPER);
    assert_eq!(d.items()[0], Br::TransactionComplete);
    let r = d.txn();
    assert_eq!((r.data.as_slice(), r.sender_euid), (&b"a"[..], 10_001));
    sim.write(c, C_LOOPER, Cmds::new().free_buffer(r.buffer).reply(b"c"))
        .ok();
    let d = sim.wait(sm, SM_TID);
    assert_eq!(d.items()[0], Br::TransactionComplete);
    let r = d.txn();
    assert_eq!((r.data.as_slice(), r.sender_euid), (&b"c"[..], 3000));
    sim.write(sm, SM_TID, Cmds::new().free_buffer(r.buffer).reply(b"b"))
        .ok();
    let d = sim.wait(a, CLIENT_TID);
    assert_eq!(d.items().len(), 1);
    assert_eq!(d.txn().data, b"b");
    assert!(sim.is_parked(a, A_LOOPER));
    // Every call and reply has ended; only the buffers the callee never freed remain.
    assert_eq!(sim.ctx.transaction_count(), 0);
}

#[test]
fn reply_without_transaction_stack_is_failed_reply() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().reply(b"??"), 256)
        .done();
    assert_eq!(d.write_consumed, TXN_CMD);
    only_error(&d, Br::FailedReply);
    assert!(sim.info(client).buffers.is_empty());
    assert!(sim.info(sm).buffers.is_empty());
    assert_eq!(sim.ctx.transaction_count(), 0);
}

#[test]
fn reply_by_the_caller_itself_is_failed_reply() {
    // §2.E Reply: the stack top must be addressed to the replying thread.
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write(client, CLIENT_TID, Cmds::new().call(0, 1, b"x"))
        .ok();
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().reply(b"self"), 256)
        .done();
    assert_eq!(
        d.brs,
        vec![Br::Noop, Br::TransactionComplete, Br::FailedReply]
    );
    // The call is still in flight and can be answered normally.
    serve_with(&mut sim, sm, |t| {
        Cmds::new().free_buffer(t.buffer).reply(b"ok")
    });
    let d = sim.read(client, CLIENT_TID).done();
    assert_eq!(d.items().len(), 1);
    assert_eq!(d.txn().data, b"ok");
}

#[test]
fn second_sync_call_before_the_reply_is_failed_reply() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let d = sim
        .write_read(
            client,
            CLIENT_TID,
            Cmds::new()
                .call(0, 1, b"first")
                .call(0, 2, b"second")
                .oneway(0, 3, b"never"),
            256,
        )
        .done();
    assert_eq!(d.ret, Ok(0));
    // The failing command stops the write buffer (§2.C).
    assert_eq!(d.write_consumed, 2 * TXN_CMD);
    // The error wakes the thread, so the first call's deferred TC comes with it.
    assert_eq!(
        d.brs,
        vec![Br::Noop, Br::TransactionComplete, Br::FailedReply]
    );
    sim.read(client, CLIENT_TID).parked();
    let t = serve_with(&mut sim, sm, |t| {
        Cmds::new().free_buffer(t.buffer).reply(b"r")
    });
    assert_eq!((t.code, t.data.as_slice()), (1, &b"first"[..]));
    let d = sim.wait(client, CLIENT_TID);
    assert_eq!(d.items().len(), 1);
    assert_eq!(d.txn().data, b"r");
    // Nothing else reached the manager.
    assert!(sim.is_parked(sm, SM_TID));
    assert!(sim.info(sm).buffers.is_empty());
    assert_eq!(sim.ctx.transaction_count(), 0);
}

#[test]
fn sync_call_with_a_transaction_at_the_todo_head_is_failed_reply() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    // A write-only call; the reply is then queued to the thread behind the deferred TC.
    sim.write(client, CLIENT_TID, Cmds::new().call(0, 1, b"x"))
        .ok();
    serve_with(&mut sim, sm, |t| {
        Cmds::new().free_buffer(t.buffer).reply(b"r")
    });
    // A read with room for one small item takes only the TC: the reply is now the head.
    let d = sim.write_read(client, CLIENT_TID, Cmds::new(), 80).done();
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    // A oneway is still allowed...
    let d = sim.write(client, CLIENT_TID, Cmds::new().oneway(0, 2, b"o"));
    assert_eq!(d.write_consumed, TXN_CMD);
    let o = sim.wait(sm, SM_TID).ok().txn();
    assert_eq!((o.code, o.flags), (2, TF_ONE_WAY));
    sim.write_read(sm, SM_TID, Cmds::new().free_buffer(o.buffer), 256)
        .parked();
    // ...but a sync call is refused.
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().call(0, 3, b"no"), 256)
        .done();
    assert_eq!(d.write_consumed, TXN_CMD);
    assert_eq!(d.items().len(), 1);
    assert_eq!(d.txn().data, b"r");
    let d = sim.read(client, CLIENT_TID).done();
    assert_eq!(
        d.brs,
        vec![Br::Noop, Br::TransactionComplete, Br::FailedReply]
    );
    assert!(sim.is_parked(sm, SM_TID));
    assert!(sim.info(sm).buffers.is_empty());
    assert_eq!(sim.ctx.transaction_count(), 0);
}

// ---------------------------------------------------------------------------------------------
// 5. The allocator through transactions (§2.K, §3, §2.A mmap)
// ---------------------------------------------------------------------------------------------

#[test]
fn zero_byte_transactions_get_distinct_8_byte_buffers() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write(client, CLIENT_TID, Cmds::new().call(0, 1, b""));
    sim.write(client, CLIENT_TID2, Cmds::new().call(0, 2, b""));
    let d = sim.wait(sm, SM_TID);
    let td = td_at(&d.raw, 4);
    assert_eq!((td.data_size, td.offsets_size), (0, 0));
    assert_eq!((td.data_buffer(), td.data_offsets()), (MAP_ADDR, MAP_ADDR));
    assert_eq!(
        sim.info(sm).buffers,
        vec![buf(0, 8, true, false), buf(8, 8, false, false)]
    );
    let d = sim
        .write_read(sm, SM_TID, Cmds::new().reply(b""), 256)
        .done();
    assert_eq!(d.items(), vec![Br::TransactionComplete]);
    let d = sim.read(sm, SM_TID).done();
    let td = td_at(&d.raw, 4);
    assert_eq!((td.code, td.data_buffer()), (2, MAP_ADDR + 8));
}

#[test]
fn best_fit_reuses_a_freed_middle_buffer() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    // Replies land in the client's mapping; the client keeps them.
    let r: Vec<Txn> = [40, 16, 40]
        .iter()
        .map(|&n| roundtrip(&mut sim, sm, client, &vec![0xab; n]))
        .collect();
    let addrs: Vec<u64> = r.iter().map(|t| t.buffer).collect();
    assert_eq!(addrs, vec![MAP_ADDR, MAP_ADDR + 40, MAP_ADDR + 56]);
    sim.write(client, CLIENT_TID, Cmds::new().free_buffer(MAP_ADDR + 40))
        .ok();
    // Too big for the 16-byte hole: goes after the last buffer.
    let big = roundtrip(&mut sim, sm, client, &[1; 24]);
    assert_eq!(big.buffer, MAP_ADDR + 96);
    // Fits the hole exactly: the hole is reused.
    let fit = roundtrip(&mut sim, sm, client, &[2; 16]);
    assert_eq!(fit.buffer, MAP_ADDR + 40);
    assert_eq!(fit.data, [2; 16]);
    // A smaller one takes the smallest hole that fits, not the tail.
    sim.write(client, CLIENT_TID, Cmds::new().free_buffer(MAP_ADDR + 40))
        .ok();
    let small = roundtrip(&mut sim, sm, client, &[3; 8]);
    assert_eq!(small.buffer, MAP_ADDR + 40);
    assert_eq!(
        sim.info(client).buffers,
        vec![
            buf(0, 40, true, false),
            buf(40, 8, true, false),
            buf(56, 40, true, false),
            buf(96, 24, true, false)
        ]
    );
}

#[test]
fn free_buffer_of_an_unknown_address_is_ignored() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write_read(
        client,
        CLIENT_TID,
        Cmds::new().call(0, 1, b"0123456789"),
        256,
    )
    .parked();
    let t = sim.wait(sm, SM_TID).ok().txn();
    let before = sim.info(sm);
    assert_eq!(before.buffers, vec![buf(0, 16, true, false)]);
    let d = sim.write(
        sm,
        SM_TID,
        Cmds::new()
            .free_buffer(MAP_ADDR + 8)
            .free_buffer(MAP_ADDR + 4)
            .free_buffer(MAP_ADDR + 4096)
            .free_buffer(MAP_ADDR - 8)
            .free_buffer(0x1234),
    );
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 5 * 12));
    assert_eq!(sim.info(sm), before);
    assert_eq!(sim.rx_bytes(sm, t.buffer, 10), b"0123456789");
    // The thread's transaction is intact: it can still reply.
    let d = sim
        .write_read(
            sm,
            SM_TID,
            Cmds::new().free_buffer(t.buffer).reply(b""),
            256,
        )
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    assert!(sim.info(sm).buffers.is_empty());
}

#[test]
fn free_buffer_of_an_undelivered_buffer_is_ignored() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write(
        client,
        CLIENT_TID,
        Cmds::new().oneway(0, 1, b"one").oneway(0, 2, b"two"),
    )
    .ok();
    let t1 = sim.wait(sm, SM_TID).ok().txn();
    assert_eq!(
        sim.info(sm).buffers,
        vec![buf(0, 8, true, true), buf(8, 8, false, true)]
    );
    // Freeing the queued one is refused: the state is unchanged and its node still waits.
    sim.write_read(sm, SM_TID, Cmds::new().free_buffer(MAP_ADDR + 8), 256)
        .parked();
    assert_eq!(
        sim.info(sm).buffers,
        vec![buf(0, 8, true, true), buf(8, 8, false, true)]
    );
    assert_eq!(sim.info(sm).free_async_space, HALF - 16);
    sim.write(sm, SM_TID2, Cmds::new().free_buffer(t1.buffer))
        .ok();
    let t2 = sim.wait(sm, SM_TID).ok().txn();
    assert_eq!(
        (t2.code, t2.buffer, t2.data.as_slice()),
        (2, MAP_ADDR + 8, &b"two"[..])
    );
}

#[test]
fn double_free_is_ignored() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write(client, CLIENT_TID, Cmds::new().oneway(0, 1, b"x"))
        .ok();
    let t = sim.wait(sm, SM_TID).ok().txn();
    let d = sim.write(
        sm,
        SM_TID,
        Cmds::new().free_buffer(t.buffer).free_buffer(t.buffer),
    );
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 24));
    let info = sim.info(sm);
    assert!(info.buffers.is_empty());
    assert_eq!(info.free_async_space, HALF, "refunded once");
    sim.read(sm, SM_TID).parked();
    sim.write(client, CLIENT_TID, Cmds::new().oneway(0, 2, b"y"))
        .ok();
    let t = sim.wait(sm, SM_TID).ok().txn();
    assert_eq!((t.code, t.buffer), (2, MAP_ADDR));
    assert_eq!(sim.info(sm).free_async_space, HALF - 8);
}

#[test]
fn transaction_larger_than_the_buffer_is_failed_reply() {
    let World {
        mut sim,
        sm,
        client,
    } = world_sized(4096, VM_SIZE);
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().call(0, 1, &[0; 4097]), 256)
        .done();
    only_error(&d, Br::FailedReply);
    // Data and offsets together: ALIGN(4090) + 8 > 4096.
    let mut data = vec![0u8; 4090];
    data[..24].copy_from_slice(&obj_binder(BINDER_TYPE_BINDER, 0xb0, 0xb1, 0));
    let d = sim
        .write_read(
            client,
            CLIENT_TID,
            Cmds::new().transaction(0, 1, 0, &data, &[0]),
            256,
        )
        .done();
    only_error(&d, Br::FailedReply);
    assert!(sim.info(sm).buffers.is_empty());
    // Exactly the buffer size fits, at offset 0.
    sim.write(client, CLIENT_TID, Cmds::new().call(0, 2, &[7; 4096]))
        .ok();
    let t = sim.wait(sm, SM_TID).ok().txn();
    assert_eq!((t.buffer, t.data.len()), (MAP_ADDR, 4096));
    // While it is held, nothing else fits.
    let d = sim
        .write_read(client, CLIENT_TID2, Cmds::new().call(0, 3, b""), 256)
        .done();
    only_error(&d, Br::FailedReply);
    assert_eq!(sim.info(sm).buffers, vec![buf(0, 4096, true, false)]);
}

#[test]
fn offsets_size_not_a_multiple_of_8_is_failed_reply() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let data = obj_binder(BINDER_TYPE_BINDER, 0xb0, 0xb1, 0);
    for off in [&[0u8; 4][..], &[0u8; 12][..], &[0u8; 1][..]] {
        for flags in [0, TF_ONE_WAY] {
            let raw = txn_bytes(&mut sim, client, BC_TRANSACTION, 0, 1, flags, &data, off);
            let d = sim
                .write_read(client, CLIENT_TID, Cmds::new().raw(&raw), 256)
                .done();
            assert_eq!(d.write_consumed, TXN_CMD);
            only_error(&d, Br::FailedReply);
        }
    }
    assert!(sim.info(sm).buffers.is_empty());
    assert!(sim.info(sm).refs.is_empty());
    assert_eq!(sim.ctx.transaction_count(), 0);
}

#[test]
fn target_that_never_mapped_is_dead_reply() {
    let mut sim = Sim::new();
    let sm = sim.open(100, 1000);
    assert_eq!(sim.set_context_mgr(sm, SM_TID), Ok(0));
    sim.write(sm, SM_TID, Cmds::new().enter_looper()).ok();
    sim.read(sm, SM_TID).parked();
    let client = sim.open_mapped(200, 10_001);
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b"x"), 256)
        .done();
    only_error(&d, Br::DeadReply);
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().oneway(0, 1, b"x"), 256)
        .done();
    only_error(&d, Br::DeadReply);
    assert!(sim.is_parked(sm, SM_TID));
    assert_eq!(sim.ctx.transaction_count(), 0);
}

#[test]
fn tf_clear_buf_zeroes_the_buffer_on_free() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write(
        client,
        CLIENT_TID,
        Cmds::new().transaction(0, 1, TF_CLEAR_BUF | TF_ONE_WAY, b"top secret!!", &[]),
    )
    .ok();
    let t = sim.wait(sm, SM_TID).ok().txn();
    assert_eq!(t.flags, TF_CLEAR_BUF | TF_ONE_WAY);
    assert_eq!(sim.rx_bytes(sm, t.buffer, 12), b"top secret!!");
    sim.write(sm, SM_TID, Cmds::new().free_buffer(t.buffer))
        .ok();
    assert_eq!(sim.rx_bytes(sm, t.buffer, 16), [0; 16]);
}

#[test]
fn buffer_without_tf_clear_buf_keeps_its_bytes_after_free() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write(
        client,
        CLIENT_TID,
        Cmds::new().oneway(0, 1, b"not secret!!"),
    )
    .ok();
    let t = sim.wait(sm, SM_TID).ok().txn();
    sim.write(sm, SM_TID, Cmds::new().free_buffer(t.buffer))
        .ok();
    assert_eq!(sim.rx_bytes(sm, t.buffer, 12), b"not secret!!");
}

#[test]
fn tf_clear_buf_on_a_reply_zeroes_the_callers_buffer() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b""), 256)
        .parked();
    serve_with(&mut sim, sm, |t| {
        Cmds::new()
            .free_buffer(t.buffer)
            .reply_with(TF_CLEAR_BUF, b"password", &[])
    });
    let r = sim.wait(client, CLIENT_TID).txn();
    assert_eq!(sim.rx_bytes(client, r.buffer, 8), b"password");
    sim.write(client, CLIENT_TID, Cmds::new().free_buffer(r.buffer))
        .ok();
    assert_eq!(sim.rx_bytes(client, r.buffer, 8), [0; 8]);
}

#[test]
fn mmap_limits() {
    let mut sim = Sim::new();
    let p = sim.open(100, 1000);
    assert_eq!(sim.mmap(p, 0), Err(Errno::EINVAL));
    assert_eq!(sim.info(p).buffer_size, 0);
    assert_eq!(sim.mmap(p, 8 << 20), Ok(4 << 20));
    let info = sim.info(p);
    assert_eq!(info.buffer_size, 4 << 20);
    assert_eq!(info.free_async_space, 2 << 20);
    assert_eq!(sim.mmap(p, 4096), Err(Errno::EBUSY));
    assert_eq!(sim.info(p).buffer_size, 4 << 20);
}

#[test]
fn mapping_over_4_mib_only_serves_4_mib() {
    let mut sim = Sim::new();
    let sm = sim.open(100, 1000);
    assert_eq!(sim.mmap(sm, 6 << 20), Ok(4 << 20));
    assert_eq!(sim.set_context_mgr(sm, SM_TID), Ok(0));
    sim.write(sm, SM_TID, Cmds::new().enter_looper()).ok();
    sim.read(sm, SM_TID).parked();
    let client = sim.open_mapped(200, 10_001);
    let d = sim
        .write_read(
            client,
            CLIENT_TID,
            Cmds::new().call(0, 1, &vec![0; (4 << 20) + 8]),
            256,
        )
        .done();
    only_error(&d, Br::FailedReply);
    sim.write(
        client,
        CLIENT_TID,
        Cmds::new().call(0, 2, &vec![9; 4 << 20]),
    )
    .ok();
    let t = sim.wait(sm, SM_TID).ok().txn();
    assert_eq!((t.code, t.buffer, t.data.len()), (2, MAP_ADDR, 4 << 20));
}

#[test]
fn freeing_a_call_buffer_before_replying_is_allowed() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b"req"), 256)
        .parked();
    let t = sim.wait(sm, SM_TID).ok().txn();
    let d = sim.write(sm, SM_TID, Cmds::new().free_buffer(t.buffer));
    assert_eq!(d.write_consumed, 12);
    assert!(sim.info(sm).buffers.is_empty());
    assert_eq!(sim.ctx.transaction_count(), 1);
    let d = sim
        .write_read(sm, SM_TID, Cmds::new().reply(b"resp"), 256)
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    let r = sim.wait(client, CLIENT_TID);
    assert_eq!(r.items()[0], Br::TransactionComplete);
    assert_eq!(r.txn().data, b"resp");
    assert_eq!(sim.ctx.transaction_count(), 0);
}

// ---------------------------------------------------------------------------------------------
// 6. Failure mapping (§2.J, §2.C write loop)
// ---------------------------------------------------------------------------------------------

#[test]
fn thread_transacts_normally_after_an_error() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().call(9, 1, b"x"), 256)
        .done();
    only_error(&d, Br::FailedReply);
    let r = roundtrip(&mut sim, sm, client, b"fine");
    assert_eq!(r.data, b"fine");
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().oneway(0, 2, b"o"), 256)
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
}

#[test]
fn failed_transaction_stops_the_rest_of_the_write_buffer() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let d = sim
        .write_read(
            client,
            CLIENT_TID,
            Cmds::new().call(9, 1, b"x").oneway(0, 2, b"y"),
            256,
        )
        .done();
    assert_eq!(d.write_consumed, TXN_CMD);
    only_error(&d, Br::FailedReply);
    assert!(sim.is_parked(sm, SM_TID));
    assert!(sim.info(sm).buffers.is_empty());
    // The remaining command runs once resubmitted.
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().oneway(0, 2, b"y"), 256)
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    assert_eq!(sim.wait(sm, SM_TID).txn().code, 2);
}

/// Sends each malformed payload with `flags` and checks it fails with exactly one
/// BR_FAILED_REPLY and leaves nothing behind (§2.F partial failure, §2.J).
fn check_failed_translations(flags: u32) {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let good = obj_binder(BINDER_TYPE_BINDER, 0xb0, 0xb1, 0);
    let mut unknown = good.clone();
    unknown[..4].copy_from_slice(&0xdead_beefu32.to_ne_bytes());
    let two = [good.clone(), good.clone()].concat();
    let good_then_bad = [good.clone(), obj_handle(BINDER_TYPE_HANDLE, 42)].concat();
    let cases: Vec<(&str, Vec<u8>, Vec<u64>)> = vec![
        ("offset past the data", good.clone(), vec![8]),
        ("object overruns the data", good[..20].to_vec(), vec![0]),
        (
            "misaligned offset",
            [&[0u8; 2][..], &good].concat(),
            vec![2],
        ),
        ("unknown object type", unknown, vec![0]),
        ("overlapping objects", two.clone(), vec![0, 8]),
        ("decreasing offsets", two, vec![24, 0]),
        (
            "invalid handle",
            obj_handle(BINDER_TYPE_HANDLE, 42),
            vec![0],
        ),
        (
            "good binder then invalid handle",
            good_then_bad,
            vec![0, 24],
        ),
    ];
    let mgr_before = sim.info(sm).nodes;
    for (what, data, offsets) in cases {
        let d = sim
            .write_read(
                client,
                CLIENT_TID,
                Cmds::new().transaction(0, 1, flags, &data, &offsets),
                256,
            )
            .done();
        assert_eq!(d.ret, Ok(0), "{what}");
        assert_eq!(d.write_consumed, TXN_CMD, "{what}");
        assert_eq!(d.brs, vec![Br::Noop, Br::FailedReply], "{what}");
        let info = sim.info(sm);
        assert!(info.buffers.is_empty(), "{what}");
        assert!(info.refs.is_empty(), "{what}");
        assert_eq!(info.free_async_space, HALF, "{what}");
        assert_eq!(info.nodes, mgr_before, "{what}");
        assert!(sim.info(client).nodes.is_empty(), "{what}");
        assert_eq!(sim.ctx.transaction_count(), 0, "{what}");
        assert!(sim.is_parked(sm, SM_TID), "{what}");
    }
    // The sender is not stuck: a good transaction still goes through.
    let d = sim
        .write_read(client, CLIENT_TID, Cmds::new().oneway(0, 2, b"ok"), 256)
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    assert_eq!(sim.wait(sm, SM_TID).txn().data, b"ok");
}

#[test]
fn failed_call_translation_leaves_no_buffer_ref_or_transaction() {
    check_failed_translations(0);
}

#[test]

fn failed_oneway_translation_leaves_no_buffer_ref_or_transaction() {
    check_failed_translations(TF_ONE_WAY);
}

#[test]

fn failed_oneway_does_not_release_the_nodes_queued_oneway() {
    // §2.E: the next oneway to a node goes only when the in-flight one's buffer is freed
    // with BC_FREE_BUFFER; a oneway that failed never joined the queue.
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let d = sim
        .write_read(
            client,
            CLIENT_TID,
            Cmds::new().oneway(0, 1, b"one").oneway(0, 2, b"two"),
            256,
        )
        .done();
    assert_eq!(d.items(), vec![Br::TransactionComplete; 2]);
    let t1 = sim.wait(sm, SM_TID).ok().txn();
    sim.read(sm, SM_TID).parked();
    let d = sim
        .write_read(
            client,
            CLIENT_TID,
            Cmds::new().transaction(0, 3, TF_ONE_WAY, &obj_handle(BINDER_TYPE_HANDLE, 42), &[0]),
            256,
        )
        .done();
    only_error(&d, Br::FailedReply);
    assert!(
        sim.is_parked(sm, SM_TID),
        "the queued oneway must still wait"
    );
    assert_eq!(
        sim.info(sm).buffers,
        vec![buf(0, 8, true, true), buf(8, 8, false, true)]
    );
    sim.write(sm, SM_TID2, Cmds::new().free_buffer(t1.buffer))
        .ok();
    let t2 = sim.wait(sm, SM_TID).ok().txn();
    assert_eq!((t2.code, t2.buffer), (2, MAP_ADDR + 8));
}

#[test]
fn failed_reply_gives_the_replier_complete_and_the_caller_the_error() {
    // §2.E Reply: "If building the reply fails, the replier gets BR_TRANSACTION_COMPLETE and
    // the caller gets the error".
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b"q"), 256)
        .parked();
    let t = sim.wait(sm, SM_TID).ok().txn();
    let d = sim
        .write_read(
            sm,
            SM_TID,
            Cmds::new().free_buffer(t.buffer).reply_with(
                0,
                &obj_handle(BINDER_TYPE_HANDLE, 42),
                &[0],
            ),
            256,
        )
        .done();
    assert_eq!(d.write_consumed, 12 + TXN_CMD);
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    let r = sim.wait(client, CLIENT_TID);
    assert_eq!(
        r.brs,
        vec![Br::Noop, Br::TransactionComplete, Br::FailedReply]
    );
    assert!(sim.info(client).buffers.is_empty());
    assert_eq!(sim.ctx.transaction_count(), 0);
    // The replier's stack was popped: there is nothing left to reply to.
    let d = sim
        .write_read(sm, SM_TID, Cmds::new().reply(b"again"), 256)
        .done();
    only_error(&d, Br::FailedReply);
    // And the caller can call again.
    sim.read(sm, SM_TID).parked();
    assert_eq!(roundtrip(&mut sim, sm, client, b"ok").data, b"ok");
}

#[test]
fn reply_too_large_for_the_callers_buffer_fails_to_the_caller() {
    let World {
        mut sim,
        sm,
        client,
    } = world_sized(VM_SIZE, 4096);
    sim.write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b"q"), 256)
        .parked();
    let t = sim.wait(sm, SM_TID).ok().txn();
    let d = sim
        .write_read(
            sm,
            SM_TID,
            Cmds::new().free_buffer(t.buffer).reply(&[0; 4104]),
            256,
        )
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    let r = sim.wait(client, CLIENT_TID);
    assert_eq!(
        r.brs,
        vec![Br::Noop, Br::TransactionComplete, Br::FailedReply]
    );
    assert!(sim.info(client).buffers.is_empty());
    assert_eq!(sim.ctx.transaction_count(), 0);
}

#[test]
fn reply_to_a_departed_caller_gives_the_replier_complete() {
    // §2.J: original caller of a reply dead → replier side gets COMPLETE.
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write_read(client, CLIENT_TID, Cmds::new().call(0, 1, b"q"), 256)
        .parked();
    let t = sim.wait(sm, SM_TID).ok().txn();
    assert_eq!(sim.interrupt(client, CLIENT_TID).ret, Err(Errno::EINTR));
    assert_eq!(sim.thread_exit(client, CLIENT_TID), Ok(0));
    let d = sim
        .write_read(
            sm,
            SM_TID,
            Cmds::new().free_buffer(t.buffer).reply(b"late"),
            256,
        )
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    assert!(sim.info(client).buffers.is_empty());
    assert_eq!(sim.ctx.transaction_count(), 0);
}

//! Security contexts (kernel-binder.md §2.E "Security context", §1.5
//! `binder_transaction_data_secctx`), extended errors, node debug info, node info for a ref,
//! the remaining small ioctls (§1.6, §2.B) and two opens by one process (§2.A).
mod common;
use common::*;

use binder_driver::core::{BufferInfo, Completion, Credentials, Errno, ProcId, RefInfo, Tid};
use binder_driver::uapi::*;

/// An address outside every simulated address space.
const BAD: u64 = 0x10;
const SECCTX: u32 = FLAT_BINDER_FLAG_TXN_SECURITY_CTX;
const CT: Tid = CLIENT_TID;
/// A thread of the manager that is not its looper, for the manager's own commands and ioctls.
const SM_TID2: Tid = 102;
/// A second thread of the client.
const CT2: Tid = 202;
/// A third process "S" that owns nodes: a sending thread and a looper thread.
const S_PID: i32 = 300;
const S_EUID: u32 = 10_002;
const S_TID: Tid = 301;
const S_LOOPER: Tid = 302;
/// The manager node of `ext_mgr`.
const MGR_PTR: u64 = 0x7000_0000_1000;
const MGR_COOKIE: u64 = 0xc0c0;

const EINVAL: i32 = -22;

/// The label the harness gives pid `pid`.
fn label_of(pid: i32) -> Vec<u8> {
    format!("u:r:pid{pid}:s0\0").into_bytes()
}

/// A context manager (pid 100) set with `BINDER_SET_CONTEXT_MGR_EXT` for a node with `flags`,
/// whose receive buffer is `map` bytes; its looper `SM_TID` is parked in a read.
fn ext_mgr(sim: &mut Sim, flags: u32, map: usize) -> ProcId {
    let m = ext_mgr_idle(sim, flags, map);
    sim.read(m, SM_TID).parked();
    m
}

/// `ext_mgr` with its looper not reading.
fn ext_mgr_idle(sim: &mut Sim, flags: u32, map: usize) -> ProcId {
    let m = sim.open(100, 1000);
    sim.mmap(m, map).unwrap();
    let mut fbo = FlatBinderObject::default();
    fbo.hdr.type_ = BINDER_TYPE_BINDER;
    fbo.flags = flags;
    fbo.set_binder(MGR_PTR);
    fbo.cookie = MGR_COOKIE;
    assert_eq!(
        sim.ioctl_val(m, SM_TID, BINDER_SET_CONTEXT_MGR_EXT, &fbo).0,
        Ok(0)
    );
    sim.write(m, SM_TID, Cmds::new().enter_looper()).ok();
    m
}

/// A manager whose node asks for security contexts, as libbinder's servicemanager sets it.
fn secctx_mgr(sim: &mut Sim) -> ProcId {
    ext_mgr(sim, SECCTX, VM_SIZE)
}

/// Opens and maps a process with its own security label.
fn open_label(sim: &mut Sim, pid: i32, euid: u32, label: &[u8]) -> ProcId {
    let p = sim.open_creds(
        Credentials {
            pid,
            euid,
            secctx: label.to_vec(),
        },
        false,
    );
    sim.mmap(p, VM_SIZE).unwrap();
    p
}

/// The single `BR_TRANSACTION_SEC_CTX` of a read: the transaction and its `secctx`.
#[track_caller]
fn sec_txn(d: &Done) -> (Txn, u64) {
    match d.items().as_slice() {
        [Br::TransactionSecCtx(t, s)] => (t.clone(), *s),
        other => panic!("expected one BR_TRANSACTION_SEC_CTX, got {other:?}"),
    }
}

/// The allocated buffer that starts at user address `addr` in `p`'s receive area.
#[track_caller]
fn buffer_at(sim: &Sim, p: ProcId, addr: u64) -> BufferInfo {
    let off = (addr - MAP_ADDR) as usize;
    sim.info(p)
        .buffers
        .into_iter()
        .find(|b| b.offset == off)
        .expect("no buffer at that address")
}

/// `BINDER_GET_EXTENDED_ERROR` by `tid` (the argument is pre-filled with junk, which must be
/// overwritten): `(id, command, param)`.
#[track_caller]
fn ee(sim: &mut Sim, p: ProcId, tid: Tid) -> (u32, u32, i32) {
    let junk = BinderExtendedError {
        id: 0xdead,
        command: 0xbeef,
        param: 77,
    };
    let (r, b) = sim.ioctl_val(p, tid, BINDER_GET_EXTENDED_ERROR, &junk);
    assert_eq!(r, Ok(0));
    let e = BinderExtendedError::from_bytes(&b).unwrap();
    (e.id, e.command, e.param)
}

fn done(c: Completion) -> Result<i32, Errno> {
    match c {
        Completion::Done(r) => r,
        other => panic!("ioctl did not finish: {other:?}"),
    }
}

/// `from` (thread `tid`) sends the manager a oneway carrying one object per entry
/// (type, ptr, cookie, flags) and acks the increments it is told of; the manager keeps a ref of
/// each object's strength (strong ones with `BC_ACQUIRE`, plus `BC_INCREFS` if `with_weak`;
/// weak ones with `BC_INCREFS`), frees the buffer and parks again. Returns the manager's handles.
fn publish(
    sim: &mut Sim,
    sm: ProcId,
    from: ProcId,
    tid: Tid,
    objs: &[(u32, u64, u64, u32)],
    with_weak: bool,
) -> Vec<u32> {
    let mut data = Vec::new();
    let mut offs = Vec::new();
    for &(ty, ptr, cookie, flags) in objs {
        offs.push(data.len() as u64);
        data.extend(obj_binder(ty, ptr, cookie, flags));
    }
    let got = sim
        .write_read(
            from,
            tid,
            Cmds::new().transaction(0, 1, TF_ONE_WAY, &data, &offs),
            256,
        )
        .done();
    assert_eq!(got.ok().items().last(), Some(&Br::TransactionComplete));
    let mut ack = Cmds::new();
    for b in got.items() {
        match b {
            Br::Increfs(p, c) => ack = ack.increfs_done(p, c),
            Br::Acquire(p, c) => ack = ack.acquire_done(p, c),
            _ => {}
        }
    }
    sim.write(from, tid, ack).ok();
    let t = sim.wait(sm, SM_TID).ok().txn();
    let mut keep = Cmds::new();
    let mut handles = Vec::new();
    for (&(ty, ..), &off) in objs.iter().zip(&offs) {
        let h = t.object(off as usize).handle();
        keep = match (ty == BINDER_TYPE_BINDER, with_weak) {
            (true, true) => keep.acquire(h).increfs(h),
            (true, false) => keep.acquire(h),
            (false, _) => keep.increfs(h),
        };
        handles.push(h);
    }
    sim.write_read(sm, SM_TID, keep.free_buffer(t.buffer), 256)
        .parked();
    handles
}

/// `caller` calls the manager on `tid`; the manager frees the request and replies with
/// `data`/`offs`, then parks again. Returns the caller's read.
fn call_mgr(
    sim: &mut Sim,
    sm: ProcId,
    caller: ProcId,
    tid: Tid,
    data: &[u8],
    offs: &[u64],
) -> Done {
    sim.write_read(caller, tid, Cmds::new().call(0, 1, b"get"), 256)
        .parked();
    let t = sim.wait(sm, SM_TID).ok().txn();
    let r = sim
        .write_read(
            sm,
            SM_TID,
            Cmds::new().free_buffer(t.buffer).reply_with(0, data, offs),
            256,
        )
        .done();
    assert_eq!(r.ok().items(), vec![Br::TransactionComplete]);
    sim.read(sm, SM_TID).parked();
    sim.wait(caller, tid)
}

// ---------------------------------------------------------------------------------------------
// 1. Security contexts
// ---------------------------------------------------------------------------------------------

#[test]
fn secctx_manager_gets_transaction_sec_ctx_with_the_sender_label_after_the_data() {
    let mut sim = Sim::new();
    let m = secctx_mgr(&mut sim);
    assert_eq!(sim.info(m).nodes[0].flags, SECCTX);
    let c = sim.open_mapped(200, 10_001);
    sim.write_read(c, CT, Cmds::new().call(0, 7, b"hello, world!"), 256)
        .parked();
    let d = sim.wait(m, SM_TID);
    d.ok();
    // The wire: BR_NOOP, then the 0x80487202 code and its 72-byte payload.
    assert_eq!(BR_TRANSACTION_SEC_CTX, 0x8048_7202);
    assert_eq!(d.read_consumed, 4 + 4 + 72);
    assert_eq!(d.raw[..4], BR_NOOP.to_ne_bytes());
    assert_eq!(d.raw[4..8], BR_TRANSACTION_SEC_CTX.to_ne_bytes());
    let sd = BinderTransactionDataSecctx::from_bytes(&d.raw[8..80]).unwrap();
    let td = sd.transaction_data;
    let buf = td.data_buffer();
    assert_eq!(
        (td.target_ptr(), td.cookie, td.code, td.flags),
        (MGR_PTR, MGR_COOKIE, 7, 0)
    );
    assert_eq!((td.sender_pid, td.sender_euid), (200, 10_001));
    assert_eq!((td.data_size, td.offsets_size), (13, 0));
    assert_eq!(td.data_offsets(), buf + 16);
    // The label lies at ALIGN(13, 8) = 16, and the buffer grew by ALIGN(14, 8) = 16.
    assert_eq!(sd.secctx, buf + 16);
    let (t, sec) = sec_txn(&d);
    assert_eq!((t.data.as_slice(), sec), (&b"hello, world!"[..], buf + 16));
    assert_eq!(sim.rx_bytes(m, sec, 14), label_of(200));
    assert_eq!(
        buffer_at(&sim, m, buf),
        BufferInfo {
            offset: (buf - MAP_ADDR) as usize,
            size: 32,
            delivered: true,
            oneway: false,
        }
    );
}

#[test]
fn secctx_lies_after_the_offsets_and_scatter_gather_area() {
    // §2.E: written at ALIGN(data,8) + ALIGN(offsets,8) + ALIGN(buffers_size,8).
    let mut sim = Sim::new();
    let m = secctx_mgr(&mut sim);
    let c = sim.open_mapped(200, 10_001);
    let sg: Vec<u8> = (0..20u8).map(|i| i + 0x40).collect();
    let sg_addr = sim.put(c, &sg);
    let bbo = BinderBufferObject {
        hdr: BinderObjectHeader {
            type_: BINDER_TYPE_PTR,
        },
        flags: 0,
        buffer: sg_addr,
        length: 20,
        parent: 0,
        parent_offset: 0,
    };
    let mut data: Vec<u8> = (0..52u8).collect();
    data[8..48].copy_from_slice(bbo.as_bytes());
    sim.write_read(
        c,
        CT,
        Cmds::new().transaction_sg(0, 2, 0, &data, &[8], 24),
        256,
    )
    .parked();
    let (t, sec) = sec_txn(&sim.wait(m, SM_TID));
    // data 52 -> 56, offsets 8, SG 24: the label starts at 88.
    assert_eq!(t.offsets, vec![8]);
    assert_eq!(t.offsets_ptr, t.buffer + 56);
    let ptr = BinderBufferObject::from_bytes(&t.data[8..48]).unwrap();
    assert_eq!((ptr.buffer, ptr.length), (t.buffer + 64, 20));
    assert_eq!(sim.rx_bytes(m, t.buffer + 64, 20), sg);
    assert_eq!(sec, t.buffer + 88);
    assert_eq!(sim.rx_bytes(m, sec, 14), label_of(200));
    assert_eq!(buffer_at(&sim, m, t.buffer).size, 88 + 16);
}

#[test]
fn secctx_buffer_grows_by_the_label_length_rounded_up_to_8() {
    // §2.E / §3: extra_buffers_size += ALIGN(len, 8); the label is delivered as given.
    let mut sim = Sim::new();
    let m = secctx_mgr(&mut sim);
    let cases: [(&[u8], usize); 6] = [
        (b"x", 8),
        (b"u:r:a:s\0", 8),
        (b"u:r:ab:s\0", 16),
        (b"u:r:system:s0\0\0\0", 16),
        (b"u:r:system_app:s0", 24),
        (b"u:r:untrusted_app:s0:c512,c768\0", 32),
    ];
    for (i, &(label, grow)) in cases.iter().enumerate() {
        let pid = 400 + i as i32;
        let c = open_label(&mut sim, pid, 20_000 + i as u32, label);
        let d = sim.write(c, 1, Cmds::new().oneway(0, i as u32, b"abcd"));
        assert_eq!(d.ret, Ok(0));
        let (t, sec) = sec_txn(&sim.wait(m, SM_TID));
        assert_eq!((t.code, t.data.as_slice()), (i as u32, &b"abcd"[..]));
        assert_eq!(sec, t.buffer + 8, "label {label:?}");
        assert_eq!(sim.rx_bytes(m, sec, label.len()), label);
        assert_eq!(
            buffer_at(&sim, m, t.buffer).size,
            8 + grow,
            "label {label:?}"
        );
        // Free it so the next oneway to the node is delivered.
        sim.write_read(m, SM_TID, Cmds::new().free_buffer(t.buffer), 256)
            .parked();
        assert!(sim.info(m).buffers.is_empty());
    }
}

#[test]
fn different_senders_deliver_their_own_labels() {
    let mut sim = Sim::new();
    let m = secctx_mgr(&mut sim);
    for pid in [200, 201, 4242] {
        let c = sim.open_mapped(pid, 10_000 + pid as u32);
        sim.write(c, 1, Cmds::new().oneway(0, 1, b"x")).ok();
        let (t, sec) = sec_txn(&sim.wait(m, SM_TID));
        assert_eq!(t.sender_euid, 10_000 + pid as u32);
        assert_eq!(sim.rx_bytes(m, sec, label_of(pid).len()), label_of(pid));
        sim.write_read(m, SM_TID, Cmds::new().free_buffer(t.buffer), 256)
            .parked();
    }
}

#[test]
fn empty_label_still_gives_sec_ctx_pointing_at_the_end_of_the_payload() {
    // §2.E: offset ALIGN(data)+ALIGN(offsets)+ALIGN(extra)-ALIGN(0) with nothing added.
    let mut sim = Sim::new();
    let m = secctx_mgr(&mut sim);
    let c = open_label(&mut sim, 200, 10_001, b"");
    sim.write(c, CT, Cmds::new().oneway(0, 1, b"12345")).ok();
    let (t, sec) = sec_txn(&sim.wait(m, SM_TID));
    assert_eq!(t.data, b"12345");
    assert_eq!(sec, t.buffer + 8);
    assert_eq!(buffer_at(&sim, m, t.buffer).size, 8);
    sim.write_read(m, SM_TID, Cmds::new().free_buffer(t.buffer), 256)
        .parked();
    // With no data either: the minimum 8-byte buffer, and the label address is its start.
    sim.write(c, CT, Cmds::new().oneway(0, 2, b"")).ok();
    let (t, sec) = sec_txn(&sim.wait(m, SM_TID));
    assert_eq!((t.data.len(), sec), (0, t.buffer));
    assert_eq!(buffer_at(&sim, m, t.buffer).size, 8);
}

#[test]
fn nodes_without_the_flag_get_plain_br_transaction_and_no_label() {
    // A plain BINDER_SET_CONTEXT_MGR node, and an _EXT node with every other flag set.
    for ext_flags in [None, Some(0xff | FLAT_BINDER_FLAG_ACCEPTS_FDS)] {
        let mut sim = Sim::new();
        let m = match ext_flags {
            None => {
                let m = sim.open_mapped(100, 1000);
                assert_eq!(sim.set_context_mgr(m, SM_TID), Ok(0));
                sim.write(m, SM_TID, Cmds::new().enter_looper()).ok();
                sim.read(m, SM_TID).parked();
                m
            }
            Some(f) => ext_mgr(&mut sim, f, VM_SIZE),
        };
        let c = sim.open_mapped(200, 10_001);
        sim.write(c, CT, Cmds::new().call(0, 7, b"12345")).ok();
        let d = sim.wait(m, SM_TID);
        assert_eq!(d.read_consumed, 4 + 4 + 64);
        assert_eq!(d.raw[4..8], BR_TRANSACTION.to_ne_bytes());
        let t = match d.items().as_slice() {
            [Br::Transaction(t)] => t.clone(),
            other => panic!("expected one BR_TRANSACTION, got {other:?}"),
        };
        assert_eq!(t.data, b"12345");
        assert_eq!(buffer_at(&sim, m, t.buffer).size, 8);
    }
}

#[test]
fn node_created_from_a_binder_object_with_the_flag_gets_sec_ctx() {
    // §1.3 / §2.F: the flag is captured when the node is created from the object.
    let World { mut sim, sm, .. } = World::new();
    let s = sim.open_mapped(S_PID, S_EUID);
    let hs = publish(
        &mut sim,
        sm,
        s,
        S_TID,
        &[
            (
                BINDER_TYPE_BINDER,
                0x5000,
                0x55,
                SECCTX | FLAT_BINDER_FLAG_ACCEPTS_FDS,
            ),
            (BINDER_TYPE_BINDER, 0x6000, 0x66, 0),
        ],
        true,
    );
    let flags: Vec<(u64, u32)> = sim.info(s).nodes.iter().map(|n| (n.ptr, n.flags)).collect();
    assert_eq!(
        flags,
        vec![(0x5000, SECCTX | FLAT_BINDER_FLAG_ACCEPTS_FDS), (0x6000, 0)]
    );
    sim.write(s, S_LOOPER, Cmds::new().enter_looper()).ok();

    // To the flagged node: BR_TRANSACTION_SEC_CTX with the manager's (pid 100) label.
    sim.read(s, S_LOOPER).parked();
    sim.write_read(sm, SM_TID2, Cmds::new().call(hs[0], 3, b"ping"), 256)
        .parked();
    let d = sim.wait(s, S_LOOPER);
    assert_eq!(d.read_consumed, 80);
    let (t, sec) = sec_txn(&d);
    assert_eq!((t.target_ptr, t.cookie, t.code), (0x5000, 0x55, 3));
    assert_eq!((t.sender_pid, t.sender_euid), (100, 1000));
    assert_eq!(sec, t.buffer + 8);
    assert_eq!(sim.rx_bytes(s, sec, 14), label_of(100));
    assert_eq!(buffer_at(&sim, s, t.buffer).size, 8 + 16);
    let r = sim
        .write_read(
            s,
            S_LOOPER,
            Cmds::new().free_buffer(t.buffer).reply(b"pong"),
            256,
        )
        .done();
    assert_eq!(r.items(), vec![Br::TransactionComplete]);
    let got = sim.wait(sm, SM_TID2);
    assert!(matches!(
        got.items().as_slice(),
        [Br::TransactionComplete, Br::Reply(_)]
    ));

    // To its sibling without the flag: plain BR_TRANSACTION.
    sim.read(s, S_LOOPER).parked();
    sim.write_read(sm, SM_TID2, Cmds::new().call(hs[1], 4, b"ping"), 256)
        .parked();
    let d = sim.wait(s, S_LOOPER);
    assert_eq!(d.read_consumed, 72);
    let t = d.txn();
    assert_eq!(d.items(), vec![Br::Transaction(t.clone())]);
    assert_eq!((t.target_ptr, t.cookie), (0x6000, 0x66));
    assert_eq!(buffer_at(&sim, s, t.buffer).size, 8);
}

#[test]
fn replies_never_carry_a_security_context() {
    let mut sim = Sim::new();
    let m = secctx_mgr(&mut sim);
    let c = sim.open_mapped(200, 10_001);
    sim.write_read(c, CT, Cmds::new().call(0, 1, b"q"), 256)
        .parked();
    let (t, _) = sec_txn(&sim.wait(m, SM_TID));
    sim.write_read(
        m,
        SM_TID,
        Cmds::new().free_buffer(t.buffer).reply(b"answer"),
        256,
    )
    .done();
    let d = sim.wait(c, CT);
    // BR_NOOP, BR_TRANSACTION_COMPLETE, BR_REPLY + 64 bytes.
    assert_eq!(d.read_consumed, 4 + 4 + 4 + 64);
    assert_eq!(d.raw[8..12], BR_REPLY.to_ne_bytes());
    let r = d.txn();
    assert_eq!(
        d.items(),
        vec![Br::TransactionComplete, Br::Reply(r.clone())]
    );
    assert_eq!((r.target_ptr, r.cookie, r.sender_pid), (0, 0, 0));
    assert_eq!(r.data, b"answer");
    // Only ALIGN(6, 8): no label was added to the caller's buffer.
    assert_eq!(buffer_at(&sim, c, r.buffer).size, 8);
}

#[test]
fn oneway_to_a_secctx_node_carries_the_label_too() {
    let mut sim = Sim::new();
    let m = secctx_mgr(&mut sim);
    let c = sim.open_mapped(200, 10_001);
    let d = sim
        .write_read(c, CT, Cmds::new().oneway(0, 9, b"fire"), 256)
        .done();
    assert_eq!(d.items(), vec![Br::TransactionComplete]);
    let (t, sec) = sec_txn(&sim.wait(m, SM_TID));
    assert_eq!(
        (t.flags, t.sender_pid, t.sender_euid),
        (TF_ONE_WAY, 0, 10_001)
    );
    assert_eq!(sec, t.buffer + 8);
    assert_eq!(sim.rx_bytes(m, sec, 14), label_of(200));
    let info = sim.info(m);
    assert_eq!(
        buffer_at(&sim, m, t.buffer),
        BufferInfo {
            offset: (t.buffer - MAP_ADDR) as usize,
            size: 24,
            delivered: true,
            oneway: true,
        }
    );
    // The label is charged to the async space as well.
    assert_eq!(info.free_async_space, info.buffer_size / 2 - 24);
}

#[test]
fn label_too_large_for_the_buffer_is_failed_reply_and_one_that_just_fits_is_delivered() {
    let mut sim = Sim::new();
    let m = ext_mgr(&mut sim, SECCTX, 4096);
    // 8 bytes of data + ALIGN(4089, 8) = 4104 > 4096.
    let big = vec![b'a'; 4089];
    let c = open_label(&mut sim, 200, 10_001, &big);
    let d = sim
        .write_read(c, CT, Cmds::new().call(0, 1, b"12345678"), 256)
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::FailedReply]);
    let (id, cmd, param) = ee(&mut sim, c, CT);
    assert!(id != 0);
    assert_eq!((cmd, param), (BR_FAILED_REPLY, -Errno::ENOSPC.0));
    assert!(sim.is_parked(m, SM_TID));
    assert!(sim.info(m).buffers.is_empty());
    assert_eq!(sim.ctx.transaction_count(), 0);

    // 8 + 4088 = 4096: the whole buffer.
    let fits: Vec<u8> = (0..4088).map(|i| b'a' + (i % 26) as u8).collect();
    let c2 = open_label(&mut sim, 201, 10_002, &fits);
    sim.write_read(c2, CT, Cmds::new().call(0, 1, b"12345678"), 256)
        .parked();
    let (t, sec) = sec_txn(&sim.wait(m, SM_TID));
    assert_eq!(sec, t.buffer + 8);
    assert_eq!(sim.rx_bytes(m, sec, 4088), fits);
    assert_eq!(buffer_at(&sim, m, t.buffer).size, 4096);
}

#[test]
fn sec_ctx_fits_a_read_of_exactly_80_bytes() {
    // §2.C: the room rule is sizeof(binder_transaction_data_secctx) + 4 = 76 per item.
    let mut sim = Sim::new();
    let m = ext_mgr_idle(&mut sim, SECCTX, VM_SIZE);
    let c = sim.open_mapped(200, 10_001);
    sim.write(c, CT, Cmds::new().oneway(0, 2, b"y")).ok();
    assert_eq!(sim.info(m).todo, 1);
    let d = sim.write_read(m, SM_TID, Cmds::new(), 80).done();
    assert_eq!(d.read_consumed, 80);
    let (t, sec) = sec_txn(&d);
    assert_eq!((t.code, sec), (2, t.buffer + 8));
    assert_eq!(sim.info(m).todo, 0);
}

// ---------------------------------------------------------------------------------------------
// 2. BINDER_GET_EXTENDED_ERROR
// ---------------------------------------------------------------------------------------------

#[test]
fn extended_error_of_a_fresh_thread_is_zero_br_ok_zero() {
    assert_eq!(BINDER_GET_EXTENDED_ERROR, 0xC00C_6211);
    assert_eq!(BR_OK, 0x7201);
    let mut sim = Sim::new();
    let p = sim.open(100, 1000);
    assert_eq!(ee(&mut sim, p, 1), (0, BR_OK, 0));
    assert_eq!(ee(&mut sim, p, 1), (0, BR_OK, 0));
}

#[test]
fn successful_call_and_reply_record_their_ids_with_br_ok_and_reading_resets() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write_read(client, CT, Cmds::new().call(0, 1, b"q"), 256)
        .parked();
    let t = sim.wait(sm, SM_TID).ok().txn();
    // Receiving a transaction records nothing.
    let d = sim
        .write_read(
            sm,
            SM_TID,
            Cmds::new().free_buffer(t.buffer).reply(b"a"),
            256,
        )
        .done();
    assert_eq!(d.items(), vec![Br::TransactionComplete]);
    let (rid, cmd, param) = ee(&mut sim, sm, SM_TID);
    assert_eq!((cmd, param), (BR_OK, 0));
    sim.wait(client, CT).ok().txn();
    let (cid, cmd, param) = ee(&mut sim, client, CT);
    assert_eq!((cmd, param), (BR_OK, 0));
    assert!(cid != 0 && rid > cid, "call {cid}, reply {rid}");
    // The read reset both.
    assert_eq!(ee(&mut sim, client, CT), (0, BR_OK, 0));
    assert_eq!(ee(&mut sim, sm, SM_TID), (0, BR_OK, 0));
}

#[test]
fn receiving_a_transaction_leaves_the_extended_error_alone() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write(client, CT, Cmds::new().oneway(0, 1, b"x")).ok();
    sim.wait(sm, SM_TID).ok().txn();
    assert_eq!(ee(&mut sim, sm, SM_TID), (0, BR_OK, 0));
}

#[test]
fn invalid_handle_records_failed_reply_einval_for_calls_and_oneways() {
    let World {
        mut sim, client, ..
    } = World::new();
    let d = sim
        .write_read(client, CT, Cmds::new().call(7, 1, b"x"), 256)
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::FailedReply]);
    let (id, cmd, param) = ee(&mut sim, client, CT);
    assert!(id != 0);
    assert_eq!((cmd, param), (BR_FAILED_REPLY, EINVAL));
    let d = sim
        .write_read(client, CT, Cmds::new().oneway(7, 1, b"x"), 256)
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::FailedReply]);
    let (id2, cmd, param) = ee(&mut sim, client, CT);
    assert!(id2 > id);
    assert_eq!((cmd, param), (BR_FAILED_REPLY, EINVAL));
}

#[test]
fn no_context_manager_records_dead_reply_einval() {
    // C binder_transaction: no manager -> BR_DEAD_REPLY, then "cannot find target node" sets
    // return_error_param = -EINVAL for every missing target.
    let mut sim = Sim::new();
    let c = sim.open_mapped(200, 10_001);
    let d = sim
        .write_read(c, CT, Cmds::new().call(0, 1, b"x"), 256)
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::DeadReply]);
    let (id, cmd, param) = ee(&mut sim, c, CT);
    assert!(id != 0);
    assert_eq!((cmd, param), (BR_DEAD_REPLY, EINVAL));
}

#[test]
fn dead_node_records_dead_reply_einval() {
    // C: binder_get_node_refs_for_txn gives BR_DEAD_REPLY for a node whose owner is gone, and
    // "cannot find target node" adds -EINVAL.
    let World { mut sim, sm, .. } = World::new();
    let s = sim.open_mapped(S_PID, S_EUID);
    let h = publish(
        &mut sim,
        sm,
        s,
        S_TID,
        &[(BINDER_TYPE_BINDER, 0x7000, 0x77, 0)],
        true,
    )[0];
    sim.release(s);
    let d = sim
        .write_read(sm, SM_TID2, Cmds::new().call(h, 1, b"x"), 256)
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::DeadReply]);
    let (id, cmd, param) = ee(&mut sim, sm, SM_TID2);
    assert!(id != 0);
    assert_eq!((cmd, param), (BR_DEAD_REPLY, EINVAL));
}

#[test]
fn unmapped_target_records_dead_reply_esrch() {
    // C: the allocator's -ESRCH becomes BR_DEAD_REPLY with that param.
    let mut sim = Sim::new();
    let m = sim.open(100, 1000);
    assert_eq!(sim.set_context_mgr(m, SM_TID), Ok(0));
    let c = sim.open_mapped(200, 10_001);
    let d = sim
        .write_read(c, CT, Cmds::new().call(0, 1, b"x"), 256)
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::DeadReply]);
    let (_, cmd, param) = ee(&mut sim, c, CT);
    assert_eq!((cmd, param), (BR_DEAD_REPLY, -Errno::ESRCH.0));
}

#[test]
fn too_large_transaction_records_failed_reply_enospc() {
    let World {
        mut sim, client, ..
    } = World::new();
    let big = vec![0x5a; VM_SIZE + 1];
    let d = sim
        .write_read(client, CT, Cmds::new().call(0, 1, &big), 256)
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::FailedReply]);
    let (id, cmd, param) = ee(&mut sim, client, CT);
    assert!(id != 0);
    assert_eq!((cmd, param), (BR_FAILED_REPLY, -Errno::ENOSPC.0));
}

#[test]
fn reply_without_a_transaction_stack_records_failed_reply_eproto() {
    let World {
        mut sim, client, ..
    } = World::new();
    let d = sim
        .write_read(client, CT, Cmds::new().reply(b"x"), 256)
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::FailedReply]);
    let (id, cmd, param) = ee(&mut sim, client, CT);
    assert!(id != 0);
    assert_eq!((cmd, param), (BR_FAILED_REPLY, -Errno::EPROTO.0));
}

#[test]
fn frozen_target_records_frozen_reply_with_param_0() {
    // C: binder_proc_transaction's BR_FROZEN_REPLY leaves return_error_param at 0.
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    assert_eq!(done(sim.freeze(client, CT2, 100, true, 0)), Ok(0));
    let d = sim
        .write_read(client, CT, Cmds::new().call(0, 1, b"x"), 256)
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::FrozenReply]);
    let (id, cmd, param) = ee(&mut sim, client, CT);
    assert!(id != 0);
    assert_eq!((cmd, param), (BR_FROZEN_REPLY, 0));
    assert!(sim.is_parked(sm, SM_TID));
}

#[test]
fn failed_reply_sets_the_callers_extended_error_and_leaves_the_repliers_br_ok() {
    // §2.B: if a reply fails, the original caller's thread records it; the replier only gets
    // BR_TRANSACTION_COMPLETE. Here the reply sends a strong HANDLE for a weak-only ref.
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let h = publish(
        &mut sim,
        sm,
        client,
        CT,
        &[(BINDER_TYPE_WEAK_BINDER, 0x6000, 0x66, 0)],
        true,
    )[0];
    assert_eq!(
        sim.info(sm).refs,
        vec![RefInfo {
            handle: h,
            strong: 0,
            weak: 1,
            dead: false,
            death: false
        }]
    );
    assert_eq!(ee(&mut sim, client, CT).1, BR_OK);
    sim.write_read(client, CT, Cmds::new().call(0, 1, b"get"), 256)
        .parked();
    let t = sim.wait(sm, SM_TID).ok().txn();
    let d = sim
        .write_read(
            sm,
            SM_TID,
            Cmds::new().free_buffer(t.buffer).reply_with(
                0,
                &obj_handle(BINDER_TYPE_HANDLE, h),
                &[0],
            ),
            256,
        )
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    let got = sim.wait(client, CT);
    assert_eq!(
        got.brs,
        vec![Br::Noop, Br::TransactionComplete, Br::FailedReply]
    );
    let (rid, cmd, param) = ee(&mut sim, sm, SM_TID);
    assert_eq!((cmd, param), (BR_OK, 0));
    assert_eq!(ee(&mut sim, client, CT), (rid, BR_FAILED_REPLY, EINVAL));
    assert_eq!(sim.ctx.transaction_count(), 0);
}

#[test]
fn reply_to_a_caller_that_left_is_complete_for_the_replier_with_br_ok() {
    // §2.E: the caller thread is gone (BR_DEAD_REPLY path); the replier gets COMPLETE only.
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write_read(client, CT, Cmds::new().call(0, 1, b"q"), 256)
        .parked();
    let t = sim.wait(sm, SM_TID).ok().txn();
    assert_eq!(sim.interrupt(client, CT).ret, Err(Errno::EINTR));
    assert_eq!(sim.thread_exit(client, CT), Ok(0));
    let d = sim
        .write_read(
            sm,
            SM_TID,
            Cmds::new().free_buffer(t.buffer).reply(b"a"),
            256,
        )
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    let (rid, cmd, param) = ee(&mut sim, sm, SM_TID);
    assert!(rid != 0);
    assert_eq!((cmd, param), (BR_OK, 0));
    assert!(sim.info(client).buffers.is_empty());
}

#[test]
fn extended_error_ids_increase_between_transactions() {
    let World {
        mut sim, client, ..
    } = World::new();
    let mut last = 0;
    for (i, handle) in [0u32, 9, 0, 0, 9].into_iter().enumerate() {
        sim.write_read(client, CT, Cmds::new().oneway(handle, i as u32, b"x"), 256)
            .done();
        let (id, cmd, param) = ee(&mut sim, client, CT);
        assert!(id > last, "transaction {i}: id {id} after {last}");
        if handle == 0 {
            assert_eq!((cmd, param), (BR_OK, 0));
        } else {
            assert_eq!((cmd, param), (BR_FAILED_REPLY, EINVAL));
        }
        last = id;
    }
}

#[test]
fn a_later_transaction_replaces_an_unread_failure() {
    // §2.B: every binder_transaction() starts by setting {id, BR_OK, 0}.
    let World {
        mut sim, client, ..
    } = World::new();
    let d = sim
        .write_read(client, CT, Cmds::new().oneway(9, 1, b"x"), 256)
        .done();
    assert_eq!(d.items(), vec![Br::FailedReply]);
    let d = sim
        .write_read(client, CT, Cmds::new().oneway(0, 1, b"x"), 256)
        .done();
    assert_eq!(d.items(), vec![Br::TransactionComplete]);
    let (id, cmd, param) = ee(&mut sim, client, CT);
    assert!(id != 0);
    assert_eq!((cmd, param), (BR_OK, 0));
}

#[test]
fn extended_error_bad_pointer_is_efault() {
    let World {
        mut sim, client, ..
    } = World::new();
    sim.write_read(client, CT, Cmds::new().oneway(9, 1, b"x"), 256)
        .done();
    assert_eq!(
        sim.ioctl(client, CT, BINDER_GET_EXTENDED_ERROR, BAD),
        Completion::Done(Err(Errno::EFAULT))
    );
}

#[test]
fn extended_error_is_per_thread() {
    let World {
        mut sim, client, ..
    } = World::new();
    sim.write_read(client, CT, Cmds::new().call(9, 1, b"x"), 256)
        .done();
    // Another thread of the same process has its own, untouched record.
    assert_eq!(ee(&mut sim, client, CT2), (0, BR_OK, 0));
    sim.write_read(client, CT2, Cmds::new().oneway(0, 1, b"x"), 256)
        .done();
    let (id2, cmd2, _) = ee(&mut sim, client, CT2);
    assert_eq!(cmd2, BR_OK);
    let (id1, cmd1, param1) = ee(&mut sim, client, CT);
    assert_eq!((cmd1, param1), (BR_FAILED_REPLY, EINVAL));
    assert!(id1 != 0 && id2 > id1);
}

// ---------------------------------------------------------------------------------------------
// 3. BINDER_GET_NODE_DEBUG_INFO
// ---------------------------------------------------------------------------------------------

/// `BINDER_GET_NODE_DEBUG_INFO` from `ptr`, with junk in the other input fields.
#[track_caller]
fn debug_info(sim: &mut Sim, p: ProcId, tid: Tid, ptr: u64) -> (u64, u64, u32, u32) {
    let arg = BinderNodeDebugInfo {
        ptr,
        cookie: 0xfeed,
        has_strong_ref: 7,
        has_weak_ref: 9,
    };
    let (r, b) = sim.ioctl_val(p, tid, BINDER_GET_NODE_DEBUG_INFO, &arg);
    assert_eq!(r, Ok(0));
    let o = BinderNodeDebugInfo::from_bytes(&b).unwrap();
    (o.ptr, o.cookie, o.has_strong_ref, o.has_weak_ref)
}

const NONE: (u64, u64, u32, u32) = (0, 0, 0, 0);

#[test]
fn node_debug_info_from_0_skips_the_managers_ptr_0_node() {
    // §2.B: the first node with ptr > info.ptr; the default manager node has ptr 0.
    assert_eq!(BINDER_GET_NODE_DEBUG_INFO, 0xC018_620B);
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    assert_eq!(sim.info(sm).nodes.len(), 1);
    assert_eq!(debug_info(&mut sim, sm, SM_TID2, 0), NONE);
    // A process with no nodes.
    assert_eq!(debug_info(&mut sim, client, CT, 0), NONE);

    // An _EXT manager node with a nonzero ptr is found, with both refs forced.
    let mut sim = Sim::new();
    let m = ext_mgr(&mut sim, 0, VM_SIZE);
    assert_eq!(
        debug_info(&mut sim, m, SM_TID2, 0),
        (MGR_PTR, MGR_COOKIE, 1, 1)
    );
    assert_eq!(debug_info(&mut sim, m, SM_TID2, MGR_PTR), NONE);
}

#[test]
fn node_debug_info_iterates_own_nodes_in_ptr_order() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let s = sim.open_mapped(S_PID, S_EUID);
    publish(
        &mut sim,
        sm,
        s,
        S_TID,
        &[
            (BINDER_TYPE_BINDER, 0x3000, 0x33, 0),
            (BINDER_TYPE_WEAK_BINDER, 0x1000, 0x11, 0),
            (BINDER_TYPE_BINDER, 0x2000, 0x22, 0),
        ],
        true,
    );
    let expect = [
        (0, (0x1000, 0x11, 0, 1)),
        (0x0fff, (0x1000, 0x11, 0, 1)),
        (0x1000, (0x2000, 0x22, 1, 1)),
        (0x1800, (0x2000, 0x22, 1, 1)),
        (0x2000, (0x3000, 0x33, 1, 1)),
        (0x3000, NONE),
        (0x3001, NONE),
        (u64::MAX, NONE),
    ];
    for (from, want) in expect {
        assert_eq!(debug_info(&mut sim, s, S_TID, from), want, "from {from:#x}");
    }
    // Walking it as libbinder would.
    let mut seen = Vec::new();
    let mut at = 0;
    loop {
        let (ptr, ..) = debug_info(&mut sim, s, S_TID, at);
        if ptr == 0 {
            break;
        }
        seen.push(ptr);
        at = ptr;
    }
    assert_eq!(seen, vec![0x1000, 0x2000, 0x3000]);
    // Only the owner's nodes: the manager holds refs to them, but owns only its ptr-0 node.
    assert_eq!(debug_info(&mut sim, sm, SM_TID2, 0), NONE);
    assert_eq!(debug_info(&mut sim, client, CT, 0), NONE);
}

#[test]
fn node_debug_info_reports_what_userspace_was_told_and_drops_erased_nodes() {
    let World { mut sim, sm, .. } = World::new();
    let s = sim.open_mapped(S_PID, S_EUID);
    sim.write(s, S_LOOPER, Cmds::new().enter_looper()).ok();
    let hs = publish(
        &mut sim,
        sm,
        s,
        S_TID,
        &[
            (BINDER_TYPE_BINDER, 0x1000, 0x11, 0),
            (BINDER_TYPE_BINDER, 0x2000, 0x22, 0),
        ],
        false,
    );
    // The manager keeps only a weak ref to 0x2000.
    sim.write(sm, SM_TID2, Cmds::new().increfs(hs[1]).release(hs[1]))
        .ok();
    // BR_RELEASE is queued but not yet read: has_strong_ref is still set.
    assert_eq!(debug_info(&mut sim, s, S_TID, 0x1000), (0x2000, 0x22, 1, 1));
    let d = sim.read(s, S_LOOPER).done();
    assert_eq!(d.items(), vec![Br::Release(0x2000, 0x22)]);
    assert_eq!(debug_info(&mut sim, s, S_TID, 0x1000), (0x2000, 0x22, 0, 1));
    // The last ref goes: after BR_DECREFS the node is erased and the walk skips it.
    sim.write(sm, SM_TID2, Cmds::new().decrefs(hs[1])).ok();
    let d = sim.read(s, S_LOOPER).done();
    assert_eq!(d.items(), vec![Br::Decrefs(0x2000, 0x22)]);
    assert_eq!(debug_info(&mut sim, s, S_TID, 0), (0x1000, 0x11, 1, 1));
    assert_eq!(debug_info(&mut sim, s, S_TID, 0x1000), NONE);
}

#[test]
fn node_debug_info_bad_pointer_is_efault() {
    let World { mut sim, sm, .. } = World::new();
    assert_eq!(
        sim.ioctl(sm, SM_TID2, BINDER_GET_NODE_DEBUG_INFO, BAD),
        Completion::Done(Err(Errno::EFAULT))
    );
}

// ---------------------------------------------------------------------------------------------
// 4. BINDER_GET_NODE_INFO_FOR_REF
// ---------------------------------------------------------------------------------------------

/// `BINDER_GET_NODE_INFO_FOR_REF` with `arg`; returns the result and the argument afterwards.
fn node_info_raw(
    sim: &mut Sim,
    p: ProcId,
    tid: Tid,
    arg: BinderNodeInfoForRef,
) -> (Result<i32, Errno>, BinderNodeInfoForRef) {
    let (r, b) = sim.ioctl_val(p, tid, BINDER_GET_NODE_INFO_FOR_REF, &arg);
    (r, BinderNodeInfoForRef::from_bytes(&b).unwrap())
}

/// The (strong, weak) counts the manager reads for `handle`.
#[track_caller]
fn counts(sim: &mut Sim, sm: ProcId, handle: u32) -> (u32, u32) {
    let arg = BinderNodeInfoForRef {
        handle,
        ..Default::default()
    };
    let (r, o) = node_info_raw(sim, sm, SM_TID2, arg);
    assert_eq!(r, Ok(0));
    assert_eq!(
        (o.handle, o.reserved1, o.reserved2, o.reserved3),
        (handle, 0, 0, 0)
    );
    (o.strong_count, o.weak_count)
}

#[test]
fn node_info_for_ref_is_for_the_context_manager_only() {
    assert_eq!(BINDER_GET_NODE_INFO_FOR_REF, 0xC018_620C);
    let arg = BinderNodeInfoForRef {
        handle: 1,
        ..Default::default()
    };
    // No manager at all.
    let mut sim = Sim::new();
    let p = sim.open(100, 1000);
    assert_eq!(node_info_raw(&mut sim, p, 1, arg), (Err(Errno::EPERM), arg));
    // A manager exists, but the caller is not it.
    let World {
        mut sim, client, ..
    } = World::new();
    for h in [0, 1] {
        let a = BinderNodeInfoForRef { handle: h, ..arg };
        assert_eq!(
            node_info_raw(&mut sim, client, CT, a),
            (Err(Errno::EPERM), a)
        );
    }
}

#[test]
fn node_info_for_ref_nonzero_fields_are_einval_before_the_manager_check() {
    // C and Rust both check the input fields first, then whether the caller is the manager.
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let base = BinderNodeInfoForRef {
        handle: 1,
        ..Default::default()
    };
    let bad = [
        BinderNodeInfoForRef {
            strong_count: 1,
            ..base
        },
        BinderNodeInfoForRef {
            weak_count: 1,
            ..base
        },
        BinderNodeInfoForRef {
            reserved1: 1,
            ..base
        },
        BinderNodeInfoForRef {
            reserved2: 0x8000_0000,
            ..base
        },
        BinderNodeInfoForRef {
            reserved3: 1,
            ..base
        },
    ];
    for a in bad {
        assert_eq!(
            node_info_raw(&mut sim, sm, SM_TID2, a),
            (Err(Errno::EINVAL), a)
        );
        assert_eq!(
            node_info_raw(&mut sim, client, CT, a),
            (Err(Errno::EINVAL), a)
        );
    }
}

#[test]
fn node_info_for_ref_unknown_handle_is_enoent() {
    // §4.1.9: the Rust driver answers ENOENT for a handle the manager does not hold.
    let World { mut sim, sm, .. } = World::new();
    for h in [0, 1, 0xffff_ffff] {
        let a = BinderNodeInfoForRef {
            handle: h,
            ..Default::default()
        };
        assert_eq!(
            node_info_raw(&mut sim, sm, SM_TID2, a),
            (Err(Errno::ENOENT), a)
        );
    }
}

#[test]
fn node_info_for_ref_bad_pointer_is_efault() {
    let World { mut sim, sm, .. } = World::new();
    assert_eq!(
        sim.ioctl(sm, SM_TID2, BINDER_GET_NODE_INFO_FOR_REF, BAD),
        Completion::Done(Err(Errno::EFAULT))
    );
}

#[test]
fn node_info_for_ref_counts_follow_holders_and_in_flight_buffers() {
    // Holders that keep strong and weak refs each add one to both counts (Rust: per-node
    // NodeRef counts); an in-flight transaction adds a strong count.
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let s = sim.open_mapped(S_PID, S_EUID);
    let h = publish(
        &mut sim,
        sm,
        s,
        S_TID,
        &[(BINDER_TYPE_BINDER, 0x7000, 0x77, 0)],
        true,
    )[0];
    assert_eq!(counts(&mut sim, sm, h), (1, 1));

    // The client gets the node too and keeps it strong and weak.
    let r = call_mgr(
        &mut sim,
        sm,
        client,
        CT,
        &obj_handle(BINDER_TYPE_HANDLE, h),
        &[0],
    )
    .txn();
    let hc = r.object(0).handle();
    assert_eq!(hc, 1);
    sim.write(
        client,
        CT,
        Cmds::new().acquire(hc).increfs(hc).free_buffer(r.buffer),
    )
    .ok();
    assert_eq!(counts(&mut sim, sm, h), (2, 2));
    sim.write(client, CT, Cmds::new().release(hc)).ok();
    assert_eq!(counts(&mut sim, sm, h), (1, 2));
    sim.write(client, CT, Cmds::new().decrefs(hc)).ok();
    assert!(sim.info(client).refs.is_empty());
    assert_eq!(counts(&mut sim, sm, h), (1, 1));

    // A oneway from the manager to the node holds a strong count until S frees its buffer.
    sim.write(sm, SM_TID2, Cmds::new().oneway(h, 5, b"hi")).ok();
    assert_eq!(counts(&mut sim, sm, h), (2, 1));
    sim.write(s, S_LOOPER, Cmds::new().enter_looper()).ok();
    let t = sim.read(s, S_LOOPER).done().txn();
    assert_eq!(counts(&mut sim, sm, h), (2, 1));
    sim.write(s, S_LOOPER, Cmds::new().free_buffer(t.buffer))
        .ok();
    assert_eq!(counts(&mut sim, sm, h), (1, 1));

    // The manager drops its strong ref: a weak-only handle still answers (the Rust driver
    // looks the handle up without requiring a strong ref).
    sim.write(sm, SM_TID2, Cmds::new().release(h)).ok();
    assert_eq!(counts(&mut sim, sm, h), (0, 1));
}

#[test]

fn node_info_for_ref_weak_count_ignores_strong_only_holders() {
    // §2.B: C reports weak_count = local_weak_refs (remote refs never count); the Rust driver
    // reports the node's weak NodeRef count, and a ref holding only strong counts has none.
    // Either way a holder with only a strong ref adds nothing to weak_count.
    let World { mut sim, sm, .. } = World::new();
    let s = sim.open_mapped(S_PID, S_EUID);
    let h = publish(
        &mut sim,
        sm,
        s,
        S_TID,
        &[(BINDER_TYPE_BINDER, 0x7000, 0x77, 0)],
        false,
    )[0];
    assert_eq!(sim.info(sm).refs[0].weak, 0);
    assert_eq!(sim.info(sm).refs[0].strong, 1);
    assert_eq!(counts(&mut sim, sm, h), (1, 0));
}

// ---------------------------------------------------------------------------------------------
// 5. Small ioctls and features
// ---------------------------------------------------------------------------------------------

#[test]
fn enable_oneway_spam_detection_reads_a_u32_and_bad_pointer_is_efault() {
    assert_eq!(BINDER_ENABLE_ONEWAY_SPAM_DETECTION, 0x4004_6210);
    let mut sim = Sim::new();
    let p = sim.open(100, 1000);
    for v in [1u32, 0, 0xffff_ffff] {
        assert_eq!(
            sim.ioctl_val(p, 1, BINDER_ENABLE_ONEWAY_SPAM_DETECTION, &v)
                .0,
            Ok(0)
        );
    }
    assert_eq!(
        sim.ioctl(p, 1, BINDER_ENABLE_ONEWAY_SPAM_DETECTION, BAD),
        Completion::Done(Err(Errno::EFAULT))
    );
}

#[test]
fn set_idle_timeout_and_idle_priority_are_einval() {
    // §1.6: not implemented.
    let mut sim = Sim::new();
    let p = sim.open(100, 1000);
    assert_eq!(
        sim.ioctl_val(p, 1, BINDER_SET_IDLE_TIMEOUT, &1000u64),
        (Err(Errno::EINVAL), 1000u64.to_ne_bytes().to_vec())
    );
    assert_eq!(
        sim.ioctl_val(p, 1, BINDER_SET_IDLE_PRIORITY, &-5i32),
        (Err(Errno::EINVAL), (-5i32).to_ne_bytes().to_vec())
    );
    assert_eq!(
        sim.ioctl(p, 1, BINDER_SET_IDLE_TIMEOUT, BAD),
        Completion::Done(Err(Errno::EINVAL))
    );
}

#[test]
fn features_are_the_three_optional_ones() {
    // §2.M: binderfs features/ files (transaction_report is the C driver's netlink report).
    assert_eq!(
        binder_driver::core::FEATURES,
        [
            "oneway_spam_detection",
            "extended_error",
            "freeze_notification"
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// 6. Two opens by one process
// ---------------------------------------------------------------------------------------------

#[test]
fn two_opens_by_one_pid_have_independent_nodes_and_handle_tables() {
    // §2.A: each open is its own binder_proc.
    let World { mut sim, sm, .. } = World::new();
    let a = sim.open_mapped(S_PID, S_EUID);
    let b = sim.open_mapped(S_PID, S_EUID);
    assert_ne!(a, b);
    assert_eq!((sim.info(a).pid, sim.info(b).pid), (S_PID, S_PID));
    // The same ptr (and thread id) in each open: two distinct nodes.
    let ha = publish(
        &mut sim,
        sm,
        a,
        S_TID,
        &[(BINDER_TYPE_BINDER, 0x1000, 0xa, 0)],
        false,
    )[0];
    let hb = publish(
        &mut sim,
        sm,
        b,
        S_TID,
        &[(BINDER_TYPE_BINDER, 0x1000, 0xb, 0)],
        false,
    )[0];
    assert_eq!((ha, hb), (1, 2));
    assert_eq!(sim.info(a).nodes[0].cookie, 0xa);
    assert_eq!(sim.info(b).nodes[0].cookie, 0xb);

    // Each gets the other's node: both call it handle 1 in their own table.
    for (me, other) in [(a, hb), (b, ha)] {
        let r = call_mgr(
            &mut sim,
            sm,
            me,
            S_TID,
            &obj_handle(BINDER_TYPE_HANDLE, other),
            &[0],
        )
        .txn();
        assert_eq!(r.object(0).hdr.type_, BINDER_TYPE_HANDLE);
        assert_eq!(r.object(0).handle(), 1);
        sim.write(me, S_TID, Cmds::new().acquire(1).free_buffer(r.buffer))
            .ok();
        assert_eq!(
            sim.info(me).refs,
            vec![RefInfo {
                handle: 1,
                strong: 1,
                weak: 0,
                dead: false,
                death: false
            }]
        );
    }
    // Handle 1 names a different node in each table.
    for (me, peer, cookie) in [(a, b, 0xb), (b, a, 0xa)] {
        let d = sim
            .write_read(me, S_TID, Cmds::new().oneway(1, 9, b"hi"), 256)
            .done();
        assert_eq!(d.items(), vec![Br::TransactionComplete]);
        sim.write(peer, S_LOOPER, Cmds::new().enter_looper()).ok();
        let t = sim.read(peer, S_LOOPER).done().txn();
        assert_eq!(
            (t.target_ptr, t.cookie, t.sender_euid),
            (0x1000, cookie, S_EUID)
        );
        sim.write(peer, S_LOOPER, Cmds::new().free_buffer(t.buffer))
            .ok();
    }
    // A handle in neither table.
    let d = sim
        .write_read(a, S_TID, Cmds::new().oneway(2, 9, b"hi"), 256)
        .done();
    assert_eq!(d.items(), vec![Br::FailedReply]);
}

#[test]
fn second_open_of_the_managers_pid_is_not_the_manager() {
    // §2.A/§2.E: handle 0 from any proc of the manager's pid fails; the other open is not
    // the manager for the manager-only ioctl; the context already has its manager.
    let World { mut sim, sm, .. } = World::new();
    let m2 = sim.open_mapped(100, 1000);
    let d = sim
        .write_read(m2, SM_TID2, Cmds::new().call(0, 1, b"x"), 256)
        .done();
    assert_eq!(d.brs, vec![Br::Noop, Br::FailedReply]);
    let (id, cmd, param) = ee(&mut sim, m2, SM_TID2);
    assert!(id != 0);
    assert_eq!((cmd, param), (BR_FAILED_REPLY, EINVAL));
    let arg = BinderNodeInfoForRef::default();
    assert_eq!(
        node_info_raw(&mut sim, m2, SM_TID2, arg).0,
        Err(Errno::EPERM)
    );
    assert_eq!(sim.set_context_mgr(m2, SM_TID2), Err(Errno::EBUSY));
    assert_eq!(debug_info(&mut sim, m2, SM_TID2, 0), NONE);
    assert!(sim.is_parked(sm, SM_TID));
}

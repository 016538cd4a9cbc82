//! File descriptors (`BINDER_TYPE_FD`, `BINDER_TYPE_FDA`) and scatter-gather buffers
//! (`BINDER_TYPE_PTR`, `BC_TRANSACTION_SG`/`BC_REPLY_SG`): kernel-binder.md §2.F (FD, FDA, PTR
//! rows), §2.E (sizes), §3 (alignment), §2.J (error mapping) and the extended error (§2.B).
mod common;
use common::*;

use binder_driver::core::{Errno, Files, ProcId, Tid};
use binder_driver::uapi::*;

// ---------------------------------------------------------------------------------------------
// Local helpers
// ---------------------------------------------------------------------------------------------

/// Process A is the context manager (`World::sm`, pid 100): its looper `SM_TID` stays parked
/// and `A_TID` sends. Process B is the client (pid 200): `CLIENT_TID` makes calls and
/// `B_LOOPER` is a looper that only reads when a test says so.
const A_TID: Tid = 102;
const B_LOOPER: Tid = 202;

/// B's node that accepts fds, and one that does not.
const FDS_PTR: u64 = 0xb000;
const FDS_COOKIE: u64 = 0xc000;
const PLAIN_PTR: u64 = 0xb100;
const PLAIN_COOKIE: u64 = 0xc100;

const CODE: u32 = 0x77;
/// File ids ("inodes") the tests open.
const F1: u64 = 1001;
const F2: u64 = 1002;
const F3: u64 = 1003;
/// A file B already has open at fd 0.
const B_FILE: u64 = 900;

/// Junk the sender leaves in an FD object's unused fields.
const PAD_FLAGS: u32 = 0x5a5a_5a5a;
const PAD_HI: u32 = 0xdead_beef;
/// Bytes around the objects in every payload; the tail makes `data_size` not a multiple of 8.
const HEAD: &[u8; 8] = b"HEADhead";
const TAIL: &[u8; 5] = b"TAIL!";

struct Fx {
    sim: Sim,
    a: ProcId,
    b: ProcId,
    /// A's handles to B's nodes.
    h_fds: u32,
    h_plain: u32,
}

/// B sends node `ptr` (with `flags`) to the manager, which keeps a strong ref; B acks the
/// increments. Returns A's handle.
fn publish(sim: &mut Sim, a: ProcId, b: ProcId, ptr: u64, cookie: u64, flags: u32) -> u32 {
    let obj = obj_binder(BINDER_TYPE_BINDER, ptr, cookie, flags);
    sim.write_read(
        b,
        CLIENT_TID,
        Cmds::new().transaction(0, 1, 0, &obj, &[0]),
        256,
    )
    .parked();
    let t = sim.wait(a, SM_TID).ok().txn();
    let h = t.object(0).handle();
    let d = sim
        .write_read(
            a,
            SM_TID,
            Cmds::new().acquire(h).free_buffer(t.buffer).reply(b""),
            256,
        )
        .done();
    assert_eq!(d.items(), vec![Br::TransactionComplete]);
    sim.read(a, SM_TID).parked();
    let r = sim.wait(b, CLIENT_TID).ok().clone();
    assert_eq!(
        r.items()[..3],
        [
            Br::Increfs(ptr, cookie),
            Br::Acquire(ptr, cookie),
            Br::TransactionComplete
        ]
    );
    let rep = r.txn();
    sim.write(
        b,
        CLIENT_TID,
        Cmds::new()
            .increfs_done(ptr, cookie)
            .acquire_done(ptr, cookie)
            .free_buffer(rep.buffer),
    )
    .ok();
    h
}

/// A (manager) and B (client) with B's two nodes known to A, B's looper entered but not
/// reading, and B holding `B_FILE` at fd 0.
fn fx() -> Fx {
    let World {
        mut sim,
        sm: a,
        client: b,
    } = World::new();
    let h_fds = publish(
        &mut sim,
        a,
        b,
        FDS_PTR,
        FDS_COOKIE,
        FLAT_BINDER_FLAG_ACCEPTS_FDS,
    );
    let h_plain = publish(&mut sim, a, b, PLAIN_PTR, PLAIN_COOKIE, 0);
    sim.write(b, B_LOOPER, Cmds::new().enter_looper()).ok();
    assert_eq!(sim.files.open(b, B_FILE), Ok(0));
    Fx {
        sim,
        a,
        b,
        h_fds,
        h_plain,
    }
}

/// An FD object as a sender writes it, with junk in its pad fields.
fn fd_obj(fd: u32, cookie: u64) -> Vec<u8> {
    let mut v = Vec::new();
    v.extend_from_slice(&BINDER_TYPE_FD.to_ne_bytes());
    v.extend_from_slice(&PAD_FLAGS.to_ne_bytes());
    v.extend_from_slice(&fd.to_ne_bytes());
    v.extend_from_slice(&PAD_HI.to_ne_bytes());
    v.extend_from_slice(&cookie.to_ne_bytes());
    v
}

/// An FD object as the receiver must see it: pads cleared, its own fd, the cookie kept.
fn fd_obj_rx(fd: u32, cookie: u64) -> Vec<u8> {
    let mut v = Vec::new();
    v.extend_from_slice(&BINDER_TYPE_FD.to_ne_bytes());
    v.extend_from_slice(&0u32.to_ne_bytes());
    v.extend_from_slice(&fd.to_ne_bytes());
    v.extend_from_slice(&0u32.to_ne_bytes());
    v.extend_from_slice(&cookie.to_ne_bytes());
    v
}

fn ptr_obj(buffer: u64, length: u64, parent: Option<(u64, u64)>) -> Vec<u8> {
    let (flags, (parent, parent_offset)) = match parent {
        Some(p) => (BINDER_BUFFER_FLAG_HAS_PARENT, p),
        None => (0, (0, 0)),
    };
    BinderBufferObject {
        hdr: BinderObjectHeader {
            type_: BINDER_TYPE_PTR,
        },
        flags,
        buffer,
        length,
        parent,
        parent_offset,
    }
    .as_bytes()
    .to_vec()
}

fn fda_obj(num_fds: u64, parent: u64, parent_offset: u64) -> Vec<u8> {
    BinderFdArrayObject {
        hdr: BinderObjectHeader {
            type_: BINDER_TYPE_FDA,
        },
        pad: 0,
        num_fds,
        parent,
        parent_offset,
    }
    .as_bytes()
    .to_vec()
}

/// `HEAD`, the objects back to back, `TAIL`; and the offsets of the objects.
fn pack(objs: &[Vec<u8>]) -> (Vec<u8>, Vec<u64>) {
    let mut d = HEAD.to_vec();
    let mut offs = Vec::new();
    for o in objs {
        offs.push(d.len() as u64);
        d.extend_from_slice(o);
    }
    d.extend_from_slice(TAIL);
    (d, offs)
}

/// `len` bytes of a pattern seeded by `seed`.
fn pattern(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i as u8).wrapping_mul(7).wrapping_add(seed))
        .collect()
}

fn align8(v: u64) -> u64 {
    (v + 7) & !7
}

/// The receiver address where the scatter-gather area of a delivered buffer starts.
fn sg_base(t: &Txn) -> u64 {
    t.buffer + align8(t.data.len() as u64) + 8 * t.offsets.len() as u64
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_ne_bytes(b[at..at + 8].try_into().unwrap())
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_ne_bytes(b[at..at + 4].try_into().unwrap())
}

fn ptr_at(t: &Txn, off: usize) -> BinderBufferObject {
    BinderBufferObject::from_bytes(&t.data[off..off + 40]).unwrap()
}

/// `BINDER_GET_EXTENDED_ERROR` from thread `tid` of `proc`.
fn ext_err(sim: &mut Sim, proc: ProcId, tid: Tid) -> BinderExtendedError {
    let (r, b) = sim.ioctl_val(
        proc,
        tid,
        BINDER_GET_EXTENDED_ERROR,
        &BinderExtendedError::default(),
    );
    assert_eq!(r, Ok(0));
    BinderExtendedError::from_bytes(&b).unwrap()
}

/// The read holds exactly the placeholder and one failure code.
#[track_caller]
fn failed(d: &Done) {
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.brs, vec![Br::Noop, Br::FailedReply]);
    assert_eq!(d.read_consumed, 8);
}

/// The extended error of a failure: a transaction id, `BR_FAILED_REPLY`, `-errno`.
#[track_caller]
fn failed_with(sim: &mut Sim, proc: ProcId, tid: Tid, e: Errno) {
    let ee = ext_err(sim, proc, tid);
    assert_ne!(ee.id, 0);
    assert_eq!((ee.command, ee.param), (BR_FAILED_REPLY, -e.0));
}

/// A's `A_TID` sends a `BC_TRANSACTION` to `handle` and reads (256 bytes of room).
fn a_send(fx: &mut Fx, handle: u32, flags: u32, data: &[u8], offs: &[u64]) -> Step {
    let c = Cmds::new().transaction(handle, CODE, flags, data, offs);
    fx.sim.write_read(fx.a, A_TID, c, 256)
}

/// A's `A_TID` sends a `BC_TRANSACTION_SG` to `handle` and reads.
fn a_send_sg(fx: &mut Fx, handle: u32, flags: u32, data: &[u8], offs: &[u64], bs: u64) -> Step {
    let c = Cmds::new().transaction_sg(handle, CODE, flags, data, offs, bs);
    fx.sim.write_read(fx.a, A_TID, c, 256)
}

/// A oneway from A that must be accepted: A reads only `BR_TRANSACTION_COMPLETE`.
#[track_caller]
fn a_oneway_ok(fx: &mut Fx, handle: u32, data: &[u8], offs: &[u64], sg: Option<u64>) {
    let d = match sg {
        None => a_send(fx, handle, TF_ONE_WAY, data, offs),
        Some(bs) => a_send_sg(fx, handle, TF_ONE_WAY, data, offs, bs),
    }
    .done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
}

/// B's looper reads one transaction.
#[track_caller]
fn b_takes(fx: &mut Fx) -> Txn {
    let d = fx.sim.read(fx.b, B_LOOPER).done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.brs.len(), 2, "{:?}", d.brs);
    d.txn()
}

/// Nothing of the failed transaction is left anywhere.
#[track_caller]
fn nothing_left(sim: &Sim, receiver: ProcId) {
    assert!(sim.info(receiver).buffers.is_empty());
    assert_eq!(sim.ctx.transaction_count(), 0);
    assert_eq!(sim.files.outstanding(), 0);
    assert!(sim.files.closed.is_empty());
}

/// The client (B) sends a `BC_TRANSACTION_SG` to the manager (handle 0) and reads.
fn client_sg(w: &mut World, data: &[u8], offs: &[u64], bs: u64) -> Step {
    let c = Cmds::new().transaction_sg(0, CODE, 0, data, offs, bs);
    w.sim.write_read(w.client, CLIENT_TID, c, 256)
}

/// A scatter-gather call from the client that the driver must refuse with `-EINVAL`.
#[track_caller]
fn client_sg_fails(w: &mut World, data: &[u8], offs: &[u64], bs: u64) {
    let d = client_sg(w, data, offs, bs).done();
    failed(&d);
    failed_with(&mut w.sim, w.client, CLIENT_TID, Errno::EINVAL);
    nothing_left(&w.sim, w.sm);
    assert!(w.sim.is_parked(w.sm, SM_TID));
}

/// A scatter-gather call from the client that must be delivered; returns it as the manager's
/// looper sees it.
#[track_caller]
fn client_sg_ok(w: &mut World, data: &[u8], offs: &[u64], bs: u64) -> Txn {
    client_sg(w, data, offs, bs).parked();
    let d = w.sim.wait(w.sm, SM_TID);
    assert_eq!(d.ret, Ok(0));
    let t = d.txn();
    assert_eq!(t.offsets, offs);
    t
}

// ---------------------------------------------------------------------------------------------
// 1. BINDER_TYPE_FD (§2.F FD row, §2.J)
// ---------------------------------------------------------------------------------------------

#[test]
fn node_sent_with_accepts_fds_keeps_the_flag() {
    let fx = fx();
    let nodes = fx.sim.info(fx.b).nodes;
    let flags: Vec<(u64, u32)> = nodes.iter().map(|n| (n.ptr, n.flags)).collect();
    assert_eq!(
        flags,
        vec![(FDS_PTR, FLAT_BINDER_FLAG_ACCEPTS_FDS), (PLAIN_PTR, 0)]
    );
}

/// A read that stops for the host to install files hands their references over: if the
/// reader goes away before the host answers, the references are the host's to drop, not the
/// core's (it put them a second time: found by `fuzz/` target `core`).
#[test]
fn references_handed_for_an_install_stay_the_hosts_when_the_reader_goes() {
    let mut fx = fx();
    fx.sim.hold_installs = true;
    let fd = fx.sim.files.open(fx.a, F1).unwrap();
    let (d, o) = pack(&[fd_obj(fd, 5)]);
    let h = fx.h_fds;
    a_oneway_ok(&mut fx, h, &d, &o, None);
    assert!(matches!(fx.sim.read(fx.b, B_LOOPER), Step::Installing));
    let (_, _, handed) = fx.sim.held_installs.pop().expect("an install asked for");
    assert_eq!(handed.len(), 1);
    // The reader's process goes; then the host drops what it was handed.
    let b = fx.b;
    fx.sim.release(b);
    for f in handed {
        fx.sim.files.put_file(f);
    }
    assert_eq!(fx.sim.files.outstanding(), 0);
}

#[test]
fn fd_to_a_node_without_accepts_fds_is_failed_reply_eperm() {
    let mut fx = fx();
    let fd = fx.sim.files.open(fx.a, F1).unwrap();
    let (d, o) = pack(&[fd_obj(fd, 5)]);
    let h = fx.h_plain;
    let r = a_send(&mut fx, h, 0, &d, &o).done();
    failed(&r);
    assert_eq!(r.write_consumed, 4 + 64);
    failed_with(&mut fx.sim, fx.a, A_TID, Errno::EPERM);
    nothing_left(&fx.sim, fx.b);
    assert_eq!(fx.sim.files.open_count(fx.b), 1);
}

#[test]
fn fd_to_a_node_without_accepts_fds_fails_for_oneways_too() {
    let mut fx = fx();
    let fd = fx.sim.files.open(fx.a, F1).unwrap();
    let (d, o) = pack(&[fd_obj(fd, 5)]);
    let h = fx.h_plain;
    failed(&a_send(&mut fx, h, TF_ONE_WAY, &d, &o).done());
    failed_with(&mut fx.sim, fx.a, A_TID, Errno::EPERM);
    nothing_left(&fx.sim, fx.b);
}

#[test]
fn fd_to_the_context_manager_node_created_without_flags_is_failed_reply() {
    // BINDER_SET_CONTEXT_MGR creates the node with flags 0 (§2.B), so it refuses fds.
    let mut w = World::new();
    let fd = w.sim.files.open(w.client, F1).unwrap();
    let (d, o) = pack(&[fd_obj(fd, 5)]);
    let r = w
        .sim
        .write_read(
            w.client,
            CLIENT_TID,
            Cmds::new().transaction(0, CODE, TF_ACCEPT_FDS, &d, &o),
            256,
        )
        .done();
    failed(&r);
    failed_with(&mut w.sim, w.client, CLIENT_TID, Errno::EPERM);
    nothing_left(&w.sim, w.sm);
}

#[test]
fn fd_not_open_in_the_sender_is_failed_reply_ebadf() {
    let mut fx = fx();
    fx.sim.files.open(fx.a, F1).unwrap(); // fd 0; fd 7 is not open
    let (d, o) = pack(&[fd_obj(7, 5)]);
    let h = fx.h_fds;
    failed(&a_send(&mut fx, h, 0, &d, &o).done());
    failed_with(&mut fx.sim, fx.a, A_TID, Errno::EBADF);
    nothing_left(&fx.sim, fx.b);
}

#[test]
fn fd_becomes_a_new_receiver_fd_naming_the_same_file() {
    let mut fx = fx();
    fx.sim.files.open(fx.a, F3).unwrap();
    let fd = fx.sim.files.open(fx.a, F1).unwrap();
    assert_eq!(fd, 1);
    let (d, o) = pack(&[fd_obj(fd, 0x1122_3344_5566_7788)]);
    let h = fx.h_fds;
    a_send(&mut fx, h, 0, &d, &o).parked();
    let t = b_takes(&mut fx);
    assert_eq!(
        (t.target_ptr, t.cookie, t.code, t.flags),
        (FDS_PTR, FDS_COOKIE, CODE, 0)
    );
    // B had fd 0 open: the new fd is 1; pads are cleared, the cookie kept, the rest verbatim.
    let (want, _) = pack(&[fd_obj_rx(1, 0x1122_3344_5566_7788)]);
    assert_eq!(t.data, want);
    assert_eq!(t.offsets, o);
    assert_eq!(fx.sim.files.file(fx.b, 1), Some(F1));
    assert_eq!(fx.sim.files.open_count(fx.b), 2);
    // The sender keeps its own fd.
    assert_eq!(fx.sim.files.file(fx.a, fd), Some(F1));
    assert_eq!(fx.sim.files.outstanding(), 0);
}

#[test]
fn fds_take_the_lowest_free_receiver_fds_in_object_order() {
    let mut fx = fx();
    // B's table: {0, 2}; holes at 1 and 3.
    fx.sim.files.open(fx.b, 901).unwrap();
    fx.sim.files.open(fx.b, 902).unwrap();
    fx.sim.files.close_fd(fx.b, 1);
    fx.sim.files.closed.clear();
    let f1 = fx.sim.files.open(fx.a, F1).unwrap();
    let f2 = fx.sim.files.open(fx.a, F2).unwrap();
    let (d, o) = pack(&[fd_obj(f2, 2), fd_obj(f1, 1), fd_obj(f2, 3)]);
    let h = fx.h_fds;
    a_oneway_ok(&mut fx, h, &d, &o, None);
    let t = b_takes(&mut fx);
    let (want, _) = pack(&[fd_obj_rx(1, 2), fd_obj_rx(3, 1), fd_obj_rx(4, 3)]);
    assert_eq!(t.data, want);
    assert_eq!(fx.sim.files.file(fx.b, 1), Some(F2));
    assert_eq!(fx.sim.files.file(fx.b, 3), Some(F1));
    assert_eq!(fx.sim.files.file(fx.b, 4), Some(F2));
    assert_eq!(fx.sim.files.open_count(fx.b), 5);
}

#[test]
fn fd_is_installed_when_the_receiver_reads_not_before() {
    let mut fx = fx();
    let fd = fx.sim.files.open(fx.a, F1).unwrap();
    let (d, o) = pack(&[fd_obj(fd, 9)]);
    let h = fx.h_fds;
    a_send(&mut fx, h, 0, &d, &o).parked();
    // Queued in B: the driver holds the file, B's table is untouched.
    assert_eq!(fx.sim.files.outstanding(), 1);
    assert_eq!(fx.sim.files.open_count(fx.b), 1);
    assert_eq!(fx.sim.files.file(fx.b, 1), None);
    assert_eq!(fx.sim.info(fx.b).buffers.len(), 1);
    assert!(!fx.sim.info(fx.b).buffers[0].delivered);
    let t = b_takes(&mut fx);
    assert_eq!(u32_at(&t.data, 8 + 8), 1);
    assert_eq!(fx.sim.files.outstanding(), 0);
    assert_eq!(fx.sim.files.open_count(fx.b), 2);
    assert_eq!(fx.sim.files.file(fx.b, 1), Some(F1));
}

#[test]
fn free_buffer_does_not_close_plain_fd_objects() {
    let mut fx = fx();
    let fd = fx.sim.files.open(fx.a, F1).unwrap();
    let (d, o) = pack(&[fd_obj(fd, 9)]);
    let h = fx.h_fds;
    a_send(&mut fx, h, 0, &d, &o).parked();
    let t = b_takes(&mut fx);
    let (b, a) = (fx.b, fx.a);
    let r = fx
        .sim
        .write_read(
            b,
            B_LOOPER,
            Cmds::new().free_buffer(t.buffer).reply(b"ok"),
            256,
        )
        .done();
    assert_eq!(r.items(), vec![Br::TransactionComplete]);
    assert!(fx.sim.info(b).buffers.is_empty());
    assert!(fx.sim.files.closed.is_empty());
    assert_eq!(fx.sim.files.file(b, 1), Some(F1));
    let r = fx.sim.wait(a, A_TID);
    assert_eq!(r.items()[0], Br::TransactionComplete);
    assert_eq!(r.txn().data, b"ok");
    assert_eq!(fx.sim.files.outstanding(), 0);
}

/// B calls the manager with `flags`; the manager answers with one FD object. Returns the
/// replier's read.
fn manager_replies_with_fd(fx: &mut Fx, flags: u32, fd: u32) -> Done {
    let (a, b) = (fx.a, fx.b);
    fx.sim
        .write_read(
            b,
            CLIENT_TID,
            Cmds::new().transaction(0, CODE, flags, b"q", &[]),
            256,
        )
        .parked();
    let t = fx.sim.wait(a, SM_TID).txn();
    assert_eq!(t.flags, flags);
    let (d, o) = pack(&[fd_obj(fd, 0x44)]);
    fx.sim
        .write_read(
            a,
            SM_TID,
            Cmds::new().free_buffer(t.buffer).reply_with(0, &d, &o),
            256,
        )
        .done()
}

#[test]
fn fd_in_a_reply_without_tf_accept_fds_fails_to_the_caller() {
    let mut fx = fx();
    let fd = fx.sim.files.open(fx.a, F1).unwrap();
    let r = manager_replies_with_fd(&mut fx, 0, fd);
    // The replier's part is done; the caller gets the failure.
    assert_eq!(r.ret, Ok(0));
    assert_eq!(r.brs, vec![Br::Noop, Br::TransactionComplete]);
    let c = fx.sim.wait(fx.b, CLIENT_TID);
    assert_eq!(
        c.brs,
        vec![Br::Noop, Br::TransactionComplete, Br::FailedReply]
    );
    // Both threads' extended errors name the reply: OK for the replier, EPERM for the caller.
    let (a, b) = (fx.a, fx.b);
    let ra = ext_err(&mut fx.sim, a, SM_TID);
    let rb = ext_err(&mut fx.sim, b, CLIENT_TID);
    assert_ne!(ra.id, 0);
    assert_eq!((ra.command, ra.param), (BR_OK, 0));
    assert_eq!(
        rb,
        BinderExtendedError {
            id: ra.id,
            command: BR_FAILED_REPLY,
            param: -Errno::EPERM.0
        }
    );
    assert!(fx.sim.info(b).buffers.is_empty());
    assert_eq!(fx.sim.files.outstanding(), 0);
    assert_eq!(fx.sim.files.open_count(b), 1);
    assert_eq!(fx.sim.ctx.transaction_count(), 0);
}

#[test]
fn fd_in_a_reply_to_a_call_with_tf_accept_fds_reaches_the_caller() {
    let mut fx = fx();
    let fd = fx.sim.files.open(fx.a, F2).unwrap();
    let r = manager_replies_with_fd(&mut fx, TF_ACCEPT_FDS, fd);
    assert_eq!(r.brs, vec![Br::Noop, Br::TransactionComplete]);
    // The reply carries a file, so the read that delivered BR_TRANSACTION_COMPLETE ends
    // before it; the next read installs the file and delivers it.
    let b = fx.b;
    let c = fx.sim.wait(b, CLIENT_TID);
    assert_eq!(c.brs, vec![Br::Noop, Br::TransactionComplete]);
    assert_eq!(fx.sim.files.outstanding(), 1);
    assert_eq!(fx.sim.files.open_count(b), 1);
    let c = fx.sim.read(b, CLIENT_TID).done();
    assert_eq!(c.brs.len(), 2);
    assert!(matches!(c.brs[1], Br::Reply(_)));
    let t = c.txn();
    let (want, _) = pack(&[fd_obj_rx(1, 0x44)]);
    assert_eq!(t.data, want);
    assert_eq!(fx.sim.files.file(b, 1), Some(F2));
    assert_eq!(fx.sim.files.outstanding(), 0);
    fx.sim
        .write(b, CLIENT_TID, Cmds::new().free_buffer(t.buffer))
        .ok();
    assert!(fx.sim.files.closed.is_empty());
    assert_eq!(fx.sim.files.file(b, 1), Some(F2));
}

#[test]
fn fd_install_failure_on_a_call_fails_back_to_the_sender() {
    let mut fx = fx();
    let fd = fx.sim.files.open(fx.a, F1).unwrap();
    let (d, o) = pack(&[fd_obj(fd, 9)]);
    let h = fx.h_fds;
    a_send(&mut fx, h, 0, &d, &o).parked();
    let (a, b) = (fx.a, fx.b);
    fx.sim.files.limits.insert(b, 1); // EMFILE
                                      // B never sees the transaction: its read goes on and parks.
    fx.sim.read(b, B_LOOPER).parked();
    let r = fx.sim.wait(a, A_TID);
    assert_eq!(r.ret, Ok(0));
    assert_eq!(
        r.brs,
        vec![Br::Noop, Br::TransactionComplete, Br::FailedReply]
    );
    nothing_left(&fx.sim, b);
    assert_eq!(fx.sim.files.open_count(b), 1);
    assert_eq!(fx.sim.files.file(b, 1), None);
    assert!(fx.sim.is_parked(b, B_LOOPER));
}

#[test]
fn fd_install_failure_on_a_reply_reads_failed_reply_instead_of_br_reply() {
    let mut fx = fx();
    let fd = fx.sim.files.open(fx.a, F1).unwrap();
    let r = manager_replies_with_fd(&mut fx, TF_ACCEPT_FDS, fd);
    assert_eq!(r.brs, vec![Br::Noop, Br::TransactionComplete]);
    let b = fx.b;
    let c = fx.sim.wait(b, CLIENT_TID);
    assert_eq!(c.brs, vec![Br::Noop, Br::TransactionComplete]);
    fx.sim.files.limits.insert(b, 1);
    let c = fx.sim.read(b, CLIENT_TID).done();
    assert_eq!(c.ret, Ok(0));
    assert_eq!(c.brs, vec![Br::Noop, Br::FailedReply]);
    nothing_left(&fx.sim, b);
    assert_eq!(fx.sim.files.open_count(b), 1);
}

#[test]
fn fd_install_failure_on_a_oneway_drops_it_silently() {
    let mut fx = fx();
    let fd = fx.sim.files.open(fx.a, F1).unwrap();
    let (d, o) = pack(&[fd_obj(fd, 9)]);
    let h = fx.h_fds;
    a_oneway_ok(&mut fx, h, &d, &o, None);
    let (a, b) = (fx.a, fx.b);
    fx.sim.files.limits.insert(b, 1);
    fx.sim.read(b, B_LOOPER).parked();
    nothing_left(&fx.sim, b);
    assert_eq!(fx.sim.files.open_count(b), 1);
    // Nothing reaches the sender.
    assert!(!fx.sim.poll(a, A_TID));
    // The node's oneway slot was released: the next oneway is delivered.
    a_oneway_ok(&mut fx, h, b"next", &[], None);
    let t = fx.sim.wait(b, B_LOOPER).txn();
    assert_eq!(t.data, b"next");
    assert_eq!(t.flags, TF_ONE_WAY);
}

#[test]
fn fd_followed_by_a_bad_object_leaks_no_file_reference() {
    let mut fx = fx();
    let fd = fx.sim.files.open(fx.a, F1).unwrap();
    let mut bad = fd_obj(fd, 1);
    bad[..4].copy_from_slice(&0x1234_5678u32.to_ne_bytes());
    let (d, o) = pack(&[fd_obj(fd, 1), bad]);
    let h = fx.h_fds;
    failed(&a_send(&mut fx, h, 0, &d, &o).done());
    failed_with(&mut fx.sim, fx.a, A_TID, Errno::EINVAL);
    nothing_left(&fx.sim, fx.b);
    assert_eq!(fx.sim.files.open_count(fx.b), 1);
}

#[test]
fn fd_followed_by_a_bad_fd_leaks_no_file_reference() {
    let mut fx = fx();
    let fd = fx.sim.files.open(fx.a, F1).unwrap();
    let (d, o) = pack(&[fd_obj(fd, 1), fd_obj(fd, 2), fd_obj(33, 3)]);
    let h = fx.h_fds;
    failed(&a_send(&mut fx, h, TF_ONE_WAY, &d, &o).done());
    failed_with(&mut fx.sim, fx.a, A_TID, Errno::EBADF);
    nothing_left(&fx.sim, fx.b);
}

#[test]

// §2.L/§2.F: a queued transaction released with its target drops the files it holds.
fn receiver_dying_with_an_undelivered_fd_oneway_leaks_no_file_reference() {
    let mut fx = fx();
    let fd = fx.sim.files.open(fx.a, F1).unwrap();
    let (d, o) = pack(&[fd_obj(fd, 1), fd_obj(fd, 2)]);
    let h = fx.h_fds;
    a_oneway_ok(&mut fx, h, &d, &o, None);
    assert_eq!(fx.sim.files.outstanding(), 2);
    fx.sim.release(fx.b);
    assert_eq!(fx.sim.files.outstanding(), 0);
    assert_eq!(fx.sim.ctx.transaction_count(), 0);
}

#[test]

// §2.L/§2.F: a queued transaction released with its target drops the files it holds.
fn receiver_dying_with_an_undelivered_fd_call_gives_dead_reply_and_leaks_nothing() {
    let mut fx = fx();
    let fd = fx.sim.files.open(fx.a, F1).unwrap();
    let (d, o) = pack(&[fd_obj(fd, 1)]);
    let h = fx.h_fds;
    a_send(&mut fx, h, 0, &d, &o).parked();
    assert_eq!(fx.sim.files.outstanding(), 1);
    fx.sim.release(fx.b);
    let r = fx.sim.wait(fx.a, A_TID);
    assert_eq!(
        r.brs,
        vec![Br::Noop, Br::TransactionComplete, Br::DeadReply]
    );
    assert_eq!(fx.sim.files.outstanding(), 0);
    assert_eq!(fx.sim.ctx.transaction_count(), 0);
}

// ---------------------------------------------------------------------------------------------
// 2. Extended error (§2.B BINDER_GET_EXTENDED_ERROR)
// ---------------------------------------------------------------------------------------------

#[test]
fn extended_error_after_success_is_ok_and_reading_resets_it() {
    let mut fx = fx();
    let fd = fx.sim.files.open(fx.a, F1).unwrap();
    let (d, o) = pack(&[fd_obj(fd, 1)]);
    let h = fx.h_fds;
    a_oneway_ok(&mut fx, h, &d, &o, None);
    let a = fx.a;
    let ok = ext_err(&mut fx.sim, a, A_TID);
    assert_ne!(ok.id, 0);
    assert_eq!((ok.command, ok.param), (BR_OK, 0));
    // Reading resets it.
    assert_eq!(
        ext_err(&mut fx.sim, a, A_TID),
        BinderExtendedError {
            id: 0,
            command: BR_OK,
            param: 0
        }
    );
    // A failure right after names the next transaction.
    let h = fx.h_plain;
    failed(&a_send(&mut fx, h, TF_ONE_WAY, &d, &o).done());
    let e1 = ext_err(&mut fx.sim, a, A_TID);
    assert_eq!(
        e1,
        BinderExtendedError {
            id: ok.id + 1,
            command: BR_FAILED_REPLY,
            param: -Errno::EPERM.0
        }
    );
    // A new transaction replaces the error; another failure names its own id.
    failed(&a_send(&mut fx, h, TF_ONE_WAY, &d, &o).done());
    let h = fx.h_fds;
    failed(&a_send_sg(&mut fx, h, TF_ONE_WAY, &d, &o, 4).done());
    let e2 = ext_err(&mut fx.sim, a, A_TID);
    assert_eq!(
        e2,
        BinderExtendedError {
            id: ok.id + 3,
            command: BR_FAILED_REPLY,
            param: -Errno::EINVAL.0
        }
    );
    // Other threads are unaffected.
    let b = fx.b;
    assert_eq!(
        ext_err(&mut fx.sim, b, B_LOOPER),
        BinderExtendedError {
            id: 0,
            command: BR_OK,
            param: 0
        }
    );
}

// ---------------------------------------------------------------------------------------------
// 3. Scatter-gather: BINDER_TYPE_PTR (§2.F PTR row, §2.E sizes, §3 alignment)
// ---------------------------------------------------------------------------------------------

#[test]
fn ptr_buffers_are_copied_after_data_and_offsets_each_8_aligned() {
    let mut w = World::new();
    let p1 = pattern(13, 1);
    let p2 = pattern(24, 2);
    let p3 = pattern(1, 3);
    let a1 = w.sim.put(w.client, &p1);
    let a2 = w.sim.put(w.client, &p2);
    let a3 = w.sim.put(w.client, &p3);
    let (d, o) = pack(&[
        ptr_obj(a1, 13, None),
        ptr_obj(a2, 24, None),
        ptr_obj(a3, 1, None),
    ]);
    // 16 + 24 + 8: exactly the room needed.
    let t = client_sg_ok(&mut w, &d, &o, 48);
    assert_eq!(d.len(), 8 + 3 * 40 + 5);
    let base = sg_base(&t);
    assert_eq!(base, t.buffer + 136 + 24);
    let want = [(base, 13, &p1), (base + 16, 24, &p2), (base + 40, 1, &p3)];
    for (i, (addr, len, bytes)) in want.into_iter().enumerate() {
        let obj = ptr_at(&t, o[i] as usize);
        assert_eq!(obj.hdr.type_, BINDER_TYPE_PTR);
        assert_eq!(
            (
                obj.flags,
                obj.buffer,
                obj.length,
                obj.parent,
                obj.parent_offset
            ),
            (0, addr, len, 0, 0)
        );
        assert_eq!(w.sim.rx_bytes(w.sm, addr, len as usize), *bytes);
    }
    // Bytes outside the objects are verbatim.
    assert_eq!(&t.data[..8], HEAD);
    assert_eq!(&t.data[128..], TAIL);
    // The buffer holds data, offsets and the scatter-gather area.
    let info = w.sim.info(w.sm);
    assert_eq!(info.buffers.len(), 1);
    assert_eq!(info.buffers[0].size, 136 + 24 + 48);
}

#[test]
fn ptr_child_pointer_is_patched_into_the_parent_copy() {
    let mut w = World::new();
    let parent = pattern(32, 10);
    let child = pattern(20, 20);
    let pa = w.sim.put(w.client, &parent);
    let ca = w.sim.put(w.client, &child);
    let (d, o) = pack(&[ptr_obj(pa, 32, None), ptr_obj(ca, 20, Some((0, 8)))]);
    let t = client_sg_ok(&mut w, &d, &o, 32 + 24);
    let base = sg_base(&t);
    let child_addr = base + 32;
    let c = ptr_at(&t, o[1] as usize);
    assert_eq!(
        (c.flags, c.buffer, c.length, c.parent, c.parent_offset),
        (BINDER_BUFFER_FLAG_HAS_PARENT, child_addr, 20, 0, 8)
    );
    assert_eq!(ptr_at(&t, o[0] as usize).buffer, base);
    let got = w.sim.rx_bytes(w.sm, base, 32);
    assert_eq!(got[..8], parent[..8]);
    assert_eq!(u64_at(&got, 8), child_addr);
    assert_eq!(got[16..], parent[16..]);
    assert_eq!(w.sim.rx_bytes(w.sm, child_addr, 20), child);
    // The sender's parent is untouched.
    assert_eq!(w.sim.peek(w.client, pa, 32), parent);
}

#[test]
fn reply_sg_copies_ptr_buffers_into_the_callers_buffer() {
    let mut w = World::new();
    w.sim
        .write_read(w.client, CLIENT_TID, Cmds::new().call(0, CODE, b"q"), 256)
        .parked();
    let t = w.sim.wait(w.sm, SM_TID).txn();
    let parent = pattern(16, 30);
    let child = pattern(8, 40);
    let pa = w.sim.put(w.sm, &parent);
    let ca = w.sim.put(w.sm, &child);
    let (d, o) = pack(&[ptr_obj(pa, 16, None), ptr_obj(ca, 8, Some((0, 0)))]);
    let r = w
        .sim
        .write_read(
            w.sm,
            SM_TID,
            Cmds::new().free_buffer(t.buffer).reply_sg(0, &d, &o, 24),
            256,
        )
        .done();
    assert_eq!(r.items(), vec![Br::TransactionComplete]);
    let c = w.sim.wait(w.client, CLIENT_TID);
    assert_eq!(c.items()[0], Br::TransactionComplete);
    let rep = c.txn();
    assert!(matches!(c.brs.last(), Some(Br::Reply(_))));
    let base = sg_base(&rep);
    assert!(base >= MAP_ADDR);
    assert_eq!(ptr_at(&rep, o[0] as usize).buffer, base);
    assert_eq!(ptr_at(&rep, o[1] as usize).buffer, base + 16);
    let got = w.sim.rx_bytes(w.client, base, 24);
    assert_eq!(u64_at(&got, 0), base + 16);
    assert_eq!(got[8..16], parent[8..]);
    assert_eq!(got[16..], child[..]);
}

#[test]
fn buffers_size_not_a_multiple_of_8_is_failed_reply() {
    let mut w = World::new();
    let p = pattern(8, 1);
    let pa = w.sim.put(w.client, &p);
    let (d, o) = pack(&[ptr_obj(pa, 8, None)]);
    client_sg_fails(&mut w, &d, &o, 12);
    // Even without objects.
    client_sg_fails(&mut w, b"data", &[], 4);
}

#[test]
fn ptr_longer_than_the_remaining_sg_space_is_failed_reply() {
    let mut w = World::new();
    let p = pattern(40, 1);
    let pa = w.sim.put(w.client, &p);
    // ALIGN(17, 8) = 24 does not fit in 16.
    let (d, o) = pack(&[ptr_obj(pa, 17, None)]);
    client_sg_fails(&mut w, &d, &o, 16);
    // The second buffer finds only 8 of its 16 bytes left.
    let (d, o) = pack(&[ptr_obj(pa, 16, None), ptr_obj(pa, 9, None)]);
    client_sg_fails(&mut w, &d, &o, 24);
    // The same two fit in 32.
    let t = client_sg_ok(&mut w, &d, &o, 32);
    assert_eq!(ptr_at(&t, o[1] as usize).buffer, sg_base(&t) + 16);
}

#[test]
fn ptr_in_a_plain_bc_transaction_is_failed_reply() {
    let mut w = World::new();
    let p = pattern(8, 1);
    let pa = w.sim.put(w.client, &p);
    let (d, o) = pack(&[ptr_obj(pa, 8, None)]);
    let r = w
        .sim
        .write_read(
            w.client,
            CLIENT_TID,
            Cmds::new().transaction(0, CODE, 0, &d, &o),
            256,
        )
        .done();
    failed(&r);
    failed_with(&mut w.sim, w.client, CLIENT_TID, Errno::EINVAL);
    nothing_left(&w.sim, w.sm);
}

#[test]
fn ptr_parent_must_be_an_earlier_ptr_object() {
    let mut w = World::new();
    let p = pattern(16, 1);
    let pa = w.sim.put(w.client, &p);
    // Out of range.
    let (d, o) = pack(&[ptr_obj(pa, 16, None), ptr_obj(pa, 8, Some((5, 0)))]);
    client_sg_fails(&mut w, &d, &o, 24);
    // Itself.
    let (d, o) = pack(&[ptr_obj(pa, 16, None), ptr_obj(pa, 8, Some((1, 0)))]);
    client_sg_fails(&mut w, &d, &o, 24);
    // A later object.
    let (d, o) = pack(&[ptr_obj(pa, 8, Some((1, 0))), ptr_obj(pa, 16, None)]);
    client_sg_fails(&mut w, &d, &o, 24);
    // The first object has no earlier parent at all.
    let (d, o) = pack(&[ptr_obj(pa, 8, Some((0, 0)))]);
    client_sg_fails(&mut w, &d, &o, 8);
}

#[test]
fn ptr_parent_that_is_not_a_ptr_object_is_failed_reply() {
    let mut fx = fx();
    let fd = fx.sim.files.open(fx.a, F1).unwrap();
    let p = pattern(24, 1);
    let pa = fx.sim.put(fx.a, &p);
    let (d, o) = pack(&[fd_obj(fd, 1), ptr_obj(pa, 8, Some((0, 0)))]);
    let h = fx.h_fds;
    failed(&a_send_sg(&mut fx, h, 0, &d, &o, 8).done());
    failed_with(&mut fx.sim, fx.a, A_TID, Errno::EINVAL);
    nothing_left(&fx.sim, fx.b);
}

#[test]
fn ptr_parent_offset_must_leave_room_for_a_pointer() {
    let mut w = World::new();
    let p = pattern(16, 1);
    let pa = w.sim.put(w.client, &p);
    // 9 + 8 > 16.
    let (d, o) = pack(&[ptr_obj(pa, 16, None), ptr_obj(pa, 8, Some((0, 9)))]);
    client_sg_fails(&mut w, &d, &o, 24);
    // Far beyond the parent.
    let (d, o) = pack(&[
        ptr_obj(pa, 16, None),
        ptr_obj(pa, 8, Some((0, u64::MAX - 4))),
    ]);
    client_sg_fails(&mut w, &d, &o, 24);
    // 8 + 8 = 16 is the last slot that fits.
    let (d, o) = pack(&[ptr_obj(pa, 16, None), ptr_obj(pa, 8, Some((0, 8)))]);
    let t = client_sg_ok(&mut w, &d, &o, 24);
    let base = sg_base(&t);
    let got = w.sim.rx_bytes(w.sm, base, 16);
    assert_eq!(got[..8], p[..8]);
    assert_eq!(u64_at(&got, 8), base + 16);
}

/// Sends PTR objects given as (length, parent) to the manager; returns the delivered call and
/// each buffer's receiver address, or `None` if the driver refused it with `-EINVAL`.
fn ptr_tree(w: &mut World, spec: &[(u64, Option<(u64, u64)>)]) -> Option<(Txn, Vec<u64>)> {
    let mut objs = Vec::new();
    let mut bs = 0;
    for (i, &(len, parent)) in spec.iter().enumerate() {
        let a = w.sim.put(w.client, &pattern(len as usize, 50 + i as u8));
        objs.push(ptr_obj(a, len, parent));
        bs += align8(len);
    }
    let (d, o) = pack(&objs);
    let step = client_sg(w, &d, &o, bs);
    if let Step::Done(r) = step {
        failed(&r);
        failed_with(&mut w.sim, w.client, CLIENT_TID, Errno::EINVAL);
        nothing_left(&w.sim, w.sm);
        return None;
    }
    let t = w.sim.wait(w.sm, SM_TID).txn();
    let mut addrs = Vec::new();
    let mut at = sg_base(&t);
    for (i, &(len, _)) in spec.iter().enumerate() {
        assert_eq!(ptr_at(&t, o[i] as usize).buffer, at);
        addrs.push(at);
        at += align8(len);
    }
    Some((t, addrs))
}

/// The receiver's copy of buffer `i` of a `ptr_tree`: the sender's pattern with pointers at
/// the given offsets.
#[track_caller]
fn check_copy(w: &World, addrs: &[u64], spec_len: u64, i: usize, ptrs: &[(usize, u64)]) {
    let mut want = pattern(spec_len as usize, 50 + i as u8);
    for &(off, v) in ptrs {
        want[off..off + 8].copy_from_slice(&v.to_ne_bytes());
    }
    assert_eq!(w.sim.rx_bytes(w.sm, addrs[i], spec_len as usize), want);
}

#[test]
fn ptr_fixups_chain_through_a_child_of_a_child() {
    // A, B(parent A), C(parent B).
    let mut w = World::new();
    let (_, ad) = ptr_tree(&mut w, &[(16, None), (16, Some((0, 0))), (8, Some((1, 8)))]).unwrap();
    check_copy(&w, &ad, 16, 0, &[(0, ad[1])]);
    check_copy(&w, &ad, 16, 1, &[(8, ad[2])]);
    check_copy(&w, &ad, 8, 2, &[]);
}

#[test]
fn ptr_fixups_at_increasing_offsets_of_one_parent_are_allowed() {
    // A, B(parent A @ 8), C(parent A @ 16).
    let mut w = World::new();
    let (_, ad) = ptr_tree(&mut w, &[(32, None), (8, Some((0, 8))), (8, Some((0, 16)))]).unwrap();
    check_copy(&w, &ad, 32, 0, &[(8, ad[1]), (16, ad[2])]);
}

#[test]
fn ptr_fixup_before_an_earlier_fixup_of_the_same_parent_fails() {
    // A, B(parent A @ 16), C(parent A @ 8).
    let mut w = World::new();
    assert!(ptr_tree(&mut w, &[(32, None), (8, Some((0, 16))), (8, Some((0, 8)))]).is_none());
    // The same offset twice (and an overlapping one) also goes backwards.
    assert!(ptr_tree(&mut w, &[(32, None), (8, Some((0, 8))), (8, Some((0, 8)))]).is_none());
    assert!(ptr_tree(&mut w, &[(32, None), (8, Some((0, 8))), (8, Some((0, 12)))]).is_none());
}

#[test]
fn ptr_fixup_into_a_buffer_before_an_unrelated_one_fails() {
    // A, B (no parent), C(parent A): A is no longer the last buffer or its ancestor.
    let mut w = World::new();
    assert!(ptr_tree(&mut w, &[(16, None), (8, None), (8, Some((0, 0)))]).is_none());
}

#[test]
fn ptr_fixups_follow_the_kernels_documented_example() {
    // binder.c binder_validate_fixup: A; B(A@0); C(A@16); D(C@0); E(A@32) is allowed.
    let mut w = World::new();
    let (_, ad) = ptr_tree(
        &mut w,
        &[
            (64, None),
            (16, Some((0, 0))),
            (24, Some((0, 16))),
            (8, Some((2, 0))),
            (8, Some((0, 32))),
        ],
    )
    .unwrap();
    check_copy(&w, &ad, 64, 0, &[(0, ad[1]), (16, ad[2]), (32, ad[4])]);
    check_copy(&w, &ad, 16, 1, &[]);
    check_copy(&w, &ad, 24, 2, &[(0, ad[3])]);
    // Its forbidden example: A; B(A@0); C(A@16); D(B@0) — B is not C or one of C's parents.
    let mut w = World::new();
    assert!(ptr_tree(
        &mut w,
        &[
            (64, None),
            (16, Some((0, 0))),
            (24, Some((0, 16))),
            (8, Some((1, 0))),
        ],
    )
    .is_none());
}

// ---------------------------------------------------------------------------------------------
// 4. BINDER_TYPE_FDA (§2.F FDA row, §3 FDA limits)
// ---------------------------------------------------------------------------------------------

/// A's parent buffer: 8 pattern bytes, `fds` as u32s, 8 pattern bytes.
fn fda_parent(fds: &[u32]) -> Vec<u8> {
    let mut v = pattern(8, 60);
    for fd in fds {
        v.extend_from_slice(&fd.to_ne_bytes());
    }
    v.extend_from_slice(&pattern(8, 70));
    v
}

/// A sends a oneway PTR parent holding `fds` at offset 8 and an FDA object for them to B's
/// accepting node, B reads it. Returns the call and the parent's receiver address.
fn fda_roundtrip(fx: &mut Fx, fds: &[u32]) -> (Txn, u64, Vec<u8>) {
    let parent = fda_parent(fds);
    let pa = fx.sim.put(fx.a, &parent);
    let len = parent.len() as u64;
    let (d, o) = pack(&[ptr_obj(pa, len, None), fda_obj(fds.len() as u64, 0, 8)]);
    let h = fx.h_fds;
    a_oneway_ok(fx, h, &d, &o, Some(align8(len)));
    assert_eq!(fx.sim.files.outstanding(), fds.len());
    let t = b_takes(fx);
    let base = sg_base(&t);
    assert_eq!(ptr_at(&t, o[0] as usize).buffer, base);
    // The FDA object itself is passed as sent.
    let (want, _) = pack(&[ptr_obj(base, len, None), fda_obj(fds.len() as u64, 0, 8)]);
    assert_eq!(t.data, want);
    (t, base, parent)
}

#[test]
fn fda_fds_are_installed_at_read_into_the_parent_copy() {
    let mut fx = fx();
    let f1 = fx.sim.files.open(fx.a, F1).unwrap();
    let f2 = fx.sim.files.open(fx.a, F2).unwrap();
    let f3 = fx.sim.files.open(fx.a, F3).unwrap();
    // Read from the sender's parent buffer, in array order.
    let (_, base, parent) = fda_roundtrip(&mut fx, &[f3, f1, f2]);
    let b = fx.b;
    let got = fx.sim.rx_bytes(b, base, parent.len());
    assert_eq!(got[..8], parent[..8]);
    assert_eq!(
        (u32_at(&got, 8), u32_at(&got, 12), u32_at(&got, 16)),
        (1, 2, 3)
    );
    assert_eq!(got[20..], parent[20..]);
    assert_eq!(fx.sim.files.file(b, 1), Some(F3));
    assert_eq!(fx.sim.files.file(b, 2), Some(F1));
    assert_eq!(fx.sim.files.file(b, 3), Some(F2));
    assert_eq!(fx.sim.files.outstanding(), 0);
    assert!(fx.sim.files.closed.is_empty());
}

#[test]
fn fda_fds_are_not_installed_before_the_read() {
    let mut fx = fx();
    let f1 = fx.sim.files.open(fx.a, F1).unwrap();
    let parent = fda_parent(&[f1, f1]);
    let pa = fx.sim.put(fx.a, &parent);
    let (d, o) = pack(&[ptr_obj(pa, 24, None), fda_obj(2, 0, 8)]);
    let h = fx.h_fds;
    a_oneway_ok(&mut fx, h, &d, &o, Some(24));
    assert_eq!(fx.sim.files.outstanding(), 2);
    assert_eq!(fx.sim.files.open_count(fx.b), 1);
    let t = b_takes(&mut fx);
    let got = fx.sim.rx_bytes(fx.b, sg_base(&t), 24);
    assert_eq!((u32_at(&got, 8), u32_at(&got, 12)), (1, 2));
    assert_eq!(fx.sim.files.file(fx.b, 1), Some(F1));
    assert_eq!(fx.sim.files.file(fx.b, 2), Some(F1));
    assert_eq!(fx.sim.files.open_count(fx.b), 3);
}

#[test]
fn fda_fds_are_closed_by_the_driver_on_free_buffer() {
    let mut fx = fx();
    let f1 = fx.sim.files.open(fx.a, F1).unwrap();
    let f2 = fx.sim.files.open(fx.a, F2).unwrap();
    let (t, _, _) = fda_roundtrip(&mut fx, &[f2, f1]);
    let b = fx.b;
    assert_eq!(fx.sim.files.open_count(b), 3);
    fx.sim
        .write(b, B_LOOPER, Cmds::new().free_buffer(t.buffer))
        .ok();
    assert_eq!(fx.sim.files.closed, vec![(b, 1), (b, 2)]);
    assert_eq!(fx.sim.files.file(b, 1), None);
    assert_eq!(fx.sim.files.file(b, 2), None);
    assert_eq!(fx.sim.files.file(b, 0), Some(B_FILE));
    assert_eq!(fx.sim.files.open_count(b), 1);
    assert!(fx.sim.info(b).buffers.is_empty());
    // The sender's fds are its own.
    assert_eq!(fx.sim.files.file(fx.a, f1), Some(F1));
    assert_eq!(fx.sim.files.file(fx.a, f2), Some(F2));
}

#[test]
fn fda_and_plain_fd_in_one_buffer_only_the_array_is_closed_on_free() {
    let mut fx = fx();
    let f1 = fx.sim.files.open(fx.a, F1).unwrap();
    let f2 = fx.sim.files.open(fx.a, F2).unwrap();
    let parent = fda_parent(&[f2]);
    let pa = fx.sim.put(fx.a, &parent);
    let (d, o) = pack(&[fd_obj(f1, 7), ptr_obj(pa, 20, None), fda_obj(1, 1, 8)]);
    let h = fx.h_fds;
    a_oneway_ok(&mut fx, h, &d, &o, Some(24));
    let t = b_takes(&mut fx);
    let b = fx.b;
    // Object order: the plain fd first, then the array.
    assert_eq!(&t.data[8..32], fd_obj_rx(1, 7));
    let got = fx.sim.rx_bytes(b, sg_base(&t), 20);
    assert_eq!(u32_at(&got, 8), 2);
    fx.sim
        .write(b, B_LOOPER, Cmds::new().free_buffer(t.buffer))
        .ok();
    assert_eq!(fx.sim.files.closed, vec![(b, 2)]);
    assert_eq!(fx.sim.files.file(b, 1), Some(F1));
}

#[test]
fn fda_with_zero_fds_works() {
    let mut fx = fx();
    let (t, base, parent) = fda_roundtrip(&mut fx, &[]);
    let b = fx.b;
    assert_eq!(fx.sim.rx_bytes(b, base, parent.len()), parent);
    assert_eq!(fx.sim.files.open_count(b), 1);
    fx.sim
        .write(b, B_LOOPER, Cmds::new().free_buffer(t.buffer))
        .ok();
    assert!(fx.sim.files.closed.is_empty());
    assert_eq!(fx.sim.files.outstanding(), 0);
}

#[test]
fn fda_without_accepts_fds_is_failed_reply_eperm() {
    let mut fx = fx();
    let f1 = fx.sim.files.open(fx.a, F1).unwrap();
    let parent = fda_parent(&[f1]);
    let pa = fx.sim.put(fx.a, &parent);
    let (d, o) = pack(&[ptr_obj(pa, 20, None), fda_obj(1, 0, 8)]);
    let h = fx.h_plain;
    failed(&a_send_sg(&mut fx, h, 0, &d, &o, 24).done());
    failed_with(&mut fx.sim, fx.a, A_TID, Errno::EPERM);
    nothing_left(&fx.sim, fx.b);
}

/// An FDA transaction from A to B's accepting node that must fail with `-EINVAL`.
#[track_caller]
fn fda_fails(fx: &mut Fx, objs: &[Vec<u8>], bs: u64) {
    let (d, o) = pack(objs);
    let h = fx.h_fds;
    failed(&a_send_sg(fx, h, 0, &d, &o, bs).done());
    failed_with(&mut fx.sim, fx.a, A_TID, Errno::EINVAL);
    nothing_left(&fx.sim, fx.b);
    assert_eq!(fx.sim.files.open_count(fx.b), 1);
}

#[test]
fn fda_with_a_bad_parent_is_failed_reply() {
    let mut fx = fx();
    let f1 = fx.sim.files.open(fx.a, F1).unwrap();
    let parent = fda_parent(&[f1]);
    let pa = fx.sim.put(fx.a, &parent);
    // Out of range.
    fda_fails(&mut fx, &[ptr_obj(pa, 20, None), fda_obj(1, 7, 8)], 24);
    // Itself.
    fda_fails(&mut fx, &[ptr_obj(pa, 20, None), fda_obj(1, 1, 8)], 24);
    // No PTR before it.
    fda_fails(&mut fx, &[fda_obj(1, 0, 8)], 0);
    // A plain FD object.
    fda_fails(&mut fx, &[fd_obj(f1, 0), fda_obj(1, 0, 8)], 0);
    // A buffer that is no longer the last one or its ancestor.
    fda_fails(
        &mut fx,
        &[
            ptr_obj(pa, 20, None),
            ptr_obj(pa, 8, None),
            fda_obj(1, 0, 8),
        ],
        32,
    );
}

#[test]
fn fda_array_must_fit_in_the_parent() {
    let mut fx = fx();
    let f1 = fx.sim.files.open(fx.a, F1).unwrap();
    let parent = fda_parent(&[f1, f1]); // 24 bytes, fds at 8 and 12
    let pa = fx.sim.put(fx.a, &parent);
    // 8 + 5 * 4 > 24.
    fda_fails(&mut fx, &[ptr_obj(pa, 24, None), fda_obj(5, 0, 8)], 24);
    // An overflowing count.
    fda_fails(
        &mut fx,
        &[ptr_obj(pa, 24, None), fda_obj(u64::MAX / 2, 0, 8)],
        24,
    );
    // Offset past the end.
    fda_fails(&mut fx, &[ptr_obj(pa, 24, None), fda_obj(1, 0, 24)], 24);
    // 20 + 4 = 24 fits exactly (the last pattern word read as an fd is not open: EBADF).
    let (d, o) = pack(&[ptr_obj(pa, 24, None), fda_obj(1, 0, 20)]);
    let h = fx.h_fds;
    failed(&a_send_sg(&mut fx, h, 0, &d, &o, 24).done());
    failed_with(&mut fx.sim, fx.a, A_TID, Errno::EBADF);
    // 8 + 4 * 4 = 24 fits exactly when the words are fds.
    let mut par = fda_parent(&[f1, f1]);
    par.truncate(16);
    par.extend_from_slice(&[f1.to_ne_bytes(), f1.to_ne_bytes()].concat());
    let pa = fx.sim.put(fx.a, &par);
    let (d, o) = pack(&[ptr_obj(pa, 24, None), fda_obj(4, 0, 8)]);
    a_oneway_ok(&mut fx, h, &d, &o, Some(24));
    let t = b_takes(&mut fx);
    let got = fx.sim.rx_bytes(fx.b, sg_base(&t), 24);
    assert_eq!(got[..8], par[..8]);
    let fds: Vec<u32> = (0..4).map(|i| u32_at(&got, 8 + 4 * i)).collect();
    assert_eq!(fds, vec![1, 2, 3, 4]);
}

#[test]
fn fda_parent_offset_must_be_4_aligned() {
    let mut fx = fx();
    let f1 = fx.sim.files.open(fx.a, F1).unwrap();
    let parent = fda_parent(&[f1, f1]);
    let pa = fx.sim.put(fx.a, &parent);
    fda_fails(&mut fx, &[ptr_obj(pa, 24, None), fda_obj(1, 0, 6)], 24);
    fda_fails(&mut fx, &[ptr_obj(pa, 24, None), fda_obj(1, 0, 9)], 24);
}

#[test]
fn fda_fixups_obey_the_parent_offset_order() {
    let mut fx = fx();
    let f1 = fx.sim.files.open(fx.a, F1).unwrap();
    let parent = fda_parent(&[f1, f1]);
    let pa = fx.sim.put(fx.a, &parent);
    // A child pointer at 0 and then fds at 8 (increasing): fine.
    let (d, o) = pack(&[
        ptr_obj(pa, 24, None),
        ptr_obj(pa, 8, Some((0, 0))),
        fda_obj(2, 0, 8),
    ]);
    let h = fx.h_fds;
    a_oneway_ok(&mut fx, h, &d, &o, Some(32));
    let t = b_takes(&mut fx);
    let base = sg_base(&t);
    let got = fx.sim.rx_bytes(fx.b, base, 24);
    assert_eq!(u64_at(&got, 0), base + 24);
    assert_eq!((u32_at(&got, 8), u32_at(&got, 12)), (1, 2));
    assert_eq!(got[16..], parent[16..]);
    let b = fx.b;
    fx.sim
        .write(b, B_LOOPER, Cmds::new().free_buffer(t.buffer))
        .ok();
    assert_eq!(fx.sim.files.closed, vec![(b, 1), (b, 2)]);
    fx.sim.files.closed.clear();
    // Fds at 8 and then a child pointer at 8 overlapping them: out of order.
    fda_fails(
        &mut fx,
        &[
            ptr_obj(pa, 24, None),
            fda_obj(2, 0, 8),
            ptr_obj(pa, 8, Some((0, 8))),
        ],
        32,
    );
}

#[test]
fn fda_with_a_bad_fd_leaks_no_file_reference() {
    let mut fx = fx();
    let f1 = fx.sim.files.open(fx.a, F1).unwrap();
    let parent = fda_parent(&[f1, 40, f1]);
    let pa = fx.sim.put(fx.a, &parent);
    let (d, o) = pack(&[ptr_obj(pa, 28, None), fda_obj(3, 0, 8)]);
    let h = fx.h_fds;
    failed(&a_send_sg(&mut fx, h, 0, &d, &o, 32).done());
    failed_with(&mut fx.sim, fx.a, A_TID, Errno::EBADF);
    nothing_left(&fx.sim, fx.b);
}

#[test]
fn fda_install_failure_on_a_call_fails_back_and_leaks_nothing() {
    let mut fx = fx();
    let f1 = fx.sim.files.open(fx.a, F1).unwrap();
    let f2 = fx.sim.files.open(fx.a, F2).unwrap();
    let parent = fda_parent(&[f1, f2]);
    let pa = fx.sim.put(fx.a, &parent);
    let (d, o) = pack(&[ptr_obj(pa, 24, None), fda_obj(2, 0, 8)]);
    let h = fx.h_fds;
    a_send_sg(&mut fx, h, 0, &d, &o, 24).parked();
    let (a, b) = (fx.a, fx.b);
    // Room for one of the two fds only.
    fx.sim.files.limits.insert(b, 2);
    fx.sim.read(b, B_LOOPER).parked();
    let r = fx.sim.wait(a, A_TID);
    assert_eq!(
        r.brs,
        vec![Br::Noop, Br::TransactionComplete, Br::FailedReply]
    );
    nothing_left(&fx.sim, b);
    assert_eq!(fx.sim.files.open_count(b), 1);
}

#[test]
fn fda_in_a_reply_sg_to_a_call_with_tf_accept_fds() {
    let mut fx = fx();
    let (a, b) = (fx.a, fx.b);
    let f1 = fx.sim.files.open(a, F1).unwrap();
    fx.sim
        .write_read(
            b,
            CLIENT_TID,
            Cmds::new().transaction(0, CODE, TF_ACCEPT_FDS, b"q", &[]),
            256,
        )
        .parked();
    let t = fx.sim.wait(a, SM_TID).txn();
    let parent = fda_parent(&[f1]);
    let pa = fx.sim.put(a, &parent);
    let (d, o) = pack(&[ptr_obj(pa, 20, None), fda_obj(1, 0, 8)]);
    let r = fx
        .sim
        .write_read(
            a,
            SM_TID,
            Cmds::new().free_buffer(t.buffer).reply_sg(0, &d, &o, 24),
            256,
        )
        .done();
    assert_eq!(r.brs, vec![Br::Noop, Br::TransactionComplete]);
    assert_eq!(
        fx.sim.wait(b, CLIENT_TID).brs,
        vec![Br::Noop, Br::TransactionComplete]
    );
    let c = fx.sim.read(b, CLIENT_TID).done();
    let rep = c.txn();
    assert!(matches!(c.brs[1], Br::Reply(_)));
    let got = fx.sim.rx_bytes(b, sg_base(&rep), 20);
    assert_eq!(u32_at(&got, 8), 1);
    assert_eq!(fx.sim.files.file(b, 1), Some(F1));
    fx.sim
        .write(b, CLIENT_TID, Cmds::new().free_buffer(rep.buffer))
        .ok();
    assert_eq!(fx.sim.files.closed, vec![(b, 1)]);
}

#[test]
fn fda_in_a_reply_without_tf_accept_fds_fails_to_the_caller() {
    let mut fx = fx();
    let (a, b) = (fx.a, fx.b);
    let f1 = fx.sim.files.open(a, F1).unwrap();
    fx.sim
        .write_read(b, CLIENT_TID, Cmds::new().call(0, CODE, b"q"), 256)
        .parked();
    let t = fx.sim.wait(a, SM_TID).txn();
    let parent = fda_parent(&[f1]);
    let pa = fx.sim.put(a, &parent);
    let (d, o) = pack(&[ptr_obj(pa, 20, None), fda_obj(1, 0, 8)]);
    let r = fx
        .sim
        .write_read(
            a,
            SM_TID,
            Cmds::new().free_buffer(t.buffer).reply_sg(0, &d, &o, 24),
            256,
        )
        .done();
    assert_eq!(r.brs, vec![Br::Noop, Br::TransactionComplete]);
    assert_eq!(
        fx.sim.wait(b, CLIENT_TID).brs,
        vec![Br::Noop, Br::TransactionComplete, Br::FailedReply]
    );
    let ee = ext_err(&mut fx.sim, b, CLIENT_TID);
    assert_eq!((ee.command, ee.param), (BR_FAILED_REPLY, -Errno::EPERM.0));
    nothing_left(&fx.sim, b);
}

//! Conformance of the ioctl entry points and of the `BINDER_WRITE_READ` write and read loops
//! (reference `kernel-binder.md` §1.6, §2.B, §2.C, §2.D; Rust-driver rules where C and Rust
//! differ).

mod common;
use common::*;

use binder_driver::core::{Completion, Errno, NodeInfo, ProcId, RefInfo, Tid, Wake};
use binder_driver::uapi::*;

/// An address outside every simulated address space.
const BAD: u64 = 0x10;

const M_TID: Tid = SM_TID;
const CT: Tid = CLIENT_TID;

/// A context manager (pid 100, euid 1000) whose thread `M_TID` entered the looper but is not
/// reading, and a mapped client (pid 200, euid 10_001).
fn mgr_and_client() -> (Sim, ProcId, ProcId) {
    let mut sim = Sim::new();
    let m = sim.open_mapped(100, 1000);
    assert_eq!(sim.set_context_mgr(m, M_TID), Ok(0));
    sim.write(m, M_TID, Cmds::new().enter_looper()).ok();
    let c = sim.open_mapped(200, 10_001);
    (sim, m, c)
}

/// `mgr_and_client` with `n` `BR_TRANSACTION_COMPLETE`s queued on the client's thread `CT`
/// (one per oneway sent without reading).
fn client_with_completes(n: usize) -> (Sim, ProcId, ProcId) {
    let (mut sim, m, c) = mgr_and_client();
    let mut cmds = Cmds::new();
    for i in 0..n {
        cmds = cmds.oneway(0, i as u32, b"");
    }
    let d = sim.write(c, CT, cmds);
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.write_consumed, 68 * n as u64);
    (sim, m, c)
}

/// Return codes as the bytes a read buffer holds.
fn codes(cs: &[u32]) -> Vec<u8> {
    cs.iter().flat_map(|c| c.to_ne_bytes()).collect()
}

fn done(c: Completion) -> Result<i32, Errno> {
    match c {
        Completion::Done(r) => r,
        other => panic!("ioctl did not finish: {other:?}"),
    }
}

/// A `binder_write_read` for `cmds` (laid in `p`'s memory) and a read buffer of `read_size`
/// bytes whose first bytes are `pre`, with `read_consumed = pre.len()`.
fn bwr(sim: &mut Sim, p: ProcId, cmds: &Cmds, pre: &[u8], read_size: u64) -> BinderWriteRead {
    let (write_buffer, write_size) = sim.lay(p, cmds);
    let mut buf = pre.to_vec();
    buf.resize(read_size as usize, 0);
    let read_buffer = sim.put(p, &buf);
    BinderWriteRead {
        write_size,
        write_consumed: 0,
        write_buffer,
        read_size,
        read_consumed: pre.len() as u64,
        read_buffer,
    }
}

/// The node info of a fresh context-manager node.
fn mgr_node(ptr: u64, cookie: u64, flags: u32) -> NodeInfo {
    NodeInfo {
        ptr,
        cookie,
        flags,
        has_strong_ref: true,
        has_weak_ref: true,
        internal_strong_refs: 0,
        local_strong_refs: 1,
        local_weak_refs: 1,
        refs: 0,
    }
}

// ---------------------------------------------------------------------------------------------
// 1. ioctls
// ---------------------------------------------------------------------------------------------

#[test]
fn version_writes_protocol_8() {
    let mut sim = Sim::new();
    let p = sim.open(100, 1000);
    assert_eq!(BINDER_VERSION, 0xC004_6209);
    let (r, bytes) = sim.ioctl_val(
        p,
        1,
        BINDER_VERSION,
        &BinderVersion {
            protocol_version: -1,
        },
    );
    assert_eq!(r, Ok(0));
    assert_eq!(bytes, 8i32.to_ne_bytes());
    assert_eq!(sim.version(p, 2), (Ok(0), 8));
}

#[test]
fn version_to_bad_pointer_is_einval() {
    // §1.6: a put_user fault is -EINVAL in the C driver.
    let mut sim = Sim::new();
    let p = sim.open(100, 1000);
    assert_eq!(
        sim.ioctl(p, 1, BINDER_VERSION, BAD),
        Completion::Done(Err(Errno::EINVAL))
    );
}

#[test]
fn set_max_threads_stores_the_value() {
    let mut sim = Sim::new();
    let p = sim.open(100, 1000);
    assert_eq!(sim.info(p).max_threads, 0, "kernel default is 0 (§3)");
    assert_eq!(sim.ioctl_val(p, 1, BINDER_SET_MAX_THREADS, &15u32).0, Ok(0));
    assert_eq!(sim.info(p).max_threads, 15);
    assert_eq!(sim.ioctl_val(p, 2, BINDER_SET_MAX_THREADS, &0u32).0, Ok(0));
    assert_eq!(sim.info(p).max_threads, 0);
}

#[test]
fn set_max_threads_bad_pointer_is_einval_and_keeps_the_value() {
    // §1.6: a copy fault is -EINVAL in the C driver.
    let mut sim = Sim::new();
    let p = sim.open(100, 1000);
    sim.set_max_threads(p, 4);
    assert_eq!(
        sim.ioctl(p, 1, BINDER_SET_MAX_THREADS, BAD),
        Completion::Done(Err(Errno::EINVAL))
    );
    assert_eq!(sim.info(p).max_threads, 4);
}

#[test]
fn set_context_mgr_creates_node_0_and_ignores_its_argument() {
    // §2.B: node ptr=0, cookie=0, flags=0, with local strong/weak refs and hs/hw set.
    let mut sim = Sim::new();
    let p = sim.open(100, 1000);
    assert_eq!(
        done(sim.ioctl(p, 1, BINDER_SET_CONTEXT_MGR, BAD)),
        Ok(0),
        "the argument is not read"
    );
    assert_eq!(sim.info(p).nodes, vec![mgr_node(0, 0, 0)]);
    assert_eq!(sim.ctx.node_count(), 1);
}

#[test]
fn set_context_mgr_when_a_manager_exists_is_ebusy() {
    let mut sim = Sim::new();
    let a = sim.open(100, 1000);
    let same_uid = sim.open(101, 1000);
    let other_uid = sim.open(102, 2000);
    assert_eq!(sim.set_context_mgr(a, 1), Ok(0));
    assert_eq!(sim.set_context_mgr(a, 1), Err(Errno::EBUSY));
    assert_eq!(sim.set_context_mgr(a, 2), Err(Errno::EBUSY));
    assert_eq!(sim.set_context_mgr(same_uid, 1), Err(Errno::EBUSY));
    // "Already set" is checked before the euid.
    assert_eq!(sim.set_context_mgr(other_uid, 1), Err(Errno::EBUSY));
    let mut fbo = FlatBinderObject::default();
    fbo.hdr.type_ = BINDER_TYPE_BINDER;
    fbo.set_binder(0x5000);
    assert_eq!(
        sim.ioctl_val(same_uid, 1, BINDER_SET_CONTEXT_MGR_EXT, &fbo)
            .0,
        Err(Errno::EBUSY)
    );
    assert_eq!(sim.info(a).nodes, vec![mgr_node(0, 0, 0)]);
    assert!(sim.info(same_uid).nodes.is_empty());
    assert!(sim.info(other_uid).nodes.is_empty());
    assert_eq!(sim.ctx.node_count(), 1);
}

#[test]
fn context_mgr_euid_stays_pinned_after_the_manager_is_released() {
    // §2.B: the first manager's euid is recorded for the life of the device.
    let mut sim = Sim::new();
    let first = sim.open(100, 1000);
    assert_eq!(sim.set_context_mgr(first, 1), Ok(0));
    sim.release(first);
    assert_eq!(sim.ctx.node_count(), 0);

    let intruder = sim.open(200, 2000);
    assert_eq!(sim.set_context_mgr(intruder, 1), Err(Errno::EPERM));
    let mut fbo = FlatBinderObject::default();
    fbo.hdr.type_ = BINDER_TYPE_BINDER;
    fbo.set_binder(0x5000);
    assert_eq!(
        sim.ioctl_val(intruder, 1, BINDER_SET_CONTEXT_MGR_EXT, &fbo)
            .0,
        Err(Errno::EPERM)
    );
    assert!(sim.info(intruder).nodes.is_empty());
    assert_eq!(sim.ctx.node_count(), 0);
}

#[test]
fn same_euid_may_become_manager_again_after_release() {
    let mut sim = Sim::new();
    let first = sim.open_mapped(100, 1000);
    assert_eq!(sim.set_context_mgr(first, 1), Ok(0));
    sim.release(first);
    // A refused attempt by another euid does not change the recorded one.
    let intruder = sim.open(200, 2000);
    assert_eq!(sim.set_context_mgr(intruder, 1), Err(Errno::EPERM));

    let second = sim.open_mapped(300, 1000);
    assert_eq!(sim.set_context_mgr(second, 7), Ok(0));
    assert_eq!(sim.info(second).nodes, vec![mgr_node(0, 0, 0)]);
    // Handle 0 now reaches the new manager.
    sim.write(second, 7, Cmds::new().enter_looper()).ok();
    let c = sim.open_mapped(400, 10_001);
    sim.write(c, CT, Cmds::new().call(0, 3, b"hi")).ok();
    let t = sim.read(second, 7).done().txn();
    assert_eq!((t.target_ptr, t.cookie, t.code), (0, 0, 3));
    assert_eq!((t.sender_pid, t.sender_euid), (400, 10_001));
    assert_eq!(t.data, b"hi");
}

#[test]
fn set_context_mgr_ext_takes_ptr_cookie_flags_from_the_object() {
    // §1.6 / §2.B: BINDER_SET_CONTEXT_MGR_EXT creates the node from the flat_binder_object.
    let (ptr, cookie, flags) = (0x7000_1234_5678u64, 0xc00c_1e00u64, 0x113u32);
    let mut sim = Sim::new();
    let m = sim.open_mapped(100, 1000);
    let mut fbo = FlatBinderObject::default();
    fbo.hdr.type_ = BINDER_TYPE_BINDER;
    fbo.flags = flags;
    fbo.set_binder(ptr);
    fbo.cookie = cookie;
    assert_eq!(BINDER_SET_CONTEXT_MGR_EXT, 0x4018_620D);
    assert_eq!(
        sim.ioctl_val(m, M_TID, BINDER_SET_CONTEXT_MGR_EXT, &fbo).0,
        Ok(0)
    );
    assert_eq!(sim.info(m).nodes, vec![mgr_node(ptr, cookie, flags)]);

    // A call to handle 0 is delivered with that node's ptr and cookie.
    sim.write(m, M_TID, Cmds::new().enter_looper()).ok();
    let c = sim.open_mapped(200, 10_001);
    sim.write(c, CT, Cmds::new().call(0, 5, b"hi")).ok();
    let t = sim.read(m, M_TID).done().txn();
    assert_eq!(
        (t.target_ptr, t.cookie, t.code, t.flags),
        (ptr, cookie, 5, 0)
    );
    assert_eq!((t.sender_pid, t.sender_euid), (200, 10_001));
}

#[test]
fn set_context_mgr_ext_bad_pointer_is_einval_and_pins_nothing() {
    let mut sim = Sim::new();
    let p = sim.open(100, 2000);
    assert_eq!(
        sim.ioctl(p, 1, BINDER_SET_CONTEXT_MGR_EXT, BAD),
        Completion::Done(Err(Errno::EINVAL))
    );
    assert!(sim.info(p).nodes.is_empty());
    // Neither a manager nor its euid was recorded.
    let q = sim.open(101, 1000);
    assert_eq!(sim.set_context_mgr(q, 1), Ok(0));
}

#[test]
fn thread_exit_removes_the_thread_and_ignores_its_argument() {
    let mut sim = Sim::new();
    let p = sim.open(100, 1000);
    assert_eq!(sim.version(p, 1), (Ok(0), 8));
    assert_eq!(sim.version(p, 2), (Ok(0), 8));
    assert_eq!(sim.info(p).threads, 2);
    assert_eq!(done(sim.ioctl(p, 1, BINDER_THREAD_EXIT, BAD)), Ok(0));
    assert_eq!(sim.info(p).threads, 1);
    // A thread the driver had not seen yet: created by the ioctl and released again.
    assert_eq!(sim.thread_exit(p, 3), Ok(0));
    assert_eq!(sim.info(p).threads, 1);
}

#[test]
fn thread_exit_while_serving_a_call_sends_dead_reply_to_the_caller() {
    // §2.B: the caller of the transaction on top of the exiting thread's stack gets BR_DEAD_REPLY.
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write_read(client, CT, Cmds::new().call(0, 1, b"x"), 256)
        .parked();
    sim.wait(sm, SM_TID).ok().txn();
    assert_eq!(sim.thread_exit(sm, SM_TID), Ok(0));
    let d = sim.wait(client, CT);
    assert_eq!(d.ret, Ok(0));
    assert_eq!(
        d.brs,
        vec![Br::Noop, Br::TransactionComplete, Br::DeadReply]
    );
    assert_eq!(sim.ctx.transaction_count(), 0);
}

#[test]
fn unimplemented_and_unknown_ioctls_are_einval() {
    // §1.6: SET_IDLE_TIMEOUT / SET_IDLE_PRIORITY are not implemented; any other ioctl is -EINVAL.
    assert_eq!(BINDER_SET_IDLE_TIMEOUT, 0x4008_6203);
    assert_eq!(BINDER_SET_IDLE_PRIORITY, 0x4004_6206);
    let mut sim = Sim::new();
    let p = sim.open(100, 1000);
    let arg = sim.put(p, &[0xa5; 16]);
    for cmd in [
        BINDER_SET_IDLE_TIMEOUT,
        BINDER_SET_IDLE_PRIORITY,
        io(b'b', 2),
        iow(b'b', 4, 4),
        iowr(b'b', 10, 4),
        iowr(b'b', 9, 8),  // BINDER_VERSION with a wrong size
        iow(b'b', 9, 4),   // ... and a wrong direction
        iowr(b'b', 1, 40), // BINDER_WRITE_READ with a wrong size
        BINDER_CTL_ADD,    // binder-control's ioctl, on a device
        iowr(b'c', 1, 48),
        0,
        0xffff_ffff,
    ] {
        assert_eq!(
            sim.ioctl(p, 1, cmd, arg),
            Completion::Done(Err(Errno::EINVAL)),
            "ioctl {cmd:#x}"
        );
    }
    assert_eq!(sim.peek(p, arg, 16), [0xa5; 16]);
    assert_eq!(sim.info(p).max_threads, 0);
}

#[test]
fn write_read_with_bad_bwr_pointer_is_efault() {
    let mut sim = Sim::new();
    let p = sim.open_mapped(100, 1000);
    assert_eq!(
        sim.ioctl(p, 1, BINDER_WRITE_READ, BAD),
        Completion::Done(Err(Errno::EFAULT))
    );
    assert!(!sim.is_parked(p, 1));
}

#[test]
fn ioctl_on_unknown_or_released_proc_is_einval() {
    let mut sim = Sim::new();
    let p = sim.open(100, 1000);
    let arg = sim.put(p, &[0; 48]);
    let cmds = [
        BINDER_VERSION,
        BINDER_WRITE_READ,
        BINDER_SET_MAX_THREADS,
        BINDER_SET_CONTEXT_MGR,
        BINDER_SET_CONTEXT_MGR_EXT,
        BINDER_THREAD_EXIT,
    ];
    let ghost = ProcId(0xdead_beef);
    for cmd in cmds {
        assert_eq!(
            sim.ioctl(ghost, 1, cmd, arg),
            Completion::Done(Err(Errno::EINVAL)),
            "unknown proc, ioctl {cmd:#x}"
        );
    }
    sim.release(p);
    assert_eq!(sim.ctx.proc_info(p), None);
    for cmd in cmds {
        assert_eq!(
            sim.ioctl(p, 1, cmd, arg),
            Completion::Done(Err(Errno::EINVAL)),
            "released proc, ioctl {cmd:#x}"
        );
    }
    assert_eq!(sim.ctx.poll(p, 1).result, Err(Errno::EINVAL));
    assert_eq!(sim.peek(p, arg, 48), [0; 48]);
}

// ---------------------------------------------------------------------------------------------
// 2. The write loop
// ---------------------------------------------------------------------------------------------

#[test]
fn unknown_command_fails_einval_at_that_command_and_skips_the_read() {
    // §1.8 / §2.C: the ioctl fails, write_consumed stops before the command, read_consumed = 0.
    let (mut sim, _m, c) = client_with_completes(1);
    let cmds = Cmds::new()
        .enter_looper()
        .free_buffer(0x1234)
        .code(0xdead_beef)
        .enter_looper();
    let pre = codes(&[BR_OK]);
    let b = bwr(&mut sim, c, &cmds, &pre, 256);
    let d = sim.write_read_bwr(c, CT, b).done();
    assert_eq!(d.ret, Err(Errno::EINVAL));
    assert_eq!(d.write_consumed, 4 + 12);
    assert_eq!(d.read_consumed, 0);
    // The read buffer was not touched and the pending item is still there.
    assert_eq!(sim.peek(c, b.read_buffer, 8), codes(&[BR_OK, 0]));
    assert_eq!(
        sim.read(c, CT).done().brs,
        vec![Br::Noop, Br::TransactionComplete]
    );

    // A known command number with the wrong size is unknown too.
    let d = sim.write_read(c, CT, Cmds::new().code_u32(iow(b'c', 3, 4), 0), 256);
    let d = d.done();
    assert_eq!(
        (d.ret, d.write_consumed, d.read_consumed),
        (Err(Errno::EINVAL), 0, 0)
    );
}

#[test]
fn attempt_acquire_and_acquire_result_are_einval() {
    // §1.8: BC_ATTEMPT_ACQUIRE and BC_ACQUIRE_RESULT are unsupported.
    assert_eq!(BC_ATTEMPT_ACQUIRE, 0x4008_630A);
    assert_eq!(BC_ACQUIRE_RESULT, 0x4004_6302);
    let (mut sim, _m, c) = client_with_completes(1);
    for (cmd, payload) in [
        (BC_ATTEMPT_ACQUIRE, vec![0u8; 8]),
        (BC_ACQUIRE_RESULT, vec![0u8; 4]),
    ] {
        let cmds = Cmds::new().free_buffer(0x42).code(cmd).raw(&payload);
        let d = sim.write_read(c, CT, cmds, 256).done();
        assert_eq!(d.ret, Err(Errno::EINVAL), "{cmd:#x}");
        assert_eq!((d.write_consumed, d.read_consumed), (12, 0), "{cmd:#x}");
    }
}

#[test]
fn write_consumed_counts_every_command_exactly() {
    let (mut sim, m, c) = mgr_and_client();
    let cmds = Cmds::new()
        .enter_looper() // 4
        .free_buffer(0x1234) // 12, unknown buffer: logged and skipped
        .increfs(0) // 8, a ref to the manager
        .acquire(0) // 8
        .request_death(0, 0xd00d) // 16
        .oneway(0, 3, b"abc") // 68
        .increfs_done(0x1, 0x2) // 20, no such node: logged
        .dead_binder_done(0x99) // 12, no such death: logged
        .exit_looper(); // 4
    let d = sim.write_read(c, CT, cmds, 256).done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.write_consumed, 4 + 12 + 8 + 8 + 16 + 68 + 20 + 12 + 4);
    assert_eq!(d.read_consumed, 8);
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    assert_eq!(
        sim.info(c).refs,
        vec![RefInfo {
            handle: 0,
            strong: 1,
            weak: 1,
            dead: false,
            death: true,
        }]
    );
    assert_eq!(sim.info(m).todo, 1, "the oneway was queued");
}

#[test]
fn payload_past_write_size_is_efault() {
    // Rust driver: commands are read from a slice of write_size bytes; running off it faults
    // even when the memory behind it is readable.
    for (cmds, cut) in [
        (Cmds::new().enter_looper().free_buffer(0x1234), 4),
        (Cmds::new().enter_looper().oneway(0, 1, b"x"), 1),
        (Cmds::new().enter_looper().increfs(0), 4),
    ] {
        let (mut sim, m, c) = mgr_and_client();
        let mut b = bwr(&mut sim, c, &cmds, &[], 256);
        b.write_size -= cut;
        let d = sim.write_read_bwr(c, CT, b).done();
        assert_eq!(d.ret, Err(Errno::EFAULT));
        assert_eq!((d.write_consumed, d.read_consumed), (4, 0));
        assert_eq!(sim.ctx.transaction_count(), 0);
        assert_eq!(sim.info(m).todo, 0);
        assert!(sim.info(c).refs.is_empty());
    }
}

#[test]
fn fewer_than_four_trailing_bytes_are_ignored() {
    let (mut sim, _m, c) = mgr_and_client();
    for tail in 1..=3 {
        let cmds = Cmds::new().enter_looper().raw(&[0xff; 3][..tail]);
        let d = sim.write(c, CT, cmds);
        assert_eq!((d.ret, d.write_consumed), (Ok(0), 4), "tail of {tail}");
    }
    let d = sim.write(c, CT, Cmds::new().raw(&[1, 2, 3]));
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 0));
}

#[test]
fn bad_write_buffer_is_efault() {
    let (mut sim, _m, c) = client_with_completes(1);
    let mut b = bwr(&mut sim, c, &Cmds::new(), &[], 256);
    b.write_buffer = BAD;
    b.write_size = 8;
    let d = sim.write_read_bwr(c, CT, b).done();
    assert_eq!(d.ret, Err(Errno::EFAULT));
    assert_eq!((d.write_consumed, d.read_consumed), (0, 0));
    // The read half was skipped: its item waits.
    assert_eq!(
        sim.read(c, CT).done().brs,
        vec![Br::Noop, Br::TransactionComplete]
    );
}

#[test]
fn failed_transaction_stops_the_write_loop_until_resumed() {
    // §2.C: processing stops while the thread has a pending return error.
    let (mut sim, _m, c) = mgr_and_client();
    let cmds = Cmds::new().call(7, 1, b"x").increfs(0).enter_looper(); // no handle 7
    let d = sim.write_read(c, CT, cmds.clone(), 256).done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(
        d.write_consumed, 68,
        "just after the failing BC_TRANSACTION"
    );
    assert_eq!(d.brs, vec![Br::Noop, Br::FailedReply]);
    assert_eq!(d.read_consumed, 8);
    assert!(sim.info(c).refs.is_empty(), "BC_INCREFS not run");
    assert_eq!(sim.ctx.transaction_count(), 0);

    // Userspace resumes the same buffer from write_consumed.
    let mut b = bwr(&mut sim, c, &cmds, &[], 0);
    b.write_consumed = 68;
    let d = sim.write_read_bwr(c, CT, b).done();
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 68 + 8 + 4));
    assert_eq!(sim.info(c).refs.len(), 1);
    assert_eq!(sim.info(c).refs[0].handle, 0);
}

#[test]
fn pending_return_error_blocks_later_writes_until_it_is_read() {
    let (mut sim, _m, c) = mgr_and_client();
    let d = sim.write(c, CT, Cmds::new().call(9, 1, b""));
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 68));
    // The error is still pending: nothing of the next write runs.
    let d = sim.write(c, CT, Cmds::new().increfs(0));
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 0));
    assert!(sim.info(c).refs.is_empty());
    assert_eq!(sim.read(c, CT).done().brs, vec![Br::Noop, Br::FailedReply]);
    let d = sim.write(c, CT, Cmds::new().increfs(0));
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 8));
    assert_eq!(sim.info(c).refs.len(), 1);
}

#[test]
fn dead_reply_stops_the_write_loop_too() {
    // No context manager: handle 0 is BR_DEAD_REPLY (§2.J); the second call is not consumed.
    let mut sim = Sim::new();
    let c = sim.open_mapped(200, 10_001);
    let cmds = Cmds::new().call(0, 1, b"").call(0, 2, b"");
    let d = sim.write_read(c, CT, cmds, 256).done();
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 68));
    assert_eq!(d.brs, vec![Br::Noop, Br::DeadReply]);
}

#[test]
fn write_starts_at_write_consumed() {
    let (mut sim, _m, c) = mgr_and_client();
    // The bytes before write_consumed are not looked at: the unknown code there is skipped.
    let cmds = Cmds::new().code(0xdead_beef).increfs(0).enter_looper();
    let mut b = bwr(&mut sim, c, &cmds, &[], 0);
    b.write_consumed = 4;
    let d = sim.write_read_bwr(c, CT, b).done();
    assert_eq!((d.ret, d.write_consumed), (Ok(0), 16));
    assert_eq!(sim.info(c).refs.len(), 1);

    // Nothing left (or write_consumed past write_size): nothing runs, nothing changes.
    for start in [16, 20] {
        let mut b = bwr(&mut sim, c, &cmds, &[], 0);
        b.write_consumed = start;
        let d = sim.write_read_bwr(c, CT, b).done();
        assert_eq!((d.ret, d.write_consumed), (Ok(0), start));
    }
}

// ---------------------------------------------------------------------------------------------
// 3. The read loop
// ---------------------------------------------------------------------------------------------

#[test]
fn read_starts_with_noop_when_read_consumed_is_zero() {
    let (mut sim, _m, c) = mgr_and_client();
    let d = sim
        .write_read(c, CT, Cmds::new().oneway(0, 1, b""), 256)
        .done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!((d.write_consumed, d.read_consumed), (68, 8));
    assert_eq!(d.raw, codes(&[BR_NOOP, BR_TRANSACTION_COMPLETE]));
}

#[test]
fn read_appends_without_noop_when_read_consumed_is_nonzero() {
    let (mut sim, _m, c) = client_with_completes(1);
    let pre = codes(&[BR_OK, BR_OK]);
    let b = bwr(&mut sim, c, &Cmds::new(), &pre, 8 + 256);
    let d = sim.write_read_bwr(c, CT, b).done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.read_consumed, 12);
    assert_eq!(d.raw, codes(&[BR_OK, BR_OK, BR_TRANSACTION_COMPLETE]));
}

#[test]
fn read_of_80_bytes_takes_an_item_after_the_noop() {
    // §2.C: an item is dequeued while >= 76 bytes are left (NOOP 4 + 76 = 80).
    let (mut sim, _m, c) = client_with_completes(1);
    let d = sim.write_read(c, CT, Cmds::new(), 80).done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.raw, codes(&[BR_NOOP, BR_TRANSACTION_COMPLETE]));
}

#[test]
fn read_of_79_bytes_returns_only_the_noop_and_keeps_the_item() {
    // §2.C room check: "otherwise the read returns what it has" (C: break after the wait;
    // Rust: the loop is not entered, so nothing waits).
    let (mut sim, _m, c) = client_with_completes(1);
    let d = sim.write_read(c, CT, Cmds::new(), 79).done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.read_consumed, 4);
    assert_eq!(d.raw, codes(&[BR_NOOP]));
    assert!(!sim.is_parked(c, CT));
    assert_eq!(
        sim.read(c, CT).done().brs,
        vec![Br::Noop, Br::TransactionComplete]
    );
}

#[test]
fn read_with_less_than_76_bytes_after_read_consumed_returns_nothing() {
    let (mut sim, _m, c) = client_with_completes(1);
    let pre = codes(&[BR_OK, BR_OK]);
    let b = bwr(&mut sim, c, &Cmds::new(), &pre, 8 + 75);
    let d = sim.write_read_bwr(c, CT, b).done();
    assert_eq!((d.ret, d.read_consumed), (Ok(0), 8));
    let b = bwr(&mut sim, c, &Cmds::new(), &pre, 8 + 76);
    let d = sim.write_read_bwr(c, CT, b).done();
    assert_eq!((d.ret, d.read_consumed), (Ok(0), 12));
    assert_eq!(d.raw, codes(&[BR_OK, BR_OK, BR_TRANSACTION_COMPLETE]));
}

#[test]
fn read_too_small_for_an_item_returns_at_once_without_work() {
    // Rust driver: the read only waits inside the loop guarded by the room check, so a read
    // with no room for an item never parks.
    let mut sim = Sim::new();
    let p = sim.open_mapped(100, 1000);
    sim.write(p, 1, Cmds::new().enter_looper()).ok();
    let d = sim.write_read(p, 1, Cmds::new(), 79).done();
    assert_eq!((d.ret, d.read_consumed), (Ok(0), 4));
    assert_eq!(d.raw, codes(&[BR_NOOP]));
    assert!(!sim.is_parked(p, 1));
    assert_eq!(sim.info(p).ready_threads, 0);
    // With room for an item the same read parks.
    sim.write_read(p, 1, Cmds::new(), 80).parked();
}

#[test]
fn room_rule_applies_before_every_item() {
    // 84 bytes: NOOP (80 left) → item (76 left) → item (72 left) → stop.
    let (mut sim, _m, c) = client_with_completes(3);
    let d = sim.write_read(c, CT, Cmds::new(), 84).done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(
        d.raw,
        codes(&[BR_NOOP, BR_TRANSACTION_COMPLETE, BR_TRANSACTION_COMPLETE])
    );
    // The item left behind comes with the next read.
    let d = sim.read(c, CT).done();
    assert_eq!(d.raw, codes(&[BR_NOOP, BR_TRANSACTION_COMPLETE]));
}

#[test]
fn read_stops_after_one_transaction() {
    // §2.C stop points: one BR_TRANSACTION per read; the second waits.
    let (mut sim, m, c) = mgr_and_client();
    sim.write(c, CT, Cmds::new().call(0, 1, b"first")).ok();
    sim.write(c, CT + 1, Cmds::new().call(0, 2, b"second")).ok();
    assert_eq!(sim.info(m).todo, 2);
    let d = sim.write_read(m, M_TID, Cmds::new(), 1024).done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.read_consumed, 4 + 68);
    let t = d.txn();
    assert_eq!((t.code, t.data.as_slice()), (1, &b"first"[..]));
    assert_eq!((t.target_ptr, t.cookie, t.flags), (0, 0, 0));
    assert_eq!((t.sender_pid, t.sender_euid), (200, 10_001));
    assert_eq!(sim.info(m).todo, 1);

    // After replying, the thread's own BR_TRANSACTION_COMPLETE comes first, alone: a thread with
    // local work does not take process work in the same read.
    let cmds = Cmds::new().free_buffer(t.buffer).reply(b"");
    let d = sim.write_read(m, M_TID, cmds, 1024).done();
    assert_eq!(d.brs, vec![Br::Noop, Br::TransactionComplete]);
    let d = sim.write_read(m, M_TID, Cmds::new(), 1024).done();
    assert_eq!(d.brs.len(), 2);
    let t = d.txn();
    assert_eq!((t.code, t.data.as_slice()), (2, &b"second"[..]));
}

#[test]
fn read_stops_after_reply_with_completes_batched_before_it() {
    let (mut sim, m, c) = mgr_and_client();
    sim.write(c, CT, Cmds::new().call(0, 1, b"q")).ok();
    let t = sim.read(m, M_TID).done().txn();
    sim.write(m, M_TID, Cmds::new().free_buffer(t.buffer).reply(b"r"))
        .ok();
    // One more item behind the reply on the caller's queue.
    sim.write(c, CT, Cmds::new().oneway(0, 2, b"")).ok();
    let d = sim.read(c, CT).done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.read_consumed, 4 + 4 + 68);
    assert_eq!(d.brs.len(), 3);
    assert_eq!(d.brs[..2], [Br::Noop, Br::TransactionComplete]);
    let r = d.txn();
    assert!(matches!(d.brs[2], Br::Reply(_)));
    assert_eq!(r.data, b"r");
    assert_eq!((r.target_ptr, r.cookie, r.code), (0, 0, 0));
    assert_eq!((r.sender_pid, r.sender_euid), (0, 1000));
    assert_eq!(
        sim.read(c, CT).done().brs,
        vec![Br::Noop, Br::TransactionComplete]
    );
}

/// The client sends its node (ptr 0xb0, cookie 0xc0) to the manager, which keeps the buffer
/// (and so its handle 1) and replies. Returns the client's read of the reply.
fn client_node_held_by_manager(sim: &mut Sim, m: ProcId, c: ProcId) -> Done {
    let data = obj_binder(BINDER_TYPE_BINDER, 0xb0, 0xc0, 0);
    sim.write(c, CT, Cmds::new().transaction(0, 1, 0, &data, &[0]))
        .ok();
    let t = sim.read(m, M_TID).done().txn();
    let o = t.object(0);
    assert_eq!((o.hdr.type_, o.handle()), (BINDER_TYPE_HANDLE, 1));
    sim.write(m, M_TID, Cmds::new().reply(b"")).ok();
    sim.read(c, CT).done()
}

#[test]
fn refcount_items_and_complete_are_batched_with_the_reply() {
    let (mut sim, m, c) = mgr_and_client();
    let d = client_node_held_by_manager(&mut sim, m, c);
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.brs.len(), 5);
    assert_eq!(
        d.brs[..4],
        [
            Br::Noop,
            Br::Increfs(0xb0, 0xc0),
            Br::Acquire(0xb0, 0xc0),
            Br::TransactionComplete
        ]
    );
    assert!(matches!(d.brs[4], Br::Reply(_)));
    assert_eq!(d.read_consumed, 4 + 20 + 20 + 4 + 68);
}

#[test]
fn read_stops_after_dead_binder() {
    // §2.C stop points: BR_DEAD_BINDER ends the read; the node news queued after it waits.
    let (mut sim, m, c) = mgr_and_client();
    client_node_held_by_manager(&mut sim, m, c);
    let cmds = Cmds::new()
        .increfs_done(0xb0, 0xc0)
        .acquire_done(0xb0, 0xc0)
        .increfs(0)
        .request_death(0, 0xdead)
        .enter_looper();
    sim.write(c, CT, cmds).ok();
    sim.release(m);
    assert_eq!(sim.info(c).todo, 2);
    let d = sim.write_read(c, CT, Cmds::new(), 1024).done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.brs, vec![Br::Noop, Br::DeadBinder(0xdead)]);
    assert_eq!(d.read_consumed, 4 + 12);
    let d = sim.write_read(c, CT, Cmds::new(), 1024).done();
    assert_eq!(
        d.brs,
        vec![Br::Noop, Br::Release(0xb0, 0xc0), Br::Decrefs(0xb0, 0xc0)]
    );
}

// BR_SPAWN_LOOPER (§2.C, §2.D; Rust: only when this call wrote the BR_NOOP placeholder).

/// `mgr_and_client` with the client's `max_threads` set.
fn pool(max: u32) -> (Sim, ProcId, ProcId) {
    let (mut sim, m, c) = mgr_and_client();
    sim.set_max_threads(c, max);
    (sim, m, c)
}

/// A oneway from `tid` (so the read has an item) and a read, with `first` commands before.
fn oneway_and_read(sim: &mut Sim, c: ProcId, tid: Tid, first: Cmds) -> Done {
    let d = sim.write_read(c, tid, first.oneway(0, 1, b""), 256).done();
    assert_eq!(d.ret, Ok(0));
    d
}

#[test]
fn spawn_looper_replaces_the_noop_for_a_looper() {
    let (mut sim, _m, c) = pool(1);
    let d = oneway_and_read(&mut sim, c, CT, Cmds::new().enter_looper());
    assert_eq!(d.raw, codes(&[BR_SPAWN_LOOPER, BR_TRANSACTION_COMPLETE]));
    let i = sim.info(c);
    assert_eq!((i.requested_threads, i.requested_threads_started), (1, 0));
}

#[test]
fn no_spawn_looper_when_max_threads_is_zero() {
    let (mut sim, _m, c) = pool(0);
    let d = oneway_and_read(&mut sim, c, CT, Cmds::new().enter_looper());
    assert_eq!(d.raw, codes(&[BR_NOOP, BR_TRANSACTION_COMPLETE]));
    assert_eq!(sim.info(c).requested_threads, 0);
}

#[test]
fn no_spawn_looper_for_a_non_looper_thread() {
    let (mut sim, _m, c) = pool(4);
    let d = oneway_and_read(&mut sim, c, CT, Cmds::new());
    assert_eq!(d.raw, codes(&[BR_NOOP, BR_TRANSACTION_COMPLETE]));
    assert_eq!(sim.info(c).requested_threads, 0);
}

#[test]
fn only_one_spawn_request_is_outstanding() {
    let (mut sim, _m, c) = pool(4);
    let d = oneway_and_read(&mut sim, c, CT, Cmds::new().enter_looper());
    assert_eq!(d.brs[0], Br::SpawnLooper);
    let d = oneway_and_read(&mut sim, c, CT, Cmds::new());
    assert_eq!(d.raw, codes(&[BR_NOOP, BR_TRANSACTION_COMPLETE]));
    let d = oneway_and_read(&mut sim, c, CT + 1, Cmds::new().enter_looper());
    assert_eq!(d.raw, codes(&[BR_NOOP, BR_TRANSACTION_COMPLETE]));
    assert_eq!(sim.info(c).requested_threads, 1);
}

#[test]
fn register_looper_consumes_the_request_and_a_later_read_may_ask_again() {
    let (mut sim, _m, c) = pool(2);
    let d = oneway_and_read(&mut sim, c, CT, Cmds::new().enter_looper());
    assert_eq!(d.brs[0], Br::SpawnLooper);
    sim.write(c, CT + 1, Cmds::new().register_looper()).ok();
    let i = sim.info(c);
    assert_eq!((i.requested_threads, i.requested_threads_started), (0, 1));

    let d = oneway_and_read(&mut sim, c, CT, Cmds::new());
    assert_eq!(d.raw, codes(&[BR_SPAWN_LOOPER, BR_TRANSACTION_COMPLETE]));
    sim.write(c, CT + 2, Cmds::new().register_looper()).ok();
    let i = sim.info(c);
    assert_eq!((i.requested_threads, i.requested_threads_started), (0, 2));

    // max_threads reached.
    let d = oneway_and_read(&mut sim, c, CT, Cmds::new());
    assert_eq!(d.brs[0], Br::Noop);
    assert_eq!(sim.info(c).requested_threads, 0);
}

#[test]
fn register_looper_without_a_request_is_not_counted() {
    // §2.D: BC_REGISTER_LOOPER without a pending request only marks the thread invalid.
    let (mut sim, _m, c) = pool(1);
    sim.write(c, CT + 1, Cmds::new().register_looper()).ok();
    let i = sim.info(c);
    assert_eq!((i.requested_threads, i.requested_threads_started), (0, 0));
    let d = oneway_and_read(&mut sim, c, CT, Cmds::new().enter_looper());
    assert_eq!(d.brs[0], Br::SpawnLooper);
}

#[test]
fn no_spawn_looper_while_a_looper_is_parked() {
    let (mut sim, _m, c) = pool(1);
    sim.write_read(c, CT + 1, Cmds::new().enter_looper(), 256)
        .parked();
    assert_eq!(sim.info(c).ready_threads, 1);
    let d = oneway_and_read(&mut sim, c, CT, Cmds::new().enter_looper());
    assert_eq!(d.raw, codes(&[BR_NOOP, BR_TRANSACTION_COMPLETE]));
    assert_eq!(sim.info(c).requested_threads, 0);
}

#[test]
fn no_spawn_looper_without_the_noop_placeholder() {
    // Rust driver: BR_SPAWN_LOOPER only overwrites a BR_NOOP written by this very call.
    let (mut sim, _m, c) = pool(1);
    sim.write(c, CT, Cmds::new().enter_looper().oneway(0, 1, b""))
        .ok();
    let pre = codes(&[BR_OK]);
    let b = bwr(&mut sim, c, &Cmds::new(), &pre, 256);
    let d = sim.write_read_bwr(c, CT, b).done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.raw, codes(&[BR_OK, BR_TRANSACTION_COMPLETE]));
    assert_eq!(sim.info(c).requested_threads, 0);
    // The same thread asks as soon as a read starts at 0.
    let d = oneway_and_read(&mut sim, c, CT, Cmds::new());
    assert_eq!(d.brs[0], Br::SpawnLooper);
}

#[test]
fn spawn_looper_on_a_read_resumed_from_park() {
    let (mut sim, m, c) = pool(1);
    sim.write_read(c, CT, Cmds::new().enter_looper().call(0, 1, b""), 256)
        .parked();
    let t = sim.read(m, M_TID).done().txn();
    sim.write(m, M_TID, Cmds::new().free_buffer(t.buffer).reply(b""))
        .ok();
    let d = sim.wait(c, CT);
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.brs.len(), 3);
    assert_eq!(d.brs[..2], [Br::SpawnLooper, Br::TransactionComplete]);
    assert!(matches!(d.brs[2], Br::Reply(_)));
    assert_eq!(sim.info(c).requested_threads, 1);
}

// Blocking, non-blocking, interruption, faults, poll.

#[test]
fn nonblocking_empty_read_is_eagain_with_write_consumed_updated() {
    // §2.C: O_NONBLOCK → -EAGAIN when there is no work; the bwr is still written back.
    let mut sim = Sim::new();
    let p = sim.open_flags(300, 1000, true);
    let d = sim.write_read(p, 1, Cmds::new().enter_looper(), 256).done();
    assert_eq!(d.ret, Err(Errno::EAGAIN));
    assert_eq!((d.write_consumed, d.read_consumed), (4, 0));
    assert!(!sim.is_parked(p, 1));
    assert_eq!(sim.info(p).ready_threads, 0);
}

#[test]
fn nonblocking_read_with_work_delivers_it() {
    let (mut sim, _m, _c) = mgr_and_client();
    let p = sim.open_flags(300, 3000, true);
    let d = sim
        .write_read(p, 1, Cmds::new().oneway(0, 1, b""), 256)
        .done();
    assert_eq!(d.ret, Ok(0));
    assert_eq!(d.raw, codes(&[BR_NOOP, BR_TRANSACTION_COMPLETE]));
    let d = sim.read(p, 1).done();
    assert_eq!((d.ret, d.read_consumed), (Err(Errno::EAGAIN), 0));
}

#[test]
fn parked_looper_is_resumed_by_process_work() {
    let (mut sim, m, c) = mgr_and_client();
    sim.write_read(m, M_TID, Cmds::new().enter_looper(), 256)
        .parked();
    assert!(sim.is_parked(m, M_TID));
    assert_eq!(sim.info(m).ready_threads, 1);
    sim.write(c, CT, Cmds::new().call(0, 9, b"wake")).ok();
    assert!(sim.wake_log.contains(&Wake::Resume(m, M_TID)));
    let d = sim.wait(m, M_TID);
    assert_eq!(d.ret, Ok(0));
    assert_eq!((d.write_consumed, d.read_consumed), (4, 4 + 68));
    let t = d.txn();
    assert_eq!((t.code, t.data.as_slice()), (9, &b"wake"[..]));
    assert!(!sim.is_parked(m, M_TID));
    assert_eq!((sim.info(m).ready_threads, sim.info(m).todo), (0, 0));
}

/// A host's queue of wakes can name a thread twice; the second resume, for a thread already
/// answered, is stale: nothing happens and nothing is answered (not an `EINVAL` result that a
/// host would send to a thread that asked nothing).
#[test]
fn a_second_resume_of_an_answered_thread_is_stale() {
    let (mut sim, m, c) = mgr_and_client();
    sim.write_read(m, M_TID, Cmds::new().enter_looper(), 256)
        .parked();
    sim.write(c, CT, Cmds::new().call(0, 9, b"wake")).ok();
    assert_eq!(sim.wait(m, M_TID).txn().code, 9);
    assert_eq!(sim.resume_again(m, M_TID), Completion::Stale);
    assert!(!sim.is_parked(m, M_TID));
    assert_eq!(sim.resume_again(c, CT + 100), Completion::Stale);
}

#[test]
fn parked_non_looper_is_not_given_process_work() {
    // Rust driver: non-looper threads never take process work.
    let (mut sim, m, c) = mgr_and_client();
    sim.read(m, M_TID + 1).parked();
    assert_eq!(sim.info(m).ready_threads, 0);
    sim.write(c, CT, Cmds::new().call(0, 1, b"")).ok();
    assert!(sim.is_parked(m, M_TID + 1));
    assert!(!sim.wake_log.contains(&Wake::Resume(m, M_TID + 1)));
    assert_eq!(sim.info(m).todo, 1);
    assert_eq!(sim.read(m, M_TID).done().txn().code, 1);
}

#[test]
fn second_ioctl_while_parked_is_ebusy() {
    let (mut sim, m, c) = mgr_and_client();
    sim.read(m, M_TID).parked();
    let arg = sim.put(
        m,
        BinderVersion {
            protocol_version: -1,
        }
        .as_bytes(),
    );
    assert_eq!(
        sim.ioctl(m, M_TID, BINDER_VERSION, arg),
        Completion::Done(Err(Errno::EBUSY))
    );
    assert_eq!(sim.peek(m, arg, 4), (-1i32).to_ne_bytes());
    let d = sim
        .write_read(m, M_TID, Cmds::new().exit_looper(), 256)
        .done();
    assert_eq!(
        (d.ret, d.write_consumed, d.read_consumed),
        (Err(Errno::EBUSY), 0, 0)
    );
    assert_eq!(sim.thread_exit(m, M_TID), Err(Errno::EBUSY));
    assert!(sim.is_parked(m, M_TID));
    // Other threads of the process are not affected, and the parked read still completes.
    assert_eq!(sim.version(m, M_TID + 1), (Ok(0), 8));
    sim.write(c, CT, Cmds::new().call(0, 1, b"")).ok();
    assert_eq!(sim.wait(m, M_TID).txn().code, 1);
}

#[test]
fn interrupted_read_fails_eintr_and_leaves_the_ready_list() {
    let (mut sim, m, c) = mgr_and_client();
    sim.write_read(m, M_TID, Cmds::new().enter_looper(), 256)
        .parked();
    let d = sim.interrupt(m, M_TID);
    assert_eq!(d.ret, Err(Errno::EINTR));
    assert_eq!((d.write_consumed, d.read_consumed), (4, 0));
    assert!(!sim.is_parked(m, M_TID));
    assert_eq!(sim.info(m).ready_threads, 0);
    // Work now waits on the process queue; the next read takes it.
    sim.write(c, CT, Cmds::new().call(0, 1, b"")).ok();
    assert!(!sim.wake_log.contains(&Wake::Resume(m, M_TID)));
    assert_eq!(sim.info(m).todo, 1);
    assert_eq!(sim.read(m, M_TID).done().txn().code, 1);
}

#[test]
fn faulting_read_buffer_is_efault_and_keeps_the_work() {
    let (mut sim, _m, c) = client_with_completes(1);
    let mut b = bwr(&mut sim, c, &Cmds::new().enter_looper(), &[], 0);
    b.read_buffer = BAD;
    b.read_size = 256;
    let d = sim.write_read_bwr(c, CT, b).done();
    assert_eq!(d.ret, Err(Errno::EFAULT));
    assert_eq!((d.write_consumed, d.read_consumed), (4, 0));
    assert_eq!(
        sim.read(c, CT).done().brs,
        vec![Br::Noop, Br::TransactionComplete]
    );
}

#[test]

fn faulting_read_buffer_is_efault_even_without_work() {
    // §2.C: the BR_NOOP placeholder is written before waiting (C put_user, Rust write_code).
    let mut sim = Sim::new();
    let p = sim.open_mapped(100, 1000);
    let mut b = bwr(&mut sim, p, &Cmds::new(), &[], 0);
    b.read_buffer = BAD;
    b.read_size = 256;
    let d = sim.write_read_bwr(p, 1, b).done();
    assert_eq!((d.ret, d.read_consumed), (Err(Errno::EFAULT), 0));
    assert!(!sim.is_parked(p, 1));
}

#[test]

fn fault_while_writing_a_transaction_is_efault_and_fails_the_call() {
    // C: copy_to_user of the transaction data fails → cleanup with BR_FAILED_REPLY, -EFAULT, and
    // read_consumed is not updated. Rust: do_work's error is returned as is.
    let (mut sim, m, c) = mgr_and_client();
    sim.write(c, CT, Cmds::new().call(0, 1, b"x")).ok();
    // Only 8 bytes of the read buffer are mapped: room for the NOOP and the BR_TRANSACTION code.
    let arg = sim.alloc(m, 0);
    let read_buffer = arg + 48;
    let b = BinderWriteRead {
        read_size: 256,
        read_buffer,
        ..Default::default()
    };
    assert_eq!(sim.put(m, b.as_bytes()), arg);
    assert_eq!(sim.alloc(m, 8), read_buffer);
    assert_eq!(
        sim.ioctl(m, M_TID, BINDER_WRITE_READ, arg),
        Completion::Done(Err(Errno::EFAULT))
    );
    let back = BinderWriteRead::from_bytes(&sim.peek(m, arg, 48)).unwrap();
    assert_eq!(back.read_consumed, 0);
    assert_eq!(sim.ctx.transaction_count(), 0);
    assert!(sim.info(m).buffers.is_empty());
    assert_eq!(
        sim.read(c, CT).done().brs,
        vec![Br::Noop, Br::TransactionComplete, Br::FailedReply]
    );
}

#[test]
fn poll_by_a_looper_turns_readable_on_process_work() {
    // §2.A poll: a looper available for process work is woken when work is queued to the process.
    let (mut sim, m, c) = mgr_and_client();
    assert!(!sim.poll(m, M_TID));
    assert!(sim.readable.is_empty());
    sim.write(c, CT, Cmds::new().call(0, 4, b"p")).ok();
    assert!(sim.readable.contains(&(m, M_TID)));
    assert!(sim.wake_log.contains(&Wake::Readable(m, M_TID)));
    assert!(sim.poll(m, M_TID));
    let d = sim.read(m, M_TID).done();
    assert_eq!(d.brs.len(), 2);
    assert_eq!(d.txn().code, 4);
    // Serving the call, nothing queued: not readable.
    assert!(!sim.poll(m, M_TID));
}

#[test]
fn poll_by_a_non_looper_ignores_process_work() {
    let (mut sim, m, c) = mgr_and_client();
    assert!(!sim.poll(m, M_TID + 1));
    sim.write(c, CT, Cmds::new().call(0, 4, b"p")).ok();
    assert!(!sim.readable.contains(&(m, M_TID + 1)));
    assert!(!sim.poll(m, M_TID + 1));
    assert_eq!(sim.info(m).todo, 1);
}

//! The debugfs state files (kernel-binder.md §2.M), as the core renders them.
//!
//! Debug ids come from one counter shared by processes, nodes, refs, death records and
//! transactions, so each scenario's ids follow from its steps: in `World::new()` the manager
//! opens (1) and its node is created (2), then the client opens (3).
mod common;
use common::*;

use binder_driver::core::{Context, Credentials};
use binder_driver::uapi::*;

/// Asserts that `lines` appear in `text` as consecutive whole lines.
#[track_caller]
fn block(text: &str, lines: &[&str]) {
    let all: Vec<&str> = text.lines().collect();
    assert!(
        all.windows(lines.len()).any(|w| w == lines),
        "missing block {lines:#?} in:\n{text}"
    );
}

#[track_caller]
fn line(text: &str, l: &str) {
    block(text, &[l]);
}

#[track_caller]
fn no_line(text: &str, prefix: &str) {
    assert!(
        !text.lines().any(|l| l.starts_with(prefix)),
        "unexpected line starting {prefix:?} in:\n{text}"
    );
}

/// Index of the first line equal to `l`.
fn pos(text: &str, l: &str) -> usize {
    text.lines().position(|x| x == l).unwrap()
}

/// The client (thread 201) calls the manager with a node (ptr 0x1000, cookie 0x2000) in the
/// payload; the manager's looper holds the call without replying. Another client thread (202)
/// calls a handle it does not have. Ids: the call 4, the client's node 5, the manager's ref
/// to it 6, the failed call 7.
fn call_in_progress() -> World {
    let mut w = World::new();
    let mut data = obj_binder(BINDER_TYPE_BINDER, 0x1000, 0x2000, 0);
    data.extend_from_slice(b"ping");
    w.sim
        .write_read(
            w.client,
            CLIENT_TID,
            Cmds::new().transaction(0, 7, 0, &data, &[0]),
            256,
        )
        .parked();
    w.sim.wait(w.sm, SM_TID).ok().txn();
    let d = w.sim.write(w.client, 202, Cmds::new().call(5, 1, b"bad"));
    assert_eq!(d.items(), vec![]);
    w
}

#[test]
fn state_shows_threads_stacks_nodes_refs_and_buffers() {
    let w = call_in_progress();
    let s = w.sim.ctx.debug_state();
    assert!(
        s.starts_with("binder state:\nproc 200\ncontext binder\n"),
        "{s}"
    );
    no_line(&s, "dead nodes:");
    block(
        &s,
        &[
            "proc 200",
            "context binder",
            // Parked in its read, waiting for the reply (LOOPER_WAITING).
            "  thread 201: l 10 need_return 0 tr 0",
            "    outgoing transaction 4: 0000000000000004 from 200:201 to 100:101 code 7 flags 0 \
             pri 0 a0 r0 elapsed 0ms",
            // The manager's new strong ref must reach the client before the reply.
            "    node work 5: u0000000000001000 c0000000000002000",
            "    transaction complete",
            "  thread 202: l 00 need_return 0 tr 0",
            "    transaction error: 29201",
            "  node 5: u0000000000001000 c0000000000002000 hs 0 hw 0 ls 0 lw 0 is 1 iw 1 tr 0 \
             proc 100",
        ],
    );
    block(
        &s,
        &[
            "proc 100",
            "context binder",
            "  thread 101: l 02 need_return 0 tr 0",
            "    incoming transaction 4: 0000000000000004 from 200:201 to 100:101 code 7 flags 0 \
             pri 0 a0 r0 elapsed 0ms node 2 size 28:8 offset 0",
            "  node 2: u0000000000000000 c0000000000000000 hs 1 hw 1 ls 2 lw 1 is 0 iw 0 tr 0",
            "  ref 6: desc 1 node 5 s 1 w 0 d 0000000000000000",
            "  buffer 4: 0 size 28:8:0 active",
        ],
    );
    // Newest process first, as the kernel's list.
    assert!(pos(&s, "proc 200") < pos(&s, "proc 100"));
    assert!(s.ends_with("  buffer 4: 0 size 28:8:0 active\n"), "{s}");
}

#[test]
fn transactions_show_only_what_is_pending() {
    let w = call_in_progress();
    let s = w.sim.ctx.debug_transactions();
    assert!(s.starts_with("binder transactions:\n"), "{s}");
    block(
        &s,
        &[
            "proc 200",
            "context binder",
            "  thread 201: l 10 need_return 0 tr 0",
            "    outgoing transaction 4: 0000000000000004 from 200:201 to 100:101 code 7 flags 0 \
             pri 0 a0 r0 elapsed 0ms",
        ],
    );
    block(
        &s,
        &[
            "  thread 202: l 00 need_return 0 tr 0",
            "    transaction error: 29201",
            "proc 100",
            "context binder",
            "  thread 101: l 02 need_return 0 tr 0",
            "    incoming transaction 4: 0000000000000004 from 200:201 to 100:101 code 7 flags 0 \
             pri 0 a0 r0 elapsed 0ms node 2 size 28:8 offset 0",
            "  buffer 4: 0 size 28:8:0 active",
        ],
    );
    // No oneway in flight: nodes are left out; refs never show here.
    no_line(&s, "  node ");
    no_line(&s, "  ref ");
}

#[test]
fn stats_count_commands_returns_and_objects() {
    let w = call_in_progress();
    let s = w.sim.ctx.debug_stats();
    assert!(
        s.starts_with(
            "binder stats:\n\
             BC_TRANSACTION: 2\n\
             BC_ENTER_LOOPER: 1\n\
             BR_TRANSACTION: 1\n\
             proc: active 2 total 2\n\
             thread: active 3 total 3\n\
             node: active 2 total 2\n\
             ref: active 1 total 1\n\
             transaction: active 1 total 1\n\
             transaction_complete: active 1 total 1\n\
             proc 200\n"
        ),
        "{s}"
    );
    // Nothing of these kinds was ever created.
    no_line(&s, "death:");
    no_line(&s, "freeze:");
    block(
        &s,
        &[
            "proc 200",
            "context binder",
            "  threads: 2",
            "  requested threads: 0+0/0",
            "  ready threads 0",
            "  free async space 520192",
            "  nodes: 1",
            "  refs: 0 s 0 w 0",
            "  buffers: 0",
            "  pages: 0:0:254",
            "  pages high watermark: 0",
            "  pending transactions: 0",
            "  BC_TRANSACTION: 2",
            "proc 100",
            "context binder",
            "  threads: 1",
            "  requested threads: 0+0/0",
            "  ready threads 0",
            "  free async space 520192",
            "  nodes: 1",
            "  refs: 1 s 1 w 0",
            "  buffers: 1",
            "  pages: 1:0:253",
            "  pages high watermark: 1",
            "  pending transactions: 0",
            "  BC_ENTER_LOOPER: 1",
            "  BR_TRANSACTION: 1",
        ],
    );
    assert!(s.ends_with("  BR_TRANSACTION: 1\n"), "{s}");
}

#[test]
fn logs_record_calls_and_failures_with_reason() {
    let w = call_in_progress();
    assert_eq!(
        w.sim.ctx.debug_transaction_log(),
        "4: call  from 200:201 to 100:0 context binder node 2 handle 0 size 28:8 ret 0/0 l=0\n\
         7: call  from 200:202 to 0:0 context binder node 0 handle 5 size 3:0 ret 29201/-22 l=0 \
         reason: got transaction to invalid handle\n"
    );
    assert_eq!(
        w.sim.ctx.debug_failed_transaction_log(),
        "7: call  from 200:202 to 0:0 context binder node 0 handle 5 size 3:0 ret 29201/-22 l=0 \
         reason: got transaction to invalid handle\n"
    );
}

#[test]
fn proc_file_shows_one_pid() {
    let w = call_in_progress();
    let p = w.sim.ctx.debug_proc(200).unwrap();
    assert!(
        p.starts_with(
            "binder proc state:\n\
             proc 200\n\
             context binder\n\
             \x20 thread 201: l 10 need_return 0 tr 0\n"
        ),
        "{p}"
    );
    no_line(&p, "proc 100");
    let m = w.sim.ctx.debug_proc(100).unwrap();
    line(&m, "  ref 6: desc 1 node 5 s 1 w 0 d 0000000000000000");
    assert_eq!(w.sim.ctx.debug_proc(999), None);
}

/// The call completes; the manager keeps a strong ref with a death notification (record 7)
/// and a freeze notification (record 8), the reply (9) leaves a delivered buffer in the
/// client, and a oneway (10) waits in the manager's queue while its looper is busy.
#[test]
fn oneway_death_freeze_and_dead_node() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    let mut data = obj_binder(BINDER_TYPE_BINDER, 0x1000, 0x2000, 0);
    data.extend_from_slice(b"ping");
    sim.write_read(
        client,
        CLIENT_TID,
        Cmds::new().transaction(0, 7, 0, &data, &[0]),
        256,
    )
    .parked();
    let t = sim.wait(sm, SM_TID).ok().txn();
    let freeze = BinderHandleCookie {
        handle: 1,
        cookie: 0xf00,
    };
    sim.write_read(
        sm,
        SM_TID,
        Cmds::new()
            .acquire(1)
            .request_death(1, 0xdead)
            .code(BC_REQUEST_FREEZE_NOTIFICATION)
            .raw(freeze.as_bytes())
            .free_buffer(t.buffer)
            .reply(b"pong"),
        256,
    )
    .done()
    .ok();
    sim.wait(client, CLIENT_TID).ok();
    sim.write(client, CLIENT_TID, Cmds::new().oneway(0, 9, b"hello"))
        .ok();

    let s = sim.ctx.debug_state();
    block(
        &s,
        &[
            "proc 200",
            "context binder",
            "  thread 201: l 00 need_return 0 tr 0",
            "    transaction complete",
            "  node 5: u0000000000001000 c0000000000002000 hs 1 hw 1 ls 1 lw 1 is 1 iw 1 tr 0 \
             proc 100",
            // The reply: handed to the client and not freed, its transaction gone.
            "  buffer 0: 0 size 4:0:0 delivered",
        ],
    );
    block(
        &s,
        &[
            "  ref 6: desc 1 node 5 s 1 w 0 d 0000000000000007",
            "  buffer 10: 0 size 5:0:0 active",
            // Queued at registration, before the oneway arrived.
            "  has frozen binder",
            "  pending transaction 10: 000000000000000a from 200:201 to 100:0 code 9 flags 1 \
             pri 0 a1 r0 elapsed 0ms node 2 size 5:0 offset 0",
        ],
    );
    let st = sim.ctx.debug_stats();
    line(&st, "death: active 1 total 1");
    line(&st, "freeze: active 1 total 1");
    line(&st, "BC_REQUEST_FREEZE_NOTIFICATION: 1");
    block(
        &st,
        &[
            "  buffers: 1",
            "  pages: 1:0:253",
            "  pages high watermark: 1",
            "  pending transactions: 1",
        ],
    );

    // The oneway is in flight, so `transactions` lists its node.
    let tr = sim.ctx.debug_transactions();
    block(
        &tr,
        &[
            "proc 100",
            "context binder",
            "  node 2: u0000000000000000 c0000000000000000 hs 1 hw 1 ls 2 lw 1 is 0 iw 0 tr 0",
            "  buffer 10: 0 size 5:0:0 active",
        ],
    );

    sim.release(client);
    let s = sim.ctx.debug_state();
    assert!(
        s.starts_with(
            "binder state:\n\
             dead nodes:\n\
             \x20 node 5: u0000000000001000 c0000000000002000 hs 1 hw 1 ls 0 lw 0 is 1 iw 1 \
             tr 0 proc 100\n\
             proc 100\n"
        ),
        "{s}"
    );
    block(
        &s,
        &[
            "  ref 6: desc 1 dead node 5 s 1 w 0 d 0000000000000007",
            "  buffer 10: 0 size 5:0:0 active",
            "  has frozen binder",
            // The sender is gone; its thread comes from the transaction log.
            "  pending transaction 10: 000000000000000a from 200:201 to 100:0 code 9 flags 1 \
             pri 0 a1 r0 elapsed 0ms node 2 size 5:0 offset 0",
            "  has dead binder",
        ],
    );
    assert_eq!(sim.ctx.debug_proc(200), None);
    assert_eq!(
        sim.ctx.debug_transaction_log(),
        "4: call  from 200:201 to 100:0 context binder node 2 handle 0 size 28:8 ret 0/0 l=0\n\
         9: reply from 100:101 to 200:201 context binder node 0 handle 0 size 4:0 ret 0/0 l=0\n\
         10: async from 200:201 to 100:0 context binder node 2 handle 0 size 5:0 ret 0/0 l=0\n"
    );
    assert_eq!(sim.ctx.debug_failed_transaction_log(), "");

    // The manager reads everything queued: the oneway, then the death.
    let mut got = Vec::new();
    while let Step::Done(d) = sim.read(sm, SM_TID) {
        got.extend(d.ok().items());
    }
    assert!(got.contains(&Br::DeadBinder(0xdead)), "{got:?}");
    let p = sim.ctx.debug_proc(100).unwrap();
    line(&p, "  buffer 0: 0 size 5:0:0 delivered");
    line(&p, "  has delivered dead binder");
    no_line(&p, "  pending transaction");
}

#[test]
fn logs_keep_the_last_32_entries() {
    let World {
        mut sim, client, ..
    } = World::new();
    for _ in 0..40 {
        let d = sim
            .write_read(client, 202, Cmds::new().call(5, 1, b"bad"), 256)
            .done();
        assert_eq!(d.items(), vec![Br::FailedReply]);
    }
    for log in [
        sim.ctx.debug_transaction_log(),
        sim.ctx.debug_failed_transaction_log(),
    ] {
        let ids: Vec<u64> = log
            .lines()
            .map(|l| l.split(':').next().unwrap().parse().unwrap())
            .collect();
        assert_eq!(ids.len(), 32, "{log}");
        // Oldest first, the first 8 of the 40 (ids 4..=43) dropped.
        assert_eq!(ids, (12..44).collect::<Vec<u64>>());
        assert!(log.lines().all(|l| l.ends_with(
            "context binder node 0 handle 5 size 3:0 ret 29201/-22 l=0 \
             reason: got transaction to invalid handle"
        )));
    }
}

#[test]
fn empty_and_unmapped() {
    let mut ctx = Context::new("hwbinder");
    assert_eq!(ctx.debug_state(), "binder state:\n");
    assert_eq!(ctx.debug_transactions(), "binder transactions:\n");
    assert_eq!(ctx.debug_stats(), "binder stats:\n");
    assert_eq!(ctx.debug_transaction_log(), "");
    assert_eq!(ctx.debug_failed_transaction_log(), "");
    assert_eq!(ctx.debug_proc(5), None);

    let creds = Credentials {
        pid: 5,
        euid: 0,
        secctx: Vec::new(),
    };
    let _p = ctx.open(creds, false);
    assert_eq!(
        ctx.debug_state(),
        "binder state:\nproc 5\ncontext hwbinder\n"
    );
    // Nothing pending: the process is left out.
    assert_eq!(ctx.debug_transactions(), "binder transactions:\n");
    assert_eq!(
        ctx.debug_proc(5).as_deref(),
        Some("binder proc state:\nproc 5\ncontext hwbinder\n")
    );
    assert_eq!(
        ctx.debug_stats(),
        "binder stats:\n\
         proc: active 1 total 1\n\
         proc 5\n\
         context hwbinder\n\
         \x20 threads: 0\n\
         \x20 requested threads: 0+0/0\n\
         \x20 ready threads 0\n\
         \x20 free async space 0\n\
         \x20 nodes: 0\n\
         \x20 refs: 0 s 0 w 0\n\
         \x20 buffers: 0\n\
         \x20 pages: 0:0:0\n\
         \x20 pages high watermark: 0\n\
         \x20 pending transactions: 0\n"
    );
}

mod common;
use common::*;

#[test]
fn call_and_reply_through_handle_0() {
    let World {
        mut sim,
        sm,
        client,
    } = World::new();
    sim.write_read(client, CLIENT_TID, Cmds::new().call(0, 7, b"ping"), 256)
        .parked();
    let got = sim.wait(sm, SM_TID);
    let t = got.ok().txn();
    assert_eq!(t.data, b"ping");
    assert_eq!(t.code, 7);
    assert_eq!((t.sender_pid, t.sender_euid), (200, 10_001));
    sim.write_read(
        sm,
        SM_TID,
        Cmds::new().free_buffer(t.buffer).reply(b"pong"),
        256,
    )
    .done()
    .ok();
    let r = sim.wait(client, CLIENT_TID);
    assert_eq!(r.items()[0], Br::TransactionComplete);
    assert_eq!(r.txn().data, b"pong");
}

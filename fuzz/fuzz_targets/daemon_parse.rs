//! binderd's parsing of everything a client sends it: the messages of its sockets
//! (`protocol::Request`, and the client's parsing of `protocol::Reply`), posted commands
//! (`protocol::postable`), and the requests a thread leaves in its mailbox.
//!
//! The first byte picks what the rest is:
//! - 0: a client message. Oracle: no panic; a message that decodes re-encodes to bytes of the
//!   same length that decode to the same value (and re-encode to the same bytes).
//! - 1: a daemon message, the same way.
//! - 2: commands to post. Oracle: if binderd would post them (run them unanswered), they fit a
//!   chunk and, run by the driver core as binderd runs them, they finish at once without
//!   starting a transaction.
//! - 3, 4: a mailbox request (header and data written by the client into a real mailbox; 3
//!   takes the header as it comes, 4 makes its lengths agree with the data). binderd's
//!   checks (`serve_mailbox` in `daemon/server.rs`, mirrored below) are applied to what it
//!   reads back; what passes runs on a driver core as binderd runs it, with the core target's
//!   read-buffer oracles. Oracle: the request reads back as written, accepted lengths stay in
//!   their areas, posted commands obey the oracle of 2, and the answer reads back as written.

#![no_main]

use std::sync::OnceLock;

use binder_driver::core::{ProcId, Tid};
use binder_driver::fuzzing::{
    postable, Mailbox, MailboxAnswer, MailboxRequest, Reply, Request, ANSWER_DATA_SIZE, CHUNK,
    REQUEST_DATA_SIZE, REQ_IOCTL, REQ_LENT, THEN_READ,
};
use binder_driver::uapi::*;
use binder_sim_fuzz::host::{BwrInfo, Host};
use binder_sim_fuzz::oracle;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    binder_sim_fuzz::init();
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode % 5 {
        0 => request(rest),
        1 => reply(rest),
        2 => {
            let mut w = World::new();
            w.posted(rest);
            w.host.release_all_and_check(true);
        }
        m => mailbox(rest, m == 4),
    }
});

fn request(b: &[u8]) {
    let Some(q) = Request::decode(b) else { return };
    let e = q.encode();
    if e.len() != b.len() {
        oracle!(
            "{q:?} decoded from {} bytes re-encodes to {}",
            b.len(),
            e.len()
        );
    }
    match Request::decode(&e) {
        Some(q2) if q2 == q => {
            if q2.encode() != e {
                oracle!("{q:?} encodes two ways");
            }
        }
        other => oracle!("{q:?} re-decodes as {other:?}"),
    }
}

fn reply(b: &[u8]) {
    let Some(r) = Reply::decode(b) else { return };
    let e = r.encode();
    if e.len() != b.len() {
        oracle!(
            "{r:?} decoded from {} bytes re-encodes to {}",
            b.len(),
            e.len()
        );
    }
    match Reply::decode(&e) {
        Some(r2) if r2 == r => {
            if r2.encode() != e {
                oracle!("{r:?} encodes two ways");
            }
        }
        other => oracle!("{r:?} re-decodes as {other:?}"),
    }
}

/// A driver core with a context manager (its looper parked in a read) and a client, as
/// binderd would hold them when a client's request arrives.
struct World {
    host: Host,
    client: ProcId,
}

const SM_TID: Tid = 101;
const CLIENT_TID: Tid = 201;

impl World {
    fn new() -> World {
        let mut host = Host::new();
        let sm = host.open(100, 1000, false, 1);
        host.mmap(sm, 16 << 10).unwrap();
        let arg = host.mem.put(sm, &0i32.to_ne_bytes()).unwrap();
        host.ioctl(sm, SM_TID, BINDER_SET_CONTEXT_MGR, arg, None);
        let client = host.open(200, 10_001, false, 2);
        host.mmap(client, 16 << 10).unwrap();
        let mut w = World { host, client };
        w.bwr(sm, SM_TID, &BC_ENTER_LOOPER.to_ne_bytes(), 0);
        w.bwr(sm, SM_TID, &[], 256);
        w
    }

    /// A `BINDER_WRITE_READ` of `write` with `read_size` bytes to read, as binderd builds one
    /// for posted commands and lent buffers; its result if it finished.
    fn bwr(
        &mut self,
        p: ProcId,
        t: Tid,
        write: &[u8],
        read_size: u64,
    ) -> Option<Result<i32, binder_driver::core::Errno>> {
        let h = &mut self.host;
        let wb = h.mem.put(p, write)?;
        let rb = h.mem.alloc(p, read_size as usize)?;
        let bwr = BinderWriteRead {
            write_size: write.len() as u64,
            write_buffer: wb,
            read_size,
            read_buffer: rb,
            ..Default::default()
        };
        let arg = h.mem.put(p, bwr.as_bytes())?;
        let info = BwrInfo {
            read_buffer: rb,
            read_size,
            read_consumed: 0,
            write_size: write.len() as u64,
            write_consumed: 0,
        };
        h.ioctl(p, t, BINDER_WRITE_READ, arg, Some(info))
    }

    /// Commands a client posts: binderd runs them only if `postable`, as a write-only
    /// `BINDER_WRITE_READ` nobody waits for.
    fn posted(&mut self, commands: &[u8]) {
        if !postable(commands) {
            return;
        }
        if commands.len() > CHUNK {
            oracle!(
                "{} bytes of commands postable, more than a chunk",
                commands.len()
            );
        }
        let log = self.host.ctx.debug_transaction_log();
        let txns = self.host.ctx.transaction_count();
        if self.bwr(self.client, CLIENT_TID, commands, 0).is_none() {
            oracle!("posted commands did not finish at once (a transaction among them?)");
        }
        if self.host.ctx.debug_transaction_log() != log || self.host.ctx.transaction_count() != txns
        {
            oracle!("posted commands started a transaction: {commands:02x?}");
        }
        self.host.check_invariants();
    }
}

static MAILBOX: OnceLock<Mailbox> = OnceLock::new();

fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(b[i..i + 4].try_into().unwrap())
}

fn mailbox(b: &[u8], coherent: bool) {
    if b.len() < 32 {
        return;
    }
    let (h, data) = b.split_at(32);
    let data = &data[..data.len().min(REQUEST_DATA_SIZE)];
    let mut req = MailboxRequest {
        kind: u32_at(h, 0),
        cmd: u32_at(h, 4),
        arg: u64::from_le_bytes(h[8..16].try_into().unwrap()),
        write_len: u32_at(h, 16),
        read_size: u32_at(h, 20),
        posted: u32_at(h, 24),
        flags: u32_at(h, 28),
    };
    if coherent {
        req.kind = if req.kind & 1 == 0 {
            REQ_LENT
        } else {
            REQ_IOCTL
        };
        req.posted %= data.len() as u32 + 1;
        req.write_len = data.len() as u32 - req.posted;
        req.read_size %= ANSWER_DATA_SIZE as u32 + 64;
        req.flags &= THEN_READ;
    }
    let m = MAILBOX.get_or_init(|| Mailbox::create().expect("a mailbox"));
    // The whole data area is written, so that nothing of an earlier input is read.
    let pad = vec![0u8; REQUEST_DATA_SIZE - data.len()];
    m.write_request(&req, &[data, &pad]);

    // binderd's side, as `serve_mailbox` parses it.
    let got = m.read_request();
    if got != req {
        oracle!("mailbox request read back as {got:?}, written {req:?}");
    }
    let (posted, write_len) = (got.posted as usize, got.write_len as usize);
    let fits = posted.saturating_add(write_len) <= REQUEST_DATA_SIZE
        && got.read_size as usize <= ANSWER_DATA_SIZE
        && matches!(got.kind, REQ_IOCTL | REQ_LENT);
    let mut returns = Vec::new();
    if fits {
        let mut d = m.read_request_data(posted + write_len);
        if d.len() != posted + write_len {
            oracle!(
                "asked {} bytes of request data, got {}",
                posted + write_len,
                d.len()
            );
        }
        let expect: Vec<u8> = data.iter().chain(&pad).take(d.len()).copied().collect();
        if d != expect {
            oracle!("request data read back differs");
        }
        let write = d.split_off(posted);
        let mut w = World::new();
        if !d.is_empty() {
            w.posted(&d);
        }
        if !d.is_empty() && !postable(&d) {
            // binderd refuses the whole request.
        } else if got.kind == REQ_IOCTL {
            // Any ioctl, its argument an address in the client (mostly not mapped).
            w.host.ioctl(w.client, CLIENT_TID, got.cmd, got.arg, None);
        } else {
            let read_size = got.read_size as u64;
            let client = w.client;
            w.bwr(client, CLIENT_TID, &write, read_size);
            returns = vec![0xa5u8; read_size as usize];
        }
        w.host.check_invariants();
        w.host.release_all_and_check(true);
    } else {
        // Refused: binderd reads nothing more and runs nothing.
        let _ = m.read_request_data(posted.saturating_add(write_len));
    }

    // The answer, as binderd writes it and the client reads it.
    let closes: Vec<u8> = (0..(got.cmd % 4))
        .flat_map(|i: u32| i.to_ne_bytes())
        .collect();
    let ans = MailboxAnswer {
        kind: 1,
        closes: got.cmd % 4,
        ret: got.arg as i64,
        write_consumed: write_len as u64,
        read_consumed: returns.len() as u64,
    };
    m.write_answer(&ans, &[&returns, &closes]);
    if m.read_answer() != ans {
        oracle!("mailbox answer read back differs");
    }
    let n = (returns.len() + closes.len()).min(ANSWER_DATA_SIZE);
    let mut back = vec![0u8; n];
    m.read_answer_data(0, &mut back);
    let sent: Vec<u8> = returns.iter().chain(&closes).take(n).copied().collect();
    if back != sent {
        oracle!("mailbox answer data read back differs");
    }
}

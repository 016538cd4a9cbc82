//! CPU cost of the driver core alone: one small synchronous transaction and its reply, with
//! the buffer frees, through the state machine — no syscalls, no threads. The host here is
//! the least it can be: flat byte arrays for address spaces and receive buffers.

use std::hint::black_box;

use binder_driver::core::{
    Completion, Context, Credentials, Env, Errno, Fault, FileRef, Files, ProcId, ReceiveMemory,
    UserMemory, Wake,
};
use binder_driver::uapi::*;
use criterion::{criterion_group, criterion_main, Criterion};

const BASE: u64 = 0x1000_0000;
const SPACE: usize = 64 * 1024;
const MAP: u64 = 0x7000_0000;
const VM: usize = (1 << 20) - 8192;
// Fixed places in each address space.
const BWR: u64 = BASE;
const WBUF: u64 = BASE + 0x100;
const RBUF: u64 = BASE + 0x400;
const DATA: u64 = BASE + 0x800;
const PAYLOAD: usize = 32;

struct Spaces {
    spaces: Vec<(ProcId, Vec<u8>)>,
}

impl Spaces {
    fn get(&mut self, p: ProcId) -> &mut Vec<u8> {
        &mut self.spaces.iter_mut().find(|(id, _)| *id == p).unwrap().1
    }
}

impl UserMemory for Spaces {
    fn copy_from_user(&mut self, p: ProcId, addr: u64, dst: &mut [u8]) -> Result<(), Fault> {
        let s = self.get(p);
        let o = addr.checked_sub(BASE).ok_or(Fault)? as usize;
        dst.copy_from_slice(s.get(o..o + dst.len()).ok_or(Fault)?);
        Ok(())
    }
    fn copy_to_user(&mut self, p: ProcId, addr: u64, src: &[u8]) -> Result<(), Fault> {
        let s = self.get(p);
        let o = addr.checked_sub(BASE).ok_or(Fault)? as usize;
        s.get_mut(o..o + src.len())
            .ok_or(Fault)?
            .copy_from_slice(src);
        Ok(())
    }
}

struct Buffers {
    bufs: Vec<(ProcId, Vec<u8>)>,
}

impl ReceiveMemory for Buffers {
    fn buffer_mut(&mut self, p: ProcId, offset: usize, len: usize) -> &mut [u8] {
        let b = &mut self.bufs.iter_mut().find(|(id, _)| *id == p).unwrap().1;
        &mut b[offset..offset + len]
    }
}

/// The bench moves no files.
struct NoFiles;

impl Files for NoFiles {
    fn get_file(&mut self, _: ProcId, _: u32) -> Result<FileRef, Errno> {
        Err(Errno::EBADF)
    }
    fn put_file(&mut self, _: FileRef) {}
    fn close_fd(&mut self, _: ProcId, _: u32) {}
}

struct Bench {
    ctx: Context,
    mem: Spaces,
    rx: Buffers,
    files: NoFiles,
    client: ProcId,
    server: ProcId,
}

const CLIENT_TID: i32 = 2;
const SERVER_TID: i32 = 1;

impl Bench {
    fn new() -> Self {
        let mut ctx = Context::new("binder");
        let creds = |pid| Credentials {
            pid,
            euid: 0,
            secctx: Vec::new(),
        };
        let server = ctx.open(creds(1), false);
        let client = ctx.open(creds(2), false);
        let size = ctx.mmap(server, MAP, VM).unwrap();
        ctx.mmap(client, MAP, VM).unwrap();
        let mut b = Bench {
            ctx,
            mem: Spaces {
                spaces: vec![(server, vec![0; SPACE]), (client, vec![0; SPACE])],
            },
            rx: Buffers {
                bufs: vec![(server, vec![0; size]), (client, vec![0; size])],
            },
            files: NoFiles,
            client,
            server,
        };
        b.mem
            .copy_to_user(server, BWR, &0i32.to_ne_bytes())
            .unwrap();
        assert!(matches!(
            b.ioctl(server, SERVER_TID, BINDER_SET_CONTEXT_MGR),
            Completion::Done(Ok(0))
        ));
        let mut cmds = Vec::new();
        cmds.extend_from_slice(&BC_ENTER_LOOPER.to_ne_bytes());
        assert!(matches!(
            b.write_read(server, SERVER_TID, &cmds),
            Completion::Parked
        ));
        b
    }

    fn env(&mut self) -> (Env<'_>, &mut Context) {
        (
            Env {
                user: &mut self.mem,
                rx: &mut self.rx,
                files: &mut self.files,
            },
            &mut self.ctx,
        )
    }

    fn ioctl(&mut self, p: ProcId, tid: i32, cmd: u32) -> Completion {
        let (mut env, ctx) = self.env();
        let out = ctx.ioctl(p, tid, cmd, BWR, &mut env);
        assert!(out.wakes.is_empty());
        out.result
    }

    /// One BINDER_WRITE_READ; the woken threads are resumed like binderd would.
    fn write_read(&mut self, p: ProcId, tid: i32, cmds: &[u8]) -> Completion {
        self.mem.copy_to_user(p, WBUF, cmds).unwrap();
        let bwr = BinderWriteRead {
            write_size: cmds.len() as u64,
            write_consumed: 0,
            write_buffer: WBUF,
            read_size: 256,
            read_consumed: 0,
            read_buffer: RBUF,
        };
        self.mem.copy_to_user(p, BWR, bwr.as_bytes()).unwrap();
        let (mut env, ctx) = self.env();
        let mut out = ctx.ioctl(p, tid, BINDER_WRITE_READ, BWR, &mut env);
        let mut wakes = std::mem::take(&mut out.wakes);
        // The host's part of a transaction: its payload copy.
        while let Completion::CopyPayload(ops) = out.result {
            for op in ops {
                let dst = env.rx.buffer_mut(op.to, op.offset, op.len);
                env.user.copy_from_user(op.from, op.addr, dst).unwrap();
            }
            out = ctx.payload_copied(p, tid, Ok(()), &mut env);
            wakes.append(&mut out.wakes);
        }
        for w in wakes {
            let Wake::Resume(wp, wt) = w else { continue };
            let r = ctx.resume(wp, wt, &mut env);
            assert!(matches!(r.result, Completion::Done(Ok(0))));
        }
        out.result
    }

    /// The buffer address of the BR_TRANSACTION/BR_REPLY in `p`'s read buffer.
    fn delivered_buffer(&mut self, p: ProcId) -> u64 {
        let mut raw = [0u8; 256];
        self.mem.copy_from_user(p, RBUF, &mut raw).unwrap();
        let mut i = 0;
        loop {
            let cmd = u32::from_ne_bytes(raw[i..i + 4].try_into().unwrap());
            i += 4;
            if cmd == BR_TRANSACTION || cmd == BR_REPLY {
                let td = BinderTransactionData::from_bytes(&raw[i..]).unwrap();
                return td.data_buffer();
            }
            i += ioc_size(cmd) as usize;
        }
    }

    fn txn_cmd(cmds: &mut Vec<u8>, bc: u32) {
        let mut td = BinderTransactionData::default();
        td.set_target_handle(0);
        td.code = 1;
        td.data_size = PAYLOAD as u64;
        td.set_data_ptr(DATA, DATA + 64);
        cmds.extend_from_slice(&bc.to_ne_bytes());
        cmds.extend_from_slice(td.as_bytes());
    }

    /// Client calls, server frees the request and replies, client frees the reply (sent with
    /// its next command, as libbinder batches it).
    fn round_trip(&mut self, free_reply: &mut Option<u64>) {
        let mut cmds = Vec::with_capacity(128);
        if let Some(addr) = free_reply.take() {
            cmds.extend_from_slice(&BC_FREE_BUFFER.to_ne_bytes());
            cmds.extend_from_slice(&addr.to_ne_bytes());
        }
        Self::txn_cmd(&mut cmds, BC_TRANSACTION);
        let c = self.write_read(self.client, CLIENT_TID, &cmds);
        assert_eq!(c, Completion::Parked);
        let req = self.delivered_buffer(self.server);
        cmds.clear();
        cmds.extend_from_slice(&BC_FREE_BUFFER.to_ne_bytes());
        cmds.extend_from_slice(&req.to_ne_bytes());
        Self::txn_cmd(&mut cmds, BC_REPLY);
        let s = self.write_read(self.server, SERVER_TID, &cmds);
        assert_eq!(s, Completion::Done(Ok(0)));
        // The server goes back to waiting; the client's reply is already in its read buffer.
        let s = self.write_read(self.server, SERVER_TID, &[]);
        assert_eq!(s, Completion::Parked);
        *free_reply = Some(self.delivered_buffer(self.client));
    }
}

fn bench_core(c: &mut Criterion) {
    let mut b = Bench::new();
    let mut free = None;
    // Check once that the loop really moves a payload both ways.
    b.round_trip(&mut free);
    assert_eq!(b.ctx.transaction_count(), 0);
    c.bench_function("core: sync transaction + reply (32 B each way)", |bench| {
        bench.iter(|| {
            b.round_trip(&mut free);
            black_box(&free);
        })
    });
}

criterion_group!(benches, bench_core);
criterion_main!(benches);

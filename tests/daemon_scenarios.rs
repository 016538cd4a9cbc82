//! binderd scenarios with real processes: each test runs its own daemon in a temporary
//! directory; children are this test binary re-run in a role (see `scenario_roles`). Every
//! wait is bounded and waits on an event (a child's line, a job's result, the daemon's
//! process count, a descriptor's readiness), never on time passing.

mod common;

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use binder_sim::driver::daemon::{Config, Daemon};
use binder_sim::driver::device::Device;
use binder_sim::driver::uapi::*;
use common::*;

/// The dispatcher children re-run (`--exact`).
const ROLES: &str = "scenario_roles";

/// A child hands the manager its node (a BINDER object at offset 0).
const REGISTER: u32 = 1;
/// A child asks the manager for the registered node (a HANDLE object comes back).
const GET: u32 = 2;
/// Answered with a short reply.
const ECHO: u32 = 3;
/// The receiver holds it and does not answer.
const HOLD: u32 = 4;
/// A → B: B calls back into A before answering.
const CALLBACK: u32 = 5;
/// B → A, while A's CALLBACK is on B's stack.
const NESTED: u32 = 6;
/// Oneway: the receiver stops.
const STOP: u32 = 7;
/// Carries a BINDER_TYPE_FD: the receiver writes through it.
const WRITE_FD: u32 = 8;
/// A call the manager never answers: its caller stays parked.
const PARK: u32 = 9;
/// Codes of the ordered oneways.
const FIRST_ONEWAY: u32 = 1000;
const ONEWAYS: u32 = 20;

const B_PTR: u64 = 0xb0b0;
const B_COOKIE: u64 = 0xb0b1;
const A_PTR: u64 = 0xa0a0;
const A_COOKIE: u64 = 0xa0a1;
const S_PTR: u64 = 0x5e50;
const S_COOKIE: u64 = 0x5e51;
const R_PTR: u64 = 0xfd00;
const R_COOKIE: u64 = 0xfd01;
const DEATH_COOKIE: u64 = 0xdead_c00c;

/// The receive buffer size libbinder asks for.
const MAP_LEN: usize = (1 << 20) - 8192;
const FD_MESSAGE: &[u8] = b"through binder";

/// How soon a blocked client must notice the daemon went away.
const PROMPTLY: Duration = Duration::from_secs(5);

// ---------------------------------------------------------------------------------------------
// Children
// ---------------------------------------------------------------------------------------------

/// Dispatches a child's role; a no-op in a normal test run.
#[test]
fn scenario_roles() {
    let Ok(role) = std::env::var(ROLE) else {
        return;
    };
    let dev = PathBuf::from(std::env::var(DEV).unwrap());
    match role.as_str() {
        "manager" => manager(&dev),
        "caller" => caller(&dev),
        "oneway-server" => oneway_server(&dev),
        "oneway-sender" => oneway_sender(&dev),
        "nested-b" => nested_b(&dev),
        "node-holder" => node_holder(&dev),
        "fd-receiver" => fd_receiver(&dev),
        "fd-sender" => fd_sender(&dev),
        "readonly-map" => readonly_map(&dev),
        "shutdown-client" => shutdown_client(&dev),
        "attacker" => attacker(&dev),
        other => panic!("unknown role {other}"),
    }
    std::process::exit(0);
}

/// A context manager: answers every call with "mgr <pid> <data len>", frees oneways.
fn manager(dev: &Path) {
    let c = Client::open(dev);
    c.dev.set_context_mgr().unwrap();
    c.write_read(&Cmds::new().code(BC_ENTER_LOOPER).bytes, 0)
        .unwrap();
    tell("ready");
    let mut pending = Cmds::new();
    loop {
        let got = c.read_until_txn(&pending.bytes).unwrap();
        pending = ref_acks(&got);
        for br in got {
            let Br::Transaction(t) = br else { continue };
            pending = pending.free(t.td.data_buffer());
            if t.td.flags & TF_ONE_WAY == 0 {
                let answer = format!("mgr {} {}", std::process::id(), t.data.len());
                pending = pending.reply(answer.as_bytes());
            }
        }
    }
}

/// Makes calls on command: `call <handle> <code> <data len>` → tells the outcome.
fn caller(dev: &Path) {
    let c = Client::open(dev);
    tell("ready");
    loop {
        let line = hear();
        let words: Vec<&str> = line.split_whitespace().collect();
        match words[..] {
            ["call", handle, code, len] => {
                let data = vec![0x5a; len.parse().unwrap()];
                let got = c
                    .read_until_txn(
                        &Cmds::new()
                            .call(handle.parse().unwrap(), code.parse().unwrap(), &data)
                            .bytes,
                    )
                    .unwrap();
                tell(&outcome(&got));
                if let Some(r) = reply_of(&got) {
                    c.write_read(&Cmds::new().free(r.td.data_buffer()).bytes, 0)
                        .unwrap();
                }
            }
            ["exit"] | [] => return,
            _ => panic!("bad command {line:?}"),
        }
    }
}

/// A context manager with two looper threads that records the codes of the oneways it
/// receives, freeing each buffer only after recording it, and tells them after `ONEWAYS`.
fn oneway_server(dev: &Path) {
    let c = Arc::new(Client::open(dev));
    c.dev.set_context_mgr().unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let (ready_tx, ready_rx) = mpsc::channel();
    let (done_tx, done_rx) = mpsc::channel();
    for _ in 0..2 {
        let (c, seen, ready_tx, done_tx) =
            (c.clone(), seen.clone(), ready_tx.clone(), done_tx.clone());
        std::thread::spawn(move || {
            c.write_read(&Cmds::new().code(BC_ENTER_LOOPER).bytes, 0)
                .unwrap();
            ready_tx.send(()).unwrap();
            let mut pending = Cmds::new();
            loop {
                let got = c.read_until_txn(&pending.bytes).unwrap();
                pending = ref_acks(&got);
                for br in got {
                    let Br::Transaction(t) = br else { continue };
                    assert_ne!(t.td.flags & TF_ONE_WAY, 0, "{t:?}");
                    assert_eq!(t.td.sender_pid, 0, "oneways carry no sender pid");
                    assert!(
                        !t.data.is_empty()
                            && t.data.chunks(4).all(|w| w == t.td.code.to_ne_bytes()),
                        "payload of {} is {:?}",
                        t.td.code,
                        t.data
                    );
                    let mut s = seen.lock().unwrap();
                    s.push(t.td.code);
                    if s.len() == ONEWAYS as usize {
                        done_tx.send(s.clone()).unwrap();
                    }
                    drop(s);
                    // Only now may the node's next oneway be delivered.
                    pending = pending.free(t.td.data_buffer());
                }
            }
        });
    }
    for _ in 0..2 {
        ready_rx.recv().unwrap();
    }
    tell("ready");
    let codes: Vec<String> = done_rx.recv().unwrap().iter().map(u32::to_string).collect();
    tell(&format!("codes {}", codes.join(",")));
    assert_eq!(hear(), "exit");
}

/// Sends a oneway to handle 0 on command `send <code>`, tells `sent <code>`.
fn oneway_sender(dev: &Path) {
    let c = Client::open(dev);
    tell("ready");
    loop {
        let line = hear();
        let Some(code) = line.strip_prefix("send ") else {
            return;
        };
        let code: u32 = code.parse().unwrap();
        let got = c
            .write_read(&Cmds::new().oneway(0, code, b"poke").bytes, 256)
            .unwrap();
        assert!(got.contains(&Br::TransactionComplete), "{got:?}");
        tell(&format!("sent {code}"));
    }
}

/// Process B of A→B→A: hands its node to A (the manager) and gets A's node back; on
/// CALLBACK it calls A's node from the same thread before replying.
fn nested_b(dev: &Path) {
    let c = Arc::new(Client::open(dev));
    let r = register(&c, B_PTR, B_COOKIE, 0);
    let a = obj_at(&r, 0);
    assert_eq!(
        a.hdr.type_, BINDER_TYPE_HANDLE,
        "A's node arrives as a handle"
    );
    let ha = a.handle();
    c.write_read(
        &Cmds::new()
            .code(BC_INCREFS)
            .u32(ha)
            .code(BC_ACQUIRE)
            .u32(ha)
            .free(r.td.data_buffer())
            .bytes,
        0,
    )
    .unwrap();
    let looper = c.clone();
    std::thread::spawn(move || {
        let c = looper;
        c.write_read(&Cmds::new().code(BC_ENTER_LOOPER).bytes, 0)
            .unwrap();
        let mut pending = Cmds::new();
        loop {
            let got = c.read_until_txn(&pending.bytes).unwrap();
            pending = ref_acks(&got);
            for br in got {
                let Br::Transaction(t) = br else { continue };
                assert_eq!(t.td.code, CALLBACK, "{t:?}");
                assert_eq!((t.td.target_ptr(), t.td.cookie), (B_PTR, B_COOKIE));
                // Call back into A while A's call is on this thread's stack.
                let inner = c
                    .read_until_txn(&Cmds::new().call(ha, NESTED, b"from B").bytes)
                    .unwrap();
                let ir = reply_of(&inner).unwrap_or_else(|| panic!("nested call: {inner:?}"));
                let mut answer = ir.data.clone();
                answer.extend_from_slice(b"/B");
                pending = pending
                    .free(ir.td.data_buffer())
                    .free(t.td.data_buffer())
                    .reply(&answer);
            }
        }
    });
    tell(&format!("ready {ha}"));
    assert_eq!(hear(), "stop");
    let got = c
        .write_read(&Cmds::new().oneway(ha, STOP, b"stop").bytes, 256)
        .unwrap();
    assert!(got.contains(&Br::TransactionComplete), "{got:?}");
    tell("stopped");
}

/// Hands a node to the manager, then serves ECHO on it until killed.
fn node_holder(dev: &Path) {
    let c = Client::open(dev);
    let r = register(&c, S_PTR, S_COOKIE, 0);
    c.write_read(
        &Cmds::new()
            .free(r.td.data_buffer())
            .code(BC_ENTER_LOOPER)
            .bytes,
        0,
    )
    .unwrap();
    tell("ready");
    let mut pending = Cmds::new();
    loop {
        let got = c.read_until_txn(&pending.bytes).unwrap();
        pending = ref_acks(&got);
        for br in got {
            let Br::Transaction(t) = br else { continue };
            pending = pending.free(t.td.data_buffer());
            if t.td.flags & TF_ONE_WAY == 0 {
                pending = pending.reply(b"alive");
            }
        }
    }
}

/// Hands the manager a node that accepts fds; writes through every fd it is sent.
fn fd_receiver(dev: &Path) {
    let c = Client::open(dev);
    let r = register(&c, R_PTR, R_COOKIE, FLAT_BINDER_FLAG_ACCEPTS_FDS);
    c.write_read(
        &Cmds::new()
            .free(r.td.data_buffer())
            .code(BC_ENTER_LOOPER)
            .bytes,
        0,
    )
    .unwrap();
    tell("ready");
    let mut pending = Cmds::new();
    loop {
        let got = c.read_until_txn(&pending.bytes).unwrap();
        pending = ref_acks(&got);
        for br in got {
            let Br::Transaction(t) = br else { continue };
            assert_eq!(t.td.code, WRITE_FD, "{t:?}");
            assert_eq!(t.offsets.len(), 1);
            let o = BinderFdObject::from_bytes(&t.data[t.offsets[0] as usize..]).unwrap();
            assert_eq!(o.hdr.type_, BINDER_TYPE_FD);
            let fd = o.fd() as RawFd;
            // SAFETY: plain syscalls on the descriptor the driver installed for us.
            let (flags, wrote) = unsafe {
                let flags = libc::fcntl(fd, libc::F_GETFD);
                let n = libc::write(fd, FD_MESSAGE.as_ptr().cast(), FD_MESSAGE.len());
                libc::close(fd);
                (flags, n)
            };
            tell(&format!(
                "got fd cloexec {} wrote {wrote}",
                flags >= 0 && flags & libc::FD_CLOEXEC != 0
            ));
            pending = pending.free(t.td.data_buffer()).reply(b"written");
        }
    }
}

/// Gets the receiver's node from the manager and sends it a pipe's write end; reads what the
/// receiver wrote; counts its own descriptors around it.
fn fd_sender(dev: &Path) {
    let c = Client::open(dev);
    let h = get_node(&c);
    let before = fd_count();
    let mut fds = [0; 2];
    // SAFETY: plain syscall into a 2-element array.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // SAFETY: just created, owned from here on.
    let (rd, wr) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    let obj = fd_obj(wr.as_raw_fd());
    // The manager's node (plain BINDER_SET_CONTEXT_MGR) does not accept fds.
    let refused = c
        .read_until_txn(
            &Cmds::new()
                .call_objs(0, WRITE_FD, 0, obj.as_bytes(), &[0])
                .bytes,
        )
        .unwrap();
    let accepted = c
        .read_until_txn(
            &Cmds::new()
                .call_objs(h, WRITE_FD, 0, obj.as_bytes(), &[0])
                .bytes,
        )
        .unwrap();
    if let Some(r) = reply_of(&accepted) {
        c.write_read(&Cmds::new().free(r.td.data_buffer()).bytes, 0)
            .unwrap();
    }
    let mid = fd_count();
    drop(wr);
    // Everything the receiver wrote, then end of file: proof that no one — receiver or
    // daemon — still holds the write end.
    let mut text = Vec::new();
    let eof = loop {
        if !readable(rd.as_raw_fd(), Duration::from_secs(10)) {
            break false;
        }
        let mut buf = [0u8; 64];
        // SAFETY: reading into our buffer.
        let n = unsafe { libc::read(rd.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
        assert!(n >= 0, "{}", io::Error::last_os_error());
        if n == 0 {
            break true;
        }
        text.extend_from_slice(&buf[..n as usize]);
    };
    drop(rd);
    let after = fd_count();
    tell(&format!(
        "refused {} accepted {} fds {before} {mid} {after} read {:?} eof {eof}",
        outcome(&refused),
        outcome(&accepted),
        String::from_utf8_lossy(&text)
    ));
}

/// Maps its receive buffer and tries to make it writable.
fn readonly_map(dev: &Path) {
    let d = Device::open(dev).unwrap();
    let m = d.mmap(MAP_LEN).unwrap();
    // SAFETY: changing the protection of the mapping we own (it must fail).
    let r = unsafe {
        libc::mprotect(
            m.as_ptr() as *mut libc::c_void,
            m.len(),
            libc::PROT_READ | libc::PROT_WRITE,
        )
    };
    let mprotect = if r == 0 {
        "ok".to_string()
    } else {
        errno_str(&io::Error::last_os_error())
    };
    let second = match d.mmap(MAP_LEN) {
        Ok(_) => "ok".to_string(),
        Err(e) => errno_str(&e),
    };
    // The forced-write path (/proc/self/mem, as a debugger writes) cannot write a shared
    // mapping that was never allowed to be writable either.
    let procmem = {
        use std::io::{Seek, SeekFrom, Write};
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open("/proc/self/mem")
            .unwrap();
        f.seek(SeekFrom::Start(m.as_ptr() as u64)).unwrap();
        match f.write(&[0xff]) {
            Ok(n) => format!("wrote{n}"),
            Err(e) => errno_str(&e),
        }
    };
    // SAFETY: reading the first byte of our mapping.
    let byte = unsafe { *m.as_ptr() };
    tell(&format!(
        "mprotect {mprotect} mmap2 {second} procmem {} byte {byte}",
        if procmem.starts_with("wrote") {
            &procmem
        } else {
            "refused"
        }
    ));
}

/// Three threads in the daemon when it shuts down: a looper parked waiting for work, a
/// caller parked waiting for a reply that never comes, and one calling in a loop.
fn shutdown_client(dev: &Path) {
    let c = Arc::new(Client::open(dev));
    assert_eq!(c.dev.version().unwrap(), 8);
    let (tx, rx) = mpsc::channel::<(String, String)>();
    {
        let (c, tx) = (c.clone(), tx.clone());
        std::thread::spawn(move || {
            let r = c.write_read(&Cmds::new().code(BC_ENTER_LOOPER).bytes, 256);
            tx.send(("looper".into(), result_str(&r))).unwrap();
        });
    }
    {
        let (c, tx) = (c.clone(), tx.clone());
        std::thread::spawn(move || {
            let r = c.read_until_txn(&Cmds::new().call(0, PARK, b"park").bytes);
            tx.send(("parked-caller".into(), result_str(&r))).unwrap();
        });
    }
    tell("ready");
    assert_eq!(hear(), "go");
    {
        let (c, tx) = (c.clone(), tx.clone());
        std::thread::spawn(move || {
            let mut n = 0;
            let mut free = Cmds::new();
            loop {
                match c.read_until_txn(&free.call(0, ECHO, b"again").bytes) {
                    Ok(got) => {
                        let r = reply_of(&got).unwrap_or_else(|| panic!("{got:?}"));
                        assert_eq!(r.data, b"echo");
                        free = Cmds::new().free(r.td.data_buffer());
                        n += 1;
                        if n == 3 {
                            tx.send(("calling".into(), n.to_string())).unwrap();
                        }
                    }
                    Err(e) => {
                        tx.send(("caller".into(), errno_str(&e))).unwrap();
                        return;
                    }
                }
            }
        });
    }
    drop(tx);
    let mut ended = 0;
    while ended < 3 {
        let (who, what) = rx.recv().unwrap();
        if who != "calling" {
            ended += 1;
        }
        tell(&format!("{who} {what}"));
    }
    let again = match c.dev.version() {
        Ok(v) => format!("ok{v}"),
        Err(e) => errno_str(&e),
    };
    let c2 = c.clone();
    let fresh = std::thread::spawn(move || match c2.dev.version() {
        Ok(v) => format!("ok{v}"),
        Err(e) => errno_str(&e),
    })
    .join()
    .unwrap();
    let reopen = match Device::open(dev) {
        Ok(_) => "ok".to_string(),
        Err(e) => format!("{:?}", e.kind()),
    };
    tell(&format!("later {again} {fresh} {reopen}"));
}

/// Tries to attach a thread channel to another process's binder proc with its token.
fn attacker(dev: &Path) {
    let line = hear();
    let words: Vec<&str> = line.split_whitespace().collect();
    let ["attach", token, tid] = words[..] else {
        panic!("bad command {line:?}")
    };
    let s = raw::connect(dev);
    raw::send(
        &s,
        &raw::attach(token.parse().unwrap(), tid.parse().unwrap()),
    );
    tell(&match raw::recv(&s, EVENT_TIMEOUT) {
        None => "refused".to_string(),
        Some(m) => format!("answered {m:?}"),
    });
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn binder_obj(ptr: u64, cookie: u64, flags: u32) -> FlatBinderObject {
    let mut o = FlatBinderObject::default();
    o.hdr.type_ = BINDER_TYPE_BINDER;
    o.flags = flags;
    o.set_binder(ptr);
    o.cookie = cookie;
    o
}

fn handle_obj(handle: u32) -> FlatBinderObject {
    let mut o = FlatBinderObject::default();
    o.hdr.type_ = BINDER_TYPE_HANDLE;
    o.set_handle(handle);
    o
}

fn fd_obj(fd: RawFd) -> BinderFdObject {
    let mut o = BinderFdObject::default();
    o.hdr.type_ = BINDER_TYPE_FD;
    o.set_fd(fd as u32);
    o
}

/// The `i`th object of a received transaction, as a flat_binder_object.
fn obj_at(t: &Txn, i: usize) -> FlatBinderObject {
    FlatBinderObject::from_bytes(&t.data[t.offsets[i] as usize..]).unwrap()
}

fn reply_of(got: &[Br]) -> Option<&Txn> {
    got.iter().find_map(|b| match b {
        Br::Reply(r) => Some(r),
        _ => None,
    })
}

fn txn_of(got: &[Br]) -> Option<&Txn> {
    got.iter().find_map(|b| match b {
        Br::Transaction(t) => Some(t),
        _ => None,
    })
}

/// How a call ended, in one word or two.
fn outcome(got: &[Br]) -> String {
    if let Some(r) = reply_of(got) {
        return format!("reply {}", String::from_utf8_lossy(&r.data));
    }
    if got.contains(&Br::DeadReply) {
        return "dead-reply".into();
    }
    if got.contains(&Br::FailedReply) {
        return "failed-reply".into();
    }
    format!("{got:?}")
}

fn errno_str(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(n) => n.to_string(),
        None => format!("{:?}", e.kind()),
    }
}

fn result_str<T>(r: &io::Result<T>) -> String {
    match r {
        Ok(_) => "ok".into(),
        Err(e) => errno_str(e),
    }
}

fn fd_count() -> usize {
    std::fs::read_dir("/proc/self/fd").unwrap().count()
}

/// Whether `fd` turns readable (or hung up) within `timeout`.
fn readable(fd: RawFd, timeout: Duration) -> bool {
    let mut p = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    let deadline = Instant::now() + timeout;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        // SAFETY: one valid pollfd.
        let r = unsafe { libc::poll(&mut p, 1, left.as_millis() as i32) };
        if r > 0 {
            return true;
        }
        if r == 0 || left.is_zero() {
            return false;
        }
        // EINTR: wait out the rest.
    }
}

fn gettid() -> i32 {
    // SAFETY: plain syscall.
    unsafe { libc::gettid() }
}

/// One BINDER_WRITE_READ as the kernel reports it, whatever its result: the result, the
/// updated `binder_write_read`, and the return codes read (payloads not parsed).
fn raw_write_read(
    c: &Client,
    cmds: &[u8],
    read: usize,
) -> (io::Result<()>, BinderWriteRead, Vec<u8>) {
    let mut rbuf = vec![0u8; read];
    let mut bwr = BinderWriteRead {
        write_size: cmds.len() as u64,
        write_consumed: 0,
        write_buffer: cmds.as_ptr() as u64,
        read_size: read as u64,
        read_consumed: 0,
        read_buffer: rbuf.as_mut_ptr() as u64,
    };
    let r = c.dev.write_read(&mut bwr);
    rbuf.truncate(bwr.read_consumed as usize);
    (r, bwr, rbuf)
}

/// The 32-bit words of a read buffer (for reads that hold only bare return codes).
fn words(b: &[u8]) -> Vec<u32> {
    b.chunks(4)
        .map(|w| u32::from_ne_bytes(w.try_into().unwrap()))
        .collect()
}

/// In a child: hands the manager (handle 0) a node; returns the manager's reply, unfreed.
fn register(c: &Client, ptr: u64, cookie: u64, flags: u32) -> Txn {
    let obj = binder_obj(ptr, cookie, flags);
    let got = c
        .read_until_txn(
            &Cmds::new()
                .call_objs(0, REGISTER, 0, obj.as_bytes(), &[0])
                .bytes,
        )
        .unwrap();
    let acks = ref_acks(&got);
    if !acks.bytes.is_empty() {
        c.write_read(&acks.bytes, 0).unwrap();
    }
    reply_of(&got)
        .unwrap_or_else(|| panic!("register: {got:?}"))
        .clone()
}

/// In a child: asks the manager for the registered node; takes a reference of its own.
fn get_node(c: &Client) -> u32 {
    let got = c
        .read_until_txn(&Cmds::new().call(0, GET, &[]).bytes)
        .unwrap();
    let r = reply_of(&got).unwrap_or_else(|| panic!("get: {got:?}"));
    let o = obj_at(r, 0);
    assert_eq!(o.hdr.type_, BINDER_TYPE_HANDLE);
    let h = o.handle();
    c.write_read(
        &Cmds::new()
            .code(BC_INCREFS)
            .u32(h)
            .code(BC_ACQUIRE)
            .u32(h)
            .free(r.td.data_buffer())
            .bytes,
        0,
    )
    .unwrap();
    h
}

/// What the manager learnt from a REGISTER.
struct Registered {
    handle: u32,
    pid: i32,
    flags: u32,
}

/// On a manager thread: takes the next REGISTER, keeps a reference to the node it carries,
/// and replies (with `reply_obj` if given).
fn serve_register(c: &Client, reply_obj: Option<FlatBinderObject>) -> Registered {
    let got = c.read_until_txn(&[]).unwrap();
    let t = txn_of(&got).unwrap_or_else(|| panic!("register: {got:?}"));
    assert_eq!(t.td.code, REGISTER, "{t:?}");
    assert_eq!(t.offsets, [0]);
    let o = obj_at(t, 0);
    assert_eq!(
        o.hdr.type_, BINDER_TYPE_HANDLE,
        "the node arrives as a handle"
    );
    let h = o.handle();
    let cmds = Cmds::new()
        .code(BC_INCREFS)
        .u32(h)
        .code(BC_ACQUIRE)
        .u32(h)
        .free(t.td.data_buffer());
    let cmds = match reply_obj {
        Some(obj) => cmds.reply_objs(obj.as_bytes(), &[0]),
        None => cmds.reply(b"registered"),
    };
    let done = c.write_read(&cmds.bytes, 256).unwrap();
    assert!(done.contains(&Br::TransactionComplete), "{done:?}");
    let acks = ref_acks(&done);
    if !acks.bytes.is_empty() {
        c.write_read(&acks.bytes, 0).unwrap();
    }
    Registered {
        handle: h,
        pid: t.td.sender_pid,
        flags: o.flags,
    }
}

/// On a manager thread: answers the next GET with a handle to `node`.
fn serve_get(c: &Client, node: u32) {
    let got = c.read_until_txn(&[]).unwrap();
    let t = txn_of(&got).unwrap_or_else(|| panic!("get: {got:?}"));
    assert_eq!(t.td.code, GET, "{t:?}");
    let done = c
        .write_read(
            &Cmds::new()
                .free(t.td.data_buffer())
                .reply_objs(handle_obj(node).as_bytes(), &[0])
                .bytes,
            256,
        )
        .unwrap();
    assert!(done.contains(&Br::TransactionComplete), "{done:?}");
}

/// A context manager in this process, driven through one binder thread.
fn manager_here(d: &TestDaemon, name: &str) -> (Arc<Client>, BinderThread) {
    let a = Arc::new(Client::open(&d.device()));
    let t = BinderThread::spawn(name);
    let c = a.clone();
    t.run(move || {
        c.dev.set_context_mgr().unwrap();
        c.write_read(&Cmds::new().code(BC_ENTER_LOOPER).bytes, 0)
            .unwrap();
    });
    (a, t)
}

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

#[test]
fn oneways_to_one_node_arrive_in_order() {
    let d = TestDaemon::start("sc-oneway");
    let mut srv = ChildProc::spawn(ROLES, "oneway-server", &d.device());
    assert_eq!(srv.expect_line_within(EVENT_TIMEOUT), "ready");
    let c = Arc::new(Client::open(&d.device()));
    let t = BinderThread::spawn("oneway-client");
    let completes = t.run(move || {
        let payload = |code: u32| -> Vec<u8> {
            (0..=(code - FIRST_ONEWAY))
                .flat_map(|_| code.to_ne_bytes())
                .collect()
        };
        let count = |got: &[Br]| {
            got.iter()
                .filter(|b| **b == Br::TransactionComplete)
                .count()
        };
        // Ten in one write buffer, ten in ten ioctls.
        let mut batch = Cmds::new();
        for code in FIRST_ONEWAY..FIRST_ONEWAY + 10 {
            batch = batch.oneway(0, code, &payload(code));
        }
        let mut completes = vec![count(&c.write_read(&batch.bytes, 256).unwrap())];
        for code in FIRST_ONEWAY + 10..FIRST_ONEWAY + ONEWAYS {
            let got = c
                .write_read(&Cmds::new().oneway(0, code, &payload(code)).bytes, 256)
                .unwrap();
            completes.push(count(&got));
        }
        completes
    });
    assert_eq!(completes[0], 10, "one BR_TRANSACTION_COMPLETE per oneway");
    assert!(completes[1..].iter().all(|&n| n == 1), "{completes:?}");
    let want: Vec<String> = (FIRST_ONEWAY..FIRST_ONEWAY + ONEWAYS)
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        srv.expect_line_within(EVENT_TIMEOUT),
        format!("codes {}", want.join(","))
    );
    srv.say("exit");
    assert!(srv.wait());
}

#[test]
fn nested_call_a_b_a_returns_to_the_calling_thread() {
    let d = TestDaemon::start("sc-nested");
    let (a, ta) = manager_here(&d, "A-caller");
    let tid_a = ta.tid;
    let mut b = ChildProc::spawn(ROLES, "nested-b", &d.device());
    let c = a.clone();
    let reg = ta.run(move || serve_register(&c, Some(binder_obj(A_PTR, A_COOKIE, 0))));
    assert_eq!(reg.pid, b.pid());
    let line = b.expect_line_within(EVENT_TIMEOUT);
    assert!(line.starts_with("ready "), "{line}");
    // A second looper of A waits for process work: the nested call must not go to it.
    let looper = BinderThread::spawn("A-looper");
    let c = a.clone();
    let looper_got = looper.start(move || {
        let got = c
            .read_until_txn(&Cmds::new().code(BC_ENTER_LOOPER).bytes)
            .unwrap();
        (gettid(), got)
    });
    let c = a.clone();
    let h_b = reg.handle;
    let (calling_tid, nested, nested_tid, reply) = ta.run(move || {
        let calling_tid = gettid();
        let got = c
            .read_until_txn(&Cmds::new().call(h_b, CALLBACK, b"ping").bytes)
            .unwrap();
        let nested = txn_of(&got)
            .unwrap_or_else(|| panic!("A's caller got {got:?}"))
            .clone();
        let nested_tid = gettid();
        let got = c
            .read_until_txn(
                &Cmds::new()
                    .free(nested.td.data_buffer())
                    .reply(b"nested-ok")
                    .bytes,
            )
            .unwrap();
        let reply = reply_of(&got)
            .unwrap_or_else(|| panic!("A's caller got {got:?}"))
            .clone();
        c.write_read(&Cmds::new().free(reply.td.data_buffer()).bytes, 0)
            .unwrap();
        (calling_tid, nested, nested_tid, reply)
    });
    assert_eq!(calling_tid, tid_a);
    assert_eq!(
        nested_tid, calling_tid,
        "the nested call is served by the caller"
    );
    assert_eq!(nested.td.code, NESTED);
    assert_eq!(nested.data, b"from B");
    assert_eq!(nested.td.sender_pid, b.pid());
    assert_eq!(
        (nested.td.target_ptr(), nested.td.cookie),
        (A_PTR, A_COOKIE)
    );
    assert_eq!(reply.data, b"nested-ok/B");
    assert!(
        looper_got.try_recv().is_err(),
        "A's idle looper must not have been handed anything"
    );
    // The idle looper gets the next process work: B's STOP oneway.
    b.say("stop");
    assert_eq!(b.expect_line_within(EVENT_TIMEOUT), "stopped");
    let (tid_l, got) = await_result(&looper_got, EVENT_TIMEOUT, "A's looper");
    assert_ne!(tid_l, tid_a);
    let t = txn_of(&got).unwrap_or_else(|| panic!("{got:?}"));
    assert_eq!(t.td.code, STOP, "{got:?}");
    assert!(b.wait());
}

#[test]
fn kill9_of_a_node_owner_sends_dead_binder_to_the_looper() {
    let d = TestDaemon::start("sc-death");
    let (a, ta) = manager_here(&d, "manager");
    let mut s = ChildProc::spawn(ROLES, "node-holder", &d.device());
    let c = a.clone();
    let reg = ta.run(move || serve_register(&c, None));
    assert_eq!(reg.pid, s.pid());
    assert_eq!(s.expect_line_within(EVENT_TIMEOUT), "ready");
    let (c, h) = (a.clone(), reg.handle);
    let alive = ta.run(move || {
        let got = c
            .read_until_txn(
                &Cmds::new()
                    .code(BC_REQUEST_DEATH_NOTIFICATION)
                    .u32(h)
                    .u64(DEATH_COOKIE)
                    .call(h, ECHO, b"are you there")
                    .bytes,
            )
            .unwrap();
        if let Some(r) = reply_of(&got) {
            c.write_read(&Cmds::new().free(r.td.data_buffer()).bytes, 0)
                .unwrap();
        }
        outcome(&got)
    });
    assert_eq!(alive, "reply alive");
    let looper = BinderThread::spawn("looper");
    let c = a.clone();
    let death = looper.start(move || {
        c.read_until_txn(&Cmds::new().code(BC_ENTER_LOOPER).bytes)
            .unwrap()
    });
    s.kill9();
    let got = await_result(&death, EVENT_TIMEOUT, "looper after kill -9");
    assert!(got.contains(&Br::DeadBinder(DEATH_COOKIE)), "{got:?}");
    assert!(d.daemon().wait_for_processes("binder", 1, EVENT_TIMEOUT));
    // Acknowledge and clear: the clear is confirmed to this looper thread.
    let c = a.clone();
    let cleared = looper.run(move || {
        c.write_read(
            &Cmds::new()
                .code(BC_DEAD_BINDER_DONE)
                .u64(DEATH_COOKIE)
                .code(BC_CLEAR_DEATH_NOTIFICATION)
                .u32(h)
                .u64(DEATH_COOKIE)
                .bytes,
            256,
        )
        .unwrap()
    });
    assert!(
        cleared.contains(&Br::Other(BR_CLEAR_DEATH_NOTIFICATION_DONE)),
        "{cleared:?}"
    );
    // The handle now names a dead node.
    let c = a.clone();
    let after = ta.run(move || {
        let got = c
            .read_until_txn(&Cmds::new().call(h, ECHO, b"still there?").bytes)
            .unwrap();
        c.write_read(
            &Cmds::new()
                .code(BC_RELEASE)
                .u32(h)
                .code(BC_DECREFS)
                .u32(h)
                .bytes,
            0,
        )
        .unwrap();
        outcome(&got)
    });
    assert_eq!(after, "dead-reply");
}

#[test]
fn reply_to_a_killed_caller_completes_and_frees_the_buffer() {
    let d = TestDaemon::start("sc-midcall");
    let (a, ta) = manager_here(&d, "server");
    // 600 KiB held by a caller that dies, then 700 KiB: the second fits in the server's
    // ~1 MiB receive buffer only once the first is freed — by BC_FREE_BUFFER, not before.
    let (held, big) = (600 << 10, 700 << 10);
    let mut victim = ChildProc::spawn(ROLES, "caller", &d.device());
    assert_eq!(victim.expect_line_within(EVENT_TIMEOUT), "ready");
    victim.say(&format!("call 0 {HOLD} {held}"));
    let c = a.clone();
    let t = ta.run(move || {
        let got = c.read_until_txn(&[]).unwrap();
        txn_of(&got).unwrap_or_else(|| panic!("{got:?}")).td
    });
    assert_eq!(t.code, HOLD);
    assert_eq!(t.data_size, held as u64);
    assert_eq!(t.sender_pid, victim.pid());
    assert_eq!(d.daemon().processes("binder"), Some(2));
    victim.kill9();
    assert!(
        d.daemon().wait_for_processes("binder", 1, EVENT_TIMEOUT),
        "the dead caller is released"
    );
    let c = a.clone();
    let (late, rest) = ta.run(move || {
        let cmds = Cmds::new().reply(b"too late").free(t.data_buffer());
        let (r, bwr, read) = raw_write_read(&c, &cmds.bytes, 256);
        let rest = cmds.bytes[bwr.write_consumed as usize..].to_vec();
        ((result_str(&r), bwr.write_consumed, words(&read)), rest)
    });
    // As in the kernel, the failed reply ends the write (the replier is told
    // BR_TRANSACTION_COMPLETE through its return error); the BC_FREE_BUFFER after it is left
    // unconsumed, for the client to send again as libbinder does.
    assert_eq!(
        late,
        (
            "ok".to_string(),
            4 + 64,
            vec![BR_NOOP, BR_TRANSACTION_COMPLETE]
        ),
        "reply target gone"
    );
    let mut next = ChildProc::spawn(ROLES, "caller", &d.device());
    assert_eq!(next.expect_line_within(EVENT_TIMEOUT), "ready");
    // The held buffer is still the server's: no room yet.
    next.say(&format!("call 0 {ECHO} {big}"));
    assert_eq!(next.expect_line_within(EVENT_TIMEOUT), "failed-reply");
    let c = a.clone();
    ta.run(move || c.write_read(&rest, 0).unwrap());
    next.say(&format!("call 0 {ECHO} {big}"));
    let c = a.clone();
    let size = ta.run(move || {
        let got = c.read_until_txn(&[]).unwrap();
        let t = txn_of(&got).unwrap_or_else(|| panic!("{got:?}")).td;
        c.write_read(&Cmds::new().free(t.data_buffer()).reply(b"room").bytes, 256)
            .unwrap();
        t.data_size
    });
    assert_eq!(size, big as u64);
    assert_eq!(next.expect_line_within(EVENT_TIMEOUT), "reply room");
    next.say("exit");
    assert!(next.wait());
    assert!(d.daemon().wait_for_processes("binder", 1, EVENT_TIMEOUT));
}

#[test]
fn fd_crosses_to_a_node_that_accepts_fds_and_nothing_leaks() {
    let d = TestDaemon::start("sc-fd");
    let (a, ta) = manager_here(&d, "manager");
    let mut rx = ChildProc::spawn(ROLES, "fd-receiver", &d.device());
    let c = a.clone();
    let reg = ta.run(move || serve_register(&c, None));
    assert_eq!(reg.pid, rx.pid());
    assert_ne!(reg.flags & FLAT_BINDER_FLAG_ACCEPTS_FDS, 0);
    assert_eq!(rx.expect_line_within(EVENT_TIMEOUT), "ready");
    let c = a.clone();
    let served = ta.start(move || serve_get(&c, reg.handle));
    let mut tx = ChildProc::spawn(ROLES, "fd-sender", &d.device());
    await_result(&served, EVENT_TIMEOUT, "GET");
    assert_eq!(
        rx.expect_line_within(EVENT_TIMEOUT),
        format!("got fd cloexec true wrote {}", FD_MESSAGE.len())
    );
    let line = tx.expect_line_within(EVENT_TIMEOUT);
    let before: usize = line
        .split(" fds ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{line}"));
    assert_eq!(
        line,
        format!(
            "refused failed-reply accepted reply written fds {before} {} {before} read {:?} eof true",
            before + 2,
            String::from_utf8_lossy(FD_MESSAGE)
        )
    );
    assert!(tx.wait());
    assert!(d.daemon().wait_for_processes("binder", 2, EVENT_TIMEOUT));
}

#[test]
fn receive_buffer_cannot_be_made_writable_or_mapped_twice() {
    let d = TestDaemon::start("sc-ro");
    let mut child = ChildProc::spawn(ROLES, "readonly-map", &d.device());
    assert_eq!(
        child.expect_line_within(EVENT_TIMEOUT),
        format!(
            "mprotect {} mmap2 {} procmem refused byte 0",
            libc::EACCES,
            libc::EBUSY
        )
    );
    assert!(child.wait());
}

#[test]
fn two_daemons_have_separate_contexts() {
    let d1 = TestDaemon::start("sc-two-a");
    let d2 = TestDaemon::start("sc-two-b");
    let mut mgr1 = ChildProc::spawn(ROLES, "manager", &d1.device());
    assert_eq!(mgr1.expect_line_within(EVENT_TIMEOUT), "ready");
    let mut on2 = ChildProc::spawn(ROLES, "caller", &d2.device());
    assert_eq!(on2.expect_line_within(EVENT_TIMEOUT), "ready");
    on2.say(&format!("call 0 {ECHO} 2"));
    assert_eq!(on2.expect_line_within(EVENT_TIMEOUT), "dead-reply");
    let mut on1 = ChildProc::spawn(ROLES, "caller", &d1.device());
    assert_eq!(on1.expect_line_within(EVENT_TIMEOUT), "ready");
    on1.say(&format!("call 0 {ECHO} 2"));
    assert_eq!(
        on1.expect_line_within(EVENT_TIMEOUT),
        format!("reply mgr {} 2", mgr1.pid())
    );
    assert_eq!(d1.daemon().processes("binder"), Some(2));
    assert_eq!(d2.daemon().processes("binder"), Some(1));
    // The second context takes a manager of its own, and its callers reach that one.
    let mut mgr2 = ChildProc::spawn(ROLES, "manager", &d2.device());
    assert_eq!(mgr2.expect_line_within(EVENT_TIMEOUT), "ready");
    on2.say(&format!("call 0 {ECHO} 3"));
    assert_eq!(
        on2.expect_line_within(EVENT_TIMEOUT),
        format!("reply mgr {} 3", mgr2.pid())
    );
    for mut c in [on1, on2] {
        c.say("exit");
        assert!(c.wait());
    }
}

#[test]
fn a_live_daemon_owns_its_dir_and_a_stale_socket_is_replaced() {
    let d = TestDaemon::start("sc-inuse");
    let mut config = Config::new(&d.dir.0);
    config.devices = vec!["binder".into()];
    config.workers = 1;
    let e = Daemon::start(config).err().expect("second daemon refused");
    assert_eq!(e.kind(), io::ErrorKind::AddrInUse, "{e}");
    assert!(
        e.to_string().contains(&d.dir.0.display().to_string()),
        "{e}"
    );
    // The first one still serves.
    let c = Device::open(d.device()).unwrap();
    assert_eq!(c.version().unwrap(), 8);
    drop(c);

    let dir = TempDir::new("sc-stale");
    let sock = dir.0.join("binder");
    // A socket file nobody listens on, and the pid file of a dead daemon, unlocked.
    drop(std::os::unix::net::UnixListener::bind(&sock).unwrap());
    std::fs::write(dir.0.join("binderd.pid"), "999999999\n").unwrap();
    assert!(Device::open(&sock).is_err(), "the stale socket refuses");
    let mut config = Config::new(&dir.0);
    config.devices = vec!["binder".into()];
    config.workers = 1;
    let daemon = Daemon::start(config).expect("a stale socket is replaced");
    let mut caller = ChildProc::spawn(ROLES, "caller", &sock);
    assert_eq!(caller.expect_line_within(EVENT_TIMEOUT), "ready");
    caller.say(&format!("call 0 {ECHO} 1"));
    assert_eq!(caller.expect_line_within(EVENT_TIMEOUT), "dead-reply");
    caller.say("exit");
    assert!(caller.wait());
    daemon.shutdown();
}

/// The `binderd` built beside this test binary (it belongs to `binder-driver`, which cargo
/// does not build for this package's tests, so it is built here; a no-op when fresh).
fn binderd_binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(Path::parent).unwrap(); // target/<profile>
    let target_dir = profile_dir.parent().unwrap();
    let bin = profile_dir.join("binderd");
    let mut cmd = Command::new(env!("CARGO"));
    cmd.args([
        "build",
        "--quiet",
        "-p",
        "binder-driver",
        "--bin",
        "binderd",
    ])
    .arg("--manifest-path")
    .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
    .arg("--target-dir")
    .arg(target_dir)
    .stdin(Stdio::null());
    match profile_dir.file_name().and_then(|n| n.to_str()) {
        Some("debug") => {}
        Some("release") => {
            cmd.arg("--release");
        }
        Some(p) => {
            cmd.args(["--profile", p]);
        }
        None => {}
    }
    let built = cmd.spawn().map(|c| wait_exit(c, Duration::from_secs(600)));
    match built {
        Ok(s) if s.success() => {}
        other if bin.exists() => eprintln!("building binderd: {other:?}; using the one there"),
        other => panic!("cannot build binderd: {other:?}"),
    }
    assert!(bin.exists(), "{} missing", bin.display());
    bin
}

/// Waits for `child` to exit, at most `timeout` (then kills it and panics). Waits on its
/// pidfd, so no polling.
fn wait_exit(mut child: Child, timeout: Duration) -> ExitStatus {
    // SAFETY: plain syscall; the fd is owned on success.
    let pidfd = unsafe { libc::syscall(libc::SYS_pidfd_open, child.id() as libc::pid_t, 0) };
    assert!(pidfd >= 0, "pidfd_open: {}", io::Error::last_os_error());
    // SAFETY: just opened.
    let pidfd = unsafe { OwnedFd::from_raw_fd(pidfd as RawFd) };
    if !readable(pidfd.as_raw_fd(), timeout) {
        let _ = child.kill();
        let _ = child.wait();
        panic!("process {} did not exit in {timeout:?}", child.id());
    }
    child.wait().unwrap()
}

/// A spawned process killed and reaped if the test ends early.
struct Reaped(Option<Child>);

impl Drop for Reaped {
    fn drop(&mut self) {
        if let Some(mut c) = self.0.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// Lines a process writes on stderr, as they come.
fn stderr_lines(child: &mut Child) -> mpsc::Receiver<String> {
    use std::io::BufRead;
    let err = child.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(err).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    rx
}

/// Every line until the writer closes its end, at most `EVENT_TIMEOUT`.
fn all_lines(rx: &mpsc::Receiver<String>) -> Vec<String> {
    let deadline = Instant::now() + EVENT_TIMEOUT;
    let mut lines = Vec::new();
    loop {
        match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(l) => lines.push(l),
            Err(mpsc::RecvTimeoutError::Disconnected) => return lines,
            Err(mpsc::RecvTimeoutError::Timeout) => panic!("stderr still open: {lines:?}"),
        }
    }
}

#[test]
fn binderd_binary_owns_its_dir_and_exits_cleanly_on_sigterm() {
    let bin = binderd_binary();
    let dir = TempDir::new("sc-binderd");
    let args = |c: &mut Command| {
        c.arg("--dir")
            .arg(&dir.0)
            .args(["--devices", "binder,hwbinder", "--workers", "2"])
            .env("NO_COLOR", "1")
            .env("RUST_LOG", "info")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
    };
    let mut cmd = Command::new(&bin);
    args(&mut cmd);
    let mut first = cmd.spawn().unwrap();
    let log = stderr_lines(&mut first);
    let mut first = Reaped(Some(first));
    let deadline = Instant::now() + EVENT_TIMEOUT;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let line = log
            .recv_timeout(left)
            .unwrap_or_else(|e| panic!("binderd never said it serves: {e}"));
        if line.contains("binderd serving") {
            break;
        }
    }
    // A second one on the same dir refuses, naming the dir.
    let mut cmd = Command::new(&bin);
    args(&mut cmd);
    let mut second = cmd.spawn().unwrap();
    let second_log = stderr_lines(&mut second);
    let status = wait_exit(second, EVENT_TIMEOUT);
    let said = all_lines(&second_log);
    assert!(!status.success(), "{status:?} {said:?}");
    let dir_name = dir.0.display().to_string();
    assert!(said.iter().any(|l| l.contains(&dir_name)), "{said:?}");
    // The first one serves both devices to real processes.
    for dev in ["binder", "hwbinder"] {
        let mut caller = ChildProc::spawn(ROLES, "caller", &dir.0.join(dev));
        assert_eq!(caller.expect_line_within(EVENT_TIMEOUT), "ready");
        caller.say(&format!("call 0 {ECHO} 1"));
        assert_eq!(caller.expect_line_within(EVENT_TIMEOUT), "dead-reply");
        caller.say("exit");
        assert!(caller.wait());
    }
    let client = Device::open(dir.0.join("binder")).unwrap();
    assert_eq!(client.version().unwrap(), 8);
    let child = first.0.take().unwrap();
    // SAFETY: signalling our own child.
    assert_eq!(unsafe { libc::kill(child.id() as i32, libc::SIGTERM) }, 0);
    let status = wait_exit(child, EVENT_TIMEOUT);
    assert!(status.success(), "{status:?}");
    for f in ["binder", "hwbinder", "binderd.pid"] {
        assert!(!dir.0.join(f).exists(), "{f} left behind");
    }
    let e = client.version().unwrap_err();
    assert_eq!(e.raw_os_error(), Some(libc::ECONNREFUSED), "{e}");
}

#[test]
fn shutdown_fails_blocked_and_later_ioctls_with_econnrefused() {
    let mut d = TestDaemon::start("sc-shutdown");
    let (a, m1) = manager_here(&d, "manager-1");
    let c = a.clone();
    let parked = m1.start(move || {
        let got = c.read_until_txn(&[]).unwrap();
        txn_of(&got).unwrap_or_else(|| panic!("{got:?}")).td
    });
    let mut child = ChildProc::spawn(ROLES, "shutdown-client", &d.device());
    assert_eq!(child.expect_line_within(EVENT_TIMEOUT), "ready");
    // The child's PARK call reached the manager: its caller is parked waiting for the reply.
    let t = await_result(&parked, EVENT_TIMEOUT, "PARK");
    assert_eq!((t.code, t.sender_pid), (PARK, child.pid()));
    // manager-1 holds PARK unanswered and waits; manager-2 answers the calls.
    let c = a.clone();
    let m1_blocked = m1.start(move || c.write_read(&[], 256).map_err(|e| errno_str(&e)));
    let m2 = BinderThread::spawn("manager-2");
    let c = a.clone();
    let m2_served = m2.start(move || {
        let mut pending = Cmds::new().code(BC_ENTER_LOOPER);
        loop {
            let got = match c.read_until_txn(&pending.bytes) {
                Ok(g) => g,
                Err(e) => return errno_str(&e),
            };
            pending = ref_acks(&got);
            if let Some(t) = txn_of(&got) {
                assert_eq!(t.td.code, ECHO);
                pending = pending.free(t.td.data_buffer()).reply(b"echo");
            }
        }
    });
    child.say("go");
    assert_eq!(child.expect_line_within(EVENT_TIMEOUT), "calling 3");
    d.daemon.take().unwrap().shutdown();
    let refused = libc::ECONNREFUSED.to_string();
    let mut ends = Vec::new();
    for _ in 0..3 {
        ends.push(child.expect_line_within(PROMPTLY));
    }
    ends.sort();
    assert_eq!(
        ends,
        [
            format!("caller {refused}"),
            format!("looper {refused}"),
            format!("parked-caller {refused}"),
        ]
    );
    assert_eq!(
        child.expect_line_within(PROMPTLY),
        format!("later {refused} {refused} NotFound")
    );
    assert!(child.wait());
    assert_eq!(
        await_result(&m1_blocked, PROMPTLY, "manager-1"),
        Err(refused.clone())
    );
    assert_eq!(await_result(&m2_served, PROMPTLY, "manager-2"), refused);
    let e = a.dev.version().unwrap_err();
    assert_eq!(e.raw_os_error(), Some(libc::ECONNREFUSED), "{e}");
}

/// The daemon's wire protocol, spoken directly (the token a process gets at open is not
/// exposed by `Device`). Mirrors `driver/src/protocol.rs`.
mod raw {
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;
    use std::time::Duration;

    const OPEN: u32 = 1;
    const ATTACH: u32 = 4;
    const IOCTL: u32 = 5;
    pub const OPENED: u32 = 101;
    pub const RESULT: u32 = 103;

    pub fn connect(path: &Path) -> OwnedFd {
        // SAFETY: plain syscalls on a fresh socket and a zeroed address.
        unsafe {
            let fd = libc::socket(libc::AF_UNIX, libc::SOCK_SEQPACKET | libc::SOCK_CLOEXEC, 0);
            assert!(fd >= 0);
            let fd = OwnedFd::from_raw_fd(fd);
            let mut addr: libc::sockaddr_un = std::mem::zeroed();
            addr.sun_family = libc::AF_UNIX as libc::sa_family_t;
            let p = path.as_os_str().as_bytes();
            assert!(p.len() < addr.sun_path.len());
            for (d, s) in addr.sun_path.iter_mut().zip(p) {
                *d = *s as libc::c_char;
            }
            let r = libc::connect(
                fd.as_raw_fd(),
                &addr as *const libc::sockaddr_un as *const libc::sockaddr,
                std::mem::size_of::<libc::sockaddr_un>() as libc::socklen_t,
            );
            assert_eq!(r, 0, "connect: {}", std::io::Error::last_os_error());
            fd
        }
    }

    pub fn send(fd: &OwnedFd, msg: &[u8]) {
        // SAFETY: sending our buffer.
        let n = unsafe {
            libc::send(
                fd.as_raw_fd(),
                msg.as_ptr().cast(),
                msg.len(),
                libc::MSG_NOSIGNAL,
            )
        };
        assert_eq!(n, msg.len() as isize, "{}", std::io::Error::last_os_error());
    }

    /// The next message; `None` when the daemon closed the connection.
    pub fn recv(fd: &OwnedFd, timeout: Duration) -> Option<Vec<u8>> {
        assert!(
            super::readable(fd.as_raw_fd(), timeout),
            "daemon silent for {timeout:?}"
        );
        let mut buf = vec![0u8; 2048];
        // SAFETY: receiving into our buffer.
        let n = unsafe { libc::recv(fd.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len(), 0) };
        if n <= 0 {
            return None;
        }
        buf.truncate(n as usize);
        Some(buf)
    }

    /// `Open`, with the probe the daemon reads to decide whether it can reach our memory.
    pub fn open(probe: &u64) -> Vec<u8> {
        [
            &OPEN.to_ne_bytes()[..],
            &0u32.to_ne_bytes(),
            &(probe as *const u64 as u64).to_ne_bytes(),
            &probe.to_ne_bytes(),
        ]
        .concat()
    }

    pub fn attach(token: u64, tid: i32) -> Vec<u8> {
        [
            &ATTACH.to_ne_bytes()[..],
            &token.to_ne_bytes(),
            &(tid as u32).to_ne_bytes(),
        ]
        .concat()
    }

    pub fn ioctl(cmd: u32, arg: u64) -> Vec<u8> {
        [
            &IOCTL.to_ne_bytes()[..],
            &cmd.to_ne_bytes(),
            &arg.to_ne_bytes(),
        ]
        .concat()
    }

    pub fn u32_at(m: &[u8], at: usize) -> u32 {
        u32::from_ne_bytes(m[at..at + 4].try_into().unwrap())
    }

    pub fn u64_at(m: &[u8], at: usize) -> u64 {
        u64::from_ne_bytes(m[at..at + 8].try_into().unwrap())
    }
}

#[test]
fn a_stolen_token_does_not_attach_from_another_process() {
    let d = TestDaemon::start("sc-token");
    // The victim: a process (this one) opened the device and knows its token.
    let conn = raw::connect(&d.device());
    let probe = Box::new(0x7072_6f62_6520_6f6bu64);
    raw::send(&conn, &raw::open(&probe));
    let opened = raw::recv(&conn, EVENT_TIMEOUT).expect("opened");
    assert_eq!(raw::u32_at(&opened, 0), raw::OPENED);
    let token = raw::u64_at(&opened, 4);
    let victim = BinderThread::spawn("victim");
    let mut thief = ChildProc::spawn(ROLES, "attacker", &d.device());
    thief.say(&format!("attach {token} {}", victim.tid));
    assert_eq!(thief.expect_line_within(EVENT_TIMEOUT), "refused");
    assert!(thief.wait());
    assert_eq!(d.daemon().processes("binder"), Some(1));
    // The same token from its own process attaches, and the thread's ioctls work.
    let dev = d.device();
    let (attached, ioctl, version) = victim.run(move || {
        let ch = raw::connect(&dev);
        raw::send(&ch, &raw::attach(token, gettid()));
        let attached = raw::recv(&ch, EVENT_TIMEOUT);
        let mut v = BinderVersion::default();
        raw::send(
            &ch,
            &raw::ioctl(BINDER_VERSION, &mut v as *mut BinderVersion as u64),
        );
        let ioctl = raw::recv(&ch, EVENT_TIMEOUT);
        (attached, ioctl, v.protocol_version)
    });
    let result0 = [raw::RESULT.to_ne_bytes().to_vec(), vec![0; 12]].concat();
    assert_eq!(attached, Some(result0.clone()));
    assert_eq!(ioctl, Some(result0));
    assert_eq!(version, 8);
    drop(conn);
    assert!(d.daemon().wait_for_processes("binder", 0, EVENT_TIMEOUT));
}

#[test]
fn nonblocking_open_reads_eagain_when_idle() {
    let d = TestDaemon::start("sc-nonblock");
    let dev = Device::open_nonblocking(d.device()).unwrap();
    let map = dev.mmap(MAP_LEN).unwrap();
    let c = Arc::new(Client { dev, map });
    let t = BinderThread::spawn("nonblocking");
    let cc = c.clone();
    let (first, second) = t.run(move || {
        cc.dev.set_context_mgr().unwrap();
        let enter = Cmds::new().code(BC_ENTER_LOOPER);
        let (r1, b1, _) = raw_write_read(&cc, &enter.bytes, 256);
        let (r2, b2, _) = raw_write_read(&cc, &[], 256);
        (
            (result_str(&r1), b1.write_consumed, b1.read_consumed),
            (result_str(&r2), b2.read_consumed),
        )
    });
    let eagain = libc::EAGAIN.to_string();
    assert_eq!(
        first,
        (eagain.clone(), 4, 0),
        "write half done, then EAGAIN"
    );
    assert_eq!(second, (eagain.clone(), 0));
    // Work arrives: the read finds it without blocking; then it is idle again.
    let mut sender = ChildProc::spawn(ROLES, "oneway-sender", &d.device());
    assert_eq!(sender.expect_line_within(EVENT_TIMEOUT), "ready");
    sender.say("send 77");
    assert_eq!(sender.expect_line_within(EVENT_TIMEOUT), "sent 77");
    let cc = c.clone();
    let (ready, code, after) = t.run(move || {
        let ready = cc.dev.poll(Some(EVENT_TIMEOUT)).unwrap();
        let got = cc.write_read(&[], 256).unwrap();
        let t = txn_of(&got).unwrap_or_else(|| panic!("{got:?}")).td;
        let (r, _, _) = raw_write_read(&cc, &Cmds::new().free(t.data_buffer()).bytes, 256);
        (ready, t.code, result_str(&r))
    });
    assert!(ready);
    assert_eq!(code, 77);
    assert_eq!(after, eagain);
    sender.say("exit");
    assert!(sender.wait());
}

#[test]
fn poll_and_poll_fd_report_work_for_a_looper() {
    let d = TestDaemon::start("sc-poll");
    let (a, l) = manager_here(&d, "poller");
    let mut sender = ChildProc::spawn(ROLES, "oneway-sender", &d.device());
    assert_eq!(sender.expect_line_within(EVENT_TIMEOUT), "ready");
    let c = a.clone();
    let (idle, waited) = l.run(move || {
        let t0 = Instant::now();
        let r = c.dev.poll(Some(Duration::from_millis(100))).unwrap();
        (r, t0.elapsed())
    });
    assert!(!idle, "no work: poll times out");
    assert!(waited >= Duration::from_millis(90), "{waited:?}");
    // A poll in progress sees the oneway arrive.
    let c = a.clone();
    let polled = l.start(move || c.dev.poll(Some(EVENT_TIMEOUT)).unwrap());
    sender.say("send 1001");
    assert_eq!(sender.expect_line_within(EVENT_TIMEOUT), "sent 1001");
    assert!(await_result(&polled, EVENT_TIMEOUT, "poll"));
    let c = a.clone();
    let (code, fd, before) = l.run(move || {
        let got = c.write_read(&[], 256).unwrap();
        let t = txn_of(&got).unwrap_or_else(|| panic!("{got:?}")).td;
        c.write_read(&Cmds::new().free(t.data_buffer()).bytes, 0)
            .unwrap();
        let fd = c.dev.poll_fd().unwrap();
        (t.code, fd, readable(fd, Duration::ZERO))
    });
    assert_eq!(code, 1001);
    assert!(!before, "no work: the poll fd is not readable");
    sender.say("send 1002");
    assert_eq!(sender.expect_line_within(EVENT_TIMEOUT), "sent 1002");
    assert!(
        readable(fd, EVENT_TIMEOUT),
        "work arrived: the poll fd is readable"
    );
    let c = a.clone();
    let (code, after) = l.run(move || {
        let got = c.write_read(&[], 256).unwrap();
        let t = txn_of(&got).unwrap_or_else(|| panic!("{got:?}")).td;
        c.write_read(&Cmds::new().free(t.data_buffer()).bytes, 0)
            .unwrap();
        (t.code, readable(fd, Duration::ZERO))
    });
    assert_eq!(code, 1002);
    assert!(
        !after,
        "the ioctl consumed the readiness and no work is left"
    );
    sender.say("exit");
    assert!(sender.wait());
}

//! binderd with real processes: each test runs its own daemon in a temporary directory and
//! children that are this test binary re-run in a role (see `child_roles`).

mod common;

use std::sync::mpsc;
use std::time::Duration;

use binder_sim::driver::uapi::*;
use common::*;

const EXIT: u32 = 1;
const HOLD: u32 = 2;

/// Dispatches a child's role; a no-op in a normal test run.
#[test]
fn child_roles() {
    let Ok(role) = std::env::var(ROLE) else {
        return;
    };
    let dev = std::path::PathBuf::from(std::env::var(DEV).unwrap());
    match role.as_str() {
        "manager" => manager(&dev),
        "setuid-caller" => setuid_caller(&dev),
        "pinger" => {
            let got = call(&Client::open(&dev), 0, PING, &[]);
            tell(&format!("{got:?}"));
        }
        "inline-manager" => {
            hide_memory();
            manager(&dev)
        }
        "inline-caller" => {
            hide_memory();
            inline_caller(&dev)
        }
        other => panic!("unknown role {other}"),
    }
    std::process::exit(0);
}

/// A context manager: answers PING with an empty reply, says "got <code>" for HOLD and never
/// answers it, exits on EXIT.
fn manager(dev: &std::path::Path) {
    let c = Client::open(dev);
    c.dev.set_context_mgr().unwrap();
    c.write_read(&Cmds::new().code(BC_ENTER_LOOPER).bytes, 0)
        .unwrap();
    tell("ready");
    loop {
        for br in c.read_until_txn(&[]).unwrap() {
            let Br::Transaction(t) = br else { continue };
            let buf = t.td.data_buffer();
            match t.td.code {
                PING => {
                    c.write_read(&Cmds::new().free(buf).reply(&[]).bytes, 0)
                        .unwrap();
                }
                HOLD => tell(&format!("got {}", t.td.sender_pid)),
                EXIT => return,
                _ => {
                    let mut echo = t.data.clone();
                    echo.reverse();
                    c.write_read(&Cmds::new().free(buf).reply(&echo).bytes, 0)
                        .unwrap();
                }
            }
        }
    }
}

/// Drops to uid 65534 when it can, then calls the manager once.
fn setuid_caller(dev: &std::path::Path) {
    // SAFETY: plain identity syscalls.
    unsafe {
        if libc::geteuid() == 0 {
            assert_eq!(libc::setgid(65534), 0);
            assert_eq!(libc::setuid(65534), 0);
        }
    }
    let c = Client::open(dev);
    let got = c
        .read_until_txn(&Cmds::new().call(0, 7, b"who").bytes)
        .unwrap();
    assert!(got.iter().any(|b| matches!(b, Br::Reply(_))), "{got:?}");
    // SAFETY: plain syscall.
    tell(&format!("euid {}", unsafe { libc::geteuid() }));
}

fn call(c: &Client, handle: u32, code: u32, data: &[u8]) -> Vec<Br> {
    c.read_until_txn(&Cmds::new().call(handle, code, data).bytes)
        .unwrap()
}

#[test]
fn context_manager_answers_ping_and_calls_with_data() {
    let d = TestDaemon::start("ping");
    let mut mgr = ChildProc::spawn("child_roles", "manager", &d.device());
    assert_eq!(mgr.expect_line(), "ready");
    let c = Client::open(&d.device());
    assert_eq!(c.dev.version().unwrap(), 8);
    let got = call(&c, 0, PING, &[]);
    assert!(
        matches!(&got[..], [Br::Noop, Br::TransactionComplete, Br::Reply(r)] if r.data.is_empty()),
        "{got:?}"
    );
    let got = call(&c, 0, 9, b"hello binder");
    let Some(Br::Reply(r)) = got.last() else {
        panic!("{got:?}")
    };
    assert_eq!(r.data, b"rednib olleh");
    assert_eq!(r.td.sender_pid, 0);
    c.write_read(
        &Cmds::new()
            .free(r.td.data_buffer())
            .oneway(0, EXIT, &[])
            .bytes,
        0,
    )
    .unwrap();
    assert!(mgr.wait());
    let stats = d.daemon().copy_stats("binder").unwrap();
    assert!(stats.one_copy_bytes >= 24, "{stats:?}");
    assert_eq!(stats.inline_bytes, 0);
}

#[test]
fn caller_sees_dead_reply_when_the_server_is_killed_mid_call() {
    let d = TestDaemon::start("kill");
    let mut mgr = ChildProc::spawn("child_roles", "manager", &d.device());
    assert_eq!(mgr.expect_line(), "ready");
    let path = d.device();
    let (tx, rx) = mpsc::channel();
    let caller = std::thread::spawn(move || {
        let c = Client::open(&path);
        tx.send(call(&c, 0, HOLD, b"wait")).unwrap();
    });
    assert_eq!(mgr.expect_line(), format!("got {}", std::process::id()));
    mgr.kill9();
    let got = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("caller answered");
    assert_eq!(got.last(), Some(&Br::DeadReply), "{got:?}");
    caller.join().unwrap();
    assert!(d
        .daemon()
        .wait_for_processes("binder", 0, Duration::from_secs(20)));
}

#[test]
fn sender_euid_comes_from_the_kernel_not_the_caller() {
    let d = TestDaemon::start("euid");
    let m = Client::open(&d.device());
    m.dev.set_context_mgr().unwrap();
    m.write_read(&Cmds::new().code(BC_ENTER_LOOPER).bytes, 0)
        .unwrap();
    let mut child = ChildProc::spawn("child_roles", "setuid-caller", &d.device());
    let got = m.read_until_txn(&[]).unwrap();
    let Some(Br::Transaction(t)) = got.last() else {
        panic!("{got:?}")
    };
    // SAFETY: plain syscall.
    let want = if unsafe { libc::geteuid() } == 0 {
        65534
    } else {
        unsafe { libc::geteuid() }
    };
    assert_eq!(t.td.sender_euid, want);
    assert_eq!(t.td.sender_pid, child.pid());
    m.write_read(&Cmds::new().free(t.td.data_buffer()).reply(b"ok").bytes, 0)
        .unwrap();
    assert_eq!(child.expect_line(), format!("euid {want}"));
    assert!(child.wait());
}

/// Makes this process's memory unreadable to a daemon of the same uid (a non-dumpable
/// process needs CAP_SYS_PTRACE to read); as root the daemon runs as another uid instead.
fn hide_memory() {
    // SAFETY: plain prctl/geteuid.
    unsafe {
        if libc::geteuid() != 0 {
            assert_eq!(libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0), 0);
        }
    }
}

/// Sends a 200 KB payload that must travel inline, and checks the echo.
fn inline_caller(dev: &std::path::Path) {
    let c = Client::open(dev);
    tell(&format!("inline {}", c.dev.is_inline()));
    let payload: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let got = call(&c, 0, 9, &payload);
    let Some(Br::Reply(r)) = got.last() else {
        panic!("{got:?}")
    };
    let mut want = payload.clone();
    want.reverse();
    tell(&format!("echo {}", r.data == want));
    let pong = call(&c, 0, PING, &[]);
    tell(&format!(
        "ping {}",
        matches!(pong.last(), Some(Br::Reply(_)))
    ));
    // The same through lent buffers: everything travels inline, the returns come back.
    let free = Cmds::new().free(r.td.data_buffer());
    let echo = Cmds::new().call(0, 9, b"lent");
    let mut cmds = free.bytes.clone();
    cmds.extend_from_slice(&echo.bytes);
    let lent = call_lent(&c, &cmds);
    tell(&format!(
        "lent {}",
        matches!(lent.last(), Some(Br::Reply(r)) if r.data == b"tnel")
    ));
    c.write_read(&Cmds::new().oneway(0, EXIT, &[]).bytes, 0)
        .unwrap();
}

#[test]
fn payloads_travel_inline_when_the_daemon_cannot_read_the_sender() {
    // SAFETY: plain syscall.
    let root = unsafe { libc::geteuid() } == 0;
    let d = DaemonProc::start("inline", root.then_some(65534));
    let mut mgr = ChildProc::spawn("child_roles", "inline-manager", &d.device());
    assert_eq!(mgr.expect_line(), "ready");
    let mut caller = ChildProc::spawn("child_roles", "inline-caller", &d.device());
    assert_eq!(caller.expect_line(), "inline true");
    assert_eq!(caller.expect_line(), "echo true");
    assert_eq!(caller.expect_line(), "ping true");
    assert_eq!(caller.expect_line(), "lent true");
    assert!(caller.wait());
    assert!(mgr.wait());
}

/// Runs `cmds` (one call) through `Device::write_read_buffers` and reads until the reply.
fn call_lent(c: &Client, cmds: &[u8]) -> Vec<Br> {
    let mut read = [0u8; 256];
    let (written, n, result) = c.dev.write_read_buffers(cmds, &mut read);
    result.unwrap();
    assert_eq!(written, cmds.len());
    let mut got = c.parse(&read[..n]);
    while !got.iter().any(|b| matches!(b, Br::Reply(_))) {
        let (w, n, result) = c.dev.write_read_buffers(&[], &mut read);
        result.unwrap();
        assert_eq!(w, 0);
        got.extend(c.parse(&read[..n]));
    }
    got
}

/// `Device::write_read_buffers` (what libbinder uses): the commands and returns travel in the
/// messages, the counts come back on failure too, and a call's payload is still copied once.
#[test]
fn lent_buffers_carry_commands_and_returns_and_count_on_failure() {
    let d = TestDaemon::start("lent");
    let mut mgr = ChildProc::spawn("child_roles", "manager", &d.device());
    assert_eq!(mgr.expect_line(), "ready");
    let c = Client::open(&d.device());

    // The Cmds own the payload the call points to.
    let call = Cmds::new().call(0, 9, b"lent buffers");
    let cmds = &call.bytes;
    let got = call_lent(&c, cmds);
    let Some(Br::Reply(r)) = got.last() else {
        panic!("{got:?}")
    };
    assert_eq!(r.data, b"sreffub tnel");
    let stats = d.daemon().copy_stats("binder").unwrap();
    assert!(stats.one_copy_bytes >= 24, "{stats:?}");
    assert_eq!(stats.inline_bytes, 0);

    // A free, then a command the driver does not know: EINVAL, with the free counted.
    let free = Cmds::new().free(r.td.data_buffer()).bytes;
    let mut bad = free.clone();
    bad.extend_from_slice(&0x4004_63ffu32.to_ne_bytes());
    let (written, n, result) = c.dev.write_read_buffers(&bad, &mut []);
    assert_eq!(result.unwrap_err().raw_os_error(), Some(libc::EINVAL));
    assert_eq!((written, n), (free.len(), 0));

    c.write_read(&Cmds::new().oneway(0, EXIT, &[]).bytes, 0)
        .unwrap();
    assert!(mgr.wait());
}

/// `Device::post_commands`: a free runs without an answer, before the thread's next ioctl
/// (the next reply reuses the freed buffer); a transaction is refused.
#[test]
fn posted_free_runs_before_the_next_ioctl() {
    let d = TestDaemon::start("post");
    let mut mgr = ChildProc::spawn("child_roles", "manager", &d.device());
    assert_eq!(mgr.expect_line(), "ready");
    let c = Client::open(&d.device());
    let first = call(&c, 0, 9, b"first");
    let Some(Br::Reply(r1)) = first.last() else {
        panic!("{first:?}")
    };
    let call_bytes = Cmds::new().call(0, 9, b"no");
    assert_eq!(
        c.dev
            .post_commands(&call_bytes.bytes)
            .unwrap_err()
            .raw_os_error(),
        Some(libc::EINVAL)
    );
    c.dev
        .post_commands(&Cmds::new().free(r1.td.data_buffer()).bytes)
        .unwrap();
    let second = call(&c, 0, 9, b"second");
    let Some(Br::Reply(r2)) = second.last() else {
        panic!("{second:?}")
    };
    assert_eq!(r2.data, b"dnoces");
    assert_eq!(
        r2.td.data_buffer(),
        r1.td.data_buffer(),
        "the first reply was freed"
    );
    c.write_read(
        &Cmds::new()
            .free(r2.td.data_buffer())
            .oneway(0, EXIT, &[])
            .bytes,
        0,
    )
    .unwrap();
    assert!(mgr.wait());
}

/// `munmap` of the receive buffer is the kernel's vma closing: calls to that process get
/// `BR_DEAD_REPLY`, and it cannot map again (`EBUSY`).
#[test]
fn an_unmapped_receiver_gets_nothing_and_cannot_map_again() {
    let d = TestDaemon::start("unmap");
    let mgr = Client::open(&d.device());
    mgr.dev.set_context_mgr().unwrap();
    let Client { dev: mgr_dev, map } = mgr;
    mgr_dev.munmap(map).unwrap();
    assert_eq!(
        mgr_dev.mmap(4096).err().and_then(|e| e.raw_os_error()),
        Some(libc::EBUSY)
    );
    let mut pinger = ChildProc::spawn("child_roles", "pinger", &d.device());
    assert_eq!(pinger.expect_line(), "[Noop, DeadReply]");
    assert!(pinger.wait());
}

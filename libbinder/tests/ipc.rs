//! libbinder IPC with real processes against binderd: each test runs its own daemon in a
//! temporary directory; the server and clients are this test binary re-run in a role (see
//! `child_roles`).

mod support;

use libbinder::binder_impl::IBinderInternal;
use libbinder::IBinder;
use libbinder::Interface;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use libbinder::binder_impl::{Binder, Parcel, Remotable, FIRST_CALL_TRANSACTION, FLAG_ONEWAY};
use libbinder::thread::{get_calling_pid, get_calling_uid};
use libbinder::{DeathRecipient, ProcessState, SpIBinder, StatusCode};
use support::*;

const DISPATCH: &str = "child_roles";
const ECHO_DESCRIPTOR: &str = "binder.sim.test.IEcho";

const ECHO: u32 = FIRST_CALL_TRANSACTION;
const CALLBACK: u32 = FIRST_CALL_TRANSACTION + 1;
const WHO: u32 = FIRST_CALL_TRANSACTION + 2;
const RECORD: u32 = FIRST_CALL_TRANSACTION + 3;
const GET_RECORDED: u32 = FIRST_CALL_TRANSACTION + 4;
const FD_IN: u32 = FIRST_CALL_TRANSACTION + 5;
const FD_OUT: u32 = FIRST_CALL_TRANSACTION + 6;
const BLOCK: u32 = FIRST_CALL_TRANSACTION + 7;
const MAKE_OBJECT: u32 = FIRST_CALL_TRANSACTION + 8;
const OBJECT_DROPPED: u32 = FIRST_CALL_TRANSACTION + 9;
const PANIC: u32 = FIRST_CALL_TRANSACTION + 10;
const MAKE_ECHO: u32 = FIRST_CALL_TRANSACTION + 11;
const MAKE_REPORTED: u32 = FIRST_CALL_TRANSACTION + 12;
const GET_REPORTED: u32 = FIRST_CALL_TRANSACTION + 13;

const CB_DOUBLE: u32 = FIRST_CALL_TRANSACTION;

const ONEWAY_COUNT: i32 = 200;
const BLOCKERS: u32 = 16;

/// Dispatches a child's role; a no-op in a normal test run.
#[test]
fn child_roles() {
    let Ok(role) = std::env::var(ROLE) else {
        return;
    };
    let dev = std::path::PathBuf::from(std::env::var(DEV).unwrap());
    let arg = std::env::var(ARG).unwrap_or_default();
    match role.as_str() {
        "server" => server(&dev, 15),
        "two-thread-server" => server(&dev, 0),
        "poll-server" => poll_server(&dev),
        "client" => client(&dev, &arg),
        other => panic!("unknown role {other}"),
    }
    std::process::exit(0);
}

// ---------------------------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------------------------

/// Waits (at most [`WAIT`]) until `cond` holds on the value of `m`; whether it did.
fn wait_until<T>(m: &Mutex<T>, cv: &Condvar, cond: impl Fn(&T) -> bool) -> bool {
    let g = m.lock().unwrap();
    let (g, _) = cv.wait_timeout_while(g, WAIT, |v| !cond(v)).unwrap();
    cond(&g)
}

struct Shared {
    recorded: Mutex<(Vec<i32>, i32)>,
    recorded_cv: Condvar,
    blocked: Mutex<u32>,
    blocked_cv: Condvar,
    dropped: Mutex<bool>,
    dropped_cv: Condvar,
}

static SHARED: Shared = Shared {
    recorded: Mutex::new((Vec::new(), 0)),
    recorded_cv: Condvar::new(),
    blocked: Mutex::new(0),
    blocked_cv: Condvar::new(),
    dropped: Mutex::new(false),
    dropped_cv: Condvar::new(),
};

struct Echo;

/// An object whose drop is reported through `SHARED.dropped`.
struct Tracked;

impl Remotable for Tracked {
    fn get_descriptor() -> &'static str {
        "binder.sim.test.ITracked"
    }
    fn on_transact(&self, _: u32, _: &Parcel, _: &mut Parcel) -> Result<(), StatusCode> {
        Err(StatusCode::UNKNOWN_TRANSACTION)
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        *SHARED.dropped.lock().unwrap() = true;
        SHARED.dropped_cv.notify_all();
    }
}

/// An object that tells the parent (`dropped`) when it is dropped: the parent hears of it
/// without a call into the server, which would wake the server's threads.
struct Reported;

impl Remotable for Reported {
    fn get_descriptor() -> &'static str {
        "binder.sim.test.IReported"
    }
    fn on_transact(&self, _: u32, _: &Parcel, _: &mut Parcel) -> Result<(), StatusCode> {
        Err(StatusCode::UNKNOWN_TRANSACTION)
    }
}

impl Drop for Reported {
    fn drop(&mut self) {
        tell("dropped");
    }
}

/// The last `Reported` made, held weakly: only the driver's references keep it alive.
static REPORTED: Mutex<Option<libbinder::WpIBinder>> = Mutex::new(None);

impl Remotable for Echo {
    fn get_descriptor() -> &'static str {
        ECHO_DESCRIPTOR
    }

    fn on_transact(&self, code: u32, data: &Parcel, reply: &mut Parcel) -> Result<(), StatusCode> {
        match code {
            ECHO => {
                let i = data.read_i32()?;
                let s = data.read_string16()?;
                let bytes = data.read_byte_vector()?;
                let b = data.read_nullable_strong_binder()?;
                reply.write_i32(i)?;
                reply.write_string16(&s)?;
                reply.write_byte_vector(&bytes)?;
                reply.write_nullable_strong_binder(b.as_ref())?;
            }
            CALLBACK => {
                let cb = data.read_strong_binder()?;
                let x = data.read_i32()?;
                let mut d = Parcel::new();
                d.write_i32(x)?;
                let r = cb.submit_transact(CB_DOUBLE, d, 0)?;
                let doubled = r.read_i32()?;
                let seen_pid = r.read_i32()?;
                reply.write_i32(doubled + 1)?;
                reply.write_i32(seen_pid)?;
            }
            WHO => {
                reply.write_i32(get_calling_pid())?;
                reply.write_u32(get_calling_uid())?;
            }
            RECORD => {
                let v = data.read_i32()?;
                let mut g = SHARED.recorded.lock().unwrap();
                g.0.push(v);
                g.1 = g.1.max(get_calling_pid());
                drop(g);
                SHARED.recorded_cv.notify_all();
            }
            GET_RECORDED => {
                let want = data.read_i32()? as usize;
                wait_until(&SHARED.recorded, &SHARED.recorded_cv, |r| r.0.len() >= want);
                let g = SHARED.recorded.lock().unwrap();
                reply.write_i32_vector(&g.0)?;
                reply.write_i32(g.1)?;
            }
            FD_IN => {
                let fd = data.read_unique_parcel_file_descriptor()?;
                let mut f = std::fs::File::from(fd);
                f.write_all(b"hello from server").unwrap();
            }
            FD_OUT => {
                let (r, w) = pipe();
                let mut w = std::fs::File::from(w);
                w.write_all(b"payload via reply").unwrap();
                drop(w);
                reply.write_parcel_file_descriptor(r)?;
            }
            BLOCK => {
                {
                    *SHARED.blocked.lock().unwrap() += 1;
                    SHARED.blocked_cv.notify_all();
                }
                let all = wait_until(&SHARED.blocked, &SHARED.blocked_cv, |n| *n >= BLOCKERS);
                reply.write_bool(all)?;
            }
            MAKE_OBJECT => {
                let obj = Binder::new(Tracked);
                reply.write_strong_binder(&obj.as_binder())?;
            }
            OBJECT_DROPPED => {
                let dropped = wait_until(&SHARED.dropped, &SHARED.dropped_cv, |d| *d);
                reply.write_bool(dropped)?;
            }
            MAKE_ECHO => reply.write_strong_binder(&Binder::new(Echo).as_binder())?,
            MAKE_REPORTED => {
                let obj = Binder::new(Reported).as_binder();
                *REPORTED.lock().unwrap() = Some(obj.downgrade());
                reply.write_strong_binder(&obj)?;
            }
            GET_REPORTED => {
                let obj = REPORTED.lock().unwrap().as_ref().and_then(|w| w.promote());
                reply.write_strong_binder(&obj.ok_or(StatusCode::DEAD_OBJECT)?)?;
            }
            PANIC => panic!("on_transact panics on purpose"),
            _ => return Err(StatusCode::UNKNOWN_TRANSACTION),
        }
        Ok(())
    }
}

fn pipe() -> (OwnedFd, OwnedFd) {
    let mut fds = [0i32; 2];
    // SAFETY: fds is a valid array of two ints.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // SAFETY: pipe2 just created both descriptors for us.
    unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) }
}

/// The context manager serving `Echo` at handle 0, with the main thread and one pool thread,
/// and up to `max_threads` more the driver asks for.
fn server(dev: &std::path::Path, max_threads: u32) {
    exit_on_stdin_eof();
    let ps = ProcessState::init(dev, max_threads).expect("init");
    let echo = Binder::new(Echo);
    ps.become_context_manager_with(&echo.as_binder())
        .expect("become context manager");
    ProcessState::start_thread_pool().unwrap();
    tell("ready");
    let r = ProcessState::join_thread_pool();
    panic!("join_thread_pool returned {r:?}");
}

/// The context manager serving `Echo` from one thread in polling mode.
fn poll_server(dev: &std::path::Path) {
    exit_on_stdin_eof();
    let ps = ProcessState::init(dev, 0).expect("init");
    let echo = Binder::new(Echo);
    ps.become_context_manager_with(&echo.as_binder())
        .expect("become context manager");
    let fd = libbinder::thread::setup_polling().expect("setup_polling");
    tell("ready");
    loop {
        let mut pfd = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        let n = unsafe { libc::poll(&mut pfd, 1, WAIT.as_millis() as i32) };
        assert!(n > 0, "no work within the wait bound");
        libbinder::thread::handle_polled_commands().expect("handle_polled_commands");
    }
}

// ---------------------------------------------------------------------------------------------
// Clients
// ---------------------------------------------------------------------------------------------

/// A callback the server calls back into during a call.
struct Doubler;

impl Remotable for Doubler {
    fn get_descriptor() -> &'static str {
        "binder.sim.test.IDoubler"
    }
    fn on_transact(&self, code: u32, data: &Parcel, reply: &mut Parcel) -> Result<(), StatusCode> {
        assert_eq!(code, CB_DOUBLE);
        let x = data.read_i32()?;
        reply.write_i32(x * 2)?;
        reply.write_i32(get_calling_pid())?;
        Ok(())
    }
}

/// A callback that holds the server thread calling it (`CALLBACK`) until the client opens it.
struct Gate {
    entered: Mutex<mpsc::Sender<()>>,
    open: Mutex<mpsc::Receiver<()>>,
}

impl Remotable for Gate {
    fn get_descriptor() -> &'static str {
        "binder.sim.test.IGate"
    }
    fn on_transact(&self, code: u32, data: &Parcel, reply: &mut Parcel) -> Result<(), StatusCode> {
        assert_eq!(code, CB_DOUBLE);
        let x = data.read_i32()?;
        self.entered.lock().unwrap().send(()).unwrap();
        self.open
            .lock()
            .unwrap()
            .recv_timeout(WAIT)
            .expect("the gate opens in time");
        reply.write_i32(x * 2)?;
        reply.write_i32(get_calling_pid())?;
        Ok(())
    }
}

fn manager(dev: &std::path::Path) -> SpIBinder {
    ProcessState::init(dev, 15).expect("init");
    let sm = ProcessState::self_()
        .unwrap()
        .context_object()
        .expect("context object");
    assert!(sm.is_remote());
    sm
}

fn client(dev: &std::path::Path, scenario: &str) {
    let mut server = manager(dev);
    match scenario {
        "ping-echo" => {
            server.ping_binder().expect("ping");
            assert_eq!(server.get_interface_descriptor().unwrap(), ECHO_DESCRIPTOR);
            let mut d = Parcel::new();
            d.write_i32(-42).unwrap();
            d.write_string16("héllo wörld ✓").unwrap();
            d.write_byte_vector(&[1, 2, 3, 0xfc, 5]).unwrap();
            d.write_nullable_strong_binder(None).unwrap();
            let r = server.submit_transact(ECHO, d, 0).expect("echo");
            assert_eq!(r.read_i32().unwrap(), -42);
            assert_eq!(r.read_string16().unwrap(), "héllo wörld ✓");
            assert_eq!(r.read_byte_vector().unwrap(), vec![1, 2, 3, 0xfc, 5]);
            assert!(r.read_nullable_strong_binder().unwrap().is_none());
            assert_eq!(
                server.submit_transact(0x777, Parcel::new(), 0).err(),
                Some(StatusCode::UNKNOWN_TRANSACTION)
            );
            tell("ok");
        }
        "binder-roundtrip" => {
            let ours = Binder::new(Doubler);
            let mut d = Parcel::new();
            d.write_i32(7).unwrap();
            d.write_string16("x").unwrap();
            d.write_byte_vector(&[]).unwrap();
            d.write_strong_binder(&ours.as_binder()).unwrap();
            let r = server.submit_transact(ECHO, d, 0).expect("echo");
            assert_eq!(r.read_i32().unwrap(), 7);
            r.read_string16().unwrap();
            r.read_byte_vector().unwrap();
            let back = r.read_strong_binder().unwrap();
            assert!(!back.is_remote(), "our own object comes back local");
            assert!(back.local_object::<Doubler>().is_some());
            assert_eq!(back, ours.as_binder());
            // The same handle twice gives the same proxy.
            let again = ProcessState::self_()
                .unwrap()
                .get_strong_proxy_for_handle(0)
                .unwrap();
            assert_eq!(again, server);
            tell("ok");
        }
        "callback" => {
            // No thread pool: the nested call must land on the calling thread.
            let cb = Binder::new(Doubler);
            let mut d = Parcel::new();
            d.write_strong_binder(&cb.as_binder()).unwrap();
            d.write_i32(20).unwrap();
            let r = server
                .submit_transact(CALLBACK, d, 0)
                .expect("callback call");
            assert_eq!(r.read_i32().unwrap(), 41);
            let seen = r.read_i32().unwrap();
            tell(&format!("ok {seen}"));
        }
        "callback-resent" => {
            // One parcel sent twice. Between the calls the server's proxy is gone and our pool
            // has handled the driver's BR_RELEASE/BR_DECREFS, so the second call brings a
            // binder the driver forgot; as in AOSP, the parcel still holds it, and it serves.
            ProcessState::start_thread_pool().unwrap();
            let cb = Binder::new(Doubler).as_binder();
            let mut d = Parcel::new();
            d.write_strong_binder(&cb).unwrap();
            d.write_i32(20).unwrap();
            for _ in 0..2 {
                let r = server
                    .transact_parcel(CALLBACK, &d, 0)
                    .expect("callback call");
                assert_eq!(r.read_i32().unwrap(), 41);
                let deadline = Instant::now() + Duration::from_secs(10);
                while libbinder::ibinder::driver_holds_strong_ref(&cb) {
                    assert!(Instant::now() < deadline, "the driver kept its reference");
                    std::thread::yield_now();
                }
            }
            tell("ok");
        }
        "who" => {
            let r = server.submit_transact(WHO, Parcel::new(), 0).unwrap();
            let pid = r.read_i32().unwrap();
            let uid = r.read_u32().unwrap();
            assert_eq!(pid, std::process::id() as i32);
            // SAFETY: getuid cannot fail.
            assert_eq!(uid, unsafe { libc::geteuid() });
            // Outside a transaction: our own identity.
            assert_eq!(get_calling_pid(), std::process::id() as i32);
            let token = libbinder::thread::clear_calling_identity();
            libbinder::thread::restore_calling_identity(token);
            assert_eq!(get_calling_pid(), std::process::id() as i32);
            tell("ok");
        }
        "oneway" => {
            for i in 0..ONEWAY_COUNT {
                let mut d = Parcel::new();
                d.write_i32(i).unwrap();
                let r = server
                    .submit_transact(RECORD, d, FLAG_ONEWAY)
                    .expect("oneway");
                assert_eq!(r.data_size(), 0);
            }
            let mut d = Parcel::new();
            d.write_i32(ONEWAY_COUNT).unwrap();
            let r = server.submit_transact(GET_RECORDED, d, 0).unwrap();
            let got = r.read_i32_vector().unwrap();
            let max_pid = r.read_i32().unwrap();
            assert_eq!(got, (0..ONEWAY_COUNT).collect::<Vec<_>>());
            assert_eq!(max_pid, 0, "oneway calls carry no sender pid");
            tell("ok");
        }
        "fds" => {
            // As with AOSP's servicemanager, the context manager node does not accept fds.
            let (_r, w) = pipe();
            let mut d = Parcel::new();
            d.write_parcel_file_descriptor(w).unwrap();
            assert_eq!(
                server.submit_transact(FD_IN, d, 0).err(),
                Some(StatusCode::FAILED_TRANSACTION)
            );
            // An ordinary object does.
            let server = server
                .submit_transact(MAKE_ECHO, Parcel::new(), 0)
                .unwrap()
                .read_strong_binder()
                .unwrap();
            let (r, w) = pipe();
            let mut d = Parcel::new();
            d.write_parcel_file_descriptor(w).unwrap();
            server.transact_parcel(FD_IN, &d, 0).expect("fd in");
            drop(d);
            let mut got = String::new();
            std::fs::File::from(r).read_to_string(&mut got).unwrap();
            assert_eq!(got, "hello from server");
            let reply = server
                .submit_transact(FD_OUT, Parcel::new(), 0)
                .expect("fd out");
            let fd = reply.read_unique_parcel_file_descriptor().unwrap();
            drop(reply);
            let mut got = String::new();
            std::fs::File::from(fd).read_to_string(&mut got).unwrap();
            assert_eq!(got, "payload via reply");
            tell("ok");
        }
        "pool" => {
            let (tx, rx) = mpsc::channel();
            for _ in 0..BLOCKERS {
                let server = server.clone();
                let tx = tx.clone();
                std::thread::spawn(move || {
                    let r = server
                        .submit_transact(BLOCK, Parcel::new(), 0)
                        .and_then(|r| r.read_bool());
                    tx.send(r).unwrap();
                });
            }
            for _ in 0..BLOCKERS {
                let r = rx
                    .recv_timeout(WAIT)
                    .expect("a blocked call returned in time");
                assert_eq!(r, Ok(true));
            }
            tell("ok");
        }
        "drop-node" => {
            let r = server
                .submit_transact(MAKE_OBJECT, Parcel::new(), 0)
                .unwrap();
            let mut obj = r.read_strong_binder().unwrap();
            drop(r);
            assert!(obj.is_remote());
            obj.ping_binder().unwrap();
            assert_eq!(
                obj.get_interface_descriptor().unwrap(),
                "binder.sim.test.ITracked"
            );
            drop(obj);
            libbinder::thread::flush_commands().unwrap();
            let r = server
                .submit_transact(OBJECT_DROPPED, Parcel::new(), 0)
                .unwrap();
            assert!(r.read_bool().unwrap(), "the owner dropped its object");
            tell("ok");
        }
        "parked-target" | "parked-reply" => {
            // The server has two threads, A and B, and starts no more; the driver gives
            // process work to the thread that parked last. A is held in a call back into us
            // while B serves the last call that concerns the object and parks waiting for
            // work; then A parks. Our release of the object then reaches A as BR_RELEASE, and
            // B must not keep the object alive: a thread waiting for work holds nothing of the
            // call it served (neither its target nor its reply).
            let mut obj = server
                .submit_transact(MAKE_REPORTED, Parcel::new(), 0)
                .unwrap()
                .read_strong_binder()
                .unwrap();
            let (entered_tx, entered_rx) = mpsc::channel();
            let (open_tx, open_rx) = mpsc::channel();
            let gate = Binder::new(Gate {
                entered: Mutex::new(entered_tx),
                open: Mutex::new(open_rx),
            })
            .as_binder();
            let (done_tx, done_rx) = mpsc::channel();
            let held = {
                let server = server.clone();
                std::thread::spawn(move || {
                    let mut d = Parcel::new();
                    d.write_strong_binder(&gate).unwrap();
                    d.write_i32(1).unwrap();
                    let r = server
                        .transact_parcel(CALLBACK, &d, 0)
                        .and_then(|r| r.read_i32());
                    done_tx.send(r).unwrap();
                })
            };
            entered_rx.recv_timeout(WAIT).expect("A calls back in time");
            // A waits for our reply: B serves this call, and its reply wakes us after B
            // parked.
            if scenario == "parked-target" {
                obj.ping_binder().unwrap();
            } else {
                let r = server
                    .submit_transact(GET_REPORTED, Parcel::new(), 0)
                    .unwrap();
                assert_eq!(r.read_strong_binder().unwrap(), obj);
            }
            open_tx.send(()).unwrap();
            // A's reply to us, likewise, wakes us after A parked.
            let r = done_rx.recv_timeout(WAIT).expect("the held call returns");
            assert_eq!(r, Ok(3));
            held.join().unwrap();
            drop(obj);
            libbinder::thread::flush_commands().unwrap();
            tell("released");
            // Alive until the parent is done: our exit must not wake the server.
            hear();
        }
        "panic" => {
            assert_eq!(
                server.submit_transact(PANIC, Parcel::new(), 0).err(),
                Some(StatusCode::UNKNOWN_ERROR)
            );
            server.ping_binder().expect("the pool survives a panic");
            let r = server.submit_transact(WHO, Parcel::new(), 0).unwrap();
            assert_eq!(r.read_i32().unwrap(), std::process::id() as i32);
            tell("ok");
        }
        "death" => {
            ProcessState::start_thread_pool().unwrap();
            let (tx, rx) = mpsc::channel();
            let tx = Mutex::new(tx);
            let fired = std::sync::Arc::new(AtomicBool::new(false));
            let f2 = fired.clone();
            let mut recipient = DeathRecipient::new(move || {
                f2.store(true, Ordering::SeqCst);
                let _ = tx.lock().unwrap().send(());
            });
            server.link_to_death(&mut recipient).expect("link");
            let mut other = DeathRecipient::new(|| {});
            server.link_to_death(&mut other).expect("link another");
            server
                .unlink_to_death(&mut other)
                .expect("unlink while alive");
            assert!(server.is_binder_alive());
            tell("linked");
            rx.recv_timeout(WAIT).expect("death notification in time");
            assert!(fired.load(Ordering::SeqCst));
            assert!(!server.is_binder_alive());
            assert_eq!(
                server.unlink_to_death(&mut recipient),
                Err(StatusCode::DEAD_OBJECT)
            );
            assert_eq!(server.ping_binder(), Err(StatusCode::DEAD_OBJECT));
            tell("ok");
        }
        other => panic!("unknown scenario {other}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

/// Starts a daemon and a server; runs a client scenario and checks its note.
fn run_scenario(scenario: &str) -> String {
    let d = TestDaemon::start(scenario);
    let mut server = ChildProc::spawn(DISPATCH, "server", &d.device(), "");
    assert_eq!(server.expect_line(), "ready");
    let mut client = ChildProc::spawn(DISPATCH, "client", &d.device(), scenario);
    let line = client.expect_line();
    drop(client);
    server.say("exit");
    line
}

#[test]
fn ping_and_echo_through_context_object() {
    assert_eq!(run_scenario("ping-echo"), "ok");
}

#[test]
fn polling_mode_server() {
    let d = TestDaemon::start("poll");
    let mut server = ChildProc::spawn(DISPATCH, "poll-server", &d.device(), "");
    assert_eq!(server.expect_line(), "ready");
    for scenario in ["ping-echo", "callback"] {
        let mut client = ChildProc::spawn(DISPATCH, "client", &d.device(), scenario);
        let line = client.expect_line();
        assert!(line.starts_with("ok"), "{scenario}: {line}");
    }
}

#[test]
fn binder_objects_round_trip() {
    assert_eq!(run_scenario("binder-roundtrip"), "ok");
}

#[test]
fn nested_callback_into_the_caller() {
    let d = TestDaemon::start("callback");
    let mut server = ChildProc::spawn(DISPATCH, "server", &d.device(), "");
    assert_eq!(server.expect_line(), "ready");
    let mut client = ChildProc::spawn(DISPATCH, "client", &d.device(), "callback");
    let line = client.expect_line();
    assert_eq!(line, format!("ok {}", server.pid()));
}

#[test]
fn a_parcel_resent_after_the_driver_dropped_its_binder() {
    assert_eq!(run_scenario("callback-resent"), "ok");
}

#[test]
fn calling_identity() {
    assert_eq!(run_scenario("who"), "ok");
}

#[test]
fn oneway_calls_keep_their_order() {
    assert_eq!(run_scenario("oneway"), "ok");
}

#[test]
fn file_descriptors_both_ways() {
    assert_eq!(run_scenario("fds"), "ok");
}

#[test]
fn thread_pool_serves_16_blocking_calls() {
    assert_eq!(run_scenario("pool"), "ok");
}

#[test]
fn dropped_proxy_releases_the_node() {
    assert_eq!(run_scenario("drop-node"), "ok");
}

/// Runs a `parked-*` scenario: the object must be dropped by the server once the client
/// released it, while the thread that served the last call on it waits for work.
fn object_released_while_its_server_thread_waits(scenario: &str) {
    let d = TestDaemon::start(scenario);
    let mut server = ChildProc::spawn(DISPATCH, "two-thread-server", &d.device(), "");
    assert_eq!(server.expect_line(), "ready");
    let mut client = ChildProc::spawn(DISPATCH, "client", &d.device(), scenario);
    assert_eq!(client.expect_line(), "released");
    assert_eq!(server.expect_line(), "dropped");
}

#[test]
fn a_thread_waiting_for_work_does_not_keep_the_target_it_served() {
    object_released_while_its_server_thread_waits("parked-target");
}

#[test]
fn a_thread_waiting_for_work_does_not_keep_the_reply_it_sent() {
    object_released_while_its_server_thread_waits("parked-reply");
}

#[test]
fn panic_in_on_transact_is_an_error_reply() {
    assert_eq!(run_scenario("panic"), "ok");
}

#[test]
fn death_recipient_fires_on_kill() {
    let d = TestDaemon::start("death");
    let mut server = ChildProc::spawn(DISPATCH, "server", &d.device(), "");
    assert_eq!(server.expect_line(), "ready");
    let mut client = ChildProc::spawn(DISPATCH, "client", &d.device(), "death");
    assert_eq!(client.expect_line(), "linked");
    server.kill9();
    assert_eq!(client.expect_line(), "ok");
}

#[test]
fn process_state_before_init() {
    if std::env::var(ROLE).is_ok() {
        return;
    }
    // Tests in this binary never init the parent's process state.
    assert!(matches!(
        ProcessState::self_(),
        Err(libbinder::process::ProcessError::NotInitialized)
    ));
    let _ = Duration::ZERO;
}

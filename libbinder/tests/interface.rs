//! Typed interfaces in the shape AOSP's AIDL Rust backend generates (`aidl/`): the wire
//! format of proxies and stubs checked byte for byte without IPC, then a typed service as
//! context manager in a real process against binderd, called by typed clients (see
//! `child_roles`).

// Generated code names the library `binder`, as AOSP crates call it.
extern crate libbinder as binder;

#[path = "aidl/mod.rs"]
mod aidl;
mod support;

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::sync::{Condvar, Mutex};

use aidl::ICallback::{BnCallback, ICallback};
use aidl::IEcho::{BnEcho, BpEcho, IEcho};
use aidl::Point::Point;
use libbinder::binder_impl::{
    Binder, IBinderInternal, Parcel, Proxy, Remotable, FIRST_CALL_TRANSACTION,
};
use libbinder::{
    BinderFeatures, ExceptionCode, FromIBinder, Interface, ParcelFileDescriptor, ProcessState,
    SpIBinder, Status, StatusCode, Strong, ThreadState,
};
use support::*;

const DISPATCH: &str = "child_roles";
const ECHO_DESCRIPTOR: &str = "binder.sim.test.IEcho";

fn features() -> BinderFeatures {
    BinderFeatures::default()
}

struct EchoImpl {
    notified: Mutex<i32>,
    cv: Condvar,
}

impl EchoImpl {
    fn new() -> EchoImpl {
        EchoImpl {
            notified: Mutex::new(0),
            cv: Condvar::new(),
        }
    }
}

impl Interface for EchoImpl {}

impl IEcho for EchoImpl {
    fn echo(&self, s: &str) -> libbinder::Result<String> {
        Ok(format!("echo: {s}"))
    }
    fn notify(&self, v: i32) -> libbinder::Result<()> {
        *self.notified.lock().unwrap() = v;
        self.cv.notify_all();
        Ok(())
    }
    fn last_notified(&self, want: i32) -> libbinder::Result<i32> {
        let g = self.notified.lock().unwrap();
        let (g, _) = self.cv.wait_timeout_while(g, WAIT, |v| *v != want).unwrap();
        Ok(*g)
    }
    fn call_me_back(&self, cb: &Strong<dyn ICallback>, v: i32) -> libbinder::Result<i32> {
        Ok(cb.on_value(v)? + 1)
    }
    fn fail(&self, kind: i32) -> libbinder::Result<()> {
        Err(match kind {
            0 => Status::new_exception_str(ExceptionCode::ILLEGAL_ARGUMENT, Some("bad argument")),
            1 => Status::new_service_specific_error_str(42, Some("service says no")),
            _ => Status::from_status_code(StatusCode::PERMISSION_DENIED),
        })
    }
    #[allow(clippy::too_many_arguments)]
    fn mix(
        &self,
        a: i64,
        b: u64,
        c: u32,
        d: f32,
        e: f64,
        f: bool,
        g: Option<&str>,
        h: &[u8],
    ) -> libbinder::Result<Option<String>> {
        Ok(g.map(|g| format!("{a} {b} {c} {d} {e} {f} {g} {h:?}")))
    }
    fn swap(&self, p: &Point) -> libbinder::Result<Point> {
        Ok(Point { x: p.y, y: p.x })
    }
    fn read_fd(&self, fd: &ParcelFileDescriptor) -> libbinder::Result<String> {
        let mut s = String::new();
        let own = fd
            .try_clone()
            .map_err(|_| Status::new_exception_str(ExceptionCode::ILLEGAL_STATE, Some("dup")))?;
        std::fs::File::from(own.into_inner())
            .read_to_string(&mut s)
            .map_err(|_| Status::new_exception_str(ExceptionCode::ILLEGAL_STATE, Some("read")))?;
        Ok(s)
    }
    fn same_binder(&self, b: &SpIBinder) -> libbinder::Result<SpIBinder> {
        Ok(b.clone())
    }
    fn sibling(&self) -> libbinder::Result<Strong<dyn IEcho>> {
        Ok(BnEcho::new_binder(EchoImpl::new(), features()))
    }
}

struct Doubler;

impl Interface for Doubler {}

impl ICallback for Doubler {
    fn on_value(&self, v: i32) -> libbinder::Result<i32> {
        Ok(v * 2)
    }
    fn caller(&self) -> libbinder::Result<i32> {
        Ok(ThreadState::get_calling_pid())
    }
}

// ---------------------------------------------------------------------------------------------
// Wire format without IPC
// ---------------------------------------------------------------------------------------------

/// The AOSP interface token for `descriptor`: strict-mode policy `0x80000000`, work source -1,
/// `'SYST'`, the String16 descriptor.
fn token_bytes(descriptor: &str) -> Vec<u8> {
    let mut v = Vec::new();
    v.extend_from_slice(&[0x00, 0x00, 0x00, 0x80, 0xff, 0xff, 0xff, 0xff]);
    v.extend_from_slice(b"TSYS");
    v.extend(string16_bytes(descriptor));
    v
}

/// A String16: `i32` length in units, the units, a NUL unit, padding to 4 bytes.
fn string16_bytes(s: &str) -> Vec<u8> {
    let units: Vec<u16> = s.encode_utf16().collect();
    let mut v = (units.len() as i32).to_le_bytes().to_vec();
    for u in units.iter().chain([0u16].iter()) {
        v.extend_from_slice(&u.to_le_bytes());
    }
    while v.len() % 4 != 0 {
        v.push(0);
    }
    v
}

/// A local object recording the request and answering with a canned reply.
struct Recorder {
    seen: Mutex<Vec<(u32, Vec<u8>)>>,
    reply: Vec<u8>,
}

impl Remotable for Recorder {
    fn get_descriptor() -> &'static str {
        ECHO_DESCRIPTOR
    }
    fn on_transact(&self, code: u32, data: &Parcel, reply: &mut Parcel) -> Result<(), StatusCode> {
        self.seen.lock().unwrap().push((code, data.data().to_vec()));
        reply.write_raw(&self.reply)
    }
}

#[test]
fn proxy_request_and_reply_bytes_match_aosp() {
    let mut canned = 0i32.to_le_bytes().to_vec();
    canned.extend(string16_bytes("pong"));
    let rec = Binder::new(Recorder {
        seen: Mutex::new(Vec::new()),
        reply: canned,
    });
    let proxy = BpEcho::from_binder(rec.as_binder()).unwrap();
    assert_eq!(proxy.echo("ping").unwrap(), "pong");
    // Only the request matters here (the canned reply is no Point).
    let _ = proxy.swap(&Point { x: 1, y: 2 });

    let seen = rec.seen.lock().unwrap().clone();
    let mut want = token_bytes("binder.sim.test.IEcho");
    want.extend(string16_bytes("ping"));
    assert_eq!(seen[0], (FIRST_CALL_TRANSACTION, want));
    // Codes follow the declaration order; a parcelable is its presence flag then content.
    let mut want = token_bytes("binder.sim.test.IEcho");
    want.extend(1i32.to_le_bytes());
    want.extend(1i32.to_le_bytes());
    want.extend(2i32.to_le_bytes());
    assert_eq!(seen[1], (FIRST_CALL_TRANSACTION + 6, want));
}

#[test]
fn stub_reply_bytes_match_aosp() {
    let service = BnEcho::new_binder(EchoImpl::new(), features());
    let binder = service.as_binder();

    let mut data = Parcel::new();
    data.write_interface_token("binder.sim.test.IEcho").unwrap();
    data.write_string16("hi").unwrap();
    let reply = binder
        .submit_transact(FIRST_CALL_TRANSACTION, data, 0)
        .unwrap();
    let mut want = 0i32.to_le_bytes().to_vec();
    want.extend(string16_bytes("echo: hi"));
    assert_eq!(reply.data(), &want[..]);

    // An exception: code, message, empty stack trace header; nothing after.
    let mut data = Parcel::new();
    data.write_interface_token("binder.sim.test.IEcho").unwrap();
    data.write_i32(0).unwrap();
    let reply = binder
        .submit_transact(FIRST_CALL_TRANSACTION + 4, data, 0)
        .unwrap();
    let mut want = (-3i32).to_le_bytes().to_vec();
    want.extend(string16_bytes("bad argument"));
    want.extend(0i32.to_le_bytes());
    assert_eq!(reply.data(), &want[..]);

    // A service-specific error carries its code after the stack trace header.
    let mut data = Parcel::new();
    data.write_interface_token("binder.sim.test.IEcho").unwrap();
    data.write_i32(1).unwrap();
    let reply = binder
        .submit_transact(FIRST_CALL_TRANSACTION + 4, data, 0)
        .unwrap();
    let mut want = (-8i32).to_le_bytes().to_vec();
    want.extend(string16_bytes("service says no"));
    want.extend(0i32.to_le_bytes());
    want.extend(42i32.to_le_bytes());
    assert_eq!(reply.data(), &want[..]);

    // A transport failure fails the transaction itself.
    let mut data = Parcel::new();
    data.write_interface_token("binder.sim.test.IEcho").unwrap();
    data.write_i32(2).unwrap();
    assert_eq!(
        binder
            .submit_transact(FIRST_CALL_TRANSACTION + 4, data, 0)
            .err(),
        Some(StatusCode::PERMISSION_DENIED)
    );

    // Wrong token, unknown code.
    let mut data = Parcel::new();
    data.write_interface_token("binder.sim.test.INotEcho")
        .unwrap();
    data.write_string16("hi").unwrap();
    assert_eq!(
        binder
            .submit_transact(FIRST_CALL_TRANSACTION, data, 0)
            .err(),
        Some(StatusCode::BAD_TYPE)
    );
    // An unknown code: the token is checked first (the NDK's order).
    assert_eq!(
        binder
            .submit_transact(FIRST_CALL_TRANSACTION + 100, Parcel::new(), 0)
            .err(),
        Some(StatusCode::BAD_TYPE)
    );
    assert_eq!(
        binder
            .submit_transact(
                FIRST_CALL_TRANSACTION + 100,
                binder.prepare_transact().unwrap(),
                0
            )
            .err(),
        Some(StatusCode::UNKNOWN_TRANSACTION)
    );
    assert_eq!(
        binder.get_interface_descriptor().unwrap(),
        "binder.sim.test.IEcho"
    );
}

#[test]
fn local_objects_convert_to_their_implementation() {
    let service = BnEcho::new_binder(EchoImpl::new(), features());
    // The local implementation comes back, not a proxy: calls are direct.
    let again = <dyn IEcho>::try_from(service.as_binder()).unwrap();
    assert_eq!(again, service);
    assert_eq!(again.echo("x").unwrap(), "echo: x");
    assert_eq!(
        <dyn ICallback>::try_from(service.as_binder()).err(),
        Some(StatusCode::BAD_TYPE)
    );
    // A callback passed to a local service stays local.
    let cb = BnCallback::new_binder(Doubler, features());
    assert_eq!(service.call_me_back(&cb, 5).unwrap(), 11);
    let p = Point { x: 3, y: 4 };
    assert_eq!(service.swap(&p).unwrap(), Point { x: 4, y: 3 });
    // Through the untyped binder (parcels, no IPC) the same results.
    let via_binder = BpEcho::from_binder(service.as_binder()).unwrap();
    assert_eq!(via_binder.call_me_back(&cb, 5).unwrap(), 11);
    assert_eq!(
        via_binder.swap(&Point { x: 3, y: 4 }).unwrap(),
        Point { x: 4, y: 3 }
    );
    assert_eq!(
        via_binder
            .mix(-1, 2, 3, 0.5, 1.25, true, Some("g"), &[1, 2])
            .unwrap()
            .as_deref(),
        Some("-1 2 3 0.5 1.25 true g [1, 2]")
    );
    assert_eq!(
        via_binder.mix(0, 0, 0, 0.0, 0.0, false, None, &[]).unwrap(),
        None
    );
}

// ---------------------------------------------------------------------------------------------
// Real processes
// ---------------------------------------------------------------------------------------------

/// Dispatches a child's role; a no-op in a normal test run.
#[test]
fn child_roles() {
    let Ok(role) = std::env::var(ROLE) else {
        return;
    };
    let dev = std::path::PathBuf::from(std::env::var(DEV).unwrap());
    let arg = std::env::var(ARG).unwrap_or_default();
    match role.as_str() {
        "server" => server(&dev),
        "client" => client(&dev, &arg),
        other => panic!("unknown role {other}"),
    }
    std::process::exit(0);
}

/// The context manager serving `IEcho`.
fn server(dev: &std::path::Path) {
    exit_on_stdin_eof();
    let ps = ProcessState::init(dev, 15).expect("init");
    let service = BnEcho::new_binder(EchoImpl::new(), features());
    ps.become_context_manager_with(&service.as_binder())
        .expect("become context manager");
    ProcessState::start_thread_pool().unwrap();
    tell("ready");
    let r = ProcessState::join_thread_pool();
    panic!("join_thread_pool returned {r:?}");
}

fn client(dev: &std::path::Path, scenario: &str) {
    ProcessState::init(dev, 15).expect("init");
    let sm = ProcessState::self_().unwrap().context_object().unwrap();
    assert!(sm.is_remote());
    let echo = <dyn IEcho>::try_from(sm.clone()).expect("an IEcho");
    match scenario {
        "echo" => {
            assert_eq!(echo.echo("héllo ✓").unwrap(), "echo: héllo ✓");
            assert_eq!(echo.as_binder(), sm);
            let p = Point { x: -1, y: 7 };
            assert_eq!(echo.swap(&p).unwrap(), Point { x: 7, y: -1 });
            assert_eq!(
                echo.mix(i64::MIN, u64::MAX, 7, 1.5, -2.5, true, Some("s"), &[9])
                    .unwrap()
                    .as_deref(),
                Some(format!("{} {} 7 1.5 -2.5 true s [9]", i64::MIN, u64::MAX).as_str())
            );
            let (r, w) = pipe();
            let mut w = std::fs::File::from(w);
            w.write_all(b"through a pfd").unwrap();
            drop(w);
            let pfd = ParcelFileDescriptor::new(r);
            // The context manager's node refuses descriptors (as in AOSP); a sibling object
            // returned as a typed interface takes them.
            let sibling = echo.sibling().unwrap();
            assert!(sibling.as_binder().is_remote());
            assert_ne!(sibling.as_binder(), sm);
            assert_eq!(sibling.read_fd(&pfd).unwrap(), "through a pfd");
            // Our own binder comes back as our local object.
            let cb = BnCallback::new_binder(Doubler, features());
            assert_eq!(echo.same_binder(&cb.as_binder()).unwrap(), cb.as_binder());
            // A remote object of another interface is refused.
            assert_eq!(
                <dyn ICallback>::try_from(sm.clone()).err(),
                Some(StatusCode::BAD_TYPE)
            );
            tell("ok");
        }
        "oneway" => {
            echo.notify(17).unwrap();
            assert_eq!(echo.last_notified(17).unwrap(), 17);
            tell("ok");
        }
        "callback" => {
            // No thread pool: the nested calls land on the calling thread.
            let cb = BnCallback::new_binder(Doubler, features());
            assert_eq!(echo.call_me_back(&cb, 20).unwrap(), 41);
            tell("ok");
        }
        "exception" => {
            let e = echo.fail(0).unwrap_err();
            assert_eq!(e.exception_code(), ExceptionCode::ILLEGAL_ARGUMENT);
            assert_eq!(e.message(), Some("bad argument"));
            let e = echo.fail(1).unwrap_err();
            assert_eq!(e.exception_code(), ExceptionCode::SERVICE_SPECIFIC);
            assert_eq!(e.service_specific_error(), 42);
            assert_eq!(e.message(), Some("service says no"));
            let e = echo.fail(2).unwrap_err();
            assert_eq!(e.exception_code(), ExceptionCode::TRANSACTION_FAILED);
            assert_eq!(e.transaction_error(), StatusCode::PERMISSION_DENIED);
            tell("ok");
        }
        "wrong-token" => {
            // A request headed with another interface's token: the stub refuses it.
            let mut wrong = Parcel::new();
            wrong
                .write_interface_token("binder.sim.test.ICallback")
                .unwrap();
            wrong.write(&1i32).unwrap();
            assert_eq!(
                sm.submit_transact(FIRST_CALL_TRANSACTION, wrong, 0).err(),
                Some(StatusCode::BAD_TYPE)
            );
            // The service still works.
            assert_eq!(echo.echo("x").unwrap(), "echo: x");
            tell("ok");
        }
        other => panic!("unknown scenario {other}"),
    }
}

fn pipe() -> (OwnedFd, OwnedFd) {
    let mut fds = [0i32; 2];
    // SAFETY: fds is a valid array of two ints.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // SAFETY: pipe2 just created both descriptors for us.
    unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) }
}

fn run_scenario(scenario: &str) -> String {
    let d = TestDaemon::start(&format!("iface-{scenario}"));
    let mut server = ChildProc::spawn(DISPATCH, "server", &d.device(), "");
    assert_eq!(server.expect_line(), "ready");
    let mut client = ChildProc::spawn(DISPATCH, "client", &d.device(), scenario);
    let line = client.expect_line();
    drop(client);
    server.say("exit");
    line
}

#[test]
fn typed_echo_across_processes() {
    assert_eq!(run_scenario("echo"), "ok");
}

#[test]
fn typed_oneway_call() {
    assert_eq!(run_scenario("oneway"), "ok");
}

#[test]
fn typed_callback_called_back_during_the_call() {
    assert_eq!(run_scenario("callback"), "ok");
}

#[test]
fn aidl_exceptions_reach_the_client() {
    assert_eq!(run_scenario("exception"), "ok");
}

#[test]
fn wrong_interface_token_is_rejected() {
    assert_eq!(run_scenario("wrong-token"), "ok");
}

#[test]
fn from_ibinder_is_usable_generically() {
    fn convert<I: FromIBinder + ?Sized>(b: libbinder::SpIBinder) -> bool {
        I::try_from(b).is_ok()
    }
    let cb = BnCallback::new_binder(Doubler, features());
    assert!(convert::<dyn ICallback>(cb.as_binder()));
    assert!(!convert::<dyn IEcho>(cb.as_binder()));
}

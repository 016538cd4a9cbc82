//! The `servicemanager` binary on a binderd device, with clients in real processes (this test
//! binary re-run in a role, see `libbinder/tests/support`): add, get, list, notifications,
//! death removal, AOSP's argument rules, the policy file and the EBUSY refusal.

#[path = "../../libbinder/tests/support/mod.rs"]
mod support;

use libbinder::binder_impl::IBinderInternal;
use libbinder::IBinder;
use libbinder::Interface;
use std::ffi::CStr;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Condvar, Mutex};

use libbinder::binder_impl::{Binder, Parcel, Remotable};
use libbinder::service_manager::{
    self, transactions as tx, ServiceCallback, DUMP_FLAG_PRIORITY_ALL, DUMP_FLAG_PRIORITY_CRITICAL,
    DUMP_FLAG_PRIORITY_DEFAULT, DUMP_FLAG_PRIORITY_HIGH,
};
use libbinder::{DeathRecipient, ExceptionCode, ProcessState, SpIBinder, Status, StatusCode};
use support::*;

const DISPATCH: &str = "child_roles";

/// Dispatches a child's role; a no-op in a normal test run.
#[test]
fn child_roles() {
    let Ok(role) = std::env::var(ROLE) else {
        return;
    };
    let dev = std::path::PathBuf::from(std::env::var(DEV).unwrap());
    let arg = std::env::var(ARG).unwrap_or_default();
    // "as-uid UID SCENARIO": take the uid first, so that the driver sees it.
    let (role, arg) = match role.strip_prefix("as-uid ") {
        Some(uid) => {
            let uid: u32 = uid.parse().unwrap();
            // SAFETY: plain system calls on this single-threaded child.
            unsafe {
                assert_eq!(libc::setresgid(uid, uid, uid), 0);
                assert_eq!(libc::setresuid(uid, uid, uid), 0);
            }
            ("client".to_string(), arg)
        }
        None => (role, arg),
    };
    ProcessState::init(&dev, 4).expect("init");
    ProcessState::start_thread_pool().unwrap();
    match role.as_str() {
        "provider" => provider(&arg),
        "lazy" => lazy_provider(),
        "client" => client(&arg),
        other => panic!("unknown role {other}"),
    }
    std::process::exit(0);
}

/// The service manager's interface token, as AOSP writes it.
const DESCRIPTOR: &str = "android.os.IServiceManager";
const HELLO: &str = "binder.sim.test.IHello";
/// (token, i32 n, String16, null binder) → (0, n).
const HELLO_ECHO: u32 = 1;
/// (token, fd) → writes "written" into the fd, replies 0.
const HELLO_WRITE_FD: u32 = 2;

/// (token, i64, f32, f64) → the three back.
const HELLO_NUMBERS: u32 = 3;

/// A small service for the tools to call and dump.
struct Hello;

impl Remotable for Hello {
    fn get_descriptor() -> &'static str {
        HELLO
    }
    fn on_transact(&self, code: u32, data: &Parcel, reply: &mut Parcel) -> Result<(), StatusCode> {
        data.enforce_interface(HELLO)?;
        match code {
            HELLO_ECHO => {
                let n = data.read_i32()?;
                let _s = data.read_string16()?;
                if data.read_nullable_strong_binder()?.is_some() {
                    return Err(StatusCode::BAD_VALUE);
                }
                reply.write_i32(0)?;
                reply.write_i32(n)
            }
            HELLO_NUMBERS => {
                reply.write_i64(data.read_i64()?)?;
                reply.write_f32(data.read_f32()?)?;
                reply.write_f64(data.read_f64()?)
            }
            HELLO_WRITE_FD => {
                let fd = data.read_unique_file_descriptor()?;
                std::fs::File::from(fd)
                    .write_all(b"written")
                    .map_err(|_| StatusCode::UNKNOWN_ERROR)?;
                reply.write_i32(0)
            }
            _ => Err(StatusCode::UNKNOWN_TRANSACTION),
        }
    }
    fn on_dump(&self, f: &mut dyn Write, args: &[&CStr]) -> Result<(), StatusCode> {
        let args: Vec<_> = args.iter().map(|a| a.to_string_lossy()).collect();
        writeln!(f, "hello dump [{}]", args.join("|")).map_err(|_| StatusCode::UNKNOWN_ERROR)
    }
}

/// A service whose dump never ends (for dumpsys's timeout).
struct Stuck;

impl Remotable for Stuck {
    fn get_descriptor() -> &'static str {
        "binder.sim.test.IStuck"
    }
    fn on_transact(&self, _: u32, _: &Parcel, _: &mut Parcel) -> Result<(), StatusCode> {
        Err(StatusCode::UNKNOWN_TRANSACTION)
    }
    fn on_dump(&self, f: &mut dyn Write, _: &[&CStr]) -> Result<(), StatusCode> {
        let _ = writeln!(f, "started");
        // Blocks this binder thread until the process is killed: the dump never finishes.
        let (m, cv) = (Mutex::new(()), Condvar::new());
        let _g = cv.wait_while(m.lock().unwrap(), |_| true);
        Ok(())
    }
}

/// The servicemanager binary on `device`, killed and reaped on drop.
struct Manager {
    child: Child,
    stderr: mpsc::Receiver<String>,
}

impl Manager {
    fn spawn(device: &Path, extra: &[&str]) -> Manager {
        let mut child = Command::new(env!("CARGO_BIN_EXE_servicemanager"))
            .arg(device)
            .args(extra)
            .env("RUST_LOG", "info")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn servicemanager");
        let (tx, stderr) = mpsc::channel();
        let err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Manager { child, stderr }
    }

    /// Starts one and waits until it serves.
    fn start(device: &Path, extra: &[&str]) -> Manager {
        let mut m = Manager::spawn(device, extra);
        m.wait_for("servicemanager ready");
        m
    }

    /// Waits (at most [`WAIT`]) for a stderr line containing `what`; returns it.
    fn wait_for(&mut self, what: &str) -> String {
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.stderr.recv_timeout(left) {
                Ok(l) if l.contains(what) => return l,
                Ok(_) => {}
                Err(e) => panic!("servicemanager never said {what:?}: {e:?}"),
            }
        }
    }
}

impl Drop for Manager {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// ---------------------------------------------------------------------------------------------
// Children
// ---------------------------------------------------------------------------------------------

/// Adds the services named in `arg` (comma-separated; `stuck.*` names get a dump that never
/// ends), then does what the parent says.
fn provider(arg: &str) {
    let mut held = Vec::new();
    for name in arg.split(',') {
        let b = if name.starts_with("stuck.") {
            Binder::new(Stuck).as_binder()
        } else {
            Binder::new(Hello).as_binder()
        };
        // `iso.*` names are visible to isolated processes.
        let isolated = name.starts_with("iso.");
        service_manager::add_service_with(name, &b, isolated, DUMP_FLAG_PRIORITY_DEFAULT)
            .expect("addService");
        held.push(b);
    }
    tell("added");
    loop {
        match hear().as_str() {
            "" | "exit" => return,
            other => {
                let b = Binder::new(Hello).as_binder();
                service_manager::add_service(other, b.clone()).expect("addService");
                held.push(b);
                tell("added");
            }
        }
    }
}

/// Records what `IClientCallback.onClients` says.
struct ClientCallback(Arc<(Mutex<Vec<bool>>, Condvar)>);

impl Remotable for ClientCallback {
    fn get_descriptor() -> &'static str {
        "android.os.IClientCallback"
    }
    fn on_transact(&self, code: u32, data: &Parcel, _: &mut Parcel) -> Result<(), StatusCode> {
        assert_eq!(
            code,
            libbinder::binder_impl::FIRST_CALL_TRANSACTION,
            "onClients"
        );
        data.enforce_interface("android.os.IClientCallback")?;
        let _registered = data.read_strong_binder()?;
        let has_clients = data.read_bool()?;
        self.0 .0.lock().unwrap().push(has_clients);
        self.0 .1.notify_all();
        Ok(())
    }
}

/// A service with a client callback: reports what it is told, unregisters when asked.
fn lazy_provider() {
    let svc = Binder::new(Hello).as_binder();
    service_manager::add_service("svc.lazy", svc.clone()).expect("addService");
    let told = Arc::new((Mutex::new(Vec::new()), Condvar::new()));
    let cb = Binder::new(ClientCallback(told.clone())).as_binder();
    let register = |service: &SpIBinder| {
        let r = manager_call(tx::registerClientCallback, |d| {
            d.write_string16("svc.lazy").unwrap();
            d.write_strong_binder(service).unwrap();
            d.write_strong_binder(&cb).unwrap();
        });
        Status::read_from_parcel(&r).unwrap().exception_code()
    };
    let other = Binder::new(Hello).as_binder();
    assert_eq!(
        register(&other),
        ExceptionCode::ILLEGAL_ARGUMENT,
        "service mismatch"
    );
    assert_eq!(register(&svc), ExceptionCode::NONE);
    tell("added");
    let try_unregister = || {
        let r = manager_call(tx::tryUnregisterService, |d| {
            d.write_string16("svc.lazy").unwrap();
            d.write_strong_binder(&svc).unwrap();
        });
        Status::read_from_parcel(&r).unwrap().exception_code()
    };
    loop {
        match hear().as_str() {
            "" | "exit" => return,
            "unregister" => tell(&format!("{:?}", try_unregister())),
            n => {
                // Wait until `n` notifications came; report them.
                let want: usize = n.parse().unwrap();
                let (m, cv) = &*told;
                let (g, _) = cv
                    .wait_timeout_while(m.lock().unwrap(), WAIT, |v| v.len() < want)
                    .unwrap();
                tell(&format!("{:?}", *g));
            }
        }
    }
}

fn manager_call(code: u32, write: impl FnOnce(&mut Parcel)) -> Parcel {
    let sm = ProcessState::self_().unwrap().context_object().unwrap();
    let mut data = Parcel::new();
    data.write_interface_token(DESCRIPTOR).unwrap();
    write(&mut data);
    sm.submit_transact(code, data, 0).expect("transact")
}

/// An `addService` whose AIDL exception (or none) is returned.
fn raw_add(name: &str, binder: Option<&SpIBinder>, priority: i32) -> ExceptionCode {
    let r = manager_call(tx::addService, |d| {
        d.write_string16(name).unwrap();
        d.write_nullable_strong_binder(binder).unwrap();
        d.write_bool(false).unwrap();
        d.write_i32(priority).unwrap();
    });
    Status::read_from_parcel(&r).unwrap().exception_code()
}

fn client(scenario: &str) {
    match scenario {
        "app" => {
            let b = Binder::new(Hello).as_binder();
            assert_eq!(raw_add("mine", Some(&b), 8), ExceptionCode::SECURITY);
            // The uid check comes before the argument checks; a null binder is refused by the
            // generated stub before the method runs (AOSP's UNEXPECTED_NULL).
            assert_eq!(raw_add("a b", Some(&b), 8), ExceptionCode::SECURITY);
            assert_eq!(raw_add("mine", None, 8), ExceptionCode::NULL_POINTER);
            assert!(service_manager::check_service("svc.a").is_some());
            tell("ok");
        }
        "isolated" => {
            assert!(service_manager::check_service("svc.a").is_none());
            assert!(service_manager::get_service("iso.a").is_some());
            let b = Binder::new(Hello).as_binder();
            assert_eq!(raw_add("mine", Some(&b), 8), ExceptionCode::SECURITY);
            tell("ok");
        }
        "hammer" => {
            // Calls from several processes at once, so that the manager's readiness notes race
            // with its answers; one it lost would leave a call unanswered (the test's bound).
            for _ in 0..200 {
                assert!(service_manager::check_service("svc.a").is_some());
                assert!(service_manager::check_service("svc.none").is_none());
            }
            tell("ok");
        }
        "basics" => {
            let mut a = service_manager::get_service("svc.a").expect("svc.a");
            a.ping_binder().expect("ping svc.a");
            assert!(service_manager::check_service("svc.none").is_none());
            let names = service_manager::list_services(DUMP_FLAG_PRIORITY_ALL).unwrap();
            assert_eq!(names, ["manager", "svc.a", "svc.b"]);
            // The manager registered itself.
            let m = service_manager::check_service("manager").expect("manager");
            assert_eq!(m.get_interface_descriptor().unwrap(), DESCRIPTOR);
            // getService2 / checkService2: the Service union around the binder.
            let r = manager_call(tx::checkService2, |d| d.write_string16("svc.a").unwrap());
            assert!(Status::read_from_parcel(&r).unwrap().is_ok());
            // Non-null union, tag serviceWithMetadata, non-null parcelable (as rsbinder's
            // and AOSP's generated readers expect).
            let head = [
                r.read_i32().unwrap(),
                r.read_i32().unwrap(),
                r.read_i32().unwrap(),
            ];
            assert_eq!(head, [1, 0, 1]);
            let size = r.read_i32().unwrap();
            assert_eq!(size, 36);
            assert_eq!(r.read_strong_binder().unwrap(), a);
            assert!(!r.read_bool().unwrap(), "not lazy");
            // getServiceDebugInfo: every name with the pid that added it.
            let provider_pid: i32 = std::env::var("PROVIDER_PID").unwrap().parse().unwrap();
            let r = manager_call(tx::getServiceDebugInfo, |_| {});
            assert!(Status::read_from_parcel(&r).unwrap().is_ok());
            let mut infos = Vec::new();
            for _ in 0..r.read_i32().unwrap() {
                assert_eq!(r.read_i32().unwrap(), 1, "non-null");
                let _size = r.read_i32().unwrap();
                infos.push((r.read_string16().unwrap(), r.read_i32().unwrap()));
            }
            let manager_pid = infos[0].1;
            assert_ne!(manager_pid, provider_pid);
            assert_eq!(
                infos,
                [
                    ("manager".to_string(), manager_pid),
                    ("svc.a".to_string(), provider_pid),
                    ("svc.b".to_string(), provider_pid)
                ]
            );
            // Nothing is declared without a VINTF manifest, an APEX or an RPC accessor.
            assert!(!service_manager::is_declared("svc.a").unwrap());
            for code in [tx::getDeclaredInstances, tx::getUpdatableNames] {
                let r = manager_call(code, |d| d.write_string16("svc.a").unwrap());
                assert!(Status::read_from_parcel(&r).unwrap().is_ok());
                assert_eq!(r.read_string16_vector().unwrap(), Vec::<String>::new());
            }
            let r = manager_call(tx::updatableViaApex, |d| d.write_string16("svc.a").unwrap());
            assert!(Status::read_from_parcel(&r).unwrap().is_ok());
            assert_eq!(r.read_nullable_string16().unwrap(), None);
            let r = manager_call(tx::getConnectionInfo, |d| {
                d.write_string16("svc.a").unwrap()
            });
            assert!(Status::read_from_parcel(&r).unwrap().is_ok());
            assert_eq!(r.read_i32().unwrap(), 0, "a null ConnectionInfo");
            assert_eq!(r.data_avail(), 0);
            tell("ok");
        }
        "rules" => {
            let b = Binder::new(Hello).as_binder();
            assert_eq!(raw_add("x", None, 8), ExceptionCode::NULL_POINTER, "null");
            for bad in ["", "a b", "é", &"n".repeat(128)] {
                assert_eq!(
                    raw_add(bad, Some(&b), 8),
                    ExceptionCode::ILLEGAL_ARGUMENT,
                    "{bad}"
                );
            }
            assert_eq!(raw_add(&"n".repeat(127), Some(&b), 8), ExceptionCode::NONE);
            // Overwriting replaces the binder.
            let c = Binder::new(Hello).as_binder();
            assert_eq!(
                raw_add("over", Some(&b), DUMP_FLAG_PRIORITY_CRITICAL),
                ExceptionCode::NONE
            );
            assert_eq!(
                raw_add("over", Some(&c), DUMP_FLAG_PRIORITY_HIGH),
                ExceptionCode::NONE
            );
            assert_eq!(service_manager::check_service("over"), Some(c));
            // listServices filters by dump priority.
            let high = service_manager::list_services(DUMP_FLAG_PRIORITY_HIGH).unwrap();
            assert_eq!(high, ["over"]);
            let crit = service_manager::list_services(DUMP_FLAG_PRIORITY_CRITICAL).unwrap();
            assert!(crit.is_empty(), "{crit:?}");
            let def = service_manager::list_services(DUMP_FLAG_PRIORITY_DEFAULT).unwrap();
            assert_eq!(def, ["manager".to_string(), "n".repeat(127)]);
            // A callback that was never registered.
            let cb = ServiceCallback::new_binder(|_, _| {});
            let err = service_manager::unregister_for_notifications("over", &cb).unwrap_err();
            assert_eq!(err.exception_code(), ExceptionCode::ILLEGAL_STATE);
            // A null callback, an invalid name.
            let r = manager_call(tx::registerForNotifications, |d| {
                d.write_string16("over").unwrap();
                d.write_nullable_strong_binder(None).unwrap();
            });
            let st = Status::read_from_parcel(&r).unwrap();
            assert_eq!(st.exception_code(), ExceptionCode::NULL_POINTER);
            let err = service_manager::register_for_notifications("a b", &cb).unwrap_err();
            assert_eq!(err.exception_code(), ExceptionCode::ILLEGAL_ARGUMENT);
            // A wrong interface token is refused by the stub.
            let sm = ProcessState::self_().unwrap().context_object().unwrap();
            let mut d = Parcel::new();
            d.write_interface_token("android.os.INotTheManager")
                .unwrap();
            d.write_string16("over").unwrap();
            assert_eq!(
                sm.submit_transact(tx::checkService, d, 0).err(),
                Some(StatusCode::BAD_TYPE)
            );
            tell("ok");
        }
        "notify" => {
            let seen = Arc::new((Mutex::new(Vec::new()), Condvar::new()));
            let s = seen.clone();
            let cb = ServiceCallback::new_binder(move |name, _b| {
                s.0.lock().unwrap().push(name.to_string());
                s.1.notify_all();
            });
            service_manager::register_for_notifications("svc.a", &cb).unwrap();
            service_manager::register_for_notifications("svc.late", &cb).unwrap();
            // Already registered: notified at once.
            wait_names(&seen, &["svc.a"]);
            tell("registered");
            wait_names(&seen, &["svc.a", "svc.late"]);
            service_manager::unregister_for_notifications("svc.late", &cb).unwrap();
            tell("ok");
        }
        "death" => {
            let mut svc = service_manager::get_service("svc.a").expect("svc.a");
            let died = Arc::new((Mutex::new(false), Condvar::new()));
            let d2 = died.clone();
            let mut recipient = DeathRecipient::new(move || {
                *d2.0.lock().unwrap() = true;
                d2.1.notify_all();
            });
            svc.link_to_death(&mut recipient).unwrap();
            tell("linked");
            let (m, cv) = &*died;
            let (g, _) = cv
                .wait_timeout_while(m.lock().unwrap(), WAIT, |d| !*d)
                .unwrap();
            assert!(*g, "the provider's death was not reported");
            // The manager's own death notification was queued before this call reached it.
            assert!(service_manager::check_service("svc.a").is_none());
            assert_eq!(
                service_manager::list_services(DUMP_FLAG_PRIORITY_ALL).unwrap(),
                ["manager"]
            );
            tell("ok");
        }
        "use" => {
            let svc = service_manager::get_service("svc.lazy").expect("svc.lazy");
            tell("got");
            assert_eq!(hear(), "drop");
            drop(svc);
            tell("dropped");
            assert_eq!(hear(), "exit");
        }
        "policy" => {
            let b = Binder::new(Hello).as_binder();
            assert_eq!(raw_add("allowed.x", Some(&b), 8), ExceptionCode::NONE);
            assert_eq!(raw_add("other", Some(&b), 8), ExceptionCode::SECURITY);
            // The policy check comes before the argument checks.
            assert_eq!(raw_add("oth er", Some(&b), 8), ExceptionCode::SECURITY);
            assert!(service_manager::check_service("allowed.x").is_some());
            let err = service_manager::list_services(DUMP_FLAG_PRIORITY_ALL).unwrap_err();
            assert_eq!(err.exception_code(), ExceptionCode::SECURITY);
            let r = manager_call(tx::checkService, |d| d.write_string16("manager").unwrap());
            let st = Status::read_from_parcel(&r).unwrap();
            assert_eq!(
                st.exception_code(),
                ExceptionCode::SECURITY,
                "find is not allowed"
            );
            tell("ok");
        }
        other => panic!("unknown scenario {other}"),
    }
}

fn wait_names(seen: &(Mutex<Vec<String>>, Condvar), want: &[&str]) {
    let (m, cv) = seen;
    let (g, _) = cv
        .wait_timeout_while(m.lock().unwrap(), WAIT, |v| v.len() < want.len())
        .unwrap();
    assert_eq!(*g, want);
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[test]
fn add_get_list_across_processes() {
    let d = TestDaemon::start("sm-basics");
    let _sm = Manager::start(&d.device(), &[]);
    let mut provider = ChildProc::spawn(DISPATCH, "provider", &d.device(), "svc.b,svc.a");
    assert_eq!(provider.expect_line(), "added");
    let pid = provider.pid().to_string();
    let envs = [("PROVIDER_PID", Some(pid.as_str()))];
    let mut client = spawn_with_env(DISPATCH, "client", &d.device(), "basics", &envs);
    assert_eq!(client.expect_line(), "ok");
}

/// A polling manager misses no call when calls arrive from many threads of several
/// processes at once: each readiness note reaches it after the answers sent before it.
#[test]
fn a_polling_manager_misses_no_call() {
    let d = TestDaemon::start("sm-hammer");
    let _sm = Manager::start(&d.device(), &[]);
    let mut provider = ChildProc::spawn(DISPATCH, "provider", &d.device(), "svc.a");
    assert_eq!(provider.expect_line(), "added");
    let mut clients: Vec<_> = (0..6)
        .map(|_| ChildProc::spawn(DISPATCH, "client", &d.device(), "hammer"))
        .collect();
    for c in &mut clients {
        assert_eq!(c.expect_line(), "ok");
    }
}

/// App and isolated uids, as the driver reports them: needs root to take those uids, so as
/// an ordinary user it says so and checks nothing (CI runs it as root).
#[test]
fn app_and_isolated_uids_over_the_driver() {
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("not root: cannot take app or isolated uids; skipped");
        return;
    }
    let d = TestDaemon::start("sm-uids");
    let _sm = Manager::start(&d.device(), &[]);
    let mut provider = ChildProc::spawn(DISPATCH, "provider", &d.device(), "svc.a,iso.a");
    assert_eq!(provider.expect_line(), "added");
    for (uid, scenario) in [("10001", "app"), ("1010123", "app"), ("99001", "isolated")] {
        let role = format!("as-uid {uid}");
        let mut client = ChildProc::spawn(DISPATCH, &role, &d.device(), scenario);
        assert_eq!(client.expect_line(), "ok", "uid {uid}");
    }
}

#[test]
fn argument_rules_overwrite_and_priorities() {
    let d = TestDaemon::start("sm-rules");
    let _sm = Manager::start(&d.device(), &[]);
    let mut client = ChildProc::spawn(DISPATCH, "client", &d.device(), "rules");
    assert_eq!(client.expect_line(), "ok");
}

#[test]
fn notifications_for_present_and_later_services() {
    let d = TestDaemon::start("sm-notify");
    let _sm = Manager::start(&d.device(), &[]);
    let mut provider = ChildProc::spawn(DISPATCH, "provider", &d.device(), "svc.a");
    assert_eq!(provider.expect_line(), "added");
    let mut client = ChildProc::spawn(DISPATCH, "client", &d.device(), "notify");
    assert_eq!(client.expect_line(), "registered");
    provider.say("svc.late");
    assert_eq!(provider.expect_line(), "added");
    assert_eq!(client.expect_line(), "ok");
}

#[test]
fn a_dead_service_is_removed() {
    let d = TestDaemon::start("sm-death");
    let mut sm = Manager::start(&d.device(), &[]);
    let mut provider = ChildProc::spawn(DISPATCH, "provider", &d.device(), "svc.a");
    assert_eq!(provider.expect_line(), "added");
    let mut client = ChildProc::spawn(DISPATCH, "client", &d.device(), "death");
    assert_eq!(client.expect_line(), "linked");
    provider.kill9();
    assert_eq!(client.expect_line(), "ok");
    sm.wait_for("service died; removed");
}

#[test]
fn client_callbacks_and_try_unregister() {
    let d = TestDaemon::start("sm-clients");
    let _sm = Manager::start(&d.device(), &[]);
    let mut provider = ChildProc::spawn(DISPATCH, "lazy", &d.device(), "");
    assert_eq!(provider.expect_line(), "added");
    let mut client = ChildProc::spawn(DISPATCH, "client", &d.device(), "use");
    assert_eq!(client.expect_line(), "got");
    // Handing the service out reports a client at once.
    provider.say("1");
    assert_eq!(provider.expect_line(), "[true]");
    provider.say("unregister");
    assert_eq!(provider.expect_line(), "ILLEGAL_STATE", "a client holds it");
    client.say("drop");
    assert_eq!(client.expect_line(), "dropped");
    // The periodic check (every 5 s) reports that the clients are gone.
    provider.say("2");
    assert_eq!(provider.expect_line(), "[true, false]");
    provider.say("unregister");
    assert_eq!(provider.expect_line(), "NONE");
}

#[test]
fn policy_file_decides_with_the_driver_identity() {
    let d = TestDaemon::start("sm-policy");
    // SAFETY: geteuid cannot fail.
    let uid = unsafe { libc::geteuid() };
    let policy = d.dir.0.join("policy");
    std::fs::write(&policy, format!("add {uid} allowed.*\nfind * allowed.*\n")).unwrap();
    let _sm = Manager::start(&d.device(), &["--policy", policy.to_str().unwrap()]);
    let mut client = ChildProc::spawn(DISPATCH, "client", &d.device(), "policy");
    assert_eq!(client.expect_line(), "ok");
}

#[test]
fn a_second_manager_is_refused_with_ebusy() {
    let d = TestDaemon::start("sm-ebusy");
    let _sm = Manager::start(&d.device(), &[]);
    let mut second = Manager::spawn(&d.device(), &[]);
    second.wait_for("EBUSY");
    let status = second.child.wait().unwrap();
    assert_eq!(status.code(), Some(1));
}

#[test]
fn a_bad_policy_file_is_refused() {
    let d = TestDaemon::start("sm-badpolicy");
    let policy = d.dir.0.join("policy");
    std::fs::write(&policy, "add 0 x\ngrant 0 y\n").unwrap();
    let mut sm = Manager::spawn(&d.device(), &["--policy", policy.to_str().unwrap()]);
    assert!(sm.wait_for("policy line 2").contains("verb"));
    assert_eq!(sm.child.wait().unwrap().code(), Some(1));
}

// ---------------------------------------------------------------------------------------------
// The tools
// ---------------------------------------------------------------------------------------------

/// Runs a tool binary on `device`: (stdout, stderr, exit code), within [`WAIT`].
fn run_tool(tool: &str, device: &Path, args: &[&str]) -> (String, String, i32) {
    let child = Command::new(tool)
        .args(args)
        .env("BINDER_DEVICE", device)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn tool");
    let pid = child.id() as i32;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(WAIT) {
        Ok(out) => {
            let out = out.unwrap();
            (
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
                out.status.code().unwrap_or(-1),
            )
        }
        Err(_) => {
            // SAFETY: kill has no memory-safety preconditions; the waiting thread reaps it.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            panic!("{tool} {args:?} did not finish in time");
        }
    }
}

const SERVICE: &str = env!("CARGO_BIN_EXE_service");
const DUMPSYS: &str = env!("CARGO_BIN_EXE_dumpsys");

#[test]
fn service_tool_list_check_call() {
    let d = TestDaemon::start("sm-service-tool");
    let _sm = Manager::start(&d.device(), &[]);
    let mut provider = ChildProc::spawn(DISPATCH, "provider", &d.device(), "svc.b,svc.a");
    assert_eq!(provider.expect_line(), "added");
    let dev = d.device();

    let (out, _, code) = run_tool(SERVICE, &dev, &["list"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        format!(
            "Found 3 services:\n0\tmanager: [{DESCRIPTOR}]\n1\tsvc.a: [{HELLO}]\n\
             2\tsvc.b: [{HELLO}]\n"
        )
    );
    assert_eq!(
        run_tool(SERVICE, &dev, &["check", "svc.a"]).0,
        "Service svc.a: found\n"
    );
    assert_eq!(
        run_tool(SERVICE, &dev, &["check", "nope"]).0,
        "Service nope: not found\n"
    );

    let args = ["call", "svc.a", "1", "i32", "5", "s16", "hi", "null"];
    let (out, err, code) = run_tool(SERVICE, &dev, &args);
    assert_eq!(
        (out.as_str(), code),
        ("Result: Parcel(00000000 00000005   '........')\n", 0),
        "{err}"
    );

    let args = ["call", "svc.a", "3", "i64", "-2", "f", "1.5", "d", "0.25"];
    assert_eq!(
        run_tool(SERVICE, &dev, &args).0,
        "Result: Parcel(fffffffe ffffffff 3fc00000 00000000 3fd00000 '...........?.......?')\n"
    );

    let file = d.dir.0.join("target-file");
    std::fs::write(&file, "").unwrap();
    let (out, _, _) = run_tool(
        SERVICE,
        &dev,
        &["call", "svc.a", "2", "fd", file.to_str().unwrap()],
    );
    assert_eq!(out, "Result: Parcel(00000000    '....')\n");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "written");

    let (_, err, code) = run_tool(SERVICE, &dev, &["call", "nope", "1"]);
    assert_eq!(
        (err.as_str(), code),
        ("service: Service nope does not exist\n", 10)
    );
    let (_, err, code) = run_tool(SERVICE, &dev, &["call", "svc.a", "1", "i32", "x"]);
    assert_eq!((err.as_str(), code), ("service: invalid i32 value x\n", 10));
}

#[test]
fn dumpsys_lists_dumps_and_times_out() {
    let d = TestDaemon::start("sm-dumpsys");
    let _sm = Manager::start(&d.device(), &[]);
    let mut provider = ChildProc::spawn(DISPATCH, "provider", &d.device(), "svc.a,stuck.x");
    assert_eq!(provider.expect_line(), "added");
    let dev = d.device();

    let (out, _, code) = run_tool(DUMPSYS, &dev, &["-l"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "Currently running services:\n  manager\n  stuck.x\n  svc.a\n"
    );
    let (out, _, _) = run_tool(DUMPSYS, &dev, &["svc.a", "-a", "two words"]);
    assert_eq!(out, "hello dump [-a|two words]\n");
    let (_, err, _) = run_tool(DUMPSYS, &dev, &["nope"]);
    assert_eq!(err, "Can't find service: nope\n");

    let (out, _, _) = run_tool(DUMPSYS, &dev, &["-t", "1", "stuck.x"]);
    assert_eq!(
        out,
        "started\n\n*** SERVICE 'stuck.x' DUMP TIMEOUT (1000ms) EXPIRED ***\n\n"
    );

    // Everything, under headers.
    let (out, _, _) = run_tool(DUMPSYS, &dev, &["-t", "1"]);
    assert!(
        out.starts_with("Currently running services:\n  manager\n"),
        "{out}"
    );
    assert!(
        out.contains("\nDUMP OF SERVICE svc.a:\nhello dump []\n--------- "),
        "{out}"
    );
    assert!(out.contains("DUMP OF SERVICE stuck.x:\nstarted\n"), "{out}");
}

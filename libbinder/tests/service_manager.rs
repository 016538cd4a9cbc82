//! The service-manager client against a fake servicemanager: a context manager written here
//! that answers the `android.os.IServiceManager` codes of Android 16 (literal values, so the
//! client's constants are checked against them), with real processes adding, finding and
//! waiting for services.

// Generated code names the library `binder`, as AOSP crates call it.
extern crate libbinder as binder;

#[path = "aidl/mod.rs"]
mod aidl;
mod support;

use libbinder::binder_impl::IBinderInternal;
use libbinder::IBinder;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

use aidl::IHello::{BnHello, IHello};
use libbinder::binder_impl::{Binder, Parcel, Remotable, FIRST_CALL_TRANSACTION, FLAG_ONEWAY};
use libbinder::interface::{FromIBinder, Interface, Strong};
use libbinder::service_manager::{
    self, transactions, ServiceCallback, DUMP_FLAG_PRIORITY_ALL, DUMP_FLAG_PRIORITY_CRITICAL,
    DUMP_FLAG_PRIORITY_DEFAULT,
};
use libbinder::thread::get_calling_pid;
use libbinder::{BinderFeatures, ProcessState, SpIBinder, Status, StatusCode};
use support::*;

const DISPATCH: &str = "child_roles";
const SM_DESCRIPTOR: &str = "android.os.IServiceManager";
const CALLBACK_DESCRIPTOR: &str = "android.os.IServiceCallback";
const HELLO_DESCRIPTOR: &str = "binder.sim.test.IHello";

// Android 16 IServiceManager order: getService, getService2, checkService, checkService2,
// addService, listServices, registerForNotifications, unregisterForNotifications, isDeclared.
const GET_SERVICE: u32 = 1;
const CHECK_SERVICE: u32 = 3;
const ADD_SERVICE: u32 = 5;
const LIST_SERVICES: u32 = 6;
const REGISTER_FOR_NOTIFICATIONS: u32 = 7;
const UNREGISTER_FOR_NOTIFICATIONS: u32 = 8;
const IS_DECLARED: u32 = 9;

/// Dispatches a child's role; a no-op in a normal test run.
#[test]
fn child_roles() {
    let Ok(role) = std::env::var(ROLE) else {
        return;
    };
    let dev = std::path::PathBuf::from(std::env::var(DEV).unwrap());
    let arg = std::env::var(ARG).unwrap_or_default();
    match role.as_str() {
        "sm" => fake_service_manager(&dev),
        "provider" => provider(&dev, &arg),
        "client" => client(&dev, &arg),
        other => panic!("unknown role {other}"),
    }
    std::process::exit(0);
}

// ---------------------------------------------------------------------------------------------
// Fake servicemanager
// ---------------------------------------------------------------------------------------------

#[derive(Default)]
struct SmState {
    /// name → (binder, dump priority).
    services: BTreeMap<String, (SpIBinder, i32)>,
    callbacks: Vec<(String, SpIBinder)>,
}

#[derive(Default)]
struct FakeSm {
    state: Mutex<SmState>,
}

fn notify(callback: &SpIBinder, name: &str, binder: &SpIBinder) {
    let mut d = Parcel::new();
    d.write_interface_token(CALLBACK_DESCRIPTOR).unwrap();
    d.write_string16(name).unwrap();
    d.write_strong_binder(binder).unwrap();
    if let Err(e) = callback.submit_transact(FIRST_CALL_TRANSACTION, d, FLAG_ONEWAY) {
        tell(&format!("notify failed {e:?}"));
    }
}

impl Remotable for FakeSm {
    fn get_descriptor() -> &'static str {
        SM_DESCRIPTOR
    }

    fn on_transact(&self, code: u32, data: &Parcel, reply: &mut Parcel) -> Result<(), StatusCode> {
        data.enforce_interface(SM_DESCRIPTOR)?;
        match code {
            GET_SERVICE | CHECK_SERVICE => {
                let name = data.read_string16()?;
                let found = self
                    .state
                    .lock()
                    .unwrap()
                    .services
                    .get(&name)
                    .map(|(b, _)| b.clone());
                Status::ok().write_to_parcel(reply)?;
                reply.write_nullable_strong_binder(found.as_ref())?;
            }
            ADD_SERVICE => {
                let name = data.read_string16()?;
                let binder = data.read_nullable_strong_binder()?;
                let _allow_isolated = data.read_bool()?;
                let priority = data.read_i32()?;
                let Some(binder) = binder else {
                    let s = Status::new_exception_str(
                        libbinder::ExceptionCode::ILLEGAL_ARGUMENT,
                        Some("null binder"),
                    );
                    return s.write_to_parcel(reply);
                };
                let to_notify: Vec<SpIBinder> = {
                    let mut st = self.state.lock().unwrap();
                    st.services.insert(name.clone(), (binder.clone(), priority));
                    st.callbacks
                        .iter()
                        .filter(|(n, _)| *n == name)
                        .map(|(_, c)| c.clone())
                        .collect()
                };
                for cb in &to_notify {
                    notify(cb, &name, &binder);
                }
                Status::ok().write_to_parcel(reply)?;
            }
            LIST_SERVICES => {
                let priority = data.read_i32()?;
                let names: Vec<String> = self
                    .state
                    .lock()
                    .unwrap()
                    .services
                    .iter()
                    .filter(|(_, (_, p))| p & priority != 0)
                    .map(|(n, _)| n.clone())
                    .collect();
                Status::ok().write_to_parcel(reply)?;
                reply.write_string16_vector(&names)?;
            }
            REGISTER_FOR_NOTIFICATIONS => {
                let name = data.read_string16()?;
                let callback = data.read_strong_binder()?;
                let existing = {
                    let mut st = self.state.lock().unwrap();
                    st.callbacks.push((name.clone(), callback.clone()));
                    st.services.get(&name).map(|(b, _)| b.clone())
                };
                tell(&format!("registered {name}"));
                if let Some(b) = existing {
                    notify(&callback, &name, &b);
                }
                Status::ok().write_to_parcel(reply)?;
            }
            UNREGISTER_FOR_NOTIFICATIONS => {
                let name = data.read_string16()?;
                let callback = data.read_strong_binder()?;
                let removed = {
                    let mut st = self.state.lock().unwrap();
                    let before = st.callbacks.len();
                    st.callbacks
                        .retain(|(n, c)| !(*n == name && *c == callback));
                    before - st.callbacks.len()
                };
                tell(&format!("unregistered {name} {removed}"));
                Status::ok().write_to_parcel(reply)?;
            }
            IS_DECLARED => {
                let name = data.read_string16()?;
                Status::ok().write_to_parcel(reply)?;
                reply.write_bool(name.starts_with("declared."))?;
            }
            _ => return Err(StatusCode::UNKNOWN_TRANSACTION),
        }
        Ok(())
    }
}

fn fake_service_manager(dev: &Path) {
    exit_on_stdin_eof();
    let ps = ProcessState::init(dev, 15).expect("init");
    let sm = Binder::new(FakeSm::default());
    ps.become_context_manager_with(&sm.as_binder())
        .expect("become context manager");
    ProcessState::start_thread_pool().unwrap();
    tell("ready");
    let r = ProcessState::join_thread_pool();
    panic!("join_thread_pool returned {r:?}");
}

// ---------------------------------------------------------------------------------------------
// Provider and clients
// ---------------------------------------------------------------------------------------------

struct Hello;

impl Interface for Hello {}

impl IHello for Hello {
    fn pid(&self) -> libbinder::Result<i32> {
        Ok(std::process::id() as i32)
    }
}

/// Adds `name` (default dump priority) and `name.critical` (critical, allowed to isolated
/// processes), then serves them.
fn provider(dev: &Path, name: &str) {
    exit_on_stdin_eof();
    ProcessState::init(dev, 15).expect("init");
    ProcessState::start_thread_pool().unwrap();
    let hello = BnHello::new_binder(Hello, BinderFeatures::default());
    libbinder::add_service(name, hello.as_binder()).expect("addService");
    libbinder::service_manager::add_service_with(
        &format!("{name}.critical"),
        &hello.as_binder(),
        true,
        DUMP_FLAG_PRIORITY_CRITICAL,
    )
    .expect("addService critical");
    tell("added");
    let r = ProcessState::join_thread_pool();
    panic!("join_thread_pool returned {r:?}");
}

/// Calls `HELLO` on a found service: the provider's pid, never ours.
fn hello(service: &SpIBinder) -> i32 {
    assert!(service.is_remote());
    service.clone().ping_binder().expect("ping");
    assert_eq!(
        service.get_interface_descriptor().unwrap(),
        HELLO_DESCRIPTOR
    );
    let typed: Strong<dyn IHello> = FromIBinder::try_from(service.clone()).expect("an IHello");
    let pid = typed.pid().expect("pid");
    assert_ne!(pid, std::process::id() as i32);
    pid
}

fn client(dev: &Path, scenario: &str) {
    exit_on_stdin_eof();
    ProcessState::init(dev, 15).expect("init");
    match scenario {
        "find" => {
            let checked = libbinder::check_service("hello").expect("checkService finds hello");
            let pid = hello(&checked);
            let got = libbinder::get_service("hello").expect("getService finds hello");
            assert_eq!(hello(&got), pid);
            assert_eq!(got, checked, "the same node gives the same proxy");
            let typed = libbinder::get_interface::<dyn IHello>("hello").expect("getInterface");
            assert_eq!(typed.pid().unwrap(), pid);
            assert_eq!(typed.as_binder(), checked);
            assert!(libbinder::check_service("missing").is_none());
            assert_eq!(
                libbinder::service_manager::list_services(DUMP_FLAG_PRIORITY_ALL).unwrap(),
                ["hello", "hello.critical"]
            );
            assert_eq!(
                libbinder::service_manager::list_services(DUMP_FLAG_PRIORITY_CRITICAL).unwrap(),
                ["hello.critical"]
            );
            assert_eq!(
                libbinder::service_manager::list_services(DUMP_FLAG_PRIORITY_DEFAULT).unwrap(),
                ["hello"]
            );
            assert!(!libbinder::is_declared("hello").unwrap());
            assert!(libbinder::is_declared("declared.x").unwrap());
            // Already registered: wait_for_service returns at once.
            assert_eq!(libbinder::wait_for_service("hello"), Some(checked.clone()));
            // Registering for a name already there is answered at once.
            ProcessState::start_thread_pool().unwrap();
            let (tx, rx) = std::sync::mpsc::channel();
            let tx = Mutex::new(tx);
            let cb = ServiceCallback::new_binder(move |name, binder| {
                let _ = tx.lock().unwrap().send((name.to_string(), binder));
            });
            libbinder::service_manager::register_for_notifications("hello", &cb).unwrap();
            let (name, binder) = rx.recv_timeout(WAIT).expect("onRegistration in time");
            assert_eq!((name.as_str(), &binder), ("hello", &checked));
            libbinder::service_manager::unregister_for_notifications("hello", &cb).unwrap();
            tell(&format!("ok {pid}"));
        }
        "wait" => {
            ProcessState::start_thread_pool().unwrap();
            tell("waiting");
            let service = libbinder::wait_for_service("late").expect("waitForService");
            let pid = hello(&service);
            tell(&format!("ok {pid}"));
        }
        "get-later" => {
            // getService waits (at most 5 s) for a missing service through a notification.
            ProcessState::start_thread_pool().unwrap();
            tell("waiting");
            let service = libbinder::get_service("soon").expect("getService waits for it");
            let pid = hello(&service);
            tell(&format!("ok {pid}"));
        }
        "get-missing" => {
            ProcessState::start_thread_pool().unwrap();
            let start = std::time::Instant::now();
            assert!(libbinder::get_service("nobody").is_none());
            let waited = start.elapsed();
            assert!(
                waited >= service_manager::GET_SERVICE_TIMEOUT
                    && waited < service_manager::GET_SERVICE_TIMEOUT + WAIT,
                "waited {waited:?}"
            );
            tell("ok");
        }
        "notify" => {
            // A callback registered before the service exists hears of it when it is added.
            ProcessState::start_thread_pool().unwrap();
            let (tx, rx) = std::sync::mpsc::channel();
            let tx = Mutex::new(tx);
            let cb = ServiceCallback::new_binder(move |name, binder| {
                let _ = tx.lock().unwrap().send((name.to_string(), binder));
            });
            libbinder::service_manager::register_for_notifications("later", &cb).unwrap();
            tell("registered");
            let (name, binder) = rx.recv_timeout(WAIT).expect("onRegistration in time");
            assert_eq!(name, "later");
            let pid = hello(&binder);
            libbinder::service_manager::unregister_for_notifications("later", &cb).unwrap();
            tell(&format!("ok {pid}"));
        }
        "add-null-errors" => {
            // The interface token and reply status travel: an exception comes back as one.
            let mut d = Parcel::new();
            d.write_interface_token(SM_DESCRIPTOR).unwrap();
            d.write_string16("nothing").unwrap();
            d.write_nullable_strong_binder(None).unwrap();
            d.write_bool(false).unwrap();
            d.write_i32(DUMP_FLAG_PRIORITY_DEFAULT).unwrap();
            let sm = service_manager::service_manager().unwrap();
            let r = sm.submit_transact(ADD_SERVICE, d, 0).unwrap();
            let s = Status::read_from_parcel(&r).unwrap();
            assert_eq!(
                s.exception_code(),
                libbinder::ExceptionCode::ILLEGAL_ARGUMENT
            );
            // A wrong interface token is refused by the manager.
            let mut d = Parcel::new();
            d.write_interface_token("android.os.INotServiceManager")
                .unwrap();
            d.write_string16("hello").unwrap();
            assert_eq!(
                sm.submit_transact(CHECK_SERVICE, d, 0).err(),
                Some(StatusCode::BAD_TYPE)
            );
            tell(&format!("ok {}", get_calling_pid()));
        }
        other => panic!("unknown scenario {other}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

fn start_sm(tag: &str) -> (TestDaemon, ChildProc) {
    let d = TestDaemon::start(tag);
    let mut sm = ChildProc::spawn(DISPATCH, "sm", &d.device(), "");
    assert_eq!(sm.expect_line(), "ready");
    (d, sm)
}

/// The next note of the fake servicemanager about registrations.
fn sm_note(sm: &mut ChildProc) -> String {
    sm.expect_line()
}

#[test]
fn transaction_codes_follow_android_16() {
    assert_eq!(transactions::getService, GET_SERVICE);
    assert_eq!(transactions::getService2, 2);
    assert_eq!(transactions::checkService, CHECK_SERVICE);
    assert_eq!(transactions::checkService2, 4);
    assert_eq!(transactions::addService, ADD_SERVICE);
    assert_eq!(transactions::listServices, LIST_SERVICES);
    assert_eq!(
        transactions::registerForNotifications,
        REGISTER_FOR_NOTIFICATIONS
    );
    assert_eq!(
        transactions::unregisterForNotifications,
        UNREGISTER_FOR_NOTIFICATIONS
    );
    assert_eq!(transactions::isDeclared, IS_DECLARED);
    assert_eq!(transactions::getDeclaredInstances, 10);
    assert_eq!(transactions::updatableViaApex, 11);
    assert_eq!(transactions::getUpdatableNames, 12);
    assert_eq!(transactions::getConnectionInfo, 13);
    assert_eq!(transactions::registerClientCallback, 14);
    assert_eq!(transactions::tryUnregisterService, 15);
    assert_eq!(transactions::getServiceDebugInfo, 16);
    assert_eq!(DUMP_FLAG_PRIORITY_ALL, 0b1111);
    assert_eq!(
        <service_manager::BpServiceManager as service_manager::IServiceManager>::get_descriptor(),
        SM_DESCRIPTOR
    );
    let callback = service_manager::ServiceCallback::new_binder(|_, _| {});
    assert_eq!(
        callback.as_binder().get_interface_descriptor().unwrap(),
        CALLBACK_DESCRIPTOR
    );
}

#[test]
fn add_in_one_process_find_in_another() {
    let (d, mut sm) = start_sm("sm-find");
    let mut provider = ChildProc::spawn(DISPATCH, "provider", &d.device(), "hello");
    assert_eq!(provider.expect_line(), "added");
    let mut client = ChildProc::spawn(DISPATCH, "client", &d.device(), "find");
    assert_eq!(client.expect_line(), format!("ok {}", provider.pid()));
    assert_eq!(sm_note(&mut sm), "registered hello");
    assert_eq!(sm_note(&mut sm), "unregistered hello 1");
}

#[test]
fn wait_for_service_blocks_until_added() {
    let (d, mut sm) = start_sm("sm-wait");
    let mut client = ChildProc::spawn(DISPATCH, "client", &d.device(), "wait");
    assert_eq!(client.expect_line(), "waiting");
    // The client is registered for "late" and has nothing to say until it is added.
    assert_eq!(sm_note(&mut sm), "registered late");
    assert_eq!(client.try_line(), None);
    let mut provider = ChildProc::spawn(DISPATCH, "provider", &d.device(), "late");
    assert_eq!(provider.expect_line(), "added");
    assert_eq!(client.expect_line(), format!("ok {}", provider.pid()));
    assert_eq!(sm_note(&mut sm), "unregistered late 1");
}

#[test]
fn notification_on_later_registration() {
    let (d, mut sm) = start_sm("sm-notify");
    let mut client = ChildProc::spawn(DISPATCH, "client", &d.device(), "notify");
    assert_eq!(client.expect_line(), "registered");
    assert_eq!(sm_note(&mut sm), "registered later");
    let mut provider = ChildProc::spawn(DISPATCH, "provider", &d.device(), "later");
    assert_eq!(provider.expect_line(), "added");
    assert_eq!(client.expect_line(), format!("ok {}", provider.pid()));
    assert_eq!(sm_note(&mut sm), "unregistered later 1");
}

#[test]
fn manager_exceptions_and_bad_tokens() {
    let (d, _sm) = start_sm("sm-errors");
    let mut client = ChildProc::spawn(DISPATCH, "client", &d.device(), "add-null-errors");
    assert!(client.expect_line().starts_with("ok"));
}

#[test]
fn get_service_waits_for_a_late_service() {
    let (d, mut sm) = start_sm("sm-get-later");
    let mut client = ChildProc::spawn(DISPATCH, "client", &d.device(), "get-later");
    assert_eq!(client.expect_line(), "waiting");
    assert_eq!(sm_note(&mut sm), "registered soon");
    let mut provider = ChildProc::spawn(DISPATCH, "provider", &d.device(), "soon");
    assert_eq!(provider.expect_line(), "added");
    assert_eq!(client.expect_line(), format!("ok {}", provider.pid()));
    assert_eq!(sm_note(&mut sm), "unregistered soon 1");
}

#[test]
fn get_service_gives_up_after_its_timeout() {
    let (d, mut sm) = start_sm("sm-get-missing");
    let mut client = ChildProc::spawn(DISPATCH, "client", &d.device(), "get-missing");
    assert_eq!(client.expect_line(), "ok");
    assert_eq!(sm_note(&mut sm), "registered nobody");
    assert_eq!(sm_note(&mut sm), "unregistered nobody 1");
}

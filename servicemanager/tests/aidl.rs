//! `libbinder/aidl/android/os/`, the `.aidl` files of `android.os.IServiceManager` (Android 16)
//! and its types, against AOSP's wire written out by hand here: the generated transaction
//! codes are AOSP's; the generated proxy (libbinder's client) writes, and the generated stub
//! (the servicemanager) answers, byte for byte what AOSP's client and server write; and the
//! generated proxy, callback stubs and parcelables work against the running servicemanager
//! across processes.

#[path = "../../libbinder/tests/support/mod.rs"]
mod support;

use std::path::Path;
use std::sync::{mpsc, Mutex};

use libbinder::aidl::android::os::{
    IClientCallback::{BnClientCallback, IClientCallback},
    IServiceCallback::{BnServiceCallback, IServiceCallback},
    IServiceManager::{self as ism, IServiceManager},
    Service::Service,
};
use libbinder::binder_impl::{Binder, Parcel, Remotable, TransactionCode, FIRST_CALL_TRANSACTION};
use libbinder::{
    BinderFeatures, ExceptionCode, FromIBinder, Interface, ProcessState, SpIBinder, Status,
    StatusCode, Strong,
};
use support::*;

/// The service manager's interface token.
const DESCRIPTOR: &str = "android.os.IServiceManager";

#[test]
fn transaction_codes_are_aosp_s() {
    use ism::transactions as gen;
    // Android 16's IServiceManager.aidl, in method order from FIRST_CALL_TRANSACTION.
    let in_order = [
        gen::getService,
        gen::getService2,
        gen::checkService,
        gen::checkService2,
        gen::addService,
        gen::listServices,
        gen::registerForNotifications,
        gen::unregisterForNotifications,
        gen::isDeclared,
        gen::getDeclaredInstances,
        gen::updatableViaApex,
        gen::getUpdatableNames,
        gen::getConnectionInfo,
        gen::registerClientCallback,
        gen::tryUnregisterService,
        gen::getServiceDebugInfo,
    ];
    for (i, code) in in_order.into_iter().enumerate() {
        assert_eq!(code, FIRST_CALL_TRANSACTION + i as u32, "method {i}");
    }
    assert_eq!(
        <ism::BpServiceManager as IServiceManager>::get_descriptor(),
        DESCRIPTOR
    );
    assert_eq!(ism::DUMP_FLAG_PRIORITY_ALL, 0b1111);
    assert_eq!(ism::DUMP_FLAG_PRIORITY_DEFAULT, 1 << 3);
}

/// A local object with the service manager's descriptor that records each request.
struct Recorder(Mutex<Vec<(TransactionCode, Vec<u8>)>>);

impl Remotable for Recorder {
    fn get_descriptor() -> &'static str {
        DESCRIPTOR
    }

    fn on_transact(
        &self,
        code: TransactionCode,
        data: &Parcel,
        reply: &mut Parcel,
    ) -> Result<(), StatusCode> {
        self.0.lock().unwrap().push((code, data.data().to_vec()));
        reply.write(&libbinder::Status::ok())
    }
}

/// A request as AOSP's client writes it: the interface token, then the arguments.
fn hand_written(args: impl FnOnce(&mut Parcel) -> Result<(), StatusCode>) -> Vec<u8> {
    let mut p = Parcel::new();
    p.write_interface_token(DESCRIPTOR).unwrap();
    args(&mut p).unwrap();
    p.data().to_vec()
}

struct NoOpServiceCallback;
impl Interface for NoOpServiceCallback {}
impl IServiceCallback for NoOpServiceCallback {
    fn onRegistration(&self, _name: &str, _binder: &SpIBinder) -> libbinder::Result<()> {
        Ok(())
    }
}

#[test]
fn the_generated_proxy_writes_the_hand_written_bytes() {
    let recorder = Binder::new(Recorder(Mutex::new(Vec::new())));
    let proxy: Strong<dyn IServiceManager> =
        FromIBinder::try_from(recorder.as_binder()).expect("a proxy over the recorder");
    let service = recorder.as_binder();
    let callback = BnServiceCallback::new_binder(NoOpServiceCallback, BinderFeatures::default());
    // The recorder answers only an OK status, so calls that return a value fail reading it;
    // what is compared here is what they sent.
    let _ = proxy.checkService("a.name/default");
    let _ = proxy.getService("x");
    let _ = proxy.addService("svc", &service, true, ism::DUMP_FLAG_PRIORITY_HIGH);
    let _ = proxy.listServices(ism::DUMP_FLAG_PRIORITY_ALL);
    let _ = proxy.registerForNotifications("svc", &callback);
    let _ = proxy.isDeclared("svc");
    let _ = proxy.getServiceDebugInfo();
    let expected = vec![
        (
            ism::transactions::checkService,
            hand_written(|d| d.write_string16("a.name/default")),
        ),
        (
            ism::transactions::getService,
            hand_written(|d| d.write_string16("x")),
        ),
        (
            ism::transactions::addService,
            hand_written(|d| {
                d.write_string16("svc")?;
                d.write_strong_binder(&service)?;
                d.write_bool(true)?;
                d.write_i32(ism::DUMP_FLAG_PRIORITY_HIGH)
            }),
        ),
        (
            ism::transactions::listServices,
            hand_written(|d| d.write_i32(ism::DUMP_FLAG_PRIORITY_ALL)),
        ),
        (
            ism::transactions::registerForNotifications,
            hand_written(|d| {
                d.write_string16("svc")?;
                d.write_strong_binder(&callback.as_binder())
            }),
        ),
        (
            ism::transactions::isDeclared,
            hand_written(|d| d.write_string16("svc")),
        ),
        (
            ism::transactions::getServiceDebugInfo,
            hand_written(|_| Ok(())),
        ),
    ];
    assert_eq!(*recorder.0.lock().unwrap(), expected);
}

// ---------------------------------------------------------------------------------------------
// The generated proxy against the servicemanager, across processes
// ---------------------------------------------------------------------------------------------

const DISPATCH: &str = "child_roles";

/// Dispatches a child's role; a no-op in a normal test run.
#[test]
fn child_roles() {
    let Ok(role) = std::env::var(ROLE) else {
        return;
    };
    let dev = std::path::PathBuf::from(std::env::var(DEV).unwrap());
    match role.as_str() {
        "sm" => {
            exit_on_stdin_eof();
            let err =
                servicemanager::serve(&dev, servicemanager::Access::permissive(), || tell("ready"));
            panic!("servicemanager stopped: {err:?}");
        }
        "client" => generated_client(&dev),
        other => panic!("unknown role {other}"),
    }
    std::process::exit(0);
}

fn spawn(role: &str, device: &Path) -> ChildProc {
    ChildProc::spawn(DISPATCH, role, device, "")
}

#[test]
fn the_generated_proxy_works_against_the_servicemanager() {
    let d = TestDaemon::start("sm-aidl");
    let mut sm = spawn("sm", &d.device());
    assert_eq!(sm.expect_line(), "ready");
    let mut client = spawn("client", &d.device());
    assert_eq!(client.expect_line(), "checked");
    drop(client);
    drop(sm);
}

/// Sends each registration it hears.
struct Notifications(Mutex<mpsc::Sender<(String, SpIBinder)>>);
impl Interface for Notifications {}
impl IServiceCallback for Notifications {
    fn onRegistration(&self, name: &str, binder: &SpIBinder) -> libbinder::Result<()> {
        let _ = self.0.lock().unwrap().send((name.into(), binder.clone()));
        Ok(())
    }
}

/// Sends each client-count change it hears.
struct Clients(Mutex<mpsc::Sender<bool>>);
impl Interface for Clients {}
impl IClientCallback for Clients {
    fn onClients(&self, _registered: &SpIBinder, has_clients: bool) -> libbinder::Result<()> {
        let _ = self.0.lock().unwrap().send(has_clients);
        Ok(())
    }
}

struct Token;
impl Remotable for Token {
    fn get_descriptor() -> &'static str {
        "binder.sim.test.IToken"
    }
    fn on_transact(
        &self,
        _code: TransactionCode,
        _data: &Parcel,
        _reply: &mut Parcel,
    ) -> Result<(), StatusCode> {
        Err(StatusCode::UNKNOWN_TRANSACTION)
    }
}

fn generated_client(dev: &Path) {
    ProcessState::init(dev, 2).expect("init");
    ProcessState::start_thread_pool().expect("thread pool");
    let sm: Strong<dyn IServiceManager> =
        libbinder::get_interface("manager").expect("the manager, through the generated proxy");
    let token = Binder::new(Token);
    let service = token.as_binder();

    let (tx_reg, rx_reg) = mpsc::channel();
    let notifications =
        BnServiceCallback::new_binder(Notifications(Mutex::new(tx_reg)), BinderFeatures::default());
    sm.registerForNotifications("gen.token", &notifications)
        .unwrap();
    assert!(sm.checkService("gen.token").unwrap().is_none());
    sm.addService(
        "gen.token",
        &service,
        false,
        ism::DUMP_FLAG_PRIORITY_DEFAULT,
    )
    .unwrap();
    let (name, heard) = rx_reg.recv_timeout(WAIT).expect("onRegistration");
    assert_eq!((name.as_str(), &heard), ("gen.token", &service));
    assert_eq!(
        sm.checkService("gen.token").unwrap().as_ref(),
        Some(&service)
    );
    assert_eq!(sm.getService("gen.token").unwrap().as_ref(), Some(&service));
    for found in [
        sm.getService2("gen.token").unwrap(),
        sm.checkService2("gen.token").unwrap(),
    ] {
        let Service::ServiceWithMetadata(meta) = found else {
            panic!("{found:?}");
        };
        assert_eq!(meta.service.as_ref(), Some(&service));
        assert!(!meta.isLazyService);
    }
    let Service::ServiceWithMetadata(meta) = sm.checkService2("gen.absent").unwrap() else {
        panic!("a union of ServiceWithMetadata");
    };
    assert!(meta.service.is_none());
    let names = sm.listServices(ism::DUMP_FLAG_PRIORITY_ALL).unwrap();
    assert_eq!(names, ["gen.token", "manager"]);
    assert!(!sm.isDeclared("gen.token").unwrap());
    assert!(sm
        .getDeclaredInstances("android.os.IFoo")
        .unwrap()
        .is_empty());
    assert!(sm.updatableViaApex("gen.token").unwrap().is_none());
    assert!(sm.getUpdatableNames("com.android.foo").unwrap().is_empty());
    assert!(sm.getConnectionInfo("gen.token").unwrap().is_none());
    let infos = sm.getServiceDebugInfo().unwrap();
    let mine = infos
        .iter()
        .find(|i| i.name == "gen.token")
        .expect("its debug info");
    assert_eq!(mine.debugPid, std::process::id() as i32);

    let (tx_clients, _rx_clients) = mpsc::channel();
    let clients =
        BnClientCallback::new_binder(Clients(Mutex::new(tx_clients)), BinderFeatures::default());
    sm.registerClientCallback("gen.token", &service, &clients)
        .unwrap();
    sm.unregisterForNotifications("gen.token", &notifications)
        .unwrap();
    // Errors come back as AOSP's statuses; a null where the AIDL wants a binder is refused by
    // the generated stub before the method runs.
    let e = sm
        .unregisterForNotifications("gen.token", &notifications)
        .unwrap_err();
    assert_eq!(e.exception_code(), libbinder::ExceptionCode::ILLEGAL_STATE);
    let e = sm
        .addService(
            "bad name!",
            &service,
            false,
            ism::DUMP_FLAG_PRIORITY_DEFAULT,
        )
        .unwrap_err();
    assert_eq!(
        e.exception_code(),
        libbinder::ExceptionCode::ILLEGAL_ARGUMENT
    );
    let sm_binder = sm.as_binder();
    let mut data = Parcel::new();
    data.write_interface_token(DESCRIPTOR).unwrap();
    data.write_string16("gen.null").unwrap();
    data.write_nullable_strong_binder(None).unwrap();
    data.write_bool(false).unwrap();
    data.write_i32(ism::DUMP_FLAG_PRIORITY_DEFAULT).unwrap();
    let reply = sm_binder
        .transact_parcel(ism::transactions::addService, &data, 0)
        .unwrap();
    let st = Status::read_from_parcel(&reply).unwrap();
    assert_eq!(st.exception_code(), ExceptionCode::NULL_POINTER);
    assert!(sm.checkService("gen.null").unwrap().is_none());
    stub_replies_are_aosp_s(&sm_binder);
    tell("checked");
}

/// The generated stub's replies, byte for byte as AOSP's server writes them: a status (0, or
/// the exception code, its message as String16 and an empty remote stack trace header), then
/// the result.
fn stub_replies_are_aosp_s(sm: &SpIBinder) {
    let call = |code: TransactionCode, args: &dyn Fn(&mut Parcel)| {
        let mut data = Parcel::new();
        data.write_interface_token(DESCRIPTOR).unwrap();
        args(&mut data);
        sm.transact_parcel(code, &data, 0).unwrap().data().to_vec()
    };
    let expect = |write: &dyn Fn(&mut Parcel)| {
        let mut p = Parcel::new();
        write(&mut p);
        p.data().to_vec()
    };
    use ism::transactions as t;
    assert_eq!(
        call(t::listServices, &|d| d
            .write_i32(ism::DUMP_FLAG_PRIORITY_ALL)
            .unwrap()),
        expect(&|p| {
            p.write_i32(0).unwrap();
            p.write_string16_vector(&["gen.token", "manager"]).unwrap();
        })
    );
    assert_eq!(
        call(t::isDeclared, &|d| d.write_string16("gen.token").unwrap()),
        expect(&|p| {
            p.write_i32(0).unwrap();
            p.write_i32(0).unwrap();
        })
    );
    assert_eq!(
        call(t::checkService, &|d| d
            .write_string16("gen.absent")
            .unwrap()),
        expect(&|p| {
            p.write_i32(0).unwrap();
            p.write_nullable_strong_binder(None).unwrap();
        })
    );
    assert_eq!(
        call(t::addService, &|d| {
            d.write_string16("bad name!").unwrap();
            d.write_strong_binder(sm).unwrap();
            d.write_bool(false).unwrap();
            d.write_i32(ism::DUMP_FLAG_PRIORITY_DEFAULT).unwrap();
        }),
        expect(&|p| {
            p.write_i32(ExceptionCode::ILLEGAL_ARGUMENT as i32).unwrap();
            p.write_string16("Invalid service name.").unwrap();
            p.write_i32(0).unwrap();
        })
    );
}

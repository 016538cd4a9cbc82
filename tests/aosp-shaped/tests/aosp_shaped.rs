//! The acceptance test of AOSP's Rust binder API: a service and a client written as an
//! Android engineer writes them against AOSP's `binder` crate, over code in the shape the
//! AIDL Rust backend generates (`src/aidl/`), in real processes on binderd and the
//! servicemanager. Every value is checked, and so are the error semantics.

#[path = "../../../libbinder/tests/support/mod.rs"]
mod support;

use std::future::Future;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::path::Path;
use std::pin::pin;
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::Thread;

use aosp_shaped::aidl::ByteEnum::ByteEnum;
use aosp_shaped::aidl::ICallback::{BnCallback, ICallback, ICallbackAsync, ICallbackAsyncServer};
use aosp_shaped::aidl::ITestService::{self as its, BnTestService, ITestService};
use aosp_shaped::aidl::ITestServiceNewer::{
    ITestServiceNewer, ITestServiceNewerDefault, ITestServiceNewerDefaultRef,
};
use aosp_shaped::aidl::StructuredParcelable::StructuredParcelable;
use aosp_shaped::aidl::Union::Union;
use binder::binder_impl::{
    BinderAsyncRuntime, IBinderInternal, Parcel, FIRST_CALL_TRANSACTION, FLAG_PRIVATE_LOCAL,
};
use binder::{
    BinderAsyncPool, BinderFeatures, BoxFuture, DeathRecipient, ExceptionCode, FromIBinder,
    IBinder, Interface, ParcelFileDescriptor, ProcessState, SpIBinder, Status, StatusCode, Strong,
    ThreadState,
};
use support::*;

const DISPATCH: &str = "child_roles";
const SERVICE_NAME: &str = "binder.sim.aosp.ITestService/default";

/// Dispatches a child's role; a no-op in a normal test run.
#[test]
fn child_roles() {
    let Ok(role) = std::env::var(ROLE) else {
        return;
    };
    let dev = std::path::PathBuf::from(std::env::var(DEV).unwrap());
    match role.as_str() {
        "sm" => service_manager(&dev),
        "service" => service(),
        "client" => client(),
        other => panic!("unknown role {other}"),
    }
    std::process::exit(0);
}

/// A child in `role`; AOSP code opens "the" binder device, which `BINDER_DEVICE` makes the
/// test's.
fn spawn(role: &str, device: &Path) -> ChildProc {
    let dev = device.to_str().unwrap();
    spawn_with_env(DISPATCH, role, device, "", &[("BINDER_DEVICE", Some(dev))])
}

fn service_manager(dev: &Path) {
    exit_on_stdin_eof();
    let err = servicemanager::serve(dev, servicemanager::Access::permissive(), || tell("ready"));
    panic!("servicemanager stopped: {err:?}");
}

// ---------------------------------------------------------------------------------------------
// The service, as an Android engineer writes it
// ---------------------------------------------------------------------------------------------

#[derive(Default)]
struct TestService {
    notified: Mutex<Vec<i32>>,
    cv: Condvar,
}

impl Interface for TestService {}

fn illegal_state(what: &str) -> Status {
    Status::new_exception_str(ExceptionCode::ILLEGAL_STATE, Some(what))
}

impl ITestService for TestService {
    fn RepeatInt(&self, token: i32) -> binder::Result<i32> {
        Ok(token)
    }
    fn RepeatLong(&self, token: i64) -> binder::Result<i64> {
        Ok(token)
    }
    fn RepeatByte(&self, token: i8) -> binder::Result<i8> {
        Ok(token)
    }
    fn RepeatBoolean(&self, token: bool) -> binder::Result<bool> {
        Ok(token)
    }
    fn RepeatChar(&self, token: u16) -> binder::Result<u16> {
        Ok(token)
    }
    fn RepeatFloat(&self, token: f32) -> binder::Result<f32> {
        Ok(token)
    }
    fn RepeatDouble(&self, token: f64) -> binder::Result<f64> {
        Ok(token)
    }
    fn RepeatString(&self, token: &str) -> binder::Result<String> {
        Ok(token.into())
    }
    fn RepeatUtf8CppString(&self, token: &str) -> binder::Result<String> {
        Ok(token.into())
    }
    fn RepeatNullableString(&self, token: Option<&str>) -> binder::Result<Option<String>> {
        Ok(token.map(Into::into))
    }
    fn RepeatByteEnum(&self, token: ByteEnum) -> binder::Result<ByteEnum> {
        Ok(token)
    }
    fn ReverseInt(&self, input: &[i32], repeated: &mut Vec<i32>) -> binder::Result<Vec<i32>> {
        *repeated = input.to_vec();
        Ok(input.iter().rev().copied().collect())
    }
    fn ReverseString(
        &self,
        input: &[String],
        repeated: &mut Vec<String>,
    ) -> binder::Result<Vec<String>> {
        *repeated = input.to_vec();
        Ok(input.iter().rev().cloned().collect())
    }
    fn ReverseByteEnum(
        &self,
        input: &[ByteEnum],
        repeated: &mut Vec<ByteEnum>,
    ) -> binder::Result<Vec<ByteEnum>> {
        *repeated = input.to_vec();
        Ok(input.iter().rev().copied().collect())
    }
    fn ReverseByte(&self, input: &[u8], repeated: &mut Vec<u8>) -> binder::Result<Vec<u8>> {
        *repeated = input.to_vec();
        Ok(input.iter().rev().copied().collect())
    }
    fn DoubleInPlace(&self, values: &mut Vec<i32>) -> binder::Result<()> {
        values.iter_mut().for_each(|v| *v *= 2);
        Ok(())
    }
    fn FillOutStructuredParcelable(&self, parcel: &mut StructuredParcelable) -> binder::Result<()> {
        parcel.shouldBeJerry = "Jerry".into();
        parcel.shouldContainThreeFs = vec![parcel.f; 3];
        parcel.shouldBeByteBar = ByteEnum::BAR;
        Ok(())
    }
    fn GetDefaultStructured(&self, parcel: &mut StructuredParcelable) -> binder::Result<()> {
        *parcel = StructuredParcelable {
            f: 17,
            ..Default::default()
        };
        Ok(())
    }
    fn RepeatStructured(
        &self,
        parcel: &StructuredParcelable,
    ) -> binder::Result<StructuredParcelable> {
        Ok(parcel.clone())
    }
    fn RepeatNullableStructured(
        &self,
        parcel: Option<&StructuredParcelable>,
    ) -> binder::Result<Option<StructuredParcelable>> {
        Ok(parcel.cloned())
    }
    fn RepeatStructuredArray(
        &self,
        parcels: &[StructuredParcelable],
    ) -> binder::Result<Vec<StructuredParcelable>> {
        Ok(parcels.to_vec())
    }
    fn RepeatUnion(&self, u: &Union) -> binder::Result<Union> {
        Ok(u.clone())
    }
    fn RepeatFixedArray(&self, values: &[i32; 3]) -> binder::Result<[i32; 3]> {
        Ok(*values)
    }
    fn RepeatBinder(&self, b: &SpIBinder) -> binder::Result<SpIBinder> {
        Ok(b.clone())
    }
    fn RepeatNullableBinder(&self, b: Option<&SpIBinder>) -> binder::Result<Option<SpIBinder>> {
        Ok(b.cloned())
    }
    fn CallBack(&self, cb: &Strong<dyn ICallback>, v: i32) -> binder::Result<i32> {
        cb.onValue(v)
    }
    fn DescribeThrough(&self, cb: &Strong<dyn ICallback>, prefix: &str) -> binder::Result<String> {
        cb.describe(prefix)
    }
    fn RepeatCallback(&self, cb: &Strong<dyn ICallback>) -> binder::Result<Strong<dyn ICallback>> {
        Ok(cb.clone())
    }
    fn RepeatPfd(&self, fd: &ParcelFileDescriptor) -> binder::Result<ParcelFileDescriptor> {
        fd.try_clone().map_err(|_| illegal_state("dup"))
    }
    fn ReadPfd(&self, fd: &ParcelFileDescriptor) -> binder::Result<String> {
        let mut file = std::fs::File::from(OwnedFd::from(
            fd.try_clone().map_err(|_| illegal_state("dup"))?,
        ));
        let mut s = String::new();
        file.read_to_string(&mut s)
            .map_err(|_| illegal_state("read"))?;
        Ok(s)
    }
    fn ThrowServiceException(&self, code: i32) -> binder::Result<()> {
        Err(Status::new_service_specific_error_str(
            code,
            Some("thrown on purpose"),
        ))
    }
    fn ReturnUnexpectedNull(&self) -> binder::Result<()> {
        Err(StatusCode::UNEXPECTED_NULL.into())
    }
    fn Notify(&self, value: i32) -> binder::Result<()> {
        self.notified.lock().unwrap().push(value);
        self.cv.notify_all();
        Ok(())
    }
    fn WaitNotified(&self, want: i32) -> binder::Result<i32> {
        let g = self.notified.lock().unwrap();
        let (g, _) = self
            .cv
            .wait_timeout_while(g, WAIT, |n| !n.contains(&want))
            .unwrap();
        if g.contains(&want) {
            Ok(g.len() as i32)
        } else {
            Err(illegal_state("not notified in time"))
        }
    }
    fn GetCallingUid(&self) -> binder::Result<i32> {
        Ok(ThreadState::get_calling_uid() as i32)
    }
    fn GetCallingPid(&self) -> binder::Result<i32> {
        Ok(ThreadState::get_calling_pid())
    }
}

fn service() {
    exit_on_stdin_eof();
    ProcessState::start_thread_pool().expect("thread pool");
    let service = BnTestService::new_binder(TestService::default(), BinderFeatures::default());
    binder::add_service(SERVICE_NAME, service.as_binder()).expect("add_service");
    tell("ready");
    ProcessState::join_thread_pool().expect("join the thread pool");
}

// ---------------------------------------------------------------------------------------------
// Callbacks: a synchronous one and an async one
// ---------------------------------------------------------------------------------------------

struct Doubler;

impl Interface for Doubler {}

impl ICallback for Doubler {
    fn onValue(&self, v: i32) -> binder::Result<i32> {
        Ok(v * 2)
    }
    fn describe(&self, prefix: &str) -> binder::Result<String> {
        Ok(format!("{prefix}:sync:{}", std::process::id()))
    }
    fn ping(&self, _tag: &str) -> binder::Result<()> {
        Ok(())
    }
}

struct AsyncTripler;

impl Interface for AsyncTripler {}

#[async_trait::async_trait]
impl ICallbackAsyncServer for AsyncTripler {
    async fn onValue(&self, v: i32) -> binder::Result<i32> {
        Ok(v * 3)
    }
    async fn describe(&self, prefix: &str) -> binder::Result<String> {
        Ok(format!("{prefix}:async"))
    }
    async fn ping(&self, _tag: &str) -> binder::Result<()> {
        Ok(())
    }
}

/// Wakes the thread that blocks on a future.
struct ThreadWaker(Thread);

impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// A minimal executor: polls `future` on this thread, parking between wake-ups.
fn block_on<F: Future>(future: F) -> F::Output {
    let waker = Waker::from(Arc::new(ThreadWaker(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut future = pin!(future);
    loop {
        if let Poll::Ready(v) = future.as_mut().poll(&mut cx) {
            return v;
        }
        std::thread::park();
    }
}

/// The runtime an async service's calls are driven on (what `binder_tokio::TokioRuntime`
/// is on Android).
struct BlockOn;

impl BinderAsyncRuntime for BlockOn {
    fn block_on<F: Future>(&self, future: F) -> F::Output {
        block_on(future)
    }
}

/// The pool async proxies run their transactions on (what `binder_tokio::Tokio` is on
/// Android): here, the calling thread.
struct Inline;

impl BinderAsyncPool for Inline {
    fn spawn<'a, F1, F2, Fut, A, B, E>(spawn_me: F1, after_spawn: F2) -> BoxFuture<'a, Result<B, E>>
    where
        F1: FnOnce() -> A,
        F2: FnOnce(A) -> Fut,
        Fut: Future<Output = Result<B, E>>,
        F1: Send + 'static,
        F2: Send + 'a,
        Fut: Send + 'a,
        A: Send + 'static,
        B: Send + 'a,
        E: From<StatusCode>,
    {
        let a = spawn_me();
        Box::pin(after_spawn(a))
    }
}

/// What a client built against version 4 of the interface falls back on.
struct NewerDefault;

impl ITestServiceNewerDefault for NewerDefault {
    fn NewMethodThatServerLacks(&self, v: i32) -> binder::Result<i32> {
        Ok(-v)
    }
}

// ---------------------------------------------------------------------------------------------
// The client, as an Android engineer writes it
// ---------------------------------------------------------------------------------------------

fn pipe() -> (OwnedFd, OwnedFd) {
    let mut fds = [0; 2];
    // SAFETY: pipe2 writes two descriptors into the array.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // SAFETY: both descriptors were just created and are owned by nobody else.
    unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) }
}

fn sample_parcelable() -> StructuredParcelable {
    StructuredParcelable {
        shouldContainThreeFs: vec![],
        f: 13,
        shouldBeJerry: "not yet".into(),
        nullableString: Some("here".into()),
        nullableArray: Some(vec![-1, 0, 1]),
        fixedArray: [7, 8, 9],
        byteEnums: vec![ByteEnum::BAZ, ByteEnum::FOO],
        ..Default::default()
    }
}

fn client() {
    ProcessState::start_thread_pool().expect("thread pool");
    let service: Strong<dyn ITestService> =
        binder::wait_for_interface(SERVICE_NAME).expect("wait_for_interface");

    // Primitives and strings, by value and by reference.
    assert_eq!(service.RepeatInt(-42).unwrap(), -42);
    assert_eq!(service.RepeatLong(i64::MIN + 1).unwrap(), i64::MIN + 1);
    assert_eq!(service.RepeatByte(-128).unwrap(), -128);
    assert!(service.RepeatBoolean(true).unwrap());
    assert_eq!(service.RepeatChar('Ω' as u16).unwrap(), 'Ω' as u16);
    assert_eq!(service.RepeatFloat(1.5).unwrap(), 1.5);
    assert_eq!(service.RepeatDouble(-2.25e300).unwrap(), -2.25e300);
    assert_eq!(
        service.RepeatString("héllo, 世界 🦀").unwrap(),
        "héllo, 世界 🦀"
    );
    assert_eq!(service.RepeatUtf8CppString("utf8 ✓").unwrap(), "utf8 ✓");
    assert_eq!(service.RepeatNullableString(None).unwrap(), None);
    assert_eq!(
        service.RepeatNullableString(Some("x")).unwrap().as_deref(),
        Some("x")
    );
    assert_eq!(
        service.RepeatByteEnum(ByteEnum::BAZ).unwrap(),
        ByteEnum::BAZ
    );
    assert_eq!(format!("{:?}", ByteEnum::BAR), "BAR");
    assert_eq!(
        ByteEnum::enum_values(),
        [ByteEnum::FOO, ByteEnum::BAR, ByteEnum::BAZ]
    );

    // Arrays with `out` arguments, and `inout`.
    let mut repeated = vec![];
    assert_eq!(
        service.ReverseInt(&[1, 2, 3], &mut repeated).unwrap(),
        vec![3, 2, 1]
    );
    assert_eq!(repeated, vec![1, 2, 3]);
    let strings = ["a".to_string(), "bc".to_string(), String::new()];
    let mut repeated = vec![];
    assert_eq!(
        service.ReverseString(&strings, &mut repeated).unwrap(),
        vec![String::new(), "bc".to_string(), "a".to_string()]
    );
    assert_eq!(repeated, strings);
    let enums = [ByteEnum::FOO, ByteEnum::BAZ];
    let mut repeated = vec![];
    assert_eq!(
        service.ReverseByteEnum(&enums, &mut repeated).unwrap(),
        vec![ByteEnum::BAZ, ByteEnum::FOO]
    );
    assert_eq!(repeated, enums);
    let mut repeated = vec![];
    assert_eq!(
        service.ReverseByte(&[0, 1, 255], &mut repeated).unwrap(),
        vec![255, 1, 0]
    );
    assert_eq!(repeated, vec![0, 1, 255]);
    let mut values = vec![1, -2, 30];
    service.DoubleInPlace(&mut values).unwrap();
    assert_eq!(values, vec![2, -4, 60]);
    assert_eq!(service.RepeatFixedArray(&[4, 5, 6]).unwrap(), [4, 5, 6]);

    // Parcelables: defaults, `@nullable`, inout, out, arrays; unions.
    let defaults = StructuredParcelable::default();
    assert_eq!(defaults.stringDefaultsToFoo, "foo");
    assert_eq!(defaults.byteDefaultsToFour, 4);
    assert_eq!(defaults.intDefaultsToFive, 5);
    assert_eq!(defaults.longDefaultsToNegativeSeven, -7);
    assert!(defaults.booleanDefaultsToTrue);
    assert_eq!(defaults.charDefaultsToC, 'C' as u16);
    assert_eq!(defaults.arrayDefaultsTo123, vec![1, 2, 3]);
    assert_eq!(defaults.shouldBeByteBar, ByteEnum::BAR);
    assert_eq!(defaults.nullableString, None);
    let mut p = sample_parcelable();
    p.binder = Some(service.as_binder());
    service.FillOutStructuredParcelable(&mut p).unwrap();
    assert_eq!(p.shouldBeJerry, "Jerry");
    assert_eq!(p.shouldContainThreeFs, vec![13, 13, 13]);
    assert_eq!(p.shouldBeByteBar, ByteEnum::BAR);
    assert_eq!(p.nullableArray, Some(vec![-1, 0, 1]));
    assert_eq!(p.binder, Some(service.as_binder()));
    let mut out = sample_parcelable();
    service.GetDefaultStructured(&mut out).unwrap();
    assert_eq!(
        out,
        StructuredParcelable {
            f: 17,
            ..Default::default()
        }
    );
    assert_eq!(service.RepeatStructured(&p).unwrap(), p);
    assert_eq!(service.RepeatNullableStructured(None).unwrap(), None);
    assert_eq!(
        service.RepeatNullableStructured(Some(&p)).unwrap(),
        Some(p.clone())
    );
    let many = vec![p.clone(), StructuredParcelable::default()];
    assert_eq!(service.RepeatStructuredArray(&many).unwrap(), many);
    for u in [
        Union::default(),
        Union::Ns(vec![1, 2]),
        Union::N(-5),
        Union::S("union".into()),
        Union::Be(ByteEnum::FOO),
    ] {
        assert_eq!(service.RepeatUnion(&u).unwrap(), u);
    }

    // Binders and interfaces.
    let local = BnCallback::new_binder(Doubler, BinderFeatures::default());
    assert_eq!(
        service.RepeatBinder(&local.as_binder()).unwrap(),
        local.as_binder()
    );
    assert_eq!(service.RepeatNullableBinder(None).unwrap(), None);
    assert_eq!(service.CallBack(&local, 21).unwrap(), 42);
    assert_eq!(
        service.DescribeThrough(&local, "via").unwrap(),
        format!("via:sync:{}", std::process::id())
    );
    // A callback coming back to its own process is the local object again.
    let back = service.RepeatCallback(&local).unwrap();
    assert_eq!(back, local);
    assert_eq!(back.onValue(5).unwrap(), 10);
    let weak = Strong::downgrade(&service);
    assert_eq!(weak.upgrade().unwrap(), service);

    // ParcelFileDescriptor both ways.
    let (r, w) = pipe();
    let w2 = service.RepeatPfd(&ParcelFileDescriptor::new(w)).unwrap();
    std::fs::File::from(OwnedFd::from(w2))
        .write_all(b"through the service")
        .unwrap();
    let mut got = String::new();
    std::fs::File::from(r).read_to_string(&mut got).unwrap();
    assert_eq!(got, "through the service");
    let (r, w) = pipe();
    std::fs::File::from(w)
        .write_all(b"read by the service")
        .unwrap();
    assert_eq!(
        service.ReadPfd(&ParcelFileDescriptor::new(r)).unwrap(),
        "read by the service"
    );

    // Oneway calls arrive (in order, on one thread).
    service.Notify(1).unwrap();
    service.Notify(2).unwrap();
    assert_eq!(service.WaitNotified(2).unwrap(), 2);

    // The caller's identity as the service sees it.
    assert_eq!(service.GetCallingPid().unwrap(), std::process::id() as i32);
    // SAFETY: getuid has no preconditions.
    assert_eq!(service.GetCallingUid().unwrap() as u32, unsafe {
        libc::getuid()
    });

    // Version and hash: the service's, fetched once and cached by the proxy.
    assert_eq!(service.getInterfaceVersion().unwrap(), its::VERSION);
    assert_eq!(service.getInterfaceHash().unwrap(), its::HASH);

    // Errors: service-specific, UNEXPECTED_NULL as EX_NULL_POINTER (returned by the service
    // and met while reading arguments), unknown transactions, wrong interfaces.
    let e = service.ThrowServiceException(-17).unwrap_err();
    assert_eq!(e.exception_code(), ExceptionCode::SERVICE_SPECIFIC);
    assert_eq!(e.service_specific_error(), -17);
    let e = service.ReturnUnexpectedNull().unwrap_err();
    assert_eq!(e.exception_code(), ExceptionCode::NULL_POINTER);
    let binder = service.as_binder();
    let mut data = binder.prepare_transact().unwrap();
    data.write(&None::<SpIBinder>).unwrap();
    let reply = binder
        .submit_transact(its::transactions::RepeatBinder, data, FLAG_PRIVATE_LOCAL)
        .unwrap();
    let status: Status = reply.read().unwrap();
    assert_eq!(status.exception_code(), ExceptionCode::NULL_POINTER);
    assert_eq!(
        binder
            .submit_transact(
                FIRST_CALL_TRANSACTION + 1000,
                binder.prepare_transact().unwrap(),
                0
            )
            .err(),
        Some(StatusCode::UNKNOWN_TRANSACTION)
    );
    // A request whose interface token names another interface is refused.
    let mut wrong = Parcel::new();
    wrong
        .write_interface_token("binder.sim.aosp.ICallback")
        .unwrap();
    assert_eq!(
        binder
            .submit_transact(its::transactions::RepeatInt, wrong, 0)
            .err(),
        Some(StatusCode::BAD_TYPE)
    );
    assert_eq!(
        binder::get_interface::<dyn ICallback>(SERVICE_NAME).err(),
        Some(StatusCode::BAD_TYPE)
    );
    assert_eq!(
        binder::check_interface::<dyn ITestService>("no.such.service").err(),
        Some(StatusCode::NAME_NOT_FOUND)
    );
    // The service manager refuses a bad name (EX_ILLEGAL_ARGUMENT): BAD_VALUE, as in AOSP.
    assert_eq!(
        binder::add_service("bad name!", local.as_binder()).err(),
        Some(StatusCode::BAD_VALUE)
    );

    // A client built against a newer version: the missing method is UNKNOWN_TRANSACTION,
    // until a default implementation takes it.
    let newer: Strong<dyn ITestServiceNewer> = service.as_binder().into_interface().unwrap();
    assert_eq!(newer.getInterfaceVersion().unwrap(), its::VERSION);
    assert_eq!(newer.RepeatInt(9).unwrap(), 9);
    let e = newer.NewMethodThatServerLacks(4).unwrap_err();
    assert_eq!(e.exception_code(), ExceptionCode::TRANSACTION_FAILED);
    assert_eq!(e.transaction_error(), StatusCode::UNKNOWN_TRANSACTION);
    let default: ITestServiceNewerDefaultRef = Some(Arc::new(NewerDefault));
    <aosp_shaped::aidl::ITestServiceNewer::BpTestServiceNewer as ITestServiceNewer>::setDefaultImpl(
        default,
    );
    assert_eq!(newer.NewMethodThatServerLacks(4).unwrap(), -4);

    // Async: the proxy through a pool, an async service driven by a runtime, and a local
    // async service called directly.
    let async_service = service.clone().into_async::<Inline>();
    assert_eq!(block_on(async_service.RepeatInt(5)).unwrap(), 5);
    assert_eq!(
        block_on(async_service.RepeatString("async")).unwrap(),
        "async"
    );
    let mut repeated = vec![];
    assert_eq!(
        block_on(async_service.ReverseInt(&[7, 8], &mut repeated)).unwrap(),
        vec![8, 7]
    );
    assert_eq!(repeated, vec![7, 8]);
    assert_eq!(
        block_on(async_service.getInterfaceVersion()).unwrap(),
        its::VERSION
    );
    let e = block_on(async_service.ThrowServiceException(3)).unwrap_err();
    assert_eq!(e.service_specific_error(), 3);
    assert_eq!(async_service.into_sync().RepeatInt(6).unwrap(), 6);
    let tripler = BnCallback::new_async_binder(AsyncTripler, BlockOn, BinderFeatures::default());
    assert_eq!(service.CallBack(&tripler, 7).unwrap(), 21);
    assert_eq!(service.DescribeThrough(&tripler, "p").unwrap(), "p:async");
    let local_async: Strong<dyn ICallbackAsync<Inline>> = tripler.clone().into_async();
    assert_eq!(block_on(local_async.onValue(2)).unwrap(), 6);
    // A local service that is not async is reached through its proxy (serialized).
    let doubler_async: Strong<dyn ICallbackAsync<Inline>> = local.clone().into_async();
    assert_eq!(block_on(doubler_async.onValue(4)).unwrap(), 8);
    assert!(<dyn ICallbackAsync<Inline> as FromIBinder>::try_from(service.as_binder()).is_err());

    tell("checked");

    // Death: the parent kills the service; the recipient runs on a binder thread.
    let (tx, rx) = mpsc::channel();
    let tx = Mutex::new(tx);
    let mut recipient = DeathRecipient::new(move || {
        let _ = tx.lock().unwrap().send(());
    });
    let mut binder = service.as_binder();
    binder.link_to_death(&mut recipient).expect("link_to_death");
    assert!(binder.is_binder_alive());
    binder.ping_binder().expect("ping");
    tell("linked");
    rx.recv_timeout(WAIT).expect("death notification in time");
    assert!(!binder.is_binder_alive());
    assert_eq!(
        service.RepeatInt(1).unwrap_err().transaction_error(),
        StatusCode::DEAD_OBJECT
    );
    tell("died");
}

// ---------------------------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------------------------

#[test]
fn an_aosp_shaped_service_and_client_across_processes() {
    let d = TestDaemon::start("aosp-shaped");
    let mut sm = spawn("sm", &d.device());
    assert_eq!(sm.expect_line(), "ready");
    let mut service = spawn("service", &d.device());
    assert_eq!(service.expect_line(), "ready");
    let mut client = spawn("client", &d.device());
    assert_eq!(client.expect_line(), "checked");
    assert_eq!(client.expect_line(), "linked");
    service.kill9();
    assert_eq!(client.expect_line(), "died");
    drop(client);
    drop(sm);
}

/// Generated parcelables, unions and enums on the wire, in one process.
#[test]
fn generated_parcelables_round_trip_and_default_missing_fields() {
    let p = sample_parcelable();
    let mut parcel = Parcel::new();
    parcel.write(&p).unwrap();
    parcel.write(&Some(Union::S("u".into()))).unwrap();
    parcel.write(&None::<StructuredParcelable>).unwrap();
    parcel.write(&[ByteEnum::BAR, ByteEnum::FOO][..]).unwrap();
    // SAFETY: binder-sim's parcels bound every position themselves.
    unsafe { parcel.set_data_position(0) }.unwrap();
    assert_eq!(parcel.read::<StructuredParcelable>().unwrap(), p);
    assert_eq!(
        parcel.read::<Option<Union>>().unwrap(),
        Some(Union::S("u".into()))
    );
    assert_eq!(parcel.read::<Option<StructuredParcelable>>().unwrap(), None);
    assert_eq!(
        parcel.read::<Vec<ByteEnum>>().unwrap(),
        vec![ByteEnum::BAR, ByteEnum::FOO]
    );

    // A null where a value is required, and a union tag nobody knows.
    let mut parcel = Parcel::new();
    parcel.write(&None::<StructuredParcelable>).unwrap();
    parcel.write(&1i32).unwrap();
    parcel.write(&99i32).unwrap();
    // SAFETY: as above.
    unsafe { parcel.set_data_position(0) }.unwrap();
    assert_eq!(
        parcel.read::<StructuredParcelable>().err(),
        Some(StatusCode::UNEXPECTED_NULL)
    );
    assert_eq!(parcel.read::<Union>().err(), Some(StatusCode::BAD_VALUE));

    // An older sender's parcelable has fewer fields: the rest keep their defaults.
    let mut parcel = Parcel::new();
    parcel
        .write(&binder::binder_impl::NON_NULL_PARCELABLE_FLAG)
        .unwrap();
    parcel
        .sized_write(|sub| {
            sub.write(&vec![1, 2, 3])?;
            sub.write(&99)?;
            sub.write("Jerry")
        })
        .unwrap_or_else(|e| panic!("{e}"));
    parcel.write(&-1i64).unwrap();
    // SAFETY: as above.
    unsafe { parcel.set_data_position(0) }.unwrap();
    let old: StructuredParcelable = parcel.read().unwrap();
    assert_eq!(old.f, 99);
    assert_eq!(old.shouldBeJerry, "Jerry");
    assert_eq!(old.shouldBeByteBar, ByteEnum::BAR);
    assert_eq!(old.stringDefaultsToFoo, "foo");
    assert_eq!(parcel.read::<i64>().unwrap(), -1);
}

/// A stub sizes `out` arrays from the caller's length, within bounds.
#[test]
fn out_array_lengths_are_bounded() {
    let mut parcel = Parcel::new();
    for len in [3i32, -1, -1, 100_000_000, 1_000_000] {
        parcel.write(&len).unwrap();
    }
    // SAFETY: binder-sim's parcels bound every position themselves.
    unsafe { parcel.set_data_position(0) }.unwrap();
    let mut v: Vec<StructuredParcelable> = vec![];
    parcel.resize_out_vec(&mut v).unwrap();
    assert_eq!(v, vec![StructuredParcelable::default(); 3]);
    assert_eq!(
        parcel.resize_out_vec(&mut v).err(),
        Some(StatusCode::UNEXPECTED_NULL)
    );
    let mut n: Option<Vec<i32>> = Some(vec![1]);
    parcel.resize_nullable_out_vec(&mut n).unwrap();
    assert_eq!(n, None);
    // More elements than any reply could carry, or more memory than a stub should give.
    assert_eq!(
        parcel.resize_out_vec(&mut v).err(),
        Some(StatusCode::BAD_VALUE)
    );
    assert_eq!(
        parcel.resize_out_vec(&mut v).err(),
        Some(StatusCode::BAD_VALUE)
    );
}

/// `ParcelableHolder`: set, sent, received as bytes, read back as the right type only.
#[test]
fn parcelable_holder_round_trip() {
    use binder::binder_impl::Stability;
    use binder::ParcelableHolder;

    let p = sample_parcelable();
    let mut holder = ParcelableHolder::new(Stability::Local);
    holder.set_parcelable(Arc::new(p.clone())).unwrap();
    assert_eq!(
        *holder
            .get_parcelable::<StructuredParcelable>()
            .unwrap()
            .unwrap(),
        p
    );
    assert_eq!(
        holder.get_parcelable::<Union>().err(),
        Some(StatusCode::BAD_VALUE)
    );
    let mut parcel = Parcel::new();
    parcel.write(&holder).unwrap();
    parcel
        .write(&ParcelableHolder::new(Stability::Local))
        .unwrap();
    parcel
        .write(&ParcelableHolder::new(Stability::Vintf))
        .unwrap();
    // SAFETY: binder-sim's parcels bound every position themselves.
    unsafe { parcel.set_data_position(0) }.unwrap();
    // Flag 1, stability 0, then the size of the descriptor and content.
    assert_eq!(parcel.read::<i32>().unwrap(), 1);
    assert_eq!(parcel.read::<i32>().unwrap(), 0);
    let size = parcel.read::<i32>().unwrap();
    assert_eq!(
        parcel.read::<String>().unwrap(),
        "binder.sim.aosp.StructuredParcelable"
    );
    // SAFETY: as above.
    unsafe { parcel.set_data_position(0) }.unwrap();
    let back: ParcelableHolder = parcel.read().unwrap();
    assert_eq!(parcel.get_data_position(), 12 + size);
    assert_eq!(back.get_parcelable::<Union>().unwrap(), None);
    assert_eq!(
        *back
            .get_parcelable::<StructuredParcelable>()
            .unwrap()
            .unwrap(),
        p
    );
    let empty: ParcelableHolder = parcel.read().unwrap();
    assert_eq!(
        empty.get_parcelable::<StructuredParcelable>().unwrap(),
        None
    );
    // A VINTF holder does not read as a local one, nor take a local parcelable.
    assert_eq!(
        parcel.read::<ParcelableHolder>().err(),
        Some(StatusCode::BAD_VALUE)
    );
    let mut vintf = ParcelableHolder::new(Stability::Vintf);
    assert_eq!(
        vintf.set_parcelable(Arc::new(p)).err(),
        Some(StatusCode::BAD_VALUE)
    );
}

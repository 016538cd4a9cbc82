//! The service-manager client (AOSP `IServiceManager.cpp`, the Rust `binder` crate's free
//! functions): `android.os.IServiceManager` spoken to the context object (handle 0).
//!
//! Wire format: every request starts with the interface token for [`DESCRIPTOR`], every reply
//! with a [`Status`]; strings (`@utf8InCpp String`) travel as UTF-16, binders as flat binder
//! objects. Transaction codes follow the Android 16 AIDL method order (see
//! [`transactions`]).
//!
//! Notifications (`registerForNotifications`) need a thread to serve the oneway
//! `IServiceCallback.onRegistration` call: start the thread pool before
//! [`wait_for_service`] (as AOSP warns, the wait otherwise only ends through its once-a-second
//! re-check).

use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::binder::{Binder, Remotable, SpIBinder, TransactionCode, FIRST_CALL_TRANSACTION};
use crate::error::{ExceptionCode, Result, Status, StatusCode};
use crate::interface::{FromIBinder, Interface, Strong};
use crate::parcel::Parcel;
use crate::process::{lock, ProcessError, ProcessState};

/// Interface descriptor of the service manager.
pub const DESCRIPTOR: &str = "android.os.IServiceManager";

/// Interface descriptor of `IServiceCallback`, the `registerForNotifications` callback.
pub const SERVICE_CALLBACK_DESCRIPTOR: &str = "android.os.IServiceCallback";

/// `IServiceCallback.onRegistration(String name, IBinder binder)`, oneway.
pub const ON_REGISTRATION_TRANSACTION: TransactionCode = FIRST_CALL_TRANSACTION;

/// Transaction codes of `android.os.IServiceManager`, Android 16 (methods in AIDL order from
/// [`FIRST_CALL_TRANSACTION`]).
pub mod transactions {
    use crate::binder::{TransactionCode, FIRST_CALL_TRANSACTION};

    /// `@nullable IBinder getService(String name)`.
    pub const GET_SERVICE: TransactionCode = FIRST_CALL_TRANSACTION;
    /// `Service getService2(String name)` (a union: `ServiceWithMetadata` or an accessor).
    pub const GET_SERVICE2: TransactionCode = FIRST_CALL_TRANSACTION + 1;
    /// `@nullable IBinder checkService(String name)`.
    pub const CHECK_SERVICE: TransactionCode = FIRST_CALL_TRANSACTION + 2;
    /// `Service checkService2(String name)`.
    pub const CHECK_SERVICE2: TransactionCode = FIRST_CALL_TRANSACTION + 3;
    /// `void addService(String name, IBinder service, boolean allowIsolated, int dumpPriority)`.
    pub const ADD_SERVICE: TransactionCode = FIRST_CALL_TRANSACTION + 4;
    /// `String[] listServices(int dumpPriority)`.
    pub const LIST_SERVICES: TransactionCode = FIRST_CALL_TRANSACTION + 5;
    /// `void registerForNotifications(String name, IServiceCallback callback)`.
    pub const REGISTER_FOR_NOTIFICATIONS: TransactionCode = FIRST_CALL_TRANSACTION + 6;
    /// `void unregisterForNotifications(String name, IServiceCallback callback)`.
    pub const UNREGISTER_FOR_NOTIFICATIONS: TransactionCode = FIRST_CALL_TRANSACTION + 7;
    /// `boolean isDeclared(String name)`.
    pub const IS_DECLARED: TransactionCode = FIRST_CALL_TRANSACTION + 8;
    /// `String[] getDeclaredInstances(String iface)`.
    pub const GET_DECLARED_INSTANCES: TransactionCode = FIRST_CALL_TRANSACTION + 9;
    /// `@nullable String updatableViaApex(String name)`.
    pub const UPDATABLE_VIA_APEX: TransactionCode = FIRST_CALL_TRANSACTION + 10;
    /// `String[] getUpdatableNames(String apexName)`.
    pub const GET_UPDATABLE_NAMES: TransactionCode = FIRST_CALL_TRANSACTION + 11;
    /// `@nullable ConnectionInfo getConnectionInfo(String name)`.
    pub const GET_CONNECTION_INFO: TransactionCode = FIRST_CALL_TRANSACTION + 12;
    /// `void registerClientCallback(String name, IBinder service, IClientCallback callback)`.
    pub const REGISTER_CLIENT_CALLBACK: TransactionCode = FIRST_CALL_TRANSACTION + 13;
    /// `void tryUnregisterService(String name, IBinder service)`.
    pub const TRY_UNREGISTER_SERVICE: TransactionCode = FIRST_CALL_TRANSACTION + 14;
    /// `ServiceDebugInfo[] getServiceDebugInfo()`.
    pub const GET_SERVICE_DEBUG_INFO: TransactionCode = FIRST_CALL_TRANSACTION + 15;
}

/// Dump priority: critical sections.
pub const DUMP_FLAG_PRIORITY_CRITICAL: i32 = 1 << 0;
/// Dump priority: high.
pub const DUMP_FLAG_PRIORITY_HIGH: i32 = 1 << 1;
/// Dump priority: normal.
pub const DUMP_FLAG_PRIORITY_NORMAL: i32 = 1 << 2;
/// Dump priority of services registered without one: as normal, but dumped without priority
/// arguments.
pub const DUMP_FLAG_PRIORITY_DEFAULT: i32 = 1 << 3;
/// All dump priorities.
pub const DUMP_FLAG_PRIORITY_ALL: i32 = DUMP_FLAG_PRIORITY_CRITICAL
    | DUMP_FLAG_PRIORITY_HIGH
    | DUMP_FLAG_PRIORITY_NORMAL
    | DUMP_FLAG_PRIORITY_DEFAULT;
/// Dump sections in protobuf format.
pub const DUMP_FLAG_PROTO: i32 = 1 << 4;
/// The service is a lazy service.
pub const FLAG_IS_LAZY_SERVICE: i32 = 1 << 30;

/// How long [`get_service`] waits for a missing service (AOSP `getService`'s 5 s).
pub const GET_SERVICE_TIMEOUT: Duration = Duration::from_secs(5);

/// How often a still-waiting [`wait_for_service`] logs that it is waiting (AOSP: every second).
const WAIT_NOTE: Duration = Duration::from_secs(1);

// ---------------------------------------------------------------------------------------------
// Transport
// ---------------------------------------------------------------------------------------------

/// The service manager: the context object (handle 0), initializing the process state with
/// the default device if nothing did yet (as AOSP `defaultServiceManager` does).
pub fn service_manager() -> Result<SpIBinder, StatusCode> {
    let ps = match ProcessState::self_() {
        Ok(ps) => ps,
        Err(ProcessError::NotInitialized) => ProcessState::init_default()?,
        Err(e) => return Err(e.into()),
    };
    ps.context_object()
}

/// One `IServiceManager` call: token, arguments, transaction, reply status. Returns the reply
/// positioned after the status.
fn call(
    code: TransactionCode,
    args: impl FnOnce(&mut Parcel) -> Result<(), StatusCode>,
) -> Result<Parcel> {
    let sm = service_manager()?;
    let mut data = Parcel::new();
    data.write_interface_token(DESCRIPTOR)?;
    args(&mut data)?;
    let reply = sm.transact_parcel(code, &data, 0)?;
    Status::read_from_parcel(&reply)?.into_result()?;
    Ok(reply)
}

fn name_call(code: TransactionCode, name: &str) -> Result<Parcel> {
    call(code, |d| d.write_string16(name))
}

fn log_failure(what: &str, name: &str, status: &Status) {
    tracing::warn!(name, %status, "IServiceManager.{what} failed");
}

// ---------------------------------------------------------------------------------------------
// IServiceCallback
// ---------------------------------------------------------------------------------------------

type RegistrationFn = dyn Fn(&str, SpIBinder) + Send + Sync;

/// A local `android.os.IServiceCallback`: `onRegistration(name, binder)` calls the closure.
pub struct ServiceCallback {
    on_registration: Box<RegistrationFn>,
}

impl ServiceCallback {
    /// A callback object calling `f(name, binder)` for each registration it is told of.
    pub fn new<F>(f: F) -> Binder<ServiceCallback>
    where
        F: Fn(&str, SpIBinder) + Send + Sync + 'static,
    {
        Binder::new(ServiceCallback {
            on_registration: Box::new(f),
        })
    }
}

impl Remotable for ServiceCallback {
    fn get_descriptor() -> &'static str {
        SERVICE_CALLBACK_DESCRIPTOR
    }

    fn on_transact(
        &self,
        code: TransactionCode,
        data: &Parcel,
        reply: &mut Parcel,
    ) -> Result<(), StatusCode> {
        if code != ON_REGISTRATION_TRANSACTION {
            return Err(StatusCode::UNKNOWN_TRANSACTION);
        }
        data.enforce_interface(SERVICE_CALLBACK_DESCRIPTOR)?;
        let name = data.read_string16()?;
        let binder = data.read_strong_binder()?;
        (self.on_registration)(&name, binder);
        // Oneway: the reply is dropped; written anyway for a caller that made it synchronous.
        Status::ok().write_to_parcel(reply)
    }
}

/// Where a notification lands while a caller waits for a service.
#[derive(Default)]
struct Waiter {
    binder: Mutex<Option<SpIBinder>>,
    cv: Condvar,
}

/// A registered notification for `name`, unregistered on drop.
struct Registration {
    name: String,
    callback: Binder<ServiceCallback>,
    waiter: Arc<Waiter>,
}

impl Registration {
    /// Registers for `name`; a failure is logged (`None`), and so is waiting without a thread
    /// pool to serve the callback.
    fn logged(name: &str) -> Option<Registration> {
        let registration = Registration::new(name)
            .map_err(|s| log_failure("registerForNotifications", name, &s))
            .ok()?;
        if !ProcessState::self_().is_ok_and(|ps| ps.is_thread_pool_started())
            && !crate::thread::has_polling_thread()
        {
            tracing::warn!(
                name,
                "waiting for a service without a binder thread pool: the registration \
                 callback cannot be served (start the thread pool or poll)"
            );
        }
        Some(registration)
    }

    fn new(name: &str) -> Result<Registration> {
        let waiter = Arc::new(Waiter::default());
        let w = waiter.clone();
        let callback = ServiceCallback::new(move |_, binder| {
            *lock(&w.binder) = Some(binder);
            w.cv.notify_all();
        });
        register_for_notifications(name, &callback.as_binder())?;
        Ok(Registration {
            name: name.to_string(),
            callback,
            waiter,
        })
    }

    /// Waits until notified or `timeout` passed.
    fn wait(&self, timeout: Duration) -> Option<SpIBinder> {
        let g = lock(&self.waiter.binder);
        let (mut g, _) = self
            .waiter
            .cv
            .wait_timeout_while(g, timeout, |b| b.is_none())
            .unwrap_or_else(|p| p.into_inner());
        g.take()
    }
}

impl Drop for Registration {
    fn drop(&mut self) {
        if let Err(s) = unregister_for_notifications(&self.name, &self.callback.as_binder()) {
            log_failure("unregisterForNotifications", &self.name, &s);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Client calls
// ---------------------------------------------------------------------------------------------

fn try_check_service(code: TransactionCode, name: &str) -> Result<Option<SpIBinder>> {
    let reply = name_call(code, name)?;
    Ok(reply.read_nullable_strong_binder()?)
}

/// `checkService`: the service registered as `name`, at once; `None` if there is none or the
/// call failed.
pub fn check_service(name: &str) -> Option<SpIBinder> {
    try_check_service(transactions::CHECK_SERVICE, name).unwrap_or_else(|s| {
        log_failure("checkService", name, &s);
        None
    })
}

/// The service registered as `name` (AOSP `getService`, deprecated there in favour of
/// [`wait_for_service`] and [`check_service`]).
///
/// Asks the service manager (`getService`, which answers at once); if the service is missing,
/// waits at most [`GET_SERVICE_TIMEOUT`] for it to be added. Where AOSP polls `checkService`
/// in a sleep loop, this waits for an `IServiceCallback` notification
/// (`registerForNotifications`), which needs a started thread pool to be delivered; the
/// manager is asked once more at the end of the wait. `None` if the service did not appear in
/// time or a call failed.
pub fn get_service(name: &str) -> Option<SpIBinder> {
    match try_check_service(transactions::GET_SERVICE, name) {
        Ok(Some(b)) => return Some(b),
        Ok(None) => {}
        Err(s) => {
            log_failure("getService", name, &s);
            return None;
        }
    }
    let start = Instant::now();
    let registration = Registration::logged(name)?;
    let left = GET_SERVICE_TIMEOUT.saturating_sub(start.elapsed());
    if let Some(b) = registration.wait(left) {
        return Some(b);
    }
    drop(registration);
    tracing::warn!(name, "service did not start within {GET_SERVICE_TIMEOUT:?}");
    try_check_service(transactions::GET_SERVICE, name).unwrap_or_else(|s| {
        log_failure("getService", name, &s);
        None
    })
}

/// Waits, without time limit, for the service `name` (AOSP `waitForService`): returns it at
/// once if registered, else registers an `IServiceCallback` for `name` and returns the binder
/// its `onRegistration` delivers. The callback is served by the thread pool, which must be
/// started.
///
/// Only the notification ends the wait (the service manager notifies at once for a name
/// already registered, so a service added meanwhile is not missed); each second without it is
/// logged, as AOSP does. `None` only if a call to the service manager fails.
pub fn wait_for_service(name: &str) -> Option<SpIBinder> {
    let found = try_check_service(transactions::GET_SERVICE, name)
        .map_err(|s| log_failure("getService", name, &s))
        .ok()?;
    if found.is_some() {
        return found;
    }
    let registration = Registration::logged(name)?;
    loop {
        if let Some(b) = registration.wait(WAIT_NOTE) {
            return Some(b);
        }
        tracing::warn!(
            name,
            "still waiting for the service (is it started? are binder threads started and \
             available?)"
        );
    }
}

/// `addService(name, binder, allow_isolated, dump_priority)`: registers `binder` as `name`.
pub fn add_service_with(
    name: &str,
    binder: &SpIBinder,
    allow_isolated: bool,
    dump_priority: i32,
) -> Result<()> {
    call(transactions::ADD_SERVICE, |d| {
        d.write_string16(name)?;
        d.write_strong_binder(binder)?;
        d.write_bool(allow_isolated)?;
        d.write_i32(dump_priority)
    })
    .map(drop)
}

/// Registers `binder` as `name` (AOSP `add_service`) with AOSP's defaults: not for isolated
/// processes, [`DUMP_FLAG_PRIORITY_DEFAULT`]. The result is a [`StatusCode`], as in AOSP: a
/// transport failure is its own code, the service manager's `EX_SECURITY` is
/// `PERMISSION_DENIED`, `EX_ILLEGAL_ARGUMENT` (a bad name, a null binder) `BAD_VALUE`, any
/// other exception `FAILED_TRANSACTION`; [`add_service_with`] gives the [`Status`] itself.
pub fn add_service(name: &str, binder: SpIBinder) -> Result<(), StatusCode> {
    add_service_with(name, &binder, false, DUMP_FLAG_PRIORITY_DEFAULT).map_err(
        |status| match status.exception_code() {
            ExceptionCode::TRANSACTION_FAILED => status.transaction_error(),
            ExceptionCode::SECURITY => StatusCode::PERMISSION_DENIED,
            ExceptionCode::ILLEGAL_ARGUMENT => StatusCode::BAD_VALUE,
            _ => StatusCode::FAILED_TRANSACTION,
        },
    )
}

/// `listServices(dump_priority)`: the names of the services registered with a dump priority
/// in `dump_priority` ([`DUMP_FLAG_PRIORITY_ALL`] for all).
pub fn list_services(dump_priority: i32) -> Result<Vec<String>> {
    let reply = call(transactions::LIST_SERVICES, |d| d.write_i32(dump_priority))?;
    Ok(reply.read_string16_vector()?)
}

/// `registerForNotifications(name, callback)`: `callback` (an `android.os.IServiceCallback`,
/// e.g. a [`ServiceCallback`]) is told of each registration of `name`, including one that
/// already exists.
pub fn register_for_notifications(name: &str, callback: &SpIBinder) -> Result<()> {
    call(transactions::REGISTER_FOR_NOTIFICATIONS, |d| {
        d.write_string16(name)?;
        d.write_strong_binder(callback)
    })
    .map(drop)
}

/// `unregisterForNotifications(name, callback)`.
pub fn unregister_for_notifications(name: &str, callback: &SpIBinder) -> Result<()> {
    call(transactions::UNREGISTER_FOR_NOTIFICATIONS, |d| {
        d.write_string16(name)?;
        d.write_strong_binder(callback)
    })
    .map(drop)
}

/// `isDeclared(name)`: whether `name` is declared (e.g. in the VINTF manifest), started or
/// not.
pub fn is_declared(name: &str) -> Result<bool, StatusCode> {
    let reply = name_call(transactions::IS_DECLARED, name)?;
    reply.read_bool()
}

/// `getDeclaredInstances(interface)`: the instances of `interface` declared in the VINTF
/// manifest.
pub fn get_declared_instances(interface: &str) -> Result<Vec<String>, StatusCode> {
    let reply = name_call(transactions::GET_DECLARED_INSTANCES, interface)?;
    reply.read_string16_vector()
}

/// The service `name` as the typed interface `T` (AOSP Rust `get_interface`): [`get_service`]
/// then [`FromIBinder::try_from`]. `NAME_NOT_FOUND` if the service is not found, `BAD_TYPE` if
/// it is not a `T`.
pub fn get_interface<T: FromIBinder + ?Sized>(name: &str) -> Result<Strong<T>, StatusCode> {
    let binder = get_service(name).ok_or(StatusCode::NAME_NOT_FOUND)?;
    T::try_from(binder)
}

/// The service `name` as `T` if it is registered now (AOSP `check_interface`):
/// [`check_service`] then [`FromIBinder::try_from`]; `NAME_NOT_FOUND` if it is not.
pub fn check_interface<T: FromIBinder + ?Sized>(name: &str) -> Result<Strong<T>, StatusCode> {
    let binder = check_service(name).ok_or(StatusCode::NAME_NOT_FOUND)?;
    T::try_from(binder)
}

/// Waits for the service `name` and returns it as `T` (AOSP `wait_for_interface`):
/// [`wait_for_service`] then [`FromIBinder::try_from`]. Needs a started thread pool (the
/// notification is a binder call); `NAME_NOT_FOUND` only if the service manager fails.
pub fn wait_for_interface<T: FromIBinder + ?Sized>(name: &str) -> Result<Strong<T>, StatusCode> {
    let binder = wait_for_service(name).ok_or(StatusCode::NAME_NOT_FOUND)?;
    T::try_from(binder)
}

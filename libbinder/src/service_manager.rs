//! The service-manager client (AOSP `IServiceManager.cpp`, the Rust `binder` crate's free
//! functions): `android.os.IServiceManager` spoken to the context object (handle 0).
//!
//! Every call goes through [`BpServiceManager`], the proxy generated from
//! `aidl/android/os/IServiceManager.aidl` (Android 16), as AOSP's libbinder builds its client
//! from the same file; the servicemanager daemon serves the generated stub. The interface,
//! its callbacks and its parcelables are in [`crate::aidl::android::os`].
//!
//! Notifications (`registerForNotifications`) need a thread to serve the oneway
//! `IServiceCallback.onRegistration` call: start the thread pool before
//! [`wait_for_service`] (as AOSP warns, the wait otherwise only ends through its once-a-second
//! re-check).

use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

use crate::aidl::android::os::IServiceCallback::{BnServiceCallback, IServiceCallback};
pub use crate::aidl::android::os::IServiceManager::{
    transactions, BpServiceManager, IServiceManager, DUMP_FLAG_PRIORITY_ALL,
    DUMP_FLAG_PRIORITY_CRITICAL, DUMP_FLAG_PRIORITY_DEFAULT, DUMP_FLAG_PRIORITY_HIGH,
    DUMP_FLAG_PRIORITY_NORMAL, DUMP_FLAG_PROTO, FLAG_IS_LAZY_SERVICE,
};
use crate::error::{ExceptionCode, Result, Status, StatusCode};
use crate::ibinder::SpIBinder;
use crate::interface::{BinderFeatures, FromIBinder, Interface, Proxy, Strong};
use crate::process::{lock, ProcessError, ProcessState};

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

/// [`service_manager`] as the typed interface (AOSP `defaultServiceManager()`), made once per
/// process and kept, as AOSP keeps it: later calls cost no lookup, and handle 0 always names
/// the current context manager, even one started again. Like AOSP's `interface_cast`, it does
/// not ask handle 0 for its descriptor: the context manager is the service manager by
/// definition, and it checks each call's interface token itself.
pub fn default_service_manager() -> Result<Strong<dyn IServiceManager>, StatusCode> {
    static MANAGER: OnceLock<Strong<dyn IServiceManager>> = OnceLock::new();
    if let Some(sm) = MANAGER.get() {
        return Ok(sm.clone());
    }
    let binder = service_manager()?;
    let sm: Strong<dyn IServiceManager> = if binder.is_remote() {
        if !binder.assume_descriptor(<BpServiceManager as Proxy>::get_descriptor()) {
            return Err(StatusCode::BAD_TYPE);
        }
        Strong::new(Box::new(BpServiceManager::from_binder(binder)?))
    } else {
        // This process is the service manager: its own object, called directly.
        FromIBinder::try_from(binder)?
    };
    Ok(MANAGER.get_or_init(|| sm).clone())
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
    pub fn new_binder<F>(f: F) -> Strong<dyn IServiceCallback>
    where
        F: Fn(&str, SpIBinder) + Send + Sync + 'static,
    {
        let callback = ServiceCallback {
            on_registration: Box::new(f),
        };
        BnServiceCallback::new_binder(callback, BinderFeatures::default())
    }
}

impl Interface for ServiceCallback {}

impl IServiceCallback for ServiceCallback {
    fn onRegistration(&self, name: &str, binder: &SpIBinder) -> Result<()> {
        (self.on_registration)(name, binder.clone());
        Ok(())
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
    callback: Strong<dyn IServiceCallback>,
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
        let callback = ServiceCallback::new_binder(move |_, binder| {
            *lock(&w.binder) = Some(binder);
            w.cv.notify_all();
        });
        register_for_notifications(name, &callback)?;
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
        if let Err(s) = unregister_for_notifications(&self.name, &self.callback) {
            log_failure("unregisterForNotifications", &self.name, &s);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Client calls
// ---------------------------------------------------------------------------------------------

/// `getService(name)`: the manager's answer, at once.
fn try_get_service(name: &str) -> Result<Option<SpIBinder>> {
    default_service_manager()?.getService(name)
}

/// `checkService`: the service registered as `name`, at once; `None` if there is none or the
/// call failed.
pub fn check_service(name: &str) -> Option<SpIBinder> {
    let found = default_service_manager()
        .map_err(Status::from)
        .and_then(|sm| sm.checkService(name));
    found.unwrap_or_else(|s| {
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
    match try_get_service(name) {
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
    try_get_service(name).unwrap_or_else(|s| {
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
    let found = try_get_service(name)
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
    default_service_manager()?.addService(name, binder, allow_isolated, dump_priority)
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
    default_service_manager()?.listServices(dump_priority)
}

/// `registerForNotifications(name, callback)`: `callback` (e.g. a [`ServiceCallback`]) is told
/// of each registration of `name`, including one that already exists.
pub fn register_for_notifications(
    name: &str,
    callback: &Strong<dyn IServiceCallback>,
) -> Result<()> {
    default_service_manager()?.registerForNotifications(name, callback)
}

/// `unregisterForNotifications(name, callback)`.
pub fn unregister_for_notifications(
    name: &str,
    callback: &Strong<dyn IServiceCallback>,
) -> Result<()> {
    default_service_manager()?.unregisterForNotifications(name, callback)
}

/// `isDeclared(name)`: whether `name` is declared (e.g. in the VINTF manifest), started or
/// not.
pub fn is_declared(name: &str) -> Result<bool, StatusCode> {
    Ok(default_service_manager()?.isDeclared(name)?)
}

/// `getDeclaredInstances(interface)`: the instances of `interface` declared in the VINTF
/// manifest.
pub fn get_declared_instances(interface: &str) -> Result<Vec<String>, StatusCode> {
    Ok(default_service_manager()?.getDeclaredInstances(interface)?)
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

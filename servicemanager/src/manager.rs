//! The service registry behind handle 0 (AOSP `ServiceManager.cpp`).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use libbinder::aidl::android::os::{
    ConnectionInfo::ConnectionInfo,
    IClientCallback::IClientCallback,
    IServiceCallback::IServiceCallback,
    IServiceManager::{IServiceManager, DUMP_FLAG_PRIORITY_DEFAULT},
    Service::Service as ServiceUnion,
    ServiceDebugInfo::ServiceDebugInfo,
    ServiceWithMetadata::ServiceWithMetadata,
};
use libbinder::thread::{get_calling_pid, get_calling_uid};
use libbinder::{
    DeathRecipient, ExceptionCode, IBinder, Interface, ProcessState, Result, SpIBinder, Status,
    StatusCode, Strong, WpIBinder,
};

use crate::access::{Access, CallingContext};

/// The longest service name AOSP accepts.
pub const MAX_NAME_LEN: usize = 127;

/// First app uid of a user (`AID_APP_START`); uids are `user * 100000 + app id`.
const AID_APP_START: u32 = 10_000;
/// Isolated-process app ids (`AID_ISOLATED_START..=AID_ISOLATED_END`).
const AID_ISOLATED: std::ops::RangeInclusive<u32> = 99_000..=99_999;
const AID_USER_OFFSET: u32 = 100_000;

/// Whether AOSP accepts `name` as a service name: 1–127 characters of `[A-Za-z0-9_./-]`.
pub fn is_valid_service_name(name: &str) -> bool {
    (1..=MAX_NAME_LEN).contains(&name.len())
        && name
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b'/'))
}

/// Whether `uid` belongs to an app (`multiuser_get_app_id(uid) >= AID_APP`), which may not
/// add services.
pub fn is_app_uid(uid: u32) -> bool {
    uid % AID_USER_OFFSET >= AID_APP_START
}

/// Whether `uid` is an isolated process, which sees only services added with
/// `allowIsolated`.
pub fn is_isolated_uid(uid: u32) -> bool {
    AID_ISOLATED.contains(&(uid % AID_USER_OFFSET))
}

/// A registered service.
struct Service {
    binder: SpIBinder,
    allow_isolated: bool,
    dump_priority: i32,
    /// The pid that added it (`getServiceDebugInfo`; only it may register client callbacks
    /// or unregister it).
    debug_pid: i32,
    /// What the client callbacks were last told.
    has_clients: bool,
    /// Handed out since the last client check: report a client even if the driver counts
    /// none yet (the receiver may not have taken its reference).
    guarantee_client: bool,
    /// Keeps the death link of a remote service; `None` for a local one.
    _death: Option<DeathRecipient>,
}

/// A registered callback (`IServiceCallback` or `IClientCallback`) and the link that removes
/// it when its process dies.
struct Callback<I: ?Sized + Interface> {
    callback: Strong<I>,
    _death: DeathRecipient,
}

#[derive(Default)]
struct State {
    services: BTreeMap<String, Service>,
    /// `IServiceCallback`s by name.
    callbacks: BTreeMap<String, Vec<Callback<dyn IServiceCallback>>>,
    /// `IClientCallback`s by name.
    client_callbacks: BTreeMap<String, Vec<Callback<dyn IClientCallback>>>,
}

/// `IClientCallback.onClients(registered, hasClients)` calls to make once the lock is released.
type ClientNotes = Vec<(Strong<dyn IClientCallback>, SpIBinder, bool)>;

impl State {
    /// AOSP `handleServiceClientCallback`: compares the driver's strong count of `name`'s
    /// node with the `known` references that are not clients (the manager's own, a
    /// transaction's) and queues `onClients` when the answer changes; a change to "no
    /// clients" only on the periodic check, to limit how fast a service is shut down. Returns
    /// whether the service has clients (true when it cannot tell).
    fn check_clients(
        &mut self,
        known: u32,
        name: &str,
        periodic: bool,
        out: &mut ClientNotes,
    ) -> bool {
        let Some(service) = self.services.get_mut(name) else {
            return true;
        };
        let Some(callbacks) = self.client_callbacks.get(name).filter(|c| !c.is_empty()) else {
            return true;
        };
        let count = match ProcessState::self_()
            .map_err(StatusCode::from)
            .and_then(|ps| ps.get_strong_ref_count_for_node(&service.binder))
        {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(name, ?e, "cannot count the clients");
                return true;
            }
        };
        let driver_has_clients = count > known;
        let mut tell = |has: bool, service: &mut Service| {
            for cb in callbacks {
                out.push((cb.callback.clone(), service.binder.clone(), has));
            }
            service.has_clients = has;
        };
        if service.guarantee_client {
            if !service.has_clients && !driver_has_clients {
                tell(true, service);
            }
            service.guarantee_client = false;
        }
        if driver_has_clients && !service.has_clients {
            tell(true, service);
        }
        if periodic && !driver_has_clients && service.has_clients {
            tell(false, service);
        }
        service.has_clients
    }
}

/// Drops `who` from `name`'s list in `lists`, and the list once empty; whether it was there.
fn remove_callback<I: ?Sized + Interface>(
    lists: &mut BTreeMap<String, Vec<Callback<I>>>,
    name: &str,
    who: &SpIBinder,
) -> bool {
    let Some(list) = lists.get_mut(name) else {
        return false;
    };
    let before = list.len();
    list.retain(|c| c.callback.as_binder() != *who);
    let removed = list.len() != before;
    if list.is_empty() {
        lists.remove(name);
    }
    removed
}

/// Sends queued `IClientCallback.onClients` calls (oneway).
fn send_client_notes(notes: ClientNotes) {
    for (callback, registered, has_clients) in notes {
        if let Err(e) = callback.onClients(&registered, has_clients) {
            tracing::warn!(%e, "onClients failed");
        }
    }
}

/// `android.os.IServiceManager`: the name service. Serve it at handle 0 as the generated stub
/// (`BnServiceManager::new_binder`, then `ProcessState::become_context_manager_with`); a
/// clone shares the registry, so the server keeps one to call [`Self::add_own`] and
/// [`Self::handle_client_callbacks`] on.
///
/// Every decision takes the caller identity from the driver (`get_calling_uid`/
/// `get_calling_pid`), never from the request.
#[derive(Clone)]
pub struct ServiceManager {
    state: Arc<Mutex<State>>,
    access: Access,
    /// The uid the manager runs as, never treated as an app or isolated uid: on Android that
    /// is `system` (1000), but on Linux an ordinary user's uid is often 10000 or more, and
    /// the user who runs the manager must be able to add services to it.
    own_uid: u32,
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    // A panic while holding the lock leaves a consistent map (every update is one insert or
    // remove), so a poisoned lock is still usable.
    state.lock().unwrap_or_else(|e| e.into_inner())
}

/// A refusal: the AIDL exception `code` with `message`, logged.
fn refuse<T>(code: ExceptionCode, message: &str) -> Result<T> {
    tracing::warn!(exception = code.name(), message, "refused");
    Err(Status::new_exception_str(code, Some(message)))
}

/// `IServiceCallback.onRegistration(name, binder)`, oneway: a failure is only logged.
fn notify(callback: &Strong<dyn IServiceCallback>, name: &str, binder: &SpIBinder) {
    if let Err(e) = callback.onRegistration(name, binder) {
        tracing::warn!(name, %e, "onRegistration failed");
    }
}

/// The caller of the transaction being served, and a span naming the method for the logs.
fn caller(method: &'static str) -> (CallingContext, tracing::span::EnteredSpan) {
    let ctx = CallingContext {
        pid: get_calling_pid(),
        uid: get_calling_uid(),
    };
    let span = tracing::debug_span!("IServiceManager", method, uid = ctx.uid, pid = ctx.pid);
    (ctx, span.entered())
}

/// The `Service` union `getService2`/`checkService2` answer (Android 16): the binder with its
/// metadata, never an accessor (no RPC accessors here).
fn service_union(binder: Option<SpIBinder>) -> ServiceUnion {
    ServiceUnion::ServiceWithMetadata(ServiceWithMetadata {
        service: binder,
        isLazyService: false,
    })
}

impl ServiceManager {
    /// A service manager deciding with `access`.
    pub fn new(access: Access) -> ServiceManager {
        ServiceManager {
            state: Arc::new(Mutex::new(State::default())),
            access,
            // SAFETY: geteuid cannot fail.
            own_uid: unsafe { libc::geteuid() },
        }
    }

    /// Whether `ctx` is an app (AOSP: may not add services).
    fn is_app(&self, ctx: &CallingContext) -> bool {
        ctx.uid != self.own_uid && is_app_uid(ctx.uid)
    }

    /// Whether `ctx` is an isolated process (AOSP: sees only `allowIsolated` services).
    fn is_isolated(&self, ctx: &CallingContext) -> bool {
        ctx.uid != self.own_uid && is_isolated_uid(ctx.uid)
    }

    /// Registers `binder` as `name` on behalf of the service manager itself (AOSP registers
    /// itself as `manager` this way), bypassing the caller checks.
    pub fn add_own(&self, name: &str, binder: &SpIBinder) {
        lock(&self.state).services.insert(
            name.to_string(),
            Service {
                binder: binder.clone(),
                allow_isolated: false,
                dump_priority: DUMP_FLAG_PRIORITY_DEFAULT,
                debug_pid: std::process::id() as i32,
                has_clients: false,
                guarantee_client: false,
                _death: None,
            },
        );
    }

    /// A death recipient that runs `forget(state, name, who)` when `who` dies (the state is
    /// held weakly: a recipient outliving the manager does nothing).
    fn on_death(
        &self,
        name: &str,
        who: &SpIBinder,
        forget: fn(&mut State, &str, &SpIBinder),
    ) -> DeathRecipient {
        let state: Weak<Mutex<State>> = Arc::downgrade(&self.state);
        let (name, who): (String, WpIBinder) = (name.to_string(), who.downgrade());
        DeathRecipient::new(move || {
            let (Some(state), Some(who)) = (state.upgrade(), who.promote()) else {
                return;
            };
            forget(&mut lock(&state), &name, &who);
        })
    }

    /// `getService`/`checkService`: the binder, or `None` if there is none or an isolated
    /// caller may not see it. Handing a binder out tells its client callbacks it has a
    /// client, before the receiver has even taken its reference (as AOSP).
    fn find(&self, ctx: &CallingContext, name: &str) -> Option<SpIBinder> {
        let mut notes = ClientNotes::new();
        let found = {
            let mut st = lock(&self.state);
            let s = st.services.get_mut(name)?;
            if !s.allow_isolated && self.is_isolated(ctx) {
                return None;
            }
            s.guarantee_client = true;
            let binder = s.binder.clone();
            // The manager's reference and the one the reply will carry.
            st.check_clients(2, name, false, &mut notes);
            if let Some(s) = st.services.get_mut(name) {
                s.guarantee_client = true;
            }
            binder
        };
        send_client_notes(notes);
        Some(found)
    }

    /// The periodic client check (AOSP runs it every 5 seconds): services whose clients are
    /// all gone are told so.
    pub fn handle_client_callbacks(&self) {
        let mut notes = ClientNotes::new();
        {
            let mut st = lock(&self.state);
            let names: Vec<String> = st.client_callbacks.keys().cloned().collect();
            for name in names {
                st.check_clients(1, &name, true, &mut notes);
            }
        }
        send_client_notes(notes);
    }

    /// `getService`/`checkService` and their `2` forms: refused if the policy denies finding
    /// `name`, else [`Self::find`].
    fn lookup(&self, ctx: &CallingContext, name: &str) -> Result<Option<SpIBinder>> {
        if !self.access.can_find(ctx, name) {
            return refuse(
                ExceptionCode::SECURITY,
                "Policy denied finding the service.",
            );
        }
        Ok(self.find(ctx, name))
    }

    /// The checks of the calls that name a service without registering one
    /// (`isDeclared`, `updatableViaApex`, `getConnectionInfo`).
    fn may_find(&self, ctx: &CallingContext, name: &str) -> Result<()> {
        if !self.access.can_find(ctx, name) {
            return refuse(
                ExceptionCode::SECURITY,
                "Policy denied finding the service.",
            );
        }
        Ok(())
    }

    /// The check of the calls that list services.
    fn may_list(&self, ctx: &CallingContext) -> Result<()> {
        if !self.access.can_list(ctx) {
            return refuse(ExceptionCode::SECURITY, "Policy denied listing.");
        }
        Ok(())
    }
}

impl Interface for ServiceManager {}

/// The methods, as AOSP's `ServiceManager.cpp` answers them; the generated stub
/// (`BnServiceManager`) reads the arguments and writes the reply, and answers a null where the
/// AIDL requires a binder with `EX_NULL_POINTER` before the method runs.
impl IServiceManager for ServiceManager {
    fn getService(&self, name: &str) -> Result<Option<SpIBinder>> {
        let (ctx, _span) = caller("getService");
        self.lookup(&ctx, name)
    }

    fn getService2(&self, name: &str) -> Result<ServiceUnion> {
        let (ctx, _span) = caller("getService2");
        self.lookup(&ctx, name).map(service_union)
    }

    fn checkService(&self, name: &str) -> Result<Option<SpIBinder>> {
        let (ctx, _span) = caller("checkService");
        self.lookup(&ctx, name)
    }

    fn checkService2(&self, name: &str) -> Result<ServiceUnion> {
        let (ctx, _span) = caller("checkService2");
        self.lookup(&ctx, name).map(service_union)
    }

    fn addService(
        &self,
        name: &str,
        binder: &SpIBinder,
        allow_isolated: bool,
        dump_priority: i32,
    ) -> Result<()> {
        let (ctx, _span) = caller("addService");
        if self.is_app(&ctx) {
            return refuse(ExceptionCode::SECURITY, "App UIDs cannot add services.");
        }
        if !self.access.can_add(&ctx, name) {
            return refuse(ExceptionCode::SECURITY, "Policy denied adding the service.");
        }
        if !is_valid_service_name(name) {
            return refuse(ExceptionCode::ILLEGAL_ARGUMENT, "Invalid service name.");
        }
        let death = if binder.is_remote() {
            let mut d = self.on_death(name, binder, |st, name, who| {
                // Only if the name still maps to the object that died (it may have been
                // overwritten since).
                if st.services.get(name).is_some_and(|s| s.binder == *who) {
                    st.services.remove(name);
                    tracing::info!(name, "service died; removed");
                }
            });
            if binder.clone().link_to_death(&mut d).is_err() {
                return refuse(ExceptionCode::ILLEGAL_STATE, "Couldn't linkToDeath.");
            }
            Some(d)
        } else {
            None
        };
        let callbacks: Vec<Strong<dyn IServiceCallback>> = {
            let mut st = lock(&self.state);
            if st.services.contains_key(name) {
                tracing::info!(name, uid = ctx.uid, "overwriting a registered service");
            }
            st.services.insert(
                name.to_string(),
                Service {
                    binder: binder.clone(),
                    allow_isolated,
                    dump_priority,
                    debug_pid: ctx.pid,
                    has_clients: false,
                    guarantee_client: false,
                    _death: death,
                },
            );
            st.callbacks
                .get(name)
                .map(|l| l.iter().map(|c| c.callback.clone()).collect())
                .unwrap_or_default()
        };
        tracing::info!(name, uid = ctx.uid, pid = ctx.pid, "service added");
        // Outside the lock: a oneway call can still block briefly on the driver.
        for cb in &callbacks {
            notify(cb, name, binder);
        }
        Ok(())
    }

    fn listServices(&self, dump_priority: i32) -> Result<Vec<String>> {
        let (ctx, _span) = caller("listServices");
        self.may_list(&ctx)?;
        Ok(lock(&self.state)
            .services
            .iter()
            .filter(|(_, s)| s.dump_priority & dump_priority != 0)
            .map(|(n, _)| n.clone())
            .collect())
    }

    fn registerForNotifications(
        &self,
        name: &str,
        callback: &Strong<dyn IServiceCallback>,
    ) -> Result<()> {
        let (ctx, _span) = caller("registerForNotifications");
        if !self.access.can_find(&ctx, name) {
            return refuse(
                ExceptionCode::SECURITY,
                "Policy denied finding the service.",
            );
        }
        if !is_valid_service_name(name) {
            return refuse(ExceptionCode::ILLEGAL_ARGUMENT, "Invalid service name.");
        }
        let binder = callback.as_binder();
        let mut death = self.on_death(name, &binder, |st, name, who| {
            remove_callback(&mut st.callbacks, name, who);
        });
        if binder.clone().link_to_death(&mut death).is_err() {
            return refuse(ExceptionCode::ILLEGAL_STATE, "Couldn't link to death.");
        }
        let existing = {
            let mut st = lock(&self.state);
            st.callbacks
                .entry(name.to_string())
                .or_default()
                .push(Callback {
                    callback: callback.clone(),
                    _death: death,
                });
            st.services.get(name).map(|s| s.binder.clone())
        };
        if let Some(service) = existing {
            notify(callback, name, &service);
        }
        Ok(())
    }

    fn unregisterForNotifications(
        &self,
        name: &str,
        callback: &Strong<dyn IServiceCallback>,
    ) -> Result<()> {
        let (ctx, _span) = caller("unregisterForNotifications");
        if !self.access.can_find(&ctx, name) {
            return refuse(
                ExceptionCode::SECURITY,
                "Policy denied finding the service.",
            );
        }
        let binder = callback.as_binder();
        if !remove_callback(&mut lock(&self.state).callbacks, name, &binder) {
            return refuse(ExceptionCode::ILLEGAL_STATE, "No matching callback.");
        }
        Ok(())
    }

    // Nothing is declared: no VINTF manifest, no APEXes, no RPC accessors (what AOSP answers
    // on a device without them).

    fn isDeclared(&self, name: &str) -> Result<bool> {
        let (ctx, _span) = caller("isDeclared");
        self.may_find(&ctx, name).map(|()| false)
    }

    fn getDeclaredInstances(&self, _iface: &str) -> Result<Vec<String>> {
        Ok(Vec::new())
    }

    fn updatableViaApex(&self, name: &str) -> Result<Option<String>> {
        let (ctx, _span) = caller("updatableViaApex");
        self.may_find(&ctx, name).map(|()| None)
    }

    fn getUpdatableNames(&self, _apex_name: &str) -> Result<Vec<String>> {
        Ok(Vec::new())
    }

    fn getConnectionInfo(&self, name: &str) -> Result<Option<ConnectionInfo>> {
        let (ctx, _span) = caller("getConnectionInfo");
        self.may_find(&ctx, name).map(|()| None)
    }

    fn registerClientCallback(
        &self,
        name: &str,
        service: &SpIBinder,
        callback: &Strong<dyn IClientCallback>,
    ) -> Result<()> {
        let (ctx, _span) = caller("registerClientCallback");
        if !self.access.can_add(&ctx, name) {
            return refuse(ExceptionCode::SECURITY, "Policy denied adding the service.");
        }
        {
            let st = lock(&self.state);
            let Some(s) = st.services.get(name) else {
                return refuse(ExceptionCode::ILLEGAL_ARGUMENT, "Service not found.");
            };
            if s.debug_pid != ctx.pid {
                let m = "Only original caller can register client callback.";
                return refuse(ExceptionCode::SECURITY, m);
            }
            if *service != s.binder {
                return refuse(ExceptionCode::ILLEGAL_ARGUMENT, "Service mismatch.");
            }
        }
        let binder = callback.as_binder();
        let mut death = self.on_death(name, &binder, |st, name, who| {
            remove_callback(&mut st.client_callbacks, name, who);
        });
        if binder.clone().link_to_death(&mut death).is_err() {
            return refuse(ExceptionCode::ILLEGAL_STATE, "Could not linkToDeath.");
        }
        let mut notes = ClientNotes::new();
        {
            let mut st = lock(&self.state);
            st.client_callbacks
                .entry(name.to_string())
                .or_default()
                .push(Callback {
                    callback: callback.clone(),
                    _death: death,
                });
            st.check_clients(1, name, false, &mut notes);
        }
        send_client_notes(notes);
        Ok(())
    }

    fn tryUnregisterService(&self, name: &str, service: &SpIBinder) -> Result<()> {
        let (ctx, _span) = caller("tryUnregisterService");
        if !self.access.can_add(&ctx, name) {
            return refuse(ExceptionCode::SECURITY, "Policy denied adding the service.");
        }
        let mut notes = ClientNotes::new();
        let refused = {
            let mut st = lock(&self.state);
            let precheck = st.services.get(name).map(|s| {
                if s.debug_pid != ctx.pid {
                    Some((
                        ExceptionCode::SECURITY,
                        "Only original caller can try to unregister service.",
                    ))
                } else if s.binder != *service {
                    Some((
                        ExceptionCode::ILLEGAL_ARGUMENT,
                        "Different binder for service.",
                    ))
                } else if s.guarantee_client {
                    Some((
                        ExceptionCode::ILLEGAL_STATE,
                        "Can't unregister, pending client.",
                    ))
                } else {
                    None
                }
            });
            match precheck {
                None => Some((
                    ExceptionCode::ILLEGAL_STATE,
                    "Requested service is not registered.",
                )),
                Some(Some(refusal)) => Some(refusal),
                // The manager's reference and this transaction's.
                Some(None) if st.check_clients(2, name, false, &mut notes) => Some((
                    ExceptionCode::ILLEGAL_STATE,
                    "Can't unregister, known client.",
                )),
                Some(None) => {
                    st.services.remove(name);
                    st.client_callbacks.remove(name);
                    None
                }
            }
        };
        send_client_notes(notes);
        match refused {
            Some((code, message)) => refuse(code, message),
            None => {
                tracing::info!(name, "service unregistered");
                Ok(())
            }
        }
    }

    fn getServiceDebugInfo(&self) -> Result<Vec<ServiceDebugInfo>> {
        let (ctx, _span) = caller("getServiceDebugInfo");
        self.may_list(&ctx)?;
        Ok(lock(&self.state)
            .services
            .iter()
            .map(|(name, s)| ServiceDebugInfo {
                name: name.clone(),
                debugPid: s.debug_pid,
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use libbinder::binder_impl::Parcel;
    use libbinder::Parcelable;

    #[test]
    fn service_names_follow_aosp() {
        assert!(is_valid_service_name("a"));
        assert!(is_valid_service_name("android.hardware.foo.IBar/default"));
        assert!(is_valid_service_name("A-z_0.9/x"));
        assert!(is_valid_service_name(&"n".repeat(127)));
        assert!(!is_valid_service_name(&"n".repeat(128)));
        assert!(!is_valid_service_name(""));
        for bad in ["a b", "a:b", "é", "a\0", "a@b", "a\\b"] {
            assert!(!is_valid_service_name(bad), "{bad:?}");
        }
    }

    #[test]
    fn app_and_isolated_uids() {
        for (uid, app, isolated) in [
            (0, false, false),
            (1000, false, false),
            (9999, false, false),
            (10_000, true, false),
            (99_000, true, true),
            (99_999, true, true),
            (1_010_123, true, false),
            (1_099_500, true, true),
            (1_001_000, false, false),
        ] {
            assert_eq!(is_app_uid(uid), app, "app {uid}");
            assert_eq!(is_isolated_uid(uid), isolated, "isolated {uid}");
        }
    }

    #[test]
    fn service_union_and_debug_info_layout() {
        let mut p = Parcel::new();
        p.write(&service_union(None)).unwrap();
        // Non-null flag, tag 0, the field's non-null flag, then the parcelable: size 4 + 28
        // (a null binder with its stability word) + 4.
        let words: Vec<i32> = p
            .data()
            .chunks(4)
            .map(|c| i32::from_le_bytes(c.try_into().unwrap()))
            .collect();
        assert_eq!(&words[..4], &[1, 0, 1, 36]);
        assert_eq!(p.data().len(), 12 + 36);
        assert_eq!(*words.last().unwrap(), 0, "isLazyService false");

        let mut q = Parcel::new();
        let info = ServiceDebugInfo {
            name: "ab".into(),
            debugPid: 77,
        };
        info.write_to_parcel(&mut q).unwrap();
        // size, "ab" as String16 (len 2, 3 units padded to 8), pid.
        assert_eq!(q.data().len(), 4 + 12 + 4);
        assert_eq!(&q.data()[..4], &20i32.to_le_bytes());
        q.seek(0).unwrap();
        let mut back = ServiceDebugInfo::default();
        back.read_from_parcel(&q).unwrap();
        assert_eq!((back.name.as_str(), back.debugPid), ("ab", 77));
    }
}

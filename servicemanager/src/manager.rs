//! The service registry behind handle 0 (AOSP `ServiceManager.cpp`).

use libbinder::binder_impl::IBinderInternal;
use libbinder::IBinder;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use libbinder::binder_impl::{Parcel, Remotable, FIRST_CALL_TRANSACTION, FLAG_ONEWAY};
use libbinder::service_manager::{transactions as tx, DESCRIPTOR, SERVICE_CALLBACK_DESCRIPTOR};
use libbinder::thread::{get_calling_pid, get_calling_uid};
use libbinder::{
    DeathRecipient, ExceptionCode, ProcessState, SpIBinder, Status, StatusCode, WpIBinder,
};

use crate::access::{Access, CallingContext};
use crate::aidl::android::os::{
    Service::Service as ServiceUnion, ServiceDebugInfo::ServiceDebugInfo,
    ServiceWithMetadata::ServiceWithMetadata,
};

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

/// A registered `IServiceCallback` and the link that removes it when its process dies.
struct Callback {
    binder: SpIBinder,
    _death: DeathRecipient,
}

#[derive(Default)]
struct State {
    services: BTreeMap<String, Service>,
    /// `IServiceCallback`s by name.
    callbacks: BTreeMap<String, Vec<Callback>>,
    /// `IClientCallback`s by name.
    client_callbacks: BTreeMap<String, Vec<Callback>>,
}

/// `IClientCallback.onClients(registered, hasClients)` calls to make once the lock is released.
type ClientNotes = Vec<(SpIBinder, SpIBinder, bool)>;

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
                out.push((cb.binder.clone(), service.binder.clone(), has));
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
fn remove_callback(
    lists: &mut BTreeMap<String, Vec<Callback>>,
    name: &str,
    who: &SpIBinder,
) -> bool {
    let Some(list) = lists.get_mut(name) else {
        return false;
    };
    let before = list.len();
    list.retain(|c| c.binder != *who);
    let removed = list.len() != before;
    if list.is_empty() {
        lists.remove(name);
    }
    removed
}

/// Sends queued `IClientCallback.onClients` calls (oneway).
fn send_client_notes(notes: ClientNotes) {
    for (cb, registered, has_clients) in notes {
        let send = || -> Result<(), StatusCode> {
            let mut data = Parcel::new();
            data.write_interface_token(CLIENT_CALLBACK_DESCRIPTOR)?;
            data.write_strong_binder(&registered)?;
            data.write_bool(has_clients)?;
            cb.submit_transact(FIRST_CALL_TRANSACTION, data, FLAG_ONEWAY)?;
            Ok(())
        };
        if let Err(e) = send() {
            tracing::warn!(?e, "onClients failed");
        }
    }
}

/// Descriptor of `android.os.IClientCallback`.
pub const CLIENT_CALLBACK_DESCRIPTOR: &str = "android.os.IClientCallback";

/// `android.os.IServiceManager`: the name service (serve it at handle 0 with
/// `ProcessState::become_context_manager_with`).
///
/// Every decision takes the caller identity from the driver (`get_calling_uid`/
/// `get_calling_pid`), never from the request.
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

/// A reply that is an AIDL exception.
fn exception(reply: &mut Parcel, code: ExceptionCode, message: &str) -> Result<(), StatusCode> {
    tracing::warn!(exception = code.name(), message, "refused");
    Status::new_exception_str(code, Some(message)).write_to_parcel(reply)
}

/// `IServiceCallback.onRegistration(name, binder)`, oneway.
fn notify(callback: &SpIBinder, name: &str, binder: &SpIBinder) {
    let send = || -> Result<(), StatusCode> {
        let mut data = Parcel::new();
        data.write_interface_token(SERVICE_CALLBACK_DESCRIPTOR)?;
        data.write_string16(name)?;
        data.write_strong_binder(binder)?;
        callback.submit_transact(FIRST_CALL_TRANSACTION, data, FLAG_ONEWAY)?;
        Ok(())
    };
    if let Err(e) = send() {
        tracing::warn!(name, ?e, "onRegistration failed");
    }
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
                dump_priority: libbinder::service_manager::DUMP_FLAG_PRIORITY_DEFAULT,
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

    fn register_client_callback(
        &self,
        ctx: &CallingContext,
        data: &Parcel,
        reply: &mut Parcel,
    ) -> Result<(), StatusCode> {
        let name = data.read_string16()?;
        let service = data.read_nullable_strong_binder()?;
        let callback = data.read_nullable_strong_binder()?;
        let Some(callback) = callback else {
            return exception(reply, ExceptionCode::NULL_POINTER, "Callback null.");
        };
        if !self.access.can_add(ctx, &name) {
            return exception(
                reply,
                ExceptionCode::SECURITY,
                "Policy denied adding the service.",
            );
        }
        {
            let st = lock(&self.state);
            let Some(s) = st.services.get(&name) else {
                return exception(reply, ExceptionCode::ILLEGAL_ARGUMENT, "Service not found.");
            };
            if s.debug_pid != ctx.pid {
                let m = "Only original caller can register client callback.";
                return exception(reply, ExceptionCode::SECURITY, m);
            }
            if service.as_ref() != Some(&s.binder) {
                return exception(reply, ExceptionCode::ILLEGAL_ARGUMENT, "Service mismatch.");
            }
        }
        let mut death = self.on_death(&name, &callback, |st, name, who| {
            remove_callback(&mut st.client_callbacks, name, who);
        });
        if callback.clone().link_to_death(&mut death).is_err() {
            return exception(
                reply,
                ExceptionCode::ILLEGAL_STATE,
                "Could not linkToDeath.",
            );
        }
        let mut notes = ClientNotes::new();
        {
            let mut st = lock(&self.state);
            st.client_callbacks
                .entry(name.clone())
                .or_default()
                .push(Callback {
                    binder: callback,
                    _death: death,
                });
            st.check_clients(1, &name, false, &mut notes);
        }
        send_client_notes(notes);
        Status::ok().write_to_parcel(reply)
    }

    fn try_unregister_service(
        &self,
        ctx: &CallingContext,
        data: &Parcel,
        reply: &mut Parcel,
    ) -> Result<(), StatusCode> {
        let name = data.read_string16()?;
        let Some(binder) = data.read_nullable_strong_binder()? else {
            return exception(reply, ExceptionCode::NULL_POINTER, "Null service.");
        };
        if !self.access.can_add(ctx, &name) {
            return exception(
                reply,
                ExceptionCode::SECURITY,
                "Policy denied adding the service.",
            );
        }
        let mut notes = ClientNotes::new();
        let refused = {
            let mut st = lock(&self.state);
            let precheck = st.services.get(&name).map(|s| {
                if s.debug_pid != ctx.pid {
                    Some((
                        ExceptionCode::SECURITY,
                        "Only original caller can try to unregister service.",
                    ))
                } else if s.binder != binder {
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
                Some(None) if st.check_clients(2, &name, false, &mut notes) => Some((
                    ExceptionCode::ILLEGAL_STATE,
                    "Can't unregister, known client.",
                )),
                Some(None) => {
                    st.services.remove(&name);
                    st.client_callbacks.remove(&name);
                    None
                }
            }
        };
        send_client_notes(notes);
        match refused {
            Some((code, message)) => exception(reply, code, message),
            None => {
                tracing::info!(name, "service unregistered");
                Status::ok().write_to_parcel(reply)
            }
        }
    }

    fn add_service(
        &self,
        ctx: &CallingContext,
        data: &Parcel,
        reply: &mut Parcel,
    ) -> Result<(), StatusCode> {
        let name = data.read_string16()?;
        let binder = data.read_nullable_strong_binder()?;
        let allow_isolated = data.read_bool()?;
        let dump_priority = data.read_i32()?;
        if self.is_app(ctx) {
            return exception(
                reply,
                ExceptionCode::SECURITY,
                "App UIDs cannot add services.",
            );
        }
        if !self.access.can_add(ctx, &name) {
            return exception(
                reply,
                ExceptionCode::SECURITY,
                "Policy denied adding the service.",
            );
        }
        let Some(binder) = binder else {
            return exception(reply, ExceptionCode::ILLEGAL_ARGUMENT, "Null binder.");
        };
        if !is_valid_service_name(&name) {
            return exception(
                reply,
                ExceptionCode::ILLEGAL_ARGUMENT,
                "Invalid service name.",
            );
        }
        let death = if binder.is_remote() {
            let mut d = self.on_death(&name, &binder, |st, name, who| {
                // Only if the name still maps to the object that died (it may have been
                // overwritten since).
                if st.services.get(name).is_some_and(|s| s.binder == *who) {
                    st.services.remove(name);
                    tracing::info!(name, "service died; removed");
                }
            });
            if binder.clone().link_to_death(&mut d).is_err() {
                return exception(reply, ExceptionCode::ILLEGAL_STATE, "Couldn't linkToDeath.");
            }
            Some(d)
        } else {
            None
        };
        let callbacks: Vec<SpIBinder> = {
            let mut st = lock(&self.state);
            if st.services.contains_key(&name) {
                tracing::info!(name, uid = ctx.uid, "overwriting a registered service");
            }
            st.services.insert(
                name.clone(),
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
                .get(&name)
                .map(|l| l.iter().map(|c| c.binder.clone()).collect())
                .unwrap_or_default()
        };
        tracing::info!(name, uid = ctx.uid, pid = ctx.pid, "service added");
        // Outside the lock: a oneway call can still block briefly on the driver.
        for cb in &callbacks {
            notify(cb, &name, &binder);
        }
        Status::ok().write_to_parcel(reply)
    }

    fn register_for_notifications(
        &self,
        ctx: &CallingContext,
        data: &Parcel,
        reply: &mut Parcel,
    ) -> Result<(), StatusCode> {
        let name = data.read_string16()?;
        let callback = data.read_nullable_strong_binder()?;
        if !self.access.can_find(ctx, &name) {
            return exception(
                reply,
                ExceptionCode::SECURITY,
                "Policy denied finding the service.",
            );
        }
        if !is_valid_service_name(&name) {
            return exception(
                reply,
                ExceptionCode::ILLEGAL_ARGUMENT,
                "Invalid service name.",
            );
        }
        let Some(callback) = callback else {
            return exception(reply, ExceptionCode::NULL_POINTER, "Null callback.");
        };
        let mut death = self.on_death(&name, &callback, |st, name, who| {
            remove_callback(&mut st.callbacks, name, who);
        });
        if callback.clone().link_to_death(&mut death).is_err() {
            return exception(
                reply,
                ExceptionCode::ILLEGAL_STATE,
                "Couldn't link to death.",
            );
        }
        let existing = {
            let mut st = lock(&self.state);
            st.callbacks
                .entry(name.clone())
                .or_default()
                .push(Callback {
                    binder: callback.clone(),
                    _death: death,
                });
            st.services.get(&name).map(|s| s.binder.clone())
        };
        if let Some(binder) = existing {
            notify(&callback, &name, &binder);
        }
        Status::ok().write_to_parcel(reply)
    }

    fn unregister_for_notifications(
        &self,
        ctx: &CallingContext,
        data: &Parcel,
        reply: &mut Parcel,
    ) -> Result<(), StatusCode> {
        let name = data.read_string16()?;
        let callback = data.read_nullable_strong_binder()?;
        if !self.access.can_find(ctx, &name) {
            return exception(
                reply,
                ExceptionCode::SECURITY,
                "Policy denied finding the service.",
            );
        }
        let removed = callback
            .is_some_and(|cb| remove_callback(&mut lock(&self.state).callbacks, &name, &cb));
        if !removed {
            return exception(reply, ExceptionCode::ILLEGAL_STATE, "No matching callback.");
        }
        Status::ok().write_to_parcel(reply)
    }
}

impl Remotable for ServiceManager {
    fn get_descriptor() -> &'static str {
        DESCRIPTOR
    }

    fn on_transact(&self, code: u32, data: &Parcel, reply: &mut Parcel) -> Result<(), StatusCode> {
        data.enforce_interface(DESCRIPTOR)?;
        let ctx = CallingContext {
            pid: get_calling_pid(),
            uid: get_calling_uid(),
        };
        let _span =
            tracing::debug_span!("IServiceManager", code, uid = ctx.uid, pid = ctx.pid).entered();
        match code {
            tx::GET_SERVICE | tx::CHECK_SERVICE | tx::GET_SERVICE2 | tx::CHECK_SERVICE2 => {
                let name = data.read_string16()?;
                if !self.access.can_find(&ctx, &name) {
                    return exception(
                        reply,
                        ExceptionCode::SECURITY,
                        "Policy denied finding the service.",
                    );
                }
                let found = self.find(&ctx, &name);
                Status::ok().write_to_parcel(reply)?;
                if matches!(code, tx::GET_SERVICE2 | tx::CHECK_SERVICE2) {
                    reply.write(&service_union(found))
                } else {
                    reply.write_nullable_strong_binder(found.as_ref())
                }
            }
            tx::ADD_SERVICE => self.add_service(&ctx, data, reply),
            tx::LIST_SERVICES => {
                let dump_priority = data.read_i32()?;
                if !self.access.can_list(&ctx) {
                    return exception(reply, ExceptionCode::SECURITY, "Policy denied listing.");
                }
                let names: Vec<String> = lock(&self.state)
                    .services
                    .iter()
                    .filter(|(_, s)| s.dump_priority & dump_priority != 0)
                    .map(|(n, _)| n.clone())
                    .collect();
                Status::ok().write_to_parcel(reply)?;
                reply.write_string16_vector(&names)
            }
            tx::REGISTER_FOR_NOTIFICATIONS => self.register_for_notifications(&ctx, data, reply),
            tx::UNREGISTER_FOR_NOTIFICATIONS => {
                self.unregister_for_notifications(&ctx, data, reply)
            }
            // Nothing is declared: no VINTF manifest, no APEXes, no RPC accessors (what AOSP
            // answers on a device without them).
            tx::IS_DECLARED | tx::UPDATABLE_VIA_APEX | tx::GET_CONNECTION_INFO => {
                let name = data.read_string16()?;
                if !self.access.can_find(&ctx, &name) {
                    return exception(
                        reply,
                        ExceptionCode::SECURITY,
                        "Policy denied finding the service.",
                    );
                }
                Status::ok().write_to_parcel(reply)?;
                match code {
                    tx::IS_DECLARED => reply.write_bool(false),
                    tx::UPDATABLE_VIA_APEX => reply.write_nullable_string16(None),
                    _ => reply.write_i32(0), // a null ConnectionInfo
                }
            }
            tx::GET_DECLARED_INSTANCES | tx::GET_UPDATABLE_NAMES => {
                let _iface_or_apex = data.read_string16()?;
                Status::ok().write_to_parcel(reply)?;
                reply.write_string16_vector::<&str>(&[])
            }
            tx::REGISTER_CLIENT_CALLBACK => self.register_client_callback(&ctx, data, reply),
            tx::TRY_UNREGISTER_SERVICE => self.try_unregister_service(&ctx, data, reply),
            tx::GET_SERVICE_DEBUG_INFO => {
                if !self.access.can_list(&ctx) {
                    return exception(reply, ExceptionCode::SECURITY, "Policy denied listing.");
                }
                let infos: Vec<ServiceDebugInfo> = lock(&self.state)
                    .services
                    .iter()
                    .map(|(name, s)| ServiceDebugInfo {
                        name: name.clone(),
                        debugPid: s.debug_pid,
                    })
                    .collect();
                Status::ok().write_to_parcel(reply)?;
                reply.write(&infos)
            }
            _ => Err(StatusCode::UNKNOWN_TRANSACTION),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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

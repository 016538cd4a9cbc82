//! Binders: [`SpIBinder`] (strong, local or remote), [`WpIBinder`], the remote proxy (AOSP
//! `BpBinder`), local objects ([`Remotable`], [`Binder`]; AOSP `BBinder`), death recipients,
//! and binders in parcels.
//!
//! Local objects the driver knows are kept in a registry by their id (the `ptr`/`cookie` of
//! their node): the registry holds a strong reference while the driver holds one (from
//! `BR_ACQUIRE` to `BR_RELEASE`) and the entry until `BR_DECREFS`, so a local object lives
//! exactly as long as remote references and local owners exist.

use std::any::Any;
use std::collections::HashMap;
use std::ffi::{CStr, CString};
use std::fmt;
use std::fs::File;
use std::io::Write;
use std::ops::Deref;
use std::os::fd::{AsRawFd, BorrowedFd};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex, OnceLock, Weak};

use binder_driver::uapi::{
    b_pack_chars, FlatBinderObject, BINDER_TYPE_BINDER, BINDER_TYPE_HANDLE,
    BINDER_TYPE_WEAK_BINDER, BINDER_TYPE_WEAK_HANDLE, FLAT_BINDER_FLAG_ACCEPTS_FDS,
    FLAT_BINDER_FLAG_PRIORITY_MASK,
};

use crate::error::StatusCode;
use crate::interface::{
    FromIBinder, IBinder, IBinderInternal, Interface, Stability, Strong as InterfaceStrong,
};
use crate::parcel::{stability, BorrowedParcel, Parcel};
use crate::process::{lock, ProcessState};
use crate::thread;

/// A transaction code.
pub type TransactionCode = u32;
/// Transaction flags (`FLAG_*`).
pub type TransactionFlags = u32;

/// First code available to interfaces.
pub const FIRST_CALL_TRANSACTION: TransactionCode = 0x0000_0001;
/// Last code available to interfaces.
pub const LAST_CALL_TRANSACTION: TransactionCode = 0x00ff_ffff;
/// `'_PNG'`: is the object alive.
pub const PING_TRANSACTION: TransactionCode = b_pack_chars(b'_', b'P', b'N', b'G');
/// `'_DMP'`: dump state to a descriptor.
pub const DUMP_TRANSACTION: TransactionCode = b_pack_chars(b'_', b'D', b'M', b'P');
/// `'_CMD'`: shell command.
pub const SHELL_COMMAND_TRANSACTION: TransactionCode = b_pack_chars(b'_', b'C', b'M', b'D');
/// `'_NTF'`: the interface descriptor.
pub const INTERFACE_TRANSACTION: TransactionCode = b_pack_chars(b'_', b'N', b'T', b'F');
/// Oneway call: no reply.
pub const FLAG_ONEWAY: TransactionFlags = 0x01;
/// Clear the transaction buffer after use.
pub const FLAG_CLEAR_BUF: TransactionFlags = 0x20;
/// Private vendor flag.
pub const FLAG_PRIVATE_VENDOR: TransactionFlags = 0x1000_0000;
/// The flag generated proxies add to every call (AOSP `FLAG_PRIVATE_LOCAL`): the NDK's
/// `FLAG_PRIVATE_VENDOR` in vendor builds, nothing in system builds, which binder-sim's
/// library is.
pub const FLAG_PRIVATE_LOCAL: TransactionFlags = 0;
/// `EXTENSION_TRANSACTION` (`'_EXT'`): asks an object for its extension binder.
pub const EXTENSION_TRANSACTION: TransactionCode = b_pack_chars(b'_', b'E', b'X', b'T');

/// AOSP `schedPolicyMask(SCHED_NORMAL, 19)`, the scheduling bits of a flattened binder.
const DEFAULT_SCHED_BITS: u32 = 19 & FLAT_BINDER_FLAG_PRIORITY_MASK;

/// Descriptor of `IResultReceiver`, which answers shell commands.
const RESULT_RECEIVER_DESCRIPTOR: &str = "com.android.internal.os.IResultReceiver";

// ---------------------------------------------------------------------------------------------
// Local objects
// ---------------------------------------------------------------------------------------------

/// A service implementation (AOSP Rust `Remotable`): what a [`Binder`] serves. Generated
/// code implements it for `BnFoo` through
/// [`declare_binder_interface!`](crate::declare_binder_interface).
pub trait Remotable: Send + Sync + 'static {
    /// The interface descriptor (`INTERFACE_TRANSACTION`, the interface token).
    fn get_descriptor() -> &'static str
    where
        Self: Sized;

    /// Handles a call with an interface code; `data` is positioned at its start.
    fn on_transact(
        &self,
        code: TransactionCode,
        data: &BorrowedParcel<'_>,
        reply: &mut BorrowedParcel<'_>,
    ) -> Result<(), StatusCode>;

    /// `DUMP_TRANSACTION`: writes the object's state to `writer`.
    fn on_dump(&self, _writer: &mut dyn Write, _args: &[&CStr]) -> Result<(), StatusCode> {
        Ok(())
    }

    /// `SHELL_COMMAND_TRANSACTION`: runs a shell command; the result is sent to the result
    /// receiver. Unsupported by default (AOSP `BBinder` answers `INVALID_OPERATION`). Not in
    /// AOSP's Rust crate (whose NDK answers shell commands itself).
    #[doc(hidden)]
    fn on_shell_command(
        &self,
        _in: BorrowedFd<'_>,
        _out: BorrowedFd<'_>,
        _err: BorrowedFd<'_>,
        _args: &[String],
    ) -> Result<(), StatusCode> {
        Err(StatusCode::INVALID_OPERATION)
    }
}

/// The type-erased local object behind an [`SpIBinder`].
pub(crate) trait LocalObject: Send + Sync + 'static {
    fn id(&self) -> u64;
    fn descriptor(&self) -> &'static str;
    fn transact(
        &self,
        code: TransactionCode,
        data: &mut Parcel,
        reply: &mut Parcel,
        flags: TransactionFlags,
    ) -> Result<(), StatusCode>;
    fn as_any(&self) -> &dyn Any;
    fn into_any(self: Arc<Self>) -> Arc<dyn Any + Send + Sync>;
}

struct LocalNode<T: Remotable> {
    id: u64,
    object: T,
}

static NEXT_LOCAL_ID: AtomicU64 = AtomicU64::new(0x1000);

fn read_fd(data: &mut Parcel) -> Result<BorrowedFd<'static>, StatusCode> {
    let fd = data.read_file_descriptor()?;
    if fd < 0 {
        return Err(StatusCode::BAD_VALUE);
    }
    // SAFETY: the descriptor is owned by the received parcel, which outlives the handler call
    // this borrow is passed to.
    Ok(unsafe { BorrowedFd::borrow_raw(fd) })
}

impl<T: Remotable> LocalObject for LocalNode<T> {
    fn id(&self) -> u64 {
        self.id
    }

    fn descriptor(&self) -> &'static str {
        T::get_descriptor()
    }

    fn transact(
        &self,
        code: TransactionCode,
        data: &mut Parcel,
        reply: &mut Parcel,
        _flags: TransactionFlags,
    ) -> Result<(), StatusCode> {
        match code {
            PING_TRANSACTION => Ok(()),
            // No extension object (C++ `BBinder` without `setExtension`).
            EXTENSION_TRANSACTION => reply.write_nullable_strong_binder(None),
            INTERFACE_TRANSACTION => reply.write_string16(T::get_descriptor()),
            DUMP_TRANSACTION => {
                let fd = read_fd(data)?;
                let argc = data.read_i32()?;
                let mut args = Vec::new();
                for _ in 0..argc.max(0) {
                    if data.data_avail() == 0 {
                        break;
                    }
                    args.push(
                        CString::new(data.read_string16()?).map_err(|_| StatusCode::BAD_VALUE)?,
                    );
                }
                let args: Vec<&CStr> = args.iter().map(CString::as_c_str).collect();
                let mut file =
                    File::from(fd.try_clone_to_owned().map_err(|e| {
                        StatusCode::from_raw(-e.raw_os_error().unwrap_or(libc::EBADF))
                    })?);
                self.object.on_dump(&mut file, &args)
            }
            SHELL_COMMAND_TRANSACTION => {
                let fd_in = read_fd(data)?;
                let fd_out = read_fd(data)?;
                let fd_err = read_fd(data)?;
                let argc = data.read_i32()?;
                let mut args = Vec::new();
                for _ in 0..argc.max(0) {
                    if data.data_avail() == 0 {
                        break;
                    }
                    args.push(data.read_string16()?);
                }
                let _shell_callback = data.read_nullable_strong_binder()?;
                let result_receiver = data.read_nullable_strong_binder()?;
                let result = self.object.on_shell_command(fd_in, fd_out, fd_err, &args);
                if let Some(rr) = result_receiver {
                    let mut p = Parcel::new();
                    p.write_interface_token(RESULT_RECEIVER_DESCRIPTOR)?;
                    p.write_i32(result.err().unwrap_or(StatusCode::OK).to_raw())?;
                    rr.transact_parcel(FIRST_CALL_TRANSACTION, &p, FLAG_ONEWAY)?;
                }
                Ok(())
            }
            _ => self.object.on_transact(code, data, reply),
        }
    }

    fn as_any(&self) -> &dyn Any {
        &self.object
    }

    fn into_any(self: Arc<Self>) -> Arc<dyn Any + Send + Sync> {
        self
    }
}

impl<T: Remotable> Drop for LocalNode<T> {
    fn drop(&mut self) {
        lock(&REGISTRY).remove(&self.id);
    }
}

/// A local object (AOSP Rust `Binder<T>`): `T` served to other processes.
pub struct Binder<T: Remotable> {
    node: Arc<LocalNode<T>>,
}

impl<T: Remotable> Binder<T> {
    /// Wraps `object` as a binder.
    pub fn new(object: T) -> Binder<T> {
        Binder::new_with_stability(object, Stability::default())
    }

    /// Wraps `object` as a binder of the given stability. binder-sim writes the stability
    /// level of every local binder as the system partition's (what the C++ and NDK libraries
    /// of a system build do); the VINTF level is accepted for source compatibility.
    pub fn new_with_stability(object: T, _stability: Stability) -> Binder<T> {
        Binder {
            node: Arc::new(LocalNode {
                id: NEXT_LOCAL_ID.fetch_add(1, Ordering::Relaxed),
                object,
            }),
        }
    }
}

impl<T: Remotable> Interface for Binder<T> {
    fn as_binder(&self) -> SpIBinder {
        SpIBinder(Strong::Local(self.node.clone()))
    }
}

/// The local object behind a binder, if it is a `Binder<T>` of this process
/// (`BAD_TYPE` otherwise).
impl<T: Remotable> TryFrom<SpIBinder> for Binder<T> {
    type Error = StatusCode;

    fn try_from(binder: SpIBinder) -> Result<Binder<T>, StatusCode> {
        match binder.0 {
            Strong::Local(l) => l
                .into_any()
                .downcast::<LocalNode<T>>()
                .map(|node| Binder { node })
                .map_err(|_| StatusCode::BAD_TYPE),
            Strong::Remote(_) => Err(StatusCode::BAD_TYPE),
        }
    }
}

impl<T: Remotable> Clone for Binder<T> {
    fn clone(&self) -> Self {
        Binder {
            node: self.node.clone(),
        }
    }
}

impl<T: Remotable> Deref for Binder<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.node.object
    }
}

// ---------------------------------------------------------------------------------------------
// Registry of local objects known to the driver
// ---------------------------------------------------------------------------------------------

struct NodeEntry {
    object: Weak<dyn LocalObject>,
    /// Held while the driver holds a strong reference.
    strong: Option<Arc<dyn LocalObject>>,
    strong_refs: u32,
    weak_refs: u32,
}

static REGISTRY: LazyLock<Mutex<HashMap<u64, NodeEntry>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn registry_publish(obj: &Arc<dyn LocalObject>) {
    lock(&REGISTRY)
        .entry(obj.id())
        .or_insert_with(|| NodeEntry {
            object: Arc::downgrade(obj),
            strong: None,
            strong_refs: 0,
            weak_refs: 0,
        });
}

/// The local object for a node pointer (a transaction target or a binder read back).
pub(crate) fn registry_lookup(id: u64) -> Option<SpIBinder> {
    let obj = lock(&REGISTRY).get(&id)?.object.upgrade()?;
    Some(SpIBinder(Strong::Local(obj)))
}

pub(crate) fn registry_acquire(id: u64) {
    let mut reg = lock(&REGISTRY);
    match reg.get_mut(&id) {
        Some(e) => {
            e.strong_refs += 1;
            if e.strong.is_none() {
                e.strong = e.object.upgrade();
                if e.strong.is_none() {
                    tracing::error!(id, "BR_ACQUIRE for a local object already gone");
                }
            }
        }
        None => tracing::error!(id, "BR_ACQUIRE for an unknown node"),
    }
}

/// Drops the driver's strong reference; the returned reference must be dropped by the caller
/// (outside the registry lock).
pub(crate) fn registry_release(id: u64) -> Option<Arc<dyn LocalObject>> {
    let mut reg = lock(&REGISTRY);
    let e = reg.get_mut(&id)?;
    e.strong_refs = e.strong_refs.saturating_sub(1);
    if e.strong_refs == 0 {
        e.strong.take()
    } else {
        None
    }
}

pub(crate) fn registry_incref(id: u64) {
    match lock(&REGISTRY).get_mut(&id) {
        Some(e) => e.weak_refs += 1,
        None => tracing::warn!(id, "BR_INCREFS for an unknown node"),
    }
}

/// The entry outlives the driver's references: a parcel that still holds the object may send
/// it again (the driver then makes a new node), and the object's drop removes the entry.
pub(crate) fn registry_decref(id: u64) {
    if let Some(e) = lock(&REGISTRY).get_mut(&id) {
        e.weak_refs = e.weak_refs.saturating_sub(1);
    }
}

/// Whether the driver currently holds a strong reference to the local object `binder`.
pub fn driver_holds_strong_ref(binder: &SpIBinder) -> bool {
    match &binder.0 {
        Strong::Local(l) => lock(&REGISTRY)
            .get(&l.id())
            .is_some_and(|e| e.strong.is_some()),
        Strong::Remote(_) => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Remote proxies
// ---------------------------------------------------------------------------------------------

struct DeathState {
    requested: bool,
    sent: bool,
    recipients: Vec<Weak<DeathRecipientInner>>,
}

/// A remote object (AOSP `BpBinder`).
pub(crate) struct ProxyInner {
    handle: u32,
    /// The remote descriptor, fetched once (`INTERFACE_TRANSACTION`).
    descriptor: OnceLock<String>,
    /// The descriptor of the interface the proxy was made for (AOSP's associated class).
    class: OnceLock<&'static str>,
    cookie: u64,
    alive: AtomicBool,
    death: Mutex<DeathState>,
}

static NEXT_COOKIE: AtomicU64 = AtomicU64::new(1);

impl ProxyInner {
    pub(crate) fn new(handle: u32) -> ProxyInner {
        ProxyInner {
            handle,
            descriptor: OnceLock::new(),
            class: OnceLock::new(),
            cookie: NEXT_COOKIE.fetch_add(1, Ordering::Relaxed),
            alive: AtomicBool::new(true),
            death: Mutex::new(DeathState {
                requested: false,
                sent: false,
                recipients: Vec::new(),
            }),
        }
    }

    fn transact(
        &self,
        code: TransactionCode,
        data: &Parcel,
        flags: TransactionFlags,
    ) -> Result<Parcel, StatusCode> {
        if !self.alive.load(Ordering::SeqCst) {
            return Err(StatusCode::DEAD_OBJECT);
        }
        let r = thread::transact(self.handle, code, data, flags);
        if r.as_ref().err() == Some(&StatusCode::DEAD_OBJECT) {
            self.alive.store(false, Ordering::SeqCst);
        }
        r
    }

    /// BR_DEAD_BINDER: marks the proxy dead, clears the notification and tells the recipients
    /// (AOSP `sendObituary`).
    fn send_obituary(&self) {
        self.alive.store(false, Ordering::SeqCst);
        let recipients = {
            let mut d = lock(&self.death);
            if d.sent {
                return;
            }
            d.sent = true;
            if d.requested {
                d.requested = false;
                thread::write_now(&thread::death_command(false, self.handle, self.cookie));
            }
            std::mem::take(&mut d.recipients)
        };
        for r in recipients {
            if let Some(r) = r.upgrade() {
                (r.callback)();
            }
        }
    }
}

impl Drop for ProxyInner {
    fn drop(&mut self) {
        let Ok(ps) = ProcessState::self_() else {
            return;
        };
        let mut cmds = Vec::new();
        {
            let d = lock(&self.death);
            if d.requested && !d.sent {
                cmds.extend(thread::death_command(false, self.handle, self.cookie));
            }
        }
        let mut handles = lock(&ps.handles);
        let ours = handles
            .get(&self.handle)
            .is_some_and(|e| std::ptr::eq(e.proxy.as_ptr(), self));
        if ours {
            handles.remove(&self.handle);
            cmds.extend(thread::ref_commands(self.handle, false));
        }
        if !cmds.is_empty() {
            thread::write_now(&cmds);
        }
        drop(handles);
    }
}

/// Called on BR_DEAD_BINDER.
pub(crate) fn deliver_death(cookie: u64) {
    let Ok(ps) = ProcessState::self_() else {
        return;
    };
    let proxy = lock(&ps.death_cookies)
        .get(&cookie)
        .and_then(|w| w.upgrade());
    if let Some(p) = proxy {
        p.send_obituary();
    }
}

/// Called on BR_CLEAR_DEATH_NOTIFICATION_DONE.
pub(crate) fn death_cleared(cookie: u64) {
    if let Ok(ps) = ProcessState::self_() {
        let mut cookies = lock(&ps.death_cookies);
        // Keep the cookie if the proxy asked again meanwhile.
        let again = cookies
            .get(&cookie)
            .and_then(|w| w.upgrade())
            .is_some_and(|p| lock(&p.death).requested);
        if !again {
            cookies.remove(&cookie);
        }
    }
}

/// Something to run when a remote object dies (AOSP Rust `DeathRecipient`). The links hold
/// it weakly: dropping it makes the links inert.
pub struct DeathRecipient {
    inner: Arc<DeathRecipientInner>,
}

struct DeathRecipientInner {
    callback: Box<dyn Fn() + Send + Sync>,
}

impl DeathRecipient {
    /// A recipient running `callback` (on a binder thread) when a linked object dies.
    pub fn new<F: Fn() + Send + Sync + 'static>(callback: F) -> DeathRecipient {
        DeathRecipient {
            inner: Arc::new(DeathRecipientInner {
                callback: Box::new(callback),
            }),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// SpIBinder / WpIBinder
// ---------------------------------------------------------------------------------------------

#[derive(Clone)]
enum Strong {
    Local(Arc<dyn LocalObject>),
    Remote(Arc<ProxyInner>),
}

/// A strong reference to a binder, local or remote (AOSP `sp<IBinder>`).
#[derive(Clone)]
pub struct SpIBinder(Strong);

#[derive(Clone)]
enum WeakRef {
    Local(Weak<dyn LocalObject>),
    Remote(Weak<ProxyInner>),
}

/// A weak reference to a binder (AOSP `wp<IBinder>`).
#[derive(Clone)]
pub struct WpIBinder(WeakRef);

impl WpIBinder {
    /// The binder, if a strong reference still exists.
    pub fn promote(&self) -> Option<SpIBinder> {
        match &self.0 {
            WeakRef::Local(w) => w.upgrade().map(|a| SpIBinder(Strong::Local(a))),
            WeakRef::Remote(w) => w.upgrade().map(|a| SpIBinder(Strong::Remote(a))),
        }
    }
}

impl fmt::Debug for SpIBinder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Strong::Local(l) => write!(f, "SpIBinder(local {:#x})", l.id()),
            Strong::Remote(p) => write!(f, "SpIBinder(handle {})", p.handle),
        }
    }
}

impl PartialEq for SpIBinder {
    fn eq(&self, other: &SpIBinder) -> bool {
        match (&self.0, &other.0) {
            (Strong::Local(a), Strong::Local(b)) => a.id() == b.id(),
            (Strong::Remote(a), Strong::Remote(b)) => Arc::ptr_eq(a, b) || a.handle == b.handle,
            _ => false,
        }
    }
}

impl Eq for SpIBinder {}

impl SpIBinder {
    /// An order consistent with `==`: local objects by id, then proxies by handle.
    fn order_key(&self) -> (u8, u64) {
        match &self.0 {
            Strong::Local(l) => (0, l.id()),
            Strong::Remote(p) => (1, u64::from(p.handle)),
        }
    }
}

impl PartialOrd for SpIBinder {
    fn partial_cmp(&self, other: &SpIBinder) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SpIBinder {
    fn cmp(&self, other: &SpIBinder) -> std::cmp::Ordering {
        self.order_key().cmp(&other.order_key())
    }
}

impl SpIBinder {
    pub(crate) fn from_proxy(p: Arc<ProxyInner>) -> SpIBinder {
        SpIBinder(Strong::Remote(p))
    }

    /// A weak reference.
    pub fn downgrade(&self) -> WpIBinder {
        WpIBinder(match &self.0 {
            Strong::Local(l) => WeakRef::Local(Arc::downgrade(l)),
            Strong::Remote(p) => WeakRef::Remote(Arc::downgrade(p)),
        })
    }

    /// Whether the object lives in another process.
    pub fn is_remote(&self) -> bool {
        matches!(self.0, Strong::Remote(_))
    }

    /// The driver handle of a remote object.
    pub fn handle(&self) -> Option<u32> {
        match &self.0 {
            Strong::Remote(p) => Some(p.handle),
            Strong::Local(_) => None,
        }
    }

    /// The local object of type `T`, if this binder is one.
    pub fn local_object<T: Remotable>(&self) -> Option<&T> {
        match &self.0 {
            Strong::Local(l) => l.as_any().downcast_ref::<T>(),
            Strong::Remote(_) => None,
        }
    }

    /// Sends a transaction with a parcel the caller keeps: synchronous calls return the
    /// reply, oneway calls ([`FLAG_ONEWAY`]) an empty parcel. A local object is called
    /// directly. (AOSP's crate has [`IBinderInternal::submit_transact`], which takes the
    /// parcel; this form serves code that reuses a request, such as benchmarks.)
    #[doc(hidden)]
    pub fn transact_parcel(
        &self,
        code: TransactionCode,
        data: &Parcel,
        flags: TransactionFlags,
    ) -> Result<Parcel, StatusCode> {
        match &self.0 {
            Strong::Remote(p) => p.transact(code, data, flags),
            Strong::Local(l) => {
                let mut data = Parcel::from_received(data.data(), data.objects());
                let mut reply = Parcel::new();
                l.transact(code, &mut data, &mut reply, flags)?;
                reply.seek(0)?;
                Ok(reply)
            }
        }
    }

    /// Incoming transaction on a local object (the thread loop).
    pub(crate) fn local_transact(
        &self,
        code: TransactionCode,
        data: &mut Parcel,
        reply: &mut Parcel,
        flags: TransactionFlags,
    ) -> Result<(), StatusCode> {
        match &self.0 {
            Strong::Local(l) => l.transact(code, data, reply, flags),
            Strong::Remote(_) => Err(StatusCode::INVALID_OPERATION),
        }
    }

    /// The interface descriptor (`INTERFACE_TRANSACTION`; a proxy asks once and caches it,
    /// as C++ `BpBinder` does).
    pub fn get_interface_descriptor(&self) -> Result<String, StatusCode> {
        match &self.0 {
            Strong::Local(l) => Ok(l.descriptor().to_string()),
            Strong::Remote(p) => {
                if let Some(d) = p.descriptor.get() {
                    return Ok(d.clone());
                }
                let d = p
                    .transact(INTERFACE_TRANSACTION, &Parcel::new(), 0)?
                    .read_string16()?;
                Ok(p.descriptor.get_or_init(|| d).clone())
            }
        }
    }

    /// Associates the binder with an interface (AOSP's `AIBinder_associateClass`, done by
    /// `FromIBinder`): a remote object whose descriptor is `descriptor` gets it as the
    /// interface token [`IBinderInternal::prepare_transact`] writes. `Ok(false)` when the
    /// descriptors differ or the binder is local with another descriptor.
    #[doc(hidden)]
    pub fn associate_descriptor(&self, descriptor: &'static str) -> Result<bool, StatusCode> {
        match &self.0 {
            Strong::Local(l) => Ok(l.descriptor() == descriptor),
            Strong::Remote(p) => {
                if let Some(class) = p.class.get() {
                    return Ok(*class == descriptor);
                }
                if self.get_interface_descriptor()? != descriptor {
                    return Ok(false);
                }
                Ok(*p.class.get_or_init(|| descriptor) == descriptor)
            }
        }
    }

    /// Takes a remote binder to implement `descriptor` without asking it (C++ `interface_cast`
    /// on a proxy): for handle 0, which is the service manager by definition. `false` if it
    /// was already associated with another descriptor.
    pub(crate) fn assume_descriptor(&self, descriptor: &'static str) -> bool {
        match &self.0 {
            Strong::Local(l) => l.descriptor() == descriptor,
            Strong::Remote(p) => *p.class.get_or_init(|| descriptor) == descriptor,
        }
    }

    /// Converts the binder into a typed interface (AOSP `SpIBinder::into_interface`).
    pub fn into_interface<I: FromIBinder + ?Sized>(self) -> Result<InterfaceStrong<I>, StatusCode> {
        I::try_from(self)
    }

    fn ping(&self) -> Result<(), StatusCode> {
        self.transact_parcel(PING_TRANSACTION, &Parcel::new(), 0)
            .map(|_| ())
    }

    fn link(&self, recipient: &DeathRecipient) -> Result<(), StatusCode> {
        let Strong::Remote(p) = &self.0 else {
            return Err(StatusCode::INVALID_OPERATION);
        };
        let ps = ProcessState::self_()?;
        let mut d = lock(&p.death);
        if d.sent || !p.alive.load(Ordering::SeqCst) {
            return Err(StatusCode::DEAD_OBJECT);
        }
        if !d.requested {
            d.requested = true;
            lock(&ps.death_cookies).insert(p.cookie, Arc::downgrade(p));
            thread::write_now(&thread::death_command(true, p.handle, p.cookie));
        }
        d.recipients.push(Arc::downgrade(&recipient.inner));
        Ok(())
    }

    fn unlink(&self, recipient: &DeathRecipient) -> Result<(), StatusCode> {
        let Strong::Remote(p) = &self.0 else {
            return Err(StatusCode::INVALID_OPERATION);
        };
        let mut d = lock(&p.death);
        if d.sent || !p.alive.load(Ordering::SeqCst) {
            return Err(StatusCode::DEAD_OBJECT);
        }
        let target = Arc::as_ptr(&recipient.inner);
        let found = d
            .recipients
            .iter()
            .any(|w| std::ptr::eq(w.as_ptr(), target));
        d.recipients
            .retain(|w| w.strong_count() > 0 && !std::ptr::eq(w.as_ptr(), target));
        if d.recipients.is_empty() && d.requested {
            d.requested = false;
            thread::write_now(&thread::death_command(false, p.handle, p.cookie));
        }
        if found {
            Ok(())
        } else {
            Err(StatusCode::NAME_NOT_FOUND)
        }
    }
}

impl Interface for SpIBinder {
    fn as_binder(&self) -> SpIBinder {
        self.clone()
    }
}

impl IBinder for SpIBinder {
    /// Runs `recipient` when the remote object dies. `INVALID_OPERATION` for a local object,
    /// `DEAD_OBJECT` if it is already dead. The link holds the recipient weakly: dropping it
    /// makes the link inert.
    fn link_to_death(&mut self, recipient: &mut DeathRecipient) -> Result<(), StatusCode> {
        self.link(recipient)
    }

    /// Removes a link made by [`link_to_death`](IBinder::link_to_death): `DEAD_OBJECT` once
    /// the object died, `NAME_NOT_FOUND` if `recipient` was not linked.
    fn unlink_to_death(&mut self, recipient: &mut DeathRecipient) -> Result<(), StatusCode> {
        self.unlink(recipient)
    }

    /// `PING_TRANSACTION`.
    fn ping_binder(&mut self) -> Result<(), StatusCode> {
        self.ping()
    }
}

impl IBinderInternal for SpIBinder {
    /// Whether the object is (as far as we know) alive; local objects always are.
    fn is_binder_alive(&self) -> bool {
        match &self.0 {
            Strong::Local(_) => true,
            Strong::Remote(p) => p.alive.load(Ordering::SeqCst),
        }
    }

    /// binder-sim has no SELinux security contexts: the request is accepted and
    /// `ThreadState::with_calling_sid` sees `None`.
    fn set_requesting_sid(&mut self, _enable: bool) {}

    /// `DUMP_TRANSACTION`: asks the object to dump its state to `fp`.
    fn dump<F: AsRawFd>(&mut self, fp: &F, args: &[&str]) -> Result<(), StatusCode> {
        // SAFETY: `fp` lends its descriptor for the duration of this call.
        let fd = unsafe { BorrowedFd::borrow_raw(fp.as_raw_fd()) };
        let mut data = Parcel::new();
        data.write_dup_file_descriptor(fd)?;
        data.write_i32(i32::try_from(args.len()).map_err(|_| StatusCode::BAD_VALUE)?)?;
        for a in args {
            data.write_string16(a)?;
        }
        self.transact_parcel(DUMP_TRANSACTION, &data, 0).map(|_| ())
    }

    /// `EXTENSION_TRANSACTION`: the object's extension binder, if it has one.
    fn get_extension(&mut self) -> Result<Option<SpIBinder>, StatusCode> {
        if !self.is_remote() {
            return Ok(None);
        }
        self.transact_parcel(EXTENSION_TRANSACTION, &Parcel::new(), 0)?
            .read_nullable_strong_binder()
    }

    /// A request parcel headed with the interface token of the interface the binder was
    /// associated with (by `FromIBinder`, or the type of a local object);
    /// `INVALID_OPERATION` for a remote binder no interface was made from, as in AOSP.
    fn prepare_transact(&self) -> Result<Parcel, StatusCode> {
        let descriptor = match &self.0 {
            Strong::Local(l) => l.descriptor(),
            Strong::Remote(p) => *p.class.get().ok_or(StatusCode::INVALID_OPERATION)?,
        };
        let mut data = Parcel::new();
        data.write_interface_token(descriptor)?;
        Ok(data)
    }

    fn submit_transact(
        &self,
        code: TransactionCode,
        data: Parcel,
        flags: TransactionFlags,
    ) -> Result<Parcel, StatusCode> {
        self.transact_parcel(code, &data, flags)
    }
}

// ---------------------------------------------------------------------------------------------
// Binders in parcels
// ---------------------------------------------------------------------------------------------

/// The binder a strong object names: a handle's proxy (from the cache), our own local object,
/// or `None` for a null binder.
fn strong_binder_from(obj: &FlatBinderObject) -> Result<Option<SpIBinder>, StatusCode> {
    match obj.hdr.type_ {
        BINDER_TYPE_BINDER => {
            if obj.binder() == 0 && obj.cookie == 0 {
                return Ok(None);
            }
            registry_lookup(obj.binder())
                .map(Some)
                .ok_or(StatusCode::BAD_VALUE)
        }
        BINDER_TYPE_HANDLE => ProcessState::self_()?
            .get_strong_proxy_for_handle(obj.handle())
            .map(Some),
        _ => Err(StatusCode::BAD_TYPE),
    }
}

impl Parcel {
    /// Writes a binder (AOSP `writeStrongBinder`): a local object as `BINDER_TYPE_BINDER`
    /// (ptr = cookie = its id), a proxy as `BINDER_TYPE_HANDLE`. The parcel keeps the binder
    /// alive until it is dropped, so the driver finds it while the transaction is in flight.
    pub fn write_strong_binder(&mut self, binder: &SpIBinder) -> Result<(), StatusCode> {
        self.write_nullable_strong_binder(Some(binder))
    }

    /// [`write_strong_binder`](Parcel::write_strong_binder) or a null binder.
    pub fn write_nullable_strong_binder(
        &mut self,
        binder: Option<&SpIBinder>,
    ) -> Result<(), StatusCode> {
        self.write_binder(binder, false)
    }

    /// Writes a weak binder (AOSP `writeWeakBinder`): a local object as
    /// `BINDER_TYPE_WEAK_BINDER`, a proxy as `BINDER_TYPE_WEAK_HANDLE`, so the receiver gets a
    /// weak reference only. A reference that no longer promotes is written as a null binder, as
    /// AOSP does. Like a strong write, the parcel keeps the object alive until it is dropped.
    pub fn write_weak_binder(&mut self, binder: &WpIBinder) -> Result<(), StatusCode> {
        self.write_binder(binder.promote().as_ref(), true)
    }

    fn write_binder(&mut self, binder: Option<&SpIBinder>, weak: bool) -> Result<(), StatusCode> {
        let (local_type, handle_type) = if weak {
            (BINDER_TYPE_WEAK_BINDER, BINDER_TYPE_WEAK_HANDLE)
        } else {
            (BINDER_TYPE_BINDER, BINDER_TYPE_HANDLE)
        };
        let mut obj = FlatBinderObject::default();
        let level = match binder {
            None => {
                obj.hdr.type_ = BINDER_TYPE_BINDER;
                obj.flags = DEFAULT_SCHED_BITS;
                obj.set_binder(0);
                stability::UNDECLARED
            }
            Some(SpIBinder(Strong::Local(l))) => {
                registry_publish(l);
                obj.hdr.type_ = local_type;
                obj.flags = FLAT_BINDER_FLAG_ACCEPTS_FDS | DEFAULT_SCHED_BITS;
                obj.set_binder(l.id());
                obj.cookie = l.id();
                stability::LOCAL
            }
            Some(SpIBinder(Strong::Remote(p))) => {
                obj.hdr.type_ = handle_type;
                obj.flags = DEFAULT_SCHED_BITS;
                obj.set_handle(p.handle);
                obj.cookie = 0;
                stability::LOCAL
            }
        };
        self.write_flat_binder(obj, level)?;
        if let Some(b) = binder {
            self.attach(Box::new(b.clone()));
        }
        Ok(())
    }

    /// Reads a binder (AOSP `readStrongBinder`); `UNEXPECTED_NULL` for a null one.
    pub fn read_strong_binder(&self) -> Result<SpIBinder, StatusCode> {
        self.read_nullable_strong_binder()?
            .ok_or(StatusCode::UNEXPECTED_NULL)
    }

    /// Reads a binder or a null binder: a handle becomes a proxy (from the cache), a local
    /// object our own object. A weak binder is `BAD_TYPE`.
    pub fn read_nullable_strong_binder(&self) -> Result<Option<SpIBinder>, StatusCode> {
        let (obj, _stability) = self.read_flat_binder()?;
        strong_binder_from(&obj)
    }

    /// Reads a weak binder (AOSP `readWeakBinder`); `None` for a null binder. A strong binder
    /// is read as one and downgraded. A weak handle promotes only while this process holds a
    /// strong proxy for it: the driver has no `BC_ATTEMPT_ACQUIRE`, so a weak reference cannot
    /// become strong by itself (AOSP's weak proxies cannot either).
    pub fn read_weak_binder(&self) -> Result<Option<WpIBinder>, StatusCode> {
        let (obj, _stability) = self.read_flat_binder()?;
        match obj.hdr.type_ {
            BINDER_TYPE_WEAK_BINDER => {
                let registry = lock(&REGISTRY);
                let entry = registry.get(&obj.binder()).ok_or(StatusCode::BAD_VALUE)?;
                Ok(Some(WpIBinder(WeakRef::Local(entry.object.clone()))))
            }
            BINDER_TYPE_WEAK_HANDLE => {
                let proxy = ProcessState::self_()?.live_proxy_for_handle(obj.handle());
                Ok(Some(WpIBinder(WeakRef::Remote(proxy.unwrap_or_default()))))
            }
            _ => Ok(strong_binder_from(&obj)?.map(|b| b.downgrade())),
        }
    }
}

//! [`ProcessState`]: the process's binder endpoint (AOSP `ProcessState.cpp`): the open device,
//! the receive mapping, the thread pool, the handle → proxy cache and the context object.

use std::collections::HashMap;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, Weak};

use binder_driver::device::{Device, Mapping};
use binder_driver::uapi::{
    FlatBinderObject, BINDER_CURRENT_PROTOCOL_VERSION, BINDER_ENABLE_ONEWAY_SPAM_DETECTION,
    BINDER_TYPE_BINDER, FLAT_BINDER_FLAG_TXN_SECURITY_CTX,
};

use crate::error::StatusCode;
use crate::ibinder::{ProxyInner, SpIBinder, PING_TRANSACTION};
use crate::parcel::Parcel;
use crate::thread;

/// Default maximum of threads the driver may ask for (AOSP `DEFAULT_MAX_BINDER_THREADS`).
pub const DEFAULT_MAX_THREADS: u32 = 15;

/// Size of the receive mapping (AOSP `BINDER_VM_SIZE`: 1 MiB minus two pages).
pub const BINDER_VM_SIZE: usize = (1 << 20) - 2 * 4096;

/// Why the process state is not available.
#[derive(Debug)]
pub enum ProcessError {
    /// [`ProcessState::init`] was not called.
    NotInitialized,
    /// The state belongs to the parent of this forked process; a child must not use it.
    Forked { owner: u32, current: u32 },
    /// Already initialized with another device.
    AlreadyInitialized { device: PathBuf },
    /// Opening or setting up the device failed.
    Driver(io::Error),
}

impl fmt::Display for ProcessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProcessError::NotInitialized => {
                write!(f, "ProcessState is not initialized (call ProcessState::init first)")
            }
            ProcessError::Forked { owner, current } => write!(
                f,
                "ProcessState was created by pid {owner} and cannot be used in forked child {current}"
            ),
            ProcessError::AlreadyInitialized { device } => write!(
                f,
                "ProcessState is already initialized with {}",
                device.display()
            ),
            ProcessError::Driver(e) => write!(f, "binder driver: {e}"),
        }
    }
}

impl std::error::Error for ProcessError {}

impl From<ProcessError> for StatusCode {
    fn from(e: ProcessError) -> StatusCode {
        match e {
            ProcessError::NotInitialized => StatusCode::NO_INIT,
            ProcessError::Forked { .. } => StatusCode::INVALID_OPERATION,
            ProcessError::AlreadyInitialized { .. } => StatusCode::ALREADY_EXISTS,
            ProcessError::Driver(_) => StatusCode::NO_INIT,
        }
    }
}

/// A cached handle: this process holds one strong and one weak driver reference for it while
/// the entry exists (whichever proxy object currently stands for it).
pub(crate) struct HandleEntry {
    pub(crate) proxy: Weak<ProxyInner>,
}

/// The process's binder state. One per process, created by [`ProcessState::init`].
pub struct ProcessState {
    driver_path: PathBuf,
    pub(crate) device: Device,
    mapping: Mapping,
    pid: u32,
    max_threads: u32,
    thread_pool_started: AtomicBool,
    thread_seq: AtomicUsize,
    is_context_manager: AtomicBool,
    /// handle → proxy. Refcount commands for a handle are issued under this lock.
    pub(crate) handles: Mutex<HashMap<u32, HandleEntry>>,
    /// death-notification cookie → proxy.
    pub(crate) death_cookies: Mutex<HashMap<u64, Weak<ProxyInner>>>,
    /// The local object answering transactions to handle 0 when we are the context manager.
    context_object: Mutex<Option<SpIBinder>>,
}

static PROCESS: OnceLock<ProcessState> = OnceLock::new();

pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl ProcessState {
    /// Opens `device_path`, maps the receive buffer and sets the thread-pool maximum. A second
    /// call with the same device returns the existing state; with another, an error.
    pub fn init(
        device_path: impl AsRef<Path>,
        max_threads: u32,
    ) -> Result<&'static ProcessState, ProcessError> {
        let path = device_path.as_ref();
        if let Some(ps) = PROCESS.get() {
            ps.check_pid()?;
            if ps.driver_path != path {
                return Err(ProcessError::AlreadyInitialized {
                    device: ps.driver_path.clone(),
                });
            }
            return Ok(ps);
        }
        let device = Device::open(path).map_err(ProcessError::Driver)?;
        let version = device.version().map_err(ProcessError::Driver)?;
        if version != BINDER_CURRENT_PROTOCOL_VERSION {
            return Err(ProcessError::Driver(io::Error::new(
                io::ErrorKind::Unsupported,
                format!("binder protocol {version}, expected {BINDER_CURRENT_PROTOCOL_VERSION}"),
            )));
        }
        let mapping = device.mmap(BINDER_VM_SIZE).map_err(ProcessError::Driver)?;
        device
            .set_max_threads(max_threads)
            .map_err(ProcessError::Driver)?;
        let mut enable = 1u32;
        // SAFETY: the argument is a valid u32.
        if let Err(e) = unsafe {
            device.ioctl(
                BINDER_ENABLE_ONEWAY_SPAM_DETECTION,
                &mut enable as *mut u32 as *mut libc::c_void,
            )
        } {
            tracing::debug!(%e, "oneway spam detection unavailable");
        }
        let state = ProcessState {
            driver_path: path.to_owned(),
            device,
            mapping,
            pid: std::process::id(),
            max_threads,
            thread_pool_started: AtomicBool::new(false),
            thread_seq: AtomicUsize::new(0),
            is_context_manager: AtomicBool::new(false),
            handles: Mutex::new(HashMap::new()),
            death_cookies: Mutex::new(HashMap::new()),
            context_object: Mutex::new(None),
        };
        // A racing init with the same device wins; ours is dropped (closing its device).
        let ps = PROCESS.get_or_init(|| state);
        if ps.driver_path != path {
            return Err(ProcessError::AlreadyInitialized {
                device: ps.driver_path.clone(),
            });
        }
        Ok(ps)
    }

    /// [`init`](ProcessState::init) with the [`default_device`](ProcessState::default_device)
    /// and [`DEFAULT_MAX_THREADS`].
    pub fn init_default() -> Result<&'static ProcessState, ProcessError> {
        Self::init(Self::default_device(), DEFAULT_MAX_THREADS)
    }

    /// The device a program uses unless told otherwise: `$BINDER_DEVICE`, else `binder` in
    /// binderd's default directory.
    pub fn default_device() -> PathBuf {
        std::env::var_os("BINDER_DEVICE")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| binder_driver::daemon::Config::default_dir().join("binder"))
    }

    /// The process state (AOSP `ProcessState::self`): fails before `init` and in a forked
    /// child.
    pub fn self_() -> Result<&'static ProcessState, ProcessError> {
        let ps = PROCESS.get().ok_or(ProcessError::NotInitialized)?;
        ps.check_pid()?;
        Ok(ps)
    }

    /// Same as [`self_`](ProcessState::self_).
    pub fn get() -> Result<&'static ProcessState, ProcessError> {
        Self::self_()
    }

    /// The process state, opening the [`default_device`](ProcessState::default_device) if
    /// nothing did yet (AOSP `ProcessState::self()` opens `/dev/binder` on first use).
    pub fn self_or_default() -> Result<&'static ProcessState, ProcessError> {
        match Self::self_() {
            Err(ProcessError::NotInitialized) => Self::init_default(),
            r => r,
        }
    }

    fn check_pid(&self) -> Result<(), ProcessError> {
        let current = binder_driver::device::current_pid() as u32;
        if current != self.pid {
            return Err(ProcessError::Forked {
                owner: self.pid,
                current,
            });
        }
        Ok(())
    }

    /// The device path.
    pub fn driver_path(&self) -> &Path {
        &self.driver_path
    }

    /// The maximum number of threads the driver may ask this process to spawn.
    pub fn max_threads(&self) -> u32 {
        self.max_threads
    }

    /// Whether the thread pool was started.
    pub fn is_thread_pool_started(&self) -> bool {
        self.thread_pool_started.load(Ordering::SeqCst)
    }

    /// The received-buffer bytes `addr..addr + len`, if they lie inside our mapping.
    pub(crate) fn mapped(&self, addr: u64, len: u64) -> Option<&[u8]> {
        let base = self.mapping.as_ptr() as u64;
        let end = addr.checked_add(len)?;
        if addr < base || end > base + self.mapping.len() as u64 {
            return None;
        }
        if len == 0 {
            return Some(&[]);
        }
        // SAFETY: inside the live read-only mapping, which lives as long as `self`; the driver
        // does not rewrite a buffer until we free it.
        Some(unsafe { std::slice::from_raw_parts(addr as *const u8, len as usize) })
    }

    // -----------------------------------------------------------------------------------------
    // Thread pool
    // -----------------------------------------------------------------------------------------

    /// Starts the thread pool: spawns the main looper thread (`BC_ENTER_LOOPER`). Further
    /// threads are spawned when the driver asks (`BR_SPAWN_LOOPER`). Idempotent. Opens the
    /// default device first if the process has not (as AOSP's `start_thread_pool`, which
    /// returns nothing and aborts where this returns the error).
    pub fn start_thread_pool() -> Result<(), ProcessError> {
        let ps = Self::self_or_default()?;
        if !ps.thread_pool_started.swap(true, Ordering::SeqCst) {
            ps.spawn_pooled_thread(true);
        }
        Ok(())
    }

    /// The calling thread joins the pool (`BC_ENTER_LOOPER`) and serves until the driver goes
    /// away.
    pub fn join_thread_pool() -> Result<(), StatusCode> {
        Self::self_or_default()?;
        thread::join_thread_pool(true)
    }

    pub(crate) fn spawn_pooled_thread(&'static self, is_main: bool) {
        let n = self.thread_seq.fetch_add(1, Ordering::SeqCst) + 1;
        let name = format!("binder:{}_{:X}", self.pid, n);
        let spawned = std::thread::Builder::new().name(name).spawn(move || {
            if let Err(e) = thread::join_thread_pool(is_main) {
                tracing::debug!(?e, "binder thread left the pool");
            }
        });
        if let Err(e) = spawned {
            tracing::error!(%e, "cannot spawn a binder thread");
        }
    }

    // -----------------------------------------------------------------------------------------
    // Context manager and context object
    // -----------------------------------------------------------------------------------------

    /// Becomes the context manager (handle 0): `BINDER_SET_CONTEXT_MGR_EXT` asking for the
    /// caller's security context, else `BINDER_SET_CONTEXT_MGR`. `ALREADY_EXISTS` if the
    /// device has one (the driver's `EBUSY`).
    pub fn become_context_manager(&self) -> Result<(), StatusCode> {
        self.check_pid()?;
        let mut obj = FlatBinderObject {
            flags: FLAT_BINDER_FLAG_TXN_SECURITY_CTX,
            ..Default::default()
        };
        obj.hdr.type_ = BINDER_TYPE_BINDER;
        obj.set_binder(0);
        let result = match self.device.set_context_mgr_ext(&obj) {
            Ok(()) => Ok(()),
            Err(e) if e.raw_os_error() == Some(libc::EBUSY) => Err(e),
            Err(e) => {
                tracing::debug!(%e, "BINDER_SET_CONTEXT_MGR_EXT failed; trying the old ioctl");
                self.device.set_context_mgr()
            }
        };
        match result {
            Ok(()) => {
                self.is_context_manager.store(true, Ordering::SeqCst);
                Ok(())
            }
            // The device has a manager already (another process, or this one again).
            Err(e) if e.raw_os_error() == Some(libc::EBUSY) => Err(StatusCode::ALREADY_EXISTS),
            Err(e) => Err(thread::status_from_io(&e)),
        }
    }

    /// How many strong references the driver counts on the node `binder` names (AOSP
    /// `getStrongRefCountForNode`; the context manager only). `INVALID_OPERATION` for a
    /// local object.
    pub fn get_strong_ref_count_for_node(&self, binder: &SpIBinder) -> Result<u32, StatusCode> {
        self.check_pid()?;
        let handle = binder.handle().ok_or(StatusCode::INVALID_OPERATION)?;
        let info = self
            .device
            .node_info_for_ref(handle)
            .map_err(|e| thread::status_from_io(&e))?;
        Ok(info.strong_count)
    }

    /// Sets the local object that answers transactions to handle 0 (AOSP
    /// `IPCThreadState::setTheContextObject`).
    pub fn set_context_object(&self, binder: &SpIBinder) {
        *lock(&self.context_object) = Some(binder.clone());
    }

    /// [`become_context_manager`](ProcessState::become_context_manager) and
    /// [`set_context_object`](ProcessState::set_context_object).
    pub fn become_context_manager_with(&self, binder: &SpIBinder) -> Result<(), StatusCode> {
        self.set_context_object(binder);
        self.become_context_manager()
    }

    pub(crate) fn the_context_object(&self) -> Option<SpIBinder> {
        lock(&self.context_object).clone()
    }

    /// Whether this process is the context manager.
    pub fn is_context_manager(&self) -> bool {
        self.is_context_manager.load(Ordering::SeqCst)
    }

    /// The context object (handle 0, AOSP `getContextObject`): our own local object if we are
    /// the manager, else a proxy; `DEAD_OBJECT` if no manager is registered.
    pub fn context_object(&self) -> Result<SpIBinder, StatusCode> {
        if self.is_context_manager() {
            if let Some(b) = self.the_context_object() {
                return Ok(b);
            }
        }
        self.get_strong_proxy_for_handle(0)
    }

    /// The cached proxy for `handle`, weakly (AOSP `getWeakProxyForHandle` without creating
    /// one: a proxy made from a weak reference could never become strong here).
    pub(crate) fn live_proxy_for_handle(&self, handle: u32) -> Option<Weak<ProxyInner>> {
        lock(&self.handles).get(&handle).map(|e| e.proxy.clone())
    }

    /// The proxy for `handle` (AOSP `getStrongProxyForHandle`): the cached one if it is still
    /// alive, else a new one. A proxy whose last strong reference is being dropped is never
    /// handed out: its `Weak` no longer upgrades, and the new proxy takes over the driver
    /// references of the cache entry (so the dying one does not release them).
    pub fn get_strong_proxy_for_handle(&self, handle: u32) -> Result<SpIBinder, StatusCode> {
        self.check_pid()?;
        let cached = lock(&self.handles).contains_key(&handle);
        if handle == 0 && !cached && !self.is_context_manager() {
            // As AOSP: make sure a manager exists before taking references to handle 0.
            let data = Parcel::new();
            match thread::transact(0, PING_TRANSACTION, &data, 0) {
                Err(StatusCode::DEAD_OBJECT) => return Err(StatusCode::DEAD_OBJECT),
                Err(e) => tracing::debug!(?e, "ping of the context manager failed"),
                Ok(_) => {}
            }
        }
        let mut handles = lock(&self.handles);
        if let Some(entry) = handles.get_mut(&handle) {
            if let Some(p) = entry.proxy.upgrade() {
                return Ok(SpIBinder::from_proxy(p));
            }
            let p = Arc::new(ProxyInner::new(handle));
            entry.proxy = Arc::downgrade(&p);
            return Ok(SpIBinder::from_proxy(p));
        }
        let p = Arc::new(ProxyInner::new(handle));
        handles.insert(
            handle,
            HandleEntry {
                proxy: Arc::downgrade(&p),
            },
        );
        // BC_INCREFS + BC_ACQUIRE, written before the lock is released so that the commands
        // for one handle reach the driver in order whatever the threads.
        thread::write_now(&thread::ref_commands(handle, true));
        drop(handles);
        Ok(SpIBinder::from_proxy(p))
    }

    /// Number of handles with a proxy cached (for tests and debugging).
    pub fn cached_handle_count(&self) -> usize {
        lock(&self.handles).len()
    }
}

//! The Binder driver as a pure, non-blocking state machine.
//!
//! The entry points mirror the kernel's file operations on a binder device: [`Context::open`],
//! [`Context::mmap`], [`Context::ioctl`], [`Context::poll`] and [`Context::release`]. One
//! [`Context`] is one device (`binder`, `hwbinder`, …) with its own context manager and handle
//! space.
//!
//! # Never blocking
//!
//! Where the kernel would sleep — a `BINDER_WRITE_READ` whose read half finds no work — the
//! core *parks* the calling thread and returns [`Completion::Parked`]. Any later operation that
//! gives a parked thread work reports it in its [`Outcome::wakes`] as [`Wake::Resume`]; the host
//! then calls [`Context::resume`] for that thread, which finishes its read exactly as the
//! kernel's woken thread would. Threads that polled are reported as [`Wake::Readable`]. The
//! core knows nothing of sockets, OS threads or time.
//!
//! Three more things hand control back to the host in the middle of an ioctl, each with its
//! own way back in:
//! - a transaction's payload copy ([`Completion::CopyPayload`] → [`Context::payload_copied`]):
//!   the transaction is prepared under the host's lock, copied without it, then committed, so
//!   no payload copy ever holds up the rest of the device;
//! - installing the files a transaction carries in the reader ([`Completion::InstallFiles`] →
//!   [`Context::files_installed`]);
//! - a `BINDER_FREEZE` waiting for transactions to drain ([`Completion::Waiting`] →
//!   [`Context::resume`] on a wake, or [`Context::timeout`]).
//!
//! # The outside world
//!
//! Memory and files come in through the traits of [`host`]; identity through
//! [`Credentials`], fixed at open.

mod alloc;
mod context;
mod debug;
mod debugfs;
mod freeze;
pub mod host;
mod node;
mod observe;
mod process;
mod stats;
mod thread;
mod transaction;
mod work;

pub use context::Context;
pub use debug::{BufferInfo, CallType, LogEntry, NodeInfo, ProcInfo, RefInfo, TransactionLog};
pub use host::{Env, Fault, FileRef, Files, ReceiveMemory, UserMemory};
pub use observe::{Event, EventKind, EventPage, NodeView, ProcView, Traffic};
pub use transaction::CopyOp;

/// The optional driver features this core implements, as binderfs lists them in its
/// `features/` directory (each file reads `1`).
pub const FEATURES: &[&str] = &[
    "oneway_spam_detection",
    "extended_error",
    "freeze_notification",
];

/// Identifies one open of a device (a `binder_proc`). Chosen by the core at open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProcId(pub u64);

/// A thread id as the host knows it (the kernel's `current->pid`).
pub type Tid = i32;

/// Who opened the device, as the host learned it from the OS (never from the process).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credentials {
    /// Thread-group id of the opener (`sender_pid` in transactions it sends).
    pub pid: i32,
    /// Effective uid of the opener (`sender_euid`).
    pub euid: u32,
    /// The opener's security label, delivered to nodes that ask for it
    /// (`FLAT_BINDER_FLAG_TXN_SECURITY_CTX`) exactly as given: include the terminating NUL
    /// where receivers expect a C string, as LSMs do.
    pub secctx: Vec<u8>,
}

/// A Linux errno value, as an ioctl returns it (positive).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Errno(pub i32);

impl Errno {
    pub const EPERM: Errno = Errno(1);
    pub const ENOENT: Errno = Errno(2);
    pub const ESRCH: Errno = Errno(3);
    pub const EINTR: Errno = Errno(4);
    pub const EBADF: Errno = Errno(9);
    pub const EAGAIN: Errno = Errno(11);
    pub const ENOMEM: Errno = Errno(12);
    pub const EFAULT: Errno = Errno(14);
    pub const EBUSY: Errno = Errno(16);
    pub const EINVAL: Errno = Errno(22);
    pub const ENOSPC: Errno = Errno(28);
    pub const EPROTO: Errno = Errno(71);

    /// The symbolic name, for logs.
    pub fn name(self) -> &'static str {
        match self.0 {
            1 => "EPERM",
            2 => "ENOENT",
            3 => "ESRCH",
            4 => "EINTR",
            9 => "EBADF",
            11 => "EAGAIN",
            12 => "ENOMEM",
            14 => "EFAULT",
            16 => "EBUSY",
            22 => "EINVAL",
            28 => "ENOSPC",
            71 => "EPROTO",
            _ => "E?",
        }
    }
}

impl core::fmt::Debug for Errno {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}({})", self.name(), self.0)
    }
}

impl core::fmt::Display for Errno {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Debug::fmt(self, f)
    }
}

impl From<Fault> for Errno {
    fn from(_: Fault) -> Self {
        Errno::EFAULT
    }
}

/// How an ioctl ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Completion {
    /// Finished, with the ioctl's return value or errno.
    Done(Result<i32, Errno>),
    /// The thread waits for work; a later [`Wake::Resume`] for it asks the host to call
    /// [`Context::resume`].
    Parked,
    /// A `BINDER_FREEZE` waits for transactions to drain: the host calls [`Context::resume`]
    /// on a [`Wake::Resume`], or [`Context::timeout`] once `timeout_ms` have passed.
    Waiting { timeout_ms: u32 },
    /// The read is delivering a transaction that carries files: the host installs them in the
    /// reading process, in order, as new descriptors (`O_CLOEXEC`), then reports the numbers
    /// (or the failure, e.g. `EMFILE`, having dropped them all) with
    /// [`Context::files_installed`]. The references are the host's from here on.
    InstallFiles(Vec<FileRef>),
    /// A transaction's payload is ready to be copied: the host makes these copies (from the
    /// senders' address spaces into receive buffers) without holding the core, then reports
    /// with [`Context::payload_copied`]. Until then the calling thread's ioctl is suspended.
    CopyPayload(Vec<CopyOp>),
    /// A [`Wake::Resume`] or a timer came for a thread that is no longer parked that way (it
    /// was answered meanwhile: a host's queue of wakes can name a thread twice): nothing to
    /// do, and nothing to answer.
    Stale,
}

/// A thread that an operation affected, for the host to act on once the core is unlocked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Wake {
    /// The thread's parked read now has work: call [`Context::resume`] for it.
    Resume(ProcId, Tid),
    /// The thread polled and its read would now find work.
    Readable(ProcId, Tid),
}

/// What an entry point returns: its completion and the threads it woke.
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use = "woken threads must be resumed or signalled by the host"]
pub struct Outcome<T> {
    /// The entry point's own result.
    pub result: T,
    /// Threads to resume or signal, in the order they were woken, each at most once.
    pub wakes: Vec<Wake>,
}

//! binderd: the driver as a Linux daemon — the kernel's place.
//!
//! Each device is a `SOCK_SEQPACKET` socket in the daemon's directory. Connecting is
//! `open()`: the process's identity is what `SO_PEERCRED` says, nothing else, and the
//! connection's end is its release (death included). Each client thread talks over a channel
//! of its own, proven to belong to the process by the token `open` returned and by its own
//! `SO_PEERCRED`. Receive buffers are memfds the daemon maps read-write and seals before
//! passing them, so clients can only map them read-only. Payloads are read with
//! `process_vm_readv` straight from the sender into the receiver's memfd: one copy.
//!
//! A few epoll workers serve every socket. A read that finds no work holds no thread: the core
//! parks it, and the worker whose operation later wakes it finishes the read and answers on
//! the parked thread's channel. One lock guards each device's core; messages are queued under
//! it, in order per socket, and sent after it is released.

mod control;
mod host;
mod server;
mod socket;

use std::fs::File;
use std::io::{self, Write};
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

pub use host::CopyStats;

/// Where binderd serves and what.
#[derive(Clone, Debug)]
pub struct Config {
    /// Directory holding one socket per device.
    pub dir: PathBuf,
    /// Device names (`binder`, `hwbinder`, `vndbinder`); each is an independent context.
    pub devices: Vec<String>,
    /// epoll worker threads (at least 1).
    pub workers: usize,
    /// The most connections (a process's open plus one per thread that makes ioctls) one uid
    /// may hold open at once, over every device; more are closed as they arrive, so that one
    /// user cannot take every descriptor binderd has.
    pub max_connections_per_uid: usize,
}

impl Config {
    /// The default devices (`CONFIG_ANDROID_BINDER_DEVICES`).
    pub const DEFAULT_DEVICES: [&'static str; 3] = ["binder", "hwbinder", "vndbinder"];

    /// Default devices in `dir`, one worker per core.
    pub fn new(dir: impl Into<PathBuf>) -> Config {
        Config {
            dir: dir.into(),
            devices: Self::DEFAULT_DEVICES
                .iter()
                .map(|s| s.to_string())
                .collect(),
            workers: std::thread::available_parallelism().map_or(2, |n| n.get()),
            max_connections_per_uid: Self::default_connections_per_uid(),
        }
    }

    /// An eighth of the descriptors binderd may open (its hard `RLIMIT_NOFILE`, to which it
    /// raises its soft limit at start), at least 256: a thread's connection costs binderd two
    /// (its socket and its mailbox's doorbell), so one uid at its limit holds a quarter.
    pub fn default_connections_per_uid() -> usize {
        // SAFETY: rlimit is plain data, filled by getrlimit.
        let hard = unsafe {
            let mut r: libc::rlimit = std::mem::zeroed();
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut r) != 0 {
                r.rlim_max = 1024;
            }
            r.rlim_max
        };
        (hard.min(1 << 22) as usize / 8).max(256)
    }

    /// `$BINDER_SIM_DIR`, else `$XDG_RUNTIME_DIR/binder-sim`, else `/tmp/binder-sim-$UID`.
    pub fn default_dir() -> PathBuf {
        if let Some(d) = std::env::var_os("BINDER_SIM_DIR").filter(|d| !d.is_empty()) {
            return d.into();
        }
        if let Some(d) = std::env::var_os("XDG_RUNTIME_DIR").filter(|d| !d.is_empty()) {
            return Path::new(&d).join("binder-sim");
        }
        // SAFETY: getuid cannot fail.
        PathBuf::from(format!("/tmp/binder-sim-{}", unsafe { libc::getuid() }))
    }
}

/// A running binderd. Dropping it shuts it down.
pub struct Daemon {
    shared: Arc<server::Shared>,
    workers: Vec<JoinHandle<()>>,
    dir: PathBuf,
    sockets: Vec<PathBuf>,
    lock_path: PathBuf,
    _lock: File,
}

impl Daemon {
    /// Binds the device sockets in `config.dir` (creating it) and starts the workers.
    ///
    /// Fails with `AddrInUse` when a live binderd owns the directory; stale sockets of a dead
    /// one are replaced.
    pub fn start(config: Config) -> io::Result<Daemon> {
        if config.devices.is_empty() {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "no devices"));
        }
        std::fs::create_dir_all(&config.dir)?;
        // Every connection is a descriptor: use all the kernel grants (systemd's soft default
        // of 1024 would be a few dozen processes).
        match crate::sys::raise_nofile_limit() {
            Ok(n) => tracing::debug!(limit = n, "descriptor limit"),
            Err(e) => tracing::warn!(%e, "cannot raise the descriptor limit"),
        }
        let lock_path = config.dir.join("binderd.pid");
        let mut lock = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock_path)?;
        // SAFETY: flock on our own open file.
        if unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
            let owner = std::fs::read_to_string(&lock_path).unwrap_or_default();
            return Err(io::Error::new(
                io::ErrorKind::AddrInUse,
                format!(
                    "binderd (pid {}) already serves {}",
                    owner.trim(),
                    config.dir.display()
                ),
            ));
        }
        lock.set_len(0)?;
        writeln!(lock, "{}", std::process::id())?;
        let mut sockets = Vec::new();
        let mut listeners = Vec::new();
        for name in &config.devices {
            if name.is_empty()
                || name.contains('/')
                || name == "binderd.pid"
                || name == crate::control::SOCKET_NAME
            {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("bad device name {name:?}"),
                ));
            }
            let path = config.dir.join(name);
            // We hold the lock: whatever socket is there belongs to a dead daemon.
            match std::fs::remove_file(&path) {
                Ok(()) => tracing::info!(path = %path.display(), "replaced stale socket"),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
            listeners.push((name.clone(), crate::sys::listen(&path)?));
            // Like /dev/binder (0666): anyone may open; identity comes from SO_PEERCRED.
            std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o666))?;
            sockets.push(path);
        }
        // The control socket: like debugfs, only for binderd's user and root (the mode keeps
        // others from connecting; binderd checks the peer's uid as well).
        let control_path = config.dir.join(crate::control::SOCKET_NAME);
        // We hold the lock: a socket there is a dead binderd's.
        let _ = std::fs::remove_file(&control_path);
        let control = std::os::unix::net::UnixListener::bind(&control_path)?;
        std::fs::set_permissions(
            &control_path,
            std::os::unix::fs::PermissionsExt::from_mode(0o600),
        )?;
        control.set_nonblocking(true)?;
        sockets.push(control_path);
        let shared = Arc::new(server::Shared::new(
            listeners,
            config.max_connections_per_uid.max(1),
        )?);
        let workers = (0..config.workers.max(1))
            .map(|i| {
                let s = shared.clone();
                std::thread::Builder::new()
                    .name(format!("binderd-{i}"))
                    .spawn(move || s.work())
            })
            .collect::<io::Result<Vec<_>>>()?;
        let mut workers = workers;
        let s = shared.clone();
        workers.push(
            std::thread::Builder::new()
                .name("binderd-ctl".into())
                .spawn(move || control::serve(s, control))?,
        );
        tracing::info!(dir = %config.dir.display(), devices = ?config.devices, "binderd serving");
        Ok(Daemon {
            shared,
            workers,
            dir: config.dir,
            sockets,
            lock_path,
            _lock: lock,
        })
    }

    /// The directory the sockets live in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The socket of device `name`.
    pub fn device_path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Bytes copied so far on each path, for device `name`.
    pub fn copy_stats(&self, name: &str) -> Option<CopyStats> {
        self.shared.copy_stats(name)
    }

    /// How many processes have device `name` open.
    pub fn processes(&self, name: &str) -> Option<usize> {
        self.shared.proc_count(name)
    }

    /// Waits until device `name` has exactly `n` processes open (releases are processed by
    /// the workers as connections end), at most `timeout`. False on timeout.
    pub fn wait_for_processes(&self, name: &str, n: usize, timeout: std::time::Duration) -> bool {
        self.shared.wait_procs(name, n, timeout)
    }

    /// Stops serving: every connection is closed, so clients' pending and later ioctls fail
    /// with `ECONNREFUSED`; sockets are removed.
    pub fn shutdown(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        self.shared.stop();
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
        self.shared.close_all();
        for s in &self.sockets {
            let _ = std::fs::remove_file(s);
        }
        let _ = std::fs::remove_file(&self.lock_path);
        tracing::info!("binderd stopped");
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        if !self.workers.is_empty() {
            self.stop();
        }
    }
}

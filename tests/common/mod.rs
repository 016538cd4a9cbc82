//! Real-process test support: a binderd in a temporary directory, child processes that are
//! this test binary re-run in a role, and a minimal byte-level binder client.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use binder_sim::driver::daemon::{Config, Daemon};
use binder_sim::driver::device::{Device, Mapping};
use binder_sim::driver::uapi::*;

/// A directory removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let p = std::env::temp_dir().join(format!("binder-sim-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        // Children that drop privileges must still reach the sockets.
        let _ = std::fs::set_permissions(&p, std::os::unix::fs::PermissionsExt::from_mode(0o777));
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A binderd serving one device `binder` in its own directory.
pub struct TestDaemon {
    pub daemon: Option<Daemon>,
    pub dir: TempDir,
}

impl TestDaemon {
    pub fn start(tag: &str) -> TestDaemon {
        let dir = TempDir::new(tag);
        let mut config = Config::new(&dir.0);
        config.devices = vec!["binder".into()];
        config.workers = 2;
        let daemon = Daemon::start(config).expect("binderd starts");
        TestDaemon {
            daemon: Some(daemon),
            dir,
        }
    }

    pub fn device(&self) -> PathBuf {
        self.dir.0.join("binder")
    }

    pub fn daemon(&self) -> &Daemon {
        self.daemon.as_ref().unwrap()
    }
}

/// The environment variable naming a child's role.
pub const ROLE: &str = "BINDER_SIM_TEST_ROLE";
pub const DEV: &str = "BINDER_SIM_TEST_DEVICE";

/// A child process running `role` of test `test` (the test function that dispatches roles),
/// talking lines over stdin/stdout. Killed and reaped on drop.
pub struct ChildProc {
    pub child: Child,
    stdout: BufReader<ChildStdout>,
    stdin: ChildStdin,
}

impl ChildProc {
    pub fn spawn(test: &str, role: &str, device: &Path) -> ChildProc {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", test, "--nocapture", "--test-threads=1"])
            .env(ROLE, role)
            .env(DEV, device)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn child");
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let stdin = child.stdin.take().unwrap();
        ChildProc {
            child,
            stdout,
            stdin,
        }
    }

    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    /// The next note the child wrote with `tell` (other test output is ignored),
    /// waiting at most 20 s.
    pub fn expect_line(&mut self) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            assert!(Instant::now() < deadline, "child said nothing in time");
            let mut line = String::new();
            let n = self.stdout.read_line(&mut line).expect("read child");
            assert!(n > 0, "child exited before saying anything");
            // The test harness may have printed on the same line before the note.
            if let Some(i) = line.find("@@") {
                return line[i + 2..].trim_end().to_string();
            }
        }
    }

    pub fn say(&mut self, line: &str) {
        writeln!(self.stdin, "{line}").unwrap();
        self.stdin.flush().unwrap();
    }

    /// `say` to a child that may have died: whether the line was written (added for
    /// tests/storms.rs).
    pub fn try_say(&mut self, line: &str) -> bool {
        writeln!(self.stdin, "{line}")
            .and_then(|_| self.stdin.flush())
            .is_ok()
    }

    /// Waits (at most 20 s) for the child to exit; its success.
    pub fn wait(mut self) -> bool {
        let pid = self.pid();
        let mut child = std::mem::replace(
            &mut self.child,
            Command::new("true").spawn().expect("spawn placeholder"),
        );
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || tx.send(child.wait().map(|s| s.success())));
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(r) => r.expect("wait for child"),
            Err(_) => {
                // SAFETY: killing our own child; the waiting thread then reaps it.
                unsafe { libc::kill(pid, libc::SIGKILL) };
                panic!("child {pid} did not exit in time");
            }
        }
    }

    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ChildProc {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

/// In a child: report to the parent.
pub fn tell(line: &str) {
    println!("@@{line}");
    std::io::stdout().flush().unwrap();
}

/// In a child: the next line from the parent.
pub fn hear() -> String {
    let mut l = String::new();
    std::io::stdin().read_line(&mut l).unwrap();
    l.trim_end().to_string()
}

/// A return item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Br {
    Noop,
    SpawnLooper,
    TransactionComplete,
    Transaction(Txn),
    Reply(Txn),
    DeadReply,
    FailedReply,
    DeadBinder(u64),
    Increfs(u64, u64),
    Acquire(u64, u64),
    Release(u64, u64),
    Decrefs(u64, u64),
    Other(u32),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Txn {
    pub td: BinderTransactionData,
    pub data: Vec<u8>,
    pub offsets: Vec<u64>,
}

/// A process's binder endpoint: device, mapping, and helpers that speak bytes.
pub struct Client {
    pub dev: Device,
    pub map: Mapping,
}

impl Client {
    pub fn open(path: &Path) -> Client {
        let dev = Device::open(path).expect("open device");
        let map = dev.mmap((1 << 20) - 8192).expect("mmap");
        Client { dev, map }
    }

    /// One BINDER_WRITE_READ: the commands, then a read of up to 256 bytes (0: no read).
    pub fn write_read(&self, cmds: &[u8], read: usize) -> std::io::Result<Vec<Br>> {
        let mut rbuf = vec![0u8; read];
        let mut bwr = BinderWriteRead {
            write_size: cmds.len() as u64,
            write_consumed: 0,
            write_buffer: cmds.as_ptr() as u64,
            read_size: read as u64,
            read_consumed: 0,
            read_buffer: rbuf.as_mut_ptr() as u64,
        };
        self.dev.write_read(&mut bwr)?;
        assert_eq!(bwr.write_consumed, cmds.len() as u64);
        Ok(self.parse(&rbuf[..bwr.read_consumed as usize]))
    }

    /// Reads until a transaction, reply or error arrives; returns everything read.
    pub fn read_until_txn(&self, cmds: &[u8]) -> std::io::Result<Vec<Br>> {
        let mut all = self.write_read(cmds, 256)?;
        while !all.iter().any(|b| {
            matches!(
                b,
                Br::Transaction(_)
                    | Br::Reply(_)
                    | Br::DeadReply
                    | Br::FailedReply
                    | Br::DeadBinder(_)
            )
        }) {
            all.extend(self.write_read(&[], 256)?);
        }
        Ok(all)
    }

    pub fn parse(&self, raw: &[u8]) -> Vec<Br> {
        let mut out = Vec::new();
        let mut i = 0;
        let u64_at = |i: usize| u64::from_ne_bytes(raw[i..i + 8].try_into().unwrap());
        while i + 4 <= raw.len() {
            let cmd = u32::from_ne_bytes(raw[i..i + 4].try_into().unwrap());
            i += 4;
            out.push(match cmd {
                BR_NOOP => Br::Noop,
                BR_SPAWN_LOOPER => Br::SpawnLooper,
                BR_TRANSACTION_COMPLETE => Br::TransactionComplete,
                BR_DEAD_REPLY => Br::DeadReply,
                BR_FAILED_REPLY => Br::FailedReply,
                BR_TRANSACTION | BR_REPLY => {
                    let td = BinderTransactionData::from_bytes(&raw[i..i + 64]).unwrap();
                    i += 64;
                    let t = Txn {
                        data: self.buffer(td.data_buffer(), td.data_size as usize),
                        offsets: self
                            .buffer(td.data_offsets(), td.offsets_size as usize)
                            .chunks_exact(8)
                            .map(|c| u64::from_ne_bytes(c.try_into().unwrap()))
                            .collect(),
                        td,
                    };
                    if cmd == BR_TRANSACTION {
                        Br::Transaction(t)
                    } else {
                        Br::Reply(t)
                    }
                }
                BR_DEAD_BINDER => {
                    i += 8;
                    Br::DeadBinder(u64_at(i - 8))
                }
                BR_INCREFS | BR_ACQUIRE | BR_RELEASE | BR_DECREFS => {
                    i += 16;
                    let (p, c) = (u64_at(i - 16), u64_at(i - 8));
                    match cmd {
                        BR_INCREFS => Br::Increfs(p, c),
                        BR_ACQUIRE => Br::Acquire(p, c),
                        BR_RELEASE => Br::Release(p, c),
                        _ => Br::Decrefs(p, c),
                    }
                }
                other => {
                    i += ioc_size(other) as usize;
                    Br::Other(other)
                }
            });
        }
        out
    }

    /// Bytes of the receive buffer at a user address inside it.
    pub fn buffer(&self, addr: u64, len: usize) -> Vec<u8> {
        let base = self.map.as_ptr() as u64;
        assert!(addr >= base && addr + len as u64 <= base + self.map.len() as u64);
        // SAFETY: inside our read-only mapping.
        unsafe { std::slice::from_raw_parts(addr as *const u8, len) }.to_vec()
    }
}

/// Command-stream builder. Payloads must outlive the ioctl that sends them, so it keeps them.
#[derive(Default)]
pub struct Cmds {
    pub bytes: Vec<u8>,
    keep: Vec<Vec<u8>>,
}

impl Cmds {
    pub fn new() -> Cmds {
        Cmds::default()
    }
    pub fn code(mut self, c: u32) -> Self {
        self.bytes.extend_from_slice(&c.to_ne_bytes());
        self
    }
    pub fn u32(mut self, v: u32) -> Self {
        self.bytes.extend_from_slice(&v.to_ne_bytes());
        self
    }
    pub fn u64(mut self, v: u64) -> Self {
        self.bytes.extend_from_slice(&v.to_ne_bytes());
        self
    }
    fn txn(
        mut self,
        cmd: u32,
        handle: u32,
        code: u32,
        flags: u32,
        data: &[u8],
        offsets: &[u64],
    ) -> Self {
        let d = data.to_vec();
        let o: Vec<u8> = offsets.iter().flat_map(|x| x.to_ne_bytes()).collect();
        let mut td = BinderTransactionData::default();
        td.set_target_handle(handle);
        td.code = code;
        td.flags = flags;
        td.data_size = d.len() as u64;
        td.offsets_size = o.len() as u64;
        td.set_data_ptr(d.as_ptr() as u64, o.as_ptr() as u64);
        self.keep.push(d);
        self.keep.push(o);
        self.bytes.extend_from_slice(&cmd.to_ne_bytes());
        self.bytes.extend_from_slice(td.as_bytes());
        self
    }
    pub fn call(self, handle: u32, code: u32, data: &[u8]) -> Self {
        self.txn(BC_TRANSACTION, handle, code, 0, data, &[])
    }
    pub fn call_objs(
        self,
        handle: u32,
        code: u32,
        flags: u32,
        data: &[u8],
        offsets: &[u64],
    ) -> Self {
        self.txn(BC_TRANSACTION, handle, code, flags, data, offsets)
    }
    pub fn oneway(self, handle: u32, code: u32, data: &[u8]) -> Self {
        self.txn(BC_TRANSACTION, handle, code, TF_ONE_WAY, data, &[])
    }
    pub fn reply(self, data: &[u8]) -> Self {
        self.txn(BC_REPLY, 0, 0, 0, data, &[])
    }
    pub fn reply_objs(self, data: &[u8], offsets: &[u64]) -> Self {
        self.txn(BC_REPLY, 0, 0, 0, data, offsets)
    }
    pub fn free(self, addr: u64) -> Self {
        self.code(BC_FREE_BUFFER).u64(addr)
    }
}

/// `B_PACK_CHARS('_','P','N','G')`, libbinder's PING_TRANSACTION.
pub const PING: u32 = b_pack_chars(b'_', b'P', b'N', b'G');

// ---------------------------------------------------------------------------------------------
// Bounded waits (added for tests/daemon_scenarios.rs)
// ---------------------------------------------------------------------------------------------

/// How long a scenario waits for any one event before failing the test.
pub const EVENT_TIMEOUT: Duration = Duration::from_secs(20);

impl ChildProc {
    /// The next note the child wrote with `tell`, waiting at most `timeout` even while the
    /// child is alive and silent (`expect_line` blocks in `read_line` until the child writes
    /// or exits).
    pub fn expect_line_within(&mut self, timeout: Duration) -> String {
        let pid = self.pid();
        match self.note_within(timeout) {
            Ok(line) => line,
            Err(NoNote::TimedOut) => panic!("child {pid} said nothing in {timeout:?}"),
            Err(NoNote::Exited) => panic!("child {pid} exited before saying anything"),
        }
    }
}

type Job = Box<dyn FnOnce() + Send>;

/// A thread that runs jobs one after another. Binder state is per thread (looper flags,
/// transaction stack), so a test drives one binder thread through one `BinderThread`, and
/// every job is awaited with a bound: a daemon that never answers fails the test instead of
/// hanging it. A job stuck past its bound is abandoned (the thread is never joined).
pub struct BinderThread {
    tx: std::sync::mpsc::Sender<Job>,
    /// The thread's kernel tid.
    pub tid: i32,
}

impl BinderThread {
    pub fn spawn(name: &str) -> BinderThread {
        let (tx, rx) = std::sync::mpsc::channel::<Job>();
        let (tid_tx, tid_rx) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name(name.to_string())
            .spawn(move || {
                // SAFETY: plain syscall.
                tid_tx.send(unsafe { libc::gettid() }).unwrap();
                for job in rx {
                    job();
                }
            })
            .expect("spawn binder thread");
        let tid = tid_rx.recv_timeout(EVENT_TIMEOUT).expect("thread started");
        BinderThread { tx, tid }
    }

    /// Starts `f` on the thread; its result arrives on the returned channel (nothing arrives
    /// if it panics).
    pub fn start<R: Send + 'static>(
        &self,
        f: impl FnOnce() -> R + Send + 'static,
    ) -> std::sync::mpsc::Receiver<R> {
        let (tx, rx) = std::sync::mpsc::channel();
        self.tx
            .send(Box::new(move || {
                let _ = tx.send(f());
            }))
            .expect("binder thread alive");
        rx
    }

    /// Runs `f` on the thread and waits for its result, at most `EVENT_TIMEOUT`.
    pub fn run<R: Send + 'static>(&self, f: impl FnOnce() -> R + Send + 'static) -> R {
        await_result(&self.start(f), EVENT_TIMEOUT, "binder thread job")
    }
}

/// The value `rx` delivers within `timeout`; panics naming `what` otherwise.
pub fn await_result<R>(rx: &std::sync::mpsc::Receiver<R>, timeout: Duration, what: &str) -> R {
    match rx.recv_timeout(timeout) {
        Ok(r) => r,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what}: no result in {timeout:?}")
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => panic!("{what}: panicked"),
    }
}

/// The `BC_INCREFS_DONE` / `BC_ACQUIRE_DONE` answers owed for the reference requests in
/// `got` (libbinder answers these at once; a node whose requests are never answered keeps
/// the extra reference the driver took).
pub fn ref_acks(got: &[Br]) -> Cmds {
    let mut c = Cmds::new();
    for b in got {
        c = match *b {
            Br::Increfs(p, k) => c.code(BC_INCREFS_DONE).u64(p).u64(k),
            Br::Acquire(p, k) => c.code(BC_ACQUIRE_DONE).u64(p).u64(k),
            _ => c,
        };
    }
    c
}

/// The `binderd` binary, built if this test run did not build it.
pub fn binderd_path() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap();
    let path = dir.join("binderd");
    if !path.exists() {
        let status = Command::new(env!("CARGO"))
            .args(["build", "-p", "binder-driver", "--bin", "binderd"])
            .status()
            .expect("cargo build binderd");
        assert!(status.success());
    }
    path
}

/// A `binderd` process (optionally as another uid), stopped and reaped on drop.
pub struct DaemonProc {
    pub child: Child,
    pub dir: TempDir,
}

impl DaemonProc {
    /// Starts binderd in a new directory and waits (at most 20 s) until it serves.
    pub fn start(tag: &str, uid: Option<u32>) -> DaemonProc {
        use std::os::unix::process::CommandExt;
        let dir = TempDir::new(tag);
        let mut binderd = binderd_path();
        if uid.is_some() {
            // Another uid may not reach the build directory (a checkout under a 0700
            // directory): it runs a copy from the test's own directory, which it can read.
            let copy = dir.0.join("binderd.bin");
            copy_executable(&binderd, &copy);
            binderd = copy;
        }
        let mut cmd = Command::new(binderd);
        cmd.args(["--dir", dir.0.to_str().unwrap(), "--devices", "binder"])
            .env("RUST_LOG", "info")
            .stderr(Stdio::piped());
        if let Some(uid) = uid {
            cmd.uid(uid).gid(uid);
        }
        let mut child = cmd.spawn().expect("spawn binderd");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stderr).lines();
            let mut sent = false;
            for line in lines.by_ref() {
                let Ok(line) = line else { break };
                if !sent && line.contains("binderd serving") {
                    sent = tx.send(()).is_ok();
                }
            }
        });
        if rx.recv_timeout(Duration::from_secs(20)).is_err() {
            let _ = child.kill();
            let _ = child.wait();
            panic!("binderd did not start");
        }
        DaemonProc { child, dir }
    }

    pub fn device(&self) -> PathBuf {
        self.dir.0.join("binder")
    }
}

impl Drop for DaemonProc {
    fn drop(&mut self) {
        // SAFETY: signalling our own child.
        unsafe { libc::kill(self.child.id() as i32, libc::SIGTERM) };
        let _ = self.child.wait();
    }
}

// ---------------------------------------------------------------------------------------------
// Notes without panicking (added for tests/hostile.rs)
// ---------------------------------------------------------------------------------------------

/// Why a child gave no note.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoNote {
    /// Its output ended: it exited or died.
    Exited,
    /// It stayed alive and silent for the whole wait.
    TimedOut,
}

impl ChildProc {
    /// The next note the child wrote with `tell`, or why none came within `timeout`: where
    /// `expect_line_within` panics, a test can then report how the child ended (a signal).
    pub fn note_within(&mut self, timeout: Duration) -> Result<String, NoNote> {
        use std::os::fd::AsRawFd as _;
        let deadline = Instant::now() + timeout;
        let mut line = Vec::new();
        loop {
            if self.stdout.buffer().is_empty() {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(NoNote::TimedOut);
                }
                let mut p = libc::pollfd {
                    fd: self.stdout.get_ref().as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                };
                let ms = left.as_micros().div_ceil(1000).min(i32::MAX as u128) as i32;
                // SAFETY: one valid pollfd.
                if unsafe { libc::poll(&mut p, 1, ms) } <= 0 {
                    continue; // timed out or interrupted: the deadline check decides
                }
            }
            let Ok(buf) = self.stdout.fill_buf() else {
                return Err(NoNote::Exited);
            };
            if buf.is_empty() {
                return Err(NoNote::Exited);
            }
            match buf.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    line.extend_from_slice(&buf[..i]);
                    self.stdout.consume(i + 1);
                    let s = String::from_utf8_lossy(&line).into_owned();
                    line.clear();
                    if let Some(j) = s.find("@@") {
                        return Ok(s[j + 2..].trim_end().to_string());
                    }
                }
                None => {
                    let n = buf.len();
                    line.extend_from_slice(buf);
                    self.stdout.consume(n);
                }
            }
        }
    }
}

/// A blocking `SOCK_SEQPACKET` connection to `path`, made by hand (no `Device`): what a
/// hostile client starts from.
pub fn raw_connect(path: &Path) -> std::io::Result<std::os::fd::OwnedFd> {
    use std::io;
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    use std::os::unix::ffi::OsStrExt;
    // SAFETY: plain syscall; the fd is ours on success.
    let fd = unsafe { libc::socket(libc::AF_UNIX, libc::SOCK_SEQPACKET | libc::SOCK_CLOEXEC, 0) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: just created.
    let fd = unsafe { OwnedFd::from_raw_fd(fd) };
    // SAFETY: sockaddr_un is plain data.
    let mut addr: libc::sockaddr_un = unsafe { std::mem::zeroed() };
    addr.sun_family = libc::AF_UNIX as libc::sa_family_t;
    let b = path.as_os_str().as_bytes();
    assert!(b.len() < addr.sun_path.len());
    for (d, &s) in addr.sun_path.iter_mut().zip(b) {
        *d = s as libc::c_char;
    }
    let len = std::mem::size_of::<libc::sa_family_t>() + b.len() + 1;
    // SAFETY: a valid sockaddr_un of that length.
    let r = unsafe {
        libc::connect(
            fd.as_raw_fd(),
            &addr as *const _ as *const libc::sockaddr,
            len as libc::socklen_t,
        )
    };
    if r < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(fd)
}

/// The `binderctl` binary, built if this test run did not build it.
pub fn binderctl_path() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let path = exe.parent().unwrap().parent().unwrap().join("binderctl");
    if !path.exists() {
        let status = Command::new(env!("CARGO"))
            .args(["build", "-p", "binder-driver", "--bin", "binderctl"])
            .status()
            .expect("cargo build binderctl");
        assert!(status.success());
    }
    path
}

/// Copies a program to `dst` (mode 0755) for another uid to run. The copy is written by a
/// child process (`install`): written here, its descriptor could be inherited by a child that
/// another test thread forks at that moment, and exec'ing the copy would then fail with
/// `ETXTBSY` until that child exec'd.
pub fn copy_executable(src: &Path, dst: &Path) {
    let status = Command::new("install")
        .args(["-m", "0755"])
        .arg(src)
        .arg(dst)
        .status()
        .expect("run install");
    assert!(
        status.success(),
        "install {} {}: {status}",
        src.display(),
        dst.display()
    );
}

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

    fn parse(&self, raw: &[u8]) -> Vec<Br> {
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

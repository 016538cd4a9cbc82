//! Real-process test support: a binderd in a temporary directory and children that are this
//! test binary re-run in a role, talking lines over stdin/stdout. Every wait is bounded.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use binder_driver::daemon::{Config, Daemon};

/// How long any single wait may take.
pub const WAIT: Duration = Duration::from_secs(20);

/// A directory removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let p = std::env::temp_dir().join(format!("libbinder-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// An in-process binderd serving one device `binder`. Field order: the daemon goes first.
pub struct TestDaemon {
    pub daemon: Daemon,
    pub dir: TempDir,
}

impl TestDaemon {
    pub fn start(tag: &str) -> TestDaemon {
        let dir = TempDir::new(tag);
        let mut config = Config::new(&dir.0);
        config.devices = vec!["binder".into()];
        config.workers = 2;
        let daemon = Daemon::start(config).expect("binderd starts");
        TestDaemon { daemon, dir }
    }

    pub fn device(&self) -> PathBuf {
        self.dir.0.join("binder")
    }
}

pub const ROLE: &str = "LIBBINDER_TEST_ROLE";
pub const DEV: &str = "LIBBINDER_TEST_DEVICE";
pub const ARG: &str = "LIBBINDER_TEST_ARG";

/// A child running `role` through the dispatching test `test`. Killed and reaped on drop.
pub struct ChildProc {
    pub child: Child,
    lines: mpsc::Receiver<String>,
    /// `None` once closed ([`ChildProc::close_and_wait`]).
    stdin: Option<ChildStdin>,
}

impl ChildProc {
    pub fn spawn(test: &str, role: &str, device: &Path, arg: &str) -> ChildProc {
        spawn_with_env(test, role, device, arg, &[])
    }

    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    /// The child's next note, waiting at most [`WAIT`].
    pub fn expect_line(&mut self) -> String {
        match self.lines.recv_timeout(WAIT) {
            Ok(l) => l,
            Err(mpsc::RecvTimeoutError::Timeout) => panic!("child said nothing in time"),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                panic!(
                    "child exited before saying anything: {:?}",
                    self.child.try_wait()
                )
            }
        }
    }

    /// The child's next note if it already said one, without waiting.
    pub fn try_line(&mut self) -> Option<String> {
        self.lines.try_recv().ok()
    }

    pub fn say(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        writeln!(stdin, "{line}").unwrap();
        stdin.flush().unwrap();
    }

    /// Closes the child's stdin (a child that serves until then stops) and waits, at most
    /// [`WAIT`], for it to exit: its stdout closing tells (notes it says meanwhile are
    /// skipped). One that does not exit in time is killed and fails the test.
    pub fn close_and_wait(&mut self) -> std::process::ExitStatus {
        self.stdin = None;
        loop {
            match self.lines.recv_timeout(WAIT) {
                Ok(_) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    self.kill9();
                    panic!("child did not exit after its stdin closed");
                }
            }
        }
        self.child.wait().unwrap()
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

/// In a child: the next line from the parent (empty at EOF).
pub fn hear() -> String {
    let mut l = String::new();
    std::io::stdin().read_line(&mut l).unwrap();
    l.trim_end().to_string()
}

/// In a child: exit when the parent closes stdin (it died or is done).
pub fn exit_on_stdin_eof() {
    std::thread::spawn(|| {
        let mut l = String::new();
        loop {
            l.clear();
            match std::io::stdin().read_line(&mut l) {
                Ok(0) | Err(_) => std::process::exit(0),
                Ok(_) if l.trim() == "exit" => std::process::exit(0),
                Ok(_) => {}
            }
        }
    });
}

/// [`ChildProc::spawn`] with extra environment variables (`None` removes one).
pub fn spawn_with_env(
    test: &str,
    role: &str,
    device: &Path,
    arg: &str,
    envs: &[(&str, Option<&str>)],
) -> ChildProc {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(ROLE, role)
        .env(DEV, device)
        .env(ARG, arg)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped());
    for (k, v) in envs {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    let mut child = cmd.spawn().expect("spawn child");
    let stdout: ChildStdout = child.stdout.take().unwrap();
    let stdin = child.stdin.take().unwrap();
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            // The harness may print on the same line before the note.
            if let Some(i) = line.find("@@") {
                if tx.send(line[i + 2..].trim_end().to_string()).is_err() {
                    break;
                }
            }
        }
    });
    ChildProc {
        child,
        lines,
        stdin: Some(stdin),
    }
}

/// Waits for `child` (its output piped) at most `wait`; one that takes longer is killed and
/// fails the test with what it printed until then, which says where it stuck.
pub fn finish(child: Child, name: &str, wait: Duration) -> Output {
    let pid = child.id() as i32;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(wait) {
        Ok(out) => out.unwrap(),
        Err(_) => {
            // SAFETY: kill has no memory-safety preconditions; the waiting thread reaps it.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            let said = match rx.recv_timeout(Duration::from_secs(5)) {
                Ok(Ok(out)) => format!(
                    "stdout:\n{}\nstderr:\n{}",
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                ),
                _ => "(its output could not be read)".into(),
            };
            panic!("{name} did not finish in time; {said}");
        }
    }
}

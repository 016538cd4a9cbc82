//! The quick start as the README runs it: binderd, servicemanager, the greeter service and the
//! client, four real processes on a binderd directory of the test's own; the client's output
//! is checked line by line. Every wait is bounded and every child reaped.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// How long any one step may take.
const WAIT: Duration = Duration::from_secs(30);

/// A directory removed on drop.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A long-running child, killed and reaped on drop, whose output lines (stdout or stderr,
/// whichever `spawn` was told) arrive on a channel.
struct Daemon {
    child: Child,
    lines: mpsc::Receiver<String>,
    name: &'static str,
}

impl Daemon {
    fn spawn(name: &'static str, mut cmd: Command, from_stderr: bool) -> Daemon {
        let (out, err) = if from_stderr {
            (Stdio::null(), Stdio::piped())
        } else {
            (Stdio::piped(), Stdio::null())
        };
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .unwrap_or_else(|e| panic!("spawn {name}: {e}"));
        let stream: Box<dyn Read + Send> = if from_stderr {
            Box::new(child.stderr.take().unwrap())
        } else {
            Box::new(child.stdout.take().unwrap())
        };
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Daemon { child, lines, name }
    }

    /// Waits (at most [`WAIT`]) for a line containing `what`.
    fn wait_for(&self, what: &str) {
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) if line.contains(what) => return,
                Ok(_) => {}
                Err(e) => panic!("{} never said {what:?} ({e:?})", self.name),
            }
        }
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// binderd and servicemanager, built into this test's target directory (a `cargo test` of
/// this package alone does not build other packages' binaries).
fn workspace_binaries() -> (PathBuf, PathBuf) {
    let status = Command::new(env!("CARGO"))
        .args([
            "build",
            "--quiet",
            "-p",
            "binder-driver",
            "--bin",
            "binderd",
        ])
        .args(["-p", "servicemanager", "--bin", "servicemanager"])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .status()
        .expect("cargo build runs");
    assert!(status.success(), "binderd and servicemanager build");
    let greeter = PathBuf::from(env!("CARGO_BIN_EXE_greeter-service"));
    let dir = greeter.parent().unwrap();
    (dir.join("binderd"), dir.join("servicemanager"))
}

#[test]
fn the_quick_start_runs_as_the_readme_says() {
    let (binderd, servicemanager) = workspace_binaries();
    let dir = TempDir(std::env::temp_dir().join(format!("aidl-quickstart-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&dir.0);
    std::fs::create_dir_all(&dir.0).unwrap();
    let env = |program: &Path| {
        let mut cmd = Command::new(program);
        // As the README's commands: binderd's default directory, no BINDER_DEVICE.
        cmd.env("BINDER_SIM_DIR", &dir.0)
            .env_remove("BINDER_DEVICE")
            .env("RUST_LOG", "info");
        cmd
    };

    let binderd = Daemon::spawn("binderd", env(&binderd), true);
    binderd.wait_for("binderd serving");
    let sm = Daemon::spawn("servicemanager", env(&servicemanager), true);
    sm.wait_for("servicemanager ready");
    let service = Daemon::spawn(
        "greeter-service",
        env(Path::new(env!("CARGO_BIN_EXE_greeter-service"))),
        false,
    );
    service.wait_for("serving com.example.greeter.IGreeter/default");

    for (args, expected) in [
        (
            &["Alice", "Bob"][..],
            "Hello, Alice!\nHello, Bob!\ngreet() calls served: 2\n",
        ),
        (&[][..], "Hello, Android!\ngreet() calls served: 3\n"),
    ] {
        let client = env(Path::new(env!("CARGO_BIN_EXE_greeter-client")))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn greeter-client");
        let pid = client.id() as i32;
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(client.wait_with_output());
        });
        let out = match rx.recv_timeout(WAIT) {
            Ok(out) => out.unwrap(),
            Err(_) => {
                // SAFETY: kill has no memory-safety preconditions; the thread above reaps it.
                unsafe { libc::kill(pid, libc::SIGKILL) };
                let _ = rx.recv_timeout(WAIT);
                panic!("greeter-client did not finish in time");
            }
        };
        assert!(
            out.status.success(),
            "greeter-client {args:?}: {:?}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    }
    // Stopped in the reverse order of their start.
    drop(service);
    drop(sm);
    drop(binderd);
}

//! What the example packages' tests share (included with `#[path]`): a temporary directory,
//! long-running children killed and reaped on drop, and the workspace's binderd and
//! servicemanager built for the test.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// How long any one step may take.
pub const WAIT: Duration = Duration::from_secs(30);

/// A directory removed on drop.
pub struct TempDir(pub PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A long-running child, killed and reaped on drop, whose output lines (stdout or stderr,
/// whichever `spawn` was told) arrive on a channel.
pub struct Daemon {
    pub child: Child,
    lines: mpsc::Receiver<String>,
    name: &'static str,
}

impl Daemon {
    pub fn spawn(name: &'static str, mut cmd: Command, from_stderr: bool) -> Daemon {
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
    pub fn wait_for(&self, what: &str) {
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

/// binderd and servicemanager, built into this test's target directory, beside `own_binary`
/// (one of the package's own; a `cargo test` of this package alone does not build other
/// packages' binaries).
pub fn workspace_binaries(own_binary: &Path) -> (PathBuf, PathBuf) {
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
    let dir = own_binary.parent().unwrap();
    (dir.join("binderd"), dir.join("servicemanager"))
}

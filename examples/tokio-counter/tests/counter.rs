//! The tokio example as a user runs it: binderd, servicemanager, the single-threaded
//! counter-service and counter-client, real processes on a binderd directory of the test's
//! own. The client's output is checked line by line, and the service's thread count from
//! outside (`/proc/PID/task`). Every wait is bounded and every child reaped.

#[path = "../../common/test_processes.rs"]
mod test_processes;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use test_processes::{Daemon, TempDir, WAIT};

/// binderd and servicemanager, beside this package's binaries.
fn workspace_binaries() -> (PathBuf, PathBuf) {
    test_processes::workspace_binaries(Path::new(env!("CARGO_BIN_EXE_counter-service")))
}

/// Runs counter-client with `args` (at most [`WAIT`]) and returns its stdout.
fn client(env: &dyn Fn(&Path) -> Command, args: &[&str]) -> String {
    let client = env(Path::new(env!("CARGO_BIN_EXE_counter-client")))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn counter-client");
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
            panic!("counter-client did not finish in time");
        }
    };
    assert!(
        out.status.success(),
        "counter-client {args:?}: {:?}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_single_threaded_tokio_daemon_serves_an_async_client() {
    let (binderd, servicemanager) = workspace_binaries();
    let dir = TempDir(std::env::temp_dir().join(format!("tokio-counter-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&dir.0);
    std::fs::create_dir_all(&dir.0).unwrap();
    let env = |program: &Path| {
        let mut cmd = Command::new(program);
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
        "counter-service",
        env(Path::new(env!("CARGO_BIN_EXE_counter-service"))),
        false,
    );
    service.wait_for("serving com.example.counter.ICounter/default on one thread");

    // Every call of a run is in flight at once; the service answers them in turn.
    let names = [
        "apples", "pears", "plums", "figs", "kiwis", "limes", "dates", "nuts",
    ];
    let mut expected: String = names.iter().map(|n| format!("{n} = 1\n")).collect();
    expected.push_str("service threads: 1\n");
    assert_eq!(client(&env, &names), expected);
    assert_eq!(
        client(&env, &["apples", "cherries"]),
        "apples = 2\ncherries = 1\nservice threads: 1\n"
    );
    // From outside too: the daemon is one thread.
    let tasks = std::fs::read_dir(format!("/proc/{}/task", service.child.id()))
        .unwrap()
        .count();
    assert_eq!(tasks, 1, "counter-service runs on one thread");
    // Stopped in the reverse order of their start.
    drop(service);
    drop(sm);
    drop(binderd);
}

//! The quick start as the README runs it: binderd, servicemanager, the greeter service and the
//! client, four real processes on a binderd directory of the test's own; the client's output
//! is checked line by line. Every wait is bounded and every child reaped.

#[path = "../../common/test_processes.rs"]
mod test_processes;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use test_processes::{Daemon, TempDir, WAIT};

/// binderd and servicemanager, beside this package's binaries.
fn workspace_binaries() -> (PathBuf, PathBuf) {
    test_processes::workspace_binaries(Path::new(env!("CARGO_BIN_EXE_greeter-service")))
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

//! Runs the demo (`cargo run --example demo`) as a newcomer would, and checks its steps, its
//! exit code and that it leaves no process and no directory behind.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// The demo binary `cargo test` builds next to this test (examples are built with the tests).
fn demo_binary() -> PathBuf {
    let deps = std::env::current_exe().unwrap();
    let dir = deps.parent().unwrap().parent().unwrap();
    dir.join("examples").join("demo")
}

#[test]
fn the_demo_runs_every_step_and_cleans_up() {
    let tmp = std::env::temp_dir().join(format!("binder-sim-demo-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).unwrap();
    let child = Command::new(demo_binary())
        .env("TMPDIR", &tmp)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the demo example is built with the tests");
    let pid = child.id() as i32;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let Ok(out) = rx.recv_timeout(Duration::from_secs(120)) else {
        // SAFETY: kill has no memory-safety preconditions; the waiting thread reaps it.
        unsafe { libc::kill(pid, libc::SIGKILL) };
        panic!("the demo did not finish in time");
    };
    let out = out.unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "exit {:?}\n{stdout}\n{stderr}",
        out.status
    );
    for expected in [
        "is the context manager (handle 0)",
        "found \"demo.echo\" and \"demo.store\" through handle 0",
        "sync call: echo(\"hello\") = \"echo: hello\"",
        "the service saw [1, 2, 3]",
        "call_back(cb, 20) = 41",
        "(ours, from the driver)",
        "refused: secret() -> Status(-1, EX_SECURITY)",
        "the store read \"shared through a memfd\"",
        "1.000 bytes per payload byte (0 inline)",
        "watcher",
        "gone: the service manager removed \"demo.echo\"",
        "All 8 steps passed.",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in:\n{stdout}"
        );
    }
    assert_eq!(
        stdout.matches("died: demo.echo reported dead").count(),
        2,
        "{stdout}"
    );
    assert_eq!(stdout.matches("  ✓ ").count(), 8, "{stdout}");

    // Every process the demo started is gone (reaped by it), and so is its directory.
    for line in stdout.lines() {
        let Some(start) = line.find(" [") else {
            continue;
        };
        let Some(len) = line[start + 2..].find(']') else {
            continue;
        };
        let Ok(child) = line[start + 2..start + 2 + len].parse::<i32>() else {
            continue;
        };
        // SAFETY: signal 0 only checks that the process exists.
        let alive = unsafe { libc::kill(child, 0) } == 0;
        assert!(!alive, "process {child} outlived the demo");
    }
    let left: Vec<_> = std::fs::read_dir(&tmp).unwrap().collect();
    assert!(left.is_empty(), "the demo left {left:?}");
    std::fs::remove_dir_all(&tmp).unwrap();
}

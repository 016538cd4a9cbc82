//! Runs the examples as a newcomer would, so that none of them rots: the demo (`cargo run
//! --example demo`, its steps, exit code, and that it leaves no process and no directory
//! behind) and each one-concept example, each on its own binderd directory.

#[path = "../libbinder/tests/support/mod.rs"]
mod support;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use support::{finish, TempDir};

/// How long an example may take.
const WAIT: Duration = Duration::from_secs(120);

/// An example binary `cargo test` builds next to this test (examples are built with the
/// tests).
fn example(name: &str) -> PathBuf {
    let deps = std::env::current_exe().unwrap();
    let dir = deps.parent().unwrap().parent().unwrap();
    dir.join("examples").join(name)
}

fn demo_binary() -> PathBuf {
    example("demo")
}

/// An example run to completion on binderd directory `dir` (within [`WAIT`]).
fn run(name: &str, dir: &Path, args: &[&str]) -> Output {
    let child = Command::new(example(name))
        .args(args)
        .env("BINDER_SIM_DIR", dir)
        .env_remove("BINDER_DEVICE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("example {name} is built with the tests: {e}"));
    finish(child, name, WAIT)
}

/// Its stdout, after checking that it succeeded.
fn succeeded(out: Output, name: &str) -> String {
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{name}: {:?}\n{stdout}\n{stderr}",
        out.status
    );
    stdout
}

fn assert_contains(stdout: &str, expected: &[&str]) {
    for e in expected {
        assert!(stdout.contains(e), "missing {e:?} in:\n{stdout}");
    }
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
    let Ok(out) = rx.recv_timeout(WAIT) else {
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

#[test]
fn echo_server_and_echo_client() {
    let dir = TempDir::new("ex-echo");
    let mut server = Command::new(example("echo_server"))
        .env("BINDER_SIM_DIR", &dir.0)
        .env_remove("BINDER_DEVICE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // Until the server says it serves (it prints what to run in the other terminal).
    let (tx, rx) = mpsc::channel();
    let stdout = server.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    while !seen
        .iter()
        .any(|l: &String| l.contains("cargo run --example echo_client"))
    {
        match rx.recv_timeout(WAIT) {
            Ok(l) => seen.push(l),
            Err(_) => {
                let _ = server.kill();
                let _ = server.wait();
                panic!("echo_server did not start: {seen:?}");
            }
        }
    }
    let out = succeeded(run("echo_client", &dir.0, &["hi there"]), "echo_client");
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(out, "echo: hi there\n");
    assert!(
        seen.iter().any(|l| l.contains("serving \"echo\"")),
        "{seen:?}"
    );
    // Its servicemanager child ends with it (stdin EOF): no socket user remains.
}

#[test]
fn echo_client_without_a_server_says_what_to_run() {
    let dir = TempDir::new("ex-noserver");
    let out = run("echo_client", &dir.0, &[]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cargo run --example echo_server"));
}

#[test]
fn death_watch_example() {
    let dir = TempDir::new("ex-death");
    let out = succeeded(run("death_watch", &dir.0, &[]), "death_watch");
    assert_contains(
        &out,
        &[
            "kill -9",
            "the driver reported \"victim\" dead",
            "is_binder_alive() = false",
        ],
    );
}

#[test]
fn fd_pass_example() {
    let dir = TempDir::new("ex-fd");
    let out = succeeded(run("fd_pass", &dir.0, &[]), "fd_pass");
    assert_contains(
        &out,
        &["sends its memfd", "read \"data in a memfd\" from its fd"],
    );
}

#[test]
fn callback_example() {
    let dir = TempDir::new("ex-callback");
    let out = succeeded(run("callback", &dir.0, &[]), "callback");
    assert_contains(
        &out,
        &[
            "on_event(3) in pid",
            "subscribe returned: ack 1, ack 2, ack 3",
        ],
    );
}

#[test]
fn large_payload_example() {
    let dir = TempDir::new("ex-large");
    let out = succeeded(run("large_payload", &dir.0, &[]), "large_payload");
    assert_contains(
        &out,
        &[
            "921600 bytes to pid",
            "contents checked",
            "1.000 per payload byte",
        ],
    );
}

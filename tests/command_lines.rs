//! Every binary answers `--help` and `--version`, and refuses a bad option with the usage
//! and status 2 (`service` and `dumpsys` keep AOSP's own syntax: their tests are elsewhere).

use std::path::PathBuf;
use std::process::Command;

/// A binary of the workspace, built if this test run did not build it.
fn binary(package: &str, name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let path = exe.parent().unwrap().parent().unwrap().join(name);
    if !path.exists() {
        let status = Command::new(env!("CARGO"))
            .args(["build", "-p", package, "--bin", name])
            .status()
            .expect("cargo build");
        assert!(status.success());
    }
    path
}

const BINARIES: [(&str, &str); 5] = [
    ("binder-driver", "binderd"),
    ("binder-driver", "binderctl"),
    ("servicemanager", "servicemanager"),
    ("binder-sim", "binder-bench"),
    ("binder-sim-preload", "binder-run"),
];

fn run(package: &str, name: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(binary(package, name))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_binary_answers_help_and_version() {
    for (package, name) in BINARIES {
        let (code, out, _) = run(package, name, &["--help"]);
        assert_eq!(code, 0, "{name} --help");
        assert!(
            out.contains(&format!("Usage: {name}")),
            "{name} --help: {out}"
        );
        let (code, out, _) = run(package, name, &["--version"]);
        assert_eq!(code, 0, "{name} --version");
        assert_eq!(out.trim(), format!("{name} {}", env!("CARGO_PKG_VERSION")));
    }
}

#[test]
fn every_binary_refuses_a_bad_option_with_its_usage() {
    for (package, name) in BINARIES {
        let (code, out, err) = run(package, name, &["--no-such-option"]);
        assert_eq!(code, 2, "{name}: {out}{err}");
        assert!(err.contains("--no-such-option"), "{name}: {err}");
        assert!(err.contains(&format!("Usage: {name}")), "{name}: {err}");
    }
}

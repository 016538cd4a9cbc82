//! Golden tests: the generator's output for `tests/golden/input/**.aidl`, byte for byte, and
//! every generated file parses as Rust.
//!
//! After an intended change of the output, regenerate the expected files with
//! `UPDATE_GOLDEN=1 cargo test -p binder-aidl --test golden` and review the diff.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use binder_aidl::{compile, Compiled, Options};

const INPUT: &str = "tests/golden/input";
const OUTPUT: &str = "tests/golden/output";

fn aidl_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            aidl_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "aidl") {
            out.push(p);
        }
    }
}

/// The two compilations the goldens hold: everything but the versioned interface, and the
/// versioned interface with `--version 3 --hash ...`.
fn compilations() -> Vec<(&'static str, Compiled)> {
    let mut all = Vec::new();
    aidl_files(Path::new(INPUT), &mut all);
    let (versioned, plain): (Vec<PathBuf>, Vec<PathBuf>) = all
        .into_iter()
        .partition(|p| p.ends_with("IVersioned.aidl"));
    let plain = compile(&Options {
        includes: vec![INPUT.into()],
        sources: plain,
        ..Options::default()
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let versioned = compile(&Options {
        includes: vec![INPUT.into()],
        sources: versioned,
        version: 3,
        hash: "9e7be1859820c59d9e4aab8d4b7f3d0e6e1fd3ab".into(),
        ..Options::default()
    })
    .unwrap_or_else(|e| panic!("{e}"));
    vec![("default", plain), ("versioned", versioned)]
}

/// Every expected file: the generated `.rs` files and the module tree (`aidl.rs`, with
/// paths relative to the output directory so that it does not depend on where it runs).
fn expected_files() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for (set, compiled) in compilations() {
        for f in &compiled.files {
            files.push((
                Path::new(OUTPUT).join(set).join(&f.relative_path),
                f.contents.clone(),
            ));
        }
        files.push((
            Path::new(OUTPUT).join(set).join("aidl.rs"),
            compiled.module_tree(Path::new("OUT")),
        ));
    }
    files
}

#[test]
fn generated_code_matches_the_golden_files() {
    let files = expected_files();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let _ = std::fs::remove_dir_all(OUTPUT);
        for (path, contents) in &files {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, contents).unwrap();
        }
    }
    let mut expected_paths = Vec::new();
    for (path, contents) in &files {
        let golden = std::fs::read_to_string(path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (run with UPDATE_GOLDEN=1 to create it)",
                path.display()
            )
        });
        if &golden != contents {
            let line = golden
                .lines()
                .zip(contents.lines())
                .position(|(a, b)| a != b)
                .map_or(golden.lines().count().min(contents.lines().count()), |n| n)
                + 1;
            panic!(
                "{} differs from the generated code at line {line}:\n  golden:    {:?}\n  generated: {:?}\n(run with UPDATE_GOLDEN=1 to regenerate after an intended change)",
                path.display(),
                golden.lines().nth(line - 1).unwrap_or(""),
                contents.lines().nth(line - 1).unwrap_or("")
            );
        }
        expected_paths.push(path.clone());
    }
    // No stale golden file for a type that is no longer generated.
    let mut on_disk = Vec::new();
    collect_files(Path::new(OUTPUT), &mut on_disk);
    for p in on_disk {
        assert!(
            expected_paths.contains(&p),
            "{} is not generated any more",
            p.display()
        );
    }
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            collect_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A directory of its own for one check, removed afterwards.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let p = std::env::temp_dir().join(format!("binder-aidl-golden-{}-{n}", std::process::id()));
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

/// Runs rustfmt on a file and returns its complaint if it cannot parse it (or a module it
/// declares).
fn rust_syntax_error(file: &Path) -> Option<String> {
    let out = Command::new("rustfmt")
        .args(["--edition", "2021", "--emit", "stdout"])
        .arg(file)
        .output()
        .expect("rustfmt is installed");
    if out.status.success() {
        None
    } else {
        Some(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

#[test]
fn every_generated_file_parses_as_rust() {
    for (set, compiled) in compilations() {
        let dir = TempDir::new();
        let written = compiled.write_to(&dir.0).unwrap();
        assert!(!written.is_empty());
        for file in written {
            if let Some(e) = rust_syntax_error(&file) {
                panic!("{set}: {} does not parse as Rust:\n{e}", file.display());
            }
        }
        // The module tree, with the files it names in place.
        let tree = dir.0.join("aidl.rs");
        std::fs::write(&tree, compiled.module_tree(&dir.0)).unwrap();
        if let Some(e) = rust_syntax_error(&tree) {
            panic!("{set}: the module tree does not parse as Rust:\n{e}");
        }
    }
}

#[test]
fn the_syntax_check_rejects_broken_rust() {
    // The check above would be worthless if rustfmt skipped files marked `rustfmt_skip`
    // before parsing them.
    let dir = TempDir::new();
    let file = dir.0.join("x.rs");
    std::fs::write(
        &file,
        "#![cfg_attr(rustfmt, rustfmt_skip)]\npub fn f( -> {}\n",
    )
    .unwrap();
    assert!(rust_syntax_error(&file).is_some());
    std::fs::write(
        &file,
        "#![cfg_attr(rustfmt, rustfmt_skip)]\npub fn f() {}\n",
    )
    .unwrap();
    assert!(rust_syntax_error(&file).is_none());
}

#[test]
fn generation_is_deterministic() {
    let a = expected_files();
    let b = expected_files();
    assert_eq!(a, b);
}

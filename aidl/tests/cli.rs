//! The `binder-aidl` command line: AOSP `aidl`'s options, its output layout, its errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let p = std::env::temp_dir().join(format!("binder-aidl-cli-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_binder-aidl"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("binder-aidl runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn help_lists_aosp_options() {
    let dir = TempDir::new();
    let o = run(&dir.0, &["--help"]);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    for opt in [
        "--lang",
        "--include",
        "--out",
        "--version",
        "--hash",
        "--structured",
        "--stability",
        "Usage: binder-aidl --lang=rust",
    ] {
        assert!(out.contains(opt), "--help lacks {opt}:\n{out}");
    }
}

#[test]
fn an_unknown_option_is_an_error_with_usage() {
    let dir = TempDir::new();
    let o = run(
        &dir.0,
        &["--lang=rust", "-o", "out", "--frobnicate", "x.aidl"],
    );
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("unexpected argument '--frobnicate'"), "{e}");
    assert!(e.contains("Usage: binder-aidl --lang=rust"), "{e}");
}

#[test]
fn version_takes_a_number_as_in_aosp() {
    // In AOSP's aidl, --version is the interface version, not the tool's.
    let dir = TempDir::new();
    let o = run(&dir.0, &["--version"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("a value is required for '--version <N>'"),
        "{}",
        stderr(&o)
    );
    let o = run(
        &dir.0,
        &["--lang=rust", "-o", "out", "--version", "three", "a.aidl"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("invalid value 'three'"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn only_rust_is_generated() {
    let dir = TempDir::new();
    dir.write("a/IFoo.aidl", "package a; interface IFoo {}");
    let o = run(&dir.0, &["--lang=java", "-o", "out", "a/IFoo.aidl"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unsupported language 'java'"),
        "{}",
        stderr(&o)
    );
    assert!(!dir.0.join("out").exists());
}

#[test]
fn output_follows_the_package_path() {
    let dir = TempDir::new();
    dir.write(
        "src/com/example/IFoo.aidl",
        "package com.example;\nimport com.example.data.Item;\ninterface IFoo { Item get(); }\n",
    );
    dir.write(
        "src/com/example/data/Item.aidl",
        "package com.example.data;\nparcelable Item { int id; }\n",
    );
    dir.write("src/Top.aidl", "parcelable Top { int x; }\n");
    let o = run(
        &dir.0,
        &[
            "--lang=rust",
            "-I",
            "src",
            "-o",
            "out",
            "src/com/example/IFoo.aidl",
            "src/com/example/data/Item.aidl",
            "src/Top.aidl",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let foo = std::fs::read_to_string(dir.0.join("out/com/example/IFoo.rs")).unwrap();
    assert!(foo.contains("pub use super::r#IFoo as _3_com_7_example_4_IFoo;"));
    assert!(foo.contains("crate::mangled::_3_com_7_example_4_data_4_Item"));
    assert!(dir.0.join("out/com/example/data/Item.rs").is_file());
    assert!(dir.0.join("out/Top.rs").is_file());
    // A file named twice is compiled once.
    let o = run(
        &dir.0,
        &[
            "--lang=rust",
            "-Isrc",
            "-o",
            "out3",
            "src/Top.aidl",
            "./src/Top.aidl",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.0.join("out3/Top.rs").is_file());
    // Only the files asked for are generated, not their imports.
    let o = run(
        &dir.0,
        &[
            "--lang=rust",
            "-Isrc",
            "--out=out2",
            "src/com/example/IFoo.aidl",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.0.join("out2/com/example/IFoo.rs").is_file());
    assert!(!dir.0.join("out2/com/example/data").exists());
}

#[test]
fn versioning_and_stability_options_reach_the_output() {
    let dir = TempDir::new();
    dir.write("a/IFoo.aidl", "package a;\ninterface IFoo { void f(); }\n");
    let o = run(
        &dir.0,
        &[
            "--lang=rust",
            "--structured",
            "--stability=vintf",
            "--version=4",
            "--hash=abcdef",
            "-o",
            "out",
            "a/IFoo.aidl",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(dir.0.join("out/a/IFoo.rs")).unwrap();
    assert!(text.contains("pub const VERSION: i32 = 4;"));
    assert!(text.contains("pub const HASH: &str = \"abcdef\";"));
    assert!(text.contains("stability: binder::binder_impl::Stability::Vintf,"));
    assert!(text.contains("FIRST_CALL_TRANSACTION + 16777214;"));
    let o = run(
        &dir.0,
        &[
            "--lang=rust",
            "--stability=vendor",
            "-o",
            "out",
            "a/IFoo.aidl",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unsupported stability 'vendor'"));
}

#[test]
fn an_aidl_error_fails_with_its_location() {
    let dir = TempDir::new();
    dir.write(
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    Missing get();\n}\n",
    );
    let o = run(&dir.0, &["--lang=rust", "-o", "out", "a/IFoo.aidl"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "ERROR: a/IFoo.aidl:3:5: Failed to resolve 'Missing'\n"
    );
    assert!(!dir.0.join("out").exists());
    let o = run(&dir.0, &["--lang=rust", "-o", "out", "a/Nope.aidl"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("ERROR: a/Nope.aidl: "),
        "{}",
        stderr(&o)
    );
}

//! The `build.rs` API on a tree of 20 `.aidl` files; prints how long a generation takes.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use binder_aidl::Builder;

mod common;
use common::tree::write_tree;

static COUNTER: AtomicUsize = AtomicUsize::new(0);

struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let p = std::env::temp_dir().join(format!("binder-aidl-build-{}-{n}", std::process::id()));
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

#[test]
fn builder_generates_a_twenty_file_tree() {
    let dir = TempDir::new();
    let src = dir.0.join("aidl");
    let files = write_tree(&src);
    let out = dir.0.join("out");
    let start = Instant::now();
    let generated = Builder::new()
        .include_dir(&src)
        .sources(files.iter())
        .output(&out)
        .generate()
        .unwrap_or_else(|e| panic!("{e}"));
    let elapsed = start.elapsed();
    eprintln!(
        "binder-aidl: generated {} files from {} .aidl files in {:.1} ms",
        generated.files.len(),
        files.len(),
        elapsed.as_secs_f64() * 1e3
    );
    assert_eq!(generated.files.len(), 20);
    assert_eq!(generated.inputs.len(), 20);
    assert_eq!(generated.module_file, out.join("aidl.rs"));
    for f in &generated.files {
        assert!(f.is_absolute() && f.is_file(), "{}", f.display());
    }
    let tree = std::fs::read_to_string(&generated.module_file).unwrap();
    let service = out.join("com/example/service/IService0.rs");
    assert!(tree.contains(&format!("#[path = {:?}]", service.display().to_string())));
    assert!(tree.contains("pub use super::aidl::com::example::service::IService0::mangled::*;"));
    assert!(tree.contains("pub use super::aidl::com::example::model::Record5::mangled::*;"));
    let text = std::fs::read_to_string(&service).unwrap();
    assert!(text.contains("fn r#list<'a, 'l1, 'l2, >(&'a self, _arg_ids: &'l1 [i32], _arg_missing: &'l2 mut Vec<i32>) -> binder::Result<Vec<crate::mangled::_3_com_7_example_5_model_7_Record0>>;"));

    // Unchanged input: no file is rewritten, so cargo sees nothing new.
    let before = std::fs::metadata(&service).unwrap().modified().unwrap();
    let again = Builder::new()
        .include_dir(&src)
        .sources(files.iter())
        .output(&out)
        .generate()
        .unwrap();
    assert_eq!(again.files, generated.files);
    assert_eq!(
        std::fs::metadata(&service).unwrap().modified().unwrap(),
        before
    );
}

#[test]
fn builder_reports_aidl_errors() {
    let dir = TempDir::new();
    let f = dir.0.join("a/IBad.aidl");
    std::fs::create_dir_all(f.parent().unwrap()).unwrap();
    std::fs::write(&f, "package a;\ninterface IBad { Nope f(); }\n").unwrap();
    let err = Builder::new()
        .include_dir(&dir.0)
        .source(&f)
        .output(dir.0.join("out"))
        .generate()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("ERROR: {}:2:18: Failed to resolve 'Nope'", f.display())
    );
    assert!(!dir.0.join("out/aidl.rs").exists());
}

#[test]
fn builder_without_sources_is_a_usage_error() {
    let dir = TempDir::new();
    let err = Builder::new().output(&dir.0).generate().unwrap_err();
    assert_eq!(err.to_string(), "ERROR: No input file");
}

#[test]
fn builder_takes_every_aidl_file_under_a_directory() {
    let dir = TempDir::new();
    let src = dir.0.join("aidl");
    let mut files = write_tree(&src);
    // Not an .aidl file: ignored.
    std::fs::write(src.join("README"), "not AIDL").unwrap();
    let generated = Builder::new()
        .include_dir(&src)
        .sources_under(&src)
        .output(dir.0.join("out"))
        .generate()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(generated.files.len(), 20);
    files.sort();
    let read: Vec<_> = generated
        .inputs
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "aidl"))
        .cloned()
        .collect();
    assert_eq!(read.len(), 20);
    assert!(read.iter().all(|p| files.contains(p)), "{read:?}");
    // The directories are inputs too: a file added to one reruns the build script.
    assert!(generated.inputs.contains(&src));
    assert!(generated.inputs.contains(&src.join("com/example/service")));

    let missing = dir.0.join("absent");
    let err = Builder::new()
        .sources_under(&missing)
        .output(dir.0.join("out2"))
        .generate()
        .unwrap_err();
    assert!(
        err.to_string().contains(&missing.display().to_string()),
        "{err}"
    );
}

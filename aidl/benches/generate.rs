//! What the generator adds to a build: parsing, checking and generating 20 `.aidl` files
//! (a `Builder::generate()` into a directory, as a build script runs it).

use criterion::{criterion_group, criterion_main, Criterion};

#[path = "../tests/common/tree.rs"]
mod tree;

fn generate_twenty_files(c: &mut Criterion) {
    let root = std::env::temp_dir().join(format!("binder-aidl-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let files = tree::write_tree(&root.join("aidl"));
    let out = root.join("out");
    c.bench_function("builder_generate_20_aidl_files", |b| {
        b.iter(|| {
            // A fresh output directory each time: the first build of a crate.
            let _ = std::fs::remove_dir_all(&out);
            binder_aidl::Builder::new()
                .include_dir(root.join("aidl"))
                .sources(files.iter())
                .output(&out)
                .generate()
                .expect("the tree compiles")
        })
    });
    c.bench_function("compile_20_aidl_files_in_memory", |b| {
        b.iter(|| {
            binder_aidl::compile(&binder_aidl::Options {
                includes: vec![root.join("aidl")],
                sources: files.clone(),
                ..Default::default()
            })
            .expect("the tree compiles")
        })
    });
    let _ = std::fs::remove_dir_all(&root);
}

criterion_group!(benches, generate_twenty_files);
criterion_main!(benches);

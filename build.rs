//! Generates the examples' interfaces from `examples/aidl/` (each example `include!`s the
//! module tree `aidl.rs` at its root) and the benches' from `benches/aidl/` (module tree
//! `benches/aidl.rs`).

fn aidl_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            aidl_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "aidl") {
            out.push(path);
        }
    }
}

/// Generates every `.aidl` file under `dir` into `$OUT_DIR/out`.
fn generate(dir: &str, out: &str) {
    let mut sources = Vec::new();
    aidl_files(std::path::Path::new(dir), &mut sources);
    sources.sort();
    let out_dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    binder_aidl::Builder::new()
        .include_dir(dir)
        .sources(sources)
        .output(out_dir.join(out))
        .generate()
        .unwrap_or_else(|e| panic!("{e}"))
        .rerun_if_changed();
}

fn main() {
    generate("examples/aidl", "");
    generate("benches/aidl", "benches");
}

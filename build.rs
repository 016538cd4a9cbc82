//! Generates the examples' interfaces from `examples/aidl/` (each example `include!`s the
//! module tree `aidl.rs` at its root) and the benches' from `benches/aidl/` (module tree
//! `benches/aidl.rs`).

/// Generates every `.aidl` file under `dir` into `$OUT_DIR/out`.
fn generate(dir: &str, out: &str) {
    let out_dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    binder_aidl::Builder::new()
        .include_dir(dir)
        .sources_under(dir)
        .output(out_dir.join(out))
        .generate()
        .unwrap_or_else(|e| panic!("{e}"))
        .rerun_if_changed();
}

fn main() {
    generate("examples/aidl", "");
    generate("benches/aidl", "benches");
}

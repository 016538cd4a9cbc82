// The interface the C++ side compiles with Debian's `aidl --lang=cpp` (compat/aosp/Makefile),
// compiled here with binder-aidl.
fn main() {
    let dir = std::path::Path::new("aidl/sim/xcheck");
    let mut sources: Vec<_> = std::fs::read_dir(dir)
        .expect("aidl/sim/xcheck")
        .map(|e| e.expect("directory entry").path())
        .collect();
    sources.sort();
    binder_aidl::Builder::new()
        .include_dir("aidl")
        .sources(sources)
        .generate()
        .unwrap_or_else(|e| panic!("{e}"))
        .rerun_if_changed();
}

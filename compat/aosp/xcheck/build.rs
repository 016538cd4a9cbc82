// The interface the C++ side compiles with Debian's `aidl --lang=cpp` (compat/aosp/Makefile),
// compiled here with binder-aidl.
fn main() {
    binder_aidl::Builder::new()
        .include_dir("aidl")
        .sources_under("aidl/sim/xcheck")
        .generate()
        .unwrap_or_else(|e| panic!("{e}"))
        .rerun_if_changed();
}

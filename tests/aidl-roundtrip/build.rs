fn main() {
    binder_aidl::Builder::new()
        .include_dir("aidl")
        .sources_under("aidl/sim/roundtrip")
        .generate()
        .unwrap_or_else(|e| panic!("{e}"))
        .rerun_if_changed();
}

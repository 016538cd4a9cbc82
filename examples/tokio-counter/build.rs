fn main() {
    binder_aidl::Builder::new()
        .include_dir("aidl")
        .source("aidl/com/example/counter/ICounter.aidl")
        .generate()
        .unwrap_or_else(|e| panic!("{e}"))
        .rerun_if_changed();
}

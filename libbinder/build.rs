//! Generates `android.os.IServiceManager` (Android 16), its callbacks and its parcelables from
//! `aidl/android/os/`, as AOSP builds libbinder's service-manager client from the same files.
//! The service-manager client here and the servicemanager daemon both use the result.

fn main() {
    let dir = std::path::Path::new("aidl/android/os");
    let mut sources: Vec<_> = std::fs::read_dir(dir)
        .expect("aidl/android/os")
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

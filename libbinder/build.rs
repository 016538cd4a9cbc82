//! Generates `android.os.IServiceManager` (Android 16), its callbacks and its parcelables from
//! `aidl/android/os/`, as AOSP builds libbinder's service-manager client from the same files.
//! The service-manager client here and the servicemanager daemon both use the result.

fn main() {
    binder_aidl::Builder::new()
        .include_dir("aidl")
        .sources_under("aidl/android/os")
        .generate()
        .unwrap_or_else(|e| panic!("{e}"))
        .rerun_if_changed();
}

//! Binder on tokio: `aidl/com/example/counter/ICounter.aidl`, compiled by `build.rs` into this
//! crate; `src/bin/counter-service.rs` serves it from a single-threaded tokio daemon on the
//! runtime's own reactor (no binder thread pool) and `src/bin/counter-client.rs` calls it
//! through async proxies.

// At the crate root, so that the generated files' `crate::mangled::...` paths resolve.
include!(concat!(env!("OUT_DIR"), "/aidl.rs"));

/// The name the service registers under.
pub const SERVICE_NAME: &str = "com.example.counter.ICounter/default";

/// How many threads this process has: the entries of `/proc/self/task`.
pub fn thread_count() -> std::io::Result<usize> {
    Ok(std::fs::read_dir("/proc/self/task")?.count())
}

//! binder-driver: the Linux Binder driver, simulated in userspace.
//!
//! - [`uapi`]: `linux/android/binder.h` (protocol 8, 64-bit layout) as Rust.
//! - [`core`]: the driver proper, a pure non-blocking state machine that any host (the
//!   `binderd` daemon, an in-process harness, a fuzzer) drives through file-operation entry
//!   points. It performs no syscalls, owns no threads and reads no clocks.

pub mod control;
pub mod core;
pub mod daemon;
pub mod device;
#[doc(hidden)]
pub mod fuzzing;
mod mailbox;
mod protocol;
mod sys;
pub mod uapi;

/// Sends this program's logs to stderr, filtered by `RUST_LOG` (`default` when it is unset or
/// invalid): what every binary of binder-sim does first. Libraries only log; binaries choose.
pub fn log_to_stderr(default: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    // A second call (a test that runs main twice) keeps the first subscriber.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

//! binder-driver: the Linux Binder driver, simulated in userspace.
//!
//! - [`uapi`]: `linux/android/binder.h` (protocol 8, 64-bit layout) as Rust.
//! - [`core`]: the driver proper, a pure non-blocking state machine that any host (the
//!   `binderd` daemon, an in-process harness, a fuzzer) drives through file-operation entry
//!   points. It performs no syscalls, owns no threads and reads no clocks.

pub mod core;
pub mod daemon;
pub mod device;
mod mailbox;
mod protocol;
mod sys;
pub mod uapi;

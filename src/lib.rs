//! binder-sim: Android's Binder IPC in userspace.
//!
//! This facade crate owns the project's examples, benches and multi-process tests and
//! re-exports the crates they use.

pub use binder_driver as driver;
pub use libbinder;
pub use servicemanager;

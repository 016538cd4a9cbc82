//! AOSP's `binder_tokio` crate for binder-sim: everything in [`libbinder::binder_tokio`]
//! under the crate name AOSP code uses, so that `use binder_tokio::{Tokio, TokioRuntime};`
//! builds with only Cargo.toml changed:
//!
//! ```toml
//! binder = { package = "libbinder", path = "…/libbinder" }
//! binder_tokio = { package = "binder-tokio", path = "…/libbinder/binder-tokio" }
//! ```
//!
//! (Renaming `libbinder` itself to `binder_tokio` would not do: its root holds the blocking
//! `get_interface` and friends, which `binder_tokio`'s async functions of the same names
//! must not meet.)

pub use libbinder::binder_tokio::*;

//! Code in the shape AOSP's AIDL Rust backend generates, one file per AIDL type.
#![allow(non_snake_case)]
pub mod IListener;
pub mod INotifier;

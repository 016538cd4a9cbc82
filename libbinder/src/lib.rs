//! libbinder: Android's Binder userspace library for binder-sim, following AOSP
//! `frameworks/native/libs/binder` and the shapes of the AOSP Rust `binder` crate.
//!
//! - [`parcel`]: [`Parcel`], the transaction container in AOSP's wire format (Android 11+),
//!   with its objects list of binders and file descriptors; the [`Parcelable`] trait;
//!   [`ParcelFileDescriptor`]; the interface token; stability levels.
//! - [`error`]: the transport [`StatusCode`] (`status_t`), the AIDL [`ExceptionCode`] and the
//!   [`Status`] at the head of every AIDL reply, and the [`Result`] alias (`Result<T, Status>`
//!   by default, `Result<T, StatusCode>` for transport-level operations).
//!
//! The process and thread state (`ProcessState`, `IPCThreadState`), binders (`BpBinder`,
//! `BBinder`), death recipients and the service-manager client build on these types and speak
//! the UAPI through `binder_driver::device`.

pub mod error;
pub mod parcel;

pub use error::{ExceptionCode, Result, Status, StatusCode};
pub use parcel::{InterfaceToken, Parcel, ParcelFileDescriptor, Parcelable};

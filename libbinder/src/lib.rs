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

pub mod binder;
pub mod error;
pub mod parcel;
pub mod process;
pub mod thread;

pub use binder::{
    Binder, DeathRecipient, Remotable, SpIBinder, TransactionCode, TransactionFlags, WpIBinder,
    DUMP_TRANSACTION, FIRST_CALL_TRANSACTION, FLAG_CLEAR_BUF, FLAG_ONEWAY, FLAG_PRIVATE_VENDOR,
    INTERFACE_TRANSACTION, LAST_CALL_TRANSACTION, PING_TRANSACTION, SHELL_COMMAND_TRANSACTION,
};
pub use error::{ExceptionCode, Result, Status, StatusCode};
pub use parcel::{InterfaceToken, Parcel, ParcelFileDescriptor, Parcelable};
pub use process::{ProcessError, ProcessState};
pub use thread::{
    clear_calling_identity, flush_commands, get_calling_pid, get_calling_uid,
    handle_polled_commands, restore_calling_identity, setup_polling,
};

//! libbinder: Android's Binder userspace library for binder-sim, following AOSP
//! `frameworks/native/libs/binder` and the shapes of the AOSP Rust `binder` crate, speaking the
//! Binder UAPI through `binder_driver::device` (binderd's device).
//!
//! - [`parcel`]: [`Parcel`], the transaction container in AOSP's wire format (Android 11+),
//!   with its objects list of binders and file descriptors; [`Parcelable`];
//!   [`ParcelFileDescriptor`]; the interface token; stability levels.
//! - [`error`]: the transport [`StatusCode`] (`status_t`), the AIDL [`ExceptionCode`] and the
//!   [`Status`] at the head of every AIDL reply, and [`Result`] (`Result<T, Status>`).
//! - [`process`]: [`ProcessState`], once per process: the device, its mapping, the thread
//!   pool, the context object (handle 0) and the handle→proxy cache.
//! - [`thread`]: the per-thread IPC state (AOSP's `IPCThreadState`): transactions, the
//!   command loop, calling identity, polling mode.
//! - [`binder`]: [`SpIBinder`]/[`WpIBinder`] for proxies and local objects ([`Binder`] of a
//!   [`Remotable`]), the strong/weak reference protocol, [`DeathRecipient`]s.
//! - [`interface`]: typed interfaces ([`Interface`], [`Strong`],
//!   [`declare_binder_interface!`]).
//! - [`service_manager`]: the `android.os.IServiceManager` client.

pub mod binder;
pub mod error;
pub mod interface;
pub mod parcel;
pub mod process;
pub mod service_manager;
pub mod thread;

pub use binder::{
    driver_holds_strong_ref, Binder, DeathRecipient, Remotable, SpIBinder, TransactionCode,
    TransactionFlags, WpIBinder, DUMP_TRANSACTION, FIRST_CALL_TRANSACTION, FLAG_CLEAR_BUF,
    FLAG_ONEWAY, FLAG_PRIVATE_VENDOR, INTERFACE_TRANSACTION, LAST_CALL_TRANSACTION,
    PING_TRANSACTION, SHELL_COMMAND_TRANSACTION,
};
pub use error::{ExceptionCode, Result, Status, StatusCode};
pub use interface::{Deserialize, FromIBinder, Interface, Serialize, Strong};
pub use parcel::{InterfaceToken, Parcel, ParcelFileDescriptor, Parcelable};
pub use process::{ProcessError, ProcessState};
pub use service_manager::{
    add_service, add_service_with, check_service, get_interface, get_service, is_declared,
    list_services, register_for_notifications, unregister_for_notifications, wait_for_service,
};
pub use thread::{
    clear_calling_identity, flush_commands, get_calling_pid, get_calling_uid,
    handle_polled_commands, restore_calling_identity, setup_polling,
};

/// For the macros' logging, so that users need no `tracing` dependency of their own.
#[doc(hidden)]
pub use tracing;

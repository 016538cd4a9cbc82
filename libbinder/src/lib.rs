//! libbinder: Android's Binder userspace library for binder-sim, with the API of AOSP's Rust
//! `binder` crate (`frameworks/native/libs/binder/rust`), speaking the Binder UAPI through
//! `binder_driver::device` (binderd's device).
//!
//! Code written against AOSP's crate, AIDL-generated code included, compiles against this
//! one with the dependency renamed (`binder = { package = "libbinder", path = ".." }`): the
//! root items below, [`binder_impl`] for what generated code needs, and the macros
//! [`declare_binder_interface!`], [`declare_binder_enum!`],
//! [`impl_serialize_for_parcelable!`] and [`impl_deserialize_for_parcelable!`].
//!
//! The modules hold the implementation, following C++ libbinder:
//!
//! - [`parcel`]: [`Parcel`](binder_impl::Parcel) in AOSP's wire format (Android 11+), with
//!   the AIDL (de)serialization traits and [`ParcelFileDescriptor`];
//! - [`error`]: [`StatusCode`] (`status_t`), [`ExceptionCode`], [`Status`], [`Result`];
//! - [`process`]: [`ProcessState`]: the device, its mapping, the thread pool, the handle
//!   cache; [`thread`]: the per-thread IPC state (AOSP's `IPCThreadState`);
//! - [`binder`]: [`SpIBinder`]/[`WpIBinder`], local objects ([`binder_impl::Binder`]),
//!   [`DeathRecipient`]s; [`interface`]: typed interfaces;
//! - [`service_manager`]: the `android.os.IServiceManager` client;
//! - [`binder_tokio`] (feature `tokio`, on by default): AOSP's `binder_tokio` (`Tokio`,
//!   `TokioRuntime`, async service look-ups) and serving binder on a tokio reactor with no
//!   thread pool ([`binder_tokio::serve_current_thread`]).

pub mod binder;
pub mod binder_async;
#[cfg(feature = "tokio")]
pub mod binder_tokio;
pub mod error;
pub mod interface;
mod macros;
pub mod parcel;
pub mod process;
pub mod service_manager;
mod state;
pub mod thread;

pub use binder::{DeathRecipient, SpIBinder, WpIBinder};
pub use binder_async::{BinderAsyncPool, BoxFuture};
pub use error::{ExceptionCode, Status, StatusCode};
pub use interface::{BinderFeatures, FromIBinder, IBinder, Interface, Strong, Weak};
pub use parcel::{ParcelFileDescriptor, Parcelable, ParcelableHolder};
pub use process::ProcessState;
pub use service_manager::{
    add_service, check_interface, check_service, get_declared_instances, get_interface,
    get_service, is_declared, wait_for_interface, wait_for_service,
};
pub use state::ThreadState;
pub use thread::is_handling_transaction;

/// A binder result: an AIDL [`Status`] on error (AOSP `binder::Result`).
pub type Result<T> = std::result::Result<T, Status>;

/// The items AIDL-generated code and hand-written binder code need beyond the root (AOSP
/// `binder::binder_impl`).
pub mod binder_impl {
    pub use crate::binder::{
        Binder, Remotable, TransactionCode, TransactionFlags, FIRST_CALL_TRANSACTION,
        FLAG_CLEAR_BUF, FLAG_ONEWAY, FLAG_PRIVATE_LOCAL, LAST_CALL_TRANSACTION,
    };
    pub use crate::binder_async::BinderAsyncRuntime;
    pub use crate::interface::{
        IBinderInternal, Proxy, Stability, ToAsyncInterface, ToSyncInterface,
    };
    pub use crate::parcel::{
        BorrowedParcel, Deserialize, DeserializeArray, DeserializeOption, Parcel,
        ParcelableMetadata, Serialize, SerializeArray, SerializeOption, NON_NULL_PARCELABLE_FLAG,
        NULL_PARCELABLE_FLAG,
    };
    /// `status_t`, the raw transport status.
    #[allow(non_camel_case_types)]
    pub type status_t = i32;
}

/// For the macros' logging, so that users need no `tracing` dependency of their own.
#[doc(hidden)]
pub use tracing;

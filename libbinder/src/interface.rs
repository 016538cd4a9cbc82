//! Typed interfaces, in the shape of AOSP Rust's `binder.rs`: [`Interface`], [`FromIBinder`],
//! the typed references [`Strong`] and [`Weak`], the binder traits [`IBinder`] and
//! [`IBinderInternal`], [`Proxy`], [`BinderFeatures`], [`Stability`], the async conversion
//! traits, and the macros AIDL-generated code uses:
//! [`declare_binder_interface!`](crate::declare_binder_interface),
//! [`declare_binder_enum!`](crate::declare_binder_enum),
//! [`impl_serialize_for_parcelable!`](crate::impl_serialize_for_parcelable) and
//! [`impl_deserialize_for_parcelable!`](crate::impl_deserialize_for_parcelable).
//!
//! Wire format (AIDL's): a request is the interface token then the arguments; the code of
//! the n-th method (from 0) is `FIRST_CALL_TRANSACTION + n`; a reply is the AIDL
//! [`Status`](crate::Status) header then the return value and the `out` arguments.
//!
//! Descriptor check: [`FromIBinder::try_from`] on a remote binder asks its descriptor once
//! (`INTERFACE_TRANSACTION`, cached by the proxy) and answers `BAD_TYPE` on a mismatch, as the
//! NDK's class association does; the stub also enforces the interface token of every call.

use std::any::Any;
use std::cmp::Ordering;
use std::ffi::CStr;
use std::fmt;
use std::io::Write;
use std::marker::PhantomData;
use std::ops::Deref;
use std::os::fd::AsRawFd;
use std::sync::Arc;

use crate::error::StatusCode;
use crate::ibinder::{SpIBinder, TransactionCode, TransactionFlags, WpIBinder};
use crate::parcel::{BorrowedParcel, Parcel};

type Result<T> = std::result::Result<T, StatusCode>;

/// Gives trait objects of an interface their concrete type back (AOSP uses `downcast-rs`
/// for the same purpose); implemented for every `'static` type.
#[doc(hidden)]
pub trait AsAny: Any {
    fn as_any(&self) -> &dyn Any;
}

impl<T: Any> AsAny for T {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A binder interface (AOSP `Interface`). Services implement it next to their AIDL trait,
/// usually with an empty `impl binder::Interface for MyService {}`.
pub trait Interface: Send + Sync + AsAny {
    /// The binder behind this object. Proxies, `Binder<BnFoo>` and `SpIBinder` have one; a
    /// plain implementation that was never wrapped with `BnFoo::new_binder` has none, and
    /// asking for it is a programming error (AOSP panics the same way).
    fn as_binder(&self) -> SpIBinder {
        panic!("this object is not a binder: wrap it with BnFoo::new_binder first");
    }

    /// `DUMP_TRANSACTION`: writes the object's state to `writer` (`dumpsys`).
    fn dump(&self, _writer: &mut dyn Write, _args: &[&CStr]) -> Result<()> {
        Ok(())
    }
}

/// Conversion of an untyped binder into a typed interface (AOSP `FromIBinder`), implemented
/// for `dyn IFoo` by [`declare_binder_interface!`](crate::declare_binder_interface).
pub trait FromIBinder: Interface {
    /// A local object of the interface's native type gives the local implementation (calls
    /// are direct); a remote one whose descriptor matches gives a proxy. `BAD_TYPE`
    /// otherwise.
    fn try_from(ibinder: SpIBinder) -> Result<Strong<Self>>;
}

/// The binder operations every binder has (AOSP `IBinder`).
pub trait IBinder {
    /// Runs `recipient` when the (remote) object dies.
    fn link_to_death(&mut self, recipient: &mut crate::DeathRecipient) -> Result<()>;

    /// Removes a link made by `link_to_death`.
    fn unlink_to_death(&mut self, recipient: &mut crate::DeathRecipient) -> Result<()>;

    /// `PING_TRANSACTION`.
    fn ping_binder(&mut self) -> Result<()>;
}

/// The binder operations generated code uses (AOSP `IBinderInternal`).
pub trait IBinderInternal: IBinder {
    /// Whether the object is (as far as this process knows) alive.
    fn is_binder_alive(&self) -> bool;

    /// Asks for the caller's security context on incoming calls.
    fn set_requesting_sid(&mut self, enable: bool);

    /// `DUMP_TRANSACTION` to the file descriptor of `fp`.
    fn dump<F: AsRawFd>(&mut self, fp: &F, args: &[&str]) -> Result<()>;

    /// The object's extension binder (`EXTENSION_TRANSACTION`).
    fn get_extension(&mut self) -> Result<Option<SpIBinder>>;

    /// A request parcel headed with the interface token.
    fn prepare_transact(&self) -> Result<Parcel>;

    /// Sends `data` (from [`prepare_transact`](IBinderInternal::prepare_transact)) and
    /// returns the reply (an empty parcel for oneway calls).
    fn submit_transact(
        &self,
        code: TransactionCode,
        data: Parcel,
        flags: TransactionFlags,
    ) -> Result<Parcel>;

    /// Prepares a request, lets `input_callback` write the arguments, and sends it. (AOSP's
    /// callback receives a `BorrowedParcel` by value; binder-sim's borrowed parcel is the
    /// parcel itself, so the callback receives `&mut` to it.)
    fn transact<F: FnOnce(&mut BorrowedParcel<'_>) -> Result<()>>(
        &self,
        code: TransactionCode,
        flags: TransactionFlags,
        input_callback: F,
    ) -> Result<Parcel> {
        let mut parcel = self.prepare_transact()?;
        input_callback(&mut parcel)?;
        self.submit_transact(code, parcel, flags)
    }
}

/// A remote proxy type (AOSP `Proxy`), implemented for `BpFoo` by
/// [`declare_binder_interface!`](crate::declare_binder_interface).
pub trait Proxy: Sized + Interface {
    /// The interface descriptor.
    fn get_descriptor() -> &'static str;

    /// A proxy for `binder`.
    fn from_binder(binder: SpIBinder) -> Result<Self>;
}

/// Options of a native service (AOSP `BinderFeatures`); build it with
/// `BinderFeatures { set_requesting_sid: true, ..BinderFeatures::default() }`.
#[derive(Clone, Copy, Debug, Default)]
pub struct BinderFeatures {
    /// Asks for callers' SELinux contexts. binder-sim has none: accepted, no effect.
    pub set_requesting_sid: bool,
    #[doc(hidden)]
    pub _non_exhaustive: (),
}

/// The stability of an interface (AOSP `Stability`): `Local` for the partition it is built
/// in, `Vintf` for `@VintfStability` interfaces.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stability {
    /// The partition's own interfaces.
    #[default]
    Local,
    /// Interfaces declared in the VINTF manifest.
    Vintf,
}

/// Links a synchronous interface to its async form for [`Strong::into_async`] (implemented
/// by the macro's `async:` arm).
pub trait ToAsyncInterface<P>: FromIBinder {
    /// `dyn IFooAsync<P>`.
    type Target: ?Sized + FromIBinder;
}

/// Links an async interface to its synchronous form for [`Strong::into_sync`].
pub trait ToSyncInterface: FromIBinder {
    /// `dyn IFoo`.
    type Target: ?Sized + FromIBinder;
}

/// A typed strong reference to a binder interface (AOSP `Strong<dyn IFoo>`): derefs to the
/// interface; clones share the same proxy or local object.
pub struct Strong<I: ?Sized>(Arc<I>);

impl<I: ?Sized> Strong<I> {
    /// Wraps an interface object (a proxy or a `Binder<BnFoo>`).
    pub fn new(inner: Box<I>) -> Strong<I> {
        Strong(Arc::from(inner))
    }
}

impl<I: FromIBinder + ?Sized> Strong<I> {
    /// The untyped binder.
    pub fn as_binder(&self) -> SpIBinder {
        Interface::as_binder(&*self.0)
    }

    /// A weak reference to the same object.
    pub fn downgrade(this: &Strong<I>) -> Weak<I> {
        Weak {
            weak_binder: this.as_binder().downgrade(),
            interface: PhantomData,
        }
    }

    /// The async form of the interface, served through the pool `P`.
    pub fn into_async<P>(self) -> Strong<<I as ToAsyncInterface<P>>::Target>
    where
        I: ToAsyncInterface<P>,
    {
        // The binder was associated with the interface when `self` was made (its descriptor
        // is cached), so the conversion cannot fail; AOSP unwraps here as well.
        FromIBinder::try_from(self.as_binder())
            .expect("a binder already associated with the interface converts to its async form")
    }

    /// The synchronous form of an async interface.
    pub fn into_sync(self) -> Strong<<I as ToSyncInterface>::Target>
    where
        I: ToSyncInterface,
    {
        // As in `into_async`.
        FromIBinder::try_from(self.as_binder())
            .expect("a binder already associated with the interface converts to its sync form")
    }
}

impl<I: ?Sized> Clone for Strong<I> {
    fn clone(&self) -> Self {
        Strong(self.0.clone())
    }
}

impl<I: ?Sized> Deref for Strong<I> {
    type Target = I;
    fn deref(&self) -> &I {
        &self.0
    }
}

impl<I: ?Sized> AsRef<I> for Strong<I> {
    fn as_ref(&self) -> &I {
        &self.0
    }
}

impl<I: ?Sized> std::borrow::Borrow<I> for Strong<I> {
    fn borrow(&self) -> &I {
        &self.0
    }
}

impl<I: FromIBinder + fmt::Debug + ?Sized> fmt::Debug for Strong<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<I: FromIBinder + ?Sized> PartialEq for Strong<I> {
    fn eq(&self, other: &Self) -> bool {
        self.as_binder() == other.as_binder()
    }
}

impl<I: FromIBinder + ?Sized> Eq for Strong<I> {}

impl<I: FromIBinder + ?Sized> PartialOrd for Strong<I> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<I: FromIBinder + ?Sized> Ord for Strong<I> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_binder().cmp(&other.as_binder())
    }
}

/// A typed weak reference (AOSP `Weak<dyn IFoo>`).
pub struct Weak<I: FromIBinder + ?Sized> {
    weak_binder: WpIBinder,
    interface: PhantomData<fn() -> Box<I>>,
}

impl<I: FromIBinder + ?Sized> Weak<I> {
    /// The interface again, if the object is still alive (`DEAD_OBJECT` otherwise).
    pub fn upgrade(&self) -> Result<Strong<I>> {
        self.weak_binder
            .promote()
            .ok_or(StatusCode::DEAD_OBJECT)
            .and_then(FromIBinder::try_from)
    }
}

impl<I: FromIBinder + ?Sized> Clone for Weak<I> {
    fn clone(&self) -> Self {
        Weak {
            weak_binder: self.weak_binder.clone(),
            interface: PhantomData,
        }
    }
}

impl<I: FromIBinder + ?Sized> fmt::Debug for Weak<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Weak(..)")
    }
}

/// What the stub answers when reading the arguments met a null where none is allowed: the
/// AIDL exception `EX_NULL_POINTER` in place of whatever was written (the C++ backend's
/// conversion of `UNEXPECTED_NULL`).
#[doc(hidden)]
pub fn null_pointer_reply(reply: &mut Parcel) -> Result<()> {
    reply.set_data_size(0)?;
    crate::Status::new_exception(crate::ExceptionCode::NULL_POINTER, None).write_to_parcel(reply)
}

/// Checks the interface token of a call with a user code before the stub reads it: any
/// failure (missing, truncated or another interface's token) is `BAD_TYPE`, as the NDK's
/// `checkInterface` answers, whatever the code.
#[doc(hidden)]
pub fn enforce_interface_for(code: TransactionCode, data: &Parcel, descriptor: &str) -> Result<()> {
    let user_code = (crate::ibinder::FIRST_CALL_TRANSACTION
        ..=crate::ibinder::LAST_CALL_TRANSACTION)
        .contains(&code);
    if user_code && data.enforce_interface(descriptor).is_err() {
        return Err(StatusCode::BAD_TYPE);
    }
    Ok(())
}

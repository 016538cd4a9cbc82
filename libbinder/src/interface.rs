//! Typed interfaces over binders, after the AOSP Rust `binder` crate: the [`Interface`] trait,
//! the typed strong handle [`Strong`], [`FromIBinder`], the [`Serialize`]/[`Deserialize`]
//! pair for AIDL arguments and returns, and
//! [`declare_binder_interface!`](crate::declare_binder_interface), which turns a descriptor and
//! a method list into an interface trait, a proxy and a stub.
//!
//! Wire format (AIDL-compatible):
//!
//! - request: the interface token ([`Parcel::write_interface_token`]) then the arguments in
//!   declaration order; the code of the n-th method (from 0) is `FIRST_CALL_TRANSACTION + n`.
//! - reply: the AIDL [`Status`](crate::Status) header (`i32` 0 on success) then the return
//!   value; an exception is the status header alone.
//! - `oneway` methods are sent with [`FLAG_ONEWAY`](crate::FLAG_ONEWAY) and have no reply.
//!
//! Descriptor check: [`FromIBinder::try_from`] checks a remote binder's descriptor eagerly, with
//! one `INTERFACE_TRANSACTION` round trip, and answers `BAD_TYPE` on a mismatch. (AOSP Rust
//! associates the class through the NDK, whose C++ `BpBinder` fetches and caches the
//! descriptor; binder-sim does not cache it.) The stub additionally enforces the interface
//! token of every call, so a proxy built on the wrong object still fails with `BAD_TYPE`
//! rather than running the wrong method.

use std::fmt;
use std::ops::Deref;
use std::os::fd::BorrowedFd;
use std::sync::Arc;

use crate::binder::SpIBinder;
use crate::error::StatusCode;
use crate::parcel::{Parcel, Parcelable};

/// A binder interface (AOSP Rust `Interface`). Implementations of a service implement it
/// (usually with an empty `impl`) next to the interface trait itself.
pub trait Interface: Send + Sync {
    /// The binder behind this object. Proxies and handles to local services return it; a
    /// plain implementation that was never wrapped as a binder has none and panics.
    fn as_binder(&self) -> SpIBinder {
        panic!("this object is not a binder: wrap it with BnFoo::new_binder first");
    }

    /// `DUMP_TRANSACTION`: writes the object's state to `fd`.
    fn dump(&self, _fd: BorrowedFd<'_>, _args: &[String]) -> Result<(), StatusCode> {
        Ok(())
    }
}

/// Conversion of an untyped binder into a typed interface (AOSP Rust `FromIBinder`),
/// implemented for `dyn IFoo` by [`declare_binder_interface!`](crate::declare_binder_interface).
pub trait FromIBinder: Interface {
    /// A local object of the interface's native type gives the local implementation (calls
    /// are direct); a remote one is checked with `INTERFACE_TRANSACTION` (see the module
    /// documentation) and gives a proxy. `BAD_TYPE` for a local object of another type or a
    /// remote one with another descriptor.
    fn try_from(ibinder: SpIBinder) -> Result<Strong<Self>, StatusCode>;
}

/// A typed strong reference to a binder interface (AOSP Rust `Strong<dyn IFoo>`): derefs to
/// the interface; cloning shares the same proxy or local implementation.
pub struct Strong<I: ?Sized>(Arc<I>);

impl<I: ?Sized> Strong<I> {
    /// Wraps an interface object (a proxy or a handle to a local implementation).
    pub fn new(inner: Box<I>) -> Strong<I> {
        Strong(Arc::from(inner))
    }
}

impl<I: Interface + ?Sized> Strong<I> {
    /// The untyped binder.
    pub fn as_binder(&self) -> SpIBinder {
        self.0.as_binder()
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

impl<I: Interface + ?Sized> fmt::Debug for Strong<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Strong({:?})", self.as_binder())
    }
}

impl<I: Interface + ?Sized> PartialEq for Strong<I> {
    fn eq(&self, other: &Self) -> bool {
        self.as_binder() == other.as_binder()
    }
}

impl<I: Interface + ?Sized> Eq for Strong<I> {}

/// A handle to a local implementation of an interface: calls go straight to `imp`, while
/// `as_binder` gives the binder it is served as. Built by `BnFoo::new_binder` and by
/// [`FromIBinder::try_from`] for a local object; not meant to be named by users.
#[doc(hidden)]
pub struct Local<I: ?Sized> {
    binder: SpIBinder,
    imp: Arc<I>,
}

impl<I: ?Sized> Local<I> {
    #[doc(hidden)]
    pub fn new(binder: SpIBinder, imp: Arc<I>) -> Local<I> {
        Local { binder, imp }
    }

    /// The implementation.
    pub fn implementation(&self) -> &I {
        &self.imp
    }
}

impl<I: ?Sized + Send + Sync> Interface for Local<I> {
    fn as_binder(&self) -> SpIBinder {
        self.binder.clone()
    }
}

// ---------------------------------------------------------------------------------------------
// Arguments and returns
// ---------------------------------------------------------------------------------------------

/// A value that can be written as an AIDL argument or return value.
pub trait Serialize {
    /// Writes `self` to `parcel`.
    fn serialize(&self, parcel: &mut Parcel) -> Result<(), StatusCode>;
}

/// A value that can be read as an AIDL argument or return value.
pub trait Deserialize: Sized {
    /// Reads a value written by [`Serialize::serialize`].
    fn deserialize(parcel: &mut Parcel) -> Result<Self, StatusCode>;
}

/// `void`: nothing on the wire.
impl Serialize for () {
    fn serialize(&self, _parcel: &mut Parcel) -> Result<(), StatusCode> {
        Ok(())
    }
}

impl Deserialize for () {
    fn deserialize(_parcel: &mut Parcel) -> Result<(), StatusCode> {
        Ok(())
    }
}

macro_rules! primitive {
    ($($ty:ty => $write:ident, $read:ident;)*) => {$(
        impl Serialize for $ty {
            fn serialize(&self, parcel: &mut Parcel) -> Result<(), StatusCode> {
                parcel.$write(*self)
            }
        }
        impl Deserialize for $ty {
            fn deserialize(parcel: &mut Parcel) -> Result<$ty, StatusCode> {
                parcel.$read()
            }
        }
    )*};
}

primitive! {
    i32 => write_i32, read_i32;
    i64 => write_i64, read_i64;
    u32 => write_u32, read_u32;
    u64 => write_u64, read_u64;
    bool => write_bool, read_bool;
    f32 => write_f32, read_f32;
    f64 => write_f64, read_f64;
}

/// AIDL `String`: a String16.
impl Serialize for String {
    fn serialize(&self, parcel: &mut Parcel) -> Result<(), StatusCode> {
        parcel.write_string16(self)
    }
}

impl Deserialize for String {
    fn deserialize(parcel: &mut Parcel) -> Result<String, StatusCode> {
        parcel.read_string16()
    }
}

/// AIDL `@nullable String`.
impl Serialize for Option<String> {
    fn serialize(&self, parcel: &mut Parcel) -> Result<(), StatusCode> {
        parcel.write_nullable_string16(self.as_deref())
    }
}

impl Deserialize for Option<String> {
    fn deserialize(parcel: &mut Parcel) -> Result<Option<String>, StatusCode> {
        parcel.read_nullable_string16()
    }
}

/// AIDL `byte[]`.
impl Serialize for Vec<u8> {
    fn serialize(&self, parcel: &mut Parcel) -> Result<(), StatusCode> {
        parcel.write_byte_vector(self)
    }
}

impl Deserialize for Vec<u8> {
    fn deserialize(parcel: &mut Parcel) -> Result<Vec<u8>, StatusCode> {
        parcel.read_byte_vector()
    }
}

/// AIDL `IBinder`.
impl Serialize for SpIBinder {
    fn serialize(&self, parcel: &mut Parcel) -> Result<(), StatusCode> {
        parcel.write_strong_binder(self)
    }
}

impl Deserialize for SpIBinder {
    fn deserialize(parcel: &mut Parcel) -> Result<SpIBinder, StatusCode> {
        parcel.read_strong_binder()
    }
}

/// AIDL `@nullable IBinder`.
impl Serialize for Option<SpIBinder> {
    fn serialize(&self, parcel: &mut Parcel) -> Result<(), StatusCode> {
        parcel.write_nullable_strong_binder(self.as_ref())
    }
}

impl Deserialize for Option<SpIBinder> {
    fn deserialize(parcel: &mut Parcel) -> Result<Option<SpIBinder>, StatusCode> {
        parcel.read_nullable_strong_binder()
    }
}

/// An AIDL interface argument (e.g. a callback): its binder.
impl<I: Interface + ?Sized> Serialize for Strong<I> {
    fn serialize(&self, parcel: &mut Parcel) -> Result<(), StatusCode> {
        parcel.write_strong_binder(&self.as_binder())
    }
}

impl<I: FromIBinder + ?Sized> Deserialize for Strong<I> {
    fn deserialize(parcel: &mut Parcel) -> Result<Strong<I>, StatusCode> {
        I::try_from(parcel.read_strong_binder()?)
    }
}

/// A `@nullable` AIDL interface argument.
impl<I: Interface + ?Sized> Serialize for Option<Strong<I>> {
    fn serialize(&self, parcel: &mut Parcel) -> Result<(), StatusCode> {
        parcel.write_nullable_strong_binder(self.as_ref().map(|s| s.as_binder()).as_ref())
    }
}

impl<I: FromIBinder + ?Sized> Deserialize for Option<Strong<I>> {
    fn deserialize(parcel: &mut Parcel) -> Result<Option<Strong<I>>, StatusCode> {
        parcel
            .read_nullable_strong_binder()?
            .map(I::try_from)
            .transpose()
    }
}

/// AIDL parcelables (including [`ParcelFileDescriptor`](crate::ParcelFileDescriptor)): the
/// presence flag then the content ([`Parcel::write_parcelable`]).
impl<P: Parcelable> Serialize for P {
    fn serialize(&self, parcel: &mut Parcel) -> Result<(), StatusCode> {
        parcel.write_parcelable(self)
    }
}

impl<P: Parcelable> Deserialize for P {
    fn deserialize(parcel: &mut Parcel) -> Result<P, StatusCode> {
        parcel.read_parcelable()
    }
}

// ---------------------------------------------------------------------------------------------
// declare_binder_interface!
// ---------------------------------------------------------------------------------------------

/// Declares a binder interface: the trait, the proxy and the native stub.
///
/// ```
/// use libbinder::declare_binder_interface;
/// use libbinder::interface::Strong;
///
/// declare_binder_interface! {
///     ICallback["com.example.ICallback"] {
///         native: BnCallback, proxy: BpCallback;
///         fn on_value(&self, v: i32) -> i32;
///     }
/// }
///
/// declare_binder_interface! {
///     IEcho["com.example.IEcho"] {
///         native: BnEcho, proxy: BpEcho;
///         fn echo(&self, s: String) -> String;
///         oneway fn notify(&self, v: i32);
///         fn call_me_back(&self, cb: Strong<dyn ICallback>, v: i32) -> i32;
///     }
/// }
/// ```
///
/// This gives:
///
/// - `pub trait IEcho: Interface` with one method per entry returning
///   `libbinder::Result<T>` (`Result<T, Status>`; `()` when no return type is given); the
///   descriptor is `BnEcho::DESCRIPTOR` (also `BpEcho::DESCRIPTOR`);
/// - `FromIBinder for dyn IEcho`, so `Strong<dyn IEcho>` can be made from an `SpIBinder` and
///   passed as an argument;
/// - `BpEcho`, the proxy: method `n` (from 0) is transaction `FIRST_CALL_TRANSACTION + n`;
///   the request is the interface token then the arguments; the reply is read as the AIDL
///   `Status` header then the return value. `oneway` methods are sent with `FLAG_ONEWAY`
///   and return once the transaction is queued;
/// - `BnEcho`, the stub (a [`Remotable`](crate::Remotable)): `BnEcho::new_binder(imp)` serves
///   `imp` and returns a `Strong<dyn IEcho>`. Its `on_transact` enforces the interface token
///   (`BAD_TYPE`), reads the arguments, calls `imp` and writes the status header and the
///   return value (an `Err(Status)` becomes the AIDL exception; `EX_TRANSACTION_FAILED` fails
///   the transaction with its transport code); unknown codes are `UNKNOWN_TRANSACTION`.
///
/// Arguments and returns are any [`Serialize`] + [`Deserialize`] types.
#[macro_export]
macro_rules! declare_binder_interface {
    (
        $interface:ident[$descriptor:expr] {
            native: $native:ident, proxy: $proxy:ident;
            $($methods:tt)*
        }
    ) => {
        $crate::declare_binder_interface! {
            @munch
            [$interface, $descriptor, $native, $proxy]
            [$crate::FIRST_CALL_TRANSACTION]
            []
            $($methods)*
        }
    };

    // One oneway method.
    (
        @munch $hdr:tt [$code:expr] [$($done:tt)*]
        oneway fn $name:ident(&self $(, $arg:ident : $ty:ty)* $(,)?);
        $($rest:tt)*
    ) => {
        $crate::declare_binder_interface! {
            @munch $hdr [$code + 1]
            [$($done)* { oneway $name [$code] ($($arg : $ty),*) -> () }]
            $($rest)*
        }
    };

    // One two-way method.
    (
        @munch $hdr:tt [$code:expr] [$($done:tt)*]
        fn $name:ident(&self $(, $arg:ident : $ty:ty)* $(,)?) $(-> $ret:ty)?;
        $($rest:tt)*
    ) => {
        $crate::declare_binder_interface! {
            @munch $hdr [$code + 1]
            [$($done)* { twoway $name [$code] ($($arg : $ty),*) -> ($($ret)?) }]
            $($rest)*
        }
    };

    // All methods parsed.
    (
        @munch [$interface:ident, $descriptor:expr, $native:ident, $proxy:ident] [$code:expr]
        [$({ $kind:ident $name:ident [$mcode:expr] ($($arg:ident : $ty:ty),*) -> $ret:ty })*]
    ) => {
        pub trait $interface: $crate::interface::Interface {
            $(
                #[allow(missing_docs, clippy::too_many_arguments)]
                fn $name(&self $(, $arg: $ty)*) -> $crate::Result<$ret>;
            )*
        }

        impl $crate::interface::FromIBinder for dyn $interface {
            fn try_from(
                ibinder: $crate::SpIBinder,
            ) -> ::std::result::Result<$crate::interface::Strong<dyn $interface>, $crate::StatusCode>
            {
                if let Some(native) = ibinder.local_object::<$native>() {
                    let imp = native.0.clone();
                    return Ok($crate::interface::Strong::new(::std::boxed::Box::new(
                        $crate::interface::Local::new(ibinder, imp),
                    )));
                }
                if !ibinder.is_remote() {
                    return Err($crate::StatusCode::BAD_TYPE);
                }
                if ibinder.get_interface_descriptor()? != $native::DESCRIPTOR {
                    return Err($crate::StatusCode::BAD_TYPE);
                }
                Ok($crate::interface::Strong::new(::std::boxed::Box::new($proxy {
                    binder: ibinder,
                })))
            }
        }

        /// The proxy: calls a remote object.
        pub struct $proxy {
            binder: $crate::SpIBinder,
        }

        impl $proxy {
            /// The interface descriptor.
            pub const DESCRIPTOR: &'static str = $descriptor;

            /// A proxy for `binder` without checking its descriptor (the stub still enforces
            /// the interface token of every call).
            pub fn new_unchecked(binder: $crate::SpIBinder) -> $proxy {
                $proxy { binder }
            }
        }

        impl $crate::interface::Interface for $proxy {
            fn as_binder(&self) -> $crate::SpIBinder {
                self.binder.clone()
            }
        }

        impl $interface for $proxy {
            $(
                #[allow(clippy::too_many_arguments)]
                fn $name(&self $(, $arg: $ty)*) -> $crate::Result<$ret> {
                    let mut data = $crate::Parcel::new();
                    data.write_interface_token($descriptor)?;
                    $( $crate::interface::Serialize::serialize(&$arg, &mut data)?; )*
                    $crate::declare_binder_interface!(
                        @proxy_call $kind self.binder, $mcode, data, $ret
                    )
                }
            )*
        }

        impl $interface for $crate::interface::Local<dyn $interface> {
            $(
                #[allow(clippy::too_many_arguments)]
                fn $name(&self $(, $arg: $ty)*) -> $crate::Result<$ret> {
                    self.implementation().$name($($arg),*)
                }
            )*
        }

        /// The native stub: serves an implementation.
        pub struct $native(::std::sync::Arc<dyn $interface>);

        impl $native {
            /// The interface descriptor.
            pub const DESCRIPTOR: &'static str = $descriptor;

            /// Serves `imp` as a binder; the result calls `imp` directly and its `as_binder`
            /// is the binder to hand to other processes.
            pub fn new_binder<T: $interface + 'static>(
                imp: T,
            ) -> $crate::interface::Strong<dyn $interface> {
                let imp: ::std::sync::Arc<dyn $interface> = ::std::sync::Arc::new(imp);
                let binder = $crate::Binder::new($native(imp.clone())).as_binder();
                $crate::interface::Strong::new(::std::boxed::Box::new(
                    $crate::interface::Local::new(binder, imp),
                ))
            }
        }

        impl $crate::Remotable for $native {
            fn descriptor(&self) -> &str {
                $descriptor
            }

            fn on_transact(
                &self,
                code: $crate::TransactionCode,
                data: &mut $crate::Parcel,
                reply: &mut $crate::Parcel,
            ) -> ::std::result::Result<(), $crate::StatusCode> {
                $(
                    if code == $mcode {
                        data.enforce_interface($descriptor)?;
                        $( let $arg: $ty = $crate::interface::Deserialize::deserialize(data)?; )*
                        let result = self.0.$name($($arg),*);
                        return $crate::declare_binder_interface!(@stub_reply $kind result, reply);
                    }
                )*
                let _ = reply;
                Err($crate::StatusCode::UNKNOWN_TRANSACTION)
            }

            fn on_dump(
                &self,
                fd: ::std::os::fd::BorrowedFd<'_>,
                args: &[String],
            ) -> ::std::result::Result<(), $crate::StatusCode> {
                self.0.dump(fd, args)
            }
        }
    };

    (@proxy_call twoway $binder:expr, $code:expr, $data:ident, $ret:ty) => {{
        let mut reply = $binder.transact($code, &$data, 0)?;
        $crate::Status::read_from_parcel(&mut reply)?.into_result()?;
        let value: $ret = $crate::interface::Deserialize::deserialize(&mut reply)?;
        Ok(value)
    }};

    (@proxy_call oneway $binder:expr, $code:expr, $data:ident, $ret:ty) => {{
        $binder.transact($code, &$data, $crate::FLAG_ONEWAY)?;
        Ok(())
    }};

    (@stub_reply twoway $result:ident, $reply:ident) => {
        match $result {
            Ok(value) => {
                $crate::Status::ok().write_to_parcel($reply)?;
                $crate::interface::Serialize::serialize(&value, $reply)
            }
            Err(status) => status.write_to_parcel($reply),
        }
    };

    (@stub_reply oneway $result:ident, $reply:ident) => {{
        let _ = $reply;
        if let Err(status) = $result {
            $crate::tracing::warn!(%status, "oneway call failed");
        }
        Ok(())
    }};
}

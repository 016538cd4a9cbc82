//! A stub of AOSP's Rust `binder` crate for the type check of generated code: the names,
//! signatures and macros the generated code uses (from `libs/binder/rust/src/`), with no
//! behaviour. It lets the tests prove that generated files compile together; it is not a
//! runtime.
#![allow(clippy::all, unused)]
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;
pub type Result<T> = std::result::Result<T, Status>;
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusCode {
    OK,
    UNKNOWN_TRANSACTION,
    UNEXPECTED_NULL,
    BAD_VALUE,
}
#[derive(Debug, Clone, PartialEq)]
pub struct Status;
impl Status {
    pub fn is_ok(&self) -> bool {
        true
    }
}
impl From<StatusCode> for Status {
    fn from(_: StatusCode) -> Status {
        Status
    }
}
pub trait Interface: Send + Sync {
    fn as_binder(&self) -> SpIBinder {
        panic!("type-check stub")
    }
    fn dump(
        &self,
        _w: &mut dyn std::io::Write,
        _a: &[&std::ffi::CStr],
    ) -> std::result::Result<(), StatusCode> {
        Ok(())
    }
}
pub trait FromIBinder: Interface {}
pub struct Strong<I: ?Sized>(Box<I>);
impl<I: ?Sized> Strong<I> {
    pub fn new(b: Box<I>) -> Self {
        Strong(b)
    }
}
impl<I: ?Sized> Clone for Strong<I> {
    fn clone(&self) -> Self {
        panic!("type-check stub")
    }
}
impl<I: ?Sized> std::ops::Deref for Strong<I> {
    type Target = I;
    fn deref(&self) -> &I {
        &self.0
    }
}
impl<I: ?Sized> std::fmt::Debug for Strong<I> {
    fn fmt(&self, _: &mut std::fmt::Formatter) -> std::fmt::Result {
        Ok(())
    }
}
#[derive(Debug, Clone, PartialEq)]
pub struct SpIBinder;
#[derive(Debug)]
pub struct ParcelFileDescriptor;
#[derive(Default)]
pub struct BinderFeatures;
pub trait BinderAsyncPool {
    fn spawn<'a, F1, F2, Fut, A, B, E>(
        spawn_me: F1,
        after_spawn: F2,
    ) -> BoxFuture<'a, std::result::Result<B, E>>
    where
        F1: FnOnce() -> A + Send + 'static,
        F2: FnOnce(A) -> Fut + Send + 'a,
        Fut: Future<Output = std::result::Result<B, E>> + Send + 'a,
        A: Send + 'static,
        B: Send + 'a,
        E: From<StatusCode>;
}
pub trait Serialize {}
pub trait Deserialize: Sized {}
macro_rules! prim { ($($t:ty),*) => { $( impl Serialize for $t {} impl Deserialize for $t {} )* } }
prim!(
    bool,
    i8,
    u8,
    u16,
    i32,
    i64,
    f32,
    f64,
    String,
    SpIBinder,
    ParcelFileDescriptor,
    Status
);
impl Serialize for str {}
impl<T: Serialize + ?Sized> Serialize for &T {}
impl<T: Serialize> Serialize for Option<T> {}
impl<T: Deserialize> Deserialize for Option<T> {}
impl<T: Serialize> Serialize for [T] {}
impl<T: Serialize> Serialize for Vec<T> {}
impl<T: Deserialize> Deserialize for Vec<T> {}
impl<T: Serialize, const N: usize> Serialize for [T; N] {}
impl<T: Deserialize, const N: usize> Deserialize for [T; N] {}
impl<T: Serialize> Serialize for Box<T> {}
impl<T: Deserialize> Deserialize for Box<T> {}
impl<I: ?Sized + FromIBinder> Serialize for Strong<I> {}
impl<I: ?Sized + FromIBinder> Deserialize for Strong<I> {}
pub trait Parcelable {
    fn write_to_parcel(
        &self,
        parcel: &mut binder_impl::BorrowedParcel,
    ) -> std::result::Result<(), StatusCode>;
    fn read_from_parcel(
        &mut self,
        parcel: &binder_impl::BorrowedParcel,
    ) -> std::result::Result<(), StatusCode>;
}
#[macro_export]
macro_rules! impl_serialize_for_parcelable {
    ($t:ident) => {
        impl $crate::Serialize for $t {}
    };
}
#[macro_export]
macro_rules! impl_deserialize_for_parcelable {
    ($t:ident) => {
        impl $crate::Deserialize for $t {}
    };
}
#[macro_export]
macro_rules! declare_binder_enum {
    { $( #[$attr:meta] )* $enum:ident : [$backing:ty; $size:expr] { $( $( #[$value_attr:meta] )* $name:ident = $value:expr, )* } } => {
        $( #[$attr] )*
        #[derive(Debug, Default, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $enum(pub $backing);
        impl $enum {
            $( $( #[$value_attr] )* pub const $name: Self = Self($value); )*
            pub const fn enum_values() -> [Self; $size] { [$(Self::$name),*] }
        }
        impl $crate::Serialize for $enum {}
        impl $crate::Deserialize for $enum {}
    };
}
#[macro_export]
macro_rules! declare_binder_interface {
    { $interface:ident[$descriptor:expr] { native: $native:ident($on_transact:path), proxy: $proxy:ident { $($fname:ident: $fty:ty = $finit:expr),* }, async: $async_interface:ident($try_into_local_async:ident), $(stability: $stability:expr,)? } } => {
        pub struct $proxy { binder: $crate::SpIBinder, $($fname: $fty,)* }
        impl $crate::Interface for $proxy {}
        pub struct $native(Box<dyn $interface + Sync + Send + 'static>);
        impl $native {
            pub fn new_binder<T: $interface + Sync + Send + 'static>(inner: T, _features: $crate::BinderFeatures) -> $crate::Strong<dyn $interface> {
                let b = $crate::binder_impl::Binder::new($native(Box::new(inner)));
                let _ = |code, data: &$crate::binder_impl::BorrowedParcel<'_>, reply: &mut $crate::binder_impl::BorrowedParcel<'_>| $on_transact(&*b.0, code, data, reply);
                panic!("type-check stub")
            }
        }
        impl $crate::binder_impl::Remotable for $native {}
        impl $crate::FromIBinder for dyn $interface {}
        impl<P: $crate::BinderAsyncPool> $crate::FromIBinder for dyn $async_interface<P> {}
        fn _use_try(b: $crate::binder_impl::Binder<$native>) { let _ = $native::$try_into_local_async::<Pool>(b); }
        struct Pool;
        impl $crate::BinderAsyncPool for Pool {
            fn spawn<'a, F1, F2, Fut, A, B, E>(_: F1, _: F2) -> $crate::BoxFuture<'a, std::result::Result<B, E>>
            where F1: FnOnce() -> A + Send + 'static, F2: FnOnce(A) -> Fut + Send + 'a, Fut: std::future::Future<Output = std::result::Result<B, E>> + Send + 'a, A: Send + 'static, B: Send + 'a, E: From<$crate::StatusCode> { panic!("type-check stub") }
        }
    };
}
pub mod binder_impl {
    use super::*;
    pub type TransactionCode = u32;
    pub type TransactionFlags = u32;
    pub const FIRST_CALL_TRANSACTION: u32 = 1;
    pub const FLAG_ONEWAY: u32 = 1;
    pub const FLAG_CLEAR_BUF: u32 = 0x20;
    pub const FLAG_PRIVATE_LOCAL: u32 = 0x40;
    pub enum Stability {
        Local,
        Vintf,
    }
    pub trait Remotable {}
    pub struct Binder<T> {
        inner: T,
    }
    impl<T> Binder<T> {
        pub fn new(inner: T) -> Self {
            Binder { inner }
        }
    }
    impl<T> std::ops::Deref for Binder<T> {
        type Target = T;
        fn deref(&self) -> &T {
            &self.inner
        }
    }
    impl<T: Remotable + Send + Sync> Interface for Binder<T> {}
    pub trait BinderAsyncRuntime {
        fn block_on<F: Future>(&self, future: F) -> F::Output;
    }
    pub trait ParcelableMetadata {
        fn get_descriptor() -> &'static str;
        fn get_stability(&self) -> Stability {
            Stability::Local
        }
    }
    pub trait IBinderInternal {
        fn prepare_transact(&self) -> Result<Parcel>;
        fn submit_transact(
            &self,
            code: TransactionCode,
            data: Parcel,
            flags: TransactionFlags,
        ) -> std::result::Result<Parcel, StatusCode>;
    }
    impl IBinderInternal for SpIBinder {
        fn prepare_transact(&self) -> Result<Parcel> {
            panic!("type-check stub")
        }
        fn submit_transact(
            &self,
            _: TransactionCode,
            _: Parcel,
            _: TransactionFlags,
        ) -> std::result::Result<Parcel, StatusCode> {
            panic!("type-check stub")
        }
    }
    pub struct Parcel;
    pub struct BorrowedParcel<'a>(PhantomData<&'a mut ()>);
    macro_rules! parcel_ops {
        ($t:ty) => {
            impl $t {
                pub fn write<S: Serialize + ?Sized>(
                    &mut self,
                    _: &S,
                ) -> std::result::Result<(), StatusCode> {
                    Ok(())
                }
                pub fn read<D: Deserialize>(&self) -> std::result::Result<D, StatusCode> {
                    panic!("type-check stub")
                }
                pub fn read_onto<D: Deserialize>(
                    &self,
                    _: &mut D,
                ) -> std::result::Result<(), StatusCode> {
                    Ok(())
                }
                pub fn mark_sensitive(&mut self) {}
                pub fn write_slice_size<T>(
                    &mut self,
                    _: Option<&[T]>,
                ) -> std::result::Result<(), StatusCode> {
                    Ok(())
                }
                pub fn resize_out_vec<D: Default + Deserialize>(
                    &self,
                    _: &mut Vec<D>,
                ) -> std::result::Result<(), StatusCode> {
                    Ok(())
                }
                pub fn resize_nullable_out_vec<D: Default + Deserialize>(
                    &self,
                    _: &mut Option<Vec<D>>,
                ) -> std::result::Result<(), StatusCode> {
                    Ok(())
                }
                pub fn sized_write<F>(&mut self, f: F) -> std::result::Result<(), StatusCode>
                where
                    for<'b> F:
                        FnOnce(&'b mut BorrowedParcel<'_>) -> std::result::Result<(), StatusCode>,
                {
                    panic!("type-check stub")
                }
                pub fn sized_read<F>(&self, f: F) -> std::result::Result<(), StatusCode>
                where
                    for<'b> F:
                        FnOnce(&'b BorrowedParcel<'_>) -> std::result::Result<(), StatusCode>,
                {
                    panic!("type-check stub")
                }
                pub fn has_more_data(&self) -> bool {
                    false
                }
            }
        };
    }
    parcel_ops!(Parcel);
    parcel_ops!(BorrowedParcel<'_>);
}

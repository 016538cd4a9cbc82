//! The macros AIDL-generated Rust uses, in AOSP's form (AOSP `binder.rs`).

/// Declares the binder plumbing of an AIDL interface: the proxy `BpFoo`, the native stub
/// `BnFoo` and the conversions, for an interface trait `IFoo` the caller writes (as the AIDL
/// Rust backend does) with a dispatch function `on_transact`.
///
/// ```ignore
/// declare_binder_interface! {
///     IFoo["com.example.IFoo"] {
///         native: BnFoo(on_transact),
///         proxy: BpFoo {
///             cached_version: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(-1)
///         },
///         async: IFooAsync(try_into_local_async),
///         stability: binder::binder_impl::Stability::Vintf,
///     }
/// }
/// ```
///
/// `proxy:` fields, `async:` (with or without the local conversion function) and
/// `stability:` are optional. The macro gives:
///
/// - `pub struct BpFoo { binder: SpIBinder, fields.. }` with `Interface` and `Proxy`;
/// - `pub struct BnFoo(Box<dyn IFoo + Send + Sync>)` with `BnFoo::new_binder(inner,
///   BinderFeatures::default()) -> Strong<dyn IFoo>`, `downcast_binder` and `Remotable`:
///   its `on_transact` enforces the interface token of user codes (`BAD_TYPE`), calls the
///   dispatch function and turns an `UNEXPECTED_NULL` into the AIDL exception
///   `EX_NULL_POINTER`;
/// - `FromIBinder for dyn IFoo` (a local `Binder<BnFoo>` is called directly, a remote
///   binder with the right descriptor through `BpFoo`, anything else is `BAD_TYPE`),
///   `Serialize`/`SerializeOption`/`Debug` for `dyn IFoo`;
/// - with `async:`, the same for `dyn IFooAsync<P>` and the `into_async`/`into_sync`
///   conversions.
#[macro_export]
macro_rules! declare_binder_interface {
    {
        $interface:ident[$descriptor:expr] {
            native: $native:ident($on_transact:path),
            proxy: $proxy:ident $({ $($fname:ident: $fty:ty = $finit:expr),* $(,)? })? $(,)?
            $(async: $async_interface:ident $(($try_into_local_async:ident))? $(,)?)?
            $(stability: $stability:expr $(,)?)?
        }
    } => {
        $crate::declare_binder_interface! {
            @impl $interface[$descriptor] $native($on_transact) $proxy
            [$($($fname: $fty = $finit),*)?]
            ($($stability)?)
        }
        $(
            $crate::declare_binder_interface! {
                @async $interface[$descriptor] $native $proxy $async_interface
                [$($try_into_local_async)?]
            }
        )?
    };

    (@stability) => { $crate::binder_impl::Stability::Local };
    (@stability $stability:expr) => { $stability };

    {
        @impl $interface:ident[$descriptor:expr] $native:ident($on_transact:path) $proxy:ident
        [$($fname:ident: $fty:ty = $finit:expr),*]
        ($($stability:expr)?)
    } => {
        #[doc = concat!("The proxy of `", stringify!($interface), "`: calls a remote object.")]
        pub struct $proxy {
            binder: $crate::SpIBinder,
            $($fname: $fty,)*
        }

        impl $crate::Interface for $proxy {
            fn as_binder(&self) -> $crate::SpIBinder {
                self.binder.clone()
            }
        }

        impl $crate::binder_impl::Proxy for $proxy {
            fn get_descriptor() -> &'static str {
                $descriptor
            }

            fn from_binder(
                binder: $crate::SpIBinder,
            ) -> ::std::result::Result<Self, $crate::StatusCode> {
                Ok(Self { binder, $($fname: $finit),* })
            }
        }

        #[doc = concat!("The native stub of `", stringify!($interface), "`: serves an implementation.")]
        #[repr(transparent)]
        pub struct $native(::std::boxed::Box<dyn $interface + Sync + Send + 'static>);

        impl $native {
            /// Serves `inner` as a binder.
            pub fn new_binder<T: $interface + Sync + Send + 'static>(
                inner: T,
                features: $crate::BinderFeatures,
            ) -> $crate::Strong<dyn $interface> {
                // binder-sim has no security contexts: `set_requesting_sid` has no effect.
                let _ = features;
                $crate::Strong::new(::std::boxed::Box::new(
                    $crate::binder_impl::Binder::new_with_stability(
                        $native(::std::boxed::Box::new(inner)),
                        $crate::declare_binder_interface!(@stability $($stability)?),
                    ),
                ))
            }

            /// The implementation, if it is a `T`.
            pub fn downcast_binder<T: $interface>(&self) -> Option<&T> {
                $crate::interface::AsAny::as_any(&*self.0).downcast_ref::<T>()
            }
        }

        impl $crate::binder_impl::Remotable for $native {
            fn get_descriptor() -> &'static str {
                $descriptor
            }

            fn on_transact(
                &self,
                code: $crate::binder_impl::TransactionCode,
                data: &$crate::binder_impl::BorrowedParcel<'_>,
                reply: &mut $crate::binder_impl::BorrowedParcel<'_>,
            ) -> ::std::result::Result<(), $crate::StatusCode> {
                $crate::interface::enforce_interface_for(code, data, $descriptor)?;
                match $on_transact(&*self.0, code, data, reply) {
                    Err($crate::StatusCode::UNEXPECTED_NULL) => {
                        $crate::interface::null_pointer_reply(reply)
                    }
                    result => result,
                }
            }

            fn on_dump(
                &self,
                writer: &mut dyn ::std::io::Write,
                args: &[&::std::ffi::CStr],
            ) -> ::std::result::Result<(), $crate::StatusCode> {
                $crate::Interface::dump(&*self.0, writer, args)
            }
        }

        impl $crate::FromIBinder for dyn $interface {
            fn try_from(
                ibinder: $crate::SpIBinder,
            ) -> ::std::result::Result<$crate::Strong<dyn $interface>, $crate::StatusCode> {
                if let Ok(native) = <$crate::binder_impl::Binder<$native> as ::std::convert::TryFrom<$crate::SpIBinder>>::try_from(ibinder.clone()) {
                    return Ok($crate::Strong::new(::std::boxed::Box::new(native)));
                }
                if ibinder.associate_descriptor($descriptor)? {
                    return Ok($crate::Strong::new(::std::boxed::Box::new(
                        <$proxy as $crate::binder_impl::Proxy>::from_binder(ibinder)?,
                    )));
                }
                Err($crate::StatusCode::BAD_TYPE)
            }
        }

        impl $crate::binder_impl::Serialize for dyn $interface + '_ {
            fn serialize(
                &self,
                parcel: &mut $crate::binder_impl::BorrowedParcel<'_>,
            ) -> ::std::result::Result<(), $crate::StatusCode> {
                parcel.write(&$crate::Interface::as_binder(self))
            }
        }

        impl $crate::binder_impl::SerializeOption for dyn $interface + '_ {
            fn serialize_option(
                this: ::std::option::Option<&Self>,
                parcel: &mut $crate::binder_impl::BorrowedParcel<'_>,
            ) -> ::std::result::Result<(), $crate::StatusCode> {
                parcel.write(&this.map(|i| $crate::Interface::as_binder(i)))
            }
        }

        impl ::std::fmt::Debug for dyn $interface + '_ {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad(stringify!($interface))
            }
        }
    };

    {
        @async $interface:ident[$descriptor:expr] $native:ident $proxy:ident $async_interface:ident
        [$($try_into_local_async:ident)?]
    } => {
        impl<P: $crate::BinderAsyncPool + 'static> $crate::FromIBinder for dyn $async_interface<P> {
            fn try_from(
                ibinder: $crate::SpIBinder,
            ) -> ::std::result::Result<$crate::Strong<dyn $async_interface<P>>, $crate::StatusCode> {
                $(
                    if let Ok(native) = <$crate::binder_impl::Binder<$native> as ::std::convert::TryFrom<$crate::SpIBinder>>::try_from(ibinder.clone()) {
                        if let Some(local) = $native::$try_into_local_async::<P>(native) {
                            return Ok(local);
                        }
                        // A local service that is not async is called through the proxy
                        // (serialized), as AOSP does for this rare case.
                    }
                )?
                if ibinder.associate_descriptor($descriptor)? {
                    return Ok($crate::Strong::new(::std::boxed::Box::new(
                        <$proxy as $crate::binder_impl::Proxy>::from_binder(ibinder)?,
                    )));
                }
                Err($crate::StatusCode::BAD_TYPE)
            }
        }

        impl<P: $crate::BinderAsyncPool + 'static> $crate::binder_impl::Serialize for dyn $async_interface<P> + '_ {
            fn serialize(
                &self,
                parcel: &mut $crate::binder_impl::BorrowedParcel<'_>,
            ) -> ::std::result::Result<(), $crate::StatusCode> {
                parcel.write(&$crate::Interface::as_binder(self))
            }
        }

        impl<P: $crate::BinderAsyncPool + 'static> $crate::binder_impl::SerializeOption for dyn $async_interface<P> + '_ {
            fn serialize_option(
                this: ::std::option::Option<&Self>,
                parcel: &mut $crate::binder_impl::BorrowedParcel<'_>,
            ) -> ::std::result::Result<(), $crate::StatusCode> {
                parcel.write(&this.map(|i| $crate::Interface::as_binder(i)))
            }
        }

        impl<P: $crate::BinderAsyncPool + 'static> ::std::fmt::Debug for dyn $async_interface<P> + '_ {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad(stringify!($async_interface))
            }
        }

        impl<P: $crate::BinderAsyncPool + 'static> $crate::binder_impl::ToAsyncInterface<P> for dyn $interface {
            type Target = dyn $async_interface<P>;
        }

        impl<P: $crate::BinderAsyncPool + 'static> $crate::binder_impl::ToSyncInterface for dyn $async_interface<P> {
            type Target = dyn $interface;
        }
    };
}

/// Declares an AIDL enum (AOSP `declare_binder_enum!`): a newtype over its backing type
/// with one associated constant per enumerator, `enum_values()`, `Debug` by name, and the
/// (de)serialization traits through the backing type.
#[macro_export]
macro_rules! declare_binder_enum {
    {
        $( #[$attr:meta] )*
        $enum:ident : [$backing:ty; $size:expr] {
            $( $( #[$value_attr:meta] )* $name:ident = $value:expr, )*
        }
    } => {
        $( #[$attr] )*
        #[derive(Default, Copy, Clone, PartialOrd, Ord, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub struct $enum(pub $backing);

        impl $enum {
            $(
                $( #[$value_attr] )*
                #[allow(missing_docs)]
                pub const $name: Self = Self($value);
            )*

            /// Every enumerator, in declaration order.
            #[inline(always)]
            pub const fn enum_values() -> [Self; $size] {
                [$(Self::$name),*]
            }
        }

        impl ::std::fmt::Debug for $enum {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $(
                    if *self == Self::$name {
                        return f.pad(stringify!($name).trim_start_matches("r#"));
                    }
                )*
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }

        impl $crate::binder_impl::Serialize for $enum {
            fn serialize(
                &self,
                parcel: &mut $crate::binder_impl::BorrowedParcel<'_>,
            ) -> ::std::result::Result<(), $crate::StatusCode> {
                parcel.write(&self.0)
            }
        }

        impl $crate::binder_impl::SerializeArray for $enum {
            fn serialize_array(
                slice: &[Self],
                parcel: &mut $crate::binder_impl::BorrowedParcel<'_>,
            ) -> ::std::result::Result<(), $crate::StatusCode> {
                let values: ::std::vec::Vec<$backing> = slice.iter().map(|e| e.0).collect();
                <$backing as $crate::binder_impl::SerializeArray>::serialize_array(&values, parcel)
            }
        }

        impl $crate::binder_impl::Deserialize for $enum {
            type UninitType = Self;
            fn uninit() -> Self {
                Self::default()
            }
            fn from_init(value: Self) -> Self {
                value
            }
            fn deserialize(
                parcel: &$crate::binder_impl::BorrowedParcel<'_>,
            ) -> ::std::result::Result<Self, $crate::StatusCode> {
                parcel.read().map(Self)
            }
        }

        impl $crate::binder_impl::DeserializeArray for $enum {
            fn deserialize_array(
                parcel: &$crate::binder_impl::BorrowedParcel<'_>,
            ) -> ::std::result::Result<::std::option::Option<::std::vec::Vec<Self>>, $crate::StatusCode> {
                let values: ::std::option::Option<::std::vec::Vec<$backing>> =
                    <$backing as $crate::binder_impl::DeserializeArray>::deserialize_array(parcel)?;
                Ok(values.map(|v| v.into_iter().map(Self).collect()))
            }
        }
    };
}

/// `Serialize`, `SerializeArray` and `SerializeOption` for a parcelable (AOSP
/// `impl_serialize_for_parcelable!`): the presence flag then `write_to_parcel`.
#[macro_export]
macro_rules! impl_serialize_for_parcelable {
    ($parcelable:ident) => {
        $crate::impl_serialize_for_parcelable!($parcelable < >);
    };
    ($parcelable:ident < $( $param:ident ),* , >) => {
        $crate::impl_serialize_for_parcelable!($parcelable < $($param),* >);
    };
    ($parcelable:ident < $( $param:ident ),* > ) => {
        impl < $($param),* > $crate::binder_impl::Serialize for $parcelable < $($param),* > {
            fn serialize(
                &self,
                parcel: &mut $crate::binder_impl::BorrowedParcel<'_>,
            ) -> ::std::result::Result<(), $crate::StatusCode> {
                <Self as $crate::binder_impl::SerializeOption>::serialize_option(Some(self), parcel)
            }
        }

        impl < $($param),* > $crate::binder_impl::SerializeArray for $parcelable < $($param),* > {}

        impl < $($param),* > $crate::binder_impl::SerializeOption for $parcelable < $($param),* > {
            fn serialize_option(
                this: ::std::option::Option<&Self>,
                parcel: &mut $crate::binder_impl::BorrowedParcel<'_>,
            ) -> ::std::result::Result<(), $crate::StatusCode> {
                match this {
                    Some(this) => {
                        parcel.write(&$crate::binder_impl::NON_NULL_PARCELABLE_FLAG)?;
                        $crate::Parcelable::write_to_parcel(this, parcel)
                    }
                    None => parcel.write(&$crate::binder_impl::NULL_PARCELABLE_FLAG),
                }
            }
        }
    };
}

/// `Deserialize`, `DeserializeArray` and `DeserializeOption` for a parcelable with a
/// `Default` (AOSP `impl_deserialize_for_parcelable!`): a null flag is `UNEXPECTED_NULL`
/// unless the value is `@nullable`.
#[macro_export]
macro_rules! impl_deserialize_for_parcelable {
    ($parcelable:ident) => {
        $crate::impl_deserialize_for_parcelable!($parcelable < >);
    };
    ($parcelable:ident < $( $param:ident ),* , >) => {
        $crate::impl_deserialize_for_parcelable!($parcelable < $($param),* >);
    };
    ($parcelable:ident < $( $param:ident ),* > ) => {
        impl < $($param: Default),* > $crate::binder_impl::Deserialize for $parcelable < $($param),* > {
            type UninitType = Self;
            fn uninit() -> Self {
                Self::default()
            }
            fn from_init(value: Self) -> Self {
                value
            }
            fn deserialize(
                parcel: &$crate::binder_impl::BorrowedParcel<'_>,
            ) -> ::std::result::Result<Self, $crate::StatusCode> {
                <Self as $crate::binder_impl::DeserializeOption>::deserialize_option(parcel)?
                    .ok_or($crate::StatusCode::UNEXPECTED_NULL)
            }
            fn deserialize_from(
                &mut self,
                parcel: &$crate::binder_impl::BorrowedParcel<'_>,
            ) -> ::std::result::Result<(), $crate::StatusCode> {
                let flag: i32 = parcel.read()?;
                if flag == $crate::binder_impl::NULL_PARCELABLE_FLAG {
                    return Err($crate::StatusCode::UNEXPECTED_NULL);
                }
                $crate::Parcelable::read_from_parcel(self, parcel)
            }
        }

        impl < $($param: Default),* > $crate::binder_impl::DeserializeArray for $parcelable < $($param),* > {}

        impl < $($param: Default),* > $crate::binder_impl::DeserializeOption for $parcelable < $($param),* > {
            fn deserialize_option_from(
                this: &mut ::std::option::Option<Self>,
                parcel: &$crate::binder_impl::BorrowedParcel<'_>,
            ) -> ::std::result::Result<(), $crate::StatusCode> {
                let flag: i32 = parcel.read()?;
                if flag == $crate::binder_impl::NULL_PARCELABLE_FLAG {
                    *this = None;
                    return Ok(());
                }
                $crate::Parcelable::read_from_parcel(this.get_or_insert_with(Self::default), parcel)
            }
        }
    };
}

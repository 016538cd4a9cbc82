//! The AIDL (de)serialization traits, in the shape of AOSP Rust's `parcel/parcelable.rs`:
//! [`Serialize`]/[`Deserialize`] for single values, [`SerializeArray`]/[`DeserializeArray`] for
//! the elements of AIDL arrays (`T[]`, `List<T>`, `T[N]`), [`SerializeOption`]/
//! [`DeserializeOption`] for `@nullable` values, implemented for every type the AIDL Rust
//! backend maps to. Generated code reaches them through `Parcel::write` and `Parcel::read`.
//!
//! Wire format (what C++ libbinder and the NDK write, so that peers interoperate):
//!
//! - primitives as in [`Parcel::write_i32`](crate::binder_impl::Parcel::write_i32) and friends (`bool`, `char`, `byte` each widen to
//!   an `i32` when alone); arrays of them packed after an `i32` length (`-1` for null);
//! - `String` as String16; `@nullable` String as length `-1`;
//! - parcelables and `ParcelFileDescriptor` behind a presence flag (`0` null, `1` present);
//! - arrays of anything else: the `i32` length then each element as it is written alone.

use std::os::fd::AsFd;

use crate::error::{Status, StatusCode};
use crate::ibinder::{SpIBinder, WpIBinder};
use crate::interface::{FromIBinder, Strong};
use crate::parcel::{
    BorrowedParcel, ParcelFileDescriptor, NON_NULL_PARCELABLE_FLAG, NULL_PARCELABLE_FLAG,
};

type Result<T> = std::result::Result<T, StatusCode>;

/// A structured value with a parcel representation of its own: AIDL parcelables and unions
/// (AOSP `Parcelable`). The content only; the presence flag in front of it is written by
/// [`impl_serialize_for_parcelable!`](crate::impl_serialize_for_parcelable).
pub trait Parcelable {
    /// Writes the content of `self`.
    fn write_to_parcel(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()>;

    /// Reads content written by `write_to_parcel` into `self` (fields not present on the
    /// wire keep their values, which is how older senders' parcelables get defaults).
    fn read_from_parcel(&mut self, parcel: &BorrowedParcel<'_>) -> Result<()>;
}

/// The descriptor of a parcelable type (AOSP `ParcelableMetadata`), used by
/// `ParcelableHolder` and generated code.
pub trait ParcelableMetadata {
    /// The fully qualified AIDL name.
    fn get_descriptor() -> &'static str;

    /// The stability the parcelable was declared with.
    fn get_stability(&self) -> crate::interface::Stability {
        crate::interface::Stability::Local
    }
}

/// A value that can be written to a parcel.
pub trait Serialize {
    /// Writes `self` at the parcel's position.
    fn serialize(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()>;
}

/// A value that can be read from a parcel.
pub trait Deserialize: Sized {
    /// The type of a placeholder for `Self` before it is read (generated code uses it for
    /// `out` arguments whose type has no default, e.g. interfaces).
    type UninitType;

    /// The placeholder.
    fn uninit() -> Self::UninitType;

    /// A placeholder holding `value`.
    fn from_init(value: Self) -> Self::UninitType;

    /// Reads a value.
    fn deserialize(parcel: &BorrowedParcel<'_>) -> Result<Self>;

    /// Reads a value over `self` (AIDL `out`/`inout` arguments, parcelables read in place).
    fn deserialize_from(&mut self, parcel: &BorrowedParcel<'_>) -> Result<()> {
        *self = Self::deserialize(parcel)?;
        Ok(())
    }
}

/// A type whose slices can be written as an AIDL array. The default writes the `i32` length
/// then each element with [`Serialize::serialize`]; primitives override it with the packed
/// forms.
pub trait SerializeArray: Serialize + Sized {
    /// Writes `slice` as an array.
    fn serialize_array(slice: &[Self], parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        parcel.write_slice_size(Some(slice))?;
        for item in slice {
            item.serialize(parcel)?;
        }
        Ok(())
    }
}

/// A type whose arrays can be read; `None` for a null array (length `-1`).
pub trait DeserializeArray: Deserialize {
    /// Reads an array written by [`SerializeArray::serialize_array`].
    fn deserialize_array(parcel: &BorrowedParcel<'_>) -> Result<Option<Vec<Self>>> {
        parcel.read_nullable_vector_with(Self::deserialize)
    }
}

/// A type that can be written as a `@nullable` value. The default is the parcelable form: a
/// presence flag then the value.
pub trait SerializeOption: Serialize {
    /// Writes `this`, `None` as null.
    fn serialize_option(this: Option<&Self>, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        match this {
            Some(inner) => {
                parcel.write(&NON_NULL_PARCELABLE_FLAG)?;
                parcel.write(inner)
            }
            None => parcel.write(&NULL_PARCELABLE_FLAG),
        }
    }
}

/// A type that can be read as a `@nullable` value (the counterpart of [`SerializeOption`]).
pub trait DeserializeOption: Deserialize {
    /// Reads a nullable value.
    fn deserialize_option(parcel: &BorrowedParcel<'_>) -> Result<Option<Self>> {
        let mut result = None;
        Self::deserialize_option_from(&mut result, parcel)?;
        Ok(result)
    }

    /// Reads a nullable value over `this`.
    fn deserialize_option_from(this: &mut Option<Self>, parcel: &BorrowedParcel<'_>) -> Result<()> {
        let flag: i32 = parcel.read()?;
        if flag == NULL_PARCELABLE_FLAG {
            *this = None;
        } else if let Some(inner) = this {
            inner.deserialize_from(parcel)?;
        } else {
            *this = Some(Self::deserialize(parcel)?);
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Primitives
// ---------------------------------------------------------------------------------------------

macro_rules! primitive {
    ($($ty:ty => $write:ident, $read:ident, $write_vec:ident, $read_vec:ident;)*) => {$(
        impl Serialize for $ty {
            fn serialize(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
                parcel.$write(*self)
            }
        }
        impl Deserialize for $ty {
            type UninitType = Self;
            fn uninit() -> Self {
                Self::default()
            }
            fn from_init(value: Self) -> Self {
                value
            }
            fn deserialize(parcel: &BorrowedParcel<'_>) -> Result<Self> {
                parcel.$read()
            }
        }
        impl SerializeArray for $ty {
            fn serialize_array(slice: &[Self], parcel: &mut BorrowedParcel<'_>) -> Result<()> {
                parcel.$write_vec(slice)
            }
        }
        impl DeserializeArray for $ty {
            fn deserialize_array(parcel: &BorrowedParcel<'_>) -> Result<Option<Vec<Self>>> {
                parcel.$read_vec()
            }
        }
    )*};
}

primitive! {
    bool => write_bool, read_bool, write_bool_vector, read_nullable_bool_vector;
    u8 => write_u8_widened, read_u8_widened, write_byte_vector, read_nullable_byte_vector;
    u16 => write_char, read_char, write_char_vector, read_nullable_char_vector;
    i32 => write_i32, read_i32, write_i32_vector, read_nullable_i32_vector;
    u32 => write_u32, read_u32, write_u32_vector, read_nullable_u32_vector;
    i64 => write_i64, read_i64, write_i64_vector, read_nullable_i64_vector;
    u64 => write_u64, read_u64, write_u64_vector, read_nullable_u64_vector;
    f32 => write_f32, read_f32, write_f32_vector, read_nullable_f32_vector;
    f64 => write_f64, read_f64, write_f64_vector, read_nullable_f64_vector;
}

/// AIDL `byte`: an `i32` alone, packed bytes in arrays.
impl Serialize for i8 {
    fn serialize(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        parcel.write_byte(*self)
    }
}

impl Deserialize for i8 {
    type UninitType = Self;
    fn uninit() -> Self {
        0
    }
    fn from_init(value: Self) -> Self {
        value
    }
    fn deserialize(parcel: &BorrowedParcel<'_>) -> Result<Self> {
        parcel.read_byte()
    }
}

impl SerializeArray for i8 {
    fn serialize_array(slice: &[Self], parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        let bytes: Vec<u8> = slice.iter().map(|b| *b as u8).collect();
        parcel.write_byte_vector(&bytes)
    }
}

impl DeserializeArray for i8 {
    fn deserialize_array(parcel: &BorrowedParcel<'_>) -> Result<Option<Vec<Self>>> {
        Ok(parcel
            .read_nullable_byte_vector()?
            .map(|v| v.into_iter().map(|b| b as i8).collect()))
    }
}

/// References write what they point to (generated proxies write `&str`, `&[T]`, `Option<&P>`).
impl<T: Serialize + ?Sized> Serialize for &T {
    fn serialize(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        (**self).serialize(parcel)
    }
}

impl<T: SerializeOption + ?Sized> SerializeOption for &T {
    fn serialize_option(this: Option<&Self>, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        T::serialize_option(this.copied(), parcel)
    }
}

// ---------------------------------------------------------------------------------------------
// Strings
// ---------------------------------------------------------------------------------------------

/// AIDL `String` and `@utf8InCpp String`: String16 on the wire either way.
impl Serialize for str {
    fn serialize(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        parcel.write_string16(self)
    }
}

impl SerializeOption for str {
    fn serialize_option(this: Option<&Self>, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        parcel.write_nullable_string16(this)
    }
}

impl Serialize for String {
    fn serialize(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        parcel.write_string16(self)
    }
}

impl SerializeOption for String {
    fn serialize_option(this: Option<&Self>, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        parcel.write_nullable_string16(this.map(String::as_str))
    }
}

impl SerializeArray for String {}

impl Deserialize for String {
    type UninitType = Self;
    fn uninit() -> Self {
        String::new()
    }
    fn from_init(value: Self) -> Self {
        value
    }
    fn deserialize(parcel: &BorrowedParcel<'_>) -> Result<Self> {
        parcel.read_string16()
    }
}

impl DeserializeOption for String {
    fn deserialize_option(parcel: &BorrowedParcel<'_>) -> Result<Option<Self>> {
        parcel.read_nullable_string16()
    }
}

impl DeserializeArray for String {}

// ---------------------------------------------------------------------------------------------
// Arrays, options, boxes
// ---------------------------------------------------------------------------------------------

impl<T: SerializeArray> Serialize for [T] {
    fn serialize(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        T::serialize_array(self, parcel)
    }
}

impl<T: SerializeArray> SerializeOption for [T] {
    fn serialize_option(this: Option<&Self>, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        match this {
            Some(slice) => T::serialize_array(slice, parcel),
            None => parcel.write_slice_size::<T>(None),
        }
    }
}

impl<T: SerializeArray> Serialize for Vec<T> {
    fn serialize(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        T::serialize_array(self, parcel)
    }
}

impl<T: SerializeArray> SerializeOption for Vec<T> {
    fn serialize_option(this: Option<&Self>, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        <[T]>::serialize_option(this.map(Vec::as_slice), parcel)
    }
}

/// Arrays of arrays (`T[][]`, `List<T[]>`).
impl<T: SerializeArray> SerializeArray for Vec<T> {}

impl<T: DeserializeArray> Deserialize for Vec<T> {
    type UninitType = Self;
    fn uninit() -> Self {
        Vec::new()
    }
    fn from_init(value: Self) -> Self {
        value
    }
    fn deserialize(parcel: &BorrowedParcel<'_>) -> Result<Self> {
        T::deserialize_array(parcel)?.ok_or(StatusCode::UNEXPECTED_NULL)
    }
}

impl<T: DeserializeArray> DeserializeOption for Vec<T> {
    fn deserialize_option(parcel: &BorrowedParcel<'_>) -> Result<Option<Self>> {
        T::deserialize_array(parcel)
    }
}

impl<T: DeserializeArray> DeserializeArray for Vec<T> {}

/// AIDL fixed-size arrays (`T[N]`): written as a slice; a length other than `N` is `BAD_VALUE`.
impl<T: SerializeArray, const N: usize> Serialize for [T; N] {
    fn serialize(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        T::serialize_array(self, parcel)
    }
}

impl<T: SerializeArray, const N: usize> SerializeOption for [T; N] {
    fn serialize_option(this: Option<&Self>, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        <[T]>::serialize_option(this.map(|a| &a[..]), parcel)
    }
}

impl<T: SerializeArray, const N: usize> SerializeArray for [T; N] {}

impl<T: DeserializeArray, const N: usize> Deserialize for [T; N] {
    type UninitType = [T::UninitType; N];
    fn uninit() -> Self::UninitType {
        std::array::from_fn(|_| T::uninit())
    }
    fn from_init(value: Self) -> Self::UninitType {
        value.map(T::from_init)
    }
    fn deserialize(parcel: &BorrowedParcel<'_>) -> Result<Self> {
        let items = T::deserialize_array(parcel)?.ok_or(StatusCode::UNEXPECTED_NULL)?;
        items.try_into().map_err(|_| StatusCode::BAD_VALUE)
    }
}

impl<T: DeserializeArray, const N: usize> DeserializeOption for [T; N] {
    fn deserialize_option(parcel: &BorrowedParcel<'_>) -> Result<Option<Self>> {
        match T::deserialize_array(parcel)? {
            None => Ok(None),
            Some(items) => items
                .try_into()
                .map(Some)
                .map_err(|_| StatusCode::BAD_VALUE),
        }
    }
}

impl<T: DeserializeArray, const N: usize> DeserializeArray for [T; N] {}

impl<T: SerializeOption> Serialize for Option<T> {
    fn serialize(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        T::serialize_option(self.as_ref(), parcel)
    }
}

/// Arrays of nullable elements (`@nullable String[]` elements, `@nullable(heap=..)`).
impl<T: SerializeOption> SerializeArray for Option<T> {}

impl<T: DeserializeOption> Deserialize for Option<T> {
    type UninitType = Self;
    fn uninit() -> Self {
        None
    }
    fn from_init(value: Self) -> Self {
        value
    }
    fn deserialize(parcel: &BorrowedParcel<'_>) -> Result<Self> {
        T::deserialize_option(parcel)
    }
    fn deserialize_from(&mut self, parcel: &BorrowedParcel<'_>) -> Result<()> {
        T::deserialize_option_from(self, parcel)
    }
}

impl<T: DeserializeOption> DeserializeArray for Option<T> {}

/// Recursive parcelables hold their children in boxes; the box is transparent on the wire.
impl<T: Serialize> Serialize for Box<T> {
    fn serialize(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        (**self).serialize(parcel)
    }
}

impl<T: SerializeOption> SerializeOption for Box<T> {
    fn serialize_option(this: Option<&Self>, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        T::serialize_option(this.map(|b| &**b), parcel)
    }
}

impl<T: Deserialize> Deserialize for Box<T> {
    type UninitType = Option<Self>;
    fn uninit() -> Self::UninitType {
        None
    }
    fn from_init(value: Self) -> Self::UninitType {
        Some(value)
    }
    fn deserialize(parcel: &BorrowedParcel<'_>) -> Result<Self> {
        T::deserialize(parcel).map(Box::new)
    }
}

impl<T: DeserializeOption> DeserializeOption for Box<T> {
    fn deserialize_option(parcel: &BorrowedParcel<'_>) -> Result<Option<Self>> {
        Ok(T::deserialize_option(parcel)?.map(Box::new))
    }
}

// ---------------------------------------------------------------------------------------------
// Binders, statuses, file descriptors
// ---------------------------------------------------------------------------------------------

/// AIDL `IBinder`; null is `UNEXPECTED_NULL` unless `@nullable`.
impl Serialize for SpIBinder {
    fn serialize(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        parcel.write_strong_binder(self)
    }
}

impl SerializeOption for SpIBinder {
    fn serialize_option(this: Option<&Self>, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        parcel.write_nullable_strong_binder(this)
    }
}

impl SerializeArray for SpIBinder {}

impl Deserialize for SpIBinder {
    type UninitType = Option<Self>;
    fn uninit() -> Self::UninitType {
        None
    }
    fn from_init(value: Self) -> Self::UninitType {
        Some(value)
    }
    fn deserialize(parcel: &BorrowedParcel<'_>) -> Result<Self> {
        parcel.read_strong_binder()
    }
}

impl DeserializeOption for SpIBinder {
    fn deserialize_option(parcel: &BorrowedParcel<'_>) -> Result<Option<Self>> {
        parcel.read_nullable_strong_binder()
    }
}

impl DeserializeArray for SpIBinder {}

/// A weak binder (`BINDER_TYPE_WEAK_*`), as C++ `writeWeakBinder`.
impl Serialize for WpIBinder {
    fn serialize(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        parcel.write_weak_binder(self)
    }
}

/// An AIDL interface argument: its binder.
impl<T: FromIBinder + ?Sized> Serialize for Strong<T> {
    fn serialize(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        parcel.write_strong_binder(&self.as_binder())
    }
}

impl<T: FromIBinder + ?Sized> SerializeOption for Strong<T> {
    fn serialize_option(this: Option<&Self>, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        parcel.write_nullable_strong_binder(this.map(Strong::as_binder).as_ref())
    }
}

impl<T: FromIBinder + ?Sized> SerializeArray for Strong<T> {}

impl<T: FromIBinder + ?Sized> Deserialize for Strong<T> {
    type UninitType = Option<Self>;
    fn uninit() -> Self::UninitType {
        None
    }
    fn from_init(value: Self) -> Self::UninitType {
        Some(value)
    }
    fn deserialize(parcel: &BorrowedParcel<'_>) -> Result<Self> {
        T::try_from(parcel.read_strong_binder()?)
    }
}

impl<T: FromIBinder + ?Sized> DeserializeOption for Strong<T> {
    fn deserialize_option(parcel: &BorrowedParcel<'_>) -> Result<Option<Self>> {
        parcel
            .read_nullable_strong_binder()?
            .map(T::try_from)
            .transpose()
    }
}

impl<T: FromIBinder + ?Sized> DeserializeArray for Strong<T> {}

/// The AIDL status at the head of every reply. An `EX_TRANSACTION_FAILED` status is not
/// written: it fails the transaction with its transport code (AOSP `AParcel_writeStatusHeader`).
impl Serialize for Status {
    fn serialize(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        self.write_to_parcel(parcel)
    }
}

impl Deserialize for Status {
    type UninitType = Option<Self>;
    fn uninit() -> Self::UninitType {
        None
    }
    fn from_init(value: Self) -> Self::UninitType {
        Some(value)
    }
    fn deserialize(parcel: &BorrowedParcel<'_>) -> Result<Self> {
        Status::read_from_parcel(parcel)
    }
}

/// AIDL `ParcelFileDescriptor`: presence flag `1`, an `i32` 0 (no comm channel) and a
/// `BINDER_TYPE_FD` object owning a duplicate (NDK `AParcel_writeParcelFileDescriptor`).
impl Serialize for ParcelFileDescriptor {
    fn serialize(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        Self::serialize_option(Some(self), parcel)
    }
}

impl SerializeOption for ParcelFileDescriptor {
    fn serialize_option(this: Option<&Self>, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        match this {
            Some(pfd) => {
                parcel.write(&NON_NULL_PARCELABLE_FLAG)?;
                parcel.write_dup_parcel_file_descriptor(pfd.as_fd())
            }
            None => parcel.write(&NULL_PARCELABLE_FLAG),
        }
    }
}

impl SerializeArray for ParcelFileDescriptor {}

impl Deserialize for ParcelFileDescriptor {
    type UninitType = Option<Self>;
    fn uninit() -> Self::UninitType {
        None
    }
    fn from_init(value: Self) -> Self::UninitType {
        Some(value)
    }
    fn deserialize(parcel: &BorrowedParcel<'_>) -> Result<Self> {
        Self::deserialize_option(parcel)?.ok_or(StatusCode::UNEXPECTED_NULL)
    }
}

impl DeserializeOption for ParcelFileDescriptor {
    fn deserialize_option(parcel: &BorrowedParcel<'_>) -> Result<Option<Self>> {
        match parcel.read::<i32>()? {
            NULL_PARCELABLE_FLAG => Ok(None),
            NON_NULL_PARCELABLE_FLAG => parcel
                .read_unique_parcel_file_descriptor()
                .map(|fd| Some(ParcelFileDescriptor::new(fd))),
            _ => Err(StatusCode::BAD_VALUE),
        }
    }
}

impl DeserializeArray for ParcelFileDescriptor {}

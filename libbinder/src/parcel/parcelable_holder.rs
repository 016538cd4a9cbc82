//! [`ParcelableHolder`]: an AIDL field that can hold any parcelable (AOSP
//! `parcel/parcelable_holder.rs`), for extensible parcelables.
//!
//! Wire format (C++ `ParcelableHolder::writeToParcel`): the holder's stability as an `i32`
//! (0 local, 1 VINTF), then the size of what follows (0 when empty), then the held
//! parcelable's descriptor as a String16 and its content. A received holder keeps those bytes
//! until [`get_parcelable`](ParcelableHolder::get_parcelable) names the type to read them as.

use std::any::Any;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard};

use crate::error::StatusCode;
use crate::interface::Stability;
use crate::parcel::parcelable::{Deserialize, Parcelable, ParcelableMetadata, Serialize};
use crate::parcel::{BorrowedParcel, Parcel, NON_NULL_PARCELABLE_FLAG, NULL_PARCELABLE_FLAG};

type Result<T> = std::result::Result<T, StatusCode>;

/// A held parcelable, with a way back to its concrete type.
trait AnyParcelable: Parcelable + fmt::Debug + Send + Sync {
    fn into_any(self: Arc<Self>) -> Arc<dyn Any + Send + Sync>;
}

impl<T: Parcelable + fmt::Debug + Send + Sync + 'static> AnyParcelable for T {
    fn into_any(self: Arc<Self>) -> Arc<dyn Any + Send + Sync> {
        self
    }
}

#[derive(Debug, Clone)]
enum Held {
    Empty,
    Parcelable {
        parcelable: Arc<dyn AnyParcelable>,
        name: String,
    },
    /// Received and not yet read: descriptor and content.
    Bytes(Vec<u8>),
}

/// A container for any parcelable (AOSP `ParcelableHolder`), the type of AIDL
/// `ParcelableHolder` fields.
///
/// binder-sim keeps a received holder's content as plain bytes, so a held parcelable that
/// carries binders or file descriptors is refused (`BAD_VALUE`) when read.
#[derive(Debug)]
pub struct ParcelableHolder {
    // A lock because `get_parcelable` takes `&self` (as in C++) yet caches what it read.
    held: Mutex<Held>,
    stability: Stability,
}

impl ParcelableHolder {
    /// An empty holder of the given stability.
    pub fn new(stability: Stability) -> ParcelableHolder {
        ParcelableHolder {
            held: Mutex::new(Held::Empty),
            stability,
        }
    }

    fn held(&self) -> MutexGuard<'_, Held> {
        self.held.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Empties the holder (its stability stays).
    pub fn reset(&mut self) {
        *self.held() = Held::Empty;
    }

    /// Holds `p`; `BAD_VALUE` if `p` is less stable than the holder.
    pub fn set_parcelable<T>(&mut self, p: Arc<T>) -> Result<()>
    where
        T: Any + Parcelable + ParcelableMetadata + fmt::Debug + Send + Sync,
    {
        if self.stability > p.get_stability() {
            return Err(StatusCode::BAD_VALUE);
        }
        *self.held() = Held::Parcelable {
            parcelable: p,
            name: T::get_descriptor().into(),
        };
        Ok(())
    }

    /// The held parcelable as a `T`: `Ok(None)` if the holder is empty or holds received
    /// bytes of another type, `BAD_VALUE` if it holds a set parcelable of another type.
    pub fn get_parcelable<T>(&self) -> Result<Option<Arc<T>>>
    where
        T: Any + Parcelable + ParcelableMetadata + Default + fmt::Debug + Send + Sync,
    {
        let descriptor = T::get_descriptor();
        let mut held = self.held();
        match &*held {
            Held::Empty => Ok(None),
            Held::Parcelable { parcelable, name } => {
                if name != descriptor {
                    return Err(StatusCode::BAD_VALUE);
                }
                parcelable
                    .clone()
                    .into_any()
                    .downcast::<T>()
                    .map(Some)
                    .map_err(|_| StatusCode::BAD_VALUE)
            }
            Held::Bytes(bytes) => {
                let parcel = Parcel::from_received(bytes, &[]);
                let name: String = parcel.read()?;
                if name != descriptor {
                    return Ok(None);
                }
                let mut parcelable = T::default();
                parcelable.read_from_parcel(&parcel)?;
                let parcelable = Arc::new(parcelable);
                *held = Held::Parcelable {
                    parcelable: parcelable.clone(),
                    name,
                };
                Ok(Some(parcelable))
            }
        }
    }

    /// The holder's stability.
    pub fn get_stability(&self) -> Stability {
        self.stability
    }
}

impl Parcelable for ParcelableHolder {
    fn write_to_parcel(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        parcel.write(&self.stability)?;
        match &*self.held() {
            Held::Empty => parcel.write(&0i32),
            Held::Parcelable { parcelable, name } => {
                let size_at = parcel.data_position();
                parcel.write(&0i32)?;
                let start = parcel.data_position();
                parcel.write(name)?;
                parcelable.write_to_parcel(parcel)?;
                let end = parcel.data_position();
                parcel.seek(size_at)?;
                parcel.write(&i32::try_from(end - start).map_err(|_| StatusCode::BAD_VALUE)?)?;
                parcel.seek(end)
            }
            Held::Bytes(bytes) => {
                parcel.write(&i32::try_from(bytes.len()).map_err(|_| StatusCode::BAD_VALUE)?)?;
                parcel.write_raw(bytes)
            }
        }
    }

    fn read_from_parcel(&mut self, parcel: &BorrowedParcel<'_>) -> Result<()> {
        if parcel.read::<Stability>()? != self.stability {
            return Err(StatusCode::BAD_VALUE);
        }
        let size = parcel.read::<i32>()?;
        if size < 0 {
            return Err(StatusCode::BAD_VALUE);
        }
        if size == 0 {
            *self.held() = Held::Empty;
            return Ok(());
        }
        // Past the data, or over binder objects: `read_raw` refuses both.
        let bytes = parcel.read_raw(size as usize).map_err(|e| match e {
            StatusCode::NOT_ENOUGH_DATA => StatusCode::BAD_VALUE,
            e => e,
        })?;
        *self.held() = Held::Bytes(bytes.to_vec());
        Ok(())
    }
}

impl Serialize for ParcelableHolder {
    fn serialize(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        parcel.write(&NON_NULL_PARCELABLE_FLAG)?;
        self.write_to_parcel(parcel)
    }
}

impl Deserialize for ParcelableHolder {
    type UninitType = Self;
    fn uninit() -> Self {
        ParcelableHolder::new(Stability::default())
    }
    fn from_init(value: Self) -> Self {
        value
    }
    fn deserialize(parcel: &BorrowedParcel<'_>) -> Result<Self> {
        let mut holder = ParcelableHolder::new(Stability::default());
        holder.deserialize_from(parcel)?;
        Ok(holder)
    }
    /// Reads into a holder of its own stability (a field declared `@VintfStability` reads a
    /// VINTF holder).
    fn deserialize_from(&mut self, parcel: &BorrowedParcel<'_>) -> Result<()> {
        if parcel.read::<i32>()? == NULL_PARCELABLE_FLAG {
            return Err(StatusCode::UNEXPECTED_NULL);
        }
        self.read_from_parcel(parcel)
    }
}

/// The stability on the wire: `i32` 0 (local) or 1 (VINTF).
impl Serialize for Stability {
    fn serialize(&self, parcel: &mut BorrowedParcel<'_>) -> Result<()> {
        parcel.write(&match self {
            Stability::Local => 0i32,
            Stability::Vintf => 1,
        })
    }
}

impl Deserialize for Stability {
    type UninitType = Self;
    fn uninit() -> Self {
        Stability::default()
    }
    fn from_init(value: Self) -> Self {
        value
    }
    fn deserialize(parcel: &BorrowedParcel<'_>) -> Result<Self> {
        match parcel.read::<i32>()? {
            0 => Ok(Stability::Local),
            1 => Ok(Stability::Vintf),
            _ => Err(StatusCode::BAD_VALUE),
        }
    }
}

#![forbid(unsafe_code)]
#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(non_upper_case_globals, non_snake_case, dead_code, unused_imports, clippy::all)]
//! `union Union { int[] ns = {}; int n; String s; ByteEnum be; }` in the shape AOSP's AIDL Rust backend generates.
use crate::aidl::ByteEnum::ByteEnum;
#[derive(Debug, Clone, PartialEq)]
pub enum r#Union {
  Ns(Vec<i32>),
  N(i32),
  S(String),
  Be(ByteEnum),
}
impl Default for r#Union {
  fn default() -> Self {
    Self::Ns(vec![])
  }
}
impl binder::Parcelable for r#Union {
  fn write_to_parcel(&self, parcel: &mut binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
    match self {
      Self::Ns(v) => {
        parcel.write(&0i32)?;
        parcel.write(v)
      }
      Self::N(v) => {
        parcel.write(&1i32)?;
        parcel.write(v)
      }
      Self::S(v) => {
        parcel.write(&2i32)?;
        parcel.write(v)
      }
      Self::Be(v) => {
        parcel.write(&3i32)?;
        parcel.write(v)
      }
    }
  }
  fn read_from_parcel(&mut self, parcel: &binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
    let tag: i32 = parcel.read()?;
    match tag {
      0 => {
        let value: Vec<i32> = parcel.read()?;
        *self = Self::Ns(value);
        Ok(())
      }
      1 => {
        let value: i32 = parcel.read()?;
        *self = Self::N(value);
        Ok(())
      }
      2 => {
        let value: String = parcel.read()?;
        *self = Self::S(value);
        Ok(())
      }
      3 => {
        let value: ByteEnum = parcel.read()?;
        *self = Self::Be(value);
        Ok(())
      }
      _ => Err(binder::StatusCode::BAD_VALUE),
    }
  }
}
binder::impl_serialize_for_parcelable!(r#Union);
binder::impl_deserialize_for_parcelable!(r#Union);
impl binder::binder_impl::ParcelableMetadata for r#Union {
  fn get_descriptor() -> &'static str { "binder.sim.aosp.Union" }
}
pub mod r#Tag {
  #![allow(non_upper_case_globals)]
  use binder::declare_binder_enum;
  declare_binder_enum! {
    #[repr(C, align(4))]
    r#Tag : [i32; 4] {
      r#Ns = 0,
      r#N = 1,
      r#S = 2,
      r#Be = 3,
    }
  }
}

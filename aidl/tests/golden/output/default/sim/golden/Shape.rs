/*
 * This file is auto-generated.  DO NOT MODIFY.
 * Using: binder-aidl --lang=rust -Itests/golden/input tests/golden/input/sim/golden/Shape.aidl
 *
 * DO NOT CHECK THIS FILE INTO A CODE TREE (e.g. git, etc..).
 * ALWAYS GENERATE THIS FILE FROM UPDATED AIDL COMPILER
 * AS A BUILD INTERMEDIATE ONLY. THIS IS NOT SOURCE CODE.
 */
#![forbid(unsafe_code)]
#![cfg_attr(rustfmt, rustfmt_skip)]
#[derive(Debug)]
pub enum r#Shape {
  Coords(Vec<i32>),
  Radius(f32),
  Name(String),
  Color(crate::mangled::_3_sim_6_golden_5_Color),
  Maybe(Option<String>),
  Callback(Option<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>),
  Binder(Option<binder::SpIBinder>),
}
pub const r#DEFAULT_NAME: &str = "shape";
impl Default for r#Shape {
  fn default() -> Self {
    Self::Coords(vec![0, 0])
  }
}
impl binder::Parcelable for r#Shape {
  fn write_to_parcel(&self, parcel: &mut binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
    match self {
      Self::Coords(v) => {
        parcel.write(&0i32)?;
        parcel.write(v)
      }
      Self::Radius(v) => {
        parcel.write(&1i32)?;
        parcel.write(v)
      }
      Self::Name(v) => {
        parcel.write(&2i32)?;
        parcel.write(v)
      }
      Self::Color(v) => {
        parcel.write(&3i32)?;
        parcel.write(v)
      }
      Self::Maybe(v) => {
        parcel.write(&4i32)?;
        parcel.write(v)
      }
      Self::Callback(v) => {
        parcel.write(&5i32)?;
        let __field_ref = v.as_ref().ok_or(binder::StatusCode::UNEXPECTED_NULL)?;
        parcel.write(__field_ref)
      }
      Self::Binder(v) => {
        parcel.write(&6i32)?;
        let __field_ref = v.as_ref().ok_or(binder::StatusCode::UNEXPECTED_NULL)?;
        parcel.write(__field_ref)
      }
    }
  }
  fn read_from_parcel(&mut self, parcel: &binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
    let tag: i32 = parcel.read()?;
    match tag {
      0 => {
        let value: Vec<i32> = parcel.read()?;
        *self = Self::Coords(value);
        Ok(())
      }
      1 => {
        let value: f32 = parcel.read()?;
        *self = Self::Radius(value);
        Ok(())
      }
      2 => {
        let value: String = parcel.read()?;
        *self = Self::Name(value);
        Ok(())
      }
      3 => {
        let value: crate::mangled::_3_sim_6_golden_5_Color = parcel.read()?;
        *self = Self::Color(value);
        Ok(())
      }
      4 => {
        let value: Option<String> = parcel.read()?;
        *self = Self::Maybe(value);
        Ok(())
      }
      5 => {
        let value: Option<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>> = Some(parcel.read()?);
        *self = Self::Callback(value);
        Ok(())
      }
      6 => {
        let value: Option<binder::SpIBinder> = Some(parcel.read()?);
        *self = Self::Binder(value);
        Ok(())
      }
      _ => {
        Err(binder::StatusCode::BAD_VALUE)
      }
    }
  }
}
binder::impl_serialize_for_parcelable!(r#Shape);
binder::impl_deserialize_for_parcelable!(r#Shape);
impl binder::binder_impl::ParcelableMetadata for r#Shape {
  fn get_descriptor() -> &'static str { "sim.golden.Shape" }
}
pub mod r#Tag {
  #![allow(non_upper_case_globals)]
  use binder::declare_binder_enum;
  declare_binder_enum! {
    #[repr(C, align(4))]
    r#Tag : [i32; 7] {
      r#coords = 0,
      r#radius = 1,
      r#name = 2,
      r#color = 3,
      r#maybe = 4,
      r#callback = 5,
      r#binder = 6,
    }
  }
}
pub(crate) mod mangled {
 pub use super::r#Shape as _3_sim_6_golden_5_Shape;
 pub use super::r#Tag::r#Tag as _3_sim_6_golden_5_Shape_3_Tag;
}

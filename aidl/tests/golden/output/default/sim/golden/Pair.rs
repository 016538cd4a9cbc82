/*
 * This file is auto-generated.  DO NOT MODIFY.
 * Using: binder-aidl --lang=rust -Itests/golden/input tests/golden/input/sim/golden/Pair.aidl
 *
 * DO NOT CHECK THIS FILE INTO A CODE TREE (e.g. git, etc..).
 * ALWAYS GENERATE THIS FILE FROM UPDATED AIDL COMPILER
 * AS A BUILD INTERMEDIATE ONLY. THIS IS NOT SOURCE CODE.
 */
#![forbid(unsafe_code)]
#![cfg_attr(rustfmt, rustfmt_skip)]
#[derive(Debug, Clone, PartialEq)]
pub struct r#Pair {
  pub r#first: i32,
  pub r#second: i32,
}
impl Default for r#Pair {
  fn default() -> Self {
    Self {
      r#first: 0,
      r#second: 0,
    }
  }
}
impl binder::Parcelable for r#Pair {
  fn write_to_parcel(&self, parcel: &mut binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
    parcel.sized_write(|subparcel| {
      subparcel.write(&self.r#first)?;
      subparcel.write(&self.r#second)?;
      Ok(())
    })
  }
  fn read_from_parcel(&mut self, parcel: &binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
    parcel.sized_read(|subparcel| {
      if subparcel.has_more_data() {
        self.r#first = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#second = subparcel.read()?;
      }
      Ok(())
    })
  }
}
binder::impl_serialize_for_parcelable!(r#Pair);
binder::impl_deserialize_for_parcelable!(r#Pair);
impl binder::binder_impl::ParcelableMetadata for r#Pair {
  fn get_descriptor() -> &'static str { "sim.golden.Pair" }
}
pub(crate) mod mangled {
 pub use super::r#Pair as _3_sim_6_golden_4_Pair;
}

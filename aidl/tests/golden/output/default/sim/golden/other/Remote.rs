/*
 * This file is auto-generated.  DO NOT MODIFY.
 * Using: binder-aidl --lang=rust -Itests/golden/input tests/golden/input/sim/golden/other/Remote.aidl
 *
 * DO NOT CHECK THIS FILE INTO A CODE TREE (e.g. git, etc..).
 * ALWAYS GENERATE THIS FILE FROM UPDATED AIDL COMPILER
 * AS A BUILD INTERMEDIATE ONLY. THIS IS NOT SOURCE CODE.
 */
#![forbid(unsafe_code)]
#![cfg_attr(rustfmt, rustfmt_skip)]
#[derive(Debug)]
pub struct r#Remote {
  pub r#level: crate::mangled::_3_sim_6_golden_5_Small,
  pub r#where: String,
}
impl Default for r#Remote {
  fn default() -> Self {
    Self {
      r#level: crate::mangled::_3_sim_6_golden_5_Small::TWO,
      r#where: Default::default(),
    }
  }
}
impl binder::Parcelable for r#Remote {
  fn write_to_parcel(&self, parcel: &mut binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
    parcel.sized_write(|subparcel| {
      subparcel.write(&self.r#level)?;
      subparcel.write(&self.r#where)?;
      Ok(())
    })
  }
  fn read_from_parcel(&mut self, parcel: &binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
    parcel.sized_read(|subparcel| {
      if subparcel.has_more_data() {
        self.r#level = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#where = subparcel.read()?;
      }
      Ok(())
    })
  }
}
binder::impl_serialize_for_parcelable!(r#Remote);
binder::impl_deserialize_for_parcelable!(r#Remote);
impl binder::binder_impl::ParcelableMetadata for r#Remote {
  fn get_descriptor() -> &'static str { "sim.golden.other.Remote" }
}
pub(crate) mod mangled {
 pub use super::r#Remote as _3_sim_6_golden_5_other_6_Remote;
}

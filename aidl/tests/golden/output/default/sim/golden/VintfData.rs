/*
 * This file is auto-generated.  DO NOT MODIFY.
 * Using: binder-aidl --lang=rust -Itests/golden/input tests/golden/input/sim/golden/VintfData.aidl
 *
 * DO NOT CHECK THIS FILE INTO A CODE TREE (e.g. git, etc..).
 * ALWAYS GENERATE THIS FILE FROM UPDATED AIDL COMPILER
 * AS A BUILD INTERMEDIATE ONLY. THIS IS NOT SOURCE CODE.
 */
#![forbid(unsafe_code)]
#![cfg_attr(rustfmt, rustfmt_skip)]
#[derive(Debug)]
pub struct r#VintfData {
  pub r#value: i32,
}
impl Default for r#VintfData {
  fn default() -> Self {
    Self {
      r#value: 0,
    }
  }
}
impl binder::Parcelable for r#VintfData {
  fn write_to_parcel(&self, parcel: &mut binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
    parcel.sized_write(|subparcel| {
      subparcel.write(&self.r#value)?;
      Ok(())
    })
  }
  fn read_from_parcel(&mut self, parcel: &binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
    parcel.sized_read(|subparcel| {
      if subparcel.has_more_data() {
        self.r#value = subparcel.read()?;
      }
      Ok(())
    })
  }
}
binder::impl_serialize_for_parcelable!(r#VintfData);
binder::impl_deserialize_for_parcelable!(r#VintfData);
impl binder::binder_impl::ParcelableMetadata for r#VintfData {
  fn get_descriptor() -> &'static str { "sim.golden.VintfData" }
  fn get_stability(&self) -> binder::binder_impl::Stability { binder::binder_impl::Stability::Vintf }
}
pub(crate) mod mangled {
 pub use super::r#VintfData as _3_sim_6_golden_9_VintfData;
}

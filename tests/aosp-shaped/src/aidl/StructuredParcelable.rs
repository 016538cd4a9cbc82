#![forbid(unsafe_code)]
#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(non_upper_case_globals, non_snake_case, dead_code, unused_imports, clippy::all)]
//! `parcelable StructuredParcelable` (defaults, `@nullable` and fixed-size fields) in the shape AOSP's AIDL Rust backend generates.
use crate::aidl::ByteEnum::ByteEnum;
#[derive(Debug, Clone, PartialEq)]
pub struct r#StructuredParcelable {
  pub r#shouldContainThreeFs: Vec<i32>,
  pub r#f: i32,
  pub r#shouldBeJerry: String,
  pub r#shouldBeByteBar: ByteEnum,
  pub r#stringDefaultsToFoo: String,
  pub r#byteDefaultsToFour: i8,
  pub r#intDefaultsToFive: i32,
  pub r#longDefaultsToNegativeSeven: i64,
  pub r#booleanDefaultsToTrue: bool,
  pub r#charDefaultsToC: u16,
  pub r#floatDefaultsToPi: f32,
  pub r#doubleWithDefault: f64,
  pub r#arrayDefaultsTo123: Vec<i32>,
  pub r#nullableString: Option<String>,
  pub r#nullableArray: Option<Vec<i32>>,
  pub r#fixedArray: [i32; 3],
  pub r#byteEnums: Vec<ByteEnum>,
  pub r#binder: Option<binder::SpIBinder>,
}
impl Default for r#StructuredParcelable {
  fn default() -> Self {
    Self {
      r#shouldContainThreeFs: Default::default(),
      r#f: Default::default(),
      r#shouldBeJerry: Default::default(),
      r#shouldBeByteBar: ByteEnum::BAR,
      r#stringDefaultsToFoo: "foo".into(),
      r#byteDefaultsToFour: 4,
      r#intDefaultsToFive: 5,
      r#longDefaultsToNegativeSeven: -7,
      r#booleanDefaultsToTrue: true,
      r#charDefaultsToC: 'C' as u16,
      r#floatDefaultsToPi: 3.14f32,
      r#doubleWithDefault: -3.14e17f64,
      r#arrayDefaultsTo123: vec![1, 2, 3],
      r#nullableString: Default::default(),
      r#nullableArray: Default::default(),
      r#fixedArray: Default::default(),
      r#byteEnums: Default::default(),
      r#binder: Default::default(),
    }
  }
}
impl binder::Parcelable for r#StructuredParcelable {
  fn write_to_parcel(&self, parcel: &mut binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
    parcel.sized_write(|subparcel| {
      subparcel.write(&self.r#shouldContainThreeFs)?;
      subparcel.write(&self.r#f)?;
      subparcel.write(&self.r#shouldBeJerry)?;
      subparcel.write(&self.r#shouldBeByteBar)?;
      subparcel.write(&self.r#stringDefaultsToFoo)?;
      subparcel.write(&self.r#byteDefaultsToFour)?;
      subparcel.write(&self.r#intDefaultsToFive)?;
      subparcel.write(&self.r#longDefaultsToNegativeSeven)?;
      subparcel.write(&self.r#booleanDefaultsToTrue)?;
      subparcel.write(&self.r#charDefaultsToC)?;
      subparcel.write(&self.r#floatDefaultsToPi)?;
      subparcel.write(&self.r#doubleWithDefault)?;
      subparcel.write(&self.r#arrayDefaultsTo123)?;
      subparcel.write(&self.r#nullableString)?;
      subparcel.write(&self.r#nullableArray)?;
      subparcel.write(&self.r#fixedArray)?;
      subparcel.write(&self.r#byteEnums)?;
      subparcel.write(&self.r#binder)?;
      Ok(())
    })
  }
  fn read_from_parcel(&mut self, parcel: &binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
    parcel.sized_read(|subparcel| {
      if subparcel.has_more_data() {
        self.r#shouldContainThreeFs = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#f = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#shouldBeJerry = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#shouldBeByteBar = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#stringDefaultsToFoo = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#byteDefaultsToFour = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#intDefaultsToFive = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#longDefaultsToNegativeSeven = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#booleanDefaultsToTrue = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#charDefaultsToC = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#floatDefaultsToPi = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#doubleWithDefault = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#arrayDefaultsTo123 = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#nullableString = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#nullableArray = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#fixedArray = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#byteEnums = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#binder = subparcel.read()?;
      }
      Ok(())
    })
  }
}
binder::impl_serialize_for_parcelable!(r#StructuredParcelable);
binder::impl_deserialize_for_parcelable!(r#StructuredParcelable);
impl binder::binder_impl::ParcelableMetadata for r#StructuredParcelable {
  fn get_descriptor() -> &'static str { "binder.sim.aosp.StructuredParcelable" }
}

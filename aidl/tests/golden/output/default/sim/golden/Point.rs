/*
 * This file is auto-generated.  DO NOT MODIFY.
 * Using: binder-aidl --lang=rust -Itests/golden/input tests/golden/input/sim/golden/Point.aidl
 *
 * DO NOT CHECK THIS FILE INTO A CODE TREE (e.g. git, etc..).
 * ALWAYS GENERATE THIS FILE FROM UPDATED AIDL COMPILER
 * AS A BUILD INTERMEDIATE ONLY. THIS IS NOT SOURCE CODE.
 */
#![forbid(unsafe_code)]
#![cfg_attr(rustfmt, rustfmt_skip)]
#[derive(Debug)]
pub struct r#Point {
  pub r#x: i32,
  pub r#y: i32,
  pub r#id: i64,
  pub r#visible: bool,
  pub r#hidden: bool,
  pub r#b: i8,
  pub r#c: u16,
  pub r#zero: u16,
  pub r#f: f32,
  pub r#fz: f32,
  pub r#d: f64,
  pub r#label: String,
  pub r#utf8Label: String,
  pub r#note: Option<String>,
  pub r#defaultedNote: Option<String>,
  pub r#tags: Vec<String>,
  pub r#numbers: Vec<i32>,
  pub r#raw: Vec<u8>,
  pub r#quad: [i32; 4],
  pub r#pair: [i32; 2],
  pub r#color: crate::mangled::_3_sim_6_golden_5_Color,
  pub r#colors: Vec<crate::mangled::_3_sim_6_golden_5_Color>,
  pub r#names: Vec<String>,
  pub r#maybeNames: Option<Vec<Option<String>>>,
  pub r#binder: Option<binder::SpIBinder>,
  pub r#maybeBinder: Option<binder::SpIBinder>,
  pub r#fd: Option<binder::ParcelFileDescriptor>,
  pub r#callback: Option<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>,
  pub r#maybeCallback: Option<binder::Strong<dyn crate::mangled::_3_sim_6_golden_9_ICallback>>,
  pub r#next: Option<Box<crate::mangled::_3_sim_6_golden_5_Point>>,
}
pub const r#ORIGIN: i32 = 0;
pub const r#KIND: &str = "point";
impl Default for r#Point {
  fn default() -> Self {
    Self {
      r#x: 0,
      r#y: 10,
      r#id: 1,
      r#visible: true,
      r#hidden: false,
      r#b: -3,
      r#c: 'x' as u16,
      r#zero: '\0' as u16,
      r#f: 2.500000f32,
      r#fz: 0.000000f32,
      r#d: 0.250000f64,
      r#label: "origin".into(),
      r#utf8Label: Default::default(),
      r#note: Default::default(),
      r#defaultedNote: Some("n".into()),
      r#tags: vec!["a".into(), "b".into()],
      r#numbers: vec![1, 2, 3],
      r#raw: vec![1, 255],
      r#quad: [Default::default(), Default::default(), Default::default(), Default::default()],
      r#pair: [7, 8],
      r#color: crate::mangled::_3_sim_6_golden_5_Color::GREEN,
      r#colors: vec![crate::mangled::_3_sim_6_golden_5_Color::RED, crate::mangled::_3_sim_6_golden_5_Color::BLUE],
      r#names: Default::default(),
      r#maybeNames: Default::default(),
      r#binder: Default::default(),
      r#maybeBinder: Default::default(),
      r#fd: Default::default(),
      r#callback: Default::default(),
      r#maybeCallback: Default::default(),
      r#next: Default::default(),
    }
  }
}
impl binder::Parcelable for r#Point {
  fn write_to_parcel(&self, parcel: &mut binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
    parcel.sized_write(|subparcel| {
      subparcel.write(&self.r#x)?;
      subparcel.write(&self.r#y)?;
      subparcel.write(&self.r#id)?;
      subparcel.write(&self.r#visible)?;
      subparcel.write(&self.r#hidden)?;
      subparcel.write(&self.r#b)?;
      subparcel.write(&self.r#c)?;
      subparcel.write(&self.r#zero)?;
      subparcel.write(&self.r#f)?;
      subparcel.write(&self.r#fz)?;
      subparcel.write(&self.r#d)?;
      subparcel.write(&self.r#label)?;
      subparcel.write(&self.r#utf8Label)?;
      subparcel.write(&self.r#note)?;
      subparcel.write(&self.r#defaultedNote)?;
      subparcel.write(&self.r#tags)?;
      subparcel.write(&self.r#numbers)?;
      subparcel.write(&self.r#raw)?;
      subparcel.write(&self.r#quad)?;
      subparcel.write(&self.r#pair)?;
      subparcel.write(&self.r#color)?;
      subparcel.write(&self.r#colors)?;
      subparcel.write(&self.r#names)?;
      subparcel.write(&self.r#maybeNames)?;
      let __field_ref = self.r#binder.as_ref().ok_or(binder::StatusCode::UNEXPECTED_NULL)?;
      subparcel.write(__field_ref)?;
      subparcel.write(&self.r#maybeBinder)?;
      let __field_ref = self.r#fd.as_ref().ok_or(binder::StatusCode::UNEXPECTED_NULL)?;
      subparcel.write(__field_ref)?;
      let __field_ref = self.r#callback.as_ref().ok_or(binder::StatusCode::UNEXPECTED_NULL)?;
      subparcel.write(__field_ref)?;
      subparcel.write(&self.r#maybeCallback)?;
      subparcel.write(&self.r#next)?;
      Ok(())
    })
  }
  fn read_from_parcel(&mut self, parcel: &binder::binder_impl::BorrowedParcel) -> std::result::Result<(), binder::StatusCode> {
    parcel.sized_read(|subparcel| {
      if subparcel.has_more_data() {
        self.r#x = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#y = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#id = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#visible = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#hidden = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#b = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#c = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#zero = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#f = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#fz = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#d = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#label = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#utf8Label = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#note = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#defaultedNote = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#tags = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#numbers = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#raw = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#quad = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#pair = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#color = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#colors = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#names = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#maybeNames = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#binder = Some(subparcel.read()?);
      }
      if subparcel.has_more_data() {
        self.r#maybeBinder = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#fd = Some(subparcel.read()?);
      }
      if subparcel.has_more_data() {
        self.r#callback = Some(subparcel.read()?);
      }
      if subparcel.has_more_data() {
        self.r#maybeCallback = subparcel.read()?;
      }
      if subparcel.has_more_data() {
        self.r#next = subparcel.read()?;
      }
      Ok(())
    })
  }
}
binder::impl_serialize_for_parcelable!(r#Point);
binder::impl_deserialize_for_parcelable!(r#Point);
impl binder::binder_impl::ParcelableMetadata for r#Point {
  fn get_descriptor() -> &'static str { "sim.golden.Point" }
}
pub(crate) mod mangled {
 pub use super::r#Point as _3_sim_6_golden_5_Point;
}

#![forbid(unsafe_code)]
#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(non_upper_case_globals)]
//! `enum ByteEnum : byte { FOO = 1, BAR = 2, BAZ = 3 }` in the shape AOSP's AIDL Rust backend generates.
use binder::declare_binder_enum;
declare_binder_enum! {
  #[repr(C, align(1))]
  r#ByteEnum : [i8; 3] {
    r#FOO = 1,
    r#BAR = 2,
    r#BAZ = 3,
  }
}

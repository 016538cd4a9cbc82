/*
 * This file is auto-generated.  DO NOT MODIFY.
 * Using: binder-aidl --lang=rust -Itests/golden/input tests/golden/input/sim/golden/Color.aidl
 *
 * DO NOT CHECK THIS FILE INTO A CODE TREE (e.g. git, etc..).
 * ALWAYS GENERATE THIS FILE FROM UPDATED AIDL COMPILER
 * AS A BUILD INTERMEDIATE ONLY. THIS IS NOT SOURCE CODE.
 */
#![forbid(unsafe_code)]
#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(non_upper_case_globals)]
use binder::declare_binder_enum;
declare_binder_enum! {
  #[repr(C, align(4))]
  r#Color : [i32; 5] {
    r#RED = 1,
    r#GREEN = 2,
    r#BLUE = 8,
    #[deprecated = "use BLUE"]
    r#NAVY = 8,
    r#WHITE = 2147483647,
  }
}
pub(crate) mod mangled {
 pub use super::r#Color as _3_sim_6_golden_5_Color;
}

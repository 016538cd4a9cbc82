/*
 * This file is auto-generated.  DO NOT MODIFY.
 * Using: binder-aidl --lang=rust -Itests/golden/input tests/golden/input/sim/golden/Small.aidl
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
  #[repr(C, align(1))]
  r#Small : [i8; 5] {
    r#ZERO = 0,
    r#ONE = 1,
    r#TWO = 2,
    r#MINUS = -1,
    r#AFTER_MINUS = 0,
  }
}
pub(crate) mod mangled {
 pub use super::r#Small as _3_sim_6_golden_5_Small;
}

//! Code in the shape AOSP's AIDL Rust backend generates for the interfaces of
//! `binder.sim.aosp` (see `aidl/`), compiled against binder-sim's `libbinder` renamed to
//! `binder` in `Cargo.toml`, exactly as an AOSP crate depends on AOSP's `binder` crate.
//!
//! The AIDL this stands for:
//!
//! ```text
//! package binder.sim.aosp;
//! enum ByteEnum { FOO = 1, BAR = 2, BAZ = 3 }            // @Backing(type="byte")
//! parcelable StructuredParcelable { int[] shouldContainThreeFs; int f; ...defaults...;
//!     @nullable String nullableString; @nullable int[] nullableArray; int[3] fixedArray;
//!     ByteEnum[] byteEnums; @nullable IBinder binder; }
//! union Union { int[] ns = {}; int n; String s; ByteEnum be; }
//! interface ICallback { int onValue(int v); String describe(String prefix);
//!     oneway void ping(String tag); }
//! interface ITestService { ... }                            // version 3, see ITestService.rs
//! ```
//!
//! The files under `aidl/` stand for generated output (one file per type, as the backend
//! writes them); the rest of the crate is what an Android engineer writes around them.

pub mod aidl {
    #![allow(non_snake_case)]
    pub mod ByteEnum;
    pub mod ICallback;
    pub mod ITestService;
    pub mod ITestServiceNewer;
    pub mod StructuredParcelable;
    pub mod Union;
}

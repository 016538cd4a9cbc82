package sim.golden;

// Written by hand in Rust; no file is generated for it.
parcelable Handle rust_type "crate::Handle";

//! The README's AIDL quick start: `aidl/com/example/greeter/IGreeter.aidl`, compiled by
//! `build.rs` into this crate; `src/bin/greeter-service.rs` serves it and
//! `src/bin/greeter-client.rs` calls it.

// At the crate root, so that the generated files' `crate::mangled::...` paths resolve.
include!(concat!(env!("OUT_DIR"), "/aidl.rs"));

/// The name the service registers under.
pub const SERVICE_NAME: &str = "com.example.greeter.IGreeter/default";

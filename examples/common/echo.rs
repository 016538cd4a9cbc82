// The interface the echo examples speak: `interface IEcho { String echo(String s); }`, in the
// shape AOSP's AIDL Rust backend generates.
#[allow(non_snake_case)]
#[path = "aidl/IEcho.rs"]
pub mod IEcho;

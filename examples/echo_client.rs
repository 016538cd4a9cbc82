//! Concept: finding a service by name and calling it (run `echo_server` first).
//!
//! ```sh
//! cargo run --example echo_client -- hello
//! ```
// Generated code names the library `binder`, as AOSP crates call it.
extern crate libbinder as binder;

// The interfaces, generated from examples/aidl/ by build.rs; at the crate root, so that the
// generated files' `crate::mangled::...` paths resolve.
include!(concat!(env!("OUT_DIR"), "/aidl.rs"));

use aidl::com::example::IEcho::IEcho;
use binder_sim::libbinder::{self, ProcessState};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = std::env::args().nth(1).unwrap_or_else(|| "hello".into());
    ProcessState::init_default()
        .map_err(|e| format!("{e} (start it with: cargo run --example echo_server)"))?;
    let echo = libbinder::get_interface::<dyn IEcho>("echo")
        .map_err(|e| format!("no \"echo\" service ({e:?}): run cargo run --example echo_server"))?;
    println!("{}", echo.echo(&text)?);
    Ok(())
}

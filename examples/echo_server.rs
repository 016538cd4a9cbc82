//! Concept: a named service. Registers `echo` with the service manager and serves it.
//!
//! ```sh
//! cargo run --example echo_server          # this terminal
//! cargo run --example echo_client -- hi    # another terminal
//! ```
// Generated code names the library `binder`, as AOSP crates call it.
extern crate libbinder as binder;

// The interfaces, generated from examples/aidl/ by build.rs; at the crate root, so that the
// generated files' `crate::mangled::...` paths resolve.
include!(concat!(env!("OUT_DIR"), "/aidl.rs"));
#[path = "common/system.rs"]
mod system;

use aidl::com::example::IEcho::{BnEcho, IEcho};
use binder_sim::libbinder::{self, BinderFeatures, Interface, ProcessState, ThreadState};

struct Echo;

impl Interface for Echo {}

impl IEcho for Echo {
    fn echo(&self, s: &str) -> libbinder::Result<String> {
        println!(
            "echo_server: echo({s:?}) from pid {}",
            ThreadState::get_calling_pid()
        );
        Ok(format!("echo: {s}"))
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    system::role();
    let _system = system::start()?;
    libbinder::add_service(
        "echo",
        BnEcho::new_binder(Echo, BinderFeatures::default()).as_binder(),
    )?;
    println!(
        "echo_server: serving \"echo\" on {}\nIn another terminal: cargo run --example echo_client -- hello",
        ProcessState::default_device().display()
    );
    ProcessState::join_thread_pool()?;
    Ok(())
}

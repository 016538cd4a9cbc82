//! A minimal Binder service: registers `example.echo` with the service manager and serves it
//! on the thread pool. Needs binderd and a servicemanager on the device (`BINDER_DEVICE`).
// Generated code names the library `binder`, as AOSP crates call it.
extern crate libbinder as binder;

// The interfaces, generated from examples/aidl/ by build.rs; at the crate root, so that the
// generated files' `crate::mangled::...` paths resolve.
include!(concat!(env!("OUT_DIR"), "/aidl.rs"));
use aidl::com::example::IEcho::{BnEcho, IEcho};
use libbinder::{BinderFeatures, Interface, ProcessState};

struct Echo;

impl Interface for Echo {}

impl IEcho for Echo {
    fn echo(&self, s: &str) -> libbinder::Result<String> {
        Ok(format!("echo: {s}"))
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    ProcessState::init_default()?;
    let service = BnEcho::new_binder(Echo, BinderFeatures::default());
    libbinder::add_service("example.echo", service.as_binder())?;
    ProcessState::join_thread_pool()?;
    Ok(())
}

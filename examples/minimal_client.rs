//! A minimal Binder client: finds `example.echo` through the service manager and calls it.
// Generated code names the library `binder`, as AOSP crates call it.
extern crate libbinder as binder;

// The interfaces, generated from examples/aidl/ by build.rs; at the crate root, so that the
// generated files' `crate::mangled::...` paths resolve.
include!(concat!(env!("OUT_DIR"), "/aidl.rs"));
use aidl::com::example::IEcho::IEcho;
use libbinder::ProcessState;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    ProcessState::init_default()?;
    let echo = libbinder::get_interface::<dyn IEcho>("example.echo")?;
    println!("{}", echo.echo("hello")?);
    Ok(())
}

//! Concept: death notification. A service runs in a child process; we link a death recipient
//! to it and kill the child with SIGKILL: the driver tells us.
//!
//! ```sh
//! cargo run --example death_watch
//! ```
// Generated code names the library `binder`, as AOSP crates call it.
extern crate libbinder as binder;

// The interfaces, generated from examples/aidl/ by build.rs; at the crate root, so that the
// generated files' `crate::mangled::...` paths resolve.
include!(concat!(env!("OUT_DIR"), "/aidl.rs"));
#[path = "common/system.rs"]
mod system;

use std::sync::mpsc;
use std::time::Duration;

use aidl::com::example::IEcho::{BnEcho, IEcho};
use binder_sim::libbinder::binder_impl::IBinderInternal;
use binder_sim::libbinder::{self, BinderFeatures, DeathRecipient, IBinder, Interface};

struct Echo;

impl Interface for Echo {}

impl IEcho for Echo {
    fn echo(&self, s: &str) -> libbinder::Result<String> {
        Ok(s.into())
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if system::role().as_deref() == Some("victim") {
        return system::serve_as("victim", || {
            BnEcho::new_binder(Echo, BinderFeatures::default()).as_binder()
        });
    }
    let _system = system::start()?;
    let mut victim = system::spawn_service("victim")?;
    let mut service = libbinder::get_service("victim").ok_or("the victim did not register")?;
    println!(
        "death_watch: \"victim\" is pid {}; linking a death recipient",
        victim.id()
    );
    let (tx, rx) = mpsc::channel();
    let mut recipient = DeathRecipient::new(move || {
        let _ = tx.send(());
    });
    service.link_to_death(&mut recipient)?;
    println!("death_watch: kill -9 {}", victim.id());
    victim.kill()?;
    victim.wait()?;
    rx.recv_timeout(Duration::from_secs(20))
        .map_err(|_| "no death notification within 20 s")?;
    println!("death_watch: binderDied: the driver reported \"victim\" dead");
    println!(
        "death_watch: is_binder_alive() = {}",
        service.is_binder_alive()
    );
    Ok(())
}

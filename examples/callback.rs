//! Concept: capability passing. We hand a service a callback object; the service calls it back
//! (a nested call into our process while our call is still running).
//!
//! ```sh
//! cargo run --example callback
//! ```
// Generated code names the library `binder`, as AOSP crates call it.
extern crate libbinder as binder;

#[path = "common/system.rs"]
mod system;

// The interfaces, generated from examples/aidl/ by build.rs; at the crate root, so that the
// generated files' `crate::mangled::...` paths resolve.
include!(concat!(env!("OUT_DIR"), "/aidl.rs"));

use aidl::binder::sim::example::IListener::{BnListener, IListener};
use aidl::binder::sim::example::INotifier::{BnNotifier, INotifier};
use binder_sim::libbinder::{self, BinderFeatures, Interface, Strong, ThreadState};

struct Notifier;

impl Interface for Notifier {}

impl INotifier for Notifier {
    fn subscribe(
        &self,
        listener: &Strong<dyn IListener>,
        events: i32,
    ) -> libbinder::Result<String> {
        let mut answers = Vec::new();
        for n in 1..=events {
            answers.push(listener.on_event(n)?);
        }
        Ok(answers.join(", "))
    }
}

struct Listener;

impl Interface for Listener {}

impl IListener for Listener {
    fn on_event(&self, n: i32) -> libbinder::Result<String> {
        println!(
            "callback: on_event({n}) in pid {}, called by pid {}",
            std::process::id(),
            ThreadState::get_calling_pid()
        );
        Ok(format!("ack {n}"))
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if system::role().as_deref() == Some("notifier") {
        return system::serve_as("notifier", || {
            BnNotifier::new_binder(Notifier, BinderFeatures::default()).as_binder()
        });
    }
    let _system = system::start()?;
    let child = system::spawn_service("notifier")?;
    let notifier = libbinder::get_interface::<dyn INotifier>("notifier")?;
    println!(
        "callback: pid {} passes a listener object to the notifier (pid {})",
        std::process::id(),
        child.id()
    );
    let answers = notifier.subscribe(
        &BnListener::new_binder(Listener, BinderFeatures::default()),
        3,
    )?;
    println!("callback: subscribe returned: {answers}");
    Ok(())
}

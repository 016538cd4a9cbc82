//! Concept: capability passing. We hand a service a callback object; the service calls it back
//! (a nested call into our process while our call is still running).
//!
//! ```sh
//! cargo run --example callback
//! ```
#[path = "common/system.rs"]
mod system;

use binder_sim::libbinder::{self, declare_binder_interface, Interface, Strong};
use binder_sim::libbinder::thread::{get_calling_pid};

declare_binder_interface! {
    IListener["binder.sim.example.IListener"] {
        native: BnListener, proxy: BpListener;
        fn on_event(&self, n: i32) -> String;
    }
}

declare_binder_interface! {
    INotifier["binder.sim.example.INotifier"] {
        native: BnNotifier, proxy: BpNotifier;
        fn subscribe(&self, listener: Strong<dyn IListener>, events: i32) -> String;
    }
}

struct Notifier;

impl Interface for Notifier {}

impl INotifier for Notifier {
    fn subscribe(&self, listener: Strong<dyn IListener>, events: i32) -> libbinder::Result<String> {
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
            get_calling_pid()
        );
        Ok(format!("ack {n}"))
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if system::role().as_deref() == Some("notifier") {
        return system::serve_as("notifier", || BnNotifier::new_binder(Notifier).as_binder());
    }
    let _system = system::start()?;
    let child = system::spawn_service("notifier")?;
    let notifier = libbinder::get_interface::<dyn INotifier>("notifier")?;
    println!(
        "callback: pid {} passes a listener object to the notifier (pid {})",
        std::process::id(),
        child.id()
    );
    let answers = notifier.subscribe(BnListener::new_binder(Listener), 3)?;
    println!("callback: subscribe returned: {answers}");
    Ok(())
}

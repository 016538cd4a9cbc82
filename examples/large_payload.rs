//! Concept: one-copy transfer. We send ~900 KB to a service in another process; binderd copies
//! it once, from our memory into the receiver's read-only buffer.
//!
//! ```sh
//! cargo run --release --example large_payload
//! ```
// Generated code names the library `binder`, as AOSP crates call it.
extern crate libbinder as binder;

#[path = "common/system.rs"]
mod system;

use std::time::Instant;

// The interfaces, generated from examples/aidl/ by build.rs; at the crate root, so that the
// generated files' `crate::mangled::...` paths resolve.
include!(concat!(env!("OUT_DIR"), "/aidl.rs"));

use aidl::binder::sim::example::ISink::{BnSink, ISink};
use binder_sim::libbinder::{self, BinderFeatures, Interface};

const SIZE: usize = 900 * 1024;

struct Sink;

impl Interface for Sink {}

impl ISink for Sink {
    fn take(&self, data: &[u8]) -> libbinder::Result<i64> {
        Ok(data.iter().map(|&b| i64::from(b)).sum())
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if system::role().as_deref() == Some("sink") {
        return system::serve_as("sink", || {
            BnSink::new_binder(Sink, BinderFeatures::default()).as_binder()
        });
    }
    let running = system::start()?;
    let child = system::spawn_service("sink")?;
    let sink = libbinder::get_interface::<dyn ISink>("sink")?;
    let data: Vec<u8> = (0..SIZE).map(|i| (i % 251) as u8).collect();
    let expected: i64 = data.iter().map(|&b| i64::from(b)).sum();
    let stats = || running.daemon.as_ref().and_then(|d| d.copy_stats("binder"));
    let before = stats();
    let start = Instant::now();
    let sum = sink.take(&data)?;
    let took = start.elapsed();
    if sum != expected {
        return Err(
            format!("the sink saw a different payload (sum {sum}, expected {expected})").into(),
        );
    }
    println!(
        "large_payload: {SIZE} bytes to pid {} and a reply in {took:?}; contents checked",
        child.id()
    );
    match (before, stats()) {
        (Some(b), Some(a)) => {
            let copied = (a.one_copy_bytes + a.inline_bytes) - (b.one_copy_bytes + b.inline_bytes);
            println!(
                "large_payload: binderd copied {copied} bytes: {:.3} per payload byte",
                copied as f64 / SIZE as f64
            );
        }
        _ => {
            println!("large_payload: (copy counts are shown when this example runs binderd itself)")
        }
    }
    Ok(())
}

//! The driver core driven by structured command streams from several processes and threads,
//! on a host that behaves as binderd does; oracles in `binder_sim_fuzz::host`.
#![no_main]

use binder_sim_fuzz::scenario::{Runner, Scenario};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: Scenario| {
    Runner::run(&s);
});

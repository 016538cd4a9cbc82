//! A `/dev/binder` for programs that were not written for binder-sim.
//!
//! Loaded with `LD_PRELOAD` (see `binder-run`), this library makes the binder device files
//! appear where programs look for them (`/dev/binder`, `/dev/hwbinder`, `/dev/vndbinder`, the
//! same under `/dev/binderfs/`, and the paths `BINDER_SIM_PATHS` names) and serves the C
//! library calls such programs make on them — `open`, `ioctl`, `mmap`, `munmap`, `close`,
//! `dup*`, `fcntl`, `poll`, `ppoll`, `select`, `epoll_ctl` — through a
//! [`Device`](binder_driver::device::Device) on the binderd serving `$BINDER_SIM_DIR`, with the
//! kernel's answers. Every other path and descriptor goes straight to the C library.
//!
//! What it cannot see: programs linked statically, or making system calls without the C
//! library (raw `syscall`, Go, rustix's default backend), and setuid programs (the loader
//! ignores `LD_PRELOAD` for them).
//!
//! The variadic C functions (`open`, `ioctl`, `fcntl`) are defined with their optional
//! argument as a fixed one: on the Linux ABIs this builds for (x86-64, AArch64), a variadic
//! integer or pointer argument travels exactly where a fixed one would.

mod files;
mod interpose;
mod paths;
mod real;
mod stat;

use std::cell::Cell;

thread_local! {
    /// Whether this thread is inside the shim: the device's own system calls (its sockets,
    /// its mappings, its descriptors) must reach the C library, not the shim again.
    static INSIDE: Cell<bool> = const { Cell::new(false) };
}

/// While it lives, this thread's calls go straight to the C library.
pub(crate) struct Inside(());

impl Inside {
    /// Enters the shim; `None` if this thread already is inside it (or is being torn down,
    /// when its thread-locals are gone).
    pub(crate) fn enter() -> Option<Inside> {
        INSIDE
            .try_with(|i| (!i.replace(true)).then_some(Inside(())))
            .ok()
            .flatten()
    }
}

impl Drop for Inside {
    fn drop(&mut self) {
        let _ = INSIDE.try_with(|i| i.set(false));
    }
}

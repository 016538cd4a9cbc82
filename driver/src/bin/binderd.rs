//! binderd: serves binder devices as Unix sockets, playing the kernel's part.
//!
//! `binderd [--dir DIR] [--devices binder,hwbinder,vndbinder] [--workers N]
//! [--max-connections-per-uid N]`
//!
//! Logs go to stderr, filtered by `RUST_LOG` (default `info`). SIGTERM or SIGINT shuts it
//! down: every client's ioctls then fail with `ECONNREFUSED`.

use std::path::PathBuf;
use std::process::ExitCode;

use binder_driver::daemon::{Config, Daemon};
use clap::Parser;

/// Serves binder devices as Unix sockets, playing the kernel's part.
#[derive(Parser)]
#[command(name = "binderd", version)]
struct Args {
    /// Directory of the device sockets [default: $BINDER_SIM_DIR, else
    /// $XDG_RUNTIME_DIR/binder-sim, else /tmp/binder-sim-$UID]
    #[arg(long)]
    dir: Option<PathBuf>,
    /// Devices to serve, each an independent context [default: binder,hwbinder,vndbinder]
    #[arg(long, value_delimiter = ',')]
    devices: Option<Vec<String>>,
    /// epoll worker threads
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    workers: Option<u32>,
    /// The most connections one uid may hold open at once, over every device
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    max_connections_per_uid: Option<u32>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    binder_driver::log_to_stderr("info");
    let mut config = Config::new(args.dir.unwrap_or_else(Config::default_dir));
    if let Some(d) = args.devices {
        config.devices = d;
    }
    if let Some(n) = args.workers {
        config.workers = n as usize;
    }
    if let Some(n) = args.max_connections_per_uid {
        config.max_connections_per_uid = n as usize;
    }
    // Block the stop signals before any worker starts, so that only sigwait sees them.
    // SAFETY: plain signal-mask calls on a zeroed set.
    let set = unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGTERM);
        libc::sigaddset(&mut set, libc::SIGINT);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
        set
    };
    let daemon = match Daemon::start(config) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("binderd: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut sig = 0;
    // SAFETY: waiting on the blocked set.
    unsafe { libc::sigwait(&set, &mut sig) };
    tracing::info!(signal = sig, "shutting down");
    daemon.shutdown();
    ExitCode::SUCCESS
}

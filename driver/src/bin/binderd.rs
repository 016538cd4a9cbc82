//! binderd: serves binder devices as Unix sockets, playing the kernel's part.
//!
//! `binderd [--dir DIR] [--devices binder,hwbinder,vndbinder] [--workers N]
//! [--max-connections-per-uid N]`
//!
//! Logs go to stderr, filtered by `RUST_LOG` (default `info`). SIGTERM or SIGINT shuts it
//! down: every client's ioctls then fail with `ECONNREFUSED`.

use std::process::ExitCode;

use binder_driver::daemon::{Config, Daemon};

fn usage() -> ExitCode {
    eprintln!(
        "usage: binderd [--dir DIR] [--devices NAME[,NAME...]] [--workers N] \
         [--max-connections-per-uid N]"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let mut config = Config::new(Config::default_dir());
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let Some(v) = args.next() else {
            return usage();
        };
        match a.as_str() {
            "--dir" => config.dir = v.into(),
            "--devices" => config.devices = v.split(',').map(str::to_owned).collect(),
            "--workers" => match v.parse() {
                Ok(n) => config.workers = n,
                Err(_) => return usage(),
            },
            "--max-connections-per-uid" => match v.parse() {
                Ok(n) if n > 0 => config.max_connections_per_uid = n,
                _ => return usage(),
            },
            _ => return usage(),
        }
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

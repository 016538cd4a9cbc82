//! `servicemanager [DEVICE] [--policy FILE]`: the context manager of a binder-sim device.
//!
//! As AOSP's: no thread pool; one thread polls the driver's fd (`setup_polling`), registers
//! the manager itself as `manager`, serves every call in order, and every 5 seconds tells
//! services with client callbacks whose clients are gone.

use std::os::fd::RawFd;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use libbinder::{Binder, ProcessState, StatusCode};
use servicemanager::{Access, ServiceManager};

/// How often services with client callbacks are checked for lost clients (AOSP: 5 s).
const CLIENT_CHECK_INTERVAL: Duration = Duration::from_secs(5);

fn usage() -> ExitCode {
    eprintln!("usage: servicemanager [DEVICE] [--policy FILE]");
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
    let mut device = None;
    let mut policy = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--policy" => match args.next() {
                Some(p) => policy = Some(PathBuf::from(p)),
                None => return usage(),
            },
            "-h" | "--help" => return usage(),
            _ if device.is_none() && !a.starts_with('-') => device = Some(PathBuf::from(a)),
            _ => return usage(),
        }
    }
    let device = device.unwrap_or_else(ProcessState::default_device);
    let access = match policy {
        None => Access::permissive(),
        Some(p) => match Access::load(&p) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("servicemanager: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    match serve(device, access) {
        Ok(never) => match never {},
        Err(e) => {
            eprintln!("servicemanager: {e}");
            ExitCode::FAILURE
        }
    }
}

fn serve(device: PathBuf, access: Access) -> Result<std::convert::Infallible, String> {
    let ps = ProcessState::init(&device, 0)
        .map_err(|e| format!("cannot open {}: {e}", device.display()))?;
    let manager = Binder::new(ServiceManager::new(access));
    let binder = manager.as_binder();
    manager.add_own("manager", &binder);
    ps.become_context_manager_with(&binder).map_err(|e| {
        if e == StatusCode::ALREADY_EXISTS {
            format!(
                "{} already has a context manager (EBUSY): is another servicemanager running?",
                device.display()
            )
        } else {
            format!(
                "cannot become the context manager of {}: {e:?}",
                device.display()
            )
        }
    })?;
    let fd = libbinder::setup_polling().map_err(|e| format!("setup_polling: {e:?}"))?;
    tracing::info!(device = %device.display(), "servicemanager ready");
    let mut next_check = Instant::now() + CLIENT_CHECK_INTERVAL;
    loop {
        let left = next_check.saturating_duration_since(Instant::now());
        if wait_readable(fd, left)? {
            libbinder::handle_polled_commands()
                .map_err(|e| format!("the driver connection failed: {e:?}"))?;
        }
        if Instant::now() >= next_check {
            manager.handle_client_callbacks();
            next_check = Instant::now() + CLIENT_CHECK_INTERVAL;
        }
    }
}

/// Blocks until `fd` is readable (true) or `timeout` passed (false).
fn wait_readable(fd: RawFd, timeout: Duration) -> Result<bool, String> {
    // Rounded up, so that a wait never ends before the deadline.
    let ms = i32::try_from(timeout.as_micros().div_ceil(1000)).unwrap_or(i32::MAX);
    let mut pfd = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    loop {
        // SAFETY: pfd is a valid pollfd for the duration of the call.
        let r = unsafe { libc::poll(&mut pfd, 1, ms) };
        if r >= 0 {
            return Ok(r > 0);
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("poll: {e}"));
        }
    }
}

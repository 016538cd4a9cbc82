//! The Binder context manager: `android.os.IServiceManager` at handle 0 (AOSP
//! `cmds/servicemanager`), for binder-sim's driver.
//!
//! [`ServiceManager`] is the registry with AOSP's rules; [`Access`] the policy that decides
//! who may add, find and list; [`serve`] (what the `servicemanager` binary runs) serves them on
//! a device.

mod access;
mod manager;

use std::os::fd::RawFd;
use std::path::Path;
use std::time::{Duration, Instant};

use libbinder::aidl::android::os::IServiceManager::BnServiceManager;
use libbinder::{BinderFeatures, ProcessState, StatusCode};

pub use access::{Access, CallingContext, PolicyError};
pub use manager::{
    is_app_uid, is_isolated_uid, is_valid_service_name, ServiceManager, MAX_NAME_LEN,
};

/// How often services with client callbacks are checked for lost clients (AOSP: 5 s).
const CLIENT_CHECK_INTERVAL: Duration = Duration::from_secs(5);

/// Runs a service manager on `device` until the driver connection fails (AOSP
/// `cmds/servicemanager/main.cpp`): no thread pool; registers itself as `manager`, becomes the
/// context manager (an error naming `EBUSY` if the device has one), calls `on_ready`, then one
/// thread polls the driver's fd, serves every call in order, and every 5 seconds tells
/// services with client callbacks whose clients are gone. Initializes this process's
/// `ProcessState` (with no pool threads).
pub fn serve(
    device: &Path,
    access: Access,
    on_ready: impl FnOnce(),
) -> Result<std::convert::Infallible, String> {
    let ps = ProcessState::init(device, 0)
        .map_err(|e| format!("cannot open {}: {e}", device.display()))?;
    let manager = ServiceManager::new(access);
    let binder =
        BnServiceManager::new_binder(manager.clone(), BinderFeatures::default()).as_binder();
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
    let fd = libbinder::thread::setup_polling().map_err(|e| format!("setup_polling: {e:?}"))?;
    tracing::info!(device = %device.display(), "servicemanager ready");
    on_ready();
    let mut next_check = Instant::now() + CLIENT_CHECK_INTERVAL;
    loop {
        let left = next_check.saturating_duration_since(Instant::now());
        if wait_readable(fd, left)? {
            libbinder::thread::handle_polled_commands()
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

//! Which paths are binder devices, and which binderd device each one is.

use std::ffi::CStr;
use std::path::{Path, PathBuf};

/// The paths Android and binderfs use.
const KNOWN: [&str; 6] = [
    "/dev/binder",
    "/dev/hwbinder",
    "/dev/vndbinder",
    "/dev/binderfs/binder",
    "/dev/binderfs/hwbinder",
    "/dev/binderfs/vndbinder",
];

/// The binderd device `path` stands for (its file name: `binder`, `hwbinder`, …), if it is a
/// binder device: one of [`KNOWN`], or one `BINDER_SIM_PATHS` names (`:`-separated, each
/// `PATH` or `PATH=DEVICE`).
pub(crate) fn device_name(path: &CStr) -> Option<String> {
    let path = path.to_str().ok()?;
    if !path.starts_with('/') {
        return None;
    }
    if KNOWN.contains(&path) {
        return Some(file_name(path));
    }
    let extra = std::env::var("BINDER_SIM_PATHS").ok()?;
    extra
        .split(':')
        .find_map(|entry| match entry.split_once('=') {
            Some((p, device)) if p == path && !device.is_empty() => Some(device.to_owned()),
            None if entry == path => Some(file_name(path)),
            _ => None,
        })
}

fn file_name(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_owned()
}

/// The socket binderd serves `device` at.
pub(crate) fn socket(device: &str) -> PathBuf {
    binder_driver::daemon::Config::default_dir().join(Path::new(device))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(p: &str) -> Option<String> {
        device_name(&std::ffi::CString::new(p).unwrap())
    }

    #[test]
    fn known_paths_name_their_device_and_others_none() {
        assert_eq!(name("/dev/binder").as_deref(), Some("binder"));
        assert_eq!(
            name("/dev/binderfs/vndbinder").as_deref(),
            Some("vndbinder")
        );
        assert_eq!(name("/dev/binder2"), None);
        assert_eq!(name("dev/binder"), None);
        assert_eq!(name("/etc/passwd"), None);
    }
}

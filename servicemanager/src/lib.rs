//! The Binder context manager: `android.os.IServiceManager` at handle 0 (AOSP
//! `cmds/servicemanager`), for binder-sim's driver.
//!
//! [`ServiceManager`] is the registry with AOSP's rules; [`Access`] the policy that decides
//! who may add, find and list; the `servicemanager` binary serves them on a device.

mod access;
mod manager;

pub use access::{Access, CallingContext, PolicyError};
pub use manager::{
    is_app_uid, is_isolated_uid, is_valid_service_name, ServiceManager, MAX_NAME_LEN,
};
